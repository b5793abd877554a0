//! Latin mojibake in runs: UTF-8 read as windows-1252 (or ISO-8859-1) in
//! part of a line only. A page that mixes sources (a CMS field pasted from
//! a misread export, an entity-escaped `&acirc;&euro;&trade;`) shows it
//! beside real characters (`websites—it’s` next to `isnâ€™t`), and a long
//! paragraph may show it only far from its start: the whole-line test of
//! the mojibake module rejects both. Each run of non-ASCII characters is
//! re-encoded alone instead; windows-1252 is single-byte, so a run's n-th
//! character is its n-th byte, and only the byte sequences that are valid
//! UTF-8 are replaced.

/// Whether a sequence that is valid UTF-8 is a misread, on its own: one of
/// three or four bytes (`â€™` for `’`: three characters no language writes
/// together), one holding a C1 control (no text has them), or a two-byte
/// one led by `Â` (`Â®`, `Â°`: the Latin-1 signs) or, inside a word, by
/// `Ã` (`EspaÃ±ol`: the Latin-1 letters; a quoted `"Ã¤"` alone is a text
/// about mojibake). A two-byte sequence led by another letter may be real
/// text (`NESCAFÉ®` reads as `ɮ`, `Ö»` as a Hebrew point) and stays, even
/// beside misreads. `in_word`: a letter touches the sequence.
fn is_misread(sequence: &[char], in_word: bool) -> bool {
    sequence.len() >= 3
        || sequence.iter().any(|c| ('\u{80}'..='\u{9F}').contains(c))
        || match sequence.first() {
            Some('Â') => true,
            Some('Ã') => in_word,
            _ => false,
        }
}

/// A lead byte's character (U+00C2–U+00F4) followed by a character that
/// windows-1252 writes as a continuation byte (0x80–0xBF): the cheap test
/// that keeps real text out of the run-by-run look.
fn has_lead_then_continuation(line: &str) -> bool {
    let mut lead = false;
    for c in line.chars() {
        if lead && is_continuation_like(c) {
            return true;
        }
        lead = ('\u{C2}'..='\u{F4}').contains(&c);
    }
    false
}

/// Characters windows-1252 (with ISO-8859-1's C1 controls) decodes from
/// the bytes 0x80–0xBF.
fn is_continuation_like(c: char) -> bool {
    ('\u{80}'..='\u{BF}').contains(&c) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// `line` with each run of UTF-8 read as windows-1252 re-decoded, or
/// `None` when no run was (see [`is_misread`]).
/// `byte`: a character's windows-1252 byte (a C1 control's own), or `None`
/// when it has none.
pub fn repair(line: &str, byte: &mut impl FnMut(char) -> Option<u8>) -> Option<String> {
    if !has_lead_then_continuation(line) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut sequences = 0usize;
    let mut run: Vec<char> = Vec::new();
    let mut chars = line.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c);
            before = Some(c);
            continue;
        }
        run.clear();
        run.push(c);
        while let Some(&next) = chars.peek().filter(|n| !n.is_ascii()) {
            run.push(next);
            chars.next();
        }
        let around = (before, chars.peek().copied());
        sequences += repair_run(&run, around, byte, &mut out);
        before = run.last().copied();
    }
    (sequences > 0).then_some(out)
}

