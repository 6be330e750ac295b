//! Where a kommun's checklist lives: `$XDG_DATA_HOME/insats/checklistor/<slug>.toml`, falling
//! back to `~/.local/share` when `XDG_DATA_HOME` is unset, empty or relative.

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

/// The checklist directory for the given environment values (`XDG_DATA_HOME`, `HOME`).
///
/// # Errors
/// [`ChecklistError::Location`] when neither gives an absolute directory.
pub fn checklist_dir(
    xdg_data_home: Option<&str>,
    home: Option<&str>,
) -> Result<PathBuf, ChecklistError> {
    let base = match xdg_data_home.map(Path::new).filter(|p| p.is_absolute()) {
        Some(p) => p.to_path_buf(),
        None => match home.map(Path::new).filter(|p| p.is_absolute()) {
            Some(h) => h.join(".local").join("share"),
            None => {
                return Err(ChecklistError::Location(
                    "varken XDG_DATA_HOME eller HOME är en absolut sökväg; ange filen med --checklista FIL"
                        .to_string(),
                ));
            }
        },
    };
    Ok(base.join("insats").join("checklistor"))
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
    let xdg = std::env::var("XDG_DATA_HOME").ok();
    let home = std::env::var("HOME").ok();
    let dir = checklist_dir(xdg.as_deref(), home.as_deref())?;
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
