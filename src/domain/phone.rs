//! Which phone texts from the server may be dialled.

/// The number to dial, or `None` when the text is no phone number: after removing spaces,
/// dashes, dots and parentheses it must be `+` and 6 to 15 digits, or 6 to 15 digits. The
/// real server sends `"0"` and `""` for a missing phone.
pub fn dialable(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let digits = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    let ok = (6..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit());
    ok.then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_not_numbers() {
        assert_eq!(dialable("0812-3456-7890").as_deref(), Some("081234567890"));
        assert_eq!(dialable("(021) 555 1234").as_deref(), Some("0215551234"));
        assert_eq!(
            dialable("+6281234567890").as_deref(),
            Some("+6281234567890")
        );
        for bad in [
            "",
            "0",
            "--version",
            "x@evil.example;transport=tcp",
            "12345",
            "1234567890123456",
        ] {
            assert_eq!(dialable(bad), None, "{bad}");
        }
    }
}
