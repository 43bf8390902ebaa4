use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, EXIT_NOT_SENT, EXIT_REFUSED, Failure};
use crate::delivery::Disposition;
use crate::domain::codes::MasterData;
use crate::domain::outbox::DeliveryState;
use crate::domain::result::Refusal;
use crate::domain::result::{CUST_NAME_MAX, CallingContext, Policy, Recorded, record};
use crate::domain::text::sanitize;
use crate::domain::today::contacts_on;
use crate::domain::window::{CallingRules, consent_for, zone_of_task};
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::domain::{FieldError, Money, ResultDraft, Task};
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::tr;
use chrono::{DateTime, NaiveDateTime, Utc};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SubmitArgs {
    /// Account (contract) number.
    #[arg(long, required_unless_present = "batch")]
    pub account: Option<String>,
    /// Action code, e.g. PTP, MSG, BPH, NCT.
    #[arg(long, required_unless_present = "batch", value_parser = super::offer::actions())]
    pub action: Option<String>,
    /// Result code, e.g. PTP01 (none for BPH and MSG).
    #[arg(long, default_value = "")]
    pub result: String,
    /// Promise date for PTP: YYYY-MM-DD or +N days.
    #[arg(long, default_value = "")]
    pub promise: String,
    /// Installment period (tenor) the result is about [default: the account's next
    /// installment in the task list, last paid + 1].
    #[arg(long)]
    pub period: Option<String>,
    /// What the customer said.
    #[arg(long, required_unless_present = "batch")]
    pub remark: Option<String>,
    /// Customer name [default: from the task list; the server fills its own anyway].
    #[arg(long, default_value = "")]
    pub name: String,
    /// Who answered: debtor, co_debtor, spouse, family, emergency_contact, third_party or
    /// nobody [default: unknown; NCT01-03 mean nobody, NCT04 a third party].
    #[arg(long, default_value = "", value_parser = super::offer::parties())]
    pub party: String,
    /// Call back at, in the customer's local time: "YYYY-MM-DD HH:MM", "HH:MM" or "+2h".
    #[arg(long, default_value = "")]
    pub callback: String,
    /// The amount promised (PTP) [default: the account's total due].
    #[arg(long, default_value = "")]
    pub amount: String,
    /// The consumer agreed to this call outside their calling window: why, as they said it.
    /// Kept as an override in the account's history and as consent in the result's receipt.
    #[arg(long, value_name = "REASON", default_value = "")]
    pub consent: String,
    /// A CSV with a header row and columns account, action, result, promise, period, remark
    /// (and optionally name, party, callback, amount, consent).
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["account", "action", "remark"])]
    pub batch: Option<PathBuf>,
}

/// How many tries a waiting command gives one result before leaving it queued.
const ATTEMPTS: u32 = 3;

/// What a result is checked against: the form's rules, read once per command.
struct Rules {
    codes: MasterData,
    horizon_days: i64,
    max_contacts: usize,
    /// The day's task list by account (empty when it could not be read).
    tasks: HashMap<String, Task>,
    regions: RegionTable,
    calling: CallingRules,
    party_in_remark: bool,
    anchor_in_remark: bool,
    lang: Lang,
}

/// A checked row: the result with what is kept beside it, what the account owes now, and
/// where the customer lives (for the receipt).
type Checked = (Recorded, Option<Money>, ZoneGuess);

impl Rules {
    /// The code list and the settings the workstation uses, and ONE read of the task list.
    async fn load(session: &Session) -> Result<Rules, Failure> {
        let config = &session.config;
        let lang = config.language;
        let codes = crate::config::load_codes(config.ui.codes_file.as_deref())
            .map_err(|e| Failure::new(EXIT_ERROR, e))?;
        let mut tasks = HashMap::new();
        match session.tasks().await {
            Ok(list) => {
                for t in list {
                    tasks.entry(t.contract_no.to_string()).or_insert(t);
                }
            }
            Err(e) => {
                let message = tr!(
                    lang,
                    "submit-no-task-list",
                    error = sanitize(&words::api_error(lang, &e))
                );
                tell!("{}", super::warning_line(lang, &message));
            }
        }
        Ok(Rules {
            codes,
            // As the workstation's settings have it.
            horizon_days: config.ui.promise_horizon_days.unwrap_or(30).max(0),
            max_contacts: config.calling.max_contacts_per_day,
            tasks,
            regions: RegionTable::builtin(),
            calling: config.calling.rules.clone(),
            party_in_remark: config.result.party_in_remark.unwrap_or(false),
            anchor_in_remark: config.anchor_in_remark(),
            lang,
        })
    }

