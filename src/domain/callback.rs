//! Callbacks: "call me back at four". A time in the customer's own zone, allowed only inside
//! their calling window, then pending, due, done (a new result after it fell due) or missed
//! (the window closed first).

use super::lang::Lang;
use super::outbox::{DayRecord, DeliveryState};
use super::window::CallingRules;
use super::zone::Zone;
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, Utc};
use std::collections::HashMap;
use std::fmt;

/// A promised call: when (an instant) and in whose zone it was agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Callback {
    pub due_utc: DateTime<Utc>,
    pub zone: Zone,
}

/// Why a callback time is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackRefusal {
    /// Not `HH:MM` / `HH.MM`, `YYYY-MM-DD HH:MM` or `+2h` / `+2j` / `+2d` / `+30m`.
    NotATime { typed: String },
    /// Not after now.
    Past { at: String },
    /// Outside the customer's calling window (or on a holiday); `next` is the first allowed
    /// time after it, in the customer's zone ("2026-11-30 08:00 WIT"), if any.
    Closed { at: String, next: Option<String> },
}

impl fmt::Display for CallbackRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallbackRefusal::NotATime { typed } => write!(
                f,
                "'{typed}' is not a time (use HH:MM, YYYY-MM-DD HH:MM or +2h)"
            ),
            CallbackRefusal::Past { at } => write!(f, "{at} has passed"),
            CallbackRefusal::Closed {
                at,
                next: Some(next),
            } => write!(
                f,
                "{at} is outside the customer's calling window; next allowed {next}"
            ),
            CallbackRefusal::Closed { at, next: None } => write!(
                f,
                "{at} is outside the customer's calling window; none open in the next month"
            ),
        }
    }
}

/// Where a callback stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    /// Not yet due.
    Pending,
    /// Due, its window still open, no result since.
    Due,
    /// A result was recorded for the account after it fell due.
    Done,
    /// Its window closed before a result was recorded.
    Missed,
}

impl CallbackStatus {
    pub const ALL: [CallbackStatus; 4] = [
        CallbackStatus::Pending,
        CallbackStatus::Due,
        CallbackStatus::Done,
        CallbackStatus::Missed,
    ];

    pub fn wire(self) -> &'static str {
        match self {
            CallbackStatus::Pending => "pending",
            CallbackStatus::Due => "due",
            CallbackStatus::Done => "done",
            CallbackStatus::Missed => "missed",
        }
    }
}

/// A local time with its zone, as receipts, refusals and lists write it.
pub fn local_words(t: DateTime<FixedOffset>) -> String {
    format!(
        "{} {}",
        t.format("%Y-%m-%d %H:%M"),
        Zone::label(*t.offset())
    )
}

/// Reads a callback typed in the customer's local time, as the screen writes times in either
/// language: `14:00` or `14.00` (today there), `YYYY-MM-DD 14:00` (or `14.00`), or ahead of
/// now: `+30m` minutes, `+2j` hours (jam) and `+2d` days in both languages, and `+2h`, which
/// is hours in English and days in Indonesian (hari), as each reads it. Refuses one that has
/// passed or falls outside the customer's calling window (a holiday, a Sunday, after hours),
/// naming the next allowed time.
pub fn parse(
    input: &str,
    now: DateTime<Utc>,
    zone: Zone,
    rules: &CallingRules,
    lang: Lang,
) -> Result<Callback, CallbackRefusal> {
    let typed = input.trim();
    let offset = zone.offset();
    let not_a_time = || CallbackRefusal::NotATime {
        typed: typed.to_string(),
    };
    let due: DateTime<Utc> = if let Some(ahead) = typed.strip_prefix('+') {
        let ahead = ahead.trim().to_ascii_lowercase();
        let (n, unit) = ahead.split_at(ahead.len().saturating_sub(1));
        let n: i64 = n.trim().parse().map_err(|_| not_a_time())?;
        let minutes = match (unit, lang) {
            ("j", _) | ("h", Lang::En) => n.checked_mul(60),
            ("d", _) | ("h", Lang::Id) => n.checked_mul(60 * 24),
            ("m", _) => Some(n),
            _ => None,
        }
        .filter(|m| (1..=60 * 24 * 31).contains(m))
        .ok_or_else(not_a_time)?;
        now + Duration::minutes(minutes)
    } else {
        // 14.00 as Indonesian writes it is 14:00.
        let typed = typed.replace('.', ":");
        let local_today = now.with_timezone(&offset).date_naive();
        let naive = NaiveTime::parse_from_str(&typed, "%H:%M")
            .map(|t| local_today.and_time(t))
            .or_else(|_| NaiveDateTime::parse_from_str(&typed, "%Y-%m-%d %H:%M"))
            .map_err(|_| not_a_time())?;
        naive
            .and_local_timezone(offset)
            .single()
            .ok_or_else(not_a_time)?
            .with_timezone(&Utc)
    };
    let at = local_words(due.with_timezone(&offset));
    if due <= now {
        return Err(CallbackRefusal::Past { at });
    }
    if !rules.check(due, zone).callable {
        let next = rules.next_open(due, zone).map(local_words);
        return Err(CallbackRefusal::Closed { at, next });
    }
    Ok(Callback { due_utc: due, zone })
}

