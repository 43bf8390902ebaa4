//! The collection result an agent records after a call (`POST api/CollectionInsert`):
//! what the agent typed, its validation, the signed wire form, and the server's answer.

use super::callback::{Callback, CallbackRefusal};
use super::codes::MasterData;
pub use super::codes::{
    ACTIONS_WITHOUT_RESULT, PROMISE_ACTION, action_has_result, action_needs_promise, needs_promise,
};
use super::dates;
use super::lenient;
use super::money::Money;
use super::party::Party;
use super::window::CallingRules;
use super::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
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
/// The server's `period` is an SQL int: a larger number overflows there (to 0).
pub const PERIOD_MAX: u32 = i32::MAX as u32;

/// The address as the server's 25-character `cre_ip_address` column holds it: an IPv6
/// address (up to 39 characters) is cut rather than refused, so that it never blocks a send.
/// The second value says whether it was cut.
pub fn fit_ip_address(ip: &str) -> (String, bool) {
    let ip = ip.trim();
    if ip.chars().count() <= AGENT_FIELD_MAX {
        (ip.to_string(), false)
    } else {
        (ip.chars().take(AGENT_FIELD_MAX).collect(), true)
    }
}

/// `hashing` = lowercase hex SHA-256 of the UTF-8 bytes of `account_no + hash_key`.
pub fn sign(account_no: &str, hash_key: &str) -> String {
    let mut h = Sha256::new();
    h.update(account_no.as_bytes());
    h.update(hash_key.as_bytes());
    hex::encode(h.finalize())
}

/// A refused value: which field, and why. `reason` is what the workstation and the CLI word
/// in the agent's language; `message` is the same in English (logs, tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
    pub reason: Refusal,
}

impl FieldError {
    pub fn new(field: &'static str, reason: Refusal) -> FieldError {
        FieldError {
            field,
            message: reason.to_string(),
            reason,
        }
    }
}

/// Why a value is refused, with the numbers and the words typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `n` characters, at most `max`.
    TooLong {
        n: usize,
        max: usize,
    },
    Required,
    ControlCharacters,
    /// A PTP without a promise date.
    PromiseRequiredPtp,
    /// What was typed is not a date (`typed` empty: not said).
    NotADate {
        typed: String,
    },
    BeforeCallDate {
        date: NaiveDate,
        call_date: NaiveDate,
    },
    PeriodTooLarge {
        typed: String,
        max: u32,
    },
    NotAWholeNumber {
        typed: String,
    },
    /// 0, or something not a number, for a contract of `tenor` installments.
    NotAnInstallment {
        typed: String,
        tenor: u32,
    },
    PastTheTenor {
        n: u32,
        tenor: u32,
    },
    PeriodRequired {
        tenor: u32,
    },
    UnknownAction {
        action: String,
    },
    NotAResultOf {
        result: String,
        action: String,
    },
    /// The code list marks `action` as needing a promise date.
    PromiseRequiredFor {
        action: String,
    },
    InThePast {
        date: NaiveDate,
    },
    TooFarAhead {
        date: NaiveDate,
        days: i64,
        latest: NaiveDate,
    },
    /// Not one of the parties (`debtor`, `co_debtor`, ...).
    UnknownParty {
        typed: String,
    },
    /// The result code settles who answered (NCT01-03 nobody, NCT04 a third party).
    PartyContradicts {
        code: String,
        implied: Party,
    },
    /// Only the debtor or a co-debtor may give this answer (`DEBTOR_ONLY` in the code list).
    DebtorOnly {
        code: String,
        party: Party,
    },
    /// Not an amount of rupiah.
    NotAnAmount {
        typed: String,
    },
    AmountNotPositive,
    /// A promise with no amount typed, for an account whose total due is not known: nothing
    /// to stand in for it.
    AmountNeeded,
    Callback(CallbackRefusal),
    /// A callback for a customer whose zone is not known here.
    CallbackZoneUnknown,
    /// A contact outside the customer's calling window (`window::needs_consent`) recorded
    /// without the consumer's consent; `note` is why and when it opens.
    ConsentRequired {
        note: String,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::TooLong { n, max } => write!(f, "{n} characters, at most {max} allowed"),
            Refusal::Required => write!(f, "required"),
            Refusal::ControlCharacters => {
                write!(
                    f,
                    "contains control characters (line breaks, tabs or escapes)"
                )
            }
            Refusal::PromiseRequiredPtp => write!(f, "required for a promise to pay (PTP)"),
            Refusal::NotADate { typed } if typed.is_empty() => {
                write!(f, "not a date (use YYYY-MM-DD or +N days)")
            }
            Refusal::NotADate { typed } => {
                write!(f, "'{typed}' is not a date (use YYYY-MM-DD or +N days)")
            }
            Refusal::BeforeCallDate { date, call_date } => {
                write!(f, "{date} is before the call date {call_date}")
            }
            Refusal::PeriodTooLarge { typed, max } => {
                write!(f, "'{typed}' is past the server's largest number ({max})")
            }
            Refusal::NotAWholeNumber { typed } => {
                write!(f, "'{typed}' is not a whole number of 0 or more")
            }
            Refusal::NotAnInstallment { typed, tenor } => write!(
                f,
                "{} is not an installment of the contract (1..{tenor})",
                if typed == "0" {
                    "0".to_string()
                } else {
                    format!("'{typed}'")
                }
            ),
            Refusal::PastTheTenor { n, tenor } => write!(
                f,
                "{n} is past the contract's {tenor} installments (1..{tenor})"
            ),
            Refusal::PeriodRequired { tenor } => write!(
                f,
                "required: the installment the result is about (1..{tenor})"
            ),
            Refusal::UnknownAction { action } => write!(f, "'{action}' is not in the code list"),
            Refusal::NotAResultOf { result, action } => {
                write!(f, "'{result}' is not a result of {action}")
            }
            Refusal::PromiseRequiredFor { action } => write!(f, "required for {action}"),
            Refusal::InThePast { date } => write!(f, "{date} is in the past"),
            Refusal::TooFarAhead { date, days, latest } => {
                write!(f, "{date} is more than {days} days ahead (latest {latest})")
            }
            Refusal::UnknownParty { typed } => write!(
                f,
                "'{typed}' is not a party (debtor, co_debtor, spouse, family, emergency_contact, third_party, nobody)"
            ),
            Refusal::PartyContradicts { code, implied } => {
                write!(f, "{code} means the party is {implied}")
            }
            Refusal::DebtorOnly { code, party } => write!(
                f,
                "{code} may only be recorded with the debtor or a co-debtor, not {party} (POJK 22/2023 art. 62(2))"
            ),
            Refusal::NotAnAmount { typed } => write!(f, "'{typed}' is not an amount"),
            Refusal::ConsentRequired { note } => write!(
                f,
                "the call is outside the customer's calling window ({note}): give the consumer's consent reason"
            ),
            Refusal::AmountNotPositive => write!(f, "must be more than 0"),
            Refusal::AmountNeeded => {
                write!(f, "a promise needs an amount: the total due is not known")
            }
            Refusal::Callback(r) => write!(f, "{r}"),
            Refusal::CallbackZoneUnknown => {
                write!(f, "the customer's time zone is not known")
            }
        }
    }
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
    /// Who answered: a `Party` wire name; blank is `unknown`.
    pub party: String,
    /// "Call back at", in the customer's local time: `HH:MM`, `YYYY-MM-DD HH:MM` or `+2h`.
    pub callback: String,
    /// The amount promised (PTP); blank is the total due.
    pub amount: String,
}

