//! How the real server's ASP.NET Web API turns a `POST api/CollectionInsert` into its
//! `DeskCollParam` (JSON.NET's rules), and the framework's own answers around the controller.
//! See `docs/twin-conformance.md` for the source lines each rule comes from.

use chrono::NaiveDateTime;
use serde_json::Value;

/// `DeskCollParam` as the model binder leaves it. `None` for a string is C#'s `null`; for a
/// date it is `DateTime.MinValue` (missing or unreadable); `period` is 0 when unreadable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Param {
    pub account_no: Option<String>,
    pub collection_date: Option<NaiveDateTime>,
    pub cust_name: Option<String>,
    pub result_code: Option<String>,
    pub action_code: Option<String>,
    pub remark: Option<String>,
    pub cre_by: Option<String>,
    pub cre_ip_address: Option<String>,
    pub mod_by: Option<String>,
    pub mod_ip_address: Option<String>,
    pub promise_date: Option<NaiveDateTime>,
    pub period: i32,
    pub hashing: Option<String>,
}

/// What `[FromBody] DeskCollParam values` holds: `None` when the body is not a JSON object
/// (empty, malformed, `null`, a list): the controller then dereferences `null` and ASP.NET
/// answers 500.
pub fn bind(body: &[u8]) -> Option<Param> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    let mut p = Param::default();
    // JSON.NET matches member names exactly, else ignoring case; unknown members are skipped.
    // A member whose value cannot be converted is an error the formatter logs and skips: the
    // property keeps its default.
    for (key, v) in &map {
        match key.to_ascii_lowercase().as_str() {
            "account_no" => p.account_no = string(v),
            "collection_date" => p.collection_date = datetime(v),
            "cust_name" => p.cust_name = string(v),
            "result_code" => p.result_code = string(v),
            "action_code" => p.action_code = string(v),
            "remark" => p.remark = string(v),
            "cre_by" => p.cre_by = string(v),
            "cre_ip_address" => p.cre_ip_address = string(v),
            "mod_by" => p.mod_by = string(v),
            "mod_ip_address" => p.mod_ip_address = string(v),
            "promise_date" => p.promise_date = datetime(v),
            "period" => p.period = int(v),
            "hashing" => p.hashing = string(v),
            _ => {}
        }
    }
    Some(p)
}

/// A `string` property: numbers and booleans are converted the .NET way; objects and lists
/// are a member error (left `null`).
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            _ => n.to_string(),
        }),
        Value::Bool(true) => Some("True".into()),
        Value::Bool(false) => Some("False".into()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// A `DateTime` property: a string `DateTime.Parse` reads (the spellings the client and the
/// seed use, ISO 8601, the US locale form); anything else, `""` and `null` included, is a
/// member error and leaves `DateTime.MinValue`.
fn datetime(v: &Value) -> Option<NaiveDateTime> {
    match v {
        Value::String(s) if !s.trim().is_empty() => crate::domain::dates::parse_datetime(s),
        _ => None,
    }
}

/// An `int` property: a JSON integer in range, or a string `int.Parse` reads (surrounding
/// blanks and a sign allowed). Anything else leaves 0.
fn int(v: &Value) -> i32 {
    match v {
        Value::Number(n) => n.as_i64().and_then(|i| i32::try_from(i).ok()).unwrap_or(0),
        Value::String(s) => s.trim().parse::<i32>().unwrap_or(0),
        _ => 0,
    }
}

/// Whether the request's media type has a formatter that reads `DeskCollParam`: JSON (the
/// client's), XML and form bodies have one; a body without a type or of another type is 415.
/// The twin reads JSON only: an XML or form body binds nothing here (see the conformance
/// document).
pub fn media_type(content_type: Option<&str>) -> Result<(), String> {
    let Some(ct) = content_type else {
        return Err("application/octet-stream".into());
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json"
        | "text/json"
        | "application/xml"
        | "text/xml"
        | "application/x-www-form-urlencoded" => Ok(()),
        _ => Err(essence),
    }
}

/// ASP.NET's body for an unhandled exception seen from another machine (the default error
/// detail policy hides the exception).
pub const ERROR_BODY: &[u8] = br#"{"Message":"An error has occurred."}"#;

pub fn unsupported_media_body(media: &str) -> Vec<u8> {
    serde_json::json!({
        "Message": format!("The request entity's media type '{media}' is not supported for this resource."),
        "ExceptionMessage": format!("No MediaTypeFormatter is available to read an object of type 'DeskCollParam' from content with media type '{media}'."),
        "ExceptionType": "System.Net.Http.UnsupportedMediaTypeException",
        "StackTrace": null,
    })
    .to_string()
    .into_bytes()
}

pub fn method_not_allowed_body(method: &str) -> Vec<u8> {
    serde_json::json!({
        "Message": format!("The requested resource does not support http method '{method}'.")
    })
    .to_string()
    .into_bytes()
}

pub fn not_found_body(uri: &str, controller: &str) -> Vec<u8> {
    serde_json::json!({
        "Message": format!("No HTTP resource was found that matches the request URI '{uri}'."),
        "MessageDetail": format!("No type was found that matches the controller named '{controller}'."),
    })
    .to_string()
    .into_bytes()
}

/// ASP.NET routing ignores case and a trailing slash: `/api/collectioninsert/` is
/// `/api/CollectionInsert`. Returns the twin's own spelling of a known route.
pub fn canonical_path(path: &str) -> Option<&'static str> {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    ["/api/DailyTask_DeskColl", "/api/CollectionInsert"]
        .into_iter()
        .find(|known| known.eq_ignore_ascii_case(trimmed) && *known != path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_as_json_net_does() {
        let p = bind(
            br#"{"Account_No": 319280100042, "REMARK": true, "period": " 12 ",
                 "promise_date": "2021-12-31 00:00:00", "collection_date": "",
                 "cust_name": {"x": 1}, "extra": 1}"#,
        )
        .unwrap();
        assert_eq!(p.account_no.as_deref(), Some("319280100042"));
        assert_eq!(p.remark.as_deref(), Some("True"));
        assert_eq!(p.period, 12);
        assert!(p.promise_date.is_some());
        assert_eq!(p.collection_date, None, "\"\" leaves DateTime.MinValue");
        assert_eq!(p.cust_name, None, "an object is a member error");
        for (period, expected) in [
            (r#""abc""#, 0),
            ("1.5", 0),
            ("null", 0),
            ("3000000000", 0),
            ("-2", -2),
        ] {
            let body = format!(r#"{{"period": {period}}}"#);
            assert_eq!(bind(body.as_bytes()).unwrap().period, expected, "{period}");
        }
        for not_an_object in [&b""[..], b"null", b"[]", b"{\"a\":", b"\"x\""] {
            assert_eq!(bind(not_an_object), None);
        }
    }

    #[test]
    fn routes_ignore_case_and_a_trailing_slash() {
        assert_eq!(
            canonical_path("/API/collectioninsert/"),
            Some("/api/CollectionInsert")
        );
        assert_eq!(canonical_path("/api/CollectionInsert"), None, "already so");
        assert_eq!(canonical_path("/api/Other"), None);
    }

    #[test]
    fn media_types_with_a_formatter() {
        assert!(media_type(Some("application/json; charset=utf-8")).is_ok());
        assert!(media_type(Some("text/json")).is_ok());
        assert_eq!(media_type(Some("text/plain")), Err("text/plain".into()));
        assert_eq!(media_type(None), Err("application/octet-stream".into()));
    }
}
