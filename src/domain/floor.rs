//! The supervisor's floor: one row per agent, its figures made by the same functions as that
//! agent's own Today (`TodaySummary::of`) over what the agent's desk pushed to the team
//! ledger, and a total row. Pure: the ledger is read in `crate::team`.

use super::callback::{self, CallbackStatus};
use super::money::Total;
use super::promise::PromiseBook;
use super::receipt::Receipt;
use super::today::{DayRecord, Judging, TodaySummary, rate};
use super::verdict::ListRead;
use super::window::CallingRules;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// One agent's day as the floor shows it. The figures named as in `today --format json`
/// carry the same values as that agent's own `deskcoll today --format json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FloorRow {
    pub agent_id: String,
    pub date: String,
    pub calls: usize,
    pub rpc: usize,
    pub rpc_rate: Option<f64>,
    pub rpc_ptp: usize,
    pub ptp_count: usize,
    pub ptp_rate: Option<f64>,
    /// Plain number of rupiah (exact).
    pub promised_amount: String,
    pub promises_kept: usize,
    pub promises_broken: usize,
    pub kept_rate: Option<f64>,
    pub callbacks_due: usize,
    /// Callbacks that fell due on the day and whose window closed with no result since.
    pub callbacks_missed: usize,
    /// Receipts of the day whose call was outside the calling window (closed, a holiday, a
    /// Sunday), and how many of those had the consumer's consent.
    pub outside_window: usize,
    pub outside_window_consent: usize,
    pub waiting: usize,
    pub uncertain: usize,
    /// The agent's clock at its last result of the day (`YYYY-MM-DD HH:MM:SS`), if any.
    pub last_result: Option<String>,
}

/// What the ledger holds of one agent: every result (its latest version), the list reads
/// (evidence) and the receipts of the day (those outside the window are all the row needs).
#[derive(Debug, Clone, Default)]
pub struct AgentDay {
    pub agent_id: String,
    pub records: Vec<DayRecord>,
    pub reads: Vec<ListRead>,
    pub receipts: Vec<Receipt>,
}

/// The window states of a call outside the calling window.
pub const OUTSIDE_STATES: [&str; 3] = ["closed", "holiday", "sunday"];

/// Whether a receipt's window state is outside the calling window.
pub fn outside_window(window_state: &str) -> bool {
    OUTSIDE_STATES.contains(&window_state)
}

