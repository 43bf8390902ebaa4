use crate::domain::Money;
use crate::domain::today::TodaySummary;
use crate::i18n::words::{self, Figure};
use crate::tr;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, hang};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};

/// From this inner width the delivery states stand beside the figures, the actions are
/// described, and the promises are listed one account a line.
const WIDE: u16 = 100;
/// The hours the chart always shows (the calling window, 08:00 to 20:00); hours with calls
/// outside them are added.
const HOURS: std::ops::RangeInclusive<usize> = 8..=19;
/// Each hour's bar, and the gap after it.
/// Bar and gap widths of the hourly chart, widest first: the narrower ones are used when the
/// hours shown (an early or late call adds some) would leave "by action" no room.
const BAR_SHAPES: [(u16, u16); 3] = [(3, 1), (3, 0), (2, 0)];
/// The narrowest "by action" column: one `  CODE    n` entry.
const ACTIONS_MIN: u16 = 12;
/// The chart's title line, its bars, and the hours under them.
const CHART_HEIGHT: u16 = 6;

pub fn draw(frame: &mut Frame, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let s = super::summary(cx);
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
    let wide = inner.width >= WIDE;

    let figures = figure_lines(&words::figures(lang, &s), theme, inner.width as usize);
    let figures_width = figures.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let states_width = if wide {
        inner.width.saturating_sub(figures_width)
    } else {
        inner.width
    };
    let states = state_lines(cx, &s, theme, wide, states_width as usize);
    let top_height = if wide {
        figures.len().max(states.len())
    } else {
        figures.len() + states.len()
    } as u16;
    // 80x24 has no line to spare under the chart.
    let [top, _, middle, _, bottom] = Layout::vertical([
        Constraint::Length(top_height),
        Constraint::Length(u16::from(wide)),
        Constraint::Length(CHART_HEIGHT),
        Constraint::Length(u16::from(wide)),
        Constraint::Min(0),
    ])
    .areas(inner);

    if wide {
        let [l, r] =
            Layout::horizontal([Constraint::Length(figures_width), Constraint::Min(0)]).areas(top);
        frame.render_widget(Paragraph::new(figures), l);
        frame.render_widget(Paragraph::new(states), r);
    } else {
        let mut lines = figures;
        lines.extend(states);
        frame.render_widget(Paragraph::new(lines), top);
    }

    let hours = hours_shown(&s.calls_by_hour);
    let n = hours.clone().count() as u16;
    let actions_min = ACTIONS_MIN.max(Line::raw(tr!(lang, "today-by-action")).width() as u16);
    let width_of = |(bar, gap): (u16, u16)| n * (bar + gap) + 2;
    let shape = BAR_SHAPES
        .into_iter()
        .find(|s| width_of(*s) + actions_min <= middle.width)
        .unwrap_or(BAR_SHAPES[BAR_SHAPES.len() - 1]);
    let [chart, actions] =
        Layout::horizontal([Constraint::Length(width_of(shape)), Constraint::Min(0)]).areas(middle);
    draw_chart(frame, &s, hours, shape, theme, chart, lang);
    frame.render_widget(
        Paragraph::new(action_lines(cx, &s, theme, wide, actions.width as usize)),
        actions,
    );
    frame.render_widget(
        Paragraph::new(promise_lines(cx, &s, theme, wide, bottom.width as usize))
            .wrap(Wrap { trim: false }),
        bottom,
    );
}

/// Each figure on a line: its label, its value, and how it is computed (dim), wrapping under
/// the formula when the screen is too narrow for it.
fn figure_lines(figures: &[Figure], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let label_width = figures
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let value_width = figures
        .iter()
        .map(|f| f.value.chars().count())
        .max()
        .unwrap_or(0);
    figures
        .iter()
        .flat_map(|f| {
            let line = Line::from(vec![
                Span::styled(format!("{:<label_width$}", f.label), theme.label()),
                Span::styled(format!("{:>value_width$}  ", f.value), theme.figure()),
                Span::styled(f.how.clone(), theme.dim()),
            ]);
            hang(line, width, label_width + value_width + 2)
        })
        .collect()
}

