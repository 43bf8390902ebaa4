//! The twin against the real server's source (`muhendra/DeskCollection_API`), one test per
//! row of issue 17's table, over HTTP: status, body, and what `/__twin/collections` holds.
//! `docs/twin-conformance.md` names the source lines each test stands for.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use deskcoll::api::ApiError;
use deskcoll::domain::WireError;
use deskcoll::domain::result::sign;
use deskcoll::twin::book::LoanBook;
use deskcoll::twin::{self, RunningTwin, TwinOptions};
use serde_json::{Value, json};

const SEED_ACCOUNT: &str = "000319280100042";

/// The seed document's example POST, as JSON.
fn seed_body() -> Value {
    json!({
        "account_no": SEED_ACCOUNT,
        "collection_date": "2021-12-29 00:00:00",
        "cust_name": "PUTRA SIMEULUE CUTT",
        "result_code": "PTP01",
        "action_code": "PTP",
        "remark": "Customer pasti bayar 22",
        "cre_by": "1812010",
        "cre_ip_address": "10.1.206.118",
        "mod_by": "1812010",
        "mod_ip_address": "10.1.206.118",
        "promise_date": "2021-12-31 00:00:00",
        "period": "0",
        "hashing": "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"
    })
}

/// The seed body for another account, signed for it.
fn body_for(account: &str) -> Value {
    let mut b = seed_body();
    b["account_no"] = json!(account);
    b["hashing"] = json!(sign(account, twin::SEED_HASH_KEY));
    b
}

/// A raw POST with the twin's Basic auth: status and body text.
async fn post_raw(t: &RunningTwin, content_type: Option<&str>, body: &str) -> (u16, String) {
    let mut req = reqwest::Client::new()
        .post(format!("{}/api/CollectionInsert", t.base_url()))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .body(body.to_string());
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn post(t: &RunningTwin, body: &Value) -> (u16, Value) {
    let (status, text) = post_raw(t, Some("application/json"), &body.to_string()).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn listed(t: &RunningTwin) -> Vec<String> {
    client_for(t)
        .tasks()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.contract_no.to_string())
        .collect()
}

const ASPNET_500: &str = r#"{"Message":"An error has occurred."}"#;

/// Row 1: the hash is checked before anything about the dates.
#[tokio::test]
async fn row01_the_hash_is_checked_before_the_dates() {
    let t = twin().await;
    let mut b = seed_body();
    b["promise_date"] = json!("not a date");
    b["hashing"] = json!("0".repeat(64));
    let (status, body) = post(&t, &b).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"respon_code": "91", "respon_mess": "Invalid Token"})
    );
    // No hash at all is no match either.
    b.as_object_mut().unwrap().remove("hashing");
    assert_eq!(post(&t, &b).await.0, 403);
    // With the right hash (in capitals: compared ignoring case) the date is reached: 500.
    b["hashing"] = json!(sign(SEED_ACCOUNT, twin::SEED_HASH_KEY).to_uppercase());
    let (status, _) = post(&t, &b).await;
    assert_eq!(status, 500);
    b["promise_date"] = json!("2021-12-31 00:00:00");
    assert_eq!(post(&t, &b).await.1["respon_code"], "00");
    assert_eq!(received(&t).await.len(), 1);
}

