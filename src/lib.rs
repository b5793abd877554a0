//! newsdecode turns a news page — bytes in any encoding a page uses, or a
//! pasted string — into a structured [`Article`].
//!
//! The pipeline runs one way through one module per stage:
//! [`decode`] → [`parse`] → [`assemble`] → [`render`]. The repair, segment and
//! metadata stages slot in between parse and assemble (see
//! `docs/ARCHITECTURE.md`). `src/wasm.rs` and `src/bin/newsdecode.rs` are thin
//! shells over [`extract`] and [`render()`].

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
pub mod assemble;
pub mod decode;
pub mod error;
pub mod metadata;
pub mod parse;
pub mod render;
pub mod repair;
pub mod segment;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Block, BlockKind, Boilerplate, BoilerplateKind, DecodeReport};
pub use error::Error;
pub use render::{render, Format};

use std::str::FromStr;

/// The default limit on input size: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Which Chinese script the text should end up in.
///
/// `Auto` restores Simplified only when the text shows machine conversion
/// to Traditional (see `repair::script::machine_converted`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Script {
    /// Restore the script the page was written in; keep it otherwise.
    #[default]
    Auto,
    /// Leave the script as it is.
    Keep,
    /// Simplified Chinese.
    Hans,
    /// Traditional Chinese.
    Hant,
}

impl FromStr for Script {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Script::Auto),
            "keep" => Ok(Script::Keep),
            "hans" => Ok(Script::Hans),
            "hant" => Ok(Script::Hant),
            _ => Err(Error::InvalidOption {
                name: "script",
                message: format!("{name:?} is not one of auto, keep, hans, hant"),
            }),
        }
    }
}

/// Options for [`extract`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// An encoding label that overrides detection (any WHATWG label).
    pub encoding: Option<String>,
    /// The script to produce (see [`Script`]).
    pub script: Script,
    /// The page's URL, when known (never fetched; used to resolve links).
    pub url: Option<String>,
    /// Inputs larger than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            script: Script::Auto,
            url: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The input: raw bytes (a file, an upload) or text (a paste).
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Bytes whose encoding is to be found.
    Bytes(&'a [u8]),
    /// Text that is already decoded.
    Text(&'a str),
}

/// Runs the whole pipeline on one input.
pub fn extract(input: Input<'_>, options: &Options) -> Result<Article, Error> {
    let decoded = match input {
        Input::Bytes(bytes) => {
            decode::decode_bytes(bytes, options.encoding.as_deref(), options.max_bytes)?
        }
        Input::Text(text) => decode::decode_str(text, options.max_bytes)?,
    };
    let bytes = match input {
        Input::Bytes(b) => b.len(),
        Input::Text(t) => t.len(),
    };
    let kind = parse::sniff_kind(&decoded.text);
    Ok(assemble::assemble(
        decoded.text,
        kind,
        bytes,
        decoded.report,
        options.script,
    ))
}

/// The library's version, as in `Cargo.toml`.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
