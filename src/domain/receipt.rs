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

/// What the verdict depended on beyond the call itself: the clock, the calling rules in force
/// and where they came from. Receipts from this release on carry them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// `system`, or `fixed` when `--now` was in force.
    pub clock: &'static str,
    /// SHA-256 of the calling rules in force (`CallingRules::rules_sha256`).
    pub rules_sha256: String,
    /// `default`, `system`, `user`, `env` or `flag`.
    pub rules_source: &'static str,
}

impl Binding {
    pub fn of(rules: &CallingRules, fixed_clock: bool) -> Binding {
        Binding {
            clock: if fixed_clock { "fixed" } else { "system" },
            rules_sha256: rules.rules_sha256(),
            rules_source: rules.source,
        }
    }
}

/// The version of deskcoll that writes receipts.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// At most this many characters of a remark are the anchor tag and the space before it.
pub const TAG_RESERVE: usize = 24;

/// The anchor a result sent carries in its remark: its receipt's `seq` and the first ten
/// hex digits of the chain's head before it (`prev_sha256`), e.g. `[dc 17 3f9a1c2b7e]`.
pub fn tag(seq: u64, prev_sha256: &str) -> String {
    format!(
        "[dc {seq} {}]",
        prev_sha256.get(..10).unwrap_or(prev_sha256)
    )
}

/// The remark sent: what was typed, a space, the tag (the tag alone for an empty remark).
pub fn tagged_remark(remark: &str, tag: &str) -> String {
    let remark = untagged(remark);
    if remark.is_empty() {
        tag.to_string()
    } else {
        format!("{remark} {tag}")
    }
}

/// A remark without the anchor tag it ends with, if any (an edited result gets a new one).
pub fn untagged(remark: &str) -> &str {
    match remark.rfind("[dc ") {
        Some(i) if parse_tag(&remark[i..]).is_some_and(|(_, t)| t.len() == remark.len() - i) => {
            remark[..i].trim_end()
        }
        _ => remark,
    }
}

/// The tags in a remark as stored by a server: `(seq, tag)` of each `[dc N hhhhhhhhhh]`.
pub fn tags_in(remark: &str) -> Vec<(u64, String)> {
    let mut found = Vec::new();
    let mut rest = remark;
    while let Some(i) = rest.find("[dc ") {
        if let Some(t) = parse_tag(&rest[i..]) {
            found.push(t);
        }
        rest = &rest[i + 4..];
    }
    found
}

/// A tag at the start of `s`: `[dc `, digits, a space, ten lowercase hex digits, `]`.
fn parse_tag(s: &str) -> Option<(u64, String)> {
    let body = s.strip_prefix("[dc ")?;
    let (seq, rest) = body.split_once(' ')?;
    if seq.is_empty() || !seq.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hex = rest.get(..10)?;
    if !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) || rest.get(10..11)? != "]" {
        return None;
    }
    let seq: u64 = seq.parse().ok()?;
    Some((seq, tag(seq, hex)))
}

/// How the result is being sent, for its receipt: whether the remark carries the anchor tag,
/// and the exact body the server is (or would be) sent.
pub struct Sending<'a> {
    pub anchor_in_remark: bool,
    pub body: &'a dyn Fn(&super::CollectionResult) -> Vec<u8>,
}

/// One receipt as stored and exported. Receipts written before `seq` existed (the release
/// before) have none of the optional members, and their hash is over their stored body;
/// every later one is hashed over its RFC 8785 (JCS) form without `sha256`.
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
    /// 1, 2, 3 ... with no gaps, from the first receipt of this release on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    /// The outbox's id of the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_id: Option<i64>,
    /// The anchor sent in the remark (empty with `audit.anchor_in_remark = false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// SHA-256 of the exact JSON body sent (or to be sent) to the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_sha256: Option<String>,
    /// `YYYY-MM-DD`, empty without a promise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise_date: Option<String>,
    /// The amount promised (plain number), empty without a promise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// The `seq` of the receipt this one corrects (an edited rejected result).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<u64>,
}

/// What a receipt states about its result, and what the outbox's row of it says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub account_no: String,
    pub action_code: String,
    pub result_code: String,
    pub call_time: String,
    pub promise_date: String,
    pub amount: String,
    pub party: String,
}

