//! The workstation's side that waits: the terminal loop, and the effects `update` asks for,
//! run in tokio tasks. The outbox is reached only through the delivery service.

use super::app::{
    Action, App, DialError, Dialed, Effect, Exported, FileError, OutboxCommand, OutboxDone, Sent,
    Settings, update,
};
use super::view;
use crate::clock::Clock;
use crate::config::Config;
use crate::delivery::Deliverer;
use crate::session::Session;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream};
use futures_util::{FutureExt, StreamExt};
use ratatui::layout::Rect;
use std::time::Duration;
use tokio::sync::mpsc;

/// How many settled results the Outbox tab shows besides every open one.
const OUTBOX_RECENT: usize = 2_000;
/// Pages fetched at once by "load all".
const TERMIN_CONCURRENCY: usize = 4;
/// How often queued results are retried in the background (each has its own backoff too).
const SEND_INTERVAL: Duration = Duration::from_secs(2);

/// What effects run with: the outbox and its sender, and how to dial.
#[derive(Clone)]
pub struct Runtime {
    pub deliverer: Deliverer,
    /// A softphone's command line (`{phone}` replaced), run without a shell.
    pub dial_command: Option<String>,
    pub agent_id: String,
    /// With no dialer, copy the number to the clipboard through the terminal (OSC 52).
    pub write_clipboard: bool,
    pub regions: std::sync::Arc<crate::domain::zone::RegionTable>,
    /// The calling rules in force, judged into each result's receipt.
    pub rules: crate::domain::window::CallingRules,
    /// `calling.promise_grace_days`: which promises a list read keeps evidence for.
    pub promise_grace_days: i64,
    /// CSV exports for Excel with an Indonesian locale (`ui.export_excel`), or plain.
    pub export_style: crate::domain::text::CsvStyle,
    /// Which termin server, for the snapshot kept per server.
    pub termin_server: String,
    /// Which task list, for the list kept on this desk (`Session::list_key`); `None` keeps
    /// nothing (tests).
    pub list_key: Option<String>,
    /// Flipped by Esc to stop the task-list read under way (shared by every clone).
    pub tasks_cancel: super::message::CancelFlag,
    /// The team ledger this desk pushes to in the background (`team.database_url`).
    pub ledger: Option<LedgerLink>,
}

/// Where and as whom the background push goes.
#[derive(Clone, Debug)]
pub struct LedgerLink {
    pub url: crate::domain::Secret,
    pub agent_id: String,
    /// `team.refresh_secs`: how often the Floor tab reads the ledger again.
    pub refresh: Duration,
}

/// How often the background push runs: a result reaches the ledger within this of being
/// saved (or of the ledger coming back).
pub const LEDGER_PUSH_INTERVAL: Duration = Duration::from_secs(5);

/// One background push: what was pushed stays pushed; the state for the header.
pub async fn push_to_ledger(
    path: &std::path::Path,
    link: &LedgerLink,
) -> super::chrome::LedgerState {
    let result = crate::team::push::push_path(path, link.url.expose(), &link.agent_id).await;
    if let Err(e) = &result {
        tracing::warn!(error = %e, "ledger push failed");
    }
    let waiting = crate::store::Outbox::open(path)
        .and_then(|o| o.ledger_waiting())
        .map(|w| w.results + w.receipts)
        .unwrap_or(0);
    super::chrome::LedgerState {
        waiting,
        reachable: result.is_ok(),
    }
}

impl Runtime {
    /// A runtime for tests and tools: no dialer, no terminal.
    pub fn quiet(deliverer: Deliverer) -> Runtime {
        Runtime {
            deliverer,
            dial_command: None,
            agent_id: String::new(),
            write_clipboard: false,
            regions: std::sync::Arc::new(crate::domain::zone::RegionTable::builtin()),
            rules: Default::default(),
            promise_grace_days: 1,
            export_style: Default::default(),
            termin_server: "test".into(),
            list_key: None,
            tasks_cancel: Default::default(),
            ledger: None,
        }
    }
}

