//! The heavy bounds of `docs/RELIABILITY.md`: a 50 MB single line, the node
//! limit, and linear time on pathological shapes (1×, 4×, 16×). Built with
//! optimisations only (`cargo test --profile bounds --test bounds`, run by
//! `scripts/test`); in a debug build this file is empty.
//!
//! The linear-time check compares times of one run against each other with
//! a wide margin (16× the input may take at most 48× the time): it catches a
//! quadratic step (256×), not a slow machine.
#![cfg(not(debug_assertions))]

use newsdecode::article::WarningKind;
use newsdecode::{extract, Input, Options};
use std::time::{Duration, Instant};

fn run(html: &str) -> newsdecode::Article {
    extract(Input::Text(html), &Options::default()).unwrap()
}

#[test]
fn a_50_mb_single_line_is_read_whole() {
    let unit = "新闻 word, 文字。";
    let count = 50 * 1024 * 1024 / unit.len();
    let html = format!("<p>{}</p>", unit.repeat(count));
    let article = run(&html);
    assert_eq!(article.text.matches("文字").count(), count);
    // The same line as a plain-text paste.
    let plain = "这是一行很长的新闻内容，".repeat(50 * 1024 * 1024 / 36);
    let article = run(&plain);
    assert_eq!(article.text.matches("新闻").count(), 50 * 1024 * 1024 / 36);
}

#[test]
fn past_a_million_nodes_tags_are_ignored_and_text_kept() {
    let html = format!(
        "<body><p>{}</p><script>var secret = 1;</script><div hidden>hidden words</div></body>",
        "<b>x</b>".repeat(1_100_000)
    );
    let article = run(&html);
    assert_eq!(article.text.matches('x').count(), 1_100_000);
    // Past the limit, tags are ignored but never-shown content stays hidden.
    assert!(!article.text.contains("secret") && !article.text.contains("hidden words"));
    let warning = article
        .decode
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LimitReached)
        .expect("limit warning");
    assert!(
        warning.message.contains("past 1000000 nodes"),
        "{}",
        warning.message
    );
}

/// Builds an input of about `n` bytes.
type Make = fn(usize) -> String;

