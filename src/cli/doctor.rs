//! `deskcoll doctor`: why this desk cannot work, one line per check, in order: the config
//! files, each configured server with its credentials, the server's clock, the outbox, the
//! holiday table, the terminal. Only an unreadable config, an unreachable server, refused
//! credentials or a broken outbox fail (exit 1); everything else is at most a warning.

use super::{EXIT_ERROR, Failure};
use crate::api::{ApiError, BasicAuth, Client, ClientOptions};
use crate::clock::Clock;
use crate::config::{Config, ConfigError, Overrides};
use crate::domain::text::redact_url;
use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, Instant};

/// More than this between the server's clock and ours is worth a warning: the server stamps
/// results with its own clock.
const CLOCK_TOLERANCE_SECS: i64 = 120;

#[derive(clap::Args, Debug)]
pub struct DoctorArgs {
    /// `table`: one line per check; `json`: an array of {check, status, detail}.
    #[arg(long, value_enum, default_value_t)]
    pub format: DoctorFormat,
    /// Seconds each server has to answer.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub timeout: u64,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum DoctorFormat {
    #[default]
    Table,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: &'static str,
    pub status: Status,
    pub detail: String,
}

impl Check {
    fn new(check: &'static str, status: Status, detail: impl Into<String>) -> Check {
        Check {
            check,
            status,
            detail: crate::domain::text::sanitize(&detail.into()).into_owned(),
        }
    }
}

pub async fn run(args: DoctorArgs, over: &Overrides, clock: Clock) -> Result<(), Failure> {
    let checks = checks(over, clock, Duration::from_secs(args.timeout)).await;
    let out = match args.format {
        DoctorFormat::Json => {
            let mut s = serde_json::to_string_pretty(&checks)
                .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()))?;
            s.push('\n');
            s
        }
        DoctorFormat::Table => checks
            .iter()
            .map(|c| format!("{:<5} {:<10} {}\n", c.status.as_str(), c.check, c.detail))
            .collect(),
    };
    use std::io::Write;
    std::io::stdout().write_all(out.as_bytes())?;
    if checks.iter().any(|c| c.status == Status::Fail) {
        // The report said it: no line more on stderr.
        return Err(Failure::new(EXIT_ERROR, ""));
    }
    Ok(())
}

/// Every check, in order.
pub async fn checks(over: &Overrides, clock: Clock, timeout: Duration) -> Vec<Check> {
    let env = |k: &str| std::env::var(k).ok();
    let loaded = Config::load(over);
    let mut out = vec![config_check(&loaded, over, &env)];
    let holidays_file = loaded.as_ref().ok().and_then(|c| c.holidays_file.clone());
    match loaded {
        Err(_) => {
            for check in ["collection", "termin", "clock", "outbox"] {
                out.push(Check::new(
                    check,
                    Status::Warn,
                    "not checked: the configuration cannot be read",
                ));
            }
        }
        Ok(config) => out.extend(with_config(config, clock, timeout).await),
    }
    out.push(holidays_check(holidays_file.as_deref(), clock));
    out.push(terminal_check(&env));
    out
}

fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn described(path: &Path) -> String {
    match mode_of(path) {
        Some(mode) => format!("{} ({mode:04o})", path.display()),
        None => path.display().to_string(),
    }
}

/// The config files found, their modes, and whether they could be read.
fn config_check(
    loaded: &Result<Config, ConfigError>,
    over: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
) -> Check {
    let config = match loaded {
        Err(e) => return Check::new("config", Status::Fail, e.to_string()),
        Ok(c) => c,
    };
    let mut status = Status::Ok;
    let mut parts = Vec::new();
    match &config.system_file {
        Some(p) => parts.push(format!("system {}", described(p))),
        None => parts.push(format!(
            "no system file ({})",
            crate::config::system_path(env).display()
        )),
    }
    match &config.user_file {
        Some(p) => {
            parts.push(format!("user {}", described(p)));
            if crate::files::readable_by_others(p) {
                status = Status::Warn;
                parts.push("the user file can be read by others: chmod 600 it".into());
            }
        }
        None => {
            let default = crate::config::chosen_path(over.config_path.as_deref(), env)
                .map(|(p, _)| p.display().to_string())
                .unwrap_or_else(|| "no config directory".into());
            parts.push(format!("no user file ({default})"));
        }
    }
    if config.system_file.is_none() && config.user_file.is_none() {
        status = Status::Warn;
        parts.push(if config.is_demo() {
            "no config file: demo mode (the embedded twin)".into()
        } else {
            "no config file: settings from the environment and flags only".into()
        });
    }
    let hosts = config.insecure_hosts();
    if !hosts.is_empty() {
        status = Status::Warn;
        parts.push(format!(
            "credentials go over plain http:// to {}",
            hosts.join(", ")
        ));
    }
    Check::new("config", status, parts.join("; "))
}

