use super::Theme;
use crate::i18n::Lang;
use crate::tr;
use crate::tui::app::App;
use crate::tui::keymap::Binding;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The widest a help column gets: wider lines are hard to read.
const MAX_COLUMN: u16 = 64;

/// Every binding of the focus under the help, then the global ones and the questions, from
/// the keymap itself. Words wrap instead of being cut; two columns when one would be too
/// tall; scrolling (`scroll` lines) when even two are.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, scroll: usize) {
    let lang = app.settings.lang;
    let bindings = app.keys.help(app.context_under_modal());
    let inner_height = area.height.saturating_sub(2) as usize;
    let one = area.width.saturating_sub(2).min(MAX_COLUMN);
    let two = (area.width.saturating_sub(3) / 2).min(MAX_COLUMN);
    // Inside the form: the focused field's rules, after its keys.
    let rules = app.form.as_ref().map(|f| {
        let field = f.focus;
        (
            tr!(lang, "form-rules-title", field = field.label(lang)),
            crate::i18n::words::field_rules(lang, field.wire_name()),
        )
    });
    let with_rules = |mut lines: Vec<Line<'static>>, width: usize| {
        if let Some((title, text)) = &rules {
            lines.push(Line::raw(""));
            lines.push(Line::styled(title.clone(), theme.title()));
            for piece in wrap(text, width.saturating_sub(2).max(12)) {
                lines.push(Line::raw(format!("  {piece}")));
            }
        }
        lines
    };
    let single = with_rules(
        lines_for(&bindings, theme, one as usize, lang),
        one as usize,
    );
    let (columns, width) = if single.len() <= inner_height || two < 36 {
        (vec![single], one + 2)
    } else {
        let lines = with_rules(
            lines_for(&bindings, theme, two as usize, lang),
            two as usize,
        );
        let half = split_point(&lines);
        let mut left = lines;
        let right = left.split_off(half);
        (vec![left, right], area.width.min(two * 2 + 4))
    };
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = scroll.min(tallest.saturating_sub(inner_height));
    let title = if tallest > inner_height {
        format!(" {} ", tr!(lang, "help-title-more"))
    } else {
        format!(" {} ", tr!(lang, "help-title"))
    };
    let box_area = layout::centered(area, width, tallest.min(inner_height) as u16 + 2);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border_focus());
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let parts: Vec<Rect> = if columns.len() == 2 {
        layout::columns(inner, 50).to_vec()
    } else {
        vec![inner]
    };
    for (lines, part) in columns.into_iter().zip(parts) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), part);
    }
}

/// Where to split the lines into two columns: near the middle, at a section's start.
fn split_point(lines: &[Line]) -> usize {
    let half = lines.len().div_ceil(2);
    (half..lines.len())
        .find(|&i| lines[i].width() == 0)
        .map(|i| i + 1)
        .filter(|i| *i - half <= 4)
        .unwrap_or(half)
}

fn lines_for<'a>(bindings: &[&Binding], theme: &Theme, width: usize, lang: Lang) -> Vec<Line<'a>> {
    let key_width = bindings
        .iter()
        .map(|b| b.label().chars().count())
        .max()
        .unwrap_or(0)
        .min(14);
    let text_width = width.saturating_sub(key_width + 3).max(12);
    let mut lines = Vec::new();
    let mut last = None;
    for b in bindings {
        if last != Some(b.context) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(b.context.title(lang), theme.title()));
            last = Some(b.context);
        }
        let label = b.label();
        let mut key = format!("  {label:<key_width$} ");
        if label.chars().count() > key_width {
            // A long key list gets its own line, the words under it.
            lines.push(Line::styled(key, theme.key()));
            key = format!("  {:<key_width$} ", "");
        }
        for (n, piece) in wrap(&b.help(lang), text_width).into_iter().enumerate() {
            let lead = if n == 0 {
                Span::styled(key.clone(), theme.key())
            } else {
                Span::raw(" ".repeat(key_width + 3))
            };
            lines.push(Line::from(vec![lead, Span::raw(piece)]));
        }
    }
    lines
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn words_wrap_and_are_never_cut() {
        assert_eq!(
            wrap("call: pick a phone (asks past the contact limit)", 20),
            vec!["call: pick a phone", "(asks past the", "contact limit)"]
        );
        assert_eq!(wrap("short", 20), vec!["short"]);
    }
}
