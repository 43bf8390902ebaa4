//! The Termin page: supervisors' pages of staged-payment transactions, with the next page
//! fetched ahead, search and status filter, load all with totals, and CSV export.

mod desk;
mod desk_view;
mod model;
mod view;

pub use model::{CancelFlag, PAGE_SIZES, Progress, TerminTab};
pub use view::draw;

use super::{Cx, Reply};
use crate::api::ApiError;
use crate::domain::{TerminPage, Transaction};
use crate::i18n::{Lang, words};
use crate::tr;
use crate::tui::chrome::StatusKind;
use crate::tui::keymap::Command;
use crate::tui::list::Move;
use crate::tui::message::{Effect, Exported, FileError};
use crate::tui::modal::{PromptEvent, PromptKind};

impl TerminTab {
    /// Shown for the first time: the first page loads, as many rows as the screen shows.
    pub fn on_show(&mut self, rows: usize) -> Reply {
        if !self.loaded && self.loading.is_none() {
            if !self.limit_chosen {
                self.limit = (rows as i64).clamp(1, PAGE_SIZES[3]);
            }
            return self.go_to_page(1);
        }
        Reply::none()
    }

    /// Search and status filter cover every transaction: the first use loads them all.
    fn load_all_for_filter(&mut self, lang: Lang) -> Reply {
        if self.all.is_some() || self.load_all.is_some() {
            return Reply::none();
        }
        self.start_load_all()
            .and_say(StatusKind::Info, tr!(lang, "termin-loading-for-filter"))
    }

    fn start_load_all(&mut self) -> Reply {
        let cancel = CancelFlag::default();
        self.load_all = Some(Progress {
            page: 0,
            of: self.total_pages(),
            count: 0,
            cancel: cancel.clone(),
        });
        Reply::run(Effect::LoadAllTermin { limit: 100, cancel })
    }

    /// Shows page `page`: at once when it was fetched ahead, else after a load (spinner).
    fn go_to_page(&mut self, page: i64) -> Reply {
        let last = self.total_pages().max(1);
        let page = if self.loaded {
            page.clamp(1, last)
        } else {
            page.max(1)
        };
        if let Some(ready) = self.prefetched.remove(&(page, self.limit)) {
            self.show_page(ready);
            return self.prefetch_next();
        }
        self.loading = Some(page);
        self.arriving = None;
        Reply::run(Effect::LoadTerminPage {
            page,
            limit: self.limit,
            prefetch: false,
        })
    }

    fn prefetch_next(&self) -> Reply {
        let next = self.page + 1;
        if next <= self.total_pages() && !self.prefetched.contains_key(&(next, self.limit)) {
            Reply::run(Effect::LoadTerminPage {
                page: next,
                limit: self.limit,
                prefetch: true,
            })
        } else {
            Reply::none()
        }
    }

    pub fn on_page(
        &mut self,
        page: i64,
        limit: i64,
        prefetch: bool,
        result: Result<TerminPage, ApiError>,
        lang: Lang,
    ) -> Reply {
        match result {
            Ok(p) if prefetch || self.loading != Some(page) || self.limit != limit => {
                // Fetched ahead, or the agent moved on meanwhile: keep it for when it is wanted.
                self.prefetched.insert((page, limit), p);
                Reply::none()
            }
            Ok(p) => {
                self.arriving = None;
                self.show_page(p);
                self.prefetch_next()
            }
            Err(_) if prefetch => Reply::none(),
            Err(e) => {
                // The last good page stays on screen.
                self.loading = None;
                self.arriving = None;
                let error = words::api_error(lang, &e);
                self.error = Some(error.clone());
                Reply::say(
                    StatusKind::Error,
                    tr!(lang, "termin-page-failed", page = page, error = error),
                )
            }
        }
    }

    /// The page awaited still arriving: how much, beside "page N" in the title.
    pub fn on_receiving(&mut self, page: i64, received: u64, total: Option<u64>, lang: Lang) {
        if self.loading != Some(page) {
            return;
        }
        self.arriving = Some(match total {
            Some(total) => format!(
                "{} / {}",
                crate::i18n::bytes(lang, received),
                crate::i18n::bytes(lang, total)
            ),
            None => crate::i18n::bytes(lang, received),
        });
    }

    pub fn on_progress(&mut self, page: i64, of: i64, count: usize) {
        if let Some(p) = self.load_all.as_mut() {
            (p.page, p.of, p.count) = (page, of, count);
        }
    }