impl Facts {
    pub fn of(
        result: &super::CollectionResult,
        party: super::party::Party,
        amount: Option<super::Money>,
    ) -> Facts {
        Facts {
            account_no: result.account_no.clone(),
            action_code: result.action_code.clone(),
            result_code: result.result_code.clone(),
            call_time: super::dates::wire(result.call_time),
            promise_date: result
                .promise_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            amount: amount.map(|m| m.plain()).unwrap_or_default(),
            party: party.wire().to_string(),
        }
    }
}

/// Where a receipt sits in the chain when it is sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub seq: u64,
    pub result_id: i64,
    pub prev_sha256: String,
    pub tag: String,
    pub body_sha256: String,
    pub corrects: Option<u64>,
}

impl Receipt {
    /// The receipt (of this release) of a result in `circumstances`, at `link`, sealed.
    pub fn seal(facts: &Facts, c: &Circumstances, b: &Binding, link: &Link) -> Receipt {
        let mut r = Receipt {
            account_no: facts.account_no.clone(),
            action_code: facts.action_code.clone(),
            result_code: facts.result_code.clone(),
            call_time: facts.call_time.clone(),
            zone: c.zone.clone(),
            zone_source: c.zone_source.to_string(),
            local_time: c.local_time.clone(),
            window_state: c.window_state.to_string(),
            consent: c.consent,
            consent_reason: c.consent_reason.clone(),
            contacts_that_day: c.contacts_that_day,
            party: facts.party.clone(),
            rules_version: RULES_VERSION.to_string(),
            holidays_sha256: c.holidays_sha256.clone(),
            prev_sha256: link.prev_sha256.clone(),
            sha256: String::new(),
            seq: Some(link.seq),
            result_id: Some(link.result_id),
            tag: Some(link.tag.clone()),
            clock: Some(b.clock.to_string()),
            rules_sha256: Some(b.rules_sha256.clone()),
            rules_source: Some(b.rules_source.to_string()),
            app_version: Some(APP_VERSION.to_string()),
            body_sha256: Some(link.body_sha256.clone()),
            promise_date: Some(facts.promise_date.clone()),
            amount: Some(facts.amount.clone()),
            corrects: link.corrects,
        };
        r.sha256 = digest(&r.canonical());
        r
    }

