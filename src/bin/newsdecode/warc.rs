//! WARC input (`--warc`): the response records of `.warc` and `.warc.gz`
//! files (Common Crawl's layout: one gzip member per record), each with its
//! offset, its `WARC-Target-URI` and the HTTP `Content-Type` charset.
//!
//! A small reader rather than the `warc` crate: that crate reads through a
//! decompressor and cannot give a record's offset in the compressed file
//! (what `input.offset` is for: fetching the record again with a range
//! request), buffers every record whatever its size, and brings chrono, nom,
//! uuid and url with it. This reader is about 250 lines and bounds each
//! record by `--max-bytes`.

use crate::inputs::Failure;
use crate::output::{CliFormat, Sink};
use std::io::{BufRead, Read};

/// Header lines of a WARC or HTTP header block beyond which the block is
/// malformed: real blocks hold a few dozen.
const HEADER_LINES_MAX: usize = 512;

/// Bytes of one header line beyond which it is malformed.
const HEADER_LINE_MAX: usize = 64 * 1024;

/// One response record.
#[derive(Debug)]
pub struct Record {
    /// Where the record starts in the file (its gzip member, for `.warc.gz`).
    pub offset: u64,
    /// `WARC-Target-URI`.
    pub uri: Option<String>,
    /// The HTTP `Content-Type` charset parameter: the decoder's hint.
    pub charset: Option<String>,
    /// The HTTP body (chunked transfer coding undone), or why there is none.
    pub body: Result<Vec<u8>, Failure>,
}

/// What became of a WARC record that is not an article to read.
#[derive(Debug, PartialEq, Eq)]
pub enum Skipped {
    /// Not a `response` record (request, metadata, warcinfo…).
    NotResponse,
    /// A response that is not a 2xx page of text or HTML (an image, a redirect).
    NotPage,
}

/// A `BufRead` that counts the bytes consumed from it: the offsets.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

/// Reads the records of one WARC file, gzip-compressed (member by member)
/// or not, calling `each` with every response page or skip, in order.
/// A file that cannot be read as WARC ends with `Err`.
pub fn read(
    reader: impl BufRead,
    max_bytes: usize,
    each: &mut dyn FnMut(Result<Record, Skipped>) -> bool,
) -> std::io::Result<()> {
    let mut file = Counting {
        inner: reader,
        consumed: 0,
    };
    loop {
        // The blank lines that end the previous record are not this one's.
        let head = file.fill_buf()?;
        let blank = head
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        if blank > 0 {
            file.consume(blank);
            continue;
        }
        if head.is_empty() {
            return Ok(());
        }
        let gzip = head.starts_with(b"\x1f\x8b");
        let start = file.consumed;
        if gzip {
            let mut member = std::io::BufReader::new(flate2::bufread::GzDecoder::new(&mut file));
            while let Some(record) = next_record(&mut member, start, max_bytes)? {
                if !each(record) {
                    return Ok(());
                }
            }
            // The member's end (its trailer) is read once the record is done.
            std::io::copy(&mut member, &mut std::io::sink())?;
        } else {
            match next_record(&mut file, start, max_bytes)? {
                Some(record) => {
                    if !each(record) {
                        return Ok(());
                    }
                }
                None => return Ok(()),
            }
        }
    }
}

