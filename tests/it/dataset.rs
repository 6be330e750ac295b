//! Invariants of the embedded dataset, checked on what the binary actually carries.

use std::collections::HashSet;

use insats::data::{self, Source};
use insats::model::{Catalog, Omrade};

fn catalog() -> Catalog {
    data::load(&Source::Embedded).expect("embedded data loads")
}

#[test]
fn all_409_insatser_with_the_published_count_per_omrade() {
    let c = catalog();
    assert_eq!(c.insatser.len(), 409);
    let expected = [
        (Omrade::Aldre, 75),
        (Omrade::BarnOchUnga, 119),
        (Omrade::Funktionshinder, 57),
        (Omrade::MissbrukOchBeroende, 59),
        (Omrade::Socialpsykiatri, 53),
        (Omrade::ValdINaraRelationer, 46),
    ];
    for (o, n) in expected {
        assert_eq!(c.in_omrade(o).count(), n, "{o}");
    }
}

#[test]
fn ids_are_unique_and_readable() {
    let c = catalog();
    let ids: HashSet<&str> = c.insatser.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), c.insatser.len());
    for i in &c.insatser {
        assert!(
            i.id.starts_with(&format!("{}-{}-", i.omrade.slug(), i.sektion_nr)),
            "{}",
            i.id
        );
        assert!(
            i.id.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '.'),
            "{}",
            i.id
        );
    }
}

#[test]
fn figures_are_within_bounds() {
    for i in &catalog().insatser {
        let ges = i.ges.antal.expect("every insats has a printed count");
        assert!(ges <= 290, "{}", i.id);
        for f in [i.ges, i.digital, i.enskild, i.utan] {
            assert!(f.andel.is_none_or(|p| p <= 100), "{}", i.id);
            assert_eq!(
                f.antal.is_some(),
                f.andel.is_some(),
                "{}: count and share go together",
                i.id
            );
        }
        for f in [i.digital, i.enskild, i.utan] {
            assert!(
                f.antal.is_none_or(|a| a <= ges),
                "{}: sub-column above ges",
                i.id
            );
        }
    }
}

#[test]
fn rows_with_zero_kommuner_have_dashes() {
    let c = catalog();
    let zero: Vec<_> = c
        .insatser
        .iter()
        .filter(|i| i.ges.antal == Some(0))
        .collect();
    assert_eq!(zero.len(), 16);
    assert!(
        zero.iter().all(|i| i.digital.antal.is_none()
            && i.enskild.antal.is_none()
            && i.utan.antal.is_none())
    );
}

#[test]
fn missing_texts_stay_missing() {
    let c = catalog();
    assert_eq!(
        c.insatser.iter().filter(|i| i.forklaring.is_none()).count(),
        56
    );
    assert_eq!(c.insatser.iter().filter(|i| i.kalla.is_none()).count(), 52);
}

#[test]
fn spot_checks_against_the_printed_source() {
    let c = catalog();
    let find = |omrade: Omrade, namn: &str| {
        c.in_omrade(omrade)
            .find(|i| i.namn == namn)
            .unwrap_or_else(|| panic!("{namn} in {omrade}"))
    };
    // 000 l.87: `Hemtjänst 245 (100%) 96 (40%) 115 (49%) 11 (5%)`
    let h = find(Omrade::Aldre, "Hemtjänst");
    assert_eq!(
        (h.ges.antal, h.ges.andel, h.utan.antal, h.utan.andel),
        (Some(245), Some(100), Some(11), Some(5))
    );
    assert_eq!(
        h.forklaring.as_deref(),
        Some(
            "Bistånd i form av service och personlig omvårdnad i den enskildes bostad eller motsvarande"
        )
    );
    assert_eq!(
        h.kalla.as_deref(),
        Some("Socialstyrelsen (2008) Termbanken")
    );
    // 000 l.6411: glued footnote digit, `korttidsplats2 9 (4%)`
    let k = c
        .in_omrade(Omrade::ValdINaraRelationer)
        .find(|i| {
            i.namn == "Korttidsboende, korttidsplats"
                && i.grupp.as_deref() == Some("Boendeinsatser för våldsutövande vuxna")
        })
        .expect("korttidsplats för våldsutövare");
    assert_eq!((k.ges.antal, k.ges.andel), (Some(9), Some(4)));
    // Peer support: all three columns on one line of 001.
    let p = find(Omrade::Socialpsykiatri, "Peer support");
    assert_eq!(p.forklaring.as_deref(), Some("Stöd av brukarspecialist"));
    assert!(
        p.kalla
            .as_deref()
            .is_some_and(|k| k.starts_with("Socialstyrelsen (2018)"))
    );
    // Bullets kept as separate items.
    let f = find(Omrade::Aldre, "Fixarservice, fixartjänst, fixar-Malte");
    assert!(
        f.forklaring
            .as_deref()
            .is_some_and(|t| t.contains("\n• Byta glödlampor och säkringar\n")),
        "{:?}",
        f.forklaring
    );
    // The same name for two target groups in one område.
    let mi: Vec<_> = c
        .in_omrade(Omrade::ValdINaraRelationer)
        .filter(|i| i.namn == "Motiverande samtal (MI)")
        .collect();
    assert_eq!(mi.len(), 2);
    assert_ne!(mi[0].grupp, mi[1].grupp);
}
