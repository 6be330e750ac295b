//! The checklist on disk: round trips, bad files kept byte for byte, two instances, changes
//! made by other programs, symbolic links, and a writer killed in the middle of a save.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use insats::checklist::location::kommun_file;
use std::io::Write as _;

use insats::checklist::store::{lock_file, write_atomic_with};
use insats::checklist::{ChecklistError, Opened, Scope, Status, Store};
use insats::data::{self, Source};
use insats::model::Indikator;
use insats::model::IndikatorOmrade as O;

fn indikatorer() -> Vec<Indikator> {
    data::load(&Source::Embedded).expect("loads").indikatorer
}

fn open(path: &Path) -> Result<Opened, ChecklistError> {
    Store::open(path, &indikatorer())
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp."))
        .collect()
}

#[test]
fn a_missing_file_is_created_on_the_first_save_and_reads_back() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("lund.toml");
    let mut o = open(&path).expect("opens");
    assert!(!path.exists(), "nothing is written before a change");
    assert!(
        !o.store.save(&o.checklist).expect("no-op"),
        "nothing to save"
    );
    o.checklist.set_kommun(Some("Lund".into()));
    o.checklist
        .set_status(12, Scope::Alla, Status::Delvis)
        .expect("ok");
    assert!(o.store.save(&o.checklist).expect("saves"));
    o.checklist.set_note(12, "Införs under hösten").expect("ok");
    assert!(o.store.save(&o.checklist).expect("saves"));
    drop(o);

    let back = open(&path).expect("reopens");
    assert!(back.warnings.is_empty());
    assert_eq!(back.checklist.kommun(), Some("Lund"));
    assert_eq!(back.checklist.status(12, O::Lss), Status::Delvis);
    assert_eq!(back.checklist.note(12), "Införs under hösten");
    assert!(temp_files(d.path()).is_empty());
}

#[test]
fn a_corrupt_file_is_reported_and_kept_byte_for_byte() {
    let d = tempfile::tempdir().expect("dir");
    for (name, bytes) in [
        (
            "syntax.toml",
            b"format = 1\n[indikator.12\nstatus = \"uppfylld\"\n".to_vec(),
        ),
        (
            "word.toml",
            b"format = 1\n[indikator.12]\nstatus = \"klar\"\n".to_vec(),
        ),
        (
            "bytes.toml",
            b"format = 1\nkommun = \"Malm\xf6\"\n".to_vec(),
        ),
        ("newer.toml", b"format = 7\n".to_vec()),
    ] {
        let path = d.path().join(name);
        fs::write(&path, &bytes).expect("write");
        let e = open(&path).expect_err("refused").to_string();
        assert!(e.starts_with(&format!("{}:", path.display())), "{e}");
        assert!(e.contains("filen lämnas orörd"), "{e}");
        let e = Store::open_read_only(&path, &indikatorer()).expect_err("refused too");
        assert!(matches!(
            e,
            ChecklistError::Syntax { .. }
                | ChecklistError::Key { .. }
                | ChecklistError::Encoding { .. }
        ));
        assert_eq!(fs::read(&path).expect("read"), bytes, "{name} untouched");
    }
    assert!(matches!(
        open(&d.path().join("bytes.toml")),
        Err(ChecklistError::Encoding { line: 2, .. })
    ));
}

#[test]
fn unknown_numbers_survive_a_load_and_save_through_the_store() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    let original = "format = 1\n\n[indikator.150]\nstatus = \"uppfylld\"\nanteckning = \"ny indikator 2021\"\nextra = { a = [1, 2] }\n";
    fs::write(&path, original).expect("write");
    let mut o = open(&path).expect("opens");
    // The unknown number, and that format 1 is written anew at the first change.
    assert_eq!(o.warnings.len(), 2, "{:?}", o.warnings);
    assert!(o.warnings.iter().any(|w| w.message.contains("format 1")));
    o.checklist.cycle(1, O::EkonomisktBistand).expect("ok");
    o.store.save(&o.checklist).expect("saves");
    let saved = fs::read_to_string(&path).expect("read");
    let before: toml::Table = toml::from_str(original).expect("toml");
    let after: toml::Table = toml::from_str(&saved).expect("toml");
    assert_eq!(after["indikator"]["150"], before["indikator"]["150"]);
    assert_eq!(after["indikator"]["1"]["status"].as_str(), Some("uppfylld"));
}