/// The next record of an uncompressed stream; `None` at its end.
fn next_record(
    stream: &mut impl BufRead,
    offset: u64,
    max_bytes: usize,
) -> std::io::Result<Option<Result<Record, Skipped>>> {
    // Blank lines between records (each ends with two CRLFs).
    let version = loop {
        let Some(line) = read_line(stream)? else {
            return Ok(None);
        };
        if !line.trim().is_empty() {
            break line;
        }
    };
    if !version.starts_with("WARC/") {
        return Err(invalid(format!(
            "not a WARC record at offset {offset}: {version:.40}"
        )));
    }
    let headers = read_headers(stream)?;
    let length: u64 = header(&headers, "content-length")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| {
            invalid(format!(
                "a record without Content-Length at offset {offset}"
            ))
        })?;
    let mut block = stream.take(length);
    let is_response =
        header(&headers, "warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
    if !is_response {
        std::io::copy(&mut block, &mut std::io::sink())?;
        return Ok(Some(Err(Skipped::NotResponse)));
    }
    let uri = header(&headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
    let record = read_response(&mut block, max_bytes);
    std::io::copy(&mut block, &mut std::io::sink())?;
    Ok(Some(record?.map(|(charset, body)| Record {
        offset,
        uri,
        charset,
        body,
    })))
}

/// The HTTP response in a record's block: its charset and body, or a skip
/// for what is not a page. The body is bounded by `max_bytes`.
#[allow(clippy::type_complexity)]
fn read_response(
    block: &mut impl BufRead,
    max_bytes: usize,
) -> std::io::Result<Result<(Option<String>, Result<Vec<u8>, Failure>), Skipped>> {
    let Some(status) = read_line(block)? else {
        return Ok(Err(Skipped::NotPage));
    };
    let ok = status
        .split_whitespace()
        .nth(1)
        .is_some_and(|code| code.starts_with('2'));
    let headers = read_headers(block)?;
    let content_type = header(&headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let page = content_type.is_empty()
        || ["html", "xml", "text/plain"]
            .iter()
            .any(|t| content_type.contains(t));
    if !ok || !page {
        return Ok(Err(Skipped::NotPage));
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'', ' ']).to_string())
        .find(|c| !c.is_empty());
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let chunked = header(&headers, "transfer-encoding").is_some_and(|t| t.contains("chunked"));
    let mut body = Vec::new();
    if chunked {
        dechunk(block, limit, &mut body)?;
    } else {
        block.take(limit).read_to_end(&mut body)?;
    }
    let body = if body.len() > max_bytes {
        Err(Failure {
            code: "too_large",
            message: format!("the record's body holds more than {max_bytes} bytes"),
            bytes: None,
        })
    } else if body.is_empty() {
        Err(Failure {
            code: "empty_input",
            message: "the record's body is empty".into(),
            bytes: Some(0),
        })
    } else {
        Ok(body)
    };
    Ok(Ok((charset, body)))
}

/// Undoes HTTP's chunked transfer coding, at most `limit` bytes.
fn dechunk(block: &mut impl BufRead, limit: u64, body: &mut Vec<u8>) -> std::io::Result<()> {
    while let Some(line) = read_line(block)? {
        let size = line.split(';').next().unwrap_or("").trim();
        let Ok(size) = u64::from_str_radix(size, 16) else {
            break;
        };
        if size == 0 {
            break;
        }
        let room = limit.saturating_sub(body.len() as u64);
        block.take(size.min(room)).read_to_end(body)?;
        if body.len() as u64 >= limit {
            break;
        }
        read_line(block)?;
    }
    Ok(())
}

