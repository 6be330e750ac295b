//! Where a kommun's checklist lives: `checklistor/<slug>.toml` in the data folder of
//! [`crate::user_dirs`] (`$XDG_DATA_HOME/insats`, else `~/.local/share/insats`, on Linux and
//! macOS; `%APPDATA%\insats` on Windows).

use std::path::{Path, PathBuf};

use super::ChecklistError;

/// The file name of a kommun's checklist: lower-case ASCII, `å ä → a`, `ö → o`, other
/// accents dropped, runs of anything else → `-`. `None` when nothing is left.
///
/// ```
/// use insats::checklist::location::kommun_slug;
/// assert_eq!(kommun_slug("Upplands Väsby").as_deref(), Some("upplands-vasby"));
/// assert_eq!(kommun_slug("Malmö stad").as_deref(), Some("malmo-stad"));
/// assert_eq!(kommun_slug(" / "), None);
/// ```
#[must_use]
pub fn kommun_slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'æ' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' | 'ï' => 'i',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// The checklist directory of this user (it need not exist).
///
/// # Errors
/// [`ChecklistError::Location`] when the platform gives no folder for the user's files; the
/// message names the variable to set.
pub fn checklist_dir() -> Result<PathBuf, ChecklistError> {
    crate::user_dirs::data_dir()
        .map(|d| d.join("checklistor"))
        .map_err(|e| {
            ChecklistError::Location(format!("{e}, eller ange filen med --checklista FIL"))
        })
}

/// The file of `kommun`'s checklist under `dir`.
///
/// # Errors
/// [`ChecklistError::Location`] for a name without a letter or digit.
pub fn kommun_file(dir: &Path, kommun: &str) -> Result<PathBuf, ChecklistError> {
    let slug = kommun_slug(kommun).ok_or_else(|| {
        ChecklistError::Location(format!(
            "kommunnamnet {kommun:?} har inga bokstäver eller siffror att bilda ett filnamn av"
        ))
    })?;
    Ok(dir.join(format!("{slug}.toml")))
}

/// The file of `kommun`'s checklist in this process's environment, creating the directory.
///
/// # Errors
/// [`ChecklistError::Location`] when no directory can be found or created.
pub fn kommun_file_from_env(kommun: &str) -> Result<PathBuf, ChecklistError> {
    let dir = checklist_dir()?;
    let file = kommun_file(&dir, kommun)?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        ChecklistError::Location(format!("{}: kan inte skapas: {e}", dir.display()))
    })?;
    Ok(file)
}

/// The checklist file the command line names: `--checklista FILE` wins, else the file of
/// `--kommun NAME` (its directory created); `None` when neither is given.
///
/// # Errors
/// As for [`kommun_file_from_env`].
pub fn from_args(
    kommun: Option<&str>,
    file: Option<&Path>,
) -> Result<Option<PathBuf>, ChecklistError> {
    match (file, kommun) {
        (Some(f), _) => Ok(Some(f.to_path_buf())),
        (None, Some(k)) => kommun_file_from_env(k).map(Some),
        (None, None) => Ok(None),
    }
}
