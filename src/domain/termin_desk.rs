//! The supervisor's questions over the whole set of termin transactions: sorted by any
//! column, a range of entry dates (read in WIB), groups with their sums, the ageing of what
//! is not finished, and what changed since the last look. The workstation's Termin tab and
//! `deskcoll termin --all` both answer from here.

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

/// WIB, in which the supervisors read the API's UTC times: every date the termin views show,
/// filter and group by.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("a valid offset")
}

/// A time as sent, in WIB and labelled (`2026-12-07 15:44 WIB`); text that is not a time is
/// given back as it is, an empty one as "".
pub fn wib_text(s: &str) -> String {
    match DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => format!("{} WIB", t.with_timezone(&wib()).format("%Y-%m-%d %H:%M")),
        Err(_) => s.trim().to_string(),
    }
}

/// The day a transaction reached its status, in WIB: `status_change_date`, else (when empty
/// or not a time) the entry date.
pub fn status_day(t: &Transaction) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(t.general.status_change_date.trim())
        .ok()
        .map(|d| d.with_timezone(&wib()).date_naive())
        .or_else(|| entry_day(t))
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

/// The groups of the transactions at `view`, largest bill first (months in calendar order). Their counts and sums add up
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
    if by == GroupBy::Month {
        // Months in calendar order ("YYYY-MM" sorts so), the undated last.
        out.sort_by_key(|g| (g.key.starts_with('('), g.key.clone()));
    } else {
        out.sort_by(|a, b| b.sum.bill.cmp(&a.sum.bill).then(a.key.cmp(&b.key)));
    }
    out
}

/// The sum of some groups: the TOTAL row under a group table.
pub fn total_of(groups: &[Group]) -> Sum {
    let mut t = Sum::default();
    for g in groups {
        t.count += g.sum.count;
        t.bill.add_total(&g.sum.bill);
        t.subtotal.add_total(&g.sum.subtotal);
        t.pph.add_total(&g.sum.pph);
        t.ppn.add_total(&g.sum.ppn);
        t.shipping.add_total(&g.sum.shipping);
    }
    t
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
    /// A JSON number of rupiah, exact (the error's words past the range).
    pub bill_amount: Total,
    /// The transactions in the cell (indices into the set): Enter on a band lists them.
    #[serde(skip)]
    pub members: Vec<usize>,
}

/// What is not finished, by status and days in that status (since `status_change_date`, the
/// entry date where it is empty), as of `today` in WIB; a transaction with neither date
/// readable is left out.
pub fn ageing(txs: &[Transaction], view: &[usize], today: NaiveDate) -> Vec<AgeRow> {
    let mut cells: BTreeMap<(String, Band), (usize, Total, Vec<usize>)> = BTreeMap::new();
    for &i in view {
        let t = &txs[i];
        let status = t.general.status_name.trim();
        if super::termin_view::is_finished(status) {
            continue;
        }
        let Some(day) = status_day(t) else { continue };
        let band = Band::of((today - day).num_days().max(0));
        let cell = cells.entry((status.to_string(), band)).or_default();
        cell.0 += 1;
        cell.1.add(t.payment.bill_amount.unwrap_or_default(), || {
            crate::domain::termin_view::record_name(t)
        });
        cell.2.push(i);
    }
    cells
        .into_iter()
        .map(|((status, band), (count, bill, members))| AgeRow {
            status,
            band: band.label(),
            count,
            bill_amount: bill,
            members,
        })
        .collect()
}

/// Columns of a groups export (JSON keys alike).
pub const GROUP_HEADERS: [&str; 7] = [
    "key",
    "count",
    "price_sub_total",
    "shipping_cost",
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
                g.sum.shipping.plain(),
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
                r.bill_amount.plain(),
            ]
        })
        .collect()
}

/// What a full load looked like, kept to tell what changed by the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// RFC 3339.
    pub taken_at: String,
    /// One per transaction, in the list's order.
    pub rows: Vec<Seen>,
}

/// What is watched of one transaction. A purchase order has a row per step (termin 1 of 4,
/// 2 of 4...), so a row is known by its PO number and its step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub purchase_order_number: String,
    pub step: Option<i64>,
    pub status: String,
    /// Plain number of rupiah.
    pub bill: Option<String>,
}

impl Seen {
    pub fn of(t: &Transaction) -> Seen {
        Seen {
            purchase_order_number: t.general.purchase_order_number.clone(),
            step: t.payment.step,
            status: t.general.status_name.clone(),
            bill: t.payment.bill_amount.map(|m| m.plain()),
        }
    }

