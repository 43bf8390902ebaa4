//! Tolerant readers for what servers really send: numbers as strings or as JSON numbers,
//! `""` or `null` for "no value", and several date spellings. One visitor reads any scalar;
//! each `deserialize_with` helper below turns it into the type a field needs.

use super::dates;
use super::money::Money;
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::ser::Serializer;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Any JSON scalar; objects and arrays are skipped and read as "no value".
enum Scalar<'a> {
    Null,
    Str(Cow<'a, str>),
    Int(i128),
    Float(f64),
    Bool(bool),
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v as i128))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v as i128))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Null)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Null)
    }
}

impl Scalar<'_> {
    /// The value as text, trimmed; `None` for null and blank.
    fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Scalar::Null => None,
            Scalar::Str(s) => {
                let t = s.trim();
                (!t.is_empty()).then_some(Cow::Borrowed(t))
            }
            Scalar::Int(i) => Some(Cow::Owned(i.to_string())),
            // Rust prints the shortest text that reads back as the same f64: for any number a
            // server wrote with up to 15 significant digits, that is exactly what it wrote.
            Scalar::Float(f) => Some(Cow::Owned(f.to_string())),
            Scalar::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        }
    }

    fn decimal(&self) -> Option<Decimal> {
        match self {
            Scalar::Int(i) => Decimal::try_from_i128_with_scale(*i, 0).ok(),
            _ => {
                let t = self.text()?;
                Decimal::from_str(&t)
                    .or_else(|_| Decimal::from_scientific(&t))
                    .ok()
            }
        }
    }
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar<'de>, D::Error> {
    d.deserialize_any(ScalarVisitor)
}

/// Text field: null -> "", numbers -> their digits. Never fails on a scalar.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Null => String::new(),
        Scalar::Str(s) => s.into_owned(),
        other => other.text().map(Cow::into_owned).unwrap_or_default(),
    })
}

/// Text field kept compact (see `task::Text`): null -> "", numbers -> their digits.
pub fn compact<'de, D: Deserializer<'de>>(d: D) -> Result<compact_str::CompactString, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Null => compact_str::CompactString::default(),
        Scalar::Str(s) => compact_str::CompactString::from(s.as_ref()),
        other => other
            .text()
            .map(|t| compact_str::CompactString::from(t.as_ref()))
            .unwrap_or_default(),
    })
}

pub fn money<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
    Ok(scalar(d)?.decimal().map(Money))
}

/// Whole numbers: "5", 5, 5.0 and "5.00" all read as 5; anything else is "no value".
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = scalar(d)?.decimal();
    Ok(v.filter(|v| v.fract().is_zero())
        .and_then(|v| i64::try_from(v).ok()))
}

pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(scalar(d)?.text().and_then(|t| dates::parse_date(&t)))
}

pub fn datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
    Ok(scalar(d)?.text().and_then(|t| dates::parse_datetime(&t)))
}

// Writers for the desk-collection wire form, where every value is a string and a missing
// value is "" (SQL NULL comes back as "").

pub fn money_as_string<S: Serializer>(v: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(m) => s.serialize_str(&m.wire()),
        None => s.serialize_str(""),
    }
}

pub fn int_as_string<S: Serializer>(v: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(i) => s.collect_str(i),
        None => s.serialize_str(""),
    }
}

pub fn date_as_string<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.collect_str(&d.format(dates::DATE)),
        None => s.serialize_str(""),
    }
}

/// The server's locale form, `2/20/2021 12:00:00 AM`.
pub fn datetime_as_us_string<S: Serializer>(
    v: &Option<NaiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.collect_str(&d.format(dates::US_DATETIME)),
        None => s.serialize_str(""),
    }
}

/// Money the server leaves null (`installment_amount`).
pub fn money_or_null<S: Serializer>(v: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(m) => s.serialize_str(&m.wire()),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct Probe {
        #[serde(default, deserialize_with = "string")]
        s: String,
        #[serde(default, deserialize_with = "money")]
        m: Option<Money>,
        #[serde(default, deserialize_with = "int")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "date")]
        d: Option<NaiveDate>,
    }

    fn probe(json: &str) -> Probe {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_as_strings_or_numbers_read_the_same() {
        let a = probe(r#"{"m":"29949000.00","i":"5"}"#);
        let b = probe(r#"{"m":29949000.00,"i":5}"#);
        assert_eq!(a.m, b.m);
        assert_eq!(a.i, Some(5));
        assert_eq!(b.i, Some(5));
        assert_eq!(probe(r#"{"i":"5.00"}"#).i, Some(5));
        assert_eq!(probe(r#"{"m":0.1}"#).m, Some("0.1".parse().unwrap()));
    }

    #[test]
    fn null_blank_and_missing_are_no_value() {
        for json in [
            r#"{"s":null,"m":null,"i":null,"d":null}"#,
            r#"{"s":"","m":"","i":" ","d":""}"#,
            "{}",
        ] {
            let p = probe(json);
            assert_eq!(p.s, "");
            assert_eq!(p.m, None);
            assert_eq!(p.i, None);
            assert_eq!(p.d, None);
        }
    }

    #[test]
    fn strings_accept_numbers_and_odd_shapes() {
        assert_eq!(probe(r#"{"s":12}"#).s, "12");
        assert_eq!(probe(r#"{"s":true}"#).s, "true");
        assert_eq!(probe(r#"{"s":{"x":1}}"#).s, "");
        assert_eq!(probe(r#"{"m":"abc"}"#).m, None);
    }

    #[test]
    fn dates_in_every_spelling() {
        let want = NaiveDate::from_ymd_opt(2021, 2, 20);
        for s in [
            "2021-02-20",
            "2/20/2021 12:00:00 AM",
            "2021-02-20 00:00:00",
            "2021-02-20T23:27:56.435Z",
        ] {
            assert_eq!(probe(&format!(r#"{{"d":"{s}"}}"#)).d, want, "{s}");
        }
        assert_eq!(probe(r#"{"d":"not a date"}"#).d, None);
    }
}
