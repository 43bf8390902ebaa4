//! End to end: the real binary in a pseudo-terminal, driven by keystrokes only.

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
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {needle:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread")]
async fn record_a_ptp_with_keystrokes_in_demo_mode() {
    let home = tempfile::tempdir().unwrap();
    let addr = format!("127.0.0.1:{}", free_port());
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
    cmd.env("HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("DESKCOLL_LANG", "en");
    cmd.env("DESKCOLL_DEMO_ADDR", &addr);
    cmd.env("DESKCOLL_AGENT_ID", "1812010");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);

    // Drain the terminal continuously so the app never blocks writing to it.
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
    let mut keys = pty.master.take_writer().unwrap();
    let screen = Screen { parser };
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
    screen.wait_for("Queue · 1 of 1 · sort: priority · 100 in all");
    send("\r"); // open the form
    screen.wait_for("Result · 000318270200055");
    send("ptp");
    send("\t"); // takes PTP
    send("\r"); // takes the highlighted result, PTP01
    send("+2");
    send("\t");
    send("\t");
    send("janji bayar lusa");
    send("\x13"); // Ctrl-S
    let done = screen.wait_for("Sukses Memasukan Data Dengan Account No : 000318270200055");
    assert!(done.contains("✓"));

    let received: Vec<serde_json::Value> = reqwest::Client::new()
        .get(format!("http://{addr}/__twin/collections"))
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
    assert_eq!(body["remark"], "janji bayar lusa");
    assert_eq!(body["cre_by"], "1812010");
    assert_eq!(body["period"], "29");

    send("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
}
