use super::book::{Contract, LoanBook, generate_termin};
use super::{SEED_HASH_KEY, SEED_PASSWORD, SEED_USER, TERMIN_PATH};
use crate::domain::codes::MasterData;
use crate::domain::result::{CUST_NAME_MAX, action_has_result, action_needs_promise, sign};
use crate::domain::task::write_task_list;
use crate::domain::termin::{Meta, NOT_FOUND_MESSAGE, TerminData};
use crate::domain::{CollectionRequest, TerminPage, Transaction, dates};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use chrono::{Duration, Local, NaiveDate, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::SocketAddr;
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
    /// Share of requests answered with HTTP 500.
    pub fail_rate: f64,
    /// Share of requests whose connection is closed without an answer (after processing).
    pub drop_rate: f64,
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
            fail_rate: 0.0,
            drop_rate: 0.0,
            now: None,
            expose_inspect: false,
        }
    }
}

/// A call on an account: generated history or a result the twin received.
#[derive(Debug, Clone)]
struct Call {
    at: NaiveDateTime,
    action: String,
    promise: Option<NaiveDate>,
    followed_up: bool,
}

/// What `GET /__twin/collections` lists: the body as received, when, and what was stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceivedResult {
    pub received_at: String,
    pub body: CollectionRequest,
    pub stored: CollectionRequest,
}

struct Books {
    contracts: Vec<Contract>,
    by_account: HashMap<String, usize>,
    calls: HashMap<String, Vec<Call>>,
    received: Vec<ReceivedResult>,
    termin: Vec<Transaction>,
}

struct Twin {
    opts: TwinOptions,
    codes: MasterData,
    books: Mutex<Books>,
    faults: Mutex<ChaCha8Rng>,
    /// Login tokens issued and when each dies.
    tokens: Mutex<HashMap<String, std::time::Instant>>,
    logins: std::sync::atomic::AtomicUsize,
}

