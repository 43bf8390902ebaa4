//! The workstation's state and its one `update` function. Keys, mouse, timer ticks and the
//! answers of background work all arrive as an `Action`; `update` changes the state and
//! returns the `Effect`s (network work) to start. Nothing here waits on I/O.

use super::form::{Field, FormState};
use super::keymap::{self, Command, Context};
use super::layout::{self, Areas};
use super::outbox_tab::OutboxTab;
use super::queue::QueueState;
use super::termin_tab::{CancelFlag, Progress, TerminTab};
use crate::api::ApiError;
use crate::clock::Clock;
use crate::delivery::Disposition;
use crate::domain::codes::MasterData;
use crate::domain::outbox::DeliveryState;
use crate::domain::promise::PromiseBook;
use crate::domain::text::sanitize;
use crate::domain::window::Window;
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::domain::{CollectionResult, Task, TerminPage, Transaction};
use crate::store::{ContactEvent, Counts, OutboxItem};
use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use std::collections::{HashMap, HashSet};
use tui_input::backend::crossterm::EventHandler;

#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Tick,
    TasksLoaded(Result<Vec<Task>, ApiError>),
    /// A task list with each customer's zone already worked out.
    TasksPrepared {
        tasks: Vec<Task>,
        zones: Vec<ZoneGuess>,
    },
    /// A submitted result was saved (or not) and one attempt made to send it.
    Delivery {
        account_no: String,
        outcome: Result<(i64, DeliveryState, Disposition), String>,
    },
    TerminPage {
        page: i64,
        limit: i64,
        prefetch: bool,
        result: Result<TerminPage, ApiError>,
    },
    TerminProgress {
        page: i64,
        of: i64,
        count: usize,
    },
    /// The end of "load all": everything, or why not (`Ok(None)`: cancelled).
    TerminAll(Result<Option<Vec<Transaction>>, ApiError>),
    Exported(Result<String, String>),
    /// The number was handed to the dialer (or copied): the words to show, or why not.
    Dialed {
        phone: String,
        outcome: Result<String, String>,
    },
    /// A fresh read of the outbox; `note` reports the command that caused it, if any.
    OutboxLoaded {
        items: Vec<OutboxItem>,
        counts: Counts,
        /// Today's dials and overrides.
        contacts: Vec<ContactEvent>,
        note: Option<Result<String, String>>,
    },
}

/// Work for the runtime to start; its answer comes back as `Action`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadTasks,
    /// Save durably, then try to send. `edit_of`: the rejected result this one corrects.
    Submit {
        result: CollectionResult,
        edit_of: Option<i64>,
        /// What the account owes now, kept with the result for the day's figures.
        total_due: Option<crate::domain::Money>,
    },
    /// Accounts in a fresh task list: uncertain results of accounts not in it were stored.
    SettleByEvidence(HashSet<String>),
    Outbox(OutboxCommand),
    LoadTerminPage {
        page: i64,
        limit: i64,
        prefetch: bool,
    },
    LoadAllTermin {
        limit: i64,
        cancel: CancelFlag,
    },
    ExportTermin {
        path: String,
        rows: Vec<Transaction>,
    },
    /// Log the contact (with the override's reason, if any), then dial or copy the number.
    Dial {
        account_no: String,
        phone: String,
        override_reason: Option<String>,
    },
}

/// An agent's decision on one result in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxCommand {
    /// Queued or rejected: send it now. Uncertain: send it again (after confirmation).
    Send(i64),
    /// Uncertain: the agent checked it is on the server.
    MarkDelivered(i64),
    Discard(i64),
}

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

    pub fn label(self) -> &'static str {
        match self {
            PromiseFilter::All => "all tasks",
            PromiseFilter::DueSoon => "promises due today or tomorrow",
            PromiseFilter::Broken => "broken promises",
        }
    }
}

/// What a one-line prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    GoToPage,
    Export,
    Search,
    /// Why this customer may be called outside the window (their prior consent).
    OverrideReason {
        account_no: String,
        phone: String,
    },
}

#[derive(Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: tui_input::Input,
}

