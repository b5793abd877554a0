//! `newsdecode`: the command-line shell over the library.
//!
//! Exit codes: 0 when every input succeeded, 1 when some input failed,
//! 2 for usage errors (clap's own exit code).
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use newsdecode::{extract, render, Format, Input, Options, Script};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Turn news pages (HTML or pasted text, any encoding) into structured articles.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// Files to read; none or `-` reads standard input.
    files: Vec<PathBuf>,
    /// Output format [default: json for one input, jsonl for several].
    #[arg(long, short = 'f', value_enum)]
    format: Option<CliFormat>,
    /// Encoding label overriding detection (any WHATWG label, e.g. gbk, big5, shift_jis).
    #[arg(long, short = 'e', value_name = "LABEL")]
    encoding: Option<String>,
    /// Chinese script of the output.
    #[arg(long, value_enum, default_value_t = CliScript::Auto)]
    script: CliScript,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = newsdecode::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Files processed at once [default: the number of CPUs]; output keeps the input order.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum CliFormat {
    Json,
    Jsonl,
    Markdown,
    Text,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CliScript {
    Auto,
    Keep,
    Hans,
    Hant,
}

/// Reads a file or stdin; gzip-compressed input (saved pages, data sets) is
/// inflated, reading at most `max_bytes + 1` so a gzip bomb stops at the limit.
fn read_input(path: &PathBuf, max_bytes: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let name = path.display();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {name}"))?;
    }
    if bytes.starts_with(b"\x1f\x8b") {
        bytes = gunzip(&bytes, max_bytes)
            .with_context(|| format!("{name} starts like gzip but does not inflate"))?;
    }
    let ext = path.extension().map(|e| e.to_ascii_lowercase());
    if ext.is_some_and(|e| e == "mht" || e == "mhtml") || starts_like_mime(&bytes) {
        if let Some(html) = html_from_mhtml(&bytes) {
            bytes = html;
        }
    }
    Ok(bytes)
}

/// Whether `bytes` start like a MIME message (a saved web archive without
/// its `.mht` name): `MIME-Version:` or `From:` among the first headers.
fn starts_like_mime(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..512).unwrap_or(bytes)).to_ascii_lowercase();
    head.starts_with("mime-version:")
        || (head.starts_with("from:") && head.contains("content-type: multipart/"))
}

/// The bytes of the first `text/html` part of an MHTML message (the saved
/// page), its transfer encoding undone; `None` if there is none. Bytes in,
/// bytes out: the page's own charset is then found like any other page's.
/// (The web app does the same in `www/mhtml.js`.)
fn html_from_mhtml(bytes: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let (headers, rest) = split_headers(bytes)?;
    let boundary = header_param(&headers, "boundary")?;
    let delimiter = format!("--{boundary}");
    for part in split_on(rest, delimiter.as_bytes()) {
        let Some((part_headers, body)) = split_headers(part) else {
            continue;
        };
        let lower = part_headers.to_ascii_lowercase();
        if !lower.contains("content-type: text/html") && !lower.contains("content-type:text/html") {
            continue;
        }
        let encoding = lower
            .split("content-transfer-encoding:")
            .nth(1)
            .and_then(|v| v.split_whitespace().next())
            .unwrap_or("8bit")
            .trim_end_matches(';')
            .to_string();
        let body = body
            .strip_suffix(b"\r\n")
            .or_else(|| body.strip_suffix(b"\n"))
            .unwrap_or(body);
        return match encoding.as_str() {
            "quoted-printable" => {
                quoted_printable::decode(body, quoted_printable::ParseMode::Robust).ok()
            }
            "base64" => {
                let clean: Vec<u8> = body
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                base64::engine::general_purpose::STANDARD.decode(clean).ok()
            }
            _ => Some(body.to_vec()),
        };
    }
    None
}

/// Splits a header block from its body at the first blank line; headers
/// unfolded (continuation lines joined) and read as Latin-1.
fn split_headers(bytes: &[u8]) -> Option<(String, &[u8])> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let bytes = bytes.get(start..)?;
    let (end, skip) = [(&b"\r\n\r\n"[..], 4), (&b"\n\n"[..], 2)]
        .iter()
        .filter_map(|(sep, len)| find(bytes, sep).map(|at| (at, *len)))
        .min()?;
    let headers: String = bytes.get(..end)?.iter().map(|&b| b as char).collect();
    let headers = headers
        .replace("\r\n", "\n")
        .replace("\n ", " ")
        .replace("\n\t", " ");
    Some((headers, bytes.get(end + skip..)?))
}

/// The value of parameter `name` (`boundary="…"`) in a header block.
fn header_param(headers: &str, name: &str) -> Option<String> {
    let lower = headers.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = headers.get(at..)?;
    let value = match value.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => value
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()?,
    };
    (!value.is_empty()).then(|| value.to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The pieces of `bytes` between occurrences of `delimiter`.
fn split_on<'a>(mut bytes: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(at) = find(bytes, delimiter) {
        out.push(bytes.get(..at).unwrap_or_default());
        bytes = bytes.get(at + delimiter.len()..).unwrap_or_default();
    }
    out.push(bytes);
    out
}

