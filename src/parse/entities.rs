//! Character references (`&amp;`, `&#8217;`, `&nbsp`) resolved as the HTML
//! standard's tokenizer resolves them in text and in attribute values.
//!
//! Hand-written over a crate for size: htmlize, which did this before, cost
//! 31 KiB of the gzipped wasm module (its `phf` map holds a pointer pair per
//! reference); the same 2,231 references packed as length-prefixed records
//! (`entities.bin`, `scripts/gen-entities.py`) and searched through an index
//! built on first use cost 17 KiB (`scripts/build`, 2026-12-01: 480 → 466
//! KiB, and 449 KiB with no references resolved at all).
//! htmlize stays as the tests' oracle: every reference, in both contexts,
//! and random text resolve the same.

use std::borrow::Cow;
use std::sync::OnceLock;

/// The named references: `u8` name length, name (without `&`, with its `;`
/// when it has one), `u8` expansion length, expansion; sorted by name.
/// Generated: DO NOT EDIT (scripts/gen-entities.py).
static TABLE: &[u8] = include_bytes!("entities.bin");

/// Where references stand: in an attribute value a legacy reference without
/// its `;` followed by `=` or a letter or digit is left as written
/// (`?a=1&copy=2` is a query, not `©=2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Text between tags.
    General,
    /// An attribute's value.
    Attribute,
}

/// `text` with its character references resolved; borrowed when it has none.
pub fn resolve(text: &str, context: Context) -> Cow<'_, str> {
    let mut out = String::new();
    let mut done = 0;
    for at in memchr::memchr_iter(b'&', text.as_bytes()) {
        if at < done {
            continue;
        }
        let rest = text.get(at + 1..).unwrap_or_default();
        let found = if rest.starts_with('#') {
            numeric(rest.get(1..).unwrap_or_default())
                .map(|(c, used)| (Expansion::Char(c), used + 1))
        } else {
            named(rest, context).map(|(value, used)| (Expansion::Str(value), used))
        };
        if let Some((expansion, used)) = found {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(text.get(done..at).unwrap_or_default());
            match expansion {
                Expansion::Char(c) => out.push(c),
                Expansion::Str(s) => out.push_str(s),
            }
            done = at + 1 + used;
        }
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(done..).unwrap_or_default());
    Cow::Owned(out)
}

enum Expansion {
    Char(char),
    Str(&'static str),
}

/// A numeric reference after its `&#`: the character and how many bytes it
/// took (its `;` included when present); `None` without digits.
fn numeric(rest: &str) -> Option<(char, usize)> {
    let bytes = rest.as_bytes();
    let (radix, start) = match bytes.first() {
        Some(b'x' | b'X') => (16, 1),
        Some(_) => (10, 0),
        None => return None,
    };
    let digits = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| char::from(**b).is_digit(radix))
        .count();
    let mut end = start + digits;
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    if digits == 0 {
        return None;
    }
    // (Too large for a u32: a replacement character, as for any number
    // past U+10FFFF.)
    let number = rest
        .get(start..start + digits)
        .and_then(|d| u32::from_str_radix(d, radix).ok())
        .unwrap_or(u32::MAX);
    Some((numeric_char(number), end))
}

/// What a numeric reference stands for: the C1 range read as windows-1252
/// where that has a character, NUL, surrogates and numbers past Unicode as
/// U+FFFD.
fn numeric_char(number: u32) -> char {
    const WINDOWS_1252: [(u32, char); 27] = [
        (0x80, '\u{20AC}'),
        (0x82, '\u{201A}'),
        (0x83, '\u{0192}'),
        (0x84, '\u{201E}'),
        (0x85, '\u{2026}'),
        (0x86, '\u{2020}'),
        (0x87, '\u{2021}'),
        (0x88, '\u{02C6}'),
        (0x89, '\u{2030}'),
        (0x8A, '\u{0160}'),
        (0x8B, '\u{2039}'),
        (0x8C, '\u{0152}'),
        (0x8E, '\u{017D}'),
        (0x91, '\u{2018}'),
        (0x92, '\u{2019}'),
        (0x93, '\u{201C}'),
        (0x94, '\u{201D}'),
        (0x95, '\u{2022}'),
        (0x96, '\u{2013}'),
        (0x97, '\u{2014}'),
        (0x98, '\u{02DC}'),
        (0x99, '\u{2122}'),
        (0x9A, '\u{0161}'),
        (0x9B, '\u{203A}'),
        (0x9C, '\u{0153}'),
        (0x9E, '\u{017E}'),
        (0x9F, '\u{0178}'),
    ];
    if number == 0 {
        return char::REPLACEMENT_CHARACTER;
    }
    if let Some(&(_, c)) = WINDOWS_1252.iter().find(|&&(n, _)| n == number) {
        return c;
    }
    char::from_u32(number).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A named reference after its `&`: the expansion and how many bytes it
/// took. The name is the longest run of letters and digits a reference can
/// have, with its `;`; in text a legacy reference may be a prefix of it
/// (`&notit` is `¬it`), in an attribute the whole run must be one.
fn named(rest: &str, context: Context) -> Option<(&'static str, usize)> {
    let index = index();
    let bytes = rest.as_bytes();
    let run = bytes
        .iter()
        .take(index.longest)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let semicolon = bytes.get(run) == Some(&b';');
    if context == Context::Attribute && !semicolon && bytes.get(run) == Some(&b'=') {
        return None;
    }
    let candidate = rest.get(..run + usize::from(semicolon))?;
    if candidate.len() < index.shortest {
        return None;
    }
    if context == Context::Attribute {
        return index.get(candidate).map(|v| (v, candidate.len()));
    }
    if semicolon {
        if let Some(value) = index.get(candidate) {
            return Some((value, candidate.len()));
        }
    }
    // (Legacy references, without `;`: the shortest that opens the run, as
    // no legacy name is a prefix of another.)
    (index.shortest..=candidate.len().min(index.longest_bare)).find_map(|n| {
        let name = candidate.get(..n)?;
        index.get(name).map(|v| (v, n))
    })
}

/// The records of [`TABLE`], for binary search.
struct Index {
    /// (name, expansion), sorted by name.
    entries: Vec<(&'static str, &'static str)>,
    shortest: usize,
    longest: usize,
    /// The longest name without `;`.
    longest_bare: usize,
}

impl Index {
    fn get(&self, name: &str) -> Option<&'static str> {
        self.entries
            .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|&(_, value)| value)
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut entries = Vec::new();
        let mut rest = TABLE;
        // (A record cut short ends the table: it is generated, never is.)
        while let Some((name, after)) = record(rest) {
            let Some((value, after)) = record(after) else {
                break;
            };
            entries.push((name, value));
            rest = after;
        }
        let lengths = || entries.iter().map(|(n, _)| n.len());
        Index {
            shortest: lengths().min().unwrap_or(0),
            longest: lengths().max().unwrap_or(0),
            longest_bare: entries
                .iter()
                .filter(|(n, _)| !n.ends_with(';'))
                .map(|(n, _)| n.len())
                .max()
                .unwrap_or(0),
            entries,
        }
    })
}

