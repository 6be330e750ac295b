//! The Lägesrapport's findings (004): parsing the seed and fixtures, områden, loading.

use std::path::{Path, PathBuf};

use insats::data::{self, Source};
use insats::model::Omrade;
use insats_extract::lagesrapport::{self, Kapitel, OmradeRules};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/lagesrapport")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_fixture(name: &str) -> Vec<Kapitel> {
    lagesrapport::parse(&fixture(name), name).unwrap_or_else(|e| panic!("{name}: {e}"))
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

// --- unwrapping -------------------------------------------------------------------------

#[test]
fn unwrap_resolves_hyphenation_and_keeps_real_hyphens() {
    let u = lagesrapport::unwrap_lines;
    assert_eq!(u(&["en öppen-", "vårdsinsats "]), "en öppenvårdsinsats");
    // A hyphen with a trailing space is a suspended compound, not a broken word.
    assert_eq!(u(&["hälso- ", "och sjukvård"]), "hälso- och sjukvård");
    assert_eq!(u(&["barn-", "och ungdomsvård"]), "barn- och ungdomsvård");
    assert_eq!(u(&["BBIC-", "variabler"]), "BBIC-variabler");
    assert_eq!(u(&["hbtq-per-", "soner"]), "hbtq-personer");
    assert_eq!(u(&["åldern 25–", "34 år"]), "åldern 25–34 år");
    assert_eq!(u(&["mellan 6 – ", "10 procent"]), "mellan 6 – 10 procent");
    assert_eq!(u(&["två  rader ", "  blir en "]), "två rader blir en");
}

// --- fixtures -----------------------------------------------------------------------------

#[test]
fn wrapped_bullets_are_joined() {
    let k = parse_fixture("wrapped.txt");
    assert_eq!(k.len(), 1);
    assert_eq!(k[0].titel, "Social barn- och ungdomsvård");
    assert_eq!(k[0].rad, 4);
    let texts: Vec<(&str, usize)> = k[0]
        .punkter
        .iter()
        .map(|p| (p.text.as_str(), p.rad))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "Den 1 november 2017 hade cirka 32 550 barn och unga minst en öppenvårdsinsats, vilket ligger på samma nivå som 2016.",
                5
            ),
            (
                "Resultat för den sociala barn- och ungdomsvården visar att BBIC-variabler används i åldersgruppen 25–34 år av 8 procent av kommunerna.",
                9
            ),
            ("En punkt direkt efter den förra, utan tom rad.", 14),
        ]
    );
}

#[test]
fn page_furniture_and_footnotes_never_leak_into_a_bullet() {
    let k = parse_fixture("pagebreak.txt");
    assert_eq!(k.len(), 2);
    assert_eq!(k[0].titel, "Arbetet med våld i nära relationer");
    assert_eq!(
        k[0].punkter[0].text,
        "Socialstyrelsen lyfter fram grupper som har fyllt 18 år eller åldersbedömts till 18 år och som är i asylprocessen."
    );
    assert_eq!(
        k[0].punkter[1].text,
        "Många av de personer som är utsatta för våld är unga, enligt en rapport från Brottsförebyggande rådet."
    );
    assert_eq!(k[0].punkter.len(), 2);
    for p in &k[0].punkter {
        for furniture in ["INDIVID", "SOCIALSTYRELSEN", "27", "partnerförhållande"] {
            assert!(!p.text.contains(furniture), "{furniture} i {:?}", p.text);
        }
    }
}

#[test]
fn a_wrapped_title_and_a_mid_bullet_full_stop() {
    let k = parse_fixture("pagebreak.txt");
    assert_eq!(
        k[1].titel,
        "Hemlöshet och utestängning från bostadsmarknaden"
    );
    // A line ending in a full stop directly followed by text continues the bullet; a new
    // page after a finished bullet ends the findings.
    assert_eq!(k[1].punkter.len(), 2);
    assert_eq!(
        k[1].punkter[0].text,
        "I hemlöshetskartläggningen 2017 uppgavs 16 procent av kvinnorna vara i behov av stöd på grund av våld i en nära relation. Motsvarande andel bland kvinnor i akut hemlöshet var 29 procent."
    );
    assert_eq!(
        k[1].punkter[1].text,
        "Antalet avhysningar har halverats sedan början av 1980-talet."
    );
}

#[test]
fn a_heading_without_bullets_is_an_error() {
    let e =
        lagesrapport::parse(&fixture("no_bullets.txt"), "no_bullets.txt").expect_err("no bullets");
    assert_eq!(
        e.to_string(),
        "no_bullets.txt:4: väntade en punkt (•) efter \"Sammanfattande iakttagelser\""
    );
}

