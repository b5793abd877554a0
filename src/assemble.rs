//! Stage 6, assemble: builds the [`Article`] from what the earlier stages
//! found, and turns garbled-span markers into U+FFFD with `garbled_text`
//! warnings that carry their offsets in `text`.

use crate::article::{
    Article, Block, BlockKind, Boilerplate, BoilerplateKind, DecodeReport, InputInfo, InputKind,
    Warning, WarningKind,
};
use crate::metadata::{credits, default_offset, detect_language, find_date, page_year, Credits};
use crate::parse::tokenizer::MAX_ATTRIBUTES;
use crate::parse::tree::{ParseLimits, MAX_DEPTH, MAX_NODES};
use crate::parse::Document;
use crate::repair::{marker_index, repair_text, Garbled};
use crate::segment::html::{self, PageMeta};
use crate::segment::{dateline, segment, BodyItem, Segments};
use crate::Script;

/// Words that label a header line rather than name the site (`…分社正文`).
const HEADER_LABELS: &[&str] = &["正文", "首页", "首頁", "Home", "Menu", "登录", "注册"];

/// Builds the article from decoded text of the given kind. Takes the text
/// to drop it once it has been parsed or repaired: what is kept at once is
/// the peak memory of a huge page.
pub fn assemble(
    text: String,
    kind: InputKind,
    bytes: usize,
    mut decode: DecodeReport,
    script: Script,
) -> Article {
    let mut article;
    match kind {
        InputKind::Text => {
            let repaired = repair_text(&text, script);
            drop(text);
            decode.repairs.extend(repaired.repairs);
            article = Article::empty(decode, InputInfo { kind, bytes });
            fill(
                &mut article,
                segment(&repaired.text),
                Some(&repaired.text),
                None,
            );
            mark_garbled(&mut article, &repaired.garbled);
        }
        InputKind::Html => {
            let doc = Document::parse(&text);
            drop(text);
            if let Some(warning) = limits_warning(&doc.limits) {
                decode.warnings.push(warning);
            }
            let (mut seg, mut meta) = html::extract(&doc);
            if !seg.body.iter().any(|b| matches!(b, BodyItem::Paragraph(_))) {
                // No article container: read the visible text like a paste.
                let plain = html::visible_paragraphs(&doc).join("\n\n");
                drop(doc);
                let repaired = repair_text(&plain, script);
                drop(plain);
                decode.repairs.extend(repaired.repairs);
                article = Article::empty(decode, InputInfo { kind, bytes });
                fill(
                    &mut article,
                    segment(&repaired.text),
                    Some(&repaired.text),
                    Some(meta),
                );
                mark_garbled(&mut article, &repaired.garbled);
                return article;
            }
            drop(doc);
            let garbled = repair_segments(&mut seg, &mut meta, script, &mut decode);
            article = Article::empty(decode, InputInfo { kind, bytes });
            fill(&mut article, seg, None, Some(meta));
            mark_garbled(&mut article, &garbled);
        }
    }
    article
}

/// Says which parser bounds simplified the page, if any.
fn limits_warning(limits: &ParseLimits) -> Option<Warning> {
    if !limits.any() {
        return None;
    }
    let mut parts = Vec::new();
    if limits.flattened > 0 {
        parts.push(format!(
            "{} elements nested deeper than {MAX_DEPTH} levels were attached at that depth",
            limits.flattened
        ));
    }
    if limits.dropped_elements > 0 {
        parts.push(format!(
            "{} tags past {MAX_NODES} nodes were ignored (their text is kept)",
            limits.dropped_elements
        ));
    }
    if limits.dropped_attributes > 0 {
        parts.push(format!(
            "{} attributes past {MAX_ATTRIBUTES} in one tag were dropped",
            limits.dropped_attributes
        ));
    }
    Some(Warning::new(
        WarningKind::LimitReached,
        format!("the page reached the parser's bounds: {}", parts.join("; ")),
    ))
}

/// Separates the strings of a page while they are repaired as one text
/// (so one script decision and one garbled-span numbering cover the page).
const UNIT: &str = "\n\u{1}\n";

/// Repairs every string of the segments and metadata in one pass.
fn repair_segments(
    seg: &mut Segments,
    meta: &mut PageMeta,
    script: Script,
    decode: &mut DecodeReport,
) -> Vec<Garbled> {
    let mut slots: Vec<&mut String> = Vec::new();
    for field in [&mut meta.title, &mut meta.site_name, &mut meta.description]
        .into_iter()
        .flatten()
    {
        slots.push(field);
    }
    slots.extend(meta.authors.iter_mut());
    for item in &mut seg.body {
        match item {
            BodyItem::Paragraph(t)
            | BodyItem::Heading(t)
            | BodyItem::Quote(t)
            | BodyItem::Table(t) => slots.push(t),
            BodyItem::List(items) => slots.extend(items.iter_mut()),
            BodyItem::Figure {
                caption,
                credit,
                alt,
                ..
            } => {
                slots.push(caption);
                slots.extend(credit.iter_mut());
                slots.extend(alt.iter_mut());
            }
            // Code is kept exactly as written.
            BodyItem::Code(_) => {}
        }
    }
    slots.extend(seg.boilerplate.iter_mut().map(|(_, t)| t));
    let joined = slots
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(UNIT);
    let repaired = repair_text(&joined, script);
    let parts: Vec<&str> = repaired.text.split(UNIT).collect();
    if parts.len() != slots.len() {
        // A repair changed the separators: keep the text as extracted.
        return Vec::new();
    }
    for (slot, part) in slots.into_iter().zip(parts) {
        *slot = part.to_string();
    }
    decode.repairs.extend(repaired.repairs);
    repaired.garbled
}

