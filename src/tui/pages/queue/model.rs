//! The agent's queue: tasks, the filtered and sorted view of them, selection and scrolling.
//! Pure state; no drawing, no I/O.

use crate::domain::Task;
use crate::domain::bucket::Bucket;
use crate::tui::list::{Cursor, Move};
use std::collections::HashSet;

pub use crate::domain::order::{SortMode, Urgency};

#[derive(Debug, Default)]
pub struct QueueState {
    pub tasks: Vec<Task>,
    /// Parallel to `tasks`.
    buckets: Vec<Bucket>,
    /// Lower-case name, contract, customer code and phones of every task, end to end in one
    /// buffer (a string per task would cost a header and an allocation each).
    haystack: String,
    /// Where each task's part of `haystack` ends.
    key_ends: Vec<u32>,
    /// Indices into `tasks`: what is shown, in order.
    pub view: Vec<usize>,
    /// Position in `view`, and the first row on screen.
    pub cursor: Cursor,
    pub filter: String,
    pub sort: SortMode,
    /// The sort turned round (`S`).
    pub reverse: bool,
    /// Accounts with a result recorded in this session (until the next refresh drops them).
    pub done: HashSet<String>,
    pub loaded: bool,
    pub loading: bool,
    /// When set, only these accounts are shown (the promise filter).
    only: Option<HashSet<String>>,
    /// Parallel to `tasks` once known: may the customer be called now, and does the window
    /// close soon.
    urgency: Vec<Urgency>,
    /// Accounts whose callback is due: on top of the queue, above every bucket.
    pinned: HashSet<String>,
    /// Parallel to `tasks`: each task's place by total due, largest first (ties in list
    /// order): the priority sorts by bucket, urgency and this, never comparing amounts.
    total_rank: Vec<u32>,
}

/// What `/` searches in a task.
fn searchable(t: &Task) -> [&str; 7] {
    [
        &t.name,
        &t.contract_no,
        &t.customer_code,
        &t.phone1,
        &t.phone2,
        &t.phone3,
        &t.phone4,
    ]
}

