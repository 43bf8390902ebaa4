//! What every page may read about the agent's own work: the outbox as last read (results,
//! counts, today's dials), each account's timeline, today's contacts and the promise book.
//! The figures come from `domain`, so the CLI computes them the same way.

use crate::delivery::OutboxSnapshot;
use crate::domain::Task;
use crate::domain::callback::{self, CallbackStatus, Listed};
use crate::domain::outbox::DeliveryState;
use crate::domain::promise::PromiseBook;
use crate::domain::today::{BrokenPromise, DayRecord, contacts_on};
use crate::domain::verdict::ListRead;
use crate::store::{ContactEvent, Counts, OutboxItem};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct Desk {
    /// Newest first.
    pub items: Vec<OutboxItem>,
    pub counts: Counts,
    /// Today's dials and overrides.
    pub contact_events: Vec<ContactEvent>,
    /// Promises recorded locally, against the current queue.
    pub promises: PromiseBook,
    /// The list's accounts in the broken-promise bucket.
    pub broken: Vec<BrokenPromise>,
    /// Each account's latest callback and where it stands, the earliest due first, as of
    /// the minute `callbacks_at`.
    pub callbacks: Vec<Listed>,
    callbacks_at: Option<i64>,
    /// What list reads showed of promised accounts: the evidence of kept and broken promises.
    pub reads: Vec<ListRead>,
    /// Positions in `items` per account, newest first.
    by_account: HashMap<String, Vec<usize>>,
    /// Results recorded today per account (the over-contact guard).
    contacts_today: HashMap<String, usize>,
    /// Accounts of uncertain results that are not in the last list, and that list's day: a
    /// hint for the agent, never proof (every agent gets the same list).
    left_list: HashSet<String>,
    list_day: Option<NaiveDate>,
}

impl Desk {
    /// Takes a fresh read of the outbox.
    pub fn set(&mut self, snapshot: OutboxSnapshot, today: NaiveDate) {
        let OutboxSnapshot {
            mut items,
            counts,
            contacts,
            reads,
        } = snapshot;
        items.sort_by_key(|i| std::cmp::Reverse(i.id));
        self.by_account.clear();
        for (pos, item) in items.iter().enumerate() {
            self.by_account
                .entry(item.account_no.clone())
                .or_default()
                .push(pos);
        }
        self.items = items;
        self.counts = counts;
        self.contact_events = contacts;
        self.reads = reads;
        self.contacts_today = contacts_on(&self.records(), today);
        // Worked out again at the next `tick_callbacks`.
        self.callbacks_at = None;
    }

    /// Where the callbacks stand at `now`, worked out again when the minute changed or the
    /// outbox was read again; true when it was.
    pub fn tick_callbacks(
        &mut self,
        now: DateTime<FixedOffset>,
        rules: &crate::domain::window::CallingRules,
    ) -> bool {
        let minute = now.timestamp().div_euclid(60);
        if self.callbacks_at == Some(minute) {
            return false;
        }
        self.callbacks_at = Some(minute);
        self.callbacks = callback::list(&self.records(), now, rules);
        true
    }

    /// The callback of an account that is due now (it pins the account in the queue).
    pub fn due_callback(&self, account_no: &str) -> Option<&Listed> {
        self.callbacks
            .iter()
            .find(|l| l.status == CallbackStatus::Due && l.account_no == account_no)
    }

    /// The accounts whose callback is pending or due: kept in the queue until it is settled.
    pub fn open_callback_accounts(&self) -> HashSet<String> {
        self.callbacks
            .iter()
            .filter(|l| matches!(l.status, CallbackStatus::Pending | CallbackStatus::Due))
            .map(|l| l.account_no.clone())
            .collect()
    }

    /// An account as its newest result recorded it (name, what it owed, the zone of the
    /// callback agreed): a task for an account the list no longer holds.
    pub fn recorded_task(
        &self,
        account_no: &str,
    ) -> Option<(Task, Option<crate::domain::zone::Zone>)> {
        let item = self.history(account_no).next()?;
        let task = Task {
            contract_no: item.account_no.as_str().into(),
            name: item.result.cust_name.as_str().into(),
            total_due: item.total_due.as_deref().and_then(|m| m.parse().ok()),
            ..Task::default()
        };
        let zone = self
            .history(account_no)
            .find_map(|i| i.callback())
            .map(|c| c.zone);
        Some((task, zone))
    }

    /// The accounts whose callback is due now.
    pub fn due_accounts(&self) -> HashSet<String> {
        self.callbacks
            .iter()
            .filter(|l| l.status == CallbackStatus::Due)
            .map(|l| l.account_no.clone())
            .collect()
    }

    /// Every result as the day's figures read it.
    pub fn records(&self) -> Vec<DayRecord> {
        self.items.iter().map(OutboxItem::day_record).collect()
    }

    pub fn contacts_today(&self, account_no: &str) -> usize {
        self.contacts_today.get(account_no).copied().unwrap_or(0)
    }

    /// An account's results, newest first (discarded ones left out).
    pub fn history(&self, account_no: &str) -> impl Iterator<Item = &OutboxItem> {
        self.by_account
            .get(account_no)
            .into_iter()
            .flatten()
            .map(|&i| &self.items[i])
            .filter(|i| i.state != DeliveryState::Discarded)
    }

    /// The promise book against a task list: a promise passed while its account is still in
    /// the list is broken.
    pub fn refresh_promises(&mut self, tasks: &[Task], today: NaiveDate, list_loaded: bool) {
        self.promises = PromiseBook::of(&self.records(), today, tasks);
        self.broken = BrokenPromise::of(tasks, &self.promises);
        self.list_day = list_loaded.then_some(today);
        // Only the uncertain results' accounts matter; no set of the whole list is needed.
        let mut uncertain: HashSet<String> = self
            .items
            .iter()
            .filter(|i| i.state == DeliveryState::Uncertain)
            .map(|i| i.account_no.clone())
            .collect();
        for t in tasks {
            uncertain.remove(t.contract_no.as_str());
        }
        self.left_list = uncertain;
    }

    /// Beside an uncertain result: its account has left today's list (it may have arrived).
    pub fn left_list_hint(&self, item: &OutboxItem) -> Option<&'static str> {
        let list_day = self.list_day?;
        if item.state != DeliveryState::Uncertain {
            return None;
        }
        crate::domain::outbox::left_list_hint(
            item.result.call_time.date(),
            !self.left_list.contains(&item.account_no),
            list_day,
        )
    }
}
