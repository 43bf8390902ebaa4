//! `--format xlsx` and the workstation's xlsx exports: the same tables as the CSV, in a
//! workbook whose cells are typed by the glossary (`domain::glossary`): identifiers as text
//! (every digit and leading zero kept), money as numbers in a rupiah format, dates and times
//! as dates, the header row frozen, the columns sized to what they hold.

use super::{EXIT_ERROR, Failure};
use crate::domain::glossary::{Kind, kind_of};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// One table: its header row (the JSON keys) and its rows, as the CSV has them.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Rupiah with thousands and two decimals; Excel and LibreOffice show the separators of the
/// reader's locale (`Rp 771.016.312,56` in Indonesian).
pub const RUPIAH_FORMAT: &str = "\"Rp \"#,##0.00";
pub const DATE_FORMAT: &str = "yyyy-mm-dd";
pub const DATETIME_FORMAT: &str = "yyyy-mm-dd hh:mm:ss";

fn failed(e: XlsxError) -> Failure {
    Failure::new(EXIT_ERROR, format!("xlsx: {e}"))
}

/// The workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, Failure> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format(RUPIAH_FORMAT);
    let date = Format::new().set_num_format(DATE_FORMAT);
    let datetime = Format::new().set_num_format(DATETIME_FORMAT);
    let empty = [Sheet::default()];
    let sheets = if sheets.is_empty() {
        &empty[..]
    } else {
        sheets
    };
    for (n, sheet) in sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name, n)).map_err(failed)?;
        let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &bold)
                .map_err(failed)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)
                .map_err(|_| Failure::new(EXIT_ERROR, "xlsx: too many rows"))?;
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let header = sheet.headers.get(c).map(String::as_str).unwrap_or("");
                // A figure/value table (`today`): the value's type is the figure's.
                let key = if header == "value" {
                    row.first().map(String::as_str).unwrap_or("")
                } else {
                    header
                };
                let shown = match (kind_of(key), typed(kind_of(key), cell)) {
                    (_, Some(Typed::Number(x))) if kind_of(key) == Some(Kind::Money) => {
                        ws.write_number_with_format(r, col(c)?, x, &money)
                            .map_err(failed)?;
                        16
                    }
                    (_, Some(Typed::Number(x))) => {
                        ws.write_number(r, col(c)?, x).map_err(failed)?;
                        cell.chars().count()
                    }
                    (_, Some(Typed::Date(d))) => {
                        ws.write_datetime_with_format(r, col(c)?, d, &date)
                            .map_err(failed)?;
                        10
                    }
                    (_, Some(Typed::DateTime(d))) => {
                        ws.write_datetime_with_format(r, col(c)?, d, &datetime)
                            .map_err(failed)?;
                        19
                    }
                    (_, Some(Typed::Bool(b))) => {
                        ws.write_boolean(r, col(c)?, b).map_err(failed)?;
                        5
                    }
                    _ => {
                        ws.write_string(r, col(c)?, cell).map_err(failed)?;
                        cell.chars().count()
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown);
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(failed)?;
        for (c, w) in widths.iter().enumerate() {
            // Room for the filter arrow; a long remark does not make a column a screen wide.
            let width = (*w as f64 + 2.0).clamp(8.0, 60.0);
            ws.set_column_width(col(c)?, width).map_err(failed)?;
        }
    }
    book.save_to_buffer().map_err(failed)
}

fn col(c: usize) -> Result<u16, Failure> {
    u16::try_from(c).map_err(|_| Failure::new(EXIT_ERROR, "xlsx: too many columns"))
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str, n: usize) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        format!("Sheet{}", n + 1)
    } else {
        clean
    }
}

enum Typed {
    Number(f64),
    Date(ExcelDateTime),
    DateTime(ExcelDateTime),
    Bool(bool),
}

/// The cell as its kind, or `None` to keep it as text (an identifier, words, or a value that
/// does not read as its kind: written as it is, nothing lost).
fn typed(kind: Option<Kind>, cell: &str) -> Option<Typed> {
    let s = cell.trim();
    match kind? {
        Kind::Text | Kind::Id => None,
        Kind::Money | Kind::Integer => {
            // Exact first: a money value reads as a decimal, then becomes Excel's number.
            let d: rust_decimal::Decimal = s.parse().ok()?;
            d.to_string().parse::<f64>().ok().map(Typed::Number)
        }
        Kind::Bool => match s {
            "true" => Some(Typed::Bool(true)),
            "false" => Some(Typed::Bool(false)),
            _ => None,
        },
        Kind::Date => match datetime(s)? {
            (d, true) => Some(Typed::Date(d)),
            (d, false) => Some(Typed::DateTime(d)),
        },
        Kind::DateTime => datetime(s).map(|(d, _)| Typed::DateTime(d)),
    }
}

/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or RFC 3339 (its own wall time, as printed), and
/// whether it is a date alone (or midnight of a date).
fn datetime(s: &str) -> Option<(ExcelDateTime, bool)> {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
    let naive = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        d.and_hms_opt(0, 0, 0)?
    } else if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        d.naive_local()
    } else {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()?
    };
    let year = u16::try_from(naive.year()).ok()?;
    let d = ExcelDateTime::from_ymd(year, naive.month() as u8, naive.day() as u8)
        .ok()?
        .and_hms_milli(
            naive.hour() as u16,
            naive.minute() as u8,
            naive.second() as u8,
            (naive.nanosecond() / 1_000_000).min(999) as u16,
        )
        .ok()?;
    let midnight = naive.time() == chrono::NaiveTime::MIN;
    Some((d, midnight && s.len() <= 19))
}