    fn task(&self, account_no: &str) -> Option<&Task> {
        self.tasks.get(account_no.trim())
    }

    /// The draft completed from the account's task (period, name) and checked as the form
    /// checks it, with the consumer's `consent` for a call outside their window (required
    /// there, as the form asks it). On success also what the account owes now, kept for the
    /// day's figures.
    fn check(
        &self,
        mut draft: ResultDraft,
        period_given: bool,
        consent: &str,
        now: NaiveDateTime,
        instant: DateTime<Utc>,
    ) -> Result<Checked, Vec<FieldError>> {
        let task = self.task(&draft.account_no);
        if !period_given {
            draft.period = task
                .map(|t| t.installment_no().to_string())
                .unwrap_or_default();
        }
        if draft.cust_name.trim().is_empty()
            && let Some(t) = task
        {
            // As the form takes it: cut to what the server's column holds.
            draft.cust_name = t.name.chars().take(CUST_NAME_MAX).collect();
        }
        // An account not in the list: its zone is not known, so WIB is assumed (`default`).
        let zone = match task {
            Some(t) => zone_of_task(t, &self.regions),
            None => self.regions.zone_of("", ""),
        };
        let total_due = task.and_then(|t| t.total_due);
        let policy = Policy {
            horizon_days: self.horizon_days,
            tenor: task.and_then(Task::tenor),
            total_due,
            party_required: false,
            party_in_remark: self.party_in_remark,
            anchor_in_remark: self.anchor_in_remark,
            calling: Some(CallingContext {
                rules: &self.calling,
                zone: zone.zone,
                now: instant,
                // Scripts keep one reading whatever the language: +2h is two hours.
                lang: crate::domain::lang::Lang::En,
            }),
        };
        let window = self.calling.check(instant, zone.zone);
        let consent = consent_for(&window, Some(consent)).map_err(|_| {
            FieldError::new(
                "consent",
                Refusal::ConsentRequired {
                    note: window.note.clone(),
                },
            )
        });
        let recorded = match (record(&draft, &self.codes, &policy, now), consent) {
            (Ok(recorded), Ok(consent)) => Recorded {
                consent: consent.map(str::to_string),
                ..recorded
            },
            (Err(mut errors), Err(refused)) => {
                errors.push(refused);
                return Err(errors);
            }
            (Err(errors), Ok(_)) => return Err(errors),
            (Ok(_), Err(refused)) => return Err(vec![refused]),
        };
        Ok((recorded, total_due, zone))
    }

    /// The warning for a debtor-only answer recorded without saying who answered.
    fn unconfirmed_party(&self, recorded: &Recorded) -> Option<String> {
        let r = &recorded.result;
        let code = if r.result_code.is_empty() {
            &r.action_code
        } else {
            &r.result_code
        };
        recorded.party_unconfirmed.then(|| {
            tr!(
                self.lang,
                "submit-party-unconfirmed",
                account = r.account_no.as_str(),
                code = code.as_str()
            )
        })
    }

    /// The over-contact warning for one more result on an account that already has `earlier`
    /// today; `None` under the limit.
    fn over_limit(&self, account_no: &str, earlier: usize) -> Option<String> {
        let max = self.max_contacts;
        let lang = self.lang;
        crate::domain::today::at_contact_limit(earlier, max).then(|| {
            if earlier == max {
                tr!(
                    lang,
                    "submit-at-limit",
                    account = account_no,
                    n = earlier,
                    max = max
                )
            } else {
                tr!(
                    lang,
                    "submit-over-limit",
                    account = account_no,
                    n = earlier,
                    max = max
                )
            }
        })
    }
}

/// Results already recorded today per account (the domain's count over the outbox).
fn contacts_today(
    deliverer: &crate::delivery::Deliverer,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<HashMap<String, usize>, Failure> {
    let records = deliverer.day_records().map_err(store_failure(lang))?;
    Ok(contacts_on(&records, now.date()))
}

/// Every refusal on one line: the field's name as the server and the batch file know it, the
/// reason in the language.
fn refusals(errors: &[FieldError], lang: Lang) -> String {
    let all: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, words::refusal(lang, &e.reason)))
        .collect();
    sanitize(&all.join("; ")).into_owned()
}

