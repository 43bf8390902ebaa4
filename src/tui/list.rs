//! Moving through a long list and keeping the selection on screen: one rule and one table
//! widget for the queue, the outbox and the termin table.

use super::keymap::Command;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Table, TableState};

/// The selection after moving `delta` rows in a list of `len` (clamped to the list).
pub fn step(selected: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (selected as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

/// The first row to show so that `selected` is within a window of `height` rows.
pub fn scrolled(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}

/// Where a list's selection is and which row is at the top. Update keeps both in step with
/// the rows `layout` gives the list; the view draws exactly that window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// A move a list command asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    By(isize),
    /// A screenful down (`1`) or up (`-1`).
    Pages(isize),
    First,
    Last,
}

impl Move {
    /// The move a list command asks for, the same in every list.
    pub fn of(cmd: Command) -> Option<Move> {
        Some(match cmd {
            Command::Down => Move::By(1),
            Command::Up => Move::By(-1),
            Command::PageDown => Move::Pages(1),
            Command::PageUp => Move::Pages(-1),
            Command::First => Move::First,
            Command::Last => Move::Last,
            _ => return None,
        })
    }
}

impl Cursor {
    /// Applies a move in a list of `len` rows of which `rows` are on screen.
    pub fn apply(&mut self, m: Move, len: usize, rows: usize) {
        self.selected = match m {
            Move::By(d) => step(self.selected, d, len),
            Move::Pages(n) => step(self.selected, n.saturating_mul(rows.max(1) as isize), len),
            Move::First => 0,
            Move::Last => len.saturating_sub(1),
        };
        self.scroll(rows, len);
    }

    /// Selects `index` (clamped) and keeps it on screen.
    pub fn select(&mut self, index: usize, len: usize, rows: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.scroll(rows, len);
    }

    /// The top of the list, shown from its first row.
    pub fn top(&mut self) {
        *self = Cursor::default();
    }

    /// Keeps the selection within the `rows` on screen and inside a list of `len`.
    pub fn scroll(&mut self, rows: usize, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = scrolled(self.offset, self.selected, rows, len);
    }

    /// The list index of the visible row `row` (a click), if there is one.
    pub fn at_row(&self, row: usize, len: usize) -> Option<usize> {
        Some(self.offset + row).filter(|i| *i < len)
    }

    /// "37 of 100": where the selection is, for a title.
    pub fn position(&self, len: usize, lang: crate::i18n::Lang) -> String {
        let at = if len == 0 { 0 } else { self.selected + 1 };
        crate::tr!(lang, "list-position", at = at, of = len)
    }
}

impl Cursor {
    /// The list indices on screen in a table of `area` (what a view builds rows for: a frame
    /// must not build a row for each of 100,000 tasks).
    pub fn window(&self, area: Rect, len: usize) -> std::ops::Range<usize> {
        let start = self.offset.min(len);
        start..(start + crate::tui::layout::table_rows(area)).min(len)
    }
}

/// Draws a table built from `cursor.window(..)`'s rows; ratatui's `TableState` marks the
/// selection with the table's highlight style and symbol.
pub fn render_table(frame: &mut Frame, table: Table, area: Rect, cursor: Cursor) {
    let selected = cursor.selected.checked_sub(cursor.offset);
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_clamp_and_the_window_follows() {
        assert_eq!(step(0, -5, 10), 0);
        assert_eq!(step(8, 5, 10), 9);
        assert_eq!(step(3, isize::MAX, 10), 9);
        assert_eq!(step(0, 1, 0), 0);
        assert_eq!(scrolled(0, 9, 4, 10), 6);
        assert_eq!(scrolled(6, 2, 4, 10), 2);
        assert_eq!(scrolled(5, 6, 4, 10), 5);
        assert_eq!(scrolled(8, 9, 4, 10), 6, "never past the end");
    }

    #[test]
    fn the_cursor_moves_by_rows_and_screens_and_stays_drawn() {
        let mut c = Cursor::default();
        c.apply(Move::Pages(1), 100, 10);
        assert_eq!((c.selected, c.offset), (10, 1));
        c.apply(Move::Last, 100, 10);
        assert_eq!((c.selected, c.offset), (99, 90));
        c.scroll(10, 5);
        assert_eq!((c.selected, c.offset), (4, 0), "a shorter list pulls it in");
        assert_eq!(c.at_row(3, 5), Some(3));
        assert_eq!(c.at_row(7, 5), None);
        assert_eq!(c.position(5, crate::i18n::Lang::En), "5 of 5");
        assert_eq!(c.position(5, crate::i18n::Lang::Id), "5 dari 5");
    }
}
