use super::output::{self, emit, emit_json, opt};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::Task;
use crate::domain::bucket::{Bucket, bucket_of};
use crate::domain::order::{self, SortMode, Urgency};
use crate::domain::promise::PromiseBook;
use crate::domain::text::CsvStyle;
use crate::domain::today::contacts_on;
use crate::domain::window::{Window, zone_of_task};
use crate::domain::zone::Zone;
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::tr;
use std::io::Write;

/// How `deskcoll tasks` lists: the workstation's order unless told otherwise.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listing {
    pub format: Format,
    /// Only the accounts that may be called now.
    pub only_callable: bool,
    pub sort: SortMode,
    pub reverse: bool,
    /// CSV for Excel (`--excel`) or plain.
    pub style: CsvStyle,
    /// The list kept on this desk (`--cached`), without asking the server.
    pub cached: bool,
}

/// `--sort`: the names `SortMode::arg_name` gives.
pub fn sort_parser() -> impl clap::builder::TypedValueParser<Value = SortMode> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(SortMode::ALL.map(SortMode::arg_name)).map(|s| {
        SortMode::ALL
            .into_iter()
            .find(|m| m.arg_name() == s)
            .unwrap_or_default()
    })
}

/// The CSV's columns: the first 15 are the original contract, later ones are appended.
const HEADERS: [&str; 18] = [
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
    "bucket",
    "days_overdue",
    "closes_in_minutes",
];

/// A task with where its customer is in time, why it is in the list and how late it is.
struct Annotated<'a> {
    task: &'a Task,
    zone: ZoneGuess,
    /// The window of the customer's zone (one per zone: it depends on nothing else).
    window: &'a Window,
    /// Where the customer stands against the clock (the workstation's order).
    urgency: Urgency,
    contacts_today: usize,
    bucket: Bucket,
    /// Calendar days since the due date, 0 before it (`Task::days_past_due`).
    days_overdue: i64,
    /// Days until the due date, while it is ahead.
    due_in: Option<i64>,
}

impl Annotated<'_> {
    /// Days past due as a person reads it: "7", or "due in 3 days" before the due date.
    fn overdue_words(&self, lang: Lang) -> String {
        match self.due_in {
            Some(n) => tr!(lang, "tasks-due-in", n = n),
            None => self.days_overdue.to_string(),
        }
    }
}

/// The table's CALLABLE cell: "yes", with how soon the window closes when it is soon and
/// the cuti bersama when it is one; else why not and when it opens.
fn callable_words(a: &Annotated, lang: Lang) -> String {
    if !a.window.callable {
        return words::window_note(lang, a.window);
    }
    let mut text = tr!(lang, "tasks-yes");
    if let Some(m) = a.urgency.closing_in() {
        text.push_str(" · ");
        text.push_str(&tr!(lang, "window-closes-in", minutes = m));
    }
    if let Some(name) = &a.window.cuti_bersama {
        text.push_str(" · ");
        text.push_str(&tr!(lang, "window-cuti-bersama", name = name));
    }
    text
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
        a.bucket.wire_name().to_string(),
        a.days_overdue.to_string(),
        opt(a.window.closes_in_minutes()),
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
        obj.insert("days_overdue".into(), a.days_overdue.into());
        obj.insert("bucket".into(), a.bucket.wire_name().into());
        obj.insert(
            "closes_in_minutes".into(),
            a.window.closes_in_minutes().into(),
        );
    }
    Ok(v)
}

pub async fn run(session: &Session, listing: Listing) -> Result<(), Failure> {
    let lang = session.config.language;
    if listing.cached {
        // The zones are kept with the list.
        let kept = crate::list_cache::load_kept(&session.list_key())
            .ok_or_else(|| Failure::new(EXIT_ERROR, tr!(lang, "tasks-cached-none")))?;
        return write(
            session,
            listing,
            &kept.tasks,
            &kept.zones,
            Some(kept.read_at),
        );
    }
    let list = session.client.task_list().await?;
    if list.not_tasks > 0 {
        let message = tr!(
            lang,
            "tasks-not-tasks",
            n = crate::i18n::grouped(lang, list.not_tasks as u64)
        );
        tell!("{}", super::warning_line(lang, &message));
    }
    let tasks = list.tasks;
    let regions = RegionTable::builtin();
    let zones: Vec<ZoneGuess> = tasks.iter().map(|t| zone_of_task(t, &regions)).collect();
    // Nothing but the answer on the command's path: the list is kept (the file with its
    // fsync, and what it shows of promised accounts) beside the writing, never before it.
    tokio::task::block_in_place(|| {
        std::thread::scope(|scope| {
            let keeping = scope.spawn(|| session.keep_tasks_zoned(&tasks, &zones));
            let written = write(session, listing, &tasks, &zones, None);
            let _ = keeping.join();
            written
        })
    })
}

