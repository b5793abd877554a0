//! Authors named after a label rather than marked up: a label alone in
//! its element before the name (`<p>Written by</p><p>…</p>`), a label
//! opening a line before the names' elements (`Text by <a>…</a>`), and a
//! forum thread's starter (`Thread starter`, `started by`). Part of
//! the element readers' one pass over the tree.

use super::author_text::{author_name, short_text, user_handle, AUTHOR_MAX_CHARS};
use crate::parse::tree::{Document, Element, NodeData, NodeId, NONE};
use crate::text::{at_most_chars, is_cjk_letter};

/// Labels standing alone in their element before the author's name in the
/// next one (`<p>Written by</p><p>Edzel Tabing</p>`). Not a bare "Author":
/// that heads sidebar boxes ("Author" then "Recent Posts").
const AUTHOR_LABELS: &[&str] = &[
    "written by",
    "by",
    "posted by",
    "words by",
    "authored by",
    "article by",
    "text by",
    "thread starter",
    "started by",
];

/// A text read as a label: trimmed, a colon after it dropped.
fn as_label(text: &str) -> &str {
    text.trim().trim_end_matches(':').trim_end()
}

/// The label a text is, one of [`AUTHOR_LABELS`] (a colon after it
/// allowed), trimmed.
fn author_label(text: &str) -> Option<&str> {
    let label = as_label(text);
    AUTHOR_LABELS
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
        .then_some(label)
}

/// The name after a label element ([`AUTHOR_LABELS`]): the next element
/// beside it, else beside its parent, when that reads as a name; and
/// whether the label names a forum thread's starter. Not on CJK text (as
/// an author class's).
pub(super) fn labelled_author(doc: &Document, id: NodeId) -> Option<(String, bool)> {
    let node = doc.node(id)?;
    let only = doc.node(node.first_child)?;
    let NodeData::Text(label) = &only.data else {
        return None;
    };
    if only.next_sibling != NONE {
        return None;
    }
    let label = author_label(label)?;
    let next = next_element(doc, id).or_else(|| next_element(doc, node.parent))?;
    // (A forum names its thread's starter by user name.)
    let forum =
        label.eq_ignore_ascii_case("thread starter") || label.eq_ignore_ascii_case("started by");
    short_text(doc, next, AUTHOR_MAX_CHARS)
        .filter(|t| !t.chars().any(is_cjk_letter))
        .and_then(|t| author_name(&t).or_else(|| user_handle(&t).filter(|_| forum)))
        .map(|name| (name, forum))
}

/// Labels of a credit that is not the author's: who reviewed, checked,
/// edited or photographed the article (`Fact checked by` before a name in
/// an author-classed element: Dotdash's attribution lines).
const OTHER_ROLES: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "photo by",
    "photos by",
    "illustration by",
];

/// How many elements up from a name [`credited_in_other_role`] looks for
/// the label before it: a name sits in a link in a hover card in the line.
const ROLE_LABEL_MAX_LEVELS: usize = 4;

/// Whether the text just before element `id` (its own or an ancestor's
/// previous sibling with text other than its own, a few levels up) is an
/// [`OTHER_ROLES`] label: the name after it is a reviewer's or an editor's.
pub(super) fn credited_in_other_role(doc: &Document, id: NodeId) -> bool {
    // (The same name in a link before its hover card is passed.)
    let name = short_text(doc, id, AUTHOR_MAX_CHARS);
    let mut at = id;
    for _ in 0..ROLE_LABEL_MAX_LEVELS {
        let Some(node) = doc.node(at) else {
            return false;
        };
        let mut before: Option<String> = None;
        for sibling in doc.children(node.parent) {
            if sibling == at {
                break;
            }
            // (Blank text is passed; a long one is text, no label.)
            match short_text(doc, sibling, AUTHOR_MAX_CHARS) {
                Some(text) if text.is_empty() || Some(&text) == name.as_ref() => {}
                text => before = Some(text.unwrap_or_default()),
            }
        }
        if let Some(text) = before {
            return OTHER_ROLES
                .iter()
                .any(|r| r.eq_ignore_ascii_case(as_label(&text)));
        }
        at = node.parent;
    }
    false
}

/// The words before a forum thread's starter in a line of text
/// (`Discussion in 'Hosting Advice' started by <a>pelex</a>, date`;
/// `Started by Biology Forums, June 04, 2024`).
const STARTED_BY: &str = "started by";

