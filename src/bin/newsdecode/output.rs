//! Where results go: standard output in input order, or one file per input
//! in `--output-dir`. A record per input in the JSON formats, failures
//! included, so record N is input N.

use crate::inputs::{Failure, Source};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats of the CLI.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum CliFormat {
    /// One JSON document per input, indented.
    Json,
    /// One JSON record per line.
    Jsonl,
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
    /// An HTML document.
    Html,
}

impl CliFormat {
    /// Whether failures are records in the output too.
    pub fn is_json(self) -> bool {
        matches!(self, CliFormat::Json | CliFormat::Jsonl)
    }

    /// The file extension of this format's files in `--output-dir`.
    fn extension(self) -> &'static str {
        match self {
            CliFormat::Json | CliFormat::Jsonl => "json",
            CliFormat::Markdown => "md",
            CliFormat::Text => "txt",
            CliFormat::Html => "html",
        }
    }

    /// The article as this format writes it.
    pub fn render(self, article: &newsdecode::Article) -> String {
        use newsdecode::{render, Format};
        match self {
            CliFormat::Jsonl => newsdecode::render::to_json(article, false) + "\n",
            CliFormat::Json => render(article, Format::Json) + "\n",
            CliFormat::Markdown => render(article, Format::Markdown),
            CliFormat::Text => render(article, Format::Text),
            CliFormat::Html => render(article, Format::Html),
        }
    }

    /// The record of a failed input (`docs/schema.md`, "Records").
    pub fn failure_record(self, source: &Source, failure: &Failure) -> String {
        self.failure_text(
            serde_json::json!({ "name": source.name, "bytes": failure.bytes }),
            failure,
        )
    }

    /// A failure record with `input` as given (a file's, or a WARC
    /// record's `{warc, offset, uri}`), as this format writes records.
    pub fn failure_text(self, input: serde_json::Value, failure: &Failure) -> String {
        let record = serde_json::json!({
            "input": input,
            "error": { "code": failure.code, "message": failure.message },
        });
        let text = if self == CliFormat::Json {
            serde_json::to_string_pretty(&record)
        } else {
            serde_json::to_string(&record)
        };
        text.unwrap_or_default() + "\n"
    }
}

/// The longest file name stem written in `--output-dir`, in characters:
/// inside every file system's name limit with room for a number and an
/// extension.
const NAME_MAX_CHARS: usize = 100;

/// The stem of an output file for an input: its file name without `.gz` and
/// its extension, every character a file system or shell could misread
/// (separators, controls, `:*?"<>|`, leading dots) replaced, so the name is
/// one plain component. `stdin` for standard input.
fn stem(source: &Source) -> String {
    if source.path.as_os_str() == "-" {
        return "stdin".into();
    }
    let name = source
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let name = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(NAME_MAX_CHARS)
        .collect();
    let clean = clean.trim_start_matches('.').trim();
    if clean.is_empty() {
        "input".into()
    } else {
        clean.to_string()
    }
}

/// One file name per input in `dir`, in input order: the input's stem and
/// the format's extension, numbered (`-2`, `-3`…) when an earlier input of
/// the run took it (compared without case, for case-insensitive disks).
pub fn file_names(sources: &[Source], format: CliFormat) -> Vec<String> {
    let mut taken = HashSet::new();
    sources
        .iter()
        .map(|source| {
            let stem = stem(source);
            let ext = format.extension();
            let mut name = format!("{stem}.{ext}");
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}.{ext}");
            }
            name
        })
        .collect()
}

/// Where outputs are written.
pub enum Sink {
    /// Standard output, outputs one after another.
    Stdout {
        /// The locked stream.
        out: std::io::StdoutLock<'static>,
        /// Whether something was written (non-JSONL outputs are separated
        /// by a blank line).
        written: bool,
    },
    /// One file per input in a directory.
    Dir {
        /// The directory.
        dir: PathBuf,
        /// The file name of each input.
        names: Vec<String>,
    },
}

impl Sink {
    /// Writes the output of input `i`. Standard output closed (piped into
    /// `head`) is `Err(None)`, to stop quietly; a file that could not be
    /// written is `Err(Some(message))`.
    pub fn write(
        &mut self,
        i: usize,
        format: CliFormat,
        text: &str,
    ) -> Result<Option<PathBuf>, Option<String>> {
        match self {
            Sink::Stdout { out, written } => {
                let separator = if *written && format != CliFormat::Jsonl {
                    "\n"
                } else {
                    ""
                };
                *written = true;
                write!(out, "{separator}{text}").map_err(|_| None)?;
                Ok(None)
            }
            Sink::Dir { dir, names } => {
                let name = names.get(i).ok_or(None)?;
                let path = dir.join(name);
                write_file(&path, text).map_err(|e| Some(format!("{}: {e}", path.display())))?;
                Ok(Some(path))
            }
        }
    }

    /// Flushes standard output; false when it is closed.
    pub fn flush(&mut self) -> bool {
        match self {
            Sink::Stdout { out, .. } => out.flush().is_ok(),
            Sink::Dir { .. } => true,
        }
    }
}

/// Writes `text` to `path`, replacing a symbolic link there rather than
/// writing through it (the name stays inside the directory).
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        std::fs::remove_file(path)?;
    }
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str) -> Source {
        Source {
            name: path.into(),
            path: PathBuf::from(path),
            walk_error: None,
        }
    }

    #[test]
    fn names_are_one_component_and_numbered() {
        let sources: Vec<Source> = [
            "a/page.html",
            "b/page.html.gz",
            "c/PAGE.htm",
            "../../etc/passwd",
            "-",
            "dir/..hidden.html",
            "x/a:b*?.html",
            "x/...",
        ]
        .iter()
        .map(|p| source(p))
        .collect();
        assert_eq!(
            file_names(&sources, CliFormat::Markdown),
            [
                "page.md",
                "page-2.md",
                "PAGE-3.md",
                "passwd.md",
                "stdin.md",
                "hidden.md",
                "a_b__.md",
                "input.md"
            ]
        );
    }
}