/// Row 2: a body the binder cannot read, or a missing or unreadable date, is ASP.NET's 500;
/// the client shows its message.
#[tokio::test]
async fn row02_unreadable_body_or_date_is_aspnet_500() {
    let t = twin().await;
    for malformed in ["{\"account_no\": ", "", "null", "[1]"] {
        let (status, text) = post_raw(&t, Some("application/json"), malformed).await;
        assert_eq!((status, text.as_str()), (500, ASPNET_500), "{malformed:?}");
    }
    for date in [
        json!(null),
        json!(""),
        json!("31/12/2021"),
        json!("1700-01-01"),
    ] {
        let mut b = seed_body();
        b["promise_date"] = date.clone();
        let (status, text) = post_raw(&t, Some("application/json"), &b.to_string()).await;
        assert_eq!((status, text.as_str()), (500, ASPNET_500), "{date}");
    }
    let mut b = seed_body();
    b.as_object_mut().unwrap().remove("collection_date");
    assert_eq!(post(&t, &b).await.0, 500);
    assert!(received(&t).await.is_empty(), "nothing stored");
    // A body of a type no formatter reads is 415, with Web API's words.
    let (status, text) = post_raw(&t, Some("text/plain"), &seed_body().to_string()).await;
    assert_eq!(status, 415);
    assert!(
        text.contains("media type 'text/plain' is not supported"),
        "{text}"
    );

    // The client, against an exception the controller does not catch: its message shown.
    let failing = twin_with(TwinOptions {
        exception_rate: 1.0,
        ..options()
    })
    .await;
    let client = client_for(&failing);
    let err = client.tasks().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "server error: HTTP 500: An error has occurred."
    );
    let result = draft(SEED_ACCOUNT, "PTP", "PTP01", "+1")
        .validate(fixed_now())
        .unwrap();
    let err = client.submit(&result).await.unwrap_err();
    assert_eq!(
        err,
        ApiError::Status {
            status: 500,
            excerpt: ": An error has occurred.".into(),
            retry_after: None,
        }
    );
    assert!(received(&failing).await.is_empty());
}

/// Row 3: values over the parameter sizes are cut silently and stored with 00; the client's
/// own limit refuses a 256-character remark before sending.
#[tokio::test]
async fn row03_overlong_values_are_cut_silently_and_stored() {
    let t = twin().await;
    let long_account = format!("{SEED_ACCOUNT}{}", "9".repeat(15)); // 30
    let mut b = body_for(&long_account);
    b["remark"] = json!("r".repeat(300));
    b["cust_name"] = json!("N".repeat(60));
    b["result_code"] = json!("PTP01XXXXXXX");
    b["action_code"] = json!("PTP       Z");
    b["cre_by"] = json!("c".repeat(30));
    b["cre_ip_address"] = json!("1".repeat(30));
    b["mod_by"] = json!("m".repeat(30));
    b["mod_ip_address"] = json!("2".repeat(30));
    let (status, body) = post(&t, &b).await;
    assert_eq!(status, 200);
    assert_eq!(body["respon_code"], "00");
    assert_eq!(
        body["respon_mess"],
        format!("Sukses Memasukan Data Dengan Account No : {long_account}"),
        "the message names the account as received"
    );
    let got = received(&t).await;
    let s = &got[0]["stored"];
    assert_eq!(s["account_no"], long_account[..25]);
    assert_eq!(s["remark"], "r".repeat(255));
    assert_eq!(
        s["cust_name"],
        "N".repeat(50),
        "no agreement of that number"
    );
    assert_eq!(s["result_code"], "", "PTP01XXXXX is no result code");
    assert_eq!(s["action_code"], "PTP", "'PTP       ' is PTP");
    assert_eq!(s["cre_by"], "c".repeat(25));
    assert_eq!(s["cre_ip_address"], "1".repeat(25));
    assert_eq!(s["mod_by"], "m".repeat(25));
    assert_eq!(s["mod_ip_address"], "2".repeat(25));
    assert_eq!(
        got[0]["body"]["remark"],
        "r".repeat(300),
        "beside what was received"
    );

    let mut d = draft(SEED_ACCOUNT, "PTP", "PTP01", "+1");
    d.remark = "x".repeat(256);
    let errors = d.validate(fixed_now()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "remark: 256 characters, at most 255 allowed"
    );
    assert_eq!(received(&t).await.len(), 1, "the client sent nothing");
}

/// Row 4: a period the binder cannot read is 0, stored with 00.
#[tokio::test]
async fn row04_unreadable_period_is_stored_as_0() {
    let t = twin().await;
    for (period, stored) in [
        (json!("abc"), 0),
        (json!(" 7 "), 7),
        (json!(12), 12),
        (json!(1.5), 0),
        (json!(null), 0),
    ] {
        let mut b = seed_body();
        b["period"] = period.clone();
        let (status, body) = post(&t, &b).await;
        assert_eq!((status, body["respon_code"].as_str()), (200, Some("00")));
        let got = received(&t).await;
        assert_eq!(got.last().unwrap()["stored"]["period"], stored, "{period}");
        assert_eq!(got.last().unwrap()["body"]["period"], period);
    }
}

