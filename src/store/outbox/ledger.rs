//! What the outbox still owes the team ledger (`crate::team`): each result as it stands
//! (every change of state or content is a new version), the receipts of the chain and the
//! list reads (the evidence kept and broken promises are judged on), each in the order it was
//! written. Marked pushed only once the ledger has committed them, so that nothing is lost
//! while it is down; a version or receipt sent twice is the same row to the ledger.

use super::{COLUMNS, Outbox, StoreError, read_item};
use crate::domain::dates;
use crate::domain::verdict::ListRead;
use crate::store::OutboxItem;
use rusqlite::params;

/// A receipt to push: where it sits in the local chain (`n`) and what the ledger keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingReceipt {
    pub n: i64,
    pub seq: i64,
    pub result_id: i64,
    pub tag: String,
    pub prev_sha256: String,
    pub body: String,
    pub sha256: String,
}

/// One batch still to push, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    /// `(n, the result as it stands)`: `n` numbers this desk's versions.
    pub versions: Vec<(i64, OutboxItem)>,
    pub receipts: Vec<PendingReceipt>,
    /// `(rowid, read)`.
    pub reads: Vec<(i64, ListRead)>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.versions.is_empty() && self.receipts.is_empty() && self.reads.is_empty()
    }

    pub fn len(&self) -> usize {
        self.versions.len() + self.receipts.len() + self.reads.len()
    }
}

/// What waits for the ledger: results whose latest state it does not hold yet, receipts and
/// list reads it has not got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct LedgerWaiting {
    pub results: usize,
    pub receipts: usize,
    pub reads: usize,
}

impl LedgerWaiting {
    pub fn total(&self) -> usize {
        self.results + self.receipts + self.reads
    }
}

const MARK_RECEIPTS: &str = "receipts";
const MARK_READS: &str = "list_reads";

impl Outbox {
    fn mark(conn: &rusqlite::Connection, kind: &str) -> rusqlite::Result<i64> {
        use rusqlite::OptionalExtension;
        Ok(conn
            .query_row(
                "SELECT upto FROM ledger_marks WHERE kind = ?1",
                [kind],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Up to `limit` of each kind still to push, oldest first; a result changed since its
    /// last version gets a new one first (one transaction).
    pub fn ledger_pending(&mut self, limit: usize) -> Result<Pending, StoreError> {
        let r = (|| {
            let tx = self.conn.transaction()?;
            tx.execute(
                "INSERT INTO ledger_versions (result_id, updated_at)
                 SELECT r.id, r.updated_at FROM results r
                 WHERE NOT EXISTS (SELECT 1 FROM ledger_versions v
                                   WHERE v.result_id = r.id AND v.updated_at = r.updated_at)
                 ORDER BY r.updated_at, r.id",
                [],
            )?;
            let limit = limit as i64;
            let versions = {
                let cols = COLUMNS
                    .split(", ")
                    .map(|c| format!("r.{}", c.trim()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut stmt = tx.prepare(&format!(
                    "SELECT {cols}, v.n FROM ledger_versions v JOIN results r ON r.id = v.result_id
                     WHERE v.pushed = 0 ORDER BY v.n LIMIT ?1"
                ))?;
                let rows =
                    stmt.query_map([limit], |row| Ok((row.get::<_, i64>(26)?, read_item(row)?)))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let receipts = {
                let mut stmt = tx.prepare(
                    "SELECT n, seq, result_id, COALESCE(tag, ''), prev_sha256, body, sha256
                     FROM receipts WHERE n > ?1 AND seq IS NOT NULL ORDER BY n LIMIT ?2",
                )?;
                let rows =
                    stmt.query_map(params![Self::mark(&tx, MARK_RECEIPTS)?, limit], |row| {
                        Ok(PendingReceipt {
                            n: row.get(0)?,
                            seq: row.get(1)?,
                            result_id: row.get(2)?,
                            tag: row.get(3)?,
                            prev_sha256: row.get(4)?,
                            body: row.get(5)?,
                            sha256: row.get(6)?,
                        })
                    })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let reads = {
                let mut stmt = tx.prepare(
                    "SELECT rowid, account_no, read_at, last_paid, overdue FROM list_reads
                     WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![Self::mark(&tx, MARK_READS)?, limit], |row| {
                    let read_at: String = row.get(2)?;
                    let last_paid: Option<String> = row.get(3)?;
                    Ok((
                        row.get::<_, i64>(0)?,
                        ListRead {
                            account_no: row.get(1)?,
                            read_at: dates::parse_datetime(&read_at).unwrap_or_default(),
                            last_paid: last_paid.as_deref().and_then(dates::parse_date),
                            overdue: row.get(4)?,
                        },
                    ))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            tx.commit()?;
            Ok(Pending {
                versions,
                receipts,
                reads,
            })
        })();
        self.sql(r)
    }

    /// Records that the ledger holds `p` (after its transaction committed).
    pub fn ledger_pushed(&mut self, p: &Pending) -> Result<(), StoreError> {
        let r = (|| {
            let tx = self.conn.transaction()?;
            {
                let mut done = tx.prepare("UPDATE ledger_versions SET pushed = 1 WHERE n = ?1")?;
                for (n, _) in &p.versions {
                    done.execute([n])?;
                }
            }
            for (kind, upto) in [
                (MARK_RECEIPTS, p.receipts.iter().map(|r| r.n).max()),
                (MARK_READS, p.reads.iter().map(|(n, _)| *n).max()),
            ] {
                if let Some(upto) = upto {
                    tx.execute(
                        "INSERT INTO ledger_marks (kind, upto) VALUES (?1, ?2)
                         ON CONFLICT(kind) DO UPDATE SET upto = MAX(upto, excluded.upto)",
                        params![kind, upto],
                    )?;
                }
            }
            tx.commit()
        })();
        self.sql(r)
    }

    /// What waits for the ledger (read only: the header asks it often).
    pub fn ledger_waiting(&self) -> Result<LedgerWaiting, StoreError> {
        let r = (|| {
            let results: i64 = self.conn.query_row(
                "SELECT COUNT(*) FROM results r WHERE NOT EXISTS (
                     SELECT 1 FROM ledger_versions v
                     WHERE v.result_id = r.id AND v.updated_at = r.updated_at AND v.pushed = 1)",
                [],
                |r| r.get(0),
            )?;
            let receipts: i64 = self.conn.query_row(
                "SELECT COUNT(*) FROM receipts WHERE seq IS NOT NULL AND n > ?1",
                [Self::mark(&self.conn, MARK_RECEIPTS)?],
                |r| r.get(0),
            )?;
            let reads: i64 = self.conn.query_row(
                "SELECT COUNT(*) FROM list_reads WHERE rowid > ?1",
                [Self::mark(&self.conn, MARK_READS)?],
                |r| r.get(0),
            )?;
            Ok(LedgerWaiting {
                results: results as usize,
                receipts: receipts as usize,
                reads: reads as usize,
            })
        })();
        self.sql(r)
    }

    /// The highest `seq` of the local chain (0: none), to say how far the ledger is behind.
    pub fn last_seq(&self) -> Result<i64, StoreError> {
        let r = self
            .conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM receipts", [], |r| {
                r.get(0)
            });
        self.sql(r)
    }
}
