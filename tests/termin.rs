//! Termin against the twin: every auth mode, token expiry and renewal, paging, the CLI.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use deskcoll::api::{ApiError, BasicAuth, Client, LoginAuth, TerminAuth, TerminEndpoint};
use deskcoll::domain::Secret;
use deskcoll::twin::{self, RunningTwin, TwinOptions};

fn client(t: &RunningTwin, auth: TerminAuth) -> Client {
    Client::new(
        None,
        Some(TerminEndpoint {
            url: t.termin_url(),
            auth,
        }),
        Default::default(),
    )
    .unwrap()
}

fn login(t: &RunningTwin, secret: &str) -> TerminAuth {
    TerminAuth::Login(LoginAuth {
        login_url: format!("{}{}", t.base_url(), twin::LOGIN_PATH),
        basic: Some(seed_auth()),
        access_key: Secret::new(twin::SEED_ACCESS_KEY),
        access_secret: Secret::new(secret),
    })
}

async fn logins(t: &RunningTwin) -> u64 {
    let v = common::inspect(&t.base_url(), "stats").await;
    v["logins"].as_u64().unwrap()
}

#[tokio::test]
async fn basic_bearer_and_none_modes() {
    let t = twin_with(TwinOptions {
        termin_token: Some("static-token".into()),
        ..options()
    })
    .await;
    assert_eq!(
        client(&t, TerminAuth::Basic(seed_auth()))
            .termin_page(1, 5)
            .await
            .unwrap()
            .transactions()
            .len(),
        5
    );
    assert_eq!(
        client(&t, TerminAuth::Bearer(Secret::new("static-token")))
            .termin_page(1, 5)
            .await
            .unwrap()
            .transactions()
            .len(),
        5
    );
    let wrong = BasicAuth {
        user: "x".into(),
        password: Secret::new("y"),
    };
    assert_eq!(
        client(&t, TerminAuth::Basic(wrong))
            .termin_page(1, 5)
            .await
            .unwrap_err(),
        ApiError::Unauthorized
    );
    assert_eq!(
        client(&t, TerminAuth::None)
            .termin_page(1, 5)
            .await
            .unwrap_err(),
        ApiError::Unauthorized
    );
    let open = twin_with(TwinOptions {
        no_auth: true,
        ..options()
    })
    .await;
    assert_eq!(
        client(&open, TerminAuth::None)
            .termin_page(1, 5)
            .await
            .unwrap()
            .transactions()
            .len(),
        5
    );
}

#[tokio::test]
async fn login_token_is_cached_then_renewed_on_expiry() {
    let t = twin_with(TwinOptions {
        token_ttl_secs: 31,
        ..options()
    })
    .await;
    // The client's clock is the test's: time moves without sleeping.
    let later = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let c = client(&t, login(&t, twin::SEED_ACCESS_SECRET)).with_clock({
        let later = later.clone();
        move || {
            chrono::Utc::now()
                + chrono::Duration::seconds(later.load(std::sync::atomic::Ordering::SeqCst))
        }
    });
    c.termin_page(1, 10).await.unwrap();
    c.termin_page(2, 10).await.unwrap();
    assert_eq!(logins(&t).await, 1, "one login serves many pages");
    // 31 s lifetime minus the 30 s renewal margin: two seconds on, the client renews by itself.
    later.store(2, std::sync::atomic::Ordering::SeqCst);
    c.termin_page(3, 10).await.unwrap();
    assert_eq!(logins(&t).await, 2);
}

#[tokio::test]
async fn login_renews_after_a_401() {
    // The twin's tokens die early but the client is told they live 24 h (a lying server).
    let t = twin_with(TwinOptions {
        token_ttl_secs: 3600,
        advertised_ttl_secs: Some(24 * 3600),
        ..options()
    })
    .await;
    let c = client(&t, login(&t, twin::SEED_ACCESS_SECRET));
    c.termin_page(1, 10).await.unwrap();
    c.termin_page(2, 10).await.unwrap();
    let first = logins(&t).await;
    assert_eq!(first, 1, "the client trusts the stated lifetime");
    // The server ends its tokens (no waiting for their second to pass).
    let expired = reqwest::Client::new()
        .post(format!("{}/__twin/expire-tokens", t.base_url()))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .send()
        .await
        .unwrap();
    assert!(expired.status().is_success());
    assert_eq!(c.termin_page(2, 10).await.unwrap().transactions().len(), 10);
    assert_eq!(logins(&t).await, 2, "renewed once, after the 401");
}

#[tokio::test]
async fn wrong_access_secret_says_so() {
    let t = twin().await;
    let err = client(&t, login(&t, "wrong"))
        .termin_page(1, 10)
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::Unauthorized);
}

#[tokio::test]
async fn paging_forward_and_back_matches_the_twin() {
    let t = twin_with(TwinOptions {
        transactions: 25,
        ..options()
    })
    .await;
    let c = client(&t, TerminAuth::Basic(seed_auth()));
    let p1 = c.termin_page(1, 10).await.unwrap();
    let p2 = c.termin_page(2, 10).await.unwrap();
    let p3 = c.termin_page(3, 10).await.unwrap();
    let back = c.termin_page(2, 10).await.unwrap();
    assert_eq!(p2, back);
    assert_eq!((p1.transactions().len(), p3.transactions().len()), (10, 5));
    let mut progress = Vec::new();
    let all = c
        .termin_all(10, 3, |page, of, n| {
            progress.push((page, of, n));
            true
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 25);
    assert_eq!(progress, vec![(1, 3, 10), (2, 3, 20), (3, 3, 25)]);
    let expected: Vec<_> = [p1, p2, p3]
        .iter()
        .flat_map(|p| p.transactions().to_vec())
        .collect();
    assert_eq!(all, expected, "pages in order");
    // Cancel after the first page.
    let partial = c.termin_all(10, 3, |page, _, _| page < 1).await.unwrap();
    assert_eq!(partial.len(), 10);
}
