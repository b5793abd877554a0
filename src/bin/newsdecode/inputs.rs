//! The inputs of a run: the paths as given, directories walked, and each
//! input read into bytes (gzip inflated, a saved web archive's page taken).

use crate::mhtml::{html_from_mhtml, starts_like_mime};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files read from a directory when no `--glob` is given: saved pages,
/// web archives and text, and the same gzip-compressed.
pub const PAGE_GLOBS: &[&str] = &[
    "*.{html,htm,xhtml,shtml,mht,mhtml,txt}",
    "*.{html,htm,xhtml,shtml,mht,mhtml,txt}.gz",
];

/// One input: its name (the path as given or as found under a directory,
/// `-` for standard input) and where to read it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name records carry (`input.name`).
    pub name: String,
    /// The path to read; `-` is standard input.
    pub path: PathBuf,
    /// Why walking a directory could not reach this entry.
    pub walk_error: Option<String>,
}

/// Why an input gave no article: a stable code (the library's, or
/// `unreadable` when the input could not be read) and a message.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The error code (`docs/schema.md`).
    pub code: &'static str,
    /// The human message.
    pub message: String,
    /// The input's size in bytes, when known.
    pub bytes: Option<u64>,
}

impl Failure {
    fn unreadable(error: &std::io::Error, bytes: Option<u64>) -> Self {
        Failure {
            code: "unreadable",
            message: error.to_string(),
            bytes,
        }
    }

    fn from_library(error: &newsdecode::Error, bytes: Option<u64>) -> Self {
        Failure {
            code: error.code(),
            message: error.to_string(),
            bytes,
        }
    }
}

/// Which files of a directory are read: `--glob` patterns, a pattern
/// without `/` matched against the file name, one with `/` against the
/// path under the directory.
pub struct Filter {
    names: GlobSet,
    paths: GlobSet,
}

impl Filter {
    /// The filter for `patterns` ([`PAGE_GLOBS`] when empty); a bad pattern
    /// is a usage error.
    pub fn new(patterns: &[String]) -> Result<Self, String> {
        let defaults: Vec<String> = PAGE_GLOBS.iter().map(|p| p.to_string()).collect();
        let patterns = if patterns.is_empty() {
            &defaults
        } else {
            patterns
        };
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = Glob::new(pattern).map_err(|e| format!("--glob {pattern:?}: {e}"))?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |set: GlobSetBuilder| set.build().map_err(|e| format!("--glob: {e}"));
        Ok(Filter {
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    fn accepts(&self, relative: &Path) -> bool {
        relative
            .file_name()
            .is_some_and(|name| self.names.is_match(name))
            || self.paths.is_match(relative)
    }
}

/// The inputs named by `paths`, in order: a directory stands for the files
/// under it that `filter` accepts, sorted by name, hidden entries skipped,
/// symbolic links not followed. Warns on stderr about a directory that
/// holds none.
pub fn expand(paths: &[PathBuf], filter: &Filter) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            let before = sources.len();
            walk(path, filter, &mut sources);
            if sources.len() == before {
                eprintln!(
                    "newsdecode: warning: no pages in {} (see --glob)",
                    path.display()
                );
            }
        } else {
            sources.push(Source {
                name: path.display().to_string(),
                path: path.clone(),
                walk_error: None,
            });
        }
    }
    sources
}

fn walk(dir: &Path, filter: &Filter, sources: &mut Vec<Source>) {
    let hidden = |entry: &walkdir::DirEntry| {
        entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
    };
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                if filter.accepts(relative) {
                    sources.push(Source {
                        name: entry.path().display().to_string(),
                        path: entry.into_path(),
                        walk_error: None,
                    });
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                sources.push(Source {
                    name: path.display().to_string(),
                    path,
                    walk_error: Some(e.to_string()),
                });
            }
        }
    }
}

/// The bytes of `source`, at most `max_bytes` of them (a larger file is
/// refused without being read whole); gzip inflated within the same limit,
/// a saved web archive's page taken out. Warnings go to stderr through
/// `warn`.
pub fn read(source: &Source, max_bytes: usize, warn: &dyn Fn(String)) -> Result<Vec<u8>, Failure> {
    if let Some(message) = &source.walk_error {
        return Err(Failure {
            code: "unreadable",
            message: message.clone(),
            bytes: None,
        });
    }
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let size = if source.path.as_os_str() == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::unreadable(&e, None))?;
        None
    } else {
        let file = std::fs::File::open(&source.path).map_err(|e| Failure::unreadable(&e, None))?;
        let size = file.metadata().ok().map(|m| m.len());
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::unreadable(&e, size))?;
        size
    };
    if bytes.len() > max_bytes {
        let error = newsdecode::Error::TooLarge {
            size: size.map_or(bytes.len(), |s| usize::try_from(s).unwrap_or(usize::MAX)),
            limit: max_bytes,
        };
        return Err(Failure::from_library(&error, size));
    }
    let size = Some(size.unwrap_or(bytes.len() as u64));
    if newsdecode::decode::is_gzip(&bytes) {
        let inflated = newsdecode::decode::gunzip(&bytes, max_bytes)
            .map_err(|e| Failure::from_library(&e, size))?;
        if inflated.ignored > 0 {
            warn(format!(
                "warning: {}: {} bytes after the gzip data were ignored",
                source.name, inflated.ignored
            ));
        }
        bytes = inflated.bytes;
    }
    let ext = source.path.extension().map(|e| e.to_ascii_lowercase());
    if ext.is_some_and(|e| e == "mht" || e == "mhtml") || starts_like_mime(&bytes) {
        if let Some(html) = html_from_mhtml(&bytes) {
            bytes = html;
        }
    }
    Ok(bytes)
}

/// Extracts the article of `source`, named after it.
pub fn article(
    source: &Source,
    options: &newsdecode::Options,
    warn: &dyn Fn(String),
) -> Result<newsdecode::Article, Failure> {
    let bytes = read(source, options.max_bytes, warn)?;
    let size = Some(bytes.len() as u64);
    let mut article =
        newsdecode::extract_owned(bytes, options).map_err(|e| Failure::from_library(&e, size))?;
    article.input.name = Some(source.name.clone());
    Ok(article)
}
