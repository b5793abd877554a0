//! The dateline opening a first paragraph, with the reporter it credits:
//! `中新网四川新闻11月16日电`, `新华社北京3月1日电（记者 张三）`,
//! `（中央社記者黃志明澎湖16日電）`, `【ワシントン＝田中一郎】`,
//! `BEIJING, March 1 (Reuters) -`.

use super::byline::AGENCIES;
use super::names::CJK_NAME_MAX_CHARS;

/// A dateline is read within this many characters of the paragraph's start.
const DATELINE_PROBE_CHARS: usize = 60;
/// An English wire dateline's place is an upper-case word of at least this
/// many letters (`ROME`, `U.N.`), so `A -` or `I -` is no place.
const DATELINE_PLACE_MIN_CHARS: usize = 3;
/// Place, date and agency before the dash fit in this many characters.
const DATELINE_MAX_CHARS: usize = 50;
/// A Japanese dateline's place (`ワシントン`, `サンフランシスコ`) is at most this long.
const DATELINE_PLACE_MAX_CHARS: usize = 12;

/// The dateline opening a first paragraph, with any reporter credit after it:
/// `中新网四川新闻11月16日电`, `新华社北京3月1日电（记者 张三）`,
/// `BEIJING, March 1 (Reuters) -`, `WASHINGTON (AP) —`.
pub fn dateline(paragraph: &str) -> Option<(String, Option<String>)> {
    let head: String = paragraph.chars().take(DATELINE_PROBE_CHARS).collect();
    if let Some(found) = bracketed_dateline(&head) {
        return Some(found);
    }
    // Chinese: …M月D日电 / …讯
    for (i, c) in head.char_indices() {
        if (c == '电' || c == '電' || c == '讯' || c == '訊') && i > 0 {
            let before = head.get(..i)?;
            let by_date = before.ends_with('日');
            let bureau = before.ends_with("本报") || before.ends_with("本報");
            if by_date || bureau {
                let line = head.get(..i + c.len_utf8())?.trim().to_string();
                let rest = paragraph.get(line.len()..).unwrap_or_default().trim_start();
                let reporter = rest
                    .strip_prefix('（')
                    .or_else(|| rest.strip_prefix('('))
                    .and_then(|r| r.split_once(['）', ')']))
                    .map(|(inside, _)| inside.to_string())
                    .filter(|inside| {
                        inside.starts_with("记者")
                            || inside.starts_with("記者")
                            || inside.starts_with("通讯员")
                    });
                return Some((line, reporter));
            }
            break;
        }
    }
    // Japanese: `【ワシントン＝田中一郎】`, `【ニューヨーク＝共同】`: the place,
    // then the reporter or agency (read as a reporter's credit).
    // `【ワシントン共同】`: a wire report, the agency after the place.
    if let Some((inner, _)) = head.strip_prefix('【').and_then(|r| r.split_once('】')) {
        let fits = |s: &str, max: usize| (1..=max).contains(&s.chars().count());
        let split = inner.split_once('＝').or_else(|| {
            let agency = AGENCIES
                .iter()
                .find(|a| !a.is_ascii() && inner.ends_with(*a))?;
            Some((inner.strip_suffix(agency)?, *agency))
        });
        if let Some((place, who)) = split {
            if fits(place, DATELINE_PLACE_MAX_CHARS) && fits(who, CJK_NAME_MAX_CHARS) {
                return Some((format!("【{inner}】"), Some(format!("記者 {who}"))));
            }
        }
    }
    // English wire: an upper-case place, optional date and agency, then a dash.
    for dash in [" - ", " — ", " – ", " -- "] {
        if let Some(at) = head.find(dash) {
            let before = head.get(..at)?;
            let first = before.split([',', ' ', '(']).next().unwrap_or_default();
            let place = first.chars().count() >= DATELINE_PLACE_MIN_CHARS
                && first.chars().all(|c| c.is_ascii_uppercase() || c == '.');
            if place && before.chars().count() <= DATELINE_MAX_CHARS {
                return Some((head.get(..at + dash.len())?.trim().to_string(), None));
            }
        }
    }
    None
}

/// A wire's dateline in brackets with its reporter inside, before the
/// place (`（中央社記者黃志明澎湖16日電）`): the line is the inside; the
/// reporter's name is the place's first characters, three (the common
/// length) unless that leaves less than two for the place.
fn bracketed_dateline(head: &str) -> Option<(String, Option<String>)> {
    let inner = head
        .strip_prefix(['（', '('])?
        .split_once(['）', ')'])?
        .0
        .trim();
    let dated = inner.strip_suffix(['電', '电'])?;
    let before_date = dated
        .strip_suffix('日')?
        .trim_end_matches(|c: char| c.is_ascii_digit());
    let reporter = ["記者", "记者"].iter().find_map(|w| {
        let (_, who_where) = before_date.split_once(w)?;
        let n = who_where.chars().count();
        let name_len = 3.min(n.checked_sub(2)?);
        (name_len >= 2).then(|| {
            let name: String = who_where.chars().take(name_len).collect();
            format!("記者 {name}")
        })
    });
    Some((inner.to_string(), reporter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::byline::byline;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline(
                "（中央社記者黃志明澎湖16日電）連接澎湖本島與兩座離島的交通船新航線今天啟航。"
            ),
            Some((
                "中央社記者黃志明澎湖16日電".to_string(),
                Some("記者 黃志明".to_string())
            ))
        );
        assert_eq!(
            dateline("中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。"),
            Some(("中新网四川新闻11月16日电".to_string(), None))
        );
        assert_eq!(
            dateline("新华社北京3月1日电（记者 张三、李四）国务院……"),
            Some((
                "新华社北京3月1日电".to_string(),
                Some("记者 张三、李四".to_string())
            ))
        );
        assert_eq!(
            dateline("BEIJING, March 1 (Reuters) - China's factory activity grew."),
            Some(("BEIJING, March 1 (Reuters) -".to_string(), None))
        );
        assert_eq!(
            dateline("WASHINGTON (AP) — The Senate voted on Tuesday."),
            Some(("WASHINGTON (AP) —".to_string(), None))
        );
        assert_eq!(dateline("The Senate voted - narrowly - on Tuesday."), None);
        assert_eq!(dateline("会议强调，要在发电领域加力。"), None);
        // Japanese: the reporter after `＝`, or the agency after the place.
        assert_eq!(
            dateline("【ワシントン＝田中一郎】日本銀行は…"),
            Some((
                "【ワシントン＝田中一郎】".to_string(),
                Some("記者 田中一郎".to_string())
            ))
        );
        assert_eq!(
            dateline("【ワシントン共同】米ホワイトハウスは…"),
            Some((
                "【ワシントン共同】".to_string(),
                Some("記者 共同".to_string())
            ))
        );
        assert_eq!(byline("記者 共同").source.as_deref(), Some("共同"));
        assert_eq!(dateline("【速報】地震が発生"), None);
    }
}