/// The servers, their clock and the outbox: what needs a configuration.
async fn with_config(config: Config, clock: Clock, timeout: Duration) -> Vec<Check> {
    let demo = config.is_demo();
    let outbox_path = config.outbox_path(demo);
    let max_body_bytes = config.http.max_body_bytes;
    let mut out = Vec::new();
    let session = match crate::session::Session::open(config, clock).await {
        Ok(s) => s,
        Err(e) => {
            out.push(Check::new("collection", Status::Fail, e.to_string()));
            out.push(Check::new("termin", Status::Warn, "not checked"));
            out.push(Check::new("clock", Status::Warn, "not checked"));
            out.push(outbox_check(&outbox_path));
            return out;
        }
    };
    let config = &session.config;
    let demo_note = if demo {
        " (demo: the embedded twin)"
    } else {
        ""
    };

    let mut server_date = None;
    match &config.collection {
        None => out.push(Check::new(
            "collection",
            Status::Warn,
            "no desk-collection server configured (collection.base_url, DESKCOLL_BASE_URL)",
        )),
        Some(c) => {
            let probe = probe(&c.tasks_url, c.auth.as_ref(), timeout).await;
            server_date = probe.as_ref().ok().and_then(|p| p.date);
            let mut check = collection_check(&c.tasks_url, c.auth.as_ref(), probe, timeout);
            check.detail.push_str(demo_note);
            if check.status == Status::Ok && c.hash_key.is_empty() {
                check.status = Status::Warn;
                check
                    .detail
                    .push_str("; no hash key (collection.hash_key, DESKCOLL_HASH_KEY): results cannot be signed");
            }
            out.push(check);
        }
    }

    match &config.termin {
        None => out.push(Check::new("termin", Status::Ok, "not configured")),
        Some(t) => {
            let options = ClientOptions {
                connect_timeout: timeout,
                timeout,
                max_body_bytes,
            };
            let url = redact_url(&t.url);
            let started = Instant::now();
            let page = match Client::new(None, Some(t.clone()), options) {
                Ok(client) => client.termin_page(1, 1).await,
                Err(e) => Err(e),
            };
            let ms = started.elapsed().as_millis();
            let check = match page {
                Ok(p) => {
                    let total = p
                        .data
                        .and_then(|d| d.meta.total_data)
                        .map_or(String::new(), |n| format!(", {n} transactions"));
                    Check::new(
                        "termin",
                        Status::Ok,
                        format!("{url}: answered in {ms} ms{total}{demo_note}"),
                    )
                }
                Err(
                    e @ (ApiError::Unauthorized
                    | ApiError::Forbidden { .. }
                    | ApiError::InvalidToken { .. }),
                ) => Check::new(
                    "termin",
                    Status::Fail,
                    format!("{url}: credentials refused: {e}"),
                ),
                Err(
                    e @ (ApiError::Connect { .. }
                    | ApiError::Timeout { .. }
                    | ApiError::Dropped { .. }
                    | ApiError::NotFound { .. }
                    | ApiError::Redirect { .. }
                    | ApiError::Config(_)),
                ) => Check::new("termin", Status::Fail, format!("{url}: unreachable: {e}")),
                Err(e) => Check::new("termin", Status::Warn, format!("{url}: {e}")),
            };
            out.push(check);
            if server_date.is_none() {
                // The clock from the termin server, when it is the only one.
                server_date = probe(&t.url, None, timeout).await.ok().and_then(|p| p.date);
            }
        }
    }

    out.push(clock_check(server_date, clock));
    out.push(outbox_check(&outbox_path));
    out
}

/// What one request learnt.
struct Probe {
    status: u16,
    date: Option<DateTime<Utc>>,
    location: Option<String>,
    millis: u128,
}

