//! Where insats keeps the user's own files, in each platform's place for them: the one
//! module that knows, for the settings file, the keymap, the copy fallback and the
//! checklists.
//!
//! | what                 | Linux, macOS and other unix                    | Windows                  |
//! |----------------------|------------------------------------------------|--------------------------|
//! | `config.toml`, `keymap.toml` | `$XDG_CONFIG_HOME/insats` (`~/.config/insats`) | `%APPDATA%\insats` |
//! | `checklistor/`       | `$XDG_DATA_HOME/insats` (`~/.local/share/insats`) | `%APPDATA%\insats`    |
//! | `urklipp.txt`        | `$XDG_STATE_HOME/insats` (`~/.local/state/insats`) | `%APPDATA%\insats`   |
//!
//! The places come from `etcetera`, a small, maintained crate that implements the XDG base
//! directory rules (an `XDG_*` variable that is unset, empty or relative is ignored, as the
//! specification says) and asks Windows for its known folders. It was chosen over
//! `directories` because it lets macOS use the XDG places too: insats is a terminal program,
//! and terminal users on a Mac expect `~/.config/insats` (as for git, fish, helix and most
//! command-line tools), not `~/Library/Application Support`, which they would have to look
//! up; one layout for Linux and macOS also keeps the README and the help short. Windows keeps
//! everything, including the checklists, in the roaming `%APPDATA%\insats`, so that a
//! kommun's managed laptops carry a user's checklists and settings along with the profile.
//!
//! Without a home directory (no `HOME` and no entry in the user database, or a relative
//! one) the app still starts: the settings and the keymap are then the defaults, and a
//! command that needs the folder stops with [`Missing`], which names the variable to set.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// The folder insats uses inside each base directory.
pub const APP: &str = "insats";

/// Which of the user's folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Settings and keymap.
    Config,
    /// Checklists.
    Data,
    /// The copy fallback file.
    State,
}

impl Kind {
    /// The environment variable that sets this folder on this platform.
    #[must_use]
    pub fn variable(self) -> &'static str {
        if cfg!(windows) {
            "APPDATA"
        } else {
            match self {
                Kind::Config => "XDG_CONFIG_HOME",
                Kind::Data => "XDG_DATA_HOME",
                Kind::State => "XDG_STATE_HOME",
            }
        }
    }
}

/// No folder for the user's files could be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", missing_message(*.0))]
pub struct Missing(pub Kind);

/// What [`Missing`] says: which variable to set, on this platform.
fn missing_message(kind: Kind) -> String {
    if cfg!(windows) {
        "hittar ingen mapp för användarens filer: sätt APPDATA till en absolut sökväg".to_string()
    } else {
        format!(
            "hittar ingen hemkatalog för användarens filer: sätt HOME (eller {}) till en absolut sökväg",
            kind.variable()
        )
    }
}

/// insats's folder of `kind` (it need not exist).
///
/// # Errors
/// [`Missing`] when the platform gives no absolute directory.
pub fn dir(kind: Kind) -> Result<PathBuf, Missing> {
    base(kind)
        .filter(|p| p.is_absolute())
        .map(|p| p.join(APP))
        .ok_or(Missing(kind))
}

/// The settings folder: `config.toml` and `keymap.toml`.
///
/// # Errors
/// As for [`dir`].
pub fn config_dir() -> Result<PathBuf, Missing> {
    dir(Kind::Config)
}

/// The data folder: the checklists.
///
/// # Errors
/// As for [`dir`].
pub fn data_dir() -> Result<PathBuf, Missing> {
    dir(Kind::Data)
}

/// The state folder: the copy fallback.
///
/// # Errors
/// As for [`dir`].
pub fn state_dir() -> Result<PathBuf, Missing> {
    dir(Kind::State)
}

/// The platform's base directory of `kind`, before insats's own folder is added.
fn base(kind: Kind) -> Option<PathBuf> {
    match etcetera::choose_base_strategy() {
        Ok(s) => Some(match kind {
            Kind::Config => s.config_dir(),
            Kind::Data => s.data_dir(),
            // Windows has no state folder: the data folder (%APPDATA%) holds it.
            Kind::State => s.state_dir().unwrap_or_else(|| s.data_dir()),
        }),
        // No home directory: an absolute XDG variable still names the folder, as the
        // specification has it.
        Err(_) if cfg!(not(windows)) => std::env::var_os(kind.variable())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute()),
        Err(_) => None,
    }
}

/// `file` for a message to the user: under the home directory as `~/…` (unix) or under
/// `%APPDATA%` as `%APPDATA%\…` (Windows), else as it is.
#[must_use]
pub fn display(file: &Path) -> String {
    #[cfg(windows)]
    let (base, shown) = (std::env::var_os("APPDATA").map(PathBuf::from), "%APPDATA%");
    #[cfg(not(windows))]
    let (base, shown) = (etcetera::home_dir().ok(), "~");
    shorten(file, base.as_deref().filter(|b| b.is_absolute()), shown)
}

/// `file` with `base` written as `shown`, when it lies under `base`.
#[must_use]
pub fn shorten(file: &Path, base: Option<&Path>, shown: &str) -> String {
    match base.and_then(|b| file.strip_prefix(b).ok()) {
        Some(rest) => Path::new(shown).join(rest).display().to_string(),
        None => file.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_variable_to_set() {
        let m = Missing(Kind::Data).to_string();
        if cfg!(windows) {
            assert!(m.contains("APPDATA"), "{m}");
        } else {
            assert!(m.contains("HOME"), "{m}");
            assert!(m.contains("XDG_DATA_HOME"), "{m}");
        }
        assert!(
            Missing(Kind::Config)
                .to_string()
                .contains(if cfg!(windows) {
                    "APPDATA"
                } else {
                    "XDG_CONFIG_HOME"
                })
        );
    }

    #[test]
    fn shorten_writes_the_base_as_asked() {
        assert_eq!(
            shorten(
                Path::new("/home/anna/.local/state/insats/urklipp.txt"),
                Some(Path::new("/home/anna")),
                "~"
            ),
            Path::new("~")
                .join(".local/state/insats/urklipp.txt")
                .display()
                .to_string()
        );
        assert_eq!(
            shorten(Path::new("/tmp/u.txt"), Some(Path::new("/home/anna")), "~"),
            Path::new("/tmp/u.txt").display().to_string()
        );
        assert_eq!(
            shorten(Path::new("/tmp/u.txt"), None, "~"),
            Path::new("/tmp/u.txt").display().to_string()
        );
    }

    #[test]
    fn every_folder_ends_in_insats() {
        for kind in [Kind::Config, Kind::Data, Kind::State] {
            // The test environment has a home directory.
            let d = dir(kind).expect("a folder");
            assert!(d.is_absolute(), "{}", d.display());
            assert_eq!(d.file_name(), Some(std::ffi::OsStr::new(APP)));
        }
    }
}
