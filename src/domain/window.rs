//! When a customer may be called: Indonesian regulation (POJK 22/2023 art. 62) allows
//! collection contact Monday to Saturday, not on national holidays, 08:00-20:00 in the
//! consumer's local time. Companies may be stricter; the rules are configurable.

use super::codes::csv_rows;
use super::zone::Zone;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Utc, Weekday};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingRules {
    pub days: Vec<Weekday>,
    pub start: NaiveTime,
    /// Exclusive: at 20:00 the window is closed.
    pub end: NaiveTime,
    /// Date -> the day off: a national holiday or a cuti bersama (collective leave).
    pub holidays: BTreeMap<NaiveDate, DayOff>,
    /// What a cuti bersama day means for calling.
    pub cuti_bersama: CutiBersama,
    /// More results than this for one account in a day warn first (`calling.max_contacts_per_day`).
    pub contact_limit: usize,
    /// Where these rules came from: `default`, `system`, `user`, `env` or `flag` (receipts
    /// name it).
    pub source: &'static str,
}

/// What kind of day off a row of the holiday list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A national holiday: no collection contact (POJK 22/2023 art. 62).
    Holiday,
    /// Cuti bersama (collective leave, decreed with the holidays): not a national holiday, so
    /// collection may happen, but many companies stop.
    CutiBersama,
}

/// A day off: its name ("Idul Fitri 1447 Hijriah") and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOff {
    pub name: String,
    pub kind: DayKind,
}

/// `calling.cuti_bersama`: how a cuti bersama day is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CutiBersama {
    /// A normal working day.
    Allow,
    /// Calls allowed; the window says it is cuti bersama.
    #[default]
    Warn,
    /// Closed, like a national holiday.
    Block,
}

impl CutiBersama {
    /// From the config's words: `allow`, `warn` or `block` (any case).
    pub fn parse(s: &str) -> Option<CutiBersama> {
        match s.trim().to_ascii_lowercase().as_str() {
            "allow" => Some(CutiBersama::Allow),
            "warn" => Some(CutiBersama::Warn),
            "block" => Some(CutiBersama::Block),
            _ => None,
        }
    }
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
            cuti_bersama: CutiBersama::default(),
            contact_limit: DEFAULT_CONTACT_LIMIT,
            source: "default",
        }
    }
}

/// `calling.max_contacts_per_day` unless set.
pub const DEFAULT_CONTACT_LIMIT: usize = 3;

/// Reads `date,name[,basis][,kind]` rows, a header first. The columns are found by the
/// header's names when it has them (`kind`: `holiday` or `cuti_bersama`); a file without a
/// `kind` column (the older `date,name` and `date,name,basis`) lists holidays only.
pub fn parse_holidays(text: &str) -> Result<BTreeMap<NaiveDate, DayOff>, String> {
    let rows = csv_rows(text)?;
    let header: Vec<String> = rows
        .first()
        .map(|h| h.iter().map(|c| c.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default();
    let col =
        |name: &str, default: Option<usize>| header.iter().position(|h| h == name).or(default);
    let (date_col, name_col) = (col("date", Some(0)), col("name", Some(1)));
    let kind_col = col("kind", None);
    let mut out = BTreeMap::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim()).unwrap_or("");
        let date = cell(date_col);
        if date.is_empty() {
            continue;
        }
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| format!("holidays line {}: '{date}' is not YYYY-MM-DD", i + 1))?;
        let kind = match cell(kind_col).to_ascii_lowercase().as_str() {
            "" | "holiday" => DayKind::Holiday,
            "cuti_bersama" | "cuti bersama" => DayKind::CutiBersama,
            other => {
                return Err(format!(
                    "holidays line {}: kind '{other}' is not holiday or cuti_bersama",
                    i + 1
                ));
            }
        };
        let name = cell(name_col).to_string();
        out.insert(d, DayOff { name, kind });
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

/// Why a window is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closed {
    /// A national holiday, by name.
    Holiday(String),
    /// A cuti bersama closed by `calling.cuti_bersama = "block"`, by name.
    CutiBersama(String),
    /// A weekday the rules do not call on (Sunday).
    DayOff(Weekday),
    TooEarly,
    TooLate,
}

