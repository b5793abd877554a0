//! Clean-up passes over the body items written from the article's roots,
//! in the order `html::extract` runs them. Each pass is one named function:
//! a new clean-up rule is a new function here, called from the recipe.

use super::super::items::BodyItem;
use super::super::keywords::{is_reviews_label, opens_with_keyword};
use super::super::lines::{features, split_caption, split_end_mark};
use super::super::tunables::{
    AD_LABEL_MAX_CHARS, CREDITED_CAPTION_MAX_CHARS, LEADING_CREDIT_MAX_CHARS,
    LEADING_CREDIT_MIN_ITEMS, PAGER_MAX_CHARS, PROMPT_MAX_CHARS, PROMPT_MIN_ITEMS,
    TAIL_FRAGMENT_MAX_CHARS, TAIL_HEADING_MAX_CHARS, TAIL_LABEL_MAX_CHARS,
    TAIL_MIN_PARAGRAPHS_BEFORE, TITLE_REPEAT_MAX_CHARS, TITLE_REPEAT_WINDOW,
    WIRE_CAPTION_MAX_CHARS, WIRE_CAPTION_PROBE_CHARS,
};
use crate::article::BoilerplateKind;
use crate::text::{at_most_chars, is_cjk_letter};

/// Boilerplate moved out of the body, labelled.
pub type Tail = Vec<(BoilerplateKind, String)>;

/// Leading lines that repeat the title or the site name are not body; a
/// heading that only starts like the title (it adds a subtitle, or the title
/// abbreviates it) goes to `tail`, so its words are not lost.
pub fn drop_title_repeats(items: &mut Vec<BodyItem>, names: &[&String], tail: &mut Tail) {
    let mut i = 0;
    while i < items.len().min(TITLE_REPEAT_WINDOW) {
        // A title line heading a paragraph or a table (a layout cell or
        // table holding the headline and the credit line under it): the
        // title goes, the rest is read as lines of text.
        let headed = match items.get(i) {
            Some(BodyItem::Paragraph(p) | BodyItem::Table(p)) => p
                .split_once('\n')
                .filter(|(first, _)| names.iter().any(|n| normalized(first) == normalized(n)))
                .map(|(_, rest)| rest.to_string()),
            _ => None,
        };
        if let Some(rest) = headed {
            let lines: Vec<BodyItem> = match items.get(i) {
                Some(BodyItem::Table(_)) => rest
                    .lines()
                    .map(|row| row.split('\t').map(str::trim).collect::<Vec<_>>().join(" "))
                    .filter(|row| !row.trim().is_empty())
                    .map(BodyItem::Paragraph)
                    .collect(),
                _ => vec![BodyItem::Paragraph(rest.trim_start().to_string())],
            };
            items.splice(i..=i, lines);
        }
        let repeats = match items.get(i) {
            Some(BodyItem::Heading(_, h) | BodyItem::Paragraph(h)) => {
                h.chars().count() <= TITLE_REPEAT_MAX_CHARS
                    && names.iter().any(|n| {
                        // Exact for paragraphs; a heading may abbreviate the title.
                        normalized(h) == normalized(n)
                            || (matches!(items.get(i), Some(BodyItem::Heading(..)))
                                && same_text(h, n))
                    })
            }
            _ => false,
        };
        if repeats {
            if let BodyItem::Heading(_, h) | BodyItem::Paragraph(h) = items.remove(i) {
                if !names.iter().any(|n| normalized(&h) == normalized(n)) {
                    tail.push((BoilerplateKind::Other, h));
                }
            }
        } else {
            i += 1;
        }
    }
}

/// Letters and digits only, lower-cased: how titles are compared.
fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Whether `a` and `b` are the same title, one perhaps abbreviating the other.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (normalized(a), normalized(b));
    !a.is_empty() && (a == b || b.starts_with(&a) || a.starts_with(&b))
}

/// An end mark closing the body (`（完）`, `【责任编辑：…】`), alone or at
/// the end of the last paragraph: taken out of the body and returned.
pub fn take_end_mark(items: &mut Vec<BodyItem>) -> Option<String> {
    let mut end_mark: Option<String> = None;
    while let Some(BodyItem::Paragraph(last)) = items.last() {
        match split_end_mark(last) {
            Some((rest, mark)) => {
                let (rest, mark) = (rest.to_string(), mark.to_string());
                end_mark = Some(match end_mark.take() {
                    Some(later) => format!("{mark} {later}"),
                    None => mark,
                });
                items.pop();
                if !rest.is_empty() {
                    items.push(BodyItem::Paragraph(rest));
                    break;
                }
            }
            None => break,
        }
    }
    end_mark
}

