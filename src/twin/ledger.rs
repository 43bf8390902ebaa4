//! The real server's database side: ADO.NET's parameter sizes, the insert procedure
//! (`sp_account_collection_insert`) and the task query's buckets
//! (`getDeskCollection_Contact`), over the twin's `account_collection` rows. See
//! `docs/twin-conformance.md` for the source lines each rule comes from.

use super::aspnet::Param;
use crate::domain::codes::MasterData;
use crate::domain::dates;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The action whose calls the pre-due, first-day and early buckets do not count as "called"
/// (`ACTION_ID <> '124'`). The master table is not public: the twin gives this id to NCT
/// (no contact), the one action of its list after which calling again makes sense.
pub const UNCOUNTED_ACTION_ID: i64 = 124;

/// `master_action` and `master_result` with ids: codes are looked up by text and stored by
/// id.
#[derive(Debug, Clone)]
pub struct Master {
    actions: Vec<(i64, String)>,
    results: Vec<(i64, String)>,
}

impl Master {
    pub fn from_codes(codes: &MasterData) -> Master {
        let known = [
            ("PTP", 121),
            ("BPH", 122),
            ("MSG", 123),
            ("NCT", UNCOUNTED_ACTION_ID),
            ("CTC", 125),
            ("CBK", 126),
        ];
        let mut next = 200;
        let actions = codes
            .actions
            .iter()
            .map(|a| {
                let id = known
                    .iter()
                    .find(|(c, _)| c.eq_ignore_ascii_case(&a.code))
                    .map(|(_, id)| *id)
                    .unwrap_or_else(|| {
                        next += 1;
                        next
                    });
                (id, a.code.clone())
            })
            .collect();
        let results = codes
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| (i as i64 + 1, r.code.clone()))
            .collect();
        Master { actions, results }
    }

    /// `select top 1 id from master_action where code = @code`.
    pub fn action_id(&self, code: &str) -> Option<i64> {
        lookup(&self.actions, code)
    }

    pub fn result_id(&self, code: &str) -> Option<i64> {
        lookup(&self.results, code)
    }

    pub fn action_code(&self, id: Option<i64>) -> String {
        code_of(&self.actions, id)
    }

    pub fn result_code(&self, id: Option<i64>) -> String {
        code_of(&self.results, id)
    }
}

fn lookup(table: &[(i64, String)], code: &str) -> Option<i64> {
    table
        .iter()
        .find(|(_, c)| sql_eq(c, code))
        .map(|(id, _)| *id)
}

fn code_of(table: &[(i64, String)], id: Option<i64>) -> String {
    id.and_then(|id| table.iter().find(|(i, _)| *i == id))
        .map(|(_, c)| c.clone())
        .unwrap_or_default()
}

/// `=` under SQL Server's default collation: case-insensitive, trailing blanks ignored.
pub fn sql_eq(a: &str, b: &str) -> bool {
    a.trim_end_matches(' ')
        .eq_ignore_ascii_case(b.trim_end_matches(' '))
}

/// What ADO.NET sends for a string parameter of `size`: the value cut silently to `size`
/// UTF-16 units (a surrogate pair is not split: the twin drops the half).
pub fn cut(s: &str, size: usize) -> String {
    let mut units = 0;
    let mut out = String::new();
    for c in s.chars() {
        units += c.len_utf16();
        if units > size {
            break;
        }
        out.push(c);
    }
    out
}

/// A row of `account_collection` as the procedure leaves it, with the codes beside their ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub id: i64,
    pub account_no: String,
    /// The server's clock at insert (`getdate()`), whatever the client sent.
    pub collection_date: String,
    pub cust_name: String,
    pub result_id: Option<i64>,
    /// The master's code for `result_id`; "" when the lookup found none (NULL).
    pub result_code: String,
    pub action_id: Option<i64>,
    pub action_code: String,
    pub remark: String,
    pub asal_action: String,
    pub cre_date: String,
    pub cre_by: String,
    pub cre_ip_address: String,
    pub mod_date: String,
    pub mod_by: String,
    pub mod_ip_address: String,
    /// NULL unless the action is PTP.
    pub promise_date: Option<String>,
    pub period: i32,
    /// Set when a later result of the account followed this PTP up.
    pub is_promise_call: bool,
}

/// Why the insert did not store a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// An exception the controller does not catch (a date outside SQL Server's range, C#'s
    /// `DateTime.MinValue` for a missing one): ASP.NET's 500.
    Unhandled,
    /// A `SqlException` (a parameter without a value and without a default): code 90.
    Sql,
}

/// SQL Server's `datetime` range.
fn sql_datetime(d: Option<NaiveDateTime>) -> Option<NaiveDateTime> {
    d.filter(|d| (1753..=9999).contains(&d.year()))
}