    /// The end of "load all": everything, or why not (`Ok(None)`: cancelled).
    pub fn on_all(
        &mut self,
        result: Result<Option<Vec<Transaction>>, ApiError>,
        changes: Result<Option<crate::domain::termin_desk::Changes>, String>,
        lang: Lang,
    ) -> Reply {
        match result {
            Ok(Some(all)) => {
                let n = all.len();
                let failed = changes.as_ref().err().cloned();
                self.desk.changes = changes.ok().flatten();
                self.desk.changes_error = failed.clone();
                self.show_all(all);
                match failed {
                    // A kept look that cannot be read is said, not taken for "no look".
                    Some(e) => Reply::say(
                        StatusKind::Error,
                        tr!(lang, "termin-snapshot-failed", error = e),
                    ),
                    None => Reply::say(StatusKind::Success, tr!(lang, "termin-all-loaded", n = n)),
                }
            }
            Ok(None) => {
                self.load_all = None;
                Reply::say(StatusKind::Info, tr!(lang, "termin-all-cancelled"))
            }
            Err(e) => {
                self.load_all = None;
                Reply::say(
                    StatusKind::Error,
                    tr!(
                        lang,
                        "termin-all-failed",
                        error = words::api_error(lang, &e)
                    ),
                )
            }
        }
    }

    /// A failed export asks again with the same name, and says why.
    pub fn on_exported(&mut self, result: Result<Exported, FileError>, lang: Lang) -> Reply {
        match result {
            Ok(done) => Reply::say(
                StatusKind::Success,
                tr!(
                    lang,
                    "termin-exported",
                    path = done.path.display().to_string(),
                    n = done.rows
                ),
            ),
            Err(e) => Reply::prompt(PromptKind::Export, e.path.display().to_string()).and_say(
                StatusKind::Error,
                tr!(lang, "termin-export-failed", error = e.to_string()),
            ),
        }
    }

    pub fn command(&mut self, cmd: Command, cx: &Cx) -> Reply {
        let lang = cx.settings.lang;
        self.desk.today = Some(crate::termin_snapshot::wib_day(cx.clock.now_utc()));
        if let Some(m) = Move::of(cmd) {
            let loaded = self.all.is_some();
            if self.desk.changed_only && loaded {
                let len = self.change_rows().len();
                self.desk.change_cursor.apply(m, len, cx.rows);
            } else if self.desk.showing_ageing() && loaded {
                let len = self.desk.ages.len();
                self.desk.age_cursor.apply(m, len, cx.rows);
            } else if self.desk.showing_groups() && loaded {
                let len = self.desk.groups.len();
                self.desk.group_cursor.apply(m, len, cx.rows);
            } else {
                self.cursor.apply(m, self.view.len(), cx.rows);
            }
            return Reply::none();
        }
        if let Some(reply) = self.desk_command(cmd, cx.settings.lang) {
            return reply;
        }
        let page = self.page;
        match cmd {
            Command::NextPage => return self.go_to_page(page + 1),
            Command::PrevPage => return self.go_to_page(page - 1),
            Command::FirstPage => return self.go_to_page(1),
            Command::LastPage => return self.go_to_page(self.total_pages()),
            Command::Refresh => {
                self.prefetched.clear();
                return self.go_to_page(page);
            }
            Command::PageSizeUp | Command::PageSizeDown => {
                // Keep the first row on screen roughly where it was.
                let first_row = (self.page - 1) * self.limit;
                self.limit_chosen = true;
                self.limit = if cmd == Command::PageSizeUp {
                    self.next_page_size()
                } else {
                    self.prev_page_size()
                };
                let limit = self.limit;
                return self
                    .go_to_page(first_row / limit + 1)
                    .and_say(StatusKind::Info, tr!(lang, "termin-rows-a-page", n = limit));
            }
            Command::GoToPage => return Reply::prompt(PromptKind::GoToPage, ""),
            Command::StartFilter => {
                let mut reply = self.load_all_for_filter(lang);
                reply.modal = Reply::prompt(PromptKind::Search, self.search.clone()).modal;
                return reply;
            }
            Command::Export => {
                // A fresh name each time: a second export in the same minute must not fail.
                let name = format!(
                    "termin-{}.csv",
                    cx.clock.now_local().format("%Y%m%d-%H%M%S")
                );
                return Reply::prompt(PromptKind::Export, name);
            }
            Command::PickStatuses => {
                let shown = self.status_words(Lang::En).unwrap_or_default();
                return Reply::prompt(PromptKind::Statuses, shown);
            }
            Command::CycleStatus => {
                self.cycle_status();
                let label = self
                    .status_words(lang)
                    .unwrap_or_else(|| tr!(lang, "termin-every-status"));
                let reply = self.load_all_for_filter(lang);
                return match reply.status {
                    Some(_) => reply,
                    None => {
                        reply.and_say(StatusKind::Info, tr!(lang, "queue-showing", what = label))
                    }
                };
            }
            Command::ClearFilter if self.desk.open_band.is_some() => {
                // Back from a band's transactions to the ageing table.
                self.desk.open_band = None;
                self.cursor.top();
                self.refilter();
            }
            Command::ClearFilter if self.desk.open_group.is_some() => {
                // Back from a group's transactions to the groups.
                self.desk.open_group = None;
                self.cursor.top();
                self.refilter();
            }
            Command::ClearFilter => {
                if let Some(p) = self.load_all.as_ref() {
                    p.cancel.cancel();
                    return Reply::say(StatusKind::Info, tr!(lang, "termin-cancelling"));
                }
                self.search.clear();
                self.statuses = Default::default();
                self.refilter();
            }
            Command::LoadAll if self.load_all.is_none() => return self.start_load_all(),
            Command::Totals if self.totals.is_some() => self.show_totals = !self.show_totals,
            Command::Totals => {
                return Reply::say(StatusKind::Info, tr!(lang, "termin-totals-need-all"));
            }
            _ => {}
        }
        Reply::none()
    }

