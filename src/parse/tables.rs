//! Tables in tree construction: foster parenting (text and elements inside
//! a table but outside its cells go just before the table), the table
//! context a table part returns to, and a select inside a table.

use super::builder::Builder;
use super::rules::{is_table_context, Ns};
use super::tree::{Document, Node, NodeData, NodeId, NONE};

/// Where a search for the table's own context stops: inside a cell or a
/// caption the content is not the table's.
fn is_cell_boundary(name: &str) -> bool {
    matches!(name, "td" | "th" | "caption" | "template" | "html")
}

impl Builder {
    /// The open table that content inserted now must be moved in front
    /// of, if the current node is a table part.
    pub(super) fn foster_table(&self) -> Option<NodeId> {
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
    pub(super) fn insert_before_table(&mut self, table: NodeId, data: NodeData) -> NodeId {
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

    /// A table part closes what was foster-parented out of the table
    /// (`<table><b><td>`: the cell is the table's, not the `b`'s), as the
    /// standard's "clear the stack back to a table context" does.
    pub(super) fn clear_to_table_context(&mut self) {
        for (depth, &id) in self.open.iter().enumerate().rev() {
            match self.name_of(id) {
                n if is_table_context(n) => {
                    self.pop_to(depth + 1);
                    return;
                }
                n if is_cell_boundary(n) => return,
                _ => {}
            }
        }
    }

    /// A `<table>` in a table but outside its cells ends that table (it
    /// becomes the next table), as in the standard.
    pub(super) fn close_table_outside_cells(&mut self) {
        if let Some(depth) = self.in_scope("table", is_cell_boundary) {
            self.pop_to(depth);
        }
    }

    pub(super) fn table_is_open(&self) -> bool {
        self.open
            .iter()
            .any(|&id| self.name_of(id) == "table" && self.ns_of(id) == Ns::Html)
    }

    /// Whether the builder is in the standard's "in select" mode.
    pub(super) fn in_select(&self) -> bool {
        matches!(
            self.name_of(self.current()),
            "select" | "option" | "optgroup"
        ) && self.ns_of(self.current()) == Ns::Html
    }
}
