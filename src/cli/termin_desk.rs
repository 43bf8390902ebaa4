//! `deskcoll termin` over the whole set: sorted, in a date range, grouped and summed, aged,
//! or what changed since the last look (`domain::termin_desk`, as the Termin tab).

use super::output::{self, emit, emit_json, opt};
use super::termin::{TerminArgs, local_date};
use super::{EXIT_ERROR, EXIT_INVALID, Failure, Format};
use crate::domain::termin_desk::{self, Column, DateRange, GroupBy};
use crate::domain::termin_view::{self, CSV_HEADERS};
use crate::domain::text::CsvStyle;
use crate::domain::{Money, Transaction};
use crate::session::Session;

/// Pages fetched at once when walking the whole set.
const CONCURRENCY: usize = 4;

impl TerminArgs {
    /// Whether a question over the whole set was asked.
    pub fn asks_the_whole_set(&self) -> bool {
        self.sort.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.group_by.is_some()
            || self.aging
            || self.changes
    }
}

fn plain(m: Money) -> String {
    m.plain()
}

pub async fn run(session: &Session, args: TerminArgs, style: CsvStyle) -> Result<(), Failure> {
    let column = match args.sort.as_deref() {
        None => None,
        Some(name) => Some(Column::parse(name).ok_or_else(|| {
            let names: Vec<_> = Column::ALL.iter().map(|c| c.arg_name()).collect();
            Failure::new(
                EXIT_INVALID,
                format!("--sort: '{name}' is not one of {}", names.join(", ")),
            )
        })?),
    };
    let group_by = match args.group_by.as_deref() {
        None => None,
        Some(name) => Some(GroupBy::parse(name).ok_or_else(|| {
            Failure::new(
                EXIT_INVALID,
                format!("--group-by: '{name}' is not one of status, vendor, buyer, month"),
            )
        })?),
    };
    let range = DateRange {
        since: args.since,
        until: args.until,
    };
    if let (Some(s), Some(u)) = (range.since, range.until)
        && s > u
    {
        return Err(Failure::new(
            EXIT_INVALID,
            format!("--since {s} is after --until {u}"),
        ));
    }
    let all = session
        .client
        .termin_all(100, CONCURRENCY, |_, _, _| true)
        .await?;
    let mut view: Vec<usize> = (0..all.len())
        .filter(|&i| {
            range.contains(&all[i]) && termin_view::matches(&all[i], "", args.status.as_deref())
        })
        .collect();
    if let Some(column) = column {
        termin_desk::sort(&mut view, &all, column, args.reverse);
    }
    let scope = match (range.since, range.until) {
        (None, None) => format!("{} transactions", view.len()),
        (s, u) => format!(
            "{} transactions entered {} to {} (WIB)",
            view.len(),
            s.map(|d| d.to_string())
                .unwrap_or_else(|| "the start".into()),
            u.map(|d| d.to_string()).unwrap_or_else(|| "now".into())
        ),
    };
    if args.changes {
        return changes(session, &all, args.format);
    }
    if args.aging {
        let today = session
            .clock
            .now_utc()
            .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("WIB"))
            .date_naive();
        return aging(
            &termin_desk::ageing(&all, &view, today),
            args.format,
            style,
            &scope,
        );
    }
    if let Some(by) = group_by {
        return groups(
            &termin_desk::group(&all, &view, by),
            args.format,
            style,
            &scope,
        );
    }
    rows(&all, &view, args.format, style, &scope)
}

fn rows(
    all: &[Transaction],
    view: &[usize],
    format: Format,
    style: CsvStyle,
    scope: &str,
) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let shown: Vec<&Transaction> = view.iter().map(|&i| &all[i]).collect();
            emit_json(&shown)
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = view
                .iter()
                .map(|&i| termin_view::csv_row(&all[i]))
                .collect();
            emit(&output::csv(&CSV_HEADERS, &rows, true, style)?)
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = view
                .iter()
                .map(|&i| {
                    let t = &all[i];
                    vec![
                        local_date(&t.general.entry_date),
                        t.general.purchase_order_number.clone(),
                        t.general.buyer_name.clone(),
                        t.vendor.name.clone(),
                        t.general.status_name.clone(),
                        format!("{}/{}", opt(t.payment.step), opt(t.payment.total_step)),
                        opt(t.payment.bill_amount),
                    ]
                })
                .collect();
            let mut text = output::table(
                &[
                    "ENTRY DATE",
                    "PO NUMBER",
                    "BUYER",
                    "VENDOR",
                    "STATUS",
                    "STEP",
                    "BILL AMOUNT",
                ],
                &rows,
                &[5, 6],
            );
            text.push_str(scope);
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}

