//! Segmenting an HTML page: finds the article in the DOM by content scoring
//! and yields the same [`Segments`] the plain-text segmenter does, plus what
//! the page's markup says about itself ([`PageMeta`]).
//!
//! The method is Readability's (score paragraphs, give the score to their
//! ancestors, pick the best container, merge qualifying siblings), made
//! CJK-aware: text is measured in weighted characters (a Han/kana/Hangul
//! character weighs 2), `，、。` count like commas, and link density is
//! computed on the same measure. Every per-node figure is computed in one
//! reverse pass over the arena (children always follow their parent), so the
//! whole extraction is linear in the number of nodes.

use super::{BodyItem, Segments};
use crate::article::BoilerplateKind;
use crate::parse::{Document, Element, NodeData, NodeId, NONE};
use crate::repair::punctuation::is_cjk_letter;
use std::collections::HashMap;

/// Metadata the markup states: JSON-LD, meta tags, `<title>`, `<time>`, `lang`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// JSON-LD `headline`, else `og:title`, else the `<h1>` that matches the `<title>`.
    pub title: Option<String>,
    /// The document `<title>` as written.
    pub document_title: Option<String>,
    /// `og:site_name`, JSON-LD `publisher.name`, or the suffix split off `<title>`.
    pub site_name: Option<String>,
    /// Publication time as written (ISO 8601 from markup).
    pub published: Option<String>,
    /// Modification time as written.
    pub modified: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// `<html lang>`.
    pub language: Option<String>,
}

/// Elements whose content is never visible text.
pub fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "noembed"
            | "noframes"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            // Ruby readings (pinyin, furigana) are annotations, not text.
            | "rt"
            | "rp"
    )
}

/// Elements that start and end a block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "figure"
            | "figcaption"
            | "pre"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "body"
            | "html"
            | "center"
            | "details"
            | "summary"
            | "caption"
            | "menu"
            | "td"
            | "th"
    )
}

/// Hidden by attribute: `hidden`, `aria-hidden="true"`, inline `display:none`.
pub fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|style| {
            let style: String = style
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

/// Class/id words of things that are not the article, with the kind they are.
const NEGATIVE: &[(&str, BoilerplateKind)] = &[
    ("comment", BoilerplateKind::Comments),
    ("disqus", BoilerplateKind::Comments),
    ("respond", BoilerplateKind::Comments),
    ("share", BoilerplateKind::Share),
    ("social", BoilerplateKind::Share),
    ("sharing", BoilerplateKind::Share),
    ("related", BoilerplateKind::Related),
    ("recommend", BoilerplateKind::Related),
    ("more-stories", BoilerplateKind::Related),
    ("read-more", BoilerplateKind::Related),
    ("trending", BoilerplateKind::Related),
    ("popular", BoilerplateKind::Related),
    ("outbrain", BoilerplateKind::Related),
    ("taboola", BoilerplateKind::Related),
    ("sidebar", BoilerplateKind::Related),
    ("widget", BoilerplateKind::Other),
    ("footer", BoilerplateKind::Footer),
    ("copyright", BoilerplateKind::Disclaimer),
    ("disclaimer", BoilerplateKind::Disclaimer),
    ("masthead", BoilerplateKind::Navigation),
    ("breadcrumb", BoilerplateKind::Navigation),
    ("navbar", BoilerplateKind::Navigation),
    ("menu", BoilerplateKind::Navigation),
    ("nav", BoilerplateKind::Navigation),
    ("header", BoilerplateKind::Navigation),
    ("skip", BoilerplateKind::Navigation),
    ("advert", BoilerplateKind::Ads),
    ("sponsor", BoilerplateKind::Ads),
    ("promo", BoilerplateKind::Ads),
    ("banner", BoilerplateKind::Ads),
    ("-ad-", BoilerplateKind::Ads),
    ("ad-", BoilerplateKind::Ads),
    ("dfp", BoilerplateKind::Ads),
    ("newsletter", BoilerplateKind::Other),
    ("subscribe", BoilerplateKind::Other),
    ("signup", BoilerplateKind::Other),
    ("cookie", BoilerplateKind::Other),
    ("popup", BoilerplateKind::Other),
    ("modal", BoilerplateKind::Other),
    ("byline", BoilerplateKind::Other),
    ("author-bio", BoilerplateKind::Other),
    ("tags", BoilerplateKind::Other),
    ("caption-credit", BoilerplateKind::Other),
];

/// Shortest `data:image/…` source taken as a picture: lazy-loading
/// placeholders (1×1 GIFs and the like) are under 200 bytes.
const INLINE_IMAGE_MIN: usize = 256;

/// Class/id words of article containers.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
    "page", "正文", "detail",
];

fn class_id(element: &Element) -> String {
    let mut s = String::new();
    for name in ["class", "id", "role", "itemprop"] {
        if let Some(v) = element.attr(name) {
            s.push(' ');
            s.push_str(&v.to_ascii_lowercase());
        }
    }
    s
}

/// The boilerplate kind an element's tag, class or id names, if any.
fn negative_kind(element: &Element) -> Option<BoilerplateKind> {
    tag_kind(element).or_else(|| words_kind(&class_id(element)))
}

