//! Extractor tests on small fixtures: one per trap of 000 and 001 listed in DATA-NOTES.md.

use std::path::Path;

use insats::model::{Figure, Omrade};
use insats_extract::ExtractError;
use insats_extract::corrections::Corrections;
use insats_extract::insatser::{extract, parse_000};

/// A repeated table header block of 000 (starts `Insats Antal`, ends after the fourth
/// `parentes)` line).
const HEADER_000: &str = "Insats Antal \n\nkommuner \n\ndär insats ges \n\n(andel av \n\nsvarande \n\nkommuner i \n\nparentes)1 \n\nAntal \n\nkommuner \n\nparentes)2 \n\nAntal \n\nparentes)3 \n\nAntal \n\nkommuner \n\nparentes)4 \n\n";
const PAGE: &str = " Kartläggning av insatser i socialtjänst \n\n";

fn corr(toml: &str) -> Corrections {
    Corrections::parse(toml, Path::new("korrigeringar.toml")).expect("valid corrections")
}

fn fig(antal: u32, andel: u8) -> Figure {
    Figure {
        antal: Some(antal),
        andel: Some(andel),
    }
}

fn t000(body: &str) -> String {
    format!(
        "{PAGE}1 Om resultattabellerna  \nIntroduktion. \n\n2 Verksamhetsområde äldre \n\n2.1 Boendeformer / insatser i boendet \n\nHemtjänst och hemtjänstinsatser \n\n{HEADER_000}{body}"
    )
}

#[test]
fn rows_carry_hierarchy_and_the_four_printed_figures() {
    let text = t000(
        "Dagverksamhet 156 (65%) 13 (9%) 24 (16%) 35 (24%) \n\nHemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n",
    );
    let rows = parse_000(&text, &Corrections::default()).expect("parses");
    assert_eq!(rows.len(), 2);
    let r = &rows[1];
    assert_eq!(r.namn, "Hemtjänst");
    assert_eq!(r.omrade, Omrade::Aldre);
    assert_eq!(r.sektion_nr, "2.1");
    assert_eq!(r.sektion, "Boendeformer / insatser i boendet");
    assert_eq!(r.grupp.as_deref(), Some("Hemtjänst och hemtjänstinsatser"));
    assert_eq!(
        r.figures,
        [fig(245, 100), fig(96, 40), fig(115, 49), fig(11, 5)]
    );
}

#[test]
fn names_wrap_over_lines_and_extra_spaces_before_numbers_are_ignored() {
    let text = t000(
        "Dagverksamhet \n\nanpassad för yngre \n\npersoner med \n\ndemenssjukdom 61 (26%) 2 (4%) 13 (23%) 4 (7%) \n\nHjälp vid måltid  241 (99%) 1 (0%) 98 (42%) 5 (2%) \n",
    );
    let rows = parse_000(&text, &Corrections::default()).expect("parses");
    assert_eq!(
        rows[0].namn,
        "Dagverksamhet anpassad för yngre personer med demenssjukdom"
    );
    assert_eq!(rows[1].namn, "Hjälp vid måltid");
    assert_eq!(rows[1].figures[1], fig(1, 0));
}

#[test]
fn dash_cells_are_missing_values() {
    let text = t000("Focus on families 2 (1%) - - - \n\nTake Charge 0 (0%) - - - \n");
    let rows = parse_000(&text, &Corrections::default()).expect("parses");
    assert_eq!(rows[0].figures[0], fig(2, 1));
    assert_eq!(rows[0].figures[1], Figure::default());
    assert_eq!(
        rows[1].figures[3],
        Figure {
            antal: None,
            andel: None
        }
    );
}

#[test]
fn page_headers_numbers_footnotes_and_repeated_headers_are_noise() {
    let body = format!(
        "Hemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n\n \n\n1 Detta antal inkluderar både de kommuner som svarat att de \n\ngenomför insatsen i lokal variant. \n{PAGE}7 \n\n{HEADER_000}Matdistribution 228 (94%) 5 (2%) 74 (33%) 17 (8%) \n"
    );
    let rows = parse_000(&t000(&body), &Corrections::default()).expect("parses");
    let names: Vec<&str> = rows.iter().map(|r| r.namn.as_str()).collect();
    assert_eq!(names, ["Hemtjänst", "Matdistribution"]);
    // The repeated header does not start a new group.
    assert_eq!(
        rows[1].grupp.as_deref(),
        Some("Hemtjänst och hemtjänstinsatser")
    );
}

