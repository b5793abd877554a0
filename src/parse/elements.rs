//! What HTML says about elements, whatever the page: which are never
//! visible, which start a block, which are hidden by attribute, and the
//! text of a subtree as written.

use super::tree::{Document, Element, NodeData, NodeId};

/// Elements whose content is never visible text.
pub fn is_invisible(name: &str) -> bool {
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
            | "svg"
            | "math"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "noembed"
            | "noframes"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            // Ruby readings (pinyin, furigana) are annotations, not text.
            | "rt"
            | "rp"
    )
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

/// Hidden by attribute: `hidden`, `aria-hidden="true"`, inline `display:none`.
pub fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|style| {
            let style: String = style
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
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