/// A question that must be answered y before its effect runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub effect: Effect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Queue,
    Termin,
    Outbox,
    Today,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Queue, Tab::Termin, Tab::Outbox, Tab::Today];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Queue => "Queue",
            Tab::Termin => "Termin",
            Tab::Outbox => "Outbox",
            Tab::Today => "Today",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerState {
    Unknown,
    Connected,
    Failing(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// Settings the workstation takes from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub agent_id: String,
    pub ip_address: String,
    pub demo: bool,
    pub promise_horizon_days: i64,
    pub mouse: bool,
    pub rules: crate::domain::window::CallingRules,
    /// More results than this for one account in a day warn first.
    pub max_contacts_per_day: usize,
}

pub struct App {
    pub settings: Settings,
    pub codes: MasterData,
    pub clock: Clock,
    pub tab: Tab,
    pub queue: QueueState,
    /// Some while the filter is being typed.
    pub filter_input: Option<tui_input::Input>,
    pub form: Option<FormState>,
    pub help: bool,
    pub confirm_quit: bool,
    pub status: Option<Status>,
    pub server: ServerState,
    /// The terminal's size, for layout-dependent keys (page size, mouse rows).
    pub size: Rect,
    pub ticks: u64,
    pub should_quit: bool,
    pub outbox: OutboxTab,
    pub termin: TerminTab,
    /// Promises recorded locally, against the current queue.
    pub promises: PromiseBook,
    pub promise_filter: PromiseFilter,
    pub confirm: Option<Confirm>,
    pub prompt: Option<Prompt>,
    pub regions: RegionTable,
    /// Results recorded today per account (the over-contact guard).
    pub contacts_today: HashMap<String, usize>,
    /// A number shown large after dialing (no dialer configured: it was copied).
    pub dialed: Option<String>,
    /// Today's dials and overrides, for the customer pane.
    pub contact_events: Vec<ContactEvent>,
    /// Parallel to `queue.tasks`: each customer's zone (from the address, once per load).
    pub zones: Vec<ZoneGuess>,
    /// Parallel to `queue.tasks`: each customer's calling window, as of `windows_at`.
    pub windows: Vec<Window>,
    windows_at: Option<i64>,
}

impl App {
    pub fn new(settings: Settings, codes: MasterData, clock: Clock, size: Rect) -> App {
        App {
            settings,
            codes,
            clock,
            tab: Tab::Queue,
            queue: QueueState::default(),
            filter_input: None,
            form: None,
            help: false,
            confirm_quit: false,
            status: None,
            server: ServerState::Unknown,
            size,
            ticks: 0,
            should_quit: false,
            outbox: OutboxTab::default(),
            termin: TerminTab::default(),
            promises: PromiseBook::default(),
            promise_filter: PromiseFilter::All,
            confirm: None,
            prompt: None,
            regions: RegionTable::builtin(),
            contacts_today: HashMap::new(),
            dialed: None,
            contact_events: Vec::new(),
            zones: Vec::new(),
            windows: Vec::new(),
            windows_at: None,
        }
    }

    /// The first thing to do: load the queue.
    pub fn start(&mut self) -> Vec<Effect> {
        self.queue.loading = true;
        vec![Effect::LoadTasks]
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else if self.filter_input.is_some() {
            Context::Filter
        } else if self.prompt.is_some() {
            Context::Prompt
        } else if self.tab == Tab::Queue {
            Context::Queue
        } else if self.tab == Tab::Outbox {
            Context::Outbox
        } else if self.tab == Tab::Termin {
            Context::Termin
        } else {
            Context::Global
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size)
    }

    fn page_size(&self) -> usize {
        layout::queue_rows(self.areas().queue)
    }

    /// Each customer's calling window now; recomputed when the minute changes.
    fn refresh_windows(&mut self, force: bool) {
        let now = self.clock.now_utc();
        let minute = now.timestamp() / 60;
        if !force && self.windows_at == Some(minute) {
            return;
        }
        self.windows_at = Some(minute);
        let rules = &self.settings.rules;
        self.windows = self
            .zones
            .iter()
            .map(|z| rules.check(now, z.zone))
            .collect();
        self.queue
            .set_callable(self.windows.iter().map(|w| w.callable).collect());
    }

    /// The window of the task at `i` of `queue.tasks`.
    pub fn window(&self, i: usize) -> Option<(&ZoneGuess, &Window)> {
        Some((self.zones.get(i)?, self.windows.get(i)?))
    }

    pub fn contacts_today_of(&self, account_no: &str) -> usize {
        self.contacts_today.get(account_no).copied().unwrap_or(0)
    }

    /// Recomputes the promise book and what depends on it (buckets, the promise filter).
    fn refresh_promises(&mut self) {
        let promises = self.outbox.promises();
        // Only accounts with a promise matter; no set of the whole queue is needed.
        let promised: HashSet<&str> = promises.iter().map(|p| p.account_no.as_str()).collect();
        let in_queue: HashSet<String> = self
            .queue
            .tasks
            .iter()
            .filter(|t| promised.contains(t.contract_no.as_str()))
            .map(|t| t.contract_no.to_string())
            .collect();
        let today = self.clock.now_local().date();
        self.promises = PromiseBook::build(&promises, today, &in_queue);
        self.queue.reclassify(&self.promises.broken);
        self.apply_promise_filter();
    }

    fn apply_promise_filter(&mut self) {
        let only = match self.promise_filter {
            PromiseFilter::All => None,
            PromiseFilter::DueSoon => Some(self.promises.due_soon.clone()),
            PromiseFilter::Broken => Some(self.promises.broken.clone()),
        };
        self.queue.restrict(only);
    }

    fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            kind,
            text: text.into(),
        });
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = match action {
        Action::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key),
        Action::Key(_) => Vec::new(),
        Action::Mouse(m) => {
            on_mouse(app, m);
            Vec::new()
        }
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            Vec::new()
        }
        Action::Tick => {
            app.ticks = app.ticks.wrapping_add(1);
            app.refresh_windows(false);
            Vec::new()
        }
        Action::TasksLoaded(result) => on_tasks(app, result, None),
        Action::TasksPrepared { tasks, zones } => on_tasks(app, Ok(tasks), Some(zones)),
        Action::Delivery {
            account_no,
            outcome,
        } => {
            on_delivery(app, account_no, outcome);
            Vec::new()
        }
        Action::TerminPage {
            page,
            limit,
            prefetch,
            result,
        } => on_termin_page(app, page, limit, prefetch, result),
        Action::TerminProgress { page, of, count } => {
            if let Some(p) = app.termin.load_all.as_mut() {
                (p.page, p.of, p.count) = (page, of, count);
            }
            Vec::new()
        }
        Action::TerminAll(result) => {
            match result {
                Ok(Some(all)) => {
                    let n = all.len();
                    app.termin.show_all(all);
                    app.say(
                        StatusKind::Success,
                        format!("all {n} transactions loaded; t shows totals"),
                    );
                }
                Ok(None) => {
                    app.termin.load_all = None;
                    app.say(StatusKind::Info, "loading all pages cancelled");
                }
                Err(e) => {
                    app.termin.load_all = None;
                    app.say(StatusKind::Error, format!("could not load all pages: {e}"));
                }
            }
            Vec::new()
        }
        Action::Dialed { phone, outcome } => {
            match outcome {
                Ok(text) => {
                    if text.starts_with("copied") {
                        app.dialed = Some(phone);
                    }
                    app.say(StatusKind::Success, text);
                }
                Err(e) => app.say(StatusKind::Error, format!("could not dial {phone}: {e}")),
            }
            Vec::new()
        }
        Action::Exported(result) => {
            match result {
                Ok(path) => app.say(StatusKind::Success, format!("saved {path}")),
                Err(e) => app.say(StatusKind::Error, format!("export failed: {e}")),
            }
            Vec::new()
        }
        Action::OutboxLoaded {
            items,
            counts,
            contacts,
            note,
        } => {
            app.contact_events = contacts;
            app.outbox.set(items, counts);
            let today = app.clock.now_local().date();
            app.contacts_today.clear();
            for item in app.outbox.items.iter().filter(|i| {
                i.result.call_time.date() == today && i.state != DeliveryState::Discarded
            }) {
                *app.contacts_today
                    .entry(item.account_no.clone())
                    .or_default() += 1;
            }
            app.refresh_promises();
            match note {
                Some(Ok(text)) => app.say(StatusKind::Success, text),
                Some(Err(text)) => app.say(StatusKind::Error, text),
                None => {}
            }
            Vec::new()
        }
    };
    let rows = app.page_size();
    app.queue.scroll_into_view(rows);
    app.outbox
        .scroll_into_view(layout::queue_rows(app.areas().body));
    app.termin
        .scroll_into_view(layout::queue_rows(app.areas().queue));
    effects
}

