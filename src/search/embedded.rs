//! The search keys of the embedded insatser, compiled in: `build.rs` folds the names and
//! förklaringar of `data/insatser.csv` with the functions of `keys` when insats is built,
//! so a search of the embedded catalogue starts without building an index.

use std::borrow::Cow;

use super::keys::CharSet;
use super::{Abbreviation, Entry, Folded, Key, MatchKind, Place};
use crate::data::embedded::INSATSER;
use crate::model::{Insats, Omrade};

include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));

/// Whether `insatser` are the embedded ones in everything their search keys are made of,
/// so that [`ENTRIES`] and [`RANK`] are their index. A comparison, not a guess: a catalogue
/// loaded with `--data` from a copy of `data/` gets the compiled-in keys too, one that
/// differs in any name, förklaring or place builds its own.
pub(super) fn is_embedded(insatser: &[Insats]) -> bool {
    insatser.len() == INSATSER.len()
        && insatser.iter().zip(INSATSER).all(|(i, r)| {
            i.namn == r.namn
                && i.omrade == r.omrade
                && *i.sektion_nr == *r.sektion_nr
                && i.grupp.as_deref() == r.grupp
                && i.namn_bilaga.as_deref() == r.namn_bilaga
                && i.forklaring.as_deref() == r.forklaring
        })
}

#[cfg(test)]
mod tests {
    use super::super::SearchIndex;
    use super::*;

    /// The compiled-in keys are the ones the index builds at run time from what the CSV
    /// loader reads out of `data/insatser.csv`.
    #[test]
    fn the_compiled_in_index_is_the_one_built_from_the_csv() {
        let insatser = crate::data::insatser::parse(
            crate::data::EMBEDDED_INSATSER,
            std::path::Path::new("data/insatser.csv"),
        )
        .expect("data/insatser.csv loads");
        assert!(is_embedded(&insatser));
        let catalog = crate::model::Catalog {
            insatser,
            ..crate::model::Catalog::default()
        };
        let built = SearchIndex::build(&catalog, 1);
        assert_eq!(built.entries.len(), ENTRIES.len());
        for (n, (a, b)) in built.entries.iter().zip(ENTRIES).enumerate() {
            assert_eq!(a, b, "insats {n}");
        }
        assert_eq!(&*built.rank, RANK);
        assert_eq!(&*built.places, PLACES);
        // And `new` takes the compiled-in keys for it.
        assert!(matches!(
            SearchIndex::new(&catalog).entries,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_catalogue_that_differs_gets_its_own_index() {
        let mut insatser = crate::data::load_insatser(&crate::data::Source::Embedded)
            .expect("embedded")
            .insatser;
        insatser[3].forklaring = Some("Något annat".into());
        assert!(!is_embedded(&insatser));
        insatser.truncate(10);
        assert!(!is_embedded(&insatser));
    }
}
