//! The reproducible extractor: seed texts (PDFs turned into text) → the CSV files in `data/`.
//!
//! Each source has its own module; shared text handling lives in [`text`]. Manual decisions
//! live in the `.toml` files of `data/`, never as hand edits of the CSV.
//!
//! A developer tool in its own workspace member, so `cargo install` ships only the `insats`
//! binary, without the extractor or its `regex`. It builds the app's own model types and writes
//! them with the app's CSV writers, so `crate::model` and `crate::data` below are the app's.

pub mod corrections;
pub mod indikatorer;
pub mod insatser;
pub mod kopplingar;
pub mod lagesrapport;
pub mod skane;
pub mod text;

use std::path::Path;

use insats::{data, model};

pub use text::ExtractError;

/// Run every extractor. Returns `(file name in data/, CSV text)` pairs; writes nothing.
///
/// `data_dir` is where the manual decisions live (`korrigeringar.toml`,
/// `skane_koppling.toml`, `lagesrapport_omraden.toml`, `korrigeringar_indikatorer.toml`,
/// `kopplingar.toml`).
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
    let skane = skane::extract_dir(seeds, data_dir, &insatser)?;
    files.push((
        crate::data::skane::FILE_NAME.to_string(),
        skane::to_csv(&skane),
    ));
    let lagesrapport = lagesrapport::extract_dir(seeds, data_dir)?;
    files.push((
        crate::data::lagesrapport::FILE_NAME.to_string(),
        lagesrapport::to_csv(&lagesrapport),
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
    let kopplingar = kopplingar::extract_dir(data_dir, &insatser, &indikatorer)?;
    files.push((
        crate::data::kopplingar::FILE_NAME.to_string(),
        kopplingar::to_csv(&kopplingar),
    ));
    Ok(files)
}
