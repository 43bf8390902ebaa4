//! Behaviours no other test held: settling an uncertain result from the CLI, the exit codes of
//! a refusal and of no answer, which config file wins, a company's holiday file, and a
//! company's code list as a real `.xlsx` workbook.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use common::{fixed_now, options, twin_with};
use deskcoll::twin::{self, TwinOptions};
use std::path::Path;
use std::process::{Command, Output};

/// The binary against `base`, with a private home, a private (0600) empty config and outbox.
fn deskcoll(home: &Path, base: &str, args: &[&str]) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let config = home.join("empty.toml");
    if !config.exists() {
        std::fs::write(&config, "").unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(["--now", "2026-11-27T10:00:00+07:00"])
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_CONFIG", &config)
        .env("DESKCOLL_OUTBOX", home.join("outbox.sqlite3"))
        .env("DESKCOLL_BASE_URL", base)
        .env("DESKCOLL_USER", twin::SEED_USER)
        .env("DESKCOLL_PASSWORD", twin::SEED_PASSWORD)
        .env("DESKCOLL_HASH_KEY", twin::SEED_HASH_KEY)
        .env("DESKCOLL_AGENT_ID", "A1")
        .stdin(std::process::Stdio::null());
    c
}

async fn run(c: &mut Command) -> Output {
    let mut c = std::mem::replace(c, Command::new("true"));
    tokio::task::spawn_blocking(move || c.output().unwrap())
        .await
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SUBMIT: [&str; 9] = [
    "submit",
    "--account",
    "000318270200055",
    "--action",
    "MSG",
    "--remark",
    "titip pesan",
    "--period",
    "29",
];

fn outbox_json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}

