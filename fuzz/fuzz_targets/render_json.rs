//! Rendering any article a caller can hand to `render` (the wasm API takes
//! an article object back from JS): JSON that parses as an Article, then
//! every format.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = serde_json::from_slice::<newsdecode::Article>(data) {
        common::render_all(&article);
    }
});
