use super::output::{self, emit, opt};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::Transaction;
use crate::domain::dates;
use crate::domain::money::Total;
use crate::domain::termin_view::{self, CSV_HEADERS, Totals};
use crate::domain::text::CsvStyle;
use crate::i18n::Lang;
use crate::session::Session;
use crate::tr;

#[derive(clap::Args, Debug)]
pub struct TerminArgs {
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..))]
    pub page: i64,
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(i64).range(1..=1000))]
    pub limit: i64,
    /// Walk every page.
    #[arg(long)]
    pub all: bool,
    /// Only transactions with this status (as the provider names it, any case).
    #[arg(long, value_name = "NAME")]
    pub status: Option<String>,
    /// Print count and amounts per status (and the grand total) instead of the rows.
    #[arg(long)]
    pub summary: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// CSV for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators (implies --format csv).
    #[arg(long)]
    pub excel: bool,
    /// Sort the whole set by entry_date, bill_amount, status, vendor, buyer or step.
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Turn the --sort order round.
    #[arg(long, requires = "sort")]
    pub reverse: bool,
    /// Only transactions entered on or after this day (read in WIB).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<chrono::NaiveDate>,
    /// Only transactions entered on or before this day (read in WIB).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<chrono::NaiveDate>,
    /// Count and sum the whole set by status, vendor, buyer or month of entry.
    #[arg(long, value_name = "BY")]
    pub group_by: Option<String>,
    /// Days since entry of what is not finished, in bands, per status.
    #[arg(long)]
    pub aging: bool,
    /// What is new, changed or gone since the last look (kept on this desk).
    #[arg(long)]
    pub changes: bool,
}

/// Entry dates arrive in UTC; people read them in local time.
pub fn local_date(s: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => t
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => dates::parse_datetime(s)
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| s.to_string()),
    }
}

/// The table's columns, in the language in force (a table is for people; CSV and JSON keep
/// their contract names).
pub fn table_headers(lang: crate::domain::lang::Lang) -> [String; 7] {
    [
        tr!(lang, "termin-col-entry-date"),
        tr!(lang, "termin-col-po"),
        tr!(lang, "termin-col-buyer"),
        tr!(lang, "termin-col-vendor"),
        tr!(lang, "termin-col-status"),
        tr!(lang, "termin-col-step"),
        tr!(lang, "termin-col-bill"),
    ]
}

/// One transaction as a table row.
pub fn table_row(t: &Transaction) -> Vec<String> {
    vec![
        local_date(&t.general.entry_date),
        t.general.purchase_order_number.clone(),
        t.general.buyer_name.clone(),
        t.vendor.name.clone(),
        t.general.status_name.clone(),
        format!("{}/{}", opt(t.payment.step), opt(t.payment.total_step)),
        opt(t.payment.bill_amount),
    ]
}

fn json_err(e: serde_json::Error) -> Failure {
    Failure::new(EXIT_ERROR, e.to_string())
}

