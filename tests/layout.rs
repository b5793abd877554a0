//! The source layout stays readable (docs/ARCHITECTURE.md, "Where things
//! go"): no hand-written file in `src/` over 600 lines, no function in the
//! segment and metadata stages over 80 lines, and no import cycle between
//! the files of `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longest hand-written source file, in lines.
const MAX_FILE_LINES: usize = 600;
/// Longest function in `segment/` and `metadata/`, in lines.
const MAX_FN_LINES: usize = 80;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn no_hand_written_file_is_too_long() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| !text.contains("DO NOT EDIT"))
        .filter(|(_, text)| text.lines().count() > MAX_FILE_LINES)
        .map(|(name, text)| format!("{name}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_FILE_LINES} lines, split by responsibility: {long:?}"
    );
}

/// `(name, lines)` of every function: from its `fn` line to the first line
/// closing at the same indentation (the code is rustfmt-formatted).
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(rest) = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p)) else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            out.push((name, end + 1));
        }
    }
    out
}

#[test]
fn no_function_in_segment_or_metadata_is_too_long() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|(name, _)| name.starts_with("src/segment/") || name.starts_with("src/metadata/"))
        .flat_map(|(name, text)| {
            functions(&text)
                .into_iter()
                .filter(|(_, n)| *n > MAX_FN_LINES)
                .map(move |(f, n)| format!("{name}: {f} ({n} lines)"))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_FN_LINES} lines: {long:?}");
}

#[test]
fn the_function_measure_sees_long_functions() {
    let body = "    x();\n".repeat(90);
    let text = format!("pub fn long() {{\n{body}}}\n\nfn short() {{\n}}\n");
    assert_eq!(
        functions(&text),
        [("long".to_string(), 92), ("short".to_string(), 2)]
    );
}

/// The module path of a source file: `src/segment/html/mod.rs` → `segment::html`.
fn module_of(name: &str) -> String {
    let path = name.trim_start_matches("src/").trim_end_matches(".rs");
    let path = path.trim_end_matches("/mod");
    if path == "lib" {
        String::new()
    } else {
        path.replace('/', "::")
    }
}

/// The files each file imports from (`use crate::…`, `use super::…`,
/// `crate::…` paths in code), resolved to the longest module path that is a
/// file. Test modules are left out: they may use anything.
fn imports(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeMap<String, String> = files
        .iter()
        .map(|(name, _)| (module_of(name), name.clone()))
        .collect();
    let mut graph = BTreeMap::new();
    for (name, text) in files {
        let own = module_of(name);
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
        let mut edges = BTreeSet::new();
        for path in paths(code, &own) {
            // Longest prefix that is a module file.
            let parts: Vec<&str> = path.split("::").collect();
            for k in (0..=parts.len()).rev() {
                let candidate = parts[..k].join("::");
                if let Some(file) = modules.get(&candidate) {
                    if file != name {
                        edges.insert(file.clone());
                    }
                    break;
                }
            }
        }
        graph.insert(name.clone(), edges);
    }
    graph
}

/// Absolute module paths named in `code`, `super::` resolved (each
/// `super::` leaves one level of the file's own module path).
fn paths(code: &str, own: &str) -> Vec<String> {
    let mut out = Vec::new();
    let base: Vec<&str> = own.split("::").filter(|p| !p.is_empty()).collect();
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        out.push(path_at(&code[i + "crate::".len()..]));
    }
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("super::") {
            continue;
        }
        let mut rest = &code[i..];
        let mut up = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            rest = r;
            up += 1;
        }
        let keep = base.len().saturating_sub(up);
        let mut full: Vec<String> = base[..keep].iter().map(|s| s.to_string()).collect();
        let tail = path_at(rest);
        if !tail.is_empty() {
            full.push(tail);
        }
        out.push(full.join("::"));
    }
    out
}

/// The `a::b::c` path at the start of `s`, up to a brace, a space or punctuation.
fn path_at(s: &str) -> String {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(s.len());
    s[..end].trim_end_matches(':').to_string()
}

#[test]
fn no_import_cycle_between_source_files() {
    let graph = imports(&all_sources());
    // Depth-first search with colours; a grey node met again closes a cycle.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(1) => {
                let start = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle: Vec<String> = stack[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(node, 1);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(node, &graph, &mut state, &mut stack) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_cycle_check_sees_a_cycle() {
    let files = vec![
        (
            "src/a.rs".to_string(),
            "use crate::b::thing;\nfn f() {}\n".to_string(),
        ),
        (
            "src/b.rs".to_string(),
            "pub fn thing() { crate::a::f() }\n".to_string(),
        ),
        (
            "src/c/mod.rs".to_string(),
            "use super::a::f;\n#[cfg(test)]\nmod tests {\n    use crate::c::d;\n}".to_string(),
        ),
        ("src/c/d.rs".to_string(), "use super::super::b;".to_string()),
    ];
    let graph = imports(&files);
    assert_eq!(graph["src/a.rs"], BTreeSet::from(["src/b.rs".to_string()]));
    assert_eq!(graph["src/b.rs"], BTreeSet::from(["src/a.rs".to_string()]));
    assert_eq!(
        graph["src/c/mod.rs"],
        BTreeSet::from(["src/a.rs".to_string()])
    );
    assert_eq!(
        graph["src/c/d.rs"],
        BTreeSet::from(["src/b.rs".to_string()])
    );
}
