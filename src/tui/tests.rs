//! `update` driven by keys, clicks and the answers of background work: what the agent sees
//! change, and which work starts.

use super::app::*;
use super::harness::{alt, click, ctrl, mouse, press, selected, tab_to, type_text};
use super::keymap::Context;
use super::modal::Modal;
use super::pages::form::Field;
use crate::api::ApiError;
use crate::delivery::{Disposition, OutboxSnapshot};
use crate::domain::outbox::DeliveryState;
use crate::domain::{CollectionResult, Money, Task};
use crate::store::{Counts, OutboxItem};
use crossterm::event::{KeyCode, MouseEventKind};

fn task(no: &str, name: &str, overdue: i64) -> Task {
    Task {
        contract_no: no.into(),
        name: name.into(),
        overdue: Some(overdue),
        total_due: Some(Money::from_units(1000 * overdue)),
        lastpaid_tenor: Some(3),
        ..Task::default()
    }
}

fn app() -> App {
    let tasks = vec![
        task("A", "ANDI", 3),
        task("B", "BUDI", 5),
        task("C", "CITRA", 2),
    ];
    super::harness::app_with(tasks, 120, 40, super::harness::fixed_now())
}

fn status(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn view_len(app: &App) -> usize {
    app.queue.list.view.len()
}

#[test]
fn keys_move_the_selection() {
    let mut app = app();
    assert_eq!(selected(&app), "C", "first day past due comes first");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), "B");
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(selected(&app), "A");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "C");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(selected(&app), "A");
}

#[test]
fn slash_filters_as_you_type_and_q_in_the_filter_is_text() {
    let mut app = app();
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.context(), Context::Filter);
    type_text(&mut app, "bq");
    assert!(!app.should_quit);
    assert_eq!(app.queue.list.filter, "bq");
    assert_eq!(view_len(&app), 0);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(view_len(&app), 1);
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none());
    assert_eq!(selected(&app), "B");
    press(&mut app, KeyCode::Esc);
    assert_eq!(view_len(&app), 3);
}

#[test]
fn s_cycles_the_sort_and_shows_the_new_top() {
    let mut app = app();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.queue.list.sort.label(), "days overdue");
    assert_eq!(selected(&app), "B", "the first row of the new order");
    assert_eq!(app.queue.list.cursor.offset, 0);
}

#[test]
fn refresh_starts_one_load_at_a_time() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('r')), vec![Effect::LoadTasks]);
    assert!(press(&mut app, KeyCode::Char('r')).is_empty());
}

#[test]
fn a_failed_load_keeps_the_last_list_and_says_why() {
    let mut app = app();
    press(&mut app, KeyCode::Char('r'));
    update(&mut app, Action::TasksLoaded(Err(ApiError::Unauthorized)));
    assert_eq!(app.queue.list.tasks.len(), 3);
    assert!(matches!(app.server, ServerState::Failing(_)));
    assert!(status(&app).contains("bad credentials"));
}

#[test]
fn form_typing_never_triggers_global_keys() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(app.form.is_some());
    type_text(&mut app, "q?12");
    assert!(!app.should_quit && app.modal.is_none());
    assert_eq!(app.form.as_ref().unwrap().action.value(), "q?12");
}

#[test]
fn esc_asks_before_discarding_what_was_typed() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(app.form.is_none(), "nothing typed: closes at once");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "PTP");
    press(&mut app, KeyCode::Esc);
    assert!(app.question().unwrap().contains("Discard"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.form.as_ref().unwrap().action.value(), "PTP");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.form.is_none());
}

#[test]
fn quit_asks_when_the_form_has_input() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    ctrl(&mut app, 'c');
    assert!(app.question().unwrap().contains("Quit") && !app.should_quit);
    press(&mut app, KeyCode::Char('n'));
    assert!(app.modal.is_none() && app.form.is_some());
    ctrl(&mut app, 'c');
    press(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit);
}

#[test]
fn during_a_question_the_footer_and_help_show_its_keys() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Confirm);
    let hints = app.keys.hints(app.context(), app.settings.lang);
    assert_eq!(
        hints.iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>(),
        vec!["yes", "no"]
    );
    let screen = super::harness::render(&app);
    let footer = screen.lines().nth(39).unwrap();
    assert!(
        footer.contains("y yes") && footer.contains("n no") && !footer.contains("submit"),
        "{footer}"
    );
}

fn focus(app: &App) -> Field {
    app.form.as_ref().unwrap().focus
}

/// A promise to pay with the debtor, in two days, as an agent types it.
fn fill_ptp(app: &mut App) {
    press(app, KeyCode::Enter);
    type_text(app, "ptp");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Enter); // takes PTP01, the first result of PTP
    assert_eq!(focus(app), Field::Party);
    press(app, KeyCode::Enter); // takes the debtor, the first party
    type_text(app, "+2");
    tab_to(app, Field::Remark);
    type_text(app, "janji bayar");
}

#[test]
fn invalid_submit_stays_at_the_field_with_the_reason() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "PTP");
    tab_to(&mut app, Field::Promise);
    type_text(&mut app, "2026-13-01");
    let effects = ctrl(&mut app, 's');
    assert!(effects.is_empty());
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.focus, Field::Result, "first refused field");
    assert!(
        form.error_for(Field::Promise)
            .unwrap()
            .message
            .contains("not a date")
    );
    assert_eq!(form.promise.value(), "2026-13-01", "kept as typed");
}

fn sent(id: i64, state: DeliveryState, disposition: Disposition) -> Action {
    Action::Delivery {
        account_no: "C".into(),
        outcome: Ok(Sent {
            id,
            state,
            disposition,
        }),
    }
}