    fn bill_money(&self) -> Option<Money> {
        self.bill.as_deref().and_then(|b| b.parse().ok())
    }

    fn row(&self) -> ChangedRow {
        ChangedRow {
            purchase_order_number: self.purchase_order_number.clone(),
            step: self.step,
            status_name: self.status.clone(),
            bill_amount: self.bill_money(),
        }
    }
}

impl Snapshot {
    pub fn of(txs: &[Transaction], taken_at: String) -> Snapshot {
        Snapshot {
            taken_at,
            rows: txs.iter().map(Seen::of).collect(),
        }
    }
}

/// A transaction that came or went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedRow {
    pub purchase_order_number: String,
    pub step: Option<i64>,
    pub status_name: String,
    /// A JSON number of rupiah, exact.
    pub bill_amount: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub purchase_order_number: String,
    pub from_status: String,
    pub to_status: String,
    pub from_step: Option<i64>,
    pub to_step: Option<i64>,
    pub from_bill: Option<Money>,
    pub to_bill: Option<Money>,
}

/// What changed since a snapshot: `--changes` and the tab's marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The previous snapshot's time; `None` when there was none (then everything is new).
    pub since: Option<String>,
    pub new: Vec<ChangedRow>,
    pub changed: Vec<Change>,
    pub gone: Vec<ChangedRow>,
}

/// The columns of what changed as a table (CSV), the same in every language.
pub const CHANGE_HEADERS: [&str; 8] = [
    "change",
    "purchase_order_number",
    "from_status",
    "to_status",
    "from_step",
    "to_step",
    "from_bill",
    "to_bill",
];

type Key = (String, Option<i64>);

fn key_of(po: &str, step: Option<i64>) -> Key {
    (po.trim().to_string(), step)
}

impl Changes {
    /// One row per transaction: `new` (what it is now in the `to_` columns), `changed` (from
    /// and to) and `gone` (what it was, in the `from_` columns).
    pub fn table_rows(&self) -> Vec<Vec<String>> {
        let step = |s: Option<i64>| s.map(|s| s.to_string()).unwrap_or_default();
        let bill = |b: Option<Money>| b.map(|b| b.plain()).unwrap_or_default();
        let new = self.new.iter().map(|r| {
            vec![
                "new".into(),
                r.purchase_order_number.clone(),
                String::new(),
                r.status_name.clone(),
                String::new(),
                step(r.step),
                String::new(),
                bill(r.bill_amount),
            ]
        });
        let changed = self.changed.iter().map(|c| {
            vec![
                "changed".into(),
                c.purchase_order_number.clone(),
                c.from_status.clone(),
                c.to_status.clone(),
                step(c.from_step),
                step(c.to_step),
                bill(c.from_bill),
                bill(c.to_bill),
            ]
        });
        let gone = self.gone.iter().map(|r| {
            vec![
                "gone".into(),
                r.purchase_order_number.clone(),
                r.status_name.clone(),
                String::new(),
                step(r.step),
                String::new(),
                bill(r.bill_amount),
                String::new(),
            ]
        });
        new.chain(changed)
            .chain(gone)
            .map(|r| r.iter().map(|c| cell(c)).collect())
            .collect()
    }

