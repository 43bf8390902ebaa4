//! `deskcoll audit`: the receipts of lawful contact, oldest first, and a check of their chain.

use super::output::{self, emit};
use super::{EXIT_ERROR, Failure};
use crate::domain::receipt::{Broken, Receipt, verify};
use crate::i18n::{Lang, words};
use crate::session::Session;
use crate::store::StoredReceipt;
use crate::tr;
use chrono::NaiveDate;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuditFormat {
    #[default]
    Csv,
    Json,
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
    /// Check the whole chain of receipts instead: exit 0 when every receipt hashes to its
    /// stored hash and names the one before, else 1 naming the first that does not.
    #[arg(long, conflicts_with_all = ["from", "to", "format", "excel"])]
    pub verify: bool,
}

/// The columns of the export, in order: the result's id, then the receipt's own fields (the
/// hash chain's canonical order). A contract: never translated.
const COLUMNS: [&str; 17] = [
    "result_id",
    "account_no",
    "action_code",
    "result_code",
    "call_time",
    "zone",
    "zone_source",
    "local_time",
    "window_state",
    "consent",
    "consent_reason",
    "contacts_that_day",
    "party",
    "rules_version",
    "holidays_sha256",
    "prev_sha256",
    "sha256",
];

pub async fn run(session: &Session, args: AuditArgs) -> Result<(), Failure> {
    let lang = session.config.language;
    let deliverer = session.deliverer()?;
    let outbox = deliverer.outbox.lock().unwrap_or_else(|p| p.into_inner());
    let store_failure = |e| Failure::new(EXIT_ERROR, words::store_error(lang, &e));
    if args.verify {
        let chain = outbox.receipt_chain().map_err(store_failure)?;
        return verify_chain(&chain, lang);
    }
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
            let flat: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, r)| {
                    let mut v = serde_json::to_value(r).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("result_id".into(), (*id).into());
                    }
                    v
                })
                .collect();
            output::emit_json(&flat)
        }
        AuditFormat::Csv => {
            let style = crate::domain::text::CsvStyle { excel: args.excel };
            let cells: Vec<Vec<String>> = rows.iter().map(|(id, r)| row(*id, r)).collect();
            emit(&output::csv(&COLUMNS, &cells, true, style)?)
        }
    }
}

fn row(id: i64, r: &Receipt) -> Vec<String> {
    vec![
        id.to_string(),
        r.account_no.clone(),
        r.action_code.clone(),
        r.result_code.clone(),
        r.call_time.clone(),
        r.zone.clone(),
        r.zone_source.clone(),
        r.local_time.clone(),
        r.window_state.clone(),
        r.consent.to_string(),
        r.consent_reason.clone(),
        r.contacts_that_day.to_string(),
        r.party.clone(),
        r.rules_version.clone(),
        r.holidays_sha256.clone(),
        r.prev_sha256.clone(),
        r.sha256.clone(),
    ]
}

fn verify_chain(chain: &[StoredReceipt], lang: Lang) -> Result<(), Failure> {
    let broken = match verify(chain.iter().map(|s| (s.body.as_str(), s.sha256.as_str()))) {
        Ok(n) => {
            say!("{}", tr!(lang, "audit-verified", n = n));
            return Ok(());
        }
        Err(broken) => broken,
    };
    let (at, why) = match broken {
        Broken::Edited { at } => (at, tr!(lang, "audit-broken-edited")),
        Broken::Unreadable { at } => (at, tr!(lang, "audit-broken-unreadable")),
        Broken::Unlinked { at } => (at, tr!(lang, "audit-broken-unlinked")),
    };
    let id = chain[at].result_id;
    Err(Failure::new(
        1,
        tr!(lang, "audit-broken", id = id, n = at + 1, why = why),
    ))
}
