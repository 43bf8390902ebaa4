//! The client against the twin, in process: what the user sees and what the server received.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use deskcoll::api::ApiError;
use deskcoll::twin::TwinOptions;

const SEED_BODY: &str = r#"{
  "account_no": "000319280100042",
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
}"#;

#[tokio::test]
async fn seed_example_post_is_accepted_verbatim() {
    let t = twin().await;
    let resp = reqwest::Client::new()
        .post(format!("{}/api/CollectionInsert", t.base_url()))
        .basic_auth("SERVICEMNC", Some("Mnc%^21"))
        .header("content-type", "application/json")
        .body(SEED_BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["respon_code"], "00");
    assert_eq!(
        body["respon_mess"],
        "Sukses Memasukan Data Dengan Account No : 000319280100042"
    );

    let got = received(&t).await;
    assert_eq!(got.len(), 1);
    // As received, byte for byte in meaning:
    let sent: serde_json::Value = serde_json::from_str(SEED_BODY).unwrap();
    assert_eq!(got[0]["body"], sent);
    // As stored: the server's clock and its own customer name.
    assert_eq!(got[0]["stored"]["collection_date"], "2026-11-27 10:00:00");
    assert_eq!(got[0]["stored"]["promise_date"], "2021-12-31 00:00:00");
}

