use super::output::{self, emit};
use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, Failure, Format};
use crate::domain::outbox::{Decision, DeliveryState, left_list_hint};
use crate::domain::text::sanitize;
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::tr;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum OutboxAction {
    /// Every recorded result and where it stands.
    #[command(
        after_help = "Example:\n  deskcoll outbox list --format json | jq '.[] | select(.state != \"delivered\")'"
    )]
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Send what is queued now; exit non-zero if anything is still undelivered.
    #[command(after_help = "Example:\n  deskcoll outbox flush && echo all delivered")]
    Flush,
    /// Settle a result: one that may be on the server (uncertain, or refused with 90) is
    /// there, or send it (again).
    #[command(
        after_help = "Example:\n  deskcoll outbox resolve 17 --delivered\n  deskcoll outbox resolve 18 --resend --yes"
    )]
    Resolve {
        id: i64,
        /// It reached the server (checked there): mark it delivered. A result refused with
        /// 90 needs --yes too: you vouch that the server stored it.
        #[arg(long, conflicts_with = "resend", required_unless_present = "resend")]
        delivered: bool,
        /// Send it again. If the first one did arrive, the server will hold it twice: a
        /// result that may already be stored (uncertain, or refused with 90) needs --yes.
        #[arg(long)]
        resend: bool,
        /// The agent's yes to a move that may store a result twice (--resend of an
        /// uncertain or 90-refused result) or that vouches for one (--delivered after a 90).
        #[arg(long)]
        yes: bool,
    },
}

/// The outbox's failure as a command's, in the language.
fn store_in(lang: Lang) -> impl Fn(crate::store::StoreError) -> Failure {
    move |e| {
        let code = if matches!(
            e,
            crate::store::StoreError::NotAllowed { .. } | crate::store::StoreError::NoSuchItem(_)
        ) {
            EXIT_INVALID
        } else {
            EXIT_ERROR
        };
        Failure::new(code, words::store_error(lang, &e))
    }
}

/// The states a decision applies to, in words: "uncertain", "queued, rejected or uncertain".
fn applies_to(decision: Decision, lang: Lang) -> String {
    let states: Vec<String> = DeliveryState::ALL
        .into_iter()
        .filter(|s| decision.target(*s, None).is_some())
        .map(|s| words::state(lang, s))
        .collect();
    // Only its code lets a rejected result be marked delivered.
    if decision == Decision::MarkDelivered {
        return tr!(
            lang,
            "outbox-cli-or-90",
            some = states.join(", "),
            rejected = words::state(lang, DeliveryState::Rejected)
        );
    }
    match states.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => tr!(lang, "outbox-cli-or", some = rest.join(", "), last = last),
        None => tr!(lang, "outbox-cli-nothing"),
    }
}

/// The hint beside each uncertain result whose account has left today's list: one read of
/// the list, only when there is an uncertain result; without the list, no hints.
async fn hints(session: &Session, items: &[crate::store::OutboxItem]) -> Vec<(i64, &'static str)> {
    let uncertain: Vec<_> = items
        .iter()
        .filter(|i| i.state == DeliveryState::Uncertain)
        .collect();
    if uncertain.is_empty() {
        return Vec::new();
    }
    let Ok(tasks) = session.tasks().await else {
        return Vec::new();
    };
    // An empty list says nothing (a server with a bad day answers one too).
    if tasks.is_empty() {
        return Vec::new();
    }
    let in_list: std::collections::HashSet<&str> =
        tasks.iter().map(|t| t.contract_no.trim()).collect();
    let today = session.clock.now_local().date();
    uncertain
        .into_iter()
        .filter_map(|i| {
            let listed = in_list.contains(i.account_no.trim());
            left_list_hint(i.result.call_time.date(), listed, today).map(|h| (i.id, h))
        })
        .collect()
}

