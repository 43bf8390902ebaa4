//! Writing command output: tables for people, CSV and JSON for scripts.
//!
//! The one writer of the CLI: every line a command prints, on stdout or stderr, goes through
//! `emit`, `emit_json`, `say!` or `tell!` here, and is made safe on the way (control, bidi
//! and format characters removed from text; escaped as `\uXXXX` in JSON). No other file of
//! the CLI writes to the terminal (`tests::nothing_else_prints` holds it to that).

use super::Failure;
use crate::domain::text::{CsvStyle, json_escaped, sanitize};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use std::io::Write;

/// A line on stdout, formatted as `println!` does, made safe on the way.
macro_rules! say {
    ($($t:tt)*) => {
        $crate::cli::output::say_line(&format!($($t)*))
    };
}

/// A line on stderr, formatted as `eprintln!` does, made safe on the way.
macro_rules! tell {
    ($($t:tt)*) => {
        $crate::cli::output::tell_line(&format!($($t)*))
    };
}

/// Text made fit for a terminal, line by line: each line sanitised (`text::sanitize`), the
/// line breaks kept. A UTF-8 byte-order mark in front (Excel's CSV) stays.
pub fn safe_text(bytes: &[u8]) -> Vec<u8> {
    let (bom, rest) = match bytes.strip_prefix(CsvStyle::UTF8_BOM) {
        Some(rest) => (CsvStyle::UTF8_BOM, rest),
        None => (&b""[..], bytes),
    };
    let text = String::from_utf8_lossy(rest);
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bom);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(sanitize(line).as_bytes());
    }
    out
}

/// JSON text with the characters a terminal would act on, or that hide or reorder text (C1
/// controls, bidi and other format characters, line separators), written `\uXXXX`: the same
/// value to a JSON reader, inert on a screen. C0 controls are escaped by serde already; such
/// characters can only stand inside strings, so escaping them everywhere is exact.
pub fn safe_json(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    if !text.chars().any(json_escaped) {
        return text.into_owned().into_bytes();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if json_escaped(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out.into_bytes()
}

/// `--output FILE`: where stdout's output goes instead, when given.
static OUTPUT_FILE: std::sync::Mutex<Option<std::fs::File>> = std::sync::Mutex::new(None);

/// Sends what the command writes to stdout to `path` instead (`--output FILE`): created,
/// or emptied, readable and writable by its owner only (0600) whatever the umask, since an
/// export holds names, phones and amounts.
pub fn output_to(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    // A file that was there keeps its mode through `open`: made the owner's now.
    crate::files::set_mode(path, 0o600)?;
    *OUTPUT_FILE.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
    Ok(())
}

/// Whether what is emitted goes to stdout (no `--output` file).
pub fn to_terminal() -> bool {
    OUTPUT_FILE
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .is_none()
}

/// Writes to the `--output` file when there is one, else to stdout.
fn sink(bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OUTPUT_FILE.lock().unwrap_or_else(|p| p.into_inner());
    match file.as_mut() {
        Some(f) => f.write_all(bytes).and_then(|_| f.flush()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush())
        }
    }
}

fn write_out(bytes: &[u8]) -> Result<(), Failure> {
    match sink(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::new(0, "")),
        other => other.map_err(Failure::from),
    }
}

/// Writes text (tables, CSV, lines) to stdout, made safe line by line; a closed pipe
/// (`| head`) ends quietly.
pub fn emit(bytes: &[u8]) -> Result<(), Failure> {
    write_out(&safe_text(bytes))
}

/// Writes JSON text to stdout, C1 and format characters escaped (`safe_json`).
pub fn emit_json_text(bytes: &[u8]) -> Result<(), Failure> {
    write_out(&safe_json(bytes))
}

/// Writes bytes that are not text for a person (a roff page) to stdout, as they are.
pub fn emit_raw(bytes: &[u8]) -> Result<(), Failure> {
    write_out(bytes)
}

/// One line on stdout (`say!`): made safe; a closed pipe is not reported (the exit code
/// is the command's).
pub fn say_line(line: &str) {
    let mut bytes = safe_text(line.as_bytes());
    bytes.push(b'\n');
    let _ = write_out(&bytes);
}

/// One line on stderr (`tell!`): made safe.
pub fn tell_line(line: &str) {
    let mut bytes = safe_text(line.as_bytes());
    bytes.push(b'\n');
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(&bytes).and_then(|_| err.flush());
}

/// A progress line on a terminal's stderr, written over itself: the words made safe, then
/// our own carriage return and erase-to-end (the only escape this writer adds). `None`
/// clears the line.
pub fn progress_line(line: Option<&str>) {
    let mut err = std::io::stderr().lock();
    let words = line.map(|l| safe_text(l.as_bytes())).unwrap_or_default();
    let _ = err
        .write_all(b"\r")
        .and_then(|_| err.write_all(&words))
        .and_then(|_| err.write_all(b"\x1b[K"))
        .and_then(|_| err.flush());
}