/// A GET with a short timeout, redirects not followed, the body not read.
async fn probe(
    url: &str,
    auth: Option<&BasicAuth>,
    timeout: Duration,
) -> Result<Probe, reqwest::Error> {
    let http = reqwest::Client::builder()
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!("deskcoll/", env!("CARGO_PKG_VERSION"), " (doctor)"))
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut request = http.get(url);
    if let Some(a) = auth {
        request = request.basic_auth(&a.user, Some(a.password.expose()));
    }
    let started = Instant::now();
    let response = request.send().await?;
    let header = |name: reqwest::header::HeaderName| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let date = header(reqwest::header::DATE)
        .and_then(|d| DateTime::parse_from_rfc2822(d.trim()).ok())
        .map(|d| d.with_timezone(&Utc));
    Ok(Probe {
        status: response.status().as_u16(),
        date,
        location: header(reqwest::header::LOCATION),
        millis: started.elapsed().as_millis(),
    })
}

fn collection_check(
    tasks_url: &str,
    auth: Option<&BasicAuth>,
    probe: Result<Probe, reqwest::Error>,
    timeout: Duration,
) -> Check {
    let url = redact_url(tasks_url);
    let who = auth.map_or("without credentials".to_string(), |a| {
        format!("as {}", a.user)
    });
    let p = match probe {
        Ok(p) => p,
        Err(e) if e.is_timeout() => {
            return Check::new(
                "collection",
                Status::Fail,
                format!("{url}: no answer within {} s", timeout.as_secs()),
            );
        }
        Err(e) => {
            let mut reason = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                reason = s.to_string();
                source = s.source();
            }
            return Check::new(
                "collection",
                Status::Fail,
                format!("{url}: unreachable: {reason}"),
            );
        }
    };
    let (status, what) = match p.status {
        200..=299 => (
            Status::Ok,
            format!("the task list answered {who} in {} ms", p.millis),
        ),
        401 if auth.is_none() => (
            Status::Fail,
            "credentials needed (HTTP 401): set collection.user and collection.password".into(),
        ),
        401 => (
            Status::Fail,
            format!(
                "credentials refused for {} (HTTP 401): check collection.user and collection.password (DESKCOLL_PASSWORD)",
                auth.map_or("", |a| a.user.as_str())
            ),
        ),
        403 => (Status::Fail, "access denied (HTTP 403)".into()),
        404 => (
            Status::Fail,
            "not found (HTTP 404): check collection.base_url or collection.tasks_url".into(),
        ),
        300..=399 => (
            Status::Fail,
            format!(
                "HTTP {}, a redirect to {}: not followed; check the configured URL",
                p.status,
                p.location.as_deref().map_or("(nowhere)".into(), redact_url)
            ),
        ),
        s => (Status::Warn, format!("reachable, but answered HTTP {s}")),
    };
    Check::new("collection", status, format!("{url}: {what}"))
}

/// "1 h 5 min", "3 min 20 s", "45 s".
fn span(secs: i64) -> String {
    let secs = secs.unsigned_abs();
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s} s"),
        (0, 0, _) => format!("{m} min {s} s"),
        (0, _, _) => format!("{h} h {m} min"),
        _ => format!("{d} d {h} h"),
    }
}

fn clock_check(server: Option<DateTime<Utc>>, clock: Clock) -> Check {
    let Some(server) = server else {
        return Check::new(
            "clock",
            Status::Warn,
            "not checked: no server answered with its time (HTTP Date)",
        );
    };
    let ahead = (server - clock.now_utc()).num_seconds();
    let local = if clock.is_fixed() {
        "this desk's (--now)"
    } else {
        "this desk's"
    };
    if ahead.abs() <= CLOCK_TOLERANCE_SECS {
        Check::new(
            "clock",
            Status::Ok,
            format!("the server's clock is {} apart from {local}", span(ahead)),
        )
    } else {
        Check::new(
            "clock",
            Status::Warn,
            format!(
                "the server's clock is {} {} {local}: it stamps results with its own time",
                span(ahead),
                if ahead > 0 { "ahead of" } else { "behind" }
            ),
        )
    }
}

