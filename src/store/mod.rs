//! Local durable state: the outbox of results and, through it, each account's history.

mod outbox;

pub use outbox::{
    ContactEvent, Counts, Health, Noted, Outbox, OutboxItem, SCHEMA_VERSION, StoreError,
    StoredReceipt, inspect, AuditRecords, PLAIN, unsigned_body,
};
