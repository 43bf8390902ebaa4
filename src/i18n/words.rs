//! The domain's typed values in words of the language in force. The domain decides (is the
//! window open, why is a value refused, which bucket); this says it. The fixed English words
//! the domain keeps beside them (`Window::note`, `FieldError::message`) are for JSON, CSV and
//! logs, which never change with the language.

use super::{Lang, clock, text, weekday_clock, weekday_long};
use crate::domain::bucket::Bucket;
use crate::domain::callback::{Callback, CallbackStatus};
use crate::domain::order::SortMode;
use crate::domain::outbox::DeliveryState;
use crate::domain::result::Refusal;
use crate::domain::window::{Closed, Opening, Window};
use crate::domain::zone::Zone;
use crate::tr;

/// The short label of a bucket for a table column: `BROKEN` / `INGKAR`.
pub fn bucket_label(lang: Lang, b: Bucket) -> String {
    text(lang, &format!("bucket-label-{}", b.wire_name()))
}

/// What a bucket means: `broken promise` / `ingkar janji`.
pub fn bucket_describe(lang: Lang, b: Bucket) -> String {
    text(lang, &format!("bucket-describe-{}", b.wire_name()))
}

/// A sort order's name: `days overdue` / `hari terlambat`.
pub fn sort_label(lang: Lang, s: SortMode) -> String {
    text(lang, &format!("sort-{}", s.arg_name()))
}

/// A result's state: `delivered` / `terkirim`.
pub fn state(lang: Lang, s: DeliveryState) -> String {
    text(lang, &format!("state-{}", s.as_str()))
}

/// Why a result that is not marked delivered may be on the server all the same (it is
/// uncertain, or was refused with a `90`): the reason every re-send question gives.
pub fn may_be_stored_why(lang: Lang, from: DeliveryState) -> String {
    match from {
        DeliveryState::Uncertain => text(lang, "may-be-stored-uncertain"),
        _ => text(lang, "may-be-stored-90"),
    }
}

/// Where a callback stands: `due now` / `sudah waktunya`.
pub fn callback_status(lang: Lang, s: CallbackStatus) -> String {
    text(lang, &format!("callback-status-{}", s.wire()))
}

/// A callback's time in the customer's zone: `16:00 WIT` / `16.00 WIT`.
pub fn callback_time(lang: Lang, c: &Callback) -> String {
    format!("{} {}", clock(lang, &c.due_local()), c.zone)
}

/// When a closed window opens: `08:00 WIT` today, `Mon 08:00 WITA` another day.
pub fn opening(lang: Lang, o: &Opening, zone: Zone) -> String {
    match o.day {
        None => format!("{} {zone}", clock(lang, &o.time)),
        Some(day) => format!("{} {zone}", weekday_clock(lang, day, &o.time)),
    }
}

/// Why a window is closed: `too late`, `Sunday`, `holiday (Idul Fitri)`.
pub fn closed(lang: Lang, c: &Closed) -> String {
    match c {
        Closed::Holiday(name) => tr!(lang, "window-holiday", name = name),
        Closed::CutiBersama(name) => tr!(lang, "window-cuti-bersama", name = name),
        Closed::DayOff(day) => weekday_long(lang, *day),
        Closed::TooEarly => tr!(lang, "window-too-early"),
        Closed::TooLate => tr!(lang, "window-too-late"),
    }
}

/// The window in words, as `window_note` says it in English: `until 20:00 WIB`, `until 20:00
/// WIB · cuti bersama (Idul Fitri)`, `too late; opens Sat 08:00 WITA`.
pub fn window_note(lang: Lang, w: &Window) -> String {
    if w.callable {
        let until = tr!(
            lang,
            "window-until",
            time = format!("{} {}", clock(lang, &w.end), w.zone)
        );
        return match &w.cuti_bersama {
            Some(name) => format!(
                "{until} · {}",
                tr!(lang, "window-cuti-bersama", name = name)
            ),
            None => until,
        };
    }
    let why = w
        .closed
        .as_ref()
        .map(|c| closed(lang, c))
        .unwrap_or_default();
    match &w.opening {
        Some(o) => tr!(
            lang,
            "window-closed-opens",
            why = why,
            at = opening(lang, o, w.zone)
        ),
        None => tr!(lang, "window-closed-no-day", why = why),
    }
}

