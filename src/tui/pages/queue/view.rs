use super::QueuePage;
use crate::domain::text::sanitize;
use crate::domain::today::at_contact_limit;
use crate::tui::layout;
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, spinner};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

/// The task list, and the selected customer beside or under it.
pub fn draw(frame: &mut Frame, page: &QueuePage, cx: &Cx, theme: &Theme, areas: &layout::Areas) {
    list(frame, page, cx, theme, areas.queue);
    super::detail::draw(frame, page, cx, theme, areas.detail);
}

fn list(frame: &mut Frame, page: &QueuePage, cx: &Cx, theme: &Theme, area: Rect) {
    let q = &page.list;
    let mut title = format!(
        " Queue · {} · sort: {} ",
        q.cursor.position(q.view.len()),
        q.sort.label()
    );
    if q.view.len() != q.tasks.len() {
        title.push_str(&format!("· {} in all ", q.tasks.len()));
    }
    if !q.filter.is_empty() {
        title.push_str(&format!("· /{} ", sanitize(&q.filter)));
    }
    if page.promise_filter != super::PromiseFilter::All {
        title.push_str(&format!("· {} ", page.promise_filter.label()));
    }
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());

    if q.view.is_empty() {
        let text = if !q.loaded && q.loading {
            format!("{} loading the queue…", spinner(cx.ticks))
        } else if !q.loaded {
            "The queue could not be loaded. Press r to try again.".to_string()
        } else if !q.filter.is_empty() {
            format!(
                "No task matches '{}'. Esc clears the filter.",
                sanitize(&q.filter)
            )
        } else {
            "No tasks in today's queue.".to_string()
        };
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .block(block),
            area,
        );
        return;
    }

    // Name grows; branch and product show when there is room for them.
    let inner = area.width.saturating_sub(2);
    let with_branch = inner >= 76;
    let with_product = inner >= 104;
    // The customer's clock: their local time, or when a closed window opens.
    let with_local = inner >= 90;
    let rows = q.view[q.cursor.window(area, q.view.len())]
        .iter()
        .map(|&i| {
            let t = &q.tasks[i];
            let done = q.is_done(i);
            // One mark: recorded today, closed now, promise broken, or promise due soon.
            let closed = !q.is_callable(i);
            let mark = if done {
                Line::styled("✓", theme.success())
            } else if closed {
                Line::styled("⊘", theme.dim())
            } else if cx.desk.promises.broken.contains(t.contract_no.as_str()) {
                Line::styled("!", theme.error())
            } else if cx.desk.promises.due_soon.contains(t.contract_no.as_str()) {
                Line::styled("◷", theme.warn())
            } else {
                Line::raw(" ")
            };
            let contacts = cx.desk.contacts_today(&t.contract_no);
            let contacts_cell = match contacts {
                0 => Line::raw(""),
                // At the limit the mark says it as well as the colour.
                n if at_contact_limit(n, cx.settings.max_contacts_per_day) => {
                    Line::styled(format!("{n}!"), theme.error())
                }
                n => Line::styled(format!("{n}×"), theme.dim()),
            };
            let mut cells = vec![
                Cell::from(mark),
                Cell::from(contacts_cell),
                Cell::from(q.bucket(i).label()),
                Cell::from(sanitize(&t.contract_no).into_owned()),
                Cell::from(sanitize(&t.name).into_owned()),
                Cell::from(
                    Line::from(t.overdue.map(|o| o.to_string()).unwrap_or_default())
                        .alignment(Alignment::Right),
                ),
                Cell::from(
                    Line::from(t.total_due.map(|m| m.rupiah()).unwrap_or_default())
                        .alignment(Alignment::Right),
                ),
            ];
            if with_branch {
                cells.push(Cell::from(sanitize(&t.branch_name).into_owned()));
            }
            if with_local {
                let local = page.window(i).map(|(_, w)| {
                    if w.callable {
                        format!("{} {}", w.local.format("%H:%M"), w.zone)
                    } else {
                        match &w.opens {
                            Some(opens) => format!("→{opens}"),
                            None => "closed".into(),
                        }
                    }
                });
                cells.push(Cell::from(local.unwrap_or_default()));
            }
            if with_product {
                cells.push(Cell::from(sanitize(&t.product).into_owned()));
            }
            let style = if done || closed {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            Row::new(cells).style(style)
        });
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(7),
        Constraint::Length(15),
        Constraint::Min(12),
        Constraint::Length(3),
        Constraint::Length(16),
    ];
    let mut header = vec!["", "", "BUCKET", "CONTRACT", "NAME", "OD", "TOTAL DUE"];
    if with_branch {
        widths.push(Constraint::Length(11));
        header.push("BRANCH");
    }
    if with_local {
        widths.push(Constraint::Length(15));
        header.push("LOCAL / OPENS");
    }
    if with_product {
        widths.push(Constraint::Min(10));
        header.push("PRODUCT");
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    render_table(frame, table, area, q.cursor);
}
