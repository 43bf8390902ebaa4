//! Driving the workstation without a terminal, for the unit tests here and the integration
//! tests in `tests/`: an app at a fixed time, keys, clicks and a plain rendering.

use super::app::{Action, App, Effect, Settings, update};
use super::view::{self, Theme};
use crate::clock::Clock;
use crate::domain::codes::MasterData;
use crate::domain::{Task, dates};
use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The settings tests run with: demo, agent 1812010, three contacts a day, callbacks named
/// five minutes ahead, English.
pub fn settings() -> Settings {
    settings_in(Lang::En)
}

/// The test settings in a chosen language (never the machine's locale).
pub fn settings_in(lang: Lang) -> Settings {
    Settings {
        agent_id: "1812010".into(),
        ip_address: "10.1.206.118".into(),
        demo: true,
        promise_horizon_days: 30,
        closing_soon_minutes: 90,
        mouse: true,
        rules: crate::domain::window::CallingRules::default(),
        max_contacts_per_day: 3,
        callback_warn_minutes: 5,
        promise_grace_days: 1,
        time_zone: None,
        insecure: false,
        lang,
        party_in_remark: false,
        anchor_in_remark: false,
    }
}

/// Friday 27 November 2026, 10:00 on the agent's clock.
pub fn fixed_now() -> chrono::NaiveDateTime {
    dates::parse_datetime("2026-11-27 10:00:00").expect("a valid time")
}

/// An app of `w` x `h` at `now` that has loaded nothing yet, in English.
pub fn app_unloaded(w: u16, h: u16, now: chrono::NaiveDateTime) -> App {
    app_unloaded_in(Lang::En, w, h, now)
}

/// An app in `lang` of `w` x `h` at `now` that has loaded nothing yet.
pub fn app_unloaded_in(lang: Lang, w: u16, h: u16, now: chrono::NaiveDateTime) -> App {
    App::new(
        settings_in(lang),
        MasterData::builtin(),
        Clock::at(now),
        Rect::new(0, 0, w, h),
    )
}

/// An app of `w` x `h` at `now` that has loaded `tasks`, in English.
pub fn app_with(tasks: Vec<Task>, w: u16, h: u16, now: chrono::NaiveDateTime) -> App {
    app_with_in(Lang::En, tasks, w, h, now)
}

/// An app in `lang` of `w` x `h` at `now` that has loaded `tasks`.
pub fn app_with_in(
    lang: Lang,
    tasks: Vec<Task>,
    w: u16,
    h: u16,
    now: chrono::NaiveDateTime,
) -> App {
    let mut app = app_unloaded_in(lang, w, h, now);
    app.start();
    update(&mut app, Action::TasksLoaded(Ok(tasks)));
    app
}

pub fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, modifiers)))
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    key(app, code, KeyModifiers::NONE)
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn alt(app: &mut App, c: char) -> Vec<Effect> {
    key(app, KeyCode::Char(c), KeyModifiers::ALT)
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Tab until the open form's focus is on `field` (panics if the form does not show it).
pub fn tab_to(app: &mut App, field: super::pages::form::Field) {
    for _ in 0..super::pages::form::Field::ALL.len() {
        if app.form.as_ref().expect("a form").focus == field {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("{field:?} is not in the form");
}

/// A left click at a screen position.
pub fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row)
}

pub fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) -> Vec<Effect> {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(app, Action::Mouse(event))
}

/// The account of the selected queue row.
pub fn selected(app: &App) -> String {
    app.queue
        .list
        .selected_task()
        .map(|t| t.contract_no.to_string())
        .unwrap_or_default()
}

/// A test terminal the app was drawn on, with the plain theme.
fn drawn(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("a test terminal");
    terminal
        .draw(|f| view::draw(f, app, &Theme::plain()))
        .expect("drawn");
    terminal
}

/// The screen as cells.
pub fn draw(app: &App) -> Buffer {
    drawn(app).backend().buffer().clone()
}

/// Where the cursor is once drawn (in the field being typed): (column, row).
pub fn cursor(app: &App) -> (u16, u16) {
    let p = drawn(app).get_cursor_position().expect("a cursor");
    (p.x, p.y)
}

/// The screen as text.
pub fn render(app: &App) -> String {
    drawn(app).backend().to_string()
}

/// The screen as text with a column in front that marks with `>` each line showing a
/// selection (reversed cells past the first columns): the plain text alone cannot show which
/// row is selected.
pub fn render_marked(app: &App) -> String {
    let buffer = draw(app);
    let area = buffer.area;
    let text = drawn(app).backend().to_string();
    text.lines()
        .zip(area.top()..area.bottom())
        .map(|(line, y)| {
            let selected = (area.left() + 2..area.right().saturating_sub(2)).any(|x| {
                buffer[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED)
            });
            format!("{}{line}\n", if selected { '>' } else { ' ' })
        })
        .collect()
}

/// Every amount on `screen` that could be `whole` (`1.234.567.890.123`): the whole of it, or
/// its leading part ending in `…`; never a part cut silently (`.234.567.890.123` reads as
/// another amount). Clock times (`10.00`) are not amounts. `Err` names the first bad one.
pub fn money_never_cut(screen: &str, whole: &str) -> Result<(), String> {
    let is_part = |c: char| c.is_ascii_digit() || c == '.' || c == '…';
    let mut token = String::new();
    let mut checked = 0;
    for c in screen.chars().chain(std::iter::once(' ')) {
        if is_part(c) {
            token.push(c);
            continue;
        }
        let t = std::mem::take(&mut token);
        let t = t.trim_end_matches('.');
        let clock =
            t.len() == 5 && t.as_bytes()[2] == b'.' || t.len() == 4 && t.as_bytes()[1] == b'.';
        // An address or a version (`10.1.206.118`): a middle group that is not three digits.
        let groups: Vec<&str> = t.trim_end_matches('…').split('.').collect();
        let not_money =
            groups.len() > 2 && groups[1..groups.len() - 1].iter().any(|g| g.len() != 3);
        if !t.contains('.') || clock || not_money || !t.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let ok = t == whole
            || t.strip_suffix('…')
                .is_some_and(|lead| !lead.is_empty() && whole.starts_with(lead));
        if !ok {
            return Err(format!("'{t}' is not {whole} nor its start ending in …"));
        }
        checked += 1;
    }
    if checked == 0 {
        return Err(format!("no amount on the screen:\n{screen}"));
    }
    Ok(())
}
