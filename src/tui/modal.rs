//! The one thing that may sit over the pages and take every key: help, a yes/no question, a
//! one-line prompt, or a number shown large for dialing by hand. There is at most one
//! (`App::modal`); key routing, the footer and the drawing all read it.

use super::chrome::Tab;
use super::keymap::{Command, Context, Keymap};
use super::message::Effect;
use crate::tr;
use crossterm::event::KeyEvent;
use tui_input::backend::crossterm::EventHandler;

#[derive(Debug)]
pub enum Modal {
    /// The key table, scrolled by `scroll` lines; keys other than scrolling close it.
    Help {
        scroll: usize,
    },
    /// A number copied to the clipboard, shown large; any key closes it.
    Dial {
        phone: String,
    },
    /// The customer's dialable phones, to pick one.
    Phones(PhonePicker),
    /// A question that must be answered y before `on_yes` happens.
    Confirm {
        question: String,
        on_yes: Intent,
    },
    Prompt(Prompt),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonePicker {
    pub account_no: String,
    /// (its number on the task, 1..4; the number to dial).
    pub phones: Vec<(usize, String)>,
    pub selected: usize,
    /// The task's other phone texts that are no phone number (never offered for dialing,
    /// shown so that the agent knows why): (its number on the task, the text).
    pub not_dialable: Vec<(usize, String)>,
}

/// What a yes sets going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Start this work (an outbox decision).
    Run(Effect),
    /// Dial this number: the contact limit and the calling window are checked first.
    Dial {
        account_no: String,
        phone: String,
    },
    /// Dial although the account reached the day's contact limit; the calling window is
    /// still checked.
    DialPastLimit {
        account_no: String,
        phone: String,
    },
    /// Record the form's result although the account reached the day's contact limit.
    SendResult(Effect),
    /// Close the form and lose what was typed; `kept_in_outbox`: the refused result it was
    /// correcting, which stays in the Outbox as it is.
    DiscardForm {
        kept_in_outbox: Option<i64>,
    },
    Quit,
}

/// What a one-line prompt asks for. Each kind belongs to one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// The queue's filter, applied as it is typed.
    Filter,
    /// The termin search, applied as it is typed.
    Search,
    GoToPage,
    Export,
    /// Termin: the entry dates to show.
    DateRange,
    /// Termin: the statuses to show, comma separated, or "open".
    Statuses,
    /// Why this customer may be called outside the window (their prior consent).
    OverrideReason {
        account_no: String,
        phone: String,
    },
    /// The result form's: the consumer's consent to a contact outside the window (the
    /// same question as `OverrideReason`).
    Consent {
        account_no: String,
    },
}

impl PromptKind {
    /// The page that asked.
    pub fn owner(&self) -> Tab {
        match self {
            PromptKind::Filter | PromptKind::OverrideReason { .. } | PromptKind::Consent { .. } => {
                Tab::Queue
            }
            PromptKind::Search
            | PromptKind::GoToPage
            | PromptKind::Export
            | PromptKind::DateRange
            | PromptKind::Statuses => Tab::Termin,
        }
    }

    /// What the status line asks (the view adds ": ").
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self {
            PromptKind::Filter => tr!(lang, "prompt-filter"),
            PromptKind::Search => tr!(lang, "prompt-search"),
            PromptKind::GoToPage => tr!(lang, "prompt-go-to-page"),
            PromptKind::Export => tr!(lang, "prompt-export"),
            PromptKind::DateRange => tr!(lang, "prompt-date-range"),
            PromptKind::Statuses => tr!(lang, "prompt-statuses"),
            PromptKind::OverrideReason { .. } | PromptKind::Consent { .. } => {
                tr!(lang, "prompt-override-reason")
            }
        }
    }

    fn context(&self) -> Context {
        match self {
            PromptKind::Filter => Context::Filter,
            _ => Context::Prompt,
        }
    }
}