/// Appends a task's searchable text, lower-cased, to the haystack.
fn push_search_key(haystack: &mut String, t: &Task) {
    for part in searchable(t) {
        if part.is_ascii() {
            haystack.extend(part.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            haystack.push_str(&part.to_lowercase());
        }
        haystack.push('\u{1f}');
    }
}

impl QueueState {
    /// Replaces the tasks, keeping the selection on the same contract when it is still there.
    pub fn set_tasks(&mut self, tasks: Vec<Task>, broken_promises: &HashSet<String>) {
        self.set_tasks_with(tasks, broken_promises, Vec::new());
    }

    /// Takes the tasks out to change them (`set_tasks_with` puts them back); the selection
    /// is for the caller to restore (`reselect`).
    pub fn take_tasks(&mut self) -> Vec<Task> {
        self.view.clear();
        std::mem::take(&mut self.tasks)
    }

    /// Replaces the tasks knowing already where each stands against the clock (one sort, not
    /// two).
    pub fn set_tasks_with(
        &mut self,
        tasks: Vec<Task>,
        broken_promises: &HashSet<String>,
        urgency: Vec<Urgency>,
    ) {
        self.set_tasks_ordered(tasks, broken_promises, urgency, None);
    }

    /// `set_tasks_with`, given the tasks' order by total due when it is already known (kept
    /// with the list, or worked out off the screen's thread: `domain::order::by_total_due`).
    pub fn set_tasks_ordered(
        &mut self,
        tasks: Vec<Task>,
        broken_promises: &HashSet<String>,
        urgency: Vec<Urgency>,
        by_total: Option<Vec<u32>>,
    ) {
        let keep = self.selected_contract();
        self.buckets = tasks
            .iter()
            .map(|t| Bucket::classify(t.overdue, broken_promises.contains(t.contract_no.as_str())))
            .collect();
        let by_total = by_total
            .filter(|o| o.len() == tasks.len())
            .unwrap_or_else(|| crate::domain::order::by_total_due(&tasks));
        self.total_rank = vec![0; tasks.len()];
        for (rank, &i) in by_total.iter().enumerate() {
            if let Some(slot) = self.total_rank.get_mut(i as usize) {
                *slot = rank as u32;
            }
        }
        // The search keys are made when a filter first needs them, not before the queue is
        // drawn.
        self.haystack = String::new();
        self.key_ends = Vec::new();
        if !self.done.is_empty() {
            let present: HashSet<&str> = tasks.iter().map(|t| t.contract_no.as_str()).collect();
            self.done.retain(|c| present.contains(c.as_str()));
        }
        self.urgency = urgency;
        self.tasks = tasks;
        self.loaded = true;
        self.rebuild();
        self.reselect(keep);
    }

    /// Makes the search keys of every task, once per list.
    fn index_search_keys(&mut self) {
        if self.key_ends.len() == self.tasks.len() {
            return;
        }
        let size = |t: &Task| searchable(t).iter().map(|p| p.len() + 1).sum::<usize>();
        self.haystack = String::with_capacity(self.tasks.iter().map(size).sum());
        self.key_ends = Vec::with_capacity(self.tasks.len());
        for t in &self.tasks {
            push_search_key(&mut self.haystack, t);
            self.key_ends.push(self.haystack.len() as u32);
        }
    }

    fn search_key(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.key_ends[i - 1] as usize
        };
        &self.haystack[start..self.key_ends[i] as usize]
    }

    pub fn selected_contract(&self) -> Option<String> {
        self.selected_task().map(|t| t.contract_no.to_string())
    }

    /// Puts the selection back on a contract after the view changed (the top when it is gone).
    pub fn reselect(&mut self, contract: Option<String>) {
        self.cursor.selected = contract
            .and_then(|c| {
                self.view
                    .iter()
                    .position(|&i| self.tasks[i].contract_no == c)
            })
            .unwrap_or(0);
    }

    /// The accounts of one bucket.
    pub fn accounts_in(&self, bucket: Bucket) -> HashSet<String> {
        self.tasks
            .iter()
            .zip(&self.buckets)
            .filter(|(_, b)| **b == bucket)
            .map(|(t, _)| t.contract_no.to_string())
            .collect()
    }

    pub fn bucket(&self, task_index: usize) -> Bucket {
        self.buckets[task_index]
    }

    /// Where the task stands against the clock (callable while not known).
    pub fn urgency(&self, task_index: usize) -> Urgency {
        self.urgency
            .get(task_index)
            .copied()
            .unwrap_or(Urgency::Callable)
    }

    pub fn is_callable(&self, task_index: usize) -> bool {
        self.urgency(task_index).callable()
    }

    /// Who may be called now and whose window closes soon, as the clock moves; the priority
    /// order puts them first within each bucket.
    pub fn set_urgency(&mut self, urgency: Vec<Urgency>) {
        if urgency == self.urgency {
            return;
        }
        self.urgency = urgency;
        if self.sort == SortMode::Priority {
            let keep = self.selected_contract();
            let mut view = std::mem::take(&mut self.view);
            self.sort_view(&mut view);
            self.view = view;
            self.reselect(keep);
        }
    }

    /// The accounts whose callback is due now go on top, whatever the order; the selection
    /// stays on its contract.
    pub fn pin(&mut self, pinned: HashSet<String>) {
        if pinned == self.pinned {
            return;
        }
        self.pinned = pinned;
        let keep = self.selected_contract();
        let mut view = std::mem::take(&mut self.view);
        self.sort_view(&mut view);
        self.view = view;
        self.reselect(keep);
    }

    pub fn is_pinned(&self, task_index: usize) -> bool {
        self.pinned
            .contains(self.tasks[task_index].contract_no.as_str())
    }

    pub fn selected_task(&self) -> Option<&Task> {
        self.view.get(self.cursor.selected).map(|&i| &self.tasks[i])
    }

    pub fn selected_index(&self) -> Option<usize> {
        self.view.get(self.cursor.selected).copied()
    }

    fn matches(&self, i: usize, needle: &str) -> bool {
        (needle.is_empty() || self.search_key(i).contains(needle))
            && self
                .only
                .as_ref()
                .is_none_or(|only| only.contains(self.tasks[i].contract_no.as_str()))
    }

    /// Shows only these accounts (`None`: all), keeping the selection where it can.
    pub fn restrict(&mut self, only: Option<HashSet<String>>) {
        if self.only == only {
            return;
        }
        let keep = self.selected_contract();
        self.only = only;
        self.rebuild();
        self.reselect(keep);
    }

    /// Buckets again, with a new set of broken promises.
    pub fn reclassify(&mut self, broken_promises: &HashSet<String>) {
        let buckets: Vec<Bucket> = self
            .tasks
            .iter()
            .map(|t| Bucket::classify(t.overdue, broken_promises.contains(t.contract_no.as_str())))
            .collect();
        if buckets != self.buckets {
            let keep = self.selected_contract();
            self.buckets = buckets;
            self.rebuild();
            self.reselect(keep);
        }
    }

    /// Recomputes the view from scratch (filter, then sort).
    fn rebuild(&mut self) {
        if !self.filter.is_empty() {
            self.index_search_keys();
        }
        let needle = self.filter.to_lowercase();
        let mut view: Vec<usize> = (0..self.tasks.len())
            .filter(|&i| self.matches(i, &needle))
            .collect();
        self.sort_view(&mut view);
        self.view = view;
        self.clamp();
    }

    fn sort_view(&self, view: &mut [usize]) {
        let ranked = self.total_rank.len() == self.tasks.len();
        match self.sort {
            // The same order as `order::sort`'s (bucket, urgency, total due, index), from
            // small integer keys.
            SortMode::Priority if ranked => {
                view.sort_unstable_by_key(|&i| {
                    (self.buckets[i], self.urgency(i), self.total_rank[i])
                });
                if self.reverse {
                    view.reverse();
                }
            }
            SortMode::TotalDue if ranked => {
                view.sort_unstable_by_key(|&i| self.total_rank[i]);
                if self.reverse {
                    view.reverse();
                }
            }
            _ => crate::domain::order::sort(
                view,
                &self.tasks,
                self.sort,
                self.reverse,
                |i| self.buckets[i],
                |i| self.urgency(i),
            ),
        }
        if !self.pinned.is_empty() {
            crate::domain::order::pin_first(view, |i| self.is_pinned(i));
        }
    }

    /// Applies a filter as it is typed. One more character narrows the current view instead of
    /// scanning every task again; the order is kept.
    pub fn set_filter(&mut self, filter: &str) {
        let keep = self.selected_contract();
        let narrowing = filter.starts_with(self.filter.as_str());
        self.filter = filter.to_string();
        if !filter.is_empty() {
            self.index_search_keys();
        }
        if narrowing {
            let needle = filter.to_lowercase();
            let mut view = std::mem::take(&mut self.view);
            view.retain(|&i| self.search_key(i).contains(needle.as_str()));
            self.view = view;
        } else {
            self.rebuild();
        }
        self.reselect(keep);
        self.cursor.offset = 0;
        self.clamp();
    }

    /// The next sort order, shown from its first row: the new top is what the agent wants
    /// to see.
    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.resort();
    }

    /// The same sort turned round, shown from its first row.
    pub fn reverse_sort(&mut self) {
        self.reverse = !self.reverse;
        self.resort();
    }

    fn resort(&mut self) {
        let mut view = std::mem::take(&mut self.view);
        self.sort_view(&mut view);
        self.view = view;
        self.cursor.top();
    }

    fn clamp(&mut self) {
        self.cursor.selected = self.cursor.selected.min(self.view.len().saturating_sub(1));
    }

    /// Moves the selection; `rows` are on screen.
    pub fn go(&mut self, m: Move, rows: usize) {
        self.cursor.apply(m, self.view.len(), rows);
    }

    /// Keeps the selection within the `rows` on screen.
    pub fn scroll(&mut self, rows: usize) {
        self.cursor.scroll(rows, self.view.len());
    }

    /// Marks an account done; when it was the selected one, the selection moves on to the
    /// next task not yet done.
    pub fn mark_done(&mut self, contract_no: &str) {
        self.done.insert(contract_no.to_string());
        if self
            .selected_task()
            .is_none_or(|t| t.contract_no != contract_no)
        {
            return;
        }
        let pos = self.cursor.selected;
        let n = self.view.len();
        let open = |p: &usize| {
            !self
                .done
                .contains(self.tasks[self.view[*p]].contract_no.as_str())
        };
        // The next task that may be called now, else the next not yet done.
        let next = (1..n)
            .map(|step| (pos + step) % n)
            .find(|p| open(p) && self.is_callable(self.view[*p]))
            .or_else(|| (1..n).map(|step| (pos + step) % n).find(open));
        if let Some(p) = next {
            self.cursor.selected = p;
        }
    }

    pub fn is_done(&self, task_index: usize) -> bool {
        self.done
            .contains(self.tasks[task_index].contract_no.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    fn task(no: &str, name: &str, overdue: i64, total: i64) -> Task {
        Task {
            contract_no: no.into(),
            name: name.into(),
            overdue: Some(overdue),
            total_due: Some(Money::from_units(total)),
            osar: Some(Money::from_units(total * 10)),
            phone1: format!("0811{no}").into(),
            ..Task::default()
        }
    }

    fn queue() -> QueueState {
        let mut q = QueueState::default();
        q.set_tasks(
            vec![
                task("A", "ANDI", 0, 500),  // pre-due
                task("B", "BUDI", 4, 100),  // 2-6, small
                task("C", "CITRA", 2, 50),  // first day
                task("D", "DEWI", 30, 900), // message follow-up
                task("E", "EKO", 5, 700),   // 2-6, large
                task("F", "FAJAR", 8, 10),  // broken promise
            ],
            &HashSet::new(),
        );
        q
    }

    fn order(q: &QueueState) -> String {
        q.view
            .iter()
            .map(|&i| q.tasks[i].contract_no.as_str())
            .collect()
    }

    #[test]
    fn default_order_is_the_collectors_priority() {
        assert_eq!(order(&queue()), "FCEBDA");
    }

    #[test]
    fn sort_cycles_and_shows_the_top_of_the_new_order() {
        let mut q = queue();
        q.go(Move::By(2), 10); // E
        q.cycle_sort();
        assert_eq!(q.sort, SortMode::DaysOverdue);
        assert_eq!(order(&q), "DFEBCA");
        assert_eq!(q.selected_task().unwrap().contract_no, "D");
        assert_eq!(q.cursor.offset, 0);
        q.cycle_sort();
        assert_eq!(order(&q), "DEABCF");
        q.cycle_sort();
        q.cycle_sort();
        assert_eq!(q.sort, SortMode::Name);
        assert_eq!(order(&q), "ABCDEF");
        q.cycle_sort();
        assert_eq!(q.sort, SortMode::Priority);
    }

    #[test]
    fn filter_narrows_incrementally_and_widens_again() {
        let mut q = queue();
        q.set_filter("d");
        assert_eq!(order(&q), "BDA", "budi, dewi, andi");
        q.set_filter("de");
        assert_eq!(order(&q), "D");
        q.set_filter("d");
        assert_eq!(order(&q), "BDA");
        q.set_filter("0811e");
        assert_eq!(order(&q), "E", "by phone");
        q.set_filter("");
        assert_eq!(order(&q), "FCEBDA");
        q.set_filter("zzz");
        assert!(q.selected_task().is_none());
    }

    #[test]
    fn the_priority_from_ranks_is_the_priority_of_the_rule() {
        use crate::domain::order;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let book = crate::twin::book::LoanBook::generate(5, 2000, 2000, today);
        let tasks: Vec<Task> = book.contracts.iter().map(|c| c.task_on(today)).collect();
        let urgency: Vec<Urgency> = (0..tasks.len())
            .map(|i| match i % 3 {
                0 => Urgency::Callable,
                1 => Urgency::Closed,
                _ => Urgency::ClosingSoon((i % 50) as i64),
            })
            .collect();
        let broken: HashSet<String> = tasks
            .iter()
            .step_by(7)
            .map(|t| t.contract_no.to_string())
            .collect();
        for reverse in [false, true] {
            for by_total in [None, Some(order::by_total_due(&tasks))] {
                let mut q = QueueState {
                    reverse,
                    ..QueueState::default()
                };
                q.set_tasks_ordered(tasks.clone(), &broken, urgency.clone(), by_total);
                let mut expected: Vec<usize> = (0..tasks.len()).collect();
                order::sort(
                    &mut expected,
                    &tasks,
                    SortMode::Priority,
                    reverse,
                    |i| {
                        Bucket::classify(
                            tasks[i].overdue,
                            broken.contains(tasks[i].contract_no.as_str()),
                        )
                    },
                    |i| urgency[i],
                );
                assert_eq!(q.view, expected, "reverse {reverse}");
                q.cycle_sort();
                q.cycle_sort();
                assert_eq!(q.sort, SortMode::TotalDue);
                order::sort(
                    &mut expected,
                    &tasks,
                    SortMode::TotalDue,
                    reverse,
                    |_| Bucket::PreDue,
                    |_| Urgency::Callable,
                );
                assert_eq!(q.view, expected, "total due, reverse {reverse}");
            }
        }
    }

    #[test]
    fn a_filter_finds_tasks_of_a_list_never_filtered_before() {
        let mut q = queue();
        // The search keys are made on the first filter, for the whole list.
        q.set_filter("eko");
        assert_eq!(order(&q), "E");
        q.set_tasks(
            vec![task("Z", "ZAINAL", 3, 1), task("Y", "EKO", 3, 2)],
            &HashSet::new(),
        );
        assert_eq!(order(&q), "Y", "the new list's keys, not the old");
    }

    #[test]
    fn refresh_keeps_selection_by_contract() {
        let mut q = queue();
        q.go(Move::By(3), 10); // B
        let mut tasks = q.tasks.clone();
        tasks.remove(0);
        q.set_tasks(tasks, &HashSet::new());
        assert_eq!(q.selected_task().unwrap().contract_no, "B");
    }

    #[test]
    fn navigation_clamps_and_scrolls() {
        let mut q = queue();
        q.go(Move::By(-5), 2);
        assert_eq!(q.cursor.selected, 0);
        q.go(Move::By(100), 2);
        assert_eq!((q.cursor.selected, q.cursor.offset), (5, 4));
        q.go(Move::First, 2);
        assert_eq!(q.cursor.offset, 0);
    }

    #[test]
    fn done_moves_to_the_next_open_task() {
        let mut q = queue();
        q.mark_done("F");
        assert_eq!(q.selected_task().unwrap().contract_no, "C");
        q.mark_done("E");
        assert_eq!(
            q.selected_task().unwrap().contract_no,
            "C",
            "E was not selected"
        );
        q.mark_done("C");
        assert_eq!(
            q.selected_task().unwrap().contract_no,
            "B",
            "skips E, already done"
        );
    }
}
