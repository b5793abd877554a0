//! Every input in `tests/fixtures/fuzz/` through what the fuzz targets do
//! (`fuzz/fuzz_targets/`): decode with each label, extract from bytes and
//! from text with each script, render every format, and render the article
//! back from its JSON. A crash the fuzzer finds is copied there (named after
//! what it broke) and stays fixed. Nothing here may panic.

use newsdecode::decode::decode_bytes;
use newsdecode::{extract, render, Article, Format, Input, Options, Script};

const LABELS: &[Option<&str>] = &[
    None,
    Some("utf-8"),
    Some("utf-16le"),
    Some("gbk"),
    Some("big5"),
    Some("shift_jis"),
    Some("iso-2022-jp"),
    Some("x-user-defined"),
];

fn render_all(article: &Article) {
    for format in [Format::Json, Format::Markdown, Format::Text, Format::Html] {
        let _ = render(article, format);
    }
    let json = render(article, Format::Json);
    let back: Article = serde_json::from_str(&json).expect("an article's JSON reads back");
    assert_eq!(
        render(&back, Format::Markdown),
        render(article, Format::Markdown)
    );
}

#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        seen += 1;
        for label in LABELS {
            let _ = decode_bytes(&bytes, *label, newsdecode::DEFAULT_MAX_BYTES);
            let options = Options {
                encoding: label.map(str::to_string),
                ..Options::default()
            };
            if let Ok(article) = extract(Input::Bytes(&bytes), &options) {
                render_all(&article);
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        for script in [Script::Auto, Script::Keep, Script::Hans, Script::Hant] {
            let options = Options {
                script,
                ..Options::default()
            };
            if let Ok(article) = extract(Input::Text(&text), &options) {
                render_all(&article);
            }
        }
    }
    assert!(seen >= 5, "the regression inputs are missing from {dir}");
}
