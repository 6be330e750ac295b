//! The real binary: `insats checklista set` and `insats checklista export`, the file it
//! keeps for `--kommun` and `--checklista`, and its refusals (bad file, locked file).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use insats::checklist::Store;
use insats::data::{self, Source};

fn run(home: &Path, args: &[&str]) -> Output {
    crate::common::run_at(home, args)
}

fn ok(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Exit code 2, and the message on stderr.
fn fails(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).expect("UTF-8")
}

/// The scenario of the issue: three indikatorer in two områden, a note, a bakgrundsmått note.
fn scenario(home: &Path, target: &[&str]) {
    for args in [
        &["checklista", "set", "12", "uppfylld", "--omrade", "lss"][..],
        &[
            "checklista",
            "set",
            "30",
            "ej-uppfylld",
            "--anteckning",
            "Rutinen saknas.\nTas upp i nämnden i maj.",
        ],
        &["checklista", "set", "11", "delvis", "--omrade", "alla"],
        &[
            "checklista",
            "set",
            "49",
            "--note",
            "Mäts i verksamhetssystemet",
        ],
    ] {
        let mut a = args.to_vec();
        a.extend_from_slice(target);
        ok(home, &a);
    }
}

#[test]
fn set_prints_the_entry_and_the_counts_of_its_omraden() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let f = f.to_str().expect("path");
    let out = ok(
        d.path(),
        &[
            "checklista",
            "set",
            "12",
            "uppfylld",
            "--omrade",
            "LSS",
            "--checklista",
            f,
        ],
    );
    assert_eq!(
        out,
        "12 Använder IBIC (Individens behov i centrum) vid alla utredningar:\n  LSS: uppfylld (1 av 19 uppfyllda · 1 bedömda)\n  Socialpsykiatri: ej bedömd (0 av 31 uppfyllda · 0 bedömda)\n  Äldreomsorg: ej bedömd (0 av 18 uppfyllda · 0 bedömda)\n"
    );
    let out = ok(
        d.path(),
        &[
            "checklista",
            "set",
            "12",
            "--anteckning",
            "Sedan 2018",
            "--checklista",
            f,
        ],
    );
    assert!(out.starts_with("12 Använder IBIC (Individens behov i centrum) vid alla utredningar: (med anteckning)\n  LSS: uppfylld"), "{out}");
    let text = fs::read_to_string(f).expect("file");
    assert!(
        text.contains("[indikator.12]\nstatus.lss = \"uppfylld\"\nanteckning = \"Sedan 2018\"\n"),
        "{text}"
    );
    ok(
        d.path(),
        &[
            "checklista",
            "set",
            "12",
            "--anteckning",
            "",
            "--checklista",
            f,
        ],
    );
    assert!(!fs::read_to_string(f).expect("file").contains("anteckning"));
}

#[test]
fn export_csv_lists_the_marks_and_the_note() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let f = f.to_str().expect("path");
    scenario(d.path(), &["--checklista", f]);
    let csv_text = ok(
        d.path(),
        &["checklista", "export", "--checklista", f, "--format", "csv"],
    );
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "omrade",
            "uppfyllda",
            "totalt",
            "nummer",
            "titel",
            "slag",
            "status",
            "anteckning",
            "kriterier",
            "delvis",
            "fragor"
        ]
    );
    let mut marked = String::new();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.expect("record");
        rows += 1;
        if rec[6] != *"ej bedömd" {
            marked.push_str(&format!(
                "{} | {}/{} | {} | {} | {} | {:?}\n",
                &rec[0], &rec[1], &rec[2], &rec[3], &rec[5], &rec[6], &rec[7]
            ));
        }
    }
    // Every counted indikator of every område (shared ones once per område), plus 49.
    assert_eq!(rows, 29 + 4 + 23 + 27 + 19 + 31 + 22 + 18 + 7 + 1);
    insta::assert_snapshot!(marked, @r#"
    Ekonomiskt bistånd | 0/29 | 30 | indikator | ej uppfylld | "Rutinen saknas.\nTas upp i nämnden i maj."
    Missbruks- och beroendevården | 0/23 | 49 | bakgrundsmått |  | "Mäts i verksamhetssystemet"
    LSS | 1/19 | 11 | indikator | delvis | ""
    LSS | 1/19 | 12 | indikator | uppfylld | ""
    Socialpsykiatri | 0/31 | 11 | indikator | delvis | ""
    Äldreomsorg | 0/18 | 11 | indikator | delvis | ""
    "#);
}

#[test]
fn export_markdown_is_a_handout_per_omrade() {
    let d = tempfile::tempdir().expect("dir");
    scenario(d.path(), &["--kommun", "Malmö"]);
    let md = ok(d.path(), &["checklista", "export", "--kommun", "Malmö"]);
    insta::assert_snapshot!("export_markdown", md);
}

