//! The outbox: how long saving a result durably takes (WAL, synchronous=FULL), and how long
//! 1,000 queued results take to reach a local twin. Run: cargo bench --bench outbox
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use deskcoll::api::{BasicAuth, Client, ClientOptions, CollectionEndpoint};
use deskcoll::clock::Clock;
use deskcoll::delivery::Deliverer;
use deskcoll::domain::{CollectionResult, Secret};
use deskcoll::store::Outbox;
use deskcoll::twin::book::LoanBook;
use deskcoll::twin::{self, TwinOptions};
use std::sync::{Arc, Mutex};

fn now() -> chrono::NaiveDateTime {
    deskcoll::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap()
}

fn result(account: &str, i: usize) -> CollectionResult {
    CollectionResult {
        account_no: account.into(),
        call_time: now(),
        cust_name: String::new(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        promise_date: None,
        period: 1,
        remark: format!("bench {i}"),
        agent_id: "A1".into(),
        ip_address: "127.0.0.1".into(),
    }
}

fn enqueue(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut outbox = Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let r = result("000318270200055", 0);
    c.bench_function("outbox/enqueue_durable", |b| {
        b.iter(|| outbox.enqueue(&r, now()).unwrap())
    });
}

fn flush(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let twin = rt
        .block_on(twin::start(TwinOptions {
            addr: "127.0.0.1:0".parse().unwrap(),
            now: Some(now()),
            ..TwinOptions::default()
        }))
        .unwrap();
    let (tasks_url, result_url) = CollectionEndpoint::routes(&twin.base_url());
    let client = Client::new(
        Some(CollectionEndpoint {
            tasks_url,
            result_url,
            auth: Some(BasicAuth {
                user: twin::SEED_USER.into(),
                password: Secret::new(twin::SEED_PASSWORD),
            }),
            hash_key: Secret::new(twin::SEED_HASH_KEY),
        }),
        None,
        ClientOptions::default(),
    )
    .unwrap();
    let accounts: Vec<String> = LoanBook::generate(1, 300, 100, now().date())
        .contracts
        .into_iter()
        .map(|c| c.task.contract_no.to_string())
        .collect();
    let mut g = c.benchmark_group("outbox");
    g.sample_size(10);
    g.bench_function("flush_1000_to_local_twin", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let mut o = Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
                let results: Vec<_> = (0..1000)
                    .map(|i| result(&accounts[i % accounts.len()], i))
                    .collect();
                o.enqueue_all(&results, now()).unwrap();
                (
                    dir,
                    Deliverer::new(Arc::new(Mutex::new(o)), client.clone(), Clock::at(now())),
                )
            },
            |(_dir, d)| {
                let s = rt.block_on(d.flush_once(true)).unwrap();
                assert_eq!(s.delivered, 1000);
            },
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, enqueue, flush);
criterion_main!(benches);
