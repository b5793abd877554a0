//! Titles: a site name split off `<title>`, and the visible headline
//! (`<h1>`) that the markup's title names.

use crate::text::{is_cjk_letter, letters_lower};

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

/// An article's lone `<h1>` is its headline when it has at least this many
/// words… (`Health And Nutrition Trends For 2026`; not a one-word `Home`)
const LONE_H1_MIN_WORDS: usize = 3;
/// …or this many CJK characters (`园区发展大会召开`)…
const LONE_H1_MIN_CJK: usize = 6;
/// …and at most this many characters (a paragraph set in an `<h1>` is none).
const LONE_H1_MAX_CHARS: usize = 200;
/// Words of at least this many letters count as shared with the title (not
/// `the`, `for`, `and`).
const SHARED_WORD_MIN_CHARS: usize = 4;
/// CJK characters in common with the title, at least.
const SHARED_CJK_MIN: usize = 2;

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

/// Separators between a headline and the site's name in a title.
const SITE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " • ", " · ", " :: ", "｜"];

/// `title` without the site's name before or after a separator
/// (`Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst` on a site
/// named `Artlyst`): og:title often carries it even when `<title>` does not.
fn without_site_name(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(letters_lower).filter(|k| !k.is_empty()) else {
        return title;
    };
    for sep in SITE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if letters_lower(tail) == site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if letters_lower(head) == site && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// A title part names the site when its letters begin with the site's
/// name or the address's domain, or the reverse, over at least this many
/// letters (`WRAL` on `WRAL.com`, `Supabase Docs` on supabase.com,
/// `AliExpress 7` with a counter): shorter keys begin too many words.
const SITE_KEY_MIN_LETTERS: usize = 4;

/// Second-level labels under a country's domain (`bbc.co.uk`): the name is
/// the label before them.
const SECOND_LEVEL_LABELS: [&str; 8] = ["co", "com", "org", "net", "gov", "ac", "edu", "ne"];

/// Titles that name no page but the site's front (`Home - Ohio Artisan
/// Collective`): the site's name stays with them.
const FRONT_PAGE_TITLES: [&str; 5] = ["home", "homepage", "welcome", "index", "startseite"];

/// The name part of an address's host (`pydantic` of
/// `https://docs.pydantic.dev/…`, `bbc` of `www.bbc.co.uk`).
pub(super) fn domain_label(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let name = match labels.as_slice() {
        [.., name, second, _] if SECOND_LEVEL_LABELS.contains(second) => name,
        [.., name, _] => name,
        _ => return None,
    };
    Some(letters_lower(name)).filter(|n| !n.is_empty())
}

/// Whether `part` of a title names the site: its letters and a key's (the
/// site's name, the domain) are equal, or one begins with the other.
fn names_site(part: &str, keys: &[String]) -> bool {
    let part = letters_lower(part);
    !part.is_empty()
        && keys.iter().any(|key| {
            part == *key
                || (part.len().min(key.len()) >= SITE_KEY_MIN_LETTERS
                    && (part.starts_with(key.as_str()) || key.starts_with(part.as_str())))
        })
}

/// `title` without a last part after a separator that names the site, on
/// any page (`Auth | Supabase Docs`, `… Coverage | WRAL`), even when the
/// page's `<h1>` shows it so: a template appended it. Not after a front
/// page's `Home`, which names nothing alone.
fn without_trailing_site(title: String, keys: &[String]) -> String {
    if keys.is_empty() {
        return title;
    }
    for sep in SITE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let head = head.trim();
            let front = FRONT_PAGE_TITLES.contains(&letters_lower(head).as_str());
            if !head.is_empty() && !front && names_site(tail, keys) {
                return head.to_string();
            }
        }
    }
    title
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
fn headline_named_by<'a>(h1s: &'a [String], title: &str) -> Option<&'a String> {
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

/// The `<h1>` that is the whole first part of `title` before a separator
/// (`Quickstart` of `Quickstart — Flask Documentation (3.1.x)`, `Flexbox`
/// of `Flexbox - Learn web development`): what follows is the site or the
/// section, however long, and the page shows the headline alone. A
/// headline's permalink mark does not count (`Quickstart¶`).
fn headline_first_in<'a>(h1s: &'a [String], title: &str) -> Option<&'a String> {
    let head = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .map(|at| &title[..at])?;
    let key = letters_lower(head);
    (!key.is_empty())
        .then(|| {
            h1s.iter()
                .find(|h1| letters_lower(h1.trim_end_matches(PERMALINK_MARKS)) == key)
        })
        .flatten()
}

