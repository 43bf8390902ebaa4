//! Configuration: the system-wide TOML file (`/etc/deskcoll/config.toml`, or
//! `$DESKCOLL_SYSTEM_CONFIG`), then the user's file, then environment variables, then flags;
//! `Config::sources` keeps where each value in force came from. Secrets (passwords, hash key,
//! token) are held here and never printed: `Debug` and `show` mask them. A secret in the
//! system file is refused unless only its owner (and its group, read-only) can read it.

use crate::api::{BasicAuth, ClientOptions, CollectionEndpoint, TerminAuth, TerminEndpoint};
use crate::domain::Secret;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const TEMPLATE: &str = include_str!("../assets/config.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub agent_id: Option<String>,
    pub ip_address: Option<String>,
    #[serde(default)]
    pub collection: CollectionSection,
    #[serde(default)]
    pub termin: TerminSection,
    #[serde(default)]
    pub http: HttpSection,
    #[serde(default)]
    pub ui: UiSection,
    #[serde(default)]
    pub store: StoreSection,
    #[serde(default)]
    pub calling: CallingSection,
    #[serde(default)]
    pub theme: ThemeConfig,
    #[serde(default)]
    pub keys: KeysSection,
    #[serde(default)]
    pub twin: TwinSection,
    #[serde(default)]
    pub result: ResultSection,
    #[serde(default)]
    pub audit: AuditSection,
    #[serde(default)]
    pub team: TeamSection,
}

/// `[team]`: the team ledger on PostgreSQL (the floor; `src/team`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamSection {
    /// A libpq connection URL or key=value string (`sslmode` as libpq reads it); it holds a
    /// password: a system file with it must be closed (0600/0640).
    pub database_url: Option<String>,
    /// How often the floor is read again, in seconds (default 15).
    pub refresh_secs: Option<u64>,
}

/// The team ledger in force (`team.database_url`); `None` leaves the desk as it was.
#[derive(Debug, Clone)]
pub struct TeamConfig {
    pub database_url: Secret,
    pub refresh: Duration,
}

/// `[audit]`: the receipts of lawful contact.
#[derive(Debug, Default, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct AuditSection {
    /// Each result sent ends its remark with a short tag binding it to its receipt,
    /// `[dc 17 3f9a1c2b7e]` (default true); off for companies that forbid it.
    pub anchor_in_remark: Option<bool>,
}

/// The keys of `[calling]` that are calling rules (what a receipt's `rules_sha256` covers):
/// a system file's `calling.lock = true` keeps them from the user's file.
pub const CALLING_RULE_KEYS: &[&str] = &[
    "days",
    "start",
    "end",
    "holidays_file",
    "cuti_bersama",
    "max_contacts_per_day",
];
#[derive(Debug, Default, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ResultSection {
    /// Also start the remark sent with who answered (`[spouse] ...`), for companies that
    /// want it on the server (default false).
    pub party_in_remark: Option<bool>,
}

/// `[twin]`: what `deskcoll serve` accepts, instead of flags that `ps` would show. Each is
/// also taken from the environment (`DESKCOLL_TWIN_*`); unset ones are the seed's fixtures.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct TwinSection {
    pub user: Option<String>,
    pub password: Option<String>,
    pub hash_key: Option<String>,
    pub access_key: Option<String>,
    pub access_secret: Option<String>,
    pub termin_token: Option<String>,
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct CallingSection {
    /// Days contact is allowed, e.g. ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].
    pub days: Option<Vec<String>>,
    /// "08:00"
    pub start: Option<String>,
    /// "20:00" (exclusive)
    pub end: Option<String>,
    /// A CSV of `date,name` replacing the shipped national holidays.
    pub holidays_file: Option<PathBuf>,
    /// "allow" | "warn" | "block": how a cuti bersama day is treated (default "warn").
    pub cuti_bersama: Option<String>,
    /// More results than this for one account in a day warn first (default 3).
    pub max_contacts_per_day: Option<usize>,
    /// A program that dials, `{phone}` replaced, run without a shell.
    pub dial_command: Option<String>,
    /// Days after a promise's date before it is judged kept or broken (default 1).
    pub promise_grace_days: Option<i64>,
    /// In the system file: the calling rules are the company's; the user's file cannot
    /// change them (its rule keys are ignored, with one warning).
    pub lock: Option<bool>,
}

/// The calling rules and dialing settings in force.
#[derive(Debug, Clone)]
pub struct Calling {
    pub rules: crate::domain::window::CallingRules,
    pub max_contacts_per_day: usize,
    pub dial_command: Option<String>,
    /// `calling.promise_grace_days`.
    pub promise_grace_days: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreSection {
    /// The outbox database (default: the platform data dir).
    pub outbox: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionSection {
    pub base_url: Option<String>,
    pub tasks_url: Option<String>,
    pub result_url: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub hash_key: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminSection {
    pub url: Option<String>,
    /// `basic`, `token`, `login` or `none`; inferred from what is set when absent.
    pub auth: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub token: Option<String>,
    pub login_url: Option<String>,
    pub access_key: Option<String>,
    pub access_secret: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSection {
    pub connect_timeout_secs: Option<u64>,
    /// How long the server may send nothing before the request is given up (between two
    /// reads, not on the whole answer).
    pub timeout_secs: Option<u64>,
    /// Larger replies are refused rather than read (default 128). `max_response_mb`, its
    /// older name, is read too.
    #[serde(alias = "max_response_mb")]
    pub max_body_mb: Option<usize>,
    /// The overall deadline of every request, from sending to the last byte (default: the
    /// task list 300 s, a termin page 60 s, a result 60 s, the termin login 30 s).
    pub deadline_secs: Option<u64>,
    /// What a walk over every termin page may read in all (default 512).
    pub max_total_mb: Option<usize>,
    /// The longest `Retry-After` obeyed (default 120).
    pub max_retry_after_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct UiSection {
    pub mouse: Option<bool>,
    /// The header clock's zone: "WIB", "WITA" or "WIT" (default: the machine's).
    pub time_zone: Option<String>,
    pub codes_file: Option<PathBuf>,
    pub promise_horizon_days: Option<i64>,
    /// Callable accounts whose window closes within this many minutes lead their bucket,
    /// the soonest first (default 90; 0 turns it off).
    pub closing_soon_minutes: Option<i64>,
    /// Exports for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators.
    pub export_excel: Option<bool>,
    /// "id" or "en" (default: `DESKCOLL_LANG`, else the locale; see `crate::i18n::resolve`).
    pub language: Option<String>,
    /// Minutes before a callback falls due that the header names it (default 5).
    pub callback_warn_minutes: Option<i64>,
}

impl UiSection {
    /// `ui.closing_soon_minutes`: 90 unless set, never below 0.
    pub fn closing_soon(&self) -> i64 {
        self.closing_soon_minutes.unwrap_or(90).max(0)
    }

    /// The CSV style of the workstation's exports (`ui.export_excel`).
    pub fn export_style(&self) -> crate::domain::text::CsvStyle {
        crate::domain::text::CsvStyle {
            excel: self.export_excel.unwrap_or(false),
        }
    }
}

/// The colour roles of the workstation, one per method of `tui::view::Theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThemeRole {
    Title,
    Key,
    Selected,
    Dim,
    Label,
    Figure,
    Overdue,
    Warn,
    Error,
    Success,
    Badge,
    Border,
    BorderFocus,
    TabActive,
}

impl ThemeRole {
    /// How many roles there are (`role as usize` is below this).
    pub const COUNT: usize = 14;
    pub const ALL: [ThemeRole; ThemeRole::COUNT] = [
        ThemeRole::Title,
        ThemeRole::Key,
        ThemeRole::Selected,
        ThemeRole::Dim,
        ThemeRole::Label,
        ThemeRole::Figure,
        ThemeRole::Overdue,
        ThemeRole::Warn,
        ThemeRole::Error,
        ThemeRole::Success,
        ThemeRole::Badge,
        ThemeRole::Border,
        ThemeRole::BorderFocus,
        ThemeRole::TabActive,
    ];

    /// The name in `[theme]`: `title`, `border_focus`, ...
    pub fn name(self) -> &'static str {
        match self {
            ThemeRole::Title => "title",
            ThemeRole::Key => "key",
            ThemeRole::Selected => "selected",
            ThemeRole::Dim => "dim",
            ThemeRole::Label => "label",
            ThemeRole::Figure => "figure",
            ThemeRole::Overdue => "overdue",
            ThemeRole::Warn => "warn",
            ThemeRole::Error => "error",
            ThemeRole::Success => "success",
            ThemeRole::Badge => "badge",
            ThemeRole::Border => "border",
            ThemeRole::BorderFocus => "border_focus",
            ThemeRole::TabActive => "tab_active",
        }
    }

    pub fn from_name(name: &str) -> Option<ThemeRole> {
        ThemeRole::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// The colours a theme starts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemePreset {
    /// For dark backgrounds (and the usual terminal defaults).
    #[default]
    Dark,
    /// For white or light backgrounds.
    Light,
}

impl<'de> Deserialize<'de> for ThemePreset {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.trim().to_ascii_lowercase().as_str() {
            "dark" => Ok(ThemePreset::Dark),
            "light" => Ok(ThemePreset::Light),
            _ => Err(serde::de::Error::custom(format!(
                "unknown theme preset '{s}' (dark or light)"
            ))),
        }
    }
}

/// `[theme]`: a preset, and colours per role that override it. Checked while the file is
/// read, so an unknown role or preset, or a colour that does not parse, names its line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeConfig {
    pub preset: ThemePreset,
    /// In the order of `ThemeRole::ALL`; each role at most once (TOML refuses a key given
    /// twice).
    pub colors: Vec<(ThemeRole, ratatui::style::Color)>,
}

impl ThemeConfig {
    /// The colour the user gave a role, if any.
    pub fn color(&self, role: ThemeRole) -> Option<ratatui::style::Color> {
        self.colors
            .iter()
            .rev()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| *c)
    }
}

/// Reads a colour as users write it: an ANSI name (`red`, `lightblue`, `darkgray`, `reset`
/// for the terminal's own), `#rrggbb`, or an index `0`..`255` (in the file also unquoted).
pub fn parse_color(s: &str) -> Result<ratatui::style::Color, String> {
    s.trim().parse().map_err(|_| {
        format!(
            "'{s}' is not a colour (a name such as red, lightblue, darkgray, a #rrggbb or an index 0..255)"
        )
    })
}

impl<'de> Deserialize<'de> for ThemeConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};

        /// A key of `[theme]`; an unknown one fails here, so the error has the key's place.
        enum Key {
            Preset,
            Role(ThemeRole),
        }
        impl<'de> Deserialize<'de> for Key {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let name = String::deserialize(d)?;
                if name == "preset" {
                    return Ok(Key::Preset);
                }
                ThemeRole::from_name(&name).map(Key::Role).ok_or_else(|| {
                    let roles: Vec<_> = ThemeRole::ALL.iter().map(|r| r.name()).collect();
                    D::Error::custom(format!(
                        "unknown theme role '{name}' (preset, or one of {})",
                        roles.join(", ")
                    ))
                })
            }
        }

        struct ColorValue(ratatui::style::Color);
        impl<'de> Deserialize<'de> for ColorValue {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(ColorVisitor)
            }
        }
        struct ColorVisitor;
        impl Visitor<'_> for ColorVisitor {
            type Value = ColorValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a colour: a name (\"red\"), \"#rrggbb\" or an index 0..255")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<ColorValue, E> {
                parse_color(v).map(ColorValue).map_err(E::custom)
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<ColorValue, E> {
                u8::try_from(v)
                    .map(|i| ColorValue(ratatui::style::Color::Indexed(i)))
                    .map_err(|_| E::custom(format!("{v} is not a colour index (0..255)")))
            }
        }

        struct ThemeVisitor;
        impl<'de> Visitor<'de> for ThemeVisitor {
            type Value = ThemeConfig;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a [theme] table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ThemeConfig, A::Error> {
                let mut theme = ThemeConfig::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Preset => theme.preset = map.next_value()?,
                        Key::Role(role) => {
                            let ColorValue(c) = map.next_value()?;
                            theme.colors.push((role, c));
                        }
                    }
                }
                theme.colors.sort_by_key(|(role, _)| *role as usize);
                Ok(theme)
            }
        }
        d.deserialize_map(ThemeVisitor)
    }
}