/// When a closed window opens: today (`day` `None`) or on another day, at `time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub day: Option<Weekday>,
    pub time: NaiveTime,
}

/// Whether a customer may be called at an instant, and why. The typed fields (`end`,
/// `closed`, `opening`) are what the workstation and the CLI word in the agent's language;
/// `note` and `opens` are the same in fixed English words, for `window_note` in JSON and CSV
/// (a contract scripts read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub callable: bool,
    /// The customer's wall-clock time.
    pub local: DateTime<chrono::FixedOffset>,
    pub zone: Zone,
    /// When an open window closes (exclusive).
    pub end: NaiveTime,
    /// Why a closed window is closed (`None` when callable).
    pub closed: Option<Closed>,
    /// When a closed window opens (`None`: callable, or no open day in the next month).
    pub opening: Option<Opening>,
    /// "until 20:00 WITA", or why not and when it opens: "Sunday; opens Mon 08:00 WITA".
    pub note: String,
    /// When a closed window opens: "08:00 WIT" today, "Mon 08:00 WITA" on another day.
    pub opens: Option<String>,
    /// The name of the cuti bersama the customer's day is, unless `calling.cuti_bersama` is
    /// `allow` (then it is a normal day): "Idul Fitri".
    pub cuti_bersama: Option<String>,
}

impl Window {
    /// Minutes until an open window closes, from the customer's clock (`local`) and `end`,
    /// rounded up: a window open for 30 seconds more closes in 1 minute, never in 0. `None`
    /// when the window is closed.
    pub fn closes_in_minutes(&self) -> Option<i64> {
        if !self.callable {
            return None;
        }
        let left = self.end.signed_duration_since(self.local.time());
        let whole = left.num_minutes();
        Some(if left > Duration::minutes(whole) {
            whole + 1
        } else {
            whole
        })
    }
}

impl CallingRules {
    /// The day's cuti bersama, unless they are normal days here.
    fn cuti_bersama_on(&self, d: NaiveDate) -> Option<&str> {
        match self.holidays.get(&d) {
            Some(off) if off.kind == DayKind::CutiBersama => {
                (self.cuti_bersama != CutiBersama::Allow).then_some(off.name.as_str())
            }
            _ => None,
        }
    }

    fn day_open(&self, d: NaiveDate) -> bool {
        let off = match self.holidays.get(&d) {
            None => false,
            Some(off) => match off.kind {
                DayKind::Holiday => true,
                DayKind::CutiBersama => self.cuti_bersama == CutiBersama::Block,
            },
        };
        self.days.contains(&d.weekday()) && !off
    }

    fn why_closed(&self, d: NaiveDate, t: NaiveTime) -> Closed {
        match self.holidays.get(&d) {
            Some(off) if off.kind == DayKind::Holiday => return Closed::Holiday(off.name.clone()),
            Some(off) if self.cuti_bersama == CutiBersama::Block => {
                return Closed::CutiBersama(off.name.clone());
            }
            _ => {}
        }
        if !self.days.contains(&d.weekday()) {
            Closed::DayOff(d.weekday())
        } else if t < self.start {
            Closed::TooEarly
        } else {
            Closed::TooLate
        }
    }