/// A heading like "Top Rated Comments" or "Related Articles" inside the
/// container starts the tail: it and what follows are boilerplate. Not
/// when more prose follows it than precedes it, unless it heads comments
/// (a thread may outgrow its article): related links and share buttons
/// are short, and a long article's "Equipment-Related Injuries" or
/// "Facebook" section is the article.
pub fn cut_tail(items: &mut Vec<BodyItem>, tail: &mut Tail) {
    let prose = |item: &BodyItem| match item {
        BodyItem::Paragraph(p) | BodyItem::Quote(p)
            if !at_most_chars(p, TAIL_FRAGMENT_MAX_CHARS) =>
        {
            p.len()
        }
        _ => 0,
    };
    let total: usize = items.iter().map(prose).sum();
    // One pass, counting the paragraphs and their text before each item.
    let (mut paragraphs_before, mut before) = (0, 0);
    let cut = items.iter().position(|item| {
        let starts_tail = paragraphs_before >= TAIL_MIN_PARAGRAPHS_BEFORE
            && starts_tail(item)
            && (total - before <= before || is_thread(item));
        paragraphs_before += usize::from(matches!(item, BodyItem::Paragraph(_)));
        before += prose(item);
        starts_tail
    });
    if let Some(cut) = cut {
        let kind = items.get(cut).map_or(BoilerplateKind::Other, tail_kind);
        let rest: Vec<String> = items
            .split_off(cut)
            .iter()
            .map(|item| item.text().into_owned())
            .filter(|t| !t.is_empty())
            .collect();
        tail.push((kind, rest.join("\n")));
    }
}

/// Whether a tail-starting item heads comments, which may outgrow the
/// article. (Customer reviews may not: on a page of testimonials or an
/// app's page with a review summary high up, the text follows them.)
fn is_thread(item: &BodyItem) -> bool {
    tail_kind(item) == BoilerplateKind::Comments
        && !matches!(item, BodyItem::Heading(_, h) if is_reviews_label(h))
}

/// The kind of boilerplate a tail-starting item labels.
fn tail_kind(item: &BodyItem) -> BoilerplateKind {
    match item {
        BodyItem::Paragraph(p) | BodyItem::Table(p) if is_pager(p) => BoilerplateKind::Navigation,
        BodyItem::Heading(_, h) if is_reviews_label(h) => BoilerplateKind::Comments,
        BodyItem::Heading(_, h) | BodyItem::Paragraph(h) => features(h)
            .boilerplate
            .map_or(BoilerplateKind::Other, |(k, _)| k),
        _ => BoilerplateKind::Other,
    }
}

/// Whether a line is a pager closing a page of the article (`第1页/共1页
/// << 上一页 | 下一页 >>`): what follows it is the site's, not the article's.
fn is_pager(text: &str) -> bool {
    at_most_chars(text, PAGER_MAX_CHARS)
        && ["上一页", "上一頁"].iter().any(|w| text.contains(w))
        && ["下一页", "下一頁"].iter().any(|w| text.contains(w))
}

