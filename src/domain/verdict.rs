//! Was a promise kept? Judged from evidence only, once its date and the grace days
//! (`calling.promise_grace_days`) have passed: what the task lists read on this desk showed
//! of the account after the promise was made. Each read of a list keeps, for the accounts
//! whose promise is still being judged, the last payment date and the days overdue it showed
//! (`ListRead`, kept in the outbox), so that every verdict can be replayed from local history.

use super::Task;
use super::promise::{Promise, PromiseBook, latest, still_overdue};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What one read of the task list showed of one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRead {
    pub account_no: String,
    /// When the list was read, on the agent's clock (as call times are kept).
    pub read_at: NaiveDateTime,
    /// The list's `lastpaid_paymentdate`: the day of the last payment.
    pub last_paid: Option<NaiveDate>,
    /// The list's `overdue` (days past due + 1; 0 before the due date).
    pub overdue: Option<i64>,
}

impl ListRead {
    pub fn of(task: &Task, read_at: NaiveDateTime) -> ListRead {
        ListRead {
            account_no: task.contract_no.to_string(),
            read_at,
            last_paid: task.lastpaid_paymentdate,
            overdue: task.overdue,
        }
    }

    /// Says what `other` says, the same day: keeping it again adds nothing.
    fn repeats(&self, other: &ListRead) -> bool {
        self.account_no == other.account_no
            && self.read_at.date() == other.read_at.date()
            && self.last_paid == other.last_paid
            && self.overdue == other.overdue
    }
}

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Its date and the grace days have not passed yet.
    Pending,
    /// A list read after it was made showed a payment from the call's day to the last day.
    Kept,
    /// The queue shows the account as a broken promise (`bucket_of`), or a list read after
    /// the last day showed it still overdue, with no such payment.
    Broken,
    /// Neither: no payment seen in time, and no list after the last day showed the account
    /// overdue (it left the list, or was no longer overdue).
    Unknown,
}

/// The last day a payment keeps `p`: its date plus the grace days.
pub fn last_day(p: &Promise, grace_days: i64) -> NaiveDate {
    p.promise_date + Duration::days(grace_days.max(0))
}

/// A read that shows a payment keeping `p`: read after the promise was made, with the last
/// payment on or after the call's day and on or before the last day.
fn shows_payment(p: &Promise, r: &ListRead, grace_days: i64) -> bool {
    r.read_at > p.call_time
        && r.last_paid
            .is_some_and(|paid| paid >= p.call_time.date() && paid <= last_day(p, grace_days))
}

/// A read after the last day: it settles the promise (paid in time, still overdue, or
/// neither), so no more evidence is wanted for it.
fn after_last_day(p: &Promise, r: &ListRead, grace_days: i64) -> bool {
    r.read_at.date() > last_day(p, grace_days)
}

/// The verdict on `p` on `today`, from the list reads of its account (reads of other accounts
/// are passed over). `broken_in_queue`: the current list puts the account in the
/// broken-promise bucket (`bucket::bucket_of`).
pub fn judge<'a>(
    p: &Promise,
    reads: impl IntoIterator<Item = &'a ListRead>,
    grace_days: i64,
    today: NaiveDate,
    broken_in_queue: bool,
) -> Verdict {
    if today <= last_day(p, grace_days) {
        return Verdict::Pending;
    }
    let mut still_owing = false;
    for r in reads.into_iter().filter(|r| r.account_no == p.account_no) {
        if shows_payment(p, r, grace_days) {
            return Verdict::Kept;
        }
        still_owing |= after_last_day(p, r, grace_days) && still_overdue(r.overdue);
    }
    if broken_in_queue || still_owing {
        Verdict::Broken
    } else {
        Verdict::Unknown
    }
}

/// Whether evidence is still wanted for `p`: no read has shown a payment in time yet, and
/// none was read after the last day.
pub fn still_judged<'a>(
    p: &Promise,
    reads: impl IntoIterator<Item = &'a ListRead>,
    grace_days: i64,
) -> bool {
    !reads.into_iter().any(|r| {
        r.account_no == p.account_no
            && (shows_payment(p, r, grace_days) || after_last_day(p, r, grace_days))
    })
}

