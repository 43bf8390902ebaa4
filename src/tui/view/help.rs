use super::Theme;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every binding of the focused pane, then the global ones, from the keymap table itself.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut lines = Vec::new();
    let mut last = None;
    for (ctx, b) in keymap::help(app.context()) {
        if last != Some(ctx) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(ctx.title(), theme.title()));
            last = Some(ctx);
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<16}", key_names(b)), theme.key()),
            Span::raw(b.help),
        ]));
    }
    let box_area = layout::centered(area, 72, lines.len() as u16 + 2);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(" Keys · any key closes ")
        .border_style(theme.border_focus());
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
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
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::PageUp => "PgUp".into(),
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
