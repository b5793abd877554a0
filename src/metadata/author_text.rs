//! Reading a name out of an element's text: the text itself, bounded
//! (`short_text`), and the checks that it is a person's name or a forum
//! user's handle. Shared by the element readers of authors, labels,
//! sources and dates.

use super::latin_names::{NAME_PARTICLES, ROLE_WORDS, UI_WORDS};
use super::names::split_names;
use crate::parse::elements::is_not_shown;
use crate::parse::tree::{Document, Element, NodeData, NodeId};
use crate::text::{at_most_chars, collapse_whitespace, is_cjk_letter};

/// A forum's user name (`sean_g`, `ridwan123`, `hayley.p`), accepted where
/// the markup says it is an author (an `itemprop=author` item, a `Thread
/// starter` label): one word of letters, digits and `._-`, with a letter.
pub(super) fn user_handle(text: &str) -> Option<String> {
    let handle = text.trim();
    let shaped = (HANDLE_MIN_CHARS..=HANDLE_MAX_CHARS).contains(&handle.chars().count())
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && handle.chars().any(char::is_alphabetic)
        && !UI_WORDS.contains(&handle.to_lowercase().as_str());
    shaped.then(|| handle.to_string())
}

/// A user name is at least this long (`JGD`)…
const HANDLE_MIN_CHARS: usize = 2;
/// …and at most this long (forums cap them near 30).
const HANDLE_MAX_CHARS: usize = 40;

/// An author element's text is at most this long (a name or two with a
/// "By"); longer, it is a bio or a box around more than the name.
pub(super) const AUTHOR_MAX_CHARS: usize = 80;

/// Text of a subtree, whitespace collapsed, if at most `max` characters:
/// the walk stops past it (an author class on a page-sized wrapper costs
/// no more than a name).
pub(super) fn short_text(doc: &Document, root: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        match doc.node(id).map(|n| &n.data) {
            Some(NodeData::Text(t)) => {
                out.push_str(t);
                out.push(' ');
                if out.len() > max * 4 {
                    return None;
                }
            }
            Some(NodeData::Element(e)) if is_not_shown(e) => {}
            // (A screen reader's copy of the name beside the shown one.)
            Some(NodeData::Element(e)) if id != root && is_screen_reader_text(e) => {}
            Some(_) => {
                let children: Vec<NodeId> = doc.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
            None => {}
        }
    }
    let text = collapse_whitespace(&out);
    at_most_chars(&text, max).then_some(text)
}

/// Classes of text shown to screen readers only (Bootstrap's, WordPress's,
/// XenForo's).
const SCREEN_READER_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "u-srOnly",
];

/// Whether an element's text is for screen readers only.
fn is_screen_reader_text(e: &Element) -> bool {
    e.attr("class").is_some_and(|c| {
        c.split_whitespace().any(|w| {
            SCREEN_READER_CLASSES
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
    })
}

/// The name in an author element's text: a leading `By`/`Written by`/
/// `Author:` (`Par`, `Por`, `Von`, `Di`, `Door`) dropped; then each name of
/// it (`split_names`) looks like one: Latin words capitalised (but `van`, `de`, `von`…), CJK names of two to
/// four characters, no digits, `@` or `|`, no word of a control (`Sign
/// In`, `View all posts`).
pub(super) fn author_name(text: &str) -> Option<String> {
    let mut name = text.trim();
    for label in [
        "written by",
        "posted by",
        "author:",
        "authors:",
        "by:",
        "by",
        "par",
        "por",
        "von",
        "di",
        "door",
    ] {
        if name.len() >= label.len()
            && name.is_char_boundary(label.len())
            && name[..label.len()].eq_ignore_ascii_case(label)
            && name[label.len()..].starts_with([' ', ':', '\u{a0}'])
        {
            name = name[label.len()..].trim_start_matches([' ', ':', '\u{a0}']);
            break;
        }
    }
    let name = name.trim();
    // (`Last Updated:`, `Coming Soon!`: a label or a call, never a name.)
    if name.ends_with([':', '!', '?']) {
        return None;
    }
    let words = name.split_whitespace().count();
    let plausible = (1..=AUTHOR_MAX_WORDS).contains(&words)
        && !name.contains(|c: char| c.is_ascii_digit() || c == '@' || c == '|')
        && split_names(name).iter().all(|n| looks_like_a_name(n));
    plausible.then(|| name.to_string())
}

/// One person's name, as `author_name` checks it.
fn looks_like_a_name(name: &str) -> bool {
    if name.chars().any(is_cjk_letter) {
        let letters = name.chars().filter(|&c| c != '·').count();
        return (2..=4).contains(&letters) || name.contains('·');
    }
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .map(str::to_string)
        .collect();
    let capitalised = |w: &String| w.chars().next().is_some_and(char::is_uppercase);
    let lower = |w: &String| w.to_lowercase();
    // A group that signs as one (`Podium Staff`, `Team SimplyThrilled`):
    // the collective word beside a word that names the group.
    let names_a_group = words.iter().any(|w| {
        capitalised(w)
            && !COLLECTIVE_WORDS.contains(&lower(w).as_str())
            && !UI_WORDS.contains(&lower(w).as_str())
            && !ROLE_WORDS.contains(&lower(w).as_str())
    });
    !words.is_empty()
        && words.iter().all(|w| {
            let lower = lower(w);
            (names_a_group && COLLECTIVE_WORDS.contains(&lower.as_str()))
                || (!UI_WORDS.contains(&lower.as_str())
                    && (capitalised(w) || NAME_PARTICLES.contains(&lower.as_str())))
        })
}

/// Words by which a group signs a byline (`The Meetingnotes Team`); alone
/// (`Team`, `Our Staff`) they head a page of people, not a byline.
const COLLECTIVE_WORDS: &[&str] = &["team", "staff"];

/// A name found by class is at most this many words (two names with `and`).
const AUTHOR_MAX_WORDS: usize = 7;
