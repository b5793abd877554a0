//! Bad input and bounds (issue 7, `docs/RELIABILITY.md`): every case of the
//! bad-input table gives its typed error or an article, never a panic; every
//! renderer takes every article; deep nesting and huge tags stay bounded
//! without recursion. The heavy bounds (50 MB line, node limit, linear time)
//! are in `tests/bounds.rs`, built optimised.

mod common;

use common::bad_inputs::{cases, truncation_sources, truncations, Expect};
use newsdecode::article::{Warning, WarningKind};
use newsdecode::{extract, render, Article, Format, Input, Options};

fn options(label: Option<&str>) -> Options {
    Options {
        encoding: label.map(str::to_string),
        ..Options::default()
    }
}

fn has_warning(article: &Article, kind: &str) -> bool {
    article.decode.warnings.iter().any(|w| {
        serde_json::to_value(w.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .as_deref()
            == Some(kind)
    })
}

/// The article's `limit_reached` warning (it must have one).
fn limit_warning(article: &Article) -> &Warning {
    let limit = |w: &&Warning| w.kind == WarningKind::LimitReached;
    article
        .decode
        .warnings
        .iter()
        .find(limit)
        .expect("a limit_reached warning")
}

fn render_all(article: &Article) {
    for format in [Format::Json, Format::Markdown, Format::Text, Format::Html] {
        assert!(!render(article, format).is_empty() || article.text.is_empty());
    }
}

#[test]
fn every_bad_input_gets_its_error_or_an_article() {
    for case in cases() {
        let result = extract(Input::Bytes(&case.bytes), &options(case.label));
        match (case.expect, result) {
            (Expect::Error(code), Err(e)) => assert_eq!(e.code(), code, "{}: {e}", case.name),
            (Expect::Article(warning), Ok(article)) => {
                assert!(!article.text.is_empty(), "{}: empty text", case.name);
                if let Some(kind) = warning {
                    assert!(
                        has_warning(&article, kind),
                        "{}: no {kind} in {:?}",
                        case.name,
                        article.decode.warnings
                    );
                }
                render_all(&article);
            }
            (Expect::Repaired(kind), Ok(article)) => {
                assert!(
                    article
                        .decode
                        .repairs
                        .iter()
                        .any(|r| serde_json::to_value(r.kind).unwrap() == *kind),
                    "{}: {:?}",
                    case.name,
                    article.decode.repairs
                );
                assert!(!article.text.contains('\0'), "{}", case.name);
                render_all(&article);
            }
            (Expect::NoText, Ok(article)) => {
                assert!(
                    article.text.is_empty() && article.blocks.is_empty(),
                    "{}",
                    case.name
                );
                render_all(&article);
            }
            (expect, got) => panic!(
                "{}: expected {expect:?}, got {:?}",
                case.name,
                got.map(|a| a.text)
            ),
        }
    }
}

#[test]
fn specific_bad_inputs_keep_their_text() {
    let by_name = |name: &str| cases().into_iter().find(|c| c.name == name).expect(name);
    // The BOM wins over the meta that contradicts it.
    let bom = by_name("BOM that contradicts the meta");
    let article = extract(Input::Bytes(&bom.bytes), &Options::default()).unwrap();
    assert_eq!(article.decode.encoding, "UTF-8");
    assert!(article.text.starts_with("武侯区产业园区"));
    // A label that is no label is ignored; detection finds GBK.
    let label = by_name("charset label that is not a label");
    let article = extract(Input::Bytes(&label.bytes), &Options::default()).unwrap();
    assert_eq!(article.decode.encoding, "GBK");
    assert!(article.text.starts_with("武侯区产业园区"));
    // UTF-8 with broken bytes stays UTF-8: both sentences survive.
    let broken = by_name("invalid UTF-8 inside UTF-8");
    let article = extract(Input::Bytes(&broken.bytes), &Options::default()).unwrap();
    assert_eq!(article.decode.encoding, "UTF-8");
    assert_eq!(
        article.text.matches("武侯区产业园区").count(),
        2,
        "{}",
        article.text
    );
    // The lone surrogate is one U+FFFD between the kept characters.
    let lone = by_name("lone high surrogate in UTF-16");
    let article = extract(Input::Bytes(&lone.bytes), &Options::default()).unwrap();
    assert!(
        article.text.contains("新闻") && article.text.contains("正文内容"),
        "{}",
        article.text
    );
}

#[test]
fn truncated_multibyte_text_at_every_position_never_panics() {
    for (text, encoding) in truncation_sources() {
        for bytes in truncations(text, encoding) {
            for label in [None, Some(encoding.name())] {
                match extract(Input::Bytes(&bytes), &options(label)) {
                    Ok(article) => {
                        // A cut character is shown, and said, never dropped silently.
                        if article.text.contains('\u{FFFD}') {
                            assert!(!article.decode.warnings.is_empty(), "{bytes:?} {label:?}");
                        }
                        render_all(&article);
                    }
                    Err(e) => assert_eq!(e.code(), "empty_input", "{bytes:?}: {e}"),
                }
            }
        }
        // The whole text, labelled, comes back unchanged.
        let whole = encoding.encode(text).0.into_owned();
        let article = extract(Input::Bytes(&whole), &options(Some(encoding.name()))).unwrap();
        assert_eq!(article.text, text, "{}", encoding.name());
    }
}

/// Runs `f` on a thread with a small stack: recursion over the tree would
/// overflow it long before 100 000 levels.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn hundred_thousand_nested_divs_and_bs_finish_without_recursion() {
    let article = on_small_stack(|| {
        let mut html = String::from("<html><body>");
        html.push_str(&"<div>".repeat(100_000));
        html.push_str("deep text in divs");
        html.push_str(&"</div>".repeat(100_000));
        html.push_str("<p>");
        html.push_str(&"<b>".repeat(100_000));
        html.push_str("deep text in bold");
        html.push_str(&"</b>".repeat(100_000));
        html.push_str("</p></body></html>");
        extract(Input::Text(&html), &Options::default()).unwrap()
    });
    assert!(
        article.text.contains("deep text in divs"),
        "{}",
        article.text
    );
    assert!(
        article.text.contains("deep text in bold"),
        "{}",
        article.text
    );
    assert!(has_warning(&article, "limit_reached"));
    let warning = limit_warning(&article);
    assert!(
        warning.message.contains("nested deeper than 256"),
        "{}",
        warning.message
    );
    on_small_stack(move || render_all(&article));
}

