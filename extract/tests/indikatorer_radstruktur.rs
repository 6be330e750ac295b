//! Which line breaks of 003 the extractor keeps, on a fixture made of source excerpts: unmarked
//! list entries, web addresses, rule headings, conditions linked by `och`, and a text
//! correction for a word with two hyphens.

use std::path::Path;

use insats::model::Indikator;
use insats_extract::indikatorer::corrections::Corrections;
use insats_extract::indikatorer::{self, Parsed};

fn fixture_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/003/radstruktur.txt");
    std::fs::read_to_string(path).expect("fixture")
}

fn parse(corrections: &Corrections) -> Vec<Parsed> {
    indikatorer::parse(&fixture_text(), "radstruktur.txt", corrections).expect("parses")
}

fn blocks() -> Vec<Indikator> {
    parse(&Corrections::default())
        .into_iter()
        .map(|p| p.indikator)
        .collect()
}

const DELVERKSAMHETER: &str = "[[text]]\nnummer = 3\nfalt = \"definitioner\"\n\
    tryckt = \"delverksam-heter\"\nrattat = \"delverksamheter\"\n\
    skal = \"två avstavningar i samma ord\"\n";

/// The three parts of an överenskommelse, printed one per line without markers, stay apart
/// in the measure and in the question; the last one wraps and is joined.
#[test]
fn unmarked_list_entries_keep_their_lines() {
    let i = &blocks()[0];
    assert_eq!(
        i.matt,
        "Kommunen/stadsdelen har en aktuell på ledningsnivå beslutad överenskommelse om \
         samarbete med regioner/landsting som innehåller:\n\
         Gemensamma mål med överenskommelsen\n\
         Resurs- och ansvarsfördelningen mellan kommun och landsting/region\n\
         Rutiner för samarbete mellan socialtjänstens och landstingets personal kring enskilda \
         personer som missbrukar beroendeframkallande medel (rutinen ska vara känd och användas)."
    );
    assert_eq!(
        i.fragor[0].fraga,
        "Har ni en skriftlig och på ledningsnivå beslutad överenskommelse om samarbete med \
         landstinget/regionen som innehåller gemensamma mål, resurs- och ansvarsfördelning \
         och/eller rutiner för samarbete?\n\
         Gemensamma mål med överenskommelsen\n\
         Resurs- och ansvarsfördelningen mellan kommun och landsting/region\n\
         Rutiner för samarbete mellan socialtjänstens och landstingets personal kring enskilda \
         personer som missbrukar beroendeframkallande medel."
    );
}

/// A sentence wrapped before a name (`insatsen` / `Case management`) and a bullet item
/// wrapped before `CV` are not list entries.
#[test]
fn wrapped_lines_before_a_capital_are_joined() {
    let i = &blocks()[0];
    assert_eq!(
        i.syfte.as_deref(),
        Some(
            "Indikatorn avser att spegla om kommunen/stadsdelen erbjuder insatsen Case \
             management i form av integrerade team till personer med missbruk."
        )
    );
    assert_eq!(
        i.fragor[1].fraga,
        "Erbjuder ni någon eller några av nedanstående insatser?\n\
         • Jobbsökaraktivitet (Konkret stöd i hur man söker arbete, upprättar CV etc. inkl. \
         coachning)"
    );
}

/// The heading of every rule ends its own line, whether the source prints the first
/// condition on the next line (in lower case) or after the heading.
#[test]
fn rule_heading_on_its_own_line() {
    let b = blocks();
    assert_eq!(
        b[0].kriterier.as_deref(),
        Some(
            "För att uppnå indikatorn på kommun/stadsdelsnivå krävs:\n\
             Ja på samtliga alternativ (1-3) på fråga i och ja eller ej aktuellt på fråga ii."
        )
    );
    assert_eq!(
        b[1].kriterier.as_deref(),
        Some(
            "För att uppnå indikatorn på kommunnivå krävs:\n\
             ja-svar på fråga i) för respektive tjänst 1 – 9, enligt beskrivningen av indikatorn."
        )
    );
    assert_eq!(
        b[2].delvis.as_deref(),
        Some("För Delvis krävs\n”Ja, men inte för alla” på i och ii.")
    );
}