/// Where today's results stand: a line each beside the figures, or one line under them.
fn state_lines(
    cx: &Cx,
    s: &TodaySummary,
    theme: &Theme,
    wide: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    if !wide {
        // Promises taken and the total due under them keep a line at 80 columns too.
        let total = crate::domain::money::shown_figure(&s.ptp_total_due);
        let ptp = format!(
            "{} {} · {} ",
            tr!(lang, "today-ptp"),
            s.ptp_count,
            tr!(lang, "today-ptp-total")
        );
        let room = width.saturating_sub(Span::raw(ptp.as_str()).width());
        return vec![
            Line::from(vec![
                Span::styled(ptp, theme.label()),
                Span::styled(
                    crate::domain::money::fit_amount(&total, room),
                    theme.figure(),
                ),
            ]),
            Line::styled(
                tr!(
                    lang,
                    "today-states",
                    delivered = s.delivered,
                    waiting = s.waiting,
                    rejected = s.rejected,
                    uncertain = s.uncertain
                ),
                theme.label(),
            ),
        ];
    }
    let rows = [
        (tr!(lang, "today-ptp"), s.ptp_count.to_string()),
        (
            tr!(lang, "today-ptp-total"),
            crate::domain::money::shown_figure(&s.ptp_total_due),
        ),
        (tr!(lang, "today-delivered"), s.delivered.to_string()),
        (tr!(lang, "today-waiting"), s.waiting.to_string()),
        (tr!(lang, "today-rejected"), s.rejected.to_string()),
        (tr!(lang, "today-uncertain"), s.uncertain.to_string()),
    ];
    let label_width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    // Money keeps every digit: `Rp ` goes first, then it ends in `…`, never cut silently.
    let room = width.saturating_sub(label_width);
    rows.into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(format!("{label:<label_width$}"), theme.label()),
                Span::styled(
                    crate::domain::money::fit_amount(&value, room),
                    theme.figure(),
                ),
            ])
        })
        .collect()
}

/// The hours the chart shows: the calling window, and any other hour with calls.
fn hours_shown(by_hour: &[usize]) -> std::ops::RangeInclusive<usize> {
    let called = || {
        by_hour
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(h, _)| h)
    };
    let first = called().min().unwrap_or(*HOURS.start()).min(*HOURS.start());
    let last = called().max().unwrap_or(*HOURS.end()).max(*HOURS.end());
    first..=last
}

/// Calls per hour of the agent's clock, a bar each, the count on the bar.
fn draw_chart(
    frame: &mut Frame,
    s: &TodaySummary,
    hours: std::ops::RangeInclusive<usize>,
    (bar, gap): (u16, u16),
    theme: &Theme,
    area: Rect,
    lang: crate::i18n::Lang,
) {
    let [title, bars] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(tr!(lang, "today-by-hour"), theme.label())),
        title,
    );
    let data: Vec<Bar> = hours
        .map(|h| {
            let n = s.calls_by_hour.get(h).copied().unwrap_or(0);
            Bar::new(n as u64).label(Line::from(format!("{h:02}")))
        })
        .collect();
    let max = s.calls_by_hour.iter().copied().max().unwrap_or(0).max(1);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&data))
        .bar_width(bar)
        .bar_gap(gap)
        .max(max as u64)
        .bar_style(theme.figure())
        .value_style(theme.selected())
        .label_style(theme.dim());
    frame.render_widget(chart, bars);
}

/// Calls by action: a line each with the code's description when wide, else the codes and
/// counts side by side, as many as fit in `width`.
fn action_lines(
    cx: &Cx,
    s: &TodaySummary,
    theme: &Theme,
    wide: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let mut lines = vec![Line::styled(tr!(lang, "today-by-action"), theme.label())];
    if wide {
        for (action, n) in &s.by_action {
            let description = cx.codes.action(action).map(|a| a.text(lang)).unwrap_or("");
            lines.push(Line::raw(format!("  {action:<6} {n:>4}  {description}")));
        }
        return lines;
    }
    let entries: Vec<String> = s
        .by_action
        .iter()
        .map(|(action, n)| format!("  {action:<6} {n:>4}"))
        .collect();
    let entry = entries.iter().map(|e| e.chars().count()).max().unwrap_or(1);
    let per_line = (width / entry).max(1);
    for chunk in entries.chunks(per_line) {
        lines.push(Line::raw(chunk.concat()));
    }
    lines
}

