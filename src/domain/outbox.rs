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
                // Agent decisions: resend or accept an uncertain one, fix a rejected one,
                // send a queued one now (it stays queued, due at once).
                | (Uncertain, Queued | Delivered)
                // A refusal with 90 that the agent found stored after all.
                | (Rejected, Delivered)
                | (Queued, Queued)
                // A late answer to a send another process had given up on.
                | (Uncertain, Rejected)
                | (Rejected, Queued)
                | (Queued | Rejected | Uncertain, Discarded)
        )
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
    pub const ALL: [Decision; 4] = [
        Decision::Send,
        Decision::MarkDelivered,
        Decision::Discard,
        Decision::Edit,
    ];

    /// The state a result in `from` (answered `server_code`, if any) moves to, or None when
    /// the decision does not apply there. Send: Queued->Queued (now), Rejected->Queued,
    /// Uncertain->Queued. MarkDelivered: Uncertain->Delivered, and Rejected->Delivered when the
    /// refusal does not prove it was not stored (a `90`). Discard: Queued|Rejected|Uncertain->
    /// Discarded. Edit: Rejected->Queued.
    pub fn target(self, from: DeliveryState, server_code: Option<&str>) -> Option<DeliveryState> {
        use DeliveryState::*;
        match (self, from) {
            // Never from Sending: that would put a second request beside the first.
            (Decision::Send, Queued | Rejected | Uncertain) => Some(Queued),
            (Decision::MarkDelivered, Uncertain) => Some(Delivered),
            (Decision::MarkDelivered, Rejected) if may_already_be_stored(Rejected, server_code) => {
                Some(Delivered)
            }
            (Decision::Discard, Queued | Rejected | Uncertain) => Some(Discarded),
            (Decision::Edit, Rejected) => Some(Queued),
            _ => None,
        }
    }

    /// Whether the agent must say yes first: a send (a resend, or the send of a correction)
    /// of a result that may already be stored (`may_already_be_stored`: it could be stored
    /// twice); marking delivered and discarding always (the agent vouches, or gives it up).
    /// The one rule every path follows: the form, the Outbox page and the CLI.
    pub fn needs_confirmation(self, from: DeliveryState, server_code: Option<&str>) -> bool {
        match self {
            Decision::Send | Decision::Edit => may_already_be_stored(from, server_code),
            Decision::MarkDelivered | Decision::Discard => true,
        }
    }

    /// The state this decision leads to wherever it applies (each decision has one).
    pub fn outcome(self) -> DeliveryState {
        match self {
            Decision::Send | Decision::Edit => DeliveryState::Queued,
            Decision::MarkDelivered => DeliveryState::Delivered,
            Decision::Discard => DeliveryState::Discarded,
        }
    }
}

impl fmt::Display for DeliveryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refusal that does not prove the result was not stored: the server's `90` answers any
/// SQL error, and its procedure inserts the row before the statements that may fail.
pub fn may_be_stored_although_refused(server_code: Option<&str>) -> bool {
    server_code.is_some_and(|c| c.trim() == "90")
}

/// Whether a result that is not marked delivered may already be on the server: uncertain (no
/// answer came, or a redirect after the POST), or refused with a `90`. Sending it again may
/// store it twice (the server has no idempotency); discarding it may hide a stored one.
pub fn may_already_be_stored(from: DeliveryState, server_code: Option<&str>) -> bool {
    match from {
        DeliveryState::Uncertain => true,
        DeliveryState::Rejected => may_be_stored_although_refused(server_code),
        _ => false,
    }
}

/// The words beside a resend of a result refused with `90`; `None` for any other.
pub fn resend_notice(from: DeliveryState, server_code: Option<&str>) -> Option<&'static str> {
    (from == DeliveryState::Rejected && may_be_stored_although_refused(server_code)).then_some(
        "it may already be stored: a 90 answers any database error, and the server inserts the row before the step that failed; sending again may store it twice",
    )
}

/// What the hint says when an uncertain result's account has left the day's list.
pub const LEFT_LIST_HINT: &str =
    "its account has left today's list: it may have arrived — check before you decide";

/// A hint, never proof, beside an uncertain result: its account has left a task list of the
/// call's own day. The list is the same for every agent, so another agent's call or a
/// payment removes an account too; the result stays uncertain until a person decides.
/// `None` when the list is of another day or still holds the account.
pub fn left_list_hint(
    call_day: chrono::NaiveDate,
    account_in_list: bool,
    list_day: chrono::NaiveDate,
) -> Option<&'static str> {
    (call_day == list_day && !account_in_list).then_some(LEFT_LIST_HINT)
}

