//! The team ledger on PostgreSQL: every desk pushes its results, receipts and evidence from
//! the outbox (`push`), the database witnesses each agent's chain (`schema`), a supervisor
//! reads the floor (`read`). Optional: without `team.database_url` nothing here runs.

pub mod push;
pub mod read;
pub mod schema;
pub mod table;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::Client;

/// A failure of the ledger. Never holds the connection string (it holds a password).
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("team.database_url is not a PostgreSQL connection string: {0}")]
    Config(String),
    #[error("the team ledger cannot be reached: {0}")]
    Connect(String),
    #[error("the team ledger: {0}")]
    Sql(String),
    #[error(
        "the team ledger has schema {found}, newer than this deskcoll knows ({known}): it was left untouched; upgrade deskcoll"
    )]
    Newer { found: i64, known: i64 },
    #[error(
        "the team ledger has schema {found}; this deskcoll needs {known}: ask the DBA to run deskcoll team init"
    )]
    Older { found: i64, known: i64 },
    #[error("{0}")]
    Outbox(#[from] crate::store::StoreError),
    #[error(
        "agent_id is not set (DESKCOLL_AGENT_ID or agent_id in the config): the ledger names each desk by it"
    )]
    NoAgent,
}

impl From<tokio_postgres::Error> for LedgerError {
    fn from(e: tokio_postgres::Error) -> LedgerError {
        LedgerError::Sql(describe(&e))
    }
}

/// A database error in one line: the server's message when there is one.
pub fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut s = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(inner) = source {
                s.push_str(&format!(": {inner}"));
                source = inner.source();
            }
            s
        }
    }
}

/// libpq's `sslmode` words that tokio-postgres does not read, as the mode it does:
/// `verify-ca` and `verify-full` are `require` (the certificate is always verified against
/// the system's roots and the host name), `allow` is `prefer`.
fn libpq_sslmode(url: &str) -> String {
    url.replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require")
        .replace("sslmode=allow", "sslmode=prefer")
}

/// The connection's settings from a libpq URL or key=value string (the password kept in it,
/// never said); a connect timeout of 10 s unless it sets one.
pub fn config_of(url: &str) -> Result<tokio_postgres::Config, LedgerError> {
    let mut c = tokio_postgres::Config::from_str(&libpq_sslmode(url.trim()))
        .map_err(|e| LedgerError::Config(e.to_string()))?;
    if c.get_connect_timeout().is_none() {
        c.connect_timeout(Duration::from_secs(10));
    }
    if c.get_application_name().is_none() {
        c.application_name("deskcoll");
    }
    Ok(c)
}

fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, LedgerError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_platform_verifier())
        .map_err(|e| LedgerError::Connect(e.to_string()))?
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Connects (TLS as `sslmode` says) and keeps the connection driven on the runtime.
pub async fn connect(url: &str) -> Result<Client, LedgerError> {
    let config = config_of(url)?;
    let conn = if config.get_ssl_mode() == tokio_postgres::config::SslMode::Disable {
        let (client, conn) = config
            .connect(tokio_postgres::NoTls)
            .await
            .map_err(|e| LedgerError::Connect(describe(&e)))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        client
    } else {
        let (client, conn) = config
            .connect(tls()?)
            .await
            .map_err(|e| LedgerError::Connect(describe(&e)))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        client
    };
    Ok(conn)
}

/// The ledger's schema version (0: none yet).
pub async fn version(client: &Client) -> Result<i64, LedgerError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('deskcoll.meta') IS NOT NULL", &[])
        .await?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client
        .query_opt("SELECT value FROM deskcoll.meta WHERE key = 'schema'", &[])
        .await?;
    Ok(row
        .and_then(|r| r.get::<_, String>(0).parse().ok())
        .unwrap_or(0))
}

/// Refuses a ledger of another schema than this deskcoll's.
pub async fn check_version(client: &Client) -> Result<(), LedgerError> {
    match version(client).await? {
        v if v == schema::SCHEMA_VERSION => Ok(()),
        v if v > schema::SCHEMA_VERSION => Err(LedgerError::Newer {
            found: v,
            known: schema::SCHEMA_VERSION,
        }),
        v => Err(LedgerError::Older {
            found: v,
            known: schema::SCHEMA_VERSION,
        }),
    }
}

/// What `team init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Init {
    /// From version `from` to `to`.
    Migrated { from: i64, to: i64 },
    /// Already at this deskcoll's schema: nothing changed.
    Current(i64),
}

/// Creates or migrates the schema and the roles, in one transaction (forward only); a newer
/// schema is refused untouched. `client` connects as the ledger's owner (the DBA's URL).
pub async fn init(client: &mut Client) -> Result<Init, LedgerError> {
    let tx = client.transaction().await?;
    // Two `team init` at once: the second waits, then finds the schema current.
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('deskcoll team init'))",
        &[],
    )
    .await?;
    let exists: bool = tx
        .query_one("SELECT to_regclass('deskcoll.meta') IS NOT NULL", &[])
        .await?
        .get(0);
    let from: i64 = if exists {
        tx.query_opt("SELECT value FROM deskcoll.meta WHERE key = 'schema'", &[])
            .await?
            .and_then(|r| r.get::<_, String>(0).parse().ok())
            .unwrap_or(0)
    } else {
        0
    };
    if from > schema::SCHEMA_VERSION {
        return Err(LedgerError::Newer {
            found: from,
            known: schema::SCHEMA_VERSION,
        });
    }
    if from == schema::SCHEMA_VERSION {
        return Ok(Init::Current(from));
    }
    for m in &schema::MIGRATIONS[from as usize..] {
        tx.batch_execute(m).await?;
    }
    tx.execute(
        "INSERT INTO deskcoll.meta (key, value) VALUES ('schema', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&schema::SCHEMA_VERSION.to_string()],
    )
    .await?;
    tx.commit().await?;
    Ok(Init::Migrated {
        from,
        to: schema::SCHEMA_VERSION,
    })
}

/// What the connected role may do on the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Rights {
    pub insert: bool,
    pub update: bool,
    pub delete: bool,
    pub truncate: bool,
    /// Member of `deskcoll_supervisor` (reads the floor).
    pub supervisor: bool,
    /// Member of `deskcoll_agent`.
    pub agent: bool,
}

/// The connected role's rights on the receipts (the table a desk must never rewrite).
pub async fn rights(client: &Client) -> Result<Rights, LedgerError> {
    let row = client
        .query_one(
            "SELECT has_table_privilege(current_user, 'deskcoll.receipts', 'INSERT'),
                    has_table_privilege(current_user, 'deskcoll.receipts', 'UPDATE'),
                    has_table_privilege(current_user, 'deskcoll.receipts', 'DELETE'),
                    has_table_privilege(current_user, 'deskcoll.receipts', 'TRUNCATE'),
                    pg_has_role(current_user, 'deskcoll_supervisor', 'MEMBER'),
                    pg_has_role(current_user, 'deskcoll_agent', 'MEMBER')",
            &[],
        )
        .await?;
    Ok(Rights {
        insert: row.get(0),
        update: row.get(1),
        delete: row.get(2),
        truncate: row.get(3),
        supervisor: row.get(4),
        agent: row.get(5),
    })
}

/// Whether `team.database_url` names a supervisor (the workstation then shows the Floor tab).
pub async fn is_supervisor(url: &str) -> bool {
    match connect(url).await {
        Ok(c) => rights(&c).await.is_ok_and(|r| r.supervisor),
        Err(_) => false,
    }
}