    /// The circumstances this receipt records (a correction keeps its call's).
    pub fn circumstances(&self) -> Circumstances {
        let known = |s: &str, all: &[&'static str]| all.iter().copied().find(|k| *k == s);
        Circumstances {
            zone: self.zone.clone(),
            zone_source: known(&self.zone_source, &["address", "branch", "default"])
                .unwrap_or("default"),
            local_time: self.local_time.clone(),
            window_state: known(
                &self.window_state,
                &[
                    "open",
                    "closed",
                    "holiday",
                    "cuti_bersama",
                    "sunday",
                    "unknown",
                ],
            )
            .unwrap_or("unknown"),
            consent: self.consent,
            consent_reason: self.consent_reason.clone(),
            contacts_that_day: self.contacts_that_day,
            holidays_sha256: self.holidays_sha256.clone(),
        }
    }

    /// What it states about its result (a receipt before `seq` states no promise or amount).
    pub fn facts(&self) -> Facts {
        Facts {
            account_no: self.account_no.clone(),
            action_code: self.action_code.clone(),
            result_code: self.result_code.clone(),
            call_time: self.call_time.clone(),
            promise_date: self.promise_date.clone().unwrap_or_default(),
            amount: self.amount.clone().unwrap_or_default(),
            party: self.party.clone(),
        }
    }

    /// Written before `seq` existed: hashed over its stored body, in the order of that release.
    pub fn is_legacy(&self) -> bool {
        self.seq.is_none()
    }

    /// The text the hash is taken of: the RFC 8785 (JCS) form of the receipt's JSON object
    /// without `sha256` (a receipt of the release before: its compact JSON in field order).
    pub fn canonical(&self) -> String {
        let bare = Receipt {
            sha256: String::new(),
            ..self.clone()
        };
        if self.is_legacy() {
            return serde_json::to_string(&bare).expect("a receipt serializes");
        }
        let value = serde_json::to_value(&bare).expect("a receipt serializes");
        super::jcs::canonical(&value).expect("a receipt holds no floats")
    }
}

/// SHA-256 of `text`, hex.
pub fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// SHA-256 of bytes, hex.
pub fn digest_bytes(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
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
    /// `seq` is not the one after the previous receipt's (`expected`).
    Gap { at: usize, expected: u64 },
    /// Its tag is not the one its `seq` and `prev_sha256` make.
    Mistagged { at: usize },
}

/// Checks a chain as stored, oldest first: each `(body, sha256)` where `body` is the text
/// kept. A receipt of this release must hash to `sha256` in its canonical form and carry the
/// next `seq` (1 after the last receipt without one); the first record that does not hold
/// is named. On success the receipts, read.
pub fn verify<'a>(
    chain: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Receipt>, Broken> {
    let mut prev = GENESIS.to_string();
    let mut last_seq: Option<u64> = None;
    let mut read = Vec::new();
    for (at, (body, sha)) in chain.into_iter().enumerate() {
        let receipt: Option<Receipt> = serde_json::from_str(body).ok();
        let hashed = match &receipt {
            Some(r) if !r.is_legacy() => digest(&r.canonical()),
            _ => digest(body),
        };
        if hashed != sha {
            return Err(Broken::Edited { at });
        }
        let mut receipt = receipt.ok_or(Broken::Unreadable { at })?;
        if receipt.prev_sha256 != prev {
            return Err(Broken::Unlinked { at });
        }
        match (receipt.seq, last_seq) {
            (None, None) => {}
            (Some(seq), last) if seq == last.map_or(1, |l| l + 1) => last_seq = Some(seq),
            (_, last) => {
                return Err(Broken::Gap {
                    at,
                    expected: last.map_or(1, |l| l + 1),
                });
            }
        }
        if let (Some(seq), Some(t)) = (receipt.seq, receipt.tag.as_deref())
            && !t.is_empty()
            && t != tag(seq, &receipt.prev_sha256)
        {
            return Err(Broken::Mistagged { at });
        }
        prev = sha.to_string();
        receipt.sha256 = sha.to_string();
        read.push(receipt);
    }
    Ok(read)
}

/// Why receipts and results do not answer for each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unbound {
    /// A result recorded since receipts began has no receipt.
    NoReceipt { result_id: i64 },
    /// A receipt's result is not in the outbox.
    NoResult { at: usize, result_id: i64 },
    /// A result has a second receipt that corrects nothing.
    Twice { at: usize, result_id: i64 },
    /// The result's row says otherwise than its (latest) receipt: the first field that differs.
    Differs {
        at: usize,
        result_id: i64,
        field: &'static str,
    },
}

/// Checks that every result from `since` on (the first result recorded with receipts) has
/// exactly one receipt (and one more per correction), and that each result's latest receipt
/// states its account, action, result, promise date, amount, party and call time. `chain` is
/// `(result_id, receipt)` in chain order; `results` the outbox's rows by id.
pub fn bind(
    chain: &[(i64, Receipt)],
    results: &std::collections::BTreeMap<i64, Facts>,
    since: Option<i64>,
) -> Result<(), Unbound> {
    use std::collections::BTreeMap;
    let mut first: BTreeMap<i64, &Receipt> = BTreeMap::new();
    let mut latest: BTreeMap<i64, (usize, &Receipt)> = BTreeMap::new();
    for (at, (id, r)) in chain.iter().enumerate() {
        if !results.contains_key(id) {
            return Err(Unbound::NoResult { at, result_id: *id });
        }
        match first.get(id) {
            None => {
                first.insert(*id, r);
            }
            // A correction names the result's first receipt.
            Some(original) if original.seq.is_some() && r.corrects == original.seq => {}
            Some(_) => return Err(Unbound::Twice { at, result_id: *id }),
        }
        latest.insert(*id, (at, r));
    }
    let since = since.or_else(|| chain.iter().map(|(id, _)| *id).min());
    if let Some(since) = since {
        for id in results.range(since..).map(|(id, _)| *id) {
            if !latest.contains_key(&id) {
                return Err(Unbound::NoReceipt { result_id: id });
            }
        }
    }
    let mut faults: Vec<(usize, Unbound)> = Vec::new();
    for (id, (at, r)) in &latest {
        let row = &results[id];
        let stated = r.facts();
        let legacy = r.is_legacy();
        let fields: [(&'static str, &str, &str, bool); 7] = [
            ("account_no", &stated.account_no, &row.account_no, true),
            ("action_code", &stated.action_code, &row.action_code, true),
            ("result_code", &stated.result_code, &row.result_code, true),
            (
                "promise_date",
                &stated.promise_date,
                &row.promise_date,
                !legacy,
            ),
            ("amount", &stated.amount, &row.amount, !legacy),
            ("party", &stated.party, &row.party, true),
            ("call_time", &stated.call_time, &row.call_time, true),
        ];
        if let Some((field, ..)) = fields.iter().find(|(_, a, b, checked)| *checked && a != b) {
            faults.push((
                *at,
                Unbound::Differs {
                    at: *at,
                    result_id: *id,
                    field,
                },
            ));
        }
    }
    match faults.into_iter().min_by_key(|(at, _)| *at) {
        Some((_, fault)) => Err(fault),
        None => Ok(()),
    }
}

/// What the server's copy of the results says against the receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwitnessed {
    /// A result delivered with this tag is not on the server.
    NotOnServer { seq: u64, tag: String },
    /// A row on the server carries a tag no receipt has (with this account).
    NoReceipt {
        seq: u64,
        tag: String,
        account_no: String,
    },
}