#[tokio::test]
async fn tasks_list_seed_accounts_and_a_stored_result_drops_the_account() {
    let t = twin().await;
    let client = client_for(&t);
    let tasks = client.tasks().await.unwrap();
    assert_eq!(tasks.len(), 100, "a third of the default 300 contracts");
    let seed = tasks
        .iter()
        .find(|t| t.contract_no == "000318270200055")
        .unwrap();
    assert_eq!(seed.name, "TRIJAYA KONSTRUKSI MEGAH");
    assert_eq!(seed.overdue, Some(5));
    assert_eq!(seed.total_due.unwrap().rupiah(), "Rp 107.261.731");

    let now = fixed_now();
    let result = draft("000318270200055", "PTP", "PTP01", "+3")
        .validate(now)
        .unwrap();
    let answer = client.submit(&result).await.unwrap();
    assert_eq!(answer.respon_code, "00");
    let after = client.tasks().await.unwrap();
    assert_eq!(after.len(), 99);
    assert!(!after.iter().any(|t| t.contract_no == "000318270200055"));

    let got = received(&t).await;
    let stored = &got[0]["stored"];
    assert_eq!(
        stored["cust_name"], "TRIJAYA KONSTRUKSI MEGAH",
        "name comes from the server's book"
    );
    assert_eq!(stored["promise_date"], "2026-11-30 00:00:00");
    assert_eq!(got[0]["body"]["hashing"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn twin_applies_the_real_servers_rules_to_codes() {
    let t = twin().await;
    let client = client_for(&t);
    let now = fixed_now();
    let mut d = draft("000418110200010", "MSG", "", "");
    d.promise_date = String::new();
    client.submit(&d.validate(now).unwrap()).await.unwrap();
    let got = received(&t).await;
    assert_eq!(got[0]["stored"]["result_code"], "");
    assert_eq!(
        got[0]["stored"]["promise_date"],
        serde_json::Value::Null,
        "promise cleared (NULL) for non-PTP"
    );
    assert_eq!(
        got[0]["body"]["promise_date"], "2026-11-27 10:00:00",
        "client sends the call time as placeholder"
    );
}

#[tokio::test]
async fn wrong_hash_is_invalid_token() {
    let t = twin().await;
    let client = client_with(&t, Some(seed_auth()), "not-the-key", Default::default());
    let result = draft("000319280100042", "PTP", "PTP01", "+1")
        .validate(fixed_now())
        .unwrap();
    let err = client.submit(&result).await.unwrap_err();
    assert!(
        matches!(err, ApiError::InvalidToken { ref code, .. } if code == "91"),
        "{err:?}"
    );
    assert!(err.to_string().contains("check the hash key"));
    assert!(received(&t).await.is_empty());
}

#[tokio::test]
async fn missing_auth_is_refused_with_a_challenge() {
    let t = twin().await;
    let resp = reqwest::get(format!("{}/api/DailyTask_DeskColl", t.base_url()))
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert!(
        resp.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    let client = client_with(&t, None, deskcoll::twin::SEED_HASH_KEY, Default::default());
    let err = client.tasks().await.unwrap_err();
    assert_eq!(err, ApiError::Unauthorized);
    assert!(err.to_string().contains("bad credentials"));
}

#[tokio::test]
async fn no_auth_twin_accepts_anonymous_requests() {
    let t = twin_with(TwinOptions {
        no_auth: true,
        ..options()
    })
    .await;
    let client = client_with(&t, None, deskcoll::twin::SEED_HASH_KEY, Default::default());
    assert_eq!(client.tasks().await.unwrap().len(), 100);
    assert_eq!(client.health().await.unwrap(), "Welcome To Web API MNC GUI");
}

/// The real procedure checks no account: an unknown one is stored with 00 (and the name sent
/// is kept, there being no agreement to take one from). A 90, in the server's words, comes
/// from a database error: the twin's `stored-90` fault.
#[tokio::test]
async fn unknown_account_is_stored_and_90_comes_from_a_database_error() {
    let t = twin().await;
    let client = client_for(&t);
    let result = draft("000000000000001", "NCT", "NCT01", "")
        .validate(fixed_now())
        .unwrap();
    assert_eq!(client.submit(&result).await.unwrap().respon_code, "00");
    assert_eq!(
        received(&t).await[0]["stored"]["account_no"],
        "000000000000001"
    );

    let failing = twin_with(TwinOptions {
        stored_refusal_rate: 1.0,
        ..options()
    })
    .await;
    match client_for(&failing).submit(&result).await.unwrap_err() {
        ApiError::Refused { code, message } => {
            assert_eq!(code, "90");
            assert_eq!(message, "ERROR: Account No 000000000000001 does not exist");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(received(&failing).await.len(), 1, "stored all the same");
}

#[tokio::test]
async fn termin_walk_over_all_pages_equals_total_data() {
    let t = twin_with(TwinOptions {
        transactions: 57,
        ..options()
    })
    .await;
    let client = client_for(&t);
    let first = client.termin_page(1, 10).await.unwrap();
    let meta = first.meta();
    assert_eq!(
        (meta.total_data, meta.total_page, meta.page),
        (Some(57), Some(6), Some(1))
    );
    assert_eq!(meta.prev, "");
    assert!(meta.next.contains("page=2"));
    let mut pages = 0;
    let all = client
        .termin_all(10, 4, |_, _, _| {
            pages += 1;
            true
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 57);
    assert_eq!(pages, 6);
    let last = client.termin_page(6, 10).await.unwrap();
    assert_eq!(last.transactions().len(), 7);
    assert_eq!(last.meta().next, "");
    let mut po: Vec<_> = all
        .iter()
        .map(|t| t.general.purchase_order_number.clone())
        .collect();
    po.sort();
    po.dedup();
    assert_eq!(po.len(), 57, "no transaction twice, wherever it appears");
}

#[tokio::test]
async fn termin_404_is_an_empty_page() {
    let t = twin_with(TwinOptions {
        transactions: 3,
        ..options()
    })
    .await;
    let client = client_for(&t);
    let raw = reqwest::Client::new()
        .get(t.termin_url())
        .query(&[("page", "9")])
        .basic_auth("SERVICEMNC", Some("Mnc%^21"))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 404);
    assert_eq!(
        raw.text().await.unwrap(),
        r#"{"message":"transactions termin not found","status":"error"}"#
    );
    let page = client.termin_page(9, 10).await.unwrap();
    assert!(page.transactions().is_empty());
    let none = twin_with(TwinOptions {
        transactions: 0,
        ..options()
    })
    .await;
    assert!(
        client_for(&none)
            .termin_all(10, 4, |_, _, _| true)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn http_500_says_server_error_with_the_page_title() {
    let t = twin_with(TwinOptions {
        fail_rate: 1.0,
        ..options()
    })
    .await;
    let err = client_for(&t).tasks().await.unwrap_err();
    assert_eq!(
        err,
        ApiError::Status {
            status: 500,
            excerpt: ": Runtime Error".into(),
            retry_after: None,
        }
    );
    assert_eq!(err.to_string(), "server error: HTTP 500: Runtime Error");
}

#[tokio::test]
async fn dropped_connection_after_processing_is_the_lost_response_case() {
    let t = twin_with(TwinOptions {
        drop_rate: 1.0,
        ..options()
    })
    .await;
    let client = client_for(&t);
    let result = draft("000319280100042", "PTP", "PTP01", "+1")
        .validate(fixed_now())
        .unwrap();
    let err = client.submit(&result).await.unwrap_err();
    assert!(matches!(err, ApiError::Dropped { .. }), "{err:?}");
    assert!(err.may_have_reached_server());
    assert_eq!(
        received(&t).await.len(),
        1,
        "the twin stored it although no answer came"
    );
}

#[tokio::test]
async fn slow_server_is_a_timeout() {
    let t = twin_with(TwinOptions {
        latency_ms: 3000,
        ..options()
    })
    .await;
    let client = client_with(
        &t,
        Some(seed_auth()),
        deskcoll::twin::SEED_HASH_KEY,
        quick_timeouts(),
    );
    let err = client.tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::Timeout { .. }), "{err:?}");
    assert!(err.to_string().starts_with("timed out"));
}

#[tokio::test]
async fn nothing_listening_is_connection_refused() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = deskcoll::api::Client::new(
        Some(endpoints(&format!("http://127.0.0.1:{port}"), None, "k")),
        None,
        quick_timeouts(),
    )
    .unwrap();
    let err = client.tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::Connect { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("cannot connect to 127.0.0.1:{port}"))
    );
}

/// The client refuses a remark over 255 characters; the real server would cut it silently
/// (ADO.NET's parameter size) and answer 00, as the twin does.
#[tokio::test]
async fn over_long_values_are_refused_before_sending_and_cut_by_the_twin() {
    let t = twin().await;
    let mut d = draft("000319280100042", "PTP", "PTP01", "+1");
    d.remark = "x".repeat(256);
    let errors = d.validate(fixed_now()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "remark: 256 characters, at most 255 allowed"
    );
    // The twin, like the real server, cuts an overflow that got through and stores it.
    let mut body: serde_json::Value = serde_json::from_str(SEED_BODY).unwrap();
    body["remark"] = serde_json::Value::String("x".repeat(256));
    let resp: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/CollectionInsert", t.base_url()))
        .basic_auth("SERVICEMNC", Some("Mnc%^21"))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(resp["respon_code"], "00");
    let got = received(&t).await;
    assert_eq!(got[0]["stored"]["remark"], "x".repeat(255));
    assert_eq!(got[0]["body"]["remark"], "x".repeat(256));
}

#[tokio::test]
async fn generated_task_queue_holds_exactly_n_accounts_over_five_buckets() {
    let t = twin_with(TwinOptions {
        contracts: 2000,
        tasks: Some(500),
        ..options()
    })
    .await;
    let tasks = client_for(&t).tasks().await.unwrap();
    assert_eq!(tasks.len(), 500);
    let pre_due = tasks.iter().filter(|t| t.overdue == Some(0)).count();
    let first_day = tasks.iter().filter(|t| t.overdue == Some(2)).count();
    let long_overdue = tasks.iter().filter(|t| t.overdue.unwrap() > 8).count();
    assert!(pre_due >= 90, "pre-due {pre_due}");
    assert!(first_day >= 90, "first day {first_day}");
    assert!(long_overdue >= 90, "message follow-ups {long_overdue}");
}

/// The raw bytes of the task list as sent, asking for `encoding` (none: not asking).
async fn tasks_on_the_wire(
    t: &deskcoll::twin::RunningTwin,
    encoding: Option<&str>,
) -> (Option<String>, usize) {
    let http = reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .build()
        .unwrap();
    let a = seed_auth();
    let mut req = http
        .get(format!("{}/api/DailyTask_DeskColl", t.base_url()))
        .basic_auth(&a.user, Some(a.password.expose()));
    if let Some(e) = encoding {
        req = req.header("accept-encoding", e);
    }
    let resp = req.send().await.unwrap();
    assert!(resp.status().is_success());
    let enc = resp
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_string());
    (enc, resp.bytes().await.unwrap().len())
}

#[tokio::test]
async fn the_twin_compresses_when_asked_and_the_client_still_parses() {
    let t = twin_with(TwinOptions {
        contracts: 2000,
        tasks: Some(500),
        ..options()
    })
    .await;
    let (plain_enc, plain) = tasks_on_the_wire(&t, None).await;
    assert_eq!(plain_enc, None);
    let (gz_enc, gz) = tasks_on_the_wire(&t, Some("gzip")).await;
    assert_eq!(gz_enc.as_deref(), Some("gzip"));
    let (br_enc, br) = tasks_on_the_wire(&t, Some("br")).await;
    assert_eq!(br_enc.as_deref(), Some("br"));
    assert!(gz * 4 < plain && br * 4 < plain, "{plain} {gz} {br}");

    // The client asks for both and reads the list as before.
    assert_eq!(client_for(&t).tasks().await.unwrap().len(), 500);

    // The body cap is on the decompressed size: a cap above the compressed bytes but below
    // the list itself still refuses it.
    let capped = deskcoll::api::ClientOptions {
        max_body_bytes: plain / 2,
        ..deskcoll::api::ClientOptions::default()
    };
    assert!(gz < plain / 2);
    let err = client_with(&t, Some(seed_auth()), deskcoll::twin::SEED_HASH_KEY, capped)
        .tasks()
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::TooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn a_throttled_twin_sends_no_faster_than_its_bandwidth_and_the_list_arrives_whole() {
    let free = twin().await;
    let (_, size) = tasks_on_the_wire(&free, None).await;
    // 400 kbit/s = 50,000 bytes a second.
    let slow = twin_with(TwinOptions {
        bandwidth_kbps: Some(400),
        ..options()
    })
    .await;
    let started = std::time::Instant::now();
    let (enc, throttled) = tasks_on_the_wire(&slow, None).await;
    let took = started.elapsed();
    assert_eq!(enc, None);
    assert_eq!(throttled, size, "every byte arrives");
    // A lower bound only: the link's speed is the most the twin may send at.
    let least = std::time::Duration::from_micros(size as u64 * 1_000_000 / 50_000);
    assert!(
        took >= least.mul_f64(0.9),
        "{size} bytes in {took:?}, at 400 kbit/s at least {least:?}"
    );
    // The client reads the same list through it.
    assert_eq!(
        client_for(&slow).tasks().await.unwrap().len(),
        client_for(&free).tasks().await.unwrap().len()
    );
}
