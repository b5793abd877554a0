//! Mojibake: UTF-8 bytes that were decoded as GBK, Big5, Shift_JIS or
//! windows-1252 (`娆㈣繋`, `Ã©`). Each line is re-encoded with the suspected
//! encoding; when that gives back the exact bytes and they are valid UTF-8
//! with multi-byte characters, the line was mojibake and is replaced.
//!
//! Valid UTF-8 is the evidence: real GBK/Big5/Shift_JIS text re-encoded is
//! almost never valid UTF-8 (its lead bytes are UTF-8 continuation bytes), and
//! real Latin-1 text with accents never is.

use super::latin_runs;
use super::lost_bytes::decode_with_gaps;
use crate::text::is_cjk_letter;
use encoding_rs::{Encoding, BIG5, GBK, SHIFT_JIS, WINDOWS_1252};

/// The encodings a line may have been wrongly decoded with, most common first.
const SUSPECTS: [&Encoding; 4] = [WINDOWS_1252, GBK, BIG5, SHIFT_JIS];
/// windows-1252's place in [`SUSPECTS`], for [`EncodedChars::bytes`].
const WINDOWS_1252_AT: usize = 0;

/// Repairs one line: `Some((fixed, encoding it was misread as))` when it was
/// mojibake (the tests' entry point; the pipeline repairs whole texts).
#[cfg(test)]
pub fn repair_line(line: &str) -> Option<(String, &'static Encoding)> {
    repair_line_with(line, &mut EncodedChars::default())
}

/// Each suspect encoding's bytes for the non-ASCII characters seen so far.
///
/// encoding_rs's CJK encoders search their tables linearly (they are built
/// for size) and an unmappable character costs a full search, so every
/// line's look at its first characters made a 4 MB Chinese text take
/// seconds; a text has a few thousand distinct characters, each now encoded
/// once per suspect.
#[derive(Default)]
pub struct EncodedChars {
    /// Per entry of [`SUSPECTS`]: `None` when the character is unmappable.
    known: [std::collections::HashMap<char, Option<Encoded>>; 4],
}

/// A character's bytes in one encoding: up to 4, and how many.
type Encoded = ([u8; 4], usize);

impl EncodedChars {
    /// The bytes of `c` in suspect number `which`, or `None` if unmappable.
    fn bytes(&mut self, which: usize, c: char) -> Option<Encoded> {
        let (Some(known), Some(encoding)) = (self.known.get_mut(which), SUSPECTS.get(which)) else {
            return None;
        };
        *known.entry(c).or_insert_with(|| {
            let mut out = [0u8; 4];
            // A C1 control is the byte itself: UTF-8 read as ISO-8859-1
            // (which the WHATWG reads as windows-1252 but some servers and
            // editors do not) keeps `â\u{80}\u{99}` for `’`.
            if *encoding == WINDOWS_1252 && ('\u{80}'..='\u{9F}').contains(&c) {
                out[0] = c as u8;
                return Some((out, 1));
            }
            let (result, _, written) = encoding.new_encoder().encode_from_utf8_without_replacement(
                c.encode_utf8(&mut [0; 4]),
                &mut out,
                true,
            );
            (result == encoding_rs::EncoderResult::InputEmpty).then_some((out, written))
        })
    }
}