/// A fresh read of the outbox for the screen, with what a command did.
pub fn outbox_snapshot(
    deliverer: &Deliverer,
    done: Option<Result<OutboxDone, crate::store::StoreError>>,
) -> Action {
    Action::OutboxLoaded {
        snapshot: deliverer.snapshot(OUTBOX_RECENT),
        done,
    }
}

/// Hands a number to the dialer, or copies it. Only a number `domain::phone::dialable`
/// accepts, cleaned, goes on: server text never becomes a dialer's option or SIP address.
fn dial(rt: &Runtime, phone: &str) -> Result<Dialed, DialError> {
    let Some(number) = crate::domain::phone::dialable(phone) else {
        return Err(DialError::NotDialable {
            phone: crate::domain::text::sanitize(phone).into_owned(),
        });
    };
    let phone = number.as_str();
    if let Some(cmd) = rt.dial_command.as_deref() {
        let words = shell_words::split(cmd).map_err(|e| DialError::Command(e.to_string()))?;
        let mut args = words.iter().map(|w| w.replace("{phone}", phone));
        let program = args.next().ok_or(DialError::EmptyCommand)?;
        let mut command = std::process::Command::new(&program);
        // The dialer runs as the agent but learns none of deskcoll's secrets: every
        // DESKCOLL_* variable (password, hash key, tokens) is left out of its environment.
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("DESKCOLL_") {
                command.env_remove(&key);
            }
        }
        let mut child = command
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|source| DialError::Spawn {
                program: program.clone(),
                source,
            })?;
        // Reap the dialer when it ends, so it never lingers as a zombie.
        std::thread::spawn(move || child.wait());
        return Ok(Dialed::Launched { program });
    }
    if rt.write_clipboard {
        use base64::Engine;
        use std::io::Write;
        let b64 = base64::engine::general_purpose::STANDARD.encode(phone);
        let mut out = std::io::stdout();
        let _ = write!(out, "\x1b]52;c;{b64}\x07").and_then(|_| out.flush());
    }
    Ok(Dialed::Copied)
}

/// When an answer still arriving is worth a word: after its first second, four times a
/// second at most.
struct Arrival {
    started: std::time::Instant,
    said_at_ms: std::sync::atomic::AtomicU64,
}

impl Arrival {
    fn new() -> Arrival {
        Arrival {
            started: std::time::Instant::now(),
            said_at_ms: Default::default(),
        }
    }

    fn worth_saying(&self) -> bool {
        use std::sync::atomic::Ordering;
        let ms = self.started.elapsed().as_millis() as u64;
        if ms >= 1_000 && ms >= self.said_at_ms.load(Ordering::Relaxed) + 250 {
            self.said_at_ms.store(ms, Ordering::Relaxed);
            return true;
        }
        false
    }
}

