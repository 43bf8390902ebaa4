//! The result form outside the customer's calling window: the consumer's consent is asked
//! at the prompt `c` uses before anything is recorded (issue 26), and the remark's counter
//! counts the anchor tag's room.

use super::harness::{app_with, ctrl, press, render, type_text};
use super::message::Effect;
use super::modal::{Modal, PromptKind};
use crate::domain::Task;
use crossterm::event::KeyCode;

fn at(s: &str) -> chrono::NaiveDateTime {
    crate::domain::dates::parse_datetime(s).unwrap()
}

fn task() -> Task {
    Task {
        contract_no: "000220196348539".into(),
        name: "CITRA".into(),
        ..Task::default()
    }
}

/// The form open on the task with a no-answer typed (who answered is settled by it).
fn form_at(now: &str) -> super::app::App {
    let mut app = app_with(vec![task()], 100, 30, at(now));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "NCT");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "NCT01");
    app
}

fn asks_consent(app: &super::app::App) -> bool {
    matches!(&app.modal, Some(Modal::Prompt(p)) if matches!(p.kind, PromptKind::Consent { .. }))
}

#[test]
fn inside_the_window_nothing_is_asked() {
    let mut app = form_at("2026-11-27 10:00:00");
    let effects = ctrl(&mut app, 's');
    assert!(!asks_consent(&app));
    match effects.as_slice() {
        [Effect::Submit { recorded, .. }] => assert_eq!(recorded.consent, None),
        other => panic!("not sent: {other:?}"),
    }
}

#[test]
fn on_a_sunday_the_consent_is_asked_first_and_recorded_with_the_result() {
    let mut app = form_at("2026-11-29 10:00:00");
    let effects = ctrl(&mut app, 's');
    assert!(effects.is_empty(), "nothing recorded yet: {effects:?}");
    assert!(asks_consent(&app));
    let screen = render(&app);
    assert!(
        screen.contains("outside hours: the consumer's prior consent (reason)"),
        "the prompt `c` shows: {screen}"
    );
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("outside the customer's calling window"),
        "{status}"
    );
    type_text(&mut app, "asked to be called on Sunday");
    let effects = press(&mut app, KeyCode::Enter);
    match effects.as_slice() {
        [Effect::Submit { recorded, .. }] => assert_eq!(
            recorded.consent.as_deref(),
            Some("asked to be called on Sunday")
        ),
        other => panic!("not sent: {other:?}"),
    }
}

#[test]
fn without_a_reason_nothing_is_recorded_and_the_form_stays() {
    let mut app = form_at("2026-11-27 21:00:00");
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(asks_consent(&app));
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "an empty reason"
    );
    assert!(app.form.is_some());
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("not recorded"), "{status}");
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(press(&mut app, KeyCode::Esc).is_empty(), "cancelled");
    assert!(
        app.form.as_ref().is_some_and(|f| f.action.value() == "NCT"),
        "nothing typed is lost"
    );
}

#[test]
fn the_remark_counter_counts_the_anchor_tags_room() {
    let mut app = form_at("2026-11-27 10:00:00");
    app.settings.anchor_in_remark = true;
    super::harness::tab_to(&mut app, super::pages::form::Field::Remark);
    assert!(
        render(&app).contains(" 24/255"),
        "the tag's room: {}",
        render(&app)
    );
    type_text(&mut app, "janji");
    assert!(render(&app).contains(" 29/255"), "{}", render(&app));
    type_text(&mut app, &"x".repeat(227));
    assert!(render(&app).contains("256/255"), "{}", render(&app));
    let effects = ctrl(&mut app, 's');
    assert!(effects.is_empty(), "232 + 24 > 255");
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("256 characters, at most 255"), "{status}");
    app.settings.anchor_in_remark = false;
    assert!(render(&app).contains("232/255"));
}
