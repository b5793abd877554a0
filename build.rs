//! Packs the Chinese tables into `$OUT_DIR/newsdecode_tables.bin`: zhconv's
//! MediaWiki zh-Hans and zh-Hant conversion tables (its compact `from|to`
//! text) and the pinyin reading table `src/repair/pinyin.bin`, gzipped.
//!
//! Native builds compile the file in (feature `builtin-tables`); the browser
//! core leaves it out and `scripts/build` copies it to
//! `pkg/newsdecode_tables.bin`, fetched only for a page that needs it. The
//! layout is read back by `src/tables.rs` (`parse`): keep the two in step.

use std::io::Write;
use std::path::PathBuf;

/// Opens the file, so a stale or foreign file is refused (`src/tables.rs`).
const MAGIC: &[u8] = b"newsdecode-tables\n";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/repair/pinyin.bin");
    let pinyin = std::fs::read("src/repair/pinyin.bin").expect("src/repair/pinyin.bin");
    let (hans_from, hans_to) = zhconv::tables::ZH_HANS_TABLE;
    let (hant_from, hant_to) = zhconv::tables::ZH_HANT_TABLE;
    let version = env!("CARGO_PKG_VERSION");

    let mut raw = MAGIC.to_vec();
    for part in [
        version.as_bytes(),
        hans_from.as_bytes(),
        hans_to.as_bytes(),
        hant_from.as_bytes(),
        hant_to.as_bytes(),
        &pinyin,
    ] {
        let len = u32::try_from(part.len()).expect("a table under 4 GiB");
        raw.extend_from_slice(&len.to_le_bytes());
        raw.extend_from_slice(part);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&raw).expect("gzip in memory");
    let packed = gz.finish().expect("gzip in memory");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("newsdecode_tables.bin"), packed).expect("write the tables");
}
