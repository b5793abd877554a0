//! A standalone, escaped HTML reader page.

use super::{byline, linked, opening, output_buffer};
use crate::article::{Article, Block, BlockKind};
use std::fmt::Write;

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

/// The rel of every link: it opens no window reference, sends no referrer
/// and passes no ranking to a page the reader never chose.
const LINK_REL: &str = "noopener noreferrer nofollow";

/// Characters `from..` of a block's text, escaped, its links as `<a>`.
fn html_linked(text: &str, from: usize, block: &Block) -> String {
    let mut out = String::with_capacity(text.len());
    for (piece, href) in linked(text, from, &block.links) {
        match href {
            Some(href) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\" rel=\"{LINK_REL}\">{}</a>",
                    html_escape(href),
                    html_escape(piece)
                );
            }
            None => out.push_str(&html_escape(piece)),
        }
    }
    out
}

fn html_block(out: &mut String, block: &Block) {
    let text = || html_linked(&block.text, 0, block).replace('\n', "<br>");
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
            // Item i starts after the items before it and their newlines.
            let mut from = 0;
            for item in block.items.iter().flatten() {
                let _ = writeln!(out, "<li>{}</li>", html_linked(item, from, block));
                from += item.chars().count() + 1;
            }
            out.push_str("</ul>\n");
        }
        BlockKind::Code | BlockKind::Table => {
            let _ = writeln!(out, "<pre>{}</pre>", html_linked(&block.text, 0, block));
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
            // The caption is the block's text, where its links are.
            let caption: Vec<String> = [
                block.caption.as_deref().map(|c| html_linked(c, 0, block)),
                block.credit.as_deref().map(html_escape),
            ]
            .into_iter()
            .flatten()
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

pub(super) fn html(article: &Article) -> String {
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
