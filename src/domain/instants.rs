//! Instants written as tests write them (`2026-11-27T19:59:00+08:00`): one reader for the
//! tests of every rule that depends on the clock.

use chrono::{DateTime, Utc};

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}