/// One entry of `[keys]`: the keys that now give an action, replacing its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// As written, e.g. `move_down`; not checked here.
    pub action: String,
    /// Key specs as written, e.g. `["j", "down", "ctrl-n"]` (see `tui::keyspec::parse`).
    pub keys: Vec<String>,
    /// 1-based line of the entry in the config file; 0 when it came from no file.
    pub line: usize,
}

/// `[keys]` as read: the overrides in file order, each with the byte offset of its key
/// (`parse_file` turns it into `KeyOverride::line`).
#[derive(Debug, Clone, Default)]
pub struct KeysSection(Vec<(usize, KeyOverride)>);

impl KeysSection {
    pub fn overrides(&self) -> impl Iterator<Item = &KeyOverride> {
        self.0.iter().map(|(_, o)| o)
    }
}

impl<'de> Deserialize<'de> for KeysSection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

        /// A string or an array of strings, for one action.
        struct KeyList<'a>(&'a str);
        impl<'de> DeserializeSeed<'de> for KeyList<'_> {
            type Value = Vec<String>;
            fn deserialize<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Vec<String>, D::Error> {
                d.deserialize_any(self)
            }
        }
        impl<'de> Visitor<'de> for KeyList<'_> {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(
                    f,
                    "a key (\"ctrl-q\") or a list of keys ([\"j\", \"down\"]) for '{}'",
                    self.0
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element_seed(KeyString(self.0))? {
                    keys.push(k);
                }
                Ok(keys)
            }
        }

        /// One key in a list.
        struct KeyString<'a>(&'a str);
        impl<'de> DeserializeSeed<'de> for KeyString<'_> {
            type Value = String;
            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
                d.deserialize_any(self)
            }
        }
        impl Visitor<'_> for KeyString<'_> {
            type Value = String;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(
                    f,
                    "a key as a string (\"ctrl-n\") in the list for '{}'",
                    self.0
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
                Ok(v.to_string())
            }
        }

        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = KeysSection;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a [keys] table of action = key(s)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeysSection, A::Error> {
                let mut out = Vec::new();
                while let Some(action) = map.next_key::<toml::Spanned<String>>()? {
                    let keys = map.next_value_seed(KeyList(action.get_ref()))?;
                    let offset = action.span().start;
                    let action = action.into_inner();
                    out.push((
                        offset,
                        KeyOverride {
                            action,
                            keys,
                            line: 0,
                        },
                    ));
                }
                // toml hands a table over sorted by key; the file's order reads better
                out.sort_by_key(|(offset, _)| *offset);
                Ok(KeysSection(out))
            }
        }
        d.deserialize_map(KeysVisitor)
    }
}

/// Values given on the command line; they win over everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config_path: Option<PathBuf>,
    pub base_url: Option<String>,
    pub tasks_url: Option<String>,
    pub result_url: Option<String>,
    pub user: Option<String>,
    pub agent_id: Option<String>,
    pub termin_url: Option<String>,
    pub hash_key: Option<String>,
    /// `--insecure-config`: a user's config file or folder that others can write is read
    /// anyway (with a warning). Never a system file.
    pub insecure_config: bool,
}

/// Where a value in force came from, weakest first: each overrides the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// deskcoll's own default (or nothing set).
    Default,
    /// The system-wide file (`/etc/deskcoll/config.toml`, `DESKCOLL_SYSTEM_CONFIG`).
    System,
    /// The user's file (`--config`, `DESKCOLL_CONFIG`, `~/.config/deskcoll/config.toml`).
    User,
    /// An environment variable.
    Env,
    /// A command-line flag.
    Flag,
}

impl Source {
    /// The word scripts and the code use: `default`, `system`, `user`, `env`, `flag`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::System => "system",
            Source::User => "user",
            Source::Env => "env",
            Source::Flag => "flag",
        }
    }
}

impl Source {
    /// The word `config show` prints, in the language.
    pub fn word(self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            Source::Default => tr!(lang, "config-source-default"),
            Source::System => tr!(lang, "config-source-system"),
            Source::User => tr!(lang, "config-source-user"),
            Source::Env => tr!(lang, "config-source-env"),
            Source::Flag => tr!(lang, "config-source-flag"),
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The system-wide file every desk shares, read first.
pub const SYSTEM_CONFIG: &str = "/etc/deskcoll/config.toml";

/// The system-wide file: `$DESKCOLL_SYSTEM_CONFIG`, else `/etc/deskcoll/config.toml`. It
/// need not exist.
pub fn system_path(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    nonempty(env("DESKCOLL_SYSTEM_CONFIG"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SYSTEM_CONFIG))
}

/// One config file as read: its path and its keys as written.
#[derive(Debug, Clone)]
pub struct Layer {
    pub path: PathBuf,
    table: toml::Table,
}

impl Layer {
    /// Whether the file sets a key, given dotted (`collection.base_url`, `theme`).
    pub fn has(&self, dotted: &str) -> bool {
        let mut table = &self.table;
        let mut parts = dotted.split('.').peekable();
        while let Some(part) = parts.next() {
            match table.get(part) {
                None => return false,
                Some(_) if parts.peek().is_none() => return true,
                Some(toml::Value::Table(inner)) => table = inner,
                Some(_) => return false,
            }
        }
        false
    }

    /// The secrets the file holds, by key (a password in a URL counts).
    pub fn secrets(&self) -> Vec<&'static str> {
        const SECRETS: &[&str] = &[
            "collection.password",
            "collection.hash_key",
            "termin.password",
            "termin.token",
            "termin.access_secret",
            "twin.password",
            "twin.hash_key",
            "twin.access_secret",
            "twin.termin_token",
        ];
        const URLS: &[&str] = &[
            "collection.base_url",
            "collection.tasks_url",
            "collection.result_url",
            "termin.url",
            "termin.login_url",
            "team.database_url",
        ];
        let value = |dotted: &str| {
            let (section, key) = dotted.split_once('.')?;
            self.table.get(section)?.get(key)?.as_str()
        };
        let mut found: Vec<&'static str> = SECRETS
            .iter()
            .copied()
            .filter(|k| value(k).is_some_and(|v| !v.trim().is_empty()))
            .collect();
        found.extend(
            URLS.iter()
                .copied()
                .filter(|k| value(k).is_some_and(url_holds_secret)),
        );
        found
    }
}

/// Whether a URL carries a secret in itself: user-info (`https://svc:pw@host`, a token as
/// the user name too) or a query value (`?token=...`). Read as text, so that a URL too
/// malformed to parse still counts.
pub fn url_holds_secret(u: &str) -> bool {
    let u = u.trim();
    // A libpq key=value string (`team.database_url`) with a password.
    if !u.contains("://") && u.split_whitespace().any(|p| p.starts_with("password")) {
        return true;
    }
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let (authority, tail) = match rest.find(['/', '?', '#']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let user_info = authority
        .rsplit_once('@')
        .is_some_and(|(info, _)| !info.is_empty());
    let query = tail
        .split('#')
        .next()
        .and_then(|t| t.split_once('?'))
        .is_some_and(|(_, q)| {
            q.split('&')
                .any(|pair| pair.split_once('=').is_some_and(|(_, v)| !v.is_empty()))
        });
    user_info || query
}

/// Who may write a config file or its folder besides its owner, when anyone may: its path,
/// its mode, and why (group or others can write it; another user owns it). A file in a
/// folder others can write can be replaced by them, so the folder counts too (a sticky
/// folder, as /tmp, does not: there only the owner may replace a file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenToWriting {
    pub path: PathBuf,
    pub mode: u32,
    pub folder: bool,
}

impl std::fmt::Display for OpenToWriting {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} {} is mode {:04o}: others can write it (they could set calling.dial_command or base_url); run chmod go-w on it",
            if self.folder {
                "config folder"
            } else {
                "config file"
            },
            self.path.display(),
            self.mode
        )
    }
}

/// The file and its folder, each when others can write it (`OpenToWriting`).
pub fn open_to_writing(path: &Path) -> Vec<OpenToWriting> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = std::fs::metadata("/proc/self").ok().map(|m| m.uid());
        let check = |p: &Path, folder: bool| -> Option<OpenToWriting> {
            let m = std::fs::metadata(p).ok()?;
            let mode = m.mode() & 0o7777;
            let sticky = folder && mode & 0o1000 != 0;
            let others_write = mode & 0o022 != 0 && !sticky;
            // Owned by another user (not root, not this one): that user can change it.
            let foreign = me.is_some_and(|me| m.uid() != me && m.uid() != 0);
            (others_write || foreign).then(|| OpenToWriting {
                path: p.to_path_buf(),
                mode: mode & 0o777,
                folder,
            })
        };
        let mut found: Vec<OpenToWriting> = check(path, false).into_iter().collect();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            found.extend(check(dir, true));
        }
        found
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Vec::new()
    }
}

