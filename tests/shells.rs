//! The users' own tools read what deskcoll makes: each shell loads its completions and offers
//! the values of closed sets (never file names) and no hidden flag; every man page is clean
//! under `mandoc -T lint` and has the sections a reader looks for; the exit-code table is the
//! same in README, every `--help`, the man page and the code. A tool that is not installed
//! skips its part with a line saying so (.ci/run installs them where it can).
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_deskcoll")
}

fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

fn completions(shell: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let o = Command::new(bin())
        .args(["completions", shell])
        .env("DESKCOLL_LANG", "en")
        .output()
        .unwrap();
    assert!(o.status.success());
    let path = dir.join(format!("deskcoll.{shell}"));
    std::fs::write(&path, &o.stdout).unwrap();
    path
}

const TERMIN_SORT: [&str; 6] = [
    "entry_date",
    "bill_amount",
    "status",
    "vendor",
    "buyer",
    "step",
];

#[test]
fn bash_offers_closed_sets_and_no_hidden_flag() {
    if !have("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = completions("bash", dir.path());
    // A file whose name a file completion would offer.
    std::fs::write(dir.path().join("entry_file"), "").unwrap();
    let ask = |words: &str| {
        let line = format!(
            "source {s}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); \
             COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}; \
             _deskcoll deskcoll \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            s = script.display()
        );
        let o = Command::new("bash")
            .args(["-c", &line])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let sort = ask("deskcoll termin --sort ''");
    for v in TERMIN_SORT {
        assert!(sort.lines().any(|l| l == v), "{v}: {sort}");
    }
    assert!(!sort.contains("entry_file"), "no file names: {sort}");
    let party = ask("deskcoll submit --party ''");
    assert!(party.lines().any(|l| l == "spouse"), "{party}");
    let group = ask("deskcoll termin --group-by ''");
    assert!(group.lines().any(|l| l == "month"), "{group}");
    let fault = ask("deskcoll serve --fault ''");
    assert!(fault.lines().any(|l| l == "stored-90=1"), "{fault}");
    let flags = ask("deskcoll --");
    assert!(flags.contains("--output"), "{flags}");
    assert!(
        !flags.contains("exit-after"),
        "a hidden flag offered: {flags}"
    );
}

#[test]
fn fish_offers_closed_sets_and_no_hidden_flag() {
    if !have("fish") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = completions("fish", dir.path());
    let ask = |line: &str| {
        let o = Command::new("fish")
            .args([
                "--no-config",
                "-c",
                &format!("source {}; complete -C '{line}'", script.display()),
            ])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let sort = ask("deskcoll termin --sort ");
    for v in TERMIN_SORT {
        assert!(
            sort.lines().any(|l| l.split('\t').next() == Some(v)),
            "{v}: {sort}"
        );
    }
    let action = ask("deskcoll submit --action ");
    assert!(action.lines().any(|l| l.starts_with("PTP")), "{action}");
    let flags = ask("deskcoll --");
    assert!(flags.contains("--output"), "{flags}");
    assert!(!flags.contains("exit-after"), "{flags}");
}

#[test]
fn zsh_loads_the_completions_with_the_closed_sets() {
    if !have("zsh") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = completions("zsh", dir.path());
    let o = Command::new("zsh")
        .args([
            "-f",
            "-c",
            &format!(
                "autoload -U compinit && compinit -u -d {d}/zcomp && source {s} && whence -w _deskcoll",
                d = dir.path().display(),
                s = script.display()
            ),
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(said.contains("_deskcoll: function"), "{said}");
    let text = std::fs::read_to_string(&script).unwrap();
    assert!(text.contains("(entry_date bill_amount status vendor buyer step)"));
    assert!(text.contains("debtor co_debtor spouse"));
    assert!(!text.contains("exit-after"));
}

fn man_pages(lang: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .args(["man", "--out-dir"])
        .arg(dir.path())
        .env("DESKCOLL_LANG", lang)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_man_page_has_its_sections_the_version_and_date_and_lints_clean() {
    let changelog =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CHANGELOG.md")).unwrap();
    let date = changelog
        .lines()
        .find_map(|l| l.strip_prefix("## [").and_then(|l| l.split(" - ").nth(1)))
        .unwrap()
        .trim()
        .to_string();
    let lint = have("mandoc");
    for lang in ["en", "id"] {
        let pages = man_pages(lang);
        assert!(pages.len() > 10, "{pages:?}");
        for (name, text) in &pages {
            let th = text.lines().find(|l| l.starts_with(".TH ")).unwrap();
            assert!(
                th.contains(&format!(
                    " 1 {date} \"deskcoll {}\"",
                    env!("CARGO_PKG_VERSION")
                )),
                "{name}: {th}"
            );
            for section in [
                ".SH NAME",
                ".SH SYNOPSIS",
                ".SH DESCRIPTION",
                ".SH OPTIONS",
                ".SH \"EXIT STATUS\"",
                ".SH ENVIRONMENT",
                ".SH FILES",
                ".SH \"SEE ALSO\"",
            ] {
                assert!(text.contains(section), "{name} ({lang}) lacks {section}");
            }
            assert!(!text.contains(".SH EXTRA"), "{name}");
            assert!(text.contains("DESKCOLL_LANG"), "{name}");
            if lint {
                let o = Command::new("mandoc")
                    .args(["-T", "lint"])
                    .arg("/dev/stdin")
                    .stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .and_then(|mut c| {
                        use std::io::Write;
                        c.stdin.take().unwrap().write_all(text.as_bytes())?;
                        c.wait_with_output()
                    })
                    .unwrap();
                let said = format!(
                    "{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                );
                assert!(said.trim().is_empty(), "{name} ({lang}):\n{said}");
            }
        }
        let tasks = &pages
            .iter()
            .find(|(n, _)| n == "deskcoll-tasks.1")
            .unwrap()
            .1;
        assert!(tasks.contains(".SH EXAMPLES"), "{tasks}");
        assert!(
            tasks.contains("deskcoll tasks \\-\\-format json"),
            "{tasks}"
        );
    }
}

/// Words in order, whatever the wrapping.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn one_exit_code_table_in_readme_every_help_and_the_man_page() {
    let table = deskcoll::cli::EXIT_TABLE;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let readme = words(&readme);
    let man = Command::new(bin())
        .arg("man")
        .env("DESKCOLL_LANG", "en")
        .output()
        .unwrap();
    let man = words(&String::from_utf8_lossy(&man.stdout).replace("\\-", "-"));
    for (code, what) in table {
        assert!(
            readme.contains(&format!("{code} {}", words(what))),
            "README lacks exit {code}: {what}"
        );
        assert!(
            man.contains(&format!("\\fB{code}\\fR {}", words(what))),
            "man lacks exit {code}"
        );
    }
    let mut commands = vec![vec![]];
    for c in [
        "tasks",
        "today",
        "callbacks",
        "termin",
        "submit",
        "audit",
        "sign",
        "serve",
        "doctor",
        "man",
        "completions",
    ] {
        commands.push(vec![c]);
    }
    for c in ["list", "flush", "resolve"] {
        commands.push(vec!["outbox", c]);
    }
    for c in ["init", "show", "path"] {
        commands.push(vec!["config", c]);
    }
    for args in commands {
        let o = Command::new(bin())
            .args(&args)
            .arg("--help")
            .env("DESKCOLL_LANG", "en")
            .output()
            .unwrap();
        let help = words(&String::from_utf8_lossy(&o.stdout));
        for (code, what) in table {
            assert!(
                help.contains(&format!("{code} {}", words(what))),
                "{args:?} --help lacks exit {code}: {help}"
            );
        }
    }
}
