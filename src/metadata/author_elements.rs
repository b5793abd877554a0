//! Authors named by elements rather than metadata: an `itemprop=author`
//! item, or an element whose class names the author (`author-name`,
//! `byline`). The lowest sources of `markup::authors`; each name is
//! checked for the form of a name, since such classes also mark boxes,
//! counters and controls.

use super::latin_names::{NAME_PARTICLES, ROLE_WORDS, UI_WORDS};
use super::names::split_names;
use crate::parse::elements::is_not_shown;
use crate::parse::tree::{Document, Element, NodeData, NodeId, NONE};
use crate::text::{at_most_chars, collapse_whitespace, is_cjk_letter};

/// Authors named by elements, gathered in one pass over the tree: the
/// lowest sources of `markup::authors`, in the order [`Self::names`] tries
/// them.
#[derive(Default)]
pub(super) struct ElementAuthors {
    /// The texts of `rel=author` links (noted by `markup`, which reads
    /// their whole text).
    pub(super) rel: Vec<String>,
    /// The first `itemprop=author` element's name.
    itemprop: Option<String>,
    /// The first element whose class names an author's name.
    class: Option<String>,
    /// The first such element's leading name when no element's whole text
    /// is one.
    class_lead: Option<String>,
    /// The first name after a label element (`<p>Written by</p><p>…</p>`).
    labelled: Option<String>,
    /// A forum thread's starter, named after its label (`Thread starter`,
    /// `Started by`): the page's author whatever its posts' markup says
    /// (the first `itemprop=author` of a later page, or of the answer a
    /// forum shows first, is a reply's).
    starter: Option<String>,
    /// The names links to author pages show, the first two distinct ones.
    linked: Vec<String>,
    /// A forum thread's first poster, by the first link to a member's
    /// profile as phpBB writes it (`memberlist.php?mode=viewprofile`,
    /// class `username`): the thread's starter.
    poster: Option<String>,
}

impl ElementAuthors {
    /// Notes what element `id` (`e`) says of the authors (but `rel`).
    pub(super) fn note(&mut self, doc: &Document, id: NodeId, e: &Element) {
        let link = &*e.name == "a";
        if self.itemprop.is_none() && e.attr("itemprop") == Some("author") {
            self.itemprop = itemprop_author(doc, id);
        }
        if self.class.is_none() && names_an_author(e) {
            self.class = class_author(doc, id);
            if self.class.is_none() && self.class_lead.is_none() {
                self.class_lead = class_author_lead(doc, id);
            }
        }
        if self.starter.is_none() {
            self.starter = started_by(doc, id);
        }
        if self.labelled.is_none() || self.starter.is_none() {
            match labelled_author(doc, id) {
                Some((name, true)) if self.starter.is_none() => self.starter = Some(name),
                Some((name, false)) if self.labelled.is_none() => self.labelled = Some(name),
                _ => {}
            }
        }
        if self.poster.is_none() {
            self.poster = forum_poster(doc, id, e);
        }
        if link && self.linked.len() < 2 {
            if let Some(name) = linked_author(doc, id, e) {
                if !self.linked.contains(&name) {
                    self.linked.push(name);
                }
            }
        }
    }

    /// `rel=author` links, else the item, class or label, else the name
    /// links to an author's page show when they all name the same person
    /// (a listing links many authors).
    pub(super) fn names(&self) -> Vec<String> {
        if let Some(starter) = &self.starter {
            return vec![starter.clone()];
        }
        if !self.rel.is_empty() {
            return self.rel.clone();
        }
        if let Some(name) = self
            .itemprop
            .as_deref()
            .or(self.class.as_deref())
            .or(self.labelled.as_deref())
            .or(self.class_lead.as_deref())
        {
            return split_names(name);
        }
        match self.linked.as_slice() {
            [one] => vec![one.clone()],
            _ => self.poster.iter().cloned().collect(),
        }
    }
}

/// The name of an `itemprop=author` item: its `itemprop=name` (a Person
/// item names itself there), as `content` or text, else its own text.
fn itemprop_author(doc: &Document, id: NodeId) -> Option<String> {
    let name = descendants(doc, id)
        .find(|&d| {
            doc.element(d)
                .is_some_and(|n| n.attr("itemprop") == Some("name"))
        })
        .unwrap_or(id);
    doc.element(name)
        .and_then(|n| n.attr("content"))
        .map(str::to_string)
        .or_else(|| short_text(doc, name, AUTHOR_MAX_CHARS))
        .and_then(|t| author_name(&t).or_else(|| user_handle(&t)))
}

