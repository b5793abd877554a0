//! The Chinese tables, loaded on demand: zhconv's MediaWiki zh-Hans and
//! zh-Hant conversion tables and the pinyin reading table.
//!
//! They are a third of the browser module, and only a Chinese page with
//! Traditional characters, a `script` conversion or pinyin glosses needs
//! them. So `build.rs` packs them into one gzipped file: native builds compile
//! it in (feature `builtin-tables`); the browser core goes without and
//! [`load`] takes the file (`pkg/newsdecode_tables.bin`) when a page asks.
//!
//! A step that needs a table calls [`get`]. Without the tables it goes on as
//! if the page had no Traditional characters, and [`watch`] reports that the
//! extraction needed them: `extract` then fails with
//! [`Error::TablesNeeded`], the caller loads the file and runs it again.
//! Pages that never need the tables give the same output with or without.

use std::cell::Cell;
use std::sync::OnceLock;

use zhconv::{Variant, ZhConverter, ZhConverterBuilder};

use crate::error::Error;

/// Opens the inflated file (`build.rs` writes it).
const MAGIC: &[u8] = b"newsdecode-tables\n";

/// Inflated size above which a tables file is refused: the real one inflates
/// to about 230 KB, so 8 MiB leaves room for growth and still stops a gzip bomb.
const MAX_INFLATED: usize = 8 << 20;

/// The packed tables of this build (native builds only).
#[cfg(feature = "builtin-tables")]
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/newsdecode_tables.bin"));

/// The tables once loaded (compiled in, or given to [`load`]).
static LOADED: OnceLock<Tables> = OnceLock::new();

/// The Chinese tables; each converter is built on its first use.
pub struct Tables {
    /// zh-Hans table: zhconv's compact `from` and `to` texts.
    hans: (String, String),
    /// zh-Hant table, likewise.
    hant: (String, String),
    /// The pinyin reading table (layout in `scripts/gen-pinyin-table.py`).
    pinyin: Vec<u8>,
    to_hans: OnceLock<ZhConverter>,
    to_hant: OnceLock<ZhConverter>,
}

impl Tables {
    /// Reads a packed tables file (gzip; the layout `build.rs` writes).
    pub fn parse(packed: &[u8]) -> Result<Tables, Error> {
        let invalid = |message: &str| Error::InvalidTables {
            message: message.to_string(),
        };
        let inflated = crate::decode::gunzip(packed, MAX_INFLATED)
            .map_err(|_| invalid("the file does not inflate"))?;
        let mut rest = inflated
            .bytes
            .strip_prefix(MAGIC)
            .ok_or_else(|| invalid("not a newsdecode tables file"))?;
        let mut parts = Vec::with_capacity(6);
        while !rest.is_empty() {
            let (len, after) = rest
                .split_first_chunk::<4>()
                .ok_or_else(|| invalid("truncated"))?;
            let len = usize::try_from(u32::from_le_bytes(*len)).unwrap_or(usize::MAX);
            let part = after.get(..len).ok_or_else(|| invalid("truncated"))?;
            parts.push(part);
            rest = after.get(len..).unwrap_or_default();
        }
        let [version, hans_from, hans_to, hant_from, hant_to, pinyin] = parts[..] else {
            return Err(invalid("not six parts"));
        };
        if version != env!("CARGO_PKG_VERSION").as_bytes() {
            return Err(invalid(&format!(
                "made for version {}, this is {}",
                String::from_utf8_lossy(version),
                env!("CARGO_PKG_VERSION")
            )));
        }
        let text = |part: &[u8]| {
            String::from_utf8(part.to_vec()).map_err(|_| invalid("a table is not UTF-8"))
        };
        Ok(Tables {
            hans: (text(hans_from)?, text(hans_to)?),
            hant: (text(hant_from)?, text(hant_to)?),
            pinyin: pinyin.to_vec(),
            to_hans: OnceLock::new(),
            to_hant: OnceLock::new(),
        })
    }

    /// The converter to Simplified (`true`) or Traditional.
    pub fn converter(&self, to_simplified: bool) -> &ZhConverter {
        let (cell, variant, (from, to)) = if to_simplified {
            (&self.to_hans, Variant::ZhHans, &self.hans)
        } else {
            (&self.to_hant, Variant::ZhHant, &self.hant)
        };
        cell.get_or_init(|| {
            ZhConverterBuilder::new()
                .target(variant)
                .table((from.as_str(), to.as_str()))
                .build()
        })
    }

