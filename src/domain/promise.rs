//! Promises to pay: which fall due today or tomorrow, and which were broken (the date passed
//! and the account is back in the queue).

use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::{HashMap, HashSet};

/// A promise as recorded locally.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Promise {
    pub account_no: String,
    pub promise_date: NaiveDate,
    pub call_time: NaiveDateTime,
    /// The customer's name as recorded with the result (may be empty).
    pub name: String,
    /// What the customer promised to pay (the form's Amount).
    pub promised_amount: Option<super::Money>,
    /// What the account owed when the promise was taken.
    pub total_due: Option<super::Money>,
}

/// The promises among recorded results: not discarded, not rejected (those never reached the
/// server), with a promise date.
pub fn promises_of<'a>(
    records: impl IntoIterator<Item = &'a super::outbox::DayRecord>,
) -> Vec<Promise> {
    use super::outbox::DeliveryState::{Discarded, Rejected};
    records
        .into_iter()
        .filter(|r| !matches!(r.state, Discarded | Rejected))
        .filter_map(|r| {
            Some(Promise {
                account_no: r.account_no.clone(),
                promise_date: r.promise_date?,
                call_time: r.call_time,
                name: r.name.clone(),
                // Results kept before the Amount field promised the total due.
                promised_amount: r.promised_amount.or(r.total_due),
                total_due: r.total_due,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PromiseBook {
    /// Accounts whose latest promise falls due today or tomorrow.
    pub due_soon: HashSet<String>,
    /// Accounts whose latest promise passed while they are still in the queue.
    pub broken: HashSet<String>,
    /// Accounts whose latest promise has not fallen due yet (today or later): a fresh promise
    /// that stands, whatever bucket the server's list puts the account in.
    pub pending: HashSet<String>,
    /// The latest promise of each account.
    pub latest: HashMap<String, Promise>,
}

impl PromiseBook {
    /// The book of the promises among `records`, against a task list: the one way the
    /// workstation and `deskcoll today` build it.
    pub fn of(
        records: &[super::outbox::DayRecord],
        today: NaiveDate,
        tasks: &[super::Task],
    ) -> PromiseBook {
        let promises = promises_of(records);
        // Only accounts with a promise matter; no set of the whole list is needed.
        let promised: HashSet<&str> = promises.iter().map(|p| p.account_no.as_str()).collect();
        // Broken only while the account is still overdue in the list.
        let in_list: HashSet<String> = tasks
            .iter()
            .filter(|t| still_overdue(t.overdue))
            .filter(|t| promised.contains(t.contract_no.as_str()))
            .map(|t| t.contract_no.to_string())
            .collect();
        PromiseBook::build(&promises, today, &in_list)
    }

    /// Only an account's latest promise counts: a newer one replaces an older.
    pub fn build<'a>(
        promises: impl IntoIterator<Item = &'a Promise>,
        today: NaiveDate,
        in_queue: &HashSet<String>,
    ) -> PromiseBook {
        let latest = latest(promises);
        let tomorrow = today + Duration::days(1);
        let mut book = PromiseBook::default();
        for (account, p) in &latest {
            if p.promise_date >= today {
                book.pending.insert(account.clone());
            }
            if p.promise_date == today || p.promise_date == tomorrow {
                book.due_soon.insert(account.clone());
            } else if p.promise_date < today && in_queue.contains(account) {
                book.broken.insert(account.clone());
            }
        }
        book.latest = latest;
        book
    }
}

/// Each account's latest promise: a newer one replaces an older (the one rule of which
/// promise counts, for the book and for the verdicts).
pub fn latest<'a>(promises: impl IntoIterator<Item = &'a Promise>) -> HashMap<String, Promise> {
    let mut latest: HashMap<String, Promise> = HashMap::new();
    for p in promises {
        let newer = latest
            .get(&p.account_no)
            .is_none_or(|l| p.call_time >= l.call_time);
        if newer {
            latest.insert(p.account_no.clone(), p.clone());
        }
    }
    latest
}

/// Whether the list's `overdue` (days past due + 1; 0 before the due date) says the account
/// still owes an installment that fell due: what makes a passed promise broken.
pub fn still_overdue(overdue: Option<i64>) -> bool {
    overdue.unwrap_or(0) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_promise_is_broken_only_while_the_list_shows_the_account_overdue() {
        let record = |account: &str| super::super::outbox::DayRecord {
            account_no: account.into(),
            name: String::new(),
            action_code: "PTP".into(),
            call_time: NaiveDateTime::parse_from_str("2026-11-20 10:00:00", "%Y-%m-%d %H:%M:%S")
                .unwrap(),
            promise_date: "2026-11-24".parse().ok(),
            state: super::super::outbox::DeliveryState::Delivered,
            total_due: None,
            party: super::super::party::Party::Debtor,
            promised_amount: None,
            callback: None,
        };
        let task = |account: &str, overdue| super::super::Task {
            contract_no: account.into(),
            overdue: Some(overdue),
            ..super::super::Task::default()
        };
        let today = "2026-11-27".parse().unwrap();
        let book = PromiseBook::of(
            &[record("PAID"), record("LATE")],
            today,
            &[task("PAID", 0), task("LATE", 1)],
        );
        assert!(book.broken.contains("LATE"));
        assert!(
            !book.broken.contains("PAID"),
            "no longer overdue: not broken"
        );
    }

    fn p(account: &str, date: &str, called: &str) -> Promise {
        Promise {
            account_no: account.into(),
            promise_date: date.parse().unwrap(),
            call_time: NaiveDateTime::parse_from_str(
                &format!("{called} 10:00:00"),
                "%Y-%m-%d %H:%M:%S",
            )
            .unwrap(),
            ..Promise::default()
        }
    }

    #[test]
    fn due_soon_and_broken() {
        let today: NaiveDate = "2026-11-27".parse().unwrap();
        let queue: HashSet<String> = ["A", "B"].iter().map(|s| s.to_string()).collect();
        let promises = [
            p("A", "2026-11-26", "2026-11-20"), // passed, back in the queue: broken
            p("B", "2026-11-28", "2026-11-25"), // tomorrow
            p("C", "2026-11-20", "2026-11-15"), // passed, not in the queue: kept (paid, probably)
            p("D", "2026-11-27", "2026-11-26"), // today
        ];
        let book = PromiseBook::build(&promises, today, &queue);
        assert_eq!(book.broken, ["A".to_string()].into());
        assert_eq!(book.due_soon, ["B".to_string(), "D".to_string()].into());
    }

    #[test]
    fn a_newer_promise_replaces_the_broken_one() {
        let today: NaiveDate = "2026-11-27".parse().unwrap();
        let queue: HashSet<String> = ["A".to_string()].into();
        let promises = [
            p("A", "2026-11-26", "2026-11-20"),
            p("A", "2026-11-30", "2026-11-27"),
        ];
        let book = PromiseBook::build(&promises, today, &queue);
        assert!(book.broken.is_empty());
        assert_eq!(book.latest["A"].promise_date.to_string(), "2026-11-30");
    }
}
