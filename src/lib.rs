//! deskcoll: a terminal workstation for desk collection.
//!
//! Layers, imports pointing down: `cli`/`tui` -> `api`, `twin`, `config` -> `domain`.
#![forbid(unsafe_code)]

/// The version and the commit it was built from: `0.1.0 (commit 1a2b3c4d5e6f)`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("DESKCOLL_COMMIT"),
    ")"
);

pub mod api;
pub mod cli;
pub mod clock;
pub mod config;
pub mod delivery;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod list_cache;
pub mod session;
pub mod store;
pub mod team;
pub mod termin_snapshot;
pub mod tui;
pub mod twin;
