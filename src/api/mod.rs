//! HTTP client for both services: one shared `reqwest::Client`, typed errors.

mod client;
mod error;
mod token;

pub use client::{
    BasicAuth, Client, ClientOptions, CollectionEndpoint, DEFAULT_MAX_BODY_MB, LoginAuth,
    MAX_RETRY_AFTER, TerminAuth, TerminEndpoint, parse_retry_after,
};
pub use error::{ApiError, excerpt};
