use super::Theme;
use crate::tui::app::App;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every binding of the focused pane, then the global ones, from the keymap table itself.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let too_tall =
        |key_width: usize| lines_for(app, theme, key_width).len() as u16 + 2 > area.height;
    let two_columns = too_tall(16) && area.width >= 76;
    let key_width = if two_columns { 11 } else { 16 };
    let lines = lines_for(app, theme, key_width);
    let block = Block::bordered()
        .title(" Keys · any key closes ")
        .border_style(theme.border_focus());
    if !two_columns {
        let box_area = layout::centered(area, 72, lines.len() as u16 + 2);
        frame.render_widget(Clear, box_area);
        frame.render_widget(Paragraph::new(lines).block(block), box_area);
        return;
    }
    // Too many bindings for one column at this height: two, side by side.
    let half = lines.len().div_ceil(2);
    let box_area = layout::centered(area, 110, half as u16 + 2);
    frame.render_widget(Clear, box_area);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [left, right] = layout::columns(inner, 50);
    let mut lines = lines;
    let second = lines.split_off(half);
    frame.render_widget(Paragraph::new(lines), left);
    frame.render_widget(Paragraph::new(second), right);
}

fn lines_for<'a>(app: &App, theme: &Theme, key_width: usize) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut last = None;
    for b in app.keys.help(app.context_under_modal()) {
        if last != Some(b.context) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(b.context.title(), theme.title()));
            last = Some(b.context);
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<key_width$} ", b.label()), theme.key()),
            Span::raw(b.help),
        ]));
    }
    lines
}
