//! Authors named by elements rather than metadata: an `itemprop=author`
//! item, or an element whose class names the author (`author-name`,
//! `byline`). The lowest sources of `markup::authors`; each name is
//! checked for the form of a name, since such classes also mark boxes,
//! counters and controls.

use super::author_labels::{
    credited_in_other_role, label_before_name, labelled_author, started_by,
};
use super::author_text::{author_name, short_text, user_handle, AUTHOR_MAX_CHARS};
use super::names::split_names;
use crate::parse::elements::is_not_shown;
use crate::parse::tree::{Document, Element, NodeData, NodeId};
use crate::text::{collapse_whitespace, is_cjk_letter};

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
    /// The first name after a label in the same line (`Text by <a>…</a>`).
    inline: Option<String>,
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
        if self.class.is_none() && names_an_author(e) && !credited_in_other_role(doc, id) {
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
        if self.inline.is_none() {
            self.inline = label_before_name(doc, id, e);
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
        // (Each `rel=author` link's text as a name or a user name: the
        // same link also says `More About MixmasterFred »`.)
        let mut rel: Vec<String> = Vec::new();
        for name in self
            .rel
            .iter()
            .filter_map(|t| author_name(t).or_else(|| user_handle(t)))
        {
            if !rel.contains(&name) {
                rel.push(name);
            }
        }
        if !rel.is_empty() {
            return rel;
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
            _ => self
                .poster
                .as_deref()
                .map(|poster| vec![poster.to_string()])
                .or_else(|| self.inline.as_deref().map(split_names))
                .unwrap_or_default(),
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
    // (A hover card or a pop-up over a credit: the name with a bio, over
    // a fact checker's as much as the author's, or a link to a topic.)
    "tooltip",
    "modal",
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
