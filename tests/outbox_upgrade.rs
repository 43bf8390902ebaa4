//! Upgrading without losing a result: the outbox of every release since 0.1.0 (written by
//! that release, `tests/fixtures/make-outbox.sh`) opens with this one, every record intact, and
//! its queued result is sent; an outbox of a newer release is refused and left untouched.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use deskcoll::domain::outbox::DeliveryState;
use deskcoll::store::{Outbox, SCHEMA_VERSION, StoreError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Every release's fixture. Add the next release's here when it ships.
const FIXTURES: &[&str] = &[
    "outbox-0.1.0.sqlite3",
    // Schema 1, as the release before schema 2 wrote it (commit fea62b4).
    "outbox-0.1.0-fea62b4.sqlite3",
    // Schema 2, receipts without seq, as the release before schema 3 wrote it (75b7ea5).
    SCHEMA_2,
    // Schema 3, receipts with seq and tags, as the release before schema 4 wrote it (fc4717a).
    SCHEMA_3,
];

/// The fixtures written before receipts existed.
const BEFORE_RECEIPTS: &[&str] = &["outbox-0.1.0.sqlite3", "outbox-0.1.0-fea62b4.sqlite3"];

const SCHEMA_2: &str = "outbox-0.1.0-75b7ea5.sqlite3";

const SCHEMA_3: &str = "outbox-0.1.0-fc4717a.sqlite3";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy to open: the committed fixture itself is never written to.
fn copy_of(name: &str, dir: &Path) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(fixture(name), &to).unwrap();
    to
}

/// The binary with a private home, no settings of the caller's, and this outbox.
fn deskcoll(home: &Path, outbox: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_SYSTEM_CONFIG", home.join("no-system-config.toml"))
        .env("DESKCOLL_OUTBOX", outbox)
        .stdin(Stdio::null());
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

struct Expected {
    account: &'static str,
    state: DeliveryState,
    action: &'static str,
    result: &'static str,
    promise: Option<&'static str>,
    remark: &'static str,
    call_time: &'static str,
    attempts: u32,
    server_code: Option<&'static str>,
}

/// What make-outbox.sh recorded (the queued one tried three times while the server was down).
const RECORDED: [Expected; 4] = [
    Expected {
        account: "000319280100042",
        state: DeliveryState::Delivered,
        action: "PTP",
        result: "PTP01",
        promise: Some("2026-11-30"),
        remark: "janji bayar penuh tgl 30",
        call_time: "2026-11-27 09:15:00",
        attempts: 1,
        server_code: Some("00"),
    },
    Expected {
        account: "000999999999999",
        state: DeliveryState::Rejected,
        action: "NCT",
        result: "NCT03",
        promise: None,
        remark: "nomor tidak terdaftar",
        call_time: "2026-11-27 09:20:00",
        attempts: 1,
        server_code: Some("90"),
    },
    Expected {
        account: "000220196348539",
        state: DeliveryState::Uncertain,
        action: "CTC",
        result: "CTC02",
        promise: None,
        remark: "nego denda, telp lagi besok",
        call_time: "2026-11-27 09:40:00",
        attempts: 1,
        server_code: None,
    },
    Expected {
        account: "000119590678608",
        state: DeliveryState::Queued,
        action: "CBK",
        result: "CBK01",
        promise: None,
        remark: "minta ditelepon jam 2",
        call_time: "2026-11-27 09:55:00",
        attempts: 3,
        server_code: None,
    },
];

#[test]
fn every_release_fixture_opens_with_every_record() {
    for name in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of(name, dir.path());
        let outbox = Outbox::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let items = outbox.list().unwrap();
        assert_eq!(items.len(), RECORDED.len(), "{name}");
        for (item, want) in items.iter().zip(&RECORDED) {
            let what = format!("{name}, result {}", item.id);
            assert_eq!(item.account_no, want.account, "{what}");
            assert_eq!(item.state, want.state, "{what}");
            assert_eq!(item.action_code, want.action, "{what}");
            assert_eq!(item.result_code, want.result, "{what}");
            assert_eq!(item.promise_date.as_deref(), want.promise, "{what}");
            // From schema 3 on, a remark sent ends with its anchor tag.
            assert_eq!(
                deskcoll::domain::receipt::untagged(&item.remark),
                want.remark,
                "{what}"
            );
            assert_eq!(item.call_time, want.call_time, "{what}");
            assert_eq!(item.attempts, want.attempts, "{what}");
            assert_eq!(item.server_code.as_deref(), want.server_code, "{what}");
            assert_eq!(item.agent_id, "AGENT07", "{what}");
            assert_eq!(item.result.ip_address, "10.1.206.118", "{what}");
        }
        assert!(
            items[0]
                .server_message
                .as_deref()
                .is_some_and(|m| m.contains("Sukses")),
            "{name}"
        );
        assert_eq!(items[0].total_due.as_deref(), Some("20062500"), "{name}");
        assert!(
            items[1]
                .last_error
                .as_deref()
                .is_some_and(|m| m.contains("does not exist")),
            "{name}"
        );
        assert!(items[2].ever_uncertain, "{name}");
        let counts = outbox.counts().unwrap();
        assert_eq!(
            (
                counts.delivered,
                counts.rejected,
                counts.uncertain,
                counts.queued
            ),
            (1, 1, 1, 1),
            "{name}"
        );
        drop(outbox);
        let health = deskcoll::store::inspect(&path).unwrap();
        assert!(health.is_sound(), "{name}: {health:?}");
        assert_eq!(health.version, SCHEMA_VERSION, "{name}");
    }
}

