//! The supervisor's questions over the whole set of termin transactions: sorted by any
//! column, a range of entry dates (read in WIB), groups with their sums, the ageing of what
//! is not finished, and what changed since the last look. The workstation's Termin tab and
//! `deskcoll termin --all` both answer from here.

#[cfg(test)]
use super::money::Money;
use super::money::Total;
use super::termin::Transaction;
use super::termin_view::Sum;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The statuses that are finished: ageing leaves them out.
pub const FINISHED: [&str; 2] = ["Selesai", "Dibatalkan"];

/// The columns a supervisor sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    EntryDate,
    BillAmount,
    Status,
    Vendor,
    Buyer,
    Step,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::EntryDate,
        Column::BillAmount,
        Column::Status,
        Column::Vendor,
        Column::Buyer,
        Column::Step,
    ];

    /// The name on the command line (`--sort`) and in JSON.
    pub fn arg_name(self) -> &'static str {
        match self {
            Column::EntryDate => "entry_date",
            Column::BillAmount => "bill_amount",
            Column::Status => "status",
            Column::Vendor => "vendor",
            Column::Buyer => "buyer",
            Column::Step => "step",
        }
    }

    pub fn parse(s: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.arg_name() == s)
    }

    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

/// WIB, in which the supervisors read the API's UTC times.
fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("a valid offset")
}

/// The entry time in WIB, when the text is a time.
pub fn entry_time(t: &Transaction) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(t.general.entry_date.trim())
        .ok()
        .map(|d| d.with_timezone(&wib()))
}

/// The entry date as a supervisor in WIB reads it.
pub fn entry_day(t: &Transaction) -> Option<NaiveDate> {
    entry_time(t).map(|d| d.date_naive())
}

/// Sorts `view` (indices into `txs`) by `column`: dates oldest first, amounts and steps
/// smallest first, names A to Z; `reverse` turns it round. Ties keep the list's order.
pub fn sort(view: &mut [usize], txs: &[Transaction], column: Column, reverse: bool) {
    let text = |i: usize| -> String {
        let t = &txs[i];
        match column {
            Column::Status => t.general.status_name.to_lowercase(),
            Column::Vendor => t.vendor.name.to_lowercase(),
            Column::Buyer => t.general.buyer_name.to_lowercase(),
            _ => String::new(),
        }
    };
    match column {
        Column::EntryDate => view.sort_by_key(|&i| (entry_time(&txs[i]), i)),
        Column::BillAmount => view.sort_by_key(|&i| (txs[i].payment.bill_amount, i)),
        Column::Step => view.sort_by_key(|&i| (txs[i].payment.step, i)),
        Column::Status | Column::Vendor | Column::Buyer => {
            view.sort_by_cached_key(|&i| (text(i), i))
        }
    }
    if reverse {
        view.reverse();
    }
}

/// Entry dates from `since` to `until`, both inclusive, either open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether the transaction was entered in the range; one without a readable date is in
    /// only when the range is open.
    pub fn contains(&self, t: &Transaction) -> bool {
        if self.is_open() {
            return true;
        }
        entry_day(t)
            .is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// Reads "YYYY-MM-DD YYYY-MM-DD", "YYYY-MM-DD" (from that day), "..YYYY-MM-DD" (until)
    /// or "" (every date), as the tab's prompt takes it.
    pub fn parse(text: &str) -> Result<DateRange, String> {
        let date = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| format!("'{}' is not a date (YYYY-MM-DD)", s.trim()))
        };
        let words: Vec<&str> = text.split_whitespace().collect();
        let range = match words.as_slice() {
            [] => DateRange::default(),
            [until] if until.starts_with("..") => DateRange {
                since: None,
                until: Some(date(&until[2..])?),
            },
            [since] => DateRange {
                since: Some(date(since)?),
                until: None,
            },
            [since, until] => DateRange {
                since: Some(date(since)?),
                until: Some(date(until)?),
            },
            _ => return Err("at most two dates: SINCE UNTIL".into()),
        };
        match (range.since, range.until) {
            (Some(s), Some(u)) if s > u => Err(format!("{s} is after {u}")),
            _ => Ok(range),
        }
    }
}

