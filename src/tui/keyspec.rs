//! Keys as users write them (`[keys]` in the config file) and as the footer and help show
//! them. `parse(&name(k))` gives `k` back for every key `parse` can give.

use crossterm::event::{KeyCode, KeyModifiers};

/// Names of keys that are not a single character (lowercase).
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
];

/// Modifier names before a key, followed by `-` (or `+`).
const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl", KeyModifiers::CONTROL),
    ("control", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
];

/// Splits a leading modifier off: `"ctrl-q"` gives CONTROL and `"q"`. A key must follow, so
/// `"-"` and `"alt-"` are not split.
fn split_modifier(spec: &str) -> Option<(KeyModifiers, &str)> {
    let at = spec.find(['-', '+']).filter(|&i| i > 0)?;
    let (word, after) = (&spec[..at], &spec[at + 1..]);
    if after.is_empty() {
        return None;
    }
    MODIFIERS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, m)| (*m, after))
}

/// Reads a key as users write it: "j", "G", "?", "enter", "esc", "tab", "backtab"/"shift-tab",
/// "up", "down", "left", "right", "home", "end", "pageup"/"pgup", "pagedown"/"pgdn",
/// "f1".."f12", "space", "backspace", "delete", and modifiers "ctrl-", "alt-", "shift-"
/// (case-insensitive names; a single character keeps its case: "G" is shift-g as crossterm
/// reports it, Char('G')). Also read: "return", "escape", "del", "insert", `+` after a modifier
/// ("ctrl+q"), and the arrows as the footer shows them ("↑").
///
/// What it gives is what the keymap compares: shift is folded into the character ("shift-g"
/// is `Char('G')` with no modifier) and into `BackTab`; a letter with ctrl is lowercase
/// ("Ctrl-S" is ctrl-s). Shift with a character that has no upper case ("shift-1") is
/// refused, since which character it gives depends on the keyboard layout.
pub fn parse(spec: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let mut rest = match spec.trim() {
        "" if spec.is_empty() => return Err("empty key".into()),
        "" => " ",
        trimmed => trimmed,
    };
    let mut mods = KeyModifiers::NONE;
    while let Some((m, after)) = split_modifier(rest) {
        if mods.contains(m) {
            return Err(format!("a modifier twice in '{spec}'"));
        }
        mods |= m;
        rest = after;
    }
    let mut chars = rest.chars();
    let mut code = match (chars.next(), chars.next()) {
        (Some('↑'), None) => KeyCode::Up,
        (Some('↓'), None) => KeyCode::Down,
        (Some('←'), None) => KeyCode::Left,
        (Some('→'), None) => KeyCode::Right,
        (Some(c), None) => KeyCode::Char(c),
        _ => named(rest).ok_or_else(|| format!("unknown key '{spec}'"))?,
    };
    match code {
        KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
            code = KeyCode::BackTab;
            mods.remove(KeyModifiers::SHIFT);
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
            if mods.contains(KeyModifiers::CONTROL) {
                return Err(format!(
                    "'{spec}': terminals do not tell ctrl-shift from ctrl with a character"
                ));
            }
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(u), None) if u != c || c.is_uppercase() => code = KeyCode::Char(u),
                _ => {
                    return Err(format!(
                        "'{spec}': write the character shift gives instead (e.g. '!' for shift-1)"
                    ));
                }
            }
            mods.remove(KeyModifiers::SHIFT);
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                code = KeyCode::Char(l);
            }
        }
        _ => {}
    }
    Ok((code, mods))
}

fn named(word: &str) -> Option<KeyCode> {
    let word = word.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == word) {
        return Some(*code);
    }
    let n: u8 = word.strip_prefix('f')?.parse().ok()?;
    // "f05" is not a key name
    (word.len() == 2 + usize::from(n >= 10) && (1..=12).contains(&n)).then_some(KeyCode::F(n))
}