#[test]
fn export_json_has_counts_per_omrade_and_every_indikator() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let f = f.to_str().expect("path");
    scenario(d.path(), &["--checklista", f, "--kommun", "Lund"]);
    let v: serde_json::Value = serde_json::from_str(&ok(
        d.path(),
        &[
            "checklista",
            "export",
            "--format",
            "json",
            "--checklista",
            f,
        ],
    ))
    .expect("JSON");
    assert_eq!(v["kommun"], "Lund");
    // Each indikator counted in each of its områden.
    assert_eq!(v["totalt"]["totalt"], 180);
    assert_eq!(v["totalt"]["uppfyllda"], 1);
    let summary: Vec<String> = v["omraden"]
        .as_array()
        .expect("array")
        .iter()
        .map(|o| {
            let a = &o["antal"];
            let marked: Vec<String> = o["indikatorer"]
                .as_array()
                .expect("array")
                .iter()
                .filter(|i| i["status"] != "ej bedömd")
                .map(|i| format!("{}={}", i["nummer"], i["status"]))
                .collect();
            format!(
                "{}: {}/{} delvis {} ej {} [{}]",
                o["omrade"].as_str().expect("str"),
                a["uppfyllda"],
                a["totalt"],
                a["delvis"],
                a["ej_uppfyllda"],
                marked.join(" ")
            )
        })
        .collect();
    insta::assert_snapshot!(summary.join("\n"), @r#"
    Ekonomiskt bistånd: 0/29 delvis 0 ej 1 [30="ej uppfylld"]
    Krisberedskap: 0/4 delvis 0 ej 0 []
    Missbruks- och beroendevården: 0/23 delvis 0 ej 0 [49=null]
    Social barn- och ungdomsvård: 0/27 delvis 0 ej 0 []
    LSS: 1/19 delvis 1 ej 0 [11="delvis" 12="uppfylld"]
    Socialpsykiatri: 0/31 delvis 1 ej 0 [11="delvis"]
    Våld i nära relation: 0/22 delvis 0 ej 0 []
    Äldreomsorg: 0/18 delvis 1 ej 0 [11="delvis"]
    Kommunal hälso- och sjukvård: 0/7 delvis 0 ej 0 []
    "#);
}

#[test]
fn kommun_keeps_its_file_under_xdg_data_home_or_home() {
    let d = tempfile::tempdir().expect("dir");
    ok(
        d.path(),
        &[
            "--kommun",
            "Upplands Väsby",
            "checklista",
            "set",
            "1",
            "uppfylld",
        ],
    );
    let file = d.path().join("data/insats/checklistor/upplands-väsby.toml");
    let text = fs::read_to_string(&file).expect("the kommun's file");
    assert!(text.contains("kommun = \"Upplands Väsby\"\n"), "{text}");

    // Unset, or relative (which the XDG rules say to ignore): the home directory's.
    #[cfg(unix)]
    for xdg in [None, Some("relativ/katalog")] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_insats"));
        cmd.args(["checklista", "set", "1", "uppfylld", "--kommun", "Lund"])
            .env("HOME", d.path())
            .current_dir(d.path());
        match xdg {
            Some(v) => cmd.env("XDG_DATA_HOME", v),
            None => cmd.env_remove("XDG_DATA_HOME"),
        };
        let out = cmd.output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = d.path().join(".local/share/insats/checklistor/lund.toml");
        assert!(file.exists(), "{xdg:?}");
        fs::remove_file(&file).expect("remove");
        assert!(!d.path().join("relativ").exists());
    }
}

#[test]
fn a_checklist_must_be_named_and_must_exist_to_be_exported() {
    let d = tempfile::tempdir().expect("dir");
    let e = fails(d.path(), &["checklista", "export"]);
    assert_eq!(
        e,
        "insats: ange vilken checklista: --kommun NAMN eller --checklista FIL\n"
    );
    let e = fails(d.path(), &["checklista", "export", "--kommun", "Lund"]);
    assert!(
        e.contains("lund.toml: finns inte; en checklista skapas när den första statusen sätts"),
        "{e}"
    );
    let e = fails(d.path(), &["checklista", "set", "12", "--kommun", "Lund"]);
    assert!(e.contains("ange en status"), "{e}");
}

#[test]
fn refused_changes_exit_2_and_leave_the_file_alone() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let fs_ = f.to_str().expect("path");
    ok(
        d.path(),
        &["checklista", "set", "30", "uppfylld", "--checklista", fs_],
    );
    let before = fs::read(&f).expect("file");
    for (args, want) in [
        (
            vec!["30", "delvis"],
            "insats: indikator 30 har ingen regel för delvis uppfylld\n",
        ),
        (
            vec!["49", "uppfylld"],
            "insats: 49 är ett bakgrundsmått: det bedöms inte, men kan ha en anteckning\n",
        ),
        (
            vec!["100", "uppfylld"],
            "insats: det finns ingen indikator med nummer 100\n",
        ),
    ] {
        let mut a = vec!["checklista", "set"];
        a.extend(args);
        a.extend(["--checklista", fs_]);
        assert_eq!(fails(d.path(), &a), want);
        assert_eq!(fs::read(&f).expect("file"), before);
    }
    let e = fails(
        d.path(),
        &["checklista", "set", "30", "klar", "--checklista", fs_],
    );
    assert!(e.contains("okänd status \"klar\""), "{e}");
}

