//! What the HTML standard's tree construction says about tag names: which
//! are void, which close a paragraph, where scopes end, what stays in the
//! head or in a table, and what ends foreign (`svg`, `math`) content.

/// The namespace of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// HTML (and everything outside `svg`/`math`).
    Html,
    /// SVG.
    Svg,
    /// MathML.
    Math,
}

/// Elements with no content and no end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
    )
}

/// Start tags that close an open `<p>`.
pub(super) fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "plaintext"
            | "listing"
    )
}

/// Elements an implied-end search does not look past.
pub(super) fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "table"
            | "td"
            | "th"
            | "caption"
            | "marquee"
            | "object"
            | "applet"
            | "template"
            | "button"
            | "svg"
            | "math"
    )
}

/// Elements the standard keeps in `<head>`; any other start tag, or text
/// that is not whitespace, ends the head and opens an implied `<body>`.
pub(super) fn belongs_in_head(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "title"
            | "noscript"
            | "noframes"
            | "style"
            | "script"
            | "template"
            | "head"
    )
}

/// Open elements inside which text and most elements do not belong: the
/// standard moves them to just before the table.
pub(super) fn is_table_context(name: &str) -> bool {
    matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr")
}

/// Start tags a table keeps (everything else is foster-parented).
pub(super) fn stays_in_table(name: &str) -> bool {
    matches!(
        name,
        "caption"
            | "colgroup"
            | "col"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "script"
            | "style"
            | "template"
            | "form"
            | "input"
    )
}

/// HTML start tags that end foreign (`svg`, `math`) content.
pub(super) fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// Foreign elements whose content is HTML again.
pub(super) fn is_integration_point(ns: Ns, name: &str) -> bool {
    match ns {
        Ns::Svg => matches!(name, "foreignobject" | "desc" | "title"),
        Ns::Math => matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"),
        Ns::Html => false,
    }
}

/// `<h1>`…`<h6>`.
pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose content is never shown, whatever the page's style.
pub(super) fn hides_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "title"
            | "textarea"
            | "noembed"
            | "noframes"
            | "iframe"
    )
}

/// Start tags that belong to a table's own structure.
pub(super) fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "colgroup" | "col" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
    )
}
