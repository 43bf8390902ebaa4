//! The result form: what the agent types, the code pickers, validation at the field, and
//! what becomes of the result once it is saved and sent.

mod view;

pub use view::draw;

use super::{Cx, Go, Reply};
use crate::delivery::Disposition;
use crate::domain::codes::MasterData;
use crate::domain::outbox::Decision;
use crate::domain::party::Party;
use crate::domain::result::Refusal;
use crate::domain::result::{
    CallingContext, FieldError, Policy, Recorded, action_has_result, needs_promise, record,
};
use crate::domain::text::sanitize;
use crate::domain::today::at_contact_limit;
use crate::domain::window::consent_for;
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::domain::{ResultDraft, Task};
use crate::i18n::{Lang, words};
use crate::store::StoreError;
use crate::tr;
use crate::tui::chrome::StatusKind;
use crate::tui::keymap::{Command, Context, Keymap};
use crate::tui::message::{Effect, Sent};
use crate::tui::modal::{Intent, PromptEvent, PromptKind};
use chrono::{DateTime, NaiveDateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Action,
    Result,
    /// Who answered ("Spoke with"): a picker of the parties.
    Party,
    Promise,
    /// The amount promised (actions that need a promise).
    Amount,
    Period,
    /// "Call back at", in the customer's local time (optional).
    Callback,
    Remark,
}

impl Field {
    /// In the order the form shows them (`domain::result::FORM_ORDER`).
    pub const ALL: [Field; 8] = [
        Field::Action,
        Field::Result,
        Field::Party,
        Field::Promise,
        Field::Amount,
        Field::Period,
        Field::Callback,
        Field::Remark,
    ];

    pub fn label(self, lang: Lang) -> String {
        words::field(lang, self.wire_name())
    }

    /// The name validation errors use for this field.
    pub fn wire_name(self) -> &'static str {
        match self {
            Field::Action => "action_code",
            Field::Result => "result_code",
            Field::Party => "party",
            Field::Promise => "promise_date",
            Field::Amount => "amount",
            Field::Period => "period",
            Field::Callback => "callback",
            Field::Remark => "remark",
        }
    }

    /// A field chosen from a list (typing filters it, Enter takes the highlighted choice).
    pub fn is_picker(self) -> bool {
        matches!(self, Field::Action | Field::Result | Field::Party)
    }
}

/// One choice in a picker: a code of the list, or a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the field takes (`PTP01`, `spouse`).
    pub code: String,
    /// As the list writes it (typing matches it: either language finds the code).
    pub description: String,
    /// A `DESCRIPTION_EN` column's text, if any.
    pub description_en: String,
}

impl Choice {
    /// The description in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        crate::domain::codes::describe(&self.description, &self.description_en, lang)
    }

    fn party(p: Party) -> Choice {
        Choice {
            code: p.wire().to_string(),
            description: words::party(Lang::Id, p),
            description_en: words::party(Lang::En, p),
        }
    }
}

#[derive(Debug)]
pub struct FormState {
    pub account_no: String,
    pub cust_name: String,
    pub action: Input,
    pub result: Input,
    /// A party's wire name (`spouse`), as the picker takes it.
    pub party: Input,
    pub promise: Input,
    pub amount: Input,
    pub period: Input,
    pub callback: Input,
    pub remark: Input,
    pub focus: Field,
    /// Highlighted row of the focused picker.
    pub pick: usize,
    pub errors: Vec<FieldError>,
    /// The server's or the network's words after a failed submit.
    pub failure: Option<String>,
    pub submitting: bool,
    /// The rejected result in the outbox this form corrects.
    pub edit_of: Option<i64>,
    /// Where that result stood and the server's code, if any: whether sending the correction
    /// may store the result twice (`Decision::needs_confirmation`) is decided from these.
    pub corrects: Option<(crate::domain::outbox::DeliveryState, Option<String>)>,
    /// What the account owes now, kept with the result for the day's figures.
    pub total_due: Option<crate::domain::Money>,
    /// The contract's number of installments, when known (the period's upper bound).
    pub tenor: Option<u32>,
    /// Where the customer lives, for the callback's window and the result's receipt.
    pub zone: ZoneGuess,
    /// The consumer's consent to this contact outside their window, given at the prompt.
    pub consent: Option<String>,
    default_period: String,
    default_amount: String,
}

