//! Loading veils. A page built by scripts often hides its whole content
//! (`style="visibility:hidden"` on a wrapper) until its scripts have run,
//! then shows it: read as written it shows nothing, while its reader saw
//! everything once the page had loaded. A veil over most of the page's
//! text is lifted before the page is read; a hidden element holding a part
//! of it (a menu, a dialog) stays hidden. `display:none` hides closed
//! dialogs and tabs as often as it veils a page, so a wrapper hidden that
//! way is lifted only when the page shows almost nothing else.

use super::super::tunables::{DISPLAY_VEIL_SHOWN, VEILED_PART_SHARE, VEIL_SHARE};
use super::classes::is_consent_manager;
use crate::parse::elements::{
    compact_style, is_block, is_cloaked, is_main_landmark, is_not_shown, CLOAK_ATTRIBUTES,
};
use crate::parse::tree::{Document, Element, NodeData, NodeId, NONE};

/// How a veil hides what it holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Veil {
    /// Not a veil.
    None,
    /// `visibility:hidden`, or `aria-hidden` beside an open modal dialog.
    Hidden,
    /// `display:none` (without `visibility:hidden`).
    NotDisplayed,
}

/// How an element veils: hidden by `visibility:hidden` or `display:none`
/// alone (not by the `hidden` attribute or its tag), or a block
/// `aria-hidden` (a page saved with a modal dialog open, a consent
/// manager's most often: its scripts hide everything beside the dialog
/// from screen readers).
fn veil_of(element: &Element, modal_open: bool) -> Veil {
    if modal_open && is_aria_hidden_block(element) {
        return Veil::Hidden;
    }
    // A dialog, however long, is one part of a page, never its veil (a
    // closed privacy policy in the page's template).
    if element.attr("role") == Some("dialog") || element.attr("aria-modal").is_some() {
        return Veil::None;
    }
    // (A framework's cloak is `display:none` by its stylesheet.)
    if is_cloaked(element) && element.attr("hidden").is_none() {
        return Veil::NotDisplayed;
    }
    style_veil(element)
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

/// The veil a `style` attribute makes, the `hidden` attribute aside.
fn style_veil(element: &Element) -> Veil {
    // (No allocation for the usual style without "hidden" or "none" in it.)
    let Some(style) = element.attr("style").filter(|s| {
        s.as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"hidd") || w.eq_ignore_ascii_case(b"none"))
    }) else {
        return Veil::None;
    };
    if element.attr("hidden").is_some() {
        return Veil::None;
    }
    let compact = compact_style(style);
    match (
        compact.contains("visibility:hidden"),
        compact.contains("display:none"),
    ) {
        (true, false) => Veil::Hidden,
        (false, true) => Veil::NotDisplayed,
        // (Hidden twice over: a closed menu or dialog, never a veil.)
        _ => Veil::None,
    }
}

/// Lifts the veils over the page's text (see [`Counts::veiled`]), else
/// over its `<main>`'s; returns how many were lifted.
pub fn lift(doc: &mut Document) -> usize {
    // Most pages have no veil at all: found without counting any text.
    let modal_open = doc
        .nodes
        .iter()
        .any(|node| matches!(&node.data, NodeData::Element(e) if is_modal(e)));
    let veils: Vec<Veil> = doc
        .nodes
        .iter()
        .map(|node| match &node.data {
            NodeData::Element(e) => veil_of(e, modal_open),
            _ => Veil::None,
        })
        .collect();
    if veils.iter().all(|&v| v == Veil::None) {
        return 0;
    }
    let (letters, shown) = count_letters(doc, &veils);
    let counts = Counts {
        veils: &veils,
        letters: &letters,
        shown: &shown,
    };
    let mut lifted = counts.veiled(doc, Document::ROOT);
    // A page whose `<main>` shows almost nothing of its own text has it
    // veiled, whatever its header and footer show (`<main><div
    // class=lockdown-content style="display:none">` until an age check).
    if lifted.is_empty() {
        if let Some(main) = main_landmark(doc) {
            lifted = counts.veiled(doc, main);
        }
    }
    for &id in &lifted {
        if let Some(NodeData::Element(e)) = doc.nodes.get_mut(id as usize).map(|n| &mut n.data) {
            unveil(e);
        }
    }
    lifted.len()
}

/// What [`count_letters`] found, beside each element's veil.
struct Counts<'a> {
    veils: &'a [Veil],
    letters: &'a [usize],
    shown: &'a [usize],
}

impl Counts<'_> {
    /// The veils to lift in `scope`'s subtree: those over most of its text
    /// when it shows less than [`VEIL_SHARE`] of it, `display:none` ones
    /// only when it shows less than [`DISPLAY_VEIL_SHOWN`]: then each
    /// holding a good part of it ([`VEILED_PART_SHARE`]), as such pages
    /// are revealed part by part (`defer-block` wrappers beside closed
    /// mega-menus).
    fn veiled(&self, doc: &Document, scope: NodeId) -> Vec<NodeId> {
        let at = |list: &[usize], i: usize| list.get(i).copied().unwrap_or(0) as f32;
        let total = at(self.letters, scope as usize);
        let shown = at(self.shown, scope as usize);
        if total == 0.0 || shown >= total * VEIL_SHARE {
            return Vec::new();
        }
        let blank = shown < total * DISPLAY_VEIL_SHOWN;
        let part = if blank { VEILED_PART_SHARE } else { VEIL_SHARE };
        (scope as usize..=doc.last_descendant(scope) as usize)
            .filter(|&i| {
                at(self.letters, i) >= total * part
                    && match self.veils.get(i) {
                        Some(Veil::Hidden) => true,
                        Some(Veil::NotDisplayed) => blank,
                        _ => false,
                    }
            })
            .map(|i| i as NodeId)
            .collect()
    }
}

