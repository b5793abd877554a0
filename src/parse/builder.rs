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
    belongs_in_head, breaks_out_of_foreign, closes_p, hides_content, is_heading, is_scope_boundary,
    is_table_context, is_table_part, is_void, stays_in_table, Ns,
};
use super::tokenizer::{tokenize_for_tree, Attribute, Token};
use super::tree::{Document, Element, Node, NodeData, NodeId, NONE};
use crate::text::{has_stray_control, remove_stray_controls};
use std::borrow::Cow;
use std::collections::HashMap;

/// Whether an element's content is never shown: past a bound such an
/// element is not on the stack, so its content is skipped instead (see
/// `Builder::skipping`).
fn content_never_shown(element: &Element) -> bool {
    hides_content(&element.name) || is_hidden(element)
}

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
    pub(super) doc: Document,
    /// Stack of open elements; the root at the bottom.
    pub(super) open: Vec<NodeId>,
    /// The namespace of the elements of foreign content (the rest are HTML).
    pub(super) foreign: HashMap<NodeId, Ns>,
    /// The `<body>`, once written or implied.
    pub(super) body: NodeId,
    /// Whether the body was implied and its own tag is still to come.
    pub(super) body_implied: bool,
    /// An element whose content is never shown, met past a bound (so not
    /// on the stack): its name and nesting, its content skipped to its end
    /// tag so that a bound never reveals a script or hidden text.
    pub(super) skipping: Option<(Box<str>, usize)>,
    /// For each table, the node just before it: text and elements the
    /// standard "foster-parents" out of a table go there, in order.
    pub(super) before_table: HashMap<NodeId, NodeId>,
}

impl Builder {
    pub(super) fn new(doc: Document) -> Builder {
        Builder {
            doc,
            open: vec![Document::ROOT],
            foreign: HashMap::new(),
            body: NONE,
            body_implied: false,
            skipping: None,
            before_table: HashMap::new(),
        }
    }

    pub(super) fn finish(self) -> Document {
        self.doc
    }

