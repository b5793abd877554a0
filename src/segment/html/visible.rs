//! Visible text as a browser would lay it out: [`TextBuf`] collapses
//! whitespace and keeps explicit line breaks; [`visible_paragraphs`] reads
//! a whole page that has no article container.

use super::classes::is_consent_manager;
use crate::parse::elements::{is_block, is_not_shown, is_shown_not_text};
use crate::parse::tree::{Document, NodeData, NodeId, NONE};

/// All visible text of a page as paragraphs (block boundaries and `<br>`
/// kept), walking the tree iteratively: the reading of a page with no
/// article container. The text of controls, graphics and `aria-hidden`
/// blocks, and of consent managers' dialogs, is returned apart, one string
/// each (boilerplate, not body).
pub fn visible_paragraphs(doc: &Document) -> (Vec<String>, Vec<String>) {
    let mut out = Paragraphs::default();
    let mut controls = Vec::new();
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
                if is_not_shown(element) {
                    // Not shown: nothing to read.
                } else if is_shown_not_text(element) || is_consent_manager(element) {
                    let text = shown_text(doc, id);
                    if !text.is_empty() {
                        controls.push(text);
                    }
                } else {
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
    (out.finish(), controls)
}

/// How many letters and digits a page shows (controls included): its
/// text's length without building it.
pub fn shown_letters(doc: &Document) -> usize {
    let mut count = 0;
    let mut stack = vec![Document::ROOT];
    while let Some(id) = stack.pop() {
        let Some(node) = doc.node(id) else { continue };
        match &node.data {
            NodeData::Text(t) => count += t.chars().filter(|c| c.is_alphanumeric()).count(),
            NodeData::Element(e) if is_not_shown(e) => {}
            _ => stack.extend(doc.children(id)),
        }
    }
    count
}

/// The shown text of a subtree, whitespace collapsed.
fn shown_text(doc: &Document, root: NodeId) -> String {
    let mut buf = TextBuf::default();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Some(node) = doc.node(id) else { continue };
        match &node.data {
            NodeData::Text(t) => buf.push(t),
            NodeData::Element(e) if is_not_shown(e) => {}
            _ => {
                buf.push(" ");
                let children: Vec<NodeId> = doc.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    buf.take()
}

/// Visible text split into paragraphs.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    buf: TextBuf,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        self.buf.push(text);
    }

    pub fn line_break(&mut self) {
        self.buf.line_break();
    }

    fn paragraph_break(&mut self) {
        let text = self.buf.take();
        if !text.is_empty() {
            self.done.push(text);
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.paragraph_break();
        self.done
    }
}

/// Collapses whitespace (keeping explicit line breaks) and trims.
#[derive(Default)]
pub struct TextBuf {
    text: String,
    space: bool,
    /// How many times the text was taken: a span opened before a take
    /// does not continue after it.
    taken: usize,
    /// Links in the text: byte range and `href` as written.
    links: Vec<(usize, usize, String)>,
}

/// A link in a taken text: its byte range there and its `href` as written.
pub type TextLink = (usize, usize, String);

impl TextBuf {
    pub fn push(&mut self, s: &str) {
        // Every Unicode space (NBSP, U+3000 indents) collapses like ASCII;
        // zero-width characters (BOM, ZWSP) are layout, not text.
        let s: std::borrow::Cow<str> = if s.contains(['\u{FEFF}', '\u{200B}']) {
            s.replace(['\u{FEFF}', '\u{200B}'], "").into()
        } else {
            s.into()
        };
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(word);
        }
    }

    pub fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
    }

    /// Where the text written so far ends, as a mark for [`TextBuf::since`].
    pub fn mark(&self) -> (usize, usize) {
        (self.taken, self.text.len())
    }

    /// Notes the text written since `mark` (trimmed) as a link to `href`;
    /// nothing when it was taken in between (a block inside the link ended
    /// a paragraph) or is empty.
    pub fn link(&mut self, mark: (usize, usize), href: &str) {
        if mark.0 != self.taken {
            return;
        }
        let Some(raw) = self.text.get(mark.1..) else {
            return;
        };
        let start = mark.1 + (raw.len() - raw.trim_start().len());
        let end = self.text.trim_end().len();
        if start < end {
            self.links.push((start, end, href.to_string()));
        }
    }

    /// [`TextBuf::take`], with the links noted in the text taken.
    pub fn take_linked(&mut self) -> (String, Vec<TextLink>) {
        let lead = self.text.len() - self.text.trim_start().len();
        let links = std::mem::take(&mut self.links)
            .into_iter()
            .map(|(start, end, href)| (start - lead, end - lead, href))
            .collect();
        (self.take(), links)
    }

    pub fn take(&mut self) -> String {
        self.links.clear();
        self.taken += 1;
        self.space = false;
        let out = self.text.trim().to_string();
        self.text.clear();
        out
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
        let (paragraphs, controls) = visible_paragraphs(&doc);
        assert_eq!(
            paragraphs,
            ["Hello big world", "Line one\nline two", "a", "b"]
        );
        assert!(controls.is_empty());
    }

    #[test]
    fn controls_and_hidden_blocks_are_read_apart() {
        let doc = Document::parse(
            "<p>Text <b aria-hidden=true>1.</b> here</p><button>Buy <svg><title>t</title></svg>now</button>\
             <div aria-hidden=true>Menu</div><dialog>closed</dialog><dialog open>Sign up</dialog>",
        );
        let (paragraphs, controls) = visible_paragraphs(&doc);
        assert_eq!(paragraphs, ["Text 1. here"]);
        assert_eq!(controls, ["Buy now", "Menu", "Sign up"]);
    }

    #[test]
    fn a_collapsed_panel_is_text_a_closed_dialog_is_not() {
        let doc = Document::parse(
            "<button aria-controls=p1>Shipping</button>\
             <div id=p1 role=region aria-hidden=true>Ships in two days.</div>\
             <div role=tabpanel aria-hidden=true>Specs.</div>\
             <div aria-labelledby=b2 aria-hidden=true>Returns within 14 days.</div>\
             <div role=dialog aria-labelledby=d aria-hidden=true>Cookie settings</div>\
             <div role=group aria-hidden=true>Slide 2</div>",
        );
        let (paragraphs, controls) = visible_paragraphs(&doc);
        assert_eq!(
            paragraphs,
            ["Ships in two days.", "Specs.", "Returns within 14 days."]
        );
        assert_eq!(controls, ["Shipping", "Cookie settings", "Slide 2"]);
    }

    #[test]
    fn deep_nesting_walks_without_recursion() {
        let html = "<b>".repeat(100_000) + "deep text";
        assert_eq!(visible_paragraphs(&Document::parse(&html)).0, ["deep text"]);
    }
}
