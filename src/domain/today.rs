//! The agent's day in figures: calls by action, who answered, promises taken and the money
//! under them, how earlier promises fared, callbacks due, where the results stand, and the
//! promises to watch. One computation for the Today tab and `deskcoll today`.

use super::callback::CallbackStatus;
use super::money::Total;
pub use super::outbox::DayRecord;
use super::outbox::DeliveryState;
use super::promise::PromiseBook;
use super::verdict::{ListRead, Tally};
use super::window::CallingRules;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// `n ÷ of`, or `None` when `of` is 0 (JSON `null`): between 0 and 1 whenever `n <= of`.
pub fn rate(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

/// A rate as the screen and the table show it: a whole percent, or "-" when there is none.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or("-".into(), |r| format!("{:.0}%", r * 100.0))
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TodaySummary {
    pub date: String,
    /// Results recorded today (discarded ones do not count).
    pub calls: usize,
    /// Results whose party was the debtor or a co-debtor (right-party contacts).
    pub rpc: usize,
    /// `rpc ÷ calls`.
    pub rpc_rate: Option<f64>,
    /// Promises to pay taken in a right-party contact.
    pub rpc_ptp: usize,
    /// `rpc_ptp ÷ rpc`.
    pub ptp_rate: Option<f64>,
    pub by_action: BTreeMap<String, usize>,
    /// Calls per hour of the agent's clock, 0 to 23.
    pub calls_by_hour: Vec<usize>,
    pub ptp_count: usize,
    /// Plain number of rupiah (exact), e.g. "107261731".
    pub ptp_total_due: String,
    /// The amounts promised today (the form's Amount; for a result kept without one, the
    /// total due), as a plain number.
    pub promised_amount: String,
    /// Every account's latest promise, judged on the evidence (`verdict::judge`).
    pub promises_kept: usize,
    pub promises_broken: usize,
    pub promises_unknown: usize,
    /// Not judged yet: the date and the grace days have not passed.
    pub promises_pending: usize,
    /// `calling.promise_grace_days`: days after a promise's date before it is judged.
    pub promise_grace_days: i64,
    /// `promises_kept ÷ (promises_kept + promises_broken)`.
    pub kept_rate: Option<f64>,
    /// Results whose callback is due now with no result for the account since.
    pub callbacks_due: usize,
    pub delivered: usize,
    pub waiting: usize,
    pub rejected: usize,
    pub uncertain: usize,
    /// This agent's promises falling due today and tomorrow, by account.
    pub promises_due_today: Vec<DuePromise>,
    pub promises_due_tomorrow: Vec<DuePromise>,
    /// The list's accounts in the broken-promise bucket (`bucket::bucket_of`), most owed first:
    /// the server's list, not this agent's verdicts (`promises_broken`).
    pub broken_promises: Vec<BrokenPromise>,
}

/// A promise of this agent's that falls due on a day: what was promised, and what the
/// account owed when it was taken (plain numbers of rupiah, as `promised_amount`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuePromise {
    pub account_no: String,
    pub name: String,
    pub promise_date: NaiveDate,
    pub promised_amount: Option<String>,
    pub total_due: Option<String>,
}