/// Pathological shapes, by name.
fn shapes() -> Vec<(&'static str, Make)> {
    vec![
        ("nested divs", |n| {
            format!("{}text{}", "<div>".repeat(n / 5), "</div>".repeat(n / 6))
        }),
        ("nested bs", |n| format!("<p>{}", "<b>x".repeat(n / 4))),
        ("attributes", |n| {
            let attrs: String = (0..n / 8).map(|i| format!(" a{i}=v")).collect();
            format!("<div{attrs}>hello</div>")
        }),
        ("comments", |n| "<p>a<!-- c -->".repeat(n / 14)),
        ("unclosed comment", |n| {
            format!("<p>hi</p><!--{}", "-- -> x".repeat(n / 7))
        }),
        ("entities", |n| {
            format!("<p>{}", "&amp;&#x4e2d;&notanentity;&".repeat(n / 28))
        }),
        ("stray <", |n| {
            format!("<p>{}", "< <a <! </ <? ".repeat(n / 14))
        }),
        ("paragraphs", |n| {
            "<p>Paragraph with some words, and commas, in it.</p>".repeat(n / 52)
        }),
        ("table cells", |n| {
            format!(
                "<table>{}</table>",
                "<tr><td>a</td><td>b</td></tr>".repeat(n / 30)
            )
        }),
        ("links", |n| {
            format!("<ul>{}", "<li><a href=/x>link</a>".repeat(n / 24))
        }),
        ("links in prose", |n| {
            format!(
                "<base href=https://x.example/a/><p>{}",
                "Some words <a href=../b/c?d=e#f>a link</a> and more, ".repeat(n / 56)
            )
        }),
        // A repair changes every link's text (`,` between Chinese
        // characters becomes `，`): no link is found, and each search is
        // bounded by the scan budget, not by the text after it.
        ("links whose text a repair changed", |n| {
            format!(
                "<base href=https://x.example/><p>{}",
                "<a href=/x>中,文</a>".repeat(n / 21)
            )
        }),
        ("headings", |n| {
            "<h2>Heading</h2><p>Text, words words.</p>".repeat(n / 42)
        }),
        ("dates", |n| {
            format!(
                "<p>{}</p>",
                "2024年11月16日 14:11 November 16, 2024 ".repeat(n / 40)
            )
        }),
        ("Chinese lines", |n| {
            "这是一行新闻内容，来源：新华社 2024年11月16日\n".repeat(n / 60)
        }),
        // Each line of a paste is read as a block: past the line budget
        // the rest is one paragraph (memory: tests/memory.rs).
        ("millions of one-character lines", |n| "a\n".repeat(n / 2)),
        ("one Chinese line", |n| {
            "这是一行很长的新闻内容，".repeat(n / 36)
        }),
        ("pinyin glosses", |n| {
            format!("<p>{}</p>", "首頁(yè)新聞(wén)".repeat(n / 24))
        }),
        ("mojibake", |n| {
            let garbled: String = "中文新闻内容".bytes().map(char::from).collect();
            format!("<p>{}</p>", garbled.repeat(n / 18))
        }),
        // Each `(` looked for its `)` to the end of the line: quadratic (a
        // 600 KB line took 38 s) until the pairs were read in one pass.
        ("unclosed brackets in Chinese", |n| "中文(".repeat(n / 7)),
        ("brackets and quotes in Chinese", |n| {
            "中(文\"字'新(闻\"".repeat(n / 18)
        }),
        ("JSON-LD brackets", |n| {
            format!(
                "<script type=\"application/ld+json\">{}{}</script><p>hi</p>",
                "[".repeat(n / 2),
                "]".repeat(n / 2)
            )
        }),
        // Article chunks sharing the container's class, split by ads: each
        // chunk once checked against every other was quadratic (16× → 158×).
        ("chunks sharing a class", |n| {
            "<div class=\"post__content\"><p>A paragraph of the article, long enough to count as prose, with words, commas and more words.</p></div><div class=ad>Ad</div>"
                .repeat(n / 160)
        }),
        ("meta tags", |n| {
            "<meta name=x content=y>".repeat(n / 23) + "<p>hi</p>"
        }),
        // Memory shapes of tests/memory.rs, timed too.
        ("nested headings around the text", |n| {
            format!(
                "{}{}{}",
                "<h1><i>".repeat(127),
                "News text, with words. ".repeat(n / 23),
                "</i></h1>".repeat(127)
            )
        }),
        ("a page shown only without scripts", |n| {
            format!(
                "<body><div class=splash>Loading</div><noscript>{}</noscript>",
                "<div class=post><p>News text, with words and commas, in a line.</p></div>"
                    .repeat(n / 75)
            )
        }),
        ("a JSON-LD array", |n| {
            let item = r#"{"@type":"NewsArticle","headline":"A headline"},"#;
            format!(
                "<script type=\"application/ld+json\">[{}{{}}]</script><p>hi</p>",
                item.repeat(n / item.len())
            )
        }),
    ]
}

/// The fastest of three runs.
fn time(input: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let _ = extract(Input::Text(input), &Options::default());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn extraction_time_grows_linearly_with_the_input() {
    const BASE: usize = 256 * 1024;
    let mut report = Vec::new();
    for (name, make) in shapes() {
        let times: Vec<Duration> = [1, 4, 16].iter().map(|k| time(&make(BASE * k))).collect();
        let (t1, t16) = (times[0], times[2]);
        // 2 ms of slack keeps a tiny t1 from making the ratio noise.
        let allowed = (t1 + Duration::from_millis(2)) * 48;
        report.push(format!("{name}: {times:?}"));
        assert!(
            t16 <= allowed,
            "{name} is not linear: {times:?}\n{}",
            report.join("\n")
        );
    }
    println!("{}", report.join("\n"));
}
