#![allow(dead_code)]
//! Shared helpers: a twin on 127.0.0.1:0 and clients pointed at it.

use chrono::NaiveDateTime;
use deskcoll::api::{
    BasicAuth, Client, ClientOptions, CollectionEndpoint, TerminAuth, TerminEndpoint,
};
use deskcoll::domain::Secret;
use deskcoll::twin::{self, RunningTwin, TwinOptions};
use std::time::Duration;

pub fn fixed_now() -> NaiveDateTime {
    deskcoll::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap()
}

pub fn options() -> TwinOptions {
    TwinOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        now: Some(fixed_now()),
        ..TwinOptions::default()
    }
}

pub async fn twin_with(opts: TwinOptions) -> RunningTwin {
    twin::start(opts).await.expect("twin starts")
}

pub async fn twin() -> RunningTwin {
    twin_with(options()).await
}

pub fn seed_auth() -> BasicAuth {
    BasicAuth {
        user: twin::SEED_USER.into(),
        password: Secret::new(twin::SEED_PASSWORD),
    }
}

pub fn endpoints(base: &str, auth: Option<BasicAuth>, key: &str) -> CollectionEndpoint {
    let (tasks_url, result_url) = CollectionEndpoint::routes(base);
    CollectionEndpoint {
        tasks_url,
        result_url,
        auth,
        hash_key: Secret::new(key),
    }
}

pub fn client_for(t: &RunningTwin) -> Client {
    client_with(
        t,
        Some(seed_auth()),
        twin::SEED_HASH_KEY,
        ClientOptions::default(),
    )
}

pub fn client_with(
    t: &RunningTwin,
    auth: Option<BasicAuth>,
    key: &str,
    options: ClientOptions,
) -> Client {
    let termin = TerminEndpoint {
        url: t.termin_url(),
        auth: match &auth {
            Some(a) => TerminAuth::Basic(a.clone()),
            None => TerminAuth::None,
        },
    };
    Client::new(
        Some(endpoints(&t.base_url(), auth, key)),
        Some(termin),
        options,
    )
    .unwrap()
}

pub fn quick_timeouts() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_millis(700),
        max_body_bytes: 1024 * 1024,
    }
}

/// A GET of the twin's inspection routes, with its Basic auth (they refuse without).
pub async fn inspect(base_url: &str, route: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{base_url}/__twin/{route}"))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn received(t: &RunningTwin) -> Vec<serde_json::Value> {
    serde_json::from_value(inspect(&t.base_url(), "collections").await).unwrap()
}