    pub fn check(&self, now: DateTime<Utc>, zone: Zone) -> Window {
        let local = now.with_timezone(&zone.offset());
        let (d, t) = (local.date_naive(), local.time());
        let cuti_bersama = self.cuti_bersama_on(d).map(str::to_string);
        if self.day_open(d) && t >= self.start && t < self.end {
            let mut note = format!("until {} {zone}", self.end.format("%H:%M"));
            if let Some(name) = &cuti_bersama {
                note.push_str(&format!(" · cuti bersama ({name})"));
            }
            return Window {
                callable: true,
                local,
                zone,
                end: self.end,
                closed: None,
                opening: None,
                note,
                opens: None,
                cuti_bersama,
            };
        }
        let closed = self.why_closed(d, t);
        let why = match &closed {
            Closed::Holiday(name) => format!("holiday ({name})"),
            Closed::CutiBersama(name) => format!("cuti bersama ({name})"),
            Closed::DayOff(_) => format!("{}", d.format("%A")),
            Closed::TooEarly => "too early".into(),
            Closed::TooLate => "too late".into(),
        };
        let open_day = (0..=31)
            .map(|k| d + Duration::days(k))
            .find(|day| self.day_open(*day) && (*day > d || t < self.start));
        let opening = open_day.map(|day| Opening {
            day: (day != d).then(|| day.weekday()),
            time: self.start,
        });
        let opens = open_day.map(|day| {
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
            end: self.end,
            closed: Some(closed),
            opening,
            note,
            opens,
            cuti_bersama,
        }
    }
}

impl CallingRules {
    /// The first instant at or after `at` when a customer in `zone` may be called (`None`: no
    /// open day in the next month). Callbacks are refused with it.
    pub fn next_open(&self, at: DateTime<Utc>, zone: Zone) -> Option<DateTime<FixedOffset>> {
        let w = self.check(at, zone);
        if w.callable {
            return Some(w.local);
        }
        let opening = w.opening?;
        let d = w.local.date_naive();
        let day = (0..=31)
            .map(|k| d + Duration::days(k))
            .find(|day| match opening.day {
                None => *day == d,
                Some(wd) => *day > d && day.weekday() == wd && self.day_open(*day),
            })?;
        day.and_time(opening.time)
            .and_local_timezone(zone.offset())
            .single()
    }

    /// When the window of `zone`'s local day holding `at` closes, as an instant.
    pub fn closes_on_day_of(&self, at: DateTime<Utc>, zone: Zone) -> DateTime<Utc> {
        let local = at.with_timezone(&zone.offset());
        let end = local.date_naive().and_time(self.end);
        end.and_local_timezone(zone.offset())
            .single()
            .map_or(at, |t| t.with_timezone(&Utc))
    }

    /// SHA-256 (hex) of the holiday table in force, one `date,kind,name` line each in date
    /// order: a receipt names the table its verdict was made under.
    pub fn holidays_sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (date, off) in &self.holidays {
            let kind = match off.kind {
                DayKind::Holiday => "holiday",
                DayKind::CutiBersama => "cuti_bersama",
            };
            h.update(format!("{date},{kind},{}\n", off.name));
        }
        hex::encode(h.finalize())
    }
}

impl CallingRules {
    /// SHA-256 (hex) of the calling rules in force, everything a verdict of the window
    /// depends on: the RFC 8785 form of `{"contact_limit", "cuti_bersama", "days", "end",
    /// "holidays": [[date, kind, name], ...], "start"}` (days `Mon`..`Sun`, times `HH:MM`).
    pub fn rules_sha256(&self) -> String {
        let days: Vec<String> = self.days.iter().map(|d| format!("{d:?}")).collect();
        let holidays: Vec<serde_json::Value> = self
            .holidays
            .iter()
            .map(|(date, off)| {
                let kind = match off.kind {
                    DayKind::Holiday => "holiday",
                    DayKind::CutiBersama => "cuti_bersama",
                };
                serde_json::json!([date.to_string(), kind, off.name])
            })
            .collect();
        let cuti = match self.cuti_bersama {
            CutiBersama::Allow => "allow",
            CutiBersama::Warn => "warn",
            CutiBersama::Block => "block",
        };
        let v = serde_json::json!({
            "contact_limit": self.contact_limit,
            "cuti_bersama": cuti,
            "days": days,
            "end": self.end.format("%H:%M").to_string(),
            "holidays": holidays,
            "start": self.start.format("%H:%M").to_string(),
        });
        super::receipt::digest(&super::jcs::canonical(&v).expect("integers and strings only"))
    }
}

/// Whether recording a contact at this window needs the consumer's consent: outside the
/// window (early, late, a day the rules do not call on, a national holiday, a cuti bersama
/// when `calling.cuti_bersama = "block"`). The form and `deskcoll submit` both ask by it.
pub fn needs_consent(window: &Window) -> bool {
    window.closed.is_some()
}

