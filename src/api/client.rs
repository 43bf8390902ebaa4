use super::error::{ApiError, excerpt};
use crate::domain::task::{TaskList, parse_task_list_counted, parse_task_list_from_reader};
use crate::domain::termin::NOT_FOUND_MESSAGE;
use crate::domain::text::{clean, sanitize};
use crate::domain::{
    CollectionResponse, CollectionResult, Secret, Task, TerminErrorBody, TerminPage,
};
use reqwest::{RequestBuilder, Response, StatusCode};
use std::time::Duration;

/// Basic-auth credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasicAuth {
    pub user: String,
    pub password: Secret,
}

/// Where the desk-collection service lives and how to sign for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionEndpoint {
    pub tasks_url: String,
    pub result_url: String,
    pub auth: Option<BasicAuth>,
    pub hash_key: Secret,
}

impl CollectionEndpoint {
    /// The real server's routes under a base URL.
    pub fn routes(base_url: &str) -> (String, String) {
        let base = base_url.trim_end_matches('/');
        (
            format!("{base}/api/DailyTask_DeskColl"),
            format!("{base}/api/CollectionInsert"),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TerminAuth {
    None,
    Basic(BasicAuth),
    Bearer(Secret),
    /// The provider's login: POST `access_key` + `access_secret` (with Basic auth when
    /// given) for a token, cached and renewed on expiry or on a 401.
    Login(LoginAuth),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginAuth {
    pub login_url: String,
    pub basic: Option<BasicAuth>,
    pub access_key: Secret,
    pub access_secret: Secret,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerminEndpoint {
    /// Full URL of the termin list, e.g. `https://host/api/v1/bumn/transactions/termin`.
    pub url: String,
    pub auth: TerminAuth,
}

#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    /// Larger bodies are refused rather than read into memory.
    pub max_body_bytes: usize,
    /// `http.deadline_secs`: the overall deadline of every request, from sending to the last
    /// byte read. `None`: each kind's own (`RequestKind::default_deadline`).
    pub deadline: Option<Duration>,
    /// `http.max_retry_after_secs`: the longest `Retry-After` obeyed; a longer one is
    /// waited this long, and said.
    pub max_retry_after: Duration,
    /// `http.max_total_mb`: what a walk over every termin page may read in all.
    pub max_total_bytes: usize,
}

/// What a request is for: each kind has its own overall deadline unless `http.deadline_secs`
/// sets one for all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKind {
    /// The day's task list (`GET api/DailyTask_DeskColl`): 300 s, a big list on a slow link.
    TaskList,
    /// One termin page: 60 s.
    TerminPage,
    /// A result (`POST api/CollectionInsert`): 60 s.
    Result,
    /// The termin login: 30 s.
    Login,
    /// The greeting of `api/CollectionInsert` (`doctor`): 30 s.
    Health,
}

impl RequestKind {
    pub fn default_deadline(self) -> Duration {
        Duration::from_secs(match self {
            RequestKind::TaskList => 300,
            RequestKind::TerminPage | RequestKind::Result => 60,
            RequestKind::Login | RequestKind::Health => 30,
        })
    }

    /// Its name in the config and in messages' keys.
    pub fn name(self) -> &'static str {
        match self {
            RequestKind::TaskList => "task-list",
            RequestKind::TerminPage => "termin-page",
            RequestKind::Result => "result",
            RequestKind::Login => "login",
            RequestKind::Health => "health",
        }
    }
}

/// The default `http.max_retry_after_secs`.
pub const DEFAULT_MAX_RETRY_AFTER_SECS: u64 = 120;
/// The default `http.max_total_mb`.
pub const DEFAULT_MAX_TOTAL_MB: usize = 512;

/// The default cap on a reply's body (`http.max_body_mb`).
pub const DEFAULT_MAX_BODY_MB: usize = 128;

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            // 100,000 real tasks take about 77 MB; room to spare, and no more.
            max_body_bytes: DEFAULT_MAX_BODY_MB * 1024 * 1024,
            deadline: None,
            max_retry_after: Duration::from_secs(DEFAULT_MAX_RETRY_AFTER_SECS),
            max_total_bytes: DEFAULT_MAX_TOTAL_MB * 1024 * 1024,
        }
    }
}