/// Whether an item is a heading or a label that starts the boilerplate tail.
fn starts_tail(item: &BodyItem) -> bool {
    match item {
        BodyItem::Paragraph(p) | BodyItem::Table(p) if is_pager(p) => return true,
        BodyItem::Heading(_, h) if is_reviews_label(h) => return true,
        _ => {}
    }
    let (text, max, kinds): (&str, usize, &[BoilerplateKind]) = match item {
        BodyItem::Heading(_, h) => (
            h,
            TAIL_HEADING_MAX_CHARS,
            &[
                BoilerplateKind::Comments,
                BoilerplateKind::Related,
                BoilerplateKind::Share,
            ],
        ),
        // A short unpunctuated "Top stories" line does the same
        // (or its first line: "Tags<br>a, b, c").
        BodyItem::Paragraph(p) => (
            // (A label trailing off, `You may also like...`, ends no
            // sentence.)
            p.lines()
                .next()
                .unwrap_or(p)
                .trim_end()
                .trim_end_matches("...")
                .trim_end_matches('…'),
            TAIL_LABEL_MAX_CHARS,
            // (A Chinese label of the comments below, `对…文章的最新评论`,
            // not `评论：纸包不住火`, a commentary's heading; English pages'
            // "Comments" lines head forum posts as often.)
            if p.chars().any(is_cjk_letter)
                && ["评论", "評論", "留言"]
                    .iter()
                    .any(|w| p.trim_end().trim_end_matches(['：', ':']).ends_with(w))
            {
                &[BoilerplateKind::Related, BoilerplateKind::Comments]
            } else {
                &[BoilerplateKind::Related]
            },
        ),
        _ => return false,
    };
    // Length first: the full line features are costly on long paragraphs.
    at_most_chars(text, max) && {
        let f = features(text);
        !(matches!(item, BodyItem::Paragraph(_)) && f.sentence_end)
            && f.boilerplate.is_some_and(|(k, _)| {
                kinds.contains(&k)
                    // (A heading labels links or buttons below with its
                    // first words; one naming a topic, `Shared Security
                    // Podcast`, labels nothing. Comment threads are headed
                    // in many ways: `12 thoughts on …`.)
                    && (k == BoilerplateKind::Comments
                        || !matches!(item, BodyItem::Heading(..))
                        || opens_with_keyword(text))
            })
    }
}

/// The container's own credit lines before the text (`By …`,
/// `Published Monday, …`, `The Associated Press`) and stray ad labels are
/// not body, judged by the plain-text line features: they go to `tail`,
/// and are returned for the metadata reader.
pub fn drop_leading_credits(items: &mut Vec<BodyItem>, tail: &mut Tail) -> Vec<String> {
    let mut credits = Vec::new();
    while let Some(BodyItem::Paragraph(first)) = items.first() {
        let f = features(first);
        let credit =
            f.chars <= LEADING_CREDIT_MAX_CHARS && f.sentences == 0 && (f.date || f.meta_keys > 0);
        if !credit || items.len() < LEADING_CREDIT_MIN_ITEMS {
            break;
        }
        if let BodyItem::Paragraph(line) = items.remove(0) {
            credits.push(line.clone());
            tail.push((BoilerplateKind::Other, line));
        }
    }
    credits
}

/// Paragraphs that are captions with a photo credit become figures.
pub fn credited_captions(items: &mut [BodyItem]) {
    for item in items.iter_mut() {
        if let BodyItem::Paragraph(p) = item {
            if has_photo_credit(p) {
                let (caption, credit) = split_caption(p);
                *item = BodyItem::Figure {
                    caption,
                    credit,
                    src: None,
                    alt: None,
                };
            }
        }
    }
}

/// Share and comment prompts closing the body ("Like this story? Share
/// it with a friend!", "Join the conversation…") move to the tail.
pub fn move_closing_prompts(items: &mut Vec<BodyItem>, tail: &mut Tail) {
    while let Some(BodyItem::Paragraph(last)) = items.last() {
        if !at_most_chars(last, PROMPT_MAX_CHARS) {
            break;
        }
        let f = features(last);
        let prompt = matches!(
            f.boilerplate,
            Some((BoilerplateKind::Share | BoilerplateKind::Comments, _))
        );
        if !prompt || items.len() < PROMPT_MIN_ITEMS {
            break;
        }
        if let (Some(BodyItem::Paragraph(text)), Some((kind, _))) = (items.pop(), f.boilerplate) {
            tail.push((kind, text));
        }
    }
}

/// Ad labels inside the container ("Advertisement", "广告") leave the body
/// for the boilerplate (kind `ads`), not nowhere.
pub fn move_ad_labels(items: &mut Vec<BodyItem>, tail: &mut Tail) {
    move_paragraphs(items, tail, BoilerplateKind::Ads, is_ad_label);
}

/// Moves the paragraphs that are `which` out of the body into the
/// boilerplate as `kind`, in order.
pub fn move_paragraphs(
    items: &mut Vec<BodyItem>,
    tail: &mut Tail,
    kind: BoilerplateKind,
    which: fn(&str) -> bool,
) {
    let moved = items.extract_if(
        ..,
        |item| matches!(item, BodyItem::Paragraph(p) if which(p)),
    );
    tail.extend(moved.filter_map(|item| match item {
        BodyItem::Paragraph(p) => Some((kind, p)),
        _ => None,
    }));
}

