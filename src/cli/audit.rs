//! `deskcoll audit`: the receipts of lawful contact, oldest first, and a check of their chain,
//! of the results they answer for, and (`--server-export`) of what the server stored.

use super::output::{self, emit};
use super::{EXIT_ERROR, EXIT_INVALID, Failure};
use crate::domain::receipt::{Broken, Receipt, Unbound, Unwitnessed, bind, verify, witness};
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::store::{AuditRecords, Outbox, StoredReceipt};
use crate::tr;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuditFormat {
    #[default]
    Csv,
    Json,
    /// A workbook (needs --output FILE).
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct AuditArgs {
    /// The first call date to export (YYYY-MM-DD, inclusive).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// The last call date to export (YYYY-MM-DD, inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t)]
    pub format: AuditFormat,
    /// CSV for Excel with an Indonesian locale: a UTF-8 BOM and `;` separators.
    #[arg(long)]
    pub excel: bool,
    /// Check the receipts instead: each hashes to its stored hash, names the one before and
    /// carries the next seq; every result recorded since receipts began has its receipt and
    /// says what it says. Exit 0 when all hold, else 1 naming the first record at fault.
    #[arg(long, conflicts_with_all = ["from", "to", "format", "excel"])]
    pub verify: bool,
    /// With --verify: the server's stored results (CSV or a JSON array of objects with
    /// `account_no` and `remark`; the twin's `GET /__twin/collections` as is): every tag of a
    /// delivered result must be there, and every tagged row there must have its receipt.
    #[arg(long, value_name = "FILE", requires = "verify")]
    pub server_export: Option<PathBuf>,
    /// With --verify: the team ledger's copy of this agent's chain must be on this desk as it
    /// is (a deleted tail, an edited or re-sealed receipt fail, naming the first).
    #[arg(long, requires = "verify")]
    pub against_team: bool,
    /// Export the team ledger's receipts instead of this desk's (a supervisor's or auditor's
    /// team.database_url); with --agent exactly as `deskcoll audit` prints them.
    #[arg(long, conflicts_with = "verify")]
    pub team: bool,
    /// With --team: only this agent's receipts.
    #[arg(long, value_name = "ID", requires = "team")]
    pub agent: Option<String>,
}

/// The columns of the CSV export, in order: the result's id, then the receipt's own fields.
/// A contract: never translated. The CSV is for reading; `--format json` is what verifies.
const COLUMNS: [&str; 28] = [
    "result_id",
    "seq",
    "account_no",
    "action_code",
    "result_code",
    "call_time",
    "promise_date",
    "amount",
    "party",
    "zone",
    "zone_source",
    "local_time",
    "window_state",
    "consent",
    "consent_reason",
    "contacts_that_day",
    "rules_version",
    "rules_sha256",
    "rules_source",
    "holidays_sha256",
    "clock",
    "app_version",
    "tag",
    "body_sha256",
    "corrects",
    "prev_sha256",
    "sha256",
    "legacy",
];

pub async fn run(session: &Session, args: AuditArgs) -> Result<(), Failure> {
    let lang = session.config.language;
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(Failure::new(
            EXIT_INVALID,
            tr!(
                lang,
                "audit-from-after-to",
                from = from.to_string(),
                to = to.to_string()
            ),
        ));
    }
    let store_failure = |e| Failure::new(EXIT_ERROR, words::store_error(lang, &e));
    let path = session.config.outbox_path(session.is_demo());
    if args.verify {
        // An auditor's mistyped path must not become an empty outbox that "holds".
        if !path.is_file() {
            return Err(Failure::new(
                EXIT_ERROR,
                tr!(lang, "audit-no-outbox", path = path.display().to_string()),
            ));
        }
        let records = Outbox::open(&path)
            .and_then(|o| o.audit_records())
            .map_err(store_failure)?;
        let agent = session.config.agent_id.trim();
        if args.against_team {
            against_team(session, &records, agent).await?;
        }
        return verify_all(&records, args.server_export.as_deref(), agent, lang);
    }
    if args.team {
        return team_export(session, &args).await;
    }
    let deliverer = session.deliverer()?;
    let outbox = deliverer.outbox.lock().unwrap_or_else(|p| p.into_inner());
    let stored = outbox.receipts(args.from, args.to).map_err(store_failure)?;
    drop(outbox);
    let rows: Vec<(i64, Receipt)> = stored
        .iter()
        .map(|s| {
            s.receipt().map(|r| (s.result_id, r)).ok_or_else(|| {
                Failure::new(EXIT_ERROR, tr!(lang, "audit-unreadable", id = s.result_id))
            })
        })
        .collect::<Result<_, _>>()?;
    match args.format {
        AuditFormat::Json => {
            let flat: Vec<serde_json::Value> = rows.iter().map(|(id, r)| json_of(*id, r)).collect();
            output::emit_json(&flat)
        }
        AuditFormat::Csv | AuditFormat::Xlsx => {
            let style = crate::domain::text::CsvStyle { excel: args.excel };
            let cells: Vec<Vec<String>> = rows.iter().map(|(id, r)| row(*id, r)).collect();
            emit(&output::csv(&COLUMNS, &cells, true, style)?)
        }
    }
}

