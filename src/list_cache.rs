//! The last task list read from a server, kept on this desk with the time it was read (per
//! server, in the data folder, readable by its user only), so that work can start from it at
//! once and go on when the server cannot be reached. The demo twin's list is kept under its
//! own key ("demo"), never mixed with a real server's.
//!
//! Kept in a compact binary form (postcard, typed fields: amounts as their 16 exact bytes,
//! dates as day numbers), not the server's JSON: reading it back is several times quicker
//! than parsing the server's every-value-a-string format (BENCHMARKS.md).

use crate::domain::Task;
use crate::domain::money::Money;
use crate::domain::task::Text;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The first bytes of the file: what it is and the layout's version. Another version is
/// not read (the next successful read writes the current one).
const MAGIC: &[u8; 8] = b"DCLIST01";

/// The key of the demo twin's list.
pub const DEMO_KEY: &str = "demo";

/// Where the list of the server whose task list is at `key` lives (`Session::list_key`: the
/// tasks URL, or "demo"). Its name is a digest of the key, never the URL.
pub fn path_for(key: &str) -> Option<PathBuf> {
    Some(crate::config::data_dir()?.join(file_name(key)))
}

fn file_name(key: &str) -> String {
    let digest = crate::domain::result::sign(key, "task-list");
    format!("task-list-{}.bin", &digest[..16])
}

/// Keeps `tasks`, read at `read_at`, as the last list of `key`.
pub fn save(key: &str, tasks: &[Task], read_at: DateTime<FixedOffset>) -> io::Result<()> {
    let path = path_for(key).ok_or_else(|| io::Error::other("no data folder on this system"))?;
    if let Some(dir) = path.parent() {
        crate::files::own_private_dir(dir)?;
    }
    save_to(&path, tasks, read_at)
}

/// Keeps a list just read from the server, as of now on `clock`. A list that cannot be kept
/// is said in the log, never a failure: the list itself is fine.
pub fn keep(key: &str, tasks: &[Task], clock: &crate::clock::Clock) {
    if let Err(e) = save(key, tasks, clock.now()) {
        tracing::warn!(error = %e, "cannot keep the task list on this desk");
    }
}

/// The last list of `key` and the time it was read; `None` when there is none, or it cannot
/// be read (then the next successful read writes it anew).
pub fn load(key: &str) -> Option<(Vec<Task>, DateTime<FixedOffset>)> {
    load_from(&path_for(key)?)
}

/// Writes the list to `path` (0600), whole or not at all: a new file beside it, renamed over.
pub fn save_to(path: &Path, tasks: &[Task], read_at: DateTime<FixedOffset>) -> io::Result<()> {
    let file = CachedList {
        read_at_micros: read_at.timestamp_micros(),
        offset_secs: read_at.offset().local_minus_utc(),
        tasks: tasks.iter().map(CachedTask::of).collect(),
    };
    let bytes = postcard::to_extend(&file, MAGIC.to_vec()).map_err(io::Error::other)?;
    let tmp = path.with_extension("bin.new");
    crate::files::write_private(&tmp, &bytes)?;
    std::fs::rename(&tmp, path)
}

/// Reads a list written by `save_to`.
pub fn load_from(path: &Path) -> Option<(Vec<Task>, DateTime<FixedOffset>)> {
    let bytes = std::fs::read(path).ok()?;
    decode(&bytes)
}

fn decode(bytes: &[u8]) -> Option<(Vec<Task>, DateTime<FixedOffset>)> {
    let body = bytes.strip_prefix(MAGIC.as_slice())?;
    let file: CachedList = postcard::from_bytes(body).ok()?;
    let offset = FixedOffset::east_opt(file.offset_secs)?;
    let read_at = DateTime::from_timestamp_micros(file.read_at_micros)?.with_timezone(&offset);
    let tasks = file
        .tasks
        .into_iter()
        .map(CachedTask::into_task)
        .collect::<Option<Vec<_>>>()?;
    Some((tasks, read_at))
}

#[derive(Serialize, Deserialize)]
struct CachedList<'a> {
    read_at_micros: i64,
    offset_secs: i32,
    #[serde(borrow)]
    tasks: Vec<CachedTask<'a>>,
}

