//! A task of the daily desk-collection list (`GET api/DailyTask_DeskColl`).

use super::WireError;
use super::lenient;
use super::money::Money;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Short text kept inline (no heap) up to 24 bytes: most task fields are that short, which
/// matters with 100,000 tasks in memory.
pub type Text = compact_str::CompactString;

/// One overdue (or nearly due) contract in the agent's queue. Field names on the wire are the
/// server's own, quirks included; read leniently, written back the way the server writes them
/// (every value a string).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Task {
    #[serde(deserialize_with = "lenient::compact")]
    pub contract_no: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub name: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub contract_person: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub address: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub branch_name: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub marketing_name: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub phone1: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub phone2: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub phone3: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub phone4: Text,
    /// Days overdue as the server counts them: max(0, days past due + 1).
    #[serde(
        deserialize_with = "lenient::int",
        serialize_with = "lenient::int_as_string"
    )]
    pub overdue: Option<i64>,
    /// Despite its name the server puts the installment AMOUNT here.
    #[serde(
        rename = "installmentNumber",
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_as_string"
    )]
    pub installment_number_field: Option<Money>,
    #[serde(
        rename = "total_installmentNumber",
        deserialize_with = "lenient::int",
        serialize_with = "lenient::int_as_string"
    )]
    pub total_installments: Option<i64>,
    #[serde(
        rename = "dueDate_Installment",
        deserialize_with = "lenient::date",
        serialize_with = "lenient::date_as_string"
    )]
    pub due_date: Option<NaiveDate>,
    #[serde(rename = "payment_methode", deserialize_with = "lenient::compact")]
    pub payment_method: Text,
    #[serde(rename = "description_assets", deserialize_with = "lenient::compact")]
    pub asset: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub customer_code: Text,
    /// The server sends null here today; used when a server fills it.
    #[serde(
        rename = "installment_amount",
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_or_null"
    )]
    pub installment_amount_field: Option<Money>,
    #[serde(
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_as_string"
    )]
    pub penalty: Option<Money>,
    #[serde(
        rename = "total_amount",
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_as_string"
    )]
    pub total_due: Option<Money>,
    #[serde(
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_as_string"
    )]
    pub osar: Option<Money>,
    #[serde(
        deserialize_with = "lenient::money",
        serialize_with = "lenient::money_as_string"
    )]
    pub lastpaid_amount: Option<Money>,
    #[serde(
        deserialize_with = "lenient::datetime",
        serialize_with = "lenient::datetime_as_us_string"
    )]
    pub lastpaid_duedate: Option<NaiveDateTime>,
    #[serde(
        deserialize_with = "lenient::int",
        serialize_with = "lenient::int_as_string"
    )]
    pub lastpaid_tenor: Option<i64>,
    #[serde(
        deserialize_with = "lenient::date",
        serialize_with = "lenient::date_as_string"
    )]
    pub lastpaid_paymentdate: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient::compact")]
    pub product: Text,
    #[serde(deserialize_with = "lenient::compact")]
    pub flag_dedicated: Text,
}

impl Task {
    /// The installment amount: `installment_amount` when a server fills it, else the amount the
    /// real server puts in `installmentNumber`.
    pub fn installment_amount(&self) -> Option<Money> {
        self.installment_amount_field
            .or(self.installment_number_field)
    }

    /// Days past due as an agent says it: calendar days since `dueDate_Installment`, 0 before
    /// it. Without a due date, the server's `overdue` (days past due + 1) less one.
    pub fn days_past_due(&self, today: NaiveDate) -> i64 {
        match self.due_date {
            Some(due) => (today - due).num_days().max(0),
            None => (self.overdue.unwrap_or(0) - 1).max(0),
        }
    }

    /// Days until the installment falls due, when that is still ahead.
    pub fn days_until_due(&self, today: NaiveDate) -> Option<i64> {
        self.due_date
            .map(|due| (due - today).num_days())
            .filter(|n| *n > 0)
    }

