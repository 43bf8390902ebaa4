//! The supervisor's questions from the command line, against the twin's termin book.

mod common;

use deskcoll::domain::Money;
use std::path::Path;
use std::process::{Command, Output};

fn deskcoll(home: &Path, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(["--now", "2026-11-28T10:00:00+07:00"])
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(std::process::Stdio::null());
    let o = c.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

/// An amount as JSON gives it: a plain number as text (our sums) or a number (the API's).
fn money(v: &serde_json::Value) -> Money {
    match v {
        serde_json::Value::String(s) => s.parse().unwrap(),
        serde_json::Value::Number(n) => n.to_string().parse().unwrap(),
        _ => Money::ZERO,
    }
}

#[test]
fn groups_add_up_to_the_whole_set() {
    let home = tempfile::tempdir().unwrap();
    let all = json(&deskcoll(
        home.path(),
        &["termin", "--all", "--format", "json"],
    ));
    let all = all.as_array().unwrap();
    let whole = all.iter().fold(Money::ZERO, |m, t| {
        m.checked_add(money(&t["payment"]["bill_amount"])).unwrap()
    });
    for by in ["status", "vendor", "buyer", "month"] {
        let groups = json(&deskcoll(
            home.path(),
            &["termin", "--all", "--group-by", by, "--format", "json"],
        ));
        let groups = groups.as_array().unwrap();
        let count: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
        let bill = groups.iter().fold(Money::ZERO, |m, g| {
            m.checked_add(money(&g["bill_amount"])).unwrap()
        });
        assert_eq!(count as usize, all.len(), "{by}");
        assert_eq!(bill, whole, "{by}: exact sums");
        for key in [
            "key",
            "count",
            "price_sub_total",
            "total_ppn",
            "total_pph",
            "bill_amount",
        ] {
            assert!(groups[0].get(key).is_some(), "{by}: {key}");
        }
        let bills: Vec<Money> = groups.iter().map(|g| money(&g["bill_amount"])).collect();
        assert!(
            bills.windows(2).all(|w| w[0] >= w[1]),
            "{by}: largest first"
        );
    }
}

#[test]
fn sort_range_ageing_and_changes() {
    let home = tempfile::tempdir().unwrap();
    let sorted = json(&deskcoll(
        home.path(),
        &[
            "termin",
            "--all",
            "--sort",
            "bill_amount",
            "--reverse",
            "--format",
            "json",
        ],
    ));
    let bills: Vec<Money> = sorted
        .as_array()
        .unwrap()
        .iter()
        .map(|t| money(&t["payment"]["bill_amount"]))
        .collect();
    assert!(bills.windows(2).all(|w| w[0] >= w[1]), "largest first");

    let november = json(&deskcoll(
        home.path(),
        &[
            "termin",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-30",
            "--format",
            "json",
        ],
    ));
    let november = november.as_array().unwrap();
    assert!(!november.is_empty() && november.len() < bills.len());
    for t in november {
        let entered =
            chrono::DateTime::parse_from_rfc3339(t["general"]["entry_date"].as_str().unwrap())
                .unwrap()
                .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap())
                .date_naive()
                .to_string();
        assert!(
            entered.as_str() >= "2026-11-01" && entered.as_str() <= "2026-11-30",
            "{entered}"
        );
    }

    let ageing = json(&deskcoll(
        home.path(),
        &["termin", "--aging", "--format", "json"],
    ));
    for row in ageing.as_array().unwrap() {
        assert!(["0-30", "31-60", "61-90", "over 90"].contains(&row["band"].as_str().unwrap()));
        assert!(!["Selesai", "Dibatalkan"].contains(&row["status"].as_str().unwrap()));
        assert!(row["count"].as_u64().unwrap() > 0);
    }

    let first = json(&deskcoll(
        home.path(),
        &["termin", "--changes", "--format", "json"],
    ));
    assert!(first["since"].is_null());
    assert_eq!(
        first["new"].as_array().unwrap().len(),
        bills.len(),
        "no earlier look"
    );
    let again = json(&deskcoll(
        home.path(),
        &["termin", "--changes", "--format", "json"],
    ));
    assert!(again["since"].is_string(), "the first look was kept");
    // As CSV: one row per change, the same columns in every language.
    let csv = deskcoll(home.path(), &["termin", "--changes", "--format", "csv"]);
    assert!(csv.status.success());
    let text = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("change,purchase_order_number,from_status,to_status,from_step,to_step")
    );
    assert_eq!(
        text.lines().count(),
        1,
        "nothing changed since the last look: {text}"
    );
    assert!(again["new"].as_array().unwrap().is_empty());
    assert!(again["changed"].as_array().unwrap().is_empty());
    assert!(again["gone"].as_array().unwrap().is_empty());
    // Kept on this desk only: private to its user.
    use std::os::unix::fs::PermissionsExt;
    let data = home.path().join("data").join("deskcoll");
    let snapshot = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("termin-snapshot")
        })
        .expect("a snapshot file");
    assert_eq!(
        snapshot.metadata().unwrap().permissions().mode() & 0o777,
        0o600
    );
}