/// One recorded result, as the day's figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRecord {
    pub account_no: String,
    /// The customer's name as recorded with the result (may be empty).
    pub name: String,
    pub action_code: String,
    pub call_time: chrono::NaiveDateTime,
    pub promise_date: Option<chrono::NaiveDate>,
    pub state: DeliveryState,
    /// What the account owed when the promise was taken.
    pub total_due: Option<super::money::Money>,
    /// Who answered.
    pub party: super::party::Party,
    /// The amount promised (the form's Amount), for a promise to pay.
    pub promised_amount: Option<super::money::Money>,
    /// The callback agreed on this call, if any.
    pub callback: Option<super::callback::Callback>,
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
    fn a_state_prints_as_its_wire_name() {
        for state in DeliveryState::ALL {
            assert_eq!(state.to_string(), state.as_str());
        }
        assert_eq!(Uncertain.to_string(), "uncertain");
    }

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
    fn every_decision_is_a_move_the_outbox_allows() {
        for d in Decision::ALL {
            for from in DeliveryState::ALL {
                if let Some(to) = d.target(from, Some("90")) {
                    assert!(from.can_become(to), "{d:?}: {from} -> {to}");
                    assert_eq!(to, d.outcome(), "{d:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn decisions_table() {
        use Decision::*;
        let table = |d: Decision| -> Vec<(DeliveryState, DeliveryState)> {
            DeliveryState::ALL
                .into_iter()
                .filter_map(|from| d.target(from, None).map(|to| (from, to)))
                .collect()
        };
        assert_eq!(
            table(Send),
            vec![(Queued, Queued), (Rejected, Queued), (Uncertain, Queued)]
        );
        assert_eq!(table(MarkDelivered), vec![(Uncertain, Delivered)]);
        assert_eq!(
            table(Discard),
            vec![
                (Queued, Discarded),
                (Rejected, Discarded),
                (Uncertain, Discarded)
            ]
        );
        assert_eq!(table(Edit), vec![(Rejected, Queued)]);
        assert_eq!(
            MarkDelivered.target(Rejected, Some("90")),
            Some(Delivered),
            "a 90 the agent found stored"
        );
        assert_eq!(MarkDelivered.target(Rejected, Some("91")), None);
        for d in Decision::ALL {
            assert_eq!(
                d.target(Sending, Some("90")),
                None,
                "{d:?}: never beside a send in flight"
            );
            assert_eq!(
                d.target(Delivered, Some("90")),
                None,
                "{d:?}: delivered stays delivered"
            );
            assert_eq!(
                d.target(Discarded, Some("90")),
                None,
                "{d:?}: discarded stays discarded"
            );
        }
    }

    #[test]
    fn confirmation_when_it_may_duplicate_or_gives_up() {
        use Decision::*;
        for from in DeliveryState::ALL {
            assert_eq!(
                Send.needs_confirmation(from, None),
                from == Uncertain,
                "{from}"
            );
            assert_eq!(
                Edit.needs_confirmation(from, None),
                from == Uncertain,
                "{from}"
            );
            assert!(MarkDelivered.needs_confirmation(from, None));
            assert!(Discard.needs_confirmation(from, None));
        }
    }

    #[test]
    fn a_refused_90_may_be_stored_so_its_resend_and_its_correction_are_confirmed() {
        use Decision::*;
        for d in [Send, Edit] {
            assert!(d.needs_confirmation(Rejected, Some("90")), "{d:?}");
            assert!(d.needs_confirmation(Rejected, Some(" 90 ")), "{d:?}");
            assert!(!d.needs_confirmation(Rejected, Some("91")), "{d:?}");
            assert!(!d.needs_confirmation(Rejected, Some("401")), "{d:?}");
            assert!(!d.needs_confirmation(Rejected, None), "{d:?}");
            assert!(d.needs_confirmation(Uncertain, None), "{d:?}");
            assert!(!d.needs_confirmation(Queued, Some("90")), "{d:?}");
        }
        assert!(may_already_be_stored(Uncertain, None));
        assert!(may_already_be_stored(Rejected, Some("90")));
        assert!(!may_already_be_stored(Rejected, Some("91")));
        assert!(!may_already_be_stored(Queued, Some("90")));
        assert!(
            resend_notice(Rejected, Some("90"))
                .unwrap()
                .contains("may already be stored")
        );
        assert_eq!(resend_notice(Rejected, Some("91")), None);
        assert_eq!(resend_notice(Uncertain, Some("90")), None);
    }

    #[test]
    fn leaving_the_list_is_a_hint_of_the_same_day_only() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let next = day.succ_opt().unwrap();
        assert_eq!(left_list_hint(day, false, day), Some(LEFT_LIST_HINT));
        assert!(LEFT_LIST_HINT.contains("may have arrived"));
        assert_eq!(left_list_hint(day, true, day), None, "still in the list");
        assert_eq!(left_list_hint(day, false, next), None, "a later day's list");
        for from in DeliveryState::ALL {
            assert!(
                !from.can_become(Delivered) || matches!(from, Sending | Uncertain | Rejected),
                "{from}: only a send or a person makes a result delivered"
            );
        }
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