/// [`negative_kind`] with the class/id verdicts remembered: pages repeat
/// the same few class strings on thousands of elements.
fn negative_kind_cached(
    element: &Element,
    memo: &mut HashMap<String, Option<BoilerplateKind>>,
) -> Option<BoilerplateKind> {
    if let Some(kind) = tag_kind(element) {
        return Some(kind);
    }
    let words = class_id(element);
    if words.is_empty() {
        return None;
    }
    *memo
        .entry(words)
        .or_insert_with_key(|words| words_kind(words))
}

/// The boilerplate kind a tag names by itself.
fn tag_kind(element: &Element) -> Option<BoilerplateKind> {
    match &*element.name {
        "nav" => Some(BoilerplateKind::Navigation),
        "footer" => Some(BoilerplateKind::Footer),
        "aside" => Some(BoilerplateKind::Related),
        "form" => Some(BoilerplateKind::Other),
        _ => None,
    }
}

/// The boilerplate kind class/id/role/itemprop words (from [`class_id`]) name.
fn words_kind(words: &str) -> Option<BoilerplateKind> {
    // Embedded posts (tweets, Instagram) quoted by the article are content.
    if words.trim().is_empty() || words.contains("embed") || words.contains("twitter-tweet") {
        return None;
    }
    if words.contains("navigation") {
        return Some(BoilerplateKind::Navigation);
    }
    let hit = NEGATIVE.get(first_negative(words)?)?;
    let positive = POSITIVE.iter().any(|p| words.contains(p));
    // "article-footer" is still a footer; "article-body" is not a negative.
    if positive
        && !matches!(
            hit.1,
            BoilerplateKind::Comments
                | BoilerplateKind::Share
                | BoilerplateKind::Related
                | BoilerplateKind::Footer
                | BoilerplateKind::Ads
        )
    {
        return None;
    }
    Some(hit.1)
}

/// For each byte, the [`NEGATIVE`] words starting with it, as a bit set of
/// their indices (the list has fewer than 64 words).
// Evaluated at compile time: a bad index fails the build, never the program.
#[allow(clippy::indexing_slicing)]
const NEGATIVE_BY_FIRST_BYTE: [u64; 256] = {
    assert!(NEGATIVE.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < NEGATIVE.len() {
        let first = NEGATIVE[i].0.as_bytes()[0];
        table[first as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// Whether a [`NEGATIVE`] word counts only at the start of a class token
/// ("ad-" in "ad-slot", not inside "head-" or "load-more").
fn token_start_only(word: &str) -> bool {
    word.starts_with("ad") || matches!(word, "nav" | "menu" | "tags" | "header")
}

/// The index in [`NEGATIVE`] of the first word (in list order) `words` holds.
/// One pass over the bytes, trying only the words that start with each byte:
/// the same answer as testing every word with `contains`, several times
/// faster on the many short class strings of a page.
fn first_negative(words: &str) -> Option<usize> {
    let bytes = words.as_bytes();
    let mut best: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        let mut candidates = NEGATIVE_BY_FIRST_BYTE
            .get(usize::from(b))
            .copied()
            .unwrap_or(0);
        if candidates == 0 {
            continue;
        }
        let token_start = i == 0 || matches!(bytes.get(i - 1), Some(b' ' | b'_'));
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if best.is_some_and(|best| best <= index) {
                break;
            }
            let (Some((word, _)), Some(rest)) = (NEGATIVE.get(index), bytes.get(i..)) else {
                continue;
            };
            let found = if token_start_only(word) {
                // A token starting with the word, or exactly the word without its '-'.
                let bare = word.trim_end_matches('-').as_bytes();
                token_start
                    && (rest.starts_with(word.as_bytes())
                        || (rest.starts_with(bare)
                            && matches!(rest.get(bare.len()), None | Some(b' ' | b'_'))))
            } else {
                rest.starts_with(word.as_bytes())
            };
            if found {
                best = Some(index);
            }
        }
    }
    best
}

fn class_weight(element: &Element) -> f32 {
    let words = class_id(element);
    let mut weight = 0.0;
    if POSITIVE.iter().any(|p| words.contains(p)) {
        weight += 25.0;
    }
    if negative_kind(element).is_some() {
        weight -= 25.0;
    }
    weight
}

/// Per-node figures, computed bottom-up in one pass.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Weighted text length (CJK characters count 2).
    length: f32,
    /// Weighted length of text inside links.
    link_length: f32,
    /// Commas (`,` `，` `、`) and full stops (`。`).
    commas: f32,
    /// Visible (not in an invisible or hidden element).
    visible: bool,
    /// Has a block-level element child.
    has_block_child: bool,
    /// Non-link text of `<p>` elements of 80 or more, in the subtree: the
    /// article's paragraphs, wherever they are.
    mass: f32,
}

fn measure(text: &str) -> (f32, f32) {
    let mut length = 0.0;
    let mut commas = 0.0;
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                length += 1.0;
            }
            space = true;
            continue;
        }
        space = false;
        if is_cjk_letter(c) {
            length += 2.0;
        } else {
            length += 1.0;
        }
        if matches!(c, ',' | '，' | '、' | '。') {
            commas += 1.0;
        }
    }
    (length, commas)
}

struct Page<'a> {
    doc: &'a Document,
    stats: Vec<Stats>,
    /// Boilerplate kind of the nearest negative ancestor-or-self, if any.
    negative: Vec<Option<BoilerplateKind>>,
}

