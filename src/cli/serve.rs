use super::{Clock, EXIT_ERROR, Failure};
use crate::tr;
use crate::twin::{self, TwinOptions};
use std::net::SocketAddr;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Basic-auth user [default: twin.user in the config, else the seed document's].
    #[arg(long, env = "DESKCOLL_TWIN_USER")]
    pub user: Option<String>,
    /// Basic-auth password; a flag shows in `ps`: prefer the variable or twin.password
    /// [default: the seed document's].
    #[arg(long, env = "DESKCOLL_TWIN_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Key results must be signed with; a flag shows in `ps`: prefer the variable or
    /// twin.hash_key [default: the seed document's].
    #[arg(long, env = "DESKCOLL_TWIN_HASH_KEY", hide_env_values = true)]
    pub hash_key: Option<String>,
    /// Accept requests without Basic auth.
    #[arg(long)]
    pub no_auth: bool,
    /// Seed of the generated books (same seed, same data).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Contracts in the loan book.
    #[arg(long, default_value_t = 300)]
    pub contracts: usize,
    /// Accounts in today's queue [default: a third of the contracts].
    #[arg(long)]
    pub tasks: Option<usize>,
    /// Termin transactions.
    #[arg(long, default_value_t = 57)]
    pub transactions: usize,
    /// Bearer token accepted by the termin route (besides Basic auth); a flag shows in `ps`:
    /// prefer the variable or twin.termin_token.
    #[arg(long, env = "DESKCOLL_TWIN_TERMIN_TOKEN", hide_env_values = true)]
    pub termin_token: Option<String>,
    /// Access key the login takes [default: twin.access_key, else the twin's fixture].
    #[arg(long, env = "DESKCOLL_TWIN_ACCESS_KEY", hide_env_values = true)]
    pub access_key: Option<String>,
    /// Access secret the login takes; a flag shows in `ps`: prefer the variable or
    /// twin.access_secret [default: the twin's fixture].
    #[arg(long, env = "DESKCOLL_TWIN_ACCESS_SECRET", hide_env_values = true)]
    pub access_secret: Option<String>,
    /// Answer `/__twin/*` (every result received, with its signature) to clients that are
    /// not on this machine too. They still need the twin's Basic auth.
    #[arg(long)]
    pub expose_inspect: bool,
    /// Lifetime of a login token.
    #[arg(long, default_value_t = 24 * 3600)]
    pub token_ttl_secs: u64,
    /// Delay before every answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Send each answer no faster than this many kilobits a second (a slow branch link).
    #[arg(long, value_name = "N")]
    pub bandwidth_kbps: Option<u64>,
    /// Share of termin transactions moved one status or step on before each first page asked
    /// (0..1): what `termin --changes` then reports.
    #[arg(long, default_value_t = 0.0, value_name = "RATE")]
    pub termin_churn: f64,
    /// Share of requests answered with HTTP 500 (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub fail_rate: f64,
    /// Share of requests whose connection is closed without an answer, after processing (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub drop_rate: f64,
    /// A fault of the real server, NAME=RATE (0..1), repeatable: `data-null` answers the task
    /// list `{"data":null}` (its query failed), `stored-90` stores a result and answers 90
    /// all the same (a statement after the insert failed), `exception-500` answers ASP.NET's
    /// 500 to a list or a result (an exception the controller does not catch; nothing stored).
    #[arg(long = "fault", value_name = "NAME=RATE", value_parser = super::offer::faults())]
    pub faults: Vec<String>,
    /// Listen on an address other machines reach although the twin takes the seed
    /// document's public credentials (or none): refused without it.
    #[arg(long)]
    pub public: bool,
    /// Keep stored results and the twin's clock offset in this SQLite file, so that a restart
    /// keeps them [default: memory only].
    #[arg(long, value_name = "FILE")]
    pub state: Option<std::path::PathBuf>,
}

/// The rates of `--fault NAME=RATE`: (data-null, stored-90, exception-500).
fn fault_rates(faults: &[String]) -> Result<(f64, f64, f64), Failure> {
    let (mut data_null, mut stored_90, mut exception) = (0.0, 0.0, 0.0);
    let mut problems = Vec::new();
    for f in faults {
        let (name, rate) = f.split_once('=').unwrap_or((f.as_str(), ""));
        let Some(rate) = rate
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|r| (0.0..=1.0).contains(r))
        else {
            problems.push(format!(
                "--fault {f}: RATE must be a number between 0 and 1"
            ));
            continue;
        };
        match name.trim() {
            "data-null" => data_null = rate,
            "stored-90" => stored_90 = rate,
            "exception-500" => exception = rate,
            other => problems.push(format!(
                "--fault {f}: '{other}' is not one of data-null, stored-90, exception-500"
            )),
        }
    }
    if problems.is_empty() {
        Ok((data_null, stored_90, exception))
    } else {
        Err(Failure::new(super::EXIT_INVALID, problems.join("; ")))
    }
}

/// `serve --help`: what the twin takes by default, from the constants it uses.
pub fn long_about() -> String {
    format!(
        "Run the embedded server twin (desk collection + termin) on loopback.\n\n\
         Credentials: by default the twin takes the example values of the seed document \
         (desk-collection-api.txt), public and for testing only: Basic-auth user {user}, \
         password {password} (both services), hash key {key}; the termin login takes access \
         key {access_key} and secret {access_secret}. --user, --password, --hash-key, \
         --access-key and --access-secret replace them, as do DESKCOLL_TWIN_USER, \
         DESKCOLL_TWIN_PASSWORD, DESKCOLL_TWIN_HASH_KEY, DESKCOLL_TWIN_ACCESS_KEY, \
         DESKCOLL_TWIN_ACCESS_SECRET and the config file's [twin] section (flags show in `ps`: \
         prefer the others). In demo mode (no server configured) \
         every deskcoll command starts its own twin with these defaults, and `deskcoll sign` \
         signs with that hash key.",
        user = twin::SEED_USER,
        password = twin::SEED_PASSWORD,
        key = twin::SEED_HASH_KEY,
        access_key = twin::SEED_ACCESS_KEY,
        access_secret = twin::SEED_ACCESS_SECRET,
    )
}

