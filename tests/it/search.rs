//! Search ranking, diacritic folding and match positions.

use crate::common;

use insats::model::{Catalog, Omrade};
use insats::search::{Hit, MatchKind, Scope, SearchIndex};

fn names(c: &Catalog, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| c.insatser[h.index].namn.clone())
        .collect()
}

fn chars_at(name: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = name.chars().collect();
    positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn aterfall_finds_aterfallsprevention_with_positions_on_the_original_letters() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("aterfall", &Scope::All);
    let first = &hits[0];
    assert_eq!(c.insatser[first.index].namn, "Återfallsprevention (ÅP)");
    assert_eq!(first.kind, MatchKind::Name);
    assert_eq!(first.positions, (0..8).collect::<Vec<_>>());
    assert_eq!(
        chars_at(&c.insatser[first.index].namn, &first.positions),
        "Återfall"
    );
}

#[test]
fn upper_case_query_with_diacritics_finds_lower_case_words() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("Äldre", &Scope::All);
    let found = names(&c, &hits);
    assert!(found.contains(&"Äldre direkt".to_string()));
    let hembesok = hits
        .iter()
        .find(|h| c.insatser[h.index].namn == "Förebyggande hembesök hos äldre")
        .expect("lower-case äldre is found");
    assert_eq!(
        chars_at("Förebyggande hembesök hos äldre", &hembesok.positions),
        "äldre"
    );
    // And the other way round: plain ASCII finds the word with ä.
    let ascii = names(&c, &idx.search("aldre direkt", &Scope::All));
    assert_eq!(ascii[0], "Äldre direkt");
}

#[test]
fn mi_ranks_every_motiverande_samtal_row_first() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("mi", &Scope::All);
    let mi_rows = c
        .insatser
        .iter()
        .filter(|i| i.namn == "Motiverande samtal (MI)")
        .count();
    assert_eq!(mi_rows, 6);
    for h in &hits[..mi_rows] {
        assert_eq!(c.insatser[h.index].namn, "Motiverande samtal (MI)");
        assert_eq!(h.kind, MatchKind::Abbreviation);
        assert_eq!(chars_at("Motiverande samtal (MI)", &h.positions), "MI");
    }
    // Longer fuzzy matches such as Mindfulness come after.
    let rest = names(&c, &hits[mi_rows..]);
    assert!(rest.contains(&"Mindfulness".to_string()), "{rest:?}");
    assert!(
        hits[mi_rows..]
            .iter()
            .all(|h| h.kind > MatchKind::Abbreviation)
    );
    // Same name: source order, i.e. område order.
    let omraden: Vec<Omrade> = hits[..mi_rows]
        .iter()
        .map(|h| c.insatser[h.index].omrade)
        .collect();
    let mut sorted = omraden.clone();
    sorted.sort();
    assert_eq!(omraden, sorted);
}

#[test]
fn hvb_lists_every_hvb_row_first() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("hvb", &Scope::All);
    let hvb: Vec<Omrade> = hits
        .iter()
        .take_while(|h| h.kind == MatchKind::Abbreviation)
        .map(|h| c.insatser[h.index].omrade)
        .collect();
    assert_eq!(
        hvb,
        [
            Omrade::BarnOchUnga,
            Omrade::Funktionshinder,
            Omrade::MissbrukOchBeroende,
            Omrade::Socialpsykiatri
        ]
    );
    assert!(names(&c, &hits[4..]).iter().all(|n| !n.contains("(HVB)")));
}

