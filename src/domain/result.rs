//! The collection result an agent records after a call (`POST api/CollectionInsert`):
//! what the agent typed, its validation, the signed wire form, and the server's answer.

use super::dates;
use super::lenient;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Column sizes of the server's table; longer values fail there with a misleading
/// "account does not exist", so we refuse them first.
pub const ACCOUNT_NO_MAX: usize = 25;
pub const CUST_NAME_MAX: usize = 50;
pub const CODE_MAX: usize = 10;
pub const REMARK_MAX: usize = 255;
pub const AGENT_FIELD_MAX: usize = 25;

/// Actions whose result code the server blanks (they carry none).
pub const ACTIONS_WITHOUT_RESULT: [&str; 2] = ["BPH", "MSG"];
pub const PROMISE_ACTION: &str = "PTP";

/// `hashing` = lowercase hex SHA-256 of the UTF-8 bytes of `account_no + hash_key`.
pub fn sign(account_no: &str, hash_key: &str) -> String {
    let mut h = Sha256::new();
    h.update(account_no.as_bytes());
    h.update(hash_key.as_bytes());
    hex::encode(h.finalize())
}

pub fn action_needs_promise(action: &str) -> bool {
    action.trim().eq_ignore_ascii_case(PROMISE_ACTION)
}

pub fn action_has_result(action: &str) -> bool {
    !ACTIONS_WITHOUT_RESULT
        .iter()
        .any(|a| action.trim().eq_ignore_ascii_case(a))
}

/// A refused value: which field, and why, in words an agent understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// What was typed, as typed. Validation turns it into a [`CollectionResult`] or says why not;
/// the draft itself is never changed, so a refused form keeps every character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultDraft {
    pub account_no: String,
    pub cust_name: String,
    pub action_code: String,
    pub result_code: String,
    /// `YYYY-MM-DD`, a full date-time, or `+N` (days from the call date).
    pub promise_date: String,
    /// Blank means 0.
    pub period: String,
    pub remark: String,
    pub agent_id: String,
    pub ip_address: String,
}

/// A result that passed validation; `call_time` is when the agent made the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionResult {
    pub account_no: String,
    pub call_time: NaiveDateTime,
    pub cust_name: String,
    pub action_code: String,
    pub result_code: String,
    pub promise_date: Option<NaiveDate>,
    pub period: u32,
    pub remark: String,
    pub agent_id: String,
    pub ip_address: String,
}

/// Reads a promise date: `YYYY-MM-DD` (or any spelling `dates` knows) or `+N` days from `today`.
pub fn parse_promise(input: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = input.trim();
    if let Some(days) = t.strip_prefix('+') {
        let n: i64 = days.trim().parse().ok()?;
        return (0..=3650).contains(&n).then(|| today + Duration::days(n));
    }
    dates::parse_date(t)
}

fn check_len(errors: &mut Vec<FieldError>, field: &'static str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        errors.push(FieldError {
            field,
            message: format!("{n} characters, at most {max} allowed"),
        });
    }
}

fn require(errors: &mut Vec<FieldError>, field: &'static str, value: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError {
            field,
            message: "required".into(),
        });
    }
}

