//! `deskcoll doctor`, the real binary: each check against a good twin, a twin that is down, a
//! wrong password, a skewed clock (the twin's `--now`), the outbox, the config files, holidays
//! and the terminal; its exit code and its JSON.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use deskcoll::domain::CollectionResult;
use deskcoll::store::{Outbox, SCHEMA_VERSION};
use deskcoll::twin::{SEED_HASH_KEY, SEED_PASSWORD, SEED_USER, TwinOptions};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ORDER: [&str; 8] = [
    "config",
    "collection",
    "hash_key",
    "termin",
    "clock",
    "outbox",
    "holidays",
    "terminal",
];

/// The binary with a private home, no settings of the caller's and no system file.
fn deskcoll(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") || k == "NO_COLOR" {
            c.env_remove(k);
        }
    }
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_SYSTEM_CONFIG", home.join("no-system-config.toml"))
        // The details below are compared in English; `in_indonesian` chooses the other.
        .env("DESKCOLL_LANG", "en")
        .stdin(Stdio::null());
    c
}

/// Pointed at a server with the twin's credentials, termin too.
fn configured(home: &Path, base: &str, password: &str, args: &[&str]) -> Command {
    let mut c = deskcoll(home, args);
    c.env("DESKCOLL_BASE_URL", base)
        .env("DESKCOLL_USER", SEED_USER)
        .env("DESKCOLL_PASSWORD", password)
        .env("DESKCOLL_HASH_KEY", SEED_HASH_KEY)
        .env(
            "DESKCOLL_TERMIN_URL",
            format!("{base}/api/v1/bumn/transactions/termin"),
        )
        .env("DESKCOLL_TERMIN_USER", SEED_USER)
        .env("DESKCOLL_TERMIN_PASSWORD", password);
    c
}

async fn output(mut c: Command) -> Output {
    tokio::task::spawn_blocking(move || c.output().unwrap())
        .await
        .unwrap()
}

/// The JSON report: (check, status, detail) in order.
struct Report {
    code: Option<i32>,
    checks: Vec<(String, String, String)>,
    stderr: String,
}

impl Report {
    fn of(o: &Output) -> Report {
        let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&o.stdout));
        });
        let checks = v
            .iter()
            .map(|c| {
                let obj = c.as_object().unwrap();
                assert_eq!(obj.len(), 3, "{c}");
                let s = |k: &str| obj[k].as_str().unwrap().to_string();
                (s("check"), s("status"), s("detail"))
            })
            .collect();
        Report {
            code: o.status.code(),
            checks,
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    fn get(&self, check: &str) -> (&str, &str) {
        let c = self
            .checks
            .iter()
            .find(|c| c.0 == check)
            .unwrap_or_else(|| panic!("no {check} in {:?}", self.checks));
        (c.1.as_str(), c.2.as_str())
    }

    fn status(&self, check: &str) -> &str {
        self.get(check).0
    }

    fn detail(&self, check: &str) -> &str {
        self.get(check).1
    }

    fn names(&self) -> Vec<&str> {
        self.checks.iter().map(|c| c.0.as_str()).collect()
    }
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        writeln!(f, "exit {:?}; stderr {:?}", self.code, self.stderr)?;
        for (c, s, d) in &self.checks {
            writeln!(f, "{s:<5} {c:<10} {d}")?;
        }
        Ok(())
    }
}

