//! The Skåne figures of SKR's *Inventering av socialtjänstens insatser, Skåne län* (002).
//!
//! They cover the område missbruk och beroende, measure supply 2016–2020 among the kommuner
//! of Skåne that answered, and are a different measure from the national figures of
//! [`Insats`](super::Insats): show them side by side, never mixed.

use std::fmt;
use std::str::FromStr;

/// The measure period of every Skåne figure.
pub const SKANE_PERIOD: &str = "2016–2020";

/// One of the printed Skåne tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkaneTabell {
    /// De tio vanligaste av de kartlagda insatserna.
    Vanligaste,
    /// De tio minst vanliga av de kartlagda insatserna.
    MinstVanliga,
    /// Vanligast fysisk form.
    Fysisk,
    /// Vanligast både fysisk och digital form.
    FysiskOchDigital,
    /// Vanligast digital form (printed without rows).
    Digital,
    /// Vanligast kommunal regi.
    KommunalRegi,
    /// Vanligast både kommunal och enskild regi.
    KommunalOchEnskildRegi,
    /// Vanligast enskild regi.
    EnskildRegi,
    /// Vanligast enbart med biståndsbeslut.
    MedBeslut,
    /// Vanligast både med och utan biståndsbeslut.
    MedOchUtanBeslut,
    /// Vanligast enbart utan biståndsbeslut.
    UtanBeslut,
}

impl SkaneTabell {
    /// All tables in source order.
    pub const ALL: [SkaneTabell; 11] = [
        SkaneTabell::Vanligaste,
        SkaneTabell::MinstVanliga,
        SkaneTabell::Fysisk,
        SkaneTabell::FysiskOchDigital,
        SkaneTabell::Digital,
        SkaneTabell::KommunalRegi,
        SkaneTabell::KommunalOchEnskildRegi,
        SkaneTabell::EnskildRegi,
        SkaneTabell::MedBeslut,
        SkaneTabell::MedOchUtanBeslut,
        SkaneTabell::UtanBeslut,
    ];

    /// Stable ASCII slug used in the CSV.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            SkaneTabell::Vanligaste => "vanligaste",
            SkaneTabell::MinstVanliga => "minst_vanliga",
            SkaneTabell::Fysisk => "fysisk",
            SkaneTabell::FysiskOchDigital => "fysisk_och_digital",
            SkaneTabell::Digital => "digital",
            SkaneTabell::KommunalRegi => "kommunal_regi",
            SkaneTabell::KommunalOchEnskildRegi => "kommunal_och_enskild_regi",
            SkaneTabell::EnskildRegi => "enskild_regi",
            SkaneTabell::MedBeslut => "med_beslut",
            SkaneTabell::MedOchUtanBeslut => "med_och_utan_beslut",
            SkaneTabell::UtanBeslut => "utan_beslut",
        }
    }

    /// The table's name as printed in 002.
    #[must_use]
    pub fn namn(self) -> &'static str {
        match self {
            SkaneTabell::Vanligaste => "De tio vanligaste av de kartlagda insatserna",
            SkaneTabell::MinstVanliga => "De tio minst vanliga av de kartlagda insatserna",
            SkaneTabell::Fysisk => "Vanligast fysisk form",
            SkaneTabell::FysiskOchDigital => "Vanligast både fysisk och digital form",
            SkaneTabell::Digital => "Vanligast digital form",
            SkaneTabell::KommunalRegi => "Vanligast kommunal regi",
            SkaneTabell::KommunalOchEnskildRegi => "Vanligast både kommunal och enskild regi",
            SkaneTabell::EnskildRegi => "Vanligast enskild regi",
            SkaneTabell::MedBeslut => "Vanligast enbart med biståndsbeslut",
            SkaneTabell::MedOchUtanBeslut => "Vanligast både med och utan biståndsbeslut",
            SkaneTabell::UtanBeslut => "Vanligast enbart utan biståndsbeslut",
        }
    }

    /// The table with this printed name, if any.
    #[must_use]
    pub fn from_namn(namn: &str) -> Option<SkaneTabell> {
        let namn = namn.trim();
        SkaneTabell::ALL.into_iter().find(|t| t.namn() == namn)
    }
}

impl fmt::Display for SkaneTabell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Error for a slug that names no Skåne table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("okänd Skånetabell {0:?}")]
pub struct UnknownSkaneTabell(pub String);

impl FromStr for SkaneTabell {
    type Err = UnknownSkaneTabell;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        SkaneTabell::ALL
            .into_iter()
            .find(|t| t.slug() == s)
            .ok_or_else(|| UnknownSkaneTabell(super::shown(s)))
    }
}

/// One row of a Skåne table, linked to its insats in the område missbruk och beroende.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkaneRow {
    pub tabell: SkaneTabell,
    /// The section heading above the table, as printed.
    pub avsnitt: String,
    /// 1-based position of the row in the printed table.
    pub rang: u32,
    /// The insats name as printed, without the `*` and the `(n)` suffix.
    pub namn: String,
    /// The row is marked `*`: the insats is given to anhöriga.
    pub anhoriga: bool,
    /// Id of the insats in the catalogue.
    pub insats_id: String,
    /// Printed share in percent (0–100).
    pub andel: u8,
    /// What the share is of: the column heading as printed.
    pub andel_rubrik: String,
    /// Number of kommuner.
    pub antal: u32,
    /// What the number counts: the column heading as printed.
    pub antal_rubrik: String,
    /// Number of kommuner that answered the item (the share's denominator).
    pub antal_svarande: u32,
    /// Measure period, [`SKANE_PERIOD`].
    pub period: String,
    /// Source line of the row in 002.
    pub kallrad: u32,
}
