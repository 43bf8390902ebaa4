//! Rupiah amounts: exact decimals, written the Indonesian way (`Rp 1.445.252.000`).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_units(rupiah: i64) -> Self {
        Money(Decimal::from(rupiah))
    }

    /// The value as the server wrote it, keeping its scale ("29949000.00" stays so).
    pub fn wire(&self) -> String {
        self.0.to_string()
    }

    /// A plain number for CSV and scripts: no grouping, no trailing zeros ("1445252000").
    pub fn plain(&self) -> String {
        self.0.normalize().to_string()
    }

    /// This amount as a whole percent of `total` (exact, rounded half up); `None` when the
    /// total is zero.
    pub fn percent_of(&self, total: Money) -> Option<u32> {
        if total.0.is_zero() {
            return None;
        }
        // Divided first: a share never overflows the way the amount times 100 would.
        (self
            .0
            .checked_div(total.0)?
            .checked_mul(Decimal::from(100))?)
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_u32()
    }

    /// `Rp 1.445.252.000`; cents only when there are any (`Rp 1.234,50`).
    pub fn rupiah(&self) -> String {
        let rounded = self.0.round_dp(2);
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let abs = rounded.abs();
        let whole = abs.trunc();
        let cents = ((abs - whole) * Decimal::from(100)).to_u32().unwrap_or(0);
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 8);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        let sign = if negative { "-" } else { "" };
        if cents == 0 {
            format!("{sign}Rp {grouped}")
        } else {
            format!("{sign}Rp {grouped},{cents:02}")
        }
    }
}

impl Money {
    /// `Rp 1.445.252.000` in at most `width` columns, for a table cell or a line with a
    /// budget: whole when it fits; else without `Rp `; else its leading digits ending in `…`,
    /// so a cut never passes for a smaller amount (the screen rule: no digit is lost silently).
    pub fn rupiah_in(&self, width: usize) -> String {
        fit_amount(&self.rupiah(), width)
    }
}

/// An amount already written (`Rp 1.234.567`, `-Rp 5`) in at most `width` columns: whole;
/// else with `Rp ` dropped; else its left part ending in `…`. Digits are ASCII, so a
/// character is a column.
pub fn fit_amount(written: &str, width: usize) -> String {
    if written.chars().count() <= width {
        return written.to_string();
    }
    let bare = written.replacen("Rp ", "", 1);
    if bare.chars().count() <= width {
        return bare;
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = bare.chars().take(width - 1).collect();
    out.push('…');
    out
}

impl Money {
    /// An amount as an agent types it: `1500000`, `1.500.000`, `Rp 1.500.000,50` or
    /// `1500000.50`. `None` when it is not a number.
    pub fn parse_typed(typed: &str) -> Option<Money> {
        let t = typed.trim();
        let t = t
            .strip_prefix("Rp")
            .or_else(|| t.strip_prefix("rp"))
            .unwrap_or(t)
            .trim()
            .replace(' ', "");
        let (whole, cents) = match t.rsplit_once(',') {
            Some((w, c)) => (w.to_string(), Some(c)),
            None => (t.clone(), None),
        };
        // Dots between groups of three digits are the Indonesian thousands separator.
        let groups: Vec<&str> = whole.split('.').collect();
        let grouped = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3);
        let whole = if grouped || cents.is_some() {
            whole.replace('.', "")
        } else {
            whole
        };
        let text = match cents {
            Some(c) => format!("{whole}.{c}"),
            None => whole,
        };
        if text.is_empty()
            || !text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        {
            return None;
        }
        Decimal::from_str(&text).ok().map(Money)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.rupiah())
    }
}

impl FromStr for Money {
    type Err = rust_decimal::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Decimal::from_str(s.trim()).map(Money)
    }
}

impl Money {
    /// The sum, or `None` past what an amount can hold (about 7.9e28): never a panic.
    pub fn checked_add(self, rhs: Money) -> Option<Money> {
        self.0.checked_add(rhs.0).map(Money)
    }