fn by_account(reads: &[ListRead]) -> HashMap<&str, Vec<&ListRead>> {
    let mut by: HashMap<&str, Vec<&ListRead>> = HashMap::new();
    for r in reads {
        by.entry(r.account_no.as_str()).or_default().push(r);
    }
    by
}

/// What a list read at `read_at` adds to the evidence: a row for each account in it whose
/// latest promise (among `promises`) was made before the read and is still being judged,
/// unless the account's last row already said the same that day. `reads`: the evidence kept
/// so far. Only promised accounts are looked up, so a list of 100,000 tasks costs one set
/// lookup a task.
pub fn to_keep(
    tasks: &[Task],
    read_at: NaiveDateTime,
    promises: &[Promise],
    reads: &[ListRead],
    grace_days: i64,
) -> Vec<ListRead> {
    let kept = by_account(reads);
    let earlier = |account: &str| kept.get(account).into_iter().flatten().copied();
    let watched: HashSet<String> = latest(promises)
        .into_values()
        .filter(|p| p.call_time < read_at && still_judged(p, earlier(&p.account_no), grace_days))
        .map(|p| p.account_no)
        .collect();
    if watched.is_empty() {
        return Vec::new();
    }
    tasks
        .iter()
        .filter(|t| watched.contains(t.contract_no.as_str()))
        .map(|t| ListRead::of(t, read_at))
        .filter(|row| {
            let last = earlier(&row.account_no).max_by_key(|r| r.read_at);
            !last.is_some_and(|last| last.repeats(row))
        })
        .collect()
}

/// How the latest promises of a book stand on a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub kept: usize,
    pub broken: usize,
    pub unknown: usize,
    pub pending: usize,
}

