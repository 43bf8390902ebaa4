use super::aspnet;
use super::book::{Contract, LoanBook, churn_termin, generate_termin};
use super::ledger::{self, Answer, Call, Failure, Master, ReceivedResult};
use super::state::State as StateFile;
use super::{SEED_HASH_KEY, SEED_PASSWORD, SEED_USER, TERMIN_PATH};
use crate::domain::codes::MasterData;
use crate::domain::result::sign;
use crate::domain::task::write_task_list;
use crate::domain::termin::{Meta, NOT_FOUND_MESSAGE, TerminData};
use crate::domain::{TerminPage, Transaction, dates};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use chrono::{Duration, Local, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct TwinOptions {
    pub addr: SocketAddr,
    pub user: String,
    pub password: String,
    pub hash_key: String,
    /// Accept requests without Basic auth (a deployment with the filter off).
    pub no_auth: bool,
    pub seed: u64,
    pub contracts: usize,
    /// Accounts in today's queue; `None` for a third of the book.
    pub tasks: Option<usize>,
    pub transactions: usize,
    /// Bearer token the termin route accepts besides Basic auth.
    pub termin_token: Option<String>,
    /// What the provider's login takes (with Basic auth) for a token.
    pub access_key: String,
    pub access_secret: String,
    /// How long a login token lives.
    pub token_ttl_secs: u64,
    /// The lifetime the login reply claims, when it should differ (a server that revokes
    /// tokens early, for tests of renewal on 401).
    pub advertised_ttl_secs: Option<u64>,
    pub latency_ms: u64,
    /// The most each answer may travel at, in kilobits a second (a branch office's link);
    /// `None` for as fast as the machine goes.
    pub bandwidth_kbps: Option<u64>,
    /// Share of requests answered with HTTP 500.
    pub fail_rate: f64,
    /// Share of requests whose connection is closed without an answer (after processing).
    pub drop_rate: f64,
    /// Share of task-list requests answered `{"data":null}` with 200 (the real server's
    /// answer when its task query fails).
    pub data_null_rate: f64,
    /// Share of stored results answered with code 90 all the same (the real procedure's
    /// statements after the insert failing: the row stays).
    pub stored_refusal_rate: f64,
    /// Share of task-list and result requests that meet an exception the controllers do not
    /// catch (the connection pool's timeout is no `SqlException`): ASP.NET's JSON 500, with
    /// nothing stored.
    pub exception_rate: f64,
    /// Share of termin transactions moved one status (or step) on before each first page
    /// asked (a new look): what changes between two looks.
    pub termin_churn: f64,
    /// Keep stored results, the clock offset and the termin book's PO numbers in this SQLite
    /// file across restarts.
    pub state: Option<PathBuf>,
    /// A fixed clock for the twin (tests, planning); `None` for the machine's local time.
    pub now: Option<NaiveDateTime>,
    /// Answer `/__twin/*` to clients not on this machine too (always with Basic auth).
    pub expose_inspect: bool,
}

impl Default for TwinOptions {
    fn default() -> Self {
        TwinOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            user: SEED_USER.into(),
            password: SEED_PASSWORD.into(),
            hash_key: SEED_HASH_KEY.into(),
            no_auth: false,
            seed: 1,
            contracts: 300,
            tasks: None,
            transactions: 57,
            termin_token: None,
            access_key: super::SEED_ACCESS_KEY.into(),
            access_secret: super::SEED_ACCESS_SECRET.into(),
            token_ttl_secs: 24 * 3600,
            advertised_ttl_secs: None,
            latency_ms: 0,
            bandwidth_kbps: None,
            fail_rate: 0.0,
            drop_rate: 0.0,
            data_null_rate: 0.0,
            stored_refusal_rate: 0.0,
            exception_rate: 0.0,
            termin_churn: 0.0,
            state: None,
            now: None,
            expose_inspect: false,
        }
    }
}

struct Books {
    contracts: Vec<Contract>,
    by_account: HashMap<String, usize>,
    /// `account_collection` by account: generated history and stored results.
    calls: HashMap<String, Vec<Call>>,
    received: Vec<ReceivedResult>,
    next_id: i64,
    state: Option<StateFile>,
    termin: Vec<Transaction>,
    /// Looks at the termin book so far that moved it (`termin_churn`).
    termin_looks: u64,
}

impl Books {
    /// `select name from ls_agreement where lsagree = @p_account_no`.
    fn name_of(&self, account: &str) -> Option<String> {
        self.by_account
            .get(account.trim_end_matches(' '))
            .map(|&i| self.contracts[i].task.name.to_string())
    }
}

