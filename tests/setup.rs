//! `.ci/run` checks the prerequisites first and names the one missing, on one line.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

/// A PATH with a fake toolchain: `rustc` says `version`, `cargo fmt` works unless `no_fmt`,
/// every other cargo command only says what it was asked.
fn fake_path(dir: &Path, version: &str, no_fmt: bool, with_cc: bool) -> String {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = |name: &str, body: &str| {
        let p = bin.join(name);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    script("rustc", &format!("echo 'rustc {version} (fake)'"));
    script(
        "cargo",
        &format!(
            "case \"$1\" in fmt) {} ;; *) echo \"fake cargo $*\" ;; esac",
            if no_fmt { "exit 1" } else { "exit 0" }
        ),
    );
    let mut tools = vec!["bash", "sed", "head", "awk", "sort", "uniq", "grep"];
    if with_cc {
        tools.push("cc");
    }
    for tool in tools {
        let real = ["/usr/bin", "/bin", "/usr/local/bin"]
            .iter()
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{tool} on this machine"));
        symlink(real, bin.join(tool)).unwrap();
    }
    bin.display().to_string()
}

fn ci(path: &str, env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let mut c = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run"));
    c.env_clear().env("PATH", path);
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn each_missing_prerequisite_stops_ci_with_one_line() {
    let need = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("rust-version = \"")?
                .strip_suffix('"')
                .map(str::to_string)
        })
        .expect("rust-version in Cargo.toml");
    let cases = [
        ("1.80.0", false, true, "rustc 1.80.0 is too old"),
        ("1.95.0", false, false, "no C compiler"),
        ("1.95.0", true, true, "rustfmt not found"),
    ];
    for (version, no_fmt, with_cc, reason) in cases {
        let dir = tempfile::tempdir().unwrap();
        let (code, out, err) = ci(&fake_path(dir.path(), version, no_fmt, with_cc), &[]);
        assert_eq!(code, Some(1), "{reason}: {out}{err}");
        assert!(out.is_empty(), "nothing ran before the check: {out}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(reason), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = ci(&fake_path(dir.path(), &need, false, true), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("fake cargo test --locked"), "{out}");
    // No cargo at all.
    let empty = tempfile::tempdir().unwrap();
    let bash = ["/usr/bin/bash", "/bin/bash"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap();
    std::os::unix::fs::symlink(bash, empty.path().join("bash")).unwrap();
    let (code, _, err) = ci(&empty.path().display().to_string(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        err.trim(),
        "ci: cargo not found: install the Rust toolchain (https://rustup.rs)"
    );
}
