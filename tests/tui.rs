//! The workstation without a terminal: snapshots of what the agent sees, and a whole flow
//! against the twin driven by key presses.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use deskcoll::clock::Clock;
use deskcoll::i18n::Lang;
use deskcoll::tui::app::{Action, App, Effect, update};
use deskcoll::tui::harness::{self, alt, ctrl, press, render, tab_to, type_text};
use deskcoll::tui::pages::form::Field;
use deskcoll::twin::book::LoanBook;
use ratatui::layout::Rect;

fn today() -> NaiveDate {
    common::fixed_now().date()
}

/// An app with the twin's generated queue (deterministic), sized `w` x `h`, in English.
fn app(w: u16, h: u16) -> App {
    app_in(Lang::En, w, h)
}

fn app_in(lang: Lang, w: u16, h: u16) -> App {
    app_at_in(lang, w, h, common::fixed_now())
}

fn app_at_in(lang: Lang, w: u16, h: u16, now: chrono::NaiveDateTime) -> App {
    let book = LoanBook::generate(1, 60, 20, today());
    let tasks = book
        .contracts
        .iter()
        .take(20)
        .map(|c| c.task_on(today()))
        .collect();
    harness::app_with_in(lang, tasks, w, h, now)
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// Words of the English messages that the Indonesian ones do not use: none of them may be
/// on an Indonesian screen. (Data from the server is Indonesian or names; the few English
/// words the twin's data and the server's messages carry are left out.)
fn english_words() -> std::collections::BTreeSet<String> {
    let words = |ftl: &str| -> std::collections::BTreeSet<String> {
        ftl.lines()
            // Comments, a selector's first line (`id =`) and its `{ $n ->`.
            .filter(|l| !l.starts_with('#') && !l.ends_with('=') && !l.ends_with("->"))
            .map(|l| l.split_once(" = ").map_or(l, |(_, v)| v))
            // A variant's key: `[one]`, `*[other]`.
            .map(|v| v.trim_start().trim_start_matches('*'))
            .map(|v| match v.strip_prefix('[') {
                Some(rest) => rest.split_once(']').map_or(rest, |(_, text)| text),
                None => v,
            })
            .flat_map(|v| {
                v.split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.chars().count() >= 3)
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let id = words(deskcoll::i18n::ID_FTL);
    // In the twin's data (products, banks, the server's own messages) and a code (MSG).
    const DATA: [&str; 5] = ["account", "data", "virtual", "equipment", "msg"];
    let mut english: std::collections::BTreeSet<String> = words(deskcoll::i18n::EN_FTL)
        .into_iter()
        .filter(|w| !id.contains(w) && !DATA.contains(&w.as_str()))
        .collect();
    // English that reaches a screen from elsewhere than the messages: system errors, the
    // server's refusals, keys of typed values, the demo server's name, timestamps' words.
    const ELSEWHERE: [&str; 14] = [
        "twin",
        "clipboard",
        "refused",
        "connection",
        "error",
        "sending",
        "queued",
        "discarded",
        "debtor",
        "co_debtor",
        "third_party",
        "emergency_contact",
        "waiting",
        "failing",
    ];
    english.extend(ELSEWHERE.iter().map(|w| w.to_string()));
    english
}

/// A snapshot named by page, language and size; an Indonesian screen is also checked for
/// English words.
fn snapshot(page: &str, lang: Lang, size: (u16, u16), screen: &str) {
    snapshot_quoting(page, lang, size, screen, &[]);
}

/// A snapshot of a screen that quotes stored words (`quoted`), which the check skips.
fn snapshot_quoting(page: &str, lang: Lang, (w, h): (u16, u16), screen: &str, quoted: &[&str]) {
    if lang == Lang::Id {
        let english = english_words();
        let found: Vec<&str> = screen
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| english.contains(&w.to_lowercase()) && !quoted.contains(w))
            .collect();
        assert!(
            found.is_empty(),
            "English on {page} {w}x{h}: {found:?}\n{screen}"
        );
    }
    insta::assert_snapshot!(format!("{page}_{}_{w}x{h}", lang.code()), screen);
}

#[test]
fn queue_with_detail() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let app = app_in(lang, w, h);
            snapshot("queue", lang, (w, h), &render(&app));
        }
    }
}

#[test]
fn form_empty_invalid_and_ptp_filled() {
    for lang in Lang::ALL {
        form_snapshots(lang);
    }
}

fn form_snapshots(lang: Lang) {
    for (w, h) in SIZES {
        let mut a = app_in(lang, w, h);
        press(&mut a, KeyCode::Enter);
        snapshot("form_empty", lang, (w, h), &render(&a));

        type_text(&mut a, "PTP");
        // A promise with the spouse, in the past, a callback after hours, a long remark.
        tab_to(&mut a, Field::Party);
        type_text(&mut a, "spouse");
        tab_to(&mut a, Field::Promise);
        type_text(&mut a, "2026-11-01");
        tab_to(&mut a, Field::Callback);
        type_text(&mut a, "20:00");
        tab_to(&mut a, Field::Remark);
        type_text(&mut a, &"x".repeat(260));
        assert!(ctrl(&mut a, 's').is_empty(), "nothing is sent");
        snapshot("form_invalid", lang, (w, h), &render(&a));

        let mut a = app_in(lang, w, h);
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "ptp");
        press(&mut a, KeyCode::Tab);
        press(&mut a, KeyCode::Enter); // PTP01
        press(&mut a, KeyCode::Enter); // the debtor
        type_text(&mut a, "+3");
        tab_to(&mut a, Field::Callback);
        type_text(&mut a, "16:00");
        tab_to(&mut a, Field::Remark);
        type_text(&mut a, "Customer pasti bayar hari Senin");
        snapshot("form_ptp_filled", lang, (w, h), &render(&a));
        // Esc on a form with input asks: the y/n question.
        press(&mut a, KeyCode::Esc);
        assert!(a.question().is_some());
        snapshot("question", lang, (w, h), &render(&a));
    }
}

#[test]
fn help_overlay() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = app_in(lang, w, h);
            press(&mut a, KeyCode::Char('?'));
            snapshot("help", lang, (w, h), &render(&a));
        }
    }
}

#[test]
fn tiny_terminal_asks_politely_and_resizing_never_panics() {
    let mut a = app(20, 5);
    let text = render(&a);
    assert!(text.contains("Terminal too"), "{text}");
    press(&mut a, KeyCode::Enter);
    for (w, h) in [
        (1, 1),
        (0, 0),
        (59, 14),
        (60, 15),
        (200, 60),
        (80, 24),
        (3, 100),
    ] {
        update(&mut a, Action::Resize(w, h));
        if w > 0 && h > 0 {
            render(&a);
        }
    }
}

#[test]
fn hostile_text_from_the_server_is_sanitised_and_wide_text_fits() {
    let mut a = app(120, 40);
    let mut tasks = a.queue.list.tasks.clone();
    tasks[0].name = "王小明\u{1b}]52;c;aGk=\u{7}\u{1b}[2J 😀 EVIL".into();
    tasks[0].overdue = Some(99);
    update(&mut a, Action::TasksLoaded(Ok(tasks)));
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "evil");
    press(&mut a, KeyCode::Enter);
    let text = render(&a);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    assert!(text.contains("]52;c;aGk=[2J"), "{text}");
    // Wide characters did not push the table's columns or its border out of place.
    let buffer = harness::draw(&a);
    let queue = deskcoll::tui::layout::areas(Rect::new(0, 0, 120, 40)).queue;
    let row = (queue.y..queue.bottom())
        .find(|&y| (queue.x..queue.right()).any(|x| buffer[(x, y)].symbol() == "王"))
        .expect("the name is in the table");
    assert_eq!(buffer[(queue.right() - 1, row)].symbol(), "│");
    let text_row: String = (queue.x..queue.right())
        .map(|x| buffer[(x, row)].symbol())
        .collect();
    assert!(
        text_row.contains("Rp "),
        "the money column is still there: {text_row}"
    );
}

