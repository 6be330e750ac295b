//! The Skåne tables of 002: parsing the seed and fixtures, linking to insatser, loading.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use insats::data::{self, Source};
use insats::model::{Figure, Insats, Omrade, SkaneTabell};
use insats_extract::skane::{self, Kopplingar, Parsed, Tabellrad};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/skane")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_fixture(name: &str) -> Parsed {
    skane::parse(&fixture(name), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parse_error(name: &str) -> String {
    match skane::parse(&fixture(name), name) {
        Ok(p) => panic!("{name}: väntade fel, fick {} rader", p.rows.len()),
        Err(e) => e.to_string(),
    }
}

/// The seed directory: `INSATS_SEEDS`, else `../shared/seeds` next to the project.
fn seeds() -> Option<PathBuf> {
    let dir = std::env::var_os("INSATS_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "källtexterna saknas ({}), testet hoppas över",
            dir.display()
        );
        None
    }
}

fn insats(id: &str, grupp: Option<&str>, namn: &str) -> Insats {
    Insats {
        id: id.to_string(),
        omrade: Omrade::MissbrukOchBeroende,
        sektion_nr: "5.2".into(),
        sektion: "Individ- och/eller gruppinsatser".into(),
        grupp: grupp.map(Into::into),
        namn: namn.to_string(),
        namn_bilaga: None,
        ges: Figure::default(),
        digital: Figure::default(),
        enskild: Figure::default(),
        utan: Figure::default(),
        forklaring: None,
        kalla: None,
        kallrad_000: 1,
        kallrad_001: 1,
    }
}

const INDIVID: Option<&str> = Some("Insatser riktade till individer med missbruk");
const BADA: Option<&str> = Some("Insatser riktade till individer med missbruk och anhöriga");
const ANHORIGA: Option<&str> = Some("Insatser riktade till anhöriga");

/// A small catalogue with the names of the `tables.txt` fixture.
fn catalogue() -> Vec<Insats> {
    let mut hvb = insats("hvb", None, "Hem för vård eller boende (HVB)");
    hvb.namn_bilaga = Some("Hem för vård eller boende (HVB-hem)".into());
    vec![
        insats("rad", INDIVID, "Rådgivning och stöd utan särskild manual"),
        insats(
            "rad-familj",
            BADA,
            "Rådgivning och stöd för familjer eller par utan särskild manual",
        ),
        insats(
            "rad-anh",
            ANHORIGA,
            "Rådgivning och stöd utan särskild manual (anhöriga)",
        ),
        insats("service", None, "Serviceinsatser (handling, städ)"),
        insats("alanon", ANHORIGA, "Al-Anon-inspirerade stödprogram"),
        hvb,
        insats(
            "tolv",
            INDIVID,
            "Tolvstegsbehandling, twelve-step facilitation (TSF), Minnesota-modellen (MM)",
        ),
        Insats {
            omrade: Omrade::BarnOchUnga,
            ..insats("barn-service", None, "Serviceinsatser (handling, städ)")
        },
    ]
}

fn koppling(toml: &str) -> Kopplingar {
    Kopplingar::parse(toml).unwrap_or_else(|e| panic!("{e}"))
}

const ALANON: &str = r#"
[[koppling]]
namn = "AI-Anon-inspirerade stödprogram"
anhoriga = true
insats_id = "alanon"
skal = "AI är Al"
"#;

// --- parsing ------------------------------------------------------------------------------

#[test]
fn split_name_takes_off_star_and_count() {
    assert_eq!(
        skane::split_name("Rådgivning och stöd utan särskild manual* (25)"),
        (
            "Rådgivning och stöd utan särskild manual".to_string(),
            true,
            Some(25)
        )
    );
    assert_eq!(
        skane::split_name("Hem för vård eller boende (HVB-hem) (23)"),
        (
            "Hem för vård eller boende (HVB-hem)".to_string(),
            false,
            Some(23)
        )
    );
    // A parenthesis that is part of the name is not a count.
    assert_eq!(
        skane::split_name("Återfallsprevention (ÅP)"),
        ("Återfallsprevention (ÅP)".to_string(), false, None)
    );
    assert_eq!(
        skane::split_name("Nar-Anon-inspirerade stödprogram*"),
        ("Nar-Anon-inspirerade stödprogram".to_string(), true, None)
    );
}

