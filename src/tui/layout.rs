//! Where everything goes on screen. Only this module divides the screen: updates (how many
//! rows a list shows, which row a click hits) and views ask it for the same rectangles.

use super::chrome::Tab;
use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the workstation asks for a larger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the detail pane sits beside the queue; below, under it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 140;
/// From this width the queue takes more of the row.
pub const WIDE_WIDTH: u16 = 180;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub body: Rect,
    pub queue: Rect,
    pub detail: Rect,
    /// The Outbox tab: its list, and the selected result's detail under it.
    pub outbox_list: Rect,
    pub outbox_detail: Rect,
    pub status: Rect,
    pub footer: Rect,
    /// Everything under the header: what help may cover.
    pub below_header: Rect,
}

/// Lines the outbox's detail pane takes under its list.
const OUTBOX_DETAIL_HEIGHT: u16 = 5;

pub fn areas(size: Rect) -> Areas {
    areas_with(size, 1)
}

/// The areas with a status line of `status_rows` rows (up to 3 when its message would not
/// fit one: it wraps rather than lose its end).
pub fn areas_with(size: Rect, status_rows: u16) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(status_rows.clamp(1, 3)),
        Constraint::Length(1),
    ])
    .areas(size);
    let [queue, detail] = if size.width >= WIDE_WIDTH {
        // Room for whole names and every column.
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body)
    } else if size.width >= SIDE_BY_SIDE_WIDTH {
        Layout::horizontal([Constraint::Percentage(56), Constraint::Percentage(44)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body)
    };
    let [outbox_list, outbox_detail] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(OUTBOX_DETAIL_HEIGHT)])
            .areas(body);
    Areas {
        too_small: false,
        header,
        body,
        queue,
        detail,
        outbox_list,
        outbox_detail,
        status,
        footer,
        below_header: Rect {
            y: body.y,
            height: size.height - body.y,
            ..size
        },
    }
}

impl Areas {
    /// The bordered table of a tab's list, if the tab has one.
    pub fn list_of(&self, tab: Tab) -> Option<Rect> {
        match tab {
            Tab::Queue | Tab::Termin => Some(self.queue),
            Tab::Outbox => Some(self.outbox_list),
            Tab::Today | Tab::Floor => None,
        }
    }
}

/// Rows of a tab's list on a screen of `size` (what the page's update moves by and its view
/// draws).
pub fn list_rows(size: Rect, tab: Tab) -> usize {
    areas(size).list_of(tab).map_or(0, table_rows)
}

/// Rows that fit in a bordered table (inside its border, under the column header).
pub fn table_rows(table: Rect) -> usize {
    table.height.saturating_sub(3) as usize
}

/// The visible row under a point of a bordered table, if any.
pub fn table_row_at(table: Rect, at: Position) -> Option<usize> {
    let first = table.y + 2; // border + column header
    let inside = at.x > table.x && at.x < table.right().saturating_sub(1);
    (inside && at.y >= first && at.y < first + table_rows(table) as u16)
        .then(|| (at.y - first) as usize)
}

pub const APP_LABEL: &str = " deskcoll ";
/// Below this width the header leaves out the name and packs the tabs closer, so that the
/// server's state, the backlog and the clock keep their room.
pub const FULL_HEADER_WIDTH: u16 = 100;

/// The header's name, if it is shown at this width.
pub fn app_label(width: u16) -> Option<&'static str> {
    (width >= FULL_HEADER_WIDTH).then_some(APP_LABEL)
}

/// The header's tab labels at a width and the columns each covers.
pub fn tab_labels(width: u16, lang: crate::i18n::Lang) -> Vec<(String, u16, u16)> {
    tab_labels_of(width, lang, &Tab::ALL)
}

/// As `tab_labels`, for the tabs shown (`Tab::shown`).
pub fn tab_labels_of(width: u16, lang: crate::i18n::Lang, tabs: &[Tab]) -> Vec<(String, u16, u16)> {
    let full = width >= FULL_HEADER_WIDTH;
    let mut x = app_label(width).map_or(0, |l| l.chars().count() as u16 + 1);
    tabs.iter()
        .enumerate()
        .map(|(i, t)| {
            let label = if full {
                format!(" {} {} ", i + 1, t.title(lang))
            } else {
                format!("{} {}", i + 1, t.title(lang))
            };
            let w = label.chars().count() as u16;
            let span = (label, x, x + w);
            x += w + 1;
            span
        })
        .collect()
}

