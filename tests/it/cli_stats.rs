//! `insats stats` and `insats stats --per-omrade`: sorting, missing values, summaries.

use crate::binary;

use binary::{insats, stderr, stdout};

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(bytes)
        .records()
        .map(|r| r.expect("record"))
        .collect()
}

#[test]
fn stats_sort_digital_top_5_csv() {
    let out = insats(&[
        "stats", "--sort", "digital", "--top", "5", "--format", "csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let text = stdout(&out);
    insta::assert_snapshot!("stats_sort_digital_top5_csv", text);
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 5);
    let shares: Vec<u8> = rows
        .iter()
        .map(|r| r[5].parse::<u8>().expect("digital_andel"))
        .collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
}

/// The digital shares of the whole sorted list, `None` where missing.
fn digital_shares(args: &[&str]) -> Vec<Option<u8>> {
    let out = insats(args);
    assert_eq!(out.status.code(), Some(0));
    csv_rows(&out.stdout)
        .iter()
        .map(|r| (!r[5].is_empty()).then(|| r[5].parse().expect("share")))
        .collect()
}

#[test]
fn missing_shares_sort_last_in_both_directions() {
    for args in [
        &["stats", "--sort", "digital", "--format", "csv"][..],
        &["stats", "--sort", "digital", "--asc", "--format", "csv"],
    ] {
        let shares = digital_shares(args);
        assert_eq!(shares.len(), 409);
        let first_missing = shares
            .iter()
            .position(Option::is_none)
            .expect("some missing");
        assert!(
            shares[first_missing..].iter().all(Option::is_none),
            "{args:?}: a value after a missing one"
        );
        let present: Vec<u8> = shares.iter().flatten().copied().collect();
        let ascending = args.contains(&"--asc");
        assert!(
            present.windows(2).all(|w| if ascending {
                w[0] <= w[1]
            } else {
                w[0] >= w[1]
            }),
            "{args:?}"
        );
        // 23 insatser print `-` for the digital share (16 with 0 kommuner and a few more).
        assert_eq!(shares.len() - present.len(), 23, "{args:?}");
    }
}

#[test]
fn stats_of_one_omrade_as_table() {
    let out = insats(&[
        "stats", "--omrade", "vald", "--sort", "utan", "--top", "8", "--format", "table",
    ]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("stats_vald_utan_top8_table", stdout(&out));
}

#[test]
fn stats_json_keeps_missing_as_null() {
    let out = insats(&["stats", "--sort", "enskild", "--asc", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 409);
    let last = arr.last().expect("last");
    assert!(last["enskild_regi"]["andel"].is_null(), "{last}");
    assert_eq!(arr[0]["enskild_regi"]["andel"], 0);
}

#[test]
fn per_omrade_piped_is_tsv() {
    let out = insats(&["stats", "--per-omrade"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    insta::assert_snapshot!("stats_per_omrade_tsv", text);
    // Six områden × four shares, and n + saknas = the område's insatser on every row.
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 24);
    for r in &rows {
        let (insatser, n, saknas): (usize, usize, usize) = (
            r[1].parse().expect("insatser"),
            r[3].parse().expect("n"),
            r[4].parse().expect("saknas"),
        );
        assert_eq!(n + saknas, insatser, "{r:?}");
    }
    let total: usize = rows
        .iter()
        .filter(|r| r[2] == "ges")
        .map(|r| r[1].parse::<usize>().expect("insatser"))
        .sum();
    assert_eq!(total, 409);
}

#[test]
fn per_omrade_table_for_reading() {
    let out = insats(&["stats", "--per-omrade", "--format", "table"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("stats_per_omrade_table", stdout(&out));
}

#[test]
fn per_omrade_median_leaves_missing_out() {
    // Barn och unga: 19 of 119 insatser print `-` for the digital share.
    let out = insats(&[
        "stats",
        "--per-omrade",
        "--omrade",
        "barn",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let barn = &v[0];
    assert_eq!(barn["omrade"], "barn och unga");
    assert_eq!(barn["insatser"], 119);
    let digital = &barn["matt"]["digital"];
    assert_eq!(digital["n"], 100);
    assert_eq!(digital["saknas"], 19);

    // The median over the 100 printed shares, computed here from the export.
    let export = insats(&["export", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_slice(&export.stdout).expect("json");
    let mut shares: Vec<u64> = all
        .as_array()
        .expect("array")
        .iter()
        .filter(|o| o["omrade"] == "barn och unga")
        .filter_map(|o| o["digital"]["andel"].as_u64())
        .collect();
    shares.sort_unstable();
    assert_eq!(shares.len(), 100);
    #[allow(clippy::cast_precision_loss)]
    let median = (shares[49] + shares[50]) as f64 / 2.0;
    assert_eq!(digital["median"].as_f64(), Some(median));
    let flest = digital["flest"].as_array().expect("flest");
    assert_eq!(flest.len(), 3);
    let counts: Vec<u64> = flest
        .iter()
        .map(|f| f["antal"].as_u64().expect("antal"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["stats", "--asc"][..],
        &["stats", "--sort", "bredd"],
        &["stats", "--per-omrade", "--sort", "ges"],
        &["stats", "--top", "0"],
    ] {
        let out = insats(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
