//! Pushing a desk's day from the outbox to the ledger: in batches, each one transaction,
//! marked in the outbox only after the ledger committed it. A batch sent again after a lost
//! answer is the same rows (keys: agent and `n` for results and reads, agent and `seq` for
//! receipts; the witness skips a receipt it holds), so it changes nothing.

use super::LedgerError;
use crate::domain::callback::Callback;
use crate::store::{Outbox, Pending};
use tokio_postgres::Client;

/// Rows of each kind per batch.
pub const BATCH: usize = 500;

/// What one push did: rows sent (the ledger may already have held some) and what is left.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pushed {
    pub results: usize,
    pub receipts: usize,
    pub reads: usize,
}

impl Pushed {
    pub fn total(&self) -> usize {
        self.results + self.receipts + self.reads
    }
}

/// Sends one batch in one transaction.
pub async fn send(client: &mut Client, agent_id: &str, p: &Pending) -> Result<(), LedgerError> {
    let tx = client.transaction().await?;
    if !p.versions.is_empty() {
        let insert = tx
            .prepare(
                "INSERT INTO deskcoll.results (agent_id, n, result_id, state, account_no, cust_name,
                     action_code, result_code, call_time, promise_date, total_due, promised_amount,
                     party, callback_due, callback_zone, remark, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                 ON CONFLICT (agent_id, n) DO NOTHING",
            )
            .await?;
        for (n, item) in &p.versions {
            let callback: Option<Callback> = item.callback();
            let due = callback.map(|c| c.due_utc);
            let state = item.state.as_str();
            tx.execute(
                &insert,
                &[
                    &agent_id,
                    n,
                    &item.id,
                    &state,
                    &item.account_no,
                    &item.result.cust_name,
                    &item.action_code,
                    &item.result_code,
                    &item.result.call_time,
                    &item.result.promise_date,
                    &item.total_due,
                    &item.promised_amount,
                    &item.party,
                    &due,
                    &item.callback_zone,
                    &item.remark,
                    &item.updated_at,
                ],
            )
            .await?;
        }
    }
    if !p.receipts.is_empty() {
        let insert = tx
            .prepare(
                "INSERT INTO deskcoll.receipts (agent_id, seq, result_id, tag, prev_sha256, sha256,
                     body, call_time)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (agent_id, seq) DO NOTHING",
            )
            .await?;
        for r in &p.receipts {
            let call_time = serde_json::from_str::<serde_json::Value>(&r.body)
                .ok()
                .and_then(|v| v.get("call_time")?.as_str().map(str::to_string))
                .and_then(|t| crate::domain::dates::parse_datetime(&t))
                .unwrap_or_default();
            tx.execute(
                &insert,
                &[
                    &agent_id,
                    &r.seq,
                    &r.result_id,
                    &r.tag,
                    &r.prev_sha256,
                    &r.sha256,
                    &r.body,
                    &call_time,
                ],
            )
            .await?;
        }
    }
    if !p.reads.is_empty() {
        let insert = tx
            .prepare(
                "INSERT INTO deskcoll.list_reads (agent_id, n, account_no, read_at, last_paid, overdue)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (agent_id, n) DO NOTHING",
            )
            .await?;
        for (n, read) in &p.reads {
            tx.execute(
                &insert,
                &[
                    &agent_id,
                    n,
                    &read.account_no,
                    &read.read_at,
                    &read.last_paid,
                    &read.overdue,
                ],
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Pushes everything that waits, batch after batch, in the order it was written. Stops at
/// the first failure: what was pushed stays marked, the rest waits for the next push.
pub async fn push(
    outbox: &mut Outbox,
    client: &mut Client,
    agent_id: &str,
) -> Result<Pushed, LedgerError> {
    if agent_id.trim().is_empty() {
        return Err(LedgerError::NoAgent);
    }
    let mut done = Pushed::default();
    loop {
        let p = outbox.ledger_pending(BATCH)?;
        if p.is_empty() {
            return Ok(done);
        }
        send(client, agent_id, &p).await?;
        outbox.ledger_pushed(&p)?;
        done.results += p.versions.len();
        done.receipts += p.receipts.len();
        done.reads += p.reads.len();
    }
}

/// Connects and pushes (the background task and `team push`), the outbox opened at `path`.
pub async fn push_path(
    path: &std::path::Path,
    url: &str,
    agent_id: &str,
) -> Result<Pushed, LedgerError> {
    let mut client = super::connect(url).await?;
    super::check_version(&client).await?;
    let mut outbox = Outbox::open(path)?;
    push(&mut outbox, &mut client, agent_id).await
}