/// The twin's time: stopped (`--now`, tests) or the machine's clock plus an offset (kept in
/// the state file, so that a restart goes on from the twin's own day).
#[derive(Debug, Clone, Copy)]
enum TwinClock {
    Fixed(NaiveDateTime),
    Offset(Duration),
}

impl TwinClock {
    fn now(self) -> NaiveDateTime {
        match self {
            TwinClock::Fixed(t) => t,
            TwinClock::Offset(d) => Local::now().naive_local() + d,
        }
    }

    fn offset_secs(self) -> i64 {
        (self.now() - Local::now().naive_local()).num_seconds()
    }
}

struct Twin {
    opts: TwinOptions,
    clock: TwinClock,
    master: Master,
    books: Mutex<Books>,
    faults: Mutex<ChaCha8Rng>,
    /// Login tokens issued and when each dies.
    tokens: Mutex<HashMap<String, std::time::Instant>>,
    logins: std::sync::atomic::AtomicUsize,
}

impl Twin {
    fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    fn roll(&self, rate: f64) -> bool {
        rate > 0.0
            && self
                .faults
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .random::<f64>()
                < rate
    }
}

/// A running twin; stops when dropped.
pub struct RunningTwin {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    handle: JoinHandle<()>,
}

impl RunningTwin {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn termin_url(&self) -> String {
        format!("http://{}{TERMIN_PATH}", self.addr)
    }

    /// Serves until the process ends.
    pub async fn wait(mut self) {
        let _keep = self.shutdown.take();
        let _ = (&mut self.handle).await;
    }
}

impl Drop for RunningTwin {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.handle.abort();
    }
}

/// Per-connection switch the fault layer pulls to close the socket without answering.
#[derive(Clone)]
struct ConnectionKiller(Arc<Notify>);

pub async fn start(opts: TwinOptions) -> std::io::Result<RunningTwin> {
    let listener = TcpListener::bind(opts.addr).await?;
    let addr = listener.local_addr()?;
    let state = opts.state.as_deref().map(StateFile::open).transpose()?;
    let clock = match (opts.now, &state) {
        (Some(t), _) => TwinClock::Fixed(t),
        (None, Some(s)) => TwinClock::Offset(Duration::seconds(s.clock_offset()?.unwrap_or(0))),
        (None, None) => TwinClock::Offset(Duration::zero()),
    };
    if let Some(s) = &state {
        s.save_clock_offset(clock.offset_secs())?;
    }
    let now = clock.now();
    let today = now.date();
    let codes = MasterData::builtin();
    let master = Master::from_codes(&codes);
    let tasks = opts
        .tasks
        .unwrap_or(opts.contracts / 3)
        .min(opts.contracts.max(3));
    let book = LoanBook::generate(opts.seed, opts.contracts, tasks, today);
    let mut calls: HashMap<String, Vec<Call>> = HashMap::new();
    for p in book.prior_calls {
        calls.entry(p.account_no).or_default().push(Call {
            at: p.at,
            action_id: master.action_id(&p.action_code),
            promise: p.promise_date,
            is_promise_call: false,
            entry: None,
        });
    }
    let received = match &state {
        Some(s) => s.load()?,
        None => Vec::new(),
    };
    for (i, r) in received.iter().enumerate() {
        if let Some(c) = Call::of(&r.stored, i) {
            calls
                .entry(r.stored.account_no.trim_end_matches(' ').to_string())
                .or_default()
                .push(c);
        }
    }
    let next_id = received.iter().map(|r| r.stored.id).max().unwrap_or(0) + 1;
    // The termin book is generated from the time of the first start, so that a restart with
    // the same state keeps its PO numbers, and moved again as often as it was.
    let termin_epoch = match &state {
        Some(s) => match s.termin_epoch()? {
            Some(at) => at,
            None => {
                s.save_termin_epoch(now)?;
                now
            }
        },
        None => now,
    };
    let mut termin = generate_termin(opts.seed, opts.transactions, termin_epoch);
    let termin_looks = match &state {
        Some(s) => s.termin_looks()?,
        None => 0,
    };
    for look in 1..=termin_looks {
        churn_termin(&mut termin, opts.seed, look, opts.termin_churn, now);
    }
    let by_account = book
        .contracts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.task.contract_no.to_string(), i))
        .collect();
    let twin = Arc::new(Twin {
        clock,
        master,
        books: Mutex::new(Books {
            contracts: book.contracts,
            by_account,
            calls,
            received,
            next_id,
            state,
            termin,
            termin_looks,
        }),
        faults: Mutex::new(ChaCha8Rng::seed_from_u64(opts.seed ^ 0xfa17)),
        tokens: Mutex::new(HashMap::new()),
        logins: Default::default(),
        opts,
    });
    let router = router(twin);
    let (tx, mut rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        loop {
            let (stream, peer) = tokio::select! {
                _ = &mut rx => break,
                accepted = listener.accept() => match accepted {
                    Ok(s) => s,
                    Err(_) => continue,
                },
            };
            let _ = stream.set_nodelay(true);
            let router = router.clone();
            tokio::spawn(serve_connection(stream, peer, router));
        }
    });
    Ok(RunningTwin {
        addr,
        shutdown: Some(tx),
        handle,
    })
}

