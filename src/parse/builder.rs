//! A tree builder with the rules of the HTML standard that shape visible
//! text: void elements, implied end tags (`<p>`, `<li>`, table parts), end
//! tags that close what they enclose, implied `<head>`/`<body>`, foster
//! parenting out of tables, foreign (`svg`, `math`) content and the way
//! out of it, and a hard nesting limit. `tests/tree_oracle.rs` checks it
//! against html5ever.

use super::elements::is_hidden;
use super::limits::ParseLimits;
use super::limits::{MAX_DEPTH, MAX_NODES};
use super::rules::{
    belongs_in_head, breaks_out_of_foreign, closes_p, element_name, hides_content, is_heading,
    is_integration_point, is_scope_boundary, is_table_context, is_table_part, is_void,
    stays_in_table,
};
use super::tokenizer::{tokenize_for_tree, Attribute, Token};
use super::tree::{Document, Element, Node, NodeData, NodeId, NONE};
use crate::text::{has_stray_control, remove_stray_controls};
use std::borrow::Cow;
use std::collections::HashMap;

impl Document {
    /// Parses decoded HTML into a tree.
    pub fn parse(html: &str) -> Document {
        let root = Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data: NodeData::Document,
        };
        let mut builder = Builder::new(Document {
            nodes: vec![root],
            limits: ParseLimits::default(),
            controls_removed: 0,
            injected: 0..0,
            injected_open: Vec::new(),
        });
        tokenize_for_tree(html, |token| builder.token(token));
        builder.finish()
    }
}

pub(super) struct Builder {
    doc: Document,
    /// Stack of open elements; the root at the bottom.
    open: Vec<NodeId>,
    /// How many `svg`/`math` elements are open (self-closing tags count there).
    foreign: usize,
    /// The `<body>`, once written or implied.
    body: NodeId,
    /// Whether the body was implied and its own tag is still to come.
    body_implied: bool,
    /// An element whose content is never shown, met past a bound (so not
    /// on the stack): its name and nesting, its content skipped to its end
    /// tag so that a bound never reveals a script or hidden text.
    skipping: Option<(Box<str>, usize)>,
    /// Whether the last start tag opened an element of foreign content.
    started_foreign: bool,
    /// For each table, the node just before it: text and elements the
    /// standard "foster-parents" out of a table go there, in order.
    before_table: HashMap<NodeId, NodeId>,
}

impl Builder {
    pub(super) fn new(doc: Document) -> Builder {
        Builder {
            doc,
            open: vec![Document::ROOT],
            foreign: 0,
            body: NONE,
            body_implied: false,
            skipping: None,
            started_foreign: false,
            before_table: HashMap::new(),
        }
    }