#[tokio::test]
async fn flow_against_the_twin_load_filter_submit_refresh() {
    let twin = common::twin().await;
    let client = common::client_for(&twin);
    let mut a = harness::app_unloaded(120, 40, common::fixed_now());
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let deliverer = deskcoll::delivery::Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        client.clone(),
        Clock::at(common::fixed_now()),
    );
    let start = a.start();
    run(&mut a, &deliverer, start).await;
    assert_eq!(a.queue.list.tasks.len(), 100);

    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "trijaya");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.queue.list.view.len(), 1);
    assert!(render(&a).contains("Queue · 1 of 1 · sort: priority ↓ · 100 in all"));

    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "PTP");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "PTP01");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "debtor");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "2026-11-30");
    tab_to(&mut a, Field::Remark);
    type_text(&mut a, "Customer pasti bayar");
    let effects = ctrl(&mut a, 's');
    assert_eq!(effects.len(), 1);
    assert!(render(&a).contains("sending…"));
    run(&mut a, &deliverer, effects).await;
    let screen = render(&a);
    assert!(
        screen.contains("✓ 00 Sukses Memasukan Data Dengan Account No : 000318270200055"),
        "{screen}"
    );
    assert!(a.form.is_none());

    press(&mut a, KeyCode::Esc);
    let refresh = press(&mut a, KeyCode::Char('r'));
    run(&mut a, &deliverer, refresh).await;
    assert_eq!(a.queue.list.tasks.len(), 99);
    assert!(
        !a.queue
            .list
            .tasks
            .iter()
            .any(|t| t.contract_no == "000318270200055")
    );

    let got = common::received(&twin).await;
    assert_eq!(got.len(), 1);
    let body = &got[0]["body"];
    assert_eq!(body["account_no"], "000318270200055");
    assert_eq!(body["cust_name"], "TRIJAYA KONSTRUKSI MEGAH");
    assert_eq!(body["action_code"], "PTP");
    assert_eq!(body["result_code"], "PTP01");
    assert_eq!(body["promise_date"], "2026-11-30 00:00:00");
    assert_eq!(body["collection_date"], "2026-11-27 10:00:00");
    assert_eq!(body["remark"], "Customer pasti bayar");
    assert_eq!(body["period"], "29");
    assert_eq!(body["cre_by"], "1812010");
    assert_eq!(body["mod_ip_address"], "10.1.206.118");
    assert_eq!(
        body["hashing"],
        deskcoll::domain::result::sign("000318270200055", deskcoll::twin::SEED_HASH_KEY)
    );
}

/// Runs effects the way the runtime does, following any effects their answers start.
async fn run(a: &mut App, deliverer: &deskcoll::delivery::Deliverer, effects: Vec<Effect>) {
    let mut pending = effects;
    while let Some(e) = pending.pop() {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let rt = deskcoll::tui::Runtime::quiet(deliverer.clone());
        let mut actions = deskcoll::tui::execute(e, &rt, &tx).await;
        let mut progress = Vec::new();
        while let Ok(p) = rx.try_recv() {
            progress.push(p);
        }
        progress.append(&mut actions);
        for action in progress {
            pending.extend(update(a, action));
        }
    }
}

#[tokio::test]
async fn outbox_tab_lists_every_result_and_leaving_the_list_is_a_hint() {
    outbox_and_today(Lang::Id).await;
    outbox_and_today(Lang::En).await;
}

async fn outbox_and_today(lang: Lang) {
    // A twin that processes every result but never answers: each one becomes uncertain.
    let twin = common::twin_with(deskcoll::twin::TwinOptions {
        drop_rate: 1.0,
        ..common::options()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let d = deskcoll::delivery::Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        common::client_for(&twin),
        Clock::at(common::fixed_now()),
    );
    let mut a = app_in(lang, 120, 40);
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "MSG");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "spouse");
    tab_to(&mut a, Field::Remark);
    type_text(&mut a, "titip pesan ke istri");
    let effects = ctrl(&mut a, 's');
    run(&mut a, &d, effects).await;
    assert!(a.form.is_none(), "the outbox has it; the agent moves on");
    let uncertain = match lang {
        Lang::En => "1 uncertain",
        Lang::Id => "1 belum pasti",
    };
    assert!(render(&a).contains(uncertain), "the header counts it");
    let screen = |a: &App| render(a).replace(&twin.addr.to_string(), "TWIN");
    // The reason a send failed is kept as the client wrote it and worded in the screen's
    // language when shown: only the host (the test's stand-in) is quoted.
    let stored = ["TWIN"];
    alt(&mut a, '4');
    for size in SIZES {
        update(&mut a, Action::Resize(size.0, size.1));
        snapshot_quoting("today", lang, size, &screen(&a), &stored);
    }
    alt(&mut a, '3');
    for size in SIZES {
        update(&mut a, Action::Resize(size.0, size.1));
        snapshot_quoting("outbox", lang, size, &screen(&a), &stored);
    }
    update(&mut a, Action::Resize(120, 40));

    // D asks first; n leaves it alone.
    press(&mut a, KeyCode::Char('D'));
    if lang == Lang::Id {
        assert!(render(&a).contains("Hanya bila Anda tahu server sudah menyimpannya"));
        return;
    }
    assert!(render(&a).contains("Only when you know the server has it"));
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(
        a.desk.items[0].state,
        deskcoll::domain::outbox::DeliveryState::Uncertain
    );

    // A refresh of the queue (from a twin that answers) settles nothing: the account left
    // the list, which every agent shares; that is a hint, never proof.
    let good = common::twin().await;
    let tasks = common::client_for(&good).tasks().await.unwrap();
    let tasks: Vec<_> = tasks
        .into_iter()
        .filter(|t| t.contract_no != a.desk.items[0].account_no)
        .collect();
    let effects = update(&mut a, Action::TasksLoaded(Ok(tasks)));
    run(&mut a, &d, effects).await;
    let item = &a.desk.items[0];
    assert_eq!(
        item.state,
        deskcoll::domain::outbox::DeliveryState::Uncertain
    );
    assert_eq!(item.delivered_by, None);
    // The Outbox shows the hint beside it, with the decision left to the agent.
    let screen = render(&a);
    assert!(
        screen.contains("Hint: its account has left today's list"),
        "{screen}"
    );
}

fn deliverer_for(
    twin: &deskcoll::twin::RunningTwin,
    dir: &tempfile::TempDir,
) -> deskcoll::delivery::Deliverer {
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    deskcoll::delivery::Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        common::client_for(twin),
        Clock::at(common::fixed_now()),
    )
}

/// The Termin tab, its first page loaded from a fresh twin.
async fn termin_tab() -> (
    deskcoll::twin::RunningTwin,
    tempfile::TempDir,
    deskcoll::delivery::Deliverer,
    App,
) {
    let twin = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let d = deliverer_for(&twin, &dir);
    let mut a = app(120, 40);
    // Pages of 10, as a supervisor who pressed - would have them (the default follows the
    // screen's rows).
    a.termin.limit_chosen = true;
    let effects = alt(&mut a, '2');
    run(&mut a, &d, effects).await;
    (twin, dir, d, a)
}

fn po_numbers(a: &App) -> Vec<String> {
    a.termin
        .shown()
        .iter()
        .map(|t| t.general.purchase_order_number.clone())
        .collect()
}

#[tokio::test]
async fn termin_tab_snapshots_loading_list_detail_empty() {
    let twin = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let d = deliverer_for(&twin, &dir);
    for (lang, (w, h)) in Lang::ALL.into_iter().flat_map(|l| SIZES.map(|s| (l, s))) {
        let mut a = app_in(lang, w, h);
        let effects = alt(&mut a, '2');
        assert_eq!(effects.len(), 1, "the first visit loads page 1");
        snapshot("termin_loading", lang, (w, h), &render(&a));
        run(&mut a, &d, effects).await;
        snapshot("termin_list", lang, (w, h), &render(&a));
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Char('j'));
        snapshot("termin_detail", lang, (w, h), &render(&a));
    }
    let empty = common::twin_with(deskcoll::twin::TwinOptions {
        transactions: 0,
        ..common::options()
    })
    .await;
    let d = deliverer_for(&empty, &dir);
    for (lang, (w, h)) in Lang::ALL.into_iter().flat_map(|l| SIZES.map(|s| (l, s))) {
        let mut a = app_in(lang, w, h);
        let effects = alt(&mut a, '2');
        run(&mut a, &d, effects).await;
        snapshot("termin_empty", lang, (w, h), &render(&a));
    }
}