/// Writes the listing of `tasks` (`read_at`: when a kept list was read) to stdout.
fn write(
    session: &Session,
    listing: Listing,
    tasks: &[Task],
    zones: &[ZoneGuess],
    read_at: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> Result<(), Failure> {
    let Listing {
        format,
        only_callable,
        sort,
        reverse,
        style,
        cached: _,
    } = listing;
    let lang = session.config.language;
    let rules = &session.config.calling.rules;
    let now = session.clock.now_utc();
    let closing_soon = session.config.ui.closing_soon();
    let today = session.clock.now_local().date();
    let records = session
        .deliverer()?
        .day_records()
        .map_err(|e| Failure::new(EXIT_ERROR, words::store_error(lang, &e)))?;
    let contacts = contacts_on(&records, today);
    // A list kept from an earlier day: days overdue to its own day, as its penalty and total.
    let as_of = read_at
        .map(|at| at.date_naive())
        .filter(|day| *day < today)
        .unwrap_or(today);
    // The workstation's book and buckets: one rule for both.
    let book = PromiseBook::of(&records, today, tasks);
    let windows = Zone::ALL.map(|z| rules.check(now, z));
    let annotated: Vec<Annotated> = tasks
        .iter()
        .zip(zones)
        .map(|(task, zone)| {
            let zone = zone.clone();
            let window = &windows[zone.zone.index()];
            let contacts_today = contacts
                .get(task.contract_no.as_str())
                .copied()
                .unwrap_or(0);
            Annotated {
                task,
                zone,
                urgency: Urgency::of(window.closes_in_minutes(), closing_soon),
                window,
                contacts_today,
                bucket: bucket_of(task, &book),
                days_overdue: task.days_past_due(as_of),
                due_in: task.days_until_due(as_of),
            }
        })
        .collect();
    let mut view: Vec<usize> = (0..annotated.len()).collect();
    order::sort(
        &mut view,
        tasks,
        sort,
        reverse,
        |i| annotated[i].bucket,
        |i| annotated[i].urgency,
    );
    let annotated: Vec<&Annotated> = view
        .into_iter()
        .map(|i| &annotated[i])
        .filter(|a| !only_callable || a.window.callable)
        .collect();
    match format {
        Format::Json => {
            let values = annotated
                .iter()
                .map(|a| json(a))
                .collect::<Result<Vec<_>, _>>()?;
            emit_json(&values)
        }
        Format::Csv | Format::Xlsx if output::collecting_workbook() => {
            let rows: Vec<Vec<String>> = annotated.iter().map(|a| csv_row(a)).collect();
            emit(&output::csv(&HEADERS, &rows, true, style)?)
        }
        Format::Csv | Format::Xlsx => {
            // Streamed: a 100,000-task queue never sits in memory as text.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, output::SafeStdout);
            let preamble = out.write_all(style.preamble()).map_err(csv::Error::from);
            let mut w = style.writer(out);
            let result = preamble
                .and_then(|_| w.write_record(HEADERS))
                .and_then(|_| {
                    annotated.iter().try_for_each(|a| {
                        w.write_record(
                            csv_row(a)
                                .iter()
                                .zip(HEADERS)
                                .map(|(c, h)| style.cell(h, c).into_owned()),
                        )
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
                        words::bucket_label(lang, a.bucket),
                        t.contract_no.to_string(),
                        t.name.to_string(),
                        a.overdue_words(lang),
                        opt(t.total_due),
                        format!("{}/{}", t.installment_no(), opt(t.total_installments)),
                        t.branch_name.to_string(),
                        format!(
                            "{} {}",
                            crate::i18n::clock(lang, &a.window.local),
                            a.zone.zone
                        ),
                        callable_words(a, lang),
                    ]
                })
                .collect();
            let headers = [
                tr!(lang, "tasks-col-bucket"),
                tr!(lang, "tasks-col-contract"),
                tr!(lang, "tasks-col-name"),
                tr!(lang, "tasks-col-overdue"),
                tr!(lang, "tasks-col-total-due"),
                tr!(lang, "tasks-col-n-of"),
                tr!(lang, "tasks-col-branch"),
                tr!(lang, "tasks-col-local"),
                tr!(lang, "tasks-col-callable"),
            ];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mut text = output::table(&headers, &rows, &[3, 4, 5]);
            let n = annotated.len();
            let mut count = if only_callable {
                tr!(lang, "tasks-count-callable", n = n)
            } else {
                tr!(lang, "tasks-count", n = n)
            };
            if session.is_demo() {
                count.push_str(&format!(" ({})", tr!(lang, "tasks-demo")));
            }
            if let Some(at) = read_at {
                let at = at.naive_local().format("%Y-%m-%d %H:%M").to_string();
                count.push_str(" · ");
                count.push_str(&tr!(lang, "tasks-cached-from", at = at));
            }
            text.push_str(&count);
            text.push('\n');
            emit(text.as_bytes())
        }
    }
}
