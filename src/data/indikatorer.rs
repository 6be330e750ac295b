//! `data/indikatorer.csv` (one row per numbered block of 003) and `data/indikator_fragor.csv`
//! (one row per survey question), the columns documented in `data/README.md`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::DataError;
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
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(COLUMNS)?;
    for i in indikatorer {
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
    }
    w.flush()?;
    Ok(())
}

/// Serialize the questions of all indikatorer as CSV with the header row.
///
/// # Errors
/// Only on a failing writer.
pub fn write_fragor_csv<W: std::io::Write>(out: W, indikatorer: &[Indikator]) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(FRAGOR_COLUMNS)?;
    for i in indikatorer {
        for f in &i.fragor {
            w.write_record([
                i.nummer.to_string(),
                f.id.clone(),
                f.fraga.clone(),
                opt(f.svarsalternativ.as_ref()),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Parse both files; each `(text, file)` pair names the file in error messages.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found, including a
/// fråga whose nummer has no indikator.
pub fn parse(
    indikatorer: (&str, &Path),
    fragor: (&str, &Path),
) -> Result<Vec<Indikator>, DataError> {
    let (text, file) = indikatorer;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (line, rec) in records(text, file, &COLUMNS)? {
        let row = RowReader {
            rec: &rec,
            columns: &COLUMNS,
            file,
            line,
        };
        let ind = row.indikator()?;
        if !seen.insert(ind.nummer) {
            return Err(row.error(
                "nummer",
                format!("nummer {} finns redan på en tidigare rad", ind.nummer),
            ));
        }
        out.push(ind);
    }

    let (text, file) = fragor;
    let index: HashMap<u32, usize> = out
        .iter()
        .enumerate()
        .map(|(pos, i)| (i.nummer, pos))
        .collect();
    let mut seen_fragor = HashSet::new();
    for (line, rec) in records(text, file, &FRAGOR_COLUMNS)? {
        let row = RowReader {
            rec: &rec,
            columns: &FRAGOR_COLUMNS,
            file,
            line,
        };
        let nummer = row.nummer()?;
        let Some(&pos) = index.get(&nummer) else {
            return Err(DataError::Row {
                file: file.to_path_buf(),
                line,
                message: format!(
                    "frågan hör till indikator {nummer}, som inte finns i {FILE_NAME}"
                ),
            });
        };
        let id = row.required("fraga_id")?;
        if !seen_fragor.insert((nummer, id.clone())) {
            return Err(row.error(
                "fraga_id",
                format!("indikator {nummer} har redan en fråga {id:?}"),
            ));
        }
        out[pos].fragor.push(Fraga {
            id,
            fraga: row.required("fraga")?,
            svarsalternativ: row.optional("svarsalternativ"),
        });
    }
    Ok(out)
}

/// Read all records of a CSV text after checking its header; yields `(line, record)`.
fn records(
    text: &str,
    file: &Path,
    columns: &[&str],
) -> Result<Vec<(usize, csv::StringRecord)>, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Empty {
            file: file.to_path_buf(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| DataError::Header {
        file: file.to_path_buf(),
        message: e.to_string(),
    })?;
    check_header(headers, file, columns)?;
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| DataError::Row {
            file: file.to_path_buf(),
            line: e.position().map_or(0, |p| to_usize(p.line())),
            message: format!("trasig CSV-rad: {e}"),
        })?;
        let line = rec.position().map_or(0, |p| to_usize(p.line()));
        if rec.len() != columns.len() {
            return Err(DataError::Row {
                file: file.to_path_buf(),
                line,
                message: format!(
                    "raden har {} fält, väntade {} (är raden avklippt?)",
                    rec.len(),
                    columns.len()
                ),
            });
        }
        out.push((line, rec));
    }
    Ok(out)
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn check_header(
    headers: &csv::StringRecord,
    file: &Path,
    columns: &[&str],
) -> Result<(), DataError> {
    for (i, want) in columns.iter().enumerate() {
        match headers.get(i) {
            Some(got) if got == *want => {}
            Some(got) => {
                return Err(DataError::Header {
                    file: file.to_path_buf(),
                    message: format!("kolumn {} heter {got:?}, väntade {want:?}", i + 1),
                });
            }
            None => {
                return Err(DataError::Header {
                    file: file.to_path_buf(),
                    message: format!("kolumnen {want:?} saknas"),
                });
            }
        }
    }
    if headers.len() > columns.len() {
        return Err(DataError::Header {
            file: file.to_path_buf(),
            message: format!("okänd extra kolumn {:?}", &headers[columns.len()]),
        });
    }
    Ok(())
}

struct RowReader<'a> {
    rec: &'a csv::StringRecord,
    columns: &'a [&'a str],
    file: &'a Path,
    line: usize,
}

impl RowReader<'_> {
    fn error(&self, field: &str, message: String) -> DataError {
        DataError::Field {
            file: self.file.to_path_buf(),
            line: self.line,
            field: field.to_string(),
            message,
        }
    }

    fn get(&self, field: &str) -> &str {
        let idx = self.columns.iter().position(|c| *c == field).unwrap_or(0);
        self.rec.get(idx).unwrap_or("")
    }

    fn required(&self, field: &str) -> Result<String, DataError> {
        let v = self.get(field);
        if v.trim().is_empty() {
            Err(self.error(field, "får inte vara tomt".into()))
        } else {
            Ok(v.to_string())
        }
    }

    fn optional(&self, field: &str) -> Option<String> {
        let v = self.get(field);
        (!v.trim().is_empty()).then(|| v.to_string())
    }

    fn nummer(&self) -> Result<u32, DataError> {
        let v = self.get("nummer").trim();
        let n: u32 = v
            .parse()
            .map_err(|_| self.error("nummer", format!("{v:?} är inte ett heltal")))?;
        if n == 0 || n > MAX_NUMMER {
            return Err(self.error("nummer", format!("{n} ligger utanför 1–{MAX_NUMMER}")));
        }
        Ok(n)
    }

    fn bool(&self, field: &str) -> Result<bool, DataError> {
        match self.get(field).trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            v => Err(self.error(field, format!("{v:?} är varken true eller false"))),
        }
    }

    fn omraden(&self) -> Result<Vec<IndikatorOmrade>, DataError> {
        let v = self.required("omraden")?;
        let mut out = Vec::new();
        for name in v.split(OMRADE_SEPARATOR) {
            let o: IndikatorOmrade =
                name.parse()
                    .map_err(|e: crate::model::UnknownIndikatorOmrade| {
                        self.error("omraden", e.to_string())
                    })?;
            if out.contains(&o) {
                return Err(self.error("omraden", format!("området {o} står två gånger")));
            }
            out.push(o);
        }
        Ok(out)
    }

    fn kallrad(&self) -> Result<u32, DataError> {
        let v = self.get("kallrad").trim();
        match v.parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(self.error("kallrad", format!("{v:?} är inte ett radnummer"))),
        }
    }

    fn indikator(&self) -> Result<Indikator, DataError> {
        Ok(Indikator {
            nummer: self.nummer()?,
            titel: self.required("titel")?,
            markering: self.optional("markering"),
            omraden: self.omraden()?,
            bakgrundsmatt: self.bool("bakgrundsmatt")?,
            matt: self.required("matt")?,
            matenhet: self.optional("matenhet"),
            syfte: self.optional("syfte"),
            riktning: self.optional("riktning"),
            typ: self.optional("typ"),
            kvalitetsdimension: self.optional("kvalitetsdimension"),
            kriterier: self.optional("kriterier"),
            delvis: self.optional("delvis"),
            taljare: self.optional("taljare"),
            namnare: self.optional("namnare"),
            definitioner: self.optional("definitioner"),
            kommentar: self.optional("kommentar"),
            kallrad: self.kallrad()?,
            fragor: Vec::new(),
        })
    }
}