/// A refused value's reason.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::TooLong { n, max } => tr!(lang, "refusal-too-long", n = *n, max = *max),
        Refusal::Required => tr!(lang, "refusal-required"),
        Refusal::ControlCharacters => tr!(lang, "refusal-control-characters"),
        Refusal::PromiseRequiredPtp => tr!(lang, "refusal-promise-required-ptp"),
        Refusal::NotADate { typed } if typed.is_empty() => tr!(lang, "refusal-not-a-date"),
        Refusal::NotADate { typed } => tr!(lang, "refusal-not-a-date-typed", typed = typed),
        Refusal::BeforeCallDate { date, call_date } => tr!(
            lang,
            "refusal-before-call-date",
            date = date.to_string(),
            call_date = call_date.to_string()
        ),
        Refusal::PeriodTooLarge { typed, max } => {
            tr!(lang, "refusal-period-too-large", typed = typed, max = *max)
        }
        Refusal::NotAWholeNumber { typed } => {
            tr!(lang, "refusal-not-a-whole-number", typed = typed)
        }
        Refusal::NotAnInstallment { typed, tenor } => {
            let typed = if typed == "0" {
                typed.clone()
            } else {
                format!("'{typed}'")
            };
            tr!(
                lang,
                "refusal-not-an-installment",
                typed = typed,
                tenor = *tenor
            )
        }
        Refusal::PastTheTenor { n, tenor } => {
            tr!(lang, "refusal-past-the-tenor", n = *n, tenor = *tenor)
        }
        Refusal::PeriodRequired { tenor } => tr!(lang, "refusal-period-required", tenor = *tenor),
        Refusal::UnknownAction { action } => tr!(lang, "refusal-unknown-action", action = action),
        Refusal::NotAResultOf { result, action } => tr!(
            lang,
            "refusal-not-a-result-of",
            result = result,
            action = action
        ),
        Refusal::PromiseRequiredFor { action } => {
            tr!(lang, "refusal-promise-required-for", action = action)
        }
        Refusal::InThePast { date } => tr!(lang, "refusal-in-the-past", date = date.to_string()),
        Refusal::TooFarAhead { date, days, latest } => tr!(
            lang,
            "refusal-too-far-ahead",
            date = date.to_string(),
            days = *days,
            latest = latest.to_string()
        ),
        Refusal::UnknownParty { typed } => tr!(lang, "refusal-unknown-party", typed = typed),
        Refusal::ConsentRequired { note } => {
            tr!(lang, "refusal-consent-required", note = note.as_str())
        }
        Refusal::PartyContradicts { code, implied } => tr!(
            lang,
            "refusal-party-contradicts",
            code = code,
            party = party(lang, *implied)
        ),
        Refusal::DebtorOnly { code, party: p } => tr!(
            lang,
            "refusal-debtor-only",
            code = code,
            party = party(lang, *p)
        ),
        Refusal::NotAnAmount { typed } => tr!(lang, "refusal-not-an-amount", typed = typed),
        Refusal::AmountNotPositive => tr!(lang, "refusal-amount-not-positive"),
        Refusal::AmountNeeded => tr!(lang, "refusal-amount-needed"),
        Refusal::Callback(c) => callback_refusal(lang, c),
        Refusal::CallbackZoneUnknown => tr!(lang, "refusal-callback-zone-unknown"),
    }
}

fn callback_refusal(lang: Lang, r: &crate::domain::callback::CallbackRefusal) -> String {
    use crate::domain::callback::CallbackRefusal as C;
    match r {
        C::NotATime { typed } => tr!(lang, "refusal-callback-not-a-time", typed = typed),
        C::Past { at } => tr!(lang, "refusal-callback-past", at = at),
        C::Closed {
            at,
            next: Some(next),
        } => {
            tr!(lang, "refusal-callback-closed", at = at, next = next)
        }
        C::Closed { at, next: None } => tr!(lang, "refusal-callback-closed-month", at = at),
    }
}

