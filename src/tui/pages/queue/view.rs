use super::QueuePage;
use crate::domain::text::sanitize;
use crate::domain::today::at_contact_limit;
use crate::i18n::words;
use crate::tr;
use crate::tui::layout;
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{CALLBACK_MARK, Theme, spinner};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

/// The task list, and the selected customer beside or under it.
pub fn draw(frame: &mut Frame, page: &QueuePage, cx: &Cx, theme: &Theme, areas: &layout::Areas) {
    list(frame, page, cx, theme, areas.queue);
    super::detail::draw(frame, page, cx, theme, areas.detail);
}

/// The customer of `account_no` (the form's), when the account is in the list.
pub fn draw_customer(
    frame: &mut Frame,
    page: &QueuePage,
    account_no: &str,
    cx: &Cx,
    theme: &Theme,
    area: Rect,
) {
    let index = page
        .list
        .tasks
        .iter()
        .position(|t| t.contract_no == account_no);
    frame.render_widget(ratatui::widgets::Clear, area);
    super::detail::draw_task(frame, page, index, cx, theme, area);
}

/// A task's name; pinned by a callback that is due, after the mark and the callback's time
/// in the customer's zone: `⏰ 16:00 WIT BUDI SANTOSO` (the words say it without colour).
fn name_line(page: &QueuePage, cx: &Cx, theme: &Theme, i: usize) -> Line<'static> {
    let t = &page.list.tasks[i];
    let name = Span::raw(sanitize(&t.name).into_owned());
    let absent = page.is_absent(i);
    // Pinned by a due callback, or kept for one though the list dropped the account.
    let callback = if page.list.is_pinned(i) {
        cx.desk.due_callback(&t.contract_no)
    } else if absent {
        cx.desk
            .callbacks
            .iter()
            .find(|l| l.account_no == t.contract_no)
    } else {
        None
    };
    let mut spans = Vec::new();
    if let Some(l) = callback {
        spans.push(Span::styled(
            format!(
                "{CALLBACK_MARK} {} ",
                words::callback_time(cx.settings.lang, &l.callback)
            ),
            theme.warn(),
        ));
    }
    spans.push(name);
    if absent {
        spans.push(Span::styled(
            format!(" · {}", tr!(cx.settings.lang, "queue-not-in-list")),
            theme.dim(),
        ));
    }
    Line::from(spans)
}

