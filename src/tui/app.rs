//! The workstation's state and its one `update` function. Keys, mouse, timer ticks and the
//! answers of background work all arrive as an `Action`; `update` hands each to the page it
//! belongs to and carries out the page's `Reply`: effects to start, a modal to open, words
//! for the status line, a move to another page. Nothing here waits on I/O.

pub use super::chrome::{ServerState, Status, StatusKind, Tab};
use super::desk::Desk;
use super::keymap::{Command, Context, Keymap};
use super::layout::{self, Areas};
pub use super::message::{
    Action, DialError, Dialed, Effect, Exported, FileError, OutboxCommand, OutboxDone, Sent,
};
use super::modal::{Intent, Modal, Outcome, PromptEvent, PromptKind};
use super::mouse::{self, Pointer};
pub use super::pages::Settings;
use super::pages::form::{self, FormState};
use super::pages::outbox::OutboxPage;
use super::pages::queue::QueuePage;
use super::pages::termin::TerminTab;
use super::pages::{Cx, Go, Reply, cx};
use crate::api::ApiError;
use crate::clock::Clock;
use crate::delivery::{Disposition, OutboxSnapshot};
use crate::domain::Task;
use crate::domain::codes::MasterData;
use crate::domain::outbox::DeliveryState;
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::store::StoreError;
use crate::tr;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

pub struct App {
    pub settings: Settings,
    pub codes: MasterData,
    pub clock: Clock,
    pub keys: Keymap,
    pub tab: Tab,
    /// Help, a question, a prompt or a dialed number: at most one, over everything.
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub server: ServerState,
    /// The team ledger's state, once the background push has run (`team.database_url`).
    pub ledger: Option<super::chrome::LedgerState>,
    /// The supervisor's floor, once the ledger said this desk is a supervisor's.
    pub floor: Option<super::pages::floor::FloorPage>,
    /// The terminal's size: the layout every list and click is measured against.
    pub size: Rect,
    pub ticks: u64,
    pub should_quit: bool,
    pub regions: RegionTable,
    /// The agent's own work, read by every page.
    pub desk: Desk,
    pub queue: QueuePage,
    pub form: Option<FormState>,
    pub termin: TerminTab,
    pub outbox: OutboxPage,
}

impl App {
    pub fn new(settings: Settings, codes: MasterData, clock: Clock, size: Rect) -> App {
        App {
            settings,
            codes,
            clock,
            keys: Keymap::default(),
            tab: Tab::Queue,
            modal: None,
            status: None,
            server: ServerState::Unknown,
            ledger: None,
            floor: None,
            size,
            ticks: 0,
            should_quit: false,
            regions: RegionTable::builtin(),
            desk: Desk::default(),
            queue: QueuePage::default(),
            form: None,
            termin: TerminTab::default(),
            outbox: OutboxPage::default(),
        }
    }

    /// The first thing to do: load the queue.
    pub fn start(&mut self) -> Vec<Effect> {
        self.queue.start().effects
    }

    pub fn areas(&self) -> Areas {
        layout::areas_with(self.size, self.status_rows(self.size.width))
    }

    /// Rows the status line needs at `width`: two when its message is longer than one.
    pub fn status_rows(&self, width: u16) -> u16 {
        if self.queue.list.loading
            || matches!(self.modal, Some(crate::tui::modal::Modal::Prompt(_)))
        {
            return 1;
        }
        let Some(status) = &self.status else {
            return 1;
        };
        // Words wrap, as the status line draws them.
        let width = width.max(1) as usize;
        let w = |s: &str| ratatui::text::Span::raw(s).width();
        let (mut rows, mut used) = (1, 0);
        for word in status.text.split(' ') {
            let need = w(word) + usize::from(used > 0);
            if used > 0 && used + need > width {
                rows += 1;
                used = w(word);
            } else {
                used += need;
            }
        }
        rows.clamp(1, 3) as u16
    }