/// One group as JSON and CSV give it (money as plain numbers, exact).
#[derive(serde::Serialize)]
struct GroupRow {
    key: String,
    count: usize,
    price_sub_total: String,
    total_ppn: String,
    total_pph: String,
    bill_amount: String,
}

fn groups(
    groups: &[termin_desk::Group],
    format: Format,
    style: CsvStyle,
    scope: &str,
) -> Result<(), Failure> {
    let rows: Vec<GroupRow> = groups
        .iter()
        .map(|g| GroupRow {
            key: g.key.clone(),
            count: g.sum.count,
            price_sub_total: plain(g.sum.subtotal),
            total_ppn: plain(g.sum.ppn),
            total_pph: plain(g.sum.pph),
            bill_amount: plain(g.sum.bill),
        })
        .collect();
    let headers = [
        "key",
        "count",
        "price_sub_total",
        "total_ppn",
        "total_pph",
        "bill_amount",
    ];
    let cells = |r: &GroupRow| {
        vec![
            r.key.clone(),
            r.count.to_string(),
            r.price_sub_total.clone(),
            r.total_ppn.clone(),
            r.total_pph.clone(),
            r.bill_amount.clone(),
        ]
    };
    match format {
        Format::Json => emit_json(&rows),
        Format::Csv => emit(&output::csv(
            &headers,
            &rows.iter().map(cells).collect::<Vec<_>>(),
            true,
            style,
        )?),
        Format::Table => {
            let total = groups.iter().fold(Money::ZERO, |m, g| m + g.sum.bill);
            let table: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    vec![
                        g.key.clone(),
                        g.sum.count.to_string(),
                        g.sum.subtotal.rupiah(),
                        g.sum.ppn.rupiah(),
                        g.sum.pph.rupiah(),
                        g.sum.bill.rupiah(),
                        share(g.sum.bill, total),
                    ]
                })
                .collect();
            let mut text = output::table(
                &["GROUP", "COUNT", "SUBTOTAL", "PPN", "PPH", "BILL", "SHARE"],
                &table,
                &[1, 2, 3, 4, 5, 6],
            );
            text.push_str(scope);
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}

/// A group's share of the bill total, in whole percent (exact arithmetic, rounded).
pub fn share(part: Money, total: Money) -> String {
    match part.percent_of(total) {
        Some(p) => format!("{p}%"),
        None => "-".into(),
    }
}

fn aging(
    rows: &[termin_desk::AgeRow],
    format: Format,
    style: CsvStyle,
    scope: &str,
) -> Result<(), Failure> {
    let cells = |r: &termin_desk::AgeRow| {
        vec![
            r.status.clone(),
            r.band.to_string(),
            r.count.to_string(),
            r.bill_amount.clone(),
        ]
    };
    match format {
        Format::Json => emit_json(rows),
        Format::Csv => emit(&output::csv(
            &["status", "band", "count", "bill_amount"],
            &rows.iter().map(cells).collect::<Vec<_>>(),
            true,
            style,
        )?),
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let bill: Money = r.bill_amount.parse().unwrap_or_default();
                    vec![
                        r.status.clone(),
                        r.band.to_string(),
                        r.count.to_string(),
                        bill.rupiah(),
                    ]
                })
                .collect();
            let mut text = output::table(&["STATUS", "DAYS", "COUNT", "BILL"], &table, &[2, 3]);
            text.push_str(&format!(
                "not finished (all but {}), of {scope}\n",
                termin_desk::FINISHED.join(" and ")
            ));
            emit(text.as_bytes())
        }
    }
}

fn changes(session: &Session, all: &[Transaction], format: Format) -> Result<(), Failure> {
    let now = session.clock.now_utc().to_rfc3339();
    let c = crate::termin_snapshot::compare_and_keep(&session.termin_server(), all, now)
        .map_err(|e| Failure::new(EXIT_ERROR, format!("cannot keep the termin snapshot: {e}")))?;
    match format {
        Format::Json | Format::Csv => emit_json(&c),
        Format::Table => {
            let mut text = match &c.since {
                Some(s) => format!("since {s}\n"),
                None => "no earlier look: every transaction is new\n".into(),
            };
            text.push_str(&format!("new ({}): {}\n", c.new.len(), c.new.join(" ")));
            for ch in &c.changed {
                text.push_str(&format!(
                    "changed {}: {} step {} -> {} step {}\n",
                    ch.purchase_order_number,
                    ch.from_status,
                    opt(ch.from_step),
                    ch.to_status,
                    opt(ch.to_step)
                ));
            }
            text.push_str(&format!("gone ({}): {}\n", c.gone.len(), c.gone.join(" ")));
            emit(text.as_bytes())
        }
    }
}
