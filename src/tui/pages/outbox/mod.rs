//! The Outbox page: every result as the outbox holds it, and the agent's decisions on one
//! (send now, correct, mark delivered, discard), asked first where they risk something.

mod view;

pub use view::draw;

use super::{Cx, Go, Reply};
use crate::domain::outbox::{Decision, DeliveryState};
use crate::i18n::{Lang, words};
use crate::store::OutboxItem;
use crate::store::StoreError;
use crate::tr;
use crate::tui::chrome::StatusKind;
use crate::tui::desk::Desk;
use crate::tui::keymap::Command;
use crate::tui::list::{Cursor, Move};
use crate::tui::message::{Effect, OutboxCommand, OutboxDone};
use crate::tui::modal::Intent;
use std::collections::HashSet;

#[derive(Debug, Default)]
pub struct OutboxPage {
    /// Over `Desk::items` (newest first).
    pub cursor: Cursor,
    /// The selected result's id, to find it again in the next read of the outbox.
    selected_id: Option<i64>,
    /// Results already seen refused or uncertain: a new one takes the selection.
    failures_seen: Option<HashSet<i64>>,
    /// The newest result at the last read: a selection on it follows the newer ones in.
    newest_seen: Option<i64>,
}

impl OutboxPage {
    pub fn selected<'a>(&self, desk: &'a Desk) -> Option<&'a OutboxItem> {
        desk.items.get(self.cursor.selected)
    }

    /// A fresh read of the outbox: the selection stays on the same result, unless a result
    /// failed since the last read: then it moves to the newest failure.
    pub fn follow(&mut self, desk: &Desk, rows: usize) {
        let failed =
            |i: &&OutboxItem| matches!(i.state, DeliveryState::Rejected | DeliveryState::Uncertain);
        let new_failure = self.failures_seen.as_ref().and_then(|seen| {
            desk.items
                .iter()
                .filter(failed)
                .find(|i| !seen.contains(&i.id))
                .map(|i| i.id)
        });
        self.failures_seen = Some(desk.items.iter().filter(failed).map(|i| i.id).collect());
        // On the newest row, the agent is following the day: a newer result takes it.
        let newest = desk.items.first().map(|i| i.id);
        let following = self.selected_id.is_none() || self.selected_id == self.newest_seen;
        self.newest_seen = newest;
        let followed = if following { newest } else { None };
        if let Some(i) = new_failure
            .or(followed)
            .or(self.selected_id)
            .and_then(|id| desk.items.iter().position(|i| i.id == id))
        {
            self.cursor.selected = i;
        }
        self.cursor.scroll(rows, desk.items.len());
        self.selected_id = self.selected(desk).map(|i| i.id);
    }

    pub fn command(&mut self, cmd: Command, cx: &Cx) -> Reply {
        let desk = cx.desk;
        if let Some(m) = Move::of(cmd) {
            self.cursor.apply(m, desk.items.len(), cx.rows);
            self.selected_id = self.selected(desk).map(|i| i.id);
            return Reply::none();
        }
        let decision = match cmd {
            Command::Retry => Decision::Send,
            Command::MarkDelivered => Decision::MarkDelivered,
            Command::Discard => Decision::Discard,
            Command::Edit => Decision::Edit,
            _ => return Reply::none(),
        };
        let Some(item) = self.selected(desk) else {
            return Reply::none();
        };
        let (id, state) = (item.id, item.state);
        let code = item.server_code.as_deref();
        let lang = cx.settings.lang;
        if decision.target(state, code).is_none() {
            return Reply::say(
                StatusKind::Info,
                tr!(
                    lang,
                    "outbox-nothing-to-do",
                    id = id,
                    state = words::state(lang, state)
                ),
            );
        }
        let effect = |c: OutboxCommand| Effect::Outbox(c);
        let may_be_stored = crate::domain::outbox::may_already_be_stored(state, code);
        let why = words::may_be_stored_why(lang, state);
        let (work, question) = match decision {
            // The form asks at Ctrl-S, under the same rule, before the correction is sent.
            Decision::Edit => return Reply::go(Go::CorrectResult(Box::new(item.clone()))),
            Decision::Send => (
                effect(OutboxCommand::Send(id)),
                tr!(lang, "outbox-send-question", id = id, why = &why),
            ),
            Decision::MarkDelivered => (
                effect(OutboxCommand::MarkDelivered(id)),
                tr!(lang, "outbox-mark-question", id = id),
            ),
            Decision::Discard if may_be_stored => (
                effect(OutboxCommand::Discard(id)),
                tr!(
                    lang,
                    "outbox-discard-stored-question",
                    id = id,
                    account = &item.account_no,
                    why = &why
                ),
            ),
            Decision::Discard => (
                effect(OutboxCommand::Discard(id)),
                tr!(
                    lang,
                    "outbox-discard-question",
                    id = id,
                    account = &item.account_no
                ),
            ),
        };
        if decision.needs_confirmation(state, code) {
            Reply::ask(question, Intent::Run(work))
        } else {
            Reply::run(work)
        }
    }

    /// A click on the visible row `row`.
    pub fn click(&mut self, row: usize, desk: &Desk, rows: usize) {
        let len = desk.items.len();
        if let Some(i) = self.cursor.at_row(row, len) {
            self.cursor.select(i, len, rows);
            self.selected_id = self.selected(desk).map(|i| i.id);
        }
    }
}

/// The words for what an outbox command did.
pub fn on_done(done: Result<OutboxDone, StoreError>, lang: Lang) -> Reply {
    let text = match done {
        Err(e) => return Reply::say(StatusKind::Error, words::store_error(lang, &e)),
        Ok(OutboxDone::Sent { id, state }) => format!("#{id}: {}", words::state(lang, state)),
        Ok(OutboxDone::BeingSent(id)) => tr!(lang, "outbox-being-sent", id = id),
        Ok(OutboxDone::MarkedDelivered(id)) => tr!(lang, "outbox-marked", id = id),
        Ok(OutboxDone::Discarded(id)) => tr!(lang, "outbox-discarded", id = id),
    };
    Reply::say(StatusKind::Success, text)
}