#[tokio::test]
async fn termin_paging_matches_the_twin_and_the_next_page_is_ready() {
    let twin = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let d = deliverer_for(&twin, &dir);
    let client = common::client_for(&twin);
    let mut a = app(120, 40);
    a.termin.limit_chosen = true;
    let effects = alt(&mut a, '2');
    run(&mut a, &d, effects).await;
    let twin_page = |n: i64| {
        let client = client.clone();
        async move {
            client
                .termin_page(n, 10)
                .await
                .unwrap()
                .transactions()
                .iter()
                .map(|t| t.general.purchase_order_number.clone())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(po_numbers(&a), twin_page(1).await);
    assert!(
        a.termin.prefetched.contains_key(&(2, 10)),
        "page 2 was fetched ahead"
    );

    // Page 2 is on screen at once, without a request.
    let effects = press(&mut a, KeyCode::Char('l'));
    assert_eq!(po_numbers(&a), twin_page(2).await);
    assert!(a.termin.loading.is_none());
    run(&mut a, &d, effects).await; // prefetches page 3
    press(&mut a, KeyCode::Char('l'));
    assert_eq!(po_numbers(&a), twin_page(3).await);
    let back = press(&mut a, KeyCode::Char('h'));
    run(&mut a, &d, back).await;
    assert_eq!(po_numbers(&a), twin_page(2).await);
    let last = press(&mut a, KeyCode::Char('L'));
    run(&mut a, &d, last).await;
    assert_eq!(a.termin.page, 6);
    assert_eq!(po_numbers(&a), twin_page(6).await);
    assert!(render(&a).contains("page 6 of 6 · 57 transactions"));

    // Go to page 4 by number.
    press(&mut a, KeyCode::Char(':'));
    type_text(&mut a, "4");
    let go = press(&mut a, KeyCode::Enter);
    run(&mut a, &d, go).await;
    assert_eq!(po_numbers(&a), twin_page(4).await);
}

#[tokio::test]
async fn termin_load_all_status_filter_totals_and_export() {
    let (_twin, dir, d, mut a) = termin_tab().await;
    let effects = press(&mut a, KeyCode::Char('A'));
    assert!(
        render(&a).contains("loading page 0 of 6"),
        "a progress bar from the start"
    );
    run(&mut a, &d, effects).await;
    assert_eq!(a.termin.shown().len(), 57, "load-all equals total_data");
    let totals = a.termin.totals.clone().unwrap();
    assert_eq!(totals.grand.count, 57);

    press(&mut a, KeyCode::Char('t'));
    let screen = render(&a);
    assert!(screen.contains("Totals of all transactions"), "{screen}");
    assert!(screen.contains(&totals.grand.bill.rupiah()));
    press(&mut a, KeyCode::Char('t'));

    // `s` first shows open work (not Selesai, not Dibatalkan), then one status at a time.
    press(&mut a, KeyCode::Char('s'));
    assert!(a.termin.statuses.open);
    let open = a.termin.shown();
    assert!(
        open.iter()
            .all(|t| !["Selesai", "Dibatalkan"].contains(&t.general.status_name.as_str()))
    );
    press(&mut a, KeyCode::Char('s'));
    let status = a.termin.statuses.names[0].clone();
    let shown = a.termin.shown();
    assert!(!shown.is_empty() && shown.iter().all(|t| t.general.status_name == status));
    assert_eq!(shown.len(), totals.by_status[&status].count);

    // `t` totals what is shown, and says so, beside the whole.
    press(&mut a, KeyCode::Char('t'));
    let screen = render(&a);
    assert!(screen.contains("what is shown"), "{screen}");
    assert!(screen.contains("beside all 57"), "{screen}");
    assert!(
        screen.contains(&totals.by_status[&status].bill.rupiah()),
        "{screen}"
    );
    assert!(screen.contains(&totals.grand.bill.rupiah()), "{screen}");
    press(&mut a, KeyCode::Char('t'));

    let path = dir.path().join("export.csv");
    press(&mut a, KeyCode::Char('E'));
    // Replace the suggested name with ours.
    for _ in 0..40 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, path.to_str().unwrap());
    let export = press(&mut a, KeyCode::Enter);
    run(&mut a, &d, export).await;
    assert!(
        a.status.as_ref().unwrap().text.contains("export.csv"),
        "{:?}",
        a.status
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        deskcoll::domain::termin_view::CSV_HEADERS.join(",")
    );
    assert_eq!(
        text.lines().count(),
        shown.len() + 1,
        "the filtered rows only"
    );
    let first = &shown[0];
    let expected_bill = first.payment.bill_amount.unwrap().plain();
    assert!(
        lines
            .next()
            .unwrap()
            .contains(&format!(",{expected_bill},")),
        "rupiah as plain numbers"
    );

    // Exporting again to the same name never overwrites.
    press(&mut a, KeyCode::Char('E'));
    for _ in 0..40 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, path.to_str().unwrap());
    let again = press(&mut a, KeyCode::Enter);
    run(&mut a, &d, again).await;
    let status = &a.status.as_ref().unwrap().text;
    assert!(
        status.starts_with("not saved") && status.contains("exists"),
        "{status}"
    );
    // The prompt is back with the name typed, to change it.
    let Some(deskcoll::tui::modal::Modal::Prompt(p)) = &a.modal else {
        panic!("{:?}", a.modal)
    };
    assert_eq!(p.input.value(), path.to_str().unwrap());
}

#[tokio::test]
async fn termin_errors_keep_the_last_good_page() {
    let (_twin, _dir, _d, mut a) = termin_tab().await;
    let page1 = po_numbers(&a);
    a.termin.prefetched.clear();
    let effects = press(&mut a, KeyCode::Char('l'));
    assert!(render(&a).contains("page 2"), "a spinner for the slow page");
    update(
        &mut a,
        Action::TerminPage {
            page: 2,
            limit: 10,
            prefetch: false,
            result: Err(deskcoll::api::ApiError::Timeout {
                host: "h".into(),
                secs: 30,
            }),
        },
    );
    drop(effects);
    assert_eq!(po_numbers(&a), page1);
    assert!(
        a.status
            .as_ref()
            .unwrap()
            .text
            .contains("could not load page 2: timed out")
    );
}

/// 19:30 in Jakarta is 20:30 in Manado and 21:30 in Jayapura: some customers are closed.
fn evening_app(w: u16, h: u16) -> App {
    evening_app_in(Lang::En, w, h)
}

fn evening_app_in(lang: Lang, w: u16, h: u16) -> App {
    app_at_in(
        lang,
        w,
        h,
        deskcoll::domain::dates::parse_datetime("2026-11-27 19:30:00").unwrap(),
    )
}

#[test]
fn queue_marks_closed_accounts_and_callable_ones_come_first() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let a = evening_app_in(lang, w, h);
            snapshot("queue_evening", lang, (w, h), &render(&a));
        }
    }
    let a = evening_app(120, 40);
    // Within each bucket, callable accounts first.
    let order: Vec<(deskcoll::domain::bucket::Bucket, bool)> = a
        .queue
        .list
        .view
        .iter()
        .map(|&i| (a.queue.list.bucket(i), a.queue.list.is_callable(i)))
        .collect();
    for pair in order.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert!(
                pair[0].1 >= pair[1].1,
                "callable before closed within a bucket: {order:?}"
            );
        }
    }
    assert!(order.iter().any(|(_, c)| !c) && order.iter().any(|(_, c)| *c));
}

#[test]
fn dialing_outside_the_window_asks_for_consent_and_records_it() {
    for lang in Lang::ALL {
        dialing_outside_the_window(lang);
    }
}

fn dialing_outside_the_window(lang: Lang) {
    let mut a = evening_app_in(lang, 120, 40);
    // Select a closed account.
    let closed = a
        .queue
        .list
        .view
        .iter()
        .position(|&i| !a.queue.list.is_callable(i))
        .unwrap();
    a.queue.list.cursor.selected = closed;
    let account = a
        .queue
        .list
        .selected_task()
        .unwrap()
        .contract_no
        .to_string();
    let phone = a.queue.list.selected_task().unwrap().phone1.to_string();
    assert!(
        press(&mut a, KeyCode::Char('c')).is_empty(),
        "the picker first"
    );
    for (w, h) in SIZES {
        update(&mut a, Action::Resize(w, h));
        snapshot("phone_picker", lang, (w, h), &render(&a));
    }
    assert!(press(&mut a, KeyCode::Enter).is_empty(), "no dial yet");
    for (w, h) in SIZES {
        update(&mut a, Action::Resize(w, h));
        snapshot("override_prompt", lang, (w, h), &render(&a));
    }
    assert!(
        press(&mut a, KeyCode::Enter).is_empty(),
        "a reason is required"
    );
    press(&mut a, KeyCode::Char('c'));
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "nasabah minta ditelepon malam");
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::Dial {
            account_no: account,
            phone,
            override_reason: Some("nasabah minta ditelepon malam".into())
        }]
    );
}