/// Conditions printed on two lines linked by `och` keep the printed lines; answers broken
/// after `/` are joined.
#[test]
fn conditions_linked_by_och_keep_the_printed_lines() {
    let i = &blocks()[2];
    assert_eq!(
        i.kriterier.as_deref(),
        Some(
            "För att uppnå indikatorn på stadsdel/kommunnivå krävs:\n\
             ”Ja, för alla” på i och\n\
             Ja, för alla på ii."
        )
    );
    let svar = i.fragor[1].svarsalternativ.as_deref().unwrap_or("");
    assert!(
        svar.starts_with("Ja, för alla/Ja, men inte för alla/Nej/")
            && svar.ends_with(
                "Ej aktuellt, har inte upprättat några genomförandeplaner under perioden (12 mån)"
            )
            && !svar.contains('\n'),
        "{svar}"
    );
}

/// A new line starts after a web address, after a sentence ending inside brackets and after
/// a heading line with room left for the next word; a wrapped address is joined.
#[test]
fn paragraphs_after_addresses_headings_and_bracketed_sentences() {
    let i = &blocks()[1];
    assert_eq!(
        i.definitioner.as_deref(),
        Some(
            "Systematisk uppföljning med hjälp av BBIC-variabler\n\
             BBIC tillhandahåller en nationellt enhetlig struktur för utredning, genomförande och \
             uppföljning i den sociala barn- och ungdomsvården. Inom ramen för Öppna jämförelser \
             presenteras variablerna. (Länk: BBIC:s variabellista.)\n\
             För att få fram siffror som beskriver resultaten, behöver kommunen dels kunna \
             registrera variablerna.\n\
             Information om beredskap vid värmeböljor \
             https://www.folkhalsomyndigheten.se/smittskydd-beredskap/krisberedskap/varmeboljor/\n\
             Med höga temperaturer avses om SMHI:s prognos visar maximitemperaturer på minst 26° \
             tre dagar i följd.\n\
             Hur krisberedskap kan integreras i upphandlingen finns beskrivet i Upphandling till \
             samhällsviktig verksamhet – en vägledning \
             www.msb.se/Upload/Nyheter_press/MSB840_S5_Upphandling-samhallsviktig-verksamhet.pdf\n\
             Med särskilt sårbara grupper avses här personer som har sitt hem i boenden som drivs \
             på uppdrag av socialtjänsten."
        )
    );
}

/// `delverksam-he-` / `ter`: the extractor removes the line-break hyphen and keeps the older
/// one, as printed; a `[[text]]` correction gives the word. The hyphen in the middle of a
/// line (`man-dat`) is kept.
#[test]
fn text_correction_for_a_word_with_two_hyphens() {
    let printed = blocks()[2].definitioner.clone();
    assert_eq!(
        printed.as_deref(),
        Some(
            "Med ledningsnivå avses den nivå inom organisationen som har man-dat att besluta om \
             gemensamma rutiner som avser flera delverksam-heter/målgrupper."
        )
    );
    let corrections = Corrections::parse(DELVERKSAMHETER).expect("corrections");
    let fixed = &parse(&corrections)[2].indikator;
    assert_eq!(
        fixed.definitioner.as_deref(),
        Some(
            "Med ledningsnivå avses den nivå inom organisationen som har man-dat att besluta om \
             gemensamma rutiner som avser flera delverksamheter/målgrupper."
        )
    );
}

/// A correction whose text is not in its field, or whose block does not exist, stops the
/// extractor.
#[test]
fn stale_text_correction_is_an_error() {
    let wrong_field = DELVERKSAMHETER.replace("definitioner", "matt");
    let c = Corrections::parse(&wrong_field).expect("corrections");
    let err = indikatorer::parse(&fixture_text(), "radstruktur.txt", &c).expect_err("must fail");
    assert_eq!(
        err.to_string(),
        "korrigeringsfilen: korrigeringar_indikatorer.toml: text för indikator 3: \
         \"delverksam-heter\" står inte exakt en gång i matt"
    );
    let no_block = DELVERKSAMHETER.replace("nummer = 3", "nummer = 4");
    let c = Corrections::parse(&no_block).expect("corrections");
    let err = indikatorer::parse(&fixture_text(), "radstruktur.txt", &c).expect_err("must fail");
    assert_eq!(
        err.to_string(),
        "korrigeringsfilen: korrigeringar_indikatorer.toml: text för indikator 4: blocket finns inte"
    );
}
