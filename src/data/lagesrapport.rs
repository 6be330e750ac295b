//! `data/lagesrapport.csv`: the "Sammanfattande iakttagelser" of the Lägesrapport (004), one
//! row per bullet.

use std::collections::HashSet;
use std::path::Path;

use super::DataError;
use super::rows::Table;
use crate::model::shown;
use crate::model::{Lagesiakttagelse, Omrade};

/// File name inside a data directory.
pub const FILE_NAME: &str = "lagesrapport.csv";

/// The columns, in order.
pub const COLUMNS: [&str; 6] = ["id", "kapitel", "punkt", "omraden", "text", "kallrad"];

/// Separator of the områden in the `omraden` field.
pub const OMRADE_SEPARATOR: char = '|';

/// Serialize the findings as CSV with the header row, in the given order.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, rows: &[Lagesiakttagelse]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, rows, |w, r| {
        let omraden: Vec<&str> = r.omraden.iter().map(|o| o.as_str()).collect();
        w.write_record([
            r.id.as_str(),
            r.kapitel.as_str(),
            &r.punkt.to_string(),
            &omraden.join(&OMRADE_SEPARATOR.to_string()),
            r.text.as_str(),
            &r.kallrad.to_string(),
        ])?;
        Ok(())
    })
}

/// Parse the text of `lagesrapport.csv`; `file` is used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found.
pub fn parse(
    text: &(impl AsRef<[u8]> + ?Sized),
    file: &Path,
) -> Result<Vec<Lagesiakttagelse>, DataError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    Table::open(text.as_ref(), file, &COLUMNS)?.for_each_row(|row| {
        let id = row.required("id")?;
        if !seen.insert(id.clone()) {
            return Err(row.error(
                "id",
                format!("id {:?} finns redan på en tidigare rad", shown(&id)),
            ));
        }
        let mut omraden = Vec::new();
        let field = row.get("omraden");
        if !field.trim().is_empty() {
            for name in field.split(OMRADE_SEPARATOR) {
                let o: Omrade = name.parse().map_err(|e: crate::model::UnknownOmrade| {
                    row.error("omraden", e.to_string())
                })?;
                if omraden.contains(&o) {
                    return Err(row.error("omraden", format!("{:?} står två gånger", shown(name))));
                }
                omraden.push(o);
            }
        }
        out.push(Lagesiakttagelse {
            id,
            kapitel: row.required("kapitel")?,
            punkt: row.number("punkt", 1, 1000)?,
            omraden,
            text: row.required("text")?,
            kallrad: row.number("kallrad", 1, u32::MAX)?,
        });
        Ok(())
    })?;
    Ok(out)
}