/// [`repair_line`] sharing a cache of encoded characters across lines.
fn repair_line_with(line: &str, cache: &mut EncodedChars) -> Option<(String, &'static Encoding)> {
    // (Each test stops early: this runs on every line of every page.)
    if !has_two_non_ascii(line) {
        return None;
    }
    // Bytes the wrong decoder could not map became U+FFFD: they are lost,
    // and each may spoil one character of the repair, no more.
    let lost = if line.contains('\u{FFFD}') {
        line.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    };
    let kept: std::borrow::Cow<str> = if lost == 0 {
        line.into()
    } else {
        line.chars()
            .filter(|&c| c != '\u{FFFD}')
            .collect::<String>()
            .into()
    };
    // UTF-8 read as windows-1252 shows a lead byte as Â..ô (U+00C2–U+00F4)
    // from its first non-ASCII character on.
    let latin_leads = kept
        .chars()
        .take(PREFIX_CHARS)
        .any(|c| ('\u{C2}'..='\u{F4}').contains(&c));
    for (which, encoding) in SUSPECTS.into_iter().enumerate() {
        if encoding == WINDOWS_1252 && !latin_leads {
            continue;
        }
        // GBK as the web decodes it (GB18030) lost a byte only where it
        // could not start a character: a continuation byte, kept as a gap
        // in its place (`lost_bytes`) so the characters after it are whole.
        let restored = encoding == GBK;
        let text: &str = if restored { line } else { &kept };
        if !plausible_prefix(text, which, cache) {
            continue;
        }
        // Encoded character by character from the cache (the suspects are
        // ASCII-compatible and stateless), which also knows the C1 bytes.
        let mut bytes = Vec::with_capacity(text.len());
        let mut gaps = Vec::new();
        let mut unmappable = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{FFFD}' {
                // Before a non-ASCII character the lost byte could start no
                // pair: it was 0x80 itself. Before ASCII it is unknown.
                if chars.peek().is_none_or(|n| n.is_ascii()) {
                    gaps.push(bytes.len());
                }
                bytes.push(GBK_LOST_BYTE);
                continue;
            }
            match c
                .is_ascii()
                .then_some(([c as u8, 0, 0, 0], 1))
                .or_else(|| cache.bytes(which, c))
            {
                Some((b, n)) => bytes.extend_from_slice(b.get(..n).unwrap_or_default()),
                None => {
                    unmappable = true;
                    break;
                }
            }
        }
        if unmappable {
            continue;
        }
        let fixed: std::borrow::Cow<str> = if restored {
            decode_with_gaps(&bytes, &gaps).into()
        } else {
            String::from_utf8_lossy(&bytes)
        };
        let spoiled = fixed.chars().filter(|&c| c == '\u{FFFD}').count();
        let multibyte = fixed
            .chars()
            .filter(|c| !c.is_ascii() && *c != '\u{FFFD}')
            .count();
        // UTF-8 always takes fewer characters than its mojibake. A line the
        // wrong decoder lost bytes of comes back with at most one spoiled
        // character per loss, and more recovered than spoiled (text with many
        // characters GBK cannot map — Traditional, rare names — loses a lot
        // and is still far more readable repaired).
        if spoiled <= lost
            && multibyte >= 2
            && spoiled <= multibyte
            && fixed.chars().count() < line.chars().count()
        {
            return Some((fixed.into_owned(), encoding));
        }
    }
    // Not the whole line: Latin mojibake may be in part of it only.
    let mut byte = |c| match cache.bytes(WINDOWS_1252_AT, c) {
        Some(([b, ..], 1)) => Some(b),
        _ => None,
    };
    latin_runs::repair(line, &mut byte).map(|fixed| (fixed, WINDOWS_1252))
}

/// A cheap look at the first 48 characters: re-encoded with suspect number
/// `which`, do they read as UTF-8 with more multi-byte characters than
/// broken sequences? Real text fails here, before the whole line is
/// encoded (an unmappable character stops the look at once); a misread
/// whose decoder lost a byte in its first characters still passes.
fn plausible_prefix(line: &str, which: usize, cache: &mut EncodedChars) -> bool {
    let mut bytes: Vec<u8> = Vec::with_capacity(64);
    for c in line.chars().take(PREFIX_CHARS) {
        if c == '\u{FFFD}' {
            bytes.push(GBK_LOST_BYTE); // only GBK lines keep their U+FFFD here
            continue;
        }
        if c.is_ascii() {
            bytes.push(c as u8); // all suspects are ASCII-compatible
            continue;
        }
        let Some((encoded, len)) = cache.bytes(which, c) else {
            return false; // unmappable: this encoding did not produce the line
        };
        bytes.extend_from_slice(encoded.get(..len).unwrap_or_default());
    }
    // A sequence cut short by the end of the prefix is not a broken one.
    let complete = match std::str::from_utf8(&bytes) {
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        _ => bytes.len(),
    };
    let text = String::from_utf8_lossy(bytes.get(..complete).unwrap_or_default());
    let broken = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let multibyte = text
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    multibyte >= 1 && broken <= multibyte
}

/// The placeholder for a byte a GBK (GB18030) misread of UTF-8 lost (a
/// continuation byte; which one is read from a gloss, or never guessed).
const GBK_LOST_BYTE: u8 = 0x80;

/// How many lines holding non-ASCII text [`repair_if_any`] tries before
/// it decides a page is not mojibake.
const MOJIBAKE_SAMPLE_LINES: usize = 16;

/// How many characters of a line [`plausible_prefix`] looks at.
const PREFIX_CHARS: usize = 48;

