//! newsdecode turns a news page — bytes in any encoding a page uses, or a
//! pasted string — into a structured [`Article`].
//!
//! The pipeline runs one way through one module per stage: [`decode`] →
//! parse → segment → repair → metadata → assemble → [`render`]; [`extract`]
//! below is the recipe (see `docs/ARCHITECTURE.md`). `src/wasm/` and
//! `src/bin/newsdecode/` are thin shells over [`extract`] and [`render()`].

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
mod profile;
pub mod render;
mod repair;
mod segment;
mod tables;
mod text;
mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Block, BlockKind, Boilerplate, BoilerplateKind, DecodeReport};
pub use error::Error;
pub use options::{Input, Options, Script, DEFAULT_MAX_BYTES};
pub use render::{render, Format};

use article::{InputInfo, InputKind, Warning, WarningKind};
use metadata::markup;
use parse::tree::Document;
use profile::{done, Stage};
use repair::repair_text;
use segment::html::visible::{shown_letters, visible_paragraphs};
use segment::items::BodyItem;
use segment::{html, plain, repairs};

/// Runs the whole pipeline on one input: decode → sniff → the text or the
/// HTML path (each: segment and repair) → metadata and assembly.
///
/// Fails with [`Error::TablesNeeded`] when the page needs the Chinese tables
/// and this build has neither compiled them in nor loaded them
/// ([`load_tables`]).
pub fn extract(input: Input<'_>, options: &Options) -> Result<Article, Error> {
    with_tables(|| {
        let (decoded, bytes) = decode_input(input, options)?;
        done(Stage::Decode);
        Ok(extract_decoded(decoded, bytes, options))
    })
}

/// [`extract`] of bytes the caller gives away: they are freed once decoded,
/// before the page is parsed, so a huge input is not held through the
/// whole pipeline (the wasm shell's path).
pub fn extract_owned(bytes: Vec<u8>, options: &Options) -> Result<Article, Error> {
    with_tables(|| {
        let (decoded, size) = decode_input(Input::Bytes(&bytes), options)?;
        drop(bytes);
        done(Stage::Decode);
        Ok(extract_decoded(decoded, size, options))
    })
}

/// Loads the Chinese tables (`newsdecode_tables.bin`, written by the build
/// next to the browser module) into a build without them compiled in
/// (feature `builtin-tables` off). Once loaded they stay; a second call
/// changes nothing.
pub fn load_tables(packed: &[u8]) -> Result<(), Error> {
    tables::load(packed)
}

/// Whether the Chinese tables are at hand: compiled in, or loaded.
pub fn tables_available() -> bool {
    tables::available()
}

/// Runs one extraction, noting its use of the Chinese tables in the report,
/// or failing when it needed them and they were not loaded (its output would
/// be incomplete).
fn with_tables(run: impl FnOnce() -> Result<Article, Error>) -> Result<Article, Error> {
    match tables::watch(run) {
        (Ok(_), tables::Use::Missing) => Err(Error::TablesNeeded),
        (Ok(mut article), tables::Use::Used) => {
            article.decode.tables_used = true;
            Ok(article)
        }
        (result, _) => result,
    }
}

/// Decodes the input (inflating gzip first); also returns its size in bytes.
fn decode_input(input: Input<'_>, options: &Options) -> Result<(decode::Decoded, usize), Error> {
    Ok(match input {
        Input::Bytes(b) if decode::is_gzip(b) => {
            let inflated = decode::gunzip(b, options.max_bytes)?;
            let mut decoded = decode::decode_bytes_hinted(
                &inflated.bytes,
                options.encoding.as_deref(),
                options.charset_hint.as_deref(),
                options.max_bytes,
            )?;
            if inflated.ignored > 0 {
                decoded.report.warnings.push(Warning::new(
                    WarningKind::DecodeErrors,
                    format!(
                        "{} bytes after the gzip data were ignored",
                        inflated.ignored
                    ),
                ));
            }
            (decoded, inflated.bytes.len())
        }
        Input::Bytes(b) => (
            decode::decode_bytes_hinted(
                b,
                options.encoding.as_deref(),
                options.charset_hint.as_deref(),
                options.max_bytes,
            )?,
            b.len(),
        ),
        Input::Text(t) => (decode::decode_str(t, options.max_bytes)?, t.len()),
    })
}

/// The pipeline after decoding: sniff, then the text or the HTML path.
fn extract_decoded(decoded: decode::Decoded, bytes: usize, options: &Options) -> Article {
    let kind = parse::sniff_kind(&decoded.text);
    let input = InputInfo {
        kind,
        bytes,
        name: None,
        warc: None,
        offset: None,
        uri: None,
    };
    let (text, report) = (decoded.text, decoded.report);
    let mut article = match kind {
        InputKind::Text => text_path(text, report, input, options.script),
        InputKind::Html => html_path(text, report, input, options),
    };
    if let Some(url) = options.url.as_deref().filter(|u| !u.trim().is_empty()) {
        article.url = Some(url.trim().to_string());
    }
    // An empty body is said, never left silent: a page built by scripts
    // (a forum's app shell) has its title and description and nothing else.
    if kind == InputKind::Html && article.text.is_empty() && article.blocks.is_empty() {
        article.decode.warnings.push(Warning::new(
            WarningKind::NoText,
            "the page shows no article text of its own (scripts build it, or it has none): only its metadata was read".to_string(),
        ));
    }
    article
}

