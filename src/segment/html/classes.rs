//! The class, id and tag vocabularies of the HTML path and the kinds they
//! name: negative words (with the boilerplate kind of each), positive words,
//! tag priors, containers, captions. A new class word goes here.

use super::super::tunables::CLASS_WEIGHT;
use crate::article::BoilerplateKind;
use crate::parse::elements::is_block;
use crate::parse::tree::Element;
use std::collections::HashMap;

/// Class/id words of things that are not the article, with the kind they are.
const NEGATIVE: &[(&str, BoilerplateKind)] = &[
    ("comment", BoilerplateKind::Comments),
    ("disqus", BoilerplateKind::Comments),
    ("respond", BoilerplateKind::Comments),
    ("share", BoilerplateKind::Share),
    ("social", BoilerplateKind::Share),
    ("sharing", BoilerplateKind::Share),
    ("related", BoilerplateKind::Related),
    ("recommend", BoilerplateKind::Related),
    ("more-stories", BoilerplateKind::Related),
    ("read-more", BoilerplateKind::Related),
    ("trending", BoilerplateKind::Related),
    ("popular", BoilerplateKind::Related),
    ("outbrain", BoilerplateKind::Related),
    ("taboola", BoilerplateKind::Related),
    ("sidebar", BoilerplateKind::Related),
    ("widget", BoilerplateKind::Other),
    ("footer", BoilerplateKind::Footer),
    ("copyright", BoilerplateKind::Disclaimer),
    ("disclaimer", BoilerplateKind::Disclaimer),
    ("masthead", BoilerplateKind::Navigation),
    ("breadcrumb", BoilerplateKind::Navigation),
    ("navbar", BoilerplateKind::Navigation),
    ("menu", BoilerplateKind::Navigation),
    ("nav", BoilerplateKind::Navigation),
    ("header", BoilerplateKind::Navigation),
    ("skip", BoilerplateKind::Navigation),
    // A forum post's card of its poster: rank, banner and counts
    // (XenForo's `message-userTitle`, `message-userBanner`,
    // `message-userExtras`: Joined, Messages, Reaction score; IPS's
    // `cAuthorPane_stats`). The name and the date stay with the post.
    // (Before the ads' words: a user's banner is no ad.)
    ("usertitle", BoilerplateKind::Other),
    ("userbanner", BoilerplateKind::Other),
    ("userextras", BoilerplateKind::Other),
    ("authorpane_stats", BoilerplateKind::Other),
    ("advert", BoilerplateKind::Ads),
    ("sponsor", BoilerplateKind::Ads),
    ("promo", BoilerplateKind::Ads),
    ("banner", BoilerplateKind::Ads),
    ("-ad-", BoilerplateKind::Ads),
    ("ad-", BoilerplateKind::Ads),
    ("dfp", BoilerplateKind::Ads),
    ("newsletter", BoilerplateKind::Other),
    ("subscribe", BoilerplateKind::Other),
    ("signup", BoilerplateKind::Other),
    ("cookie", BoilerplateKind::Other),
    // Consent managers' dialogs (see [`CONSENT_MANAGER`]).
    ("consent", BoilerplateKind::Other),
    ("onetrust", BoilerplateKind::Other),
    ("gdpr", BoilerplateKind::Other),
    ("popup", BoilerplateKind::Other),
    ("modal", BoilerplateKind::Other),
    ("byline", BoilerplateKind::Other),
    ("author-bio", BoilerplateKind::Other),
    ("tags", BoilerplateKind::Other),
    ("caption-credit", BoilerplateKind::Other),
    // A reading-time estimate (`estimated-read-time`, `reading-time`):
    // about the text, never the text.
    ("read-time", BoilerplateKind::Other),
    ("reading-time", BoilerplateKind::Other),
    ("readtime", BoilerplateKind::Other),
];

/// The [`NEGATIVE`] word an element's class or id holds first, for the
/// words whose verdict depends on what the element holds: "widget" (a page
/// builder's block or a shop's product card as much as a sidebar's box) and
/// "skip" (a skip link, but also `skip-item` sections and `skip-lazy`
/// images).
pub fn negative_word(element: &Element) -> Option<&'static str> {
    let words = class_id(element);
    first_negative(&words)
        .and_then(|i| NEGATIVE.get(i))
        .map(|w| w.0)
}

