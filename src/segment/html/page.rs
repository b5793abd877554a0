//! The measurement passes over a parsed page: per-node text figures
//! (weighted length, link length, commas, paragraph mass, visibility) and
//! the negative region each node is in, each computed in one pass over the
//! arena (children always follow their parent), so the whole extraction is
//! linear in the number of nodes.

use super::super::tunables::{
    CJK_CHAR_WEIGHT, PARAGRAPH_MASS_MIN, WIDGET_PROSE_MIN, WIDGET_SERIES_MIN, WRAPPER_MASS_SHARE,
};
use super::classes::{is_consent_manager, is_text_container, negative_kind_cached, negative_word};
use crate::article::BoilerplateKind;
use crate::parse::elements::{is_block, is_not_shown, is_shown_not_text};
use crate::parse::tree::{Document, Node, NodeData, NodeId, NONE};
use crate::text::is_cjk_letter;
use std::collections::{HashMap, HashSet};

/// Per-node figures, computed bottom-up in one pass.
#[derive(Clone, Copy, Default)]
pub struct Stats {
    /// Weighted text length (CJK characters count 2).
    pub length: f32,
    /// Weighted length of text inside links.
    pub link_length: f32,
    /// Commas (`,` `，` `、`) and full stops (`。`).
    pub commas: f32,
    /// Article text: shown, and not in a control, a graphic or an
    /// `aria-hidden` element.
    pub visible: bool,
    /// Shown to a sighted reader (not in an element that is never rendered
    /// or hidden by attribute). Shown text that is not `visible` goes to the
    /// boilerplate, never nowhere.
    pub shown: bool,
    /// Has a block-level element child.
    pub has_block_child: bool,
    /// Non-link text of `<p>` elements of 80 or more, in the subtree: the
    /// article's paragraphs, wherever they are.
    pub mass: f32,
}

/// Weighted length and commas of a text (see [`CJK_CHAR_WEIGHT`]).
pub fn measure(text: &str) -> (f32, f32) {
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
            length += CJK_CHAR_WEIGHT;
        } else {
            length += 1.0;
        }
        if matches!(c, ',' | '，' | '、' | '。') {
            commas += 1.0;
        }
    }
    (length, commas)
}

/// A parsed page with its per-node figures.
pub struct Page<'a> {
    /// The tree.
    pub doc: &'a Document,
    /// Figures per node, by node id.
    pub stats: Vec<Stats>,
    /// Boilerplate kind of the nearest negative ancestor-or-self, if any.
    pub negative: Vec<Option<BoilerplateKind>>,
}

impl<'a> Page<'a> {
    /// Measures every node of `doc` (three passes over the arena).
    pub fn new(doc: &'a Document) -> Self {
        Page::reading(doc, false)
    }

