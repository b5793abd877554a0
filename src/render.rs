//! Stage 7, render: an [`Article`] as JSON, Markdown, plain text or a
//! standalone HTML reader page. Input markup is never copied through: every
//! string is escaped for the format it lands in.

use crate::article::{Article, Block, BlockKind};
use crate::error::Error;
use std::fmt::Write;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Pretty-printed JSON of the [`Article`].
    Json,
    /// Markdown.
    Markdown,
    /// Plain text: title, metadata line, body.
    Text,
    /// A standalone, escaped HTML reader page.
    Html,
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            _ => Err(Error::UnknownFormat {
                name: name.to_string(),
            }),
        }
    }
}

/// Renders `article` in `format`.
pub fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Json => to_json(article, true),
        Format::Markdown => markdown(article),
        Format::Text => text(article),
        Format::Html => html(article),
    }
}

/// The article as JSON, pretty or on one line (for JSON Lines).
pub fn to_json(article: &Article, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(article)
    } else {
        serde_json::to_string(article)
    };
    // Serializing plain structs of strings and numbers cannot fail; keep a
    // valid JSON fallback instead of a panic all the same.
    result.unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The metadata that belongs on one line under the title.
fn byline(article: &Article) -> Vec<String> {
    let mut parts = Vec::new();
    parts.extend(article.published.clone());
    parts.extend(article.source.clone().or_else(|| article.site_name.clone()));
    if !article.authors.is_empty() {
        parts.push(article.authors.join(", "));
    }
    if !article.editors.is_empty() {
        parts.push(format!("Editor: {}", article.editors.join(", ")));
    }
    parts
}

/// What the reader shows between the byline and the body: the lead, and the
/// dateline when the body does not open with it (as `www/reader.js`).
fn opening(article: &Article) -> [Option<&str>; 2] {
    let dateline = article
        .dateline
        .as_deref()
        .filter(|d| !article.text.contains(*d));
    [article.lead.as_deref(), dateline]
}

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

/// Room for what a rendering adds to the article's text: title, byline,
/// dateline, end mark (text), escapes and tags (a 1/8 share for Markdown and
/// HTML; a page of short paragraphs may need more and grows once).
const RENDER_SLACK: usize = 4096;

/// An output buffer sized for `article`: a huge article's output grown by
/// doubling held up to twice its size, both buffers at once while copied.
fn output_buffer(article: &Article, markup: bool) -> String {
    let extra = if markup { article.text.len() / 8 } else { 0 };
    String::with_capacity(article.text.len() + extra + RENDER_SLACK)
}

fn text(article: &Article) -> String {
    let mut out = output_buffer(article, false);
    if let Some(title) = &article.title {
        let _ = writeln!(out, "{title}\n");
    }
    let byline = byline(article);
    if !byline.is_empty() {
        let _ = writeln!(out, "{}\n", byline.join(" · "));
    }
    for line in opening(article).into_iter().flatten() {
        let _ = writeln!(out, "{line}\n");
    }
    out.push_str(&article.text);
    if let Some(end) = &article.end_mark {
        let _ = write!(out, "\n\n{end}");
    }
    out.push('\n');
    out
}

/// Escapes characters that Markdown would read as syntax.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        let trimmed = line.trim_start();
        // Block syntax at the start of a line: headings, quotes, lists, rules.
        let starts_block = trimmed.starts_with(['#', '>', '-', '+', '=', '|'])
            || trimmed
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if starts_block {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '~' | '|'
            ) {
                out.push('\\');
            }
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
fn md_image_destination(src: &str) -> Option<String> {
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
    Some(out)
}