/// Row 5: nothing checks the account; 90 is any SQL error (a parameter without a value).
#[tokio::test]
async fn row05_unknown_account_is_stored_and_90_is_any_sql_error() {
    let t = twin().await;
    let (status, body) = post(&t, &body_for("000000000000001")).await;
    assert_eq!((status, body["respon_code"].as_str()), (200, Some("00")));
    let got = received(&t).await;
    assert_eq!(got[0]["stored"]["account_no"], "000000000000001");
    assert_eq!(
        got[0]["stored"]["cust_name"], "PUTRA SIMEULUE CUTT",
        "the name sent, there being no agreement"
    );
    // A known account's name comes from the agreement.
    let mut b = seed_body();
    b["cust_name"] = json!("SOMEONE ELSE");
    post(&t, &b).await;
    assert_eq!(
        received(&t).await[1]["stored"]["cust_name"],
        "PUTRA SIMEULUE CUTT"
    );
    // A null remark has no default in the procedure: SQL error 201, code 90, nothing stored.
    let mut b = seed_body();
    b["remark"] = Value::Null;
    let (status, body) = post(&t, &b).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"respon_code": "90", "respon_mess": format!("ERROR: Account No {SEED_ACCOUNT} does not exist")})
    );
    assert_eq!(received(&t).await.len(), 2);
    // A null name has one (''), then the agreement's; with no agreement it stays ''.
    let mut b = seed_body();
    b["cust_name"] = Value::Null;
    assert_eq!(post(&t, &b).await.1["respon_code"], "00");
    let mut b = body_for("000000000000002");
    b["cust_name"] = Value::Null;
    assert_eq!(post(&t, &b).await.1["respon_code"], "00");
    let got = received(&t).await;
    assert_eq!(got[2]["stored"]["cust_name"], "PUTRA SIMEULUE CUTT");
    assert_eq!(got[3]["stored"]["cust_name"], "");
}

/// Row 6: broken-promise and message-follow-up accounts stay in the list after a result; in
/// the other buckets a call with ACTION_ID 124 (the twin's NCT) is not "called". The
/// outbox's "left the list" hint therefore never shows for the first two.
#[tokio::test]
async fn row06_broken_promise_and_follow_up_accounts_stay_all_day() {
    let t = twin().await;
    let today = fixed_now().date();
    let book = LoanBook::generate(1, 300, 100, today);
    let ptp = book
        .prior_calls
        .iter()
        .find(|c| c.action_code == "PTP")
        .unwrap()
        .account_no
        .clone();
    let msg = book
        .prior_calls
        .iter()
        .find(|c| c.action_code == "MSG")
        .unwrap()
        .account_no
        .clone();
    let client = client_for(&t);
    let before = listed(&t).await;
    assert!(before.contains(&ptp) && before.contains(&msg));
    for account in [&ptp, &msg] {
        let r = draft(account, "CTC", "CTC01", "")
            .validate(fixed_now())
            .unwrap();
        assert_eq!(client.submit(&r).await.unwrap().respon_code, "00");
    }
    // The earlier PTP of the broken-promise account is marked followed up, all the same.
    let after = listed(&t).await;
    assert!(after.contains(&ptp), "broken promise stays");
    assert!(after.contains(&msg), "message follow-up stays");
    let hint = deskcoll::domain::outbox::left_list_hint(today, after.contains(&ptp), today);
    assert_eq!(
        hint, None,
        "no 'left the list' hint for an account that stays"
    );

    // The seed account is in the early bucket (4 days): NCT (id 124) leaves it in, CTC not.
    let seed = "000318270200055";
    let nct = draft(seed, "NCT", "NCT01", "")
        .validate(fixed_now())
        .unwrap();
    client.submit(&nct).await.unwrap();
    assert!(listed(&t).await.iter().any(|a| a == seed), "ACTION_ID 124");
    let got = received(&t).await;
    assert_eq!(got.last().unwrap()["stored"]["action_id"], 124);
    let ctc = draft(seed, "CTC", "CTC01", "")
        .validate(fixed_now())
        .unwrap();
    client.submit(&ctc).await.unwrap();
    let now_listed = listed(&t).await;
    assert!(!now_listed.iter().any(|a| a == seed), "called: gone");
    assert_eq!(
        deskcoll::domain::outbox::left_list_hint(today, false, today),
        Some(deskcoll::domain::outbox::LEFT_LIST_HINT)
    );
}