#[test]
fn results_before_the_upgrade_keep_party_unknown_and_the_first_new_one_starts_the_receipt_chain() {
    for name in BEFORE_RECEIPTS {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of(name, dir.path());
        let mut outbox = Outbox::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for item in outbox.list().unwrap() {
            assert_eq!(item.party, "unknown", "{name}, result {}", item.id);
            assert_eq!(item.callback_due, None, "{name}");
            assert_eq!(item.promised_amount, None, "{name}");
        }
        assert!(outbox.receipts(None, None).unwrap().is_empty(), "{name}");
        let mut result = outbox.list().unwrap()[0].result.clone();
        result.remark = "after the upgrade".into();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let id = outbox.enqueue(&result, now).unwrap();
        let receipts = outbox.receipts(None, None).unwrap();
        assert_eq!(receipts.len(), 1, "{name}");
        assert_eq!(receipts[0].result_id, id, "{name}");
        let receipt = receipts[0].receipt().unwrap();
        assert_eq!(receipt.prev_sha256, deskcoll::domain::receipt::GENESIS);
        assert_eq!(
            deskcoll::domain::receipt::verify(
                receipts
                    .iter()
                    .map(|r| (r.body.as_str(), r.sha256.as_str()))
            )
            .map(|r| r.len()),
            Ok(1),
            "{name}"
        );
        assert_eq!(receipt.seq, Some(1), "{name}");
        // Results recorded before receipts began need none; the new one has its own.
        let records = outbox.audit_records().unwrap();
        assert_eq!(records.receipts_since, Some(5), "{name}");
    }
}

