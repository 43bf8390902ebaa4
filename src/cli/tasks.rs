use super::output::{self, emit, opt};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::Task;
use crate::domain::text::{CsvStyle, csv_cell};
use crate::domain::today::contacts_on;
use crate::domain::window::{Window, for_task};
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::session::Session;
use std::collections::HashMap;
use std::io::Write;

const HEADERS: [&str; 15] = [
    "contract_no",
    "name",
    "overdue",
    "total_amount",
    "installment_amount",
    "installment_no",
    "total_installments",
    "penalty",
    "osar",
    "due_date",
    "branch_name",
    "product",
    "phone1",
    "time_zone",
    "callable_now",
];

/// A task with where its customer is in time.
struct Annotated<'a> {
    task: &'a Task,
    zone: ZoneGuess,
    window: Window,
    contacts_today: usize,
}

fn csv_row(a: &Annotated) -> Vec<String> {
    let t = a.task;
    vec![
        t.contract_no.to_string(),
        t.name.to_string(),
        opt(t.overdue),
        opt(t.total_due.map(|m| m.plain())),
        opt(t.installment_amount().map(|m| m.plain())),
        t.installment_no().to_string(),
        opt(t.total_installments),
        opt(t.penalty.map(|m| m.plain())),
        opt(t.osar.map(|m| m.plain())),
        opt(t.due_date),
        t.branch_name.to_string(),
        t.product.to_string(),
        t.phone1.to_string(),
        a.zone.zone.to_string(),
        a.window.callable.to_string(),
    ]
}

fn json(a: &Annotated) -> Result<serde_json::Value, Failure> {
    let mut v =
        serde_json::to_value(a.task).map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert("time_zone".into(), a.zone.zone.name().into());
        obj.insert("zone_guessed".into(), a.zone.is_guess().into());
        obj.insert("local_time".into(), a.window.local.to_rfc3339().into());
        obj.insert("callable_now".into(), a.window.callable.into());
        obj.insert("window_note".into(), a.window.note.clone().into());
        obj.insert("contacts_today".into(), a.contacts_today.into());
    }
    Ok(v)
}

pub async fn run(
    session: &Session,
    format: Format,
    only_callable: bool,
    style: CsvStyle,
) -> Result<(), Failure> {
    let tasks = session.client.tasks().await?;
    let regions = RegionTable::builtin();
    let rules = &session.config.calling.rules;
    let now = session.clock.now_utc();
    let contacts = contacts_today(session)?;
    let annotated: Vec<Annotated> = tasks
        .iter()
        .map(|task| {
            let (zone, window) = for_task(task, &regions, rules, now);
            let contacts_today = contacts
                .get(task.contract_no.as_str())
                .copied()
                .unwrap_or(0);
            Annotated {
                task,
                zone,
                window,
                contacts_today,
            }
        })
        .filter(|a| !only_callable || a.window.callable)
        .collect();
    match format {
        Format::Json => {
            let values = annotated.iter().map(json).collect::<Result<Vec<_>, _>>()?;
            emit(
                &serde_json::to_vec_pretty(&values)
                    .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?,
            )
        }
        Format::Csv => {
            // Streamed: a 100,000-task queue never sits in memory as text.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let preamble = out.write_all(style.preamble()).map_err(csv::Error::from);
            let mut w = style.writer(out);
            let result = preamble
                .and_then(|_| w.write_record(HEADERS))
                .and_then(|_| {
                    annotated.iter().try_for_each(|a| {
                        w.write_record(csv_row(a).iter().map(|c| csv_cell(c).into_owned()))
                    })
                })
                .and_then(|_| w.flush().map_err(csv::Error::from));
            match result {
                Err(e) if matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe) => {
                    Ok(())
                }
                Err(e) => Err(Failure::new(EXIT_ERROR, format!("CSV: {e}"))),
                Ok(()) => Ok(()),
            }
        }
        Format::Table => {
            let rows: Vec<_> = annotated
                .iter()
                .map(|a| {
                    let t = a.task;
                    vec![
                        t.contract_no.to_string(),
                        t.name.to_string(),
                        opt(t.overdue),
                        opt(t.total_due),
                        format!("{}/{}", t.installment_no(), opt(t.total_installments)),
                        t.branch_name.to_string(),
                        format!("{} {}", a.window.local.format("%H:%M"), a.zone.zone),
                        if a.window.callable {
                            "yes".into()
                        } else {
                            a.window.note.clone()
                        },
                    ]
                })
                .collect();
            let mut text = output::table(
                &[
                    "CONTRACT",
                    "NAME",
                    "OVERDUE",
                    "TOTAL DUE",
                    "N/OF",
                    "BRANCH",
                    "LOCAL",
                    "CALLABLE",
                ],
                &rows,
                &[2, 3, 4],
            );
            text.push_str(&format!(
                "{} tasks{}{}\n",
                annotated.len(),
                if only_callable { " callable now" } else { "" },
                if session.is_demo() {
                    " (demo twin)"
                } else {
                    ""
                }
            ));
            emit(text.as_bytes())
        }
    }
}

/// Results recorded locally today, per account (the domain's count).
fn contacts_today(session: &Session) -> Result<HashMap<String, usize>, Failure> {
    let records = session
        .deliverer()?
        .day_records()
        .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
    Ok(contacts_on(&records, session.clock.now_local().date()))
}
