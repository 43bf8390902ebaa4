//! The embedded server twin: behaves like the real desk-collection and termin services
//! (routes, auth, signing, codes, quirks), with generated data and fault injection.
//! It backs the demo mode and the tests.

pub mod aspnet;
pub mod book;
pub mod ledger;
mod server;
mod state;

pub use ledger::{Answer, ReceivedResult};
pub use server::{RunningTwin, TwinOptions, start};

/// The seed documents' published example credentials: fixtures for the twin and the tests,
/// never defaults of the client.
pub const SEED_USER: &str = "SERVICEMNC";
pub const SEED_PASSWORD: &str = "Mnc%^21";
pub const SEED_HASH_KEY: &str = "8de3ef10fec04f05adb8631f9186a437";
pub const TERMIN_PATH: &str = "/api/v1/bumn/transactions/termin";
pub use crate::domain::termin::LOGIN_PATH;
/// The twin's own login fixtures (the provider publishes none).
pub const SEED_ACCESS_KEY: &str = "twin-access-key";
pub const SEED_ACCESS_SECRET: &str = "twin-access-secret";