/// The address of the client on a connection.
#[derive(Clone, Copy)]
struct Peer(SocketAddr);

async fn serve_connection(stream: tokio::net::TcpStream, peer: SocketAddr, router: Router) {
    use tower::ServiceExt;
    let killer = ConnectionKiller(Arc::new(Notify::new()));
    let k = killer.clone();
    let service =
        hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(k.clone());
            req.extensions_mut().insert(Peer(peer));
            // ASP.NET routes ignore case and a trailing slash.
            if let Some(path) = aspnet::canonical_path(req.uri().path()) {
                let mut parts = req.uri().clone().into_parts();
                let query = req
                    .uri()
                    .query()
                    .map(|q| format!("?{q}"))
                    .unwrap_or_default();
                parts.path_and_query = format!("{path}{query}").parse().ok();
                if let Ok(uri) = axum::http::Uri::from_parts(parts) {
                    *req.uri_mut() = uri;
                }
            }
            router.clone().oneshot(req.map(Body::new))
        });
    let conn = hyper::server::conn::http1::Builder::new()
        .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    tokio::select! {
        _ = conn => {}
        // Dropping the connection closes the socket with no response written.
        _ = killer.0.notified() => {}
    }
}

fn router(twin: Arc<Twin>) -> Router {
    let api = Router::new()
        .route(
            "/api/DailyTask_DeskColl",
            get(get_tasks).fallback(method_not_allowed),
        )
        .route(
            "/api/CollectionInsert",
            get(health).post(post_result).fallback(method_not_allowed),
        )
        .route(TERMIN_PATH, get(get_termin))
        .route(super::LOGIN_PATH, axum::routing::post(login))
        .layer(middleware::from_fn_with_state(twin.clone(), faults))
        // gzip or br when the client asks (`Accept-Encoding`), as IIS does with dynamic
        // compression on; the faults above act on the answer before it is compressed. The
        // fastest level: on loopback the twin's own compressing is most of a read's time.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .gzip(true)
                .br(true)
                .quality(tower_http::CompressionLevel::Fastest),
        )
        // Outermost: what is slowed down is what travels, compressed or not.
        .layer(middleware::from_fn_with_state(twin.clone(), throttle));
    let inspect = Router::new()
        .route("/__twin/collections", get(list_collections))
        .route("/__twin/stats", get(stats))
        .route("/__twin/expire-tokens", axum::routing::post(expire_tokens))
        .layer(middleware::from_fn_with_state(twin.clone(), inspect_guard));
    Router::new()
        .merge(inspect)
        .merge(api)
        .fallback(not_found)
        .with_state(twin)
}

/// Web API's answer for a method the controller has no action for.
async fn method_not_allowed(method: axum::http::Method) -> Response {
    json_response(
        StatusCode::METHOD_NOT_ALLOWED,
        aspnet::method_not_allowed_body(method.as_str()),
    )
}

/// Web API's answer for `api/{controller}` naming no controller; IIS's page elsewhere.
async fn not_found(headers: HeaderMap, uri: axum::http::Uri) -> Response {
    let path = uri.path();
    let lower = path.to_ascii_lowercase();
    if lower.starts_with("/api/") {
        let controller = path["/api/".len()..].split('/').next().unwrap_or("");
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        return json_response(
            StatusCode::NOT_FOUND,
            aspnet::not_found_body(&format!("http://{host}{uri}"), controller),
        );
    }
    html_error(StatusCode::NOT_FOUND, "The resource cannot be found.")
}

