//! RFC 8785 (JSON Canonicalization Scheme) for the values receipts hold: objects, arrays,
//! strings, integers, booleans and null. Members are sorted by their names' UTF-16 code
//! units, nothing is spaced, strings are escaped as ECMAScript's `JSON.stringify` escapes
//! them (`\b \t \n \f \r \" \\`, other control characters as `\u00xx`, everything else as
//! itself in UTF-8). Floats are refused: a receipt holds none.

use serde_json::Value;
use std::fmt::Write;

/// Why a value has no canonical form here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCanonical(pub String);

/// The canonical text of `v`.
pub fn canonical(v: &Value) -> Result<String, NotCanonical> {
    let mut out = String::new();
    write_value(v, &mut out)?;
    Ok(out)
}

fn write_value(v: &Value, out: &mut String) -> Result<(), NotCanonical> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let _ = write!(out, "{i}");
            } else if let Some(u) = n.as_u64() {
                let _ = write!(out, "{u}");
            } else {
                return Err(NotCanonical(format!("{n} is not an integer")));
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out)?;
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut names: Vec<&String> = members.keys().collect();
            names.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, name) in names.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                write_value(&members[name], out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_are_sorted_and_nothing_is_spaced() {
        let v = json!({"b": 1, "a": [true, null, "x"], "A": {"z": -7, "y": ""}});
        assert_eq!(
            canonical(&v).unwrap(),
            r#"{"A":{"y":"","z":-7},"a":[true,null,"x"],"b":1}"#
        );
    }

    #[test]
    fn strings_escape_as_ecmascript_does() {
        let v = json!("a\"b\\c\u{8}\t\n\u{c}\r\u{1}\u{1f}/\u{7f}é€😀");
        assert_eq!(
            canonical(&v).unwrap(),
            "\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0001\\u001f/\u{7f}é€😀\""
        );
    }

    #[test]
    fn names_sort_by_utf16_code_units() {
        // RFC 8785 3.2.3: U+1F600 (0xD83D 0xDE00 in UTF-16) sorts before U+E000, unlike in
        // UTF-8.
        let v = json!({"\u{E000}": 2, "\u{1F600}": 1, "\r": 3});
        assert_eq!(
            canonical(&v).unwrap(),
            "{\"\\r\":3,\"\u{1F600}\":1,\"\u{E000}\":2}"
        );
    }

    #[test]
    fn floats_are_refused_and_large_integers_kept() {
        assert!(canonical(&json!({"x": 1.5})).is_err());
        assert_eq!(canonical(&json!(u64::MAX)).unwrap(), u64::MAX.to_string());
        assert_eq!(canonical(&json!(i64::MIN)).unwrap(), i64::MIN.to_string());
    }
}
