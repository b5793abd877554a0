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

/// Repairs one line: `Some((fixed, encoding it was misread as))` when it was mojibake.
pub fn repair_line(line: &str) -> Option<(String, &'static Encoding)> {
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
    for encoding in SUSPECTS {
        if encoding == WINDOWS_1252 && !latin_leads {
            continue;
        }
        if !plausible_prefix(&kept, encoding) {
            continue;
        }
        let (bytes, _, unmappable) = encoding.encode(&kept);
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

/// A cheap look at the first 48 characters: re-encoded, do they start valid
/// UTF-8 with a multi-byte sequence? Real text fails here, before the
/// whole line is encoded.
fn plausible_prefix(line: &str, encoding: &'static Encoding) -> bool {
    let end = line.char_indices().nth(48).map_or(line.len(), |(i, _)| i);
    let prefix = line.get(..end).unwrap_or(line);
    let (bytes, _, unmappable) = encoding.encode(prefix);
    if unmappable {
        return false;
    }
    let valid = match std::str::from_utf8(&bytes) {
        Ok(_) => bytes.len(),
        // Cut at the end of the prefix, or at a lost byte (U+FFFD dropped).
        Err(e) => e.valid_up_to(),
    };
    bytes
        .get(..valid)
        .is_some_and(|b| b.iter().any(|&x| x >= 0x80))
}

/// Repairs every line; returns the text and, per encoding, how many lines were fixed.
pub fn repair(text: &str) -> (String, Vec<(&'static Encoding, usize)>) {
    let mut counts: Vec<(&'static Encoding, usize)> = Vec::new();
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| match repair_line(line) {
            Some((fixed, encoding)) => {
                match counts.iter_mut().find(|(e, _)| *e == encoding) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((encoding, 1)),
                }
                fixed
            }
            None => line.to_string(),
        })
        .collect();
    (lines.join("\n"), counts)
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
