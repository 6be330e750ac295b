//! `data/kopplingar.csv`: the hand-reviewed links between indikatorer and insatser, one row
//! per link.

use std::collections::HashSet;
use std::path::Path;

use super::DataError;
use super::rows::Table;
use crate::model::shown;
use crate::model::{Indikator, Insats, Koppling};

/// File name inside a data directory.
pub const FILE_NAME: &str = "kopplingar.csv";

/// The columns, in order.
pub const COLUMNS: [&str; 3] = ["indikator", "insats_id", "skal"];

/// Serialize the links as CSV with the header row, in the given order.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, rows: &[Koppling]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, rows, |w, k| {
        w.write_record([
            &k.indikator.to_string(),
            k.insats_id.as_str(),
            k.skal.as_str(),
        ])?;
        Ok(())
    })
}

/// Parse the text of `kopplingar.csv`, checking every `indikator` against `indikatorer` and
/// every `insats_id` against `insatser`; `file` is used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found: an unknown
/// indikator or insats, a link listed twice, an empty reason.
pub fn parse(
    text: &(impl AsRef<[u8]> + ?Sized),
    file: &Path,
    insatser: &[Insats],
    indikatorer: &[Indikator],
) -> Result<Vec<Koppling>, DataError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    Table::open(text.as_ref(), file, &COLUMNS)?.for_each_row(|row| {
        let indikator = row.number("indikator", 1, u32::MAX)?;
        if !indikatorer.iter().any(|i| i.nummer == indikator) {
            return Err(row.error(
                "indikator",
                format!("ingen indikator med nummer {indikator} i indikatorer.csv"),
            ));
        }
        let insats_id = row.required("insats_id")?;
        if !insatser.iter().any(|i| i.id == insats_id) {
            return Err(row.error(
                "insats_id",
                format!("ingen insats med id {:?} i katalogen", shown(&insats_id)),
            ));
        }
        if !seen.insert((indikator, insats_id.clone())) {
            return Err(row.error(
                "insats_id",
                format!(
                    "kopplingen mellan indikator {indikator} och {:?} står redan på en tidigare rad",
                    shown(&insats_id)
                ),
            ));
        }
        out.push(Koppling {
            indikator,
            insats_id,
            skal: row.required("skal")?,
        });
        Ok(())
    })?;
    Ok(out)
}
