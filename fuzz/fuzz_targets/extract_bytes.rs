//! The whole pipeline from bytes (label chosen by the first byte), then
//! every renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsdecode::{extract, Input, Options};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (label, rest) = common::label_and_rest(data);
    let options = Options {
        encoding: label.map(str::to_string),
        ..Options::default()
    };
    if let Ok(article) = extract(Input::Bytes(rest), &options) {
        common::render_all(&article);
    }
});
