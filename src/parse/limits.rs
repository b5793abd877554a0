//! The parser's bounds and the warning that says when a page reached them.

use super::tokenizer::MAX_ATTRIBUTES;
use crate::article::{Warning, WarningKind};

/// Elements deeper than this are attached flat to the deepest open element
/// instead of nesting further: bounded depth for every later tree walk.
pub const MAX_DEPTH: usize = 256;

/// Nodes in one document. Past this, start tags are ignored (their text
/// still joins the enclosing element, so no text is lost): at about 64 bytes
/// a node natively, the tree stays under ~100 MB whatever the input.
pub const MAX_NODES: usize = 1_000_000;

/// How often the parser's bounds simplified a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseLimits {
    /// Elements opened past [`MAX_DEPTH`], attached flat to the deepest one.
    pub flattened: usize,
    /// Start tags ignored because the document had [`MAX_NODES`] nodes.
    pub dropped_elements: usize,
    /// Attributes dropped past [`super::tokenizer::MAX_ATTRIBUTES`] in a tag.
    pub dropped_attributes: usize,
}

impl ParseLimits {
    /// Whether any bound was reached.
    pub fn any(&self) -> bool {
        *self != ParseLimits::default()
    }

    /// A `limit_reached` warning saying which bounds simplified the page, if any.
    pub fn warning(&self) -> Option<Warning> {
        let limits = self;
        if !limits.any() {
            return None;
        }
        let mut parts = Vec::new();
        if limits.flattened > 0 {
            parts.push(format!(
                "{} elements nested deeper than {MAX_DEPTH} levels were attached at that depth",
                limits.flattened
            ));
        }
        if limits.dropped_elements > 0 {
            parts.push(format!(
                "{} tags past {MAX_NODES} nodes were ignored (their text is kept)",
                limits.dropped_elements
            ));
        }
        if limits.dropped_attributes > 0 {
            parts.push(format!(
                "{} attributes past {MAX_ATTRIBUTES} in one tag were dropped",
                limits.dropped_attributes
            ));
        }
        Some(Warning::new(
            WarningKind::LimitReached,
            format!("the page reached the parser's bounds: {}", parts.join("; ")),
        ))
    }
}