/// A thread's starter named in element `id`'s own text: after a text
/// ending in [`STARTED_BY`], the next child element's text (XenForo's);
/// or its text opening with it, up to the comma before the date (SMF's).
pub(super) fn started_by(doc: &Document, id: NodeId) -> Option<String> {
    // (A whole word: not `restarted by`.)
    let ends_with_label = |t: &str| {
        let t = t.trim_end();
        t.len() >= STARTED_BY.len()
            && t.get(t.len() - STARTED_BY.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(STARTED_BY))
            && !t[..t.len() - STARTED_BY.len()].ends_with(|c: char| c.is_alphanumeric())
    };
    let mut child = doc.node(id)?.first_child;
    let mut first = true;
    while let Some(node) = doc.node(child) {
        if let NodeData::Text(t) = &node.data {
            let lead = t.trim_start();
            let opening = lead
                .get(..STARTED_BY.len())
                .filter(|label| first && label.eq_ignore_ascii_case(STARTED_BY))
                .and_then(|_| lead.get(STARTED_BY.len()..))
                .filter(|rest| rest.starts_with(' '));
            if let Some(rest) = opening {
                let name = rest.split_once(',').map_or("", |(name, _)| name);
                return author_name(name).or_else(|| user_handle(name));
            }
            if ends_with_label(t) {
                let next = next_element(doc, child)?;
                return short_text(doc, next, AUTHOR_MAX_CHARS)
                    .and_then(|t| user_handle(&t).or_else(|| author_name(&t)));
            }
        }
        first = false;
        child = node.next_sibling;
    }
    None
}

/// The name after a label opening element `id`'s own text, in the element
/// that follows it (`<div class=attribution>Text by <a>Hunter
/// Dukes</a></div>`): as [`labelled_author`], the label and the name
/// sharing a parent.
pub(super) fn label_before_name(doc: &Document, id: NodeId, e: &Element) -> Option<String> {
    // (`<span class="comments-post">Posted by: <a>John</a>`: a reader's.)
    if e.attr("class").is_some_and(|c| c.contains("comment")) {
        return None;
    }
    let mut child = doc.node(id)?.first_child;
    // The first text that is not blank.
    while let Some(node) = doc.node(child) {
        match &node.data {
            NodeData::Text(t) if t.trim().is_empty() => child = node.next_sibling,
            NodeData::Text(t) => {
                if author_label(t).is_some() {
                    return names_after(doc, child);
                }
                // (Label and name in one text, the element's whole text:
                // `<p>Written by John Crenshaw</p>` closing a post.)
                return (node.next_sibling == NONE)
                    .then(|| named_after_label(t))
                    .flatten();
            }
            _ => return None,
        }
    }
    None
}

/// The name in a text that opens with a written label (`Written by`,
/// `Posted by`; not a bare `By`, which opens sentences and captions), the
/// rest of the text read as a name.
fn named_after_label(text: &str) -> Option<String> {
    let text = text.trim();
    let label = AUTHOR_LABELS
        .iter()
        .filter(|l| l.contains(' ') && !matches!(**l, "thread starter" | "started by"))
        .find(|l| {
            text.get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l))
        })?;
    let name = text.get(label.len()..)?.trim_start_matches(':').trim();
    // (A sentence's stop after the name, not an initial's: `Alon Zakai.`)
    let name = match name.strip_suffix('.') {
        Some(rest) if rest.ends_with(|c: char| c.is_lowercase()) => rest,
        _ => name,
    };
    if name.chars().any(is_cjk_letter) || !at_most_chars(name, AUTHOR_MAX_CHARS) {
        return None;
    }
    author_name(name)
}

/// The names in the elements after node `label` among its siblings, as
/// long as only `,`, `and` or `&` stand between them (`By <a>Matthew
/// Digby</a>, <a>Minh Do</a> <span>on Monday…`), joined by `, `.
fn names_after(doc: &Document, label: NodeId) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut next = doc.node(label)?.next_sibling;
    while let Some(node) = doc.node(next) {
        match &node.data {
            NodeData::Text(t) if matches!(t.trim(), "" | "," | "and" | "&") => {}
            NodeData::Element(_) => {
                let name = short_text(doc, next, AUTHOR_MAX_CHARS)
                    .filter(|t| !t.chars().any(is_cjk_letter))
                    .and_then(|t| author_name(&t));
                match name {
                    Some(name) => names.push(name),
                    None => break,
                }
            }
            _ => break,
        }
        next = node.next_sibling;
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// The element right after `id` among its siblings (blank text passed;
/// other text between them: none).
fn next_element(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut next = doc.node(id)?.next_sibling;
    while let Some(node) = doc.node(next) {
        match &node.data {
            NodeData::Element(_) => return Some(next),
            NodeData::Text(t) if t.trim().is_empty() => next = node.next_sibling,
            _ => return None,
        }
    }
    None
}
