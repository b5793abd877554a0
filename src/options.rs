//! What the caller chooses: [`Options`], [`Script`] and the [`Input`].

use crate::error::Error;
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
    /// Where the page came from (the address it was fetched or saved
    /// from): the article's `url`, over the page's own canonical link.
    pub url: Option<String>,
    /// A charset label from the transport (the HTTP `Content-Type` charset),
    /// weighed like a `<meta>` label rather than obeyed (see
    /// [`crate::decode::decode_bytes_hinted`]); not a WHATWG label: ignored.
    pub charset_hint: Option<String>,
    /// The script to produce (see [`Script`]).
    pub script: Script,
    /// Inputs larger than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            url: None,
            charset_hint: None,
            script: Script::Auto,
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
