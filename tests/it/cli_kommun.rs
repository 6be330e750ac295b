//! `insats kommun`: the kommun's answers from the command line, through the real binary.

use std::path::Path;
use std::process::Output;

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

const MI: &str = "missbruk-5.2-motiverande-samtal-mi";
const HEMTJANST: &str = "aldre-2.1-hemtjanst";
const FAMILJEHEM: &str = "barn-3.2-familjehem";

#[test]
fn set_then_export_then_luckor_and_ovanliga() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let shown = ok(
        h,
        &[
            "--kommun",
            "Testby",
            "kommun",
            "set",
            MI,
            "--ges",
            "ja",
            "--digitalt",
            "nej",
        ],
    );
    assert!(shown.contains("219 kommuner (93 %)"), "{shown}");
    assert!(shown.contains("Testby: ja"), "{shown}");
    ok(
        h,
        &[
            "--kommun", "Testby", "kommun", "set", HEMTJANST, "--ges", "ja",
        ],
    );
    ok(
        h,
        &[
            "--kommun", "Testby", "kommun", "set", FAMILJEHEM, "--ges", "nej",
        ],
    );

    let json: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["--kommun", "Testby", "kommun", "export", "--format", "json"],
    ))
    .expect("JSON");
    let all = json.as_array().expect("a list");
    assert_eq!(all.len(), 409, "every insats");
    let mi = all.iter().find(|v| v["id"] == MI).expect("MI");
    assert_eq!(mi["kommun"]["ges"], "ja");
    assert_eq!(mi["kommun"]["digitalt"], "nej");
    assert_eq!(mi["kommun"]["enskild_regi"], serde_json::Value::Null);
    assert_eq!(mi["ges"]["andel"], 93, "the printed share, unchanged");

    let csv = ok(
        h,
        &["--kommun", "Testby", "kommun", "export", "--format", "csv"],
    );
    let header = csv.lines().next().expect("ok");
    assert!(
        header.starts_with("id,omrade,sektion_nr,sektion,grupp,namn,namn_bilaga,ges_antal"),
        "{header}"
    );
    assert!(header.ends_with(
        "kommun_ges,kommun_digitalt,kommun_enskild_regi,kommun_utan_bistandsbeslut,kommun_anteckning"
    ));

    // luckor in a pipe: TSV, shares ≥ 75, largest first, nothing answered ja.
    let luckor = ok(h, &["--kommun", "Testby", "kommun", "luckor"]);
    let rows: Vec<Vec<&str>> = luckor
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(!rows.is_empty());
    let shares: Vec<u8> = rows.iter().map(|r| r[3].parse().expect("ok")).collect();
    assert!(shares.iter().all(|&p| p >= 75), "{shares:?}");
    assert!(
        shares.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {shares:?}"
    );
    assert!(
        !rows.iter().any(|r| r[5] == HEMTJANST),
        "answered ja is no gap"
    );
    let familjehem = rows
        .iter()
        .find(|r| r[5] == FAMILJEHEM)
        .expect("nej is a gap");
    assert_eq!(familjehem[4], "nej");
    assert!(rows.iter().any(|r| r[4] == "obesvarad"));

    let min90 = ok(
        h,
        &["--kommun", "Testby", "kommun", "luckor", "--min", "90"],
    );
    assert!(
        min90
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(3).expect("ok").parse::<u8>().expect("ok") >= 90)
    );

    // ovanliga: MI (93 %) is not rare; with --max 95 it is listed.
    let out = run(h, &["--kommun", "Testby", "kommun", "ovanliga"]);
    assert_eq!(out.status.code(), Some(1), "nothing rare");
    let rare = ok(
        h,
        &["--kommun", "Testby", "kommun", "ovanliga", "--max", "95"],
    );
    assert!(rare.contains(MI), "{rare}");
    assert!(!rare.contains(HEMTJANST), "100 % is more than 95");
}

#[test]
fn an_unknown_id_is_refused_with_suggestions_and_nothing_written() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &[
            "--kommun",
            "Testby",
            "kommun",
            "set",
            "motiverande",
            "--ges",
            "ja",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("okänd insats \"motiverande\""), "{err}");
    assert!(err.contains(MI), "suggests the ids: {err}");
    assert!(
        !home
            .path()
            .join("data/insats/checklistor/testby.toml")
            .exists()
    );
}

#[test]
fn an_answer_beside_ges_nej_is_refused() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    ok(
        h,
        &["--kommun", "Testby", "kommun", "set", MI, "--ges", "nej"],
    );
    let out = run(
        h,
        &[
            "--kommun",
            "Testby",
            "kommun",
            "set",
            MI,
            "--digitalt",
            "ja",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // Together with ges ja it is fine.
    ok(
        h,
        &[
            "--kommun",
            "Testby",
            "kommun",
            "set",
            MI,
            "--ges",
            "ja",
            "--digitalt",
            "ja",
        ],
    );
}

#[test]
fn jamfor_lists_per_omrade_what_only_one_gives() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    ok(
        h,
        &["--kommun", "Testby", "kommun", "set", MI, "--ges", "ja"],
    );
    ok(
        h,
        &[
            "--kommun", "Testby", "kommun", "set", HEMTJANST, "--ges", "ja",
        ],
    );
    ok(
        h,
        &[
            "--kommun", "Annanby", "kommun", "set", HEMTJANST, "--ges", "ja",
        ],
    );
    ok(
        h,
        &[
            "--kommun", "Annanby", "kommun", "set", FAMILJEHEM, "--ges", "ja",
        ],
    );
    let tsv = ok(h, &["--kommun", "Testby", "kommun", "jamfor", "Annanby"]);
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(
        rows.iter().map(|r| (r[0], r[2], r[5])).collect::<Vec<_>>(),
        vec![
            ("barn och unga", "Annanby", FAMILJEHEM),
            ("missbruk och beroende", "Testby", MI),
        ],
        "both give hemtjänst: not listed; in the order of the områden"
    );
    let out = run(h, &["--kommun", "Testby", "kommun", "jamfor", "Ingenstans"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("finns inte"));
}
