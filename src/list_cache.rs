//! The last task list read from a server, kept on this desk with the time it was read (per
//! server, in the data folder, readable by its user only), so that work can start from it at
//! once and go on when the server cannot be reached. The demo twin's list is kept under its
//! own key ("demo"), never mixed with a real server's.
//!
//! Kept in a compact binary form of our own, not the server's JSON: typed fields (amounts as
//! their 16 exact bytes, dates as day numbers), values repeated from task to task (branch,
//! marketing, payment method, asset, product, the zone's place) written once and referred
//! to, each customer's zone as worked out from the address, an index of where each task's
//! record starts, and the base of the priority order (total due, largest first) computed
//! once. Launching from it does no address parsing and no sorting by amounts
//! (BENCHMARKS.md).
//!
//! Layout: `MAGIC`, the records, the zones (6 bytes a task), the shared texts, the index
//! (4 bytes a task), the order (4 bytes a task), then a footer of fixed size ending in `END`
//! that says where each part starts. A file whose parts do not add up is no list.

use crate::domain::Task;
use crate::domain::money::Money;
use crate::domain::task::Text;
use crate::domain::zone::{RegionTable, Zone, ZoneGuess, ZoneSource};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The first bytes of the file: what it is and the layout's version. Another version is
/// not read (the next successful read writes the current one).
const MAGIC: &[u8; 8] = b"DCLIST02";
/// The last bytes: a file cut short does not end in them.
const END: &[u8; 8] = b"DCLISTOK";
/// read_at micros, offset, count, where the zones, shared texts and index start, `END`.
const FOOTER: usize = 8 + 4 + 4 + 8 + 8 + 8 + 8;

/// The key of the demo twin's list.
pub const DEMO_KEY: &str = "demo";

/// A kept list with what launching from it needs besides the tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub tasks: Vec<Task>,
    /// Parallel to `tasks`: each customer's zone (`window::zone_of_task`).
    pub zones: Vec<ZoneGuess>,
    /// Indices of `tasks` by total due, largest first, ties in list order
    /// (`domain::order::by_total_due`): the base of the priority order.
    pub by_total: Vec<u32>,
    pub read_at: DateTime<FixedOffset>,
}

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
    save_to(&private_path(key)?, tasks, read_at)
}

fn private_path(key: &str) -> io::Result<PathBuf> {
    let path = path_for(key).ok_or_else(|| io::Error::other("no data folder on this system"))?;
    if let Some(dir) = path.parent() {
        crate::files::own_private_dir(dir)?;
    }
    Ok(path)
}

/// Keeps a list just read from the server, as of now on `clock`. A list that cannot be kept
/// is said in the log, never a failure: the list itself is fine.
pub fn keep(key: &str, tasks: &[Task], clock: &crate::clock::Clock) {
    if let Err(e) = save(key, tasks, clock.now()) {
        tracing::warn!(error = %e, "cannot keep the task list on this desk");
    }
}

/// `keep`, for a list whose zones are known.
pub fn keep_zoned(key: &str, tasks: &[Task], zones: &[ZoneGuess], clock: &crate::clock::Clock) {
    let read_at = clock.now();
    let order = crate::domain::order::by_total_due(tasks);
    let written = private_path(key)
        .and_then(|path| write_whole(&path, |w| encode(w, tasks, zones, &order, read_at)));
    if let Err(e) = written {
        tracing::warn!(error = %e, "cannot keep the task list on this desk");
    }
}

/// Keeps a list already encoded (`encode_to_vec`): only the writing and its fsync are left.
pub fn keep_encoded(key: &str, bytes: &[u8]) {
    let written = private_path(key).and_then(|path| write_whole(&path, |w| w.write_all(bytes)));
    if let Err(e) = written {
        tracing::warn!(error = %e, "cannot keep the task list on this desk");
    }
}

/// The last list of `key` and the time it was read; `None` when there is none, or it cannot
/// be read (then the next successful read writes it anew).
pub fn load(key: &str) -> Option<(Vec<Task>, DateTime<FixedOffset>)> {
    load_from(&path_for(key)?)
}

/// The last list of `key` with its zones and base order (`None` as for `load`).
pub fn load_kept(key: &str) -> Option<Kept> {
    load_kept_from(&path_for(key)?)
}

/// Writes the list to `path` (0600), whole or not at all: a new file beside it, synced,
/// renamed over. The zones and the order are worked out here.
pub fn save_to(path: &Path, tasks: &[Task], read_at: DateTime<FixedOffset>) -> io::Result<()> {
    let zones = zones_of(tasks);
    let order = crate::domain::order::by_total_due(tasks);
    write_whole(path, |w| encode(w, tasks, &zones, &order, read_at))
}