#[test]
fn a_tag_with_100_000_attributes_keeps_64_and_says_so() {
    let mut html = String::from("<div class=story ");
    for i in 0..100_000 {
        html.push_str(&format!("data-a{i}=\"v\" "));
    }
    html.push_str(">An article paragraph that stays.</div>");
    let article = extract(Input::Text(&html), &Options::default()).unwrap();
    assert_eq!(article.text, "An article paragraph that stays.");
    let warning = limit_warning(&article);
    assert!(
        warning.message.contains("99937 attributes past 64"),
        "{}",
        warning.message
    );
}

#[test]
fn an_attribute_of_8_mb_is_read_without_trouble() {
    let html = format!(
        "<article><p title=\"{}\">The paragraph after a huge attribute.</p></article>",
        "x".repeat(8 * 1024 * 1024)
    );
    let article = extract(Input::Text(&html), &Options::default()).unwrap();
    assert_eq!(article.text, "The paragraph after a huge attribute.");
}

#[test]
fn input_over_the_size_limit_is_refused_before_any_work() {
    let options = Options {
        max_bytes: 1024,
        ..Options::default()
    };
    let big = "x".repeat(1025);
    let error = extract(Input::Text(&big), &options).unwrap_err();
    assert_eq!(error.code(), "too_large");
    assert_eq!(newsdecode::DEFAULT_MAX_BYTES, 64 * 1024 * 1024);
}
