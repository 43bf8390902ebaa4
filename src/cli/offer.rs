//! Values offered to the shell's completion without changing who checks them: a parser that
//! takes any text (the command checks it and names every fault on one line, as before) and
//! lists the closed set it belongs to, which clap_complete offers and `--help` shows.

use clap::builder::{PossibleValue, TypedValueParser};

#[derive(Clone)]
pub struct Offered(pub Vec<&'static str>);

impl TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|v| PossibleValue::new(*v))))
    }
}

/// `termin --sort`: the whole set's columns.
pub fn termin_columns() -> Offered {
    use crate::domain::termin_desk::Column;
    Offered(Column::ALL.iter().map(|c| c.arg_name()).collect())
}

/// `termin --group-by`.
pub fn termin_groupings() -> Offered {
    use crate::domain::termin_desk::GroupBy;
    Offered(GroupBy::ALL.iter().map(|g| g.arg_name()).collect())
}

/// `submit --party`: who may answer.
pub fn parties() -> Offered {
    Offered(vec![
        "debtor",
        "co_debtor",
        "spouse",
        "family",
        "emergency_contact",
        "third_party",
        "nobody",
        "unknown",
    ])
}

/// `submit --action`: the shipped code list's actions (a company's own list is checked when
/// the command runs).
pub fn actions() -> Offered {
    let codes = crate::domain::codes::MasterData::builtin();
    let mut names: Vec<&'static str> = codes
        .actions
        .iter()
        .map(|a| &*Box::leak(a.code.clone().into_boxed_str()))
        .collect();
    names.dedup();
    Offered(names)
}

/// `serve --fault NAME=RATE`: each fault, always on.
pub fn faults() -> Offered {
    Offered(vec!["data-null=1", "stored-90=1", "exception-500=1"])
}