#[test]
fn a_text_line_right_before_a_table_header_is_a_group_heading() {
    let body = format!(
        "Hemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n\nBoende och insatser i boende \n\n{HEADER_000}Tillsyn 240 (99%) 155 (68%) 99 (43%) 4 (2%) \n"
    );
    let rows = parse_000(&t000(&body), &Corrections::default()).expect("parses");
    assert_eq!(
        rows[1].grupp.as_deref(),
        Some("Boende och insatser i boende")
    );
}

#[test]
fn wrapped_area_heading_and_section_with_leading_space() {
    let text = format!(
        "{}\n\n 4 Verksamhetsområde \n\nfunktionshinder \n\n 4.2 Individ- och/eller gruppinsatser \n\n{HEADER_000}Boendestöd 184 (88%) 87 (49%) 32 (18%) 1 (1%) \n",
        t000("Hemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n")
    );
    let rows = parse_000(&text, &Corrections::default()).expect("parses");
    let r = &rows[1];
    assert_eq!(r.omrade, Omrade::Funktionshinder);
    assert_eq!(r.sektion_nr, "4.2");
    assert_eq!(r.sektion, "Individ- och/eller gruppinsatser");
    assert_eq!(r.grupp, None, "a new section starts without a group");
}

#[test]
fn glued_footnote_digit_is_removed_only_when_listed() {
    let text = t000("Korttidsboende, \n\nkorttidsplats2 9 (4%) 1 (13%) 6 (67%) 0 (0%) \n");
    let line = text
        .lines()
        .position(|l| l.starts_with("korttidsplats2"))
        .expect("line")
        + 1;
    let unlisted = parse_000(&text, &Corrections::default()).expect_err("must not guess");
    let msg = unlisted.to_string();
    assert!(msg.contains(&format!("000:{line}")), "{msg}");
    assert!(msg.contains("korttidsplats2"), "{msg}");

    let c = corr(&format!(
        "[[fotnot]]\nrad = {line}\nsiffra = \"2\"\nskal = \"fotnot\"\n"
    ));
    let rows = parse_000(&text, &c).expect("parses");
    assert_eq!(rows[0].namn, "Korttidsboende, korttidsplats");
    assert_eq!(rows[0].figures[0], fig(9, 4));
}

#[test]
fn line_end_hyphens_artifacts_removed_real_ones_kept() {
    let text = t000(
        "Haschavvänjnings-\n\nprogrammet (HAP) 172 (74%) 29 (18%) 25 (15%) 24 (14%) \n\nFixarservice, \n\nfixartjänst, fixar-\n\nMalte 169 (70%) 9 (6%) 13 (8%) 156 (96%) \n\nBiobehavioral Catch-\n\nup (ABC) 11 (5%) 1 (10%) 3 (30%) 6 (60%) \n",
    );
    let c = corr("[[bindestreck]]\nord = \"Catch-up\"\nskal = \"metodnamn\"\n");
    let rows = parse_000(&text, &c).expect("parses");
    assert_eq!(rows[0].namn, "Haschavvänjningsprogrammet (HAP)");
    assert_eq!(rows[1].namn, "Fixarservice, fixartjänst, fixar-Malte");
    assert_eq!(rows[2].namn, "Biobehavioral Catch-up (ABC)");
}

#[test]
fn source_typos_are_kept_as_printed() {
    let text =
        t000("BSFT (Kort strategisk \n\nfamiljeterapi (BSFT) 16 (7%) 1 (7%) 4 (29%) 2 (13%) \n");
    let rows = parse_000(&text, &Corrections::default()).expect("parses");
    assert_eq!(rows[0].namn, "BSFT (Kort strategisk familjeterapi (BSFT)");
}

// ---- 001 ----------------------------------------------------------------------------------

const HEAD_001: &str = " Kartläggning av insatser i socialtjänst \n\n1 Bakgrund \n\nText. \n 2 Verksamhetsområde äldre \n\nNotera att stöd listas under andra områden. \n\n2.1 Boendeformer / insatser i boendet \n\nHemtjänst och hemtjänstinsatser \n\nInsats Förklaring Källa \n\n";

fn both(
    rows_000: &str,
    body_001: &str,
    c: &Corrections,
) -> Result<Vec<insats::model::Insats>, ExtractError> {
    extract(&t000(rows_000), &format!("{HEAD_001}{body_001}"), c)
}

const TWO_ROWS: &str = "Dagverksamhet 156 (65%) 13 (9%) 24 (16%) 35 (24%) \n\nHemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n";

