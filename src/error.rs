//! Typed errors for everything the library refuses to process.

use thiserror::Error;

/// Why an input could not be turned into an article.
///
/// Every variant has a stable machine-readable [`code`](Error::code) that the
/// wasm shell copies onto the thrown JS `Error` and the CLI prints.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input had no bytes, or only whitespace.
    #[error("input is empty")]
    EmptyInput,
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in force (`Options::max_bytes`).
        limit: usize,
    },
    /// The input grew past the configured limit while it was read or
    /// inflated (its whole size is not known: the rest was never read).
    #[error("input {what} more than {limit} bytes")]
    Exceeds {
        /// How it grew: `"inflates to"` (gzip), `"holds"` (a stream).
        what: &'static str,
        /// The limit in force (`Options::max_bytes`).
        limit: usize,
    },
    /// The input is not text: a known file signature or too many NUL bytes.
    #[error("input is binary ({what}), not a text or HTML page")]
    Binary {
        /// What the bytes look like, e.g. `"PNG image"` or `"NUL bytes"`.
        what: &'static str,
    },
    /// The encoding label given by the user is not a WHATWG label.
    #[error("unknown encoding label {label:?}")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
    /// The output format name is not one of the supported formats.
    #[error("unknown output format {name:?} (expected json, markdown, text or html)")]
    UnknownFormat {
        /// The name as given.
        name: String,
    },
    /// The page needs the Chinese tables (script conversion, pinyin), which
    /// this build loads on demand and has not loaded yet: load them
    /// (`newsdecode::load_tables`, `loadTables` in JS) and extract again.
    #[error("this page needs the Chinese tables, which are not loaded")]
    TablesNeeded,
    /// A file given as the Chinese tables is not one (or is another version's).
    #[error("invalid tables file: {message}")]
    InvalidTables {
        /// What was wrong with it.
        message: String,
    },
    /// An option value was not understood.
    #[error("invalid option {name}: {message}")]
    InvalidOption {
        /// The option's name.
        name: &'static str,
        /// What was wrong with it.
        message: String,
    },
}

impl Error {
    /// A stable, machine-readable code for this error (snake_case).
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput => "empty_input",
            Error::TooLarge { .. } | Error::Exceeds { .. } => "too_large",
            Error::Binary { .. } => "binary_input",
            Error::UnknownEncoding { .. } => "unknown_encoding",
            Error::UnknownFormat { .. } => "unknown_format",
            Error::InvalidOption { .. } => "invalid_option",
            Error::TablesNeeded => "tables_needed",
            Error::InvalidTables { .. } => "invalid_tables",
        }
    }
}
