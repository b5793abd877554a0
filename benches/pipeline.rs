//! Criterion benches of each stage on three inputs: the seed (plain text with
//! pinyin and Traditional damage), a small GBK page, and the largest page of
//! the benchmark data set when it is present. Kept short (10 samples, 2 s
//! each) so `cargo bench --bench pipeline` takes a few minutes on 2 cores.

#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdecode::{decode, extract, internals::Document, render, Format, Input, Options};
use std::hint::black_box;
use std::time::Duration;

fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = vec![
        (
            "seed",
            std::fs::read(root.join("seed/chinanews-sichuan-wuhou.txt")).unwrap_or_default(),
        ),
        (
            "gbk",
            std::fs::read(root.join("web/gbk-news.html")).unwrap_or_default(),
        ),
    ];
    if let Some((_, page)) = common::pages(&common::dataset_dir())
        .into_iter()
        .max_by_key(|(_, b)| b.len())
    {
        out.push(("largest", page));
    }
    out
}

fn stages(c: &mut Criterion) {
    let options = Options::default();
    for (name, bytes) in inputs() {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("decode", |b| {
            b.iter(|| decode::decode_bytes(black_box(&bytes), None, usize::MAX))
        });
        let text = decode::decode_bytes(&bytes, None, usize::MAX)
            .map(|d| d.text)
            .unwrap_or_default();
        group.bench_function("parse", |b| b.iter(|| Document::parse(black_box(&text))));
        group.bench_function("extract", |b| {
            b.iter(|| extract(Input::Bytes(black_box(&bytes)), &options))
        });
        if let Ok(article) = extract(Input::Bytes(&bytes), &options) {
            for format in [Format::Json, Format::Markdown, Format::Html] {
                group.bench_function(format!("render-{format:?}").to_lowercase(), |b| {
                    b.iter(|| render(black_box(&article), format))
                });
            }
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