fn list(frame: &mut Frame, page: &QueuePage, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let q = &page.list;
    let mut title = format!(
        " {} ",
        tr!(
            lang,
            "queue-title",
            position = q.cursor.position(q.view.len(), lang),
            sort = words::sort_label(lang, q.sort)
        )
    );
    let now_day = cx.clock.now_local().date();
    let as_of = page.as_of(now_day);
    if as_of < now_day {
        title.push_str(&format!(
            "· {} ",
            tr!(
                lang,
                "queue-as-of",
                day = crate::i18n::date_short(lang, as_of)
            )
        ));
    }
    if q.view.len() != q.tasks.len() {
        title.push_str(&format!(
            "· {} ",
            tr!(lang, "queue-in-all", n = q.tasks.len())
        ));
    }
    if !q.filter.is_empty() {
        title.push_str(&format!("· /{} ", sanitize(&q.filter)));
    }
    if page.promise_filter != super::PromiseFilter::All {
        title.push_str(&format!("· {} ", page.promise_filter.label(lang)));
    }
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());

    if q.view.is_empty() {
        let text = if !q.loaded && q.loading {
            format!("{} {}", spinner(cx.ticks), tr!(lang, "queue-loading"))
        } else if !q.loaded {
            tr!(lang, "queue-not-loaded")
        } else if !q.filter.is_empty() {
            tr!(lang, "queue-no-match", filter = sanitize(&q.filter))
        } else if page.promise_filter != super::PromiseFilter::All {
            tr!(
                lang,
                "queue-no-promises",
                what = page.promise_filter.label(lang),
                n = q.tasks.len()
            )
        } else {
            tr!(lang, "queue-empty")
        };
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .block(block),
            area,
        );
        return;
    }

    // Names on screen are shown whole where the width allows; then the customer's clock
    // (their local time, or when a closed window opens), then the branch, then the product.
    let shown = q.cursor.window(area, q.view.len());
    let name = |i: usize| name_line(page, cx, theme, i);
    let name_width = q.view[shown.clone()]
        .iter()
        .map(|&i| name(i).width())
        .max()
        .unwrap_or(0)
        .clamp(12, crate::domain::result::CUST_NAME_MAX) as i32;
    // The total due as wide as its widest amount on screen: money is never cut silently.
    let header_total = tr!(lang, "queue-col-total-due");
    let total_width = q.view[shown.clone()]
        .iter()
        .filter_map(|&i| q.tasks[i].total_due)
        .map(|m| m.rupiah().chars().count())
        .max()
        .unwrap_or(0)
        .max(header_total.chars().count())
        .max(9) as i32;
    // Mark, contacts, bucket, contract, OD and total due, with the gaps of all seven.
    let mut room = area.width as i32 - 2 - (1 + 2 + 7 + 15 + 3 + 6) - total_width - name_width;
    let mut take = |w: i32| {
        let fits = room > w;
        if fits {
            room -= w + 1;
        }
        fits
    };
    let with_local = take(15);
    let with_branch = take(11);
    let with_product = take(10);
    // What is left after the product's ten: products are long, and cut with an ellipsis.
    let product_width = (room + 10).max(10) as usize;
    // Days overdue to the list's own day, as its penalty and total due are.
    let today = as_of;
    let rows = q.view[shown].iter().map(|&i| {
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
            Cell::from(if page.is_absent(i) {
                "—".to_string()
            } else {
                words::bucket_label(lang, q.bucket(i))
            }),
            Cell::from(sanitize(&t.contract_no).into_owned()),
            Cell::from(name(i)),
            Cell::from(Line::from(t.days_past_due(today).to_string()).alignment(Alignment::Right)),
            Cell::from(
                Line::from(
                    t.total_due
                        .map(|m| m.rupiah_in(total_width as usize))
                        .unwrap_or_default(),
                )
                .alignment(Alignment::Right),
            ),
        ];
        if with_branch {
            cells.push(Cell::from(sanitize(&t.branch_name).into_owned()));
        }
        if with_local {
            // A window closing soon says how soon, in the colour of a warning.
            let local = page.window(i).map(|(_, w)| {
                if let Some(m) = q.urgency(i).closing_in() {
                    Line::styled(tr!(lang, "window-closes-in", minutes = m), theme.warn())
                } else if w.callable {
                    Line::raw(format!("{} {}", crate::i18n::clock(lang, &w.local), w.zone))
                } else {
                    Line::raw(match &w.opening {
                        Some(o) => format!("→{}", words::opening(lang, o, w.zone)),
                        None => tr!(lang, "queue-closed"),
                    })
                }
            });
            cells.push(Cell::from(local.unwrap_or_default()));
        }
        if with_product {
            cells.push(Cell::from(crate::tui::view::fit(
                &sanitize(&t.product),
                product_width,
            )));
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
        if with_product {
            Constraint::Length(name_width as u16)
        } else {
            Constraint::Fill(1)
        },
        Constraint::Length(3),
        Constraint::Length(total_width as u16),
    ];
    let mut header = vec![
        String::new(),
        String::new(),
        tr!(lang, "queue-col-bucket"),
        tr!(lang, "queue-col-contract"),
        tr!(lang, "queue-col-name"),
        tr!(lang, "queue-col-overdue"),
        header_total,
    ];
    if with_branch {
        widths.push(Constraint::Length(11));
        header.push(tr!(lang, "queue-col-branch"));
    }
    if with_local {
        widths.push(Constraint::Length(15));
        header.push(tr!(lang, "queue-col-local"));
    }
    if with_product {
        widths.push(Constraint::Length(product_width as u16));
        header.push(tr!(lang, "queue-col-product"));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    render_table(frame, table, area, q.cursor);
}