#[test]
fn submit_success_marks_done_and_moves_on() {
    let mut app = app();
    fill_ptp(&mut app);
    let effects = ctrl(&mut app, 's');
    let [
        Effect::Submit {
            recorded,
            edit_of: None,
            total_due,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    let result = &recorded.result;
    assert_eq!(result.account_no, "C");
    assert_eq!(result.result_code, "PTP01");
    assert_eq!(result.promise_date.unwrap().to_string(), "2026-11-29");
    assert_eq!(result.period, 4);
    assert_eq!(result.agent_id, "1812010");
    assert_eq!(*total_due, Some(Money::from_units(2000)));
    assert!(app.form.as_ref().unwrap().submitting);
    type_text(&mut app, "zz");
    assert_eq!(
        app.form.as_ref().unwrap().remark.value(),
        "janji bayar",
        "no typing while sending"
    );
    let delivered = Disposition::Delivered {
        code: "00".into(),
        message: "Sukses".into(),
    };
    update(&mut app, sent(1, DeliveryState::Delivered, delivered));
    assert!(app.form.is_none());
    assert!(app.queue.list.done.contains("C"));
    assert_eq!(selected(&app), "B");
    assert_eq!(status(&app), "✓ 00 Sukses");
}

/// The form after the server refused its result with `code`, the refusal shown.
fn refused_with(code: &str) -> App {
    let mut app = app();
    fill_ptp(&mut app);
    ctrl(&mut app, 's');
    let rejected = Disposition::Rejected {
        reason: format!("server refused (code {code}): ERROR"),
        code: Some(code.into()),
    };
    update(&mut app, sent(7, DeliveryState::Rejected, rejected));
    app
}

fn is_correction_of_7(effects: &[Effect]) -> bool {
    matches!(
        effects,
        [Effect::Submit {
            edit_of: Some(7),
            ..
        }]
    )
}

#[test]
fn rejected_keeps_the_form_and_the_correction_replaces_the_result() {
    let mut app = refused_with("91");
    let form = app.form.as_ref().unwrap();
    assert!(!form.submitting);
    assert_eq!(form.remark.value(), "janji bayar");
    assert_eq!(form.promise.value(), "+2");
    assert!(form.failure.as_ref().unwrap().contains("code 91"));
    assert!(!app.queue.list.done.contains("C"));
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("Ctrl-S sends the correction in place of #7"),
        "what each key does now:\n{screen}"
    );
    assert!(
        screen.contains("Esc leaves it in the Outbox (tab 3)"),
        "{screen}"
    );
    // A 91 proves nothing was stored: the correction goes without a question.
    let effects = ctrl(&mut app, 's');
    assert!(is_correction_of_7(&effects), "{effects:?}");
    assert!(app.modal.is_none());
}

#[test]
fn a_90_is_never_sent_again_from_the_form_without_the_question() {
    let mut app = refused_with("90");
    assert!(
        super::harness::render(&app).contains("(asks first: it may already be stored)"),
        "the footer says Ctrl-S asks"
    );
    // Ctrl-S asks first: nothing is sent.
    assert!(ctrl(&mut app, 's').is_empty(), "no send before the answer");
    let question = app.question().unwrap().to_string();
    assert!(
        question.starts_with("Send the correction of #7?"),
        "{question}"
    );
    assert!(question.contains("refused with 90"), "{question}");
    // No keeps it in the form, unsent.
    press(&mut app, KeyCode::Char('n'));
    assert!(app.form.is_some() && !app.form.as_ref().unwrap().submitting);
    // Yes sends it, in place of the refused one.
    assert!(ctrl(&mut app, 's').is_empty());
    let effects = press(&mut app, KeyCode::Char('y'));
    assert!(is_correction_of_7(&effects), "{effects:?}");
}

#[test]
fn leaving_the_form_after_a_refusal_says_the_result_stays_in_the_outbox() {
    let mut app = refused_with("90");
    press(&mut app, KeyCode::Esc);
    let question = app.question().unwrap().to_string();
    assert!(
        question.contains("#7 stays in the Outbox (tab 3) as rejected"),
        "{question}"
    );
    press(&mut app, KeyCode::Char('y'));
    assert!(app.form.is_none());
    assert_eq!(
        status(&app),
        "result #7 stays in the Outbox (tab 3) as rejected: e corrects it, x discards it"
    );
}

#[test]
fn no_answer_closes_the_form_because_the_outbox_has_it() {
    let mut app = app();
    fill_ptp(&mut app);
    ctrl(&mut app, 's');
    let uncertain = Disposition::Uncertain {
        reason: "connection dropped".into(),
    };
    update(&mut app, sent(3, DeliveryState::Uncertain, uncertain));
    assert!(app.form.is_none());
    assert!(status(&app).contains("#3 may be stored"));
    assert!(matches!(app.server, ServerState::Failing(_)));

    // Not even saved (the outbox cannot be written): the form keeps everything.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "family");
    assert_eq!(ctrl(&mut app, 's').len(), 1, "sent");
    let account_no = app.form.as_ref().unwrap().account_no.clone();
    update(
        &mut app,
        Action::Delivery {
            account_no,
            outcome: Err(crate::store::StoreError::NoSuchItem(9)),
        },
    );
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.action.value(), "MSG");
    assert!(!form.submitting);
    assert!(status(&app).starts_with("not saved"));
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.modal, Some(Modal::Help { scroll: 0 })));
    assert_eq!(app.context(), Context::Help);
    press(&mut app, KeyCode::Char('j'));
    assert!(
        matches!(app.modal, Some(Modal::Help { scroll: 3 })),
        "j scrolls"
    );
    press(&mut app, KeyCode::Char('x'));
    assert!(app.modal.is_none());
    assert_eq!(selected(&app), "C", "the closing key does nothing else");
}

#[test]
fn the_dial_overlay_opens_because_the_number_was_copied_not_because_of_words() {
    let mut app = app();
    update(
        &mut app,
        Action::Dialed {
            phone: "0811".into(),
            outcome: Ok(Dialed::Launched {
                program: "copied-dialer".into(),
            }),
        },
    );
    assert!(
        app.modal.is_none(),
        "a dialer named 'copied…' opens nothing"
    );
    update(
        &mut app,
        Action::Dialed {
            phone: "0811".into(),
            outcome: Ok(Dialed::Copied),
        },
    );
    assert!(matches!(&app.modal, Some(Modal::Dial { phone }) if phone == "0811"));
}

/// The first termin page, as many rows as the screen shows.
fn first_termin_page(app: &App) -> Vec<Effect> {
    let rows = super::layout::table_rows(app.areas().queue) as i64;
    vec![Effect::LoadTerminPage {
        page: 1,
        limit: rows.clamp(1, 100),
        prefetch: false,
    }]
}

#[test]
fn digits_switch_tabs_everywhere_and_never_dial() {
    let mut app = app();
    let expected = first_termin_page(&app);
    assert_eq!(
        press(&mut app, KeyCode::Char('2')),
        expected,
        "from the queue too"
    );
    assert_eq!(app.tab, Tab::Termin);
    assert!(app.modal.is_none(), "no dial, no question");
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.tab, Tab::Today);
    alt(&mut app, '3');
    assert_eq!(app.tab, Tab::Outbox);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Termin, "Shift-Tab goes back a tab");
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab, Tab::Queue);
    // In a text field a digit is text.
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!((app.tab, app.queue.list.filter.as_str()), (Tab::Queue, "2"));
}

#[test]
fn c_picks_among_the_dialable_phones_and_the_guards_stay_in_front() {
    let mut t = task("P", "PHONES", 3);
    t.phone1 = "0".into();
    t.phone2 = "0812-3456-7890".into();
    t.phone3 = "--version".into();
    t.phone4 = "(021) 555 1234".into();
    let mut app = super::harness::app_with(vec![t], 120, 40, super::harness::fixed_now());
    press(&mut app, KeyCode::Char('c'));
    let Some(Modal::Phones(picker)) = &app.modal else {
        panic!("{:?}", app.modal)
    };
    let listed: Vec<_> = picker
        .phones
        .iter()
        .map(|(n, p)| (*n, p.as_str()))
        .collect();
    assert_eq!(listed, vec![(2, "081234567890"), (4, "0215551234")]);
    let shown_not_dialable: Vec<_> = picker.not_dialable.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        shown_not_dialable,
        vec![1, 3],
        "shown as not dialable, never offered"
    );
    let screen = super::harness::render(&app);
    assert!(screen.contains("not a phone number"), "{screen}");
    assert_eq!(app.context(), Context::Picker);
    assert!(
        press(&mut app, KeyCode::Char('3')).is_empty(),
        "phone 3 is not dialable"
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('4')),
        vec![Effect::Dial {
            account_no: "P".into(),
            phone: "0215551234".into(),
            override_reason: None
        }]
    );
    // Past the contact limit the picked phone asks first.
    app.settings.max_contacts_per_day = 0;
    press(&mut app, KeyCode::Char('c'));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(app.question().unwrap().contains("limit 0"));
}

#[test]
fn clicking_a_tab_does_what_its_key_does() {
    let mut app = app();
    let (_, x, _) = super::layout::tab_labels(app.size.width, app.settings.lang)[1].clone();
    let expected = first_termin_page(&app);
    let effects = click(&mut app, x + 1, 0);
    assert_eq!(app.tab, Tab::Termin);
    assert_eq!(
        effects, expected,
        "the termin tab loads its first page, as 2 does"
    );
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut app = app();
    let q = app.areas().queue;
    click(&mut app, q.x + 5, q.y + 3);
    assert_eq!(selected(&app), "B", "second visible row");
    mouse(&mut app, MouseEventKind::ScrollDown, q.x + 5, q.y + 3);
    assert_eq!(selected(&app), "A");
    app.settings.mouse = false;
    mouse(&mut app, MouseEventKind::ScrollUp, q.x + 5, q.y + 3);
    assert_eq!(selected(&app), "A", "mouse off");
}

fn item(id: i64, account: &str, promise: &str, state: DeliveryState) -> OutboxItem {
    let result = CollectionResult {
        account_no: account.into(),
        call_time: crate::domain::dates::parse_datetime("2026-11-20 10:00:00").unwrap(),
        cust_name: String::new(),
        action_code: "PTP".into(),
        result_code: "PTP01".into(),
        promise_date: promise.parse().ok(),
        period: 1,
        remark: "janji".into(),
        agent_id: "A1".into(),
        ip_address: "ip".into(),
    };
    OutboxItem {
        id,
        account_no: account.into(),
        state,
        attempts: 1,
        last_error: None,
        call_time: "2026-11-20 10:00:00".into(),
        action_code: "PTP".into(),
        result_code: "PTP01".into(),
        promise_date: Some(promise.into()),
        remark: "janji".into(),
        agent_id: "A1".into(),
        server_code: None,
        server_message: None,
        delivered_by: None,
        ever_uncertain: false,
        created_at: String::new(),
        updated_at: String::new(),
        next_attempt_at: None,
        total_due: None,
        party: "unknown".into(),
        callback_due: None,
        callback_zone: None,
        promised_amount: None,
        result,
    }
}

