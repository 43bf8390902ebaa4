//! The team ledger at a floor's scale: 200 desks push their day (300 results each, with
//! their receipts) into one PostgreSQL on this machine at once, then the supervisor's floor is
//! read at 60,000 results. Starts its own temporary cluster (tests/pg); says so and stops when
//! PostgreSQL is not installed. Run: cargo bench --bench team (DESKS and RESULTS to change the
//! scale).
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

#[path = "../tests/pg/mod.rs"]
mod pg;

use deskcoll::domain::CollectionResult;
use deskcoll::domain::floor::FloorRow;
use deskcoll::store::Outbox;
use std::time::Instant;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let desks = env_or("DESKS", 200);
    let per_desk = env_or("RESULTS", 300);
    let Some(cluster) = pg::Cluster::start() else {
        pg::skipping("bench team");
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let url = cluster.admin_url();
    runtime.block_on(async {
        let mut admin = deskcoll::team::connect(&url).await.unwrap();
        deskcoll::team::init(&mut admin).await.unwrap();
    });
    let dir = tempfile::tempdir().unwrap();
    let day = deskcoll::domain::dates::parse_datetime("2026-11-27 08:00:00").unwrap();
    let prepared = Instant::now();
    let mut paths = Vec::new();
    for d in 0..desks {
        let path = dir.path().join(format!("desk{d}.sqlite3"));
        let mut outbox = Outbox::open(&path).unwrap();
        let results: Vec<CollectionResult> = (0..per_desk)
            .map(|i| CollectionResult {
                account_no: format!("{:015}", d * 10_000 + i),
                call_time: day + chrono::Duration::seconds(i as i64 * 90),
                action_code: if i % 5 == 0 { "PTP" } else { "NCT" }.into(),
                result_code: if i % 5 == 0 { "PTP01" } else { "NCT01" }.into(),
                promise_date: (i % 5 == 0).then(|| day.date() + chrono::Duration::days(3)),
                agent_id: format!("D{d:03}"),
                remark: "bench".into(),
                ..Default::default()
            })
            .collect();
        outbox.enqueue_all(&results, day).unwrap();
        paths.push(path);
    }
    eprintln!(
        "prepared {desks} outboxes of {per_desk} results in {:.1} s",
        prepared.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let pushed: usize = runtime.block_on(async {
        let tasks: Vec<_> = paths
            .iter()
            .enumerate()
            .map(|(d, path)| {
                let (path, url) = (path.clone(), url.clone());
                tokio::spawn(async move {
                    deskcoll::team::push::push_path(&path, &url, &format!("D{d:03}"))
                        .await
                        .expect("pushed")
                        .total()
                })
            })
            .collect();
        let mut n = 0;
        for t in tasks {
            n += t.await.unwrap();
        }
        n
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "push: {desks} desks x {per_desk} results at once: {pushed} rows (results and receipts) in {secs:.2} s = {:.0} rows/s",
        pushed as f64 / secs
    );
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T17:00:00+07:00").unwrap();
    let rules = deskcoll::domain::window::CallingRules::default();
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let rows = runtime.block_on(async {
            let client = deskcoll::team::connect(&url).await.unwrap();
            let days = deskcoll::team::read::floor(&client, now.date_naive())
                .await
                .unwrap();
            days.iter()
                .map(|d| FloorRow::of(d, now, 1, &rules))
                .collect::<Vec<_>>()
        });
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let calls: usize = rows.iter().map(|r| r.calls).sum();
        assert_eq!((rows.len(), calls), (desks, desks * per_desk));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "floor: {} agents, {} results: read and figured in {:.0} ms (median of 5; best {:.0} ms)",
        desks,
        desks * per_desk,
        times[2],
        times[0]
    );
}
