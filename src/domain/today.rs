//! The agent's day in figures: calls by action, promises taken and the money under them,
//! where the results stand, and the promises to watch.

use super::money::Money;
pub use super::outbox::DayRecord;
use super::outbox::DeliveryState;
use super::promise::PromiseBook;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Whether a record counts as a result of `day`: called that day and not given up.
fn counts_on(r: &DayRecord, day: NaiveDate) -> bool {
    r.call_time.date() == day && r.state != DeliveryState::Discarded
}

/// Results recorded per account on `day` (discarded ones do not count): the over-contact guard's figure.
pub fn contacts_on(records: &[DayRecord], day: NaiveDate) -> HashMap<String, usize> {
    let mut n = HashMap::new();
    for r in records.iter().filter(|r| counts_on(r, day)) {
        *n.entry(r.account_no.clone()).or_default() += 1;
    }
    n
}

/// Whether one more contact with an account that already had `earlier` today goes past the
/// daily limit (`calling.max_contacts_per_day`): the guard asks first (workstation) or warns
/// (CLI), and the queue marks the account.
pub fn at_contact_limit(earlier: usize, max: usize) -> bool {
    earlier >= max
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TodaySummary {
    pub date: String,
    pub calls: usize,
    pub by_action: BTreeMap<String, usize>,
    pub ptp_count: usize,
    /// Plain number of rupiah (exact), e.g. "107261731".
    pub ptp_total_due: String,
    pub delivered: usize,
    pub waiting: usize,
    pub rejected: usize,
    pub uncertain: usize,
    pub promises_due_today: Vec<String>,
    pub promises_due_tomorrow: Vec<String>,
    /// The list's accounts in the broken-promise bucket (`bucket::bucket_of`), most owed first.
    pub broken_promises: Vec<BrokenPromise>,
}

/// An account in the broken-promise bucket, as Today and `deskcoll today` list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenPromise {
    pub account_no: String,
    pub name: String,
    /// The promise recorded here, when there is one (the server's own is not in the list).
    pub promise_date: Option<NaiveDate>,
    /// Plain number of rupiah (exact), as `ptp_total_due`.
    pub total_due: Option<String>,
}

impl BrokenPromise {
    /// The accounts of `tasks` whose bucket is a broken promise, most owed first.
    pub fn of(tasks: &[super::Task], promises: &PromiseBook) -> Vec<BrokenPromise> {
        let mut broken: Vec<&super::Task> = tasks
            .iter()
            .filter(|t| {
                super::bucket::bucket_of(t, promises) == super::bucket::Bucket::BrokenPromise
            })
            .collect();
        broken.sort_by(|a, b| {
            b.total_due
                .cmp(&a.total_due)
                .then(a.contract_no.cmp(&b.contract_no))
        });
        broken
            .into_iter()
            .map(|t| BrokenPromise {
                account_no: t.contract_no.to_string(),
                name: t.name.to_string(),
                promise_date: promises
                    .latest
                    .get(t.contract_no.as_str())
                    .map(|p| p.promise_date),
                total_due: t.total_due.map(|m| m.plain()),
            })
            .collect()
    }
}

