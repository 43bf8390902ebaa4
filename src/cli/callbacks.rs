//! `deskcoll callbacks`: the callbacks agreed with customers, from the local outbox, and
//! where each stands now (`domain::callback::list`, as the workstation's queue reads them).

use super::output::{self, emit};
use super::{EXIT_ERROR, Failure};
use crate::domain::callback;
use crate::i18n::words;
use crate::session::Session;
use crate::tr;

#[derive(clap::Args, Debug)]
pub struct CallbacksArgs {
    /// `table`: one line per account; `json`: an array of {account_no, name, due_local,
    /// time_zone, due_utc, status}.
    #[arg(long, value_enum, default_value_t)]
    pub format: CallbacksFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum CallbacksFormat {
    #[default]
    Table,
    Json,
}

/// Every account's latest callback, the earliest due first.
pub fn run(session: &Session, args: CallbacksArgs) -> Result<(), Failure> {
    let lang = session.config.language;
    let records = session
        .deliverer()?
        .day_records()
        .map_err(|e| Failure::new(EXIT_ERROR, words::store_error(lang, &e)))?;
    let clock = &session.clock;
    let now = clock.now_utc().with_timezone(&clock.offset());
    let listed = callback::list(&records, now, &session.config.calling.rules);
    match args.format {
        CallbacksFormat::Json => output::emit_json(&listed),
        CallbacksFormat::Table if listed.is_empty() => {
            emit(format!("{}\n", tr!(lang, "callbacks-none")).as_bytes())
        }
        CallbacksFormat::Table => {
            let today = clock.now_local().date();
            let rows: Vec<Vec<String>> = listed
                .iter()
                .map(|l| {
                    let due = l.callback.due_local();
                    // In the customer's zone, and in the agent's when that is another.
                    let theirs = format!(
                        "{} {}",
                        crate::i18n::moment(lang, due.naive_local(), today),
                        l.callback.zone
                    );
                    let agent = clock.offset();
                    let when = if agent == l.callback.zone.offset() {
                        theirs
                    } else {
                        let mine = l.callback.due_utc.with_timezone(&agent);
                        format!(
                            "{theirs} ({} {})",
                            crate::i18n::clock(lang, &mine),
                            crate::domain::zone::Zone::label(agent)
                        )
                    };
                    vec![
                        when,
                        l.account_no.clone(),
                        l.name.clone(),
                        words::callback_status(lang, l.status),
                    ]
                })
                .collect();
            let headers = [
                tr!(lang, "callbacks-col-due"),
                tr!(lang, "callbacks-col-account"),
                tr!(lang, "callbacks-col-name"),
                tr!(lang, "callbacks-col-status"),
            ];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            emit(output::table(&headers, &rows, &[]).as_bytes())
        }
    }
}