/// Row 7: `{"data":null}` with 200 when the task query fails (`--fault data-null=1`); the
/// client says the server failed, never "0 tasks".
#[tokio::test]
async fn row07_data_null_is_an_error_not_an_empty_queue() {
    let t = twin_with(TwinOptions {
        data_null_rate: 1.0,
        ..options()
    })
    .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/api/DailyTask_DeskColl", t.base_url()))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), r#"{"data":null}"#);
    let err = client_for(&t).tasks().await.unwrap_err();
    assert_eq!(err, ApiError::Wire(WireError::NoTaskList));
    let shown = err.to_string();
    assert!(
        shown.contains("the server's database query failed"),
        "{shown}"
    );
    assert!(!shown.contains("0 tasks"), "{shown}");
}

/// Row 8: the list's real shapes: phone1 "0" or "", phone2..4 "", empty address parts,
/// contracts with nothing paid yet (the left joins' ""), pre-due tasks at overdue 0. A "0"
/// phone is never offered for dialling.
#[tokio::test]
async fn row08_the_book_has_the_real_shapes() {
    let t = twin_with(TwinOptions {
        contracts: 2000,
        tasks: Some(500),
        ..options()
    })
    .await;
    let raw: Value = reqwest::Client::new()
        .get(format!("{}/api/DailyTask_DeskColl", t.base_url()))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let data = raw["data"].as_array().unwrap();
    let count = |f: &dyn Fn(&Value) -> bool| data.iter().filter(|t| f(t)).count();
    for t in data {
        for key in ["phone2", "phone3", "phone4", "contract_person"] {
            assert_eq!(t[key], "", "{key}");
        }
        assert_eq!(t["flag_dedicated"], "1");
        assert_eq!(t["installment_amount"], Value::Null);
        for (k, v) in t.as_object().unwrap() {
            assert!(v.is_string() || k == "installment_amount", "{k}: {v}");
        }
    }
    assert!(count(&|t| t["phone1"] == "0") > 5, "phone1 \"0\"");
    assert!(count(&|t| t["phone1"] == "") > 0, "phone1 \"\"");
    assert!(
        count(&|t| t["address"].as_str().unwrap().contains(",  ")
            || t["address"].as_str().unwrap().contains(", , "))
            > 0,
        "empty address parts"
    );
    assert!(count(&|t| t["address"] == "") > 0, "NULL city: no address");
    let never_paid = count(&|t| {
        t["dueDate_Installment"] == "" && t["total_amount"] == "" && t["lastpaid_tenor"] == ""
    });
    assert!(never_paid > 5, "never paid: {never_paid}");
    assert!(count(&|t| t["overdue"] == "0") >= 90, "pre-due");

    let tasks = client_for(&t).tasks().await.unwrap();
    let zero = tasks.iter().find(|t| t.phone1 == "0").unwrap();
    assert!(zero.dialable_phones().is_empty(), "\"0\" is never dialled");
    let unpaid = tasks.iter().find(|t| t.due_date.is_none()).unwrap();
    assert_eq!(unpaid.installment_no(), 1, "the period defaults to 1");
}

/// Row 9: codes compare under the case-insensitive collation (`ptp` is PTP, promise kept);
/// an unknown code stores an empty value (NULL id) and clears the promise.
#[tokio::test]
async fn row09_codes_compare_ignoring_case_unknown_ones_store_empty() {
    let t = twin().await;
    let mut b = seed_body();
    b["action_code"] = json!("ptp");
    b["result_code"] = json!("ptp01");
    assert_eq!(post(&t, &b).await.1["respon_code"], "00");
    let mut b = seed_body();
    b["action_code"] = json!("ZZZ");
    b["result_code"] = json!("QQQ01");
    assert_eq!(post(&t, &b).await.1["respon_code"], "00");
    let mut b = seed_body();
    b["action_code"] = json!("bph");
    b["result_code"] = json!("PTP01");
    post(&t, &b).await;
    let got = received(&t).await;
    let s: Vec<&Value> = got.iter().map(|g| &g["stored"]).collect();
    assert_eq!(
        (
            &s[0]["action_code"],
            &s[0]["action_id"],
            &s[0]["result_code"]
        ),
        (&json!("PTP"), &json!(121), &json!("PTP01"))
    );
    assert_eq!(s[0]["promise_date"], "2021-12-31 00:00:00", "ptp keeps it");
    assert_eq!(
        (&s[1]["action_code"], &s[1]["action_id"]),
        (&json!(""), &Value::Null)
    );
    assert_eq!(
        (&s[1]["result_code"], &s[1]["result_id"]),
        (&json!(""), &Value::Null)
    );
    assert_eq!(s[1]["promise_date"], Value::Null, "ZZZ is not PTP");
    assert_eq!(
        (&s[2]["action_code"], &s[2]["result_code"]),
        (&json!("BPH"), &json!(""))
    );
    // The first row (a PTP) was followed up by the next results of the account.
    assert_eq!(s[0]["is_promise_call"], true);
}