impl FormState {
    pub fn for_task(task: &Task, regions: &RegionTable) -> FormState {
        let default_period = task.installment_no().to_string();
        // A promise is for what the account owes unless the agent types less.
        let default_amount = task.total_due.map(|m| m.plain()).unwrap_or_default();
        FormState {
            account_no: task.contract_no.to_string(),
            cust_name: task
                .name
                .chars()
                .take(crate::domain::result::CUST_NAME_MAX)
                .collect(),
            action: Input::default(),
            result: Input::default(),
            party: Input::default(),
            promise: Input::default(),
            amount: Input::new(default_amount.clone()),
            period: Input::new(default_period.clone()),
            callback: Input::default(),
            remark: Input::default(),
            focus: Field::Action,
            pick: 0,
            errors: Vec::new(),
            failure: None,
            submitting: false,
            edit_of: None,
            corrects: None,
            total_due: task.total_due,
            tenor: task.tenor(),
            zone: crate::domain::window::zone_of_task(task, regions),
            consent: None,
            default_period,
            default_amount,
        }
    }

    /// A form holding a rejected result, to correct and send again.
    pub fn for_item(
        item: &crate::store::OutboxItem,
        task: Option<&Task>,
        regions: &RegionTable,
    ) -> FormState {
        let mut form = match task {
            Some(t) => FormState::for_task(t, regions),
            None => FormState::for_task(
                &Task {
                    contract_no: item.account_no.as_str().into(),
                    name: item.result.cust_name.as_str().into(),
                    ..Task::default()
                },
                regions,
            ),
        };
        form.action = Input::new(item.result.action_code.clone());
        form.result = Input::new(item.result.result_code.clone());
        form.promise = Input::new(
            item.result
                .promise_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        form.period = Input::new(item.result.period.to_string());
        let party = Party::parse(&item.party).unwrap_or_default();
        if party != Party::Unknown {
            form.party = Input::new(party.wire().to_string());
        }
        if let Some(amount) = &item.promised_amount {
            form.amount = Input::new(amount.clone());
        }
        if let Some(c) = item.callback() {
            form.callback = Input::new(c.due_local().format("%Y-%m-%d %H:%M").to_string());
        }
        // Sent with `result.party_in_remark`, the remark starts with the party: it is added
        // again when the correction is sent.
        // Its anchor tag too: the correction is sent with a new one.
        let remark = crate::domain::receipt::untagged(&item.result.remark);
        let prefix = crate::domain::result::party_remark(party, "");
        let remark = match remark.strip_prefix(&prefix) {
            Some(rest) if party != Party::Unknown => rest,
            _ => remark,
        };
        form.remark = Input::new(remark.to_string());
        form.edit_of = Some(item.id);
        form.corrects = Some((item.state, item.server_code.clone()));
        form
    }

    /// Something was typed that cancelling would lose.
    pub fn is_dirty(&self) -> bool {
        [
            &self.action,
            &self.result,
            &self.party,
            &self.promise,
            &self.callback,
            &self.remark,
        ]
        .iter()
        .any(|i| !i.value().is_empty())
            || self.period.value() != self.default_period
            || self.amount.value() != self.default_amount
    }

    pub fn input(&self, field: Field) -> &Input {
        match field {
            Field::Action => &self.action,
            Field::Result => &self.result,
            Field::Party => &self.party,
            Field::Promise => &self.promise,
            Field::Amount => &self.amount,
            Field::Period => &self.period,
            Field::Callback => &self.callback,
            Field::Remark => &self.remark,
        }
    }

    pub fn input_mut(&mut self, field: Field) -> &mut Input {
        match field {
            Field::Action => &mut self.action,
            Field::Result => &mut self.result,
            Field::Party => &mut self.party,
            Field::Promise => &mut self.promise,
            Field::Amount => &mut self.amount,
            Field::Period => &mut self.period,
            Field::Callback => &mut self.callback,
            Field::Remark => &mut self.remark,
        }
    }

    fn action_code(&self) -> String {
        self.action.value().trim().to_uppercase()
    }

    /// Fields in order; promise date and amount only for actions that need a promise,
    /// result code only for actions that carry one.
    pub fn fields(&self, codes: &MasterData) -> Vec<Field> {
        let action = self.action_code();
        let mut f = vec![Field::Action];
        if action_has_result(&action) {
            f.push(Field::Result);
        }
        f.push(Field::Party);
        if needs_promise(codes, &action) {
            f.extend([Field::Promise, Field::Amount]);
        }
        f.extend([Field::Period, Field::Callback, Field::Remark]);
        f
    }

    /// The party the result code settles by itself (no answer: nobody; wrong number: a
    /// third party), if any.
    fn implied_party(&self) -> Option<Party> {
        action_has_result(&self.action_code())
            .then(|| Party::implied_by(self.result.value()))
            .flatten()
    }

    /// After the result changed (from one that settled `before`): the party the result
    /// settles is filled in; one the previous result had settled goes with it.
    fn settle_party(&mut self, before: Option<Party>) {
        match self.implied_party() {
            Some(p) => self.party = Input::new(p.wire().to_string()),
            None if before.is_some_and(|p| self.party.value() == p.wire()) => {
                self.party = Input::default()
            }
            None => {}
        }
    }

    /// The codes the focused picker offers, filtered by what was typed (code or description).
    pub fn choices(&self, codes: &MasterData) -> Vec<Choice> {
        let (typed, all): (String, Vec<Choice>) = match self.focus {
            Field::Action => (
                self.action.value().trim().to_lowercase(),
                codes
                    .actions
                    .iter()
                    .map(|a| Choice {
                        code: a.code.clone(),
                        description: a.description.clone(),
                        description_en: a.description_en.clone(),
                    })
                    .collect(),
            ),
            Field::Result => (
                self.result.value().trim().to_lowercase(),
                codes
                    .results_for(&self.action_code())
                    .map(|r| Choice {
                        code: r.code.clone(),
                        description: r.description.clone(),
                        description_en: r.description_en.clone(),
                    })
                    .collect(),
            ),
            Field::Party => (
                self.party.value().trim().to_lowercase(),
                Party::CHOICES.into_iter().map(Choice::party).collect(),
            ),
            _ => return Vec::new(),
        };
        if typed.is_empty() {
            return all;
        }
        let matches = |code: &str, description: &str, description_en: &str| {
            code.to_lowercase().contains(&typed)
                || description.to_lowercase().contains(&typed)
                || description_en.to_lowercase().contains(&typed)
        };
        // Codes starting with what was typed first, then any containing it anywhere, then
        // actions whose result codes say it ("wrong" finds the action of "wrong number").
        let (mut first, rest): (Vec<_>, Vec<_>) = all
            .iter()
            .filter(|c| matches(&c.code, &c.description, &c.description_en))
            .cloned()
            .partition(|c| c.code.to_lowercase().starts_with(&typed));
        first.extend(rest);
        if self.focus == Field::Action {
            for c in &all {
                if !first.iter().any(|f| f.code == c.code)
                    && codes
                        .results_for(&c.code)
                        .any(|r| matches(&r.code, &r.description, &r.description_en))
                {
                    first.push(c.clone());
                }
            }
        }
        first
    }

    /// Takes the highlighted choice into the focused picker (when it offers any).
    pub fn take_choice(&mut self, codes: &MasterData) {
        let choices = self.choices(codes);
        let before = self.implied_party();
        if let Some(c) = choices.get(self.pick.min(choices.len().saturating_sub(1))) {
            let code = c.code.clone();
            if !self
                .input(self.focus)
                .value()
                .trim()
                .eq_ignore_ascii_case(&code)
            {
                *self.input_mut(self.focus) = Input::new(code);
                self.forget_errors(self.focus);
            }
        }
        if self.focus == Field::Result {
            self.settle_party(before);
        }
        self.pick = 0;
    }

    /// To the next (or previous) field the form shows; a party the result settled is passed
    /// over (any other would be refused).
    pub fn move_focus(&mut self, codes: &MasterData, forward: bool) {
        if self.focus.is_picker() && !self.input(self.focus).value().trim().is_empty() {
            self.take_choice(codes);
        }
        let settled = self
            .implied_party()
            .is_some_and(|p| self.party.value() == p.wire());
        let fields = self.fields(codes);
        let n = fields.len();
        let mut pos = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        loop {
            pos = if forward {
                (pos + 1) % n
            } else {
                (pos + n - 1) % n
            };
            if !(settled && fields[pos] == Field::Party) {
                break;
            }
        }
        self.focus = fields[pos];
        self.pick = 0;
    }

    /// A changed field loses its old complaint; a changed action or result code also takes
    /// the complaints it caused on the fields that depend on it (a PTP refused with the
    /// spouse says nothing once MSG is chosen).
    fn forget_errors(&mut self, field: Field) {
        let dependent = |f: &str| {
            matches!(
                f,
                "action_code" | "result_code" | "party" | "promise_date" | "amount" | "period"
            )
        };
        let by_code = matches!(field, Field::Action | Field::Result);
        self.errors
            .retain(|e| e.field != field.wire_name() && !(by_code && dependent(e.field)));
    }

    pub fn error_for(&self, field: Field) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field.wire_name())
    }

    /// What was typed, as the one result check reads it: fields the form hides for this
    /// action are left out.
    pub fn draft(&self, agent_id: &str, ip_address: &str) -> ResultDraft {
        ResultDraft {
            account_no: self.account_no.clone(),
            cust_name: self.cust_name.clone(),
            action_code: self.action.value().to_string(),
            result_code: self.result.value().to_string(),
            promise_date: self.promise.value().to_string(),
            period: self.period.value().to_string(),
            remark: self.remark.value().to_string(),
            agent_id: agent_id.to_string(),
            ip_address: ip_address.to_string(),
            party: self.party.value().to_string(),
            callback: self.callback.value().to_string(),
            amount: self.amount.value().to_string(),
        }
    }

    /// Checks every field with `domain::result::record` (as `deskcoll submit` does); on
    /// success the result to send, stamped with the call time, and what is kept beside it.
    pub fn validate(
        &self,
        codes: &MasterData,
        s: &super::Settings,
        now: NaiveDateTime,
        instant: DateTime<Utc>,
    ) -> Result<Recorded, Vec<FieldError>> {
        let policy = Policy {
            horizon_days: s.promise_horizon_days,
            tenor: self.tenor,
            total_due: self.total_due,
            party_required: true,
            party_in_remark: s.party_in_remark,
            anchor_in_remark: s.anchor_in_remark,
            calling: Some(CallingContext {
                rules: &s.rules,
                zone: self.zone.zone,
                now: instant,
                lang: s.lang,
            }),
        };
        record(&self.draft(&s.agent_id, &s.ip_address), codes, &policy, now)
    }
}

