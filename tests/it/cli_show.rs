//! `insats show ID|NAMN`: one insats for reading; ambiguous and unknown arguments.

use crate::binary;

use binary::{insats, stderr, stdout};

#[test]
fn show_by_id_has_every_part() {
    let out = insats(&["show", "missbruk-5.2-motiverande-samtal-mi"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let text = stdout(&out);
    for part in [
        "Förklaring",
        "Källa",
        "219 kommuner (93 %)",
        "Samma insats i andra områden",
        "vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna",
        "Skåne län 2016–2020: ett annat mått",
        "23 av 25 svarande kommuner",
    ] {
        assert!(text.contains(part), "missing {part:?}:\n{text}");
    }
    insta::assert_snapshot!("show_missbruk_mi", text);
}

#[test]
fn show_an_ambiguous_name_lists_the_ids_and_exits_2() {
    let out = insats(&["show", "Motiverande samtal (MI)"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    for id in [
        "barn-3.1-motiverande-samtal-mi",
        "funk-4.2-motiverande-samtal-mi",
        "missbruk-5.2-motiverande-samtal-mi",
        "socpsyk-6.2-motiverande-samtal-mi",
        "vald-7.2-motiverande-samtal-mi-valdsutsatta-vuxna",
        "vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna",
    ] {
        assert!(err.contains(id), "missing {id}:\n{err}");
    }
    insta::assert_snapshot!("show_ambiguous_mi_stderr", err);
}

#[test]
fn a_folded_name_matches_without_case_and_diacritics() {
    // "hemtjanst" is Hemtjänst in three områden: ambiguous.
    let out = insats(&["show", "hemtjanst"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("insats: 3 insatser passar \"hemtjanst\""),
        "{err}"
    );
    for id in [
        "aldre-2.1-hemtjanst",
        "missbruk-5.1-hemtjanst",
        "socpsyk-6.1-hemtjanst",
    ] {
        assert!(err.contains(id), "{err}");
    }
    // A name that occurs once is shown.
    let one = insats(&[
        "show",
        "DAGVERKSAMHET ANPASSAD FOR YNGRE PERSONER MED DEMENSSJUKDOM",
    ]);
    assert_eq!(one.status.code(), Some(0));
    assert!(stdout(&one).contains("id: aldre-2.1-dagverksamhet-anpassad-for-yngre"));
}

#[test]
fn a_unique_search_hit_is_shown() {
    // Not a whole name, but only one insats matches every word.
    let out = insats(&["show", "dagverksamhet yngre"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Dagverksamhet anpassad för yngre personer med demenssjukdom\n")
    );
}

#[test]
fn nothing_matching_exits_1() {
    let out = insats(&["show", "qqxqq"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("ingen insats har id eller namn \"qqxqq\""));
}

#[test]
fn linked_indikatorer_are_listed() {
    let out = insats(&["show", "aldre-2.4-trygghetslarm"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.ends_with(
            "Indikatorer som gäller insatsen (Socialstyrelsen, öppna jämförelser 2019)\n  \
             90  Garanterad tid till kontakt respektive till besök vid trygghetslarm\n  \
             91  Maximal tid till kontakt respektive maximal tid till besök efter\n      \
             trygghetslarm\n"
        ),
        "{text}"
    );
    // No links, no heading.
    let none = stdout(&insats(&["show", "aldre-2.1-hemtjanst"]));
    assert!(!none.contains("Indikatorer som gäller"), "{none}");
}
