use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, EXIT_REFUSED, Failure};
use crate::delivery::Disposition;
use crate::domain::outbox::DeliveryState;
use crate::domain::{CollectionResult, ResultDraft};
use crate::session::Session;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SubmitArgs {
    /// Account (contract) number.
    #[arg(long, required_unless_present = "batch")]
    pub account: Option<String>,
    /// Action code, e.g. PTP, MSG, BPH, NCT.
    #[arg(long, required_unless_present = "batch")]
    pub action: Option<String>,
    /// Result code, e.g. PTP01 (none for BPH and MSG).
    #[arg(long, default_value = "")]
    pub result: String,
    /// Promise date for PTP: YYYY-MM-DD or +N days.
    #[arg(long, default_value = "")]
    pub promise: String,
    /// Installment period (tenor) the result is about.
    #[arg(long, default_value = "0")]
    pub period: String,
    /// What the customer said.
    #[arg(long, required_unless_present = "batch")]
    pub remark: Option<String>,
    /// Customer name (the server fills its own).
    #[arg(long, default_value = "")]
    pub name: String,
    /// A CSV with a header row and columns account, action, result, promise, period, remark.
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["account", "action", "remark"])]
    pub batch: Option<PathBuf>,
}

/// How many tries a waiting command gives one result before leaving it queued.
const ATTEMPTS: u32 = 3;

/// A draft signed by this agent from this machine.
fn by_agent(session: &Session, draft: ResultDraft) -> ResultDraft {
    ResultDraft {
        agent_id: session.config.agent_id.clone(),
        ip_address: session.config.ip_address(),
        ..draft
    }
}

fn describe(state: DeliveryState, d: &Option<Disposition>) -> String {
    match d {
        Some(Disposition::Delivered { code, message }) => {
            format!("{code} {}", crate::domain::text::sanitize(message))
        }
        Some(Disposition::Rejected { reason, .. }) => format!("rejected: {reason}"),
        Some(Disposition::Uncertain { reason }) => {
            format!("uncertain: {reason} (it may be stored; see `deskcoll outbox list`)")
        }
        Some(Disposition::Retry { reason }) => {
            format!("queued: {reason}; `deskcoll outbox flush` sends it")
        }
        None => format!("{state}"),
    }
}

fn exit_code(state: DeliveryState) -> u8 {
    match state {
        DeliveryState::Delivered => 0,
        DeliveryState::Rejected => EXIT_REFUSED,
        DeliveryState::Discarded => EXIT_ERROR,
        _ => EXIT_NO_ANSWER,
    }
}

pub async fn run(session: &Session, args: SubmitArgs) -> Result<(), Failure> {
    if let Some(file) = &args.batch {
        return batch(session, file).await;
    }
    let d = by_agent(
        session,
        ResultDraft {
            account_no: args.account.unwrap_or_default(),
            cust_name: args.name,
            action_code: args.action.unwrap_or_default(),
            result_code: args.result,
            promise_date: args.promise,
            period: args.period,
            remark: args.remark.unwrap_or_default(),
            ..ResultDraft::default()
        },
    );
    let result = d.validate(session.clock.now_local()).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        Failure::new(
            EXIT_INVALID,
            format!("invalid result, nothing sent:\n  {}", lines.join("\n  ")),
        )
    })?;
    let deliverer = session.deliverer()?;
    let id = deliverer.enqueue(&result).map_err(store_failure)?;
    let (state, d) = deliverer
        .deliver_patiently(id, ATTEMPTS)
        .await
        .map_err(store_failure)?;
    match state {
        DeliveryState::Delivered => {
            println!("{}", describe(state, &d));
            Ok(())
        }
        _ => Err(Failure::new(
            exit_code(state),
            format!("result {id}: {}", describe(state, &d)),
        )),
    }
}

fn store_failure(e: crate::store::StoreError) -> Failure {
    Failure::new(EXIT_ERROR, e.to_string())
}

/// Every row is checked first; the valid ones are saved in one transaction, then sent.
async fn batch(session: &Session, file: &std::path::Path) -> Result<(), Failure> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(file)
        .map_err(|e| Failure::new(EXIT_ERROR, format!("cannot read {}: {e}", file.display())))?;
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Failure::new(EXIT_INVALID, format!("{}: {e}", file.display())))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    for required in ["account", "action", "remark"] {
        if col(required).is_none() {
            return Err(Failure::new(
                EXIT_INVALID,
                format!(
                    "{}: no '{required}' column (need account, action, result, promise, period, remark)",
                    file.display()
                ),
            ));
        }
    }
    let now = session.clock.now_local();
    let mut valid: Vec<(usize, CollectionResult)> = Vec::new();
    let mut invalid = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2; // the header is line 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                println!("row {line}: invalid: {e}");
                invalid += 1;
                continue;
            }
        };
        let get = |name: &str| {
            col(name)
                .and_then(|c| record.get(c))
                .unwrap_or("")
                .to_string()
        };
        let period = Some(get("period"))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "0".into());
        let d = by_agent(
            session,
            ResultDraft {
                account_no: get("account"),
                cust_name: get("name"),
                action_code: get("action"),
                result_code: get("result"),
                promise_date: get("promise"),
                period,
                remark: get("remark"),
                ..ResultDraft::default()
            },
        );
        match d.validate(now) {
            Ok(r) => valid.push((line, r)),
            Err(errors) => {
                let why: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                println!("row {line}: invalid: {}", why.join("; "));
                invalid += 1;
            }
        }
    }
    let deliverer = session.deliverer()?;
    let results: Vec<CollectionResult> = valid.iter().map(|(_, r)| r.clone()).collect();
    let ids = deliverer
        .outbox
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .enqueue_all(&results, now)
        .map_err(store_failure)?;
    let mut worst = 0u8;
    let mut delivered = 0;
    for ((line, r), id) in valid.iter().zip(ids) {
        let (state, d) = deliverer
            .deliver_patiently(id, ATTEMPTS)
            .await
            .map_err(store_failure)?;
        if state == DeliveryState::Delivered {
            delivered += 1;
        }
        worst = worst.max(exit_code(state));
        println!(
            "row {line}: {} {}: {}",
            r.account_no,
            r.action_code,
            describe(state, &d)
        );
    }
    println!(
        "{} rows: {delivered} delivered, {} not delivered, {invalid} invalid",
        valid.len() + invalid,
        valid.len() - delivered
    );
    if invalid > 0 {
        worst = worst.max(EXIT_INVALID);
    }
    if worst == 0 {
        Ok(())
    } else {
        Err(Failure::new(worst, ""))
    }
}