/// Header lines up to the blank line, as (lower-cased name, value).
fn read_headers(stream: &mut impl BufRead) -> std::io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    while let Some(line) = read_line(stream)? {
        if line.trim().is_empty() {
            return Ok(headers);
        }
        if headers.len() == HEADER_LINES_MAX {
            return Err(invalid("a header block of too many lines".into()));
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Ok(headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// One line without its CRLF, read as Latin-1 (header bytes); `None` at the end.
fn read_line(stream: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = stream
        .take(HEADER_LINE_MAX as u64)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if !line.ends_with(b"\n") && read == HEADER_LINE_MAX {
        return Err(invalid("a header line over 64 KiB".into()));
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(Some(line.iter().map(|&b| b as char).collect()))
}

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// Records extracted at once: enough to keep every worker busy, few enough
/// that a batch of large records stays small in memory.
const BATCH_PER_JOB: usize = 8;

/// Counts of a `--warc` run, for the summary line.
#[derive(Debug, Default)]
pub struct Tally {
    /// Records that gave an article.
    pub ok: usize,
    /// Response pages that gave a failure record.
    pub failed: usize,
    /// Records that are not pages (requests, metadata, images, redirects).
    pub skipped: usize,
    /// WARC files that could not be read to their end.
    pub unreadable: usize,
}

/// One page record to extract, with the file it came from.
struct Job<'a> {
    warc: &'a str,
    record: Record,
}

/// The output of one record: its text (the rendering, or in the JSON
/// formats the failure's record) and its failure, if any.
fn convert(
    job: Job,
    options: &newsdecode::Options,
    format: CliFormat,
) -> (String, Option<String>, Option<Failure>) {
    let Job { warc, record } = job;
    let label = format!(
        "{warc} at {}{}",
        record.offset,
        record
            .uri
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default()
    );
    let result = record.body.and_then(|body| {
        let size = body.len() as u64;
        let options = newsdecode::Options {
            charset_hint: record.charset.clone(),
            url: record.uri.clone(),
            ..options.clone()
        };
        newsdecode::extract_owned(body, &options).map_err(|e| Failure {
            code: e.code(),
            message: e.to_string(),
            bytes: Some(size),
        })
    });
    match result {
        Ok(mut article) => {
            article.input.warc = Some(warc.to_string());
            article.input.offset = Some(record.offset);
            article.input.uri = record.uri;
            (label, Some(format.render(&article)), None)
        }
        Err(failure) => {
            let text = format.is_json().then(|| {
                let input =
                    serde_json::json!({ "warc": warc, "offset": record.offset, "uri": record.uri });
                format.failure_text(input, &failure)
            });
            (label, text, Some(failure))
        }
    }
}

/// Extracts `batch` on `jobs` threads and writes the outputs in order;
/// false when standard output is closed.
fn flush_batch(
    batch: &mut Vec<Job>,
    options: &newsdecode::Options,
    format: CliFormat,
    jobs: usize,
    out: &mut Sink,
    tally: &mut Tally,
) -> bool {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<Job>>> = batch
        .drain(..)
        .map(|j| std::sync::Mutex::new(Some(j)))
        .collect();
    let mut results = Vec::new();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.min(slots.len()).max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(slot) = slots.get(i) else { break };
                        let job = slot.lock().map(|mut s| s.take()).ok().flatten();
                        if let Some(job) = job {
                            done.push((i, convert(job, options, format)));
                        }
                    }
                    done
                })
            })
            .collect();
        let mut all: Vec<_> = workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect();
        all.sort_by_key(|(i, _)| *i);
        results = all.into_iter().map(|(_, r)| r).collect();
    });
    for (label, text, failure) in results {
        if let Some(failure) = failure {
            tally.failed += 1;
            eprintln!(
                "newsdecode: {label}: {} [{}]",
                failure.message, failure.code
            );
        } else {
            tally.ok += 1;
        }
        if let Some(text) = text {
            if out.write(0, format, &text).is_err() {
                return false;
            }
        }
    }
    true
}

/// `--warc`: every response page of every file, in file order, one record
/// each. Returns the counts; stops early when standard output is closed.
pub fn run(
    files: &[std::path::PathBuf],
    options: &newsdecode::Options,
    format: CliFormat,
    jobs: usize,
    out: &mut Sink,
) -> Tally {
    let mut tally = Tally::default();
    let batch_size = jobs.max(1) * BATCH_PER_JOB;
    for path in files {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(file) => Box::new(std::io::BufReader::with_capacity(1 << 18, file)),
                Err(e) => {
                    tally.unreadable += 1;
                    eprintln!("newsdecode: {name}: {e} [unreadable]");
                    continue;
                }
            }
        };
        let mut batch: Vec<Job> = Vec::new();
        let mut open = true;
        let result = read(reader, options.max_bytes, &mut |item| {
            match item {
                Ok(record) => batch.push(Job {
                    warc: &name,
                    record,
                }),
                Err(_) => tally.skipped += 1,
            }
            if batch.len() >= batch_size {
                open = flush_batch(&mut batch, options, format, jobs, out, &mut tally);
            }
            open
        });
        if open {
            open = flush_batch(&mut batch, options, format, jobs, out, &mut tally);
        }
        if let Err(e) = result {
            tally.unreadable += 1;
            eprintln!("newsdecode: {name}: {e} [unreadable]");
        }
        if !open {
            break;
        }
    }
    tally
}
