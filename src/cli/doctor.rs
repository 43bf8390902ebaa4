//! `deskcoll doctor`: why this desk cannot work, one line per check, in order: the config
//! files, each configured server with its credentials, the server's clock, the outbox, the
//! holiday table, the terminal. Only an unreadable config, an unreachable server, refused
//! credentials or a broken outbox fail (exit 1); everything else is at most a warning.

use super::{EXIT_ERROR, Failure};
use crate::api::{ApiError, BasicAuth, Client, ClientOptions};
use crate::clock::Clock;
use crate::config::{Config, ConfigError, Overrides};
use crate::domain::text::redact_url;
use crate::i18n::{Lang, words};
use crate::tr;
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
    /// Do not post the key probe (a result signed with the hash key whose date the server
    /// cannot read: it checks the signature and stores nothing); the hash_key check then says
    /// it was skipped.
    #[arg(long)]
    pub no_key_probe: bool,
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

/// The report in `lang`: the details are in its words; the check names, the statuses and the
/// JSON keys are the same in every language (scripts read them).
pub async fn run(
    args: DoctorArgs,
    over: &Overrides,
    clock: Clock,
    lang: Lang,
) -> Result<(), Failure> {
    let probe_key = !args.no_key_probe;
    let checks = checks(
        over,
        clock,
        Duration::from_secs(args.timeout),
        probe_key,
        lang,
    )
    .await;
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
    match args.format {
        DoctorFormat::Json => super::output::emit_json_text(out.as_bytes())?,
        DoctorFormat::Table => super::output::emit(out.as_bytes())?,
    }
    if checks.iter().any(|c| c.status == Status::Fail) {
        // The report said it: no line more on stderr.
        return Err(Failure::new(EXIT_ERROR, ""));
    }
    Ok(())
}

/// Every check, in order.
pub async fn checks(
    over: &Overrides,
    clock: Clock,
    timeout: Duration,
    probe_key: bool,
    lang: Lang,
) -> Vec<Check> {
    let env = |k: &str| std::env::var(k).ok();
    let loaded = Config::load(over);
    let mut out = vec![config_check(&loaded, over, &env, lang)];
    let holidays_file = loaded.as_ref().ok().and_then(|c| c.holidays_file.clone());
    match loaded {
        Err(_) => {
            for check in ["collection", "hash_key", "termin", "clock", "outbox"] {
                out.push(Check::new(
                    check,
                    Status::Warn,
                    tr!(lang, "doctor-not-checked-config"),
                ));
            }
        }
        Ok(config) => out.extend(with_config(config, clock, timeout, probe_key, lang).await),
    }
    out.push(holidays_check(holidays_file.as_deref(), clock, lang));
    out.push(terminal_check(&env, lang));
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
    lang: Lang,
) -> Check {
    let config = match loaded {
        Err(e) => return Check::new("config", Status::Fail, e.to_string()),
        Ok(c) => c,
    };
    let mut status = Status::Ok;
    let mut parts = Vec::new();
    match &config.system_file {
        Some(p) => parts.push(tr!(lang, "doctor-config-system", file = described(p))),
        None => parts.push(tr!(
            lang,
            "doctor-config-no-system",
            path = crate::config::system_path(env).display().to_string()
        )),
    }
    match &config.user_file {
        Some(p) => {
            parts.push(tr!(lang, "doctor-config-user", file = described(p)));
            let holds_secrets =
                crate::config::read_layer_of(p).is_some_and(|layer| !layer.secrets().is_empty());
            if holds_secrets && crate::files::readable_by_others(p) {
                status = Status::Warn;
                parts.push(tr!(lang, "doctor-config-user-open"));
            }
        }
        None => {
            let default = crate::config::chosen_path(over.config_path.as_deref(), env)
                .map(|(p, _)| p.display().to_string())
                .unwrap_or_else(|| tr!(lang, "doctor-config-no-dir"));
            parts.push(tr!(lang, "doctor-config-no-user", path = default));
        }
    }
    // Files and folders others can write fail, even when read with --insecure-config.
    let mut writable = false;
    for p in config.system_file.iter().chain(config.user_file.iter()) {
        for open in crate::config::open_to_writing(p) {
            writable = true;
            parts.push(tr!(
                lang,
                "doctor-config-writable",
                path = open.path.display().to_string(),
                mode = format!("{:04o}", open.mode)
            ));
        }
    }
    if config.system_file.is_none() && config.user_file.is_none() {
        status = Status::Warn;
        parts.push(if config.is_demo() {
            tr!(lang, "doctor-config-none-demo")
        } else {
            tr!(lang, "doctor-config-none-env")
        });
    }
    let hosts = config.insecure_hosts();
    if !hosts.is_empty() {
        status = Status::Warn;
        parts.push(tr!(
            lang,
            "doctor-config-insecure",
            hosts = hosts.join(", ")
        ));
    }
    if writable {
        status = Status::Fail;
    }
    Check::new("config", status, parts.join("; "))
}

