use super::{Clock, EXIT_ERROR, Failure};
use crate::twin::{self, TwinOptions};
use std::net::SocketAddr;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Basic-auth user, both services (default: the seed document's example).
    #[arg(long, default_value = twin::SEED_USER)]
    pub user: String,
    /// Basic-auth password, both services (default: the seed document's example).
    #[arg(long, default_value = twin::SEED_PASSWORD)]
    pub password: String,
    /// Key results must be signed with (default: the seed document's example).
    #[arg(long, default_value = twin::SEED_HASH_KEY)]
    pub hash_key: String,
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
    /// Bearer token accepted by the termin route (besides Basic auth).
    #[arg(long)]
    pub termin_token: Option<String>,
    /// Access key the termin login takes (default: the twin's fixture).
    #[arg(long, default_value = twin::SEED_ACCESS_KEY)]
    pub access_key: String,
    /// Access secret the termin login takes (default: the twin's fixture).
    #[arg(long, default_value = twin::SEED_ACCESS_SECRET)]
    pub access_secret: String,
    /// Lifetime of a login token.
    #[arg(long, default_value_t = 24 * 3600)]
    pub token_ttl_secs: u64,
    /// Delay before every answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Share of requests answered with HTTP 500 (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub fail_rate: f64,
    /// Share of requests whose connection is closed without an answer, after processing (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub drop_rate: f64,
}

/// `serve --help`: what the twin takes by default, from the constants it uses.
pub fn long_about() -> String {
    format!(
        "Run the embedded server twin (desk collection + termin) on loopback.\n\n\
         Credentials: by default the twin takes the example values of the seed document \
         (desk-collection-api.txt), public and for testing only: Basic-auth user {user}, \
         password {password} (both services), hash key {key}; the termin login takes access \
         key {access_key} and secret {access_secret}. --user, --password, --hash-key, \
         --access-key and --access-secret replace them. In demo mode (no server configured) \
         every deskcoll command starts its own twin with these defaults, and `deskcoll sign` \
         signs with that hash key.",
        user = twin::SEED_USER,
        password = twin::SEED_PASSWORD,
        key = twin::SEED_HASH_KEY,
        access_key = twin::SEED_ACCESS_KEY,
        access_secret = twin::SEED_ACCESS_SECRET,
    )
}

pub async fn run(args: ServeArgs, clock: Clock) -> Result<(), Failure> {
    for (name, rate) in [
        ("--fail-rate", args.fail_rate),
        ("--drop-rate", args.drop_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(Failure::new(
                super::EXIT_INVALID,
                format!("{name} must be between 0 and 1"),
            ));
        }
    }
    if let Some(t) = args.tasks.filter(|t| *t > args.contracts) {
        return Err(Failure::new(
            super::EXIT_INVALID,
            format!("--tasks {t} needs --contracts of at least {t}"),
        ));
    }
    let seed_password = args.password == twin::SEED_PASSWORD;
    let seed_hash_key = args.hash_key == twin::SEED_HASH_KEY;
    let running = twin::start(TwinOptions {
        addr: args.addr,
        user: args.user.clone(),
        password: args.password,
        hash_key: args.hash_key,
        no_auth: args.no_auth,
        seed: args.seed,
        contracts: args.contracts,
        tasks: args.tasks,
        transactions: args.transactions,
        termin_token: args.termin_token,
        access_key: args.access_key,
        access_secret: args.access_secret,
        token_ttl_secs: args.token_ttl_secs,
        advertised_ttl_secs: None,
        latency_ms: args.latency_ms,
        fail_rate: args.fail_rate,
        drop_rate: args.drop_rate,
        now: clock.is_fixed().then(|| clock.now_local()),
    })
    .await
    .map_err(|e| Failure::new(EXIT_ERROR, format!("cannot listen on {}: {e}", args.addr)))?;
    println!("deskcoll twin listening on {}", running.base_url());
    println!("point a client at it:");
    println!("  export DESKCOLL_BASE_URL={}", running.base_url());
    println!("  export DESKCOLL_TERMIN_URL={}", running.termin_url());
    println!(
        "  export DESKCOLL_USER={} DESKCOLL_TERMIN_USER={}",
        args.user, args.user
    );
    if seed_password {
        // The seed document's public example values: nothing secret to hide.
        println!(
            "  export DESKCOLL_PASSWORD='{p}' DESKCOLL_TERMIN_PASSWORD='{p}'",
            p = twin::SEED_PASSWORD
        );
    } else {
        println!("  # and DESKCOLL_PASSWORD, DESKCOLL_TERMIN_PASSWORD as given to serve");
    }
    if seed_hash_key {
        println!("  export DESKCOLL_HASH_KEY={}", twin::SEED_HASH_KEY);
    } else {
        println!("  # and DESKCOLL_HASH_KEY as given to serve");
    }
    println!(
        "results received: {}/__twin/collections",
        running.base_url()
    );
    tokio::select! {
        _ = running.wait() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    Ok(())
}