/// `/__twin/*` hands out every received `hashing` value: only with the twin's Basic auth
/// (also under `--no-auth`), and only to this machine unless `expose_inspect`.
async fn inspect_guard(State(twin): State<Arc<Twin>>, req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<Peer>().map(|p| p.0.ip());
    if !twin.opts.expose_inspect && !peer.is_some_and(|ip| ip.is_loopback()) {
        return json_response(
            StatusCode::FORBIDDEN,
            br#"{"Message":"the twin's inspection routes answer this machine only (serve --expose-inspect)"}"#
                .to_vec(),
        );
    }
    if !basic_ok(req.headers(), &twin.opts.user, &twin.opts.password) {
        return unauthorized();
    }
    next.run(req).await
}

// ---- fault injection ----------------------------------------------------------------------

async fn faults(State(twin): State<Arc<Twin>>, req: Request, next: Next) -> Response {
    if twin.opts.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(twin.opts.latency_ms)).await;
    }
    let roll: f64 = twin
        .faults
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .random();
    if roll < twin.opts.fail_rate {
        return html_error(StatusCode::INTERNAL_SERVER_ERROR, "Runtime Error");
    }
    if roll < twin.opts.fail_rate + twin.opts.drop_rate {
        let killer = req.extensions().get::<ConnectionKiller>().cloned();
        // The lost-response case: the request is processed, then the answer never comes.
        let _ = next.run(req).await;
        if let Some(k) = killer {
            k.0.notify_one();
        }
        return std::future::pending::<Response>().await;
    }
    next.run(req).await
}

/// Lets each answer out no faster than `bandwidth_kbps`: its bytes in slices of a twentieth
/// of a second's worth, each after the time it takes on such a link.
async fn throttle(State(twin): State<Arc<Twin>>, req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let Some(kbps) = twin.opts.bandwidth_kbps.filter(|k| *k > 0) else {
        return response;
    };
    use futures_util::StreamExt;
    let bytes_per_sec = kbps * 1000 / 8;
    let slice = (bytes_per_sec / 20).max(1) as usize;
    let (parts, body) = response.into_parts();
    let slices = body.into_data_stream().flat_map(move |chunk| {
        let pieces: Vec<Result<Bytes, axum::Error>> = match chunk {
            Ok(bytes) => (0..bytes.len())
                .step_by(slice)
                .map(|at| Ok(bytes.slice(at..(at + slice).min(bytes.len()))))
                .collect(),
            Err(e) => vec![Err(e)],
        };
        futures_util::stream::iter(pieces)
    });
    let paced = slices.then(move |piece| async move {
        if let Ok(bytes) = &piece {
            let micros = bytes.len() as u64 * 1_000_000 / bytes_per_sec;
            tokio::time::sleep(std::time::Duration::from_micros(micros)).await;
        }
        piece
    });
    Response::from_parts(parts, Body::from_stream(paced))
}

fn html_error(status: StatusCode, title: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html>\r\n<html><head><title>{title}</title></head><body><h1>Server Error in '/' Application.</h1><h2><i>{title}</i></h2></body></html>"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

// ---- desk collection ------------------------------------------------------------------------

fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}

fn basic_ok(headers: &HeaderMap, user: &str, password: &str) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some(encoded) = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))
    else {
        return false;
    };
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return false;
    };
    let expected = format!("{user}:{password}");
    decoded == expected.as_bytes()
}

/// The answer of the source's Basic-auth filter: 401, no body, its own challenge.
fn unauthorized() -> Response {
    let mut r = StatusCode::UNAUTHORIZED.into_response();
    r.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic Scheme='Data' location = 'http://localhost:"),
    );
    r
}

fn authorized(twin: &Twin, headers: &HeaderMap) -> bool {
    twin.opts.no_auth || basic_ok(headers, &twin.opts.user, &twin.opts.password)
}

async fn get_tasks(State(twin): State<Arc<Twin>>, headers: HeaderMap) -> Response {
    if !authorized(&twin, &headers) {
        return unauthorized();
    }
    // The controller's catch of a SqlException leaves `data` null, answered with 200.
    if twin.roll(twin.opts.exception_rate) {
        return server_error();
    }
    if twin.roll(twin.opts.data_null_rate) {
        return json_response(StatusCode::OK, br#"{"data":null}"#.to_vec());
    }
    let now = twin.now();
    let today = now.date();
    let tasks: Vec<_> = {
        let books = twin
            .books
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        books
            .contracts
            .iter()
            .filter(|c| {
                ledger::in_queue(
                    c.overdue_days(today),
                    books
                        .calls
                        .get(c.task.contract_no.as_str())
                        .map_or(&[], Vec::as_slice),
                    now,
                    &twin.master,
                )
            })
            .map(|c| c.task_on(today))
            .collect()
    };
    json_response(StatusCode::OK, write_task_list(&tasks))
}

async fn health() -> Response {
    json_response(StatusCode::OK, br#""Welcome To Web API MNC GUI""#.to_vec())
}

fn respond(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "respon_code": code, "respon_mess": message });
    json_response(status, body.to_string().into_bytes())
}