#[test]
fn receipts_of_the_release_before_stay_readable_and_the_chain_goes_on_with_seq_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(SCHEMA_2, dir.path());
    let before: Vec<(i64, String)> = {
        let c = rusqlite::Connection::open(&path).unwrap();
        let mut s = c
            .prepare("SELECT result_id, sha256 FROM receipts ORDER BY result_id")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(before.len(), 4);
    let mut outbox = Outbox::open(&path).unwrap();
    let chain = outbox.receipt_chain().unwrap();
    let kept: Vec<(i64, String)> = chain
        .iter()
        .map(|r| (r.result_id, r.sha256.clone()))
        .collect();
    assert_eq!(kept, before, "every old receipt, in its order, unchanged");
    for stored in &chain {
        let r = stored.receipt().expect("an old receipt reads");
        assert!(r.is_legacy());
        assert_eq!(r.seq, None);
    }
    let mut result = outbox.list().unwrap()[3].result.clone();
    result.remark = "after the upgrade".into();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let id = outbox.enqueue(&result, now).unwrap();
    let records = outbox.audit_records().unwrap();
    assert_eq!(records.receipts_since, Some(1));
    let read = deskcoll::domain::receipt::verify(
        records
            .chain
            .iter()
            .map(|r| (r.body.as_str(), r.sha256.as_str())),
    )
    .unwrap();
    assert_eq!(read.len(), 5);
    let new = &read[4];
    assert_eq!(new.seq, Some(1));
    assert_eq!(new.result_id, Some(id));
    assert_eq!(
        new.prev_sha256, before[3].1,
        "chained to the last old receipt"
    );
    let bound: Vec<_> = records
        .chain
        .iter()
        .map(|s| s.result_id)
        .zip(read.iter().cloned())
        .collect();
    assert_eq!(
        deskcoll::domain::receipt::bind(&bound, &records.results, records.receipts_since),
        Ok(())
    );
    drop(outbox);
    // And the binary says so.
    let o = deskcoll(dir.path(), &path, &["audit", "--verify"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("5 receipts checked"),
        "{}",
        text(&o.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flush_after_the_upgrade_sends_the_queued_result_and_only_it() {
    let twin = common::twin().await;
    for name in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of(name, dir.path());
        let home = dir.path().to_path_buf();
        let base = twin.base_url();
        let before = common::received(&twin).await.len();
        let run = |args: &'static [&'static str]| {
            let mut c = deskcoll(&home, &path, args);
            c.env("DESKCOLL_BASE_URL", &base)
                .env("DESKCOLL_USER", deskcoll::twin::SEED_USER)
                .env("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD)
                .env("DESKCOLL_HASH_KEY", deskcoll::twin::SEED_HASH_KEY)
                .env("DESKCOLL_AGENT_ID", "AGENT07");
            tokio::task::spawn_blocking(move || c.output().unwrap())
        };
        let flushed: Output = run(&["--now", "2026-11-27T10:30:00+07:00", "outbox", "flush"])
            .await
            .unwrap();
        // Non-zero: the rejected and the uncertain results are still undelivered.
        assert_ne!(flushed.status.code(), Some(0), "{name}");
        let got = common::received(&twin).await;
        assert_eq!(got.len(), before + 1, "{name}: only the queued one is sent");
        let sent = got.last().unwrap().to_string();
        assert!(sent.contains("000119590678608"), "{name}: {sent}");
        assert!(sent.contains("minta ditelepon jam 2"), "{name}: {sent}");

        let listed = run(&["outbox", "list", "--format", "json"]).await.unwrap();
        assert_eq!(
            listed.status.code(),
            Some(0),
            "{name}: {}",
            text(&listed.stderr)
        );
        let items: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
        let states: Vec<&str> = items.iter().map(|i| i["state"].as_str().unwrap()).collect();
        assert_eq!(
            states,
            ["delivered", "rejected", "uncertain", "delivered"],
            "{name}"
        );
        assert_eq!(items[3]["call_time"], "2026-11-27 09:55:00", "{name}");
        assert_eq!(items[3]["attempts"], 4, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_newer_outbox_is_refused_by_every_command_and_never_modified() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(FIXTURES[FIXTURES.len() - 1], dir.path());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));

    for args in [
        &["outbox", "list"][..],
        &["outbox", "flush"],
        &[
            "submit",
            "--account",
            "1",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    ] {
        let o = deskcoll(dir.path(), &path, args).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("newer deskcoll"), "{args:?}: {err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
    }
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(after.modified().unwrap(), meta.modified().unwrap());
    assert_eq!(after.ctime_nsec(), meta.ctime_nsec());
    assert_eq!(after.mode(), meta.mode());

    // And the library says why, in its own type.
    assert!(matches!(
        Outbox::open(&path),
        Err(StoreError::Newer { found, .. }) if found == SCHEMA_VERSION + 1
    ));
}

#[test]
fn an_outbox_of_the_release_before_the_ledger_has_its_whole_day_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(SCHEMA_3, dir.path());
    let before: Vec<(i64, String)> = {
        let c = rusqlite::Connection::open(&path).unwrap();
        let mut s = c
            .prepare("SELECT seq, sha256 FROM receipts ORDER BY n")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(before.len(), 4);
    let mut outbox = Outbox::open(&path).unwrap();
    let waiting = outbox.ledger_waiting().unwrap();
    assert_eq!((waiting.results, waiting.receipts), (4, 4));
    let pending = outbox.ledger_pending(100).unwrap();
    let receipts: Vec<(i64, String)> = pending
        .receipts
        .iter()
        .map(|r| (r.seq, r.sha256.clone()))
        .collect();
    assert_eq!(receipts, before, "every receipt, in its order, as it was");
    let states: Vec<DeliveryState> = pending.versions.iter().map(|(_, i)| i.state).collect();
    for s in [
        DeliveryState::Delivered,
        DeliveryState::Rejected,
        DeliveryState::Uncertain,
        DeliveryState::Queued,
    ] {
        assert!(states.contains(&s), "{s:?} in {states:?}");
    }
    outbox.ledger_pushed(&pending).unwrap();
    assert_eq!(outbox.ledger_waiting().unwrap().total(), 0);
    assert!(outbox.ledger_pending(100).unwrap().is_empty());
}
