//! Extractor for 000 (result tables) and 001 (appendix: förklaring and källa).

use std::path::Path;

use super::ExtractError;
use crate::model::Insats;

/// Read 000 and 001 from `seeds` and the corrections from `data_dir`.
///
/// # Errors
/// When a seed is missing or malformed.
pub fn extract_dir(seeds: &Path, data_dir: &Path) -> Result<Vec<Insats>, ExtractError> {
    let _ = (seeds, data_dir);
    Ok(Vec::new())
}

/// The CSV text of the insatser.
#[must_use]
pub fn to_csv(insatser: &[Insats]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::insatser::write_csv(&mut buf, insatser);
    String::from_utf8(buf).unwrap_or_default()
}
