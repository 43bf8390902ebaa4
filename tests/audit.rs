//! Receipts of lawful contact as an auditor tries them: the real binary records results
//! against a twin, then the outbox is tampered with as an agent could, and `audit --verify`
//! (alone, and against the twin's stored results) and the verifier of docs/audit.md judge.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use deskcoll::domain::receipt::{Receipt, digest, tag};
use deskcoll::twin::RunningTwin;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FRIDAY: &str = "2026-11-27T10:00:00+07:00";
const SUNDAY_NIGHT: &str = "2026-11-29T22:30:00+07:00";

struct Desk {
    home: tempfile::TempDir,
    base: String,
}

impl Desk {
    fn new(twin: &RunningTwin) -> Desk {
        Desk {
            home: tempfile::tempdir().unwrap(),
            base: twin.base_url(),
        }
    }

    fn outbox(&self) -> PathBuf {
        self.home.path().join("outbox.sqlite3")
    }

    /// The binary with a private home, this desk's outbox and the twin's credentials.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
        for (k, _) in std::env::vars() {
            if k.starts_with("DESKCOLL_") {
                c.env_remove(k);
            }
        }
        let home = self.home.path();
        c.args(args)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("DESKCOLL_SYSTEM_CONFIG", home.join("system.toml"))
            .env("DESKCOLL_OUTBOX", self.outbox())
            .env("DESKCOLL_BASE_URL", &self.base)
            .env("DESKCOLL_USER", deskcoll::twin::SEED_USER)
            .env("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD)
            .env("DESKCOLL_HASH_KEY", deskcoll::twin::SEED_HASH_KEY)
            .env("DESKCOLL_AGENT_ID", "AGENT07")
            .env("DESKCOLL_LANG", "en")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut c = self.cmd(args);
        tokio::task::block_in_place(|| c.output().unwrap())
    }

    fn ok(&self, args: &[&str]) -> Output {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
        o
    }

    /// One result at `now`, sent to the twin.
    fn submit(&self, now: &str, account: &str, action: &str, result: &str, extra: &[&str]) {
        let mut args = vec![
            "--now",
            now,
            "submit",
            "--account",
            account,
            "--action",
            action,
            "--result",
            result,
            "--remark",
            "janji \"bayar\" é 😀",
        ];
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// Three results delivered: a PTP, a no-answer, and a Sunday-night call with consent.
    fn three(&self) {
        self.submit(
            FRIDAY,
            "000319280100042",
            "PTP",
            "PTP01",
            &[
                "--promise",
                "2026-11-30",
                "--party",
                "debtor",
                "--amount",
                "1.500.000",
            ],
        );
        self.submit(FRIDAY, "000220196348539", "NCT", "NCT01", &[]);
        self.submit(
            SUNDAY_NIGHT,
            "000119590678608",
            "CTC",
            "CTC02",
            &["--consent", "asked to be called after work"],
        );
    }

    fn receipts_json(&self) -> Vec<serde_json::Value> {
        let o = self.ok(&["audit", "--format", "json"]);
        serde_json::from_slice(&o.stdout).unwrap()
    }

    fn verify(&self) -> Output {
        self.run(&["audit", "--verify"])
    }

    fn verify_against(&self, export: &Path) -> Output {
        self.run(&[
            "audit",
            "--verify",
            "--server-export",
            export.to_str().unwrap(),
        ])
    }

    fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.outbox()).unwrap()
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The twin's `GET /__twin/collections`, as is, in a file.
async fn server_export(twin: &RunningTwin, dir: &Path) -> PathBuf {
    let rows = common::inspect(&twin.base_url(), "collections").await;
    let path = dir.join("server.json");
    std::fs::write(&path, serde_json::to_vec(&rows).unwrap()).unwrap();
    path
}

/// The verifier of docs/audit.md, exactly as documented, run by python3 on a JSON export.
fn python_verifier(receipts: &[serde_json::Value], dir: &Path) -> Output {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/audit.md"))
        .unwrap();
    let block = doc
        .split("<!-- verifier -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /verifier -->").next())
        .expect("docs/audit.md marks its verifier");
    let code = block
        .trim()
        .strip_prefix("```python")
        .and_then(|c| c.strip_suffix("```"))
        .expect("a python block");
    assert_eq!(code.trim().lines().count(), 15, "the verifier is 15 lines");
    let script = dir.join("verify.py");
    std::fs::write(&script, code).unwrap();
    let data = dir.join("receipts.json");
    std::fs::write(&data, serde_json::to_vec_pretty(receipts).unwrap()).unwrap();
    Command::new("python3")
        .arg(&script)
        .arg(&data)
        .output()
        .expect("python3 runs")
}

