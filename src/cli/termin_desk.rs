//! `deskcoll termin` over the whole set: sorted, in a date range, grouped and summed, aged,
//! or what changed since the last look (`domain::termin_desk`, as the Termin tab).

use super::output::{self, emit, emit_json, opt};
use super::termin::{TerminArgs, table_headers, table_row};
use super::{EXIT_ERROR, EXIT_INVALID, Failure, Format};
use crate::domain::Transaction;
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::domain::termin_desk::{self, Column, DateRange, GroupBy};
use crate::domain::termin_view::{self, CSV_HEADERS};
use crate::domain::text::CsvStyle;
use crate::session::Session;
use crate::tr;

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

fn plain(m: &Total) -> String {
    m.plain()
}

pub async fn run(session: &Session, args: TerminArgs, style: CsvStyle) -> Result<(), Failure> {
    let lang = session.config.language;
    let column = match args.sort.as_deref() {
        None => None,
        Some(name) => Some(Column::parse(name).ok_or_else(|| {
            let names: Vec<_> = Column::ALL.iter().map(|c| c.arg_name()).collect();
            Failure::new(
                EXIT_INVALID,
                tr!(
                    lang,
                    "termin-cli-bad-sort",
                    name = name,
                    names = names.join(", ")
                ),
            )
        })?),
    };
    let group_by = match args.group_by.as_deref() {
        None => None,
        Some(name) => Some(GroupBy::parse(name).ok_or_else(|| {
            Failure::new(EXIT_INVALID, tr!(lang, "termin-cli-bad-group", name = name))
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
            tr!(
                lang,
                "termin-cli-bad-range",
                since = s.to_string(),
                until = u.to_string()
            ),
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
        (None, None) => tr!(lang, "termin-cli-scope", n = view.len()),
        (s, u) => tr!(
            lang,
            "termin-cli-scope-range",
            n = view.len(),
            since = s.map(|d| d.to_string()).unwrap_or_else(|| "…".into()),
            until = u.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
        ),
    };
    if args.changes {
        return changes(session, &all, args.format, style, lang);
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
    rows(&all, &view, args.format, style, &scope, lang)
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
        Format::Csv => {
            let rows: Vec<Vec<String>> = view
                .iter()
                .map(|&i| termin_view::csv_row(&all[i]))
                .collect();
            emit(&output::csv(&CSV_HEADERS, &rows, true, style)?)
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = view.iter().map(|&i| table_row(&all[i])).collect();
            table_with(&table_headers(lang), &rows, &[5, 6], scope)
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

/// One group as JSON gives it (money as plain numbers, exact).
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
    lang: Lang,
) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let rows: Vec<GroupRow> = groups
                .iter()
                .map(|g| GroupRow {
                    key: g.key.clone(),
                    count: g.sum.count,
                    price_sub_total: plain(&g.sum.subtotal),
                    total_ppn: plain(&g.sum.ppn),
                    total_pph: plain(&g.sum.pph),
                    bill_amount: plain(&g.sum.bill),
                })
                .collect();
            emit_json(&rows)
        }
        Format::Csv => emit(&output::csv(
            &termin_desk::GROUP_HEADERS,
            &termin_desk::group_rows(groups),
            true,
            style,
        )?),
        Format::Table => {
            let mut total = Total::default();
            for g in groups {
                total.add_total(&g.sum.bill);
            }
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
                        share(&g.sum.bill, &total),
                    ]
                })
                .collect();
            let headers = [
                tr!(lang, "termin-col-group"),
                tr!(lang, "termin-col-count"),
                tr!(lang, "termin-col-subtotal"),
                tr!(lang, "termin-col-ppn"),
                tr!(lang, "termin-col-pph"),
                tr!(lang, "termin-col-bill"),
                tr!(lang, "termin-col-share"),
            ];
            table_with(&headers, &table, &[1, 2, 3, 4, 5, 6], scope)
        }
    }
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
        Format::Csv => emit(&output::csv(
            &termin_desk::AGEING_HEADERS,
            &termin_desk::ageing_rows(rows),
            true,
            style,
        )?),
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let band = format!("termin-band-{}", r.band.replace(' ', "-"));
                    vec![
                        r.status.clone(),
                        crate::i18n::text(lang, &band),
                        r.count.to_string(),
                        crate::domain::money::shown_figure(&r.bill_amount),
                    ]
                })
                .collect();
            let headers = [
                tr!(lang, "termin-col-status"),
                tr!(lang, "termin-col-days"),
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

fn changes(
    session: &Session,
    all: &[Transaction],
    format: Format,
    style: CsvStyle,
    lang: Lang,
) -> Result<(), Failure> {
    let now = session.clock.now_utc().to_rfc3339();
    let c = crate::termin_snapshot::compare_and_keep(&session.termin_server(), all, now).map_err(
        |e| {
            Failure::new(
                EXIT_ERROR,
                tr!(lang, "termin-cli-snapshot-failed", error = e.to_string()),
            )
        },
    )?;
    match format {
        Format::Json => emit_json(&c),
        Format::Csv => emit(&output::csv(
            &termin_desk::CHANGE_HEADERS,
            &c.table_rows(),
            true,
            style,
        )?),
        Format::Table => {
            let mut lines = vec![match &c.since {
                Some(s) => tr!(lang, "termin-cli-since", since = s.clone()),
                None => tr!(lang, "termin-cli-first-look"),
            }];
            lines.push(tr!(
                lang,
                "termin-cli-new",
                n = c.new.len(),
                list = c.new.join(" ")
            ));
            for ch in &c.changed {
                lines.push(tr!(
                    lang,
                    "termin-cli-changed",
                    po = ch.purchase_order_number.clone(),
                    from = ch.from_status.clone(),
                    from_step = opt(ch.from_step),
                    to = ch.to_status.clone(),
                    to_step = opt(ch.to_step)
                ));
            }
            lines.push(tr!(
                lang,
                "termin-cli-gone",
                n = c.gone.len(),
                list = c.gone.join(" ")
            ));
            let mut text = lines.join("\n");
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}
