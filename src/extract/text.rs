//! Text helpers shared by the extractors: reading seed files by prefix, line handling.

use std::path::{Path, PathBuf};

/// Errors of the extractor, naming the seed file and line.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{}: kan inte läsas: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("ingen fil som börjar med {prefix:?} i {}", dir.display())]
    MissingSeed { dir: PathBuf, prefix: String },
    #[error("{file}:{line}: {message}")]
    Source {
        file: String,
        line: usize,
        message: String,
    },
    #[error("korrigeringsfilen: {0}")]
    Corrections(String),
}

/// Find the seed file whose name starts with `prefix` (e.g. `000_`) in `dir` and read it.
///
/// # Errors
/// When no such file exists or it cannot be read.
pub fn read_seed(dir: &Path, prefix: &str) -> Result<(PathBuf, String), ExtractError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ExtractError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    found.sort();
    let path = found
        .into_iter()
        .next()
        .ok_or_else(|| ExtractError::MissingSeed {
            dir: dir.to_path_buf(),
            prefix: prefix.to_string(),
        })?;
    let text = std::fs::read_to_string(&path).map_err(|source| ExtractError::Io {
        path: path.clone(),
        source,
    })?;
    Ok((path, text))
}

/// Collapse runs of whitespace into one space and trim.
#[must_use]
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