impl<'a> Page<'a> {
    fn new(doc: &'a Document) -> Self {
        let n = doc.nodes.len();
        let mut stats = vec![Stats::default(); n];
        let mut negative = vec![None; n];
        // Top-down: visibility (parents come first in the arena).
        for (i, node) in doc.nodes.iter().enumerate() {
            let parent_visible =
                node.parent == NONE || stats.get(node.parent as usize).is_some_and(|s| s.visible);
            let visible = parent_visible
                && match &node.data {
                    NodeData::Element(e) => !is_invisible(&e.name) && !is_hidden(e),
                    _ => true,
                };
            if let Some(s) = stats.get_mut(i) {
                s.visible = visible;
            }
        }
        // Bottom-up: text figures.
        for i in (0..n).rev() {
            let Some(node) = doc.nodes.get(i) else {
                continue;
            };
            let mut own = stats.get(i).copied().unwrap_or_default();
            if !own.visible {
                continue;
            }
            if let NodeData::Text(t) = &node.data {
                let (length, commas) = measure(t);
                own.length = length;
                own.commas = commas;
                // Text written straight into a container (between `<br>`s or
                // split by empty `<div>`s) is a paragraph without its `<p>`.
                let parent = doc.element(node.parent).map_or("", |e| &e.name);
                if length >= 80.0 && is_text_container(parent) {
                    own.mass = length;
                }
            }
            match &node.data {
                NodeData::Element(e) if &*e.name == "a" => own.link_length = own.length,
                NodeData::Element(e) if &*e.name == "p" && own.length >= 80.0 => {
                    own.mass = own.length - own.link_length;
                }
                _ => {}
            }
            if let Some(s) = stats.get_mut(i) {
                *s = own;
            }
            if node.parent != NONE {
                let block = matches!(&node.data, NodeData::Element(e) if is_block(&e.name));
                if let Some(p) = stats.get_mut(node.parent as usize) {
                    p.length += own.length;
                    p.link_length += own.link_length;
                    p.commas += own.commas;
                    p.mass += own.mass;
                    p.has_block_child |= block;
                }
            }
        }
        // Top-down: negative regions. A region holding much of the page's
        // paragraph text is the article's wrapper whatever its class says
        // (`page-ad-margins`, `header-style-2`, `penci_sidebar`).
        let total = stats.first().map_or(0.0, |s| s.mass);
        let mut memo = HashMap::new();
        for (i, node) in doc.nodes.iter().enumerate() {
            let inherited = if node.parent == NONE {
                None
            } else {
                negative.get(node.parent as usize).copied().flatten()
            };
            let own = match &node.data {
                NodeData::Element(e) if stats.get(i).map_or(0.0, |s| s.mass) <= total * 0.3 => {
                    negative_kind_cached(e, &mut memo)
                }
                _ => None,
            };
            if let Some(slot) = negative.get_mut(i) {
                *slot = inherited.or(own);
            }
        }
        Page {
            doc,
            stats,
            negative,
        }
    }

    fn stat(&self, id: NodeId) -> Stats {
        self.stats.get(id as usize).copied().unwrap_or_default()
    }

    fn link_density(&self, id: NodeId) -> f32 {
        let s = self.stat(id);
        if s.length > 0.0 {
            (s.link_length / s.length).min(1.0)
        } else {
            0.0
        }
    }

    fn name(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    fn parent(&self, id: NodeId) -> NodeId {
        self.doc.node(id).map_or(NONE, |n| n.parent)
    }

    fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.doc.children(id)
    }
}

/// Containers whose direct text counts as paragraphs.
fn is_text_container(name: &str) -> bool {
    matches!(name, "div" | "section" | "article" | "main" | "td")
}

