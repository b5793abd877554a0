//! A headline's text without the tags forum software sets before a
//! thread's title (XenForo's `<span class="label">News</span><span
//! class="label-append">&nbsp;</span>Digital Cameras…`): a prefix the
//! forum files the thread under, not part of its title.

use crate::parse::elements::subtree_text;
use crate::parse::tree::{Document, NodeData, NodeId};
use crate::text::collapse_whitespace;

/// The text of heading `id`, its leading tag elements left out when text
/// follows them.
pub(super) fn headline_text(doc: &Document, id: NodeId) -> String {
    let children: Vec<NodeId> = doc.children(id).collect();
    let leading = children
        .iter()
        .take_while(|&&child| is_blank(doc, child) || is_tag(doc, child))
        .count();
    let has_tag = children.iter().take(leading).any(|&c| is_tag(doc, c));
    let rest = children.get(leading..).unwrap_or_default();
    let text = if has_tag && !rest.is_empty() {
        rest.iter().map(|&c| subtree_text(doc, c, true)).collect()
    } else {
        subtree_text(doc, id, true)
    };
    collapse_whitespace(&text)
}

fn is_blank(doc: &Document, id: NodeId) -> bool {
    doc.node(id)
        .is_some_and(|n| matches!(&n.data, NodeData::Text(t) if t.trim().is_empty()))
}

/// An element whose class has the word `label` (`label label--primary`,
/// `label-append`): a tag, not words of the title.
fn is_tag(doc: &Document, id: NodeId) -> bool {
    doc.element(id)
        .and_then(|e| e.attr("class"))
        .is_some_and(|class| {
            class
                .split_whitespace()
                .flat_map(|token| token.split(['-', '_']))
                .any(|word| word.eq_ignore_ascii_case("label"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h1(html: &str) -> String {
        let doc = Document::parse(html);
        let id = (0..doc.nodes.len() as NodeId)
            .find(|&i| doc.element(i).is_some_and(|e| &*e.name == "h1"))
            .expect("an h1");
        headline_text(&doc, id)
    }

    #[test]
    fn a_forums_prefix_tag_leaves_the_title() {
        let tagged = "<h1><span class=\"label label--primary\">Tips/Techniques</span>\
                      <span class=\"label-append\">&nbsp;</span>ProxMox or Debian?</h1>";
        assert_eq!(h1(tagged), "ProxMox or Debian?");
        // A heading that is a label alone, or words in plain spans, stay.
        assert_eq!(h1("<h1><span class=label>Notice</span></h1>"), "Notice");
        assert_eq!(
            h1("<h1><span>Breaking:</span> Council votes</h1>"),
            "Breaking: Council votes"
        );
    }
}
