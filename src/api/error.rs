//! What can go wrong talking to a server, in words a person can act on.

use crate::domain::WireError;
use crate::domain::text::{clean, redact_url, sanitize};
use std::error::Error as _;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("bad credentials: the server refused the user name or password (HTTP 401)")]
    Unauthorized,
    #[error(
        "invalid token: the server rejected the signature (code {code}: {message}); check the hash key"
    )]
    InvalidToken { code: String, message: String },
    #[error("access denied (HTTP 403){excerpt}")]
    Forbidden { excerpt: String },
    #[error("server refused (code {code}): {message}")]
    Refused { code: String, message: String },
    #[error("not found (HTTP 404): {url}; check the configured URL")]
    NotFound { url: String },
    #[error("server error: HTTP {status}{excerpt}")]
    Status {
        status: u16,
        excerpt: String,
        /// How long the server asked to be left alone (`Retry-After`, with 429 or 503).
        retry_after: Option<Duration>,
    },
    #[error("timed out after {secs} s waiting for the server at {host}")]
    Timeout { host: String, secs: u64 },
    #[error("cannot connect to {host}: {reason}")]
    Connect { host: String, reason: String },
    /// The overall deadline of a request passed (`http.deadline_secs`, else the kind's).
    #[error(
        "gave up on the {} from {host} after {secs} s: its overall deadline (http.deadline_secs)",
        kind_words(*kind)
    )]
    Deadline {
        host: String,
        secs: u64,
        kind: super::client::RequestKind,
    },
    /// A walk over every termin page read more than `http.max_total_mb` in all.
    #[error(
        "the termin pages came to more than {} MB in all by page {pages}: stopped (raise http.max_total_mb in the config)",
        limit.div_ceil(1024 * 1024)
    )]
    TotalTooLarge { limit: usize, pages: i64 },
    #[error("connection to {host} dropped before the server answered")]
    Dropped { host: String },
    #[error("the server sent a page instead of JSON (HTTP {status}){excerpt}")]
    NotJson { status: u16, excerpt: String },
    #[error(
        "response too large: more than {} MB (raise http.max_body_mb in the config)",
        limit.div_ceil(1024 * 1024)
    )]
    TooLarge { limit: usize },
    /// A 3xx: never followed (every request carries credentials or a signed result).
    #[error(
        "the server at {from} answered HTTP {status}, a redirect to {to}: not followed (it would carry credentials or a signed result there); check the configured URL"
    )]
    Redirect {
        status: u16,
        from: String,
        to: String,
    },
    #[error("unreadable reply: {0}")]
    Wire(#[from] WireError),
    #[error("{0}")]
    Config(String),
    #[error("request failed: {0}")]
    Other(String),
}

impl ApiError {
    /// A redirect that was not followed, both places made fit to show (user-info and query
    /// values masked, control characters removed). A relative `Location` is read against
    /// `from`.
    pub fn redirect(status: u16, from: &str, location: Option<&str>) -> ApiError {
        let to = match location.map(str::trim).filter(|l| !l.is_empty()) {
            None => "(no Location given)".to_string(),
            Some(l) => {
                let absolute = reqwest::Url::parse(from)
                    .and_then(|base| base.join(l))
                    .map(|u| u.to_string())
                    .unwrap_or_else(|_| l.to_string());
                let shown = redact_url(&absolute);
                if shown.chars().count() > 200 {
                    let mut cut: String = shown.chars().take(200).collect();
                    cut.push('…');
                    cut
                } else {
                    shown
                }
            }
        };
        ApiError::Redirect {
            status,
            from: redact_url(from),
            to,
        }
    }

    /// The server refused, in its own words made safe to print.
    pub fn refused(code: String, message: String) -> ApiError {
        ApiError::Refused {
            code: clean(code),
            message: clean(message),
        }
    }

    /// The server rejected the signature, in its own words made safe to print.
    pub fn invalid_token(code: String, message: String) -> ApiError {
        ApiError::InvalidToken {
            code: clean(code),
            message: clean(message),
        }
    }

    /// How long the server asked to wait before the next request (`Retry-After`).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// True when the request may have been processed although no answer arrived: resending
    /// such a result could store it twice (the server has no duplicate protection).
    pub fn may_have_reached_server(&self) -> bool {
        matches!(
            self,
            ApiError::Timeout { .. } | ApiError::Dropped { .. } | ApiError::Deadline { .. }
        )
    }