#[test]
fn one_line_name_shares_its_line_with_the_forklaring() {
    let body = "Dagverksamhet Bistånd i form av \nsysselsättning utanför \nden egna bostaden. \n\nSocialstyrelsen (2008) \nTermbanken \n\nHemtjänst Bistånd i form av service \n\nSocialstyrelsen (2008) \nTermbanken \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some("Bistånd i form av sysselsättning utanför den egna bostaden.")
    );
    assert_eq!(
        ins[0].kalla.as_deref(),
        Some("Socialstyrelsen (2008) Termbanken")
    );
    assert_eq!(
        ins[1].forklaring.as_deref(),
        Some("Bistånd i form av service")
    );
    assert_eq!(ins[0].namn_bilaga, None);
}

#[test]
fn all_three_columns_on_one_line() {
    let body = "Dagverksamhet Stöd av brukarspecialist Socialstyrelsen (2018) \nNationella riktlinjer \n\nHemtjänst Bistånd \n\nSBU (2019) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some("Stöd av brukarspecialist")
    );
    assert_eq!(
        ins[0].kalla.as_deref(),
        Some("Socialstyrelsen (2018) Nationella riktlinjer")
    );
}

#[test]
fn empty_cells_double_space_leading_space_and_blank_line() {
    let rows = "Dagverksamhet 156 (65%) 13 (9%) 24 (16%) 35 (24%) \n\nHemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%) \n\nTillsyn 240 (99%) 155 (68%) 99 (43%) 4 (2%) \n\nMatdistribution 228 (94%) 5 (2%) 74 (33%) 17 (8%) \n";
    let body = "Dagverksamhet  SBU (2019) Missbruk och \nberoende \n\nHemtjänst \n\n SBU (2019) Kunskapsläget \n\nTillsyn Insatsen innefattar \nutlåning. \n\n \n\nMatdistribution \n\n  \n\n";
    let ins = both(rows, body, &Corrections::default()).expect("extracts");
    assert_eq!(ins[0].forklaring, None);
    assert_eq!(
        ins[0].kalla.as_deref(),
        Some("SBU (2019) Missbruk och beroende")
    );
    assert_eq!(ins[1].forklaring, None);
    assert_eq!(ins[1].kalla.as_deref(), Some("SBU (2019) Kunskapsläget"));
    assert_eq!(
        ins[2].forklaring.as_deref(),
        Some("Insatsen innefattar utlåning.")
    );
    assert_eq!(ins[2].kalla, None);
    assert_eq!(
        (ins[3].forklaring.as_ref(), ins[3].kalla.as_ref()),
        (None, None)
    );
}

#[test]
fn bare_1177_is_a_kalla_but_a_page_number_is_not() {
    let body = "Dagverksamhet Rådgivning \nper telefon. \n\n1177 \n\n\n\n17 \n\nKartläggning av insatser i socialtjänst \n\nInsats Förklaring Källa \n\nHemtjänst Bistånd \n\nSocialstyrelsen (2008) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(ins[0].kalla.as_deref(), Some("1177"));
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some("Rådgivning per telefon.")
    );
    assert_eq!(ins[1].kalla.as_deref(), Some("Socialstyrelsen (2008)"));
}

#[test]
fn reprinted_first_row_after_a_page_break_is_dropped() {
    let body = "Dagverksamhet Insatsen innefattar \nutlåning. \n\n \n\n Insats Förklaring Källa \n\nDagverksamhet Insatsen innefattar \nutlåning. \n\n \n\nHemtjänst Bistånd \n\nSocialstyrelsen (2008) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some("Insatsen innefattar utlåning.")
    );
    assert_eq!(ins[1].forklaring.as_deref(), Some("Bistånd"));
    assert_eq!(ins[1].kalla.as_deref(), Some("Socialstyrelsen (2008)"));
}

#[test]
fn bullets_stay_separate_items() {
    let body = "Dagverksamhet Exempel på vad \nden kan hjälpa till med: \n\n• Ta ner och sätta \nupp gardiner \n\n• Byta glödlampor \n\nSBU (2019) \n\nHemtjänst Bistånd \n\nSocialstyrelsen (2008) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some(
            "Exempel på vad den kan hjälpa till med:\n• Ta ner och sätta upp gardiner\n• Byta glödlampor"
        )
    );
    assert_eq!(ins[0].kalla.as_deref(), Some("SBU (2019)"));
}