impl Tally {
    /// The verdicts on every account's latest promise in `book` on `today`;
    /// `broken_in_queue`: the accounts the current list puts in the broken-promise bucket.
    pub fn of(
        book: &PromiseBook,
        reads: &[ListRead],
        grace_days: i64,
        today: NaiveDate,
        broken_in_queue: &HashSet<&str>,
    ) -> Tally {
        let by = by_account(reads);
        let mut t = Tally::default();
        for p in book.latest.values() {
            let reads = by.get(p.account_no.as_str()).into_iter().flatten().copied();
            let broken = broken_in_queue.contains(p.account_no.as_str());
            match judge(p, reads, grace_days, today, broken) {
                Verdict::Pending => t.pending += 1,
                Verdict::Kept => t.kept += 1,
                Verdict::Broken => t.broken += 1,
                Verdict::Unknown => t.unknown += 1,
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Promised on Friday 20 November at 10:00, to pay by Tuesday the 24th.
    fn promise() -> Promise {
        Promise {
            account_no: "A".into(),
            promise_date: day("2026-11-24"),
            call_time: at("2026-11-20 10:00"),
            ..Promise::default()
        }
    }

    fn read(when: &str, last_paid: Option<&str>, overdue: i64) -> ListRead {
        ListRead {
            account_no: "A".into(),
            read_at: at(when),
            last_paid: last_paid.map(day),
            overdue: Some(overdue),
        }
    }

    const GRACE: i64 = 1;

    /// The verdict on the 27th, the queue not showing the account as a broken promise.
    fn verdict(reads: &[ListRead]) -> Verdict {
        judge(&promise(), reads, GRACE, day("2026-11-27"), false)
    }

    #[test]
    fn nothing_is_judged_until_the_date_plus_grace_has_passed() {
        let paid = [read("2026-11-22 08:00", Some("2026-11-21"), 0)];
        for today in ["2026-11-20", "2026-11-24", "2026-11-25"] {
            assert_eq!(
                judge(&promise(), &paid, GRACE, day(today), true),
                Verdict::Pending,
                "{today}"
            );
        }
        assert_eq!(
            judge(&promise(), &paid, GRACE, day("2026-11-26"), false),
            Verdict::Kept
        );
        // Without grace the day after the date judges.
        assert_eq!(
            judge(&promise(), &[], 0, day("2026-11-25"), false),
            Verdict::Unknown
        );
    }

    #[test]
    fn kept_on_the_last_grace_day() {
        // Paid on the 25th (the date plus one grace day), seen in the next morning's list.
        let reads = [read("2026-11-26 08:00", Some("2026-11-25"), 0)];
        assert_eq!(verdict(&reads), Verdict::Kept);
    }

    #[test]
    fn a_payment_read_at_the_very_minute_of_the_promise_is_no_evidence() {
        // The list read as the promise was made shows a payment that day: not after it.
        let same_minute = [read("2026-11-20 10:00", Some("2026-11-20"), 0)];
        assert_ne!(verdict(&same_minute), Verdict::Kept);
        let a_minute_later = [read("2026-11-20 10:01", Some("2026-11-20"), 0)];
        assert_eq!(verdict(&a_minute_later), Verdict::Kept);
    }

    #[test]
    fn a_payment_after_the_last_grace_day_does_not_keep_it() {
        let late = [read("2026-11-27 08:00", Some("2026-11-26"), 0)];
        assert_eq!(verdict(&late), Verdict::Unknown, "paid late, not overdue");
        let late_and_overdue = [read("2026-11-27 08:00", Some("2026-11-26"), 3)];
        assert_eq!(verdict(&late_and_overdue), Verdict::Broken);
    }

    #[test]
    fn a_payment_before_the_call_does_not_count() {
        // The list still shows the payment of the 19th, the day before the promise.
        let reads = [read("2026-11-23 08:00", Some("2026-11-19"), 5)];
        assert_eq!(verdict(&reads), Verdict::Unknown);
        let reads = [
            read("2026-11-23 08:00", Some("2026-11-19"), 5),
            read("2026-11-26 08:00", Some("2026-11-19"), 8),
        ];
        assert_eq!(verdict(&reads), Verdict::Broken);
    }

    #[test]
    fn a_payment_on_the_call_day_counts() {
        let reads = [read("2026-11-21 08:00", Some("2026-11-20"), 0)];
        assert_eq!(verdict(&reads), Verdict::Kept);
    }

    #[test]
    fn a_list_read_before_the_promise_was_made_is_no_evidence() {
        // Read at 09:00 on the call's day, an hour before the call, showing that day's payment.
        let reads = [read("2026-11-20 09:00", Some("2026-11-20"), 0)];
        assert_eq!(verdict(&reads), Verdict::Unknown);
    }

    #[test]
    fn left_the_list_is_unknown_never_kept() {
        // In the list before the date, overdue; in no list read after it.
        let reads = [read("2026-11-23 08:00", Some("2026-10-20"), 4)];
        assert_eq!(verdict(&reads), Verdict::Unknown);
        assert_eq!(verdict(&[]), Verdict::Unknown);
    }

    #[test]
    fn still_overdue_after_grace_is_broken() {
        let reads = [read("2026-11-26 08:00", Some("2026-10-20"), 7)];
        assert_eq!(verdict(&reads), Verdict::Broken);
    }

    #[test]
    fn overdue_within_the_grace_days_is_not_yet_broken() {
        // Read on the last grace day, still overdue: the payment may not show yet.
        let reads = [read("2026-11-25 16:00", Some("2026-10-20"), 6)];
        assert_eq!(verdict(&reads), Verdict::Unknown);
    }

    #[test]
    fn a_broken_promise_in_the_queue_is_broken_unless_a_payment_was_seen() {
        assert_eq!(
            judge(&promise(), &[], GRACE, day("2026-11-27"), true),
            Verdict::Broken
        );
        let paid = [read("2026-11-24 08:00", Some("2026-11-23"), 0)];
        assert_eq!(
            judge(&promise(), &paid, GRACE, day("2026-11-27"), true),
            Verdict::Kept
        );
    }

    #[test]
    fn another_accounts_reads_are_no_evidence() {
        let mut other = read("2026-11-26 08:00", Some("2026-11-21"), 0);
        other.account_no = "B".into();
        assert_eq!(verdict(&[other]), Verdict::Unknown);
    }

    fn task(account: &str, last_paid: &str, overdue: i64) -> Task {
        Task {
            contract_no: account.into(),
            lastpaid_paymentdate: Some(day(last_paid)),
            overdue: Some(overdue),
            ..Task::default()
        }
    }

    #[test]
    fn a_list_read_keeps_evidence_only_for_promises_still_being_judged() {
        let promises = [
            promise(),
            // Made after the read below: nothing to keep for it yet.
            Promise {
                account_no: "B".into(),
                promise_date: day("2026-11-30"),
                call_time: at("2026-11-23 16:00"),
                ..Promise::default()
            },
        ];
        let tasks = [
            task("A", "2026-10-20", 4),
            task("B", "2026-10-21", 4),
            task("C", "2026-10-22", 4),
        ];
        let first = to_keep(&tasks, at("2026-11-23 08:00"), &promises, &[], GRACE);
        assert_eq!(first, [ListRead::of(&tasks[0], at("2026-11-23 08:00"))]);
        // The same again that day adds nothing; the next day does.
        assert!(to_keep(&tasks, at("2026-11-23 15:00"), &promises, &first, GRACE).is_empty());
        let mut kept = first.clone();
        kept.extend(to_keep(
            &tasks,
            at("2026-11-26 08:00"),
            &promises,
            &first,
            GRACE,
        ));
        assert_eq!(kept.len(), 3, "A on the 26th, and B");
        // A read after the last day settled A: no more rows for it.
        let next = to_keep(&tasks, at("2026-11-27 08:00"), &promises, &kept, GRACE);
        assert_eq!(
            next.iter()
                .map(|r| r.account_no.as_str())
                .collect::<Vec<_>>(),
            ["B"]
        );
    }

    #[test]
    fn a_list_read_at_the_very_minute_of_the_promise_is_not_after_it() {
        let tasks = [task("A", "2026-10-20", 4)];
        assert!(to_keep(&tasks, at("2026-11-20 10:00"), &[promise()], &[], GRACE).is_empty());
        assert_eq!(
            to_keep(&tasks, at("2026-11-20 10:01"), &[promise()], &[], GRACE).len(),
            1
        );
    }

    #[test]
    fn a_payment_seen_in_time_ends_the_evidence() {
        let tasks = [task("A", "2026-11-21", 0)];
        let paid = to_keep(&tasks, at("2026-11-22 08:00"), &[promise()], &[], GRACE);
        assert_eq!(paid.len(), 1);
        let later = to_keep(&tasks, at("2026-11-23 08:00"), &[promise()], &paid, GRACE);
        assert!(later.is_empty());
    }

    #[test]
    fn the_tally_judges_each_accounts_latest_promise() {
        let p = |account: &str, date: &str, called: &str| Promise {
            account_no: account.into(),
            promise_date: day(date),
            call_time: at(called),
            ..Promise::default()
        };
        let promises = [
            // Replaced by the newer promise below: not judged.
            p("A", "2026-11-21", "2026-11-18 10:00"),
            p("A", "2026-11-24", "2026-11-20 10:00"),
            p("B", "2026-11-24", "2026-11-20 11:00"),
            p("C", "2026-11-24", "2026-11-20 12:00"),
            p("D", "2026-11-24", "2026-11-20 13:00"),
            p("E", "2026-11-27", "2026-11-26 13:00"),
        ];
        let today = day("2026-11-27");
        let book = PromiseBook::build(&promises, today, &HashSet::new());
        let mut b = read("2026-11-26 08:00", Some("2026-10-20"), 7);
        b.account_no = "B".into();
        let reads = [read("2026-11-24 08:00", Some("2026-11-23"), 0), b];
        let queue: HashSet<&str> = ["C"].into();
        let t = Tally::of(&book, &reads, GRACE, today, &queue);
        assert_eq!(
            t,
            Tally {
                kept: 1,
                broken: 2,
                unknown: 1,
                pending: 1
            }
        );
    }
}