fn outbox_check(path: &Path) -> Check {
    use crate::store::SCHEMA_VERSION;
    let shown = path.display();
    if !path.exists() {
        return Check::new(
            "outbox",
            Status::Ok,
            format!("{shown}: none yet (made by the first result)"),
        );
    }
    let health = match crate::store::inspect(path) {
        Ok(h) => h,
        Err(e) => return Check::new("outbox", Status::Fail, format!("cannot be read: {e}")),
    };
    if health.version > SCHEMA_VERSION {
        return Check::new(
            "outbox",
            Status::Fail,
            format!(
                "{shown}: written by a newer deskcoll (schema {}; this one knows up to {SCHEMA_VERSION}): upgrade deskcoll",
                health.version
            ),
        );
    }
    if !health.is_sound() {
        let first = health.integrity.first().cloned().unwrap_or_default();
        return Check::new(
            "outbox",
            Status::Fail,
            format!(
                "{shown}: integrity check failed ({} problem(s), first: {first}); keep a copy of the file before anything else",
                health.integrity.len()
            ),
        );
    }
    let mut status = Status::Ok;
    let mut detail = format!("{shown}: sound, schema {}", health.version);
    if health.version < SCHEMA_VERSION {
        detail.push_str(&format!(" (brought to {SCHEMA_VERSION} on the next start)"));
    }
    if let Some(c) = health.counts {
        detail.push_str(&format!(
            "; {} queued, {} uncertain, {} rejected, {} delivered",
            c.waiting(),
            c.uncertain,
            c.rejected,
            c.delivered
        ));
        if c.waiting() > 0 {
            status = Status::Warn;
            detail.push_str("; results wait to be sent (deskcoll outbox flush)");
        }
        if c.uncertain > 0 {
            status = Status::Warn;
            detail.push_str("; uncertain results need a decision (deskcoll outbox resolve)");
        }
        if c.rejected > 0 {
            status = Status::Warn;
            detail.push_str("; rejected results need a look (deskcoll outbox list)");
        }
    }
    if crate::files::readable_by_others(path) {
        status = Status::Warn;
        detail.push_str("; others can read it: chmod 600 it");
    }
    Check::new("outbox", status, detail)
}

const SHIPPED_HOLIDAYS: &str = include_str!("../../assets/holidays.csv");

