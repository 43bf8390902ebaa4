//! The team ledger against a real PostgreSQL the tests start themselves (`tests/pg`): the
//! DBA's set-up from README's "The floor", roles that cannot rewrite, the chain witnessed by
//! the database, desks pushing (idempotent, offline-first, twenty at once), the floor equal
//! to each agent's own Today, and audit against the ledger. Skipped, saying so, only when the
//! PostgreSQL binaries are absent.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;
mod pg;

use deskcoll::twin::RunningTwin;
use pg::Cluster;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FRIDAY: &str = "2026-11-27T10:00:00+07:00";
const FRIDAY_LATER: &str = "2026-11-27T14:30:00+07:00";
const SUNDAY_NIGHT: &str = "2026-11-29T22:30:00+07:00";
const AGENT_PW: &str = "agent-pw-9";
const SUPERVISOR_PW: &str = "spv-pw-7";

macro_rules! cluster_or_skip {
    ($name:literal) => {
        match Cluster::start() {
            Some(c) => c,
            None => {
                pg::skipping($name);
                return;
            }
        }
    };
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The binary with a private home and none of the caller's settings.
fn deskcoll(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_SYSTEM_CONFIG", home.join("system.toml"))
        .env("DESKCOLL_LANG", "en")
        .stdin(Stdio::null());
    c
}

fn run(mut c: Command) -> Output {
    tokio::task::block_in_place(|| c.output().unwrap())
}

/// `team init` as the DBA, then a login role for each agent and the supervisor, as README's
/// section "The floor" tells the DBA (its SQL block, run as it is written).
fn set_up(cluster: &Cluster, agents: &[&str]) {
    let home = tempfile::tempdir().unwrap();
    let o = run(deskcoll(
        home.path(),
        &["team", "init", "--database-url", &cluster.admin_url()],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    for agent in agents {
        let sql = readme_sql()
            .replace("desk_017", &login_of(agent))
            .replace("change-me-agent", AGENT_PW)
            .replace("change-me-supervisor", SUPERVISOR_PW);
        let agent_lines: String = sql
            .lines()
            .filter(|l| !l.contains("spv_"))
            .collect::<Vec<_>>()
            .join("\n");
        cluster.psql(&agent_lines);
    }
    if cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = 'spv_rina'") == "0" {
        let sql = readme_sql()
            .replace("change-me-supervisor", SUPERVISOR_PW)
            .lines()
            .filter(|l| l.contains("spv_"))
            .collect::<Vec<_>>()
            .join("\n");
        cluster.psql(&sql);
    }
}

/// The SQL block of README's section "The floor".
fn readme_sql() -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("\n## The floor")
        .nth(1)
        .expect("README has a section \"The floor\"");
    let section = section.split("\n## ").next().unwrap();
    let block = section
        .split("```sql\n")
        .nth(1)
        .expect("the section has an ```sql block");
    block.split("```").next().unwrap().to_string()
}

fn login_of(agent: &str) -> String {
    format!("desk_{}", agent.to_lowercase())
}

/// One agent's desk: its outbox, its agent id, the twin it sends to, and its login.
struct Desk {
    home: tempfile::TempDir,
    agent: String,
    base: String,
    ledger: String,
}

impl Desk {
    fn new(twin: &RunningTwin, cluster: &Cluster, agent: &str) -> Desk {
        Desk {
            home: tempfile::tempdir().unwrap(),
            agent: agent.into(),
            base: twin.base_url(),
            ledger: cluster.url(&login_of(agent), AGENT_PW),
        }
    }

    fn outbox(&self) -> PathBuf {
        self.home.path().join("outbox.sqlite3")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = deskcoll(self.home.path(), args);
        c.env("DESKCOLL_OUTBOX", self.outbox())
            .env("DESKCOLL_BASE_URL", &self.base)
            .env("DESKCOLL_USER", deskcoll::twin::SEED_USER)
            .env("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD)
            .env("DESKCOLL_HASH_KEY", deskcoll::twin::SEED_HASH_KEY)
            .env("DESKCOLL_AGENT_ID", &self.agent)
            .env("DESKCOLL_TEAM_DATABASE_URL", &self.ledger);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        run(self.cmd(args))
    }

    fn ok(&self, args: &[&str]) -> Output {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
        o
    }

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
            "janji bayar",
        ];
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// Three results delivered on Friday: a PTP by the debtor, a no-answer, a callback.
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
            FRIDAY_LATER,
            "000119590678608",
            "CTC",
            "CTC02",
            &["--party", "spouse"],
        );
    }

    fn push(&self) -> Output {
        self.run(&["team", "push"])
    }
}

