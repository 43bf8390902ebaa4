//! Drawing only: `draw` reads the state and paints a frame; it changes nothing. The pages
//! draw themselves (`pages/*/view.rs`); here are the frame around them and the modal over
//! them, in one fixed order: header, page, status, footer, form, modal.

mod help;
pub mod theme;

use super::app::{App, ServerState, StatusKind, Tab};
use super::layout;
use super::modal::Modal;
use super::pages;
use crate::domain::outbox::DeliveryState;
use crate::i18n::{Lang, words};
use crate::tr;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
pub use theme::Theme;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// A result's state in its colour (the word itself says it too).
pub fn state_style(theme: &Theme, state: crate::domain::outbox::DeliveryState) -> Style {
    match state {
        crate::domain::outbox::DeliveryState::Delivered => theme.success(),
        crate::domain::outbox::DeliveryState::Rejected => theme.error(),
        crate::domain::outbox::DeliveryState::Uncertain => theme.warn(),
        crate::domain::outbox::DeliveryState::Discarded => theme.dim(),
        crate::domain::outbox::DeliveryState::Queued
        | crate::domain::outbox::DeliveryState::Sending => Style::new(),
    }
}

/// `text` in at most `width` columns: whole when it fits, else cut with an ellipsis, so a
/// cut never passes for the whole.
pub fn fit(text: &str, width: usize) -> String {
    let span = |s: &str| Span::raw(s.to_string()).width();
    if span(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if span(&out) + span(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A line wrapped at word boundaries to `width` columns, its continuation lines indented by
/// `indent` (under the value, not under the label). Styles stay with their words.
pub fn hang(line: Line<'static>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(indent + 8);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let style = span.style;
        for piece in span.content.split_inclusive(' ') {
            let w = Span::raw(piece.to_string()).width();
            let visible = Span::raw(piece.trim_end().to_string()).width();
            if used + visible > width && used > indent {
                out.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw(" ".repeat(indent)));
                used = indent;
                let piece = piece.trim_start();
                current.push(Span::styled(piece.to_string(), style));
                used += Span::raw(piece.to_string()).width();
                continue;
            }
            current.push(Span::styled(piece.to_string(), style));
            used += w;
        }
    }
    out.push(Line::from(current));
    out
}

/// Draws `lines` in `block` over `area`, long values wrapping under themselves (`hang`).
pub fn draw_hanging(
    frame: &mut Frame,
    lines: Vec<Line<'static>>,
    block: Block<'static>,
    area: Rect,
    indent: usize,
) {
    let width = block.inner(area).width as usize;
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| hang(l, width, indent))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

pub fn spinner(ticks: u64) -> &'static str {
    SPINNER[(ticks % SPINNER.len() as u64) as usize]
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let size = frame.area();
    let areas = layout::areas_with(size, app.status_rows(size.width));
    let lang = app.settings.lang;
    if areas.too_small {
        let text = tr!(
            lang,
            "frame-too-small",
            width = size.width,
            height = size.height,
            min_width = layout::MIN_WIDTH,
            min_height = layout::MIN_HEIGHT
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            size,
        );
        return;
    }
    header(frame, app, theme, areas.header);
    let cx = app.cx(app.tab);
    // With the form open beside the customer's pane, the queue keeps to the form's column:
    // one customer pane on screen, and no pane drawn over another's figures.
    let form_layout = app.form.as_ref().map(|_| layout::form_layout(areas.body));
    let page_areas = match form_layout {
        Some((form_area, Some(customer))) => layout::Areas {
            queue: form_area,
            detail: customer,
            ..areas
        },
        _ => areas,
    };
    match app.tab {
        Tab::Queue => pages::queue::draw(frame, &app.queue, &cx, theme, &page_areas),
        Tab::Termin => pages::termin::draw(frame, &app.termin, &cx, theme, &areas),
        Tab::Outbox => pages::outbox::draw(frame, &app.outbox, &cx, theme, &areas),
        Tab::Today => pages::today::draw(frame, &cx, theme, areas.body),
        Tab::Floor => {
            if let Some(floor) = &app.floor {
                pages::floor::draw(frame, floor, &cx, theme, areas.body)
            }
        }
    }
    status(frame, app, theme, areas.status);
    footer(frame, app, theme, areas.footer);
    if let (Some(form), Some((form_area, customer))) = (&app.form, form_layout) {
        if let Some(rect) = customer {
            pages::queue::draw_customer(frame, &app.queue, &form.account_no, &cx, theme, rect);
        }
        pages::form::draw(
            frame,
            form,
            &cx,
            &app.keys,
            theme,
            form_area,
            app.modal.is_none(),
        );
    }
    match &app.modal {
        None | Some(Modal::Prompt(_)) => {}
        Some(Modal::Help { scroll }) => {
            // Help may cover everything under the header: it lists every binding.
            help::draw(frame, app, theme, areas.below_header, *scroll);
        }
        Some(Modal::Dial { phone }) => dialed(frame, phone, theme, areas.body, lang),
        Some(Modal::Phones(picker)) => phones(frame, picker, theme, areas.body, lang),
        Some(Modal::Confirm { question, .. }) => {
            let area = layout::centered(areas.body, 72, 4);
            frame.render_widget(ratatui::widgets::Clear, area);
            frame.render_widget(
                Paragraph::new(question.as_str())
                    .wrap(Wrap { trim: true })
                    .block(
                        Block::bordered()
                            .title(format!(" {} ", tr!(lang, "confirm-title")))
                            .border_style(theme.warn()),
                    ),
                area,
            );
        }
    }
}

