//! `--format xlsx --output FILE`, read back with calamine: identifiers stay text with every
//! digit, money is a number, dates are dates; the file is the owner's only; without
//! `--output` the format is refused.
#![allow(clippy::unwrap_used)]

use calamine::{Data, DataType, Reader, open_workbook_auto};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn deskcoll(home: &Path, args: &[&str]) -> Output {
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
        .env("DESKCOLL_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The sheet's header row and rows.
fn read(path: &Path, sheet: &str) -> (Vec<String>, Vec<Vec<Data>>) {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let mut rows = range.rows().map(|r| r.to_vec());
    let headers = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    (headers, rows.collect())
}

fn col(headers: &[String], key: &str) -> usize {
    headers
        .iter()
        .position(|h| h == key)
        .unwrap_or_else(|| panic!("{key} in {headers:?}"))
}

#[test]
fn tasks_as_a_workbook_keep_identifiers_money_and_dates() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("tasks.xlsx");
    let o = deskcoll(
        home.path(),
        &[
            "tasks",
            "--format",
            "xlsx",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let (h, rows) = read(&file, "tasks");
    assert_eq!(rows.len(), 100);
    assert_eq!(h[0], "contract_no");
    let (contract, total, due, phone, callable) = (
        col(&h, "contract_no"),
        col(&h, "total_amount"),
        col(&h, "due_date"),
        col(&h, "phone1"),
        col(&h, "callable_now"),
    );
    let row = rows
        .iter()
        .find(|r| r[contract] == Data::String("000418110200010".into()))
        .expect("the contract, its leading zeros kept, as text");
    assert_eq!(row[total], Data::Float(26_435_641.0));
    assert!(matches!(row[due], Data::DateTime(_)), "{:?}", row[due]);
    assert!(
        rows.iter()
            .all(|r| matches!(r[phone], Data::String(_) | Data::Empty))
    );
    assert!(rows.iter().all(|r| matches!(r[callable], Data::Bool(_))));
}

#[test]
fn termin_rows_groups_and_ageing_as_workbooks() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("termin.xlsx");
    let f = file.to_str().unwrap();
    let o = deskcoll(
        home.path(),
        &["termin", "--all", "--format", "xlsx", "--output", f],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (h, rows) = read(&file, "termin");
    assert!(rows.len() > 10, "every page in one sheet: {}", rows.len());
    let (va, bill, po, entry) = (
        col(&h, "va_number"),
        col(&h, "bill_amount"),
        col(&h, "purchase_order_number"),
        col(&h, "entry_date"),
    );
    assert!(
        rows.iter()
            .all(|r| matches!(r[va], Data::String(_) | Data::Empty))
    );
    assert!(
        rows.iter()
            .all(|r| matches!(r[po], Data::String(_) | Data::Empty))
    );
    assert!(
        rows.iter()
            .all(|r| matches!(r[bill], Data::Float(_) | Data::Empty))
    );
    assert!(rows.iter().any(|r| matches!(r[entry], Data::DateTime(_))));
    // The JSON's total is the sheet's, to the cent.
    let json = deskcoll(
        home.path(),
        &["termin", "--all", "--summary", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let want: f64 = v["grand"]["bill_amount"]
        .to_string()
        .trim_matches('"')
        .parse()
        .unwrap();
    let got: f64 = rows.iter().filter_map(|r| r[bill].get_float()).sum();
    assert!((got - want).abs() < 0.005, "{got} vs {want}");

    for (args, key) in [
        (vec!["--all", "--group-by", "status"], "bill_amount"),
        (vec!["--aging"], "bill_amount"),
    ] {
        let mut a = vec!["termin"];
        a.extend(args.iter().copied());
        a.extend(["--format", "xlsx", "--output", f]);
        let o = deskcoll(home.path(), &a);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{a:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let (h, rows) = read(&file, "termin");
        assert!(!rows.is_empty(), "{a:?}");
        let c = col(&h, key);
        assert!(
            rows.iter().all(|r| matches!(r[c], Data::Float(_))),
            "{a:?}: {rows:?}"
        );
        assert!(
            rows.iter()
                .all(|r| matches!(r[col(&h, "count")], Data::Float(_)))
        );
    }
}

#[test]
fn today_outbox_and_audit_as_workbooks() {
    let home = tempfile::tempdir().unwrap();
    let batch = home.path().join("results.csv");
    std::fs::write(
        &batch,
        "account,action,result,promise,period,remark\n000318270200055,PTP,PTP01,+2,29,janji bayar\n",
    )
    .unwrap();
    let o = deskcoll(home.path(), &["submit", "--batch", batch.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = home.path().join("out.xlsx");
    let f = file.to_str().unwrap();
    for (cmd, sheet) in [
        (vec!["outbox", "list"], "outbox"),
        (vec!["audit"], "audit"),
        (vec!["today"], "today"),
    ] {
        let mut a = cmd.clone();
        a.extend(["--format", "xlsx", "--output", f]);
        let o = deskcoll(home.path(), &a);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{a:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let (h, rows) = read(&file, sheet);
        assert!(!rows.is_empty(), "{a:?}");
        if sheet != "today" {
            let account = col(&h, "account_no");
            assert_eq!(
                rows[0][account],
                Data::String("000318270200055".into()),
                "{a:?}"
            );
        }
        if sheet == "audit" {
            let prev = col(&h, "prev_sha256");
            assert_eq!(rows[0][prev], Data::String("0".repeat(64)));
            assert!(matches!(rows[0][col(&h, "call_time")], Data::DateTime(_)));
        }
    }
}

#[test]
fn xlsx_without_output_is_refused_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["tasks", "--format", "xlsx"],
        vec!["termin", "--format", "xlsx"],
        vec!["audit", "--format", "xlsx"],
    ] {
        let o = deskcoll(home.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--output FILE"), "{err}");
    }
}
