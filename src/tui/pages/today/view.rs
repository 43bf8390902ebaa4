use crate::domain::Money;
use crate::tr;
use crate::tui::layout;
use crate::tui::pages::Cx;
use crate::tui::view::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let s = super::summary(cx);
    let total: Money = s.ptp_total_due.parse().unwrap_or_default();
    let labels = [
        tr!(lang, "today-calls"),
        tr!(lang, "today-ptp"),
        tr!(lang, "today-ptp-total"),
        tr!(lang, "today-delivered"),
        tr!(lang, "today-waiting"),
        tr!(lang, "today-rejected"),
        tr!(lang, "today-uncertain"),
    ];
    let width = labels
        .iter()
        .map(|l| l.chars().count() + 2)
        .max()
        .unwrap_or(26)
        .max(26);
    let figure = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<width$}"), theme.label()),
            Span::styled(value, theme.figure()),
        ])
    };
    let mut left = vec![
        figure(&labels[0], s.calls.to_string()),
        figure(&labels[1], s.ptp_count.to_string()),
        figure(&labels[2], total.rupiah()),
        Line::raw(""),
        figure(&labels[3], s.delivered.to_string()),
        figure(&labels[4], s.waiting.to_string()),
        figure(&labels[5], s.rejected.to_string()),
        figure(&labels[6], s.uncertain.to_string()),
        Line::raw(""),
        Line::styled(tr!(lang, "today-by-action"), theme.label()),
    ];
    for (action, n) in &s.by_action {
        let description = cx.codes.action(action).map(|a| a.text(lang)).unwrap_or("");
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
            lines.push(Line::styled(
                format!("  {}", tr!(lang, "today-none")),
                theme.dim(),
            ));
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
        &tr!(lang, "today-due-today"),
        s.promises_due_today.iter().map(recorded).collect(),
    );
    right.extend(list(
        &tr!(lang, "today-due-tomorrow"),
        s.promises_due_tomorrow.iter().map(recorded).collect(),
    ));
    right.extend(list(
        &tr!(lang, "today-broken"),
        s.broken_promises
            .iter()
            .map(|b| {
                let owed = b.total_due.as_deref().and_then(|m| m.parse().ok());
                (b.account_no.clone(), b.name.clone(), owed)
            })
            .collect(),
    ));

    let block = Block::bordered()
        .title(Line::styled(
            format!(
                " {} ",
                tr!(
                    lang,
                    "today-title",
                    date = crate::i18n::date_long(lang, cx.clock.now_local().date())
                )
            ),
            theme.title(),
        ))
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
