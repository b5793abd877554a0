//! Character classes shared by every stage (a leaf module: it imports
//! nothing from the crate).

/// CJK ideographs, kana, Hangul and CJK punctuation/full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}' // full-width forms
        | '\u{20000}'..='\u{3134F}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·'
    )
}

/// Ideographs, kana and Hangul only (no punctuation).
pub fn is_cjk_letter(c: char) -> bool {
    is_cjk(c)
        && !is_shared_mark(c)
        && !matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF60}')
}

/// Marks both CJK and Latin text use.
pub fn is_shared_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// A control character that text never carries: C0 but tab, line feed, form
/// feed and carriage return (layout). The decoder removes them from the
/// bytes; a character reference can still spell one (`&#27;` is a terminal
/// escape). C1 characters are kept: in text they are the trace of mojibake
/// (UTF-8 read as Latin-1), which a repair can still undo.
pub fn is_stray_control(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_stray_control_byte)
}

/// [`is_stray_control`] on a byte of UTF-8.
#[inline]
fn is_stray_control_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r')
}

/// Removes stray control characters from `text`; returns how many.
pub fn remove_stray_controls(text: &mut String) -> usize {
    let before = text.len();
    text.retain(|c| !is_stray_control(c));
    // Each is one byte.
    before - text.len()
}

/// Whether `text` holds a stray control character (a byte scan: no
/// character is decoded).
pub fn has_stray_control(text: &str) -> bool {
    text.bytes().any(is_stray_control_byte)
}

/// The letters and digits of `text`, lower-cased: what two spellings of a
/// name or a sentence share whatever their spaces, quotes and punctuation.
pub fn letters_lower(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` has at most `max` characters, without counting a long text
/// to its end.
pub fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().nth(max).is_none()
}

/// `text` with runs of whitespace as one space and none at either end, as
/// `split_whitespace().join(" ")` gives it, written in one pass into one
/// string: the `Vec` of words of a 2 MB heading was 4 × its size.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_as_split_and_join_do() {
        for text in ["", "  ", " a  b\t\nc ", "一\u{3000}二", "x"] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), joined, "{text:?}");
        }
    }

    #[test]
    fn stray_controls_are_found_in_any_block() {
        let clean = "text\twith\nlayout\u{C}\r only, 中文 ".repeat(20);
        assert!(!has_stray_control(&clean));
        for at in [0, 63, 64, 65, clean.len()] {
            let mut dirty = clean.clone();
            dirty.insert(at, '\u{1B}');
            assert!(has_stray_control(&dirty), "at {at}");
        }
        assert!(is_stray_control('\0') && !is_stray_control('\t') && !is_stray_control('\u{85}'));
    }
}