    /// What a page reads, with the rows of its list on screen.
    pub fn cx(&self, tab: Tab) -> Cx<'_> {
        cx!(self, tab)
    }

    /// Where the keys go: the modal, else the form, else the tab. The footer and help read
    /// the same.
    pub fn context(&self) -> Context {
        match &self.modal {
            Some(m) => m.context(),
            None => self.context_under_modal(),
        }
    }

    /// The focus a modal covers (what `?` help describes).
    pub fn context_under_modal(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else {
            self.tab.context()
        }
    }

    /// The question being asked, if one is.
    pub fn question(&self) -> Option<&str> {
        match &self.modal {
            Some(Modal::Confirm { question, .. }) => Some(question),
            _ => None,
        }
    }

    /// The promise book after the list or the outbox changed, and the queue's view of it.
    fn refresh_promises(&mut self) {
        let today = self.clock.now_local().date();
        // A list kept from an earlier day says nothing of today: no verdicts, no hints.
        let (tasks, loaded) = if self.queue.list_is_of(today) {
            (&self.queue.list.tasks[..], self.queue.list.loaded)
        } else {
            (&[][..], false)
        };
        self.desk.refresh_promises(tasks, today, loaded);
        self.queue.apply_promises(&self.desk.promises);
    }

    /// Where the callbacks stand now (once a minute, and after a read of the outbox), and
    /// the queue's pins from them: an account whose callback is due goes on top.
    fn refresh_callbacks(&mut self) {
        let now = self.clock.now_utc().with_timezone(&self.clock.offset());
        if self.desk.tick_callbacks(now, &self.settings.rules) {
            self.keep_callback_accounts();
        }
    }

    /// A pending or due callback keeps its account in the queue, from the outbox's record of
    /// it when the list no longer holds it; a due one pins it on top.
    fn keep_callback_accounts(&mut self) {
        let desk = &self.desk;
        let regions = &self.regions;
        let recorded = |account: &str| {
            let (task, zone) = desk.recorded_task(account)?;
            let mut guess = crate::domain::window::zone_of_task(&task, regions);
            if let Some(zone) = zone {
                // The zone the callback was agreed in: the customer's, from their address.
                guess.zone = zone;
                guess.source = crate::domain::zone::ZoneSource::Address;
            }
            Some((task, guess))
        };
        self.queue.keep_for_callbacks(
            desk.open_callback_accounts(),
            &recorded,
            &cx!(self, Tab::Queue),
        );
        self.queue.list.pin(self.desk.due_accounts());
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let reply = match action {
        Action::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key),
        Action::Key(_) => Reply::none(),
        Action::Mouse(m) => on_mouse(app, m),
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            Reply::none()
        }
        Action::Tick => {
            app.ticks = app.ticks.wrapping_add(1);
            let now = app.clock.now_utc();
            app.queue.tick(now, &cx!(app, Tab::Queue));
            app.refresh_callbacks();
            Reply::none()
        }
        Action::TasksLoaded(result) => on_tasks(app, result, None, None),
        Action::TasksPrepared {
            tasks,
            zones,
            by_total,
        } => on_tasks(app, Ok(tasks), Some(zones), Some(by_total)),
        Action::Receiving { received, total } => {
            app.queue.receiving(received, total, app.settings.lang)
        }
        Action::SavedListLoaded {
            tasks,
            zones,
            by_total,
            read_at,
        } => {
            let reply = app.queue.on_saved(
                tasks,
                zones,
                by_total,
                read_at,
                &cx!(app, Tab::Queue),
                &app.regions,
            );
            app.refresh_promises();
            app.keep_callback_accounts();
            reply
        }
        Action::Delivery {
            account_no,
            outcome,
        } => on_delivery(app, &account_no, outcome),
        Action::TerminPage {
            page,
            limit,
            prefetch,
            result,
        } => app
            .termin
            .on_page(page, limit, prefetch, result, app.settings.lang),
        Action::TerminReceiving {
            page,
            received,
            total,
        } => {
            app.termin
                .on_receiving(page, received, total, app.settings.lang);
            Reply::none()
        }
        Action::TerminProgress { page, of, count } => {
            app.termin.on_progress(page, of, count);
            Reply::none()
        }
        Action::TerminAll { result, changes } => {
            app.termin.on_all(result, changes, app.settings.lang)
        }
        Action::Exported(result) => app.termin.on_exported(result, app.settings.lang),
        Action::Dialed { phone, outcome } => {
            super::pages::queue::on_dialed(phone, outcome, app.settings.lang)
        }
        Action::FloorLoaded(result) => {
            let at = app.clock.now();
            app.floor
                .get_or_insert_with(Default::default)
                .loaded(result, at);
            Reply::none()
        }
        Action::Ledger(state) => {
            app.ledger = Some(state);
            Reply::none()
        }
        Action::ServerAnswered => {
            app.server = ServerState::Connected;
            Reply::none()
        }
        Action::BusyWait(w) => Reply::say(
            StatusKind::Info,
            crate::tr!(
                app.settings.lang,
                "api-busy-wait",
                asked = w.asked.as_secs(),
                waited = w.waited.as_secs()
            ),
        ),
        Action::OutboxLoaded { snapshot, done } => on_outbox(app, snapshot, done),
    };
    carry_out(app, reply)
}

