//! The six verksamhetsområden of SKR's kartläggning.

use std::fmt;
use std::str::FromStr;

/// A verksamhetsområde, in the order of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Omrade {
    Aldre,
    BarnOchUnga,
    Funktionshinder,
    MissbrukOchBeroende,
    Socialpsykiatri,
    ValdINaraRelationer,
}

impl Omrade {
    /// All områden in source order.
    pub const ALL: [Omrade; 6] = [
        Omrade::Aldre,
        Omrade::BarnOchUnga,
        Omrade::Funktionshinder,
        Omrade::MissbrukOchBeroende,
        Omrade::Socialpsykiatri,
        Omrade::ValdINaraRelationer,
    ];

    /// The name as stored in the CSV (`äldre`, `barn och unga`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Omrade::Aldre => "äldre",
            Omrade::BarnOchUnga => "barn och unga",
            Omrade::Funktionshinder => "funktionshinder",
            Omrade::MissbrukOchBeroende => "missbruk och beroende",
            Omrade::Socialpsykiatri => "socialpsykiatri",
            Omrade::ValdINaraRelationer => "våld i nära relationer",
        }
    }

    /// The name with a capital first letter, for headings.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Omrade::Aldre => "Äldre",
            Omrade::BarnOchUnga => "Barn och unga",
            Omrade::Funktionshinder => "Funktionshinder",
            Omrade::MissbrukOchBeroende => "Missbruk och beroende",
            Omrade::Socialpsykiatri => "Socialpsykiatri",
            Omrade::ValdINaraRelationer => "Våld i nära relationer",
        }
    }

    /// The short label where room is scarce (list rows, compact tables, a narrow CLI column):
    /// `Äldre`, `Barn`, `Funk`, `Missbr`, `Socpsyk`, `Våld`.
    #[must_use]
    pub fn short_label(self) -> &'static str {
        match self {
            Omrade::Aldre => "Äldre",
            Omrade::BarnOchUnga => "Barn",
            Omrade::Funktionshinder => "Funk",
            Omrade::MissbrukOchBeroende => "Missbr",
            Omrade::Socialpsykiatri => "Socpsyk",
            Omrade::ValdINaraRelationer => "Våld",
        }
    }

    /// Short ASCII slug used in ids (`aldre`, `barn`, `funk`, `missbruk`, `socpsyk`, `vald`).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Omrade::Aldre => "aldre",
            Omrade::BarnOchUnga => "barn",
            Omrade::Funktionshinder => "funk",
            Omrade::MissbrukOchBeroende => "missbruk",
            Omrade::Socialpsykiatri => "socpsyk",
            Omrade::ValdINaraRelationer => "vald",
        }
    }
}

impl fmt::Display for Omrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a name that is not one of the six områden.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "okänt område {0:?} (giltiga: äldre, barn och unga, funktionshinder, missbruk och beroende, socialpsykiatri, våld i nära relationer)"
)]
pub struct UnknownOmrade(pub String);

impl FromStr for Omrade {
    type Err = UnknownOmrade;

    /// Accepts the CSV name, the slug, or the title, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        Omrade::ALL
            .into_iter()
            .find(|o| o.as_str() == wanted || o.slug() == wanted)
            .ok_or_else(|| UnknownOmrade(super::shown(s)))
    }
}