impl TodaySummary {
    /// `records`: every result recorded (any day); `promises` and `broken`: built against the
    /// current list (`BrokenPromise::of`; none when it could not be read).
    pub fn of(
        records: &[DayRecord],
        today: NaiveDate,
        promises: &PromiseBook,
        broken: Vec<BrokenPromise>,
    ) -> TodaySummary {
        let mut s = TodaySummary {
            date: today.to_string(),
            ..TodaySummary::default()
        };
        let mut ptp_total = Money::ZERO;
        for r in records.iter().filter(|r| counts_on(r, today)) {
            s.calls += 1;
            *s.by_action.entry(r.action_code.clone()).or_default() += 1;
            if r.promise_date.is_some() {
                s.ptp_count += 1;
                ptp_total = ptp_total + r.total_due.unwrap_or_default();
            }
            match r.state {
                DeliveryState::Delivered => s.delivered += 1,
                DeliveryState::Queued | DeliveryState::Sending => s.waiting += 1,
                DeliveryState::Rejected => s.rejected += 1,
                DeliveryState::Uncertain => s.uncertain += 1,
                DeliveryState::Discarded => {}
            }
        }
        s.ptp_total_due = ptp_total.plain();
        let tomorrow = today + Duration::days(1);
        let due = |day: NaiveDate| {
            let mut v: Vec<String> = promises
                .latest
                .values()
                .filter(|p| p.promise_date == day)
                .map(|p| p.account_no.clone())
                .collect();
            v.sort();
            v
        };
        s.promises_due_today = due(today);
        s.promises_due_tomorrow = due(tomorrow);
        s.broken_promises = broken;
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::promise::Promise;
    use std::collections::HashSet;

    fn at(s: &str) -> chrono::NaiveDateTime {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn rec(
        account: &str,
        action: &str,
        when: &str,
        promise: Option<&str>,
        state: DeliveryState,
        due: i64,
    ) -> DayRecord {
        DayRecord {
            account_no: account.into(),
            name: String::new(),
            action_code: action.into(),
            call_time: at(when),
            promise_date: promise.map(|p| p.parse().unwrap()),
            state,
            total_due: Some(Money::from_units(due)),
            callback: None,
        }
    }

    #[test]
    fn contacts_count_the_day_per_account_without_discarded() {
        let today: NaiveDate = "2026-11-27".parse().unwrap();
        let records = [
            rec(
                "A",
                "NCT",
                "2026-11-27 00:00:00",
                None,
                DeliveryState::Delivered,
                0,
            ),
            rec(
                "A",
                "NCT",
                "2026-11-27 23:59:59",
                None,
                DeliveryState::Uncertain,
                0,
            ),
            rec(
                "A",
                "NCT",
                "2026-11-27 12:00:00",
                None,
                DeliveryState::Discarded,
                0,
            ),
            rec(
                "A",
                "NCT",
                "2026-11-26 23:59:59",
                None,
                DeliveryState::Delivered,
                0,
            ),
            rec(
                "A",
                "NCT",
                "2026-11-28 00:00:00",
                None,
                DeliveryState::Queued,
                0,
            ),
            rec(
                "B",
                "MSG",
                "2026-11-27 09:00:00",
                None,
                DeliveryState::Rejected,
                0,
            ),
            rec(
                "C",
                "MSG",
                "2026-11-27 09:00:00",
                None,
                DeliveryState::Discarded,
                0,
            ),
        ];
        let n = contacts_on(&records, today);
        assert_eq!(n.get("A"), Some(&2));
        assert_eq!(n.get("B"), Some(&1));
        assert_eq!(n.get("C"), None, "discarded only: no contact counted");
        assert_eq!(n.len(), 2);
        assert!(contacts_on(&[], today).is_empty());
    }

    #[test]
    fn figures_of_the_day() {
        let today: NaiveDate = "2026-11-27".parse().unwrap();
        let records = [
            rec(
                "A",
                "PTP",
                "2026-11-27 09:00:00",
                Some("2026-11-28"),
                DeliveryState::Delivered,
                1_000,
            ),
            rec(
                "B",
                "PTP",
                "2026-11-27 10:00:00",
                Some("2026-11-30"),
                DeliveryState::Queued,
                2_500,
            ),
            rec(
                "C",
                "MSG",
                "2026-11-27 11:00:00",
                None,
                DeliveryState::Uncertain,
                0,
            ),
            rec(
                "D",
                "NCT",
                "2026-11-26 11:00:00",
                None,
                DeliveryState::Delivered,
                0,
            ),
            rec(
                "E",
                "PTP",
                "2026-11-20 11:00:00",
                Some("2026-11-27"),
                DeliveryState::Delivered,
                0,
            ),
        ];
        let promises: Vec<Promise> = records
            .iter()
            .filter_map(|r| {
                Some(Promise {
                    account_no: r.account_no.clone(),
                    promise_date: r.promise_date?,
                    call_time: r.call_time,
                })
            })
            .collect();
        let book = PromiseBook::build(&promises, today, &HashSet::new());
        let s = TodaySummary::of(&records, today, &book, Vec::new());
        assert_eq!(s.calls, 3);
        assert_eq!(s.by_action["PTP"], 2);
        assert_eq!(s.ptp_count, 2);
        assert_eq!(s.ptp_total_due, "3500");
        assert_eq!((s.delivered, s.waiting, s.uncertain), (1, 1, 1));
        assert_eq!(s.promises_due_today, vec!["E"]);
        assert_eq!(s.promises_due_tomorrow, vec!["A"]);
    }
}