/// A result that passed validation; `call_time` is when the agent made the call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        errors.push(FieldError::new(field, Refusal::TooLong { n, max }));
    }
}

fn require(errors: &mut Vec<FieldError>, field: &'static str, value: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, Refusal::Required));
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
            errors.push(FieldError::new("remark", Refusal::ControlCharacters));
        }

        let mut promise_date = None;
        if action_needs_promise(&action) {
            if self.promise_date.trim().is_empty() {
                errors.push(FieldError::new("promise_date", Refusal::PromiseRequiredPtp));
            } else {
                match parse_promise(&self.promise_date, call_time.date()) {
                    None => errors.push(FieldError::new(
                        "promise_date",
                        Refusal::NotADate {
                            typed: self.promise_date.trim().to_string(),
                        },
                    )),
                    Some(d) if d < call_time.date() => errors.push(FieldError::new(
                        "promise_date",
                        Refusal::BeforeCallDate {
                            date: d,
                            call_date: call_time.date(),
                        },
                    )),
                    Some(d) => promise_date = Some(d),
                }
            }
        }

        let period = match self.period.trim() {
            "" => 0,
            p => match p.parse::<u32>() {
                Ok(n) if n <= PERIOD_MAX => n,
                Ok(_) => {
                    errors.push(FieldError::new(
                        "period",
                        Refusal::PeriodTooLarge {
                            typed: p.to_string(),
                            max: PERIOD_MAX,
                        },
                    ));
                    0
                }
                Err(_) => {
                    errors.push(FieldError::new(
                        "period",
                        Refusal::NotAWholeNumber {
                            typed: p.to_string(),
                        },
                    ));
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

/// What the company and the contract allow beyond the field limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy<'a> {
    /// Promise dates at most this many days after the call date.
    pub horizon_days: i64,
    /// The contract's number of installments (task.total_installments), when known: the period must be 1..=tenor.
    pub tenor: Option<u32>,
    /// What the account owes now: the promised amount when none is typed.
    pub total_due: Option<Money>,
    /// The form asks who answered; a script may leave it `unknown`.
    pub party_required: bool,
    /// `result.party_in_remark`: the remark sent starts with `[spouse] `.
    pub party_in_remark: bool,
    /// `audit.anchor_in_remark`: the remark sent ends with the receipt's tag, so that
    /// `receipt::TAG_RESERVE` of the 255 characters are kept for it.
    pub anchor_in_remark: bool,
    /// The customer's zone and the rules, to judge a callback (`None`: zone unknown).
    pub calling: Option<CallingContext<'a>>,
}

/// Where and when a callback is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallingContext<'a> {
    pub rules: &'a CallingRules,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    /// How `+2h` reads: hours in English, days (hari) in Indonesian.
    pub lang: super::lang::Lang,
}

impl Default for Policy<'_> {
    fn default() -> Self {
        Policy {
            horizon_days: 30,
            tenor: None,
            total_due: None,
            party_required: false,
            party_in_remark: false,
            anchor_in_remark: false,
            calling: None,
        }
    }
}

