//! The real binary, as a script would run it.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Output, Stdio};

struct Run {
    home: tempfile::TempDir,
}

impl Run {
    fn new() -> Run {
        Run {
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// The binary with a private home and none of the caller's DESKCOLL_* variables.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
        c.args(args)
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .stdin(Stdio::null());
        for (k, _) in std::env::vars() {
            if k.starts_with("DESKCOLL_") {
                c.env_remove(k);
            }
        }
        // English whatever the machine's locale; tests of Indonesian set it again.
        c.env("DESKCOLL_LANG", "en");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// A run that must succeed (exit 0), or the test says why it did not.
    fn ok(&self, args: &[&str]) -> Output {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        o
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A run refused as invalid input (exit 2) whose one-line error says `words`.
fn refused_saying(o: &Output, words: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    assert!(stderr(o).contains(words), "{}", stderr(o));
}

#[test]
fn demo_tasks_as_json_and_csv() {
    let r = Run::new();
    let o = r.run(&["tasks", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(tasks.len(), 100);
    assert!(
        tasks
            .iter()
            .any(|t| t["contract_no"] == "000418110200010" && t["total_amount"] == "26435641.00")
    );

    let o = r.ok(&["tasks", "--format", "csv"]);
    let text = stdout(&o);
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("contract_no,name,overdue,total_amount,")
    );
    assert!(text.contains("000318270200055,TRIJAYA KONSTRUKSI MEGAH,5,107261731,29949000,29,54,"));
    assert_eq!(text.lines().count(), 101);
}

#[test]
fn submit_exit_codes() {
    let r = Run::new();
    let served = Served::start(&r);
    // The real server answers 90 only for a database error: a twin with that fault.
    let failing = Served::start_with(&r, &["--fault", "stored-90=1"]);
    let run = |s: &Served, args: &[&str]| s.cmd(&r, args).output().unwrap();
    let ok = run(
        &served,
        &[
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "+2",
            "--remark",
            "janji bayar",
        ],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert_eq!(
        stdout(&ok).trim(),
        "00 Sukses Memasukan Data Dengan Account No : 000319280100042"
    );

    let invalid = run(
        &served,
        &[
            "submit",
            "--account",
            "000319280100042",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--remark",
            "x",
        ],
    );
    assert_eq!(invalid.status.code(), Some(2));
    assert!(stderr(&invalid).contains("promise_date: required for a promise to pay (PTP)"));

    let refused = run(
        &failing,
        &[
            "submit",
            "--account",
            "123",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "x",
        ],
    );
    assert_eq!(refused.status.code(), Some(3));
    assert_eq!(
        stderr(&refused).trim(),
        "deskcoll: error: result 2: rejected: server refused (code 90): ERROR: Account No 123 does not exist"
    );
    // ... and, as on the real server, the row is stored all the same.
    assert_eq!(failing.received().len(), 1);

    // Both went through the outbox: one delivered, one kept as rejected with its reason.
    let listed = run(&served, &["outbox", "list", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["state"], "delivered");
    assert_eq!(items[0]["account_no"], "000319280100042");
    assert_eq!(items[1]["state"], "rejected");
    assert!(
        items[1]["last_error"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    for key in ["id", "attempts", "call_time"] {
        assert!(items[0].get(key).is_some(), "{key}");
    }
}

#[test]
fn sign_known_answer_from_flag_and_env() {
    let r = Run::new();
    let o = r.ok(&[
        "sign",
        "000319280100042",
        "--hash-key",
        "8de3ef10fec04f05adb8631f9186a437",
    ]);
    assert_eq!(
        stdout(&o).trim(),
        "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"
    );
    let o = r
        .cmd(&["sign", "000319280100042"])
        .env("DESKCOLL_HASH_KEY", "8de3ef10fec04f05adb8631f9186a437")
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o).trim(),
        "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381"
    );
    // Demo mode (no server configured): the twin's own key, the seed document's.
    let o = r.run(&["sign", "000319280100042"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "87072d55e9a05731bdae67c13fe6d617ce60da95260165ec58bbc07377b4d381\n"
    );
    assert!(stderr(&o).contains("twin's hash key"), "{}", stderr(&o));
    // A real server configured and no key: refused, on one line.
    let o = r
        .cmd(&["sign", "000319280100042"])
        .env("DESKCOLL_BASE_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no hash key"));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn serve_help_says_what_the_twin_takes() {
    let r = Run::new();
    let help = stdout(&r.run(&["serve", "--help"]));
    for value in [
        "SERVICEMNC",
        "Mnc%^21",
        "8de3ef10fec04f05adb8631f9186a437",
        "twin-access-key",
        "twin-access-secret",
        "seed document",
        "demo mode",
    ] {
        assert!(help.contains(value), "serve --help lacks {value}\n{help}");
    }
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for value in ["SERVICEMNC", "Mnc%^21", "8de3ef10fec04f05adb8631f9186a437"] {
        assert!(readme.contains(value), "README lacks {value}");
    }
}

#[test]
fn config_init_show_masks_and_bad_toml_names_the_line() {
    let r = Run::new();
    let path = r.home.path().join("c.toml");
    let p = path.to_str().unwrap();
    let o = r.run(&["--config", p, "config", "init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("DESKCOLL_HASH_KEY")
    );
    assert!(
        !r.run(&["--config", p, "config", "init"]).status.success(),
        "no silent overwrite"
    );

    std::fs::write(&path, "[collection]\nbase_url = \"http://127.0.0.1:9\"\nuser = \"u\"\npassword = \"file-pass-123\"\n").unwrap();
    let o = r
        .cmd(&["--config", p, "config", "show"])
        .env("DESKCOLL_HASH_KEY", "env-key-456")
        .output()
        .unwrap();
    let shown = stdout(&o);
    assert!(shown.contains("http://127.0.0.1:9/api/DailyTask_DeskColl"));
    assert!(
        !shown.contains("file-pass-123") && !shown.contains("env-key-456"),
        "{shown}"
    );
    assert!(shown.contains("collection.password      ***"));

    std::fs::write(&path, "[collection]\nbase_url = \"http://x\"\ntimeout = \n").unwrap();
    let o = r.run(&["--config", p, "tasks"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("line 3, column 11"), "{}", stderr(&o));

    let o = r.run(&["--config", "/nonexistent/deskcoll.toml", "tasks"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read config file /nonexistent/deskcoll.toml"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let r = Run::new();
    for cmd in [
        "tasks",
        "termin",
        "submit",
        "sign",
        "serve",
        "completions",
        "callbacks",
        "audit",
    ] {
        let o = r.run(&[cmd, "--help"]);
        assert!(o.status.success());
        assert!(
            stdout(&o).contains("Example"),
            "{cmd} --help lacks an example"
        );
    }
    assert!(stdout(&r.run(&["--version"])).starts_with("deskcoll "));
    assert!(stdout(&r.run(&["completions", "bash"])).contains("_deskcoll"));
}

#[test]
fn serve_prints_its_address_and_a_configured_client_talks_to_it() {
    let r = Run::new();
    let (_serve, first) = common::spawn_for_first_line(
        &mut r.cmd(&[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--tasks",
            "7",
            "--contracts",
            "20",
        ]),
        std::time::Duration::from_secs(20),
    );
    let url = common::served_url(&first);

    let with_server = |args: &[&str], password: Option<&str>| {
        let mut c = r.cmd(args);
        c.env("DESKCOLL_BASE_URL", &url)
            .env("DESKCOLL_USER", "SERVICEMNC");
        if let Some(p) = password {
            c.env("DESKCOLL_PASSWORD", p);
        }
        c.output().unwrap()
    };
    let o = with_server(&["tasks", "--format", "json"], Some("Mnc%^21"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout)
            .unwrap()
            .len(),
        7
    );
    let o = with_server(&["tasks"], Some("wrong"));
    assert_eq!(
        stderr(&o).trim(),
        "deskcoll: error: bad credentials: the server refused the user name or password (HTTP 401)"
    );
    let o = with_server(&["tasks"], None);
    assert!(stderr(&o).contains("DESKCOLL_PASSWORD"));
}

#[test]
fn termin_all_as_csv_has_every_transaction() {
    let r = Run::new();
    let o = r.run(&["termin", "--all", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("entry_date,purchase_order_number,"));
    assert_eq!(text.lines().count(), 58, "header + 57 transactions");
    assert!(stderr(&o).contains("57 transactions"));
}

#[test]
fn batch_validates_every_row_then_sends_the_valid_ones() {
    let r = Run::new();
    let csv = r.home.path().join("results.csv");
    std::fs::write(
        &csv,
        "account,action,result,promise,period,remark\n\
         000318270200055,PTP,PTP01,+2,29,janji bayar\n\
         000418110200010,MSG,,,,titip pesan ke istri\n\
         000319280100042,PTP,PTP01,,0,no promise date\n\
         000319280100042,NCT,NCT01,,,tidak diangkat\n",
    )
    .unwrap();
    let o = r.run(&["submit", "--batch", csv.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an invalid row makes the exit non-zero\n{out}"
    );
    assert!(
        out.contains("row 4: invalid: promise_date: required for a promise to pay (PTP)"),
        "{out}"
    );
    assert!(
        out.contains("row 2: 000318270200055 PTP: 00 Sukses"),
        "{out}"
    );
    assert!(
        out.contains("row 5: 000319280100042 NCT: 00 Sukses"),
        "{out}"
    );
    assert!(
        out.contains("4 rows: 3 delivered, 0 not delivered, 1 invalid"),
        "{out}"
    );
    let listed = r.run(&["outbox", "list", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(items.len(), 3, "the invalid row was never saved");
    assert!(items.iter().all(|i| i["state"] == "delivered"));

    let o = r.run(&["outbox", "flush"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("3 delivered, 0 queued, 0 rejected, 0 uncertain"));
}

#[test]
fn termin_status_filter_and_summary() {
    let r = Run::new();
    let all = r.run(&["termin", "--all", "--format", "json"]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    let selesai = all
        .iter()
        .filter(|t| t["general"]["status_name"] == "Selesai")
        .count();
    assert!(selesai > 0);

    let o = r.run(&["termin", "--all", "--status", "selesai", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), selesai);
    assert!(
        rows.iter()
            .all(|t| t["general"]["status_name"] == "Selesai")
    );

    let o = r.run(&["termin", "--all", "--summary", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["grand"]["count"], 57);
    assert_eq!(s["by_status"]["Selesai"]["count"], selesai);
    let bill_sum: i64 = all
        .iter()
        .map(|t| t["payment"]["bill_amount"].as_i64().unwrap())
        .sum();
    assert_eq!(s["grand"]["bill_amount"], bill_sum, "a JSON number, exact");

    let o = r.ok(&["termin", "--all", "--summary"]);
    let text = stdout(&o);
    assert!(text.contains("TOTAL"), "{text}");
    assert!(text.contains("Rp "), "{text}");
}

#[test]
fn tasks_carry_the_calling_window_and_today_counts_the_day() {
    let r = Run::new();
    // 12:30 UTC on a Friday: 19:30 WIB, 20:30 WITA, 21:30 WIT.
    let now = "--now=2026-11-27T12:30:00Z";
    let o = r.run(&[now, "tasks", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let manado = tasks
        .iter()
        .find(|t| t["contract_no"] == "000318270200055")
        .unwrap();
    assert_eq!(manado["time_zone"], "WITA");
    assert_eq!(manado["local_time"], "2026-11-27T20:30:00+08:00");
    assert_eq!(manado["callable_now"], false);
    assert_eq!(manado["window_note"], "too late; opens Sat 08:00 WITA");
    assert_eq!(manado["contacts_today"], 0);
    let callable = tasks.iter().filter(|t| t["callable_now"] == true).count();
    assert!(callable > 0 && callable < tasks.len());
    assert!(
        tasks
            .iter()
            .filter(|t| t["callable_now"] == true)
            .all(|t| t["time_zone"] == "WIB")
    );

    let o = r.ok(&[now, "tasks", "--callable", "--format", "json"]);
    let only: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(only.len(), callable);

    // Two results recorded today, then the day's figures.
    for args in [
        [
            "submit",
            "--account",
            "000318270200055",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "+1",
            "--remark",
            "janji",
            // 20:30 WITA: outside the window, so only with the consumer's consent.
            "--consent",
            "minta ditelepon malam",
        ],
        [
            "submit",
            "--account",
            "000318270200055",
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--promise",
            "",
            "--remark",
            "tidak diangkat",
            "--consent",
            "minta ditelepon malam",
        ],
    ] {
        let o = r.run(&[&[now][..], &args[..]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = r.ok(&[now, "tasks", "--format", "json"]);
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let task = tasks
        .iter()
        .find(|t| t["contract_no"] == "000318270200055")
        .expect("the account is in the list");
    assert_eq!(task["contacts_today"], 2);
    let o = r.ok(&[now, "today", "--format", "json"]);
    let day: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(day["calls"], 2);
    assert_eq!(day["by_action"]["PTP"], 1);
    assert_eq!(day["by_action"]["NCT"], 1);
    assert_eq!(day["ptp_count"], 1);
    assert_eq!(day["delivered"], 2);
    assert_eq!(day["waiting"], 0);
    for key in ["ptp_total_due", "promises_due_today", "broken_promises"] {
        assert!(day.get(key).is_some(), "{key}");
    }
}

#[test]
fn tasks_at_1830_wib_lead_with_wita_closing_in_30m_then_wib_at_the_90m_boundary_then_closed_wit() {
    use deskcoll::domain::Money;
    let r = Run::new();
    // A Friday at 18:30 WIB: 19:30 WITA (30 minutes left), 20:30 WIT (closed).
    let now = "--now=2026-11-27T18:30:00+07:00";
    let listed = |extra: &[&str]| -> Vec<serde_json::Value> {
        let o = r.run(&[&[now, "tasks", "--format", "json"][..], extra].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let json = listed(&[]);
    for t in &json {
        let expected = match t["time_zone"].as_str().unwrap() {
            "WIB" => serde_json::json!(90),
            "WITA" => serde_json::json!(30),
            _ => serde_json::Value::Null,
        };
        assert_eq!(t["closes_in_minutes"], expected, "{t}");
        assert_eq!(t["callable_now"], !expected.is_null());
    }
    let total = |t: &serde_json::Value| -> Money {
        t["total_amount"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap_or_default()
    };
    // Within a bucket: WITA (30m), then WIB (90m: at the default's boundary, so closing
    // soon too), then the closed WIT; the largest total due first within each.
    let rank = |t: &serde_json::Value| match t["time_zone"].as_str().unwrap() {
        "WITA" => 0,
        "WIB" => 1,
        _ => 2,
    };
    let mut both = false;
    for pair in json.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a["bucket"] != b["bucket"] {
            continue;
        }
        assert!(rank(a) <= rank(b), "{a}\n{b}");
        if rank(a) == rank(b) && rank(a) < 2 {
            assert!(total(a) >= total(b), "{a}\n{b}");
        }
        both |= rank(a) == 0 && rank(b) == 1;
    }
    assert!(both, "a bucket has a WITA account ahead of a WIB one");
    assert!(json.iter().any(|t| t["time_zone"] == "WIT"));

    // CSV: the trailing column, empty when closed.
    let o = r.ok(&[now, "tasks", "--format", "csv"]);
    let csv = stdout(&o);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().next_back(),
        Some("closes_in_minutes")
    );
    let last: Vec<String> = rows
        .records()
        .map(|r| r.unwrap().iter().next_back().unwrap().to_string())
        .collect();
    let from_json: Vec<String> = json
        .iter()
        .map(|t| {
            t["closes_in_minutes"]
                .as_i64()
                .map_or(String::new(), |m| m.to_string())
        })
        .collect();
    assert_eq!(last, from_json, "the same order and figures as the JSON");

    // The table says it in the callable column.
    let table = stdout(&r.ok(&[now, "tasks"]));
    assert!(table.contains("yes · closes in 30m"), "{table}");
    assert!(table.contains("yes · closes in 90m"), "{table}");

    // ui.closing_soon_minutes = 0: no window is closing soon; callable accounts by total
    // due, WIB and WITA mixed, the closed ones still last.
    let config = r.home.path().join("closing.toml");
    std::fs::write(&config, "[ui]\nclosing_soon_minutes = 0\n").unwrap();
    let off = listed(&["--config", config.to_str().unwrap()]);
    for pair in off.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a["bucket"] == b["bucket"] && a["callable_now"] == b["callable_now"] {
            assert!(total(a) >= total(b), "{a}\n{b}");
        }
    }
    let table = stdout(&r.ok(&["--config", config.to_str().unwrap(), now, "tasks"]));
    assert!(!table.contains("closes in"), "{table}");
}

// ---- `deskcoll submit` refuses what the form refuses, and knows the account's task ----

/// A fixed morning, so that every run of a test is the same day.
const MORNING: &str = "--now=2026-11-27T02:00:00Z";

fn outbox_items(r: &Run) -> Vec<serde_json::Value> {
    let o = r.run(&[MORNING, "outbox", "list", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn submit(r: &Run, account: &str, action: &str, result: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        MORNING,
        "submit",
        "--account",
        account,
        "--action",
        action,
        "--result",
        result,
        "--remark",
        "catatan",
    ];
    args.extend_from_slice(extra);
    r.run(&args)
}

fn task_of(r: &Run, account: &str) -> serde_json::Value {
    let o = r.ok(&[MORNING, "tasks", "--format", "json"]);
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    tasks
        .into_iter()
        .find(|t| t["contract_no"] == account)
        .unwrap_or_else(|| panic!("{account} is in the demo queue"))
}

#[test]
fn submit_refuses_what_the_form_refuses_on_one_line_and_saves_nothing() {
    let r = Run::new();
    let o = submit(&r, "000318270200055", "ZZZ", "ZZZ01", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "deskcoll: error: invalid result, nothing sent: action_code: 'ZZZ' is not in the code list\n"
    );

    let o = submit(&r, "000318270200055", "PTP", "NCT01", &["--promise", "+1"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o).trim(),
        "deskcoll: error: invalid result, nothing sent: result_code: 'NCT01' is not a result of PTP"
    );

    // The demo task of 000318270200055 has 54 installments.
    let task = task_of(&r, "000318270200055");
    assert_eq!(task["total_installmentNumber"], "54");
    let o = submit(&r, "000318270200055", "NCT", "NCT01", &["--period", "999"]);
    refused_saying(
        &o,
        "period: 999 is past the contract's 54 installments (1..54)",
    );
    let o = submit(&r, "000318270200055", "NCT", "NCT01", &["--period", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    // Every field at fault, in the form's order, on one line.
    let o = submit(
        &r,
        "000318270200055",
        "PTP",
        "NCT01",
        &["--promise", "+31", "--period", "55"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err,
        "deskcoll: error: invalid result, nothing sent: result_code: 'NCT01' is not a result of PTP; \
         promise_date: 2026-12-28 is more than 30 days ahead (latest 2026-12-27); \
         period: 55 is past the contract's 54 installments (1..54)\n"
    );

    assert!(outbox_items(&r).is_empty(), "nothing was saved");
    // The tenor's bound itself is fine.
    let o = submit(&r, "000318270200055", "NCT", "NCT01", &["--period", "54"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(outbox_items(&r).len(), 1);
}

#[test]
fn a_cli_promise_counts_its_amount_due_in_today() {
    let r = Run::new();
    let task = task_of(&r, "000418110200010");
    let o = submit(&r, "000418110200010", "PTP", "PTP01", &["--promise", "+2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = r.ok(&[MORNING, "today", "--format", "json"]);
    let day: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let owed: deskcoll::domain::Money = task["total_amount"].as_str().unwrap().parse().unwrap();
    assert_eq!(day["ptp_count"], 1);
    assert_eq!(day["ptp_total_due"], owed.plain(), "{day}");
    assert_eq!(day["ptp_total_due"], "26435641");
    // +2 is Sunday the 29th: due neither today nor tomorrow.
    for list in ["promises_due_today", "promises_due_tomorrow"] {
        assert_eq!(day[list].as_array().unwrap().len(), 0, "{day}");
    }

    // A PTP on an account whose total due is not known needs an amount: exit 2, nothing saved.
    let before = outbox_items(&r).len();
    let o = submit(
        &r,
        "000999999999999",
        "PTP",
        "PTP01",
        &["--promise", "+2", "--party", "debtor"],
    );
    refused_saying(
        &o,
        "amount: a promise needs an amount: the total due is not known",
    );
    let o = submit(
        &r,
        "000999999999999",
        "PTP",
        "PTP01",
        &["--promise", "+2", "--party", "debtor", "--amount", "0"],
    );
    refused_saying(&o, "amount: must be more than 0");
    assert_eq!(outbox_items(&r).len(), before, "nothing saved");
}

#[test]
fn promises_due_list_what_was_promised_beside_what_was_owed() {
    let r = Run::new();
    let task = task_of(&r, "000418110200010");
    // Promised Rp 25.000.000 for tomorrow on an account owing more.
    let o = submit(
        &r,
        "000418110200010",
        "PTP",
        "PTP01",
        &[
            "--promise",
            "+1",
            "--party",
            "debtor",
            "--amount",
            "25000000",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = r.ok(&[MORNING, "today", "--format", "json"]);
    let day: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let tomorrow = day["promises_due_tomorrow"].as_array().unwrap();
    assert_eq!(tomorrow.len(), 1, "{day}");
    let p = &tomorrow[0];
    assert_eq!(p["account_no"], "000418110200010");
    assert_eq!(p["promise_date"], "2026-11-28");
    assert_eq!(p["name"], task["name"]);
    let number = |v: &serde_json::Value| -> deskcoll::domain::Money {
        match v {
            serde_json::Value::String(s) => s.parse().unwrap(),
            other => other.to_string().parse().unwrap(),
        }
    };
    assert_eq!(
        number(&p["promised_amount"]),
        deskcoll::domain::Money::from_units(25_000_000)
    );
    assert_eq!(
        number(&p["total_due"]),
        deskcoll::domain::Money::from_units(26_435_641)
    );
    // The table says the promise, not the total due.
    let table = stdout(&r.ok(&[MORNING, "today"]));
    assert!(table.contains("000418110200010 Rp 25.000.000"), "{table}");
}

#[test]
fn the_fourth_result_of_the_day_is_warned_about_and_recorded() {
    let r = Run::new();
    for n in 1..=4 {
        let o = submit(&r, "000319280100042", "NCT", "NCT01", &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        if n <= 3 {
            assert_eq!(stderr(&o), "", "result {n} is within the limit");
        } else {
            assert_eq!(
                stderr(&o),
                "deskcoll: warning: 000319280100042 has 3 results today, at the limit of 3 a day (calling.max_contacts_per_day); recorded anyway\n"
            );
        }
    }
    let items = outbox_items(&r);
    assert_eq!(items.len(), 4);
    assert!(items.iter().all(|i| i["state"] == "delivered"));

    // A batch counts its own earlier rows too, and warns row by row.
    let csv = r.home.path().join("more.csv");
    std::fs::write(
        &csv,
        "account,action,result,promise,period,remark\n\
         000418110200010,NCT,NCT01,,,a\n\
         000418110200010,NCT,NCT02,,,b\n\
         000418110200010,ZZZ,,,,refused rows do not count\n\
         000418110200010,NCT,NCT01,,,c\n\
         000418110200010,NCT,NCT01,,,d\n\
         000319280100042,MSG,,,,e\n",
    )
    .unwrap();
    let o = r.run(&[MORNING, "submit", "--batch", csv.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "one row is invalid\n{}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert_eq!(
        err,
        "deskcoll: warning: row 6: 000418110200010 has 3 results today, at the limit of 3 a day (calling.max_contacts_per_day); recorded anyway\n\
         deskcoll: warning: row 7: 000319280100042 has 4 results today, over the limit of 3 a day (calling.max_contacts_per_day); recorded anyway\n"
    );
    assert!(
        stdout(&o).contains("row 4: invalid: action_code: 'ZZZ' is not in the code list"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("6 rows: 5 delivered, 0 not delivered, 1 invalid"));
    assert_eq!(outbox_items(&r).len(), 9);

    // The outbox's decisions follow the same table: a delivered result is settled already.
    let o = r.run(&[MORNING, "outbox", "resolve", "1", "--delivered"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "deskcoll: error: result 1 is delivered: --delivered applies only to uncertain, or rejected with 90\n"
    );
    let o = r.run(&[MORNING, "outbox", "resolve", "1", "--resend"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--resend applies only to queued, rejected or uncertain"));
}

/// `deskcoll serve` in the background, and commands pointed at it.
struct Served {
    _child: common::Guard,
    url: String,
}

impl Served {
    fn start(r: &Run) -> Served {
        Served::start_with(r, &[])
    }

    /// With more `serve` flags (faults).
    fn start_with(r: &Run, extra: &[&str]) -> Served {
        let (child, first) = common::spawn_for_first_line(
            &mut r.cmd(&[&[MORNING, "serve", "--addr", "127.0.0.1:0"][..], extra].concat()),
            std::time::Duration::from_secs(20),
        );
        Served {
            _child: child,
            url: common::served_url(&first),
        }
    }

    fn cmd(&self, r: &Run, args: &[&str]) -> Command {
        let mut c = r.cmd(&[&[MORNING][..], args].concat());
        c.env("DESKCOLL_BASE_URL", &self.url)
            .env("DESKCOLL_USER", "SERVICEMNC")
            .env("DESKCOLL_PASSWORD", "Mnc%^21")
            .env("DESKCOLL_HASH_KEY", "8de3ef10fec04f05adb8631f9186a437")
            .env("DESKCOLL_AGENT_ID", "A1");
        c
    }

    /// What the twin was sent, as it received it.
    fn received(&self) -> Vec<serde_json::Value> {
        serde_json::from_slice(&http_get(&format!("{}/__twin/collections", self.url))).unwrap()
    }
}

/// A plain HTTP/1.0 GET on loopback (no client library in the binary's tests), with the
/// twin's Basic auth (its inspection routes refuse without).
fn http_get(url: &str) -> Vec<u8> {
    use base64::Engine;
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut s = std::net::TcpStream::connect(host).unwrap();
    let auth = base64::engine::general_purpose::STANDARD.encode("SERVICEMNC:Mnc%^21");
    write!(
        s,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nAuthorization: Basic {auth}\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let at = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    all.split_off(at)
}

#[test]
fn submit_defaults_the_period_and_name_from_the_task_and_survives_no_task_list() {
    let r = Run::new();
    let served = Served::start(&r);
    let o = served
        .cmd(&r, &["tasks", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let task = &tasks[0];
    let account = task["contract_no"].as_str().unwrap();
    let next: u32 = task["lastpaid_tenor"]
        .as_str()
        .unwrap()
        .parse::<u32>()
        .unwrap()
        + 1;

    let o = served
        .cmd(
            &r,
            &[
                "submit",
                "--account",
                account,
                "--action",
                "NCT",
                "--result",
                "NCT01",
                "--remark",
                "tidak diangkat",
            ],
        )
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let got = served.received();
    assert_eq!(got.len(), 1, "{got:?}");
    let body = serde_json::to_string(&got[0]).unwrap();
    assert!(
        body.contains(&format!("\"period\":\"{next}\"")),
        "the next installment ({next}) by default: {body}"
    );
    assert!(
        body.contains(&format!("\"cust_name\":{}", task["name"])),
        "the task's name by default: {body}"
    );

    // No task list: one warning, and the result still goes (period 0, nothing to check it by).
    let o = served
        .cmd(
            &r,
            &[
                "submit",
                "--account",
                account,
                "--action",
                "MSG",
                "--remark",
                "titip pesan",
            ],
        )
        .env("DESKCOLL_TASKS_URL", format!("{}/no-such-list", served.url))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("deskcoll: warning: no task list ("),
        "{err}"
    );
    let got = served.received();
    assert_eq!(got.len(), 2);
    assert!(
        serde_json::to_string(&got[1])
            .unwrap()
            .contains("\"period\":\"0\"")
    );
}

#[test]
fn a_bad_key_binding_stops_the_workstation_with_its_line() {
    let r = Run::new();
    let config = r.home.path().join("deskcoll.toml");
    std::fs::write(&config, "[keys]\nquit = \"ctrl-q\"\nsort = \"j\"\n").unwrap();
    // Private, as a config file should be (one open to others is warned about, a line more).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = r.run(&["--config", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("line 3") && err.contains("sort") && err.contains("move_down"),
        "{err}"
    );

    std::fs::write(&config, "[keys]\nqiut = \"q\"\n").unwrap();
    let o = r.run(&["--config", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("line 2") && stderr(&o).contains("qiut"),
        "{}",
        stderr(&o)
    );
}

// ---- issue 12: the CLI agrees with the workstation, and says things once ----

/// 000318270200055 is 4 days past due on the fixed morning (2026-11-27); a promise for 24
/// November recorded a week before makes it a broken promise by the local history.
fn with_a_broken_promise(r: &Run) {
    let o = r.run(&[
        "--now=2026-11-20T02:00:00Z",
        "submit",
        "--account",
        "000318270200055",
        "--action",
        "PTP",
        "--result",
        "PTP01",
        "--promise",
        "2026-11-24",
        "--remark",
        "janji bayar",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

fn json_tasks(r: &Run, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec![MORNING, "tasks", "--format", "json"];
    args.extend_from_slice(extra);
    let o = r.run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn contracts(tasks: &[serde_json::Value]) -> Vec<String> {
    tasks
        .iter()
        .map(|t| t["contract_no"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn tasks_come_in_the_workstations_order_with_bucket_and_days_past_due() {
    use deskcoll::domain::bucket::Bucket;
    use deskcoll::domain::order::{SortMode, Urgency, sort};
    let r = Run::new();
    with_a_broken_promise(&r);
    let json = json_tasks(&r, &[]);
    assert_eq!(json.len(), 100);
    let today: chrono::NaiveDate = "2026-11-27".parse().unwrap();
    let tasks: Vec<deskcoll::domain::Task> = json
        .iter()
        .map(|v| serde_json::from_value(v.clone()).unwrap())
        .collect();
    let bucket_of = |i: usize| {
        Bucket::ALL
            .into_iter()
            .find(|b| b.wire_name() == json[i]["bucket"])
            .unwrap_or_else(|| panic!("bucket {}", json[i]["bucket"]))
    };
    for (i, (t, v)) in tasks.iter().zip(&json).enumerate() {
        // Every server field is still there, as the server wrote it.
        assert!(
            v["overdue"].is_string() && v["total_amount"].is_string(),
            "{v}"
        );
        assert_eq!(v["days_overdue"], t.days_past_due(today), "{v}");
        // The real query sends no due date for a contract with nothing paid yet (its left
        // join finds no ledger row): the twin's book has some.
        if let Some(due) = t.due_date {
            assert_eq!(v["days_overdue"], (today - due).num_days().max(0));
        }
        let expected = if t.contract_no == "000318270200055" {
            Bucket::BrokenPromise
        } else {
            Bucket::classify(t.overdue, false)
        };
        assert_eq!(bucket_of(i), expected, "{}", t.contract_no);
    }
    let broken = &json[contracts(&json)
        .iter()
        .position(|c| c == "000318270200055")
        .unwrap()];
    assert_eq!(broken["bucket"], "broken_promise");
    assert_eq!(broken["overdue"], "5", "the server's own figure, untouched");
    assert_eq!(broken["days_overdue"], 4);

    // The printed order is the workstation's: its sort leaves it as it is.
    for (mode, args) in [
        (SortMode::Priority, vec![]),
        (SortMode::TotalDue, vec!["--sort", "total"]),
        (SortMode::DaysOverdue, vec!["--sort", "overdue"]),
        (SortMode::Osar, vec!["--sort", "osar"]),
        (SortMode::Name, vec!["--sort", "name"]),
    ] {
        let listed = if args.is_empty() {
            json.clone()
        } else {
            json_tasks(&r, &args)
        };
        let tasks: Vec<deskcoll::domain::Task> = listed
            .iter()
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .collect();
        let bucket_of = |i: usize| {
            Bucket::ALL
                .into_iter()
                .find(|b| b.wire_name() == listed[i]["bucket"])
                .unwrap()
        };
        let mut view: Vec<usize> = (0..tasks.len()).collect();
        sort(&mut view, &tasks, mode, false, bucket_of, |i| {
            Urgency::of(listed[i]["closes_in_minutes"].as_i64(), 90)
        });
        assert_eq!(
            view,
            (0..tasks.len()).collect::<Vec<_>>(),
            "--sort {}",
            mode.arg_name()
        );
        let mut reversed = contracts(&listed);
        reversed.reverse();
        let mut args = args.clone();
        args.push("--reverse");
        assert_eq!(contracts(&json_tasks(&r, &args)), reversed, "{args:?}");
    }
    // Broken promises first: the local one among them.
    assert!(json[..4].iter().all(|t| t["bucket"] == "broken_promise"));
    assert!(contracts(&json[..4]).contains(&"000318270200055".to_string()));

    // CSV and the table say the same, in the same order.
    let o = r.ok(&[MORNING, "tasks", "--format", "csv"]);
    let csv = stdout(&o);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let header: Vec<&str> = headers.iter().collect();
    assert_eq!(
        header[header.len() - 3..],
        ["bucket", "days_overdue", "closes_in_minutes"],
        "appended after the original columns"
    );
    assert_eq!(header[..3], ["contract_no", "name", "overdue"]);
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.len());
    for (row, v) in rows.iter().zip(&json) {
        assert_eq!(row[0], *v["contract_no"].as_str().unwrap());
        assert_eq!(row[2], *v["overdue"].as_str().unwrap());
        assert_eq!(row[15], *v["bucket"].as_str().unwrap());
        assert_eq!(row[16], v["days_overdue"].to_string());
    }

    let o = r.ok(&[MORNING, "tasks"]);
    let table = stdout(&o);
    let mut lines = table.lines();
    let head = lines.next().unwrap();
    assert!(head.trim_start().starts_with("BUCKET"), "{head}");
    let body: Vec<&str> = lines.filter(|l| l.contains(" 000")).collect();
    assert_eq!(body.len(), json.len());
    for (line, v) in body.iter().zip(&json) {
        let b = Bucket::ALL
            .into_iter()
            .find(|b| b.wire_name() == v["bucket"])
            .unwrap();
        assert!(line.trim_start().starts_with(b.label()), "{line}");
        assert!(line.contains(v["contract_no"].as_str().unwrap()), "{line}");
        let days = v["days_overdue"].as_i64().unwrap();
        // "" for a contract with nothing paid yet, as the real query sends it.
        let due = v["dueDate_Installment"].as_str().unwrap();
        let due: chrono::NaiveDate = due.parse().unwrap_or(today);
        let shown = if due > today {
            let n = (due - today).num_days();
            format!("due in {n} day{}", if n == 1 { "" } else { "s" })
        } else {
            format!(" {days} ")
        };
        assert!(line.contains(&shown), "{shown:?} in {line}");
    }
}

#[test]
fn every_json_output_ends_with_a_newline() {
    let r = Run::new();
    with_a_broken_promise(&r);
    for args in [
        &["tasks", "--format", "json"][..],
        &["tasks", "--callable", "--format", "json"],
        &["today", "--format", "json"],
        &["callbacks", "--format", "json"],
        &["audit", "--format", "json"],
        &["outbox", "list", "--format", "json"],
        &["termin", "--format", "json"],
        &["termin", "--all", "--format", "json"],
        &["termin", "--status", "Selesai,Dikirim", "--format", "json"],
        &["termin", "--all", "--summary", "--format", "json"],
    ] {
        let o = r.run(&[&[MORNING][..], args].concat());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(
            text.ends_with("}\n") || text.ends_with("]\n"),
            "{args:?}: {text:?}"
        );
        assert!(!text.ends_with("\n\n"), "{args:?}");
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
    // `today`'s broken promises are objects, the local one among them.
    let o = r.ok(&[MORNING, "today", "--format", "json"]);
    let day: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let broken = day["broken_promises"].as_array().unwrap();
    assert!(broken.iter().any(|b| b["account_no"] == "000318270200055"));
}

#[test]
fn a_termin_page_past_the_end_says_how_many_there_are() {
    let r = Run::new();
    for args in [
        &["termin", "--page", "7"][..],
        &["termin", "--page", "7", "--format", "json"],
        &["termin", "--page", "7", "--all", "--format", "csv"],
    ] {
        let o = r.run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", stdout(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("page 7 of 6"), "{err}");
    }
    let o = r.run(&["termin", "--page", "3", "--limit", "50"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("page 3 of 2"), "{}", stderr(&o));
    // The last page is still a page.
    let o = r.run(&["termin", "--page", "6"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("page 6 of 6, 57 transactions"));
}

#[test]
fn a_refused_input_is_one_line_naming_every_field() {
    let r = Run::new();
    let one_line = |args: &[&str], expected: &str| {
        let o = r.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!("deskcoll: error: {expected}\n"),
            "{args:?}"
        );
    };
    one_line(
        &[
            "submit", "--action", "NCT", "--result", "NCT01", "--remark", "x",
        ],
        "--account: required (see `deskcoll submit --help`)",
    );
    one_line(
        &["submit", "--action", "NCT"],
        "--account: required; --remark: required (see `deskcoll submit --help`)",
    );
    one_line(
        &["tasks", "--format", "xml"],
        "--format: 'xml' is not one of table, json, csv, xlsx (see `deskcoll tasks --help`)",
    );
    one_line(
        &["tasks", "--format=xml", "--sort", "size"],
        "--format: 'xml' is not one of table, json, csv, xlsx; \
         --sort: 'size' is not one of priority, overdue, total, osar, name \
         (see `deskcoll tasks --help`)",
    );
    one_line(
        &["today", "--format", "yaml", "--now", "tomorrow"],
        "--format: 'yaml' is not one of table, json, csv, xlsx; \
         --now: 'tomorrow' is not an RFC 3339 time (premature end of input); \
         e.g. 2026-11-27T09:30:00+07:00 (see `deskcoll today --help`)",
    );
    // Our own checks: every field at fault, one line.
    one_line(
        &[
            MORNING,
            "submit",
            "--account",
            "000318270200055",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "garbage",
            "--period",
            "999",
            "--remark",
            "x",
        ],
        "invalid result, nothing sent: promise_date: 'garbage' is not a date (use YYYY-MM-DD or +N days); \
         period: 999 is past the contract's 54 installments (1..54)",
    );
    // Help is still help.
    let o = r.run(&["tasks", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--sort"));
}

#[test]
fn cuti_bersama_is_said_in_the_window_note_or_closes_the_day() {
    let r = Run::new();
    // Friday 20 March 2026, 10:00 WIB: cuti bersama Idul Fitri.
    let now = "--now=2026-03-20T03:00:00Z";
    let o = r.run(&[now, "tasks", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let wib: Vec<&serde_json::Value> = tasks.iter().filter(|t| t["time_zone"] == "WIB").collect();
    assert!(!wib.is_empty());
    for t in &wib {
        assert_eq!(t["callable_now"], true);
        assert_eq!(
            t["window_note"],
            "until 20:00 WIB · cuti bersama (Idul Fitri)"
        );
    }
    let table = stdout(&r.run(&[now, "tasks"]));
    assert!(table.contains("yes · cuti bersama (Idul Fitri)"), "{table}");

    let config = r.home.path().join("block.toml");
    std::fs::write(&config, "[calling]\ncuti_bersama = \"block\"\n").unwrap();
    let o = r.run(&[
        "--config",
        config.to_str().unwrap(),
        now,
        "tasks",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(tasks.iter().all(|t| t["callable_now"] == false));
    let note = tasks[0]["window_note"].as_str().unwrap();
    assert!(
        note.starts_with("cuti bersama (Idul Fitri); opens Wed 08:00"),
        "{note}"
    );

    std::fs::write(&config, "[calling]\ncuti_bersama = \"allow\"\n").unwrap();
    let o = r.ok(&[
        "--config",
        config.to_str().unwrap(),
        now,
        "tasks",
        "--format",
        "json",
    ]);
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let t = tasks.iter().find(|t| t["time_zone"] == "WIB").unwrap();
    assert_eq!(t["window_note"], "until 20:00 WIB");
}

/// `deskcoll` in a chosen language, the rest as `Run::cmd`.
fn in_lang(r: &Run, lang: &str, args: &[&str]) -> Output {
    r.cmd(args).env("DESKCOLL_LANG", lang).output().unwrap()
}

#[test]
fn indonesian_words_and_contracts_that_never_change() {
    let r = Run::new();
    let now = "--now=2026-11-27T12:30:00Z";
    // JSON and CSV are the same bytes in either language: keys, values, headers.
    for args in [
        ["tasks", "--format", "json", now],
        ["tasks", "--format", "csv", now],
        ["today", "--format", "json", now],
        ["today", "--format", "csv", now],
        ["callbacks", "--format", "json", now],
    ] {
        let en = in_lang(&r, "en", &args);
        let id = in_lang(&r, "id", &args);
        assert!(en.status.success() && id.status.success(), "{args:?}");
        assert_eq!(stdout(&en), stdout(&id), "{args:?}");
    }
    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&in_lang(&r, "id", &["tasks", "--format", "json", now]).stdout)
            .unwrap();
    assert!(
        json.iter().any(|t| t["window_note"]
            .as_str()
            .unwrap()
            .starts_with("too late; opens")),
        "window_note stays English"
    );
    // The table speaks Indonesian.
    let table = stdout(&in_lang(&r, "id", &["tasks", now]));
    assert!(
        table.contains("KONTRAK") && table.contains("TOTAL TAGIHAN"),
        "{table}"
    );
    assert!(table.contains("terlalu malam; buka Sab 08.00"), "{table}");
    assert!(
        table.contains("tugas") && !table.contains(" tasks"),
        "{table}"
    );
    let today = stdout(&in_lang(&r, "id", &["today", now]));
    assert!(today.starts_with("Hari ini, Jum, 27 Nov 2026"), "{today}");
    // Errors too, and a refused command line.
    let o = in_lang(&r, "id", &["tasks", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "deskcoll: kesalahan: --format: 'xml' bukan salah satu dari table, json, csv, xlsx (lihat `deskcoll tasks --help`)\n"
    );
    let o = in_lang(
        &r,
        "id",
        &[
            "submit",
            "--account",
            "000318270200055",
            "--action",
            "XYZ",
            "--remark",
            "x",
            now,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "hasil tidak sah, tidak ada yang dikirim: action_code: 'XYZ' tidak ada di daftar kode"
        ),
        "{}",
        stderr(&o)
    );
    // ui.language decides when DESKCOLL_LANG is not set; the locale when neither is.
    let config = r.home.path().join("lang.toml");
    std::fs::write(&config, "[ui]\nlanguage = \"id\"\n").unwrap();
    let o = r
        .cmd(&["--config", config.to_str().unwrap(), "tasks", now])
        .env_remove("DESKCOLL_LANG")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("KONTRAK"), "{}", stderr(&o));
    let o = r
        .cmd(&["tasks", now])
        .env_remove("DESKCOLL_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "id_ID.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("KONTRAK"), "{}", stderr(&o));
}

#[test]
fn tasks_cached_prints_the_saved_list_in_every_format_without_a_server() {
    let r = Run::new();
    let now = ["--now", "2026-11-27T10:00:00+07:00"];
    let with =
        |args: &[&str]| -> Vec<String> { now.iter().chain(args).map(|s| s.to_string()).collect() };
    let run = |args: &[&str]| r.run(&with(args).iter().map(String::as_str).collect::<Vec<_>>());

    // Nothing saved yet: exit 1 with one line saying why.
    let o = run(&["tasks", "--cached"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no saved task list"), "{err}");

    // A successful read keeps the list, 0600 in the data folder; --cached prints the same.
    for format in ["json", "csv"] {
        let fresh = run(&["tasks", "--format", format]);
        assert!(fresh.status.success(), "{}", stderr(&fresh));
        let cached = run(&["tasks", "--cached", "--format", format]);
        assert!(cached.status.success(), "{}", stderr(&cached));
        assert_eq!(stdout(&cached), stdout(&fresh), "{format}");
    }
    let data = r.home.path().join("data").join("deskcoll");
    let saved: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("task-list-"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The next morning, the same list: days overdue are still the list's day's, as its
    // penalty and total due are.
    let days = |args: &[&str]| -> Vec<serde_json::Value> {
        let o = r.run(args);
        assert!(o.status.success(), "{}", stderr(&o));
        let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        tasks.iter().map(|t| t["days_overdue"].clone()).collect()
    };
    let friday = days(
        &with(&["tasks", "--cached", "--format", "json"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let saturday = days(&[
        "--now",
        "2026-11-28T08:05:00+07:00",
        "tasks",
        "--cached",
        "--format",
        "json",
    ]);
    assert!(friday.iter().any(|d| d.as_i64() > Some(0)), "{friday:?}");
    assert_eq!(saturday, friday, "counted to the list's day");

    // The table says when the list was read.
    let table = run(&["tasks", "--cached"]);
    assert!(table.status.success(), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(text.contains("100 tasks"), "{text}");
    assert!(text.contains("saved list read 2026-11-27 10:00"), "{text}");

    // And in Indonesian.
    let o = r
        .cmd(
            &with(&["tasks", "--cached"])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
        .env("DESKCOLL_LANG", "id")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("daftar tersimpan dibaca 2026-11-27 10:00"));
}

#[test]
fn tasks_cached_in_indonesian_says_there_is_none() {
    let r = Run::new();
    let o = r
        .cmd(&["tasks", "--cached"])
        .env("DESKCOLL_LANG", "id")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("belum ada daftar tugas tersimpan"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn tasks_cached_works_with_the_server_gone_and_is_kept_per_server() {
    let r = Run::new();
    let served = Served::start(&r);
    let fresh = served
        .cmd(&r, &["tasks", "--format", "json"])
        .output()
        .unwrap();
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let url = served.url.clone();
    drop(served);

    // The server is gone: the saved list, without a request.
    let cached = r
        .cmd(&[MORNING, "tasks", "--cached", "--format", "json"])
        .env("DESKCOLL_BASE_URL", &url)
        .output()
        .unwrap();
    assert!(cached.status.success(), "{}", stderr(&cached));
    assert_eq!(stdout(&cached), stdout(&fresh));
    // And the live read says it cannot reach it.
    let live = r
        .cmd(&[MORNING, "tasks", "--format", "json"])
        .env("DESKCOLL_BASE_URL", &url)
        .output()
        .unwrap();
    assert!(!live.status.success());

    // Another server, or the demo: not this list.
    let other = r
        .cmd(&[MORNING, "tasks", "--cached"])
        .env("DESKCOLL_BASE_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1), "{}", stderr(&other));
    assert!(stderr(&other).contains("no saved task list"));
    let demo = r.run(&[MORNING, "tasks", "--cached"]);
    assert_eq!(demo.status.code(), Some(1), "{}", stderr(&demo));
}

// ---- who answered, and the receipts of lawful contact ----

#[test]
fn a_promise_with_anyone_but_the_debtor_is_refused_and_nothing_is_saved() {
    let r = Run::new();
    let o = submit(
        &r,
        "000418110200010",
        "PTP",
        "PTP01",
        &["--promise", "+2", "--party", "spouse"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "deskcoll: error: invalid result, nothing sent: party: PTP01 may only be recorded with \
         the debtor or a co-debtor, not spouse (POJK 22/2023 art. 62(2))\n"
    );
    let o = submit(
        &r,
        "000418110200010",
        "NCT",
        "NCT01",
        &["--party", "debtor"],
    );
    refused_saying(&o, "party: NCT01 means the party is nobody");
    let o = submit(&r, "000418110200010", "MSG", "", &["--party", "neighbour"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(outbox_items(&r).is_empty(), "nothing was saved");
}

#[test]
fn a_promise_with_no_party_said_is_recorded_unknown_with_one_warning_line() {
    let r = Run::new();
    let task = task_of(&r, "000418110200010");
    let o = submit(&r, "000418110200010", "PTP", "PTP01", &["--promise", "+2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("PTP01 is for the debtor or a co-debtor only; recorded with party unknown"),
        "{err}"
    );
    let o = submit(
        &r,
        "000418110200010",
        "PTP",
        "PTP02",
        &[
            "--promise",
            "+3",
            "--party",
            "co_debtor",
            "--amount",
            "1.000.000",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "a named party is not warned about");
    let o = submit(&r, "000418110200010", "NCT", "NCT04", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let items = outbox_items(&r);
    let parties: Vec<&str> = items.iter().map(|i| i["party"].as_str().unwrap()).collect();
    assert_eq!(parties, ["unknown", "co_debtor", "third_party"]);
    let owed: deskcoll::domain::Money = task["total_amount"].as_str().unwrap().parse().unwrap();
    assert_eq!(items[0]["promised_amount"], owed.plain(), "the total due");
    assert_eq!(items[1]["promised_amount"], "1000000");
    assert_eq!(items[2]["promised_amount"], serde_json::Value::Null);
}

#[test]
fn a_batch_reads_the_party_column_and_refuses_a_promise_from_a_spouse() {
    let r = Run::new();
    let csv = r.home.path().join("results.csv");
    std::fs::write(
        &csv,
        "account,action,result,promise,remark,party\n\
         000318270200055,PTP,PTP01,+2,janji bayar,spouse\n\
         000418110200010,PTP,PTP01,+2,janji bayar,debtor\n\
         000319280100042,NCT,NCT01,,tidak diangkat,\n",
    )
    .unwrap();
    let o = r.run(&[MORNING, "submit", "--batch", csv.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(2), "{out}");
    assert!(
        out.contains("row 2: invalid: party: PTP01 may only be recorded with the debtor or a co-debtor, not spouse"),
        "{out}"
    );
    assert!(
        out.contains("3 rows: 2 delivered, 0 not delivered, 1 invalid"),
        "{out}"
    );
    let parties: Vec<String> = outbox_items(&r)
        .iter()
        .map(|i| i["party"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(parties, ["debtor", "nobody"]);
}

#[test]
fn audit_exports_a_receipt_per_result_and_verify_names_the_edited_one() {
    let r = Run::new();
    let outbox = r.home.path().join("outbox.sqlite3");
    let with_outbox = |args: &[&str]| {
        r.cmd(args)
            .env("DESKCOLL_OUTBOX", &outbox)
            .output()
            .unwrap()
    };
    for (action, result, party) in [
        ("NCT", "NCT01", ""),
        ("MSG", "", "spouse"),
        ("CTC", "CTC02", "debtor"),
    ] {
        let o = with_outbox(&[
            MORNING,
            "submit",
            "--account",
            "000418110200010",
            "--action",
            action,
            "--result",
            result,
            "--remark",
            "catatan",
            "--party",
            party,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let o = with_outbox(&[MORNING, "audit", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let receipts: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(receipts.len(), 3);
    let first = &receipts[0];
    // 02:00 UTC is 10:00 for this customer (WITA): inside the window.
    assert_eq!(first["account_no"], "000418110200010");
    assert_eq!(first["action_code"], "NCT");
    assert_eq!(first["result_code"], "NCT01");
    assert_eq!(first["party"], "nobody");
    assert_eq!(first["window_state"], "open");
    assert_eq!(first["consent"], false);
    assert_eq!(first["contacts_that_day"], 1);
    assert_eq!(receipts[2]["contacts_that_day"], 3, "this one included");
    assert_eq!(
        first["rules_version"],
        deskcoll::domain::receipt::RULES_VERSION
    );
    assert_eq!(first["prev_sha256"], deskcoll::domain::receipt::GENESIS);
    assert_eq!(receipts[1]["prev_sha256"], first["sha256"]);
    assert_eq!(receipts[2]["prev_sha256"], receipts[1]["sha256"]);
    for key in [
        "zone",
        "zone_source",
        "local_time",
        "consent_reason",
        "holidays_sha256",
        "call_time",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }

    let o = with_outbox(&[MORNING, "audit", "--from", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "result_id,seq,account_no,action_code,result_code,call_time,promise_date,amount,party,\
         zone,zone_source,local_time,window_state,consent,consent_reason,contacts_that_day,\
         rules_version,rules_sha256,rules_source,holidays_sha256,clock,app_version,tag,\
         body_sha256,corrects,prev_sha256,sha256,legacy\n",
        "a day with no calls: the header alone"
    );
    let o = with_outbox(&[MORNING, "audit", "--to", "2026-11-27"]);
    assert_eq!(stdout(&o).lines().count(), 4, "{}", stdout(&o));

    let o = with_outbox(&["audit", "--verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "3 receipts checked: the chain holds\n");

    // One byte of the second receipt changed on disk.
    {
        let db = rusqlite::Connection::open(&outbox).unwrap();
        let body: String = db
            .query_row("SELECT body FROM receipts WHERE result_id = 2", [], |r| {
                r.get(0)
            })
            .unwrap();
        let edited = body.replacen("\"contacts_that_day\":2", "\"contacts_that_day\":1", 1);
        assert_ne!(body, edited);
        db.execute(
            "UPDATE receipts SET body = ?1 WHERE result_id = 2",
            [edited],
        )
        .unwrap();
    }
    let o = with_outbox(&["audit", "--verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        "deskcoll: error: receipt of result 2 (record 2 of the chain): it does not match its hash (edited)\n"
    );
}

#[test]
fn a_call_after_hours_with_consent_keeps_closed_and_the_consent_in_its_receipt() {
    let r = Run::new();
    // 13:30 UTC is 21:30 for this customer (WITA): the window has closed.
    let evening = "--now=2026-11-27T13:30:00Z";
    let base = [
        evening,
        "submit",
        "--account",
        "000418110200010",
        "--action",
        "CTC",
        "--result",
        "CTC02",
        "--remark",
        "nego",
        "--party",
        "debtor",
    ];
    // Without the consumer's consent it is refused, and nothing is saved.
    let o = r.run(&base);
    refused_saying(
        &o,
        "consent: the call is outside the customer's calling window",
    );
    let o = r.ok(&[evening, "outbox", "list", "--format", "json"]);
    assert_eq!(stdout(&o).trim(), "[]");
    let mut with_consent = base.to_vec();
    with_consent.extend(["--consent", "minta ditelepon setelah jam kerja"]);
    let o = r.run(&with_consent);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = r.ok(&[evening, "audit", "--format", "json"]);
    let receipts: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0]["window_state"], "closed");
    assert_eq!(receipts[0]["zone"], "WITA");
    assert_eq!(receipts[0]["local_time"], "2026-11-27T21:30:00+08:00");
    assert_eq!(receipts[0]["consent"], true);
    assert_eq!(
        receipts[0]["consent_reason"],
        "minta ditelepon setelah jam kerja"
    );
    assert_eq!(receipts[0]["contacts_that_day"], 1);
}

/// Each account's callback at `now` as `callbacks --format json` lists it: (account, status).
fn callbacks_at(r: &Run, now: &str) -> Vec<(String, String)> {
    let o = r.ok(&[now, "callbacks", "--format", "json"]);
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    listed
        .iter()
        .map(|c| {
            (
                c["account_no"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_callback_goes_pending_due_done_and_another_is_missed_when_its_window_closes() {
    let r = Run::new();
    // Friday 10:00 WIB. 000922171041844 (PT MANDIRI MANDIRI) lives in WIT, two hours ahead;
    // 000319280100042 (PUTRA SIMEULUE CUTT) in WIB.
    let ten = "--now=2026-11-27T10:00:00+07:00";
    let mandiri = "000922171041844";
    let simeulue = "000319280100042";
    for (account, at) in [(mandiri, "2026-11-27 16:00"), (simeulue, "19:30")] {
        let o = r.run(&[
            ten,
            "submit",
            "--account",
            account,
            "--action",
            "NCT",
            "--result",
            "NCT01",
            "--remark",
            "minta ditelepon lagi",
            "--callback",
            at,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let o = r.ok(&[ten, "callbacks", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        listed[0],
        serde_json::json!({
            "account_no": mandiri,
            "name": "PT MANDIRI MANDIRI",
            "due_local": "2026-11-27 16:00 WIT",
            "time_zone": "WIT",
            "due_utc": "2026-11-27T07:00:00+00:00",
            "status": "pending"
        })
    );
    assert_eq!(listed[1]["due_local"], "2026-11-27 19:30 WIB");
    let both = |a: &str, b: &str| {
        vec![
            (mandiri.to_string(), a.to_string()),
            (simeulue.to_string(), b.to_string()),
        ]
    };
    assert_eq!(callbacks_at(&r, ten), both("pending", "pending"));
    // 13:59 WIB is 15:59 WIT; 14:00 WIB is 16:00 WIT.
    assert_eq!(
        callbacks_at(&r, "--now=2026-11-27T13:59:00+07:00"),
        both("pending", "pending")
    );
    let four_wit = "--now=2026-11-27T14:00:00+07:00";
    assert_eq!(callbacks_at(&r, four_wit), both("due", "pending"));
    let o = r.ok(&[four_wit, "callbacks"]);
    let table = stdout(&o);
    let line = table.lines().find(|l| l.contains(mandiri)).unwrap();
    assert!(
        line.trim_start().starts_with("16:00 WIT (14:00 WIB)")
            && line.trim_end().ends_with("due now"),
        "the customer's time and the agent's: {table}"
    );
    let o = in_lang(&r, "id", &[four_wit, "callbacks"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("JADWAL") && stdout(&o).contains("16.00 WIT"));
    assert!(stdout(&o).contains("waktunya"), "{}", stdout(&o));

    // The agent calls back at 16:05 WIT: done.
    let o = r.run(&[
        "--now=2026-11-27T14:05:00+07:00",
        "submit",
        "--account",
        mandiri,
        "--action",
        "NCT",
        "--result",
        "NCT01",
        "--remark",
        "ditelepon kembali",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        callbacks_at(&r, "--now=2026-11-27T19:59:00+07:00"),
        both("done", "due")
    );
    // Nobody called PUTRA SIMEULUE CUTT back before 20:00 WIB closed the window.
    assert_eq!(
        callbacks_at(&r, "--now=2026-11-27T20:00:00+07:00"),
        both("done", "missed")
    );
}

#[test]
fn no_callbacks_is_an_empty_list_and_says_so() {
    let r = Run::new();
    let o = r.ok(&[MORNING, "callbacks", "--format", "json"]);
    assert_eq!(stdout(&o), "[]\n");
    let o = r.ok(&[MORNING, "callbacks"]);
    assert_eq!(stdout(&o), "no callbacks recorded\n");
    let o = r.run(&[MORNING, "callbacks", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2), "only table and json");
}

// ---- `deskcoll today`: the agent's figures and the promises' verdicts ----

/// `today --format json` at `now`, which must succeed.
fn today_json(r: &Run, now: &str) -> serde_json::Value {
    let o = r.ok(&[now, "today", "--format", "json"]);
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn today_json_has_the_agents_figures_and_judges_promises_on_the_lists_read() {
    let r = Run::new();
    let submit_at = |now: &str, args: &[&str]| {
        let o = r.run(&[&[now, "submit", "--remark", "catatan"][..], args].concat());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    };
    // 20 October: a promise of 000318270200055's debtor to pay by the 26th. The twin's list
    // shows this account's last payment 32 days before the day it is read.
    let october = "--now=2026-10-20T09:00:00+07:00";
    submit_at(
        october,
        &[
            "--account",
            "000318270200055",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "2026-10-26",
            "--party",
            "debtor",
            "--amount",
            "500000",
        ],
    );
    // 24 November, 09:00: the first list read since (by the next submit) shows a payment on
    // 23 October: kept. Then two promises, a call nobody answered, and a message left with
    // the debtor's wife, to call back in an hour.
    let morning = "--now=2026-11-24T09:00:00+07:00";
    submit_at(
        morning,
        &[
            "--account",
            "000319280100042",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "2026-11-25",
            "--party",
            "debtor",
            "--amount",
            "1000000",
        ],
    );
    // Not in the list: no list will ever show it.
    submit_at(
        morning,
        &[
            "--account",
            "000100000000009",
            "--action",
            "PTP",
            "--result",
            "PTP01",
            "--promise",
            "2026-11-25",
            "--party",
            "co_debtor",
            "--amount",
            "250000",
        ],
    );
    submit_at(
        morning,
        &[
            "--account",
            "000418110200010",
            "--action",
            "NCT",
            "--result",
            "NCT01",
        ],
    );
    submit_at(
        morning,
        &[
            "--account",
            "000418110200010",
            "--action",
            "MSG",
            "--party",
            "spouse",
            "--callback",
            "+1h",
        ],
    );

    let day = today_json(&r, morning);
    for key in [
        "date",
        "calls",
        "rpc",
        "rpc_rate",
        "rpc_ptp",
        "ptp_rate",
        "promised_amount",
        "promises_kept",
        "promises_broken",
        "promises_unknown",
        "promises_pending",
        "promise_grace_days",
        "kept_rate",
        "callbacks_due",
        "calls_by_hour",
        "by_action",
        "ptp_count",
        "ptp_total_due",
        "delivered",
        "waiting",
        "rejected",
        "uncertain",
        "promises_due_today",
        "promises_due_tomorrow",
        "broken_promises",
    ] {
        assert!(day.get(key).is_some(), "{key}: {day}");
    }
    assert_eq!(day["date"], "2026-11-24");
    assert_eq!(day["calls"], 4);
    assert_eq!(day["rpc"], 2, "the debtor and the co-debtor");
    assert_eq!(day["rpc_rate"], 0.5);
    assert_eq!(day["rpc_ptp"], 2);
    assert_eq!(day["ptp_rate"], 1.0);
    assert_eq!(
        day["promised_amount"], "1250000",
        "a plain number, as ptp_total_due"
    );
    assert_eq!(day["promises_kept"], 1);
    assert_eq!(day["promises_broken"], 0);
    assert_eq!(day["promises_unknown"], 0);
    assert_eq!(day["promises_pending"], 2);
    assert_eq!(day["promise_grace_days"], 1);
    assert_eq!(day["kept_rate"], 1.0);
    assert_eq!(day["callbacks_due"], 0, "not yet");
    let by_hour = day["calls_by_hour"].as_array().unwrap();
    assert_eq!(by_hour.len(), 24);
    assert_eq!(by_hour[9], 4);

    // 10:30: the callback is due, and nothing has been recorded for the account since.
    let day = today_json(&r, "--now=2026-11-24T10:30:00+07:00");
    assert_eq!(day["callbacks_due"], 1);

    // 27 November: 000319280100042's promise (by the 25th, plus a day's grace) is broken:
    // the list read now shows it still overdue, last paid before the call. The account that
    // never was in a list is unknown, never kept. No calls today: no rates.
    let day = today_json(&r, "--now=2026-11-27T09:00:00+07:00");
    assert_eq!(day["calls"], 0);
    assert!(
        day["rpc_rate"].is_null() && day["ptp_rate"].is_null(),
        "{day}"
    );
    assert_eq!(day["promised_amount"], "0");
    assert_eq!(
        [
            &day["promises_kept"],
            &day["promises_broken"],
            &day["promises_unknown"],
            &day["promises_pending"]
        ],
        [1, 1, 1, 0]
    );
    assert_eq!(day["kept_rate"], 0.5);
    assert_eq!(
        day["callbacks_due"], 0,
        "its window closed that evening: missed"
    );
    let broken = day["broken_promises"].as_array().unwrap();
    assert!(broken.iter().any(|b| b["account_no"] == "000319280100042"));

    // The table shows each figure with how it is computed; the CSV names them.
    let table = stdout(&r.ok(&["--now=2026-11-27T09:00:00+07:00", "today"]));
    assert!(table.contains("Kept rate"), "{table}");
    assert!(table.contains("1 ÷ (1 kept + 1 not kept)"), "{table}");
    let csv = stdout(&r.ok(&[
        "--now=2026-11-27T09:00:00+07:00",
        "today",
        "--format",
        "csv",
    ]));
    assert!(csv.contains("kept rate,0.5\n"), "{csv}");
    assert!(csv.contains("right-party rate,\n"), "no rate: empty: {csv}");

    // An outbox that cannot be opened: exit 1, nothing on stdout.
    let o = r
        .cmd(&[
            "--now=2026-11-27T09:00:00+07:00",
            "today",
            "--format",
            "json",
        ])
        .env("DESKCOLL_OUTBOX", r.home.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

/// The twin started apart with its seed credentials, a result sent to it with `extra` config.
fn served_twin(r: &Run, faults: &[&str]) -> (common::Guard, String) {
    let mut args = vec![
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--tasks",
        "7",
        "--contracts",
        "20",
    ];
    for f in faults {
        args.extend_from_slice(&["--fault", f]);
    }
    let (serve, first) =
        common::spawn_for_first_line(&mut r.cmd(&args), std::time::Duration::from_secs(20));
    (serve, common::served_url(&first))
}

fn against(r: &Run, url: &str, args: &[&str]) -> Output {
    let mut c = r.cmd(args);
    c.env("DESKCOLL_BASE_URL", url)
        .env("DESKCOLL_USER", "SERVICEMNC")
        .env("DESKCOLL_PASSWORD", "Mnc%^21")
        .env("DESKCOLL_HASH_KEY", "8de3ef10fec04f05adb8631f9186a437")
        .env("DESKCOLL_AGENT_ID", "A1");
    c.output().unwrap()
}

/// How many results the twin has stored for `account`.
fn stored_on_twin(url: &str, account: &str) -> usize {
    let body = http_get(&format!("{url}/__twin/collections"));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap();
    rows.iter()
        .filter(|r| r["stored"]["account_no"] == account)
        .count()
}

#[test]
fn a_result_refused_with_90_is_sent_again_only_with_a_yes_and_can_be_marked_delivered() {
    let r = Run::new();
    let (_twin, url) = served_twin(&r, &["stored-90=1"]);
    let tasks: Vec<serde_json::Value> =
        serde_json::from_slice(&against(&r, &url, &["tasks", "--format", "json"]).stdout).unwrap();
    let account = tasks[0]["contract_no"].as_str().unwrap().to_string();
    let o = against(
        &r,
        &url,
        &[
            "submit",
            "--account",
            &account,
            "--action",
            "MSG",
            "--party",
            "family",
            "--remark",
            "titip pesan",
        ],
    );
    assert_eq!(o.status.code(), Some(3), "refused: {}", stderr(&o));
    assert_eq!(stored_on_twin(&url, &account), 1, "stored although refused");

    // Without --yes: nothing is sent, exit 2, the reason said.
    let o = against(&r, &url, &["outbox", "resolve", "1", "--resend"]);
    refused_saying(&o, "result 1 was refused with 90");
    assert!(
        stderr(&o).contains("--resend needs --yes"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stored_on_twin(&url, &account), 1, "not sent again");

    // The agent checked the server: it is there. Marking it delivered needs the yes too.
    let o = against(&r, &url, &["outbox", "resolve", "1", "--delivered"]);
    refused_saying(&o, "--delivered needs --yes");
    let o = against(
        &r,
        &url,
        &["outbox", "resolve", "1", "--delivered", "--yes"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "result 1: marked delivered");
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(&against(&r, &url, &["outbox", "list", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(items[0]["state"], "delivered");
    assert_eq!(stored_on_twin(&url, &account), 1, "one copy, counted once");

    // A second one, sent again with the yes: said on stderr, refused again: exit 3.
    let o = against(
        &r,
        &url,
        &[
            "submit",
            "--account",
            &account,
            "--action",
            "MSG",
            "--party",
            "family",
            "--remark",
            "titip pesan",
        ],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let o = against(&r, &url, &["outbox", "resolve", "2", "--resend", "--yes"]);
    assert!(
        stderr(&o).contains("--resend as asked (--yes)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(3), "refused again: {}", stderr(&o));
    assert_eq!(
        stored_on_twin(&url, &account),
        3,
        "the agent's yes, counted"
    );
}

/// `deskcoll today`'s table lists a long list one item a line (never 25 accounts on one
/// line), and no line is padded to the widest.
#[test]
fn the_today_table_lists_long_lists_one_item_a_line() {
    let r = Run::new();
    with_a_broken_promise(&r);
    let day: serde_json::Value =
        serde_json::from_slice(&r.ok(&[MORNING, "today", "--format", "json"]).stdout).unwrap();
    let broken = day["broken_promises"].as_array().unwrap();
    assert!(broken.len() >= 2, "{day}");
    for lang in ["en", "id"] {
        let table = stdout(&in_lang(&r, lang, &[MORNING, "today"]));
        for b in broken {
            let account = b["account_no"].as_str().unwrap();
            let line = table.lines().find(|l| l.contains(account)).unwrap();
            let accounts = line
                .split_whitespace()
                .filter(|w| w.len() == 15 && w.chars().all(|c| c.is_ascii_digit()))
                .count();
            assert_eq!(accounts, 1, "one account a line: {line}");
        }
        for line in table.lines() {
            assert_eq!(line, line.trim_end(), "padded: {line:?}");
            assert!(line.chars().count() <= 120, "{line}");
        }
    }
}

#[test]
fn excel_csv_keeps_leading_zeros_and_writes_decimals_with_a_comma() {
    let r = Run::new();
    let o = r.ok(&[MORNING, "tasks", "--format", "csv", "--excel"]);
    assert!(
        o.stdout.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark first"
    );
    let text = String::from_utf8_lossy(&o.stdout[3..]).into_owned();
    let header: Vec<&str> = text.lines().next().unwrap().split(';').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("000418110200010"))
        .expect("the contract's row");
    let cells: Vec<&str> = row.split(';').collect();
    // The identifier stays text when opened: leading zeros and every digit.
    assert_eq!(
        cells[at("contract_no")],
        "\"=\"\"000418110200010\"\"\"",
        "{row}"
    );
    assert_eq!(cells[at("phone1")], "\"=\"\"0811349991\"\"\"", "{row}");
    assert_eq!(cells[at("total_amount")], "26435641", "{row}");
    // Money with cents gets a decimal comma: a number that Indonesian Excel's SUM counts.
    let termin = r.ok(&[MORNING, "termin", "--all", "--format", "csv", "--excel"]);
    let termin = String::from_utf8_lossy(&termin.stdout[3..]).into_owned();
    let header: Vec<&str> = termin.lines().next().unwrap().split(';').collect();
    let bill = header.iter().position(|h| *h == "bill_amount").unwrap();
    let bills: Vec<String> = termin
        .lines()
        .skip(1)
        .map(|l| l.split(';').nth(bill).unwrap_or_default().to_string())
        .collect();
    assert!(bills.iter().all(|b| !b.contains('.')), "{bills:?}");
    // Plain CSV is what scripts read: untouched.
    let plain = stdout(&r.ok(&[MORNING, "tasks", "--format", "csv"]));
    assert!(plain.contains("\n000418110200010,PUTRA"), "{plain}");
    assert!(plain.contains(",26435641,"), "{plain}");
}
