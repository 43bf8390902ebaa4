//! Local durable state: the outbox of results and, through it, each account's history.

mod outbox;

pub use outbox::{
    AuditRecords, ContactEvent, Counts, Health, Noted, Outbox, OutboxItem, PLAIN, SCHEMA_VERSION,
    StoreError, StoredReceipt, inspect, unsigned_body,
};
