use super::output::{self, emit};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::promise::PromiseBook;
use crate::domain::today::{BrokenPromise, Judging, TodaySummary};
use crate::i18n::words;
use crate::session::Session;
use crate::tr;

/// The day's figures from the local outbox; broken promises need the current queue.
pub async fn run(
    session: &Session,
    format: Format,
    style: crate::domain::text::CsvStyle,
) -> Result<(), Failure> {
    let lang = session.config.language;
    let store_failure =
        |e: crate::store::StoreError| Failure::new(EXIT_ERROR, words::store_error(lang, &e));
    let deliverer = session.deliverer()?;
    let records = deliverer.day_records().map_err(store_failure)?;
    // Read before the evidence below: what this list shows is kept with it.
    let tasks = match session.tasks().await {
        Ok(tasks) => tasks,
        Err(e) => {
            let message = tr!(
                lang,
                "today-no-task-list",
                error = words::api_error(lang, &e)
            );
            tell!("{}", super::warning_line(lang, &message));
            Vec::new()
        }
    };
    let reads = deliverer.list_reads(&records).map_err(store_failure)?;
    let now = session.clock.now();
    let today = now.date_naive();
    let book = PromiseBook::of(&records, today, &tasks);
    let judging = Judging {
        reads: &reads,
        grace_days: session.config.calling.promise_grace_days,
        rules: &session.config.calling.rules,
    };
    let s = TodaySummary::of(
        &records,
        now,
        &book,
        BrokenPromise::of(&tasks, &book),
        &judging,
    );
    match format {
        Format::Json => output::emit_json(&s),
        Format::Csv | Format::Xlsx | Format::Table => {
            let csv = format != Format::Table;
            // The CSV's figure names are a contract (scripts read them): never translated.
            let name = |wire: &str, words: String| if csv { wire.to_string() } else { words };
            let mut rows: Vec<Vec<String>> = words::figures(lang, &s)
                .into_iter()
                .map(|f| {
                    if csv {
                        vec![f.wire.to_string(), f.csv]
                    } else {
                        vec![f.label, f.value, f.how]
                    }
                })
                .collect();
            rows.extend([
                vec![
                    name("promises to pay", tr!(lang, "today-ptp")),
                    s.ptp_count.to_string(),
                ],
                vec![
                    name("total due under promise", tr!(lang, "today-ptp-total")),
                    if csv {
                        s.ptp_total_due.clone()
                    } else {
                        crate::domain::money::shown_figure(&s.ptp_total_due)
                    },
                ],
                vec![
                    name("delivered", tr!(lang, "today-delivered")),
                    s.delivered.to_string(),
                ],
                vec![
                    name("waiting", tr!(lang, "today-waiting")),
                    s.waiting.to_string(),
                ],
                vec![
                    name("rejected", tr!(lang, "today-rejected")),
                    s.rejected.to_string(),
                ],
                vec![
                    name("uncertain", tr!(lang, "today-uncertain")),
                    s.uncertain.to_string(),
                ],
            ]);
            for (action, n) in &s.by_action {
                rows.push(vec![
                    name(
                        &format!("calls {action}"),
                        tr!(lang, "today-calls-of", action = action),
                    ),
                    n.to_string(),
                ]);
            }
            let broken: Vec<String> = s
                .broken_promises
                .iter()
                .map(|b| b.account_no.clone())
                .collect();
            // A promise as the table lists it: the account and what was promised.
            let promised = |v: &[crate::domain::today::DuePromise]| -> Vec<String> {
                v.iter()
                    .map(|p| match (&p.promised_amount, csv) {
                        (Some(m), true) => format!("{}:{m}", p.account_no),
                        (Some(m), false) => format!(
                            "{} {}",
                            p.account_no,
                            m.parse::<crate::domain::Money>()
                                .unwrap_or_default()
                                .rupiah()
                        ),
                        (None, _) => p.account_no.clone(),
                    })
                    .collect()
            };
            let (due_today, due_tomorrow) = (
                promised(&s.promises_due_today),
                promised(&s.promises_due_tomorrow),
            );
            for (label, words, list) in [
                (
                    "promises due today",
                    tr!(lang, "today-due-today"),
                    &due_today,
                ),
                (
                    "promises due tomorrow",
                    tr!(lang, "today-due-tomorrow"),
                    &due_tomorrow,
                ),
                ("broken promises", tr!(lang, "today-broken-short"), &broken),
            ] {
                if csv || list.is_empty() {
                    rows.push(vec![
                        name(label, words),
                        if list.is_empty() {
                            "-".into()
                        } else {
                            list.join(" ")
                        },
                    ]);
                } else {
                    // The table lists a long list one item a line, under its label.
                    for (i, item) in list.iter().enumerate() {
                        let label = if i == 0 { words.clone() } else { String::new() };
                        rows.push(vec![label, item.clone()]);
                    }
                }
            }
            if csv {
                emit(&output::csv(&["figure", "value"], &rows, true, style)?)
            } else {
                let mut text = format!(
                    "{}\n",
                    tr!(
                        lang,
                        "today-heading",
                        date = crate::i18n::date_long(lang, today)
                    )
                );
                // No row padded to the widest: each line ends with its last word.
                for line in output::table(&["", "", ""], &rows, &[]).lines() {
                    text.push_str(line.trim_end());
                    text.push('\n');
                }
                emit(text.as_bytes())
            }
        }
    }
}