    /// The difference, or `None` past the range.
    pub fn checked_sub(self, rhs: Money) -> Option<Money> {
        self.0.checked_sub(rhs.0).map(Money)
    }

    /// `self` as a part of `whole`, times `scale` (a bar's width), rounded up; `None` when
    /// either is not positive. Divided first, so that no amount overflows.
    pub fn scaled_share(&self, whole: Money, scale: usize) -> Option<usize> {
        if self.0 <= Decimal::ZERO || whole.0 <= Decimal::ZERO {
            return None;
        }
        self.0
            .checked_div(whole.0)?
            .checked_mul(Decimal::from(scale))?
            .ceil()
            .to_usize()
    }
}

/// Where a sum went past the range of an amount: the figure is this error, naming the
/// record whose amount took it there; every other figure still shows.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PastRange {
    pub record: String,
}

impl fmt::Display for PastRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: past the range at {}", self.record)
    }
}

/// A sum of amounts, checked: exact, or past the range from the record that took it there
/// on (`PastRange`). Adding never panics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Total {
    sum: Money,
    past_range: Option<PastRange>,
}

impl Total {
    pub fn of(m: Money) -> Total {
        Total {
            sum: m,
            past_range: None,
        }
    }

    /// Adds `amount` of the record `record` names (asked only when the sum goes past the
    /// range). Once past, the total stays an error naming the first record that took it there.
    pub fn add(&mut self, amount: Money, record: impl FnOnce() -> String) {
        if self.past_range.is_some() {
            return;
        }
        match self.sum.checked_add(amount) {
            Some(s) => self.sum = s,
            None => self.past_range = Some(PastRange { record: record() }),
        }
    }

    /// Another total added to this one (groups into a grand total).
    pub fn add_total(&mut self, other: &Total) {
        if self.past_range.is_some() {
            return;
        }
        match &other.past_range {
            Some(p) => self.past_range = Some(p.clone()),
            None => {
                let record = || "(a sum of groups)".to_string();
                self.add(other.sum, record)
            }
        }
    }

    /// The sum, or where it went past the range.
    pub fn value(&self) -> Result<Money, PastRange> {
        match &self.past_range {
            None => Ok(self.sum),
            Some(p) => Err(p.clone()),
        }
    }

    /// The sum, zero when past the range (for a bar's share; the figure itself says the error).
    pub fn or_zero(&self) -> Money {
        self.value().unwrap_or_default()
    }

    /// `Rp 1.445.252.000`, or the error naming the record.
    pub fn rupiah(&self) -> String {
        match self.value() {
            Ok(m) => m.rupiah(),
            Err(e) => e.to_string(),
        }
    }

    /// `rupiah` in at most `width` columns.
    pub fn rupiah_in(&self, width: usize) -> String {
        fit_amount(&self.rupiah(), width)
    }

    /// A plain number for CSV and scripts, or the error naming the record.
    pub fn plain(&self) -> String {
        match self.value() {
            Ok(m) => m.plain(),
            Err(e) => e.to_string(),
        }
    }

    /// This total as a whole percent of `total`; `None` when either cannot say.
    pub fn percent_of(&self, total: &Total) -> Option<u32> {
        self.value().ok()?.percent_of(total.value().ok()?)
    }
}

/// Unchecked sums for tests only: the program adds with `checked_add` or `Total`.
#[cfg(test)]
impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        self.checked_add(rhs).expect("a test's sum fits")
    }
}

#[cfg(test)]
impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        self.checked_sub(rhs).expect("a test's difference fits")
    }
}

#[cfg(test)]
impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// Equal to an amount when it is that sum (never when past the range).
impl PartialEq<Money> for Total {
    fn eq(&self, other: &Money) -> bool {
        self.value() == Ok(*other)
    }
}

/// Largest first puts a sum past the range above every other.
impl PartialOrd for Total {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Total {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.past_range.is_some(), self.sum, &self.past_range).cmp(&(
            other.past_range.is_some(),
            other.sum,
            &other.past_range,
        ))
    }
}

