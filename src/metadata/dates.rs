//! Dates as pages write them (Chinese, Japanese, English, ISO 8601, with a
//! time and offset when written beside them) to RFC 3339.
//!
//! Written as small scanners rather than with `regex`: the patterns are few,
//! and the regex engine would cost more wasm than this whole module.

/// A calendar date with an optional time and UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
    /// Hour, minute, second, when written.
    pub time: Option<Time>,
    /// Offset from UTC in minutes, when the text states it.
    pub offset: Option<i32>,
}

impl Date {
    /// RFC 3339: `2024-11-16T14:11:00+08:00`; the date alone without a time;
    /// no offset unless stated or `default_offset` gives one.
    pub fn to_rfc3339(self, default_offset: Option<i32>) -> String {
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, s)) = self.time {
            out.push_str(&format!("T{h:02}:{m:02}:{s:02}"));
            match self.offset.or(default_offset) {
                Some(0) => out.push('Z'),
                Some(off) => {
                    let sign = if off < 0 { '-' } else { '+' };
                    let off = off.abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", off / 60, off % 60));
                }
                None => {}
            }
        }
        out
    }

    fn valid(&self) -> bool {
        (1900..=2100).contains(&self.year)
            && (1..=12).contains(&self.month)
            && (1..=31).contains(&self.day)
            && self.time.is_none_or(|(h, m, s)| h < 24 && m < 60 && s < 61)
    }
}

/// The UTC offset a page's region implies when a time is written without
/// one: Chinese-language pages (mainland China, Hong Kong, Macau, Taiwan,
/// Singapore, Malaysia all use UTC+8) and Japanese pages (UTC+9). Others: none.
pub fn default_offset(language: Option<&str>) -> Option<i32> {
    match language {
        Some(l) if l.starts_with("zh") => Some(8 * 60),
        Some(l) if l.starts_with("ja") => Some(9 * 60),
        _ => None,
    }
}

/// Hour, minute, second.
type Time = (u32, u32, u32);

/// Reads a run of ASCII or full-width digits at `i`; returns value and length.
fn number(chars: &[char], i: usize, max_len: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0;
    while let Some(d) = chars.get(i + len).and_then(|&c| digit(c)) {
        if len == max_len {
            return None;
        }
        value = value * 10 + d;
        len += 1;
    }
    (len > 0).then_some((value, len))
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
}

/// Era years: 令和 (2019), 平成 (1989), 昭和 (1926); `元年` is year 1.
fn era_year(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let eras = [("令和", 2018), ("平成", 1988), ("昭和", 1925)];
    let (_, base) = eras.iter().find(|(name, _)| starts_with(chars, i, name))?;
    if starts_with(chars, i + 2, "元年") {
        return Some((base + 1, 4));
    }
    let (n, len) = number(chars, i + 2, 2)?;
    (chars.get(i + 2 + len) == Some(&'年')).then_some((base + n as i32, 3 + len))
}

/// A time at `i`: `14:11`, `14:11:02`, `14時11分`, `14点11分`, `下午2:11`,
/// `2:11 PM`, `2:11 p.m.`; returns (h, m, s) and the length read.
fn time_at(chars: &[char], i: usize) -> Option<(Time, usize)> {
    let mut j = i;
    let mut pm = None;
    for (word, is_pm) in [
        ("下午", true),
        ("午後", true),
        ("晚上", true),
        ("上午", false),
        ("午前", false),
        ("早上", false),
    ] {
        if starts_with(chars, j, word) {
            pm = Some(is_pm);
            j += 2;
        }
    }
    let (h, hl) = number(chars, j, 2)?;
    j += hl;
    let sep = *chars.get(j)?;
    if !matches!(sep, ':' | '：' | '時' | '时' | '点' | '點') {
        return None;
    }
    j += 1;
    let (m, ml) = number(chars, j, 2)?;
    if ml != 2 && matches!(sep, ':' | '：') {
        return None;
    }
    j += ml;
    if chars.get(j) == Some(&'分') {
        j += 1;
    }
    let mut s = 0;
    if matches!(chars.get(j), Some(':' | '：')) {
        if let Some((sec, sl)) = number(chars, j + 1, 2) {
            s = sec;
            j += 1 + sl;
            if chars.get(j) == Some(&'秒') {
                j += 1;
            }
        }
    }
    let k = skip_spaces(chars, j);
    for (word, is_pm) in [("pm", true), ("p.m.", true), ("am", false), ("a.m.", false)] {
        if starts_with(chars, k, word)
            && !chars
                .get(k + word.len())
                .is_some_and(|c| c.is_ascii_alphabetic())
        {
            pm = Some(is_pm);
            j = k + word.len();
            break;
        }
    }
    let h = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    Some(((h, m, s), j - i))
}