/// [`repair`] that copies nothing when no line is mojibake (the usual
/// case for a whole page's markup): `None` then.
pub fn repair_if_any(text: &str) -> Option<(String, Vec<(&'static Encoding, usize)>)> {
    let mut cache = EncodedChars::default();
    // A misread spoils a whole file: when none of its first lines of
    // non-ASCII text is mojibake, the page is not (and is not read twice).
    // Only lines a misread could have made: CJK or half-width kana (a
    // GBK, Big5 or Shift_JIS reading) or a Latin-1 lead byte (windows-1252);
    // an English page's curly quotes are neither.
    let misread_like = |c: char| {
        is_cjk_letter(c)
            || ('\u{FF61}'..='\u{FF9F}').contains(&c)
            || ('\u{C2}'..='\u{F4}').contains(&c)
    };
    let suspect = text
        .split('\n')
        .filter(|line| has_two_non_ascii(line) && line.chars().any(misread_like))
        .take(MOJIBAKE_SAMPLE_LINES)
        .any(|line| repair_line_with(line, &mut cache).is_some());
    if !suspect {
        return None;
    }
    repair_lines(text, &mut cache)
}

/// Whether a line holds at least two non-ASCII characters (counted by
/// their UTF-8 lead bytes, stopping at the second).
fn has_two_non_ascii(line: &str) -> bool {
    line.bytes().filter(|&b| b >= 0xC0).nth(1).is_some()
}

/// Repairs every line, copying the text only from the first line repaired
/// on; `None` when no line was. Written into one string as it goes: a
/// `String` per line first cost 36 × the input for millions of
/// one-character lines.
fn repair_lines(
    text: &str,
    cache: &mut EncodedChars,
) -> Option<(String, Vec<(&'static Encoding, usize)>)> {
    let mut counts: Vec<(&'static Encoding, usize)> = Vec::new();
    let mut out: Option<String> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let fixed = repair_line_with(line, cache);
        if let Some((_, encoding)) = &fixed {
            match counts.iter_mut().find(|(e, _)| e == encoding) {
                Some((_, n)) => *n += 1,
                None => counts.push((encoding, 1)),
            }
            if out.is_none() {
                let mut start = String::with_capacity(text.len());
                start.push_str(text.get(..offset).unwrap_or_default());
                out = Some(start);
            }
        }
        if let Some(out) = out.as_mut() {
            match &fixed {
                Some((f, _)) => out.push_str(f),
                None => out.push_str(line),
            }
            if offset + line.len() < text.len() {
                out.push('\n');
            }
        }
        offset += line.len() + 1;
    }
    out.map(|out| (out, counts))
}

/// Repairs every line; returns the text and, per encoding, how many lines were fixed.
pub fn repair(text: &str) -> (std::borrow::Cow<'_, str>, Vec<(&'static Encoding, usize)>) {
    match repair_lines(text, &mut EncodedChars::default()) {
        Some((fixed, counts)) => (fixed.into(), counts),
        None => (text.into(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garble(text: &str, encoding: &'static Encoding) -> String {
        encoding
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn utf8_misread_is_restored() {
        for (text, encoding) in [
            ("欢迎来到中国新闻网", GBK),
            ("東京都は十六日に発表した", SHIFT_JIS),
            ("Café crème, naïve façade", WINDOWS_1252),
        ] {
            let broken = garble(text, encoding);
            assert_ne!(broken, text);
            let (fixed, by) = repair_line(&broken).unwrap_or_else(|| panic!("{broken}"));
            assert_eq!(by.name(), encoding.name());
            // A byte the wrong decoder could not map is lost: that character
            // comes back as U+FFFD, the rest exactly.
            let same = fixed
                .chars()
                .zip(text.chars())
                .filter(|(a, b)| a == b)
                .count();
            assert!(
                same + fixed.matches('\u{FFFD}').count() == text.chars().count(),
                "{fixed}"
            );
            assert!(fixed.matches('\u{FFFD}').count() <= 1, "{fixed}");
        }
    }

    #[test]
    fn utf8_misread_as_iso_8859_1_is_restored() {
        // The C1 bytes of `’` and `—` kept as U+0080–U+009F (ISO-8859-1),
        // not as windows-1252's `€` and `™`.
        let broken: String = "You’re here — and they’re not."
            .bytes()
            .map(char::from)
            .collect();
        assert!(broken.contains('\u{80}'));
        let (fixed, encoding) = repair_line(&broken).expect("repaired");
        assert_eq!(fixed, "You’re here — and they’re not.");
        assert_eq!(encoding, WINDOWS_1252);
    }

    #[test]
    fn big5_misreads_lose_too_much_to_repair() {
        // Big5 cannot map most UTF-8 continuation bytes: the misread keeps
        // too little to rebuild, and the line is left as it is.
        let broken = garble("臺灣新聞報導今天", BIG5);
        assert_eq!(repair_line(&broken), None);
    }

    #[test]
    fn a_page_is_copied_only_when_a_line_is_mojibake() {
        let page = "<p>plain</p>\n<p>欢迎</p>\n";
        assert_eq!(repair_if_any(page), None);
        let broken = format!(
            "<p>plain</p>\n<p>{}</p>\n",
            garble("欢迎来到中国新闻网", GBK)
        );
        let (fixed, counts) = repair_if_any(&broken).expect("repaired");
        // (网's last byte was lost before `<`: it stays lost.)
        assert_eq!(fixed, "<p>plain</p>\n<p>欢迎来到中国新闻\u{FFFD}</p>\n");
        assert_eq!(counts, [(GBK, 1)]);
    }

    #[test]
    fn real_text_is_left_alone() {
        for keep in [
            "欢迎来到中国新闻网",
            "臺灣新聞",
            "東京都は十六日",
            "Café crème",
            "plain ascii",
            "Ünïcödé",
        ] {
            assert_eq!(repair_line(keep), None, "{keep}");
        }
    }
}