/// What groups are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Status,
    Vendor,
    Buyer,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [
        GroupBy::Status,
        GroupBy::Vendor,
        GroupBy::Buyer,
        GroupBy::Month,
    ];

    pub fn arg_name(self) -> &'static str {
        match self {
            GroupBy::Status => "status",
            GroupBy::Vendor => "vendor",
            GroupBy::Buyer => "buyer",
            GroupBy::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.arg_name() == s)
    }

    fn key(self, t: &Transaction) -> String {
        let named = |s: &str| {
            if s.trim().is_empty() {
                "(none)".to_string()
            } else {
                s.trim().to_string()
            }
        };
        match self {
            GroupBy::Status => named(&t.general.status_name),
            GroupBy::Vendor => named(&t.vendor.name),
            GroupBy::Buyer => named(&t.general.buyer_name),
            GroupBy::Month => entry_day(t)
                .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
                .unwrap_or_else(|| "(no date)".into()),
        }
    }
}

/// A group: its key, its sums and its transactions (indices into the set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: String,
    pub sum: Sum,
    pub members: Vec<usize>,
}

/// The groups of the transactions at `view`, largest bill first. Their counts and sums add up
/// to those of the whole view, exactly.
pub fn group(txs: &[Transaction], view: &[usize], by: GroupBy) -> Vec<Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for &i in view {
        let key = by.key(&txs[i]);
        let g = groups.entry(key.clone()).or_insert_with(|| Group {
            key,
            sum: Sum::default(),
            members: Vec::new(),
        });
        g.sum.add(&txs[i]);
        g.members.push(i);
    }
    let mut out: Vec<Group> = groups.into_values().collect();
    out.sort_by(|a, b| b.sum.bill.cmp(&a.sum.bill).then(a.key.cmp(&b.key)));
    out
}

/// Days since entry, in bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    UpTo30,
    From31To60,
    From61To90,
    Over90,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::UpTo30,
        Band::From31To60,
        Band::From61To90,
        Band::Over90,
    ];

    pub fn of(days: i64) -> Band {
        match days {
            ..=30 => Band::UpTo30,
            31..=60 => Band::From31To60,
            61..=90 => Band::From61To90,
            _ => Band::Over90,
        }
    }

    /// The band's name in JSON and on screen.
    pub fn label(self) -> &'static str {
        match self {
            Band::UpTo30 => "0-30",
            Band::From31To60 => "31-60",
            Band::From61To90 => "61-90",
            Band::Over90 => "over 90",
        }
    }
}

/// One cell of the ageing table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeRow {
    pub status: String,
    pub band: &'static str,
    pub count: usize,
    /// Plain number of rupiah.
    pub bill_amount: String,
}

/// What is not finished, by status and days since entry (as of `today` in WIB); a
/// transaction without a readable entry date is left out.
pub fn ageing(txs: &[Transaction], view: &[usize], today: NaiveDate) -> Vec<AgeRow> {
    let mut cells: BTreeMap<(String, Band), (usize, Total)> = BTreeMap::new();
    for &i in view {
        let t = &txs[i];
        let status = t.general.status_name.trim();
        if FINISHED.iter().any(|f| f.eq_ignore_ascii_case(status)) {
            continue;
        }
        let Some(day) = entry_day(t) else { continue };
        let band = Band::of((today - day).num_days().max(0));
        let cell = cells.entry((status.to_string(), band)).or_default();
        cell.0 += 1;
        cell.1.add(t.payment.bill_amount.unwrap_or_default(), || {
            crate::domain::termin_view::record_name(t)
        });
    }
    cells
        .into_iter()
        .map(|((status, band), (count, bill))| AgeRow {
            status,
            band: band.label(),
            count,
            bill_amount: bill.plain(),
        })
        .collect()
}

