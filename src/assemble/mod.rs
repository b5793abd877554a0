//! Stage 6, assemble: builds the [`Article`] from the segments and the
//! resolved metadata, and turns garbled-span markers into U+FFFD with
//! `garbled_text` warnings that carry their offsets in `text`. It decides
//! nothing about the page: precedence is `metadata::resolve`'s.

mod links;

use crate::article::{
    Article, Block, BlockKind, Boilerplate, BoilerplateKind, DecodeReport, InputInfo, Warning,
    WarningKind,
};
use crate::metadata::markup::PageMeta;
use crate::metadata::resolve::{resolve, Evidence};
use crate::repair::{marker_index, Garbled};
use crate::segment::items::{BodyItem, Segments};
use crate::segment::plain::site_name_from_header;

/// Builds the article. `whole`: the text the segments came from (a paste,
/// or a page read like one); `None` when that is the body text itself.
/// `page`: what the markup states, for a page.
pub fn assemble(
    seg: Segments,
    whole: Option<&str>,
    page: Option<PageMeta>,
    decode: DecodeReport,
    input: InputInfo,
    garbled: &[Garbled],
) -> Article {
    let mut article = Article::empty(decode, input);
    let body_text = body_text(&seg.body);
    let first_paragraph = seg.body.iter().find_map(|item| match item {
        BodyItem::Paragraph(p) => Some(p.as_str()),
        _ => None,
    });
    let evidence = Evidence {
        meta_lines: &seg.meta,
        first_paragraph,
        end_mark: seg.end_mark.as_deref(),
        closing_lines: &seg.closing,
        header_site_name: seg.header.first().and_then(|h| site_name_from_header(h)),
        title_line: seg.title.clone(),
        body_text: &body_text,
        whole: whole.unwrap_or(&body_text),
    };
    let page = page.unwrap_or_default();
    let base = page.base.clone();
    let found = resolve(page, evidence);
    article.language = found.language;
    article.published = found.published;
    article.modified = found.modified;
    article.dateline = found.dateline;
    article.source = found.source;
    article.authors = found.authors;
    article.editors = found.editors;
    article.site_name = found.site_name;
    article.title = found.title;
    article.lead = found.lead;
    article.url = found.url;

    if let Some((_, items)) = &seg.breadcrumbs {
        article.breadcrumbs = items.clone();
    }
    let navigation = seg
        .header
        .iter()
        .chain(seg.breadcrumbs.as_ref().map(|(line, _)| line))
        .filter(|line| !line.is_empty());
    // The headline-like line of a paste, when the page's markup named
    // another title: kept, not dropped.
    let title_line = seg
        .title
        .filter(|line| article.title.as_deref() != Some(line.as_str()))
        .map(|line| (BoilerplateKind::Other, line));
    article.boilerplate = navigation
        .map(|text| (BoilerplateKind::Navigation, text.clone()))
        .chain(title_line)
        .chain(seg.boilerplate)
        .map(|(kind, text)| Boilerplate { kind, text })
        .collect();
    article.end_mark = seg.end_mark;
    article.text = body_text;
    article.blocks = seg
        .body
        .into_iter()
        .map(|item| block(item, base.as_deref()))
        .collect();
    mark_garbled(&mut article, garbled);
    links::place(
        &mut article.blocks,
        &seg.links,
        &seg.link_runs,
        base.as_deref(),
    );
    article
}

/// The body as plain text: paragraphs, headings, list items, quotes, code;
/// not figure captions.
/// Built in place, without a copy of each item first (a huge page's peak
/// memory).
fn body_text(body: &[BodyItem]) -> String {
    // Sized first: grown by doubling, a huge body's string held up to twice
    // its length, and both buffers at once while it was copied.
    let size: usize = body
        .iter()
        .filter(|item| !matches!(item, BodyItem::Figure { .. }))
        .map(|item| item.text().len() + 2)
        .sum();
    let mut out = String::with_capacity(size);
    let add = |out: &mut String, text: &str| {
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
    };
    for item in body {
        if !matches!(item, BodyItem::Figure { .. }) {
            add(&mut out, &item.text());
        }
    }
    out
}