#[tokio::test(flavor = "multi_thread")]
async fn no_answer_is_exit_4_and_the_cli_settles_an_uncertain_result_either_way() {
    // Processed, then the connection is closed: the result may be stored.
    let dropping = twin_with(TwinOptions {
        drop_rate: 1.0,
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let base = dropping.base_url();
    let o = run(&mut deskcoll(home.path(), &base, &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let listed = run(&mut deskcoll(
        home.path(),
        &base,
        &["outbox", "list", "--format", "json"],
    ))
    .await;
    let items = outbox_json(&listed);
    assert_eq!(items[0]["state"], "uncertain");
    let id = items[0]["id"].to_string();

    // The agent checked: it is on the server.
    let o = run(&mut deskcoll(
        home.path(),
        &base,
        &["outbox", "resolve", &id, "--delivered"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let items = outbox_json(
        &run(&mut deskcoll(
            home.path(),
            &base,
            &["outbox", "list", "--format", "json"],
        ))
        .await,
    );
    assert_eq!(items[0]["state"], "delivered");
    assert_eq!(items[0]["delivered_by"], "agent");

    // A second uncertain one, sent again to a server that answers.
    let o = run(&mut deskcoll(home.path(), &base, &SUBMIT)).await;
    assert_eq!(o.status.code(), Some(4));
    let good = twin_with(options()).await;
    let items = outbox_json(
        &run(&mut deskcoll(
            home.path(),
            &base,
            &["outbox", "list", "--format", "json"],
        ))
        .await,
    );
    let second = items
        .iter()
        .find(|i| i["state"] == "uncertain")
        .expect("the second result is uncertain");
    let second_id = second["id"].clone();
    let id = second_id.to_string();
    let o = run(&mut deskcoll(
        home.path(),
        &good.base_url(),
        &["outbox", "resolve", &id, "--resend"],
    ))
    .await;
    // It may already be stored: a second send needs the agent's yes.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--resend needs --yes"),
        "{}",
        stderr(&o)
    );
    let o = run(&mut deskcoll(
        home.path(),
        &good.base_url(),
        &["outbox", "resolve", &id, "--resend", "--yes"],
    ))
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let items = outbox_json(
        &run(&mut deskcoll(
            home.path(),
            &good.base_url(),
            &["outbox", "list", "--format", "json"],
        ))
        .await,
    );
    let second = items.iter().find(|i| i["id"] == second_id).unwrap();
    assert_eq!(second["state"], "delivered");
    assert_eq!(
        common::received(&good).await.len(),
        1,
        "sent once to the answering server"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_server_is_exit_4_after_the_timeout() {
    let slow = twin_with(TwinOptions {
        latency_ms: 5_000,
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let mut c = deskcoll(home.path(), &slow.base_url(), &["tasks"]);
    c.env("DESKCOLL_CONFIG", home.path().join("slow.toml"));
    {
        use std::os::unix::fs::PermissionsExt;
        let path = home.path().join("slow.toml");
        std::fs::write(
            &path,
            "[http]\ntimeout_secs = 1\nconnect_timeout_secs = 1\n",
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = run(&mut c).await;
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("timed out"), "{}", stderr(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_are_exit_3_wrong_password_and_wrong_hash_key() {
    let t = twin_with(options()).await;
    let home = tempfile::tempdir().unwrap();
    let base = t.base_url();
    let mut bad_password = deskcoll(home.path(), &base, &["tasks"]);
    bad_password.env("DESKCOLL_PASSWORD", "wrong");
    let o = run(&mut bad_password).await;
    assert_eq!(o.status.code(), Some(3), "401: {}", stderr(&o));

    let mut bad_key = deskcoll(home.path(), &base, &SUBMIT);
    bad_key.env("DESKCOLL_HASH_KEY", "not-the-key");
    let o = run(&mut bad_key).await;
    assert_eq!(o.status.code(), Some(3), "91: {}", stderr(&o));
}

fn agent_in(config_show: &Output) -> String {
    String::from_utf8_lossy(&config_show.stdout)
        .lines()
        .find(|l| l.starts_with("agent_id"))
        .unwrap_or_else(|| {
            panic!(
                "no agent_id in {}",
                String::from_utf8_lossy(&config_show.stdout)
            )
        })
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_config_flag_wins_over_the_variable_which_wins_over_the_default_file() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let write = |path: &Path, agent: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("agent_id = \"{agent}\"\n")).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    };
    let default = home
        .path()
        .join("config")
        .join("deskcoll")
        .join("config.toml");
    let variable = home.path().join("variable.toml");
    let flag = home.path().join("flag.toml");
    write(&default, "FROM_DEFAULT");
    write(&variable, "FROM_VARIABLE");
    write(&flag, "FROM_FLAG");
    let show = |config_var: Option<&Path>, flag: Option<&Path>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
        for (k, _) in std::env::vars() {
            if k.starts_with("DESKCOLL_") {
                c.env_remove(k);
            }
        }
        c.env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"));
        if let Some(v) = config_var {
            c.env("DESKCOLL_CONFIG", v);
        }
        if let Some(f) = flag {
            c.arg("--config").arg(f);
        }
        let o = c.args(["config", "show"]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        agent_in(&o)
    };
    assert_eq!(show(None, None), "FROM_DEFAULT");
    assert_eq!(show(Some(&variable), None), "FROM_VARIABLE");
    assert_eq!(show(Some(&variable), Some(&flag)), "FROM_FLAG");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_company_holiday_file_closes_the_day_for_calls() {
    use std::os::unix::fs::PermissionsExt;
    let t = twin_with(TwinOptions {
        now: Some(fixed_now()),
        ..options()
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let holidays = home.path().join("holidays.csv");
    std::fs::write(
        &holidays,
        "date,name\n2026-11-27,Hari Ulang Tahun Perusahaan\n",
    )
    .unwrap();
    let config = home.path().join("company.toml");
    std::fs::write(
        &config,
        format!("[calling]\nholidays_file = \"{}\"\n", holidays.display()),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut c = deskcoll(home.path(), &t.base_url(), &["tasks", "--format", "json"]);
    c.env("DESKCOLL_CONFIG", &config);
    let o = run(&mut c).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!tasks.is_empty());
    for task in &tasks {
        assert_eq!(task["callable_now"], false);
        assert!(
            task["window_note"]
                .as_str()
                .unwrap()
                .contains("Hari Ulang Tahun Perusahaan"),
            "{}",
            task["window_note"]
        );
    }
}

#[test]
fn a_company_code_list_is_read_from_a_real_xlsx_workbook() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("codes.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("master_data").unwrap();
    // A title row above the header, as companies' sheets have.
    sheet.write(0, 0, "Master data desk collection").unwrap();
    for (col, h) in [
        "ACTION_CODE",
        "ACTION_DESCRIPTION",
        "RESULT_CODE",
        "RESULT_DESCRIPTION",
        "NEEDS_PROMISE",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(2, col as u16, *h).unwrap();
    }
    let rows = [
        ["PTP", "Janji bayar", "PTP01", "Bayar penuh", "Y"],
        ["VST", "Kunjungan", "VST01", "Bertemu konsumen", "Y"],
        ["MSG", "Titip pesan", "", "", "N"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (col, v) in row.iter().enumerate() {
            sheet.write(3 + r as u32, col as u16, *v).unwrap();
        }
    }
    book.save(&path).unwrap();

    let codes = deskcoll::config::load_codes(Some(&path)).unwrap();
    assert_eq!(codes.actions.len(), 3);
    assert!(
        codes.action("VST").unwrap().needs_promise,
        "the company's flag"
    );
    assert!(!codes.action("MSG").unwrap().needs_promise);
    assert_eq!(
        codes
            .results_for("VST")
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>(),
        vec!["VST01"]
    );
}