// --- områden rules --------------------------------------------------------------------------

fn rules(extra: &str) -> Result<OmradeRules, String> {
    let text = format!(
        "[[kapitel]]\ntitel = \"Social barn- och ungdomsvård\"\nslug = \"barn\"\nomraden = [\"barn och unga\"]\n{extra}"
    );
    OmradeRules::parse(&text).map_err(|e| e.to_string())
}

#[test]
fn omraden_default_per_chapter_and_override_per_bullet() {
    let k = parse_fixture("wrapped.txt");
    let r = rules(
        "[[punkt]]\nkapitel = \"Social barn- och ungdomsvård\"\nnr = 2\nborjar = \"Resultat för\"\nomraden = [\"våld i nära relationer\", \"barn och unga\"]\nskal = \"test\"\n",
    )
    .expect("rules");
    let rows = r.apply(&k).expect("apply");
    let got: Vec<(&str, Vec<Omrade>)> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.omraden.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("barn-1", vec![Omrade::BarnOchUnga]),
            (
                "barn-2",
                vec![Omrade::BarnOchUnga, Omrade::ValdINaraRelationer]
            ),
            ("barn-3", vec![Omrade::BarnOchUnga]),
        ]
    );
}

#[test]
fn omraden_rules_are_checked() {
    let k = parse_fixture("wrapped.txt");
    let bullet = |nr: u32, borjar: &str, omrade: &str| {
        format!(
            "[[punkt]]\nkapitel = \"Social barn- och ungdomsvård\"\nnr = {nr}\nborjar = \"{borjar}\"\nomraden = [\"{omrade}\"]\nskal = \"x\"\n"
        )
    };
    let e = rules(&bullet(2, "Den 1 november", "barn och unga"))
        .expect("parses")
        .apply(&k)
        .expect_err("wrong bullet");
    assert!(
        e.to_string()
            .contains("punkt 2 i \"Social barn- och ungdomsvård\" börjar \"Resultat för"),
        "{e}"
    );

    let e = rules(&bullet(9, "X", "barn och unga"))
        .expect("parses")
        .apply(&k)
        .expect_err("no bullet 9");
    assert!(
        e.to_string()
            .contains("punkt 9 i \"Social barn- och ungdomsvård\" finns inte i källan"),
        "{e}"
    );

    let e = rules(&bullet(1, "Den", "ekonomiskt bistånd")).expect_err("not an område");
    assert!(e.contains("okänt område \"ekonomiskt bistånd\""), "{e}");

    let k2 = parse_fixture("pagebreak.txt");
    let e = rules("")
        .expect("parses")
        .apply(&k2)
        .expect_err("unknown chapter");
    assert!(
        e.to_string()
            .contains("kapitlet \"Arbetet med våld i nära relationer\" (rad 3) saknas"),
        "{e}"
    );
}

// --- the real seed and data/lagesrapport.csv ----------------------------------------------

#[test]
fn the_seed_has_47_findings_in_eight_chapters() {
    let dir =
        seeds().expect("../shared/seeds (eller INSATS_SEEDS) saknas: testet läser källtexterna");
    let (_, text) = insats_extract::text::read_seed(&dir, "004_").expect("seed");
    let k = lagesrapport::parse(&text, "004").expect("parse");
    let per_chapter: Vec<(&str, usize)> = k
        .iter()
        .map(|c| (c.titel.as_str(), c.punkter.len()))
        .collect();
    assert_eq!(
        per_chapter,
        [
            (
                "Kompetensförsörjning, systematisk uppföljning och kostnader",
                5
            ),
            ("Social barn- och ungdomsvård", 8),
            ("Missbruks- och beroendevård", 5),
            ("Ekonomiskt bistånd", 7),
            ("Arbetet med våld i nära relationer", 7),
            ("Hemlöshet och utestängning från bostadsmarknaden", 8),
            ("Nationella minoriteter", 5),
            ("Krisberedskap inom socialtjänsten", 2),
        ]
    );
    assert_eq!(k.iter().map(|c| c.punkter.len()).sum::<usize>(), 47);
    // The page break inside the last finding on barn och unga.
    let barn = &k[1].punkter[7];
    assert!(
        barn.text.contains("eller åldersbedömts till 18 år"),
        "{}",
        barn.text
    );
    assert!(
        barn.text.ends_with("men inte lämnat landet."),
        "{}",
        barn.text
    );
}