#[test]
fn fixture_tables_are_read_with_star_count_and_tabs() {
    let p = parse_fixture("tables.txt");
    let found: Vec<SkaneTabell> = p.tabeller.iter().map(|(t, _)| *t).collect();
    // The questionnaire mock-up that also starts with "Insats" is no result table.
    assert_eq!(
        found,
        [
            SkaneTabell::Vanligaste,
            SkaneTabell::Fysisk,
            SkaneTabell::FysiskOchDigital,
            SkaneTabell::Digital
        ]
    );
    assert_eq!(p.rows.len(), 7);
    assert_eq!(p.rows_of(SkaneTabell::Digital).count(), 0);

    let r = &p.rows[1];
    assert_eq!(r.namn, "Rådgivning och stöd utan särskild manual");
    assert!(r.anhoriga);
    assert_eq!(
        (r.rang, r.andel, r.antal, r.antal_svarande),
        (2, 88, 22, 25)
    );
    assert_eq!(r.andel_rubrik, "Andel kommuner som erbjuder insatsen");
    assert_eq!(r.avsnitt, "De tio vanligaste av de kartlagda insatserna");

    // A comma inside a name is not a cell separator; spaces around a cell are not data.
    let service = &p.rows[2];
    assert_eq!(service.namn, "Serviceinsatser (handling, städ)");
    assert_eq!((service.andel, service.antal), (12, 3));

    let hvb = &p.rows[4];
    assert_eq!(hvb.tabell, SkaneTabell::Fysisk);
    assert_eq!(hvb.namn, "Hem för vård eller boende (HVB-hem)");
    assert_eq!((hvb.andel, hvb.antal, hvb.antal_svarande), (96, 22, 23));
    assert_eq!(hvb.antal_rubrik, "Antal i fysisk form");
    assert_eq!(
        hvb.avsnitt,
        "Insatser som oftast ges i fysisk respektive digital form"
    );
    assert_eq!(
        p.rows[5].namn,
        "Tolvstegsbehandling, twelve-step facilitation (TSF), Minnesota-modellen (MM)"
    );
    let star = &p.rows[6];
    assert!(star.anhoriga);
    assert_eq!(star.antal_svarande, 25);
    assert_eq!(star.rad, 27);
}

#[test]
fn a_share_that_does_not_match_its_count_is_an_error() {
    let e = parse_error("share_mismatch.txt");
    assert!(e.starts_with("share_mismatch.txt:4:"), "{e}");
    assert!(
        e.contains("antalet 25 går inte ihop med 23 svarande"),
        "{e}"
    );
}

#[test]
fn a_small_table_without_count_suffix_is_an_error() {
    let e = parse_error("missing_n.txt");
    assert!(e.starts_with("missing_n.txt:4:"), "{e}");
    assert!(e.contains("antalet svarande kommuner saknas"), "{e}");
}

#[test]
fn an_unknown_table_is_an_error() {
    let e = parse_error("unknown_table.txt");
    assert!(e.starts_with("unknown_table.txt:3:"), "{e}");
    assert!(e.contains("okänd tabell \"Vanligast i månsken\""), "{e}");
}

#[test]
fn a_row_without_tabs_is_an_error() {
    let e = parse_error("spaces_not_tabs.txt");
    assert!(e.starts_with("spaces_not_tabs.txt:4:"), "{e}");
    assert!(e.contains("tabbavgränsade"), "{e}");
}

#[test]
fn require_all_names_a_missing_table() {
    let e = parse_fixture("tables.txt")
        .require_all("tables.txt")
        .expect_err("tables.txt lacks most tables");
    assert!(
        e.to_string()
            .contains("\"De tio minst vanliga av de kartlagda insatserna\" saknas"),
        "{e}"
    );
}

// --- linking ------------------------------------------------------------------------------

fn link(rows: &[Tabellrad], k: &Kopplingar) -> Result<Vec<insats::model::SkaneRow>, String> {
    skane::link(rows, &catalogue(), k, "tables.txt").map_err(|e| e.to_string())
}

