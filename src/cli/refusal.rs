//! A refused command line in one line: every field at fault, and nothing else.
//!
//! clap stops at the first value it cannot read and then prints usage and a tip. Here the
//! faulty argument is taken out and the line parsed again, until it parses or what is left
//! cannot be taken out (a missing argument, an unknown one), so that one line names them all.

use super::Cli;
use crate::i18n::Lang;
use crate::tr;
use clap::FromArgMatches;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// What became of the command line.
pub enum Parsed {
    Ok(Box<Cli>),
    /// Help or the version: clap prints it as it always does.
    Show(clap::Error),
    /// The one line to print after "deskcoll: error: ".
    Refused(String),
}

/// At most this many faults are collected (and as many parses made).
const MAX_FAULTS: usize = 16;

pub fn parse(args: Vec<OsString>, lang: Lang) -> Parsed {
    let first = match try_parse(&args) {
        Ok(cli) => return Parsed::Ok(Box::new(cli)),
        Err(e) => e,
    };
    if matches!(
        first.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        return Parsed::Show(first);
    }
    let first_args = args.clone();
    let mut args = args;
    let mut faults: Vec<(String, String)> = Vec::new();
    let mut error = first;
    for _ in 0..MAX_FAULTS {
        for (field, why) in faults_of(&error, &args, lang) {
            // One reason a field: a value taken out is not "missing" too.
            if !faults.iter().any(|(f, _)| *f == field) {
                faults.push((field, why));
            }
        }
        if !take_out(&mut args, &error) {
            break;
        }
        match try_parse(&args) {
            Err(next)
                if !matches!(
                    next.kind(),
                    ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
                ) =>
            {
                error = next
            }
            _ => break,
        }
    }
    // In the order the user wrote them (missing ones last).
    let original: Vec<OsString> = first_args;
    let at = |f: &str| {
        original
            .iter()
            .position(|a| {
                a.to_str()
                    .is_some_and(|a| a == f || a.starts_with(&format!("{f}=")))
            })
            .unwrap_or(usize::MAX)
    };
    faults.sort_by_key(|(f, _)| at(f));
    let listed: Vec<String> = faults
        .into_iter()
        .map(|(field, why)| {
            if field.is_empty() {
                why
            } else {
                format!("{field}: {why}")
            }
        })
        .collect();
    let help = walk(super::command(), &args).0;
    Parsed::Refused(tr!(
        lang,
        "cli-refused",
        faults = crate::domain::text::sanitize(&listed.join("; ")),
        help = help
    ))
}

fn try_parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let mut cmd = super::command();
    let matches = cmd.try_get_matches_from_mut(args.iter().cloned())?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

fn context(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn one(e: &clap::Error, kind: ContextKind) -> Option<String> {
    context(e, kind).into_iter().next()
}

/// "--format <FORMAT>" -> "--format"; "<ACCOUNT_NO>" stays.
fn field(arg: &str) -> String {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg).to_string()
    } else {
        arg.to_string()
    }
}

/// clap's own first line, without its "error: ".
fn first_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let line = text.lines().next().unwrap_or("invalid command line").trim();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

fn did_you_mean(e: &clap::Error, lang: Lang) -> String {
    let mut s: Vec<String> = context(e, ContextKind::SuggestedArg);
    s.extend(context(e, ContextKind::SuggestedSubcommand));
    s.extend(context(e, ContextKind::SuggestedValue));
    match s.first() {
        Some(x) => format!(" ({})", tr!(lang, "cli-did-you-mean", name = x)),
        None => String::new(),
    }
}