/// Reads the task list, saying how much has arrived once it takes longer than a second;
/// `None` when the agent stopped it (Esc).
async fn read_tasks(
    rt: &Runtime,
    progress: &mpsc::UnboundedSender<Action>,
) -> Option<Result<Vec<crate::domain::Task>, crate::api::ApiError>> {
    rt.tasks_cancel.reset();
    let arrival = Arrival::new();
    let watch = |received: u64, total: Option<u64>| {
        if arrival.worth_saying() {
            let _ = progress.send(Action::Receiving { received, total });
        }
    };
    let stopped = async {
        while !rt.tasks_cancel.is_cancelled() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    tokio::select! {
        read = rt.deliverer.client.tasks_watched(&watch) => Some(read),
        _ = stopped => None,
    }
}

/// Runs one effect to its answers. The runtime spawns this; tests await it directly. Long
/// work reports progress on `progress` as it goes.
pub async fn execute(
    effect: Effect,
    rt: &Runtime,
    progress: &mpsc::UnboundedSender<Action>,
) -> Vec<Action> {
    let deliverer = &rt.deliverer;
    let now = deliverer.clock.now_local();
    match effect {
        Effect::Dial {
            account_no,
            phone,
            override_reason,
        } => {
            let event = crate::store::ContactEvent {
                account_no,
                at: crate::domain::dates::wire(now),
                phone: phone.clone(),
                kind: if override_reason.is_some() {
                    "override".into()
                } else {
                    "dial".into()
                },
                reason: override_reason.unwrap_or_default(),
                agent_id: rt.agent_id.clone(),
            };
            // A text that is no phone number is never dialled, nor logged as a contact.
            let outcome = match crate::domain::phone::dialable(&phone) {
                None => Err(DialError::NotDialable {
                    phone: phone.clone(),
                }),
                Some(_) => match deliverer.log_contact(&event) {
                    Err(e) => Err(DialError::NotLogged(e)),
                    Ok(()) => dial(rt, &phone),
                },
            };
            vec![
                Action::Dialed { phone, outcome },
                outbox_snapshot(deliverer, None),
            ]
        }
        Effect::LoadTerminPage {
            page,
            limit,
            prefetch,
        } => {
            let arrival = Arrival::new();
            // A page fetched ahead says nothing: the agent is not waiting for it.
            let watch = |received: u64, total: Option<u64>| {
                if !prefetch && arrival.worth_saying() {
                    let _ = progress.send(Action::TerminReceiving {
                        page,
                        received,
                        total,
                    });
                }
            };
            let result = deliverer
                .client
                .termin_page_watched(page, limit, &watch)
                .await;
            vec![Action::TerminPage {
                page,
                limit,
                prefetch,
                result,
            }]
        }
        Effect::LoadAllTermin { limit, cancel } => {
            let walk = deliverer
                .client
                .termin_all(limit, TERMIN_CONCURRENCY, |page, of, count| {
                    let _ = progress.send(Action::TerminProgress { page, of, count });
                    !cancel.is_cancelled()
                })
                .await;
            let result = match walk {
                Ok(_) if cancel.is_cancelled() => Ok(None),
                Ok(all) => Ok(Some(all)),
                Err(e) => Err(e),
            };
            // A full look is kept, to tell what changed by the next one.
            let changes = match &result {
                Ok(Some(all)) => {
                    let now = deliverer.clock.now_utc();
                    match crate::termin_snapshot::Looks::for_server(&rt.termin_server) {
                        Some(looks) => looks
                            .compare_and_keep(
                                all,
                                crate::termin_snapshot::wib_day(now),
                                None,
                                now.to_rfc3339(),
                            )
                            .map(Some)
                            .map_err(|e| {
                                tracing::warn!(error = %e, "termin snapshot not kept");
                                e.to_string()
                            }),
                        None => Ok(None),
                    }
                }
                _ => Ok(None),
            };
            vec![Action::TerminAll { result, changes }]
        }
        Effect::ExportTermin {
            path,
            headers,
            rows,
        } => {
            vec![Action::Exported(export_csv(
                &expand_home(&path),
                &headers,
                &rows,
                rt.export_style,
            ))]
        }
        Effect::LoadSavedList => {
            let Some(key) = rt.list_key.clone() else {
                return vec![];
            };
            // The zones and the order are kept with the list: nothing is worked out again.
            let saved = tokio::task::spawn_blocking(move || {
                let kept = crate::list_cache::load_kept(&key)?;
                Some(Action::SavedListLoaded {
                    tasks: kept.tasks,
                    zones: kept.zones,
                    by_total: kept.by_total,
                    read_at: kept.read_at,
                })
            })
            .await;
            saved.ok().flatten().into_iter().collect()
        }
        Effect::CancelLoad => {
            rt.tasks_cancel.cancel();
            vec![]
        }
        Effect::LoadTasks => match read_tasks(rt, progress).await {
            None => vec![],
            Some(read) => match read {
                Ok(tasks) => {
                    let regions = rt.regions.clone();
                    let key = rt.list_key.clone();
                    let clock = deliverer.clock;
                    let evidence = deliverer.clone();
                    let grace = rt.promise_grace_days;
                    let screen = progress.clone();
                    let kept = tokio::task::spawn_blocking(move || {
                        let zones = super::zones_of(&regions, &tasks);
                        let by_total = crate::domain::order::by_total_due(&tasks);
                        // What the list shows of promised accounts (the outbox's evidence, a
                        // few rows): never a failure.
                        if let Err(e) = evidence.keep_list_read(&tasks, grace) {
                            tracing::warn!(error = %e, "cannot keep what the list shows of promised accounts");
                        }
                        // The file's bytes are made from the list before it goes to the
                        // screen (a compact form, smaller than the list); the screen draws it
                        // before they are written and synced.
                        let file = key.map(|key| {
                            (key, crate::list_cache::encode_to_vec(&tasks, &zones, clock.now()))
                        });
                        let _ = screen.send(Action::TasksPrepared {
                            tasks,
                            zones,
                            by_total,
                        });
                        if let Some((key, bytes)) = file {
                            crate::list_cache::keep_encoded(&key, &bytes);
                        }
                    })
                    .await;
                    match kept {
                        // The outbox read again, with the evidence just kept.
                        Ok(()) => vec![outbox_snapshot(deliverer, None)],
                        Err(e) => vec![Action::TasksLoaded(Err(crate::api::ApiError::Other(
                            e.to_string(),
                        )))],
                    }
                }
                Err(e) => vec![Action::TasksLoaded(Err(e))],
            },
        },
        Effect::Submit {
            recorded,
            edit_of,
            total_due,
            zone,
        } => {
            let account_no = recorded.result.account_no.clone();
            let outcome = async {
                let id = match edit_of {
                    Some(id) => deliverer.save_edit(id, &recorded.result)?,
                    None => deliverer.save(*recorded, total_due, &zone, &rt.rules)?,
                };
                Ok(match deliverer.deliver(id).await? {
                    Some((state, disposition)) => Sent {
                        id,
                        state,
                        disposition,
                    },
                    // Taken by the background sender in the meantime: it reports there.
                    None => Sent {
                        id,
                        state: crate::domain::outbox::DeliveryState::Queued,
                        disposition: crate::delivery::Disposition::Retry {
                            reason: "being sent".into(),
                        },
                    },
                })
            }
            .await;
            vec![
                Action::Delivery {
                    account_no,
                    outcome,
                },
                outbox_snapshot(deliverer, None),
            ]
        }
        Effect::Outbox(cmd) => {
            let done = match cmd {
                OutboxCommand::Send(id) => match deliverer.send_now(id).await {
                    Ok(Some((state, _))) => Ok(OutboxDone::Sent { id, state }),
                    Ok(None) => Ok(OutboxDone::BeingSent(id)),
                    Err(e) => Err(e),
                },
                OutboxCommand::MarkDelivered(id) => deliverer
                    .mark_delivered(id)
                    .map(|_| OutboxDone::MarkedDelivered(id)),
                OutboxCommand::Discard(id) => {
                    deliverer.discard(id).map(|_| OutboxDone::Discarded(id))
                }
            };
            vec![outbox_snapshot(deliverer, Some(done))]
        }
    }
}

/// `~/x.csv` as the shell would read it.
fn expand_home(path: &str) -> String {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest).display().to_string(),
        _ => path.to_string(),
    }
}