impl Twin {
    fn now(&self) -> NaiveDateTime {
        self.opts.now.unwrap_or_else(|| Local::now().naive_local())
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
    let today = opts
        .now
        .map(|n| n.date())
        .unwrap_or_else(|| Local::now().date_naive());
    let tasks = opts
        .tasks
        .unwrap_or(opts.contracts / 3)
        .min(opts.contracts.max(3));
    let book = LoanBook::generate(opts.seed, opts.contracts, tasks, today);
    let mut calls: HashMap<String, Vec<Call>> = HashMap::new();
    for p in book.prior_calls {
        calls.entry(p.account_no).or_default().push(Call {
            at: p.at,
            action: p.action_code,
            promise: p.promise_date,
            followed_up: false,
        });
    }
    let by_account = book
        .contracts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.task.contract_no.to_string(), i))
        .collect();
    let now = opts.now.unwrap_or_else(|| Local::now().naive_local());
    let twin = Arc::new(Twin {
        codes: MasterData::builtin(),
        books: Mutex::new(Books {
            contracts: book.contracts,
            by_account,
            calls,
            received: Vec::new(),
            termin: generate_termin(opts.seed, opts.transactions, now),
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
        .route("/api/DailyTask_DeskColl", get(get_tasks))
        .route("/api/CollectionInsert", get(health).post(post_result))
        .route(TERMIN_PATH, get(get_termin))
        .route(super::LOGIN_PATH, axum::routing::post(login))
        .layer(middleware::from_fn_with_state(twin.clone(), faults));
    let inspect = Router::new()
        .route("/__twin/collections", get(list_collections))
        .route("/__twin/stats", get(stats))
        .layer(middleware::from_fn_with_state(twin.clone(), inspect_guard));
    Router::new().merge(inspect).merge(api).with_state(twin)
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
    let roll: f64 = twin.faults.lock().unwrap().random();
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

fn unauthorized() -> Response {
    let mut r = json_response(
        StatusCode::UNAUTHORIZED,
        br#"{"Message":"Authorization has been denied for this request."}"#.to_vec(),
    );
    r.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"DeskCollWebService\""),
    );
    r
}

fn authorized(twin: &Twin, headers: &HeaderMap) -> bool {
    twin.opts.no_auth || basic_ok(headers, &twin.opts.user, &twin.opts.password)
}

fn called_since(calls: &[Call], since: NaiveDate) -> bool {
    calls.iter().any(|c| c.at.date() >= since)
}

/// The real server's five buckets (see DOMAIN.md), against what has been posted.
fn in_queue(contract: &Contract, calls: &[Call], today: NaiveDate) -> bool {
    let od = contract.overdue_days(today);
    let yesterday = today - Duration::days(1);
    let called_today = called_since(calls, today);
    let pre_due = (-4..=-2).contains(&od) && !called_since(calls, today - Duration::days(2));
    let first_day = od == 1 && !called_today;
    let early = (2..=6).contains(&od) && !called_since(calls, today - Duration::days(6));
    let broken = (1..=7).contains(&od)
        && calls
            .iter()
            .any(|c| c.action == "PTP" && c.promise == Some(yesterday) && !c.followed_up);
    let follow_up = od > 0
        && !called_today
        && calls
            .iter()
            .any(|c| c.action == "MSG" && c.at.date() == yesterday);
    pre_due || first_day || early || broken || follow_up
}

async fn get_tasks(State(twin): State<Arc<Twin>>, headers: HeaderMap) -> Response {
    if !authorized(&twin, &headers) {
        return unauthorized();
    }
    let today = twin.now().date();
    let tasks: Vec<_> = {
        let books = twin.books.lock().unwrap();
        books
            .contracts
            .iter()
            .filter(|c| {
                in_queue(
                    c,
                    books
                        .calls
                        .get(c.task.contract_no.as_str())
                        .map_or(&[], Vec::as_slice),
                    today,
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

fn bad_request(detail: &str) -> Response {
    let body = serde_json::json!({ "Message": "The request is invalid.", "MessageDetail": detail });
    json_response(StatusCode::BAD_REQUEST, body.to_string().into_bytes())
}

async fn post_result(State(twin): State<Arc<Twin>>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&twin, &headers) {
        return unauthorized();
    }
    let req: CollectionRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return bad_request(&format!("Error converting the request body: {e}")),
    };
    let (Some(_), Some(promise)) = (
        dates::parse_datetime(&req.collection_date),
        dates::parse_datetime(&req.promise_date),
    ) else {
        return bad_request(
            "The value of collection_date or promise_date is not a valid DateTime.",
        );
    };
    if !req
        .hashing
        .eq_ignore_ascii_case(&sign(&req.account_no, &twin.opts.hash_key))
    {
        return respond(StatusCode::FORBIDDEN, "91", "Invalid Token");
    }
    let refused = || {
        respond(
            StatusCode::OK,
            "90",
            &format!("ERROR: Account No {} does not exist", req.account_no),
        )
    };
    // The database's column sizes: any overflow surfaces as the same "does not exist".
    let too_long = [
        (&req.account_no, 25),
        (&req.result_code, 10),
        (&req.action_code, 10),
        (&req.remark, 255),
        (&req.cre_by, 25),
        (&req.mod_by, 25),
        (&req.cre_ip_address, 25),
        (&req.mod_ip_address, 25),
    ]
    .iter()
    .any(|(v, max)| v.chars().count() > *max);
    if too_long || req.period.trim().parse::<i64>().is_err() && !req.period.trim().is_empty() {
        return refused();
    }
    let now = twin.now();
    let mut books = twin.books.lock().unwrap();
    let Some(&index) = books.by_account.get(req.account_no.trim()) else {
        return refused();
    };
    // Codes are looked up by text; an unknown one is stored empty.
    let action = if twin.codes.action(&req.action_code).is_some() {
        req.action_code.trim().to_uppercase()
    } else {
        String::new()
    };
    let result = if action_has_result(&action) && twin.codes.is_result(&req.result_code) {
        req.result_code.trim().to_uppercase()
    } else {
        String::new()
    };
    let promise = action_needs_promise(&action).then(|| promise.date());
    let cust_name: String = books.contracts[index]
        .task
        .name
        .chars()
        .take(CUST_NAME_MAX)
        .collect();
    let stored = CollectionRequest {
        collection_date: dates::wire(now),
        cust_name,
        action_code: action.clone(),
        result_code: result,
        promise_date: promise.map(|d| format!("{d} 00:00:00")).unwrap_or_default(),
        ..req.clone()
    };
    let account = req.account_no.trim().to_string();
    let calls = books.calls.entry(account.clone()).or_default();
    for c in calls.iter_mut().filter(|c| c.action == "PTP") {
        c.followed_up = true;
    }
    calls.push(Call {
        at: now,
        action,
        promise,
        followed_up: false,
    });
    books.received.push(ReceivedResult {
        received_at: dates::wire(now),
        body: req,
        stored,
    });
    respond(
        StatusCode::OK,
        "00",
        &format!("Sukses Memasukan Data Dengan Account No : {account}"),
    )
}

async fn list_collections(State(twin): State<Arc<Twin>>) -> Response {
    let books = twin.books.lock().unwrap();
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
                .unwrap()
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
    let books = twin.books.lock().unwrap();
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
        let mut rng = twin.faults.lock().unwrap();
        format!("twin.{n}.{:016x}", rng.random::<u64>())
    };
    let ttl = std::time::Duration::from_secs(twin.opts.token_ttl_secs);
    twin.tokens
        .lock()
        .unwrap()
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

async fn stats(State(twin): State<Arc<Twin>>) -> Response {
    let body =
        serde_json::json!({ "logins": twin.logins.load(std::sync::atomic::Ordering::SeqCst) });
    json_response(StatusCode::OK, body.to_string().into_bytes())
}
