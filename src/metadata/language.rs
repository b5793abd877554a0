//! The language of a text, from its scripts and stopwords.

use crate::text::is_cjk_letter;

/// Characters looked at: enough to tell any language, flat cost on huge pages.
const SAMPLE_CHARS: usize = 20_000;
/// Kana in at least 1/20 of the CJK characters makes a text Japanese (kanji
/// outnumber kana in news, but Chinese has none).
const KANA_SHARE_DIVISOR: usize = 20;
/// Ukrainian-only letters (ї є і ґ) in more than 1/50 of the Cyrillic make it Ukrainian.
const UKRAINIAN_SHARE_DIVISOR: usize = 50;
/// A Latin text's language needs stopwords in 1/12 of its words…
const STOPWORD_SHARE_DIVISOR: usize = 12;
/// …or two of them in a text of at most this many words.
const SHORT_TEXT_WORDS: usize = 12;

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
    for c in text.chars().take(SAMPLE_CHARS) {
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
        if kana * KANA_SHARE_DIVISOR >= cjk && kana > 0 {
            return Some("ja".into());
        }
        if hangul * 2 >= cjk {
            return Some("ko".into());
        }
        let head: String = text.chars().take(SAMPLE_CHARS).collect();
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
            if ukrainian * UKRAINIAN_SHARE_DIVISOR > cyrillic {
                "uk"
            } else {
                "ru"
            }
            .into(),
        );
    }
    let lower = text
        .chars()
        .take(SAMPLE_CHARS)
        .collect::<String>()
        .to_lowercase();
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
    (hits * STOPWORD_SHARE_DIVISOR >= words.len() || (hits >= 2 && words.len() <= SHORT_TEXT_WORDS))
        .then(|| lang.to_string())
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
