//! Links between indikatorer and insatser: the reviewed decisions, the extractor's checks,
//! the loader's errors and the shipped links (the command line: `tests/it/cli_kopplingar.rs`).

use std::path::Path;

use insats::data::{self, Source, kopplingar};
use insats::model::{Catalog, Indikator, Koppling};
use insats_extract::kopplingar::Beslut;

fn embedded() -> Catalog {
    data::load(&Source::Embedded).expect("embedded data loads")
}

// --- the extractor's checks ----------------------------------------------------------------

/// The embedded indikatorer with these numbers only, so a test's decisions can cover them all.
fn only(cat: &Catalog, numbers: &[u32]) -> Vec<Indikator> {
    cat.indikatorer
        .iter()
        .filter(|i| numbers.contains(&i.nummer))
        .cloned()
        .collect()
}

fn koppling(indikator: u32, insats: &str) -> String {
    format!("[[koppling]]\nindikator = {indikator}\ninsats = \"{insats}\"\nskal = \"Skäl.\"\n\n")
}

fn apply(text: &str, numbers: &[u32]) -> Result<Vec<Koppling>, String> {
    let cat = embedded();
    Beslut::parse(text)
        .map_err(|e| e.to_string())?
        .apply(&cat.insatser, &only(&cat, numbers))
        .map_err(|e| e.to_string())
}

#[test]
fn decisions_become_sorted_links() {
    let text = [
        koppling(21, "socpsyk-6.1-vardkedja-boendeinsats"),
        koppling(20, "socpsyk-6.1-bostad-forst"),
        koppling(20, "missbruk-5.1-bostad-forst"),
        "[[utan_koppling]]\nindikatorer = [1]\nskal = \"En rutin.\"\n".to_string(),
    ]
    .concat();
    let got = apply(&text, &[1, 20, 21]).expect("valid");
    let pairs: Vec<(u32, &str)> = got
        .iter()
        .map(|k| (k.indikator, k.insats_id.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            (20, "missbruk-5.1-bostad-forst"),
            (20, "socpsyk-6.1-bostad-forst"),
            (21, "socpsyk-6.1-vardkedja-boendeinsats"),
        ]
    );
    assert!(got.iter().all(|k| k.skal == "Skäl."));
}

#[test]
fn an_unknown_insats_id_is_named_with_its_line() {
    let text = format!(
        "# kommentar\n\n{}",
        koppling(20, "missbruk-5.1-bostad-forts")
    );
    let e = apply(&text, &[20]).expect_err("unknown id");
    assert!(
        e.contains("kopplingar.toml: rad 3: [[koppling]] indikator 20, insats \"missbruk-5.1-bostad-forts\": ingen insats med id \"missbruk-5.1-bostad-forts\" i insatser.csv"),
        "{e}"
    );
}

#[test]
fn an_unknown_indikator_number_is_named() {
    let e = apply(&koppling(100, "missbruk-5.1-bostad-forst"), &[]).expect_err("unknown nummer");
    assert!(
        e.contains("[[koppling]] indikator 100, insats \"missbruk-5.1-bostad-forst\": ingen indikator med nummer 100 i indikatorer.csv"),
        "{e}"
    );
    let e = apply(
        "[[utan_koppling]]\nindikatorer = [1, 100]\nskal = \"x\"\n",
        &[1],
    )
    .expect_err("unknown nummer");
    assert!(
        e.contains("rad 1: [[utan_koppling]]: ingen indikator med nummer 100"),
        "{e}"
    );
}

#[test]
fn an_insats_outside_the_indikators_omraden_is_refused() {
    // 20 is published in Missbruk and Socialpsykiatri, not in Äldreomsorg.
    let e = apply(&koppling(20, "aldre-2.4-trygghetslarm"), &[20]).expect_err("wrong område");
    assert!(
        e.contains("insatsen hör till området äldre, men indikatorn publiceras inom Missbruks- och beroendevården, Socialpsykiatri"),
        "{e}"
    );
    // Ekonomiskt bistånd has no område in the kartläggning, so nothing can be linked to 30.
    let e = apply(
        &koppling(30, "vald-7.3-hushallsekonomisk-radgivning"),
        &[30],
    )
    .expect_err("no område");
    assert!(
        e.contains("men indikatorn publiceras inom Ekonomiskt bistånd"),
        "{e}"
    );
}

#[test]
fn every_indikator_must_be_decided() {
    let e = apply(&koppling(20, "missbruk-5.1-bostad-forst"), &[1, 20, 9]).expect_err("undecided");
    assert!(
        e.contains("indikator 1, 9 saknar beslut; lägg till [[koppling]] eller [[utan_koppling]]"),
        "{e}"
    );
}

