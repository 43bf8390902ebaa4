//! The result form: what the agent types, the code pickers, validation at the field, and
//! what becomes of the result once it is saved and sent.

mod view;

pub use view::draw;

use super::{Cx, Go, Reply};
use crate::delivery::Disposition;
use crate::domain::codes::MasterData;
use crate::domain::result::{
    CallingContext, FieldError, Policy, Recorded, action_has_result, needs_promise, record,
};
use crate::domain::text::sanitize;
use crate::domain::today::at_contact_limit;
use crate::domain::zone::{RegionTable, ZoneGuess};
use crate::domain::{ResultDraft, Task};
use crate::i18n::{Lang, words};
use crate::store::StoreError;
use crate::tr;
use crate::tui::chrome::StatusKind;
use crate::tui::keymap::{Command, Context, Keymap};
use crate::tui::message::{Effect, Sent};
use crate::tui::modal::Intent;
use chrono::{DateTime, NaiveDateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Action,
    Result,
    Promise,
    Period,
    Remark,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Action,
        Field::Result,
        Field::Promise,
        Field::Period,
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
            Field::Promise => "promise_date",
            Field::Period => "period",
            Field::Remark => "remark",
        }
    }
}

/// One choice in a code picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
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
}

#[derive(Debug)]
pub struct FormState {
    pub account_no: String,
    pub cust_name: String,
    pub action: Input,
    pub result: Input,
    pub promise: Input,
    pub period: Input,
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
    /// What the account owes now, kept with the result for the day's figures.
    pub total_due: Option<crate::domain::Money>,
    /// The contract's number of installments, when known (the period's upper bound).
    pub tenor: Option<u32>,
    /// Where the customer lives, for the callback's window and the result's receipt.
    pub zone: ZoneGuess,
    default_period: String,
}

impl FormState {
    pub fn for_task(task: &Task, regions: &RegionTable) -> FormState {
        let default_period = task.installment_no().to_string();
        FormState {
            account_no: task.contract_no.to_string(),
            cust_name: task
                .name
                .chars()
                .take(crate::domain::result::CUST_NAME_MAX)
                .collect(),
            action: Input::default(),
            result: Input::default(),
            promise: Input::default(),
            period: Input::new(default_period.clone()),
            remark: Input::default(),
            focus: Field::Action,
            pick: 0,
            errors: Vec::new(),
            failure: None,
            submitting: false,
            edit_of: None,
            total_due: task.total_due,
            tenor: task.tenor(),
            zone: crate::domain::window::zone_of_task(task, regions),
            default_period,
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
        form.remark = Input::new(item.result.remark.clone());
        form.edit_of = Some(item.id);
        form
    }

    /// Something was typed that cancelling would lose.
    pub fn is_dirty(&self) -> bool {
        [&self.action, &self.result, &self.promise, &self.remark]
            .iter()
            .any(|i| !i.value().is_empty())
            || self.period.value() != self.default_period
    }

    pub fn input(&self, field: Field) -> &Input {
        match field {
            Field::Action => &self.action,
            Field::Result => &self.result,
            Field::Promise => &self.promise,
            Field::Period => &self.period,
            Field::Remark => &self.remark,
        }
    }

    pub fn input_mut(&mut self, field: Field) -> &mut Input {
        match field {
            Field::Action => &mut self.action,
            Field::Result => &mut self.result,
            Field::Promise => &mut self.promise,
            Field::Period => &mut self.period,
            Field::Remark => &mut self.remark,
        }
    }

    fn action_code(&self) -> String {
        self.action.value().trim().to_uppercase()
    }

    /// Fields in order; promise date only for actions that need one, result code only for
    /// actions that carry one.
    pub fn fields(&self, codes: &MasterData) -> Vec<Field> {
        let action = self.action_code();
        let mut f = vec![Field::Action];
        if action_has_result(&action) {
            f.push(Field::Result);
        }
        if needs_promise(codes, &action) {
            f.push(Field::Promise);
        }
        f.extend([Field::Period, Field::Remark]);
        f
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
            _ => return Vec::new(),
        };
        if typed.is_empty() {
            return all;
        }
        // Codes starting with what was typed first, then any containing it anywhere.
        let (mut first, rest): (Vec<_>, Vec<_>) = all
            .into_iter()
            .filter(|c| {
                c.code.to_lowercase().contains(&typed)
                    || c.description.to_lowercase().contains(&typed)
                    || c.description_en.to_lowercase().contains(&typed)
            })
            .partition(|c| c.code.to_lowercase().starts_with(&typed));
        first.extend(rest);
        first
    }