#[tokio::test]
async fn over_contact_guard_and_the_day_against_the_twin() {
    let twin = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let d = deliverer_for(&twin, &dir);
    let mut a = app(120, 40);
    a.settings.max_contacts_per_day = 1;
    let start = a.start();
    run(&mut a, &d, start).await;
    let account = a
        .queue
        .list
        .selected_task()
        .unwrap()
        .contract_no
        .to_string();
    let total_due = a.queue.list.selected_task().unwrap().total_due.unwrap();

    // First result: a PTP.
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "PTP");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter); // PTP01
    press(&mut a, KeyCode::Enter); // the debtor
    type_text(&mut a, "+1");
    let effects = ctrl(&mut a, 's');
    run(&mut a, &d, effects).await;
    assert!(a.form.is_none());

    // Second result for the same account: the guard asks first.
    a.queue.list.cursor.selected = a
        .queue
        .list
        .view
        .iter()
        .position(|&i| a.queue.list.tasks[i].contract_no == account)
        .unwrap();
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "MSG");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "family");
    let asked = ctrl(&mut a, 's');
    assert!(asked.is_empty());
    assert!(a.question().unwrap().contains("contact 2"));
    let effects = press(&mut a, KeyCode::Char('y'));
    run(&mut a, &d, effects).await;

    // Dialing now warns too.
    a.queue.list.cursor.selected = a
        .queue
        .list
        .view
        .iter()
        .position(|&i| a.queue.list.tasks[i].contract_no == account)
        .unwrap();
    assert!(press(&mut a, KeyCode::Char('c')).is_empty());
    assert!(
        press(&mut a, KeyCode::Char('1')).is_empty(),
        "phone 1, asked first"
    );
    assert!(a.question().unwrap().contains("contacted 2 times today"));
    press(&mut a, KeyCode::Char('n'));

    alt(&mut a, '4');
    let screen = render(&a);
    let calls = screen
        .lines()
        .find(|l| l.contains("Calls recorded"))
        .expect("the calls figure");
    assert!(
        calls.split_whitespace().any(|w| w == "2"),
        "two calls recorded: {calls}"
    );
    assert!(
        screen.contains(&total_due.rupiah()),
        "total due under promise: {screen}"
    );
    let s = deskcoll::tui::pages::today::summary(&a.cx(deskcoll::tui::app::Tab::Today));
    assert_eq!((s.calls, s.ptp_count, s.delivered), (2, 1, 2));
    assert_eq!(s.by_action.get("MSG"), Some(&1));
    assert_eq!(s.ptp_total_due, total_due.plain());
    assert_eq!(
        s.promises_due_tomorrow
            .iter()
            .map(|p| p.account_no.clone())
            .collect::<Vec<_>>(),
        vec![account.clone()]
    );
    assert_eq!(common::received(&twin).await.len(), 2);
}

#[tokio::test]
async fn dialing_runs_the_configured_command_without_a_shell_and_logs_the_contact() {
    let twin = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let d = deliverer_for(&twin, &dir);
    let marker = dir.path().join("dialed");
    std::fs::create_dir(&marker).unwrap();
    let rt = deskcoll::tui::Runtime {
        dial_command: Some(format!("touch '{}/{{phone}}'", marker.display())),
        agent_id: "1812010".into(),
        ..deskcoll::tui::Runtime::quiet(d.clone())
    };
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let effect = Effect::Dial {
        account_no: "000318270200055".into(),
        phone: "(0853) 4006-0088".into(),
        override_reason: Some("minta ditelepon malam".into()),
    };
    let actions = deskcoll::tui::execute(effect, &rt, &tx).await;
    match &actions[0] {
        Action::Dialed {
            phone,
            outcome: Ok(deskcoll::tui::app::Dialed::Launched { program }),
        } => assert_eq!(
            (phone.as_str(), program.as_str()),
            ("(0853) 4006-0088", "touch")
        ),
        other => panic!("{other:?}"),
    }
    // The number, cleaned (only digits reach the dialer: `domain::phone::dialable`), is one
    // argument: no shell ever saw it.
    for _ in 0..50 {
        if marker.join("085340060088").exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(marker.join("085340060088").exists());
    let contacts = d
        .outbox
        .lock()
        .unwrap()
        .contacts_on(common::fixed_now().date())
        .unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(
        (contacts[0].kind.as_str(), contacts[0].reason.as_str()),
        ("override", "minta ditelepon malam")
    );
}

#[test]
fn the_selected_row_is_marked_in_snapshots() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Char('j'));
        let screen = harness::render_marked(&a);
        let marked: Vec<&str> = screen.lines().filter(|l| l.starts_with('>')).collect();
        assert!(
            marked.iter().any(|l| l.contains(&harness::selected(&a))),
            "the third row is the one marked:\n{screen}"
        );
        insta::assert_snapshot!(format!("queue_selected_en_{w}x{h}"), screen);
    }
}

#[test]
fn wide_screens_show_names_whole_and_the_figures_beside_the_form() {
    for (w, h) in [(160, 45), (200, 50)] {
        let mut a = app(w, h);
        snapshot("queue_wide", Lang::En, (w, h), &render(&a));
        let longest = a
            .queue
            .list
            .tasks
            .iter()
            .map(|t| t.name.chars().count())
            .max()
            .unwrap();
        assert!(longest > 16);
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "ptp");
        let screen = render(&a);
        assert!(
            screen.contains("Total due"),
            "the figures beside the form:\n{screen}"
        );
        snapshot("form_wide", Lang::En, (w, h), &screen);
    }
}

#[tokio::test]
async fn termin_groups_and_ageing_over_the_whole_set() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let twin = common::twin().await;
            let dir = tempfile::tempdir().unwrap();
            let d = deliverer_for(&twin, &dir);
            let mut a = app_in(lang, w, h);
            let effects = alt(&mut a, '2');
            run(&mut a, &d, effects).await;
            // F groups: every page is loaded first, then the groups by status.
            let effects = press(&mut a, KeyCode::Char('F'));
            run(&mut a, &d, effects).await;
            assert!(a.termin.all.is_some(), "the whole set");
            let groups = &a.termin.desk.groups;
            let count: usize = groups.iter().map(|g| g.sum.count).sum();
            assert_eq!(count, a.termin.all.as_ref().unwrap().len(), "groups add up");
            snapshot("termin_groups", lang, (w, h), &harness::render_marked(&a));
            // E exports what is shown: the groups.
            press(&mut a, KeyCode::Char('E'));
            let effects = press(&mut a, KeyCode::Enter);
            match effects.as_slice() {
                [Effect::ExportTermin { headers, rows, .. }] => {
                    assert_eq!(headers, &deskcoll::domain::termin_desk::GROUP_HEADERS);
                    assert_eq!(rows.len(), a.termin.desk.groups.len());
                }
                other => panic!("{other:?}"),
            }
            // Enter opens the largest group; Esc comes back.
            press(&mut a, KeyCode::Enter);
            assert_eq!(a.termin.view.len(), groups_first_count(&a));
            press(&mut a, KeyCode::Esc);
            assert!(a.termin.desk.showing_groups());
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            assert!(
                a.termin.desk.group_by.is_none(),
                "F cycles back to no groups"
            );
            press(&mut a, KeyCode::Char('a'));
            snapshot("termin_ageing", lang, (w, h), &render(&a));
        }
    }
}

#[tokio::test]
async fn termin_totals_draw_a_bar_per_status_scaled_to_the_largest_amount_whole_at_80x24() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let twin = common::twin().await;
            let dir = tempfile::tempdir().unwrap();
            let d = deliverer_for(&twin, &dir);
            let mut a = app_in(lang, w, h);
            let effects = alt(&mut a, '2');
            run(&mut a, &d, effects).await;
            let effects = press(&mut a, KeyCode::Char('A'));
            run(&mut a, &d, effects).await;
            press(&mut a, KeyCode::Char('t'));
            let screen = render(&a);
            snapshot("termin_totals", lang, (w, h), &screen);
            let totals = a.termin.totals.clone().unwrap();
            assert!(totals.by_status.len() > 1);
            // Each status: its name and amount whole on its row, and a bar.
            let bars: Vec<(deskcoll::domain::Money, usize)> = totals
                .by_status
                .iter()
                .map(|(status, sum)| {
                    let amount = sum.bill.rupiah();
                    let line = screen
                        .lines()
                        .find(|l| l.starts_with(&format!("\"│{status} ")) && l.contains(&amount))
                        .unwrap_or_else(|| panic!("{status} {amount} whole:\n{screen}"));
                    (sum.bill.value().unwrap(), line.matches('█').count())
                })
                .collect();
            let longest = bars.iter().map(|(_, n)| *n).max().unwrap();
            let largest = bars.iter().max_by_key(|(m, _)| *m).unwrap();
            assert_eq!(largest.1, longest, "the largest amount fills its bar");
            assert!(longest >= 8, "bars have room: {longest}\n{screen}");
            let mut by_amount = bars.clone();
            by_amount.sort();
            assert!(
                by_amount.windows(2).all(|p| p[0].1 <= p[1].1),
                "longer bars for larger amounts: {bars:?}"
            );
            assert!(bars.iter().all(|(m, n)| m.0.is_zero() || *n > 0));
            let pane: String = screen
                .lines()
                .skip_while(|l| !l.contains(" Totals ") && !l.contains(" Total semua "))
                .collect();
            assert!(
                !pane.is_empty() && !pane.contains('…'),
                "nothing cut:\n{screen}"
            );
        }
    }
}

fn groups_first_count(a: &App) -> usize {
    a.termin.desk.groups[0].sum.count
}

