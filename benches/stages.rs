//! Throughput of each stage over the benchmark's 181 pages, for
//! `scripts/bench`: decode alone (bytes → text), parse alone (text → DOM),
//! and the whole pipeline (bytes → Article), then the pipeline's time per
//! stage (`internals::profile`, ms per page). Prints one JSON object.
//! `cargo bench --bench stages [-- ROUNDS]` (default 5; the median round counts).
//! `scripts/instructions` runs it under callgrind for stable counts.

#![allow(missing_docs)]

mod common;

// The allocator of the CLI and the wheel: the library as they run it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsdecode::internals::{profile, Document, Stage};
use newsdecode::{decode, extract, Input, Options, DEFAULT_MAX_BYTES};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Milliseconds since the first call: the profile's clock.
fn now_ms() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1e3
}

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
    // Per stage: each round's totals, the median round per stage.
    let mut stage_rounds = vec![Vec::new(); Stage::ALL.len()];
    for _ in 0..rounds {
        let mut sums = [0.0; Stage::ALL.len()];
        for (_, b) in &pages {
            let (_, times) = profile(now_ms, || extract(Input::Bytes(black_box(b)), &options));
            for (sum, ms) in sums.iter_mut().zip(times.ms) {
                *sum += ms;
            }
        }
        for (all, sum) in stage_rounds.iter_mut().zip(sums) {
            all.push(sum / pages.len() as f64);
        }
    }
    let stages: Vec<String> = Stage::ALL
        .iter()
        .zip(stage_rounds)
        .map(|(stage, mut v)| {
            v.sort_by(f64::total_cmp);
            format!("\"{}\":{:.4}", stage.name(), v[v.len() / 2])
        })
        .collect();
    println!(
        "{{\"pages\":{},\"bytes\":{},\"rounds\":{},\"decode_mb_s\":{:.1},\"parse_mb_s\":{:.1},\"extract_mb_s\":{:.1},\"extract_ms_per_page\":{:.3},\"extract_p95_ms\":{:.3},\"stage_ms_per_page\":{{{}}}}}",
        pages.len(),
        bytes,
        rounds,
        mb_s(median(decode_t)),
        mb_s(median(parse_t)),
        mb_s(extract_total),
        extract_total.as_secs_f64() * 1e3 / pages.len() as f64,
        p95,
        stages.join(","),
    );
}