    pub fn on_prompt(&mut self, kind: PromptKind, event: PromptEvent, lang: Lang) -> Reply {
        match (kind, event) {
            (PromptKind::Search, PromptEvent::Edited(text)) => {
                self.search = text;
                self.refilter();
            }
            (PromptKind::Search, PromptEvent::Cancelled) => {
                self.search.clear();
                self.refilter();
            }
            (PromptKind::Statuses, PromptEvent::Accepted(text)) => {
                self.set_statuses(&text);
                let label = self
                    .status_words(lang)
                    .unwrap_or_else(|| tr!(lang, "termin-every-status"));
                let reply = self.load_all_for_filter(lang);
                return match reply.status {
                    Some(_) => reply,
                    None => {
                        reply.and_say(StatusKind::Info, tr!(lang, "queue-showing", what = label))
                    }
                };
            }
            (PromptKind::DateRange, PromptEvent::Accepted(text)) => {
                return match crate::domain::termin_desk::DateRange::parse(&text) {
                    Ok(range) => {
                        self.desk.range = range;
                        self.cursor.top();
                        self.refilter();
                        self.load_all_for_filter(lang)
                    }
                    Err(why) => Reply::prompt(PromptKind::DateRange, text).and_say(
                        StatusKind::Error,
                        tr!(lang, "termin-range-refused", why = why),
                    ),
                };
            }
            (PromptKind::GoToPage, PromptEvent::Accepted(text)) => {
                return match text.parse::<i64>() {
                    Ok(p) if p >= 1 => self.go_to_page(p),
                    _ => Reply::say(
                        StatusKind::Error,
                        tr!(lang, "termin-not-a-page", text = &text),
                    ),
                };
            }
            (PromptKind::Export, PromptEvent::Accepted(text)) if text.is_empty() => {
                return Reply::say(StatusKind::Error, tr!(lang, "termin-no-file-name"));
            }
            (PromptKind::Export, PromptEvent::Accepted(path)) => {
                let (headers, rows) = self.export_table(lang);
                return Reply::run(Effect::ExportTermin {
                    path,
                    headers,
                    rows,
                });
            }
            _ => {}
        }
        Reply::none()
    }

    /// A click on the visible row `row`.
    pub fn click(&mut self, row: usize, rows: usize) {
        let len = self.view.len();
        if let Some(i) = self.cursor.at_row(row, len) {
            self.cursor.select(i, len, rows);
        }
    }
}