/// The servers, their clock and the outbox: what needs a configuration.
async fn with_config(
    config: Config,
    clock: Clock,
    timeout: Duration,
    probe_key: bool,
    lang: Lang,
) -> Vec<Check> {
    let demo = config.is_demo();
    let outbox_path = config.outbox_path(demo);
    let max_body_bytes = config.http.max_body_bytes;
    let mut out = Vec::new();
    let session = match crate::session::Session::open(config, clock).await {
        Ok(s) => s,
        Err(e) => {
            out.push(Check::new("collection", Status::Fail, e.to_string()));
            out.push(Check::new(
                "hash_key",
                Status::Warn,
                tr!(lang, "doctor-not-checked"),
            ));
            out.push(Check::new(
                "termin",
                Status::Warn,
                tr!(lang, "doctor-not-checked"),
            ));
            out.push(Check::new(
                "clock",
                Status::Warn,
                tr!(lang, "doctor-not-checked"),
            ));
            out.push(outbox_check(&outbox_path, lang));
            return out;
        }
    };
    let config = &session.config;
    let demo_note = if demo {
        format!(" {}", tr!(lang, "doctor-demo-note"))
    } else {
        String::new()
    };

    let mut server_date = None;
    match &config.collection {
        None => {
            out.push(Check::new(
                "collection",
                Status::Warn,
                tr!(lang, "doctor-no-collection"),
            ));
            out.push(Check::new(
                "hash_key",
                Status::Ok,
                tr!(lang, "doctor-key-no-collection"),
            ));
        }
        Some(c) => {
            let probe = probe(&c.tasks_url, c.auth.as_ref(), timeout).await;
            server_date = probe.as_ref().ok().and_then(|p| p.date);
            let mut check = collection_check(&c.tasks_url, c.auth.as_ref(), probe, timeout, lang);
            check.detail.push_str(&demo_note);
            let reached = check.status != Status::Fail;
            out.push(check);
            out.push(if c.hash_key.is_empty() {
                Check::new("hash_key", Status::Warn, tr!(lang, "doctor-no-hash-key"))
            } else if !probe_key {
                Check::new("hash_key", Status::Warn, tr!(lang, "doctor-key-skipped"))
            } else if !reached {
                Check::new("hash_key", Status::Warn, tr!(lang, "doctor-not-checked"))
            } else {
                key_check(c, timeout, lang).await
            });
        }
    }

    match &config.termin {
        None => out.push(Check::new(
            "termin",
            Status::Ok,
            tr!(lang, "doctor-termin-not-configured"),
        )),
        Some(t) => {
            let options = ClientOptions {
                connect_timeout: timeout,
                timeout,
                max_body_bytes,
                ..config.http.clone()
            };
            let url = redact_url(&t.url);
            let started = Instant::now();
            let page = match Client::new(None, Some(t.clone()), options) {
                Ok(client) => client.termin_page(1, 1).await,
                Err(e) => Err(e),
            };
            let ms = started.elapsed().as_millis().to_string();
            let check = match page {
                Ok(p) => {
                    let total = p
                        .data
                        .and_then(|d| d.meta.total_data)
                        .map_or(String::new(), |n| {
                            format!(", {}", tr!(lang, "doctor-termin-total", n = n))
                        });
                    let answered = tr!(lang, "doctor-termin-answered", url = &url, ms = ms);
                    Check::new(
                        "termin",
                        Status::Ok,
                        format!("{answered}{total}{demo_note}"),
                    )
                }
                Err(
                    e @ (ApiError::Unauthorized
                    | ApiError::Forbidden { .. }
                    | ApiError::InvalidToken { .. }),
                ) => Check::new(
                    "termin",
                    Status::Fail,
                    tr!(
                        lang,
                        "doctor-credentials-refused",
                        url = &url,
                        reason = words::api_error(lang, &e)
                    ),
                ),
                Err(
                    e @ (ApiError::Connect { .. }
                    | ApiError::Timeout { .. }
                    | ApiError::Dropped { .. }
                    | ApiError::NotFound { .. }
                    | ApiError::Redirect { .. }
                    | ApiError::Config(_)),
                ) => Check::new(
                    "termin",
                    Status::Fail,
                    tr!(
                        lang,
                        "doctor-unreachable",
                        url = &url,
                        reason = words::api_error(lang, &e)
                    ),
                ),
                Err(e) => Check::new(
                    "termin",
                    Status::Warn,
                    format!("{url}: {}", words::api_error(lang, &e)),
                ),
            };
            out.push(check);
            if server_date.is_none() {
                // The clock from the termin server, when it is the only one.
                server_date = probe(&t.url, None, timeout).await.ok().and_then(|p| p.date);
            }
        }
    }

    out.push(clock_check(server_date, clock, lang));
    out.push(outbox_check(&outbox_path, lang));
    if let Some(team) = &config.team {
        out.push(ledger_check(team, config.agent_id.trim(), &outbox_path, lang).await);
    }
    out
}

