//! A login token and when it stops being valid.

use crate::domain::Secret;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone)]
pub struct Token {
    pub value: Secret,
    pub expires_at: DateTime<Utc>,
}

/// Renew this long before the stated expiry, so that a request never carries a token that
/// dies on the way.
const MARGIN_SECS: i64 = 30;
/// The provider documents tokens valid 24 hours; assumed when a reply says nothing.
const DEFAULT_LIFETIME_HOURS: i64 = 24;

impl Token {
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        now + Duration::seconds(MARGIN_SECS) < self.expires_at
    }

    /// Reads a login reply, tolerating the shapes providers use: the token at `data.token`,
    /// `data.access_token`, `token` or `access_token`; the expiry at `expired_at` /
    /// `expires_at` (RFC 3339), `expires_in` (seconds), or the JWT's own `exp` claim.
    pub fn from_login_reply(body: &[u8], now: DateTime<Utc>) -> Option<Token> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        let scopes = [v.get("data").unwrap_or(&serde_json::Value::Null), &v];
        let find = |keys: &[&str]| {
            scopes.iter().find_map(|s| {
                keys.iter()
                    .find_map(|k| s.get(*k))
                    .filter(|x| !x.is_null())
                    .cloned()
            })
        };
        let value = find(&["token", "access_token", "jwt"])?
            .as_str()?
            .trim()
            .to_string();
        if value.is_empty() {
            return None;
        }
        let expires_at = find(&["expired_at", "expires_at", "expiry"])
            .and_then(|e| {
                e.as_str()
                    .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            })
            .map(|d| d.with_timezone(&Utc))
            .or_else(|| {
                find(&["expires_in"])
                    .and_then(|e| e.as_i64())
                    .and_then(|s| Duration::try_seconds(s).and_then(|d| now.checked_add_signed(d)))
            })
            .or_else(|| jwt_expiry(&value))
            .unwrap_or(now + Duration::hours(DEFAULT_LIFETIME_HOURS));
        Some(Token {
            value: Secret::new(value),
            expires_at,
        })
    }
}

fn jwt_expiry(token: &str) -> Option<DateTime<Utc>> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    DateTime::from_timestamp(claims.get("exp")?.as_i64()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-27T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn reads_token_and_expiry_in_several_shapes() {
        let t = Token::from_login_reply(
            br#"{"status":"success","data":{"token":"abc","expired_at":"2026-11-28T03:00:00Z"}}"#,
            now(),
        )
        .unwrap();
        assert_eq!(t.value.expose(), "abc");
        assert!(t.is_fresh(now()));
        let t = Token::from_login_reply(br#"{"access_token":"x","expires_in":10}"#, now()).unwrap();
        assert!(!t.is_fresh(now()), "inside the renewal margin");
        let claims =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"exp":1795834800}"#);
        let jwt = format!("h.{claims}.s");
        let t = Token::from_login_reply(
            format!(r#"{{"data":{{"token":"{jwt}"}}}}"#).as_bytes(),
            now(),
        )
        .unwrap();
        assert_eq!(t.expires_at.timestamp(), 1795834800);
        assert!(Token::from_login_reply(br#"{"data":{"token":""}}"#, now()).is_none());
        assert!(Token::from_login_reply(b"<html>", now()).is_none());
    }
}
