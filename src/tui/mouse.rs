//! The mouse, where it helps: what a pointer event means on the screen as `layout` divides
//! it. A click on a tab does what the tab's key does, a click on a list selects the row, the
//! wheel moves the selection as the arrow keys do.

use super::chrome::Tab;
use super::keymap::Command;
use super::layout::{self, Areas};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

/// What a pointer event asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A tab's label was clicked.
    Tab(Tab),
    /// The visible row `row` of the tab's list was clicked.
    Row(usize),
    /// The wheel: this command, three times.
    Wheel(Command),
}

/// Lines the wheel moves at a time.
pub const WHEEL_STEP: usize = 3;

pub fn interpret(
    m: MouseEvent,
    areas: &Areas,
    tab: Tab,
    lang: crate::i18n::Lang,
    tabs: &[Tab],
) -> Option<Pointer> {
    let at = Position::new(m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) if areas.header.contains(at) => {
            layout::tab_at_of(areas.header, m.column, lang, tabs)
                .and_then(|i| tabs.get(i).copied())
                .map(Pointer::Tab)
        }
        MouseEventKind::Down(MouseButton::Left) => {
            layout::table_row_at(areas.list_of(tab)?, at).map(Pointer::Row)
        }
        MouseEventKind::ScrollDown => Some(Pointer::Wheel(Command::Down)),
        MouseEventKind::ScrollUp => Some(Pointer::Wheel(Command::Up)),
        _ => None,
    }
}
