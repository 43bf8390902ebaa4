//! The supervisor's questions from the command line, against the twin's termin book.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

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
        if by == "month" {
            let keys: Vec<&str> = groups.iter().map(|g| g["key"].as_str().unwrap()).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "months in calendar order");
        } else {
            assert!(
                bills.windows(2).all(|w| w[0] >= w[1]),
                "{by}: largest first"
            );
        }
        for g in groups {
            assert!(g["bill_amount"].is_number(), "{by}: a JSON number: {g}");
            assert_eq!(
                add(money(&g["price_sub_total"]), money(&g["shipping_cost"]))
                    .checked_sub(money(&g["total_pph"]))
                    .unwrap(),
                money(&g["bill_amount"]),
                "{by}: bill = subtotal + shipping - PPh: {g}"
            );
        }
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
    // Asking again the same day compares with the same (no) earlier look: the same answer.
    let again = json(&deskcoll(
        home.path(),
        &["termin", "--changes", "--format", "json"],
    ));
    assert_eq!(again, first, "a look does not use up the changes");
    let csv = deskcoll(home.path(), &["termin", "--changes", "--format", "csv"]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(
        text.lines().next(),
        Some(
            "change,purchase_order_number,from_status,to_status,from_step,to_step,from_bill,to_bill"
        )
    );
    assert_eq!(text.lines().count(), bills.len() + 1, "the CSV too: {text}");
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

// ---- against a twin of 1,234 transactions and a small server of trillions -------------------

use chrono::{DateTime, FixedOffset, NaiveDate};
use deskcoll::twin::{RunningTwin, TwinOptions};
use serde_json::Value;

/// `deskcoll --now NOW --termin-url URL ARGS`, whatever its exit.
fn against(home: &Path, url: &str, now: &str, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(["--now", now, "--termin-url", url])
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_LANG", "en")
        .stdin(std::process::Stdio::null());
    c.output().unwrap()
}

fn ok(o: Output) -> Output {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const NOW: &str = "2026-11-28T10:00:00+07:00";

async fn big_twin(churn: f64, state: Option<std::path::PathBuf>) -> RunningTwin {
    common::twin_with(TwinOptions {
        transactions: 1234,
        no_auth: true,
        termin_churn: churn,
        state,
        ..common::options()
    })
    .await
}

/// Every transaction as the raw API gives them, read independently of the CLI.
async fn raw(t: &RunningTwin) -> Vec<Value> {
    let client = reqwest::Client::new();
    let mut out = Vec::new();
    for page in 1.. {
        let v: Value = client
            .get(t.termin_url())
            .query(&[("page", page), ("limit", 500)])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let rows = v["data"]["transaction-termin"].as_array().cloned();
        match rows {
            Some(rows) if !rows.is_empty() => out.extend(rows),
            _ => break,
        }
    }
    out
}

fn bill(t: &Value) -> Money {
    money(&t["payment"]["bill_amount"])
}

fn status(t: &Value) -> &str {
    t["general"]["status_name"].as_str().unwrap()
}

fn run_blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f).join().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whole_set_questions_cover_every_page_and_the_right_set() {
    let t = big_twin(0.0, None).await;
    let rows = raw(&t).await;
    assert_eq!(rows.len(), 1234);
    let url = t.termin_url();
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let (summary, penagihan, several, repeated, open_vendors, table) = run_blocking(move || {
        let j = |args: &[&str]| -> (Value, String) {
            let o = ok(against(&h, &url, NOW, args));
            (serde_json::from_slice(&o.stdout).unwrap(), stderr(&o))
        };
        let table = stdout(&ok(against(
            &h,
            &url,
            NOW,
            &["termin", "--open", "--group-by", "vendor"],
        )));
        (
            j(&["termin", "--summary", "--format", "json"]),
            j(&["termin", "--status", "Penagihan", "--format", "json"]),
            j(&[
                "termin",
                "--status",
                "Penagihan,Dikirim",
                "--format",
                "json",
            ]),
            j(&[
                "termin",
                "--status",
                "penagihan",
                "--status",
                "Dikirim",
                "--format",
                "json",
            ]),
            j(&[
                "termin",
                "--open",
                "--group-by",
                "vendor",
                "--format",
                "json",
            ]),
            table,
        )
    });
    // --summary without --all: the whole set, not page one.
    let whole: Money = rows.iter().map(bill).fold(Money::ZERO, add);
    assert_eq!(summary.0["grand"]["count"], 1234);
    assert_eq!(money(&summary.0["grand"]["bill_amount"]), whole);
    assert!(summary.0["grand"]["bill_amount"].is_number());
    assert!(
        summary.1.contains("read 13 of 13 pages, 1234 transactions"),
        "the walk is said on stderr: {}",
        summary.1
    );
    // --status walks every page too.
    let expected = rows.iter().filter(|t| status(t) == "Penagihan").count();
    assert!(expected > 100);
    assert_eq!(penagihan.0.as_array().unwrap().len(), expected);
    let both = rows
        .iter()
        .filter(|t| ["Penagihan", "Dikirim"].contains(&status(t)))
        .count();
    assert_eq!(several.0.as_array().unwrap().len(), both);
    assert_eq!(
        several.0, repeated.0,
        "a list or the flag repeated, any case"
    );
    // "Which vendors are we owing most?": open work only.
    let mut owed: std::collections::BTreeMap<String, Money> = Default::default();
    for t in rows
        .iter()
        .filter(|t| !["Selesai", "Dibatalkan"].contains(&status(t)))
    {
        let v = t["vendor"]["name"].as_str().unwrap().to_string();
        let e = owed.entry(v).or_default();
        *e = add(*e, bill(t));
    }
    let top = owed.iter().max_by_key(|(_, m)| **m).unwrap();
    let groups = open_vendors.0.as_array().unwrap();
    assert_eq!(groups[0]["key"].as_str().unwrap(), top.0);
    assert_eq!(money(&groups[0]["bill_amount"]), *top.1);
    // The table ends with a TOTAL row, with the shipping column.
    let last = table.lines().rev().nth(1).unwrap();
    assert!(last.trim_start().starts_with("TOTAL"), "{table}");
    let open_total: Money = owed.values().copied().fold(Money::ZERO, add);
    assert!(last.contains(&open_total.rupiah()), "{last}");
    assert!(
        table.lines().next().unwrap().contains("SHIPPING"),
        "{table}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_silently_ignored() {
    let t = big_twin(0.0, None).await;
    let url = t.termin_url();
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let (conflict, typo, nothing, search, po) = run_blocking(move || {
        (
            against(
                &h,
                &url,
                NOW,
                &[
                    "termin",
                    "--group-by",
                    "vendor",
                    "--aging",
                    "--sort",
                    "bill_amount",
                    "--page",
                    "2",
                ],
            ),
            against(&h, &url, NOW, &["termin", "--status", "Penagihn"]),
            against(&h, &url, NOW, &["termin", "--po", "PO-NO-SUCH"]),
            against(
                &h,
                &url,
                NOW,
                &["termin", "--search", "INV-", "--format", "json"],
            ),
            against(
                &h,
                &url,
                NOW,
                &["termin", "--all", "--limit", "1", "--format", "json"],
            ),
        )
    });
    assert_eq!(conflict.status.code(), Some(2));
    assert!(conflict.stdout.is_empty());
    let line = stderr(&conflict);
    assert_eq!(line.lines().count(), 1, "every fault on one line: {line}");
    for said in [
        "--page: cannot be used with --sort",
        "--page: cannot be used with --group-by",
        "--page: cannot be used with --aging",
        "--group-by: cannot be used with --aging",
        "--sort: cannot be used with --group-by",
        "--sort: cannot be used with --aging",
    ] {
        assert!(line.contains(said), "{said} in {line}");
    }
    let h = home.path().to_path_buf();
    let url = t.termin_url();
    let limit =
        run_blocking(move || against(&h, &url, NOW, &["termin", "--summary", "--limit", "5"]));
    assert_eq!(limit.status.code(), Some(2));
    let line = stderr(&limit);
    assert!(
        line.contains("--limit: cannot be used with --summary"),
        "{line}"
    );
    assert_eq!(typo.status.code(), Some(1));
    let said = stderr(&typo);
    assert!(
        said.contains("Penagihn") && said.contains("statuses seen:"),
        "{said}"
    );
    assert!(
        said.contains("Penagihan") && said.contains("Selesai"),
        "{said}"
    );
    assert_eq!(nothing.status.code(), Some(1));
    assert!(stderr(&nothing).contains("PO-NO-SUCH"));
    // --search: what carries the text, every page.
    let found: Value = serde_json::from_slice(&ok(search).stdout).unwrap();
    let found = found.as_array().unwrap();
    assert!(!found.is_empty());
    assert!(found.iter().all(|t| {
        t["general"]["invoice_number"]
            .as_str()
            .unwrap()
            .contains("INV-")
    }));
    // --po: the detail of one transaction, every field.
    let all: Value = serde_json::from_slice(&ok(po).stdout).unwrap();
    let one = &all[5];
    let number = one["general"]["purchase_order_number"]
        .as_str()
        .unwrap()
        .to_string();
    let home2 = tempfile::tempdir().unwrap();
    let url = t.termin_url();
    let shown = run_blocking(move || {
        stdout(&ok(against(
            home2.path(),
            &url,
            NOW,
            &["termin", "--po", &number],
        )))
    });
    for section in ["buyer_group", "general", "payment", "vendor"] {
        for (field, _) in one[section].as_object().unwrap() {
            assert!(
                shown.contains(&format!("{section}.{field}")),
                "{section}.{field}\n{shown}"
            );
        }
    }
    assert!(shown.contains(" WIB"), "dates in WIB, labelled: {shown}");
    assert!(shown.contains(&bill(one).rupiah()), "{shown}");
}

/// The day a time falls on in WIB.
fn wib_day(s: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&FixedOffset::east_opt(7 * 3600).unwrap())
        .date_naive()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ageing_counts_days_in_the_status_and_dates_read_in_wib() {
    let t = big_twin(0.0, None).await;
    let rows = raw(&t).await;
    let url = t.termin_url();
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let (aged, table, months) = run_blocking(move || {
        (
            ok(against(
                &h,
                &url,
                NOW,
                &[
                    "termin",
                    "--aging",
                    "--status",
                    "Penagihan",
                    "--format",
                    "json",
                ],
            )),
            // A desk in UTC: the dates shown are still WIB, and say so.
            {
                let mut c = against(&h, &url, NOW, &["termin", "--sort", "entry_date", "--open"]);
                c = ok(c);
                stdout(&c)
            },
            ok(against(
                &h,
                &url,
                NOW,
                &["termin", "--group-by", "month", "--format", "json"],
            )),
        )
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let band = |days: i64| match days {
        ..=30 => "0-30",
        31..=60 => "31-60",
        61..=90 => "61-90",
        _ => "over 90",
    };
    let mut expected: std::collections::BTreeMap<&str, (u64, Money)> = Default::default();
    for t in rows.iter().filter(|t| status(t) == "Penagihan") {
        let since = t["general"]["status_change_date"].as_str().unwrap();
        let e = expected
            .entry(band((today - wib_day(since)).num_days()))
            .or_default();
        e.0 += 1;
        e.1 = add(e.1, bill(t));
    }
    let aged: Value = serde_json::from_slice(&aged.stdout).unwrap();
    let got: std::collections::BTreeMap<&str, (u64, Money)> = aged
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["band"].as_str().unwrap(),
                (r["count"].as_u64().unwrap(), money(&r["bill_amount"])),
            )
        })
        .collect();
    assert_eq!(
        got, expected,
        "bands by days since status_change_date, in WIB"
    );
    let header = table.lines().next().unwrap();
    assert!(header.contains("(WIB)"), "{header}");
    assert!(table.lines().nth(1).unwrap().contains(" WIB"), "{table}");
    // Month groups in calendar order, each month as WIB reads the entry date.
    let months: Value = serde_json::from_slice(&months.stdout).unwrap();
    let keys: Vec<&str> = months
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for g in months.as_array().unwrap() {
        let n = rows
            .iter()
            .filter(|t| {
                wib_day(t["general"]["entry_date"].as_str().unwrap())
                    .format("%Y-%m")
                    .to_string()
                    == g["key"].as_str().unwrap()
            })
            .count();
        assert_eq!(g["count"].as_u64().unwrap() as usize, n, "{g}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_are_not_used_up_and_the_twin_moves_and_keeps_its_pos() {
    let state = tempfile::tempdir().unwrap();
    let file = state.path().join("twin.sqlite");
    let t = big_twin(0.02, Some(file.clone())).await;
    let url = t.termin_url();
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let (first, monday, monday_again, csv, named, missing) = run_blocking(move || {
        let j = |now: &str, args: &[&str]| -> Value {
            serde_json::from_slice(&ok(against(&h, &url, now, args)).stdout).unwrap()
        };
        let first = j(
            "2026-11-27T09:00:00+07:00",
            &["termin", "--changes", "--format", "json"],
        );
        let monday = j(
            "2026-11-30T09:00:00+07:00",
            &["termin", "--changes", "--format", "json"],
        );
        let again = j(
            "2026-11-30T11:00:00+07:00",
            &["termin", "--changes", "--format", "json"],
        );
        let csv = stdout(&ok(against(
            &h,
            &url,
            "2026-11-30T11:30:00+07:00",
            &["termin", "--changes", "--format", "csv"],
        )));
        let named = j(
            "2026-11-30T12:00:00+07:00",
            &[
                "termin",
                "--changes",
                "--since",
                "2026-11-30",
                "--format",
                "json",
            ],
        );
        let missing = against(
            &h,
            &url,
            "2026-11-30T12:00:00+07:00",
            &["termin", "--changes", "--since", "2026-11-01"],
        );
        (first, monday, again, csv, named, missing)
    });
    assert!(first["since"].is_null());
    assert_eq!(first["new"].as_array().unwrap().len(), 1234);
    // Monday compares with Friday's look; the twin moved some statuses and steps meanwhile.
    assert!(
        monday["since"].as_str().unwrap().starts_with("2026-11-27"),
        "{}",
        monday["since"]
    );
    let changed = monday["changed"].as_array().unwrap();
    assert!(!changed.is_empty(), "the twin moved something");
    assert!(
        monday["new"].as_array().unwrap().is_empty(),
        "no PO renamed"
    );
    assert!(
        monday["gone"].as_array().unwrap().is_empty(),
        "no PO renamed"
    );
    for c in changed {
        assert!(
            c["from_status"] != c["to_status"] || c["from_step"] != c["to_step"],
            "{c}"
        );
    }
    // Asked again the same day: still against Friday, so what moved is still reported.
    assert_eq!(monday_again["since"], monday["since"]);
    assert!(monday_again["changed"].as_array().unwrap().len() >= changed.len());
    assert!(
        csv.lines().count() > 1,
        "the CSV after the JSON is not empty: {csv}"
    );
    // --since names the look to compare with: today's.
    assert!(named["since"].as_str().unwrap().starts_with("2026-11-30"));
    assert_eq!(missing.status.code(), Some(1));
    let said = stderr(&missing);
    assert!(
        said.contains("2026-11-01") && said.contains("2026-11-27"),
        "{said}"
    );

    // A restart with the same state: the same PO numbers (the moves go on from where they
    // were: each look moves some again).
    let pos = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .map(|t| {
                t["general"]["purchase_order_number"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let before = pos(&raw(&t).await);
    drop(t);
    let t = big_twin(0.02, Some(file)).await;
    let after = pos(&raw(&t).await);
    assert_eq!(before.len(), after.len());
    let renamed = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    assert_eq!(renamed, 0, "PO numbers survive a restart");
    let moved = raw(&t).await;
    assert!(
        moved.iter().any(|t| t["general"]["status_change_date"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-27T10:00")),
        "moved at the twin's clock"
    );
}

// ---- a small server: trillion-rupiah bills, one PO with two steps ---------------------------

fn small_row(po: &str, step: i64, status: &str, bill: &str, vendor: &str) -> Value {
    let bill: serde_json::Number = serde_json::from_str(bill).unwrap();
    serde_json::json!({
        "buyer_group": {"bumn_id": "b", "id": "g", "name": "PT Pertamina", "user_id": "u", "user_name": "Budi"},
        "general": {"buyer_name": "Budi", "entry_date": "2026-10-01T20:00:00.000Z",
                    "invoice_date": "", "invoice_number": "", "purchase_order_number": po,
                    "purchase_request_number": "PR-1", "status_change_date": "2026-10-31T18:00:00.000Z",
                    "status_name": status},
        "payment": {"bank_holder": "", "bank_name": "Mandiri", "bill_amount": bill,
                    "payment_method": "MANDIRI", "pph21": 0, "pph22": 0, "pph23": 0, "ppn_by": "",
                    "price_sub_total": bill, "product_ppn": 0, "shipping_cost": 0,
                    "shipping_cost_pph": 0, "shipping_cost_ppn": 0, "step": step, "total_pph": 0,
                    "total_ppn": 0, "total_step": 2, "va_number": ""},
        "vendor": {"id": "v", "address": "", "city": "", "district": "", "name": vendor,
                   "province": "", "zipcode": ""}
    })
}

/// Serves `rows` as one page, whatever is asked; `rows` may be replaced meanwhile.
async fn small_server(rows: std::sync::Arc<std::sync::Mutex<Vec<Value>>>) -> String {
    use axum::extract::{Query, State};
    use axum::routing::get;
    type Rows = std::sync::Arc<std::sync::Mutex<Vec<Value>>>;
    async fn page(
        State(rows): State<Rows>,
        Query(q): Query<std::collections::HashMap<String, String>>,
    ) -> axum::response::Response {
        use axum::response::IntoResponse;
        let rows = rows.lock().unwrap().clone();
        let page: i64 = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
        if page > 1 {
            return (
                axum::http::StatusCode::NOT_FOUND,
                axum::Json(serde_json::json!({"status": "error", "message": "transactions termin not found"})),
            )
                .into_response();
        }
        axum::Json(
            serde_json::json!({"status": "success", "message": "ok", "data": {
            "meta": {"first": "", "last": "", "limit": 100, "next": "", "page": 1, "prev": "",
                     "total_data": rows.len(), "total_page": 1},
            "transaction-termin": rows}}),
        )
        .into_response()
    }
    let app = axum::Router::new()
        .route("/termin", get(page))
        .with_state(rows);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/termin")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trillions_are_exact_and_two_steps_of_one_po_are_two_rows() {
    let rows = std::sync::Arc::new(std::sync::Mutex::new(vec![
        small_row("PO-DUP", 1, "Penagihan", "1234567890123", "PT Besar"),
        small_row("PO-DUP", 2, "Dikirim", "1234567890123.45", "PT Besar"),
        small_row("PO-KECIL", 1, "Selesai", "5", "CV Kecil"),
    ]));
    let url = small_server(rows.clone()).await;
    let home = tempfile::tempdir().unwrap();
    let (h, u) = (home.path().to_path_buf(), url.clone());
    let (csv, groups, summary, summary_table, ageing, po, friday, saturday) =
        run_blocking(move || {
            let text = |now: &str, args: &[&str]| stdout(&ok(against(&h, &u, now, args)));
            (
                text(NOW, &["termin", "--status", "Penagihan", "--format", "csv"]),
                text(NOW, &["termin", "--group-by", "vendor", "--format", "json"]),
                text(NOW, &["termin", "--summary", "--format", "json"]),
                text(NOW, &["termin", "--summary"]),
                text(NOW, &["termin", "--aging", "--format", "json"]),
                text(NOW, &["termin", "--po", "po-dup"]),
                text(
                    "2026-11-27T09:00:00+07:00",
                    &["termin", "--changes", "--format", "json"],
                ),
                text(
                    "2026-11-28T09:00:00+07:00",
                    &["termin", "--changes", "--format", "json"],
                ),
            )
        });
    // The CSV carries the tax split and shipping; money plain and exact.
    let header = csv.lines().next().unwrap();
    for column in [
        "pph21",
        "pph22",
        "pph23",
        "total_ppn",
        "shipping_cost",
        "bill_amount",
    ] {
        assert!(
            header.split(',').any(|h| h == column),
            "{column} in {header}"
        );
    }
    assert!(csv.contains(",1234567890123,"), "{csv}");
    // Every money figure a JSON number, exact, no exponent.
    assert!(
        groups.contains("\"bill_amount\": 2469135780246.45"),
        "{groups}"
    );
    assert!(
        summary.contains("\"bill_amount\": 2469135780251.45"),
        "{summary}"
    );
    assert!(
        !groups.contains("e+") && !summary.contains("e+"),
        "no exponent"
    );
    assert!(
        summary_table.contains("Rp 2.469.135.780.251,45"),
        "{summary_table}"
    );
    assert!(
        summary_table.contains("Rp 1.234.567.890.123"),
        "{summary_table}"
    );
    let ageing: Value = serde_json::from_slice(ageing.as_bytes()).unwrap();
    assert!(
        ageing
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["bill_amount"].is_number())
    );
    // One PO, two steps: both shown whole.
    assert_eq!(
        po.matches("general.purchase_order_number").count(),
        2,
        "{po}"
    );
    assert!(
        po.contains("2026-11-01 01:00 WIB"),
        "status date in WIB: {po}"
    );
    // Two rows with one PO are no change.
    let friday: Value = serde_json::from_str(&friday).unwrap();
    assert_eq!(friday["new"].as_array().unwrap().len(), 3);
    let saturday: Value = serde_json::from_str(&saturday).unwrap();
    for key in ["new", "changed", "gone"] {
        assert!(
            saturday[key].as_array().unwrap().is_empty(),
            "{key}: {saturday}"
        );
    }
    // A bill that changes is reported, from and to.
    rows.lock().unwrap()[0] = small_row("PO-DUP", 1, "Penagihan", "1234567890000", "PT Besar");
    let (h, u) = (home.path().to_path_buf(), url);
    let sunday = run_blocking(move || {
        stdout(&ok(against(
            &h,
            &u,
            "2026-11-29T09:00:00+07:00",
            &["termin", "--changes"],
        )))
    });
    assert!(
        sunday.contains("bill Rp 1.234.567.890.123 -> Rp 1.234.567.890.000"),
        "{sunday}"
    );
}

/// An independent sum for the checks (the amounts here are far inside the range).
fn add(a: Money, b: Money) -> Money {
    a.checked_add(b).expect("a test's sum fits")
}