#[test]
fn every_finding_is_traceable_to_its_source_line() {
    let dir =
        seeds().expect("../shared/seeds (eller INSATS_SEEDS) saknas: testet läser källtexterna");
    let (_, text) = insats_extract::text::read_seed(&dir, "004_").expect("seed");
    let lines: Vec<&str> = text.lines().collect();
    let cat = data::load(&Source::Embedded).expect("embedded data");
    assert_eq!(cat.lagesrapport.len(), 47);
    for r in &cat.lagesrapport {
        let line = lines[r.kallrad as usize - 1].trim_start();
        let first: String = r
            .text
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            line.starts_with(&format!("• {first}")),
            "rad {}: {line:?} börjar inte med {first:?}",
            r.kallrad
        );
    }
}

#[test]
fn lagesrapport_csv_has_ids_omraden_and_clean_text() {
    let cat = data::load(&Source::Embedded).expect("embedded data");
    let rows = &cat.lagesrapport;
    assert_eq!(rows.len(), 47);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[0], "kompetens-1");
    assert_eq!(ids[46], "krisberedskap-2");
    for r in rows {
        assert!(!r.text.contains('•') && !r.text.contains("  "), "{}", r.id);
        assert!(!r.text.contains("SOCIALSTYRELSEN"), "{}", r.id);
        assert!(!r.text.contains("FAMILJEOMSORG"), "{}", r.id);
        assert!(r.text.ends_with('.'), "{}: {}", r.id, r.text);
    }
    let omraden = |id: &str| {
        rows.iter()
            .find(|r| r.id == id)
            .map(|r| r.omraden.clone())
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert!(
        rows.iter()
            .filter(|r| r.kapitel == "Social barn- och ungdomsvård")
            .all(|r| r.omraden == [Omrade::BarnOchUnga])
    );
    assert_eq!(omraden("missbruk-1"), [Omrade::MissbrukOchBeroende]);
    assert_eq!(omraden("ekonomiskt-bistand-1"), []);
    assert_eq!(
        omraden("ekonomiskt-bistand-6"),
        [Omrade::ValdINaraRelationer]
    );
    assert_eq!(
        omraden("vald-4"),
        [Omrade::BarnOchUnga, Omrade::ValdINaraRelationer]
    );
    assert_eq!(omraden("krisberedskap-1"), []);
}

// --- loader -------------------------------------------------------------------------------

fn load_error(lagesrapport: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    // Every other data file as committed, so that only `lagesrapport.csv` varies.
    for entry in std::fs::read_dir(&root).expect("data/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        if path.extension().is_some_and(|e| e == "csv") && name != "lagesrapport.csv" {
            std::fs::copy(&path, dir.path().join(name)).expect("copy");
        }
    }
    std::fs::write(dir.path().join("lagesrapport.csv"), lagesrapport).expect("write");
    match data::load(&Source::Dir(dir.path().to_path_buf())) {
        Ok(_) => panic!("väntade fel för:\n{lagesrapport}"),
        Err(e) => e.to_string(),
    }
}

const HEADER: &str = "id,kapitel,punkt,omraden,text,kallrad\n";

#[test]
fn loader_rejects_bad_rows_naming_file_line_and_field() {
    let good = "barn-1,Social barn- och ungdomsvård,1,barn och unga,Text.,984\n";
    let cases = [
        (
            good.replace("barn och unga", "barn och unga|äldreomsorg"),
            "lagesrapport.csv:2: fältet `omraden`: okänt område \"äldreomsorg\"",
        ),
        (
            good.replace("barn och unga", "barn och unga|barn"),
            "lagesrapport.csv:2: fältet `omraden`: \"barn\" står två gånger",
        ),
        (
            good.replace(",1,", ",första,"),
            "lagesrapport.csv:2: fältet `punkt`: \"första\" är inte ett heltal",
        ),
        (
            good.replace("Text.", ""),
            "lagesrapport.csv:2: fältet `text`: får inte vara tomt",
        ),
        (
            format!("{good}{good}"),
            "lagesrapport.csv:3: fältet `id`: id \"barn-1\" finns redan på en tidigare rad",
        ),
    ];
    for (bad, want) in cases {
        let e = load_error(&format!("{HEADER}{bad}"));
        assert!(e.contains(want), "{e}\nväntade: {want}");
    }
    let e = load_error("");
    assert!(e.contains("lagesrapport.csv: filen är tom"), "{e}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    std::fs::copy(root.join("insatser.csv"), dir.path().join("insatser.csv")).expect("copy");
    std::fs::copy(root.join("skane.csv"), dir.path().join("skane.csv")).expect("copy");
    let e = data::load(&Source::Dir(dir.path().to_path_buf()))
        .expect_err("no lagesrapport.csv")
        .to_string();
    assert!(e.contains("lagesrapport.csv: kan inte läsas"), "{e}");
}
