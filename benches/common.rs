//! Inputs shared by the benches: the benchmark data set's pages, inflated.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the 181 pages are: under `NEWSDECODE_DATA` (the data sets'
/// directory, default `../shared/datasets`).
pub fn dataset_dir() -> PathBuf {
    std::env::var_os("NEWSDECODE_DATA")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"),
            PathBuf::from,
        )
        .join("article-extraction-benchmark/html")
}

/// Every `*.html.gz` / `*.html` page of `dir`, inflated, in name order.
pub fn pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|path| {
            let raw = std::fs::read(&path).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            if name.ends_with(".gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .ok()?;
                Some((name, out))
            } else if name.ends_with(".html") {
                Some((name, raw))
            } else {
                None
            }
        })
        .collect()
}