/// One length-prefixed string of the table and what follows it.
fn record(bytes: &'static [u8]) -> Option<(&'static str, &'static [u8])> {
    let (&length, rest) = bytes.split_first()?;
    let (text, rest) = rest.split_at_checked(usize::from(length))?;
    Some((std::str::from_utf8(text).ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oracle(text: &str, context: Context) -> String {
        let context = match context {
            Context::General => htmlize::Context::General,
            Context::Attribute => htmlize::Context::Attribute,
        };
        htmlize::unescape_in(text, context).into_owned()
    }

    #[test]
    fn the_table_is_whole() {
        let index = index();
        assert_eq!(index.entries.len(), 2231);
        assert!(index.entries.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(index.get("amp;"), Some("&"));
        assert_eq!(index.get("nbsp"), Some("\u{a0}"));
        assert_eq!(
            index.get("NotNestedGreaterGreater;"),
            Some("\u{2aa2}\u{338}")
        );
    }

    #[test]
    fn every_reference_resolves_as_the_oracle_does() {
        for &(name, _) in &index().entries {
            for context in [Context::General, Context::Attribute] {
                for after in ["", " x", "=1", "x", "1", ";", "&amp;"] {
                    let text = format!("a&{name}{after}");
                    assert_eq!(resolve(&text, context), oracle(&text, context), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn numeric_references_resolve_as_the_oracle_does() {
        let cases = [
            "&#0;",
            "&#65;",
            "&#x41;",
            "&#X41",
            "&#65",
            "&#128;",
            "&#x81;",
            "&#x9f;",
            "&#xD800;",
            "&#x10FFFF;",
            "&#x110000;",
            "&#99999999999999;",
            "&#xFFFFFFFFF;",
            "&#;",
            "&#x;",
            "&#",
            "&#x",
            "&#a",
            "&#12a;",
            "&#x1g;",
            "&#8217;s",
            "&#xFFFE;",
            "&#13;",
        ];
        for case in cases {
            for context in [Context::General, Context::Attribute] {
                let text = format!("<{case}>");
                assert_eq!(resolve(&text, context), oracle(&text, context), "{text:?}");
            }
        }
    }

    #[test]
    fn random_text_resolves_as_the_oracle_does() {
        let parts = [
            "&",
            "#",
            "x",
            "amp",
            "amp;",
            "lt",
            "not",
            "notin;",
            "copy",
            "=",
            ";",
            "1",
            "9",
            "a",
            "Z",
            " ",
            "é",
            "中",
            "&&",
            "nbsp",
            "times",
            "timesbar;",
            "ThickSpace;",
            "fjlig;",
            "\n",
        ];
        // (A fixed linear congruential sequence: the same cases every run.)
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..8 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(state >> 33) as usize % parts.len()]);
            }
            for context in [Context::General, Context::Attribute] {
                assert_eq!(resolve(&text, context), oracle(&text, context), "{text:?}");
            }
        }
    }

    #[test]
    fn text_without_references_is_borrowed() {
        assert!(matches!(
            resolve("a & b", Context::General),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            resolve("plain", Context::Attribute),
            Cow::Borrowed(_)
        ));
        assert_eq!(resolve("&lt;p&gt;", Context::General), "<p>");
        assert_eq!(resolve("?a=1&copy=2", Context::Attribute), "?a=1&copy=2");
        assert_eq!(resolve("?a=1&copy=2", Context::General), "?a=1©=2");
    }
}
