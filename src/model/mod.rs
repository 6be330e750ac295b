//! Pure domain types, immutable after load: områden, insatser and their statistics, the
//! Skåne figures, the Lägesrapport's findings, Socialstyrelsen's indikatorer and the links
//! between indikatorer and insatser.
//!
//! Nothing here reads files or knows about terminals; `data` builds these values and
//! everything else reads them.

use std::sync::Arc;

mod indikator;
mod koppling;
mod lagesrapport;
mod namesakes;
mod omrade;
mod skane;

pub use indikator::{Fraga, Indikator, IndikatorOmrade, UnknownIndikatorOmrade};
pub use koppling::Koppling;
pub use lagesrapport::Lagesiakttagelse;
pub use namesakes::{Namesakes, name_key, namesake_label, same_name};
pub use omrade::{Omrade, UnknownOmrade};
pub use skane::{SKANE_PERIOD, SkaneRow, SkaneTabell, UnknownSkaneTabell};

/// Longest value, in characters, that an error message quotes whole.
pub const SHOWN_CHARS: usize = 60;

/// A value as an error message quotes it: cut to [`SHOWN_CHARS`] characters with `…`, so that
/// a message stays one paragraph even when a file holds a huge field.
#[must_use]
pub fn shown(value: &str) -> String {
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// One statistic cell of SKR's table: a count of kommuner and the printed share.
///
/// Both are `None` where the source prints `-`. The share is the one printed in the source,
/// relative to the kommuner that answered that item; it is never recomputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    /// Number of kommuner.
    pub antal: Option<u32>,
    /// Share in percent, as printed (0–100).
    pub andel: Option<u8>,
}

/// One insats of SKR's *Kartläggning av insatser i socialtjänst*.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insats {
    /// Stable, readable id built from område, section, group and name.
    pub id: String,
    pub omrade: Omrade,
    /// Section number as printed, e.g. `2.1`. This and the other texts that many insatser
    /// share (heading, group, källa) are one string each, shared.
    pub sektion_nr: Arc<str>,
    /// Section heading without its number.
    pub sektion: Arc<str>,
    /// Group subheading; `None` where the section has none.
    pub grupp: Option<Arc<str>>,
    /// Name as printed in the result tables (000).
    pub namn: String,
    /// Name as printed in the appendix (001) where it differs from `namn`.
    pub namn_bilaga: Option<String>,
    /// Kommuner that give the insats at all.
    pub ges: Figure,
    /// … give it in digital form.
    pub digital: Figure,
    /// … give it in enskild regi.
    pub enskild: Figure,
    /// … give it utan biståndsbeslut.
    pub utan: Figure,
    /// Förklaring from the appendix; bullet items are separate lines starting with `• `.
    /// Shared, not copied, with the search index, which looks for words in it.
    pub forklaring: Option<Arc<str>>,
    /// Källa from the appendix.
    pub kalla: Option<Arc<str>>,
    /// Source line of the row's last line in 000 (where the figures are printed).
    pub kallrad_000: u32,
    /// Source line where the insats starts in 001.
    pub kallrad_001: u32,
}

/// The whole catalogue, in source order.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub insatser: Vec<Insats>,
    /// The Skåne tables of 002, each row linked to an insats.
    pub skane: Vec<SkaneRow>,
    /// The "Sammanfattande iakttagelser" of the Lägesrapport (004).
    pub lagesrapport: Vec<Lagesiakttagelse>,
    /// Socialstyrelsen's indikatorer and bakgrundsmått, by nummer.
    pub indikatorer: Vec<Indikator>,
    /// Links between indikatorer and insatser, sorted by indikator and insats id.
    pub kopplingar: Vec<Koppling>,
}

impl Catalog {
    /// The insats with this id, if any.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Insats> {
        self.insatser.iter().find(|i| i.id == id)
    }

    /// Index of the insats with this id, if any.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.insatser.iter().position(|i| i.id == id)
    }

    /// Insatser in this område, in source order.
    pub fn in_omrade(&self, omrade: Omrade) -> impl Iterator<Item = &Insats> {
        self.insatser.iter().filter(move |i| i.omrade == omrade)
    }

    /// The indikator with this nummer, if any.
    #[must_use]
    pub fn indikator(&self, nummer: u32) -> Option<&Indikator> {
        self.indikatorer.iter().find(|i| i.nummer == nummer)
    }

    /// The indikatorer linked to the insats `insats_id`, in number order.
    #[must_use]
    pub fn indikatorer_for(&self, insats_id: &str) -> Vec<&Indikator> {
        self.indikatorer
            .iter()
            .filter(|i| {
                self.kopplingar
                    .iter()
                    .any(|k| k.indikator == i.nummer && k.insats_id == insats_id)
            })
            .collect()
    }

    /// The insatser linked to the indikator `nummer`, in catalogue order.
    #[must_use]
    pub fn insatser_for(&self, nummer: u32) -> Vec<&Insats> {
        self.insatser
            .iter()
            .filter(|i| {
                self.kopplingar
                    .iter()
                    .any(|k| k.indikator == nummer && k.insats_id == i.id)
            })
            .collect()
    }
}