fn zones_of(tasks: &[Task]) -> Vec<ZoneGuess> {
    let regions = RegionTable::builtin();
    tasks
        .iter()
        .map(|t| crate::domain::window::zone_of_task(t, &regions))
        .collect()
}

/// The file's bytes for a list whose zones are known (the workstation has them): encoded
/// in memory, so that the list can be drawn before the file is written (`keep_encoded`).
pub fn encode_to_vec(
    tasks: &[Task],
    zones: &[ZoneGuess],
    read_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let order = crate::domain::order::by_total_due(tasks);
    let mut bytes = Vec::with_capacity(tasks.len() * 200 + 64);
    // Writing to memory does not fail.
    let _ = encode(&mut bytes, tasks, zones, &order, read_at);
    bytes
}

/// Writes through `fill` into a new private file beside `path`, synced, then renamed over it.
fn write_whole(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let tmp = path.with_extension("bin.new");
    let written = (|| {
        let file = crate::files::create_private(&tmp)?;
        let mut w = io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path)
}

/// Reads a list written by `save_to`.
pub fn load_from(path: &Path) -> Option<(Vec<Task>, DateTime<FixedOffset>)> {
    load_kept_from(path).map(|k| (k.tasks, k.read_at))
}

/// Reads a list written by `save_to`, with its zones and base order.
pub fn load_kept_from(path: &Path) -> Option<Kept> {
    let bytes = std::fs::read(path).ok()?;
    decode(&bytes)
}

/// A task's texts, in the order they are written.
fn texts(t: &Task) -> [&str; 15] {
    [
        &t.contract_no,
        &t.name,
        &t.contract_person,
        &t.address,
        &t.branch_name,
        &t.marketing_name,
        &t.phone1,
        &t.phone2,
        &t.phone3,
        &t.phone4,
        &t.payment_method,
        &t.asset,
        &t.customer_code,
        &t.product,
        &t.flag_dedicated,
    ]
}

/// The texts repeated from task to task (branch, marketing, payment method, asset,
/// product, flag): written once in the shared part, referred to by number.
const SHARED_TEXTS: [bool; 15] = [
    false, false, false, false, true, true, false, false, false, false, true, true, false, true,
    true,
];
/// A text's word with this bit set is the number of a shared text; else its length, the
/// bytes following.
const SHARED_BIT: u32 = 1 << 31;

/// Counts what is written, to say where each part starts.
struct Counted<'w, W: Write + ?Sized> {
    w: &'w mut W,
    at: u64,
}

impl<W: Write + ?Sized> Counted<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.at += bytes.len() as u64;
        self.w.write_all(bytes)
    }
}

#[derive(Default)]
struct Shared<'a> {
    numbers: HashMap<&'a str, u32>,
    texts: Vec<&'a str>,
}

impl<'a> Shared<'a> {
    fn number(&mut self, text: &'a str) -> u32 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = self.texts.len() as u32;
        self.texts.push(text);
        self.numbers.insert(text, n);
        n
    }
}

fn too_big() -> io::Error {
    io::Error::other("a task list too large to keep")
}

/// Streams the file out: nothing of the list is copied on the way.
fn encode<'a, W: Write + ?Sized>(
    w: &mut W,
    tasks: &'a [Task],
    zones: &'a [ZoneGuess],
    order: &[u32],
    read_at: DateTime<FixedOffset>,
) -> io::Result<()> {
    if zones.len() != tasks.len() || order.len() != tasks.len() {
        return Err(io::Error::other("zones or order not of the list"));
    }
    let n = u32::try_from(tasks.len()).map_err(|_| too_big())?;
    let mut out = Counted { w, at: 0 };
    out.put(MAGIC)?;
    let mut shared = Shared::default();
    let mut index: Vec<u32> = Vec::with_capacity(tasks.len());
    for t in tasks {
        index.push(u32::try_from(out.at - MAGIC.len() as u64).map_err(|_| too_big())?);
        write_record(&mut out, t, &mut shared)?;
    }
    let zones_at = out.at;
    for z in zones {
        let zone = match z.zone {
            Zone::Wib => 0u8,
            Zone::Wita => 1,
            Zone::Wit => 2,
        };
        let source = match z.source {
            ZoneSource::Address => 0u8,
            ZoneSource::Branch => 1,
            ZoneSource::Default => 2,
        };
        out.put(&[zone, source])?;
        out.put(&shared.number(&z.place).to_le_bytes())?;
    }
    let shared_at = out.at;
    out.put(&(shared.texts.len() as u32).to_le_bytes())?;
    for text in &shared.texts {
        let len = u32::try_from(text.len()).map_err(|_| too_big())?;
        out.put(&len.to_le_bytes())?;
        out.put(text.as_bytes())?;
    }
    let index_at = out.at;
    for i in &index {
        out.put(&i.to_le_bytes())?;
    }
    for i in order {
        out.put(&i.to_le_bytes())?;
    }
    out.put(&read_at.timestamp_micros().to_le_bytes())?;
    out.put(&read_at.offset().local_minus_utc().to_le_bytes())?;
    out.put(&n.to_le_bytes())?;
    out.put(&zones_at.to_le_bytes())?;
    out.put(&shared_at.to_le_bytes())?;
    out.put(&index_at.to_le_bytes())?;
    out.put(END)
}

