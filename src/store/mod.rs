//! Local durable state: the outbox of results and, through it, each account's history.

mod outbox;

pub use outbox::{
    AuditRecords, ContactEvent, Counts, Health, LedgerWaiting, Noted, Outbox, OutboxItem, PLAIN,
    Pending, PendingReceipt, SCHEMA_VERSION, StoreError, StoredReceipt, inspect, unsigned_body,
};
