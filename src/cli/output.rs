//! Writing command output: tables for people, CSV and JSON for scripts.

use super::Failure;
use crate::domain::text::{CsvStyle, csv_cell, sanitize};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use std::io::Write;

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
pub fn emit(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::new(0, "")),
        other => other.map_err(Failure::from),
    }
}

/// Pretty JSON with a newline at the end, as every JSON output of the CLI is written.
pub fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Failure> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Failure::new(super::EXIT_ERROR, format!("JSON: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes a value as pretty JSON, newline-terminated.
pub fn emit_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    emit(&json_text(value)?)
}

/// A plain table; `numeric` columns are right-aligned. Cells are sanitised.
pub fn table(headers: &[&str], rows: &[Vec<String>], numeric: &[usize]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().copied());
    for row in rows {
        t.add_row(row.iter().map(|c| sanitize(c).into_owned()));
    }
    for &i in numeric {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// CSV rows (header first, after the style's preamble) with cells made safe for a
/// spreadsheet: sanitised, formulas quoted (`text::csv_cell`), plain numbers left numbers.
pub fn csv(
    headers: &[&str],
    rows: &[Vec<String>],
    with_header: bool,
    style: CsvStyle,
) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    if with_header {
        out.extend_from_slice(style.preamble());
    }
    let mut w = style.writer(out);
    let fail = |e: ::csv::Error| Failure::new(super::EXIT_ERROR, format!("CSV: {e}"));
    if with_header {
        w.write_record(headers).map_err(fail)?;
    }
    for row in rows {
        w.write_record(row.iter().map(|c| csv_cell(c).into_owned()))
            .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Failure::new(super::EXIT_ERROR, format!("CSV: {e}")))
}

pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}