/// Columns of a groups export (JSON keys alike).
pub const GROUP_HEADERS: [&str; 6] = [
    "key",
    "count",
    "price_sub_total",
    "total_ppn",
    "total_pph",
    "bill_amount",
];

/// Columns of an ageing export (JSON keys alike).
pub const AGEING_HEADERS: [&str; 4] = ["status", "band", "count", "bill_amount"];

fn cell(s: &str) -> String {
    super::text::csv_cell(s).into_owned()
}

/// The groups as CSV rows (money as plain numbers, cells safe for a spreadsheet).
pub fn group_rows(groups: &[Group]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| {
            vec![
                cell(&g.key),
                g.sum.count.to_string(),
                g.sum.subtotal.plain(),
                g.sum.ppn.plain(),
                g.sum.pph.plain(),
                g.sum.bill.plain(),
            ]
        })
        .collect()
}

/// The ageing table as CSV rows.
pub fn ageing_rows(rows: &[AgeRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            vec![
                cell(&r.status),
                r.band.to_string(),
                r.count.to_string(),
                r.bill_amount.clone(),
            ]
        })
        .collect()
}

/// What a full load looked like, kept to tell what changed by the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// RFC 3339.
    pub taken_at: String,
    /// Purchase order number -> what is watched of it.
    pub rows: BTreeMap<String, Seen>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub status: String,
    pub step: Option<i64>,
    /// Plain number of rupiah.
    pub bill: Option<String>,
}

