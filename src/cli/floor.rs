//! `deskcoll floor`: the supervisor's view of every agent's day, read from the team ledger.

use super::output::{self, emit, emit_raw};
use super::{Clock, EXIT_ERROR, EXIT_INVALID, Failure};
use crate::config::Config;
use crate::domain::floor::{FloorRow, FloorSort};
use crate::i18n::Lang;
use crate::team::table::{cells, headings};
use crate::tr;
use chrono::NaiveDate;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FloorFormat {
    #[default]
    Table,
    Json,
    Csv,
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct FloorArgs {
    /// table, json (one object per agent), csv, or xlsx (a workbook: write it with --output).
    #[arg(long, value_enum, default_value_t)]
    pub format: FloorFormat,
    /// The day (YYYY-MM-DD; default today, on this machine's clock).
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// The order: agent, calls, rpc_rate, ptp_rate, promised, kept_rate, waiting, outside.
    #[arg(long, default_value = "agent", value_parser = sort_parser())]
    pub sort: FloorSort,
}

fn sort_parser() -> impl clap::builder::TypedValueParser<Value = FloorSort> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(FloorSort::ALL.map(|s| s.wire()))
        .map(|s| FloorSort::parse(&s).unwrap_or_default())
}

/// The floor's rows and its total, judged at `now` (for another day than today: the end of
/// that day).
pub async fn rows(
    config: &Config,
    url: &str,
    clock: &Clock,
    date: Option<NaiveDate>,
    sort: FloorSort,
) -> Result<(Vec<FloorRow>, FloorRow), crate::team::LedgerError> {
    let mut now = clock.now();
    if let Some(d) = date.filter(|d| *d != now.date_naive()) {
        now = d
            .and_hms_opt(23, 59, 59)
            .and_then(|t| t.and_local_timezone(*now.offset()).single())
            .unwrap_or(now);
    }
    crate::team::read::floor_rows(
        url,
        now,
        config.calling.promise_grace_days,
        &config.calling.rules,
        sort,
    )
    .await
}

/// The CSV's and the workbook's columns: the JSON names.
pub const WIRE: [&str; 19] = [
    "agent_id",
    "date",
    "calls",
    "rpc",
    "rpc_rate",
    "rpc_ptp",
    "ptp_count",
    "ptp_rate",
    "promised_amount",
    "promises_kept",
    "promises_broken",
    "kept_rate",
    "callbacks_due",
    "callbacks_missed",
    "outside_window",
    "outside_window_consent",
    "waiting",
    "uncertain",
    "last_result",
];

fn wire_cells(r: &FloorRow) -> Vec<String> {
    let rate = |r: Option<f64>| r.map(|r| r.to_string()).unwrap_or_default();
    vec![
        r.agent_id.clone(),
        r.date.clone(),
        r.calls.to_string(),
        r.rpc.to_string(),
        rate(r.rpc_rate),
        r.rpc_ptp.to_string(),
        r.ptp_count.to_string(),
        rate(r.ptp_rate),
        r.promised_amount.clone(),
        r.promises_kept.to_string(),
        r.promises_broken.to_string(),
        rate(r.kept_rate),
        r.callbacks_due.to_string(),
        r.callbacks_missed.to_string(),
        r.outside_window.to_string(),
        r.outside_window_consent.to_string(),
        r.waiting.to_string(),
        r.uncertain.to_string(),
        r.last_result.clone().unwrap_or_default(),
    ]
}

/// The floor as a workbook: the JSON names as headings, one row per agent, then the total.
fn xlsx(rows: &[FloorRow], total: &FloorRow) -> Result<Vec<u8>, String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("floor").map_err(|e| e.to_string())?;
    for (c, h) in WIRE.iter().enumerate() {
        sheet
            .write_string(0, c as u16, *h)
            .map_err(|e| e.to_string())?;
    }
    for (i, r) in rows.iter().chain(std::iter::once(total)).enumerate() {
        let line = (i + 1) as u32;
        for (c, v) in wire_cells(r).iter().enumerate() {
            let numeric = c >= 2 && c != 18 && !v.is_empty();
            let written = match v.parse::<f64>() {
                Ok(n) if numeric => sheet.write_number(line, c as u16, n).map(|_| ()),
                _ => sheet.write_string(line, c as u16, v).map(|_| ()),
            };
            written.map_err(|e| e.to_string())?;
        }
        if r.agent_id.is_empty() {
            sheet
                .write_string(line, 0, "total")
                .map_err(|e| e.to_string())?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

pub async fn run(config: &Config, clock: Clock, args: FloorArgs) -> Result<(), Failure> {
    let lang = config.language;
    let Some(team) = &config.team else {
        return Err(Failure::new(EXIT_INVALID, tr!(lang, "team-not-set")));
    };
    let (rows, total) = rows(
        config,
        team.database_url.expose(),
        &clock,
        args.date,
        args.sort,
    )
    .await
    .map_err(|e| Failure::new(EXIT_ERROR, super::team::ledger_words(lang, &e)))?;
    match args.format {
        FloorFormat::Json => output::emit_json(&rows),
        FloorFormat::Csv => {
            let cells: Vec<Vec<String>> = rows.iter().map(wire_cells).collect();
            emit(&output::csv(
                &WIRE,
                &cells,
                true,
                crate::domain::text::CsvStyle::default(),
            )?)
        }
        FloorFormat::Xlsx => {
            use std::io::IsTerminal;
            if output::to_terminal() && std::io::stdout().is_terminal() {
                return Err(Failure::new(EXIT_INVALID, tr!(lang, "floor-xlsx-terminal")));
            }
            let bytes = xlsx(&rows, &total).map_err(|e| Failure::new(EXIT_ERROR, e))?;
            emit_raw(&bytes)
        }
        FloorFormat::Table => {
            let headings = headings(lang);
            let heads: Vec<&str> = headings.iter().map(String::as_str).collect();
            let mut cells: Vec<Vec<String>> = rows.iter().map(|r| cells(lang, r, 16)).collect();
            cells.push(cells_total(lang, &total));
            let mut text = format!(
                "{}\n",
                tr!(
                    lang,
                    "floor-heading",
                    date = total.date.clone(),
                    agents = rows.len()
                )
            );
            text.push_str(&output::table(
                &heads,
                &cells,
                &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            ));
            emit(text.as_bytes())
        }
    }
}

fn cells_total(lang: Lang, total: &FloorRow) -> Vec<String> {
    cells(lang, total, 16)
}
