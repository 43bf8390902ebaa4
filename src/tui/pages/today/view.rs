use crate::domain::Money;
use crate::tui::layout;
use crate::tui::pages::Cx;
use crate::tui::view::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, cx: &Cx, theme: &Theme, area: Rect) {
    let s = super::summary(cx);
    let total: Money = s.ptp_total_due.parse().unwrap_or_default();
    let figure = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<26}"), theme.label()),
            Span::styled(value, theme.figure()),
        ])
    };
    let mut left = vec![
        figure("Calls recorded", s.calls.to_string()),
        figure("Promises to pay taken", s.ptp_count.to_string()),
        figure("Total due under promise", total.rupiah()),
        Line::raw(""),
        figure("Delivered", s.delivered.to_string()),
        figure("Waiting to be sent", s.waiting.to_string()),
        figure("Rejected", s.rejected.to_string()),
        figure("Uncertain", s.uncertain.to_string()),
        Line::raw(""),
        Line::styled("By action", theme.label()),
    ];
    for (action, n) in &s.by_action {
        let description = cx
            .codes
            .action(action)
            .map(|a| a.description.as_str())
            .unwrap_or("");
        left.push(Line::raw(format!("  {action:<6} {n:>4}  {description}")));
    }
    // A promise as the agent recorded it: the name and what the account owed then.
    let recorded = |a: &String| {
        let latest = cx.desk.history(a).next();
        let name = latest
            .map(|i| i.result.cust_name.clone())
            .unwrap_or_default();
        let owed = latest.and_then(|i| i.total_due.as_deref()?.parse::<Money>().ok());
        (a.clone(), name, owed)
    };
    let list = |title: &str, rows: Vec<(String, String, Option<Money>)>| {
        let mut lines = vec![Line::styled(
            format!("{title} ({})", rows.len()),
            theme.label(),
        )];
        if rows.is_empty() {
            lines.push(Line::styled("  none", theme.dim()));
        }
        for (account, name, owed) in rows {
            let owed = owed
                .map(|m| format!("  {}", m.rupiah()))
                .unwrap_or_default();
            lines.push(Line::raw(format!(
                "  {account}  {}{owed}",
                crate::domain::text::sanitize(&name)
            )));
        }
        lines.push(Line::raw(""));
        lines
    };
    let mut right = list(
        "Promises due today",
        s.promises_due_today.iter().map(recorded).collect(),
    );
    right.extend(list(
        "Promises due tomorrow",
        s.promises_due_tomorrow.iter().map(recorded).collect(),
    ));
    right.extend(list(
        "Broken promises (back in the queue)",
        s.broken_promises
            .iter()
            .map(|b| {
                let owed = b.total_due.as_deref().and_then(|m| m.parse().ok());
                (b.account_no.clone(), b.name.clone(), owed)
            })
            .collect(),
    ));

    let block = Block::bordered()
        .title(Line::styled(format!(" Today · {} ", s.date), theme.title()))
        .border_style(theme.border_focus());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [l, r] = if inner.width >= 90 {
        layout::columns(inner, 45)
    } else {
        layout::rows(inner, left.len() as u16)
    };
    frame.render_widget(Paragraph::new(left).wrap(Wrap { trim: false }), l);
    frame.render_widget(Paragraph::new(right).wrap(Wrap { trim: false }), r);
}