/// The team ledger: reachable, its schema this deskcoll's, the role unable to rewrite
/// receipts, and how far behind it is (what waits here; the last receipt it holds of this
/// agent against this desk's last).
async fn ledger_check(
    team: &crate::config::TeamConfig,
    agent: &str,
    outbox: &Path,
    lang: Lang,
) -> Check {
    use crate::team;
    let failed = |e: team::LedgerError| {
        Check::new(
            "ledger",
            Status::Fail,
            tr!(
                lang,
                "doctor-ledger-failed",
                error = crate::domain::text::sanitize(&e.to_string()).into_owned()
            ),
        )
    };
    let client = match team::connect(team.database_url.expose()).await {
        Ok(c) => c,
        Err(e) => return failed(e),
    };
    if let Err(e) = team::check_version(&client).await {
        return failed(e);
    }
    let rights = match team::rights(&client).await {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let rewrites: Vec<&str> = [
        (rights.update, "UPDATE"),
        (rights.delete, "DELETE"),
        (rights.truncate, "TRUNCATE"),
    ]
    .into_iter()
    .filter_map(|(may, what)| may.then_some(what))
    .collect();
    if !rewrites.is_empty() {
        return Check::new(
            "ledger",
            Status::Warn,
            tr!(lang, "doctor-ledger-rights", what = rewrites.join(", ")),
        );
    }
    let role = match (rights.agent, rights.supervisor) {
        (true, false) => tr!(lang, "doctor-ledger-role-agent"),
        (_, true) => tr!(lang, "doctor-ledger-role-supervisor"),
        _ => tr!(lang, "doctor-ledger-role-other"),
    };
    let (waiting, last) = crate::store::Outbox::open(outbox)
        .and_then(|o| Ok((o.ledger_waiting()?.total(), o.last_seq()?)))
        .unwrap_or((0, 0));
    let held = if agent.is_empty() {
        0
    } else {
        team::read::last_seq(&client, agent).await.unwrap_or(0)
    };
    Check::new(
        "ledger",
        if waiting > 0 {
            Status::Warn
        } else {
            Status::Ok
        },
        tr!(
            lang,
            "doctor-ledger-ok",
            version = team::schema::SCHEMA_VERSION,
            role = role,
            waiting = waiting,
            held = held,
            last = last
        ),
    )
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
    lang: Lang,
) -> Check {
    let url = redact_url(tasks_url);
    let who = auth.map_or(tr!(lang, "doctor-without-credentials"), |a| {
        tr!(lang, "doctor-as-user", user = &a.user)
    });
    let p = match probe {
        Ok(p) => p,
        Err(e) if e.is_timeout() => {
            return Check::new(
                "collection",
                Status::Fail,
                tr!(
                    lang,
                    "doctor-no-answer",
                    url = &url,
                    secs = timeout.as_secs()
                ),
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
                tr!(lang, "doctor-unreachable", url = &url, reason = reason),
            );
        }
    };
    let (status, what) = match p.status {
        200..=299 => (
            Status::Ok,
            tr!(
                lang,
                "doctor-tasks-answered",
                who = who,
                ms = p.millis.to_string()
            ),
        ),
        401 if auth.is_none() => (Status::Fail, tr!(lang, "doctor-credentials-needed")),
        401 => (
            Status::Fail,
            tr!(
                lang,
                "doctor-credentials-refused-for",
                user = auth.map_or("", |a| a.user.as_str())
            ),
        ),
        403 => (Status::Fail, tr!(lang, "doctor-access-denied")),
        404 => (Status::Fail, tr!(lang, "doctor-not-found")),
        300..=399 => (
            Status::Fail,
            tr!(
                lang,
                "doctor-redirect",
                status = p.status.to_string(),
                to = p
                    .location
                    .as_deref()
                    .map_or(tr!(lang, "doctor-nowhere"), redact_url)
            ),
        ),
        s => (
            Status::Warn,
            tr!(lang, "doctor-reachable-but", status = s.to_string()),
        ),
    };
    Check::new("collection", status, format!("{url}: {what}"))
}

/// The account the key probe signs: no contract has it (the real numbers are digits).
pub const KEY_PROBE_ACCOUNT: &str = "DESKCOLL-KEY-PROBE";

/// The body of the key probe: a result signed with `hash_key` whose dates no server reads.
/// The real server checks the signature before anything else (403 and code 91 for a wrong
/// one), then fails to convert `DateTime.MinValue` for SQL Server and answers ASP.NET's 500
/// before its procedure runs: nothing is stored.
pub fn key_probe_body(hash_key: &str) -> serde_json::Value {
    let unreadable = "deskcoll doctor: not a date";
    serde_json::json!({
        "account_no": KEY_PROBE_ACCOUNT,
        "collection_date": unreadable,
        "cust_name": "",
        "result_code": "",
        "action_code": "",
        "remark": "deskcoll doctor: hash key probe, never stored",
        "cre_by": "deskcoll-doctor",
        "cre_ip_address": "",
        "mod_by": "deskcoll-doctor",
        "mod_ip_address": "",
        "promise_date": unreadable,
        "period": 0,
        "hashing": crate::domain::result::sign(KEY_PROBE_ACCOUNT, hash_key),
    })
}

/// What the server said to the key probe: its status and `respon_code`, if any.
async fn post_key_probe(
    endpoint: &crate::api::CollectionEndpoint,
    timeout: Duration,
) -> Result<(u16, Option<String>), reqwest::Error> {
    let http = reqwest::Client::builder()
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!("deskcoll/", env!("CARGO_PKG_VERSION"), " (doctor)"))
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut request = http
        .post(&endpoint.result_url)
        .json(&key_probe_body(endpoint.hash_key.expose()));
    if let Some(a) = &endpoint.auth {
        request = request.basic_auth(&a.user, Some(a.password.expose()));
    }
    let mut response = request.send().await?;
    let status = response.status().as_u16();
    // A short JSON answer: at most 16 KiB are read.
    let mut body = Vec::new();
    while body.len() < 16 * 1024 {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    let code = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get("respon_code")?.as_str().map(|c| c.trim().to_string()));
    Ok((status, code))
}

