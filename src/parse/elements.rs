//! What HTML says about elements, whatever the page: which are never
//! visible, which start a block, which are hidden by attribute, and the
//! text of a subtree as written.

use super::tree::{Document, Element, NodeData, NodeId};

/// Elements whose content a browser never renders as text (scripts,
/// embedded documents and their fallbacks, ruby readings).
fn is_not_rendered(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "noembed"
            | "noframes"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            // An SVG description (its `title` is matched above) and a
            // MathML annotation (TeX source beside the formula); HTML has
            // no such elements.
            | "desc"
            | "annotation"
            | "annotation-xml"
            // Ruby readings (pinyin, furigana) are annotations, not text.
            | "rt"
            | "rp"
    )
}

/// Elements a reader sees but that are not running text: form controls,
/// graphics and dialogs. Their text is kept as boilerplate. (A formula,
/// `<math>`, is text: it is read in its sentence.)
fn is_control_or_graphic(name: &str) -> bool {
    matches!(
        name,
        "svg" | "select" | "textarea" | "button" | "input" | "dialog"
    )
}

/// Elements whose content is never article text: not rendered, or a
/// control or graphic.
fn is_invisible(name: &str) -> bool {
    is_not_rendered(name) || is_control_or_graphic(name)
}

/// Whether an element is a main landmark: `<main>` or `role=main`.
pub fn is_main_landmark(element: &Element) -> bool {
    &*element.name == "main"
        || element
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
}

/// Elements that start and end a block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "figure"
            | "figcaption"
            | "pre"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "body"
            | "html"
            | "center"
            | "details"
            | "summary"
            | "caption"
            | "menu"
            | "td"
            | "th"
    )
}

/// A part of the page React's streamed rendering sent late: `<div hidden
/// id="S:n">`, which its script (`$RC("B:n","S:n")`) moves into the
/// placeholder `<template id="B:n">` and shows. The page's content (often
/// all of it, on Next.js sites), hidden only until the script runs.
fn is_streamed_part(element: &Element) -> bool {
    element
        .attr("id")
        .and_then(|id| id.strip_prefix("S:"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Attributes script frameworks hide an element by until their scripts
/// have compiled it (Vue's `v-cloak`, Alpine's `x-cloak`, AngularJS's
/// `ng-cloak`: each documents the stylesheet rule `[v-cloak] { display:
/// none }`): a closed modal in a page's template, or the whole app.
pub const CLOAK_ATTRIBUTES: [&str; 3] = ["v-cloak", "x-cloak", "ng-cloak"];

/// Whether a script framework hides the element until it has run
/// ([`CLOAK_ATTRIBUTES`]; AngularJS also takes `class="ng-cloak"`).
pub fn is_cloaked(element: &Element) -> bool {
    CLOAK_ATTRIBUTES.iter().any(|a| element.attr(a).is_some())
        || element
            .attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "ng-cloak"))
}

/// Not rendered because of an attribute: `hidden` (but not on a streamed
/// part, [`is_streamed_part`]), inline `display:none` or `visibility:hidden`,
/// a `<dialog>` that is not `open`; never a tab panel (`role=tabpanel`).
pub fn is_hidden(element: &Element) -> bool {
    // A tab panel is the page's content one click away (a code sample in
    // each language, a product's details): the tab list hides the others
    // only to lay them out, as the labellers of WCXB's pages read them.
    if element.attr("role") == Some("tabpanel") {
        return false;
    }
    (element.attr("hidden").is_some() && !is_streamed_part(element))
        || (&*element.name == "dialog" && element.attr("open").is_none())
        || element.attr("style").is_some_and(|style| {
            let style = compact_style(style);
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

/// A `style` value (or one declaration of it) without whitespace, lower
/// case: `Visibility : hidden` is `visibility:hidden`.
pub fn compact_style(style: &str) -> String {
    style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Not shown: an element that is never rendered (a declarative shadow root
/// — `<template shadowrootmode>` — is: browsers attach it and render its
/// content) or one hidden by attribute.
pub fn is_not_shown(element: &Element) -> bool {
    let shadow_root = &*element.name == "template"
        && (element.attr("shadowrootmode").is_some() || element.attr("shadowroot").is_some());
    (is_not_rendered(&element.name) && !shadow_root) || is_hidden(element)
}

/// Shown, but hidden from screen readers (`aria-hidden="true"`): icons,
/// duplicated labels, decorative text. Not article text; kept as boilerplate.
/// Not a collapsed panel (an accordion's or a tab's, `role="region"` or
/// `"tabpanel"`, or without a role but named by its button with
/// `aria-labelledby`): it is hidden until the reader opens it, and its
/// text is the page's. (A closed dialog is named so too.)
fn is_aria_hidden(element: &Element) -> bool {
    element.attr("aria-hidden") == Some("true")
        && match element.attr("role") {
            Some(role) => !matches!(role, "region" | "tabpanel"),
            None => element.attr("aria-labelledby").is_none(),
        }
}

/// Shown but not running text: a control or graphic, a block hidden
/// from screen readers, or one a script framework cloaks ([`is_cloaked`]:
/// hidden by the framework's stylesheet, shown without it). An inline
/// `aria-hidden` element (a list number, a glyph) is read with its line.
pub fn is_shown_not_text(element: &Element) -> bool {
    is_control_or_graphic(&element.name)
        || (is_aria_hidden(element) && is_block(&element.name))
        || is_cloaked(element)
}

/// The text of a subtree exactly as written, `<br>` as a newline (for
/// `<pre>`, and for the metadata reader with `skip_invisible`, which leaves
/// out ruby readings and scripts below `root`).
pub fn subtree_text(doc: &Document, root: NodeId, skip_invisible: bool) -> String {
    let mut out = String::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Some(node) = doc.node(id) else { continue };
        match &node.data {
            NodeData::Text(t) => out.push_str(t),
            NodeData::Element(e) if &*e.name == "br" => out.push('\n'),
            NodeData::Element(e) if skip_invisible && id != root && is_invisible(&e.name) => {}
            _ => {
                let children: Vec<NodeId> = doc.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    out
}
