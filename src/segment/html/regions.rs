//! The regions beside the body: credit lines near the headline, labelled
//! boilerplate regions, and visible text in neither (kept, unlabelled), so
//! nothing visible is dropped without a label.

use super::super::lines::{crumb_items, features};
use super::super::tunables::{
    CLOSING_BLOCKS_AFTER, CRUMB_MIN_ITEMS, HEADLINE_OPENING_BLOCKS,
    HEADLINE_OPENING_LINE_MAX_LENGTH, META_BLOCKS_ABOVE_HEADLINE, META_BLOCKS_BELOW_HEADLINE,
    META_BLOCKS_INSIDE, META_BLOCK_MAX_LENGTH, META_BLOCK_MIN_LENGTH, META_LINES_MAX,
    NAV_ROW_MAX_PLAIN_SHARE, NAV_ROW_MIN_LINKS,
};
use super::page::Page;
use super::visible::TextBuf;
use super::writer::inline_text;
use crate::article::BoilerplateKind;
use crate::parse::elements::is_block;
use crate::parse::tree::{NodeData, NodeId, NONE};

/// Credit lines between the headline and the body (`2024年11月16日 来源：…
/// 编辑：…`, `By … | Updated …`), found by their text, not their class: short
/// leaf blocks before the article container with a date or credit words.
pub fn meta_lines(page: &Page, body: NodeId) -> Vec<String> {
    let h1 = headline(page, body);
    let before: Vec<NodeId> = (h1.map_or(0, |h| h + 1)..page.doc.nodes.len())
        .map(|i| i as NodeId)
        .take_while(|&id| id < body)
        .collect();
    let mut inside: Vec<NodeId> = page.children(body).take(META_BLOCKS_INSIDE).collect();
    // A headline inside the container: the leaf blocks right below it,
    // however deep (a `<center>` around headline and byline).
    if let Some(h) = h1.filter(|&h| h > body as usize) {
        let below = ((h + 1)..page.doc.nodes.len())
            .map(|i| i as NodeId)
            .filter(|&id| is_leaf_block(page, id) && page.stat(id).length >= META_BLOCK_MIN_LENGTH)
            .take(META_BLOCKS_BELOW_HEADLINE);
        inside.extend(below);
    }
    match h1 {
        // Nearest the headline first; then the blocks right above it, where
        // some CMSs set the date (`2024 11/16 09:35:20` over the headline).
        Some(h) => {
            let mut lines = lines_of(page, before.into_iter().chain(inside));
            let above = (0..h)
                .rev()
                .map(|i| i as NodeId)
                .filter(|&id| is_leaf_block(page, id))
                .take(META_BLOCKS_ABOVE_HEADLINE);
            for line in lines_of(page, above) {
                if lines.len() < META_LINES_MAX && !lines.contains(&line) {
                    lines.push(line);
                }
            }
            lines
        }
        // No headline: the whole page above the body, nearest the body
        // first, where the lines are the article's (`ggjjzhzz 发表于 2005-9-15`
        // under a blog post, not `建立于:2004年10月6日` in its sidebar).
        None => {
            let above = lines_of(page, before.into_iter().rev());
            let mut lines = lines_of(page, inside.into_iter());
            lines.extend(above);
            lines.truncate(META_LINES_MAX);
            lines
        }
    }
}

/// The headline's `<h1>`: one opening the body, else the first on the
/// page. A site's name set in an earlier `<h1>` is no headline (`AI in the
/// News` over a post's `Who's Reading Your Newsletter?`), and an `<h1>`
/// after the body's first paragraphs heads a section.
fn headline(page: &Page, body: NodeId) -> Option<usize> {
    let h1s = page
        .doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(&n.data, NodeData::Element(e) if &*e.name == "h1"))
        .map(|(i, _)| i);
    let end = page.doc.last_descendant(body) as usize;
    let inside = h1s.clone().find(|&h| h > body as usize && h <= end);
    let opening = inside.filter(|&h| {
        let lines: Vec<f32> = ((body as usize + 1)..h)
            .map(|id| id as NodeId)
            .filter(|&id| is_leaf_block(page, id) && page.stat(id).visible)
            .map(|id| page.stat(id).length)
            .filter(|&length| length >= META_BLOCK_MIN_LENGTH)
            .collect();
        lines.len() < HEADLINE_OPENING_BLOCKS
            && lines.iter().all(|&l| l <= HEADLINE_OPENING_LINE_MAX_LENGTH)
    });
    opening.or_else(|| h1s.clone().next())
}

/// Whether `id` is a block element holding no other block: one line.
fn is_leaf_block(page: &Page, id: NodeId) -> bool {
    page.doc.element(id).is_some_and(|e| is_block(&e.name)) && !page.stat(id).has_block_child
}

