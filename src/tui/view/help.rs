use super::Theme;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
    let rows = keymap::help(app.context());
    let mut lines = Vec::new();
    let mut last = None;
    for (ctx, b) in rows {
        if last != Some(ctx) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(ctx.title(), theme.title()));
            last = Some(ctx);
        }
        let keys = key_names(b);
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<14}"), theme.key()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("any key closes this help", theme.dim()));
    let height = lines.len() as u16 + 2;
    let area = layout::centered(body, 64, height);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Keys ")
                .border_style(theme.border_focus()),
        ),
        area,
    );
}

fn key_names(b: &keymap::Binding) -> String {
    use crossterm::event::{KeyCode, KeyModifiers};
    b.keys
        .iter()
        .map(|(code, m)| {
            let name = match code {
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            };
            if m.contains(KeyModifiers::CONTROL) {
                format!("Ctrl-{}", name.to_uppercase())
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