/// The fields at fault in one error and why, in the CLI's words.
fn faults_of(e: &clap::Error, args: &[OsString], lang: Lang) -> Vec<(String, String)> {
    let arg = one(e, ContextKind::InvalidArg).map(|a| field(&a));
    match e.kind() {
        ErrorKind::InvalidValue => {
            let value = one(e, ContextKind::InvalidValue).unwrap_or_default();
            let valid = context(e, ContextKind::ValidValue);
            let why = if value.is_empty() {
                tr!(lang, "cli-value-needed")
            } else if valid.is_empty() {
                tr!(lang, "cli-not-valid", value = &value)
            } else {
                tr!(
                    lang,
                    "cli-not-one-of",
                    value = &value,
                    valid = valid.join(", ")
                )
            };
            vec![(arg.unwrap_or_default(), why)]
        }
        ErrorKind::ValueValidation => {
            let value = one(e, ContextKind::InvalidValue).unwrap_or_default();
            let why = match std::error::Error::source(e) {
                Some(inner) => {
                    // An open range reads "1..", not "1..9223372036854775807".
                    let inner = inner.to_string().replace(&format!("..{}", i64::MAX), "..");
                    if inner.contains(&value) {
                        inner
                    } else {
                        format!("'{value}': {inner}")
                    }
                }
                None => tr!(lang, "cli-not-valid", value = &value),
            };
            vec![(arg.unwrap_or_default(), why)]
        }
        ErrorKind::MissingRequiredArgument => context(e, ContextKind::InvalidArg)
            .iter()
            .map(|a| (field(a), tr!(lang, "cli-required")))
            .collect(),
        ErrorKind::ArgumentConflict => {
            let other = one(e, ContextKind::PriorArg).map(|a| field(&a));
            let why = match other {
                Some(o) => tr!(lang, "cli-conflict", other = o),
                None => tr!(lang, "cli-conflict-others"),
            };
            vec![(arg.unwrap_or_default(), why)]
        }
        ErrorKind::UnknownArgument => vec![(
            arg.unwrap_or_default(),
            format!(
                "{}{}",
                tr!(lang, "cli-unknown-option"),
                did_you_mean(e, lang)
            ),
        )],
        ErrorKind::InvalidSubcommand => {
            let name = one(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            vec![(
                String::new(),
                format!(
                    "{}{}",
                    tr!(lang, "cli-unknown-command", name = &name),
                    did_you_mean(e, lang)
                ),
            )]
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let (path, cmd) = walk(super::command(), args);
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .filter(|n| n != "help")
                .collect();
            if names.is_empty() {
                vec![(String::new(), first_line(e))]
            } else {
                vec![(
                    path,
                    tr!(lang, "cli-command-needed", names = names.join(", ")),
                )]
            }
        }
        _ => vec![(arg.unwrap_or_default(), first_line(e))],
    }
}

/// Takes the faulty argument out of `args`; false when it cannot be (then parsing stops).
fn take_out(args: &mut Vec<OsString>, e: &clap::Error) -> bool {
    if !matches!(
        e.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    ) {
        return false;
    }
    let (Some(arg), Some(value)) = (
        one(e, ContextKind::InvalidArg),
        one(e, ContextKind::InvalidValue),
    ) else {
        return false;
    };
    let name = field(&arg);
    let is = |i: usize, s: &str| args.get(i).is_some_and(|a| a.to_str() == Some(s));
    for i in 1..args.len() {
        if name.starts_with('-') {
            if is(i, &format!("{name}={value}")) {
                args.remove(i);
                return true;
            }
            if is(i, &name) && is(i + 1, &value) {
                args.drain(i..=i + 1);
                return true;
            }
        } else if is(i, &value) && !value.starts_with('-') {
            // A positional: the value itself.
            args.remove(i);
            return true;
        }
    }
    false
}

/// The subcommand the arguments name ("deskcoll outbox") and its definition.
fn walk(mut cmd: clap::Command, args: &[OsString]) -> (String, clap::Command) {
    let mut path = vec![cmd.get_name().to_string()];
    for a in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if a.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(a).cloned() {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                cmd = sub;
            }
            None => continue,
        }
    }
    (path.join(" "), cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(line: &str) -> String {
        let args: Vec<OsString> = std::iter::once("deskcoll".into())
            .chain(
                shell_words::split(line)
                    .unwrap()
                    .into_iter()
                    .map(Into::into),
            )
            .collect();
        match parse(args, Lang::En) {
            Parsed::Refused(s) => s,
            Parsed::Ok(_) => panic!("{line}: accepted"),
            Parsed::Show(e) => panic!("{line}: shown {e}"),
        }
    }

    #[test]
    fn every_fault_on_one_line() {
        assert_eq!(
            refused("tasks --format xml --sort size"),
            "--format: 'xml' is not one of table, json, csv, xlsx; \
             --sort: 'size' is not one of priority, overdue, total, osar, name \
             (see `deskcoll tasks --help`)"
        );
        assert_eq!(
            refused("submit --action PTP"),
            "--account: required; --remark: required (see `deskcoll submit --help`)"
        );
        let s = refused("--now yesterday termin --page 0 --limit=5000");
        assert!(
            s.starts_with("--now: 'yesterday' is not an RFC 3339 time"),
            "{s}"
        );
        assert!(s.contains("; --page: 0 is not in 1.."), "{s}");
        assert!(s.contains("; --limit: 5000 is not in 1..=1000"), "{s}");
        assert!(s.ends_with("(see `deskcoll termin --help`)"), "{s}");
        assert_eq!(
            refused("outbox resolve abc --delivered"),
            "<ID>: 'abc': invalid digit found in string (see `deskcoll outbox resolve --help`)"
        );
        assert_eq!(
            refused("outbox"),
            "deskcoll outbox: a command is needed: list, flush, resolve (see `deskcoll outbox --help`)"
        );
        assert!(refused("taks").starts_with("'taks' is not a command (did you mean tasks?)"));
        assert!(refused("tasks --formt json").starts_with("--formt: not an option here"));
        for line in [
            refused("submit --batch x.csv --account 1"),
            refused("tasks --format"),
        ] {
            assert!(!line.contains('\n'), "{line}");
        }
    }

    #[test]
    fn refusals_in_indonesian() {
        let refused = |line: &str| {
            let args: Vec<OsString> = std::iter::once("deskcoll")
                .chain(line.split(' '))
                .map(Into::into)
                .collect();
            match parse(args, Lang::Id) {
                Parsed::Refused(s) => s,
                _ => panic!("{line}: accepted"),
            }
        };
        assert_eq!(
            refused("tasks --format xml --sort size"),
            "--format: 'xml' bukan salah satu dari table, json, csv, xlsx; \
             --sort: 'size' bukan salah satu dari priority, overdue, total, osar, name \
             (lihat `deskcoll tasks --help`)"
        );
        assert_eq!(
            refused("taks"),
            "'taks' bukan perintah (maksud Anda tasks?) (lihat `deskcoll --help`)"
        );
        assert_eq!(
            refused("submit --action PTP"),
            "--account: wajib; --remark: wajib (lihat `deskcoll submit --help`)"
        );
    }

    #[test]
    fn help_and_version_are_shown_as_clap_shows_them() {
        for a in ["--help", "--version", "tasks --help"] {
            let args: Vec<OsString> = std::iter::once("deskcoll")
                .chain(a.split(' '))
                .map(Into::into)
                .collect();
            assert!(matches!(parse(args, Lang::En), Parsed::Show(_)), "{a}");
        }
    }
}
