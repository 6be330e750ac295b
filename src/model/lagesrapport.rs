//! Findings of Socialstyrelsen's *Lägesrapport individ- och familjeomsorg 2019* (004).

use super::Omrade;

/// One bullet of a chapter's "Sammanfattande iakttagelser".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lagesiakttagelse {
    /// Stable id: chapter slug and the bullet's number within the chapter, e.g. `barn-3`.
    pub id: String,
    /// Chapter title as printed (unwrapped).
    pub kapitel: String,
    /// 1-based number of the bullet within its chapter.
    pub punkt: u32,
    /// The områden the bullet concerns; empty where it concerns none of the six.
    pub omraden: Vec<Omrade>,
    /// The bullet text, unwrapped.
    pub text: String,
    /// Source line in 004 where the bullet starts.
    pub kallrad: u32,
}
