//! The real binary: export and show, with their exit codes.

use std::process::Command;

fn insats(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn export_json_prints_all_409_with_the_documented_keys() {
    let out = insats(&["export", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 409);
    let keys: Vec<&str> = arr[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for k in [
        "id",
        "omrade",
        "sektion_nr",
        "sektion",
        "grupp",
        "namn",
        "forklaring",
        "kalla",
        "ges",
        "digital",
        "enskild_regi",
        "utan_bistandsbeslut",
    ] {
        assert!(keys.contains(&k), "missing {k}");
    }
    // `-` in the source is null, not zero.
    let zero = arr
        .iter()
        .find(|o| o["ges"]["antal"] == 0)
        .expect("a row with 0 kommuner");
    assert!(zero["digital"]["antal"].is_null() && zero["digital"]["andel"].is_null());
    // Absent texts are null.
    assert!(arr.iter().any(|o| o["kalla"].is_null()));
    assert!(arr.iter().any(|o| o["grupp"].is_null()));
}

#[test]
fn export_csv_has_header_and_409_records() {
    let out = insats(&["export", "--format", "csv"]);
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(r.headers().expect("header").get(0), Some("id"));
    assert_eq!(r.records().count(), 409);
}

#[test]
fn show_prints_one_insats_and_unknown_id_is_no_result() {
    let out = insats(&["show", "aldre-2.1-hemtjanst"]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("Hemtjänst") && s.contains("245 kommuner (100 %)"),
        "{s}"
    );
    // Nothing matches: "no result", exit 1 (2 is for usage and data errors).
    let bad = insats(&["show", "finns-inte"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("finns-inte"));
}

#[test]
fn a_broken_data_dir_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("insatser.csv"), "id,fel\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(["--data", dir.path().to_str().expect("utf8"), "export"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("insatser.csv:1"));
}
