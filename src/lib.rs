//! deskcoll: a terminal workstation for desk collection.
//!
//! Layers, imports pointing down: `cli`/`tui` -> `api`, `twin`, `config` -> `domain`.

pub mod api;
pub mod cli;
pub mod config;
pub mod session;
pub mod clock;
pub mod domain;
pub mod tui;
pub mod twin;