impl FormState {
    /// A key while the form is open. Only the form's own keys and Ctrl-C act; everything
    /// else is typed.
    pub fn on_key(&mut self, key: KeyEvent, keys: &Keymap, cx: &Cx) -> Reply {
        let force_quit = keys.lookup(Context::Global, &key) == Some(Command::ForceQuit);
        if self.submitting {
            // Typing while sending would change what the agent sees from what was sent.
            return if force_quit {
                Reply::go(Go::Quit)
            } else {
                Reply::none()
            };
        }
        let codes = cx.codes;
        match keys.lookup(Context::Form, &key) {
            Some(Command::NextField) => {
                let fields = self.fields(codes);
                let enter = key.code == KeyCode::Enter;
                if enter && fields.last() == Some(&self.focus) {
                    return self.submit(cx);
                }
                if enter && self.focus.is_picker() {
                    // Enter takes the highlighted choice even when nothing was typed.
                    self.take_choice(codes);
                }
                self.move_focus(codes, true);
            }
            Some(Command::PrevField) => self.move_focus(codes, false),
            Some(Command::PickDown) => {
                let n = self.choices(codes).len();
                if n > 0 {
                    self.pick = (self.pick + 1).min(n - 1);
                }
            }
            Some(Command::PickUp) => self.pick = self.pick.saturating_sub(1),
            Some(Command::Submit) => return self.submit(cx),
            Some(Command::Help) => {
                return Reply {
                    modal: Some(crate::tui::modal::Modal::Help { scroll: 0 }),
                    ..Reply::none()
                };
            }
            // `?` is typed in the remark and the callback, and after something typed; in an
            // empty code or party picker (no code has one) it opens help, as everywhere else.
            None if key.code == KeyCode::Char('?')
                && self.focus.is_picker()
                && self.input(self.focus).value().is_empty() =>
            {
                return Reply {
                    modal: Some(crate::tui::modal::Modal::Help { scroll: 0 }),
                    ..Reply::none()
                };
            }
            // A refused result being corrected stays in the Outbox whatever the agent does
            // here: leaving says so, and where.
            Some(Command::Cancel) if self.edit_of.is_some() => {
                let id = self.edit_of.unwrap_or_default();
                return Reply::ask(
                    tr!(cx.settings.lang, "form-leave-correction-question", id = id),
                    Intent::DiscardForm {
                        kept_in_outbox: Some(id),
                    },
                );
            }
            Some(Command::Cancel) if self.is_dirty() => {
                return Reply::ask(
                    tr!(cx.settings.lang, "form-discard-question"),
                    Intent::DiscardForm {
                        kept_in_outbox: None,
                    },
                );
            }
            Some(Command::Cancel) => return Reply::go(Go::CloseForm),
            _ if force_quit => return Reply::go(Go::Quit),
            _ => {
                let field = self.focus;
                let before = self.implied_party();
                self.input_mut(field)
                    .handle_event(&crossterm::event::Event::Key(key));
                if field == Field::Result {
                    self.settle_party(before);
                }
                if field.is_picker() {
                    self.pick = 0;
                }
                let complained = !self.errors.is_empty();
                self.forget_errors(field);
                self.failure = None;
                // The status line's "not sent: ..." goes with the last complaint it named.
                if complained && self.errors.is_empty() {
                    return Reply::say(StatusKind::Info, String::new());
                }
            }
        }
        Reply::none()
    }

