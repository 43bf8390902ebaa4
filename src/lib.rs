//! deskcoll: a terminal workstation for desk collection.
//!
//! Layers, imports pointing down: `cli`/`tui` -> `api`, `twin`, `config` -> `domain`.

pub mod api;
pub mod cli;
pub mod clock;
pub mod config;
pub mod delivery;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod session;
pub mod store;
pub mod termin_snapshot;
pub mod tui;
pub mod twin;