/// One client for every request of the process (connection pool, TLS sessions shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    collection: Option<CollectionEndpoint>,
    termin: Option<TerminEndpoint>,
    options: ClientOptions,
    /// The login token, shared by every clone; a lock held across the login so that many
    /// requests at once log in only once.
    token: std::sync::Arc<tokio::sync::Mutex<Option<super::token::Token>>>,
    /// The time a token's lifetime is judged by: the system's, or a test's.
    now: Now,
    /// Told each time a `Retry-After` is waited: the CLI says it on stderr, the
    /// workstation in its status line. Shared by every clone.
    on_wait: std::sync::Arc<std::sync::Mutex<Option<OnWait>>>,
}

/// A wait a server asked for (`Retry-After`), as asked and as waited (at most
/// `http.max_retry_after_secs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BusyWait {
    pub asked: Duration,
    pub waited: Duration,
}

pub type OnWait = std::sync::Arc<dyn Fn(BusyWait) + Send + Sync>;

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("collection", &self.collection)
            .field("termin", &self.termin)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A source of the current time, shared by every clone of a client.
pub type Now = std::sync::Arc<dyn Fn() -> chrono::DateTime<chrono::Utc> + Send + Sync>;

struct Reply {
    status: StatusCode,
    body: Vec<u8>,
    /// `Retry-After`, with a 429 or a 503, as asked.
    retry_after: Option<Duration>,
}

/// The longest `Retry-After` read at all (a day); what is obeyed is capped lower, by
/// `http.max_retry_after_secs`.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(86_400);

/// The pieces of a body, as a reader for a parser on a blocking thread: it waits for the next
/// piece; the end of the pieces is the end of the body.
struct PieceReader {
    pieces: tokio::sync::mpsc::Receiver<bytes::Bytes>,
    current: bytes::Bytes,
}

impl std::io::Read for PieceReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.pieces.blocking_recv() {
                Some(piece) => self.current = piece,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        let piece = self.current.split_to(n);
        buf[..n].copy_from_slice(&piece);
        Ok(n)
    }
}

/// `Retry-After` as seconds or as an HTTP date (judged against `now`), at most
/// `MAX_RETRY_AFTER`; a date already past is no wait.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    let wait = match value.parse::<u64>() {
        Ok(secs) => Duration::from_secs(secs),
        Err(_) => {
            let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
            (at.with_timezone(&chrono::Utc) - now)
                .to_std()
                .unwrap_or(Duration::ZERO)
        }
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

impl Reply {
    fn looks_like_html(&self) -> bool {
        let start = self.body.iter().position(|b| !b.is_ascii_whitespace());
        start.is_some_and(|i| self.body[i] == b'<')
    }
}

