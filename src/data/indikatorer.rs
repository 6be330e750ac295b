//! `data/indikatorer.csv` (one row per numbered block of 003) and `data/indikator_fragor.csv`
//! (one row per survey question), the columns documented in `data/README.md`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::DataError;
use super::rows::{Row, Table};
use crate::model::shown;
use crate::model::{Fraga, Indikator, IndikatorOmrade};

/// File name of the indikatorer inside a data directory.
pub const FILE_NAME: &str = "indikatorer.csv";
/// File name of the survey questions inside a data directory.
pub const FRAGOR_FILE_NAME: &str = "indikator_fragor.csv";

/// The columns of `indikatorer.csv`, in order.
pub const COLUMNS: [&str; 18] = [
    "nummer",
    "titel",
    "markering",
    "omraden",
    "bakgrundsmatt",
    "matt",
    "matenhet",
    "syfte",
    "riktning",
    "typ",
    "kvalitetsdimension",
    "kriterier",
    "delvis",
    "taljare",
    "namnare",
    "definitioner",
    "kommentar",
    "kallrad",
];

/// The columns of `indikator_fragor.csv`, in order.
pub const FRAGOR_COLUMNS: [&str; 4] = ["nummer", "fraga_id", "fraga", "svarsalternativ"];

/// Separator between the areas in the `omraden` column.
pub const OMRADE_SEPARATOR: char = '|';

/// Highest block number of 003.
pub const MAX_NUMMER: u32 = 99;

fn opt(v: Option<&String>) -> String {
    v.cloned().unwrap_or_default()
}

/// Serialize indikatorer (without their questions) as CSV with the header row.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, indikatorer: &[Indikator]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, indikatorer, |w, i| {
        let omraden: Vec<&str> = i.omraden.iter().map(|o| o.as_str()).collect();
        let sep = OMRADE_SEPARATOR.to_string();
        w.write_record([
            i.nummer.to_string(),
            i.titel.clone(),
            opt(i.markering.as_ref()),
            omraden.join(&sep),
            i.bakgrundsmatt.to_string(),
            i.matt.clone(),
            opt(i.matenhet.as_ref()),
            opt(i.syfte.as_ref()),
            opt(i.riktning.as_ref()),
            opt(i.typ.as_ref()),
            opt(i.kvalitetsdimension.as_ref()),
            opt(i.kriterier.as_ref()),
            opt(i.delvis.as_ref()),
            opt(i.taljare.as_ref()),
            opt(i.namnare.as_ref()),
            opt(i.definitioner.as_ref()),
            opt(i.kommentar.as_ref()),
            i.kallrad.to_string(),
        ])?;
        Ok(())
    })
}

/// Serialize the questions of all indikatorer as CSV with the header row.
///
/// # Errors
/// Only on a failing writer.
pub fn write_fragor_csv<W: std::io::Write>(out: W, indikatorer: &[Indikator]) -> csv::Result<()> {
    let fragor = indikatorer
        .iter()
        .flat_map(|i| i.fragor.iter().map(move |f| (i, f)));
    super::rows::write_csv(out, &FRAGOR_COLUMNS, fragor, |w, (i, f)| {
        w.write_record([
            i.nummer.to_string(),
            f.id.clone(),
            f.fraga.clone(),
            opt(f.svarsalternativ.as_ref()),
        ])?;
        Ok(())
    })
}

/// Parse both files; each `(text, file)` pair names the file in error messages.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found, including a
/// fråga whose nummer has no indikator.
pub fn parse(
    indikatorer: (&(impl AsRef<[u8]> + ?Sized), &Path),
    fragor: (&(impl AsRef<[u8]> + ?Sized), &Path),
) -> Result<Vec<Indikator>, DataError> {
    let (text, file) = indikatorer;
    let mut out: Vec<Indikator> = Vec::new();
    let mut seen = HashSet::new();
    Table::open(text.as_ref(), file, &COLUMNS)?.for_each_row(|row| {
        let ind = indikator(row)?;
        if !seen.insert(ind.nummer) {
            return Err(row.error(
                "nummer",
                format!("nummer {} finns redan på en tidigare rad", ind.nummer),
            ));
        }
        out.push(ind);
        Ok(())
    })?;

    let (text, file) = fragor;
    let index: HashMap<u32, usize> = out
        .iter()
        .enumerate()
        .map(|(pos, i)| (i.nummer, pos))
        .collect();
    let mut seen_fragor = HashSet::new();
    Table::open(text.as_ref(), file, &FRAGOR_COLUMNS)?.for_each_row(|row| {
        let nummer = row.number("nummer", 1, MAX_NUMMER)?;
        let Some(&pos) = index.get(&nummer) else {
            return Err(row.error(
                "nummer",
                format!("frågan hör till indikator {nummer}, som inte finns i {FILE_NAME}"),
            ));
        };
        let id = row.required("fraga_id")?;
        if !seen_fragor.insert((nummer, id.clone())) {
            return Err(row.error(
                "fraga_id",
                format!("indikator {nummer} har redan en fråga {:?}", shown(&id)),
            ));
        }
        out[pos].fragor.push(Fraga {
            id,
            fraga: row.required("fraga")?,
            svarsalternativ: row.optional("svarsalternativ"),
        });
        Ok(())
    })?;
    Ok(out)
}

fn omraden(row: &Row<'_>) -> Result<Vec<IndikatorOmrade>, DataError> {
    let v = row.required("omraden")?;
    let mut out = Vec::new();
    for name in v.split(OMRADE_SEPARATOR) {
        let o: IndikatorOmrade =
            name.parse()
                .map_err(|e: crate::model::UnknownIndikatorOmrade| {
                    row.error("omraden", e.to_string())
                })?;
        if out.contains(&o) {
            return Err(row.error("omraden", format!("området {o} står två gånger")));
        }
        out.push(o);
    }
    Ok(out)
}

fn indikator(row: &Row<'_>) -> Result<Indikator, DataError> {
    Ok(Indikator {
        nummer: row.number("nummer", 1, MAX_NUMMER)?,
        titel: row.required("titel")?,
        markering: row.optional("markering"),
        omraden: omraden(row)?,
        bakgrundsmatt: row.boolean("bakgrundsmatt")?,
        matt: row.required("matt")?,
        matenhet: row.optional("matenhet"),
        syfte: row.optional("syfte"),
        riktning: row.optional("riktning"),
        typ: row.optional("typ"),
        kvalitetsdimension: row.optional("kvalitetsdimension"),
        kriterier: row.optional("kriterier"),
        delvis: row.optional("delvis"),
        taljare: row.optional("taljare"),
        namnare: row.optional("namnare"),
        definitioner: row.optional("definitioner"),
        kommentar: row.optional("kommentar"),
        kallrad: row.number("kallrad", 1, u32::MAX)?,
        fragor: Vec::new(),
    })
}
