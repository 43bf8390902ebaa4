use super::*;
use crate::domain::bucket::Bucket;
use crate::domain::callback::CallbackStatus;
use crate::domain::order::SortMode;
use crate::domain::outbox::DeliveryState;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message of an .ftl text and the variables it uses.
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let body = if starts_message {
            let (id, rest) = line.split_once('=').expect("id = value");
            let id = id.trim().to_string();
            assert!(!out.contains_key(&id), "{id} twice");
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
            rest
        } else if line.starts_with(' ') {
            line
        } else {
            current = None;
            continue;
        };
        if let Some(id) = &current {
            let vars = out.get_mut(id).expect("inserted");
            for piece in body.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let en = messages(EN_FTL);
    let id = messages(ID_FTL);
    let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
    let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in en.ftl only: {only_en:?}");
    assert!(only_id.is_empty(), "in id.ftl only: {only_id:?}");
    for (k, vars) in &en {
        assert_eq!(vars, &id[k], "{k}: the two languages take other arguments");
    }
    assert!(en.len() > 100, "{}", en.len());
    // The bundles load (a parse error panics here) and know every message.
    for lang in Lang::ALL {
        for k in en.keys() {
            assert!(has(lang, k), "{k} not loaded in {lang:?}");
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The ids of every `tr!(lang, "id", ...)` in a source text.
fn tr_ids(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("tr!(") {
        // `include_str!(` is not ours.
        let own = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        rest = &rest[at + 4..];
        if !own {
            continue;
        }
        let Some(open) = rest.find('"') else { break };
        let after = &rest[open + 1..];
        let close = after.find('"').expect("a closing quote");
        ids.push(after[..close].to_string());
    }
    ids
}

#[test]
fn every_message_the_sources_ask_for_exists() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let en = messages(EN_FTL);
    let mut asked = 0;
    for file in files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("readable");
        for id in tr_ids(&source) {
            if id == "id" && file.ends_with("i18n/mod.rs") {
                continue; // the macro's documentation
            }
            asked += 1;
            assert!(en.contains_key(&id), "{}: no message {id}", file.display());
        }
    }
    assert!(asked > 100, "{asked}");
}

#[test]
fn every_message_built_from_a_name_exists() {
    for lang in Lang::ALL {
        for b in Bucket::ALL {
            assert!(has(lang, &format!("bucket-label-{}", b.wire_name())));
            assert!(has(lang, &format!("bucket-describe-{}", b.wire_name())));
            // The queue's bucket column is at most 8 wide (REMINDER).
            assert!(words::bucket_label(lang, b).chars().count() <= 8, "{b:?}");
        }
        for s in SortMode::ALL {
            assert!(has(lang, &format!("sort-{}", s.arg_name())));
        }
        for s in DeliveryState::ALL {
            assert!(has(lang, &format!("state-{}", s.as_str())));
        }
        for s in CallbackStatus::ALL {
            assert!(has(lang, &format!("callback-status-{}", s.wire())));
        }
        for m in 1..=12 {
            assert!(has(lang, &format!("month-short-{m}")));
        }
    }
}

#[test]
fn the_language_is_decided_in_one_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(resolve(None, &env(&[])), Ok(Lang::En));
    assert_eq!(
        resolve(None, &env(&[("LANG", "id_ID.UTF-8")])),
        Ok(Lang::Id)
    );
    assert_eq!(
        resolve(None, &env(&[("LANG", "en_US.UTF-8")])),
        Ok(Lang::En)
    );
    assert_eq!(resolve(None, &env(&[("LANG", "C")])), Ok(Lang::En));
    // The first set of LC_ALL, LC_MESSAGES, LANG decides; an empty one is not set.
    assert_eq!(
        resolve(
            None,
            &env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_GB"), ("LANG", "id_ID")])
        ),
        Ok(Lang::En)
    );
    assert_eq!(
        resolve(None, &env(&[("LC_ALL", "id_ID"), ("LANG", "en_US")])),
        Ok(Lang::Id)
    );
    // ui.language wins over the locale; DESKCOLL_LANG over both.
    assert_eq!(
        resolve(Some("id"), &env(&[("LANG", "en_US")])),
        Ok(Lang::Id)
    );
    assert_eq!(
        resolve(Some("EN"), &env(&[("LC_ALL", "id_ID")])),
        Ok(Lang::En)
    );
    assert_eq!(
        resolve(
            Some("en"),
            &env(&[("DESKCOLL_LANG", "id"), ("LANG", "en_US")])
        ),
        Ok(Lang::Id)
    );
    assert_eq!(
        resolve(Some("id"), &env(&[("DESKCOLL_LANG", "en")])),
        Ok(Lang::En)
    );
    let err = resolve(Some("fr"), &env(&[])).unwrap_err();
    assert!(err.contains("ui.language") && err.contains("'fr'"), "{err}");
}

