//! The client against servers that misbehave: canned replies from a tiny local server.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use axum::Router;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use deskcoll::api::{ApiError, Client, TerminAuth, TerminEndpoint};
use deskcoll::domain::{ResultDraft, WireError};

/// Serves `body` with `status` and `content_type` on every route.
async fn canned(status: u16, content_type: &'static str, body: &'static str) -> String {
    let handler = move || async move {
        (
            StatusCode::from_u16(status).unwrap(),
            [("content-type", content_type)],
            body,
        )
            .into_response()
    };
    let app = Router::new().fallback(get(handler).post(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn client(base: &str) -> Client {
    Client::new(
        Some(common::endpoints(base, None, "key")),
        Some(TerminEndpoint {
            url: format!("{base}/api/v1/bumn/transactions/termin"),
            auth: TerminAuth::None,
        }),
        common::quick_timeouts(),
    )
    .unwrap()
}

fn any_result() -> deskcoll::domain::CollectionResult {
    ResultDraft {
        account_no: "000319280100042".into(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        agent_id: "a".into(),
        ..ResultDraft::default()
    }
    .validate(common::fixed_now())
    .unwrap()
}

#[tokio::test]
async fn tolerant_parsing_of_nulls_numbers_and_odd_dates() {
    let base = canned(
        200,
        "application/json",
        r#"{"data":[{"contract_no":"A1","name":null,"overdue":7,"installmentNumber":1500000,
            "installment_amount":null,"penalty":"2500.50","total_amount":1502500.5,"osar":null,
            "dueDate_Installment":"2026-11-20T00:00:00+07:00","lastpaid_duedate":"2026-10-20 00:00:00",
            "lastpaid_tenor":3,"brand_new_field":[1,2]},{"contract_no":"A2"}]}"#,
    )
    .await;
    let tasks = client(&base).tasks().await.unwrap();
    assert_eq!(tasks.len(), 2);
    let t = &tasks[0];
    assert_eq!(t.name, "");
    assert_eq!(t.overdue, Some(7));
    assert_eq!(t.installment_amount().unwrap().rupiah(), "Rp 1.500.000");
    assert_eq!(t.total_due.unwrap().rupiah(), "Rp 1.502.500,50");
    assert_eq!(t.osar, None);
    assert_eq!(t.due_date.unwrap().to_string(), "2026-11-20");
    assert_eq!(t.installment_no(), 4);
    assert_eq!(tasks[1].overdue, None);
}

#[tokio::test]
async fn malformed_json_is_rejected_with_its_position() {
    let base = canned(
        200,
        "application/json",
        "{\"data\":[\n{\"contract_no\": \"A1\",}\n]}",
    )
    .await;
    let err = client(&base).tasks().await.unwrap_err();
    match &err {
        ApiError::Wire(WireError::Malformed { line, column, .. }) => {
            assert_eq!((*line, *column), (2, 22))
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("unreadable reply: malformed JSON at line 2, column 22"),
        "{err}"
    );
}

#[tokio::test]
async fn data_null_is_the_servers_failure() {
    let base = canned(200, "application/json", r#"{"data":null}"#).await;
    let err = client(&base).tasks().await.unwrap_err();
    assert_eq!(err, ApiError::Wire(WireError::NoTaskList));
    assert!(err.to_string().contains("server returned no task list"));
}

#[tokio::test]
async fn html_page_with_200_is_not_json() {
    let base = canned(
        200,
        "text/html",
        "<html><head><title>Login - Portal</title></head></html>",
    )
    .await;
    let err = client(&base).tasks().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "the server sent a page instead of JSON (HTTP 200): Login - Portal"
    );
}

#[tokio::test]
async fn statuses_map_to_typed_errors() {
    let cases: [(u16, &str, &str); 4] = [
        (401, "text/plain", ""),
        (403, "text/html", "<h1>Forbidden</h1>"),
        (
            404,
            "text/html",
            "<title>404 - File or directory not found.</title>",
        ),
        (
            502,
            "text/html",
            "<html><title>502 Bad Gateway</title></html>",
        ),
    ];
    let mut seen = Vec::new();
    for (status, ct, body) in cases {
        let base = canned(status, ct, body).await;
        seen.push(client(&base).tasks().await.unwrap_err());
    }
    assert_eq!(seen[0], ApiError::Unauthorized);
    assert_eq!(seen[1].to_string(), "access denied (HTTP 403): Forbidden");
    assert!(matches!(seen[2], ApiError::NotFound { .. }));
    assert_eq!(
        seen[3].to_string(),
        "server error: HTTP 502: 502 Bad Gateway"
    );
}

#[tokio::test]
async fn submit_checks_the_code_not_the_status() {
    let base = canned(
        200,
        "application/json",
        r#"{"respon_code":"90","respon_mess":"ERROR: Account No 1 does not exist"}"#,
    )
    .await;
    let err = client(&base).submit(&any_result()).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "server refused (code 90): ERROR: Account No 1 does not exist"
    );

    let base = canned(200, "application/json", r#"{"respon_code":0}"#).await;
    assert!(matches!(
        client(&base).submit(&any_result()).await.unwrap_err(),
        ApiError::Refused { .. }
    ));

    let base = canned(
        500,
        "application/json",
        r#"{"Message":"An error has occurred."}"#,
    )
    .await;
    assert!(matches!(
        client(&base).submit(&any_result()).await.unwrap_err(),
        ApiError::Status { status: 500, .. }
    ));
}

#[tokio::test]
async fn termin_not_found_body_is_empty_but_an_html_404_is_a_wrong_url() {
    let base = canned(
        404,
        "application/json",
        r#"{"status":"error","message":"transactions termin not found"}"#,
    )
    .await;
    assert!(
        client(&base)
            .termin_page(1, 10)
            .await
            .unwrap()
            .transactions()
            .is_empty()
    );
    let base = canned(404, "text/html", "<title>Not Found</title>").await;
    assert!(matches!(
        client(&base).termin_page(1, 10).await.unwrap_err(),
        ApiError::NotFound { .. }
    ));
}

#[tokio::test]
async fn oversized_reply_is_refused() {
    static BIG: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{{\"data\":[{}]}}", "{},".repeat(600_000)));
    let base = canned(200, "application/json", BIG.as_str()).await;
    let err = client(&base).tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::TooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn a_termin_server_that_ignores_page_is_caught() {
    let base = canned(
        200,
        "application/json",
        r#"{"status":"success","message":"ok","data":{"meta":{"page":1,"limit":1,"total_page":3,"total_data":3},"transaction-termin":[{"general":{"purchase_order_number":"PO-1"}}]}}"#,
    )
    .await;
    let err = client(&base)
        .termin_all(1, 2, |_, _, _| true)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("it does not page"), "{err}");
}

/// Answers `status` with `Retry-After: 1` to the first request, then `body` (200) to every
/// later one; says when each request came.
async fn busy_then(
    status: u16,
    body: &'static str,
) -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<std::time::Instant>>>,
) {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let handler = move || {
        let log = log.clone();
        async move {
            let n = {
                let mut l = log.lock().unwrap();
                l.push(std::time::Instant::now());
                l.len()
            };
            if n == 1 {
                (
                    StatusCode::from_u16(status).unwrap(),
                    [("content-type", "text/plain"), ("retry-after", "1")],
                    "busy",
                )
                    .into_response()
            } else {
                (StatusCode::OK, [("content-type", "application/json")], body).into_response()
            }
        }
    };
    let app = Router::new().fallback(get(handler.clone()).post(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn retry_after_reaches_the_error() {
    for status in [429, 503] {
        let (base, _) = busy_then(status, "{}").await;
        let err = client(&base).tasks().await.unwrap_err();
        assert_eq!(
            err.retry_after(),
            Some(std::time::Duration::from_secs(1)),
            "{err:?}"
        );
    }
    let now = chrono::Utc::now();
    let date = (now + chrono::Duration::seconds(120)).to_rfc2822();
    let wait = deskcoll::api::parse_retry_after(&date, now).unwrap();
    assert!((119..=120).contains(&wait.as_secs()), "{wait:?}");
    assert_eq!(
        deskcoll::api::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
        Some(std::time::Duration::ZERO)
    );
    assert_eq!(
        deskcoll::api::parse_retry_after("999999", now),
        Some(deskcoll::api::MAX_RETRY_AFTER)
    );
    assert_eq!(deskcoll::api::parse_retry_after("soon", now), None);
}

#[tokio::test]
async fn termin_load_all_waits_as_a_busy_server_asks() {
    for status in [429, 503] {
        let (base, seen) = busy_then(
            status,
            r#"{"status":"success","message":"ok","data":{"meta":{"page":1,"limit":10,"total_page":1,"total_data":1},"transaction-termin":[{"general":{"purchase_order_number":"PO-1"}}]}}"#,
        )
        .await;
        let all = client(&base)
            .termin_all(10, 2, |_, _, _| true)
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        assert!(
            seen[1] - seen[0] >= std::time::Duration::from_secs(1),
            "{status}: asked again after {:?}",
            seen[1] - seen[0]
        );
    }
}

#[tokio::test]
async fn outbox_retries_wait_at_least_retry_after() {
    use deskcoll::delivery::Deliverer;
    use deskcoll::domain::outbox::DeliveryState;
    for status in [429, 503] {
        let (base, seen) = busy_then(status, r#"{"respon_code":"00","respon_mess":"OK"}"#).await;
        let dir = tempfile::tempdir().unwrap();
        let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.db")).unwrap();
        let mut d = Deliverer::new(
            std::sync::Arc::new(std::sync::Mutex::new(outbox)),
            client(&base),
            deskcoll::clock::Clock::system(),
        );
        d.base_backoff_ms = 10;
        let id = d.enqueue(&any_result()).unwrap();
        let (state, _) = d.deliver_patiently(id, 3).await.unwrap();
        assert_eq!(state, DeliveryState::Delivered);
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        assert!(
            seen[1] - seen[0] >= std::time::Duration::from_secs(1),
            "{status}: sent again after {:?}",
            seen[1] - seen[0]
        );
    }
}

#[tokio::test]
async fn a_queued_retry_is_not_due_before_retry_after() {
    use deskcoll::delivery::Deliverer;
    use deskcoll::domain::outbox::DeliveryState;
    let (base, _) = busy_then(429, r#"{"respon_code":"00","respon_mess":"OK"}"#).await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.db")).unwrap();
    let t0 = common::fixed_now();
    let mut d = Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        client(&base),
        deskcoll::clock::Clock::at(t0),
    );
    d.base_backoff_ms = 1;
    let id = d.enqueue(&any_result()).unwrap();
    let (state, _) = d.deliver(id).await.unwrap().unwrap();
    assert_eq!(state, DeliveryState::Queued);
    // Backoff alone would make it due after 1 ms; the server asked for a second.
    d.clock = deskcoll::clock::Clock::at(t0 + chrono::Duration::milliseconds(50));
    assert_eq!(d.flush_once(false).await.unwrap().delivered, 0);
    d.clock = deskcoll::clock::Clock::at(t0 + chrono::Duration::milliseconds(1100));
    assert_eq!(d.flush_once(false).await.unwrap().delivered, 1);
}

#[tokio::test]
async fn a_fixed_now_still_retries_on_the_time_that_has_passed() {
    use deskcoll::delivery::Deliverer;
    use deskcoll::domain::outbox::DeliveryState;
    let (base, seen) = busy_then(503, r#"{"respon_code":"00","respon_mess":"OK"}"#).await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.db")).unwrap();
    let now: chrono::DateTime<chrono::FixedOffset> =
        chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap();
    // `--now` as the workstation takes it: the wall clock stops there.
    let mut d = Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        client(&base),
        deskcoll::clock::Clock::new(Some(now)),
    );
    d.base_backoff_ms = 1;
    let id = d.enqueue(&any_result()).unwrap();
    let (state, _) = d.deliver(id).await.unwrap().unwrap();
    assert_eq!(state, DeliveryState::Queued, "503: tried again later");
    // Two minutes have passed since `--now` was set; the wall clock still says 10:00.
    d.clock = deskcoll::clock::Clock::fixed_since(now, std::time::Duration::from_secs(120));
    assert_eq!(d.clock.now_local(), now.naive_local());
    assert_eq!(d.flush_once(false).await.unwrap().delivered, 1, "retried");
    assert_eq!(seen.lock().unwrap().len(), 2);
}

/// Answers a chunked task list (no length announced) of `tasks` tasks, in pieces of about
/// 1 KB; with `cut`, the connection is closed after that many bytes of the body.
async fn chunked_list(tasks: usize, cut: Option<usize>) -> (String, usize) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let one = r#"{"contract_no":"000318270200055","name":"BUDI SANTOSO","branch_name":"KUPANG"}"#;
    let body = format!("{{\"data\":[{}]}}", vec![one; tasks].join(","));
    let len = body.len();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 8192];
                let _ = stream.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                let mut out = head.as_bytes().to_vec();
                let sent = cut.unwrap_or(body.len());
                for piece in body.as_bytes()[..sent].chunks(1024) {
                    out.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
                    out.extend_from_slice(piece);
                    out.extend_from_slice(b"\r\n");
                }
                if cut.is_none() {
                    out.extend_from_slice(b"0\r\n\r\n");
                }
                let _ = stream.write_all(&out).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    (format!("http://{addr}"), len)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_read_as_it_arrives_keeps_its_caps_and_says_how_it_stopped() {
    // Whole: every task, and the bytes told as they came, up to the whole body.
    let (base, len) = chunked_list(2000, None).await;
    let seen = std::sync::Mutex::new(Vec::new());
    let list = client(&base)
        .tasks_watched(&|got, total| seen.lock().unwrap().push((got, total)))
        .await
        .unwrap();
    assert_eq!(list.len(), 2000);
    assert_eq!(list[1999].branch_name, "KUPANG");
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() > 1, "told more than once: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert_eq!(seen.last(), Some(&(len as u64, None)));

    // No length announced, more than the cap: refused as too large, not as a cut list.
    let capped = Client::new(
        Some(common::endpoints(&base, None, "key")),
        None,
        deskcoll::api::ClientOptions {
            max_body_bytes: len / 2,
            ..common::quick_timeouts()
        },
    )
    .unwrap();
    let err = capped.tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::TooLarge { .. }), "{err:?}");

    // The connection dropped halfway: said as dropped, not as malformed JSON.
    let (base, len) = chunked_list(2000, Some(60_000)).await;
    assert!(len > 60_000);
    let err = client(&base).tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::Dropped { .. }), "{err:?}");
}
