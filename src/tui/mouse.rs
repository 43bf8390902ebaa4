//! The mouse, where it helps: a click on a tab does what the tab's key does, a click on a
//! list selects the row, the wheel moves the selection.

use super::app::{App, Tab, page_command};
use super::keymap::Command;
use super::layout::{self, Areas};
use super::pages::{Go, Reply};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

/// Clicks on a tab do what the tab's key does; clicks on a list select the row; the wheel
/// moves the selection.
pub fn on_mouse(app: &mut App, m: MouseEvent) -> Reply {
    if !app.settings.mouse || app.form.is_some() || app.modal.is_some() {
        return Reply::none();
    }
    let areas = app.areas();
    let at = Position::new(m.column, m.row);
    let Some(list) = areas.list_of(app.tab) else {
        return tab_click(&areas, m, at);
    };
    let rows = layout::table_rows(list);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let Some(row) = layout::table_row_at(list, at) else {
                return tab_click(&areas, m, at);
            };
            match app.tab {
                Tab::Queue => app.queue.click(row, rows),
                Tab::Termin => app.termin.click(row, rows),
                Tab::Outbox => app.outbox.click(row, &app.desk, rows),
                Tab::Today => {}
            }
            Reply::none()
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let cmd = if m.kind == MouseEventKind::ScrollDown {
                Command::Down
            } else {
                Command::Up
            };
            let mut reply = Reply::none();
            for _ in 0..3 {
                reply = page_command(app, cmd);
            }
            reply
        }
        _ => Reply::none(),
    }
}

fn tab_click(areas: &Areas, m: MouseEvent, at: Position) -> Reply {
    let clicked =
        matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) && areas.header.contains(at);
    match layout::tab_at(areas.header, m.column).filter(|_| clicked) {
        Some(i) => Reply::go(Go::Tab(Tab::ALL[i])),
        None => Reply::none(),
    }
}
