//! HTTP client for both services: one shared `reqwest::Client`, typed errors.

mod client;
mod error;

pub use client::{
    BasicAuth, Client, ClientOptions, CollectionEndpoint, TerminAuth, TerminEndpoint,
};
pub use error::{ApiError, excerpt};