impl DuePromise {
    fn of(p: &super::promise::Promise) -> DuePromise {
        DuePromise {
            account_no: p.account_no.clone(),
            name: p.name.clone(),
            promise_date: p.promise_date,
            promised_amount: p.promised_amount.map(|m| m.plain()),
            total_due: p.total_due.map(|m| m.plain()),
        }
    }
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
    /// The accounts of `tasks` whose bucket is a broken promise, most owed first; not one
    /// that has given a new promise since, still standing (`PromiseBook::pending`).
    pub fn of(tasks: &[super::Task], promises: &PromiseBook) -> Vec<BrokenPromise> {
        let mut broken: Vec<&super::Task> = tasks
            .iter()
            .filter(|t| !promises.pending.contains(t.contract_no.as_str()))
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

/// What the figures are judged by besides the records: the evidence of the lists read on
/// this desk, the grace days (`calling.promise_grace_days`) and the calling rules (when a
/// callback's window closes).
#[derive(Debug, Clone, Copy)]
pub struct Judging<'a> {
    pub reads: &'a [ListRead],
    pub grace_days: i64,
    pub rules: &'a CallingRules,
}

/// Callbacks due at `now`: results (not discarded) whose callback `Callback::status` finds
/// due, the account's latest result being older than the callback's time.
fn callbacks_due(records: &[DayRecord], now: DateTime<FixedOffset>, rules: &CallingRules) -> usize {
    let kept = || {
        records
            .iter()
            .filter(|r| r.state != DeliveryState::Discarded)
    };
    let mut last: HashMap<&str, NaiveDateTime> = HashMap::new();
    for r in kept() {
        let t = last.entry(r.account_no.as_str()).or_insert(r.call_time);
        *t = (*t).max(r.call_time);
    }
    // Call times are the agent's wall clock.
    let instant = |t: NaiveDateTime| -> Option<DateTime<Utc>> {
        Some(t.and_local_timezone(*now.offset()).single()?.to_utc())
    };
    kept()
        .filter_map(|r| r.callback.map(|c| (r, c)))
        .filter(|(r, c)| {
            let last = last.get(r.account_no.as_str()).copied().and_then(instant);
            c.status(now.to_utc(), last, rules) == CallbackStatus::Due
        })
        .count()
}

impl TodaySummary {
    /// `records`: every result recorded (any day); `now`: the agent's clock; `promises` and
    /// `broken`: built against the current list (`BrokenPromise::of`; none when it could not
    /// be read).
    pub fn of(
        records: &[DayRecord],
        now: DateTime<FixedOffset>,
        promises: &PromiseBook,
        broken: Vec<BrokenPromise>,
        judging: &Judging,
    ) -> TodaySummary {
        let today = now.date_naive();
        let mut s = TodaySummary {
            date: today.to_string(),
            calls_by_hour: vec![0; 24],
            ..TodaySummary::default()
        };
        let mut ptp_total = Total::default();
        let mut promised = Total::default();
        for r in records.iter().filter(|r| counts_on(r, today)) {
            s.calls += 1;
            s.calls_by_hour[r.call_time.hour() as usize] += 1;
            *s.by_action.entry(r.action_code.clone()).or_default() += 1;
            let right_party = r.party.is_right_party();
            s.rpc += usize::from(right_party);
            if r.promise_date.is_some() {
                s.ptp_count += 1;
                s.rpc_ptp += usize::from(right_party);
                // Checked: past the range the figure is an error naming the result.
                let record = || format!("the result for {}", r.account_no);
                ptp_total.add(r.total_due.unwrap_or_default(), record);
                promised.add(
                    r.promised_amount.or(r.total_due).unwrap_or_default(),
                    record,
                );
            }
            match r.state {
                DeliveryState::Delivered => s.delivered += 1,
                DeliveryState::Queued | DeliveryState::Sending => s.waiting += 1,
                DeliveryState::Rejected => s.rejected += 1,
                DeliveryState::Uncertain => s.uncertain += 1,
                DeliveryState::Discarded => {}
            }
        }
        s.rpc_rate = rate(s.rpc, s.calls);
        s.ptp_rate = rate(s.rpc_ptp, s.rpc);
        s.ptp_total_due = ptp_total.plain();
        s.promised_amount = promised.plain();
        let in_queue: HashSet<&str> = broken.iter().map(|b| b.account_no.as_str()).collect();
        let tally = Tally::of(
            promises,
            judging.reads,
            judging.grace_days,
            today,
            &in_queue,
        );
        s.promises_kept = tally.kept;
        s.promises_broken = tally.broken;
        s.promises_unknown = tally.unknown;
        s.promises_pending = tally.pending;
        s.promise_grace_days = judging.grace_days;
        s.kept_rate = rate(tally.kept, tally.kept + tally.broken);
        s.callbacks_due = callbacks_due(records, now, judging.rules);
        let tomorrow = today + Duration::days(1);
        let due = |day: NaiveDate| {
            let mut v: Vec<DuePromise> = promises
                .latest
                .values()
                .filter(|p| p.promise_date == day)
                .map(DuePromise::of)
                .collect();
            v.sort_by(|a, b| a.account_no.cmp(&b.account_no));
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
    use crate::domain::money::Money;
    use crate::domain::party::Party;
    use crate::domain::promise::Promise;

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
            party: Party::Unknown,
            promised_amount: None,
            callback: None,
        }
    }