/// Each task's zone: the work a new list costs, done off the screen's thread by the runtime
/// (`Action::TasksPrepared`) so that keys never wait behind it.
pub fn zones_of(regions: &RegionTable, tasks: &[Task]) -> Vec<ZoneGuess> {
    tasks
        .iter()
        .map(|t| regions.zone_of(&t.address, &t.branch_name))
        .collect()
}

fn on_tasks(
    app: &mut App,
    result: Result<Vec<Task>, ApiError>,
    zones: Option<Vec<ZoneGuess>>,
) -> Vec<Effect> {
    app.queue.loading = false;
    match result {
        Ok(tasks) => {
            let n = tasks.len();
            let zones = zones
                .filter(|z| z.len() == n)
                .unwrap_or_else(|| zones_of(&app.regions, &tasks));
            let now = app.clock.now_utc();
            app.windows = zones
                .iter()
                .map(|z| app.settings.rules.check(now, z.zone))
                .collect();
            app.windows_at = Some(now.timestamp() / 60);
            app.zones = zones;
            let callable = app.windows.iter().map(|w| w.callable).collect();
            app.queue
                .set_tasks_with(tasks, &app.promises.broken, callable);
            app.refresh_promises();
            app.server = ServerState::Connected;
            app.say(StatusKind::Info, format!("{n} tasks loaded"));
            if app.outbox.counts.uncertain > 0 {
                let accounts = app
                    .queue
                    .tasks
                    .iter()
                    .map(|t| t.contract_no.to_string())
                    .collect();
                return vec![Effect::SettleByEvidence(accounts)];
            }
            Vec::new()
        }
        Err(e) => {
            let text = e.to_string();
            app.server = ServerState::Failing(text.clone());
            // The last good list stays on screen.
            app.say(
                StatusKind::Error,
                format!("could not load the queue: {text}"),
            );
            Vec::new()
        }
    }
}

