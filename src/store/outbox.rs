//! The outbox: every result is written here (WAL, synchronous=FULL) with the real call time
//! before it is sent, and its delivery state is kept forever after.

use crate::domain::callback::Callback;
use crate::domain::dates;
use crate::domain::outbox::{Decision, DeliveryState};
use crate::domain::party::Party;
use crate::domain::promise::Promise;
use crate::domain::receipt::{
    self, Binding, Circumstances, Facts, GENESIS, Link, Receipt, Sending,
};
use crate::domain::result::Recorded;
use crate::domain::verdict::{self, ListRead};
use crate::domain::zone::Zone;
use crate::domain::{CollectionResult, Money, Task};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use std::path::{Path, PathBuf};

mod ledger;
pub use ledger::{LedgerWaiting, Pending, PendingReceipt};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("outbox {path}: {source}")]
    Sql {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("outbox: no result with id {0}")]
    NoSuchItem(i64),
    #[error("outbox: result {id} is {from}; it cannot become {to}")]
    NotAllowed {
        id: i64,
        from: DeliveryState,
        to: DeliveryState,
    },
    #[error("cannot create the outbox folder {path}: {reason}")]
    Folder { path: PathBuf, reason: String },
    /// A newer deskcoll wrote this outbox: it is refused and left exactly as it is.
    #[error(
        "outbox {path} was written by a newer deskcoll (schema {found}; this one knows up to {known}): it was left untouched; upgrade deskcoll, or set store.outbox (DESKCOLL_OUTBOX) to another file"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
}

/// One result and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxItem {
    pub id: i64,
    pub account_no: String,
    pub state: DeliveryState,
    pub attempts: u32,
    pub last_error: Option<String>,
    /// When the agent made the call (the server stamps its own time on arrival).
    pub call_time: String,
    pub action_code: String,
    pub result_code: String,
    pub promise_date: Option<String>,
    pub remark: String,
    pub agent_id: String,
    pub server_code: Option<String>,
    pub server_message: Option<String>,
    pub delivered_by: Option<String>,
    pub ever_uncertain: bool,
    pub created_at: String,
    pub updated_at: String,
    pub next_attempt_at: Option<String>,
    /// What the account owed when the result was recorded (plain number), if known.
    pub total_due: Option<String>,
    /// Who answered (a `Party` wire name; `unknown` for results recorded before it was asked).
    pub party: String,
    /// The callback agreed on this call: when (UTC, RFC 3339) and in which zone.
    pub callback_due: Option<String>,
    pub callback_zone: Option<String>,
    /// The amount promised (plain number), for results that need a promise.
    pub promised_amount: Option<String>,
    #[serde(skip)]
    pub result: CollectionResult,
}

/// A result with what is kept beside it: who answered, the callback, the amounts, and the
/// circumstances its receipt records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub result: CollectionResult,
    pub party: Party,
    pub callback: Option<Callback>,
    pub promised_amount: Option<Money>,
    /// What the account owed when the result was recorded.
    pub total_due: Option<Money>,
    pub circumstances: Circumstances,
    /// The clock and the calling rules the circumstances were judged under.
    pub binding: Binding,
}

impl Noted {
    pub fn of(
        recorded: Recorded,
        total_due: Option<Money>,
        circumstances: Circumstances,
        binding: Binding,
    ) -> Noted {
        Noted {
            result: recorded.result,
            party: recorded.party,
            callback: recorded.callback,
            promised_amount: recorded.promised_amount,
            total_due,
            circumstances,
            binding,
        }
    }

    /// A result alone, its circumstances not judged (tests and benchmarks).
    pub fn bare(result: CollectionResult) -> Noted {
        Noted {
            result,
            party: Party::Unknown,
            callback: None,
            promised_amount: None,
            total_due: None,
            circumstances: Circumstances::unjudged(),
            binding: Binding::of(&crate::domain::window::CallingRules::default(), false),
        }
    }
}

/// The body of a result unsigned (no hash key), as JSON: what a receipt hashes when the
/// sender is not known (tests, benchmarks).
pub fn unsigned_body(r: &CollectionResult) -> Vec<u8> {
    serde_json::to_vec(&r.to_request("")).unwrap_or_default()
}

/// Saving without the anchor tag, hashing the unsigned body.
pub const PLAIN: Sending<'static> = Sending {
    anchor_in_remark: false,
    body: &unsigned_body,
};

/// A receipt as kept: the canonical JSON its hash was taken of, and that hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReceipt {
    pub result_id: i64,
    pub body: String,
    pub sha256: String,
}

/// What `audit --verify` reads: the chain as stored, every result's row as the receipts
/// state it, the first result recorded with receipts, and the delivered results' ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditRecords {
    pub chain: Vec<StoredReceipt>,
    pub results: std::collections::BTreeMap<i64, Facts>,
    pub receipts_since: Option<i64>,
    pub delivered: std::collections::BTreeSet<i64>,
}

impl StoredReceipt {
    /// The receipt with its hash (`None`: the body does not read as one).
    pub fn receipt(&self) -> Option<Receipt> {
        let mut r: Receipt = serde_json::from_str(&self.body).ok()?;
        r.sha256 = self.sha256.clone();
        Some(r)
    }
}

impl OutboxItem {
    pub fn day_record(&self) -> crate::domain::today::DayRecord {
        crate::domain::today::DayRecord {
            account_no: self.account_no.clone(),
            name: self.result.cust_name.clone(),
            action_code: self.action_code.clone(),
            call_time: self.result.call_time,
            promise_date: self.result.promise_date,
            state: self.state,
            total_due: self.total_due.as_deref().and_then(|m| m.parse().ok()),
            party: Party::parse(&self.party).unwrap_or_default(),
            promised_amount: self.promised_amount.as_deref().and_then(|m| m.parse().ok()),
            callback: self.callback(),
        }
    }

    /// The callback agreed on this call, if any.
    pub fn callback(&self) -> Option<Callback> {
        let due = chrono::DateTime::parse_from_rfc3339(self.callback_due.as_deref()?).ok()?;
        Some(Callback {
            due_utc: due.with_timezone(&chrono::Utc),
            zone: Zone::parse(self.callback_zone.as_deref()?)?,
        })
    }
}

/// A dial, or a dial outside the calling window with the consumer's consent (an override).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactEvent {
    pub account_no: String,
    pub at: String,
    pub phone: String,
    /// "dial" or "override".
    pub kind: String,
    pub reason: String,
    pub agent_id: String,
}

impl Serialize for DeliveryState {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub queued: usize,
    pub sending: usize,
    pub delivered: usize,
    pub rejected: usize,
    pub uncertain: usize,
    pub discarded: usize,
}

impl Counts {
    /// Results that are not yet known to be on the server.
    pub fn waiting(&self) -> usize {
        self.queued + self.sending
    }

    pub fn undelivered(&self) -> usize {
        self.queued + self.sending + self.rejected + self.uncertain
    }

    fn add(&mut self, state: &str, n: usize) {
        match DeliveryState::parse(state) {
            Some(DeliveryState::Queued) => self.queued = n,
            Some(DeliveryState::Sending) => self.sending = n,
            Some(DeliveryState::Delivered) => self.delivered = n,
            Some(DeliveryState::Rejected) => self.rejected = n,
            Some(DeliveryState::Uncertain) => self.uncertain = n,
            Some(DeliveryState::Discarded) => self.discarded = n,
            None => {}
        }
    }
}

/// The outbox's schema, kept in `PRAGMA user_version`. 0 is every outbox written before
/// versions were kept (release 0.1.0 and earlier); `MIGRATIONS[v]` takes version `v` to `v + 1`.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Forward-only migrations, in order; each runs in one transaction with its new
/// `user_version`, so that a crash leaves the database at one version or the next. Append
/// only: a migration that has shipped is never edited (its outboxes are already on desks).
const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 1,
        what: "adopt an unversioned outbox (0.1.0): results, contacts, total_due, sending_pid",
        run: adopt_unversioned,
    },
    Migration {
        to: 2,
        what: "who answered, callbacks, promised amounts, and a receipt per result",
        run: |tx| tx.execute_batch(SCHEMA_V2),
    },
    Migration {
        to: 3,
        what: "receipts numbered (seq), tagged, corrections kept, and where receipts began",
        run: |tx| tx.execute_batch(SCHEMA_V3),
    },
    Migration {
        to: 4,
        what: "what has been pushed to the team ledger",
        run: |tx| tx.execute_batch(SCHEMA_V4),
    },
];

