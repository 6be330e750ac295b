//! Bad `--data` directories given to the real binary: every case, in every data file where it
//! applies, ends with exit status 2 and a one-paragraph message on stderr naming file, line
//! and field, and never a panic.

use crate::common;

use common::datadir::{DataDir, FILES, Records};

/// Run `insats --data DIR export` and check the failure: status 2, nothing on stdout, one
/// paragraph on stderr containing every one of `wanted`, no panic.
fn fails_with_all(d: &DataDir, wanted: &[&str]) {
    let out = d.run(&["export"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "status for {wanted:?}; stderr: {err}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout for {wanted:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("insats: "), "{err}");
    for want in wanted {
        assert!(err.contains(want), "stderr:\n{err}\nwanted: {want}");
    }
    assert_eq!(err.trim_end().lines().count(), 1, "one paragraph: {err}");
    assert!(err.len() < 1000, "short: {} bytes", err.len());
}

fn fails_with(d: &DataDir, want: &str) {
    fails_with_all(d, &[want]);
}

/// The 1-based line on which data row `k` starts once `r` is written as CSV.
fn line_of(r: &Records, k: usize) -> usize {
    let before = Records {
        header: r.header.clone(),
        rows: r.rows[..k].to_vec(),
    };
    1 + before.to_csv().iter().filter(|&&b| b == b'\n').count()
}

/// A directory where `file` is the committed one changed by `f`; returns it and the line of
/// data row `k` in the changed file.
fn edited(file: &str, k: usize, f: impl FnOnce(&mut Records)) -> (DataDir, usize) {
    let d = DataDir::committed();
    let mut r = DataDir::records(file);
    f(&mut r);
    d.write(file, &r.to_csv());
    (d, line_of(&r, k))
}

#[test]
fn a_missing_file() {
    for f in FILES {
        let d = DataDir::committed();
        d.remove(f);
        fails_with(&d, &format!("{f}: kan inte läsas"));
    }
}

#[test]
fn an_empty_file() {
    for f in FILES {
        let d = DataDir::committed();
        d.write(f, b"");
        fails_with(&d, &format!("{f}: filen är tom"));
    }
}

#[test]
fn a_wrong_header() {
    for f in FILES {
        let (d, _) = edited(f, 0, |r| r.header[1] = "fel".into());
        fails_with(&d, &format!("{f}:1: fel rubrikrad: kolumn 2 heter \"fel\""));
    }
}

#[test]
fn a_missing_header() {
    for f in FILES {
        let d = DataDir::committed();
        let text = DataDir::text(f);
        let (_, rows) = text.split_once('\n').expect("a header line");
        d.write(f, rows.as_bytes());
        fails_with(&d, &format!("{f}:1: fel rubrikrad: rubrikraden saknas"));
    }
}

#[test]
fn a_wrong_type() {
    for (f, field, value, says) in [
        (
            "insatser.csv",
            "ges_antal",
            "många",
            "\"många\" är inte ett heltal",
        ),
        ("skane.csv", "andel", "hög", "\"hög\" är inte ett heltal"),
        (
            "lagesrapport.csv",
            "punkt",
            "första",
            "\"första\" är inte ett heltal",
        ),
        (
            "indikatorer.csv",
            "bakgrundsmatt",
            "kanske",
            "varken true eller false",
        ),
        (
            "indikator_fragor.csv",
            "nummer",
            "ett",
            "\"ett\" är inte ett heltal",
        ),
    ] {
        let (d, line) = edited(f, 0, |r| r.set(0, field, value));
        fails_with_all(&d, &[&format!("{f}:{line}: fältet `{field}`: "), says]);
    }
}

#[test]
fn an_unknown_omrade() {
    for (f, field) in [
        ("insatser.csv", "omrade"),
        ("lagesrapport.csv", "omraden"),
        ("indikatorer.csv", "omraden"),
    ] {
        let (d, line) = edited(f, 2, |r| r.set(2, field, "skola"));
        fails_with(
            &d,
            &format!("{f}:{line}: fältet `{field}`: okänt område \"skola\""),
        );
    }
}

#[test]
fn a_duplicate_id() {
    for (f, field, says) in [
        ("insatser.csv", "id", "finns redan på en tidigare rad"),
        ("lagesrapport.csv", "id", "finns redan på en tidigare rad"),
        ("indikatorer.csv", "nummer", "nummer 1 finns redan"),
        (
            "indikator_fragor.csv",
            "fraga_id",
            "indikator 1 har redan en fråga \"i\"",
        ),
        // Skåne rows have no id: a repeated row breaks the ranking.
        ("skane.csv", "rang", "1, väntade 2"),
    ] {
        let (d, line) = edited(f, 1, |r| {
            let first = r.rows[0].clone();
            r.rows.insert(1, first);
        });
        fails_with_all(&d, &[&format!("{f}:{line}: fältet `{field}`: "), says]);
    }
}

#[test]
fn a_dangling_link() {
    let (d, line) = edited("skane.csv", 3, |r| {
        r.set(3, "insats_id", "missbruk-5.2-finns-inte");
    });
    fails_with(
        &d,
        &format!(
            "skane.csv:{line}: fältet `insats_id`: ingen insats med id \"missbruk-5.2-finns-inte\""
        ),
    );
    // A koppling to an insats or an indikator that is not there.
    let (d, line) = edited("kopplingar.csv", 1, |r| {
        r.set(1, "insats_id", "aldre-9.9-finns-inte");
    });
    fails_with(
        &d,
        &format!(
            "kopplingar.csv:{line}: fältet `insats_id`: ingen insats med id \"aldre-9.9-finns-inte\""
        ),
    );
    let (d, line) = edited("kopplingar.csv", 1, |r| r.set(1, "indikator", "100"));
    fails_with(
        &d,
        &format!("kopplingar.csv:{line}: fältet `indikator`: ingen indikator med nummer 100"),
    );
    // A question of an indikator that is not there.
    let d = DataDir::committed();
    let mut r = DataDir::records("indikatorer.csv");
    r.rows.retain(|row| row[0] != "2");
    d.write("indikatorer.csv", &r.to_csv());
    let fragor = DataDir::records("indikator_fragor.csv");
    let k = fragor
        .rows
        .iter()
        .position(|row| row[0] == "2")
        .expect("fråga of 2");
    fails_with(
        &d,
        &format!(
            "indikator_fragor.csv:{}: fältet `nummer`: frågan hör till indikator 2, som inte finns",
            line_of(&fragor, k)
        ),
    );
}

#[test]
fn non_utf8_bytes() {
    for (f, field) in [
        ("insatser.csv", "namn"),
        ("skane.csv", "namn"),
        ("lagesrapport.csv", "text"),
        ("indikatorer.csv", "titel"),
        ("indikator_fragor.csv", "fraga"),
        ("kopplingar.csv", "skal"),
    ] {
        let d = DataDir::committed();
        let mut r = DataDir::records(f);
        r.set(1, field, "Latin-1 \u{1} här");
        let mut bytes = r.to_csv();
        let at = bytes.iter().position(|&b| b == 1).expect("marker");
        bytes[at] = 0xe4; // "ä" in Latin-1
        d.write(f, &bytes);
        fails_with(
            &d,
            &format!(
                "{f}:{}: fältet `{field}`: filen är inte giltig UTF-8",
                line_of(&r, 1)
            ),
        );
    }
}

#[test]
fn a_truncated_last_line() {
    for f in FILES {
        let d = DataDir::committed();
        let r = DataDir::records(f);
        let last = r.rows.len() - 1;
        let text = String::from_utf8(r.to_csv()).expect("UTF-8");
        let start = Records {
            header: r.header.clone(),
            rows: r.rows[..last].to_vec(),
        }
        .to_csv()
        .len();
        let mut cut = start + (text.len() - start) / 2;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        d.write(f, &text.as_bytes()[..cut]);
        // Cut inside a field of free text, the row can still have every field: then the
        // missing line break at the end tells.
        fails_with_all(&d, &[&format!("{f}:{}: ", line_of(&r, last)), "avklippt"]);
    }
}

#[test]
fn a_10_mb_field() {
    let huge = "x".repeat(10 * 1024 * 1024);
    for (f, field) in [
        ("insatser.csv", "forklaring"),
        ("skane.csv", "avsnitt"),
        ("lagesrapport.csv", "text"),
        ("indikatorer.csv", "syfte"),
        ("indikator_fragor.csv", "fraga"),
        ("kopplingar.csv", "skal"),
    ] {
        let (d, line) = edited(f, 0, |r| r.set(0, field, &huge));
        fails_with(
            &d,
            &format!("{f}:{line}: fältet `{field}`: 10485760 byte långt, högst 65536"),
        );
    }
}

#[test]
fn the_app_stops_before_the_terminal_changes() {
    let d = DataDir::committed();
    d.write("skane.csv", b"");
    // No subcommand: the interactive app, which must fail before it draws.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
        .arg("--data")
        .arg(d.path())
        .env("XDG_CONFIG_HOME", d.path())
        .env("APPDATA", d.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("skane.csv: filen är tom"));
}

/// `insats search` reads only `insatser.csv`: a broken file it does not read does not stop
/// it, while every other command still reports that file; a broken `insatser.csv` stops it.
#[test]
fn search_reads_only_the_insatser() {
    let d = DataDir::committed();
    d.write("indikatorer.csv", b"nummer,titel\n1,\"trasig\n");
    let out = d.run(&["search", "hvb", "--format", "tsv"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hem för vård eller boende (HVB)"));
    fails_with(&d, "indikatorer.csv");

    let d = DataDir::committed();
    d.write("insatser.csv", b"id,omrade\n");
    let out = d.run(&["search", "hvb"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("insatser.csv"));
}
