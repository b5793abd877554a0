//! ASCII punctuation between CJK characters → full-width, the way the page
//! had it before a converter or a copy flattened it. Never inside numbers,
//! times, URLs or Latin text: a mark changes only when the character before it
//! is CJK (for `,:;?!`) or when its brackets/quotes enclose CJK text.

use crate::text::{is_cjk, is_cjk_letter, is_shared_mark};

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// One kind of paired mark: `(…)`, `"…"` or `'…'`, and where the scan for
/// its closing marks and the counts of what they enclose have got to.
///
/// The line is read once, left to right. For each opening mark the pair
/// ends at the first closing mark after it, so for one kind the ends only
/// move forward: the next closing mark is searched from where the last
/// search stopped, and the CJK/Latin counts inside are a window whose edges
/// only move forward. Linear time for any line; before (a search and a count
/// per opening mark) a line of 200 000 `中文(` took 38 s.
struct Pairs {
    open: char,
    close: char,
    wide_open: char,
    wide_close: char,
    /// Byte offset of the next closing mark at or after `searched`, if any.
    next_close: Option<usize>,
    /// Where the search for closing marks has got to.
    searched: usize,
    /// The window `lo..hi` (byte offsets) and its counts.
    lo: usize,
    hi: usize,
    cjk: usize,
    latin: usize,
    /// The end of the last pair converted (already its wide closing mark).
    converted_end: Option<usize>,
}

impl Pairs {
    fn new(open: char, close: char, wide_open: char, wide_close: char) -> Self {
        Pairs {
            open,
            close,
            wide_open,
            wide_close,
            next_close: None,
            searched: 0,
            lo: 0,
            hi: 0,
            cjk: 0,
            latin: 0,
            converted_end: None,
        }
    }

    /// The first closing mark at or after byte `from`.
    fn close_from(&mut self, line: &str, from: usize) -> Option<usize> {
        if self.next_close.is_some_and(|at| at >= from) {
            return self.next_close;
        }
        let start = from.max(self.searched);
        self.next_close = line
            .get(start..)
            .and_then(|rest| rest.find(self.close))
            .map(|at| at + start);
        self.searched = self.next_close.map_or(line.len(), |at| at + 1);
        self.next_close
    }

    /// CJK letters and ASCII letters in `line[lo..hi]`; `lo` and `hi` never
    /// go back from one call to the next.
    fn counts(&mut self, line: &str, lo: usize, hi: usize) -> (usize, usize) {
        if lo >= self.hi {
            (self.lo, self.hi, self.cjk, self.latin) = (lo, lo, 0, 0);
        }
        for c in line.get(self.hi..hi).unwrap_or_default().chars() {
            self.cjk += usize::from(is_cjk_letter(c));
            self.latin += usize::from(c.is_ascii_alphabetic());
        }
        self.hi = self.hi.max(hi);
        for c in line.get(self.lo..lo).unwrap_or_default().chars() {
            self.cjk -= usize::from(is_cjk_letter(c));
            self.latin -= usize::from(c.is_ascii_alphabetic());
        }
        self.lo = self.lo.max(lo);
        (self.cjk, self.latin)
    }
}

/// The flag of a change that makes a mark a closing one (see `normalize_line`).
const CLOSING: u32 = 1 << 31;

/// The ASCII marks that may change (each one byte, each at most one change).
const MARKS: [u8; 8] = [b',', b':', b';', b'?', b'!', b'(', b'"', b'\''];

/// How many bytes the output of a line of `len` bytes needs beyond what
/// `out` holds, and when it must grow, by how much: exactly this line and
/// the rest of the text (`rest` bytes) unchanged, at least an eighth of what
/// it holds. A doubling `String` held 1.1 + 2.2 × a one-line page while it
/// grew, the largest part of its wasm peak; growing by an eighth at least
/// keeps the copies linear when many lines grow it.
fn reserve(out: &mut String, needed: usize, rest: usize) {
    if out.capacity() - out.len() < needed {
        out.reserve_exact((needed + rest).max(out.capacity() / 8));
    }
}

