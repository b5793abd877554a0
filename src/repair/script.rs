//! Chinese script: evidence of machine conversion to Traditional, and the
//! conversion itself (zhconv's MediaWiki tables, zh-Hans / zh-Hant).
//!
//! The tables come from `crate::tables`: compiled in natively, loaded on
//! demand in the browser. Without them nothing here converts or counts, and
//! the extraction reports that it needed them. They are asked for only
//! when a text has a Han character outside GB2312 or a conversion is
//! requested, so Simplified and non-Chinese pages never need them.

use zhconv::ZhConverter;

use crate::repair::charsets;

/// Counts of characters that a conversion to each script would change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Characters (or phrases) that are Traditional-only: zh-Hans would change them.
    pub traditional: usize,
    /// Characters (or phrases) that are Simplified-only: zh-Hant would change them.
    pub simplified: usize,
}

/// The converter to Simplified (`true`) or Traditional, when the tables
/// are at hand.
fn converter(to_simplified: bool) -> Option<&'static ZhConverter> {
    crate::tables::get().map(|tables| tables.converter(to_simplified))
}

/// How much of `text` is Traditional-only and Simplified-only (none counted
/// without the tables).
pub fn counts(text: &str) -> ScriptCounts {
    // Only Han characters can be either script; most Latin pages have none.
    if !text.chars().any(crate::text::is_cjk_letter) {
        return ScriptCounts::default();
    }
    let (Some(to_hans), Some(to_hant)) = (converter(true), converter(false)) else {
        return ScriptCounts::default();
    };
    ScriptCounts {
        traditional: to_hans.count_replaced(text),
        simplified: to_hant.count_replaced(text),
    }
}

/// Converts to Simplified (`hans`) or Traditional; returns the text and how
/// many characters changed (none without the tables).
pub fn convert(text: &str, to_simplified: bool) -> (String, usize) {
    let Some(converter) = converter(to_simplified) else {
        return (text.to_string(), 0);
    };
    let converted = converter.convert(text);
    let changed = if converted.chars().count() == text.chars().count() {
        text.chars()
            .zip(converted.chars())
            .filter(|(a, b)| a != b)
            .count()
    } else {
        // Phrase rules changed lengths: count the replacements instead.
        converter.count_replaced(text)
    };
    (converted, changed)
}

/// Mainland outlets whose names in a Traditional text betray a conversion
/// (written here in Simplified; the text is checked after a trial conversion).
const MAINLAND_OUTLETS: &[&str] = &[
    "中新网",
    "中新社",
    "新华社",
    "新华网",
    "人民网",
    "人民日报",
    "央视",
    "中国新闻网",
    "光明网",
    "环球时报",
    "澎湃新闻",
    "中国日报",
    "经济日报",
    "解放军报",
    "国际在线",
    "中央广电总台",
];

/// Simplified-only characters in `text` (first 5 000 characters): common
/// characters of GB2312 that Big5 cannot encode (`区` `发` `园`). Characters
/// both scripts share in other senses (`于` `注` `并`) are in Big5 and do not
/// count, and neither do quote styles.
pub fn simplified_leftovers(text: &str) -> usize {
    text.chars()
        .take(5000)
        .filter(|&c| charsets::in_gb2312_hanzi(c) && !charsets::in_big5_proper(c))
        .count()
}

/// Whether some Han character of `text` is outside GB2312 (the Simplified
/// set): the only characters that can be Traditional-only. Symbols GBK added
/// beside GB2312 (`〇` in `二〇二四年`, box drawing) are not Han characters
/// and do not count: a Simplified page carrying them needs no tables.
pub fn has_han_outside_gb2312(text: &str) -> bool {
    text.chars()
        .any(|c| is_han_ideograph(c) && !charsets::in_gb2312(c))
}

/// CJK unified ideographs (the basic block, extension A and the
/// supplementary planes' extensions) and compatibility ideographs.
fn is_han_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Evidence that a Traditional text was machine-converted from Simplified.
///
/// Scored: each removed pinyin gloss counts 3 (converters that add them are
/// the strongest sign), each Simplified-only character left behind counts 1
/// (a mixed text), a mainland outlet name in the first 600 characters counts 4.
/// A score of 6 or more, on a text that is mostly Traditional, is conversion.
pub fn machine_converted(text: &str, glosses_removed: usize) -> bool {
    // Japanese and Korean use traditional-looking characters of their own.
    if text
        .chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}'))
    {
        return false;
    }
    if !text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        return false;
    }
    // Text whose every Han character is in GB2312 has no Traditional-only
    // character to count: no need to load the conversion tables (tens of
    // milliseconds on first use in the browser).
    if !has_han_outside_gb2312(text) {
        return false;
    }
    let script = counts(text);
    if script.traditional == 0 || script.traditional < script.simplified {
        return false;
    }
    let head: String = text.chars().take(600).collect();
    let (head, _) = convert(&head, true);
    let outlet = MAINLAND_OUTLETS.iter().any(|name| head.contains(name));
    let score =
        glosses_removed * 3 + simplified_leftovers(text).min(10) + if outlet { 4 } else { 0 };
    score >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_counts() {
        assert_eq!(convert("園區發展", true), ("园区发展".to_string(), 3));
        assert_eq!(convert("园区发展", false), ("園區發展".to_string(), 3));
        let c = counts("園區發展");
        assert!(c.traditional > 0 && c.simplified == 0);
    }

    #[test]
    fn gb2312_text_needs_no_conversion_tables() {
        assert!(!has_han_outside_gb2312(
            "园区发展大会召开，来源：中新网。ABC 123"
        ));
        assert!(has_han_outside_gb2312("园区發展"));
        assert!(has_han_outside_gb2312("臺灣"));
        assert!(!has_han_outside_gb2312("plain ASCII"));
        assert!(!has_han_outside_gb2312("二〇二四年 ▅▆ · —"));
        assert!(has_han_outside_gb2312("猇亭"));
    }

    #[test]
    fn conversion_needs_evidence() {
        let taiwan = "臺灣各地今日天氣晴朗，氣象局表示，週末將有鋒面通過。";
        assert!(!machine_converted(taiwan, 0));
        assert!(machine_converted(taiwan, 2));
        // A mainland outlet alone is not enough (Hong Kong papers quote them)…
        assert!(!machine_converted(
            "中新網北京11月16日電 園區發展大會召開。",
            0
        ));
        // …with Simplified characters left behind, it is.
        assert!(machine_converted(
            "中新網北京11月16日電 园区发展大會召開。",
            0
        ));
        assert!(!machine_converted("园区发展大会召开。", 5));
        assert!(!machine_converted(
            "東京都は十六日、新たな対策を発表した。",
            3
        ));
        assert_eq!(simplified_leftovers("园发發展“于”注意並"), 2);
    }
}
