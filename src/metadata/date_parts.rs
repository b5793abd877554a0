//! The parts dates are written with: figures (ASCII or full-width), times
//! (`14:11`, `下午2点11分`, `2:11 p.m.`), offsets and zone names, era years
//! and English month names. `dates` builds whole dates from them.

/// Hour, minute, second.
pub(super) type Time = (u32, u32, u32);

/// Reads a run of ASCII or full-width digits at `i`; returns value and length.
pub(super) fn number(chars: &[char], i: usize, max_len: usize) -> Option<(u32, usize)> {
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

pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

pub(super) fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

pub(super) fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
}

/// Era years: 令和 (2019), 平成 (1989), 昭和 (1926); `元年` is year 1.
pub(super) fn era_year(chars: &[char], i: usize) -> Option<(i32, usize)> {
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
pub(super) fn time_at(chars: &[char], i: usize) -> Option<(Time, usize)> {
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
pub(super) fn offset_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
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
pub(super) fn month_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
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
