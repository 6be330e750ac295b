//! The checklist file as a kommun meets it: a status per område, one file per kommun, the
//! file edited without damage, only regular files, migration from format 1, and nothing raw
//! on a terminal. Through the real binary where the user would see it.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use insats::checklist::file;
use insats::checklist::{Rules, Scope, Status, Store};
use insats::data::{self, Source};
use insats::model::{Indikator, IndikatorOmrade as O};

fn indikatorer() -> Vec<Indikator> {
    data::load(&Source::Embedded).expect("loads").indikatorer
}

fn run(home: &Path, args: &[&str]) -> Output {
    crate::common::run_at(home, args)
}

fn ok(home: &Path, args: &[&str]) -> Output {
    let out = run(home, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2; the message on stderr.
fn fails(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    stderr(&out)
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// `nummer`'s status in each område of a JSON export, as `område=status`.
fn statuses_in_json(v: &serde_json::Value, nummer: u32) -> Vec<String> {
    v["omraden"]
        .as_array()
        .expect("omraden")
        .iter()
        .flat_map(|o| {
            o["indikatorer"]
                .as_array()
                .expect("indikatorer")
                .iter()
                .filter(|i| i["nummer"] == nummer)
                .map(|i| {
                    format!(
                        "{}={}",
                        o["omrade"].as_str().expect("str"),
                        i["status"].as_str().unwrap_or("-")
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

// --- a status per område --------------------------------------------------------------------

#[test]
fn a_status_set_in_one_omrade_is_exported_in_that_omrade_only() {
    let d = tempfile::tempdir().expect("dir");
    let k = ["--kommun", "Malmö"];
    let out = ok(
        d.path(),
        &[
            &k[..],
            &[
                "checklista",
                "set",
                "3",
                "uppfylld",
                "--omrade",
                "ekonomiskt-bistand",
            ],
        ]
        .concat(),
    );
    assert!(
        stdout(&out).contains("  Ekonomiskt bistånd: uppfylld"),
        "{}",
        stdout(&out)
    );
    let v = json(&ok(
        d.path(),
        &[&k[..], &["checklista", "export", "--format", "json"]].concat(),
    ));
    assert_eq!(
        statuses_in_json(&v, 3),
        [
            "Ekonomiskt bistånd=uppfylld",
            "Missbruks- och beroendevården=ej bedömd",
            "Social barn- och ungdomsvård=ej bedömd",
            "LSS=ej bedömd",
            "Socialpsykiatri=ej bedömd",
            "Våld i nära relation=ej bedömd",
            "Äldreomsorg=ej bedömd",
        ]
    );
    // The full name works as well as the short one.
    ok(
        d.path(),
        &[
            &k[..],
            &[
                "checklista",
                "set",
                "3",
                "ej-uppfylld",
                "--omrade",
                "Äldreomsorg",
            ],
        ]
        .concat(),
    );
    let v = json(&ok(
        d.path(),
        &[&k[..], &["checklista", "export", "--format", "json"]].concat(),
    ));
    assert!(statuses_in_json(&v, 3).contains(&"Äldreomsorg=ej uppfylld".to_string()));
    assert!(statuses_in_json(&v, 3).contains(&"Ekonomiskt bistånd=uppfylld".to_string()));
}

#[test]
fn without_omrade_a_shared_indikator_is_refused_listing_its_omraden_and_alla_sets_all() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let f = f.to_str().expect("path");
    let e = fails(
        d.path(),
        &["checklista", "set", "12", "uppfylld", "--checklista", f],
    );
    assert!(e.contains("indikator 12 finns i 3 områden"), "{e}");
    for area in [
        "lss (LSS)",
        "socialpsykiatri (Socialpsykiatri)",
        "aldreomsorg (Äldreomsorg)",
    ] {
        assert!(e.contains(area), "{e}");
    }
    assert!(e.contains("--omrade alla"), "{e}");
    assert!(!Path::new(f).exists(), "nothing written");
    // An område the indikator is not in is refused too.
    let e = fails(
        d.path(),
        &[
            "checklista",
            "set",
            "12",
            "uppfylld",
            "--omrade",
            "krisberedskap",
            "--checklista",
            f,
        ],
    );
    assert!(e.contains("finns inte i området Krisberedskap"), "{e}");
    // One område: no --omrade needed.
    ok(
        d.path(),
        &["checklista", "set", "30", "uppfylld", "--checklista", f],
    );
    ok(
        d.path(),
        &[
            "checklista",
            "set",
            "12",
            "delvis",
            "--omrade",
            "alla",
            "--checklista",
            f,
        ],
    );
    let v = json(&ok(
        d.path(),
        &[
            "checklista",
            "export",
            "--format",
            "json",
            "--checklista",
            f,
        ],
    ));
    assert_eq!(
        statuses_in_json(&v, 12),
        ["LSS=delvis", "Socialpsykiatri=delvis", "Äldreomsorg=delvis"]
    );
}

// --- one kommun, one file -------------------------------------------------------------------

#[test]
fn hakbo_and_habo_keep_their_own_files_and_exports_name_their_own_kommun() {
    let d = tempfile::tempdir().expect("dir");
    ok(
        d.path(),
        &["--kommun", "Håbo", "checklista", "set", "30", "uppfylld"],
    );
    ok(
        d.path(),
        &["--kommun", "Habo", "checklista", "set", "30", "ej-uppfylld"],
    );
    let dir = d.path().join("data/insats/checklistor");
    let hakbo = fs::read_to_string(dir.join("håbo.toml")).expect("håbo.toml");
    let habo = fs::read_to_string(dir.join("habo.toml")).expect("habo.toml");
    assert!(hakbo.contains("kommun = \"Håbo\""), "{hakbo}");
    assert!(habo.contains("kommun = \"Habo\""), "{habo}");
    let a = stdout(&ok(d.path(), &["--kommun", "Håbo", "checklista", "export"]));
    let b = stdout(&ok(d.path(), &["--kommun", "Habo", "checklista", "export"]));
    assert_ne!(a, b);
    assert!(
        a.contains("Kommun: Håbo\n") && a.contains("### Uppfyllda\n\n- 30 "),
        "{a}"
    );
    assert!(
        b.contains("Kommun: Habo\n") && b.contains("### Ej uppfyllda\n\n- 30 "),
        "{b}"
    );

    // One kommun however it is cased: MALMÖ opens Malmö's file; malmo is another name.
    ok(
        d.path(),
        &["--kommun", "Malmö", "checklista", "set", "30", "uppfylld"],
    );
    ok(
        d.path(),
        &["--kommun", "MALMÖ", "checklista", "set", "31", "uppfylld"],
    );
    ok(
        d.path(),
        &[
            "--kommun",
            "malmo",
            "checklista",
            "set",
            "30",
            "ej-uppfylld",
        ],
    );
    let malmo = fs::read_to_string(dir.join("malmö.toml")).expect("malmö.toml");
    assert!(malmo.contains("[indikator.31]") && malmo.contains("kommun = \"Malmö\""));
    assert!(
        fs::read_to_string(dir.join("malmo.toml"))
            .expect("malmo")
            .contains("\"malmo\"")
    );

    // Unicode names work, whole.
    ok(
        d.path(),
        &["--kommun", "Łódź", "checklista", "set", "30", "uppfylld"],
    );
    assert!(dir.join("łódź.toml").exists());
    let e = fails(
        d.path(),
        &["--kommun", "a/b", "checklista", "set", "30", "uppfylld"],
    );
    assert!(e.contains("som inte kan stå i ett filnamn"), "{e}");
}

#[test]
fn a_file_of_another_kommun_is_refused_and_an_old_ascii_file_name_still_found() {
    let d = tempfile::tempdir().expect("dir");
    let dir = d.path().join("data/insats/checklistor");
    fs::create_dir_all(&dir).expect("dir");
    // As an earlier insats saved Håbo's checklist: under the ASCII name.
    let old = "format = 1\nkommun = \"Håbo\"\n\n[indikator.30]\nstatus = \"uppfylld\"\n";
    fs::write(dir.join("habo.toml"), old).expect("write");
    let e = fails(d.path(), &["--kommun", "Habo", "checklista", "export"]);
    assert!(
        e.contains("är checklistan för kommunen \"Håbo\", inte \"Habo\""),
        "{e}"
    );
    let e = fails(
        d.path(),
        &["--kommun", "Habo", "checklista", "set", "31", "uppfylld"],
    );
    assert!(e.contains("inte \"Habo\""), "{e}");
    assert_eq!(
        fs::read_to_string(dir.join("habo.toml")).expect("read"),
        old
    );
    // Håbo still finds its checklist.
    let md = stdout(&ok(d.path(), &["--kommun", "Håbo", "checklista", "export"]));
    assert!(md.contains("### Uppfyllda\n\n- 30 "), "{md}");
}

#[test]
fn export_creates_nothing_on_disk() {
    let d = tempfile::tempdir().expect("dir");
    let e = fails(d.path(), &["--kommun", "Lund", "checklista", "export"]);
    assert!(e.contains("finns inte"), "{e}");
    let left: Vec<_> = fs::read_dir(d.path()).expect("dir").collect();
    assert!(left.is_empty(), "{left:?}");
}

// --- format 1 -----------------------------------------------------------------------------

/// A checklist as insats wrote it before statuses per område (format 1).
const FORMAT_1: &str =
    "# insats: checklista för Socialstyrelsens indikatorer (öppna jämförelser 2019).
# Status: \"uppfylld\", \"delvis\" (där indikatorn har en regel för delvis),
# \"ej uppfylld\" eller \"ej bedömd\". Filen sparas av insats vid varje ändring.
format = 1
kommun = \"Lund\"

# 3 Aktuell rutin för information om samordnad individuell plan (SIP)
[indikator.3]
status = \"ej uppfylld\"
anteckning = \"Saknas överallt\"

# 30 Hushållsekonomisk rådgivning erbjuds
[indikator.30]
status = \"uppfylld\"
";

#[test]
fn a_format_1_file_is_migrated_on_the_first_write_with_a_backup_and_told_once() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("lund.toml");
    fs::write(&f, FORMAT_1).expect("write");
    let fs_ = f.to_str().expect("path");
    // Reading tells what will happen and changes nothing.
    let out = ok(
        d.path(),
        &[
            "checklista",
            "export",
            "--format",
            "json",
            "--checklista",
            fs_,
        ],
    );
    assert!(stderr(&out).contains("format 1"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&f).expect("read"), FORMAT_1);
    // Its one status counts in each område.
    assert!(
        statuses_in_json(&json(&out), 3)
            .iter()
            .all(|s| s.ends_with("=ej uppfylld"))
    );

    let out = ok(
        d.path(),
        &[
            "checklista",
            "set",
            "3",
            "uppfylld",
            "--omrade",
            "lss",
            "--checklista",
            fs_,
        ],
    );
    let told = stderr(&out);
    assert!(told.contains("originalet finns kvar i"), "{told}");
    assert_eq!(told.lines().count(), 1, "told once: {told}");
    let backup = d.path().join("lund.format1.toml");
    assert_eq!(fs::read_to_string(&backup).expect("backup"), FORMAT_1);
    let now = fs::read_to_string(&f).expect("read");
    assert!(now.contains("format = 2\n"), "{now}");
    assert!(
        now.contains(
            "[indikator.3]\nstatus.ekonomiskt-bistand = \"ej uppfylld\"\nstatus.missbruk = \"ej uppfylld\"\nstatus.barn-och-unga = \"ej uppfylld\"\nstatus.lss = \"uppfylld\"\n"
        ),
        "{now}"
    );
    // The rest is as it was, comments included.
    assert!(now.contains(
        "# 30 Hushållsekonomisk rådgivning erbjuds\n[indikator.30]\nstatus = \"uppfylld\"\n"
    ));
    assert!(now.starts_with("# insats: checklista"));

    // Told once: the next change neither warns nor makes another backup.
    let out = ok(
        d.path(),
        &[
            "checklista",
            "set",
            "30",
            "ej-uppfylld",
            "--checklista",
            fs_,
        ],
    );
    assert!(!stderr(&out).contains("format"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&backup).expect("backup"), FORMAT_1);
    let backups = fs::read_dir(d.path())
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains("format1"))
        })
        .count();
    assert_eq!(backups, 1);
}

// --- edits that keep the file ---------------------------------------------------------------

#[test]
fn comments_key_order_and_unknown_keys_survive_byte_for_byte() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let original = "# Vår egen rubrik\nformat   = 2   # version\nkommun = 'Lund'\n\"rad\\nbrytning\" = 1\n\"ägare\" = { namn = \"Eva\" }\n\n[indikator.30]   # EB\n# vår kommentar\nanteckning = \"\"\"\nflera\nrader\"\"\"\nstatus = 'uppfylld'\negen = [1,2]\n\n[indikator.999]\nstatus = \"delvis\"\n";
    fs::write(&f, original).expect("write");
    let fs_ = f.to_str().expect("path");
    let out = ok(
        d.path(),
        &["checklista", "set", "31", "uppfylld", "--checklista", fs_],
    );
    // The unknown keys are reported: the one with a line break made visible.
    assert!(stderr(&out).contains("rad^Jbrytning"), "{}", stderr(&out));
    let now = fs::read_to_string(&f).expect("read");
    // Every line of the original is still there, in order.
    let mut rest = now.as_str();
    for line in original.lines() {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} lost in\n{now}"));
        rest = &rest[at + line.len()..];
    }
    assert!(
        now.contains("[indikator.31]\nstatus = \"uppfylld\"\n"),
        "{now}"
    );
    // And the file reads back, the key with a line break included.
    let t: toml::Table = toml::from_str(&now).expect("still TOML");
    assert_eq!(t["rad\nbrytning"].as_integer(), Some(1));
    // Clearing the status takes away only what insats wrote.
    ok(
        d.path(),
        &["checklista", "set", "31", "ej-bedomd", "--checklista", fs_],
    );
    assert_eq!(fs::read_to_string(&f).expect("read"), original);
}

#[test]
fn duplicate_numbers_are_an_error_naming_both_lines() {
    let text = "format = 2\n\n[indikator.30]\nstatus = \"uppfylld\"\n\n[indikator.030]\nstatus = \"ej uppfylld\"\n";
    let e = file::parse(text, Path::new("x.toml"), &Rules::new(&indikatorer()))
        .expect_err("refused")
        .to_string();
    assert!(e.starts_with("x.toml:6:"), "{e}");
    assert!(
        e.contains("[indikator.30] på rad 3 och [indikator.030] på rad 6"),
        "{e}"
    );
}

#[test]
fn tens_of_thousands_of_unknown_keys_are_each_reported_at_their_line() {
    let mut text = String::from("format = 2\n");
    for k in 0..80_000 {
        text.push_str(&format!("okand_{k} = {k}\n"));
    }
    let p = file::parse(&text, Path::new("x.toml"), &Rules::new(&indikatorer())).expect("parses");
    assert_eq!(p.warnings.len(), 80_000);
    assert_eq!(p.warnings[0].line, 2);
    assert_eq!(p.warnings[79_999].line, 80_001);
    assert!(p.warnings[79_999].message.contains("okand_79999"));
}

#[test]
fn a_text_that_would_not_read_back_the_same_is_never_written() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    // An unknown entry the dataset lacks is kept; dropping it (here: saving over a document
    // that never had it) would change what the file says, so the save is refused.
    fs::write(&f, "format = 2\n[indikator.500]\nstatus = \"uppfylld\"\n").expect("write");
    let mut o = Store::open(&f, &indikatorer()).expect("opens");
    o.checklist
        .set_status(30, Scope::Omrade(O::EkonomisktBistand), Status::Uppfylld)
        .expect("ok");
    let empty = file::parse("", &f, o.checklist.rules()).expect("empty").doc;
    let e = file::render(&empty, &o.checklist, &f, |_| None).expect_err("refused");
    assert!(e.to_string().contains("kan inte skrivas tillbaka"), "{e}");
    // Through the store (with the document it read) it saves.
    assert!(o.store.save(&o.checklist).expect("saves"));
}

// --- only regular files ---------------------------------------------------------------------

/// Run `args` and wait at most a generous while: a checklist that blocks (a FIFO) must not
/// hang the program. The child is killed if it does.
#[cfg(unix)]
fn run_bounded(home: &Path, args: &[&str]) -> Output {
    use std::io::Read as _;
    use std::time::{Duration, Instant};
    let mut child = crate::common::insats_at(home)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    child
        .stdout
        .take()
        .expect("out")
        .read_to_end(&mut out)
        .expect("read");
    child
        .stderr
        .take()
        .expect("err")
        .read_to_end(&mut err)
        .expect("read");
    Output {
        status: child.wait().expect("status"),
        stdout: out,
        stderr: err,
    }
}

#[cfg(unix)]
#[test]
fn devices_fifos_sockets_and_dangling_links_are_refused_and_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().expect("dir");
    let fifo = d.path().join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().expect("path")).expect("c");
    // SAFETY: a valid path; mkfifo only creates the FIFO.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let socket = d.path().join("socket.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
    let dangling = d.path().join("dangling.toml");
    std::os::unix::fs::symlink(d.path().join("gone.toml"), &dangling).expect("link");

    for (path, word) in [
        (Path::new("/dev/null"), "en enhetsfil"),
        (fifo.as_path(), "FIFO"),
        (socket.as_path(), "en socket"),
        (dangling.as_path(), "som inte finns"),
    ] {
        let p = path.to_str().expect("path");
        for args in [
            vec!["checklista", "set", "30", "uppfylld", "--checklista", p],
            vec!["checklista", "export", "--checklista", p],
        ] {
            let out = run_bounded(d.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let e = stderr(&out);
            assert!(e.contains(word), "{args:?}: {e}");
        }
    }
    assert!(
        fs::metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );
    assert!(
        fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
    assert!(
        fs::symlink_metadata(&socket)
            .expect("meta")
            .file_type()
            .is_socket()
    );
    assert!(
        fs::symlink_metadata(&dangling)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(!d.path().join("gone.toml").exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_for_writing_kept_and_shown_with_its_statuses() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let text = "format = 2\n[indikator.30]\nstatus = \"uppfylld\"\n";
    fs::write(&f, text).expect("write");
    fs::set_permissions(&f, fs::Permissions::from_mode(0o444)).expect("chmod");
    let fs_ = f.to_str().expect("path");
    let e = fails(
        d.path(),
        &["checklista", "set", "31", "uppfylld", "--checklista", fs_],
    );
    assert!(e.contains("skrivskyddad"), "{e}");
    assert_eq!(fs::read_to_string(&f).expect("read"), text);
    let mode = fs::metadata(&f).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);

    // The app shows the statuses and says why it cannot save.
    let o = insats::checklist::AppOpened::open(&f, None, &indikatorer());
    assert!(o.store.is_none());
    assert!(
        o.read_only
            .as_deref()
            .is_some_and(|r| r.contains("skrivskyddad"))
    );
    assert_eq!(
        o.checklist.status(30, O::EkonomisktBistand),
        Status::Uppfylld
    );
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_opens_read_only_with_its_statuses() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid only reads the process's user id.
    if unsafe { libc::geteuid() } == 0 {
        // Root writes into any folder: there the folder is not read-only (the read-only file
        // case above covers root).
        return;
    }
    let d = tempfile::tempdir().expect("dir");
    let dir = d.path().join("ro");
    fs::create_dir(&dir).expect("dir");
    let f = dir.join("x.toml");
    fs::write(&f, "format = 2\n[indikator.30]\nstatus = \"uppfylld\"\n").expect("write");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    let o = insats::checklist::AppOpened::open(&f, None, &indikatorer());
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert!(
        o.read_only
            .as_deref()
            .is_some_and(|r| r.contains("inte skrivbar")),
        "{:?}",
        o.read_only
    );
    assert_eq!(
        o.checklist.status(30, O::EkonomisktBistand),
        Status::Uppfylld
    );
}

#[cfg(unix)]
#[test]
fn the_format_1_backup_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("lund.toml");
    fs::write(&f, FORMAT_1).expect("write");
    fs::set_permissions(&f, fs::Permissions::from_mode(0o600)).expect("chmod");
    ok(
        d.path(),
        &[
            "checklista",
            "set",
            "30",
            "ej-uppfylld",
            "--checklista",
            f.to_str().expect("p"),
        ],
    );
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&f), 0o600);
    assert_eq!(mode(&d.path().join("lund.format1.toml")), 0o600);
}

