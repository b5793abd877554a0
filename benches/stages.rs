//! Throughput of each stage over the benchmark's 181 pages, for
//! `scripts/bench`: decode alone (bytes → text), parse alone (text → DOM),
//! and the whole pipeline (bytes → Article). Prints one JSON object.
//! `cargo bench --bench stages [-- ROUNDS]` (default 5; the median round counts).
//! `scripts/instructions` runs it under callgrind for stable counts.

#![allow(missing_docs)]

mod common;

use newsdecode::{decode, extract, internals::Document, Input, Options, DEFAULT_MAX_BYTES};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    // `load` / `extract`: only load the pages / load and extract once, for
    // instruction counts under `valgrind --tool=callgrind` (the difference
    // of the two runs is the pipeline's).
    let only = std::env::args()
        .skip(1)
        .find(|a| a == "load" || a == "extract");
    let pages = common::pages(&common::dataset_dir());
    if pages.is_empty() {
        eprintln!("stages: no pages in {}", common::dataset_dir().display());
        std::process::exit(2);
    }
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    match only.as_deref() {
        Some("load") => return,
        Some(_) => {
            for (_, b) in &pages {
                let _ = black_box(extract(Input::Bytes(black_box(b)), &Options::default()));
            }
            return;
        }
        None => {}
    }
    let texts: Vec<String> = pages
        .iter()
        .map(|(_, b)| {
            decode::decode_bytes(b, None, DEFAULT_MAX_BYTES)
                .map(|d| d.text)
                .unwrap_or_default()
        })
        .collect();
    let options = Options::default();
    let (mut decode_t, mut parse_t, mut extract_t) = (Vec::new(), Vec::new(), Vec::new());
    let mut per_page = vec![Vec::new(); pages.len()];
    for _ in 0..rounds {
        let start = Instant::now();
        for (_, b) in &pages {
            let _ = black_box(decode::decode_bytes(black_box(b), None, DEFAULT_MAX_BYTES));
        }
        decode_t.push(start.elapsed());
        let start = Instant::now();
        for text in &texts {
            black_box(Document::parse(black_box(text)));
        }
        parse_t.push(start.elapsed());
        let start = Instant::now();
        for (i, (_, b)) in pages.iter().enumerate() {
            let page = Instant::now();
            let _ = black_box(extract(Input::Bytes(black_box(b)), &options));
            per_page[i].push(page.elapsed());
        }
        extract_t.push(start.elapsed());
    }
    let mb_s = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let mut page_ms: Vec<f64> = per_page
        .into_iter()
        .map(|v| median(v).as_secs_f64() * 1e3)
        .collect();
    page_ms.sort_by(f64::total_cmp);
    let p95 = page_ms[(page_ms.len() * 95).div_ceil(100) - 1];
    let extract_total = median(extract_t);
    println!(
        "{{\"pages\":{},\"bytes\":{},\"rounds\":{},\"decode_mb_s\":{:.1},\"parse_mb_s\":{:.1},\"extract_mb_s\":{:.1},\"extract_ms_per_page\":{:.3},\"extract_p95_ms\":{:.3}}}",
        pages.len(),
        bytes,
        rounds,
        mb_s(median(decode_t)),
        mb_s(median(parse_t)),
        mb_s(extract_total),
        extract_total.as_secs_f64() * 1e3 / pages.len() as f64,
        p95,
    );
}