fn tag_prior(name: &str) -> f32 {
    match name {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// All visible text of a page as paragraphs (block boundaries and `<br>`
/// kept), walking the tree iteratively: the reading of a page with no
/// article container.
pub fn visible_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = Paragraphs::default();
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
                if !is_invisible(name) && !is_hidden(element) {
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
    out.finish()
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

    fn line_break(&mut self) {
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

/// Scores containers and returns the best one.
fn best_container(page: &Page) -> Option<NodeId> {
    let n = page.doc.nodes.len();
    let mut score: Vec<Option<f32>> = vec![None; n];
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let id = i as NodeId;
        let s = page.stat(id);
        if !s.visible || page.negative.get(i).copied().flatten().is_some() {
            continue;
        }
        // A direct text run in a container with other blocks counts as a
        // paragraph of that container (level 0 is the container itself).
        let (paragraph_like, first) = match &node.data {
            NodeData::Element(e) => (
                match &*e.name {
                    "p" | "pre" | "td" | "blockquote" => true,
                    "div" | "section" | "span" | "li" | "font" => !s.has_block_child,
                    _ => false,
                },
                page.parent(id),
            ),
            NodeData::Text(_) => {
                let parent = page.parent(id);
                let in_container =
                    is_text_container(page.name(parent)) && page.stat(parent).has_block_child;
                (in_container, parent)
            }
            NodeData::Document => (false, NONE),
        };
        if !paragraph_like || s.length < 50.0 {
            continue;
        }
        let contribution =
            (1.0 + s.commas + (s.length / 200.0).min(3.0)) * (1.0 - page.link_density(id));
        let mut ancestor = first;
        let mut level = 0;
        while ancestor != NONE && level < 3 {
            if let Some(slot) = score.get_mut(ancestor as usize) {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f32 * 3.0,
                };
                // The prior is computed once, when the container is first met.
                let current = slot.unwrap_or_else(|| {
                    page.doc
                        .element(ancestor)
                        .map_or(0.0, |a| tag_prior(&a.name) + class_weight(a))
                });
                *slot = Some(current + contribution / divider);
            }
            ancestor = page.parent(ancestor);
            level += 1;
        }
    }
    score
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i as NodeId, s * (1.0 - page.link_density(i as NodeId)))))
        .filter(|&(id, _)| is_container(page.name(id)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
        .map(|top| widen(page, top))
}

/// Elements that can hold an article (not inline markup, not the whole page).
fn is_container(name: &str) -> bool {
    is_block(name)
        && !matches!(
            name,
            "body" | "html" | "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
}

/// Moves up from the best container while an ancestor holds clearly more of
/// the page's paragraph text: articles split into chunks by ads or
/// "cards" are whole again at their common ancestor.
fn widen(page: &Page, mut top: NodeId) -> NodeId {
    // An <article> is one article: never widen past it to its neighbours.
    if page.name(top) == "article" {
        return top;
    }
    // Look up to three levels above for an ancestor with clearly more
    // paragraph text; wrappers around the same text are passed, not taken.
    'outer: loop {
        let mut ancestor = page.parent(top);
        for _ in 0..3 {
            if ancestor == NONE
                || !is_container(page.name(ancestor))
                || page
                    .negative
                    .get(ancestor as usize)
                    .copied()
                    .flatten()
                    .is_some()
            {
                break 'outer top;
            }
            if page.stat(ancestor).mass > page.stat(top).mass * 1.25 + 1.0 {
                top = ancestor;
                continue 'outer;
            }
            ancestor = page.parent(ancestor);
        }
        break top;
    }
}

/// Collapses whitespace (keeping explicit line breaks) and trims.
#[derive(Default)]
struct TextBuf {
    text: String,
    space: bool,
}

impl TextBuf {
    fn push(&mut self, s: &str) {
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

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn take(&mut self) -> String {
        self.space = false;
        let out = self.text.trim().to_string();
        self.text.clear();
        out
    }
}

/// Turns the chosen containers into body items.
struct Writer<'p, 'a> {
    page: &'p Page<'a>,
    items: Vec<BodyItem>,
    buf: TextBuf,
}

impl Writer<'_, '_> {
    fn flush(&mut self) {
        let text = self.buf.take();
        if !text.is_empty() {
            self.items.push(BodyItem::Paragraph(text));
        }
    }

    /// Text of a subtree, inline (whitespace collapsed, `<br>` kept).
    fn inline_text(&self, id: NodeId) -> String {
        let mut buf = TextBuf::default();
        self.collect_inline(id, &mut buf);
        buf.take()
    }

    fn collect_inline(&self, root: NodeId, buf: &mut TextBuf) {
        // Iterative walk bounded by the tree's own depth limit.
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            let Some(node) = self.page.doc.node(id) else {
                continue;
            };
            if !self.page.stat(id).visible {
                continue;
            }
            match &node.data {
                NodeData::Text(t) => buf.push(t),
                NodeData::Element(e) => {
                    if &*e.name == "br" {
                        buf.line_break();
                        continue;
                    }
                    if is_block(&e.name) {
                        buf.push(" ");
                    }
                    let children: Vec<NodeId> = self.page.children(id).collect();
                    stack.extend(children.into_iter().rev());
                }
                NodeData::Document => {}
            }
        }
    }

    fn skip(&self, id: NodeId) -> bool {
        let s = self.page.stat(id);
        if !s.visible {
            return true;
        }
        let Some(e) = self.page.doc.element(id) else {
            return false;
        };
        if self
            .page
            .negative
            .get(id as usize)
            .copied()
            .flatten()
            .is_some()
        {
            return true;
        }
        if matches!(&*e.name, "header" | "form" | "nav" | "aside" | "footer") {
            return true;
        }
        // Link lists and teasers: mostly links.
        let density = self.page.link_density(id);
        (is_block(&e.name) && density > 0.5 && s.length < 400.0)
            || (matches!(&*e.name, "p" | "li" | "h2" | "h3" | "h4") && density > 0.6)
    }

    fn write(&mut self, root: NodeId) {
        // (node, entering) pairs: an explicit stack instead of recursion.
        let mut stack = vec![(root, true)];
        while let Some((id, entering)) = stack.pop() {
            let Some(node) = self.page.doc.node(id) else {
                continue;
            };
            if !entering {
                if self.page.doc.element(id).is_some_and(|e| is_block(&e.name)) {
                    self.flush();
                }
                continue;
            }
            match &node.data {
                NodeData::Text(t) => self.buf.push(t),
                NodeData::Document => {}
                NodeData::Element(e) => {
                    if id != root && self.skip(id) {
                        continue;
                    }
                    match &*e.name {
                        "br" => self.buf.line_break(),
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.push_inline(id, BodyItem::Heading);
                        }
                        "figure" => {
                            self.flush();
                            self.figure(id);
                        }
                        _ if is_block(&e.name) && is_caption_like(e) => {
                            self.push_inline(id, |text| {
                                let (caption, credit) = super::split_caption(&text);
                                BodyItem::Figure {
                                    caption,
                                    credit,
                                    src: None,
                                    alt: None,
                                }
                            });
                        }
                        "img" => {
                            if let Some(item) = self.image(e, None) {
                                self.flush();
                                self.items.push(item);
                            }
                        }
                        "ul" | "ol" if !self.has_blocks_inside(id) => {
                            self.flush();
                            let items: Vec<String> = self
                                .page
                                .children(id)
                                .filter(|&c| !self.skip(c))
                                .map(|c| self.inline_text(c))
                                .filter(|t| !t.is_empty())
                                .collect();
                            if !items.is_empty() {
                                self.items.push(BodyItem::List(items));
                            }
                        }
                        "blockquote" if !self.has_blocks_inside(id) => {
                            self.push_inline(id, BodyItem::Quote);
                        }
                        "table" if !self.has_blocks_inside_table(id) => {
                            self.flush();
                            let text = self.table_text(id);
                            if !text.is_empty() {
                                self.items.push(BodyItem::Table(text));
                            }
                        }
                        "pre" => {
                            self.flush();
                            let text = subtree_text(self.page.doc, id, false);
                            if !text.trim().is_empty() {
                                self.items.push(BodyItem::Code(text.trim_end().to_string()));
                            }
                        }
                        name => {
                            if is_block(name) {
                                self.flush();
                            }
                            stack.push((id, false));
                            let children: Vec<NodeId> = self.page.children(id).collect();
                            stack.extend(children.into_iter().rev().map(|c| (c, true)));
                        }
                    }
                }
            }
        }
        self.flush();
    }

    /// Layout tables hold paragraphs or other blocks in their cells.
    fn has_blocks_inside_table(&self, table: NodeId) -> bool {
        let mut stack = vec![table];
        while let Some(id) = stack.pop() {
            for c in self.page.children(id) {
                match self.page.name(c) {
                    "p" | "div" | "table" | "ul" | "ol" | "h1" | "h2" | "h3" | "blockquote"
                        if c != table =>
                    {
                        return true
                    }
                    _ => stack.push(c),
                }
            }
        }
        false
    }

    /// A data table as text: one row a line, cells separated by tabs.
    fn table_text(&self, table: NodeId) -> String {
        let mut rows = Vec::new();
        let mut stack = vec![table];
        while let Some(id) = stack.pop() {
            if self.page.name(id) == "tr" {
                let cells: Vec<String> = self
                    .page
                    .children(id)
                    .filter(|&c| matches!(self.page.name(c), "td" | "th"))
                    .map(|c| self.inline_text(c))
                    .collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push((id, cells.join("\t")));
                }
                continue;
            }
            if self.page.stat(id).visible {
                stack.extend(self.page.children(id));
            }
        }
        rows.sort_unstable_by_key(|(id, _)| *id);
        rows.into_iter()
            .map(|(_, r)| r)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Flushes, then adds the inline text of `id` as one item, if any.
    fn push_inline(&mut self, id: NodeId, make: impl FnOnce(String) -> BodyItem) {
        self.flush();
        let text = self.inline_text(id);
        if !text.is_empty() {
            self.items.push(make(text));
        }
    }

    fn has_blocks_inside(&self, id: NodeId) -> bool {
        self.page.children(id).any(|c| {
            self.page.children(c).any(|g| {
                matches!(
                    self.page.name(g),
                    "p" | "div" | "table" | "ul" | "ol" | "figure"
                )
            })
        }) || self
            .page
            .children(id)
            .any(|c| matches!(self.page.name(c), "p" | "div"))
    }

    fn image(&self, e: &Element, caption: Option<String>) -> Option<BodyItem> {
        const ATTRS: [&str; 4] = ["src", "data-src", "data-original", "data-lazy-src"];
        // A real address wins; an inline `data:` image counts only when it is
        // big enough to be a picture rather than a lazy-loading placeholder.
        let src = ATTRS
            .iter()
            .filter_map(|a| e.attr(a))
            .find(|s| !s.is_empty() && !s.starts_with("data:"))
            .or_else(|| {
                e.attr("src")
                    .filter(|s| s.starts_with("data:image/") && s.len() >= INLINE_IMAGE_MIN)
            })?;
        let alt = e.attr("alt").map(str::trim).filter(|a| !a.is_empty());
        Some(BodyItem::Figure {
            caption: caption.unwrap_or_default(),
            credit: None,
            src: Some(src.to_string()),
            alt: alt.map(str::to_string),
        })
    }

    fn figure(&mut self, id: NodeId) {
        let mut img = None;
        let mut caption = None;
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match self.page.doc.element(n) {
                Some(e) if &*e.name == "img" && img.is_none() => img = Some(e),
                Some(e) if &*e.name == "figcaption" => caption = Some(self.inline_text(n)),
                _ => stack.extend(self.page.children(n)),
            }
        }
        let caption = caption.filter(|c| !c.is_empty());
        let item = match img.and_then(|e| self.image(e, caption.clone())) {
            Some(item) => Some(item),
            None => caption.map(|c| BodyItem::Figure {
                caption: c,
                credit: None,
                src: None,
                alt: None,
            }),
        };
        if let Some(BodyItem::Figure {
            caption, src, alt, ..
        }) = item
        {
            let (caption, credit) = super::split_caption(&caption);
            self.items.push(BodyItem::Figure {
                caption,
                credit,
                src,
                alt,
            });
        }
    }
}