    #[test]
    fn a_fresh_promise_takes_an_account_out_of_the_broken_promise_list() {
        // The server's list puts both in the broken-promise bucket (overdue 8); FRESH gave a
        // new promise this morning, for Monday: it is not listed as broken.
        let today = at("2026-11-27 10:00:00").date();
        let records = [
            rec(
                "OLD",
                "PTP",
                "2026-11-20 10:00:00",
                Some("2026-11-26"),
                DeliveryState::Delivered,
                5,
            ),
            rec(
                "FRESH",
                "PTP",
                "2026-11-20 10:00:00",
                Some("2026-11-26"),
                DeliveryState::Delivered,
                7,
            ),
            rec(
                "FRESH",
                "PTP",
                "2026-11-27 09:00:00",
                Some("2026-11-30"),
                DeliveryState::Delivered,
                7,
            ),
        ];
        let task = |no: &str| super::super::Task {
            contract_no: no.into(),
            overdue: Some(8),
            ..super::super::Task::default()
        };
        let tasks = [task("OLD"), task("FRESH")];
        let book = PromiseBook::of(&records, today, &tasks);
        let broken = BrokenPromise::of(&tasks, &book);
        let listed: Vec<&str> = broken.iter().map(|b| b.account_no.as_str()).collect();
        assert_eq!(listed, ["OLD"]);
        assert!(book.pending.contains("FRESH") && !book.pending.contains("OLD"));
    }

    /// Friday 27 November 2026 at `hh:mm` on an agent's clock in WIB.
    fn now(hh_mm: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-27T{hh_mm}:00+07:00")).unwrap()
    }

    fn judging(reads: &[ListRead]) -> Judging<'_> {
        static RULES: std::sync::LazyLock<CallingRules> =
            std::sync::LazyLock::new(CallingRules::default);
        Judging {
            reads,
            grace_days: 1,
            rules: &RULES,
        }
    }

    fn summary(
        records: &[DayRecord],
        now: DateTime<FixedOffset>,
        reads: &[ListRead],
    ) -> TodaySummary {
        let book = PromiseBook::of(records, now.date_naive(), &[]);
        TodaySummary::of(records, now, &book, Vec::new(), &judging(reads))
    }

    fn with_party(mut r: DayRecord, party: Party) -> DayRecord {
        r.party = party;
        r
    }

