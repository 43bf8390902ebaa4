//! `serve --state FILE`: the twin's stored results and its clock offset in an SQLite file, so
//! that a restart keeps them (the real server's database does). The loan book itself is
//! generated again from the seed at every start.

use super::ledger::ReceivedResult;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

pub struct State {
    conn: Connection,
    path: PathBuf,
}

fn io(path: &Path, e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("twin state file {}: {e}", path.display()))
}

impl State {
    /// Opens (creating, private: it holds every received signature) the state file.
    pub fn open(path: &Path) -> std::io::Result<State> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io(path, e))?;
        }
        match crate::files::create_new_private(path) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(io(path, e)),
            _ => {}
        }
        let conn = Connection::open(path).map_err(|e| io(path, e))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS twin_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS account_collection (
                 id INTEGER PRIMARY KEY,
                 account_no TEXT NOT NULL,
                 collection_date TEXT NOT NULL,
                 action_code TEXT NOT NULL,
                 promise_date TEXT,
                 is_promise_call INTEGER NOT NULL,
                 entry TEXT NOT NULL
             );",
        )
        .map_err(|e| io(path, e))?;
        crate::files::restrict(path).map_err(|e| io(path, e))?;
        Ok(State {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Every stored result, oldest first.
    pub fn load(&self) -> std::io::Result<Vec<ReceivedResult>> {
        let mut stmt = self
            .conn
            .prepare("SELECT entry FROM account_collection ORDER BY id")
            .map_err(|e| io(&self.path, e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| io(&self.path, e))?;
        let mut out = Vec::new();
        for row in rows {
            let text = row.map_err(|e| io(&self.path, e))?;
            out.push(serde_json::from_str(&text).map_err(|e| io(&self.path, e))?);
        }
        Ok(out)
    }

    /// Writes (or rewrites) one stored result.
    pub fn save(&self, r: &ReceivedResult) -> std::io::Result<()> {
        let s = &r.stored;
        let entry = serde_json::to_string(r).map_err(|e| io(&self.path, e))?;
        self.conn
            .execute(
                "INSERT OR REPLACE INTO account_collection
                 (id, account_no, collection_date, action_code, promise_date, is_promise_call, entry)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    s.id,
                    s.account_no,
                    s.collection_date,
                    s.action_code,
                    s.promise_date,
                    s.is_promise_call,
                    entry
                ],
            )
            .map_err(|e| io(&self.path, e))?;
        Ok(())
    }

    /// The twin's clock less the machine's, in seconds, as last saved.
    pub fn clock_offset(&self) -> std::io::Result<Option<i64>> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM twin_meta WHERE key = 'clock_offset_secs'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| io(&self.path, e))?;
        Ok(v.and_then(|v| v.parse().ok()))
    }

    pub fn save_clock_offset(&self, secs: i64) -> std::io::Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO twin_meta (key, value) VALUES ('clock_offset_secs', ?1)",
                params![secs.to_string()],
            )
            .map_err(|e| io(&self.path, e))?;
        Ok(())
    }

    fn meta(&self, key: &str) -> std::io::Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM twin_meta WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| io(&self.path, e))
    }

    fn save_meta(&self, key: &str, value: &str) -> std::io::Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO twin_meta (key, value) VALUES (?1, ?2)",
                params![key, value],
            )
            .map_err(|e| io(&self.path, e))?;
        Ok(())
    }

    /// The time the termin book was first generated (`%Y-%m-%dT%H:%M:%S`): generated again
    /// from it, a restart keeps every PO number.
    pub fn termin_epoch(&self) -> std::io::Result<Option<chrono::NaiveDateTime>> {
        Ok(self
            .meta("termin_epoch")?
            .and_then(|v| chrono::NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S").ok()))
    }

    pub fn save_termin_epoch(&self, at: chrono::NaiveDateTime) -> std::io::Result<()> {
        self.save_meta("termin_epoch", &at.format("%Y-%m-%dT%H:%M:%S").to_string())
    }

    /// How many looks have moved the termin book (`--termin-churn`), to move it again alike.
    pub fn termin_looks(&self) -> std::io::Result<u64> {
        Ok(self
            .meta("termin_looks")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    pub fn save_termin_looks(&self, n: u64) -> std::io::Result<()> {
        self.save_meta("termin_looks", &n.to_string())
    }
}