impl FloorRow {
    /// The row of `day` at `now` (the supervisor's clock): `TodaySummary::of` over the
    /// agent's records and reads, judged as its desk judges them. The agent's queue is not in
    /// the ledger: no account is taken as broken for being in its broken-promise bucket.
    pub fn of(
        day: &AgentDay,
        now: DateTime<FixedOffset>,
        grace_days: i64,
        rules: &CallingRules,
    ) -> FloorRow {
        let today = now.date_naive();
        let book = PromiseBook::of(&day.records, today, &[]);
        let judging = Judging {
            reads: &day.reads,
            grace_days,
            rules,
        };
        let s = TodaySummary::of(&day.records, now, &book, Vec::new(), &judging);
        let missed = callback::list(&day.records, now, rules)
            .iter()
            .filter(|l| l.status == CallbackStatus::Missed)
            .filter(|l| l.callback.due_local().date_naive() == today)
            .count();
        let receipts: Vec<&Receipt> = day
            .receipts
            .iter()
            .filter(|r| r.call_time.starts_with(&s.date))
            .collect();
        let outside: Vec<&&Receipt> = receipts
            .iter()
            .filter(|r| outside_window(&r.window_state))
            .collect();
        let last = day
            .records
            .iter()
            .filter(|r| r.call_time.date() == today)
            .filter(|r| r.state != super::outbox::DeliveryState::Discarded)
            .map(|r| r.call_time)
            .max();
        FloorRow {
            agent_id: day.agent_id.clone(),
            date: s.date.clone(),
            calls: s.calls,
            rpc: s.rpc,
            rpc_rate: s.rpc_rate,
            rpc_ptp: s.rpc_ptp,
            ptp_count: s.ptp_count,
            ptp_rate: s.ptp_rate,
            promised_amount: s.promised_amount.clone(),
            promises_kept: s.promises_kept,
            promises_broken: s.promises_broken,
            kept_rate: s.kept_rate,
            callbacks_due: s.callbacks_due,
            callbacks_missed: missed,
            outside_window: outside.len(),
            outside_window_consent: outside.iter().filter(|r| r.consent).count(),
            waiting: s.waiting,
            uncertain: s.uncertain,
            last_result: last.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()),
        }
    }

    /// The floor's total: counts and amounts summed, rates taken again over the sums, the
    /// latest last result. `agent_id` is empty.
    pub fn total(rows: &[FloorRow], date: &str) -> FloorRow {
        let mut t = FloorRow {
            date: date.to_string(),
            ..FloorRow::default()
        };
        let mut promised = Total::default();
        for r in rows {
            t.calls += r.calls;
            t.rpc += r.rpc;
            t.rpc_ptp += r.rpc_ptp;
            t.ptp_count += r.ptp_count;
            promised.add(r.promised_amount.parse().unwrap_or_default(), || {
                format!("the promises of {}", r.agent_id)
            });
            t.promises_kept += r.promises_kept;
            t.promises_broken += r.promises_broken;
            t.callbacks_due += r.callbacks_due;
            t.callbacks_missed += r.callbacks_missed;
            t.outside_window += r.outside_window;
            t.outside_window_consent += r.outside_window_consent;
            t.waiting += r.waiting;
            t.uncertain += r.uncertain;
            t.last_result = t.last_result.clone().max(r.last_result.clone());
        }
        t.rpc_rate = rate(t.rpc, t.calls);
        t.ptp_rate = rate(t.rpc_ptp, t.rpc);
        t.kept_rate = rate(t.promises_kept, t.promises_kept + t.promises_broken);
        t.promised_amount = promised.plain();
        t
    }
}

/// How the floor may be ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FloorSort {
    /// By agent id, A to Z.
    #[default]
    Agent,
    /// Most calls first.
    Calls,
    /// Highest RPC rate first.
    RpcRate,
    /// Highest PTP rate first.
    PtpRate,
    /// Most promised first.
    Promised,
    /// Highest kept rate first.
    KeptRate,
    /// Most results waiting or uncertain first.
    Waiting,
    /// Most contacts outside the window first.
    Outside,
}

impl FloorSort {
    pub const ALL: [FloorSort; 8] = [
        FloorSort::Agent,
        FloorSort::Calls,
        FloorSort::RpcRate,
        FloorSort::PtpRate,
        FloorSort::Promised,
        FloorSort::KeptRate,
        FloorSort::Waiting,
        FloorSort::Outside,
    ];