#[test]
fn a_corrupt_file_is_reported_with_line_and_key_and_kept_byte_for_byte() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let bytes = b"format = 1\n\n[indikator.12]\nstatus = \"uppfyld\"\n# handskriven kommentar\n";
    fs::write(&f, bytes).expect("write");
    let fs_ = f.to_str().expect("path");
    for args in [
        vec!["checklista", "set", "1", "uppfylld", "--checklista", fs_],
        vec!["checklista", "export", "--checklista", fs_],
    ] {
        let e = fails(d.path(), &args);
        assert_eq!(
            e,
            format!(
                "insats: {fs_}:4: nyckeln `indikator.12.status`: okänd status \"uppfyld\" (giltiga: \"uppfylld\", \"delvis\", \"ej uppfylld\", \"ej bedömd\"); filen lämnas orörd\n"
            )
        );
        assert_eq!(fs::read(&f).expect("file"), bytes);
    }
}

#[test]
fn a_second_writer_is_refused_while_the_file_is_open() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let fs_ = f.to_str().expect("path");
    ok(
        d.path(),
        &["checklista", "set", "1", "uppfylld", "--checklista", fs_],
    );
    let before = fs::read(&f).expect("file");
    let catalog = data::load(&Source::Embedded).expect("loads");
    let held = Store::open(&f, &catalog.indikatorer).expect("this process holds the lock");
    let e = fails(
        d.path(),
        &["checklista", "set", "1", "ej-uppfylld", "--checklista", fs_],
    );
    assert_eq!(
        e,
        format!(
            "insats: {fs_}: används redan av programmet insats i process {}; öppna den när den är stängd, eller ange en annan fil med --checklista\n",
            std::process::id()
        )
    );
    assert_eq!(fs::read(&f).expect("file"), before);
    // Export only reads, so it works while the file is open elsewhere.
    assert!(ok(d.path(), &["checklista", "export", "--checklista", fs_]).contains("### Uppfyllda"));
    drop(held);
    ok(
        d.path(),
        &["checklista", "set", "1", "ej-uppfylld", "--checklista", fs_],
    );
}

#[test]
fn unknown_numbers_are_reported_and_kept_by_set() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    fs::write(
        &f,
        "format = 1\n[indikator.140]\nstatus = \"uppfylld\"\nanteckning = \"2021\"\n",
    )
    .expect("write");
    let fs_ = f.to_str().expect("path");
    let out = run(
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
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(&format!(
            "insats: varning: {fs_}:2: indikator 140 finns inte i datan; posten behålls i filen som den är\n"
        )),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["okanda"], serde_json::json!([140]));
    ok(
        d.path(),
        &["checklista", "set", "1", "uppfylld", "--checklista", fs_],
    );
    let t: toml::Table = toml::from_str(&fs::read_to_string(&f).expect("file")).expect("toml");
    assert_eq!(t["indikator"]["140"]["anteckning"].as_str(), Some("2021"));
    assert_eq!(t["indikator"]["1"]["status"].as_str(), Some("uppfylld"));
}

#[test]
fn control_characters_in_a_note_never_reach_the_terminal_raw_in_markdown() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    let fs_ = f.to_str().expect("path");
    let hostile = "rött\x1b[31m och titel\x1b]0;hej\x07 och\rretur";
    ok(
        d.path(),
        &[
            "checklista",
            "set",
            "30",
            "ej-uppfylld",
            "--anteckning",
            hostile,
            "--checklista",
            fs_,
        ],
    );
    let md = ok(d.path(), &["checklista", "export", "--checklista", fs_]);
    assert!(!md.contains('\x1b') && !md.contains('\x07') && !md.contains('\r'));
    assert!(
        md.contains("> rött^[[31m och titel^[]0;hej^G och^Mretur\n"),
        "{md}"
    );
    // The file keeps the note exactly.
    let o = Store::open_read_only(
        &f,
        &data::load(&Source::Embedded).expect("loads").indikatorer,
    )
    .expect("reads");
    assert_eq!(o.checklist.note(30), hostile);
}

/// HOME unset: the commands run, and an absolute XDG_DATA_HOME still names the folder.
#[cfg(unix)]
#[test]
fn without_home_the_commands_run_and_xdg_data_home_still_counts() {
    let d = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(["search", "mi", "--limit", "1", "--format", "tsv"])
        .env_remove("HOME")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(["checklista", "set", "1", "uppfylld", "--kommun", "Lund"])
        .env_remove("HOME")
        .env("XDG_DATA_HOME", d.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(d.path().join("insats/checklistor/lund.toml").exists());
}
