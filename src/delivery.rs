//! Getting results from the outbox to the server: one attempt at a time, each outcome
//! recorded before the next move. The CLI and the workstation both deliver through here.

use crate::api::{ApiError, Client};
use crate::clock::Clock;
use crate::domain::CollectionResult;
use crate::domain::outbox::{DeliveryState, backoff_millis};
use crate::domain::receipt::{Binding, Circumstances};
use crate::domain::result::Recorded;
use crate::domain::text::clean;
use crate::domain::verdict::ListRead;
use crate::domain::window::CallingRules;
use crate::domain::zone::ZoneGuess;
use crate::store::Noted;
use crate::store::{Outbox, StoreError};
use chrono::Duration;
use rand::Rng;
use std::sync::{Arc, Mutex};

/// What an answer (or its absence) means for a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    Delivered {
        code: String,
        message: String,
    },
    /// The server said no; sending the same again would get the same answer.
    Rejected {
        reason: String,
        code: Option<String>,
    },
    /// It may be stored: never resend without a decision.
    Uncertain {
        reason: String,
    },
    /// It cannot have been stored: try again later.
    Retry {
        reason: String,
    },
}

pub fn disposition(outcome: Result<crate::domain::CollectionResponse, ApiError>) -> Disposition {
    let e = match outcome {
        Ok(r) => {
            // Server text, kept and shown later: made safe here, once.
            return Disposition::Delivered {
                code: clean(r.respon_code),
                message: clean(r.respon_mess),
            };
        }
        Err(e) => e,
    };
    let reason = clean(e.to_string());
    match &e {
        ApiError::Refused { code, .. } | ApiError::InvalidToken { code, .. } => {
            Disposition::Rejected {
                reason,
                code: Some(code.clone()),
            }
        }
        ApiError::Unauthorized => Disposition::Rejected {
            reason,
            code: Some("401".into()),
        },
        ApiError::Forbidden { .. } => Disposition::Rejected {
            reason,
            code: Some("403".into()),
        },
        ApiError::NotFound { .. } => Disposition::Rejected {
            reason,
            code: Some("404".into()),
        },
        ApiError::Config(_) => Disposition::Rejected { reason, code: None },
        // Not followed, but the configured server had the whole result before it answered
        // 3xx (post/redirect/get stores, then redirects): handled as a dropped connection
        // after sending. It may be stored, so it is never re-sent on its own.
        ApiError::Redirect { .. } => Disposition::Uncertain { reason },
        // Too slow or too many: the server says it did not take the request.
        ApiError::Status {
            status: 408 | 429, ..
        } => Disposition::Retry { reason },
        ApiError::Status { status, .. } if (400..500).contains(status) => Disposition::Rejected {
            reason,
            code: Some(status.to_string()),
        },
        // The application failed (its error page) or is down for maintenance: not stored.
        // Nothing was reached at all: not stored either.
        ApiError::Status {
            status: 500 | 503, ..
        }
        | ApiError::Connect { .. } => Disposition::Retry { reason },
        // 502, 504 and the like come from a proxy that may have passed the request on.
        // An answer came but not one we understand, or none came: it may be stored.
        _ => Disposition::Uncertain { reason },
    }
}

/// How a patient delivery ended.
#[derive(Debug, Clone)]
pub struct Patient {
    pub state: DeliveryState,
    /// The last attempt's disposition (`None` when another sender had it in hand).
    pub last: Option<Disposition>,
    /// Some attempt reached the server (or may have): not a refused connection.
    pub reached: bool,
}

/// The outbox shared between the sender and whoever reads it.
pub type SharedOutbox = Arc<Mutex<Outbox>>;

#[derive(Clone)]
pub struct Deliverer {
    pub outbox: SharedOutbox,
    pub client: Client,
    pub clock: Clock,
    /// First retry delay; doubles with each attempt.
    pub base_backoff_ms: u64,
    /// `audit.anchor_in_remark`: each remark sent ends with its receipt's tag. Off for a
    /// deliverer made here; a session sets it from the config (where it is on by default).
    pub anchor_in_remark: bool,
}

/// A read of the outbox for a screen: recent results, the counts, today's dials, and the
/// evidence the promises among those results are judged on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxSnapshot {
    pub items: Vec<crate::store::OutboxItem>,
    pub counts: crate::store::Counts,
    pub contacts: Vec<crate::store::ContactEvent>,
    pub reads: Vec<ListRead>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlushSummary {
    pub delivered: usize,
    pub rejected: usize,
    pub uncertain: usize,
    pub retry: usize,
}