/// Does what a page's reply asks, then keeps every list's selection on screen.
fn carry_out(app: &mut App, reply: Reply) -> Vec<Effect> {
    let Reply {
        mut effects,
        modal,
        status,
        go,
    } = reply;
    if let Some(s) = status {
        app.status = Some(s);
    }
    if modal.is_some() {
        app.modal = modal;
    }
    match go {
        Some(Go::Tab(tab)) => effects.extend(show_tab(app, tab).effects),
        Some(Go::RecordResult(task)) => app.form = Some(FormState::for_task(&task, &app.regions)),
        Some(Go::CorrectResult(item)) => {
            let mut form =
                FormState::for_item(&item, app.queue.task(&item.account_no), &app.regions);
            form.failure = item.last_error.clone();
            app.form = Some(form);
        }
        Some(Go::CloseForm) => app.form = None,
        Some(Go::Quit) => request_quit(app),
        None => {}
    }
    let areas = app.areas();
    app.queue.list.scroll(layout::table_rows(areas.queue));
    app.termin
        .cursor
        .scroll(layout::table_rows(areas.queue), app.termin.view.len());
    app.outbox
        .follow(&app.desk, layout::table_rows(areas.outbox_list));
    effects
}

fn on_tasks(
    app: &mut App,
    result: Result<Vec<Task>, ApiError>,
    zones: Option<Vec<ZoneGuess>>,
    by_total: Option<Vec<u32>>,
) -> Reply {
    app.server = match &result {
        Ok(_) => ServerState::Connected,
        Err(e) => ServerState::Failing(e.to_string()),
    };
    let reply = app
        .queue
        .on_tasks(result, zones, by_total, &cx!(app, Tab::Queue), &app.regions);
    app.refresh_promises();
    app.keep_callback_accounts();
    reply
}

fn on_delivery(app: &mut App, account_no: &str, outcome: Result<Sent, StoreError>) -> Reply {
    let lang = app.settings.lang;
    let mut reply = form::delivery_status(&outcome, lang);
    if let Some(f) = app.form.as_mut().filter(|f| f.account_no == account_no) {
        reply.go = f.on_delivery(&outcome, lang).go;
    }
    if let Ok(sent) = &outcome {
        match &sent.disposition {
            Disposition::Rejected { .. } => {}
            Disposition::Delivered { .. } => app.server = ServerState::Connected,
            Disposition::Uncertain { reason } | Disposition::Retry { reason } => {
                app.server = ServerState::Failing(reason.clone())
            }
        }
        if !matches!(sent.disposition, Disposition::Rejected { .. }) {
            app.queue.list.mark_done(account_no);
        }
    }
    reply
}