#[test]
fn a_lock_let_go_of_a_moment_later_is_taken() {
    // Held by another thread for 30 ms after the second open starts (as a process being
    // started holds a copy of the lock until its exec): the second open waits for it.
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    let first = open(&path).expect("first opens");
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(30));
        drop(first);
    });
    let second = open(&path);
    release.join().expect("thread");
    assert!(second.is_ok(), "{:?}", second.err());
}

#[test]
fn a_second_instance_is_refused_with_the_first_ones_pid_until_it_closes() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    let first = open(&path).expect("first opens");
    let e = open(&path).expect_err("second refused");
    match &e {
        ChecklistError::Locked { pid, .. } => assert_eq!(*pid, Some(std::process::id())),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        e.to_string(),
        format!(
            "{}: används redan av programmet insats i process {}; öppna den när den är stängd, eller ange en annan fil med --checklista",
            path.display(),
            std::process::id()
        )
    );
    // Reading is still possible, saving from there is not.
    let mut ro = Store::open_read_only(&path, &indikatorer()).expect("read-only opens");
    assert!(ro.store.is_read_only());
    ro.checklist
        .cycle(1, O::EkonomisktBistand)
        .expect("state changes in memory");
    assert!(matches!(
        ro.store.save(&ro.checklist),
        Err(ChecklistError::ReadOnly { .. })
    ));
    assert!(!path.exists());
    drop(first);
    open(&path).expect("opens once the first has closed");
    assert!(lock_file(&path).exists());
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    let mut o = open(&path).expect("opens");
    o.checklist.cycle(1, O::EkonomisktBistand).expect("ok");
    o.store.save(&o.checklist).expect("saves");
    let edited = "format = 1\n[indikator.2]\nstatus = \"uppfylld\"\n";
    fs::write(&path, edited).expect("someone edits the file");
    o.checklist.cycle(3, O::EkonomisktBistand).expect("ok");
    let e = o.store.save(&o.checklist).expect_err("refused");
    assert!(matches!(e, ChecklistError::ChangedOnDisk { .. }), "{e}");
    assert_eq!(fs::read_to_string(&path).expect("read"), edited);
}

#[cfg(unix)]
#[test]
fn a_save_through_a_symbolic_link_replaces_the_target_and_keeps_the_link() {
    let d = tempfile::tempdir().expect("dir");
    let real = d.path().join("real.toml");
    let link = d.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    fs::write(&real, "format = 1\n").expect("write");
    let mut o = open(&link).expect("opens");
    o.checklist.cycle(1, O::EkonomisktBistand).expect("ok");
    o.store.save(&o.checklist).expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .expect("read")
            .contains("[indikator.1]")
    );
}

#[test]
fn the_kommun_file_lives_under_xdg_data_home_or_the_home_directory() {
    // Which folder the environment gives: tests/cli_checklista.rs, through the binary.
    let dir = PathBuf::from("/d");
    assert_eq!(
        kommun_file(&dir, "Upplands Väsby").expect("file"),
        PathBuf::from("/d/upplands-väsby.toml")
    );
    let e = kommun_file(&dir, "../../etc/passwd").expect_err("refused");
    assert!(e.to_string().contains("\"/\""), "{e}");
    assert!(kommun_file(&dir, "—").is_err());
}

// --- a writer killed mid-save -------------------------------------------------------------

const CHILD_FILE: &str = "INSATS_TEST_CRASH_WRITER_FILE";
const CHILD_MODE: &str = "INSATS_TEST_CRASH_WRITER_MODE";
const NOTES: [u32; 5] = [1, 2, 3, 4, 5];
const NOTE_LEN: usize = 1 << 18;

fn note(round: usize) -> String {
    ["A", "B"][round % 2].repeat(NOTE_LEN)
}

