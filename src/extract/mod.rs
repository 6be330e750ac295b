//! The reproducible extractor: seed texts (PDFs turned into text) → the CSV files in `data/`.
//!
//! Each source has its own module; shared text handling lives in [`text`]. Manual decisions
//! live in `data/korrigeringar.toml`, never as hand edits of the CSV.

pub mod indikatorer;
pub mod insatser;
pub mod text;

use std::path::Path;

pub use text::ExtractError;

/// Run every extractor. Returns `(file name in data/, CSV text)` pairs; writes nothing.
///
/// `data_dir` is where the corrections files live (`korrigeringar.toml`,
/// `korrigeringar_indikatorer.toml`).
///
/// # Errors
/// When a seed is missing or its text breaks an assumption the extractor relies on.
pub fn run_all(seeds: &Path, data_dir: &Path) -> Result<Vec<(String, String)>, ExtractError> {
    let mut files = Vec::new();
    let insatser = insatser::extract_dir(seeds, data_dir)?;
    files.push((
        crate::data::insatser::FILE_NAME.to_string(),
        insatser::to_csv(&insatser),
    ));
    let indikatorer = indikatorer::extract_dir(seeds, data_dir)?;
    files.push((
        crate::data::indikatorer::FILE_NAME.to_string(),
        indikatorer::to_csv(&indikatorer),
    ));
    files.push((
        crate::data::indikatorer::FRAGOR_FILE_NAME.to_string(),
        indikatorer::to_fragor_csv(&indikatorer),
    ));
    Ok(files)
}