/// Caption and credit blocks outside `<figure>` (`class="photo-caption"`).
fn is_caption_like(e: &Element) -> bool {
    let words = class_id(e);
    ["caption", "credit", "wp-caption"]
        .iter()
        .any(|w| words.contains(w))
}

/// The text of a subtree exactly as written, `<br>` as a newline (for
/// `<pre>`, and for the metadata reader with `skip_invisible`, which leaves
/// out ruby readings and scripts below `root`).
pub fn subtree_text(doc: &Document, root: NodeId, skip_invisible: bool) -> String {
    let mut out = String::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Some(node) = doc.node(id) else { continue };
        match &node.data {
            NodeData::Text(t) => out.push_str(t),
            NodeData::Element(e) if &*e.name == "br" => out.push('\n'),
            NodeData::Element(e) if skip_invisible && id != root && is_invisible(&e.name) => {}
            _ => {
                let children: Vec<NodeId> = doc.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    out
}

/// Extracts the article segments and the page's own metadata.
pub fn extract(doc: &Document) -> (Segments, PageMeta) {
    let page = Page::new(doc);
    let meta = super::html_meta::read(doc);
    let mut segments = Segments::default();
    let Some(top) = best_container(&page) else {
        return (segments, meta);
    };
    // Siblings of the best container that read like part of the article.
    let top_stat = page.stat(top);
    let parent = page.parent(top);
    let threshold = (top_stat.length * 0.2).max(200.0);
    let mut roots = Vec::new();
    for sibling in page.children(parent) {
        if sibling == top {
            roots.push(sibling);
            continue;
        }
        let Some(e) = page.doc.element(sibling) else {
            continue;
        };
        let s = page.stat(sibling);
        // Another <article> beside the chosen one is another story.
        if !s.visible || negative_kind(e).is_some() || &*e.name == "article" {
            continue;
        }
        let density = page.link_density(sibling);
        let paragraph = &*e.name == "p" && s.length > 80.0 && density < 0.25;
        if (s.length >= threshold && density < 0.3) || paragraph {
            roots.push(sibling);
        }
    }
    // Bodies split into chunks around ads share the chunk's tag and class
    // (`<div class="post__content">` … ad … `<div class="post__content">`):
    // gather the chunks elsewhere on the page too, in document order.
    if let Some(class) = page
        .doc
        .element(top)
        .and_then(|e| e.attr("class"))
        .filter(|c| !c.trim().is_empty())
    {
        let name = page.name(top);
        let inside = |id: NodeId, root: NodeId| {
            let mut x = id;
            while x != NONE {
                if x == root {
                    return true;
                }
                x = page.parent(x);
            }
            false
        };
        for (i, node) in page.doc.nodes.iter().enumerate() {
            let id = i as NodeId;
            let NodeData::Element(e) = &node.data else {
                continue;
            };
            if &*e.name != name || e.attr("class") != Some(class) || roots.contains(&id) {
                continue;
            }
            let s = page.stat(id);
            let negative = page.negative.get(i).copied().flatten().is_some();
            if s.visible
                && !negative
                && s.mass > 0.0
                && !roots.iter().any(|&r| inside(id, r) || inside(r, id))
            {
                roots.push(id);
            }
        }
        roots.sort_unstable();
    }
    let mut writer = Writer {
        page: &page,
        items: Vec::new(),
        buf: TextBuf::default(),
    };
    for &root in &roots {
        writer.write(root);
    }
    let mut items = writer.items;
    // Leading lines that repeat the title or the site name are not body.
    let names: Vec<&String> = [&meta.title, &meta.document_title, &meta.site_name]
        .into_iter()
        .flatten()
        .collect();
    let mut i = 0;
    while i < items.len().min(3) {
        let repeats = match items.get(i) {
            Some(BodyItem::Heading(h) | BodyItem::Paragraph(h)) => {
                h.chars().count() <= 200
                    && names.iter().any(|n| {
                        // Exact for paragraphs; a heading may abbreviate the title.
                        let norm = |s: &str| {
                            s.chars()
                                .filter(|c| c.is_alphanumeric())
                                .collect::<String>()
                                .to_lowercase()
                        };
                        norm(h) == norm(n)
                            || (matches!(items.get(i), Some(BodyItem::Heading(_)))
                                && same_text(h, n))
                    })
            }
            _ => false,
        };
        if repeats {
            items.remove(i);
        } else {
            i += 1;
        }
    }
    // An end mark closing the body (`（完）`, `【责任编辑：…】`), alone or at
    // the end of the last paragraph.
    while let Some(BodyItem::Paragraph(last)) = items.last() {
        match super::split_end_mark(last) {
            Some((rest, mark)) => {
                let (rest, mark) = (rest.to_string(), mark.to_string());
                segments.end_mark = Some(match segments.end_mark.take() {
                    Some(later) => format!("{mark} {later}"),
                    None => mark,
                });
                items.pop();
                if !rest.is_empty() {
                    items.push(BodyItem::Paragraph(rest));
                    break;
                }
            }
            None => break,
        }
    }
    // A heading like "Top Rated Comments" or "Related Articles" inside the
    // container starts the tail: it and what follows are boilerplate.
    let mut tail = Vec::new();
    // One pass, counting the paragraphs before each item.
    let mut paragraphs_before = 0;
    let cut = items.iter().position(|item| {
        let (text, max, needed, kinds): (&str, usize, usize, &[BoilerplateKind]) = match item {
            BodyItem::Heading(h) => (
                h,
                40,
                2,
                &[
                    BoilerplateKind::Comments,
                    BoilerplateKind::Related,
                    BoilerplateKind::Share,
                ],
            ),
            // A short unpunctuated "Top stories" line does the same.
            // (or its first line: "Tags<br>a, b, c").
            BodyItem::Paragraph(p) => (
                p.lines().next().unwrap_or(p),
                25,
                2,
                &[BoilerplateKind::Related],
            ),
            _ => return false,
        };
        // Length first: the full line features are costly on long paragraphs.
        let starts_tail = paragraphs_before >= needed && at_most_chars(text, max) && {
            let f = super::features(text);
            !(matches!(item, BodyItem::Paragraph(_)) && f.sentence_end)
                && f.boilerplate.is_some_and(|(k, _)| kinds.contains(&k))
        };
        paragraphs_before += usize::from(matches!(item, BodyItem::Paragraph(_)));
        starts_tail
    });
    if let Some(cut) = cut {
        let kind = match items.get(cut) {
            Some(BodyItem::Heading(h) | BodyItem::Paragraph(h)) => super::features(h)
                .boilerplate
                .map_or(BoilerplateKind::Other, |(k, _)| k),
            _ => BoilerplateKind::Other,
        };
        let rest: Vec<String> = items
            .split_off(cut)
            .iter()
            .map(item_text)
            .filter(|t| !t.is_empty())
            .collect();
        tail.push((kind, rest.join("\n")));
    }
    // The container's own credit lines before the text (`By …`,
    // `Published Monday, …`, `The Associated Press`) and stray ad labels
    // are not body, judged by the plain-text line features.
    while let Some(BodyItem::Paragraph(first)) = items.first() {
        let f = super::features(first);
        let credit = f.chars <= 80 && f.sentences == 0 && (f.date || f.meta_keys > 0);
        if !credit || items.len() < 3 {
            break;
        }
        items.remove(0);
    }
    for item in items.iter_mut() {
        if let BodyItem::Paragraph(p) = item {
            if has_photo_credit(p) {
                let (caption, credit) = super::split_caption(p);
                *item = BodyItem::Figure {
                    caption,
                    credit,
                    src: None,
                    alt: None,
                };
            }
        }
    }
    // Share and comment prompts closing the body ("Like this story? Share
    // it with a friend!", "Join the conversation…").
    while let Some(BodyItem::Paragraph(last)) = items.last() {
        if !at_most_chars(last, 60) {
            break;
        }
        let f = super::features(last);
        let prompt = matches!(
            f.boilerplate,
            Some((BoilerplateKind::Share | BoilerplateKind::Comments, _))
        );
        if !prompt || items.len() < 2 {
            break;
        }
        if let (Some(BodyItem::Paragraph(text)), Some((kind, _))) = (items.pop(), f.boilerplate) {
            tail.push((kind, text));
        }
    }
    // Ad labels inside the container.
    items.retain(|item| match item {
        BodyItem::Paragraph(p) => {
            let ad = at_most_chars(p, 20)
                && matches!(
                    super::features(p).boilerplate,
                    Some((BoilerplateKind::Ads, _))
                );
            !ad
        }
        _ => true,
    });
    segments.meta = meta_lines(&page, top);
    segments.body = items;
    segments.boilerplate = boilerplate(&page);
    if let Some(rest) = unlabelled(&page, &roots) {
        segments.boilerplate.push((BoilerplateKind::Other, rest));
    }
    segments.boilerplate.extend(tail);
    (segments, meta)
}

/// Whether `text` has at most `max` characters, without counting a long text
/// to its end.
fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().nth(max).is_none()
}

/// A caption written as a paragraph: it ends with a parenthesised photo
/// credit (`… (Image: GETTY)`, `… (AP Photo/Jane Roe)`, `… (Photo: Reuters)`).
fn has_photo_credit(p: &str) -> bool {
    // Wire captions: "In this Dec. 12, 2006, file photo, …".
    let head: String = p.chars().take(80).collect();
    if p.starts_with("In this ") && head.contains(" photo") && p.chars().count() <= 400 {
        return true;
    }
    let Some(open) = p
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rfind('('))
    else {
        return false;
    };
    let credit = p
        .get(open + 1..)
        .unwrap_or_default()
        .trim_start()
        .to_ascii_lowercase();
    p.chars().count() <= 300
        && [
            "image:",
            "photo",
            "picture:",
            "credit:",
            "getty",
            "pictured:",
        ]
        .iter()
        .any(|w| credit.starts_with(w))
}