impl ResultDraft {
    /// Every violation at once, each naming its field and the limit.
    pub fn validate(&self, call_time: NaiveDateTime) -> Result<CollectionResult, Vec<FieldError>> {
        let mut errors = Vec::new();
        let action = self.action_code.trim().to_uppercase();
        let result = self.result_code.trim().to_uppercase();

        require(&mut errors, "account_no", &self.account_no);
        check_len(
            &mut errors,
            "account_no",
            self.account_no.trim(),
            ACCOUNT_NO_MAX,
        );
        check_len(
            &mut errors,
            "cust_name",
            self.cust_name.trim(),
            CUST_NAME_MAX,
        );
        require(&mut errors, "action_code", &action);
        check_len(&mut errors, "action_code", &action, CODE_MAX);
        if action_has_result(&action) {
            require(&mut errors, "result_code", &result);
        }
        check_len(&mut errors, "result_code", &result, CODE_MAX);
        check_len(&mut errors, "remark", &self.remark, REMARK_MAX);
        require(&mut errors, "agent_id", &self.agent_id);
        check_len(
            &mut errors,
            "agent_id",
            self.agent_id.trim(),
            AGENT_FIELD_MAX,
        );
        check_len(
            &mut errors,
            "ip_address",
            self.ip_address.trim(),
            AGENT_FIELD_MAX,
        );
        if self.remark.chars().any(char::is_control) {
            errors.push(FieldError {
                field: "remark",
                message: "contains control characters (line breaks, tabs or escapes)".into(),
            });
        }

        let mut promise_date = None;
        if action_needs_promise(&action) {
            if self.promise_date.trim().is_empty() {
                errors.push(FieldError {
                    field: "promise_date",
                    message: "required for a promise to pay (PTP)".into(),
                });
            } else {
                match parse_promise(&self.promise_date, call_time.date()) {
                    None => errors.push(FieldError {
                        field: "promise_date",
                        message: format!(
                            "'{}' is not a date (use YYYY-MM-DD or +N days)",
                            self.promise_date.trim()
                        ),
                    }),
                    Some(d) if d < call_time.date() => errors.push(FieldError {
                        field: "promise_date",
                        message: format!("{d} is before the call date {}", call_time.date()),
                    }),
                    Some(d) => promise_date = Some(d),
                }
            }
        }

        let period = match self.period.trim() {
            "" => 0,
            p => match p.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    errors.push(FieldError {
                        field: "period",
                        message: format!("'{p}' is not a whole number of 0 or more"),
                    });
                    0
                }
            },
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CollectionResult {
            account_no: self.account_no.trim().to_string(),
            call_time,
            cust_name: self.cust_name.trim().to_string(),
            result_code: if action_has_result(&action) {
                result
            } else {
                String::new()
            },
            action_code: action,
            promise_date,
            period,
            remark: self.remark.clone(),
            agent_id: self.agent_id.trim().to_string(),
            ip_address: self.ip_address.trim().to_string(),
        })
    }
}

impl CollectionResult {
    /// The signed body the server expects. Both dates are always sent (the server's columns
    /// are non-nullable); a result without a promise carries the call time there.
    pub fn to_request(&self, hash_key: &str) -> CollectionRequest {
        let call = dates::wire(self.call_time);
        let promise = match self.promise_date {
            Some(d) => dates::wire(d.and_time(NaiveTime::MIN)),
            None => call.clone(),
        };
        CollectionRequest {
            account_no: self.account_no.clone(),
            collection_date: call,
            cust_name: self.cust_name.clone(),
            result_code: self.result_code.clone(),
            action_code: self.action_code.clone(),
            remark: self.remark.clone(),
            cre_by: self.agent_id.clone(),
            cre_ip_address: self.ip_address.clone(),
            mod_by: self.agent_id.clone(),
            mod_ip_address: self.ip_address.clone(),
            promise_date: promise,
            period: self.period.to_string(),
            hashing: sign(&self.account_no, hash_key),
        }
    }
}

/// The wire form of a result, as in the seed's example: every value a JSON string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollectionRequest {
    #[serde(deserialize_with = "lenient::string")]
    pub account_no: String,
    #[serde(deserialize_with = "lenient::string")]
    pub collection_date: String,
    #[serde(deserialize_with = "lenient::string")]
    pub cust_name: String,
    #[serde(deserialize_with = "lenient::string")]
    pub result_code: String,
    #[serde(deserialize_with = "lenient::string")]
    pub action_code: String,
    #[serde(deserialize_with = "lenient::string")]
    pub remark: String,
    #[serde(deserialize_with = "lenient::string")]
    pub cre_by: String,
    #[serde(deserialize_with = "lenient::string")]
    pub cre_ip_address: String,
    #[serde(deserialize_with = "lenient::string")]
    pub mod_by: String,
    #[serde(deserialize_with = "lenient::string")]
    pub mod_ip_address: String,
    #[serde(deserialize_with = "lenient::string")]
    pub promise_date: String,
    #[serde(deserialize_with = "lenient::string")]
    pub period: String,
    #[serde(deserialize_with = "lenient::string")]
    pub hashing: String,
}

/// `{"respon_code": "00", "respon_mess": "..."}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollectionResponse {
    #[serde(deserialize_with = "lenient::string")]
    pub respon_code: String,
    #[serde(deserialize_with = "lenient::string")]
    pub respon_mess: String,
}

impl CollectionResponse {
    pub const OK: &'static str = "00";
    pub const REFUSED: &'static str = "90";
    pub const INVALID_TOKEN: &'static str = "91";

