//! The Outbox tab's state: the results as last read from the outbox, the selection, and
//! each account's timeline for the detail pane.

use crate::domain::dates;
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
        if !self.items.is_empty() {
            let last = self.items.len() as isize - 1;
            self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
        }
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
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

    /// Promises recorded locally (not discarded, not rejected: those never reached the server).
    pub fn promises(&self) -> Vec<Promise> {
        self.items
            .iter()
            .filter(|i| !matches!(i.state, DeliveryState::Discarded | DeliveryState::Rejected))
            .filter_map(|i| {
                Some(Promise {
                    account_no: i.account_no.clone(),
                    promise_date: i.result.promise_date?,
                    call_time: dates::parse_datetime(&i.call_time)?,
                })
            })
            .collect()
    }
}
