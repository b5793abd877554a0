//! The wasm exports, called as JS calls them, in headless Chromium
//! (`scripts/test` runs them with wasm-bindgen-test-runner and ChromeDriver).
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, Uint8Array};
use newsdecode::wasm::{extract, load_tables, render, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// Asserts that `result` is a thrown JS `Error` with `code`.
fn assert_error(result: Result<JsValue, JsValue>, code: &str) {
    let error = result.expect_err("expected an error");
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    assert_eq!(get(&error, "code").as_string().as_deref(), Some(code));
    let message = error.unchecked_ref::<js_sys::Error>().message();
    assert!(!String::from(message).is_empty());
}

/// A call that must still work after an error.
fn assert_still_works() {
    let article = extract("still working".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&article, "text").as_string().as_deref(),
        Some("still working")
    );
}

#[wasm_bindgen_test]
fn extracts_a_pasted_string() {
    let article = extract("第一段。\n\n第二段。".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&article, "schema").as_f64(), Some(1.0));
    assert_eq!(
        get(&article, "text").as_string().as_deref(),
        Some("第一段。\n\n第二段。")
    );
    assert_eq!(
        get(&article, "decode.source").as_string().as_deref(),
        Some("text")
    );
    assert_eq!(
        get(&article, "input.kind").as_string().as_deref(),
        Some("text")
    );
    // Fields no stage fills are null, not undefined or invented.
    assert!(get(&article, "title").is_null());
    assert!(js_sys::Array::is_array(&get(&article, "blocks")));
}

#[wasm_bindgen_test]
fn decodes_gbk_bytes_from_a_meta_label() {
    let html = "<html><head><meta charset=gb2312></head><body><p>武侯区产业园区高质量发展大会召开</p></body></html>";
    let (encoded, _, _) = encoding_rs::GBK.encode(html);
    let article = extract(bytes(&encoded), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&article, "decode.encoding").as_string().as_deref(),
        Some("GBK")
    );
    assert_eq!(
        get(&article, "decode.source").as_string().as_deref(),
        Some("meta")
    );
    assert_eq!(
        get(&article, "text").as_string().as_deref(),
        Some("武侯区产业园区高质量发展大会召开")
    );
    assert_eq!(
        get(&article, "input.kind").as_string().as_deref(),
        Some("html")
    );
}

/// Loads the Chinese tables (the browser core has none compiled in;
/// tests/wasm_tables.rs checks the path without them, in an instance of its own).
fn with_tables() {
    let packed = include_bytes!(concat!(env!("OUT_DIR"), "/newsdecode_tables.bin"));
    load_tables(bytes(packed)).unwrap();
}