/// Time zone abbreviations and their offsets in minutes (the unambiguous ones).
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("EST", -300),
    ("EDT", -240),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("JST", 540),
    ("KST", 540),
    ("HKT", 480),
    ("SGT", 480),
    ("AEST", 600),
    ("AEDT", 660),
    ("ET", -300),
];

/// An offset at `i`: `Z`, `+08:00`, `+0800`, `GMT+8`, `UTC+08:00`, `EST`, `北京时间`.
fn offset_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let i = skip_spaces(chars, i);
    let i = if chars.get(i) == Some(&'(') { i + 1 } else { i };
    for name in ["北京时间", "北京時間"] {
        if starts_with(chars, i, name) {
            return Some((480, 4));
        }
    }
    if chars.get(i) == Some(&'Z') && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()) {
        return Some((0, 1));
    }
    let mut j = i;
    let mut base = None;
    for (name, off) in ZONES {
        let len = name.len();
        if starts_with(chars, j, name)
            && !chars.get(j + len).is_some_and(|c| c.is_ascii_alphabetic())
        {
            base = Some(*off);
            j += len;
            break;
        }
    }
    let sign = match chars.get(j) {
        Some('+') => 1,
        Some('-' | '−') => -1,
        _ => return base.map(|b| (b, j - i)),
    };
    let (h, hl) = number(chars, j + 1, 4)?;
    let (hours, minutes, mut len) = if hl == 4 {
        (h / 100, h % 100, 1 + hl)
    } else {
        (h, 0, 1 + hl)
    };
    let mut minutes = minutes;
    if hl <= 2 && chars.get(j + len) == Some(&':') {
        if let Some((m, ml)) = number(chars, j + len + 1, 2) {
            minutes = m;
            len += 1 + ml;
        }
    }
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some((sign * (hours as i32 * 60 + minutes as i32), j + len - i))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An English month name (full, or three letters with an optional dot) at `i`.
fn month_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    if i > 0 && chars.get(i - 1).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !chars.get(i).is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd'
        )
    }) {
        return None;
    }
    for (n, name) in MONTHS.iter().enumerate() {
        let len = if starts_with(chars, i, name) {
            name.len()
        } else if starts_with(chars, i, name.get(..3)?) {
            3 + usize::from(starts_with(chars, i + 3, "t") && *name == "september")
        } else {
            continue;
        };
        if chars.get(i + len).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let len = len + usize::from(chars.get(i + len) == Some(&'.'));
        return Some((n as u32 + 1, len));
    }
    None
}

/// Finds the first full date in `text` (with a time and offset when written
/// next to it). Month-day dates (`11月16日`) take `fallback_year`.
pub fn find_date(text: &str, fallback_year: Option<i32>) -> Option<Date> {
    // Every date form has a digit or an era's 元年; most text has neither
    // and is rejected before the per-character scan.
    if !text.chars().any(|c| digit(c).is_some() || c == '元') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| date_at(&chars, i, fallback_year))
}

fn date_at(chars: &[char], i: usize, fallback_year: Option<i32>) -> Option<Date> {
    // Cheap rejection first: a date starts with a digit, a month name or an era.
    let c = *chars.get(i)?;
    if !(digit(c).is_some() || c.is_ascii_alphabetic() || matches!(c, '令' | '平' | '昭')) {
        return None;
    }
    if i > 0 && chars.get(i - 1).and_then(|&c| digit(c)).is_some() {
        return None;
    }
    let (date, end) = cjk_date(chars, i, fallback_year)
        .or_else(|| iso_date(chars, i))
        .or_else(|| english_date(chars, i))?;
    let mut date = date;
    if date.time.is_none() {
        let j = skip_spaces(chars, end);
        let j = if chars.get(j) == Some(&',') {
            skip_spaces(chars, j + 1)
        } else {
            j
        };
        let j = if starts_with(chars, j, "at ") {
            j + 3
        } else {
            j
        };
        if let Some((t, tl)) = time_at(chars, j) {
            date.time = Some(t);
            if let Some((off, _)) = offset_at(chars, j + tl) {
                date.offset = Some(off);
            }
        } else if let Some((t, off)) = time_before(chars, i) {
            date.time = Some(t);
            date.offset = off;
        }
    }
    date.valid().then_some(date)
}