fn supervisor(cluster: &Cluster, home: &Path, args: &[&str]) -> Output {
    let mut c = deskcoll(home, args);
    c.env(
        "DESKCOLL_TEAM_DATABASE_URL",
        cluster.url("spv_rina", SUPERVISOR_PW),
    );
    run(c)
}

async fn client(url: &str) -> tokio_postgres::Client {
    deskcoll::team::connect(url).await.expect("connects")
}

#[tokio::test(flavor = "multi_thread")]
async fn team_init_twice_changes_nothing_and_a_newer_schema_is_refused_untouched() {
    let cluster = cluster_or_skip!("team_init_twice");
    let home = tempfile::tempdir().unwrap();
    let init = || {
        run(deskcoll(
            home.path(),
            &["team", "init", "--database-url", &cluster.admin_url()],
        ))
    };
    let first = init();
    assert_eq!(first.status.code(), Some(0), "{}", err(&first));
    assert!(
        out(&first).contains("schema 1 (it was at 0)"),
        "{}",
        out(&first)
    );
    let catalog = "SELECT string_agg(c.relname || ':' || coalesce(array_to_string(c.relacl, ','), ''), ' ' ORDER BY c.relname)
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'deskcoll'";
    let before = cluster.psql(catalog);
    let second = init();
    assert_eq!(second.status.code(), Some(0), "{}", err(&second));
    assert!(
        out(&second).contains("already at schema 1: nothing changed"),
        "{}",
        out(&second)
    );
    assert_eq!(cluster.psql(catalog), before);
    assert!(
        !out(&second).contains(pg::ADMIN_PASSWORD) && !err(&second).contains(pg::ADMIN_PASSWORD)
    );

    cluster.psql("UPDATE deskcoll.meta SET value = '99' WHERE key = 'schema'");
    let newer = init();
    assert_eq!(newer.status.code(), Some(1));
    assert!(
        err(&newer).contains("schema 99, newer than this deskcoll knows (1)"),
        "{}",
        err(&newer)
    );
    assert_eq!(
        cluster.psql("SELECT value FROM deskcoll.meta WHERE key = 'schema'"),
        "99"
    );
    assert_eq!(cluster.psql(catalog), before, "left untouched");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_agent_role_may_insert_but_never_update_delete_or_truncate() {
    let cluster = cluster_or_skip!("agent_role_rights");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    let pushed = desk.push();
    assert_eq!(pushed.status.code(), Some(0), "{}", err(&pushed));
    let agent = client(&desk.ledger).await;
    for sql in [
        "UPDATE deskcoll.receipts SET body = body",
        "DELETE FROM deskcoll.receipts",
        "TRUNCATE deskcoll.receipts",
        "UPDATE deskcoll.results SET state = 'delivered'",
        "DELETE FROM deskcoll.results",
        "TRUNCATE deskcoll.results",
        "DELETE FROM deskcoll.list_reads",
        "UPDATE deskcoll.meta SET value = '2'",
        "DROP TABLE deskcoll.receipts",
        "ALTER TABLE deskcoll.receipts DISABLE TRIGGER witness",
    ] {
        let e = agent.batch_execute(sql).await.expect_err(sql);
        let code = e.code().map(|c| c.code().to_string());
        assert!(code.as_deref() == Some("42501"), "{sql}: {code:?} {e}");
    }
    let spv = client(&cluster.url("spv_rina", SUPERVISOR_PW)).await;
    let e = spv
        .batch_execute("INSERT INTO deskcoll.list_reads VALUES ('X', 1, 'a', now(), NULL, NULL)")
        .await
        .expect_err("a supervisor only reads");
    assert_eq!(
        e.code().map(|c| c.code().to_string()).as_deref(),
        Some("42501")
    );
    assert_eq!(cluster.psql("SELECT count(*) FROM deskcoll.receipts"), "3");
    // The workstation shows the Floor tab to the supervisor's URL only.
    assert!(deskcoll::team::is_supervisor(&cluster.url("spv_rina", SUPERVISOR_PW)).await);
    assert!(!deskcoll::team::is_supervisor(&desk.ledger).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chain_trigger_refuses_a_forged_receipt_and_skips_the_same_one_again() {
    let cluster = cluster_or_skip!("chain_trigger");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    assert_eq!(desk.push().status.code(), Some(0));
    let agent = client(&desk.ledger).await;
    let row = agent
        .query_one(
            "SELECT body, sha256 FROM deskcoll.receipts WHERE agent_id = 'A01' AND seq = 3",
            &[],
        )
        .await
        .unwrap();
    let (body3, sha3): (String, String) = (row.get(0), row.get(1));
    let insert = "INSERT INTO deskcoll.receipts (agent_id, seq, result_id, tag, prev_sha256, sha256, body, call_time)
                  VALUES ('A01', $1, 9, '', $2, $3, $4, now())";
    let forge = |seq: i64, prev: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&body3).unwrap();
        v["seq"] = seq.into();
        v["prev_sha256"] = prev.into();
        v["account_no"] = "000999999999999".into();
        let body = deskcoll::domain::jcs::canonical(&v).unwrap();
        let sha = deskcoll::domain::receipt::digest(&body);
        (body, sha)
    };
    // Not chained to the ledger's latest.
    let (body, sha) = forge(4, &"0".repeat(64));
    let e = agent
        .execute(insert, &[&4i64, &"0".repeat(64), &sha, &body])
        .await
        .expect_err("a receipt not chained to the latest is refused");
    assert!(
        deskcoll::team::describe(&e).contains("does not chain to receipt 3"),
        "{}",
        deskcoll::team::describe(&e)
    );
    // Not the next seq.
    let (body, sha) = forge(6, &sha3);
    let e = agent
        .execute(insert, &[&6i64, &sha3, &sha, &body])
        .await
        .expect_err("a gap is refused");
    assert!(
        deskcoll::team::describe(&e).contains("is not the next (the ledger holds up to 3)"),
        "{}",
        deskcoll::team::describe(&e)
    );
    // Another receipt under a seq the ledger holds.
    let (body, sha) = forge(3, &sha3);
    let e = agent
        .execute(insert, &[&3i64, &sha3, &sha, &body])
        .await
        .expect_err("a rewrite is refused");
    assert!(
        deskcoll::team::describe(&e).contains("holds another receipt 3"),
        "{}",
        deskcoll::team::describe(&e)
    );
    // A body that does not hash to the sha256 filed with it.
    let (body, _) = forge(4, &sha3);
    let e = agent
        .execute(insert, &[&4i64, &sha3, &"ab".repeat(32), &body])
        .await
        .expect_err("a hash that is not the body's is refused");
    assert!(
        deskcoll::team::describe(&e).contains("does not match its sha256"),
        "{}",
        deskcoll::team::describe(&e)
    );
    // The genuine one again (a retry): skipped, nothing changes.
    let row = agent
        .query_one(
            "SELECT prev_sha256 FROM deskcoll.receipts WHERE agent_id = 'A01' AND seq = 3",
            &[],
        )
        .await
        .unwrap();
    let prev3: String = row.get(0);
    let n = agent
        .execute(insert, &[&3i64, &prev3, &sha3, &body3])
        .await
        .expect("the same receipt again is no error");
    assert_eq!(n, 0);
    assert_eq!(cluster.psql("SELECT count(*) FROM deskcoll.receipts"), "3");
}

const EVENING: &str = "2026-11-27T16:00:00+07:00";

/// The figures `today --format json` and the floor both name.
const SHARED: &[&str] = &[
    "date",
    "calls",
    "rpc",
    "rpc_rate",
    "rpc_ptp",
    "ptp_count",
    "ptp_rate",
    "promised_amount",
    "promises_kept",
    "promises_broken",
    "kept_rate",
    "callbacks_due",
    "waiting",
    "uncertain",
];

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(o)))
}

