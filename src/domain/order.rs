//! The order a list of tasks is worked in: the collector's priority, or a column. The
//! workstation's queue and `deskcoll tasks --sort` both sort here.

use super::Task;
use super::bucket::Bucket;
use super::money::Money;
use std::cmp::Reverse;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortMode {
    /// The collector's order: broken promise, first day, 2-6 days, message follow-up,
    /// pre-due; within each, who may be called now first, then the largest total due.
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

/// Sorts `view` (indices into `tasks`) by `mode`; the largest figures come first, names
/// A to Z; `reverse` turns the whole order round. Ties keep the list's order.
pub fn sort(
    view: &mut [usize],
    tasks: &[Task],
    mode: SortMode,
    reverse: bool,
    bucket: impl Fn(usize) -> Bucket,
    callable: impl Fn(usize) -> bool,
) {
    let t = tasks;
    let zero = Money::ZERO;
    match mode {
        SortMode::Priority => view.sort_by_key(|&i| {
            (
                bucket(i),
                !callable(i),
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

    fn order(tasks: &[Task], mode: SortMode, reverse: bool, callable: &[bool]) -> String {
        let mut view: Vec<usize> = (0..tasks.len()).collect();
        let bucket = |i: usize| Bucket::classify(tasks[i].overdue, false);
        sort(&mut view, tasks, mode, reverse, bucket, |i| callable[i]);
        view.iter()
            .map(|&i| tasks[i].contract_no.as_str())
            .collect()
    }

    #[test]
    fn priority_then_columns_and_reversed() {
        let tasks = [
            task("A", "ANDI", 0, 500),
            task("B", "BUDI", 4, 100),
            task("C", "CITRA", 2, 50),
            task("D", "DEWI", 30, 900),
            task("E", "EKO", 5, 700),
            task("F", "FAJAR", 8, 10),
        ];
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
        let tasks = [
            task("A", "ANDI", 0, 500),
            task("B", "BUDI", 4, 100),
            task("C", "CITRA", 2, 50),
            task("D", "DEWI", 30, 900),
            task("E", "EKO", 5, 700),
            task("F", "FAJAR", 8, 10),
        ];
        let mut view: Vec<usize> = (0..tasks.len()).collect();
        let bucket = |i: usize| Bucket::classify(tasks[i].overdue, false);
        sort(&mut view, &tasks, SortMode::Priority, false, bucket, |_| {
            true
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
            true
        });
        pin_first(&mut view, |i| tasks[i].contract_no == "F");
        let order: String = view
            .iter()
            .map(|&i| tasks[i].contract_no.as_str())
            .collect();
        assert_eq!(order, "FADBEC");
    }
}
