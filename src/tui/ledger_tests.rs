//! The team ledger in the workstation's header: what waits for it, said beside the server's
//! state; the background push when the ledger cannot be reached.

use super::app::update;
use super::chrome::LedgerState;
use super::harness;
use super::message::Action;
use crate::i18n::Lang;

fn header(app: &super::app::App) -> String {
    harness::render(app)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
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
    assert!(
        !header(&app).contains("ledger"),
        "all pushed: nothing to say"
    );
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
        refresh: std::time::Duration::from_secs(15),
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

fn row(agent: &str, calls: usize, rpc: usize) -> crate::domain::floor::FloorRow {
    crate::domain::floor::FloorRow {
        agent_id: agent.into(),
        date: "2026-11-27".into(),
        calls,
        rpc,
        rpc_rate: crate::domain::today::rate(rpc, calls),
        promised_amount: "1500000".into(),
        last_result: Some("2026-11-27 14:30:00".into()),
        ..Default::default()
    }
}

#[test]
fn a_supervisor_gets_the_floor_tab_with_a_row_per_agent_and_the_total_and_sorts_it() {
    use crossterm::event::KeyCode;
    let mut app = harness::app_unloaded(160, 30, harness::fixed_now());
    assert!(
        !header(&app).contains("Floor"),
        "an agent's desk has no Floor tab"
    );
    harness::press(&mut app, KeyCode::Char('4'));
    harness::press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.tab,
        super::chrome::Tab::Queue,
        "after Today, round to the Queue"
    );
    let rows = vec![row("A01", 4, 2), row("B02", 9, 3)];
    let total = crate::domain::floor::FloorRow::total(&rows, "2026-11-27");
    update(&mut app, Action::FloorLoaded(Ok((rows, total))));
    assert!(header(&app).contains("5 Floor"), "{}", header(&app));
    harness::press(&mut app, KeyCode::Char('4'));
    harness::press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.tab,
        super::chrome::Tab::Floor,
        "Tab after Today: the Floor"
    );
    let screen = harness::render(&app);
    assert!(
        screen.contains("The floor, 2026-11-27: 2 agents"),
        "{screen}"
    );
    let lines: Vec<&str> = screen.lines().collect();
    let at = |agent: &str| lines.iter().position(|l| l.contains(agent)).unwrap();
    assert!(at("A01") < at("B02"), "by agent first:\n{screen}");
    let total_line = lines[at("Total")];
    assert!(total_line.contains("13"), "{total_line}");
    assert!(lines[at("A01")].contains("Rp 1.500.000"), "{screen}");
    harness::press(&mut app, KeyCode::Char('s'));
    let screen = harness::render(&app);
    assert!(screen.contains("sorted by calls"), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let at = |agent: &str| lines.iter().position(|l| l.contains(agent)).unwrap();
    assert!(at("B02") < at("A01"), "most calls first:\n{screen}");
    // The ledger down: the last rows stay, the reason is said.
    update(
        &mut app,
        Action::FloorLoaded(Err("the team ledger cannot be reached: refused".into())),
    );
    let screen = harness::render(&app);
    assert!(
        screen.contains("B02") && screen.contains("cannot be reached"),
        "{screen}"
    );
}
