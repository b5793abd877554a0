//! The browser core without the Chinese tables, then with them loaded
//! (`loadTables`), in a wasm instance of its own: once loaded they stay, so
//! the steps run in order in one test.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, Uint8Array};
use newsdecode::wasm::{extract, load_tables, tables_loaded};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

fn code(error: JsValue) -> Option<String> {
    get(&error, "code").as_string()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

const TRADITIONAL: &str = "<html><head><title>臺灣新聞</title></head><body><article><h1>臺灣新聞</h1>\
    <p>臺灣各地今日天氣晴朗，氣象局表示，週末將有鋒面通過，北部與東北部轉為有雨。</p></article></body></html>";
const SIMPLIFIED: &str = "<html><head><title>园区发展</title></head><body><article><h1>园区发展</h1>\
    <p>二〇二四年，园区发展大会在北京召开，来自各地的代表出席了会议并发言。</p></article></body></html>";
const ENGLISH: &str = "<html><head><title>News</title></head><body><article><h1>News</h1>\
    <p>A short paragraph of text, long enough to count as one paragraph of an article.</p></article></body></html>";

#[wasm_bindgen_test]
fn pages_that_need_the_tables_ask_for_them_and_the_rest_do_not() {
    assert!(!tables_loaded());
    // Without the tables: English and Simplified pages are extracted as
    // ever; a Traditional page, or a conversion, asks for the tables.
    for page in [ENGLISH, SIMPLIFIED] {
        let article = extract(page.into(), JsValue::UNDEFINED).unwrap();
        assert!(get(&article, "decode.tables_used").is_undefined());
    }
    let needed = extract(TRADITIONAL.into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code(needed).as_deref(), Some("tables_needed"));
    let needed = extract(SIMPLIFIED.into(), options(r#"{"script":"hant"}"#)).unwrap_err();
    assert_eq!(code(needed).as_deref(), Some("tables_needed"));

    // A file that is not the tables is refused with a typed error.
    let bad = load_tables(Uint8Array::from(&b"not the tables"[..]).into()).unwrap_err();
    assert_eq!(code(bad).as_deref(), Some("invalid_tables"));
    assert!(!tables_loaded());

    let packed = include_bytes!(concat!(env!("OUT_DIR"), "/newsdecode_tables.bin"));
    load_tables(Uint8Array::from(&packed[..]).into()).unwrap();
    assert!(tables_loaded());
    let article = extract(TRADITIONAL.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&article, "language").as_string().as_deref(),
        Some("zh-Hant")
    );
    assert_eq!(get(&article, "decode.tables_used").as_bool(), Some(true));
    let article = extract(SIMPLIFIED.into(), options(r#"{"script":"hant"}"#)).unwrap();
    assert_eq!(
        get(&article, "title").as_string().as_deref(),
        Some("園區發展")
    );
}