/// One line of a promise list: the account, the name, the amount that list is about (what
/// was promised; for the broken-promise bucket, what the account owes) and, where there is
/// room, the total due beside a promise.
struct PromiseRow {
    account: String,
    name: String,
    amount: Option<Money>,
    total_due: Option<Money>,
}

/// The promises due today and tomorrow and the broken-promise bucket: an account a line, with
/// the name and the amount, when wide; else each list on a line of its own, accounts only.
fn promise_lines(
    cx: &Cx,
    s: &TodaySummary,
    theme: &Theme,
    wide: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let money = |m: &Option<String>| m.as_deref().and_then(|m| m.parse::<Money>().ok());
    let promised = |p: &crate::domain::today::DuePromise| PromiseRow {
        account: p.account_no.clone(),
        name: p.name.clone(),
        amount: money(&p.promised_amount),
        total_due: money(&p.total_due),
    };
    let lists: [(String, Vec<PromiseRow>); 3] = [
        (
            tr!(lang, "today-due-today"),
            s.promises_due_today.iter().map(promised).collect(),
        ),
        (
            tr!(lang, "today-due-tomorrow"),
            s.promises_due_tomorrow.iter().map(promised).collect(),
        ),
        (
            tr!(lang, "today-broken"),
            s.broken_promises
                .iter()
                .map(|b| PromiseRow {
                    account: b.account_no.clone(),
                    name: b.name.clone(),
                    amount: money(&b.total_due),
                    total_due: None,
                })
                .collect(),
        ),
    ];
    let mut lines = Vec::new();
    for (title, rows) in lists {
        let heading = Span::styled(format!("{title} ({})", rows.len()), theme.label());
        if !wide {
            // As many accounts as the line holds, then how many more: never cut silently.
            let listed = if rows.is_empty() {
                Span::styled(tr!(lang, "today-none"), theme.dim())
            } else {
                let room = width.saturating_sub(heading.width() + 2);
                let mut shown = String::new();
                for (i, r) in rows.iter().enumerate() {
                    let more = format!(" … {}", tr!(lang, "today-more", n = rows.len() - i - 1));
                    let next = if shown.is_empty() {
                        r.account.clone()
                    } else {
                        format!("{shown} {}", r.account)
                    };
                    let last = i + 1 == rows.len();
                    if next.chars().count() + if last { 0 } else { more.chars().count() } > room {
                        let rest = rows.len() - i;
                        shown.push_str(&format!(" … {}", tr!(lang, "today-more", n = rest)));
                        break;
                    }
                    shown = next;
                }
                Span::raw(shown.trim_start().to_string())
            };
            lines.push(Line::from(vec![heading, Span::raw(": "), listed]));
            continue;
        }
        lines.push(Line::from(heading));
        if rows.is_empty() {
            lines.push(Line::styled(
                format!("  {}", tr!(lang, "today-none")),
                theme.dim(),
            ));
        }
        for row in rows {
            let name = crate::domain::text::sanitize(&row.name).into_owned();
            let lead = format!("  {}  ", row.account);
            let used = lead.chars().count();
            // The amount whole before the name; the name gives way first, then the total due.
            let amount = row.amount.map(|m| m.rupiah()).unwrap_or_default();
            let owed = row
                .total_due
                .map(|m| format!(" · {}", tr!(lang, "today-of-total-due", due = m.rupiah())))
                .unwrap_or_default();
            let room = width.saturating_sub(used);
            let amount = crate::domain::money::fit_amount(&amount, room);
            let left = room.saturating_sub(amount.chars().count());
            let owed = if owed.chars().count() + 2 <= left {
                owed
            } else {
                String::new()
            };
            let name_room = left.saturating_sub(owed.chars().count() + 2);
            let name = if name_room >= 4 {
                super::super::super::view::fit(&name, name_room)
            } else {
                String::new()
            };
            let pad = name_room.saturating_sub(Span::raw(name.as_str()).width());
            lines.push(Line::from(vec![
                Span::raw(lead),
                Span::raw(name),
                Span::raw(" ".repeat(pad + 2)),
                Span::styled(amount, theme.figure()),
                Span::styled(owed, theme.dim()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines
}