/// A stdout writer for long streamed text (a 100,000-task CSV): each `write_all` is made
/// safe as `emit` makes it. Give it whole lines or records.
pub struct SafeStdout;

impl std::io::Write for SafeStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        sink(&safe_text(buf))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Pretty JSON with a newline at the end, as every JSON output of the CLI is written, C1
/// and format characters escaped (`safe_json`).
pub fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Failure> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Failure::new(super::EXIT_ERROR, format!("JSON: {e}")))?;
    bytes.push(b'\n');
    Ok(safe_json(&bytes))
}

/// Writes a value as pretty JSON, newline-terminated.
pub fn emit_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    write_out(&json_text(value)?)
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
    if collect_rows(headers, rows, with_header) {
        return Ok(Vec::new());
    }
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
        w.write_record(
            row.iter()
                .zip(headers.iter().chain(std::iter::repeat(&"")))
                .map(|(c, h)| style.cell(h, c).into_owned()),
        )
        .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Failure::new(super::EXIT_ERROR, format!("CSV: {e}")))
}

pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// `--format xlsx`: the tables a command would write as CSV are kept here, one sheet per
/// table, and written as one workbook when the command is done (`finish_workbook`).
static WORKBOOK: std::sync::Mutex<Option<(String, Vec<super::xlsx::Sheet>)>> =
    std::sync::Mutex::new(None);

/// From now on the command's CSV tables go into a workbook named after `name`.
pub fn start_workbook(name: &str) {
    *WORKBOOK.lock().unwrap_or_else(|p| p.into_inner()) = Some((name.to_string(), Vec::new()));
}

/// Whether tables go into a workbook (`--format xlsx`).
pub fn collecting_workbook() -> bool {
    WORKBOOK.lock().unwrap_or_else(|p| p.into_inner()).is_some()
}

/// Keeps a table for the workbook; false when there is none (CSV is written).
fn collect_rows(headers: &[&str], rows: &[Vec<String>], with_header: bool) -> bool {
    let mut book = WORKBOOK.lock().unwrap_or_else(|p| p.into_inner());
    let Some((name, sheets)) = book.as_mut() else {
        return false;
    };
    if with_header || sheets.is_empty() {
        let n = sheets.len();
        sheets.push(super::xlsx::Sheet {
            name: if n == 0 {
                name.clone()
            } else {
                format!("{name} {}", n + 1)
            },
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        });
    }
    if let Some(sheet) = sheets.last_mut() {
        sheet.rows.extend(rows.iter().cloned());
    }
    true
}

/// Writes the workbook kept (if any) to the `--output` file.
pub fn finish_workbook() -> Result<(), Failure> {
    let taken = WORKBOOK.lock().unwrap_or_else(|p| p.into_inner()).take();
    match taken {
        Some((_, sheets)) => write_out(&super::xlsx::workbook(&sheets)?),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_loses_escapes_and_json_keeps_them_escaped() {
        let hostile = "a\u{1b}]0;t\u{7}b\u{9b}2J\u{202E}c\u{2028}d\u{200B}e\n";
        assert_eq!(
            String::from_utf8(safe_text(hostile.as_bytes())).unwrap(),
            "a]0;tb2Jc de\n"
        );
        let bom = [CsvStyle::UTF8_BOM, "x\u{202E}".as_bytes()].concat();
        assert_eq!(safe_text(&bom), [CsvStyle::UTF8_BOM, b"x"].concat());
        let json = json_text(&serde_json::json!({"n": "a\u{9b}b\u{202E}c\u{1b}\u{2028}\u{E0041}"}))
            .unwrap();
        let text = String::from_utf8(json.clone()).unwrap();
        assert!(
            text.contains(r"a\u009bb\u202ec\u001b\u2028\udb40\udc41"),
            "{text}"
        );
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
        let back: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(
            back["n"], "a\u{9b}b\u{202E}c\u{1b}\u{2028}\u{E0041}",
            "lossless"
        );
    }

    /// Every line the CLI prints goes through this file: no other one writes to stdout or
    /// stderr itself.
    #[test]
    fn nothing_else_prints() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut offenders = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == "output.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for banned in [
                    "println!",
                    "print!(",
                    "eprint!(",
                    "io::stdout()",
                    "io::stderr()",
                ] {
                    if code.contains(banned) && !code.contains("is_terminal") {
                        offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
        assert!(offenders.is_empty(), "{}", offenders.join("\n"));
    }
}
