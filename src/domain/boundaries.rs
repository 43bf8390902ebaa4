//! The edges of the rules, one test a rule, named after it: the place where an off-by-one
//! would let an agent break the law or lose a result.

use super::codes::MasterData;
use super::result::{CollectionResponse, Policy, REMARK_MAX, ResultDraft, check};
use super::window::{CallingRules, parse_weekday};
use super::zone::Zone;
use chrono::{NaiveDate, NaiveDateTime, Weekday};

fn call_time() -> NaiveDateTime {
    super::dates::parse_datetime("2026-11-27 10:00:00").expect("a time")
}

fn draft(action: &str, result: &str, promise: &str, remark: &str) -> ResultDraft {
    ResultDraft {
        account_no: "000319280100042".into(),
        cust_name: "PUTRA SIMEULUE CUTT".into(),
        action_code: action.into(),
        result_code: result.into(),
        promise_date: promise.into(),
        period: "1".into(),
        remark: remark.into(),
        agent_id: "1812010".into(),
        ip_address: "10.1.206.118".into(),
        ..ResultDraft::default()
    }
}

fn checked(d: &ResultDraft) -> Result<super::CollectionResult, Vec<&'static str>> {
    let policy = Policy {
        horizon_days: 30,
        tenor: None,
        total_due: Some(super::Money::from_units(2_500_000)),
        ..Policy::default()
    };
    check(d, &MasterData::builtin(), &policy, call_time())
        .map_err(|errors| errors.iter().map(|e| e.field).collect())
}

#[test]
fn remark_of_exactly_255_is_accepted() {
    let r = checked(&draft("MSG", "", "", &"x".repeat(REMARK_MAX))).expect("accepted");
    assert_eq!(r.remark.chars().count(), 255);
}

#[test]
fn remark_of_256_is_refused_at_the_remark() {
    let refused = checked(&draft("MSG", "", "", &"x".repeat(REMARK_MAX + 1))).unwrap_err();
    assert_eq!(refused, vec!["remark"]);
}

#[test]
fn promise_on_the_call_date_is_accepted() {
    let r = checked(&draft("PTP", "PTP01", "2026-11-27", "janji")).expect("accepted");
    assert_eq!(r.promise_date, NaiveDate::from_ymd_opt(2026, 11, 27));
}

#[test]
fn promise_the_day_before_the_call_is_refused() {
    let refused = checked(&draft("PTP", "PTP01", "2026-11-26", "janji")).unwrap_err();
    assert_eq!(refused, vec!["promise_date"]);
}

#[test]
fn a_00_answer_is_ok_and_nothing_else_is() {
    let answer = |code: &str| CollectionResponse {
        respon_code: code.into(),
        respon_mess: String::new(),
    };
    assert!(answer("00").is_ok());
    assert!(answer(" 00 ").is_ok(), "the server's spacing");
    for code in ["90", "91", "0", "", "000"] {
        assert!(!answer(code).is_ok(), "{code:?}");
    }
}

use super::instants::at;

#[test]
fn twenty_hundred_sharp_is_closed() {
    let rules = CallingRules::default();
    // Friday 27 November 2026, in each zone's own 20:00:00.
    for (zone, offset) in [
        (Zone::Wib, "+07:00"),
        (Zone::Wita, "+08:00"),
        (Zone::Wit, "+09:00"),
    ] {
        let last_second = rules.check(at(&format!("2026-11-27T19:59:59{offset}")), zone);
        assert!(last_second.callable, "19:59:59 {zone} is open");
        let sharp = rules.check(at(&format!("2026-11-27T20:00:00{offset}")), zone);
        assert!(!sharp.callable, "20:00:00 {zone} is closed");
    }
}

#[test]
fn eight_hundred_sharp_is_open_and_a_second_before_is_too_early() {
    let rules = CallingRules::default();
    assert!(
        rules
            .check(at("2026-11-27T08:00:00+07:00"), Zone::Wib)
            .callable
    );
    let early = rules.check(at("2026-11-27T07:59:59+07:00"), Zone::Wib);
    assert!(!early.callable);
    assert_eq!(
        early.opens.as_deref(),
        Some("08:00 WIB"),
        "opens the same day"
    );
}

#[test]
fn every_day_name_is_read_in_english_and_indonesian() {
    let days = [
        (["Mon", "monday", "Sen", "Senin"], Weekday::Mon),
        (["Tue", "tuesday", "Sel", "Selasa"], Weekday::Tue),
        (["Wed", "wednesday", "Rab", "Rabu"], Weekday::Wed),
        (["Thu", "thursday", "Kam", "Kamis"], Weekday::Thu),
        (["Fri", "friday", "Jum", "Jumat"], Weekday::Fri),
        (["Sat", "saturday", "Sab", "Sabtu"], Weekday::Sat),
        (["Sun", "sunday", "Min", "Minggu"], Weekday::Sun),
    ];
    for (names, day) in days {
        for name in names {
            assert_eq!(parse_weekday(name), Some(day), "{name}");
        }
    }
    assert_eq!(parse_weekday("xyz"), None);
    assert_eq!(parse_weekday("mo"), None, "too short to tell");
}

