//! Socialstyrelsen's indikatorer (öppna jämförelser 2019): the 99 numbered blocks of 003.

use std::fmt;
use std::str::FromStr;

use super::Omrade;

/// An area an indikator is published in, with the names normalised as in `data/indikatorer.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndikatorOmrade {
    EkonomisktBistand,
    Krisberedskap,
    Missbruk,
    BarnOchUnga,
    Lss,
    Socialpsykiatri,
    Vald,
    Aldreomsorg,
    HalsoOchSjukvard,
}

impl IndikatorOmrade {
    /// All areas in the order of the source's sections.
    pub const ALL: [IndikatorOmrade; 9] = [
        IndikatorOmrade::EkonomisktBistand,
        IndikatorOmrade::Krisberedskap,
        IndikatorOmrade::Missbruk,
        IndikatorOmrade::BarnOchUnga,
        IndikatorOmrade::Lss,
        IndikatorOmrade::Socialpsykiatri,
        IndikatorOmrade::Vald,
        IndikatorOmrade::Aldreomsorg,
        IndikatorOmrade::HalsoOchSjukvard,
    ];

    /// The normalised name, as stored in the CSV.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            IndikatorOmrade::EkonomisktBistand => "Ekonomiskt bistånd",
            IndikatorOmrade::Krisberedskap => "Krisberedskap",
            IndikatorOmrade::Missbruk => "Missbruks- och beroendevården",
            IndikatorOmrade::BarnOchUnga => "Social barn- och ungdomsvård",
            IndikatorOmrade::Lss => "LSS",
            IndikatorOmrade::Socialpsykiatri => "Socialpsykiatri",
            IndikatorOmrade::Vald => "Våld i nära relation",
            IndikatorOmrade::Aldreomsorg => "Äldreomsorg",
            IndikatorOmrade::HalsoOchSjukvard => "Kommunal hälso- och sjukvård",
        }
    }

    /// The område of SKR's kartläggning that covers the same verksamhet, if any: Ekonomiskt
    /// bistånd, Krisberedskap and Kommunal hälso- och sjukvård have none.
    #[must_use]
    pub fn insats_omrade(self) -> Option<Omrade> {
        match self {
            IndikatorOmrade::Missbruk => Some(Omrade::MissbrukOchBeroende),
            IndikatorOmrade::BarnOchUnga => Some(Omrade::BarnOchUnga),
            IndikatorOmrade::Lss => Some(Omrade::Funktionshinder),
            IndikatorOmrade::Socialpsykiatri => Some(Omrade::Socialpsykiatri),
            IndikatorOmrade::Vald => Some(Omrade::ValdINaraRelationer),
            IndikatorOmrade::Aldreomsorg => Some(Omrade::Aldre),
            IndikatorOmrade::EkonomisktBistand
            | IndikatorOmrade::Krisberedskap
            | IndikatorOmrade::HalsoOchSjukvard => None,
        }
    }

    /// Short ASCII slug, accepted on the command line (`ekonomiskt-bistand`, `lss`, …).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            IndikatorOmrade::EkonomisktBistand => "ekonomiskt-bistand",
            IndikatorOmrade::Krisberedskap => "krisberedskap",
            IndikatorOmrade::Missbruk => "missbruk",
            IndikatorOmrade::BarnOchUnga => "barn-och-unga",
            IndikatorOmrade::Lss => "lss",
            IndikatorOmrade::Socialpsykiatri => "socialpsykiatri",
            IndikatorOmrade::Vald => "vald",
            IndikatorOmrade::Aldreomsorg => "aldreomsorg",
            IndikatorOmrade::HalsoOchSjukvard => "halso-och-sjukvard",
        }
    }
}

impl fmt::Display for IndikatorOmrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a name that is not one of the nine indikator areas.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "okänt område {0:?} (giltiga: Ekonomiskt bistånd, Krisberedskap, Missbruks- och beroendevården, Social barn- och ungdomsvård, LSS, Socialpsykiatri, Våld i nära relation, Äldreomsorg, Kommunal hälso- och sjukvård, eller kortnamnen ekonomiskt-bistand, krisberedskap, missbruk, barn-och-unga, lss, socialpsykiatri, vald, aldreomsorg, halso-och-sjukvard)"
)]
pub struct UnknownIndikatorOmrade(pub String);

impl FromStr for IndikatorOmrade {
    type Err = UnknownIndikatorOmrade;

    /// Accepts the normalised name or the slug, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        IndikatorOmrade::ALL
            .into_iter()
            .find(|o| o.as_str().to_lowercase() == wanted || o.slug() == wanted)
            .ok_or_else(|| UnknownIndikatorOmrade(super::shown(s)))
    }
}

/// One survey question of an indikator's Teknisk beskrivning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fraga {
    /// The label as printed (`i`, `ii`, …); `i` for a block's single unlabelled question.
    pub id: String,
    /// The question, with its listed options on separate lines.
    pub fraga: String,
    /// The answer alternatives, where printed.
    pub svarsalternativ: Option<String>,
}

/// One numbered block of 003: an indikator or a bakgrundsmått.
///
/// Text fields keep the source's wording; line breaks separate list items and the
/// conditions of a rule. `None` where the block has no such field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    /// The block number, 1–99.
    pub nummer: u32,
    /// Title, unwrapped, without marker and without a `Bakgrundsmått:` prefix.
    pub titel: String,
    /// `NY 2019`, `Indikatorn justerad 2019` or the source's own qualified note.
    pub markering: Option<String>,
    /// The areas the block is published in.
    pub omraden: Vec<IndikatorOmrade>,
    /// True for the nine bakgrundsmått, which are reported but not met or missed.
    pub bakgrundsmatt: bool,
    /// The Indikator/Mått, Mått or Bakgrundsmått text.
    pub matt: String,
    pub matenhet: Option<String>,
    pub syfte: Option<String>,
    pub riktning: Option<String>,
    pub typ: Option<String>,
    pub kvalitetsdimension: Option<String>,
    /// The complete "För att uppnå indikatorn … krävs: …" rule a kommun checks itself against.
    pub kriterier: Option<String>,
    /// The rule for *delvis*, where defined.
    pub delvis: Option<String>,
    pub taljare: Option<String>,
    pub namnare: Option<String>,
    pub definitioner: Option<String>,
    pub kommentar: Option<String>,
    /// Source line of the block's first title line in 003.
    pub kallrad: u32,
    /// The survey questions, in source order.
    pub fragor: Vec<Fraga>,
}

impl Indikator {
    /// Whether the block is published in `omrade`.
    #[must_use]
    pub fn in_omrade(&self, omrade: IndikatorOmrade) -> bool {
        self.omraden.contains(&omrade)
    }

    /// Whether an insats of `omrade` belongs to one of the areas the block is published in.
    #[must_use]
    pub fn covers(&self, omrade: Omrade) -> bool {
        self.omraden
            .iter()
            .any(|o| o.insats_omrade() == Some(omrade))
    }
}