/// Whether the server accepts results signed with the configured hash key, by the key probe.
async fn key_check(
    endpoint: &crate::api::CollectionEndpoint,
    timeout: Duration,
    lang: Lang,
) -> Check {
    let url = redact_url(&endpoint.result_url);
    let answer = match post_key_probe(endpoint, timeout).await {
        Ok(a) => a,
        Err(e) => {
            return Check::new(
                "hash_key",
                Status::Warn,
                tr!(
                    lang,
                    "doctor-key-no-answer",
                    url = &url,
                    reason = e.to_string()
                ),
            );
        }
    };
    let (status, detail) = match answer {
        (_, Some(code)) if code == "91" => (Status::Fail, tr!(lang, "doctor-key-refused")),
        (403, _) => (
            Status::Fail,
            tr!(lang, "doctor-key-forbidden", status = "403".to_string()),
        ),
        (500, _) => (Status::Ok, tr!(lang, "doctor-key-accepted")),
        (200, Some(code)) if code == "00" => (
            Status::Fail,
            tr!(lang, "doctor-key-stored", account = KEY_PROBE_ACCOUNT),
        ),
        (s, code) => (
            Status::Warn,
            tr!(
                lang,
                "doctor-key-unclear",
                status = s.to_string(),
                code = code.unwrap_or_else(|| "-".into())
            ),
        ),
    };
    Check::new("hash_key", status, format!("{url}: {detail}"))
}

