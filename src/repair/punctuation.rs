//! ASCII punctuation between CJK characters → full-width, the way the page
//! had it before a converter or a copy flattened it. Never inside numbers,
//! times, URLs or Latin text: a mark changes only when the character before it
//! is CJK (for `,:;?!`) or when its brackets/quotes enclose CJK text.

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
fn is_shared_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

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

/// Normalises one line; returns it and how many marks changed.
pub fn normalize_line(line: &str) -> (String, usize) {
    if !line.contains([',', ':', ';', '?', '!', '(', '"', '\'']) || !line.chars().any(is_cjk_letter)
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

/// Normalises every line of `text`; returns it and the number of marks changed.
pub fn normalize(text: &str) -> (String, usize) {
    // Every change needs a CJK character before or inside the mark.
    if !text.chars().any(is_cjk_letter) {
        return (text.to_string(), 0);
    }
    let mut total = 0;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let (l, n) = normalize_line(line);
            total += n;
            l
        })
        .collect();
    (lines.join("\n"), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_with_curly_quotes_keeps_its_commas() {
        let english = "He said “no”, then left… and — finally — agreed, “yes”!";
        assert_eq!(normalize(english), (english.to_string(), 0));
        assert_eq!(
            normalize("他说“不”,然后走了"),
            ("他说“不”，然后走了".to_string(), 1)
        );
    }

    #[test]
    fn cjk_context_gets_full_width() {
        assert_eq!(
            normalize("強調,要堅定;是嗎?好!來源:中新網 注明\"來源:本網\"的 (完) \"來源:XXX(非本網)\""),
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
            assert_eq!(normalize(keep).0, expected, "{keep}");
        }
    }
}
