//! Titles: a site name split off `<title>`, and the visible headline
//! (`<h1>`) that the markup's title names.

use crate::text::is_cjk_letter;

/// A site name split off a title is at most this long: longer tails are
/// part of the headline.
pub const SITE_NAME_MAX_CHARS: usize = 30;

/// An `<h1>` is the headline the markup's title names when at least this
/// share of its words are in the title… (`Living in a Tiny House Stinks
/// (Sometimes)` in `Living in a Tiny House Stinks: The Cons of …`: 6 of 7;
/// not `MathJax v3 beta: MathML input, HTML output test` for `MathJax v3
/// with MathML input and HTML output`, 6 of 8: another wording)
const H1_WORDS_IN_TITLE: f32 = 0.8;
/// …and they are at least this share of the title's words (`Galaxy S25
/// Ultra` in `Galaxy S25 Ultra | Features & Highlights`: 3 of 5).
const H1_SHARE_OF_TITLE: f32 = 0.4;

/// Splits `Headline - Site` / `Headline | Site` / `Headline_Site`: the part
/// that is not the headline goes to the site name.
pub fn split_site_suffix(title: &str) -> (String, Option<String>) {
    for sep in [
        " | ", " - ", " – ", " — ", "_", "｜", " :: ", " · ", "--", "-", "－", "—",
    ] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let (head, tail) = (head.trim(), tail.trim());
            // A bare hyphen only before a CJK name (`标题-中新网`), never
            // inside Latin words (`e-mail`).
            let bare = !sep.starts_with(' ') && sep != "_" && sep != "｜";
            let cjk = is_cjk_letter;
            if bare && !tail.chars().all(cjk) {
                continue;
            }
            // An underscore separates only next to CJK (`标题_新浪网`), never
            // inside identifiers (`window.__name`, `snake_case`).
            if sep == "_" && !(tail.chars().all(cjk) || head.chars().next_back().is_some_and(cjk)) {
                continue;
            }
            if tail.chars().count() <= SITE_NAME_MAX_CHARS
                && head.chars().count() >= tail.chars().count()
                && !tail.is_empty()
            {
                return (head.to_string(), Some(tail.to_string()));
            }
        }
    }
    (title.trim().to_string(), None)
}

/// The distinct words of a title, for matching: lower-cased runs of
/// letters and digits, each CJK character a word of its own.
fn title_words(title: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if is_cjk_letter(c) || !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if is_cjk_letter(c) {
                words.push(c.to_string());
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// The first `<h1>` that `title` names: most of the headline's words are in
/// the title (`H1_WORDS_IN_TITLE`) and they are a good part of it
/// (`H1_SHARE_OF_TITLE`: a one-word section heading inside a long title is
/// not the headline).
pub(super) fn headline_named_by<'a>(h1s: &'a [String], title: &str) -> Option<&'a String> {
    let named = title_words(title);
    if named.is_empty() {
        return None;
    }
    h1s.iter().find(|h1| {
        let words = title_words(h1);
        let shared = words.iter().filter(|w| named.contains(w)).count() as f32;
        !words.is_empty()
            && shared >= words.len() as f32 * H1_WORDS_IN_TITLE
            && shared >= named.len() as f32 * H1_SHARE_OF_TITLE
    })
}
