//! What an HTML page's markup says about itself (JSON-LD, OpenGraph and
//! other `<meta>`, microdata, `<time>`, `<title>`, `<h1>`, `lang`), in a
//! documented precedence:
//!
//! - title: JSON-LD `headline` → `og:title` / `twitter:title` → the `<h1>`
//!   that best matches `<title>` → `<title>` without its site suffix;
//! - site name: `og:site_name` → JSON-LD `publisher.name` → the suffix split
//!   off `<title>` (`… - 中新网`, `… | Reuters`);
//! - published / modified: JSON-LD `datePublished`/`dateModified` →
//!   `article:published_time`/`article:modified_time` → other date metas
//!   (`pubdate`, `publishdate`, `date`, `DC.date.issued`, `parsely-pub-date`,
//!   `sailthru.date`) → microdata `itemprop=datePublished` → the first
//!   `<time datetime>`; apart, the first date an element shows (`<time>`
//!   without `datetime`, `class=post-date`: `date_elements.rs`);
//! - authors: JSON-LD `author` → `<meta name=author>` / `article:author` /
//!   `parsely-author` / `DC.creator` (URLs skipped) → a Twitter card's
//!   `Written by` pair (`card_author.rs`) → `rel=author` links →
//!   an `itemprop=author` item's name → the first element whose class
//!   names the author (`author-name`, `byline`; Latin names checked for
//!   form, not on CJK pages, whose bylines are read from the text) → the
//!   name after a `Written by` element → links to one author's page
//!   (`/author/jane-doe/`, `?author=102`; `author_elements.rs`);
//! - language: `<html lang>`.

use super::author_elements::ElementAuthors;
use super::date_elements::{date_text, shows_a_date};
use super::date_offset::{at_the_offset_of, shown_time};
use super::dates::find_date;
use super::headline::headline_text;
use super::json_ld::{is_article, is_web_page, objects};
use super::markup_authors;
use super::source_elements::{shows_a_source, source_text};
pub use super::title::SITE_NAME_MAX_CHARS;
use super::title::{choose as choose_title, domain_label};
use crate::article::{Warning, WarningKind};
use crate::parse::elements::subtree_text;
use crate::parse::tokenizer::decode_references;
use crate::parse::tree::{Document, Element, NodeData, NodeId};
use crate::text::{at_most_chars, collapse_whitespace, is_stray_control};
use serde_json::Value;

/// Metadata the markup states: JSON-LD, meta tags, `<title>`, `<time>`, `lang`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// JSON-LD `headline`, else `og:title`, else the `<h1>` that matches the `<title>`.
    pub title: Option<String>,
    /// The document `<title>` as written.
    pub document_title: Option<String>,
    /// `og:site_name`, JSON-LD `publisher.name`, or the suffix split off `<title>`.
    pub site_name: Option<String>,
    /// Publication time as written (ISO 8601 from markup).
    pub published: Option<String>,
    /// Modification time as written.
    pub modified: Option<String>,
    /// The text of the first element showing a date (`<time>` without
    /// `datetime`, `class=post-date`): visible, below every stated date.
    pub shown_date: Option<String>,
    /// The outlet an element whose class names the source shows.
    pub shown_source: Option<String>,
    /// A JSON-LD page object's `datePublished`: the page's date when
    /// neither its markup nor its text dates the article.
    pub page_published: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// `<html lang>`.
    pub language: Option<String>,
    /// The page's own address: `<link rel=canonical>`, else `og:url`
    /// (absolute `http`/`https` only: a relative one needs the address it
    /// is relative to).
    pub url: Option<String>,
    /// JSON-LD blocks over [`JSON_LD_MAX_BYTES`], not read (a
    /// `limit_reached` warning says so).
    pub json_ld_skipped: usize,
    /// The first `<base href>`, as written.
    pub base_href: Option<String>,
    /// What the page's links and images are relative to (see
    /// [`PageMeta::set_base`]).
    pub base: Option<String>,
}