#[derive(Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: tui_input::Input,
}

impl Prompt {
    pub fn new(kind: PromptKind, initial: impl Into<String>) -> Prompt {
        Prompt {
            kind,
            input: tui_input::Input::new(initial.into()),
        }
    }
}

/// What became of a prompt after a key, for the page that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptEvent {
    Edited(String),
    Accepted(String),
    Cancelled,
}

/// What a key did to the modal.
#[derive(Debug)]
pub enum Outcome {
    /// Still open (perhaps changed).
    Open(Modal),
    Closed,
    Yes(Intent),
    No,
    /// A prompt that applies as it is typed changed: it stays open, its page hears the text.
    Edited(Modal, PromptKind, String),
    Accepted(PromptKind, String),
    Cancelled(PromptKind),
}

impl Modal {
    /// The keys that apply while it is open.
    pub fn context(&self) -> Context {
        match self {
            Modal::Help { .. } => Context::Help,
            Modal::Dial { .. } => Context::Overlay,
            Modal::Confirm { .. } => Context::Confirm,
            Modal::Phones(_) => Context::Picker,
            Modal::Prompt(p) => p.kind.context(),
        }
    }

    pub fn on_key(self, key: KeyEvent, keys: &Keymap) -> Outcome {
        match self {
            // Any key closes; it never acts on what is behind.
            Modal::Help { scroll } => match keys.lookup(Context::Help, &key) {
                Some(Command::Down) => Outcome::Open(Modal::Help { scroll: scroll + 3 }),
                Some(Command::Up) => Outcome::Open(Modal::Help {
                    scroll: scroll.saturating_sub(3),
                }),
                _ => Outcome::Closed,
            },
            Modal::Dial { .. } => Outcome::Closed,
            Modal::Phones(mut p) => {
                let dial = |p: PhonePicker, i: usize| {
                    let phone = p.phones[i].1.clone();
                    Outcome::Yes(Intent::Dial {
                        account_no: p.account_no,
                        phone,
                    })
                };
                match keys.lookup(Context::Picker, &key) {
                    Some(Command::Down) => {
                        p.selected = (p.selected + 1).min(p.phones.len().saturating_sub(1));
                    }
                    Some(Command::Up) => p.selected = p.selected.saturating_sub(1),
                    Some(Command::AcceptPrompt) if !p.phones.is_empty() => {
                        let i = p.selected.min(p.phones.len() - 1);
                        return dial(p, i);
                    }
                    Some(Command::Dial(n)) => {
                        if let Some(i) = p.phones.iter().position(|(k, _)| *k == n) {
                            return dial(p, i);
                        }
                    }
                    Some(Command::CancelPrompt) => return Outcome::No,
                    _ => {}
                }
                Outcome::Open(Modal::Phones(p))
            }
            Modal::Confirm { on_yes, .. } => match keys.lookup(Context::Confirm, &key) {
                Some(Command::Yes) => Outcome::Yes(on_yes),
                _ => Outcome::No,
            },
            Modal::Prompt(mut p) => match keys.lookup(p.kind.context(), &key) {
                Some(Command::CancelPrompt) => Outcome::Cancelled(p.kind),
                Some(Command::AcceptPrompt) => {
                    let text = p.input.value().trim().to_string();
                    Outcome::Accepted(p.kind, text)
                }
                _ => {
                    let before = p.input.value().len();
                    let changed = p
                        .input
                        .handle_event(&crossterm::event::Event::Key(key))
                        .is_some_and(|c| c.value)
                        || p.input.value().len() != before;
                    let live = matches!(p.kind, PromptKind::Filter | PromptKind::Search);
                    if changed && live {
                        let (kind, text) = (p.kind.clone(), p.input.value().to_string());
                        Outcome::Edited(Modal::Prompt(p), kind, text)
                    } else {
                        Outcome::Open(Modal::Prompt(p))
                    }
                }
            },
        }
    }
}
