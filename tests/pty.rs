//! End to end: the real binary in a pseudo-terminal, keys in, screen text out.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    _home: tempfile::TempDir,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a non-zero size")
}

impl Session {
    fn start(rows: u16, cols: u16) -> Session {
        Session::start_with(rows, cols, &[], tempfile::tempdir().expect("temp home"))
    }

    /// Start with command-line arguments and a given home directory (kept by the session).
    fn start_with(rows: u16, cols: u16, args: &[&str], home: tempfile::TempDir) -> Session {
        let pair = native_pty_system()
            .openpty(size(rows, cols))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_insats"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        // No user keymap from the machine running the tests.
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path());
        let child = pair.slave.spawn_command(cmd).expect("spawn insats");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: pair.master,
            writer,
            child,
            output,
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            _home: home,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
            self.screen.process(&bytes);
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Wait until the screen shows every one of `wanted`.
    fn wait_for(&mut self, wanted: &[&str]) {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            if wanted.iter().all(|w| text.contains(w)) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "screen never showed {wanted:?}; it shows:\n{text}"
            );
        }
    }

    fn resize(&mut self, rows: u16, cols: u16) {
        self.master.resize(size(rows, cols)).expect("resize");
        self.screen.set_size(nonzero(rows), nonzero(cols));
    }

    /// Wait for the program to end; returns whether it succeeded.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            self.pump();
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.pump();
                return status.success();
            }
            assert!(start.elapsed() < TIMEOUT, "insats did not exit");
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn search_reads_on_screen_and_q_restores_the_terminal() {
    let mut s = Session::start(30, 100);
    s.wait_for(&["409 insatser", "Alla områden", "? hjälp"]);
    assert!(s.screen.screen().alternate_screen());

    s.send("/aterfall");
    s.wait_for(&[
        "Återfallsprevention (ÅP)",
        "Återfallsprevention är en form",
        "5 träffar",
    ]);

    s.send("\x1b"); // Esc leaves the search box, keeping the hits
    s.wait_for(&["/ sök", "5 träffar"]);
    s.send("?");
    s.wait_for(&["Tangenter", "visa/dölj hjälpen"]);
    s.send("?");

    s.resize(5, 20);
    s.wait_for(&["Fönstret är"]);
    s.resize(30, 100);
    s.wait_for(&["Återfallsprevention (ÅP)", "5 träffar"]);
    assert!(
        !s.text().contains("Fönstret är"),
        "no leftovers after resizing back"
    );

    s.send("q");
    assert!(s.wait_exit(), "exit status 0");
    assert!(
        !s.screen.screen().alternate_screen(),
        "left the alternate screen"
    );
}

#[test]
fn ctrl_c_quits_even_while_typing_a_search() {
    let mut s = Session::start(24, 80);
    s.wait_for(&["409 insatser"]);
    s.send("/hvb");
    s.wait_for(&["hvb", "Hem för vård eller boende (HVB)"]);
    s.send("q");
    s.wait_for(&["hvbq"]);
    s.send("\x03");
    assert!(s.wait_exit());
    assert!(!s.screen.screen().alternate_screen());
}

/// The checklist as the issue's "done when" tries it: start on a file, press 2, mark three
/// indikatorer in two områden, write a note, quit, start again, and find it all there.
#[test]
fn checklist_marks_and_note_survive_a_restart() {
    let home = tempfile::tempdir().expect("temp home");
    let file = home.path().join("x.toml");
    let file = file.to_str().expect("path").to_string();
    let mut s = Session::start_with(30, 110, &["--checklista", &file], home);
    s.wait_for(&["409 insatser"]);
    s.send("2");
    s.wait_for(&["0 av 29 uppfyllda", "Aktuell rutin för att förhindra"]);
    s.send(" "); // 1 uppfylld
    s.send("j");
    s.send("n"); // 2 ej uppfylld
    s.send("a");
    s.wait_for(&["Anteckning för indikator 2"]);
    s.send("Tas upp i nämnden");
    s.send("\r");
    s.wait_for(&["Tas upp i nämnden", " ✎"]);
    s.send("tj"); // Krisberedskap
    s.send("l");
    s.send("u"); // 40 uppfylld
    s.wait_for(&["1 av 4 uppfyllda"]);
    s.send("q");
    assert!(s.wait_exit());
    let text = std::fs::read_to_string(&file).expect("saved");
    assert!(
        text.contains(
            "[indikator.2]\nstatus = \"ej uppfylld\"\nanteckning = \"Tas upp i nämnden\""
        ),
        "{text}"
    );

    let home = tempfile::tempdir().expect("temp home");
    let mut s = Session::start_with(30, 110, &["--checklista", &file], home);
    s.wait_for(&["409 insatser"]);
    s.send("2");
    s.wait_for(&[
        "1 av 29 uppfyllda",
        "1 av 4 uppfyllda",
        "✓  1 Aktuell",
        "✗  2 Aktuell",
    ]);
    s.send("j");
    s.wait_for(&["Tas upp i nämnden"]);
    s.send("q");
    assert!(s.wait_exit());
}
