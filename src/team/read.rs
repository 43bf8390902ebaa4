//! Reading the ledger: each agent's day for the floor, and receipts for an auditor.

use super::LedgerError;
use crate::domain::callback::Callback;
use crate::domain::floor::AgentDay;
use crate::domain::outbox::DeliveryState;
use crate::domain::party::Party;
use crate::domain::receipt::Receipt;
use crate::domain::today::DayRecord;
use crate::domain::verdict::ListRead;
use crate::domain::zone::Zone;
use crate::store::StoredReceipt;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;
use tokio_postgres::Client;

/// Every agent's records up to the end of `day` (each result's latest version), its list
/// reads and the receipts of `day`, by agent id.
pub async fn floor(client: &Client, day: NaiveDate) -> Result<Vec<AgentDay>, LedgerError> {
    let end: NaiveDateTime = (day + chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let start: NaiveDateTime = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Only the receipts the floor counts: calls outside the window.
    let outside: Vec<&str> = crate::domain::floor::OUTSIDE_STATES.to_vec();
    let mut agents: BTreeMap<String, AgentDay> = BTreeMap::new();
    let rows = client
        .query(
            "SELECT DISTINCT ON (agent_id, result_id)
                    agent_id, account_no, cust_name, action_code, call_time, promise_date, state,
                    total_due, party, promised_amount, callback_due, callback_zone
             FROM deskcoll.results WHERE call_time < $1
             ORDER BY agent_id, result_id, n DESC",
            &[&end],
        )
        .await?;
    for row in rows {
        let agent: String = row.get(0);
        let due: Option<chrono::DateTime<chrono::Utc>> = row.get(10);
        let zone: Option<String> = row.get(11);
        let callback = match (due, zone.as_deref().and_then(Zone::parse)) {
            (Some(due_utc), Some(zone)) => Some(Callback { due_utc, zone }),
            _ => None,
        };
        let total_due: Option<String> = row.get(7);
        let promised: Option<String> = row.get(9);
        let party: String = row.get(8);
        let state: String = row.get(6);
        let record = DayRecord {
            account_no: row.get(1),
            name: row.get(2),
            action_code: row.get(3),
            call_time: row.get(4),
            promise_date: row.get(5),
            state: DeliveryState::parse(&state).unwrap_or(DeliveryState::Uncertain),
            total_due: total_due.and_then(|m| m.parse().ok()),
            party: Party::parse(&party).unwrap_or_default(),
            promised_amount: promised.and_then(|m| m.parse().ok()),
            callback,
        };
        entry(&mut agents, &agent).records.push(record);
    }
    let rows = client
        .query(
            "SELECT agent_id, account_no, read_at, last_paid, overdue FROM deskcoll.list_reads
             WHERE read_at < $1 ORDER BY agent_id, n",
            &[&end],
        )
        .await?;
    for row in rows {
        let agent: String = row.get(0);
        entry(&mut agents, &agent).reads.push(ListRead {
            account_no: row.get(1),
            read_at: row.get(2),
            last_paid: row.get(3),
            overdue: row.get(4),
        });
    }
    let rows = client
        .query(
            "SELECT agent_id, body, sha256 FROM deskcoll.receipts
             WHERE call_time >= $1 AND call_time < $2
               AND (body::jsonb ->> 'window_state') = ANY($3)
             ORDER BY agent_id, seq",
            &[&start, &end, &outside],
        )
        .await?;
    for row in rows {
        let agent: String = row.get(0);
        let body: String = row.get(1);
        if let Ok(mut r) = serde_json::from_str::<Receipt>(&body) {
            r.sha256 = row.get(2);
            entry(&mut agents, &agent).receipts.push(r);
        }
    }
    Ok(agents.into_values().collect())
}

fn entry<'a>(agents: &'a mut BTreeMap<String, AgentDay>, id: &str) -> &'a mut AgentDay {
    agents.entry(id.to_string()).or_insert_with(|| AgentDay {
        agent_id: id.to_string(),
        ..AgentDay::default()
    })
}

/// A receipt as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerReceipt {
    pub agent_id: String,
    pub seq: i64,
    pub stored: StoredReceipt,
}

/// The ledger's receipts, oldest first by agent and `seq`: of one agent, or all; called from
/// `from` to `to` (inclusive; `None`: open).
pub async fn receipts(
    client: &Client,
    agent: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<LedgerReceipt>, LedgerError> {
    let from = from.and_then(|d| d.and_hms_opt(0, 0, 0));
    let to = to.and_then(|d| (d + chrono::Duration::days(1)).and_hms_opt(0, 0, 0));
    let rows = client
        .query(
            "SELECT agent_id, seq, result_id, body, sha256 FROM deskcoll.receipts
             WHERE ($1::text IS NULL OR agent_id = $1)
               AND ($2::timestamp IS NULL OR call_time >= $2)
               AND ($3::timestamp IS NULL OR call_time < $3)
             ORDER BY agent_id, seq",
            &[&agent, &from, &to],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| LedgerReceipt {
            agent_id: row.get(0),
            seq: row.get(1),
            stored: StoredReceipt {
                result_id: row.get(2),
                body: row.get(3),
                sha256: row.get(4),
            },
        })
        .collect())
}

/// The highest `seq` the ledger holds of `agent` (0: none).
pub async fn last_seq(client: &Client, agent: &str) -> Result<i64, LedgerError> {
    Ok(client
        .query_one(
            "SELECT COALESCE(MAX(seq), 0)::bigint FROM deskcoll.receipts WHERE agent_id = $1",
            &[&agent],
        )
        .await?
        .get(0))
}

/// The floor at `now`: one row per agent (`FloorRow::of`, judged with the grace days and
/// calling rules in force), ordered by `sort`, and the total.
pub async fn floor_rows(
    url: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
    grace_days: i64,
    rules: &crate::domain::window::CallingRules,
    sort: crate::domain::floor::FloorSort,
) -> Result<
    (
        Vec<crate::domain::floor::FloorRow>,
        crate::domain::floor::FloorRow,
    ),
    LedgerError,
> {
    use crate::domain::floor::FloorRow;
    let client = super::connect(url).await?;
    super::check_version(&client).await?;
    let days = floor(&client, now.date_naive()).await?;
    let mut rows: Vec<FloorRow> = days
        .iter()
        .map(|d| FloorRow::of(d, now, grace_days, rules))
        .collect();
    sort.sort(&mut rows);
    let total = FloorRow::total(&rows, &now.date_naive().to_string());
    Ok((rows, total))
}
