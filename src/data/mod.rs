//! The only code that reads or writes data files: CSV rows → model, with file:line errors.
//!
//! The curated dataset in `data/` is embedded at build time; `--data DIR` loads another copy
//! of the same files through the same code. The embedded insatser, indikatorer (with their
//! frågor), Lägesrapport and kopplingar are compiled in as static rows (`build.rs`,
//! `data::embedded`), held by tests to what this code reads from the same files;
//! `skane.csv` is parsed from its text.

pub(crate) mod embedded;
mod error;
pub mod indikatorer;
pub mod insatser;
pub mod kopplingar;
pub mod lagesrapport;
mod rows;
pub mod skane;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub use error::DataError;
pub use rows::MAX_FIELD_BYTES;

use crate::model::Catalog;

/// Where a dataset comes from: the copy embedded in the binary or a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Embedded,
    Dir(PathBuf),
}

/// The embedded `data/insatser.csv` as text. Loading the embedded data does not read it:
/// the rows are compiled in (see `build.rs`); this is the text they were compiled from.
pub const EMBEDDED_INSATSER: &str = include_str!("../../data/insatser.csv");

/// The embedded `data/indikatorer.csv`.
pub const EMBEDDED_INDIKATORER: &str = include_str!("../../data/indikatorer.csv");

/// The embedded `data/indikator_fragor.csv`.
pub const EMBEDDED_INDIKATOR_FRAGOR: &str = include_str!("../../data/indikator_fragor.csv");

/// The embedded `data/skane.csv`.
pub const EMBEDDED_SKANE: &str = include_str!("../../data/skane.csv");

/// The embedded `data/kopplingar.csv`.
pub const EMBEDDED_KOPPLINGAR: &str = include_str!("../../data/kopplingar.csv");

/// The embedded `data/lagesrapport.csv`.
pub const EMBEDDED_LAGESRAPPORT: &str = include_str!("../../data/lagesrapport.csv");

/// The bytes of one data file and the path to name in errors; the CSV reading checks them
/// to be UTF-8, row by row, once.
fn file_text(
    source: &Source,
    name: &str,
    embedded: &'static str,
) -> Result<(Cow<'static, [u8]>, PathBuf), DataError> {
    match source {
        Source::Embedded => Ok((
            Cow::Borrowed(embedded.as_bytes()),
            Path::new("data").join(name),
        )),
        Source::Dir(dir) => {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|source| DataError::Io {
                file: path.clone(),
                source,
            })?;
            Ok((Cow::Owned(bytes), path))
        }
    }
}

/// Load only the insatser from `source` (`insatser.csv`), for a command that reads nothing
/// else: the other parts of the catalogue are empty.
///
/// # Errors
/// A [`DataError`] naming file, line and field when the file is missing or malformed.
pub fn load_insatser(source: &Source) -> Result<Catalog, DataError> {
    Ok(Catalog {
        insatser: load_insatser_only(source)?,
        ..Catalog::default()
    })
}

/// The insatser of `source`: compiled in for the embedded data, else `insatser.csv` parsed.
fn load_insatser_only(source: &Source) -> Result<Vec<crate::model::Insats>, DataError> {
    match source {
        Source::Embedded => Ok(embedded::insatser()),
        Source::Dir(dir) => insatser::read(&dir.join(insatser::FILE_NAME)),
    }
}

