#![allow(dead_code)] // each target uses part of it
                     // Shared by the fuzz targets: the labels a first byte picks, and a check
                     // that every renderer takes an article.
use newsdecode::{render, Article, Format};

/// Encoding labels a fuzz input can ask for with its first byte (and none).
pub const LABELS: &[&str] = &[
    "utf-8",
    "utf-16le",
    "utf-16be",
    "gbk",
    "gb18030",
    "big5",
    "shift_jis",
    "euc-jp",
    "iso-2022-jp",
    "euc-kr",
    "windows-1252",
    "koi8-r",
    "x-user-defined",
    "not-a-label",
];

/// Splits off the first byte as a label choice: `(label or None, rest)`.
pub fn label_and_rest(data: &[u8]) -> (Option<&'static str>, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (LABELS.get(usize::from(first)).copied(), rest),
        None => (None, data),
    }
}

/// Renders the article in every format; none may panic.
pub fn render_all(article: &Article) {
    for format in [Format::Json, Format::Markdown, Format::Text, Format::Html] {
        let out = render(article, format);
        if format == Format::Html {
            // The html renderer never passes markup through: every `<` it
            // writes starts one of its own tags.
            assert!(!out.contains("<script"), "script tag in html output");
        }
    }
}