/// The config files in force and what they say together (the user's over the system's).
#[derive(Debug, Default)]
pub struct Files {
    pub config: FileConfig,
    pub system: Option<Layer>,
    pub user: Option<Layer>,
    /// Settings of the user's file that were ignored, by key (`calling.start` under a
    /// system file's `calling.lock`).
    pub ignored: Vec<String>,
}

impl Files {
    /// Which file a value read from the files came from: the user's when it sets the key.
    fn source_of(&self, dotted: &str) -> Source {
        match (&self.user, &self.system) {
            (Some(u), _) if u.has(dotted) => Source::User,
            (_, Some(s)) if s.has(dotted) => Source::System,
            // A file given without its keys (`Config::resolve`): the user's.
            _ => Source::User,
        }
    }
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The user's file when it was read, else the system file when it was (key bindings'
    /// lines refer to it).
    pub file: Option<PathBuf>,
    /// The system-wide file, when one was read.
    pub system_file: Option<PathBuf>,
    /// The user's file, when one was read.
    pub user_file: Option<PathBuf>,
    /// Where each value in force came from, by its key in the file (`collection.base_url`);
    /// a key not here is deskcoll's default.
    pub sources: std::collections::BTreeMap<&'static str, Source>,
    /// `calling.holidays_file`: the holiday list in force, when not the shipped one.
    pub holidays_file: Option<PathBuf>,
    pub agent_id: String,
    pub ip_address: Option<String>,
    /// `None`: no desk-collection server configured.
    pub collection: Option<CollectionEndpoint>,
    /// `None`: no termin server configured.
    pub termin: Option<TerminEndpoint>,
    pub http: ClientOptions,
    pub ui: UiSection,
    /// The hash key when no collection server is configured (for `sign`).
    pub hash_key: Option<Secret>,
    /// Set explicitly (`DESKCOLL_OUTBOX` or `store.outbox`); else the data dir's.
    pub outbox: Option<PathBuf>,
    pub calling: Calling,
    /// `[theme]`: the preset and the colours the user chose.
    pub theme: ThemeConfig,
    /// `[keys]`: key bindings overridden by action name, in file order. Action names and key
    /// specs are not checked here (the keymap knows them).
    pub keys: Vec<KeyOverride>,
    /// The language of the workstation and the CLI's words (`ui.language`, `DESKCOLL_LANG`,
    /// the locale), decided by `crate::i18n::resolve`.
    pub language: crate::i18n::Lang,
    /// `[result]`.
    pub result: ResultSection,
    /// `[audit]`.
    pub audit: AuditSection,
    /// `[team]`: the team ledger, when one is set.
    pub team: Option<TeamConfig>,
    /// Settings of the user's file ignored because the system file locks them.
    pub ignored: Vec<String>,
}

impl Config {
    /// `audit.anchor_in_remark` (default true).
    pub fn anchor_in_remark(&self) -> bool {
        self.audit.anchor_in_remark.unwrap_or(true)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("invalid config file {path}: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error("{0}")]
    Invalid(String),
}

/// The platform's config file (`~/.config/deskcoll/config.toml` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "deskcoll").map(|d| d.config_dir().join("config.toml"))
}

/// The platform's data directory (logs, outbox).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "deskcoll").map(|d| d.data_dir().to_path_buf())
}

/// Which file to read: `--config`, else `$DESKCOLL_CONFIG`, else the platform default.
/// The second value says whether the file must exist (it must when named explicitly).
pub fn chosen_path(
    flag: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = env("DESKCOLL_CONFIG").filter(|s| !s.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    default_path().map(|p| (p, false))
}

/// The config in force from the files (the system's, then the user's over it), read and
/// checked, with the path of the file read (the user's, else the system's); an empty one when
/// neither exists.
pub fn read_file(
    over: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(FileConfig, Option<PathBuf>), ConfigError> {
    let files = read_files(over, env)?;
    let path = files
        .user
        .as_ref()
        .or(files.system.as_ref())
        .map(|l| l.path.clone());
    Ok((files.config, path))
}

/// Reads the system-wide file (`system_path`; it need not exist) and the user's
/// (`chosen_path`; it must exist when named), each checked on its own so that an error names
/// its file and line, and lays the user's over the system's key by key. A secret in a system
/// file that others can read is refused.
pub fn read_files(
    over: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Files, ConfigError> {
    let system = read_layer(&system_path(env), false)?;
    if let Some((_, layer)) = &system {
        // Others who can write the system file set every user's dial command and server.
        if let Some(open) = open_to_writing(&layer.path).into_iter().next() {
            return Err(ConfigError::Invalid(format!("system {open}")));
        }
        check_system_file(layer)?;
    }
    let user = match chosen_path(over.config_path.as_deref(), env) {
        Some((path, required)) => read_layer(&path, required)?,
        None => None,
    };
    if let Some((_, layer)) = &user
        && !over.insecure_config
        && let Some(open) = open_to_writing(&layer.path).into_iter().next()
    {
        return Err(ConfigError::Invalid(format!(
            "{open}; or give --insecure-config to read it anyway"
        )));
    }
    let files = match (system, user) {
        (None, None) => Files::default(),
        (Some((config, layer)), None) => Files {
            config,
            system: Some(layer),
            user: None,
            ignored: Vec::new(),
        },
        (None, Some((mut config, layer))) => {
            // Only the system file may lock the calling rules.
            config.calling.lock = None;
            Files {
                config,
                system: None,
                user: Some(layer),
                ignored: Vec::new(),
            }
        }
        (Some((sys, sys_layer)), Some((usr, mut usr_layer))) => {
            let mut ignored = Vec::new();
            if sys.calling.lock == Some(true)
                && let Some(toml::Value::Table(calling)) = usr_layer.table.get_mut("calling")
            {
                for key in CALLING_RULE_KEYS.iter().chain(&["lock"]) {
                    if calling.remove(*key).is_some() {
                        ignored.push(format!("calling.{key}"));
                    }
                }
            }
            let mut table = sys_layer.table.clone();
            merge_tables(&mut table, &usr_layer.table);
            let text = toml::to_string(&table).map_err(|e| ConfigError::Parse {
                path: usr_layer.path.clone(),
                reason: e.to_string(),
            })?;
            let mut config = parse_file(&text, &usr_layer.path)?;
            // Key bindings: the system's, each replaced by the user's for the same action,
            // every one with the line of its own file.
            let mine: Vec<String> = usr.keys.overrides().map(|o| o.action.clone()).collect();
            let mut keys: Vec<_> = sys
                .keys
                .0
                .into_iter()
                .filter(|(_, o)| !mine.contains(&o.action))
                .collect();
            keys.extend(usr.keys.0);
            config.keys = KeysSection(keys);
            Files {
                config,
                system: Some(sys_layer),
                user: Some(usr_layer),
                ignored,
            }
        }
    };
    Ok(files)
}

/// A config file's keys as written, when it reads (what it holds, for a warning).
pub fn read_layer_of(path: &Path) -> Option<Layer> {
    read_layer(path, true)
        .ok()
        .flatten()
        .map(|(_, layer)| layer)
}

/// One file, read and checked; `None` when it does not exist and need not.
fn read_layer(path: &Path, required: bool) -> Result<Option<(FileConfig, Layer)>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
            });
        }
    };
    let config = parse_file(&text, path)?;
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| ConfigError::Parse {
        path: path.to_path_buf(),
        reason: e.message().to_string(),
    })?;
    // The older name of http.max_body_mb, under its own name (so that two files can differ).
    if let Some(toml::Value::Table(http)) = table.get_mut("http")
        && let Some(v) = http.remove("max_response_mb")
    {
        http.entry("max_body_mb").or_insert(v);
    }
    Ok(Some((
        config,
        Layer {
            path: path.to_path_buf(),
            table,
        },
    )))
}