/// Writes the rows to a new CSV file (never over an existing one, readable by its owner
/// only; cells escaped against formulas) and says where it went.
fn export_csv(
    path: &str,
    headers: &[String],
    rows: &[Vec<String>],
    style: crate::domain::text::CsvStyle,
) -> Result<Exported, FileError> {
    let path = std::path::PathBuf::from(path);
    let written =
        crate::files::export_csv_table(&path, headers, rows, style).map_err(|source| {
            FileError {
                path: path.clone(),
                source,
            }
        })?;
    let shown = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    Ok(Exported {
        path: shown,
        rows: written,
    })
}

pub fn settings(session: &Session) -> Settings {
    let config = &session.config;
    Settings {
        agent_id: config.agent_id.clone(),
        ip_address: config.ip_address(),
        demo: session.is_demo(),
        promise_horizon_days: config.ui.promise_horizon_days.unwrap_or(30).max(0),
        closing_soon_minutes: config.ui.closing_soon(),
        mouse: config.ui.mouse.unwrap_or(true),
        rules: config.calling.rules.clone(),
        max_contacts_per_day: config.calling.max_contacts_per_day,
        callback_warn_minutes: config.ui.callback_warn_minutes.unwrap_or(5).max(0),
        promise_grace_days: config.calling.promise_grace_days,
        time_zone: config
            .ui
            .time_zone
            .as_deref()
            .and_then(crate::domain::zone::Zone::parse),
        insecure: config.insecure_transport(),
        lang: config.language,
        party_in_remark: config.result.party_in_remark.unwrap_or(false),
        anchor_in_remark: config.anchor_in_remark(),
    }
}