#[tokio::test]
async fn a_slow_task_list_says_how_much_has_arrived_and_esc_stops_it() {
    // About 750 kB of list (150 kB compressed) at 400 kbit/s: three seconds on the wire.
    let twin = common::twin_with(deskcoll::twin::TwinOptions {
        contracts: 2000,
        tasks: Some(1000),
        bandwidth_kbps: Some(400),
        ..common::options()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let rt = deskcoll::tui::Runtime::quiet(deliverer_for(&twin, &dir));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let reading = {
        let rt = rt.clone();
        tokio::spawn(async move { deskcoll::tui::execute(Effect::LoadTasks, &rt, &tx).await })
    };
    // After a second the read says how far it is.
    let first = rx.recv().await.expect("progress while the list arrives");
    let Action::Receiving { received, .. } = first else {
        panic!("{first:?}");
    };
    assert!(received > 0);
    // Esc on the queue: the read stops and answers nothing; the list shown stays.
    let mut app = harness::app_with(
        vec![deskcoll::domain::Task {
            contract_no: "A".into(),
            ..Default::default()
        }],
        100,
        30,
        common::fixed_now(),
    );
    press(&mut app, KeyCode::Char('r'));
    update(&mut app, first);
    let shown = render(&app);
    assert!(shown.contains("receiving the task list:"), "{shown}");
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(effects, vec![Effect::CancelLoad]);
    for effect in effects {
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        deskcoll::tui::execute(effect, &rt, &tx).await;
    }
    assert!(
        reading.await.unwrap().is_empty(),
        "a stopped read answers nothing"
    );
    assert_eq!(app.queue.list.tasks.len(), 1);
    assert!(render(&app).contains("stopped reading the task list"));
}

#[tokio::test]
async fn a_slow_termin_page_says_how_much_has_arrived() {
    // A page of transactions (several kB) at 16 kbit/s (2 kB a second): seconds on the wire.
    let twin = common::twin_with(deskcoll::twin::TwinOptions {
        bandwidth_kbps: Some(16),
        ..common::options()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let rt = deskcoll::tui::Runtime::quiet(deliverer_for(&twin, &dir));
    let mut app = harness::app_unloaded(120, 40, common::fixed_now());
    app.start();
    let effects = alt(&mut app, '2');
    let [effect @ Effect::LoadTerminPage { limit, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let limit = *limit as usize;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let reading = {
        let rt = rt.clone();
        let effect = effect.clone();
        tokio::spawn(async move { deskcoll::tui::execute(effect, &rt, &tx).await })
    };
    let said = rx.recv().await.expect("progress while the page arrives");
    let Action::TerminReceiving { page, received, .. } = said else {
        panic!("{said:?}");
    };
    assert_eq!(page, 1);
    assert!(received > 0);
    // The Termin tab, waiting for that page, says it in its title.
    update(&mut app, said);
    let shown = render(&app);
    assert!(shown.contains(" MB"), "{shown}");
    // And the page comes whole.
    for action in reading.await.unwrap() {
        update(&mut app, action);
    }
    assert_eq!(app.termin.view.len(), limit);
    assert!(!render(&app).contains(" MB"));
}

#[tokio::test]
async fn party_in_remark_from_the_config_starts_the_remark_sent() {
    let file = deskcoll::config::parse_file(
        "[result]\nparty_in_remark = true\n",
        std::path::Path::new("config.toml"),
    )
    .unwrap();
    let config =
        deskcoll::config::Config::resolve(file, None, &Default::default(), &|_| None).unwrap();
    let session = deskcoll::session::Session::open(config, Clock::at(common::fixed_now()))
        .await
        .unwrap();
    let mut a = app(80, 24);
    a.settings = deskcoll::tui::settings(&session);
    assert!(a.settings.party_in_remark);
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "MSG");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "spouse");
    tab_to(&mut a, Field::Remark);
    type_text(&mut a, "titip pesan ke istri");
    let effects = ctrl(&mut a, 's');
    let [Effect::Submit { recorded, .. }] = effects.as_slice() else {
        panic!("not sent: {effects:?}");
    };
    assert_eq!(recorded.result.remark, "[spouse] titip pesan ke istri");
}

#[test]
fn a_due_callback_pins_its_row_on_top_and_the_header_names_it() {
    let account = "000318270200055";
    for lang in Lang::ALL {
        let mut a = app_in(lang, 80, 24);
        let i = a
            .queue
            .list
            .tasks
            .iter()
            .position(|t| t.contract_no == account)
            .expect("in the queue");
        let zone = a.queue.zones[i].zone;
        // Recorded at 09:00 WIB: "call me back at ten" (10:00 WIB, in the customer's zone).
        let dir = tempfile::tempdir().unwrap();
        let mut outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
        let result = deskcoll::domain::CollectionResult {
            account_no: account.into(),
            call_time: deskcoll::domain::dates::parse_datetime("2026-11-27 09:00:00").unwrap(),
            cust_name: "TRIJAYA KONSTRUKSI MEGAH".into(),
            action_code: "NCT".into(),
            result_code: "NCT01".into(),
            promise_date: None,
            period: 29,
            remark: "minta ditelepon lagi".into(),
            agent_id: "1812010".into(),
            ip_address: "10.1.206.118".into(),
        };
        let callback = deskcoll::domain::callback::Callback {
            due_utc: "2026-11-27T03:00:00Z".parse().unwrap(),
            zone,
        };
        let noted = deskcoll::store::Noted {
            callback: Some(callback),
            ..deskcoll::store::Noted::bare(result)
        };
        outbox.enqueue_noted(&noted, common::fixed_now()).unwrap();
        update(
            &mut a,
            Action::OutboxLoaded {
                snapshot: Ok(deskcoll::delivery::OutboxSnapshot {
                    items: outbox.list().unwrap(),
                    counts: deskcoll::store::Counts::default(),
                    contacts: Vec::new(),
                    reads: Vec::new(),
                }),
                done: None,
            },
        );
        let first = a.queue.list.view[0];
        assert_eq!(
            a.queue.list.tasks[first].contract_no, account,
            "pinned on top"
        );
        let screen = render(&a);
        snapshot("queue_callback", lang, (80, 24), &screen);
    }
}

// ---- Today: the agent's figures and calls per hour ----

/// A day of results in an outbox, as the workstation reads it at 16:30: twelve calls from
/// 08:10 to 16:00 (four with the debtor or a co-debtor, three promises among them), a
/// callback due at 16:00, and three earlier promises judged on the lists read since (one
/// kept, one broken, one unknown).
fn a_day_of_results(dir: &tempfile::TempDir) -> deskcoll::delivery::Deliverer {
    use deskcoll::domain::callback::Callback;
    use deskcoll::domain::party::Party;
    use deskcoll::domain::zone::Zone;
    use deskcoll::domain::{CollectionResult, Money, Task, dates};
    use deskcoll::store::Noted;
    let at = |s: &str| dates::parse_datetime(s).unwrap();
    let mut outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let noted = |account: &str, called: &str, action: &str, party: Party| Noted {
        party,
        ..Noted::bare(CollectionResult {
            account_no: account.into(),
            call_time: at(called),
            cust_name: format!("NAMA {account}"),
            action_code: action.into(),
            result_code: if action == "MSG" {
                String::new()
            } else {
                format!("{action}01")
            },
            promise_date: None,
            period: 3,
            remark: "catatan".into(),
            agent_id: "1812010".into(),
            ip_address: "10.1.206.118".into(),
        })
    };
    let promise = |mut n: Noted, date: &str, amount: Option<i64>, due: i64| {
        n.result.promise_date = dates::parse_date(date);
        n.promised_amount = amount.map(Money::from_units);
        n.total_due = Some(Money::from_units(due));
        n
    };
    // Three promises of the 20th, to pay by the 24th, and what the lists of the 26th showed.
    let earlier: Vec<Noted> = ["000100000000001", "000100000000002", "000100000000003"]
        .iter()
        .map(|a| {
            promise(
                noted(a, "2026-11-20 10:00:00", "PTP", Party::Debtor),
                "2026-11-24",
                None,
                1_000_000,
            )
        })
        .collect();
    outbox
        .enqueue_all_noted(&earlier, at("2026-11-20 10:00:01"))
        .unwrap();
    let listed = |account: &str, paid: &str, overdue: i64| Task {
        contract_no: account.into(),
        lastpaid_paymentdate: dates::parse_date(paid),
        overdue: Some(overdue),
        ..Task::default()
    };
    let list = [
        listed("000100000000001", "2026-11-23", 0),
        listed("000100000000002", "2026-10-20", 6),
    ];
    outbox
        .keep_list_read(&list, at("2026-11-26 08:00:00"), 1)
        .unwrap();
    let mut callback = noted(
        "000200000000004",
        "2026-11-27 09:30:00",
        "MSG",
        Party::Spouse,
    );
    callback.callback = Some(Callback {
        due_utc: chrono::DateTime::parse_from_rfc3339("2026-11-27T16:00:00+07:00")
            .unwrap()
            .to_utc(),
        zone: Zone::Wib,
    });
    let day = vec![
        noted(
            "000200000000001",
            "2026-11-27 08:10:00",
            "NCT",
            Party::Nobody,
        ),
        noted(
            "000200000000002",
            "2026-11-27 08:40:00",
            "NCT",
            Party::Nobody,
        ),
        promise(
            noted(
                "000200000000003",
                "2026-11-27 09:05:00",
                "PTP",
                Party::Debtor,
            ),
            "2026-11-30",
            Some(1_500_000),
            2_000_000,
        ),
        callback,
        promise(
            noted(
                "000200000000005",
                "2026-11-27 09:50:00",
                "PTP",
                Party::CoDebtor,
            ),
            "2026-12-01",
            None,
            750_000,
        ),
        noted(
            "000200000000006",
            "2026-11-27 10:15:00",
            "NCT",
            Party::Nobody,
        ),
        noted(
            "000200000000007",
            "2026-11-27 11:00:00",
            "MSG",
            Party::Family,
        ),
        promise(
            noted(
                "000200000000008",
                "2026-11-27 13:20:00",
                "PTP",
                Party::Debtor,
            ),
            "2026-11-28",
            Some(500_000),
            600_000,
        ),
        noted(
            "000200000000009",
            "2026-11-27 14:05:00",
            "NCT",
            Party::Nobody,
        ),
        noted(
            "000200000000010",
            "2026-11-27 14:45:00",
            "MSG",
            Party::Debtor,
        ),
        noted(
            "000200000000011",
            "2026-11-27 15:10:00",
            "NCT",
            Party::Nobody,
        ),
        noted(
            "000200000000012",
            "2026-11-27 16:00:00",
            "MSG",
            Party::ThirdParty,
        ),
    ];
    outbox
        .enqueue_all_noted(&day, at("2026-11-27 16:00:01"))
        .unwrap();
    let client = deskcoll::api::Client::new(None, None, Default::default()).unwrap();
    deskcoll::delivery::Deliverer::new(
        std::sync::Arc::new(std::sync::Mutex::new(outbox)),
        client,
        Clock::at(at("2026-11-27 16:30:00")),
    )
}

#[test]
fn today_shows_each_figure_with_its_formula_and_calls_per_hour() {
    let dir = tempfile::tempdir().unwrap();
    let d = a_day_of_results(&dir);
    let afternoon = deskcoll::domain::dates::parse_datetime("2026-11-27 16:30:00").unwrap();
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (160, 45)] {
            let mut a = app_at_in(lang, w, h, afternoon);
            update(
                &mut a,
                Action::OutboxLoaded {
                    snapshot: d.snapshot(2_000),
                    done: None,
                },
            );
            alt(&mut a, '4');
            let s = deskcoll::tui::pages::today::summary(&a.cx(deskcoll::tui::app::Tab::Today));
            assert_eq!((s.calls, s.rpc, s.rpc_ptp, s.ptp_count), (12, 4, 3, 3));
            assert_eq!((s.rpc_rate, s.ptp_rate), (Some(4.0 / 12.0), Some(0.75)));
            assert_eq!(s.promised_amount, "2750000");
            assert_eq!(
                (
                    s.promises_kept,
                    s.promises_broken,
                    s.promises_unknown,
                    s.promises_pending
                ),
                (1, 1, 1, 3)
            );
            assert_eq!(s.kept_rate, Some(0.5));
            assert_eq!(s.callbacks_due, 1);
            assert_eq!(&s.calls_by_hour[8..17], &[2, 3, 1, 1, 0, 1, 2, 1, 1]);

            let screen = render(&a);
            // Every figure whole, with its formula: nothing cut, also at 80x24.
            for f in deskcoll::i18n::words::figures(lang, &s) {
                let line = screen
                    .lines()
                    // The header may name a callback with the same word: the figure's line.
                    .find(|l| l.contains(&f.label) && l.contains(&f.how))
                    .unwrap_or_else(|| panic!("{} at {w}x{h}:\n{screen}", f.label));
                assert!(line.contains(&f.value), "{w}x{h}: {line}");
            }
            // A bar per hour of the calling window, the busiest with its count on it.
            let hours = screen
                .lines()
                .find(|l| l.contains("08  09  10"))
                .expect("the hours under the bars");
            assert!(hours.contains("19"), "{hours}");
            assert!(screen.contains("█3█"), "{screen}");
            snapshot("today_figures", lang, (w, h), &screen);
        }
    }
}

// ---- termin money never loses digits -------------------------------------------------------

/// Four transactions, one of them a BUMN contract of Rp 1.234.567.890.123, one PO in two steps.
fn trillion_rows() -> Vec<deskcoll::domain::Transaction> {
    use deskcoll::domain::Money;
    use deskcoll::domain::termin::{General, Payment, Transaction, Vendor};
    let row =
        |po: &str, step: i64, status: &str, bill: i64, vendor: &str, buyer: &str, day: &str| {
            Transaction {
                general: General {
                    purchase_order_number: po.into(),
                    purchase_request_number: format!("PR-{po}"),
                    entry_date: format!("{day}T20:30:00.000Z"),
                    status_change_date: "2026-09-15T01:00:00.000Z".into(),
                    status_name: status.into(),
                    buyer_name: buyer.into(),
                    ..General::default()
                },
                payment: Payment {
                    bill_amount: Some(Money::from_units(bill)),
                    price_sub_total: Some(Money::from_units(bill)),
                    total_pph: Some(Money::from_units(0)),
                    total_ppn: Some(Money::from_units(bill / 9)),
                    shipping_cost: Some(Money::from_units(0)),
                    step: Some(step),
                    total_step: Some(2),
                    ..Payment::default()
                },
                vendor: Vendor {
                    name: vendor.into(),
                    ..Vendor::default()
                },
                ..Transaction::default()
            }
        };
    vec![
        row(
            "PO-2026-08-01-000000001",
            1,
            "Penagihan",
            1_234_567_890_123,
            "PT Waskita Beton",
            "Zaki",
            "2026-08-01",
        ),
        row(
            "PO-2026-08-01-000000001",
            2,
            "Dikirim",
            7_500_000,
            "PT Waskita Beton",
            "Zaki",
            "2026-08-01",
        ),
        row(
            "PO-2026-10-20-000000002",
            1,
            "Selesai",
            257_005_026,
            "CV Daya Dimensi",
            "Andi",
            "2026-10-20",
        ),
        row(
            "PO-2026-11-26-000000003",
            1,
            "Penagihan",
            999,
            "PT Kecil",
            "Budi",
            "2026-11-26",
        ),
    ]
}

/// No amount cut from the left: every "234.567.890" on screen follows "1.", whole or ending
/// in "…"; and the whole amount shows somewhere (whole, or without "Rp ").
fn no_digit_lost(what: &str, screen: &str) {
    for (at, _) in screen.match_indices("234.567.890") {
        assert!(
            screen[..at].ends_with("1."),
            "{what}: an amount cut from the left\n{screen}"
        );
    }
    assert!(
        !screen.contains(".234.567") || screen.contains("1.234.567"),
        "{what}\n{screen}"
    );
}

#[test]
fn termin_money_is_never_cut_from_the_left_at_any_width_in_both_languages() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            let mut a = app_in(lang, w, h);
            let _ = alt(&mut a, '2');
            update(
                &mut a,
                Action::TerminAll {
                    result: Ok(Some(trillion_rows())),
                    changes: Ok(None),
                },
            );
            // As if the first page had come before (no spinner in the title).
            a.termin.loading = None;
            let list = render(&a);
            no_digit_lost("list", &list);
            assert!(list.contains("1.234.567.890"), "the list at {w}: {list}");
            assert!(list.contains("WIB"), "dates labelled: {list}");
            // 20:30 UTC on 1 August is 2 August in WIB.
            assert!(list.contains("08-02"), "entry dates in WIB: {list}");
            press(&mut a, KeyCode::Char('t'));
            let totals = render(&a);
            no_digit_lost("totals", &totals);
            assert!(
                totals.contains("1.234.832.396.148"),
                "totals at {w}: {totals}"
            );
            press(&mut a, KeyCode::Char('t'));
            press(&mut a, KeyCode::Char('F'));
            let groups = render(&a);
            no_digit_lost("groups", &groups);
            assert!(groups.contains("TOTAL"), "{groups}");
            assert!(
                groups.contains("1.234.832.396.148"),
                "groups at {w}: {groups}"
            );
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('F'));
            press(&mut a, KeyCode::Char('a'));
            let ageing = render(&a);
            no_digit_lost("ageing", &ageing);
            assert!(ageing.contains("TOTAL"), "{ageing}");
            if (w, h) != (120, 40) {
                snapshot("termin_trillion_list", lang, (w, h), &list);
                snapshot("termin_trillion_totals", lang, (w, h), &totals);
                snapshot("termin_trillion_groups", lang, (w, h), &groups);
                snapshot("termin_trillion_ageing", lang, (w, h), &ageing);
            }
        }
    }
}