/// Class/id words of a consent manager's dialog (`onetrust-consent-sdk`,
/// `gdpr-banner`): never the article, however much of the page's text it
/// holds (its purposes and vendors outweigh a short forum thread or a
/// product page). Their ids rarely say "cookie".
const CONSENT_MANAGER: &[&str] = &["consent", "onetrust", "gdpr"];

/// Whether an element is a consent manager's (see [`CONSENT_MANAGER`]);
/// the document's root and body are the page's, whatever their classes
/// say of a banner's state.
pub fn is_consent_manager(element: &Element) -> bool {
    // (Asked of every element: the attributes are searched in place, not
    // gathered into a lower-cased string as `class_id` does.)
    !matches!(&*element.name, "html" | "body")
        && ["class", "id", "role", "itemprop"].iter().any(|name| {
            element.attr(name).is_some_and(|value| {
                CONSENT_MANAGER.iter().any(|w| {
                    value
                        .as_bytes()
                        .windows(w.len())
                        .any(|window| window.eq_ignore_ascii_case(w.as_bytes()))
                })
            })
        })
}

/// The class prefix of a page builder's blocks: Elementor, used by many
/// sites, names every block of a page `elementor-widget…`, and wraps each
/// one's content in `elementor-widget-container`.
const PAGE_BUILDER_BLOCK: &str = "elementor-widget";

/// The kinds of Elementor block that hold a page's own content (its
/// `elementor-widget-<kind>` class); the others (`form`, `posts`,
/// `share-buttons`, `nav-menu`, `call-to-action`…) stay widgets.
const CONTENT_BLOCKS: &[&str] = &[
    "",
    "container",
    "wrap",
    "icon-box",
    "divider",
    "spacer",
    "text-editor",
    "heading",
    "image",
    "theme-post-content",
    "video",
    "icon-list",
    "image-box",
    "accordion",
    "toggle",
    "tabs",
    "blockquote",
    "table",
];