/// `DeskCollResult.GetResult` and `sp_account_collection_insert` for one posted result: the
/// row to store, or why none is.
pub fn insert(
    p: &Param,
    now: NaiveDateTime,
    master: &Master,
    id: i64,
    name_of: impl Fn(&str) -> Option<String>,
) -> Result<Stored, Failure> {
    // Dates are converted before the command reaches the server.
    if sql_datetime(p.collection_date).is_none() || sql_datetime(p.promise_date).is_none() {
        return Err(Failure::Unhandled);
    }
    let promise = p.promise_date.expect("checked");
    // A C# null is sent as "default": the procedure has one ('') only for cust_name and c_code.
    let required = |v: &Option<String>, size: usize| v.as_deref().map(|s| cut(s, size));
    let (
        Some(account_no),
        Some(result_code),
        Some(action_code),
        Some(remark),
        Some(cre_by),
        Some(cre_ip),
        Some(mod_by),
        Some(mod_ip),
    ) = (
        required(&p.account_no, 25),
        required(&p.result_code, 10),
        required(&p.action_code, 10),
        required(&p.remark, 255),
        required(&p.cre_by, 25),
        required(&p.cre_ip_address, 25),
        required(&p.mod_by, 25),
        required(&p.mod_ip_address, 25),
    )
    else {
        return Err(Failure::Sql);
    };
    let sent_name = p
        .cust_name
        .as_deref()
        .map(|s| cut(s, 50))
        .unwrap_or_default();
    // The agreement's name replaces what was sent, when the agreement exists.
    let cust_name = name_of(&account_no)
        .map(|n| cut(&n, 50))
        .unwrap_or(sent_name);
    let mut result_code = result_code;
    let mut promise_date = Some(promise);
    if !sql_eq(&action_code, "PTP") {
        promise_date = None;
        if sql_eq(&action_code, "BPH") || sql_eq(&action_code, "MSG") {
            result_code = String::new();
        }
    }
    let result_id = master.result_id(&result_code);
    let action_id = master.action_id(&action_code);
    let stamp = dates::wire(now);
    Ok(Stored {
        id,
        account_no,
        collection_date: stamp.clone(),
        cust_name,
        result_id,
        result_code: master.result_code(result_id),
        action_id,
        action_code: master.action_code(action_id),
        remark,
        asal_action: "Desk Coll ".into(),
        cre_date: stamp.clone(),
        cre_by,
        cre_ip_address: cre_ip,
        mod_date: stamp,
        mod_by,
        mod_ip_address: mod_ip,
        promise_date: promise_date.map(dates::wire),
        period: p.period,
        is_promise_call: false,
    })
}

/// A row of `account_collection` as the task query reads it: generated history or a stored
/// result (`entry`: its index in the twin's list of received results).
#[derive(Debug, Clone)]
pub struct Call {
    pub at: NaiveDateTime,
    pub action_id: Option<i64>,
    pub promise: Option<NaiveDate>,
    pub is_promise_call: bool,
    pub entry: Option<usize>,
}

impl Call {
    pub fn of(s: &Stored, entry: usize) -> Option<Call> {
        Some(Call {
            at: dates::parse_datetime(&s.collection_date)?,
            action_id: s.action_id,
            promise: s.promise_date.as_deref().and_then(dates::parse_date),
            is_promise_call: s.is_promise_call,
            entry: Some(entry),
        })
    }
}