/// A receipt as `--format json` prints it. A receipt of this release is printed exactly as
/// hashed (its `result_id` is one of its members); one written before `seq` existed gets its
/// `result_id` beside its members (its hash is over its stored body).
pub fn json_of(id: i64, r: &Receipt) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    if r.is_legacy()
        && let Some(o) = v.as_object_mut()
    {
        o.insert("result_id".into(), id.into());
    }
    v
}

fn row(id: i64, r: &Receipt) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    vec![
        id.to_string(),
        num(r.seq),
        r.account_no.clone(),
        r.action_code.clone(),
        r.result_code.clone(),
        r.call_time.clone(),
        opt(&r.promise_date),
        opt(&r.amount),
        r.party.clone(),
        r.zone.clone(),
        r.zone_source.clone(),
        r.local_time.clone(),
        r.window_state.clone(),
        r.consent.to_string(),
        r.consent_reason.clone(),
        r.contacts_that_day.to_string(),
        r.rules_version.clone(),
        opt(&r.rules_sha256),
        opt(&r.rules_source),
        r.holidays_sha256.clone(),
        opt(&r.clock),
        opt(&r.app_version),
        opt(&r.tag),
        opt(&r.body_sha256),
        num(r.corrects),
        r.prev_sha256.clone(),
        r.sha256.clone(),
        r.is_legacy().to_string(),
    ]
}

fn verify_all(
    records: &AuditRecords,
    server_export: Option<&Path>,
    agent: &str,
    lang: Lang,
) -> Result<(), Failure> {
    let chain = &records.chain;
    let receipts = verify_chain(chain, lang)?;
    let bound: Vec<(i64, Receipt)> = chain
        .iter()
        .map(|s| s.result_id)
        .zip(receipts.iter().cloned())
        .collect();
    if let Err(unbound) = bind(&bound, &records.results, records.receipts_since) {
        return Err(Failure::new(1, unbound_words(&unbound, chain, lang)));
    }
    let Some(file) = server_export else {
        say!("{}", tr!(lang, "audit-verified", n = receipts.len()));
        return Ok(());
    };
    let server = read_server_export(file, agent).map_err(|error| {
        Failure::new(
            EXIT_ERROR,
            tr!(
                lang,
                "audit-server-unreadable",
                path = file.display().to_string(),
                error = error
            ),
        )
    })?;
    let delivered: std::collections::BTreeSet<u64> = bound
        .iter()
        .filter(|(id, _)| records.delivered.contains(id))
        .filter_map(|(_, r)| r.seq)
        .collect();
    let faults = witness(&receipts, &delivered, &server);
    if faults.is_empty() {
        say!(
            "{}",
            tr!(
                lang,
                "audit-server-verified",
                n = receipts.len(),
                rows = server.len()
            )
        );
        return Ok(());
    }
    let lines: Vec<String> = faults
        .iter()
        .map(|f| match f {
            Unwitnessed::NotOnServer { seq, tag } => {
                tr!(lang, "audit-server-missing", seq = *seq, tag = tag.as_str())
            }
            Unwitnessed::NoReceipt {
                tag, account_no, ..
            } => tr!(
                lang,
                "audit-server-unknown",
                account = crate::domain::text::sanitize(account_no).into_owned(),
                tag = tag.as_str()
            ),
        })
        .collect();
    Err(Failure::new(1, lines.join("\n")))
}

