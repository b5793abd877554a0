//! Stage 2, parse: decoded text to an arena DOM (for HTML) and the sniff that
//! decides whether the input is HTML at all.
//!
//! The parser is our own tokenizer and tree builder, chosen over html5ever,
//! `tl` and `lol_html` for size and speed; the measurements are in
//! `docs/ARCHITECTURE.md`.

mod builder;
pub mod elements;
mod entities;
mod foreign;
pub mod limits;
mod rules;
mod tables;
pub mod tokenizer;
pub mod tree;

use crate::article::InputKind;

/// Tags whose presence marks a paste or file as markup rather than prose.
const MARKUP_TAGS: &[&str] = &[
    "<html", "<head", "<body", "<div", "<p>", "<p ", "<span", "<meta", "<br", "<a ", "<table",
    "<article", "<section", "<h1", "<h2", "<li", "<img", "<script", "<style", "</",
];

/// Decides whether decoded input is HTML or plain text.
///
/// HTML when it starts with a tag, comment or doctype, or when it contains at
/// least three recognisable tags in its first 64 KiB (a fragment copied with
/// leading text); plain text otherwise, so `a < b` stays prose.
pub fn sniff_kind(text: &str) -> InputKind {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let mut chars = start.chars();
    if chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
    {
        return InputKind::Html;
    }
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or_default().to_ascii_lowercase();
    let tags: usize = MARKUP_TAGS.iter().map(|t| head.matches(t).count()).sum();
    if tags >= 3 {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_markup_and_prose() {
        assert_eq!(sniff_kind("  <!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(
            sniff_kind("<meta charset='utf-8'><p>x</p>"),
            InputKind::Html
        );
        assert_eq!(sniff_kind("Copied: <p>a</p><p>b</p>"), InputKind::Html);
        assert_eq!(sniff_kind("if a < b then c > d"), InputKind::Text);
        assert_eq!(
            sniff_kind("首頁(yè) > cdxw > 中新網(wǎng)四川"),
            InputKind::Text
        );
    }
}