/// A label, not a sentence (`该技术已在全国推广。` is text).
fn is_ad_label(p: &str) -> bool {
    at_most_chars(p, AD_LABEL_MAX_CHARS) && {
        let f = features(p);
        !f.sentence_end && matches!(f.boilerplate, Some((BoilerplateKind::Ads, _)))
    }
}

/// A caption written as a paragraph: it ends with a parenthesised photo
/// credit (`… (Image: GETTY)`, `… (AP Photo/Jane Roe)`, `… (Photo: Reuters)`).
fn has_photo_credit(p: &str) -> bool {
    // Wire captions: "In this Dec. 12, 2006, file photo, …".
    let head: String = p.chars().take(WIRE_CAPTION_PROBE_CHARS).collect();
    if p.starts_with("In this ")
        && head.contains(" photo")
        && p.chars().count() <= WIRE_CAPTION_MAX_CHARS
    {
        return true;
    }
    let Some(open) = p
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rfind('('))
    else {
        return false;
    };
    let credit = p
        .get(open + 1..)
        .unwrap_or_default()
        .trim_start()
        .to_ascii_lowercase();
    p.chars().count() <= CREDITED_CAPTION_MAX_CHARS
        && [
            "image:",
            "photo",
            "picture:",
            "credit:",
            "getty",
            "pictured:",
        ]
        .iter()
        .any(|w| credit.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> BodyItem {
        BodyItem::Paragraph(text.to_string())
    }

    #[test]
    fn title_repeats_go_an_abbreviating_heading_too() {
        let title = "Council approves the budget".to_string();
        let mut items = vec![
            BodyItem::Heading(1, "Council approves".into()),
            p("Council approves the budget"),
            p("The council approved the budget on Monday."),
        ];
        let mut tail = Tail::new();
        drop_title_repeats(&mut items, &[&title], &mut tail);
        assert_eq!(items, [p("The council approved the budget on Monday.")]);
        // The abbreviating heading is kept beside the body; the exact
        // repeat is the title itself.
        assert_eq!(
            tail,
            [(BoilerplateKind::Other, "Council approves".to_string())]
        );
        // Further down the body a repeat is text.
        let mut items = vec![p("a."), p("b."), p("c."), p("Council approves the budget")];
        drop_title_repeats(&mut items, &[&title], &mut tail);
        assert_eq!(items.len(), 4);
    }

    #[test]
    fn end_marks_come_off_the_last_paragraphs() {
        let mut items = vec![p("注入动力。（完）"), p("【责任编辑：张三】")];
        assert_eq!(
            take_end_mark(&mut items).as_deref(),
            Some("（完） 【责任编辑：张三】")
        );
        assert_eq!(items, [p("注入动力。")]);
        assert_eq!(take_end_mark(&mut vec![p("No mark.")]), None);
    }

    #[test]
    fn a_related_heading_after_the_body_starts_the_tail() {
        let mut items = vec![
            p("First paragraph."),
            p("Second paragraph."),
            BodyItem::Heading(2, "Related Articles".into()),
            p("Another story"),
        ];
        let mut tail = Tail::new();
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 2);
        assert_eq!(
            tail,
            [(
                BoilerplateKind::Related,
                "Related Articles\nAnother story".to_string()
            )]
        );
        // Before two paragraphs of body it is the article's own heading.
        let mut items = vec![
            p("First paragraph."),
            BodyItem::Heading(2, "Related Articles".into()),
        ];
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 2);
        // A heading naming a topic that holds a keyword labels nothing;
        // a comment thread's heading need not open with one.
        let kept = |heading: &str| {
            let mut items = vec![
                p("First paragraph."),
                p("Second paragraph."),
                BodyItem::Heading(2, heading.into()),
                p("What follows it."),
            ];
            cut_tail(&mut items, &mut Tail::new());
            items.len()
        };
        assert_eq!(kept("Shared Security Podcast"), 4);
        assert_eq!(kept("12 thoughts on the comments"), 2);
    }

    #[test]
    fn customer_reviews_end_a_description_not_a_page_of_them() {
        let description = "Handmade stoneware, wheel thrown and glazed in our studio by hand.";
        let review = "I bought two of these for my sister and she loves them very much.";
        let reviews = BodyItem::Heading(2, "Customer Reviews (2)".into());
        let mut items = vec![p(description), p(description), reviews.clone(), p(review)];
        let mut tail = Tail::new();
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 2);
        assert_eq!(tail[0].0, BoilerplateKind::Comments);
        // More reviews than text before them: a page of testimonials (or an
        // app's review summary above its description) keeps them.
        let mut items = vec![p("Our classes."), p("Our retreats."), reviews, p(review)];
        cut_tail(&mut items, &mut Tail::new());
        assert_eq!(items.len(), 4);
        // Cards' prices and labels weigh nothing against the text.
        let mut items = vec![
            p(description),
            p("Ships in two days."),
            BodyItem::Heading(2, "Related items to explore".into()),
        ];
        items.extend(
            ["Regular Price:$89.99", "Sold out", "Hardware"]
                .repeat(9)
                .into_iter()
                .map(p),
        );
        cut_tail(&mut items, &mut Tail::new());
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_pager_or_a_chinese_comments_label_starts_the_tail() {
        let body = || vec![p("第一段正文。"), p("第二段正文。"), p("第三段正文。")];
        let mut items = body();
        items.push(BodyItem::Table("第1页/共1页 << 上一页 | 下一页 >>".into()));
        items.push(BodyItem::Table("[头条] 另一条新闻".into()));
        let mut tail = Tail::new();
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 3);
        assert_eq!(tail.first().map(|t| t.0), Some(BoilerplateKind::Navigation));
        let mut items = body();
        items.push(p("对[太小心]文章的最新评论"));
        items.push(p("〖倪育贤〗回复：是呵"));
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 3);
        // A commentary's heading is text.
        let mut items = body();
        items.push(p("评论：纸包不住火"));
        items.push(p("这个时候，2005年的太阳已经升起过5次了。"));
        cut_tail(&mut items, &mut tail);
        assert_eq!(items.len(), 5);
    }

    #[test]
    fn a_layout_table_heading_the_body_gives_its_credit_line() {
        // The headline and the credit row in one layout table, above the text.
        let title = "2004中国十大科技骗局 老中医绝食49天居首".to_string();
        let mut items = vec![
            BodyItem::Table(format!(
                "{title}\n2005-01-06 08:13更新 来源：转载文章\t第1页/共1页"
            )),
            p("2004年3月20日至5月7日，老中医陈建民在碧峰峡绝食。"),
            p("此事引起了广泛的关注。"),
        ];
        let mut tail = Tail::new();
        drop_title_repeats(&mut items, &[&title], &mut tail);
        let credits = drop_leading_credits(&mut items, &mut tail);
        assert_eq!(credits, ["2005-01-06 08:13更新 来源：转载文章 第1页/共1页"]);
        assert_eq!(items.len(), 2);
        assert_eq!(tail.len(), 1, "the credit line is kept as boilerplate");
    }

    #[test]
    fn leading_credits_prompts_and_ad_labels_leave_the_body() {
        let mut items = vec![
            p("By Jane Doe"),
            p("The council approved the budget on Monday."),
            p("Advertisement"),
            p("It takes effect in May."),
            p("Share this story"),
        ];
        let mut tail = Tail::new();
        drop_leading_credits(&mut items, &mut tail);
        move_ad_labels(&mut items, &mut tail);
        move_closing_prompts(&mut items, &mut tail);
        assert_eq!(
            items,
            [
                p("The council approved the budget on Monday."),
                p("It takes effect in May.")
            ]
        );
        assert_eq!(
            tail,
            [
                (BoilerplateKind::Other, "By Jane Doe".to_string()),
                (BoilerplateKind::Ads, "Advertisement".to_string()),
                (BoilerplateKind::Share, "Share this story".to_string())
            ]
        );
    }

    #[test]
    fn an_ad_label_goes_but_a_short_sentence_with_an_ad_word_stays() {
        let mut items = vec![p("广告"), p("该技术已在全国推广。"), p("Advertisement")];
        let mut tail = Tail::new();
        move_ad_labels(&mut items, &mut tail);
        assert_eq!(items, [p("该技术已在全国推广。")]);
        assert_eq!(tail.len(), 2, "the labels are boilerplate, not gone");
    }

    #[test]
    fn credited_paragraphs_become_figures() {
        let caption = "Crowds gather in the square. (Image: GETTY)";
        let mut items = vec![p(caption), p("Plain text (with a parenthesis).")];
        credited_captions(&mut items);
        assert_eq!(
            items,
            [
                BodyItem::Figure {
                    caption: caption.to_string(),
                    credit: None,
                    src: None,
                    alt: None
                },
                p("Plain text (with a parenthesis).")
            ]
        );
    }
}
