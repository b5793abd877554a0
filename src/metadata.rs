//! Stage 5, metadata: dates (Chinese, Japanese, English, ISO) to RFC 3339,
//! credit lines (`来源：` `编辑：` `By …`) to fields, and the text's language.
//!
//! Written as small scanners rather than with `regex`: the patterns are few,
//! and the regex engine would cost more wasm than this whole module.

use crate::repair::punctuation::is_cjk_letter;

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
    pub fn to_rfc3339(&self, default_offset: Option<i32>) -> String {
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

/// Splits a list of names: `、` `，` `,` `和` `及` `与` `/` `;` ` and ` ` & `,
/// and spaces between CJK names. Empty pieces are dropped.
pub fn split_names(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    let normalized = value.replace(" and ", "、").replace(" & ", "、");
    for piece in normalized.split(['、', '，', ',', '和', '及', '与', '與', '/', ';', '；'])
    {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        // "张三 李四": CJK names separated by spaces are several names.
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.len() > 1 && words.iter().all(|w| w.chars().all(is_cjk_letter)) {
            names.extend(words.iter().map(|w| w.to_string()));
        } else {
            names.push(words.join(" "));
        }
    }
    names
}

/// Who a credit line names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits {
    /// `来源：…` / `Source: …`.
    pub source: Option<String>,
    /// `作者` `记者` `通讯员` `By …`.
    pub authors: Vec<String>,
    /// `编辑` `责任编辑` `Editor`.
    pub editors: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Author,
    Editor,
    /// Photographers and other credits with no field of their own.
    Other,
}

/// Credit keys, longest first so `责任编辑` wins over `编辑`.
const CREDIT_KEYS: &[(&str, Role)] = &[
    ("责任编辑", Role::Editor),
    ("責任編輯", Role::Editor),
    ("来源", Role::Source),
    ("來源", Role::Source),
    ("出典", Role::Source),
    ("Source", Role::Source),
    ("责编", Role::Editor),
    ("責編", Role::Editor),
    ("编辑", Role::Editor),
    ("編輯", Role::Editor),
    ("編集", Role::Editor),
    ("Editor", Role::Editor),
    ("作者", Role::Author),
    ("撰文", Role::Author),
    ("撰稿", Role::Author),
    ("通讯员", Role::Author),
    ("通訊員", Role::Author),
    ("记者", Role::Author),
    ("記者", Role::Author),
    ("By ", Role::Author),
    ("BY ", Role::Author),
    ("摄影", Role::Other),
    ("攝影", Role::Other),
    ("发布时间", Role::Other),
    ("發布時間", Role::Other),
    ("Updated", Role::Other),
    ("Published", Role::Other),
];

/// News agencies that follow a byline as the source: `By John Smith, Reuters`.
const AGENCIES: &[&str] = &[
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "Bloomberg",
    "Xinhua",
    "Kyodo",
];

/// Reads `来源：中新网四川 编辑：曹惠君`, `By John Smith and Jane Doe | Updated …`.
pub fn credits(line: &str) -> Credits {
    // (byte position, key length, role), non-overlapping, in order.
    let mut keys: Vec<(usize, usize, Role)> = Vec::new();
    for &(key, role) in CREDIT_KEYS {
        for (at, _) in line.match_indices(key) {
            let latin = key.is_ascii();
            let boundary = !latin
                || at == 0
                || line
                    .get(..at)
                    .is_some_and(|b| b.ends_with([' ', '|', '\n', '·']));
            let overlaps = keys
                .iter()
                .any(|&(p, l, _)| at < p + l && p < at + key.len());
            if boundary && !overlaps {
                keys.push((at, key.len(), role));
            }
        }
    }
    keys.sort_by_key(|&(p, _, _)| p);
    let mut out = Credits::default();
    for (n, &(at, len, role)) in keys.iter().enumerate() {
        let end = keys.get(n + 1).map_or(line.len(), |&(p, _, _)| p);
        let value = line.get(at + len..end).unwrap_or_default();
        let value = value.trim_start_matches([':', '：', ' ', '\u{3000}']);
        // The value ends at a wide gap, a bar, or a date.
        let value = value
            .split(['|', '｜', '\u{3000}'])
            .next()
            .unwrap_or_default();
        let value = value.split("  ").next().unwrap_or_default();
        let value = match find_date_start(value) {
            Some(cut) => value.get(..cut).unwrap_or_default(),
            None => value,
        };
        let value = value.trim().trim_end_matches([',', '，', ';']).trim();
        if value.is_empty() {
            continue;
        }
        match role {
            Role::Source => {
                out.source.get_or_insert_with(|| value.to_string());
            }
            Role::Editor => out.editors.extend(split_names(value)),
            Role::Author => {
                for name in split_names(value) {
                    if AGENCIES.contains(&name.as_str()) {
                        out.source.get_or_insert(name);
                    } else {
                        out.authors.push(name);
                    }
                }
            }
            Role::Other => {}
        }
    }
    out
}

/// Byte offset where a date starts in `text`, if one does.
fn find_date_start(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let i = (0..chars.len()).find(|&i| date_at(&chars, i, Some(2000)).is_some())?;
    text.char_indices().nth(i).map(|(b, _)| b)
}

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

    #[test]
    fn names_split() {
        assert_eq!(split_names("张三、李四和王五"), ["张三", "李四", "王五"]);
        assert_eq!(split_names("张三 李四"), ["张三", "李四"]);
        assert_eq!(
            split_names("John Smith and Jane Doe"),
            ["John Smith", "Jane Doe"]
        );
        assert_eq!(split_names("曹惠君"), ["曹惠君"]);
    }

    #[test]
    fn credit_lines() {
        let c = credits("2024年11月16日 14:11 来源：中新网四川 编辑：曹惠君");
        assert_eq!(c.source.as_deref(), Some("中新网四川"));
        assert_eq!(c.editors, ["曹惠君"]);
        let c = credits("来源：新华网 作者：张三、李四 责任编辑：王五");
        assert_eq!(
            (c.source.as_deref(), c.authors.len(), c.editors.as_slice()),
            (Some("新华网"), 2, &["王五".to_string()][..])
        );
        let c =
            credits("By John Smith and Jane Doe, Reuters | Updated 2:11 PM EST, November 16, 2024");
        assert_eq!(c.authors, ["John Smith", "Jane Doe"]);
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        let c = credits("2024年11月16日 14時11分 配信 記者 山田太郎");
        assert_eq!(c.authors, ["山田太郎"]);
        assert_eq!(credits("本网讯 会议召开"), Credits::default());
    }

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
