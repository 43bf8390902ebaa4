//! `deskcoll termin` over the whole set: every page is read (a progress line on stderr), then
//! filtered (statuses, open work, a search, entry dates in WIB), sorted, grouped and summed,
//! aged, one PO shown whole, or what changed since an earlier look (`domain::termin_desk`, as
//! the Termin tab).

use super::output::{self, emit, emit_json, opt};
use super::termin::{TerminArgs, table_headers, wib_date};
use super::{EXIT_ERROR, EXIT_INVALID, Failure, Format};
use crate::domain::Transaction;
use crate::domain::lang::Lang;
use crate::domain::money::{Money, Total};
use crate::domain::termin_desk::{self, Column, DateRange, GroupBy};
use crate::domain::termin_view::{self, CSV_HEADERS, StatusSet, Sum};
use crate::domain::text::CsvStyle;
use crate::session::Session;
use crate::tr;

/// Pages fetched at once when walking the whole set.
const CONCURRENCY: usize = 4;

impl TerminArgs {
    /// Whether a question over the whole set was asked (then every page is read).
    pub fn asks_the_whole_set(&self) -> bool {
        !self.questions().is_empty()
    }

    /// The flags given that ask about the whole set, as written.
    fn questions(&self) -> Vec<&'static str> {
        [
            ("--summary", self.summary),
            ("--status", !self.status.is_empty()),
            ("--open", self.open),
            ("--search", self.search.is_some()),
            ("--po", self.po.is_some()),
            ("--sort", self.sort.is_some()),
            ("--since", self.since.is_some()),
            ("--until", self.until.is_some()),
            ("--group-by", self.group_by.is_some()),
            ("--aging", self.aging),
            ("--changes", self.changes),
        ]
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(flag, _)| flag)
        .collect()
    }

    /// Every fault of the command line, each "--flag: why", in the order of the flags.
    pub fn faults(&self, lang: Lang) -> Vec<String> {
        let mut faults = Vec::new();
        let given = self.questions();
        let conflict = |a: &str, b: &str| format!("{a}: {}", tr!(lang, "cli-conflict", other = b));
        // Browsing flags: a question reads every page, 100 at a time, whatever they say.
        for (flag, set) in [
            ("--page", self.page.is_some()),
            ("--limit", self.limit.is_some()),
        ] {
            if set {
                for q in &given {
                    faults.push(conflict(flag, q));
                }
            }
        }
        // One answer at a time: groups, ageing, the summary, the changes or one PO.
        let answers = ["--group-by", "--aging", "--summary", "--changes", "--po"];
        let asked: Vec<&str> = answers
            .iter()
            .copied()
            .filter(|a| given.contains(a))
            .collect();
        for (i, a) in asked.iter().enumerate() {
            for b in &asked[i + 1..] {
                faults.push(conflict(a, b));
            }
        }
        if self.sort.is_some() {
            for a in &asked {
                faults.push(conflict("--sort", a));
            }
        }
        if self.changes {
            // A look compares every row: filters would report the others gone.
            for f in ["--status", "--open", "--search", "--until"] {
                if given.contains(&f) {
                    faults.push(conflict("--changes", f));
                }
            }
        }
        if let Some(name) = self.sort.as_deref()
            && Column::parse(name).is_none()
        {
            let names: Vec<_> = Column::ALL.iter().map(|c| c.arg_name()).collect();
            faults.push(tr!(
                lang,
                "termin-cli-bad-sort",
                name = name,
                names = names.join(", ")
            ));
        }
        if let Some(name) = self.group_by.as_deref()
            && GroupBy::parse(name).is_none()
        {
            faults.push(tr!(lang, "termin-cli-bad-group", name = name));
        }
        if let (Some(s), Some(u)) = (self.since, self.until)
            && s > u
        {
            faults.push(tr!(
                lang,
                "termin-cli-bad-range",
                since = s.to_string(),
                until = u.to_string()
            ));
        }
        if self.status.iter().any(|s| s.trim().is_empty()) {
            faults.push(format!("--status: {}", tr!(lang, "cli-value-needed")));
        }
        faults
    }

    /// The refusal of this command line (exit 2, one line), when anything is at fault.
    pub fn refusal(&self, lang: Lang) -> Option<Failure> {
        let faults = self.faults(lang);
        (!faults.is_empty()).then(|| {
            Failure::new(
                EXIT_INVALID,
                tr!(
                    lang,
                    "cli-refused",
                    faults = faults.join("; "),
                    help = "deskcoll termin"
                ),
            )
        })
    }

    fn statuses(&self) -> StatusSet {
        StatusSet {
            names: self.status.iter().map(|s| s.trim().to_string()).collect(),
            open: self.open,
        }
    }
}