    #[test]
    fn the_day_is_named_and_calls_are_counted_by_action_and_by_state() {
        let records = [
            rec(
                "A",
                "PTP",
                "2026-11-27 09:00:00",
                Some("2026-11-29"),
                DeliveryState::Delivered,
                5,
            ),
            rec(
                "B",
                "PTP",
                "2026-11-27 10:00:00",
                Some("2026-11-30"),
                DeliveryState::Queued,
                7,
            ),
            rec(
                "C",
                "NCT",
                "2026-11-27 11:00:00",
                None,
                DeliveryState::Rejected,
                1,
            ),
            rec(
                "E",
                "MSG",
                "2026-11-27 12:00:00",
                None,
                DeliveryState::Uncertain,
                1,
            ),
            rec(
                "F",
                "MSG",
                "2026-11-27 12:30:00",
                None,
                DeliveryState::Uncertain,
                1,
            ),
            rec(
                "D",
                "NCT",
                "2026-11-26 11:00:00",
                None,
                DeliveryState::Delivered,
                1,
            ),
        ];
        let s = summary(&records, now("16:30"), &[]);
        assert_eq!(s.date, "2026-11-27");
        assert_eq!(s.calls, 5, "yesterday's is not today's");
        let by: Vec<(&str, usize)> = s.by_action.iter().map(|(a, n)| (a.as_str(), *n)).collect();
        assert_eq!(by, [("MSG", 2), ("NCT", 1), ("PTP", 2)]);
        assert_eq!(s.ptp_total_due, "12");
        assert_eq!(
            (s.delivered, s.waiting, s.rejected, s.uncertain),
            (1, 1, 1, 2)
        );
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
        let promises: Vec<Promise> = crate::domain::promise::promises_of(&records);
        let book = PromiseBook::build(&promises, today, &HashSet::new());
        let s = TodaySummary::of(&records, now("10:00"), &book, Vec::new(), &judging(&[]));
        assert_eq!(s.calls, 3);
        assert_eq!(s.by_action["PTP"], 2);
        assert_eq!(s.ptp_count, 2);
        assert_eq!(s.ptp_total_due, "3500");
        assert_eq!((s.delivered, s.waiting, s.uncertain), (1, 1, 1));
        let accounts =
            |v: &[DuePromise]| -> Vec<String> { v.iter().map(|p| p.account_no.clone()).collect() };
        assert_eq!(accounts(&s.promises_due_today), vec!["E"]);
        assert_eq!(accounts(&s.promises_due_tomorrow), vec!["A"]);
        // Each with what was promised and what the account owed then.
        let e = &s.promises_due_today[0];
        assert_eq!(e.promise_date.to_string(), "2026-11-27");
        assert_eq!(e.total_due, Some("0".into()));
    }

    #[test]
    fn promised_amounts_past_the_range_are_an_error_naming_the_result_not_a_crash() {
        let huge = Money("50000000000000000000000000000".parse().unwrap());
        let ptp = |account: &str| DayRecord {
            promised_amount: Some(huge),
            ..rec(
                account,
                "PTP",
                "2026-11-27 09:00:00",
                Some("2026-11-30"),
                DeliveryState::Delivered,
                5_000,
            )
        };
        let records = [ptp("ACC-1"), ptp("ACC-2")];
        let s = summary(&records, now("10:00"), &[]);
        assert_eq!(
            s.promised_amount,
            "error: past the range at the result for ACC-2"
        );
        assert_eq!(s.ptp_total_due, "10000", "the other figures still show");
        assert_eq!((s.calls, s.ptp_count), (2, 2));
    }

    #[test]
    fn right_party_contacts_and_the_rates_over_them() {
        let ptp = |account: &str, party: Party, amount: Option<i64>| DayRecord {
            promised_amount: amount.map(Money::from_units),
            ..with_party(
                rec(
                    account,
                    "PTP",
                    "2026-11-27 09:00:00",
                    Some("2026-11-30"),
                    DeliveryState::Delivered,
                    5_000,
                ),
                party,
            )
        };
        let call = |account: &str, party: Party| {
            with_party(
                rec(
                    account,
                    "MSG",
                    "2026-11-27 11:30:00",
                    None,
                    DeliveryState::Queued,
                    0,
                ),
                party,
            )
        };
        let records = [
            ptp("A", Party::Debtor, Some(1_500)),
            ptp("B", Party::CoDebtor, None),
            // The party not said: a promise, not a right-party contact.
            ptp("C", Party::Unknown, Some(700)),
            call("D", Party::Debtor),
            call("E", Party::Spouse),
            call("F", Party::Nobody),
            call("G", Party::ThirdParty),
            call("H", Party::Family),
        ];
        let s = summary(&records, now("12:00"), &[]);
        assert_eq!(s.calls, 8);
        assert_eq!(s.rpc, 3, "A, B and D");
        assert_eq!(s.rpc_rate, Some(3.0 / 8.0));
        assert_eq!((s.ptp_count, s.rpc_ptp), (3, 2));
        assert_eq!(s.ptp_rate, Some(2.0 / 3.0));
        // 1,500 promised, B's total due (no amount kept), 700.
        assert_eq!(s.promised_amount, "7200");
        assert_eq!(s.ptp_total_due, "15000");
        assert_eq!(s.calls_by_hour[9], 3);
        assert_eq!(s.calls_by_hour[11], 5);
        assert_eq!(s.calls_by_hour.iter().sum::<usize>(), 8);
        assert_eq!(s.calls_by_hour.len(), 24);
    }