#[test]
fn every_bucket_has_its_contract_name_its_label_and_its_words() {
    use super::bucket::Bucket;
    let names: Vec<_> = Bucket::ALL.iter().map(|b| b.wire_name()).collect();
    assert_eq!(
        names,
        vec![
            "broken_promise",
            "day_1",
            "od_2_6",
            "message_follow_up",
            "pre_due"
        ]
    );
    let labels: Vec<_> = Bucket::ALL.iter().map(|b| b.label()).collect();
    assert_eq!(
        labels,
        vec!["BROKEN", "DAY 1", "OD 2-6", "MSG FU", "PRE-DUE"]
    );
    let words: Vec<_> = Bucket::ALL.iter().map(|b| b.describe()).collect();
    assert_eq!(
        words,
        vec![
            "broken promise",
            "first day past due",
            "overdue 2-6 days",
            "message follow-up",
            "pre-due reminder"
        ]
    );
}

#[test]
fn a_message_left_carries_no_result_code_however_long_the_typed_one() {
    // MSG and BPH have no result code: whatever was typed is dropped, never checked.
    let r = checked(&draft("MSG", "A-RESULT-CODE-TOO-LONG", "", "titip pesan")).expect("accepted");
    assert_eq!(r.result_code, "");
}

// ---- the code list (mutants found by the full run over src/domain) ----

fn codes(csv: &str) -> MasterData {
    MasterData::from_rows(super::codes::csv_rows(csv).unwrap()).unwrap()
}

#[test]
fn a_description_with_empty_parentheses_is_shown_as_written_in_both_languages() {
    use super::codes::describe;
    use super::lang::Lang;
    for lang in [Lang::Id, Lang::En] {
        assert_eq!(
            describe("Tidak ada kontak ()", "", lang),
            "Tidak ada kontak ()"
        );
    }
    assert_eq!(describe("Kontak (contact)", "", Lang::En), "contact");
}

#[test]
fn a_promise_flag_on_any_row_of_an_action_marks_the_action() {
    let list = codes(
        "ACTION_CODE,RESULT_CODE,DESCRIPTION,NEEDS_PROMISE\n\
         JBP,,Janji bayar sebagian,N\n\
         JBP,JBP01,Janji bayar minggu ini,Y\n\
         KNS,,Konsultasi,N\n",
    );
    assert!(list.action("JBP").unwrap().needs_promise);
    assert!(!list.action("KNS").unwrap().needs_promise);
}

#[test]
fn an_action_row_after_its_results_still_gives_the_action_its_description() {
    let list = codes(
        "ACTION_CODE,RESULT_CODE,DESCRIPTION\n\
         ABC,,Abc sendiri\n\
         XYZ,XYZ01,Hasil xyz\n\
         XYZ,,Aksi xyz\n",
    );
    assert_eq!(list.action("XYZ").unwrap().description, "Aksi xyz");
    assert_eq!(list.action("ABC").unwrap().description, "Abc sendiri");
}

#[test]
fn a_result_listed_twice_is_kept_once_and_the_same_code_under_two_actions_twice() {
    let list = codes(
        "ACTION_CODE,RESULT_CODE,DESCRIPTION\n\
         A1,R1,pertama\n\
         A1,R1,kedua\n\
         A2,R1,lain\n\
         A1,R2,dua\n",
    );
    let pairs: Vec<(&str, &str, &str)> = list
        .results
        .iter()
        .map(|r| (r.action.as_str(), r.code.as_str(), r.description.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("A1", "R1", "pertama"),
            ("A2", "R1", "lain"),
            ("A1", "R2", "dua")
        ]
    );
}

#[test]
fn a_refused_date_quotes_what_was_typed_and_a_blank_one_says_not_a_date() {
    use super::result::Refusal;
    assert_eq!(
        Refusal::NotADate {
            typed: "besok".into()
        }
        .to_string(),
        "'besok' is not a date (use YYYY-MM-DD or +N days)"
    );
    assert_eq!(
        Refusal::NotADate {
            typed: String::new()
        }
        .to_string(),
        "not a date (use YYYY-MM-DD or +N days)"
    );
}

#[test]
fn a_company_promise_on_the_call_date_is_accepted_and_the_day_before_refused() {
    let list = codes(
        "ACTION_CODE,RESULT_CODE,DESCRIPTION,NEEDS_PROMISE\n\
         JBP,,Janji bayar sebagian,Y\n\
         JBP,JBP01,Janji bayar minggu ini,Y\n",
    );
    let policy = Policy {
        total_due: Some(super::Money::from_units(2_500_000)),
        ..Policy::default()
    };
    let on = |date: &str| {
        check(
            &draft("JBP", "JBP01", date, "janji"),
            &list,
            &policy,
            call_time(),
        )
        .map(|r| r.promise_date)
        .map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(on("2026-11-27"), Ok(NaiveDate::from_ymd_opt(2026, 11, 27)));
    assert_eq!(
        on("2026-11-26"),
        Err(vec!["promise_date: 2026-11-26 is in the past".to_string()])
    );
}

#[test]
fn a_secret_prints_as_stars_or_not_set_and_never_itself() {
    use super::secret::Secret;
    assert_eq!(format!("{:?}", Secret::new("8de3ef10".to_string())), "***");
    assert_eq!(format!("{:?}", Secret::new(String::new())), "(not set)");
}