/// The body as plain text: paragraphs, headings, list items, quotes, code;
/// not figure captions.
/// Built in place, without a copy of each item first (a huge page's peak
/// memory).
fn body_text(body: &[BodyItem]) -> String {
    let mut out = String::new();
    let add = |out: &mut String, text: &str| {
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
    };
    for item in body {
        match item {
            BodyItem::Paragraph(t)
            | BodyItem::Heading(t)
            | BodyItem::Quote(t)
            | BodyItem::Code(t)
            | BodyItem::Table(t) => add(&mut out, t),
            BodyItem::List(items) => add(&mut out, &items.join("\n")),
            BodyItem::Figure { .. } => {}
        }
    }
    out
}

/// Fills `article` from the segments. `whole`: the text the segments came
/// from (a paste, or a page read like one); `None` when that is the body
/// text itself.
fn fill(article: &mut Article, seg: Segments, whole: Option<&str>, page: Option<PageMeta>) {
    let page = page.unwrap_or_default();
    let body_text = body_text(&seg.body);
    let whole = whole.unwrap_or(&body_text);
    let first_paragraph = seg.body.iter().find_map(|item| match item {
        BodyItem::Paragraph(p) => Some(p.clone()),
        _ => None,
    });
    article.language = detect_language(if body_text.is_empty() {
        whole
    } else {
        &body_text
    })
    .or_else(|| page.language.clone());
    let offset = default_offset(article.language.as_deref());
    // The page's year serves only month-day dates (`11月16日`); finding it
    // scans the whole page, so only texts with `月` pay for it, once.
    let mut page_year_memo: Option<Option<i32>> = None;
    let mut find_date = |text: &str| {
        let year = if text.contains('月') {
            *page_year_memo.get_or_insert_with(|| page_year(whole))
        } else {
            None
        };
        find_date(text, year)
    };

    let meta = seg.meta.join("\n");
    let mut found = credits(&meta);
    if let Some((line, reporter)) = first_paragraph.as_deref().and_then(dateline) {
        if let Some(reporter) = reporter {
            merge(&mut found, credits(&reporter));
        }
        article.published = find_date(&line).map(|d| d.to_rfc3339(offset));
        article.dateline = Some(line);
    }
    if let Some(date) = find_date(&meta) {
        article.published = Some(date.to_rfc3339(offset));
    }
    // Markup states the time more precisely than visible text.
    if let Some(date) = page.published.as_deref().and_then(&mut find_date) {
        article.published = Some(date.to_rfc3339(offset));
    }
    article.modified = page
        .modified
        .as_deref()
        .and_then(&mut find_date)
        .map(|d| d.to_rfc3339(offset));
    if let Some(mark) = &seg.end_mark {
        merge(
            &mut found,
            credits(mark.trim_matches(['【', '】', '[', ']', '（', '）', '(', ')'])),
        );
    }
    article.source = found.source;
    article.authors = if page.authors.is_empty() {
        found.authors
    } else {
        page.authors
    };
    article.editors = found.editors;

    article.site_name = page
        .site_name
        .or_else(|| seg.header.first().and_then(|h| site_name(h)));
    article.title = page.title.or(seg.title);
    article.lead = page.description.filter(|d| {
        let start: String = d.chars().take(40).collect();
        !body_text.contains(&start)
    });
    if let Some((_, items)) = &seg.breadcrumbs {
        article.breadcrumbs = items.clone();
    }
    let navigation = seg
        .header
        .iter()
        .chain(seg.breadcrumbs.as_ref().map(|(line, _)| line));
    article.boilerplate = navigation
        .map(|text| (BoilerplateKind::Navigation, text.clone()))
        .chain(seg.boilerplate)
        .map(|(kind, text)| Boilerplate { kind, text })
        .collect();
    article.end_mark = seg.end_mark;
    article.text = body_text;
    article.blocks = seg.body.into_iter().map(block).collect();
}

fn merge(into: &mut Credits, more: Credits) {
    if into.source.is_none() {
        into.source = more.source;
    }
    into.authors.extend(more.authors);
    into.editors.extend(more.editors);
}

/// The site name from a header line: its first part, without labels like `正文`.
fn site_name(header: &str) -> Option<String> {
    let first = header.split(['|', '｜', '-', '_', '·']).next()?.trim();
    let mut name = first;
    for label in HEADER_LABELS {
        name = name
            .trim_end_matches(label)
            .trim_start_matches(label)
            .trim();
    }
    (!name.is_empty() && name.chars().count() <= 30).then(|| name.to_string())
}

fn block(item: BodyItem) -> Block {
    let of = |kind: BlockKind, text: String| Block {
        kind,
        ..Block::paragraph(text)
    };
    match item {
        BodyItem::Paragraph(text) => Block::paragraph(text),
        BodyItem::Heading(text) => Block {
            level: Some(2),
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
            src,
            alt,
            ..of(BlockKind::Figure, caption)
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_becomes_paragraphs() {
        let doc = Document::parse(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <div>Hello <b>big</b>\n  world<script>x()</script></div>\
             <p>Line one<br>line two</p><p hidden>secret</p>\
             <span style='display: none'>gone</span><ul><li>a</li><li>b</li></ul></body></html>",
        );
        assert_eq!(
            html::visible_paragraphs(&doc),
            ["Hello big world", "Line one\nline two", "a", "b"]
        );
    }

    #[test]
    fn deep_nesting_walks_without_recursion() {
        let html = "<b>".repeat(100_000) + "deep text";
        assert_eq!(
            html::visible_paragraphs(&Document::parse(&html)),
            ["deep text"]
        );
    }
}
