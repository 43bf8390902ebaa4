//! What the frame around the pages shows: the tabs, the server's state, the status line.

use super::keymap::Context;
use crate::i18n::Lang;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Queue,
    Termin,
    Outbox,
    Today,
    /// The supervisor's floor (only when `team.database_url` names a supervisor).
    Floor,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Queue, Tab::Termin, Tab::Outbox, Tab::Today];
    /// The tabs with the supervisor's Floor.
    pub const WITH_FLOOR: [Tab; 5] = [Tab::Queue, Tab::Termin, Tab::Outbox, Tab::Today, Tab::Floor];

    /// The tabs shown: the Floor only for a supervisor.
    pub fn shown(floor: bool) -> &'static [Tab] {
        if floor { &Tab::WITH_FLOOR } else { &Tab::ALL }
    }

    pub fn title(self, lang: Lang) -> String {
        match self {
            Tab::Queue => tr!(lang, "tab-queue"),
            Tab::Termin => tr!(lang, "tab-termin"),
            Tab::Outbox => tr!(lang, "tab-outbox"),
            Tab::Today => tr!(lang, "tab-today"),
            Tab::Floor => tr!(lang, "tab-floor"),
        }
    }

    pub fn context(self) -> Context {
        match self {
            Tab::Queue => Context::Queue,
            Tab::Termin => Context::Termin,
            Tab::Outbox => Context::Outbox,
            Tab::Today => Context::Global,
            // Its sort (s), refresh (r) and scrolling are the queue's keys.
            Tab::Floor => Context::Queue,
        }
    }
}

/// The team ledger as the header says it: what waits for it, and whether the last push
/// reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerState {
    pub waiting: usize,
    pub reachable: bool,
}

impl LedgerState {
    /// "ledger: 3 waiting", "ledger: 3 waiting (unreachable)", or nothing when all is pushed.
    pub fn words(&self, lang: Lang) -> Option<String> {
        match (self.reachable, self.waiting) {
            (true, 0) => None,
            (true, n) => Some(tr!(lang, "ledger-waiting", n = n)),
            (false, n) => Some(tr!(lang, "ledger-down", n = n)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerState {
    Unknown,
    Connected,
    Failing(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}
