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

/// How a line ends in the seed: PDF text keeps a trailing space after a whole word, so a line
/// without one was broken inside a word.
#[must_use]
pub fn broken_inside_word(raw: &str) -> bool {
    !raw.is_empty() && !raw.ends_with(char::is_whitespace)
}

/// Join wrapped lines into one text.
///
/// A line with a trailing space ends a word: the next line follows after one space. A line
/// without one was broken inside a word and is joined directly. A line-end hyphen between two
/// lower-case letters is Word's auto-hyphenation and is removed, unless `keep_hyphen(before,
/// after)` says the hyphen is real (`Catch-up`); other hyphens (`fixar-Malte`, `(ACT)-team`,
/// `MATRIX-programmet`) are kept.
pub fn join_wrapped<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    keep_hyphen: &dyn Fn(&str, &str) -> bool,
) -> String {
    let mut out = String::new();
    let mut prev_broken = false;
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            if prev_broken {
                if out.ends_with('-') && is_artifact_hyphen(&out, line, keep_hyphen) {
                    out.pop();
                }
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
        prev_broken = broken_inside_word(raw);
    }
    squash(&out)
}

fn is_artifact_hyphen(before: &str, after: &str, keep_hyphen: &dyn Fn(&str, &str) -> bool) -> bool {
    let stem = &before[..before.len() - 1];
    let last_word = stem.rsplit(char::is_whitespace).next().unwrap_or("");
    let first_word = after.split(char::is_whitespace).next().unwrap_or("");
    let lower_before = last_word.chars().last().is_some_and(char::is_lowercase);
    let lower_after = first_word.chars().next().is_some_and(char::is_lowercase);
    lower_before && lower_after && !keep_hyphen(last_word, first_word)
}

/// Fold a text to its lower-case letters and digits, for comparing names printed with
/// different spacing, hyphens or punctuation.
#[must_use]
pub fn alnum_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(lines: &[&str]) -> String {
        join_wrapped(lines.iter().copied(), &|b, a| {
            b == "Catch" && a.starts_with("up")
        })
    }

    #[test]
    fn trailing_space_means_word_end() {
        assert_eq!(
            join(&["Dagverksamhet ", "anpassad "]),
            "Dagverksamhet anpassad"
        );
    }

    #[test]
    fn no_trailing_space_joins_inside_a_word() {
        assert_eq!(
            join(&["funktionsnedsattning.stock", "holm.se "]),
            "funktionsnedsattning.stockholm.se"
        );
    }

    #[test]
    fn hyphenation_artifact_is_removed_between_lower_case_letters() {
        assert_eq!(
            join(&["Haschavvänjnings-", "programmet (HAP) "]),
            "Haschavvänjningsprogrammet (HAP)"
        );
    }

    #[test]
    fn real_hyphens_are_kept() {
        assert_eq!(join(&["fixar-", "Malte "]), "fixar-Malte");
        assert_eq!(join(&["Treatment (ACT)-", "team "]), "Treatment (ACT)-team");
        assert_eq!(join(&["MATRIX-", "programmet "]), "MATRIX-programmet");
        assert_eq!(
            join(&["Biobehavioral Catch-", "up (ABC) "]),
            "Biobehavioral Catch-up (ABC)"
        );
    }

    #[test]
    fn hyphen_before_a_space_is_a_word_of_its_own() {
        assert_eq!(join(&["hälso- ", "och sjukvård "]), "hälso- och sjukvård");
    }
}