    /// The installment being collected: the one after the last paid.
    pub fn installment_no(&self) -> i64 {
        self.lastpaid_tenor.unwrap_or(0).max(0) + 1
    }

    /// The contract's number of installments, when the list says (the period's upper bound).
    pub fn tenor(&self) -> Option<u32> {
        self.total_installments
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n > 0)
    }

    /// The phones that hold a number, in order.
    pub fn phones(&self) -> impl Iterator<Item = &str> {
        [&self.phone1, &self.phone2, &self.phone3, &self.phone4]
            .into_iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
    }

    /// The phone texts that hold something but are no phone number (`"0"`, words), each with
    /// its number on the list (1..4).
    pub fn undialable_phones(&self) -> Vec<(usize, String)> {
        [&self.phone1, &self.phone2, &self.phone3, &self.phone4]
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !p.trim().is_empty() && super::phone::dialable(p).is_none())
            .map(|(i, p)| (i + 1, p.trim().to_string()))
            .collect()
    }

    /// The phones that may be dialled, each with its number on the list (1..4) and cleaned
    /// (`phone::dialable`).
    pub fn dialable_phones(&self) -> Vec<(usize, String)> {
        [&self.phone1, &self.phone2, &self.phone3, &self.phone4]
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i + 1, super::phone::dialable(p)?)))
            .collect()
    }
}

/// Reads the body of `GET api/DailyTask_DeskColl`. `{"data":null}` is the server's way of
/// saying its query failed, so it is an error, never an empty queue.
///
/// The list is read straight into a vector sized from a count of the tasks in the bytes, so
/// that a 100,000-task body never holds two copies of a half-grown vector at once.
pub fn parse_task_list(body: &[u8]) -> Result<Vec<Task>, WireError> {
    Ok(parse_task_list_counted(body)?.tasks)
}

/// A task list as read: the tasks, and how many entries were not tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskList {
    pub tasks: Vec<Task>,
    /// Entries that were not an object with a contract number (`{}`, `null`, `7`, `[]`):
    /// skipped, never kept as a task, so memory follows the tasks, not the entries.
    pub not_tasks: usize,
}

/// `parse_task_list`, counting the entries that were not tasks. Each entry is looked at on
/// its own as the bytes are read: one that is not an object is skipped unread, an object
/// without a contract number is dropped as soon as it is read.
pub fn parse_task_list_counted(body: &[u8]) -> Result<TaskList, WireError> {
    let expected = presize(body);
    let mut de = serde_json::Deserializer::from_slice(body);
    let data = serde::de::DeserializeSeed::deserialize(ListBody { expected }, &mut de)?;
    de.end()?;
    data.ok_or(WireError::NoTaskList)
}

/// `parse_task_list_counted` over a reader, as the body arrives: the JSON is never held whole,
/// each entry is read, kept or skipped as its bytes come. The same errors, at the same line
/// and column, as reading the whole body at once; an error of the reader itself (the body
/// stopped arriving) is `Malformed` too, and whoever feeds the reader says why it stopped.
pub fn parse_task_list_from_reader(body: impl std::io::Read) -> Result<TaskList, WireError> {
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(64 * 1024, body));
    let data = serde::de::DeserializeSeed::deserialize(ListBody { expected: 0 }, &mut de)?;
    de.end()?;
    data.ok_or(WireError::NoTaskList)
}

/// Fewer bytes than any real task takes in the list (the server's run about 770): the
/// pre-size never asks for more tasks than the body can hold, however many `"contract_no"`
/// a hostile body repeats.
pub const MIN_TASK_BYTES: usize = 200;

/// How many tasks to make room for: the `"contract_no"` keys counted, at most what the
/// body's length can hold.
pub fn presize(body: &[u8]) -> usize {
    let counted = memchr::memmem::find_iter(body, b"\"contract_no\"").count();
    counted.min(body.len() / MIN_TASK_BYTES)
}