/// A draft signed by this agent from this machine.
fn by_agent(session: &Session, draft: ResultDraft) -> ResultDraft {
    ResultDraft {
        agent_id: session.config.agent_id.clone(),
        ip_address: session.config.ip_address(),
        ..draft
    }
}

fn describe(state: DeliveryState, d: &Option<Disposition>, lang: Lang) -> String {
    match d {
        Some(Disposition::Delivered { code, message }) => {
            format!("{code} {}", crate::domain::text::sanitize(message))
        }
        Some(Disposition::Rejected { reason, .. }) => {
            tr!(lang, "submit-rejected", reason = reason)
        }
        Some(Disposition::Uncertain { reason }) => tr!(lang, "submit-uncertain", reason = reason),
        Some(Disposition::Retry { reason }) => tr!(lang, "submit-queued", reason = reason),
        None => words::state(lang, state),
    }
}

/// The exit code of a delivery (`super::EXIT_CODES`): a result still queued that never
/// reached the server was not sent (5); one that did, or may have, is not confirmed (4).
pub(super) fn exit_code(state: DeliveryState, reached: bool) -> u8 {
    match state {
        DeliveryState::Delivered => 0,
        DeliveryState::Rejected => EXIT_REFUSED,
        DeliveryState::Discarded => EXIT_ERROR,
        DeliveryState::Queued if !reached => EXIT_NOT_SENT,
        _ => EXIT_NO_ANSWER,
    }
}

pub async fn run(session: &Session, args: SubmitArgs) -> Result<(), Failure> {
    let rules = Rules::load(session).await?;
    let lang = rules.lang;
    if let Some(file) = &args.batch {
        return batch(session, &rules, file).await;
    }
    let period_given = args.period.as_deref().is_some_and(|p| !p.trim().is_empty());
    let d = by_agent(
        session,
        ResultDraft {
            account_no: args.account.unwrap_or_default(),
            cust_name: args.name,
            action_code: args.action.unwrap_or_default(),
            result_code: args.result,
            promise_date: args.promise,
            period: args.period.unwrap_or_default(),
            remark: args.remark.unwrap_or_default(),
            party: args.party,
            callback: args.callback,
            amount: args.amount,
            ..ResultDraft::default()
        },
    );
    let now = session.clock.now_local();
    let checked = rules.check(d, period_given, &args.consent, now, session.clock.now_utc());
    let (recorded, total_due, zone) = checked.map_err(|errors| {
        Failure::new(
            EXIT_INVALID,
            tr!(lang, "submit-invalid", refusals = refusals(&errors, lang)),
        )
    })?;
    let deliverer = session.deliverer()?;
    let account_no = recorded.result.account_no.clone();
    let earlier = contacts_today(&deliverer, now, lang)?
        .get(&account_no)
        .copied()
        .unwrap_or(0);
    let warnings = [
        rules.over_limit(&account_no, earlier),
        rules.unconfirmed_party(&recorded),
    ];
    for warning in warnings.into_iter().flatten() {
        tell!("{}", super::warning_line(lang, &sanitize(&warning)));
    }
    log_consent(session, &deliverer, &account_no, &args.consent, now)?;
    let id = deliverer
        .save(recorded, total_due, &zone, &rules.calling)
        .map_err(store_failure(lang))?;
    let patient = deliverer
        .deliver_told(id, ATTEMPTS)
        .await
        .map_err(store_failure(lang))?;
    let (state, d) = (patient.state, patient.last);
    match state {
        DeliveryState::Delivered => {
            say!("{}", describe(state, &d, lang));
            Ok(())
        }
        _ => Err(Failure::new(
            exit_code(state, patient.reached),
            tr!(
                lang,
                "submit-result",
                id = id,
                what = describe(state, &d, lang)
            ),
        )),
    }
}

/// The consumer's consent to a call outside their window, kept as an override (as the
/// workstation keeps one before dialing), so that the result's receipt carries it.
fn log_consent(
    session: &Session,
    deliverer: &crate::delivery::Deliverer,
    account_no: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), Failure> {
    if reason.trim().is_empty() {
        return Ok(());
    }
    let event = crate::store::ContactEvent {
        account_no: account_no.to_string(),
        at: crate::domain::dates::wire(now),
        phone: String::new(),
        kind: "override".into(),
        reason: reason.trim().to_string(),
        agent_id: session.config.agent_id.clone(),
    };
    deliverer
        .log_contact(&event)
        .map_err(store_failure(session.config.language))
}