fn outbox(app: &mut App, items: Vec<OutboxItem>) {
    update(
        app,
        Action::OutboxLoaded {
            snapshot: Ok(OutboxSnapshot {
                items,
                counts: Counts::default(),
                contacts: Vec::new(),
                reads: Vec::new(),
            }),
            done: None,
        },
    );
}

#[test]
fn promises_mark_the_queue_and_filter_it() {
    let mut app = app();
    outbox(
        &mut app,
        vec![
            item(1, "A", "2026-11-26", DeliveryState::Delivered), // passed, A still in the queue: broken
            item(2, "B", "2026-11-28", DeliveryState::Delivered), // tomorrow
        ],
    );
    assert!(app.desk.promises.broken.contains("A"));
    assert!(app.desk.promises.due_soon.contains("B"));
    let first = &app.queue.list.tasks[app.queue.list.view[0]].contract_no;
    assert_eq!(first, "A", "a broken promise is worked first");
    assert_eq!(
        selected(&app),
        "C",
        "the selection stays where the agent was"
    );
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(view_len(&app), 1);
    assert_eq!(selected(&app), "B");
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(selected(&app), "A");
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(view_len(&app), 3);
}

#[test]
fn outbox_keys_ask_before_risky_moves() {
    let mut app = app();
    let mut uncertain = item(5, "A", "2026-11-30", DeliveryState::Uncertain);
    uncertain.last_error = Some("timed out".into());
    outbox(&mut app, vec![uncertain]);
    alt(&mut app, '3');
    assert_eq!(app.context(), Context::Outbox);
    assert!(press(&mut app, KeyCode::Char('R')).is_empty(), "asks first");
    assert!(app.question().unwrap().contains("twice"));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        vec![Effect::Outbox(OutboxCommand::Send(5))]
    );
    press(&mut app, KeyCode::Char('x'));
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert!(app.modal.is_none());
    press(&mut app, KeyCode::Char('e'));
    assert!(app.form.is_none(), "only a rejected result is edited");
    assert!(status(&app).contains("nothing to do"));
}

#[test]
fn the_outbox_selection_is_always_on_a_drawn_row() {
    let mut app = app();
    let items = (1..=60)
        .map(|i| item(i, "A", "2026-11-30", DeliveryState::Delivered))
        .collect();
    outbox(&mut app, items);
    alt(&mut app, '3');
    press(&mut app, KeyCode::Char('G'));
    let rows = super::layout::table_rows(app.areas().outbox_list);
    let c = app.outbox.cursor;
    assert!(
        c.selected >= c.offset && c.selected < c.offset + rows,
        "{c:?} with {rows} rows"
    );
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("#1 "),
        "the oldest result, selected, is drawn:\n{screen}"
    );
}

#[test]
fn the_form_refuses_a_period_past_the_contracts_tenor_as_the_cli_does() {
    let mut t = task("T", "TENOR", 3);
    t.total_installments = Some(60);
    let mut app = super::harness::app_with(vec![t], 120, 40, super::harness::fixed_now());
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    tab_to(&mut app, Field::Period);
    let form = app.form.as_mut().unwrap();
    assert_eq!(form.period.value(), "4", "last paid + 1");
    *form.input_mut(Field::Period) = tui_input::Input::new("999".into());
    assert!(ctrl(&mut app, 's').is_empty());
    let form = app.form.as_ref().unwrap();
    let why = &form.error_for(Field::Period).unwrap().message;
    assert!(why.contains("60 installments"), "{why}");
    assert_eq!(form.period.value(), "999", "kept as typed");
}

#[test]
fn one_broken_promise_everywhere_the_servers_and_ours() {
    let mut app = super::harness::app_with(
        vec![
            task("S", "SERVER SAYS", 8),
            task("O", "OURS", 4),
            task("N", "NONE", 3),
        ],
        120,
        40,
        super::harness::fixed_now(),
    );
    // Our own PTP for O fell due two days ago; O is still overdue in the list.
    outbox(
        &mut app,
        vec![item(1, "O", "2026-11-25", DeliveryState::Delivered)],
    );
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(
        app.queue.promise_filter.label(crate::i18n::Lang::En),
        "broken promises"
    );
    let mut shown: Vec<_> = app
        .queue
        .list
        .view
        .iter()
        .map(|&i| app.queue.list.tasks[i].contract_no.to_string())
        .collect();
    shown.sort();
    assert_eq!(shown, vec!["O", "S"]);
    let accounts: Vec<_> = app
        .desk
        .broken
        .iter()
        .map(|b| b.account_no.as_str())
        .collect();
    assert_eq!(
        accounts,
        vec!["S", "O"],
        "Today lists the same, most owed first"
    );
    let today = super::pages::today::summary(&app.cx(Tab::Today));
    assert_eq!(today.broken_promises.len(), 2);
    assert_eq!(
        today.broken_promises[1].promise_date.map(|d| d.to_string()),
        Some("2026-11-25".into())
    );
    assert_eq!(today.broken_promises[0].total_due.as_deref(), Some("8000"));
}

#[test]
fn an_empty_filtered_queue_says_which_filter_is_on() {
    let mut app = app();
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("No broken promises among the 3 tasks. p shows all tasks."),
        "{screen}"
    );
}

#[test]
fn capital_s_turns_the_order_round_and_shows_its_top() {
    let mut app = app();
    press(&mut app, KeyCode::Char('s')); // days overdue: B, A, C
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(selected(&app), "C");
    assert!(status(&app).contains("reversed"));
    assert!(super::harness::render(&app).contains("Queue · 1 of 3"));
}

#[test]
fn the_header_turns_connected_when_a_background_send_is_answered() {
    let mut app = app();
    update(&mut app, Action::TasksLoaded(Err(ApiError::Unauthorized)));
    assert!(matches!(app.server, ServerState::Failing(_)));
    update(&mut app, Action::ServerAnswered);
    assert_eq!(app.server, ServerState::Connected);
}

#[test]
fn a_new_failure_takes_the_outbox_selection() {
    let mut app = app();
    let ok = |id| item(id, "A", "2026-11-30", DeliveryState::Delivered);
    outbox(&mut app, vec![ok(1), ok(2), ok(3)]);
    alt(&mut app, '3');
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.outbox.selected(&app.desk).unwrap().id, 1);
    let mut refused = item(2, "A", "2026-11-30", DeliveryState::Rejected);
    refused.last_error = Some("server refused".into());
    outbox(&mut app, vec![ok(1), refused, ok(3)]);
    assert_eq!(app.outbox.selected(&app.desk).unwrap().id, 2);
    outbox(
        &mut app,
        vec![
            ok(1),
            item(2, "A", "2026-11-30", DeliveryState::Rejected),
            ok(3),
            ok(4),
        ],
    );
    assert_eq!(
        app.outbox.selected(&app.desk).unwrap().id,
        2,
        "stays when nothing new failed"
    );
}

#[test]
fn help_at_80x24_shows_every_word_of_every_binding() {
    for lang in crate::i18n::Lang::ALL {
        let mut app = super::harness::app_with_in(
            lang,
            vec![task("A", "ANDI", 3)],
            80,
            24,
            super::harness::fixed_now(),
        );
        press(&mut app, KeyCode::Char('?'));
        let mut screen = String::new();
        // Scroll through whatever does not fit.
        for _ in 0..10 {
            screen.push_str(&super::harness::render(&app));
            press(&mut app, KeyCode::Char('j'));
        }
        let words: String = screen
            .lines()
            .map(|l| l.trim_matches('"').replace('│', " "))
            .collect::<Vec<_>>()
            .join(" ");
        for b in app.keys.help(Context::Queue) {
            let help = b.help(lang);
            for word in help.split(' ') {
                assert!(
                    words.split_whitespace().any(|w| w == word),
                    "'{word}' of '{help}' is not shown whole ({lang:?})"
                );
            }
        }
    }
}

