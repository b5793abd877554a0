//! The markup's authors, in precedence: JSON-LD, else a scholarly page's
//! `citation_author` metas, else author metas (URLs
//! skipped), else a Twitter card's `Written by` pair, else the elements
//! (`rel=author`, an `itemprop=author` item, a class naming the author, the
//! name after a "Written by" element: `author_elements.rs`). A source
//! naming no person (`, USA TODAY` from a broken template, an
//! organisation) gives way to the next.

use super::author_elements::ElementAuthors;
use super::card_author::card_author;
use super::latin_names::clean_author;
use super::names::split_names;
use super::organisations::is_organisation;

/// Author metas, in precedence.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "dc.creator",
    "sailthru.author",
];

/// The `<meta>` key scholarly pages repeat once per author (Google
/// Scholar's), in the paper's order.
pub(super) const CITATION_AUTHOR: &str = "citation_author";

/// The authors the markup names: `json_ld`, the JSON-LD article's author
/// names; `citation`, every [`CITATION_AUTHOR`] (one person each, written
/// as the paper writes it: not split at its comma); `meta`, the content of
/// the first of some `<meta>` keys.
pub(super) fn authors(
    json_ld: Vec<String>,
    citation: Vec<String>,
    meta: impl Fn(&[&str]) -> Option<String>,
    elements: &ElementAuthors,
) -> Vec<String> {
    let no_person = |names: &[String]| {
        !names
            .iter()
            .any(|n| !is_organisation(n) && clean_author(n).is_some())
    };
    let mut authors = json_ld;
    if no_person(&authors) && !no_person(&citation) {
        authors = citation;
    }
    if no_person(&authors) {
        authors = meta(AUTHOR_METAS)
            // (A profile URL or a numeric account id is not a name.)
            .filter(|a| !a.starts_with("http") && a.chars().any(char::is_alphabetic))
            .map(|a| split_names(&a))
            .filter(|names| !no_person(names))
            .unwrap_or(authors);
    }
    if no_person(&authors) {
        authors = card_author(|key| meta(&[key]))
            .map(|a| split_names(&a))
            .filter(|names| !no_person(names))
            .unwrap_or(authors);
    }
    if no_person(&authors) {
        let shown = elements.names();
        if !no_person(&shown) {
            authors = shown;
        }
    }
    authors.dedup();
    authors
}
