//! A UTC time written at the page's own offset: what its readers see.

use super::date_parts::{digit, time_at};
use super::dates::{find_date, Date};

/// A page's `<time>` gives its offset to a UTC time at most this far from
/// it (two weeks: a comment's time beside the post's, within one season).
const OFFSET_HOLDS_SECONDS: i64 = 14 * 86_400;

/// A UTC time (`2025-12-19T02:41:41Z`) written at the offset a page's own
/// `<time>` states (`2025-12-18T21:46:01-05:00`, a comment's): a CMS writes
/// its metas in UTC and shows its readers their own clock and day, so the
/// moment is given as they read it (`2025-12-18T21:41:41-05:00`). None when
/// `utc` is not UTC or `local` states no other offset.
pub fn at_the_offset_of(utc: &str, local: &str) -> Option<String> {
    let (u, l) = (find_date(utc, None)?, find_date(local, None)?);
    let offset = l.offset.filter(|&o| o != 0 && u.offset == Some(0))?;
    // (An offset holds for its season: a time stated in January says
    // nothing of summer time in May.)
    let (moment, apart) = (u.utc_seconds()?, l.utc_seconds()?);
    if (moment - apart).abs() > OFFSET_HOLDS_SECONDS {
        return None;
    }
    Some(written_at(moment, offset))
}

/// A `<time>`'s UTC `datetime` at the offset its text shows it
/// (`2022-02-06T12:48:06+00:00` shown as `06/02/2022 - 13:48`:
/// `2022-02-06T13:48:06+01:00`). None when the text shows no clock, the
/// same clock, or one no offset explains (not a quarter hour apart).
pub fn shown_time(datetime: &str, text: &str) -> Option<String> {
    let d = find_date(datetime, None).filter(|d| d.offset == Some(0))?;
    let (h, m, _) = d.time?;
    let chars: Vec<char> = text.chars().collect();
    let ((sh, sm, _), _) = (0..chars.len())
        .filter(|&i| i == 0 || chars.get(i - 1).and_then(|&c| digit(c)).is_none())
        .find_map(|i| time_at(&chars, i))?;
    let mut delta = (sh * 60 + sm) as i32 - (h * 60 + m) as i32;
    if delta <= -12 * 60 {
        delta += 24 * 60;
    } else if delta > 14 * 60 {
        delta -= 24 * 60;
    }
    let moment = d.utc_seconds().filter(|_| delta != 0 && delta % 15 == 0)?;
    Some(written_at(moment, delta))
}

/// The moment `moment` (seconds since 1970 UTC) written at `offset`
/// minutes, to the second.
fn written_at(moment: i64, offset: i32) -> String {
    let at = moment + i64::from(offset) * 60;
    let (days, second) = (at.div_euclid(86_400), at.rem_euclid(86_400) as u32);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    let date = Date {
        year,
        month,
        day,
        time: Some((second / 3600, second / 60 % 60, second % 60)),
        offset: Some(offset),
    };
    date.to_rfc3339(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_at_the_clock_its_text_shows() {
        for (datetime, text, shown) in [
            (
                "2022-02-06T12:48:06+00:00",
                "06/02/2022 - 13:48",
                Some("2022-02-06T13:48:06+01:00"),
            ),
            (
                "2025-12-19T02:41:41Z",
                "December 18, 2025, 9:41 pm",
                Some("2025-12-18T21:41:41-05:00"),
            ),
            (
                "2025-03-01T18:30:00Z",
                "2025年3月2日 00:00",
                Some("2025-03-02T00:00:00+05:30"),
            ),
            // The same clock, no clock, no offset explains it, not UTC.
            ("2022-02-06T12:48:06Z", "6 Feb 2022, 12:48", None),
            ("2022-02-06T12:48:06Z", "6 Feb 2022", None),
            ("2022-02-06T12:48:06Z", "13:55", None),
            ("2022-02-06T12:48:06+01:00", "13:48", None),
        ] {
            assert_eq!(
                shown_time(datetime, text).as_deref(),
                shown,
                "{datetime} {text}"
            );
        }
    }

    #[test]
    fn a_utc_time_at_the_pages_offset() {
        for (utc, local, shown) in [
            (
                "2025-12-19T03:05:00+00:00",
                "2025-12-18T19:05:00-08:00",
                "2025-12-18T19:05:00-08:00",
            ),
            (
                "2025-12-18T23:25:38Z",
                "2025-12-19T04:25:38+0500",
                "2025-12-19T04:25:38+05:00",
            ),
            // Another moment on the page (a comment's) gives the offset.
            (
                "2025-12-19T02:41:41Z",
                "2025-12-18T21:46:01-05:00",
                "2025-12-18T21:41:41-05:00",
            ),
            // Across a month, a year and a leap day.
            (
                "2024-03-01T02:00:00Z",
                "2024-02-29T21:00:00-05:00",
                "2024-02-29T21:00:00-05:00",
            ),
            (
                "2025-01-01T00:30:00Z",
                "2024-12-31T19:30:00-05:00",
                "2024-12-31T19:30:00-05:00",
            ),
            (
                "2022-02-06T12:48:06Z",
                "2022-02-06T13:48:00+01:00",
                "2022-02-06T13:48:06+01:00",
            ),
        ] {
            assert_eq!(
                at_the_offset_of(utc, local).as_deref(),
                Some(shown),
                "{utc} {local}"
            );
        }
        for (utc, local) in [
            // No time, no offset, UTC both, a stated time not in UTC.
            ("2025-12-19T03:05:00Z", "2025-12-18"),
            ("2025-12-19T03:05:00Z", "2025-12-18T19:05:00"),
            ("2025-12-19T03:05:00Z", "2025-12-19T03:05:00+00:00"),
            ("2025-12-19T03:05:00-08:00", "2025-12-19T06:05:00-05:00"),
            ("2025-12-19", "2025-12-19T06:05:00-05:00"),
            // A time of another season: its offset may not hold.
            ("2015-05-12T06:05:27Z", "2026-01-25T12:56:29-07:00"),
        ] {
            assert_eq!(at_the_offset_of(utc, local), None, "{utc} {local}");
        }
    }
}