pub async fn run(session: &Session, action: OutboxAction) -> Result<(), Failure> {
    let lang = session.config.language;
    let store = store_in(lang);
    let deliverer = session.deliverer()?;
    let lock = || deliverer.outbox.lock().unwrap_or_else(|p| p.into_inner());
    match action {
        OutboxAction::List { format } => {
            let items = lock().list().map_err(&store)?;
            let hints = hints(session, &items).await;
            let hint = |id: i64| hints.iter().find(|(i, _)| *i == id).map(|(_, h)| *h);
            match format {
                Format::Json => {
                    let mut values = serde_json::to_value(&items)
                        .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
                    if let Some(list) = values.as_array_mut() {
                        for (v, item) in list.iter_mut().zip(&items) {
                            if let (Some(obj), Some(h)) = (v.as_object_mut(), hint(item.id)) {
                                obj.insert("hint".into(), h.into());
                            }
                        }
                    }
                    output::emit_json(&values)
                }
                Format::Csv | Format::Xlsx | Format::Table => {
                    let headers = [
                        "id",
                        "state",
                        "account_no",
                        "action",
                        "result",
                        "promise",
                        "call_time",
                        "attempts",
                        "last_error",
                        "hint",
                    ];
                    let rows: Vec<Vec<String>> = items
                        .iter()
                        .map(|i| {
                            vec![
                                i.id.to_string(),
                                i.state.to_string(),
                                i.account_no.clone(),
                                i.action_code.clone(),
                                i.result_code.clone(),
                                i.promise_date.clone().unwrap_or_default(),
                                i.call_time.clone(),
                                i.attempts.to_string(),
                                i.last_error.clone().unwrap_or_default(),
                                hint(i.id).unwrap_or_default().to_string(),
                            ]
                        })
                        .collect();
                    if format != Format::Table {
                        emit(&output::csv(
                            &headers,
                            &rows,
                            true,
                            crate::domain::text::CsvStyle::default(),
                        )?)
                    } else {
                        // The hint goes under the table, beside its result's id.
                        let rows: Vec<Vec<String>> = rows
                            .into_iter()
                            .map(|mut r| {
                                r.pop();
                                r
                            })
                            .collect();
                        // The table's words follow the language; the CSV's never do.
                        let rows: Vec<Vec<String>> = rows
                            .into_iter()
                            .zip(&items)
                            .map(|(mut r, i)| {
                                r[1] = words::state(lang, i.state);
                                r
                            })
                            .collect();
                        let upper = [
                            tr!(lang, "outbox-col-id"),
                            tr!(lang, "outbox-col-state"),
                            tr!(lang, "outbox-col-account"),
                            tr!(lang, "outbox-cli-col-action"),
                            tr!(lang, "outbox-col-result"),
                            tr!(lang, "outbox-cli-col-promise"),
                            tr!(lang, "outbox-cli-col-call-time"),
                            tr!(lang, "outbox-cli-col-attempts"),
                            tr!(lang, "outbox-col-last-error"),
                        ];
                        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
                        let mut text = output::table(&upper, &rows, &[0, 7]);
                        for (id, _) in &hints {
                            text.push_str(&tr!(lang, "outbox-cli-hint", id = *id));
                            text.push('\n');
                        }
                        let c = lock().counts().map_err(&store)?;
                        text.push_str(&tr!(
                            lang,
                            "outbox-cli-counts",
                            n = items.len(),
                            delivered = c.delivered,
                            waiting = c.waiting(),
                            rejected = c.rejected,
                            uncertain = c.uncertain
                        ));
                        text.push('\n');
                        emit(text.as_bytes())
                    }
                }
            }
        }
        OutboxAction::Flush => {
            let due = lock()
                .due(session.clock.now_local(), true)
                .map_err(&store)?;
            let mut worst = 0u8;
            for id in due {
                let patient = deliverer.deliver_told(id, 3).await.map_err(&store)?;
                worst = worst.max(super::submit::exit_code(patient.state, patient.reached));
            }
            let c = lock().counts().map_err(&store)?;
            say!(
                "{}",
                tr!(
                    lang,
                    "outbox-cli-flushed",
                    delivered = c.delivered,
                    queued = c.waiting(),
                    rejected = c.rejected,
                    uncertain = c.uncertain
                )
            );
            if c.undelivered() > 0 {
                // Uncertain ones from before count as not confirmed.
                let code = if c.uncertain > 0 || worst == 0 {
                    EXIT_NO_ANSWER
                } else {
                    worst
                };
                return Err(Failure::new(
                    code,
                    tr!(lang, "outbox-cli-undelivered", n = c.undelivered()),
                ));
            }
            Ok(())
        }
        OutboxAction::Resolve {
            id,
            delivered,
            resend,
            yes,
        } => {
            let now = session.clock.now_local();
            // The flag is the agent's explicit yes (the help says what each one risks).
            let decision = if delivered {
                Decision::MarkDelivered
            } else {
                debug_assert!(resend);
                Decision::Send
            };
            let item = lock().get(id).map_err(&store)?;
            let from = item.state;
            let code = item.server_code.as_deref();
            if decision.target(from, code).is_none() {
                return Err(Failure::new(
                    EXIT_INVALID,
                    tr!(
                        lang,
                        "outbox-cli-not-applicable",
                        id = id,
                        state = words::state(lang, from),
                        flag = if delivered { "--delivered" } else { "--resend" },
                        states = applies_to(decision, lang)
                    ),
                ));
            }
            // The one rule of every path (`Decision::needs_confirmation`): here the question
            // is the flag. Marking an uncertain result delivered is the flag's own meaning.
            let may_be_stored = crate::domain::outbox::may_already_be_stored(from, code);
            if may_be_stored && !(delivered && from == DeliveryState::Uncertain) {
                let why = words::may_be_stored_why(lang, from);
                let flag = if delivered { "--delivered" } else { "--resend" };
                if !yes {
                    return Err(Failure::new(
                        EXIT_INVALID,
                        tr!(
                            lang,
                            "outbox-cli-needs-yes",
                            id = id,
                            why = &why,
                            flag = flag
                        ),
                    ));
                }
                tell!(
                    "deskcoll: {}",
                    tr!(
                        lang,
                        "outbox-cli-going-ahead",
                        id = id,
                        why = why,
                        flag = flag
                    )
                );
            }
            if delivered {
                lock().resolve_delivered(id, now).map_err(&store)?;
                say!("{}", tr!(lang, "outbox-cli-marked", id = id));
                return Ok(());
            }
            lock().resend(id, now).map_err(&store)?;
            let patient = deliverer.deliver_told(id, 3).await.map_err(&store)?;
            let state = patient.state;
            let item = lock().get(id).map_err(&store)?;
            say!(
                "{}{}",
                tr!(
                    lang,
                    "outbox-cli-result-state",
                    id = id,
                    state = words::state(lang, state)
                ),
                item.last_error
                    .filter(|_| state != DeliveryState::Delivered)
                    .map(|e| format!(": {}", sanitize(&e)))
                    .unwrap_or_default()
            );
            match state {
                DeliveryState::Delivered => Ok(()),
                // The server said no again: the exit code of a refusal.
                state => Err(Failure::new(
                    super::submit::exit_code(state, patient.reached),
                    "",
                )),
            }
        }
    }
}