/// Every receipt as stored: (n, body, sha256).
fn stored(db: &rusqlite::Connection) -> Vec<(i64, String, String)> {
    let mut s = db
        .prepare("SELECT n, body, sha256 FROM receipts ORDER BY n")
        .unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// What a careful forger does: edits receipt `at` with `edit`, then re-seals every receipt
/// from it on (new hashes, links and tags) and puts the new tags in the results' remarks.
fn reseal(db: &rusqlite::Connection, at: usize, edit: impl Fn(&mut Receipt)) {
    let rows = stored(db);
    let mut prev = if at == 0 {
        deskcoll::domain::receipt::GENESIS.to_string()
    } else {
        rows[at - 1].2.clone()
    };
    for (i, (n, body, _)) in rows.iter().enumerate().skip(at) {
        let mut r: Receipt = serde_json::from_str(body).unwrap();
        if i == at {
            edit(&mut r);
        }
        let old_tag = r.tag.clone().unwrap();
        let new_tag = tag(r.seq.unwrap(), &prev);
        r.prev_sha256 = prev.clone();
        r.tag = Some(new_tag.clone());
        r.sha256 = String::new();
        let sha = digest(&r.canonical());
        db.execute(
            "UPDATE receipts SET body = ?2, sha256 = ?3, prev_sha256 = ?4, tag = ?5 WHERE n = ?1",
            rusqlite::params![n, r.canonical(), sha, prev, new_tag],
        )
        .unwrap();
        db.execute(
            "UPDATE results SET remark = replace(remark, ?2, ?3) WHERE id = ?1",
            rusqlite::params![r.result_id.unwrap(), old_tag, new_tag],
        )
        .unwrap();
        prev = sha;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sound_desk_verifies_alone_against_the_server_and_by_the_documented_recipe() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    let v = desk.verify();
    assert_eq!(v.status.code(), Some(0), "{}", err(&v));
    assert!(
        out(&v).contains("3 receipts checked: the chain holds"),
        "{}",
        out(&v)
    );
    let export = server_export(&twin, desk.home.path()).await;
    let v = desk.verify_against(&export);
    assert_eq!(v.status.code(), Some(0), "{}", err(&v));
    assert!(
        out(&v).contains("3 receipts checked against 3 rows"),
        "{}",
        out(&v)
    );

    let receipts = desk.receipts_json();
    let py = python_verifier(&receipts, desk.home.path());
    assert_eq!(py.status.code(), Some(0), "{}", err(&py));
    assert_eq!(out(&py).trim(), "3 receipts: the chain holds");
    // The recipe fails where --verify fails: one member changed.
    let mut edited = receipts.clone();
    edited[1]["consent_reason"] = "changed".into();
    let py = python_verifier(&edited, desk.home.path());
    assert_eq!(py.status.code(), Some(1));
    assert!(
        err(&py).contains("receipt 2: does not match its hash"),
        "{}",
        err(&py)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_receipt_binds_the_rules_the_clock_the_body_and_its_result() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    let receipts = desk.receipts_json();
    let seqs: Vec<u64> = receipts
        .iter()
        .map(|r| r["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [1, 2, 3]);
    let first = &receipts[0];
    assert_eq!(first["clock"], "fixed");
    assert_eq!(first["rules_source"], "default");
    assert_eq!(
        first["rules_sha256"],
        deskcoll::domain::window::CallingRules::default().rules_sha256()
    );
    assert_eq!(first["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(first["promise_date"], "2026-11-30");
    assert_eq!(first["amount"], "1500000");
    assert_eq!(first["party"], "debtor");
    assert_eq!(first["result_id"], 1);
    assert_eq!(first["prev_sha256"], "0".repeat(64));
    assert_eq!(first["tag"], "[dc 1 0000000000]");
    let third = &receipts[2];
    assert_eq!(third["window_state"], "sunday");
    assert_eq!(third["consent"], true);
    assert_eq!(third["consent_reason"], "asked to be called after work");

    // The server got the tagged remark, and the body hashed is the body it got.
    let got = common::received(&twin).await;
    let outbox = deskcoll::store::Outbox::open(&desk.outbox()).unwrap();
    for (r, item) in receipts.iter().zip(outbox.list().unwrap()) {
        let tag = r["tag"].as_str().unwrap();
        assert!(item.remark.ends_with(&format!(" {tag}")), "{}", item.remark);
        let sent =
            serde_json::to_vec(&item.result.to_request(deskcoll::twin::SEED_HASH_KEY)).unwrap();
        assert_eq!(r["body_sha256"].as_str().unwrap(), digest_bytes(&sent));
        let body: serde_json::Value = serde_json::from_slice(&sent).unwrap();
        assert!(got.iter().any(|g| g["body"] == body), "the twin got {body}");
        let stored = got
            .iter()
            .find(|g| g["body"] == body)
            .map(|g| g["stored"]["remark"].as_str().unwrap().to_string())
            .unwrap();
        assert!(stored.ends_with(tag), "{stored}");
    }
}

fn digest_bytes(b: &[u8]) -> String {
    deskcoll::domain::receipt::digest_bytes(b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_anchor_can_be_turned_off() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    std::fs::create_dir_all(desk.home.path().join("config/deskcoll")).unwrap();
    std::fs::write(
        desk.home.path().join("config/deskcoll/config.toml"),
        "[audit]\nanchor_in_remark = false\n",
    )
    .unwrap();
    desk.submit(FRIDAY, "000220196348539", "NCT", "NCT01", &[]);
    let got = common::received(&twin).await;
    assert_eq!(got[0]["body"]["remark"], "janji \"bayar\" é 😀");
    assert_eq!(desk.receipts_json()[0]["tag"], "");
    assert_eq!(desk.verify().status.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_window_call_needs_consent_and_without_it_nothing_is_saved() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    let o = desk.run(&[
        "--now",
        SUNDAY_NIGHT,
        "submit",
        "--account",
        "000119590678608",
        "--action",
        "CTC",
        "--result",
        "CTC02",
        "--remark",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("consent: the call is outside the customer's calling window (Sunday"),
        "{}",
        err(&o)
    );
    assert!(common::received(&twin).await.is_empty());
    let listed = desk.ok(&["outbox", "list", "--format", "json"]);
    assert_eq!(out(&listed).trim(), "[]");

    // A holiday (25 December) in a batch: the row without consent is refused, the row with
    // it is recorded with its reason.
    let batch = desk.home.path().join("batch.csv");
    std::fs::write(
        &batch,
        "account,action,result,remark,consent\n000220196348539,NCT,NCT01,a,\n000319280100042,NCT,NCT01,b,customer asked\n",
    )
    .unwrap();
    let o = desk.run(&[
        "--now",
        "2026-12-25T10:00:00+07:00",
        "submit",
        "--batch",
        batch.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(out(&o).contains("row 2: invalid: consent:"), "{}", out(&o));
    let receipts = desk.receipts_json();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0]["window_state"], "holiday");
    assert_eq!(receipts[0]["consent_reason"], "customer asked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_refuses_a_missing_outbox_and_from_after_to() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    let missing = desk.home.path().join("typo/outbx.sqlite3");
    let mut c = desk.cmd(&["audit", "--verify"]);
    c.env("DESKCOLL_OUTBOX", &missing);
    let o = tokio::task::block_in_place(|| c.output().unwrap());
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains(&missing.display().to_string()),
        "{}",
        err(&o)
    );
    assert!(!missing.exists());
    assert!(!missing.parent().unwrap().exists());
    let o = desk.run(&["audit", "--from", "2026-11-30", "--to", "2026-11-01"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("--from 2026-11-30 is after --to 2026-11-01"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_select_by_the_receipts_own_call_time() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    // Moving a result's call time does not move (or hide) its receipt.
    desk.db()
        .execute(
            "UPDATE results SET call_time = '2026-10-01 10:00:00' WHERE id = 1",
            [],
        )
        .unwrap();
    let o = desk.ok(&[
        "audit",
        "--from",
        "2026-11-27",
        "--to",
        "2026-11-27",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["result_id"], 1);
    let v = desk.verify();
    assert_eq!(v.status.code(), Some(1));
    assert!(
        err(&v).contains("result's call_time is not what its receipt says"),
        "{}",
        err(&v)
    );
}

/// A tampering, and what each check says of it.
struct Verdicts {
    alone: Output,
    server: Output,
    python: Output,
}

async fn tampered(tamper: impl Fn(&Desk)) -> Verdicts {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    let export = server_export(&twin, desk.home.path()).await;
    tamper(&desk);
    let receipts = desk.receipts_json();
    Verdicts {
        alone: desk.verify(),
        server: desk.verify_against(&export),
        python: python_verifier(&receipts, desk.home.path()),
    }
}

fn fails_saying(o: &Output, words: &str) {
    assert_eq!(o.status.code(), Some(1), "{}{}", out(o), err(o));
    assert!(err(o).contains(words), "wanted '{words}' in: {}", err(o));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_receipt_fails_every_check() {
    let v = tampered(|desk| {
        let db = desk.db();
        let (n, body, _) = stored(&db).remove(1);
        let body = body.replace("\"contacts_that_day\":1", "\"contacts_that_day\":0");
        db.execute(
            "UPDATE receipts SET body = ?2 WHERE n = ?1",
            rusqlite::params![n, body],
        )
        .unwrap();
    })
    .await;
    fails_saying(
        &v.alone,
        "receipt of result 2 (record 2 of the chain): it does not match its hash",
    );
    fails_saying(&v.server, "it does not match its hash");
    assert_eq!(v.python.status.code(), Some(1));
    assert!(err(&v.python).contains("receipt 2: does not match its hash"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resealed_chain_holds_on_the_desk_and_fails_against_the_server() {
    let v = tampered(|desk| {
        reseal(&desk.db(), 1, |r| {
            r.consent = true;
            r.consent_reason = "forged".into();
        })
    })
    .await;
    // A whole re-seal is consistent on the desk: that is what the anchor is for.
    assert_eq!(v.alone.status.code(), Some(0), "{}", err(&v.alone));
    assert_eq!(v.python.status.code(), Some(0), "{}", err(&v.python));
    fails_saying(&v.server, "receipt 3 ([dc 3 ");
    fails_saying(&v.server, "was delivered but is not in the server's export");
    fails_saying(&v.server, "that no receipt here accounts for");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_tail_fails_against_the_server_and_alone_when_its_result_stays() {
    // Receipt and result of the last call removed: consistent on the desk.
    let v = tampered(|desk| {
        let db = desk.db();
        db.execute("DELETE FROM receipts WHERE result_id = 3", [])
            .unwrap();
        db.execute("DELETE FROM results WHERE id = 3", []).unwrap();
    })
    .await;
    assert_eq!(v.alone.status.code(), Some(0), "{}", err(&v.alone));
    assert_eq!(v.python.status.code(), Some(0));
    fails_saying(&v.server, "tagged [dc 3 ");
    fails_saying(&v.server, "000119590678608");
    // The receipt alone removed: the result has none.
    let v = tampered(|desk| {
        desk.db()
            .execute("DELETE FROM receipts WHERE result_id = 3", [])
            .unwrap();
    })
    .await;
    fails_saying(&v.alone, "result 3 has no receipt");
    fails_saying(&v.server, "result 3 has no receipt");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_emptied_outbox_fails_against_the_server() {
    let v = tampered(|desk| {
        let db = desk.db();
        db.execute_batch("DELETE FROM receipts; DELETE FROM results;")
            .unwrap();
    })
    .await;
    assert_eq!(v.alone.status.code(), Some(0), "{}", err(&v.alone));
    assert!(out(&v.alone).contains("0 receipts checked"));
    fails_saying(
        &v.server,
        "tagged [dc 1 0000000000] that no receipt here accounts for",
    );
    fails_saying(&v.server, "tagged [dc 3 ");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_or_edited_result_row_fails_every_desk_check() {
    let v = tampered(|desk| {
        desk.db()
            .execute("DELETE FROM results WHERE id = 2", [])
            .unwrap();
    })
    .await;
    fails_saying(
        &v.alone,
        "receipt of result 2 (record 2 of the chain): its result is not in the outbox",
    );
    fails_saying(&v.server, "its result is not in the outbox");
    let v = tampered(|desk| {
        desk.db()
            .execute("UPDATE results SET action_code = 'PTP' WHERE id = 2", [])
            .unwrap();
    })
    .await;
    fails_saying(
        &v.alone,
        "the result's action_code is not what its receipt says",
    );
    fails_saying(&v.server, "action_code");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_users_rules_show_in_the_receipt_and_a_locked_system_config_ignores_them() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    let user = desk.home.path().join("config/deskcoll/config.toml");
    std::fs::create_dir_all(user.parent().unwrap()).unwrap();
    // The agent's own hours make a Sunday 22:30 call "open" ...
    std::fs::write(
        &user,
        "[calling]\ndays = [\"Sun\"]\nstart = \"06:00\"\nend = \"23:59\"\n",
    )
    .unwrap();
    desk.submit(SUNDAY_NIGHT, "000220196348539", "NCT", "NCT01", &[]);
    let r = desk.receipts_json().remove(0);
    assert_eq!(r["window_state"], "open");
    // ... and the receipt says whose rules they were, and which.
    assert_eq!(r["rules_source"], "user");
    let default_rules = deskcoll::domain::window::CallingRules::default().rules_sha256();
    assert_ne!(r["rules_sha256"], default_rules.as_str());

    // The company locks the rules: the user's are ignored, with one warning line, and the
    // same call needs consent again.
    std::fs::write(
        desk.home.path().join("system.toml"),
        "[calling]\nlock = true\nmax_contacts_per_day = 5\n",
    )
    .unwrap();
    let args = [
        "--now",
        SUNDAY_NIGHT,
        "submit",
        "--account",
        "000319280100042",
        "--action",
        "NCT",
        "--result",
        "NCT01",
        "--remark",
        "x",
    ];
    let o = desk.run(&args);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let stderr = err(&o);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("calling.lock"))
        .collect::<Vec<_>>();
    assert_eq!(warnings.len(), 1, "{}", err(&o));
    assert!(
        warnings[0].contains("calling.days, calling.start, calling.end"),
        "{}",
        warnings[0]
    );
    assert!(err(&o).contains("consent:"), "{}", err(&o));
    let mut with_consent = args.to_vec();
    with_consent.extend(["--consent", "customer asked"]);
    desk.ok(&with_consent);
    let r = desk.receipts_json().remove(1);
    assert_eq!(r["window_state"], "sunday");
    assert_eq!(r["rules_source"], "system");
    let company = deskcoll::domain::window::CallingRules {
        contact_limit: 5,
        ..deskcoll::domain::window::CallingRules::default()
    };
    assert_eq!(r["rules_sha256"], company.rules_sha256().as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_now_the_receipt_says_the_clock_was_the_systems() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    // Whatever the hour the suite runs at: consent given, in case it is outside the window.
    desk.ok(&[
        "submit",
        "--account",
        "000220196348539",
        "--action",
        "NCT",
        "--result",
        "NCT01",
        "--remark",
        "x",
        "--consent",
        "asked",
    ]);
    let r = desk.receipts_json().remove(0);
    assert_eq!(r["clock"], "system");
    assert_eq!(desk.verify().status.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_csv_header_is_the_one_the_readme_states() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    let o = desk.ok(&["audit"]);
    let header = out(&o).lines().next().unwrap().to_string();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let stated: String = readme
        .split("CSV for reading (header `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, stated);
    assert_eq!(out(&o).lines().count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_export_of_the_whole_table_verifies_and_other_agents_rows_are_left_out() {
    let twin = common::twin().await;
    let desk = Desk::new(&twin);
    desk.three();
    let rows = common::received(&twin).await;
    let mut csv = String::from("ID,ACCOUNT_NO,REMARK,CRE_BY\n");
    for (i, r) in rows.iter().enumerate() {
        let s = &r["stored"];
        let remark = s["remark"].as_str().unwrap().replace('"', "\"\"");
        csv.push_str(&format!(
            "{i},{},\"{remark}\",{}\n",
            s["account_no"].as_str().unwrap(),
            s["cre_by"].as_str().unwrap()
        ));
    }
    // Another desk's results, tagged by its own chain.
    csv.push_str("99,000999999999999,lain [dc 1 0000000000],AGENT08\n");
    let path = desk.home.path().join("server.csv");
    std::fs::write(&path, &csv).unwrap();
    let v = desk.verify_against(&path);
    assert_eq!(v.status.code(), Some(0), "{}", err(&v));
    assert!(out(&v).contains("against 3 rows"), "{}", out(&v));
    // The same row as this agent's is one no receipt accounts for.
    std::fs::write(&path, csv.replace("AGENT08", "AGENT07")).unwrap();
    fails_saying(
        &desk.verify_against(&path),
        "the server has a result for 000999999999999 tagged [dc 1 0000000000]",
    );
}