/// Logs go to a file in the data directory, never to the screen.
fn init_logging() {
    let Some(dir) = crate::config::data_dir() else {
        return;
    };
    // The log holds accounts and names: the folder 0700, the file 0600.
    let Ok(file) =
        crate::files::prepare_log(&dir).and_then(|log| crate::files::open_private_append(&log))
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}

pub async fn run(config: Config, clock: Clock, exit_after_first_queue: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let lang = config.language;
    init_logging();
    let codes =
        crate::config::load_codes(config.ui.codes_file.as_deref()).map_err(anyhow::Error::msg)?;
    // A bad [keys] entry is a config error, said before the screen is taken.
    let keys = super::keymap::Keymap::from_config(&config.keys).map_err(|e| {
        let file = config.file.as_deref().map(|p| p.display().to_string());
        anyhow::anyhow!(
            "{}",
            crate::tr!(
                lang,
                "config-invalid-file",
                file = file.unwrap_or_default(),
                error = e
            )
        )
    })?;
    let theme = view::Theme::from_config(&config.theme);
    let session = Session::open(config, clock).await?;
    let deliverer = session.deliverer()?;
    let settings = settings(&session);
    let mouse = settings.mouse;
    tracing::info!(demo = session.is_demo(), agent = %settings.agent_id, "workstation started");

    // ratatui::init restores the terminal on panic too; mouse capture is undone here.
    let mut terminal = ratatui::try_init().map_err(|e| {
        anyhow::anyhow!(
            "{}",
            crate::tr!(lang, "workstation-needs-terminal", error = e.to_string())
        )
    })?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        previous_hook(info);
    }));
    if mouse {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    let size = terminal
        .size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default();
    let runtime = Runtime {
        deliverer,
        dial_command: session.config.calling.dial_command.clone(),
        agent_id: settings.agent_id.clone(),
        write_clipboard: true,
        regions: std::sync::Arc::new(crate::domain::zone::RegionTable::builtin()),
        rules: session.config.calling.rules.clone(),
        promise_grace_days: session.config.calling.promise_grace_days,
        export_style: session.config.ui.export_style(),
        termin_server: session.termin_server(),
        list_key: Some(session.list_key()),
        tasks_cancel: Default::default(),
        ledger: session.config.team.as_ref().map(|t| LedgerLink {
            url: t.database_url.clone(),
            agent_id: session.config.agent_id.trim().to_string(),
            refresh: t.refresh,
        }),
    };
    let mut app = App::new(settings, codes, session.clock, size);
    app.keys = keys;
    let result = event_loop(
        &mut terminal,
        &mut app,
        &runtime,
        &theme,
        exit_after_first_queue,
    )
    .await;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "workstation stopped"
    );
    result
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &Runtime,
    theme: &view::Theme,
    exit_after_first_queue: bool,
) -> anyhow::Result<()> {
    let deliverer = &rt.deliverer;
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    // A busy server's wait, said in the status line.
    let busy = tx.clone();
    rt.deliverer.client.set_on_wait(move |w| {
        let _ = busy.send(Action::BusyWait(w));
    });
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    let spawn = |effects: Vec<Effect>| {
        for effect in effects {
            let rt = rt.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                for action in execute(effect, &rt, &tx).await {
                    let _ = tx.send(action);
                }
            });
        }
    };
    // The background sender: queued results go out whenever their time comes, and the
    // screen hears about every change.
    let sender = {
        let deliverer = deliverer.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            let _ = tx.send(outbox_snapshot(&deliverer, None));
            let mut every = tokio::time::interval(SEND_INTERVAL);
            let mut seen = deliverer.data_version().ok();
            loop {
                every.tick().await;
                // Another process (a CLI `submit`) wrote: the screen reads it again.
                let version = deliverer.data_version().ok();
                if version != seen {
                    seen = version;
                    let _ = tx.send(outbox_snapshot(&deliverer, None));
                }
                match deliverer.flush_once(false).await {
                    Ok(s) if s == Default::default() => {}
                    Ok(s) => {
                        tracing::info!(?s, "background send");
                        if s.delivered + s.rejected > 0 {
                            let _ = tx.send(Action::ServerAnswered);
                        }
                        let _ = tx.send(outbox_snapshot(&deliverer, None));
                    }
                    Err(e) => tracing::warn!(error = %e, "background send failed"),
                }
            }
        })
    };
    // The background push to the team ledger: never on the agent's path; the header hears
    // what waits.
    let ledger = rt.ledger.clone().map(|link| {
        let tx = tx.clone();
        let path = deliverer
            .outbox
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .path()
            .to_path_buf();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(LEDGER_PUSH_INTERVAL);
            loop {
                every.tick().await;
                let state = push_to_ledger(&path, &link).await;
                let _ = tx.send(Action::Ledger(state));
            }
        })
    });
    // The supervisor's floor: read every team.refresh_secs once the ledger says this desk's
    // role is a supervisor's (the Floor tab then appears); an agent's desk stops asking.
    let floor = rt.ledger.clone().map(|link| {
        let tx = tx.clone();
        let clock = app.clock;
        let rules = rt.rules.clone();
        let grace_days = rt.promise_grace_days;
        tokio::spawn(async move {
            let mut every = tokio::time::interval(link.refresh);
            let mut supervisor = None;
            loop {
                every.tick().await;
                let url = link.url.expose();
                if supervisor.is_none() {
                    match crate::team::connect(url).await {
                        Ok(c) => {
                            supervisor =
                                Some(crate::team::rights(&c).await.is_ok_and(|r| r.supervisor))
                        }
                        Err(_) => continue,
                    }
                }
                if supervisor == Some(false) {
                    break;
                }
                let rows = crate::team::read::floor_rows(
                    url,
                    clock.now(),
                    grace_days,
                    &rules,
                    crate::domain::floor::FloorSort::Agent,
                )
                .await
                .map_err(|e| e.to_string());
                let _ = tx.send(Action::FloorLoaded(rows));
            }
        })
    });
    spawn(app.start());
    // A test's hook (tests/pty.rs): the terminal must come back whole after a panic too.
    // Compiled into debug builds only (the tests' builds), read once, never per frame.
    let panic_after_first_queue =
        cfg!(debug_assertions) && std::env::var_os("DESKCOLL_PANIC_AFTER_FIRST_QUEUE").is_some();
    let result = loop {
        terminal.draw(|f| view::draw(f, app, theme))?;
        if exit_after_first_queue && app.queue.list.loaded {
            break Ok(());
        }
        if panic_after_first_queue && app.queue.list.loaded {
            panic!("DESKCOLL_PANIC_AFTER_FIRST_QUEUE is set");
        }
        let first = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => from_event(ev),
                Some(Err(e)) => break Err(e.into()),
                None => break Ok(()),
            },
            Some(action) = rx.recv() => Some(action),
            _ = tick.tick() => Some(Action::Tick),
        };
        // Handle everything already waiting before drawing again, so keys never queue up
        // behind renders.
        let mut batch: Vec<Action> = first.into_iter().collect();
        while let Some(Some(Ok(ev))) = events.next().now_or_never() {
            batch.extend(from_event(ev));
        }
        while let Ok(action) = rx.try_recv() {
            batch.push(action);
        }
        for action in batch {
            if let Action::Delivery {
                account_no,
                outcome,
            } = &action
            {
                match outcome {
                    Ok(Sent { id, state, .. }) => {
                        tracing::info!(account = %account_no, id, %state, "result saved and sent")
                    }
                    Err(e) => tracing::warn!(account = %account_no, error = %e, "result not saved"),
                }
            }
            spawn(update(app, action));
        }
        if app.should_quit {
            break Ok(());
        }
    };
    sender.abort();
    for task in [ledger, floor].into_iter().flatten() {
        task.abort();
    }
    result
}

fn from_event(ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => Some(Action::Key(k)),
        Event::Mouse(m) => Some(Action::Mouse(m)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
