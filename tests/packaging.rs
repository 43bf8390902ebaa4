//! What IT installs: the Debian package's metadata and the files it is made of (the .deb
//! itself is built by packaging/deb.sh, not here), the man page made from the command line's
//! definition, and a version that names its commit.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use clap::CommandFactory;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn deskcoll(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_deskcoll"))
        .args(args)
        .env("DESKCOLL_LANG", "en")
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {o:?}");
    String::from_utf8(o.stdout).unwrap()
}

/// (source, destination) of every asset in [package.metadata.deb].
fn assets() -> Vec<(String, String)> {
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let deb = &manifest["package"]["metadata"]["deb"];
    for key in ["maintainer", "extended-description", "section", "depends"] {
        assert!(deb.get(key).is_some(), "[package.metadata.deb] {key}");
    }
    deb["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let a = a.as_array().unwrap();
            (
                a[0].as_str().unwrap().to_string(),
                a[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_package_has_the_binary_man_pages_completions_and_the_template() {
    let assets = assets();
    let to = |dest: &str| {
        assets
            .iter()
            .find(|(_, d)| d == dest)
            .map(|(s, _)| s.as_str())
            .unwrap_or_else(|| panic!("nothing goes to {dest}: {assets:?}"))
    };
    assert_eq!(to("usr/bin/"), "target/release/deskcoll");
    assert!(to("usr/share/man/man1/").ends_with(".1.gz"));
    for dest in [
        "usr/share/bash-completion/completions/deskcoll",
        "usr/share/zsh/vendor-completions/_deskcoll",
        "usr/share/fish/vendor_completions.d/deskcoll.fish",
    ] {
        assert!(to(dest).starts_with("target/deb-assets/"), "{dest}");
    }
    assert_eq!(
        to("usr/share/doc/deskcoll/config.toml"),
        "assets/config.toml"
    );

    // The generated ones are what packaging/deb-assets.sh makes from the binary.
    let out = tempfile::tempdir().unwrap();
    let made = Command::new("bash")
        .arg(root().join("packaging/deb-assets.sh"))
        .arg(env!("CARGO_BIN_EXE_deskcoll"))
        .arg(out.path())
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    for (source, dest) in &assets {
        match source.strip_prefix("target/deb-assets/") {
            Some(rel) if rel.contains('*') => {
                let (dir, pattern) = rel.rsplit_once('/').unwrap();
                let suffix = pattern.trim_start_matches('*');
                let found: Vec<String> = std::fs::read_dir(out.path().join(dir))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(suffix))
                    .collect();
                assert!(found.contains(&"deskcoll.1.gz".to_string()), "{found:?}");
                assert!(
                    found.contains(&"deskcoll-outbox-flush.1.gz".to_string()),
                    "{found:?}"
                );
            }
            Some(rel) => {
                let bytes = std::fs::read(out.path().join(rel))
                    .unwrap_or_else(|e| panic!("{rel} for {dest}: {e}"));
                assert!(
                    String::from_utf8_lossy(&bytes).contains("deskcoll"),
                    "{rel}"
                );
            }
            None if source.starts_with("target/release/") => {}
            None => assert!(root().join(source).is_file(), "{source}"),
        }
    }
}

/// Every command at every depth, as `deskcoll outbox flush`.
fn every_command() -> Vec<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            if sub.get_name() == "help" {
                continue;
            }
            let path = format!("{prefix} {}", sub.get_name());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&deskcoll::cli::Cli::command(), "deskcoll", &mut out);
    out
}

#[test]
fn the_man_page_lists_every_command() {
    // Words in order, whatever the page's line wrapping.
    let page = deskcoll(&["man"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(page.contains(".TH DESKCOLL 1"), "{page}");
    let commands = every_command();
    assert!(commands.len() >= 17, "{commands:?}");
    for top in ["doctor", "man", "completions", "outbox", "config"] {
        assert!(
            commands.contains(&format!("deskcoll {top}")),
            "{commands:?}"
        );
    }
    for command in &commands {
        // roff writes a hyphen as \-.
        let shown = command.replace('-', "\\-");
        assert!(
            page.contains(&format!("\\fB{shown}")),
            "{command} missing from COMMANDS"
        );
        if command.matches(' ').count() == 1 {
            let page_name = command.replace(' ', "\\-");
            assert!(
                page.contains(&format!(".BR {page_name} (1)")),
                "{command} in SEE ALSO"
            );
        }
    }
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "\"EXIT STATUS\"",
        "FILES",
        "ENVIRONMENT",
    ] {
        assert!(page.contains(&format!(".SH {section}")), "{section}");
    }
    assert!(page.contains("/etc/deskcoll/config.toml"));
    assert!(page.contains("DESKCOLL_SYSTEM_CONFIG"));

    // One page per command, for the package.
    let dir = tempfile::tempdir().unwrap();
    let listed = deskcoll(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(listed.lines().count(), commands.len() + 1, "{listed}");
    for command in &commands {
        let file = dir.path().join(format!("{}.1", command.replace(' ', "-")));
        assert!(file.is_file(), "{}", file.display());
    }
}

#[test]
fn the_version_names_its_commit() {
    let shown = deskcoll(&["--version"]);
    let version = env!("CARGO_PKG_VERSION");
    let commit = std::env::var("DESKCOLL_BUILD_COMMIT")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| {
            let o = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .current_dir(root())
                .output()
                .ok()?;
            o.status
                .success()
                .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    assert_eq!(shown, format!("deskcoll {version} (commit {commit})\n"));
    assert_eq!(deskcoll::VERSION, format!("{version} (commit {commit})"));
}

/// The page's own prose follows the language; its section headings, like clap's, do not.
#[test]
fn the_man_page_speaks_indonesian_in_its_own_sections() {
    let man = |lang: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_deskcoll"))
            .arg("man")
            .env("DESKCOLL_LANG", lang)
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        String::from_utf8(o.stdout).unwrap()
    };
    // Words in order, whatever the page's line wrapping.
    let joined = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (en, id) = (joined(man("en")), joined(man("id")));
    assert!(en.contains("System-wide settings, read first"), "{en}");
    for words in [
        "koneksi terputus",
        "Pengaturan tingkat sistem",
        "Pengaturan pengguna",
        "variabel lingkungan",
        "Templat dengan komentar",
        "(untuk \\fBdeskcoll serve\\fR)",
    ] {
        assert!(id.contains(words), "{words}");
    }
    assert!(!id.contains("System-wide settings"));
    for section in [
        ".SH NAME",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
        "\\fI/etc/deskcoll/config.toml\\fR",
        "\\fBDESKCOLL_SYSTEM_CONFIG\\fR",
        "\\fBNO_COLOR\\fR,",
        "\\fBDESKCOLL_LANG\\fR,",
    ] {
        assert!(en.contains(section) && id.contains(section), "{section}");
    }
    // No message left untranslated as its id.
    assert!(!id.contains("man-"), "{id}");
}

/// What a Debian packager and lintian look for: a licence file that is the licence Cargo.toml
/// names, a changelog shipped, description lines that fit, no placeholder maintainer reaching
/// a package (deb.sh stops without the builder's), scripts clean under shellcheck.
#[test]
fn a_package_a_debian_packager_accepts() {
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    assert_eq!(manifest["package"]["license"].as_str(), Some("MIT"));
    let licence = std::fs::read_to_string(root().join("LICENSE")).unwrap();
    assert!(licence.starts_with("MIT License"), "{licence}");
    let deb = &manifest["package"]["metadata"]["deb"];
    assert_eq!(deb["changelog"].as_str(), Some("CHANGELOG.md"));
    assert!(root().join("CHANGELOG.md").exists());
    for line in deb["extended-description"].as_str().unwrap().lines() {
        assert!(line.len() <= 79, "too long for a control file: {line}");
    }
    // Without the builder's name the script stops before building anything.
    let o = std::process::Command::new("bash")
        .arg(root().join("packaging/deb.sh"))
        .env_remove("DESKCOLL_MAINTAINER")
        .env_remove("DEBFULLNAME")
        .env_remove("DEBEMAIL")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("DESKCOLL_MAINTAINER"));
    let o = std::process::Command::new("bash")
        .arg(root().join("packaging/deb.sh"))
        .env("DESKCOLL_MAINTAINER", "Desk <desk@localhost>")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "@localhost is refused");
    let have = std::process::Command::new("sh")
        .args(["-c", "command -v shellcheck"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        eprintln!("skipped: shellcheck is not installed");
        return;
    }
    let o = std::process::Command::new("sh")
        .current_dir(root())
        .args(["-c", "shellcheck .ci/run packaging/*.sh benches/*.sh"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}
