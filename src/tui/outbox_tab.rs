//! The Outbox tab's state: the results as last read from the outbox, the selection, and
//! each account's timeline for the detail pane.

use crate::domain::outbox::DeliveryState;
use crate::domain::promise::Promise;
use crate::store::{Counts, OutboxItem};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct OutboxTab {
    /// Newest first.
    pub items: Vec<OutboxItem>,
    pub counts: Counts,
    pub selected: usize,
    pub offset: usize,
    /// Positions in `items` per account, newest first.
    by_account: HashMap<String, Vec<usize>>,
}

impl OutboxTab {
    pub fn set(&mut self, mut items: Vec<OutboxItem>, counts: Counts) {
        let keep = self.selected_item().map(|i| i.id);
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
        self.selected = keep
            .and_then(|id| self.items.iter().position(|i| i.id == id))
            .unwrap_or(0)
            .min(self.items.len().saturating_sub(1));
    }

    pub fn selected_item(&self) -> Option<&OutboxItem> {
        self.items.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        self.selected = super::list::step(self.selected, delta, self.items.len());
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = super::list::scrolled(self.offset, self.selected, height, self.items.len());
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

    /// Promises recorded locally.
    pub fn promises(&self) -> Vec<Promise> {
        let records: Vec<_> = self.items.iter().map(|i| i.day_record()).collect();
        crate::domain::promise::promises_of(&records)
    }
}