/// The one `<h1>` of an article page, as its headline even when the markup's
/// title words it otherwise (`Health And Nutrition Trends For 2026` under
/// og:title `Top 10 Health and Nutrition Trends to Watch`: titles are
/// rewritten for search, the reader sees the `<h1>`). It must look like a
/// headline and share a word with `title`: a blog's `Hi, I'm Nicolas.` in
/// its header shares none with the post's title.
fn lone_headline<'a>(h1s: &'a [String], title: &str) -> Option<&'a String> {
    let [h1] = h1s else { return None };
    let cjk = h1.chars().filter(|&c| is_cjk_letter(c)).count();
    let headline_like = (h1.split_whitespace().count() >= LONE_H1_MIN_WORDS
        || cjk >= LONE_H1_MIN_CJK)
        && h1.chars().count() <= LONE_H1_MAX_CHARS;
    let named = title_words(title);
    let words = title_words(h1);
    let shared = words.iter().filter(|w| named.contains(w));
    let shared_cjk = shared
        .clone()
        .filter(|w| w.chars().all(is_cjk_letter))
        .count();
    let shared_word = shared
        .filter(|w| !w.chars().all(is_cjk_letter))
        .any(|w| w.chars().count() >= SHARED_WORD_MIN_CHARS);
    (headline_like && (shared_word || shared_cjk >= SHARED_CJK_MIN)).then_some(h1)
}

/// A title without a headline's permalink anchor (`…objects¶`,
/// documentation generators' `<a class="headerlink">`), no part of it.
/// Applied once the title is repaired: in a page misread as windows-1252
/// the anchor is `Â¶`, and `Â` alone is no longer the start of a repair.
/// Forum software's label before a topic's title goes too (`Thread: …`,
/// vBulletin's; `Site • View topic - …`, phpBB's).
pub(super) fn cleaned_title(title: String) -> String {
    let topic = FORUM_TITLE_LABELS.iter().find_map(|&(label, after_site)| {
        title
            .find(label)
            .filter(|&at| at == 0 || after_site)
            .and_then(|at| title.get(at + label.len()..))
    });
    let title = match topic.map(str::trim).filter(|t| !t.is_empty()) {
        Some(topic) => topic.to_string(),
        None => title,
    };
    let trimmed = title.trim_end_matches(PERMALINK_MARKS).trim_end();
    if trimmed.len() == title.len() {
        title
    } else {
        trimmed.to_string()
    }
}

/// The title, and the site suffix split off `<title>`: the markup's title
/// (JSON-LD headline, og:title), `<title>` and the page's `<h1>`s, on a page
/// that is an `article` or not, of a site named `site_name` (og:site_name)
/// at an address whose domain is `domain` (see [`domain_label`]).
pub(super) fn choose(
    markup_title: Option<String>,
    document_title: Option<&str>,
    h1s: &[String],
    article: bool,
    site_name: Option<&str>,
    domain: Option<String>,
) -> (Option<String>, Option<String>) {
    let keys: Vec<String> = site_name
        .map(letters_lower)
        .into_iter()
        .chain(domain)
        .filter(|k| !k.is_empty())
        .collect();
    let (title, suffix) = choose_shown(markup_title, document_title, h1s, article, site_name);
    (title.map(|t| without_trailing_site(t, &keys)), suffix)
}

