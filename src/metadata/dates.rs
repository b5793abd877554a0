//! Dates as pages write them (Chinese, Japanese, English, ISO 8601, with a
//! time and offset when written beside them) to RFC 3339.
//!
//! Written as small scanners rather than with `regex`: the patterns are few,
//! and the regex engine would cost more wasm than this whole module. The
//! parts (figures, times, offsets, month names) are in `date_parts`.

use super::date_parts::{
    digit, era_year, month_at, number, offset_at, skip_spaces, starts_with, time_at, Time,
};

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
    /// A day without a time.
    fn on(year: i32, month: u32, day: u32) -> Self {
        Date {
            year,
            month,
            day,
            time: None,
            offset: None,
        }
    }

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

    /// Seconds since 1970-01-01T00:00:00Z, when the time and offset are
    /// stated (days from the civil date: H. Hinnant's algorithm).
    pub(super) fn utc_seconds(self) -> Option<i64> {
        let ((h, m, s), offset) = (self.time?, self.offset?);
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(self.month) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        Some(days * 86_400 + i64::from(h * 3600 + m * 60 + s) - i64::from(offset) * 60)
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
        .or_else(|| english_date(chars, i))
        .or_else(|| year_first_date(chars, i))
        .or_else(|| numeric_date(chars, i))?;
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
    let mut date = Date::on(year, month, day);
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

/// Spaces at most between a year and its `MM/DD`.
const YEAR_GAP_MAX: usize = 3;

fn iso_date(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let (year, 4) = number(chars, i, 4)? else {
        return None;
    };
    let sep = *chars.get(i + 4)?;
    // `2024 11/16 09:35:20`: the year set apart from month and day, as a
    // headline's date block lays them out.
    let (sep, m_at) = match sep {
        '-' | '/' | '.' => (sep, i + 5),
        ' ' => {
            let m = skip_spaces(chars, i + 4);
            if m > i + 4 + YEAR_GAP_MAX {
                return None;
            }
            ('/', m)
        }
        _ => return None,
    };
    let (month, ml) = number(chars, m_at, 2)?;
    if chars.get(m_at + ml) != Some(&sep) {
        return None;
    }
    let (day, dl) = number(chars, m_at + ml + 1, 2)?;
    let mut j = m_at + ml + 1 + dl;
    let mut date = Date::on(year as i32, month, day);
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

/// "2023 Jan 7": the citation order of medical journals (NLM), which their
/// pages' `citation_publication_date` metas use too.
fn year_first_date(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let (year, 4) = number(chars, i, 4)? else {
        return None;
    };
    let j = skip_spaces(chars, i + 4);
    let (month, ml) = month_at(chars, j).filter(|_| j > i + 4)?;
    let k = skip_spaces(chars, j + ml);
    let (day, dl) = number(chars, k, 2).filter(|_| k > j + ml)?;
    Some((Date::on(year as i32, month, day), k + dl))
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
        return Some((Date::on(year as i32, month, day), k + 4));
    }
    // "16 November 2024", "30th March 2025", "1st of May 2024"
    let (day, dl) = number(chars, i, 2)?;
    let mut j = i + dl;
    if let Some(suffix) = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| starts_with(chars, j, s))
    {
        j += suffix.len();
        j = skip_spaces(chars, j);
        if starts_with(chars, j, "of ") {
            j += 3;
        }
    }
    let j = skip_spaces(chars, j);
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
    Some((Date::on(year as i32, month, day), k + 4))
}

/// `9/17/2004 5:54:13 AM`, `17.09.2004`: a day and a month in figures
/// before a four-digit year, read only when the order is sure: a number over
/// 12 can only be the day; otherwise dots are the day-first order of the
/// continent and Russia, and a 12-hour clock after slashes the month-first
/// order of the United States. `03/04/2024` alone is left unread.
fn numeric_date(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let (a, al) = number(chars, i, 2)?;
    let sep = *chars.get(i + al)?;
    // (`11-29-2024, 09:03 AM`: forum software writes hyphens too.)
    if !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    let (b, bl) = number(chars, i + al + 1, 2)?;
    let j = i + al + 1 + bl;
    if chars.get(j) != Some(&sep) {
        return None;
    }
    let (year, 4) = number(chars, j + 1, 4)? else {
        return None;
    };
    let mut end = j + 5;
    if chars
        .get(end)
        .is_some_and(|&c| digit(c).is_some() || c == sep)
    {
        return None;
    }
    let mut k = skip_spaces(chars, end);
    if chars.get(k) == Some(&',') {
        k = skip_spaces(chars, k + 1);
    }
    let time = time_at(chars, k);
    let twelve_hour = time.is_some_and(|(_, tl)| {
        chars
            .get(k..k + tl)
            .is_some_and(|t| t.iter().any(|c| c.eq_ignore_ascii_case(&'m')))
    });
    let (month, day) = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        (false, false) if sep == '.' => (b, a),
        (false, false) if twelve_hour => (a, b),
        _ => return None,
    };
    let mut date = Date::on(year as i32, month, day);
    if let Some((t, tl)) = time {
        date.time = Some(t);
        date.offset = offset_at(chars, k + tl).map(|(o, _)| o);
        end = k + tl;
    }
    Some((date, end))
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
    fn numeric_dates() {
        assert_eq!(
            rfc(" 2024 11/16 09:35:20 ", Some(480)).as_deref(),
            Some("2024-11-16T09:35:20+08:00")
        );
        assert_eq!(rfc("2024 11-16", None), None);
        assert_eq!(
            rfc("11-29-2024, 09:03 AM", None).as_deref(),
            Some("2024-11-29T09:03:00")
        );
        assert_eq!(rfc("29-11-2024", None).as_deref(), Some("2024-11-29"));
        // Day and month unknowable without a 12-hour clock.
        assert_eq!(rfc("03-04-2025", None), None);
        assert_eq!(
            rfc("发布日期： 9/17/2004 5:54:13 AM", None).as_deref(),
            Some("2004-09-17T05:54:13")
        );
        assert_eq!(
            rfc("7/5/2005 9:23:57 PM", None).as_deref(),
            Some("2005-07-05T21:23:57")
        );
        assert_eq!(rfc("17.09.2004", None).as_deref(), Some("2004-09-17"));
        assert_eq!(rfc("03.04.2024", None).as_deref(), Some("2024-04-03"));
        assert_eq!(rfc("17/9/2004", None).as_deref(), Some("2004-09-17"));
        // Either order could be meant: left unread.
        assert_eq!(rfc("03/04/2024", None), None);
        // Versions and numbers are no dates.
        assert_eq!(rfc("1.2.2024.5", None), None);
        assert_eq!(rfc("13/13/2024", None), None);
    }

    #[test]
    fn english_dates() {
        assert_eq!(
            rfc("Nov. 16, 2024 2:11 PM EST", None).as_deref(),
            Some("2024-11-16T14:11:00-05:00")
        );
        assert_eq!(rfc("16 November 2024", None).as_deref(), Some("2024-11-16"));
        assert_eq!(
            rfc("30th March 2025, 16:26", None).as_deref(),
            Some("2025-03-30T16:26:00")
        );
        assert_eq!(
            rfc("the 1st of May 2024", None).as_deref(),
            Some("2024-05-01")
        );
        // (A count before a month is no date: `4th May` needs its year.)
        assert_eq!(rfc("the 4th May", None), None);
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
        assert_eq!(
            rfc("Cureus. 2023 Jan 7;15(1):e33475.", None).as_deref(),
            Some("2023-01-07")
        );
        assert_eq!(rfc("2023 Jan", None), None);
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
