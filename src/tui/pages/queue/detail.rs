use super::QueuePage;
use crate::domain::Money;
use crate::domain::text::sanitize;
use crate::i18n::words;
use crate::tr;
use crate::tui::pages::Cx;
use crate::tui::view::Theme;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The narrowest the label column gets (the widest label of the language and a space decide).
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
    let lang = cx.settings.lang;
    let block = Block::bordered()
        .title(format!(" {} ", tr!(lang, "customer-title")))
        .border_style(theme.border());
    let q = &page.list;
    let Some(i) = index else {
        frame.render_widget(
            Paragraph::new(tr!(lang, "customer-none")).block(block),
            area,
        );
        return;
    };
    let t = &q.tasks[i];
    let s = |v: &str| sanitize(v).into_owned();
    // A kept list of an earlier day: its figures are that day's, and say so.
    let now_day = cx.clock.now_local().date();
    let as_of = page.as_of(now_day);
    let days = t.days_past_due(as_of);
    let (overdue, overdue_style) = match t.days_until_due(as_of) {
        Some(n) => (tr!(lang, "customer-due-in", n = n), theme.figure()),
        None if days > 0 => (days.to_string(), theme.overdue()),
        // The server gave neither its overdue nor a due date: said, never "0".
        None if t.overdue.is_none() && t.due_date.is_none() => {
            (tr!(lang, "customer-not-given"), theme.dim())
        }
        None => ("0".to_string(), theme.figure()),
    };

    // The figures a collector scans first, then who and what.
    let figures = [
        (tr!(lang, "customer-days-overdue"), overdue, overdue_style),
        (
            tr!(lang, "customer-total-due"),
            money(t.total_due),
            theme.figure(),
        ),
        (
            tr!(lang, "customer-penalty"),
            money(t.penalty),
            theme.warn(),
        ),
        (tr!(lang, "customer-osar"), money(t.osar), theme.figure()),
    ];
    // A phone of only zeros is no number: left out here (the phone picker says why).
    let phones: Vec<String> = t
        .phones()
        .filter(|p| !p.chars().all(|c| c == '0'))
        .map(s)
        .collect();
    let facts = [
        (
            tr!(lang, "customer-installment"),
            tr!(
                lang,
                "customer-installment-value",
                amount = money(t.installment_amount()),
                no = t.installment_no(),
                of = or_dash(t.total_installments),
                due = or_dash(t.due_date)
            ),
            Style::new(),
        ),
        (
            tr!(lang, "customer-last-payment"),
            if t.lastpaid_amount.is_none()
                && t.lastpaid_paymentdate.is_none()
                && t.lastpaid_tenor.is_none()
                && t.lastpaid_duedate.is_none()
            {
                tr!(lang, "customer-not-given")
            } else {
                tr!(
                    lang,
                    "customer-last-payment-value",
                    amount = money(t.lastpaid_amount),
                    on = or_dash(t.lastpaid_paymentdate),
                    tenor = or_dash(t.lastpaid_tenor),
                    due = or_dash(t.lastpaid_duedate.map(|d| d.date()))
                )
            },
            Style::new(),
        ),
        (
            tr!(lang, "customer-phones"),
            if phones.is_empty() {
                format!("— {}", tr!(lang, "customer-no-phones"))
            } else {
                phones.join(" · ")
            },
            theme.figure(),
        ),
        (
            tr!(lang, "customer-contract"),
            tr!(
                lang,
                "customer-contract-value",
                contract = s(&t.contract_no),
                customer = s(&t.customer_code)
            ),
            Style::new(),
        ),
        (
            tr!(lang, "customer-asset"),
            format!("{} · {}", s(&t.asset), s(&t.product)),
            Style::new(),
        ),
        (
            tr!(lang, "customer-payment"),
            s(&t.payment_method),
            Style::new(),
        ),
        (
            tr!(lang, "customer-branch"),
            {
                let branch = Some(s(&t.branch_name)).filter(|b| !b.trim().is_empty());
                match (branch, s(&t.marketing_name)) {
                    (None, m) if m.trim().is_empty() => tr!(lang, "customer-not-given"),
                    (b, m) if m.trim().is_empty() => b.unwrap_or_default(),
                    (b, m) => tr!(
                        lang,
                        "customer-branch-value",
                        branch = b.unwrap_or_else(|| "—".into()),
                        marketing = m
                    ),
                }
            },
            Style::new(),
        ),
        (tr!(lang, "customer-address"), s(&t.address), Style::new()),
    ];
    let label_texts = [
        tr!(lang, "customer-local-time"),
        tr!(lang, "customer-today"),
        tr!(lang, "customer-promise"),
    ];
    // Every label and a space: Indonesian labels are longer.
    let label_width = figures
        .iter()
        .map(|f| &f.0)
        .chain(facts.iter().map(|f| &f.0))
        .chain(label_texts.iter())
        .map(|l| l.chars().count() + 1)
        .max()
        .unwrap_or(LABEL)
        .max(LABEL);

    let bucket = if page.is_absent(i) {
        tr!(lang, "customer-not-in-list")
    } else {
        words::bucket_describe(lang, q.bucket(i))
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(s(&t.name), theme.title()),
        Span::raw("  "),
        Span::styled(format!("[{bucket}]"), theme.warn()),
        Span::styled(
            if q.is_done(i) {
                format!("  ✓ {}", tr!(lang, "customer-recorded"))
            } else {
                String::new()
            },
            theme.success(),
        ),
    ])];
    // Where the customer is in time: the window decides whether they may be called now.
    if let Some((zone, window)) = page.window(i) {
        let guess = match zone.source {
            crate::domain::zone::ZoneSource::Address => format!(" ({})", zone.place),
            crate::domain::zone::ZoneSource::Branch => {
                format!(
                    " ({})",
                    tr!(lang, "customer-zone-branch", place = &*zone.place)
                )
            }
            crate::domain::zone::ZoneSource::Default => {
                format!(" ({})", tr!(lang, "customer-zone-unknown"))
            }
        };
        let mut note = words::window_note(lang, window);
        if let Some(m) = q.urgency(i).closing_in() {
            note.push_str(" · ");
            note.push_str(&tr!(lang, "window-closes-in", minutes = m));
        }
        let (state, style) = if window.callable {
            (tr!(lang, "customer-callable", note = note), theme.success())
        } else {
            (tr!(lang, "customer-closed", note = note), theme.error())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<label_width$}", label_texts[0]), theme.label()),
            Span::raw(format!(
                "{} {}{guess} · ",
                crate::i18n::weekday_clock(lang, window.local.weekday(), &window.local),
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
            Span::styled(format!("{:<label_width$}", label_texts[1]), theme.label()),
            Span::styled(
                tr!(lang, "customer-contacts", n = contacts, max = max),
                style,
            ),
        ];
        for o in overrides {
            let at = o.at.get(11..16).unwrap_or(&o.at);
            let at = match lang {
                crate::i18n::Lang::Id => at.replace(':', "."),
                crate::i18n::Lang::En => at.to_string(),
            };
            spans.push(Span::styled(
                format!(
                    " · {}",
                    tr!(lang, "customer-override", at = at, reason = s(&o.reason))
                ),
                theme.warn(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let field = |label: &str, value: String, style: Style, width: usize| {
        vec![
            Span::styled(format!("{label:<label_width$}"), theme.label()),
            Span::styled(format!("{value:<width$}"), style),
        ]
    };
    if as_of < now_day {
        lines.push(Line::styled(
            tr!(
                lang,
                "customer-as-of",
                day = crate::i18n::date_short(lang, as_of)
            ),
            theme.warn(),
        ));
    }
    let inner = area.width.saturating_sub(2) as usize;
    if inner >= 2 * (label_width + 18) + 2 {
        // Two figures a line when they fit.
        for pair in figures.chunks(2) {
            let mut spans = field(&pair[0].0, pair[0].1.clone(), pair[0].2, 18);
            spans.push(Span::raw("  "));
            spans.extend(field(&pair[1].0, pair[1].1.clone(), pair[1].2, 0));
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
            (tr!(lang, "customer-promise-broken"), theme.error())
        } else if cx.desk.promises.due_soon.contains(t.contract_no.as_str()) {
            (tr!(lang, "customer-promise-due"), theme.warn())
        } else {
            (String::new(), Style::new())
        };
        lines.push(Line::from(field(
            &label_texts[2],
            format!("{} {note}", p.promise_date),
            style,
            0,
        )));
    }
    let history: Vec<_> = cx.desk.history(&t.contract_no).take(4).collect();
    if !history.is_empty() {
        lines.push(Line::styled(tr!(lang, "customer-history"), theme.label()));
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
                    "{} {}{promise}{} ",
                    item.action_code,
                    item.result_code,
                    words::result_extras(lang, item, cx.clock.offset())
                )),
                Span::styled(
                    words::state(lang, item.state),
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
    // Long values wrap under themselves, not under the labels.
    crate::tui::view::draw_hanging(frame, lines, block, area, label_width);
}