/// The page's `<main>` (or `role=main`) element, if it has one.
fn main_landmark(doc: &Document) -> Option<NodeId> {
    doc.nodes
        .iter()
        .position(|node| matches!(&node.data, NodeData::Element(e) if is_main_landmark(e)))
        .map(|i| i as NodeId)
}

/// Takes off what veils an element: `aria-hidden`, a framework's cloak,
/// the style declarations that hide it.
fn unveil(e: &mut Element) {
    e.attrs
        .retain(|a| &*a.name != "aria-hidden" && !CLOAK_ATTRIBUTES.contains(&&*a.name));
    for attr in e.attrs.iter_mut() {
        let (separator, hides): (char, fn(&str) -> bool) = match &*attr.name {
            "style" => (';', |declaration| {
                let declaration = compact_style(declaration);
                declaration == "visibility:hidden" || declaration == "display:none"
            }),
            "class" => (' ', |word| word == "ng-cloak"),
            _ => continue,
        };
        attr.value = attr
            .value
            .split(separator)
            .filter(|part| !hides(part))
            .collect::<Vec<_>>()
            .join(&separator.to_string());
    }
}

/// Letters per subtree, and those of them shown, bottom-up (children follow
/// their parent in the arena): veiled text counted, not shown; text that
/// is never shown not counted.
fn count_letters(doc: &Document, veils: &[Veil]) -> (Vec<usize>, Vec<usize>) {
    let n = doc.nodes.len();
    let mut letters = vec![0usize; n];
    let mut shown = vec![0usize; n];
    for i in (0..n).rev() {
        let Some(node) = doc.nodes.get(i) else {
            continue;
        };
        let veil = veils.get(i).is_some_and(|&v| v != Veil::None);
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
    (letters, shown)
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
    fn a_page_not_displayed_is_lifted_only_when_it_shows_almost_nothing() {
        // A shop's product panel left `display:none` until its scripts run.
        let html = format!(
            "<body><nav>Shop Sign in</nav><div class=defer-block style=\"display: none\">{PROSE}{PROSE}</div></body>"
        );
        let mut doc = Document::parse(&html);
        assert!(shown_letters(&doc) < 20);
        assert_eq!(lift(&mut doc), 1);
        assert!(shown_letters(&doc) > 100);
        // A closed panel holding a copy of the article shown beside it:
        // the page shows a good part of its text and is read as shown.
        let html = format!(
            "<body>{PROSE}<div class=republish style=\"display:none\">{PROSE}{PROSE}</div></body>"
        );
        let mut doc = Document::parse(&html);
        let before = shown_letters(&doc);
        assert_eq!(lift(&mut doc), 0);
        assert_eq!(shown_letters(&doc), before);
    }

    #[test]
    fn a_main_landmark_showing_nothing_is_lifted_whatever_the_header_shows() {
        let nav = "<nav><a href=/a>Coffee</a> <a href=/b>Merch</a> <a href=/c>Subscriptions and gifts</a></nav>";
        let html = format!(
            "<body>{nav}{nav}<main><div class=lockdown-content style=\"display:none\">{PROSE}</div></main>\
             <footer>{PROSE}</footer></body>"
        );
        let mut doc = Document::parse(&html);
        let before = shown_letters(&doc);
        assert_eq!(lift(&mut doc), 1);
        assert!(shown_letters(&doc) > before + 50);
        // A <main> that shows its text keeps a closed panel closed.
        let html = format!(
            "<body>{nav}<main>{PROSE}<div class=panel style=\"display:none\">{PROSE}{PROSE}</div></main></body>"
        );
        assert_eq!(lift(&mut Document::parse(&html)), 0);
    }

    #[test]
    fn a_blank_page_revealed_part_by_part_has_each_large_part_lifted() {
        // Closed mega-menus, the product's details and its reviews, each
        // `display:none`: no part holds half the text, and the page shows
        // nothing. The two parts are lifted; the small menus stay closed.
        let menu = "<div class=mega-menu style=\"display:none\"><a href=/a>Vitamins</a> <a href=/b>Minerals</a></div>";
        let html = format!(
            "<body><nav>Shop {menu}{menu}{menu}</nav>\
             <div class=defer-block style=\"display: none\">{PROSE}{PROSE}</div>\
             <div class=reviews style=\"display: none\">{PROSE}</div></body>"
        );
        let mut doc = Document::parse(&html);
        assert!(shown_letters(&doc) < 20);
        assert_eq!(lift(&mut doc), 2);
        assert!(shown_letters(&doc) > 150);
    }

    #[test]
    fn a_cloaked_app_is_read_and_a_cloaked_dialog_is_not() {
        let cloaked = |doc: &Document| {
            doc.nodes
                .iter()
                .filter(|n| matches!(&n.data, NodeData::Element(e) if is_cloaked(e)))
                .count()
        };
        // The whole app cloaked until Vue (or AngularJS) has compiled it.
        for app in ["<div id=app v-cloak>", "<div class=\"app ng-cloak\">"] {
            let mut doc = Document::parse(&format!("<body>{app}{PROSE}{PROSE}</div></body>"));
            assert_eq!(lift(&mut doc), 1, "{app}");
            assert_eq!(cloaked(&doc), 0, "{app}");
        }
        // A closed modal of the template (a privacy policy longer than the
        // page) stays closed.
        let html = format!(
            "<body>{PROSE}{PROSE}<div role=dialog aria-modal=true x-cloak x-show=open>{PROSE}{PROSE}{PROSE}</div></body>"
        );
        let mut doc = Document::parse(&html);
        assert_eq!(lift(&mut doc), 0);
        assert_eq!(cloaked(&doc), 1);
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
