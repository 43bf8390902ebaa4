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
    fn impossible_dates_are_refused() {
        assert_eq!(parse_datetime("2021-02-30"), None);
        assert_eq!(parse_datetime("13/1/2021 1:00:00 AM"), None);
    }
}
