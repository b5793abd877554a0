//! An arena DOM: nodes linked by index, the root at 0. The standard's tree
//! construction that fills it (`Document::parse`) is in `builder.rs`.

pub use super::limits::ParseLimits;
use super::tokenizer::Attribute;

/// Index of a node in [`Document::nodes`].
pub type NodeId = u32;

/// Marks "no node" in the links of [`Node`].
pub const NONE: NodeId = NodeId::MAX;

/// One node of the arena tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// Parent, or [`NONE`] for the root.
    pub parent: NodeId,
    /// First child, or [`NONE`].
    pub first_child: NodeId,
    /// Last child, or [`NONE`].
    pub last_child: NodeId,
    /// Next sibling, or [`NONE`].
    pub next_sibling: NodeId,
    /// What the node is.
    pub data: NodeData,
}

/// The payload of a [`Node`].
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The root.
    Document,
    /// An element.
    Element(Element),
    /// Character data (adjacent runs are merged).
    Text(String),
}

/// An element: lower-cased name and attributes.
#[derive(Debug, Clone)]
pub struct Element {
    /// Lower-cased tag name.
    pub name: Box<str>,
    /// Attributes in source order.
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of attribute `name` (lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name == name)
            .map(|a| a.value.as_str())
    }
}

/// A parsed document: an arena of nodes, the root at index 0.
#[derive(Debug, Clone)]
pub struct Document {
    /// All nodes; links are indices into this vector.
    pub nodes: Vec<Node>,
    /// Which bounds the parser reached on this document.
    pub limits: ParseLimits,
    /// Control characters that character references produced (`&#27;`),
    /// removed from text and attribute values.
    pub controls_removed: usize,
    /// Nodes the page wrote before its own `<body>` tag, in a body the
    /// standard implied (a plugin's banner or stray markup in the head):
    /// visible, but not the page's own structure.
    pub injected: std::ops::Range<NodeId>,
    /// The elements of `injected` still open at the `<body>` tag: stray
    /// wrappers around the page's own content (at most `MAX_DEPTH`).
    pub injected_open: Vec<NodeId>,
}

impl Document {
    /// The root node's id.
    pub const ROOT: NodeId = 0;

    /// The node with id `id`, if it exists.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// The element data of node `id`, if it is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match self.node(id).map(|n| &n.data) {
            Some(NodeData::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// Whether node `id` was written, whole, before the page's own
    /// `<body>` tag (see [`Document::injected`]).
    pub fn is_injected_whole(&self, id: NodeId) -> bool {
        self.injected.contains(&id) && !self.injected_open.contains(&id)
    }

    /// The last node of `id`'s subtree: the subtree is the arena's nodes
    /// from `id` to it, and the nodes after it follow the subtree.
    pub fn last_descendant(&self, id: NodeId) -> NodeId {
        let mut last = id;
        while let Some(node) = self.node(last).filter(|n| n.last_child != NONE) {
            last = node.last_child;
        }
        last
    }

    /// The children of node `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.node(id).map_or(NONE, |n| n.first_child);
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let current = next;
            next = self.node(current).map_or(NONE, |n| n.next_sibling);
            Some(current)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::limits::MAX_DEPTH;

    /// Serializes the tree as nested s-expressions for compact assertions.
    fn shape(doc: &Document) -> String {
        fn walk(doc: &Document, id: NodeId, out: &mut String) {
            let Some(node) = doc.node(id) else { return };
            match &node.data {
                NodeData::Text(t) => out.push_str(&format!("{t:?}")),
                NodeData::Element(e) => out.push_str(&format!("({}", e.name)),
                NodeData::Document => out.push('('),
            }
            let mut child = node.first_child;
            while child != NONE {
                out.push(' ');
                walk(doc, child, out);
                child = doc.node(child).map_or(NONE, |c| c.next_sibling);
            }
            if !matches!(node.data, NodeData::Text(_)) {
                out.push(')');
            }
        }
        let mut out = String::new();
        walk(doc, Document::ROOT, &mut out);
        out
    }

    #[test]
    fn implied_end_tags() {
        let doc = Document::parse("<p>one<p>two<div>three</div><ul><li>a<li>b</ul>");
        assert_eq!(
            shape(&doc),
            r#"( (p "one") (p "two") (div "three") (ul (li "a") (li "b")))"#
        );
    }

    #[test]
    fn stray_end_tags_are_ignored_and_misnesting_recovers() {
        let doc = Document::parse("<div><b>x</i></b></span>y</div>z");
        assert_eq!(shape(&doc), r#"( (div (b "x") "y") "z")"#);
        let doc = Document::parse("<table><tr><td>1<td>2<tr><td>3</table>after");
        assert_eq!(
            shape(&doc),
            r#"( (table (tr (td "1") (td "2")) (tr (td "3"))) "after")"#
        );
    }

    #[test]
    fn void_and_self_closing() {
        let doc = Document::parse("<p>a<br>b<img src=x>c</p><svg><path/><g/></svg><div/>d");
        assert_eq!(
            shape(&doc),
            r#"( (p "a" (br) "b" (img) "c") (svg (path) (g)) (div "d"))"#
        );
    }

    #[test]
    fn depth_is_bounded() {
        let html = "<div>".repeat(100_000) + "deep";
        let doc = Document::parse(&html);
        let mut deepest = 0;
        for (i, _) in doc.nodes.iter().enumerate() {
            let mut depth = 0;
            let mut id = i as NodeId;
            while let Some(n) = doc.node(id) {
                id = n.parent;
                depth += 1;
            }
            deepest = deepest.max(depth);
        }
        assert!(deepest <= MAX_DEPTH + 2, "depth {deepest}");
        assert_eq!(doc.nodes.len(), 100_002);
    }

    #[test]
    fn past_the_depth_limit_scripts_and_hidden_content_stay_hidden() {
        let html = "<div>".repeat(MAX_DEPTH + 10)
            + "<script>var x = '<div>';</script><style>p{}</style>\
               <div hidden>secret <div>nested</div> text</div><template>t</template>shown";
        let doc = Document::parse(&html);
        assert!(doc.limits.flattened > 0);
        let text: String = doc
            .nodes
            .iter()
            .filter_map(|n| match &n.data {
                NodeData::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "shown");
    }

    #[test]
    fn self_closing_svg_and_math_close_at_once() {
        let doc = Document::parse("<p>Icon <svg class=\"icon\"/> and <math/> more</p><p>next</p>");
        assert_eq!(
            shape(&doc),
            r#"( (p "Icon " (svg) " and " (math) " more") (p "next"))"#
        );
        // Inside foreign content a self-closing child closes too.
        let doc = Document::parse("<svg><path d=\"x\"/><text>t</text></svg>after");
        assert_eq!(shape(&doc), r#"( (svg (path) (text "t")) "after")"#);
    }
}
