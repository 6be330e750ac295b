//! Errors from loading data files; every one names the file and, where it can, line and field.

use std::path::PathBuf;

/// A data file that could not be read or is malformed.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{}: kan inte läsas: {source}", file.display())]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}:{line}: {}filen är inte giltig UTF-8 här (spara den som UTF-8)",
        file.display(),
        field.as_ref().map(|f| format!("fältet `{f}`: ")).unwrap_or_default()
    )]
    Encoding {
        file: PathBuf,
        line: usize,
        /// The column (named by the file's own header row) holding the bad bytes, when the
        /// row can be read that far.
        field: Option<String>,
    },
    #[error("{}: filen är tom (rubrikraden saknas)", file.display())]
    Empty { file: PathBuf },
    #[error("{}:1: fel rubrikrad: {message}", file.display())]
    Header { file: PathBuf, message: String },
    #[error("{}:{line}: fältet `{field}`: {message}", file.display())]
    Field {
        file: PathBuf,
        line: usize,
        field: String,
        message: String,
    },
    #[error("{}:{line}: {message}", file.display())]
    Row {
        file: PathBuf,
        line: usize,
        message: String,
    },
}
