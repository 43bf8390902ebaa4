//! The order a list of tasks is worked in: the collector's priority, or a column. The
//! workstation's queue and `deskcoll tasks --sort` both sort here.

use super::Task;
use super::bucket::Bucket;
use super::money::Money;
use std::cmp::Reverse;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortMode {
    /// The collector's order: broken promise, first day, 2-6 days, message follow-up,
    /// pre-due; within each, by `Urgency`: windows closing soon first (the soonest first),
    /// then the other callable accounts, then the closed ones; then the largest total due.
    #[default]
    Priority,
    DaysOverdue,
    TotalDue,
    Osar,
    Name,
}

impl SortMode {
    pub const ALL: [SortMode; 5] = [
        SortMode::Priority,
        SortMode::DaysOverdue,
        SortMode::TotalDue,
        SortMode::Osar,
        SortMode::Name,
    ];

    pub fn next(self) -> SortMode {
        let i = SortMode::ALL.iter().position(|m| *m == self).unwrap_or(0);
        SortMode::ALL[(i + 1) % SortMode::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        match self {
            SortMode::Priority => "priority",
            SortMode::DaysOverdue => "days overdue",
            SortMode::TotalDue => "total due",
            SortMode::Osar => "OSAR",
            SortMode::Name => "name",
        }
    }

    /// The name on the command line (`--sort`).
    pub fn arg_name(self) -> &'static str {
        match self {
            SortMode::Priority => "priority",
            SortMode::DaysOverdue => "overdue",
            SortMode::TotalDue => "total",
            SortMode::Osar => "osar",
            SortMode::Name => "name",
        }
    }
}

/// Where a customer stands against the clock, in the order the priority works them within
/// a bucket: a window closing within `ui.closing_soon_minutes` (the soonest first), then the
/// other open windows, then the closed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Callable, and the window closes in this many minutes: no more than the threshold.
    ClosingSoon(i64),
    Callable,
    Closed,
}

impl Urgency {
    /// From the minutes until the window closes (`Window::closes_in_minutes`; `None`:
    /// closed) and `ui.closing_soon_minutes`. A window closing exactly at the threshold is
    /// closing soon; a threshold of 0 marks none.
    pub fn of(closes_in: Option<i64>, closing_soon: i64) -> Urgency {
        match closes_in {
            None => Urgency::Closed,
            Some(m) if m <= closing_soon => Urgency::ClosingSoon(m),
            Some(_) => Urgency::Callable,
        }
    }

    pub fn callable(self) -> bool {
        self != Urgency::Closed
    }

    /// The minutes said beside the account ("closes in 25m"): only when closing soon.
    pub fn closing_in(self) -> Option<i64> {
        match self {
            Urgency::ClosingSoon(m) => Some(m),
            _ => None,
        }
    }
}

/// Indices of `tasks` by total due, largest first, ties in list order: the priority order
/// within each bucket and urgency, and the total-due order, follow it. Computed once per
/// list (kept with it: `list_cache`), so that a sort at 100,000 tasks never compares amounts.
pub fn by_total_due(tasks: &[Task]) -> Vec<u32> {
    let zero = Money::ZERO;
    let mut order: Vec<u32> = (0..tasks.len() as u32).collect();
    order.sort_by_cached_key(|&i| (Reverse(tasks[i as usize].total_due.unwrap_or(zero)), i));
    order
}

/// Sorts `view` (indices into `tasks`) by `mode`; the largest figures come first, names
/// A to Z; `reverse` turns the whole order round. Ties keep the list's order.
pub fn sort(
    view: &mut [usize],
    tasks: &[Task],
    mode: SortMode,
    reverse: bool,
    bucket: impl Fn(usize) -> Bucket,
    urgency: impl Fn(usize) -> Urgency,
) {
    let t = tasks;
    let zero = Money::ZERO;
    match mode {
        SortMode::Priority => view.sort_by_key(|&i| {
            (
                bucket(i),
                urgency(i),
                Reverse(t[i].total_due.unwrap_or(zero)),
                i,
            )
        }),
        SortMode::DaysOverdue => view.sort_by_key(|&i| (Reverse(t[i].overdue.unwrap_or(0)), i)),
        SortMode::TotalDue => view.sort_by_key(|&i| (Reverse(t[i].total_due.unwrap_or(zero)), i)),
        SortMode::Osar => view.sort_by_key(|&i| (Reverse(t[i].osar.unwrap_or(zero)), i)),
        SortMode::Name => view.sort_by(|&a, &b| t[a].name.cmp(&t[b].name).then(a.cmp(&b))),
    }
    if reverse {
        view.reverse();
    }
}

