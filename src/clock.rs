//! The time, or the one `--now` fixed (planning, tests).

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<DateTime<FixedOffset>>,
    /// When a fixed clock was set by `--now`: retries are scheduled on the time elapsed since
    /// (`schedule_now`), so that a stopped clock still retries.
    started: Option<std::time::Instant>,
}

impl Clock {
    pub fn new(fixed: Option<DateTime<FixedOffset>>) -> Clock {
        Clock {
            fixed,
            started: fixed.map(|_| std::time::Instant::now()),
        }
    }

    pub fn system() -> Clock {
        Clock {
            fixed: None,
            started: None,
        }
    }

    /// A clock stopped at a wall-clock time (tests).
    pub fn at(local: NaiveDateTime) -> Clock {
        let offset = FixedOffset::east_opt(7 * 3600).expect("valid offset");
        Clock {
            fixed: local.and_local_timezone(offset).single(),
            started: None,
        }
    }

    /// A clock fixed by `--now` at `fixed`, set `elapsed` ago (tests of the retry schedule).
    pub fn fixed_since(fixed: DateTime<FixedOffset>, elapsed: std::time::Duration) -> Clock {
        Clock {
            fixed: Some(fixed),
            started: std::time::Instant::now().checked_sub(elapsed),
        }
    }

    /// The time retries are scheduled on: the wall clock, or for a clock fixed by `--now`, the
    /// fixed time plus the time elapsed since (a monotonic count, not the wall clock).
    pub fn schedule_now(&self) -> NaiveDateTime {
        match (self.fixed, self.started) {
            (Some(t), Some(started)) => {
                t.naive_local() + chrono::Duration::from_std(started.elapsed()).unwrap_or_default()
            }
            _ => self.now_local(),
        }
    }

    /// The agent's wall-clock time (call times are recorded so).
    pub fn now_local(&self) -> NaiveDateTime {
        match self.fixed {
            Some(t) => t.naive_local(),
            None => Local::now().naive_local(),
        }
    }

    /// The instant, for rules that depend on the customer's zone.
    pub fn now_utc(&self) -> DateTime<chrono::Utc> {
        match self.fixed {
            Some(t) => t.with_timezone(&chrono::Utc),
            None => chrono::Utc::now(),
        }
    }

    /// The instant with the agent's offset: the wall-clock time and the instant together.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now_utc().with_timezone(&self.offset())
    }

    /// The agent's UTC offset now.
    pub fn offset(&self) -> FixedOffset {
        match self.fixed {
            Some(t) => *t.offset(),
            None => *Local::now().offset(),
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }

    /// A server's RFC 3339 time as the agent's wall-clock time (the fixed clock's offset when
    /// there is one, so that tests do not depend on the machine's zone).
    pub fn local_time(&self, rfc3339: &str) -> Option<NaiveDateTime> {
        let t = DateTime::parse_from_rfc3339(rfc3339.trim()).ok()?;
        Some(match self.fixed {
            Some(f) => t.with_timezone(f.offset()).naive_local(),
            None => t.with_timezone(&Local).naive_local(),
        })
    }
}
