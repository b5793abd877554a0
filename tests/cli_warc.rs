//! `newsdecode --warc`: response pages of `.warc` and `.warc.gz` files, one
//! record each with `input: {warc, offset, uri}`, the HTTP charset as the
//! decoder's hint, other records skipped, bad records as failures in place.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{run, scratch_dir, stderr, stdout};
use std::io::Write;

/// A WARC record of `kind` with `block` as its content.
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Record-ID: <urn:uuid:0>\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

/// The records of a small crawl, in order.
fn crawl() -> Vec<Vec<u8>> {
    let story = "<title>武侯区</title><p>武侯区产业园区高质量发展大会15日召开，进一步树牢抓经济必须抓园区的意识。</p>";
    let gbk = encoding_rs::GBK.encode(story).0.into_owned();
    let english = b"<title>Council</title><article><p>The council met on Monday and approved the budget after a long debate.</p></article>";
    let mut chunked = b"1a\r\n".to_vec();
    chunked.extend_from_slice(english.get(..26).unwrap());
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", english.len() - 26).as_bytes());
    chunked.extend_from_slice(english.get(26..).unwrap());
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    vec![
        record("warcinfo", "", b"software: test\r\n"),
        record(
            "request",
            "https://a.example/zh",
            b"GET /zh HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://a.example/zh",
            &http("200 OK", "text/html; charset=GB2312", "", &gbk),
        ),
        record(
            "response",
            "https://a.example/logo.png",
            &http("200 OK", "image/png", "", b"\x89PNG\r\n\x1a\n"),
        ),
        record(
            "response",
            "https://a.example/old",
            &http(
                "301 Moved Permanently",
                "text/html",
                "Location: /new\r\n",
                b"",
            ),
        ),
        record(
            "response",
            "https://a.example/en",
            &http(
                "200 OK",
                "text/html",
                "Transfer-Encoding: chunked\r\n",
                &chunked,
            ),
        ),
        record(
            "response",
            "https://a.example/empty",
            &http("200 OK", "text/html; charset=utf-8", "", b""),
        ),
    ]
}

fn records(out: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn warc_and_warc_gz_give_one_record_per_page_with_offsets() {
    use flate2::{write::GzEncoder, Compression};
    let dir = scratch_dir("warc");
    let crawl = crawl();
    let plain: Vec<u8> = crawl.concat();
    let mut gz = Vec::new();
    let mut gz_offsets = Vec::new();
    for rec in &crawl {
        gz_offsets.push(gz.len() as u64);
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(rec).unwrap();
        gz.extend(e.finish().unwrap());
    }
    let plain_offsets: Vec<u64> = crawl
        .iter()
        .scan(0u64, |at, r| {
            let start = *at;
            *at += r.len() as u64;
            Some(start)
        })
        .collect();
    std::fs::write(dir.join("crawl.warc"), &plain).unwrap();
    std::fs::write(dir.join("crawl.warc.gz"), &gz).unwrap();

    for (file, offsets) in [
        ("crawl.warc", &plain_offsets),
        ("crawl.warc.gz", &gz_offsets),
    ] {
        let path = dir.join(file);
        let out = run(&["--warc", "-j", "2", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let recs = records(&out);
        let uris: Vec<&str> = recs
            .iter()
            .map(|r| r["input"]["uri"].as_str().unwrap())
            .collect();
        assert_eq!(
            uris,
            [
                "https://a.example/zh",
                "https://a.example/en",
                "https://a.example/empty"
            ]
        );
        let got: Vec<u64> = recs
            .iter()
            .map(|r| r["input"]["offset"].as_u64().unwrap())
            .collect();
        assert_eq!(got, [offsets[2], offsets[5], offsets[6]], "{file}");
        assert!(recs
            .iter()
            .all(|r| r["input"]["warc"] == path.to_str().unwrap()));
        // The record's URI is the article's url.
        assert_eq!(recs[0]["url"], "https://a.example/zh");
        // The HTTP charset is the hint; the chunked body is joined.
        assert_eq!(recs[0]["decode"]["source"], "hint");
        assert_eq!(recs[0]["title"], "武侯区");
        assert_eq!(recs[1]["title"], "Council");
        assert!(recs[1]["text"]
            .as_str()
            .unwrap()
            .contains("approved the budget"));
        assert_eq!(recs[2]["error"]["code"], "empty_input");
        let err = stderr(&out);
        assert!(err.contains("2 ok, 1 failed, 4 records skipped"), "{err}");
    }

    // The offset finds the record again: the gzip member read alone.
    let member = &gz[gz_offsets[5] as usize..gz_offsets[6] as usize];
    std::fs::write(dir.join("one.warc.gz"), member).unwrap();
    let out = run(
        &["--warc", "-q", dir.join("one.warc.gz").to_str().unwrap()],
        None,
    );
    assert_eq!(records(&out)[0]["title"], "Council");
    assert_eq!(out.status.code(), Some(0));

    // A record bigger than --max-bytes is a failure in place, the rest read.
    let out = run(
        &[
            "--warc",
            "-q",
            "--max-bytes",
            "110",
            dir.join("crawl.warc").to_str().unwrap(),
        ],
        None,
    );
    let codes: Vec<String> = records(&out)
        .iter()
        .map(|r| r["error"]["code"].as_str().unwrap_or("ok").to_string())
        .collect();
    assert_eq!(codes, ["ok", "too_large", "empty_input"]);

    // Not WARC: the file is unreadable, exit 1.
    std::fs::write(dir.join("page.html"), "<p>not a warc</p>").unwrap();
    let out = run(&["--warc", dir.join("page.html").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a WARC record at offset 0"),
        "{}",
        stderr(&out)
    );
}