/// Version 4: what the team ledger (`src/team`) already holds. `ledger_versions`: each
/// result as it stood when pushed (its `updated_at`), numbered in order (`n`, the ledger's key
/// with the agent id, so that a push retried after a lost answer changes nothing);
/// `ledger_marks`: the last receipt (`receipts.n`) and list read (`rowid`) pushed.
const SCHEMA_V4: &str = "
CREATE TABLE ledger_versions (
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    result_id  INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    pushed     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ledger_versions_result ON ledger_versions(result_id, updated_at);
CREATE TABLE ledger_marks (
    kind TEXT PRIMARY KEY,
    upto INTEGER NOT NULL
);
";

/// Version 3: the receipts in the order they were chained (`n`), each with its `seq` (none
/// for those written before), the tag its result carried and its `prev_sha256` beside the
/// body, so that a correction (an edited rejected result) adds a receipt; and the first
/// result recorded with receipts (`receipts_since`), so that results after it without one
/// show.
const SCHEMA_V3: &str = "
CREATE TABLE receipts_v3 (
    n           INTEGER PRIMARY KEY AUTOINCREMENT,
    result_id   INTEGER NOT NULL,
    seq         INTEGER UNIQUE,
    tag         TEXT,
    prev_sha256 TEXT NOT NULL,
    body        TEXT NOT NULL,
    sha256      TEXT NOT NULL
);
INSERT INTO receipts_v3 (result_id, prev_sha256, body, sha256)
    SELECT result_id, COALESCE(json_extract(body, '$.prev_sha256'), ''), body, sha256
    FROM receipts ORDER BY result_id;
DROP TABLE receipts;
ALTER TABLE receipts_v3 RENAME TO receipts;
CREATE INDEX receipts_result ON receipts(result_id);
CREATE TABLE audit_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO audit_meta (key, value) VALUES ('receipts_since', CAST(COALESCE(
    (SELECT MIN(result_id) FROM receipts),
    (SELECT COALESCE(MAX(id), 0) + 1 FROM results)) AS TEXT));
";

/// Version 2: what is kept beside a result, the chain of receipts (one per result recorded
/// from now on; results before it have none), and what each task list read showed of the
/// accounts whose promise is being judged (`domain::verdict`: the evidence of kept and
/// broken promises).
const SCHEMA_V2: &str = "
ALTER TABLE results ADD COLUMN party TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE results ADD COLUMN callback_due TEXT;
ALTER TABLE results ADD COLUMN callback_zone TEXT;
ALTER TABLE results ADD COLUMN promised_amount TEXT;
CREATE INDEX results_callback ON results(callback_due) WHERE callback_due IS NOT NULL;
CREATE TABLE receipts (
    result_id INTEGER PRIMARY KEY REFERENCES results(id),
    body      TEXT NOT NULL,
    sha256    TEXT NOT NULL
);
CREATE TABLE list_reads (
    account_no TEXT NOT NULL,
    read_at    TEXT NOT NULL,
    last_paid  TEXT,
    overdue    INTEGER
);
CREATE INDEX list_reads_read_at ON list_reads(read_at);
";

/// What a receipt records of the call's judgement: its circumstances, what they were judged
/// under, and the receipt it corrects (if it is a correction's).
struct Judged<'a> {
    circumstances: &'a Circumstances,
    binding: &'a Binding,
    corrects: Option<u64>,
}

struct Migration {
    to: i64,
    what: &'static str,
    run: fn(&rusqlite::Transaction) -> rusqlite::Result<()>,
}

/// Version 1: the tables of 0.1.0, created when missing (a new file) or completed with the
/// columns that release added to older files on open.
fn adopt_unversioned(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(SCHEMA_V1)?;
    for (column, kind) in V1_ADDED_COLUMNS {
        let present = tx
            .prepare("SELECT 1 FROM pragma_table_info('results') WHERE name = ?1")?
            .exists([column])?;
        if !present {
            tx.execute_batch(&format!("ALTER TABLE results ADD COLUMN {column} {kind}"))?;
        }
    }
    Ok(())
}

