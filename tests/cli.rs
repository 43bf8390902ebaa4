//! The real binary, as a script would run it.

use std::io::{BufRead, BufReader};
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
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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

    let o = r.run(&["tasks", "--format", "csv"]);
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
    let ok = r.run(&[
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
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert_eq!(
        stdout(&ok).trim(),
        "00 Sukses Memasukan Data Dengan Account No : 000319280100042"
    );

    let invalid = r.run(&[
        "submit",
        "--account",
        "000319280100042",
        "--action",
        "PTP",
        "--result",
        "PTP01",
        "--remark",
        "x",
    ]);
    assert_eq!(invalid.status.code(), Some(2));
    assert!(stderr(&invalid).contains("promise_date: required for a promise to pay (PTP)"));

    let refused = r.run(&[
        "submit",
        "--account",
        "123",
        "--action",
        "NCT",
        "--result",
        "NCT01",
        "--remark",
        "x",
    ]);
    assert_eq!(refused.status.code(), Some(3));
    assert_eq!(
        stderr(&refused).trim(),
        "deskcoll: error: result 2: rejected: server refused (code 90): ERROR: Account No 123 does not exist"
    );

    // Both went through the outbox: one delivered, one kept as rejected with its reason.
    let listed = r.run(&["outbox", "list", "--format", "json"]);
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
    let o = r.run(&[
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
    let o = r.run(&["sign", "000319280100042"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no hash key"));
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
    assert!(stderr(&o).contains("cannot read config file /nonexistent/deskcoll.toml"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let r = Run::new();
    for cmd in ["tasks", "termin", "submit", "sign", "serve", "completions"] {
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
    let mut child = r
        .cmd(&[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--tasks",
            "7",
            "--contracts",
            "20",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .trim()
        .strip_prefix("deskcoll twin listening on ")
        .expect(&first)
        .to_string();

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
    child.kill().unwrap();
    child.wait().unwrap();
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
    assert_eq!(s["grand"]["bill_amount"], bill_sum.to_string());

    let o = r.run(&["termin", "--all", "--summary"]);
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

    let o = r.run(&[now, "tasks", "--callable", "--format", "json"]);
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
        ],
    ] {
        let o = r.run(&[&[now][..], &args[..]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = r.run(&[now, "tasks", "--format", "json"]);
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        tasks
            .iter()
            .all(|t| t["contract_no"] != "000318270200055" || t["contacts_today"] == 2)
    );
    let o = r.run(&[now, "today", "--format", "json"]);
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