#[test]
fn conflicting_and_empty_decisions_are_refused() {
    let both = [
        koppling(20, "missbruk-5.1-bostad-forst"),
        "[[avvisad]]\nindikator = 20\ninsats = \"missbruk-5.1-bostad-forst\"\nskal = \"Nej.\"\n\n"
            .to_string(),
    ]
    .concat();
    let e = apply(&both, &[20]).expect_err("linked and rejected");
    assert!(
        e.contains("paret är också kopplat på rad 1; välj det ena"),
        "{e}"
    );

    let twice = koppling(20, "missbruk-5.1-bostad-forst").repeat(2);
    let e = apply(&twice, &[20]).expect_err("twice");
    assert!(e.contains("kopplingen står redan på rad 1"), "{e}");

    let linked_and_without = [
        koppling(20, "missbruk-5.1-bostad-forst"),
        "[[utan_koppling]]\nindikatorer = [20]\nskal = \"x\"\n".to_string(),
    ]
    .concat();
    let e = apply(&linked_and_without, &[20]).expect_err("both");
    assert!(
        e.contains("indikator 20 har kopplingar och kan inte stå här"),
        "{e}"
    );

    let empty =
        "[[koppling]]\nindikator = 20\ninsats = \"missbruk-5.1-bostad-forst\"\nskal = \"  \"\n";
    let e = apply(empty, &[20]).expect_err("empty reason");
    assert!(e.contains("`skal` är tomt"), "{e}");

    let e = apply(
        "[[koppling]]\nindikator = 20\ninsats_id = \"missbruk-5.1-bostad-forst\"\nskal = \"x\"\n",
        &[20],
    )
    .expect_err("unknown key");
    assert!(e.contains("ogiltig TOML"), "{e}");
}

#[test]
fn the_shipped_decisions_give_the_shipped_csv() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let cat = embedded();
    let links = insats_extract::kopplingar::extract_dir(&root, &cat.insatser, &cat.indikatorer)
        .expect("the shipped decisions are valid");
    let csv = std::fs::read_to_string(root.join(kopplingar::FILE_NAME)).expect("csv");
    assert_eq!(insats_extract::kopplingar::to_csv(&links), csv);
}

// --- the loader ------------------------------------------------------------------------------

/// Load a copy of the shipped data directory with `kopplingar.csv` replaced; an error comes
/// back as its message with the temporary directory removed from the path.
fn load_with(kopplingar_csv: &str) -> Result<Catalog, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    for entry in std::fs::read_dir(&root).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(dir.path().join(kopplingar::FILE_NAME), kopplingar_csv).expect("write");
    data::load(&Source::Dir(dir.path().to_path_buf())).map_err(|e| {
        e.to_string().replace(
            &format!("{}{}", dir.path().display(), std::path::MAIN_SEPARATOR),
            "",
        )
    })
}

const HEADER: &str = "indikator,insats_id,skal";

#[test]
fn a_good_file_loads_through_data_dir() {
    let cat = load_with(&format!(
        "{HEADER}\n20,missbruk-5.1-bostad-forst,Erbjuder Bostad först (fråga i).\n"
    ))
    .expect("loads");
    assert_eq!(
        cat.kopplingar,
        [Koppling {
            indikator: 20,
            insats_id: "missbruk-5.1-bostad-forst".to_string(),
            skal: "Erbjuder Bostad först (fråga i).".to_string(),
        }]
    );
}

#[test]
fn loader_rejects_bad_rows_naming_file_line_and_field() {
    let cases = [
        (
            "20,missbruk-5.1-bostad-forts,x",
            "kopplingar.csv:2: fältet `insats_id`: ingen insats med id \"missbruk-5.1-bostad-forts\" i katalogen",
        ),
        (
            "100,missbruk-5.1-bostad-forst,x",
            "kopplingar.csv:2: fältet `indikator`: ingen indikator med nummer 100 i indikatorer.csv",
        ),
        (
            "tjugo,missbruk-5.1-bostad-forst,x",
            "kopplingar.csv:2: fältet `indikator`: \"tjugo\" är inte ett heltal",
        ),
        (
            "20,missbruk-5.1-bostad-forst,",
            "kopplingar.csv:2: fältet `skal`: får inte vara tomt",
        ),
    ];
    for (row, want) in cases {
        let e = load_with(&format!("{HEADER}\n{row}\n")).expect_err(row);
        assert_eq!(e, want, "{row}");
    }
    let e = load_with(&format!(
        "{HEADER}\n20,missbruk-5.1-bostad-forst,x\n20,missbruk-5.1-bostad-forst,y\n"
    ))
    .expect_err("duplicate");
    assert!(
        e.starts_with("kopplingar.csv:3: fältet `insats_id`: kopplingen mellan indikator 20"),
        "{e}"
    );
    let e = load_with("indikator,insats,skal\n").expect_err("header");
    assert!(e.starts_with("kopplingar.csv:1: fel rubrikrad"), "{e}");
}

// --- the shipped links ---------------------------------------------------------------------

