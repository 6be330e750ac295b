//! The only code that reads or writes data files: CSV rows → model, with file:line errors.
//!
//! The curated dataset in `data/` is embedded at build time; `--data DIR` loads another copy
//! of the same files through the same code.

mod error;
pub mod indikatorer;
pub mod insatser;

use std::path::{Path, PathBuf};

pub use error::DataError;

use crate::model::Catalog;

/// Where a dataset comes from: the copy embedded in the binary or a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Embedded,
    Dir(PathBuf),
}

/// The embedded `data/insatser.csv`.
pub const EMBEDDED_INSATSER: &str = include_str!("../../data/insatser.csv");

/// The embedded `data/indikatorer.csv`.
pub const EMBEDDED_INDIKATORER: &str = include_str!("../../data/indikatorer.csv");

/// The embedded `data/indikator_fragor.csv`.
pub const EMBEDDED_INDIKATOR_FRAGOR: &str = include_str!("../../data/indikator_fragor.csv");

/// Load the catalogue from `source`.
///
/// # Errors
/// A [`DataError`] naming file, line and field when a file is missing or malformed.
pub fn load(source: &Source) -> Result<Catalog, DataError> {
    let insatser = match source {
        Source::Embedded => insatser::parse(EMBEDDED_INSATSER, Path::new("data/insatser.csv"))?,
        Source::Dir(dir) => {
            let path = dir.join(insatser::FILE_NAME);
            let text = read_text(&path)?;
            insatser::parse(&text, &path)?
        }
    };
    let indikatorer = match source {
        Source::Embedded => indikatorer::parse(
            (
                EMBEDDED_INDIKATORER,
                Path::new("data").join(indikatorer::FILE_NAME).as_path(),
            ),
            (
                EMBEDDED_INDIKATOR_FRAGOR,
                Path::new("data")
                    .join(indikatorer::FRAGOR_FILE_NAME)
                    .as_path(),
            ),
        )?,
        Source::Dir(dir) => {
            let path = dir.join(indikatorer::FILE_NAME);
            let text = read_text(&path)?;
            let fragor_path = dir.join(indikatorer::FRAGOR_FILE_NAME);
            let fragor_text = read_text(&fragor_path)?;
            indikatorer::parse((&text, &path), (&fragor_text, &fragor_path))?
        }
    };
    Ok(Catalog {
        insatser,
        indikatorer,
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
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        DataError::Encoding {
            file: path.to_path_buf(),
            line,
        }
    })
}