/// Who answered, as the agent reads it (`spouse` -> "spouse" / "pasangan").
pub fn party(lang: Lang, p: crate::domain::party::Party) -> String {
    use crate::domain::party::Party as P;
    match p {
        P::Debtor => tr!(lang, "party-debtor"),
        P::CoDebtor => tr!(lang, "party-co-debtor"),
        P::Spouse => tr!(lang, "party-spouse"),
        P::Family => tr!(lang, "party-family"),
        P::EmergencyContact => tr!(lang, "party-emergency-contact"),
        P::ThirdParty => tr!(lang, "party-third-party"),
        P::Nobody => tr!(lang, "party-nobody"),
        P::Unknown => tr!(lang, "party-unknown"),
    }
}

/// A field's name as a person reads it: `promise_date` -> `Promise date` / `Tanggal janji`.
/// Names the form does not show (agent_id, ip_address) stay as written.
pub fn field(lang: Lang, wire_name: &str) -> String {
    match wire_name {
        "action_code" => tr!(lang, "field-action"),
        "result_code" => tr!(lang, "field-result"),
        "promise_date" => tr!(lang, "field-promise"),
        "period" => tr!(lang, "field-period"),
        "remark" => tr!(lang, "field-remark"),
        "party" => tr!(lang, "field-party"),
        "amount" => tr!(lang, "field-amount"),
        "callback" => tr!(lang, "field-callback"),
        other => other.to_string(),
    }
}

/// A refusal with its field: `Promise date: 2026-11-26 is in the past`.
pub fn field_error(lang: Lang, e: &crate::domain::FieldError) -> String {
    format!("{}: {}", field(lang, e.field), refusal(lang, &e.reason))
}

/// A server's or the network's failure in words. The server's own words (a refusal's
/// message) and the unreadable parts of a reply are quoted as they came.
pub fn api_error(lang: Lang, e: &crate::api::ApiError) -> String {
    use crate::api::ApiError as E;
    match e {
        E::Unauthorized => tr!(lang, "api-unauthorized"),
        E::InvalidToken { code, message } => {
            tr!(lang, "api-invalid-token", code = code, message = message)
        }
        E::Forbidden { excerpt } => tr!(lang, "api-forbidden", excerpt = excerpt),
        E::Refused { code, message } => tr!(lang, "api-refused", code = code, message = message),
        E::NotFound { url } => tr!(lang, "api-not-found", url = url),
        E::Status {
            status, excerpt, ..
        } => {
            tr!(lang, "api-status", status = *status, excerpt = excerpt)
        }
        E::Timeout { host, secs } => tr!(lang, "api-timeout", host = host, secs = *secs),
        E::Connect { host, reason } => tr!(
            lang,
            "api-connect",
            host = host,
            reason = stored_reason(lang, reason)
        ),
        E::Dropped { host } => tr!(lang, "api-dropped", host = host),
        E::Deadline { host, secs, kind } => {
            use crate::api::RequestKind as K;
            let what = match kind {
                K::TaskList => tr!(lang, "api-kind-task-list"),
                K::TerminPage => tr!(lang, "api-kind-termin-page"),
                K::Result => tr!(lang, "api-kind-result"),
                K::Login => tr!(lang, "api-kind-login"),
                K::Health => tr!(lang, "api-kind-health"),
            };
            tr!(lang, "api-deadline", what = what, host = host, secs = *secs)
        }
        E::TotalTooLarge { limit, pages } => tr!(
            lang,
            "api-total-too-large",
            mb = limit.div_ceil(1024 * 1024),
            pages = *pages
        ),
        E::NotJson { status, excerpt } => {
            tr!(lang, "api-not-json", status = *status, excerpt = excerpt)
        }
        E::TooLarge { limit } => tr!(lang, "api-too-large", mb = limit.div_ceil(1024 * 1024)),
        E::Redirect { status, from, to } => {
            tr!(lang, "api-redirect", status = *status, from = from, to = to)
        }
        E::Wire(w) => tr!(lang, "api-wire", reason = w.to_string()),
        E::Config(s) => stored_reason(lang, s),
        E::Other(s) => tr!(lang, "api-other", reason = s),
    }
}

/// The outbox's failure in words (SQLite's own words quoted).
pub fn store_error(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    match e {
        E::Sql { path, source } => tr!(
            lang,
            "store-sql",
            path = path.display().to_string(),
            reason = source.to_string()
        ),
        E::NoSuchItem(id) => tr!(lang, "store-no-such-item", id = *id),
        E::NotAllowed { id, from, to } => tr!(
            lang,
            "store-not-allowed",
            id = *id,
            from = state(lang, *from),
            to = state(lang, *to)
        ),
        E::Folder { path, reason } => tr!(
            lang,
            "store-folder",
            path = path.display().to_string(),
            reason = reason
        ),
        E::Newer { path, found, known } => tr!(
            lang,
            "store-newer",
            path = path.display().to_string(),
            found = *found,
            known = *known
        ),
    }
}

