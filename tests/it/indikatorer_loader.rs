//! Bad `indikatorer.csv` / `indikator_fragor.csv` files: each message names file, line and
//! field.

use std::path::Path;

use insats::data::{self, Source, indikatorer, kopplingar};

const HEADER: &str = "nummer,titel,markering,omraden,bakgrundsmatt,matt,matenhet,syfte,riktning,typ,kvalitetsdimension,kriterier,delvis,taljare,namnare,definitioner,kommentar,kallrad";
const ROW_1: &str = "1,Aktuell rutin,,Ekonomiskt bistånd,false,Kommunen har en rutin,Procent,,,Struktur,Säker,\"För att uppnå indikatorn på kommunnivå krävs:\nJa på fråga i\",,,,,,273";
const FRAGOR_HEADER: &str = "nummer,fraga_id,fraga,svarsalternativ";

/// Load a data directory with every committed file, `indikatorer.csv` and
/// `indikator_fragor.csv` replaced by the given texts and `kopplingar.csv` emptied (its
/// links name indikatorer these texts do not have). Errors come back as their message with
/// the temporary directory removed from the path.
fn load(ind: &str, fragor: &str) -> Result<insats::model::Catalog, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(&root).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(dir.path().join(indikatorer::FILE_NAME), ind).expect("write");
    std::fs::write(dir.path().join(indikatorer::FRAGOR_FILE_NAME), fragor).expect("write");
    let kopplingar = format!("{}\n", kopplingar::COLUMNS.join(","));
    std::fs::write(dir.path().join(kopplingar::FILE_NAME), kopplingar).expect("write");
    data::load(&Source::Dir(dir.path().to_path_buf())).map_err(|e| {
        e.to_string().replace(
            &format!("{}{}", dir.path().display(), std::path::MAIN_SEPARATOR),
            "",
        )
    })
}

fn message(ind: &str, fragor: &str) -> String {
    load(ind, fragor).expect_err("bad input must fail")
}

fn ind(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn a_good_pair_of_files_loads() {
    let cat = load(
        &ind(&[ROW_1]),
        &format!("{FRAGOR_HEADER}\n1,i,Har ni en rutin?,Ja/Nej\n"),
    )
    .expect("loads");
    let i = &cat.indikatorer[0];
    assert_eq!(i.nummer, 1);
    assert_eq!(
        i.kriterier.as_deref(),
        Some("För att uppnå indikatorn på kommunnivå krävs:\nJa på fråga i")
    );
    assert_eq!(i.fragor.len(), 1);
    assert_eq!(i.fragor[0].svarsalternativ.as_deref(), Some("Ja/Nej"));
    assert_eq!(i.markering, None);
}

#[test]
fn fraga_of_an_unknown_indikator() {
    assert_eq!(
        message(
            &ind(&[ROW_1]),
            &format!("{FRAGOR_HEADER}\n1,i,Har ni en rutin?,Ja/Nej\n5,i,Fråga,Ja/Nej\n")
        ),
        "indikator_fragor.csv:3: fältet `nummer`: frågan hör till indikator 5, som inte finns i indikatorer.csv"
    );
}

#[test]
fn duplicate_fraga_id() {
    assert_eq!(
        message(
            &ind(&[ROW_1]),
            &format!("{FRAGOR_HEADER}\n1,i,Fråga ett,Ja/Nej\n1,i,Fråga två,Ja/Nej\n")
        ),
        "indikator_fragor.csv:3: fältet `fraga_id`: indikator 1 har redan en fråga \"i\""
    );
}

#[test]
fn unknown_omrade() {
    let row = ROW_1.replace("Ekonomiskt bistånd", "Ekonomiskt bistånd|Fritid");
    let m = message(&ind(&[&row]), &format!("{FRAGOR_HEADER}\n"));
    assert!(
        m.starts_with("indikatorer.csv:2: fältet `omraden`: okänt område \"Fritid\""),
        "{m}"
    );
}

#[test]
fn bakgrundsmatt_must_be_true_or_false() {
    let row = ROW_1.replace(",false,", ",ja,");
    assert_eq!(
        message(&ind(&[&row]), &format!("{FRAGOR_HEADER}\n")),
        "indikatorer.csv:2: fältet `bakgrundsmatt`: \"ja\" är varken true eller false"
    );
}

#[test]
fn nummer_out_of_range_and_duplicate() {
    let row = ROW_1.replacen("1,", "100,", 1);
    assert_eq!(
        message(&ind(&[&row]), &format!("{FRAGOR_HEADER}\n")),
        "indikatorer.csv:2: fältet `nummer`: 100 ligger utanför 1–99"
    );
    // The first row spans two lines (a quoted line break), so the duplicate is on line 4.
    assert_eq!(
        message(&ind(&[ROW_1, ROW_1]), &format!("{FRAGOR_HEADER}\n")),
        "indikatorer.csv:4: fältet `nummer`: nummer 1 finns redan på en tidigare rad"
    );
}

#[test]
fn required_matt_empty() {
    let row = ROW_1.replace("Kommunen har en rutin", "");
    assert_eq!(
        message(&ind(&[&row]), &format!("{FRAGOR_HEADER}\n")),
        "indikatorer.csv:2: fältet `matt`: får inte vara tomt"
    );
}

#[test]
fn wrong_header_and_missing_file() {
    assert_eq!(
        message(&ind(&[ROW_1]), "nummer,id,fraga,svarsalternativ\n"),
        "indikator_fragor.csv:1: fel rubrikrad: kolumn 2 heter \"id\", väntade \"fraga_id\""
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in [
        "insatser.csv",
        "skane.csv",
        "lagesrapport.csv",
        "indikatorer.csv",
    ] {
        std::fs::copy(root.join(f), dir.path().join(f)).expect("copy");
    }
    let err = data::load(&Source::Dir(dir.path().to_path_buf())).expect_err("must fail");
    let m = err.to_string();
    assert!(
        m.starts_with(&format!(
            "{}: kan inte läsas",
            dir.path().join("indikator_fragor.csv").display()
        )),
        "{m}"
    );
}

#[test]
fn truncated_row() {
    assert_eq!(
        message(&ind(&["2,Titel,,LSS,false"]), &format!("{FRAGOR_HEADER}\n")),
        "indikatorer.csv:2: raden har 5 fält, väntade 18 (är raden avklippt?); fältet `matt` och de efter saknas"
    );
}
