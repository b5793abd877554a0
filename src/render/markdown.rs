//! Markdown: YAML front matter, then the article as the reader shows it.

use super::{byline, linked, opening, output_buffer};
use crate::article::{Article, Block, BlockKind};
use std::fmt::Write;

/// Markdown's YAML front matter: the article's identity for notes and
/// static-site tools (Obsidian, Hugo, Jekyll). Values are JSON strings,
/// which YAML reads as double-quoted scalars; absent fields are left out.
fn front_matter(article: &Article, out: &mut String) {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let field = |key: &str, value: Option<&str>| value.map(|v| format!("{key}: {}", quoted(v)));
    let authors = (!article.authors.is_empty()).then(|| {
        let names: Vec<String> = article.authors.iter().map(|a| quoted(a)).collect();
        format!("authors: [{}]", names.join(", "))
    });
    let lines: Vec<String> = [
        field("title", article.title.as_deref()),
        field("url", article.url.as_deref()),
        field("site", article.site_name.as_deref()),
        field("source", article.source.as_deref()),
        authors,
        field("published", article.published.as_deref()),
        field("language", article.language.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !lines.is_empty() {
        let _ = writeln!(out, "---\n{}\n---\n", lines.join("\n"));
    }
}

/// Escapes characters that Markdown would read as syntax.
fn md_escape(text: &str) -> String {
    md_escape_at(text, true)
}

/// [`md_escape`] for text that starts a line (`line_start`) or continues one.
fn md_escape_at(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        let trimmed = line.trim_start();
        let at_start = i > 0 || line_start;
        // Block syntax at the start of a line: headings, quotes, lists,
        // rules; an ordered list's number keeps its digits and loses its
        // delimiter (`1\.`: a backslash before a digit is no escape).
        if at_start && trimmed.starts_with(['#', '>', '-', '+', '=', '|']) {
            out.push('\\');
        }
        let number = trimmed
            .split_once(['.', ')'])
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(n, _)| line.len() - trimmed.len() + n.len());
        for (at, c) in line.char_indices() {
            let delimiter = at_start && number == Some(at);
            if delimiter
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '~' | '|'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Characters `from..` of a block's text, escaped, with its links as
/// Markdown links.
fn md_linked(text: &str, from: usize, block: &Block) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for (piece, href) in linked(text, from, &block.links) {
        let escaped = md_escape_at(piece, line_start);
        match href {
            Some(href) => {
                let _ = write!(out, "[{escaped}]({})", md_destination(href));
            }
            None => out.push_str(&escaped),
        }
        line_start = piece.ends_with('\n');
    }
    out
}

/// Every character that could end a destination or the line (spaces,
/// controls, `()<>`, and `\r\n\t`, which could start a link reference
/// definition) percent-encoded.
fn md_destination(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for c in src.chars() {
        if c.is_control() || c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '\\') {
            let mut utf8 = [0; 4];
            for b in c.encode_utf8(&mut utf8).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// An image source as a Markdown destination, or `None` when it must not be
/// a live target: only `http:`, `https:` and `data:image/` sources, or
/// relative ones (which inherit the document's scheme), are written. Every
/// character that could end the destination or the line (spaces, controls,
/// `()<>`, and `\r\n\t`, which could start a link reference definition) is
/// percent-encoded.
pub(super) fn md_image_destination(src: &str) -> Option<String> {
    // The scheme as a URL parser reads it: leading and trailing controls and
    // spaces stripped, tabs and line breaks anywhere removed (`java\nscript:`).
    let src = src.trim_matches(|c: char| c <= ' ');
    let parsed: String = src
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme = parsed
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
    let allowed = match scheme {
        None => true,
        Some(s) => {
            s.eq_ignore_ascii_case("http")
                || s.eq_ignore_ascii_case("https")
                || (s.eq_ignore_ascii_case("data")
                    && parsed
                        .get(5..11)
                        .is_some_and(|t| t.eq_ignore_ascii_case("image/")))
        }
    };
    if !allowed || src.is_empty() {
        return None;
    }
    Some(md_destination(src))
}

fn md_block(out: &mut String, block: &Block) {
    match block.kind {
        BlockKind::Heading => {
            let level = usize::from(block.level.unwrap_or(2).clamp(1, 6)) + 1;
            let _ = writeln!(
                out,
                "{} {}\n",
                "#".repeat(level.min(6)),
                md_linked(&block.text, 0, block)
            );
        }
        BlockKind::Quote => {
            for line in md_linked(&block.text, 0, block).lines() {
                let _ = writeln!(out, "> {line}");
            }
            out.push('\n');
        }
        BlockKind::List => {
            // Item i starts after the items before it and their newlines.
            let mut from = 0;
            for item in block.items.iter().flatten() {
                let _ = writeln!(out, "- {}", md_linked(item, from, block));
                from += item.chars().count() + 1;
            }
            out.push('\n');
        }
        BlockKind::Code => {
            let _ = writeln!(
                out,
                "```\n{}\n```\n",
                block.text.replace("```", "`\u{200B}``")
            );
        }
        BlockKind::Figure => {
            let alt = block.alt.as_deref().unwrap_or("");
            if let Some(src) = block.src.as_deref().and_then(md_image_destination) {
                let _ = writeln!(out, "![{}]({src})", md_escape(alt));
            }
            // The caption is the block's text, where its links are.
            let caption: Vec<String> = [
                block.caption.as_deref().map(|c| md_linked(c, 0, block)),
                block.credit.as_deref().map(md_escape),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !caption.is_empty() {
                let _ = writeln!(out, "*{}*", caption.join(" — "));
            }
            out.push('\n');
        }
        BlockKind::Paragraph | BlockKind::Table => {
            let _ = writeln!(out, "{}\n", md_linked(&block.text, 0, block));
        }
    }
}

pub(super) fn markdown(article: &Article) -> String {
    let mut out = output_buffer(article, true);
    front_matter(article, &mut out);
    if let Some(title) = &article.title {
        let _ = writeln!(out, "# {}\n", md_escape(title));
    }
    let byline = byline(article);
    if !byline.is_empty() {
        let _ = writeln!(out, "*{}*\n", md_escape(&byline.join(" · ")));
    }
    let [lead, dateline] = opening(article);
    if let Some(lead) = lead {
        let _ = writeln!(out, "**{}**\n", md_escape(lead));
    }
    if let Some(dateline) = dateline {
        let _ = writeln!(out, "{}\n", md_escape(dateline));
    }
    for block in &article.blocks {
        md_block(&mut out, block);
    }
    if let Some(end) = &article.end_mark {
        let _ = writeln!(out, "{}", md_escape(end));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
