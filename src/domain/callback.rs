//! Callbacks: "call me back at four". A time in the customer's own zone, allowed only inside
//! their calling window, then pending, due, done (a new result after it fell due) or missed
//! (the window closed first).

use super::window::CallingRules;
use super::zone::Zone;
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, Utc};
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
    /// Not `HH:MM`, `YYYY-MM-DD HH:MM` or `+2h`.
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

/// Reads a callback typed in the customer's local time: `HH:MM` (today there),
/// `YYYY-MM-DD HH:MM`, or `+2h` / `+30m` from now; refuses one that has passed or falls
/// outside the customer's calling window (a holiday, a Sunday, after hours), naming the next
/// allowed time.
pub fn parse(
    input: &str,
    now: DateTime<Utc>,
    zone: Zone,
    rules: &CallingRules,
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
        let minutes = match unit {
            "h" | "j" => n.checked_mul(60),
            "m" => Some(n),
            _ => None,
        }
        .filter(|m| (1..=60 * 24 * 31).contains(m))
        .ok_or_else(not_a_time)?;
        now + Duration::minutes(minutes)
    } else {
        let local_today = now.with_timezone(&offset).date_naive();
        let naive = NaiveTime::parse_from_str(typed, "%H:%M")
            .map(|t| local_today.and_time(t))
            .or_else(|_| NaiveDateTime::parse_from_str(typed, "%Y-%m-%d %H:%M"))
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

    /// Where it stands at `now`, given when the account's latest result was recorded
    /// (`last_result`), if ever.
    pub fn status(
        &self,
        now: DateTime<Utc>,
        last_result: Option<DateTime<Utc>>,
        rules: &CallingRules,
    ) -> CallbackStatus {
        if last_result.is_some_and(|t| t >= self.due_utc) {
            CallbackStatus::Done
        } else if now < self.due_utc {
            CallbackStatus::Pending
        } else if now >= rules.closes_on_day_of(self.due_utc, self.zone) {
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

    // Friday 27 November 2026, 10:00 WIB.
    const NOW: &str = "2026-11-27T10:00:00+07:00";

    #[test]
    fn a_clock_time_is_today_in_the_customers_zone() {
        let c = parse("16:00", at(NOW), Zone::Wit, &rules()).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T16:00:00+09:00"));
        assert_eq!(local_words(c.due_local()), "2026-11-27 16:00 WIT");
    }

    #[test]
    fn a_full_date_and_hours_ahead_are_read() {
        let c = parse("2026-11-28 09:30", at(NOW), Zone::Wita, &rules()).unwrap();
        assert_eq!(c.due_utc, at("2026-11-28T09:30:00+08:00"));
        let c = parse("+2h", at(NOW), Zone::Wib, &rules()).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T12:00:00+07:00"));
        let c = parse("+45m", at(NOW), Zone::Wib, &rules()).unwrap();
        assert_eq!(c.due_utc, at("2026-11-27T10:45:00+07:00"));
    }

    #[test]
    fn a_time_after_hours_is_refused_with_the_next_allowed_time() {
        // 20:00 sharp is closed (the window's end is exclusive); Saturday opens at 08:00.
        let e = parse("20:00", at(NOW), Zone::Wit, &rules()).unwrap_err();
        assert_eq!(
            e,
            CallbackRefusal::Closed {
                at: "2026-11-27 20:00 WIT".into(),
                next: Some("2026-11-28 08:00 WIT".into())
            }
        );
        assert!(parse("19:59", at(NOW), Zone::Wit, &rules()).is_ok());
    }

    #[test]
    fn a_sunday_or_a_holiday_is_refused_with_the_next_working_morning() {
        let e = parse("2026-11-29 10:00", at(NOW), Zone::Wib, &rules()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2026-11-29 10:00 WIB is outside the customer's calling window; next allowed 2026-11-30 08:00 WIB"
        );
        // Christmas Day, a Friday: the next allowed time is Saturday morning.
        let e = parse("2026-12-25 10:00", at(NOW), Zone::Wib, &rules()).unwrap_err();
        assert!(
            e.to_string().ends_with("next allowed 2026-12-26 08:00 WIB"),
            "{e}"
        );
    }

    #[test]
    fn a_time_that_has_passed_or_is_not_a_time_is_refused() {
        assert!(matches!(
            parse("09:00", at(NOW), Zone::Wib, &rules()),
            Err(CallbackRefusal::Past { .. })
        ));
        for typed in ["4pm", "25:00", "+2x", "+", "2026-13-01 10:00", "+0h"] {
            assert!(
                matches!(
                    parse(typed, at(NOW), Zone::Wib, &rules()),
                    Err(CallbackRefusal::NotATime { .. })
                ),
                "{typed}"
            );
        }
    }

    #[test]
    fn pending_then_due_then_done_by_a_new_result_or_missed_when_the_window_closes() {
        let c = parse("16:00", at(NOW), Zone::Wib, &rules()).unwrap();
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
}
