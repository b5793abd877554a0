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

mod inputs;
mod mhtml;
mod output;
mod warc;

use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use inputs::{Failure, Filter, Source};
use newsdecode::{Options, Script};
use output::{CliFormat, Sink};
use std::path::PathBuf;

/// mimalloc: extraction is allocation-heavy, and it is 14 % faster than
/// the system's malloc there (see `Cargo.toml`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Turn news pages (HTML or pasted text, any encoding) into structured articles.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// Files or directories to read (a directory: the pages under it, see
    /// --glob); none or `-` reads standard input.
    files: Vec<PathBuf>,
    /// Output format [default: json for one input, jsonl for several].
    #[arg(long, short = 'f', value_enum)]
    format: Option<CliFormat>,
    /// Write one file per input into DIR (created if missing) instead of
    /// standard output; names from the inputs, numbered on collision.
    #[arg(long, short = 'o', value_name = "DIR")]
    output_dir: Option<PathBuf>,
    /// Which files of a directory to read (repeatable; a pattern with `/`
    /// matches the path under the directory) [default: *.html, *.htm,
    /// *.xhtml, *.shtml, *.mht, *.mhtml, *.txt, each also .gz].
    #[arg(long, value_name = "PATTERN")]
    glob: Vec<String>,
    /// Encoding label overriding detection (any WHATWG label, e.g. gbk, big5, shift_jis).
    #[arg(long, short = 'e', value_name = "LABEL")]
    encoding: Option<String>,
    /// Where the page came from: the article's `url` (over its canonical
    /// link); for one input, or the same for every input.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// A charset label from the transport (e.g. an HTTP Content-Type's),
    /// weighed like the page's <meta> label, not obeyed like --encoding.
    #[arg(long, value_name = "LABEL")]
    charset_hint: Option<String>,
    /// Chinese script of the output.
    #[arg(long, value_enum, default_value_t = CliScript::Auto)]
    script: CliScript,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = newsdecode::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Files processed at once [default: the number of CPUs]; output keeps the input order.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// Read the inputs as WARC files (.warc or .warc.gz; `-`: standard
    /// input): one record per response page, with `input.warc`, `offset`
    /// and `uri`; the HTTP charset is the decoder's hint.
    #[arg(long)]
    warc: bool,
    /// No progress bar and no summary line on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CliScript {
    Auto,
    Keep,
    Hans,
    Hant,
}

/// What to do, from the command line: the parsed and checked options.
struct Run {
    sources: Vec<Source>,
    options: Options,
    format: CliFormat,
    jobs: usize,
    output_dir: Option<PathBuf>,
    quiet: bool,
}

impl Cli {
    /// Checks the options and settles the defaults; a bad encoding label or
    /// glob is a usage error, not a per-file failure.
    fn into_run(self) -> Result<Run, String> {
        if let Some(label) = &self.encoding {
            newsdecode::decode::encoding_for_label(label).map_err(|e| e.to_string())?;
        }
        let filter = Filter::new(&self.glob)?;
        let files = if self.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.files
        };
        let sources = inputs::expand(&files, &filter);
        let several = sources.len() > 1 || files.iter().any(|f| f.is_dir());
        let format = self.format.unwrap_or(if several {
            CliFormat::Jsonl
        } else {
            CliFormat::Json
        });
        let jobs = self
            .jobs
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, usize::from)
            .min(sources.len())
            .max(1);
        let options = Options {
            encoding: self.encoding,
            url: self.url,
            charset_hint: self.charset_hint,
            script: match self.script {
                CliScript::Auto => Script::Auto,
                CliScript::Keep => Script::Keep,
                CliScript::Hans => Script::Hans,
                CliScript::Hant => Script::Hant,
            },
            max_bytes: self.max_bytes,
        };
        Ok(Run {
            sources,
            options,
            format,
            jobs,
            output_dir: self.output_dir,
            quiet: self.quiet,
        })
    }
}

/// What became of one input: the text to write (the article, or in the
/// JSON formats the failure's record) and the failure, if any.
struct Outcome {
    text: Option<String>,
    failure: Option<Failure>,
}

impl Run {
    /// One input to its outcome; warnings go through `progress`.
    fn convert(&self, source: &Source, progress: &ProgressBar) -> Outcome {
        let warn = |message: String| progress.suspend(|| eprintln!("newsdecode: {message}"));
        match inputs::article(source, &self.options, &warn) {
            Ok(article) => Outcome {
                text: Some(self.format.render(&article)),
                failure: None,
            },
            Err(failure) => Outcome {
                text: self
                    .format
                    .is_json()
                    .then(|| self.format.failure_record(source, &failure)),
                failure: Some(failure),
            },
        }
    }
}

/// Writes outcomes in input order, counts them and shows progress.
struct Output<'a> {
    run: &'a Run,
    sink: Sink,
    progress: ProgressBar,
    failed: usize,
    write_failed: bool,
}

