//! A desk's chain of receipts against the team ledger's copy (`audit --verify
//! --against-team`): what the ledger holds must be on the desk, byte for byte.

/// The first way the desk's chain differs from the ledger's, by `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerDifference {
    /// The ledger holds `seq`; the desk does not (a deleted tail, or a removed receipt).
    Missing { seq: u64 },
    /// The desk's receipt `seq` is not the one the ledger holds (edited or re-sealed).
    Differs {
        seq: u64,
        here: String,
        ledger: String,
    },
}

/// `(seq, body, sha256)` of the desk's receipts and of the ledger's (any order). `Ok(n)`: the
/// ledger's copy is all on the desk as it is, and `n` receipts of the desk are not in the
/// ledger yet (pushed later).
pub fn compare(
    desk: &[(u64, String, String)],
    ledger: &[(u64, String, String)],
) -> Result<usize, LedgerDifference> {
    let here: std::collections::HashMap<u64, (&str, &str)> = desk
        .iter()
        .map(|(s, b, h)| (*s, (b.as_str(), h.as_str())))
        .collect();
    let mut held: Vec<&(u64, String, String)> = ledger.iter().collect();
    held.sort_by_key(|(s, _, _)| *s);
    for (seq, body, sha) in &held {
        match here.get(seq) {
            None => return Err(LedgerDifference::Missing { seq: *seq }),
            Some((b, h)) if b != body || h != sha => {
                return Err(LedgerDifference::Differs {
                    seq: *seq,
                    here: h.to_string(),
                    ledger: sha.clone(),
                });
            }
            Some(_) => {}
        }
    }
    let last = held.last().map_or(0, |(s, _, _)| *s);
    Ok(desk.iter().filter(|(s, _, _)| *s > last).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(seq: u64, sha: &str) -> (u64, String, String) {
        (seq, format!("body {sha}"), sha.to_string())
    }

    #[test]
    fn the_first_difference_is_named() {
        let ledger = [r(1, "a"), r(2, "b"), r(3, "c")];
        assert_eq!(
            compare(&[r(1, "a"), r(2, "b"), r(3, "c"), r(4, "d")], &ledger),
            Ok(1)
        );
        assert_eq!(
            compare(&[r(1, "a"), r(2, "b")], &ledger),
            Err(LedgerDifference::Missing { seq: 3 }),
            "a deleted tail"
        );
        assert_eq!(
            compare(&[r(1, "a"), r(2, "x"), r(3, "y")], &ledger),
            Err(LedgerDifference::Differs {
                seq: 2,
                here: "x".into(),
                ledger: "b".into()
            }),
            "re-sealed from 2 on"
        );
        let mut edited = vec![r(1, "a"), r(2, "b"), r(3, "c")];
        edited[0].1 = "edited".into();
        assert!(matches!(
            compare(&edited, &ledger),
            Err(LedgerDifference::Differs { seq: 1, .. })
        ));
        assert_eq!(compare(&[r(1, "a")], &[]), Ok(1), "nothing pushed yet");
    }
}
