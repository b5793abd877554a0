//! Decoding from bytes, with and without a label: a typed error or text.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (label, rest) = common::label_and_rest(data);
    let _ = newsdecode::decode::decode_bytes(rest, label, newsdecode::DEFAULT_MAX_BYTES);
    let _ = newsdecode::decode::decode_bytes(data, None, newsdecode::DEFAULT_MAX_BYTES);
});
