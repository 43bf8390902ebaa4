//! Text from servers on its way to a terminal.

use std::borrow::Cow;

fn unsafe_char(c: char) -> bool {
    c.is_control() // C0, DEL and C1, ESC included: no cursor moves, no OSC 52 clipboard writes
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Removes control characters and escape sequences' introducers; line breaks and tabs become
/// spaces. Borrowed when nothing had to change (the common case, and free).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_cannot_reach_the_terminal() {
        assert_eq!(
            sanitize("BUDI\u{1b}]52;c;ZXZpbA==\u{7}SANTOSO"),
            "BUDI]52;c;ZXZpbA==SANTOSO"
        );
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a[2Jb");
        assert_eq!(sanitize("line\nbreak\u{202E}x"), "line breakx");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }
}
