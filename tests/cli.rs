//! The command-line shell: formats, several files, stdin, exit codes 0/1/2.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{run, scratch, stderr, stdout};
use std::io::Write;

const SEED: &str = "tests/pages/seed-chinanews-sichuan-wuhou/input.txt";

#[test]
fn one_file_gives_one_json_document() {
    let out = run(&[SEED], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(article["schema"], 1);
    assert_eq!(article["decode"]["encoding"], "UTF-8");
    assert_eq!(article["input"]["kind"], "text");
    assert_eq!(
        article["input"]["bytes"],
        std::fs::metadata(SEED).unwrap().len()
    );
}

#[test]
fn stdin_and_dash_read_standard_input() {
    let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=gbk><p>中文新闻</p>");
    for args in [&[][..], &["-"][..]] {
        let out = run(&[&["--format", "text"], args].concat(), Some(&gbk));
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), "中文新闻\n");
    }
}

#[test]
fn several_files_give_jsonl_and_a_failure_does_not_stop_the_rest() {
    let good = scratch("good.html", b"<p>first</p>");
    let png = scratch("bad.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = run(&[&good, &png, SEED], None);
    assert_eq!(out.status.code(), Some(1));
    // One record per input, in order: the failure is a record in place.
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    let names: Vec<&str> = records
        .iter()
        .map(|r| r["input"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [good.as_str(), png.as_str(), SEED]);
    assert_eq!(records[0]["schema"], 1);
    assert_eq!(records[2]["schema"], 1);
    assert_eq!(records[1]["error"]["code"], "binary_input");
    assert_eq!(records[1]["input"]["bytes"], 16);
    assert!(records[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("PNG image"));
    assert_eq!(records[1].as_object().unwrap().len(), 2, "{}", records[1]);
    let err = stderr(&out);
    assert!(
        err.contains("bad.png") && err.contains("PNG image") && err.contains("binary_input"),
        "{err}"
    );
    let missing = run(&["/nonexistent/page.html"], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("/nonexistent/page.html"));
    let record: serde_json::Value = serde_json::from_str(&stdout(&missing)).unwrap();
    assert_eq!(record["error"]["code"], "unreadable");
    assert_eq!(record["input"]["name"], "/nonexistent/page.html");
    assert_eq!(record["input"]["bytes"], serde_json::Value::Null);
}

#[test]
fn every_format_renders() {
    let page = scratch(
        "page.html",
        b"<title>T</title><h1>x</h1><p>a *b* &lt;c&gt;</p>",
    );
    let md = stdout(&run(&["--format", "markdown", &page], None));
    // The <title> is the title; the body is the page's text.
    assert_eq!(
        md,
        "---\ntitle: \"T\"\n---\n\n# T\n\nx\n\na \\*b\\* \\<c\\>\n"
    );
    let html = stdout(&run(&["--format", "html", &page], None));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<p>a *b* &lt;c&gt;</p>"));
    let text = stdout(&run(&["-f", "text", &page], None));
    assert_eq!(text, "T\n\nx\n\na *b* <c>\n");
    let jsonl = stdout(&run(&["-f", "jsonl", &page], None));
    assert_eq!(jsonl.lines().count(), 1);
}

#[test]
fn encoding_override_and_usage_errors() {
    let (big5, _, _) = encoding_rs::BIG5.encode("臺灣新聞");
    let file = scratch("big5.txt", &big5);
    let out = run(&["--encoding", "big5", "-f", "json", &file], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["decode"]["source"], "user");
    assert_eq!(v["text"], "臺灣新聞");

    // A charset hint is weighed, and reported as the source.
    let out = run(&["--charset-hint", "big5", "-f", "json", &file], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (v["decode"]["source"].as_str(), v["text"].as_str()),
        (Some("hint"), Some("臺灣新聞"))
    );

    let bad_label = run(&["--encoding", "klingon", &file], None);
    assert_eq!(bad_label.status.code(), Some(2));
    assert!(stderr(&bad_label).contains("unknown encoding label \"klingon\""));
    assert_eq!(
        run(&["--format", "pdf", &file], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["--no-such-flag"], None).status.code(), Some(2));
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--encoding"));
    let version = run(&["--version"], None);
    assert_eq!(
        stdout(&version).trim(),
        format!("newsdecode {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn size_limit_is_configurable() {
    let file = scratch("big.txt", &[b'a'; 100]);
    let out = run(&["--max-bytes", "50", &file], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the limit of 50 bytes"));
}

#[test]
fn gzip_input_is_inflated_within_the_size_limit() {
    use flate2::{write::GzEncoder, Compression};
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all("<p>壓縮的頁面</p>".as_bytes()).unwrap();
    let file = scratch("page.html.gz", &gz.finish().unwrap());
    let out = run(&["-f", "text", &file], None);
    assert_eq!(
        (out.status.code(), stdout(&out).as_str()),
        (Some(0), "壓縮的頁面\n")
    );

    // A bomb: 10 MB of zeros in a few KB stops at the limit and is refused.
    let mut bomb = GzEncoder::new(Vec::new(), Compression::best());
    bomb.write_all(&vec![b' '; 10_000_000]).unwrap();
    let file = scratch("bomb.gz", &bomb.finish().unwrap());
    let out = run(&["--max-bytes", "1000000", &file], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("input inflates to more than 1000000 bytes [too_large]"),
        "{}",
        stderr(&out)
    );

    // Two members, then padding: both members read, the padding ignored
    // with a warning.
    let member = |text: &str| {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        gz.finish().unwrap()
    };
    let mut padded = member("<p>第一部分");
    padded.extend(member("第二部分</p>"));
    padded.extend([0u8; 512]);
    let file = scratch("padded.html.gz", &padded);
    let out = run(&["-f", "text", &file], None);
    assert_eq!(
        (out.status.code(), stdout(&out).as_str()),
        (Some(0), "第一部分第二部分\n")
    );
    assert!(
        stderr(&out).contains("512 bytes after the gzip data were ignored"),
        "{}",
        stderr(&out)
    );

    let fake = scratch("fake.gz", b"\x1f\x8bnot really gzip");
    let out = run(&[&fake], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not inflate"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn parallel_jobs_keep_the_input_order_and_the_failures() {
    let png = scratch("jobs.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let mut args: Vec<String> = Vec::new();
    for i in 0..12 {
        let page = format!(
            "<article><h1>Page {i}</h1><p>{}</p></article>",
            "Paragraph text of a page, long enough to be a body. ".repeat(i * 40 + 1)
        );
        args.push(scratch(&format!("jobs-{i}.html"), page.as_bytes()));
        if i == 5 {
            args.push(png.clone());
        }
    }
    args.push(SEED.to_string());
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let serial = run(
        &[&["-q", "-j", "1", "-f", "text"], &arg_refs[..]].concat(),
        None,
    );
    let parallel = run(
        &[&["-q", "-j", "4", "-f", "text"], &arg_refs[..]].concat(),
        None,
    );
    assert_eq!(serial.status.code(), Some(1));
    assert_eq!(parallel.status.code(), Some(1));
    assert_eq!(stdout(&parallel), stdout(&serial));
    assert_eq!(stderr(&parallel), stderr(&serial));
    let text = stdout(&serial);
    let titles: Vec<&str> = text.lines().filter(|l| l.starts_with("Page ")).collect();
    let expected: Vec<String> = (0..12).map(|i| format!("Page {i}")).collect();
    assert_eq!(titles, expected);
    assert!(stderr(&serial).contains("jobs.png"));
    assert!(stdout(&serial).ends_with("（完）\n"));
}

#[test]
fn mht_web_archives_are_unpacked() {
    // A GBK page in a quoted-printable part (soft line breaks included),
    // as a browser's "save as single file" writes it.
    let page = "<html><head><meta charset=gbk><title>新闻</title></head><body><p>武侯区产业园区高质量发展大会15日召开，进一步树牢抓经济必须抓园区的意识。</p></body></html>";
    let gbk = encoding_rs::GBK.encode(page).0;
    let mut qp = String::new();
    for (i, b) in gbk.iter().enumerate() {
        if i > 0 && i % 30 == 0 {
            qp.push_str("=\r\n");
        }
        match b {
            b'=' => qp.push_str("=3D"),
            0x20..=0x7e => qp.push(*b as char),
            _ => qp.push_str(&format!("={b:02X}")),
        }
    }
    let mht = format!(
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n\
         ------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n\
         ------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n\
         ------MultipartBoundary--abc--\r\n"
    );
    let path = scratch("page.mht", mht.as_bytes());
    let out = run(&["-f", "text", &path], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("武侯区产业园区高质量发展大会15日召开"),
        "{}",
        stdout(&out)
    );
    // A base64 part, and a MIME message without the .mht name.
    let b64 = "PHA+QSBiYXNlNjQgcGFnZSwgd2l0aCBhIHBhcmFncmFwaCBvZiB0ZXh0LjwvcD4=";
    let mime = format!(
        "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\n--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{b64}\n--b1--\n"
    );
    let out = run(&["-f", "text", "-"], Some(mime.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("A base64 page, with a paragraph of text."),
        "{}",
        stdout(&out)
    );
}