impl PageMeta {
    /// What the page read without scripts (its `<noscript>` markup, parsed:
    /// a forum's crawler view) says where the page's own markup is silent:
    /// authors and dates.
    pub fn fill_from(&mut self, shown: PageMeta) {
        if self.authors.is_empty() {
            self.authors = shown.authors;
        }
        self.published = self.published.take().or(shown.published);
        self.page_published = self.page_published.take().or(shown.page_published);
        self.modified = self.modified.take().or(shown.modified);
        self.shown_date = self.shown_date.take().or(shown.shown_date);
        self.shown_source = self.shown_source.take().or(shown.shown_source);
    }

    /// A `limit_reached` warning if JSON-LD blocks were too large to read.
    pub fn json_ld_warning(&self) -> Option<Warning> {
        (self.json_ld_skipped > 0).then(|| {
            Warning::new(
                WarningKind::LimitReached,
                format!(
                    "{} JSON-LD blocks over {JSON_LD_MAX_BYTES} bytes were not read for metadata",
                    self.json_ld_skipped
                ),
            )
        })
    }
}

/// JSON-LD larger than this is a catalogue, not an article's metadata (an
/// article's is a few KiB): parsed into a tree it would take about 8 × its
/// size (a 64 MB array once took 1.8 GB), so it is left unread.
pub const JSON_LD_MAX_BYTES: usize = 1024 * 1024;

fn text_of(doc: &Document, root: NodeId) -> String {
    collapse_whitespace(&subtree_text(doc, root, true))
}

/// Whitespace collapsed; control characters out (a JSON-LD string can
/// spell one as `\u001b`, which no HTML parsing removed).
/// A string escaped twice (`Actuary&#8217;s` once parsed) is decoded once
/// more: a page title is never about its own entities.
fn non_empty(s: &str) -> Option<String> {
    let s = collapse_whitespace(&decode_references(s)).replace(is_stray_control, "");
    (!s.is_empty()).then_some(s)
}

fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) if !s.starts_with("http") => non_empty(s).into_iter().collect(),
        Value::Object(map) => map.get("name").map(names).unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => non_empty(s),
        Value::Array(items) => items.iter().find_map(|v| string(Some(v))),
        Value::Object(map) => string(map.get("name")),
        _ => None,
    }
}

/// An `<h1>` longer than this wraps content, not a headline: it is not a
/// title candidate (the longest headlines in the data sets are under 200).
const H1_MAX_CHARS: usize = 500;

/// What one pass over the tree collects, before precedence is applied.
#[derive(Default)]
struct Found {
    language: Option<String>,
    document_title: Option<String>,
    /// `(key, content)` of every `<meta>` with content, keys lower-cased.
    metas: Vec<(String, String)>,
    ld_article: Option<Value>,
    /// The first JSON-LD page object's `datePublished` and `dateModified`.
    ld_page_dates: Option<(Option<String>, Option<String>)>,
    ld_publisher: Option<String>,
    h1s: Vec<String>,
    /// The first `<time>`'s `datetime`, at the clock its text shows when
    /// that is a UTC time shown at the page's offset.
    time: Option<String>,
    itemprop_date: Option<String>,
    shown_date: Option<String>,
    shown_source: Option<String>,
    /// Authors named by elements: links, items, classes, labels.
    element_authors: ElementAuthors,
    /// The first `<link rel=canonical>`'s `href`.
    canonical: Option<String>,
    /// The first `<base href>`.
    base_href: Option<String>,
    json_ld_skipped: usize,
}

impl Found {
    /// The first `<meta>` content among `keys`, in the keys' order.
    /// Every `<meta>` content of `key`, in the page's order.
    fn metas_all(&self, key: &str) -> Vec<String> {
        let all = self.metas.iter().filter(|(k, _)| k == key);
        all.map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }

    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    }
}

