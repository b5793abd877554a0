//! Loading veils. A page built by scripts often hides its whole content
//! (`style="visibility:hidden"` on a wrapper) until its scripts have run,
//! then shows it: read as written it shows nothing, while its reader saw
//! everything once the page had loaded. A veil over most of the page's
//! text is lifted before the page is read; a hidden element holding a part
//! of it (a menu, a dialog) stays hidden.

use super::super::tunables::VEIL_SHARE;
use super::classes::is_consent_manager;
use crate::parse::elements::{compact_style, is_block, is_not_shown};
use crate::parse::tree::{Document, Element, NodeData, NodeId, NONE};

/// Whether an element is a veil: hidden by `visibility:hidden` alone (not
/// by `display:none`, the `hidden` attribute or its tag), or a block
/// `aria-hidden` (a page saved with a modal dialog open, a consent
/// manager's most often: its scripts hide everything beside the dialog
/// from screen readers).
fn is_veil(element: &Element, modal_open: bool) -> bool {
    (modal_open && is_aria_hidden_block(element)) || is_style_veil(element)
}

/// Whether the page was saved with a modal dialog open: `aria-modal`, or a
/// consent manager's dialog. (Elsewhere an `aria-hidden` block holding
/// much text is a player's or a carousel's, hidden for good.)
fn is_modal(element: &Element) -> bool {
    element.attr("aria-modal") == Some("true") || is_consent_manager(element)
}

fn is_aria_hidden_block(element: &Element) -> bool {
    element.attr("aria-hidden") == Some("true") && is_block(&element.name)
}

/// `visibility:hidden` alone.
fn is_style_veil(element: &Element) -> bool {
    // (No allocation for the usual style without "hidden" in it.)
    let Some(style) = element.attr("style").filter(|s| {
        s.as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"hidden"))
    }) else {
        return false;
    };
    let compact = compact_style(style);
    compact.contains("visibility:hidden")
        && !compact.contains("display:none")
        && element.attr("hidden").is_none()
}

/// Lifts the veils over most of the page's text when the page shows less
/// than [`VEIL_SHARE`] of it; returns how many were lifted.
pub fn lift(doc: &mut Document) -> usize {
    // Most pages have no veil at all: found without counting any text.
    let modal_open = doc
        .nodes
        .iter()
        .any(|node| matches!(&node.data, NodeData::Element(e) if is_modal(e)));
    let veiled: Vec<bool> = doc
        .nodes
        .iter()
        .map(|node| matches!(&node.data, NodeData::Element(e) if is_veil(e, modal_open)))
        .collect();
    if !veiled.contains(&true) {
        return 0;
    }
    // Letters per subtree, bottom-up (children follow their parent in the
    // arena), veiled text counted, text that is never shown not.
    let n = doc.nodes.len();
    let mut letters = vec![0usize; n];
    let mut shown = vec![0usize; n];
    for i in (0..n).rev() {
        let Some(node) = doc.nodes.get(i) else {
            continue;
        };
        let veil = veiled.get(i).copied().unwrap_or(false);
        let (own, own_shown) = match &node.data {
            NodeData::Text(t) => {
                let count = t.chars().filter(|c| c.is_alphanumeric()).count();
                (count, count)
            }
            NodeData::Element(_) if veil => (letters.get(i).copied().unwrap_or(0), 0),
            // (A consent manager's dialog is not the page's text.)
            NodeData::Element(e) if is_not_shown(e) || is_consent_manager(e) => (0, 0),
            _ => (
                letters.get(i).copied().unwrap_or(0),
                shown.get(i).copied().unwrap_or(0),
            ),
        };
        if let Some(slot) = letters.get_mut(i) {
            *slot = own;
        }
        if let Some(slot) = shown.get_mut(i) {
            *slot = own_shown;
        }
        if node.parent != NONE {
            if let Some(p) = letters.get_mut(node.parent as usize) {
                *p += own;
            }
            if let Some(p) = shown.get_mut(node.parent as usize) {
                *p += own_shown;
            }
        }
    }
    let root = Document::ROOT as usize;
    let total = letters.get(root).copied().unwrap_or(0) as f32;
    if total == 0.0 || shown.get(root).copied().unwrap_or(0) as f32 >= total * VEIL_SHARE {
        return 0;
    }
    let veils: Vec<NodeId> = (0..n)
        .filter(|&i| {
            veiled.get(i).copied().unwrap_or(false)
                && letters.get(i).copied().unwrap_or(0) as f32 >= total * VEIL_SHARE
        })
        .map(|i| i as NodeId)
        .collect();
    for &id in &veils {
        if let Some(NodeData::Element(e)) = doc.nodes.get_mut(id as usize).map(|n| &mut n.data) {
            e.attrs.retain(|a| &*a.name != "aria-hidden");
            for attr in e.attrs.iter_mut().filter(|a| &*a.name == "style") {
                attr.value = attr
                    .value
                    .split(';')
                    .filter(|declaration| compact_style(declaration) != "visibility:hidden")
                    .collect::<Vec<_>>()
                    .join(";");
            }
        }
    }
    veils.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::html::visible::shown_letters;

    const PROSE: &str = "<p>The whole article, which the page shows once its scripts have run.</p>";

    #[test]
    fn a_veil_over_the_page_is_lifted() {
        let mut doc = Document::parse(&format!(
            "<body><div id=app><div style=\"visibility: hidden; min-height:100vh\">{PROSE}{PROSE}</div></div></body>"
        ));
        assert_eq!(shown_letters(&doc), 0);
        assert_eq!(lift(&mut doc), 1);
        assert!(shown_letters(&doc) > 100);
    }

    #[test]
    fn a_page_hidden_beside_an_open_dialog_is_read() {
        let mut doc = Document::parse(&format!(
            "<body><div aria-hidden=true><header>Site</header>{PROSE}{PROSE}</div>\
             <div role=dialog aria-modal=true>We use cookies.</div></body>"
        ));
        let hidden = |doc: &Document| {
            doc.nodes
                .iter()
                .filter(|n| matches!(&n.data, NodeData::Element(e) if is_aria_hidden_block(e)))
                .count()
        };
        assert_eq!(lift(&mut doc), 1);
        assert_eq!(hidden(&doc), 0);
        // (Without a dialog open, a hidden block is hidden for good: a
        // player's; one holding a small part of the page stays hidden too.)
        let html = format!("<body><p>Short.</p><div aria-hidden=true>{PROSE}{PROSE}</div></body>");
        let mut doc = Document::parse(&html);
        assert_eq!(lift(&mut doc), 0);
        assert_eq!(hidden(&doc), 1);
        let html = format!("<body>{PROSE}{PROSE}<div aria-hidden=true>1 2 3</div></body>");
        let mut doc = Document::parse(&html);
        assert_eq!(lift(&mut doc), 0);
        assert_eq!(hidden(&doc), 1);
    }

    #[test]
    fn a_hidden_part_of_a_shown_page_stays_hidden() {
        let html = format!(
            "<body>{PROSE}{PROSE}<div style=\"visibility:hidden\">A closed menu.</div>\
             <div style=\"display:none;visibility:hidden\">{PROSE}{PROSE}{PROSE}{PROSE}{PROSE}</div></body>"
        );
        let mut doc = Document::parse(&html);
        let before = shown_letters(&doc);
        assert_eq!(lift(&mut doc), 0);
        assert_eq!(shown_letters(&doc), before);
    }
}