#[test]
fn kbt_ranks_whole_abbreviations_before_words_of_longer_ones() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("KBT", &Scope::All);
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
    let whole = kinds
        .iter()
        .filter(|k| **k == MatchKind::Abbreviation)
        .count();
    assert_eq!(whole, 5, "five rows named Kognitiv beteendeterapi (KBT)");
    assert!(
        names(&c, &hits[..whole])
            .iter()
            .all(|n| n == "Kognitiv beteendeterapi (KBT)")
    );
    let words = names(&c, &hits[whole..whole + 2]);
    assert_eq!(
        words,
        [
            "MET/KBT",
            "Traumafokuserad Kognitiv Beteendeterapi (TF-KBT)"
        ]
    );
    assert_eq!(hits[whole].kind, MatchKind::AbbreviationWord);
    // `ap` is the folded form of the abbreviation ÅP.
    let ap = idx.search("ap", &Scope::All);
    assert_eq!(c.insatser[ap[0].index].namn, "Återfallsprevention (ÅP)");
    assert_eq!(ap[0].kind, MatchKind::Abbreviation);
}

#[test]
fn name_matches_rank_above_forklaring_matches() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("motiverande", &Scope::All);
    let first_forklaring = hits
        .iter()
        .position(|h| h.kind == MatchKind::Forklaring)
        .expect("Kort intervention mentions motiverande samtal in its förklaring");
    assert!(
        hits[..first_forklaring]
            .iter()
            .all(|h| h.kind == MatchKind::Name)
    );
    assert_eq!(
        names(&c, &hits[..first_forklaring]),
        vec!["Motiverande samtal (MI)"; 6]
    );
    assert!(names(&c, &hits[first_forklaring..]).contains(&"Kort intervention".to_string()));
    assert!(hits[first_forklaring].positions.is_empty());
}

#[test]
fn scattered_letters_do_not_count_as_a_match() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    // m…o…t…i… scattered over a long name is no match; a skipped letter still is.
    let typo = names(&c, &idx.search("motverande", &Scope::All));
    assert_eq!(typo[0], "Motiverande samtal (MI)");
    assert!(idx.search("xqzv", &Scope::All).is_empty());
    let hits = idx.search("mtvrnd", &Scope::All);
    assert!(hits.iter().all(|h| h.kind != MatchKind::Name), "{hits:?}");
}

#[test]
fn query_words_match_in_any_order() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("samtal motiverande", &Scope::All);
    assert_eq!(c.insatser[hits[0].index].namn, "Motiverande samtal (MI)");
    assert_eq!(
        chars_at("Motiverande samtal (MI)", &hits[0].positions),
        "Motiverandesamtal"
    );
}

#[test]
fn appendix_spelling_of_a_name_is_searched_too() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("hvb-hem", &Scope::All);
    assert_eq!(hits.len(), 4);
    assert!(
        hits.iter()
            .all(|h| h.kind == MatchKind::Name && h.positions.is_empty())
    );
}

#[test]
fn ties_are_broken_in_swedish_alphabetical_order() {
    let mut c = common::catalog();
    let template = c.insatser[0].clone();
    c.insatser.clear();
    for (n, name) in ["Öppen", "Ärende", "Åter", "Zebra", "Alfa"]
        .iter()
        .enumerate()
    {
        let mut i = template.clone();
        i.id = format!("t-{n}");
        i.namn = (*name).to_string();
        i.namn_bilaga = None;
        i.forklaring = Some("Ett gemensamt ord.".into());
        c.insatser.push(i);
    }
    let idx = SearchIndex::new(&c);
    let hits = idx.search("gemensamt", &Scope::All);
    assert!(hits.iter().all(|h| h.kind == MatchKind::Forklaring));
    assert_eq!(
        names(&c, &hits),
        ["Alfa", "Zebra", "Åter", "Ärende", "Öppen"]
    );
}