/// The block of a body item; a figure's source resolved against `base`.
fn block(item: BodyItem, base: Option<&str>) -> Block {
    let of = |kind: BlockKind, text: String| Block {
        kind,
        ..Block::paragraph(text)
    };
    match item {
        BodyItem::Paragraph(text) => Block::paragraph(text),
        BodyItem::Heading(level, text) => Block {
            level: Some(level),
            ..of(BlockKind::Heading, text)
        },
        BodyItem::Quote(text) => of(BlockKind::Quote, text),
        BodyItem::Code(text) => of(BlockKind::Code, text),
        BodyItem::Table(text) => of(BlockKind::Table, text),
        BodyItem::List(items) => Block {
            items: Some(items.clone()),
            ..of(BlockKind::List, items.join("\n"))
        },
        BodyItem::Figure {
            caption,
            credit,
            src,
            alt,
        } => Block {
            caption: Some(caption.clone()).filter(|c| !c.is_empty()),
            credit,
            src: src.map(|src| image_source(src, base)),
            alt,
            ..of(BlockKind::Figure, caption)
        },
    }
}

/// An image's address resolved against the page's; a protocol-relative
/// one without a page address is taken as https (what a reader would
/// fetch); anything else unresolvable (a relative path, `data:`) as written.
fn image_source(src: String, base: Option<&str>) -> String {
    if src.starts_with("data:") {
        return src;
    }
    let base = base.or(src.trim_start().starts_with("//").then_some("https:"));
    crate::url::resolve(base, &src).unwrap_or(src)
}

/// Replaces markers by U+FFFD everywhere and reports each garbled span,
/// with its character offsets when it is in `text`.
fn mark_garbled(article: &mut Article, garbled: &[Garbled]) {
    if garbled.is_empty() {
        return;
    }
    let mut offsets: Vec<Option<usize>> = vec![None; garbled.len()];
    let mut text = String::with_capacity(article.text.len());
    for (i, c) in article.text.chars().enumerate() {
        match marker_index(c) {
            Some(k) => {
                if let Some(slot) = offsets.get_mut(k) {
                    *slot = Some(i);
                }
                text.push('\u{FFFD}');
            }
            None => text.push(c),
        }
    }
    article.text = text;
    let unmark = |s: &mut String| {
        if s.chars().any(|c| marker_index(c).is_some()) {
            *s = s
                .chars()
                .map(|c| {
                    if marker_index(c).is_some() {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
        }
    };
    for field in [
        &mut article.title,
        &mut article.dateline,
        &mut article.end_mark,
        &mut article.source,
        &mut article.site_name,
    ]
    .into_iter()
    .flatten()
    {
        unmark(field);
    }
    for block in &mut article.blocks {
        unmark(&mut block.text);
        for field in [&mut block.caption, &mut block.credit]
            .into_iter()
            .flatten()
        {
            unmark(field);
        }
    }
    for b in &mut article.boilerplate {
        unmark(&mut b.text);
    }
    for list in [
        &mut article.authors,
        &mut article.editors,
        &mut article.breadcrumbs,
    ] {
        list.iter_mut().for_each(unmark);
    }
    for (g, offset) in garbled.iter().zip(offsets) {
        let hint = if g.pinyin.is_empty() {
            String::new()
        } else {
            format!(
                "; surviving pinyin: {} (a hint, not a reading)",
                g.pinyin.join(" ")
            )
        };
        let place = if offset.is_some() {
            ""
        } else {
            " outside the body"
        };
        article.decode.warnings.push(Warning {
            kind: WarningKind::GarbledText,
            message: format!(
                "text damaged beyond repair{place}, kept as U+FFFD: {:?}{hint}",
                g.raw
            ),
            start: offset,
            end: offset.map(|o| o + 1),
            raw: Some(g.raw.clone()),
        });
    }
}