#[test]
fn dates_and_times_in_indonesian_usage() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(date_long(Lang::Id, d), "Jum, 27 Nov 2026");
    assert_eq!(date_long(Lang::En, d), "Fri 27 Nov 2026");
    let t = chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    assert_eq!(clock(Lang::Id, &t), "10.00");
    assert_eq!(clock(Lang::En, &t), "10:00");
    let aug = NaiveDate::from_ymd_opt(2026, 8, 17).unwrap();
    assert_eq!(date_long(Lang::Id, aug), "Sen, 17 Agu 2026");
    assert_eq!(weekday_clock(Lang::Id, Weekday::Sun, &t), "Min 10.00");
}

#[test]
fn arguments_are_placed_without_isolation_marks() {
    let s = tr!(Lang::En, "refusal-too-long", n = 300usize, max = 255usize);
    assert_eq!(s, "300 characters, at most 255 allowed");
    let s = tr!(Lang::Id, "refusal-too-long", n = 300usize, max = 255usize);
    assert_eq!(s, "300 karakter, paling banyak 255");
}

#[test]
fn windows_in_words() {
    use crate::domain::window::CallingRules;
    use crate::domain::zone::Zone;
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let rules = CallingRules::default();
    let w = rules.check(at("2026-11-29T10:00:00+07:00"), Zone::Wib);
    assert_eq!(
        words::window_note(Lang::En, &w),
        w.note,
        "English words the note's"
    );
    assert_eq!(
        words::window_note(Lang::Id, &w),
        "Minggu; buka Sen 08.00 WIB"
    );
    let w = rules.check(at("2026-11-27T10:00:00+08:00"), Zone::Wita);
    assert_eq!(words::window_note(Lang::Id, &w), "sampai 20.00 WITA");
    assert_eq!(words::window_note(Lang::En, &w), "until 20:00 WITA");
    for s in [
        "2026-11-27T20:00:00+08:00",
        "2026-11-27T07:59:59+09:00",
        "2026-02-17T10:00:00+07:00",
        "2026-03-20T10:00:00+07:00",
        "2026-12-31T15:30:00Z",
    ] {
        for zone in [Zone::Wib, Zone::Wita, Zone::Wit] {
            let w = rules.check(at(s), zone);
            assert_eq!(words::window_note(Lang::En, &w), w.note, "{s} {zone}");
        }
    }
}

/// Literals a view may hold although they have letters: none is drawn as a sentence.
const VIEW_LITERALS: [&str; 5] = [
    "NPWP",        // the tax id's name, the same in both languages
    "(no status)", // the domain's key for a missing status, compared, then worded
    "(no vendor)", // the same for a missing vendor
    "override",    // a contact event's kind, compared
    "NO_COLOR",    // an environment variable's name
];

/// The string literals of a Rust source outside comments and its tests, with their lines.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut inside: Option<String> = None;
        let mut prev = ' ';
        while let Some(c) = chars.next() {
            match (&mut inside, c) {
                (None, '"') if prev != '\'' => inside = Some(String::new()),
                (None, '/') if chars.peek() == Some(&'/') => break,
                (Some(s), '\\') => {
                    s.push(c);
                    if let Some(next) = chars.next() {
                        s.push(next);
                    }
                }
                (Some(s), '"') => {
                    out.push((n + 1, std::mem::take(s)));
                    inside = None;
                }
                (Some(s), c) => s.push(c),
                (None, _) => {}
            }
            prev = c;
        }
    }
    out
}

/// Whether a literal holds a word: letters left after format placeholders (`{}`, `{n:>4}`)
/// and date formats (`%H`) are taken out.
fn has_words(literal: &str) -> bool {
    let mut text = String::new();
    let mut depth = 0;
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '%' if depth == 0 => {
                chars.next_if_eq(&'-');
                chars.next();
            }
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let mut run = 0;
    text.chars().any(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run >= 2
    })
}