#[test]
fn termin_enter_on_an_ageing_band_lists_its_rows_and_sorting_by_buyer_shows_buyers() {
    let mut a = app_in(Lang::En, 80, 24);
    let _ = alt(&mut a, '2');
    update(
        &mut a,
        Action::TerminAll {
            result: Ok(Some(trillion_rows())),
            changes: Ok(None),
        },
    );
    a.termin.loading = None;
    press(&mut a, KeyCode::Char('a'));
    let bands = a.termin.desk.ages.clone();
    // Penagihan since 15 September: 73 days in the status on 27 November, whatever the entry.
    let first = &bands[0];
    assert_eq!((first.status.as_str(), first.band), ("Dikirim", "61-90"));
    press(&mut a, KeyCode::Char('j'));
    press(&mut a, KeyCode::Enter);
    assert!(!a.termin.desk.showing_ageing(), "Enter opens the band");
    let shown: Vec<String> = a
        .termin
        .shown()
        .iter()
        .map(|t| t.general.status_name.clone())
        .collect();
    assert_eq!(shown, ["Penagihan", "Penagihan"], "the band's rows");
    let screen = render(&a);
    assert!(
        screen.contains("Penagihan · 61-90 days in the status"),
        "{screen}"
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        a.termin.desk.showing_ageing(),
        "Esc comes back to the bands"
    );
    press(&mut a, KeyCode::Char('a'));
    // S takes several statuses, typed.
    press(&mut a, KeyCode::Char('S'));
    type_text(&mut a, "penagihan, Dikirim");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.termin.shown().len(), 3, "two statuses, any case");
    press(&mut a, KeyCode::Char('S'));
    for _ in 0..30 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "open");
    press(&mut a, KeyCode::Enter);
    assert!(
        a.termin
            .shown()
            .iter()
            .all(|t| t.general.status_name != "Selesai"),
        "open work only"
    );
    assert_eq!(a.termin.shown().len(), 3);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.termin.shown().len(), 4, "Esc clears the statuses");
    // o cycles the sort: entry date, bill, status, vendor, buyer.
    for _ in 0..5 {
        press(&mut a, KeyCode::Char('o'));
    }
    let screen = render(&a);
    assert!(screen.contains("BUYER"), "{screen}");
    assert!(
        screen.contains("Andi") && screen.contains("Zaki"),
        "{screen}"
    );
}

