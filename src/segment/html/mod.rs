//! Segmenting an HTML page: finds the article in the DOM by content scoring
//! and yields the same [`Segments`] the plain-text segmenter does.
//!
//! The method is Readability's (score paragraphs, give the score to their
//! ancestors, pick the best container, merge qualifying siblings), made
//! CJK-aware: text is measured in weighted characters (a Han/kana/Hangul
//! character weighs 2), `，、。` count like commas, and link density is
//! computed on the same measure.
//!
//! One file per responsibility, data flowing one way:
//! [`page`] measures → [`choose`] picks the roots → [`writer`] writes body
//! items → [`passes`] clean them up → [`regions`] read what is beside the
//! body. The vocabularies are in [`classes`], every threshold in
//! `segment::tunables`.

pub mod captions;
mod choose;
pub mod classes;
mod controls;
mod media;
pub mod noscript;
pub mod page;
pub mod passes;
pub mod regions;
mod repeats;
pub mod veil;
pub mod visible;
pub mod writer;

use super::items::{BodyItem, Segments};
use super::tunables::{BODY_SHARE, LANDMARK_SHARE, THREAD_BODY_MAX, THREAD_SHARE};
use crate::article::BoilerplateKind;
use crate::metadata::markup::PageMeta;
use crate::parse::tree::{Document, NodeId, NONE};
use page::Page;
use passes::Tail;

/// Extracts the article segments of a parsed page; `meta` (what the markup
/// states) tells which leading lines only repeat the title.
pub fn extract(doc: &Document, meta: &PageMeta) -> Segments {
    let page = Page::new(doc);
    let segments = extract_from(&page, meta);
    // A thread whose posts are all marked as comments: the article found
    // outside them is short and a fraction of them, and they are the
    // content.
    let body = text_length(&segments.body);
    if body < THREAD_BODY_MAX && body < page.comments_length() * THREAD_SHARE {
        drop(page);
        let mut thread = extract_from(&Page::reading(doc, true), meta);
        if text_length(&thread.body) > body {
            // The opening post read outside the comments stays first.
            let kept = segments.body.iter().any(|item| thread.body.contains(item));
            if !kept {
                let mut body = segments.body;
                body.append(&mut thread.body);
                thread.body = body;
                let mut links = writer::Links {
                    links: segments.links,
                    runs: segments.link_runs,
                };
                links.append(writer::Links {
                    links: std::mem::take(&mut thread.links),
                    runs: std::mem::take(&mut thread.link_runs),
                });
                thread.links = links.links;
                thread.link_runs = links.runs;
            }
            return thread;
        }
    }
    segments
}

/// [`extract`] over a measured page.
fn extract_from(page: &Page, meta: &PageMeta) -> Segments {
    let mut segments = Segments::default();
    let Some(top) = choose::best_container(page) else {
        return segments;
    };
    let mut roots = choose::article_roots(page, top);
    let mut writer = writer::Writer::new(page);
    for &root in &roots {
        writer.write(root);
    }
    let mut written = writer.finish();
    let article_length = text_length(&written.items);
    if let Some((landmark, whole)) = landmark_reading(page, &roots, article_length) {
        roots = vec![landmark];
        written = whole;
    } else if let Some((series, posts)) = series_reading(page, top, &roots, article_length) {
        roots = series;
        written = posts;
    }
    let writer::Written {
        mut items,
        skipped,
        links,
    } = written;

    let names: Vec<&String> = [&meta.title, &meta.document_title, &meta.site_name]
        .into_iter()
        .flatten()
        .collect();
    let mut tail = Tail::new();
    passes::drop_title_repeats(&mut items, &names, &mut tail);
    repeats::move_repeated_runs(&mut items, &mut tail);
    segments.end_mark = passes::take_end_mark(&mut items);
    passes::cut_tail(&mut items, &mut tail);
    let credits = passes::drop_leading_credits(&mut items, &mut tail);
    passes::credited_captions(&mut items);
    captions::join_captions(&mut items);
    passes::move_closing_prompts(&mut items, &mut tail);
    passes::move_ad_labels(&mut items, &mut tail);
    controls::move_controls(&mut items, &mut tail);

    segments.meta = regions::meta_lines(page, top);
    segments.closing = regions::closing_lines(page, top);
    for line in credits {
        if !segments.meta.contains(&line) {
            segments.meta.push(line);
        }
    }
    // (The trail's text is in the navigation boilerplate already.)
    segments.breadcrumbs = regions::breadcrumbs(page).map(|items| (String::new(), items));
    segments.body = items;
    segments.links = links.links;
    segments.link_runs = links.runs;
    segments.boilerplate = regions::boilerplate(page);
    if let Some(rest) = regions::unlabelled(page, &roots, &skipped) {
        segments.boilerplate.push((BoilerplateKind::Other, rest));
    }
    segments.boilerplate.extend(tail);
    segments
}

