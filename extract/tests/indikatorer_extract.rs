//! The 003 extractor on a small fixture that combines its traps, and on
//! the real seed (`../shared/seeds`, as in CI; a missing folder fails with a message).

use std::path::{Path, PathBuf};

use insats::model::IndikatorOmrade as O;
use insats_extract::indikatorer::corrections::Corrections;
use insats_extract::indikatorer::{self, Avsnitt, EXPECTED_BLOCKS, Parsed};

fn fixture() -> Vec<Parsed> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/003/tva_avsnitt.txt");
    let text = std::fs::read_to_string(path).expect("fixture");
    indikatorer::parse(&text, "tva_avsnitt.txt", &Corrections::default()).expect("parses")
}

/// The example `1. INDIKATOR` of the introduction, the list of titles and the section intro
/// start no block; blocks start at 1, 2, 3, 4 on their title lines.
#[test]
fn blocks_and_sections() {
    let p = fixture();
    let nummer: Vec<u32> = p.iter().map(|b| b.indikator.nummer).collect();
    assert_eq!(nummer, vec![1, 2, 3, 4]);
    let rader: Vec<u32> = p.iter().map(|b| b.indikator.kallrad).collect();
    assert_eq!(rader, vec![20, 90, 130, 144]);
    let avsnitt: Vec<Avsnitt> = p.iter().map(|b| b.avsnitt).collect();
    assert_eq!(
        avsnitt,
        vec![
            Avsnitt::Gemensamma,
            Avsnitt::Gemensamma,
            Avsnitt::Omrade(O::EkonomisktBistand),
            Avsnitt::Omrade(O::EkonomisktBistand)
        ]
    );
}

/// A rule broken by a page break: the footnote link, the page header and the page-header
/// copy of the title vanish, and the ELLER alternative is kept whole.
#[test]
fn rule_across_a_page_break_with_eller() {
    let i = &fixture()[0].indikator;
    assert_eq!(
        i.kriterier.as_deref(),
        Some(
            "För att uppnå indikatorn på kommunnivå krävs:\nJa på fråga i\n\
             Ja på fråga ii A och B, ELLER\nEj aktuellt på fråga ii."
        )
    );
    assert_eq!(i.omraden, vec![O::EkonomisktBistand]);
    assert_eq!(i.markering, None, "a (2018: …) note is no marker");
    assert_eq!(
        i.matt,
        "Kommunen/stadsdelen har en aktuell, skriftlig och på ledningsnivå beslutad rutin som \
         anger att barnfamiljer aktivt ska sökas upp och även följas upp i samband med en \
         hyresskuld, oavsett om föräldrarna söker ekonomiskt bistånd eller inte."
    );
    assert_eq!(
        i.syfte.as_deref(),
        Some(
            "Indikatorn syftar till att belysa om kommunerna aktivt söker upp barnfamiljer med hyresskuld."
        )
    );
    assert_eq!(
        i.definitioner.as_deref(),
        Some(
            "Med ledningsnivå avses den nivå inom organisationen som har mandat att besluta om gemensamma rutiner."
        )
    );
    assert_eq!(
        i.taljare.as_deref(),
        Some("Antal kommuner och stadsdelar som har uppnått indikatorn")
    );
    let ids: Vec<&str> = i.fragor.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, vec!["i", "ii"]);
}

/// A wrapped title with a blank line inside, and its two-line page-header copy in the middle
/// of a question.
#[test]
fn wrapped_title_and_its_copy_inside_a_question() {
    let i = &fixture()[1].indikator;
    assert_eq!(
        i.titel,
        "Genomfört utbildning om våld i nära relationer riktad till handläggare som utreder \
         behov hos våldsutsatta barn och barn som har bevittnat våld"
    );
    assert_eq!(i.omraden, vec![O::Vald]);
    assert_eq!(
        i.fragor[0].fraga,
        "Har ni under perioden (12 mån) genomfört någon form av utbildning inom området våld i \
         nära relationer?\n• Fortbildning\n• Vidareutbildning"
    );
    assert_eq!(
        i.kommentar.as_deref(),
        Some(
            "Indikatorn redovisas uppdelat på utbildningsform: fortbildning och \
             vidareutbildning på högskolenivå."
        ),
        "the section heading after the last field is not part of it"
    );
}

/// Marker, unlabelled question and a delvis rule in parentheses.
#[test]
fn marker_unlabelled_question_and_delvis() {
    let i = &fixture()[2].indikator;
    assert_eq!(i.titel, "Hushållsekonomisk rådgivning erbjuds");
    assert_eq!(i.markering.as_deref(), Some("NY 2019"));
    assert_eq!(i.fragor.len(), 1);
    assert_eq!(i.fragor[0].id, "i");
    assert_eq!(
        i.kriterier.as_deref(),
        Some("För att uppnå indikatorn på stadsdels/kommunnivå krävs:\n”Ja, för alla”.")
    );
    assert_eq!(
        i.delvis.as_deref(),
        Some("För Delvis krävs\n”Ja, men inte för alla”")
    );
}