/// `Updated 2:11 PM EST, Sat November 16, 2024`: a time shortly before the date.
fn time_before(chars: &[char], date_start: usize) -> Option<(Time, Option<i32>)> {
    let from = date_start.saturating_sub(24);
    (from..date_start).find_map(|j| {
        if j > 0 && chars.get(j - 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let (t, tl) = time_at(chars, j)?;
        Some((t, offset_at(chars, j + tl).map(|(o, _)| o)))
    })
}

fn cjk_date(chars: &[char], i: usize, fallback_year: Option<i32>) -> Option<(Date, usize)> {
    let (year, mut j) = if let Some((y, len)) = era_year(chars, i) {
        (Some(y), i + len)
    } else if let Some((y, 4)) = number(chars, i, 4) {
        if chars.get(i + 4) != Some(&'年') {
            return None;
        }
        (Some(y as i32), i + 5)
    } else {
        (None, i)
    };
    let (month, ml) = number(chars, j, 2)?;
    if chars.get(j + ml) != Some(&'月') {
        return None;
    }
    j += ml + 1;
    let (day, dl) = number(chars, j, 2)?;
    if !matches!(chars.get(j + dl), Some('日' | '号' | '號')) {
        return None;
    }
    j += dl + 1;
    let year = year.or(fallback_year)?;
    let mut date = Date {
        year,
        month,
        day,
        time: None,
        offset: None,
    };
    let k = skip_spaces(chars, j);
    // Japanese pages put the weekday between: 2024年11月16日（土）14時11分
    let k = if matches!(chars.get(k), Some('(' | '（'))
        && matches!(chars.get(k + 2), Some(')' | '）'))
    {
        skip_spaces(chars, k + 3)
    } else {
        k
    };
    if let Some((t, tl)) = time_at(chars, k) {
        date.time = Some(t);
        date.offset = offset_at(chars, k + tl).map(|(o, _)| o);
        j = k + tl;
    }
    Some((date, j))
}

fn iso_date(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let (year, 4) = number(chars, i, 4)? else {
        return None;
    };
    let sep = *chars.get(i + 4)?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (month, ml) = number(chars, i + 5, 2)?;
    if chars.get(i + 5 + ml) != Some(&sep) {
        return None;
    }
    let (day, dl) = number(chars, i + 6 + ml, 2)?;
    let mut j = i + 6 + ml + dl;
    let mut date = Date {
        year: year as i32,
        month,
        day,
        time: None,
        offset: None,
    };
    let k = if chars.get(j) == Some(&'T') {
        j + 1
    } else {
        skip_spaces(chars, j)
    };
    if let Some((t, tl)) = time_at(chars, k) {
        date.time = Some(t);
        j = k + tl;
        // ISO fractions of a second are dropped.
        if chars.get(j) == Some(&'.') {
            j += 1 + number(chars, j + 1, 9).map_or(0, |(_, l)| l);
        }
        date.offset = offset_at(chars, j).map(|(o, _)| o);
    }
    Some((date, j))
}

fn english_date(chars: &[char], i: usize) -> Option<(Date, usize)> {
    // "Nov. 16, 2024" / "November 16 2024"
    if let Some((month, ml)) = month_at(chars, i) {
        let j = skip_spaces(chars, i + ml);
        let (day, dl) = number(chars, j, 2)?;
        let mut k = j + dl;
        for suffix in ["st", "nd", "rd", "th"] {
            if starts_with(chars, k, suffix) {
                k += 2;
            }
        }
        if chars.get(k) == Some(&',') {
            k += 1;
        }
        let k = skip_spaces(chars, k);
        let (year, 4) = number(chars, k, 4)? else {
            return None;
        };
        return Some((
            Date {
                year: year as i32,
                month,
                day,
                time: None,
                offset: None,
            },
            k + 4,
        ));
    }
    // "16 November 2024"
    let (day, dl) = number(chars, i, 2)?;
    let j = skip_spaces(chars, i + dl);
    let (month, ml) = month_at(chars, j)?;
    let k = skip_spaces(chars, j + ml);
    let k = if chars.get(k) == Some(&',') {
        skip_spaces(chars, k + 1)
    } else {
        k
    };
    let (year, 4) = number(chars, k, 4)? else {
        return None;
    };
    Some((
        Date {
            year: year as i32,
            month,
            day,
            time: None,
            offset: None,
        },
        k + 4,
    ))
}

/// The first four-digit year written in a date on the page (for `11月16日`).
pub fn page_year(text: &str) -> Option<i32> {
    find_date(text, None).map(|d| d.year)
}

/// Byte offset where a date starts in `text`, if one does.
pub fn find_date_start(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let i = (0..chars.len()).find(|&i| date_at(&chars, i, Some(2000)).is_some())?;
    text.char_indices().nth(i).map(|(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(text: &str, offset: Option<i32>) -> Option<String> {
        find_date(text, Some(2024)).map(|d| d.to_rfc3339(offset))
    }

    #[test]
    fn chinese_and_japanese_dates() {
        let cst = Some(480);
        assert_eq!(
            rfc("2024年11月16日 14:11 来源：中新网", cst).as_deref(),
            Some("2024-11-16T14:11:00+08:00")
        );
        assert_eq!(
            rfc("发布时间：2024-11-16 14:11:02", cst).as_deref(),
            Some("2024-11-16T14:11:02+08:00")
        );
        assert_eq!(
            rfc("中新网四川新闻11月16日电", cst).as_deref(),
            Some("2024-11-16")
        );
        assert_eq!(
            rfc("2024年11月16日 14時11分 配信", Some(540)).as_deref(),
            Some("2024-11-16T14:11:00+09:00")
        );
        assert_eq!(rfc("令和6年11月16日", None).as_deref(), Some("2024-11-16"));
        assert_eq!(rfc("令和元年5月1日", None).as_deref(), Some("2019-05-01"));
        assert_eq!(
            rfc("2024年11月16日（土）午後2時11分", Some(540)).as_deref(),
            Some("2024-11-16T14:11:00+09:00")
        );
        assert_eq!(
            rfc("２０２４年１１月１６日", None).as_deref(),
            Some("2024-11-16")
        );
        assert_eq!(find_date("11月16日电", None), None);
    }

    #[test]
    fn english_dates() {
        assert_eq!(
            rfc("Nov. 16, 2024 2:11 PM EST", None).as_deref(),
            Some("2024-11-16T14:11:00-05:00")
        );
        assert_eq!(rfc("16 November 2024", None).as_deref(), Some("2024-11-16"));
        assert_eq!(
            rfc("Updated 2:11 PM EST, Sat November 16, 2024", None).as_deref(),
            Some("2024-11-16T14:11:00-05:00")
        );
        assert_eq!(
            rfc("September 3rd, 2023 at 9:05 a.m.", None).as_deref(),
            Some("2023-09-03T09:05:00")
        );
        assert_eq!(
            rfc("2024-11-16T06:11:00Z", None).as_deref(),
            Some("2024-11-16T06:11:00Z")
        );
        assert_eq!(
            rfc("2024-11-16T14:11:00.123+0800", None).as_deref(),
            Some("2024-11-16T14:11:00+08:00")
        );
        // Relative dates are not dates.
        assert_eq!(rfc("3 hours ago", None), None);
        assert_eq!(rfc("yesterday", None), None);
        assert_eq!(rfc("May 2024 report", None), None);
    }

    #[test]
    fn stated_offsets_win_and_none_is_invented() {
        assert_eq!(
            rfc("2024-11-16 14:11 GMT+8", None).as_deref(),
            Some("2024-11-16T14:11:00+08:00")
        );
        assert_eq!(
            rfc("2024-11-16 14:11 UTC", Some(480)).as_deref(),
            Some("2024-11-16T14:11:00Z")
        );
        assert_eq!(
            rfc("2024-11-16 14:11", None).as_deref(),
            Some("2024-11-16T14:11:00")
        );
        assert_eq!(default_offset(Some("zh-Hant")), Some(480));
        assert_eq!(default_offset(Some("en")), None);
    }
}