/// A forum's user name (`sean_g`, `ridwan123`, `hayley.p`), accepted where
/// the markup says it is an author (an `itemprop=author` item, a `Thread
/// starter` label): one word of letters, digits and `._-`, with a letter.
fn user_handle(text: &str) -> Option<String> {
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

/// The name in an element whose class names the author
/// ([`names_an_author`]). Not on CJK text: Chinese and Japanese pages label
/// their bylines in the text (`作者：`, `记者`), which the credit reader
/// takes, and a class alone marks counters and labels as often as names.
fn class_author(doc: &Document, id: NodeId) -> Option<String> {
    short_text(doc, id, AUTHOR_MAX_CHARS)
        .filter(|t| !t.chars().any(is_cjk_letter))
        .and_then(|t| author_name(&t))
}

/// The name that opens an element whose class names the author, when its
/// whole text is more than a name: a date or role in a node of its own
/// after it (`<p>Luke Kim</p><small>December 17, 2025</small>`, `Andrew
/// Gerrand<br>4 August 2010`). Two words at least: one word alone there is
/// as often a label (`Post`, `Updated`). The element must be byline- or
/// bio-sized: a class naming the author also marks whole posts and pages
/// (`author-jane-doe` on an `<article>`), whose first text is a heading or
/// a menu.
fn class_author_lead(doc: &Document, id: NodeId) -> Option<String> {
    short_text(doc, id, BYLINE_MAX_CHARS)?;
    first_text(doc, id)
        .filter(|t| !t.chars().any(is_cjk_letter) && t.split_whitespace().count() >= 2)
        .and_then(|t| author_name(&t))
}

/// The first text node with letters below `root` (not shown: passed).
fn first_text(doc: &Document, root: NodeId) -> Option<String> {
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        match doc.node(id).map(|n| &n.data) {
            Some(NodeData::Text(t)) if t.chars().any(char::is_alphabetic) => {
                return Some(collapse_whitespace(t));
            }
            Some(NodeData::Element(e)) if is_not_shown(e) => {}
            Some(_) => {
                let children: Vec<NodeId> = doc.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
            None => {}
        }
    }
    None
}

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

/// The name after a label element ([`AUTHOR_LABELS`]): the next element
/// beside it, else beside its parent, when that reads as a name; and
/// whether the label names a forum thread's starter. Not on CJK text (as
/// [`class_author`]).
fn labelled_author(doc: &Document, id: NodeId) -> Option<(String, bool)> {
    let node = doc.node(id)?;
    let only = doc.node(node.first_child)?;
    let NodeData::Text(label) = &only.data else {
        return None;
    };
    if only.next_sibling != NONE {
        return None;
    }
    let label = label.trim().trim_end_matches(':').trim_end();
    if !AUTHOR_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return None;
    }
    let next = next_element(doc, id).or_else(|| next_element(doc, node.parent))?;
    // (A forum names its thread's starter by user name.)
    let forum =
        label.eq_ignore_ascii_case("thread starter") || label.eq_ignore_ascii_case("started by");
    short_text(doc, next, AUTHOR_MAX_CHARS)
        .filter(|t| !t.chars().any(is_cjk_letter))
        .and_then(|t| author_name(&t).or_else(|| user_handle(&t).filter(|_| forum)))
        .map(|name| (name, forum))
}

/// The words before a forum thread's starter in a line of text
/// (`Discussion in 'Hosting Advice' started by <a>pelex</a>, date`;
/// `Started by Biology Forums, June 04, 2024`).
const STARTED_BY: &str = "started by";

