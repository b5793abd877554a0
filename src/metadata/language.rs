//! The language of a text, from its scripts and stopwords.

use crate::text::is_cjk_letter;

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "said", "with", "was", "on",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "est", "et", "une", "du", "dans", "que", "pour", "sur",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "que", "y", "en", "por", "una", "con", "para", "se",
        ],
    ),
];

/// The language of `text` as a BCP 47 tag: `zh-Hans`/`zh-Hant` (by which
/// script's characters dominate), `ja` (kana), `ko` (Hangul), `ru`/`uk`
/// (Cyrillic), `en`/`fr`/`de`/`es` (by stopwords); `None` when unsure.
pub fn detect_language(text: &str) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut cyrillic, mut latin, mut ukrainian) =
        (0, 0, 0, 0, 0, 0);
    for c in text.chars().take(20_000) {
        match c {
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            '\u{0400}'..='\u{04FF}' => {
                cyrillic += 1;
                ukrainian += usize::from(matches!(c, 'ї' | 'є' | 'і' | 'ґ'));
            }
            c if c.is_ascii_alphabetic() => latin += 1,
            c if is_cjk_letter(c) => han += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk * 2 >= latin && cjk > 0 {
        if kana * 20 >= cjk && kana > 0 {
            return Some("ja".into());
        }
        if hangul * 2 >= cjk {
            return Some("ko".into());
        }
        let head: String = text.chars().take(20_000).collect();
        // All of GB2312 is Simplified: no need for the conversion tables.
        if !crate::repair::script::has_han_outside_gb2312(&head) {
            return Some("zh-Hans".into());
        }
        let script = crate::repair::script::counts(&head);
        return Some(
            if script.traditional > script.simplified {
                "zh-Hant"
            } else {
                "zh-Hans"
            }
            .into(),
        );
    }
    if cyrillic > latin {
        return Some(
            if ukrainian * 50 > cyrillic {
                "uk"
            } else {
                "ru"
            }
            .into(),
        );
    }
    let lower = text.chars().take(20_000).collect::<String>().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 3 {
        return None;
    }
    let (lang, hits) = STOPWORDS
        .iter()
        .map(|(lang, stop)| (lang, words.iter().filter(|w| stop.contains(w)).count()))
        .max_by_key(|(_, hits)| *hits)?;
    (hits * 12 >= words.len() || (hits >= 2 && words.len() <= 12)).then(|| lang.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(
            detect_language("武侯区产业园区高质量发展大会召开").as_deref(),
            Some("zh-Hans")
        );
        assert_eq!(
            detect_language("臺灣各地今日天氣晴朗，氣象局表示").as_deref(),
            Some("zh-Hant")
        );
        assert_eq!(
            detect_language("東京都は十六日、支援策を発表した").as_deref(),
            Some("ja")
        );
        assert_eq!(
            detect_language("서울시는 16일 새로운 교통 정책을 발표했다").as_deref(),
            Some("ko")
        );
        assert_eq!(
            detect_language("The mayor said on Monday that the city will open").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language("Le maire a dit que la ville est prête pour les jeux").as_deref(),
            Some("fr")
        );
        assert_eq!(detect_language("12345 !!!"), None);
    }
}