fn on_delivery(
    app: &mut App,
    account_no: String,
    outcome: Result<(i64, DeliveryState, Disposition), String>,
) {
    let form = app.form.as_mut().filter(|f| f.account_no == account_no);
    let (id, _state, disposition) = match outcome {
        Ok(o) => o,
        Err(e) => {
            // Not even saved: the form keeps everything.
            if let Some(form) = form {
                form.submitting = false;
                form.failure = Some(e.clone());
            }
            app.say(StatusKind::Error, format!("not saved: {e}"));
            return;
        }
    };
    match disposition {
        Disposition::Rejected { reason, .. } => {
            // The server said no: fix it here; the correction replaces this result.
            if let Some(form) = form {
                form.submitting = false;
                form.failure = Some(reason.clone());
                form.edit_of = Some(id);
            }
            app.say(
                StatusKind::Error,
                format!("rejected: {reason} (kept in the Outbox as #{id})"),
            );
        }
        other => {
            if form.is_some() {
                app.form = None;
            }
            app.queue.mark_done(&account_no);
            match other {
                Disposition::Delivered { code, message } => {
                    app.server = ServerState::Connected;
                    app.say(
                        StatusKind::Success,
                        format!("✓ {code} {}", sanitize(&message)),
                    );
                }
                Disposition::Uncertain { reason } => {
                    app.server = ServerState::Failing(reason.clone());
                    app.say(
                        StatusKind::Error,
                        format!("no answer ({reason}): #{id} may be stored; it waits in the Outbox for your decision"),
                    );
                }
                Disposition::Retry { reason } => {
                    app.server = ServerState::Failing(reason.clone());
                    app.say(StatusKind::Info, format!("saved as #{id}, not sent yet ({reason}); it is retried in the background"));
                }
                Disposition::Rejected { .. } => unreachable!("handled above"),
            }
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.help || app.dialed.is_some() {
        // Any key closes help (or the dialed number); it never acts on what is behind it.
        app.help = false;
        app.dialed = None;
        return Vec::new();
    }
    if app.confirm_quit {
        match key.code {
            crossterm::event::KeyCode::Char('y' | 'Y') => app.should_quit = true,
            _ => {
                app.confirm_quit = false;
                app.say(StatusKind::Info, "still here");
            }
        }
        return Vec::new();
    }
    if let Some(confirm) = app.confirm.take() {
        if matches!(key.code, crossterm::event::KeyCode::Char('y' | 'Y')) {
            if let (Effect::Submit { .. }, Some(form)) = (&confirm.effect, app.form.as_mut()) {
                form.submitting = true;
            }
            if let Effect::Dial {
                account_no,
                phone,
                override_reason: None,
            } = &confirm.effect
            {
                // The contact guard was passed; the calling window still applies.
                return dial_in_window(app, account_no.clone(), phone.clone());
            }
            return vec![confirm.effect];
        }
        app.say(StatusKind::Info, "nothing changed");
        return Vec::new();
    }
    match app.context() {
        Context::Form => form_key(app, key),
        Context::Termin => match keymap::lookup(Context::Termin, &key) {
            Some(cmd) => termin_command(app, cmd),
            None => global_key(app, key),
        },
        Context::Prompt => prompt_key(app, key),
        Context::Outbox => match keymap::lookup(Context::Outbox, &key) {
            Some(cmd) => outbox_command(app, cmd),
            None => global_key(app, key),
        },
        Context::Filter => {
            filter_key(app, key);
            Vec::new()
        }
        Context::Queue => match keymap::lookup(Context::Queue, &key) {
            Some(cmd) => queue_command(app, cmd),
            None => global_key(app, key),
        },
        Context::Global => global_key(app, key),
    }
}

fn global_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match keymap::lookup(Context::Global, &key) {
        Some(Command::Help) => app.help = true,
        Some(Command::Quit | Command::ForceQuit) => request_quit(app),
        Some(Command::ShowTab) => {
            if let crossterm::event::KeyCode::Char(c) = key.code {
                let i = c.to_digit(10).unwrap_or(1) as usize;
                return show_tab(app, Tab::ALL[i.clamp(1, Tab::ALL.len()) - 1]);
            }
        }
        Some(Command::NextTab) => {
            let i = Tab::ALL.iter().position(|t| *t == app.tab).unwrap_or(0);
            return show_tab(app, Tab::ALL[(i + 1) % Tab::ALL.len()]);
        }
        _ => {}
    }
    Vec::new()
}

/// Switches tab; the Termin tab loads its first page the first time it is shown.
fn show_tab(app: &mut App, tab: Tab) -> Vec<Effect> {
    app.tab = tab;
    if tab == Tab::Termin && !app.termin.loaded && app.termin.loading.is_none() {
        return go_to_page(app, 1);
    }
    Vec::new()
}

/// Shows page `page`: at once when it was fetched ahead, else after a load (spinner).
fn go_to_page(app: &mut App, page: i64) -> Vec<Effect> {
    let t = &mut app.termin;
    let last = t.total_pages().max(1);
    let page = if t.loaded {
        page.clamp(1, last)
    } else {
        page.max(1)
    };
    let limit = t.limit;
    if let Some(ready) = t.prefetched.remove(&(page, limit)) {
        t.show_page(ready);
        return prefetch_next(app);
    }
    t.loading = Some(page);
    vec![Effect::LoadTerminPage {
        page,
        limit,
        prefetch: false,
    }]
}

fn prefetch_next(app: &App) -> Vec<Effect> {
    let t = &app.termin;
    let next = t.page + 1;
    if next <= t.total_pages() && !t.prefetched.contains_key(&(next, t.limit)) {
        vec![Effect::LoadTerminPage {
            page: next,
            limit: t.limit,
            prefetch: true,
        }]
    } else {
        Vec::new()
    }
}

fn on_termin_page(
    app: &mut App,
    page: i64,
    limit: i64,
    prefetch: bool,
    result: Result<TerminPage, ApiError>,
) -> Vec<Effect> {
    match result {
        Ok(p) if prefetch || app.termin.loading != Some(page) || app.termin.limit != limit => {
            // Fetched ahead, or the agent moved on meanwhile: keep it for when it is wanted.
            app.termin.prefetched.insert((page, limit), p);
            Vec::new()
        }
        Ok(p) => {
            app.termin.show_page(p);
            prefetch_next(app)
        }
        Err(_) if prefetch => Vec::new(),
        Err(e) => {
            // The last good page stays on screen.
            app.termin.loading = None;
            app.termin.error = Some(e.to_string());
            app.say(
                StatusKind::Error,
                format!("could not load page {page}: {e}"),
            );
            Vec::new()
        }
    }
}

fn termin_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let rows = layout::queue_rows(app.areas().queue).max(1) as isize;
    let page = app.termin.page;
    match cmd {
        Command::Down => app.termin.move_by(1),
        Command::Up => app.termin.move_by(-1),
        Command::PageDown => app.termin.move_by(rows),
        Command::PageUp => app.termin.move_by(-rows),
        Command::First => app.termin.selected = 0,
        Command::Last => app.termin.move_by(isize::MAX / 2),
        Command::NextPage => return go_to_page(app, page + 1),
        Command::PrevPage => return go_to_page(app, page - 1),
        Command::FirstPage => return go_to_page(app, 1),
        Command::LastPage => return go_to_page(app, app.termin.total_pages()),
        Command::Refresh => {
            app.termin.prefetched.clear();
            return go_to_page(app, page);
        }
        Command::PageSizeUp | Command::PageSizeDown => {
            let t = &mut app.termin;
            // Keep the first row on screen roughly where it was.
            let first_row = (t.page - 1) * t.limit;
            t.limit = if cmd == Command::PageSizeUp {
                t.next_page_size()
            } else {
                t.prev_page_size()
            };
            let limit = t.limit;
            app.say(StatusKind::Info, format!("{limit} rows a page"));
            return go_to_page(app, first_row / limit + 1);
        }
        Command::GoToPage => open_prompt(app, PromptKind::GoToPage, String::new()),
        Command::StartFilter => {
            let current = app.termin.search.clone();
            open_prompt(app, PromptKind::Search, current);
        }
        Command::Export => {
            let name = format!("termin-{}.csv", app.clock.now_local().format("%Y%m%d-%H%M"));
            open_prompt(app, PromptKind::Export, name);
        }
        Command::CycleStatus => {
            app.termin.cycle_status();
            let label = app
                .termin
                .status
                .clone()
                .unwrap_or_else(|| "every status".into());
            app.say(StatusKind::Info, format!("showing {label}"));
        }
        Command::ClearFilter => {
            if let Some(p) = app.termin.load_all.as_ref() {
                p.cancel.cancel();
                app.say(StatusKind::Info, "cancelling…");
            } else {
                app.termin.search.clear();
                app.termin.status = None;
                app.termin.refilter();
            }
        }
        Command::LoadAll if app.termin.load_all.is_none() => {
            let cancel = CancelFlag::default();
            app.termin.load_all = Some(Progress {
                page: 0,
                of: app.termin.total_pages(),
                count: 0,
                cancel: cancel.clone(),
            });
            return vec![Effect::LoadAllTermin { limit: 100, cancel }];
        }
        Command::Totals => {
            if app.termin.totals.is_some() {
                app.termin.show_totals = !app.termin.show_totals;
            } else {
                app.say(
                    StatusKind::Info,
                    "totals need every page: press A to load all",
                );
            }
        }
        _ => {}
    }
    Vec::new()
}

fn open_prompt(app: &mut App, kind: PromptKind, initial: String) {
    app.prompt = Some(Prompt {
        kind,
        input: tui_input::Input::new(initial),
    });
}

fn prompt_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = app.prompt.as_mut() else {
        return Vec::new();
    };
    match keymap::lookup(Context::Prompt, &key) {
        Some(Command::CancelPrompt) => {
            if prompt.kind == PromptKind::Search {
                app.termin.search.clear();
                app.termin.refilter();
            }
            app.prompt = None;
            Vec::new()
        }
        Some(Command::AcceptPrompt) => {
            let prompt = app.prompt.take().expect("prompt is open");
            let text = prompt.input.value().trim().to_string();
            match prompt.kind {
                PromptKind::Search => Vec::new(),
                PromptKind::GoToPage => match text.parse::<i64>() {
                    Ok(p) if p >= 1 => go_to_page(app, p),
                    _ => {
                        app.say(StatusKind::Error, format!("'{text}' is not a page number"));
                        Vec::new()
                    }
                },
                PromptKind::Export if text.is_empty() => {
                    app.say(StatusKind::Error, "no file name: nothing exported");
                    Vec::new()
                }
                PromptKind::Export => vec![Effect::ExportTermin {
                    path: text,
                    rows: app.termin.shown(),
                }],
                PromptKind::OverrideReason { .. } if text.is_empty() => {
                    app.say(
                        StatusKind::Error,
                        "not dialed: an override needs the consumer's consent and a reason",
                    );
                    Vec::new()
                }
                PromptKind::OverrideReason { account_no, phone } => vec![Effect::Dial {
                    account_no,
                    phone,
                    override_reason: Some(text),
                }],
            }
        }
        _ => {
            prompt
                .input
                .handle_event(&crossterm::event::Event::Key(key));
            if prompt.kind == PromptKind::Search {
                app.termin.search = prompt.input.value().to_string();
                app.termin.refilter();
            }
            Vec::new()
        }
    }
}

