//! newsdecode turns a news page — bytes in any encoding a page uses, or a
//! pasted string — into a structured [`Article`].
//!
//! The pipeline runs one way through one module per stage: [`decode`] →
//! parse → segment → repair → metadata → assemble → [`render`]; [`extract`]
//! below is the recipe (see `docs/ARCHITECTURE.md`). `src/wasm.rs` and
//! `src/bin/newsdecode.rs` are thin shells over [`extract`] and [`render()`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod article;
mod assemble;
pub mod decode;
pub mod error;
mod metadata;
mod options;
mod parse;
pub mod render;
mod repair;
mod segment;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Block, BlockKind, Boilerplate, BoilerplateKind, DecodeReport};
pub use error::Error;
pub use options::{Input, Options, Script, DEFAULT_MAX_BYTES};
pub use render::{render, Format};

use article::{InputInfo, InputKind, Warning, WarningKind};
use metadata::markup;
use parse::tree::Document;
use repair::repair_text;
use segment::html::visible::visible_paragraphs;
use segment::items::BodyItem;
use segment::{html, plain, repairs};

/// Runs the whole pipeline on one input: decode → sniff → the text or the
/// HTML path (each: segment and repair) → metadata and assembly.
pub fn extract(input: Input<'_>, options: &Options) -> Result<Article, Error> {
    let (decoded, bytes) = match input {
        Input::Bytes(b) => (
            decode::decode_bytes(b, options.encoding.as_deref(), options.max_bytes)?,
            b.len(),
        ),
        Input::Text(t) => (decode::decode_str(t, options.max_bytes)?, t.len()),
    };
    let kind = parse::sniff_kind(&decoded.text);
    let input = InputInfo { kind, bytes };
    let (text, report) = (decoded.text, decoded.report);
    Ok(match kind {
        InputKind::Text => text_path(text, report, input, options.script),
        InputKind::Html => html_path(text, report, input, options.script),
    })
}

/// Plain text: repair the whole text, then segment it line by line.
fn text_path(text: String, decode: DecodeReport, input: InputInfo, script: Script) -> Article {
    let mut decode = decode;
    let repaired = repair_text(&text, script);
    drop(text);
    decode.repairs.extend(repaired.repairs);
    let segments = plain::segment(&repaired.text);
    decode.warnings.extend(merged_lines_warning(&segments));
    assemble::assemble(
        segments,
        Some(&repaired.text),
        None,
        decode,
        input,
        &repaired.garbled,
    )
}

/// HTML: parse, read the markup's metadata, find the article and repair
/// its strings; a page with no article container is read like a paste.
/// Takes the text to drop it once parsed, and drops the tree once read:
/// what is kept at once is the peak memory of a huge page.
fn html_path(text: String, decode: DecodeReport, input: InputInfo, script: Script) -> Article {
    let mut decode = decode;
    let doc = Document::parse(&text);
    drop(text);
    decode.warnings.extend(doc.limits.warning());
    decode::report_controls_removed(&mut decode, doc.controls_removed);
    let mut meta = markup::read(&doc);
    decode.warnings.extend(meta.json_ld_warning());
    let mut segments = html::extract(&doc, &meta);
    if !segments
        .body
        .iter()
        .any(|b| matches!(b, BodyItem::Paragraph(_)))
    {
        let (paragraphs, controls) = visible_paragraphs(&doc);
        let plain_text = paragraphs.join("\n\n");
        drop(doc);
        let repaired = repair_text(&plain_text, script);
        drop(plain_text);
        decode.repairs.extend(repaired.repairs);
        let mut segments = plain::segment(&repaired.text);
        decode.warnings.extend(merged_lines_warning(&segments));
        // Buttons, menus and the like: shown, not text (left unrepaired:
        // the repairs are mapped onto the text read as a paste).
        if !controls.is_empty() {
            segments
                .boilerplate
                .push((BoilerplateKind::Other, controls.join("\n")));
        }
        return assemble::assemble(
            segments,
            Some(&repaired.text),
            Some(meta),
            decode,
            input,
            &repaired.garbled,
        );
    }
    drop(doc);
    let garbled = repairs::repair_segments(&mut segments, &mut meta, script, &mut decode);
    assemble::assemble(segments, None, Some(meta), decode, input, &garbled)
}

/// A `limit_reached` warning when a paste had more lines than the segmenter
/// reads one by one (`segment::tunables::LINE_BUDGET_MIN`).
fn merged_lines_warning(segments: &segment::items::Segments) -> Option<Warning> {
    (segments.merged_lines > 0).then(|| {
        Warning::new(
            WarningKind::LimitReached,
            format!(
                "the text has more lines than are read one by one: the last {} lines are read as one paragraph (their line breaks and text are kept)",
                segments.merged_lines
            ),
        )
    })
}

/// Stages exposed for the benchmarks, the fuzz targets and the tests that
/// need them; not a stable API.
#[doc(hidden)]
pub mod internals {
    pub use crate::parse::tokenizer::{tokenize, Token};
    pub use crate::parse::tree::{Document, Element, NodeData};
    pub use crate::repair::pinyin::remove_glosses;
    pub use crate::text::is_cjk_letter;
}

/// The library's version, as in `Cargo.toml`.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