/// A checked result with what is kept beside it locally (the server has no field for these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub result: CollectionResult,
    pub party: Party,
    pub callback: Option<Callback>,
    /// The amount promised (results that need a promise only).
    pub promised_amount: Option<Money>,
    /// A debtor-only answer recorded without saying who answered (`unknown`): the CLI warns.
    pub party_unconfirmed: bool,
    /// The consumer's consent to a contact outside their calling window, as they gave it
    /// (`window::consent_for` says when one is needed); the receipt records it.
    pub consent: Option<String>,
}

/// The fields of the result form, in the order it shows them: refusals are listed so.
pub const FORM_ORDER: [&str; 8] = [
    "action_code",
    "result_code",
    "party",
    "promise_date",
    "amount",
    "period",
    "callback",
    "remark",
];

/// The one check of a result, used by the form and by `deskcoll submit` alike. On success the result to send stamped with `call_time`; else every refusal, in the order the form shows its fields (action_code, result_code, promise_date, period, remark, then the rest).
///
/// A result code is ignored (blank) for actions without one (BPH, MSG), a promise date when
/// the action needs none. One refusal per field: the first found.
pub fn check(
    draft: &ResultDraft,
    codes: &MasterData,
    policy: &Policy,
    call_time: NaiveDateTime,
) -> Result<CollectionResult, Vec<FieldError>> {
    record(draft, codes, policy, call_time).map(|r| r.result)
}