    pub(super) fn finish(self) -> Document {
        self.doc
    }

    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(Document::ROOT)
    }

    fn name_of(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    /// The open table that content inserted now must be moved in front
    /// of, if the current node is a table part.
    fn foster_table(&self) -> Option<NodeId> {
        if !is_table_context(self.name_of(self.current())) {
            return None;
        }
        self.open
            .iter()
            .rev()
            .copied()
            .find(|&id| self.name_of(id) == "table")
    }

    /// Inserts `data` just before `table` (after what was fostered before).
    fn insert_before_table(&mut self, table: NodeId, data: NodeData) -> NodeId {
        let parent = self.doc.node(table).map_or(Document::ROOT, |t| t.parent);
        let prev = self.before_table.get(&table).copied().unwrap_or(NONE);
        if let (
            NodeData::Text(text),
            Some(Node {
                data: NodeData::Text(existing),
                ..
            }),
        ) = (&data, self.doc.nodes.get_mut(prev as usize))
        {
            existing.push_str(text);
            return prev;
        }
        let id = self.doc.nodes.len() as NodeId;
        self.doc.nodes.push(Node {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: table,
            data,
        });
        match self.doc.nodes.get_mut(prev as usize) {
            Some(prev_node) => prev_node.next_sibling = id,
            None => {
                if let Some(p) = self.doc.nodes.get_mut(parent as usize) {
                    p.first_child = id;
                }
            }
        }
        self.before_table.insert(table, id);
        id
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

    /// Takes one token; after a start tag, answers whether it opened an
    /// HTML element (see `tokenize_for_tree`).
    pub(super) fn token(&mut self, token: Token<'_>) -> bool {
        if let Some((name, nesting)) = &mut self.skipping {
            match token {
                Token::Start {
                    name: start,
                    self_closing: false,
                    ..
                } if *start == **name => *nesting += 1,
                Token::End { name: end } if *end == **name => {
                    *nesting -= 1;
                    if *nesting == 0 {
                        self.skipping = None;
                    }
                }
                _ => {}
            }
            return true;
        }
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
                self.started_foreign = false;
                self.start(name, attrs, self_closing);
                return !self.started_foreign;
            }
            Token::End { name } => self.end(&name),
        }
        true
    }

    fn text(&mut self, mut text: &str) {
        if self.before_body() {
            // Whitespace stays where it is; the first visible character
            // starts the body, as in the standard.
            let visible = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
            if !visible.is_empty() {
                let (space, rest) = text.split_at(text.len() - visible.len());
                if !space.is_empty() {
                    self.text(space);
                }
                self.imply_body();
                text = rest;
            }
        }
        // (Before merging: visible text in a table goes in front of it even
        // when whitespace in the table came just before.)
        if let Some(table) = self.foster_table() {
            if !text.trim_ascii().is_empty() {
                self.insert_before_table(table, NodeData::Text(text.to_string()));
                return;
            }
        }
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

    /// Whether the builder is where the standard's "in head" or "after
    /// head" modes are: the head (itself, not an element inside it) or the
    /// `<html>` element is current and no body exists yet.
    fn before_body(&self) -> bool {
        self.body == NONE && matches!(self.name_of(self.current()), "head" | "html")
    }

    /// Ends the head and opens a `<body>` no tag wrote.
    fn imply_body(&mut self) {
        self.close_any(&["head"], |_| false);
        self.open_body(Vec::new());
        self.body_implied = true;
    }

    fn open_body(&mut self, attrs: Vec<Attribute>) {
        let parent = self.current();
        let id = self.append(
            parent,
            NodeData::Element(Element {
                name: "body".into(),
                attrs,
            }),
        );
        self.open.push(id);
        self.body = id;
    }

    /// A table part closes what was foster-parented out of the table
    /// (`<table><b><td>`: the cell is the table's, not the `b`'s), as the
    /// standard's "clear the stack back to a table context" does.
    fn clear_to_table_context(&mut self) {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            match self.name_of(id) {
                n if is_table_context(n) => {
                    self.pop_to(depth + 1);
                    return;
                }
                "td" | "th" | "caption" | "template" | "html" => return,
                _ => {}
            }
        }
    }

    /// A `<table>` in a table but outside its cells ends that table (it
    /// becomes the next table), as in the standard.
    fn close_table_outside_cells(&mut self) {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            match self.name_of(id) {
                "table" => {
                    self.pop_to(depth);
                    return;
                }
                "td" | "th" | "caption" | "template" | "html" => return,
                _ => {}
            }
        }
    }

    /// An HTML tag inside `svg`/`math` (not under an integration point
    /// such as `foreignObject`) closes the foreign elements, as in the
    /// standard: `<svg><p>text` puts the paragraph after the `svg`.
    fn break_out_of_foreign(&mut self) {
        if self.foreign == 0 || !self.in_foreign(self.open.len().saturating_sub(1)) {
            return;
        }
        // The outermost `svg`/`math` below the current node that no
        // integration point separates from it (bounded by MAX_DEPTH).
        let mut root = None;
        for (depth, &id) in self.open.iter().enumerate().rev() {
            let name = self.name_of(id);
            if matches!(name, "svg" | "math") {
                root = Some(depth);
            } else if is_integration_point(name) {
                break;
            }
        }
        if let Some(depth) = root {
            self.pop_to(depth);
        }
    }

    /// Whether the open element at `depth` is inside `svg`/`math` with no
    /// integration point between.
    fn in_foreign(&self, depth: usize) -> bool {
        for &id in self.open.get(..=depth).unwrap_or_default().iter().rev() {
            let name = self.name_of(id);
            if matches!(name, "svg" | "math") {
                return true;
            }
            if is_integration_point(name) {
                return false;
            }
        }
        false
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
            self.skip_if_hidden(&name, &attrs, self_closing);
            return;
        }
        if name == "body" {
            if self.body != NONE {
                if self.body_implied {
                    self.body_implied = false;
                    self.doc.injected = self.body + 1..self.doc.nodes.len() as NodeId;
                    let injected = self.doc.injected.clone();
                    self.doc.injected_open = self
                        .open
                        .iter()
                        .copied()
                        .filter(|id| injected.contains(id))
                        .collect();
                }
                self.merge_body_attributes(attrs);
            } else {
                self.close_any(&["head"], |_| false);
                self.open_body(attrs);
            }
            return;
        }
        if matches!(name.as_str(), "html" | "head")
            && (self.body != NONE || self.open.iter().any(|&id| self.name_of(id) == name))
        {
            return; // a second html or head: the standard ignores the tag
        }
        if self.before_body() && !belongs_in_head(&name) && name != "html" {
            self.imply_body();
        }
        if breaks_out_of_foreign(&name)
            || (name == "font"
                && attrs
                    .iter()
                    .any(|a| matches!(&*a.name, "color" | "face" | "size")))
        {
            self.break_out_of_foreign();
        }
        if closes_p(&name) {
            if let Some(depth) = self.in_scope("p", is_scope_boundary) {
                self.pop_to(depth);
            }
        }
        if is_table_part(&name) {
            self.clear_to_table_context();
        } else if name == "table" {
            self.close_table_outside_cells();
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
            // (An `a` of foreign content, beyond an integration point, is
            // not one an HTML `<a>` closes.)
            "a" => self.close_any(&["a"], |n| is_scope_boundary(n) || is_integration_point(n)),
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
        self.started_foreign = self.foreign > 0 && self.in_foreign(self.open.len() - 1);
        let parent = self.current();
        let is_table = name == "table";
        let data = NodeData::Element(Element {
            name: name.into_boxed_str(),
            attrs,
        });
        let id = match self.foster_table() {
            Some(table) if !stays_in_table(element_name(&data)) => {
                self.insert_before_table(table, data)
            }
            _ => {
                let prev = self.doc.node(parent).map_or(NONE, |p| p.last_child);
                let id = self.append(parent, data);
                if is_table {
                    self.before_table.insert(id, prev);
                }
                id
            }
        };
        if !void {
            if self.open.len() < MAX_DEPTH {
                self.open.push(id);
                self.foreign += usize::from(foreign);
            } else {
                self.doc.limits.flattened += 1;
                if let Some(e) = self.doc.element(id) {
                    let (name, attrs) = (e.name.clone(), e.attrs.clone());
                    self.skip_if_hidden(&name, &attrs, false);
                }
            }
        }
    }

    /// Past a bound an element is not on the stack; if its content is
    /// never shown, skips that content (see `skipping`).
    fn skip_if_hidden(&mut self, name: &str, attrs: &[Attribute], self_closing: bool) {
        if is_void(name) || self_closing {
            return;
        }
        let element = Element {
            name: name.into(),
            attrs: attrs.to_vec(),
        };
        if hides_content(name) || is_hidden(&element) {
            self.skipping = Some((name.into(), 1));
        }
    }

    /// A `<body>` tag after the body was implied adds its attributes (a
    /// page's `class` on `<body>` names its kind).
    fn merge_body_attributes(&mut self, attrs: Vec<Attribute>) {
        if let Some(NodeData::Element(body)) = self
            .doc
            .nodes
            .get_mut(self.body as usize)
            .map(|n| &mut n.data)
        {
            for attr in attrs {
                if !body.attrs.iter().any(|a| a.name == attr.name) {
                    body.attrs.push(attr);
                }
            }
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            // Content after </body> or </html> still belongs to the body.
            "body" | "html" => {}
            "br" => self.start("br".to_string(), Vec::new(), false),
            "p" => {
                self.break_out_of_foreign();
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