#[test]
fn resending_a_result_refused_with_90_asks_first() {
    let mut app = app();
    let mut refused = item(8, "A", "2026-11-30", DeliveryState::Rejected);
    refused.server_code = Some("90".into());
    refused.party = "debtor".into();
    let mut plain = item(9, "B", "2026-11-30", DeliveryState::Rejected);
    plain.server_code = Some("401".into());
    outbox(&mut app, vec![refused, plain]);
    alt(&mut app, '3');
    // Newest first: #9 (401) sends at once, #8 (90) may be stored already.
    assert_eq!(
        press(&mut app, KeyCode::Char('R')),
        vec![Effect::Outbox(OutboxCommand::Send(9))]
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(press(&mut app, KeyCode::Char('R')).is_empty());
    assert!(app.question().is_some());
    let screen = super::harness::render(&app);
    assert!(screen.contains("Refused with 90"), "{screen}");
    assert!(
        app.question().unwrap().contains("refused with 90"),
        "{:?}",
        app.question()
    );
    // Corrected with `e`: the form asks at Ctrl-S, under the same rule.
    press(&mut app, KeyCode::Char('n'));
    assert!(app.modal.is_none(), "{:?}", app.modal);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(
        app.form.as_ref().map(|f| f.edit_of),
        Some(Some(8)),
        "{}",
        status(&app)
    );
    assert!(ctrl(&mut app, 's').is_empty(), "asked first, nothing sent");
    let question = app.question().unwrap_or(status(&app));
    assert!(
        question.starts_with("Send the correction of #8?"),
        "{question}"
    );
    let effects = press(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Submit {
                edit_of: Some(8),
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_result_refused_with_90_can_be_marked_delivered_and_discarding_it_warns() {
    let mut app = app();
    let mut refused = item(8, "A", "2026-11-30", DeliveryState::Rejected);
    refused.server_code = Some("90".into());
    let mut plain = item(9, "B", "2026-11-30", DeliveryState::Rejected);
    plain.server_code = Some("91".into());
    outbox(&mut app, vec![refused, plain]);
    alt(&mut app, '3');
    // #9 (91): nothing to mark; discarding it asks the plain question.
    press(&mut app, KeyCode::Char('D'));
    assert!(status(&app).contains("nothing to do"), "{}", status(&app));
    press(&mut app, KeyCode::Char('x'));
    let question = app.question().unwrap().to_string();
    assert!(!question.contains("may already be"), "{question}");
    press(&mut app, KeyCode::Char('n'));
    // #8 (90): D asks, then marks it delivered.
    press(&mut app, KeyCode::Char('j'));
    assert!(press(&mut app, KeyCode::Char('D')).is_empty());
    assert!(app.question().unwrap().starts_with("Mark #8 delivered?"));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        vec![Effect::Outbox(OutboxCommand::MarkDelivered(8))]
    );
    // x warns that it may already be on the server.
    press(&mut app, KeyCode::Char('x'));
    let question = app.question().unwrap();
    assert!(
        question.contains("may already be on the server")
            && question.contains("does not take it off the server"),
        "{question}"
    );
}

#[test]
fn credentials_over_plain_http_say_insecure_in_the_header() {
    let mut app = app();
    app.settings.demo = false;
    app.settings.insecure = true;
    let screen = super::harness::render(&app);
    assert!(
        screen.lines().next().unwrap().contains("insecure"),
        "{screen}"
    );
    app.settings.insecure = false;
    assert!(
        !super::harness::render(&app)
            .lines()
            .next()
            .unwrap()
            .contains("insecure")
    );
}

#[test]
fn d_marks_an_uncertain_result_delivered_after_a_yes() {
    let mut app = app();
    outbox(
        &mut app,
        vec![item(4, "A", "2026-11-30", DeliveryState::Uncertain)],
    );
    alt(&mut app, '3');
    assert!(press(&mut app, KeyCode::Char('D')).is_empty(), "asks first");
    assert!(app.question().is_some());
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        vec![Effect::Outbox(OutboxCommand::MarkDelivered(4))]
    );
    // A delivered one has nothing to mark.
    outbox(
        &mut app,
        vec![item(4, "A", "2026-11-30", DeliveryState::Delivered)],
    );
    assert!(press(&mut app, KeyCode::Char('D')).is_empty());
    assert!(app.question().is_none());
}

fn saved_list(app: &mut App, tasks: Vec<Task>, read_at: &str) {
    let zones = super::pages::queue::zones_of(&app.regions, &tasks);
    let by_total = crate::domain::order::by_total_due(&tasks);
    update(
        app,
        Action::SavedListLoaded {
            tasks,
            zones,
            by_total,
            read_at: chrono::DateTime::parse_from_rfc3339(read_at).unwrap(),
        },
    );
}

fn header_line(app: &App) -> String {
    super::harness::render(app)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_kept_list_is_worked_at_once_and_the_fresh_one_keeps_the_selection() {
    let mut app = super::harness::app_unloaded(120, 40, super::harness::fixed_now());
    let effects = app.start();
    assert_eq!(effects, vec![Effect::LoadSavedList, Effect::LoadTasks]);
    saved_list(
        &mut app,
        vec![task("A", "ANDI", 3), task("B", "BUDI", 5)],
        "2026-11-27T07:58:00+07:00",
    );
    assert_eq!(app.queue.list.tasks.len(), 2, "worked from the kept list");
    assert!(
        header_line(&app).contains("list from 07:58 · refreshing"),
        "{}",
        header_line(&app)
    );
    let first = selected(&app);
    press(&mut app, KeyCode::Char('j'));
    let second = selected(&app);
    assert_ne!(first, second, "j moves in the kept list");
    update(
        &mut app,
        Action::TasksLoaded(Ok(vec![
            task("C", "CITRA", 1),
            task("B", "BUDI", 6),
            task("A", "ANDI", 4),
        ])),
    );
    assert_eq!(app.queue.list.tasks.len(), 3, "the fresh list replaces it");
    assert_eq!(selected(&app), second, "still on the same contract");
    assert_eq!(app.queue.saved_from, None);
    assert!(header_line(&app).contains("connected"));
    // A kept list that arrives after the fresh one never replaces it.
    saved_list(
        &mut app,
        vec![task("Z", "ZAKI", 9)],
        "2026-11-27T07:58:00+07:00",
    );
    assert_eq!(app.queue.list.tasks.len(), 3);
}

#[test]
fn with_the_server_down_the_kept_list_stays_and_the_header_says_offline() {
    let mut app = super::harness::app_unloaded(80, 24, super::harness::fixed_now());
    app.start();
    saved_list(
        &mut app,
        vec![task("A", "ANDI", 3)],
        "2026-11-27T07:58:00+07:00",
    );
    update(
        &mut app,
        Action::TasksLoaded(Err(ApiError::Connect {
            host: "127.0.0.1:9".into(),
            reason: "connection refused".into(),
        })),
    );
    assert_eq!(app.queue.list.tasks.len(), 1, "still usable");
    assert!(
        header_line(&app).contains("offline · list from 07:58"),
        "{}",
        header_line(&app)
    );
    // The form opens on it as on any list: results go to the outbox.
    press(&mut app, KeyCode::Enter);
    assert!(app.form.is_some());
}

#[test]
fn a_list_kept_on_an_earlier_day_is_marked_and_judges_no_promise() {
    let mut app = super::harness::app_unloaded(120, 40, super::harness::fixed_now());
    app.start();
    saved_list(
        &mut app,
        vec![task("A", "ANDI", 3)],
        "2026-11-25T08:10:00+07:00",
    );
    // A promise passed on the 26th while A is in the (two-day-old) list: not evidence.
    outbox(
        &mut app,
        vec![item(1, "A", "2026-11-26", DeliveryState::Delivered)],
    );
    assert!(app.desk.promises.broken.is_empty());
    assert!(
        header_line(&app).contains("list from 25 Nov 08:10"),
        "{}",
        header_line(&app)
    );
    // The same list read today is evidence.
    saved_list(
        &mut app,
        vec![task("A", "ANDI", 3)],
        "2026-11-27T08:10:00+07:00",
    );
    assert!(app.desk.promises.broken.contains("A"));
}

/// The screen's words in reading order: borders, quotes and wrapping left out.
fn screen_words(app: &App) -> String {
    super::harness::render(app)
        .lines()
        .map(|l| {
            l.trim_matches('"')
                .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form alone across the screen: 80x24, one task (C, owing Rp 2.000).
fn narrow_app(lang: crate::i18n::Lang) -> App {
    let tasks = vec![task("C", "CITRA", 2)];
    super::harness::app_with_in(lang, tasks, 80, 24, super::harness::fixed_now())
}

fn submitted(effects: &[Effect]) -> &crate::domain::result::Recorded {
    match effects {
        [Effect::Submit { recorded, .. }] => recorded,
        other => panic!("not sent: {other:?}"),
    }
}

#[test]
fn no_answer_sets_spoke_with_to_nobody() {
    use crate::domain::party::Party;
    for (code, party) in [("NCT01", Party::Nobody), ("NCT04", Party::ThirdParty)] {
        let mut app = app();
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "NCT");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, code);
        press(&mut app, KeyCode::Tab);
        assert_eq!(
            focus(&app),
            Field::Period,
            "{code}: the settled party is passed over"
        );
        assert_eq!(app.form.as_ref().unwrap().party.value(), party.wire());
        assert!(
            screen_words(&app).contains(&format!(
                "Spoke with {}",
                crate::i18n::words::party(crate::i18n::Lang::En, party)
            )),
            "shown"
        );
        press(&mut app, KeyCode::BackTab);
        assert_eq!(focus(&app), Field::Result, "both ways");
        let effects = ctrl(&mut app, 's');
        assert_eq!(submitted(&effects).party, party, "{code}");
    }
    // A result changed to one that settles nothing takes its party away with it.
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "NCT");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "NCT01");
    assert_eq!(app.form.as_ref().unwrap().party.value(), "nobody");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.form.as_ref().unwrap().party.value(), "");
    type_text(&mut app, "4");
    assert_eq!(app.form.as_ref().unwrap().party.value(), "third_party");
}

#[test]
fn the_party_is_required_and_chosen_like_a_code() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    assert!(ctrl(&mut app, 's').is_empty());
    assert_eq!(focus(&app), Field::Party, "refused there");
    assert!(
        status(&app).contains("Spoke with: required"),
        "{}",
        status(&app)
    );
    // Typing filters in either language; arrows move; Enter takes.
    type_text(&mut app, "keluarga");
    let screen = screen_words(&app);
    assert!(screen.contains("family"), "{screen}");
    press(&mut app, KeyCode::Backspace);
    for _ in 0.."keluarga".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let form = app.form.as_ref().unwrap();
    assert_eq!((form.party.value(), form.focus), ("spouse", Field::Period));
    let effects = ctrl(&mut app, 's');
    assert_eq!(
        submitted(&effects).party,
        crate::domain::party::Party::Spouse
    );
}