    pub(crate) fn from_reqwest(e: reqwest::Error, host: &str, timeout: Duration) -> ApiError {
        let host = host.to_string();
        let innermost = innermost_message(&e);
        // A connection that never opened (refused, or its own timeout) carried no request:
        // that is safe to retry, unlike a timeout after sending.
        if e.is_connect() {
            return ApiError::Connect {
                host,
                reason: innermost,
            };
        }
        if e.is_timeout() {
            return ApiError::Timeout {
                host,
                secs: timeout.as_secs().max(1),
            };
        }
        let mut source = e.source();
        while let Some(s) = source {
            if let Some(h) = s.downcast_ref::<hyper::Error>()
                && (h.is_incomplete_message() || h.is_closed() || h.is_canceled())
            {
                return ApiError::Dropped { host };
            }
            if let Some(io) = s.downcast_ref::<std::io::Error>() {
                use std::io::ErrorKind::*;
                if matches!(
                    io.kind(),
                    ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof
                ) {
                    return ApiError::Dropped { host };
                }
            }
            source = s.source();
        }
        ApiError::Other(innermost)
    }
}

/// A request's kind in English words (`words::api_error` says them in the language).
fn kind_words(kind: super::client::RequestKind) -> &'static str {
    use super::client::RequestKind as K;
    match kind {
        K::TaskList => "task list",
        K::TerminPage => "termin page",
        K::Result => "result",
        K::Login => "termin login",
        K::Health => "health check",
    }
}

fn innermost_message(e: &(dyn std::error::Error + 'static)) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        msg = s.to_string();
        source = s.source();
    }
    msg
}

/// A short, printable look at a body: ASP.NET's JSON error message (`{"Message": ...}`), an
/// HTML page's title, or the first words of its text.
pub fn excerpt(body: &[u8]) -> String {
    const MAX: usize = 160;
    let text = String::from_utf8_lossy(body);
    let lower = text.to_ascii_lowercase();
    let aspnet = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(m)) => m
            .get("Message")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        _ => None,
    };
    let picked = match (aspnet, lower.find("<title>"), lower.find("</title>")) {
        (Some(message), _, _) => message,
        (None, Some(a), Some(b)) if b > a + 7 => text[a + 7..b].to_string(),
        _ => strip_tags(&text),
    };
    let clean: String = sanitize(
        &picked
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>(),
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    if clean.is_empty() {
        return String::new();
    }
    let mut cut: String = clean.chars().take(MAX).collect();
    if clean.chars().count() > MAX {
        cut.push('…');
    }
    format!(": {cut}")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(1024));
    let mut in_tag = false;
    for c in s.chars().take(4096) {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_prefers_html_title_and_stays_short() {
        let html = b"<html><head><title>Runtime Error</title></head><body>stack...</body></html>";
        assert_eq!(excerpt(html), ": Runtime Error");
        assert_eq!(excerpt(b"plain\n\x1b[31mtext"), ": plain [31mtext");
        assert_eq!(excerpt(b""), "");
        assert!(excerpt("x".repeat(500).as_bytes()).ends_with('…'));
        assert_eq!(
            excerpt(br#"{"Message":"An error has occurred.","StackTrace":null}"#),
            ": An error has occurred."
        );
        assert_eq!(excerpt(br#"{"Message":"\u001b[2Jx"}"#), ": [2Jx");
        assert_eq!(
            excerpt("<title>\u{1b}]0;x\u{7}Err\u{202E}or</title>".as_bytes()),
            ": ]0;x Error"
        );
    }

    #[test]
    fn a_redirect_names_both_places_without_their_secrets() {
        let e = ApiError::redirect(
            307,
            "https://svc:pw@host/api/CollectionInsert",
            Some("http://evil.example:9/x?token=abc"),
        );
        let shown = e.to_string();
        assert!(
            shown.contains("https://svc:***@host/api/CollectionInsert"),
            "{shown}"
        );
        assert!(
            shown.contains("http://evil.example:9/x?token=***"),
            "{shown}"
        );
        assert!(!shown.contains("pw@") && !shown.contains("abc"), "{shown}");
        let relative = ApiError::redirect(302, "https://host/a/b", Some("/login"));
        assert!(
            relative.to_string().contains("https://host/login"),
            "{relative}"
        );
        let none = ApiError::redirect(301, "https://host/", None);
        assert!(none.to_string().contains("(no Location given)"));
        let hostile = ApiError::refused("90".into(), "a\u{1b}[2Jb\u{202E}".into());
        assert_eq!(hostile.to_string(), "server refused (code 90): a[2Jb");
    }
}