#[tokio::test(flavor = "multi_thread")]
async fn each_agents_floor_row_equals_its_own_today_figure_for_figure() {
    let cluster = cluster_or_skip!("floor_equals_today");
    let twin = common::twin().await;
    set_up(&cluster, &["A01", "A02"]);
    let a = Desk::new(&twin, &cluster, "A01");
    a.three();
    a.submit(
        FRIDAY,
        "000220196348539",
        "CBK",
        "CBK01",
        &["--party", "debtor", "--callback", "2026-11-27 13:00"],
    );
    let b = Desk::new(&twin, &cluster, "A02");
    b.submit(
        FRIDAY_LATER,
        "000319280100042",
        "PTP",
        "PTP01",
        &[
            "--promise",
            "2026-11-28",
            "--party",
            "debtor",
            "--amount",
            "750.000",
        ],
    );
    // Sunday night with consent: outside the window.
    b.submit(
        SUNDAY_NIGHT,
        "000119590678608",
        "CTC",
        "CTC02",
        &["--consent", "asked to be called after work"],
    );
    for d in [&a, &b] {
        let o = d.push();
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        assert!(out(&o).contains("nothing waits"), "{}", out(&o));
    }
    let home = tempfile::tempdir().unwrap();
    let floor = supervisor(
        &cluster,
        home.path(),
        &["--now", EVENING, "floor", "--format", "json"],
    );
    assert_eq!(floor.status.code(), Some(0), "{}", err(&floor));
    let rows = json(&floor);
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 2, "one object per agent: {rows:?}");
    for (desk, row) in [(&a, &rows[0]), (&b, &rows[1])] {
        assert_eq!(row["agent_id"], desk.agent.as_str());
        let today = json(&desk.ok(&["--now", EVENING, "today", "--format", "json"]));
        for key in SHARED {
            assert_eq!(row[key], today[key], "{} {key}", desk.agent);
        }
    }
    let a_row = &rows[0];
    assert_eq!(a_row["calls"], 4);
    assert_eq!(a_row["rpc"], 2);
    assert_eq!(a_row["ptp_count"], 1);
    assert_eq!(a_row["promised_amount"], "1500000");
    assert_eq!(a_row["last_result"], "2026-11-27 14:30:00");
    assert_eq!(a_row["callbacks_missed"], 0);
    // Sunday's floor shows B's call outside the window, with consent.
    let sunday = supervisor(
        &cluster,
        home.path(),
        &[
            "--now",
            "2026-11-29T23:00:00+07:00",
            "floor",
            "--format",
            "json",
        ],
    );
    let rows = json(&sunday);
    let b_row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["agent_id"] == "A02")
        .unwrap()
        .clone();
    assert_eq!(
        (
            b_row["outside_window"].clone(),
            b_row["outside_window_consent"].clone()
        ),
        (1.into(), 1.into())
    );
    // The table: a row per agent and the total.
    let table = supervisor(
        &cluster,
        home.path(),
        &["--now", EVENING, "floor", "--sort", "calls"],
    );
    assert_eq!(table.status.code(), Some(0), "{}", err(&table));
    let text = out(&table);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("The floor, 2026-11-27: 2 agents"),
        "{text}"
    );
    assert!(
        lines[2].trim_start().starts_with("A01"),
        "most calls first:\n{text}"
    );
    assert!(lines[4].trim_start().starts_with("Total"), "{text}");
    assert!(lines[4].contains(" 5 "), "4 + 1 calls:\n{text}");
    // The workbook.
    let xlsx = home.path().join("floor.xlsx");
    let o = supervisor(
        &cluster,
        home.path(),
        &[
            "--now",
            EVENING,
            "--output",
            xlsx.to_str().unwrap(),
            "floor",
            "--format",
            "xlsx",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("floor").unwrap();
    assert_eq!(
        sheet.get_value((0, 2)).map(|c| c.to_string()),
        Some("calls".into())
    );
    assert_eq!(
        sheet.get_value((3, 0)).map(|c| c.to_string()),
        Some("total".into())
    );
    assert_eq!(
        sheet.get_value((3, 2)).map(|c| c.to_string()),
        Some("5".into())
    );
}

fn count(cluster: &Cluster, sql: &str) -> i64 {
    cluster.psql(sql).parse().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_push_retried_after_a_lost_answer_changes_nothing() {
    let cluster = cluster_or_skip!("retry_after_lost_answer");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    // The ledger commits the batch, but its answer never reaches the desk: not marked.
    let mut outbox = deskcoll::store::Outbox::open(&desk.outbox()).unwrap();
    let mut agent = client(&desk.ledger).await;
    let batch = outbox.ledger_pending(500).unwrap();
    deskcoll::team::push::send(&mut agent, "A01", &batch)
        .await
        .unwrap();
    let snapshot =
        "SELECT count(*) || '/' || string_agg(sha256, ',' ORDER BY seq) FROM deskcoll.receipts";
    let rows = "SELECT count(*) FROM deskcoll.results";
    let (receipts, results) = (cluster.psql(snapshot), count(&cluster, rows));
    assert_eq!(outbox.ledger_waiting().unwrap().receipts, 3);
    drop(outbox);
    // The retry sends the same rows again.
    let o = desk.push();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(cluster.psql(snapshot), receipts);
    assert_eq!(count(&cluster, rows), results);
    assert_eq!(
        count(
            &cluster,
            "SELECT count(DISTINCT result_id) FROM deskcoll.results"
        ),
        3
    );
    // And again, with nothing waiting: nothing sent.
    let o = desk.push();
    assert!(
        out(&o).contains("0 result versions, 0 receipts"),
        "{}",
        out(&o)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_database_stopped_mid_day_and_restarted_loses_and_duplicates_nothing() {
    let cluster = cluster_or_skip!("database_down_mid_day");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    assert_eq!(desk.push().status.code(), Some(0));
    cluster.stop();
    // The desk goes on: results are saved and sent to the server; the ledger waits.
    desk.submit(FRIDAY_LATER, "000319280100042", "NCT", "NCT01", &[]);
    desk.submit(FRIDAY_LATER, "000220196348539", "MSG", "MSG01", &[]);
    let o = desk.push();
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    assert!(
        err(&o).contains("still wait for the team ledger"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains(AGENT_PW), "{}", err(&o));
    let waiting = deskcoll::store::Outbox::open(&desk.outbox())
        .unwrap()
        .ledger_waiting()
        .unwrap();
    assert_eq!((waiting.results, waiting.receipts), (2, 2));
    cluster.pg_start();
    let o = desk.push();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(count(&cluster, "SELECT count(*) FROM deskcoll.receipts"), 5);
    assert_eq!(
        cluster.psql("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM deskcoll.receipts"),
        "1,2,3,4,5",
        "in order, none twice"
    );
    assert_eq!(
        count(
            &cluster,
            "SELECT count(DISTINCT result_id) FROM deskcoll.results"
        ),
        5
    );
    // The ledger holds the local chain as it is.
    let o = desk.run(&["audit", "--verify", "--against-team"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_desks_pushing_at_once_each_land_whole() {
    let cluster = cluster_or_skip!("twenty_desks");
    let agents: Vec<String> = (1..=20).map(|i| format!("D{i:02}")).collect();
    let names: Vec<&str> = agents.iter().map(String::as_str).collect();
    set_up(&cluster, &names);
    let dir = tempfile::tempdir().unwrap();
    let now = common::fixed_now();
    let mut tasks = Vec::new();
    for agent in &agents {
        let path = dir.path().join(format!("{agent}.sqlite3"));
        let mut outbox = deskcoll::store::Outbox::open(&path).unwrap();
        for i in 0..15 {
            let r = deskcoll::domain::CollectionResult {
                account_no: format!("0003192801{i:05}"),
                call_time: now + chrono::Duration::minutes(i),
                action_code: "NCT".into(),
                result_code: "NCT01".into(),
                agent_id: agent.clone(),
                ..Default::default()
            };
            outbox.enqueue(&r, now).unwrap();
        }
        drop(outbox);
        let url = cluster.url(&login_of(agent), AGENT_PW);
        let agent = agent.clone();
        tasks.push(tokio::spawn(async move {
            deskcoll::team::push::push_path(&path, &url, &agent).await
        }));
    }
    for t in tasks {
        let pushed = t.await.unwrap().expect("pushed");
        assert_eq!((pushed.results, pushed.receipts), (15, 15));
    }
    assert_eq!(
        count(&cluster, "SELECT count(*) FROM deskcoll.receipts"),
        300
    );
    assert_eq!(
        count(
            &cluster,
            "SELECT count(*) FROM (SELECT agent_id FROM deskcoll.receipts GROUP BY agent_id
             HAVING min(seq) = 1 AND max(seq) = 15 AND count(*) = 15) whole"
        ),
        20
    );
}

/// Re-seals the desk's chain from `seq` on, as an agent with the outbox and the contract of
/// docs/audit.md could: `seq`'s account changed, every later receipt chained again.
fn reseal_from(outbox: &Path, seq: i64) {
    let c = rusqlite::Connection::open(outbox).unwrap();
    let rows: Vec<(i64, i64, String, String)> = {
        let mut s = c
            .prepare("SELECT n, seq, body, sha256 FROM receipts ORDER BY n")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut prev = String::new();
    for (n, s, body, sha) in rows {
        if s < seq {
            prev = sha;
            continue;
        }
        let mut v: serde_json::Value = serde_json::from_str(&body).unwrap();
        if s == seq {
            v["account_no"] = "000999999999999".into();
        }
        v["prev_sha256"] = prev.clone().into();
        let body = deskcoll::domain::jcs::canonical(&v).unwrap();
        let sha = deskcoll::domain::receipt::digest(&body);
        c.execute(
            "UPDATE receipts SET body = ?1, sha256 = ?2, prev_sha256 = ?3 WHERE n = ?4",
            rusqlite::params![body, sha, prev, n],
        )
        .unwrap();
        prev = sha;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_against_the_team_names_a_deleted_tail_a_reseal_and_an_edit() {
    let cluster = cluster_or_skip!("audit_against_team");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    assert_eq!(desk.push().status.code(), Some(0));
    let verify = |d: &Desk| d.run(&["audit", "--verify", "--against-team"]);
    let o = verify(&desk);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("matches the team ledger: 3 receipts here, 3 in the ledger"),
        "{}",
        out(&o)
    );
    // One more result, not pushed yet: still holds, and says so.
    desk.submit(FRIDAY_LATER, "000220196348539", "MSG", "MSG01", &[]);
    let o = verify(&desk);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains("1 receipt here is not in the team ledger yet"),
        "{}",
        err(&o)
    );
    assert_eq!(desk.push().status.code(), Some(0));

    let pristine = std::fs::read(desk.outbox()).unwrap();
    let restore = || std::fs::write(desk.outbox(), &pristine).unwrap();
    let sql = |s: &str| {
        rusqlite::Connection::open(desk.outbox())
            .unwrap()
            .execute_batch(s)
            .unwrap();
    };
    // A deleted tail: the last two receipts and their results removed from the desk.
    sql("DELETE FROM receipts WHERE seq >= 3; DELETE FROM results WHERE id >= 3;");
    let o = verify(&desk);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("receipt 3 is in the team ledger but not on this desk"),
        "{}",
        err(&o)
    );
    restore();
    // A re-sealed chain: locally consistent from receipt 2 on, not the ledger's.
    reseal_from(&desk.outbox(), 2);
    let o = verify(&desk);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("receipt 2 differs from the team ledger's copy"),
        "{}",
        err(&o)
    );
    restore();
    // An edited receipt (its hash left as it was).
    sql("UPDATE receipts SET body = replace(body, 'NCT01', 'PTP01') WHERE seq = 2");
    let o = verify(&desk);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("receipt 2 differs"), "{}", err(&o));
    restore();

    // The auditor's export of the ledger is the desk's own export, byte for byte.
    let home = tempfile::tempdir().unwrap();
    let desk_json = desk.ok(&["audit", "--format", "json"]);
    let ledger_json = supervisor(
        &cluster,
        home.path(),
        &["audit", "--team", "--agent", "A01", "--format", "json"],
    );
    assert_eq!(ledger_json.status.code(), Some(0), "{}", err(&ledger_json));
    assert_eq!(out(&ledger_json), out(&desk_json));
    let desk_csv = desk.ok(&["audit", "--from", "2026-11-27", "--to", "2026-11-27"]);
    let ledger_csv = supervisor(
        &cluster,
        home.path(),
        &[
            "audit",
            "--team",
            "--agent",
            "A01",
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-27",
        ],
    );
    assert_eq!(out(&ledger_csv), out(&desk_csv));
    let all = supervisor(
        &cluster,
        home.path(),
        &["audit", "--team", "--format", "json"],
    );
    let all = json(&all);
    assert_eq!(all[0]["agent_id"], "A01");
    assert_eq!(all[0]["receipts"].as_array().unwrap().len(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_checks_the_ledger_and_config_show_masks_its_password() {
    let cluster = cluster_or_skip!("doctor_ledger");
    let twin = common::twin().await;
    set_up(&cluster, &["A01"]);
    let desk = Desk::new(&twin, &cluster, "A01");
    desk.three();
    let line = |o: &Output| {
        out(o)
            .lines()
            .find(|l| l.contains("team ledger"))
            .unwrap_or_default()
            .to_string()
    };
    let o = desk.run(&["doctor"]);
    let before = line(&o);
    assert!(
        before.contains(
            "schema 1, agent role; 6 waiting here, the ledger holds up to receipt 0 of 3"
        ),
        "{}",
        out(&o)
    );
    assert_eq!(desk.push().status.code(), Some(0));
    let o = desk.run(&["doctor"]);
    assert!(
        line(&o).contains("0 waiting here, the ledger holds up to receipt 3 of 3"),
        "{}",
        out(&o)
    );
    // The DBA's own URL can rewrite: doctor says the ledger is not tamper-proof that way.
    let mut c = desk.cmd(&["doctor"]);
    c.env("DESKCOLL_TEAM_DATABASE_URL", cluster.admin_url());
    let o = run(c);
    assert!(
        line(&o).contains("may UPDATE, DELETE, TRUNCATE the receipts"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains(pg::ADMIN_PASSWORD));
    cluster.stop();
    let o = desk.run(&["doctor"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(line(&o).contains("cannot be reached"), "{}", out(&o));
    assert!(!out(&o).contains(AGENT_PW));
    let shown = desk.ok(&["config", "show"]);
    assert!(!out(&shown).contains(AGENT_PW), "{}", out(&shown));
    assert!(
        out(&shown).contains(&format!("{}:***@127.0.0.1", login_of("A01"))),
        "{}",
        out(&shown)
    );
    cluster.pg_start();
}
