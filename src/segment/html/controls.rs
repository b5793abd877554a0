//! A CMS's controls written inside the article container (`【纠错】`,
//! `【打印】`, `返回搜狐，查看更多`, `Skip to content`, a gallery's `1 of 6`):
//! short lines that do something, never text. They leave the body for the boilerplate, not nowhere.

use super::super::items::BodyItem;
use super::passes::{move_paragraphs, Tail};
use crate::article::BoilerplateKind;
use crate::text::at_most_chars;

/// Control words standing alone on a line, brackets aside: correct,
/// print, close, font size, back to top.
const CONTROLS: &[&str] = &[
    "纠错",
    "糾錯",
    "我要纠错",
    "我要糾錯",
    "打印",
    "打印本页",
    "关闭",
    "關閉",
    "关闭窗口",
    "關閉窗口",
    "返回顶部",
    "返回頂部",
    "收藏",
    "字号",
    "字號",
];

/// A control line is at most this long.
const CONTROL_MAX_CHARS: usize = 20;

/// Whether a paragraph is a control: a control word alone (`【纠错】`,
/// `Read more`, [`LATIN_CONTROLS`]), a way back to the portal
/// (`返回搜狐，查看更多`), or a gallery's counter ([`is_counter`]).
fn is_control(p: &str) -> bool {
    if !at_most_chars(p, CONTROL_MAX_CHARS) {
        return false;
    }
    let words = p
        .trim()
        .trim_matches(['【', '】', '[', ']', '（', '）', '(', ')', ' ']);
    CONTROLS.contains(&words)
        || (words.starts_with("返回") && words.ends_with("查看更多"))
        || LATIN_CONTROLS.iter().any(|c| c.eq_ignore_ascii_case(words))
        || is_counter(words)
}

/// A number opening the body alone is a gallery's count of its pictures,
/// of at most this many digits (a year is text). Further down, a number
/// alone numbers a step or a list's entry.
const COUNT_MAX_DIGITS: usize = 3;

/// Whether a paragraph is a bare count ([`COUNT_MAX_DIGITS`]).
fn is_count(p: &str) -> bool {
    let p = p.trim();
    (1..=COUNT_MAX_DIGITS).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
}

/// Latin controls standing alone: skip links, a way back up, a button that
/// shows more, a text-size control, a tweet prompt.
const LATIN_CONTROLS: &[&str] = &[
    "Skip to content",
    "Skip to main content",
    "Skip to navigation",
    "Back to top",
    "More",
    "Read more",
    "Show more",
    "Load more",
    "See more",
    "Text size",
    "Click to tweet",
];

/// A gallery's or a carousel's counter (`1 of 6`, `Image 2 of 5`, `3 / 12`):
/// which picture is shown, never text.
fn is_counter(words: &str) -> bool {
    let words = ["Image ", "Photo ", "Slide ", "Picture "]
        .iter()
        .find_map(|w| words.strip_prefix(w))
        .unwrap_or(words);
    let Some((n, m)) = words.split_once(" of ").or_else(|| words.split_once(" / ")) else {
        return false;
    };
    match (n.trim().parse::<u32>(), m.trim().parse::<u32>()) {
        (Ok(n), Ok(m)) => n >= 1 && n <= m,
        _ => false,
    }
}

/// Moves control lines out of the body into the boilerplate (kind `other`).
pub fn move_controls(items: &mut Vec<BodyItem>, tail: &mut Tail) {
    move_paragraphs(items, tail, BoilerplateKind::Other, is_control);
    if matches!(items.first(), Some(BodyItem::Paragraph(p)) if is_count(p)) {
        if let BodyItem::Paragraph(count) = items.remove(0) {
            tail.push((BoilerplateKind::Other, count));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_opening_the_body_is_a_gallerys() {
        let p = |t: &str| BodyItem::Paragraph(t.to_string());
        let mut items = vec![p("4"), p("Text."), p("2"), p("Step two."), p("2019")];
        let mut tail = Tail::new();
        move_controls(&mut items, &mut tail);
        assert_eq!(items, [p("Text."), p("2"), p("Step two."), p("2019")]);
        assert_eq!(tail, [(BoilerplateKind::Other, "4".to_string())]);
    }

    #[test]
    fn controls_are_not_text() {
        for p in [
            "【纠错】",
            "返回搜狐，查看更多",
            "[ 打印 ]",
            "关闭窗口",
            "Skip to content",
            "More",
            "Click To Tweet",
            "1 of 6",
            "Image 2 of 5",
            "3 / 12",
        ] {
            assert!(is_control(p), "{p}");
        }
        for p in [
            "纠错机制正在完善。",
            "返回家乡的人越来越多，查看更多请见下文和附表说明。",
            "7 of 5",
            "1 of the best",
            "Skip to content if you have read the introduction.",
        ] {
            assert!(!is_control(p), "{p}");
        }
    }
}