    pub(super) fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(Document::ROOT)
    }

    pub(super) fn name_of(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    pub(super) fn append(&mut self, parent: NodeId, data: NodeData) -> NodeId {
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
                return self.start(name, attrs, self_closing);
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

    /// Finds `name` on the stack above the nearest element for which `stop` holds.
    pub(super) fn in_scope(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
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

    /// The end tags a start tag implies: an open `<p>`, the previous
    /// `<li>`/`<dd>`/table part/`<option>`/heading, an `<a>` in scope,
    /// and what was foster-parented out of a table.
    fn close_implied(&mut self, name: &str) {
        if closes_p(name) {
            if let Some(depth) = self.in_scope("p", is_scope_boundary) {
                self.pop_to(depth);
            }
        }
        if is_table_part(name) {
            self.clear_to_table_context();
        } else if name == "table" {
            self.close_table_outside_cells();
        }
        match name {
            "li" => self.close_any(&["li"], |n| {
                matches!(n, "ul" | "ol" | "menu") || is_scope_boundary(n)
            }),
            "dd" | "dt" => self.close_any(&["dd", "dt"], |n| n == "dl" || is_scope_boundary(n)),
            "tr" => self.close_any(&["tr"], |n| {
                matches!(n, "table" | "tbody" | "thead" | "tfoot") || n == "template"
            }),
            "td" | "th" => {
                self.close_any(&["td", "th"], |n| matches!(n, "tr" | "table" | "template"));
                // A cell straight in a table is in a row no tag wrote.
                if matches!(
                    self.name_of(self.current()),
                    "table" | "tbody" | "thead" | "tfoot"
                ) {
                    let parent = self.current();
                    let row = self.append(
                        parent,
                        NodeData::Element(Element {
                            name: "tr".into(),
                            attrs: Vec::new(),
                        }),
                    );
                    if self.open.len() < MAX_DEPTH {
                        self.open.push(row);
                    }
                }
            }
            "tbody" | "thead" | "tfoot" => self.close_any(&["tbody", "thead", "tfoot"], |n| {
                matches!(n, "table" | "template")
            }),
            "option" | "optgroup" if self.name_of(self.current()) == "option" => {
                self.open.pop();
            }
            "a" => self.close_html_a(),
            n if is_heading(n) && is_heading(self.name_of(self.current())) => {
                self.open.pop();
            }
            _ => {}
        }
    }

    /// An HTML `<a>` closes an open HTML `a` in scope (not a foreign one
    /// beyond an integration point, nor one outside an open `<select>`).
    fn close_html_a(&mut self) {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            let name = self.name_of(id);
            if name == "a" && self.ns_of(id) == Ns::Html {
                self.pop_to(depth);
                return;
            }
            // A select is a marker for formatting elements: an `<a>` in
            // it nests instead of closing one outside it.
            if is_scope_boundary(name) || name == "select" || self.is_integration(id) {
                return;
            }
        }
    }

    /// The depth of the open element an end tag `name` closes, if any: not
    /// past a table part or template unless it names one, nor past an
    /// integration point (`mtext`…) it does not name.
    fn end_tag_target(&self, name: &str) -> Option<usize> {
        // In foreign content an end tag closes the foreign element it
        // names, even past an integration point (`<math><mtext></math>`).
        for (depth, &id) in self.open.iter().enumerate().rev() {
            if self.ns_of(id) == Ns::Html {
                break;
            }
            if self.name_of(id) == name {
                return Some(depth);
            }
        }
        // Where the search stops: a table part's end tag closes the open
        // cell on its way (`</tr>` in a cell), not past its own table.
        let stops = |open: &str| match name {
            "table" | "template" => matches!(open, "template" | "html"),
            "tr" | "tbody" | "thead" | "tfoot" | "td" | "th" => {
                matches!(open, "table" | "template" | "html")
            }
            _ => matches!(open, "table" | "td" | "th" | "template" | "html"),
        };
        for (depth, &id) in self.open.iter().enumerate().rev() {
            let open = self.name_of(id);
            if open == name && self.ns_of(id) == Ns::Html {
                return Some(depth);
            }
            if stops(open) || self.is_integration(id) {
                return None;
            }
        }
        None
    }

    pub(super) fn pop_to(&mut self, depth: usize) {
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

    /// Takes a start tag; returns whether it opened an HTML element (the
    /// tokenizer reads raw text only after those), true when ignored.
    fn start(&mut self, name: String, attrs: Vec<Attribute>, self_closing: bool) -> bool {
        if self.doc.nodes.len() >= MAX_NODES {
            self.doc.limits.dropped_elements += 1;
            let element = Element {
                name: name.into_boxed_str(),
                attrs,
            };
            if !self_closing && !is_void(&element.name) && content_never_shown(&element) {
                self.skipping = Some((element.name, 1));
            }
            return true;
        }
        if breaks_out_of_foreign(&name)
            || (name == "font"
                && attrs
                    .iter()
                    .any(|a| matches!(&*a.name, "color" | "face" | "size")))
        {
            self.break_out_of_foreign();
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
            return true;
        }
        if matches!(name.as_str(), "html" | "head")
            && (self.body != NONE || self.open.iter().any(|&id| self.name_of(id) == name))
        {
            return true; // a second html or head: the standard ignores the tag
        }
        if self.before_body() && !belongs_in_head(&name) && name != "html" {
            self.imply_body();
        }
        // In foreign content a tag that did not break out is a foreign
        // element: none of HTML's implied end tags apply.
        if !self.in_foreign_content() {
            if self.in_select() && is_table_part(&name) && self.table_is_open() {
                // A select in a table ends at the table's next part (a
                // `<table>` nests: a select takes any content).
                if let Some(depth) =
                    self.in_scope("select", |n| matches!(n, "table" | "template" | "html"))
                {
                    self.pop_to(depth);
                }
            }
            if name == "image" {
                return self.start("img".to_string(), attrs, self_closing); // as the standard says
            }
            if is_table_part(&name) && !self.table_is_open() {
                return true; // a cell or row outside any table: the standard ignores the tag
            }
            if matches!(name.as_str(), "select" | "input" | "textarea" | "keygen") {
                // These end an open `<select>`; a second `<select>` only does.
                if let Some(depth) = self.in_scope("select", |n| {
                    matches!(n, "table" | "td" | "th" | "template" | "html")
                }) {
                    self.pop_to(depth);
                    if name == "select" {
                        return true;
                    }
                }
            }
            self.close_implied(&name);
        }
        // Foreign elements (`<svg/>`, `<path/>`) honour their self-closing
        // flag, or the rest of the page would be swallowed by an element
        // that never closes.
        let ns = self.child_ns(&name);
        // A form directly in a table is inserted and closed at once: what
        // follows stays the table's (and is foster-parented if visible).
        let form_in_table = name == "form" && is_table_context(self.name_of(self.current()));
        let void = is_void(&name) || (self_closing && ns != Ns::Html) || form_in_table;
        let parent = self.current();
        let is_table = name == "table";
        let stays = stays_in_table(&name);
        let data = NodeData::Element(Element {
            name: name.into_boxed_str(),
            attrs,
        });
        let id = match self.foster_table() {
            Some(table) if !stays => self.insert_before_table(table, data),
            _ => {
                let prev = self.doc.node(parent).map_or(NONE, |p| p.last_child);
                let id = self.append(parent, data);
                if is_table {
                    self.before_table.insert(id, prev);
                }
                id
            }
        };
        if ns != Ns::Html {
            self.foreign.insert(id, ns);
        }
        if !void {
            if self.open.len() < MAX_DEPTH {
                self.open.push(id);
            } else {
                self.doc.limits.flattened += 1;
                if let Some(name) = self
                    .doc
                    .element(id)
                    .filter(|e| content_never_shown(e))
                    .map(|e| e.name.clone())
                {
                    self.skipping = Some((name, 1));
                }
            }
        }
        ns == Ns::Html
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
            "br" => {
                self.start("br".to_string(), Vec::new(), false);
            }
            "p" => {
                self.break_out_of_foreign();
                if let Some(depth) = self.in_scope("p", is_scope_boundary) {
                    self.pop_to(depth);
                }
            }
            _ => {
                // (An integration point such as `mtext` is "special": an
                // end tag does not close past it, as in the standard.)
                if let Some(depth) = self.end_tag_target(name) {
                    self.pop_to(depth);
                }
            }
        }
    }
}