/// "1 h 5 min", "3 min 20 s", "45 s" ("1 jam 5 menit", ...).
fn span(secs: i64, lang: Lang) -> String {
    let secs = secs.unsigned_abs();
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => tr!(lang, "doctor-span-s", s = s),
        (0, 0, _) => tr!(lang, "doctor-span-m-s", m = m, s = s),
        (0, _, _) => tr!(lang, "doctor-span-h-m", h = h, m = m),
        _ => tr!(lang, "doctor-span-d-h", d = d, h = h),
    }
}

fn clock_check(server: Option<DateTime<Utc>>, clock: Clock, lang: Lang) -> Check {
    let Some(server) = server else {
        return Check::new("clock", Status::Warn, tr!(lang, "doctor-clock-no-date"));
    };
    let ahead = (server - clock.now_utc()).num_seconds();
    let fixed = if clock.is_fixed() { " (--now)" } else { "" };
    let span = span(ahead, lang);
    if ahead.abs() <= CLOCK_TOLERANCE_SECS {
        Check::new(
            "clock",
            Status::Ok,
            tr!(lang, "doctor-clock-apart", span = span, fixed = fixed),
        )
    } else if ahead > 0 {
        Check::new(
            "clock",
            Status::Warn,
            tr!(lang, "doctor-clock-ahead", span = span, fixed = fixed),
        )
    } else {
        Check::new(
            "clock",
            Status::Warn,
            tr!(lang, "doctor-clock-behind", span = span, fixed = fixed),
        )
    }
}

fn outbox_check(path: &Path, lang: Lang) -> Check {
    use crate::store::SCHEMA_VERSION;
    let shown = path.display().to_string();
    if !path.exists() {
        return Check::new(
            "outbox",
            Status::Ok,
            tr!(lang, "doctor-outbox-none", path = &shown),
        );
    }
    let health = match crate::store::inspect(path) {
        Ok(h) => h,
        Err(e) => {
            return Check::new(
                "outbox",
                Status::Fail,
                tr!(
                    lang,
                    "doctor-outbox-unreadable",
                    reason = words::store_error(lang, &e)
                ),
            );
        }
    };
    if health.version > SCHEMA_VERSION {
        return Check::new(
            "outbox",
            Status::Fail,
            tr!(
                lang,
                "doctor-outbox-newer",
                path = &shown,
                found = health.version.to_string(),
                known = SCHEMA_VERSION.to_string()
            ),
        );
    }
    if !health.is_sound() {
        let first = health.integrity.first().cloned().unwrap_or_default();
        return Check::new(
            "outbox",
            Status::Fail,
            tr!(
                lang,
                "doctor-outbox-broken",
                path = &shown,
                problems = tr!(lang, "doctor-outbox-problems", n = health.integrity.len()),
                first = first
            ),
        );
    }
    let mut status = Status::Ok;
    let mut detail = tr!(
        lang,
        "doctor-outbox-sound",
        path = &shown,
        version = health.version.to_string()
    );
    if health.version < SCHEMA_VERSION {
        detail.push(' ');
        detail.push_str(&tr!(
            lang,
            "doctor-outbox-migrates",
            version = SCHEMA_VERSION.to_string()
        ));
    }
    let mut more = |what: String| {
        detail.push_str("; ");
        detail.push_str(&what);
    };
    if let Some(c) = health.counts {
        more(tr!(
            lang,
            "doctor-outbox-counts",
            queued = c.waiting(),
            uncertain = c.uncertain,
            rejected = c.rejected,
            delivered = c.delivered
        ));
        if c.waiting() > 0 {
            status = Status::Warn;
            more(tr!(lang, "doctor-outbox-waiting"));
        }
        if c.uncertain > 0 {
            status = Status::Warn;
            more(tr!(lang, "doctor-outbox-uncertain"));
        }
        if c.rejected > 0 {
            status = Status::Warn;
            more(tr!(lang, "doctor-outbox-rejected"));
        }
    }
    if crate::files::readable_by_others(path) {
        status = Status::Warn;
        more(tr!(lang, "doctor-outbox-open"));
    }
    Check::new("outbox", status, detail)
}