#[test]
fn anhorig_rows_link_to_the_anhorig_insats() {
    let rows = parse_fixture("tables.txt").rows;
    let linked = link(&rows, &koppling(ALANON)).expect("all rows link");
    let ids: Vec<&str> = linked.iter().map(|r| r.insats_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rad", "rad-anh", "service", "alanon", "hvb", "tolv", "rad-anh"
        ]
    );
    assert!(linked.iter().all(|r| r.period == "2016–2020"));
}

#[test]
fn ai_anon_without_a_manual_link_is_reported_with_its_line() {
    let rows = parse_fixture("tables.txt").rows;
    let e = link(&rows, &Kopplingar::default()).expect_err("AI-Anon cannot link by name");
    assert!(
        e.starts_with("tables.txt:12: 1 rader kan inte kopplas"),
        "{e}"
    );
    assert!(
        e.contains(
            "rad 12: \"AI-Anon-inspirerade stödprogram\" (anhöriga: ja): ingen insats heter så"
        ),
        "{e}"
    );
}

#[test]
fn a_starred_row_never_links_to_the_insats_for_the_individual() {
    let rows = parse_fixture("tables.txt").rows;
    // Without the anhörig variant in the catalogue, the starred rows must fail, not fall
    // back to the insats of the same name for the individual.
    let cat: Vec<Insats> = catalogue()
        .into_iter()
        .filter(|i| i.id != "rad-anh")
        .collect();
    let e = skane::link(&rows, &cat, &koppling(ALANON), "tables.txt")
        .expect_err("no anhörig variant")
        .to_string();
    assert!(
        e.contains("rad 10: \"Rådgivning och stöd utan särskild manual\" (anhöriga: ja)"),
        "{e}"
    );
    assert!(e.contains("rad 27:"), "{e}");
    assert!(!e.contains("rad 9:"), "{e}");
}

#[test]
fn two_insatser_of_the_same_name_must_be_chosen_by_hand() {
    let rows = parse_fixture("tables.txt").rows;
    let mut cat = catalogue();
    cat.push(insats(
        "rad-2",
        BADA,
        "Rådgivning och stöd utan särskild manual",
    ));
    let e = skane::link(&rows, &cat, &koppling(ALANON), "tables.txt")
        .expect_err("ambiguous")
        .to_string();
    assert!(e.contains("flera insatser heter så (rad, rad-2)"), "{e}");
}

#[test]
fn manual_links_are_checked() {
    let rows = parse_fixture("tables.txt").rows;
    let cases = [
        (
            ALANON.replace("\"alanon\"", "\"finns-inte\""),
            "pekar på \"finns-inte\", som inte finns bland insatserna",
        ),
        (
            ALANON.replace("\"alanon\"", "\"barn-service\""),
            "i området barn och unga, inte missbruk och beroende",
        ),
        (
            ALANON.replace("\"alanon\"", "\"rad\""),
            "(anhöriga: ja) pekar på \"rad\", som inte är en insats till anhöriga",
        ),
        (
            format!(
                "{ALANON}\n[[koppling]]\nnamn = \"Boendetrappan\"\nanhoriga = false\ninsats_id = \"rad\"\nskal = \"x\"\n"
            ),
            "ingen rad i tabellerna heter \"Boendetrappan\"",
        ),
    ];
    for (toml, want) in cases {
        let e = link(&rows, &koppling(&toml)).expect_err(want);
        assert!(e.contains("skane_koppling.toml"), "{e}");
        assert!(e.contains(want), "{e}\nväntade: {want}");
    }
    let e = Kopplingar::parse(&ALANON.replace("\"AI är Al\"", "\" \"")).expect_err("empty skal");
    assert!(e.to_string().contains("`skal` är tomt"), "{e}");
}

// --- the real seed and data/skane.csv -----------------------------------------------------

