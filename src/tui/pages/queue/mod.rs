//! The Queue page: the agent's tasks, who may be called now, the promise filter, dialing with
//! its guards, and the customer pane beside the list.

mod detail;
mod model;
mod view;

pub use model::{QueueState, SortMode, Urgency};
pub use view::{draw, draw_customer};

use super::{Cx, Go, Reply};
use crate::api::ApiError;
use crate::domain::Task;
use crate::domain::bucket::Bucket;
use crate::domain::promise::PromiseBook;
use crate::domain::today::at_contact_limit;
use crate::domain::window::{Window, zone_of_task};
use crate::domain::zone::{RegionTable, Zone, ZoneGuess};
use crate::i18n::{Lang, words};
use crate::tr;
use crate::tui::chrome::StatusKind;
use crate::tui::keymap::Command;
use crate::tui::list::Move;
use crate::tui::message::{DialError, Dialed, Effect};
use crate::tui::modal::{Intent, Modal, PhonePicker, PromptEvent, PromptKind};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::HashSet;

/// Which promises the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromiseFilter {
    #[default]
    All,
    DueSoon,
    Broken,
}

impl PromiseFilter {
    fn next(self) -> PromiseFilter {
        match self {
            PromiseFilter::All => PromiseFilter::DueSoon,
            PromiseFilter::DueSoon => PromiseFilter::Broken,
            PromiseFilter::Broken => PromiseFilter::All,
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            PromiseFilter::All => tr!(lang, "promises-all"),
            PromiseFilter::DueSoon => tr!(lang, "promises-due-soon"),
            PromiseFilter::Broken => tr!(lang, "promises-broken"),
        }
    }
}

#[derive(Debug, Default)]
pub struct QueuePage {
    pub list: QueueState,
    /// Parallel to `list.tasks`: each customer's zone (from the address, once per load).
    pub zones: Vec<ZoneGuess>,
    /// The calling window of each zone (Wib, Wita, Wit), as of `windows_at`: a window
    /// depends on the zone alone, so three are worked out, not one per task.
    windows: Vec<Window>,
    windows_at: Option<i64>,
    pub promise_filter: PromiseFilter,
    /// When the list on screen is the one kept on this desk: when it was read. `None` once a
    /// fresh list has arrived.
    pub saved_from: Option<DateTime<FixedOffset>>,
    /// How much of the list being read has arrived, said in the status line while it loads.
    pub arriving: Option<String>,
    /// Accounts with a callback pending or due: they stay in the queue while it is, even when
    /// the server's list drops them (a call today takes an account out of it).
    callback_accounts: HashSet<String>,
    /// Accounts in `list.tasks` only for their callback: not in the list on screen.
    pub absent: HashSet<String>,
    /// `callback_accounts` were checked against the tasks since the list last changed.
    callbacks_checked: bool,
}

/// Each task's zone: the work a new list costs, done off the screen's thread by the runtime
/// (`Action::TasksPrepared`) so that keys never wait behind it.
pub fn zones_of(regions: &RegionTable, tasks: &[Task]) -> Vec<ZoneGuess> {
    tasks.iter().map(|t| zone_of_task(t, regions)).collect()
}

impl QueuePage {
    /// The first load: the list kept on this desk at once, the server's when it comes.
    pub fn start(&mut self) -> Reply {
        self.list.loading = true;
        Reply {
            effects: vec![Effect::LoadSavedList, Effect::LoadTasks],
            ..Reply::none()
        }
    }

    /// The list kept on this desk, shown while the server's is on its way. A fresh list that
    /// arrived first is never replaced by it.
    pub fn on_saved(
        &mut self,
        tasks: Vec<Task>,
        zones: Vec<ZoneGuess>,
        by_total: Vec<u32>,
        read_at: DateTime<FixedOffset>,
        cx: &Cx,
        regions: &RegionTable,
    ) -> Reply {
        if self.list.loaded && self.saved_from.is_none() {
            return Reply::none();
        }
        let still_loading = self.list.loading;
        self.on_tasks(Ok(tasks), Some(zones), Some(by_total), cx, regions);
        self.list.loading = still_loading;
        self.saved_from = Some(read_at);
        Reply::none()
    }

    /// A task list still arriving: how much, in the status line, while it is awaited.
    pub fn receiving(&mut self, received: u64, total: Option<u64>, lang: Lang) -> Reply {
        if !self.list.loading {
            return Reply::none();
        }
        let got = crate::i18n::bytes(lang, received);
        let text = match total {
            Some(total) => tr!(
                lang,
                "queue-receiving-of",
                got = got,
                total = crate::i18n::bytes(lang, total)
            ),
            None => tr!(lang, "queue-receiving", got = got),
        };
        self.arriving = Some(text);
        Reply::none()
    }