    pub fn is_ok(&self) -> bool {
        self.respon_code.trim() == Self::OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        dates::parse_datetime(s).unwrap()
    }

    fn ptp() -> ResultDraft {
        ResultDraft {
            account_no: "000319280100042".into(),
            cust_name: "PUTRA SIMEULUE CUTT".into(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            promise_date: "2021-12-31".into(),
            period: "0".into(),
            remark: "Customer pasti bayar 22".into(),
            agent_id: "1812010".into(),
            ip_address: "10.1.206.118".into(),
        }
    }

    #[test]
    fn signing_matches_the_seed_known_answer() {
        assert_eq!(
            sign("000319280100042", "8de3ef10fec04f05adb8631f9186a437"),
            "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"
        );
    }

    #[test]
    fn seed_example_round_trips_to_the_seed_body() {
        let result = ptp().validate(at("2021-12-29 00:00:00")).unwrap();
        let body =
            serde_json::to_value(result.to_request("8de3ef10fec04f05adb8631f9186a437")).unwrap();
        let seed: serde_json::Value = serde_json::from_str(
            r#"{"account_no":"000319280100042","collection_date":"2021-12-29 00:00:00","cust_name":"PUTRA SIMEULUE CUTT","result_code":"PTP01","action_code":"PTP","remark":"Customer pasti bayar 22","cre_by":"1812010","cre_ip_address":"10.1.206.118","mod_by":"1812010","mod_ip_address":"10.1.206.118","promise_date":"2021-12-31 00:00:00","period":"0","hashing":"87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"}"#,
        )
        .unwrap();
        assert_eq!(body, seed);
    }

    #[test]
    fn every_limit_is_named() {
        let mut d = ptp();
        d.account_no = "1".repeat(26);
        d.cust_name = "N".repeat(51);
        d.result_code = "R".repeat(11);
        d.action_code = "PTPPTPPTPPTP".into();
        d.remark = "x".repeat(256);
        d.agent_id = "a".repeat(26);
        d.ip_address = "9".repeat(26);
        let errors = d.validate(at("2021-12-29 10:00:00")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for f in [
            "account_no",
            "cust_name",
            "result_code",
            "action_code",
            "remark",
            "agent_id",
            "ip_address",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        assert!(
            errors
                .iter()
                .any(|e| e.to_string() == "remark: 256 characters, at most 255 allowed")
        );
    }

    #[test]
    fn ptp_needs_a_valid_future_promise() {
        let now = at("2021-12-29 10:00:00");
        let mut d = ptp();
        d.promise_date = "".into();
        assert_eq!(d.validate(now).unwrap_err()[0].field, "promise_date");
        d.promise_date = "2021-02-30".into();
        assert!(
            d.validate(now).unwrap_err()[0]
                .message
                .contains("not a date")
        );
        d.promise_date = "2021-12-28".into();
        assert!(
            d.validate(now).unwrap_err()[0]
                .message
                .contains("before the call date")
        );
        d.promise_date = "+2".into();
        assert_eq!(
            d.validate(now).unwrap().promise_date,
            NaiveDate::from_ymd_opt(2021, 12, 31)
        );
    }

    #[test]
    fn non_ptp_sends_call_time_as_promise_placeholder_and_bph_drops_result() {
        let mut d = ptp();
        d.action_code = "bph".into();
        d.result_code = "".into();
        d.promise_date = "garbage is ignored when not PTP".into();
        let r = d.validate(at("2021-12-29 10:11:12")).unwrap();
        let req = r.to_request("k");
        assert_eq!(req.action_code, "BPH");
        assert_eq!(req.result_code, "");
        assert_eq!(req.promise_date, "2021-12-29 10:11:12");
    }

    #[test]
    fn period_must_be_a_non_negative_integer() {
        let mut d = ptp();
        d.period = "-1".into();
        assert_eq!(
            d.validate(at("2021-12-29 10:00:00")).unwrap_err()[0].field,
            "period"
        );
        d.period = "".into();
        assert_eq!(d.validate(at("2021-12-29 10:00:00")).unwrap().period, 0);
    }

    #[test]
    fn response_reads_codes_as_numbers_too() {
        let r: CollectionResponse =
            serde_json::from_str(r#"{"respon_code":0,"respon_mess":null}"#).unwrap();
        assert_eq!(r.respon_code, "0");
        assert!(!r.is_ok());
    }
}