    fn submit(&mut self, cx: &Cx) -> Reply {
        let now = cx.clock.now_local();
        // A code typed in part becomes the highlighted choice, as Tab would have made it.
        if self.focus.is_picker() && !self.input(self.focus).value().trim().is_empty() {
            self.take_choice(cx.codes);
        }
        let s = cx.settings;
        let lang = s.lang;
        let recorded = match self.validate(cx.codes, s, now, cx.clock.now_utc()) {
            Ok(recorded) => recorded,
            Err(errors) => {
                let first = words::field_error(lang, &errors[0]);
                // Focus the first refused field the form shows.
                let fields = self.fields(cx.codes);
                if let Some(f) = fields
                    .iter()
                    .find(|f| errors.iter().any(|e| e.field == f.wire_name()))
                {
                    self.focus = *f;
                }
                self.errors = errors;
                return Reply::say(StatusKind::Error, tr!(lang, "form-not-sent", error = first));
            }
        };
        let recorded = match self.with_consent(recorded, cx) {
            Ok(recorded) => recorded,
            Err(ask) => return *ask,
        };
        self.errors.clear();
        self.failure = None;
        let effect = Effect::Submit {
            recorded: Box::new(recorded),
            edit_of: self.edit_of,
            total_due: self.total_due,
            zone: self.zone.clone(),
        };
        // A correction of a result that may already be stored is a second send of it: the
        // one rule of every re-send asks first.
        if let (Some(id), Some((state, code))) = (self.edit_of, &self.corrects)
            && Decision::Edit.needs_confirmation(*state, code.as_deref())
        {
            return Reply::ask(
                tr!(
                    lang,
                    "form-resend-question",
                    id = id,
                    why = words::may_be_stored_why(lang, *state)
                ),
                Intent::SendResult(effect),
            );
        }
        let contacts = cx.desk.contacts_today(&self.account_no);
        let max = s.max_contacts_per_day;
        if at_contact_limit(contacts, max) && self.edit_of.is_none() {
            return Reply::ask(
                tr!(
                    lang,
                    "form-past-limit-question",
                    n = contacts + 1,
                    account = &self.account_no,
                    max = max
                ),
                Intent::SendResult(effect),
            );
        }
        self.submitting = true;
        Reply::run(effect)
    }

