//! Where a kommun's checklist lives: `checklistor/<kommun>.toml` in the data folder of
//! [`crate::user_dirs`] (`$XDG_DATA_HOME/insats`, else `~/.local/share/insats`, on Linux and
//! macOS; `%APPDATA%\insats` on Windows).

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::ChecklistError;

/// The old file name of a kommun's checklist (before å ä ö were kept): lower-case ASCII,
/// `å ä → a`, `ö → o`, other accents dropped, runs of anything else → `-`. Still looked
/// for, so that a checklist saved under it is found; `None` when nothing is left.
///
/// ```
/// use insats::checklist::location::kommun_slug;
/// assert_eq!(kommun_slug("Upplands Väsby").as_deref(), Some("upplands-vasby"));
/// assert_eq!(kommun_slug("Malmö stad").as_deref(), Some("malmo-stad"));
/// assert_eq!(kommun_slug(" / "), None);
/// ```
#[must_use]
pub fn kommun_slug(name: &str) -> Option<String> {
    let out = crate::sort::slug(name);
    (!out.is_empty()).then_some(out)
}

/// A kommun name as compared: NFC, lower case, runs of white space and `-` as one `-`, no
/// leading or trailing ones. Two names with the same key name the same kommun.
///
/// ```
/// use insats::checklist::location::kommun_key;
/// assert_eq!(kommun_key("MALMÖ"), kommun_key("Malmö"));
/// assert_ne!(kommun_key("Håbo"), kommun_key("Habo"));
/// assert_eq!(kommun_key("Upplands Väsby"), "upplands-väsby");
/// ```
#[must_use]
pub fn kommun_key(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfc().flat_map(char::to_lowercase) {
        if c.is_whitespace() || c == '-' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The file name of a kommun's checklist, without `.toml`: the name's [`kommun_key`], so
/// å, ä, ö and every other letter stay as they are (`Håbo` → `håbo`, `Habo` → `habo`,
/// `Łódź` → `łódź`). Case is folded, since the file systems of Windows and macOS would
/// otherwise put `Malmö` and `MALMÖ` in one file anyway and the name should mean the same
/// on every platform.
///
/// # Errors
/// A message for a name with no letter or digit, with a character that cannot stand in a
/// file name on every platform (`/ \ : * ? " < > |`, control characters, a leading dot), or
/// too long for a file name; the name is never shortened or changed to fit.
pub fn kommun_file_name(kommun: &str) -> Result<String, String> {
    let key = kommun_key(kommun);
    if !key.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "kommunnamnet {:?} har inga bokstäver eller siffror att bilda ett filnamn av",
            crate::text::sanitize(kommun)
        ));
    }
    if let Some(bad) = key.chars().find(|c| {
        matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            || crate::text::is_unsafe(*c)
    }) {
        let mut shown = String::new();
        crate::text::push_visible(bad, &mut shown);
        return Err(format!(
            "kommunnamnet {:?} innehåller tecknet {shown:?}, som inte kan stå i ett filnamn; ange filen med --checklista FIL",
            crate::text::sanitize(kommun)
        ));
    }
    if key.starts_with('.') || key.ends_with('.') {
        return Err(format!(
            "kommunnamnet {:?} börjar eller slutar med en punkt och kan inte bli ett filnamn; ange filen med --checklista FIL",
            crate::text::sanitize(kommun)
        ));
    }
    let stem = key
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        return Err(format!(
            "kommunnamnet {:?} är ett reserverat filnamn i Windows; ange filen med --checklista FIL",
            crate::text::sanitize(kommun)
        ));
    }
    // 255 bytes is the common limit of a file name; `.toml` and a save's temporary suffix
    // (`.<name>.tmp.<pid>.<n>`) need room too.
    if key.len() > 200 {
        return Err(format!(
            "kommunnamnet är för långt för ett filnamn ({} byte, högst 200); ange filen med --checklista FIL",
            key.len()
        ));
    }
    Ok(key)
}

/// The `kommun` a checklist file names, if it is a readable regular file that names one.
fn kommun_in(file: &Path) -> Option<String> {
    if !std::fs::metadata(file).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let doc = toml_edit::Document::parse(text.as_str()).ok()?;
    doc.as_table()
        .get("kommun")
        .and_then(toml_edit::Item::as_str)
        .map(str::to_string)
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

/// The file of `kommun`'s checklist under `dir`: `<kommun_file_name>.toml`. Where that file
/// does not exist but one under the old ASCII name ([`kommun_slug`]) does and names the same
/// kommun, that one is used, so that a checklist saved before keeps being found.
///
/// # Errors
/// [`ChecklistError::Location`] for a name that cannot be a file name (see
/// [`kommun_file_name`]).
pub fn kommun_file(dir: &Path, kommun: &str) -> Result<PathBuf, ChecklistError> {
    let name = kommun_file_name(kommun).map_err(ChecklistError::Location)?;
    let file = dir.join(format!("{name}.toml"));
    if std::fs::symlink_metadata(&file).is_err()
        && let Some(old) = kommun_slug(kommun).filter(|old| *old != name)
    {
        let old = dir.join(format!("{old}.toml"));
        if kommun_in(&old).is_some_and(|k| kommun_key(&k) == kommun_key(kommun)) {
            return Ok(old);
        }
    }
    Ok(file)
}

/// The file of `kommun`'s checklist in this process's environment, creating the directory.
///
/// # Errors
/// [`ChecklistError::Location`] when no directory can be found or created.
pub fn kommun_file_from_env(kommun: &str) -> Result<PathBuf, ChecklistError> {
    kommun_file_in_env(kommun, true)
}

/// The file of `kommun`'s checklist in this process's environment; the directory is
/// created only when `create` (a reader such as `checklista export` creates nothing).
///
/// # Errors
/// [`ChecklistError::Location`] when no directory can be found (or created).
pub fn kommun_file_in_env(kommun: &str, create: bool) -> Result<PathBuf, ChecklistError> {
    let dir = checklist_dir()?;
    let file = kommun_file(&dir, kommun)?;
    if create {
        std::fs::create_dir_all(&dir).map_err(|e| {
            ChecklistError::Location(format!("{}: kan inte skapas: {e}", dir.display()))
        })?;
    }
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
    from_args_creating(kommun, file, true)
}

/// [`from_args`], creating the directory only when `create`.
///
/// # Errors
/// As for [`kommun_file_in_env`].
pub fn from_args_creating(
    kommun: Option<&str>,
    file: Option<&Path>,
    create: bool,
) -> Result<Option<PathBuf>, ChecklistError> {
    match (file, kommun) {
        (Some(f), _) => Ok(Some(f.to_path_buf())),
        (None, Some(k)) => kommun_file_in_env(k, create).map(Some),
        (None, None) => Ok(None),
    }
}