/// Reads every page, with a progress line on stderr (rewritten in place at a terminal), and
/// says on stderr how much was read.
async fn read_all(session: &Session, lang: Lang) -> Result<Vec<Transaction>, Failure> {
    use std::io::IsTerminal;
    let live = std::io::stderr().is_terminal();
    let mut pages = (0, 0);
    let all = session
        .client
        .termin_all(100, CONCURRENCY, |page, of, n| {
            pages = (page, of);
            if live {
                let line = tr!(lang, "termin-cli-reading", page = page, of = of, n = n);
                output::progress_line(Some(&line));
            }
            true
        })
        .await;
    if live {
        output::progress_line(None);
    }
    let all = all?;
    tell!(
        "{}",
        tr!(
            lang,
            "termin-cli-read",
            pages = pages.0,
            of = pages.1.max(pages.0),
            n = all.len()
        )
    );
    Ok(all)
}

pub async fn run(session: &Session, args: TerminArgs, style: CsvStyle) -> Result<(), Failure> {
    let lang = session.config.language;
    if let Some(refused) = args.refusal(lang) {
        return Err(refused);
    }
    let column = args.sort.as_deref().and_then(Column::parse);
    let group_by = args.group_by.as_deref().and_then(GroupBy::parse);
    let all = read_all(session, lang).await?;
    let now = session.clock.now_utc();
    let today = crate::termin_snapshot::wib_day(now);
    if args.changes {
        return changes(session, &all, args.since, args.format, style, lang);
    }
    let statuses = args.statuses();
    let unknown = statuses.unknown(&termin_view::statuses_seen(&all));
    if !unknown.is_empty() {
        return Err(Failure::new(
            EXIT_ERROR,
            tr!(
                lang,
                "termin-cli-unknown-status",
                names = unknown.join(", "),
                seen = termin_view::statuses_seen(&all).join(", ")
            ),
        ));
    }
    let range = DateRange {
        since: args.since,
        until: args.until,
    };
    let search = args.search.clone().unwrap_or_default();
    let mut view: Vec<usize> = (0..all.len())
        .filter(|&i| {
            range.contains(&all[i]) && termin_view::matches_set(&all[i], &search, &statuses)
        })
        .collect();
    if let Some(po) = args.po.as_deref() {
        view.retain(|&i| {
            all[i]
                .general
                .purchase_order_number
                .trim()
                .eq_ignore_ascii_case(po.trim())
        });
        if view.is_empty() {
            return Err(Failure::new(
                EXIT_ERROR,
                tr!(lang, "termin-cli-no-po", po = po.trim()),
            ));
        }
        return one_po(&all, &view, args.format, style, lang);
    }
    if let Some(column) = column {
        termin_desk::sort(&mut view, &all, column, args.reverse);
    }
    let scope = scope_line(&args, &statuses, view.len(), lang);
    if args.aging {
        return aging(
            &termin_desk::ageing(&all, &view, today),
            args.format,
            style,
            &scope,
            lang,
        );
    }
    if let Some(by) = group_by {
        return groups(
            &termin_desk::group(&all, &view, by),
            args.format,
            style,
            &scope,
            lang,
        );
    }
    if args.summary {
        return summary(&all, &view, args.format, style, &scope, lang);
    }
    rows(&all, &view, args.format, style, &scope, lang)
}

/// What the answer covers: how many, entered when, which statuses, what text.
fn scope_line(args: &TerminArgs, statuses: &StatusSet, n: usize, lang: Lang) -> String {
    let mut line = match (args.since, args.until) {
        (None, None) => tr!(lang, "termin-cli-scope", n = n),
        (s, u) => tr!(
            lang,
            "termin-cli-scope-range",
            n = n,
            since = s.map(|d| d.to_string()).unwrap_or_else(|| "…".into()),
            until = u.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
        ),
    };
    if !statuses.names.is_empty() {
        line.push_str(&format!(" · {}", statuses.names.join(", ")));
    }
    if statuses.open {
        line.push_str(&format!(" · {}", tr!(lang, "termin-cli-open-only")));
    }
    if let Some(s) = &args.search {
        line.push_str(&format!(" · /{s}"));
    }
    line
}