/// Collects every markup source in one pass over the tree.
fn scan(doc: &Document) -> Found {
    let mut found = Found::default();
    for (i, node) in doc.nodes.iter().enumerate() {
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        let id = i as NodeId;
        match &*e.name {
            "html" => found.language = e.attr("lang").and_then(non_empty),
            "title" if found.document_title.is_none() => {
                found.document_title = non_empty(&text_of(doc, id))
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    if let Some(content) = non_empty(content) {
                        found.metas.push((key.to_ascii_lowercase(), content));
                    }
                }
            }
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw = text_of(doc, id);
                if raw.len() > JSON_LD_MAX_BYTES {
                    found.json_ld_skipped += 1;
                } else {
                    read_json_ld(&raw, &mut found);
                }
            }
            "h1" => {
                // (Kept only when headline-sized: 127 nested `<h1>` around
                // a 34 MB page once held 127 copies of it.)
                let text = headline_text(doc, id);
                if at_most_chars(&text, H1_MAX_CHARS) {
                    found.h1s.extend(non_empty(&text));
                }
            }
            // (A `datetime` that reads as no date, `02-12-2025`, is
            // passed over for the next `<time>`.)
            "time" if found.time.is_none() => {
                found.time = e
                    .attr("datetime")
                    .filter(|d| find_date(d, None).is_some())
                    .and_then(non_empty)
                    .map(|d| shown_time(&d, &text_of(doc, id)).unwrap_or(d));
            }
            "link" | "base" => note_address(e, &mut found),
            _ => {}
        }
        if found.shown_date.is_none() && shows_a_date(e) {
            found.shown_date = date_text(doc, id);
        }
        if found.shown_source.is_none() && shows_a_source(e) {
            found.shown_source = source_text(doc, id);
        }
        if found.itemprop_date.is_none() && e.attr("itemprop") == Some("datePublished") {
            found.itemprop_date = e
                .attr("datetime")
                .or_else(|| e.attr("content"))
                .and_then(non_empty);
        }
        if e.attr("rel") == Some("author") && &*e.name == "a" {
            if let Some(name) = non_empty(&text_of(doc, id)) {
                found.element_authors.rel.push(name);
            }
        }
        found.element_authors.note(doc, id, e);
    }
    found
}

/// The first `<link rel=canonical>` and the first `<base href>`.
fn note_address(e: &Element, found: &mut Found) {
    let slot = match &*e.name {
        "base" => &mut found.base_href,
        _ if e
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
        {
            &mut found.canonical
        }
        _ => return,
    };
    if slot.is_none() {
        *slot = e.attr("href").and_then(non_empty);
    }
}

/// The first article object and the first publisher name of a JSON-LD block.
fn read_json_ld(raw: &str, found: &mut Found) {
    if let Ok(value) = serde_json::from_str::<Value>(raw) {
        for object in objects(&value) {
            if found.ld_publisher.is_none() {
                found.ld_publisher = object.get("publisher").and_then(|p| string(Some(p)));
            }
            if found.ld_article.is_none() && is_article(object) {
                found.ld_article = Some(object.clone());
            }
            if found.ld_page_dates.is_none() && is_web_page(object) {
                let date = |key| string(object.get(key));
                found.ld_page_dates = Some((date("datePublished"), date("dateModified")));
            }
        }
    }
}

/// Reads the page's own metadata.
pub fn read(doc: &Document) -> PageMeta {
    let found = scan(doc);
    let published = published(&found);
    let ld = found.ld_article.as_ref();
    let url = found
        .canonical
        .clone()
        .filter(|u| is_web_address(u))
        .or_else(|| found.meta(&["og:url"]).filter(|u| is_web_address(u)));
    let (title, site_suffix) = title(&found, published.is_some(), url.as_deref());
    let site_name = found
        .meta(&["og:site_name", "application-name"])
        .or(found.ld_publisher.clone())
        .or(site_suffix);
    PageMeta {
        title,
        published,
        page_published: found.ld_page_dates.as_ref().and_then(|d| d.0.clone()),
        modified: ld
            .and_then(|a| string(a.get("dateModified")))
            .or_else(|| found.meta(&["article:modified_time", "og:updated_time", "datemodified"]))
            .or_else(|| found.ld_page_dates.as_ref().and_then(|d| d.1.clone()))
            .map(|m| at_page_offset(m, &found)),
        authors: markup_authors::authors(
            found
                .ld_article
                .as_ref()
                .and_then(|a| a.get("author"))
                .map(names)
                .unwrap_or_default(),
            found.metas_all(markup_authors::CITATION_AUTHOR),
            |keys| found.meta(keys),
            &found.element_authors,
            site_name.as_deref(),
        ),
        site_name,
        description: found.meta(&["description", "og:description"]),
        shown_date: found.shown_date.clone(),
        shown_source: found.shown_source.clone(),
        document_title: found.document_title,
        language: found.language,
        url,
        json_ld_skipped: found.json_ld_skipped,
        base_href: found.base_href,
        base: None,
    }
}

