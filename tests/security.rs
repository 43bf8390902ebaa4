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