#[wasm_bindgen_test]
fn accepts_an_array_buffer_and_a_user_encoding() {
    with_tables();
    let (encoded, _, _) = encoding_rs::BIG5.encode("臺灣新聞報導");
    let buffer = Uint8Array::from(&encoded[..]).buffer();
    let article = extract(buffer.into(), options(r#"{"encoding":"big5"}"#)).unwrap();
    assert_eq!(
        get(&article, "decode.encoding").as_string().as_deref(),
        Some("Big5")
    );
    assert_eq!(
        get(&article, "decode.source").as_string().as_deref(),
        Some("user")
    );
    assert_eq!(
        get(&article, "text").as_string().as_deref(),
        Some("臺灣新聞報導")
    );
}

#[wasm_bindgen_test]
fn every_error_is_a_coded_error_and_the_module_survives() {
    assert_error(extract(bytes(b""), JsValue::UNDEFINED), "empty_input");
    assert_still_works();
    assert_error(extract("   \n ".into(), JsValue::UNDEFINED), "empty_input");
    assert_still_works();
    assert_error(
        extract(bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), JsValue::UNDEFINED),
        "binary_input",
    );
    assert_still_works();
    assert_error(
        extract(bytes(b"<p>x</p>"), options(r#"{"encoding":"klingon"}"#)),
        "unknown_encoding",
    );
    assert_still_works();
    assert_error(
        extract(bytes(b"0123456789abcdef"), options(r#"{"maxBytes":8}"#)),
        "too_large",
    );
    assert_still_works();
    // Strings and ArrayBuffers are measured before they are copied in.
    assert_error(
        extract(
            JsValue::from_str("0123456789abcdef"),
            options(r#"{"maxBytes":8}"#),
        ),
        "too_large",
    );
    assert_error(
        extract(
            js_sys::Uint8Array::from(&b"0123456789abcdef"[..])
                .buffer()
                .into(),
            options(r#"{"maxBytes":8}"#),
        ),
        "too_large",
    );
    assert_still_works();
    assert_error(
        extract(JsValue::from_f64(42.0), JsValue::UNDEFINED),
        "invalid_input",
    );
    assert_still_works();
    assert_error(
        extract("x".into(), options(r#"{"script":"cyrillic"}"#)),
        "invalid_option",
    );
    assert_still_works();
    let article = extract("text".into(), JsValue::UNDEFINED).unwrap();
    assert_error(render(article, "pdf").map(JsValue::from), "unknown_format");
    assert_error(
        render(JsValue::from_f64(1.0), "json").map(JsValue::from),
        "invalid_article",
    );
    assert_still_works();
}

#[wasm_bindgen_test]
fn renders_every_format() {
    let article = extract("<p>a &lt;b&gt; c</p>".into(), JsValue::UNDEFINED).unwrap();
    let markdown = render(article.clone(), "markdown").unwrap();
    assert_eq!(markdown, "a \\<b\\> c\n");
    let html = render(article.clone(), "html").unwrap();
    assert!(html.contains("<p>a &lt;b&gt; c</p>"));
    let json = render(article.clone(), "json").unwrap();
    assert!(json.contains("\"schema\": 1"));
    assert_eq!(render(article, "text").unwrap(), "a <b> c\n");
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn the_seed_comes_out_structured_in_wasm_too() {
    with_tables();
    let seed = include_str!("pages/seed-chinanews-sichuan-wuhou/input.txt");
    let article = extract(seed.into(), JsValue::UNDEFINED).unwrap();
    let s = |path: &str| get(&article, path).as_string();
    assert_eq!(
        s("title").as_deref(),
        Some("武侯区产业园区高质量发展大会召开")
    );
    assert_eq!(s("published").as_deref(), Some("2024-11-16T14:11:00+08:00"));
    assert_eq!(s("source").as_deref(), Some("中新网四川"));
    assert_eq!(s("site_name").as_deref(), Some("中新社四川分社"));
    assert_eq!(s("dateline").as_deref(), Some("中新网四川新闻11月16日电"));
    assert_eq!(s("language").as_deref(), Some("zh-Hans"));
    assert_eq!(s("end_mark").as_deref(), Some("（完）"));
    assert_eq!(s("editors.0").as_deref(), Some("曹惠君"));
    assert_eq!(s("blocks.1.credit").as_deref(), Some("武侯区委宣传部供图"));
    assert_eq!(
        get(&article, "decode.repairs.0.count").as_f64(),
        Some(253.0)
    );
    assert_eq!(s("decode.warnings.0.kind").as_deref(), Some("garbled_text"));
    assert!(s("text").is_some_and(|t| t.starts_with("中新网四川新闻11月16日电 武侯区")));
}

mod common;

/// The native bad-input table (`tests/common/bad_inputs.rs`), case by case
/// through the JS API, each followed by a good call: a panic in wasm would
/// leave the instance dead and the good call would fail.
#[wasm_bindgen_test]
fn every_bad_input_then_a_good_one() {
    use common::bad_inputs::{cases, truncation_sources, truncations, Expect};
    for case in cases() {
        let opts = match case.label {
            Some(label) => options(&format!(r#"{{"encoding":"{label}"}}"#)),
            None => JsValue::UNDEFINED,
        };
        let result = extract(bytes(&case.bytes), opts);
        match case.expect {
            Expect::Error(code) => assert_error(result, code),
            Expect::Article(_) | Expect::Repaired(_) | Expect::NoText => {
                let article = result.unwrap_or_else(|e| panic!("{}: {e:?}", case.name));
                for format in ["json", "markdown", "text", "html"] {
                    render(article.clone(), format).unwrap();
                }
            }
        }
        assert_still_works();
    }
    for (text, encoding) in truncation_sources() {
        for cut in truncations(text, encoding) {
            let _ = extract(bytes(&cut), JsValue::UNDEFINED);
        }
    }
    assert_still_works();
}

#[wasm_bindgen_test]
fn hundred_thousand_nested_divs_and_bs_in_wasm() {
    let html = format!(
        "<body>{}deep div text{}<p>{}deep bold text{}</p></body>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000),
        "<b>".repeat(100_000),
        "</b>".repeat(100_000)
    );
    let article = extract(html.into(), JsValue::UNDEFINED).unwrap();
    let text = get(&article, "text").as_string().unwrap_or_default();
    assert!(
        text.contains("deep div text") && text.contains("deep bold text"),
        "{text}"
    );
    assert_eq!(
        get(&article, "decode.warnings.0.kind")
            .as_string()
            .as_deref(),
        Some("limit_reached")
    );
    assert_still_works();
}