fn request_quit(app: &mut App) {
    if app.form.as_ref().is_some_and(FormState::is_dirty) {
        app.confirm_quit = true;
    } else {
        app.should_quit = true;
    }
}

fn queue_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let page = app.page_size().max(1) as isize;
    let q = &mut app.queue;
    match cmd {
        Command::Down => q.move_by(1),
        Command::Up => q.move_by(-1),
        Command::PageDown => q.move_by(page),
        Command::PageUp => q.move_by(-page),
        Command::First => q.first(),
        Command::Last => q.last(),
        Command::StartFilter => app.filter_input = Some(tui_input::Input::new(q.filter.clone())),
        Command::ClearFilter => q.set_filter(""),
        Command::Dial(n) => return dial(app, n),
        Command::PromiseFilter => {
            app.promise_filter = app.promise_filter.next();
            app.apply_promise_filter();
            let label = app.promise_filter.label();
            app.say(StatusKind::Info, format!("showing {label}"));
        }
        Command::CycleSort => {
            q.cycle_sort();
            let label = q.sort.label();
            app.say(StatusKind::Info, format!("sorted by {label}"));
        }
        Command::Refresh if !q.loading => {
            q.loading = true;
            return vec![Effect::LoadTasks];
        }
        Command::OpenForm => match q.selected_task() {
            Some(task) => app.form = Some(FormState::for_task(task)),
            None => app.say(StatusKind::Info, "no task selected"),
        },
        _ => {}
    }
    Vec::new()
}

/// `c` / `1`..`4` on a task: over-contact guard first, then the calling window.
fn dial(app: &mut App, n: usize) -> Vec<Effect> {
    let Some(task) = app.queue.selected_task() else {
        return Vec::new();
    };
    let phone = match n {
        0 => task.phones().next().map(str::to_string),
        n => [&task.phone1, &task.phone2, &task.phone3, &task.phone4]
            .get(n - 1)
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
    };
    let account_no = task.contract_no.to_string();
    let Some(phone) = phone else {
        let which = if n == 0 {
            "no phone on file".to_string()
        } else {
            format!("phone {n} is empty")
        };
        app.say(StatusKind::Info, which);
        return Vec::new();
    };
    let contacts = app.contacts_today_of(&account_no);
    let max = app.settings.max_contacts_per_day;
    if contacts >= max {
        app.confirm = Some(Confirm {
            question: format!(
                "{account_no} was contacted {contacts} times today (limit {max}). Contact that is \"continuous or disturbing\" is forbidden. Dial anyway? y / n"
            ),
            effect: Effect::Dial {
                account_no,
                phone,
                override_reason: None,
            },
        });
        return Vec::new();
    }
    dial_in_window(app, account_no, phone)
}

fn dial_in_window(app: &mut App, account_no: String, phone: String) -> Vec<Effect> {
    let index = app
        .queue
        .tasks
        .iter()
        .position(|t| t.contract_no == account_no);
    let window = index.and_then(|i| app.window(i)).map(|(_, w)| w.clone());
    match window {
        Some(w) if !w.callable => {
            app.say(
                StatusKind::Error,
                format!(
                    "outside the calling window ({}); only with the consumer's prior consent",
                    w.note
                ),
            );
            app.prompt = Some(Prompt {
                kind: PromptKind::OverrideReason { account_no, phone },
                input: tui_input::Input::default(),
            });
            Vec::new()
        }
        _ => vec![Effect::Dial {
            account_no,
            phone,
            override_reason: None,
        }],
    }
}

fn filter_key(app: &mut App, key: KeyEvent) {
    match keymap::lookup(Context::Filter, &key) {
        Some(Command::AcceptFilter) => app.filter_input = None,
        Some(Command::ClearFilter) => {
            app.filter_input = None;
            app.queue.set_filter("");
        }
        _ => {
            if let Some(input) = app.filter_input.as_mut() {
                input.handle_event(&crossterm::event::Event::Key(key));
                let text = input.value().to_string();
                app.queue.set_filter(&text);
            }
        }
    }
}

fn form_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    if form.confirm_cancel {
        if matches!(key.code, crossterm::event::KeyCode::Char('y' | 'Y')) {
            app.form = None;
            app.say(StatusKind::Info, "result discarded");
        } else {
            form.confirm_cancel = false;
        }
        return Vec::new();
    }
    if form.submitting {
        // Typing while sending would change what the agent sees from what was sent.
        if keymap::lookup(Context::Global, &key) == Some(Command::ForceQuit) {
            request_quit(app);
        }
        return Vec::new();
    }
    let codes = &app.codes;
    match keymap::lookup(Context::Form, &key) {
        Some(Command::NextField) => {
            let fields = form.fields(codes);
            let enter = key.code == crossterm::event::KeyCode::Enter;
            if enter && fields.last() == Some(&form.focus) {
                return submit(app);
            }
            if enter && matches!(form.focus, Field::Action | Field::Result) {
                // Enter takes the highlighted code even when nothing was typed.
                form.take_choice(codes);
            }
            form.move_focus(codes, true);
        }
        Some(Command::PrevField) => form.move_focus(codes, false),
        Some(Command::PickDown) => {
            let n = form.choices(codes).len();
            if n > 0 {
                form.pick = (form.pick + 1).min(n - 1);
            }
        }
        Some(Command::PickUp) => form.pick = form.pick.saturating_sub(1),
        Some(Command::Submit) => return submit(app),
        Some(Command::Cancel) => {
            if form.is_dirty() {
                form.confirm_cancel = true;
            } else {
                app.form = None;
            }
        }
        _ => {
            if keymap::lookup(Context::Global, &key) == Some(Command::ForceQuit) {
                request_quit(app);
                return Vec::new();
            }
            let field = form.focus;
            form.input_mut(field)
                .handle_event(&crossterm::event::Event::Key(key));
            if matches!(field, Field::Action | Field::Result) {
                form.pick = 0;
            }
            // A corrected field loses its old complaint.
            form.errors.retain(|e| e.field != field.wire_name());
            form.failure = None;
        }
    }
    Vec::new()
}