fn store_failure(lang: Lang) -> impl Fn(crate::store::StoreError) -> Failure {
    move |e| Failure::new(EXIT_ERROR, words::store_error(lang, &e))
}

/// Every row is checked first (as the form checks it); the valid ones are saved in one
/// transaction, then sent. Rows over the day's contact limit are warned about, and kept.
async fn batch(session: &Session, rules: &Rules, file: &std::path::Path) -> Result<(), Failure> {
    let lang = rules.lang;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(file)
        .map_err(|e| {
            Failure::new(
                EXIT_ERROR,
                tr!(
                    lang,
                    "submit-cannot-read",
                    path = file.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Failure::new(EXIT_INVALID, format!("{}: {e}", file.display())))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    for required in ["account", "action", "remark"] {
        if col(required).is_none() {
            return Err(Failure::new(
                EXIT_INVALID,
                tr!(
                    lang,
                    "submit-no-column",
                    path = file.display().to_string(),
                    column = required
                ),
            ));
        }
    }
    let now = session.clock.now_local();
    let deliverer = session.deliverer()?;
    // Results today per account: the outbox's, then the rows before in this file.
    let mut contacts = contacts_today(&deliverer, now, lang)?;
    let mut valid: Vec<(usize, Checked)> = Vec::new();
    let mut invalid = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2; // the header is line 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                say!(
                    "{}",
                    tr!(
                        lang,
                        "submit-row-invalid",
                        line = line,
                        why = sanitize(&e.to_string())
                    )
                );
                invalid += 1;
                continue;
            }
        };
        let get = |name: &str| {
            col(name)
                .and_then(|c| record.get(c))
                .unwrap_or("")
                .to_string()
        };
        let period = get("period");
        let period_given = !period.trim().is_empty();
        let d = by_agent(
            session,
            ResultDraft {
                account_no: get("account"),
                cust_name: get("name"),
                action_code: get("action"),
                result_code: get("result"),
                promise_date: get("promise"),
                period,
                remark: get("remark"),
                party: get("party"),
                callback: get("callback"),
                amount: get("amount"),
                ..ResultDraft::default()
            },
        );
        match rules.check(
            d,
            period_given,
            &get("consent"),
            now,
            session.clock.now_utc(),
        ) {
            Ok(checked) => {
                let account_no = checked.0.result.account_no.clone();
                let earlier = contacts.entry(account_no.clone()).or_default();
                let warnings = [
                    rules.over_limit(&account_no, *earlier),
                    rules.unconfirmed_party(&checked.0),
                ];
                for warning in warnings.into_iter().flatten() {
                    let message = tr!(lang, "submit-row", line = line, what = sanitize(&warning));
                    tell!("{}", super::warning_line(lang, &message));
                }
                *earlier += 1;
                log_consent(session, &deliverer, &account_no, &get("consent"), now)?;
                valid.push((line, checked));
            }
            Err(errors) => {
                say!(
                    "{}",
                    tr!(
                        lang,
                        "submit-row-invalid",
                        line = line,
                        why = refusals(&errors, lang)
                    )
                );
                invalid += 1;
            }
        }
    }
    let rows: Vec<Checked> = valid.iter().map(|(_, checked)| checked.clone()).collect();
    let ids = deliverer
        .save_all(rows, &rules.calling)
        .map_err(store_failure(lang))?;
    let mut worst = 0u8;
    let mut delivered = 0;
    for ((line, (recorded, _, _)), id) in valid.iter().zip(ids) {
        let r = &recorded.result;
        let patient = deliverer
            .deliver_told(id, ATTEMPTS)
            .await
            .map_err(store_failure(lang))?;
        let (state, d) = (patient.state, patient.last);
        if state == DeliveryState::Delivered {
            delivered += 1;
        }
        worst = worst.max(exit_code(state, patient.reached));
        let what = format!(
            "{} {}: {}",
            r.account_no,
            r.action_code,
            describe(state, &d, lang)
        );
        say!("{}", tr!(lang, "submit-row", line = *line, what = what));
    }
    say!(
        "{}",
        tr!(
            lang,
            "submit-summary",
            n = valid.len() + invalid,
            delivered = delivered,
            undelivered = valid.len() - delivered,
            invalid = invalid
        )
    );
    if invalid > 0 {
        worst = worst.max(EXIT_INVALID);
    }
    if worst == 0 {
        Ok(())
    } else {
        Err(Failure::new(worst, ""))
    }
}