/// Writes `run` to `out` with its misread sequences re-decoded; the other
/// characters stay as they are. `around`: the characters before and after
/// the run. Returns how many sequences were re-decoded.
fn repair_run(
    run: &[char],
    around: (Option<char>, Option<char>),
    byte: &mut impl FnMut(char) -> Option<u8>,
    out: &mut String,
) -> usize {
    // One byte per character, or none when a character has no byte (CJK,
    // Cyrillic: not a windows-1252 reading) — then the run stays whole.
    let mut bytes = Vec::with_capacity(run.len());
    for &c in run {
        match byte(c) {
            Some(b) => bytes.push(b),
            None => {
                out.extend(run);
                return 0;
            }
        }
    }
    let mut found = 0;
    let mut at = 0;
    while at < bytes.len() {
        let rest = bytes.get(at..).unwrap_or_default();
        let (valid, skip) = match std::str::from_utf8(rest) {
            Ok(_) => (rest.len(), 0),
            Err(e) => (
                e.valid_up_to(),
                e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
            ),
        };
        if let Ok(text) = std::str::from_utf8(rest.get(..valid).unwrap_or_default()) {
            // All bytes are ≥ 0x80: every valid character is a multi-byte
            // sequence, made of as many characters of the run.
            let mut from = at;
            for decoded in text.chars() {
                let len = decoded.len_utf8();
                let source = run.get(from..from + len).unwrap_or_default();
                let left = from
                    .checked_sub(1)
                    .map_or(around.0, |i| run.get(i).copied());
                let right = run.get(from + len).copied().or(around.1);
                let in_word = [left, right].into_iter().flatten().any(char::is_alphabetic);
                if is_misread(source, in_word) {
                    found += 1;
                    out.push(decoded);
                } else {
                    out.extend(source);
                }
                from += len;
            }
        }
        out.extend(run.get(at + valid..at + valid + skip).unwrap_or_default());
        at += valid + skip;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn misread(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    fn fixed(line: &str) -> Option<String> {
        repair(line, &mut |c| {
            if ('\u{80}'..='\u{9F}').contains(&c) {
                return Some(c as u8);
            }
            let mut out = [0u8; 4];
            let (result, _, written) = encoding_rs::WINDOWS_1252
                .new_encoder()
                .encode_from_utf8_without_replacement(c.encode_utf8(&mut [0; 4]), &mut out, true);
            (result == encoding_rs::EncoderResult::InputEmpty && written == 1).then_some(out[0])
        })
    }

    #[test]
    fn a_misread_run_beside_real_characters_is_restored() {
        let line = format!("websites—it{} just changing", misread("’s not"));
        assert_eq!(
            fixed(&line).as_deref(),
            Some("websites—it’s not just changing")
        );
        // Far from the start of a long paragraph.
        let long = format!("{} isn{}t", "word ".repeat(40), misread("’"));
        assert_eq!(fixed(&long), Some(format!("{} isn’t", "word ".repeat(40))));
    }

    #[test]
    fn one_latin_1_sign_or_letter_is_enough() {
        assert_eq!(
            fixed(&misread("NOMAD® case")).as_deref(),
            Some("NOMAD® case")
        );
        assert_eq!(fixed(&misread("Functions¶")).as_deref(), Some("Functions¶"));
        assert_eq!(fixed(&misread("Español")).as_deref(), Some("Español"));
        // A misread quoted alone is a text about mojibake.
        assert_eq!(fixed("I saw \"Ã¤\" instead of \"ä\""), None);
        // ISO-8859-1's C1 controls.
        let c1: String = "Investor’s".bytes().map(char::from).collect();
        assert_eq!(fixed(&c1).as_deref(), Some("Investor’s"));
    }

    #[test]
    fn a_sequence_in_a_run_with_real_characters_is_restored_alone() {
        let line = format!("«{}»", misread("café"));
        assert_eq!(fixed(&line).as_deref(), Some("«café»"));
        // A run with a character windows-1252 has no byte for stays.
        let cjk = format!("中{}", misread("é"));
        assert_eq!(fixed(&cjk), None);
    }

    #[test]
    fn real_text_is_left_alone() {
        for keep in [
            "Café crème, naïve façade",
            "«Österreich» und ÖSTERREICH",
            "Über 50 °C",
            "Москва",
            "中国新闻网",
            "plain",
        ] {
            assert_eq!(fixed(keep), None, "{keep}");
        }
        // A two-byte sequence led by another letter stays, even beside a
        // misread.
        assert_eq!(fixed("Ö»"), None);
        assert_eq!(fixed("NESCAFÉ® NESCAFÉ®"), None);
        let beside = format!("NESCAFÉ® {}", misread("it’s"));
        assert_eq!(fixed(&beside).as_deref(), Some("NESCAFÉ® it’s"));
    }
}