fn verify_chain(chain: &[StoredReceipt], lang: Lang) -> Result<Vec<Receipt>, Failure> {
    let broken = match verify(chain.iter().map(|s| (s.body.as_str(), s.sha256.as_str()))) {
        Ok(receipts) => return Ok(receipts),
        Err(broken) => broken,
    };
    let (at, why) = match broken {
        Broken::Edited { at } => (at, tr!(lang, "audit-broken-edited")),
        Broken::Unreadable { at } => (at, tr!(lang, "audit-broken-unreadable")),
        Broken::Unlinked { at } => (at, tr!(lang, "audit-broken-unlinked")),
        Broken::Gap { at, expected } => (at, tr!(lang, "audit-broken-gap", expected = expected)),
        Broken::Mistagged { at } => (at, tr!(lang, "audit-broken-mistagged")),
    };
    let id = chain[at].result_id;
    Err(Failure::new(
        1,
        tr!(lang, "audit-broken", id = id, n = at + 1, why = why),
    ))
}

fn unbound_words(u: &Unbound, chain: &[StoredReceipt], lang: Lang) -> String {
    let _ = chain;
    match u {
        Unbound::NoReceipt { result_id } => tr!(lang, "audit-no-receipt", id = *result_id),
        Unbound::NoResult { at, result_id } => {
            tr!(lang, "audit-no-result", id = *result_id, n = at + 1)
        }
        Unbound::Twice { at, result_id } => tr!(lang, "audit-twice", id = *result_id, n = at + 1),
        Unbound::Differs {
            at,
            result_id,
            field,
        } => tr!(
            lang,
            "audit-differs",
            id = *result_id,
            n = at + 1,
            field = *field
        ),
    }
}

/// The server's stored results as `(account_no, remark)`: a JSON array of objects (the
/// members at the top, or under `stored` or `body` as the twin lists them) or a CSV with a
/// header naming `account_no` and `remark` (any case). Rows another agent stored (`cre_by`,
/// when the export has it, naming another than `agent`) are left out.
pub fn read_server_export(path: &Path, agent: &str) -> Result<Vec<(String, String)>, String> {
    let rows = read_server_rows(path)?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, by)| agent.is_empty() || by.as_deref().is_none_or(|b| b.trim() == agent))
        .map(|(account, remark, _)| (account, remark))
        .collect())
}

type ServerRow = (String, String, Option<String>);

fn read_server_rows(path: &Path) -> Result<Vec<ServerRow>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('[') {
        let rows: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        return Ok(rows.iter().filter_map(server_row).collect());
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("no column {name}"))
    };
    let (account, remark) = (col("account_no")?, col("remark")?);
    let by = col("cre_by").ok();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        out.push((
            record.get(account).unwrap_or("").trim().to_string(),
            record.get(remark).unwrap_or("").to_string(),
            by.and_then(|c| record.get(c)).map(str::to_string),
        ));
    }
    Ok(out)
}

fn server_row(v: &serde_json::Value) -> Option<ServerRow> {
    let pick = |o: &serde_json::Value| {
        let account = o.get("account_no")?.as_str()?.trim().to_string();
        let remark = o.get("remark")?.as_str()?.to_string();
        let by = o.get("cre_by").and_then(|b| b.as_str()).map(str::to_string);
        Some((account, remark, by))
    };
    pick(v)
        .or_else(|| v.get("stored").and_then(pick))
        .or_else(|| v.get("body").and_then(pick))
}

fn ledger_of(session: &Session) -> Result<&str, Failure> {
    let lang = session.config.language;
    session
        .config
        .team
        .as_ref()
        .map(|t| t.database_url.expose())
        .ok_or_else(|| Failure::new(EXIT_INVALID, tr!(lang, "team-not-set")))
}

