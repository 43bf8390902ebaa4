//! The outbox under bad networks and crashes: nothing lost, nothing sent twice unknowingly.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use deskcoll::delivery::Deliverer;
use deskcoll::domain::CollectionResult;
use deskcoll::domain::outbox::DeliveryState;
use deskcoll::store::Outbox;
use deskcoll::twin::TwinOptions;
use deskcoll::twin::book::LoanBook;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Accounts the twin's default book holds.
fn accounts() -> Vec<String> {
    LoanBook::generate(1, 300, 100, fixed_now().date())
        .contracts
        .into_iter()
        .map(|c| c.task.contract_no.to_string())
        .collect()
}

fn results(n: usize, tag: &str) -> Vec<CollectionResult> {
    let accounts = accounts();
    (0..n)
        .map(|i| CollectionResult {
            account_no: accounts[i % accounts.len()].clone(),
            call_time: fixed_now(),
            cust_name: String::new(),
            action_code: "NCT".into(),
            result_code: "NCT01".into(),
            promise_date: None,
            period: 1,
            remark: format!("{tag}-{i}"),
            agent_id: "A1".into(),
            ip_address: "127.0.0.1".into(),
        })
        .collect()
}

/// How many copies of each remark the twin stored.
async fn copies(t: &deskcoll::twin::RunningTwin) -> HashMap<String, usize> {
    let mut n = HashMap::new();
    for r in received(t).await {
        *n.entry(r["body"]["remark"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    n
}

#[tokio::test(flavor = "multi_thread")]
async fn two_hundred_results_through_a_bad_network() {
    let t = twin_with(TwinOptions {
        fail_rate: 0.3,
        drop_rate: 0.1,
        latency_ms: 50,
        ..options()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = Arc::new(Mutex::new(
        Outbox::open(&dir.path().join("o.sqlite3")).unwrap(),
    ));
    let mut deliverer = Deliverer::new(
        outbox.clone(),
        client_for(&t),
        deskcoll::clock::Clock::system(),
    );
    deliverer.base_backoff_ms = 1;
    let ids = outbox
        .lock()
        .unwrap()
        .enqueue_all(&results(200, "soak"), fixed_now())
        .unwrap();
    assert_eq!(ids.len(), 200);

    // Several senders at once, as an agent's workstation and a script might: claims are atomic.
    for _round in 0..60 {
        let due = outbox.lock().unwrap().due(fixed_now(), true).unwrap();
        if due.is_empty() {
            break;
        }
        let chunks: Vec<Vec<i64>> = due
            .chunks(due.len().div_ceil(8))
            .map(<[i64]>::to_vec)
            .collect();
        let tasks = chunks.into_iter().map(|chunk| {
            let d = deliverer.clone();
            tokio::spawn(async move {
                for id in chunk {
                    d.deliver(id).await.unwrap();
                }
            })
        });
        futures_util::future::join_all(tasks).await;
    }

    let items = outbox.lock().unwrap().list().unwrap();
    assert_eq!(items.len(), 200, "none lost");
    let copies = copies(&t).await;
    let mut by_state: HashMap<DeliveryState, usize> = HashMap::new();
    for item in &items {
        *by_state.entry(item.state).or_default() += 1;
        match item.state {
            DeliveryState::Delivered | DeliveryState::Uncertain => {}
            DeliveryState::Rejected => assert!(item.last_error.is_some(), "rejected with a reason"),
            other => panic!("result {} left {other}", item.id),
        }
        let stored = copies.get(&item.remark).copied().unwrap_or(0);
        if !item.ever_uncertain {
            let expected = usize::from(item.state == DeliveryState::Delivered);
            assert_eq!(
                stored, expected,
                "{} ({}) stored {stored} times",
                item.remark, item.state
            );
        } else {
            assert!(stored <= 1, "an uncertain result is never resent blindly");
        }
    }
    // With 10 % of answers lost, some results must be uncertain; with 30 % errors, retries happened.
    assert!(
        by_state
            .get(&DeliveryState::Uncertain)
            .copied()
            .unwrap_or(0)
            > 0,
        "{by_state:?}"
    );
    assert!(items.iter().any(|i| i.attempts > 1));
    assert!(
        by_state
            .get(&DeliveryState::Delivered)
            .copied()
            .unwrap_or(0)
            > 100,
        "{by_state:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_minus_nine_mid_flush_loses_nothing() {
    let t = twin_with(TwinOptions {
        latency_ms: 60,
        ..options()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite3");
    let n = 30;
    Outbox::open(&path)
        .unwrap()
        .enqueue_all(&results(n, "crash"), fixed_now())
        .unwrap();

    let flush = || {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_deskcoll"));
        c.args(["outbox", "flush"])
            .env("DESKCOLL_OUTBOX", &path)
            .env("DESKCOLL_BASE_URL", t.base_url())
            .env("DESKCOLL_USER", deskcoll::twin::SEED_USER)
            .env("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD)
            .env("DESKCOLL_HASH_KEY", deskcoll::twin::SEED_HASH_KEY)
            .env("DESKCOLL_AGENT_ID", "A1")
            .env("DESKCOLL_CONFIG", dir.path().join("none.toml"))
            .env_remove("DESKCOLL_TERMIN_URL")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        std::fs::write(dir.path().join("none.toml"), "").unwrap();
        c
    };
    let mut child = flush().spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    // Killed with a request in flight (a row in `sending`): the one result that must end
    // uncertain, since the server may or may not have stored it.
    let watch =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let sending = || -> i64 {
        watch
            .query_row(
                "SELECT COUNT(*) FROM results WHERE state = 'sending'",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0)
    };
    while received(&t).await.len() < 8 || sending() == 0 {
        assert!(Instant::now() < deadline, "the flush never got going");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let stored_before_restart = received(&t).await.len();
    assert!(stored_before_restart < n, "killed mid-way");

    // The restart completes the work.
    let status = flush().status().unwrap();
    let outbox = Outbox::open(&path).unwrap();
    let items = outbox.list().unwrap();
    assert_eq!(items.len(), n, "no result lost");
    let copies = copies(&t).await;
    let mut uncertain = 0;
    for item in &items {
        let stored = copies.get(&item.remark).copied().unwrap_or(0);
        match item.state {
            DeliveryState::Delivered => assert_eq!(stored, 1, "{}", item.remark),
            DeliveryState::Uncertain => {
                uncertain += 1;
                assert!(stored <= 1);
                assert!(
                    item.last_error
                        .as_deref()
                        .unwrap()
                        .contains("stopped while sending")
                );
            }
            other => panic!("{} left {other}", item.remark),
        }
    }
    assert_eq!(
        uncertain, 1,
        "the one caught mid-send, and only it, is uncertain"
    );
    assert_eq!(status.code(), Some(4), "an uncertain result: exit 4");
}

#[test]
fn a_result_written_by_another_process_changes_the_data_version() {
    // The workstation re-reads the outbox when this number moves (a CLI `submit` beside it).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite3");
    let screen = Outbox::open(&path).unwrap();
    let before = screen.data_version().unwrap();
    assert_eq!(
        screen.data_version().unwrap(),
        before,
        "steady while nothing happens"
    );
    let mut cli = Outbox::open(&path).unwrap();
    cli.enqueue_all(&results(1, "other"), fixed_now()).unwrap();
    assert_ne!(screen.data_version().unwrap(), before);
    assert_eq!(screen.list().unwrap().len(), 1);
}
