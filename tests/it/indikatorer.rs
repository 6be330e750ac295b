//! The embedded indikator dataset against what an independent reading of 003 finds: counts,
//! sections, rules, delvis, markers and the absence of leaked text.

use insats::data::{self, Source};
use insats::model::{Indikator, IndikatorOmrade as O};

fn all() -> Vec<Indikator> {
    data::load(&Source::Embedded).expect("loads").indikatorer
}

fn numbers(list: &[Indikator], pred: impl Fn(&Indikator) -> bool) -> Vec<u32> {
    list.iter().filter(|i| pred(i)).map(|i| i.nummer).collect()
}

#[test]
fn ninety_nine_blocks_ninety_indikatorer_nine_bakgrundsmatt() {
    let list = all();
    assert_eq!(list.len(), 99);
    let nummer: Vec<u32> = list.iter().map(|i| i.nummer).collect();
    assert_eq!(nummer, (1..=99).collect::<Vec<_>>());
    assert_eq!(
        numbers(&list, |i| i.bakgrundsmatt),
        vec![49, 65, 66, 70, 71, 78, 79, 91, 92]
    );
    assert_eq!(list.iter().filter(|i| !i.bakgrundsmatt).count(), 90);
}

#[test]
fn eighty_nine_rules_the_others_have_taljare_or_report_intervals() {
    let list = all();
    let without = numbers(&list, |i| i.kriterier.is_none());
    assert_eq!(without, vec![49, 60, 61, 62, 65, 66, 70, 71, 91, 92]);
    assert_eq!(list.len() - without.len(), 89);
    for i in list.iter().filter(|i| i.kriterier.is_some()) {
        let k = i.kriterier.as_deref().unwrap_or("");
        assert!(
            k.starts_with("För att uppnå indikatorn")
                || k.starts_with("För att uppnå indikatorerna"),
            "{}: {k}",
            i.nummer
        );
        assert!(!k.contains("För aggregerad nivå"), "{}: {k}", i.nummer);
        assert!(
            !i.fragor.is_empty(),
            "{} has a rule but no questions",
            i.nummer
        );
    }
    for n in [60, 61, 62, 65, 66] {
        let i = &list[n - 1];
        assert!(i.taljare.is_some() && i.namnare.is_some(), "{n}");
    }
}

/// 003 words the heading of its rule in 17 ways; all of them are recognised.
#[test]
fn seventeen_wordings_of_the_rule_heading() {
    let mut wordings: Vec<String> = all()
        .iter()
        .filter_map(|i| i.kriterier.as_deref())
        .filter_map(|k| {
            k.split_once("krävs")
                .map(|(head, _)| head.replace('\n', " "))
        })
        .collect();
    wordings.sort();
    wordings.dedup();
    assert_eq!(wordings.len(), 17, "{wordings:#?}");
}

#[test]
fn rules_keep_their_eller_alternatives() {
    let list = all();
    assert_eq!(
        numbers(&list, |i| i
            .kriterier
            .as_deref()
            .is_some_and(|k| k.contains("ELLER"))),
        vec![1, 28, 29, 88, 89]
    );
    assert_eq!(
        list[27].kriterier.as_deref(),
        Some(
            "För att uppnå indikatorn på kommun/stadsdelsnivå krävs:\n\
             Ja, för samtliga, fråga i\n\
             Ja eller Ej aktuellt, då överenskommelsen upprättades nyligen, fråga ii\n\
             ELLER\n\
             Ja, för vissa, fråga i\n\
             Ja eller Ej aktuellt, då överenskommelsen upprättades nyligen, fråga ii."
        )
    );
    // A condition for one area only, inside the rule of 6.
    assert!(
        list[5]
            .kriterier
            .as_deref()
            .is_some_and(|k| k.contains("För området Barn och unga - krävs:\nJa på frågan i"))
    );
}