/// How a key is written in the footer and help: "j", "G", "Ctrl-S", "Alt-1", "Enter", "Esc",
/// "Tab", "Shift-Tab", "↑", "↓", "←", "→", "PgUp", "PgDn", "Home", "End", "F5", "Space".
/// Shift shows only where it is not already in the key ("G", "Shift-Tab"): "Shift-↑".
pub fn name(code: KeyCode, mods: KeyModifiers) -> String {
    let key = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => c.to_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        // Enter, Esc, Tab, Home, End, Backspace, Delete, Insert, ...
        other => format!("{other:?}"),
    };
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    if mods.contains(KeyModifiers::SHIFT) && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        out.push_str("Shift-");
    }
    out + &key
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const ALT: KeyModifiers = KeyModifiers::ALT;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
    const NONE: KeyModifiers = KeyModifiers::NONE;

    fn shown(spec: &str) -> String {
        let (code, mods) = parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        name(code, mods)
    }

    #[test]
    fn keys_read_as_written_and_show_as_the_footer_does() {
        for (spec, want) in [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("Shift-G", "G"),
            ("?", "?"),
            ("1", "1"),
            ("-", "-"),
            ("+", "+"),
            ("/", "/"),
            ("enter", "Enter"),
            ("Return", "Enter"),
            ("ESC", "Esc"),
            ("escape", "Esc"),
            ("tab", "Tab"),
            ("backtab", "Shift-Tab"),
            ("shift-tab", "Shift-Tab"),
            ("up", "↑"),
            ("down", "↓"),
            ("left", "←"),
            ("right", "→"),
            ("shift-up", "Shift-↑"),
            ("home", "Home"),
            ("end", "End"),
            ("pageup", "PgUp"),
            ("pgup", "PgUp"),
            ("PageDown", "PgDn"),
            ("pgdn", "PgDn"),
            ("f1", "F1"),
            ("F5", "F5"),
            ("f12", "F12"),
            ("space", "Space"),
            (" ", "Space"),
            ("backspace", "Backspace"),
            ("delete", "Delete"),
            ("del", "Delete"),
            ("insert", "Insert"),
            ("ctrl-s", "Ctrl-S"),
            ("Ctrl-S", "Ctrl-S"),
            ("CTRL+q", "Ctrl-Q"),
            ("control-c", "Ctrl-C"),
            ("ctrl-space", "Ctrl-Space"),
            ("ctrl--", "Ctrl--"),
            ("alt-1", "Alt-1"),
            ("alt-G", "Alt-G"),
            ("alt-shift-g", "Alt-G"),
            ("alt-enter", "Alt-Enter"),
            ("ctrl-alt-delete", "Ctrl-Alt-Delete"),
            ("  j  ", "j"),
        ] {
            assert_eq!(shown(spec), want, "{spec}");
        }
    }

    #[test]
    fn what_parse_gives_is_what_crossterm_reports() {
        assert_eq!(parse("G"), Ok((KeyCode::Char('G'), NONE)));
        assert_eq!(parse("shift-g"), Ok((KeyCode::Char('G'), NONE)));
        assert_eq!(parse("Ctrl-S"), Ok((KeyCode::Char('s'), CTRL)));
        assert_eq!(parse("alt-1"), Ok((KeyCode::Char('1'), ALT)));
        assert_eq!(parse("shift-tab"), Ok((KeyCode::BackTab, NONE)));
        assert_eq!(parse("shift-backtab"), Ok((KeyCode::BackTab, NONE)));
        assert_eq!(parse("shift-down"), Ok((KeyCode::Down, SHIFT)));
        assert_eq!(parse("f5"), Ok((KeyCode::F(5), NONE)));
        assert_eq!(parse("space"), Ok((KeyCode::Char(' '), NONE)));
        assert_eq!(parse("ctrl-alt-x"), Ok((KeyCode::Char('x'), CTRL | ALT)));
    }

    #[test]
    fn every_shown_name_reads_back_as_its_key() {
        let mut keys = vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
        ];
        keys.extend((1..=12).map(KeyCode::F));
        keys.extend("aZ09?/-+ .,;[]é".chars().map(KeyCode::Char));
        let mut checked = 0;
        for code in keys {
            for mods in [NONE, CTRL, ALT, SHIFT, CTRL | ALT, ALT | SHIFT] {
                let spec = format!(
                    "{}{}{}{}",
                    if mods.contains(CTRL) { "ctrl-" } else { "" },
                    if mods.contains(ALT) { "alt-" } else { "" },
                    if mods.contains(SHIFT) { "shift-" } else { "" },
                    match code {
                        KeyCode::Char(' ') => "space".to_string(),
                        KeyCode::Char(c) => c.to_string(),
                        KeyCode::F(n) => format!("f{n}"),
                        other => format!("{other:?}").to_lowercase(),
                    }
                );
                // "shift-1" and the like are refused; everything else must come back
                let Ok(key) = parse(&spec) else { continue };
                let shown = name(key.0, key.1);
                assert_eq!(parse(&shown), Ok(key), "{spec} shown as {shown}");
                checked += 1;
            }
        }
        assert!(checked > 150, "{checked}");
    }

    #[test]
    fn garbage_is_refused_with_the_reason() {
        assert_eq!(parse("ctlr-q"), Err("unknown key 'ctlr-q'".into()));
        for spec in [
            "",
            "enterr",
            "f0",
            "f13",
            "f05",
            "ctrl-",
            "alt-",
            "hyper-x",
            "jk",
            "ctrl-ctrl-q",
            "shift-1",
            "shift-space",
            "ctrl-shift-s",
        ] {
            let err = parse(spec).expect_err(spec);
            assert!(!err.is_empty(), "{spec}");
        }
        assert!(parse("shift-1").unwrap_err().contains("shift gives"));
        assert!(parse("ctrl-ctrl-q").unwrap_err().contains("twice"));
    }
}
