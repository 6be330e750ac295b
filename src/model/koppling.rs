//! Links between Socialstyrelsen's indikatorer and SKR's insatser, reviewed by hand.

/// One link: the indikator asks whether the kommun offers the insats, or is wholly about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koppling {
    /// The indikator's nummer (1–99).
    pub indikator: u32,
    /// The id of the insats in the catalogue.
    pub insats_id: String,
    /// Why they are linked, citing what the indikator asks.
    pub skal: String,
}
