//! The command line: parses, builds the configuration and a session, hands off to a command.

#[macro_use]
mod output;
mod audit;
mod callbacks;
pub mod doctor;
mod floor;
mod man;
mod offer;
mod outbox;
mod refusal;
mod serve;
mod submit;
mod tasks;
mod team;
mod termin;
mod termin_desk;
mod today;
pub mod xlsx;

use crate::api::ApiError;
use crate::config::{Config, ConfigError, Overrides};
use crate::i18n::Lang;
use crate::tr;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::clock::Clock;
use crate::session::{Session, SessionError};

#[derive(Parser, Debug)]
#[command(
    name = "deskcoll",
    version = crate::VERSION,
    about = "Terminal workstation for desk collection: the agent's queue, results and termin transactions",
    long_about = "Terminal workstation for desk collection.\n\nWith no server configured, deskcoll runs against its embedded server twin (demo mode).",
    after_help = "Examples:\n  deskcoll tasks --format csv > today.csv\n  deskcoll submit --account 000319280100042 --action PTP --result PTP01 --promise +2 --remark 'janji bayar'\n  deskcoll serve --addr 127.0.0.1:8080"
)]
pub struct Cli {
    /// Configuration file (default: $DESKCOLL_CONFIG, else the platform config dir).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Base URL of the desk-collection server [env: DESKCOLL_BASE_URL].
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Full URL of the task list [env: DESKCOLL_TASKS_URL].
    #[arg(long, global = true, value_name = "URL")]
    pub tasks_url: Option<String>,
    /// Full URL results are posted to [env: DESKCOLL_RESULT_URL].
    #[arg(long, global = true, value_name = "URL")]
    pub result_url: Option<String>,
    /// Basic-auth user of the desk-collection server [env: DESKCOLL_USER].
    #[arg(long, global = true, value_name = "USER")]
    pub user: Option<String>,
    /// Agent ID sent as cre_by / mod_by [env: DESKCOLL_AGENT_ID].
    #[arg(long, global = true, value_name = "ID")]
    pub agent_id: Option<String>,
    /// Full URL of the termin transactions list [env: DESKCOLL_TERMIN_URL].
    #[arg(long, global = true, value_name = "URL")]
    pub termin_url: Option<String>,
    /// Read a user's config file or folder that others can write (refused otherwise: they
    /// could set calling.dial_command or base_url). Never a system file.
    #[arg(long, global = true)]
    pub insecure_config: bool,
    /// Write what the command prints on stdout (an export: tasks, termin, outbox list,
    /// today, callbacks, audit) to FILE instead, readable by you only (0600).
    #[arg(long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the clock (planning, tests), e.g. 2026-11-27T09:30:00+07:00.
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Quit as soon as the queue has been drawn (to time start-up; see BENCHMARKS.md).
    #[arg(long, hide = true)]
    pub exit_after_first_queue: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_now(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("'{s}' is not an RFC 3339 time ({e}); e.g. 2026-11-27T09:30:00+07:00"))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    /// A workbook (needs --output FILE): identifiers as text, money as numbers, dates as dates.
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List today's task queue, in the workstation's order.
    #[command(
        after_help = "Examples:\n  deskcoll tasks --format json | jq '.[0]'\n  deskcoll tasks --sort total --reverse"
    )]
    Tasks {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Only the accounts that may be called now (calling window, holidays).
        #[arg(long)]
        callable: bool,
        /// The order: priority (the workstation's: bucket, callable now, total due), days
        /// overdue, total due, OSAR (largest first) or name (A to Z).
        #[arg(long, default_value = "priority", value_parser = tasks::sort_parser())]
        sort: crate::domain::order::SortMode,
        /// Turn the order round.
        #[arg(long)]
        reverse: bool,
        /// CSV for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators (implies --format csv).
        #[arg(long)]
        excel: bool,
        /// The list kept from the last successful read of this server, without asking it
        /// (exit 1 when there is none).
        #[arg(long)]
        cached: bool,
    },
    /// The agent's day: calls by action, promises, delivery, promises due and broken.
    #[command(after_help = "Example:\n  deskcoll today --format json | jq .ptp_total_due")]
    Today {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// CSV for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators (implies --format csv).
        #[arg(long)]
        excel: bool,
    },
    /// The receipts of lawful contact kept with every result, oldest first; --verify checks
    /// their hash chain.
    #[command(
        after_help = "Examples:\n  deskcoll audit --from 2026-11-01 --to 2026-11-30 > receipts.csv\n  deskcoll audit --format json | jq '.[] | select(.window_state != \"open\")'\n  deskcoll audit --verify\n\n--verify exits 1 when a receipt does not match its hash or the one before it (named)."
    )]
    Audit(audit::AuditArgs),
    /// The callbacks agreed with customers (each account's latest) and where they stand:
    /// pending, due, done or missed.
    #[command(
        after_help = "Example:\n  deskcoll callbacks --format json | jq '.[] | select(.status == \"due\")'"
    )]
    Callbacks(callbacks::CallbacksArgs),
    /// Browse termin (staged-payment) transactions.
    #[command(
        after_help = "Examples:\n  deskcoll termin --page 2 --limit 20\n  deskcoll termin --all --format csv > termin.csv\n  deskcoll termin --status 'Menunggu Pembayaran'\n  deskcoll termin --open --group-by vendor\n  deskcoll termin --summary"
    )]
    Termin(termin::TerminArgs),
    /// Record a call result through the outbox and send it (exit 0 only when delivered).
    #[command(
        after_help = "Examples:\n  deskcoll submit --account 000319280100042 --action PTP --result PTP01 \\\n      --promise 2026-12-01 --remark 'Customer pasti bayar'\n  deskcoll submit --batch results.csv   # columns: account,action,result,promise,period,remark"
    )]
    Submit(submit::SubmitArgs),
    /// The outbox of recorded results: list, send, settle.
    Outbox {
        #[command(subcommand)]
        action: outbox::OutboxAction,
    },
    /// Print the signature (`hashing`) of an account number.
    #[command(
        after_help = "Example:\n  DESKCOLL_HASH_KEY=... deskcoll sign 000319280100042\n\nThe key comes from --hash-key, else DESKCOLL_HASH_KEY or collection.hash_key, else (in demo\nmode) the embedded twin's, else a prompt when run at a terminal. A flag shows in `ps` and the\nshell's history: prefer the others."
    )]
    Sign {
        account_no: String,
        /// The hash key (shows in `ps`) [default: DESKCOLL_HASH_KEY or collection.hash_key; in demo mode the twin's; else asked].
        #[arg(long, value_name = "KEY")]
        hash_key: Option<String>,
    },
    /// Run the embedded server twin (desk collection + termin) on loopback.
    #[command(
        long_about = serve::long_about(),
        after_help = "Example:\n  deskcoll serve --addr 127.0.0.1:8080 --tasks 500 --fail-rate 0.1"
    )]
    Serve(serve::ServeArgs),
    /// Write, show or locate the configuration file.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print shell completions.
    #[command(
        after_help = "Example:\n  deskcoll completions bash > /etc/bash_completion.d/deskcoll"
    )]
    Completions { shell: clap_complete::Shell },
    /// Check this desk: config files, servers and credentials, the server's clock, the outbox,
    /// holidays, the terminal (exit 1 when a check fails).
    #[command(
        after_help = "Examples:\n  deskcoll doctor\n  deskcoll doctor --format json | jq '.[] | select(.status != \"ok\")'"
    )]
    Doctor(doctor::DoctorArgs),
    /// The team ledger on PostgreSQL: set it up (DBA) and push this desk's day to it.
    Team {
        #[command(subcommand)]
        action: team::TeamAction,
    },
    /// The supervisor's floor: every agent's day from the team ledger, one row per agent
    /// and a total (team.database_url naming a supervisor).
    #[command(
        after_help = "Examples:\n  deskcoll floor\n  deskcoll floor --format json | jq '.[] | select(.waiting > 0)'\n  deskcoll floor --format xlsx --output floor.xlsx --date 2026-11-27"
    )]
    Floor(floor::FloorArgs),
    /// Print the manual page, made from this command line's own definition.
    #[command(
        after_help = "Examples:\n  deskcoll man | man -l -\n  deskcoll man --out-dir /tmp/man"
    )]
    Man(man::ManArgs),
}