impl Output<'_> {
    /// Writes the outcome of input `i`; false when standard output is
    /// closed (e.g. piped into `head`), to stop quietly.
    fn emit(&mut self, i: usize, outcome: Outcome) -> bool {
        let name = self.run.sources.get(i).map_or("", |s| s.name.as_str());
        if let Some(failure) = &outcome.failure {
            self.failed += 1;
            let message = format!("newsdecode: {name}: {} [{}]", failure.message, failure.code);
            self.progress.suspend(|| eprintln!("{message}"));
        }
        if let Some(text) = outcome.text {
            match self.sink.write(i, self.run.format, &text) {
                Ok(_) => {}
                Err(None) => return false,
                Err(Some(message)) => {
                    self.write_failed = true;
                    self.progress
                        .suspend(|| eprintln!("newsdecode: cannot write {message}"));
                }
            }
        }
        self.progress.inc(1);
        true
    }
}

/// One input after another; false when output stopped.
fn run_serial(run: &Run, output: &mut Output) -> bool {
    run.sources
        .iter()
        .enumerate()
        .all(|(i, source)| output.emit(i, run.convert(source, &output.progress)))
}

/// `run.jobs` workers take the next input; results are written in input
/// order. False when output stopped.
fn run_parallel(run: &Run, output: &mut Output) -> bool {
    let next = AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel();
    let progress = output.progress.clone();
    std::thread::scope(|scope| {
        for _ in 0..run.jobs {
            let send = send.clone();
            let next = &next;
            let progress = &progress;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = run.sources.get(i) else {
                    break;
                };
                if send.send((i, run.convert(source, progress))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (i, outcome) in receive.iter() {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&want) {
                if !output.emit(want, outcome) {
                    // Make the workers stop at their next file.
                    next.store(run.sources.len(), Ordering::Relaxed);
                    return false;
                }
                want += 1;
            }
        }
        true
    })
}

/// The progress bar: on standard error, drawn only when it is a terminal
/// (indicatif hides it otherwise), for runs of more than one input.
fn progress_bar(run: &Run) -> ProgressBar {
    let count = run.sources.len() as u64;
    if run.quiet || count < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(count), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:32} {pos}/{len} pages, {per_sec}, {eta} left")
    {
        bar.set_style(style);
    }
    bar
}

/// `--warc`: records streamed from the files, summary on stderr.
fn main_warc(cli: Cli) -> ExitCode {
    if cli.output_dir.is_some() {
        eprintln!("newsdecode: --output-dir does not take --warc (write JSONL and split it)");
        return ExitCode::from(2);
    }
    let files = if cli.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        cli.files.clone()
    };
    let quiet = cli.quiet;
    let format = cli.format.unwrap_or(CliFormat::Jsonl);
    let jobs = cli
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, usize::from);
    let run = match cli.into_run() {
        Ok(run) => run,
        Err(message) => {
            eprintln!("newsdecode: {message}");
            return ExitCode::from(2);
        }
    };
    let mut sink = Sink::Stdout {
        out: std::io::stdout().lock(),
        written: false,
    };
    let started = Instant::now();
    let tally = warc::run(&files, &run.options, format, jobs, &mut sink);
    if !quiet {
        let seconds = started.elapsed().as_secs_f64();
        let pages = tally.ok + tally.failed;
        eprintln!(
            "newsdecode: {} ok, {} failed, {} records skipped (not pages), {} WARC files unreadable; {pages} pages in {seconds:.2} s ({:.0} pages/s)",
            tally.ok,
            tally.failed,
            tally.skipped,
            tally.unreadable,
            pages as f64 / seconds.max(1e-9),
        );
    }
    if !sink.flush() || tally.failed > 0 || tally.unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.warc {
        return main_warc(cli);
    }
    let run = match cli.into_run() {
        Ok(run) => run,
        Err(message) => {
            eprintln!("newsdecode: {message}");
            return ExitCode::from(2);
        }
    };
    let sink = match &run.output_dir {
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("newsdecode: cannot create {}: {e}", dir.display());
                return ExitCode::from(2);
            }
            Sink::Dir {
                dir: dir.clone(),
                names: output::file_names(&run.sources, run.format),
            }
        }
        None => Sink::Stdout {
            out: std::io::stdout().lock(),
            written: false,
        },
    };
    let started = Instant::now();
    let mut output = Output {
        run: &run,
        sink,
        progress: progress_bar(&run),
        failed: 0,
        write_failed: false,
    };
    let completed = if run.jobs <= 1 {
        run_serial(&run, &mut output)
    } else {
        run_parallel(&run, &mut output)
    };
    output.progress.finish_and_clear();
    let total = run.sources.len();
    if completed && !run.quiet && (total > 1 || run.output_dir.is_some()) {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "newsdecode: {} ok, {} failed, {total} inputs in {seconds:.2} s ({:.0} pages/s)",
            total - output.failed,
            output.failed,
            total as f64 / seconds.max(1e-9),
        );
    }
    if !completed || !output.sink.flush() || output.failed > 0 || output.write_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
