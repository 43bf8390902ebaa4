//! The Termin tab's state: the page on screen (the last good one), the prefetched next page,
//! everything after "load all", search and status filter, totals. Pure state.

use crate::domain::termin::Meta;
use crate::domain::termin_view::{self, StatusSet, Totals};
use crate::domain::{TerminPage, Transaction};
use crate::tui::list::Cursor;
pub use crate::tui::message::CancelFlag;
use std::collections::HashMap;

pub const PAGE_SIZES: [i64; 4] = [10, 20, 50, 100];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub page: i64,
    pub of: i64,
    pub count: usize,
    pub cancel: CancelFlag,
}

#[derive(Debug)]
pub struct TerminTab {
    pub page: i64,
    pub limit: i64,
    /// The agent chose the page size (`+`/`-`): it no longer follows the screen.
    pub limit_chosen: bool,
    /// The page on screen: the last one that loaded.
    pub rows: Vec<Transaction>,
    pub meta: Meta,
    pub loaded: bool,
    /// A page asked for and not yet here (the spinner).
    pub loading: Option<i64>,
    /// How much of the page awaited has arrived, once it takes longer than a second.
    pub arriving: Option<String>,
    /// Pages fetched ahead, by (page, limit).
    pub prefetched: HashMap<(i64, i64), TerminPage>,
    pub error: Option<String>,
    /// Every transaction, after "load all".
    pub all: Option<Vec<Transaction>>,
    pub load_all: Option<Progress>,
    pub search: String,
    /// The statuses shown: some named, "open" (not finished), or every one.
    pub statuses: StatusSet,
    /// Indices into the shown source (`all` when loaded, else `rows`), filtered.
    pub view: Vec<usize>,
    pub cursor: Cursor,
    pub show_totals: bool,
    pub totals: Option<Totals>,
    /// The questions over the whole set.
    pub desk: super::desk::Desk,
}

impl Default for TerminTab {
    fn default() -> Self {
        TerminTab {
            page: 1,
            limit: PAGE_SIZES[0],
            limit_chosen: false,
            rows: Vec::new(),
            meta: Meta::default(),
            loaded: false,
            loading: None,
            arriving: None,
            prefetched: HashMap::new(),
            error: None,
            all: None,
            load_all: None,
            search: String::new(),
            statuses: StatusSet::default(),
            view: Vec::new(),
            cursor: Cursor::default(),
            show_totals: false,
            totals: None,
            desk: Default::default(),
        }
    }
}

impl TerminTab {
    pub fn source(&self) -> &[Transaction] {
        self.all.as_deref().unwrap_or(&self.rows)
    }

    pub fn total_pages(&self) -> i64 {
        self.meta.total_page.unwrap_or(0)
    }

    pub fn selected_transaction(&self) -> Option<&Transaction> {
        self.view
            .get(self.cursor.selected)
            .map(|&i| &self.source()[i])
    }

    /// The rows shown, in order (what an export writes).
    pub fn shown(&self) -> Vec<Transaction> {
        self.view
            .iter()
            .map(|&i| self.source()[i].clone())
            .collect()
    }

    pub fn refilter(&mut self) {
        let source = self.all.as_deref().unwrap_or(&self.rows);
        let mut view: Vec<usize> = (0..source.len())
            .filter(|&i| termin_view::matches_set(&source[i], &self.search, &self.statuses))
            .collect();
        self.desk.apply(source, &mut view);
        self.view = view;
        self.cursor.selected = self.cursor.selected.min(self.view.len().saturating_sub(1));
        self.cursor.offset = self.cursor.offset.min(self.cursor.selected);
    }

    /// A page arrived for the screen.
    pub fn show_page(&mut self, page: TerminPage) {
        let meta = page.meta();
        self.page = meta.page.unwrap_or(self.page);
        self.meta = meta;
        self.rows = page.data.map(|d| d.transactions).unwrap_or_default();
        self.loaded = true;
        self.loading = None;
        self.error = None;
        self.all = None;
        self.totals = None;
        self.cursor.top();
        self.refilter();
    }

    pub fn show_all(&mut self, all: Vec<Transaction>) {
        self.totals = Some(Totals::of(&all));
        self.all = Some(all);
        self.load_all = None;
        self.cursor.top();
        self.refilter();
    }

    /// Statuses present in what is loaded, for the status filter to cycle through.
    pub fn statuses(&self) -> Vec<String> {
        let mut s: Vec<String> = self
            .source()
            .iter()
            .map(|t| t.general.status_name.clone())
            .collect();
        s.sort();
        s.dedup();
        s
    }

    /// The status filter's next step: every status, then "open" (not finished), then each
    /// status loaded, then every one again.
    pub fn cycle_status(&mut self) {
        let statuses = self.statuses();
        let s = &self.statuses;
        self.statuses = if s.is_every() {
            StatusSet {
                names: Vec::new(),
                open: true,
            }
        } else if s.names.is_empty() {
            statuses
                .first()
                .map(|f| StatusSet::named(&[f]))
                .unwrap_or_default()
        } else {
            let cur = s.names[0].clone();
            statuses
                .iter()
                .skip_while(|x| **x != cur)
                .nth(1)
                .map(|n| StatusSet::named(&[n]))
                .unwrap_or_default()
        };
        self.refilter();
    }

