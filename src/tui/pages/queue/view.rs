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
            sort = if q.reverse {
                tr!(
                    lang,
                    "queue-sort-reversed",
                    sort = words::sort_label(lang, q.sort)
                )
            } else {
                tr!(
                    lang,
                    "queue-sort-forward",
                    sort = words::sort_label(lang, q.sort)
                )
            }
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

    // Every column but the name takes what it needs; the window column gives room first
    // (to its compact form), then the total due (its `Rp `), and only then are names cut,
    // with `…`. Room left once names are whole goes to the branch, then the product.
    let shown = q.cursor.window(area, q.view.len());
    let on_screen: Vec<usize> = q.view[shown].to_vec();
    let today = as_of;
    let widest = |cells: &mut dyn Iterator<Item = usize>, header: &str| {
        cells.max().unwrap_or(0).max(header.chars().count())
    };
    let bucket_cell = |i: usize| {
        if page.is_absent(i) {
            "—".to_string()
        } else {
            words::bucket_label(lang, q.bucket(i))
        }
    };
    let header_bucket = tr!(lang, "queue-col-bucket");
    let bucket_width = widest(
        &mut on_screen.iter().map(|&i| bucket_cell(i).chars().count()),
        &header_bucket,
    );
    // Before the due date the OD column says how soon, as the customer pane does.
    let od_cell = |i: usize| {
        let t = &q.tasks[i];
        match t.days_until_due(today) {
            Some(n) if q.bucket(i) == crate::domain::bucket::Bucket::PreDue => {
                tr!(lang, "queue-due-in-short", n = n)
            }
            _ => t.days_past_due(today).to_string(),
        }
    };
    let header_od = tr!(lang, "queue-col-overdue");
    let od_width = widest(
        &mut on_screen.iter().map(|&i| od_cell(i).chars().count()),
        &header_od,
    );
    let header_total = tr!(lang, "queue-col-total-due");
    let money_width = |m: Option<crate::domain::Money>| m.map_or(0, |m| m.rupiah().chars().count());
    let mut total_width = widest(
        &mut on_screen.iter().map(|&i| money_width(q.tasks[i].total_due)),
        &header_total,
    )
    .max(9);
    // The sort's own column is on screen: OSAR is shown when the queue is sorted by it.
    let header_osar = tr!(lang, "queue-col-osar");
    let osar_width = (q.sort == crate::domain::order::SortMode::Osar).then(|| {
        widest(
            &mut on_screen.iter().map(|&i| money_width(q.tasks[i].osar)),
            &header_osar,
        )
    });
    let local_cell = |i: usize, compact: bool| -> Line<'static> {
        page.window(i)
            .map(|(_, w)| {
                if let Some(m) = q.urgency(i).closing_in() {
                    let text = if compact {
                        tr!(lang, "queue-closes-short", minutes = m)
                    } else {
                        tr!(lang, "window-closes-in", minutes = m)
                    };
                    Line::styled(text, theme.warn())
                } else if w.callable {
                    Line::raw(format!("{} {}", crate::i18n::clock(lang, &w.local), w.zone))
                } else {
                    Line::raw(match &w.opening {
                        Some(o) if compact => {
                            let at = match o.day {
                                None => crate::i18n::clock(lang, &o.time),
                                Some(day) => crate::i18n::weekday_clock(lang, day, &o.time),
                            };
                            tr!(lang, "queue-opens-short", at = at)
                        }
                        Some(o) => format!("→{}", words::opening(lang, o, w.zone)),
                        None => tr!(lang, "queue-closed"),
                    })
                }
            })
            .unwrap_or_default()
    };
    let header_local = tr!(lang, "queue-col-local");
    let header_local_short = tr!(lang, "queue-col-local-short");
    let local_full = widest(
        &mut on_screen.iter().map(|&i| local_cell(i, false).width()),
        &header_local,
    );
    let local_compact = widest(
        &mut on_screen.iter().map(|&i| local_cell(i, true).width()),
        &header_local_short,
    );
    let name = |i: usize| name_line(page, cx, theme, i);
    let name_need = on_screen
        .iter()
        .map(|&i| name(i).width())
        .max()
        .unwrap_or(0)
        .clamp(12, crate::domain::result::CUST_NAME_MAX);
    // Mark, contacts, bucket, contract, OD and total due, with their gaps.
    let fixed = |total: usize| {
        1 + 2 + bucket_width + 15 + od_width + total + 6 + osar_width.map_or(0, |w| w + 1)
    };
    let inner = (area.width as usize).saturating_sub(2);
    let room = |total: usize, local: usize| inner.saturating_sub(fixed(total) + local + 1);
    let compact = room(total_width, local_full) < name_need;
    let local_width = if compact { local_compact } else { local_full };
    if room(total_width, local_width) < name_need {
        // Amounts without `Rp `: the header says they are rupiah.
        total_width = (total_width.saturating_sub(3)).max(header_total.chars().count());
    }
    let mut left = room(total_width, local_width);
    let name_width = name_need.min(left).max(1);
    left = left.saturating_sub(name_width);
    let branch_width = on_screen
        .iter()
        .map(|&i| Span::raw(sanitize(&q.tasks[i].branch_name).into_owned()).width())
        .max()
        .unwrap_or(0)
        .max(tr!(lang, "queue-col-branch").chars().count());
    let with_branch = left > branch_width;
    if with_branch {
        left -= branch_width + 1;
    }
    let with_product = left > 11;
    let product_width = left.saturating_sub(1);
    let local_header = if compact {
        header_local_short
    } else {
        header_local
    };

    let rows = on_screen.iter().map(|&i| {
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
        let money = |m: Option<crate::domain::Money>, width: usize| {
            Cell::from(
                Line::from(m.map(|m| m.rupiah_in(width)).unwrap_or_default())
                    .alignment(Alignment::Right),
            )
        };
        let mut cells = vec![
            Cell::from(mark),
            Cell::from(contacts_cell),
            Cell::from(bucket_cell(i)),
            Cell::from(sanitize(&t.contract_no).into_owned()),
            Cell::from(fit_line(name(i), name_width)),
            Cell::from(Line::from(od_cell(i)).alignment(Alignment::Right)),
            money(t.total_due, total_width),
        ];
        if let Some(w) = osar_width {
            cells.push(money(t.osar, w));
        }
        cells.push(Cell::from(local_cell(i, compact)));
        if with_branch {
            cells.push(Cell::from(sanitize(&t.branch_name).into_owned()));
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
        Constraint::Length(bucket_width as u16),
        Constraint::Length(15),
        Constraint::Length(name_width as u16),
        Constraint::Length(od_width as u16),
        Constraint::Length(total_width as u16),
    ];
    let mut header = vec![
        Line::raw(""),
        Line::raw(""),
        Line::raw(header_bucket),
        Line::raw(tr!(lang, "queue-col-contract")),
        Line::raw(tr!(lang, "queue-col-name")),
        Line::from(header_od).alignment(Alignment::Right),
        Line::from(header_total).alignment(Alignment::Right),
    ];
    if let Some(w) = osar_width {
        widths.push(Constraint::Length(w as u16));
        header.push(Line::from(header_osar).alignment(Alignment::Right));
    }
    widths.push(Constraint::Length(local_width as u16));
    header.push(Line::raw(local_header));
    if with_branch {
        widths.push(Constraint::Length(branch_width as u16));
        header.push(Line::raw(tr!(lang, "queue-col-branch")));
    }
    if with_product {
        widths.push(Constraint::Length(product_width as u16));
        header.push(Line::raw(tr!(lang, "queue-col-product")));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    render_table(frame, table, area, q.cursor);
}

/// A line cut to `width` columns, ending in `…` when it was longer (styles kept).
fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.width();
        if used + w < width {
            used += w;
            spans.push(span);
        } else {
            let text = crate::tui::view::fit(&span.content, width - used);
            spans.push(Span::styled(text, span.style));
            break;
        }
    }
    Line::from(spans)
}