/// A bakgrundsmått: prefix stripped from the title, no rule, and the reporting note of the
/// Teknisk beskrivning is not taken as an answer.
#[test]
fn bakgrundsmatt_without_rule() {
    let i = &fixture()[3].indikator;
    assert!(i.bakgrundsmatt);
    assert_eq!(i.titel, "Väntetid i dagar");
    assert_eq!(i.matt, "Antal dagar till första besök.");
    assert_eq!(i.kriterier, None);
    assert_eq!(
        i.fragor[0].svarsalternativ.as_deref(),
        Some("Inom 3 dagar/Inom 4-7 dagar")
    );
}

/// Nothing of the page furniture or of another block ends up in any field.
#[test]
fn no_field_holds_furniture_or_another_title() {
    let p = fixture();
    for b in &p {
        let i = &b.indikator;
        let mut texts = vec![i.matt.clone()];
        texts.extend(
            [
                &i.syfte,
                &i.kriterier,
                &i.delvis,
                &i.definitioner,
                &i.kommentar,
                &i.taljare,
                &i.namnare,
            ]
            .into_iter()
            .flatten()
            .cloned(),
        );
        for f in &i.fragor {
            texts.push(f.fraga.clone());
            texts.extend(f.svarsalternativ.clone());
        }
        for t in &texts {
            for bad in [
                "INDIKATORER",
                "SOCIALSTYRELSEN",
                "http",
                "beskrivs här",
                "Bakgrundsmått:",
            ] {
                assert!(!t.contains(bad), "{bad:?} in block {}: {t}", i.nummer);
            }
            for other in &p {
                assert!(
                    !t.contains(&other.indikator.titel),
                    "title of {} in block {}: {t}",
                    other.indikator.nummer,
                    i.nummer
                );
            }
        }
    }
}

/// A block printed in an area's section must be published in that area only.
#[test]
fn block_in_area_section_published_elsewhere_is_an_error() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/003/tva_avsnitt.txt");
    let text = std::fs::read_to_string(path).expect("fixture");
    let bad = text.replacen(
        "4. Bakgrundsmått: Väntetid i dagar \nEkonomiskt bistånd",
        "4. Bakgrundsmått: Väntetid i dagar \nÄldreomsorg",
        1,
    );
    assert_ne!(bad, text);
    let err = indikatorer::parse(&bad, "tva_avsnitt.txt", &Corrections::default())
        .expect_err("must fail");
    assert_eq!(
        err.to_string(),
        "tva_avsnitt.txt:144: blocket står i avsnittet Ekonomiskt bistånd men publiceras inom andra områden"
    );
}

fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    dir.is_dir().then_some(dir)
}

/// The section ranges of 003, read from the seed itself.
#[test]
fn real_seed_sections_and_counts() {
    let dir = seeds().expect("../shared/seeds saknas: testet läser källtexterna");
    let (path, text) =
        insats_extract::text::read_seed(&dir, indikatorer::SEED_PREFIX).expect("seed");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let corrections = Corrections::load(&data).expect("corrections");
    let p = indikatorer::parse(&text, &path.display().to_string(), &corrections).expect("parses");
    assert_eq!(p.len(), EXPECTED_BLOCKS as usize);
    let ranges: [(std::ops::RangeInclusive<u32>, Avsnitt); 10] = [
        (1..=29, Avsnitt::Gemensamma),
        (30..=39, Avsnitt::Omrade(O::EkonomisktBistand)),
        (40..=43, Avsnitt::Omrade(O::Krisberedskap)),
        (44..=49, Avsnitt::Omrade(O::Missbruk)),
        (50..=66, Avsnitt::Omrade(O::BarnOchUnga)),
        (67..=71, Avsnitt::Omrade(O::Lss)),
        (72..=79, Avsnitt::Omrade(O::Socialpsykiatri)),
        (80..=87, Avsnitt::Omrade(O::Vald)),
        (88..=92, Avsnitt::Omrade(O::Aldreomsorg)),
        (93..=99, Avsnitt::Omrade(O::HalsoOchSjukvard)),
    ];
    for b in &p {
        let (_, want) = ranges
            .iter()
            .find(|(r, _)| r.contains(&b.indikator.nummer))
            .expect("in a range");
        assert_eq!(b.avsnitt, *want, "block {}", b.indikator.nummer);
    }
    // The extracted dataset is exactly what data/ holds.
    let from_seed: Vec<_> = p.into_iter().map(|b| b.indikator).collect();
    let embedded = insats::data::load(&insats::data::Source::Embedded).expect("loads");
    assert_eq!(from_seed, embedded.indikatorer);
}

/// Without the correction for block 50 the repeated label stops the extractor.
#[test]
fn real_seed_needs_the_label_correction() {
    let dir = seeds().expect("../shared/seeds saknas: testet läser källtexterna");
    let (_, text) = insats_extract::text::read_seed(&dir, indikatorer::SEED_PREFIX).expect("seed");
    let err = indikatorer::parse(&text, "003.txt", &Corrections::default()).expect_err("must fail");
    assert_eq!(
        err.to_string(),
        "003.txt:5837: frågeetiketten \"iiiiiii\" står redan tidigare i blocket (ange rätt \
         etikett i korrigeringar_indikatorer.toml)"
    );
}