/// Normalises one line onto `out` (`rest` bytes of text follow it); returns
/// how many marks changed.
fn normalize_line(line: &str, rest: usize, out: &mut String) -> usize {
    // Each change is one of these bytes or the `)` closing a `(`, so their
    // count (a `(` twice) bounds the changes.
    let candidates: usize = line
        .bytes()
        .map(|b| usize::from(MARKS.contains(&b)) + usize::from(b == b'('))
        .sum();
    // Offsets are kept as `u32` with a flag bit: a longer line is left as it is.
    if candidates == 0
        || u32::try_from(line.len()).map_or(true, |n| n >= CLOSING)
        || !line.chars().any(is_cjk_letter)
    {
        reserve(out, line.len(), rest);
        out.push_str(line);
        return 0;
    }
    let mut kinds = [
        Pairs::new('(', ')', '（', '）'),
        Pairs::new('"', '"', '“', '”'),
        Pairs::new('\'', '\'', '‘', '’'),
    ];
    // Byte offsets of the marks that change (with `CLOSING` for a closing
    // mark): opening marks and `,:;?!` when they are reached, closing marks
    // ahead of the reading. Four bytes a change: a `(usize, char)` each was
    // 9 × the input for a line of brackets and quotes.
    let mut changes: Vec<u32> = Vec::with_capacity(candidates);
    let offset = |at: usize| u32::try_from(at).unwrap_or_default();
    let mut changed = 0;
    // Curly quotes, dashes and ellipses are shared with Latin text: a mark
    // looks past them to the character it follows (`“武侯”,` is CJK
    // context, `“no”,` is not).
    let mut before: Option<char> = None;
    for (at, c) in line.char_indices() {
        if full_width(c).is_some() {
            if before.is_some_and(is_cjk) {
                changes.push(offset(at));
                changed += 1;
            }
        } else if let Some(pairs) = kinds.iter_mut().find(|p| p.open == c) {
            // A closing mark already converted is not an opening one.
            let inside = at + c.len_utf8();
            if pairs.converted_end != Some(at) {
                if let Some(end) = pairs.close_from(line, inside) {
                    let (cjk, latin) = pairs.counts(line, inside, end);
                    // Quotes need more CJK than Latin inside (an English
                    // quotation in Chinese text keeps its straight quotes).
                    let convert = if c == '(' { cjk > 0 } else { cjk > latin };
                    if convert {
                        changes.push(offset(at));
                        changes.push(offset(end) | CLOSING);
                        pairs.converted_end = Some(end);
                        changed += 2;
                    }
                }
            }
        }
        if !is_shared_mark(c) {
            before = Some(c);
        }
    }
    // Every mark replaced is one byte (ASCII).
    changes.sort_by_key(|&c| c & !CLOSING);
    changes.dedup_by_key(|c| *c & !CLOSING);
    // Every change writes a three-byte mark for a one-byte one.
    reserve(out, line.len() + 2 * changes.len(), rest);
    let mut copied = 0;
    for change in changes {
        let at = (change & !CLOSING) as usize;
        let mark = char::from(line.as_bytes().get(at).copied().unwrap_or_default());
        let wide = full_width(mark).or_else(|| {
            kinds
                .iter()
                .find(|p| p.open == mark || p.close == mark)
                .map(|p| {
                    if change & CLOSING != 0 {
                        p.wide_close
                    } else {
                        p.wide_open
                    }
                })
        });
        let Some(wide) = wide else { continue };
        out.push_str(line.get(copied..at).unwrap_or_default());
        out.push(wide);
        copied = at + 1;
    }
    out.push_str(line.get(copied..).unwrap_or_default());
    changed
}