fn on_outbox(
    app: &mut App,
    snapshot: Result<OutboxSnapshot, StoreError>,
    done: Option<Result<OutboxDone, StoreError>>,
) -> Reply {
    match snapshot {
        Ok(s) => app.desk.set(s, app.clock.now_local().date()),
        Err(e) => {
            return Reply::say(
                StatusKind::Error,
                tr!(
                    app.settings.lang,
                    "outbox-cannot-read",
                    error = crate::i18n::words::store_error(app.settings.lang, &e)
                ),
            );
        }
    }
    app.refresh_promises();
    app.refresh_callbacks();
    // A send the server answered says it is reachable again: "failing" goes.
    if let Some(Ok(OutboxDone::Sent {
        state: DeliveryState::Delivered | DeliveryState::Rejected,
        ..
    })) = &done
    {
        app.server = ServerState::Connected;
    }
    match done {
        None => Reply::none(),
        Some(done) => super::pages::outbox::on_done(done, app.settings.lang),
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Reply {
    if let Some(modal) = app.modal.take() {
        return match modal.on_key(key, &app.keys) {
            Outcome::Open(m) => {
                app.modal = Some(m);
                Reply::none()
            }
            Outcome::Closed => Reply::none(),
            Outcome::Yes(intent) => on_yes(app, intent),
            Outcome::No => Reply::say(StatusKind::Info, tr!(app.settings.lang, "nothing-changed")),
            Outcome::Edited(m, kind, text) => {
                app.modal = Some(m);
                on_prompt(app, kind, PromptEvent::Edited(text))
            }
            Outcome::Accepted(kind, text) => on_prompt(app, kind, PromptEvent::Accepted(text)),
            Outcome::Cancelled(kind) => on_prompt(app, kind, PromptEvent::Cancelled),
        };
    }
    if let Some(form) = app.form.as_mut() {
        return form.on_key(key, &app.keys, &cx!(app, app.tab));
    }
    let context = app.tab.context();
    match app.keys.lookup_page(context, &key) {
        Some(cmd) => page_command(app, cmd),
        None => Reply::none(),
    }
}

/// A command on the tab shown: the global ones here, the rest for the page.
pub fn page_command(app: &mut App, cmd: Command) -> Reply {
    let cx = cx!(app, app.tab);
    match (cmd, app.tab) {
        (Command::Help, _) => Reply {
            modal: Some(Modal::Help { scroll: 0 }),
            ..Reply::none()
        },
        (Command::Quit | Command::ForceQuit, _) => Reply::go(Go::Quit),
        (Command::ShowTab(n), _) => {
            let tabs = Tab::shown(app.floor.is_some());
            Reply::go(Go::Tab(tabs[n.clamp(1, tabs.len()) - 1]))
        }
        (Command::NextTab | Command::PrevTab, tab) => {
            let tabs = Tab::shown(app.floor.is_some());
            let n = tabs.len();
            let i = tabs.iter().position(|t| *t == tab).unwrap_or(0);
            let step = if cmd == Command::NextTab { 1 } else { n - 1 };
            Reply::go(Go::Tab(tabs[(i + step) % n]))
        }
        (cmd, Tab::Queue) => app.queue.command(cmd, &cx),
        (cmd, Tab::Termin) => app.termin.command(cmd, &cx),
        (cmd, Tab::Outbox) => app.outbox.command(cmd, &cx),
        (_, Tab::Today) => Reply::none(),
        (cmd, Tab::Floor) => match app.floor.as_mut() {
            Some(floor) => floor.command(cmd, &cx),
            None => Reply::none(),
        },
    }
}

fn on_prompt(app: &mut App, kind: PromptKind, event: PromptEvent) -> Reply {
    if let PromptKind::Consent { .. } = kind {
        return match app.form.as_mut() {
            Some(form) => form.on_consent(event, &cx!(app, app.tab)),
            None => Reply::none(),
        };
    }
    match kind.owner() {
        Tab::Termin => app.termin.on_prompt(kind, event, app.settings.lang),
        _ => app.queue.on_prompt(kind, event, app.settings.lang),
    }
}

fn on_yes(app: &mut App, intent: Intent) -> Reply {
    match intent {
        Intent::Run(effect) => Reply::run(effect),
        Intent::Dial { account_no, phone } => {
            app.queue.dial(account_no, phone, &cx!(app, Tab::Queue))
        }
        Intent::DialPastLimit { account_no, phone } => {
            app.queue
                .dial_in_window(account_no, phone, app.settings.lang)
        }
        Intent::SendResult(effect) => {
            if let Some(form) = app.form.as_mut() {
                form.submitting = true;
            }
            Reply::run(effect)
        }
        Intent::DiscardForm {
            kept_in_outbox: None,
        } => Reply::go(Go::CloseForm)
            .and_say(StatusKind::Info, tr!(app.settings.lang, "form-discarded")),
        Intent::DiscardForm {
            kept_in_outbox: Some(id),
        } => Reply::go(Go::CloseForm).and_say(
            StatusKind::Info,
            tr!(app.settings.lang, "form-left-correction", id = id),
        ),
        Intent::Quit => {
            app.should_quit = true;
            Reply::none()
        }
    }
}

/// Switches tab; a tab shown for the first time may start loading.
fn show_tab(app: &mut App, tab: Tab) -> Reply {
    app.tab = tab;
    match tab {
        Tab::Termin => app.termin.on_show(layout::list_rows(app.size, Tab::Termin)),
        _ => Reply::none(),
    }
}

fn request_quit(app: &mut App) {
    match form::quit_question(app.form.as_ref(), app.settings.lang) {
        Some(question) => app.modal = Some(question),
        None => app.should_quit = true,
    }
}

fn on_mouse(app: &mut App, m: crossterm::event::MouseEvent) -> Reply {
    if !app.settings.mouse || app.form.is_some() || app.modal.is_some() {
        return Reply::none();
    }
    let rows = layout::list_rows(app.size, app.tab);
    let tabs = Tab::shown(app.floor.is_some());
    match mouse::interpret(m, &app.areas(), app.tab, app.settings.lang, tabs) {
        Some(Pointer::Tab(tab)) => Reply::go(Go::Tab(tab)),
        Some(Pointer::Row(row)) => {
            match app.tab {
                Tab::Queue => app.queue.click(row, rows),
                Tab::Termin => app.termin.click(row, rows),
                Tab::Outbox => app.outbox.click(row, &app.desk, rows),
                Tab::Today | Tab::Floor => {}
            }
            Reply::none()
        }
        Some(Pointer::Wheel(cmd)) => {
            (0..mouse::WHEEL_STEP).fold(Reply::none(), |_, _| page_command(app, cmd))
        }
        None => Reply::none(),
    }
}
