//! What a command or the workstation talks to: the configured servers, or an embedded twin in demo mode.

use crate::api::{BasicAuth, Client, CollectionEndpoint, TerminAuth, TerminEndpoint};
pub use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Secret;
use crate::twin::{self, RunningTwin, TwinOptions};

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SessionError(pub String);

/// Where the demo twin listens: `DESKCOLL_DEMO_ADDR` (so a test or a second tool can reach
/// it), else any free loopback port.
fn demo_addr() -> Result<std::net::SocketAddr, SessionError> {
    match std::env::var("DESKCOLL_DEMO_ADDR") {
        Ok(a) if !a.trim().is_empty() => a
            .trim()
            .parse()
            .map_err(|_| SessionError(format!("DESKCOLL_DEMO_ADDR '{a}' is not HOST:PORT"))),
        _ => Ok(std::net::SocketAddr::from(([127, 0, 0, 1], 0))),
    }
}

pub struct Session {
    pub config: Config,
    pub client: Client,
    pub clock: Clock,
    /// Present in demo mode; stops when the session ends.
    pub twin: Option<RunningTwin>,
}

impl Session {
    /// Connects to the configured servers, or starts the embedded twin when none is configured.
    pub async fn open(mut config: Config, clock: Clock) -> Result<Session, SessionError> {
        let mut running = None;
        if config.is_demo() {
            let t = twin::start(TwinOptions {
                addr: demo_addr()?,
                now: clock.is_fixed().then(|| clock.now_local()),
                ..TwinOptions::default()
            })
            .await
            .map_err(|e| SessionError(format!("cannot start the demo twin: {e}")))?;
            // Said in the log so that a tool (or a test) that asked for port 0 can find it.
            tracing::info!(addr = %t.base_url(), "demo twin listening");
            config = demo_config(config, &t);
            running = Some(t);
        }
        let client = Client::new(
            config.collection.clone(),
            config.termin.clone(),
            config.http.clone(),
        )
        .map_err(|e| SessionError(e.to_string()))?;
        Ok(Session {
            config,
            client,
            clock,
            twin: running,
        })
    }

    /// Which termin server this is, for what is kept per server ("demo" for the twin).
    pub fn termin_server(&self) -> String {
        if self.is_demo() {
            return "demo".into();
        }
        self.config
            .termin
            .as_ref()
            .map(|t| t.url.clone())
            .unwrap_or_default()
    }

    /// Which task list this is, for the list kept on this desk (`list_cache`): the tasks URL,
    /// or "demo" for the twin (whose port changes from run to run).
    pub fn list_key(&self) -> String {
        if self.is_demo() {
            return crate::list_cache::DEMO_KEY.into();
        }
        self.config
            .collection
            .as_ref()
            .map(|c| c.tasks_url.clone())
            .unwrap_or_default()
    }

    /// The day's task list from the server, kept on this desk with the time it was read,
    /// and what it shows of the accounts whose promise is being judged kept in the outbox
    /// (`domain::verdict`). What cannot be kept is said in the log, never a failure.
    pub async fn tasks(&self) -> Result<Vec<crate::domain::Task>, crate::api::ApiError> {
        Ok(self.task_list().await?.tasks)
    }

    /// `tasks`, with the count of entries that were not tasks (skipped).
    pub async fn task_list(&self) -> Result<crate::domain::task::TaskList, crate::api::ApiError> {
        let list = self.client.task_list().await?;
        self.keep_tasks(&list.tasks);
        Ok(list)
    }

    /// Keeps a list just read from the server (`tasks` does it at once; `deskcoll tasks`
    /// after its output is written, or beside the writing): the list on this desk, and what
    /// it shows of promised accounts. What cannot be kept is said in the log.
    pub fn keep_tasks(&self, tasks: &[crate::domain::Task]) {
        crate::list_cache::keep(&self.list_key(), tasks, &self.clock);
        self.keep_evidence(tasks);
    }

    /// `keep_tasks`, for a list whose zones are known.
    pub fn keep_tasks_zoned(
        &self,
        tasks: &[crate::domain::Task],
        zones: &[crate::domain::zone::ZoneGuess],
    ) {
        crate::list_cache::keep_zoned(&self.list_key(), tasks, zones, &self.clock);
        self.keep_evidence(tasks);
    }

    fn keep_evidence(&self, tasks: &[crate::domain::Task]) {
        let grace = self.config.calling.promise_grace_days;
        let kept = self
            .deliverer()
            .map_err(|e| e.to_string())
            .and_then(|d| d.keep_list_read(tasks, grace).map_err(|e| e.to_string()));
        if let Err(e) = kept {
            tracing::warn!(error = %e, "cannot keep what the list shows of promised accounts");
        }
    }

    /// The list kept from the last successful read of this server, and when it was read.
    pub fn cached_tasks(
        &self,
    ) -> Option<(
        Vec<crate::domain::Task>,
        chrono::DateTime<chrono::FixedOffset>,
    )> {
        crate::list_cache::load(&self.list_key())
    }

    pub fn is_demo(&self) -> bool {
        self.twin.is_some()
    }

    /// Opens the outbox and a sender for it.
    pub fn deliverer(&self) -> Result<crate::delivery::Deliverer, SessionError> {
        let path = self.config.outbox_path(self.is_demo());
        if self.config.outbox.is_none()
            && let Some(dir) = crate::config::data_dir()
        {
            // deskcoll's own data folder: closed to others, also when an older version left
            // it open.
            crate::files::own_private_dir(&dir).map_err(|e| {
                SessionError(format!(
                    "cannot create the data folder {}: {e}",
                    dir.display()
                ))
            })?;
        }
        let outbox = crate::store::Outbox::open(&path).map_err(|e| SessionError(e.to_string()))?;
        let mut deliverer = crate::delivery::Deliverer::new(
            std::sync::Arc::new(std::sync::Mutex::new(outbox)),
            self.client.clone(),
            self.clock,
        );
        deliverer.anchor_in_remark = self.config.anchor_in_remark();
        Ok(deliverer)
    }
}

/// Points a configuration at a running twin with the twin's own (fixture) credentials.
pub fn demo_config(mut config: Config, twin: &RunningTwin) -> Config {
    let (tasks_url, result_url) = CollectionEndpoint::routes(&twin.base_url());
    let auth = BasicAuth {
        user: twin::SEED_USER.into(),
        password: Secret::new(twin::SEED_PASSWORD),
    };
    config.collection = Some(CollectionEndpoint {
        tasks_url,
        result_url,
        auth: Some(auth.clone()),
        hash_key: Secret::new(twin::SEED_HASH_KEY),
    });
    config.termin = Some(TerminEndpoint {
        url: twin.termin_url(),
        auth: TerminAuth::Basic(auth),
    });
    if config.agent_id.is_empty() {
        config.agent_id = "DEMO01".into();
    }
    config
}