fn write_record<'a, W: Write + ?Sized>(
    out: &mut Counted<W>,
    t: &'a Task,
    shared: &mut Shared<'a>,
) -> io::Result<()> {
    let moneys = [
        t.installment_number_field,
        t.installment_amount_field,
        t.penalty,
        t.total_due,
        t.osar,
        t.lastpaid_amount,
    ];
    let ints = [t.overdue, t.total_installments, t.lastpaid_tenor];
    let dates = [t.due_date, t.lastpaid_paymentdate];
    let mut flags = 0u16;
    let mut bit = 0;
    let mut mark = |present: bool| {
        if present {
            flags |= 1 << bit;
        }
        bit += 1;
    };
    moneys.iter().for_each(|m| mark(m.is_some()));
    ints.iter().for_each(|i| mark(i.is_some()));
    dates.iter().for_each(|d| mark(d.is_some()));
    mark(t.lastpaid_duedate.is_some());
    out.put(&flags.to_le_bytes())?;
    for (k, text) in texts(t).into_iter().enumerate() {
        if SHARED_TEXTS[k] {
            out.put(&(shared.number(text) | SHARED_BIT).to_le_bytes())?;
        } else {
            let len = u32::try_from(text.len())
                .ok()
                .filter(|l| l & SHARED_BIT == 0)
                .ok_or_else(too_big)?;
            out.put(&len.to_le_bytes())?;
            out.put(text.as_bytes())?;
        }
    }
    for m in moneys.iter().flatten() {
        out.put(&m.0.serialize())?;
    }
    for i in ints.iter().flatten() {
        out.put(&i.to_le_bytes())?;
    }
    for d in dates.iter().flatten() {
        out.put(&d.num_days_from_ce().to_le_bytes())?;
    }
    if let Some(d) = t.lastpaid_duedate {
        let utc = d.and_utc();
        out.put(&utc.timestamp().to_le_bytes())?;
        out.put(&utc.timestamp_subsec_nanos().to_le_bytes())?;
    }
    Ok(())
}

/// Reads bytes from a part of the file; every read is bounded.
struct Reader<'b> {
    b: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let bytes = self.b.get(self.at..self.at.checked_add(N)?)?;
        self.at += N;
        bytes.try_into().ok()
    }
    fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        let bytes = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    fn i64(&mut self) -> Option<i64> {
        self.take().map(i64::from_le_bytes)
    }
    fn i32(&mut self) -> Option<i32> {
        self.take().map(i32::from_le_bytes)
    }
}

/// A kept file, its parts found but not yet read: each task's record can be read alone
/// (`task`), so that what a screen needs costs what the screen shows.
pub struct KeptFile<'b> {
    records: &'b [u8],
    zones: &'b [u8],
    shared: Vec<&'b str>,
    index: &'b [u8],
    order: &'b [u8],
    pub len: usize,
    pub read_at: DateTime<FixedOffset>,
}

