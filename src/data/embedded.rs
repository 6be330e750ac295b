//! The embedded `data/insatser.csv`, compiled in: `build.rs` reads the file when insats is
//! built and writes the rows as the static [`INSATSER`], so that loading the embedded
//! insatser is copying, not parsing. The test below holds it to what the CSV loader reads
//! from the same file.

use crate::model::{Figure, Insats, Omrade};

/// One row of `data/insatser.csv` as static data: the fields of [`Insats`].
#[derive(Debug)]
pub(crate) struct RawInsats {
    pub id: &'static str,
    pub omrade: Omrade,
    pub sektion_nr: &'static str,
    pub sektion: &'static str,
    pub grupp: Option<&'static str>,
    pub namn: &'static str,
    pub namn_bilaga: Option<&'static str>,
    pub ges: Figure,
    pub digital: Figure,
    pub enskild: Figure,
    pub utan: Figure,
    pub forklaring: Option<&'static str>,
    pub kalla: Option<&'static str>,
    pub kallrad_000: u32,
    pub kallrad_001: u32,
}

/// The rows of `data/insatser.csv`, in file order.
pub(crate) static INSATSER: &[RawInsats] =
    include!(concat!(env!("OUT_DIR"), "/embedded_insatser.rs"));

/// The embedded insatser as the model holds them.
pub(crate) fn insatser() -> Vec<Insats> {
    let owned = |s: Option<&str>| s.map(str::to_string);
    INSATSER
        .iter()
        .map(|r| Insats {
            id: r.id.to_string(),
            omrade: r.omrade,
            sektion_nr: r.sektion_nr.to_string(),
            sektion: r.sektion.to_string(),
            grupp: owned(r.grupp),
            namn: r.namn.to_string(),
            namn_bilaga: owned(r.namn_bilaga),
            ges: r.ges,
            digital: r.digital,
            enskild: r.enskild,
            utan: r.utan,
            forklaring: owned(r.forklaring),
            kalla: owned(r.kalla),
            kallrad_000: r.kallrad_000,
            kallrad_001: r.kallrad_001,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// What is compiled in is what the CSV loader reads from `data/insatser.csv`, with all
    /// its checks: the two can never drift apart.
    #[test]
    fn the_compiled_in_insatser_are_what_the_csv_loader_reads() {
        let from_csv = super::super::insatser::parse(
            super::super::EMBEDDED_INSATSER,
            Path::new("data/insatser.csv"),
        )
        .expect("data/insatser.csv loads");
        let compiled_in = insatser();
        assert_eq!(compiled_in.len(), from_csv.len());
        for (a, b) in compiled_in.iter().zip(&from_csv) {
            assert_eq!(a, b, "{}", b.id);
        }
    }
}
