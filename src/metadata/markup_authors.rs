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
use crate::text::letters_lower;

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
/// the first of some `<meta>` keys; `site`, the site's name. A source naming
/// only the site (a CMS's default, `GlossGenius` on GlossGenius's blog)
/// gives way to a later one naming a person, and is kept when none does:
/// a company's post is the company's.
pub(super) fn authors(
    json_ld: Vec<String>,
    citation: Vec<String>,
    meta: impl Fn(&[&str]) -> Option<String>,
    elements: &ElementAuthors,
    site: Option<&str>,
) -> Vec<String> {
    // (Whether some name is a person's; `site_too`: the site's name counts.)
    let person = |names: &[String], site_too: bool| {
        names.iter().any(|n| {
            !is_organisation(n)
                && (site_too || !site.is_some_and(|s| names_the_site(n, s)))
                && clean_author(n).is_some()
        })
    };
    let sources = [
        Some(json_ld),
        Some(citation),
        meta(AUTHOR_METAS)
            // (A profile URL or a numeric account id is not a name.)
            .filter(|a| !a.starts_with("http") && a.chars().any(char::is_alphabetic))
            .map(|a| split_names(&a)),
        card_author(|key| meta(&[key])).map(|a| split_names(&a)),
        Some(elements.names()),
    ];
    let first = |site_too: bool| {
        sources
            .iter()
            .flatten()
            .find(|names| person(names, site_too))
            .cloned()
    };
    // (None naming a person: JSON-LD's names, organisations and all, for
    // the resolver to weigh.)
    let mut authors = first(false)
        .or_else(|| first(true))
        .or_else(|| sources.into_iter().next().flatten())
        .unwrap_or_default();
    authors.dedup();
    authors
}

/// The shortest site name or author compared for [`names_the_site`]
/// (letters and digits): below it, a person's first name inside a site's
/// name (`Eli` in `Deli Express`) would count.
const SITE_NAME_MIN_CHARS: usize = 4;

/// Whether an author names the site: one name holds the other, letters and
/// digits compared without case (`Digjitale` of `Digjitale Signal`; not
/// `Team Tiger Data` of `Tiger Data Blog`, which only share `Tiger Data`).
fn names_the_site(author: &str, site: &str) -> bool {
    let (a, s) = (letters_lower(author), letters_lower(site));
    a.chars().count() >= SITE_NAME_MIN_CHARS
        && s.chars().count() >= SITE_NAME_MIN_CHARS
        && (a.contains(&s) || s.contains(&a))
}
