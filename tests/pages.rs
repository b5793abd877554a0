//! The golden pages: every `tests/pages/<slug>/` holds one input
//! (`input.html` or `input.bin` read as bytes, like a file; `input.txt` read
//! as text, like a paste), optional `options.json` (`{"encoding", "script"}`)
//! and `expected.json`, the whole article as the CLI's `--format json`
//! writes it. Any difference fails; after a reviewed change,
//! `NEWSDECODE_BLESS=1 cargo test --test pages` rewrites the expectations,
//! and the diff of `expected.json` is the review (`tests/pages/SOURCES.md`).

use newsdecode::{extract, render, Format, Input, Options};
use std::fs;
use std::path::{Path, PathBuf};

/// The corpus must stay big enough to show a regression.
const MIN_PAGES: usize = 60;

fn page_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The options a page asks for.
fn options(dir: &Path) -> Options {
    let mut options = Options::default();
    let Ok(text) = fs::read_to_string(dir.join("options.json")) else {
        return options;
    };
    let json: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: options.json: {e}", dir.display()));
    for (key, value) in json.as_object().expect("options.json is an object") {
        let value = value.as_str().expect("option values are strings");
        match key.as_str() {
            "encoding" => options.encoding = Some(value.to_string()),
            "script" => options.script = value.parse().unwrap(),
            other => panic!("{}: unknown option {other:?}", dir.display()),
        }
    }
    options
}

/// The page's article as JSON, or its error as `{"error": {code, message}}`.
fn actual(dir: &Path) -> String {
    let options = options(dir);
    let result = if let Ok(text) = fs::read_to_string(dir.join("input.txt")) {
        extract(Input::Text(&text), &options)
    } else {
        let bytes = ["input.html", "input.bin"]
            .iter()
            .find_map(|name| fs::read(dir.join(name)).ok())
            .unwrap_or_else(|| panic!("{}: no input.html, input.bin or input.txt", dir.display()));
        extract(Input::Bytes(&bytes), &options)
    };
    match result {
        Ok(article) => render(&article, Format::Json),
        Err(e) => serde_json::to_string_pretty(&serde_json::json!({
            "error": {"code": e.code(), "message": e.to_string()}
        }))
        .unwrap(),
    }
}

/// Where two texts first differ, as a few lines of each.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let cut = |lines: &[&str]| {
        lines
            .iter()
            .skip(at)
            .take(3)
            .map(|l| l.chars().take(160).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n      ")
    };
    format!("line {}:\n  - {}\n  + {}", at + 1, cut(&e), cut(&a))
}

#[test]
fn every_golden_page_gives_its_expected_article() {
    let bless = std::env::var_os("NEWSDECODE_BLESS").is_some_and(|v| v == "1");
    let dirs = page_dirs();
    assert!(
        dirs.len() >= MIN_PAGES,
        "only {} golden pages (at least {MIN_PAGES})",
        dirs.len()
    );
    let mut failures = Vec::new();
    for dir in &dirs {
        let mut got = actual(dir);
        got.push('\n');
        let path = dir.join("expected.json");
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected == got {
            continue;
        }
        if bless {
            fs::write(&path, &got).unwrap();
            eprintln!("blessed {}", path.display());
        } else if expected.is_empty() {
            failures.push(format!(
                "{}: no expected.json (NEWSDECODE_BLESS=1 writes it)",
                dir.display()
            ));
        } else {
            failures.push(format!(
                "{}: {}",
                dir.display(),
                first_difference(&expected, &got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden pages changed; review, then bless with NEWSDECODE_BLESS=1:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}

#[test]
fn the_first_difference_is_shown() {
    assert_eq!(
        first_difference("a\nb\nc", "a\nx\nc"),
        "line 2:\n  - b\n      c\n  + x\n      c"
    );
}
