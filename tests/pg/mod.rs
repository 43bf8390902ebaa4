//! A temporary PostgreSQL cluster for the team ledger's tests and benchmark: `initdb` in a
//! temporary folder (as `nobody` when run as root, since initdb refuses root), listening on
//! a free loopback port with password (SCRAM) authentication, stopped and removed on drop.
//! `None` (the caller says why and skips) only when the PostgreSQL binaries are absent.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const ADMIN_PASSWORD: &str = "dba-s3cret-pw";

pub struct Cluster {
    pub dir: tempfile::TempDir,
    pub bin: PathBuf,
    pub port: u16,
    as_user: Option<String>,
}

/// The newest PostgreSQL's binaries: `/usr/lib/postgresql/*/bin`, else `pg_ctl` on PATH.
pub fn binaries() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    found.sort();
    if let Some((_, bin)) = found.pop() {
        return Some(bin);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Cluster {
    /// Starts a new cluster; `None` when PostgreSQL is not installed (say so and skip).
    pub fn start() -> Option<Cluster> {
        let bin = binaries()?;
        let dir = tempfile::tempdir().expect("temp dir");
        let as_user = is_root().then(|| "nobody".to_string());
        std::fs::write(dir.path().join("pw"), ADMIN_PASSWORD).unwrap();
        if as_user.is_some() {
            let (uid, gid) = nobody();
            for p in [dir.path().to_path_buf(), dir.path().join("pw")] {
                std::os::unix::fs::chown(&p, Some(uid), Some(gid)).unwrap();
            }
        }
        let c = Cluster {
            port: free_port(),
            dir,
            bin,
            as_user,
        };
        let data = c.data();
        let pw = c.dir.path().join("pw");
        c.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "postgres",
                "--auth=scram-sha-256",
                "--pwfile",
                pw.to_str().unwrap(),
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        c.pg_start();
        Some(c)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let mut cmd = match &self.as_user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let out = cmd
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{tool}: {e}"));
        assert!(
            out.status.success(),
            "{tool} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts the server (again, after `stop`), on the same port.
    pub fn pg_start(&self) {
        let data = self.data();
        let log = self.dir.path().join("log");
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            self.port,
            self.dir.path().display()
        );
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &opts,
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server (fast: open connections are cut, as when a database goes down).
    pub fn stop(&self) {
        let data = self.data();
        self.run(
            "pg_ctl",
            &["-D", data.to_str().unwrap(), "-m", "fast", "-w", "stop"],
        );
    }

    /// A URL for `user` with `password` on this cluster (`sslmode=disable`: loopback).
    pub fn url(&self, user: &str, password: &str) -> String {
        format!(
            "postgresql://{user}:{password}@127.0.0.1:{}/postgres?sslmode=disable",
            self.port
        )
    }

    /// The DBA's URL (the cluster's superuser).
    pub fn admin_url(&self) -> String {
        self.url("postgres", ADMIN_PASSWORD)
    }

    /// Runs SQL as the DBA with `psql` (stops at the first error, which fails the test).
    pub fn psql(&self, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d"])
            .arg(self.admin_url())
            .args(["-c", sql])
            .stdin(Stdio::null())
            .output()
            .expect("psql");
        assert!(
            out.status.success(),
            "psql {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn nobody() -> (u32, u32) {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.first() != Some(&"nobody") || f.len() < 4 {
                return None;
            }
            Some((f[2].parse().ok()?, f[3].parse().ok()?))
        })
        .unwrap_or((65534, 65534))
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let mut cmd = match &self.as_user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let _ = cmd
            .args([
                "-D",
                data.to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// The skip line a test prints when PostgreSQL is absent.
pub fn skipping(test: &str) {
    eprintln!(
        "SKIPPED {test}: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); apt-get install -y postgresql"
    );
}