/// Plain text: repair the whole text, then segment it line by line.
fn text_path(text: String, decode: DecodeReport, input: InputInfo, script: Script) -> Article {
    let mut decode = decode;
    let repaired = repair_text(text, script);
    decode.repairs.extend(repaired.repairs);
    done(Stage::Repair);
    let segments = plain::segment(&repaired.text);
    decode.warnings.extend(merged_lines_warning(&segments));
    done(Stage::Segment);
    let article = assemble::assemble(
        segments,
        Some(&repaired.text),
        None,
        decode,
        input,
        &repaired.garbled,
    );
    done(Stage::Assemble);
    article
}

/// HTML: parse, read the markup's metadata, find the article and repair
/// its strings; a page with no article container is read like a paste.
/// Takes the text to drop it once parsed, and drops the tree once read:
/// what is kept at once is the peak memory of a huge page.
fn html_path(text: String, decode: DecodeReport, input: InputInfo, options: &Options) -> Article {
    let script = options.script;
    let mut decode = decode;
    // A page saved after being misread (UTF-8 read as GBK…) is repaired
    // before it is read: its credit lines and dates are found only in the
    // real characters. Its markup is ASCII and survives the misread.
    let text = match repair::mojibake::repair_if_any(&text) {
        Some((fixed, counts)) => {
            decode.repairs.extend(repair::mojibake_repairs(counts));
            fixed
        }
        None => text,
    };
    let mut doc = Document::parse(&text);
    drop(text);
    decode.warnings.extend(doc.limits.warning());
    decode::report_controls_removed(&mut decode, doc.controls_removed);
    done(Stage::Parse);
    html::veil::lift(&mut doc);
    done(Stage::Segment);
    let mut meta = markup::read(&doc);
    meta.set_base(options.url.as_deref());
    decode.warnings.extend(meta.json_ld_warning());
    done(Stage::Metadata);
    let mut segments = html::extract(&doc, &meta);
    // What a page built by scripts shows only without them (`<noscript>`).
    let mut shown_with_scripts = None;
    let doc = match noscript_reading(&mut doc, paragraphs_length(&segments), &mut decode) {
        Some((shown, rest)) => {
            drop(doc);
            meta.fill_from(markup::read(&shown));
            segments = html::extract(&shown, &meta);
            shown_with_scripts = rest;
            shown
        }
        None => doc,
    };
    if !has_paragraph(&segments) {
        let (paragraphs, controls) = visible_paragraphs(&doc);
        let plain_text = paragraphs.join("\n\n");
        drop(doc);
        done(Stage::Segment);
        let repaired = repair_text(plain_text, script);
        decode.repairs.extend(repaired.repairs);
        // The markup's strings (title, description, authors) are repaired
        // as on an article page; their garbled spans have no place in the
        // text read here.
        let _ = repairs::repair_segments(
            &mut segment::items::Segments::default(),
            &mut meta,
            script,
            &mut decode,
        );
        done(Stage::Repair);
        let mut segments = plain::segment(&repaired.text);
        decode.warnings.extend(merged_lines_warning(&segments));
        // Buttons, menus and the like: shown, not text (left unrepaired:
        // the repairs are mapped onto the text read as a paste).
        let boilerplate = [
            (!controls.is_empty()).then(|| controls.join("\n")),
            shown_with_scripts,
        ];
        for text in boilerplate.into_iter().flatten() {
            segments.boilerplate.push((BoilerplateKind::Other, text));
        }
        done(Stage::Segment);
        let article = assemble::assemble(
            segments,
            Some(&repaired.text),
            Some(meta),
            decode,
            input,
            &repaired.garbled,
        );
        done(Stage::Assemble);
        return article;
    }
    drop(doc);
    if let Some(text) = shown_with_scripts {
        segments.boilerplate.push((BoilerplateKind::Other, text));
    }
    done(Stage::Segment);
    let garbled = repairs::repair_segments(&mut segments, &mut meta, script, &mut decode);
    done(Stage::Repair);
    let article = assemble::assemble(segments, None, Some(meta), decode, input, &garbled);
    done(Stage::Assemble);
    article
}

/// Whether the segments hold a paragraph: an article to assemble.
fn has_paragraph(segments: &segment::items::Segments) -> bool {
    segments
        .body
        .iter()
        .any(|b| matches!(b, BodyItem::Paragraph(_)))
}

/// The length of the paragraphs found, in bytes.
fn paragraphs_length(segments: &segment::items::Segments) -> usize {
    segments
        .body
        .iter()
        .map(|b| match b {
            BodyItem::Paragraph(p) => p.len(),
            _ => 0,
        })
        .sum()
}

/// A page built by scripts, as a browser without them shows it: the markup
/// of its `<noscript>` elements parsed as a page (see
/// `segment::html::noscript`), when that shows more text than the page does
/// with scripts (a "please enable JavaScript" note beside a page of text is
/// not the article; a loading splash beside a thread in `<noscript>` is
/// not either). Markup shorter than the `article` found (bytes) is not
/// parsed. Returns that page and what the page shows with scripts, to keep
/// as boilerplate.
fn noscript_reading(
    doc: &mut Document,
    article: usize,
    decode: &mut DecodeReport,
) -> Option<(Document, Option<String>)> {
    let shown = html::noscript::document(doc, article)?;
    if shown_letters(&shown) <= shown_letters(doc) {
        return None;
    }
    let (with_scripts, controls) = visible_paragraphs(doc);
    decode.warnings.extend(shown.limits.warning());
    decode::report_controls_removed(decode, shown.controls_removed);
    let rest: Vec<String> = with_scripts.into_iter().chain(controls).collect();
    Some((shown, (!rest.is_empty()).then(|| rest.join("\n"))))
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
    pub use crate::profile::{profile, Stage, StageTimes};
    pub use crate::repair::pinyin::remove_glosses;
    pub use crate::text::is_cjk_letter;
    pub use crate::url::resolve as resolve_url;
}

/// The library's version, as in `Cargo.toml`.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
