//! Fifty desks, one set of settings: the system-wide file, then the user's, then the
//! environment, then flags; `config show` says where each value came from; a secret in a
//! system file others can read is refused.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn deskcoll(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            c.env_remove(k);
        }
    }
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_LANG", "en")
        .stdin(Stdio::null());
    c
}

/// The row of `config show` for a key: (value, source).
fn row(o: &Output, key: &str) -> (String, String) {
    let shown = String::from_utf8_lossy(&o.stdout);
    let line = shown
        .lines()
        .find(|l| l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no {key} in:\n{shown}"));
    let rest = line[key.len()..].trim();
    let (value, source) = rest.rsplit_once("  (").unwrap_or_else(|| panic!("{line}"));
    (
        value.trim().to_string(),
        source.trim_end_matches(')').to_string(),
    )
}

fn write(path: &Path, text: &str, mode: u32) {
    std::fs::write(path, text).unwrap();
    deskcoll::files::set_mode(path, mode).unwrap();
}

#[test]
fn system_then_user_then_env_then_flag() {
    let home = tempfile::tempdir().unwrap();
    let system = home.path().join("etc-deskcoll.toml");
    let user_dir = home.path().join("config/deskcoll");
    std::fs::create_dir_all(&user_dir).unwrap();
    let user = user_dir.join("config.toml");
    write(
        &system,
        "agent_id = \"SYS01\"\nip_address = \"10.9.9.9\"\n[collection]\nbase_url = \"https://collection.example\"\nuser = \"svc-system\"\npassword = \"system-pass-1\"\nhash_key = \"system-key-1\"\n[http]\ntimeout_secs = 11\n[store]\noutbox = \"/var/lib/deskcoll/outbox.sqlite3\"\n",
        0o640,
    );
    write(
        &user,
        "agent_id = \"USR01\"\n[collection]\nuser = \"svc-user\"\npassword = \"user-pass-1\"\n",
        0o600,
    );
    let show = |env: &[(&str, &str)], flags: &[&str]| {
        let args: Vec<&str> = flags.iter().copied().chain(["config", "show"]).collect();
        let mut c = deskcoll(home.path(), &args);
        c.env("DESKCOLL_SYSTEM_CONFIG", &system);
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "{o:?}");
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        for secret in ["system-pass-1", "system-key-1", "user-pass-1"] {
            assert!(!text.contains(secret), "{secret}:\n{text}");
        }
        o
    };

    // The system file, the user's over it (found at its usual place).
    let o = show(&[], &[]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        text.contains(&format!("system file              {}", system.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("user file                {}", user.display())),
        "{text}"
    );
    assert_eq!(row(&o, "agent_id"), ("USR01".into(), "user".into()));
    assert_eq!(row(&o, "ip_address"), ("10.9.9.9".into(), "system".into()));
    assert_eq!(
        row(&o, "collection.tasks_url"),
        (
            "https://collection.example/api/DailyTask_DeskColl".into(),
            "system".into()
        )
    );
    assert_eq!(
        row(&o, "collection.user"),
        ("svc-user".into(), "user".into())
    );
    assert_eq!(
        row(&o, "collection.password"),
        ("***".into(), "user".into())
    );
    assert_eq!(
        row(&o, "collection.hash_key"),
        ("***".into(), "system".into())
    );
    assert_eq!(
        row(&o, "http.timeout"),
        ("11 s (connect 5 s)".into(), "system".into())
    );
    assert_eq!(
        row(&o, "store.outbox"),
        ("/var/lib/deskcoll/outbox.sqlite3".into(), "system".into())
    );
    assert_eq!(row(&o, "theme"), ("dark".into(), "default".into()));
    assert_eq!(row(&o, "termin"), ("(not set)".into(), "default".into()));

    // The environment over both files.
    let env = [
        ("DESKCOLL_AGENT_ID", "ENV01"),
        ("DESKCOLL_BASE_URL", "https://env.example"),
        ("DESKCOLL_OUTBOX", "/tmp/env-outbox.sqlite3"),
    ];
    let o = show(&env, &[]);
    assert_eq!(row(&o, "agent_id"), ("ENV01".into(), "env".into()));
    assert_eq!(
        row(&o, "collection.result_url"),
        (
            "https://env.example/api/CollectionInsert".into(),
            "env".into()
        )
    );
    assert_eq!(
        row(&o, "collection.user"),
        ("svc-user".into(), "user".into())
    );
    assert_eq!(
        row(&o, "store.outbox"),
        ("/tmp/env-outbox.sqlite3".into(), "env".into())
    );

    // Flags over everything.
    let o = show(
        &env,
        &[
            "--agent-id",
            "FLAG01",
            "--base-url",
            "https://flag.example",
            "--user",
            "svc-flag",
        ],
    );
    assert_eq!(row(&o, "agent_id"), ("FLAG01".into(), "flag".into()));
    assert_eq!(
        row(&o, "collection.tasks_url"),
        (
            "https://flag.example/api/DailyTask_DeskColl".into(),
            "flag".into()
        )
    );
    assert_eq!(
        row(&o, "collection.user"),
        ("svc-flag".into(), "flag".into())
    );
    assert_eq!(
        row(&o, "collection.password"),
        ("***".into(), "user".into())
    );
    assert_eq!(row(&o, "ip_address"), ("10.9.9.9".into(), "system".into()));

    // --config names the user's file instead of the usual one.
    let other = home.path().join("other.toml");
    write(&other, "agent_id = \"OTHER\"\n", 0o600);
    let o = show(&[], &["--config", other.to_str().unwrap()]);
    assert_eq!(row(&o, "agent_id"), ("OTHER".into(), "user".into()));
    assert_eq!(
        row(&o, "collection.user"),
        ("svc-system".into(), "system".into())
    );
}

#[cfg(unix)]
#[test]
fn a_secret_in_a_system_file_others_can_read_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let system = home.path().join("system.toml");
    let run = |args: &[&str]| {
        let mut c = deskcoll(home.path(), args);
        c.env("DESKCOLL_SYSTEM_CONFIG", &system);
        c.output().unwrap()
    };
    write(
        &system,
        "[collection]\nbase_url = \"https://h.example\"\nuser = \"u\"\npassword = \"open-secret-9\"\n",
        0o644,
    );
    for args in [&["config", "show"][..], &["tasks"], &["outbox", "list"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("holds secrets (collection.password)"), "{err}");
        assert!(err.contains("mode 0644"), "{err}");
        assert!(!err.contains("open-secret-9"), "{err}");
    }
    for mode in [0o600, 0o640] {
        deskcoll::files::set_mode(&system, mode).unwrap();
        let o = run(&["config", "show"]);
        assert!(o.status.success(), "{mode:o}: {o:?}");
    }
    // Without secrets it may be open to all: the settings every desk shares.
    write(&system, "agent_id = \"SHARED\"\n", 0o644);
    let o = run(&["config", "show"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(row(&o, "agent_id"), ("SHARED".into(), "system".into()));
}

/// In Indonesian the labels and the source words are Indonesian; the keys and the values are
/// what they are in English.
#[test]
fn config_show_in_indonesian_keeps_keys_and_values() {
    let home = tempfile::tempdir().unwrap();
    let system = home.path().join("etc-deskcoll.toml");
    write(
        &system,
        "agent_id = \"SYS01\"\n[http]\ntimeout_secs = 11\n",
        0o644,
    );
    let show = |lang: &str| {
        let mut c = deskcoll(home.path(), &["--agent-id", "FLAG01", "config", "show"]);
        c.env("DESKCOLL_SYSTEM_CONFIG", &system)
            .env("DESKCOLL_IP_ADDRESS", "10.1.2.3")
            .env("DESKCOLL_LANG", lang);
        let o = c.output().unwrap();
        assert!(o.status.success(), "{o:?}");
        o
    };
    let (en, id) = (show("en"), show("id"));
    let text = String::from_utf8_lossy(&id.stdout).into_owned();
    assert!(
        text.contains(&format!("berkas sistem            {}", system.display())),
        "{text}"
    );
    assert!(text.contains("berkas pengguna"), "{text}");
    assert!(!text.contains("system file"), "{text}");
    for (key, en_source, id_source) in [
        ("agent_id", "flag", "opsi"),
        ("ip_address", "env", "lingkungan"),
        ("http.timeout", "system", "sistem"),
        ("theme", "default", "bawaan"),
    ] {
        let (en_value, from) = row(&en, key);
        assert_eq!(from, en_source, "{key}");
        let (id_value, from) = row(&id, key);
        assert_eq!(from, id_source, "{key}:\n{text}");
        assert_eq!(id_value, en_value, "{key}: the value is the same");
    }
    // `ui.language` is a key and `id` its value.
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["ui.language", "id"]),
        "{text}"
    );
}