/// Credit lines in the blocks just after the body (`责任编辑：吴桐`,
/// `[ 责编：刘方 ]`, `编辑：李想 责任编辑：王军`): CMSs set the editors in
/// a block of their own below the text. Up to [`CLOSING_BLOCKS_AFTER`]
/// leaf blocks are looked at.
pub fn closing_lines(page: &Page, body: NodeId) -> Vec<String> {
    let last = page.doc.last_descendant(body);
    let after = ((last as usize + 1)..page.doc.nodes.len())
        .map(|i| i as NodeId)
        .filter(|&id| is_leaf_block(page, id))
        .take(CLOSING_BLOCKS_AFTER);
    lines_of(page, after)
        .into_iter()
        .filter(|line| features(line).meta_keys > 0)
        .collect()
}

/// The first [`META_LINES_MAX`] credit lines among `region`'s blocks.
fn lines_of(page: &Page, region: impl Iterator<Item = NodeId>) -> Vec<String> {
    let mut lines = Vec::new();
    for id in region {
        let Some(e) = page.doc.element(id) else {
            continue;
        };
        let s = page.stat(id);
        if !s.visible
            || !is_block(&e.name)
            || s.has_block_child
            || s.length > META_BLOCK_MAX_LENGTH
            || s.length < META_BLOCK_MIN_LENGTH
        {
            continue;
        }
        if s.length - s.link_length <= NAV_ROW_MAX_PLAIN_SHARE * s.length
            && links_in(page, id) >= NAV_ROW_MIN_LINKS
        {
            continue;
        }
        let text = inline_text(page, id);
        let f = features(&text);
        if (f.date || f.meta_keys > 0) && f.sentences <= 1 && !lines.contains(&text) {
            lines.push(text);
        }
        if lines.len() >= META_LINES_MAX {
            break;
        }
    }
    lines
}

/// How many links a leaf block holds.
fn links_in(page: &Page, block: NodeId) -> usize {
    let mut count = 0;
    let mut stack = vec![block];
    while let Some(id) = stack.pop() {
        if page.name(id) == "a" {
            count += 1;
        }
        stack.extend(page.children(id));
    }
    count
}

