//! The grouped table and the ageing table of the Termin tab.

use super::TerminTab;
use crate::domain::Money;
use crate::domain::termin_desk;
use crate::domain::text::sanitize;
use crate::tui::list::{Cursor, render_table};
use crate::tui::pages::Cx;
use crate::tui::view::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table};

fn right(s: String) -> Cell<'static> {
    Cell::from(Line::from(s).alignment(Alignment::Right))
}

/// A share of the whole as a bar of `width` cells with the percent beside it: the bar for a
/// glance, the number for the record.
fn bar(part: Money, total: Money, width: usize) -> String {
    let pct = part.percent_of(total).unwrap_or(0) as usize;
    let filled = (pct * width).div_ceil(100).min(width);
    format!(
        "{}{} {pct:>3}%",
        "█".repeat(filled),
        " ".repeat(width - filled)
    )
}

/// Groups with their count and sums, largest bill first; Enter opens one.
pub fn groups(frame: &mut Frame, t: &TerminTab, theme: &Theme, area: Rect) {
    let desk = &t.desk;
    let total = desk.groups.iter().fold(Money::ZERO, |m, g| m + g.sum.bill);
    let by = desk.group_by.map(|g| g.arg_name()).unwrap_or("");
    let title = format!(
        " Termin · {} groups by {by} · {} · Enter opens one ",
        desk.groups.len(),
        desk.group_cursor.position(desk.groups.len())
    );
    let wide = area.width >= 110;
    let shown = desk.group_cursor.window(area, desk.groups.len());
    let rows = desk.groups[shown].iter().map(|g| {
        let mut cells = vec![
            Cell::from(sanitize(&g.key).into_owned()),
            right(g.sum.count.to_string()),
        ];
        if wide {
            cells.push(right(g.sum.subtotal.rupiah()));
            cells.push(right(g.sum.ppn.rupiah()));
            cells.push(right(g.sum.pph.rupiah()));
        }
        cells.push(right(g.sum.bill.rupiah()));
        cells.push(Cell::from(bar(g.sum.bill, total, 10)));
        Row::new(cells)
    });
    let mut header = vec!["GROUP", "COUNT"];
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(6)];
    if wide {
        header.extend(["SUBTOTAL", "PPN", "PPH"]);
        widths.extend([
            Constraint::Length(17),
            Constraint::Length(16),
            Constraint::Length(16),
        ]);
    }
    header.extend(["BILL", "SHARE"]);
    widths.extend([Constraint::Length(17), Constraint::Length(15)]);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(
            Block::bordered()
                .title(Line::styled(title, theme.title()))
                .border_style(theme.border_focus()),
        );
    render_table(frame, table, area, desk.group_cursor);
}

/// Unfinished work by status and days since entry, as of today in WIB.
pub fn ageing(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let today = cx
        .clock
        .now_utc()
        .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("WIB"))
        .date_naive();
    let source = t.source();
    let rows = termin_desk::ageing(source, &t.view, today);
    let title = format!(
        " Termin · ageing: days since entry of what is not {} · a closes ",
        termin_desk::FINISHED.join(" or ")
    );
    let table_rows = rows.iter().map(|r| {
        let bill: Money = r.bill_amount.parse().unwrap_or_default();
        Row::new(vec![
            Cell::from(sanitize(&r.status).into_owned()),
            Cell::from(r.band),
            right(r.count.to_string()),
            right(bill.rupiah()),
        ])
    });
    let table = Table::new(
        table_rows,
        [
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(6),
            Constraint::Length(17),
        ],
    )
    .header(Row::new(["STATUS", "DAYS", "COUNT", "BILL"]).style(theme.label()))
    .column_spacing(1)
    .block(
        Block::bordered()
            .title(Line::styled(title, theme.title()))
            .border_style(theme.border_focus()),
    );
    render_table(frame, table, area, Cursor::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_and_its_number() {
        let m = Money::from_units;
        assert_eq!(bar(m(1), m(2), 10), "█████       50%");
        assert_eq!(bar(m(0), m(2), 10), "             0%");
        assert_eq!(bar(m(1), m(2), 10).chars().count(), 15, "every row as wide");
        assert_eq!(bar(m(2), m(2), 10), "██████████ 100%");
    }
}