impl TerminTab {
    /// The questions over the whole set; `None` when `cmd` is not one of them.
    fn desk_command(&mut self, cmd: Command, lang: Lang) -> Option<Reply> {
        let desk = &mut self.desk;
        match cmd {
            Command::SortColumn => desk.cycle_sort(),
            Command::ReverseColumn => match desk.sort.as_mut() {
                Some((_, reverse)) => *reverse = !*reverse,
                None => desk.sort = Some((crate::domain::termin_desk::Column::EntryDate, true)),
            },
            Command::GroupBy => desk.cycle_group(),
            Command::Ageing => {
                desk.aging = !desk.aging;
                desk.open_band = None;
                desk.age_cursor = Default::default();
            }
            Command::ChangedOnly => {
                desk.changed_only = !desk.changed_only;
                desk.change_cursor = Default::default();
            }
            Command::OpenForm if desk.showing_ageing() => {
                let chosen = desk.ages.get(desk.age_cursor.selected)?;
                desk.open_band = Some((chosen.status.clone(), chosen.band));
            }
            Command::OpenForm if desk.showing_groups() => {
                let chosen = desk.groups.get(desk.group_cursor.selected)?;
                desk.open_group = Some(chosen.key.clone());
            }
            Command::DateRange => {
                let shown = match (desk.range.since, desk.range.until) {
                    (None, None) => String::new(),
                    (Some(s), None) => s.to_string(),
                    (None, Some(u)) => format!("..{u}"),
                    (Some(s), Some(u)) => format!("{s} {u}"),
                };
                return Some(Reply::prompt(PromptKind::DateRange, shown));
            }
            _ => return None,
        }
        self.cursor.top();
        self.refilter();
        let words = self.desk.describe(lang).join(" · ");
        let reply = if self.desk.needs_all() {
            self.load_all_for_filter(lang)
        } else {
            Reply::none()
        };
        Some(match reply.status {
            Some(_) => reply,
            None if words.is_empty() => {
                reply.and_say(StatusKind::Info, tr!(lang, "termin-desk-everything"))
            }
            None => reply.and_say(StatusKind::Info, words),
        })
    }
}

impl TerminTab {
    /// What an export writes: what is shown. The ageing table, the groups, or the rows
    /// (searched, filtered, in the chosen order).
    fn export_table(&self, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        use crate::domain::termin_desk::{self, AGEING_HEADERS, GROUP_HEADERS};
        let owned = |h: &[&str]| h.iter().map(|s| s.to_string()).collect();
        let _ = lang;
        if self.desk.changed_only && self.all.is_some() {
            let rows = self
                .desk
                .changes
                .as_ref()
                .map(|c| c.table_rows())
                .unwrap_or_default();
            return (owned(&termin_desk::CHANGE_HEADERS), rows);
        }
        if self.desk.showing_ageing() && self.all.is_some() {
            return (
                owned(&AGEING_HEADERS),
                termin_desk::ageing_rows(&self.desk.ages),
            );
        }
        if self.desk.showing_groups() && self.all.is_some() {
            return (
                owned(&GROUP_HEADERS),
                termin_desk::group_rows(&self.desk.groups),
            );
        }
        let rows = self
            .view
            .iter()
            .map(|&i| crate::domain::termin_view::csv_row(&self.source()[i]))
            .collect();
        (owned(&crate::domain::termin_view::CSV_HEADERS), rows)
    }
}

/// One row of the changes table: what kind, the PO (whole), its step, what it was, what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLine {
    pub kind: &'static str,
    pub po: String,
    pub step: String,
    /// Status and bill before, and now (empty status: nothing).
    pub was: (String, Option<crate::domain::Money>),
    pub now: (String, Option<crate::domain::Money>),
}

impl TerminTab {
    /// The changes since the earlier look as table rows: new, changed (from -> to), gone.
    pub fn change_rows(&self) -> Vec<ChangeLine> {
        use crate::domain::Money;
        let Some(c) = &self.desk.changes else {
            return Vec::new();
        };
        let step = |s: Option<i64>| s.map(|s| s.to_string()).unwrap_or_else(|| "—".into());
        let what = |status: &str, b: Option<Money>| (status.to_string(), b);
        let mut out = Vec::new();
        for r in &c.new {
            out.push(ChangeLine {
                kind: "new",
                po: r.purchase_order_number.clone(),
                step: step(r.step),
                was: (String::new(), None),
                now: what(&r.status_name, r.bill_amount),
            });
        }
        for ch in &c.changed {
            let steps = if ch.from_step == ch.to_step {
                step(ch.to_step)
            } else {
                format!("{}→{}", step(ch.from_step), step(ch.to_step))
            };
            out.push(ChangeLine {
                kind: "changed",
                po: ch.purchase_order_number.clone(),
                step: steps,
                was: what(&ch.from_status, ch.from_bill),
                now: what(&ch.to_status, ch.to_bill),
            });
        }
        for r in &c.gone {
            out.push(ChangeLine {
                kind: "gone",
                po: r.purchase_order_number.clone(),
                step: step(r.step),
                was: what(&r.status_name, r.bill_amount),
                now: (String::new(), None),
            });
        }
        out
    }
}