    /// Outside the customer's calling window the consumer's consent is needed (one rule,
    /// `domain::window::consent_for`, as `deskcoll submit` applies it): the one given when
    /// dialing today (`c`), or the one given at the same prompt now. Without it the prompt
    /// is the answer, and nothing is recorded. A correction keeps its call's consent.
    fn with_consent(&self, recorded: Recorded, cx: &Cx) -> Result<Recorded, Box<Reply>> {
        if self.edit_of.is_some() {
            return Ok(recorded);
        }
        let lang = cx.settings.lang;
        let window = cx.settings.rules.check(cx.clock.now_utc(), self.zone.zone);
        let logged = cx
            .desk
            .contact_events
            .iter()
            .rev()
            .find(|e| e.account_no == self.account_no && e.kind == "override")
            .map(|e| e.reason.as_str());
        match consent_for(&window, self.consent.as_deref().or(logged)) {
            Ok(consent) => Ok(Recorded {
                consent: consent.map(str::to_string),
                ..recorded
            }),
            Err(_) => {
                let why = Refusal::ConsentRequired {
                    note: words::window_note(lang, &window),
                };
                Err(Box::new(
                    Reply::prompt(
                        PromptKind::Consent {
                            account_no: self.account_no.clone(),
                        },
                        String::new(),
                    )
                    .and_say(StatusKind::Error, words::refusal(lang, &why)),
                ))
            }
        }
    }