/// The sums of a group of rows as JSON gives them (money as JSON numbers, exact).
#[derive(serde::Serialize)]
struct SumJson {
    count: usize,
    price_sub_total: Total,
    shipping_cost: Total,
    total_pph: Total,
    total_ppn: Total,
    bill_amount: Total,
}

impl From<&Sum> for SumJson {
    fn from(s: &Sum) -> SumJson {
        SumJson {
            count: s.count,
            price_sub_total: s.subtotal.clone(),
            shipping_cost: s.shipping.clone(),
            total_pph: s.pph.clone(),
            total_ppn: s.ppn.clone(),
            bill_amount: s.bill.clone(),
        }
    }
}

/// The money columns of a table row: subtotal, shipping, PPh, PPN, bill (bill = subtotal +
/// shipping - PPh in every row).
fn money_cells(s: &Sum) -> [String; 5] {
    [
        s.subtotal.rupiah(),
        s.shipping.rupiah(),
        s.pph.rupiah(),
        s.ppn.rupiah(),
        s.bill.rupiah(),
    ]
}

fn money_headers(lang: Lang) -> [String; 5] {
    [
        tr!(lang, "termin-col-subtotal"),
        tr!(lang, "termin-col-shipping"),
        tr!(lang, "termin-col-pph"),
        tr!(lang, "termin-col-ppn"),
        tr!(lang, "termin-col-bill"),
    ]
}

fn sum_of<'a>(txs: impl IntoIterator<Item = &'a Transaction>) -> Sum {
    let mut s = Sum::default();
    for t in txs {
        s.add(t);
    }
    s
}

fn rows(
    all: &[Transaction],
    view: &[usize],
    format: Format,
    style: CsvStyle,
    scope: &str,
    lang: Lang,
) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let shown: Vec<&Transaction> = view.iter().map(|&i| &all[i]).collect();
            emit_json(&shown)
        }
        Format::Csv | Format::Xlsx => {
            let rows: Vec<Vec<String>> = view
                .iter()
                .map(|&i| termin_view::csv_row(&all[i]))
                .collect();
            emit(&output::csv(&CSV_HEADERS, &rows, true, style)?)
        }
        Format::Table if view.is_empty() => {
            emit(format!("{}\n{scope}\n", tr!(lang, "termin-cli-none")).as_bytes())
        }
        Format::Table => {
            let mut headers: Vec<String> = table_headers(lang)[..6].to_vec();
            headers.extend(money_headers(lang));
            let mut table: Vec<Vec<String>> = view
                .iter()
                .map(|&i| {
                    let t = &all[i];
                    let mut row = vec![
                        wib_date(&t.general.entry_date),
                        t.general.purchase_order_number.clone(),
                        t.general.buyer_name.clone(),
                        t.vendor.name.clone(),
                        t.general.status_name.clone(),
                        format!("{}/{}", opt(t.payment.step), opt(t.payment.total_step)),
                    ];
                    row.extend(money_cells(&sum_of([t])));
                    row
                })
                .collect();
            let total = sum_of(view.iter().map(|&i| &all[i]));
            let mut last = vec![
                "TOTAL".to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                total.count.to_string(),
            ];
            last.extend(money_cells(&total));
            table.push(last);
            table_with(&headers, &table, &[5, 6, 7, 8, 9, 10], scope)
        }
    }
}

/// A plain table with a closing line under it.
fn table_with(
    headers: &[String],
    rows: &[Vec<String>],
    numeric: &[usize],
    last_line: &str,
) -> Result<(), Failure> {
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut text = output::table(&headers, rows, numeric);
    text.push_str(last_line);
    text.push('\n');
    emit(text.as_bytes())
}

/// One group as JSON gives it (money as JSON numbers, exact).
#[derive(serde::Serialize)]
struct GroupRow {
    key: String,
    #[serde(flatten)]
    sum: SumJson,
}

fn groups(
    groups: &[termin_desk::Group],
    format: Format,
    style: CsvStyle,
    scope: &str,
    lang: Lang,
) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let rows: Vec<GroupRow> = groups
                .iter()
                .map(|g| GroupRow {
                    key: g.key.clone(),
                    sum: (&g.sum).into(),
                })
                .collect();
            emit_json(&rows)
        }
        Format::Csv | Format::Xlsx => emit(&output::csv(
            &termin_desk::GROUP_HEADERS,
            &termin_desk::group_rows(groups),
            true,
            style,
        )?),
        Format::Table => {
            let total = termin_desk::total_of(groups);
            let line = |key: String, s: &Sum| {
                let mut row = vec![key, s.count.to_string()];
                row.extend(money_cells(s));
                row.push(share(&s.bill, &total.bill));
                row
            };
            let mut table: Vec<Vec<String>> =
                groups.iter().map(|g| line(g.key.clone(), &g.sum)).collect();
            table.push(line("TOTAL".into(), &total));
            let mut headers = vec![tr!(lang, "termin-col-group"), tr!(lang, "termin-col-count")];
            headers.extend(money_headers(lang));
            headers.push(tr!(lang, "termin-col-share"));
            table_with(&headers, &table, &[1, 2, 3, 4, 5, 6, 7], scope)
        }
    }
}

