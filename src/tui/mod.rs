//! The full-screen workstation: an Elm-like loop. Terminal events and the answers of
//! background work become `Action`s; `app::update` hands them to the pages and names the work
//! to start (`Effect`s), which `runtime` runs in tokio tasks; `view::draw` paints the state.
//!
//! Where things live: `pages/<page>/` holds each page's state, update and view; `modal` the
//! one overlay that takes the keys; `keymap` every binding; `layout` every rectangle; `desk`
//! what all pages read about the agent's own work; `list` the one scrolling list.

pub mod app;
pub mod chrome;
pub mod desk;
#[doc(hidden)]
pub mod harness;
pub mod keymap;
pub mod keyspec;
pub mod layout;
pub mod list;
pub mod message;
pub mod modal;
mod mouse;
pub mod pages;
pub mod runtime;
pub mod view;

pub use pages::queue::zones_of;
pub use runtime::{Runtime, execute, outbox_snapshot, run, settings};

#[cfg(test)]
mod consent_tests;
#[cfg(test)]
mod ledger_tests;
#[cfg(test)]
mod tests;
