//! An arena DOM and a small tree builder with the HTML rules that shape text:
//! void elements, implied end tags (`<p>`, `<li>`, table parts), end tags
//! that close what they enclose, and a hard nesting limit.

pub use super::limits::{ParseLimits, MAX_DEPTH, MAX_NODES};
use super::tokenizer::{tokenize, Attribute, Token};
use crate::text::{has_stray_control, remove_stray_controls};
use std::borrow::Cow;

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

    /// Parses decoded HTML into a tree.
    pub fn parse(html: &str) -> Document {
        let mut builder = Builder {
            doc: Document {
                nodes: vec![Node {
                    parent: NONE,
                    first_child: NONE,
                    last_child: NONE,
                    next_sibling: NONE,
                    data: NodeData::Document,
                }],
                limits: ParseLimits::default(),
                controls_removed: 0,
            },
            open: vec![Document::ROOT],
            foreign: 0,
        };
        tokenize(html, |token| builder.token(token));
        builder.doc
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "plaintext"
            | "listing"
    )
}

/// Elements an implied-end search does not look past.
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "table"
            | "td"
            | "th"
            | "caption"
            | "marquee"
            | "object"
            | "applet"
            | "template"
            | "button"
            | "svg"
            | "math"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

struct Builder {
    doc: Document,
    /// Stack of open elements; the root at the bottom.
    open: Vec<NodeId>,
    /// How many `svg`/`math` elements are open (self-closing tags count there).
    foreign: usize,
}

impl Builder {
    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(Document::ROOT)
    }

    fn name_of(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    fn append(&mut self, parent: NodeId, data: NodeData) -> NodeId {
        let id = self.doc.nodes.len() as NodeId;
        let prev = self.doc.node(parent).map_or(NONE, |p| p.last_child);
        self.doc.nodes.push(Node {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data,
        });
        if let Some(prev_node) = self.doc.nodes.get_mut(prev as usize) {
            prev_node.next_sibling = id;
        }
        if let Some(p) = self.doc.nodes.get_mut(parent as usize) {
            if p.first_child == NONE {
                p.first_child = id;
            }
            p.last_child = id;
        }
        id
    }

    fn token(&mut self, token: Token<'_>) {
        match token {
            Token::Text(mut text) => {
                // Only text with character references can hold one: the
                // decoder removed those written as they are.
                if matches!(text, Cow::Owned(_)) && has_stray_control(&text) {
                    self.doc.controls_removed += remove_stray_controls(text.to_mut());
                }
                self.text(&text)
            }
            Token::Start {
                name,
                attrs,
                self_closing,
                dropped_attributes,
                controls_removed,
            } => {
                self.doc.limits.dropped_attributes += dropped_attributes;
                self.doc.controls_removed += controls_removed;
                self.start(name, attrs, self_closing);
            }
            Token::End { name } => self.end(&name),
        }
    }

    fn text(&mut self, text: &str) {
        let parent = self.current();
        let last = self.doc.node(parent).map_or(NONE, |p| p.last_child);
        if let Some(Node {
            data: NodeData::Text(existing),
            ..
        }) = self.doc.nodes.get_mut(last as usize)
        {
            existing.push_str(text);
            return;
        }
        self.append(parent, NodeData::Text(text.to_string()));
    }

    /// Finds `name` on the stack above the nearest element for which `stop` holds.
    fn in_scope(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            let open = self.name_of(id);
            if open == name {
                return Some(depth);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, depth: usize) {
        for &id in self.open.get(depth..).unwrap_or_default() {
            if matches!(self.doc.element(id).map(|e| &*e.name), Some("svg" | "math")) {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
        self.open.truncate(depth.max(1));
    }

    /// Closes the nearest open element named in `names`, not looking past `stop`.
    fn close_any(&mut self, names: &[&str], stop: impl Fn(&str) -> bool) {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            let open = self.name_of(id);
            if names.contains(&open) {
                self.pop_to(depth);
                return;
            }
            if stop(open) {
                return;
            }
        }
    }

    fn start(&mut self, name: String, attrs: Vec<Attribute>, self_closing: bool) {
        if self.doc.nodes.len() >= MAX_NODES {
            self.doc.limits.dropped_elements += 1;
            return;
        }
        if matches!(name.as_str(), "html" | "head" | "body")
            && self.open.iter().any(|&id| self.name_of(id) == name)
        {
            return;
        }
        if name == "body" {
            self.close_any(&["head"], |_| false);
        }
        if closes_p(&name) {
            if let Some(depth) = self.in_scope("p", is_scope_boundary) {
                self.pop_to(depth);
            }
        }
        match name.as_str() {
            "li" => self.close_any(&["li"], |n| {
                matches!(n, "ul" | "ol" | "menu") || is_scope_boundary(n)
            }),
            "dd" | "dt" => self.close_any(&["dd", "dt"], |n| n == "dl" || is_scope_boundary(n)),
            "tr" => self.close_any(&["tr"], |n| {
                matches!(n, "table" | "tbody" | "thead" | "tfoot") || n == "template"
            }),
            "td" | "th" => {
                self.close_any(&["td", "th"], |n| matches!(n, "tr" | "table" | "template"))
            }
            "tbody" | "thead" | "tfoot" => self.close_any(&["tbody", "thead", "tfoot"], |n| {
                matches!(n, "table" | "template")
            }),
            "option" | "optgroup" if self.name_of(self.current()) == "option" => {
                self.open.pop();
            }
            "a" => self.close_any(&["a"], is_scope_boundary),
            n if is_heading(n) && is_heading(self.name_of(self.current())) => {
                self.open.pop();
            }
            _ => {}
        }
        let foreign = matches!(name.as_str(), "svg" | "math");
        // `<svg/>` and `<math/>` are foreign elements themselves: their
        // self-closing flag is honoured, or the rest of the page would be
        // swallowed by an element that never closes.
        let void = is_void(&name) || (self_closing && (self.foreign > 0 || foreign));
        let parent = self.current();
        let id = self.append(
            parent,
            NodeData::Element(Element {
                name: name.into_boxed_str(),
                attrs,
            }),
        );
        if !void {
            if self.open.len() < MAX_DEPTH {
                self.open.push(id);
                self.foreign += usize::from(foreign);
            } else {
                self.doc.limits.flattened += 1;
            }
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            // Content after </body> or </html> still belongs to the body.
            "body" | "html" => {}
            "br" => self.start("br".to_string(), Vec::new(), false),
            "p" => {
                if let Some(depth) = self.in_scope("p", is_scope_boundary) {
                    self.pop_to(depth);
                }
            }
            _ => {
                let boundary = |n: &str| {
                    matches!(n, "table" | "td" | "th" | "template" | "html")
                        && !matches!(name, "table" | "td" | "th" | "template")
                };
                if let Some(depth) = self.in_scope(name, boundary) {
                    self.pop_to(depth);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
