//! Proof of lawful contact: every recorded result keeps a receipt of the circumstances the
//! rules judged it in (the customer's zone and local time, the window, consent, how many
//! contacts that day, who answered), chained by SHA-256 so that an edited or removed receipt
//! shows.

use super::window::{CallingRules, Closed, Window};
use super::zone::{ZoneGuess, ZoneSource};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The rule set the verdicts were made under, and its date. Change it when the rules change.
pub const RULES_VERSION: &str = "POJK 22/2023 art. 62, deskcoll rules of 2026-11-28";

/// What the first receipt chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The circumstances of a call as the rules saw them, before it joins the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Circumstances {
    pub zone: String,
    pub zone_source: &'static str,
    pub local_time: String,
    pub window_state: &'static str,
    pub consent: bool,
    pub consent_reason: String,
    pub contacts_that_day: u32,
    pub holidays_sha256: String,
}

impl Circumstances {
    /// Nothing judged: a result stored without its circumstances (tests, benchmarks).
    pub fn unjudged() -> Circumstances {
        Circumstances {
            zone: String::new(),
            zone_source: "default",
            local_time: String::new(),
            window_state: "unknown",
            consent: false,
            consent_reason: String::new(),
            contacts_that_day: 0,
            holidays_sha256: String::new(),
        }
    }

    /// From the customer's zone and the window at the call; `consent` is the reason the
    /// consumer gave for a call outside it (an override), if one was logged;
    /// `contacts_that_day` counts this result.
    pub fn of(
        guess: &ZoneGuess,
        window: &Window,
        rules: &CallingRules,
        consent: Option<&str>,
        contacts_that_day: u32,
    ) -> Circumstances {
        Circumstances {
            zone: guess.zone.name().to_string(),
            zone_source: match guess.source {
                ZoneSource::Address => "address",
                ZoneSource::Branch => "branch",
                ZoneSource::Default => "default",
            },
            local_time: window.local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            window_state: window_state(window),
            consent: consent.is_some(),
            consent_reason: consent.unwrap_or_default().to_string(),
            contacts_that_day,
            holidays_sha256: rules.holidays_sha256(),
        }
    }
}

/// `open`, `closed`, `holiday`, `cuti_bersama` (open or closed on one) or `sunday`.
pub fn window_state(w: &Window) -> &'static str {
    match &w.closed {
        None if w.cuti_bersama.is_some() => "cuti_bersama",
        None => "open",
        Some(Closed::Holiday(_)) => "holiday",
        Some(Closed::CutiBersama(_)) => "cuti_bersama",
        Some(Closed::DayOff(chrono::Weekday::Sun)) => "sunday",
        Some(_) => "closed",
    }
}

/// One receipt as stored and exported. Its hash covers every field but `sha256` itself, in
/// this order, as compact JSON (the canonical form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub account_no: String,
    pub action_code: String,
    pub result_code: String,
    pub call_time: String,
    pub zone: String,
    pub zone_source: String,
    pub local_time: String,
    pub window_state: String,
    pub consent: bool,
    pub consent_reason: String,
    pub contacts_that_day: u32,
    pub party: String,
    pub rules_version: String,
    pub holidays_sha256: String,
    pub prev_sha256: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
}

impl Receipt {
    /// The receipt of a result in `circumstances`, chained to `prev_sha256` and sealed.
    pub fn seal(
        result: &super::CollectionResult,
        party: super::party::Party,
        c: &Circumstances,
        prev_sha256: &str,
    ) -> Receipt {
        let mut r = Receipt {
            account_no: result.account_no.clone(),
            action_code: result.action_code.clone(),
            result_code: result.result_code.clone(),
            call_time: super::dates::wire(result.call_time),
            zone: c.zone.clone(),
            zone_source: c.zone_source.to_string(),
            local_time: c.local_time.clone(),
            window_state: c.window_state.to_string(),
            consent: c.consent,
            consent_reason: c.consent_reason.clone(),
            contacts_that_day: c.contacts_that_day,
            party: party.wire().to_string(),
            rules_version: RULES_VERSION.to_string(),
            holidays_sha256: c.holidays_sha256.clone(),
            prev_sha256: prev_sha256.to_string(),
            sha256: String::new(),
        };
        r.sha256 = digest(&r.canonical());
        r
    }

    /// The compact JSON the hash is taken of: every field but `sha256`.
    pub fn canonical(&self) -> String {
        let bare = Receipt {
            sha256: String::new(),
            ..self.clone()
        };
        serde_json::to_string(&bare).expect("a receipt serializes")
    }
}

/// SHA-256 of `text`, hex.
pub fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Why a chain does not hold, at the first record that breaks it (its position, from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// The stored body does not hash to the stored `sha256`: the receipt was edited.
    Edited { at: usize },
    /// The body does not read as a receipt.
    Unreadable { at: usize },
    /// `prev_sha256` is not the previous receipt's hash: one was removed, inserted or reordered.
    Unlinked { at: usize },
}

