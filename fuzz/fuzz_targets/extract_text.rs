//! The whole pipeline from text (a paste), each script option, then every
//! renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsdecode::{extract, Input, Options, Script};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let script = match data.first().map(|b| b % 4) {
        Some(1) => Script::Keep,
        Some(2) => Script::Hans,
        Some(3) => Script::Hant,
        _ => Script::Auto,
    };
    let options = Options {
        script,
        ..Options::default()
    };
    if let Ok(article) = extract(Input::Text(&text), &options) {
        common::render_all(&article);
    }
});