#[test]
fn forklaring_that_starts_with_another_insats_name_needs_a_listed_decision() {
    let rows = "Assertive Community \n\nTreatment (ACT)-team 8 (4%) 2 (29%) 1 (14%) 3 (43%) \n\nCase management 70 (33%) 33 (53%) 5 (8%) 28 (44%) \n";
    let body = "Assertive Community \nTreatment (ACT)-team  \n\nCase management enligt \nassertive community \ntreatment (ACT)-modellen \n\nSocialstyrelsen (2018) \n\nCase management Case management är en insats. \n\nSocialstyrelsen (2019) \n";
    let line = HEAD_001.lines().count() + 4;
    let c = corr(&format!(
        "[[inte_insats]]\nrad = {line}\nskal = \"förklaring\"\n"
    ));
    let ins = both(rows, body, &c).expect("extracts");
    assert_eq!(ins.len(), 2);
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some("Case management enligt assertive community treatment (ACT)-modellen")
    );
    assert_eq!(
        ins[1].forklaring.as_deref(),
        Some("Case management är en insats.")
    );
    // Without the decision the förklaring is read as the insats Case management.
    let wrong = both(rows, body, &Corrections::default()).expect("extracts");
    assert_ne!(wrong[1].forklaring, ins[1].forklaring);
}

#[test]
fn a_name_printed_differently_in_001_must_be_listed() {
    let rows = "Hem för vård eller \n\nboende (HVB) 12 (5%) 0 (0%) 10 (83%) 0 (0%) \n";
    let body =
        "Hem för vård eller boende \n(HVB-hem) \n\nBoende för vård. \n\nSocialstyrelsen (2008) \n";
    let err = both(rows, body, &Corrections::default()).expect_err("unlisted pair");
    assert!(
        err.to_string().contains("Hem för vård eller boende (HVB)"),
        "{err}"
    );
    let c = corr(
        "[[namnpar]]\nsektion = \"2.1\"\nnamn = \"Hem för vård eller boende (HVB)\"\nnamn_bilaga = \"Hem för vård eller boende (HVB-hem)\"\nskal = \"001 skriver HVB-hem\"\n",
    );
    let ins = both(rows, body, &c).expect("extracts");
    assert_eq!(ins[0].namn, "Hem för vård eller boende (HVB)");
    assert_eq!(
        ins[0].namn_bilaga.as_deref(),
        Some("Hem för vård eller boende (HVB-hem)")
    );
    assert_eq!(ins[0].forklaring.as_deref(), Some("Boende för vård."));
}

#[test]
fn swapped_order_in_001_is_paired_by_name() {
    let body = "Hemtjänst Bistånd i form av service \n\nSocialstyrelsen (2008) \n\nDagverksamhet Sysselsättning \n\nSBU (2019) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(ins[0].namn, "Dagverksamhet");
    assert_eq!(ins[0].forklaring.as_deref(), Some("Sysselsättning"));
    assert_eq!(ins[1].kalla.as_deref(), Some("Socialstyrelsen (2008)"));
}

#[test]
fn same_name_for_two_target_groups_gets_distinct_ids() {
    let body = format!(
        "Motiverande samtal (MI) 1 (1%) 0 (0%) 0 (0%) 0 (0%) \n\nInsatser riktade till anhöriga \n\n{HEADER_000}Motiverande samtal (MI) 2 (1%) 0 (0%) 0 (0%) 0 (0%) \n"
    );
    let t001 = format!(
        "{HEAD_001}Motiverande samtal (MI) Samtal. \n\nSBU (2019) \n\nInsatser riktade till anhöriga \n\nInsats Förklaring Källa \n\nMotiverande samtal (MI) Samtal med anhöriga. \n\nSBU (2019) \n"
    );
    let ins = extract(&t000(&body), &t001, &Corrections::default()).expect("extracts");
    assert_ne!(ins[0].id, ins[1].id);
    assert!(ins[1].id.ends_with("anhoriga"), "{}", ins[1].id);
    assert_eq!(ins[1].forklaring.as_deref(), Some("Samtal med anhöriga."));
}

#[test]
fn corrections_need_a_reason() {
    let e = Corrections::parse(
        "[[fotnot]]\nrad = 1\nsiffra = \"2\"\nskal = \"\"\n",
        Path::new("k.toml"),
    )
    .expect_err("no reason");
    assert!(e.to_string().contains("skäl"), "{e}");
    let e =
        Corrections::parse("[[okand]]\nx = 1\n", Path::new("k.toml")).expect_err("unknown table");
    assert!(e.to_string().contains("k.toml"), "{e}");
}

#[test]
fn a_blank_line_inside_a_bullet_does_not_split_it() {
    let body = "Dagverksamhet Tre delmål: \n\n• Att mannens isolering \nminskar och hans \nengagemang i \n\nandras välbefinnande ökar \n\n• Att våldet upphör \n\nSBU (2019) \n\nHemtjänst Bistånd \n\nSocialstyrelsen (2008) \n";
    let ins = both(TWO_ROWS, body, &Corrections::default()).expect("extracts");
    assert_eq!(
        ins[0].forklaring.as_deref(),
        Some(
            "Tre delmål:\n• Att mannens isolering minskar och hans engagemang i andras välbefinnande ökar\n• Att våldet upphör"
        )
    );
}