impl<'b> KeptFile<'b> {
    /// The parts of `bytes`; `None` unless it is a whole file of this version.
    pub fn open(bytes: &'b [u8]) -> Option<KeptFile<'b>> {
        let body = bytes.strip_prefix(MAGIC.as_slice())?;
        let footer_at = body.len().checked_sub(FOOTER)?;
        let mut f = Reader {
            b: &body[footer_at..],
            at: 0,
        };
        let micros = f.i64()?;
        let offset = FixedOffset::east_opt(f.i32()?)?;
        let read_at = DateTime::from_timestamp_micros(micros)?.with_timezone(&offset);
        let n = f.u32()? as usize;
        let at = |v: u64| usize::try_from(v).ok()?.checked_sub(MAGIC.len());
        let zones_at = at(f.u64()?)?;
        let shared_at = at(f.u64()?)?;
        let index_at = at(f.u64()?)?;
        if f.bytes(END.len())? != END {
            return None;
        }
        let order_at = index_at.checked_add(n.checked_mul(4)?)?;
        if zones_at.checked_add(n.checked_mul(6)?)? != shared_at
            || shared_at > index_at
            || order_at.checked_add(n * 4)? != footer_at
        {
            return None;
        }
        let mut s = Reader {
            b: &body[shared_at..index_at],
            at: 0,
        };
        let count = s.u32()? as usize;
        let mut shared = Vec::with_capacity(count.min(index_at - shared_at));
        for _ in 0..count {
            let len = s.u32()? as usize;
            shared.push(std::str::from_utf8(s.bytes(len)?).ok()?);
        }
        Some(KeptFile {
            records: &body[..zones_at],
            zones: &body[zones_at..shared_at],
            shared,
            index: &body[index_at..order_at],
            order: &body[order_at..footer_at],
            len: n,
            read_at,
        })
    }

    fn word(part: &[u8], i: usize) -> Option<u32> {
        let b = part.get(i * 4..i * 4 + 4)?;
        Some(u32::from_le_bytes(b.try_into().ok()?))
    }

    /// The task at `i` of the list, read from its record alone.
    pub fn task(&self, i: usize) -> Option<Task> {
        let start = Self::word(self.index, i)? as usize;
        let mut r = Reader {
            b: self.records,
            at: start,
        };
        let flags = u16::from_le_bytes(r.take()?);
        let mut texts: [Text; 15] = Default::default();
        for (k, slot) in texts.iter_mut().enumerate() {
            let word = r.u32()?;
            *slot = if word & SHARED_BIT != 0 {
                if !SHARED_TEXTS[k] {
                    return None;
                }
                Text::from(*self.shared.get((word & !SHARED_BIT) as usize)?)
            } else {
                Text::from(std::str::from_utf8(r.bytes(word as usize)?).ok()?)
            };
        }
        let mut bit = 0;
        let mut present = || {
            let p = flags & (1 << bit) != 0;
            bit += 1;
            p
        };
        let mut moneys = [None; 6];
        let mut ints = [None; 3];
        let mut dates = [None; 2];
        let money_present: [bool; 6] = std::array::from_fn(|_| present());
        let int_present: [bool; 3] = std::array::from_fn(|_| present());
        let date_present: [bool; 2] = std::array::from_fn(|_| present());
        let duedate_present = present();
        for (m, p) in moneys.iter_mut().zip(money_present) {
            if p {
                *m = Some(Money(Decimal::deserialize(r.take()?)));
            }
        }
        for (v, p) in ints.iter_mut().zip(int_present) {
            if p {
                *v = Some(r.i64()?);
            }
        }
        for (d, p) in dates.iter_mut().zip(date_present) {
            if p {
                *d = Some(NaiveDate::from_num_days_from_ce_opt(r.i32()?)?);
            }
        }
        let lastpaid_duedate: Option<NaiveDateTime> = if duedate_present {
            let secs = r.i64()?;
            let nanos = r.u32()?;
            Some(DateTime::from_timestamp(secs, nanos)?.naive_utc())
        } else {
            None
        };
        let [
            contract_no,
            name,
            contract_person,
            address,
            branch_name,
            marketing_name,
            phone1,
            phone2,
            phone3,
            phone4,
            payment_method,
            asset,
            customer_code,
            product,
            flag_dedicated,
        ] = texts;
        let [
            installment_number_field,
            installment_amount_field,
            penalty,
            total_due,
            osar,
            lastpaid_amount,
        ] = moneys;
        let [overdue, total_installments, lastpaid_tenor] = ints;
        let [due_date, lastpaid_paymentdate] = dates;
        Some(Task {
            contract_no,
            name,
            contract_person,
            address,
            branch_name,
            marketing_name,
            phone1,
            phone2,
            phone3,
            phone4,
            overdue,
            installment_number_field,
            total_installments,
            due_date,
            payment_method,
            asset,
            customer_code,
            installment_amount_field,
            penalty,
            total_due,
            osar,
            lastpaid_amount,
            lastpaid_duedate,
            lastpaid_tenor,
            lastpaid_paymentdate,
            product,
            flag_dedicated,
        })
    }

    /// The zones, each place made once and shared by every task of it.
    pub fn zones(&self) -> Option<Vec<ZoneGuess>> {
        let places: Vec<Arc<str>> = self.shared.iter().map(|s| Arc::from(*s)).collect();
        self.zones
            .chunks_exact(6)
            .map(|z| {
                let zone = match z[0] {
                    0 => Zone::Wib,
                    1 => Zone::Wita,
                    2 => Zone::Wit,
                    _ => return None,
                };
                let source = match z[1] {
                    0 => ZoneSource::Address,
                    1 => ZoneSource::Branch,
                    2 => ZoneSource::Default,
                    _ => return None,
                };
                let place = u32::from_le_bytes(z[2..6].try_into().ok()?) as usize;
                Some(ZoneGuess {
                    zone,
                    source,
                    place: places.get(place)?.clone(),
                })
            })
            .collect()
    }

    /// The base order: every index once (else no order).
    pub fn by_total(&self) -> Option<Vec<u32>> {
        let mut seen = vec![false; self.len];
        self.order
            .chunks_exact(4)
            .map(|b| {
                let i = u32::from_le_bytes(b.try_into().ok()?);
                let slot = seen.get_mut(i as usize)?;
                if std::mem::replace(slot, true) {
                    return None;
                }
                Some(i)
            })
            .collect()
    }

    /// Every task, zone and the order.
    pub fn read_all(&self) -> Option<Kept> {
        let tasks = (0..self.len)
            .map(|i| self.task(i))
            .collect::<Option<Vec<_>>>()?;
        Some(Kept {
            tasks,
            zones: self.zones()?,
            by_total: self.by_total()?,
            read_at: self.read_at,
        })
    }
}

fn decode(bytes: &[u8]) -> Option<Kept> {
    KeptFile::open(bytes)?.read_all()
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
    fn zones_and_the_order_by_total_due_are_kept_with_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.bin");
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let book = LoanBook::generate(3, 300, 300, today);
        let tasks: Vec<Task> = book.contracts.iter().map(|c| c.task_on(today)).collect();
        save_to(&path, &tasks, read_at()).unwrap();
        let kept = load_kept_from(&path).unwrap();
        let regions = RegionTable::builtin();
        let zones: Vec<ZoneGuess> = tasks
            .iter()
            .map(|t| crate::domain::window::zone_of_task(t, &regions))
            .collect();
        assert_eq!(kept.zones, zones);
        assert!(
            zones.iter().any(|z| z.zone != Zone::Wib),
            "zones of every kind"
        );
        assert_eq!(kept.by_total, crate::domain::order::by_total_due(&tasks));
        let totals: Vec<Money> = kept
            .by_total
            .iter()
            .map(|&i| tasks[i as usize].total_due.unwrap_or(Money::ZERO))
            .collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "largest first");
        // One task read alone, from its record, is the task.
        let bytes = std::fs::read(&path).unwrap();
        let file = KeptFile::open(&bytes).unwrap();
        assert_eq!(file.len, 300);
        assert_eq!(file.task(123).unwrap(), tasks[123]);
        assert_eq!(file.task(300), None);
        // Repeated values are written once: the file is smaller than the texts it holds.
        let texts: usize = tasks
            .iter()
            .map(|t| texts(t).iter().map(|x| x.len()).sum::<usize>())
            .sum();
        let branches: usize = tasks.iter().map(|t| t.branch_name.len()).sum();
        assert!(file.shared.len() < 300, "{} shared", file.shared.len());
        assert!(bytes.len() < texts - branches + 300 * 150);
    }

    #[test]
    fn a_file_whose_parts_do_not_add_up_is_no_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.bin");
        save_to(&path, &[every_field(), Task::default()], read_at()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        // The count in the footer says one task more.
        let mut more = bytes.clone();
        let count_at = bytes.len() - FOOTER + 12;
        more[count_at] += 1;
        assert_eq!(decode(&more), None);
        // The order names one task twice.
        let mut twice = bytes.clone();
        let order_at = bytes.len() - FOOTER - 8;
        twice[order_at..order_at + 4].copy_from_slice(&1u32.to_le_bytes());
        twice[order_at + 4..order_at + 8].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(decode(&twice), None);
        // The first task's contract number said to be shared (it never is), or longer than
        // the file.
        for word in [SHARED_BIT, SHARED_BIT | 7, 0x7fff_ffff] {
            let mut text = bytes.clone();
            let at = MAGIC.len() + 2;
            text[at..at + 4].copy_from_slice(&word.to_le_bytes());
            assert_eq!(decode(&text), None, "{word:#x}");
        }
        assert_eq!(decode(&bytes).unwrap().tasks[0], every_field());
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
