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
    let list = |title: &str, accounts: &[String]| {
        let mut lines = vec![Line::styled(
            format!("{title} ({})", accounts.len()),
            theme.label(),
        )];
        if accounts.is_empty() {
            lines.push(Line::styled("  none", theme.dim()));
        }
        for a in accounts {
            // The name recorded with the account's latest result.
            let name = cx
                .desk
                .history(a)
                .next()
                .map(|i| i.result.cust_name.as_str())
                .unwrap_or("");
            lines.push(Line::raw(format!(
                "  {a}  {}",
                crate::domain::text::sanitize(name)
            )));
        }
        lines.push(Line::raw(""));
        lines
    };
    let mut right = list("Promises due today", &s.promises_due_today);
    right.extend(list("Promises due tomorrow", &s.promises_due_tomorrow));
    right.extend(list(
        "Broken promises (back in the queue)",
        &s.broken_promises,
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
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(right).wrap(Wrap { trim: false }), r);
}