/// The list reads since the first of `calls` (promise date, call time) with a promise was
/// made (none without one): all that can be evidence about those promises.
fn reads_for_promises(
    outbox: &Outbox,
    calls: impl Iterator<Item = (Option<chrono::NaiveDate>, chrono::NaiveDateTime)>,
) -> Result<Vec<ListRead>, StoreError> {
    match calls
        .filter(|(promise, _)| promise.is_some())
        .map(|(_, at)| at)
        .min()
    {
        Some(since) => outbox.list_reads(since),
        None => Ok(Vec::new()),
    }
}

impl Deliverer {
    pub fn new(outbox: SharedOutbox, client: Client, clock: Clock) -> Deliverer {
        Deliverer {
            outbox,
            client,
            clock,
            base_backoff_ms: 2_000,
            anchor_in_remark: false,
        }
    }

    /// How results are sent, for their receipts: the anchor tag (`audit.anchor_in_remark`)
    /// and the exact body the client posts.
    fn sending<'a>(
        &self,
        body: &'a dyn Fn(&CollectionResult) -> Vec<u8>,
    ) -> crate::domain::receipt::Sending<'a> {
        crate::domain::receipt::Sending {
            anchor_in_remark: self.anchor_in_remark,
            body,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Outbox> {
        // A panic elsewhere must not stop delivery: the outbox itself is always consistent.
        self.outbox.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn enqueue(&self, result: &CollectionResult) -> Result<i64, StoreError> {
        self.lock().enqueue(result, self.clock.now_local())
    }

    /// The newest `recent` results besides every open one, the counts, today's dials and the
    /// list reads since the first promise among those results.
    pub fn snapshot(&self, recent: usize) -> Result<OutboxSnapshot, StoreError> {
        let outbox = self.lock();
        let today = self.clock.now_local().date();
        let items = outbox.recent(recent)?;
        let calls = items
            .iter()
            .map(|i| (i.result.promise_date, i.result.call_time));
        let reads = reads_for_promises(&outbox, calls)?;
        Ok(OutboxSnapshot {
            items,
            counts: outbox.counts()?,
            contacts: outbox.contacts_on(today)?,
            reads,
        })
    }

    /// Every result as the day's figures read it (today's contacts, promises, the summary).
    pub fn day_records(&self) -> Result<Vec<crate::domain::today::DayRecord>, StoreError> {
        let items = self.lock().list()?;
        Ok(items
            .iter()
            .map(crate::store::OutboxItem::day_record)
            .collect())
    }

    /// The evidence the promises among `records` are judged on (`domain::verdict`).
    pub fn list_reads(
        &self,
        records: &[crate::domain::today::DayRecord],
    ) -> Result<Vec<ListRead>, StoreError> {
        let calls = records.iter().map(|r| (r.promise_date, r.call_time));
        reads_for_promises(&self.lock(), calls)
    }

    /// Keeps what a task list just read shows of the accounts whose promise is being judged
    /// (`Outbox::keep_list_read`), as read now. Returns the rows kept.
    pub fn keep_list_read(
        &self,
        tasks: &[crate::domain::Task],
        grace_days: i64,
    ) -> Result<usize, StoreError> {
        let now = self.clock.now_local();
        self.lock().keep_list_read(tasks, now, grace_days)
    }

    /// Changes when another process wrote to the outbox (`Outbox::data_version`).
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.lock().data_version()
    }

    /// Records a dial (or an override) before the number is dialed.
    pub fn log_contact(&self, event: &crate::store::ContactEvent) -> Result<(), StoreError> {
        self.lock().log_contact(event)
    }

    /// Saves a result durably with what is kept beside it and its receipt: the customer's
    /// zone (`guess`) and window at this instant under `rules`, the consent given for a call
    /// outside it (an override logged today), and the account's contacts today with this
    /// one. Returns its id.
    pub fn save(
        &self,
        recorded: Recorded,
        total_due: Option<crate::domain::Money>,
        guess: &ZoneGuess,
        rules: &CallingRules,
    ) -> Result<i64, StoreError> {
        self.save_all(vec![(recorded, total_due, guess.clone())], rules)
            .map(|ids| ids[0])
    }

    /// Saves several results in one transaction (a batch), each judged as `save` judges
    /// one; contacts count the rows before in the batch.
    pub fn save_all(
        &self,
        rows: Vec<(Recorded, Option<crate::domain::Money>, ZoneGuess)>,
        rules: &CallingRules,
    ) -> Result<Vec<i64>, StoreError> {
        let now = self.clock.now_local();
        let instant = self.clock.now_utc();
        let mut outbox = self.lock();
        let records: Vec<_> = outbox
            .on_day(now.date())?
            .iter()
            .map(crate::store::OutboxItem::day_record)
            .collect();
        let mut contacts = crate::domain::today::contacts_on(&records, now.date());
        let overrides = outbox.contacts_on(now.date())?;
        let noted: Vec<Noted> = rows
            .into_iter()
            .map(|(recorded, total_due, guess)| {
                let account = recorded.result.account_no.clone();
                let count = contacts.entry(account.clone()).or_default();
                *count += 1;
                // The consent given with the result, else one logged before dialing today.
                let consent = recorded.consent.clone().or_else(|| {
                    overrides
                        .iter()
                        .rev()
                        .find(|e| e.account_no == account && e.kind == "override")
                        .map(|e| e.reason.clone())
                });
                let window = rules.check(instant, guess.zone);
                let circumstances =
                    Circumstances::of(&guess, &window, rules, consent.as_deref(), *count as u32);
                let binding = Binding::of(rules, self.clock.is_fixed());
                Noted::of(recorded, total_due, circumstances, binding)
            })
            .collect();
        let body = |r: &CollectionResult| self.client.request_body(r);
        outbox.enqueue_all_sealed(&noted, now, &self.sending(&body))
    }

    /// Saves the agent's correction of a rejected result (its receipt stays the first one's).
    pub fn save_edit(&self, id: i64, result: &CollectionResult) -> Result<i64, StoreError> {
        let now = self.clock.now_local();
        let body = |r: &CollectionResult| self.client.request_body(r);
        self.lock()
            .edit_sealed(id, result, now, &self.sending(&body))
            .map(|_| id)
    }

    /// The agent's "send now": a queued result at once, a rejected or uncertain one again.
    /// `None` when another sender has it in hand.
    pub async fn send_now(
        &self,
        id: i64,
    ) -> Result<Option<(DeliveryState, Disposition)>, StoreError> {
        self.lock().resend(id, self.clock.now_local())?;
        self.deliver(id).await
    }

    /// The agent checked that an uncertain result is on the server.
    pub fn mark_delivered(&self, id: i64) -> Result<(), StoreError> {
        self.lock().resolve_delivered(id, self.clock.now_local())
    }

    /// Taken out by the agent; kept for the record.
    pub fn discard(&self, id: i64) -> Result<(), StoreError> {
        self.lock().discard(id, self.clock.now_local())
    }

    /// One attempt for one queued result. `None` when it was not queued (already taken).
    pub async fn deliver(
        &self,
        id: i64,
    ) -> Result<Option<(DeliveryState, Disposition)>, StoreError> {
        Ok(self.deliver_once(id).await?.map(|(s, d, _, _)| (s, d)))
    }

    /// `deliver`, also saying how long the server asked to be left alone (`Retry-After`).
    async fn deliver_once(
        &self,
        id: i64,
    ) -> Result<
        Option<(
            DeliveryState,
            Disposition,
            Option<std::time::Duration>,
            bool,
        )>,
        StoreError,
    > {
        let now = self.clock.now_local();
        let Some(item) = self.lock().claim(id, now)? else {
            return Ok(None);
        };
        let outcome = self.client.submit(&item.result).await;
        // A connection that never opened (refused, no such host) carried nothing.
        let reached = !matches!(outcome, Err(ApiError::Connect { .. }));
        // A busy server's wait, at most `http.max_retry_after_secs` (and said).
        let asked = outcome
            .as_ref()
            .err()
            .and_then(ApiError::retry_after)
            .map(|a| self.client.busy_wait(a).waited);
        let d = disposition(outcome);
        let now = self.clock.now_local();
        let mut outbox = self.lock();
        let state = match &d {
            Disposition::Delivered { code, message } => {
                outbox.mark_delivered(id, code, message, now)?;
                DeliveryState::Delivered
            }
            Disposition::Rejected { reason, code } => {
                outbox.mark_rejected(id, reason, code.as_deref(), now)?;
                DeliveryState::Rejected
            }
            Disposition::Uncertain { reason } => {
                outbox.mark_uncertain(id, reason, now)?;
                DeliveryState::Uncertain
            }
            Disposition::Retry { reason } => {
                let jitter: f64 = rand::rng().random();
                // Never sooner than the server asked (429 or 503 with `Retry-After`).
                let wait = backoff_millis(
                    item.attempts.saturating_sub(1),
                    self.base_backoff_ms,
                    jitter,
                )
                .max(asked.map_or(0, |a| a.as_millis() as u64));
                // On elapsed time: a clock fixed by `--now` still comes round to it.
                let next = self.clock.schedule_now() + Duration::milliseconds(wait as i64);
                outbox.requeue(id, reason, next, now)?;
                DeliveryState::Queued
            }
        };
        Ok(Some((state, d, asked, reached)))
    }

    /// One attempt for every queued result that is due (all queued ones with `everything`).
    pub async fn flush_once(&self, everything: bool) -> Result<FlushSummary, StoreError> {
        let due = self.lock().due(self.clock.schedule_now(), everything)?;
        let mut summary = FlushSummary::default();
        let mut first_error = None;
        for id in due {
            // One result the outbox could not record must not hold back the others.
            match self.deliver(id).await {
                Ok(Some((DeliveryState::Delivered, _))) => summary.delivered += 1,
                Ok(Some((DeliveryState::Rejected, _))) => summary.rejected += 1,
                Ok(Some((DeliveryState::Uncertain, _))) => summary.uncertain += 1,
                Ok(Some(_)) => summary.retry += 1,
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(id, error = %e, "could not record a send");
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) if summary == FlushSummary::default() => Err(e),
            _ => Ok(summary),
        }
    }

    /// Keeps trying one result, backing off, until it is settled or `max_attempts` are used.
    pub async fn deliver_patiently(
        &self,
        id: i64,
        max_attempts: u32,
    ) -> Result<(DeliveryState, Option<Disposition>), StoreError> {
        let patient = self.deliver_told(id, max_attempts).await?;
        Ok((patient.state, patient.last))
    }

    /// `deliver_patiently`, also saying whether any attempt reached the server (a result
    /// still queued that never did was certainly not sent: exit 5 rather than 4).
    pub async fn deliver_told(&self, id: i64, max_attempts: u32) -> Result<Patient, StoreError> {
        let mut reached_any = false;
        let mut last = None;
        let mut asked = None;
        for attempt in 0..max_attempts {
            if attempt > 0 {
                let wait = std::time::Duration::from_millis(backoff_millis(
                    attempt - 1,
                    self.base_backoff_ms,
                    0.0,
                ))
                .max(asked.unwrap_or_default());
                tokio::time::sleep(wait).await;
                self.lock().resend_now(id)?;
            }
            match self.deliver_once(id).await? {
                Some((DeliveryState::Queued, d, wait, reached)) => {
                    reached_any |= reached;
                    last = Some(d);
                    asked = wait;
                }
                Some((state, d, _, reached)) => {
                    return Ok(Patient {
                        state,
                        last: Some(d),
                        reached: reached_any || reached,
                    });
                }
                None => break,
            }
        }
        let state = self.lock().get(id)?.state;
        Ok(Patient {
            state,
            last,
            reached: reached_any,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(n: u16) -> Disposition {
        disposition(Err(ApiError::Status {
            status: n,
            excerpt: String::new(),
            retry_after: None,
        }))
    }

    #[test]
    fn what_each_failure_means_for_a_result() {
        assert!(
            matches!(status(500), Disposition::Retry { .. }),
            "the application's error page"
        );
        assert!(matches!(status(503), Disposition::Retry { .. }));
        assert!(matches!(status(429), Disposition::Retry { .. }));
        assert!(
            matches!(status(502), Disposition::Uncertain { .. }),
            "a proxy may have passed it on"
        );
        assert!(matches!(status(504), Disposition::Uncertain { .. }));
        assert!(matches!(status(400), Disposition::Rejected { .. }));
        let refused = ApiError::Refused {
            code: "90".into(),
            message: "no".into(),
        };
        assert!(matches!(
            disposition(Err(refused)),
            Disposition::Rejected { .. }
        ));
        assert!(matches!(
            disposition(Err(ApiError::Dropped { host: "h".into() })),
            Disposition::Uncertain { .. }
        ));
        let redirect = ApiError::redirect(307, "http://a/x", Some("http://b/x"));
        assert!(
            matches!(disposition(Err(redirect)), Disposition::Uncertain { .. }),
            "a redirect after the result was sent: it may be stored, never re-sent on its own"
        );
        let hostile = disposition(Ok(crate::domain::CollectionResponse {
            respon_code: "00".into(),
            respon_mess: "ok\u{1b}]0;x\u{7}\u{202E}".into(),
        }));
        assert_eq!(
            hostile,
            Disposition::Delivered {
                code: "00".into(),
                message: "ok]0;x".into()
            }
        );
        assert!(matches!(
            disposition(Err(ApiError::Connect {
                host: "h".into(),
                reason: "refused".into()
            })),
            Disposition::Retry { .. }
        ));
    }
}