impl Callback {
    pub fn due_local(&self) -> DateTime<FixedOffset> {
        self.due_utc.with_timezone(&self.zone.offset())
    }

    /// Where it stands at `now`, given when the account's first result at or after the due
    /// time was recorded (`answered`), if any. Done only when that result came before the
    /// window closed: one recorded after is a callback missed (and a new call).
    pub fn status(
        &self,
        now: DateTime<Utc>,
        answered: Option<DateTime<Utc>>,
        rules: &CallingRules,
    ) -> CallbackStatus {
        let closes = rules.closes_on_day_of(self.due_utc, self.zone);
        if answered.is_some_and(|t| t >= self.due_utc && t < closes) {
            CallbackStatus::Done
        } else if now < self.due_utc {
            CallbackStatus::Pending
        } else if now >= closes {
            CallbackStatus::Missed
        } else {
            CallbackStatus::Due
        }
    }

    /// Due within `minutes` from `now` (or already due), and not yet past its window.
    pub fn due_within(&self, now: DateTime<Utc>, minutes: i64) -> bool {
        self.due_utc <= now + Duration::minutes(minutes)
    }
}

/// An account's callback where it stands: the latest one agreed with the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub account_no: String,
    /// As recorded with the result (may be empty).
    pub name: String,
    pub callback: Callback,
    pub status: CallbackStatus,
}

/// `deskcoll callbacks --format json`: `account_no`, `name`, `due_local` ("2026-11-27 16:00
/// WIT"), `time_zone`, `due_utc` (RFC 3339) and `status`.
impl serde::Serialize for Listed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            account_no: &'a str,
            name: &'a str,
            due_local: String,
            time_zone: &'static str,
            due_utc: String,
            status: &'static str,
        }
        Wire {
            account_no: &self.account_no,
            name: &self.name,
            due_local: local_words(self.callback.due_local()),
            time_zone: self.callback.zone.name(),
            due_utc: self.callback.due_utc.to_rfc3339(),
            status: self.status.wire(),
        }
        .serialize(s)
    }
}

/// The callbacks among `records` at `now`, the earliest due first. Only an account's latest
/// callback counts (a newer one replaces an older); any result of the account recorded at or
/// after it fell due does it. Discarded results count for nothing. Call times are the agent's
/// wall clock, read in `now`'s offset.
pub fn list(
    records: &[DayRecord],
    now: DateTime<FixedOffset>,
    rules: &CallingRules,
) -> Vec<Listed> {
    let mut latest: HashMap<&str, (&DayRecord, Callback)> = HashMap::new();
    let mut calls: HashMap<&str, Vec<NaiveDateTime>> = HashMap::new();
    for r in records
        .iter()
        .filter(|r| r.state != DeliveryState::Discarded)
    {
        let account = r.account_no.as_str();
        calls.entry(account).or_default().push(r.call_time);
        if let Some(c) = r.callback {
            let newer = latest
                .get(account)
                .is_none_or(|(l, lc)| (r.call_time, c.due_utc) >= (l.call_time, lc.due_utc));
            if newer {
                latest.insert(account, (r, c));
            }
        }
    }
    let instant = |t: NaiveDateTime| {
        t.and_local_timezone(*now.offset())
            .single()
            .map(|t| t.with_timezone(&Utc))
    };
    let now_utc = now.with_timezone(&Utc);
    let mut listed: Vec<Listed> = latest
        .into_iter()
        .map(|(account, (r, c))| Listed {
            account_no: r.account_no.clone(),
            name: r.name.clone(),
            callback: c,
            status: c.status(
                now_utc,
                calls
                    .get(account)
                    .into_iter()
                    .flatten()
                    .filter_map(|t| instant(*t))
                    .filter(|t| *t >= c.due_utc)
                    .min(),
                rules,
            ),
        })
        .collect();
    listed.sort_by(|a, b| {
        (a.callback.due_utc, &a.account_no).cmp(&(b.callback.due_utc, &b.account_no))
    });
    listed
}

