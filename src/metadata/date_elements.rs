//! Dates shown by elements rather than stated in metadata: a `<time>`
//! without `datetime` (`<time class="entry-time">April 26, 2024</time>`),
//! or an element whose class names the publication date (`meta-date`,
//! `post-date`, `published`). The lowest markup source of the published
//! date; the text must hold a full date (a "3 days ago" is not one).

use super::author_text::short_text;
use super::dates::find_date;
use crate::parse::tree::{Document, Element, NodeId};

/// A date element's text is at most this long (`Posted on Monday, April
/// 13, 2023 at 10:04 am` and a label); longer, it is a box around more.
const DATE_MAX_CHARS: usize = 80;

/// Class words of the publication date's element (`post-date`,
/// `entry-date`, `meta-date`, `pubdate`, `date-published`, `posted-on`).
const DATE_WORDS: &[&str] = &[
    "date",
    // (`article-byline__pub-dates`: a published and an updated date.)
    "dates",
    "pubdate",
    "published",
    "publish",
    "posted",
    "postdate",
    "timestamp",
    "time",
];

/// Words beside a date word that mark another date than the publication's
/// (a modification, a comment's, an event's) or not a date at all.
const NOT_PUBLISHED: &[&str] = &[
    "updated", "update", "modified", "edited", "comment", "reply", "event", "read", "reading",
    "picker", "input", "select", "range", "zone",
];

/// Whether an element shows the publication date: a `<time>` without a
/// machine-readable `datetime`, or an element with a date class word and no
/// word naming another date.
pub(super) fn shows_a_date(e: &Element) -> bool {
    if &*e.name == "time" {
        return e.attr("datetime").is_none();
    }
    // A `<date>` is no HTML element, but templates write one as if it were.
    if &*e.name == "date" {
        return true;
    }
    // (Compared without allocating: this runs on every element.)
    let is = |w: &str, list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    [e.attr("class"), e.attr("id")]
        .iter()
        .flatten()
        .flat_map(|v| v.split_whitespace())
        .any(|token| {
            let words = || token.split(['-', '_']).filter(|w| !w.is_empty());
            words().any(|w| is(w, DATE_WORDS)) && !words().any(|w| is(w, NOT_PUBLISHED))
        })
}

/// The text of a date element when it holds a full date; else that of the
/// first of its children that does, when the element holds more than the
/// date (`<div class="meta date-header"><span>Posted on April 13,
/// 2023</span><div class=tags>…`).
pub(super) fn date_text(doc: &Document, id: NodeId) -> Option<String> {
    let dated =
        |n: NodeId| short_text(doc, n, DATE_MAX_CHARS).filter(|t| find_date(t, None).is_some());
    dated(id).or_else(|| doc.children(id).take(DATE_CHILDREN_MAX).find_map(dated))
}

/// Children of a date element looked at for its date, at most (a date
/// line's label, date and separators; not a list of posts).
const DATE_CHILDREN_MAX: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tree::NodeData;

    fn first_date(html: &str) -> Option<String> {
        let doc = Document::parse(html);
        doc.nodes
            .iter()
            .enumerate()
            .find_map(|(i, n)| match &n.data {
                NodeData::Element(e) if shows_a_date(e) => date_text(&doc, i as NodeId),
                _ => None,
            })
    }

    #[test]
    fn dates_shown_by_elements() {
        for (html, date) in [
            (
                "<time class=entry-time>April 26, 2024</time>",
                Some("April 26, 2024"),
            ),
            (
                "<div class=post-meta><span class=meta-date><a href=/t>May 18, 2023</a></span></div>",
                Some("May 18, 2023"),
            ),
            (
                "<span class=posted-on>Posted on April 13, 2023</span>",
                Some("Posted on April 13, 2023"),
            ),
            // The date is a child of a date element holding more.
            (
                "<div class=\"meta date-section-header\"><span>Posted on April 13, 2023</span><div class=tags><span>Tags:</span><a href=/t/1>academic journals</a>, <a href=/t/2>indexing</a>, <a href=/t/3>metadata and discovery</a></div></div>",
                Some("Posted on April 13, 2023"),
            ),
            (
                "<p class=article-byline__pub-dates>Updated March 13, 2024</p>",
                Some("Updated March 13, 2024"),
            ),
            // Another date than the publication's, or no full date.
            ("<span class=updated-date>June 2, 2024</span>", None),
            ("<span class=comment-date>June 2, 2024</span>", None),
            ("<span class=date>3 days ago</span>", None),
            ("<span class=read-time>5 min read</span>", None),
            ("<time datetime=2024-01-01>New Year</time>", None),
            (
                "<date class=text-sm>December 19th, 2025</date>",
                Some("December 19th, 2025"),
            ),
        ] {
            assert_eq!(first_date(html).as_deref(), date, "{html}");
        }
    }
}
