//! Peak memory of a huge input, counted by a global allocator: the pipeline
//! may hold only a few copies of the text at once. Before 2026-11-26 a line
//! peaked at 13.8 × its size (each repair step's input, the decoded text and
//! the DOM lived on; the body text was built twice from clones; the
//! punctuation step held the line as `Vec<char>` twice). Allocation
//! counts are deterministic, so this is a bound, not a timing. Counted by
//! `peak_alloc` (the crate forbids unsafe code, tests included).

#![cfg(not(target_arch = "wasm32"))]

use std::sync::Mutex;

use newsdecode::{extract, Input, Options};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The tests share the counters: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

/// Peak bytes allocated while extracting `input`, beyond what was live before.
fn peak_of(input: &str) -> usize {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let article = extract(Input::Text(input), &Options::default()).expect("extracts");
    let peak = ALLOCATOR.peak_usage() - before;
    assert!(article.text.len() > input.len() / 2);
    drop(article);
    peak
}

/// A 1 MB line of Chinese and Latin text, as HTML and as plain text: the
/// peak stays under 5 × the input (the article itself holds the text twice,
/// as `text` and as body blocks): 4.2 × now, 13.8 × before.
#[test]
fn a_huge_line_peaks_at_a_few_copies() {
    let line = "新闻 word, 文字。".repeat(1024 * 1024 / 22);
    for input in [format!("<p>{line}</p>"), line.clone()] {
        let peak = peak_of(&input);
        let ratio = peak as f64 / input.len() as f64;
        println!(
            "{} bytes: peak {peak} bytes, {ratio:.2} × the input",
            input.len()
        );
        assert!(ratio < 5.0, "peak {ratio:.2} × the input");
    }
}
