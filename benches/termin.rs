//! "Load all" of 10,000 termin transactions from a local twin: pages of 100, four at a time.
//! Run: cargo bench --bench termin
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use deskcoll::api::{BasicAuth, Client, ClientOptions, TerminAuth, TerminEndpoint};
use deskcoll::domain::Secret;
use deskcoll::twin::{self, TwinOptions};

fn load_all(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let twin = rt
        .block_on(twin::start(TwinOptions {
            addr: "127.0.0.1:0".parse().unwrap(),
            transactions: 10_000,
            ..TwinOptions::default()
        }))
        .unwrap();
    let client = Client::new(
        None,
        Some(TerminEndpoint {
            url: twin.termin_url(),
            auth: TerminAuth::Basic(BasicAuth {
                user: twin::SEED_USER.into(),
                password: Secret::new(twin::SEED_PASSWORD),
            }),
        }),
        ClientOptions::default(),
    )
    .unwrap();
    let mut g = c.benchmark_group("termin");
    g.sample_size(10);
    g.bench_function("load_all_10000_pages_of_100_x4", |b| {
        b.iter(|| {
            let all = rt
                .block_on(client.termin_all(100, 4, |_, _, _| true))
                .unwrap();
            assert_eq!(all.len(), 10_000);
        })
    });
    g.finish();
}

criterion_group!(benches, load_all);
criterion_main!(benches);
