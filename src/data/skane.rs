//! `data/skane.csv`: the Skåne tables of 002, one row per table row, each linked to an insats
//! of the område missbruk och beroende.

use std::path::Path;

use super::DataError;
use super::insatser::MAX_KOMMUNER;
use super::rows::Table;
use crate::model::shown;
use crate::model::{Insats, Omrade, SKANE_PERIOD, SkaneRow, SkaneTabell, UnknownSkaneTabell};

/// File name inside a data directory.
pub const FILE_NAME: &str = "skane.csv";

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "tabell",
    "tabell_namn",
    "avsnitt",
    "rang",
    "namn",
    "anhoriga",
    "insats_id",
    "andel",
    "andel_rubrik",
    "antal",
    "antal_rubrik",
    "antal_svarande",
    "period",
    "kallrad",
];

/// Serialize the rows as CSV with the header row, in the given order.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, rows: &[SkaneRow]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, rows, |w, r| {
        w.write_record([
            r.tabell.slug(),
            r.tabell.namn(),
            r.avsnitt.as_str(),
            &r.rang.to_string(),
            r.namn.as_str(),
            if r.anhoriga { "true" } else { "false" },
            r.insats_id.as_str(),
            &r.andel.to_string(),
            r.andel_rubrik.as_str(),
            &r.antal.to_string(),
            r.antal_rubrik.as_str(),
            &r.antal_svarande.to_string(),
            r.period.as_str(),
            &r.kallrad.to_string(),
        ])?;
        Ok(())
    })
}

/// Parse the text of `skane.csv`, checking every `insats_id` against `insatser`; `file` is
/// used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found, a dangling
/// `insats_id` included.
pub fn parse(
    text: &(impl AsRef<[u8]> + ?Sized),
    file: &Path,
    insatser: &[Insats],
) -> Result<Vec<SkaneRow>, DataError> {
    let mut out: Vec<SkaneRow> = Vec::new();
    Table::open(text.as_ref(), file, &COLUMNS)?.for_each_row(|row| {
        let tabell: SkaneTabell = row
            .required("tabell")?
            .parse()
            .map_err(|e: UnknownSkaneTabell| row.error("tabell", e.to_string()))?;
        let namn = row.get("tabell_namn");
        if namn != tabell.namn() {
            return Err(row.error(
                "tabell_namn",
                format!(
                    "{:?} hör inte till tabellen {tabell}, som heter {:?}",
                    shown(namn),
                    tabell.namn()
                ),
            ));
        }
        let rang = row.number("rang", 1, 10)?;
        let expected = match out.last() {
            Some(prev) if prev.tabell == tabell => prev.rang + 1,
            _ if out.iter().any(|p| p.tabell == tabell) => {
                return Err(row.error(
                    "tabell",
                    format!("tabellens rader ska stå i följd, men {tabell} har börjat tidigare"),
                ));
            }
            _ => 1,
        };
        if rang != expected {
            return Err(row.error(
                "rang",
                format!("{rang}, väntade {expected} i tabellen {tabell}"),
            ));
        }
        let insats_id = row.required("insats_id")?;
        let insats = insatser.iter().find(|i| i.id == insats_id).ok_or_else(|| {
            row.error(
                "insats_id",
                format!("ingen insats med id {:?} i katalogen", shown(&insats_id)),
            )
        })?;
        if insats.omrade != Omrade::MissbrukOchBeroende {
            return Err(row.error(
                "insats_id",
                format!(
                    "insatsen {:?} hör till området {}, Skånetabellerna gäller {}",
                    shown(&insats_id),
                    insats.omrade,
                    Omrade::MissbrukOchBeroende
                ),
            ));
        }
        let period = row.required("period")?;
        if period != SKANE_PERIOD {
            return Err(row.error(
                "period",
                format!("{:?}, väntade {SKANE_PERIOD:?}", shown(&period)),
            ));
        }
        let antal_svarande = row.number("antal_svarande", 1, MAX_KOMMUNER)?;
        let antal = row.number("antal", 0, antal_svarande)?;
        let andel = u8::try_from(row.number("andel", 0, 100)?).unwrap_or(100);
        out.push(SkaneRow {
            tabell,
            avsnitt: row.required("avsnitt")?,
            rang,
            namn: row.required("namn")?,
            anhoriga: row.boolean("anhoriga")?,
            insats_id,
            andel,
            andel_rubrik: row.required("andel_rubrik")?,
            antal,
            antal_rubrik: row.required("antal_rubrik")?,
            antal_svarande,
            period,
            kallrad: row.number("kallrad", 1, u32::MAX)?,
        });
        Ok(())
    })?;
    Ok(out)
}
