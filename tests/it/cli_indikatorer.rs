//! The real binary: `insats indikatorer` and `insats indikator N`, with their exit codes.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

fn insats(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(args: &[&str]) -> String {
    let out = insats(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

const KEYS: [&str; 14] = [
    "nummer",
    "titel",
    "markering",
    "omraden",
    "bakgrundsmatt",
    "matt",
    "matenhet",
    "syfte",
    "riktning",
    "typ",
    "kvalitetsdimension",
    "kriterier",
    "delvis",
    "fragor",
];

#[test]
fn json_has_all_99_with_exactly_the_documented_keys() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["indikatorer", "--format", "json"])).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 99);
    for o in arr {
        let mut keys: Vec<&str> = o
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut want = KEYS.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want);
        assert!(o["omraden"].is_array());
        for f in o["fragor"].as_array().expect("fragor") {
            let mut fk: Vec<&str> = f
                .as_object()
                .expect("fråga")
                .keys()
                .map(String::as_str)
                .collect();
            fk.sort_unstable();
            assert_eq!(fk, ["fraga", "id", "svarsalternativ"]);
        }
    }
    let first = &arr[0];
    assert_eq!(first["nummer"], 1);
    assert_eq!(first["bakgrundsmatt"], false);
    assert!(
        first["markering"].is_null() && first["delvis"].is_null(),
        "absent is null"
    );
    assert_eq!(first["omraden"], serde_json::json!(["Ekonomiskt bistånd"]));
    assert!(
        first["kriterier"]
            .as_str()
            .is_some_and(|k| k.contains("Ja på fråga iii, ELLER"))
    );
    assert_eq!(first["fragor"][2]["id"], "iii");
    let b = &arr[48];
    assert_eq!(b["bakgrundsmatt"], true);
    assert!(b["kriterier"].is_null() && b["riktning"].is_null());
}

#[test]
fn omrade_filter_keeps_only_that_area() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&[
        "indikatorer",
        "--format",
        "json",
        "--omrade",
        "LSS",
    ]))
    .expect("JSON");
    let arr = v.as_array().expect("array");
    let nummer: Vec<u64> = arr.iter().filter_map(|o| o["nummer"].as_u64()).collect();
    assert_eq!(
        nummer,
        [
            2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15, 16, 18, 24, 25, 67, 68, 69, 70, 71
        ]
    );
    assert!(arr.iter().all(|o| {
        o["omraden"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "LSS"))
    }));
    // The slug works too, case-insensitively.
    let table = stdout(&["indikatorer", "--omrade", "Halso-och-sjukvard"]);
    assert_eq!(table.lines().count(), 1 + 7);
}

#[test]
fn unknown_omrade_is_a_usage_error() {
    let out = insats(&["indikatorer", "--omrade", "fritid"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("okänt område \"fritid\""), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn csv_has_the_documented_header_and_99_records() {
    let out = stdout(&["indikatorer", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header.first().map(String::as_str), Some("nummer"));
    assert_eq!(header.last().map(String::as_str), Some("kallrad"));
    assert_eq!(r.records().count(), 99);
}

#[test]
fn table_is_aligned_plain_text() {
    let out = stdout(&["indikatorer", "--format", "table"]);
    assert!(!out.contains('\u{1b}'), "no ANSI escapes");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 100);
    assert!(lines[0].starts_with("Nr  Slag"));
    // The title column starts at the same display column on every line.
    let col = |l: &str, needle: &str| l.find(needle).map(|b| l[..b].width());
    let title_col = col(lines[0], "Titel").expect("Titel");
    assert_eq!(
        col(lines[1], "Aktuell rutin för att förhindra"),
        Some(title_col)
    );
    assert_eq!(col(lines[49], "Tid till första besök"), Some(title_col));
    assert_eq!(
        col(lines[99], "Vård och omsorg vid stroke"),
        Some(title_col)
    );
    assert!(lines[49].contains("bakgrundsmått"));
    assert!(lines[9].starts_with(" 9  ") && lines[10].starts_with("10  "));
}

#[test]
fn indikator_shows_the_rule_first() {
    let out = stdout(&["indikator", "28"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Indikator 28");
    assert!(lines[1].starts_with("Överenskommelse om samverkan med bostadsföretag"));
    let rule = out.find("Så uppnår kommunen indikatorn").expect("rule");
    let eller = out.find("\n  ELLER\n").expect("ELLER on its own line");
    let questions = out.find("Enkätfrågor").expect("questions");
    let matt = out.find("\nMått\n").expect("mått");
    assert!(rule < eller && eller < questions && questions < matt);
    assert!(out.contains("  i) Har ni (specifikt mätdatum)"));
    assert!(out.contains("Källa: Socialstyrelsen, Indikatorer – öppna jämförelser 2019, rad 3326"));
}

#[test]
fn indikator_without_rule_shows_how_it_is_computed() {
    let out = stdout(&["indikator", "60"]);
    let note = out.find("ingen regel för kommunnivå").expect("note");
    let taljare = out.find("Täljare").expect("täljare");
    let questions = out.find("Enkätfrågor").expect("questions");
    assert!(note < taljare && taljare < questions);
    let out = stdout(&["indikator", "49"]);
    assert!(out.starts_with("Bakgrundsmått 49\nTid till första besök\n"));
}

#[test]
fn unknown_indikator_is_a_clear_error() {
    // A number that does not exist is "no result" (1); a non-number is a usage error (2).
    let out = insats(&["indikator", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "insats: det finns ingen indikator med nummer 100 (indikatorerna har nummer 1–99)\n"
    );
    let out = insats(&["indikator", "tolv"]);
    assert_eq!(out.status.code(), Some(2));
}
