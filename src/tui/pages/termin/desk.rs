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
    /// The ageing table's rows (of what the filters let through) and its cursor.
    pub ages: Vec<termin_desk::AgeRow>,
    pub age_cursor: Cursor,
    /// The band whose transactions are shown (Enter on it): status and band.
    pub open_band: Option<(String, &'static str)>,
    /// Today in WIB, for the ageing (set from the clock before each use).
    pub today: Option<chrono::NaiveDate>,
    /// What changed since the latest look of an earlier day, once every page is loaded.
    pub changes: Option<Changes>,
    /// Why what changed is not known (a kept look could not be read).
    pub changes_error: Option<String>,
    /// The changes table: new, changed (from -> to) and gone.
    pub changed_only: bool,
    pub change_cursor: Cursor,
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
        self.group_by.is_some() && self.open_group.is_none() && !self.showing_ageing()
    }

    /// The ageing table is shown (not a band's transactions).
    pub fn showing_ageing(&self) -> bool {
        self.aging && self.open_band.is_none()
    }

    /// Narrows and orders `view` (indices into `txs`, already searched and filtered by
    /// status) by the range, the changes, the open group and the sort; works out the groups.
    pub fn apply(&mut self, txs: &[Transaction], view: &mut Vec<usize>) {
        view.retain(|&i| self.range.contains(&txs[i]));
        if self.aging {
            let today = self
                .today
                .unwrap_or_else(|| crate::termin_snapshot::wib_day(chrono::Utc::now()));
            self.ages = termin_desk::ageing(txs, view, today);
            let len = self.ages.len();
            self.age_cursor.scroll(usize::MAX, len);
            if let Some((status, band)) = &self.open_band {
                match self
                    .ages
                    .iter()
                    .find(|r| &r.status == status && r.band == *band)
                {
                    Some(r) => view.retain(|i| r.members.contains(i)),
                    None => self.open_band = None,
                }
            }
        } else {
            self.ages.clear();
            self.open_band = None;
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
        if let Some((status, band)) = &self.open_band {
            let band = crate::i18n::text(lang, &format!("termin-band-{}", band.replace(' ', "-")));
            parts.push(tr!(
                lang,
                "termin-band-open",
                status = status.clone(),
                band = band
            ));
        }
        if self.changed_only {
            parts.push(tr!(lang, "termin-desk-changed-only"));
        }
        parts
    }
}