pub fn tab_at(header: Rect, column: u16, lang: crate::i18n::Lang) -> Option<usize> {
    tab_at_of(header, column, lang, &Tab::ALL)
}

/// As `tab_at`, for the tabs shown.
pub fn tab_at_of(
    header: Rect,
    column: u16,
    lang: crate::i18n::Lang,
    tabs: &[Tab],
) -> Option<usize> {
    let col = column.checked_sub(header.x)?;
    tab_labels_of(header.width, lang, tabs)
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

/// Where the result form goes in the body, and from 120 columns the customer's pane beside
/// it, so that the figures stay in sight while the outcome is typed.
pub fn form_layout(body: Rect) -> (Rect, Option<Rect>) {
    const FORM: u16 = 84;
    const CUSTOMER_MIN: u16 = 36;
    if body.width < FORM + CUSTOMER_MIN {
        return (body, None);
    }
    let [form, customer] =
        Layout::horizontal([Constraint::Length(FORM), Constraint::Min(CUSTOMER_MIN)]).areas(body);
    (form, Some(customer))
}

/// Lines of the form's notes kept when the body is too short for the whole form: the blank
/// line, what is sent, and the failure or "sending".
const FORM_NOTES_KEPT: u16 = 3;

/// The result form's box in the body, `width` wide and tall enough for its field lines and
/// notes: (the box, the fields inside it, the notes under them). In a body too short for
/// them, the fields get what the first notes leave (and scroll).
pub fn form_box(body: Rect, width: u16, field_lines: u16, note_lines: u16) -> (Rect, Rect, Rect) {
    let area = centered(body, width, field_lines + note_lines + 2);
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    let fields_height =
        field_lines.min(inner.height.saturating_sub(note_lines.min(FORM_NOTES_KEPT)));
    let [fields, notes] =
        Layout::vertical([Constraint::Length(fields_height), Constraint::Min(0)]).areas(inner);
    (area, fields, notes)
}

/// Two halves side by side, left `left_percent` wide.
pub fn columns(area: Rect, left_percent: u16) -> [Rect; 2] {
    Layout::horizontal([
        Constraint::Percentage(left_percent),
        Constraint::Percentage(100 - left_percent),
    ])
    .areas(area)
}

/// Two parts stacked, the top `top` lines high.
pub fn rows(area: Rect, top: u16) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(area)
}

/// One line across the middle of `area` (a progress bar).
pub fn middle_line(area: Rect) -> Rect {
    Rect {
        height: area.height.min(1),
        y: area.y + area.height / 2,
        ..area
    }
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
    fn a_form_taller_than_the_body_keeps_its_first_notes() {
        let body = Rect::new(0, 1, 80, 21);
        let (area, fields, notes) = form_box(body, 80, 30, 2);
        assert_eq!(area.height, 21);
        assert_eq!((fields.height, notes.height), (17, 2));
        let (_, fields, notes) = form_box(body, 80, 8, 2);
        assert_eq!((fields.height, notes.height), (8, 2));
    }

    #[test]
    fn clicks_map_to_rows_and_tabs() {
        let q = Rect::new(0, 1, 80, 10);
        assert_eq!(table_row_at(q, Position::new(5, 3)), Some(0));
        assert_eq!(table_row_at(q, Position::new(5, 2)), None, "column header");
        assert_eq!(table_row_at(q, Position::new(5, 10)), None, "bottom border");
        for width in [80, 120] {
            for lang in crate::i18n::Lang::ALL {
                let labels = tab_labels(width, lang);
                let header = Rect::new(0, 0, width, 1);
                assert_eq!(tab_at(header, labels[1].1, lang), Some(1));
                assert_eq!(tab_at(header, labels[3].2 - 1, lang), Some(3));
            }
        }
    }
}
