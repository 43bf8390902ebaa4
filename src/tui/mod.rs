//! The full-screen workstation: an Elm-like loop. Terminal events and the answers of
//! background work become `Action`s; `app::update` changes the state and names the work to
//! start (`Effect`s), which runs in tokio tasks; `view::draw` paints the state.

pub mod app;
pub mod form;
pub mod keymap;
pub mod layout;
pub mod queue;
pub mod view;

use crate::api::Client;
use crate::clock::Clock;
use crate::config::Config;
use crate::session::Session;
use app::{Action, App, Effect, Settings, update};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream};
use futures_util::{FutureExt, StreamExt};
use ratatui::layout::Rect;
use std::time::Duration;
use tokio::sync::mpsc;

/// Runs one effect to its answer. The runtime spawns this; tests await it directly.
pub async fn execute(effect: Effect, client: &Client) -> Action {
    match effect {
        Effect::LoadTasks => Action::TasksLoaded(client.tasks().await),
        Effect::Submit(result) => Action::Submitted {
            account_no: result.account_no.clone(),
            outcome: client.submit(&result).await,
        },
    }
}

pub fn settings(session: &Session) -> Settings {
    let config = &session.config;
    Settings {
        agent_id: config.agent_id.clone(),
        ip_address: config.ip_address(),
        demo: session.is_demo(),
        promise_horizon_days: config.ui.promise_horizon_days.unwrap_or(30).max(0),
        mouse: config.ui.mouse.unwrap_or(true),
    }
}

/// Logs go to a file in the data directory, never to the screen.
fn init_logging() {
    let Some(dir) = crate::config::data_dir() else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("deskcoll.log"))
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}

pub async fn run(config: Config, clock: Clock) -> anyhow::Result<()> {
    init_logging();
    let codes =
        crate::config::load_codes(config.ui.codes_file.as_deref()).map_err(anyhow::Error::msg)?;
    let session = Session::open(config, clock).await?;
    let settings = settings(&session);
    let mouse = settings.mouse;
    tracing::info!(demo = session.is_demo(), agent = %settings.agent_id, "workstation started");

    // ratatui::init restores the terminal on panic too; mouse capture is undone here.
    let mut terminal = ratatui::init();
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
    let mut app = App::new(settings, codes, session.clock, size);
    let result = event_loop(&mut terminal, &mut app, &session.client).await;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    tracing::info!("workstation stopped");
    result
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    client: &Client,
) -> anyhow::Result<()> {
    let theme = view::Theme::from_env();
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    let spawn = |effects: Vec<Effect>| {
        for effect in effects {
            let client = client.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                let _ = tx.send(execute(effect, &client).await);
            });
        }
    };
    spawn(app.start());
    loop {
        terminal.draw(|f| view::draw(f, app, &theme))?;
        let first = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => from_event(ev),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(()),
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
            if let Action::Submitted {
                account_no,
                outcome,
            } = &action
            {
                match outcome {
                    Ok(r) => {
                        tracing::info!(account = %account_no, code = %r.respon_code, "result stored")
                    }
                    Err(e) => {
                        tracing::warn!(account = %account_no, error = %e, "result not stored")
                    }
                }
            }
            spawn(update(app, action));
        }
        if app.should_quit {
            return Ok(());
        }
    }
}

fn from_event(ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => Some(Action::Key(k)),
        Event::Mouse(m) => Some(Action::Mouse(m)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