#[derive(Subcommand, Debug)]
pub enum ConfigAction {
    /// Write a commented template (to --config, else the default path).
    #[command(
        after_help = "Example:\n  deskcoll config init && $EDITOR ~/.config/deskcoll/config.toml"
    )]
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Show the resolved configuration, secrets masked.
    #[command(after_help = "Example:\n  DESKCOLL_BASE_URL=https://host deskcoll config show")]
    Show,
    /// Print the path of the configuration file in use.
    #[command(after_help = "Example:\n  deskcoll config path")]
    Path,
}

/// A failed command: one line for stderr and the exit code scripts rely on. A server's
/// failure keeps its typed error, so that `main` says it in the language in force.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    pub api: Option<ApiError>,
}

pub const EXIT_ERROR: u8 = 1;
pub const EXIT_INVALID: u8 = 2;
pub const EXIT_REFUSED: u8 = 3;
pub const EXIT_NO_ANSWER: u8 = 4;
pub const EXIT_NOT_SENT: u8 = 5;

/// The exit codes of every command: the one table README, every `--help` and the man page
/// show (`tests/exit_codes.rs` runs each against the twin's faults and compares the texts).
pub const EXIT_TABLE: [(u8, &str); 6] = [
    (0, "done"),
    (1, "any other error"),
    (2, "invalid input: nothing was sent"),
    (3, "the server refused (code 90 or 91, HTTP 401 or 403)"),
    (
        4,
        "sent but not confirmed: it may be stored (a timeout, a dropped connection, HTTP 5xx, a redirect after the POST)",
    ),
    (
        5,
        "not sent: the server could not be reached (connection refused, DNS); a result waits in the outbox",
    ),
];