#[test]
fn the_seed_has_eleven_tables_with_their_printed_row_counts() {
    let dir =
        seeds().expect("../shared/seeds (eller INSATS_SEEDS) saknas: testet läser källtexterna");
    let (path, text) = insats_extract::text::read_seed(&dir, "002_").expect("seed");
    let p = skane::parse(&text, "002").expect("parse");
    p.require_all("002").expect("all tables");
    let counts: Vec<usize> = SkaneTabell::ALL
        .iter()
        .map(|t| p.rows_of(*t).count())
        .collect();
    assert_eq!(counts, [10, 10, 5, 5, 0, 5, 5, 5, 5, 5, 5]);
    assert_eq!(p.rows.len(), 60);
    assert_eq!(p.rows.iter().filter(|r| r.anhoriga).count(), 13);

    // Every row is traceable: its source line starts with its printed name.
    let lines: Vec<&str> = text.lines().collect();
    for r in &p.rows {
        let line = lines[r.rad - 1];
        let words: String = r
            .namn
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            line.starts_with(&words),
            "{}:{}: {line:?} börjar inte med {words:?}",
            path.display(),
            r.rad
        );
        assert_eq!(line.contains('*'), r.anhoriga, "rad {}", r.rad);
    }

    // A table that lost a row is caught.
    let short = text.replacen("Boendetrappan\t8%\t2\t25\n", "", 1);
    assert_ne!(short, text);
    let e = skane::parse(&short, "002")
        .expect("parse")
        .require_all("002")
        .expect_err("nine rows");
    assert!(
        e.to_string().contains(
            "\"De tio minst vanliga av de kartlagda insatserna\" har 9 rader, väntade 10"
        ),
        "{e}"
    );
}

fn embedded() -> insats::model::Catalog {
    data::load(&Source::Embedded).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn skane_csv_links_every_row_into_missbruk() {
    let cat = embedded();
    assert_eq!(cat.skane.len(), 60);
    for r in &cat.skane {
        let i = cat.get(&r.insats_id).expect("loader checked the link");
        assert_eq!(i.omrade, Omrade::MissbrukOchBeroende, "{}", r.insats_id);
        assert_eq!(
            skane::is_anhorig_insats(i),
            r.anhoriga,
            "{} {}",
            r.namn,
            i.id
        );
        assert_eq!(r.period, "2016–2020");
    }
}

#[test]
fn anhorig_variants_are_distinct_insatser() {
    let cat = embedded();
    let mut by_name: HashMap<&str, HashSet<(bool, &str)>> = HashMap::new();
    for r in &cat.skane {
        by_name
            .entry(r.namn.as_str())
            .or_default()
            .insert((r.anhoriga, r.insats_id.as_str()));
    }
    for name in [
        "Rådgivning och stöd utan särskild manual",
        "Generella enskilda stödsamtal utan särskild manual",
    ] {
        let links = &by_name[name];
        let plain: Vec<&str> = links.iter().filter(|l| !l.0).map(|l| l.1).collect();
        let anh: Vec<&str> = links.iter().filter(|l| l.0).map(|l| l.1).collect();
        assert_eq!((plain.len(), anh.len()), (1, 1), "{name}: {links:?}");
        assert_ne!(plain[0], anh[0], "{name}");
        assert_eq!(cat.get(anh[0]).map(|i| i.grupp.as_deref()), Some(ANHORIGA));
    }
    // The same printed name always links to the same insats.
    for (name, links) in &by_name {
        let per_status: HashSet<bool> = links.iter().map(|l| l.0).collect();
        assert_eq!(per_status.len(), links.len(), "{name}: {links:?}");
    }
    // AI-Anon is Al-Anon; both spellings of the hasch programme are one insats.
    let alanon = &by_name["AI-Anon-inspirerade stödprogram"];
    assert_eq!(
        cat.get(alanon.iter().next().map_or("", |l| l.1))
            .map(|i| i.namn.as_str()),
        Some("Al-Anon-inspirerade stödprogram")
    );
    assert_eq!(
        by_name["Haschavänjningsprogrammet (HAP)"],
        by_name["Haschavvänjningsprogrammet (HAP)"]
    );
}

// --- loader -------------------------------------------------------------------------------

/// A data directory holding the committed files, with `skane.csv` replaced by `skane`.
fn dir_with_skane(skane: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    // Every other data file as committed, so that only `skane.csv` varies.
    for entry in std::fs::read_dir(&root).expect("data/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        if path.extension().is_some_and(|e| e == "csv") && name != "skane.csv" {
            std::fs::copy(&path, dir.path().join(name)).expect("copy");
        }
    }
    std::fs::write(dir.path().join("skane.csv"), skane).expect("write");
    dir
}