/// `words` without the "widget" of page-builder blocks that hold content
/// ([`CONTENT_BLOCKS`]): the wrapper and a text block are not a sidebar's
/// widget, a form or a list of other posts is.
fn without_content_blocks(words: &str) -> String {
    words
        .split_whitespace()
        .map(|token| {
            let kind = token
                .strip_prefix(PAGE_BUILDER_BLOCK)
                .map(|rest| rest.trim_start_matches('-'));
            // (`elementor-widget__width-initial`, `…-divider--view-line`:
            // modifiers of a block's layout, not a kind.)
            let modifier =
                |kind: &str| kind.starts_with('_') || kind.contains("__") || kind.contains("--");
            match kind {
                Some(kind) if CONTENT_BLOCKS.contains(&kind) || modifier(kind) => "elementor-block",
                _ => token,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Class/id words of article containers.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
    "page", "正文", "detail",
];

pub fn class_id(element: &Element) -> String {
    let mut s = String::new();
    for name in ["class", "id", "role", "itemprop"] {
        if let Some(v) = element.attr(name) {
            s.push(' ');
            s.push_str(&v.to_ascii_lowercase());
        }
    }
    s
}

/// The boilerplate kind an element's tag, class or id names, if any.
pub fn negative_kind(element: &Element) -> Option<BoilerplateKind> {
    tag_kind(element).or_else(|| words_kind(&class_id(element)))
}

/// [`negative_kind`] with the class/id verdicts remembered: pages repeat
/// the same few class strings on thousands of elements.
pub fn negative_kind_cached(
    element: &Element,
    memo: &mut HashMap<String, Option<BoilerplateKind>>,
) -> Option<BoilerplateKind> {
    if let Some(kind) = tag_kind(element) {
        return Some(kind);
    }
    let words = class_id(element);
    if words.is_empty() {
        return None;
    }
    *memo
        .entry(words)
        .or_insert_with_key(|words| words_kind(words))
}

/// The boilerplate kind a tag names by itself.
fn tag_kind(element: &Element) -> Option<BoilerplateKind> {
    match &*element.name {
        "nav" => Some(BoilerplateKind::Navigation),
        "footer" => Some(BoilerplateKind::Footer),
        "aside" => Some(BoilerplateKind::Related),
        "form" => Some(BoilerplateKind::Other),
        _ => None,
    }
}

/// The boilerplate kind class/id/role/itemprop words (from [`class_id`]) name.
fn words_kind(words: &str) -> Option<BoilerplateKind> {
    // Embedded posts (tweets, Instagram) quoted by the article are content.
    if words.trim().is_empty() || words.contains("embed") || words.contains("twitter-tweet") {
        return None;
    }
    if words.contains("navigation") {
        return Some(BoilerplateKind::Navigation);
    }
    // (Whatever else its classes say: `page-notice gdpr-banner`.)
    if CONSENT_MANAGER.iter().any(|w| words.contains(w)) {
        return Some(BoilerplateKind::Other);
    }
    let unbuilt;
    let words = if words.contains(PAGE_BUILDER_BLOCK) {
        unbuilt = without_content_blocks(words);
        unbuilt.as_str()
    } else {
        words
    };
    let hit = NEGATIVE.get(first_negative(words)?)?;
    let positive = POSITIVE.iter().any(|p| words.contains(p));
    // "article-footer" is still a footer; "article-body" is not a negative.
    if positive
        && !matches!(
            hit.1,
            BoilerplateKind::Comments
                | BoilerplateKind::Share
                | BoilerplateKind::Related
                | BoilerplateKind::Footer
                | BoilerplateKind::Ads
        )
    {
        return None;
    }
    Some(hit.1)
}

/// For each byte, the [`NEGATIVE`] words starting with it, as a bit set of
/// their indices (the list has fewer than 64 words).
// Evaluated at compile time: a bad index fails the build, never the program.
#[allow(clippy::indexing_slicing)]
const NEGATIVE_BY_FIRST_BYTE: [u64; 256] = {
    assert!(NEGATIVE.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < NEGATIVE.len() {
        let first = NEGATIVE[i].0.as_bytes()[0];
        table[first as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// Whether a [`NEGATIVE`] word counts only at the start of a class token
/// ("ad-" in "ad-slot", not inside "head-" or "load-more").
fn token_start_only(word: &str) -> bool {
    word.starts_with("ad") || matches!(word, "nav" | "menu" | "tags" | "header")
}

/// The index in [`NEGATIVE`] of the first word (in list order) `words` holds.
/// One pass over the bytes, trying only the words that start with each byte:
/// the same answer as testing every word with `contains`, several times
/// faster on the many short class strings of a page.
fn first_negative(words: &str) -> Option<usize> {
    let bytes = words.as_bytes();
    let mut best: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        let mut candidates = NEGATIVE_BY_FIRST_BYTE
            .get(usize::from(b))
            .copied()
            .unwrap_or(0);
        if candidates == 0 {
            continue;
        }
        let token_start = i == 0 || matches!(bytes.get(i - 1), Some(b' ' | b'_'));
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if best.is_some_and(|best| best <= index) {
                break;
            }
            let (Some((word, _)), Some(rest)) = (NEGATIVE.get(index), bytes.get(i..)) else {
                continue;
            };
            let found = if token_start_only(word) {
                // A token starting with the word, or exactly the word without its '-'.
                let bare = word.trim_end_matches('-').as_bytes();
                token_start
                    && (rest.starts_with(word.as_bytes())
                        || (rest.starts_with(bare)
                            && matches!(rest.get(bare.len()), None | Some(b' ' | b'_'))))
            } else {
                rest.starts_with(word.as_bytes())
            };
            if found {
                best = Some(index);
            }
        }
    }
    best
}

/// Readability's class weight: positive words add, negative words subtract.
pub fn class_weight(element: &Element) -> f32 {
    let words = class_id(element);
    let mut weight = 0.0;
    if POSITIVE.iter().any(|p| words.contains(p)) {
        weight += CLASS_WEIGHT;
    }
    if negative_kind(element).is_some() {
        weight -= CLASS_WEIGHT;
    }
    weight
}

/// Containers whose direct text counts as paragraphs.
pub fn is_text_container(name: &str) -> bool {
    matches!(name, "div" | "section" | "article" | "main" | "td")
}

/// The score a container starts with for its tag (Readability's priors).
pub fn tag_prior(name: &str) -> f32 {
    match name {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Elements that can hold an article (not inline markup, not the whole page).
pub fn is_container(name: &str) -> bool {
    is_block(name)
        && !matches!(
            name,
            "body" | "html" | "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
}

/// Caption and credit blocks outside `<figure>` (`class="photo-caption"`).
pub fn is_caption_like(e: &Element) -> bool {
    let words = class_id(e);
    // (`img_descr`, `image_desc`, `picIntro`: Chinese CMSs' caption classes.)
    [
        "caption",
        "credit",
        "wp-caption",
        "img_desc",
        "img-desc",
        "image_desc",
        "image-desc",
        "pic_desc",
        "photo_desc",
        "picintro",
        "pic_intro",
        "pic-intro",
    ]
    .iter()
    .any(|w| words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition `first_negative` must agree with.
    fn first_negative_naive(words: &str) -> Option<usize> {
        NEGATIVE.iter().position(|(w, _)| {
            if token_start_only(w) {
                words
                    .split([' ', '_'])
                    .any(|token| token.starts_with(w) || token == w.trim_end_matches('-'))
            } else {
                words.contains(w)
            }
        })
    }

    #[test]
    fn a_posters_card_and_a_reading_time_are_boilerplate_and_the_post_is_not() {
        for words in [
            " usertitle message-usertitle",
            " userbanner userbanner--silver message-userbanner",
            " message-userextras",
            " cauthorpane_stats",
        ] {
            assert_eq!(words_kind(words), Some(BoilerplateKind::Other), "{words}");
        }
        for words in [" estimated-read-time", " reading-time", " readtime"] {
            assert_eq!(words_kind(words), Some(BoilerplateKind::Other), "{words}");
        }
        for words in [" message-usercontent", " message-userdetails", " username"] {
            assert_eq!(words_kind(words), None, "{words}");
        }
    }

    #[test]
    fn page_builder_blocks_that_hold_content_are_no_widgets() {
        for words in [
            " elementor-widget-container",
            " elementor-widget-wrap elementor-element-populated",
            " elementor-element elementor-element-dbc100f elementor-widget elementor-widget-heading",
            " elementor-element elementor-widget__width-initial elementor-widget elementor-widget-icon-box",
            " elementor-widget-divider--view-line elementor-widget elementor-widget-divider",
        ] {
            assert_eq!(words_kind(words), None, "{words}");
        }
        // Forms, calls to action, share buttons: still what they are.
        for (words, kind) in [
            (
                " elementor-element elementor-widget elementor-widget-form",
                BoilerplateKind::Other,
            ),
            (
                " elementor-widget elementor-widget-call-to-action",
                BoilerplateKind::Other,
            ),
            (
                " elementor-widget elementor-widget-share-buttons",
                BoilerplateKind::Share,
            ),
            // Not a page builder's: a sidebar's widget.
            (" widget widget_recent_entries", BoilerplateKind::Other),
        ] {
            assert_eq!(words_kind(words), Some(kind), "{words}");
        }
    }

    #[test]
    fn first_negative_agrees_with_the_plain_definition() {
        let cases = [
            "",
            " article-body",
            " comments-area post-12",
            " head-line load-more",
            " ad",
            " ad-slot",
            " x_ad",
            " sidebar-ad-",
            " header_top nav-main",
            " navbar menu-item",
            " social-share related",
            " story-tags tagsy",
            " main-header",
            " headers",
            " adv advert",
            " footer-copyright",
            " caption-credit byline",
            " entry-content -ad-",
            " skip-link",
            " a b c d e f",
        ];
        for words in cases {
            assert_eq!(
                first_negative(words),
                first_negative_naive(words),
                "{words:?}"
            );
        }
        // Every word alone, at a token start and inside a token.
        for (word, _) in NEGATIVE {
            for words in [
                format!(" {word}"),
                format!(" x{word}"),
                format!(" a_{word}-b"),
            ] {
                assert_eq!(
                    first_negative(&words),
                    first_negative_naive(&words),
                    "{words:?}"
                );
            }
        }
    }
}
