//! `data/insatser.csv`: one row per insats, the columns documented in `data/README.md`.

use std::collections::HashSet;
use std::path::Path;

use super::DataError;
use super::rows::{Row, Table};
use crate::model::shown;
use crate::model::{Figure, Insats, Omrade};

/// File name inside a data directory.
pub const FILE_NAME: &str = "insatser.csv";

/// The columns, in order.
pub const COLUMNS: [&str; 19] = [
    "id",
    "omrade",
    "sektion_nr",
    "sektion",
    "grupp",
    "namn",
    "namn_bilaga",
    "ges_antal",
    "ges_andel",
    "digital_antal",
    "digital_andel",
    "enskild_antal",
    "enskild_andel",
    "utan_antal",
    "utan_andel",
    "forklaring",
    "kalla",
    "kallrad_000",
    "kallrad_001",
];

/// Upper bound for any count: Sweden has 290 kommuner.
pub const MAX_KOMMUNER: u32 = 290;

/// Serialize insatser as CSV with the header row, in the given order.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, insatser: &[Insats]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, insatser, |w, i| {
        let num = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        let pct = |v: Option<u8>| v.map(|n| n.to_string()).unwrap_or_default();
        let figs = [i.ges, i.digital, i.enskild, i.utan];
        let mut rec: Vec<String> = vec![
            i.id.clone(),
            i.omrade.as_str().to_string(),
            i.sektion_nr.clone(),
            i.sektion.clone(),
            i.grupp.clone().unwrap_or_default(),
            i.namn.clone(),
            i.namn_bilaga.clone().unwrap_or_default(),
        ];
        for f in figs {
            rec.push(num(f.antal));
            rec.push(pct(f.andel));
        }
        rec.push(i.forklaring.clone().unwrap_or_default());
        rec.push(i.kalla.clone().unwrap_or_default());
        rec.push(i.kallrad_000.to_string());
        rec.push(i.kallrad_001.to_string());
        w.write_record(&rec)?;
        Ok(())
    })
}

/// Parse the text of `insatser.csv`; `file` is used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found.
pub fn parse(text: &(impl AsRef<[u8]> + ?Sized), file: &Path) -> Result<Vec<Insats>, DataError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    Table::open(text.as_ref(), file, &COLUMNS)?.for_each_row(|row| {
        let insats = insats(row)?;
        if !seen.insert(insats.id.clone()) {
            return Err(row.error(
                "id",
                format!("id {:?} finns redan på en tidigare rad", shown(&insats.id)),
            ));
        }
        out.push(insats);
        Ok(())
    })?;
    Ok(out)
}

/// The columns of one figure: antal and andel.
type FigureColumns = (&'static str, &'static str);

fn figure(row: &Row<'_>, (antal, andel): FigureColumns) -> Result<Figure, DataError> {
    let antal = row.optional_number(antal, MAX_KOMMUNER)?;
    let andel = row
        .optional_number(andel, 100)?
        .and_then(|n| u8::try_from(n).ok());
    Ok(Figure { antal, andel })
}

fn insats(row: &Row<'_>) -> Result<Insats, DataError> {
    let omrade: Omrade = row
        .required("omrade")?
        .parse()
        .map_err(|e: crate::model::UnknownOmrade| row.error("omrade", e.to_string()))?;
    Ok(Insats {
        id: row.required("id")?,
        omrade,
        sektion_nr: row.required("sektion_nr")?,
        sektion: row.required("sektion")?,
        grupp: row.optional("grupp"),
        namn: row.required("namn")?,
        namn_bilaga: row.optional("namn_bilaga"),
        ges: figure(row, ("ges_antal", "ges_andel"))?,
        digital: figure(row, ("digital_antal", "digital_andel"))?,
        enskild: figure(row, ("enskild_antal", "enskild_andel"))?,
        utan: figure(row, ("utan_antal", "utan_andel"))?,
        forklaring: row.optional("forklaring"),
        kalla: row.optional("kalla"),
        kallrad_000: row.number("kallrad_000", 1, u32::MAX)?,
        kallrad_001: row.number("kallrad_001", 1, u32::MAX)?,
    })
}