#[test]
fn delvis_in_nine_blocks() {
    let list = all();
    assert_eq!(
        numbers(&list, |i| i.delvis.is_some()),
        vec![11, 12, 31, 32, 36, 37, 38, 40, 48]
    );
    for i in list.iter().filter(|i| i.delvis.is_some()) {
        let d = i.delvis.as_deref().unwrap_or("");
        assert!(
            d.starts_with("För") && !d.ends_with(')'),
            "{}: {d}",
            i.nummer
        );
        assert!(
            !i.kriterier.as_deref().unwrap_or("").contains("elvis"),
            "the delvis rule of {} leaked into kriterier",
            i.nummer
        );
    }
}

#[test]
fn section_ranges_by_area() {
    let list = all();
    let sections: [(std::ops::RangeInclusive<u32>, O); 9] = [
        (30..=39, O::EkonomisktBistand),
        (40..=43, O::Krisberedskap),
        (44..=49, O::Missbruk),
        (50..=66, O::BarnOchUnga),
        (67..=71, O::Lss),
        (72..=79, O::Socialpsykiatri),
        (80..=87, O::Vald),
        (88..=92, O::Aldreomsorg),
        (93..=99, O::HalsoOchSjukvard),
    ];
    for (range, area) in sections {
        for n in range {
            assert_eq!(list[n as usize - 1].omraden, vec![area], "block {n}");
        }
    }
    // 1–29 are the shared ones; most are published in several areas.
    let shared = &list[..29];
    assert!(shared.iter().all(|i| !i.omraden.is_empty()));
    assert_eq!(
        numbers(shared, |i| i.omraden.len() == 1),
        vec![1, 23, 28, 29]
    );
    assert!(
        shared
            .iter()
            .all(|i| !i.omraden.contains(&O::Krisberedskap))
    );
    assert_eq!(list[1].omraden.len(), 7);
    assert_eq!(
        list[0].omraden,
        vec![O::EkonomisktBistand],
        "(2018: …) is no area"
    );
}

#[test]
fn every_indikator_has_type_dimension_direction_and_unit() {
    for i in all().iter().filter(|i| !i.bakgrundsmatt) {
        for (name, v) in [
            ("typ", &i.typ),
            ("kvalitetsdimension", &i.kvalitetsdimension),
            ("riktning", &i.riktning),
            ("matenhet", &i.matenhet),
            ("syfte", &i.syfte),
        ] {
            assert!(
                v.as_deref().is_some_and(|s| !s.is_empty()),
                "{} {name}",
                i.nummer
            );
        }
        let typ = i.typ.as_deref().unwrap_or("");
        assert!(
            ["Struktur", "Process", "Resultat"]
                .iter()
                .any(|t| typ.starts_with(t)),
            "{}: {typ}",
            i.nummer
        );
        assert!(!typ.ends_with([',', '.']), "{}: {typ}", i.nummer);
    }
}

#[test]
fn markers_as_printed() {
    let list = all();
    assert_eq!(
        numbers(&list, |i| i.markering.as_deref() == Some("NY 2019")),
        vec![18, 41, 42, 50, 84, 86, 93, 94, 95, 96, 97, 99]
    );
    assert_eq!(
        numbers(&list, |i| i.markering.as_deref()
            == Some("Indikatorn justerad 2019")),
        vec![47, 51, 83, 98]
    );
    assert_eq!(
        list[16].markering.as_deref(),
        Some("Ny 2019 i Socialpsykiatri")
    );
    assert_eq!(
        list[15].markering.as_deref(),
        Some("Frågan justerad 2019 inom missbruks och beroendevården")
    );
    assert!(list.iter().all(|i| !i.titel.contains("2019")));
}