/// The text of a body item, for boilerplate.
fn item_text(item: &BodyItem) -> String {
    match item {
        BodyItem::Paragraph(t)
        | BodyItem::Heading(t)
        | BodyItem::Quote(t)
        | BodyItem::Code(t)
        | BodyItem::Table(t) => t.clone(),
        BodyItem::List(items) => items.join("\n"),
        BodyItem::Figure { caption, .. } => caption.clone(),
    }
}

/// Credit lines between the headline and the body (`2024年11月16日 来源：…
/// 编辑：…`, `By … | Updated …`), found by their text, not their class: short
/// leaf blocks before the article container with a date or credit words.
fn meta_lines(page: &Page, body: NodeId) -> Vec<String> {
    let h1 = page
        .doc
        .nodes
        .iter()
        .position(|n| matches!(&n.data, NodeData::Element(e) if &*e.name == "h1"))
        .unwrap_or(0);
    let writer = Writer {
        page,
        items: Vec::new(),
        buf: TextBuf::default(),
    };
    let mut lines = Vec::new();
    let mut region: Vec<NodeId> = ((h1 + 1)..page.doc.nodes.len())
        .map(|i| i as NodeId)
        .take_while(|&id| id < body)
        .collect();
    // Also the first blocks inside the container (bylines often sit there).
    region.extend(page.children(body).take(4));
    for id in region {
        let Some(e) = page.doc.element(id) else {
            continue;
        };
        let s = page.stat(id);
        if !s.visible
            || !is_block(&e.name)
            || s.has_block_child
            || s.length > 300.0
            || s.length < 4.0
        {
            continue;
        }
        let text = writer.inline_text(id);
        let f = super::features(&text);
        if (f.date || f.meta_keys > 0) && f.sentences <= 1 && !lines.contains(&text) {
            lines.push(text);
        }
        if lines.len() >= 3 {
            break;
        }
    }
    lines
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || b.starts_with(&a) || a.starts_with(&b))
}