    /// The name `--sort` takes.
    pub fn wire(self) -> &'static str {
        match self {
            FloorSort::Agent => "agent",
            FloorSort::Calls => "calls",
            FloorSort::RpcRate => "rpc_rate",
            FloorSort::PtpRate => "ptp_rate",
            FloorSort::Promised => "promised",
            FloorSort::KeptRate => "kept_rate",
            FloorSort::Waiting => "waiting",
            FloorSort::Outside => "outside",
        }
    }

    pub fn parse(s: &str) -> Option<FloorSort> {
        FloorSort::ALL.into_iter().find(|f| f.wire() == s)
    }

    /// Orders `rows` (ties by agent id).
    pub fn sort(self, rows: &mut [FloorRow]) {
        let f = |r: &Option<f64>| r.unwrap_or(-1.0);
        let money = |r: &FloorRow| {
            r.promised_amount
                .parse::<super::Money>()
                .unwrap_or_default()
        };
        rows.sort_by(|a, b| {
            let by = match self {
                FloorSort::Agent => std::cmp::Ordering::Equal,
                FloorSort::Calls => b.calls.cmp(&a.calls),
                FloorSort::RpcRate => f(&b.rpc_rate).total_cmp(&f(&a.rpc_rate)),
                FloorSort::PtpRate => f(&b.ptp_rate).total_cmp(&f(&a.ptp_rate)),
                FloorSort::Promised => money(b).cmp(&money(a)),
                FloorSort::KeptRate => f(&b.kept_rate).total_cmp(&f(&a.kept_rate)),
                FloorSort::Waiting => (b.waiting + b.uncertain).cmp(&(a.waiting + a.uncertain)),
                FloorSort::Outside => b.outside_window.cmp(&a.outside_window),
            };
            by.then_with(|| a.agent_id.cmp(&b.agent_id))
        });
    }

    /// The next order (the Floor tab's key turns through them).
    pub fn next(self) -> FloorSort {
        let i = FloorSort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        FloorSort::ALL[(i + 1) % FloorSort::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crate::domain::outbox::DeliveryState;
    use crate::domain::party::Party;

    fn rec(account: &str, when: &str, promise: Option<&str>, party: Party) -> DayRecord {
        DayRecord {
            account_no: account.into(),
            name: String::new(),
            action_code: if promise.is_some() { "PTP" } else { "NCT" }.into(),
            call_time: chrono::NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M:%S").unwrap(),
            promise_date: promise.map(|p| p.parse().unwrap()),
            state: DeliveryState::Delivered,
            total_due: Some(Money::from_units(100)),
            party,
            promised_amount: promise.map(|_| Money::from_units(40)),
            callback: None,
        }
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T16:30:00+07:00").unwrap()
    }

    #[test]
    fn a_row_carries_the_agents_today_figures_and_the_total_sums_them() {
        let rules = CallingRules::default();
        let a = AgentDay {
            agent_id: "A01".into(),
            records: vec![
                rec(
                    "1",
                    "2026-11-27 09:00:00",
                    Some("2026-11-30"),
                    Party::Debtor,
                ),
                rec("2", "2026-11-27 10:15:00", None, Party::Unknown),
                rec("3", "2026-11-26 10:00:00", None, Party::Debtor),
            ],
            ..AgentDay::default()
        };
        let b = AgentDay {
            agent_id: "B02".into(),
            records: vec![rec("9", "2026-11-27 11:00:00", None, Party::Debtor)],
            ..AgentDay::default()
        };
        let ra = FloorRow::of(&a, now(), 1, &rules);
        let book = PromiseBook::of(&a.records, now().date_naive(), &[]);
        let s = TodaySummary::of(
            &a.records,
            now(),
            &book,
            Vec::new(),
            &Judging {
                reads: &[],
                grace_days: 1,
                rules: &rules,
            },
        );
        assert_eq!(
            (ra.calls, ra.rpc, ra.rpc_rate, ra.ptp_count, ra.ptp_rate),
            (s.calls, s.rpc, s.rpc_rate, s.ptp_count, s.ptp_rate)
        );
        assert_eq!((ra.calls, ra.rpc), (2, 1));
        assert_eq!(ra.promised_amount, "40");
        assert_eq!(ra.last_result.as_deref(), Some("2026-11-27 10:15:00"));
        let rb = FloorRow::of(&b, now(), 1, &rules);
        let t = FloorRow::total(&[ra.clone(), rb], "2026-11-27");
        assert_eq!((t.calls, t.rpc, t.rpc_ptp), (3, 2, 1));
        assert_eq!(t.rpc_rate, Some(2.0 / 3.0));
        assert_eq!(t.ptp_rate, Some(0.5));
        assert_eq!(t.last_result.as_deref(), Some("2026-11-27 11:00:00"));
        let mut rows = vec![ra, FloorRow::of(&b, now(), 1, &rules)];
        FloorSort::Calls.sort(&mut rows);
        assert_eq!(rows[0].agent_id, "A01");
        FloorSort::RpcRate.sort(&mut rows);
        assert_eq!(rows[0].agent_id, "B02", "1 of 1 before 1 of 2");
    }
}
