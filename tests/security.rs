//! Issue 13: nothing leaks, nothing is forged. Redirects, hostile text, exports, files.

mod common;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::any;
use deskcoll::api::{ApiError, Client, LoginAuth, TerminAuth, TerminEndpoint};
use deskcoll::domain::outbox::DeliveryState;
use deskcoll::domain::{ResultDraft, Secret};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::io::AsyncReadExt;

/// A listener that counts connections and bytes it is sent, and never answers.
async fn trap() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    counter.fetch_add(n, Ordering::SeqCst);
                }
            });
        }
    });
    (format!("http://{addr}"), seen)
}

/// A server that answers every request with 307 to `to` (same path).
async fn redirecting(to: String) -> String {
    let app = Router::new().fallback(any(move |uri: axum::http::Uri| {
        let to = to.clone();
        async move {
            (
                StatusCode::TEMPORARY_REDIRECT,
                [(header::LOCATION, format!("{to}{}", uri.path()))],
                "",
            )
                .into_response()
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_redirected_login_carries_no_secret_elsewhere() {
    let (elsewhere, seen) = trap().await;
    let base = redirecting(elsewhere.clone()).await;
    let client = Client::new(
        None,
        Some(TerminEndpoint {
            url: format!("{base}/api/v1/bumn/transactions/termin"),
            auth: TerminAuth::Login(LoginAuth {
                login_url: format!("{base}/api/v2/bumn/bumn-auth/login"),
                basic: Some(common::seed_auth()),
                access_key: Secret::new("key"),
                access_secret: Secret::new("s3cret"),
            }),
        }),
        common::quick_timeouts(),
    )
    .unwrap();
    let err = client.termin_page(1, 10).await.unwrap_err();
    match &err {
        ApiError::Redirect { status, from, to } => {
            assert_eq!(*status, 307);
            assert!(from.starts_with(&base), "{from}");
            assert!(to.starts_with(&elsewhere), "{to}");
        }
        other => panic!("{other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.contains(&base) && shown.contains(&elsewhere),
        "{shown}"
    );
    assert_eq!(deskcoll::cli::Failure::from(err).code, 1);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        seen.load(Ordering::SeqCst),
        0,
        "nothing reached the other port"
    );
}

#[tokio::test]
async fn a_redirected_result_stays_queued_and_goes_nowhere() {
    let (elsewhere, seen) = trap().await;
    let base = redirecting(elsewhere).await;
    let client = Client::new(
        Some(common::endpoints(
            &base,
            Some(common::seed_auth()),
            deskcoll::twin::SEED_HASH_KEY,
        )),
        None,
        common::quick_timeouts(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let deliverer = deskcoll::delivery::Deliverer::new(
        Arc::new(std::sync::Mutex::new(outbox)),
        client.clone(),
        deskcoll::clock::Clock::at(common::fixed_now()),
    );
    let result = ResultDraft {
        account_no: "000319280100042".into(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        agent_id: "A1".into(),
        ..ResultDraft::default()
    }
    .validate(common::fixed_now())
    .unwrap();
    let id = deliverer.save(&result, None, None).unwrap();
    let (state, d) = deliverer.deliver(id).await.unwrap().unwrap();
    assert_eq!(state, DeliveryState::Queued);
    assert!(
        matches!(&d, deskcoll::delivery::Disposition::Retry { reason } if reason.contains("redirect")),
        "{d:?}"
    );
    let item = deliverer.outbox.lock().unwrap().get(id).unwrap();
    assert_eq!(item.state, DeliveryState::Queued);
    assert!(item.delivered_by.is_none());
    // The task list is refused alike.
    assert!(matches!(
        client.tasks().await,
        Err(ApiError::Redirect { .. })
    ));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        seen.load(Ordering::SeqCst),
        0,
        "nothing reached the other port"
    );
}

/// The binary with a private home and none of the caller's DESKCOLL_* variables.
fn deskcoll(home: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(std::process::Stdio::null());
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c
}

async fn output(mut c: std::process::Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || c.output().unwrap())
        .await
        .unwrap()
}

const HOSTILE: &str =
    "ERROR: Account No \u{1b}]0;x\u{7}\u{1b}[2J\u{202E}\u{2066}evil does not exist";

/// A server whose every word is hostile: a `90` for results, an `error` for termin.
async fn hostile_server() -> String {
    let app = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            any(|| async {
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"data":[]}"#,
                )
            }),
        )
        .route(
            "/api/CollectionInsert",
            any(|| async {
                let body = serde_json::json!({"respon_code": "90", "respon_mess": HOSTILE});
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        )
        .route(
            "/api/v1/bumn/transactions/termin",
            any(|| async {
                let body = serde_json::json!({"status": "error", "message": HOSTILE});
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{1b}', '\u{7}', '\u{202E}', '\u{2066}'] {
        assert!(!text.contains(c), "{what} holds {c:?}: {text:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_message_never_reaches_the_terminal_raw() {
    let base = hostile_server().await;
    let home = tempfile::tempdir().unwrap();
    let mut c = deskcoll(
        home.path(),
        &[
            "--now",
            "2026-11-27T10:00:00+07:00",
            "--base-url",
            &base,
            "--agent-id",
            "A1",
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    );
    c.env("DESKCOLL_HASH_KEY", "k");
    let o = output(c).await;
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("evil does not exist"));
    assert_clean("submit's stderr", &o.stderr);
    assert_clean("submit's stdout", &o.stdout);

    // The rejected result, listed and resent: still clean.
    for args in [
        &["outbox", "list"][..],
        &["outbox", "list", "--format", "csv"],
        &["outbox", "resolve", "1", "--resend", "--yes"],
    ] {
        let mut c = deskcoll(home.path(), &[&["--base-url", &base][..], args].concat());
        c.env("DESKCOLL_HASH_KEY", "k")
            .env("DESKCOLL_AGENT_ID", "A1");
        let o = output(c).await;
        assert_clean(&format!("{args:?} stdout"), &o.stdout);
        assert_clean(&format!("{args:?} stderr"), &o.stderr);
    }

    let o = output(deskcoll(
        home.path(),
        &[
            "--termin-url",
            &format!("{base}/api/v1/bumn/transactions/termin"),
            "termin",
        ],
    ))
    .await;
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("evil"), "{o:?}");
    assert_clean("termin's stderr", &o.stderr);
}
