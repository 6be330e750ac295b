//! `insats checklista export` for a spreadsheet: an Excel workbook with one sheet per område,
//! "Alla" and "Källa", and CSV for Swedish Excel; a text that Excel would run as a formula
//! stays text.

use std::path::Path;
use std::process::Output;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

fn run(home: &Path, args: &[&str]) -> Output {
    crate::common::run_at(home, args)
}

fn ok(home: &Path, args: &[&str]) -> Vec<u8> {
    let out = run(home, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A checklist with indikator 3 uppfylld in Ekonomiskt bistånd only, and a note that
/// begins like a formula.
fn checklist(home: &Path) -> String {
    let file = home.join("x.toml").to_str().expect("path").to_string();
    ok(
        home,
        &[
            "checklista",
            "set",
            "3",
            "uppfylld",
            "--omrade",
            "ekonomiskt-bistand",
            "--checklista",
            &file,
        ],
    );
    ok(
        home,
        &[
            "checklista",
            "set",
            "3",
            "--anteckning",
            "=HYPERLINK(\"x\")",
            "--checklista",
            &file,
        ],
    );
    file
}

/// The row of indikator `nummer` in a sheet: its cells by header name.
fn row_of(sheet: &Range<Data>, nummer: f64) -> Vec<(String, Data)> {
    let header: Vec<String> = sheet
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(ToString::to_string)
        .collect();
    let nr = header.iter().position(|h| h == "nummer").expect("nummer");
    let row = sheet
        .rows()
        .find(|r| r[nr] == Data::Float(nummer))
        .expect("a row for the indikator, its number a number");
    header.into_iter().zip(row.iter().cloned()).collect()
}

fn cell(row: &[(String, Data)], key: &str) -> Data {
    row.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .expect(key)
}

#[test]
fn xlsx_has_a_sheet_per_omrade_with_its_own_status_and_numbers_as_numbers() {
    let home = tempfile::tempdir().expect("home");
    let file = checklist(home.path());
    let xlsx = home.path().join("rapport.xlsx");
    let out = ok(
        home.path(),
        &[
            "checklista",
            "export",
            "--checklista",
            &file,
            "--format",
            "xlsx",
            "--output",
            xlsx.to_str().expect("path"),
        ],
    );
    assert!(out.is_empty(), "the workbook goes to the file only");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("a workbook calamine reads");
    let names = book.sheet_names();
    assert_eq!(
        names.first().map(String::as_str),
        Some("Ekonomiskt bistånd")
    );
    assert!(
        names.iter().any(|n| n == "Missbruks- och beroendevården"),
        "{names:?}"
    );
    assert_eq!(&names[names.len() - 2..], ["Alla", "Källa"]);

    let eb = book.worksheet_range("Ekonomiskt bistånd").expect("sheet");
    let row = row_of(&eb, 3.0);
    assert_eq!(cell(&row, "status"), Data::String("uppfylld".into()));
    assert_eq!(cell(&row, "uppfyllda"), Data::Float(1.0));
    assert_eq!(
        cell(&row, "anteckning"),
        Data::String("=HYPERLINK(\"x\")".into())
    );
    let missbruk = book
        .worksheet_range("Missbruks- och beroendevården")
        .expect("sheet");
    assert_eq!(
        cell(&row_of(&missbruk, 3.0), "status"),
        Data::String("ej bedömd".into())
    );
    // Alla: every område's rows, as many as the CSV has.
    let csv = String::from_utf8(ok(
        home.path(),
        &[
            "checklista",
            "export",
            "--checklista",
            &file,
            "--format",
            "csv",
        ],
    ))
    .expect("UTF-8");
    let csv_rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    let alla = book.worksheet_range("Alla").expect("Alla");
    assert_eq!(alla.height() - 1, csv_rows);
    let kalla = book.worksheet_range("Källa").expect("Källa");
    assert!(
        kalla.rows().any(|r| r
            .iter()
            .any(|c| c.to_string().contains("öppna jämförelser 2019"))),
        "the source is named"
    );
}

#[test]
fn csv_for_excel_has_a_bom_semicolons_and_no_formula() {
    let home = tempfile::tempdir().expect("home");
    let file = checklist(home.path());
    let out = ok(
        home.path(),
        &[
            "checklista",
            "export",
            "--checklista",
            &file,
            "--format",
            "csv-excel",
        ],
    );
    assert!(out.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(out[3..].to_vec()).expect("UTF-8");
    assert!(
        text.starts_with("omrade;uppfyllda;totalt;nummer;"),
        "{text:.80}"
    );
    assert!(
        text.contains(";\"'=HYPERLINK(\"\"x\"\")\";"),
        "the note stays text"
    );
    assert!(
        !text.contains(";=HYPERLINK") && !text.contains(";\"=HYPERLINK"),
        "no field begins with ="
    );
}

#[test]
fn xlsx_to_a_file_leaves_nothing_else_and_a_bad_path_fails() {
    let home = tempfile::tempdir().expect("home");
    let file = checklist(home.path());
    let missing = home.path().join("saknas").join("r.xlsx");
    let out = run(
        home.path(),
        &[
            "checklista",
            "export",
            "--checklista",
            &file,
            "--format",
            "xlsx",
            "--output",
            missing.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kan inte skriva"), "{err}");
    assert!(
        !missing.parent().expect("dir").exists(),
        "no folder created"
    );
}