/// ASP.NET's 500 for an exception the controller does not catch.
fn server_error() -> Response {
    json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        aspnet::ERROR_BODY.to_vec(),
    )
}

/// `POST api/CollectionInsert`, in the real server's order: the binder, the hash, the
/// procedure (see `docs/twin-conformance.md`).
async fn post_result(State(twin): State<Arc<Twin>>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&twin, &headers) {
        return unauthorized();
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if let Err(media) = aspnet::media_type(content_type) {
        return json_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            aspnet::unsupported_media_body(&media),
        );
    }
    let Some(param) = aspnet::bind(&body) else {
        return server_error();
    };
    // C#'s `null + key` is the key alone.
    let account = param.account_no.clone().unwrap_or_default();
    let signed = param
        .hashing
        .as_deref()
        .is_some_and(|h| h.eq_ignore_ascii_case(&sign(&account, &twin.opts.hash_key)));
    if !signed {
        return respond(StatusCode::FORBIDDEN, "91", "Invalid Token");
    }
    if twin.roll(twin.opts.exception_rate) {
        return server_error();
    }
    let refusal = format!("ERROR: Account No {account} does not exist");
    let now = twin.now();
    let mut books = twin
        .books
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let id = books.next_id;
    let stored = match ledger::insert(&param, now, &twin.master, id, |a| books.name_of(a)) {
        Ok(s) => s,
        Err(Failure::Unhandled) => return server_error(),
        Err(Failure::Sql) => return respond(StatusCode::OK, "90", &refusal),
    };
    books.next_id += 1;
    let answer = if twin.roll(twin.opts.stored_refusal_rate) {
        Answer {
            status: 200,
            respon_code: "90".into(),
            respon_mess: refusal.clone(),
        }
    } else {
        Answer {
            status: 200,
            respon_code: "00".into(),
            respon_mess: format!("Sukses Memasukan Data Dengan Account No : {account}"),
        }
    };
    let key = stored.account_no.trim_end_matches(' ').to_string();
    let index = books.received.len();
    let ptp = twin.master.action_id("PTP");
    // Earlier open PTPs of the account are marked followed up (IS_PROMISE_CALL = 1).
    let followed: Vec<usize> = books
        .calls
        .entry(key.clone())
        .or_default()
        .iter_mut()
        .filter(|c| c.action_id.is_some() && c.action_id == ptp && !c.is_promise_call)
        .filter_map(|c| {
            c.is_promise_call = true;
            c.entry
        })
        .collect();
    let entry = ReceivedResult {
        received_at: dates::wire(now),
        body: serde_json::from_slice(&body).unwrap_or_default(),
        stored,
        answer: answer.clone(),
    };
    if let Some(c) = Call::of(&entry.stored, index) {
        books.calls.entry(key).or_default().push(c);
    }
    books.received.push(entry);
    for &i in &followed {
        books.received[i].stored.is_promise_call = true;
    }
    if let Some(state) = &books.state {
        let saved = std::iter::once(index)
            .chain(followed)
            .try_for_each(|i| state.save(&books.received[i]));
        if let Err(e) = saved {
            // A database error is a SqlException to the real controller.
            tracing::warn!("{e}");
            return respond(StatusCode::OK, "90", &refusal);
        }
    }
    respond(StatusCode::OK, &answer.respon_code, &answer.respon_mess)
}

async fn list_collections(State(twin): State<Arc<Twin>>) -> Response {
    let books = twin
        .books
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    json_response(
        StatusCode::OK,
        serde_json::to_vec(&books.received).unwrap_or_default(),
    )
}

// ---- termin ---------------------------------------------------------------------------------

#[derive(Deserialize)]
struct PageQuery {
    page: Option<String>,
    limit: Option<String>,
}

fn termin_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "status": "error", "message": message });
    json_response(status, body.to_string().into_bytes())
}