impl Snapshot {
    pub fn of(txs: &[Transaction], taken_at: String) -> Snapshot {
        Snapshot {
            taken_at,
            rows: txs
                .iter()
                .map(|t| {
                    (
                        t.general.purchase_order_number.clone(),
                        Seen {
                            status: t.general.status_name.clone(),
                            step: t.payment.step,
                            bill: t.payment.bill_amount.map(|m| m.plain()),
                        },
                    )
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub purchase_order_number: String,
    pub from_status: String,
    pub to_status: String,
    pub from_step: Option<i64>,
    pub to_step: Option<i64>,
}

/// What changed since a snapshot: `--changes` and the tab's marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The previous snapshot's time; `None` when there was none (then everything is new).
    pub since: Option<String>,
    pub new: Vec<String>,
    pub changed: Vec<Change>,
    pub gone: Vec<String>,
}

/// The columns of what changed as a table (CSV), the same in every language.
pub const CHANGE_HEADERS: [&str; 6] = [
    "change",
    "purchase_order_number",
    "from_status",
    "to_status",
    "from_step",
    "to_step",
];

impl Changes {
    /// One row per transaction: `new`, `changed` (with from and to) and `gone`.
    pub fn table_rows(&self) -> Vec<Vec<String>> {
        let step = |s: Option<i64>| s.map(|s| s.to_string()).unwrap_or_default();
        let bare = |kind: &str, po: &String| {
            vec![
                kind.into(),
                po.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        };
        let new = self.new.iter().map(|po| bare("new", po));
        let changed = self.changed.iter().map(|c| {
            vec![
                "changed".into(),
                c.purchase_order_number.clone(),
                c.from_status.clone(),
                c.to_status.clone(),
                step(c.from_step),
                step(c.to_step),
            ]
        });
        let gone = self.gone.iter().map(|po| bare("gone", po));
        new.chain(changed).chain(gone).collect()
    }

    pub fn between(previous: Option<&Snapshot>, now: &[Transaction]) -> Changes {
        let empty = Snapshot::default();
        let before = previous.unwrap_or(&empty);
        let mut c = Changes {
            since: previous.map(|p| p.taken_at.clone()),
            ..Changes::default()
        };
        let mut seen_now = std::collections::BTreeSet::new();
        for t in now {
            let po = &t.general.purchase_order_number;
            seen_now.insert(po.as_str());
            match before.rows.get(po) {
                None => c.new.push(po.clone()),
                Some(was) if was.status != t.general.status_name || was.step != t.payment.step => {
                    c.changed.push(Change {
                        purchase_order_number: po.clone(),
                        from_status: was.status.clone(),
                        to_status: t.general.status_name.clone(),
                        from_step: was.step,
                        to_step: t.payment.step,
                    })
                }
                Some(_) => {}
            }
        }
        c.gone = before
            .rows
            .keys()
            .filter(|po| !seen_now.contains(po.as_str()))
            .cloned()
            .collect();
        c.new.sort();
        c
    }

    /// Whether a purchase order is new or changed (the tab's mark).
    pub fn marks(&self, po: &str) -> bool {
        self.new.iter().any(|n| n == po)
            || self.changed.iter().any(|c| c.purchase_order_number == po)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::termin::{General, Payment, Vendor};

    fn tx(po: &str, entry: &str, status: &str, vendor: &str, bill: i64, step: i64) -> Transaction {
        Transaction {
            general: General {
                purchase_order_number: po.into(),
                entry_date: entry.into(),
                status_name: status.into(),
                buyer_name: format!("buyer of {po}"),
                ..General::default()
            },
            payment: Payment {
                bill_amount: Some(Money::from_units(bill)),
                price_sub_total: Some(Money::from_units(bill * 9 / 10)),
                total_ppn: Some(Money::from_units(bill / 10)),
                total_pph: Some(Money::from_units(bill / 50)),
                step: Some(step),
                ..Payment::default()
            },
            vendor: Vendor {
                name: vendor.into(),
                ..Vendor::default()
            },
            ..Transaction::default()
        }
    }

    fn set() -> Vec<Transaction> {
        vec![
            // 17:30 UTC on the 30th is already 1 December in WIB.
            tx("A", "2026-11-30T17:30:00Z", "Penagihan", "PT B", 500, 2),
            tx("B", "2026-08-01T01:00:00Z", "Penagihan", "PT A", 300, 1),
            tx("C", "2026-09-15T01:00:00Z", "Selesai", "PT A", 1000, 3),
            tx("D", "2026-10-20T01:00:00Z", "Dikirim", "PT C", 200, 2),
            tx("E", "not a date", "Dikirim", "", 50, 1),
        ]
    }

    fn order(txs: &[Transaction], view: &[usize]) -> String {
        view.iter()
            .map(|&i| txs[i].general.purchase_order_number.as_str())
            .collect()
    }

    #[test]
    fn any_column_sorts_and_reverses() {
        let txs = set();
        let mut view: Vec<usize> = (0..txs.len()).collect();
        sort(&mut view, &txs, Column::BillAmount, false);
        assert_eq!(order(&txs, &view), "EDBAC");
        sort(&mut view, &txs, Column::BillAmount, true);
        assert_eq!(order(&txs, &view), "CABDE");
        sort(&mut view, &txs, Column::EntryDate, false);
        assert_eq!(order(&txs, &view), "EBCDA", "no date first, then oldest");
        sort(&mut view, &txs, Column::Vendor, false);
        assert_eq!(&order(&txs, &view)[..1], "E", "no vendor first");
        assert_eq!(Column::parse("step"), Some(Column::Step));
    }

    #[test]
    fn status_and_buyer_sort_a_to_z_whatever_the_case() {
        let mut txs = set();
        txs[1].general.buyer_name = "andi".into();
        txs[3].general.buyer_name = "Zaki".into();
        let mut view: Vec<usize> = (0..txs.len()).collect();
        sort(&mut view, &txs, Column::Status, false);
        assert_eq!(order(&txs, &view), "DEABC", "Dikirim, Penagihan, Selesai");
        sort(&mut view, &txs, Column::Buyer, false);
        assert_eq!(&order(&txs, &view)[..1], "B", "andi first");
        assert_eq!(&order(&txs, &view)[4..], "D", "Zaki last");
    }

    #[test]
    fn the_next_column_steps_through_every_one_and_wraps() {
        let mut seen = vec![Column::ALL[0]];
        let mut c = Column::ALL[0];
        for _ in 1..Column::ALL.len() {
            c = c.next();
            seen.push(c);
        }
        assert_eq!(seen, Column::ALL.to_vec());
        assert_eq!(c.next(), Column::ALL[0], "the last wraps to the first");
    }

    #[test]
    fn every_grouping_reads_back_from_its_name() {
        for g in GroupBy::ALL {
            assert_eq!(GroupBy::parse(g.arg_name()), Some(g));
        }
        let names: Vec<&str> = GroupBy::ALL.iter().map(|g| g.arg_name()).collect();
        assert_eq!(names, ["status", "vendor", "buyer", "month"]);
        assert_eq!(GroupBy::parse("region"), None);
    }

    #[test]
    fn group_rows_name_each_group_and_quote_a_formula() {
        let mut txs = set();
        txs[2].vendor.name = "=HYPERLINK(\"x\")".into();
        let view: Vec<usize> = (0..txs.len()).collect();
        let rows = group_rows(&group(&txs, &view, GroupBy::Vendor));
        let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert!(names.contains(&"PT B"), "{names:?}");
        assert!(
            names.contains(&"'=HYPERLINK(\"x\")"),
            "a formula is written as text: {names:?}"
        );
        let b = rows.iter().find(|r| r[0] == "PT B").unwrap();
        assert_eq!(b, &["PT B", "1", "450", "50", "10", "500"]);
    }

    #[test]
    fn one_date_alone_is_from_that_day_on() {
        let r = DateRange::parse("2026-11-01").unwrap();
        assert_eq!(r.since, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(r.until, None);
    }

    #[test]
    fn the_range_reads_dates_in_wib_both_ends_inclusive() {
        let txs = set();
        let december = DateRange::parse("2026-12-01 2026-12-01").unwrap();
        assert!(
            december.contains(&txs[0]),
            "the 30th at 17:30 UTC is 1 December in WIB"
        );
        assert!(
            !DateRange::parse("2026-11-01 2026-11-30")
                .unwrap()
                .contains(&txs[0])
        );
        let until_august = DateRange::parse("..2026-08-01").unwrap();
        assert!(until_august.contains(&txs[1]) && !until_august.contains(&txs[2]));
        assert!(!december.contains(&txs[4]), "no date: out of any range");
        assert!(DateRange::parse("").unwrap().contains(&txs[4]));
        assert!(DateRange::parse("2026-12-02 2026-12-01").is_err());
        assert!(DateRange::parse("2026-13-01").is_err());
    }

    #[test]
    fn groups_add_up_to_the_whole_exactly() {
        let txs = set();
        let view: Vec<usize> = (0..txs.len()).collect();
        let whole = crate::domain::termin_view::Totals::of(&txs).grand;
        for by in GroupBy::ALL {
            let groups = group(&txs, &view, by);
            let count: usize = groups.iter().map(|g| g.sum.count).sum();
            let mut bill = Total::default();
            let mut ppn = Total::default();
            for g in &groups {
                bill.add_total(&g.sum.bill);
                ppn.add_total(&g.sum.ppn);
            }
            assert_eq!(
                (count, bill, ppn),
                (whole.count, whole.bill.clone(), whole.ppn.clone()),
                "{by:?}"
            );
            assert!(
                groups.windows(2).all(|w| w[0].sum.bill >= w[1].sum.bill),
                "largest first"
            );
        }
        let by_vendor = group(&txs, &view, GroupBy::Vendor);
        assert_eq!(by_vendor[0].key, "PT A");
        assert_eq!(by_vendor[0].members, vec![1, 2]);
        let months: Vec<_> = group(&txs, &view, GroupBy::Month)
            .into_iter()
            .map(|g| g.key)
            .collect();
        assert!(
            months.contains(&"2026-12".to_string()) && months.contains(&"(no date)".to_string())
        );
    }

    #[test]
    fn ageing_bands_leave_finished_work_out() {
        let txs = set();
        let view: Vec<usize> = (0..txs.len()).collect();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let rows = ageing(&txs, &view, today);
        let cell = |status: &str, band: &str| {
            rows.iter()
                .find(|r| r.status == status && r.band == band)
                .map(|r| (r.count, r.bill_amount.clone()))
        };
        assert_eq!(cell("Penagihan", "0-30"), Some((1, "500".into())));
        assert_eq!(
            cell("Penagihan", "over 90"),
            Some((1, "300".into())),
            "122 days"
        );
        assert_eq!(cell("Dikirim", "31-60"), Some((1, "200".into())), "42 days");
        assert!(
            rows.iter().all(|r| r.status != "Selesai"),
            "finished work is not aged"
        );
        assert_eq!(Band::of(30), Band::UpTo30);
        assert_eq!(Band::of(31), Band::From31To60);
        assert_eq!(Band::of(90), Band::From61To90);
        assert_eq!(Band::of(91), Band::Over90);
        let csv = ageing_rows(&rows);
        assert_eq!(csv.len(), rows.len());
        assert!(
            csv.contains(&vec![
                "Penagihan".to_string(),
                "0-30".to_string(),
                "1".to_string(),
                "500".to_string()
            ]),
            "{csv:?}"
        );
    }

    #[test]
    fn changes_since_the_last_snapshot() {
        let txs = set();
        let first = Changes::between(None, &txs);
        assert_eq!(first.since, None);
        assert_eq!(first.new.len(), 5, "no earlier look: everything is new");
        let snap = Snapshot::of(&txs, "2026-12-01T08:00:00+07:00".into());
        let mut later = txs.clone();
        later[0].general.status_name = "Selesai".into();
        later[3].payment.step = Some(3);
        later.remove(4);
        later.push(tx(
            "F",
            "2026-12-01T02:00:00Z",
            "Status Baru",
            "PT D",
            10,
            1,
        ));
        let c = Changes::between(Some(&snap), &later);
        assert_eq!(c.since.as_deref(), Some("2026-12-01T08:00:00+07:00"));
        assert_eq!(c.new, vec!["F"]);
        assert_eq!(c.gone, vec!["E"]);
        let changed: Vec<_> = c
            .changed
            .iter()
            .map(|ch| {
                (
                    ch.purchase_order_number.as_str(),
                    ch.to_status.as_str(),
                    ch.to_step,
                )
            })
            .collect();
        assert_eq!(
            changed,
            vec![("A", "Selesai", Some(2)), ("D", "Dikirim", Some(3))]
        );
        assert!(c.marks("A") && c.marks("F") && !c.marks("B"));
        // A snapshot survives a round trip through its file.
        let text = serde_json::to_string(&snap).unwrap();
        assert_eq!(serde_json::from_str::<Snapshot>(&text).unwrap(), snap);
    }

    #[test]
    fn changes_as_a_table_have_one_row_each_new_changed_then_gone() {
        let c = Changes {
            since: Some("2026-11-27T08:00:00+07:00".into()),
            new: vec!["PO-1".into()],
            changed: vec![Change {
                purchase_order_number: "PO-2".into(),
                from_status: "Penagihan".into(),
                to_status: "Selesai".into(),
                from_step: Some(2),
                to_step: None,
            }],
            gone: vec!["PO-3".into()],
        };
        assert_eq!(
            c.table_rows(),
            vec![
                vec!["new", "PO-1", "", "", "", ""],
                vec!["changed", "PO-2", "Penagihan", "Selesai", "2", ""],
                vec!["gone", "PO-3", "", "", "", ""],
            ]
        );
        assert!(
            c.table_rows()
                .iter()
                .all(|r| r.len() == CHANGE_HEADERS.len())
        );
    }
}
