//! Foreign content (`svg`, `math`) in tree construction: each element's
//! namespace, the integration points where HTML resumes, and the way out
//! of foreign content on an HTML tag.

use super::builder::Builder;
use super::rules::{is_integration_point, Ns};
use super::tree::{Document, NodeId};

impl Builder {
    /// The namespace of element `id`.
    pub(super) fn ns_of(&self, id: NodeId) -> Ns {
        self.foreign.get(&id).copied().unwrap_or(Ns::Html)
    }

    /// Foreign elements whose content is HTML again (`foreignObject`,
    /// MathML's `mtext`…): "special", and a way back into HTML.
    pub(super) fn is_integration(&self, id: NodeId) -> bool {
        is_integration_point(self.ns_of(id), self.name_of(id))
    }

    /// Whether tokens now are in foreign content: the current node is a
    /// foreign element other than an integration point.
    pub(super) fn in_foreign_content(&self) -> bool {
        let current = self.current();
        self.ns_of(current) != Ns::Html && !self.is_integration(current)
    }

    /// The namespace of an element `name` opened now.
    pub(super) fn child_ns(&self, name: &str) -> Ns {
        match name {
            "svg" => Ns::Svg,
            "math" => Ns::Math,
            _ if self.in_foreign_content() => self.ns_of(self.current()),
            _ => Ns::Html,
        }
    }

    /// An HTML tag inside `svg`/`math` (not under an integration point
    /// such as `foreignObject`) closes the foreign elements, as in the
    /// standard: `<svg><p>text` puts the paragraph after the `svg`.
    pub(super) fn break_out_of_foreign(&mut self) {
        let mut depth = self.open.len();
        while depth > 1 {
            let id = self.open.get(depth - 1).copied().unwrap_or(Document::ROOT);
            if self.ns_of(id) == Ns::Html || self.is_integration(id) {
                break;
            }
            depth -= 1;
        }
        self.pop_to(depth);
    }
}