    /// Rows are matched by PO number and step; what is left unmatched of one PO on both sides
    /// is paired in order (its step moved). A row whose status, step or bill differs changed.
    pub fn between(previous: Option<&Snapshot>, now: &[Transaction]) -> Changes {
        let empty = Snapshot::default();
        let before = previous.unwrap_or(&empty);
        let mut c = Changes {
            since: previous.map(|p| p.taken_at.clone()),
            ..Changes::default()
        };
        // Earlier rows by key; a key seen twice keeps both, matched in order.
        let mut earlier: BTreeMap<Key, std::collections::VecDeque<&Seen>> = BTreeMap::new();
        for s in &before.rows {
            earlier
                .entry(key_of(&s.purchase_order_number, s.step))
                .or_default()
                .push_back(s);
        }
        let mut unmatched: Vec<Seen> = Vec::new();
        let mut pairs: Vec<(Seen, Seen)> = Vec::new();
        for t in now {
            let seen = Seen::of(t);
            let key = key_of(&seen.purchase_order_number, seen.step);
            match earlier.get_mut(&key).and_then(|q| q.pop_front()) {
                Some(was) => pairs.push((was.clone(), seen)),
                None => unmatched.push(seen),
            }
        }
        // What is left of the earlier look, by PO: a step that moved pairs up with it.
        let mut left: BTreeMap<String, std::collections::VecDeque<Seen>> = BTreeMap::new();
        for q in earlier.into_values() {
            for s in q {
                left.entry(s.purchase_order_number.trim().to_string())
                    .or_default()
                    .push_back(s.clone());
            }
        }
        for seen in unmatched {
            match left
                .get_mut(seen.purchase_order_number.trim())
                .and_then(|q| q.pop_front())
            {
                Some(was) => pairs.push((was, seen)),
                None => c.new.push(seen.row()),
            }
        }
        for (was, now) in pairs {
            if was.status != now.status
                || was.step != now.step
                || was.bill_money() != now.bill_money()
            {
                c.changed.push(Change {
                    purchase_order_number: now.purchase_order_number.clone(),
                    from_status: was.status.clone(),
                    to_status: now.status.clone(),
                    from_step: was.step,
                    to_step: now.step,
                    from_bill: was.bill_money(),
                    to_bill: now.bill_money(),
                });
            }
        }
        c.gone = left.into_values().flatten().map(|s| s.row()).collect();
        let order = |po: &str, step: Option<i64>| (po.to_string(), step);
        c.new
            .sort_by_key(|r| order(&r.purchase_order_number, r.step));
        c.gone
            .sort_by_key(|r| order(&r.purchase_order_number, r.step));
        c.changed
            .sort_by_key(|ch| order(&ch.purchase_order_number, ch.to_step));
        c
    }

    /// Whether a transaction is new or changed (the tab's mark).
    pub fn marks(&self, t: &Transaction) -> bool {
        let po = t.general.purchase_order_number.trim();
        let step = t.payment.step;
        self.new
            .iter()
            .any(|n| n.purchase_order_number.trim() == po && n.step == step)
            || self
                .changed
                .iter()
                .any(|c| c.purchase_order_number.trim() == po && c.to_step == step)
    }