pub async fn run(session: &Session, args: TerminArgs, style: CsvStyle) -> Result<(), Failure> {
    let lang = session.config.language;
    let mut collected: Vec<Transaction> = Vec::new();
    let mut first_json = true;
    let mut current = args.page;
    let streaming = !args.summary && args.format != Format::Table;
    // The first page is read before anything is written: a page past the end is an error.
    let first = session.client.termin_page(current, args.limit).await?;
    if first.transactions().is_empty() && args.page > 1 {
        let total = match first.meta().total_page.filter(|n| *n > 0) {
            Some(n) => n,
            // The provider answers a page past the end with its 404 "not found" and no meta:
            // the first page tells the real number.
            None => session
                .client
                .termin_page(1, args.limit)
                .await?
                .meta()
                .total_page
                .unwrap_or(0),
        };
        return Err(Failure::new(
            EXIT_ERROR,
            tr!(
                lang,
                "termin-cli-past-last",
                page = args.page,
                of = total,
                limit = args.limit
            ),
        ));
    }
    if streaming && args.format == Format::Json {
        emit(b"[")?;
    }
    let mut fetched = Some((first, 0usize));
    // What a walk reads in all is capped (`http.max_total_mb`), however many pages the
    // server says it has.
    let cap = session.client.options().max_total_bytes;
    let mut read = 0usize;
    let meta = loop {
        let (p, size) = match fetched.take() {
            Some(p) => p,
            None => {
                session
                    .client
                    .termin_page_with_size(current, args.limit)
                    .await?
            }
        };
        read = read.saturating_add(size);
        if read > cap {
            return Err(crate::api::ApiError::TotalTooLarge {
                limit: cap,
                pages: current,
            }
            .into());
        }
        let rows: Vec<&Transaction> = p
            .transactions()
            .iter()
            .filter(|t| termin_view::matches(t, "", args.status.as_deref()))
            .collect();
        // CSV and JSON rows stream page by page; tables and summaries need them all.
        match (streaming, args.format) {
            (true, Format::Csv) => {
                let rows: Vec<Vec<String>> = rows.iter().map(|t| termin_view::csv_row(t)).collect();
                emit(&output::csv(
                    &CSV_HEADERS,
                    &rows,
                    current == args.page,
                    style,
                )?)?
            }
            (true, Format::Json) => {
                for t in rows {
                    let mut chunk = if first_json {
                        b"\n".to_vec()
                    } else {
                        b",\n".to_vec()
                    };
                    first_json = false;
                    chunk.extend(serde_json::to_vec(t).map_err(json_err)?);
                    output::emit_json_text(&chunk)?;
                }
            }
            _ => collected.extend(rows.into_iter().cloned()),
        }
        let meta = p.meta();
        if !args.all || p.transactions().is_empty() || current >= meta.total_page.unwrap_or(0) {
            break meta;
        }
        current += 1;
    };
    let total_pages = meta.total_page.unwrap_or(0);
    let position = tr!(
        lang,
        "termin-cli-position",
        page = if args.all {
            format!("{}-{}", args.page, current.min(total_pages.max(1)))
        } else {
            current.to_string()
        },
        of = total_pages,
        n = meta.total_data.unwrap_or(0)
    );
    if streaming {
        if args.format == Format::Json {
            emit(b"\n]\n")?;
        }
        tell!("{position}");
        return Ok(());
    }
    if args.summary {
        return summary(&Totals::of(&collected), args.format, &position, style, lang);
    }
    let rows: Vec<_> = collected.iter().map(table_row).collect();
    let mut text = if collected.is_empty() {
        format!("{}\n", tr!(lang, "termin-cli-none"))
    } else {
        let headers = table_headers(lang);
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        output::table(&headers, &rows, &[5, 6])
    };
    text.push_str(&position);
    text.push('\n');
    emit(text.as_bytes())
}

fn summary(
    t: &Totals,
    format: Format,
    position: &str,
    style: CsvStyle,
    lang: Lang,
) -> Result<(), Failure> {
    let mut lines: Vec<(String, usize, &Total, &Total)> = t
        .by_status
        .iter()
        .map(|(s, sum)| (s.clone(), sum.count, &sum.bill, &sum.subtotal))
        .collect();
    lines.push((
        "TOTAL".into(),
        t.grand.count,
        &t.grand.bill,
        &t.grand.subtotal,
    ));
    match format {
        Format::Json => {
            let by_status: serde_json::Map<String, serde_json::Value> = t
                .by_status
                .iter()
                .map(|(s, sum)| (s.clone(), serde_json::json!({"count": sum.count, "bill_amount": sum.bill.plain(), "price_sub_total": sum.subtotal.plain()})))
                .collect();
            let v = serde_json::json!({
                "by_status": by_status,
                "grand": {"count": t.grand.count, "bill_amount": t.grand.bill.plain(), "price_sub_total": t.grand.subtotal.plain(),
                          "total_pph": t.grand.pph.plain(), "total_ppn": t.grand.ppn.plain()},
            });
            output::emit_json(&v)
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|(s, n, b, st)| vec![s.clone(), n.to_string(), b.plain(), st.plain()])
                .collect();
            emit(&output::csv(
                &["status_name", "count", "bill_amount", "price_sub_total"],
                &rows,
                true,
                style,
            )?)
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|(s, n, b, st)| vec![s.clone(), n.to_string(), b.rupiah(), st.rupiah()])
                .collect();
            let headers = [
                tr!(lang, "termin-col-status"),
                tr!(lang, "termin-totals-count"),
                tr!(lang, "termin-col-bill"),
                tr!(lang, "termin-col-subtotal"),
            ];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mut text = output::table(&headers, &rows, &[1, 2, 3]);
            text.push_str(position);
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}
