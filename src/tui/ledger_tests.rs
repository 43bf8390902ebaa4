//! The team ledger in the workstation's header: what waits for it, said beside the server's
//! state; the background push when the ledger cannot be reached.

use super::app::update;
use super::chrome::LedgerState;
use super::harness;
use super::message::Action;
use crate::i18n::Lang;

fn header(app: &super::app::App) -> String {
    harness::render(app).lines().next().unwrap_or("").to_string()
}

#[test]
fn the_header_says_what_waits_for_the_ledger_beside_the_servers_state() {
    let mut app = harness::app_unloaded(140, 30, harness::fixed_now());
    assert!(!header(&app).contains("ledger"), "no ledger, no word of it");
    update(
        &mut app,
        Action::Ledger(LedgerState {
            waiting: 3,
            reachable: true,
        }),
    );
    let line = header(&app);
    assert!(line.contains("ledger: 3 waiting"), "{line}");
    update(
        &mut app,
        Action::Ledger(LedgerState {
            waiting: 2,
            reachable: false,
        }),
    );
    assert!(header(&app).contains("ledger: 2 waiting (unreachable)"));
    update(
        &mut app,
        Action::Ledger(LedgerState {
            waiting: 0,
            reachable: true,
        }),
    );
    assert!(!header(&app).contains("ledger"), "all pushed: nothing to say");
    let mut app = harness::app_unloaded_in(Lang::Id, 140, 30, harness::fixed_now());
    update(
        &mut app,
        Action::Ledger(LedgerState {
            waiting: 3,
            reachable: true,
        }),
    );
    assert!(header(&app).contains("buku besar: 3 menunggu"));
}

#[tokio::test]
async fn with_the_ledger_unreachable_the_background_push_keeps_everything_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite3");
    let mut outbox = crate::store::Outbox::open(&path).unwrap();
    for account in ["A", "B"] {
        let r = crate::domain::CollectionResult {
            account_no: account.into(),
            call_time: harness::fixed_now(),
            action_code: "NCT".into(),
            result_code: "NCT01".into(),
            ..Default::default()
        };
        outbox.enqueue(&r, harness::fixed_now()).unwrap();
    }
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let link = super::runtime::LedgerLink {
        url: crate::domain::Secret::new(format!(
            "postgresql://desk:pw@127.0.0.1:{port}/ledger?sslmode=disable"
        )),
        agent_id: "A01".into(),
    };
    let state = super::runtime::push_to_ledger(&path, &link).await;
    assert_eq!(
        state,
        LedgerState {
            waiting: 4,
            reachable: false
        },
        "2 results and their 2 receipts wait"
    );
}
