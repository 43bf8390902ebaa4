//! The grouped table and the ageing table of the Termin tab.

use super::TerminTab;
use crate::domain::Money;
use crate::domain::money::Total;
use crate::domain::termin_desk;
use crate::domain::text::sanitize;
use crate::tr;
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, fit};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table};

/// A figure, aligned right.
pub(super) fn right(s: String) -> Cell<'static> {
    Cell::from(Line::from(s).alignment(Alignment::Right))
}

/// The widths a table (column spacing 1, no selection symbol) gives its columns within
/// `width` cells: what a money cell must fit, since ratatui cuts a right-aligned text from
/// the left.
pub(super) fn widths_of(constraints: &[Constraint], width: u16) -> Vec<u16> {
    Layout::horizontal(constraints.to_vec())
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| r.width)
        .collect()
}

/// An amount in a cell `width` wide, aligned right: whole, else without `Rp `, else ending
/// in `…` (never cut from the left).
pub(super) fn money_in(m: &Total, width: u16) -> Cell<'static> {
    right(m.rupiah_in(width as usize))
}

/// A status and its bill (`(status, bill)`) in `width` cells: the status, then the bill fitted
/// to what is left (whole, without `Rp `, or ending in `…`); the status alone ends in `…`
/// when even that does not fit.
pub(super) fn status_and_bill(what: &(String, Option<Money>), width: u16) -> String {
    let width = width as usize;
    let status = sanitize(&what.0).into_owned();
    let Some(bill) = what.1 else {
        return fit(&status, width);
    };
    let used = status.chars().count() + 1;
    if used + 3 > width {
        return fit(&format!("{status} {}", bill.rupiah()), width);
    }
    format!("{status} {}", bill.rupiah_in(width - used))
}

/// The width of column `i` (0 when there is no such column).
pub(super) fn col(widths: &[u16], i: usize) -> u16 {
    widths.get(i).copied().unwrap_or(0)
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

/// Groups with their count and sums, largest bill first (months in calendar order), and their
/// TOTAL under them; Enter opens one.
pub fn groups(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let word = |id: &str| crate::i18n::text(lang, id);
    let desk = &t.desk;
    let total = termin_desk::total_of(&desk.groups);
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
    let inner = area.width.saturating_sub(2);
    // Every sum beside the bill when a trillion fits in each (and the names keep 20).
    let wide = inner >= 150;
    let mut header = vec![word("termin-col-group"), word("termin-col-count")];
    let mut constraints = vec![Constraint::Fill(1), Constraint::Length(6)];
    if wide {
        header.extend([
            word("termin-col-subtotal"),
            word("termin-col-shipping"),
            word("termin-col-ppn"),
            word("termin-col-pph"),
        ]);
        constraints.extend([
            Constraint::Length(20),
            Constraint::Length(16),
            Constraint::Length(18),
            Constraint::Length(18),
        ]);
    }
    header.extend([word("termin-col-bill"), word("termin-col-share")]);
    constraints.extend([Constraint::Length(20), Constraint::Length(15)]);
    let widths = widths_of(&constraints, inner);
    let bill_at = if wide { 6 } else { 2 };
    let cells = |key: String, s: &crate::domain::termin_view::Sum| {
        let mut cells = vec![Cell::from(key), right(s.count.to_string())];
        if wide {
            cells.push(money_in(&s.subtotal, col(&widths, 2)));
            cells.push(money_in(&s.shipping, col(&widths, 3)));
            cells.push(money_in(&s.ppn, col(&widths, 4)));
            cells.push(money_in(&s.pph, col(&widths, 5)));
        }
        cells.push(money_in(&s.bill, col(&widths, bill_at)));
        cells.push(Cell::from(bar(s.bill.or_zero(), total.bill.or_zero(), 10)));
        cells
    };
    let shown = desk.group_cursor.window(area, desk.groups.len());
    let rows = desk.groups[shown]
        .iter()
        .map(|g| Row::new(cells(sanitize(&g.key).into_owned(), &g.sum)));
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.label()))
        .footer(Row::new(cells("TOTAL".into(), &total)).style(theme.figure()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block(title, theme, area));
    render_table(frame, table, area, desk.group_cursor);
}

