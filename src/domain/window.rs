//! When a customer may be called: Indonesian regulation (POJK 22/2023 art. 62) allows
//! collection contact Monday to Saturday, not on national holidays, 08:00-20:00 in the
//! consumer's local time. Companies may be stricter; the rules are configurable.

use super::codes::csv_rows;
use super::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingRules {
    pub days: Vec<Weekday>,
    pub start: NaiveTime,
    /// Exclusive: at 20:00 the window is closed.
    pub end: NaiveTime,
    /// Date -> name.
    pub holidays: BTreeMap<NaiveDate, String>,
}

const BUILTIN_HOLIDAYS: &str = include_str!("../../assets/holidays.csv");

impl Default for CallingRules {
    fn default() -> Self {
        CallingRules {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
            ],
            start: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
            end: NaiveTime::from_hms_opt(20, 0, 0).expect("valid time"),
            holidays: parse_holidays(BUILTIN_HOLIDAYS).expect("assets/holidays.csv is valid"),
        }
    }
}

/// Reads `date,name[,...]` rows (a header first).
pub fn parse_holidays(text: &str) -> Result<BTreeMap<NaiveDate, String>, String> {
    let mut out = BTreeMap::new();
    for (i, row) in csv_rows(text)?.into_iter().enumerate().skip(1) {
        let date = row.first().map(|s| s.trim()).unwrap_or("");
        if date.is_empty() {
            continue;
        }
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| format!("holidays line {}: '{date}' is not YYYY-MM-DD", i + 1))?;
        out.insert(d, row.get(1).cloned().unwrap_or_default());
    }
    Ok(out)
}

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    match s.trim().to_ascii_lowercase().get(..3)? {
        "mon" | "sen" => Some(Weekday::Mon),
        "tue" | "sel" => Some(Weekday::Tue),
        "wed" | "rab" => Some(Weekday::Wed),
        "thu" | "kam" => Some(Weekday::Thu),
        "fri" | "jum" => Some(Weekday::Fri),
        "sat" | "sab" => Some(Weekday::Sat),
        "sun" | "min" => Some(Weekday::Sun),
        _ => None,
    }
}

/// Whether a customer may be called at an instant, and the words for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub callable: bool,
    /// The customer's wall-clock time.
    pub local: DateTime<chrono::FixedOffset>,
    pub zone: Zone,
    /// "until 20:00 WITA", or why not and when it opens: "Sunday; opens Mon 08:00 WITA".
    pub note: String,
    /// When a closed window opens: "08:00 WIT" today, "Mon 08:00 WITA" on another day.
    pub opens: Option<String>,
}

impl CallingRules {
    fn day_open(&self, d: NaiveDate) -> bool {
        self.days.contains(&d.weekday()) && !self.holidays.contains_key(&d)
    }

    fn why_closed(&self, d: NaiveDate, t: NaiveTime) -> String {
        if let Some(name) = self.holidays.get(&d) {
            format!("holiday ({name})")
        } else if !self.days.contains(&d.weekday()) {
            format!("{}", d.format("%A"))
        } else if t < self.start {
            "too early".into()
        } else {
            "too late".into()
        }
    }

    pub fn check(&self, now: DateTime<Utc>, zone: Zone) -> Window {
        let local = now.with_timezone(&zone.offset());
        let (d, t) = (local.date_naive(), local.time());
        if self.day_open(d) && t >= self.start && t < self.end {
            return Window {
                callable: true,
                local,
                zone,
                note: format!("until {} {zone}", self.end.format("%H:%M")),
                opens: None,
            };
        }
        let why = self.why_closed(d, t);
        let opens = (0..=31)
            .map(|k| d + Duration::days(k))
            .find(|day| self.day_open(*day) && (*day > d || t < self.start));
        let opens = opens.map(|day| {
            let at = format!("{} {zone}", self.start.format("%H:%M"));
            if day == d {
                at
            } else {
                format!("{} {at}", day.format("%a"))
            }
        });
        let note = match &opens {
            Some(at) => format!("{why}; opens {at}"),
            None => format!("{why}; no open day in the next month"),
        };
        Window {
            callable: false,
            local,
            zone,
            note,
            opens,
        }
    }
}

/// A task's zone (from its address, else its branch) and its window now.
pub fn for_task(
    task: &super::Task,
    regions: &super::zone::RegionTable,
    rules: &CallingRules,
    now: DateTime<Utc>,
) -> (super::zone::ZoneGuess, Window) {
    let guess = zone_of_task(task, regions);
    let window = for_zone(&guess, rules, now);
    (guess, window)
}