fn md_block(out: &mut String, block: &Block) {
    match block.kind {
        BlockKind::Heading => {
            let level = usize::from(block.level.unwrap_or(2).clamp(1, 6)) + 1;
            let _ = writeln!(
                out,
                "{} {}\n",
                "#".repeat(level.min(6)),
                md_escape(&block.text)
            );
        }
        BlockKind::Quote => {
            for line in md_escape(&block.text).lines() {
                let _ = writeln!(out, "> {line}");
            }
            out.push('\n');
        }
        BlockKind::List => {
            for item in block.items.iter().flatten() {
                let _ = writeln!(out, "- {}", md_escape(item));
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
            let caption: Vec<&str> = [block.caption.as_deref(), block.credit.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !caption.is_empty() {
                let _ = writeln!(out, "*{}*", md_escape(&caption.join(" — ")));
            }
            out.push('\n');
        }
        BlockKind::Paragraph | BlockKind::Table => {
            let _ = writeln!(out, "{}\n", md_escape(&block.text));
        }
    }
}

fn markdown(article: &Article) -> String {
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

/// Escapes text for HTML content and double-quoted attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn html_block(out: &mut String, block: &Block) {
    let text = || html_escape(&block.text).replace('\n', "<br>");
    match block.kind {
        BlockKind::Heading => {
            let level = block.level.unwrap_or(2).clamp(1, 5) + 1;
            let _ = writeln!(out, "<h{level}>{}</h{level}>", text());
        }
        BlockKind::Quote => {
            let _ = writeln!(out, "<blockquote><p>{}</p></blockquote>", text());
        }
        BlockKind::List => {
            out.push_str("<ul>\n");
            for item in block.items.iter().flatten() {
                let _ = writeln!(out, "<li>{}</li>", html_escape(item));
            }
            out.push_str("</ul>\n");
        }
        BlockKind::Code | BlockKind::Table => {
            let _ = writeln!(out, "<pre>{}</pre>", html_escape(&block.text));
        }
        BlockKind::Figure => {
            // Images are not loaded (the page's CSP blocks them): alt and
            // source stay visible as text.
            out.push_str("<figure>");
            let placeholder = [block.alt.as_deref(), block.src.as_deref()]
                .into_iter()
                .flatten()
                .map(html_escape)
                .collect::<Vec<_>>()
                .join(" · ");
            if !placeholder.is_empty() {
                let _ = write!(out, "<div class=\"image\">{placeholder}</div>");
            }
            let caption: Vec<String> = [block.caption.as_deref(), block.credit.as_deref()]
                .into_iter()
                .flatten()
                .map(html_escape)
                .collect();
            if !caption.is_empty() {
                let _ = write!(out, "<figcaption>{}</figcaption>", caption.join(" — "));
            }
            out.push_str("</figure>\n");
        }
        BlockKind::Paragraph => {
            let _ = writeln!(out, "<p>{}</p>", text());
        }
    }
}

fn html(article: &Article) -> String {
    let title = article.title.as_deref().unwrap_or("Article");
    let lang = article.language.as_deref().unwrap_or("und");
    let mut out = output_buffer(article, true);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>body{{max-width:40em;margin:2em auto;padding:0 1em;\
         font:1.1em/1.7 system-ui,sans-serif}}figure{{margin:1em 0}}.image{{padding:1em;\
         border:1px dashed #888;word-break:break-all}}.meta,figcaption{{color:#666}}</style>\n\
         </head>\n<body>\n<article>\n",
        html_escape(lang),
        html_escape(title)
    );
    if let Some(title) = &article.title {
        let _ = writeln!(out, "<h1>{}</h1>", html_escape(title));
    }
    let byline = byline(article);
    if !byline.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            html_escape(&byline.join(" · "))
        );
    }
    let [lead, dateline] = opening(article);
    if let Some(lead) = lead {
        let _ = writeln!(out, "<p class=\"lead\">{}</p>", html_escape(lead));
    }
    if let Some(dateline) = dateline {
        let _ = writeln!(out, "<p class=\"dateline\">{}</p>", html_escape(dateline));
    }
    for block in &article.blocks {
        html_block(&mut out, block);
    }
    if let Some(end) = &article.end_mark {
        let _ = writeln!(out, "<p>{}</p>", html_escape(end));
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{DecodeReport, EncodingSource, InputInfo, InputKind};

    fn article(text: &str) -> Article {
        let mut a = Article::empty(
            DecodeReport {
                encoding: "UTF-8".into(),
                source: EncodingSource::Text,
                confidence: 1.0,
                replacements: 0,
                repairs: vec![],
                warnings: vec![],
            },
            InputInfo {
                kind: InputKind::Text,
                bytes: text.len(),
                name: None,
                warc: None,
                offset: None,
                uri: None,
            },
        );
        a.title = Some("<script>alert(1)</script>".into());
        a.blocks = vec![Block::paragraph(text.into())];
        a.text = text.into();
        a
    }

    #[test]
    fn html_escapes_everything_from_the_input() {
        let page = render(
            &article("<img src=x onerror=alert(1)> & \"q\""),
            Format::Html,
        );
        assert!(!page.contains("<script>alert"));
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;"));
    }

    #[test]
    fn markdown_escapes_syntax() {
        let md = render(
            &article("# not a heading *or* [link](x)\n1. no list"),
            Format::Markdown,
        );
        assert!(md.contains(r"\# not a heading \*or\* \[link\](x)  "));
        assert!(md.contains(r"\1. no list"));
    }

    #[test]
    fn every_format_shows_lead_and_a_dateline_the_body_lacks() {
        let mut a = article("The council met on Monday.");
        a.title = Some("Budget \"approved\"".into());
        a.lead = Some("A budget at last.".into());
        a.dateline = Some("SPRINGFIELD, Nov. 16".into());
        a.authors = vec!["Jane Roe".into(), "王小明".into()];
        a.language = Some("en".into());
        a.url = Some("https://a.example/budget".into());
        let md = render(&a, Format::Markdown);
        assert!(
            md.starts_with(
                "---\ntitle: \"Budget \\\"approved\\\"\"\nurl: \"https://a.example/budget\"\n\
             authors: [\"Jane Roe\", \"王小明\"]\nlanguage: \"en\"\n---\n\n# Budget"
            ),
            "{md}"
        );
        assert!(
            md.contains("**A budget at last.**\n\nSPRINGFIELD, Nov. 16\n\nThe council"),
            "{md}"
        );
        let text = render(&a, Format::Text);
        assert!(
            text.contains("A budget at last.\n\nSPRINGFIELD, Nov. 16\n\nThe council"),
            "{text}"
        );
        let html = render(&a, Format::Html);
        assert!(html.contains("<p class=\"lead\">A budget at last.</p>\n<p class=\"dateline\">SPRINGFIELD, Nov. 16</p>"), "{html}");
        // A dateline the body opens with is not shown twice.
        a.text = "SPRINGFIELD, Nov. 16 — The council met on Monday.".into();
        assert!(!render(&a, Format::Text).contains("Nov. 16\n"));
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!("MD".parse::<Format>(), Ok(Format::Markdown));
        assert_eq!(
            "pdf".parse::<Format>().map_err(|e| e.code()),
            Err("unknown_format")
        );
    }

    #[test]
    fn image_destinations_are_live_only_for_web_and_data_images() {
        assert_eq!(md_image_destination("javascript:alert(1)"), None);
        assert_eq!(md_image_destination(" JaVaScRiPt:alert(1)"), None);
        assert_eq!(md_image_destination("data:text/html,<b>x</b>"), None);
        assert_eq!(md_image_destination("vbscript:x"), None);
        assert_eq!(md_image_destination("java\nscript:alert(1)"), None);
        assert_eq!(md_image_destination("\u{1}javascript:alert(1)"), None);
        assert_eq!(
            md_image_destination("https://x.test/a b(1).png").as_deref(),
            Some("https://x.test/a%20b%281%29.png")
        );
        assert_eq!(
            md_image_destination("data:image/png;base64,AAAA").as_deref(),
            Some("data:image/png;base64,AAAA")
        );
        assert_eq!(
            md_image_destination("/img/a.png").as_deref(),
            Some("/img/a.png")
        );
    }

    #[test]
    fn a_figure_source_cannot_start_a_link_reference() {
        let mut a = article("Text.");
        a.blocks.push(Block {
            kind: BlockKind::Figure,
            src: Some("/a.png\n\n[x]: javascript:alert(1)\r\n\t".into()),
            ..Block::paragraph(String::new())
        });
        let md = render(&a, Format::Markdown);
        let image = md.lines().find(|l| l.starts_with("![")).unwrap();
        assert_eq!(image, "![](/a.png%0A%0A[x]:%20javascript:alert%281%29)");
        assert!(!md.lines().any(|l| l.trim_start().starts_with('[')), "{md}");
    }
}