#[test]
fn a_promise_with_the_spouse_is_refused_at_spoke_with() {
    use crate::i18n::Lang;
    let said = [
        (
            Lang::En,
            "spouse",
            "PTP01 may only be recorded with the debtor or a co-debtor, not spouse (POJK 22/2023 art. 62(2))",
        ),
        (
            Lang::Id,
            "pasangan",
            "PTP01 hanya boleh dicatat dengan debitur atau penjamin, bukan pasangan (POJK 22/2023 pasal 62 ayat 2)",
        ),
    ];
    for (lang, typed, why) in said {
        let mut app = narrow_app(lang);
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "ptp");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, typed);
        tab_to(&mut app, Field::Promise);
        type_text(&mut app, "+2");
        tab_to(&mut app, Field::Remark);
        assert!(ctrl(&mut app, 's').is_empty(), "nothing is sent");
        let form = app.form.as_ref().unwrap();
        assert_eq!(form.focus, Field::Party, "{lang:?}");
        assert_eq!(form.party.value(), "spouse", "kept");
        let screen = screen_words(&app);
        assert!(screen.contains(&format!("✗ {why}")), "{lang:?}:\n{screen}");
    }
}

#[test]
fn the_amount_defaults_to_the_total_due() {
    let mut a = app();
    fill_ptp(&mut a);
    let form = a.form.as_ref().unwrap();
    assert_eq!(form.amount.value(), "2000", "C owes Rp 2.000");
    assert!(form.fields(&a.codes).contains(&Field::Amount));
    let effects = ctrl(&mut a, 's');
    assert_eq!(
        submitted(&effects).promised_amount,
        Some(Money::from_units(2000))
    );

    // Typed the Indonesian way or plain; not a number is refused at the field.
    for (typed, refused) in [("1.500", None), ("1500", None), ("lots", Some("'lots'"))] {
        let mut a = app();
        fill_ptp(&mut a);
        *a.form.as_mut().unwrap().input_mut(Field::Amount) = tui_input::Input::new(typed.into());
        let effects = ctrl(&mut a, 's');
        match refused {
            None => assert_eq!(
                submitted(&effects).promised_amount,
                Some(Money::from_units(1500))
            ),
            Some(words) => {
                assert!(effects.is_empty());
                assert_eq!(focus(&a), Field::Amount);
                assert!(status(&a).contains(&format!("Amount: {words} is not an amount")));
            }
        }
    }

    // Only actions that need a promise ask for an amount.
    let mut a = app();
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "MSG");
    let form = a.form.as_ref().unwrap();
    assert!(!form.fields(&a.codes).contains(&Field::Amount));
}

#[test]
fn a_callback_after_hours_is_refused_with_the_next_allowed_time() {
    let mut app = narrow_app(crate::i18n::Lang::En);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "MSG");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "family");
    tab_to(&mut app, Field::Callback);
    assert!(screen_words(&app).contains("14:00, YYYY-MM-DD 14:00, +2h hours, +2d days"));
    type_text(&mut app, "20:00");
    tab_to(&mut app, Field::Remark);
    assert!(ctrl(&mut app, 's').is_empty());
    assert_eq!(focus(&app), Field::Callback);
    let screen = screen_words(&app);
    assert!(
        screen.contains(
            "✗ 2026-11-27 20:00 WIB is outside the customer's calling window; next allowed 2026-11-28 08:00 WIB"
        ),
        "{screen}"
    );
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+2h");
    assert!(screen_words(&app).contains("→ 2026-11-27 12:00 WIB"));
    let effects = ctrl(&mut app, 's');
    let callback = submitted(&effects).callback.unwrap();
    assert_eq!(
        crate::domain::callback::local_words(callback.due_local()),
        "2026-11-27 12:00 WIB"
    );
}

#[test]
fn correcting_a_rejected_result_keeps_its_party_amount_and_callback() {
    let mut app = app();
    let mut rejected = item(6, "A", "2026-11-30", DeliveryState::Rejected);
    rejected.party = "spouse".into();
    rejected.promised_amount = Some("1500000".into());
    rejected.callback_due = Some("2026-11-28T01:00:00Z".into());
    rejected.callback_zone = Some("WIB".into());
    rejected.result.remark = "[spouse] janji".into();
    outbox(&mut app, vec![rejected]);
    alt(&mut app, '3');
    assert!(
        screen_words(&app).contains("PTP PTP01 · with spouse"),
        "the detail says who answered"
    );
    press(&mut app, KeyCode::Char('e'));
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.party.value(), "spouse");
    assert_eq!(form.amount.value(), "1500000");
    assert_eq!(form.callback.value(), "2026-11-28 08:00");
    assert_eq!(
        form.remark.value(),
        "janji",
        "the party is put in front again when sent"
    );
}

#[test]
fn a_form_taller_than_the_screen_scrolls_to_the_focused_field() {
    let mut app = narrow_app(crate::i18n::Lang::En);
    update(&mut app, Action::Resize(80, 20));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "PTP");
    tab_to(&mut app, Field::Party);
    type_text(&mut app, "spouse");
    tab_to(&mut app, Field::Promise);
    type_text(&mut app, "2026-11-01");
    tab_to(&mut app, Field::Amount);
    type_text(&mut app, "x");
    tab_to(&mut app, Field::Callback);
    type_text(&mut app, "20:00");
    tab_to(&mut app, Field::Remark);
    type_text(&mut app, &"x".repeat(260));
    assert!(ctrl(&mut app, 's').is_empty());
    let screen = screen_words(&app);
    assert!(
        screen.contains("▸ Result code ✗ required PTP01") && !screen.contains("260 characters"),
        "the top, the result's choices open:\n{screen}"
    );
    tab_to(&mut app, Field::Remark);
    let screen = screen_words(&app);
    assert!(
        screen.contains("▸ Remark") && screen.contains("✗ 260 characters, at most 255 allowed"),
        "{screen}"
    );
    assert!(!screen.contains("Action code"), "scrolled:\n{screen}");
    let cursor = super::harness::cursor(&app);
    let row = super::harness::render(&app)
        .lines()
        .nth(cursor.1 as usize)
        .unwrap()
        .to_string();
    assert!(
        row.contains("▸ Remark"),
        "the cursor is on the remark's line: {row}"
    );
}