const SHIPPED_HOLIDAYS: &str = include_str!("../../assets/holidays.csv");

/// Whether the holiday table covers this year, as decreed.
fn holidays_check(file: Option<&Path>, clock: Clock, lang: Lang) -> Check {
    let year = clock.now_local().year();
    let (text, from) = match file {
        None => (
            SHIPPED_HOLIDAYS.to_string(),
            tr!(lang, "doctor-holidays-shipped"),
        ),
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => (t, p.display().to_string()),
            Err(e) => {
                return Check::new(
                    "holidays",
                    Status::Warn,
                    tr!(
                        lang,
                        "doctor-holidays-unreadable",
                        path = p.display().to_string(),
                        reason = e.to_string()
                    ),
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
            tr!(
                lang,
                "doctor-holidays-none",
                from = &from,
                year = year.to_string()
            ),
        );
    }
    let cuti = this_year
        .iter()
        .filter(|r| cell(r, kind).starts_with("cuti"))
        .count();
    let days = tr!(
        lang,
        "doctor-holidays-days",
        national = this_year.len() - cuti,
        cuti = cuti
    );
    let estimated = this_year
        .iter()
        .filter(|r| cell(r, basis) == "estimated")
        .count();
    let year = year.to_string();
    if estimated > 0 {
        Check::new(
            "holidays",
            Status::Warn,
            tr!(
                lang,
                "doctor-holidays-estimated",
                year = year,
                from = from,
                days = days,
                estimated = estimated
            ),
        )
    } else if basis.is_some() {
        Check::new(
            "holidays",
            Status::Ok,
            tr!(
                lang,
                "doctor-holidays-decreed",
                year = year,
                from = from,
                days = days
            ),
        )
    } else {
        Check::new(
            "holidays",
            Status::Ok,
            tr!(
                lang,
                "doctor-holidays-ok",
                year = year,
                from = from,
                days = days
            ),
        )
    }
}

/// Size, colours and NO_COLOR of the terminal the workstation would draw on.
fn terminal_check(env: &dyn Fn(&str) -> Option<String>, lang: Lang) -> Check {
    use std::io::IsTerminal;
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    let term = set("TERM");
    let colours = if set("NO_COLOR").is_some() {
        tr!(lang, "doctor-term-no-color")
    } else {
        match (term.as_deref(), set("COLORTERM").as_deref()) {
            (None, _) => tr!(lang, "doctor-term-unset"),
            (Some("dumb"), _) => tr!(lang, "doctor-term-dumb"),
            (Some(t), Some("truecolor" | "24bit")) => tr!(lang, "doctor-term-truecolor", term = t),
            (Some(t), _) if t.contains("256") => tr!(lang, "doctor-term-256", term = t),
            (Some(t), _) => tr!(lang, "doctor-term-16", term = t),
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
            tr!(lang, "doctor-term-no-tty", colours = colours),
        );
    }
    match crossterm::terminal::size() {
        Err(e) => Check::new(
            "terminal",
            Status::Warn,
            tr!(
                lang,
                "doctor-term-size-unknown",
                reason = e.to_string(),
                colours = colours
            ),
        ),
        Ok((w, h)) if w < 60 || h < 15 => Check::new(
            "terminal",
            Status::Warn,
            tr!(
                lang,
                "doctor-term-too-small",
                size = format!("{w}x{h}"),
                colours = colours
            ),
        ),
        Ok((w, h)) if w < 80 || h < 24 => Check::new(
            "terminal",
            Status::Warn,
            tr!(
                lang,
                "doctor-term-small",
                size = format!("{w}x{h}"),
                colours = colours
            ),
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
        assert_eq!(span(45, Lang::En), "45 s");
        assert_eq!(span(-200, Lang::En), "3 min 20 s");
        assert_eq!(span(3900, Lang::En), "1 h 5 min");
        assert_eq!(span(90_000, Lang::En), "1 d 1 h");
        assert_eq!(span(45, Lang::Id), "45 detik");
        assert_eq!(span(-200, Lang::Id), "3 menit 20 detik");
        assert_eq!(span(3900, Lang::Id), "1 jam 5 menit");
        assert_eq!(span(90_000, Lang::Id), "1 hari 1 jam");
    }

    #[test]
    fn the_clock_warns_past_two_minutes_either_way() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let clock = Clock::new(Some(at("2026-11-27T10:00:00+07:00")));
        let server = |s: &str| Some(at(s).with_timezone(&Utc));
        let c = clock_check(server("2026-11-27T03:01:59Z"), clock, Lang::En);
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        let c = clock_check(server("2026-11-27T03:02:01Z"), clock, Lang::En);
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("2 min 1 s ahead of"), "{}", c.detail);
        let c = clock_check(server("2026-11-27T02:00:00Z"), clock, Lang::En);
        assert!(c.detail.contains("1 h 0 min behind"), "{}", c.detail);
        assert_eq!(clock_check(None, clock, Lang::En).status, Status::Warn);
    }

    #[test]
    fn the_clock_and_the_holidays_in_indonesian() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let clock = Clock::new(Some(at("2026-11-27T10:00:00+07:00")));
        let c = clock_check(
            Some(at("2026-11-27T03:02:01Z").with_timezone(&Utc)),
            clock,
            Lang::Id,
        );
        assert_eq!(c.status, Status::Warn);
        assert_eq!(
            c.detail,
            "jam server 2 menit 1 detik lebih cepat dari jam komputer ini (--now): server mencatat waktu hasil dengan jamnya sendiri"
        );
        let c = clock_check(
            Some(at("2026-11-27T02:00:00Z").with_timezone(&Utc)),
            clock,
            Lang::Id,
        );
        assert!(
            c.detail.contains("1 jam 0 menit lebih lambat"),
            "{}",
            c.detail
        );
        let c = holidays_check(None, clock, Lang::Id);
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        assert!(
            c.detail.starts_with("2026 dalam daftar bawaan: "),
            "{}",
            c.detail
        );
        assert!(
            c.detail.contains("hari cuti bersama, sesuai SKB"),
            "{}",
            c.detail
        );
        let later = Clock::new(Some(at("2031-01-06T10:00:00+07:00")));
        let c = holidays_check(None, later, Lang::Id);
        assert!(
            c.detail.contains("tidak memuat hari libur tahun 2031"),
            "{}",
            c.detail
        );
    }

    #[test]
    fn holidays_decreed_estimated_or_missing() {
        let at = |s: &str| Clock::new(Some(DateTime::parse_from_rfc3339(s).unwrap()));
        let c = holidays_check(None, at("2026-11-27T10:00:00+07:00"), Lang::En);
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        assert!(c.detail.contains("as decreed"), "{}", c.detail);
        let c = holidays_check(None, at("2027-01-04T10:00:00+07:00"), Lang::En);
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("estimated"), "{}", c.detail);
        let c = holidays_check(None, at("2031-01-06T10:00:00+07:00"), Lang::En);
        assert_eq!(c.status, Status::Warn);
        assert!(c.detail.contains("no holiday in 2031"), "{}", c.detail);
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("h.csv");
        std::fs::write(&own, "date,name\n2031-01-01,Tahun Baru\n").unwrap();
        let c = holidays_check(Some(&own), at("2031-01-06T10:00:00+07:00"), Lang::En);
        assert_eq!(c.status, Status::Ok, "{}", c.detail);
        let c = holidays_check(
            Some(&dir.path().join("missing.csv")),
            at("2031-01-06T10:00:00+07:00"),
            Lang::En,
        );
        assert_eq!(c.status, Status::Warn);
    }
}