/// A twin on the machine's own clock (its Date header and its stamps agree with ours).
async fn live_twin() -> deskcoll::twin::RunningTwin {
    common::twin_with(TwinOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        now: None,
        ..TwinOptions::default()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_twin_passes_every_check_in_order() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let base = twin.base_url();
    let r = Report::of(
        &output(configured(
            home.path(),
            &base,
            SEED_PASSWORD,
            &["doctor", "--format", "json"],
        ))
        .await,
    );
    assert_eq!(r.names(), ORDER, "{r:?}");
    assert_eq!(r.code, Some(0), "{r:?}");
    for check in ["collection", "termin", "clock", "outbox"] {
        assert_eq!(r.status(check), "ok", "{check}: {r:?}");
    }
    assert!(r.detail("collection").contains(&base), "{r:?}");
    assert!(r.detail("collection").contains(SEED_USER), "{r:?}");
    assert!(!r.detail("collection").contains(SEED_PASSWORD), "{r:?}");
    assert!(r.detail("outbox").contains("none yet"), "{r:?}");
    // No config file is a warning, never a failure; so is no terminal.
    assert_eq!(r.status("config"), "warn", "{r:?}");
    assert!(r.detail("config").contains("no config file"), "{r:?}");
    assert_eq!(r.status("terminal"), "warn", "{r:?}");
    assert!(r.detail("terminal").contains("no terminal"), "{r:?}");
    assert!(["ok", "warn"].contains(&r.status("holidays")), "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");

    // The table: one line per check, in the same order, status first.
    let o = output(configured(home.path(), &base, SEED_PASSWORD, &["doctor"])).await;
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), ORDER.len(), "{text}");
    for (line, check) in lines.iter().zip(ORDER) {
        let mut words = line.split_whitespace();
        let status = words.next().unwrap();
        assert!(["ok", "warn", "fail"].contains(&status), "{line}");
        assert_eq!(words.next(), Some(check), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_twin_that_is_down_fails() {
    let home = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let o = output(configured(
        home.path(),
        &base,
        SEED_PASSWORD,
        &["doctor", "--format", "json", "--timeout", "3"],
    ))
    .await;
    let r = Report::of(&o);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.names(), ORDER, "{r:?}");
    assert_eq!(r.status("collection"), "fail", "{r:?}");
    assert!(r.detail("collection").contains("unreachable"), "{r:?}");
    assert_eq!(r.status("termin"), "fail", "{r:?}");
    assert_eq!(r.status("clock"), "warn", "{r:?}");
    assert!(r.detail("clock").contains("not checked"), "{r:?}");
    // The report says it all: nothing more on stderr.
    assert!(r.stderr.is_empty(), "{r:?}");
    let o = output(configured(home.path(), &base, SEED_PASSWORD, &["doctor"])).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("fail  collection"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_fails_naming_the_setting_never_the_secret() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let o = output(configured(
        home.path(),
        &twin.base_url(),
        "not-the-password-42",
        &["doctor", "--format", "json"],
    ))
    .await;
    let r = Report::of(&o);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.status("collection"), "fail", "{r:?}");
    assert!(
        r.detail("collection").contains("credentials refused"),
        "{r:?}"
    );
    assert!(r.detail("collection").contains("HTTP 401"), "{r:?}");
    assert_eq!(r.status("termin"), "fail", "{r:?}");
    assert!(r.detail("termin").contains("credentials refused"), "{r:?}");
    // A 401 still carries the server's time.
    assert_eq!(r.status("clock"), "ok", "{r:?}");
    let all = format!("{r:?}");
    assert!(!all.contains("not-the-password-42"), "{all}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_skewed_clock_is_a_warning() {
    let home = tempfile::tempdir().unwrap();
    // The twin keeps its own time (--now); this desk's clock is an hour before it. The twin's
    // Date header comes from the machine's clock, an hour and more apart from --now either way.
    let twin = common::Served::start(deskcoll(
        home.path(),
        &[
            "--now",
            "2026-11-27T10:00:00+07:00",
            "serve",
            "--addr",
            "127.0.0.1:0",
        ],
    ));
    let o = output(configured(
        home.path(),
        &twin.url,
        SEED_PASSWORD,
        &[
            "--now",
            "2026-11-27T09:00:00+07:00",
            "doctor",
            "--format",
            "json",
        ],
    ))
    .await;
    let r = Report::of(&o);
    assert_eq!(r.status("collection"), "ok", "{r:?}");
    assert_eq!(r.status("clock"), "warn", "{r:?}");
    assert!(r.detail("clock").contains("ahead of"), "{r:?}");
    assert!(r.detail("clock").contains("own time"), "{r:?}");
    assert_eq!(r.code, Some(0), "a clock is at most a warning: {r:?}");
    assert_eq!(r.status("holidays"), "ok", "2026 is decreed: {r:?}");
}

fn result(account: &str) -> CollectionResult {
    CollectionResult {
        account_no: account.into(),
        call_time: common::fixed_now(),
        cust_name: "BUDI".into(),
        action_code: "NCT".into(),
        result_code: "NCT01".into(),
        promise_date: None,
        period: 1,
        remark: "tidak diangkat".into(),
        agent_id: "A1".into(),
        ip_address: "10.0.0.1".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_counts_warn_and_a_broken_or_newer_one_fails() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("outbox.sqlite3");
    let now = common::fixed_now();
    {
        let mut o = Outbox::open(&path).unwrap();
        let ids: Vec<i64> = ["A", "B", "C", "D"]
            .iter()
            .map(|a| o.enqueue(&result(a), now).unwrap())
            .collect();
        for id in &ids[1..] {
            o.claim(*id, now).unwrap();
        }
        o.mark_uncertain(ids[1], "timed out", now).unwrap();
        o.mark_rejected(ids[2], "code 90", Some("90"), now).unwrap();
        o.mark_delivered(ids[3], "00", "Sukses", now).unwrap();
    }
    let doctor = |path: &Path| {
        let mut c = configured(
            home.path(),
            &twin.base_url(),
            SEED_PASSWORD,
            &["doctor", "--format", "json"],
        );
        c.env("DESKCOLL_OUTBOX", path);
        output(c)
    };
    let r = Report::of(&doctor(&path).await);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert_eq!(r.status("outbox"), "warn", "{r:?}");
    let d = r.detail("outbox");
    for want in [
        "1 queued",
        "1 uncertain",
        "1 rejected",
        "1 delivered",
        "sound",
        "outbox flush",
    ] {
        assert!(d.contains(want), "{want}: {r:?}");
    }

    // Written by a newer deskcoll: a failure, and the file is left as it is.
    let newer = home.path().join("newer.sqlite3");
    std::fs::copy(&path, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let bytes = std::fs::read(&newer).unwrap();
    let r = Report::of(&doctor(&newer).await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.status("outbox"), "fail", "{r:?}");
    assert!(r.detail("outbox").contains("newer deskcoll"), "{r:?}");
    assert_eq!(std::fs::read(&newer).unwrap(), bytes);

    // Not a database at all.
    let broken = home.path().join("broken.sqlite3");
    std::fs::write(&broken, vec![0x42u8; 8192]).unwrap();
    let r = Report::of(&doctor(&broken).await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.status("outbox"), "fail", "{r:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_config_fails_and_the_rest_is_not_checked() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("config.toml");
    std::fs::write(&bad, "[collection]\nbase_url = \n").unwrap();
    let mut c = deskcoll(home.path(), &["doctor", "--format", "json"]);
    c.env("DESKCOLL_CONFIG", &bad);
    let r = Report::of(&output(c).await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.names(), ORDER, "{r:?}");
    assert_eq!(r.status("config"), "fail", "{r:?}");
    assert!(r.detail("config").contains("line 2"), "{r:?}");
    for check in ["collection", "termin", "clock", "outbox"] {
        assert_eq!(r.status(check), "warn", "{check}: {r:?}");
        assert!(r.detail(check).contains("not checked"), "{r:?}");
    }

    // A folder where the file should be.
    let mut c = deskcoll(home.path(), &["doctor", "--format", "json"]);
    c.env("DESKCOLL_CONFIG", home.path());
    let r = Report::of(&output(c).await);
    assert_eq!(r.status("config"), "fail", "{r:?}");
    assert!(r.detail("config").contains("cannot read"), "{r:?}");
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_config_check_names_both_files_and_their_modes() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let system = home.path().join("system.toml");
    let user = home.path().join("user.toml");
    std::fs::write(
        &system,
        format!(
            "[collection]\nbase_url = \"{}\"\nuser = \"{SEED_USER}\"\npassword = \"{SEED_PASSWORD}\"\nhash_key = \"{SEED_HASH_KEY}\"\n",
            twin.base_url()
        ),
    )
    .unwrap();
    deskcoll::files::set_mode(&system, 0o640).unwrap();
    std::fs::write(&user, "agent_id = \"A7\"\n").unwrap();
    deskcoll::files::set_mode(&user, 0o600).unwrap();
    let run = |system: &Path| {
        let mut c = deskcoll(home.path(), &["doctor", "--format", "json"]);
        c.env("DESKCOLL_SYSTEM_CONFIG", system)
            .env("DESKCOLL_CONFIG", &user);
        output(c)
    };
    let r = Report::of(&run(&system).await);
    assert_eq!(r.status("config"), "ok", "{r:?}");
    let d = r.detail("config");
    assert!(
        d.contains(&format!("system {} (0640)", system.display())),
        "{r:?}"
    );
    assert!(
        d.contains(&format!("user {} (0600)", user.display())),
        "{r:?}"
    );
    assert_eq!(r.status("collection"), "ok", "from the system file: {r:?}");
    assert_eq!(r.code, Some(0), "{r:?}");

    // A system file others can read may not hold secrets.
    deskcoll::files::set_mode(&system, 0o644).unwrap();
    let r = Report::of(&run(&system).await);
    assert_eq!(r.status("config"), "fail", "{r:?}");
    assert!(r.detail("config").contains("mode 0644"), "{r:?}");
    assert!(!r.detail("config").contains(SEED_PASSWORD), "{r:?}");
    assert_eq!(r.code, Some(1), "{r:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_estimated_holiday_year_is_a_warning() {
    let home = tempfile::tempdir().unwrap();
    // Demo mode: the embedded twin on this --now.
    let o = output(deskcoll(
        home.path(),
        &[
            "--now",
            "2027-03-01T10:00:00+07:00",
            "doctor",
            "--format",
            "json",
        ],
    ))
    .await;
    let r = Report::of(&o);
    assert_eq!(r.status("holidays"), "warn", "{r:?}");
    assert!(r.detail("holidays").contains("2027"), "{r:?}");
    assert!(r.detail("holidays").contains("estimated"), "{r:?}");
    assert!(r.detail("collection").contains("demo"), "{r:?}");
    assert_eq!(r.code, Some(0), "{r:?}");
}

#[test]
fn in_a_terminal_it_says_its_size_and_colours() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let home = tempfile::tempdir().unwrap();
    let run = |no_color: bool| {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_deskcoll"));
        for (k, _) in std::env::vars() {
            if k.starts_with("DESKCOLL_") || k == "NO_COLOR" || k == "COLORTERM" {
                cmd.env_remove(k);
            }
        }
        cmd.args(["doctor"]);
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env(
            "DESKCOLL_SYSTEM_CONFIG",
            home.path().join("no-system-config.toml"),
        );
        cmd.env("TERM", "xterm-256color");
        cmd.env("DESKCOLL_LANG", "en");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let mut child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let reading = std::thread::spawn(move || {
            let mut all = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                all.extend_from_slice(&buf[..n]);
                if String::from_utf8_lossy(&all).contains("terminal ") {
                    // The last check is out; give its line time to end.
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    if let Ok(n) = reader.read(&mut buf) {
                        all.extend_from_slice(&buf[..n]);
                    }
                    break;
                }
            }
            String::from_utf8_lossy(&all).into_owned()
        });
        let status = child.wait().unwrap();
        drop(pty.master);
        let text = reading.join().unwrap();
        (status.exit_code(), text)
    };
    let (code, text) = run(false);
    assert_eq!(code, 0, "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("terminal "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.starts_with("ok"), "{line}");
    assert!(line.contains("100x30"), "{line}");
    assert!(line.contains("256 colours"), "{line}");
    let (_, text) = run(true);
    assert!(text.contains("NO_COLOR is set"), "{text}");
}

/// In Indonesian the details are in Indonesian; the JSON keys, the check names, their order
/// and the statuses are what scripts read, the same in every language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_indonesian_the_details_change_and_the_contract_does_not() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let base = twin.base_url();
    let json = |password: &str, lang: &str| {
        let mut c = configured(
            home.path(),
            &base,
            password,
            &["doctor", "--format", "json"],
        );
        c.env("DESKCOLL_LANG", lang);
        output(c)
    };
    let en = Report::of(&json(SEED_PASSWORD, "en").await);
    let o = json(SEED_PASSWORD, "id").await;
    // Exactly the three keys, in English.
    let raw: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    for c in &raw {
        let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort();
        assert_eq!(keys, ["check", "detail", "status"], "{c}");
    }
    let id = Report::of(&o);
    assert_eq!(id.names(), ORDER, "{id:?}");
    assert_eq!(id.code, Some(0), "{id:?}");
    for check in ORDER {
        assert_eq!(id.status(check), en.status(check), "{check}: {id:?}");
        assert!(["ok", "warn", "fail"].contains(&id.status(check)), "{id:?}");
    }
    for (check, words) in [
        ("config", "tidak ada berkas konfigurasi"),
        ("collection", "daftar tugas menjawab sebagai"),
        ("termin", "menjawab dalam"),
        ("clock", "jam server"),
        ("outbox", "belum ada"),
        ("terminal", "tidak ada terminal"),
    ] {
        assert!(id.detail(check).contains(words), "{check}: {id:?}");
        assert_ne!(id.detail(check), en.detail(check), "{check}: {id:?}");
    }
    assert!(id.stderr.is_empty(), "{id:?}");

    // Refused credentials.
    let r = Report::of(&json("not-the-password-42", "id").await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.status("collection"), "fail", "{r:?}");
    assert!(r.detail("collection").contains("kredensial untuk"), "{r:?}");
    assert!(
        r.detail("collection").contains("ditolak (HTTP 401)"),
        "{r:?}"
    );
    assert_eq!(r.status("termin"), "fail", "{r:?}");
    assert!(r.detail("termin").contains("kredensial ditolak"), "{r:?}");

    // The table: status and check name as in English, the detail in Indonesian.
    let mut c = configured(home.path(), &base, SEED_PASSWORD, &["doctor"]);
    c.env("DESKCOLL_LANG", "id");
    let o = output(c).await;
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), ORDER.len(), "{text}");
    for (line, check) in lines.iter().zip(ORDER) {
        let mut words = line.split_whitespace();
        assert!(
            ["ok", "warn", "fail"].contains(&words.next().unwrap()),
            "{line}"
        );
        assert_eq!(words.next(), Some(check), "{text}");
    }
    assert!(text.contains("berkas konfigurasi"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_indonesian_an_unreachable_server_and_a_newer_outbox_say_so() {
    let home = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let newer = home.path().join("newer.sqlite3");
    drop(Outbox::open(&newer).unwrap());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let mut c = configured(
        home.path(),
        &format!("http://127.0.0.1:{port}"),
        SEED_PASSWORD,
        &["doctor", "--format", "json", "--timeout", "3"],
    );
    c.env("DESKCOLL_LANG", "id").env("DESKCOLL_OUTBOX", &newer);
    let r = Report::of(&output(c).await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.names(), ORDER, "{r:?}");
    assert_eq!(r.status("collection"), "fail", "{r:?}");
    assert!(
        r.detail("collection").contains("tidak dapat dijangkau"),
        "{r:?}"
    );
    assert_eq!(r.status("termin"), "fail", "{r:?}");
    assert_eq!(r.status("clock"), "warn", "{r:?}");
    assert!(r.detail("clock").contains("tidak diperiksa"), "{r:?}");
    assert_eq!(r.status("outbox"), "fail", "{r:?}");
    assert!(r.detail("outbox").contains("skema"), "{r:?}");
    assert!(r.detail("outbox").contains("lebih baru"), "{r:?}");

    // A config file that cannot be read: the rest is not checked, in Indonesian.
    let bad = home.path().join("config.toml");
    std::fs::write(&bad, "[collection]\nbase_url = \n").unwrap();
    let mut c = deskcoll(home.path(), &["doctor", "--format", "json"]);
    c.env("DESKCOLL_CONFIG", &bad).env("DESKCOLL_LANG", "id");
    let r = Report::of(&output(c).await);
    assert_eq!(r.status("config"), "fail", "{r:?}");
    for check in ["collection", "termin", "clock", "outbox"] {
        assert_eq!(r.status(check), "warn", "{check}: {r:?}");
        assert!(
            r.detail(check)
                .contains("tidak diperiksa: konfigurasi tidak dapat dibaca"),
            "{r:?}"
        );
    }
}

/// The key probe, posted by hand: the twin checks the signature first (403/91 for a wrong key),
/// then answers ASP.NET's 500 for the unreadable date; it stores nothing either way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_twin_stores_no_key_probe() {
    let twin = live_twin().await;
    let (_, result_url) = deskcoll::api::CollectionEndpoint::routes(&twin.base_url());
    let http = reqwest::Client::new();
    for (key, status, body) in [
        (
            SEED_HASH_KEY,
            500,
            serde_json::json!({"Message": "An error has occurred."}),
        ),
        (
            "0123456789abcdef0123456789abcdef",
            403,
            serde_json::json!({"respon_code": "91", "respon_mess": "Invalid Token"}),
        ),
    ] {
        let r = http
            .post(&result_url)
            .basic_auth(SEED_USER, Some(SEED_PASSWORD))
            .json(&deskcoll::cli::doctor::key_probe_body(key))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status, "{key}");
        assert_eq!(r.json::<serde_json::Value>().await.unwrap(), body, "{key}");
    }
    assert!(common::received(&twin).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_hash_key_fails_the_key_check_and_stores_nothing() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let base = twin.base_url();
    let wrong = "0123456789abcdef0123456789abcdef";
    let mut c = configured(
        home.path(),
        &base,
        SEED_PASSWORD,
        &["doctor", "--format", "json"],
    );
    c.env("DESKCOLL_HASH_KEY", wrong);
    let r = Report::of(&output(c).await);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert_eq!(r.names(), ORDER, "{r:?}");
    assert_eq!(r.status("hash_key"), "fail", "{r:?}");
    assert!(r.detail("hash_key").contains("code 91"), "{r:?}");
    assert!(r.detail("hash_key").contains("hash key is wrong"), "{r:?}");
    // The other checks are as good as ever; the key is never printed.
    assert_eq!(r.status("collection"), "ok", "{r:?}");
    assert!(!format!("{r:?}").contains(wrong), "{r:?}");
    // The table names the check too.
    let mut c = configured(home.path(), &base, SEED_PASSWORD, &["doctor"]);
    c.env("DESKCOLL_HASH_KEY", wrong);
    let o = output(c).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("fail  hash_key"));
    // In Indonesian.
    let mut c = configured(
        home.path(),
        &base,
        SEED_PASSWORD,
        &["doctor", "--format", "json"],
    );
    c.env("DESKCOLL_HASH_KEY", wrong).env("DESKCOLL_LANG", "id");
    let r = Report::of(&output(c).await);
    assert!(r.detail("hash_key").contains("hash key salah"), "{r:?}");
    assert!(common::received(&twin).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_right_hash_key_passes_the_probe_and_stores_nothing() {
    let twin = live_twin().await;
    let home = tempfile::tempdir().unwrap();
    let base = twin.base_url();
    let r = Report::of(
        &output(configured(
            home.path(),
            &base,
            SEED_PASSWORD,
            &["doctor", "--format", "json"],
        ))
        .await,
    );
    assert_eq!(r.code, Some(0), "{r:?}");
    assert_eq!(r.status("hash_key"), "ok", "{r:?}");
    assert!(r.detail("hash_key").contains("key accepted"), "{r:?}");
    assert!(r.detail("hash_key").contains("stored nowhere"), "{r:?}");
    assert!(common::received(&twin).await.is_empty());

    // --no-key-probe posts nothing and says so, even with a wrong key.
    let mut c = configured(
        home.path(),
        &base,
        SEED_PASSWORD,
        &["doctor", "--format", "json", "--no-key-probe"],
    );
    c.env("DESKCOLL_HASH_KEY", "0123456789abcdef0123456789abcdef");
    let r = Report::of(&output(c).await);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert_eq!(r.status("hash_key"), "warn", "{r:?}");
    assert!(r.detail("hash_key").contains("--no-key-probe"), "{r:?}");
    assert!(common::received(&twin).await.is_empty());

    // No key at all: a warning, nothing posted.
    let mut c = configured(
        home.path(),
        &base,
        SEED_PASSWORD,
        &["doctor", "--format", "json"],
    );
    c.env_remove("DESKCOLL_HASH_KEY");
    let r = Report::of(&output(c).await);
    assert_eq!(r.status("hash_key"), "warn", "{r:?}");
    assert!(r.detail("hash_key").contains("no hash key"), "{r:?}");
}