/// `{"data": [...] | null, ...}` with a capacity for the list.
struct ListBody {
    expected: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for ListBody {
    type Value = Option<TaskList>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ListBody {
    type Value = Option<TaskList>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object with a \"data\" list")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut data = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "data" {
                data = map.next_value_seed(TaskSeq {
                    expected: self.expected,
                })?;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(data)
    }
}

struct TaskSeq {
    expected: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for TaskSeq {
    type Value = Option<TaskList>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TaskSeq {
    type Value = Option<TaskList>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of tasks or null")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut tasks = Vec::with_capacity(self.expected);
        let mut not_tasks = 0usize;
        while let Some(entry) = seq.next_element::<Entry>()? {
            match entry.0 {
                Some(t) => tasks.push(t),
                None => not_tasks += 1,
            }
        }
        tasks.shrink_to_fit();
        Ok(Some(TaskList { tasks, not_tasks }))
    }
}

/// One entry of the list: a task when it is an object with a contract number, else `None`
/// (whatever else it is, read past without keeping it).
struct Entry(Option<Task>);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> serde::de::Visitor<'de> for EntryVisitor {
    type Value = Entry;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a task")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
        let t = Task::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(Entry((!t.contract_no.trim().is_empty()).then_some(t)))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Entry(None))
    }
    fn visit_unit<E>(self) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_none<E>(self) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_str<E>(self, _: &str) -> Result<Entry, E> {
        Ok(Entry(None))
    }
}