/// The weighted length of body items' text.
fn text_length(items: &[BodyItem]) -> f32 {
    items.iter().map(|item| page::measure(&item.text()).0).sum()
}

/// A thread's posts or a river's stories read in order, when the best
/// container is one item of such a series and the series holds more text
/// than the article chosen from it (`article_length`, its text's weighted
/// length). The article's roots outside the series (an introduction above
/// a tutorial's steps) stay. Returns the roots and what they wrote.
fn series_reading(
    page: &Page,
    top: NodeId,
    roots: &[NodeId],
    article_length: f32,
) -> Option<(Vec<NodeId>, writer::Written)> {
    let mut series = choose::repeated_items(page, top)?;
    // (The series' visible text bounds what it can write: no longer than
    // the article, it is not read.)
    let visible: f32 = series.iter().map(|&id| page.stat(id).length).sum();
    if visible <= article_length {
        return None;
    }
    let apart: Vec<NodeId> = roots
        .iter()
        .copied()
        .filter(|&r| !series.iter().any(|&s| related(page, r, s)))
        .collect();
    series.extend(apart);
    series.sort_unstable();
    let mut writer = writer::Writer::new(page);
    for &root in &series {
        writer.write(root);
    }
    let posts = writer.finish();
    (text_length(&posts.items) > article_length).then_some((series, posts))
}

/// Whether one of two nodes holds the other (or they are the same).
fn related(page: &Page, a: NodeId, b: NodeId) -> bool {
    let inside = |id: NodeId, of: NodeId| {
        let mut n = id;
        while n != NONE && n != of {
            n = page.parent(n);
        }
        n == of
    };
    inside(a, b) || inside(b, a)
}

/// The main landmark read whole, when the chosen article (`article_length`,
/// its text's weighted length) holds only a small share of the landmark's
/// text (see [`LANDMARK_SHARE`]; a page without one: its `<body>`,
/// [`BODY_SHARE`]): the page is a listing, a catalogue, a thread or a
/// service page, not one article. Returns the landmark and what it wrote.
fn landmark_reading(
    page: &Page,
    roots: &[NodeId],
    article_length: f32,
) -> Option<(NodeId, writer::Written)> {
    let (landmark, share) = match choose::main_landmark(page) {
        // An article found wholly outside the main landmark (a newsletter
        // box in the footer of a product page) is no match for it: the
        // landmark wins as soon as it holds more text.
        Some(main) if !roots.iter().any(|&r| related(page, r, main)) => (main, 1.0),
        Some(main) => (main, LANDMARK_SHARE),
        None => (choose::body_element(page)?, BODY_SHARE),
    };
    // (The landmark's visible text bounds what it can write: when the
    // article holds the share of that already, it is not written.)
    if article_length >= page.stat(landmark).length * share {
        return None;
    }
    let mut writer = writer::Writer::keeping_links(page);
    writer.write(landmark);
    let whole = writer.finish();
    (article_length < text_length(&whole.items) * share).then_some((landmark, whole))
}