/// One of the agent's figures as the Today tab and `deskcoll today` show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Its name in `today --format csv` (a contract: never translated).
    pub wire: &'static str,
    pub label: String,
    /// As shown: `58%`, `Rp 1.250.000`, `-` for a rate with nothing to divide by.
    pub value: String,
    /// As the CSV writes it: a plain number (`0.58`, `1250000`), empty for no rate.
    pub csv: String,
    /// How it is computed, with the day's numbers: `7 RPC ÷ 12 calls`.
    pub how: String,
}

/// The agent's figures (`issue #18`): each with how it is computed.
pub fn figures(lang: Lang, s: &crate::domain::today::TodaySummary) -> Vec<Figure> {
    use crate::domain::today::percent;
    let count = |wire, label: String, n: usize, how: String| Figure {
        wire,
        label,
        value: n.to_string(),
        csv: n.to_string(),
        how,
    };
    let rate = |wire, label: String, r: Option<f64>, how: String| Figure {
        wire,
        label,
        value: percent(r),
        csv: r.map(|r| r.to_string()).unwrap_or_default(),
        how,
    };
    vec![
        count(
            "calls",
            tr!(lang, "today-calls"),
            s.calls,
            tr!(lang, "today-calls-how"),
        ),
        count(
            "right-party contacts",
            tr!(lang, "today-rpc"),
            s.rpc,
            tr!(lang, "today-rpc-how"),
        ),
        rate(
            "right-party rate",
            tr!(lang, "today-rpc-rate"),
            s.rpc_rate,
            tr!(lang, "today-rpc-rate-how", rpc = s.rpc, calls = s.calls),
        ),
        rate(
            "promise rate",
            tr!(lang, "today-ptp-rate"),
            s.ptp_rate,
            tr!(lang, "today-ptp-rate-how", ptp = s.rpc_ptp, rpc = s.rpc),
        ),
        Figure {
            wire: "amount promised",
            label: tr!(lang, "today-promised"),
            // A sum past the range is its error, naming the result.
            value: crate::domain::money::shown_figure(&s.promised_amount),
            csv: s.promised_amount.clone(),
            how: tr!(lang, "today-promised-how"),
        },
        rate(
            "kept rate",
            tr!(lang, "today-kept-rate"),
            s.kept_rate,
            tr!(
                lang,
                "today-kept-rate-how",
                kept = s.promises_kept,
                broken = s.promises_broken
            ),
        ),
        count(
            "promises unknown",
            tr!(lang, "today-unknown"),
            s.promises_unknown,
            tr!(lang, "today-unknown-how", grace = s.promise_grace_days),
        ),
        count(
            "callbacks due",
            tr!(lang, "today-callbacks"),
            s.callbacks_due,
            tr!(lang, "today-callbacks-how"),
        ),
    ]
}

/// What a form field takes, for the help inside the form (`field`: its wire name).
pub fn field_rules(lang: Lang, field: &str) -> String {
    match field {
        "action_code" => tr!(lang, "form-rules-action"),
        "result_code" => tr!(lang, "form-rules-result"),
        "party" => tr!(lang, "form-rules-party"),
        "promise_date" => tr!(lang, "form-rules-promise"),
        "amount" => tr!(lang, "form-rules-amount"),
        "period" => tr!(lang, "form-rules-period"),
        "callback" => tr!(lang, "form-rules-callback"),
        _ => tr!(lang, "form-rules-remark"),
    }
}

/// The English messages a stored failure reason may be (what `ApiError` and the outbox wrote
/// into `last_error`), by id: the same text in English, so a reason is read back into its
/// message and worded in the language in force.
const STORED_REASONS: [&str; 19] = [
    "api-no-collection-server",
    "api-no-termin-server",
    "api-unauthorized",
    "api-invalid-token",
    "api-forbidden",
    "api-refused",
    "api-not-found",
    "api-status",
    "api-timeout",
    "api-connect",
    "api-dropped",
    "api-not-json",
    "api-too-large",
    "api-redirect",
    "api-wire",
    "api-other",
    "store-stopped-while-sending",
    "os-connection-refused",
    "os-connection-reset",
];

