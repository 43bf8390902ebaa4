//! HTTP client for both services: one shared `reqwest::Client`, typed errors.

mod client;
mod error;
mod token;

pub use client::{
    BasicAuth, BusyWait, Client, ClientOptions, CollectionEndpoint, DEFAULT_MAX_BODY_MB,
    DEFAULT_MAX_RETRY_AFTER_SECS, DEFAULT_MAX_TOTAL_MB, LoginAuth, MAX_RETRY_AFTER, OnWait,
    RequestKind, TerminAuth, TerminEndpoint, parse_retry_after,
};
pub use error::{ApiError, excerpt};