/// Whether a contract `overdue_days` past its earliest unpaid due date is in the list at
/// `now`, given its `account_collection` rows: the union of the query's five buckets.
pub fn in_queue(overdue_days: i64, calls: &[Call], now: NaiveDateTime, master: &Master) -> bool {
    let today = now.date();
    let yesterday = today - Duration::days(1);
    // `cast(collection_date as date) between dateadd(day,-n,getdate()) and cast(getdate() as
    // date)`: the date is compared as midnight against a time n days back, so a call n days
    // ago counts only at exactly midnight. `ACTION_ID <> '124'` is not true for NULL either.
    let called_within = |days: i64| {
        calls.iter().any(|c| {
            c.action_id.is_some_and(|id| id != UNCOUNTED_ACTION_ID)
                && c.at.date().and_time(NaiveTime::MIN) >= now - Duration::days(days)
                && c.at.date() <= today
        })
    };
    let called_today = calls
        .iter()
        .any(|c| c.action_id.is_some_and(|id| id != UNCOUNTED_ACTION_ID) && c.at.date() == today);
    let ptp = master.action_id("PTP");
    let msg = master.action_id("MSG");
    let pre_due = (-4..=-2).contains(&overdue_days) && !called_within(3);
    let first_day = overdue_days == 1 && !called_today;
    let early = (2..=6).contains(&overdue_days) && !called_within(7);
    // No "called recently" condition in the last two: those accounts stay all day.
    let broken = (1..=7).contains(&overdue_days)
        && calls
            .iter()
            .any(|c| c.action_id.is_some() && c.action_id == ptp && c.promise == Some(yesterday));
    let follow_up = overdue_days > 0
        && calls
            .iter()
            .any(|c| c.action_id.is_some() && c.action_id == msg && c.at.date() == yesterday);
    pre_due || first_day || early || broken || follow_up
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        dates::parse_datetime(s).unwrap()
    }

    fn param() -> Param {
        Param {
            account_no: Some("000319280100042".into()),
            collection_date: Some(at("2021-12-29 00:00:00")),
            cust_name: Some("X".into()),
            result_code: Some("PTP01".into()),
            action_code: Some("PTP".into()),
            remark: Some("r".into()),
            cre_by: Some("a".into()),
            cre_ip_address: Some("ip".into()),
            mod_by: Some("a".into()),
            mod_ip_address: Some("ip".into()),
            promise_date: Some(at("2021-12-31 00:00:00")),
            period: 3,
            hashing: None,
        }
    }

    #[test]
    fn the_procedure_cuts_clears_and_looks_up() {
        let m = Master::from_codes(&MasterData::builtin());
        let now = at("2026-11-27 10:00:00");
        let mut p = param();
        p.remark = Some("é".repeat(300));
        p.action_code = Some("ptp ".into());
        p.result_code = Some("nope".into());
        let s = insert(&p, now, &m, 1, |_| None).unwrap();
        assert_eq!(s.remark.chars().count(), 255);
        assert_eq!(s.action_code, "PTP", "ptp is PTP under the collation");
        assert_eq!(s.promise_date.as_deref(), Some("2021-12-31 00:00:00"));
        assert_eq!((s.result_id, s.result_code.as_str()), (None, ""));
        assert_eq!(s.cust_name, "X", "no agreement: the name sent");
        assert_eq!(s.collection_date, "2026-11-27 10:00:00");

        p.action_code = Some("msg".into());
        p.result_code = Some("NCT01".into());
        let s = insert(&p, now, &m, 2, |_| Some("N".repeat(60))).unwrap();
        assert_eq!((s.promise_date, s.result_code.as_str()), (None, ""));
        assert_eq!(s.cust_name, "N".repeat(50));

        let mut missing = param();
        missing.remark = None;
        assert_eq!(insert(&missing, now, &m, 3, |_| None), Err(Failure::Sql));
        let mut undated = param();
        undated.promise_date = None;
        assert_eq!(
            insert(&undated, now, &m, 3, |_| None),
            Err(Failure::Unhandled)
        );
        let mut ancient = param();
        ancient.collection_date = Some(at("1700-01-01 00:00:00"));
        assert_eq!(
            insert(&ancient, now, &m, 3, |_| None),
            Err(Failure::Unhandled)
        );
    }

    #[test]
    fn cut_counts_utf16_units() {
        assert_eq!(cut("abc", 2), "ab");
        assert_eq!(cut("a😀b", 2), "a", "no half of a pair");
        assert_eq!(cut("a😀b", 3), "a😀");
    }

    #[test]
    fn buckets_follow_the_query() {
        let m = Master::from_codes(&MasterData::builtin());
        let now = at("2026-11-27 10:00:00");
        let call = |when: &str, code: &str, promise: Option<&str>| Call {
            at: at(when),
            action_id: m.action_id(code),
            promise: promise.map(|p| dates::parse_date(p).unwrap()),
            is_promise_call: false,
            entry: None,
        };
        // Pre-due: a call two days back counts, three days back does not.
        assert!(!in_queue(
            -3,
            &[call("2026-11-25 09:00:00", "CTC", None)],
            now,
            &m
        ));
        assert!(in_queue(
            -3,
            &[call("2026-11-24 09:00:00", "CTC", None)],
            now,
            &m
        ));
        // ACTION_ID 124 and unknown actions (NULL) are not "called".
        assert!(in_queue(
            3,
            &[call("2026-11-27 09:00:00", "NCT", None)],
            now,
            &m
        ));
        assert!(in_queue(
            3,
            &[call("2026-11-27 09:00:00", "XYZ", None)],
            now,
            &m
        ));
        assert!(!in_queue(
            3,
            &[call("2026-11-27 09:00:00", "CTC", None)],
            now,
            &m
        ));
        // Broken promise and message follow-up stay whatever was called today.
        let today = call("2026-11-27 09:30:00", "CTC", None);
        let ptp = call("2026-11-20 10:00:00", "PTP", Some("2026-11-26"));
        assert!(in_queue(9 - 2, &[ptp, today.clone()], now, &m));
        let msg = call("2026-11-26 15:00:00", "MSG", None);
        assert!(in_queue(20, &[msg, today], now, &m));
    }
}

/// What `GET /__twin/collections` lists, one per stored row of `account_collection`: the
/// body as received (JSON as sent, or its text when it was not JSON), when, the row as
/// stored (after ADO.NET's cuts, the binder's conversions and the procedure), and what the
/// client was answered.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceivedResult {
    pub received_at: String,
    pub body: serde_json::Value,
    pub stored: Stored,
    pub answer: Answer,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answer {
    pub status: u16,
    pub respon_code: String,
    pub respon_mess: String,
}
