//! The grouped table and the ageing table of the Termin tab.

use super::TerminTab;
use crate::domain::Money;
use crate::domain::termin_desk;
use crate::domain::text::sanitize;
use crate::tr;
use crate::tui::list::{Cursor, render_table};
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, fit};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table};

/// A figure, aligned right.
pub(super) fn right(s: String) -> Cell<'static> {
    Cell::from(Line::from(s).alignment(Alignment::Right))
}

/// `part` of `whole` as `width` cells, filled from the left: any part above nothing shows at
/// least one block, the whole fills them all.
pub(super) fn blocks(part: Money, whole: Money, width: usize) -> String {
    use rust_decimal::prelude::Zero;
    let filled = if part.0 <= Zero::zero() || whole.0 <= Zero::zero() {
        0
    } else {
        part.scaled_share(whole, width)
            .map_or(width, |n| n.min(width))
    };
    format!("{}{}", "█".repeat(filled), " ".repeat(width - filled))
}

/// A share of the whole as a bar of `width` cells with the percent beside it: the bar for a
/// glance, the number for the record.
fn bar(part: Money, total: Money, width: usize) -> String {
    let pct = part.percent_of(total).unwrap_or(0);
    format!("{} {pct:>3}%", blocks(part, total, width))
}

fn block<'a>(title: String, theme: &Theme, area: Rect) -> Block<'a> {
    Block::bordered()
        .title(Line::styled(
            format!(" {} ", fit(&title, area.width.saturating_sub(4) as usize)),
            theme.title(),
        ))
        .border_style(theme.border_focus())
}

/// Groups with their count and sums, largest bill first; Enter opens one.
pub fn groups(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let word = |id: &str| crate::i18n::text(lang, id);
    let desk = &t.desk;
    let mut total = crate::domain::money::Total::default();
    for g in &desk.groups {
        total.add_total(&g.sum.bill);
    }
    let total = total.or_zero();
    let by = desk
        .group_by
        .map(|g| word(&format!("termin-group-{}", g.arg_name())))
        .unwrap_or_default();
    let title = tr!(
        lang,
        "termin-groups-title",
        n = desk.groups.len(),
        by = by,
        position = desk.group_cursor.position(desk.groups.len(), lang)
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
        cells.push(Cell::from(bar(g.sum.bill.or_zero(), total, 10)));
        Row::new(cells)
    });
    let mut header = vec![word("termin-col-group"), word("termin-col-count")];
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(6)];
    if wide {
        header.extend([
            word("termin-col-subtotal"),
            word("termin-col-ppn"),
            word("termin-col-pph"),
        ]);
        widths.extend([
            Constraint::Length(17),
            Constraint::Length(16),
            Constraint::Length(16),
        ]);
    }
    header.extend([word("termin-col-bill"), word("termin-col-share")]);
    widths.extend([Constraint::Length(17), Constraint::Length(15)]);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block(title, theme, area));
    render_table(frame, table, area, desk.group_cursor);
}

/// Unfinished work by status and days since entry, as of today in WIB.
pub fn ageing(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let word = |id: &str| crate::i18n::text(lang, id);
    let today = cx
        .clock
        .now_utc()
        .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("WIB"))
        .date_naive();
    let rows = termin_desk::ageing(t.source(), &t.view, today);
    let title = tr!(
        lang,
        "termin-ageing-title",
        finished = termin_desk::FINISHED.join(" / ")
    );
    let table_rows = rows.iter().map(|r| {
        let bill: Money = r.bill_amount.parse().unwrap_or_default();
        Row::new(vec![
            Cell::from(sanitize(&r.status).into_owned()),
            Cell::from(word(&format!("termin-band-{}", r.band.replace(' ', "-")))),
            right(r.count.to_string()),
            right(bill.rupiah()),
        ])
    });
    let table = Table::new(
        table_rows,
        [
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(6),
            Constraint::Length(17),
        ],
    )
    .header(
        Row::new([
            word("termin-col-status"),
            word("termin-col-days"),
            word("termin-col-count"),
            word("termin-col-bill"),
        ])
        .style(theme.label()),
    )
    .column_spacing(1)
    .block(block(title, theme, area));
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
        assert_eq!(bar(m(2), m(2), 10), "██████████ 100%");
        assert_eq!(bar(m(1), m(2), 10).chars().count(), 15, "every row as wide");
    }

    #[test]
    fn blocks_scale_to_the_largest_and_show_any_part_above_nothing() {
        let m = Money::from_units;
        assert_eq!(blocks(m(900), m(900), 6), "██████");
        assert_eq!(blocks(m(300), m(900), 6), "██    ");
        assert_eq!(blocks(m(1), m(900), 6), "█     ");
        assert_eq!(blocks(m(0), m(900), 6), "      ");
        assert_eq!(blocks(m(5), m(0), 6), "      ", "nothing to scale to");
    }
}
