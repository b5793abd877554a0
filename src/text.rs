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
    c < ' ' && !matches!(c, '\t' | '\n' | '\u{C}' | '\r')
}

/// Whether `text` has at most `max` characters, without counting a long text
/// to its end.
pub fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().nth(max).is_none()
}
