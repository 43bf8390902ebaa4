//! Pure types and rules: no I/O, no async. Everything else in the crate imports from here;
//! this module imports nothing of ours from outside `domain`.

#[cfg(test)]
mod boundaries;
pub mod bucket;
pub mod callback;
pub mod codes;
pub mod dates;
pub mod floor;
pub mod glossary;
#[cfg(test)]
mod instants;
pub mod jcs;
pub mod lang;
pub mod ledger;
pub mod lenient;
pub mod money;
pub mod order;
pub mod outbox;
pub mod party;
pub mod phone;
pub mod promise;
pub mod receipt;
pub mod result;
pub mod secret;
pub mod task;
pub mod termin;
pub mod termin_desk;
pub mod termin_view;
pub mod text;
pub mod today;
pub mod verdict;
pub mod window;
pub mod zone;

pub use money::Money;
pub use result::{
    CollectionRequest, CollectionResponse, CollectionResult, FieldError, ResultDraft,
};
pub use secret::Secret;
pub use task::Task;
pub use termin::{TerminErrorBody, TerminPage, Transaction};

/// Why a server body could not be turned into our types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("server returned no task list (\"data\" is null: the server's database query failed)")]
    NoTaskList,
}

impl From<serde_json::Error> for WireError {
    fn from(e: serde_json::Error) -> Self {
        let full = e.to_string();
        // serde_json appends " at line X column Y"; we report those separately.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        WireError::Malformed {
            line: e.line(),
            column: e.column(),
            // serde quotes what it found (an unknown value, a string): server text.
            message: text::sanitize(&message).into_owned(),
        }
    }
}
