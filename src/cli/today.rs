use super::output::{self, emit};
use super::{EXIT_ERROR, Failure, Format};
use crate::domain::promise::PromiseBook;
use crate::domain::today::{BrokenPromise, TodaySummary};
use crate::session::Session;

/// The day's figures from the local outbox; broken promises need the current queue.
pub async fn run(
    session: &Session,
    format: Format,
    style: crate::domain::text::CsvStyle,
) -> Result<(), Failure> {
    let records = session
        .deliverer()?
        .day_records()
        .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
    let tasks = match session.client.tasks().await {
        Ok(tasks) => tasks,
        Err(e) => {
            eprintln!("deskcoll: warning: no task list ({e}); broken promises cannot be told");
            Vec::new()
        }
    };
    let today = session.clock.now_local().date();
    let book = PromiseBook::of(&records, today, &tasks);
    let s = TodaySummary::of(&records, today, &book, BrokenPromise::of(&tasks, &book));
    match format {
        Format::Json => output::emit_json(&s),
        Format::Csv | Format::Table => {
            let total: crate::domain::Money = s.ptp_total_due.parse().unwrap_or_default();
            let mut rows = vec![
                vec!["calls".to_string(), s.calls.to_string()],
                vec!["promises to pay".into(), s.ptp_count.to_string()],
                vec![
                    "total due under promise".into(),
                    if format == Format::Csv {
                        s.ptp_total_due.clone()
                    } else {
                        total.rupiah()
                    },
                ],
                vec!["delivered".into(), s.delivered.to_string()],
                vec!["waiting".into(), s.waiting.to_string()],
                vec!["rejected".into(), s.rejected.to_string()],
                vec!["uncertain".into(), s.uncertain.to_string()],
            ];
            for (action, n) in &s.by_action {
                rows.push(vec![format!("calls {action}"), n.to_string()]);
            }
            let broken: Vec<String> = s
                .broken_promises
                .iter()
                .map(|b| b.account_no.clone())
                .collect();
            for (label, list) in [
                ("promises due today", &s.promises_due_today),
                ("promises due tomorrow", &s.promises_due_tomorrow),
                ("broken promises", &broken),
            ] {
                rows.push(vec![
                    label.to_string(),
                    if list.is_empty() {
                        "-".into()
                    } else {
                        list.join(" ")
                    },
                ]);
            }
            if format == Format::Csv {
                emit(&output::csv(&["figure", "value"], &rows, true, style)?)
            } else {
                let mut text = format!("Today, {}\n", s.date);
                text.push_str(&output::table(&["", ""], &rows, &[]));
                emit(text.as_bytes())
            }
        }
    }
}