/// Unfinished work by status and days in the status, as of today in WIB, with the TOTAL;
/// Enter lists a band's transactions.
pub fn ageing(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let word = |id: &str| crate::i18n::text(lang, id);
    let rows = &t.desk.ages;
    let title = tr!(
        lang,
        "termin-ageing-title",
        finished = termin_desk::FINISHED.join(" / ")
    );
    let constraints = [
        Constraint::Fill(1),
        Constraint::Length(15),
        Constraint::Length(6),
        Constraint::Length(20),
    ];
    let widths = widths_of(&constraints, area.width.saturating_sub(2));
    let shown = t.desk.age_cursor.window(area, rows.len());
    let table_rows = rows[shown].iter().map(|r| {
        Row::new(vec![
            Cell::from(sanitize(&r.status).into_owned()),
            Cell::from(word(&format!("termin-band-{}", r.band.replace(' ', "-")))),
            right(r.count.to_string()),
            money_in(&r.bill_amount, col(&widths, 3)),
        ])
    });
    let count: usize = rows.iter().map(|r| r.count).sum();
    let mut bill = Total::default();
    for r in rows {
        bill.add_total(&r.bill_amount);
    }
    let table = Table::new(table_rows, constraints)
        .header(
            Row::new([
                word("termin-col-status"),
                word("termin-col-days-in-status"),
                word("termin-col-count"),
                word("termin-col-bill"),
            ])
            .style(theme.label()),
        )
        .footer(
            Row::new(vec![
                Cell::from("TOTAL"),
                Cell::from(""),
                right(count.to_string()),
                money_in(&bill, col(&widths, 3)),
            ])
            .style(theme.figure()),
        )
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block(title, theme, area));
    render_table(frame, table, area, t.desk.age_cursor);
}

/// What changed since the latest look of an earlier day: new, changed (was -> now) and gone
/// rows, PO numbers whole.
pub fn changes(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let word = |id: &str| crate::i18n::text(lang, id);
    let lines = t.change_rows();
    let title = match &t.desk.changes {
        Some(c) if c.since.is_some() => tr!(
            lang,
            "termin-changes-title",
            since = crate::domain::termin_desk::wib_text(c.since.as_deref().unwrap_or("")),
            new = c.new.len(),
            changed = c.changed.len(),
            gone = c.gone.len()
        ),
        _ => match &t.desk.changes_error {
            Some(e) => tr!(
                lang,
                "termin-snapshot-failed",
                error = sanitize(e).into_owned()
            ),
            None => tr!(lang, "termin-changes-first"),
        },
    };
    let po_width = lines
        .iter()
        .map(|l| l.po.chars().count())
        .max()
        .unwrap_or(10)
        .max(10) as u16;
    let constraints = [
        Constraint::Length(9),
        Constraint::Length(po_width),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ];
    let widths = widths_of(&constraints, area.width.saturating_sub(2));
    let shown = t.desk.change_cursor.window(area, lines.len());
    let rows = lines[shown].iter().map(|l| {
        Row::new(vec![
            Cell::from(word(&format!("termin-change-{}", l.kind))),
            Cell::from(sanitize(&l.po).into_owned()),
            Cell::from(l.step.clone()),
            Cell::from(status_and_bill(&l.was, col(&widths, 3))),
            Cell::from(status_and_bill(&l.now, col(&widths, 4))),
        ])
    });
    let table = Table::new(rows, constraints)
        .header(
            Row::new([
                word("termin-col-change"),
                word("termin-col-po"),
                word("termin-col-step"),
                word("termin-col-was"),
                word("termin-col-now"),
            ])
            .style(theme.label()),
        )
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block(title, theme, area));
    render_table(frame, table, area, t.desk.change_cursor);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_and_its_bill_fit_without_losing_digits_silently() {
        let t = Money::from_units(1_234_567_890_123);
        let what = ("Penagihan".to_string(), Some(t));
        assert_eq!(status_and_bill(&what, 40), "Penagihan Rp 1.234.567.890.123");
        assert_eq!(status_and_bill(&what, 27), "Penagihan 1.234.567.890.123");
        assert_eq!(status_and_bill(&what, 20), "Penagihan 1.234.567…");
        assert_eq!(status_and_bill(&what, 8), "Penagih…");
        assert_eq!(status_and_bill(&(String::new(), None), 8), "");
    }

    #[test]
    fn columns_are_measured_as_the_table_lays_them_out() {
        let w = widths_of(
            &[
                Constraint::Length(5),
                Constraint::Fill(1),
                Constraint::Length(20),
            ],
            40,
        );
        assert_eq!(w, vec![5, 13, 20], "spacing 1 between columns");
        let squeezed = widths_of(&[Constraint::Length(30), Constraint::Length(20)], 40);
        assert_eq!(
            squeezed.iter().sum::<u16>(),
            39,
            "what the table really gives"
        );
    }

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
