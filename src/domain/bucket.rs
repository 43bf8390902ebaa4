//! The real server's five reasons an account is in today's queue, and the order a collector
//! works them in.

/// In priority order: the first variant is worked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// A promise to pay fell due yesterday and was not kept.
    BrokenPromise,
    /// The earliest unpaid installment fell due yesterday.
    FirstDayPastDue,
    /// 2 to 6 days past due.
    EarlyDelinquency,
    /// A message was left yesterday.
    MessageFollowUp,
    /// Due in 2 to 4 days: a reminder.
    PreDue,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [
        Bucket::BrokenPromise,
        Bucket::FirstDayPastDue,
        Bucket::EarlyDelinquency,
        Bucket::MessageFollowUp,
        Bucket::PreDue,
    ];

    /// The name in JSON and CSV (a contract: never translated).
    pub fn wire_name(self) -> &'static str {
        match self {
            Bucket::BrokenPromise => "broken_promise",
            Bucket::FirstDayPastDue => "day_1",
            Bucket::EarlyDelinquency => "od_2_6",
            Bucket::MessageFollowUp => "message_follow_up",
            Bucket::PreDue => "pre_due",
        }
    }

    /// Short label for a table column.
    pub fn label(self) -> &'static str {
        match self {
            Bucket::BrokenPromise => "BROKEN",
            Bucket::FirstDayPastDue => "DAY 1",
            Bucket::EarlyDelinquency => "OD 2-6",
            Bucket::MessageFollowUp => "MSG FU",
            Bucket::PreDue => "PRE-DUE",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Bucket::BrokenPromise => "broken promise",
            Bucket::FirstDayPastDue => "first day past due",
            Bucket::EarlyDelinquency => "overdue 2-6 days",
            Bucket::MessageFollowUp => "message follow-up",
            Bucket::PreDue => "pre-due reminder",
        }
    }

    /// The task list does not say why an account is in it; its `overdue` field (days past due
    /// + 1, 0 before the due date) mostly does. A broken promise known locally wins.
    pub fn classify(overdue: Option<i64>, broken_promise_known: bool) -> Bucket {
        if broken_promise_known {
            return Bucket::BrokenPromise;
        }
        match overdue.unwrap_or(0) {
            i64::MIN..=1 => Bucket::PreDue,
            2 => Bucket::FirstDayPastDue,
            3..=7 => Bucket::EarlyDelinquency,
            // 7 days past due is in the list only as a broken promise.
            8 => Bucket::BrokenPromise,
            _ => Bucket::MessageFollowUp,
        }
    }
}

/// Why a task is in today's list: the one rule every view uses (queue, customer pane, the
/// promise filter, Today, `deskcoll tasks` and `today`). The list does not say; the server's
/// `overdue` mostly does (8 can only be a broken promise), and a promise of ours whose date
/// passed while the account is still overdue in the list is a broken promise too.
pub fn bucket_of(task: &super::Task, promises: &super::promise::PromiseBook) -> Bucket {
    Bucket::classify(
        task.overdue,
        promises.broken.contains(task.contract_no.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_follows_the_servers_buckets() {
        assert_eq!(Bucket::classify(Some(0), false), Bucket::PreDue);
        assert_eq!(Bucket::classify(Some(2), false), Bucket::FirstDayPastDue);
        assert_eq!(Bucket::classify(Some(5), false), Bucket::EarlyDelinquency);
        assert_eq!(Bucket::classify(Some(8), false), Bucket::BrokenPromise);
        assert_eq!(Bucket::classify(Some(30), false), Bucket::MessageFollowUp);
        assert_eq!(Bucket::classify(Some(3), true), Bucket::BrokenPromise);
        assert!(Bucket::BrokenPromise < Bucket::PreDue);
    }
}
