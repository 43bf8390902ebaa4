//! The Termin tab's answers over the whole set: a sort by any column, a range of entry dates,
//! groups with their sums (Enter opens one), the ageing of unfinished work, and only what
//! changed since the last look. All from `domain::termin_desk`, as `deskcoll termin`.

use crate::domain::Transaction;
use crate::domain::lang::Lang;
use crate::domain::termin_desk::{self, Changes, Column, DateRange, Group, GroupBy};
use crate::tr;
use crate::tui::list::Cursor;

#[derive(Debug, Default)]
pub struct Desk {
    /// The column and whether it is turned round.
    pub sort: Option<(Column, bool)>,
    pub range: DateRange,
    pub group_by: Option<GroupBy>,
    /// The groups of what the filters let through, largest bill first.
    pub groups: Vec<Group>,
    pub group_cursor: Cursor,
    /// The group whose transactions are shown (Enter on it), by key.
    pub open_group: Option<String>,
    pub aging: bool,
    /// What changed since the last look, once every page is loaded.
    pub changes: Option<Changes>,
    /// Only new and changed transactions.
    pub changed_only: bool,
}

impl Desk {
    /// Whether a question needs every transaction loaded.
    pub fn needs_all(&self) -> bool {
        self.sort.is_some()
            || !self.range.is_open()
            || self.group_by.is_some()
            || self.aging
            || self.changed_only
    }

    /// The grouped table is shown (not a group's transactions).
    pub fn showing_groups(&self) -> bool {
        self.group_by.is_some() && self.open_group.is_none()
    }

    /// Narrows and orders `view` (indices into `txs`, already searched and filtered by
    /// status) by the range, the changes, the open group and the sort; works out the groups.
    pub fn apply(&mut self, txs: &[Transaction], view: &mut Vec<usize>) {
        view.retain(|&i| self.range.contains(&txs[i]));
        if self.changed_only
            && let Some(c) = &self.changes
        {
            view.retain(|&i| c.marks(&txs[i].general.purchase_order_number));
        }
        match self.group_by {
            Some(by) => {
                self.groups = termin_desk::group(txs, view, by);
                let len = self.groups.len();
                self.group_cursor.scroll(usize::MAX, len);
                if let Some(key) = &self.open_group {
                    match self.groups.iter().find(|g| &g.key == key) {
                        Some(g) => view.retain(|i| g.members.contains(i)),
                        None => self.open_group = None,
                    }
                }
            }
            None => {
                self.groups.clear();
                self.open_group = None;
            }
        }
        if let Some((column, reverse)) = self.sort {
            termin_desk::sort(view, txs, column, reverse);
        }
    }

    /// The next sort: entry date, bill, status, vendor, buyer, step, then none.
    pub fn cycle_sort(&mut self) {
        self.sort = match self.sort {
            None => Some((Column::EntryDate, false)),
            Some((c, _)) if c == Column::ALL[Column::ALL.len() - 1] => None,
            Some((c, reverse)) => Some((c.next(), reverse)),
        };
    }

    /// The next grouping: status, vendor, buyer, month, then none.
    pub fn cycle_group(&mut self) {
        self.open_group = None;
        self.group_cursor = Cursor::default();
        self.group_by = match self.group_by {
            None => Some(GroupBy::ALL[0]),
            Some(g) => GroupBy::ALL
                .iter()
                .position(|x| *x == g)
                .and_then(|i| GroupBy::ALL.get(i + 1).copied()),
        };
    }

    /// The words for the title: what the view answers.
    pub fn describe(&self, lang: Lang) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some((c, reverse)) = self.sort {
            let column = crate::i18n::text(lang, &format!("termin-column-{}", c.arg_name()));
            parts.push(if reverse {
                tr!(lang, "termin-desk-sorted-reversed", column = column)
            } else {
                tr!(lang, "termin-desk-sorted", column = column)
            });
        }
        match (self.range.since, self.range.until) {
            (None, None) => {}
            (s, u) => parts.push(tr!(
                lang,
                "termin-desk-range",
                since = s.map(|d| d.to_string()).unwrap_or_else(|| "…".into()),
                until = u.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
            )),
        }
        if let Some(by) = self.group_by {
            let by = crate::i18n::text(lang, &format!("termin-group-{}", by.arg_name()));
            parts.push(match &self.open_group {
                Some(key) => tr!(lang, "termin-desk-group-open", key = key.clone()),
                None => tr!(lang, "termin-desk-grouped", by = by),
            });
        }
        if self.changed_only {
            parts.push(tr!(lang, "termin-desk-changed-only"));
        }
        parts
    }
}
