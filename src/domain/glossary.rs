//! The keys deskcoll prints in its tables for scripts and spreadsheets (CSV headers, xlsx
//! header rows, JSON keys of the figures deskcoll computes), each with its type. The xlsx
//! writer types its cells by it: identifiers stay text, money is a number, dates are dates.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words for a person.
    Text,
    /// An identifier written with digits (account, contract, phone, VA, PO, a hash): text,
    /// never a number (leading zeros and every digit kept).
    Id,
    /// Rupiah, exact: a decimal number.
    Money,
    /// A whole number (a count, days, minutes, a step).
    Integer,
    /// `YYYY-MM-DD`.
    Date,
    /// A date and a time (`YYYY-MM-DD HH:MM:SS` or RFC 3339).
    DateTime,
    /// `true` or `false`.
    Bool,
}

/// The type of a key, when it is one of ours.
pub fn kind_of(key: &str) -> Option<Kind> {
    use Kind::*;
    Some(match key {
        // Identifiers.
        "contract_no"
        | "account_no"
        | "phone1"
        | "purchase_order_number"
        | "purchase_request_number"
        | "invoice_number"
        | "va_number"
        | "rules_sha256"
        | "holidays_sha256"
        | "body_sha256"
        | "prev_sha256"
        | "sha256"
        | "tag"
        | "corrects"
        | "result_id" => Id,
        // Money.
        "total_amount"
        | "total_due"
        | "installment_amount"
        | "penalty"
        | "osar"
        | "price_sub_total"
        | "total_ppn"
        | "total_pph"
        | "bill_amount"
        | "pph21"
        | "pph22"
        | "pph23"
        | "shipping_cost"
        | "from_bill"
        | "to_bill"
        | "amount"
        | "ptp_total_due"
        | "total due under promise"
        | "amount promised" => Money,
        // Whole numbers.
        "overdue" | "installment_no" | "total_installments" | "days_overdue"
        | "closes_in_minutes" | "step" | "total_step" | "count" | "from_step" | "to_step"
        | "seq" | "id" | "attempts" | "contacts_that_day" | "contacts_today" | "rules_version"
        | "promises to pay" | "delivered" | "waiting" | "rejected" | "uncertain" => Integer,
        // Dates and times.
        "due_date" | "promise_date" | "promise" => Date,
        "entry_date" | "status_change_date" | "call_time" | "local_time" => DateTime,
        "callable_now" | "consent" | "legacy" => Bool,
        "name" | "branch_name" | "product" | "time_zone" | "bucket" | "buyer_name"
        | "vendor_name" | "status_name" | "bank_name" | "key" | "status" | "band" | "change"
        | "from_status" | "to_status" | "state" | "action" | "result" | "action_code"
        | "result_code" | "last_error" | "hint" | "party" | "zone" | "zone_source"
        | "window_state" | "consent_reason" | "rules_source" | "clock" | "app_version"
        | "figure" | "value" => Text,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_text_and_money_is_money() {
        for id in [
            "account_no",
            "contract_no",
            "phone1",
            "va_number",
            "prev_sha256",
        ] {
            assert_eq!(kind_of(id), Some(Kind::Id), "{id}");
        }
        for m in ["total_amount", "bill_amount", "osar", "from_bill"] {
            assert_eq!(kind_of(m), Some(Kind::Money), "{m}");
        }
        assert_eq!(kind_of("due_date"), Some(Kind::Date));
        assert_eq!(kind_of("no such key"), None);
    }
}