/// An absolute `http`/`https` address.
fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace)
}

/// The title, and the site suffix split off `<title>` (`title::choose`),
/// of a page whose markup gives a publication date or not (`dated`).
fn title(found: &Found, dated: bool, url: Option<&str>) -> (Option<String>, Option<String>) {
    let markup_title = found
        .ld_article
        .as_ref()
        .and_then(|a| string(a.get("headline")))
        .or_else(|| found.meta(&["og:title", "twitter:title"]));
    // Product and service pages are no articles: their one <h1> is a slogan
    // (`Your content. Your canvas.`) and their title the name.
    let article = found.ld_article.is_some()
        || found
            .meta(&["og:type"])
            .is_some_and(|t| t.eq_ignore_ascii_case("article"))
        || dated;
    choose_title(
        markup_title,
        found.document_title.as_deref(),
        &found.h1s,
        article,
        found.meta(&["og:site_name"]).as_deref(),
        url.and_then(domain_label),
    )
}

/// A UTC time at the page's own offset, the one its first `<time>` states
/// or shows (see [`at_the_offset_of`]); else as written.
fn at_page_offset(time: String, found: &Found) -> String {
    found
        .time
        .as_deref()
        .and_then(|local| at_the_offset_of(&time, local))
        .unwrap_or(time)
}

/// Publication time as the markup writes it, at the page's own offset.
fn published(found: &Found) -> Option<String> {
    let stated = found
        .ld_article
        .as_ref()
        .and_then(|a| string(a.get("datePublished")))
        .or_else(|| {
            found.meta(&[
                "article:published_time",
                "og:article:published_time",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date.issued",
                "dc.date",
                "parsely-pub-date",
                "sailthru.date",
                "datepublished",
                "article.published",
                "article:published",
                "published",
                "published-date",
                "published_date",
                "publish_date",
                // (Highwire Press tags: scholarly pages' for Google Scholar.)
                "citation_publication_date",
                "citation_date",
            ])
        })
        .or_else(|| vendor_published(found));
    stated
        .map(|p| at_page_offset(p, found))
        .or_else(|| found.itemprop_date.clone())
        .or_else(|| found.time.clone())
}

/// How a publication-date meta's key ends, once lower-cased and stripped of
/// separators, whatever the vendor before it (`w-published-date`,
/// `cXenseParse:publishtime`, `og:publish_date`, `awa-publishedDate`,
/// `shareaholic:article_published_time`).
const PUBLISHED_KEY_ENDINGS: &[&str] = &[
    "publishdate",
    "publisheddate",
    "publishtime",
    "publishedtime",
    "publishedat",
    "datepub",
];

/// The first meta in the page whose key ends like one of
/// [`PUBLISHED_KEY_ENDINGS`], when its value reads as a date: the keys of the
/// known list are tried first, in their order.
fn vendor_published(found: &Found) -> Option<String> {
    found.metas.iter().find_map(|(key, value)| {
        let key: String = key
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        (PUBLISHED_KEY_ENDINGS.iter().any(|e| key.ends_with(e)) && find_date(value, None).is_some())
            .then(|| value.clone())
    })
}

#[cfg(test)]
#[path = "markup_tests.rs"]
mod tests;