/// `Task` with typed fields for a non-self-describing format (`Task`'s own serde reads the
/// server's spellings leniently, which needs a self-describing one). Text is borrowed from
/// the file's bytes while decoding.
#[derive(Serialize, Deserialize)]
struct CachedTask<'a> {
    contract_no: &'a str,
    name: &'a str,
    contract_person: &'a str,
    address: &'a str,
    branch_name: &'a str,
    marketing_name: &'a str,
    phone1: &'a str,
    phone2: &'a str,
    phone3: &'a str,
    phone4: &'a str,
    overdue: Option<i64>,
    installment_number_field: Option<[u8; 16]>,
    total_installments: Option<i64>,
    due_date: Option<i32>,
    payment_method: &'a str,
    asset: &'a str,
    customer_code: &'a str,
    installment_amount_field: Option<[u8; 16]>,
    penalty: Option<[u8; 16]>,
    total_due: Option<[u8; 16]>,
    osar: Option<[u8; 16]>,
    lastpaid_amount: Option<[u8; 16]>,
    /// Seconds since the epoch (as if UTC) and nanoseconds.
    lastpaid_duedate: Option<(i64, u32)>,
    lastpaid_tenor: Option<i64>,
    lastpaid_paymentdate: Option<i32>,
    product: &'a str,
    flag_dedicated: &'a str,
}

fn money_out(m: Option<Money>) -> Option<[u8; 16]> {
    m.map(|m| m.0.serialize())
}

fn money_in(b: Option<[u8; 16]>) -> Option<Money> {
    b.map(|b| Money(Decimal::deserialize(b)))
}

fn date_out(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| d.num_days_from_ce())
}

/// `None` inside `Some` when the day number is out of range: the file is not trusted then.
fn date_in(d: Option<i32>) -> Option<Option<NaiveDate>> {
    match d {
        None => Some(None),
        Some(n) => NaiveDate::from_num_days_from_ce_opt(n).map(Some),
    }
}

impl<'a> CachedTask<'a> {
    fn of(t: &'a Task) -> Self {
        CachedTask {
            contract_no: &t.contract_no,
            name: &t.name,
            contract_person: &t.contract_person,
            address: &t.address,
            branch_name: &t.branch_name,
            marketing_name: &t.marketing_name,
            phone1: &t.phone1,
            phone2: &t.phone2,
            phone3: &t.phone3,
            phone4: &t.phone4,
            overdue: t.overdue,
            installment_number_field: money_out(t.installment_number_field),
            total_installments: t.total_installments,
            due_date: date_out(t.due_date),
            payment_method: &t.payment_method,
            asset: &t.asset,
            customer_code: &t.customer_code,
            installment_amount_field: money_out(t.installment_amount_field),
            penalty: money_out(t.penalty),
            total_due: money_out(t.total_due),
            osar: money_out(t.osar),
            lastpaid_amount: money_out(t.lastpaid_amount),
            lastpaid_duedate: t.lastpaid_duedate.map(|d| {
                let utc = d.and_utc();
                (utc.timestamp(), utc.timestamp_subsec_nanos())
            }),
            lastpaid_tenor: t.lastpaid_tenor,
            lastpaid_paymentdate: date_out(t.lastpaid_paymentdate),
            product: &t.product,
            flag_dedicated: &t.flag_dedicated,
        }
    }