/// The one check of a result with what is kept beside it (who answered, the callback, the
/// amount promised), used by the form and by `deskcoll submit` alike: every refusal of
/// [`check`], and those of the party, amount and callback fields, in the form's order.
pub fn record(
    draft: &ResultDraft,
    codes: &MasterData,
    policy: &Policy,
    call_time: NaiveDateTime,
) -> Result<Recorded, Vec<FieldError>> {
    let today = call_time.date();
    let action = draft.action_code.trim().to_uppercase();
    let needs = needs_promise(codes, &action);
    let draft = ResultDraft {
        action_code: action.clone(),
        result_code: if action_has_result(&action) {
            draft.result_code.clone()
        } else {
            String::new()
        },
        promise_date: if needs {
            draft.promise_date.clone()
        } else {
            String::new()
        },
        ..draft.clone()
    };
    let checked = draft.validate(call_time);
    let mut errors: Vec<FieldError> = Vec::new();
    let mut refuse = |field: &'static str, reason: Refusal| {
        if !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError::new(field, reason));
        }
    };
    // With the contract's tenor known, its words go first for the period.
    if let Some(tenor) = policy.tenor {
        let typed = draft.period.trim();
        match typed.parse::<u32>() {
            Ok(n) if (1..=tenor).contains(&n) => {}
            Ok(0) => refuse(
                "period",
                Refusal::NotAnInstallment {
                    typed: "0".into(),
                    tenor,
                },
            ),
            Ok(n) => refuse("period", Refusal::PastTheTenor { n, tenor }),
            Err(_) if typed.is_empty() => refuse("period", Refusal::PeriodRequired { tenor }),
            Err(_) => refuse(
                "period",
                Refusal::NotAnInstallment {
                    typed: typed.to_string(),
                    tenor,
                },
            ),
        }
    }
    if let Err(found) = &checked {
        for e in found {
            refuse(e.field, e.reason.clone());
        }
    }

    if !action.is_empty() && codes.action(&action).is_none() {
        refuse(
            "action_code",
            Refusal::UnknownAction {
                action: action.clone(),
            },
        );
    }
    let result = draft.result_code.trim().to_uppercase();
    if !result.is_empty()
        && codes.results_for(&action).next().is_some()
        && !codes.results_for(&action).any(|r| r.code == result)
    {
        refuse(
            "result_code",
            Refusal::NotAResultOf {
                result: result.clone(),
                action: action.clone(),
            },
        );
    }

    let promise = if needs {
        parse_promise(&draft.promise_date, today)
    } else {
        None
    };
    if needs {
        // `validate` knows PTP; a company list may mark other actions as promises.
        if !action_needs_promise(&action) {
            match promise {
                None if draft.promise_date.trim().is_empty() => refuse(
                    "promise_date",
                    Refusal::PromiseRequiredFor {
                        action: action.clone(),
                    },
                ),
                None => refuse(
                    "promise_date",
                    Refusal::NotADate {
                        typed: String::new(),
                    },
                ),
                Some(d) if d < today => refuse("promise_date", Refusal::InThePast { date: d }),
                Some(_) => {}
            }
        }
        let latest = today + Duration::days(policy.horizon_days);
        if let Some(date) = promise.filter(|d| *d > latest) {
            refuse(
                "promise_date",
                Refusal::TooFarAhead {
                    date,
                    days: policy.horizon_days,
                    latest,
                },
            );
        }
    }

    let result_code = if action_has_result(&action) {
        result.clone()
    } else {
        String::new()
    };
    let party = checked_party(&draft, codes, policy, &action, &result_code, &mut refuse);
    let promised_amount = if needs {
        checked_amount(&draft.amount, policy.total_due, &mut refuse)
    } else {
        None
    };
    let callback = checked_callback(&draft.callback, policy, &mut refuse);
    let n = remark_sent_len(policy, party, &draft.remark);
    if n > REMARK_MAX {
        refuse("remark", Refusal::TooLong { n, max: REMARK_MAX });
    }

    if !errors.is_empty() {
        let rank = |field: &str| {
            FORM_ORDER
                .iter()
                .position(|f| *f == field)
                .unwrap_or(FORM_ORDER.len())
        };
        // Stable: the other fields keep the order they were found in.
        errors.sort_by_key(|e| rank(e.field));
        return Err(errors);
    }
    let mut result = checked?;
    if needs && result.promise_date.is_none() {
        result.promise_date = promise;
    }
    if policy.party_in_remark && party != Party::Unknown {
        result.remark = party_remark(party, &result.remark);
    }
    Ok(Recorded {
        party_unconfirmed: party == Party::Unknown && codes.debtor_only(&action, &result_code),
        result,
        party,
        callback,
        promised_amount,
        consent: None,
    })
}

/// How many of the remark's 255 characters a remark typed as `remark` takes when sent: with
/// the party first (`result.party_in_remark`) and room for the anchor tag at its end
/// (`audit.anchor_in_remark`, `receipt::TAG_RESERVE`).
pub fn remark_sent_len(policy: &Policy, party: Party, remark: &str) -> usize {
    let typed = if policy.party_in_remark && party != Party::Unknown {
        party_remark(party, remark).chars().count()
    } else {
        remark.chars().count()
    };
    typed
        + if policy.anchor_in_remark {
            super::receipt::TAG_RESERVE
        } else {
            0
        }
}

/// The remark as sent with `result.party_in_remark`: `[spouse] paid half`.
pub fn party_remark(party: Party, remark: &str) -> String {
    format!("[{}] {remark}", party.wire())
}

