//! deskcoll: a terminal workstation for desk collection.
//!
//! Layers, imports pointing down: `cli`/`tui` -> `api`, `twin`, `config` -> `domain`.

pub mod domain;
pub mod api;
pub mod twin;
pub mod config;
pub mod cli;
pub mod tui;