#[test]
fn termin_c_lists_new_changed_and_gone_with_whole_po_numbers() {
    use deskcoll::domain::termin_desk::{Changes, Snapshot};
    let rows = trillion_rows();
    let mut before = rows.clone();
    before[0].general.status_name = "Diterima".into();
    before[2].general.purchase_order_number = "PO-2026-07-01-000000099-LONG".into();
    before.remove(3);
    let changes = Changes::between(
        Some(&Snapshot::of(&before, "2026-11-26T01:00:00Z".into())),
        &rows,
    );
    for lang in Lang::ALL {
        let mut a = app_in(lang, 80, 24);
        let _ = alt(&mut a, '2');
        update(
            &mut a,
            Action::TerminAll {
                result: Ok(Some(rows.clone())),
                changes: Ok(Some(changes.clone())),
            },
        );
        a.termin.loading = None;
        press(&mut a, KeyCode::Char('c'));
        let screen = render(&a);
        for po in [
            "PO-2026-08-01-000000001",
            "PO-2026-07-01-000000099-LONG",
            "PO-2026-10-20-000000002",
            "PO-2026-11-26-000000003",
        ] {
            assert!(screen.contains(po), "{po} whole\n{screen}");
        }
        assert!(
            screen.contains("Diterima") && screen.contains("2026-11-26 08:00 WIB"),
            "{screen}"
        );
        snapshot("termin_changes", lang, (80, 24), &screen);
    }
    // A kept look that cannot be read is said, not taken for a first look.
    let mut a = app_in(Lang::En, 80, 24);
    let _ = alt(&mut a, '2');
    update(
        &mut a,
        Action::TerminAll {
            result: Ok(Some(rows.clone())),
            changes: Err("termin-snapshot-x-2026-11-26.json: expected value".into()),
        },
    );
    let said = &a.status.as_ref().unwrap().text;
    assert!(said.contains("what changed is not known"), "{said}");
    press(&mut a, KeyCode::Char('c'));
    assert!(render(&a).contains("what changed is not known"));
}

// Issue 30: the words and screens an agent reads all day, at the size each was seen.

/// The queue's pre-due rows, the compact window column and the footer at 80x24; the OSAR
/// column and the sort's direction when sorted by OSAR and turned round.
#[test]
fn the_queue_at_80x24_keeps_its_window_column_and_keys_and_says_how_soon_pre_due_is() {
    for lang in Lang::ALL {
        let mut a = app_in(lang, 80, 24);
        press(&mut a, KeyCode::Char('G'));
        let screen = render(&a);
        let (window, pre_due, keys) = match lang {
            Lang::En => (
                "WINDOW",
                "in 2d",
                ["c call", "p promises", "r refresh", "? help", "q quit"],
            ),
            Lang::Id => (
                "JAM KONTAK",
                "H-2",
                [
                    "c telepon",
                    "p janji",
                    "r muat ulang",
                    "? bantuan",
                    "q keluar",
                ],
            ),
        };
        assert!(screen.contains(window), "{screen}");
        assert!(screen.contains(pre_due), "{screen}");
        let footer = screen.lines().last().unwrap();
        for k in keys {
            assert!(footer.contains(k), "{k}: {footer}");
        }
        // A name is cut only with its ellipsis.
        assert!(!screen.contains(" OD 0 "));
        snapshot("queue_pre_due", lang, (80, 24), &screen);
    }
}

#[test]
fn sorted_by_osar_the_column_is_on_screen_and_the_title_shows_the_direction() {
    for lang in Lang::ALL {
        for (w, h) in [(120, 40), (200, 50)] {
            let mut a = app_in(lang, w, h);
            for _ in 0..3 {
                press(&mut a, KeyCode::Char('s'));
            }
            press(&mut a, KeyCode::Char('S'));
            let screen = render(&a);
            let (column, title) = match lang {
                Lang::En => ("OSAR", "sort: OSAR ↑ reversed"),
                Lang::Id => ("SISA PIUTANG", "urutan: sisa piutang ↑ terbalik"),
            };
            assert!(screen.lines().nth(2).unwrap().contains(column), "{screen}");
            assert!(screen.contains(title), "{screen}");
            snapshot("queue_osar_reversed", lang, (w, h), &screen);
        }
    }
}

/// Server down at start: the kept list is on screen and workable, and the status line says
/// so (on two lines at 80 columns, its end kept).
#[test]
fn with_the_server_down_the_status_line_tells_the_truth_about_the_kept_list() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = harness::app_unloaded_in(lang, w, h, common::fixed_now());
            let _ = a.start();
            let tasks = app_in(lang, w, h).queue.list.tasks.clone();
            let zones = deskcoll::tui::pages::queue::zones_of(&a.regions, &tasks);
            let by_total = deskcoll::domain::order::by_total_due(&tasks);
            update(
                &mut a,
                Action::SavedListLoaded {
                    tasks,
                    zones,
                    by_total,
                    read_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T07:58:00+07:00")
                        .unwrap(),
                },
            );
            update(
                &mut a,
                Action::TasksLoaded(Err(deskcoll::api::ApiError::Connect {
                    host: "desk.example".into(),
                    reason: "Connection refused (os error 111)".into(),
                })),
            );
            let screen = render(&a);
            let (kept, end) = match lang {
                Lang::En => ("the list kept on this desk", "r reads again"),
                Lang::Id => ("daftar yang disimpan di meja ini", "r membaca lagi"),
            };
            let flat = screen
                .replace('"', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(flat.contains(kept), "{screen}");
            assert!(flat.contains(end), "the end is not lost: {screen}");
            assert!(!screen.contains("could not load the queue"));
            snapshot("queue_kept_server_down", lang, (w, h), &screen);
        }
    }
}