#[cfg(unix)]
#[test]
fn temp_files_of_dead_processes_are_removed_on_the_next_save() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    // A pid that surely ran and is gone: a child that has exited and been waited for.
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = d.path().join(format!(".x.toml.tmp.{dead}.0"));
    let live = d
        .path()
        .join(format!(".x.toml.tmp.{}.7", std::process::id()));
    let other = d.path().join(".y.toml.tmp.1.0");
    for p in [&stale, &live, &other] {
        fs::write(p, "half a save").expect("write");
    }
    ok(
        d.path(),
        &[
            "checklista",
            "set",
            "30",
            "uppfylld",
            "--checklista",
            f.to_str().expect("path"),
        ],
    );
    assert!(!stale.exists(), "a dead writer's temp file is removed");
    assert!(live.exists(), "a running process's temp file is left alone");
    assert!(other.exists(), "another file's temp file is left alone");
}

// --- nothing raw on a terminal --------------------------------------------------------------

#[test]
fn warnings_on_stderr_and_json_never_carry_raw_controls() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    fs::write(
        &f,
        "format = 2\n\"\\u001b]0;titel\\u0007\\u001b[2J\" = 1\n[indikator.30]\nstatus = \"uppfylld\"\nanteckning = \"a\\u009bb\\u202ec\"\n",
    )
    .expect("write");
    let fs_ = f.to_str().expect("path");
    let out = ok(
        d.path(),
        &[
            "checklista",
            "export",
            "--format",
            "json",
            "--checklista",
            fs_,
        ],
    );
    let e = stderr(&out);
    assert!(!e.contains('\x1b') && !e.contains('\x07'), "{e:?}");
    assert!(e.contains("^[]0;titel^G^[[2J"), "{e}");
    let raw = stdout(&out);
    assert!(
        !raw.contains('\u{9b}') && !raw.contains('\u{202e}'),
        "{raw}"
    );
    assert!(raw.contains("a\\u009bb\\u202ec"), "{raw}");
    assert_eq!(
        json(&out)["omraden"][0]["indikatorer"]
            .as_array()
            .expect("a")
            .iter()
            .find(|i| i["nummer"] == 30)
            .expect("30")["anteckning"],
        "a\u{9b}b\u{202e}c"
    );
}