/// Visible text that is neither the article nor in a labelled region, one
/// line per block, so nothing visible is thrown away unlabelled.
fn unlabelled(page: &Page, roots: &[NodeId]) -> Option<String> {
    let n = page.doc.nodes.len();
    // Inside the article: parents come before children in the arena.
    let mut in_article = vec![false; n];
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let inherited = node.parent != NONE
            && in_article
                .get(node.parent as usize)
                .copied()
                .unwrap_or(false);
        if let Some(slot) = in_article.get_mut(i) {
            *slot = inherited || roots.contains(&(i as NodeId));
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut last_block = NONE;
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let NodeData::Text(t) = &node.data else {
            continue;
        };
        let id = i as NodeId;
        let skip = !page.stat(id).visible
            || in_article.get(i).copied().unwrap_or(true)
            || page.negative.get(i).copied().flatten().is_some();
        if skip || t.trim().is_empty() {
            continue;
        }
        let mut block = node.parent;
        while block != NONE && !is_block(page.name(block)) {
            block = page.parent(block);
        }
        let mut buf = TextBuf::default();
        buf.push(t);
        let text = buf.take();
        match lines.last_mut() {
            Some(line) if block == last_block => {
                line.push(' ');
                line.push_str(&text);
            }
            _ => lines.push(text),
        }
        last_block = block;
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Visible text in negative regions, labelled by kind (outermost regions only).
fn boilerplate(page: &Page) -> Vec<(BoilerplateKind, String)> {
    let mut out = Vec::new();
    for (i, kind) in page.negative.iter().enumerate() {
        let Some(kind) = kind else { continue };
        let id = i as NodeId;
        let parent = page.parent(id);
        let outermost = parent == NONE
            || page
                .negative
                .get(parent as usize)
                .copied()
                .flatten()
                .is_none();
        if !outermost || !page.stat(id).visible || page.stat(id).length < 2.0 {
            continue;
        }
        let writer = Writer {
            page,
            items: Vec::new(),
            buf: TextBuf::default(),
        };
        let text = writer.inline_text(id);
        if !text.is_empty() {
            out.push((*kind, text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition `first_negative` must agree with.
    fn first_negative_naive(words: &str) -> Option<usize> {
        NEGATIVE.iter().position(|(w, _)| {
            if token_start_only(w) {
                words
                    .split([' ', '_'])
                    .any(|token| token.starts_with(w) || token == w.trim_end_matches('-'))
            } else {
                words.contains(w)
            }
        })
    }

    #[test]
    fn first_negative_agrees_with_the_plain_definition() {
        let cases = [
            "",
            " article-body",
            " comments-area post-12",
            " head-line load-more",
            " ad",
            " ad-slot",
            " x_ad",
            " sidebar-ad-",
            " header_top nav-main",
            " navbar menu-item",
            " social-share related",
            " story-tags tagsy",
            " main-header",
            " headers",
            " adv advert",
            " footer-copyright",
            " caption-credit byline",
            " entry-content -ad-",
            " skip-link",
            " a b c d e f",
        ];
        for words in cases {
            assert_eq!(
                first_negative(words),
                first_negative_naive(words),
                "{words:?}"
            );
        }
        // Every word alone, at a token start and inside a token.
        for (word, _) in NEGATIVE {
            for words in [
                format!(" {word}"),
                format!(" x{word}"),
                format!(" a_{word}-b"),
            ] {
                assert_eq!(
                    first_negative(&words),
                    first_negative_naive(&words),
                    "{words:?}"
                );
            }
        }
    }
}
