//! The plain-text segmenter: reads a paste line by line into [`Segments`]
//! with the line scores of [`super::lines`] and a few ordering rules (the
//! title comes before the body, the boilerplate tail after it).

use super::items::{BodyItem, Segments};
use super::lines::{
    crumb_items, features, scores, split_caption, split_end_mark, Features, LineKind, NAV_WORDS,
};
use super::tunables::{
    BODY_START_CHARS, BODY_START_SCORE, CRUMB_MIN_ITEMS, DATED_SENTENCE_MIN_CJK,
    DATED_SENTENCE_MIN_WORDS, INDENT_SAMPLE_LINES, LINE_BUDGET_BYTES, LINE_BUDGET_MIN,
    SUBHEADING_MAX_CHARS, TAIL_MIN_SCORE, TITLE_CHARS, TITLE_LONG_CHARS, TITLE_MIN_SCORE,
};
use crate::article::BoilerplateKind;
use crate::metadata::markup::SITE_NAME_MAX_CHARS;
use crate::text::is_cjk_letter;

/// Plain text does not say a subheading's level: one under the title's.
const PLAIN_HEADING_LEVEL: u8 = 2;

fn best(f: &Features) -> (LineKind, i32) {
    scores(f)
        .into_iter()
        .max_by_key(|&(_, s)| s)
        .unwrap_or((LineKind::Paragraph, 0))
}

/// Whether a line reads like a headline: a phrase, not a sentence or a label.
fn title_score(f: &Features, next: Option<&Features>) -> i32 {
    let n = |b: bool| i32::from(b);
    3 * n(TITLE_CHARS.contains(&f.chars)) - 3 * n(f.sentence_end && f.sentences > 1)
        + 3 * n(next.is_some_and(|x| x.date || x.meta_keys > 0))
        - 4 * n(f.date || f.meta_keys > 0)
        - 4 * n(f.crumbs >= CRUMB_MIN_ITEMS)
        - 2 * n(f.nav_words > 0)
        - 2 * n(f.chars > TITLE_LONG_CHARS)
}

/// One non-empty line with its features and its best class and score.
struct Line<'a> {
    raw: &'a str,
    f: Features,
    kind: LineKind,
    score: i32,
}

/// Reads plain text into [`Segments`].
pub fn segment(text: &str) -> Segments {
    let line = |raw| {
        let f = features(raw);
        let (kind, score) = best(&f);
        Line {
            raw,
            f,
            kind,
            score,
        }
    };
    let (raws, merged_lines) = budgeted_lines(text);
    let lines: Vec<Line> = raws.into_iter().map(line).collect();
    let mut out = Segments {
        merged_lines,
        ..Segments::default()
    };
    // The body starts at the first line that is clearly running text.
    let first_paragraph = lines
        .iter()
        .position(|l| {
            l.kind == LineKind::Paragraph
                && l.score >= BODY_START_SCORE
                && l.f.chars >= BODY_START_CHARS
        })
        .unwrap_or(0);
    let (head, body) = lines.split_at(first_paragraph);
    read_head(head, lines.get(first_paragraph), &mut out);
    read_body(body, &mut out);
    out
}

/// The non-blank lines of `text`, at most the line budget
/// ([`LINE_BUDGET_MIN`], or one per [`LINE_BUDGET_BYTES`]): the last holds
/// everything past the budget, line breaks and all. Also returns how many
/// lines that last one holds when it does (0 otherwise).
fn budgeted_lines(text: &str) -> (Vec<&str>, usize) {
    let budget = LINE_BUDGET_MIN.max(text.len() / LINE_BUDGET_BYTES);
    let mut lines = Vec::new();
    // Where the lines past the budget start, and how many there are.
    let mut rest: Option<usize> = None;
    let mut merged = 0;
    let mut offset = 0;
    for piece in text.split_inclusive('\n') {
        let start = offset;
        offset += piece.len();
        let raw = piece.trim_end_matches(['\n', '\r']);
        if raw.trim().is_empty() {
            continue;
        }
        if rest.is_some() || lines.len() + 1 == budget {
            rest.get_or_insert(start);
            merged += 1;
        } else {
            lines.push(raw);
        }
    }
    if let Some(start) = rest {
        lines.push(text.get(start..).unwrap_or_default().trim_end());
    }
    (lines, if merged > 1 { merged } else { 0 })
}

/// The lines before the body: header, breadcrumbs, title, credit lines.
fn read_head(head: &[Line], first_body_line: Option<&Line>, out: &mut Segments) {
    // Title: the most headline-like line before the body.
    let title_at = head
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let next = head.get(i + 1).or(first_body_line).map(|n| &n.f);
            (i, title_score(&l.f, next))
        })
        .filter(|&(_, s)| s >= TITLE_MIN_SCORE)
        .max_by_key(|&(i, s)| (s, std::cmp::Reverse(i)))
        .map(|(i, _)| i);
    for (i, l) in head.iter().enumerate() {
        let (f, line) = (&l.f, l.raw.trim().to_string());
        if Some(i) == title_at {
            out.title = Some(line);
        } else if is_dated_sentence(&line, f) {
            // Text, not a credit line: kept as the body's first paragraphs.
            out.body.push(BodyItem::Paragraph(line));
        } else if title_at.is_some_and(|t| i > t) || f.date || f.meta_keys > 0 {
            if f.date || f.meta_keys > 0 {
                out.meta.push(line);
            } else {
                out.header.push(line);
            }
        } else if f.crumbs >= CRUMB_MIN_ITEMS && out.breadcrumbs.is_none() {
            out.breadcrumbs = Some((line.clone(), crumb_items(&line)));
        } else if let LineKind::Boilerplate(k) = l.kind {
            out.boilerplate.push((k, line));
        } else {
            out.header.push(line);
        }
    }
}