impl Client {
    pub fn new(
        collection: Option<CollectionEndpoint>,
        termin: Option<TerminEndpoint>,
        options: ClientOptions,
    ) -> Result<Client, ApiError> {
        let http = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            // A timeout between two reads, not on the whole answer: a big list on a slow link
            // keeps arriving for minutes, a server that stops answering is given up on.
            .read_timeout(options.timeout)
            .user_agent(concat!("deskcoll/", env!("CARGO_PKG_VERSION")))
            // Every request carries credentials (Basic auth, a bearer token, access keys, a
            // signed result): none is ever followed to another place. A 3xx is an error.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::Config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Client {
            http,
            collection,
            termin,
            options,
            token: Default::default(),
            now: std::sync::Arc::new(chrono::Utc::now),
            on_wait: Default::default(),
        })
    }

    /// The same client telling `on_wait` of every `Retry-After` it waits.
    pub fn with_on_wait(self, on_wait: impl Fn(BusyWait) + Send + Sync + 'static) -> Client {
        self.set_on_wait(on_wait);
        self
    }

    /// Tells `on_wait` of every `Retry-After` this client and its clones wait from now on.
    pub fn set_on_wait(&self, on_wait: impl Fn(BusyWait) + Send + Sync + 'static) {
        *self.on_wait.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(std::sync::Arc::new(on_wait));
    }

    /// The options in force.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The overall deadline of a request of this kind.
    pub fn deadline(&self, kind: RequestKind) -> Duration {
        self.options
            .deadline
            .unwrap_or_else(|| kind.default_deadline())
    }

    /// A wait the server asked for, capped by `http.max_retry_after_secs` and told.
    pub fn busy_wait(&self, asked: Duration) -> BusyWait {
        let w = BusyWait {
            asked,
            waited: asked.min(self.options.max_retry_after),
        };
        let told = self
            .on_wait
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(f) = told {
            f(w);
        }
        w
    }

    /// The same client judging token lifetimes by `now` (tests move time without sleeping).
    pub fn with_clock(
        mut self,
        now: impl Fn() -> chrono::DateTime<chrono::Utc> + Send + Sync + 'static,
    ) -> Client {
        self.now = std::sync::Arc::new(now);
        self
    }

    fn collection(&self) -> Result<&CollectionEndpoint, ApiError> {
        self.collection.as_ref().ok_or_else(|| {
            ApiError::Config(
                "no desk-collection server configured (set base_url or DESKCOLL_BASE_URL)".into(),
            )
        })
    }

    fn termin(&self) -> Result<&TerminEndpoint, ApiError> {
        self.termin.as_ref().ok_or_else(|| {
            ApiError::Config(
                "no termin server configured (set termin.url or DESKCOLL_TERMIN_URL)".into(),
            )
        })
    }

    /// Sends a request and reads the body, never more than the configured cap.
    async fn send(
        &self,
        req: RequestBuilder,
        url: &str,
        kind: RequestKind,
    ) -> Result<Reply, ApiError> {
        self.send_watched(req, url, kind, &|_, _| {}).await
    }

    /// `send_within`, given up past the kind's overall deadline (`http.deadline_secs`): a
    /// server that drips a byte at a time holds no command for ever.
    async fn send_watched(
        &self,
        req: RequestBuilder,
        url: &str,
        kind: RequestKind,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Reply, ApiError> {
        let deadline = self.deadline(kind);
        match tokio::time::timeout(deadline, self.send_within(req, url, watch)).await {
            Ok(reply) => reply,
            Err(_) => Err(ApiError::Deadline {
                host: host_of(url),
                secs: deadline.as_secs().max(1),
                kind,
            }),
        }
    }

    /// `send`, telling `watch` the bytes read so far (decoded) and the length the server
    /// announced, if any, after each piece.
    async fn send_within(
        &self,
        req: RequestBuilder,
        url: &str,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Reply, ApiError> {
        let (mut resp, retry_after) = self.open(req, url).await?;
        let status = resp.status();
        let body = self.read_rest(&mut resp, Vec::new(), url, watch).await?;
        Ok(Reply {
            status,
            body,
            retry_after,
        })
    }

    /// Sends a request and reads the answer's head: a redirect is refused, a body announced
    /// over the cap too; with it, the `Retry-After` asked (429 or 503).
    async fn open(
        &self,
        req: RequestBuilder,
        url: &str,
    ) -> Result<(Response, Option<Duration>), ApiError> {
        let host = host_of(url);
        let resp: Response = req
            .send()
            .await
            .map_err(|e| ApiError::from_reqwest(e, &host, self.options.timeout))?;
        let status = resp.status();
        if status.is_redirection() {
            let to = resp
                .headers()
                .get(reqwest::header::LOCATION)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return Err(ApiError::redirect(status.as_u16(), url, to.as_deref()));
        }
        let retry_after = matches!(
            status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
        )
        .then(|| resp.headers().get(reqwest::header::RETRY_AFTER))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, (self.now)()));
        // The cap applies to the body as read, after any decompression: reqwest hands the
        // chunks out decoded (and gives no length for an encoded body).
        let limit = self.options.max_body_bytes;
        if resp.content_length().is_some_and(|n| n as usize > limit) {
            return Err(ApiError::TooLarge { limit });
        }
        Ok((resp, retry_after))
    }

    /// The next piece of the body (decoded), `None` at its end; `received` counts the
    /// bytes so far, never past the cap, and `watch` is told after each piece.
    async fn next_piece(
        &self,
        resp: &mut Response,
        received: &mut u64,
        url: &str,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Option<bytes::Bytes>, ApiError> {
        let piece = resp
            .chunk()
            .await
            .map_err(|e| ApiError::from_reqwest(e, &host_of(url), self.options.timeout))?;
        let Some(piece) = piece else {
            return Ok(None);
        };
        let limit = self.options.max_body_bytes;
        if *received + piece.len() as u64 > limit as u64 {
            return Err(ApiError::TooLarge { limit });
        }
        *received += piece.len() as u64;
        watch(*received, resp.content_length());
        Ok(Some(piece))
    }

    /// The rest of a body after `body` (what was read of it already), never more than the cap.
    async fn read_rest(
        &self,
        resp: &mut Response,
        mut body: Vec<u8>,
        url: &str,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Vec<u8>, ApiError> {
        if body.is_empty() {
            body.reserve(resp.content_length().unwrap_or(0) as usize);
        }
        let mut received = body.len() as u64;
        while let Some(piece) = self.next_piece(resp, &mut received, url, watch).await? {
            body.extend_from_slice(&piece);
        }
        Ok(body)
    }

    /// The task list read as its body arrives: the pieces go to a parser on a blocking
    /// thread, which reads each entry as its bytes come, so the JSON body is never held
    /// whole. An error status or a page instead of JSON is read whole (capped) and said as
    /// `send` would. The caps, the timeout between reads and `watch` are those of `send`.
    async fn task_list_streamed(
        &self,
        req: RequestBuilder,
        url: &str,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<TaskList, ApiError> {
        let (mut resp, retry_after) = self.open(req, url).await?;
        let status = resp.status();
        let mut received = 0u64;
        // Up to the first byte that is not white space: it says whether this is JSON.
        let mut head: Vec<u8> = Vec::new();
        let first = loop {
            if let Some(b) = head.iter().find(|b| !b.is_ascii_whitespace()) {
                break Some(*b);
            }
            match self
                .next_piece(&mut resp, &mut received, url, watch)
                .await?
            {
                Some(piece) => head.extend_from_slice(&piece),
                None => break None,
            }
        };
        if !status.is_success() || first == Some(b'<') {
            let body = self.read_rest(&mut resp, head, url, watch).await?;
            let reply = Reply {
                status,
                body,
                retry_after,
            };
            Self::check_common(&reply, url)?;
            Self::not_json_guard(&reply)?;
            return Ok(parse_task_list_counted(&reply.body)?);
        }
        // A few pieces in flight at most: the parser keeps up, or the reading waits for it.
        let (tx, rx) = tokio::sync::mpsc::channel::<bytes::Bytes>(8);
        let parser = tokio::task::spawn_blocking(move || {
            parse_task_list_from_reader(PieceReader {
                pieces: rx,
                current: bytes::Bytes::new(),
            })
        });
        let fed: Result<(), ApiError> = async {
            if tx.send(bytes::Bytes::from(head)).await.is_err() {
                return Ok(());
            }
            while let Some(piece) = self
                .next_piece(&mut resp, &mut received, url, watch)
                .await?
            {
                if tx.send(piece).await.is_err() {
                    // The parser stopped early: its error says why.
                    break;
                }
            }
            Ok(())
        }
        .await;
        // The end of the pieces is the end of the body for the parser; after an error (or
        // when the deadline drops all this) it reads a cut body and its answer is not used.
        drop(tx);
        fed?;
        let list = parser.await.map_err(|e| {
            ApiError::Other(format!("reading the task list stopped unexpectedly: {e}"))
        })??;
        Ok(list)
    }

    /// Maps the statuses both services answer alike; `Ok` for a 2xx.
    fn check_common(reply: &Reply, url: &str) -> Result<(), ApiError> {
        match reply.status {
            s if s.is_success() => Ok(()),
            StatusCode::UNAUTHORIZED => Err(ApiError::Unauthorized),
            StatusCode::FORBIDDEN => Err(ApiError::Forbidden {
                excerpt: excerpt(&reply.body),
            }),
            StatusCode::NOT_FOUND => Err(ApiError::NotFound {
                url: crate::domain::text::redact_url(url),
            }),
            s => Err(ApiError::Status {
                status: s.as_u16(),
                excerpt: excerpt(&reply.body),
                retry_after: reply.retry_after,
            }),
        }
    }

    fn not_json_guard(reply: &Reply) -> Result<(), ApiError> {
        if reply.looks_like_html() {
            return Err(ApiError::NotJson {
                status: reply.status.as_u16(),
                excerpt: excerpt(&reply.body),
            });
        }
        Ok(())
    }

    /// The day's task list.
    pub async fn tasks(&self) -> Result<Vec<Task>, ApiError> {
        self.tasks_watched(&|_, _| {}).await
    }

    /// The day's task list, telling `watch` how many bytes have arrived (and of how many,
    /// when the server says) as they come.
    pub async fn tasks_watched(
        &self,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Vec<Task>, ApiError> {
        Ok(self.task_list_watched(watch).await?.tasks)
    }

    /// The day's task list with a count of the entries that were not tasks (skipped).
    pub async fn task_list(&self) -> Result<TaskList, ApiError> {
        self.task_list_watched(&|_, _| {}).await
    }

    /// `task_list`, telling `watch` how many bytes have arrived as they come.
    pub async fn task_list_watched(
        &self,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<TaskList, ApiError> {
        let ep = self.collection()?;
        let mut req = self.http.get(&ep.tasks_url);
        if let Some(a) = &ep.auth {
            req = req.basic_auth(&a.user, Some(a.password.expose()));
        }
        let kind = RequestKind::TaskList;
        let deadline = self.deadline(kind);
        let read = self.task_list_streamed(req, &ep.tasks_url, watch);
        let list = match tokio::time::timeout(deadline, read).await {
            Ok(list) => list?,
            Err(_) => {
                return Err(ApiError::Deadline {
                    host: host_of(&ep.tasks_url),
                    secs: deadline.as_secs().max(1),
                    kind,
                });
            }
        };
        if list.not_tasks > 0 {
            tracing::warn!(
                not_tasks = list.not_tasks,
                tasks = list.tasks.len(),
                "entries of the task list were not tasks: skipped"
            );
        }
        Ok(list)
    }

    /// The exact JSON body `submit` posts for `result` (signed with the configured hash key;
    /// unsigned when there is none, as `submit` would refuse it): receipts hash it.
    pub fn request_body(&self, result: &CollectionResult) -> Vec<u8> {
        let key = self
            .collection()
            .map(|ep| ep.hash_key.expose().to_string())
            .unwrap_or_default();
        // As reqwest's `.json` writes it.
        serde_json::to_vec(&result.to_request(&key)).unwrap_or_default()
    }

    /// Signs and posts a result. `Ok` only for code `00`; any other code is `Refused` (or
    /// `InvalidToken` for 91), with the server's own words.
    pub async fn submit(&self, result: &CollectionResult) -> Result<CollectionResponse, ApiError> {
        let ep = self.collection()?;
        if ep.hash_key.is_empty() {
            return Err(ApiError::Config(
                "no hash key configured to sign results (collection.hash_key or DESKCOLL_HASH_KEY)"
                    .into(),
            ));
        }
        let body = result.to_request(ep.hash_key.expose());
        let mut req = self.http.post(&ep.result_url).json(&body);
        if let Some(a) = &ep.auth {
            req = req.basic_auth(&a.user, Some(a.password.expose()));
        }
        let reply = self.send(req, &ep.result_url, RequestKind::Result).await?;
        // The server answers codes in a JSON body with 200 or 403; read it whenever it is there.
        let answer = serde_json::from_slice::<CollectionResponse>(&reply.body)
            .ok()
            .filter(|r| !r.respon_code.trim().is_empty());
        match (reply.status, answer) {
            (s, Some(r)) if s.is_success() && r.is_ok() => Ok(CollectionResponse {
                respon_code: clean(r.respon_code),
                respon_mess: clean(r.respon_mess),
            }),
            (_, Some(r)) if r.respon_code.trim() == CollectionResponse::INVALID_TOKEN => {
                Err(ApiError::invalid_token(r.respon_code, r.respon_mess))
            }
            (s, Some(r))
                if s.is_success() || s.is_client_error() && s != StatusCode::UNAUTHORIZED =>
            {
                Err(ApiError::refused(r.respon_code, r.respon_mess))
            }
            _ => {
                Self::check_common(&reply, &ep.result_url)?;
                Self::not_json_guard(&reply)?;
                // A 2xx without a code: say what came instead.
                serde_json::from_slice::<CollectionResponse>(&reply.body)
                    .map_err(crate::domain::WireError::from)?;
                Err(ApiError::Refused {
                    code: "(none)".into(),
                    message: format!(
                        "the server answered without a result code{}",
                        excerpt(&reply.body)
                    ),
                })
            }
        }
    }

    /// `GET api/CollectionInsert`: the server's greeting, as a health check.
    pub async fn health(&self) -> Result<String, ApiError> {
        let ep = self.collection()?;
        let reply = self
            .send(
                self.http.get(&ep.result_url),
                &ep.result_url,
                RequestKind::Health,
            )
            .await?;
        Self::check_common(&reply, &ep.result_url)?;
        Ok(clean(
            serde_json::from_slice::<String>(&reply.body)
                .unwrap_or_else(|_| String::from_utf8_lossy(&reply.body).into_owned()),
        ))
    }

    /// A valid login token, logging in when there is none, it expired, or `renew`.
    async fn login_token(&self, login: &LoginAuth, renew: bool) -> Result<Secret, ApiError> {
        let mut cached = self.token.lock().await;
        if !renew && let Some(t) = cached.as_ref().filter(|t| t.is_fresh((self.now)())) {
            return Ok(t.value.clone());
        }
        let body = serde_json::json!({
            "access_key": login.access_key.expose(),
            "access_secret": login.access_secret.expose(),
        });
        let mut req = self.http.post(&login.login_url).json(&body);
        if let Some(b) = &login.basic {
            req = req.basic_auth(&b.user, Some(b.password.expose()));
        }
        let reply = self.send(req, &login.login_url, RequestKind::Login).await?;
        Self::check_common(&reply, &login.login_url)?;
        Self::not_json_guard(&reply)?;
        let token =
            super::token::Token::from_login_reply(&reply.body, (self.now)()).ok_or_else(|| {
                ApiError::Refused {
                    code: "login".into(),
                    message: format!("the login answered without a token{}", excerpt(&reply.body)),
                }
            })?;
        let value = token.value.clone();
        *cached = Some(token);
        Ok(value)
    }

    async fn termin_request(
        &self,
        ep: &TerminEndpoint,
        page: i64,
        limit: i64,
        renew: bool,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<Reply, ApiError> {
        let req = self
            .http
            .get(&ep.url)
            .query(&[("page", page), ("limit", limit)]);
        let req = match &ep.auth {
            TerminAuth::None => req,
            TerminAuth::Basic(a) => req.basic_auth(&a.user, Some(a.password.expose())),
            TerminAuth::Bearer(t) => req.bearer_auth(t.expose()),
            TerminAuth::Login(login) => {
                req.bearer_auth(self.login_token(login, renew).await?.expose())
            }
        };
        self.send_watched(req, &ep.url, RequestKind::TerminPage, watch)
            .await
    }

    /// One page of termin transactions. The provider's 404 "not found" is an empty page.
    pub async fn termin_page(&self, page: i64, limit: i64) -> Result<TerminPage, ApiError> {
        self.termin_page_watched(page, limit, &|_, _| {}).await
    }

    /// `termin_page`, telling `watch` how many bytes have arrived as they come.
    pub async fn termin_page_watched(
        &self,
        page: i64,
        limit: i64,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<TerminPage, ApiError> {
        Ok(self.termin_page_sized(page, limit, watch).await?.0)
    }

    /// One termin page with the bytes its body took.
    pub async fn termin_page_with_size(
        &self,
        page: i64,
        limit: i64,
    ) -> Result<(TerminPage, usize), ApiError> {
        self.termin_page_sized(page, limit, &|_, _| {}).await
    }

    /// `termin_page_watched`, with the bytes the page's body took.
    async fn termin_page_sized(
        &self,
        page: i64,
        limit: i64,
        watch: &(dyn Fn(u64, Option<u64>) + Sync),
    ) -> Result<(TerminPage, usize), ApiError> {
        let ep = self.termin()?;
        let mut reply = self.termin_request(ep, page, limit, false, watch).await?;
        if reply.status == StatusCode::UNAUTHORIZED && matches!(ep.auth, TerminAuth::Login(_)) {
            // The token was revoked or expired early: log in again, once.
            reply = self.termin_request(ep, page, limit, true, watch).await?;
        }
        if reply.status == StatusCode::NOT_FOUND
            && let Ok(e) = serde_json::from_slice::<TerminErrorBody>(&reply.body)
            && (e.message.to_ascii_lowercase().contains("not found")
                || e.message == NOT_FOUND_MESSAGE)
        {
            return Ok((TerminPage::empty(page, limit), reply.body.len()));
        }
        if !reply.status.is_success()
            && let Ok(e) = serde_json::from_slice::<TerminErrorBody>(&reply.body)
            && reply.status.is_server_error()
            && !e.message.is_empty()
        {
            return Err(ApiError::Status {
                status: reply.status.as_u16(),
                excerpt: format!(": {}", sanitize(&e.message)),
                retry_after: reply.retry_after,
            });
        }
        Self::check_common(&reply, &ep.url)?;
        Self::not_json_guard(&reply)?;
        let parsed = TerminPage::parse(&reply.body)?;
        if parsed.status.eq_ignore_ascii_case("error") {
            return Err(ApiError::refused("error".into(), parsed.message));
        }
        Ok((parsed, reply.body.len()))
    }

    /// One termin page and its size; a 429 or 503 that says when to come back
    /// (`Retry-After`) is asked again after that wait (at most `http.max_retry_after_secs`,
    /// and told), up to `BUSY_RETRIES` times.
    async fn termin_page_patiently(
        &self,
        page: i64,
        limit: i64,
    ) -> Result<(TerminPage, usize), ApiError> {
        let mut tries = 0;
        loop {
            match self.termin_page_sized(page, limit, &|_, _| {}).await {
                Err(ApiError::Status {
                    status: 429 | 503,
                    retry_after: Some(wait),
                    ..
                }) if tries < BUSY_RETRIES => {
                    tries += 1;
                    let w = self.busy_wait(wait);
                    tracing::info!(
                        page,
                        asked = w.asked.as_secs_f64(),
                        secs = w.waited.as_secs_f64(),
                        "termin server busy: waiting as it asked (at most http.max_retry_after_secs)"
                    );
                    tokio::time::sleep(w.waited).await;
                }
                other => return other,
            }
        }
    }

    /// Every page, `limit` at a time, at most `concurrency` requests at once, in page order;
    /// `on_page(page_number, total_pages, transactions_so_far)` after each. Returning `false`
    /// from it stops the walk (cancel).
    pub async fn termin_all(
        &self,
        limit: i64,
        concurrency: usize,
        mut on_page: impl FnMut(i64, i64, usize) -> bool,
    ) -> Result<Vec<crate::domain::Transaction>, ApiError> {
        use futures_util::StreamExt;
        let (first, mut read) = self.termin_page_patiently(1, limit).await?;
        let cap = self.options.max_total_bytes;
        let meta = first.meta();
        // The page count, else worked out from the total; with neither, walk until a page
        // comes back empty.
        let known = meta
            .total_page
            .filter(|n| *n > 0)
            .or_else(|| meta.total_data.map(|d| (d + limit - 1) / limit.max(1)));
        let total_pages = known.unwrap_or(MAX_PAGES).clamp(1, MAX_PAGES);
        let mut all: Vec<crate::domain::Transaction> =
            first.data.map(|d| d.transactions).unwrap_or_default();
        if !on_page(1, known.unwrap_or(0), all.len()) || all.is_empty() {
            return Ok(all);
        }
        let concurrency = if known.is_some() {
            concurrency.max(1)
        } else {
            1
        };
        let mut pages = futures_util::stream::iter(2..=total_pages)
            .map(|p| async move { (p, self.termin_page_patiently(p, limit).await) })
            .buffered(concurrency);
        while let Some((p, page)) = pages.next().await {
            let (page, size) = page?;
            // What the walk keeps grows with what it reads: past the cap it stops, whatever
            // the server says of its page count.
            read = read.saturating_add(size);
            if read > cap {
                return Err(ApiError::TotalTooLarge {
                    limit: cap,
                    pages: p,
                });
            }
            if let Some(answered) = page.meta().page.filter(|n| *n != p) {
                // A server that ignores `page` would hand back page 1 again and again.
                return Err(ApiError::Other(format!(
                    "asked for termin page {p}, the server answered page {answered}: it does not page"
                )));
            }
            let rows = page.data.map(|d| d.transactions).unwrap_or_default();
            if rows.is_empty() {
                break;
            }
            all.extend(rows);
            if !on_page(p, known.unwrap_or(0), all.len()) {
                break;
            }
        }
        Ok(all)
    }
}

/// How many times one termin page is asked again after a 429 or 503 with `Retry-After`.
const BUSY_RETRIES: u32 = 5;

/// A bound on a walk over pages whose count the server does not say.
const MAX_PAGES: i64 = 100_000;

fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_string(),
            })
        })
        .unwrap_or_else(|| url.to_string())
}