/// The app's clock moved to `local` (WIB) and a timer tick taken.
fn at(app: &mut App, local: &str) {
    app.clock = crate::clock::Clock::at(crate::domain::dates::parse_datetime(local).unwrap());
    update(app, Action::Tick);
}

/// A result of `account` (named `name`) recorded at `called` with a callback due at `due`
/// (RFC 3339) in `zone`.
fn callback_item(
    id: i64,
    account: &str,
    name: &str,
    called: &str,
    due: &str,
    zone: &str,
) -> OutboxItem {
    let mut it = plain_item(id, account, called);
    it.result.cust_name = name.into();
    it.callback_due = Some(due.into());
    it.callback_zone = Some(zone.into());
    it
}

/// A result of `account` recorded at `called` (the agent's clock), without a callback.
fn plain_item(id: i64, account: &str, called: &str) -> OutboxItem {
    let mut it = item(id, account, "", DeliveryState::Delivered);
    it.action_code = "NCT".into();
    it.promise_date = None;
    it.result.promise_date = None;
    it.result.call_time = crate::domain::dates::parse_datetime(called).unwrap();
    it.call_time = called.into();
    it
}

fn order(app: &App) -> String {
    let q = &app.queue.list;
    q.view
        .iter()
        .map(|&i| q.tasks[i].contract_no.as_str())
        .collect()
}

#[test]
fn a_due_callback_pins_its_account_on_top_until_it_is_done() {
    let mut app = app();
    assert_eq!(order(&app), "CBA");
    // ANDI (WIB) asked to be called back at 10:03.
    let callback = callback_item(
        1,
        "A",
        "ANDI",
        "2026-11-27 09:00:00",
        "2026-11-27T10:03:00+07:00",
        "WIB",
    );
    outbox(&mut app, vec![callback.clone()]);
    assert_eq!(order(&app), "CBA", "pending: not pinned yet");
    assert!(
        header_line(&app).contains("Callback 10:03 WIB: ANDI in 3m"),
        "{}",
        header_line(&app)
    );
    at(&mut app, "2026-11-27 10:03:00");
    assert_eq!(order(&app), "ACB", "due: above every bucket");
    assert_eq!(selected(&app), "C", "the selection stays on its contract");
    let screen = super::harness::render(&app);
    assert!(screen.contains("⏰ 10:03 WIB ANDI"), "{screen}");
    assert!(header_line(&app).contains("Callback 10:03 WIB: ANDI now"));
    // Any order keeps it on top.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(order(&app), "ABC", "days overdue, A pinned");
    while app.queue.list.sort.label() != "priority" {
        press(&mut app, KeyCode::Char('s'));
    }
    // A result recorded before it fell due does not do it; one after does.
    outbox(
        &mut app,
        vec![plain_item(2, "A", "2026-11-27 10:02:00"), callback.clone()],
    );
    assert_eq!(order(&app), "ACB");
    outbox(
        &mut app,
        vec![plain_item(3, "A", "2026-11-27 10:04:00"), callback],
    );
    assert_eq!(order(&app), "CBA", "done: no longer pinned");
    assert!(!header_line(&app).contains("Callback"));
    assert!(!super::harness::render(&app).contains('⏰'));
}

#[test]
fn a_missed_callback_no_longer_pins_and_the_warning_follows_the_setting() {
    let mut app = app();
    app.settings.callback_warn_minutes = 2;
    // BUDI (WIB) at 19:30, never called back.
    outbox(
        &mut app,
        vec![callback_item(
            1,
            "B",
            "BUDI",
            "2026-11-27 09:00:00",
            "2026-11-27T19:30:00+07:00",
            "WIB",
        )],
    );
    at(&mut app, "2026-11-27 19:27:00");
    assert!(
        !header_line(&app).contains("Callback"),
        "3 minutes ahead: not yet"
    );
    at(&mut app, "2026-11-27 19:28:00");
    assert!(header_line(&app).contains("Callback 19:30 WIB: BUDI in 2m"));
    at(&mut app, "2026-11-27 19:59:00");
    assert_eq!(&order(&app)[..1], "B");
    update(&mut app, Action::Resize(200, 50));
    assert!(
        header_line(&app).contains("Callback 19:30 WIB: BUDI, due 29m ago"),
        "late is said as late, not now: {}",
        header_line(&app)
    );
    at(&mut app, "2026-11-27 20:00:00");
    assert_ne!(&order(&app)[..1], "B", "missed: the window closed");
    assert!(!header_line(&app).contains("Callback"));
}

/// A customer 3 days past due who lives in `place` and owes `total`.
fn living_in(no: &str, place: &str, total: i64) -> Task {
    Task {
        address: format!("JL. MERDEKA NO. 1, {place}").into(),
        total_due: Some(Money::from_units(total)),
        ..task(no, no, 3)
    }
}

/// The screen's line showing an account.
fn row_of(screen: &str, account: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(&format!(" {account} ")))
        .unwrap_or_else(|| panic!("no row for {account}:\n{screen}"))
        .to_string()
}

#[test]
fn a_window_closing_soon_leads_its_bucket_says_closes_in_and_follows_the_clock() {
    // Friday 27 November 2026, 18:30 WIB: 18:30 in Semarang (90m left, the default's
    // boundary), 19:30 in Makassar (30m left), 20:30 in Jayapura (closed).
    let at = |t: &str| crate::domain::dates::parse_datetime(&format!("2026-11-27 {t}")).unwrap();
    let tasks = vec![
        living_in("PAPUA", "KOTA JAYAPURA, PAPUA", 9000),
        living_in("JAWA", "KOTA SEMARANG, JAWA TENGAH", 1000),
        living_in("SULSEL", "KOTA MAKASSAR, SULAWESI SELATAN", 500),
    ];
    let mut a = super::harness::app_with(tasks.clone(), 120, 40, at("18:30:00"));
    let order = |a: &App| -> Vec<String> {
        let q = &a.queue.list;
        q.view
            .iter()
            .map(|&i| q.tasks[i].contract_no.to_string())
            .collect()
    };
    assert_eq!(
        order(&a),
        ["SULSEL", "JAWA", "PAPUA"],
        "soonest first, closed last"
    );
    let screen = super::harness::render(&a);
    assert!(
        row_of(&screen, "SULSEL").contains("closes in 30m"),
        "{screen}"
    );
    assert!(
        row_of(&screen, "JAWA").contains("closes in 90m"),
        "{screen}"
    );
    let papua = row_of(&screen, "PAPUA");
    assert!(
        papua.contains('⊘') && papua.contains("→Sat 08:00 WIT"),
        "{papua}"
    );
    assert!(
        screen.contains("callable until 20:00 WITA · closes in 30m"),
        "the customer pane too:\n{screen}"
    );

    // The clock moves: on the next tick the figures follow, and Makassar closes.
    a.clock = crate::clock::Clock::at(at("19:31:00"));
    update(&mut a, Action::Tick);
    assert_eq!(
        order(&a),
        ["JAWA", "PAPUA", "SULSEL"],
        "closed ones by total due"
    );
    let screen = super::harness::render(&a);
    assert!(
        row_of(&screen, "JAWA").contains("closes in 29m"),
        "{screen}"
    );
    assert!(row_of(&screen, "SULSEL").contains('⊘'), "{screen}");

    // Earlier in the day nothing closes soon: callable accounts by total due.
    let a = super::harness::app_with(tasks.clone(), 120, 40, at("10:00:00"));
    assert_eq!(order(&a), ["PAPUA", "JAWA", "SULSEL"]);
    assert!(!super::harness::render(&a).contains("closes in"));

    // In Indonesian.
    let a = super::harness::app_with_in(crate::i18n::Lang::Id, tasks, 120, 40, at("18:30:00"));
    let screen = super::harness::render(&a);
    assert!(
        row_of(&screen, "SULSEL").contains("tutup 30 mnt lagi"),
        "{screen}"
    );
}