/// [`choose`] before the site's name is taken off the end.
fn choose_shown(
    markup_title: Option<String>,
    document_title: Option<&str>,
    h1s: &[String],
    article: bool,
    site_name: Option<&str>,
) -> (Option<String>, Option<String>) {
    // An article's headline goes without the site's name; other pages are
    // named with their brand (`BLACKROLL® - Foam rollers …`).
    let mut title = match article {
        true => markup_title.map(|t| without_site_name(t, site_name)),
        false => markup_title,
    };
    let (stripped, suffix) = document_title.map(split_site_suffix).unwrap_or_default();
    // The visible headline, when the markup's title names it with more
    // around it (`Galaxy S25 Ultra | Features & Highlights`) or with
    // other words for part of it (`Headphone - Sweep, Loft, and Extrude`
    // for `Tutorial: Sweep, Loft, and Extrude`).
    let named = title.as_deref().or(document_title);
    let first = [title.as_deref(), document_title]
        .into_iter()
        .flatten()
        .find_map(|t| headline_first_in(h1s, t));
    if let Some(h1) = first.or_else(|| named.and_then(|t| headline_named_by(h1s, t))) {
        return (Some(h1.clone()), suffix);
    }
    // An article's one <h1>, even in other words than its markup's title,
    // compared without the site's name (`… | Code | Nicolas Perriault` is
    // not the header's `Hi, I'm Nicolas.`).
    let headline = title
        .as_deref()
        .map(|t| split_site_suffix(t).0)
        .unwrap_or_else(|| stripped.clone());
    if article && !headline.is_empty() {
        if let Some(h1) = lone_headline(h1s, &headline) {
            return (Some(h1.clone()), suffix);
        }
    }
    if title.is_none() {
        // The h1 that matches <title> best, else the stripped <title>.
        title = h1s
            .iter()
            .find(|h| {
                !stripped.is_empty()
                    && (stripped.contains(h.as_str()) || h.contains(stripped.as_str()))
            })
            .cloned()
            .or_else(|| (!stripped.is_empty()).then_some(stripped.clone()))
            .or_else(|| h1s.first().cloned());
    } else if let Some(t) = title.clone() {
        // og:title often carries the site suffix too.
        let (head, _) = split_site_suffix(&t);
        if suffix.is_some() && t != head {
            title = Some(head);
        }
    }
    // A title no headline on the page shows: before a pipe is the headline,
    // after it a section, a tagline or the site (`How meditation rewires
    // brains | Opinion`, `Best Movers in NYC 2025 | Top 19 Companies`).
    let title = title.map(|t| match t.split_once(" | ") {
        Some((head, _)) if !h1s.contains(&t) && is_headline_like(head) => head.trim().to_string(),
        _ => t,
    });
    (title, suffix)
}

/// Labels forum software writes before a topic's title, and whether the
/// label may follow the site's name (phpBB's) rather than open the title.
const FORUM_TITLE_LABELS: &[(&str, bool)] = &[
    ("Thread: ", false),
    ("Topic: ", false),
    ("View topic - ", true),
];

/// The symbols permalink anchors show after a heading (not `#`: `C#`).
const PERMALINK_MARKS: &[char] = &['¶', '§', '🔗'];

