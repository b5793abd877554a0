//! Choosing the article: scores containers (Readability's method, made
//! CJK-aware), widens the best one while an ancestor holds clearly more
//! prose, and gathers the roots that belong to the same article.

use super::super::tunables::{
    ANCESTOR_DIVIDER_STEP, BODY_CONTAINER_MIN_BLOCKS, LENGTH_POINT, LENGTH_POINTS_MAX,
    PARAGRAPH_MASS_MIN, REPEAT_ITEM_MIN, REPEAT_LEVELS, REPEAT_MIN_ITEMS, SCORED_ANCESTORS,
    SCORED_BLOCK_MIN, SIBLING_LINK_DENSITY, SIBLING_MIN_LENGTH, SIBLING_PARAGRAPH_LINK_DENSITY,
    SIBLING_SHARE, WIDEN_GAIN, WIDEN_LEVELS, WIDEN_LINK_DENSITY,
};
use super::classes::{class_weight, is_container, is_text_container, negative_kind, tag_prior};
use super::page::Page;
use crate::parse::elements::is_main_landmark;
use crate::parse::tree::{Element, NodeData, NodeId, NONE};

/// Scores containers and returns the best one.
pub fn best_container(page: &Page) -> Option<NodeId> {
    let n = page.doc.nodes.len();
    let mut score: Vec<Option<f32>> = vec![None; n];
    // Scored blocks written straight into <body>.
    let mut body_blocks = 0;
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
        if !paragraph_like || s.length < SCORED_BLOCK_MIN {
            continue;
        }
        if page.name(first) == "body" {
            body_blocks += 1;
        }
        let contribution = (1.0 + s.commas + (s.length / LENGTH_POINT).min(LENGTH_POINTS_MAX))
            * (1.0 - page.link_density(id));
        let mut ancestor = first;
        let mut level = 0;
        while ancestor != NONE && level < SCORED_ANCESTORS {
            if let Some(slot) = score.get_mut(ancestor as usize) {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f32 * ANCESTOR_DIVIDER_STEP,
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
    let best = |containers: fn(&str) -> bool| {
        score
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.map(|s| (i as NodeId, s * (1.0 - page.link_density(i as NodeId))))
            })
            .filter(|&(id, _)| containers(page.name(id)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id)
    };
    // A page writing its paragraphs straight into <body> (an RFC's pages
    // as <pre> blocks) has its body for container; one block of `<br>`
    // lines there is read like a paste, its credit lines found as in one.
    best(is_container).map(|top| widen(page, top)).or_else(|| {
        (body_blocks >= BODY_CONTAINER_MIN_BLOCKS)
            .then(|| best(|name| name == "body"))
            .flatten()
    })
}

/// Moves up from the best container while an ancestor holds clearly more of
/// the page's paragraph text: articles split into chunks by ads or
/// "cards" are whole again at their common ancestor.
fn widen(page: &Page, mut top: NodeId) -> NodeId {
    // An <article> is one article: never widen past it to its neighbours.
    if page.name(top) == "article" {
        return top;
    }
    // Look up `WIDEN_LEVELS` levels above for an ancestor with clearly
    // more paragraph text and few links; wrappers around the same text are
    // passed, not taken, and not counted as levels.
    'outer: loop {
        let mut ancestor = page.parent(top);
        let mut levels = 0;
        let mut below = page.stat(top).mass;
        while levels < WIDEN_LEVELS {
            // (A stray wrapper opened before the page's <body> tag is not
            // the article's wrapper.)
            if ancestor == NONE
                || !is_container(page.name(ancestor))
                || page.is_transparent(ancestor)
                || page
                    .negative
                    .get(ancestor as usize)
                    .copied()
                    .flatten()
                    .is_some()
            {
                break 'outer top;
            }
            let mass = page.stat(ancestor).mass;
            if mass > page.stat(top).mass * WIDEN_GAIN + 1.0
                && page.link_density(ancestor) < WIDEN_LINK_DENSITY
            {
                top = ancestor;
                continue 'outer;
            }
            if mass > below {
                levels += 1;
            }
            below = mass;
            ancestor = page.parent(ancestor);
        }
        break top;
    }
}

