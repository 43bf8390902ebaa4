//! `update` driven by keys, clicks and the answers of background work: what the agent sees
//! change, and which work starts.

use super::app::*;
use super::harness::{alt, click, ctrl, mouse, press, selected, type_text};
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

fn fill_ptp(app: &mut App) {
    press(app, KeyCode::Enter);
    type_text(app, "ptp");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Enter); // takes PTP01, the first result of PTP
    type_text(app, "+2");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "janji bayar");
}

#[test]
fn invalid_submit_stays_at_the_field_with_the_reason() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "PTP");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
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

#[test]
fn rejected_keeps_the_form_and_the_correction_replaces_the_result() {
    let mut app = app();
    fill_ptp(&mut app);
    ctrl(&mut app, 's');
    let rejected = Disposition::Rejected {
        reason: "server refused (code 90): ERROR".into(),
        code: Some("90".into()),
    };
    update(&mut app, sent(7, DeliveryState::Rejected, rejected));
    let form = app.form.as_ref().unwrap();
    assert!(!form.submitting);
    assert_eq!(form.remark.value(), "janji bayar");
    assert_eq!(form.promise.value(), "+2");
    assert!(form.failure.as_ref().unwrap().contains("code 90"));
    assert!(!app.queue.list.done.contains("C"));
    let effects = ctrl(&mut app, 's');
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Submit {
                edit_of: Some(7),
                ..
            }]
        ),
        "{effects:?}"
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
    ctrl(&mut app, 's');
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
    press(&mut app, KeyCode::Tab);
    let form = app.form.as_mut().unwrap();
    assert_eq!(form.focus, Field::Period);
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
    update(
        app,
        Action::SavedListLoaded {
            tasks,
            zones,
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