/// `EXIT_TABLE` as `--help` and README show it.
pub fn exit_codes_text() -> String {
    let mut out = String::from("Exit codes:");
    for (code, what) in EXIT_TABLE {
        out.push_str(&format!("\n  {code}  {what}"));
    }
    out
}

/// The command line as it is parsed, helped, completed and paged: the derive's definition
/// with the exit-code table after every command's help.
pub fn command() -> clap::Command {
    fn with_codes(cmd: clap::Command) -> clap::Command {
        let help = match cmd.get_after_help() {
            Some(h) => format!("{h}\n\n{}", exit_codes_text()),
            None => exit_codes_text(),
        };
        cmd.after_help(help).mut_subcommands(with_codes)
    }
    with_codes(Cli::command())
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
            api: None,
        }
    }

    /// The message in `lang`: a server's failure worded again, the rest as made.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.api {
            Some(e) => crate::i18n::words::api_error(lang, e),
            None => self.message.clone(),
        }
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Failure {
        let code = match &e {
            ApiError::Refused { .. }
            | ApiError::InvalidToken { .. }
            | ApiError::Unauthorized
            | ApiError::Forbidden { .. } => EXIT_REFUSED,
            e if e.may_have_reached_server() => EXIT_NO_ANSWER,
            // Nothing reached the server: connection refused, no such host.
            ApiError::Connect { .. } => EXIT_NOT_SENT,
            _ => EXIT_ERROR,
        };
        let mut f = Failure::new(code, e.to_string());
        f.api = Some(e);
        f
    }
}

impl From<SessionError> for Failure {
    fn from(e: SessionError) -> Failure {
        Failure::new(EXIT_ERROR, e.0)
    }
}

