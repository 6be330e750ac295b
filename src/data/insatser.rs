//! `data/insatser.csv`: one row per insats, the columns documented in `data/README.md`.

use std::collections::HashSet;
use std::path::Path;

use super::DataError;
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
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(COLUMNS)?;
    for i in insatser {
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
    }
    w.flush()?;
    Ok(())
}

/// Parse the text of `insatser.csv`; `file` is used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found.
pub fn parse(text: &str, file: &Path) -> Result<Vec<Insats>, DataError> {
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
    check_header(headers, file)?;

    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| DataError::Row {
            file: file.to_path_buf(),
            line: e
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
            message: format!("trasig CSV-rad: {e}"),
        })?;
        let line = rec
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        if rec.len() != COLUMNS.len() {
            return Err(DataError::Row {
                file: file.to_path_buf(),
                line,
                message: format!(
                    "raden har {} fält, väntade {} (är raden avklippt?)",
                    rec.len(),
                    COLUMNS.len()
                ),
            });
        }
        let row = RowReader {
            rec: &rec,
            file,
            line,
        };
        let insats = row.insats()?;
        if !seen.insert(insats.id.clone()) {
            return Err(row.error(
                "id",
                format!("id {:?} finns redan på en tidigare rad", insats.id),
            ));
        }
        out.push(insats);
    }
    Ok(out)
}

fn check_header(headers: &csv::StringRecord, file: &Path) -> Result<(), DataError> {
    for (i, want) in COLUMNS.iter().enumerate() {
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
    if headers.len() > COLUMNS.len() {
        return Err(DataError::Header {
            file: file.to_path_buf(),
            message: format!("okänd extra kolumn {:?}", &headers[COLUMNS.len()]),
        });
    }
    Ok(())
}

struct RowReader<'a> {
    rec: &'a csv::StringRecord,
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
        let idx = COLUMNS.iter().position(|c| *c == field).unwrap_or(0);
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

    fn number(&self, field: &str, max: u32) -> Result<Option<u32>, DataError> {
        let v = self.get(field).trim();
        if v.is_empty() {
            return Ok(None);
        }
        let n: u32 = v
            .parse()
            .map_err(|_| self.error(field, format!("{v:?} är inte ett heltal")))?;
        if n > max {
            return Err(self.error(field, format!("{n} är större än {max}")));
        }
        Ok(Some(n))
    }

    fn figure(&self, prefix: &str) -> Result<Figure, DataError> {
        let antal = self.number(&format!("{prefix}_antal"), MAX_KOMMUNER)?;
        let andel = self
            .number(&format!("{prefix}_andel"), 100)?
            .map(|n| u8::try_from(n).unwrap_or(100));
        Ok(Figure { antal, andel })
    }

    fn line_no(&self, field: &str) -> Result<u32, DataError> {
        self.number(field, u32::MAX)?
            .ok_or_else(|| self.error(field, "får inte vara tomt".into()))
    }

    fn insats(&self) -> Result<Insats, DataError> {
        let omrade: Omrade = self
            .required("omrade")?
            .parse()
            .map_err(|e: crate::model::UnknownOmrade| self.error("omrade", e.to_string()))?;
        Ok(Insats {
            id: self.required("id")?,
            omrade,
            sektion_nr: self.required("sektion_nr")?,
            sektion: self.required("sektion")?,
            grupp: self.optional("grupp"),
            namn: self.required("namn")?,
            namn_bilaga: self.optional("namn_bilaga"),
            ges: self.figure("ges")?,
            digital: self.figure("digital")?,
            enskild: self.figure("enskild")?,
            utan: self.figure("utan")?,
            forklaring: self.optional("forklaring"),
            kalla: self.optional("kalla"),
            kallrad_000: self.line_no("kallrad_000")?,
            kallrad_001: self.line_no("kallrad_001")?,
        })
    }
}