/// Where a customer lives, as far as the calling window cares: the place written last in the
/// address, else the branch. The costly half of `for_task`, done once per list.
pub fn zone_of_task(
    task: &super::Task,
    regions: &super::zone::RegionTable,
) -> super::zone::ZoneGuess {
    regions.zone_of(&task.address, &task.branch_name)
}

/// The window of a customer whose zone is known: the cheap half of `for_task`, redone each
/// minute.
pub fn for_zone(
    guess: &super::zone::ZoneGuess,
    rules: &CallingRules,
    now: DateTime<Utc>,
) -> Window {
    rules.check(now, guess.zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn rules() -> CallingRules {
        CallingRules::default()
    }

    #[test]
    fn the_last_minute_is_open_the_end_is_closed() {
        // Friday 27 November 2026.
        let w = rules().check(at("2026-11-27T19:59:00+08:00"), Zone::Wita);
        assert!(w.callable, "{w:?}");
        assert_eq!(w.note, "until 20:00 WITA");
        let w = rules().check(at("2026-11-27T20:00:00+08:00"), Zone::Wita);
        assert!(!w.callable);
        assert_eq!(w.note, "too late; opens Sat 08:00 WITA");
        let w = rules().check(at("2026-11-27T07:59:59+09:00"), Zone::Wit);
        assert_eq!(w.note, "too early; opens 08:00 WIT");
    }

    #[test]
    fn one_instant_three_zones() {
        // 12:30 UTC on a Friday: 19:30 WIB (open), 20:30 WITA and 21:30 WIT (closed).
        let now = at("2026-11-27T12:30:00Z");
        assert!(rules().check(now, Zone::Wib).callable);
        assert!(!rules().check(now, Zone::Wita).callable);
        assert!(!rules().check(now, Zone::Wit).callable);
        assert_eq!(
            rules()
                .check(now, Zone::Wit)
                .local
                .format("%H:%M")
                .to_string(),
            "21:30"
        );
    }

    #[test]
    fn sunday_is_closed_until_monday() {
        let w = rules().check(at("2026-11-29T10:00:00+07:00"), Zone::Wib);
        assert!(!w.callable);
        assert_eq!(w.note, "Sunday; opens Mon 08:00 WIB");
        // Saturday evening after hours opens Monday, not Sunday.
        let w = rules().check(at("2026-11-28T20:30:00+07:00"), Zone::Wib);
        assert_eq!(w.note, "too late; opens Mon 08:00 WIB");
    }

    #[test]
    fn a_holiday_is_closed() {
        // Tuesday 17 February 2026, Imlek.
        let w = rules().check(at("2026-02-17T10:00:00+07:00"), Zone::Wib);
        assert!(!w.callable);
        assert_eq!(
            w.note,
            "holiday (Tahun Baru Imlek 2577 Kongzili); opens Wed 08:00 WIB"
        );
    }

    #[test]
    fn new_years_eve_in_wib_is_new_years_day_in_wit() {
        // 15:30 UTC on 31 Dec 2026: 22:30 WIB (still the old year, after hours) and 00:30 WIT
        // on 1 January 2027, a holiday.
        let now = at("2026-12-31T15:30:00Z");
        let wib = rules().check(now, Zone::Wib);
        assert_eq!(wib.local.date_naive().to_string(), "2026-12-31");
        assert_eq!(
            wib.note, "too late; opens Sat 08:00 WIB",
            "1 Jan is a holiday, 2 Jan a Saturday"
        );
        let wit = rules().check(now, Zone::Wit);
        assert_eq!(wit.local.date_naive().to_string(), "2027-01-01");
        assert!(
            wit.note.starts_with("holiday (Tahun Baru Masehi)"),
            "{}",
            wit.note
        );
        // At 08:30 WIB on 31 December the WIB customer may be called; it is 10:30 in WIT.
        assert!(
            rules()
                .check(at("2026-12-31T08:30:00+07:00"), Zone::Wib)
                .callable
        );
    }

    #[test]
    fn stricter_company_rules() {
        let strict = CallingRules {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            ..CallingRules::default()
        };
        assert!(
            !strict
                .check(at("2026-11-28T10:00:00+07:00"), Zone::Wib)
                .callable,
            "no Saturdays"
        );
        assert!(
            !strict
                .check(at("2026-11-27T17:30:00+07:00"), Zone::Wib)
                .callable
        );
        assert_eq!(parse_weekday("Sabtu"), Some(Weekday::Sat));
        assert!(parse_holidays("date,name\n2026-13-01,x\n").is_err());
    }
}