/// The page's main landmark: the first shown `<main>` or `role=main`
/// element outside any boilerplate region (a page may nest or repeat them;
/// the outermost comes first in the arena).
pub fn main_landmark(page: &Page) -> Option<NodeId> {
    page.doc.nodes.iter().enumerate().find_map(|(i, node)| {
        let NodeData::Element(e) = &node.data else {
            return None;
        };
        let id = i as NodeId;
        let named = is_main_landmark(e);
        let negative = page.negative.get(i).copied().flatten().is_some();
        (named && page.stat(id).visible && !negative).then_some(id)
    })
}

/// The page's `<body>`: the landmark of a page that names none.
pub fn body_element(page: &Page) -> Option<NodeId> {
    page.doc.nodes.iter().enumerate().find_map(|(i, node)| {
        matches!(&node.data, NodeData::Element(e) if &*e.name == "body").then_some(i as NodeId)
    })
}

/// The article's roots in document order: the best container, the
/// siblings that read like part of the article, and chunks elsewhere that
/// share the container's tag and class.
pub fn article_roots(page: &Page, top: NodeId) -> Vec<NodeId> {
    let mut roots = sibling_roots(page, top);
    same_class_chunks(page, top, &mut roots);
    roots
}

/// Whether two elements are items of one series: the same tag and class
/// words, or, without a class, ids that differ only in their digits
/// (`post_123`, `post_124`). Compared without allocating: a river has
/// thousands of siblings.
fn same_kind(page: &Page, a: NodeId, b: NodeId) -> bool {
    let (Some(x), Some(y)) = (page.doc.element(a), page.doc.element(b)) else {
        return false;
    };
    if x.name != y.name {
        return false;
    }
    match (class(x), class(y)) {
        (Some(cx), Some(cy)) => cx.split_whitespace().eq(cy.split_whitespace()),
        (None, None) => match (x.attr("id"), y.attr("id")) {
            (Some(i), Some(j)) => {
                i.bytes().any(|b| b.is_ascii_digit()) && id_stem(i).eq(id_stem(j))
            }
            _ => false,
        },
        _ => false,
    }
}

/// An element's class, when it has one.
fn class(e: &Element) -> Option<&str> {
    e.attr("class").filter(|c| !c.trim().is_empty())
}

/// An id without its digits.
fn id_stem(id: &str) -> impl Iterator<Item = char> + '_ {
    id.chars().filter(|c| !c.is_ascii_digit())
}

/// A thread's posts, a river's stories: when the best container sits in
/// one of several siblings of the same kind that each hold text of their
/// own, the series is the content. Returns those siblings in order.
pub fn repeated_items(page: &Page, top: NodeId) -> Option<Vec<NodeId>> {
    let mut item = top;
    for _ in 0..REPEAT_LEVELS {
        let parent = page.structural_parent(item);
        // (Stops at the document: the series is among elements.)
        page.doc.element(parent)?;
        {
            let items: Vec<NodeId> = page
                .structural_children(parent)
                .into_iter()
                .filter(|&c| {
                    page.stat(c).visible
                        && page.negative.get(c as usize).copied().flatten().is_none()
                        && same_kind(page, item, c)
                })
                .collect();
            // Items with text of their own make the series; a one-line
            // reply in it is still part of it.
            let with_text = items
                .iter()
                .filter(|&&c| {
                    let s = page.stat(c);
                    s.length * (1.0 - page.link_density(c)) >= REPEAT_ITEM_MIN
                })
                .count();
            if with_text >= REPEAT_MIN_ITEMS {
                return Some(items);
            }
        }
        item = parent;
    }
    None
}

/// The best container and its siblings that read like part of the article.
fn sibling_roots(page: &Page, top: NodeId) -> Vec<NodeId> {
    // Siblings of the best container that read like part of the article.
    let top_stat = page.stat(top);
    let parent = page.structural_parent(top);
    let threshold = (top_stat.length * SIBLING_SHARE).max(SIBLING_MIN_LENGTH);
    let mut roots = Vec::new();
    for sibling in page.structural_children(parent) {
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
        let paragraph = &*e.name == "p"
            && s.length > PARAGRAPH_MASS_MIN
            && density < SIBLING_PARAGRAPH_LINK_DENSITY;
        if (s.length >= threshold && density < SIBLING_LINK_DENSITY) || paragraph {
            roots.push(sibling);
        }
    }
    roots
}