/// Moves the rows `pinned` says are pinned (a callback that is due) to the top of `view`,
/// above every bucket, in any order; both parts keep their order. Applied after `sort`.
pub fn pin_first(view: &mut [usize], pinned: impl Fn(usize) -> bool) {
    let (first, rest): (Vec<usize>, Vec<usize>) = view.iter().partition(|&&i| pinned(i));
    if !first.is_empty() {
        view[..first.len()].copy_from_slice(&first);
        view[first.len()..].copy_from_slice(&rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(no: &str, name: &str, overdue: i64, total: i64) -> Task {
        Task {
            contract_no: no.into(),
            name: name.into(),
            overdue: Some(overdue),
            total_due: Some(Money::from_units(total)),
            osar: Some(Money::from_units(total * 10)),
            ..Task::default()
        }
    }

    fn order_by<'a>(
        tasks: &'a [Task],
        mode: SortMode,
        reverse: bool,
        urgency: &[Urgency],
    ) -> Vec<&'a str> {
        let mut view: Vec<usize> = (0..tasks.len()).collect();
        let bucket = |i: usize| Bucket::classify(tasks[i].overdue, false);
        sort(&mut view, tasks, mode, reverse, bucket, |i| urgency[i]);
        view.iter()
            .map(|&i| tasks[i].contract_no.as_str())
            .collect()
    }

    fn order(tasks: &[Task], mode: SortMode, reverse: bool, callable: &[bool]) -> String {
        let urgency: Vec<Urgency> = callable
            .iter()
            .map(|&c| {
                if c {
                    Urgency::Callable
                } else {
                    Urgency::Closed
                }
            })
            .collect();
        order_by(tasks, mode, reverse, &urgency).concat()
    }

    /// Six accounts in different buckets, owing different amounts.
    fn six() -> [Task; 6] {
        [
            task("A", "ANDI", 0, 500),
            task("B", "BUDI", 4, 100),
            task("C", "CITRA", 2, 50),
            task("D", "DEWI", 30, 900),
            task("E", "EKO", 5, 700),
            task("F", "FAJAR", 8, 10),
        ]
    }

    #[test]
    fn priority_then_columns_and_reversed() {
        let tasks = six();
        let all = [true; 6];
        assert_eq!(order(&tasks, SortMode::Priority, false, &all), "FCEBDA");
        let mut e_closed = all;
        e_closed[4] = false;
        assert_eq!(
            order(&tasks, SortMode::Priority, false, &e_closed),
            "FCBEDA",
            "who may be called now first"
        );
        assert_eq!(order(&tasks, SortMode::DaysOverdue, false, &all), "DFEBCA");
        assert_eq!(order(&tasks, SortMode::TotalDue, false, &all), "DEABCF");
        assert_eq!(order(&tasks, SortMode::Name, true, &all), "FEDCBA");
        assert_eq!(SortMode::Name.next(), SortMode::Priority);
    }

    #[test]
    fn pinned_rows_come_first_and_both_parts_keep_their_order() {
        let tasks = six();
        let mut view: Vec<usize> = (0..tasks.len()).collect();
        let bucket = |i: usize| Bucket::classify(tasks[i].overdue, false);
        sort(&mut view, &tasks, SortMode::Priority, false, bucket, |_| {
            Urgency::Callable
        });
        // A pre-due account and a 2-6 day one with callbacks due: above the first day.
        pin_first(&mut view, |i| {
            matches!(tasks[i].contract_no.as_str(), "A" | "B")
        });
        let order: String = view
            .iter()
            .map(|&i| tasks[i].contract_no.as_str())
            .collect();
        assert_eq!(order, "BAFCED");
        // Turned round, the pins stay on top.
        sort(&mut view, &tasks, SortMode::Priority, true, bucket, |_| {
            Urgency::Callable
        });
        pin_first(&mut view, |i| tasks[i].contract_no == "F");
        let order: String = view
            .iter()
            .map(|&i| tasks[i].contract_no.as_str())
            .collect();
        assert_eq!(order, "FADBEC");
    }

    /// 18:30 WIB on a Friday, everyone in one bucket (2-6 days), with `closing_soon`.
    fn evening_order(closing_soon: i64) -> String {
        use crate::domain::window::CallingRules;
        use crate::domain::zone::Zone;
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T18:30:00+07:00")
            .unwrap()
            .to_utc();
        let left = |zone| CallingRules::default().check(now, zone).closes_in_minutes();
        let tasks = [
            task("WIT", "JAYAPURA", 4, 900),
            task("WIB", "JAKARTA", 4, 100),
            task("WITA", "MAKASSAR", 4, 50),
            task("BIG", "SORE", 4, 800),
            task("SMALL", "SIANG", 4, 10),
        ];
        // 20:30 in Jayapura (closed), 18:30 in Jakarta (90m), 19:30 in Makassar (30m); the
        // last two close in three hours (as under a company's later hours).
        let closes_in = [
            left(Zone::Wit),
            left(Zone::Wib),
            left(Zone::Wita),
            Some(180),
            Some(180),
        ];
        assert_eq!(closes_in[..3], [None, Some(90), Some(30)]);
        let urgency = closes_in.map(|c| Urgency::of(c, closing_soon));
        order_by(&tasks, SortMode::Priority, false, &urgency).join(" ")
    }

    #[test]
    fn at_1830_wib_wita_30m_leads_wib_90m_at_the_boundary_included_3h_keeps_total_due_wit_closed_sinks()
     {
        assert_eq!(
            evening_order(90),
            "WITA WIB BIG SMALL WIT",
            "30m, then 90m (at the threshold: closing soon), then the 3h ones by total due, \
             the closed one last though it owes the most"
        );
        assert_eq!(
            evening_order(89),
            "WITA BIG WIB SMALL WIT",
            "90m past an 89m threshold keeps the total-due order"
        );
        assert_eq!(
            evening_order(0),
            "BIG WIB WITA SMALL WIT",
            "a threshold of 0: callable by total due, as before"
        );
    }

    #[test]
    fn urgency_of_the_minutes_left() {
        assert_eq!(Urgency::of(None, 90), Urgency::Closed);
        assert_eq!(Urgency::of(Some(90), 90), Urgency::ClosingSoon(90));
        assert_eq!(Urgency::of(Some(91), 90), Urgency::Callable);
        assert_eq!(Urgency::ClosingSoon(25).closing_in(), Some(25));
        assert_eq!(Urgency::Callable.closing_in(), None);
        assert!(Urgency::ClosingSoon(1).callable() && !Urgency::Closed.callable());
        assert!(Urgency::ClosingSoon(90) < Urgency::Callable);
        assert!(Urgency::ClosingSoon(30) < Urgency::ClosingSoon(90));
    }
}