/// Inflates every gzip member, reading at most `max_bytes + 1` so a gzip
/// bomb stops at the limit. Bytes after the last member that are not
/// another member (padding, a truncated copy) are ignored with a warning on
/// stderr, as `gzip -d` does.
fn gunzip(bytes: &[u8], max_bytes: usize) -> Result<Vec<u8>> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut inflated = Vec::new();
    let mut rest = bytes;
    while rest.starts_with(b"\x1f\x8b") && (inflated.len() as u64) < limit {
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let room = limit - inflated.len() as u64;
        member.by_ref().take(room).read_to_end(&mut inflated)?;
        rest = member.into_inner();
    }
    if !rest.is_empty() && (inflated.len() as u64) < limit {
        eprintln!(
            "newsdecode: warning: {} bytes after the gzip data were ignored",
            rest.len()
        );
    }
    Ok(inflated)
}

/// What to do, from the command line: the parsed and checked options.
struct Run {
    files: Vec<PathBuf>,
    options: Options,
    format: CliFormat,
    jobs: usize,
}

impl Cli {
    /// Checks the options and settles the defaults; a bad encoding label is
    /// a usage error, not a per-file failure.
    fn into_run(self) -> std::result::Result<Run, String> {
        if let Some(label) = &self.encoding {
            newsdecode::decode::encoding_for_label(label).map_err(|e| e.to_string())?;
        }
        let files = if self.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.files
        };
        let format = self.format.unwrap_or(if files.len() > 1 {
            CliFormat::Jsonl
        } else {
            CliFormat::Json
        });
        let jobs = self
            .jobs
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, usize::from)
            .min(files.len());
        let options = Options {
            encoding: self.encoding,
            script: match self.script {
                CliScript::Auto => Script::Auto,
                CliScript::Keep => Script::Keep,
                CliScript::Hans => Script::Hans,
                CliScript::Hant => Script::Hant,
            },
            max_bytes: self.max_bytes,
        };
        Ok(Run {
            files,
            options,
            format,
            jobs,
        })
    }
}

impl Run {
    /// One input to its output text.
    fn convert(&self, path: &PathBuf) -> Result<String> {
        let bytes = read_input(path, self.options.max_bytes)?;
        let article = extract(Input::Bytes(&bytes), &self.options)
            .map_err(|e| anyhow::anyhow!("{e} [{}]", e.code()))?;
        Ok(match self.format {
            CliFormat::Jsonl => newsdecode::render::to_json(&article, false) + "\n",
            CliFormat::Json => render(&article, Format::Json) + "\n",
            CliFormat::Markdown => render(&article, Format::Markdown),
            CliFormat::Text => render(&article, Format::Text),
            CliFormat::Html => render(&article, Format::Html),
        })
    }
}

/// Writes results in input order: outputs to stdout, failures to stderr.
struct Output<'a> {
    run: &'a Run,
    out: std::io::StdoutLock<'static>,
    failed: bool,
}

impl Output<'_> {
    /// Writes the result of input `i`; false when stdout is closed (e.g.
    /// piped into `head`), to stop quietly.
    fn emit(&mut self, i: usize, result: Result<String>) -> bool {
        match result {
            Ok(text) => {
                let separator = if i > 0 && self.run.format != CliFormat::Jsonl {
                    "\n"
                } else {
                    ""
                };
                write!(self.out, "{separator}{text}").is_ok()
            }
            Err(e) => {
                self.failed = true;
                let name = self
                    .run
                    .files
                    .get(i)
                    .map_or_else(Default::default, |f| f.display().to_string());
                eprintln!("newsdecode: {name}: {e:#}");
                true
            }
        }
    }
}

/// One input after another; false when output stopped.
fn run_serial(run: &Run, output: &mut Output) -> bool {
    run.files
        .iter()
        .enumerate()
        .all(|(i, path)| output.emit(i, run.convert(path)))
}

/// `run.jobs` workers take the next input; results are written in input
/// order. False when output stopped.
fn run_parallel(run: &Run, output: &mut Output) -> bool {
    let next = AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..run.jobs {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = run.files.get(i) else { break };
                if send.send((i, run.convert(path))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (i, result) in receive.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                if !output.emit(want, result) {
                    // Make the workers stop at their next file.
                    next.store(run.files.len(), Ordering::Relaxed);
                    return false;
                }
                want += 1;
            }
        }
        true
    })
}

fn main() -> ExitCode {
    let run = match Cli::parse().into_run() {
        Ok(run) => run,
        Err(message) => {
            eprintln!("newsdecode: {message}");
            return ExitCode::from(2);
        }
    };
    let mut output = Output {
        run: &run,
        out: std::io::stdout().lock(),
        failed: false,
    };
    let completed = if run.jobs <= 1 {
        run_serial(&run, &mut output)
    } else {
        run_parallel(&run, &mut output)
    };
    if !completed || output.out.flush().is_err() || output.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