/// The callback the agent is told of now (the workstation's header): the earliest that is
/// due, else the earliest falling due within `warn_minutes`. `listed` is as `list` sorts it.
pub fn to_announce(listed: &[Listed], now: DateTime<Utc>, warn_minutes: i64) -> Option<&Listed> {
    listed.iter().find(|l| match l.status {
        CallbackStatus::Due => true,
        CallbackStatus::Pending => l.callback.due_within(now, warn_minutes),
        CallbackStatus::Done | CallbackStatus::Missed => false,
    })
}

/// How many callbacks are due now (`listed` as `list` gives it).
pub fn due_count(listed: &[Listed]) -> usize {
    listed
        .iter()
        .filter(|l| l.status == CallbackStatus::Due)
        .count()
}

/// Whole minutes since `due` (0 before it), rounded down: "2h 30m late".
pub fn minutes_late(due: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - due).num_minutes().max(0)
}

/// Whole minutes until `due`, rounded up ("in 4m" from 15:56:30 to 16:00 says 4).
pub fn minutes_until(due: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((due - now).num_seconds().max(0) + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::instants::at;

    fn rules() -> CallingRules {
        CallingRules::default()
    }

    // Friday 27 November 2026, 10:00 WIB.
    const NOW: &str = "2026-11-27T10:00:00+07:00";

    #[test]
    fn a_clock_time_is_today_in_the_customers_zone() {
        let c = parse("16:00", at(NOW), Zone::Wit, &rules(), Lang::En).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T16:00:00+09:00"));
        assert_eq!(local_words(c.due_local()), "2026-11-27 16:00 WIT");
    }

    #[test]
    fn a_full_date_and_hours_ahead_are_read() {
        let c = parse("2026-11-28 09:30", at(NOW), Zone::Wita, &rules(), Lang::En).unwrap();
        assert_eq!(c.due_utc, at("2026-11-28T09:30:00+08:00"));
        let c = parse("+2h", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T12:00:00+07:00"));
        let c = parse("+45m", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T10:45:00+07:00"));
    }

    #[test]
    fn a_time_after_hours_is_refused_with_the_next_allowed_time() {
        // 20:00 sharp is closed (the window's end is exclusive); Saturday opens at 08:00.
        let e = parse("20:00", at(NOW), Zone::Wit, &rules(), Lang::En).unwrap_err();
        assert_eq!(
            e,
            CallbackRefusal::Closed {
                at: "2026-11-27 20:00 WIT".into(),
                next: Some("2026-11-28 08:00 WIT".into())
            }
        );
        assert!(parse("19:59", at(NOW), Zone::Wit, &rules(), Lang::En).is_ok());
    }

    #[test]
    fn a_sunday_or_a_holiday_is_refused_with_the_next_working_morning() {
        let e = parse("2026-11-29 10:00", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2026-11-29 10:00 WIB is outside the customer's calling window; next allowed 2026-11-30 08:00 WIB"
        );
        // Christmas Day, a Friday: the next allowed time is Saturday morning.
        let e = parse("2026-12-25 10:00", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap_err();
        assert!(
            e.to_string().ends_with("next allowed 2026-12-26 08:00 WIB"),
            "{e}"
        );
    }

    #[test]
    fn times_are_typed_as_the_screen_shows_them_in_both_languages() {
        for lang in Lang::ALL {
            let c = parse("14.00", at(NOW), Zone::Wib, &rules(), lang).unwrap();
            assert_eq!(c.due_utc, at("2026-11-27T14:00:00+07:00"));
            let c = parse("14:00", at(NOW), Zone::Wib, &rules(), lang).unwrap();
            assert_eq!(c.due_utc, at("2026-11-27T14:00:00+07:00"));
            let c = parse("2026-11-28 09.30", at(NOW), Zone::Wita, &rules(), lang).unwrap();
            assert_eq!(c.due_utc, at("2026-11-28T09:30:00+08:00"));
            // jam: hours in both languages; d: days in both.
            let c = parse("+2j", at(NOW), Zone::Wib, &rules(), lang).unwrap();
            assert_eq!(c.due_utc, at("2026-11-27T12:00:00+07:00"));
            let c = parse("+1d", at(NOW), Zone::Wib, &rules(), lang).unwrap();
            assert_eq!(c.due_utc, at("2026-11-28T10:00:00+07:00"));
        }
        // +2h reads as each language reads it: 2 hours, 2 hari (days).
        let c = parse("+2h", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T12:00:00+07:00"));
        let c = parse("+1h", at(NOW), Zone::Wib, &rules(), Lang::Id).unwrap();
        assert_eq!(c.due_utc, at("2026-11-28T10:00:00+07:00"));
        // 31 days is the reach in days too; 14.61 is no time.
        assert!(parse("+32h", at(NOW), Zone::Wib, &rules(), Lang::Id).is_err());
        assert!(parse("14.61", at(NOW), Zone::Wib, &rules(), Lang::Id).is_err());
    }

    #[test]
    fn hours_ahead_reach_a_month_and_no_further() {
        // Fri 10:00 + 100 h is Tue 14:00: open.
        let c = parse("+100h", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        assert_eq!(local_words(c.due_local()), "2026-12-01 14:00 WIB");
        assert!(
            parse("+744h", at(NOW), Zone::Wib, &rules(), Lang::En).is_ok(),
            "31 days"
        );
        assert!(matches!(
            parse("+745h", at(NOW), Zone::Wib, &rules(), Lang::En),
            Err(CallbackRefusal::NotATime { .. })
        ));
    }

    #[test]
    fn a_time_that_has_passed_or_is_not_a_time_is_refused() {
        assert!(matches!(
            parse("09:00", at(NOW), Zone::Wib, &rules(), Lang::En),
            Err(CallbackRefusal::Past { .. })
        ));
        for typed in ["4pm", "25:00", "+2x", "+", "2026-13-01 10:00", "+0h"] {
            assert!(
                matches!(
                    parse(typed, at(NOW), Zone::Wib, &rules(), Lang::En),
                    Err(CallbackRefusal::NotATime { .. })
                ),
                "{typed}"
            );
        }
    }

    #[test]
    fn pending_then_due_then_done_by_a_new_result_or_missed_when_the_window_closes() {
        let c = parse("16:00", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        let r = rules();
        assert_eq!(
            c.status(at("2026-11-27T15:59:00+07:00"), None, &r),
            CallbackStatus::Pending
        );
        assert_eq!(
            c.status(at("2026-11-27T16:00:00+07:00"), None, &r),
            CallbackStatus::Due
        );
        // A result recorded before it fell due does not do it.
        let earlier = Some(at("2026-11-27T12:00:00+07:00"));
        assert_eq!(
            c.status(at("2026-11-27T19:59:00+07:00"), earlier, &r),
            CallbackStatus::Due
        );
        assert_eq!(
            c.status(at("2026-11-27T20:00:00+07:00"), earlier, &r),
            CallbackStatus::Missed
        );
        let after = Some(at("2026-11-27T16:05:00+07:00"));
        assert_eq!(
            c.status(at("2026-11-27T20:30:00+07:00"), after, &r),
            CallbackStatus::Done
        );
    }

    #[test]
    fn a_result_after_the_window_closed_leaves_the_callback_missed() {
        let c = parse("16:00", at(NOW), Zone::Wib, &rules(), Lang::En).unwrap();
        let r = rules();
        let next_morning = Some(at("2026-11-28T09:00:00+07:00"));
        assert_eq!(
            c.status(at("2026-11-28T09:05:00+07:00"), next_morning, &r),
            CallbackStatus::Missed
        );
        let at_the_close = Some(at("2026-11-27T20:00:00+07:00"));
        assert_eq!(
            c.status(at("2026-11-28T09:05:00+07:00"), at_the_close, &r),
            CallbackStatus::Missed,
            "20:00 sharp is closed"
        );
        let last_minute = Some(at("2026-11-27T19:59:59+07:00"));
        assert_eq!(
            c.status(at("2026-11-28T09:05:00+07:00"), last_minute, &r),
            CallbackStatus::Done
        );
    }

    // ---- the list of callbacks (`deskcoll callbacks`, the workstation's pins) ----

    /// A result of `account` called at `when` (the agent's WIB clock), with a callback due at
    /// `due` (RFC 3339) in `zone`, if any.
    fn rec(account: &str, when: &str, due: Option<(&str, Zone)>) -> DayRecord {
        DayRecord {
            account_no: account.into(),
            name: format!("NAME {account}"),
            action_code: "NCT".into(),
            call_time: NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M:%S").unwrap(),
            promise_date: None,
            state: DeliveryState::Delivered,
            total_due: None,
            party: crate::domain::party::Party::Unknown,
            promised_amount: None,
            callback: due.map(|(d, zone)| Callback {
                due_utc: at(d),
                zone,
            }),
        }
    }

    fn local(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    /// Each account's status at `now` (WIB), in the list's order.
    fn statuses(records: &[DayRecord], now: &str) -> Vec<(String, CallbackStatus)> {
        list(records, local(now), &rules())
            .into_iter()
            .map(|l| (l.account_no, l.status))
            .collect()
    }

    fn one(records: &[DayRecord], now: &str) -> CallbackStatus {
        let all = statuses(records, now);
        assert_eq!(all.len(), 1, "{all:?}");
        all[0].1
    }

    // 16:00 WIT is 14:00 WIB.
    const WIT_1600: (&str, Zone) = ("2026-11-27T16:00:00+09:00", Zone::Wit);

    #[test]
    fn a_callback_is_pending_before_its_time_and_due_from_it() {
        let records = [rec("A", "2026-11-27 10:00:00", Some(WIT_1600))];
        assert_eq!(
            one(&records, "2026-11-27T13:59:00+07:00"),
            CallbackStatus::Pending
        );
        assert_eq!(
            one(&records, "2026-11-27T14:00:00+07:00"),
            CallbackStatus::Due
        );
        assert_eq!(
            one(&records, "2026-11-27T17:59:00+07:00"),
            CallbackStatus::Due,
            "19:59 WIT: its window is still open"
        );
    }

    #[test]
    fn a_result_before_the_due_time_does_not_do_it() {
        let records = [
            rec("A", "2026-11-27 10:00:00", Some(WIT_1600)),
            rec("A", "2026-11-27 13:59:59", None),
        ];
        assert_eq!(
            one(&records, "2026-11-27T14:30:00+07:00"),
            CallbackStatus::Due
        );
    }

    #[test]
    fn a_later_result_of_the_account_at_or_after_the_due_time_does_it() {
        let records = [
            rec("A", "2026-11-27 10:00:00", Some(WIT_1600)),
            rec("A", "2026-11-27 14:00:00", None),
        ];
        assert_eq!(
            one(&records, "2026-11-27T14:30:00+07:00"),
            CallbackStatus::Done
        );
        // Another account's result does nothing for it.
        let records = [
            rec("A", "2026-11-27 10:00:00", Some(WIT_1600)),
            rec("B", "2026-11-27 14:05:00", None),
        ];
        assert_eq!(
            statuses(&records, "2026-11-27T14:30:00+07:00"),
            vec![("A".to_string(), CallbackStatus::Due)]
        );
    }

    #[test]
    fn missed_once_the_customers_window_closes_at_20_local() {
        let records = [rec("A", "2026-11-27 10:00:00", Some(WIT_1600))];
        // 20:00 WIT is 18:00 WIB.
        assert_eq!(
            one(&records, "2026-11-27T17:59:59+07:00"),
            CallbackStatus::Due
        );
        assert_eq!(
            one(&records, "2026-11-27T18:00:00+07:00"),
            CallbackStatus::Missed
        );
    }

    #[test]
    fn only_the_latest_callback_of_an_account_counts() {
        let records = [
            rec("A", "2026-11-27 10:00:00", Some(WIT_1600)),
            // Called again before it fell due: tomorrow at nine instead.
            rec(
                "A",
                "2026-11-27 11:00:00",
                Some(("2026-11-28T09:00:00+09:00", Zone::Wit)),
            ),
        ];
        let listed = list(&records, local("2026-11-27T15:00:00+07:00"), &rules());
        assert_eq!(listed.len(), 1);
        assert_eq!(
            local_words(listed[0].callback.due_local()),
            "2026-11-28 09:00 WIT"
        );
        assert_eq!(listed[0].status, CallbackStatus::Pending);
        // The order of the records does not matter.
        let reversed = [records[1].clone(), records[0].clone()];
        assert_eq!(
            list(&reversed, local("2026-11-27T15:00:00+07:00"), &rules()),
            listed
        );
    }

    #[test]
    fn a_discarded_result_neither_sets_nor_does_a_callback() {
        let mut set = rec("A", "2026-11-27 10:00:00", Some(WIT_1600));
        set.state = DeliveryState::Discarded;
        assert!(statuses(&[set], "2026-11-27T14:30:00+07:00").is_empty());
        let mut after = rec("A", "2026-11-27 14:05:00", None);
        after.state = DeliveryState::Discarded;
        let records = [rec("A", "2026-11-27 10:00:00", Some(WIT_1600)), after];
        assert_eq!(
            one(&records, "2026-11-27T14:30:00+07:00"),
            CallbackStatus::Due
        );
    }

    #[test]
    fn the_list_is_sorted_by_due_time_across_zones() {
        let records = [
            // 15:00 WIB = 08:00 UTC.
            rec(
                "A",
                "2026-11-27 10:00:00",
                Some(("2026-11-27T15:00:00+07:00", Zone::Wib)),
            ),
            // 16:00 WIT = 07:00 UTC.
            rec("B", "2026-11-27 10:01:00", Some(WIT_1600)),
            // 14:30 WITA = 06:30 UTC.
            rec(
                "C",
                "2026-11-27 10:02:00",
                Some(("2026-11-27T14:30:00+08:00", Zone::Wita)),
            ),
            rec("D", "2026-11-27 10:03:00", None),
        ];
        let order: Vec<String> = statuses(&records, "2026-11-27T10:30:00+07:00")
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        assert_eq!(order, ["C", "B", "A"]);
    }

    #[test]
    fn the_header_names_a_due_callback_or_one_within_the_warning() {
        let records = [
            rec("A", "2026-11-27 10:00:00", Some(WIT_1600)),
            rec(
                "B",
                "2026-11-27 10:00:00",
                Some(("2026-11-27T15:00:00+07:00", Zone::Wib)),
            ),
        ];
        let announced = |now: &str, warn: i64| {
            let listed = list(&records, local(now), &rules());
            to_announce(&listed, at(now), warn).map(|l| l.account_no.clone())
        };
        assert_eq!(announced("2026-11-27T13:54:59+07:00", 5), None);
        assert_eq!(
            announced("2026-11-27T13:55:00+07:00", 5).as_deref(),
            Some("A")
        );
        assert_eq!(announced("2026-11-27T13:55:00+07:00", 0), None);
        assert_eq!(
            announced("2026-11-27T14:57:00+07:00", 5).as_deref(),
            Some("A"),
            "A is due: it comes before B, due in 3 minutes"
        );
        assert_eq!(
            minutes_until(
                at("2026-11-27T14:00:00+07:00"),
                at("2026-11-27T13:56:30+07:00")
            ),
            4
        );
        assert_eq!(
            minutes_until(
                at("2026-11-27T14:00:00+07:00"),
                at("2026-11-27T13:56:00+07:00")
            ),
            4
        );
    }

    #[test]
    fn json_keys_are_the_contract() {
        let records = [rec("A", "2026-11-27 10:00:00", Some(WIT_1600))];
        let listed = list(&records, local("2026-11-27T14:00:00+07:00"), &rules());
        let json = serde_json::to_value(&listed).unwrap();
        assert_eq!(
            json,
            serde_json::json!([{
                "account_no": "A",
                "name": "NAME A",
                "due_local": "2026-11-27 16:00 WIT",
                "time_zone": "WIT",
                "due_utc": "2026-11-27T07:00:00+00:00",
                "status": "due"
            }])
        );
    }
}
