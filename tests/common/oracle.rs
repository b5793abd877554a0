//! The visible text of a page as our tree builder and as html5ever (the
//! HTML standard's tree construction, a test-only oracle) build it, for
//! `tests/tree_oracle.rs` and the `tree_diff` fuzz target.
//!
//! "Visible" here is only what tree construction decides: the text under
//! `<body>` outside elements that are never rendered. Whitespace is left
//! out (element boundaries may split words differently when the standard
//! clones formatting elements), so a difference is text lost, added or
//! moved. Foreign content is bracketed (`⟨…⟩` around `svg` and `math`),
//! so text that stays inside an `svg` the standard would have closed differs.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData as TheirData, RcDom};
use newsdecode::internals::{Document, NodeData};

/// Elements whose content is never rendered, whichever tree holds them.
fn never_rendered(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "noembed"
            | "noframes"
            | "iframe"
            | "textarea"
            | "select"
    )
}

/// The first place the two trees' visible text differs.
#[derive(Debug)]
pub struct Difference {
    /// Characters (whitespace left out) before the difference.
    pub at: usize,
    /// Our text from a little before the difference.
    pub ours: String,
    /// The standard's text from the same place.
    pub theirs: String,
}

/// Compares the visible text of both trees of `html`.
pub fn differences(html: &str) -> Option<Difference> {
    let ours = ours(html);
    let theirs = theirs(html);
    if ours == theirs {
        return None;
    }
    let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    let context = |chars: &[char]| -> String {
        chars
            .get(at.saturating_sub(30)..)
            .unwrap_or_default()
            .iter()
            .take(90)
            .collect()
    };
    Some(Difference {
        at,
        ours: context(&ours),
        theirs: context(&theirs),
    })
}

fn keep(text: &str, out: &mut Vec<char>) {
    out.extend(
        text.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{FFFD}'),
    );
}

/// Our tree's visible text.
pub fn ours(html: &str) -> Vec<char> {
    let doc = Document::parse(html);
    let mut out = Vec::new();
    let mut stack = vec![Some(Document::ROOT)];
    // `None` closes an `svg`/`math` bracket.
    while let Some(entry) = stack.pop() {
        let Some((id, node)) = entry.and_then(|id| Some((id, doc.node(id)?))) else {
            out.push('⟩');
            continue;
        };
        match &node.data {
            NodeData::Text(t) => keep(t, &mut out),
            NodeData::Element(e) if never_rendered(&e.name) => {}
            data => {
                if matches!(data, NodeData::Element(e) if matches!(&*e.name, "svg" | "math")) {
                    out.push('⟨');
                    stack.push(None);
                }
                let children: Vec<_> = doc.children(id).map(Some).collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    out
}

/// The standard tree's visible text.
pub fn theirs(html: &str) -> Vec<char> {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut out = Vec::new();
    let mut stack: Vec<Option<Handle>> = vec![Some(dom.document.clone())];
    while let Some(entry) = stack.pop() {
        let Some(node) = entry else {
            out.push('⟩');
            continue;
        };
        match &node.data {
            TheirData::Text { contents } => keep(&contents.borrow(), &mut out),
            TheirData::Element { name, .. } if never_rendered(&name.local) => {}
            TheirData::Comment { .. }
            | TheirData::Doctype { .. }
            | TheirData::ProcessingInstruction { .. } => {}
            data => {
                if let TheirData::Element { name, .. } = data {
                    if name.ns != html5ever::ns!(html) && matches!(&*name.local, "svg" | "math") {
                        out.push('⟨');
                        stack.push(None);
                    }
                }
                stack.extend(node.children.borrow().iter().rev().cloned().map(Some));
            }
        }
    }
    out
}

/// Whether our tree of `html` differs from the standard's by design: past
/// the depth or node bound (`docs/RELIABILITY.md`) elements are attached
/// flat or dropped, so structure (and foster parenting) can differ there.
/// The fuzz target skips such inputs; the bounds themselves are tested in
/// `tests/bounds.rs` and the tree's unit tests.
pub fn explained(html: &str) -> bool {
    let limits = Document::parse(html).limits;
    limits.flattened > 0 || limits.dropped_elements > 0
}
