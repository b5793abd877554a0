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
    Ok(bytes)
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
