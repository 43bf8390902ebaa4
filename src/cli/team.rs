//! `deskcoll team`: set up the team ledger (`init`, the DBA's URL) and push this desk's day
//! to it (`push`).

use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, Failure};
use crate::config::Config;
use crate::i18n::Lang;
use crate::team::{self, Init, LedgerError};
use crate::tr;

#[derive(clap::Subcommand, Debug)]
pub enum TeamAction {
    /// Create (or migrate, forward only, in one transaction) the ledger's schema and its two
    /// roles, deskcoll_agent and deskcoll_supervisor; run again, it changes nothing; a newer
    /// schema is refused untouched.
    #[command(
        after_help = "Example:\n  deskcoll team init --database-url 'postgresql://dba@db.example/deskcoll?sslmode=verify-full'\n\nExit codes: 0 created, migrated or already current; 1 refused or failed."
    )]
    Init {
        /// The ledger's database as its owner (a DBA's URL; a password in it is never printed).
        #[arg(
            long,
            value_name = "ADMIN_URL",
            env = "DESKCOLL_TEAM_ADMIN_URL",
            hide_env_values = true
        )]
        database_url: String,
    },
    /// Send what waits in the outbox to the ledger now (the workstation does it in the
    /// background): exit 0 when nothing is left, 4 when something still waits.
    #[command(after_help = "Example:\n  deskcoll team push")]
    Push,
}

/// A ledger failure in the language's words (the message itself is the ledger's).
pub fn ledger_words(lang: Lang, e: &LedgerError) -> String {
    tr!(
        lang,
        "team-error",
        error = crate::domain::text::sanitize(&e.to_string()).into_owned()
    )
}

pub async fn run(action: TeamAction, config: Option<&Config>, lang: Lang) -> Result<(), Failure> {
    match action {
        TeamAction::Init { database_url } => {
            let mut client = team::connect(&database_url)
                .await
                .map_err(|e| Failure::new(EXIT_ERROR, ledger_words(lang, &e)))?;
            match team::init(&mut client).await {
                Ok(Init::Migrated { from, to }) => {
                    say!("{}", tr!(lang, "team-init-migrated", from = from, to = to));
                    Ok(())
                }
                Ok(Init::Current(v)) => {
                    say!("{}", tr!(lang, "team-init-current", version = v));
                    Ok(())
                }
                Err(e) => Err(Failure::new(EXIT_ERROR, ledger_words(lang, &e))),
            }
        }
        TeamAction::Push => {
            let config = config.ok_or_else(|| Failure::new(EXIT_ERROR, String::new()))?;
            let Some(t) = &config.team else {
                return Err(Failure::new(EXIT_INVALID, tr!(lang, "team-not-set")));
            };
            let path = config.outbox_path(config.is_demo());
            let result =
                team::push::push_path(&path, t.database_url.expose(), config.agent_id.trim()).await;
            let left = crate::store::Outbox::open(&path)
                .and_then(|o| o.ledger_waiting())
                .map(|w| w.total())
                .unwrap_or(0);
            match result {
                Ok(p) if left == 0 => {
                    say!(
                        "{}",
                        tr!(
                            lang,
                            "team-pushed",
                            results = p.results,
                            receipts = p.receipts,
                            reads = p.reads
                        )
                    );
                    Ok(())
                }
                Ok(_) => Err(Failure::new(
                    EXIT_NO_ANSWER,
                    tr!(lang, "team-left", n = left),
                )),
                Err(e) => Err(Failure::new(
                    EXIT_NO_ANSWER,
                    format!(
                        "{}; {}",
                        ledger_words(lang, &e),
                        tr!(lang, "team-left", n = left)
                    ),
                )),
            }
        }
    }
}