    /// The answer at the consent prompt: with a reason the result is recorded (as Ctrl-S
    /// would), without one nothing is.
    pub fn on_consent(&mut self, event: PromptEvent, cx: &Cx) -> Reply {
        let lang = cx.settings.lang;
        match event {
            PromptEvent::Accepted(reason) if !reason.trim().is_empty() => {
                self.consent = Some(reason.trim().to_string());
                self.submit(cx)
            }
            PromptEvent::Accepted(_) | PromptEvent::Cancelled => {
                Reply::say(StatusKind::Error, tr!(lang, "form-consent-needs-reason"))
            }
            PromptEvent::Edited(_) => Reply::none(),
        }
    }

    /// The answer to this form's result: saved and sent, refused (fix it here), or not even
    /// saved (everything typed stays).
    pub fn on_delivery(&mut self, outcome: &Result<Sent, StoreError>, lang: Lang) -> Reply {
        self.submitting = false;
        match outcome {
            Err(e) => self.failure = Some(words::store_error(lang, e)),
            Ok(Sent {
                id,
                disposition: Disposition::Rejected { reason, code },
                ..
            }) => {
                // The server said no: the correction replaces this result.
                self.failure = Some(reason.clone());
                self.edit_of = Some(*id);
                self.corrects =
                    Some((crate::domain::outbox::DeliveryState::Rejected, code.clone()));
            }
            Ok(_) => return Reply::go(Go::CloseForm),
        }
        Reply::none()
    }
}

/// Quitting would lose what was typed in `form`: the question to ask first, if any.
pub fn quit_question(form: Option<&FormState>, lang: Lang) -> Option<crate::tui::modal::Modal> {
    form.filter(|f| f.is_dirty())
        .map(|_| crate::tui::modal::Modal::Confirm {
            question: tr!(lang, "quit-question"),
            on_yes: Intent::Quit,
        })
}

