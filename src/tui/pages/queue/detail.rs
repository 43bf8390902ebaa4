use super::QueuePage;
use crate::domain::Money;
use crate::domain::text::sanitize;
use crate::tui::pages::Cx;
use crate::tui::view::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

const LABEL: usize = 13;

fn money(m: Option<Money>) -> String {
    m.map(|m| m.rupiah()).unwrap_or_else(|| "—".into())
}

fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}

/// The selected task's customer.
pub fn draw(frame: &mut Frame, page: &QueuePage, cx: &Cx, theme: &Theme, area: Rect) {
    draw_task(frame, page, page.list.selected_index(), cx, theme, area);
}

/// The customer of the task at `index` of the list.
pub fn draw_task(
    frame: &mut Frame,
    page: &QueuePage,
    index: Option<usize>,
    cx: &Cx,
    theme: &Theme,
    area: Rect,
) {
    let block = Block::bordered()
        .title(" Customer ")
        .border_style(theme.border());
    let q = &page.list;
    let Some(i) = index else {
        frame.render_widget(Paragraph::new("No task selected.").block(block), area);
        return;
    };
    let t = &q.tasks[i];
    let s = |v: &str| sanitize(v).into_owned();
    let today = cx.clock.now_local().date();
    let days = t.days_past_due(today);
    let (overdue, overdue_style) = match t.days_until_due(today) {
        Some(n) => (format!("due in {n} days"), theme.figure()),
        None if days > 0 => (days.to_string(), theme.overdue()),
        None => ("0".to_string(), theme.figure()),
    };

    // The figures a collector scans first, then who and what.
    let figures = [
        ("Days overdue", overdue, overdue_style),
        ("Total due", money(t.total_due), theme.figure()),
        ("Penalty", money(t.penalty), theme.warn()),
        ("OSAR", money(t.osar), theme.figure()),
    ];
    let phones: Vec<String> = t.phones().map(s).collect();
    let facts = [
        (
            "Installment",
            format!(
                "{} · {} of {} · due {}",
                money(t.installment_amount()),
                t.installment_no(),
                or_dash(t.total_installments),
                or_dash(t.due_date)
            ),
            Style::new(),
        ),
        (
            "Last payment",
            format!(
                "{} on {} · tenor {} · was due {}",
                money(t.lastpaid_amount),
                or_dash(t.lastpaid_paymentdate),
                or_dash(t.lastpaid_tenor),
                or_dash(t.lastpaid_duedate.map(|d| d.date()))
            ),
            Style::new(),
        ),
        (
            "Phones",
            if phones.is_empty() {
                "none on file".into()
            } else {
                phones.join(" · ")
            },
            theme.figure(),
        ),
        (
            "Contract",
            format!("{} · customer {}", s(&t.contract_no), s(&t.customer_code)),
            Style::new(),
        ),
        (
            "Asset",
            format!("{} · {}", s(&t.asset), s(&t.product)),
            Style::new(),
        ),
        ("Payment", s(&t.payment_method), Style::new()),
        (
            "Branch",
            format!("{} · marketing {}", s(&t.branch_name), s(&t.marketing_name)),
            Style::new(),
        ),
        ("Address", s(&t.address), Style::new()),
    ];

    let mut lines = vec![Line::from(vec![
        Span::styled(s(&t.name), theme.title()),
        Span::raw("  "),
        Span::styled(format!("[{}]", q.bucket(i).describe()), theme.warn()),
        Span::styled(
            if q.is_done(i) {
                "  ✓ result recorded"
            } else {
                ""
            },
            theme.success(),
        ),
    ])];
    // Where the customer is in time: the window decides whether they may be called now.
    if let Some((zone, window)) = page.window(i) {
        let guess = match zone.source {
            crate::domain::zone::ZoneSource::Address => format!(" ({})", zone.place),
            crate::domain::zone::ZoneSource::Branch => {
                format!(" (guessed from branch {})", zone.place)
            }
            crate::domain::zone::ZoneSource::Default => " (zone unknown: WIB assumed)".to_string(),
        };
        let (state, style) = if window.callable {
            (format!("callable {}", window.note), theme.success())
        } else {
            (format!("closed: {}", window.note), theme.error())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13}", "Local time"), theme.label()),
            Span::raw(format!(
                "{} {}{guess} · ",
                window.local.format("%a %H:%M"),
                window.zone
            )),
            Span::styled(state, style),
        ]));
    }
    let contacts = cx.desk.contacts_today(&t.contract_no);
    let overrides: Vec<_> = cx
        .desk
        .contact_events
        .iter()
        .filter(|e| e.account_no == t.contract_no && e.kind == "override")
        .collect();
    if contacts > 0 || !overrides.is_empty() {
        let max = cx.settings.max_contacts_per_day;
        let style = if crate::domain::today::at_contact_limit(contacts, max) {
            theme.error()
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(format!("{:<13}", "Today"), theme.label()),
            Span::styled(format!("{contacts} of {max} contacts"), style),
        ];
        for o in overrides {
            spans.push(Span::styled(
                format!(
                    " · override {} ({})",
                    o.at.get(11..16).unwrap_or(&o.at),
                    s(&o.reason)
                ),
                theme.warn(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let field = |label: &str, value: String, style: Style, width: usize| {
        vec![
            Span::styled(format!("{label:<LABEL$}"), theme.label()),
            Span::styled(format!("{value:<width$}"), style),
        ]
    };
    let inner = area.width.saturating_sub(2) as usize;
    if inner >= 2 * (LABEL + 18) + 2 {
        // Two figures a line when they fit.
        for pair in figures.chunks(2) {
            let mut spans = field(pair[0].0, pair[0].1.clone(), pair[0].2, 18);
            spans.push(Span::raw("  "));
            spans.extend(field(pair[1].0, pair[1].1.clone(), pair[1].2, 0));
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(
            figures
                .iter()
                .map(|(l, v, st)| Line::from(field(l, v.clone(), *st, 0))),
        );
    }
    lines.extend(
        facts[..3]
            .iter()
            .map(|(l, v, st)| Line::from(field(l, v.clone(), *st, 0))),
    );

    // What was recorded here before, right under the figures: promises, then the timeline.
    if let Some(p) = cx.desk.promises.latest.get(t.contract_no.as_str()) {
        let (note, style) = if q.bucket(i) == crate::domain::bucket::Bucket::BrokenPromise {
            ("broken", theme.error())
        } else if cx.desk.promises.due_soon.contains(t.contract_no.as_str()) {
            ("due now", theme.warn())
        } else {
            ("", Style::new())
        };
        lines.push(Line::from(field(
            "Promise",
            format!("{} {note}", p.promise_date),
            style,
            0,
        )));
    }
    let history: Vec<_> = cx.desk.history(&t.contract_no).take(4).collect();
    if !history.is_empty() {
        lines.push(Line::styled("History", theme.label()));
        for item in history {
            let promise = item
                .promise_date
                .as_deref()
                .map(|p| format!(" → {p}"))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "  {} ",
                    item.call_time.get(5..16).unwrap_or(&item.call_time)
                )),
                Span::raw(format!(
                    "{} {}{promise} ",
                    item.action_code, item.result_code
                )),
                Span::styled(
                    item.state.as_str(),
                    crate::tui::view::state_style(theme, item.state),
                ),
                Span::styled(
                    format!(" · {} · {}", s(&item.agent_id), s(&item.remark)),
                    theme.dim(),
                ),
            ]));
        }
    }
    lines.extend(
        facts[3..]
            .iter()
            .map(|(l, v, st)| Line::from(field(l, v.clone(), *st, 0))),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