/// Checks a chain as stored, oldest first: each `(body, sha256)` where `body` is the canonical
/// JSON kept. The first record that does not hold is named.
pub fn verify<'a>(chain: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<usize, Broken> {
    let mut prev = GENESIS.to_string();
    let mut n = 0;
    for (at, (body, sha)) in chain.into_iter().enumerate() {
        if digest(body) != sha {
            return Err(Broken::Edited { at });
        }
        let receipt: Receipt = serde_json::from_str(body).map_err(|_| Broken::Unreadable { at })?;
        if receipt.prev_sha256 != prev {
            return Err(Broken::Unlinked { at });
        }
        prev = sha.to_string();
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::super::CollectionResult;
    use super::super::party::Party;
    use super::*;
    use chrono::{DateTime, Utc};

    fn result(account: &str) -> CollectionResult {
        CollectionResult {
            account_no: account.into(),
            call_time: chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            ..CollectionResult::default()
        }
    }

    fn circumstances(at: &str, zone: super::super::zone::Zone) -> Circumstances {
        let now: DateTime<Utc> = DateTime::parse_from_rfc3339(at).unwrap().into();
        let rules = CallingRules::default();
        let guess = ZoneGuess {
            zone,
            source: ZoneSource::Address,
            place: "MANADO".into(),
        };
        let window = rules.check(now, zone);
        Circumstances::of(&guess, &window, &rules, None, 1)
    }

    fn chain(n: usize) -> Vec<Receipt> {
        let c = circumstances("2026-11-27T10:00:00+07:00", super::super::zone::Zone::Wita);
        let mut prev = GENESIS.to_string();
        (0..n)
            .map(|i| {
                let r = Receipt::seal(&result(&format!("A{i}")), Party::Debtor, &c, &prev);
                prev = r.sha256.clone();
                r
            })
            .collect()
    }

    fn stored(chain: &[Receipt]) -> Vec<(String, String)> {
        chain
            .iter()
            .map(|r| (r.canonical(), r.sha256.clone()))
            .collect()
    }

    fn check(rows: &[(String, String)]) -> Result<usize, Broken> {
        verify(rows.iter().map(|(b, s)| (b.as_str(), s.as_str())))
    }

    #[test]
    fn the_window_state_names_the_day_and_the_hour() {
        use super::super::zone::Zone::Wib;
        let state = |at| circumstances(at, Wib).window_state;
        assert_eq!(state("2026-11-27T10:00:00+07:00"), "open");
        assert_eq!(state("2026-11-27T20:00:00+07:00"), "closed");
        assert_eq!(state("2026-11-29T10:00:00+07:00"), "sunday");
        assert_eq!(state("2026-12-25T10:00:00+07:00"), "holiday");
        // Cuti bersama (warn, the default): callable, and said so.
        assert_eq!(state("2026-12-24T10:00:00+07:00"), "cuti_bersama");
        let c = circumstances("2026-11-27T10:00:00+07:00", Wib);
        assert_eq!(c.local_time, "2026-11-27T10:00:00+07:00");
        assert_eq!(c.zone, "WIB");
        assert_eq!(c.zone_source, "address");
        assert_eq!(c.holidays_sha256.len(), 64);
    }

    #[test]
    fn a_sound_chain_verifies_and_each_link_names_the_one_before() {
        let receipts = chain(3);
        assert_eq!(receipts[0].prev_sha256, GENESIS);
        assert_eq!(receipts[1].prev_sha256, receipts[0].sha256);
        assert_eq!(check(&stored(&receipts)), Ok(3));
        assert_eq!(receipts[0].rules_version, RULES_VERSION);
        assert!(!receipts[0].canonical().contains("\"sha256\""));
        assert!(receipts[0].canonical().contains("\"prev_sha256\""));
    }

    #[test]
    fn one_edited_byte_names_that_receipt() {
        let mut rows = stored(&chain(3));
        rows[1].0 = rows[1]
            .0
            .replace("\"contacts_that_day\":1", "\"contacts_that_day\":2");
        assert_eq!(check(&rows), Err(Broken::Edited { at: 1 }));
    }

    #[test]
    fn a_removed_or_resealed_receipt_breaks_the_link_after_it() {
        let receipts = chain(3);
        let mut rows = stored(&receipts);
        rows.remove(1);
        assert_eq!(check(&rows), Err(Broken::Unlinked { at: 1 }));
        // Re-hashing an edited receipt does not help: the next one still names the old hash.
        let mut forged = receipts.clone();
        forged[0].consent = true;
        forged[0] = Receipt::seal(
            &result("A0"),
            Party::Debtor,
            &Circumstances {
                consent: true,
                ..circumstances("2026-11-27T10:00:00+07:00", super::super::zone::Zone::Wita)
            },
            GENESIS,
        );
        assert_eq!(check(&stored(&forged)), Err(Broken::Unlinked { at: 1 }));
    }
}