/// The words for what became of a submitted result, wherever the form is.
pub fn delivery_status(outcome: &Result<Sent, StoreError>, lang: Lang) -> Reply {
    let (kind, text) = match outcome {
        Err(e) => (
            StatusKind::Error,
            tr!(lang, "form-not-saved", error = words::store_error(lang, e)),
        ),
        Ok(Sent {
            id, disposition, ..
        }) => match disposition {
            Disposition::Rejected { reason, .. } => (
                StatusKind::Error,
                tr!(
                    lang,
                    "form-rejected",
                    reason = words::stored_reason(lang, reason),
                    id = *id
                ),
            ),
            Disposition::Delivered { code, message } => (
                StatusKind::Success,
                format!("✓ {code} {}", sanitize(message)),
            ),
            Disposition::Uncertain { reason } => (
                StatusKind::Error,
                tr!(
                    lang,
                    "form-uncertain",
                    reason = words::stored_reason(lang, reason),
                    id = *id
                ),
            ),
            Disposition::Retry { reason } => (
                StatusKind::Info,
                tr!(
                    lang,
                    "form-retry",
                    reason = words::stored_reason(lang, reason),
                    id = *id
                ),
            ),
        },
    };
    Reply::say(kind, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_datetime;

    fn form() -> FormState {
        FormState::for_task(
            &Task {
                contract_no: "000318270200055".into(),
                name: "TRIJAYA".into(),
                lastpaid_tenor: Some(28),
                total_due: Some(crate::domain::Money::from_units(2_500_000)),
                ..Task::default()
            },
            &RegionTable::builtin(),
        )
    }

    fn check(f: &FormState, codes: &MasterData) -> Result<Recorded, Vec<FieldError>> {
        let settings = crate::tui::harness::settings();
        let instant = crate::clock::Clock::at(now()).now_utc();
        f.validate(codes, &settings, now(), instant)
    }

    fn now() -> NaiveDateTime {
        parse_datetime("2026-11-27 10:00:00").unwrap()
    }

    fn type_into(f: &mut FormState, field: Field, text: &str) {
        *f.input_mut(field) = Input::new(text.into());
    }

    #[test]
    fn period_defaults_to_the_next_installment_and_is_not_dirty() {
        let f = form();
        assert_eq!(f.period.value(), "29");
        assert!(!f.is_dirty());
    }

    #[test]
    fn promise_field_only_for_ptp_and_result_hidden_for_msg() {
        let codes = MasterData::builtin();
        let mut f = form();
        type_into(&mut f, Field::Action, "PTP");
        assert_eq!(f.fields(&codes), Field::ALL, "every field for a promise");
        type_into(&mut f, Field::Action, "MSG");
        assert_eq!(
            f.fields(&codes),
            vec![
                Field::Action,
                Field::Party,
                Field::Period,
                Field::Callback,
                Field::Remark
            ]
        );
    }

    #[test]
    fn pickers_filter_by_code_and_description() {
        let codes = MasterData::builtin();
        let mut f = form();
        type_into(&mut f, Field::Action, "p");
        assert_eq!(f.choices(&codes)[0].code, "PTP");
        type_into(&mut f, Field::Action, "pesan");
        assert_eq!(
            f.choices(&codes)
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            vec!["MSG"]
        );
        f.take_choice(&codes);
        assert_eq!(f.action.value(), "MSG");
        type_into(&mut f, Field::Action, "NCT");
        f.focus = Field::Result;
        assert!(
            f.choices(&codes).iter().all(|c| c.code.starts_with("NCT")),
            "only results of the action"
        );
    }

    #[test]
    fn refusals_name_the_field_and_keep_the_input() {
        let codes = MasterData::builtin();
        let mut f = form();
        type_into(&mut f, Field::Action, "PTP");
        type_into(&mut f, Field::Result, "PTP01");
        type_into(&mut f, Field::Party, "debtor");
        type_into(&mut f, Field::Promise, "2026-11-26");
        type_into(&mut f, Field::Remark, &"x".repeat(300));
        let errors = check(&f, &codes).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert!(
            fields.contains(&"promise_date") && fields.contains(&"remark"),
            "{fields:?}"
        );
        assert_eq!(f.remark.value().len(), 300, "nothing typed is lost");

        type_into(&mut f, Field::Promise, "+31");
        type_into(&mut f, Field::Remark, "ok");
        let errors = check(&f, &codes).unwrap_err();
        assert!(
            errors[0].message.contains("more than 30 days ahead"),
            "{errors:?}"
        );

        type_into(&mut f, Field::Promise, "+2");
        let r = check(&f, &codes).unwrap().result;
        assert_eq!(r.promise_date.unwrap().to_string(), "2026-11-29");
        assert_eq!(r.period, 29);
    }

    #[test]
    fn a_result_taken_fills_in_the_party_it_settles() {
        let codes = MasterData::builtin();
        let mut f = form();
        type_into(&mut f, Field::Action, "NCT");
        f.focus = Field::Result;
        type_into(&mut f, Field::Result, "nct02");
        f.take_choice(&codes);
        assert_eq!((f.result.value(), f.party.value()), ("nct02", "nobody"));
        // Taken from the list with nothing typed: the first result, wrong number.
        let mut f = form();
        type_into(&mut f, Field::Action, "NCT");
        f.focus = Field::Result;
        f.pick = 3;
        f.take_choice(&codes);
        assert_eq!(
            (f.result.value(), f.party.value()),
            ("NCT04", "third_party")
        );
    }

    #[test]
    fn the_party_picker_offers_the_seven_parties_found_in_either_language() {
        let codes = MasterData::builtin();
        let mut f = form();
        f.focus = Field::Party;
        assert_eq!(f.choices(&codes).len(), Party::CHOICES.len());
        for typed in ["darurat", "emergency", "emer"] {
            type_into(&mut f, Field::Party, typed);
            let found: Vec<String> = f.choices(&codes).into_iter().map(|c| c.code).collect();
            assert_eq!(found, ["emergency_contact"], "{typed}");
        }
        f.take_choice(&codes);
        assert_eq!(f.party.value(), "emergency_contact");
    }

    #[test]
    fn unknown_codes_are_refused() {
        let codes = MasterData::builtin();
        let mut f = form();
        type_into(&mut f, Field::Action, "XYZ");
        let errors = check(&f, &codes).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "action_code: 'XYZ' is not in the code list"
        );
        type_into(&mut f, Field::Action, "NCT");
        type_into(&mut f, Field::Result, "PTP01");
        let errors = check(&f, &codes).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "result_code: 'PTP01' is not a result of NCT"
        );
    }
}