fn load_error(skane: &str) -> String {
    let dir = dir_with_skane(skane);
    match data::load(&Source::Dir(dir.path().to_path_buf())) {
        Ok(_) => panic!("väntade fel för:\n{skane}"),
        Err(e) => e.to_string(),
    }
}

const HEADER: &str = "tabell,tabell_namn,avsnitt,rang,namn,anhoriga,insats_id,andel,andel_rubrik,antal,antal_rubrik,antal_svarande,period,kallrad\n";

fn row(tabell: &str, namn_tabell: &str, rang: &str, id: &str, andel: &str) -> String {
    format!(
        "{tabell},{namn_tabell},Avsnitt,{rang},Akutboenden,false,{id},{andel},Andel,10,Antal,17,2016–2020,400\n"
    )
}

const FYSISK: &str = "Vanligast fysisk form";
const AKUT: &str = "missbruk-5.1-akutboenden";

#[test]
fn loader_accepts_a_good_file() {
    let text = format!("{HEADER}{}", row("fysisk", FYSISK, "1", AKUT, "59"));
    let dir = dir_with_skane(&text);
    let cat = data::load(&Source::Dir(dir.path().to_path_buf())).expect("loads");
    assert_eq!(cat.skane.len(), 1);
    assert_eq!(cat.skane[0].tabell, SkaneTabell::Fysisk);
    assert_eq!(cat.skane[0].antal_svarande, 17);
}

#[test]
fn loader_rejects_bad_rows_naming_file_line_and_field() {
    let cases = [
        (
            row("fysisk", FYSISK, "1", "missbruk-finns-inte", "59"),
            "skane.csv:2: fältet `insats_id`: ingen insats med id \"missbruk-finns-inte\" i katalogen",
        ),
        (
            row("fysisk", FYSISK, "1", "aldre-2.1-dagverksamhet", "59"),
            "fältet `insats_id`: insatsen \"aldre-2.1-dagverksamhet\" hör till området äldre",
        ),
        (
            row("fyysisk", FYSISK, "1", AKUT, "59"),
            "skane.csv:2: fältet `tabell`: okänd Skånetabell \"fyysisk\"",
        ),
        (
            row("fysisk", "Vanligast digital form", "1", AKUT, "59"),
            "skane.csv:2: fältet `tabell_namn`",
        ),
        (
            row("fysisk", FYSISK, "2", AKUT, "59"),
            "skane.csv:2: fältet `rang`: 2, väntade 1",
        ),
        (
            row("fysisk", FYSISK, "1", AKUT, "159"),
            "skane.csv:2: fältet `andel`: 159 ligger utanför 0–100",
        ),
        (
            row("fysisk", FYSISK, "1", AKUT, "59").replace(",false,", ",ja,"),
            "skane.csv:2: fältet `anhoriga`: \"ja\" är varken true eller false",
        ),
        (
            row("fysisk", FYSISK, "1", AKUT, "59").replace("2016–2020", "2021"),
            "skane.csv:2: fältet `period`",
        ),
        (
            row("fysisk", FYSISK, "1", AKUT, "59").replace(",10,", ",18,"),
            "skane.csv:2: fältet `antal`: 18 ligger utanför 0–17",
        ),
    ];
    for (bad, want) in cases {
        let e = load_error(&format!("{HEADER}{bad}"));
        assert!(e.contains(want), "{e}\nväntade: {want}");
    }
}

#[test]
fn loader_checks_table_order_and_header() {
    let two = format!(
        "{HEADER}{}{}",
        row("fysisk", FYSISK, "1", AKUT, "59"),
        row("fysisk", FYSISK, "3", AKUT, "59")
    );
    let e = load_error(&two);
    assert!(
        e.contains("skane.csv:3: fältet `rang`: 3, väntade 2"),
        "{e}"
    );

    let e = load_error(&HEADER.replace("antal_svarande", "svarande"));
    assert!(e.contains("skane.csv:1: fel rubrikrad"), "{e}");
    assert!(e.contains("\"antal_svarande\""), "{e}");

    let e = load_error(&format!("{HEADER}fysisk,{FYSISK},Avsnitt\n"));
    assert!(
        e.contains("skane.csv:2: raden har 3 fält, väntade 14"),
        "{e}"
    );
}