/// Run as a child process by the tests below: saves two large states in turn, forever, under
/// the lock; `slow` writes each file in small chunks so that a kill lands inside the write.
#[test]
#[ignore = "a helper process for the kill tests below"]
fn crash_writer_child() {
    let Some(path) = std::env::var_os(CHILD_FILE) else {
        return;
    };
    let slow = std::env::var(CHILD_MODE).is_ok_and(|m| m == "slow");
    let path = PathBuf::from(path);
    let mut o = open(&path).expect("child opens");
    for round in 0.. {
        for n in NOTES {
            o.checklist.set_note(n, &note(round)).expect("note");
        }
        println!("saving {round}");
        if slow {
            let doc = insats::checklist::file::parse("", &path, o.checklist.rules())
                .expect("empty")
                .doc;
            let (text, _) = insats::checklist::file::render(&doc, &o.checklist, &path, |_| None)
                .expect("renders");
            write_atomic_with(&path, text.as_bytes(), |f, bytes| {
                for (k, chunk) in bytes.chunks(16 * 1024).enumerate() {
                    f.write_all(chunk)?;
                    if k == 0 {
                        println!("writing {round}");
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                Ok(())
            })
            .expect("child writes");
        } else {
            o.store.save(&o.checklist).expect("child saves");
        }
        println!("saved {round}");
    }
}

/// Kill a child writer `rounds` times, at moments spread over `span_ms` after it printed a
/// line starting with `after` (past its first save); after each kill the file must read, with
/// all five notes from one state. Returns how many kills landed inside a save and how many
/// left a temporary file (inside the write).
fn kill_writers(mode: &str, after: &str, rounds: u64, span_ms: u64) -> (usize, usize) {
    let exe = std::env::current_exe().expect("test binary");
    let (mut mid_save, mut mid_write) = (0, 0);
    for round in 0..rounds {
        let d = tempfile::tempdir().expect("dir");
        let path = d.path().join("x.toml");
        let mut initial = String::from("format = 1\n");
        for n in NOTES {
            initial.push_str(&format!("[indikator.{n}]\nanteckning = \"start\"\n"));
        }
        fs::write(&path, &initial).expect("write");

        let mut child = Command::new(&exe)
            // The test's name as the harness knows it: its module in tests/it/.
            .args([
                "checklist_store::crash_writer_child",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env(CHILD_FILE, &path)
            .env(CHILD_MODE, mode)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut saved = false;
        for line in lines.by_ref() {
            let line = line.expect("line");
            saved |= line.starts_with("saved");
            if saved && line.starts_with(after) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(1 + (round * 37) % span_ms));
        child.kill().expect("kill");
        child.wait().expect("wait");
        let last = lines.map_while(Result::ok).last().unwrap_or_default();
        mid_save += usize::from(last.starts_with("saving"));
        mid_write += usize::from(!temp_files(d.path()).is_empty());

        let o = open(&path).expect("the file reads after the kill, and the lock is free");
        let notes: Vec<&str> = NOTES.iter().map(|&n| o.checklist.note(n)).collect();
        assert!(
            notes.iter().all(|n| *n == notes[0]),
            "{mode} round {round}: a mixed state"
        );
        assert!(
            notes[0] == "start" || notes[0] == note(0) || notes[0] == note(1),
            "{mode} round {round}: unexpected content"
        );
    }
    (mid_save, mid_write)
}

#[test]
fn killing_a_writer_mid_save_leaves_the_old_or_the_new_file() {
    // The whole save of the store, killed anywhere in it.
    let (mid_save, _) = kill_writers("store", "saved", 6, 60);
    assert!(
        mid_save >= 3,
        "only {mid_save} of 6 kills interrupted a save"
    );
    // The atomic write itself, killed while the temporary file is half written (each write
    // takes at least 80 ms in chunks, and the kill comes at most 40 ms after it began).
    let (_, mid_write) = kill_writers("slow", "writing", 6, 40);
    assert!(
        mid_write >= 3,
        "only {mid_write} of 6 kills interrupted a write"
    );
}