/// A sentence that holds a date but names no credit (`On March 3, 2024 the
/// plant closed.`): prose, which the credit-line rule would consume.
fn is_dated_sentence(line: &str, f: &Features) -> bool {
    f.date
        && f.meta_keys == 0
        && f.sentence_end
        && (line.split_whitespace().count() >= DATED_SENTENCE_MIN_WORDS
            || line.chars().filter(|&c| is_cjk_letter(c)).count() >= DATED_SENTENCE_MIN_CJK)
}

/// The body until the tail (an end mark, or boilerplate after the body),
/// then the tail.
fn read_body(body: &[Line], out: &mut Segments) {
    let mut in_tail = false;
    let body_indented = body
        .iter()
        .filter(|l| l.f.chars >= BODY_START_CHARS && l.f.indented)
        .count()
        * 2
        > body.len().min(INDENT_SAMPLE_LINES);
    for (i, l) in body.iter().enumerate() {
        let f = &l.f;
        let line = l.raw.trim();
        if in_tail {
            let k = match l.kind {
                LineKind::Boilerplate(k) => k,
                _ => f.boilerplate.map_or(BoilerplateKind::Other, |(k, _)| k),
            };
            push_boilerplate(&mut out.boilerplate, k, line);
            continue;
        }
        // Whether the next line is body-sized (hard-wrapped prose ends its
        // lines mid-sentence) and a paragraph. (Blank lines are not lines
        // here: `budgeted_lines` left them out.)
        let next = body.get(i + 1);
        let next_is_long = next.is_some_and(|next| next.f.chars >= BODY_START_CHARS);
        let next_is_paragraph = next_is_long && next.is_some_and(|next| next.f.sentence_end);
        match l.kind {
            LineKind::EndMark => {
                out.end_mark = Some(line.to_string());
                in_tail = true;
            }
            // (A numbered line before a paragraph is a section of the
            // text — `1.犬儒主义的来龙去脉` — not the first of a numbered
            // list of links.)
            LineKind::Boilerplate(k)
                if l.score >= TAIL_MIN_SCORE
                    && !out.body.is_empty()
                    && !(f.enumerated && next_is_long) =>
            {
                push_boilerplate(&mut out.boilerplate, k, line);
                in_tail = true;
            }
            LineKind::Caption if !(body_indented && f.indented) => {
                let (caption, credit) = split_caption(line);
                out.body.push(BodyItem::Figure {
                    caption,
                    credit,
                    src: None,
                    alt: None,
                });
            }
            _ if is_subheading(f, next_is_paragraph, &out.body) => {
                out.body
                    .push(BodyItem::Heading(PLAIN_HEADING_LEVEL, line.to_string()));
            }
            _ => in_tail = push_paragraph(line, out),
        }
    }
}

/// A short unpunctuated line between paragraphs of the body.
fn is_subheading(f: &Features, next_is_paragraph: bool, body: &[BodyItem]) -> bool {
    f.chars <= SUBHEADING_MAX_CHARS
        && !f.sentence_end
        && f.sentences == 0
        && f.crumbs < CRUMB_MIN_ITEMS
        && next_is_paragraph
        && body.iter().any(|b| matches!(b, BodyItem::Paragraph(_)))
}

/// Adds a paragraph, splitting off an end mark that closes it; returns
/// whether the tail starts.
fn push_paragraph(line: &str, out: &mut Segments) -> bool {
    if let Some((rest, mark)) = split_end_mark(line) {
        if !rest.is_empty() {
            out.body.push(BodyItem::Paragraph(rest.to_string()));
        }
        out.end_mark = Some(mark.to_string());
        return true;
    }
    out.body.push(BodyItem::Paragraph(line.to_string()));
    false
}

fn push_boilerplate(list: &mut Vec<(BoilerplateKind, String)>, kind: BoilerplateKind, line: &str) {
    match list.last_mut() {
        Some((k, text)) if *k == kind => {
            text.push('\n');
            text.push_str(line);
        }
        _ => list.push((kind, line.to_string())),
    }
}

/// The site name from a header line: its first part, without navigation
/// labels like `正文`.
pub fn site_name_from_header(header: &str) -> Option<String> {
    let first = header.split(['|', '｜', '-', '_', '·']).next()?.trim();
    let mut name = first;
    for label in NAV_WORDS {
        name = name
            .trim_end_matches(label)
            .trim_start_matches(label)
            .trim();
    }
    (!name.is_empty() && name.chars().count() <= SITE_NAME_MAX_CHARS).then(|| name.to_string())
}
