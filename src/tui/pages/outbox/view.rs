use super::OutboxPage;
use crate::domain::outbox::DeliveryState;
use crate::domain::text::sanitize;
use crate::tui::layout::Areas;
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, state_style};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

pub fn draw(frame: &mut Frame, page: &OutboxPage, cx: &Cx, theme: &Theme, areas: &Areas) {
    let o = cx.desk;
    let c = &o.counts;
    let title = format!(
        " Outbox · {} · {} delivered · {} waiting · {} rejected · {} uncertain ",
        page.cursor.position(o.items.len()),
        c.delivered,
        c.waiting(),
        c.rejected,
        c.uncertain
    );
    let (list, detail) = (areas.outbox_list, areas.outbox_detail);
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());
    if o.items.is_empty() {
        frame.render_widget(
            Paragraph::new("No results recorded yet. Every result you submit is saved here first.")
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
                    item.state.as_str(),
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
                Cell::from(sanitize(item.last_error.as_deref().unwrap_or("")).into_owned()),
            ])
        });
    let table = Table::new(
        rows,
        [
            Constraint::Length(6),
            Constraint::Length(9),
            Constraint::Length(15),
            Constraint::Fill(2),
            Constraint::Length(11),
            Constraint::Length(11),
            Constraint::Length(3),
            Constraint::Fill(3),
        ],
    )
    .header(
        Row::new([
            "ID",
            "STATE",
            "ACCOUNT",
            "NAME",
            "RESULT",
            "CALLED",
            "TRY",
            "LAST ERROR",
        ])
        .style(theme.label()),
    )
    .column_spacing(1)
    .row_highlight_style(theme.selected())
    .block(block);
    render_table(frame, table, list, page.cursor);

    let text = match page.selected(o) {
        Some(item) => {
            let promise = item
                .promise_date
                .as_deref()
                .map(|p| format!(" · promise {p}"))
                .unwrap_or_default();
            let by = item
                .delivered_by
                .as_deref()
                .map(|b| format!(" (by {b})"))
                .unwrap_or_default();
            let server = item
                .server_message
                .as_deref()
                .map(|m| {
                    format!(
                        " · server: {} {}",
                        item.server_code.as_deref().unwrap_or(""),
                        sanitize(m)
                    )
                })
                .unwrap_or_default();
            let hint = o
                .left_list_hint(item)
                .map(|h| format!("Hint: {h}. "))
                .unwrap_or_default();
            let refused_90 =
                crate::domain::outbox::may_be_stored_although_refused(item.server_code.as_deref());
            format!(
                "#{} {}{by} · called {} · {} {}{promise} · remark: {}{server}\n{hint}{}",
                item.id,
                item.state,
                item.call_time,
                item.action_code,
                item.result_code,
                sanitize(&item.remark),
                match item.state {
                    DeliveryState::Uncertain =>
                        "No answer came: it may be on the server. R sends again (a duplicate if it arrived), D marks it delivered once you know the server has it.",
                    DeliveryState::Rejected if refused_90 =>
                        "Refused with 90, which the server also answers after storing it: check before R sends it again (it asks). e edits, x discards.",
                    DeliveryState::Rejected =>
                        "The server refused it. e edits and sends the correction, R sends it unchanged, x discards it.",
                    DeliveryState::Queued =>
                        "Waiting to be sent; it is retried in the background. R sends it now.",
                    _ => "",
                }
            )
        }
        None => String::new(),
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border())),
        detail,
    );
}