    /// [`Page::new`], with comment regions read as content when
    /// `comments_are_content` (a thread whose posts are marked as comments).
    pub fn reading(doc: &'a Document, comments_are_content: bool) -> Self {
        let n = doc.nodes.len();
        let mut stats = vec![Stats::default(); n];
        // Top-down: visibility (parents come first in the arena).
        for (i, node) in doc.nodes.iter().enumerate() {
            let parent = stats.get(node.parent as usize).copied();
            let (parent_shown, parent_visible) = parent
                .map_or((node.parent == NONE, node.parent == NONE), |p| {
                    (p.shown, p.visible)
                });
            let (shown, text) = match &node.data {
                NodeData::Element(e) => (!is_not_shown(e), !is_shown_not_text(e)),
                _ => (true, true),
            };
            if let Some(s) = stats.get_mut(i) {
                s.shown = parent_shown && shown;
                s.visible = parent_visible && shown && text;
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
                if length >= PARAGRAPH_MASS_MIN && is_text_container(parent) {
                    own.mass = length;
                }
            }
            match &node.data {
                NodeData::Element(e) if &*e.name == "a" => own.link_length = own.length,
                NodeData::Element(e) if &*e.name == "p" && own.length >= PARAGRAPH_MASS_MIN => {
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
        let negative = negative_regions(doc, &stats, comments_are_content);
        Page {
            doc,
            stats,
            negative,
        }
    }

    pub fn stat(&self, id: NodeId) -> Stats {
        self.stats.get(id as usize).copied().unwrap_or_default()
    }

    pub fn link_density(&self, id: NodeId) -> f32 {
        let s = self.stat(id);
        if s.length > 0.0 {
            (s.link_length / s.length).min(1.0)
        } else {
            0.0
        }
    }

    pub fn name(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    pub fn parent(&self, id: NodeId) -> NodeId {
        self.doc.node(id).map_or(NONE, |n| n.parent)
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.doc.children(id)
    }

    /// A stray wrapper the page opened before its own `<body>` tag (closed
    /// by some stray end tag later): not the page's structure, so its
    /// children count as its parent's.
    pub fn is_transparent(&self, id: NodeId) -> bool {
        self.doc.injected_open.contains(&id)
    }

    /// The parent of `id`, passing transparent wrappers.
    pub fn structural_parent(&self, id: NodeId) -> NodeId {
        let mut parent = self.parent(id);
        while parent != NONE && self.is_transparent(parent) {
            parent = self.parent(parent);
        }
        parent
    }

    /// The children of `id` with transparent wrappers replaced by their
    /// children, in document order.
    pub fn structural_children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.children(id).collect();
        stack.reverse();
        while let Some(child) = stack.pop() {
            if self.is_transparent(child) {
                let inner: Vec<NodeId> = self.children(child).collect();
                stack.extend(inner.into_iter().rev());
            } else {
                out.push(child);
            }
        }
        out
    }
}

/// Top-down: the boilerplate kind of each node's nearest negative
/// ancestor-or-self. A region holding much of the page's paragraph text is
/// the article's wrapper whatever its class says (`page-ad-margins`,
/// `header-style-2`, `penci_sidebar`).
fn negative_regions(
    doc: &Document,
    stats: &[Stats],
    comments_are_content: bool,
) -> Vec<Option<BoilerplateKind>> {
    let mut negative = vec![None; doc.nodes.len()];
    // (A consent manager's text is not the page's: counted, it would make
    // the article's wrapper look small beside a dialog of purposes.)
    let total = stats.first().map_or(0.0, |s| s.mass) - consent_mass(doc, stats);
    let mut memo = HashMap::new();
    let content_widgets = content_widgets(doc, stats);
    // Parents with text of their own: an inline element there is part of a
    // sentence (`a rather <a class="popup">elderly</a> man`), whatever its
    // class says.
    let mut holds_text = vec![false; doc.nodes.len()];
    for node in &doc.nodes {
        if let NodeData::Text(t) = &node.data {
            if !t.trim().is_empty() {
                if let Some(slot) = holds_text.get_mut(node.parent as usize) {
                    *slot = true;
                }
            }
        }
    }
    for (i, node) in doc.nodes.iter().enumerate() {
        let inherited = if node.parent == NONE {
            None
        } else {
            negative.get(node.parent as usize).copied().flatten()
        };
        // An inline element inside running text is part of a sentence.
        let in_sentence = holds_text.get(node.parent as usize).copied() == Some(true);
        let own = match &node.data {
            NodeData::Element(e)
                if (stats.get(i).map_or(0.0, |s| s.mass) <= total * WRAPPER_MASS_SHARE
                    || is_consent_manager(e))
                    && (is_block(&e.name) || !in_sentence) =>
            {
                negative_kind_cached(e, &mut memo)
                    .filter(|&kind| !(comments_are_content && kind == BoilerplateKind::Comments))
                    .or_else(|| {
                        // Written before the page's own <body> tag: a plugin's
                        // banner, not the article's markup.
                        doc.is_injected_whole(i as NodeId)
                            .then_some(BoilerplateKind::Other)
                    })
            }
            _ => None,
        };
        let own = own.filter(|_| {
            !content_widgets.contains(&(i as NodeId)) && !is_prose_section(node, stats.get(i))
        });
        if let Some(slot) = negative.get_mut(i) {
            *slot = inherited.or(own);
        }
    }
    negative
}

/// A "skip" element holding a paragraph of prose is a section (`skip-item`
/// under a table of contents), not a skip link.
fn is_prose_section(node: &Node, stats: Option<&Stats>) -> bool {
    stats.is_some_and(|s| s.mass >= PARAGRAPH_MASS_MIN)
        && matches!(&node.data, NodeData::Element(e) if negative_word(e) == Some("skip"))
}

/// "Widgets" that are the article's: a series of at least
/// [`WIDGET_SERIES_MIN`] with the same class, each holding paragraphs of
/// prose ([`WIDGET_PROSE_MIN`]) — a buying guide's product reviews
/// (`c-product-widget`), a top ten's entries. One such widget alone is a
/// sidebar's box: an author's bio, a letter to readers, latest posts.
fn content_widgets(doc: &Document, stats: &[Stats]) -> HashSet<NodeId> {
    let mut series: HashMap<&str, Vec<NodeId>> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        if let NodeData::Element(e) = &node.data {
            if stats.get(i).is_some_and(|s| s.mass >= WIDGET_PROSE_MIN)
                && negative_word(e) == Some("widget")
            {
                let class = e.attr("class").unwrap_or_default();
                series.entry(class).or_default().push(i as NodeId);
            }
        }
    }
    series
        .into_values()
        .filter(|ids| ids.len() >= WIDGET_SERIES_MIN)
        .flatten()
        .collect()
}

/// The paragraph mass of the page's consent managers' dialogs (each
/// counted once, at its outermost element). Parents precede their children
/// in the node list.
fn consent_mass(doc: &Document, stats: &[Stats]) -> f32 {
    let mut inside = vec![false; doc.nodes.len()];
    let mut mass = 0.0;
    for (i, node) in doc.nodes.iter().enumerate() {
        let in_parent = inside.get(node.parent as usize).copied().unwrap_or(false);
        let own = !in_parent && matches!(&node.data, NodeData::Element(e) if is_consent_manager(e));
        if own {
            mass += stats.get(i).map_or(0.0, |s| s.mass);
        }
        if let Some(slot) = inside.get_mut(i) {
            *slot = in_parent || own;
        }
    }
    mass
}

impl Page<'_> {
    /// The weighted length of the text in comment regions (each region
    /// counted once, at its outermost element).
    pub fn comments_length(&self) -> f32 {
        let is_comments = |id: NodeId| {
            self.negative.get(id as usize).copied().flatten() == Some(BoilerplateKind::Comments)
        };
        self.doc
            .nodes
            .iter()
            .enumerate()
            .filter(|&(i, node)| is_comments(i as NodeId) && !is_comments(node.parent))
            .map(|(i, _)| self.stat(i as NodeId).length)
            .sum()
    }
}