/// `over` laid over `base`: tables key by key, any other value replaced.
fn merge_tables(base: &mut toml::Table, over: &toml::Table) {
    for (key, value) in over {
        match (base.get_mut(key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The modes a system file holding secrets may have: the owner's, and the group's to read.
/// `0600`, or `0640` with a group of the users who run deskcoll (`root:deskcoll`).
#[cfg(unix)]
pub fn system_mode_allowed(mode: u32) -> bool {
    mode & 0o037 == 0
}

/// A system file others can read may hold no secret.
fn check_system_file(layer: &Layer) -> Result<(), ConfigError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let secrets = layer.secrets();
        if secrets.is_empty() {
            return Ok(());
        }
        let mode = std::fs::metadata(&layer.path)
            .map_err(|e| ConfigError::Read {
                path: layer.path.clone(),
                reason: e.to_string(),
            })?
            .permissions()
            .mode()
            & 0o777;
        if !system_mode_allowed(mode) {
            return Err(ConfigError::Invalid(format!(
                "system config {} holds secrets ({}) but is mode {mode:04o}: make it 0600, or 0640 with a group of deskcoll's users only (chown root:deskcoll; chmod 640), or move the secrets to each user's file or the environment",
                layer.path.display(),
                secrets.join(", ")
            )));
        }
    }
    #[cfg(not(unix))]
    let _ = layer;
    Ok(())
}

/// Reads and checks a TOML text; errors name line and column.
pub fn parse_file(text: &str, path: &Path) -> Result<FileConfig, ConfigError> {
    let mut file: FileConfig = toml::from_str(text).map_err(|e| {
        let reason = match e.span() {
            Some(span) => {
                let (line, col) = line_col(text, span.start);
                format!("line {line}, column {col}: {}", e.message())
            }
            None => e.message().to_string(),
        };
        ConfigError::Parse {
            path: path.to_path_buf(),
            reason,
        }
    })?;
    for (offset, o) in &mut file.keys.0 {
        o.line = line_col(text, *offset).0;
    }
    Ok(file)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn nonempty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Config {
    /// Loads from the real environment.
    pub fn load(over: &Overrides) -> Result<Config, ConfigError> {
        Self::load_with(over, &|k| std::env::var(k).ok())
    }

    /// Loads with a given environment (tests pass their own).
    pub fn load_with(
        over: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        Self::resolve_files(read_files(over, env)?, over, env)
    }

    /// One file's settings (as the user's) under the environment and flags.
    pub fn resolve(
        file: FileConfig,
        file_path: Option<PathBuf>,
        over: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let files = Files {
            config: file,
            system: None,
            user: file_path.map(|path| Layer {
                path,
                table: toml::Table::new(),
            }),
            ignored: Vec::new(),
        };
        Self::resolve_files(files, over, env)
    }

    /// The files' settings under the environment and flags: flag > env > user > system.
    pub fn resolve_files(
        files: Files,
        over: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let Files {
            config: file,
            system,
            user,
            ignored,
        } = files;
        let files = Files {
            config: FileConfig::default(),
            system,
            user,
            ignored: Vec::new(),
        };
        let sources = std::cell::RefCell::new(std::collections::BTreeMap::new());
        let from_file = |key: &'static str, v: Option<String>| {
            let v = nonempty(v);
            if v.is_some() {
                sources.borrow_mut().insert(key, files.source_of(key));
            }
            v
        };
        // flag > env > file
        let pick =
            |key: &'static str, flag: &Option<String>, var: &str, file_value: Option<String>| {
                if let Some(v) = nonempty(flag.clone()) {
                    sources.borrow_mut().insert(key, Source::Flag);
                    return Some(v);
                }
                if let Some(v) = nonempty(env(var)) {
                    sources.borrow_mut().insert(key, Source::Env);
                    return Some(v);
                }
                from_file(key, file_value)
            };
        let c = file.collection;
        let base_url = pick(
            "collection.base_url",
            &over.base_url,
            "DESKCOLL_BASE_URL",
            c.base_url,
        );
        let tasks_url = pick(
            "collection.tasks_url",
            &over.tasks_url,
            "DESKCOLL_TASKS_URL",
            c.tasks_url,
        );
        let result_url = pick(
            "collection.result_url",
            &over.result_url,
            "DESKCOLL_RESULT_URL",
            c.result_url,
        );
        let user = pick("collection.user", &over.user, "DESKCOLL_USER", c.user);
        let password = pick(
            "collection.password",
            &None,
            "DESKCOLL_PASSWORD",
            c.password,
        );
        let hash_key = pick(
            "collection.hash_key",
            &over.hash_key,
            "DESKCOLL_HASH_KEY",
            c.hash_key,
        );
        let agent_id = pick(
            "agent_id",
            &over.agent_id,
            "DESKCOLL_AGENT_ID",
            file.agent_id,
        )
        .unwrap_or_default();

        let collection = match (base_url, tasks_url, result_url) {
            (None, None, None) => None,
            (base, tasks, result) => {
                let routes = base.as_deref().map(CollectionEndpoint::routes);
                let tasks = tasks.or_else(|| routes.as_ref().map(|r| r.0.clone()));
                let result = result.or_else(|| routes.as_ref().map(|r| r.1.clone()));
                let (Some(tasks_url), Some(result_url)) = (tasks, result) else {
                    return Err(ConfigError::Invalid(
                        "set base_url (DESKCOLL_BASE_URL), or both tasks_url and result_url".into(),
                    ));
                };
                for u in [&tasks_url, &result_url] {
                    check_url(u)?;
                }
                let auth = match (user, password) {
                    (Some(user), Some(password)) => Some(BasicAuth {
                        user,
                        password: Secret::new(password),
                    }),
                    (Some(_), None) => {
                        return Err(ConfigError::Invalid(
                            "collection user is set but no password (collection.password or DESKCOLL_PASSWORD)".into(),
                        ));
                    }
                    (None, _) => None,
                };
                Some(CollectionEndpoint {
                    tasks_url,
                    result_url,
                    auth,
                    hash_key: Secret::new(hash_key.clone().unwrap_or_default()),
                })
            }
        };

        let t = file.termin;
        let termin = match pick("termin.url", &over.termin_url, "DESKCOLL_TERMIN_URL", t.url) {
            None => None,
            Some(url) => {
                check_url(&url)?;
                let token = pick("termin.token", &None, "DESKCOLL_TERMIN_TOKEN", t.token);
                let tuser = pick("termin.user", &None, "DESKCOLL_TERMIN_USER", t.user);
                let tpass = pick(
                    "termin.password",
                    &None,
                    "DESKCOLL_TERMIN_PASSWORD",
                    t.password,
                );
                let key = pick(
                    "termin.access_key",
                    &None,
                    "DESKCOLL_TERMIN_ACCESS_KEY",
                    t.access_key,
                );
                let secret = pick(
                    "termin.access_secret",
                    &None,
                    "DESKCOLL_TERMIN_ACCESS_SECRET",
                    t.access_secret,
                );
                let login_url = pick(
                    "termin.login_url",
                    &None,
                    "DESKCOLL_TERMIN_LOGIN_URL",
                    t.login_url,
                );
                let mode = pick("termin.auth", &None, "DESKCOLL_TERMIN_AUTH", t.auth)
                    .map(|m| m.to_ascii_lowercase());
                let mode = mode.unwrap_or_else(|| {
                    if token.is_some() {
                        "token".into()
                    } else if key.is_some() {
                        "login".into()
                    } else if tuser.is_some() {
                        "basic".into()
                    } else {
                        "none".into()
                    }
                });
                let missing =
                    |what: &str| ConfigError::Invalid(format!("termin auth '{mode}' needs {what}"));
                let basic = match (tuser, tpass) {
                    (Some(user), Some(password)) => Some(BasicAuth {
                        user,
                        password: Secret::new(password),
                    }),
                    (Some(_), None) => {
                        return Err(missing(
                            "a password (termin.password or DESKCOLL_TERMIN_PASSWORD)",
                        ));
                    }
                    _ => None,
                };
                let auth = match mode.as_str() {
                    "none" => TerminAuth::None,
                    "basic" => TerminAuth::Basic(
                        basic.ok_or_else(|| missing("termin.user and termin.password"))?,
                    ),
                    "token" | "bearer" => {
                        TerminAuth::Bearer(Secret::new(token.ok_or_else(|| {
                            missing("a token (termin.token or DESKCOLL_TERMIN_TOKEN)")
                        })?))
                    }
                    "login" => {
                        let login_url = match login_url {
                            Some(u) => u,
                            None => default_login_url(&url)?,
                        };
                        check_url(&login_url)?;
                        TerminAuth::Login(crate::api::LoginAuth {
                            login_url,
                            basic,
                            access_key: Secret::new(key.ok_or_else(|| {
                                missing("termin.access_key (DESKCOLL_TERMIN_ACCESS_KEY)")
                            })?),
                            access_secret: Secret::new(secret.ok_or_else(|| {
                                missing("termin.access_secret (DESKCOLL_TERMIN_ACCESS_SECRET)")
                            })?),
                        })
                    }
                    other => {
                        return Err(ConfigError::Invalid(format!(
                            "termin auth '{other}' is not one of basic, token, login, none"
                        )));
                    }
                };
                Some(TerminEndpoint { url, auth })
            }
        };

        for (key, set) in [
            (
                "http.connect_timeout_secs",
                file.http.connect_timeout_secs.is_some(),
            ),
            ("http.timeout_secs", file.http.timeout_secs.is_some()),
            ("http.max_body_mb", file.http.max_body_mb.is_some()),
            ("http.deadline_secs", file.http.deadline_secs.is_some()),
            ("http.max_total_mb", file.http.max_total_mb.is_some()),
            (
                "http.max_retry_after_secs",
                file.http.max_retry_after_secs.is_some(),
            ),
            (
                "calling",
                files.system.as_ref().is_some_and(|l| l.has("calling"))
                    || files.user.as_ref().is_some_and(|l| l.has("calling")),
            ),
            (
                "calling.holidays_file",
                file.calling.holidays_file.is_some(),
            ),
            (
                "ui",
                files.system.as_ref().is_some_and(|l| l.has("ui"))
                    || files.user.as_ref().is_some_and(|l| l.has("ui")),
            ),
            ("theme", file.theme != ThemeConfig::default()),
            ("keys", file.keys.overrides().next().is_some()),
        ] {
            if set {
                sources.borrow_mut().insert(key, files.source_of(key));
            }
        }
        let ip_address = pick("ip_address", &None, "DESKCOLL_IP_ADDRESS", file.ip_address);
        let outbox = pick(
            "store.outbox",
            &None,
            "DESKCOLL_OUTBOX",
            file.store.outbox.map(|p| p.display().to_string()),
        )
        .map(PathBuf::from);
        let team = pick(
            "team.database_url",
            &None,
            "DESKCOLL_TEAM_DATABASE_URL",
            file.team.database_url,
        )
        .map(|url| TeamConfig {
            database_url: Secret::new(url),
            refresh: Duration::from_secs(file.team.refresh_secs.unwrap_or(15).max(1)),
        });
        let dial_command = pick(
            "calling.dial_command",
            &None,
            "DESKCOLL_DIAL_COMMAND",
            file.calling.dial_command.clone(),
        );
        let holidays_file = file.calling.holidays_file.clone();
        let defaults = ClientOptions::default();
        let http = ClientOptions {
            connect_timeout: file
                .http
                .connect_timeout_secs
                .map(Duration::from_secs)
                .unwrap_or(defaults.connect_timeout),
            timeout: file
                .http
                .timeout_secs
                .map(Duration::from_secs)
                .unwrap_or(defaults.timeout),
            max_body_bytes: match file.http.max_body_mb {
                None => defaults.max_body_bytes,
                Some(0) => {
                    return Err(ConfigError::Invalid(
                        "http.max_body_mb must be at least 1".into(),
                    ));
                }
                Some(mb) => mb.checked_mul(1024 * 1024).ok_or_else(|| {
                    ConfigError::Invalid(format!("http.max_body_mb {mb} is too large"))
                })?,
            },
            deadline: match file.http.deadline_secs {
                Some(0) => {
                    return Err(ConfigError::Invalid(
                        "http.deadline_secs must be at least 1".into(),
                    ));
                }
                d => d.map(Duration::from_secs),
            },
            max_retry_after: file
                .http
                .max_retry_after_secs
                .map(Duration::from_secs)
                .unwrap_or(defaults.max_retry_after),
            max_total_bytes: match file.http.max_total_mb {
                None => defaults.max_total_bytes,
                Some(0) => {
                    return Err(ConfigError::Invalid(
                        "http.max_total_mb must be at least 1".into(),
                    ));
                }
                Some(mb) => mb.checked_mul(1024 * 1024).ok_or_else(|| {
                    ConfigError::Invalid(format!("http.max_total_mb {mb} is too large"))
                })?,
            },
        };
        if let Some(z) = file.ui.time_zone.as_deref()
            && crate::domain::zone::Zone::parse(z).is_none()
        {
            return Err(ConfigError::Invalid(format!(
                "ui.time_zone: '{z}' is not WIB, WITA or WIT"
            )));
        }
        let language =
            crate::i18n::resolve(file.ui.language.as_deref(), env).map_err(ConfigError::Invalid)?;
        // Where the calling rules came from: the file that sets one of them (the system's
        // alone when it locks them), else deskcoll's defaults.
        let rules_source = CALLING_RULE_KEYS
            .iter()
            .map(|k| format!("calling.{k}"))
            .filter(|k| {
                files.user.as_ref().is_some_and(|l| l.has(k))
                    || files.system.as_ref().is_some_and(|l| l.has(k))
            })
            .map(|k| files.source_of(&k))
            .max_by_key(|s| *s == Source::User)
            .map_or("default", |s| s.as_str());
        let mut calling = calling(file.calling)?;
        calling.dial_command = dial_command;
        calling.rules.source = rules_source;
        let system_file = files.system.map(|l| l.path);
        let user_file = files.user.map(|l| l.path);
        Ok(Config {
            language,
            file: user_file.clone().or(system_file.clone()),
            system_file,
            user_file,
            sources: sources.into_inner(),
            holidays_file,
            agent_id,
            ip_address,
            collection,
            termin,
            http,
            ui: file.ui,
            hash_key: hash_key.map(Secret::new),
            outbox,
            calling,
            theme: file.theme,
            keys: file.keys.0.into_iter().map(|(_, o)| o).collect(),
            result: file.result,
            audit: file.audit,
            team,
            ignored,
        })
    }

    /// The outbox file. Demo results live apart from real ones, so that nothing recorded
    /// against the twin can ever be sent to a real server.
    pub fn outbox_path(&self, demo: bool) -> PathBuf {
        if let Some(p) = &self.outbox {
            return p.clone();
        }
        let dir = data_dir().unwrap_or_else(|| PathBuf::from("."));
        dir.join(if demo {
            "outbox-demo.sqlite3"
        } else {
            "outbox.sqlite3"
        })
    }

    /// True when credentials (Basic auth, a token, access keys, a signed result) would go
    /// over plain `http://` to a host that is not this machine: anyone on the way can read
    /// them. The workstation's header can say "insecure".
    pub fn insecure_transport(&self) -> bool {
        !self.insecure_hosts().is_empty()
    }

    /// The hosts of `insecure_transport`, each once, as `host[:port]`.
    pub fn insecure_hosts(&self) -> Vec<String> {
        let mut urls: Vec<&str> = Vec::new();
        if let Some(c) = &self.collection
            && (c.auth.is_some() || !c.hash_key.is_empty())
        {
            urls.extend([c.tasks_url.as_str(), c.result_url.as_str()]);
        }
        if let Some(t) = &self.termin {
            match &t.auth {
                TerminAuth::None => {}
                TerminAuth::Login(l) => urls.extend([t.url.as_str(), l.login_url.as_str()]),
                TerminAuth::Basic(_) | TerminAuth::Bearer(_) => urls.push(t.url.as_str()),
            }
        }
        // A URL that carries its own credentials (user-info, a query value) counts whatever
        // the auth configured.
        let mut carrying: Vec<&str> = Vec::new();
        if let Some(c) = &self.collection {
            carrying.extend([c.tasks_url.as_str(), c.result_url.as_str()]);
        }
        if let Some(t) = &self.termin {
            carrying.push(t.url.as_str());
            if let TerminAuth::Login(l) = &t.auth {
                carrying.push(l.login_url.as_str());
            }
        }
        urls.extend(carrying.into_iter().filter(|u| url_holds_secret(u)));
        let mut hosts: Vec<String> = Vec::new();
        for u in urls {
            let Ok(url) = reqwest::Url::parse(u) else {
                continue;
            };
            let loopback = url.host_str().is_none_or(|h| {
                let h = h.trim_start_matches('[').trim_end_matches(']');
                h.eq_ignore_ascii_case("localhost")
                    || h.parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback())
            });
            if url.scheme() == "http" && !loopback {
                let host = match (url.host_str(), url.port()) {
                    (Some(h), Some(p)) => format!("{h}:{p}"),
                    (Some(h), None) => h.to_string(),
                    (None, _) => continue,
                };
                if !hosts.contains(&host) {
                    hosts.push(host);
                }
            }
        }
        hosts
    }

    /// No server configured at all: deskcoll runs against its embedded twin.
    pub fn is_demo(&self) -> bool {
        self.collection.is_none() && self.termin.is_none()
    }

    /// The address sent as cre_ip_address: configured, else the local address the OS would
    /// use to reach the collection server (no packet is sent; IPv4 first when the server has
    /// one), else loopback. Cut to the server's 25 characters (an IPv6 address is longer),
    /// with a warning in the log: it never blocks a send.
    pub fn ip_address(&self) -> String {
        let ip = self
            .ip_address
            .clone()
            .unwrap_or_else(|| self.detected_ip());
        let (fitted, cut) = crate::domain::result::fit_ip_address(&ip);
        if cut {
            tracing::warn!(
                address = %ip,
                sent = %fitted,
                "the IP address is longer than the server's 25 characters; sending it cut"
            );
        }
        fitted
    }

    fn detected_ip(&self) -> String {
        let target = self
            .collection
            .as_ref()
            .and_then(|c| reqwest::Url::parse(&c.result_url).ok())
            .and_then(|u| u.socket_addrs(|| None).ok())
            .and_then(|a| {
                let v4 = a.iter().find(|s| s.is_ipv4()).copied();
                v4.or_else(|| a.into_iter().next())
            });
        target
            .and_then(|addr| {
                let bind = if addr.is_ipv4() {
                    "0.0.0.0:0"
                } else {
                    "[::]:0"
                };
                let s = std::net::UdpSocket::bind(bind).ok()?;
                s.connect(addr).ok()?;
                s.local_addr().ok().map(|a| a.ip().to_string())
            })
            .unwrap_or_else(|| "127.0.0.1".into())
    }

    /// Where a value in force came from (`collection.base_url`, `theme`, ...).
    pub fn source(&self, key: &str) -> Source {
        self.sources.get(key).copied().unwrap_or(Source::Default)
    }

    /// A printable view with every secret masked, URLs' user-info and query values too, and
    /// where each value came from: `system`, `user`, `env`, `flag` or `default` (those words
    /// and the labels that are not keys in the language in force; keys and values as they are).
    pub fn show(&self) -> String {
        use crate::domain::text::redact_url;
        use crate::tr;
        let lang = self.language;
        let mask = |s: &str| if s.is_empty() { "(not set)" } else { "***" };
        // (key or label, value, where it came from; None for what is not a setting)
        let mut lines: Vec<(String, String, Option<Source>)> = Vec::new();
        let mut line = |k: &str, v: &str, from: Option<Source>| {
            lines.push((k.to_string(), v.to_string(), from))
        };
        let file = |p: &Option<PathBuf>| {
            p.as_ref()
                .map_or("(none)".into(), |p| p.display().to_string())
        };
        line(
            &tr!(lang, "config-show-system-file"),
            &file(&self.system_file),
            None,
        );
        line(
            &tr!(lang, "config-show-user-file"),
            &file(&self.user_file),
            None,
        );
        line(
            &tr!(lang, "config-show-mode"),
            if self.is_demo() {
                "demo (embedded twin)"
            } else {
                "server"
            },
            None,
        );
        line(
            "agent_id",
            if self.agent_id.is_empty() {
                "(not set)"
            } else {
                &self.agent_id
            },
            Some(self.source("agent_id")),
        );
        line(
            "ip_address",
            &self
                .ip_address
                .clone()
                .unwrap_or_else(|| format!("{} (detected)", self.ip_address())),
            Some(self.source("ip_address")),
        );
        // A full URL's source, else the base URL's it was made from.
        let either = |full: &str, base: &str| match self.source(full) {
            Source::Default => self.source(base),
            s => s,
        };
        match &self.collection {
            None => line("collection", "(not set)", Some(Source::Default)),
            Some(c) => {
                line(
                    "collection.tasks_url",
                    &redact_url(&c.tasks_url),
                    Some(either("collection.tasks_url", "collection.base_url")),
                );
                line(
                    "collection.result_url",
                    &redact_url(&c.result_url),
                    Some(either("collection.result_url", "collection.base_url")),
                );
                line(
                    "collection.user",
                    c.auth.as_ref().map_or("(not set)", |a| &a.user),
                    Some(self.source("collection.user")),
                );
                line(
                    "collection.password",
                    c.auth
                        .as_ref()
                        .map_or("(not set)", |a| mask(a.password.expose())),
                    Some(self.source("collection.password")),
                );
                line(
                    "collection.hash_key",
                    mask(c.hash_key.expose()),
                    Some(self.source("collection.hash_key")),
                );
            }
        }
        match &self.termin {
            None => line("termin", "(not set)", Some(Source::Default)),
            Some(t) => {
                line(
                    "termin.url",
                    &redact_url(&t.url),
                    Some(self.source("termin.url")),
                );
                let auth = match &t.auth {
                    TerminAuth::None => "none".to_string(),
                    TerminAuth::Basic(b) => format!("basic, user {}, password ***", b.user),
                    TerminAuth::Bearer(_) => "bearer token ***".to_string(),
                    TerminAuth::Login(l) => {
                        format!("login at {}, access key ***", redact_url(&l.login_url))
                    }
                };
                // Chosen, else inferred from the credentials given.
                let from = match self.source("termin.auth") {
                    Source::Default => ["termin.token", "termin.access_key", "termin.user"]
                        .iter()
                        .map(|k| self.source(k))
                        .find(|s| *s != Source::Default)
                        .unwrap_or(Source::Default),
                    s => s,
                };
                line("termin.auth", &auth, Some(from));
            }
        }
        if let Some(t) = &self.team {
            line(
                "team.database_url",
                &crate::domain::text::redact_database_url(t.database_url.expose()),
                Some(self.source("team.database_url")),
            );
        }
        line(
            "http.timeout",
            &format!(
                "{} s (connect {} s)",
                self.http.timeout.as_secs(),
                self.http.connect_timeout.as_secs()
            ),
            Some(
                self.source("http.timeout_secs")
                    .max(self.source("http.connect_timeout_secs")),
            ),
        );
        line(
            "store.outbox",
            &self.outbox_path(self.is_demo()).display().to_string(),
            Some(self.source("store.outbox")),
        );
        line(
            "calling.holidays_file",
            &self
                .holidays_file
                .as_ref()
                .map_or("(shipped list)".into(), |p| p.display().to_string()),
            Some(self.source("calling.holidays_file")),
        );
        let preset = match self.theme.preset {
            ThemePreset::Dark => "dark",
            ThemePreset::Light => "light",
        };
        let roles: Vec<_> = self.theme.colors.iter().map(|(r, _)| r.name()).collect();
        line(
            "theme",
            &if roles.is_empty() {
                preset.to_string()
            } else {
                format!("{preset}, own colours for {}", roles.join(", "))
            },
            Some(self.source("theme")),
        );
        line("ui.language", self.language.code(), None);
        let actions: Vec<_> = self.keys.iter().map(|k| k.action.as_str()).collect();
        line(
            "keys",
            &if actions.is_empty() {
                "(defaults)".to_string()
            } else {
                format!("own keys for {}", actions.join(", "))
            },
            Some(self.source("keys")),
        );
        let width = lines
            .iter()
            .filter(|(_, _, from)| from.is_some())
            .map(|(_, v, _)| v.chars().count())
            .max()
            .unwrap_or(0)
            .min(60);
        let mut out = String::new();
        for (k, v, from) in lines {
            match from {
                Some(from) => {
                    let from = from.word(lang);
                    out.push_str(&format!("{k:<24} {v:<width$}  ({from})\n"))
                }
                None => out.push_str(&format!("{k:<24} {v}\n")),
            }
        }
        out
    }
}

