//! Stage 7, render: an [`Article`] as JSON, Markdown, plain text or a
//! standalone HTML reader page. Input markup is never copied through: every
//! string is escaped for the format it lands in.

mod html;
mod markdown;

pub use html::html_escape;

use crate::article::{Article, Link};
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
        Format::Markdown => markdown::markdown(article),
        Format::Text => text(article),
        Format::Html => html::html(article),
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

/// Characters `from..` of a block's text (`text`, so many characters long)
/// cut at the block's `links`: pieces of text, each with the `href` of the
/// link it is part of.
fn linked<'a>(text: &'a str, from: usize, links: &'a [Link]) -> Vec<(&'a str, Option<&'a str>)> {
    if links.is_empty() {
        return vec![(text, None)];
    }
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let length = bytes.len() - 1;
    // The text between two character positions (clamped, never panicking).
    let slice = |a: usize, b: usize| {
        let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len());
        text.get(at(a)..at(b)).unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut at = 0;
    for link in links {
        let start = link.start.saturating_sub(from).max(at);
        let end = link.end.saturating_sub(from).min(length);
        if link.end <= from || start >= end {
            continue;
        }
        if start > at {
            out.push((slice(at, start), None));
        }
        out.push((slice(start, end), Some(link.href.as_str())));
        at = end;
    }
    if at < length || out.is_empty() {
        out.push((slice(at, length), None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markdown::md_image_destination;
    use super::*;
    use crate::article::{Block, BlockKind};
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
                tables_used: false,
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
        assert!(md.contains("\n1\\. no list"), "{md}");
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

    #[test]
    fn links_are_rendered_where_they_are_and_escaped() {
        let mut a = article("Read the report (PDF) or write.");
        let link = |start, end, href: &str| Link {
            start,
            end,
            href: href.into(),
        };
        a.blocks[0].links = vec![
            link(9, 15, "https://a.example/r?q=\"x\"&y=(1)"),
            link(25, 30, "mailto:desk@a.example"),
        ];
        a.blocks.push(Block {
            kind: BlockKind::List,
            items: Some(vec!["第一 one".into(), "two [2]".into()]),
            links: vec![
                link(3, 6, "https://a.example/1"),
                link(11, 14, "https://a.example/2"),
            ],
            ..Block::paragraph("第一 one\ntwo [2]".into())
        });
        let md = render(&a, Format::Markdown);
        assert!(
            md.contains(
                "Read the [report](https://a.example/r?q=\"x\"&y=%281%29) (PDF) or \
                 [write](mailto:desk@a.example)."
            ),
            "{md}"
        );
        assert!(
            md.contains("- 第一 [one](https://a.example/1)\n- two [\\[2\\]](https://a.example/2)"),
            "{md}"
        );
        let html = render(&a, Format::Html);
        assert!(
            html.contains(
                "Read the <a href=\"https://a.example/r?q=&quot;x&quot;&amp;y=(1)\" \
                 rel=\"noopener noreferrer nofollow\">report</a> (PDF)"
            ),
            "{html}"
        );
        assert!(html.contains("<li>two <a href=\"https://a.example/2\" rel=\"noopener noreferrer nofollow\">[2]</a></li>"), "{html}");
        // Spans past the text, overlapping or empty are ignored, never cut inside a character.
        assert_eq!(
            linked("ab", 0, &[link(1, 9, "x"), link(0, 1, "y")]),
            [("a", None), ("b", Some("x"))]
        );
    }
}