    /// Takes the highlighted choice into the focused code field (when it offers any).
    pub fn take_choice(&mut self, codes: &MasterData) {
        let choices = self.choices(codes);
        if let Some(c) = choices.get(self.pick.min(choices.len().saturating_sub(1))) {
            let code = c.code.clone();
            if self.input(self.focus).value().trim().to_uppercase() != code {
                *self.input_mut(self.focus) = Input::new(code);
            }
        }
        self.pick = 0;
    }

    pub fn move_focus(&mut self, codes: &MasterData, forward: bool) {
        if matches!(self.focus, Field::Action | Field::Result)
            && !self.input(self.focus).value().trim().is_empty()
        {
            self.take_choice(codes);
        }
        let fields = self.fields(codes);
        let pos = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        }];
        self.pick = 0;
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
            ..ResultDraft::default()
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
            party_required: false,
            party_in_remark: false,
            calling: Some(CallingContext {
                rules: &s.rules,
                zone: self.zone.zone,
                now: instant,
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
                if enter && matches!(self.focus, Field::Action | Field::Result) {
                    // Enter takes the highlighted code even when nothing was typed.
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
            Some(Command::Cancel) if self.is_dirty() => {
                return Reply::ask(
                    tr!(cx.settings.lang, "form-discard-question"),
                    Intent::DiscardForm,
                );
            }
            Some(Command::Cancel) => return Reply::go(Go::CloseForm),
            _ if force_quit => return Reply::go(Go::Quit),
            _ => {
                let field = self.focus;
                self.input_mut(field)
                    .handle_event(&crossterm::event::Event::Key(key));
                if matches!(field, Field::Action | Field::Result) {
                    self.pick = 0;
                }
                // A corrected field loses its old complaint.
                self.errors.retain(|e| e.field != field.wire_name());
                self.failure = None;
            }
        }
        Reply::none()
    }

    fn submit(&mut self, cx: &Cx) -> Reply {
        let now = cx.clock.now_local();
        // A code typed in part becomes the highlighted choice, as Tab would have made it.
        if matches!(self.focus, Field::Action | Field::Result)
            && !self.input(self.focus).value().trim().is_empty()
        {
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
        self.errors.clear();
        self.failure = None;
        let effect = Effect::Submit {
            recorded: Box::new(recorded),
            edit_of: self.edit_of,
            total_due: self.total_due,
            zone: self.zone.clone(),
        };
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

    /// The answer to this form's result: saved and sent, refused (fix it here), or not even
    /// saved (everything typed stays).
    pub fn on_delivery(&mut self, outcome: &Result<Sent, StoreError>, lang: Lang) -> Reply {
        self.submitting = false;
        match outcome {
            Err(e) => self.failure = Some(words::store_error(lang, e)),
            Ok(Sent {
                id,
                disposition: Disposition::Rejected { reason, .. },
                ..
            }) => {
                // The server said no: the correction replaces this result.
                self.failure = Some(reason.clone());
                self.edit_of = Some(*id);
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
                tr!(lang, "form-rejected", reason = reason, id = *id),
            ),
            Disposition::Delivered { code, message } => (
                StatusKind::Success,
                format!("✓ {code} {}", sanitize(message)),
            ),
            Disposition::Uncertain { reason } => (
                StatusKind::Error,
                tr!(lang, "form-uncertain", reason = reason, id = *id),
            ),
            Disposition::Retry { reason } => (
                StatusKind::Info,
                tr!(lang, "form-retry", reason = reason, id = *id),
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
        assert_eq!(
            f.fields(&codes),
            vec![
                Field::Action,
                Field::Result,
                Field::Promise,
                Field::Period,
                Field::Remark
            ]
        );
        type_into(&mut f, Field::Action, "MSG");
        assert_eq!(
            f.fields(&codes),
            vec![Field::Action, Field::Period, Field::Remark]
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