fn calling(c: CallingSection) -> Result<Calling, ConfigError> {
    use crate::domain::window::{CallingRules, CutiBersama, parse_holidays, parse_weekday};
    let mut rules = CallingRules::default();
    if let Some(days) = c.days {
        rules.days = days
            .iter()
            .map(|d| {
                parse_weekday(d).ok_or_else(|| {
                    ConfigError::Invalid(format!("calling.days: '{d}' is not a day"))
                })
            })
            .collect::<Result<_, _>>()?;
    }
    let time = |s: &str, what: &str| {
        chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map_err(|_| ConfigError::Invalid(format!("calling.{what}: '{s}' is not HH:MM")))
    };
    if let Some(s) = &c.start {
        rules.start = time(s, "start")?;
    }
    if let Some(e) = &c.end {
        rules.end = time(e, "end")?;
    }
    if let Some(mode) = &c.cuti_bersama {
        rules.cuti_bersama = CutiBersama::parse(mode).ok_or_else(|| {
            ConfigError::Invalid(format!(
                "calling.cuti_bersama: '{mode}' is not allow, warn or block"
            ))
        })?;
    }
    if let Some(path) = &c.holidays_file {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        rules.holidays = parse_holidays(&text).map_err(|reason| ConfigError::Parse {
            path: path.clone(),
            reason,
        })?;
    }
    let max_contacts_per_day = c
        .max_contacts_per_day
        .unwrap_or(crate::domain::window::DEFAULT_CONTACT_LIMIT);
    rules.contact_limit = max_contacts_per_day;
    Ok(Calling {
        rules,
        max_contacts_per_day,
        dial_command: nonempty(c.dial_command),
        promise_grace_days: c.promise_grace_days.unwrap_or(1).max(0),
    })
}

