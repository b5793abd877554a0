//! Chinese script: evidence of machine conversion to Traditional, and the
//! conversion itself (zhconv's MediaWiki tables, zh-Hans / zh-Hant).
//!
//! Size, measured with `./scripts/build` (wasm-opt -Oz, gzip -9): the zh-Hans
//! table adds about 127 KiB to the module and zh-Hant another 130 KiB. Only
//! these two variants are enabled in `Cargo.toml`; zhconv panics when asked
//! for a variant whose feature is off, so only `Variant::ZhHans`/`ZhHant` are
//! ever named here. The tables are decompressed on first use, so pages
//! without Han characters never pay for them.

use zhconv::{get_builtin_converter, Variant};

use crate::repair::charsets;

/// Counts of characters that a conversion to each script would change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Characters (or phrases) that are Traditional-only: zh-Hans would change them.
    pub traditional: usize,
    /// Characters (or phrases) that are Simplified-only: zh-Hant would change them.
    pub simplified: usize,
}

/// How much of `text` is Traditional-only and Simplified-only.
pub fn counts(text: &str) -> ScriptCounts {
    // Only Han characters can be either script; most Latin pages have none.
    if !text.chars().any(crate::text::is_cjk_letter) {
        return ScriptCounts::default();
    }
    ScriptCounts {
        traditional: get_builtin_converter(Variant::ZhHans).count_replaced(text),
        simplified: get_builtin_converter(Variant::ZhHant).count_replaced(text),
    }
}

/// Converts to Simplified (`hans`) or Traditional; returns the text and how
/// many characters changed.
pub fn convert(text: &str, to_simplified: bool) -> (String, usize) {
    let variant = if to_simplified {
        Variant::ZhHans
    } else {
        Variant::ZhHant
    };
    let converted = get_builtin_converter(variant).convert(text);
    let changed = if converted.chars().count() == text.chars().count() {
        text.chars()
            .zip(converted.chars())
            .filter(|(a, b)| a != b)
            .count()
    } else {
        // Phrase rules changed lengths: count the replacements instead.
        get_builtin_converter(variant).count_replaced(text)
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
/// set): GBK-encoded, it leaves GB2312's hanzi rows (B0–F7 × A1–FE) and
/// symbol rows (A1–A9). A character GBK does not hold in two bytes (`€`,
/// emoji, rare extensions) counts only when it is a CJK letter.
pub fn has_han_outside_gb2312(text: &str) -> bool {
    text.chars().filter(|c| !c.is_ascii()).any(|c| {
        if charsets::in_gbk_two_byte(c) {
            !charsets::in_gb2312(c)
        } else {
            crate::text::is_cjk_letter(c)
        }
    })
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
    let head = get_builtin_converter(Variant::ZhHans).convert(&head);
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
