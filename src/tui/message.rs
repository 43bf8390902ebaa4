//! The messages of the workstation's loop: `Action`s come in (keys, ticks, the answers of
//! background work, each with a typed outcome), `Effect`s go out to the runtime.

use crate::api::ApiError;
use crate::delivery::{Disposition, OutboxSnapshot};
use crate::domain::outbox::DeliveryState;
use crate::domain::zone::ZoneGuess;
use crate::domain::{Task, TerminPage, Transaction};
use crate::store::StoreError;
use crossterm::event::{KeyEvent, MouseEvent};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A result saved in the outbox and tried once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub id: i64,
    pub state: DeliveryState,
    pub disposition: Disposition,
}

/// A CSV written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub rows: usize,
}

/// A file that could not be written, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// How a number went to the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialed {
    /// The configured dialer was started.
    Launched { program: String },
    /// No dialer: copied to the clipboard, to dial by hand.
    Copied,
}

#[derive(Debug, thiserror::Error)]
pub enum DialError {
    #[error("not dialed: the contact could not be recorded ({0})")]
    NotLogged(StoreError),
    /// The phone is not a number (`domain::phone::dialable` refused it): never handed on.
    #[error("not dialed: '{phone}' is not a phone number")]
    NotDialable { phone: String },
    #[error("dial_command: {0}")]
    Command(String),
    #[error("dial_command: it is empty")]
    EmptyCommand,
    #[error("{program}: {source}")]
    Spawn {
        program: String,
        #[source]
        source: std::io::Error,
    },
}

/// A dial that failed, in words.
pub fn dial_error(lang: crate::i18n::Lang, e: &DialError) -> String {
    use crate::tr;
    match e {
        DialError::NotLogged(s) => tr!(
            lang,
            "dial-error-not-logged",
            error = crate::i18n::words::store_error(lang, s)
        ),
        DialError::NotDialable { phone } => tr!(lang, "dial-error-not-dialable", phone = phone),
        DialError::Command(reason) => tr!(lang, "dial-error-command", reason = reason),
        DialError::EmptyCommand => tr!(lang, "dial-error-empty-command"),
        DialError::Spawn { program, source } => format!("{program}: {source}"),
    }
}

/// What an outbox command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxDone {
    Sent {
        id: i64,
        state: DeliveryState,
    },
    /// Another sender has it in hand.
    BeingSent(i64),
    MarkedDelivered(i64),
    Discarded(i64),
}

#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Tick,
    TasksLoaded(Result<Vec<Task>, ApiError>),
    /// A task list with each customer's zone and its order by total due
    /// (`domain::order::by_total_due`) already worked out.
    TasksPrepared {
        tasks: Vec<Task>,
        zones: Vec<ZoneGuess>,
        by_total: Vec<u32>,
    },
    /// A task list still arriving: bytes so far, and of how many when the server said.
    Receiving {
        received: u64,
        total: Option<u64>,
    },
    /// A termin page still arriving, likewise.
    TerminReceiving {
        page: i64,
        received: u64,
        total: Option<u64>,
    },
    /// The list kept on this desk from the last successful read, shown until a fresh one
    /// arrives (and instead of it while the server cannot be reached).
    SavedListLoaded {
        tasks: Vec<Task>,
        zones: Vec<ZoneGuess>,
        by_total: Vec<u32>,
        read_at: chrono::DateTime<chrono::FixedOffset>,
    },
    /// A submitted result was saved (or not) and one attempt made to send it.
    Delivery {
        account_no: String,
        outcome: Result<Sent, StoreError>,
    },
    TerminPage {
        page: i64,
        limit: i64,
        prefetch: bool,
        result: Result<TerminPage, ApiError>,
    },
    TerminProgress {
        page: i64,
        of: i64,
        count: usize,
    },
    /// The end of "load all": everything, or why not (`Ok(None)`: cancelled).
    TerminAll {
        result: Result<Option<Vec<Transaction>>, ApiError>,
        /// What changed since the last full look (kept on this desk), when it could be told.
        /// What changed since an earlier look; an error when a kept look cannot be read.
        changes: Result<Option<crate::domain::termin_desk::Changes>, String>,
    },
    Exported(Result<Exported, FileError>),
    Dialed {
        phone: String,
        outcome: Result<Dialed, DialError>,
    },
    /// The background sender got the server's answer (delivered or refused): it is reachable.
    ServerAnswered,
    /// The background push to the team ledger ran.
    Ledger(super::chrome::LedgerState),
    /// The floor read from the team ledger (rows and total), or why it could not be.
    FloorLoaded(
        Result<
            (
                Vec<crate::domain::floor::FloorRow>,
                crate::domain::floor::FloorRow,
            ),
            String,
        >,
    ),
    /// A busy server asked to wait (`Retry-After`); waited at most
    /// `http.max_retry_after_secs`.
    BusyWait(crate::api::BusyWait),
    /// A fresh read of the outbox; `done` reports the command that caused it, if any.
    OutboxLoaded {
        snapshot: Result<OutboxSnapshot, StoreError>,
        done: Option<Result<OutboxDone, StoreError>>,
    },
}

/// Work for the runtime to start; its answer comes back as `Action`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the list kept on this desk (answers nothing when there is none).
    LoadSavedList,
    LoadTasks,
    /// Stop the task-list read under way; what is on screen stays.
    CancelLoad,
    /// Save durably, then try to send. `edit_of`: the rejected result this one corrects.
    Submit {
        recorded: Box<crate::domain::result::Recorded>,
        edit_of: Option<i64>,
        /// What the account owes now, kept with the result for the day's figures.
        total_due: Option<crate::domain::Money>,
        /// The customer's zone, for the result's receipt.
        zone: crate::domain::zone::ZoneGuess,
    },
    Outbox(OutboxCommand),
    LoadTerminPage {
        page: i64,
        limit: i64,
        prefetch: bool,
    },
    LoadAllTermin {
        limit: i64,
        cancel: CancelFlag,
    },
    /// Write what the Termin tab shows (rows, groups or ageing) to a new CSV file; the cells
    /// are already safe for a spreadsheet.
    ExportTermin {
        path: String,
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Log the contact (with the override's reason, if any), then dial or copy the number.
    Dial {
        account_no: String,
        phone: String,
        override_reason: Option<String>,
    },
}

/// An agent's decision on one result in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxCommand {
    /// Queued or rejected: send it now. Uncertain: send it again (after confirmation).
    Send(i64),
    /// Uncertain: the agent checked it is on the server.
    MarkDelivered(i64),
    Discard(i64),
}

/// A switch the agent flips to stop a long walk; the walk looks at it between pages.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Up again, for the next walk that uses this switch.
    pub fn reset(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

impl PartialEq for CancelFlag {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for CancelFlag {}