/// The body the server writes: `{"data":[...]}`.
pub fn write_task_list(tasks: &[Task]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Out<'a> {
        data: &'a [Task],
    }
    serde_json::to_vec(&Out { data: tasks }).expect("tasks serialize")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn entries_that_are_not_tasks_are_counted_never_kept() {
        let body = br#"{"data":[{},null,7,"x",[1,[2]],{"name":"no contract"},{"contract_no":"  "},{"contract_no":"000318270200055","name":"BUDI"},true]}"#;
        let list = parse_task_list_counted(body).unwrap();
        assert_eq!(list.tasks.len(), 1);
        assert_eq!(list.tasks[0].name, "BUDI");
        assert_eq!(list.not_tasks, 8);
        let many = format!("{{\"data\":[{}{{}}]}}", "{},".repeat(100_000));
        let list = parse_task_list_counted(many.as_bytes()).unwrap();
        assert_eq!((list.tasks.len(), list.not_tasks), (0, 100_001));
        assert_eq!(
            list.tasks.capacity(),
            0,
            "no room kept for what was not a task"
        );
    }

    /// A reader that hands out `step` bytes at a time, as a slow link would.
    struct Dribble<'a> {
        rest: &'a [u8],
        step: usize,
    }

    impl std::io::Read for Dribble<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.rest.len());
            buf[..n].copy_from_slice(&self.rest[..n]);
            self.rest = &self.rest[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_list_read_as_it_arrives_is_the_list_read_whole_and_fails_alike() {
        let one = Task {
            contract_no: "000318270200055".into(),
            name: "BUDI \"B\" SANTOSO \u{e9}".into(),
            branch_name: "KUPANG".into(),
            ..Task::default()
        };
        let mut good = write_task_list(&[one.clone(), Task::default(), one]);
        // Whatever else the object holds is read past, before and after the list.
        good.splice(1..1, br#""count":3,"meta":{"x":[1,2]},"#.iter().copied());
        let bodies: [&[u8]; 9] = [
            &good,
            br#"{"data":[{},null,7,"x",[1,[2]],{"contract_no":"000318270200055"},true]}"#,
            br#"{"data":null}"#,
            br#"{"Message":"An error has occurred."}"#,
            br#"{"data":[{"contract_no":"1"}"#,
            br#"{"data":[{"contract_no":"1"}]} trailing"#,
            b"",
            b"  \n {\n \"data\": [ {\"contract_no\": 7,} ] }",
            br#"{"data":"no list"}"#,
        ];
        for body in bodies {
            let whole = parse_task_list_counted(body);
            for step in [1, 3, 4096] {
                let arrived = parse_task_list_from_reader(Dribble { rest: body, step });
                assert_eq!(
                    arrived.as_ref().map_err(ToString::to_string),
                    whole.as_ref().map_err(ToString::to_string),
                    "{} in pieces of {step}",
                    String::from_utf8_lossy(body)
                );
            }
        }
        let list = parse_task_list_from_reader(Dribble {
            rest: &good,
            step: 7,
        })
        .unwrap();
        assert_eq!(list.tasks.len(), 2);
        assert_eq!(list.not_tasks, 1);
        assert_eq!(list.tasks[1].name, "BUDI \"B\" SANTOSO \u{e9}");
        assert!(matches!(
            parse_task_list_from_reader(&br#"{"data":null}"#[..]),
            Err(WireError::NoTaskList)
        ));
    }

    #[test]
    fn days_past_due_are_calendar_days_since_the_due_date_and_none_before_it() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let due = Task {
            due_date: Some(day("2026-11-20")),
            overdue: Some(99),
            ..Task::default()
        };
        assert_eq!(
            due.days_past_due(day("2026-11-27")),
            7,
            "the date wins over overdue"
        );
        assert_eq!(due.days_past_due(day("2026-11-21")), 1);
        assert_eq!(due.days_past_due(day("2026-11-20")), 0, "on the due date");
        assert_eq!(due.days_past_due(day("2026-11-18")), 0, "before it");
        assert_eq!(due.days_until_due(day("2026-11-18")), Some(2));
        assert_eq!(due.days_until_due(day("2026-11-20")), None);
        // Without a due date: the server's `overdue` is days past due + 1.
        let server = |overdue| Task {
            overdue,
            ..Task::default()
        };
        assert_eq!(server(Some(8)).days_past_due(day("2026-11-27")), 7);
        assert_eq!(server(Some(1)).days_past_due(day("2026-11-27")), 0);
        assert_eq!(server(Some(0)).days_past_due(day("2026-11-27")), 0);
        assert_eq!(server(None).days_past_due(day("2026-11-27")), 0);
    }

    #[test]
    fn a_list_of_the_wrong_shape_says_what_was_expected() {
        let err = |body: &str| parse_task_list(body.as_bytes()).unwrap_err().to_string();
        assert!(
            err(r#"{"data": 5}"#).contains("expected a list of tasks or null"),
            "{}",
            err(r#"{"data": 5}"#)
        );
        assert!(
            err("[1, 2]").contains(r#"expected an object with a "data" list"#),
            "{}",
            err("[1, 2]")
        );
    }

    #[test]
    fn a_tenor_of_zero_or_less_is_no_tenor() {
        let of = |n| Task {
            total_installments: n,
            ..Task::default()
        };
        assert_eq!(of(Some(54)).tenor(), Some(54));
        assert_eq!(of(Some(1)).tenor(), Some(1));
        assert_eq!(of(Some(0)).tenor(), None);
        assert_eq!(of(Some(-3)).tenor(), None);
        assert_eq!(of(None).tenor(), None);
    }

    pub const SEED_TASKS: &str = r#"{"data":[{"contract_no":"000318270200055","name":"TRIJAYA KONSTRUKSI MEGAH","contract_person":"","address":"JL. SAWANGAN LINGKUNGAN V, TIKALA BARU WENANG, MANADO , Manado, Kota.","branch_name":"JAKARTA 1","marketing_name":"JUWITA FIKA TYASTI","phone1":"085340060088","phone2":"","phone3":"","phone4":"","overdue":"5","installmentNumber":"29949000.00","total_installmentNumber":"54","dueDate_Installment":"2021-03-20","payment_methode":"Transfer","description_assets":"DOOSAN EXCAVATOR DX300LCA","customer_code":"C18030135","installment_amount":null,"penalty":"77312731.00","total_amount":"107261731.00","osar":"1445252000","lastpaid_amount":"29949000.00","lastpaid_duedate":"2/20/2021 12:00:00 AM","lastpaid_tenor":"28","lastpaid_paymentdate":"2021-02-22","product":"CF - HEAVY EQUIPMENT BARU","flag_dedicated":"1"}]}"#;

    #[test]
    fn a_body_of_contract_no_keys_cannot_ask_for_a_huge_vector() {
        let key = b"\"contract_no\",";
        let mut body = b"{\"data\":[".to_vec();
        for _ in 0..(4 << 20) / key.len() {
            body.extend_from_slice(key);
        }
        body.extend_from_slice(b"]}");
        let counted = memchr::memmem::find_iter(&body, b"\"contract_no\"").count();
        assert!(counted > 250_000);
        assert_eq!(presize(&body), body.len() / MIN_TASK_BYTES);
        assert!(presize(&body) * std::mem::size_of::<Task>() < body.len() * 8);
        assert!(parse_task_list(&body).is_err(), "refused, not an abort");
        // A real list is sized exactly.
        let real = SEED_TASKS.as_bytes();
        assert_eq!(presize(real), 1);
        let many = write_task_list(&vec![parse_task_list(real).unwrap()[0].clone(); 50]);
        assert_eq!(presize(&many), 50);
    }

    #[test]
    fn reads_the_seed_example() {
        let tasks = parse_task_list(SEED_TASKS.as_bytes()).unwrap();
        let t = &tasks[0];
        assert_eq!(t.contract_no, "000318270200055");
        assert_eq!(t.overdue, Some(5));
        assert_eq!(t.installment_amount().unwrap().rupiah(), "Rp 29.949.000");
        assert_eq!(t.installment_no(), 29);
        assert_eq!(t.total_installments, Some(54));
        assert_eq!(t.osar.unwrap().rupiah(), "Rp 1.445.252.000");
        assert_eq!(
            t.installment_amount().unwrap() + t.penalty.unwrap(),
            t.total_due.unwrap()
        );
        assert_eq!(
            t.lastpaid_duedate.unwrap().to_string(),
            "2021-02-20 00:00:00"
        );
        assert_eq!(t.phones().collect::<Vec<_>>(), vec!["085340060088"]);
    }

    #[test]
    fn writes_back_what_it_read() {
        let tasks = parse_task_list(SEED_TASKS.as_bytes()).unwrap();
        let again: serde_json::Value = serde_json::from_slice(&write_task_list(&tasks)).unwrap();
        let original: serde_json::Value = serde_json::from_str(SEED_TASKS).unwrap();
        assert_eq!(again, original);
    }

    #[test]
    fn data_null_is_an_error_not_an_empty_queue() {
        assert_eq!(
            parse_task_list(br#"{"data":null}"#),
            Err(WireError::NoTaskList)
        );
        assert_eq!(parse_task_list(br#"{}"#), Err(WireError::NoTaskList));
        assert_eq!(parse_task_list(br#"{"data":[]}"#), Ok(vec![]));
    }

    #[test]
    fn numbers_nulls_and_missing_keys_are_tolerated() {
        let body = br#"{"data":[{"contract_no":318270200055,"overdue":5,"installmentNumber":29949000.5,
            "installment_amount":"100","penalty":null,"extra":{"x":[1]},"dueDate_Installment":"3/20/2021"}]}"#;
        let t = &parse_task_list(body).unwrap()[0];
        assert_eq!(t.contract_no, "318270200055");
        assert_eq!(t.overdue, Some(5));
        assert_eq!(t.installment_amount(), Some("100".parse().unwrap()));
        assert_eq!(t.penalty, None);
        assert_eq!(t.name, "");
        assert_eq!(t.due_date, NaiveDate::from_ymd_opt(2021, 3, 20));
    }

    #[test]
    fn malformed_json_says_where() {
        match parse_task_list(b"{\"data\": [\n{\"name\": }]}") {
            Err(WireError::Malformed { line, column, .. }) => {
                assert_eq!(line, 2);
                assert!(column > 0);
            }
            other => panic!("expected Malformed, got {other:?}"),
        }
    }
}