impl From<ConfigError> for Failure {
    fn from(e: ConfigError) -> Failure {
        Failure::new(EXIT_ERROR, e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        // A closed pipe (`deskcoll tasks | head`) is not an error worth a message.
        Failure::new(EXIT_ERROR, e.to_string())
    }
}

impl Cli {
    fn overrides(&self) -> Overrides {
        Overrides {
            config_path: self.config.clone(),
            base_url: self.base_url.clone(),
            tasks_url: self.tasks_url.clone(),
            result_url: self.result_url.clone(),
            user: self.user.clone(),
            agent_id: self.agent_id.clone(),
            termin_url: self.termin_url.clone(),
            hash_key: None,
            insecure_config: self.insecure_config,
        }
    }
}

/// The language of the CLI's words for a command line: `crate::i18n::resolve` over the
/// config file the overrides name (its `ui.language`) and the environment. A config file that
/// cannot be read leaves the environment to decide (its error is said later, in words).
pub fn language(over: &Overrides) -> Lang {
    let env = |k: &str| std::env::var(k).ok();
    let configured = crate::config::read_file(over, &env)
        .ok()
        .and_then(|(file, _)| file.ui.language);
    crate::i18n::resolve(configured.as_deref(), &env)
        .or_else(|_| crate::i18n::resolve(None, &env))
        .unwrap_or_default()
}

/// "deskcoll: error: ..." in the language.
pub fn error_line(lang: Lang, message: &str) -> String {
    tr!(lang, "cli-error", message = message)
}

/// "deskcoll: warning: ..." in the language.
pub fn warning_line(lang: Lang, message: &str) -> String {
    tr!(lang, "cli-warning", message = message)
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    // Before the command line is read `--config` is unknown: the default file and the
    // environment decide the words of a refusal.
    let early = language(&Overrides::default());
    let cli = match refusal::parse(std::env::args_os().collect(), early) {
        refusal::Parsed::Ok(cli) => *cli,
        refusal::Parsed::Show(help) => help.exit(),
        refusal::Parsed::Refused(line) => {
            tell!("{}", error_line(early, &line));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let lang = language(&cli.overrides());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            let message = tr!(lang, "cli-no-runtime", error = e.to_string());
            tell!("{}", error_line(lang, &message));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match runtime.block_on(run(cli, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.message.is_empty() => ExitCode::from(f.code),
        Err(f) => {
            // The last guard: a message may quote a server.
            let message = f.message_in(lang);
            let message = crate::domain::text::sanitize(&message);
            tell!("{}", error_line(lang, &message));
            ExitCode::from(f.code)
        }
    }
}

/// A secret typed at the terminal, not echoed; `None` when stdin is not a terminal (a
/// script) or nothing was typed.
fn ask_secret(what: &str, lang: Lang) -> Result<Option<String>, Failure> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let typed = rpassword::prompt_password(format!("{what}: ")).map_err(|e| {
        Failure::new(
            EXIT_ERROR,
            tr!(
                lang,
                "cli-cannot-read-secret",
                what = what,
                error = e.to_string()
            ),
        )
    })?;
    let typed = typed.trim().to_string();
    Ok((!typed.is_empty()).then_some(typed))
}

/// The configuration in force, with a one-line warning on stderr when credentials would go
/// over plain http:// to another machine.
fn load_config(over: &Overrides) -> Result<Config, Failure> {
    let config = Config::load(over)?;
    if !config.ignored.is_empty() {
        let lang = config.language;
        let message = tr!(lang, "cli-calling-locked", keys = config.ignored.join(", "));
        tell!("{}", warning_line(lang, &message));
    }
    let hosts = config.insecure_hosts();
    if !hosts.is_empty() {
        let lang = config.language;
        let message = tr!(
            lang,
            "cli-insecure",
            hosts = crate::domain::text::sanitize(&hosts.join(", "))
        );
        tell!("{}", warning_line(lang, &message));
    }
    Ok(config)
}

/// The session of a command: the config in force, and a client that says on stderr each
/// wait a busy server asked for (`Retry-After`, at most `http.max_retry_after_secs`).
async fn open_session(over: &Overrides, clock: Clock) -> Result<Session, Failure> {
    let mut session = Session::open(load_config(over)?, clock).await?;
    let lang = session.config.language;
    session.client = session.client.clone().with_on_wait(move |w| {
        let message = tr!(
            lang,
            "api-busy-wait",
            asked = w.asked.as_secs(),
            waited = w.waited.as_secs()
        );
        tell!("{}", warning_line(lang, &message));
    });
    Ok(session)
}

/// One line on stderr when the config file holds secrets and can be read by others, and
/// one when it is read although others can write it (`--insecure-config`).
fn warn_if_config_is_open(over: &Overrides, lang: Lang) {
    let env = |k: &str| std::env::var(k).ok();
    let Some((path, _)) = crate::config::chosen_path(over.config_path.as_deref(), &env) else {
        return;
    };
    let holds_secrets =
        || crate::config::read_layer_of(&path).is_some_and(|layer| !layer.secrets().is_empty());
    if crate::files::readable_by_others(&path) && holds_secrets() {
        let message = tr!(lang, "cli-config-open", path = path.display().to_string());
        tell!("{}", warning_line(lang, &message));
    }
    if over.insecure_config {
        for open in crate::config::open_to_writing(&path) {
            let message = tr!(
                lang,
                "cli-config-writable",
                path = open.path.display().to_string(),
                mode = format!("{:04o}", open.mode)
            );
            tell!("{}", warning_line(lang, &message));
        }
    }
}

pub async fn run(cli: Cli, lang: Lang) -> Result<(), Failure> {
    let clock = Clock::new(cli.now);
    let over = cli.overrides();
    if !matches!(
        cli.command,
        Some(Command::Config {
            action: ConfigAction::Init { .. }
        })
    ) {
        warn_if_config_is_open(&over, lang);
    }
    if let (Some(path), Some(_)) = (&cli.output, &cli.command) {
        output::output_to(path).map_err(|e| {
            Failure::new(
                EXIT_ERROR,
                tr!(
                    lang,
                    "cli-output-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
    }
    if let Some(name) = cli.command.as_ref().and_then(workbook_of) {
        if cli.output.is_none() {
            return Err(Failure::new(
                EXIT_INVALID,
                tr!(lang, "cli-xlsx-needs-output"),
            ));
        }
        output::start_workbook(name);
    }
    let Some(command) = cli.command else {
        let config = load_config(&over)?;
        // The log the workstation writes (names, errors) is private, as is its folder.
        if let Some(dir) = crate::config::data_dir() {
            let _ = crate::files::prepare_log(&dir);
        }
        return crate::tui::run(config, clock, cli.exit_after_first_queue)
            .await
            .map_err(|e| Failure::new(EXIT_ERROR, e.to_string()));
    };
    let done = dispatch(command, clock, &over, lang).await;
    if done.is_ok() {
        output::finish_workbook()?;
    }
    done
}

/// The sheet name of the workbook a command writes with `--format xlsx`.
fn workbook_of(command: &Command) -> Option<&'static str> {
    match command {
        Command::Tasks {
            format: Format::Xlsx,
            ..
        } => Some("tasks"),
        Command::Today {
            format: Format::Xlsx,
            ..
        } => Some("today"),
        Command::Termin(a) if a.format == Format::Xlsx => Some("termin"),
        Command::Audit(a) if a.format == audit::AuditFormat::Xlsx => Some("audit"),
        Command::Outbox {
            action: outbox::OutboxAction::List {
                format: Format::Xlsx,
            },
        } => Some("outbox"),
        _ => None,
    }
}

async fn dispatch(
    command: Command,
    clock: Clock,
    over: &Overrides,
    lang: Lang,
) -> Result<(), Failure> {
    let over = over.clone();
    match command {
        Command::Serve(args) => serve::run(args, clock, &over).await,
        Command::Completions { shell } => {
            output::emit(completions(shell).as_bytes())?;
            Ok(())
        }
        Command::Config { action } => config_command(action, &over, lang),
        Command::Doctor(args) => doctor::run(args, &over, clock, lang).await,
        Command::Man(args) => man::run(args, lang),
        Command::Team { action } => {
            let config = match &action {
                team::TeamAction::Init { .. } => None,
                team::TeamAction::Push => Some(load_config(&over)?),
            };
            team::run(action, config.as_ref(), lang).await
        }
        Command::Floor(args) => floor::run(&load_config(&over)?, clock, args).await,
        Command::Sign {
            account_no,
            hash_key,
        } => {
            let key = match hash_key {
                Some(k) => k,
                None => {
                    let config = load_config(&over)?;
                    match config.hash_key {
                        Some(key) => key.expose().to_string(),
                        // Demo mode signs for the embedded twin, with the twin's key.
                        None if config.is_demo() => {
                            tell!("deskcoll: {}", tr!(lang, "cli-sign-demo"));
                            crate::twin::SEED_HASH_KEY.to_string()
                        }
                        None => ask_secret("hash key", lang)?.ok_or_else(|| {
                            Failure::new(EXIT_INVALID, tr!(lang, "cli-no-hash-key"))
                        })?,
                    }
                }
            };
            say!("{}", crate::domain::result::sign(account_no.trim(), &key));
            Ok(())
        }
        Command::Tasks {
            format,
            callable,
            sort,
            reverse,
            excel,
            cached,
        } => {
            let (format, style) = csv_style(format, excel, lang)?;
            let session = open_session(&over, clock).await?;
            let listing = tasks::Listing {
                format,
                only_callable: callable,
                sort,
                reverse,
                style,
                cached,
            };
            tasks::run(&session, listing).await
        }
        Command::Today { format, excel } => {
            let (format, style) = csv_style(format, excel, lang)?;
            let session = open_session(&over, clock).await?;
            today::run(&session, format, style).await
        }
        Command::Callbacks(args) => {
            let session = open_session(&over, clock).await?;
            callbacks::run(&session, args)
        }
        Command::Termin(mut args) => {
            let (format, style) = csv_style(args.format, args.excel, lang)?;
            args.format = format;
            if let Some(refused) = args.refusal(lang) {
                return Err(refused);
            }
            let session = open_session(&over, clock).await?;
            if args.asks_the_whole_set() {
                termin_desk::run(&session, args, style).await
            } else {
                termin::run(&session, args, style).await
            }
        }
        Command::Audit(args) => {
            let session = open_session(&over, clock).await?;
            audit::run(&session, args).await
        }
        Command::Outbox { action } => {
            let session = open_session(&over, clock).await?;
            outbox::run(&session, action).await
        }
        Command::Submit(args) => {
            let session = open_session(&over, clock).await?;
            submit::run(&session, args).await
        }
    }
}

/// The completion script of `shell`, without the hidden flags (clap_complete lists them).
pub fn completions(shell: clap_complete::Shell) -> String {
    fn hidden(cmd: &clap::Command, out: &mut Vec<String>) {
        for a in cmd.get_arguments().filter(|a| a.is_hide_set()) {
            if let Some(long) = a.get_long() {
                out.push(long.to_string());
            }
        }
        for sub in cmd.get_subcommands() {
            hidden(sub, out);
        }
    }
    let mut cmd = self::command();
    let mut names = Vec::new();
    hidden(&cmd, &mut names);
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut cmd, "deskcoll", &mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        // fish and zsh give a flag a line of its own.
        if names
            .iter()
            .any(|n| line.contains(&format!("-l {n} ")) || line.contains(&format!("'--{n}[")))
        {
            continue;
        }
        // bash lists the flags in one string; fish's parser spec too.
        let mut line = line.to_string();
        for n in &names {
            line = line
                .replace(&format!(" --{n}"), "")
                .replace(&format!(" {n} "), " ");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `--excel`: CSV in the spreadsheet's style (and CSV when no other format was asked for).
fn csv_style(
    format: Format,
    excel: bool,
    lang: Lang,
) -> Result<(Format, crate::domain::text::CsvStyle), Failure> {
    match (format, excel) {
        (Format::Json | Format::Xlsx, true) => {
            Err(Failure::new(EXIT_INVALID, tr!(lang, "cli-excel-json")))
        }
        (_, true) => Ok((Format::Csv, crate::domain::text::CsvStyle { excel: true })),
        // The CSV tables, kept for the workbook (`output::start_workbook`).
        (Format::Xlsx, false) => Ok((Format::Csv, crate::domain::text::CsvStyle::default())),
        (f, false) => Ok((f, crate::domain::text::CsvStyle::default())),
    }
}

fn config_command(action: ConfigAction, over: &Overrides, lang: Lang) -> Result<(), Failure> {
    match action {
        ConfigAction::Init { force } => {
            let path =
                crate::config::chosen_path(over.config_path.as_deref(), &|k| std::env::var(k).ok())
                    .map(|(p, _)| p)
                    .ok_or_else(|| Failure::new(EXIT_ERROR, tr!(lang, "cli-no-config-dir")))?;
            if path.exists() && !force {
                return Err(Failure::new(
                    EXIT_ERROR,
                    tr!(lang, "cli-config-exists", path = path.display().to_string()),
                ));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                crate::files::create_private_dir(dir)?;
            }
            // 0600 also over an older file of another mode (--force).
            crate::files::write_private(&path, crate::config::TEMPLATE.as_bytes())?;
            say!(
                "{}",
                tr!(lang, "cli-wrote", path = path.display().to_string())
            );
            Ok(())
        }
        ConfigAction::Show => {
            output::emit(load_config(over)?.show().as_bytes())?;
            Ok(())
        }
        ConfigAction::Path => {
            match crate::config::chosen_path(over.config_path.as_deref(), &|k| {
                std::env::var(k).ok()
            }) {
                Some((p, _)) => say!("{}", p.display()),
                None => say!("({})", tr!(lang, "cli-none")),
            }
            Ok(())
        }
    }
}