    fn into_task(self) -> Option<Task> {
        let money = money_in;
        let lastpaid_duedate: Option<NaiveDateTime> = match self.lastpaid_duedate {
            None => None,
            Some((secs, nanos)) => Some(DateTime::from_timestamp(secs, nanos)?.naive_utc()),
        };
        let text = Text::from;
        Some(Task {
            contract_no: text(self.contract_no),
            name: text(self.name),
            contract_person: text(self.contract_person),
            address: text(self.address),
            branch_name: text(self.branch_name),
            marketing_name: text(self.marketing_name),
            phone1: text(self.phone1),
            phone2: text(self.phone2),
            phone3: text(self.phone3),
            phone4: text(self.phone4),
            overdue: self.overdue,
            installment_number_field: money(self.installment_number_field),
            total_installments: self.total_installments,
            due_date: date_in(self.due_date)?,
            payment_method: text(self.payment_method),
            asset: text(self.asset),
            customer_code: text(self.customer_code),
            installment_amount_field: money(self.installment_amount_field),
            penalty: money(self.penalty),
            total_due: money(self.total_due),
            osar: money(self.osar),
            lastpaid_amount: money(self.lastpaid_amount),
            lastpaid_duedate,
            lastpaid_tenor: self.lastpaid_tenor,
            lastpaid_paymentdate: date_in(self.lastpaid_paymentdate)?,
            product: text(self.product),
            flag_dedicated: text(self.flag_dedicated),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::twin::book::LoanBook;

    fn read_at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T07:58:12.345678+07:00").unwrap()
    }

    fn every_field() -> Task {
        use std::str::FromStr;
        Task {
            contract_no: "0123456789".into(),
            name: "Budi Santoso bin Ahmad, a name longer than twenty-four bytes".into(),
            contract_person: "Siti".into(),
            address: "Jl. Merdeka No. 1, RT 01/RW 02, Kel. Menteng".into(),
            branch_name: "JAKARTA".into(),
            marketing_name: "Andi".into(),
            phone1: "08123456789".into(),
            phone2: "021-555".into(),
            phone3: "".into(),
            phone4: "+62 812".into(),
            overdue: Some(8),
            installment_number_field: Some(Money(Decimal::from_str("29949000.00").unwrap())),
            total_installments: Some(36),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 20),
            payment_method: "VA".into(),
            asset: "HONDA BEAT".into(),
            customer_code: "C-1".into(),
            installment_amount_field: None,
            penalty: Some(Money(Decimal::from_str("-1.5").unwrap())),
            total_due: Some(Money::from_units(1_445_252_000)),
            osar: Some(Money(Decimal::from_str("0.000001").unwrap())),
            lastpaid_amount: Some(Money::ZERO),
            lastpaid_duedate: NaiveDate::from_ymd_opt(2026, 10, 20)
                .unwrap()
                .and_hms_nano_opt(13, 5, 7, 123_456_789),
            lastpaid_tenor: Some(-1),
            lastpaid_paymentdate: NaiveDate::from_ymd_opt(1, 1, 1),
            product: "MOTOR".into(),
            flag_dedicated: "Y".into(),
        }
    }

    #[test]
    fn round_trip_keeps_every_field_and_the_read_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir
            .path()
            .join(file_name("https://collect.example/api/DailyTask"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let book = LoanBook::generate(1, 500, 500, today);
        let mut tasks: Vec<Task> = book.contracts.iter().map(|c| c.task_on(today)).collect();
        tasks.push(every_field());
        tasks.push(Task::default());
        save_to(&path, &tasks, read_at()).unwrap();
        let (back, at) = load_from(&path).unwrap();
        assert_eq!(back, tasks);
        assert_eq!(at, read_at());
        assert_eq!(at.offset().local_minus_utc(), 7 * 3600);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Saved again over itself: still whole, the new list.
        save_to(&path, &tasks[..3], read_at()).unwrap();
        assert_eq!(load_from(&path).unwrap().0, tasks[..3]);
        assert!(!path.with_extension("bin.new").exists());
    }

    #[test]
    fn an_empty_list_is_a_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.bin");
        save_to(&path, &[], read_at()).unwrap();
        assert_eq!(load_from(&path), Some((vec![], read_at())));
    }

    #[test]
    fn a_missing_truncated_or_foreign_file_is_no_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.bin");
        assert_eq!(load_from(&path), None);
        save_to(&path, &[every_field()], read_at()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        for cut in [0, 4, MAGIC.len(), MAGIC.len() + 3, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut other_version = bytes.clone();
        other_version[7] = b'9';
        assert_eq!(decode(&other_version), None);
        assert_eq!(decode(b"{\"data\":[]}"), None);
    }

    #[test]
    fn each_server_has_its_own_file_and_the_demo_its_own() {
        let a = file_name("https://a.example/api/DailyTask_DeskColl");
        let b = file_name("https://b.example/api/DailyTask_DeskColl");
        let demo = file_name(DEMO_KEY);
        assert_ne!(a, b);
        assert_ne!(a, demo);
        assert!(!a.contains("example"));
    }
}
