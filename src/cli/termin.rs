use super::output::{self, emit, opt};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::Transaction;
use crate::domain::dates;
use crate::domain::termin_view::{self, CSV_HEADERS};
use crate::domain::text::CsvStyle;
use crate::session::Session;
use crate::tr;

#[derive(clap::Args, Debug)]
pub struct TerminArgs {
    /// The page to show (browsing only: the questions below walk every page).
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub page: Option<i64>,
    /// Transactions a page when browsing [default: 10] (the questions read 100 a page).
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..=1000))]
    pub limit: Option<i64>,
    /// Walk every page.
    #[arg(long)]
    pub all: bool,
    /// Only these statuses (as the provider names them, any case): `--status Penagihan,Dikirim`
    /// or the flag repeated. Walks every page.
    #[arg(long, value_name = "NAME", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub status: Vec<String>,
    /// Only unfinished work: leaves out Selesai and Dibatalkan. Walks every page.
    #[arg(long)]
    pub open: bool,
    /// Only transactions whose PO, PR or invoice number, buyer or vendor contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Every field of the transactions with this PO number (one a step).
    #[arg(long, value_name = "NUMBER")]
    pub po: Option<String>,
    /// Print count and amounts per status (and the TOTAL) over every page.
    #[arg(long)]
    pub summary: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// CSV for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators (implies --format csv).
    #[arg(long)]
    pub excel: bool,
    /// Sort the whole set by entry_date, bill_amount, status, vendor, buyer or step.
    #[arg(long, value_name = "COLUMN", value_parser = super::offer::termin_columns())]
    pub sort: Option<String>,
    /// Turn the --sort order round.
    #[arg(long, requires = "sort")]
    pub reverse: bool,
    /// Only transactions entered on or after this day (read in WIB); with --changes, the day
    /// of the look to compare with.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<chrono::NaiveDate>,
    /// Only transactions entered on or before this day (read in WIB).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<chrono::NaiveDate>,
    /// Count and sum the whole set by status, vendor, buyer or month of entry.
    #[arg(long, value_name = "BY", value_parser = super::offer::termin_groupings())]
    pub group_by: Option<String>,
    /// Days in their status of what is not finished, in bands, per status.
    #[arg(long)]
    pub aging: bool,
    /// What is new, changed or gone since the latest look of an earlier day (kept on this desk).
    #[arg(long)]
    pub changes: bool,
}

/// A time as sent, shown in WIB and labelled (`2026-12-07 15:44 WIB`).
pub fn wib_date(s: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(_) => crate::domain::termin_desk::wib_text(s),
        Err(_) => dates::parse_datetime(s)
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| s.to_string()),
    }
}

/// The table's columns, in the language in force (a table is for people; CSV and JSON keep
/// their contract names).
pub fn table_headers(lang: crate::domain::lang::Lang) -> [String; 7] {
    [
        tr!(lang, "termin-col-entry-wib"),
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
        wib_date(&t.general.entry_date),
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
    let start = args.page.unwrap_or(1);
    let limit = args.limit.unwrap_or(10);
    let mut current = start;
    let streaming = args.format != Format::Table;
    // The first page is read before anything is written: a page past the end is an error.
    let first = session.client.termin_page(current, limit).await?;
    if first.transactions().is_empty() && start > 1 {
        let total = match first.meta().total_page.filter(|n| *n > 0) {
            Some(n) => n,
            // The provider answers a page past the end with its 404 "not found" and no meta:
            // the first page tells the real number.
            None => session
                .client
                .termin_page(1, limit)
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
                page = start,
                of = total,
                limit = limit
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
            None => session.client.termin_page_with_size(current, limit).await?,
        };
        read = read.saturating_add(size);
        if read > cap {
            return Err(crate::api::ApiError::TotalTooLarge {
                limit: cap,
                pages: current,
            }
            .into());
        }
        let rows: Vec<&Transaction> = p.transactions().iter().collect();
        // CSV and JSON rows stream page by page; tables and summaries need them all.
        match (streaming, args.format) {
            (true, Format::Csv) => {
                let rows: Vec<Vec<String>> = rows.iter().map(|t| termin_view::csv_row(t)).collect();
                emit(&output::csv(&CSV_HEADERS, &rows, current == start, style)?)?
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
            format!("{}-{}", start, current.min(total_pages.max(1)))
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