/// Who answered: as chosen, or as the result code settles it; a debtor-only answer needs the
/// debtor or a co-debtor.
fn checked_party(
    draft: &ResultDraft,
    codes: &MasterData,
    policy: &Policy,
    action: &str,
    result_code: &str,
    refuse: &mut impl FnMut(&'static str, Refusal),
) -> Party {
    let Some(chosen) = Party::parse(&draft.party) else {
        refuse(
            "party",
            Refusal::UnknownParty {
                typed: draft.party.trim().to_string(),
            },
        );
        return Party::Unknown;
    };
    // Only a result of this action settles the party (a wrong pairing is refused already).
    let of_action = codes
        .results_for(action)
        .any(|r| r.code.eq_ignore_ascii_case(result_code));
    let party = match Party::implied_by(result_code).filter(|_| of_action) {
        Some(implied) if chosen == Party::Unknown || chosen == implied => implied,
        Some(implied) => {
            refuse(
                "party",
                Refusal::PartyContradicts {
                    code: result_code.to_string(),
                    implied,
                },
            );
            chosen
        }
        None => chosen,
    };
    if party == Party::Unknown && policy.party_required {
        refuse("party", Refusal::Required);
    }
    if party != Party::Unknown && !party.is_right_party() && codes.debtor_only(action, result_code)
    {
        let code = if result_code.is_empty() {
            action
        } else {
            result_code
        };
        refuse(
            "party",
            Refusal::DebtorOnly {
                code: code.to_string(),
                party,
            },
        );
    }
    party
}

/// The amount promised: as typed, else what the account owes; refused when neither is there
/// (a promise of nothing would add Rp 0 to the day's figures, silently).
fn checked_amount(
    typed: &str,
    total_due: Option<Money>,
    refuse: &mut impl FnMut(&'static str, Refusal),
) -> Option<Money> {
    if typed.trim().is_empty() {
        let owed = total_due.filter(|m| *m > Money::ZERO);
        if owed.is_none() {
            refuse("amount", Refusal::AmountNeeded);
        }
        return owed;
    }
    match Money::parse_typed(typed) {
        None => {
            refuse(
                "amount",
                Refusal::NotAnAmount {
                    typed: typed.trim().to_string(),
                },
            );
            None
        }
        Some(m) if m <= Money::ZERO => {
            refuse("amount", Refusal::AmountNotPositive);
            None
        }
        Some(m) => Some(m),
    }
}

fn checked_callback(
    typed: &str,
    policy: &Policy,
    refuse: &mut impl FnMut(&'static str, Refusal),
) -> Option<Callback> {
    if typed.trim().is_empty() {
        return None;
    }
    let Some(c) = policy.calling else {
        refuse("callback", Refusal::CallbackZoneUnknown);
        return None;
    };
    super::callback::parse(typed, c.now, c.zone, c.rules, c.lang)
        .map_err(|e| refuse("callback", Refusal::Callback(e)))
        .ok()
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
            ..ResultDraft::default()
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
    fn period_fits_the_servers_int_and_an_ipv6_address_is_cut() {
        let mut d = ptp();
        d.period = "2147483647".into();
        assert_eq!(
            d.validate(at("2021-12-29 10:00:00")).unwrap().period,
            2147483647
        );
        d.period = "2147483648".into();
        let errors = d.validate(at("2021-12-29 10:00:00")).unwrap_err();
        assert_eq!(errors[0].field, "period");
        assert!(
            errors[0].message.contains("2147483647"),
            "{}",
            errors[0].message
        );
        d.period = "4294967295".into();
        assert!(d.validate(at("2021-12-29 10:00:00")).is_err());

        let v6 = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
        let (cut, was_cut) = fit_ip_address(v6);
        assert!(was_cut);
        assert_eq!(cut, "2001:0db8:85a3:0000:0000:");
        assert_eq!(
            fit_ip_address(" 10.1.206.118 "),
            ("10.1.206.118".into(), false)
        );
        d.period = "1".into();
        d.ip_address = cut;
        assert!(
            d.validate(at("2021-12-29 10:00:00")).is_ok(),
            "a cut address sends"
        );
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

    // ---- `check`: the one check the form and `deskcoll submit` share ----

    const CALL: &str = "2026-11-27 10:00:00";

    fn policy(tenor: Option<u32>) -> Policy<'static> {
        Policy {
            horizon_days: 30,
            tenor,
            // A promise with no amount typed stands for the total due.
            total_due: Some(Money::from_units(2_500_000)),
            ..Policy::default()
        }
    }

    fn draft(action: &str, result: &str, promise: &str, period: &str) -> ResultDraft {
        ResultDraft {
            account_no: "000318270200055".into(),
            cust_name: "TRIJAYA".into(),
            action_code: action.into(),
            result_code: result.into(),
            promise_date: promise.into(),
            period: period.into(),
            remark: "janji".into(),
            agent_id: "A1".into(),
            ip_address: "10.0.0.1".into(),
            ..ResultDraft::default()
        }
    }

    fn refusals(d: &ResultDraft, p: &Policy) -> Vec<String> {
        check(d, &MasterData::builtin(), p, at(CALL))
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn passes(d: &ResultDraft, p: &Policy) -> CollectionResult {
        check(d, &MasterData::builtin(), p, at(CALL)).unwrap()
    }

    /// A code list where CBK (callback) needs a date, as a company's sheet may say.
    fn codes_with_dated_callback() -> MasterData {
        MasterData::from_rows(
            csv_rows("ACTION_CODE,RESULT_CODE,NEEDS_PROMISE\nPTP,PTP01,Y\nCBK,CBK01,Y\nMSG,,N\n")
                .unwrap(),
        )
        .unwrap()
    }

    use super::super::codes::csv_rows;

    #[test]
    fn check_accepts_a_good_promise_and_stamps_the_call_time() {
        let r = passes(&draft("ptp", "ptp01", "+2", "29"), &policy(Some(54)));
        assert_eq!(r.call_time, at(CALL));
        assert_eq!(r.action_code, "PTP");
        assert_eq!(r.result_code, "PTP01");
        assert_eq!(r.promise_date, NaiveDate::from_ymd_opt(2026, 11, 29));
        assert_eq!(r.period, 29);
    }

    #[test]
    fn check_refuses_codes_not_in_the_list() {
        assert_eq!(
            refusals(&draft("ZZZ", "ZZZ01", "", "1"), &policy(None)),
            vec!["action_code: 'ZZZ' is not in the code list"]
        );
        assert_eq!(
            refusals(&draft("PTP", "NCT01", "+1", "1"), &policy(None)),
            vec!["result_code: 'NCT01' is not a result of PTP"]
        );
        assert_eq!(
            refusals(&draft("", "", "", "1"), &policy(None)),
            vec!["action_code: required", "result_code: required"]
        );
        assert_eq!(
            refusals(&draft("NCT", "", "", "1"), &policy(None)),
            vec!["result_code: required"]
        );
    }

    #[test]
    fn check_ignores_the_result_of_bph_and_msg_and_the_promise_of_others() {
        for action in ["BPH", "msg"] {
            let r = passes(&draft(action, "PTP01", "garbage", "1"), &policy(None));
            assert_eq!(r.result_code, "", "{action}");
            assert_eq!(r.promise_date, None, "{action}");
        }
        let r = passes(&draft("NCT", "NCT01", "not a date", "1"), &policy(None));
        assert_eq!(r.promise_date, None);
    }

    #[test]
    fn check_follows_the_code_lists_promise_flag() {
        let codes = codes_with_dated_callback();
        assert!(needs_promise(&codes, "cbk"));
        assert!(needs_promise(&codes, "PTP"));
        assert!(needs_promise(&MasterData::default(), "PTP"), "PTP always");
        assert!(!needs_promise(&codes, "MSG"));
        assert!(!needs_promise(&MasterData::builtin(), "CBK"));
        let call = at(CALL);
        let refused = |promise: &str| {
            check(
                &draft("CBK", "CBK01", promise, "1"),
                &codes,
                &policy(None),
                call,
            )
            .unwrap_err()[0]
                .to_string()
        };
        assert_eq!(refused(""), "promise_date: required for CBK");
        assert_eq!(
            refused("soon"),
            "promise_date: not a date (use YYYY-MM-DD or +N days)"
        );
        assert_eq!(
            refused("2026-11-26"),
            "promise_date: 2026-11-26 is in the past"
        );
        let r = check(
            &draft("CBK", "CBK01", "+3", "1"),
            &codes,
            &policy(None),
            call,
        )
        .unwrap();
        assert_eq!(r.promise_date, NaiveDate::from_ymd_opt(2026, 11, 30));
    }

    #[test]
    fn check_promise_boundaries_call_date_and_horizon() {
        let p = policy(None);
        assert_eq!(
            passes(&draft("PTP", "PTP01", "2026-11-27", "1"), &p).promise_date,
            NaiveDate::from_ymd_opt(2026, 11, 27),
            "the call date itself"
        );
        assert_eq!(
            refusals(&draft("PTP", "PTP01", "2026-11-26", "1"), &p),
            vec!["promise_date: 2026-11-26 is before the call date 2026-11-27"]
        );
        // 30 days after 2026-11-27 is 2026-12-27.
        assert!(
            passes(&draft("PTP", "PTP01", "2026-12-27", "1"), &p)
                .promise_date
                .is_some()
        );
        assert_eq!(
            refusals(&draft("PTP", "PTP01", "2026-12-28", "1"), &p),
            vec!["promise_date: 2026-12-28 is more than 30 days ahead (latest 2026-12-27)"]
        );
        assert!(
            passes(&draft("PTP", "PTP01", "+30", "1"), &p)
                .promise_date
                .is_some()
        );
        assert!(
            check(
                &draft("PTP", "PTP01", "+31", "1"),
                &MasterData::builtin(),
                &p,
                at(CALL)
            )
            .is_err()
        );
        let none_ahead = Policy {
            horizon_days: 0,
            tenor: None,
            ..policy(None)
        };
        assert!(
            passes(&draft("PTP", "PTP01", "+0", "1"), &none_ahead)
                .promise_date
                .is_some()
        );
        assert_eq!(
            refusals(&draft("PTP", "PTP01", "+1", "1"), &none_ahead).len(),
            1
        );
    }

    #[test]
    fn check_remark_boundary() {
        let mut d = draft("NCT", "NCT01", "", "1");
        d.remark = "x".repeat(REMARK_MAX);
        assert_eq!(passes(&d, &policy(None)).remark.chars().count(), 255);
        d.remark = "é".repeat(REMARK_MAX);
        assert!(
            check(&d, &MasterData::builtin(), &policy(None), at(CALL)).is_ok(),
            "characters, not bytes"
        );
        d.remark = "x".repeat(REMARK_MAX + 1);
        assert_eq!(
            refusals(&d, &policy(None)),
            vec!["remark: 256 characters, at most 255 allowed"]
        );
    }

    #[test]
    fn check_period_against_the_tenor() {
        let p = policy(Some(60));
        assert_eq!(passes(&draft("NCT", "NCT01", "", "60"), &p).period, 60);
        assert_eq!(passes(&draft("NCT", "NCT01", "", "1"), &p).period, 1);
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", "61"), &p),
            vec!["period: 61 is past the contract's 60 installments (1..60)"]
        );
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", "999"), &p),
            vec!["period: 999 is past the contract's 60 installments (1..60)"]
        );
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", "0"), &p),
            vec!["period: 0 is not an installment of the contract (1..60)"]
        );
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", " "), &p),
            vec!["period: required: the installment the result is about (1..60)"],
            "blank is not said to be an installment"
        );
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", "-1"), &p),
            vec!["period: '-1' is not an installment of the contract (1..60)"],
            "one message per field"
        );
        // Tenor unknown: today's rule, blank is 0 and any whole number goes.
        assert_eq!(
            passes(&draft("NCT", "NCT01", "", ""), &policy(None)).period,
            0
        );
        assert_eq!(
            passes(&draft("NCT", "NCT01", "", "999"), &policy(None)).period,
            999
        );
        assert_eq!(
            refusals(&draft("NCT", "NCT01", "", "-1"), &policy(None)),
            vec!["period: '-1' is not a whole number of 0 or more"]
        );
    }

    #[test]
    fn check_lists_every_refusal_once_in_form_order() {
        let mut d = draft("PTP", "NCT01", "2026-11-01", "99");
        d.remark = format!("{}\n", "x".repeat(300));
        d.agent_id = String::new();
        d.cust_name = "N".repeat(51);
        let fields: Vec<&str> = check(&d, &MasterData::builtin(), &policy(Some(54)), at(CALL))
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "result_code",
                "promise_date",
                "period",
                "remark",
                "cust_name",
                "agent_id"
            ]
        );
        let mut d = draft("ZZZ", "ZZZ01", "", "0");
        d.remark = "x".repeat(256);
        let errors = refusals(&d, &policy(Some(3)));
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].starts_with("action_code: "));
        assert!(errors[1].starts_with("period: "));
        assert!(errors[2].starts_with("remark: "));
    }

    #[test]
    fn response_reads_codes_as_numbers_too() {
        let r: CollectionResponse =
            serde_json::from_str(r#"{"respon_code":0,"respon_mess":null}"#).unwrap();
        assert_eq!(r.respon_code, "0");
        assert!(!r.is_ok());
    }

    // ---- who answered, the amount promised, the callback ----

    fn recorded(d: &ResultDraft, p: &Policy) -> Result<Recorded, Vec<String>> {
        record(d, &MasterData::builtin(), p, at(CALL))
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    fn with_party(mut d: ResultDraft, party: &str) -> ResultDraft {
        d.party = party.into();
        d
    }

    #[test]
    fn a_promise_to_pay_with_anyone_but_the_debtor_or_a_co_debtor_is_refused_at_the_party_field() {
        let ptp = draft("PTP", "PTP01", "+2", "1");
        for party in ["debtor", "co_debtor"] {
            let r = recorded(&with_party(ptp.clone(), party), &policy(None)).unwrap();
            assert_eq!(r.party.wire(), party);
            assert!(!r.party_unconfirmed);
        }
        for party in [
            "spouse",
            "family",
            "emergency_contact",
            "third_party",
            "nobody",
        ] {
            assert_eq!(
                recorded(&with_party(ptp.clone(), party), &policy(None)).unwrap_err(),
                vec![format!(
                    "party: PTP01 may only be recorded with the debtor or a co-debtor, not {party} (POJK 22/2023 art. 62(2))"
                )]
            );
        }
        // Other answers may come from anyone.
        let r = recorded(
            &with_party(draft("MSG", "", "", "1"), "spouse"),
            &policy(None),
        );
        assert_eq!(r.unwrap().party, Party::Spouse);
    }

    #[test]
    fn a_promise_with_no_party_said_is_recorded_unknown_and_flagged_for_a_warning() {
        let r = recorded(&draft("PTP", "PTP01", "+2", "1"), &policy(None)).unwrap();
        assert_eq!(r.party, Party::Unknown);
        assert!(r.party_unconfirmed);
        let r = recorded(&draft("CTC", "CTC01", "", "1"), &policy(None)).unwrap();
        assert!(!r.party_unconfirmed, "not a debtor-only answer");
        // The form asks: there it is required.
        let form = Policy {
            party_required: true,
            ..policy(None)
        };
        assert_eq!(
            recorded(&draft("CTC", "CTC01", "", "1"), &form).unwrap_err(),
            vec!["party: required"]
        );
    }

    #[test]
    fn no_answer_means_nobody_a_wrong_number_a_third_party_and_a_contradiction_is_refused() {
        let form = Policy {
            party_required: true,
            ..policy(None)
        };
        for (code, party) in [
            ("NCT01", Party::Nobody),
            ("NCT02", Party::Nobody),
            ("NCT03", Party::Nobody),
            ("NCT04", Party::ThirdParty),
        ] {
            let r = recorded(&draft("NCT", code, "", "1"), &form).unwrap();
            assert_eq!(r.party, party, "{code} sets the party by itself");
        }
        assert_eq!(
            recorded(&with_party(draft("NCT", "NCT01", "", "1"), "debtor"), &form).unwrap_err(),
            vec!["party: NCT01 means the party is nobody"]
        );
        assert_eq!(
            recorded(
                &with_party(draft("NCT", "NCT01", "", "1"), "neighbour"),
                &form
            )
            .unwrap_err()
            .len(),
            1
        );
    }

    #[test]
    fn party_in_remark_prefixes_the_remark_sent_and_counts_toward_its_255() {
        let p = Policy {
            party_in_remark: true,
            ..policy(None)
        };
        let mut d = with_party(draft("MSG", "", "", "1"), "spouse");
        d.remark = "titip pesan".into();
        assert_eq!(
            recorded(&d, &p).unwrap().result.remark,
            "[spouse] titip pesan"
        );
        assert_eq!(
            recorded(&d, &policy(None)).unwrap().result.remark,
            "titip pesan",
            "off by default"
        );
        d.remark = "x".repeat(REMARK_MAX - 9);
        assert_eq!(
            recorded(&d, &p).unwrap().result.remark.chars().count(),
            REMARK_MAX
        );
        d.remark.push('x');
        assert_eq!(
            recorded(&d, &p).unwrap_err(),
            vec!["remark: 256 characters, at most 255 allowed"]
        );
        // Nothing is prefixed when nobody said who answered.
        let mut unsaid = draft("MSG", "", "", "1");
        unsaid.remark = "ok".into();
        assert_eq!(recorded(&unsaid, &p).unwrap().result.remark, "ok");
    }

    #[test]
    fn the_promised_amount_defaults_to_the_total_due_and_a_typed_one_wins() {
        let owed = Policy {
            total_due: Some(Money::from_units(2_643_564)),
            ..policy(None)
        };
        let ptp = with_party(draft("PTP", "PTP02", "+2", "1"), "debtor");
        assert_eq!(
            recorded(&ptp, &owed).unwrap().promised_amount,
            Some(Money::from_units(2_643_564))
        );
        let mut part = ptp.clone();
        part.amount = "1.000.000".into();
        assert_eq!(
            recorded(&part, &owed).unwrap().promised_amount,
            Some(Money::from_units(1_000_000))
        );
        part.amount = "sejuta".into();
        assert_eq!(
            recorded(&part, &owed).unwrap_err(),
            vec!["amount: 'sejuta' is not an amount"]
        );
        part.amount = "0".into();
        assert_eq!(
            recorded(&part, &owed).unwrap_err(),
            vec!["amount: must be more than 0"]
        );
        // Nothing typed and nothing owed on record: refused at the field, not Rp 0.
        let mut unknown = ptp.clone();
        unknown.amount = String::new();
        let unknown_due = Policy {
            total_due: None,
            ..policy(None)
        };
        assert_eq!(
            recorded(&unknown, &unknown_due).unwrap_err(),
            vec!["amount: a promise needs an amount: the total due is not known"]
        );
        // No promise, no amount.
        let mut msg = draft("MSG", "", "", "1");
        msg.amount = "5".into();
        assert_eq!(recorded(&msg, &owed).unwrap().promised_amount, None);
    }

    #[test]
    fn a_callback_outside_the_customers_window_is_refused_at_its_field_with_the_next_time() {
        let rules = CallingRules::default();
        let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00")
            .unwrap()
            .into();
        let p = Policy {
            calling: Some(CallingContext {
                rules: &rules,
                zone: Zone::Wit,
                now,
                lang: crate::domain::lang::Lang::En,
            }),
            ..policy(None)
        };
        let mut d = draft("CBK", "CBK01", "", "1");
        d.callback = "20:15".into();
        assert_eq!(
            recorded(&d, &p).unwrap_err(),
            vec![
                "callback: 2026-11-27 20:15 WIT is outside the customer's calling window; next allowed 2026-11-28 08:00 WIT"
            ]
        );
        d.callback = "16:00".into();
        let c = recorded(&d, &p).unwrap().callback.unwrap();
        assert_eq!(c.zone, Zone::Wit);
        assert_eq!(c.due_utc.to_rfc3339(), "2026-11-27T07:00:00+00:00");
        // Without the customer's zone no callback is taken.
        assert_eq!(
            recorded(&d, &policy(None)).unwrap_err(),
            vec!["callback: the customer's time zone is not known"]
        );
    }
}