    /// What changed of a transaction, when it did.
    pub fn change_of(&self, t: &Transaction) -> Option<&Change> {
        let po = t.general.purchase_order_number.trim();
        self.changed
            .iter()
            .find(|c| c.purchase_order_number.trim() == po && c.to_step == t.payment.step)
    }

    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty() && self.gone.is_empty()
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
        assert_eq!(b, &["PT B", "1", "450", "0", "50", "10", "500"]);
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
                by == GroupBy::Month || groups.windows(2).all(|w| w[0].sum.bill >= w[1].sum.bill),
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
                .map(|r| (r.count, r.bill_amount.plain()))
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
        let json = serde_json::to_value(&rows[0]).unwrap();
        assert!(json["bill_amount"].is_number(), "{json}");
        assert!(json.get("members").is_none());
    }

    #[test]
    fn ageing_counts_days_in_the_status_not_since_entry() {
        let mut txs = set();
        // Entered in August (122 days), in Penagihan since 20 November (11 days) in WIB.
        txs[1].general.status_change_date = "2026-11-19T18:00:00Z".into();
        let view: Vec<usize> = (0..txs.len()).collect();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let rows = ageing(&txs, &view, today);
        let b = rows
            .iter()
            .find(|r| r.members.contains(&1))
            .expect("B is aged");
        assert_eq!(b.band, "0-30", "days since status_change_date");
        // 18:00 UTC on the 19th is the 20th in WIB: 11 days, not 12.
        assert_eq!(status_day(&txs[1]), NaiveDate::from_ymd_opt(2026, 11, 20));
        // Without a status date, the entry date.
        assert_eq!(status_day(&txs[2]), entry_day(&txs[2]));
    }

    #[test]
    fn months_come_in_calendar_order_others_largest_first() {
        let txs = set();
        let view: Vec<usize> = (0..txs.len()).collect();
        let months: Vec<String> = group(&txs, &view, GroupBy::Month)
            .into_iter()
            .map(|g| g.key)
            .collect();
        assert_eq!(
            months,
            ["2026-08", "2026-09", "2026-10", "2026-12", "(no date)"]
        );
        let total = total_of(&group(&txs, &view, GroupBy::Status));
        assert_eq!(total.count, 5);
        assert_eq!(total.bill, Money::from_units(2050));
    }

    #[test]
    fn wib_text_is_labelled_and_in_wib() {
        assert_eq!(wib_text("2026-12-07T08:44:00Z"), "2026-12-07 15:44 WIB");
        assert_eq!(
            wib_text("2026-12-07T23:30:00+08:00"),
            "2026-12-07 22:30 WIB"
        );
        assert_eq!(wib_text("kemarin"), "kemarin");
    }

    fn row(po: &str, step: i64, status: &str, bill: i64) -> Transaction {
        let mut t = tx(po, "2026-11-01T01:00:00Z", status, "PT A", bill, step);
        t.payment.step = Some(step);
        t
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
        later[1].payment.bill_amount = Some(Money::from_units(301));
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
        let pos = |rows: &[ChangedRow]| -> Vec<String> {
            rows.iter()
                .map(|r| r.purchase_order_number.clone())
                .collect()
        };
        assert_eq!(pos(&c.new), ["F"]);
        assert_eq!(pos(&c.gone), ["E"]);
        assert_eq!(c.gone[0].status_name, "Dikirim", "what it was");
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
            vec![
                ("A", "Selesai", Some(2)),
                ("B", "Penagihan", Some(1)),
                ("D", "Dikirim", Some(3))
            ]
        );
        let b = &c.changed[1];
        assert_eq!(
            (b.from_bill, b.to_bill),
            (Some(Money::from_units(300)), Some(Money::from_units(301))),
            "a bill change is reported"
        );
        assert!(c.marks(&later[0]) && c.marks(&later[4]) && !c.marks(&later[2]));
        // A snapshot survives a round trip through its file.
        let text = serde_json::to_string(&snap).unwrap();
        assert_eq!(serde_json::from_str::<Snapshot>(&text).unwrap(), snap);
    }

    #[test]
    fn two_steps_of_one_po_are_two_rows_not_a_change() {
        let before = vec![
            row("PO-9", 1, "Selesai", 100),
            row("PO-9", 2, "Penagihan", 200),
        ];
        let snap = Snapshot::of(&before, "t".into());
        // The same rows in another order: nothing changed.
        let swapped = vec![before[1].clone(), before[0].clone()];
        assert!(Changes::between(Some(&snap), &swapped).is_empty());
        // Step 2 is paid, step 3 appears.
        let now = vec![
            row("PO-9", 1, "Selesai", 100),
            row("PO-9", 2, "Selesai", 200),
            row("PO-9", 3, "Menunggu Pembayaran", 300),
        ];
        let c = Changes::between(Some(&snap), &now);
        assert_eq!(c.changed.len(), 1);
        assert_eq!(c.changed[0].to_step, Some(2));
        assert_eq!(c.new.len(), 1);
        assert_eq!(c.new[0].step, Some(3));
        assert!(c.gone.is_empty());
        // A single row whose step moved is a change of step, not gone and new.
        let snap = Snapshot::of(&[row("PO-7", 1, "Penagihan", 5)], "t".into());
        let c = Changes::between(Some(&snap), &[row("PO-7", 2, "Menunggu Pembayaran", 5)]);
        assert_eq!((c.new.len(), c.gone.len(), c.changed.len()), (0, 0, 1));
        assert_eq!(
            (c.changed[0].from_step, c.changed[0].to_step),
            (Some(1), Some(2))
        );
    }

    #[test]
    fn changes_as_a_table_have_one_row_each_new_changed_then_gone() {
        let r = |po: &str, status: &str| ChangedRow {
            purchase_order_number: po.into(),
            step: Some(1),
            status_name: status.into(),
            bill_amount: Some(Money::from_units(7)),
        };
        let c = Changes {
            since: Some("2026-11-27T08:00:00+07:00".into()),
            new: vec![r("PO-1", "Dikirim")],
            changed: vec![Change {
                purchase_order_number: "PO-2".into(),
                from_status: "Penagihan".into(),
                to_status: "Selesai".into(),
                from_step: Some(2),
                to_step: None,
                from_bill: Some(Money::from_units(5)),
                to_bill: Some(Money::from_units(6)),
            }],
            gone: vec![r("=PO-3", "Dibatalkan")],
        };
        assert_eq!(
            c.table_rows(),
            vec![
                vec!["new", "PO-1", "", "Dikirim", "", "1", "", "7"],
                vec!["changed", "PO-2", "Penagihan", "Selesai", "2", "", "5", "6"],
                vec!["gone", "'=PO-3", "Dibatalkan", "", "1", "", "7", ""],
            ]
        );
        assert!(
            c.table_rows()
                .iter()
                .all(|r| r.len() == CHANGE_HEADERS.len())
        );
        let json = serde_json::to_value(&c).unwrap();
        assert!(json["changed"][0]["to_bill"].is_number(), "{json}");
        assert!(json["new"][0]["bill_amount"].is_number(), "{json}");
    }
}
