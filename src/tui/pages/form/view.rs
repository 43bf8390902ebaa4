use super::{Field, FormState};
use crate::domain::Money;
use crate::domain::callback;
use crate::domain::party::Party;
use crate::domain::result::{REMARK_MAX, parse_promise};
use crate::domain::text::sanitize;
use crate::i18n::words;
use crate::tr;
use crate::tui::layout;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, hang, spinner};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

const LABEL_WIDTH: u16 = 15;
/// The box of every field but the remark: room for the longest of them, a party
/// (`emergency_contact`) or a callback (`2026-11-28 09:30`).
const BOX_WIDTH: u16 = 17;
const MAX_CHOICES: usize = 5;
/// A picker's code column, at least (parties are longer).
const CHOICE_CODE_WIDTH: usize = 7;

/// The form over the body; `typing`: no modal covers it, so the cursor shows in the field.
pub fn draw(
    frame: &mut Frame,
    form: &FormState,
    cx: &Cx,
    keys: &crate::tui::keymap::Keymap,
    theme: &Theme,
    body: Rect,
    typing: bool,
) {
    // Lines are laid out against the widest box the body allows, then the box is sized to them.
    let width = body.width.min(84);
    let inner = Rect::new(0, 0, width.saturating_sub(2), body.height.saturating_sub(2));

    let lang = cx.settings.lang;
    let codes = &cx.codes;
    let fields = form.fields(codes);
    // The label column fits the language's longest label.
    let label_width = fields
        .iter()
        .map(|f| f.label(lang).chars().count() + 3)
        .max()
        .unwrap_or(0)
        .max(LABEL_WIDTH as usize) as u16;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    // The focused field's lines (with its refusal and choices): kept in sight when the form
    // is taller than the screen.
    let mut focus_lines = 0..0;
    // A refusal wraps under itself, never past the box.
    let refusal_lines = |text: String, style: Style| {
        hang(
            Line::from(vec![
                Span::raw(" ".repeat(label_width as usize)),
                Span::styled(text, style),
            ]),
            inner.width as usize,
            label_width as usize + 2,
        )
    };
    for field in fields {
        let focused = form.focus == field;
        let first_line = lines.len();
        let input = form.input(field);
        // A party taken from the picker is its word in the language, never its key.
        let party_word = (field == Field::Party)
            .then(|| Party::parse(input.value()))
            .flatten()
            .filter(|p| *p != Party::Unknown && !input.value().trim().is_empty())
            .map(|p| words::party(lang, p));
        let width = if field == Field::Remark {
            inner.width.saturating_sub(label_width + 10)
        } else if field == Field::Party {
            party_box_width(lang)
        } else {
            BOX_WIDTH
        } as usize;
        let scroll = input.visual_scroll(width);
        let shown: String = match &party_word {
            Some(word) => word.clone(),
            None => input.value().chars().skip(scroll).take(width).collect(),
        };
        let pad = width.saturating_sub(unicode_width(&shown));
        let marker = if focused { "▸ " } else { "  " };
        let box_style = if focused {
            theme.selected()
        } else {
            Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
        };
        let mut spans = vec![
            Span::styled(
                format!(
                    "{marker}{:<w$}",
                    field.label(lang),
                    w = (label_width - 2) as usize
                ),
                if focused { theme.key() } else { theme.label() },
            ),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), box_style),
            Span::raw(" "),
        ];
        match field {
            Field::Action => {
                if let Some(a) = codes.action(input.value()) {
                    spans.push(Span::styled(
                        sanitize(a.text(lang)).into_owned(),
                        theme.dim(),
                    ));
                }
            }
            Field::Result => {
                let typed = input.value().trim().to_uppercase();
                if let Some(r) = codes.results.iter().find(|r| r.code == typed) {
                    spans.push(Span::styled(
                        sanitize(r.text(lang)).into_owned(),
                        theme.dim(),
                    ));
                }
            }
            Field::Party => {}
            Field::Promise => {
                let hint = match parse_promise(input.value(), cx.clock.now_local().date()) {
                    Some(d) => format!("→ {}", crate::i18n::date_long(lang, d)),
                    None => tr!(lang, "form-promise-hint"),
                };
                spans.push(Span::styled(hint, theme.dim()));
            }
            Field::Amount => {
                let hint = match (Money::parse_typed(input.value()), form.total_due) {
                    // Allowed (a promise may cover more than today's bill), but said.
                    (Some(m), Some(due)) if m > due => format!(
                        "→ {} · {}",
                        m.rupiah(),
                        tr!(lang, "form-amount-over-due", due = due.rupiah())
                    ),
                    (Some(m), _) => format!("→ {}", m.rupiah()),
                    (None, None) if input.value().trim().is_empty() => {
                        tr!(lang, "form-amount-needed-hint")
                    }
                    (None, _) => tr!(lang, "form-amount-hint"),
                };
                spans.push(Span::styled(hint, theme.dim()));
            }
            Field::Callback => {
                let s = cx.settings;
                let due = callback::parse(
                    input.value(),
                    cx.clock.now_utc(),
                    form.zone.zone,
                    &s.rules,
                    lang,
                );
                let hint = match due {
                    Ok(c) => {
                        let mut at = callback::local_words(c.due_local());
                        // The agent's own clock too, when it is in another zone.
                        if cx.clock.offset() != c.zone.offset() {
                            at.push_str(&format!(
                                " ({} {})",
                                crate::i18n::clock(
                                    lang,
                                    &c.due_utc.with_timezone(&cx.clock.offset())
                                ),
                                crate::domain::zone::Zone::label(cx.clock.offset())
                            ));
                        }
                        format!("→ {at}")
                    }
                    Err(_) => tr!(lang, "form-callback-hint"),
                };
                spans.push(Span::styled(hint, theme.dim()));
            }
            Field::Period => spans.push(Span::styled(tr!(lang, "form-period-hint"), theme.dim())),
            Field::Remark => {
                let n = input.value().chars().count();
                // The anchor tag's room is counted within the 255: an empty remark is 24/255.
                let tag = if cx.settings.anchor_in_remark {
                    crate::domain::receipt::TAG_RESERVE
                } else {
                    0
                };
                let style = if n + tag > REMARK_MAX {
                    theme.error()
                } else {
                    theme.dim()
                };
                spans.push(Span::styled(format!("{}/{REMARK_MAX}", n + tag), style));
            }
        }
        if focused {
            let at = match &party_word {
                Some(word) => unicode_width(word),
                None => input.visual_cursor().saturating_sub(scroll),
            };
            let x = label_width + at as u16;
            cursor = Some((x.min(inner.width.saturating_sub(1)), lines.len() as u16));
        }
        lines.push(Line::from(spans));
        if let Some(e) = form.error_for(field) {
            lines.extend(refusal_lines(
                format!("✗ {}", words::refusal(lang, &e.reason)),
                theme.error(),
            ));
        }
        if focused && field.is_picker() {
            let choices = form.choices(codes);
            let code_width = choices
                .iter()
                .map(|c| c.code.chars().count())
                .max()
                .unwrap_or(0)
                .max(CHOICE_CODE_WIDTH);
            // More than fit: the last row says how many more, in the same room.
            let shown = if choices.len() > MAX_CHOICES {
                MAX_CHOICES - 1
            } else {
                MAX_CHOICES
            };
            let start = form.pick.saturating_sub(shown - 1);
            for (i, c) in choices.iter().enumerate().skip(start).take(shown) {
                let style = if i == form.pick {
                    theme.selected()
                } else {
                    theme.dim()
                };
                let text = sanitize(c.text(lang));
                let row = if field == Field::Party {
                    // Parties in words: the key is for scripts (the CLI's --party).
                    text.into_owned()
                } else if repeats(&c.code, &text) {
                    c.code.clone()
                } else {
                    format!("{:<code_width$} {text}", c.code)
                };
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(label_width as usize)),
                    Span::styled(row, style),
                ]));
            }
            // More than the picker shows: said, with how many, as the keys reach them.
            let below = choices.len().saturating_sub(start + shown);
            if below > 0 {
                lines.push(Line::styled(
                    format!(
                        "{:w$}{}",
                        "",
                        tr!(lang, "form-more-below", n = below),
                        w = label_width as usize
                    ),
                    theme.dim(),
                ));
            }
            if choices.is_empty() && !input.value().trim().is_empty() {
                lines.push(Line::styled(
                    format!(
                        "{:w$}{}",
                        "",
                        tr!(lang, "form-no-code"),
                        w = label_width as usize
                    ),
                    theme.warn(),
                ));
            }
        }
        if focused {
            focus_lines = first_line..lines.len();
        }
    }
    // Errors on fields the form does not show (agent id, account) still need saying.
    for e in form
        .errors
        .iter()
        .filter(|e| !crate::domain::result::FORM_ORDER.contains(&e.field))
    {
        lines.extend(hang(
            Line::styled(format!("✗ {}", words::field_error(lang, e)), theme.error()),
            inner.width as usize,
            2,
        ));
    }
    // What follows may be long (a server's message): it wraps, the fields above do not.
    let mut notes: Vec<Line> = vec![Line::raw("")];
    notes.push(Line::styled(
        tr!(
            lang,
            "form-sends",
            time = cx.clock.now_local().format("%Y-%m-%d %H:%M:%S").to_string(),
            agent = if cx.settings.agent_id.is_empty() {
                tr!(lang, "form-not-set")
            } else {
                cx.settings.agent_id.clone()
            },
            ip = &cx.settings.ip_address
        ),
        theme.dim(),
    ));
    if form.submitting {
        notes.push(Line::styled(
            format!("{} {}", spinner(cx.ticks), tr!(lang, "form-sending")),
            theme.warn(),
        ));
    } else if let Some(f) = &form.failure {
        notes.push(Line::styled(
            format!(
                "✗ {}",
                tr!(
                    lang,
                    "form-failed",
                    reason = sanitize(&words::stored_reason(lang, f)).into_owned()
                )
            ),
            theme.error(),
        ));
        // After a refusal: what each key does now (the correction replaces the refused one).
        if let Some(id) = form.edit_of {
            use crate::tui::keymap::{Command, Context};
            let key = |c: Command| keys.key_of(Context::Form, c).unwrap_or_default();
            let may_be_stored = form.corrects.as_ref().is_some_and(|(state, code)| {
                crate::domain::outbox::may_already_be_stored(*state, code.as_deref())
            });
            let (send, leave) = (key(Command::Submit), key(Command::Cancel));
            let words = if may_be_stored {
                tr!(
                    lang,
                    "form-after-refusal-keys-stored",
                    send = send,
                    leave = leave,
                    id = id
                )
            } else {
                tr!(
                    lang,
                    "form-after-refusal-keys",
                    send = send,
                    leave = leave,
                    id = id
                )
            };
            notes.push(Line::styled(words, theme.dim()));
        }
    }
    let w = inner.width.max(1) as usize;
    let rows_of =
        |notes: &[Line]| -> usize { notes.iter().map(|l| l.width().div_ceil(w).max(1)).sum() };
    // Short of room, the blank line before the notes goes first.
    if lines.len() + rows_of(&notes) + 2 > body.height as usize {
        notes.remove(0);
    }
    let notes_height = rows_of(&notes);

    let (area, fields_area, notes_area) =
        layout::form_box(body, width, lines.len() as u16, notes_height as u16);
    frame.render_widget(Clear, area);
    let title = format!(
        " {} ",
        tr!(
            lang,
            "form-title",
            account = sanitize(&form.account_no),
            name = sanitize(&form.cust_name)
        )
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());
    frame.render_widget(block, area);
    // Taller than the screen: scrolled just enough to show the focused field whole.
    let height = fields_area.height as usize;
    let scroll = focus_lines
        .end
        .saturating_sub(height)
        .min(focus_lines.start) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), fields_area);
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: false }), notes_area);
    if let Some((x, y)) = cursor.filter(|_| !form.submitting && typing)
        && let Some(y) = y.checked_sub(scroll)
        && y < fields_area.height
    {
        frame.set_cursor_position((fields_area.x + x, fields_area.y + y));
    }
}

/// The party's box: its longest word in the language fits whole.
fn party_box_width(lang: crate::i18n::Lang) -> u16 {
    Party::CHOICES
        .into_iter()
        .map(|p| unicode_width(&words::party(lang, p)) as u16)
        .max()
        .unwrap_or(0)
        .max(BOX_WIDTH)
}

fn unicode_width(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// Words that only say the code again (`third_party`, "third party"): not shown beside it.
fn repeats(code: &str, words: &str) -> bool {
    let plain = |s: &str| s.replace(['_', '-'], " ").to_lowercase();
    plain(code) == plain(words)
}