fn submit(app: &mut App) -> Vec<Effect> {
    let now = app.clock.now_local();
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    // A code typed in part becomes the highlighted choice, as Tab would have made it.
    if matches!(form.focus, Field::Action | Field::Result)
        && !form.input(form.focus).value().trim().is_empty()
    {
        form.take_choice(&app.codes);
    }
    let s = &app.settings;
    match form.validate(
        &app.codes,
        now,
        s.promise_horizon_days,
        &s.agent_id,
        &s.ip_address,
    ) {
        Ok(result) => {
            form.errors.clear();
            form.failure = None;
            let total_due = app
                .queue
                .tasks
                .iter()
                .find(|t| t.contract_no == form.account_no)
                .and_then(|t| t.total_due);
            let effect = Effect::Submit {
                result,
                edit_of: form.edit_of,
                total_due,
            };
            let contacts = app
                .contacts_today
                .get(&form.account_no)
                .copied()
                .unwrap_or(0);
            let max = app.settings.max_contacts_per_day;
            if contacts >= max && form.edit_of.is_none() {
                app.confirm = Some(Confirm {
                    question: format!(
                        "This is contact {} with {} today (limit {max}). Record it anyway? y / n",
                        contacts + 1,
                        form.account_no
                    ),
                    effect,
                });
                return Vec::new();
            }
            form.submitting = true;
            vec![effect]
        }
        Err(errors) => {
            let first = errors[0].to_string();
            // Focus the first refused field the form shows.
            let fields = form.fields(&app.codes);
            if let Some(f) = fields
                .iter()
                .find(|f| errors.iter().any(|e| e.field == f.wire_name()))
            {
                form.focus = *f;
            }
            form.errors = errors;
            app.say(StatusKind::Error, format!("not sent: {first}"));
            Vec::new()
        }
    }
}

fn outbox_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let page = layout::queue_rows(app.areas().body).max(1) as isize;
    match cmd {
        Command::Down => app.outbox.move_by(1),
        Command::Up => app.outbox.move_by(-1),
        Command::PageDown => app.outbox.move_by(page),
        Command::PageUp => app.outbox.move_by(-page),
        Command::First => app.outbox.selected = 0,
        Command::Last => app.outbox.move_by(isize::MAX / 2),
        _ => {}
    }
    let Some(item) = app.outbox.selected_item() else {
        return Vec::new();
    };
    let id = item.id;
    let ask = |question: String, effect: Effect| Some(Confirm { question, effect });
    let (confirm, effects) = match (cmd, item.state) {
        (Command::Retry, DeliveryState::Queued | DeliveryState::Rejected) => {
            (None, vec![Effect::Outbox(OutboxCommand::Send(id))])
        }
        (Command::Retry, DeliveryState::Uncertain) => (
            ask(
                format!(
                    "Send #{id} again? If the first one arrived, the server will hold it twice. y / n"
                ),
                Effect::Outbox(OutboxCommand::Send(id)),
            ),
            Vec::new(),
        ),
        (Command::MarkDelivered, DeliveryState::Uncertain) => (
            ask(
                format!("Mark #{id} delivered? Only when you know the server has it. y / n"),
                Effect::Outbox(OutboxCommand::MarkDelivered(id)),
            ),
            Vec::new(),
        ),
        (
            Command::Discard,
            DeliveryState::Queued | DeliveryState::Rejected | DeliveryState::Uncertain,
        ) => (
            ask(
                format!(
                    "Discard #{id} for {}? It will not be sent; it stays listed. y / n",
                    item.account_no
                ),
                Effect::Outbox(OutboxCommand::Discard(id)),
            ),
            Vec::new(),
        ),
        (Command::Edit, DeliveryState::Rejected) => {
            let mut form = FormState::for_item(
                item,
                app.queue
                    .tasks
                    .iter()
                    .find(|t| t.contract_no == item.account_no),
            );
            form.failure = item.last_error.clone();
            app.form = Some(form);
            (None, Vec::new())
        }
        (Command::Retry | Command::MarkDelivered | Command::Discard | Command::Edit, state) => {
            app.say(StatusKind::Info, format!("#{id} is {state}: nothing to do"));
            (None, Vec::new())
        }
        _ => (None, Vec::new()),
    };
    app.confirm = confirm;
    effects
}