#[test]
fn calls_at_early_and_late_hours_narrow_the_bars_and_by_action_keeps_its_words() {
    let mut app = narrow_app(crate::i18n::Lang::Id);
    outbox(
        &mut app,
        vec![
            plain_item(1, "C", "2026-11-27 03:10:00"),
            plain_item(2, "C", "2026-11-27 09:10:00"),
            plain_item(3, "C", "2026-11-27 21:10:00"),
        ],
    );
    press(&mut app, KeyCode::Char('4'));
    let screen = super::harness::render(&app);
    assert!(screen.contains("Menurut aksi"), "{screen}");
    assert!(screen.contains("03") && screen.contains("21"), "{screen}");
}

#[test]
fn no_money_cell_loses_a_digit_silently_at_any_size_in_either_language() {
    use crate::i18n::Lang;
    let big = Money::from_units(1_234_567_890_123);
    let whole = "1.234.567.890.123";
    for lang in [Lang::En, Lang::Id] {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            let tasks = vec![Task {
                contract_no: "000220196348539".into(),
                name: "PT SANGAT BESAR SEKALI NUSANTARA".into(),
                overdue: Some(3),
                total_due: Some(big),
                penalty: Some(big),
                osar: Some(big),
                installment_number_field: Some(big),
                lastpaid_tenor: Some(3),
                ..Task::default()
            }];
            let mut app =
                super::harness::app_with_in(lang, tasks, w, h, super::harness::fixed_now());
            let mut promise = item(1, "000220196348539", "2026-11-28", DeliveryState::Delivered);
            promise.promised_amount = Some(big.plain());
            promise.total_due = Some(big.plain());
            promise.party = "debtor".into();
            promise.result.cust_name = "PT SANGAT BESAR SEKALI NUSANTARA".into();
            promise.result.call_time =
                crate::domain::dates::parse_datetime("2026-11-27 09:00:00").unwrap();
            outbox(&mut app, vec![promise]);
            let mut screens = vec![("queue", super::harness::render(&app))];
            press(&mut app, KeyCode::Enter);
            screens.push(("form", super::harness::render(&app)));
            press(&mut app, KeyCode::Esc);
            alt(&mut app, '4');
            screens.push(("today", super::harness::render(&app)));
            for (name, screen) in screens {
                if let Err(e) = super::harness::money_never_cut(&screen, whole) {
                    panic!("{name} {lang:?} {w}x{h}: {e}\n{screen}");
                }
            }
        }
    }
}

#[test]
fn the_money_check_catches_a_cut_from_the_left_and_a_silent_cut() {
    use super::harness::money_never_cut;
    let whole = "1.234.567.890.123";
    assert!(money_never_cut("Total Rp 1.234.567.890.123 at 10.00", whole).is_ok());
    assert!(money_never_cut("Total 1.234.567.8… at 10.00", whole).is_ok());
    assert!(money_never_cut("Total .234.567.890.123", whole).is_err());
    assert!(money_never_cut("Total Rp 1.234.567", whole).is_err());
    assert!(money_never_cut("nothing here", whole).is_err());
}

/// A result on `account` called at 10:00 with a callback agreed for `at` (WIB) today.
fn with_callback(id: i64, account: &str, name: &str, at: &str) -> OutboxItem {
    let mut i = item(id, account, "", DeliveryState::Delivered);
    i.action_code = "CBK".into();
    i.result.action_code = "CBK".into();
    i.promise_date = None;
    i.result.promise_date = None;
    i.result.cust_name = name.into();
    i.result.call_time = crate::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap();
    i.call_time = "2026-11-27 10:00:00".into();
    i.callback_due = Some(format!("2026-11-27T{at}:00+07:00"));
    i.callback_zone = Some("WIB".into());
    i
}

fn at_time(app: &mut App, hh_mm: &str) {
    app.clock = crate::clock::Clock::at(
        crate::domain::dates::parse_datetime(&format!("2026-11-27 {hh_mm}:00")).unwrap(),
    );
    update(app, Action::Tick);
}

fn header(app: &App) -> String {
    super::harness::render(app)
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_callback_whose_account_left_the_list_stays_workable_until_its_window_closes() {
    let mut app = app();
    outbox(
        &mut app,
        vec![
            with_callback(1, "C", "CITRA", "14:00"),
            with_callback(2, "B", "BUDI", "15:00"),
        ],
    );
    update(&mut app, Action::Tick);
    // The next refresh drops C (called today) and B.
    update(
        &mut app,
        Action::TasksLoaded(Ok(vec![task("A", "ANDI", 3), task("D", "DEWI", 4)])),
    );
    assert!(app.queue.task("C").is_some(), "kept for its callback");
    assert!(app.queue.absent.contains("C") && app.queue.absent.contains("B"));
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("CITRA · not in today's list"),
        "marked in the queue:\n{screen}"
    );
    // `/` finds it; Enter opens the form for it, as for any task.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "citra");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected(&app), "C");
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("[not in today's list: kept for its callback]"),
        "the customer pane says why:\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.form.as_ref().map(|f| f.account_no.as_str()), Some("C"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);

    // Due: pinned on top, the header names it.
    at_time(&mut app, "14:00");
    let top = app.queue.list.view[0];
    assert_eq!(app.queue.list.tasks[top].contract_no, "C", "pinned on top");
    assert!(
        header(&app).contains("Callback 14:00 WIB: CITRA now"),
        "{}",
        header(&app)
    );
    // Both due: the header says how many, and the nearest; late is said as late.
    at_time(&mut app, "16:30");
    let top = header(&app);
    assert!(top.contains("⏰ 2× 14:00 WIB CITRA"), "{top}");
    assert!(
        top.contains("● connected") && top.contains("16:30 WIB"),
        "the state stays: {top}"
    );
    update(&mut app, Action::Resize(200, 50));
    let top = header(&app);
    assert!(
        top.contains("2 callbacks due · Callback 14:00 WIB: CITRA, due 2h 30m ago"),
        "{top}"
    );
    update(&mut app, Action::Resize(80, 24));
    let top = header(&app);
    assert!(
        top.contains("● connected") && top.contains("16:30 WIB"),
        "the state stays: {top}"
    );
    assert!(top.contains('⏰'), "{top}");
    update(&mut app, Action::Resize(120, 40));
    // The window closes at 20:00: missed, gone from the queue and the header.
    at_time(&mut app, "20:00");
    assert!(app.queue.task("C").is_none() && app.queue.task("B").is_none());
    assert!(app.queue.absent.is_empty());
    assert!(!header(&app).contains("Callback"), "{}", header(&app));
}

#[test]
fn a_callback_account_missing_from_the_first_list_comes_from_the_outbox_record() {
    let mut app = app();
    let mut c = with_callback(3, "Z", "ZAINAL", "11:00");
    c.total_due = Some("4500000".into());
    outbox(&mut app, vec![c]);
    at_time(&mut app, "11:05");
    let z = app.queue.task("Z").expect("built from the outbox");
    assert_eq!(z.name, "ZAINAL");
    assert_eq!(z.total_due, Some(Money::from_units(4_500_000)));
    let top = app.queue.list.view[0];
    assert_eq!(app.queue.list.tasks[top].contract_no, "Z", "pinned on top");
    let screen = super::harness::render(&app);
    assert!(
        screen.contains("⏰ 11:00 WIB ZAINAL · not in today's list"),
        "{screen}"
    );
}