/// Flag, else variable (both through clap), else `[twin]` in the config file, else the
/// fixture.
fn pick(given: Option<String>, from_file: Option<String>, fixture: &str) -> String {
    given
        .filter(|s| !s.is_empty())
        .or(from_file.filter(|s| !s.is_empty()))
        .unwrap_or_else(|| fixture.to_string())
}

pub async fn run(
    args: ServeArgs,
    clock: Clock,
    over: &crate::config::Overrides,
) -> Result<(), Failure> {
    let env = |k: &str| std::env::var(k).ok();
    let lang = super::language(over);
    let file = crate::config::read_file(over, &env)?.0.twin;
    let user = pick(args.user, file.user, twin::SEED_USER);
    let password = pick(args.password, file.password, twin::SEED_PASSWORD);
    let hash_key = pick(args.hash_key, file.hash_key, twin::SEED_HASH_KEY);
    let access_key = pick(args.access_key, file.access_key, twin::SEED_ACCESS_KEY);
    let access_secret = pick(
        args.access_secret,
        file.access_secret,
        twin::SEED_ACCESS_SECRET,
    );
    let termin_token = args
        .termin_token
        .filter(|s| !s.is_empty())
        .or(file.termin_token.filter(|s| !s.is_empty()));
    for (name, rate) in [
        ("--fail-rate", args.fail_rate),
        ("--drop-rate", args.drop_rate),
        ("--termin-churn", args.termin_churn),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(Failure::new(
                super::EXIT_INVALID,
                tr!(lang, "serve-rate", name = name),
            ));
        }
    }
    if let Some(t) = args.tasks.filter(|t| *t > args.contracts) {
        return Err(Failure::new(
            super::EXIT_INVALID,
            tr!(lang, "serve-tasks", n = t),
        ));
    }
    let (data_null_rate, stored_refusal_rate, exception_rate) = fault_rates(&args.faults)?;
    let seed_password = password == twin::SEED_PASSWORD;
    let seed_hash_key = hash_key == twin::SEED_HASH_KEY;
    // The seed document's credentials are public: on an address other machines reach, anyone
    // could read the twin's books and post to it.
    let public_credentials =
        args.no_auth || seed_password || seed_hash_key || access_secret == twin::SEED_ACCESS_SECRET;
    if !args.addr.ip().is_loopback() && public_credentials && !args.public {
        return Err(Failure::new(
            super::EXIT_INVALID,
            tr!(lang, "serve-public-refused", addr = args.addr.to_string()),
        ));
    }
    let running = twin::start(TwinOptions {
        addr: args.addr,
        user: user.clone(),
        password,
        hash_key,
        no_auth: args.no_auth,
        seed: args.seed,
        contracts: args.contracts,
        tasks: args.tasks,
        transactions: args.transactions,
        termin_token,
        access_key,
        access_secret,
        expose_inspect: args.expose_inspect,
        token_ttl_secs: args.token_ttl_secs,
        advertised_ttl_secs: None,
        latency_ms: args.latency_ms,
        bandwidth_kbps: args.bandwidth_kbps,
        fail_rate: args.fail_rate,
        drop_rate: args.drop_rate,
        data_null_rate,
        stored_refusal_rate,
        exception_rate,
        termin_churn: args.termin_churn,
        state: args.state.clone(),
        now: clock.is_fixed().then(|| clock.now_local()),
    })
    .await
    .map_err(|e| match e.kind() {
        // The state file's own words (which file, why).
        std::io::ErrorKind::Other => Failure::new(EXIT_ERROR, e.to_string()),
        _ => Failure::new(
            EXIT_ERROR,
            tr!(
                lang,
                "serve-cannot-listen",
                addr = args.addr.to_string(),
                error = e.to_string()
            ),
        ),
    })?;
    say!("{}", tr!(lang, "serve-listening", url = running.base_url()));
    say!("{}", tr!(lang, "serve-point"));
    say!("  export DESKCOLL_BASE_URL={}", running.base_url());
    say!("  export DESKCOLL_TERMIN_URL={}", running.termin_url());
    say!("  export DESKCOLL_USER={user} DESKCOLL_TERMIN_USER={user}");
    if seed_password {
        // The seed document's public example values: nothing secret to hide.
        say!(
            "  export DESKCOLL_PASSWORD='{p}' DESKCOLL_TERMIN_PASSWORD='{p}'",
            p = twin::SEED_PASSWORD
        );
    } else {
        say!("  # {}", tr!(lang, "serve-and-passwords"));
    }
    if seed_hash_key {
        say!("  export DESKCOLL_HASH_KEY={}", twin::SEED_HASH_KEY);
    } else {
        say!("  # {}", tr!(lang, "serve-and-hash-key"));
    }
    let url = format!("{}/__twin/collections", running.base_url());
    say!(
        "{}",
        if args.expose_inspect {
            tr!(lang, "serve-received", url = url)
        } else {
            tr!(lang, "serve-received-local", url = url)
        }
    );
    if let Some(path) = &args.state {
        say!(
            "{}",
            tr!(lang, "serve-state-kept", path = path.display().to_string())
        );
    }
    tokio::select! {
        _ = running.wait() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    Ok(())
}
