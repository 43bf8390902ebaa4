//! Where a recorded result stands on its way to the server, and which moves are allowed.
//! The server has no duplicate protection, so a result that may have arrived is never sent
//! again without a person deciding.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryState {
    /// Saved, waiting to be sent.
    Queued,
    /// A request is on its way.
    Sending,
    /// The server answered 00.
    Delivered,
    /// The server said no (90, 91, 4xx): kept with the reason, editable, resendable.
    Rejected,
    /// It may have reached the server but no answer came.
    Uncertain,
    /// Taken out by the agent, with confirmation; kept for the record.
    Discarded,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 6] = [
        DeliveryState::Queued,
        DeliveryState::Sending,
        DeliveryState::Delivered,
        DeliveryState::Rejected,
        DeliveryState::Uncertain,
        DeliveryState::Discarded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Queued => "queued",
            DeliveryState::Sending => "sending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Rejected => "rejected",
            DeliveryState::Uncertain => "uncertain",
            DeliveryState::Discarded => "discarded",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryState> {
        DeliveryState::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// Not delivered and not given up: the agent still has to care about it.
    pub fn is_open(self) -> bool {
        !matches!(self, DeliveryState::Delivered | DeliveryState::Discarded)
    }

    /// The moves the outbox may make.
    pub fn can_become(self, next: DeliveryState) -> bool {
        use DeliveryState::*;
        matches!(
            (self, next),
            (Queued, Sending)
                | (Sending, Delivered | Rejected | Uncertain | Queued)
                // Agent decisions: resend or accept an uncertain one, fix a rejected one.
                | (Uncertain, Queued | Delivered)
                // A late answer to a send another process had given up on.
                | (Uncertain, Rejected)
                | (Rejected, Queued)
                // Evidence: the account left the queue.
                | (Queued | Rejected, Delivered)
                | (Queued | Rejected | Uncertain, Discarded)
        )
    }
}

impl fmt::Display for DeliveryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an agent may decide about a result in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Send,
    MarkDelivered,
    Discard,
    Edit,
}

impl Decision {
    /// The state a result in `from` moves to, or None when the decision does not apply there.
    pub fn target(self, from: DeliveryState) -> Option<DeliveryState> {
        use DeliveryState::*;
        match (self, from) {
            (Decision::Send, Queued | Rejected | Uncertain) => Some(Queued),
            (Decision::MarkDelivered, Uncertain) => Some(Delivered),
            (Decision::Discard, Queued | Rejected | Uncertain) => Some(Discarded),
            (Decision::Edit, Rejected) => Some(Queued),
            _ => None,
        }
    }

    /// Whether the agent must say yes first (it may duplicate a stored result, or it gives
    /// one up).
    pub fn needs_confirmation(self, from: DeliveryState) -> bool {
        matches!(
            (self, from),
            (Decision::Send, DeliveryState::Uncertain)
                | (Decision::MarkDelivered, _)
                | (Decision::Discard, _)
        )
    }
}

/// Seconds to wait before attempt `attempts + 1`: doubling from `base`, at most five minutes,
/// with up to a quarter more at random (`jitter` in 0..1) so that many agents coming back
/// online do not all retry at once.
pub fn backoff_millis(attempts: u32, base_millis: u64, jitter: f64) -> u64 {
    let exp = base_millis.saturating_mul(1u64 << attempts.min(20));
    let capped = exp.min(300_000);
    capped + (capped as f64 * 0.25 * jitter.clamp(0.0, 1.0)) as u64
}

#[cfg(test)]
mod tests {
    use super::DeliveryState::*;
    use super::*;

    #[test]
    fn uncertain_is_never_resent_without_a_decision() {
        assert!(!Uncertain.can_become(Sending));
        assert!(Uncertain.can_become(Queued), "an explicit resend");
        assert!(Uncertain.can_become(Delivered));
    }

    #[test]
    fn the_happy_and_the_refused_paths() {
        assert!(Queued.can_become(Sending));
        assert!(Sending.can_become(Delivered));
        assert!(Sending.can_become(Rejected));
        assert!(Rejected.can_become(Queued));
        assert!(!Delivered.can_become(Queued));
        assert!(
            !Delivered.can_become(Discarded),
            "delivered stays delivered"
        );
        assert!(!Sending.can_become(Discarded));
        assert!(
            !Queued.can_become(Uncertain),
            "only a send can become uncertain"
        );
    }

    #[test]
    fn names_round_trip() {
        for s in DeliveryState::ALL {
            assert_eq!(DeliveryState::parse(s.as_str()), Some(s));
        }
        assert!(!Delivered.is_open() && Uncertain.is_open());
    }

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff_millis(0, 1000, 0.0), 1000);
        assert_eq!(backoff_millis(3, 1000, 0.0), 8000);
        assert_eq!(backoff_millis(30, 1000, 0.0), 300_000);
        assert_eq!(backoff_millis(0, 1000, 1.0), 1250);
    }
}
