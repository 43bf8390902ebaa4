//! Phone numbers as the server sends them, on their way to a dialer.

/// The number to dial, or `None` when it is not one: after removing spaces, dashes, dots and
/// parentheses it must be an optional `+` and 6 to 15 digits (E.164's longest). The server
/// sends `"0"` and `""` for a missing phone; text such as `--version` or
/// `x@evil.example;transport=tcp` must never reach a dialer's command line.
pub fn dialable(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let digits = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    let ok = (6..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_numbers_are_dialled() {
        assert_eq!(dialable("0812-3456-7890").as_deref(), Some("081234567890"));
        assert_eq!(dialable("(021) 555 1234").as_deref(), Some("0215551234"));
        assert_eq!(
            dialable("+6281234567890").as_deref(),
            Some("+6281234567890")
        );
        assert_eq!(
            dialable(" 0877.044.175.364 ").as_deref(),
            Some("0877044175364")
        );
        for refused in [
            "--version",
            "x@evil.example;transport=tcp",
            "0",
            "",
            "12345",
            "1234567890123456",
            "++6281234567",
            "0812\u{202E}3456",
            "0812\t34567",
            "６２８１２３４５６７",
            "081234567890;",
        ] {
            assert_eq!(dialable(refused), None, "{refused:?}");
        }
    }
}
