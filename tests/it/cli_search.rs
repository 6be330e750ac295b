//! `insats search`: the app's ranking on the command line, in every format, with exit codes.

use crate::binary;

use binary::{insats, stderr, stdout};
use insats::data::{self, Source};
use insats::search::{Scope, SearchIndex};

fn ids_of(json: &serde_json::Value) -> Vec<String> {
    json.as_array()
        .expect("array")
        .iter()
        .map(|o| o["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn search_mi_json_lists_the_mi_abbreviations_first() {
    let out = insats(&["search", "mi", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let arr = v.as_array().expect("array");
    // Every hit carries the export object plus its rank and kind of match.
    for (n, o) in arr.iter().enumerate() {
        assert_eq!(o["rang"], n + 1);
        for key in [
            "id",
            "omrade",
            "namn",
            "forklaring",
            "kalla",
            "ges",
            "traff",
        ] {
            assert!(o.get(key).is_some(), "hit {n} lacks {key}");
        }
    }
    // A compact view of the whole ranking, reviewed as a snapshot.
    let ranking: String = arr
        .iter()
        .map(|o| format!("{} {} {}\n", o["rang"], o["traff"], o["id"]))
        .collect();
    insta::assert_snapshot!("search_mi_ranking", ranking);
    insta::assert_snapshot!(
        "search_mi_first_hit",
        serde_json::to_string_pretty(&arr[0]).expect("json")
    );
}

#[test]
fn search_ranks_exactly_like_the_search_index_of_the_app() {
    let catalog = data::load(&Source::Embedded).expect("embedded data");
    let index = SearchIndex::new(&catalog);
    for (query, omrade) in [
        ("mi", None),
        ("aterfall", None),
        ("stöd anhöriga", None),
        ("samtal", Some("missbruk")),
        ("hvb", None),
    ] {
        let mut args = vec!["search", query, "--format", "json"];
        let scope = match omrade {
            Some(o) => {
                args.extend(["--omrade", o]);
                Scope::Omrade(o.parse().expect("område"))
            }
            None => Scope::All,
        };
        let out = insats(&args);
        assert_eq!(out.status.code(), Some(0), "{query}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let expected: Vec<String> = index
            .search(query, &scope)
            .iter()
            .map(|h| catalog.insatser[h.index].id.clone())
            .collect();
        assert_eq!(ids_of(&v), expected, "{query}");
    }
}

#[test]
fn search_with_omrade_and_limit_as_tsv_when_piped() {
    let out = insats(&["search", "samtal", "--omrade", "missbruk", "--limit", "5"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'));
    assert_eq!(text.lines().count(), 6, "header and five hits:\n{text}");
    insta::assert_snapshot!("search_samtal_missbruk_tsv", text);
}

#[test]
fn search_table_and_csv() {
    let table = insats(&["search", "hvb", "--format", "table"]);
    assert_eq!(table.status.code(), Some(0));
    insta::assert_snapshot!("search_hvb_table", stdout(&table));
    let csv = insats(&["search", "hvb", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0));
    let mut r = csv::Reader::from_reader(csv.stdout.as_slice());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "rang",
            "namn",
            "omrade",
            "ges_antal",
            "ges_andel",
            "traff",
            "id"
        ]
    );
    assert_eq!(
        r.records().count(),
        table.stdout.iter().filter(|&&b| b == b'\n').count() - 1
    );
}

#[test]
fn no_hit_exits_1_with_an_empty_document_and_a_message() {
    let out = insats(&["search", "qqxqq", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "[]\n");
    assert!(stderr(&out).contains("ingen insats passar \"qqxqq\""));
    let tsv = insats(&["search", "qqxqq"]);
    assert_eq!(tsv.status.code(), Some(1));
    assert_eq!(
        stdout(&tsv),
        "rang\tnamn\tomrade\tges_antal\tges_andel\ttraff\tid\n"
    );
    let table = insats(&["search", "qqxqq", "--format", "table"]);
    assert_eq!(table.status.code(), Some(1));
    assert!(table.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["search"][..],
        &["search", "mi", "--omrade", "norrland"],
        &["search", "mi", "--limit", "0"],
        &["search", "mi", "--format", "xml"],
    ] {
        let out = insats(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn omrade_takes_the_slug_or_the_full_name() {
    let slug = insats(&["search", "mi", "--omrade", "vald", "--format", "json"]);
    let name = insats(&[
        "search",
        "mi",
        "--omrade",
        "våld i nära relationer",
        "--format",
        "json",
    ]);
    assert_eq!(slug.status.code(), Some(0));
    assert_eq!(slug.stdout, name.stdout);
    let v: serde_json::Value = serde_json::from_slice(&slug.stdout).expect("json");
    assert!(ids_of(&v).iter().all(|id| id.starts_with("vald-")));
}
