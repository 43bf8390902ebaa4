//! The words deskcoll shows, in the language in force: Project Fluent messages from
//! `assets/i18n/en.ftl` and `assets/i18n/id.ftl` (built into the binary), looked up with
//! [`tr!`](crate::tr) by id. `words` turns the domain's typed values (calling windows,
//! refusals, buckets, code descriptions) into those words; dates and times follow the
//! language too (`Jum, 27 Nov 2026`, `10.00 WIB`).
//!
//! Which language is in force is decided in one place, [`resolve`], which `config` calls:
//! `DESKCOLL_LANG`, else `ui.language`, else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`.
//! Nothing here reads the process environment: tests choose a language explicitly.
//!
//! What never follows the language: JSON keys and values, CSV headers, config keys and the
//! `[keys]` action names (contracts that scripts read). One JSON value does: `deskcoll
//! doctor`'s `detail`, a sentence for a person (its `check` and `status` do not).

pub mod words;

pub use crate::domain::lang::Lang;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The English messages.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The Indonesian messages.
pub const ID_FTL: &str = include_str!("../../assets/i18n/id.ftl");

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, text: &str) -> Bundle {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errors)| {
        panic!("assets/i18n/{}.ftl does not parse: {errors:?}", lang.code())
    });
    let locale = lang.code().parse().expect("a valid language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks around arguments: a terminal would show them as gaps.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        panic!("assets/i18n/{}.ftl: {errors:?}", lang.code());
    }
    bundle
}

static BUNDLES: LazyLock<[Bundle; 2]> =
    LazyLock::new(|| [bundle(Lang::En, EN_FTL), bundle(Lang::Id, ID_FTL)]);

fn bundle_of(lang: Lang) -> &'static Bundle {
    &BUNDLES[match lang {
        Lang::En => 0,
        Lang::Id => 1,
    }]
}

/// Whether a message exists in a language.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// A message without arguments. An id that is not in the file comes back as itself (the
/// tests make sure none is missing).
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// A message with its arguments.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle_of(lang);
    match bundle.get_message(id).and_then(|m| m.value()) {
        Some(pattern) => {
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        }
        None => id.to_string(),
    }
}

/// A value a message takes: numbers stay numbers (plural forms), the rest is text.
pub trait Arg {
    fn arg(self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty)+) => {$(
        impl Arg for $t {
            fn arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )+};
}
number_arg!(i32 i64 u16 u32 u64 usize);

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Arg for Cow<'_, str> {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.into_owned())
    }
}

/// `tr!(lang, "id")` or `tr!(lang, "id", name = value, ...)`: the message `id` of
/// `assets/i18n/*.ftl` in `lang`, with `{ $name }` replaced. Ids are literals, so that a test
/// can find every one in the sources and check both files have it.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::arg($value)); )+
        $crate::i18n::format($lang, $id, Some(&args))
    }};
}

/// Decides the language: `DESKCOLL_LANG` (a locale or `id`/`en`), else `ui.language`
/// (`configured`: `id` or `en`, anything else refused), else the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set: Indonesian when it starts with `id`, else English.
pub fn resolve(
    configured: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Lang, String> {
    let set = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    if let Some(v) = set("DESKCOLL_LANG") {
        return Ok(Lang::of_locale(&v));
    }
    if let Some(c) = configured.filter(|c| !c.trim().is_empty()) {
        return Lang::parse(c).ok_or_else(|| format!("ui.language: '{c}' is not id or en"));
    }
    Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| set(k))
        .map_or(Lang::En, |v| Lang::of_locale(&v)))
}

fn weekday_id(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// `Fri` / `Jum`.
pub fn weekday_short(lang: Lang, d: Weekday) -> String {
    text(lang, &format!("weekday-short-{}", weekday_id(d)))
}

/// `Friday` / `Jumat`.
pub fn weekday_long(lang: Lang, d: Weekday) -> String {
    text(lang, &format!("weekday-long-{}", weekday_id(d)))
}

/// `Nov` / `Agu`.
pub fn month_short(lang: Lang, month: u32) -> String {
    text(lang, &format!("month-short-{month}"))
}

/// A time of day on a 24-hour clock: `10:00` / `10.00`.
pub fn clock(lang: Lang, t: &impl Timelike) -> String {
    let sep = match lang {
        Lang::En => ':',
        Lang::Id => '.',
    };
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

/// A size in megabytes with one decimal: `3.2 MB` / `3,2 MB`.
pub fn bytes(lang: Lang, n: u64) -> String {
    let tenths = n / 100_000;
    let sep = match lang {
        Lang::En => '.',
        Lang::Id => ',',
    };
    format!("{}{sep}{} MB", tenths / 10, tenths % 10)
}

/// When something happened, as short as it can be said: `07:58` today, `27 Nov 07:58` on an
/// earlier day.
pub fn moment(lang: Lang, at: NaiveDateTime, today: NaiveDate) -> String {
    if at.date() == today {
        return clock(lang, &at);
    }
    format!(
        "{} {} {}",
        at.day(),
        month_short(lang, at.month()),
        clock(lang, &at)
    )
}

/// A date with its weekday: `Fri 27 Nov 2026` / `Jum, 27 Nov 2026`.
pub fn date_long(lang: Lang, d: NaiveDate) -> String {
    tr!(
        lang,
        "date-long",
        weekday = weekday_short(lang, d.weekday()),
        day = d.day().to_string(),
        month = month_short(lang, d.month()),
        year = d.year().to_string()
    )
}

/// A span of minutes as short as it says: `45m`, `2h 30m` / `45m`, `2j 30m`.
pub fn duration_short(lang: Lang, minutes: i64) -> String {
    let hour = match lang {
        Lang::En => 'h',
        Lang::Id => 'j',
    };
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}{hour}"),
        (h, m) => format!("{h}{hour} {m}m"),
    }
}

/// A day of the month: `27 Nov` / `27 Nov` (`Des`, `Agu` in Indonesian).
pub fn date_short(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", d.day(), month_short(lang, d.month()))
}

/// A weekday and a time: `Fri 11:00` / `Jum 11.00`.
pub fn weekday_clock(lang: Lang, d: Weekday, t: &impl Timelike) -> String {
    format!("{} {}", weekday_short(lang, d), clock(lang, t))
}

#[cfg(test)]
mod tests;

/// A count with its thousands grouped as the language writes them: `3,000,000` in English,
/// `3.000.000` in Indonesian.
pub fn grouped(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::Id => '.',
        _ => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