/// Bodies split into chunks around ads share the chunk's tag and class
/// (`<div class="post__content">` … ad … `<div class="post__content">`):
/// gathers the chunks elsewhere on the page too, in document order.
fn same_class_chunks(page: &Page, top: NodeId, roots: &mut Vec<NodeId>) {
    let Some(class) = page
        .doc
        .element(top)
        .and_then(|e| e.attr("class"))
        .filter(|c| !c.trim().is_empty())
    else {
        return;
    };
    let name = page.name(top);
    let n = page.doc.nodes.len();
    // A chunk joins unless it is inside a root or holds one. Linear: one
    // bottom-up pass finds the nodes that hold a first root; `covered` is
    // filled top-down as chunks join (parents come before children in the
    // arena, so a chunk that joins covers its whole subtree, and a chunk met
    // later can never hold one met earlier).
    let mut is_root = vec![false; n];
    for &r in roots.iter() {
        if let Some(slot) = is_root.get_mut(r as usize) {
            *slot = true;
        }
    }
    let mut holds_root = vec![false; n];
    for (i, node) in page.doc.nodes.iter().enumerate().rev() {
        let below =
            is_root.get(i).copied().unwrap_or(false) || holds_root.get(i).copied().unwrap_or(false);
        if below && node.parent != NONE {
            if let Some(slot) = holds_root.get_mut(node.parent as usize) {
                *slot = true;
            }
        }
    }
    let mut covered = vec![false; n];
    for (i, node) in page.doc.nodes.iter().enumerate() {
        let inherited =
            node.parent != NONE && covered.get(node.parent as usize).copied().unwrap_or(false);
        let own = is_root.get(i).copied().unwrap_or(false);
        if let Some(slot) = covered.get_mut(i) {
            *slot = inherited || own;
        }
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        if &*e.name != name || e.attr("class") != Some(class) || own {
            continue;
        }
        let s = page.stat(i as NodeId);
        let negative = page.negative.get(i).copied().flatten().is_some();
        let holds = holds_root.get(i).copied().unwrap_or(false);
        if s.visible && !negative && s.mass > 0.0 && !inherited && !holds {
            roots.push(i as NodeId);
            if let Some(slot) = covered.get_mut(i) {
                *slot = true;
            }
        }
    }
    roots.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tree::Document;

    const PROSE: &str =
        "A paragraph of the article, long enough to be prose, with words and commas, in it.";

    /// The ids of elements with `class`, in document order.
    fn with_class(doc: &Document, class: &str) -> Vec<NodeId> {
        (0..doc.nodes.len() as NodeId)
            .filter(|&id| doc.element(id).and_then(|e| e.attr("class")) == Some(class))
            .collect()
    }

    #[test]
    fn chunks_sharing_the_container_class_join_once_each() {
        // Three chunks split by ads; a fourth nested inside the first (it is
        // already in), and a wrapper with the same class holding no prose.
        let html = format!(
            "<body><div class=c><p>{PROSE}</p><div class=c><p>{PROSE}</p></div></div>\
             <div class=ad>Ad</div><section><div class=c><p>{PROSE}</p></div></section>\
             <div class=ad>Ad</div><div class=c><p>{PROSE}</p></div><div class=c></div></body>"
        );
        let doc = Document::parse(&html);
        let page = Page::new(&doc);
        let chunks = with_class(&doc, "c");
        let top = chunks[0];
        let roots = article_roots(&page, top);
        assert_eq!(roots, [chunks[0], chunks[2], chunks[3]]);
    }

    #[test]
    fn a_chunk_holding_a_root_does_not_join() {
        // The root is the inner `x`; the outer `x` holds it, the last `x` is a chunk.
        let html = format!(
            "<body><div class=x><p>{PROSE}</p><div class=x><p>{PROSE}</p><p>{PROSE}</p></div></div>\
             <div class=x><p>{PROSE}</p></div></body>"
        );
        let doc = Document::parse(&html);
        let page = Page::new(&doc);
        let x = with_class(&doc, "x");
        let mut roots = vec![x[1]];
        same_class_chunks(&page, x[1], &mut roots);
        assert_eq!(roots, [x[1], x[2]]);
    }
}