/// Count and sums per status, and the TOTAL, over the rows asked about.
fn summary(
    all: &[Transaction],
    view: &[usize],
    format: Format,
    style: CsvStyle,
    scope: &str,
    lang: Lang,
) -> Result<(), Failure> {
    let t = termin_view::Totals::of(view.iter().map(|&i| &all[i]));
    match format {
        Format::Json => {
            // Written directly (not through `serde_json::Value`, whose numbers are floats).
            #[derive(serde::Serialize)]
            struct Summary<'a> {
                by_status: std::collections::BTreeMap<&'a String, SumJson>,
                grand: SumJson,
            }
            output::emit_json(&Summary {
                by_status: t.by_status.iter().map(|(s, sum)| (s, sum.into())).collect(),
                grand: (&t.grand).into(),
            })
        }
        Format::Csv | Format::Xlsx => {
            let mut rows: Vec<Vec<String>> = t
                .by_status
                .iter()
                .map(|(s, sum)| summary_csv(s, sum))
                .collect();
            rows.push(summary_csv("TOTAL", &t.grand));
            emit(&output::csv(
                &[
                    "status_name",
                    "count",
                    "price_sub_total",
                    "shipping_cost",
                    "total_pph",
                    "total_ppn",
                    "bill_amount",
                ],
                &rows,
                true,
                style,
            )?)
        }
        Format::Table => {
            let line = |key: &str, s: &Sum| {
                let mut row = vec![key.to_string(), s.count.to_string()];
                row.extend(money_cells(s));
                row
            };
            let mut rows: Vec<Vec<String>> =
                t.by_status.iter().map(|(s, sum)| line(s, sum)).collect();
            rows.push(line("TOTAL", &t.grand));
            let mut headers = vec![
                tr!(lang, "termin-col-status"),
                tr!(lang, "termin-totals-count"),
            ];
            headers.extend(money_headers(lang));
            table_with(&headers, &rows, &[1, 2, 3, 4, 5, 6], scope)
        }
    }
}

fn summary_csv(key: &str, s: &Sum) -> Vec<String> {
    vec![
        key.to_string(),
        s.count.to_string(),
        s.subtotal.plain(),
        s.shipping.plain(),
        s.pph.plain(),
        s.ppn.plain(),
        s.bill.plain(),
    ]
}

/// A group's share of the bill total, in whole percent (exact arithmetic, rounded).
pub fn share(part: &Total, total: &Total) -> String {
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
    lang: Lang,
) -> Result<(), Failure> {
    match format {
        Format::Json => emit_json(rows),
        Format::Csv | Format::Xlsx => emit(&output::csv(
            &termin_desk::AGEING_HEADERS,
            &termin_desk::ageing_rows(rows),
            true,
            style,
        )?),
        Format::Table => {
            let mut table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let band = format!("termin-band-{}", r.band.replace(' ', "-"));
                    vec![
                        r.status.clone(),
                        crate::i18n::text(lang, &band),
                        r.count.to_string(),
                        r.bill_amount.rupiah(),
                    ]
                })
                .collect();
            let count: usize = rows.iter().map(|r| r.count).sum();
            let mut bill = Total::default();
            for r in rows {
                bill.add_total(&r.bill_amount);
            }
            table.push(vec![
                "TOTAL".into(),
                String::new(),
                count.to_string(),
                bill.rupiah(),
            ]);
            let headers = [
                tr!(lang, "termin-col-status"),
                tr!(lang, "termin-col-days-in-status"),
                tr!(lang, "termin-col-count"),
                tr!(lang, "termin-col-bill"),
            ];
            let last = tr!(
                lang,
                "termin-cli-ageing-of",
                finished = termin_desk::FINISHED.join(" / "),
                scope = scope
            );
            table_with(&headers, &table, &[2, 3], &last)
        }
    }
}