/// No field of any block holds another block's title or page furniture: titles that recur
/// are page-header copies, which the extractor must drop.
#[test]
fn no_field_contains_another_blocks_title() {
    let list = all();
    for i in &list {
        let mut texts: Vec<&str> = vec![&i.matt];
        texts.extend(
            [
                &i.markering,
                &i.matenhet,
                &i.syfte,
                &i.riktning,
                &i.typ,
                &i.kvalitetsdimension,
                &i.kriterier,
                &i.delvis,
                &i.taljare,
                &i.namnare,
                &i.definitioner,
                &i.kommentar,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str),
        );
        for f in &i.fragor {
            texts.push(&f.fraga);
            texts.extend(f.svarsalternativ.as_deref());
        }
        for t in texts {
            for other in list.iter().filter(|o| o.nummer != i.nummer) {
                assert!(
                    !t.contains(&other.titel),
                    "block {} holds the title of {}: {t}",
                    i.nummer,
                    other.nummer
                );
            }
            for bad in [
                "INDIKATORER - ÖPPNA",
                "SOCIALSTYRELSEN",
                "beskrivs här är",
                "Indikatorer inom",
            ] {
                assert!(!t.contains(bad), "block {} holds {bad:?}: {t}", i.nummer);
            }
        }
    }
}

#[test]
fn questions_with_their_labels() {
    let list = all();
    let ids =
        |n: usize| -> Vec<String> { list[n - 1].fragor.iter().map(|f| f.id.clone()).collect() };
    assert_eq!(ids(1), ["i", "ii", "iii"]);
    assert_eq!(ids(20), ["i"], "the unlabelled question is i");
    assert_eq!(ids(90), ["i", "iii"], "the source skips ii");
    assert_eq!(
        ids(50),
        ["i", "ii", "iii", "iiii", "iiiii", "iiiiii", "iiiiiii"],
        "block 50's repeated label, corrected"
    );
    // Shared answers printed after question ii belong to both questions.
    assert_eq!(
        list[87].fragor[0].svarsalternativ.as_deref(),
        Some("Ja/Nej")
    );
    assert!(
        list.iter()
            .flat_map(|i| &i.fragor)
            .all(|f| !f.fraga.is_empty())
    );
    assert_eq!(list.iter().map(|i| i.fragor.len()).sum::<usize>(), 149);
}

#[test]
fn source_lines_point_at_the_titles() {
    let list = all();
    assert_eq!(list[0].kallrad, 273);
    assert_eq!(list[98].kallrad, 10535);
    assert!(list.windows(2).all(|w| w[0].kallrad < w[1].kallrad));
}

/// Every rule and every delvis rule starts with its heading on a line of its own.
#[test]
fn rule_headings_end_their_own_line() {
    let list = all();
    let mut rules = 0;
    for i in &list {
        for rule in [&i.kriterier, &i.delvis].into_iter().flatten() {
            rules += 1;
            let (heading, conditions) = rule.split_once('\n').unwrap_or((rule, ""));
            assert!(
                heading.ends_with("krävs") || heading.ends_with(':'),
                "{}: {rule}",
                i.nummer
            );
            assert!(!conditions.trim().is_empty(), "{}: {rule}", i.nummer);
        }
    }
    assert_eq!(rules, 89 + 9);
}

/// The line structure the source prints where it matters to a kommun: the three parts of the
/// överenskommelse in 8, conditions linked by `och` in 5, and paragraphs after web addresses
/// in 41 and 43.
#[test]
fn printed_lines_kept_where_they_separate_items() {
    let list = all();
    let matt: Vec<&str> = list[7].matt.lines().collect();
    assert_eq!(matt.len(), 4, "{matt:?}");
    assert!(matt[2].starts_with("Resurs- och ansvarsfördelningen"));
    assert!(matt[3].starts_with("Rutiner för samarbete"));
    assert_eq!(list[7].fragor[0].fraga.lines().count(), 4);
    assert!(
        list[4]
            .kriterier
            .as_deref()
            .is_some_and(|k| k.ends_with("Ja på frågan i och\nJa eller Ej aktuellt på fråga ii."))
    );
    for (n, start) in [
        (41, "Med höga temperaturer"),
        (43, "Med särskilt sårbara grupper"),
    ] {
        let d = list[n - 1].definitioner.as_deref().unwrap_or("");
        assert!(d.lines().any(|l| l.starts_with(start)), "{n}: {d}");
    }
    assert!(
        list[3]
            .definitioner
            .as_deref()
            .is_some_and(|d| d.contains("flera delverksamheter/målgrupper"))
    );
}