#[cfg(unix)]
#[test]
fn csv_on_a_terminal_shows_control_characters_visibly() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read as _;
    use std::time::Duration;
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    fs::write(
        &f,
        "format = 2\n[indikator.30]\nstatus = \"uppfylld\"\nanteckning = \"\\u001b]0;hej\\u0007\\u001b[2J\"\n",
    )
    .expect("write");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_insats"));
    cmd.args([
        "checklista",
        "export",
        "--format",
        "csv",
        "--checklista",
        f.to_str().expect("p"),
    ]);
    cmd.env("HOME", d.path());
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    assert!(child.wait().expect("exit").success());
    drop(pair.master);
    let out = rx.recv_timeout(Duration::from_secs(20)).expect("output");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("^[]0;hej^G^[[2J"), "{text}");
    assert!(!out.contains(&0x1b) && !out.contains(&0x07), "{text:?}");
}

// --- the parser, with generated unknown keys -----------------------------------------------

mod generated {
    use super::*;
    use proptest::prelude::*;

    /// `Store::open`, tried again for a moment when the file is locked. Other tests in this
    /// binary start `insats` processes; a child forked just before a store is dropped holds a
    /// copy of its locked descriptor until it runs `exec`, so the next open of the same file
    /// can find it locked for a few milliseconds. No other process ever opens these files.
    fn open_between_forks(
        f: &Path,
    ) -> Result<insats::checklist::Opened, insats::checklist::ChecklistError> {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(2);
        loop {
            match Store::open(f, &indikatorer()) {
                Err(insats::checklist::ChecklistError::Locked { .. })
                    if std::time::Instant::now() < until =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }

    proptest! {
        #![proptest_config(crate::common::proptest_config(48))]

        /// Unknown keys of any text (line breaks, quotes, controls, non-ASCII) at the top and
        /// in an entry survive a status change, a save and a second read, each line as it was.
        #[test]
        fn unknown_keys_survive_save_and_reread(
            top in proptest::collection::vec("\\PC{0,12}|[\\n\\r\\t\"'\\\\\\u{1b}\\u{9b}åäö ]{1,6}", 1..6),
            inner in proptest::collection::vec("[a-zåäö_\\-\\n\" ]{1,8}", 0..4),
        ) {
            let d = tempfile::tempdir().expect("dir");
            let f = d.path().join("x.toml");
            let mut text = String::from("format = 2\n");
            let mut top: Vec<String> = top.into_iter().filter(|k| !matches!(k.as_str(), "format" | "kommun" | "indikator")).collect();
            top.sort();
            top.dedup();
            for (n, k) in top.iter().enumerate() {
                text.push_str(&format!("{} = {n}\n", toml_edit::Key::new(k.as_str()).display_repr()));
            }
            text.push_str("\n[indikator.30]\nstatus = \"uppfylld\"\n");
            let mut inner: Vec<String> = inner.into_iter().filter(|k| !matches!(k.as_str(), "status" | "anteckning")).collect();
            inner.sort();
            inner.dedup();
            for k in &inner {
                text.push_str(&format!("{} = \"v\"\n", toml_edit::Key::new(k.as_str()).display_repr()));
            }
            fs::write(&f, &text).expect("write");
            let mut o = open_between_forks(&f).expect("opens");
            prop_assert_eq!(o.warnings.len(), top.len() + inner.len());
            o.checklist.set_status(31, Scope::Omrade(O::EkonomisktBistand), Status::Delvis).expect("ok");
            o.checklist.set_note(30, "ny\nrad").expect("ok");
            prop_assert!(o.store.save(&o.checklist).expect("saves"));
            drop(o);
            let saved = fs::read_to_string(&f).expect("read");
            for line in text.lines().filter(|l| !l.is_empty()) {
                prop_assert!(saved.contains(line), "{:?} lost in {:?}", line, saved);
            }
            let back = open_between_forks(&f).expect("reads back");
            prop_assert_eq!(back.warnings.len(), top.len() + inner.len());
            prop_assert_eq!(back.checklist.status(31, O::EkonomisktBistand), Status::Delvis);
            prop_assert_eq!(back.checklist.note(30), "ny\nrad");
            let t: toml::Table = toml::from_str(&saved).expect("TOML");
            for k in &top {
                prop_assert!(t.contains_key(k.as_str()), "{:?}", k);
            }
        }
    }
}