/// Whether the holiday table covers this year, as decreed.
fn holidays_check(file: Option<&Path>, clock: Clock) -> Check {
    let year = clock.now_local().year();
    let (text, from) = match file {
        None => (SHIPPED_HOLIDAYS.to_string(), "the shipped list".to_string()),
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => (t, p.display().to_string()),
            Err(e) => {
                return Check::new(
                    "holidays",
                    Status::Warn,
                    format!("cannot read {}: {e}", p.display()),
                );
            }
        },
    };
    let rows = match crate::domain::codes::csv_rows(&text) {
        Ok(r) => r,
        Err(e) => return Check::new("holidays", Status::Warn, format!("{from}: {e}")),
    };
    let header: Vec<String> = rows
        .first()
        .map(|h| h.iter().map(|c| c.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (date, basis, kind) = (col("date").unwrap_or(0), col("basis"), col("kind"));
    let cell = |row: &Vec<String>, c: Option<usize>| {
        c.and_then(|c| row.get(c))
            .map(|s| s.trim().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let this_year: Vec<&Vec<String>> = rows
        .iter()
        .skip(1)
        .filter(|r| {
            r.get(date)
                .is_some_and(|d| d.trim().starts_with(&format!("{year}-")))
        })
        .collect();
    if this_year.is_empty() {
        return Check::new(
            "holidays",
            Status::Warn,
            format!(
                "{from} lists no holiday in {year}: calls may be placed on a national holiday (calling.holidays_file)"
            ),
        );
    }
    let cuti = this_year
        .iter()
        .filter(|r| cell(r, kind).starts_with("cuti"))
        .count();
    let days = format!(
        "{} national holidays and {cuti} cuti bersama days",
        this_year.len() - cuti
    );
    let estimated = this_year
        .iter()
        .filter(|r| cell(r, basis) == "estimated")
        .count();
    if estimated > 0 {
        Check::new(
            "holidays",
            Status::Warn,
            format!(
                "{year} in {from}: {days}, {estimated} of them estimated, not yet decreed; replace them when the decree is out (calling.holidays_file)"
            ),
        )
    } else {
        Check::new(
            "holidays",
            Status::Ok,
            format!(
                "{year} in {from}: {days}{}",
                if basis.is_some() { ", as decreed" } else { "" }
            ),
        )
    }
}

/// Size, colours and NO_COLOR of the terminal the workstation would draw on.
fn terminal_check(env: &dyn Fn(&str) -> Option<String>) -> Check {
    use std::io::IsTerminal;
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    let term = set("TERM");
    let colours = if set("NO_COLOR").is_some() {
        "NO_COLOR is set: no colours".to_string()
    } else {
        match (term.as_deref(), set("COLORTERM").as_deref()) {
            (None, _) => "TERM is not set".to_string(),
            (Some("dumb"), _) => "TERM=dumb: no colours".to_string(),
            (Some(t), Some("truecolor" | "24bit")) => format!("TERM={t}, 24-bit colour"),
            (Some(t), _) if t.contains("256") => format!("TERM={t}, 256 colours"),
            (Some(t), _) => format!("TERM={t}, 16 colours"),
        }
    };
    let plain = term.is_none() || term.as_deref() == Some("dumb");
    let tty = std::io::stdout().is_terminal()
        || std::io::stdin().is_terminal()
        || std::io::stderr().is_terminal();
    if !tty {
        return Check::new(
            "terminal",
            Status::Warn,
            format!(
                "no terminal (input and output are redirected): the workstation needs one; {colours}"
            ),
        );
    }
    match crossterm::terminal::size() {
        Err(e) => Check::new(
            "terminal",
            Status::Warn,
            format!("size unknown ({e}); {colours}"),
        ),
        Ok((w, h)) if w < 60 || h < 15 => Check::new(
            "terminal",
            Status::Warn,
            format!("{w}x{h}: too small, the workstation needs 60x15 (80x24 or more); {colours}"),
        ),
        Ok((w, h)) if w < 80 || h < 24 => Check::new(
            "terminal",
            Status::Warn,
            format!("{w}x{h}: small, the workstation is made for 80x24 or more; {colours}"),
        ),
        Ok((w, h)) => Check::new(
            "terminal",
            if plain { Status::Warn } else { Status::Ok },
            format!("{w}x{h}; {colours}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_a_person_says_them() {
        assert_eq!(span(45), "45 s");
        assert_eq!(span(-200), "3 min 20 s");
        assert_eq!(span(3900), "1 h 5 min");
        assert_eq!(span(90_000), "1 d 1 h");
    }

    #[test]
    fn the_clock_warns_past_two_minutes_either_way() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let clock = Clock::new(Some(at("2026-11-27T10:00:00+07:00")));
        let server = |s: &str| Some(at(s).with_timezone(&Utc));
        let c = clock_check(server("2026-11-27T03:01:59Z"), clock);
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        let c = clock_check(server("2026-11-27T03:02:01Z"), clock);
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("2 min 1 s ahead of"), "{}", c.detail);
        let c = clock_check(server("2026-11-27T02:00:00Z"), clock);
        assert!(c.detail.contains("1 h 0 min behind"), "{}", c.detail);
        assert_eq!(clock_check(None, clock).status, Status::Warn);
    }

    #[test]
    fn holidays_decreed_estimated_or_missing() {
        let at = |s: &str| Clock::new(Some(DateTime::parse_from_rfc3339(s).unwrap()));
        let c = holidays_check(None, at("2026-11-27T10:00:00+07:00"));
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        assert!(c.detail.contains("as decreed"), "{}", c.detail);
        let c = holidays_check(None, at("2027-01-04T10:00:00+07:00"));
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("estimated"), "{}", c.detail);
        let c = holidays_check(None, at("2031-01-06T10:00:00+07:00"));
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("no holiday in 2031"), "{}", c.detail);
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("h.csv");
        std::fs::write(&own, "date,name\n2031-01-01,Tahun Baru\n").unwrap();
        let c = holidays_check(Some(&own), at("2031-01-06T10:00:00+07:00"));
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        let c = holidays_check(
            Some(&dir.path().join("missing.csv")),
            at("2031-01-06T10:00:00+07:00"),
        );
        assert_eq!(c.status, Status::Warn);
    }
}