/// Inside the form: F1 shows the form's keys and the focused field's rules; `?` in a picker
/// too; the pickers say more ↓; "wrong" finds the action of "wrong number"; the party is in
/// words; a code's complaint leaves with it.
#[test]
fn the_form_has_help_more_below_words_for_parties_and_no_stale_errors() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = app_in(lang, w, h);
            press(&mut a, KeyCode::Enter);
            let screen = render(&a);
            let more = match lang {
                Lang::En => "more ↓",
                Lang::Id => "lainnya ↓",
            };
            assert!(screen.contains(more), "{screen}");
            press(&mut a, KeyCode::F(1));
            let help = render(&a);
            let rules = match lang {
                Lang::En => "Action code: what it takes",
                Lang::Id => "Kode aksi: isinya",
            };
            assert!(help.contains(rules), "{help}");
            snapshot("form_help", lang, (w, h), &help);
            press(&mut a, KeyCode::Esc);
            assert!(a.form.is_some(), "Esc closes the help, not the form");
            press(&mut a, KeyCode::Char('?'));
            assert!(render(&a).contains(rules), "? in a picker is help");
            press(&mut a, KeyCode::Esc);

            type_text(&mut a, "wrong");
            assert!(render(&a).contains("NCT"), "{}", render(&a));
        }
        let mut a = app_in(lang, 120, 40);
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "PTP");
        press(&mut a, KeyCode::Tab);
        press(&mut a, KeyCode::Enter); // PTP01
        type_text(&mut a, "spouse");
        press(&mut a, KeyCode::Tab);
        assert!(ctrl(&mut a, 's').is_empty());
        let screen = render(&a);
        let (word, key) = match lang {
            Lang::En => ("spouse", "co_debtor"),
            Lang::Id => ("pasangan", "spouse"),
        };
        assert!(screen.contains(word) && !screen.contains(key), "{screen}");
        assert!(screen.contains("POJK"), "refused with the spouse: {screen}");
        snapshot("form_party_refused", lang, (120, 40), &screen);
        // MSG instead: the refusal PTP caused is gone.
        tab_to(&mut a, Field::Action);
        for _ in 0..3 {
            press(&mut a, KeyCode::Backspace);
        }
        type_text(&mut a, "MSG");
        let screen = render(&a);
        // The form's lines (the status line below still tells what the last Ctrl-S said).
        let form: Vec<&str> = screen
            .lines()
            .filter(|l| l.starts_with("\"│") || l.starts_with("\"┌"))
            .collect();
        assert!(!form.concat().contains("POJK"), "{screen}");
        snapshot("form_error_cleared", lang, (120, 40), &screen);
    }
}

/// Values the server left out are a dash with a word, never "0"; the history and the
/// Outbox detail say who answered, the amount promised and the callback, in the customer's
/// zone and the agent's.
#[test]
fn missing_values_are_said_and_history_and_outbox_show_party_amount_and_callback() {
    use deskcoll::domain::party::Party;
    for lang in Lang::ALL {
        let mut a = app_in(lang, 120, 40);
        let mut tasks = a.queue.list.tasks.clone();
        let first = a.queue.list.view[0];
        let t = &mut tasks[first];
        let account = t.contract_no.to_string();
        t.phone1 = "0".into();
        t.phone2 = "".into();
        t.phone3 = "".into();
        t.phone4 = "".into();
        t.marketing_name = "".into();
        t.lastpaid_amount = None;
        t.lastpaid_paymentdate = None;
        t.lastpaid_tenor = None;
        t.lastpaid_duedate = None;
        update(&mut a, Action::TasksLoaded(Ok(tasks)));
        let zone = a.queue.zones[first].zone;

        let dir = tempfile::tempdir().unwrap();
        let mut outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
        let result = deskcoll::domain::CollectionResult {
            account_no: account.clone(),
            call_time: deskcoll::domain::dates::parse_datetime("2026-11-27 09:00:00").unwrap(),
            cust_name: "PT MANDIRI MANDIRI".into(),
            action_code: "PTP".into(),
            result_code: "PTP02".into(),
            promise_date: Some(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
            period: 26,
            remark: "janji bayar sebagian hari Senin".into(),
            agent_id: "1812010".into(),
            ip_address: "10.1.206.118".into(),
        };
        let noted = deskcoll::store::Noted {
            party: Party::Debtor,
            promised_amount: Some("5000000".parse().unwrap()),
            callback: Some(deskcoll::domain::callback::Callback {
                due_utc: "2026-11-27T07:00:00Z".parse().unwrap(),
                zone,
            }),
            ..deskcoll::store::Noted::bare(result)
        };
        outbox.enqueue_noted(&noted, common::fixed_now()).unwrap();
        update(
            &mut a,
            Action::OutboxLoaded {
                snapshot: Ok(deskcoll::delivery::OutboxSnapshot {
                    items: outbox.list().unwrap(),
                    counts: deskcoll::store::Counts::default(),
                    contacts: Vec::new(),
                    reads: Vec::new(),
                }),
                done: None,
            },
        );
        let screen = render(&a);
        let (not_given, party, amount, callback) = match lang {
            Lang::En => (
                "— not given by the server",
                "with debtor",
                "promised Rp 5.000.000",
                "callback 16:00 WIT (14:00 WIB)",
            ),
            Lang::Id => (
                "— tidak diberikan server",
                "dengan debitur",
                "nominal janji Rp 5.000.000",
                "telepon ulang 16.00 WIT (14.00 WIB)",
            ),
        };
        let flat = screen
            .replace(['"', '│'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(screen.contains(not_given), "{screen}");
        assert!(!screen.contains("Phones 0") && !screen.contains("Telepon 0"));
        for part in [party, amount, callback] {
            assert!(flat.contains(part), "{part}: {screen}");
        }
        snapshot("customer_missing_and_history", lang, (120, 40), &screen);
        alt(&mut a, '3');
        let screen = render(&a);
        let flat = screen
            .replace(['"', '│'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for part in [party, amount, callback] {
            assert!(flat.contains(part), "outbox detail {part}: {screen}");
        }
        snapshot("outbox_detail_extras", lang, (120, 40), &screen);
    }
}

/// README's key table is the keymap's: every key a row names is bound in the row's pane
/// (keys said in brackets belong to another place), and every queue binding is in it.
#[test]
fn the_readme_key_table_matches_the_keys() {
    use crossterm::event::KeyEvent;
    use deskcoll::tui::keymap::{Context, Keymap};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| keys | where | what |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(table.len() > 10, "{table:?}");
    let keys = Keymap::default();
    let mut queue_keys = Vec::new();
    for row in &table {
        let cells: Vec<&str> = row.split(" | ").collect();
        let (written, place) = (cells[0].trim_start_matches("| "), cells[1]);
        let context = match place {
            "queue" => Context::Queue,
            "outbox" => Context::Outbox,
            "form" => Context::Form,
            "everywhere" => Context::Global,
            other => panic!("{other}"),
        };
        // What is in brackets is said of another place; `a`..`b` is a range.
        let outside: String = written.split('(').next().unwrap().to_string();
        // Pieces alternate: text, key, text, key, ...; a `..` between two keys is a range.
        let pieces: Vec<&str> = outside.split('`').collect();
        let mut names: Vec<String> = Vec::new();
        let mut k = 1;
        while k < pieces.len() {
            if pieces.get(k + 1) == Some(&"..") && k + 2 < pieces.len() {
                let (from, to) = (pieces[k], pieces[k + 2]);
                let last = |s: &str| s.chars().last().unwrap();
                let prefix = &from[..from.len() - 1];
                names.extend((last(from)..=last(to)).map(|c| format!("{prefix}{c}")));
                k += 4;
            } else {
                names.push(pieces[k].to_string());
                k += 2;
            }
        }
        for name in names {
            let (code, mods) = deskcoll::tui::keyspec::parse(&name).unwrap();
            let event = KeyEvent::new(code, mods);
            // A pane's row names the pane's own keys (`1` in the queue would be a tab).
            let found = keys.lookup(context, &event).is_some();
            assert!(found, "README: `{name}` in {place} does nothing: {row}");
            if context == Context::Queue {
                queue_keys.push(event);
            }
        }
    }
    for b in keys
        .bindings()
        .iter()
        .filter(|b| b.context == Context::Queue)
    {
        let (code, mods) = b.keys[0];
        assert!(
            queue_keys.contains(&KeyEvent::new(code, mods)),
            "the queue's `{}` ({}) is not in README's key table",
            b.label(),
            b.name
        );
    }
}

/// A first termin page that failed leaves no "loading" in the title: it says it was not
/// read, and the status says why, in the screen's language.
#[test]
fn a_failed_first_termin_page_is_not_loading() {
    for lang in Lang::ALL {
        let mut a = app_in(lang, 80, 24);
        let effects = alt(&mut a, '2');
        drop(effects);
        update(
            &mut a,
            Action::TerminPage {
                page: 1,
                limit: 10,
                prefetch: false,
                result: Err(deskcoll::api::ApiError::Config(
                    "no termin server configured (set termin.url or DESKCOLL_TERMIN_URL)".into(),
                )),
            },
        );
        let screen = render(&a);
        let (not_read, why) = match lang {
            Lang::En => ("not read (r reads again)", "no termin server configured"),
            Lang::Id => ("tidak terbaca (r membaca lagi)", "belum ada server termin"),
        };
        let title = screen.lines().nth(1).unwrap();
        assert!(title.contains(not_read), "{screen}");
        assert!(
            !screen.contains("loading") && !screen.contains("memuat"),
            "{screen}"
        );
        assert!(screen.contains(why), "{screen}");
        snapshot("termin_failed_first_page", lang, (80, 24), &screen);
    }
}
