//! The library in-process over the benchmark pages, doing what the Python
//! wheel's `extract_json` does (extract, then the article as compact JSON):
//! the baseline the wheel's overhead is measured against
//! (`benches/python_bench.py`, run by `./scripts/bench`). Prints one JSON
//! line: pages, rounds, the best round's pages/s.
//!
//! `cargo bench --bench inprocess -- ROUNDS`

mod common;

// The wheel's allocator: the baseline runs the library as the wheel does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsdecode::{extract, Input, Options};
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    let pages = common::pages(&common::dataset_dir());
    if pages.is_empty() {
        eprintln!(
            "inprocess: no pages under {}",
            common::dataset_dir().display()
        );
        std::process::exit(2);
    }
    let options = Options::default();
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let start = Instant::now();
        for (_, bytes) in &pages {
            if let Ok(article) = extract(Input::Bytes(bytes), &options) {
                std::hint::black_box(newsdecode::render::to_json(&article, false));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{{\"pages\": {}, \"rounds\": {rounds}, \"pages_per_s\": {:.1}}}",
        pages.len(),
        pages.len() as f64 / best
    );
}
