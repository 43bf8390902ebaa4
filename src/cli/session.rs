//! What a command talks to: the configured servers, or an embedded twin in demo mode.

use super::Failure;
use crate::api::{BasicAuth, Client, CollectionEndpoint, TerminAuth, TerminEndpoint};
use crate::config::Config;
use crate::domain::Secret;
use crate::twin::{self, RunningTwin, TwinOptions};
use chrono::{DateTime, FixedOffset, Local, NaiveDateTime};

/// The time, or the one `--now` fixed.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<DateTime<FixedOffset>>,
}

impl Clock {
    pub fn new(fixed: Option<DateTime<FixedOffset>>) -> Clock {
        Clock { fixed }
    }

    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// The agent's wall-clock time (call times are recorded so).
    pub fn now_local(&self) -> NaiveDateTime {
        match self.fixed {
            Some(t) => t.naive_local(),
            None => Local::now().naive_local(),
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
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
    pub async fn open(mut config: Config, clock: Clock) -> Result<Session, Failure> {
        let mut running = None;
        if config.is_demo() {
            let t = twin::start(TwinOptions {
                addr: "127.0.0.1:0".parse().expect("loopback address"),
                now: clock.fixed.map(|t| t.naive_local()),
                ..TwinOptions::default()
            })
            .await
            .map_err(|e| {
                Failure::new(
                    super::EXIT_ERROR,
                    format!("cannot start the demo twin: {e}"),
                )
            })?;
            config = demo_config(config, &t);
            running = Some(t);
        }
        let client = Client::new(
            config.collection.clone(),
            config.termin.clone(),
            config.http.clone(),
        )?;
        Ok(Session {
            config,
            client,
            clock,
            twin: running,
        })
    }

    pub fn is_demo(&self) -> bool {
        self.twin.is_some()
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
