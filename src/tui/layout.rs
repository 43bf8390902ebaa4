//! Where everything goes on screen. Drawing and mouse handling both ask here, so a click
//! lands on what was drawn.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the workstation asks for a larger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the detail pane sits beside the queue; below, under it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 140;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub body: Rect,
    pub queue: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn areas(size: Rect) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let [queue, detail] = if size.width >= SIDE_BY_SIDE_WIDTH {
        Layout::horizontal([Constraint::Percentage(56), Constraint::Percentage(44)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body)
    };
    Areas {
        too_small: false,
        header,
        body,
        queue,
        detail,
        status,
        footer,
    }
}

/// Task rows that fit in the queue pane (inside its border, under the column header).
pub fn queue_rows(queue: Rect) -> usize {
    queue.height.saturating_sub(3) as usize
}

/// The visible row under a point of the queue pane, if any.
pub fn queue_row_at(queue: Rect, at: Position) -> Option<usize> {
    let first = queue.y + 2; // border + column header
    let inside = at.x > queue.x && at.x < queue.right().saturating_sub(1);
    (inside && at.y >= first && at.y < first + queue_rows(queue) as u16)
        .then(|| (at.y - first) as usize)
}

pub const APP_LABEL: &str = " deskcoll ";

/// The header's tab labels and the columns each covers.
pub fn tab_labels() -> Vec<(String, u16, u16)> {
    let mut x = APP_LABEL.chars().count() as u16 + 1;
    super::app::Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let label = format!(" {} {} ", i + 1, t.title());
            let w = label.chars().count() as u16;
            let span = (label, x, x + w);
            x += w + 1;
            span
        })
        .collect()
}

pub fn tab_at(header: Rect, column: u16) -> Option<usize> {
    let col = column.checked_sub(header.x)?;
    tab_labels()
        .iter()
        .position(|(_, a, b)| col >= *a && col < *b)
}

/// A box of at most `w` x `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_is_side_by_side_narrow_is_stacked() {
        let wide = areas(Rect::new(0, 0, 160, 40));
        assert_eq!(wide.queue.y, wide.detail.y);
        let narrow = areas(Rect::new(0, 0, 80, 24));
        assert_eq!(narrow.queue.x, narrow.detail.x);
        assert!(narrow.detail.y > narrow.queue.y);
        assert!(areas(Rect::new(0, 0, 20, 5)).too_small);
    }

    #[test]
    fn clicks_map_to_rows_and_tabs() {
        let q = Rect::new(0, 1, 80, 10);
        assert_eq!(queue_row_at(q, Position::new(5, 3)), Some(0));
        assert_eq!(queue_row_at(q, Position::new(5, 2)), None, "column header");
        assert_eq!(queue_row_at(q, Position::new(5, 10)), None, "bottom border");
        let labels = tab_labels();
        assert_eq!(tab_at(Rect::new(0, 0, 80, 1), labels[1].1), Some(1));
    }
}
