//! Who answered the call. POJK 22/2023 art. 62(2): collection is aimed at the consumer only,
//! so what may be agreed (a promise to pay) depends on who was on the line. The server has no
//! field for it: the party is kept with the result in the outbox.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Party {
    Debtor,
    /// A co-signer or guarantor on the contract.
    CoDebtor,
    Spouse,
    Family,
    EmergencyContact,
    ThirdParty,
    /// Nobody answered (no answer, busy, number inactive).
    Nobody,
    /// Not said: a script written before the party was asked.
    #[default]
    Unknown,
}

impl Party {
    /// What the form offers, in its order (`unknown` is never chosen, only left unsaid).
    pub const CHOICES: [Party; 7] = [
        Party::Debtor,
        Party::CoDebtor,
        Party::Spouse,
        Party::Family,
        Party::EmergencyContact,
        Party::ThirdParty,
        Party::Nobody,
    ];

    /// The name in the outbox, the CLI (`--party`), the batch file and JSON.
    pub fn wire(self) -> &'static str {
        match self {
            Party::Debtor => "debtor",
            Party::CoDebtor => "co_debtor",
            Party::Spouse => "spouse",
            Party::Family => "family",
            Party::EmergencyContact => "emergency_contact",
            Party::ThirdParty => "third_party",
            Party::Nobody => "nobody",
            Party::Unknown => "unknown",
        }
    }

    /// From its wire name (any case; `-` for `_`); blank is `unknown`.
    pub fn parse(s: &str) -> Option<Party> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        if s.is_empty() {
            return Some(Party::Unknown);
        }
        [Party::Unknown]
            .into_iter()
            .chain(Party::CHOICES)
            .find(|p| p.wire() == s)
    }

    /// The party a result code settles by itself: nobody answered (NCT01 no answer, NCT02
    /// busy, NCT03 number inactive), or a stranger did (NCT04 wrong number).
    pub fn implied_by(result_code: &str) -> Option<Party> {
        match result_code.trim().to_ascii_uppercase().as_str() {
            "NCT01" | "NCT02" | "NCT03" => Some(Party::Nobody),
            "NCT04" => Some(Party::ThirdParty),
            _ => None,
        }
    }

    /// A right-party contact: the consumer, or who signed the contract with them.
    pub fn is_right_party(self) -> bool {
        matches!(self, Party::Debtor | Party::CoDebtor)
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.wire())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_party_reads_back_from_its_wire_name_and_blank_is_unknown() {
        for p in Party::CHOICES.into_iter().chain([Party::Unknown]) {
            assert_eq!(Party::parse(p.wire()), Some(p));
            assert_eq!(Party::parse(&p.wire().to_uppercase()), Some(p));
        }
        assert_eq!(Party::parse("co-debtor"), Some(Party::CoDebtor));
        assert_eq!(Party::parse("  "), Some(Party::Unknown));
        assert_eq!(Party::parse("neighbour"), None);
    }

    #[test]
    fn no_answer_busy_and_inactive_mean_nobody_and_a_wrong_number_a_third_party() {
        for code in ["NCT01", "nct02", "NCT03"] {
            assert_eq!(Party::implied_by(code), Some(Party::Nobody), "{code}");
        }
        assert_eq!(Party::implied_by("NCT04"), Some(Party::ThirdParty));
        assert_eq!(Party::implied_by("CTC01"), None);
        assert_eq!(Party::implied_by(""), None);
    }

    #[test]
    fn only_the_debtor_and_a_co_debtor_are_the_right_party() {
        let right: Vec<Party> = Party::CHOICES
            .into_iter()
            .chain([Party::Unknown])
            .filter(|p| p.is_right_party())
            .collect();
        assert_eq!(right, [Party::Debtor, Party::CoDebtor]);
    }
}