/// A failure reason as stored (English, as the outbox keeps it), in `lang`: a reason that
/// reads as one of the messages above is that message in `lang` (a cause inside it too:
/// "cannot connect to …: Connection refused (os error 111)"); anything else (a server's own
/// words) is shown as stored.
pub fn stored_reason(lang: Lang, stored: &str) -> String {
    if lang == Lang::En {
        return stored.to_string();
    }
    for id in STORED_REASONS {
        if let Some(args) = read_back(english_pattern(id), stored) {
            let mut fluent = crate::i18n::FluentArgs::new();
            for (name, value) in args {
                let value = if matches!(name.as_str(), "reason" | "message") {
                    stored_reason(lang, &value)
                } else {
                    value
                };
                fluent.set(name, crate::i18n::FluentValue::from(value));
            }
            return crate::i18n::format(lang, id, Some(&fluent));
        }
    }
    stored.to_string()
}

/// The raw English text of a one-line message, `{ $name }` placeables and all.
fn english_pattern(id: &str) -> &'static str {
    let prefix = format!("{id} = ");
    crate::i18n::EN_FTL
        .lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .unwrap_or("")
}

/// The values of `pattern`'s placeables if `text` is the pattern with values put in. A
/// placeable straight before another takes the leading digits (`HTTP { $status }{ $excerpt }`).
fn read_back(pattern: &str, text: &str) -> Option<Vec<(String, String)>> {
    if pattern.is_empty() {
        return None;
    }
    // Literal, name, literal, name, …, literal.
    let mut literals = Vec::new();
    let mut names = Vec::new();
    let mut rest = pattern;
    while let Some(start) = rest.find("{ $") {
        literals.push(&rest[..start]);
        let end = rest[start..].find(" }")? + start;
        names.push(rest[start + 3..end].to_string());
        rest = &rest[end + 2..];
    }
    literals.push(rest);
    let mut text = text.strip_prefix(literals[0])?;
    let mut values = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let next = literals[i + 1];
        let last = i + 2 == literals.len();
        let cut = if last {
            text.len()
                .checked_sub(next.len())
                .filter(|&n| text[n..] == *next)?
        } else if next.is_empty() {
            text.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len())
        } else {
            text.find(next)?
        };
        if !text.is_char_boundary(cut) {
            return None;
        }
        values.push((name, text[..cut].to_string()));
        text = &text[cut + next.len()..];
    }
    text.is_empty().then_some(values)
}

/// A callback in the customer's zone and, when the agent's clock is in another, in the
/// agent's too: `16:00 WIT (14:00 WIB)`.
pub fn callback_both(lang: Lang, c: &Callback, agent: chrono::FixedOffset) -> String {
    let theirs = callback_time(lang, c);
    if agent == c.zone.offset() {
        return theirs;
    }
    let mine = c.due_utc.with_timezone(&agent);
    format!("{theirs} ({} {})", clock(lang, &mine), Zone::label(agent))
}

/// What a recorded result carries beside its codes, for the history and the Outbox detail:
/// who answered, the amount promised and the callback agreed (`· with spouse · promised
/// Rp 5.000.000 · callback 16:00 WIT (14:00 WIB)`); empty parts are left out.
pub fn result_extras(
    lang: Lang,
    item: &crate::store::OutboxItem,
    agent: chrono::FixedOffset,
) -> String {
    let mut out = String::new();
    if let Some(p) = crate::domain::party::Party::parse(&item.party)
        .filter(|p| *p != crate::domain::party::Party::Unknown)
    {
        out.push_str(&format!(
            " · {}",
            tr!(lang, "outbox-party", party = party(lang, p))
        ));
    }
    if let Some(m) = item
        .promised_amount
        .as_deref()
        .and_then(|m| m.parse::<crate::domain::Money>().ok())
    {
        out.push_str(&format!(
            " · {}",
            tr!(lang, "outbox-promised-amount", amount = m.rupiah())
        ));
    }
    if let Some(c) = item.callback() {
        out.push_str(&format!(
            " · {}",
            tr!(
                lang,
                "outbox-callback",
                time = callback_both(lang, &c, agent)
            )
        ));
    }
    out
}
