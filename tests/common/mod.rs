#![allow(dead_code)]
//! Shared helpers: a twin on 127.0.0.1:0 and clients pointed at it.

use chrono::NaiveDateTime;
use deskcoll::api::{
    BasicAuth, Client, ClientOptions, CollectionEndpoint, TerminAuth, TerminEndpoint,
};
use deskcoll::domain::Secret;
use deskcoll::twin::{self, RunningTwin, TwinOptions};
use std::time::Duration;

pub fn fixed_now() -> NaiveDateTime {
    deskcoll::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap()
}

pub fn options() -> TwinOptions {
    TwinOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        now: Some(fixed_now()),
        ..TwinOptions::default()
    }
}

pub async fn twin_with(opts: TwinOptions) -> RunningTwin {
    twin::start(opts).await.expect("twin starts")
}

pub async fn twin() -> RunningTwin {
    twin_with(options()).await
}

pub fn seed_auth() -> BasicAuth {
    BasicAuth {
        user: twin::SEED_USER.into(),
        password: Secret::new(twin::SEED_PASSWORD),
    }
}

pub fn endpoints(base: &str, auth: Option<BasicAuth>, key: &str) -> CollectionEndpoint {
    let (tasks_url, result_url) = CollectionEndpoint::routes(base);
    CollectionEndpoint {
        tasks_url,
        result_url,
        auth,
        hash_key: Secret::new(key),
    }
}

pub fn client_for(t: &RunningTwin) -> Client {
    client_with(
        t,
        Some(seed_auth()),
        twin::SEED_HASH_KEY,
        ClientOptions::default(),
    )
}

pub fn client_with(
    t: &RunningTwin,
    auth: Option<BasicAuth>,
    key: &str,
    options: ClientOptions,
) -> Client {
    let termin = TerminEndpoint {
        url: t.termin_url(),
        auth: match &auth {
            Some(a) => TerminAuth::Basic(a.clone()),
            None => TerminAuth::None,
        },
    };
    Client::new(
        Some(endpoints(&t.base_url(), auth, key)),
        Some(termin),
        options,
    )
    .unwrap()
}

pub fn quick_timeouts() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_millis(700),
        max_body_bytes: 1024 * 1024,
        ..ClientOptions::default()
    }
}

/// A GET of the twin's inspection routes, with its Basic auth (they refuse without).
pub async fn inspect(base_url: &str, route: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{base_url}/__twin/{route}"))
        .basic_auth(twin::SEED_USER, Some(twin::SEED_PASSWORD))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn received(t: &RunningTwin) -> Vec<serde_json::Value> {
    serde_json::from_value(inspect(&t.base_url(), "collections").await).unwrap()
}

/// A child process that is killed and reaped whatever happens to the test.
pub struct Guard(pub std::process::Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `cmd` with its stdout piped, guarded, and returns it with the first line it
/// printed; the test fails if none comes within `within`. The rest of the output is drained
/// so that the child never blocks or dies writing it.
pub fn spawn_for_first_line(cmd: &mut std::process::Command, within: Duration) -> (Guard, String) {
    use std::io::BufRead;
    let mut child = Guard(
        cmd.stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the child starts"),
    );
    let stdout = child.0.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = std::io::BufReader::new(stdout).lines();
        if let Some(Ok(first)) = lines.next() {
            let _ = tx.send(first);
        }
        for _ in lines {}
    });
    let first = rx
        .recv_timeout(within)
        .unwrap_or_else(|_| panic!("no first line within {within:?}"));
    (child, first)
}

/// The address a `deskcoll serve` child announced on its first line.
pub fn served_url(first: &str) -> String {
    first
        .trim()
        .strip_prefix("deskcoll twin listening on ")
        .unwrap_or_else(|| panic!("not the twin's first line: {first}"))
        .to_string()
}

/// A result as the form would draft it, by the test agent on this machine.
pub fn draft(
    account: &str,
    action: &str,
    result: &str,
    promise: &str,
) -> deskcoll::domain::ResultDraft {
    deskcoll::domain::ResultDraft {
        account_no: account.into(),
        action_code: action.into(),
        result_code: result.into(),
        promise_date: promise.into(),
        remark: "test call".into(),
        agent_id: "1812010".into(),
        ip_address: "127.0.0.1".into(),
        ..Default::default()
    }
}

/// `deskcoll serve` run as IT would run the twin, killed on every path out of the test.
pub struct Served {
    child: std::process::Child,
    /// The URL it says it listens on.
    pub url: String,
}

impl Served {
    /// Starts `cmd` (a `deskcoll serve ...`) and reads the URL from its first line; what it
    /// prints after is read away so that it never blocks on a full pipe.
    pub fn start(mut cmd: std::process::Command) -> Served {
        use std::io::BufRead;
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        let url = first
            .trim()
            .strip_prefix("deskcoll twin listening on ")
            .unwrap_or_else(|| panic!("{first}"))
            .to_string();
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Served { child, url }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
