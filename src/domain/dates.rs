//! Date spellings seen from the servers, and the one we write.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// How results are written on the wire: `2021-12-29 00:00:00`.
pub const WIRE_DATETIME: &str = "%Y-%m-%d %H:%M:%S";
pub const DATE: &str = "%Y-%m-%d";
/// The desk-collection server's locale form: `2/20/2021 12:00:00 AM`.
pub const US_DATETIME: &str = "%-m/%-d/%Y %-I:%M:%S %p";

/// Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `M/D/YYYY h:mm:ss AM`, `M/D/YYYY` and RFC 3339
/// (kept in the offset it was written in). Anything else is `None`.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    // The two spellings the server writes for every task, read without a format string:
    // a 100,000-task list holds 200,000 of them.
    if let Some(dt) = fast_iso(s) {
        return Some(dt);
    }
    if s.contains('/') {
        // The server's locale form; nothing else uses slashes.
        return NaiveDateTime::parse_from_str(s, "%m/%d/%Y %I:%M:%S %p")
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%m/%d/%Y %H:%M:%S"))
            .ok()
            .or_else(|| {
                NaiveDate::parse_from_str(s, "%m/%d/%Y")
                    .ok()
                    .map(|d| d.and_time(NaiveTime::MIN))
            });
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local());
    }
    for fmt in [
        WIRE_DATETIME,
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt);
        }
    }
    for fmt in [DATE, "%m/%d/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d.and_time(NaiveTime::MIN));
        }
    }
    None
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, digits checked one by one.
fn fast_iso(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 && b.len() != 19 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    if b.len() == 10 {
        return Some(date.and_time(NaiveTime::MIN));
    }
    if b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let time = NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    Some(date.and_time(time))
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_datetime(s).map(|dt| dt.date())
}

pub fn wire(dt: NaiveDateTime) -> String {
    dt.format(WIRE_DATETIME).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_locale_form_reads_afternoon() {
        let dt = parse_datetime("12/1/2021 3:04:05 PM").unwrap();
        assert_eq!(wire(dt), "2021-12-01 15:04:05");
    }

    #[test]
    fn the_fast_path_reads_both_server_spellings_itself() {
        let at = |h, m, s| {
            NaiveDate::from_ymd_opt(2026, 11, 27)
                .unwrap()
                .and_hms_opt(h, m, s)
                .unwrap()
        };
        assert_eq!(fast_iso("2026-11-27 10:05:09"), Some(at(10, 5, 9)));
        assert_eq!(fast_iso("2026-11-27 23:59:58"), Some(at(23, 59, 58)));
        assert_eq!(fast_iso("2026-11-27"), Some(at(0, 0, 0)));
        assert_eq!(
            fast_iso("1999-01-31"),
            NaiveDate::from_ymd_opt(1999, 1, 31).map(|d| d.and_time(NaiveTime::MIN))
        );
    }

    #[test]
    fn the_fast_path_leaves_every_other_spelling_to_the_formats() {
        for s in [
            "2026-11-27T10:05:09",
            "2026-11-27 10-05-09",
            "2026-11-27 10:05-09",
            "2026-11-27 10-05:09",
            "2026/11/27",
            "2026-11/27",
            "2026/11-27",
            "2026-11-2",
            "2026-11-27 10:05",
            "2026-11-27 10:05:0x",
            "",
        ] {
            assert_eq!(fast_iso(s), None, "{s:?}");
        }
        // ... which still read them.
        assert_eq!(
            parse_datetime("2026-11-27T10:05:09").map(wire).as_deref(),
            Some("2026-11-27 10:05:09")
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(parse_datetime("2021-02-30"), None);
        assert_eq!(parse_datetime("13/1/2021 1:00:00 AM"), None);
    }
}