/// Load the catalogue from `source`.
///
/// # Errors
/// A [`DataError`] naming file, line and field when a file is missing or malformed, or a
/// Skåne row or a koppling names an insats or indikator that is not in the catalogue.
pub fn load(source: &Source) -> Result<Catalog, DataError> {
    let insatser = load_insatser_only(source)?;
    let (text, path) = file_text(source, skane::FILE_NAME, EMBEDDED_SKANE)?;
    let skane = skane::parse(&text, &path, &insatser)?;
    let lagesrapport = match source {
        Source::Embedded => embedded::lagesrapport(),
        Source::Dir(_) => {
            let (text, path) = file_text(source, lagesrapport::FILE_NAME, EMBEDDED_LAGESRAPPORT)?;
            lagesrapport::parse(&text, &path)?
        }
    };
    let indikatorer = match source {
        Source::Embedded => embedded::indikatorer(),
        Source::Dir(_) => {
            let (text, path) = file_text(source, indikatorer::FILE_NAME, EMBEDDED_INDIKATORER)?;
            let (fragor_text, fragor_path) = file_text(
                source,
                indikatorer::FRAGOR_FILE_NAME,
                EMBEDDED_INDIKATOR_FRAGOR,
            )?;
            indikatorer::parse((&text, &path), (&fragor_text, &fragor_path))?
        }
    };
    let kopplingar = match source {
        Source::Embedded => embedded::kopplingar(),
        Source::Dir(_) => {
            let (text, path) = file_text(source, kopplingar::FILE_NAME, EMBEDDED_KOPPLINGAR)?;
            kopplingar::parse(&text, &path, &insatser, &indikatorer)?
        }
    };
    Ok(Catalog {
        insatser,
        skane,
        lagesrapport,
        indikatorer,
        kopplingar,
    })
}

/// Write `catalog` as a complete data directory that [`load`] reads back with
/// `Source::Dir(dir)`: every CSV file, through the same writers the extractor uses.
///
/// # Errors
/// [`DataError::Io`] naming the file that could not be written.
pub fn write_dir(dir: &Path, catalog: &Catalog) -> Result<(), DataError> {
    let io = |file: PathBuf| move |source| DataError::Io { file, source };
    std::fs::create_dir_all(dir).map_err(io(dir.to_path_buf()))?;
    let write = |name: &str, f: &dyn Fn(&mut Vec<u8>) -> csv::Result<()>| {
        let path = dir.join(name);
        let mut buf = Vec::new();
        f(&mut buf).map_err(|e| DataError::Io {
            file: path.clone(),
            source: std::io::Error::other(e),
        })?;
        std::fs::write(&path, buf).map_err(io(path))
    };
    write(insatser::FILE_NAME, &|b| {
        insatser::write_csv(b, &catalog.insatser)
    })?;
    write(skane::FILE_NAME, &|b| skane::write_csv(b, &catalog.skane))?;
    write(lagesrapport::FILE_NAME, &|b| {
        lagesrapport::write_csv(b, &catalog.lagesrapport)
    })?;
    write(indikatorer::FILE_NAME, &|b| {
        indikatorer::write_csv(b, &catalog.indikatorer)
    })?;
    write(indikatorer::FRAGOR_FILE_NAME, &|b| {
        indikatorer::write_fragor_csv(b, &catalog.indikatorer)
    })?;
    write(kopplingar::FILE_NAME, &|b| {
        kopplingar::write_csv(b, &catalog.kopplingar)
    })
}

/// Read a whole file as UTF-8, with an error naming the file (and the line of a bad byte).
///
/// # Errors
/// [`DataError::Io`] when unreadable, [`DataError::Encoding`] when not UTF-8.
pub fn read_text(path: &Path) -> Result<String, DataError> {
    let bytes = std::fs::read(path).map_err(|source| DataError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| encoding_error(path, e.as_bytes()))
}

/// The error for `bytes` of `file` that are not all UTF-8: the line of the first bad byte
/// and the column holding it.
pub(crate) fn encoding_error(file: &Path, bytes: &[u8]) -> DataError {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
    DataError::Encoding {
        file: file.to_path_buf(),
        line,
        field: field_at(bytes, valid),
    }
}

/// The column, named by the file's header row, of the CSV field holding byte `at`.
fn field_at(bytes: &[u8], at: usize) -> Option<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header: Option<csv::ByteRecord> = None;
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).ok()? {
        let start = usize::try_from(record.position()?.byte()).ok()?;
        let end = usize::try_from(reader.position().byte()).ok()?;
        if (start..end).contains(&at) {
            // The first field whose bytes are not UTF-8 is the one.
            let i = record
                .iter()
                .position(|f| std::str::from_utf8(f).is_err())?;
            return Some(match header {
                Some(h) => crate::model::shown(&String::from_utf8_lossy(h.get(i)?)),
                None => format!("kolumn {} i rubrikraden", i + 1),
            });
        }
        if header.is_none() {
            header = Some(record.clone());
        }
    }
    None
}
