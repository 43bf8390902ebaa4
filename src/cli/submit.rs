use super::{EXIT_ERROR, EXIT_INVALID, EXIT_NO_ANSWER, EXIT_REFUSED, Failure};
use crate::delivery::Disposition;
use crate::domain::codes::MasterData;
use crate::domain::outbox::DeliveryState;
use crate::domain::result::{CUST_NAME_MAX, Policy, check};
use crate::domain::text::sanitize;
use crate::domain::today::contacts_on;
use crate::domain::{CollectionResult, FieldError, Money, ResultDraft, Task};
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::tr;
use chrono::NaiveDateTime;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SubmitArgs {
    /// Account (contract) number.
    #[arg(long, required_unless_present = "batch")]
    pub account: Option<String>,
    /// Action code, e.g. PTP, MSG, BPH, NCT.
    #[arg(long, required_unless_present = "batch")]
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
    /// A CSV with a header row and columns account, action, result, promise, period, remark.
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
    lang: Lang,
}

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
                eprintln!("{}", super::warning_line(lang, &message));
            }
        }
        Ok(Rules {
            codes,
            // As the workstation's settings have it.
            horizon_days: config.ui.promise_horizon_days.unwrap_or(30).max(0),
            max_contacts: config.calling.max_contacts_per_day,
            tasks,
            lang,
        })
    }

    fn task(&self, account_no: &str) -> Option<&Task> {
        self.tasks.get(account_no.trim())
    }

    /// The draft completed from the account's task (period, name) and checked as the form
    /// checks it. On success also what the account owes now, kept for the day's figures.
    fn check(
        &self,
        mut draft: ResultDraft,
        period_given: bool,
        now: NaiveDateTime,
    ) -> Result<(CollectionResult, Option<Money>), Vec<FieldError>> {
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
        let policy = Policy {
            horizon_days: self.horizon_days,
            tenor: task.and_then(Task::tenor),
        };
        let result = check(&draft, &self.codes, &policy, now)?;
        Ok((result, task.and_then(|t| t.total_due)))
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

fn exit_code(state: DeliveryState) -> u8 {
    match state {
        DeliveryState::Delivered => 0,
        DeliveryState::Rejected => EXIT_REFUSED,
        DeliveryState::Discarded => EXIT_ERROR,
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
            ..ResultDraft::default()
        },
    );
    let now = session.clock.now_local();
    let (result, total_due) = rules.check(d, period_given, now).map_err(|errors| {
        Failure::new(
            EXIT_INVALID,
            tr!(lang, "submit-invalid", refusals = refusals(&errors, lang)),
        )
    })?;
    let deliverer = session.deliverer()?;
    let earlier = contacts_today(&deliverer, now, lang)?
        .get(&result.account_no)
        .copied()
        .unwrap_or(0);
    if let Some(warning) = rules.over_limit(&result.account_no, earlier) {
        eprintln!("{}", super::warning_line(lang, &sanitize(&warning)));
    }
    let id = deliverer
        .save(&result, None, total_due)
        .map_err(store_failure(lang))?;
    let (state, d) = deliverer
        .deliver_patiently(id, ATTEMPTS)
        .await
        .map_err(store_failure(lang))?;
    match state {
        DeliveryState::Delivered => {
            println!("{}", describe(state, &d, lang));
            Ok(())
        }
        _ => Err(Failure::new(
            exit_code(state),
            tr!(
                lang,
                "submit-result",
                id = id,
                what = describe(state, &d, lang)
            ),
        )),
    }
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
    let mut valid: Vec<(usize, CollectionResult, Option<Money>)> = Vec::new();
    let mut invalid = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2; // the header is line 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                println!(
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
                ..ResultDraft::default()
            },
        );
        match rules.check(d, period_given, now) {
            Ok((r, total_due)) => {
                let earlier = contacts.entry(r.account_no.clone()).or_default();
                if let Some(warning) = rules.over_limit(&r.account_no, *earlier) {
                    let message = tr!(lang, "submit-row", line = line, what = sanitize(&warning));
                    eprintln!("{}", super::warning_line(lang, &message));
                }
                *earlier += 1;
                valid.push((line, r, total_due));
            }
            Err(errors) => {
                println!(
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
    let noted: Vec<(CollectionResult, Option<Money>)> = valid
        .iter()
        .map(|(_, r, total_due)| (r.clone(), *total_due))
        .collect();
    let ids = deliverer
        .outbox
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .enqueue_all_noting(&noted, now)
        .map_err(store_failure(lang))?;
    let mut worst = 0u8;
    let mut delivered = 0;
    for ((line, r, _), id) in valid.iter().zip(ids) {
        let (state, d) = deliverer
            .deliver_patiently(id, ATTEMPTS)
            .await
            .map_err(store_failure(lang))?;
        if state == DeliveryState::Delivered {
            delivered += 1;
        }
        worst = worst.max(exit_code(state));
        let what = format!(
            "{} {}: {}",
            r.account_no,
            r.action_code,
            describe(state, &d, lang)
        );
        println!("{}", tr!(lang, "submit-row", line = *line, what = what));
    }
    println!(
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