/// The provider's login lives beside the list: `{scheme}://{host}/api/v2/bumn/bumn-auth/login`.
fn default_login_url(termin_url: &str) -> Result<String, ConfigError> {
    let mut u = reqwest::Url::parse(termin_url)
        .map_err(|_| ConfigError::Invalid(format!("'{termin_url}' is not a URL")))?;
    u.set_path(LOGIN_PATH);
    u.set_query(None);
    Ok(u.to_string())
}

pub use crate::domain::termin::LOGIN_PATH;

fn check_url(u: &str) -> Result<(), ConfigError> {
    match reqwest::Url::parse(u) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(()),
        _ => Err(ConfigError::Invalid(format!(
            "'{}' is not an http(s) URL",
            crate::domain::text::redact_url(u)
        ))),
    }
}

/// The company's action/result codes: a `.csv`, or the `.xlsx`/`.xls`/`.ods` master sheet
/// (sheet `master_data`, else the first sheet). `None` gives the list shipped in `assets/`.
pub fn load_codes(path: Option<&Path>) -> Result<crate::domain::codes::MasterData, String> {
    use crate::domain::codes::{MasterData, csv_rows};
    let Some(path) = path else {
        return Ok(MasterData::builtin());
    };
    let shown = path.display();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let rows = if ext == "csv" {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        csv_rows(&text).map_err(|e| format!("{shown}: {e}"))?
    } else {
        use calamine::{Data, Reader, open_workbook_auto};
        let mut book = open_workbook_auto(path).map_err(|e| format!("cannot open {shown}: {e}"))?;
        let names = book.sheet_names();
        let sheet = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case("master_data"))
            .or(names.first())
            .cloned()
            .ok_or_else(|| format!("{shown} has no sheets"))?;
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| format!("{shown}, sheet {sheet}: {e}"))?;
        range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect()
    };
    MasterData::from_rows(rows).map_err(|e| format!("{shown}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn resolve(
        toml_text: &str,
        over: &Overrides,
        vars: &[(&str, &str)],
    ) -> Result<Config, ConfigError> {
        let file = parse_file(toml_text, Path::new("test.toml"))?;
        Config::resolve(file, None, over, &env(vars))
    }

    #[test]
    fn flags_beat_env_beat_file() {
        let text = "agent_id = \"file\"\n[collection]\nbase_url = \"http://file\"\nuser = \"u\"\npassword = \"p\"\n";
        let c = resolve(text, &Overrides::default(), &[]).unwrap();
        assert_eq!(c.agent_id, "file");
        assert_eq!(
            c.collection.as_ref().unwrap().tasks_url,
            "http://file/api/DailyTask_DeskColl"
        );
        let c = resolve(
            text,
            &Overrides::default(),
            &[
                ("DESKCOLL_BASE_URL", "http://env/"),
                ("DESKCOLL_AGENT_ID", "env"),
            ],
        )
        .unwrap();
        assert_eq!(c.agent_id, "env");
        assert_eq!(
            c.collection.as_ref().unwrap().result_url,
            "http://env/api/CollectionInsert"
        );
        let over = Overrides {
            base_url: Some("http://flag".into()),
            agent_id: Some("flag".into()),
            ..Overrides::default()
        };
        let c = resolve(text, &over, &[("DESKCOLL_BASE_URL", "http://env")]).unwrap();
        assert_eq!(c.agent_id, "flag");
        assert!(c.collection.unwrap().tasks_url.starts_with("http://flag/"));
    }

    /// The system file, then the user's, then the environment, then flags.
    #[test]
    fn system_then_user_then_env_then_flags() {
        let dir = tempfile::tempdir().unwrap();
        let system = dir.path().join("system.toml");
        let user = dir.path().join("user.toml");
        std::fs::write(
            &system,
            "agent_id = \"SYS\"\nip_address = \"10.0.0.9\"\n[collection]\nbase_url = \"http://system\"\nuser = \"sys-user\"\npassword = \"sys-pass\"\n[http]\ntimeout_secs = 7\n[keys]\nquit = \"ctrl-q\"\nhelp = \"f2\"\n[theme]\npreset = \"light\"\ntitle = \"cyan\"\n",
        )
        .unwrap();
        crate::files::set_mode(&system, 0o600).unwrap();
        std::fs::write(
            &user,
            "agent_id = \"USR\"\n[collection]\nbase_url = \"http://user\"\nuser = \"usr-user\"\n[keys]\n\nhelp = \"f3\"\n[theme]\nerror = \"red\"\n",
        )
        .unwrap();
        fn with<'a>(
            system: &Path,
            user: &Path,
            extra: &[(&'a str, &str)],
        ) -> Vec<(&'a str, String)> {
            let mut v = vec![
                ("DESKCOLL_SYSTEM_CONFIG", system.display().to_string()),
                ("DESKCOLL_CONFIG", user.display().to_string()),
            ];
            v.extend(extra.iter().map(|(k, x)| (*k, x.to_string())));
            v
        }
        let vars = |extra: &[(&'static str, &str)]| with(&system, &user, extra);
        let load = |vars: Vec<(&str, String)>, over: &Overrides| {
            let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            Config::load_with(over, &env(&pairs)).unwrap()
        };

        let c = load(vars(&[]), &Overrides::default());
        assert_eq!(c.system_file.as_deref(), Some(system.as_path()));
        assert_eq!(c.user_file.as_deref(), Some(user.as_path()));
        assert_eq!(c.file.as_deref(), Some(user.as_path()));
        assert_eq!(c.agent_id, "USR");
        assert_eq!(c.source("agent_id"), Source::User);
        let ep = c.collection.clone().unwrap();
        assert!(ep.tasks_url.starts_with("http://user/"));
        let auth = ep.auth.unwrap();
        assert_eq!(auth.user, "usr-user");
        assert_eq!(
            auth.password.expose(),
            "sys-pass",
            "the system's, under the user's"
        );
        assert_eq!(c.source("collection.password"), Source::System);
        assert_eq!(c.source("ip_address"), Source::System);
        assert_eq!(c.http.timeout, Duration::from_secs(7));
        assert_eq!(c.source("http.timeout_secs"), Source::System);
        assert_eq!(c.source("collection.hash_key"), Source::Default);
        // Key bindings and colours lay over one another by name, each line in its own file.
        let keys: Vec<_> = c
            .keys
            .iter()
            .map(|k| (k.action.as_str(), k.keys.join(" "), k.line))
            .collect();
        assert_eq!(
            keys,
            [("quit", "ctrl-q".into(), 10), ("help", "f3".into(), 7)]
        );
        assert_eq!(c.theme.preset, ThemePreset::Light);
        assert_eq!(c.theme.colors.len(), 2);
        let shown = c.show();
        for want in [
            "agent_id                 USR",
            "(user)",
            "(system)",
            "(default)",
            &format!("system file              {}", system.display()),
        ] {
            assert!(shown.contains(want), "{want}:\n{shown}");
        }
        let row = |key: &str| {
            shown
                .lines()
                .find(|l| l.starts_with(&format!("{key} ")))
                .unwrap_or_else(|| panic!("{key}:\n{shown}"))
                .to_string()
        };
        assert!(row("collection.password").ends_with("(system)"), "{shown}");
        assert!(row("collection.user").ends_with("(user)"), "{shown}");
        assert!(row("collection.hash_key").ends_with("(default)"), "{shown}");

        let c = load(
            vars(&[("DESKCOLL_AGENT_ID", "ENV"), ("DESKCOLL_USER", "env-user")]),
            &Overrides::default(),
        );
        assert_eq!(
            (c.agent_id.as_str(), c.source("agent_id")),
            ("ENV", Source::Env)
        );
        assert_eq!(c.source("collection.user"), Source::Env);

        let over = Overrides {
            agent_id: Some("FLAG".into()),
            base_url: Some("http://flag".into()),
            ..Overrides::default()
        };
        let c = load(vars(&[("DESKCOLL_AGENT_ID", "ENV")]), &over);
        assert_eq!(
            (c.agent_id.as_str(), c.source("agent_id")),
            ("FLAG", Source::Flag)
        );
        assert!(
            c.collection
                .as_ref()
                .unwrap()
                .tasks_url
                .starts_with("http://flag/")
        );
        assert!(c.show().contains("(flag)"));

        // A system file that is not there is no error (the user's file is another matter).
        let c = load(
            vec![
                (
                    "DESKCOLL_SYSTEM_CONFIG",
                    dir.path().join("missing.toml").display().to_string(),
                ),
                ("DESKCOLL_CONFIG", user.display().to_string()),
                ("DESKCOLL_PASSWORD", "p".to_string()),
            ],
            &Overrides::default(),
        );
        assert_eq!((c.system_file, c.agent_id.as_str()), (None, "USR"));
    }

    #[cfg(unix)]
    #[test]
    fn a_user_file_or_folder_others_can_write_is_refused_unless_insecure() {
        let dir = tempfile::tempdir().unwrap();
        crate::files::set_mode(dir.path(), 0o700).unwrap();
        let folder = dir.path().join("conf");
        std::fs::create_dir(&folder).unwrap();
        let user = folder.join("config.toml");
        std::fs::write(&user, "agent_id = \"A\"\n").unwrap();
        let no_system = dir.path().join("none.toml");
        let pairs = [("DESKCOLL_SYSTEM_CONFIG", no_system.to_str().unwrap())];
        let e = env(&pairs);
        let read = |insecure: bool| {
            let over = Overrides {
                config_path: Some(user.clone()),
                insecure_config: insecure,
                ..Overrides::default()
            };
            read_files(&over, &e).map(|f| f.config.agent_id)
        };
        let set = |p: &Path, m: u32| crate::files::set_mode(p, m).unwrap();
        set(&folder, 0o700);
        for mode in [0o600, 0o644, 0o400] {
            set(&user, mode);
            assert_eq!(read(false).unwrap(), Some("A".into()), "{mode:o}");
        }
        for mode in [0o622, 0o666, 0o602, 0o620] {
            set(&user, mode);
            let err = read(false).unwrap_err().to_string();
            assert!(
                err.contains("config file")
                    && err.contains("config.toml")
                    && err.contains(&format!("mode {mode:04o}"))
                    && err.contains("others can write it")
                    && err.contains("--insecure-config"),
                "{err}"
            );
            assert_eq!(
                read(true).unwrap(),
                Some("A".into()),
                "--insecure-config reads it"
            );
        }
        set(&user, 0o600);
        set(&folder, 0o777);
        let err = read(false).unwrap_err().to_string();
        assert!(
            err.contains("config folder") && err.contains("mode 0777"),
            "{err}"
        );
        assert!(read(true).is_ok());
        set(&folder, 0o1777);
        assert!(
            read(false).is_ok(),
            "a sticky folder: only the owner replaces the file"
        );
        set(&folder, 0o700);
    }

    #[test]
    fn urls_hold_secrets_only_with_user_info_or_query_values() {
        for yes in [
            "https://u:p@h",
            "https://tok@h/x",
            "h/x?k=v",
            "https://u:p@h:bad port",
        ] {
            assert!(url_holds_secret(yes), "{yes}");
        }
        for no in [
            "https://h/x",
            "https://h/x?flag",
            "https://h/x?k=",
            "https://h/#a@b",
        ] {
            assert!(!url_holds_secret(no), "{no}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_secret_in_the_system_file_needs_a_closed_file() {
        let dir = tempfile::tempdir().unwrap();
        let system = dir.path().join("system.toml");
        let with = |text: &str, mode: u32| {
            std::fs::write(&system, text).unwrap();
            crate::files::set_mode(&system, mode).unwrap();
            let pairs = [("DESKCOLL_SYSTEM_CONFIG", system.to_str().unwrap())];
            let e = env(&pairs);
            let user = dir.path().join("user.toml");
            std::fs::write(&user, "").unwrap();
            let over = Overrides {
                config_path: Some(user),
                ..Overrides::default()
            };
            read_files(&over, &e).map(|f| f.config.agent_id)
        };
        let secret =
            "agent_id = \"A\"\n[collection]\nbase_url = \"https://h\"\nhash_key = \"k3y\"\n";
        for mode in [0o600, 0o640, 0o400, 0o440] {
            assert!(with(secret, mode).is_ok(), "{mode:o}");
        }
        // The team ledger's URL holds a password too, as a URL or libpq's key=value words.
        for ledger in [
            "[team]\ndatabase_url = \"postgresql://desk:pw@db/deskcoll\"\n",
            "[team]\ndatabase_url = \"host=db user=desk password=pw\"\n",
        ] {
            let err = with(ledger, 0o644).unwrap_err().to_string();
            assert!(err.contains("holds secrets (team.database_url)"), "{err}");
            assert!(with(ledger, 0o640).is_ok());
        }
        for mode in [0o644, 0o604] {
            let err = with(secret, mode).unwrap_err().to_string();
            assert!(err.contains("holds secrets (collection.hash_key)"), "{err}");
            assert!(err.contains(&format!("mode {mode:04o}")), "{err}");
            assert!(!err.contains("k3y"), "{err}");
        }
        // No secret: any mode others cannot write.
        assert!(with("agent_id = \"A\"\n", 0o644).is_ok());
        // Others who can write it could set anyone's dial command: refused, secret or not.
        for mode in [0o666, 0o660, 0o622, 0o602] {
            for text in [secret, "agent_id = \"A\"\n"] {
                let err = with(text, mode).unwrap_err().to_string();
                assert!(
                    err.contains("system config file")
                        && err.contains("system.toml")
                        && err.contains(&format!("mode {mode:04o}"))
                        && err.contains("others can write it"),
                    "{err}"
                );
            }
        }
        // A password, a user name alone (a token) or a query value in a URL is a secret.
        for url in [
            "https://u:pw@t/x",
            "https://tok@t/x",
            "https://t/x?key=k",
            "https://u:pw@t:bad/x",
        ] {
            let err = with(&format!("[termin]\nurl = \"{url}\"\n"), 0o644).unwrap_err();
            assert!(err.to_string().contains("termin.url"), "{url}: {err}");
        }
        assert!(with("[termin]\nurl = \"https://t/x?flag\"\n", 0o644).is_ok());
        // An unreadable or broken system file is an error naming it.
        let err = with("agent_id = \n", 0o600).unwrap_err().to_string();
        assert!(
            err.contains("system.toml") && err.contains("line 1"),
            "{err}"
        );
    }

    #[test]
    fn full_urls_override_base_routes() {
        let c = resolve(
            "",
            &Overrides::default(),
            &[
                ("DESKCOLL_BASE_URL", "http://b"),
                ("DESKCOLL_TASKS_URL", "http://t/x"),
            ],
        )
        .unwrap();
        let ep = c.collection.unwrap();
        assert_eq!(ep.tasks_url, "http://t/x");
        assert_eq!(ep.result_url, "http://b/api/CollectionInsert");
    }

    #[test]
    fn nothing_configured_is_demo() {
        let c = resolve("", &Overrides::default(), &[]).unwrap();
        assert!(c.is_demo());
    }

    #[test]
    fn invalid_toml_names_line_and_column() {
        let err = parse_file(
            "agent_id = \"a\"\n[collection]\nbase_url = http://x\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 3, column 12"), "{msg}");
        let err = parse_file("[collection]\nbase_ur = \"x\"\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn secrets_never_show() {
        let c = resolve(
            "[collection]\nbase_url=\"http://x\"\nuser=\"u\"\npassword=\"hunter2pw\"\nhash_key=\"k3y-s3cret\"\n[termin]\nurl=\"http://t\"\ntoken=\"tok-s3cret\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap();
        let shown = format!("{}{:?}", c.show(), c);
        for secret in ["hunter2pw", "k3y-s3cret", "tok-s3cret"] {
            assert!(!shown.contains(secret), "{secret} leaked");
        }
        assert!(c.show().contains("***"));
    }

    #[test]
    fn urls_show_without_their_credentials() {
        let c = resolve(
            "[collection]\nbase_url=\"https://svc:pw-in-url@host/x?token=tok-in-url\"\n[termin]\nurl=\"https://t.example/termin?key=k3y-in-url&page=1\"\nauth=\"login\"\naccess_key=\"k\"\naccess_secret=\"s\"\nlogin_url=\"https://u:p4ss@t.example/login?sig=s1g\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap();
        let shown = c.show();
        for secret in ["pw-in-url", "tok-in-url", "k3y-in-url", "p4ss", "s1g"] {
            assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
        }
        assert!(
            shown.contains("https://svc:***@host/x?token=***"),
            "{shown}"
        );
        assert!(shown.contains("key=***&page=***"), "{shown}");
    }

    #[test]
    fn the_body_cap_is_configurable() {
        let c = resolve("", &Overrides::default(), &[]).unwrap();
        assert_eq!(c.http.max_body_bytes, 128 * 1024 * 1024);
        assert!(
            c.http.max_body_bytes > 77_000_000,
            "room for 100,000 real tasks"
        );
        let c = resolve("[http]\nmax_body_mb = 300\n", &Overrides::default(), &[]).unwrap();
        assert_eq!(c.http.max_body_bytes, 300 * 1024 * 1024);
        let c = resolve("[http]\nmax_response_mb = 2\n", &Overrides::default(), &[]).unwrap();
        assert_eq!(
            c.http.max_body_bytes,
            2 * 1024 * 1024,
            "the older name still works"
        );
        assert!(resolve("[http]\nmax_body_mb = 0\n", &Overrides::default(), &[]).is_err());
    }

    #[test]
    fn an_ipv6_address_is_cut_to_the_field_never_refused() {
        let v6 = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
        let c = resolve("", &Overrides::default(), &[("DESKCOLL_IP_ADDRESS", v6)]).unwrap();
        assert_eq!(c.ip_address(), "2001:0db8:85a3:0000:0000:");
        let c = resolve(
            "",
            &Overrides::default(),
            &[("DESKCOLL_IP_ADDRESS", "10.1.206.118")],
        )
        .unwrap();
        assert_eq!(c.ip_address(), "10.1.206.118");
        // Detected against a server reachable over both: IPv4 first.
        let c = resolve(
            "",
            &Overrides::default(),
            &[("DESKCOLL_BASE_URL", "http://localhost:9")],
        )
        .unwrap();
        assert!(
            c.ip_address().parse::<std::net::Ipv4Addr>().is_ok(),
            "{}",
            c.ip_address()
        );
    }

    #[test]
    fn credentials_over_plain_http_elsewhere_are_insecure() {
        let insecure = |vars: &[(&str, &str)]| {
            let c = resolve("", &Overrides::default(), vars).unwrap();
            (c.insecure_transport(), c.insecure_hosts())
        };
        let with_auth = |base: &'static str| {
            [
                ("DESKCOLL_BASE_URL", base),
                ("DESKCOLL_USER", "u"),
                ("DESKCOLL_PASSWORD", "p"),
            ]
        };
        assert_eq!(
            insecure(&with_auth("http://collection.example:8080")),
            (true, vec!["collection.example:8080".to_string()])
        );
        assert!(!insecure(&with_auth("https://collection.example")).0);
        for local in [
            "http://127.0.0.1:8080",
            "http://localhost",
            "http://[::1]:9",
        ] {
            assert!(!insecure(&with_auth(local)).0, "{local}");
        }
        assert!(
            insecure(&[
                ("DESKCOLL_BASE_URL", "http://h"),
                ("DESKCOLL_HASH_KEY", "k")
            ])
            .0
        );
        assert!(
            !insecure(&[("DESKCOLL_BASE_URL", "http://h")]).0,
            "no credentials"
        );
        assert!(
            insecure(&[
                ("DESKCOLL_TERMIN_URL", "http://t.example/x"),
                ("DESKCOLL_TERMIN_TOKEN", "tok")
            ])
            .0
        );
        assert!(!insecure(&[("DESKCOLL_TERMIN_URL", "http://t.example/x")]).0);
        assert!(
            !resolve("", &Overrides::default(), &[])
                .unwrap()
                .insecure_transport()
        );
    }

    #[test]
    fn template_is_valid() {
        parse_file(TEMPLATE, Path::new("template")).unwrap();
    }

    #[test]
    fn user_without_password_is_refused() {
        let err = resolve(
            "",
            &Overrides::default(),
            &[("DESKCOLL_BASE_URL", "http://x"), ("DESKCOLL_USER", "u")],
        )
        .unwrap_err();
        assert!(err.to_string().contains("DESKCOLL_PASSWORD"));
    }

    #[test]
    fn company_code_list_from_csv_replaces_the_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("master.csv");
        std::fs::write(
            &path,
            "ACTION_CODE,RESULT_CODE,DESCRIPTION\nVIS,VIS01,Kunjungan\n",
        )
        .unwrap();
        let codes = load_codes(Some(&path)).unwrap();
        assert_eq!(codes.actions.len(), 1);
        assert_eq!(codes.results_for("VIS").next().unwrap().code, "VIS01");
        let err = load_codes(Some(&dir.path().join("missing.xlsx"))).unwrap_err();
        assert!(err.contains("cannot open"), "{err}");
        assert!(load_codes(None).unwrap().action("PTP").is_some());
    }

    #[test]
    fn termin_auth_modes_are_inferred_or_chosen() {
        let login = resolve(
            "[termin]\nurl = \"https://api.example.test/api/v1/bumn/transactions/termin\"\naccess_key = \"k\"\naccess_secret = \"s\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap();
        match login.termin.unwrap().auth {
            TerminAuth::Login(l) => assert_eq!(
                l.login_url,
                "https://api.example.test/api/v2/bumn/bumn-auth/login"
            ),
            other => panic!("{other:?}"),
        }
        let basic = resolve(
            "",
            &Overrides::default(),
            &[
                ("DESKCOLL_TERMIN_URL", "http://t"),
                ("DESKCOLL_TERMIN_USER", "u"),
                ("DESKCOLL_TERMIN_PASSWORD", "p"),
            ],
        )
        .unwrap();
        assert!(matches!(basic.termin.unwrap().auth, TerminAuth::Basic(_)));
        let err = resolve(
            "",
            &Overrides::default(),
            &[
                ("DESKCOLL_TERMIN_URL", "http://t"),
                ("DESKCOLL_TERMIN_AUTH", "login"),
            ],
        )
        .unwrap_err();
        assert!(err.to_string().contains("access_key"), "{err}");
        let err = resolve(
            "",
            &Overrides::default(),
            &[
                ("DESKCOLL_TERMIN_URL", "http://t"),
                ("DESKCOLL_TERMIN_AUTH", "magic"),
            ],
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("not one of basic, token, login, none")
        );
    }

    #[test]
    fn calling_rules_from_config() {
        let c = resolve("[calling]\ndays = [\"Mon\", \"Fri\"]\nstart = \"09:00\"\nend = \"17:00\"\nmax_contacts_per_day = 2\n", &Overrides::default(), &[]).unwrap();
        assert_eq!(c.calling.rules.days.len(), 2);
        assert_eq!(c.calling.rules.start.to_string(), "09:00:00");
        assert_eq!(c.calling.max_contacts_per_day, 2);
        let err = resolve("[calling]\nstart = \"9am\"\n", &Overrides::default(), &[]).unwrap_err();
        assert!(err.to_string().contains("calling.start"));
        use crate::domain::window::CutiBersama;
        assert_eq!(c.calling.rules.cuti_bersama, CutiBersama::Warn);
        let c = resolve(
            "[calling]\ncuti_bersama = \"block\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap();
        assert_eq!(c.calling.rules.cuti_bersama, CutiBersama::Block);
        let err = resolve(
            "[calling]\ncuti_bersama = \"no\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("calling.cuti_bersama: 'no'"),
            "{err}"
        );
    }

    #[test]
    fn theme_section_gives_preset_and_colours() {
        let c = resolve(
            "[theme]\npreset = \"light\"\ntitle = \"cyan\"\nerror = \"#ff5f5f\"\nborder_focus = \"208\"\ndim = \"Dark Gray\"\n",
            &Overrides::default(),
            &[],
        )
        .unwrap();
        use ratatui::style::Color;
        assert_eq!(c.theme.preset, ThemePreset::Light);
        assert_eq!(
            c.theme.colors,
            vec![
                (ThemeRole::Title, Color::Cyan),
                (ThemeRole::Dim, Color::DarkGray),
                (ThemeRole::Error, Color::Rgb(0xff, 0x5f, 0x5f)),
                (ThemeRole::BorderFocus, Color::Indexed(208)),
            ]
        );
        assert_eq!(
            c.theme.color(ThemeRole::Error),
            Some(Color::Rgb(0xff, 0x5f, 0x5f))
        );
        assert_eq!(c.theme.color(ThemeRole::Key), None);
        assert!(
            c.show()
                .contains("light, own colours for title, dim, error, border_focus"),
            "{}",
            c.show()
        );
        let none = resolve("", &Overrides::default(), &[]).unwrap();
        assert!(none.show().contains("(defaults)"));
        assert_eq!(none.theme, ThemeConfig::default());
        assert_eq!(none.theme.preset, ThemePreset::Dark);
        for (i, role) in ThemeRole::ALL.into_iter().enumerate() {
            assert_eq!(ThemeRole::from_name(role.name()), Some(role));
            assert_eq!(role as usize, i, "ALL is in declaration order");
        }
    }

    #[test]
    fn theme_mistakes_name_their_line() {
        let err = |text: &str| {
            parse_file(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        let msg = err("agent_id = \"a\"\n[theme]\ntitle = \"cyan\"\ntitel = \"red\"\n");
        assert!(msg.contains("line 4, column 1"), "{msg}");
        assert!(msg.contains("unknown theme role 'titel'"), "{msg}");
        let msg = err("[theme]\npreset = \"solarized\"\n");
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("unknown theme preset 'solarized'"), "{msg}");
        let ok = parse_file(
            "[theme]\npreset = \"Light\"\nwarn = 208\n",
            Path::new("c.toml"),
        );
        let theme = ok.unwrap().theme;
        assert_eq!(theme.preset, ThemePreset::Light);
        assert_eq!(
            theme.colors,
            vec![(ThemeRole::Warn, ratatui::style::Color::Indexed(208))]
        );
        let msg = err("[theme]\n\nerror = \"#ff5f5\"\n");
        assert!(msg.contains("line 3, column 9"), "{msg}");
        assert!(msg.contains("'#ff5f5' is not a colour"), "{msg}");
        for bad in [
            "\"256\"",
            "\"lightpurple\"",
            "256",
            "-1",
            "[\"red\"]",
            "true",
        ] {
            let msg = err(&format!("[theme]\nwarn = {bad}\n"));
            assert!(msg.contains("line 2"), "{bad}: {msg}");
        }
    }

    #[test]
    fn keys_section_keeps_order_and_lines() {
        let text = "agent_id = \"a\"\n\n[keys]\nquit = \"ctrl-q\"\nmove_down = [\"j\", \"down\",\n  \"ctrl-n\"]\nno_such_action = []\n\"help\" = \"?\"\n";
        let c = resolve(text, &Overrides::default(), &[]).unwrap();
        let got: Vec<_> = c
            .keys
            .iter()
            .map(|o| (o.action.as_str(), o.keys.join(" "), o.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("quit", "ctrl-q".to_string(), 4),
                ("move_down", "j down ctrl-n".to_string(), 5),
                ("no_such_action", String::new(), 7),
                ("help", "?".to_string(), 8),
            ]
        );
        assert!(
            c.show()
                .contains("own keys for quit, move_down, no_such_action, help")
        );
        assert!(
            resolve("", &Overrides::default(), &[])
                .unwrap()
                .keys
                .is_empty()
        );
    }

    #[test]
    fn keys_that_are_not_strings_name_their_line() {
        let err = |text: &str| {
            parse_file(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        let msg = err("[keys]\nquit = \"q\"\nmove_down = 3\n");
        assert!(msg.contains("line 3"), "{msg}");
        assert!(msg.contains("move_down"), "{msg}");
        let msg = err("[keys]\nmove_down = [\"j\",\n 4]\n");
        assert!(msg.contains("line 3"), "{msg}");
        let msg = err("[keys]\n\n[keys.queue]\nquit = \"q\"\n");
        assert!(msg.contains("line 3"), "{msg}");
        let msg = err("[keys]\nquit = { key = \"q\" }\n");
        assert!(msg.contains("line 2"), "{msg}");
    }
}
