//! The Floor tab: the supervisor's view of every agent's day, read from the team ledger
//! every `team.refresh_secs` in the background (`runtime`), sorted with `s`. The same rows as
//! `deskcoll floor` (`domain::floor`, `team::table`).

use crate::domain::floor::{FloorRow, FloorSort};
use crate::tr;
use crate::tui::keymap::Command;
use crate::tui::pages::{Cx, Reply};
use crate::tui::view::Theme;
use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};

#[derive(Debug, Clone, Default)]
pub struct FloorPage {
    pub rows: Vec<FloorRow>,
    pub total: Option<FloorRow>,
    pub sort: FloorSort,
    /// Why the last read failed (the rows shown are the read before).
    pub error: Option<String>,
    pub read_at: Option<DateTime<FixedOffset>>,
    /// The first row shown.
    pub top: usize,
}

impl FloorPage {
    /// A read of the ledger arrived: the rows in the order chosen, or the error beside the
    /// rows of the read before.
    pub fn loaded(
        &mut self,
        result: Result<(Vec<FloorRow>, FloorRow), String>,
        at: DateTime<FixedOffset>,
    ) {
        match result {
            Ok((mut rows, total)) => {
                self.sort.sort(&mut rows);
                self.rows = rows;
                self.total = Some(total);
                self.error = None;
                self.read_at = Some(at);
                self.top = self.top.min(self.rows.len().saturating_sub(1));
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn command(&mut self, cmd: Command, cx: &Cx) -> Reply {
        match cmd {
            Command::CycleSort => {
                self.sort = self.sort.next();
                self.sort.sort(&mut self.rows);
                self.top = 0;
            }
            Command::Down => {
                let last = self.rows.len().saturating_sub(cx.rows.max(1));
                self.top = (self.top + 1).min(last);
            }
            Command::Up => self.top = self.top.saturating_sub(1),
            _ => {}
        }
        Reply::none()
    }
}

pub fn draw(frame: &mut Frame, page: &FloorPage, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let date = page.total.as_ref().map_or_else(
        || cx.clock.now_local().date().to_string(),
        |t| t.date.clone(),
    );
    let title = format!(
        " {} · {} ",
        tr!(lang, "floor-heading", date = date, agents = page.rows.len()),
        tr!(lang, "floor-sorted", by = page.sort.wire())
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let mut body = inner;
    if let Some(e) = &page.error {
        let line = Rect {
            height: 1,
            y: inner.y + inner.height - 1,
            ..inner
        };
        body.height -= 1;
        frame.render_widget(
            Paragraph::new(crate::domain::text::sanitize(e).into_owned()).style(theme.error()),
            line,
        );
    }
    if page.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!(lang, "floor-none")).style(theme.dim()),
            body,
        );
        return;
    }
    let headings = crate::team::table::headings(lang);
    let money = 14;
    let mut cells: Vec<Vec<String>> = page
        .rows
        .iter()
        .skip(page.top)
        .map(|r| crate::team::table::cells(lang, r, money))
        .collect();
    let shown = (body.height as usize).saturating_sub(2).max(1);
    cells.truncate(shown);
    let total = page
        .total
        .as_ref()
        .map(|t| crate::team::table::cells(lang, t, money));
    let widths: Vec<Constraint> = (0..headings.len())
        .map(|c| {
            let w = cells
                .iter()
                .chain(total.iter())
                .map(|r| r[c].chars().count())
                .chain([headings[c].chars().count()])
                .max()
                .unwrap_or(1);
            Constraint::Length(w as u16)
        })
        .collect();
    let mut rows: Vec<Row> = cells
        .into_iter()
        .map(|r| {
            Row::new(
                r.into_iter()
                    .map(|c| crate::domain::text::sanitize(&c).into_owned()),
            )
        })
        .collect();
    if let Some(t) = total {
        rows.push(Row::new(t).style(Style::default().add_modifier(Modifier::BOLD)));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(headings).style(theme.label()))
        .column_spacing(1);
    frame.render_widget(table, body);
}