async fn get_termin(
    State(twin): State<Arc<Twin>>,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Response {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let bearer_ok = bearer.is_some_and(|given| {
        twin.opts.termin_token.as_deref() == Some(given)
            || twin
                .tokens
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(given)
                .is_some_and(|dies| *dies > std::time::Instant::now())
    });
    if !(twin.opts.no_auth || bearer_ok || basic_ok(&headers, &twin.opts.user, &twin.opts.password))
    {
        return termin_error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    let parse = |v: &Option<String>, default: i64| match v.as_deref().map(str::trim) {
        None | Some("") => Some(default),
        Some(s) => s.parse::<i64>().ok().filter(|n| *n >= 1),
    };
    let (Some(page), Some(limit)) = (parse(&q.page, 1), parse(&q.limit, 10)) else {
        return termin_error(
            StatusCode::BAD_REQUEST,
            "page and limit must be positive whole numbers",
        );
    };
    let limit = limit.min(1000);
    let mut books = twin
        .books
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if page == 1 && twin.opts.termin_churn > 0.0 {
        // A new look: some transactions moved on since the last one.
        books.termin_looks += 1;
        let look = books.termin_looks;
        let now = twin.clock.now();
        churn_termin(
            &mut books.termin,
            twin.opts.seed,
            look,
            twin.opts.termin_churn,
            now,
        );
        if let Some(s) = &books.state
            && let Err(e) = s.save_termin_looks(look)
        {
            tracing::warn!(error = %e, "twin state: termin looks not saved");
        }
    }
    let total = books.termin.len() as i64;
    let total_page = (total + limit - 1) / limit;
    let Some(start) = (page - 1)
        .checked_mul(limit)
        .and_then(|s| usize::try_from(s).ok())
    else {
        return termin_error(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE);
    };
    if start >= books.termin.len() {
        return termin_error(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE);
    }
    let end = (start + limit as usize).min(books.termin.len());
    let link = |p: i64| format!("{TERMIN_PATH}?page={p}&limit={limit}");
    let page_body = TerminPage {
        status: "success".into(),
        message: "ok".into(),
        data: Some(TerminData {
            meta: Meta {
                first: link(1),
                last: link(total_page),
                limit: Some(limit),
                next: if page < total_page {
                    link(page + 1)
                } else {
                    String::new()
                },
                page: Some(page),
                prev: if page > 1 {
                    link(page - 1)
                } else {
                    String::new()
                },
                total_data: Some(total),
                total_page: Some(total_page),
            },
            transactions: books.termin[start..end].to_vec(),
        }),
    };
    json_response(
        StatusCode::OK,
        serde_json::to_vec(&page_body).unwrap_or_default(),
    )
}

#[derive(Deserialize)]
struct LoginBody {
    #[serde(default)]
    access_key: String,
    #[serde(default)]
    access_secret: String,
}

/// The provider's login: Basic auth plus access key and secret give a token.
async fn login(State(twin): State<Arc<Twin>>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&twin, &headers) {
        return termin_error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    let Ok(creds) = serde_json::from_slice::<LoginBody>(&body) else {
        return termin_error(
            StatusCode::BAD_REQUEST,
            "access_key and access_secret are required",
        );
    };
    if creds.access_key != twin.opts.access_key || creds.access_secret != twin.opts.access_secret {
        return termin_error(StatusCode::UNAUTHORIZED, "invalid access key or secret");
    }
    let n = twin
        .logins
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        + 1;
    let token: String = {
        let mut rng = twin
            .faults
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        format!("twin.{n}.{:016x}", rng.random::<u64>())
    };
    let ttl = std::time::Duration::from_secs(twin.opts.token_ttl_secs);
    twin.tokens
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(token.clone(), std::time::Instant::now() + ttl);
    let claimed = twin
        .opts
        .advertised_ttl_secs
        .unwrap_or(twin.opts.token_ttl_secs);
    let expired_at = chrono::Utc::now() + chrono::Duration::seconds(claimed as i64);
    let body = serde_json::json!({
        "status": "success",
        "message": "ok",
        "data": { "token": token, "expired_at": expired_at.to_rfc3339() },
    });
    json_response(StatusCode::OK, body.to_string().into_bytes())
}

/// Ends every login token now, as their lifetime would: a test need not wait for it.
async fn expire_tokens(State(twin): State<Arc<Twin>>) -> Response {
    twin.tokens
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clear();
    json_response(StatusCode::OK, br#"{"expired":true}"#.to_vec())
}

async fn stats(State(twin): State<Arc<Twin>>) -> Response {
    let body =
        serde_json::json!({ "logins": twin.logins.load(std::sync::atomic::Ordering::SeqCst) });
    json_response(StatusCode::OK, body.to_string().into_bytes())
}
