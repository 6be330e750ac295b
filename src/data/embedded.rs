//! The embedded `data/insatser.csv`, `data/indikatorer.csv`, `data/indikator_fragor.csv`,
//! `data/lagesrapport.csv` and `data/kopplingar.csv`, compiled in: `build.rs` reads the files
//! when insats is built and writes the rows as static data ([`INSATSER`], [`INDIKATORER`],
//! …), so that loading them is copying, not parsing. The tests below hold them to what the
//! CSV loader reads from the same files.

use std::sync::Arc;

use super::indikatorer::{COLUMNS, FRAGOR_COLUMNS, OMRADE_SEPARATOR};
use crate::model::{
    Figure, Fraga, Indikator, IndikatorOmrade, Insats, Koppling, Lagesiakttagelse, Omrade,
};

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
            sektion_nr: r.sektion_nr.into(),
            sektion: r.sektion.into(),
            grupp: r.grupp.map(Arc::from),
            namn: r.namn.to_string(),
            namn_bilaga: owned(r.namn_bilaga),
            ges: r.ges,
            digital: r.digital,
            enskild: r.enskild,
            utan: r.utan,
            forklaring: r.forklaring.map(Arc::from),
            kalla: r.kalla.map(Arc::from),
            kallrad_000: r.kallrad_000,
            kallrad_001: r.kallrad_001,
        })
        .collect()
}

/// The rows of `data/indikatorer.csv`, in file order, each field as it stands in the file.
static INDIKATORER: &[[&str; COLUMNS.len()]] =
    include!(concat!(env!("OUT_DIR"), "/embedded_indikatorer.rs"));

/// The rows of `data/indikator_fragor.csv`, in file order, each field as it stands in the file.
static FRAGOR: &[[&str; FRAGOR_COLUMNS.len()]] =
    include!(concat!(env!("OUT_DIR"), "/embedded_indikator_fragor.rs"));

/// The embedded indikatorer with their frågor, as the model holds them. The files are
/// checked by the CSV loader in the test below, so the fields are taken as they are.
pub(crate) fn indikatorer() -> Vec<Indikator> {
    let optional = |v: &str| (!v.trim().is_empty()).then(|| v.to_string());
    let number = |v: &str| v.trim().parse().unwrap_or(0);
    let mut out: Vec<Indikator> = INDIKATORER
        .iter()
        .map(|f| Indikator {
            nummer: number(f[0]),
            titel: f[1].to_string(),
            markering: optional(f[2]),
            omraden: f[3]
                .split(OMRADE_SEPARATOR)
                .filter_map(|name| {
                    IndikatorOmrade::ALL
                        .into_iter()
                        .find(|o| o.as_str() == name.trim())
                })
                .collect(),
            bakgrundsmatt: f[4].trim() == "true",
            matt: f[5].to_string(),
            matenhet: optional(f[6]),
            syfte: optional(f[7]),
            riktning: optional(f[8]),
            typ: optional(f[9]),
            kvalitetsdimension: optional(f[10]),
            kriterier: optional(f[11]),
            delvis: optional(f[12]),
            taljare: optional(f[13]),
            namnare: optional(f[14]),
            definitioner: optional(f[15]),
            kommentar: optional(f[16]),
            kallrad: number(f[17]),
            fragor: Vec::new(),
        })
        .collect();
    for f in FRAGOR {
        let nummer: u32 = number(f[0]);
        if let Some(i) = out.iter_mut().find(|i| i.nummer == nummer) {
            i.fragor.push(Fraga {
                id: f[1].to_string(),
                fraga: f[2].to_string(),
                svarsalternativ: optional(f[3]),
            });
        }
    }
    out
}

/// The rows of `data/lagesrapport.csv`, in file order, each field as it stands in the file.
static LAGESRAPPORT: &[[&str; super::lagesrapport::COLUMNS.len()]] =
    include!(concat!(env!("OUT_DIR"), "/embedded_lagesrapport.rs"));

/// The rows of `data/kopplingar.csv`, in file order, each field as it stands in the file.
static KOPPLINGAR: &[[&str; super::kopplingar::COLUMNS.len()]] =
    include!(concat!(env!("OUT_DIR"), "/embedded_kopplingar.rs"));

/// The embedded Lägesrapport findings, as the model holds them (checked as [`indikatorer`]).
pub(crate) fn lagesrapport() -> Vec<Lagesiakttagelse> {
    LAGESRAPPORT
        .iter()
        .map(|f| Lagesiakttagelse {
            id: f[0].to_string(),
            kapitel: f[1].to_string(),
            punkt: f[2].trim().parse().unwrap_or(0),
            omraden: f[3]
                .split(super::lagesrapport::OMRADE_SEPARATOR)
                .filter(|name| !name.trim().is_empty())
                .filter_map(|name| name.parse::<Omrade>().ok())
                .collect(),
            text: f[4].to_string(),
            kallrad: f[5].trim().parse().unwrap_or(0),
        })
        .collect()
}

/// The embedded links between indikatorer and insatser (checked as [`indikatorer`]).
pub(crate) fn kopplingar() -> Vec<Koppling> {
    KOPPLINGAR
        .iter()
        .map(|f| Koppling {
            indikator: f[0].trim().parse().unwrap_or(0),
            insats_id: f[1].to_string(),
            skal: f[2].to_string(),
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

    /// The same for the indikatorer and their frågor.
    #[test]
    fn the_compiled_in_indikatorer_are_what_the_csv_loader_reads() {
        let from_csv = super::super::indikatorer::parse(
            (
                super::super::EMBEDDED_INDIKATORER,
                Path::new("data/indikatorer.csv"),
            ),
            (
                super::super::EMBEDDED_INDIKATOR_FRAGOR,
                Path::new("data/indikator_fragor.csv"),
            ),
        )
        .expect("data/indikatorer.csv loads");
        let compiled_in = indikatorer();
        assert_eq!(compiled_in.len(), from_csv.len());
        for (a, b) in compiled_in.iter().zip(&from_csv) {
            assert_eq!(a, b, "{}", b.nummer);
        }
    }

    /// The same for the Lägesrapport and the kopplingar.
    #[test]
    fn the_compiled_in_lagesrapport_and_kopplingar_are_what_the_csv_loader_reads() {
        let from_csv = super::super::lagesrapport::parse(
            super::super::EMBEDDED_LAGESRAPPORT,
            Path::new("data/lagesrapport.csv"),
        )
        .expect("data/lagesrapport.csv loads");
        assert_eq!(lagesrapport(), from_csv);
        let from_csv = super::super::kopplingar::parse(
            super::super::EMBEDDED_KOPPLINGAR,
            Path::new("data/kopplingar.csv"),
            &insatser(),
            &indikatorer(),
        )
        .expect("data/kopplingar.csv loads");
        assert_eq!(kopplingar(), from_csv);
    }
}
