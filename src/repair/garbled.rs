//! Spans damaged beyond repair: what a converter left when it lost bytes
//! (`領域?qū)<、`, `請?jiān)?0日`). Each span is replaced by a marker that
//! assembly turns into U+FFFD with a `garbled_text` warning carrying the raw
//! span, so nothing is dropped silently and nothing is guessed.

use std::borrow::Cow;

use super::pinyin::{is_pinyin_letter, toneless};
use crate::text::{is_cjk, is_cjk_letter};

/// The first marker: span `k` is replaced by `U+F0000 + k` (plane 15, private
/// use) until assembly knows its offset in `text`. Inputs that already use
/// plane 15 are left unmarked rather than risk confusing the two.
const MARKER_BASE: u32 = 0xF0000;
/// At most this many spans are marked; the rest stay as they are.
const MAX_MARKERS: u32 = 0xFFFD;

/// The marker standing for the `k`-th garbled span.
pub fn marker(k: usize) -> Option<char> {
    u32::try_from(k)
        .ok()
        .filter(|&k| k < MAX_MARKERS)
        .and_then(|k| char::from_u32(MARKER_BASE + k))
}

/// Which garbled span a character marks, if it is a marker.
pub fn marker_index(c: char) -> Option<usize> {
    let k = u32::from(c).checked_sub(MARKER_BASE)?;
    (k < MAX_MARKERS).then_some(k as usize)
}

/// A garbled span found in the text, in order of appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Garbled {
    /// The raw characters, as they were in the input.
    pub raw: String,
    /// Pinyin fragments that survived inside the span (a hint, not a reading).
    pub pinyin: Vec<String>,
}

/// Characters a damaged span is made of: ASCII symbols, letters and digits,
/// pinyin letters, U+FFFD.
fn is_debris(c: char) -> bool {
    (c.is_ascii_graphic() && c != '"') || is_pinyin_letter(c) || c == '\u{FFFD}' || c == '）'
}

/// Replaces the `k`-th garbled span in `text` by [`marker`]`(k)`.
///
/// A span starts right after a CJK character with `?`, U+FFFD or a pinyin
/// letter, runs over debris characters up to the next CJK character or
/// whitespace, and counts as garbled only when it holds a U+FFFD or a pinyin
/// fragment closed by a bracket that was never opened (`qū)`): a lone `?`
/// between CJK characters is a question mark, not damage.
pub fn mark(text: &str) -> (Cow<'_, str>, Vec<Garbled>) {
    if text.chars().any(|c| marker_index(c).is_some()) {
        return (text.into(), Vec::new());
    }
    // Copied only from the first span on: a huge clean page is not copied.
    let mut out = String::new();
    // Where the text not yet copied into `out` starts.
    let mut kept_from = 0;
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        let Some(c) = rest.chars().next() else { break };
        let starts =
            prev.is_some_and(is_cjk) && (c == '?' || c == '\u{FFFD}' || is_pinyin_letter(c));
        if starts {
            if let Some((garbled, len)) = span_at(rest) {
                if let Some(m) = marker(found.len()) {
                    if found.is_empty() {
                        out.reserve(text.len());
                    }
                    out.push_str(text.get(kept_from..at).unwrap_or_default());
                    out.push(m);
                    found.push(garbled);
                    prev = Some(m);
                    at += len;
                    kept_from = at;
                    continue;
                }
            }
        }
        prev = Some(c);
        at += c.len_utf8();
    }
    if found.is_empty() {
        return (text.into(), found);
    }
    out.push_str(text.get(kept_from..).unwrap_or_default());
    (out.into(), found)
}

/// The garbled span starting `rest` (right after a CJK character) and its
/// byte length, if the debris there is damage.
fn span_at(rest: &str) -> Option<(Garbled, usize)> {
    let len: usize = rest
        .chars()
        .take_while(|&x| is_debris(x) && !is_cjk(x) || x == '）')
        .map(char::len_utf8)
        .sum();
    let span = rest.get(..len).unwrap_or_default();
    let next = rest.get(len..).and_then(|r| r.chars().next());
    let next_is_cjk = next.is_some_and(is_cjk_letter) || next.is_some_and(is_cjk);
    let mut garbled = qualify(span).filter(|_| next_is_cjk || span.starts_with('\u{FFFD}'))?;
    // Without pinyin debris the damage is the replacement characters
    // alone: digits or letters after them are intact text.
    let len = if garbled.pinyin.is_empty() {
        let run: usize = span
            .chars()
            .take_while(|&x| x == '\u{FFFD}')
            .map(char::len_utf8)
            .sum();
        garbled.raw = span.get(..run).unwrap_or_default().to_string();
        run
    } else {
        len
    };
    (!garbled.raw.is_empty()).then_some((garbled, len))
}

/// Decides whether a candidate span is damage, collecting its pinyin.
fn qualify(span: &str) -> Option<Garbled> {
    let mut pinyin = Vec::new();
    let mut orphan_close = false;
    let mut depth = 0i32;
    let mut word = String::new();
    for c in span.chars().chain(std::iter::once(' ')) {
        if is_pinyin_letter(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if toneless(&word).is_some() && !word.is_ascii() || matches!(c, ')' | '）') {
                pinyin.push(std::mem::take(&mut word));
            }
            word.clear();
        }
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                orphan_close |= depth < 0;
            }
            _ => {}
        }
    }
    let replacement = span.contains('\u{FFFD}');
    ((orphan_close && !pinyin.is_empty()) || replacement).then(|| Garbled {
        raw: span.to_string(),
        pinyin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_spans_are_found() {
        let (text, found) = mark("產業領域?qū)<、鏈主企業 請?jiān)?0日內進行");
        let (m0, m1) = (marker(0).unwrap(), marker(1).unwrap());
        assert_eq!(text, format!("產業領域{m0}、鏈主企業 請{m1}日內進行"));
        assert_eq!(found[0].raw, "?qū)<");
        assert_eq!(found[0].pinyin, ["qū"]);
        assert_eq!(found[1].raw, "?jiān)?0");
        assert_eq!(found[1].pinyin, ["jiān"]);
    }

    #[test]
    fn question_marks_and_latin_words_are_not_damage() {
        for keep in [
            "是嗎?好的",
            "他說?hello world",
            "你好?",
            "版本v2發布",
            "中文abc(def)中文",
            "第1季度",
        ] {
            assert_eq!(mark(keep), (keep.into(), vec![]), "{keep}");
        }
        let (text, found) = mark("新聞\u{FFFD}16日\u{FFFD}");
        let (m0, m1) = (marker(0).unwrap(), marker(1).unwrap());
        assert_eq!(text, format!("新聞{m0}16日{m1}"));
        assert_eq!(found[0].raw, "\u{FFFD}");
        let (text, found) = mark("新聞\u{FFFD}\u{FFFD}報導");
        assert_eq!(
            (text.into_owned(), found.len()),
            (format!("新聞{}報導", marker(0).unwrap()), 1)
        );
    }
}
