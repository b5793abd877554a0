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
        let mut inflated = Vec::new();
        let limit = u64::try_from(max_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(limit)
            .read_to_end(&mut inflated)
            .with_context(|| format!("{name} starts like gzip but does not inflate"))?;
        bytes = inflated;
    }
    Ok(bytes)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = Options {
        encoding: cli.encoding.clone(),
        script: match cli.script {
            CliScript::Auto => Script::Auto,
            CliScript::Keep => Script::Keep,
            CliScript::Hans => Script::Hans,
            CliScript::Hant => Script::Hant,
        },
        max_bytes: cli.max_bytes,
    };
    // A bad label is a usage error, not a per-file failure.
    if let Some(label) = &cli.encoding {
        if let Err(e) = newsdecode::decode::encoding_for_label(label) {
            eprintln!("newsdecode: {e}");
            return ExitCode::from(2);
        }
    }
    let files = if cli.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        cli.files.clone()
    };
    let format = cli.format.unwrap_or(if files.len() > 1 {
        CliFormat::Jsonl
    } else {
        CliFormat::Json
    });
    let jobs = cli
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, usize::from)
        .min(files.len());
    let convert = |path: &PathBuf| -> Result<String> {
        let bytes = read_input(path, cli.max_bytes)?;
        let article = extract(Input::Bytes(&bytes), &options)
            .map_err(|e| anyhow::anyhow!("{e} [{}]", e.code()))?;
        Ok(match format {
            CliFormat::Jsonl => newsdecode::render::to_json(&article, false) + "\n",
            CliFormat::Json => render(&article, Format::Json) + "\n",
            CliFormat::Markdown => render(&article, Format::Markdown),
            CliFormat::Text => render(&article, Format::Text),
            CliFormat::Html => render(&article, Format::Html),
        })
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let mut emit = |i: usize, result: Result<String>| -> bool {
        match result {
            Ok(text) => {
                let separator = if i > 0 && format != CliFormat::Jsonl {
                    "\n"
                } else {
                    ""
                };
                // stdout closed (e.g. piped into `head`): stop quietly.
                write!(out, "{separator}{text}").is_ok()
            }
            Err(e) => {
                failed = true;
                let name = files
                    .get(i)
                    .map_or_else(Default::default, |f| f.display().to_string());
                eprintln!("newsdecode: {name}: {e:#}");
                true
            }
        }
    };
    if jobs <= 1 {
        for (i, path) in files.iter().enumerate() {
            if !emit(i, convert(path)) {
                return ExitCode::from(1);
            }
        }
    } else {
        // Workers take the next file; results are written in input order.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (send, receive) = std::sync::mpsc::channel();
        let stopped = std::thread::scope(|scope| {
            for _ in 0..jobs {
                let send = send.clone();
                let (next, convert, files) = (&next, &convert, &files);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if send.send((i, convert(path))).is_err() {
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
                    if !emit(want, result) {
                        // Make the workers stop at their next file.
                        next.store(files.len(), std::sync::atomic::Ordering::Relaxed);
                        return true;
                    }
                    want += 1;
                }
            }
            false
        });
        if stopped {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