/// A contact outside the window recorded without the consumer's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentNeeded;

/// The consent given for a contact at `window`: `Err` when the window needs one and none
/// (or only blanks) was given; else the reason, trimmed, if any.
pub fn consent_for<'a>(
    window: &Window,
    given: Option<&'a str>,
) -> Result<Option<&'a str>, ConsentNeeded> {
    let given = given.map(str::trim).filter(|r| !r.is_empty());
    if needs_consent(window) && given.is_none() {
        return Err(ConsentNeeded);
    }
    Ok(given)
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

    use super::super::instants::at;

    #[test]
    fn every_cuti_bersama_setting_is_read_in_any_case() {
        assert_eq!(CutiBersama::parse("allow"), Some(CutiBersama::Allow));
        assert_eq!(CutiBersama::parse(" Warn "), Some(CutiBersama::Warn));
        assert_eq!(CutiBersama::parse("BLOCK"), Some(CutiBersama::Block));
        assert_eq!(CutiBersama::parse("skip"), None);
    }

    #[test]
    fn the_next_open_time_is_this_mornings_start_or_the_first_open_day_after() {
        let rules = CallingRules::default();
        let words =
            |t: Option<DateTime<FixedOffset>>| t.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        // Friday 06:30: opens today at 08:00.
        assert_eq!(
            words(rules.next_open(at("2026-11-27T06:30:00+07:00"), Zone::Wib)),
            Some("2026-11-27 08:00".into())
        );
        // Open now: now.
        assert_eq!(
            words(rules.next_open(at("2026-11-27T10:15:00+07:00"), Zone::Wib)),
            Some("2026-11-27 10:15".into())
        );
        // Saturday evening, the whole next week off: the Saturday after, not this one.
        let mut week_off = rules.clone();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        for day in monday.iter_days().take(5) {
            let off = DayOff {
                name: "off".into(),
                kind: DayKind::Holiday,
            };
            week_off.holidays.insert(day, off);
        }
        assert_eq!(
            words(week_off.next_open(at("2026-11-28T21:00:00+07:00"), Zone::Wib)),
            Some("2026-12-05 08:00".into())
        );
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

    #[test]
    fn minutes_until_the_window_closes_are_rounded_up_and_none_when_closed() {
        // 18:30 WIB on a Friday: 18:30 in Jakarta, 19:30 in Makassar, 20:30 in Jayapura.
        let now = at("2026-11-27T18:30:00+07:00");
        assert_eq!(rules().check(now, Zone::Wib).closes_in_minutes(), Some(90));
        assert_eq!(rules().check(now, Zone::Wita).closes_in_minutes(), Some(30));
        assert_eq!(rules().check(now, Zone::Wit).closes_in_minutes(), None);
        // Thirty seconds before the end is a minute, not none.
        let w = rules().check(at("2026-11-27T19:59:30+07:00"), Zone::Wib);
        assert_eq!(w.closes_in_minutes(), Some(1));
        let w = rules().check(at("2026-11-27T19:58:59+07:00"), Zone::Wib);
        assert_eq!(w.closes_in_minutes(), Some(2));
        // Closed for the day (Sunday): none, whatever the hour.
        let w = rules().check(at("2026-11-29T10:00:00+07:00"), Zone::Wib);
        assert_eq!(w.closes_in_minutes(), None);
    }

    fn with(mode: CutiBersama) -> CallingRules {
        CallingRules {
            cuti_bersama: mode,
            ..CallingRules::default()
        }
    }

    #[test]
    fn lebaran_2026_as_decreed() {
        let r = rules();
        let day = |s: &str| r.holidays.get(&s.parse::<NaiveDate>().unwrap()).cloned();
        let holiday = |name: &str| {
            Some(DayOff {
                name: name.into(),
                kind: DayKind::Holiday,
            })
        };
        assert_eq!(day("2026-03-21"), holiday("Idul Fitri 1447 Hijriah"));
        assert_eq!(day("2026-03-22"), holiday("Idul Fitri 1447 Hijriah"));
        let cuti: Vec<String> = r
            .holidays
            .iter()
            .filter(|(d, off)| d.year() == 2026 && off.kind == DayKind::CutiBersama)
            .map(|(d, _)| d.format("%m-%d").to_string())
            .collect();
        assert_eq!(
            cuti,
            [
                "02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"
            ]
        );
        let holidays_2026 = r
            .holidays
            .iter()
            .filter(|(d, off)| d.year() == 2026 && off.kind == DayKind::Holiday)
            .count();
        assert_eq!(holidays_2026, 17);
        // 2027 is not decreed yet: every row says so.
        for line in BUILTIN_HOLIDAYS.lines().filter(|l| l.starts_with("2027-")) {
            assert!(line.ends_with(",estimated,holiday"), "{line}");
        }
    }

    #[test]
    fn cuti_bersama_warns_by_default() {
        // Friday 20 and Monday 23 March 2026, cuti bersama Idul Fitri.
        for date in ["2026-03-20", "2026-03-23"] {
            let w = rules().check(at(&format!("{date}T10:00:00+07:00")), Zone::Wib);
            assert!(w.callable, "{date}: {w:?}");
            assert_eq!(w.note, "until 20:00 WIB · cuti bersama (Idul Fitri)");
            assert_eq!(w.cuti_bersama.as_deref(), Some("Idul Fitri"));
        }
        // Saturday 21 March is Idul Fitri itself: closed, and Monday's cuti bersama opens.
        let w = rules().check(at("2026-03-21T10:00:00+07:00"), Zone::Wib);
        assert!(!w.callable);
        assert_eq!(
            w.note,
            "holiday (Idul Fitri 1447 Hijriah); opens Mon 08:00 WIB"
        );
        assert_eq!(w.cuti_bersama, None);
        // After hours on a cuti bersama day: closed for the hour, still named.
        let w = rules().check(at("2026-03-20T20:30:00+07:00"), Zone::Wib);
        assert!(!w.callable);
        assert_eq!(w.note, "too late; opens Mon 08:00 WIB");
        assert_eq!(w.cuti_bersama.as_deref(), Some("Idul Fitri"));
        // An ordinary day has none.
        let w = rules().check(at("2026-03-25T10:00:00+07:00"), Zone::Wib);
        assert_eq!((w.note.as_str(), w.cuti_bersama), ("until 20:00 WIB", None));
    }

    #[test]
    fn cuti_bersama_allowed_is_a_normal_day() {
        for date in ["2026-03-20", "2026-03-23"] {
            let w =
                with(CutiBersama::Allow).check(at(&format!("{date}T10:00:00+07:00")), Zone::Wib);
            assert!(w.callable);
            assert_eq!(w.note, "until 20:00 WIB");
            assert_eq!(w.cuti_bersama, None);
        }
        // Still closed on the holiday itself.
        assert!(
            !with(CutiBersama::Allow)
                .check(at("2026-03-22T10:00:00+07:00"), Zone::Wib)
                .callable
        );
    }

    #[test]
    fn cuti_bersama_blocked_is_closed_like_a_holiday() {
        let block = with(CutiBersama::Block);
        // 20 Mar cuti, 21-22 Idul Fitri, 23-24 cuti: open again Wednesday 25 March.
        for date in ["2026-03-20", "2026-03-23"] {
            let w = block.check(at(&format!("{date}T10:00:00+07:00")), Zone::Wib);
            assert!(!w.callable, "{date}");
            assert_eq!(w.note, "cuti bersama (Idul Fitri); opens Wed 08:00 WIB");
            assert_eq!(w.cuti_bersama.as_deref(), Some("Idul Fitri"));
            assert_eq!(w.opens.as_deref(), Some("Wed 08:00 WIB"));
        }
        let w = block.check(at("2026-03-21T10:00:00+07:00"), Zone::Wib);
        assert_eq!(
            w.note,
            "holiday (Idul Fitri 1447 Hijriah); opens Wed 08:00 WIB"
        );
        // Tuesday 17 March after hours: 18 cuti bersama, 19 Nyepi, then Lebaran: Wednesday 25.
        let w = block.check(at("2026-03-17T20:30:00+07:00"), Zone::Wib);
        assert_eq!(w.note, "too late; opens Wed 08:00 WIB");
    }

    #[test]
    fn holiday_files_old_and_new() {
        let two = parse_holidays("date,name\n2026-03-20,Idul Fitri\n").unwrap();
        let three = parse_holidays("date,name,basis\n2026-03-20,Idul Fitri,decreed\n").unwrap();
        for days in [&two, &three] {
            assert_eq!(days.len(), 1);
            assert_eq!(days.values().next().unwrap().kind, DayKind::Holiday);
        }
        let four = parse_holidays(
            "date,kind,name\n2026-03-20,cuti_bersama,Idul Fitri\n2026-03-21,holiday,Idul Fitri 1447 H\n",
        )
        .unwrap();
        assert_eq!(
            four.values().map(|d| d.kind).collect::<Vec<_>>(),
            [DayKind::CutiBersama, DayKind::Holiday]
        );
        assert_eq!(four.values().next().unwrap().name, "Idul Fitri");
        let err = parse_holidays("date,name,basis,kind\n2026-03-20,x,decreed,libur\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("'libur'"), "{err}");
        assert_eq!(CutiBersama::parse(" Block "), Some(CutiBersama::Block));
        assert_eq!(CutiBersama::parse("maybe"), None);
        assert_eq!(CutiBersama::default(), CutiBersama::Warn);
    }

    #[test]
    fn outside_the_window_a_contact_needs_the_consumers_consent() {
        fn check<'a>(at_: &str, given: Option<&'a str>) -> Result<Option<&'a str>, ConsentNeeded> {
            consent_for(&rules().check(at(at_), Zone::Wib), given)
        }
        let r = rules();
        // Friday 10:00: open, none needed; one given is kept.
        assert_eq!(check("2026-11-27T10:00:00+07:00", None), Ok(None));
        assert_eq!(
            check("2026-11-27T10:00:00+07:00", Some(" asked ")),
            Ok(Some("asked"))
        );
        // Early, late, Sunday, a national holiday: needed, and blanks are none.
        for closed in [
            "2026-11-27T07:59:00+07:00",
            "2026-11-27T20:00:00+07:00",
            "2026-11-29T10:00:00+07:00",
            "2026-12-25T10:00:00+07:00",
        ] {
            assert_eq!(check(closed, None), Err(ConsentNeeded), "{closed}");
            assert_eq!(check(closed, Some("  ")), Err(ConsentNeeded), "{closed}");
            assert_eq!(
                check(closed, Some("asked me to call")),
                Ok(Some("asked me to call"))
            );
        }
        // Cuti bersama: by calling.cuti_bersama.
        let cuti = at("2026-12-24T10:00:00+07:00");
        assert_eq!(consent_for(&r.check(cuti, Zone::Wib), None), Ok(None));
        let block = CallingRules {
            cuti_bersama: CutiBersama::Block,
            ..rules()
        };
        assert_eq!(
            consent_for(&block.check(cuti, Zone::Wib), None),
            Err(ConsentNeeded)
        );
    }

    #[test]
    fn the_rules_hash_changes_with_every_rule_and_not_with_the_source() {
        let base = rules().rules_sha256();
        assert_eq!(base.len(), 64);
        let later = CallingRules {
            end: NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
            ..rules()
        };
        let sundays = CallingRules {
            days: vec![Weekday::Sun],
            ..rules()
        };
        let limit = CallingRules {
            contact_limit: 9,
            ..rules()
        };
        let cuti = CallingRules {
            cuti_bersama: CutiBersama::Block,
            ..rules()
        };
        let mut fewer = rules();
        fewer.holidays.pop_first();
        for other in [later, sundays, limit, cuti, fewer] {
            assert_ne!(other.rules_sha256(), base);
        }
        let from_user = CallingRules {
            source: "user",
            ..rules()
        };
        assert_eq!(from_user.rules_sha256(), base);
    }
}