/// Long enough to be a headline alone: as many words or CJK characters as
/// an article's lone `<h1>` needs.
fn is_headline_like(text: &str) -> bool {
    text.split_whitespace().count() >= LONE_H1_MIN_WORDS
        || text.chars().filter(|&c| is_cjk_letter(c)).count() >= LONE_H1_MIN_CJK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h1s(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_articles_lone_h1_is_its_headline() {
        let og = Some("Top 10 Health and Nutrition Trends to Watch".to_string());
        let one = h1s(&["Health And Nutrition Trends For 2026"]);
        let title =
            |article| choose(og.clone(), Some("Trends | Site"), &one, article, None, None).0;
        assert_eq!(
            title(true).as_deref(),
            Some("Health And Nutrition Trends For 2026")
        );
        // A service page's slogan is not its title.
        assert_eq!(title(false), og);
        // A header's greeting shares no word with the post's title but the
        // site's name, which is left out of the comparison.
        let greeting = h1s(&["Hi, I'm Nicolas."]);
        let doc = Some("Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault");
        assert_eq!(
            choose(None, doc, &greeting, true, None, None).0.as_deref(),
            Some("Get your Frontend JavaScript Code Covered")
        );
        // Two <h1>s, or a one-word one, decide nothing.
        let two = h1s(&["Health Trends For 2026", "Nutrition Trends For 2026"]);
        assert_eq!(choose(og.clone(), None, &two, true, None, None).0, og);
        assert_eq!(
            choose(og.clone(), None, &h1s(&["Trends"]), true, None, None).0,
            og
        );
    }

    #[test]
    fn an_h1_that_is_the_titles_first_part_is_the_headline() {
        let doc = Some("Quickstart — Flask Documentation (3.1.x)");
        let title = |h: &[&str]| choose(None, doc, &h1s(h), false, None, None).0;
        // The tail is longer than the head, so no site suffix is split off:
        // the page's <h1> says where the headline ends.
        assert_eq!(title(&["Quickstart¶"]).as_deref(), Some("Quickstart¶"));
        assert_eq!(
            title(&["Flask", "Quickstart"]).as_deref(),
            Some("Quickstart")
        );
        // An <h1> that is only part of the head is no cut.
        let og = doc.map(str::to_string);
        let marked = |h: &[&str]| choose(og.clone(), None, &h1s(h), false, None, None).0;
        assert_eq!(marked(&["Quick"]), og);
        // og:title cut the same way (`Models | Django documentation`).
        let og = Some("Models | Django documentation".to_string());
        assert_eq!(
            choose(og, None, &h1s(&["Models"]), true, None, None)
                .0
                .as_deref(),
            Some("Models")
        );
    }

    #[test]
    fn the_sites_name_leaves_the_markup_title() {
        let og = |t: &str| Some(t.to_string());
        let title = |t: &str, site| choose(og(t), None, &[], true, site, None).0;
        let art = "Critics’ Choice: Best UK Art Exhibitions 2025";
        assert_eq!(
            title(&format!("{art} – Artlyst"), Some("Artlyst")).as_deref(),
            Some(art)
        );
        assert_eq!(
            title("The Agency | ML at Georgia Tech", Some("The Agency")).as_deref(),
            Some("ML at Georgia Tech")
        );
        // Another name, or no name, stays.
        assert_eq!(
            title(&format!("{art} – Artlyst"), Some("Frieze")).as_deref(),
            Some(&*format!("{art} – Artlyst"))
        );
        assert_eq!(title("A – B", None).as_deref(), Some("A – B"));
    }

    #[test]
    fn the_sites_name_leaves_the_end_of_any_pages_title() {
        let page = |t: &str, h1: &[&str], site, url| {
            choose(
                Some(t.into()),
                None,
                &h1s(h1),
                false,
                site,
                domain_label(url),
            )
            .0
        };
        let coverage = "Vehicle rental News and Reporting Coverage";
        let wral = format!("{coverage} | WRAL");
        // The site's name, or one beginning with it; even as the page shows it.
        let found = page(&wral, &[&wral], Some("WRAL.com"), "https://www.wral.com/x");
        assert_eq!(found.as_deref(), Some(coverage));
        let docs = page(
            "Auth | Supabase Docs",
            &[],
            None,
            "https://supabase.com/docs/auth",
        );
        assert_eq!(docs.as_deref(), Some("Auth"));
        // A front page keeps its name; another name, or a short key, stays.
        let home = "Home - Ohio Artisan Collective";
        let front = page(
            home,
            &[],
            Some("Ohio Artisan Collective"),
            "https://ohio.example/",
        );
        assert_eq!(front.as_deref(), Some(home));
        let other = page(&wral, &[&wral], Some("Frieze"), "https://frieze.com/");
        assert_eq!(other.as_deref(), Some(&*wral));
        let rust = "Guide to Rust | Rustacean Station";
        let short = page(rust, &[rust], None, "https://rus.example/");
        assert_eq!(short.as_deref(), Some("Guide to Rust | Rustacean Station"));
    }

    #[test]
    fn an_addresss_domain_is_the_label_before_its_suffix() {
        let label = |u: &str| domain_label(u);
        assert_eq!(
            label("https://docs.pydantic.dev/latest/").as_deref(),
            Some("pydantic")
        );
        assert_eq!(label("https://www.bbc.co.uk/news").as_deref(), Some("bbc"));
        assert_eq!(
            label("http://user@example.com:8080/x").as_deref(),
            Some("example")
        );
        assert_eq!(label("https://localhost/"), None);
        assert_eq!(label("not an address"), None);
    }

    #[test]
    fn a_markup_title_is_the_part_before_a_pipe() {
        let title =
            |og: &str, h1: &[&str]| choose(Some(og.into()), None, &h1s(h1), false, None, None).0;
        assert_eq!(
            title("How meditation rewires brains | Opinion", &[]).as_deref(),
            Some("How meditation rewires brains")
        );
        // Not when the page shows it so, nor before a head too short to
        // be a headline.
        let shown = "Trekking Backpack 40L | Lightweight & Adventure-Ready";
        assert_eq!(title(shown, &[shown]).as_deref(), Some(shown));
        assert_eq!(
            title("Travel | Flights and Hotels", &[]).as_deref(),
            Some("Travel | Flights and Hotels")
        );
    }

    #[test]
    fn a_headlines_permalink_anchor_leaves_the_title() {
        let doc = "functools — Higher-order functions and operations on callable objects";
        assert_eq!(cleaned_title(format!("{doc}¶")), doc);
        assert_eq!(cleaned_title(format!("{doc} §")), doc);
        assert_eq!(cleaned_title("Learning C#".into()), "Learning C#");
        assert_eq!(
            cleaned_title("NationStates • View topic - MLS is Back!".into()),
            "MLS is Back!"
        );
        assert_eq!(
            cleaned_title("Thread: Which hosting?".into()),
            "Which hosting?"
        );
        assert_eq!(
            cleaned_title("The Thread: A Novel".into()),
            "The Thread: A Novel"
        );
    }
}
