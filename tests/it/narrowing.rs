//! The app's search while typing (narrowing from the previous query) finds exactly what a
//! fresh search finds, for every keystroke, deletion and scope change.

use crate::common;

use insats::action::Action;
use insats::app::App;
use insats::keymap::Keymap;
use insats::model::{Catalog, Omrade};
use insats::search::{Hit, Narrowing, Scope, SearchIndex};

fn real() -> Catalog {
    insats::data::load(&insats::data::Source::Embedded).expect("embedded data")
}

/// Every prefix of `query`, as typed, then the deletions back to empty.
fn keystrokes(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().collect();
    let typed = (1..=chars.len()).map(|k| chars[..k].iter().collect::<String>());
    let deleted = (0..chars.len()).rev().map(|k| chars[..k].iter().collect());
    typed.chain(deleted).collect()
}

const QUERIES: [&str; 8] = [
    "motiverande samtal",
    "samtal motiverande",
    "mi",
    "hvb-hem",
    "Återfall",
    "stöd till anhöriga",
    "kbt  familj ",
    "xq",
];

fn check(catalog: &Catalog, scopes: &[Scope]) -> usize {
    let index = SearchIndex::new(catalog);
    let mut memory = Narrowing::default();
    let mut compared = 0;
    for q in QUERIES {
        for typed in keystrokes(q) {
            for scope in scopes {
                let narrowed = index.search_narrowing(&typed, scope, &mut memory);
                let fresh = index.search(&typed, scope);
                assert_eq!(narrowed, fresh, "query {typed:?} in {scope:?}");
                compared += fresh.len();
            }
        }
    }
    compared
}

#[test]
fn narrowing_equals_a_fresh_search_on_the_real_catalogue() {
    let scopes = [
        Scope::All,
        Scope::Omrade(Omrade::MissbrukOchBeroende),
        Scope::Sektion {
            omrade: Omrade::Aldre,
            nr: "2.1".to_string(),
        },
    ];
    assert!(check(&real(), &scopes) > 1000);
}

#[test]
fn narrowing_equals_a_fresh_search_on_a_synthetic_catalogue() {
    let synth = insats::synth::catalog(&real(), 1500);
    assert!(check(&synth, &[Scope::All]) > 1500);
}

#[test]
fn a_query_that_jumps_elsewhere_is_searched_afresh() {
    let c = real();
    let index = SearchIndex::new(&c);
    let mut memory = Narrowing::default();
    let names = |hits: &[Hit]| -> Vec<usize> { hits.iter().map(|h| h.index).collect() };
    let _ = index.search_narrowing("hvb", &Scope::All, &mut memory);
    // Not an extension of "hvb": the narrowed set of "hvb" must not be reused.
    for q in ["mi", "h", "hvb x", "hv b", "kbt"] {
        assert_eq!(
            names(&index.search_narrowing(q, &Scope::All, &mut memory)),
            names(&index.search(q, &Scope::All)),
            "{q}"
        );
    }
    // A memory from another index is not trusted either.
    let small = SearchIndex::new(&common::catalog());
    assert_eq!(
        small.search_narrowing("kbt", &Scope::All, &mut memory),
        small.search("kbt", &Scope::All)
    );
}

#[test]
fn the_app_lists_the_hits_of_a_fresh_search_while_typing() {
    let c = real();
    let index = SearchIndex::new(&c);
    let mut app = App::new(c, Keymap::builtin().expect("keymap").help());
    app.update(Action::FocusSearch);
    for ch in "stöd till anhöriga".chars() {
        app.update(Action::InsertChar(ch));
        assert_eq!(
            app.list().hits,
            index.search(&app.list().query, &Scope::All),
            "{}",
            app.list().query
        );
    }
    for _ in 0..6 {
        app.update(Action::DeleteChar);
        assert_eq!(
            app.list().hits,
            index.search(&app.list().query, &Scope::All)
        );
    }
}

#[test]
fn the_detail_pane_compares_the_same_insats_elsewhere_as_before() {
    let c = real();
    let mut app = App::new(c.clone(), Keymap::builtin().expect("keymap").help());
    app.update(Action::FocusSearch);
    for ch in "motiverande samtal".chars() {
        app.update(Action::InsertChar(ch));
    }
    app.update(Action::Open);
    let mut seen = 0;
    for _ in 0..app.list().hits.len() {
        let index = app.list().selected_index().expect("a selection");
        let expected = insats::app::detail::lines(&c, index, 80);
        // The same text; the app also marks the searched words in the förklaring.
        let text = |lines: &[insats::app::detail::DetailLine]| -> Vec<String> {
            lines
                .iter()
                .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
                .collect()
        };
        assert_eq!(
            text(&app.detail_lines(80)),
            text(&expected),
            "{}",
            c.insatser[index].id
        );
        if expected
            .iter()
            .any(|l| l.iter().any(|(_, s)| s == "Samma insats på andra ställen"))
        {
            seen += 1;
        }
        app.update(Action::Down);
    }
    assert!(seen >= 6, "six Motiverande samtal (MI) rows: {seen}");
}

#[test]
fn a_scan_split_over_threads_finds_the_same_hits_in_the_same_order() {
    // Large enough for three threads of more than the 4096 insatser that make a split worth
    // it (in chunks of unequal length), so the threaded path runs on any machine. Ranking
    // orders hits totally, so this catches hits lost, doubled or scored differently.
    let synth = insats::synth::catalog(&real(), 12_500);
    let one = SearchIndex::new(&synth).with_threads(1);
    let four = SearchIndex::new(&synth).with_threads(4);
    let scopes = [Scope::All, Scope::Omrade(Omrade::BarnOchUnga)];
    let mut memory = Narrowing::default();
    let mut compared = 0;
    for q in ["motiverande samtal", "stöd anhöriga", "kbt"] {
        for typed in keystrokes(q) {
            for scope in &scopes {
                let expected = one.search(&typed, scope);
                assert_eq!(
                    four.search(&typed, scope),
                    expected,
                    "{typed:?} in {scope:?}"
                );
                assert_eq!(
                    four.search_narrowing(&typed, scope, &mut memory),
                    expected,
                    "{typed:?} in {scope:?}, narrowed"
                );
                compared += expected.len();
            }
        }
    }
    assert!(compared > 50_000, "{compared}");
}