/// Checks receipts against the rows a server stored (`(account_no, remark)`): every receipt
/// of a delivered result (`delivered`: by `seq`) has its tag on the server with its account,
/// and every tagged row on the server has its receipt. Every fault, in `seq` order.
pub fn witness(
    receipts: &[Receipt],
    delivered: &std::collections::BTreeSet<u64>,
    server: &[(String, String)],
) -> Vec<Unwitnessed> {
    use std::collections::BTreeMap;
    let mut on_server: BTreeMap<(u64, String), Vec<&str>> = BTreeMap::new();
    for (account, remark) in server {
        for (seq, tag) in tags_in(remark) {
            on_server
                .entry((seq, tag))
                .or_default()
                .push(account.as_str());
        }
    }
    let mut kept: BTreeMap<(u64, String), &str> = BTreeMap::new();
    for r in receipts {
        if let (Some(seq), Some(tag)) = (r.seq, r.tag.as_deref())
            && !tag.is_empty()
        {
            kept.insert((seq, tag.to_string()), r.account_no.as_str());
        }
    }
    let mut faults = Vec::new();
    for ((seq, tag), account) in &kept {
        let there = on_server
            .get(&(*seq, tag.clone()))
            .is_some_and(|accounts| accounts.contains(account));
        if delivered.contains(seq) && !there {
            faults.push((
                *seq,
                Unwitnessed::NotOnServer {
                    seq: *seq,
                    tag: tag.clone(),
                },
            ));
        }
    }
    for ((seq, tag), accounts) in &on_server {
        for account in accounts {
            if kept.get(&(*seq, tag.clone())) != Some(account) {
                faults.push((
                    *seq,
                    Unwitnessed::NoReceipt {
                        seq: *seq,
                        tag: tag.clone(),
                        account_no: account.to_string(),
                    },
                ));
            }
        }
    }
    faults.sort_by_key(|(seq, _)| *seq);
    faults.dedup();
    faults.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::super::CollectionResult;
    use super::super::party::Party;
    use super::*;
    use chrono::{DateTime, Utc};
    use std::collections::{BTreeMap, BTreeSet};

    fn result(account: &str) -> CollectionResult {
        CollectionResult {
            account_no: account.into(),
            call_time: chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            promise_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
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

    fn facts(i: usize) -> Facts {
        Facts::of(
            &result(&format!("A{i}")),
            Party::Debtor,
            Some(super::super::Money::from_units(1_500_000)),
        )
    }

    fn chain(n: usize) -> Vec<Receipt> {
        let c = circumstances("2026-11-27T10:00:00+07:00", super::super::zone::Zone::Wita);
        let b = Binding::of(&CallingRules::default(), true);
        let mut prev = GENESIS.to_string();
        (0..n)
            .map(|i| {
                let seq = i as u64 + 1;
                let link = Link {
                    seq,
                    result_id: i as i64 + 1,
                    prev_sha256: prev.clone(),
                    tag: tag(seq, &prev),
                    body_sha256: digest("{}"),
                    corrects: None,
                };
                let r = Receipt::seal(&facts(i), &c, &b, &link);
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
        verify(rows.iter().map(|(b, s)| (b.as_str(), s.as_str()))).map(|r| r.len())
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
        assert_eq!(receipts[2].seq, Some(3));
        assert_eq!(receipts[0].clock.as_deref(), Some("fixed"));
        assert_eq!(receipts[0].rules_source.as_deref(), Some("default"));
        assert_eq!(receipts[0].app_version.as_deref(), Some(APP_VERSION));
        assert_eq!(receipts[0].promise_date.as_deref(), Some("2026-11-30"));
        assert_eq!(receipts[0].amount.as_deref(), Some("1500000"));
        assert_eq!(
            receipts[1].tag.as_deref(),
            Some(tag(2, &receipts[0].sha256).as_str())
        );
        assert!(!receipts[0].canonical().contains("\"sha256\""));
        assert!(receipts[0].canonical().contains("\"prev_sha256\""));
    }

    #[test]
    fn the_hash_is_over_the_jcs_form_without_sha256() {
        let r = &chain(1)[0];
        let mut v = serde_json::to_value(r).unwrap();
        v.as_object_mut().unwrap().remove("sha256");
        let jcs = super::super::jcs::canonical(&v).unwrap();
        assert_eq!(digest(&jcs), r.sha256);
        // Members sorted: account_no first, zone_source last.
        assert!(jcs.starts_with("{\"account_no\":"), "{jcs}");
        assert!(jcs.ends_with("\"zone_source\":\"address\"}"), "{jcs}");
        assert!(jcs.contains("\"seq\":1,"), "integers as integers: {jcs}");
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
        forged[0].sha256 = digest(&forged[0].canonical());
        assert_eq!(check(&stored(&forged)), Err(Broken::Unlinked { at: 1 }));
    }

    #[test]
    fn a_gap_in_seq_or_a_tag_that_does_not_match_is_named() {
        let mut receipts = chain(3);
        receipts[1].seq = Some(5);
        receipts[1].sha256 = digest(&receipts[1].canonical());
        receipts[2].prev_sha256 = receipts[1].sha256.clone();
        receipts[2].tag = Some(tag(3, &receipts[1].sha256));
        receipts[2].sha256 = digest(&receipts[2].canonical());
        assert_eq!(
            check(&stored(&receipts)),
            Err(Broken::Gap { at: 1, expected: 2 })
        );
        let mut receipts = chain(2);
        receipts[1].tag = Some("[dc 2 0000000000]".into());
        receipts[1].sha256 = digest(&receipts[1].canonical());
        assert_eq!(check(&stored(&receipts)), Err(Broken::Mistagged { at: 1 }));
    }

    #[test]
    fn a_receipt_of_the_release_before_verifies_over_its_stored_body_and_the_chain_goes_on() {
        // As the release before wrote one: compact JSON in field order, no seq.
        let old = r#"{"account_no":"A","action_code":"NCT","result_code":"NCT01","call_time":"2026-11-27 09:00:00","zone":"WIB","zone_source":"default","local_time":"2026-11-27T09:00:00+07:00","window_state":"open","consent":false,"consent_reason":"","contacts_that_day":1,"party":"nobody","rules_version":"x","holidays_sha256":"h","prev_sha256":"0000000000000000000000000000000000000000000000000000000000000000"}"#;
        let old_sha = digest(old);
        let mut next = chain(1).remove(0);
        next.prev_sha256 = old_sha.clone();
        next.tag = Some(tag(1, &old_sha));
        next.sha256 = digest(&next.canonical());
        let rows = [
            (old.to_string(), old_sha.clone()),
            (next.canonical(), next.sha256.clone()),
        ];
        let read = verify(rows.iter().map(|(b, s)| (b.as_str(), s.as_str()))).unwrap();
        assert!(read[0].is_legacy());
        assert_eq!(read[0].sha256, old_sha);
        assert_eq!(read[1].seq, Some(1));
        // An old receipt after a new one is a gap.
        let rows = [rows[1].clone(), rows[0].clone()];
        assert!(check(&rows).is_err());
    }

    #[test]
    fn tags_are_found_in_remarks_and_taken_off_for_a_correction() {
        let t = tag(17, "3f9a1c2b7e0000");
        assert_eq!(t, "[dc 17 3f9a1c2b7e]");
        assert!(t.len() < TAG_RESERVE);
        let remark = tagged_remark("janji bayar [dc x]", &t);
        assert_eq!(remark, "janji bayar [dc x] [dc 17 3f9a1c2b7e]");
        assert_eq!(tags_in(&remark), vec![(17, t.clone())]);
        assert_eq!(untagged(&remark), "janji bayar [dc x]");
        assert_eq!(
            tagged_remark(&remark, &tag(18, "aaaaaaaaaa")),
            "janji bayar [dc x] [dc 18 aaaaaaaaaa]"
        );
        assert_eq!(tagged_remark("", &t), t);
        assert!(tags_in("[dc 17 3F9A1C2B7E] [dc 1 abc]").is_empty());
    }

    fn results_of(receipts: &[Receipt]) -> BTreeMap<i64, Facts> {
        receipts
            .iter()
            .map(|r| (r.result_id.unwrap(), r.facts()))
            .collect()
    }

    fn bound(receipts: &[Receipt]) -> Vec<(i64, Receipt)> {
        receipts
            .iter()
            .map(|r| (r.result_id.unwrap(), r.clone()))
            .collect()
    }

    #[test]
    fn every_result_has_its_receipt_and_says_what_it_says() {
        let receipts = chain(3);
        let mut results = results_of(&receipts);
        assert_eq!(bind(&bound(&receipts), &results, Some(1)), Ok(()));
        // A result recorded before receipts began needs none.
        results.insert(0, Facts::default());
        assert_eq!(bind(&bound(&receipts), &results, Some(1)), Ok(()));
        // One after, without a receipt.
        results.insert(4, Facts::default());
        assert_eq!(
            bind(&bound(&receipts), &results, Some(1)),
            Err(Unbound::NoReceipt { result_id: 4 })
        );
        let mut results = results_of(&receipts);
        results.remove(&2);
        assert_eq!(
            bind(&bound(&receipts), &results, Some(1)),
            Err(Unbound::NoResult {
                at: 1,
                result_id: 2
            })
        );
        let mut results = results_of(&receipts);
        results.get_mut(&3).unwrap().action_code = "NCT".into();
        assert_eq!(
            bind(&bound(&receipts), &results, Some(1)),
            Err(Unbound::Differs {
                at: 2,
                result_id: 3,
                field: "action_code"
            })
        );
        results.get_mut(&2).unwrap().amount = "1".into();
        assert_eq!(
            bind(&bound(&receipts), &results, Some(1)),
            Err(Unbound::Differs {
                at: 1,
                result_id: 2,
                field: "amount"
            })
        );
    }

    #[test]
    fn a_correction_names_the_first_receipt_and_a_second_receipt_otherwise_is_refused() {
        let receipts = chain(2);
        let mut twice = bound(&receipts);
        twice[1].0 = 1;
        let mut results = results_of(&receipts);
        results.remove(&2);
        assert_eq!(
            bind(&twice, &results, Some(1)),
            Err(Unbound::Twice {
                at: 1,
                result_id: 1
            })
        );
        // The second corrects the first: the result must say what the correction says.
        twice[1].1.corrects = Some(1);
        results.insert(1, twice[1].1.facts());
        assert_eq!(bind(&twice, &results, Some(1)), Ok(()));
        results.insert(1, twice[0].1.facts());
        assert!(bind(&twice, &results, Some(1)).is_err());
    }

    #[test]
    fn the_server_witnesses_each_tag_both_ways() {
        let receipts = chain(3);
        let row = |r: &Receipt| {
            (
                r.account_no.clone(),
                format!("ok {}", r.tag.clone().unwrap()),
            )
        };
        let server: Vec<_> = receipts.iter().map(row).collect();
        let all: BTreeSet<u64> = [1, 2, 3].into();
        assert!(witness(&receipts, &all, &server).is_empty());
        // The tail dropped on the desk: the server still has it.
        assert_eq!(
            witness(&receipts[..2], &[1, 2].into(), &server),
            vec![Unwitnessed::NoReceipt {
                seq: 3,
                tag: receipts[2].tag.clone().unwrap(),
                account_no: "A2".into()
            }]
        );
        // A delivered result the server does not have.
        assert_eq!(
            witness(&receipts, &all, &server[..2]),
            vec![Unwitnessed::NotOnServer {
                seq: 3,
                tag: receipts[2].tag.clone().unwrap()
            }]
        );
        // Not delivered (queued): not expected there.
        assert!(witness(&receipts, &[1, 2].into(), &server[..2]).is_empty());
        // The same tag for another account is no witness.
        let mut moved = server.clone();
        moved[0].0 = "OTHER".into();
        assert_eq!(witness(&receipts, &all, &moved).len(), 2);
    }
}