/// The customer's dialable phones; the selected one is marked with ▸ as well as shown
/// reversed.
fn phones(frame: &mut Frame, p: &super::modal::PhonePicker, theme: &Theme, body: Rect, lang: Lang) {
    let mut lines: Vec<Line> = p
        .phones
        .iter()
        .enumerate()
        .map(|(i, (n, phone))| {
            let chosen = i == p.selected;
            let text = format!(
                "{} {}  {phone}",
                if chosen { "▸" } else { " " },
                tr!(lang, "picker-phone", n = *n)
            );
            if chosen {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    for (n, text) in &p.not_dialable {
        lines.push(Line::styled(
            format!(
                "  {}  {}",
                tr!(lang, "picker-phone", n = *n),
                tr!(
                    lang,
                    "picker-not-dialable",
                    text = crate::domain::text::sanitize(text).into_owned()
                )
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr!(lang, "picker-hint"), theme.dim()));
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let area = layout::centered(body, width.max(36), lines.len() as u16 + 2);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(format!(
                    " {} ",
                    tr!(
                        lang,
                        "picker-title",
                        account = crate::domain::text::sanitize(&p.account_no)
                    )
                ))
                .border_style(theme.border_focus()),
        ),
        area,
    );
}

/// A number big enough to read across the desk while dialing by hand.
fn dialed(frame: &mut Frame, phone: &str, theme: &Theme, body: Rect, lang: Lang) {
    let spaced: String = phone.chars().flat_map(|c| [c, ' ']).collect();
    let note = tr!(lang, "dial-note");
    let width = spaced.chars().count().max(note.chars().count()) as u16 + 6;
    let area = layout::centered(body, width, 5);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                spaced.trim_end().to_string(),
                theme
                    .figure()
                    .add_modifier(ratatui::style::Modifier::REVERSED),
            ),
            Line::raw(""),
            Line::styled(note, theme.dim()),
        ])
        .alignment(Alignment::Center)
        .block(
            Block::bordered()
                .title(format!(" {} ", tr!(lang, "dial-title")))
                .border_style(theme.border_focus()),
        ),
        area,
    );
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.settings.lang;
    let mut spans = Vec::new();
    if let Some(name) = layout::app_label(area.width) {
        spans.extend([Span::styled(name, theme.title()), Span::raw(" ")]);
    }
    let tabs = Tab::shown(app.floor.is_some());
    for ((label, _, _), tab) in layout::tab_labels_of(area.width, lang, tabs)
        .into_iter()
        .zip(tabs.iter().copied())
    {
        let style = if tab == app.tab {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let left = Line::from(spans);
    let room = (area.width as usize).saturating_sub(left.width() + 1);
    frame.render_widget(left, area);

    // The state in words, and as short as it can be said (narrow screens keep that one).
    let (dot, state, short_state) = match (&app.server, app.queue.saved_from) {
        // The list on screen is the one kept on this desk: said with when it was read.
        (server, Some(at)) => {
            let today = app.clock.now_local().date();
            let from = crate::i18n::moment(lang, at.naive_local(), today);
            match server {
                ServerState::Failing(_) => (
                    theme.error(),
                    tr!(lang, "list-offline", from = &from),
                    tr!(lang, "list-offline-short", from = from),
                ),
                _ if app.queue.list.loading => (
                    theme.dim(),
                    tr!(lang, "list-refreshing", from = &from),
                    tr!(lang, "list-from-short", from = from),
                ),
                _ => (
                    theme.dim(),
                    tr!(lang, "list-from", from = &from),
                    tr!(lang, "list-from-short", from = from),
                ),
            }
        }
        (ServerState::Unknown, None) => {
            let s = tr!(lang, "server-connecting");
            (theme.dim(), s.clone(), s)
        }
        (ServerState::Connected, None) => {
            let s = tr!(lang, "server-connected");
            (theme.success(), s.clone(), s)
        }
        (ServerState::Failing(_), None) => {
            let s = tr!(lang, "server-failing");
            (theme.error(), s.clone(), s)
        }
    };
    let agent = &app.settings.agent_id;
    // The clock names its zone: an agent in Makassar and a server in Jakarta differ.
    let time = match app.settings.time_zone {
        Some(zone) => {
            let t = app.clock.now_utc().with_timezone(&zone.offset());
            format!("{} {zone}", crate::i18n::clock(lang, &t))
        }
        None => format!(
            "{} {}",
            crate::i18n::clock(lang, &app.clock.now_local()),
            crate::domain::zone::Zone::label(app.clock.offset())
        ),
    };
    // The longest that fits: narrow terminals lose words, never the tabs. The desk's state
    // (connected, offline, the kept list) is worth more than the agent's id: the agent must
    // know; then the clock.
    let variants = vec![
        format!(
            "{state}  {}  {time} ",
            tr!(lang, "header-agent", agent = agent)
        ),
        format!("{state}  {agent} {time} "),
        format!("{state}  {time} "),
        format!("{state} "),
        format!("{short_state} "),
        format!("{time} "),
    ];
    let c = &app.desk.counts;
    let mut backlog = String::new();
    for (n, what) in [
        (c.waiting(), tr!(lang, "header-waiting")),
        (c.uncertain, words::state(lang, DeliveryState::Uncertain)),
        (c.rejected, words::state(lang, DeliveryState::Rejected)),
    ] {
        if n > 0 {
            backlog.push_str(&format!("{n} {what}  "));
        }
    }
    if let Some(words) = app.ledger.and_then(|l| l.words(lang)) {
        backlog.push_str(&format!("{words}  "));
    }
    let variants = variants.into_iter().map(|v| format!("{backlog}{v}"));
    let badge = match (app.settings.demo, app.settings.insecure) {
        (true, _) => format!(" {} ", tr!(lang, "header-demo")),
        // Passwords and signatures travel unencrypted: said in a word, not a colour.
        (false, true) => format!(" {} ", tr!(lang, "header-insecure")),
        (false, false) => String::new(),
    };
    let fixed = badge.chars().count() + 3;
    // A callback to make is worth more than everything after it: when room runs out the
    // state goes, then the words, then the end of the customer's name.
    let now = app.clock.now_utc();
    let announced = crate::domain::callback::to_announce(
        &app.desk.callbacks,
        now,
        app.settings.callback_warn_minutes,
    );
    let width = |(notice, state): &(String, Option<String>)| {
        let notice = Span::raw(notice.as_str()).width();
        let gap = if notice == 0 { 0 } else { 2 };
        fixed + notice + state.as_ref().map_or(0, |s| s.chars().count() + gap)
    };
    // The desk's state (offline, waiting, rejected, the clock) is never hidden by a callback:
    // the notice shortens first (whole, short, its name cut, the mark and the count), and
    // only then does the state lose words.
    let mut choices: Vec<(String, Option<String>)> = Vec::new();
    let variants: Vec<String> = variants.collect();
    match announced {
        None => choices.extend(variants.into_iter().map(|v| (String::new(), Some(v)))),
        Some(l) => {
            let due = crate::domain::callback::due_count(&app.desk.callbacks);
            let name = if l.name.trim().is_empty() {
                &l.account_no
            } else {
                &l.name
            };
            let name = crate::domain::text::sanitize(name).into_owned();
            let agent = app.clock.offset();
            let notice =
                |short: bool, name: &str| callback_notice(lang, l, name, now, short, due, agent);
            let mark_only = if due > 1 {
                format!("{CALLBACK_MARK}{due}")
            } else {
                CALLBACK_MARK.to_string()
            };
            // What the desk's state may not lose for a callback: the connection or the kept
            // list, the results waiting or failed, and the clock.
            let essential = format!("{backlog}{state}  {time} ");
            let states: Vec<String> = variants
                .iter()
                .take(2)
                .cloned()
                .chain([essential])
                .collect();
            // The name whole, in the long notice then the short one, before it is cut.
            for short in [false, true] {
                for v in &states {
                    choices.push((notice(short, &name), Some(v.clone())));
                }
            }
            for short in [false, true] {
                for v in &states {
                    let spare = room.saturating_sub(width(&(notice(short, ""), Some(v.clone()))));
                    if spare >= 6 {
                        choices.push((notice(short, &fit(&name, spare)), Some(v.clone())));
                    }
                }
            }
            // The mark and the time, without the name.
            for v in &states {
                choices.push((notice(true, "").trim_end().to_string(), Some(v.clone())));
            }
            // Narrower still: the state's own shorter forms, with the mark, then without it:
            // the callback gives way before the state does.
            choices.extend(
                variants
                    .iter()
                    .skip(2)
                    .map(|v| (mark_only.clone(), Some(v.clone()))),
            );
            choices.extend(
                variants
                    .into_iter()
                    .skip(2)
                    .map(|v| (String::new(), Some(v))),
            );
        }
    }
    if let Some((notice, state)) = choices.into_iter().find(|c| width(c) <= room) {
        let mut right = Vec::new();
        if !badge.is_empty() {
            right.push(Span::styled(badge, theme.badge()));
            right.push(Span::raw(" "));
        }
        if !notice.is_empty() {
            right.push(Span::styled(notice, theme.warn()));
            right.push(Span::raw(if state.is_some() { "  " } else { " " }));
        }
        if let Some(text) = state {
            right.push(Span::styled("● ", dot));
            right.push(Span::raw(text));
        }
        frame.render_widget(Line::from(right).alignment(Alignment::Right), area);
    }
}

/// Beside a callback that is due or soon: the queue's row and the header's short form.
pub const CALLBACK_MARK: &str = "⏰";

/// The header's words for a callback: "Callback 16:00 WIT: BUDI SANTOSO in 4m", or "... now"
/// once it is due; `short`, the mark, the time and the name: "⏰ 16:00 WIT BUDI SANTOSO".
fn callback_notice(
    lang: Lang,
    l: &crate::domain::callback::Listed,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
    short: bool,
    due_count: usize,
    agent: chrono::FixedOffset,
) -> String {
    let time = if short {
        words::callback_time(lang, &l.callback)
    } else {
        words::callback_both(lang, &l.callback, agent)
    };
    let due = l.callback.due_utc;
    // More than one due: the count first, then the nearest.
    let count = if due_count > 1 {
        format!("{} · ", tr!(lang, "header-callbacks-due", n = due_count))
    } else {
        String::new()
    };
    let late = crate::domain::callback::minutes_late(due, now);
    if short {
        let count = if due_count > 1 {
            format!("{due_count}× ")
        } else {
            String::new()
        };
        format!("{CALLBACK_MARK} {count}{time} {name}")
    } else if due <= now && late < 1 {
        format!(
            "{count}{}",
            tr!(lang, "header-callback-due", time = time, name = name)
        )
    } else if due <= now {
        format!(
            "{count}{}",
            tr!(
                lang,
                "header-callback-late",
                time = time,
                name = name,
                late = crate::i18n::duration_short(lang, late)
            )
        )
    } else {
        let minutes = crate::domain::callback::minutes_until(due, now);
        tr!(
            lang,
            "header-callback-soon",
            time = time,
            name = name,
            minutes = minutes
        )
    }
}

fn status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let Some(Modal::Prompt(p)) = &app.modal {
        let prefix = format!("{}: ", p.kind.label(app.settings.lang));
        let prefix = prefix.as_str();
        let input = &p.input;
        let width = area.width.saturating_sub(prefix.chars().count() as u16 + 1) as usize;
        let scroll = input.visual_scroll(width);
        let shown: String = input.value().chars().skip(scroll).take(width).collect();
        frame.render_widget(
            Line::from(vec![Span::styled(prefix, theme.key()), Span::raw(shown)]),
            area,
        );
        let x =
            (input.visual_cursor().saturating_sub(scroll)) as u16 + prefix.chars().count() as u16;
        frame.set_cursor_position((area.x + x.min(area.width.saturating_sub(1)), area.y));
        return;
    }
    let line = if app.queue.list.loading {
        Line::styled(
            format!(
                "{} {}",
                spinner(app.ticks),
                app.queue
                    .arriving
                    .clone()
                    .unwrap_or_else(|| tr!(app.settings.lang, "queue-loading"))
            ),
            theme.dim(),
        )
    } else if let Some(s) = &app.status {
        let style = match s.kind {
            StatusKind::Info => Style::new(),
            StatusKind::Success => theme.success(),
            StatusKind::Error => theme.error(),
        };
        if area.height >= 2 {
            // A long message wraps to a second line rather than lose its end.
            let text = fit(&s.text, area.width as usize * area.height as usize);
            frame.render_widget(
                Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        Line::styled(fit(&s.text, area.width as usize), style)
    } else {
        Line::raw("")
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The focus's keys that fit, then the global ones (help, quit), which always stay.
fn footer(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.settings.lang;
    let hints = app.keys.hints(app.context(), lang);
    let ids: Vec<&str> = app
        .keys
        .hint_ids(app.context())
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    // Short of room, moving (j, k, arrows) goes first: what an agent does with an account
    // (record, call, promises, refresh) keeps its hint.
    let rank = |h: &(String, String)| {
        hints
            .iter()
            .position(|x| x == h)
            .and_then(|i| ids.get(i))
            .map_or(1, |id| super::keymap::hint_rank(id))
    };
    let global: Vec<String> = app
        .keys
        .hints(super::keymap::Context::Global, lang)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let width = |(k, w): &(String, String)| k.chars().count() + w.chars().count() + 3;
    let (own, always): (Vec<_>, Vec<_>) = hints
        .iter()
        .partition(|h| !global.contains(&h.1) || app.context() == super::keymap::Context::Global);
    let mut room = (area.width as usize).saturating_sub(always.iter().map(|h| width(h)).sum());
    let all: usize = own.iter().map(|h| width(h)).sum();
    let own: Vec<&(String, String)> = if all <= room {
        own
    } else {
        // The others first, in their order, then moving as room is left.
        let mut keep = vec![false; own.len()];
        for pass in 0..3 {
            for (i, h) in own.iter().enumerate() {
                if !keep[i] && rank(h) == pass && width(h) <= room {
                    keep[i] = true;
                    room -= width(h);
                }
            }
        }
        own.into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect()
    };
    let mut spans = Vec::new();
    for h in own.into_iter().chain(always) {
        spans.push(Span::styled(h.0.clone(), theme.key()));
        spans.push(Span::raw(format!(" {}  ", h.1)));
    }
    frame.render_widget(Line::from(spans), area);
}

#[cfg(test)]
mod hang_tests {
    use super::*;

    #[test]
    fn continuation_lines_hang_under_the_value() {
        let line = Line::from(vec![
            Span::raw("Label   "),
            Span::raw("one two three four five six seven"),
        ]);
        let lines: Vec<String> = hang(line, 20, 8)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
            .collect();
        assert_eq!(lines[0].trim_end(), "Label   one two");
        assert!(
            lines[1..].iter().all(|l| l.starts_with("        ")),
            "{lines:?}"
        );
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words.len(), 8, "nothing lost: {lines:?}");
    }
}
