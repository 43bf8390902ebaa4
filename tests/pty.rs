//! End to end: the real binary in a pseudo-terminal, driven by keystrokes only.
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

mod common;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle` (a liveness bound, not a speed assertion).
    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_all(&[needle])
    }

    /// Waits until one screen shows every one of `needles` at once: a frame drawn halfway
    /// (the header redrawn, the status line not yet) is not taken for the answer.
    fn wait_for_all(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = self.text();
            if needles.iter().all(|n| text.contains(n)) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {needles:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The workstation under test, killed on every path out of the test.
struct Killed(Box<dyn portable_pty::Child + Send + Sync>);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

/// Where the workstation's demo twin listens: it binds a port of its own choosing (no port
/// is picked here, freed and hoped for) and says it in its log.
fn demo_url(data_home: &std::path::Path) -> String {
    let log = data_home.join("deskcoll").join("deskcoll.log");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(url) = text
            .lines()
            .filter(|l| l.contains("demo twin listening"))
            .find_map(|l| l.split("addr=").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
        {
            return url.to_string();
        }
        assert!(Instant::now() < deadline, "no demo twin address in {log:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The workstation in a pseudo-terminal of its own, in demo mode, with `env` set; its screen
/// is read continuously so that it never blocks writing.
fn start(home: &std::path::Path, env: &[(&str, &str)]) -> (Killed, Screen, Box<dyn Write + Send>) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") || k == "NO_COLOR" {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("DESKCOLL_LANG", "en");
    cmd.env("DESKCOLL_DEMO_ADDR", "127.0.0.1:0");
    cmd.env("DESKCOLL_AGENT_ID", "1812010");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = Killed(pty.slave.spawn_command(cmd).unwrap());
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        ROWS.try_into().unwrap(),
        COLS.try_into().unwrap(),
        0,
    )));
    let mut reader = pty.master.try_clone_reader().unwrap();
    let sink = parser.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    // The master must outlive the writer and reader: keep it in the thread that reads.
    let keys = pty.master.take_writer().unwrap();
    std::mem::forget(pty.master);
    (child, Screen { parser }, keys)
}

impl Killed {
    /// The exit status, within ten seconds.
    fn wait(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.0.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "did not end");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Screen {
    /// Whether the terminal is back as it was: main screen, cursor shown, no mouse capture.
    /// Whether the terminal came back, waiting (30 s at most) for the reader to take in the
    /// last bytes the process wrote before it exited: its exit can be seen before them.
    fn restored_after_exit(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.restored() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        self.restored()
    }

    fn restored(&self) -> bool {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        !s.alternate_screen()
            && !s.hide_cursor()
            && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    }

    /// Whether any cell has a colour of its own.
    fn coloured(&self) -> bool {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        (0..ROWS).any(|r| {
            (0..COLS).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn quitting_and_panicking_both_give_the_terminal_back() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, screen, mut keys) = start(home.path(), &[]);
    screen.wait_for("tasks loaded");
    assert!(
        !screen.restored(),
        "the workstation took the screen and the mouse"
    );
    keys.write_all(b"q").unwrap();
    keys.flush().unwrap();
    assert!(child.wait().success());
    assert!(screen.restored_after_exit(), "after q");

    let home = tempfile::tempdir().unwrap();
    let (mut child, screen, _keys) =
        start(home.path(), &[("DESKCOLL_PANIC_AFTER_FIRST_QUEUE", "1")]);
    assert!(!child.wait().success(), "it panicked");
    assert!(screen.restored_after_exit(), "after a panic");
}

#[tokio::test(flavor = "multi_thread")]
async fn no_color_means_no_colour_at_all() {
    let home = tempfile::tempdir().unwrap();
    let (_child, screen, _keys) = start(home.path(), &[]);
    screen.wait_for("tasks loaded");
    assert!(screen.coloured(), "colours by default");
    let home = tempfile::tempdir().unwrap();
    let (_child, screen, _keys) = start(home.path(), &[("NO_COLOR", "1")]);
    screen.wait_for("tasks loaded");
    assert!(!screen.coloured(), "NO_COLOR: none");
}

#[tokio::test(flavor = "multi_thread")]
async fn record_a_ptp_with_keystrokes_in_demo_mode() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, screen, mut keys) = start(home.path(), &[]);

    let mut send = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    };

    let first = screen.wait_for("tasks loaded");
    assert!(first.contains("DEMO"));
    assert!(first.contains("Queue · 1 of 100 ·"));

    send("/");
    send("trijaya");
    send("\r");
    screen.wait_for("Queue · 1 of 1 · sort: priority ↓ · 100 in all");
    send("\r"); // open the form
    screen.wait_for("Result · 000318270200055");
    send("ptp");
    send("\t"); // takes PTP
    send("\r"); // takes the highlighted result, PTP01
    send("\r"); // takes the highlighted party, the debtor
    send("+2");
    send("\t\t\t\t"); // past the amount (the total due), the period and the callback
    send("janji bayar lusa");
    send("\x13"); // Ctrl-S
    let done = screen.wait_for("Sukses Memasukan Data Dengan Account No : 000318270200055");
    assert!(done.contains("✓"));

    let received: Vec<serde_json::Value> = reqwest::Client::new()
        .get(format!(
            "{}/__twin/collections",
            demo_url(&home.path().join("data"))
        ))
        .basic_auth(
            deskcoll::twin::SEED_USER,
            Some(deskcoll::twin::SEED_PASSWORD),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(received.len(), 1);
    let body = &received[0]["body"];
    assert_eq!(body["account_no"], "000318270200055");
    assert_eq!(body["action_code"], "PTP");
    assert_eq!(body["result_code"], "PTP01");
    // With the anchor tag of its receipt (the first of the chain).
    assert_eq!(body["remark"], "janji bayar lusa [dc 1 0000000000]");
    assert_eq!(body["cre_by"], "1812010");
    assert_eq!(body["period"], "29");

    send("q");
    assert!(child.wait().success());
}

/// `deskcoll` with the same home as the workstation under `start`, for a CLI run.
fn cli(home: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_deskcoll"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DESKCOLL_") {
            cmd.env_remove(k);
        }
    }
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DESKCOLL_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// `deskcoll serve` with `args` on a port of its own.
fn serve(home: &std::path::Path, args: &[&str]) -> common::Served {
    let all = [&["serve", "--addr", "127.0.0.1:0"][..], args].concat();
    common::Served::start(cli(home, &all, &[]))
}

/// The environment that points the workstation and the CLI at the server at `base`.
fn server_env(base: &str) -> [(&'static str, &str); 4] {
    [
        ("DESKCOLL_BASE_URL", base),
        ("DESKCOLL_USER", deskcoll::twin::SEED_USER),
        ("DESKCOLL_PASSWORD", deskcoll::twin::SEED_PASSWORD),
        ("DESKCOLL_HASH_KEY", deskcoll::twin::SEED_HASH_KEY),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn with_a_slow_link_the_kept_list_answers_keys_while_the_fresh_one_arrives() {
    let home = tempfile::tempdir().unwrap();
    // 100 tasks (about 75 kB, 12-16 kB compressed) at 50 kbit/s: two seconds and more.
    let served = serve(home.path(), &["--bandwidth-kbps", "50"]);
    let server = server_env(&served.url);
    let read = cli(home.path(), &["tasks", "--format", "csv"], &server)
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );

    let (mut child, screen, mut keys) = start(home.path(), &server);
    screen.wait_for("· refreshing");
    keys.write_all(b"?").unwrap();
    keys.flush().unwrap();
    let help = screen.wait_for("Keys · j/k scroll");
    assert!(
        help.contains("· refreshing"),
        "answered while the list arrives: {help}"
    );
    keys.write_all(b"\x1b").unwrap();
    keys.flush().unwrap();
    let fresh = screen.wait_for("connected");
    assert!(!fresh.contains("refreshing"), "{fresh}");
    keys.write_all(b"q").unwrap();
    keys.flush().unwrap();
    assert!(child.wait().success());
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_server_down_the_workstation_opens_on_the_kept_list() {
    let home = tempfile::tempdir().unwrap();
    // A server of our own (the twin as IT runs it), read once by the CLI: the list is kept.
    let served = serve(home.path(), &[]);
    let base = served.url.clone();
    let server = server_env(&base);
    let read = cli(home.path(), &["tasks", "--format", "json"], &server)
        .output()
        .unwrap();
    drop(served);
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();

    // The server is gone: the workstation opens on the kept list and says so.
    let (mut child, screen, mut keys) = start(home.path(), &server);
    let of = format!("of {} ·", tasks.len());
    // The list, its age and the reason, on one screen.
    screen.wait_for_all(&["offline · list from", &of, "cannot connect"]);
    keys.write_all(b"q").unwrap();
    keys.flush().unwrap();
    assert!(child.wait().success());
}
