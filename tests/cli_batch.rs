//! The CLI on batches: `--output-dir`, directories as inputs, `--glob`,
//! the progress bar (only on a terminal) and the summary line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{run, scratch_dir, stderr, stdout};
use std::path::Path;

fn page(title: &str) -> String {
    format!(
        "<title>{title}</title><article><h1>{title}</h1><p>{}</p></article>",
        "A paragraph of the story, long enough to be its body. ".repeat(4)
    )
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_dir_writes_one_file_per_input_with_safe_numbered_names() {
    let dir = scratch_dir("outdir");
    let a = dir.join("a/page.html");
    let b = dir.join("b/page.html");
    let dots = dir.join("b/..secret.htm");
    let bad = dir.join("c/broken.html");
    write(&a, &page("First"));
    write(&b, &page("Second"));
    write(&dots, &page("Third"));
    write(&bad, "");
    let out_dir = dir.join("out");
    let args: Vec<String> = [&a, &b, &dots, &bad]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut argv = vec!["-f", "markdown", "-o", out_dir.to_str().unwrap()];
    argv.extend(args.iter().map(String::as_str));
    let out = run(&argv, Some(&page("Stdin").into_bytes()));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    // The failed input has no Markdown file; the others are numbered.
    assert_eq!(listing(&out_dir), ["page-2.md", "page.md", "secret.md"]);
    let first = std::fs::read_to_string(out_dir.join("page.md")).unwrap();
    assert!(first.contains("---\n\n# First\n"), "{first}");
    let second = std::fs::read_to_string(out_dir.join("page-2.md")).unwrap();
    assert!(second.contains("---\n\n# Second\n"), "{second}");
    let err = stderr(&out);
    assert!(
        err.contains("broken.html") && err.contains("[empty_input]"),
        "{err}"
    );
    assert!(err.contains("3 ok, 1 failed, 4 inputs"), "{err}");
    // Nothing was written beside the output directory.
    assert_eq!(listing(&dir), ["a", "b", "c", "out"]);

    // JSON: the failure is a file too, holding its record; stdin is
    // `stdin.json`; a name that climbs out is one component.
    let json_dir = dir.join("json");
    let climbing = format!("{}/../a/page.html", dir.join("b").display());
    let out = run(
        &["-o", json_dir.to_str().unwrap(), &climbing, &args[3], "-"],
        Some(page("Stdin").as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        listing(&json_dir),
        ["broken.json", "page.json", "stdin.json"]
    );
    let failure: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_dir.join("broken.json")).unwrap())
            .unwrap();
    assert_eq!(failure["error"]["code"], "empty_input");
    let stdin: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_dir.join("stdin.json")).unwrap())
            .unwrap();
    assert_eq!(stdin["input"]["name"], "-");
    assert_eq!(stdin["title"], "Stdin");
}

#[test]
fn output_dir_replaces_a_symlink_instead_of_writing_through_it() {
    let dir = scratch_dir("symlink");
    let outside = dir.join("outside.md");
    write(&outside, "keep me");
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::os::unix::fs::symlink(&outside, out_dir.join("story.md")).unwrap();
    let input = dir.join("story.html");
    write(&input, &page("Story"));
    let out = run(
        &[
            "-f",
            "markdown",
            "-o",
            out_dir.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
    let written = out_dir.join("story.md");
    assert!(!written.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(written)
        .unwrap()
        .contains("---\n\n# Story\n"));
}

#[test]
fn directories_are_walked_in_order_with_the_glob_filter() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let dir = scratch_dir("walk");
    write(&dir.join("b.html"), &page("B"));
    write(&dir.join("sub/a.htm"), &page("A"));
    write(&dir.join(".cache/hidden.html"), &page("Hidden"));
    write(&dir.join("notes.pdf"), "%PDF-1.7");
    write(
        &dir.join("sub/deeper/c.txt"),
        "C as plain text, one line of it.",
    );
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(page("D").as_bytes()).unwrap();
    std::fs::write(dir.join("d.html.gz"), gz.finish().unwrap()).unwrap();

    let out = run(&["-q", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            let name = r["input"]["name"].as_str().unwrap();
            Path::new(name)
                .strip_prefix(&dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["b.html", "d.html.gz", "sub/a.htm", "sub/deeper/c.txt"]
    );
    assert_eq!(records[1]["title"], "D");
    assert_eq!(stderr(&out), "");

    let out = run(
        &[
            "-q",
            "--glob",
            "sub/**/*.txt",
            "--glob",
            "*.pdf",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let codes: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            r["error"]["code"].as_str().unwrap_or("ok").to_string()
        })
        .collect();
    assert_eq!(codes, ["binary_input", "ok"]);

    let empty = scratch_dir("walk-empty");
    let out = run(&[empty.to_str().unwrap()], None);
    assert!(stderr(&out).contains("no pages in"), "{}", stderr(&out));
    let bad = run(&["--glob", "a[", dir.to_str().unwrap()], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn progress_is_drawn_only_on_a_terminal_and_a_summary_ends_the_run() {
    let dir = scratch_dir("progress");
    for i in 0..40 {
        write(&dir.join(format!("p{i:02}.html")), &page(&format!("P{i}")));
    }
    let exe = env!("CARGO_BIN_EXE_newsdecode");
    let dir_arg = dir.to_str().unwrap();
    // Piped: no bar, no control sequences, one summary line.
    let piped = run(
        &["-j", "1", "-o", dir.join("out").to_str().unwrap(), dir_arg],
        None,
    );
    assert_eq!(piped.status.code(), Some(0));
    let err = stderr(&piped);
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("newsdecode: 40 ok, 0 failed, 40 inputs in "),
        "{err}"
    );
    assert!(err.trim_end().ends_with("pages/s)"), "{err}");
    // On a terminal (a pty from `script`): the bar is drawn and cleared.
    let command = format!("{exe} -j 1 -o {dir_arg}/tty {dir_arg}");
    let tty = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script(1) from util-linux");
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{shown}");
    assert!(shown.contains("/40 pages"), "{shown:?}");
    assert!(shown.contains("40 ok, 0 failed"), "{shown:?}");
    // --quiet: neither.
    let quiet = run(
        &["-q", "-o", dir.join("q").to_str().unwrap(), dir_arg],
        None,
    );
    assert_eq!(stderr(&quiet), "");
}