/// Normalises every line of `text`; returns it and the number of marks changed.
pub fn normalize(text: &str) -> (std::borrow::Cow<'_, str>, usize) {
    // Every change needs a CJK character before or inside the mark.
    if !text.chars().any(is_cjk_letter) {
        return (text.into(), 0);
    }
    // Sized by the first line (`normalize_line`), once its changes are known.
    let mut out = String::new();
    let mut total = 0;
    let mut read = 0;
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        // What follows this line, its newline included.
        read += line.len();
        total += normalize_line(line, text.len().saturating_sub(read), &mut out);
        read += 1;
    }
    (out.into(), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `normalize` with an owned result, to compare.
    fn norm(text: &str) -> (String, usize) {
        let (out, n) = normalize(text);
        (out.into_owned(), n)
    }

    /// The implementation before the linear one: quadratic on some lines,
    /// kept as the definition the linear one must match.
    fn reference_line(line: &str) -> (String, usize) {
        if !line.contains([',', ':', ';', '?', '!', '(', '"', '\''])
            || !line.chars().any(is_cjk_letter)
        {
            return (line.to_string(), 0);
        }
        let chars: Vec<char> = line.chars().collect();
        let mut out: Vec<char> = chars.clone();
        let mut changed = 0;
        for i in 0..chars.len() {
            let Some(&c) = chars.get(i) else { break };
            if let Some(wide) = full_width(c) {
                // Curly quotes, dashes and ellipses are shared with Latin text:
                // look past them to the character they follow (`“武侯”,` is CJK
                // context, `“no”,` is not).
                let prev = chars
                    .get(..i)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .find(|&&p| !is_shared_mark(p));
                if prev.is_some_and(|&p| is_cjk(p)) {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = wide;
                        changed += 1;
                    }
                }
                continue;
            }
            let (open, close, wide_open, wide_close) = match c {
                '(' => ('(', ')', '（', '）'),
                '"' => ('"', '"', '“', '”'),
                '\'' => ('\'', '\'', '‘', '’'),
                _ => continue,
            };
            // An opening mark: already converted marks are skipped via `out`.
            if out.get(i) != Some(&open) {
                continue;
            }
            let Some(end) = chars
                .iter()
                .skip(i + 1)
                .position(|&x| x == close)
                .map(|p| p + i + 1)
            else {
                continue;
            };
            let inner = chars.get(i + 1..end).unwrap_or_default();
            // Quotes need more CJK than Latin inside (an English quotation in
            // Chinese text keeps its straight quotes).
            let cjk_inside = inner.iter().filter(|&&x| is_cjk_letter(x)).count();
            let latin_inside = inner.iter().filter(|x| x.is_ascii_alphabetic()).count();
            let convert = if c == '(' {
                cjk_inside > 0
            } else {
                cjk_inside > latin_inside
            };
            if convert {
                if let Some(slot) = out.get_mut(i) {
                    *slot = wide_open;
                }
                if let Some(slot) = out.get_mut(end) {
                    *slot = wide_close;
                }
                changed += 2;
            }
        }
        (out.into_iter().collect(), changed)
    }

    /// Random lines over an alphabet of CJK and Latin letters, digits,
    /// spaces, every mark handled and every shared mark: the linear
    /// implementation gives what the reference gives, text and count.
    #[test]
    fn matches_the_reference_on_random_lines() {
        let alphabet: Vec<char> = "中文武侯區a Bz9 ,:;?!()\"'“”‘’…—·（），".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let line: String = (0..len)
                .map(|k| {
                    let x = seed.rotate_left(k as u32 * 7)
                        ^ (k as u64).wrapping_mul(0x2545_F491_4F6C_DD1D);
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            let mut out = String::new();
            let changed = normalize_line(&line, 0, &mut out);
            assert_eq!((out, changed), reference_line(&line), "{line:?}");
        }
    }

    #[test]
    fn many_brackets_are_read_in_one_pass() {
        // 200 000 `中文(`: 38 s with the reference (release build), now one pass.
        let line = "中文(".repeat(200_000);
        let (text, changed) = norm(&line);
        assert_eq!((text, changed), (line, 0));
        // Every `(` ends at the first `)`, as the reference reads them.
        let nested = format!("{}中{}", "(".repeat(100_000), ")".repeat(100_000));
        let expected = format!("{}中）{}", "（".repeat(100_000), ")".repeat(99_999));
        assert_eq!(norm(&nested), (expected, 200_000));
        let small = format!("{}中{}", "(".repeat(300), ")".repeat(300));
        let mut out = String::new();
        let changed = normalize_line(&small, 0, &mut out);
        assert_eq!((out, changed), reference_line(&small));
    }

    #[test]
    fn latin_text_with_curly_quotes_keeps_its_commas() {
        let english = "He said “no”, then left… and — finally — agreed, “yes”!";
        assert_eq!(norm(english), (english.to_string(), 0));
        assert_eq!(
            norm("他说“不”,然后走了"),
            ("他说“不”，然后走了".to_string(), 1)
        );
    }

    #[test]
    fn cjk_context_gets_full_width() {
        assert_eq!(
            norm("強調,要堅定;是嗎?好!來源:中新網 注明\"來源:本網\"的 (完) \"來源:XXX(非本網)\""),
            (
                "強調，要堅定；是嗎？好！來源：中新網 注明“來源：本網”的 （完） “來源：XXX（非本網）”".to_string(),
                15
            )
        );
    }

    #[test]
    fn numbers_times_urls_and_latin_stay() {
        for keep in [
            "2024年11月16日 14:11",
            "增長3.5%",
            "見 http://www.chinanews.com/a?b=1",
            "美聯社(AP)報導",
            "報告(2024)",
            "總裁(CEO)表示",
            "He said: \"yes, fine!\"",
            "他說\"OK\"",
            "他說\"iPhone 16發布\"",
            "電話:+86-28-62938795",
        ] {
            let expected = if keep.starts_with("電話") {
                "電話：+86-28-62938795".to_string()
            } else {
                keep.to_string()
            };
            assert_eq!(norm(keep).0, expected, "{keep}");
        }
    }
}