    /// The statuses as typed: names separated by commas, "open" for what is not finished
    /// (`terbuka` too), nothing for every status.
    pub fn set_statuses(&mut self, typed: &str) {
        let mut set = StatusSet::default();
        for word in typed.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            if word.eq_ignore_ascii_case("open") || word.eq_ignore_ascii_case("terbuka") {
                set.open = true;
            } else {
                set.names.push(word.to_string());
            }
        }
        self.statuses = set;
        self.cursor.top();
        self.refilter();
    }

    /// The status filter in words ("open", "Penagihan, Dikirim"); `None` for every status.
    pub fn status_words(&self, lang: crate::i18n::Lang) -> Option<String> {
        if self.statuses.is_every() {
            return None;
        }
        let mut parts: Vec<String> = Vec::new();
        if self.statuses.open {
            parts.push(crate::tr!(lang, "termin-status-open"));
        }
        parts.extend(self.statuses.names.iter().cloned());
        Some(parts.join(", "))
    }

    /// Whether a search or a status filter narrows what is shown.
    pub fn filtered(&self) -> bool {
        !self.statuses.is_every() || !self.search.is_empty()
    }

    /// The next page size up (10, 20, 50, 100); stays at 100.
    pub fn next_page_size(&self) -> i64 {
        PAGE_SIZES
            .into_iter()
            .find(|s| *s > self.limit)
            .unwrap_or(self.limit.max(PAGE_SIZES[PAGE_SIZES.len() - 1]))
    }

    /// The next page size down; stays at 10.
    pub fn prev_page_size(&self) -> i64 {
        PAGE_SIZES
            .into_iter()
            .rev()
            .find(|s| *s < self.limit)
            .unwrap_or(self.limit.min(PAGE_SIZES[0]))
    }

    /// Whether search and status filter see every transaction, not only the page.
    pub fn over_all(&self) -> bool {
        self.all.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::termin::{General, TerminData};

    fn page(n: i64, statuses: &[&str]) -> TerminPage {
        TerminPage {
            status: "success".into(),
            message: "ok".into(),
            data: Some(TerminData {
                meta: Meta {
                    page: Some(n),
                    total_page: Some(3),
                    total_data: Some(25),
                    limit: Some(10),
                    ..Meta::default()
                },
                transactions: statuses
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Transaction {
                        general: General {
                            status_name: s.to_string(),
                            purchase_order_number: format!("PO-{n}-{i}"),
                            ..General::default()
                        },
                        ..Transaction::default()
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn status_filter_cycles_through_what_is_loaded_then_off() {
        let mut t = TerminTab::default();
        t.show_page(page(1, &["Selesai", "Dikirim", "Selesai", "Status Baru"]));
        assert_eq!(t.view.len(), 4);
        t.cycle_status();
        assert!(t.statuses.open, "open work first");
        assert_eq!(t.view.len(), 2, "Selesai left out");
        t.cycle_status();
        assert_eq!(t.statuses, StatusSet::named(&["Dikirim"]));
        assert_eq!(t.view.len(), 1);
        t.cycle_status();
        assert_eq!(t.statuses, StatusSet::named(&["Selesai"]));
        assert_eq!(t.view.len(), 2);
        t.cycle_status();
        assert_eq!(
            t.statuses,
            StatusSet::named(&["Status Baru"]),
            "unknown statuses as given"
        );
        t.cycle_status();
        assert!(t.statuses.is_every());
        t.set_statuses("dikirim, Status Baru");
        assert_eq!(t.view.len(), 2, "several statuses, any case");
        t.set_statuses("open");
        assert_eq!(t.view.len(), 2);
        assert_eq!(
            t.status_words(crate::i18n::Lang::En).as_deref(),
            Some("open")
        );
        t.set_statuses("");
        t.search = "po-1-3".into();
        t.refilter();
        assert_eq!(t.shown()[0].general.purchase_order_number, "PO-1-3");
    }

    #[test]
    fn load_all_replaces_the_page_and_totals_appear() {
        let mut t = TerminTab::default();
        t.show_page(page(2, &["Selesai"]));
        assert_eq!(t.page, 2);
        assert!(t.totals.is_none());
        t.show_all(
            page(1, &["Selesai", "Dikirim", "Dikirim"])
                .data
                .unwrap()
                .transactions,
        );
        assert_eq!(t.view.len(), 3);
        assert_eq!(t.totals.as_ref().unwrap().by_status["Dikirim"].count, 2);
    }

    #[test]
    fn page_sizes_step_and_stop_at_the_ends() {
        let mut t = TerminTab::default();
        assert_eq!(t.next_page_size(), 20);
        assert_eq!(t.prev_page_size(), 10, "10 is the smallest");
        t.limit = 100;
        assert_eq!(t.next_page_size(), 100, "100 is the largest");
        t.limit = 15;
        assert_eq!((t.prev_page_size(), t.next_page_size()), (10, 20));
    }
}