    /// Whether the list on screen may speak for `today` (promise verdicts, "left the list"
    /// hints): a fresh one, or one kept today. A list from an earlier day may not.
    pub fn list_is_of(&self, today: NaiveDate) -> bool {
        self.saved_from.is_none_or(|at| at.date_naive() == today)
    }

    /// The window of the task at `i` of `list.tasks`.
    pub fn window(&self, i: usize) -> Option<(&ZoneGuess, &Window)> {
        let zone = self.zones.get(i)?;
        Some((zone, self.windows.get(zone.zone.index())?))
    }

    pub fn task(&self, account_no: &str) -> Option<&Task> {
        self.list.tasks.iter().find(|t| t.contract_no == account_no)
    }

    /// The day the list's figures are of: the day a kept list was read, or today. Days
    /// overdue are counted to it, so that they agree with the penalty, the total due and the
    /// bucket the server computed that day.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.saved_from
            .map(|at| at.date_naive())
            .filter(|day| *day < today)
            .unwrap_or(today)
    }

    /// Whether the task at `i` is in the queue only for its callback.
    pub fn is_absent(&self, i: usize) -> bool {
        !self.absent.is_empty()
            && self
                .absent
                .contains(self.list.tasks[i].contract_no.as_str())
    }

    /// Keeps the accounts of pending and due callbacks (`wanted`) in the queue: one the list
    /// does not hold is added from `recorded` (the outbox's record of it), marked absent; one
    /// whose callback is settled leaves with its mark.
    pub fn keep_for_callbacks(
        &mut self,
        wanted: HashSet<String>,
        recorded: &dyn Fn(&str) -> Option<(Task, ZoneGuess)>,
        cx: &Cx,
    ) {
        if self.callbacks_checked && wanted == self.callback_accounts {
            return;
        }
        self.callbacks_checked = self.list.loaded;
        let listed: HashSet<&str> = self
            .list
            .tasks
            .iter()
            .map(|t| t.contract_no.as_str())
            .collect();
        let arriving: Vec<(Task, ZoneGuess)> = wanted
            .iter()
            .filter(|a| !listed.contains(a.as_str()))
            .filter_map(|a| recorded(a))
            .collect();
        let leaving = self.absent.iter().any(|a| !wanted.contains(a));
        self.callback_accounts = wanted;
        if arriving.is_empty() && !leaving || !self.list.loaded {
            return;
        }
        let keep = self.list.selected_contract();
        let tasks = self.list.take_tasks();
        let zones = std::mem::take(&mut self.zones);
        let (mut tasks, mut zones): (Vec<Task>, Vec<ZoneGuess>) = tasks
            .into_iter()
            .zip(zones)
            .filter(|(t, _)| {
                !self.absent.contains(t.contract_no.as_str())
                    || self.callback_accounts.contains(t.contract_no.as_str())
            })
            .unzip();
        self.absent
            .retain(|a| self.callback_accounts.contains(a.as_str()));
        for (task, zone) in arriving {
            self.absent.insert(task.contract_no.to_string());
            tasks.push(task);
            zones.push(zone);
        }
        self.zones = zones;
        let urgency = self.set_windows(cx.clock.now_utc(), cx);
        self.list
            .set_tasks_with(tasks, &cx.desk.promises.broken, urgency);
        self.list.reselect(keep);
    }

    /// Each customer's calling window now, and the minutes it has left; recomputed from the
    /// zones when the minute changes.
    pub fn tick(&mut self, now: DateTime<Utc>, cx: &Cx) {
        let minute = now.timestamp() / 60;
        if self.windows_at != Some(minute) {
            let urgency = self.set_windows(now, cx);
            self.list.set_urgency(urgency);
        }
    }

    /// The windows at `now`, and where each task stands against the clock.
    fn set_windows(&mut self, now: DateTime<Utc>, cx: &Cx) -> Vec<Urgency> {
        self.windows_at = Some(now.timestamp() / 60);
        let rules = &cx.settings.rules;
        self.windows = Zone::ALL.iter().map(|z| rules.check(now, *z)).collect();
        let soon = cx.settings.closing_soon_minutes;
        let urgency: Vec<Urgency> = self
            .windows
            .iter()
            .map(|w| Urgency::of(w.closes_in_minutes(), soon))
            .collect();
        self.zones.iter().map(|z| urgency[z.zone.index()]).collect()
    }

    /// A fresh list (with its zones and its order by total due when the runtime worked
    /// them out), or why not.
    pub fn on_tasks(
        &mut self,
        result: Result<Vec<Task>, ApiError>,
        zones: Option<Vec<ZoneGuess>>,
        by_total: Option<Vec<u32>>,
        cx: &Cx,
        regions: &RegionTable,
    ) -> Reply {
        self.list.loading = false;
        self.arriving = None;
        let tasks = match result {
            Ok(tasks) => tasks,
            // The last good list stays on screen.
            Err(e) => {
                let lang = cx.settings.lang;
                let error = words::api_error(lang, &e);
                // The list kept on this desk is on screen and workable: said so, and when
                // it was read, rather than "could not load the queue".
                let text = match self.saved_from.filter(|_| self.list.loaded) {
                    Some(at) => tr!(
                        lang,
                        "queue-load-failed-kept",
                        error = error,
                        at = format!(
                            "{} {}",
                            crate::i18n::date_short(lang, at.date_naive()),
                            crate::i18n::clock(lang, &at.time())
                        )
                    ),
                    None => tr!(lang, "queue-load-failed", error = error),
                };
                return Reply::say(StatusKind::Error, text);
            }
        };
        let n = tasks.len();
        self.saved_from = None;
        let mut tasks = tasks;
        let mut zones = zones
            .filter(|z| z.len() == n)
            .unwrap_or_else(|| zones_of(regions, &tasks));
        // A callback's account the new list dropped stays, from the list before.
        self.absent.clear();
        self.callbacks_checked = false;
        if !self.callback_accounts.is_empty() {
            let fresh: HashSet<&str> = tasks.iter().map(|t| t.contract_no.as_str()).collect();
            let departed: Vec<(Task, ZoneGuess)> = self
                .list
                .tasks
                .iter()
                .zip(&self.zones)
                .filter(|(t, _)| {
                    self.callback_accounts.contains(t.contract_no.as_str())
                        && !fresh.contains(t.contract_no.as_str())
                })
                .map(|(t, z)| (t.clone(), z.clone()))
                .collect();
            for (task, zone) in departed {
                self.absent.insert(task.contract_no.to_string());
                tasks.push(task);
                zones.push(zone);
            }
        }
        self.zones = zones;
        let urgency = self.set_windows(cx.clock.now_utc(), cx);
        // Accounts kept for their callback change the list: then the order is worked out
        // again.
        let by_total = by_total.filter(|o| o.len() == tasks.len());
        self.list
            .set_tasks_ordered(tasks, &cx.desk.promises.broken, urgency, by_total);
        Reply::say(
            StatusKind::Info,
            tr!(cx.settings.lang, "queue-loaded", n = n),
        )
    }

    /// A new promise book: buckets again, and the promise filter's accounts.
    pub fn apply_promises(&mut self, book: &PromiseBook) {
        self.list.reclassify(&book.broken);
        let only = match self.promise_filter {
            PromiseFilter::All => None,
            PromiseFilter::DueSoon => Some(book.due_soon.clone()),
            // The bucket decides, as everywhere: the server's overdue or our own promise.
            PromiseFilter::Broken => Some(self.list.accounts_in(Bucket::BrokenPromise)),
        };
        self.list.restrict(only);
    }

    pub fn command(&mut self, cmd: Command, cx: &Cx) -> Reply {
        let lang = cx.settings.lang;
        let q = &mut self.list;
        if let Some(m) = Move::of(cmd) {
            q.go(m, cx.rows);
            return Reply::none();
        }
        match cmd {
            Command::StartFilter => return Reply::prompt(PromptKind::Filter, q.filter.clone()),
            // Esc first stops a read under way; the list on screen stays.
            Command::ClearFilter if q.loading => {
                q.loading = false;
                self.arriving = None;
                let mut reply = Reply::say(StatusKind::Info, tr!(lang, "queue-load-stopped"));
                reply.effects.push(Effect::CancelLoad);
                return reply;
            }
            Command::ClearFilter => q.set_filter(""),
            Command::Call => return self.pick_phone(lang),
            Command::PromiseFilter => {
                self.promise_filter = self.promise_filter.next();
                self.apply_promises(&cx.desk.promises);
                let label = self.promise_filter.label(lang);
                return Reply::say(StatusKind::Info, tr!(lang, "queue-showing", what = label));
            }
            Command::CycleSort | Command::ReverseSort => {
                if cmd == Command::CycleSort {
                    q.cycle_sort();
                } else {
                    q.reverse_sort();
                }
                let label = words::sort_label(lang, q.sort);
                let text = if q.reverse {
                    tr!(lang, "queue-sorted-reversed", sort = label)
                } else {
                    tr!(lang, "queue-sorted", sort = label)
                };
                return Reply::say(StatusKind::Info, text);
            }
            Command::Refresh if !q.loading => {
                q.loading = true;
                return Reply::run(Effect::LoadTasks);
            }
            Command::OpenForm => {
                return match q.selected_task() {
                    Some(task) => Reply::go(Go::RecordResult(Box::new(task.clone()))),
                    None => Reply::say(StatusKind::Info, tr!(lang, "queue-none-selected")),
                };
            }
            _ => {}
        }
        Reply::none()
    }

    pub fn on_prompt(&mut self, kind: PromptKind, event: PromptEvent, lang: Lang) -> Reply {
        match (kind, event) {
            (PromptKind::Filter, PromptEvent::Edited(text)) => self.list.set_filter(&text),
            (PromptKind::Filter, PromptEvent::Cancelled) => self.list.set_filter(""),
            (PromptKind::OverrideReason { .. }, PromptEvent::Accepted(reason))
                if reason.is_empty() =>
            {
                return Reply::say(StatusKind::Error, tr!(lang, "dial-override-needs-reason"));
            }
            (PromptKind::OverrideReason { account_no, phone }, PromptEvent::Accepted(reason)) => {
                return Reply::run(Effect::Dial {
                    account_no,
                    phone,
                    override_reason: Some(reason),
                });
            }
            (PromptKind::OverrideReason { .. }, PromptEvent::Cancelled) => {
                return Reply::say(StatusKind::Info, tr!(lang, "dial-not-dialed"));
            }
            _ => {}
        }
        Reply::none()
    }

    /// A click on the visible row `row`.
    pub fn click(&mut self, row: usize, rows: usize) {
        let len = self.list.view.len();
        if let Some(i) = self.list.cursor.at_row(row, len) {
            self.list.cursor.select(i, len, rows);
        }
    }

    /// `c` on a task: the picker of its dialable phones.
    fn pick_phone(&self, lang: Lang) -> Reply {
        let Some(task) = self.list.selected_task() else {
            return Reply::none();
        };
        let phones = task.dialable_phones();
        if phones.is_empty() {
            return Reply::say(StatusKind::Info, tr!(lang, "dial-no-phone"));
        }
        Reply {
            modal: Some(Modal::Phones(PhonePicker {
                account_no: task.contract_no.to_string(),
                phones,
                selected: 0,
                not_dialable: task.undialable_phones(),
            })),
            ..Reply::none()
        }
    }

    /// A phone picked: over-contact guard first, then the calling window.
    pub fn dial(&self, account_no: String, phone: String, cx: &Cx) -> Reply {
        let contacts = cx.desk.contacts_today(&account_no);
        let max = cx.settings.max_contacts_per_day;
        if at_contact_limit(contacts, max) {
            return Reply::ask(
                tr!(
                    cx.settings.lang,
                    "dial-past-limit-question",
                    account = &account_no,
                    contacts = contacts,
                    max = max
                ),
                Intent::DialPastLimit { account_no, phone },
            );
        }
        self.dial_in_window(account_no, phone, cx.settings.lang)
    }

    /// The contact guard was passed; the calling window still applies.
    pub fn dial_in_window(&self, account_no: String, phone: String, lang: Lang) -> Reply {
        let window = self
            .list
            .tasks
            .iter()
            .position(|t| t.contract_no == account_no)
            .and_then(|i| self.window(i))
            .map(|(_, w)| w);
        match window {
            Some(w) if !w.callable => Reply::prompt(
                PromptKind::OverrideReason { account_no, phone },
                String::new(),
            )
            .and_say(
                StatusKind::Error,
                tr!(
                    lang,
                    "dial-outside-window",
                    note = words::window_note(lang, w)
                ),
            ),
            _ => Reply::run(Effect::Dial {
                account_no,
                phone,
                override_reason: None,
            }),
        }
    }
}

/// What became of a number handed to the phone.
pub fn on_dialed(phone: String, outcome: Result<Dialed, DialError>, lang: Lang) -> Reply {
    match outcome {
        Ok(Dialed::Copied) => Reply {
            modal: Some(Modal::Dial {
                phone: phone.clone(),
            }),
            ..Reply::say(
                StatusKind::Success,
                tr!(lang, "dial-copied", phone = &phone),
            )
        },
        Ok(Dialed::Launched { program }) => Reply::say(
            StatusKind::Success,
            tr!(lang, "dial-launched", phone = &phone, program = program),
        ),
        Err(e) => Reply::say(
            StatusKind::Error,
            tr!(
                lang,
                "dial-failed",
                phone = &phone,
                error = crate::tui::message::dial_error(lang, &e)
            ),
        ),
    }
}
