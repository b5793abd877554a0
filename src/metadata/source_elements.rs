//! The source shown by an element rather than labelled in a credit line:
//! an element whose class names the source (`<a class="source">新京报</a>`,
//! `<span class="index_source">来自<a>中国新闻网</a></span>`). The lowest
//! source of `source`, read only when no credit line names one.

use super::author_text::short_text;
use crate::parse::tree::{Document, Element, NodeId};
use crate::text::is_cjk_letter;

/// A source element's text is at most this long (an outlet's name and a
/// label); longer, it is a box around more.
const SOURCE_MAX_CHARS: usize = 30;

/// Labels a source element may hold before the outlet's name.
const SOURCE_LABELS: &[&str] = &[
    "来源：",
    "来源:",
    "來源：",
    "來源:",
    "稿源：",
    "来自",
    "來自",
    "Source:",
    "Source",
];

/// Whether an element's class or id names the article's source: a token
/// `source` or one ending `-source` / `_source` (`ent-source`,
/// `index_source`, `m-con-source`).
pub(super) fn shows_a_source(e: &Element) -> bool {
    // (Compared in place: this runs on every element of the page.)
    let ends_source = |token: &str| {
        let b = token.as_bytes();
        let tail = b.len().checked_sub(6).and_then(|at| b.get(at..));
        tail.is_some_and(|t| t.eq_ignore_ascii_case(b"source")) && {
            let before = b.len().checked_sub(7).and_then(|i| b.get(i));
            before.is_none_or(|&c| c == b'-' || c == b'_')
        }
    };
    ["class", "id"]
        .iter()
        .filter_map(|a| e.attr(a))
        .any(|v| v.split_ascii_whitespace().any(ends_source))
}

/// The outlet a source element names, its label dropped.
pub(super) fn source_text(doc: &Document, id: NodeId) -> Option<String> {
    let text = short_text(doc, id, SOURCE_MAX_CHARS)?;
    let text = text.trim();
    let name = SOURCE_LABELS
        .iter()
        .find_map(|l| text.strip_prefix(l))
        .unwrap_or(text)
        .trim()
        .trim_matches(['[', ']', '【', '】'])
        .trim();
    // (A date or a count is no outlet. Chinese and Japanese portals only:
    // on English pages the class marks an image's source, `Image Credit:
    // WeWork`.)
    let named = !name.is_empty()
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.chars().any(is_cjk_letter);
    named.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tree::NodeData;

    fn first_source(html: &str) -> Option<String> {
        let doc = Document::parse(html);
        (0..doc.nodes.len() as NodeId).find_map(|id| match doc.node(id).map(|n| &n.data) {
            Some(NodeData::Element(e)) if shows_a_source(e) => source_text(&doc, id),
            _ => None,
        })
    }

    #[test]
    fn a_source_class_names_the_outlet() {
        assert_eq!(
            first_source("<a class='source ent-source' href=#>新京报</a>").as_deref(),
            Some("新京报")
        );
        assert_eq!(
            first_source("<span class=index_source>来自<a href=#>中国新闻网</a></span>").as_deref(),
            Some("中国新闻网")
        );
        // A video's <source>, a resource list or a date is none.
        assert_eq!(first_source("<video><source src=a.mp4></video>"), None);
        assert_eq!(first_source("<div class=resources>Links</div>"), None);
        assert_eq!(first_source("<span class=source>2024-11-16</span>"), None);
        assert_eq!(
            first_source("<span class=image-source>Image Credit: WeWork</span>"),
            None
        );
    }
}