fn linked(cat: &Catalog, nummer: u32, insats_id: &str) -> bool {
    cat.kopplingar
        .iter()
        .any(|k| k.indikator == nummer && k.insats_id == insats_id)
}

#[test]
fn every_shipped_link_has_a_reason_citing_the_indikator() {
    let cat = embedded();
    assert_eq!(cat.kopplingar.len(), 43);
    for k in &cat.kopplingar {
        assert!(!k.skal.trim().is_empty(), "{} {}", k.indikator, k.insats_id);
        assert!(
            k.skal.starts_with("Indikatorn ") || k.skal.starts_with("Bakgrundsmåttet "),
            "{}: {}",
            k.indikator,
            k.skal
        );
        assert!(k.skal.contains("(fråga "), "{}: {}", k.indikator, k.skal);
        let ind = cat.indikator(k.indikator).expect("indikator");
        let ins = cat.get(&k.insats_id).expect("insats");
        assert!(ind.covers(ins.omrade), "{} {}", k.indikator, k.insats_id);
    }
}

#[test]
fn key_links_read_from_003_exist() {
    let cat = embedded();
    // Each checked against the question text of 003.
    let expected = [
        (19, "missbruk-5.3-case-management-i-form-av-integrerade"),
        (20, "missbruk-5.1-bostad-forst"),
        (20, "socpsyk-6.1-bostad-forst"),
        (21, "missbruk-5.1-vardkedja-boendeinsats"),
        (21, "socpsyk-6.1-vardkedja-boendeinsats"),
        (45, "missbruk-5.3-case-management-i-form-av-strengths"),
        (46, "missbruk-5.2-motivational-enhancement-therapy-met"),
        (46, "missbruk-5.2-kognitiv-beteendeterapi-kbt"),
        (46, "missbruk-5.2-community-reinforcement-approach-cra"),
        (46, "missbruk-5.2-tolvstegsbehandling-twelve-step"),
        (46, "missbruk-5.2-social-behavior-network-therapy-sbnt"),
        (47, "missbruk-5.2-al-anon-inspirerade-stodprogram"),
        (47, "missbruk-5.2-al-anon-facilitation-treatment-aft"),
        (47, "missbruk-5.2-nar-anon-inspirerade-stodprogram"),
        (47, "missbruk-5.2-coping-skills-training-cst"),
        (47, "missbruk-5.2-community-reinforcement-approach-and"),
        (55, "barn-3.2-ett-hem-att-vaxa-i"),
        (57, "barn-3.1-funktionell-familjeterapi-fft"),
        (57, "barn-3.1-multisystemisk-terapi-mst"),
        (68, "funk-4.3-omkostnadsersattning-for-ledsagare"),
        (73, "socpsyk-6.3-individual-placement-and-support"),
        (75, "socpsyk-6.2-ett-sjalvstandigt-liv-esl"),
        (76, "socpsyk-6.3-personligt-ombud-for-personer-med"),
        (82, "vald-7.1-skyddat-boende-for-valdsutsatta-kvinnor"),
    ];
    for (n, id) in expected {
        assert!(linked(&cat, n, id), "saknas: {n} → {id}");
    }
}

#[test]
fn what_003_excludes_is_not_linked() {
    let cat = embedded();
    // 82: "Annat tillfälligt boende som t.ex. hotellrum eller jourlägenhet räknas inte".
    assert!(!linked(&cat, 82, "vald-7.1-jourlagenhet"));
    // 96: hemtjänst's own teams are not multiprofessionella demensteam.
    assert!(cat.insatser_for(96).is_empty());
    // 46 names MET and KBT, not the combined insats for unga, and MI only as MET's basis.
    assert!(!linked(&cat, 46, "missbruk-5.2-met-kbt"));
    assert!(!linked(&cat, 46, "missbruk-5.2-motiverande-samtal-mi"));
    // Assessment methods, routines and krisberedskap plans are not insatser.
    for n in [9, 10, 13, 40, 41, 42, 43, 51, 81] {
        assert!(cat.insatser_for(n).is_empty(), "{n}");
    }
}

#[test]
fn accessors_go_both_ways() {
    let cat = embedded();
    let nummer: Vec<u32> = cat
        .indikatorer_for("missbruk-5.1-bostad-forst")
        .iter()
        .map(|i| i.nummer)
        .collect();
    assert_eq!(nummer, [20]);
    let trygghetslarm: Vec<u32> = cat
        .indikatorer_for("aldre-2.4-trygghetslarm")
        .iter()
        .map(|i| i.nummer)
        .collect();
    assert_eq!(trygghetslarm, [90, 91]);
    // Catalogue order: missbruk och beroende before socialpsykiatri.
    let ids: Vec<&str> = cat.insatser_for(20).iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["missbruk-5.1-bostad-forst", "socpsyk-6.1-bostad-forst"]
    );
    assert!(cat.indikatorer_for("aldre-2.1-hemtjanst").is_empty());
    assert!(cat.insatser_for(1).is_empty());
}
