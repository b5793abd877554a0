//! UTF-8 with bytes lost to a wrong decoder, read back. When UTF-8 was
//! decoded as GBK (GB18030, as the web does), a byte was lost only where
//! it could not start a character — a lone `0x80`, or any byte before an
//! ASCII character that cannot follow it (`據(jù)`: the last byte of `據`
//! before `(`). Such a byte is a continuation byte: the character it
//! belonged to is one of 64. Three things name which one: a date unit
//! after a digit (`2024年`), the second character of a credit word after
//! its first (`來源`), or a pinyin gloss right after it (`(jù)`, as
//! machine-converted Chinese carries). Without one the character stays
//! lost (U+FFFD).

use super::pinyin::{gloss_at, is_first_reading, is_reading, GLOSS_MAX_CHARS};
use super::script::convert;

/// Decodes `bytes` as UTF-8 where the bytes at `gaps` (sorted indices) are
/// unknown continuation bytes: a character holding one gap is read from
/// its context (see the module), else it is U+FFFD; other invalid
/// sequences are U+FFFD, as lossy decoding gives.
pub fn decode_with_gaps(bytes: &[u8], gaps: &[usize]) -> String {
    // First pass: characters, with the candidates of each gapped one.
    let mut out: Vec<char> = Vec::with_capacity(bytes.len());
    let mut open: Vec<(usize, Vec<char>)> = Vec::new();
    let is_gap = |i: usize| gaps.binary_search(&i).is_ok();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let len = match lead {
            0x00..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len == 0 || is_gap(i) {
            out.push('\u{FFFD}');
            i += 1;
            continue;
        }
        let Some(seq) = bytes.get(i..i + len) else {
            out.push('\u{FFFD}');
            i += 1;
            continue;
        };
        // (No allocation per character: at most three continuation bytes.)
        let mut gapped = (1..len).filter(|&k| is_gap(i + k));
        let (first_gap, more_gaps) = (gapped.next(), gapped.next().is_some());
        let continuation = |k: usize| seq.get(k).is_some_and(|b| (0x80..=0xBF).contains(b));
        if !(1..len).all(|k| is_gap(i + k) || continuation(k)) {
            out.push('\u{FFFD}');
            i += 1;
            continue;
        }
        match (first_gap, more_gaps) {
            (None, _) => match std::str::from_utf8(seq).ok().and_then(|s| s.chars().next()) {
                Some(c) => out.push(c),
                None => {
                    out.push('\u{FFFD}');
                    i += 1;
                    continue;
                }
            },
            (Some(k), false) => {
                let mut candidate = seq.to_vec();
                let chars: Vec<char> = (0x80..=0xBFu8)
                    .filter_map(|b| {
                        *candidate.get_mut(k)? = b;
                        std::str::from_utf8(&candidate).ok()?.chars().next()
                    })
                    .collect();
                open.push((out.len(), chars));
                out.push('\u{FFFD}');
            }
            _ => out.push('\u{FFFD}'),
        }
        i += len;
    }
    // Second pass: a gloss after a gapped character names it; between
    // digits, a date's unit does (`2024�11�16�` is 年, 月, 日 — the one
    // candidate of each that is one).
    for (at, candidates) in open {
        let after_digit = at
            .checked_sub(1)
            .and_then(|p| out.get(p))
            .is_some_and(char::is_ascii_digit);
        // (日 and 时 share their first bytes: the list's order decides.)
        let unit = DATE_UNITS.iter().find(|u| candidates.contains(u));
        if let (Some(&unit), true) = (unit, after_digit) {
            if let Some(slot) = out.get_mut(at) {
                *slot = unit;
            }
            continue;
        }
        // After the first character of a credit word, its second.
        let previous = character_before(&out, at);
        let completes = CREDIT_WORDS.iter().find_map(|w| {
            let mut chars = w.chars();
            let (first, second) = (chars.next()?, chars.next()?);
            (Some(first) == previous && candidates.contains(&second)).then_some(second)
        });
        if let (Some(c), Some(slot)) = (completes, out.get_mut(at)) {
            *slot = c;
            continue;
        }
        let Some(syllable) = gloss_after(&out, at + 1) else {
            continue;
        };
        // One candidate with the reading; among several, the one whose
        // commonest reading it is (業 yè, not 楪 dié).
        let reading: Vec<char> = candidates
            .iter()
            .copied()
            .filter(|&c| is_reading(c, &syllable))
            .collect();
        let first: Vec<char> = reading
            .iter()
            .copied()
            .filter(|&c| is_first_reading(c, &syllable))
            .collect();
        // Glosses come with machine-converted Traditional text, beside the
        // characters it converted: among several, the one the converter
        // writes (`業` for 业; `據` for 据, not the variant `擧` of 举).
        let converted: Vec<char> = first
            .iter()
            .copied()
            .filter(|&c| is_converted_traditional(c))
            .collect();
        let found = match (reading.as_slice(), first.as_slice(), converted.as_slice()) {
            ([c], _, _) | (_, [c], _) | (_, _, [c]) => Some(*c),
            _ => None,
        };
        if let (Some(c), Some(slot)) = (found, out.get_mut(at)) {
            *slot = c;
        }
    }
    out.into_iter().collect()
}