#[test]
fn a_list_kept_from_an_earlier_day_counts_to_its_own_day_and_says_so() {
    // Saturday 08:05, the server down: Friday's list is what there is.
    let saturday = crate::domain::dates::parse_datetime("2026-11-28 08:05:00").unwrap();
    let mut app = super::harness::app_unloaded(120, 40, saturday);
    app.start();
    let friday_task = Task {
        contract_no: "000319279734163".into(),
        name: "PT PERKASA BANGUN".into(),
        // 7 days past due on Friday: the server's overdue (+1) and its penalty are that day's.
        due_date: Some("2026-11-20".parse().unwrap()),
        overdue: Some(8),
        penalty: Some(Money::from_units(70_000)),
        total_due: Some(Money::from_units(5_070_000)),
        ..Task::default()
    };
    let zones = super::pages::queue::zones_of(&app.regions, std::slice::from_ref(&friday_task));
    let by_total = crate::domain::order::by_total_due(std::slice::from_ref(&friday_task));
    update(
        &mut app,
        Action::SavedListLoaded {
            tasks: vec![friday_task],
            zones,
            by_total,
            read_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T16:40:00+07:00").unwrap(),
        },
    );
    let screen = super::harness::render(&app);
    let title = screen.lines().nth(1).unwrap();
    assert!(title.contains("as of 27 Nov"), "{title}");
    assert!(
        screen.contains("As of 27 Nov: days overdue, penalty, total due and bucket are that"),
        "{screen}"
    );
    let days = screen.lines().find(|l| l.contains("Days overdue")).unwrap();
    assert!(days.contains("Days overdue 7"), "Friday's count: {days}");
    assert!(!screen.contains("Days overdue 8"), "{screen}");
}

#[test]
fn a_busy_servers_wait_is_said_in_the_status_line() {
    let mut app = app();
    update(
        &mut app,
        Action::BusyWait(crate::api::BusyWait {
            asked: std::time::Duration::from_secs(3600),
            waited: std::time::Duration::from_secs(120),
        }),
    );
    assert_eq!(
        status(&app),
        "the server is busy and asked to wait 3600 s: waiting 120 s (http.max_retry_after_secs)"
    );
}

#[test]
fn snapshots_of_a_kept_callback_and_of_todays_promise_lists() {
    use crate::i18n::Lang;
    for lang in [Lang::En, Lang::Id] {
        let suffix = match lang {
            Lang::En => "en",
            Lang::Id => "id",
        };
        for (w, h) in [(80, 24), (120, 40)] {
            let tasks = vec![
                task("A", "ANDI", 3),
                Task {
                    contract_no: "000418110200010".into(),
                    name: "PUTRA MOROWALI SEJAHTERA".into(),
                    overdue: Some(8),
                    total_due: Some(Money::from_units(26_435_641)),
                    ..Task::default()
                },
            ];
            let mut app =
                super::harness::app_with_in(lang, tasks, w, h, super::harness::fixed_now());
            let mut promised = item(5, "B", "2026-11-28", DeliveryState::Delivered);
            promised.result.cust_name = "PT JAYA KARYA".into();
            promised.promised_amount = Some("25000000".into());
            promised.total_due = Some("58439745".into());
            promised.party = "debtor".into();
            outbox(
                &mut app,
                vec![
                    promised,
                    with_callback(6, "C", "PT PERKASA BANGUN", "14:00"),
                ],
            );
            update(&mut app, Action::Tick);
            insta::assert_snapshot!(
                format!("queue_kept_callback_{suffix}_{w}x{h}"),
                super::harness::render(&app)
            );
            alt(&mut app, '4');
            insta::assert_snapshot!(
                format!("today_promise_lists_{suffix}_{w}x{h}"),
                super::harness::render(&app)
            );
        }
    }
}

#[test]
fn a_list_past_its_deadline_is_said_in_the_status_line_and_the_desk_keeps_working() {
    let mut app = app();
    update(
        &mut app,
        Action::TasksLoaded(Err(ApiError::Deadline {
            host: "desk.example".into(),
            secs: 300,
            kind: crate::api::RequestKind::TaskList,
        })),
    );
    assert!(
        status(&app).contains("after 300 s: its overall deadline (http.deadline_secs)"),
        "{}",
        status(&app)
    );
    // The list on screen stays workable.
    assert_eq!(view_len(&app), 3);
    press(&mut app, KeyCode::Enter);
    assert!(app.form.is_some());
}

#[test]
fn a_delivered_row_shows_no_old_error_and_a_stored_reason_is_worded() {
    let mut app = super::harness::app_with_in(
        crate::i18n::Lang::Id,
        vec![task("A", "ANDI", 3)],
        120,
        40,
        super::harness::fixed_now(),
    );
    let mut delivered = item(4, "A", "2026-11-30", DeliveryState::Delivered);
    delivered.last_error = Some("timed out after 30 s waiting for the server at h".into());
    let mut queued = item(5, "A", "2026-11-30", DeliveryState::Queued);
    queued.last_error = Some("connection to h dropped before the server answered".into());
    outbox(&mut app, vec![delivered, queued]);
    alt(&mut app, '3');
    let screen = super::harness::render(&app);
    let row = |id: &str| {
        screen
            .lines()
            .find(|l| l.contains(id))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!row("#4").contains("tidak ada jawaban"), "{screen}");
    assert!(!screen.contains("timed out"), "{screen}");
    assert!(row("#5").contains("sambungan ke h terputus"), "{screen}");
}

#[test]
fn the_outbox_follows_new_results_from_its_newest_row_and_a_delivered_send_clears_failing() {
    let mut app = app();
    outbox(
        &mut app,
        vec![item(1, "A", "2026-11-30", DeliveryState::Delivered)],
    );
    alt(&mut app, '3');
    assert_eq!(app.outbox.selected(&app.desk).map(|i| i.id), Some(1));
    // On the newest row: a new result takes the selection.
    outbox(
        &mut app,
        vec![
            item(1, "A", "2026-11-30", DeliveryState::Delivered),
            item(2, "B", "2026-11-30", DeliveryState::Delivered),
        ],
    );
    assert_eq!(app.outbox.selected(&app.desk).map(|i| i.id), Some(2));
    // On an older row: it stays there.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.outbox.selected(&app.desk).map(|i| i.id), Some(1));
    outbox(
        &mut app,
        vec![
            item(1, "A", "2026-11-30", DeliveryState::Delivered),
            item(2, "B", "2026-11-30", DeliveryState::Delivered),
            item(3, "C", "2026-11-30", DeliveryState::Delivered),
        ],
    );
    assert_eq!(app.outbox.selected(&app.desk).map(|i| i.id), Some(1));

    // "failing" goes once a send from the Outbox is answered.
    app.server = ServerState::Failing("connection refused".into());
    update(
        &mut app,
        Action::OutboxLoaded {
            snapshot: Ok(OutboxSnapshot {
                items: vec![item(3, "C", "2026-11-30", DeliveryState::Delivered)],
                counts: Counts::default(),
                contacts: Vec::new(),
                reads: Vec::new(),
            }),
            done: Some(Ok(OutboxDone::Sent {
                id: 3,
                state: DeliveryState::Delivered,
            })),
        },
    );
    assert_eq!(app.server, ServerState::Connected);
}

#[test]
fn the_status_lines_complaint_goes_when_the_field_is_corrected() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "ZZZ");
    ctrl(&mut app, 's');
    assert!(status(&app).starts_with("not sent"), "{}", status(&app));
    press(&mut app, KeyCode::Backspace);
    assert!(
        !status(&app).starts_with("not sent"),
        "a stale complaint: {}",
        status(&app)
    );
}

#[test]
fn todays_long_lists_end_in_how_many_more_at_80x24() {
    use crate::i18n::Lang;
    for (lang, suffix, more) in [(Lang::En, "en", "more"), (Lang::Id, "id", "lagi")] {
        let tasks: Vec<Task> = (0..25)
            .map(|i| Task {
                contract_no: format!("0003192797341{i:02}").into(),
                name: format!("PT NAMA {i}").into(),
                overdue: Some(8),
                total_due: Some(Money::from_units(1_000_000 + i)),
                ..Task::default()
            })
            .collect();
        let mut app = super::harness::app_with_in(lang, tasks, 80, 24, super::harness::fixed_now());
        alt(&mut app, '4');
        let screen = super::harness::render(&app);
        let line = screen
            .lines()
            .find(|l| l.contains("(25)"))
            .unwrap_or_else(|| panic!("the bucket's line:\n{screen}"));
        assert!(line.contains('+') && line.contains(more), "{line}");
        insta::assert_snapshot!(format!("today_long_lists_{suffix}_80x24"), screen);
    }
}
