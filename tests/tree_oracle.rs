//! The tree builder against the HTML standard's: every page of the data sets
//! (`NEWSDECODE_DATA`) is parsed by ours and by html5ever (a test-only
//! oracle), and the visible text of both trees, word by word, must match
//! except where a rule in [`explained`] says why not. Heavy: built with
//! optimisations only (`cargo test --profile bounds --test tree_oracle`).
#![cfg(all(not(debug_assertions), not(target_arch = "wasm32")))]

mod common;

use common::oracle::{differences, Difference};
use std::io::Read;
use std::path::{Path, PathBuf};

fn data_root() -> Option<PathBuf> {
    let root = std::env::var("NEWSDECODE_DATA").unwrap_or_else(|_| "../shared/datasets".into());
    let root = PathBuf::from(root);
    if root.join("wcxb-dev").is_dir() {
        return Some(root);
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
        "no data sets at {} (NEWSDECODE_DATA)",
        root.display()
    );
    eprintln!("skipped: no data sets at {}", root.display());
    None
}

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut add = |dir: PathBuf, depth: usize| {
        let mut stack = vec![(dir, depth)];
        while let Some((dir, depth)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() && depth > 0 {
                    stack.push((path, depth - 1));
                } else if path.to_string_lossy().ends_with(".html")
                    || path.to_string_lossy().ends_with(".html.gz")
                {
                    out.push(path);
                }
            }
        }
    };
    add(root.join("article-extraction-benchmark/html"), 0);
    add(root.join("readability-test-pages/pages"), 1);
    add(root.join("wcxb-dev/dev/html"), 0);
    add(root.join("cwced-zh-dev/original"), 0);
    out.extend(
        std::fs::read_dir("tests/pages")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("input.html"))
            .filter(|p| p.is_file()),
    );
    out.sort();
    out
}

fn read(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    let file = std::fs::File::open(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .unwrap();
    } else {
        std::io::BufReader::new(file)
            .read_to_end(&mut bytes)
            .unwrap();
    }
    bytes
}

#[test]
fn visible_text_matches_the_standard_tree_on_every_page() {
    let Some(root) = data_root() else { return };
    let pages = pages(&root);
    assert!(pages.len() > 1700, "{} pages", pages.len());
    let mut failures = Vec::new();
    for path in &pages {
        let bytes = read(path);
        let Ok(decoded) = newsdecode::decode::decode_bytes(&bytes, None, usize::MAX) else {
            continue;
        };
        if let Some(Difference { at, ours, theirs }) = differences(&decoded.text) {
            failures.push(format!(
                "{}: word {at}\n  ours:   {ours}\n  theirs: {theirs}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} pages differ:\n{}",
        failures.len(),
        pages.len(),
        failures.join("\n")
    );
}

/// Small pages for each rule of tree construction that changes what is
/// visible (the data sets hold few of them).
#[test]
fn visible_text_matches_the_standard_tree_on_hand_made_pages() {
    let pages = [
        // Self-closing and unclosed foreign elements; HTML tags break out.
        "<p>Icon <svg class=\"icon\"/> and <math/> more…</p><p>next</p>",
        "<p>Icon <svg class=icon><path d=x></svg> text</p>",
        "<p>a<svg><g><p>paragraph after an unclosed svg</p><div>more</div>",
        "<math><mi>x</mi><p>breaks out</p>",
        "<svg><foreignObject><p>inside</p><div>still inside</div></foreignObject></svg>after",
        "<svg><text>drawn text</text><font color=red>out</font></svg>",
        "<svg><font>stays</font><b>out</b>",
        "<svg><g></p>out</svg>",
        "<svg><script><p>></script>",
        "<svg><body>>",
        "<math><mtext><x></math>s",
        "<math><title></math> r",
        "<math><mtext></math>l",
        "<math><mtext><th></math>i",
        "<table><td>></tr>t",
        "<math><mtext><e></mtext></math>t",
        "<SELECT><SELECT>h",
        "<TABLE><SELECT><td>e",
        "<a><select><a>\"</select>after",
        "<svg><desc><image href=x /><p>p</p></desc><path/></svg>after",
        "<select><option>a<input>b",
        // A select takes any content (the standard's select parsing since
        // 2025, as Chromium and html5ever do it); from fuzzing.
        "<SELECT><TABLE>x</SELECT>y",
        "<select><div>hello</div><option>o</select>after",
        "<SELECT name=m>\n<é(.SS<TABLE c>\n<option value=y>z(.SS<TABLE d>w",
        "<table><tr><td><select><option>a<td>b</table>c",
        "<table><td><select>\n <table c>x)y</table>z",
        "<div><td>cell outside a table</td><tr><td>b</div>after",
        "<p>a<svg><li>x</li><title><p>t</p></title></svg>y</p>z",
        "<svg><style>a<b>bold</b></style><title>t<i>i</i></title></svg>",
        "<svg><foreignObject><style>p{}</style>x</foreignObject></svg>",
        "<svg><a href=x><g><desc><p>a <a href=y>link</a></p></desc><path/></g></a></svg>after",
        // Optional head and body tags; body content in the head.
        "<title>T</title><p>text without head or body</p>",
        "<html><head><title>T</title><div>a div in the head</div></head><body><p>body</p></body></html>",
        "<head><meta charset=utf-8>text in head<link rel=x></head><p>p</p>",
        "<head><noscript><img src=x></noscript><style>p{}</style></head><body class=page><p>p",
        "<head></head> \n text after head <body><p>p</p>",
        "<body><p>one</p><head><title>second head</title></head><p>two</p>",
        // Foster parenting out of tables.
        "<table><tr><td>cell</td></tr>stray text<tr><td>b</td></tr></table>after",
        "<table><div>a div in a table</div><tr><td>c</td></tr></table>",
        "<div><table>one<tbody>two<tr>three<td>cell</td></tr></tbody></table></div>",
        "<table>\t</>u<n>=</n></table>",
        "<table><d><td>F</td>p",
        "<table><form a>></form>k",
        "<table e>\n<table>></table>t",
        "<table><caption>The caption</caption><tr><td>a</td></tr></table>",
        "<table><tr><td>a<table>nested<tr><td>b</td></tr></table></td></tr></table>",
        // Scripts that write scripts inside comment-like runs.
        "<script><!-- document.write('<script></script>'); --></script><p>after</p>",
        "<script>a('</scr' + 'ipt>')</script><p>visible</p>",
        // Templates are never rendered.
        "<template><p>never</p></template><p>shown</p>",
    ];
    let mut failures = Vec::new();
    for html in pages {
        if let Some(d) = differences(html) {
            failures.push(format!(
                "{html}\n  ours:   {}\n  theirs: {}",
                d.ours, d.theirs
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