/// The units a date or time writes after its numbers, commonest first.
const DATE_UNITS: &[char] = &['年', '月', '日', '时', '時', '分', '秒', '号', '號'];

/// The two-character credit words of a Chinese credit line (`来源：`), so a
/// lost second character is read from the first. (The stage after this one
/// has the whole credit vocabulary; repairs come before it.)
const CREDIT_WORDS: &[&str] = &[
    "来源", "來源", "编辑", "編輯", "记者", "記者", "作者", "责编", "責編",
];

/// Whether `c` is the Traditional form a converter writes for a different
/// Simplified character (round trip through the script tables).
fn is_converted_traditional(c: char) -> bool {
    let one = c.to_string();
    let (simplified, _) = convert(&one, true);
    simplified != one && convert(&simplified, false).0 == one
}

/// The character before `at`, passing a gloss (`來(lái)` → `來`).
fn character_before(chars: &[char], at: usize) -> Option<char> {
    let mut p = at.checked_sub(1)?;
    if matches!(chars.get(p), Some(')' | '）')) {
        let from = p.saturating_sub(GLOSS_MAX_CHARS);
        let open = chars
            .get(from..p)?
            .iter()
            .rposition(|&c| c == '(' || c == '（')?;
        p = (from + open).checked_sub(1)?;
    }
    chars.get(p).copied()
}

/// The toneless syllable of a gloss `(jù)` starting at `at`, if any.
fn gloss_after(chars: &[char], at: usize) -> Option<String> {
    let window: String = chars.get(at..)?.iter().take(GLOSS_MAX_CHARS + 1).collect();
    gloss_at(&window).map(|(syllable, _)| syllable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gapped_character_is_read_from_its_gloss_or_stays_lost() {
        // 業 = E6 A5 AD; its last byte lost before "(yè)": of the 64
        // characters E6 A5 xx, 業 and 楪 read ye, and ye is 業's first reading.
        let mut bytes = "產業(yè)園".as_bytes().to_vec();
        bytes[5] = 0x80;
        assert_eq!(decode_with_gaps(&bytes, &[5]), "產業(yè)園");
        // No gloss: lost, marked.
        let mut bytes = "產業園".as_bytes().to_vec();
        bytes[5] = 0x80;
        assert_eq!(decode_with_gaps(&bytes, &[5]), "產\u{FFFD}園");
        // Between digits, the date unit among the candidates.
        let mut bytes = "2024年11月".as_bytes().to_vec();
        bytes[6] = 0x80; // 年 = E5 B9 B4
        assert_eq!(decode_with_gaps(&bytes, &[6]), "2024年11月");
        // The second character of a credit word, a gloss between them.
        let mut bytes = "來(lái)源:中新網".as_bytes().to_vec();
        let at = "來(lái)".len() + 2; // 源 = E6 BA 90
        bytes[at] = 0x80;
        assert_eq!(decode_with_gaps(&bytes, &[at]), "來(lái)源:中新網");
        // Intact text is plain UTF-8.
        assert_eq!(decode_with_gaps("中文 ok".as_bytes(), &[]), "中文 ok");
        // A broken sequence is one U+FFFD per bad byte, as lossy decoding.
        assert_eq!(decode_with_gaps(&[0xE4, 0x41], &[]), "\u{FFFD}A");
    }
}