const SCHEMA_V1: &str = "
CREATE TABLE IF NOT EXISTS results (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_no      TEXT NOT NULL,
    cust_name       TEXT NOT NULL,
    action_code     TEXT NOT NULL,
    result_code     TEXT NOT NULL,
    promise_date    TEXT,
    period          INTEGER NOT NULL,
    remark          TEXT NOT NULL,
    agent_id        TEXT NOT NULL,
    ip_address      TEXT NOT NULL,
    call_time       TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    server_code     TEXT,
    server_message  TEXT,
    delivered_by    TEXT,
    ever_uncertain  INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_state ON results(state, next_attempt_at);
CREATE TABLE IF NOT EXISTS contacts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_no TEXT NOT NULL,
    at         TEXT NOT NULL,
    phone      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    agent_id   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contacts_account ON contacts(account_no, at);
CREATE INDEX IF NOT EXISTS results_account ON results(account_no, call_time);
";

const COLUMNS: &str = "id, account_no, cust_name, action_code, result_code, promise_date, period, remark, \
    agent_id, ip_address, call_time, state, attempts, last_error, server_code, server_message, \
    delivered_by, ever_uncertain, next_attempt_at, created_at, updated_at, total_due, \
    party, callback_due, callback_zone, promised_amount";

/// Columns 0.1.0 added to the first tables (present in every version-1 outbox).
const V1_ADDED_COLUMNS: &[(&str, &str)] = &[("total_due", "TEXT"), ("sending_pid", "INTEGER")];

pub struct Outbox {
    conn: Connection,
    path: PathBuf,
}

fn stamp(t: NaiveDateTime) -> String {
    dates::wire(t)
}

fn read_item(row: &Row) -> rusqlite::Result<OutboxItem> {
    let call_time: String = row.get(10)?;
    let promise: Option<String> = row.get(5)?;
    let state: String = row.get(11)?;
    let result = CollectionResult {
        account_no: row.get(1)?,
        call_time: dates::parse_datetime(&call_time).unwrap_or_default(),
        cust_name: row.get(2)?,
        action_code: row.get(3)?,
        result_code: row.get(4)?,
        promise_date: promise.as_deref().and_then(dates::parse_date),
        period: row.get::<_, i64>(6)?.max(0) as u32,
        remark: row.get(7)?,
        agent_id: row.get(8)?,
        ip_address: row.get(9)?,
    };
    Ok(OutboxItem {
        id: row.get(0)?,
        account_no: result.account_no.clone(),
        state: DeliveryState::parse(&state).unwrap_or(DeliveryState::Uncertain),
        attempts: row.get::<_, i64>(12)?.max(0) as u32,
        last_error: row.get(13)?,
        call_time,
        action_code: result.action_code.clone(),
        result_code: result.result_code.clone(),
        promise_date: promise,
        remark: result.remark.clone(),
        agent_id: result.agent_id.clone(),
        server_code: row.get(14)?,
        server_message: row.get(15)?,
        delivered_by: row.get(16)?,
        ever_uncertain: row.get::<_, i64>(17)? != 0,
        next_attempt_at: row.get(18)?,
        created_at: row.get(19)?,
        updated_at: row.get(20)?,
        total_due: row.get(21)?,
        party: row.get(22)?,
        callback_due: row.get(23)?,
        callback_zone: row.get(24)?,
        promised_amount: row.get(25)?,
        result,
    })
}

impl Outbox {
    /// Opens (creating) the outbox. Results caught mid-send by a crash become uncertain: they
    /// may have reached the server.
    ///
    /// It holds names, phones, remarks and consent reasons: folders it creates are 0700, the
    /// database and its -wal and -shm files 0600 (SQLite gives those the database's mode).
    pub fn open(path: &Path) -> Result<Outbox, StoreError> {
        let folder = |dir: &Path, e: std::io::Error| StoreError::Folder {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::files::create_private_dir(dir).map_err(|e| folder(dir, e))?;
        }
        // Created private before SQLite opens it, so that no moment finds it readable.
        match crate::files::create_new_private(path) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(folder(path, e));
            }
            _ => {}
        }
        // A newer deskcoll's outbox is refused before anything is written to it (not even
        // the journal mode or the file's mode).
        let found = schema_version(path)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Sql {
            path: path.to_path_buf(),
            source,
        })?;
        let mut outbox = Outbox {
            conn,
            path: path.to_path_buf(),
        };
        outbox.restrict().map_err(|e| folder(path, e))?;
        outbox.init()?;
        outbox.restrict().map_err(|e| folder(path, e))?;
        Ok(outbox)
    }

    /// The database and its companions, readable by the owner only (older files included).
    fn restrict(&self) -> std::io::Result<()> {
        crate::files::restrict(&self.path)?;
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut companion = self.path.clone().into_os_string();
            companion.push(suffix);
            crate::files::restrict(Path::new(&companion))?;
        }
        Ok(())
    }

    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T, StoreError> {
        r.map_err(|source| StoreError::Sql {
            path: self.path.clone(),
            source,
        })
    }

    fn init(&mut self) -> Result<(), StoreError> {
        let r = self
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| self.conn.pragma_update(None, "synchronous", "FULL"))
            .and_then(|_| self.conn.busy_timeout(std::time::Duration::from_secs(5)));
        self.sql(r)?;
        self.migrate()?;
        // Results caught mid-send by a process that is gone: they may have reached the
        // server. A send still under way in another running deskcoll is left alone.
        let stranded: rusqlite::Result<Vec<(i64, Option<i64>)>> = self
            .conn
            .prepare("SELECT id, sending_pid FROM results WHERE state = 'sending'")
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect());
        for (id, pid) in self.sql(stranded)? {
            if pid.is_some_and(process_alive) {
                continue;
            }
            let r = self.conn.execute(
                "UPDATE results SET state = 'uncertain', ever_uncertain = 1, sending_pid = NULL,
                     last_error = 'the program stopped while sending: it may have reached the server'
                 WHERE id = ?1 AND state = 'sending'",
                [id],
            );
            self.sql(r)?;
        }
        Ok(())
    }

    /// Brings the database to `SCHEMA_VERSION`, one migration (one transaction) at a time.
    /// Each takes the write lock first and reads the version again under it, so that two
    /// deskcolls starting together migrate once; a newer version found then is refused.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            let step = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                let Some(m) = MIGRATIONS.get(version.max(0) as usize) else {
                    return Ok(Err(version));
                };
                debug_assert_eq!(m.to, version + 1);
                tracing::info!(
                    from = version,
                    to = m.to,
                    what = m.what,
                    "migrating the outbox"
                );
                (m.run)(&tx)?;
                tx.pragma_update(None, "user_version", m.to)?;
                tx.commit()?;
                Ok(Ok(()))
            })();
            match self.sql(step)? {
                Ok(()) => continue,
                Err(version) if version > SCHEMA_VERSION => {
                    return Err(StoreError::Newer {
                        path: self.path.clone(),
                        found: version,
                        known: SCHEMA_VERSION,
                    });
                }
                Err(_) => return Ok(()),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The chain's head: the last receipt's `seq` (if it has one) and hash.
    fn head(tx: &rusqlite::Transaction) -> rusqlite::Result<(Option<u64>, String)> {
        Ok(tx
            .query_row(
                "SELECT seq, sha256 FROM receipts ORDER BY n DESC LIMIT 1",
                [],
                |row| Ok((row.get::<_, Option<i64>>(0)?, row.get(1)?)),
            )
            .optional()?
            .map(|(seq, sha)| (seq.map(|s| s.max(0) as u64), sha))
            .unwrap_or((None, GENESIS.to_string())))
    }

    /// Chains a receipt to the head for result `id` as it is now sent (`sent`), and keeps it.
    /// Returns the remark to send: `sent`'s with the tag (the anchor) when it is on.
    fn chain_receipt(
        tx: &rusqlite::Transaction,
        id: i64,
        sent: &mut CollectionResult,
        facts_of: impl Fn(&CollectionResult) -> Facts,
        judged: Judged,
        sending: &Sending,
    ) -> rusqlite::Result<()> {
        let Judged {
            circumstances: c,
            binding: b,
            corrects,
        } = judged;
        let (last, prev) = Self::head(tx)?;
        let seq = last.map_or(1, |s| s + 1);
        let tag = if sending.anchor_in_remark {
            let tag = receipt::tag(seq, &prev);
            sent.remark = receipt::tagged_remark(&sent.remark, &tag);
            tag
        } else {
            String::new()
        };
        let body_sha256 = receipt::digest_bytes(&(sending.body)(sent));
        let link = Link {
            seq,
            result_id: id,
            prev_sha256: prev.clone(),
            tag: tag.clone(),
            body_sha256,
            corrects,
        };
        let r = Receipt::seal(&facts_of(sent), c, b, &link);
        tx.execute(
            "INSERT INTO receipts (result_id, seq, tag, prev_sha256, body, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, seq as i64, tag, prev, r.canonical(), r.sha256],
        )?;
        Ok(())
    }

    /// Inserts a result and its receipt, chained to the last receipt. Runs inside a write
    /// transaction, so that two processes never chain to the same receipt.
    fn insert(
        tx: &rusqlite::Transaction,
        n: &Noted,
        now: &str,
        sending: &Sending,
    ) -> rusqlite::Result<i64> {
        let mut r = n.result.clone();
        tx.execute(
            "INSERT INTO results (account_no, cust_name, action_code, result_code, promise_date, period,
                 remark, agent_id, ip_address, call_time, state, attempts, created_at, updated_at, total_due,
                 party, callback_due, callback_zone, promised_amount)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'queued', 0, ?11, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                r.account_no,
                r.cust_name,
                r.action_code,
                r.result_code,
                r.promise_date.map(|d| d.to_string()),
                r.period,
                r.remark,
                r.agent_id,
                r.ip_address,
                stamp(r.call_time),
                now,
                n.total_due.map(|m| m.plain()),
                n.party.wire(),
                n.callback.map(|c| c.due_utc.to_rfc3339()),
                n.callback.map(|c| c.zone.name()),
                n.promised_amount.map(|m| m.plain()),
            ],
        )?;
        let id = tx.last_insert_rowid();
        let facts_of = |sent: &CollectionResult| Facts::of(sent, n.party, n.promised_amount);
        Self::chain_receipt(
            tx,
            id,
            &mut r,
            facts_of,
            Judged {
                circumstances: &n.circumstances,
                binding: &n.binding,
                corrects: None,
            },
            sending,
        )?;
        if r.remark != n.result.remark {
            tx.execute(
                "UPDATE results SET remark = ?2 WHERE id = ?1",
                params![id, r.remark],
            )?;
        }
        Ok(id)
    }

    /// Saves a result durably; it is on disk when this returns.
    pub fn enqueue(&mut self, r: &CollectionResult, now: NaiveDateTime) -> Result<i64, StoreError> {
        self.enqueue_noted(&Noted::bare(r.clone()), now)
    }

    /// Saves a result with what is kept beside it, and its receipt.
    pub fn enqueue_noted(&mut self, n: &Noted, now: NaiveDateTime) -> Result<i64, StoreError> {
        self.enqueue_all_noted(std::slice::from_ref(n), now)
            .map(|ids| ids[0])
    }

    /// Keeps a dial (or an override of the calling window) in the account's history.
    pub fn log_contact(&mut self, e: &ContactEvent) -> Result<(), StoreError> {
        let r = self.conn.execute(
            "INSERT INTO contacts (account_no, at, phone, kind, reason, agent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![e.account_no, e.at, e.phone, e.kind, e.reason, e.agent_id],
        );
        self.sql(r).map(|_| ())
    }

    /// Dials and overrides on `day`, oldest first.
    pub fn contacts_on(&self, day: NaiveDate) -> Result<Vec<ContactEvent>, StoreError> {
        let r = (|| {
            let mut stmt = self.conn.prepare(
                "SELECT account_no, at, phone, kind, reason, agent_id FROM contacts WHERE at BETWEEN ?1 AND ?2 ORDER BY id",
            )?;
            let rows = stmt.query_map(
                [format!("{day} 00:00:00"), format!("{day} 23:59:59")],
                |row| {
                    Ok(ContactEvent {
                        account_no: row.get(0)?,
                        at: row.get(1)?,
                        phone: row.get(2)?,
                        kind: row.get(3)?,
                        reason: row.get(4)?,
                        agent_id: row.get(5)?,
                    })
                },
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })();
        self.sql(r)
    }

    /// Saves several results in one transaction: all of them or none.
    pub fn enqueue_all(
        &mut self,
        results: &[CollectionResult],
        now: NaiveDateTime,
    ) -> Result<Vec<i64>, StoreError> {
        let noted: Vec<_> = results.iter().cloned().map(Noted::bare).collect();
        self.enqueue_all_noted(&noted, now)
    }

    /// Saves several results with what is kept beside each, and their receipts, in one
    /// transaction: all of them or none.
    pub fn enqueue_all_noted(
        &mut self,
        results: &[Noted],
        now: NaiveDateTime,
    ) -> Result<Vec<i64>, StoreError> {
        self.enqueue_all_sealed(results, now, &PLAIN)
    }

    /// As `enqueue_all_noted`, each receipt binding the body `sending` sends, and each
    /// remark ending with its anchor tag when `sending` says so.
    pub fn enqueue_all_sealed(
        &mut self,
        results: &[Noted],
        now: NaiveDateTime,
        sending: &Sending,
    ) -> Result<Vec<i64>, StoreError> {
        let now = stamp(now);
        let r = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let ids = results
                .iter()
                .map(|n| Self::insert(&tx, n, &now, sending))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tx.commit()?;
            Ok(ids)
        })();
        self.sql(r)
    }

    /// Every receipt as kept, in the order they were chained (for `audit --verify` and the
    /// export: no join, so that a result removed from under its receipt cannot hide it; the
    /// export selects by the receipts' own call times).
    pub fn receipt_chain(&self) -> Result<Vec<StoredReceipt>, StoreError> {
        self.select_receipts(
            "SELECT result_id, body, sha256 FROM receipts ORDER BY n",
            [],
        )
    }

    /// The receipts of results called from `from` to `to` (local dates, inclusive; `None`:
    /// open), oldest first, chosen by the call time each receipt states (a receipt that does
    /// not read is kept: the caller says so).
    pub fn receipts(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<StoredReceipt>, StoreError> {
        let from = from.map_or(String::new(), |d| format!("{d} 00:00:00"));
        let to = to.map_or("9999".to_string(), |d| format!("{d} 23:59:59"));
        let chain = self.receipt_chain()?;
        Ok(chain
            .into_iter()
            .filter(|s| {
                s.receipt()
                    .is_none_or(|r| r.call_time >= from && r.call_time <= to)
            })
            .collect())
    }

    /// What `audit --verify` checks: the chain, each result's row, where receipts began and
    /// which results were delivered.
    pub fn audit_records(&self) -> Result<AuditRecords, StoreError> {
        let chain = self.receipt_chain()?;
        let r = (|| {
            let mut stmt = self.conn.prepare(
                "SELECT id, account_no, action_code, result_code, call_time, promise_date,
                        promised_amount, party, state FROM results ORDER BY id",
            )?;
            let mut results = std::collections::BTreeMap::new();
            let mut delivered = std::collections::BTreeSet::new();
            let rows = stmt.query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    Facts {
                        account_no: row.get(1)?,
                        action_code: row.get(2)?,
                        result_code: row.get(3)?,
                        call_time: row.get(4)?,
                        promise_date: row.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        amount: row.get::<_, Option<String>>(6)?.unwrap_or_default(),
                        party: row.get(7)?,
                    },
                    row.get::<_, String>(8)?,
                ))
            })?;
            for row in rows {
                let (id, facts, state) = row?;
                if state == DeliveryState::Delivered.as_str() {
                    delivered.insert(id);
                }
                results.insert(id, facts);
            }
            let since: Option<String> = self
                .conn
                .query_row(
                    "SELECT value FROM audit_meta WHERE key = 'receipts_since'",
                    [],
                    |row| row.get(0),
                )
                .optional()?;
            Ok((results, delivered, since.and_then(|s| s.parse().ok())))
        })();
        let (results, delivered, receipts_since) = self.sql(r)?;
        Ok(AuditRecords {
            chain,
            results,
            receipts_since,
            delivered,
        })
    }

    /// Receipts by a query whose columns are result_id, body, sha256.
    fn select_receipts(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<StoredReceipt>, StoreError> {
        let r = (|| {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(args, |row| {
                Ok(StoredReceipt {
                    result_id: row.get(0)?,
                    body: row.get(1)?,
                    sha256: row.get(2)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })();
        self.sql(r)
    }

    pub fn get(&self, id: i64) -> Result<OutboxItem, StoreError> {
        let r = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM results WHERE id = ?1"),
                [id],
                read_item,
            )
            .optional();
        self.sql(r)?.ok_or(StoreError::NoSuchItem(id))
    }

    fn select(
        &self,
        clause: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let r = (|| {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT {COLUMNS} FROM results {clause}"))?;
            let rows = stmt.query_map(args, read_item)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })();
        self.sql(r)
    }

    /// Every result, oldest first.
    pub fn list(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.select("ORDER BY id", [])
    }

    /// What a screen needs: every result still open, and the latest `limit` of the others.
    pub fn recent(&self, limit: usize) -> Result<Vec<OutboxItem>, StoreError> {
        self.select(
            "WHERE state IN ('queued', 'sending', 'rejected', 'uncertain')
                OR id > (SELECT COALESCE(MAX(id), 0) FROM results) - ?1
             ORDER BY id",
            [limit as i64],
        )
    }

    /// One account's timeline, newest call first.
    pub fn history(&self, account_no: &str) -> Result<Vec<OutboxItem>, StoreError> {
        self.select(
            "WHERE account_no = ?1 ORDER BY call_time DESC, id DESC",
            [account_no],
        )
    }

    /// Results with a call time on `day` (local), for the day's figures and contact counts.
    pub fn on_day(&self, day: NaiveDate) -> Result<Vec<OutboxItem>, StoreError> {
        let from = format!("{day} 00:00:00");
        let to = format!("{day} 23:59:59");
        self.select(
            "WHERE call_time BETWEEN ?1 AND ?2 AND state != 'discarded' ORDER BY id",
            [from, to],
        )
    }

    /// The promises among the results (not discarded, not rejected), read without the rest
    /// of each result.
    pub fn promises(&self) -> Result<Vec<Promise>, StoreError> {
        let r = (|| {
            let mut stmt = self.conn.prepare(
                "SELECT account_no, promise_date, call_time FROM results
                 WHERE promise_date IS NOT NULL AND state NOT IN ('discarded', 'rejected')",
            )?;
            let rows = stmt.query_map([], |row| {
                let date: String = row.get(1)?;
                let call: String = row.get(2)?;
                Ok((row.get::<_, String>(0)?, date, call))
            })?;
            let mut promises = Vec::new();
            for row in rows {
                let (account_no, date, call) = row?;
                if let (Some(promise_date), Some(call_time)) =
                    (dates::parse_date(&date), dates::parse_datetime(&call))
                {
                    promises.push(Promise {
                        account_no,
                        promise_date,
                        call_time,
                        ..Promise::default()
                    });
                }
            }
            Ok(promises)
        })();
        self.sql(r)
    }

    /// What list reads from `since` on showed of the accounts being judged, oldest first.
    pub fn list_reads(&self, since: NaiveDateTime) -> Result<Vec<ListRead>, StoreError> {
        let r = (|| {
            let mut stmt = self.conn.prepare(
                "SELECT account_no, read_at, last_paid, overdue FROM list_reads
                 WHERE read_at >= ?1 ORDER BY read_at, rowid",
            )?;
            let rows = stmt.query_map([stamp(since)], |row| {
                let read_at: String = row.get(1)?;
                let last_paid: Option<String> = row.get(2)?;
                Ok(ListRead {
                    account_no: row.get(0)?,
                    read_at: dates::parse_datetime(&read_at).unwrap_or_default(),
                    last_paid: last_paid.as_deref().and_then(dates::parse_date),
                    overdue: row.get(3)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })();
        self.sql(r)
    }

    /// Keeps what a task list read at `read_at` shows of the accounts whose promise is still
    /// being judged (`verdict::to_keep`), in one transaction. Returns the rows kept.
    pub fn keep_list_read(
        &mut self,
        tasks: &[Task],
        read_at: NaiveDateTime,
        grace_days: i64,
    ) -> Result<usize, StoreError> {
        let promises = self.promises()?;
        // Only reads after a promise was made can be evidence about it.
        let latest = crate::domain::promise::latest(&promises);
        let Some(since) = latest.values().map(|p| p.call_time).min() else {
            return Ok(0);
        };
        let reads = self.list_reads(since)?;
        let rows = verdict::to_keep(tasks, read_at, &promises, &reads, grace_days);
        if rows.is_empty() {
            return Ok(0);
        }
        let r = (|| {
            let tx = self.conn.transaction()?;
            {
                let mut insert = tx.prepare(
                    "INSERT INTO list_reads (account_no, read_at, last_paid, overdue)
                     VALUES (?1, ?2, ?3, ?4)",
                )?;
                for row in &rows {
                    insert.execute(params![
                        row.account_no,
                        stamp(row.read_at),
                        row.last_paid.map(|d| d.to_string()),
                        row.overdue,
                    ])?;
                }
            }
            tx.commit()
        })();
        self.sql(r).map(|_| rows.len())
    }

    /// A number that changes when another connection (another deskcoll process) commits:
    /// a cheap way to tell that a screen's read of the outbox is stale.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        let r = self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0));
        self.sql(r)
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        let r = (|| {
            let mut stmt = self
                .conn
                .prepare("SELECT state, COUNT(*) FROM results GROUP BY state")?;
            let rows = stmt.query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as usize))
            })?;
            let mut c = Counts::default();
            for row in rows {
                let (state, n) = row?;
                c.add(&state, n);
            }
            Ok(c)
        })();
        self.sql(r)
    }

    /// Moves one result to `to` if the rules allow it, setting the given columns too.
    fn transition(
        &mut self,
        id: i64,
        to: DeliveryState,
        now: NaiveDateTime,
        set: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<(), StoreError> {
        let from = self.get(id)?.state;
        if !from.can_become(to) {
            return Err(StoreError::NotAllowed { id, from, to });
        }
        let (from_name, to_name) = (from.as_str(), to.as_str());
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&id, &from_name, &to_name];
        let now = stamp(now);
        values.push(&now);
        values.extend_from_slice(args);
        let extra = if set.is_empty() {
            String::new()
        } else {
            format!(", {set}")
        };
        let sql = format!(
            "UPDATE results SET state = ?3, updated_at = ?4{extra} WHERE id = ?1 AND state = ?2"
        );
        let changed = self.conn.execute(&sql, values.as_slice());
        match self.sql(changed)? {
            1 => Ok(()),
            // Someone else moved it first (another process flushing the same outbox).
            _ => Err(StoreError::NotAllowed { id, from, to }),
        }
    }

    /// Takes a queued result for sending (one attempt more). `None` when it is not queued.
    pub fn claim(&mut self, id: i64, now: NaiveDateTime) -> Result<Option<OutboxItem>, StoreError> {
        match self.transition(
            id,
            DeliveryState::Sending,
            now,
            "attempts = attempts + 1, next_attempt_at = NULL, sending_pid = ?5",
            &[&sender_mark(std::process::id())],
        ) {
            Ok(()) => self.get(id).map(Some),
            Err(StoreError::NotAllowed { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Queued results whose time has come (all of them with `ignore_schedule`), oldest first.
    pub fn due(&self, now: NaiveDateTime, ignore_schedule: bool) -> Result<Vec<i64>, StoreError> {
        let items = if ignore_schedule {
            self.select("WHERE state = 'queued' ORDER BY id", [])?
        } else {
            self.select(
                "WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?1) ORDER BY id",
                [stamp(now)],
            )?
        };
        Ok(items.into_iter().map(|i| i.id).collect())
    }

    pub fn mark_delivered(
        &mut self,
        id: i64,
        code: &str,
        message: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.transition(
            id,
            DeliveryState::Delivered,
            now,
            "server_code = ?5, server_message = ?6, delivered_by = 'server', last_error = NULL",
            &[&code, &message],
        )
    }

    pub fn mark_rejected(
        &mut self,
        id: i64,
        reason: &str,
        code: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.transition(
            id,
            DeliveryState::Rejected,
            now,
            "last_error = ?5, server_code = ?6",
            &[&reason, &code],
        )
    }

    pub fn mark_uncertain(
        &mut self,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.transition(
            id,
            DeliveryState::Uncertain,
            now,
            "last_error = ?5, ever_uncertain = 1",
            &[&reason],
        )
    }

    /// Back to the queue after a failure that cannot have stored it, to try again at `next`.
    pub fn requeue(
        &mut self,
        id: i64,
        reason: &str,
        next: NaiveDateTime,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.transition(
            id,
            DeliveryState::Queued,
            now,
            "last_error = ?5, next_attempt_at = ?6",
            &[&reason, &stamp(next)],
        )
    }

    /// Where the agent's decision takes this result, or `NotAllowed` from where it stands.
    fn decide(&self, id: i64, decision: Decision) -> Result<DeliveryState, StoreError> {
        let item = self.get(id)?;
        let from = item.state;
        decision
            .target(from, item.server_code.as_deref())
            .ok_or(StoreError::NotAllowed {
                id,
                from,
                to: decision.outcome(),
            })
    }

    /// The agent's decision on an uncertain result, or one refused with a `90`: it is on the
    /// server.
    pub fn resolve_delivered(&mut self, id: i64, now: NaiveDateTime) -> Result<(), StoreError> {
        let to = self.decide(id, Decision::MarkDelivered)?;
        self.transition(id, to, now, "delivered_by = 'agent'", &[])
    }

    /// The agent's decision: send a result again (uncertain, rejected), or a queued one now.
    /// Never one that is being sent: that would put a second request beside the first.
    pub fn resend(&mut self, id: i64, now: NaiveDateTime) -> Result<(), StoreError> {
        let to = self.decide(id, Decision::Send)?;
        self.transition(id, to, now, "next_attempt_at = NULL", &[])
    }

    /// Replaces what a rejected result says (the agent fixed it) and queues it again.
    pub fn edit(
        &mut self,
        id: i64,
        r: &CollectionResult,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.edit_sealed(id, r, now, &PLAIN)
    }

    /// As `edit`, with a receipt of the correction chained (it `corrects` the result's first
    /// receipt and keeps its call's circumstances); its remark ends with a new anchor tag
    /// when `sending` says so. Results recorded before receipts began get none.
    pub fn edit_sealed(
        &mut self,
        id: i64,
        r: &CollectionResult,
        now: NaiveDateTime,
        sending: &Sending,
    ) -> Result<(), StoreError> {
        let to = self.decide(id, Decision::Edit)?;
        let item = self.get(id)?;
        let from = item.state;
        if !from.can_become(to) {
            return Err(StoreError::NotAllowed { id, from, to });
        }
        // As the row keeps them: the correction does not change who answered or the amount.
        let kept = |sent: &CollectionResult| Facts {
            party: item.party.clone(),
            amount: item.promised_amount.clone().unwrap_or_default(),
            ..Facts::of(sent, Party::Unknown, None)
        };
        let tx_result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let receipts: Vec<String> = tx
                .prepare("SELECT body FROM receipts WHERE result_id = ?1 ORDER BY n")?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let original: Option<Receipt> =
                receipts.first().and_then(|b| serde_json::from_str(b).ok());
            let mut sent = CollectionResult {
                remark: receipt::untagged(&r.remark).to_string(),
                call_time: item.result.call_time,
                account_no: item.result.account_no.clone(),
                ..r.clone()
            };
            if let Some(original) = &original {
                let binding = Binding {
                    clock: if original.clock.as_deref() == Some("fixed") {
                        "fixed"
                    } else {
                        "system"
                    },
                    rules_sha256: original.rules_sha256.clone().unwrap_or_default(),
                    rules_source: ["default", "system", "user", "env", "flag"]
                        .into_iter()
                        .find(|s| original.rules_source.as_deref() == Some(*s))
                        .unwrap_or("default"),
                };
                Self::chain_receipt(
                    &tx,
                    id,
                    &mut sent,
                    kept,
                    Judged {
                        circumstances: &original.circumstances(),
                        binding: &binding,
                        corrects: original.seq,
                    },
                    sending,
                )?;
            } else {
                sent.remark = r.remark.clone();
            }
            let changed = tx.execute(
                "UPDATE results SET state = ?3, updated_at = ?4, action_code = ?5, result_code = ?6,
                     promise_date = ?7, period = ?8, remark = ?9, next_attempt_at = NULL
                 WHERE id = ?1 AND state = ?2",
                params![
                    id,
                    from.as_str(),
                    to.as_str(),
                    stamp(now),
                    sent.action_code,
                    sent.result_code,
                    sent.promise_date.map(|d| d.to_string()),
                    sent.period,
                    sent.remark,
                ],
            )?;
            if changed == 1 {
                tx.commit()?;
            }
            Ok(changed)
        })();
        match self.sql(tx_result)? {
            1 => Ok(()),
            _ => Err(StoreError::NotAllowed { id, from, to }),
        }
    }

    /// Makes a queued result due at once (a patient sender's own retry).
    pub fn resend_now(&mut self, id: i64) -> Result<(), StoreError> {
        let r = self.conn.execute(
            "UPDATE results SET next_attempt_at = NULL WHERE id = ?1 AND state = 'queued'",
            [id],
        );
        self.sql(r).map(|_| ())
    }

    /// The agent gives a result up: it will not be sent; the row stays, for the record.
    pub fn discard(&mut self, id: i64, now: NaiveDateTime) -> Result<(), StoreError> {
        let to = self.decide(id, Decision::Discard)?;
        self.transition(id, to, now, "", &[])
    }
}

/// The schema version of an outbox file, read without writing to it (0 for a new, empty
/// file or one written before versions were kept).
fn schema_version(path: &Path) -> Result<i64, StoreError> {
    use rusqlite::OpenFlags;
    let r = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| {
        // Another deskcoll may be creating or migrating it this very moment.
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        c.query_row("PRAGMA user_version", [], |r| r.get(0))
    });
    r.map_err(|source| StoreError::Sql {
        path: path.to_path_buf(),
        source,
    })
}

/// What `deskcoll doctor` learns about an outbox, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// `PRAGMA user_version` (see `SCHEMA_VERSION`).
    pub version: i64,
    /// The lines of `PRAGMA integrity_check`: `["ok"]` when sound.
    pub integrity: Vec<String>,
    /// Results by state; `None` when the file has no results table yet.
    pub counts: Option<Counts>,
}

impl Health {
    pub fn is_sound(&self) -> bool {
        self.integrity == ["ok"]
    }
}

/// Checks an existing outbox read-only: its schema version, `PRAGMA integrity_check` and
/// what it holds. Nothing is migrated, created or recovered.
pub fn inspect(path: &Path) -> Result<Health, StoreError> {
    use rusqlite::OpenFlags;
    let sql = |source| StoreError::Sql {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
    let r = (|| {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let integrity = conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let has_results = conn
            .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'results'")?
            .exists([])?;
        let counts = if has_results && integrity == ["ok"] {
            let mut c = Counts::default();
            let mut stmt = conn.prepare("SELECT state, COUNT(*) FROM results GROUP BY state")?;
            let rows = stmt.query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as usize))
            })?;
            for row in rows {
                let (state, n) = row?;
                c.add(&state, n);
            }
            Some(c)
        } else {
            None
        };
        Ok(Health {
            version,
            integrity,
            counts,
        })
    })();
    r.map_err(sql)
}