fn on_mouse(app: &mut App, m: MouseEvent) {
    if !app.settings.mouse || app.form.is_some() || app.help {
        return;
    }
    let areas = app.areas();
    let at = Position::new(m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(i) =
                layout::tab_at(areas.header, m.column).filter(|_| areas.header.contains(at))
            {
                app.tab = Tab::ALL[i];
            } else if app.tab == Tab::Queue
                && let Some(row) = layout::queue_row_at(areas.queue, at)
            {
                app.queue.select_visible_row(row);
            }
        }
        MouseEventKind::ScrollDown if app.tab == Tab::Queue => app.queue.move_by(3),
        MouseEventKind::ScrollUp if app.tab == Tab::Queue => app.queue.move_by(-3),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn settings() -> Settings {
        Settings {
            agent_id: "A1".into(),
            ip_address: "10.0.0.1".into(),
            demo: true,
            promise_horizon_days: 30,
            mouse: true,
            rules: crate::domain::window::CallingRules::default(),
            max_contacts_per_day: 3,
        }
    }

    fn task(no: &str, name: &str, overdue: i64) -> Task {
        Task {
            contract_no: no.into(),
            name: name.into(),
            overdue: Some(overdue),
            total_due: Some(Money::from_units(1000 * overdue)),
            lastpaid_tenor: Some(3),
            ..Task::default()
        }
    }

    fn app() -> App {
        let now = crate::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap();
        let mut app = App::new(
            settings(),
            MasterData::builtin(),
            Clock::at(now),
            Rect::new(0, 0, 120, 40),
        );
        assert_eq!(app.start(), vec![Effect::LoadTasks]);
        let tasks = vec![
            task("A", "ANDI", 3),
            task("B", "BUDI", 5),
            task("C", "CITRA", 2),
        ];
        update(&mut app, Action::TasksLoaded(Ok(tasks)));
        app
    }

    fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
        update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
        update(
            app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        )
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c));
        }
    }

    fn selected(app: &App) -> &str {
        &app.queue.selected_task().unwrap().contract_no
    }

    #[test]
    fn keys_move_the_selection() {
        let mut app = app();
        assert_eq!(selected(&app), "C", "first day past due comes first");
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(selected(&app), "B");
        press(&mut app, KeyCode::Char('G'));
        assert_eq!(selected(&app), "A");
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Home);
        assert_eq!(selected(&app), "C");
        press(&mut app, KeyCode::PageDown);
        assert_eq!(selected(&app), "A");
    }

    #[test]
    fn slash_filters_as_you_type_and_q_in_the_filter_is_text() {
        let mut app = app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "bq");
        assert!(!app.should_quit);
        assert_eq!(app.queue.filter, "bq");
        assert!(app.queue.view.is_empty());
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.queue.view.len(), 1);
        press(&mut app, KeyCode::Enter);
        assert!(app.filter_input.is_none());
        assert_eq!(selected(&app), "B");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.queue.view.len(), 3);
    }

    #[test]
    fn s_cycles_the_sort() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(app.queue.sort.label(), "days overdue");
        assert_eq!(selected(&app), "C", "selection kept");
        assert_eq!(app.queue.tasks[app.queue.view[0]].contract_no, "B");
    }

    #[test]
    fn refresh_starts_one_load_at_a_time() {
        let mut app = app();
        assert_eq!(press(&mut app, KeyCode::Char('r')), vec![Effect::LoadTasks]);
        assert!(press(&mut app, KeyCode::Char('r')).is_empty());
    }

    #[test]
    fn a_failed_load_keeps_the_last_list_and_says_why() {
        let mut app = app();
        press(&mut app, KeyCode::Char('r'));
        update(&mut app, Action::TasksLoaded(Err(ApiError::Unauthorized)));
        assert_eq!(app.queue.tasks.len(), 3);
        assert!(matches!(app.server, ServerState::Failing(_)));
        assert!(
            app.status
                .as_ref()
                .unwrap()
                .text
                .contains("bad credentials")
        );
    }

    #[test]
    fn form_typing_never_triggers_global_keys() {
        let mut app = app();
        press(&mut app, KeyCode::Enter);
        assert!(app.form.is_some());
        type_text(&mut app, "q?12");
        assert!(!app.should_quit && !app.help);
        assert_eq!(app.form.as_ref().unwrap().action.value(), "q?12");
    }

    #[test]
    fn esc_asks_before_discarding_what_was_typed() {
        let mut app = app();
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
        assert!(app.form.is_none(), "nothing typed: closes at once");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "PTP");
        press(&mut app, KeyCode::Esc);
        assert!(app.form.as_ref().unwrap().confirm_cancel);
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.form.as_ref().unwrap().action.value(), "PTP");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('y'));
        assert!(app.form.is_none());
    }

    #[test]
    fn quit_asks_when_the_form_has_input() {
        let mut app = app();
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "MSG");
        ctrl(&mut app, 'c');
        assert!(app.confirm_quit && !app.should_quit);
        press(&mut app, KeyCode::Char('n'));
        assert!(!app.confirm_quit && app.form.is_some());
        ctrl(&mut app, 'c');
        press(&mut app, KeyCode::Char('y'));
        assert!(app.should_quit);
    }

    fn fill_ptp(app: &mut App) {
        press(app, KeyCode::Enter);
        type_text(app, "ptp");
        press(app, KeyCode::Tab);
        press(app, KeyCode::Enter); // takes PTP01, the first result of PTP
        type_text(app, "+2");
        press(app, KeyCode::Tab);
        press(app, KeyCode::Tab);
        type_text(app, "janji bayar");
    }

    #[test]
    fn invalid_submit_stays_at_the_field_with_the_reason() {
        let mut app = app();
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "PTP");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "2026-13-01");
        let effects = ctrl(&mut app, 's');
        assert!(effects.is_empty());
        let form = app.form.as_ref().unwrap();
        assert_eq!(form.focus, Field::Result, "first refused field");
        assert!(
            form.error_for(Field::Promise)
                .unwrap()
                .message
                .contains("not a date")
        );
        assert_eq!(form.promise.value(), "2026-13-01", "kept as typed");
    }

    fn delivered(id: i64) -> Result<(i64, DeliveryState, Disposition), String> {
        Ok((
            id,
            DeliveryState::Delivered,
            Disposition::Delivered {
                code: "00".into(),
                message: "Sukses".into(),
            },
        ))
    }

    #[test]
    fn submit_success_marks_done_and_moves_on() {
        let mut app = app();
        fill_ptp(&mut app);
        let effects = ctrl(&mut app, 's');
        let [
            Effect::Submit {
                result,
                edit_of: None,
                ..
            },
        ] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        assert_eq!(result.account_no, "C");
        assert_eq!(result.result_code, "PTP01");
        assert_eq!(result.promise_date.unwrap().to_string(), "2026-11-29");
        assert_eq!(result.period, 4);
        assert_eq!(result.agent_id, "A1");
        assert!(app.form.as_ref().unwrap().submitting);
        type_text(&mut app, "zz");
        assert_eq!(
            app.form.as_ref().unwrap().remark.value(),
            "janji bayar",
            "no typing while sending"
        );
        update(
            &mut app,
            Action::Delivery {
                account_no: "C".into(),
                outcome: delivered(1),
            },
        );
        assert!(app.form.is_none());
        assert!(app.queue.done.contains("C"));
        assert_eq!(selected(&app), "B");
        assert_eq!(app.status.as_ref().unwrap().text, "✓ 00 Sukses");
    }

    #[test]
    fn rejected_keeps_the_form_and_the_correction_replaces_the_result() {
        let mut app = app();
        fill_ptp(&mut app);
        ctrl(&mut app, 's');
        let rejected = Disposition::Rejected {
            reason: "server refused (code 90): ERROR".into(),
            code: Some("90".into()),
        };
        update(
            &mut app,
            Action::Delivery {
                account_no: "C".into(),
                outcome: Ok((7, DeliveryState::Rejected, rejected)),
            },
        );
        let form = app.form.as_ref().unwrap();
        assert!(!form.submitting);
        assert_eq!(form.remark.value(), "janji bayar");
        assert_eq!(form.promise.value(), "+2");
        assert!(form.failure.as_ref().unwrap().contains("code 90"));
        assert!(!app.queue.done.contains("C"));
        let effects = ctrl(&mut app, 's');
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::Submit {
                    edit_of: Some(7),
                    ..
                }]
            ),
            "{effects:?}"
        );
    }

    #[test]
    fn no_answer_closes_the_form_because_the_outbox_has_it() {
        let mut app = app();
        fill_ptp(&mut app);
        ctrl(&mut app, 's');
        let uncertain = Disposition::Uncertain {
            reason: "connection dropped".into(),
        };
        update(
            &mut app,
            Action::Delivery {
                account_no: "C".into(),
                outcome: Ok((3, DeliveryState::Uncertain, uncertain)),
            },
        );
        assert!(app.form.is_none());
        assert!(
            app.status
                .as_ref()
                .unwrap()
                .text
                .contains("#3 may be stored")
        );
        assert!(matches!(app.server, ServerState::Failing(_)));

        // Not even saved (disk full): the form keeps everything.
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "MSG");
        ctrl(&mut app, 's');
        let account_no = app.form.as_ref().unwrap().account_no.clone();
        update(
            &mut app,
            Action::Delivery {
                account_no,
                outcome: Err("disk full".into()),
            },
        );
        assert_eq!(app.form.as_ref().unwrap().action.value(), "MSG");
    }

    #[test]
    fn help_opens_and_any_key_closes_it() {
        let mut app = app();
        press(&mut app, KeyCode::Char('?'));
        assert!(app.help);
        press(&mut app, KeyCode::Char('j'));
        assert!(!app.help);
        assert_eq!(selected(&app), "C", "the closing key does nothing else");
    }

    #[test]
    fn tabs_switch_by_number() {
        let mut app = app();
        update(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT)),
        );
        assert_eq!(app.tab, Tab::Termin);
        press(&mut app, KeyCode::Char('4'));
        assert_eq!(
            app.tab,
            Tab::Today,
            "plain digits switch tabs outside the queue"
        );
        press(&mut app, KeyCode::Char('1'));
        assert_eq!(app.tab, Tab::Queue);
    }

    #[test]
    fn mouse_click_selects_and_wheel_scrolls() {
        let mut app = app();
        let q = app.areas().queue;
        let click = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: q.x + 5,
            row: q.y + 3,
            modifiers: KeyModifiers::NONE,
        };
        update(&mut app, Action::Mouse(click));
        assert_eq!(selected(&app), "B", "second visible row");
        update(
            &mut app,
            Action::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                ..click
            }),
        );
        assert_eq!(selected(&app), "A");
        app.settings.mouse = false;
        update(
            &mut app,
            Action::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollUp,
                ..click
            }),
        );
        assert_eq!(selected(&app), "A", "mouse off");
    }

    fn item(id: i64, account: &str, promise: &str, state: DeliveryState) -> OutboxItem {
        let result = CollectionResult {
            account_no: account.into(),
            call_time: crate::domain::dates::parse_datetime("2026-11-20 10:00:00").unwrap(),
            cust_name: String::new(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            promise_date: promise.parse().ok(),
            period: 1,
            remark: "janji".into(),
            agent_id: "A1".into(),
            ip_address: "ip".into(),
        };
        OutboxItem {
            id,
            account_no: account.into(),
            state,
            attempts: 1,
            last_error: None,
            call_time: "2026-11-20 10:00:00".into(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            promise_date: Some(promise.into()),
            remark: "janji".into(),
            agent_id: "A1".into(),
            server_code: None,
            server_message: None,
            delivered_by: None,
            ever_uncertain: false,
            created_at: String::new(),
            updated_at: String::new(),
            next_attempt_at: None,
            total_due: None,
            result,
        }
    }

    #[test]
    fn promises_mark_the_queue_and_filter_it() {
        let mut app = app();
        let items = vec![
            item(1, "A", "2026-11-26", DeliveryState::Delivered), // passed, A still in the queue: broken
            item(2, "B", "2026-11-28", DeliveryState::Delivered), // tomorrow
        ];
        update(
            &mut app,
            Action::OutboxLoaded {
                items,
                counts: Counts::default(),
                contacts: Vec::new(),
                note: None,
            },
        );
        assert!(app.promises.broken.contains("A"));
        assert!(app.promises.due_soon.contains("B"));
        let first = &app.queue.tasks[app.queue.view[0]].contract_no;
        assert_eq!(first, "A", "a broken promise is worked first");
        assert_eq!(
            selected(&app),
            "C",
            "the selection stays where the agent was"
        );
        press(&mut app, KeyCode::Char('p'));
        assert_eq!(app.queue.view.len(), 1);
        assert_eq!(selected(&app), "B");
        press(&mut app, KeyCode::Char('p'));
        assert_eq!(selected(&app), "A");
        press(&mut app, KeyCode::Char('p'));
        assert_eq!(app.queue.view.len(), 3);
    }

    #[test]
    fn outbox_keys_ask_before_risky_moves() {
        let mut app = app();
        let mut uncertain = item(5, "A", "2026-11-30", DeliveryState::Uncertain);
        uncertain.last_error = Some("timed out".into());
        update(
            &mut app,
            Action::OutboxLoaded {
                items: vec![uncertain],
                counts: Counts::default(),
                contacts: Vec::new(),
                note: None,
            },
        );
        update(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT)),
        );
        assert_eq!(app.context(), Context::Outbox);
        assert!(press(&mut app, KeyCode::Char('R')).is_empty(), "asks first");
        assert!(app.confirm.as_ref().unwrap().question.contains("twice"));
        assert_eq!(
            press(&mut app, KeyCode::Char('y')),
            vec![Effect::Outbox(OutboxCommand::Send(5))]
        );
        press(&mut app, KeyCode::Char('x'));
        assert!(press(&mut app, KeyCode::Char('n')).is_empty());
        assert!(app.confirm.is_none());
        press(&mut app, KeyCode::Char('e'));
        assert!(app.form.is_none(), "only a rejected result is edited");
    }
}
