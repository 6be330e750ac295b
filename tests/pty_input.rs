//! The real binary in a pseudo-terminal: pasted text (bracketed paste), Ctrl-Z and SIGTSTP,
//! SIGQUIT, and a note being typed when the connection drops (SIGHUP). Unix only: signals,
//! job control and a pty whose bytes reach the program unchanged.
//!
//! The checklist view is reached with F2 and the app is quit with Ctrl-C, both bound in a
//! keymap file the test writes, so that the tests do not depend on what letters do in the
//! catalogue.
#![cfg(unix)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(30);

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";
const F2: &str = "\x1bOQ";
const CTRL_C: &str = "\x03";
const CTRL_Z: &str = "\x1a";

const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const MOUSE_OFF: &[u8] = b"\x1b[?1006l";
const PASTE_ON: &[u8] = b"\x1b[?2004h";
const PASTE_OFF: &[u8] = b"\x1b[?2004l";

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    raw: Vec<u8>,
    file: PathBuf,
    _home: tempfile::TempDir,
}

impl Session {
    /// insats on a new checklist file, with F2 bound to the checklist view.
    fn start() -> Session {
        let home = tempfile::tempdir().expect("temp home");
        let keymap = home.path().join("insats").join("keymap.toml");
        std::fs::create_dir_all(keymap.parent().expect("dir")).expect("mkdir");
        std::fs::write(
            &keymap,
            "[global]\nf2 = \"show_checklist\"\nctrl-c = \"quit\"\n",
        )
        .expect("keymap");
        let file = home.path().join("k.toml");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 110,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_insats"));
        cmd.arg("--checklista");
        cmd.arg(&file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("TMUX");
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path());
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        let child = pair.slave.spawn_command(cmd).expect("spawn insats");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut s = Session {
            master: pair.master,
            writer,
            child,
            output,
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(30).expect("rows"),
                std::num::NonZeroU16::new(110).expect("cols"),
                0,
            ),
            raw: Vec::new(),
            file,
            _home: home,
        };
        s.wait_for(&["409 insatser"]);
        s
    }

    /// Open the checklist view.
    fn checklist(&mut self) {
        self.send(F2);
        self.wait_for(&["0/29 uppf"]);
    }

    fn send(&mut self, keys: &str) {
        // A large paste is written in pieces while the program reads; the reader thread
        // keeps draining the output meanwhile.
        for chunk in keys.as_bytes().chunks(4096) {
            self.writer.write_all(chunk).expect("write keys");
            self.writer.flush().expect("flush");
            self.pump_now();
        }
    }

    fn pump_now(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
            self.screen.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

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

    /// Wait until the output written since `from` contains `seq`.
    fn wait_for_bytes(&mut self, from: usize, seq: &[u8]) {
        let start = Instant::now();
        loop {
            self.pump();
            if find(&self.raw[from.min(self.raw.len())..], seq).is_some() {
                return;
            }
            assert!(start.elapsed() < TIMEOUT, "never wrote {seq:?}");
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{name}");
    }

    /// The process state letter from /proc (`T` when stopped), on Linux.
    fn state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        stat.rsplit(") ").next()?.chars().next()
    }

    fn wait_state(&mut self, wanted: char) {
        if !Path::new("/proc/self/stat").exists() {
            return; // No /proc (macOS): the screen checks below still run.
        }
        let start = Instant::now();
        while self.state() != Some(wanted) {
            self.pump();
            assert!(start.elapsed() < TIMEOUT, "never reached state {wanted}");
        }
    }

    fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            self.pump();
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.pump();
                return status;
            }
            assert!(start.elapsed() < TIMEOUT, "insats did not exit");
        }
    }

    fn quit(&mut self) {
        self.send(CTRL_C);
        let status = self.wait_status();
        assert!(status.success(), "{status:?}");
    }

    /// The note of indikator `n` as saved.
    fn saved_note(&self, n: u32) -> String {
        let catalog = insats::data::load(&insats::data::Source::Embedded).expect("data");
        let o = insats::checklist::Store::open_read_only(&self.file, &catalog.indikatorer)
            .expect("the saved file opens");
        o.checklist.note(n).to_string()
    }

    fn saved_text(&self) -> String {
        std::fs::read_to_string(&self.file).unwrap_or_default()
    }

    fn assert_restored(&self) {
        let tail_from = find(&self.raw, LEAVE_ALT).expect("left the alternate screen");
        let _ = tail_from;
        assert!(
            !self.screen.screen().alternate_screen(),
            "back on the normal screen"
        );
        assert!(find(&self.raw, MOUSE_OFF).is_some(), "mouse reporting off");
        assert!(find(&self.raw, PASTE_OFF).is_some(), "bracketed paste off");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
        let _ = &self.master;
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn paste(text: &str) -> String {
    format!("{PASTE_START}{text}{PASTE_END}")
}

#[test]
fn a_paste_into_a_note_is_text_with_its_line_breaks_and_runs_no_commands() {
    let mut s = Session::start();
    assert!(find(&s.raw, PASTE_ON).is_some(), "bracketed paste is on");
    s.checklist();
    s.send("a");
    s.wait_for(&["Anteckning för indikator 1"]);
    // Checklist keys after the line break (u d n x, space): as keys they would change
    // indikator 1's status; pasted, they are the note's second line.
    s.send(&paste("Rutinen finns\r\nu d n x  \r\nsista raden"));
    s.wait_for(&["sista raden"]);
    assert!(
        s.text().contains("Anteckning för indikator 1"),
        "the editor is still open after the paste:\n{}",
        s.text()
    );
    s.send("\r"); // Enter from the keyboard saves.
    s.wait_for(&["0/29 uppf", " ✎"]);
    assert_eq!(s.saved_note(1), "Rutinen finns\nu d n x  \nsista raden");
    assert!(
        !s.saved_text()
            .lines()
            .any(|l| l.trim_start().starts_with("status")),
        "no status was set by the pasted letters:\n{}",
        s.saved_text()
    );
    s.quit();
}

#[test]
fn a_100_kb_paste_arrives_whole_in_a_note_and_in_the_search() {
    let mut s = Session::start();
    s.checklist();
    s.send("a");
    s.wait_for(&["Anteckning för indikator 1"]);
    let line = "Åtgärd enligt rutin, uppföljning i nämnden varje kvartal. ";
    let mut big = String::new();
    while big.len() < 100 * 1024 {
        big.push_str(line);
        big.push('\n');
    }
    big.push_str("SLUTET");
    s.send(&paste(&big));
    s.wait_for(&["SLUTET"]);
    s.send("\r");
    s.wait_for(&[" ✎"]);
    assert_eq!(s.saved_note(1), big);

    // The same paste in the checklist's search box: one line, cut to a search's length,
    // and the app still answers keys at once.
    s.send("/");
    s.send(&paste(&big));
    s.wait_for(&["Inga indikatorer matchar ”Åtgärd enligt"]);
    s.quit();
}

#[test]
fn a_paste_in_the_catalogue_is_a_search_never_commands() {
    let mut s = Session::start();
    // "2" would open the checklist and "q" quit, were they keys.
    s.send(&paste("q2återfall\n"));
    s.wait_for(&["q2återfall"]);
    assert!(
        s.child.try_wait().expect("try_wait").is_none(),
        "still running"
    );
    assert!(!s.text().contains("uppfyllda"), "still in the catalogue");
    s.quit();
}

#[test]
fn ctrl_z_and_sigtstp_suspend_with_the_terminal_restored_and_continue_redraws() {
    let mut s = Session::start();
    s.checklist();
    let before = s.raw.len();
    s.send(CTRL_Z);
    s.wait_for_bytes(before, PASTE_OFF);
    s.wait_state('T');
    assert!(
        !s.screen.screen().alternate_screen(),
        "the shell's screen is back while suspended"
    );
    let tail = &s.raw[before..];
    assert!(find(tail, MOUSE_OFF).is_some(), "mouse reporting off");
    assert!(find(tail, LEAVE_ALT).is_some(), "alternate screen left");

    let before = s.raw.len();
    s.signal("CONT");
    s.wait_for(&["0/29 uppf"]);
    assert!(s.screen.screen().alternate_screen(), "taken again");
    assert!(find(&s.raw[before..], PASTE_ON).is_some());

    // SIGTSTP from outside (as `kill -TSTP`) does the same.
    let before = s.raw.len();
    s.signal("TSTP");
    s.wait_for_bytes(before, LEAVE_ALT);
    s.wait_state('T');
    s.signal("CONT");
    s.wait_for(&["0/29 uppf"]);
    s.send("u");
    s.wait_for(&["1/29 uppf"]);
    s.quit();
    s.assert_restored();
}

#[test]
fn sigquit_restores_the_terminal_before_exiting() {
    let mut s = Session::start();
    s.signal("QUIT");
    let status = s.wait_status();
    assert_eq!(status.exit_code(), 128 + 3, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_note_being_typed_survives_sighup_as_the_note() {
    let mut s = Session::start();
    s.checklist();
    s.send("a");
    s.wait_for(&["Anteckning för indikator 1"]);
    s.send("Halvskriven anteckning");
    s.wait_for(&["Halvskriven anteckning"]);
    // A hang-up comes twice as a rule: from the kernel, and from the shell to its jobs.
    let pid = s.pid().to_string();
    let _ = std::process::Command::new("kill")
        .args(["-HUP", &pid, &pid])
        .status();
    let status = s.wait_status();
    assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
    s.assert_restored();
    assert_eq!(s.saved_note(1), "Halvskriven anteckning");
}
