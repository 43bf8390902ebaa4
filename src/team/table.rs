//! The floor as a table: its headings in the language and each row's cells, the same for
//! `deskcoll floor` and the workstation's Floor tab.

use crate::domain::floor::FloorRow;
use crate::domain::today::percent;
use crate::i18n::Lang;
use crate::tr;

/// The column headings in the language (the CSV's are the JSON names, never translated).
pub fn headings(lang: Lang) -> Vec<String> {
    [
        "floor-col-agent",
        "floor-col-calls",
        "floor-col-rpc",
        "floor-col-rpc-rate",
        "floor-col-ptp",
        "floor-col-ptp-rate",
        "floor-col-promised",
        "floor-col-kept-rate",
        "floor-col-callbacks-due",
        "floor-col-callbacks-missed",
        "floor-col-outside",
        "floor-col-waiting",
        "floor-col-uncertain",
        "floor-col-last",
    ]
    .iter()
    .map(|id| crate::i18n::text(lang, id))
    .collect()
}

/// A row as the table and the Floor tab show it; the amount fitted into `money_width`.
pub fn cells(lang: Lang, r: &FloorRow, money_width: usize) -> Vec<String> {
    let money: crate::domain::Money = r.promised_amount.parse().unwrap_or_default();
    vec![
        if r.agent_id.is_empty() {
            tr!(lang, "floor-total")
        } else {
            r.agent_id.clone()
        },
        r.calls.to_string(),
        r.rpc.to_string(),
        percent(r.rpc_rate),
        r.ptp_count.to_string(),
        percent(r.ptp_rate),
        money.rupiah_in(money_width),
        percent(r.kept_rate),
        r.callbacks_due.to_string(),
        r.callbacks_missed.to_string(),
        format!("{} ({})", r.outside_window, r.outside_window_consent),
        r.waiting.to_string(),
        r.uncertain.to_string(),
        r.last_result
            .as_deref()
            .and_then(|t| t.get(11..16))
            .unwrap_or("-")
            .to_string(),
    ]
}