/// The ledger's copy of this agent's chain, compared with the desk's: the first difference
/// fails (exit 1); receipts not pushed yet are said.
async fn against_team(
    session: &Session,
    records: &AuditRecords,
    agent: &str,
) -> Result<(), Failure> {
    use crate::domain::ledger::{LedgerDifference, compare};
    let lang = session.config.language;
    let url = ledger_of(session)?;
    let failed =
        |e: crate::team::LedgerError| Failure::new(EXIT_ERROR, super::team::ledger_words(lang, &e));
    if agent.is_empty() {
        return Err(failed(crate::team::LedgerError::NoAgent));
    }
    let client = crate::team::connect(url).await.map_err(failed)?;
    let held = crate::team::read::receipts(&client, Some(agent), None, None)
        .await
        .map_err(failed)?;
    let ledger: Vec<(u64, String, String)> = held
        .iter()
        .map(|r| (r.seq as u64, r.stored.body.clone(), r.stored.sha256.clone()))
        .collect();
    let desk: Vec<(u64, String, String)> = records
        .chain
        .iter()
        .filter_map(|s| Some((s.receipt()?.seq?, s.body.clone(), s.sha256.clone())))
        .collect();
    match compare(&desk, &ledger) {
        Ok(behind) => {
            if behind > 0 {
                tell!(
                    "{}",
                    super::warning_line(lang, &tr!(lang, "audit-team-behind", n = behind))
                );
            }
            say!(
                "{}",
                tr!(
                    lang,
                    "audit-team-verified",
                    n = desk.len(),
                    held = ledger.len()
                )
            );
            Ok(())
        }
        Err(LedgerDifference::Missing { seq }) => {
            Err(Failure::new(1, tr!(lang, "audit-team-missing", seq = seq)))
        }
        Err(LedgerDifference::Differs { seq, here, ledger }) => Err(Failure::new(
            1,
            tr!(
                lang,
                "audit-team-differs",
                seq = seq,
                here = here.get(..12).unwrap_or(&here).to_string(),
                ledger = ledger.get(..12).unwrap_or(&ledger).to_string()
            ),
        )),
    }
}

/// `audit --team`: the ledger's receipts. With `--agent`, the same CSV and JSON as `audit`;
/// without, the CSV gains a first column `agent_id` and the JSON is one object per agent,
/// `{"agent_id", "receipts": [...]}`, each receipt as `audit` prints it.
async fn team_export(session: &Session, args: &AuditArgs) -> Result<(), Failure> {
    let lang = session.config.language;
    let url = ledger_of(session)?;
    let failed =
        |e: crate::team::LedgerError| Failure::new(EXIT_ERROR, super::team::ledger_words(lang, &e));
    let client = crate::team::connect(url).await.map_err(failed)?;
    let held = crate::team::read::receipts(&client, args.agent.as_deref(), args.from, args.to)
        .await
        .map_err(failed)?;
    let rows: Vec<(String, i64, Receipt)> = held
        .iter()
        .map(|h| {
            h.stored
                .receipt()
                .map(|r| (h.agent_id.clone(), h.stored.result_id, r))
                .ok_or_else(|| {
                    Failure::new(
                        EXIT_ERROR,
                        tr!(lang, "audit-unreadable", id = h.stored.result_id),
                    )
                })
        })
        .collect::<Result<_, _>>()?;
    let one_agent = args.agent.is_some();
    match args.format {
        AuditFormat::Json if one_agent => {
            let flat: Vec<serde_json::Value> =
                rows.iter().map(|(_, id, r)| json_of(*id, r)).collect();
            output::emit_json(&flat)
        }
        AuditFormat::Json => {
            let mut by: Vec<serde_json::Value> = Vec::new();
            for (agent, id, r) in &rows {
                if by.last().is_none_or(|l| l["agent_id"] != agent.as_str()) {
                    by.push(serde_json::json!({"agent_id": agent, "receipts": []}));
                }
                if let Some(list) = by.last_mut().and_then(|l| l["receipts"].as_array_mut()) {
                    list.push(json_of(*id, r));
                }
            }
            output::emit_json(&by)
        }
        // A workbook takes the CSV's table (`output::csv` hands it to the xlsx writer).
        AuditFormat::Csv | AuditFormat::Xlsx => {
            let style = crate::domain::text::CsvStyle { excel: args.excel };
            let mut headers: Vec<&str> = Vec::new();
            if !one_agent {
                headers.push("agent_id");
            }
            headers.extend(COLUMNS);
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|(agent, id, r)| {
                    let mut cells = if one_agent {
                        Vec::new()
                    } else {
                        vec![agent.clone()]
                    };
                    cells.extend(row(*id, r));
                    cells
                })
                .collect();
            emit(&output::csv(&headers, &cells, true, style)?)
        }
    }
}
