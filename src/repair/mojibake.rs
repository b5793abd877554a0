//! Mojibake: UTF-8 bytes that were decoded as GBK, Big5, Shift_JIS or
//! windows-1252 (`娆㈣繋`, `Ã©`). Each line is re-encoded with the suspected
//! encoding; when that gives back the exact bytes and they are valid UTF-8
//! with multi-byte characters, the line was mojibake and is replaced.
//!
//! Valid UTF-8 is the evidence: real GBK/Big5/Shift_JIS text re-encoded is
//! almost never valid UTF-8 (its lead bytes are UTF-8 continuation bytes), and
//! real Latin-1 text with accents never is.

use encoding_rs::{Encoding, BIG5, GBK, SHIFT_JIS, WINDOWS_1252};

/// The encodings a line may have been wrongly decoded with, most common first.
const SUSPECTS: [&Encoding; 4] = [WINDOWS_1252, GBK, BIG5, SHIFT_JIS];

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
    let non_ascii = line.chars().filter(|c| !c.is_ascii()).count();
    if non_ascii < 2 {
        return None;
    }
    // Bytes the wrong decoder could not map became U+FFFD: they are lost,
    // and each may spoil one character of the repair, no more.
    let lost = line.chars().filter(|&c| c == '\u{FFFD}').count();
    let kept: std::borrow::Cow<str> = if lost == 0 {
        line.into()
    } else {
        line.chars()
            .filter(|&c| c != '\u{FFFD}')
            .collect::<String>()
            .into()
    };
    // UTF-8 read as windows-1252 shows a lead byte as Â..ô (U+00C2–U+00F4).
    let latin_leads = kept.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c));
    for (which, encoding) in SUSPECTS.into_iter().enumerate() {
        if encoding == WINDOWS_1252 && !latin_leads {
            continue;
        }
        if !plausible_prefix(&kept, which, cache) {
            continue;
        }
        // Encoded character by character from the cache (the suspects are
        // ASCII-compatible and stateless), which also knows the C1 bytes.
        let mut bytes = Vec::with_capacity(kept.len());
        let mut unmappable = false;
        for c in kept.chars() {
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
        let fixed = String::from_utf8_lossy(&bytes);
        let spoiled = fixed.chars().filter(|&c| c == '\u{FFFD}').count();
        let multibyte = fixed
            .chars()
            .filter(|c| !c.is_ascii() && *c != '\u{FFFD}')
            .count();
        // UTF-8 always takes fewer characters than its mojibake.
        if spoiled <= lost
            && multibyte >= 2
            && spoiled * 4 <= multibyte
            && fixed.chars().count() < line.chars().count()
        {
            return Some((fixed.into_owned(), encoding));
        }
    }
    None
}

/// A cheap look at the first 48 characters: re-encoded with suspect number
/// `which`, do they start valid UTF-8 with a multi-byte sequence? Real text
/// fails here, before the whole line is encoded; the look stops as soon as
/// the answer is known, usually at the first non-ASCII character.
fn plausible_prefix(line: &str, which: usize, cache: &mut EncodedChars) -> bool {
    let mut bytes: Vec<u8> = Vec::with_capacity(64);
    for c in line.chars().take(48) {
        if c.is_ascii() {
            bytes.push(c as u8); // all suspects are ASCII-compatible
            continue;
        }
        let Some((encoded, len)) = cache.bytes(which, c) else {
            return false; // unmappable: this encoding did not produce the line
        };
        bytes.extend_from_slice(encoded.get(..len).unwrap_or_default());
        match std::str::from_utf8(&bytes) {
            Ok(_) => return bytes.iter().any(|&x| x >= 0x80),
            // Invalid (not just cut short): decided by what came before.
            Err(e) if e.error_len().is_some() => {
                return bytes
                    .get(..e.valid_up_to())
                    .is_some_and(|b| b.iter().any(|&x| x >= 0x80));
            }
            Err(_) => {}
        }
    }
    // The prefix ended inside a sequence (or a U+FFFD was dropped there).
    let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    bytes
        .get(..valid)
        .is_some_and(|b| b.iter().any(|&x| x >= 0x80))
}

/// Repairs every line; returns the text and, per encoding, how many lines were fixed.
pub fn repair(text: &str) -> (String, Vec<(&'static Encoding, usize)>) {
    let mut counts: Vec<(&'static Encoding, usize)> = Vec::new();
    let mut cache = EncodedChars::default();
    // Written into one string as it goes: a `String` per line first cost
    // 36 × the input for millions of one-character lines.
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match repair_line_with(line, &mut cache) {
            Some((fixed, encoding)) => {
                match counts.iter_mut().find(|(e, _)| *e == encoding) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((encoding, 1)),
                }
                out.push_str(&fixed);
            }
            None => out.push_str(line),
        }
    }
    (out, counts)
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