/// A number when it is one; the error's words when the sum went past the range.
impl Serialize for Total {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value() {
            Ok(m) => m.serialize(s),
            Err(e) => s.serialize_str(&e.to_string()),
        }
    }
}

/// A figure kept as text (`today`'s sums: a plain number, or the error of a sum past the
/// range) in rupiah for a person: a number as `Rp 1.500.000`, anything else as it is.
pub fn shown_figure(plain: &str) -> String {
    match plain.parse::<Money>() {
        Ok(m) => m.rupiah(),
        Err(_) => plain.to_string(),
    }
}

/// Termin money goes on the wire as JSON numbers (the provider documents "NUMERIC (Float)").
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract().is_zero()
            && let Some(i) = self.0.to_i64()
        {
            return s.serialize_i64(i);
        }
        // Cents (or an amount past i64) as the decimal it is: JSON's number grammar (digits,
        // one point, no exponent), exact whatever its size, where a float rounds past 15 digits.
        match serde_json::value::RawValue::from_string(self.plain()) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_f64(self.0.to_f64().unwrap_or(0.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_are_exact_and_never_use_an_exponent() {
        let json = |s: &str| serde_json::to_string(&s.parse::<Money>().unwrap()).unwrap();
        assert_eq!(json("1234567890123"), "1234567890123");
        assert_eq!(json("2469135780251.45"), "2469135780251.45");
        assert_eq!(json("12345678901234567.89"), "12345678901234567.89");
        assert_eq!(json("-0.50"), "-0.5");
        assert_eq!(json("0.00001"), "0.00001");
        assert_eq!(json("99999999999999999999"), "99999999999999999999");
    }

    #[test]
    fn a_sum_past_the_range_is_an_error_naming_its_record() {
        let huge = Money("50000000000000000000000000000".parse().unwrap());
        let mut t = Total::default();
        t.add(huge, || "PO-1".into());
        assert_eq!(t.value(), Ok(huge));
        t.add(huge, || "PO-2".into());
        t.add(Money::from_units(1), || "PO-3".into());
        assert_eq!(
            t.value(),
            Err(PastRange {
                record: "PO-2".into()
            })
        );
        assert_eq!(t.rupiah(), "error: past the range at PO-2");
        assert_eq!(t.plain(), "error: past the range at PO-2");
        assert!(t > Total::of(huge), "past the range sorts as the largest");
        assert_eq!(huge.percent_of(huge), Some(100));
        assert_eq!(huge.scaled_share(huge, 10), Some(10));
        assert_eq!(Money::from_units(1).percent_of(huge), Some(0));
        assert_eq!(shown_figure("1500000"), "Rp 1.500.000");
        assert_eq!(shown_figure(&t.plain()), "error: past the range at PO-2");
    }

    proptest::proptest! {
        /// However large or many the amounts, a sum never panics: it is exact while it fits
        /// (checked against i128 arithmetic) and an error naming a record once it does not.
        #[test]
        fn sums_never_panic_and_are_exact_while_they_fit(
            amounts in proptest::collection::vec(
                proptest::prop_oneof![
                    -10_000_000_000_000i64..10_000_000_000_000i64,
                    proptest::strategy::Just(i64::MAX),
                    proptest::strategy::Just(i64::MIN),
                ],
                0..40,
            ),
            huge in proptest::collection::vec(0u32..3, 0..40),
        ) {
            let big = Decimal::MAX / Decimal::from(2);
            let mut t = Total::default();
            let mut exact: Option<Decimal> = Some(Decimal::ZERO);
            for (i, a) in amounts.iter().enumerate() {
                let m = match huge.get(i) {
                    Some(2) => Money(big),
                    Some(1) => Money(-big),
                    _ => Money::from_units(*a),
                };
                t.add(m, || format!("record {i}"));
                exact = exact.and_then(|e| e.checked_add(m.0));
                let _ = t.rupiah();
                let _ = t.rupiah_in(12);
                let _ = t.percent_of(&Total::of(Money(big)));
                let _ = m.scaled_share(Money(big), 10);
            }
            match (t.value(), exact) {
                (Ok(v), Some(e)) => proptest::prop_assert_eq!(v.0, e),
                (Err(p), None) => proptest::prop_assert!(p.record.starts_with("record ")),
                (got, want) => proptest::prop_assert!(false, "{got:?} vs {want:?}"),
            }
        }
    }

    #[test]
    fn money_prints_as_rupiah_and_takes_a_width() {
        let m = Money::from_units(1_500_000);
        assert_eq!(m.to_string(), "Rp 1.500.000");
        assert_eq!(format!("{m:>14}|"), "  Rp 1.500.000|");
        assert_eq!(format!("{m:<14}|"), "Rp 1.500.000  |");
    }

    #[test]
    fn a_typed_amount_reads_with_indonesian_grouping_or_plain() {
        let m = |s: &str| Money::parse_typed(s).map(|m| m.plain());
        assert_eq!(m("1500000").as_deref(), Some("1500000"));
        assert_eq!(m("1.500.000").as_deref(), Some("1500000"));
        assert_eq!(m("Rp 1.500.000,50").as_deref(), Some("1500000.5"));
        assert_eq!(m("1500000.50").as_deref(), Some("1500000.5"));
        assert_eq!(m("1,5").as_deref(), Some("1.5"));
        assert_eq!(m("satu juta"), None);
        assert_eq!(m(""), None);
        assert_eq!(m("1.50.0"), None);
        assert_eq!(m("+5"), None, "only digits, a point, a comma and a minus");
        assert_eq!(
            m("-5").as_deref(),
            Some("-5"),
            "refused later as not positive"
        );
    }

    #[test]
    fn a_share_in_whole_percent() {
        let m = Money::from_units;
        assert_eq!(m(1).percent_of(m(3)), Some(33));
        assert_eq!(m(1).percent_of(m(2)), Some(50));
        assert_eq!(m(1).percent_of(m(200)), Some(1), "0.5 rounds up");
        assert_eq!(m(5).percent_of(Money::ZERO), None);
    }

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn rupiah_groups_thousands_with_dots() {
        assert_eq!(m("1445252000").rupiah(), "Rp 1.445.252.000");
        assert_eq!(m("29949000.00").rupiah(), "Rp 29.949.000");
        assert_eq!(m("999").rupiah(), "Rp 999");
        assert_eq!(m("1000").rupiah(), "Rp 1.000");
        assert_eq!(m("0").rupiah(), "Rp 0");
    }

    #[test]
    fn rupiah_shows_cents_with_comma_only_when_present() {
        assert_eq!(m("1234.5").rupiah(), "Rp 1.234,50");
        assert_eq!(m("-1000").rupiah(), "-Rp 1.000");
    }

    #[test]
    fn sums_are_exact() {
        let total: Money = ["0.10", "0.20", "0.30"].iter().map(|s| m(s)).sum();
        assert_eq!(total, m("0.6"));
        assert_eq!(m("29949000.00") + m("77312731.00"), m("107261731"));
    }

    #[test]
    fn plain_and_wire_forms() {
        assert_eq!(m("29949000.00").wire(), "29949000.00");
        assert_eq!(m("29949000.00").plain(), "29949000");
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    #[test]
    fn an_amount_that_fits_is_whole_then_loses_rp_then_ends_in_an_ellipsis() {
        let m = Money::from_units(1_234_567_890_123);
        assert_eq!(m.rupiah_in(40), "Rp 1.234.567.890.123");
        assert_eq!(m.rupiah_in(20), "Rp 1.234.567.890.123");
        assert_eq!(m.rupiah_in(19), "1.234.567.890.123");
        assert_eq!(m.rupiah_in(17), "1.234.567.890.123");
        assert_eq!(m.rupiah_in(16), "1.234.567.890.1…");
        assert_eq!(m.rupiah_in(1), "…");
        assert_eq!(m.rupiah_in(0), "");
        assert_eq!(fit_amount("-Rp 5.000", 6), "-5.000");
    }
}
