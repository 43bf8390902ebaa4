//! One exit code per outcome (`deskcoll::cli::EXIT_TABLE`), each run against the twin's
//! faults: 0 stored, 1 another error, 2 invalid input, 3 refused (91 and 90), 4 sent but not
//! confirmed (a dropped connection, HTTP 500), 5 not sent (nothing listening): it waits in
//! the outbox.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::{options, twin_with};
use deskcoll::twin::{self, TwinOptions};
use std::path::Path;
use std::process::{Command, Output};

fn deskcoll(home: &Path, base: &str, args: &[&str]) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let config = home.join("empty.toml");
    if !config.exists() {
        std::fs::write(&config, "").unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(["--now", "2026-11-27T10:00:00+07:00"])
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_CONFIG", &config)
        .env("DESKCOLL_OUTBOX", home.join("outbox.sqlite3"))
        .env("DESKCOLL_BASE_URL", base)
        .env("DESKCOLL_USER", twin::SEED_USER)
        .env("DESKCOLL_PASSWORD", twin::SEED_PASSWORD)
        .env("DESKCOLL_HASH_KEY", twin::SEED_HASH_KEY)
        .env("DESKCOLL_AGENT_ID", "A1")
        .env("DESKCOLL_LANG", "en")
        .stdin(std::process::Stdio::null());
    c
}

async fn run(mut c: Command) -> Output {
    tokio::task::spawn_blocking(move || c.output().unwrap())
        .await
        .unwrap()
}

fn said(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SUBMIT: [&str; 9] = [
    "submit",
    "--account",
    "000318270200055",
    "--action",
    "MSG",
    "--remark",
    "titip pesan",
    "--period",
    "29",
];

async fn outbox_states(home: &Path, base: &str) -> Vec<String> {
    let o = run(deskcoll(
        home,
        base,
        &["outbox", "list", "--format", "json"],
    ))
    .await;
    let items: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    items
        .iter()
        .map(|i| i["state"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_0_stored_2_invalid_3_refused() {
    let t = twin_with(options()).await;
    let home = tempfile::tempdir().unwrap();
    let base = t.base_url();
    let o = run(deskcoll(home.path(), &base, &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));

    let o = run(deskcoll(
        home.path(),
        &base,
        &[
            "submit",
            "--account",
            "000318270200055",
            "--action",
            "PTP",
            "--remark",
            "x",
        ],
    ))
    .await;
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));

    let mut bad_key = deskcoll(home.path(), &base, &SUBMIT);
    bad_key.env("DESKCOLL_HASH_KEY", "not-the-key");
    let o = run(bad_key).await;
    assert_eq!(o.status.code(), Some(3), "91: {}", said(&o));
    assert!(said(&o).contains("91"), "{}", said(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_3_a_refused_resend_with_90() {
    let t = twin_with(TwinOptions {
        stored_refusal_rate: 1.0,
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let base = t.base_url();
    let o = run(deskcoll(home.path(), &base, &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(3), "{}", said(&o));
    let o = run(deskcoll(
        home.path(),
        &base,
        &["outbox", "resolve", "1", "--resend", "--yes"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(3), "refused again: {}", said(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_4_dropped_and_http_500_may_be_stored() {
    let dropping = twin_with(TwinOptions {
        drop_rate: 1.0,
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let o = run(deskcoll(home.path(), &dropping.base_url(), &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(4), "{}", said(&o));
    assert_eq!(
        outbox_states(home.path(), &dropping.base_url()).await,
        ["uncertain"]
    );

    let failing = twin_with(TwinOptions {
        exception_rate: 1.0,
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let o = run(deskcoll(home.path(), &failing.base_url(), &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(4), "HTTP 500: {}", said(&o));
    assert!(said(&o).contains("500"), "{}", said(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_5_nothing_listening_and_the_result_waits_in_the_outbox() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let home = tempfile::tempdir().unwrap();
    let o = run(deskcoll(home.path(), &base, &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(5), "{}", said(&o));
    assert_eq!(outbox_states(home.path(), &base).await, ["queued"]);
    // Flushing to the same nowhere: still not sent.
    let o = run(deskcoll(home.path(), &base, &["outbox", "flush"])).await;
    assert_eq!(o.status.code(), Some(5), "{}", said(&o));
    // A command that only reads says the same.
    let o = run(deskcoll(home.path(), &base, &["tasks", "--format", "json"])).await;
    assert_eq!(o.status.code(), Some(5), "{}", said(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_1_any_other_error() {
    // Demo mode (its own twin): a page past the last one.
    let home = tempfile::tempdir().unwrap();
    let mut c = deskcoll(home.path(), "", &["termin", "--page", "7"]);
    c.env_remove("DESKCOLL_BASE_URL");
    let o = run(c).await;
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert!(said(&o).contains("page 7 of 6"), "{}", said(&o));
}