/// Every field of the transactions of one PO (a row a step): JSON and CSV as the rows are,
/// a table as `section.field  value` lines, dates in WIB, money in rupiah.
fn one_po(
    all: &[Transaction],
    view: &[usize],
    format: Format,
    style: CsvStyle,
    lang: Lang,
) -> Result<(), Failure> {
    if format != Format::Table {
        return rows(all, view, format, style, "", lang);
    }
    let mut text = String::new();
    for (n, &i) in view.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        let value =
            serde_json::to_value(&all[i]).map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
        let mut lines: Vec<Vec<String>> = Vec::new();
        if let serde_json::Value::Object(sections) = value {
            for (section, fields) in sections {
                let serde_json::Value::Object(fields) = fields else {
                    continue;
                };
                for (field, v) in fields {
                    lines.push(vec![format!("{section}.{field}"), field_text(&field, &v)]);
                }
            }
        }
        text.push_str(&output::table(&["FIELD", "VALUE"], &lines, &[]));
    }
    emit(text.as_bytes())
}

/// A field's value for people: dates in WIB, money in rupiah, the rest as sent.
fn field_text(field: &str, v: &serde_json::Value) -> String {
    const MONEY: [&str; 12] = [
        "bill_amount",
        "pph21",
        "pph22",
        "pph23",
        "price_sub_total",
        "product_ppn",
        "shipping_cost",
        "shipping_cost_pph",
        "shipping_cost_ppn",
        "total_pph",
        "total_ppn",
        "amount",
    ];
    match v {
        serde_json::Value::String(s) if field.ends_with("_date") && !s.is_empty() => wib_date(s),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) if MONEY.contains(&field) => n
            .to_string()
            .parse::<Money>()
            .map(|m| m.rupiah())
            .unwrap_or_else(|_| n.to_string()),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn changes(
    session: &Session,
    all: &[Transaction],
    since: Option<chrono::NaiveDate>,
    format: Format,
    style: CsvStyle,
    lang: Lang,
) -> Result<(), Failure> {
    let now = session.clock.now_utc();
    let failed = |e: std::io::Error| {
        Failure::new(
            EXIT_ERROR,
            tr!(lang, "termin-cli-snapshot-failed", error = e.to_string()),
        )
    };
    let c = match crate::termin_snapshot::Looks::for_server(&session.termin_server()) {
        Some(looks) => looks
            .compare_and_keep(
                all,
                crate::termin_snapshot::wib_day(now),
                since,
                now.to_rfc3339(),
            )
            .map_err(failed)?,
        None => termin_desk::Changes::between(None, all),
    };
    match format {
        Format::Json => emit_json(&c),
        Format::Csv | Format::Xlsx => emit(&output::csv(
            &termin_desk::CHANGE_HEADERS,
            &c.table_rows(),
            true,
            style,
        )?),
        Format::Table => {
            let row = |r: &termin_desk::ChangedRow| {
                format!(
                    "{} {} {} {}",
                    r.purchase_order_number,
                    tr!(lang, "termin-step", step = opt(r.step)),
                    r.status_name,
                    r.bill_amount.map(|b| b.rupiah()).unwrap_or_default()
                )
            };
            let mut lines = vec![match &c.since {
                Some(s) => tr!(lang, "termin-cli-since", since = wib_date(s)),
                None => tr!(lang, "termin-cli-first-look"),
            }];
            lines.push(tr!(lang, "termin-cli-new", n = c.new.len(), list = ""));
            lines.extend(c.new.iter().map(|r| format!("  + {}", row(r))));
            lines.push(tr!(lang, "termin-cli-changed-n", n = c.changed.len()));
            for ch in &c.changed {
                let bill = |b: Option<Money>| b.map(|b| b.rupiah()).unwrap_or_default();
                lines.push(format!(
                    "  ~ {}",
                    tr!(
                        lang,
                        "termin-cli-changed",
                        po = ch.purchase_order_number.clone(),
                        from = ch.from_status.clone(),
                        from_step = opt(ch.from_step),
                        to = ch.to_status.clone(),
                        to_step = opt(ch.to_step)
                    )
                ));
                if ch.from_bill != ch.to_bill {
                    lines.push(format!(
                        "    {}",
                        tr!(
                            lang,
                            "termin-cli-bill-changed",
                            from = bill(ch.from_bill),
                            to = bill(ch.to_bill)
                        )
                    ));
                }
            }
            lines.push(tr!(lang, "termin-cli-gone", n = c.gone.len(), list = ""));
            lines.extend(c.gone.iter().map(|r| format!("  - {}", row(r))));
            let mut text = lines
                .iter()
                .map(|l| l.trim_end().to_string())
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}
