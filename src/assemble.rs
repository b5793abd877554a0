//! Stage 6, assemble: builds the [`Article`] from what the earlier stages found.
//!
//! Until the segment and metadata stages exist, the body is the input's
//! visible text split into paragraphs, and every other field stays empty.

use crate::article::{Article, Block, DecodeReport, InputInfo, InputKind};
use crate::parse::{Document, NodeData, NodeId, NONE};

/// Builds the article from decoded text of the given kind.
pub fn assemble(text: &str, kind: InputKind, bytes: usize, decode: DecodeReport) -> Article {
    let paragraphs = match kind {
        InputKind::Html => html_paragraphs(&Document::parse(text)),
        InputKind::Text => text_paragraphs(text),
    };
    let mut article = Article::empty(decode, InputInfo { kind, bytes });
    article.text = paragraphs.join("\n\n");
    article.blocks = paragraphs.into_iter().map(Block::paragraph).collect();
    article
}

/// Plain text: one paragraph per non-blank line, trimmed.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Elements whose content is never visible text.
fn is_invisible(name: &str) -> bool {
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
    )
}

/// Elements that start and end a paragraph of text.
fn is_block(name: &str) -> bool {
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
    )
}

/// Hidden by attribute: `hidden`, `aria-hidden="true"`, inline `display:none`.
fn is_hidden(element: &crate::parse::Element) -> bool {
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

/// Collects the visible text of a document as paragraphs, walking the tree
/// iteratively (no recursion, whatever the depth).
pub fn html_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = Paragraphs::default();
    let mut id: NodeId = doc.node(Document::ROOT).map_or(NONE, |n| n.first_child);
    while id != NONE {
        let Some(node) = doc.node(id) else { break };
        let mut descend = false;
        match &node.data {
            NodeData::Text(text) => out.push_text(text),
            NodeData::Element(element) => {
                let name = &*element.name;
                if name == "br" {
                    out.line_break();
                } else if matches!(name, "td" | "th") {
                    out.push_text(" ");
                }
                if !is_invisible(name) && !is_hidden(element) {
                    if is_block(name) {
                        out.paragraph_break();
                    }
                    descend = node.first_child != NONE;
                }
            }
            NodeData::Document => {}
        }
        if descend {
            id = node.first_child;
            continue;
        }
        // Leave finished nodes, closing block elements on the way up.
        let mut current = id;
        loop {
            let Some(n) = doc.node(current) else {
                id = NONE;
                break;
            };
            if n.next_sibling != NONE {
                if doc.element(current).is_some_and(|e| is_block(&e.name)) {
                    out.paragraph_break();
                }
                id = n.next_sibling;
                break;
            }
            if doc.element(current).is_some_and(|e| is_block(&e.name)) {
                out.paragraph_break();
            }
            current = n.parent;
            if current == Document::ROOT || current == NONE {
                id = NONE;
                break;
            }
        }
    }
    out.finish()
}

/// Accumulates text with collapsed whitespace into paragraphs.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn paragraph_break(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            self.done.push(text.to_string());
        }
        self.current.clear();
        self.pending_space = false;
    }

    fn finish(mut self) -> Vec<String> {
        self.paragraph_break();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_becomes_paragraphs() {
        let doc = Document::parse(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <div>Hello <b>big</b>\n  world<script>x()</script></div>\
             <p>Line one<br>line two</p><p hidden>secret</p>\
             <span style='display: none'>gone</span><ul><li>a</li><li>b</li></ul></body></html>",
        );
        assert_eq!(
            html_paragraphs(&doc),
            ["Hello big world", "Line one\nline two", "a", "b"]
        );
    }

    #[test]
    fn deep_nesting_walks_without_recursion() {
        let html = "<b>".repeat(100_000) + "deep text";
        assert_eq!(html_paragraphs(&Document::parse(&html)), ["deep text"]);
    }

    #[test]
    fn plain_text_lines_become_paragraphs() {
        assert_eq!(
            text_paragraphs("  a\n\n\u{3000}\u{3000}b  \r\nc"),
            ["a", "b", "c"]
        );
    }
}