/// A thread's starter named in element `id`'s own text: after a text
/// ending in [`STARTED_BY`], the next child element's text (XenForo's);
/// or its text opening with it, up to the comma before the date (SMF's).
fn started_by(doc: &Document, id: NodeId) -> Option<String> {
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

/// An author element's text is at most this long (a name or two with a
/// "By"); longer, it is a bio or a box around more than the name.
const AUTHOR_MAX_CHARS: usize = 80;

/// A byline (name, date, role) or an author box (name, then a bio of a few
/// sentences) is at most this long; a longer element is a post or a page.
const BYLINE_MAX_CHARS: usize = 1000;

/// An element whose class or id names the author's name: a word of it
/// (split at `-`/`_`) is `author`, `authors`, `authorname` or `byline`
/// (`author-name`, `blog__authorname`, `post-author`; not
/// `authorization-link`), and no other word names the box, picture or bio
/// around the name, nor a comment's author, unless the last word is `name`
/// (`elementor-author-box__name`).
fn names_an_author(e: &Element) -> bool {
    let values = [e.attr("class"), e.attr("id")];
    values
        .iter()
        .flatten()
        .flat_map(|v| v.split_whitespace())
        .map(str::to_ascii_lowercase)
        .any(|token| {
            let words: Vec<&str> = token.split(['-', '_']).filter(|w| !w.is_empty()).collect();
            // (A BEM element named for the name, `author-box__name`, is the
            // name whatever box it sits in.)
            let the_name = words.last().is_some_and(|w| *w == "name");
            words
                .iter()
                .any(|w| matches!(*w, "author" | "authors" | "authorname" | "byline"))
                && (the_name || !words.iter().any(|w| NOT_THE_NAME.contains(w)))
        })
}

/// Words of a class beside `author` that mark something other than the
/// name itself.
const NOT_THE_NAME: &[&str] = &[
    "avatar",
    "image",
    "img",
    "photo",
    "pic",
    "bio",
    "box",
    "desc",
    "description",
    "about",
    "comment",
    "comments",
    "wrap",
    "wrapper",
    "container",
    "block",
    "section",
    "social",
    "more",
    "other",
    "posts",
    "list",
    "role",
    "card",
    "date",
    "time",
    "link",
    "links",
    "title",
    "label",
];

/// The elements below `root`, in document order, at most
/// `AUTHOR_ITEM_MAX_NODES` of them (an author item is a few elements).
fn descendants(doc: &Document, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let mut stack: Vec<NodeId> = doc.children(root).collect();
    stack.reverse();
    std::iter::from_fn(move || {
        let id = stack.pop()?;
        let children: Vec<NodeId> = doc.children(id).collect();
        stack.extend(children.into_iter().rev());
        Some(id)
    })
    .take(AUTHOR_ITEM_MAX_NODES)
}

/// How far into an `itemprop=author` item its `itemprop=name` is looked for.
const AUTHOR_ITEM_MAX_NODES: usize = 64;

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
fn author_name(text: &str) -> Option<String> {
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

/// The name a link to an author's page shows (`/author/jane-doe/`,
/// `?author=102`, as blog engines address them), when it reads as a name.
/// The query must be the author alone.
fn linked_author(doc: &Document, id: NodeId, e: &Element) -> Option<String> {
    let href = e.attr("href")?;
    // (Most links name no author: no copy of their address is made.)
    if !href
        .as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"author"))
    {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    // (`?pc=85&author=102` is a category of the author's posts.)
    let to_author = lower.contains("/author/")
        || lower
            .split_once('?')
            .is_some_and(|(_, query)| query.starts_with("author=") && !query.contains('&'));
    if !to_author {
        return None;
    }
    short_text(doc, id, AUTHOR_MAX_CHARS).and_then(|t| author_name(&t))
}

/// The user name a phpBB thread's member link shows (`<a
/// href="./memberlist.php?mode=viewprofile&u=…" class="username">`; its
/// avatar links to the same page without text).
fn forum_poster(doc: &Document, id: NodeId, e: &Element) -> Option<String> {
    let class = e.attr("class").unwrap_or("");
    let poster_class = class
        .split_whitespace()
        .any(|w| POSTER_CLASSES.iter().any(|p| w.eq_ignore_ascii_case(p)));
    let profile = e
        .attr("href")
        .is_some_and(|h| h.contains("memberlist.php?mode=viewprofile"));
    let named = class.split_whitespace().any(|w| w.starts_with("username"));
    if !(poster_class || (profile && named)) {
        return None;
    }
    short_text(doc, id, AUTHOR_MAX_CHARS).and_then(|t| user_handle(&t).or_else(|| author_name(&t)))
}

/// Classes forum software gives a post's poster name (vBulletin's
/// `bigusername`, Flarum's `PostUser-name`).
const POSTER_CLASSES: &[&str] = &["bigusername", "PostUser-name"];

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
