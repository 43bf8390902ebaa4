use super::output::{self, emit};
use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, Failure, Format};
use crate::domain::outbox::{Decision, DeliveryState};
use crate::session::Session;
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
    /// Settle a result: an uncertain one is on the server, or send it (again).
    #[command(after_help = "Example:\n  deskcoll outbox resolve 17 --delivered")]
    Resolve {
        id: i64,
        /// It reached the server (checked there): mark it delivered.
        #[arg(long, conflicts_with = "resend", required_unless_present = "resend")]
        delivered: bool,
        /// Send it again. If the first one did arrive, the server will hold it twice.
        #[arg(long)]
        resend: bool,
    },
}

fn store(e: crate::store::StoreError) -> Failure {
    let code = if matches!(
        e,
        crate::store::StoreError::NotAllowed { .. } | crate::store::StoreError::NoSuchItem(_)
    ) {
        EXIT_INVALID
    } else {
        EXIT_ERROR
    };
    Failure::new(code, e.to_string())
}

/// The states a decision applies to, in words: "uncertain", "queued, rejected or uncertain".
fn applies_to(decision: Decision) -> String {
    let states: Vec<&str> = DeliveryState::ALL
        .into_iter()
        .filter(|s| decision.target(*s).is_some())
        .map(DeliveryState::as_str)
        .collect();
    match states.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => "nothing".into(),
    }
}

pub async fn run(session: &Session, action: OutboxAction) -> Result<(), Failure> {
    let deliverer = session.deliverer()?;
    let lock = || deliverer.outbox.lock().unwrap_or_else(|p| p.into_inner());
    match action {
        OutboxAction::List { format } => {
            let items = lock().list().map_err(store)?;
            match format {
                Format::Json => emit(
                    &serde_json::to_vec_pretty(&items)
                        .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?,
                ),
                Format::Csv | Format::Table => {
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
                            ]
                        })
                        .collect();
                    if format == Format::Csv {
                        emit(&output::csv(
                            &headers,
                            &rows,
                            true,
                            crate::domain::text::CsvStyle::default(),
                        )?)
                    } else {
                        let upper: Vec<String> = headers.iter().map(|h| h.to_uppercase()).collect();
                        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
                        let mut text = output::table(&upper, &rows, &[0, 7]);
                        let c = lock().counts().map_err(store)?;
                        text.push_str(&format!(
                            "{} results: {} delivered, {} waiting, {} rejected, {} uncertain\n",
                            items.len(),
                            c.delivered,
                            c.waiting(),
                            c.rejected,
                            c.uncertain
                        ));
                        emit(text.as_bytes())
                    }
                }
            }
        }
        OutboxAction::Flush => {
            let due = lock().due(session.clock.now_local(), true).map_err(store)?;
            for id in due {
                deliverer.deliver_patiently(id, 3).await.map_err(store)?;
            }
            let c = lock().counts().map_err(store)?;
            println!(
                "{} delivered, {} queued, {} rejected, {} uncertain",
                c.delivered,
                c.waiting(),
                c.rejected,
                c.uncertain
            );
            if c.undelivered() > 0 {
                return Err(Failure::new(
                    EXIT_NO_ANSWER,
                    format!(
                        "{} results are not delivered (see `deskcoll outbox list`)",
                        c.undelivered()
                    ),
                ));
            }
            Ok(())
        }
        OutboxAction::Resolve {
            id,
            delivered,
            resend,
        } => {
            let now = session.clock.now_local();
            // The flag is the agent's explicit yes (the help says what each one risks).
            let decision = if delivered {
                Decision::MarkDelivered
            } else {
                debug_assert!(resend);
                Decision::Send
            };
            let from = lock().get(id).map_err(store)?.state;
            if decision.target(from).is_none() {
                return Err(Failure::new(
                    EXIT_INVALID,
                    format!(
                        "result {id} is {from}: {} applies only to {}",
                        if delivered { "--delivered" } else { "--resend" },
                        applies_to(decision)
                    ),
                ));
            }
            if delivered {
                lock().resolve_delivered(id, now).map_err(store)?;
                println!("result {id}: marked delivered");
                return Ok(());
            }
            lock().resend(id, now).map_err(store)?;
            let (state, _) = deliverer.deliver_patiently(id, 3).await.map_err(store)?;
            let item = lock().get(id).map_err(store)?;
            println!(
                "result {id}: {state}{}",
                item.last_error
                    .filter(|_| state != DeliveryState::Delivered)
                    .map(|e| format!(": {e}"))
                    .unwrap_or_default()
            );
            if state == DeliveryState::Delivered {
                Ok(())
            } else {
                Err(Failure::new(EXIT_NO_ANSWER, ""))
            }
        }
    }
}