/// Row 10: `GET api/CollectionInsert` answers the greeting, with no auth filter, in any case
/// of the route; other methods and controllers get Web API's answers.
#[tokio::test]
async fn row10_get_collection_insert_is_the_greeting() {
    let t = twin().await;
    for path in ["/api/CollectionInsert", "/api/collectioninsert/"] {
        let resp = reqwest::get(format!("{}{path}", t.base_url()))
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(
            resp.text().await.unwrap(),
            r#""Welcome To Web API MNC GUI""#
        );
    }
    assert_eq!(
        client_for(&t).health().await.unwrap(),
        "Welcome To Web API MNC GUI"
    );
    let put = reqwest::Client::new()
        .put(format!("{}/api/CollectionInsert", t.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 405);
    assert_eq!(
        put.text().await.unwrap(),
        r#"{"Message":"The requested resource does not support http method 'PUT'."}"#
    );
    let other = reqwest::get(format!("{}/api/Nothing", t.base_url()))
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    assert!(
        other
            .text()
            .await
            .unwrap()
            .contains("No type was found that matches the controller named 'Nothing'.")
    );
    // The seed's Basic auth is kept by default: the source's filter's 401.
    let resp = reqwest::get(format!("{}/api/dailytask_deskcoll", t.base_url()))
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(
        resp.headers()["www-authenticate"],
        "Basic Scheme='Data' location = 'http://localhost:"
    );
}

/// Row 11: with `--state FILE`, stored results and the clock offset survive a restart: the
/// delivered account does not come back to the queue.
#[tokio::test]
async fn row11_state_file_keeps_results_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("twin.db");
    let seed = "000318270200055";
    {
        let t = twin_with(TwinOptions {
            state: Some(file.clone()),
            ..options()
        })
        .await;
        let r = draft(seed, "PTP", "PTP01", "+3")
            .validate(fixed_now())
            .unwrap();
        client_for(&t).submit(&r).await.unwrap();
        assert!(!listed(&t).await.iter().any(|a| a == seed));
    }
    // Restarted without --now: the saved offset puts the twin back on its own day.
    let t = twin_with(TwinOptions {
        state: Some(file.clone()),
        now: None,
        ..options()
    })
    .await;
    let got = received(&t).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["stored"]["account_no"], seed);
    assert_eq!(got[0]["stored"]["collection_date"], "2026-11-27 10:00:00");
    assert!(
        !listed(&t).await.iter().any(|a| a == seed),
        "still delivered"
    );
    let r = draft(SEED_ACCOUNT, "NCT", "NCT01", "")
        .validate(fixed_now())
        .unwrap();
    client_for(&t).submit(&r).await.unwrap();
    let got = received(&t).await;
    assert_eq!(got[1]["stored"]["id"], 2);
    assert!(
        got[1]["stored"]["collection_date"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-27"),
        "{}",
        got[1]["stored"]["collection_date"]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "private: it holds every signature");
    }
    // Without --state, memory as before: a fresh twin has nothing.
    assert!(received(&twin().await).await.is_empty());
}

/// `serve --fault` takes the real server's faults by name, and refuses others on one line.
#[test]
fn serve_fault_flags_are_checked() {
    for (flag, says) in [
        (
            "nope=0.5",
            "'nope' is not one of data-null, stored-90, exception-500",
        ),
        ("data-null=2", "RATE must be a number between 0 and 1"),
        ("data-null", "RATE must be a number between 0 and 1"),
    ] {
        let home = tempfile::tempdir().unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_deskcoll"))
            .args(["serve", "--addr", "127.0.0.1:0", "--fault", flag])
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{flag}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