#[test]
fn scope_limits_the_search_to_a_tree_node() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let all = idx.search("kontaktperson", &Scope::All);
    assert_eq!(all.len(), 6);
    let missbruk = idx.search("kontaktperson", &Scope::Omrade(Omrade::MissbrukOchBeroende));
    assert_eq!(missbruk.len(), 1);
    assert_eq!(
        c.insatser[missbruk[0].index].omrade,
        Omrade::MissbrukOchBeroende
    );
    let grupp = Scope::Grupp {
        omrade: Omrade::ValdINaraRelationer,
        sektion_nr: "7.2".to_string(),
        grupp: "Insatser riktade till våldsutövande vuxna".to_string(),
    };
    let vald = idx.search("mi", &grupp);
    assert!(
        vald.iter()
            .all(|h| c.insatser[h.index].omrade == Omrade::ValdINaraRelationer)
    );
    assert_eq!(vald[0].kind, MatchKind::Abbreviation);
    assert_eq!(
        c.insatser[vald[0].index].id,
        "vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna"
    );
    let section = Scope::Sektion {
        omrade: Omrade::MissbrukOchBeroende,
        nr: "5.1".to_string(),
    };
    assert_eq!(idx.search("", &section).len(), 2);
}

#[test]
fn empty_query_lists_the_scope_in_source_order() {
    let c = common::catalog();
    let idx = SearchIndex::new(&c);
    let hits = idx.search("   ", &Scope::All);
    assert_eq!(hits.len(), c.insatser.len());
    assert!(hits.windows(2).all(|w| w[0].index < w[1].index));
    assert!(hits.iter().all(|h| h.kind == MatchKind::Everything));
}

#[test]
fn the_real_catalogue_ranks_the_issue_examples() {
    let c = insats::data::load(&insats::data::Source::Embedded).expect("embedded data loads");
    let idx = SearchIndex::new(&c);
    let first = |q: &str| c.insatser[idx.search(q, &Scope::All)[0].index].namn.clone();
    assert_eq!(first("motiverande"), "Motiverande samtal (MI)");
    assert_eq!(first("mi"), "Motiverande samtal (MI)");
    assert_eq!(first("aterfall"), "Återfallsprevention (ÅP)");
    assert_eq!(first("hap"), "Haschavvänjningsprogrammet (HAP)");
    let hvb: Vec<_> = idx
        .search("hvb", &Scope::All)
        .into_iter()
        .take_while(|h| h.kind == MatchKind::Abbreviation)
        .collect();
    assert!(hvb.len() >= 4, "every HVB row: {}", hvb.len());
}

#[test]
fn words_and_acronyms_rank_before_scattered_letters() {
    let c = insats::data::load(&insats::data::Source::Embedded).expect("embedded data loads");
    let idx = SearchIndex::new(&c);
    let ranked = |q: &str| -> Vec<(String, MatchKind)> {
        idx.search(q, &Scope::All)
            .into_iter()
            .map(|h| (c.insatser[h.index].namn.clone(), h.kind))
            .collect()
    };
    // Stella's förklaring names HVB-hem: above h…v…b scattered in Hemvårdsbidrag.
    let hvb = ranked("hvb");
    let at = |name: &str| hvb.iter().position(|(n, _)| n == name).expect(name);
    assert!(at("Stella") < at("Hemvårdsbidrag"), "{hvb:?}");
    assert_eq!(hvb[at("Stella")].1, MatchKind::Forklaring);
    assert_eq!(hvb[at("Hemvårdsbidrag")].1, MatchKind::Scattered);
    // Nothing has `fit` on whole words: every hit is only the nearest, and says so.
    let fit = ranked("fit");
    assert!(!fit.is_empty());
    assert!(
        fit.iter().all(|(_, k)| *k == MatchKind::Scattered),
        "{fit:?}"
    );
    // A word inside a compound is a match on a word (`samtal` in `stödsamtal`), and so is
    // a name with a letter skipped.
    let samtal = ranked("samtal");
    assert!(
        samtal
            .iter()
            .any(|(n, k)| n.contains("stödsamtal") && *k == MatchKind::Name),
        "{samtal:?}"
    );
    assert_eq!(ranked("motverande")[0].1, MatchKind::Name);
    // Kinds never go back up the list.
    for q in ["hvb", "mi", "fit", "act", "stöd anhöriga"] {
        let kinds: Vec<MatchKind> = ranked(q).into_iter().map(|(_, k)| k).collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{q}: {kinds:?}");
    }
}