    /// The pinyin reading table.
    pub fn pinyin(&self) -> &[u8] {
        &self.pinyin
    }
}

/// Loads a packed tables file (the browser's `loadTables`). Once loaded, the
/// tables stay: a second call changes nothing.
pub fn load(packed: &[u8]) -> Result<(), Error> {
    if LOADED.get().is_none() {
        let tables = Tables::parse(packed)?;
        // Another caller may have won the race: its tables are the same.
        let _ = LOADED.set(tables);
    }
    Ok(())
}

/// Whether the tables are at hand (loaded, or compiled in).
pub fn available() -> bool {
    tables().is_some()
}

fn tables() -> Option<&'static Tables> {
    #[cfg(feature = "builtin-tables")]
    if LOADED.get().is_none() {
        // The build's own file: tests/tables checks that it parses.
        let _ = load(BUILTIN);
    }
    LOADED.get()
}

/// What one extraction did with the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Use {
    /// Never asked for them.
    #[default]
    None,
    /// Used them.
    Used,
    /// Asked for them while they were not loaded: the output is incomplete.
    Missing,
}

thread_local! {
    /// The use of the extraction running on this thread (one at a time per
    /// thread; the steps that need tables are too deep to pass it down).
    static USE: Cell<Use> = const { Cell::new(Use::None) };
}

/// The tables, for a step that needs them now. Records the use (or, when
/// they are not loaded, the need) for [`watch`].
pub(crate) fn get() -> Option<&'static Tables> {
    let found = tables();
    let now = if found.is_some() {
        Use::Used
    } else {
        Use::Missing
    };
    USE.with(|cell| cell.set(cell.get().max(now)));
    found
}

/// Runs one extraction and reports what it did with the tables.
pub(crate) fn watch<T>(run: impl FnOnce() -> T) -> (T, Use) {
    let outer = USE.with(|cell| cell.replace(Use::None));
    let out = run();
    let used = USE.with(|cell| cell.replace(outer));
    (out, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "builtin-tables")]
    #[test]
    fn builtin_tables_parse() {
        assert!(Tables::parse(BUILTIN).is_ok());
        assert!(available());
    }

    /// The converters built here from the packed tables convert as zhconv's
    /// own prebuilt ones do, on every text of the golden corpus.
    #[cfg(all(feature = "builtin-tables", not(target_arch = "wasm32")))]
    #[test]
    fn converters_match_zhconvs_own() {
        let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages");
        let mut text = String::from("園區發展 园区发展 頭髮 头发 乾燥 干燥 後來 皇后");
        for page in std::fs::read_dir(pages).expect("tests/pages") {
            for file in std::fs::read_dir(page.expect("a page").path())
                .into_iter()
                .flatten()
            {
                let path = file.expect("a file").path();
                if path.file_stem().is_some_and(|stem| stem == "input") {
                    text.push_str(&String::from_utf8_lossy(
                        &std::fs::read(&path).unwrap_or_default(),
                    ));
                }
            }
        }
        let tables = Tables::parse(BUILTIN).expect("the build's tables");
        for (ours, theirs) in [
            (
                tables.converter(true),
                zhconv::get_builtin_converter(Variant::ZhHans),
            ),
            (
                tables.converter(false),
                zhconv::get_builtin_converter(Variant::ZhHant),
            ),
        ] {
            assert_eq!(ours.convert(&text), theirs.convert(&text));
            assert_eq!(ours.count_replaced(&text), theirs.count_replaced(&text));
        }
        // The corpus's UTF-8 pages hold about 17 600 Han characters.
        let han = text.chars().filter(|&c| crate::text::is_cjk_letter(c));
        assert!(han.count() > 15_000);
    }

    #[test]
    fn bad_files_are_typed_errors() {
        for bad in [&b""[..], b"plain text", &[0x1f, 0x8b, 8, 0, 0, 0]] {
            assert!(matches!(
                Tables::parse(bad),
                Err(Error::InvalidTables { .. })
            ));
        }
    }

    #[test]
    fn watch_records_use_and_restores_the_outer_state() {
        let ((_, inner), outer) = watch(|| {
            let _ = get();
            watch(|| ())
        });
        assert_eq!(inner, Use::None);
        assert_ne!(outer, Use::None);
    }
}