/// The page's breadcrumb trail: the first visible element whose class, id
/// or `aria-label` names one (`breadcrumb`, `crumbs`, `パンくず`, `面包屑`),
/// read as its list items, else as its text split at the separators
/// (`ホーム > 経済 > 金融`). Its text stays in the navigation boilerplate.
pub fn breadcrumbs(page: &Page) -> Option<Vec<String>> {
    // (Attributes compared in place: no string is built per element of a
    // page that has no trail.)
    let names_trail = |value: &str| {
        ["breadcrumb", "crumbs"].iter().any(|w| {
            value
                .as_bytes()
                .windows(w.len())
                .any(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        }) || ["パンくず", "面包屑", "麵包屑"]
            .iter()
            .any(|w| value.contains(w))
    };
    let named = |id: NodeId| {
        page.doc.element(id).is_some_and(|e| {
            ["class", "id", "aria-label"]
                .iter()
                .any(|a| e.attr(a).is_some_and(names_trail))
        })
    };
    let Some(trail) =
        (0..page.doc.nodes.len() as NodeId).find(|&id| named(id) && page.stat(id).visible)
    else {
        return unnamed_trail(page);
    };
    let mut items = trail_items(page, trail, "li");
    if items.len() < CRUMB_MIN_ITEMS {
        // (A trail of links with no list: `<nav class=breadcrumb><a>首頁</a>
        // <a>地方</a>`.)
        items = trail_items(page, trail, "a");
    }
    let mut items: Vec<String> = items
        .into_iter()
        .map(|text| {
            text.trim_matches(['>', '›', '»', '/', '＞', ' '])
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .collect();
    if items.len() < CRUMB_MIN_ITEMS {
        items = crumb_items(&inline_text(page, trail));
    }
    (items.len() >= CRUMB_MIN_ITEMS).then_some(items)
}

/// Words a trail starts with: the site's home.
const HOME_WORDS: &[&str] = &["首页", "首頁", "主页", "主頁", "Home", "ホーム", "トップ"];

/// A trail no class names: a short block above the headline that reads
/// as one (`首页 > 文化频道 > 要闻`), starting at the home page.
fn unnamed_trail(page: &Page) -> Option<Vec<String>> {
    let h1 = page
        .doc
        .nodes
        .iter()
        .position(|n| matches!(&n.data, NodeData::Element(e) if &*e.name == "h1"))?;
    (0..h1 as NodeId).find_map(|id| {
        let s = page.stat(id);
        let leaf = page.doc.element(id).is_some_and(|e| is_block(&e.name))
            && !s.has_block_child
            && s.visible
            && s.length <= TRAIL_MAX_LENGTH;
        if !leaf {
            return None;
        }
        let text = inline_text(page, id);
        // (`首页 | 财经 | 社会` is a menu: a trail points down its path.)
        if !text.contains(['>', '›', '»', '＞', '→']) {
            return None;
        }
        let items = crumb_items(&text);
        let home = items
            .first()
            .is_some_and(|i| HOME_WORDS.contains(&i.as_str()));
        (home && items.len() >= CRUMB_MIN_ITEMS).then_some(items)
    })
}

/// A trail's block is at most this long (weighted).
const TRAIL_MAX_LENGTH: f32 = 200.0;

/// The texts of the `name` elements in a trail, in page order.
fn trail_items(page: &Page, trail: NodeId, name: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut stack = vec![trail];
    while let Some(id) = stack.pop() {
        if page.name(id) == name {
            items.push((id, inline_text(page, id)));
            continue;
        }
        stack.extend(page.children(id));
    }
    items.sort_unstable_by_key(|(id, _)| *id);
    items.into_iter().map(|(_, text)| text).collect()
}

/// Visible text that is neither the article (`roots` less the `skipped`
/// subtrees the writer left out) nor in a labelled region, and shown text
/// that is never article text (controls, graphics, `aria-hidden`), one line
/// per block, so nothing visible is thrown away unlabelled.
pub fn unlabelled(page: &Page, roots: &[NodeId], skipped: &[NodeId]) -> Option<String> {
    let n = page.doc.nodes.len();
    // Inside the article: parents come before children in the arena.
    // Roots marked first: a page split into thousands of chunks has as many
    // roots, and a lookup per node in their list was quadratic.
    let mut in_article = vec![false; n];
    for &r in roots {
        if let Some(slot) = in_article.get_mut(r as usize) {
            *slot = true;
        }
    }
    // Subtrees the writer left out are not in the article: their text is
    // gathered here like any other.
    let mut left_out = vec![false; n];
    for &s in skipped {
        if let Some(slot) = left_out.get_mut(s as usize) {
            *slot = true;
        }
    }
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let inherited = node.parent != NONE
            && in_article
                .get(node.parent as usize)
                .copied()
                .unwrap_or(false);
        let out = left_out.get(i).copied().unwrap_or(false);
        if let Some(slot) = in_article.get_mut(i) {
            *slot = (*slot || inherited) && !out;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut last_block = NONE;
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let NodeData::Text(t) = &node.data else {
            continue;
        };
        let id = i as NodeId;
        // Shown but not article text (a button, a select's options, an
        // `aria-hidden` label, a formula): wherever it is, it is kept here.
        let s = page.stat(id);
        let control = s.shown && !s.visible;
        let skip = !control
            && (!s.visible
                || in_article.get(i).copied().unwrap_or(true)
                || page.negative.get(i).copied().flatten().is_some());
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
pub fn boilerplate(page: &Page) -> Vec<(BoilerplateKind, String)> {
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
        if !outermost || !page.stat(id).visible {
            continue;
        }
        // A lone glyph (`×`, `|`) is not text; a count (`9`) or a letter
        // (`X`) is.
        let text = inline_text(page, id);
        if text.chars().any(char::is_alphanumeric) {
            out.push((*kind, text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tree::Document;

    const PROSE: &str =
        "<p>A paragraph of the article, long enough to be prose, with words and commas, in it.</p>";

    /// The credit lines of `html` around its element of class `body`.
    fn lines(html: &str) -> Vec<String> {
        let doc = Document::parse(html);
        let page = Page::new(&doc);
        let body = (0..doc.nodes.len() as NodeId)
            .find(|&id| doc.element(id).and_then(|e| e.attr("class")) == Some("body"))
            .unwrap();
        meta_lines(&page, body)
    }

    #[test]
    fn the_credit_lines_are_below_the_headline_that_opens_the_body() {
        // The site's name is an earlier <h1>; the post's own opens the body,
        // and its credit lines come past the authors' pictures.
        let html = format!(
            "<body><header><h1>AI in the News</h1></header><main class=body>\
             <div><h1>Council expands bus network</h1><div><img src=a.jpg></div><div><img src=b.jpg></div>\
             <div><span>Updated on</span> <span>December 11, 2025</span></div></div>{PROSE}{PROSE}</main></body>"
        );
        assert_eq!(lines(&html), ["Updated on December 11, 2025"]);
        // An <h1> after the body's first paragraph heads a section: the
        // headline is the page's first, and the lines below it count.
        let html = format!(
            "<body><h1>Council expands bus network</h1><p>Published 2026-03-13</p>\
             <article class=body>{PROSE}{PROSE}{PROSE}{PROSE}<h1>What the routes are</h1><p>Updated 2026-04-01</p>{PROSE}</article></body>"
        );
        assert_eq!(lines(&html), ["Published 2026-03-13"]);
    }
}
