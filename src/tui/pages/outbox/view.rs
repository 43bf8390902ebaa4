use super::OutboxPage;
use crate::domain::outbox::DeliveryState;
use crate::domain::text::sanitize;
use crate::i18n::words;
use crate::tr;
use crate::tui::layout::Areas;
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, fit, state_style};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

pub fn draw(frame: &mut Frame, page: &OutboxPage, cx: &Cx, theme: &Theme, areas: &Areas) {
    let lang = cx.settings.lang;
    let o = cx.desk;
    let c = &o.counts;
    let (list, detail) = (areas.outbox_list, areas.outbox_detail);
    let title = format!(
        " {} ",
        tr!(
            lang,
            "outbox-title",
            position = page.cursor.position(o.items.len(), lang),
            delivered = c.delivered,
            waiting = c.waiting(),
            rejected = c.rejected,
            uncertain = c.uncertain
        )
    );
    let title = fit(&title, list.width.saturating_sub(2) as usize);
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());
    if o.items.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!(lang, "outbox-empty"))
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center)
                .block(block),
            list,
        );
        return;
    }
    let rows = o.items[page.cursor.window(list, o.items.len())]
        .iter()
        .map(|item| {
            Row::new(vec![
                Cell::from(Line::from(format!("#{}", item.id)).alignment(Alignment::Right)),
                Cell::from(Line::styled(
                    words::state(lang, item.state),
                    state_style(theme, item.state),
                )),
                Cell::from(sanitize(&item.account_no).into_owned()),
                Cell::from(sanitize(&item.result.cust_name).into_owned()),
                Cell::from(format!("{} {}", item.action_code, item.result_code)),
                Cell::from(
                    item.call_time
                        .get(5..16)
                        .unwrap_or(&item.call_time)
                        .to_string(),
                ),
                Cell::from(Line::from(item.attempts.to_string()).alignment(Alignment::Right)),
                // A delivered result's earlier failure is history, not its state.
                Cell::from(if item.state == DeliveryState::Delivered {
                    String::new()
                } else {
                    sanitize(&words::stored_reason(
                        lang,
                        item.last_error.as_deref().unwrap_or(""),
                    ))
                    .into_owned()
                }),
            ])
        });
    let header = [
        tr!(lang, "outbox-col-id"),
        tr!(lang, "outbox-col-state"),
        tr!(lang, "outbox-col-account"),
        tr!(lang, "outbox-col-name"),
        tr!(lang, "outbox-col-result"),
        tr!(lang, "outbox-col-called"),
        tr!(lang, "outbox-col-tries"),
        tr!(lang, "outbox-col-last-error"),
    ];
    // A column is as wide as its header and its longest state word.
    let wide = |i: usize, least: usize| header[i].chars().count().max(least) as u16;
    let state_width = DeliveryState::ALL
        .iter()
        .map(|s| words::state(lang, *s).chars().count())
        .max()
        .unwrap_or(9);
    let table = Table::new(
        rows,
        [
            Constraint::Length(wide(0, 6)),
            Constraint::Length(wide(1, state_width)),
            Constraint::Length(wide(2, 15)),
            Constraint::Fill(2),
            Constraint::Length(wide(4, 11)),
            Constraint::Length(wide(5, 11)),
            Constraint::Length(wide(6, 3)),
            Constraint::Fill(3),
        ],
    )
    .header(Row::new(header).style(theme.label()))
    .column_spacing(1)
    .row_highlight_style(theme.selected())
    .block(block);
    render_table(frame, table, list, page.cursor);

    let text = match page.selected(o) {
        Some(item) => {
            let promise = item
                .promise_date
                .as_deref()
                .map(|p| format!(" · {}", tr!(lang, "outbox-promise", date = p)))
                .unwrap_or_default();
            // Who answered, the amount promised and the callback agreed.
            let party = words::result_extras(lang, item, cx.clock.offset());
            let by = item
                .delivered_by
                .as_deref()
                .map(|b| format!(" ({})", tr!(lang, "outbox-by", who = b)))
                .unwrap_or_default();
            let server = item
                .server_message
                .as_deref()
                .map(|m| {
                    format!(
                        " · {}",
                        tr!(
                            lang,
                            "outbox-server",
                            code = item.server_code.as_deref().unwrap_or(""),
                            message = sanitize(m)
                        )
                    )
                })
                .unwrap_or_default();
            let hint = o
                .left_list_hint(item)
                .map(|_| format!("{} ", tr!(lang, "outbox-left-list-hint")))
                .unwrap_or_default();
            let refused_90 =
                crate::domain::outbox::may_be_stored_although_refused(item.server_code.as_deref());
            let advice = match item.state {
                DeliveryState::Uncertain => tr!(lang, "outbox-advice-uncertain"),
                DeliveryState::Rejected if refused_90 => tr!(lang, "outbox-advice-refused-90"),
                DeliveryState::Rejected => tr!(lang, "outbox-advice-rejected"),
                DeliveryState::Queued => tr!(lang, "outbox-advice-queued"),
                _ => String::new(),
            };
            format!(
                "#{} {}{by} · {} · {} {}{party}{promise} · {}{server}\n{hint}{advice}",
                item.id,
                words::state(lang, item.state),
                tr!(lang, "outbox-called", time = &item.call_time),
                item.action_code,
                item.result_code,
                tr!(lang, "outbox-remark", remark = sanitize(&item.remark)),
            )
        }
        None => String::new(),
    };
    // A long detail (a long remark, a server's message) grows up over the list's empty rows
    // rather than being cut.
    let inner_width = detail.width.saturating_sub(2).max(1) as usize;
    let needed = text
        .lines()
        .map(|l| {
            (ratatui::text::Span::raw(l).width() * 11 / 10)
                .div_ceil(inner_width)
                .max(1)
        })
        .sum::<usize>() as u16
        + 2;
    let list_used = list.y + 3 + o.items.len().min(u16::MAX as usize) as u16;
    let top = detail
        .bottom()
        .saturating_sub(needed)
        .max(list_used)
        .min(detail.y);
    let detail = ratatui::layout::Rect {
        y: top,
        height: detail.bottom() - top,
        ..detail
    };
    frame.render_widget(ratatui::widgets::Clear, detail);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border())),
        detail,
    );
}
