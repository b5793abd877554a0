//! What a browser without scripts shows. A page built by scripts (a forum
//! thread, a single-page app) often has no article in its markup but its
//! whole content in `<noscript>` for crawlers and readers without scripts;
//! a browser with scripts — and this parser, as the standard has it for
//! one — reads `<noscript>` as raw text and shows none of it.

use crate::parse::tree::{Document, NodeData, NodeId};

/// The markup of every `<noscript>` in the body, in order, parsed as one
/// document (with the same bounds as any page); `None` when the body has
/// none with any markup, or less than `at_least` bytes of it (it cannot
/// show more than an article of that length). A `<noscript>` in the head
/// holds styles and tracking pixels, never content. The markup is taken
/// out of `doc` (where it is never shown), not copied: the two trees and
/// the markup are the peak memory of such a page.
pub fn document(doc: &mut Document, at_least: usize) -> Option<Document> {
    // The body is the root's child or grandchild (this tree has no `<html>`
    // the page did not write).
    let body = doc
        .children(Document::ROOT)
        .flat_map(|top| std::iter::once(top).chain(doc.children(top)))
        .find(|&id| doc.element(id).is_some_and(|e| &*e.name == "body"))?;
    let text_len = |doc: &Document, id: NodeId| match doc.node(id).map(|n| &n.data) {
        Some(NodeData::Text(t)) => t.len(),
        _ => 0,
    };
    let mut texts: Vec<NodeId> = Vec::new();
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        let Some(element) = doc.element(id) else {
            continue;
        };
        if &*element.name == "noscript" {
            texts.extend(doc.children(id).filter(|&child| text_len(doc, child) > 0));
        } else {
            let children: Vec<NodeId> = doc.children(id).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    let length: usize = texts.iter().map(|&id| text_len(doc, id) + 1).sum();
    if texts.is_empty() || length < at_least {
        return None;
    }
    let mut markup = String::with_capacity(length);
    for id in texts {
        if let Some(NodeData::Text(t)) = doc.nodes.get_mut(id as usize).map(|n| &mut n.data) {
            markup.push_str(&std::mem::take(t));
            markup.push('\n');
        }
    }
    markup.contains('<').then(|| Document::parse(&markup))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(doc: &Document) -> String {
        doc.nodes
            .iter()
            .filter_map(|n| match &n.data {
                NodeData::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_body_noscripts_are_read_in_order_and_the_head_ones_not() {
        for page in [
            "<html><head><noscript><style>x{}</style></noscript></head><body><div>Loading</div>\
             <noscript><p>One.</p></noscript><div><noscript><p>Two.</p></noscript></div></body></html>",
            "<body><div>Loading</div><noscript><p>One.</p></noscript><noscript><p>Two.</p></noscript>",
        ] {
            let mut doc = Document::parse(page);
            assert!(document(&mut doc, 100).is_none(), "shorter than the article");
            let shown = document(&mut doc, 0).expect("noscript markup");
            assert_eq!(text_of(&shown).trim(), "One.\nTwo.", "{page}");
        }
        let mut plain = Document::parse("<body><noscript>Enable scripts.</noscript><p>Text.</p>");
        assert!(document(&mut plain, 0).is_none(), "no markup to read");
    }
}
