//! Drawing only: `draw` reads the state and paints a frame; it changes nothing.

mod detail;
mod form;
mod help;
mod outbox;
mod queue;
mod termin;
pub mod theme;
mod today;

use super::app::{App, ServerState, StatusKind, Tab};
use super::keymap;
use super::layout::{self, APP_LABEL};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
pub use theme::Theme;
pub use today::summary as today_summary;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner(ticks: u64) -> &'static str {
    SPINNER[(ticks % SPINNER.len() as u64) as usize]
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let size = frame.area();
    let areas = layout::areas(size);
    if areas.too_small {
        let text = format!(
            "Terminal too small ({}x{}).\ndeskcoll needs at least {}x{}.",
            size.width,
            size.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
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
    match app.tab {
        Tab::Queue => {
            queue::draw(frame, app, theme, areas.queue);
            detail::draw(frame, app, theme, areas.detail);
        }
        Tab::Termin => termin::draw(frame, app, theme, &areas),
        Tab::Outbox => outbox::draw(frame, app, theme, areas.body),
        Tab::Today => today::draw(frame, app, theme, areas.body),
    }
    status(frame, app, theme, areas.status);
    footer(frame, app, theme, areas.footer);
    if app.form.is_some() {
        form::draw(frame, app, theme, areas.body);
    }
    if app.help {
        // Help may cover everything under the header: it lists every binding.
        let below_header = Rect {
            y: areas.body.y,
            height: size.height - areas.body.y,
            ..size
        };
        help::draw(frame, app, theme, below_header);
    }
    if let Some(phone) = &app.dialed {
        // Big enough to read across the desk while dialing by hand.
        let spaced: String = phone.chars().flat_map(|c| [c, ' ']).collect();
        let area = layout::centered(areas.body, (spaced.chars().count() as u16 + 8).max(40), 5);
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
                Line::styled("copied to the clipboard · any key closes", theme.dim()),
            ])
            .alignment(Alignment::Center)
            .block(
                Block::bordered()
                    .title(" Dial ")
                    .border_style(theme.border_focus()),
            ),
            area,
        );
    }
    if let Some(confirm) = &app.confirm {
        let area = layout::centered(areas.body, 72, 4);
        frame.render_widget(ratatui::widgets::Clear, area);
        frame.render_widget(
            Paragraph::new(confirm.question.as_str())
                .wrap(Wrap { trim: true })
                .block(Block::bordered().border_style(theme.warn())),
            area,
        );
    }
    if app.confirm_quit {
        let area = layout::centered(areas.body, 46, 3);
        frame.render_widget(ratatui::widgets::Clear, area);
        frame.render_widget(
            Paragraph::new("Quit and lose the result being typed? y / n")
                .block(Block::bordered().border_style(theme.warn()))
                .alignment(Alignment::Center),
            area,
        );
    }
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = vec![Span::styled(APP_LABEL, theme.title()), Span::raw(" ")];
    for ((label, _, _), tab) in layout::tab_labels().into_iter().zip(Tab::ALL) {
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

    let (dot, state) = match &app.server {
        ServerState::Unknown => (theme.dim(), "connecting"),
        ServerState::Connected => (theme.success(), "connected"),
        ServerState::Failing(_) => (theme.error(), "failing"),
    };
    let agent = &app.settings.agent_id;
    let time = app.clock.now_local().format("%H:%M").to_string();
    // The longest that fits: narrow terminals lose words, never the tabs.
    let variants = [
        format!("{state}  agent {agent}  {time} "),
        format!("{state}  {agent} {time} "),
        format!("{agent} {time} "),
    ];
    let c = &app.outbox.counts;
    let mut backlog = String::new();
    for (n, what) in [
        (c.waiting(), "waiting"),
        (c.uncertain, "uncertain"),
        (c.rejected, "rejected"),
    ] {
        if n > 0 {
            backlog.push_str(&format!("{n} {what}  "));
        }
    }
    let variants = variants.map(|v| format!("{backlog}{v}"));
    let badge = if app.settings.demo { " DEMO " } else { "" };
    let fixed = badge.chars().count() + 3;
    if let Some(text) = variants
        .into_iter()
        .find(|v| v.chars().count() + fixed <= room)
    {
        let mut right = Vec::new();
        if !badge.is_empty() {
            right.push(Span::styled(badge, theme.badge()));
            right.push(Span::raw(" "));
        }
        right.push(Span::styled("● ", dot));
        right.push(Span::raw(text));
        frame.render_widget(Line::from(right).alignment(Alignment::Right), area);
    }
}

fn status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let prompt = app.prompt.as_ref().map(|p| {
        let label = match p.kind {
            crate::tui::app::PromptKind::GoToPage => "go to page: ",
            crate::tui::app::PromptKind::Export => "save CSV as: ",
            crate::tui::app::PromptKind::Search => "search: ",
            crate::tui::app::PromptKind::OverrideReason { .. } => {
                "outside hours: the consumer's prior consent (reason): "
            }
        };
        (label, &p.input)
    });
    if let Some((prefix, input)) = app
        .filter_input
        .as_ref()
        .map(|i| ("filter: ", i))
        .or(prompt)
    {
        let width = area.width.saturating_sub(prefix.len() as u16 + 1) as usize;
        let scroll = input.visual_scroll(width);
        let shown: String = input.value().chars().skip(scroll).take(width).collect();
        frame.render_widget(
            Line::from(vec![Span::styled(prefix, theme.key()), Span::raw(shown)]),
            area,
        );
        let x = (input.visual_cursor().saturating_sub(scroll)) as u16 + prefix.len() as u16;
        frame.set_cursor_position((area.x + x.min(area.width.saturating_sub(1)), area.y));
        return;
    }
    let line = if app.queue.loading {
        Line::styled(
            format!("{} loading the queue…", spinner(app.ticks)),
            theme.dim(),
        )
    } else if let Some(s) = &app.status {
        let style = match s.kind {
            StatusKind::Info => Style::new(),
            StatusKind::Success => theme.success(),
            StatusKind::Error => theme.error(),
        };
        Line::styled(s.text.clone(), style)
    } else {
        Line::raw("")
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn footer(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    for (key, what) in keymap::hints(app.context()) {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Line::from(spans), area);
}
