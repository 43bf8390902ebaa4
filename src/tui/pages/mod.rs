//! The workstation's pages, one folder each: its state, its update (commands, prompts and the
//! answers of its work) and its view. A page reads what it needs through `Cx` and answers
//! with a `Reply`; it never reaches into another page. Moving between pages is a `Go`.

pub mod floor;
pub mod form;
pub mod outbox;
pub mod queue;
pub mod termin;
pub mod today;

use super::chrome::{Status, StatusKind, Tab};
use super::desk::Desk;
use super::message::Effect;
use super::modal::{Intent, Modal, Prompt, PromptKind};
use crate::clock::Clock;
use crate::domain::Task;
use crate::domain::codes::MasterData;
use crate::store::OutboxItem;

/// Settings the workstation takes from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub agent_id: String,
    pub ip_address: String,
    pub demo: bool,
    pub promise_horizon_days: i64,
    /// `ui.closing_soon_minutes`: windows closing within it lead their bucket.
    pub closing_soon_minutes: i64,
    pub mouse: bool,
    pub rules: crate::domain::window::CallingRules,
    /// More results than this for one account in a day warn first.
    pub max_contacts_per_day: usize,
    /// Minutes before a callback falls due that the header names it (`ui.callback_warn_minutes`).
    pub callback_warn_minutes: i64,
    /// Days after a promise's date before it is judged (`calling.promise_grace_days`).
    pub promise_grace_days: i64,
    /// The header clock's zone; `None`: the machine's.
    pub time_zone: Option<crate::domain::zone::Zone>,
    /// Credentials go over plain http to another machine: the header says "insecure".
    pub insecure: bool,
    /// The language every word on the screen is in.
    pub lang: crate::i18n::Lang,
    /// `result.party_in_remark`: the remark sent starts with who answered (`[spouse] `).
    pub party_in_remark: bool,
    /// `audit.anchor_in_remark`: the remark sent ends with its receipt's tag (the counter
    /// counts its room).
    pub anchor_in_remark: bool,
}

/// What every page may read: the settings, the code list, the clock, the agent's own work,
/// and how many rows of its list the screen shows.
pub struct Cx<'a> {
    pub settings: &'a Settings,
    pub codes: &'a MasterData,
    pub clock: &'a Clock,
    pub desk: &'a Desk,
    /// Rows of the page's list on screen (from `layout`, as the view draws them).
    pub rows: usize,
    /// Frames drawn so far (spinners).
    pub ticks: u64,
}

/// What a page reads from the app, borrowed field by field so that the page itself can be
/// changed at the same time: `cx!(app, tab)`.
macro_rules! cx {
    ($app:expr, $tab:expr) => {
        $crate::tui::pages::Cx {
            settings: &$app.settings,
            codes: &$app.codes,
            clock: &$app.clock,
            desk: &$app.desk,
            rows: $crate::tui::layout::list_rows($app.size, $tab),
            ticks: $app.ticks,
        }
    };
}
pub(crate) use cx;

/// A move to another page or out of the workstation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Go {
    Tab(Tab),
    /// Open the result form for a task.
    RecordResult(Box<Task>),
    /// Open the result form on a rejected result, to correct it.
    CorrectResult(Box<OutboxItem>),
    CloseForm,
    Quit,
}

/// A page's answer: work to start, a modal to open, words for the status line, a move.
#[derive(Debug, Default)]
pub struct Reply {
    pub effects: Vec<Effect>,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub go: Option<Go>,
}

impl Reply {
    pub fn none() -> Reply {
        Reply::default()
    }

    pub fn run(effect: Effect) -> Reply {
        Reply {
            effects: vec![effect],
            ..Reply::default()
        }
    }

    pub fn say(kind: StatusKind, text: impl Into<String>) -> Reply {
        Reply::default().and_say(kind, text)
    }

    pub fn go(go: Go) -> Reply {
        Reply {
            go: Some(go),
            ..Reply::default()
        }
    }

    /// A yes/no question; `on_yes` happens only after y.
    pub fn ask(question: impl Into<String>, on_yes: Intent) -> Reply {
        Reply {
            modal: Some(Modal::Confirm {
                question: question.into(),
                on_yes,
            }),
            ..Reply::default()
        }
    }

    pub fn prompt(kind: PromptKind, initial: impl Into<String>) -> Reply {
        Reply {
            modal: Some(Modal::Prompt(Prompt::new(kind, initial))),
            ..Reply::default()
        }
    }

    pub fn and_say(mut self, kind: StatusKind, text: impl Into<String>) -> Reply {
        self.status = Some(Status {
            kind,
            text: text.into(),
        });
        self
    }

    pub fn and_run(mut self, effect: Effect) -> Reply {
        self.effects.push(effect);
        self
    }
}