/// Process ids stay below 2^22 on Linux (`pid_max` at most 4,194,304).
const PID_BITS: u32 = 22;

/// What `sending_pid` holds for a send under way: the process id, and above it the
/// process's start time (clock ticks since boot, `/proc/PID/stat`), so that an id reused by
/// another process after a crash is not taken for the sender. A plain id (older rows, or
/// no start time to read) is judged by the id alone.
fn sender_mark(pid: u32) -> i64 {
    let start = process_start(pid).unwrap_or(0);
    ((start as i64) << PID_BITS) | i64::from(pid)
}

/// A process's start time in clock ticks since boot (field 22 of `/proc/PID/stat`).
fn process_start(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name (field 2) is in parentheses and may hold spaces: count after its end.
    let after = &stat[stat.rfind(')')? + 1..];
    let start = after.split_whitespace().nth(19)?.parse::<u64>().ok()?;
    // Kept only when it fits beside the id in a signed 64-bit column.
    (start < 1 << (63 - PID_BITS)).then_some(start)
}

/// Whether the process that marked a send (`sender_mark`) still runs: the same id and, when
/// its start time was kept, the same start (on Linux, by /proc; elsewhere assumed).
fn process_alive(mark: i64) -> bool {
    let pid = (mark & ((1 << PID_BITS) - 1)) as u32;
    let started = (mark >> PID_BITS) as u64;
    if pid == std::process::id() && (started == 0 || process_start(pid) == Some(started)) {
        // This very process opening its outbox again: its earlier sends are over.
        return false;
    }
    if cfg!(target_os = "linux") {
        match process_start(pid) {
            None => std::path::Path::new(&format!("/proc/{pid}")).exists() && started == 0,
            Some(now) => started == 0 || now == started,
        }
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        dates::parse_datetime(s).unwrap()
    }

    fn result(account: &str) -> CollectionResult {
        CollectionResult {
            account_no: account.into(),
            call_time: at("2026-11-27 09:15:00"),
            cust_name: "BUDI".into(),
            action_code: "PTP".into(),
            result_code: "PTP01".into(),
            promise_date: NaiveDate::from_ymd_opt(2026, 11, 30),
            period: 4,
            remark: "janji".into(),
            agent_id: "A1".into(),
            ip_address: "10.0.0.1".into(),
        }
    }

    fn outbox() -> (tempfile::TempDir, Outbox) {
        let dir = tempfile::tempdir().unwrap();
        let o = Outbox::open(&dir.path().join("sub/outbox.sqlite3")).unwrap();
        (dir, o)
    }

    #[test]
    fn resend_now_makes_a_scheduled_retry_due_at_once() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let id = o.enqueue(&result("A"), now).unwrap();
        o.claim(id, now).unwrap();
        o.requeue(id, "busy", at("2026-11-27 11:00:00"), now)
            .unwrap();
        assert!(o.due(now, false).unwrap().is_empty(), "scheduled for 11:00");
        o.resend_now(id).unwrap();
        assert_eq!(o.due(now, false).unwrap(), [id]);
    }

    #[test]
    fn health_is_sound_only_when_the_integrity_check_says_ok_alone() {
        let health = |lines: &[&str]| Health {
            version: SCHEMA_VERSION,
            integrity: lines.iter().map(|l| l.to_string()).collect(),
            counts: None,
        };
        assert!(health(&["ok"]).is_sound());
        assert!(!health(&["row 3 missing from index results_state"]).is_sound());
        assert!(!health(&[]).is_sound());
    }

    #[test]
    fn inspecting_a_database_without_results_counts_nothing_and_fails_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.sqlite3");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE other (x INTEGER);")
            .unwrap();
        let health = inspect(&path).unwrap();
        assert!(health.is_sound());
        assert_eq!(health.version, 0);
        assert_eq!(health.counts, None);
    }

    #[test]
    fn a_newer_schema_written_while_migrating_is_refused() {
        let (_d, mut o) = outbox();
        o.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(matches!(
            o.migrate(),
            Err(StoreError::Newer { found, known, .. })
                if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION
        ));
    }

    #[test]
    fn a_dial_is_kept_and_read_back_on_its_day() {
        let (_d, mut o) = outbox();
        let dial = ContactEvent {
            account_no: "A".into(),
            at: "2026-11-27 09:10:00".into(),
            phone: "0812".into(),
            kind: "override".into(),
            reason: "minta ditelepon malam".into(),
            agent_id: "AG".into(),
        };
        o.log_contact(&dial).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(o.contacts_on(day).unwrap(), [dial]);
        assert!(o.contacts_on(day.succ_opt().unwrap()).unwrap().is_empty());
    }

    #[test]
    fn recent_is_every_open_result_and_the_latest_others() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let ids = o
            .enqueue_all(&[result("A"), result("B"), result("C"), result("D")], now)
            .unwrap();
        for id in &ids[1..] {
            o.claim(*id, now).unwrap();
            o.mark_delivered(*id, "00", "ok", now).unwrap();
        }
        let recent: Vec<i64> = o.recent(1).unwrap().iter().map(|i| i.id).collect();
        assert_eq!(
            recent,
            [ids[0], ids[3]],
            "A is still queued; D is the latest"
        );
        assert_eq!(o.recent(10).unwrap().len(), 4);
    }

    #[test]
    fn data_version_changes_when_another_process_writes() {
        let (d, o) = outbox();
        let mut other = Outbox::open(&d.path().join("sub/outbox.sqlite3")).unwrap();
        let before = o.data_version().unwrap();
        assert_eq!(o.data_version().unwrap(), before, "nothing written");
        other
            .enqueue(&result("A"), at("2026-11-27 10:00:00"))
            .unwrap();
        assert_ne!(o.data_version().unwrap(), before);
    }

    #[test]
    fn waiting_is_queued_and_sending_and_undelivered_adds_the_refused_and_uncertain() {
        let c = Counts {
            queued: 1,
            sending: 2,
            delivered: 100,
            rejected: 4,
            uncertain: 8,
            discarded: 16,
        };
        assert_eq!(c.waiting(), 3);
        assert_eq!(c.undelivered(), 15);
    }

    #[test]
    fn an_outbox_file_that_cannot_be_created_is_refused_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x".repeat(300));
        match Outbox::open(&path) {
            Err(StoreError::Folder { path: named, .. }) => assert_eq!(named, path),
            other => panic!("{:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn each_result_keeps_a_chained_receipt_read_back_by_date_and_in_full() {
        let (_d, mut o) = outbox();
        let mut early = result("A");
        early.call_time = at("2026-11-26 09:00:00");
        let ids = o
            .enqueue_all(
                &[early, result("B"), result("C")],
                at("2026-11-27 10:00:00"),
            )
            .unwrap();
        let chain = o.receipt_chain().unwrap();
        assert_eq!(chain.iter().map(|r| r.result_id).collect::<Vec<_>>(), ids);
        assert_eq!(
            crate::domain::receipt::verify(
                chain.iter().map(|r| (r.body.as_str(), r.sha256.as_str()))
            )
            .map(|r| r.len()),
            Ok(3)
        );
        let first = chain[0].receipt().expect("a receipt");
        assert_eq!(first.account_no, "A");
        assert_eq!(first.sha256, chain[0].sha256);
        assert_eq!(chain[1].receipt().unwrap().prev_sha256, chain[0].sha256);
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        let on_27th = o.receipts(day("2026-11-27"), day("2026-11-27")).unwrap();
        assert_eq!(
            on_27th.iter().map(|r| r.result_id).collect::<Vec<_>>(),
            ids[1..]
        );
        assert_eq!(o.receipts(None, day("2026-11-26")).unwrap().len(), 1);
        assert_eq!(o.receipts(None, None).unwrap(), chain);
        let unreadable = StoredReceipt {
            body: "not json".into(),
            ..chain[0].clone()
        };
        assert_eq!(unreadable.receipt(), None);
    }

    #[test]
    fn a_result_goes_queued_sending_delivered_with_its_call_time() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let id = o.enqueue(&result("A"), now).unwrap();
        assert_eq!(o.get(id).unwrap().state, DeliveryState::Queued);
        let item = o.claim(id, now).unwrap().unwrap();
        assert_eq!(item.attempts, 1);
        assert_eq!(item.result, result("A"));
        assert!(o.claim(id, now).unwrap().is_none(), "no double claim");
        o.mark_delivered(id, "00", "Sukses", now).unwrap();
        let done = o.get(id).unwrap();
        assert_eq!(done.state, DeliveryState::Delivered);
        assert_eq!(done.call_time, "2026-11-27 09:15:00");
        assert_eq!(done.delivered_by.as_deref(), Some("server"));
    }

    fn version_of(path: &Path) -> i64 {
        Connection::open(path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_new_outbox_is_at_the_current_schema() {
        let (_d, o) = outbox();
        assert_eq!(version_of(o.path()), SCHEMA_VERSION);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.to, i as i64 + 1, "{}", m.what);
        }
        let health = inspect(o.path()).unwrap();
        assert!(health.is_sound());
        assert_eq!(health.version, SCHEMA_VERSION);
        assert_eq!(health.counts, Some(Counts::default()));
    }

    /// The tables as release 0.1.0 wrote them (its `SCHEMA`, then its two added columns),
    /// frozen here: the oldest outbox a desk may have.
    const RELEASE_0_1_0: &str = "
        CREATE TABLE results (
            id INTEGER PRIMARY KEY AUTOINCREMENT, account_no TEXT NOT NULL, cust_name TEXT NOT NULL,
            action_code TEXT NOT NULL, result_code TEXT NOT NULL, promise_date TEXT,
            period INTEGER NOT NULL, remark TEXT NOT NULL, agent_id TEXT NOT NULL,
            ip_address TEXT NOT NULL, call_time TEXT NOT NULL, state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, server_code TEXT,
            server_message TEXT, delivered_by TEXT, ever_uncertain INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX results_state ON results(state, next_attempt_at);
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, account_no TEXT NOT NULL, at TEXT NOT NULL,
            phone TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, agent_id TEXT NOT NULL);
        CREATE INDEX contacts_account ON contacts(account_no, at);
        CREATE INDEX results_account ON results(account_no, call_time);
    ";

    #[test]
    fn an_unversioned_outbox_keeps_its_results_and_contacts() {
        let dir = tempfile::tempdir().unwrap();
        for with_added_columns in [false, true] {
            let path = dir.path().join(format!("old-{with_added_columns}.sqlite3"));
            {
                let c = Connection::open(&path).unwrap();
                c.execute_batch(RELEASE_0_1_0).unwrap();
                if with_added_columns {
                    c.execute_batch(
                        "ALTER TABLE results ADD COLUMN total_due TEXT;
                         ALTER TABLE results ADD COLUMN sending_pid INTEGER;",
                    )
                    .unwrap();
                }
                c.execute_batch(
                    "INSERT INTO results (account_no, cust_name, action_code, result_code, promise_date,
                         period, remark, agent_id, ip_address, call_time, state, attempts, last_error,
                         created_at, updated_at)
                     VALUES ('A', 'BUDI', 'NCT', 'NCT01', NULL, 3, 'tidak diangkat', 'A1', '10.0.0.1',
                         '2026-11-27 09:15:00', 'uncertain', 2, 'timed out',
                         '2026-11-27 09:15:01', '2026-11-27 09:16:00');
                     INSERT INTO contacts (account_no, at, phone, kind, reason, agent_id)
                     VALUES ('A', '2026-11-27 21:05:00', '0811', 'override', 'consent by phone', 'A1');",
                )
                .unwrap();
            }
            let o = Outbox::open(&path).unwrap();
            assert_eq!(version_of(&path), SCHEMA_VERSION);
            let item = o.get(1).unwrap();
            assert_eq!(item.state, DeliveryState::Uncertain);
            assert_eq!(
                (item.attempts, item.call_time.as_str(), item.remark.as_str()),
                (2, "2026-11-27 09:15:00", "tidak diangkat")
            );
            assert_eq!(item.total_due, None);
            let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
            let contacts = o.contacts_on(day).unwrap();
            assert_eq!(contacts.len(), 1);
            assert_eq!(contacts[0].reason, "consent by phone");
            drop(o);
            // Opening again finds nothing to do.
            Outbox::open(&path).unwrap();
            assert_eq!(version_of(&path), SCHEMA_VERSION);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_newer_outbox_is_refused_in_one_line_and_left_untouched() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.sqlite3");
        {
            let mut o = Outbox::open(&path).unwrap();
            o.enqueue(&result("A"), at("2026-11-27 10:00:00")).unwrap();
            o.conn
                .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        // A mode of its own, to see that not even that is changed.
        crate::files::set_mode(&path, 0o640).unwrap();
        let before = std::fs::read(&path).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));

        let err = Outbox::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::Newer { found, known, .. }
            if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION));
        let msg = err.to_string();
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains("newer deskcoll"), "{msg}");

        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), before, "same bytes");
        assert_eq!(after.modified().unwrap(), meta.modified().unwrap());
        assert_eq!(after.mode(), meta.mode());
        assert_eq!(after.ctime_nsec(), meta.ctime_nsec(), "not even chmod");
        // The doctor can still look at it.
        let health = inspect(&path).unwrap();
        assert_eq!(health.version, SCHEMA_VERSION + 1);
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_broken_file_is_not_sound() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        {
            let mut o = Outbox::open(&path).unwrap();
            let now = at("2026-11-27 10:00:00");
            for i in 0..200 {
                o.enqueue(&result(&format!("A{i}")), now).unwrap();
            }
            o.conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
                .unwrap();
        }
        let mut bytes = std::fs::read(&path).unwrap();
        let len = bytes.len();
        // Scribble over the middle of the file (its pages), keeping the header.
        for b in &mut bytes[len / 2..len / 2 + 4096] {
            *b = 0x5a;
        }
        std::fs::write(&path, &bytes).unwrap();
        match inspect(&path) {
            Ok(h) => assert!(!h.is_sound(), "{h:?}"),
            Err(StoreError::Sql { .. }) => {}
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn reopening_turns_sending_into_uncertain() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        let now = at("2026-11-27 10:00:00");
        {
            let mut o = Outbox::open(&path).unwrap();
            let id = o.enqueue(&result("A"), now).unwrap();
            o.enqueue(&result("B"), now).unwrap();
            o.claim(id, now).unwrap();
        }
        let o = Outbox::open(&path).unwrap();
        let items = o.list().unwrap();
        assert_eq!(items[0].state, DeliveryState::Uncertain);
        assert!(items[0].ever_uncertain);
        assert_eq!(items[1].state, DeliveryState::Queued);
    }

    #[cfg(unix)]
    #[test]
    fn the_outbox_and_its_folder_are_the_owners_only() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/outbox.sqlite3");
        let mut o = Outbox::open(&path).unwrap();
        let now = at("2026-11-27 10:00:00");
        o.enqueue(&result("A"), now).unwrap();
        assert_eq!(mode(&dir.path().join("new")), 0o700);
        assert_eq!(mode(&path), 0o600);
        for suffix in ["-wal", "-shm"] {
            let companion = dir.path().join(format!("new/outbox.sqlite3{suffix}"));
            assert_eq!(mode(&companion), 0o600, "{suffix}");
        }
        drop(o);
        // An outbox an older version left open is closed on the next start.
        crate::files::set_mode(&path, 0o644).unwrap();
        Outbox::open(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn uncertain_needs_a_decision() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let a = o.enqueue(&result("A"), now).unwrap();
        let b = o.enqueue(&result("B"), now).unwrap();
        for id in [a, b] {
            o.claim(id, now).unwrap();
            o.mark_uncertain(id, "timed out", now).unwrap();
        }
        assert!(o.claim(a, now).unwrap().is_none(), "never resent blindly");
        assert!(o.due(now, true).unwrap().is_empty());
        o.resolve_delivered(a, now).unwrap();
        assert_eq!(o.get(a).unwrap().delivered_by.as_deref(), Some("agent"));
        o.resend(b, now).unwrap();
        assert_eq!(o.due(now, false).unwrap(), vec![b]);
    }

    /// What `audit --verify` checks of an outbox: the chain, then the results it binds.
    fn audit(o: &Outbox) -> Result<Vec<Receipt>, String> {
        let records = o.audit_records().unwrap();
        let read = receipt::verify(
            records
                .chain
                .iter()
                .map(|r| (r.body.as_str(), r.sha256.as_str())),
        )
        .map_err(|b| format!("{b:?}"))?;
        let bound: Vec<_> = records
            .chain
            .iter()
            .map(|s| s.result_id)
            .zip(read.iter().cloned())
            .collect();
        receipt::bind(&bound, &records.results, records.receipts_since)
            .map_err(|u| format!("{u:?}"))?;
        Ok(read)
    }

    #[test]
    fn a_tagged_result_keeps_its_tag_and_an_edit_adds_a_correcting_receipt_with_a_new_one() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let anchored = Sending {
            anchor_in_remark: true,
            body: &unsigned_body,
        };
        let first = Noted::bare(result("A"));
        let ids = o
            .enqueue_all_sealed(&[first.clone(), Noted::bare(result("B"))], now, &anchored)
            .unwrap();
        let (id, other) = (ids[0], ids[1]);
        let item = o.get(id).unwrap();
        assert_eq!(
            item.remark,
            format!("{} [dc 1 0000000000]", result("A").remark)
        );
        let read = audit(&o).unwrap();
        assert_eq!(read[0].tag.as_deref(), Some("[dc 1 0000000000]"));
        assert_eq!(
            read[0].body_sha256,
            Some(receipt::digest_bytes(&unsigned_body(&item.result)))
        );
        assert_eq!(
            o.get(other).unwrap().remark,
            format!(
                "{} {}",
                result("B").remark,
                receipt::tag(2, &read[0].sha256)
            )
        );

        o.claim(id, now).unwrap();
        o.mark_rejected(id, "server refused (code 90)", Some("90"), now)
            .unwrap();
        // The agent corrects it in the form, which shows the remark without its tag.
        let mut fixed = item.result.clone();
        fixed.result_code = "PTP02".into();
        fixed.remark = "bayar tgl 30".into();
        o.edit_sealed(id, &fixed, now, &anchored).unwrap();
        let read = audit(&o).unwrap();
        assert_eq!(read.len(), 3);
        let correction = &read[2];
        assert_eq!(correction.seq, Some(3));
        assert_eq!(correction.corrects, Some(1));
        assert_eq!(correction.result_id, Some(id));
        assert_eq!(correction.result_code, "PTP02");
        assert_eq!(
            correction.local_time, read[0].local_time,
            "the call's circumstances"
        );
        let tag = receipt::tag(3, &read[1].sha256);
        assert_eq!(o.get(id).unwrap().remark, format!("bayar tgl 30 {tag}"));
        // The result edited behind the receipts' back shows.
        o.conn
            .execute(
                "UPDATE results SET result_code = 'PTP01' WHERE id = ?1",
                [id],
            )
            .unwrap();
        assert!(audit(&o).unwrap_err().contains("result_code"));
    }

    #[test]
    fn rejected_is_kept_with_its_reason_and_can_be_fixed() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let id = o.enqueue(&result("A"), now).unwrap();
        o.claim(id, now).unwrap();
        o.mark_rejected(id, "server refused (code 90)", Some("90"), now)
            .unwrap();
        let mut fixed = result("A");
        fixed.result_code = "PTP02".into();
        o.edit(id, &fixed, now).unwrap();
        let item = o.get(id).unwrap();
        assert_eq!(item.state, DeliveryState::Queued);
        assert_eq!(item.result_code, "PTP02");
        assert_eq!(
            item.last_error.as_deref(),
            Some("server refused (code 90)"),
            "history of why"
        );
    }

    #[test]
    fn backoff_schedule_and_counts() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let id = o.enqueue(&result("A"), now).unwrap();
        o.claim(id, now).unwrap();
        o.requeue(id, "HTTP 500", at("2026-11-27 10:00:30"), now)
            .unwrap();
        assert!(o.due(now, false).unwrap().is_empty());
        assert_eq!(o.due(at("2026-11-27 10:00:30"), false).unwrap(), vec![id]);
        assert_eq!(
            o.due(now, true).unwrap(),
            vec![id],
            "flush ignores the schedule"
        );
        let c = o.counts().unwrap();
        assert_eq!((c.queued, c.waiting(), c.undelivered()), (1, 1, 1));
    }

    #[test]
    fn batch_is_all_or_nothing_and_discard_keeps_the_row() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let ids = o
            .enqueue_all(&[result("A"), result("B"), result("C")], now)
            .unwrap();
        assert_eq!(ids.len(), 3);
        o.discard(ids[1], now).unwrap();
        assert_eq!(o.list().unwrap().len(), 3);
        assert_eq!(o.get(ids[1]).unwrap().state, DeliveryState::Discarded);
        assert!(o.discard(ids[1], now).is_err());
        assert_eq!(o.history("A").unwrap().len(), 1);
        let noted = o
            .enqueue_all_noted(
                &[Noted {
                    total_due: Some(crate::domain::Money::from_units(7)),
                    ..Noted::bare(result("D"))
                }],
                now,
            )
            .unwrap();
        assert_eq!(o.get(noted[0]).unwrap().total_due.as_deref(), Some("7"));
        assert_eq!(o.get(ids[0]).unwrap().total_due, None);
        assert_eq!(
            o.on_day(now.date()).unwrap().len(),
            3,
            "discarded does not count"
        );
    }

    #[test]
    fn a_send_in_flight_is_never_doubled_or_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        let now = at("2026-11-27 10:00:00");
        let mut o = Outbox::open(&path).unwrap();
        let id = o.enqueue(&result("A"), now).unwrap();
        o.claim(id, now).unwrap().unwrap();
        assert!(
            matches!(o.resend(id, now), Err(StoreError::NotAllowed { .. })),
            "no second request beside the first"
        );
        // Another deskcoll that is still running (pid 1 always is) owns the send: opening
        // the outbox elsewhere leaves it alone.
        o.conn
            .execute("UPDATE results SET sending_pid = 1 WHERE id = ?1", [id])
            .unwrap();
        let other = Outbox::open(&path).unwrap();
        assert_eq!(other.get(id).unwrap().state, DeliveryState::Sending);
        // A late refusal after someone gave up on it is still recorded.
        o.mark_uncertain(id, "timed out", now).unwrap();
        o.mark_rejected(id, "server refused (code 90)", Some("90"), now)
            .unwrap();
        assert_eq!(o.get(id).unwrap().state, DeliveryState::Rejected);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_send_whose_process_id_was_reused_is_stranded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        let now = at("2026-11-27 10:00:00");
        let mut o = Outbox::open(&path).unwrap();
        let id = o.enqueue(&result("A"), now).unwrap();
        o.claim(id, now).unwrap().unwrap();
        let mine = o
            .conn
            .query_row("SELECT sending_pid FROM results WHERE id = ?1", [id], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap();
        assert_eq!(mine & ((1 << PID_BITS) - 1), i64::from(std::process::id()));
        assert!(mine >> PID_BITS > 0, "the start time is kept beside the id");
        // pid 1 runs, but it started at another time than the sender did: the id was reused
        // and the sender is gone.
        let init_start = process_start(1).unwrap();
        let reused = ((init_start as i64 + 12_345) << PID_BITS) | 1;
        o.conn
            .execute(
                "UPDATE results SET sending_pid = ?2 WHERE id = ?1",
                [id, reused],
            )
            .unwrap();
        let other = Outbox::open(&path).unwrap();
        assert_eq!(other.get(id).unwrap().state, DeliveryState::Uncertain);
        // The same id with its own start time is the sender still at work: left alone.
        let id = o.enqueue(&result("B"), now).unwrap();
        o.claim(id, now).unwrap().unwrap();
        let running = ((init_start as i64) << PID_BITS) | 1;
        o.conn
            .execute(
                "UPDATE results SET sending_pid = ?2 WHERE id = ?1",
                [id, running],
            )
            .unwrap();
        let other = Outbox::open(&path).unwrap();
        assert_eq!(other.get(id).unwrap().state, DeliveryState::Sending);
    }

    #[test]
    fn agent_decisions_follow_the_domain_table() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        // A result in each state an agent can meet.
        let queued = o.enqueue(&result("Q"), now).unwrap();
        let sending = o.enqueue(&result("S"), now).unwrap();
        o.claim(sending, now).unwrap();
        let delivered = o.enqueue(&result("D"), now).unwrap();
        o.claim(delivered, now).unwrap();
        o.mark_delivered(delivered, "00", "ok", now).unwrap();
        let rejected = o.enqueue(&result("R"), now).unwrap();
        o.claim(rejected, now).unwrap();
        o.mark_rejected(rejected, "no", Some("90"), now).unwrap();
        let uncertain = o.enqueue(&result("U"), now).unwrap();
        o.claim(uncertain, now).unwrap();
        o.mark_uncertain(uncertain, "timed out", now).unwrap();
        let discarded = o.enqueue(&result("X"), now).unwrap();
        o.discard(discarded, now).unwrap();
        let ids = [queued, sending, delivered, rejected, uncertain, discarded];
        // The send belongs to a process still running (pid 1 always is): copies keep it sending.
        o.conn
            .execute(
                "UPDATE results SET sending_pid = 1 WHERE id = ?1",
                [sending],
            )
            .unwrap();
        let mut seen = std::collections::HashSet::new();

        for decision in Decision::ALL {
            for id in ids {
                // A fresh copy of the outbox for every try.
                let dir = tempfile::tempdir().unwrap();
                let copy = dir.path().join("copy.sqlite3");
                o.conn
                    .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
                    .unwrap();
                let mut c = Outbox::open(&copy).unwrap();
                let item = c.get(id).unwrap();
                let from = item.state;
                seen.insert(from.as_str());
                let done = match decision {
                    Decision::Send => c.resend(id, now),
                    Decision::MarkDelivered => c.resolve_delivered(id, now),
                    Decision::Discard => c.discard(id, now),
                    Decision::Edit => c.edit(id, &result("E"), now),
                };
                match decision.target(from, item.server_code.as_deref()) {
                    Some(to) => {
                        assert!(done.is_ok(), "{decision:?} from {from}: {done:?}");
                        assert_eq!(c.get(id).unwrap().state, to, "{decision:?} from {from}");
                    }
                    None => {
                        assert!(
                            matches!(done, Err(StoreError::NotAllowed { .. })),
                            "{decision:?} from {from}: {done:?}"
                        );
                        assert_eq!(c.get(id).unwrap().state, from, "unchanged");
                    }
                }
            }
        }

        assert_eq!(
            seen.len(),
            DeliveryState::ALL.len(),
            "every state tried: {seen:?}"
        );

        // Sending a queued result now: it stays queued and is due at once.
        o.claim(queued, now).unwrap();
        o.requeue(queued, "HTTP 500", at("2026-11-27 11:00:00"), now)
            .unwrap();
        assert!(o.due(now, false).unwrap().is_empty());
        o.resend(queued, now).unwrap();
        assert_eq!(o.due(now, false).unwrap(), vec![queued]);
    }

    fn listed(account: &str, last_paid: &str, overdue: i64) -> Task {
        Task {
            contract_no: account.into(),
            lastpaid_paymentdate: dates::parse_date(last_paid),
            overdue: Some(overdue),
            ..Task::default()
        }
    }

    #[test]
    fn a_list_read_keeps_what_it_shows_of_promised_accounts_and_the_verdict_replays() {
        use crate::domain::verdict::{Verdict, judge};
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        // A promise (called 09:15, to pay by the 30th), a call without one, a discarded one.
        o.enqueue(&result("A"), now).unwrap();
        let mut no_promise = result("B");
        no_promise.promise_date = None;
        o.enqueue(&no_promise, now).unwrap();
        let discarded = o.enqueue(&result("C"), now).unwrap();
        o.discard(discarded, now).unwrap();
        assert_eq!(o.promises().unwrap().len(), 1);

        let overdue = [
            listed("A", "2026-10-27", 6),
            listed("B", "2026-10-27", 6),
            listed("C", "2026-10-27", 6),
            listed("D", "2026-10-27", 6),
        ];
        let noon = at("2026-11-27 12:00:00");
        assert_eq!(o.keep_list_read(&overdue, noon, 1).unwrap(), 1, "A only");
        assert_eq!(
            o.keep_list_read(&overdue, at("2026-11-27 15:00:00"), 1)
                .unwrap(),
            0,
            "the same again that day"
        );
        // Paid on the 28th, seen the next morning: the last row kept for A.
        let paid = [listed("A", "2026-11-28", 0)];
        let morning = at("2026-11-29 08:00:00");
        assert_eq!(o.keep_list_read(&paid, morning, 1).unwrap(), 1);
        assert_eq!(
            o.keep_list_read(&paid, at("2026-11-30 08:00:00"), 1)
                .unwrap(),
            0
        );

        let reads = o.list_reads(at("2026-11-27 00:00:00")).unwrap();
        assert_eq!(
            reads,
            [
                ListRead::of(&overdue[0], noon),
                ListRead::of(&paid[0], morning)
            ]
        );
        assert_eq!(o.list_reads(morning).unwrap().len(), 1, "from a time on");
        let promise = &o.promises().unwrap()[0];
        let on = |d: &str| dates::parse_date(d).unwrap();
        assert_eq!(
            judge(promise, &reads, 1, on("2026-12-01"), false),
            Verdict::Pending
        );
        assert_eq!(
            judge(promise, &reads, 1, on("2026-12-02"), false),
            Verdict::Kept
        );
        // Without the payment's row the same history says unknown.
        assert_eq!(
            judge(promise, &reads[..1], 1, on("2026-12-02"), false),
            Verdict::Unknown
        );
    }

    /// The rows kept from a list of 100,000 tasks with 500 promises being judged, and what it
    /// costs (`cargo test --release --lib keeping_a_read -- --nocapture` prints the times;
    /// figures in BENCHMARKS.md; speed is measured, never asserted).
    #[test]
    fn keeping_a_read_of_100k_tasks_costs_little() {
        let (_d, mut o) = outbox();
        let now = at("2026-11-27 10:00:00");
        let account = |i: usize| format!("{i:015}");
        let promised: Vec<CollectionResult> = (0..500).map(|i| result(&account(i * 200))).collect();
        o.enqueue_all(&promised, now).unwrap();
        let tasks: Vec<Task> = (0..100_000)
            .map(|i| listed(&account(i), "2026-10-27", 6))
            .collect();
        let mut timed = |label: &str, read_at: &str, expected: usize| {
            let started = std::time::Instant::now();
            let kept = o.keep_list_read(&tasks, at(read_at), 1).unwrap();
            let took = started.elapsed();
            eprintln!("100k tasks, 500 promises, {label}: {kept} rows in {took:?}");
            assert_eq!(kept, expected, "{label}");
        };
        timed("first read of the day", "2026-11-27 12:00:00", 500);
        timed("again that day", "2026-11-27 15:00:00", 0);
        timed("the next day", "2026-11-28 08:00:00", 500);
        let started = std::time::Instant::now();
        let reads = o.list_reads(at("2026-11-27 00:00:00")).unwrap();
        eprintln!(
            "reading the {} rows back: {:?}",
            reads.len(),
            started.elapsed()
        );
        assert_eq!(reads.len(), 1_000);
    }
}