    #[test]
    fn a_rate_with_nothing_to_divide_by_is_none() {
        let s = summary(&[], now("08:00"), &[]);
        assert_eq!((s.rpc_rate, s.ptp_rate, s.kept_rate), (None, None, None));
        assert_eq!(s.promised_amount, "0");
        let nobody = [with_party(
            rec(
                "A",
                "NCT",
                "2026-11-27 08:30:00",
                None,
                DeliveryState::Delivered,
                0,
            ),
            Party::Nobody,
        )];
        let s = summary(&nobody, now("09:00"), &[]);
        assert_eq!((s.rpc_rate, s.ptp_rate), (Some(0.0), None));
        assert_eq!(percent(s.rpc_rate), "0%");
        assert_eq!(percent(s.ptp_rate), "-");
        assert_eq!(percent(rate(2, 3)), "67%");
    }

    #[test]
    fn kept_rate_counts_kept_over_kept_and_broken() {
        let promise = |account: &str, called: &str| {
            rec(
                account,
                "PTP",
                called,
                Some("2026-11-24"),
                DeliveryState::Delivered,
                1_000,
            )
        };
        let records = [
            promise("A", "2026-11-20 10:00:00"),
            promise("B", "2026-11-20 10:00:00"),
            promise("C", "2026-11-20 10:00:00"),
            promise("D", "2026-11-20 10:00:00"),
            rec(
                "E",
                "PTP",
                "2026-11-26 10:00:00",
                Some("2026-11-28"),
                DeliveryState::Queued,
                1,
            ),
        ];
        let read = |account: &str, paid: &str, overdue: i64| ListRead {
            account_no: account.into(),
            read_at: at("2026-11-26 08:00:00"),
            last_paid: Some(paid.parse().unwrap()),
            overdue: Some(overdue),
        };
        let reads = [
            read("A", "2026-11-23", 0),
            read("B", "2026-11-25", 0),
            read("C", "2026-10-20", 6),
        ];
        let s = summary(&records, now("10:00"), &reads);
        assert_eq!(
            (
                s.promises_kept,
                s.promises_broken,
                s.promises_unknown,
                s.promises_pending
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(s.kept_rate, Some(2.0 / 3.0));
    }

    #[test]
    fn a_callback_is_due_until_a_new_result_for_the_account() {
        use crate::domain::callback::Callback;
        use crate::domain::zone::Zone;
        let due = |hh_mm: &str| Callback {
            due_utc: now(hh_mm).to_utc(),
            zone: Zone::Wib,
        };
        let with_callback = |account: &str, when: &str, at_: &str| DayRecord {
            callback: Some(due(at_)),
            ..rec(account, "MSG", when, None, DeliveryState::Delivered, 0)
        };
        let records = [
            with_callback("A", "2026-11-27 09:00:00", "11:00"),
            with_callback("B", "2026-11-27 09:00:00", "11:00"),
            // B called again after its callback fell due: done.
            rec(
                "B",
                "NCT",
                "2026-11-27 11:05:00",
                None,
                DeliveryState::Delivered,
                0,
            ),
            // Not due yet.
            with_callback("C", "2026-11-27 09:00:00", "15:00"),
            // Given up: its callback does not count.
            DayRecord {
                state: DeliveryState::Discarded,
                ..with_callback("D", "2026-11-27 09:00:00", "11:00")
            },
        ];
        assert_eq!(summary(&records, now("10:59"), &[]).callbacks_due, 0);
        assert_eq!(summary(&records, now("11:30"), &[]).callbacks_due, 1);
        assert_eq!(summary(&records, now("15:00"), &[]).callbacks_due, 2);
        // The window closes at 20:00: missed, no longer due.
        assert_eq!(summary(&records, now("20:00"), &[]).callbacks_due, 0);
    }
}