#[test]
fn views_draw_no_literal_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = Vec::new();
    rust_files(&root.join("view"), &mut files);
    rust_files(&root.join("pages"), &mut files);
    // What each page draws: its view, and the customer pane the queue's view calls.
    files.retain(|f| {
        f.starts_with(root.join("view")) || f.ends_with("view.rs") || f.ends_with("queue/detail.rs")
    });
    assert!(files.len() >= 9, "{files:?}");
    let ids = messages(EN_FTL);
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("readable");
        for (line, lit) in literals(&source) {
            if has_words(&lit) && !ids.contains_key(&lit) && !VIEW_LITERALS.contains(&lit.as_str())
            {
                found.push(format!("{}:{line}: \"{lit}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words drawn from the source, not assets/i18n: {found:#?}"
    );
    // The scan itself finds what it must.
    let sample = "let a = \"Press r\"; // \"a comment\"\nlet b = format!(\"{} {n:>4}\", x);\nlet c = tr!(lang, \"queue-empty\");";
    let words: Vec<_> = literals(sample)
        .into_iter()
        .filter(|(_, l)| has_words(l) && !ids.contains_key(l))
        .collect();
    assert_eq!(words, vec![(1, "Press r".to_string())]);
    assert!(!has_words("%Y-%m-%d %H:%M"));
    assert!(has_words("→ due"));
}

#[test]
fn english_counts_have_a_singular() {
    assert_eq!(
        tr!(Lang::En, "audit-verified", n = 1),
        "1 receipt checked: the chain holds"
    );
    assert_eq!(
        tr!(Lang::En, "audit-verified", n = 2),
        "2 receipts checked: the chain holds"
    );
    assert_eq!(
        tr!(Lang::En, "header-callbacks-due", n = 1),
        "1 callback due"
    );
    assert_eq!(tr!(Lang::En, "customer-due-in", n = 1), "due in 1 day");
    // No one-line English message puts a count straight before a plural noun without a
    // selector ("1 promises").
    let plural = [
        "tasks",
        "days",
        "transactions",
        "rows",
        "results",
        "receipts",
        "promises",
    ];
    for line in EN_FTL
        .lines()
        .filter(|l| l.contains(" = ") && !l.contains("->"))
    {
        for noun in plural {
            assert!(
                !line.contains(&format!("{{ $n }} {noun}")),
                "no singular: {line}"
            );
        }
    }
}

#[test]
fn stored_failure_reasons_are_worded_in_the_language_shown() {
    let dropped = crate::api::ApiError::Dropped {
        host: "127.0.0.1:8080".into(),
    }
    .to_string();
    assert_eq!(words::stored_reason(Lang::En, &dropped), dropped);
    assert_eq!(
        words::stored_reason(Lang::Id, &dropped),
        "sambungan ke 127.0.0.1:8080 terputus sebelum server menjawab"
    );
    // A cause inside a reason is worded too.
    let connect = crate::api::ApiError::Connect {
        host: "desk.example".into(),
        reason: "Connection refused (os error 111)".into(),
    }
    .to_string();
    assert_eq!(
        words::stored_reason(Lang::Id, &connect),
        "tidak dapat tersambung ke desk.example: sambungan ditolak (kode sistem 111)"
    );
    let refused = crate::api::ApiError::Refused {
        code: "90".into(),
        message: "Data sudah ada".into(),
    }
    .to_string();
    assert_eq!(
        words::stored_reason(Lang::Id, &refused),
        "server menolak (kode 90): Data sudah ada"
    );
    let status = crate::api::ApiError::Status {
        status: 503,
        excerpt: ": busy".into(),
        retry_after: None,
    }
    .to_string();
    assert_eq!(
        words::stored_reason(Lang::Id, &status),
        "kesalahan server: HTTP 503: busy"
    );
    // The outbox's own words for a send the program did not finish.
    assert_eq!(
        words::stored_reason(
            Lang::Id,
            "the program stopped while sending: it may have reached the server"
        ),
        "program berhenti saat mengirim: hasil mungkin sudah sampai di server"
    );
    // A server's own words stay as they are.
    assert_eq!(
        words::stored_reason(Lang::Id, "Data sudah ada"),
        "Data sudah ada"
    );
}

#[test]
fn a_missing_server_is_said_in_the_language_shown() {
    let e = crate::api::ApiError::Config(
        "no termin server configured (set termin.url or DESKCOLL_TERMIN_URL)".into(),
    );
    assert_eq!(words::api_error(Lang::En, &e), e.to_string());
    assert_eq!(
        words::api_error(Lang::Id, &e),
        "belum ada server termin di konfigurasi (isi termin.url atau DESKCOLL_TERMIN_URL)"
    );
}
