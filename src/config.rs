//! The user's settings file, `config.toml` in the settings folder of
//! [`crate::user_dirs`] (`~/.config/insats` on Linux and macOS, `%APPDATA%\insats` on
//! Windows): the theme. Its absence also means a first start: the app
//! then shows a hint on how to begin, and writes a commented file so the hint shows once.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file's name inside the configuration directory.
pub const FILE_NAME: &str = "config.toml";

/// The themes a user can choose. Named here, below the drawing code, because the settings
/// file and the command line choose one; [`crate::ui::theme`] gives each its colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeName {
    /// Terminal colours, made for a dark background.
    #[default]
    Dark,
    /// Dark text on white.
    Light,
    /// White and yellow on black, bold.
    HighContrast,
}

impl ThemeName {
    /// Every theme, in the order of the help text.
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name used on the command line and in the configuration file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "mork",
            ThemeName::Light => "ljus",
            ThemeName::HighContrast => "kontrast",
        }
    }

    /// Other names accepted for the theme: with å ä ö, and in English.
    #[must_use]
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            ThemeName::Dark => &["mörk", "dark"],
            ThemeName::Light => &["light"],
            ThemeName::HighContrast => &["hög-kontrast", "hog-kontrast", "high-contrast"],
        }
    }

    /// A short Swedish description.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            ThemeName::Dark => "terminalens färger, för mörk bakgrund",
            ThemeName::Light => "mörk text på vitt",
            ThemeName::HighContrast => "vitt och gult på svart, för projektor",
        }
    }

    /// The theme a name or alias stands for (case is ignored).
    #[must_use]
    pub fn parse(s: &str) -> Option<ThemeName> {
        let s = s.trim().to_lowercase();
        ThemeName::ALL
            .into_iter()
            .find(|t| t.name() == s || t.aliases().contains(&s.as_str()))
    }
}

/// What the settings file says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Config {
    /// The theme, `tema = "…"`.
    pub tema: Option<ThemeName>,
}

/// A problem with the settings file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("kan inte läsa inställningsfilen {file}: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("inställningsfilen {file} är inte giltig: {message}")]
    Toml { file: PathBuf, message: String },
    #[error("inställningsfilen {file}, fältet tema: okänt tema {value:?} (giltiga: {valid})")]
    BadTheme {
        file: PathBuf,
        value: String,
        valid: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    tema: Option<String>,
}

/// The text written on first start: every setting, commented out.
pub const TEMPLATE: &str = "\
# Inställningar för insats. Filen skrevs när insats startades första gången.
#
# tema: färgerna i appen.
#   \"mork\"      terminalens färger, för mörk bakgrund (standard)
#   \"ljus\"      mörk text på vitt
#   \"kontrast\"  vitt och gult på svart, för projektor (standard i presentationsläget)
# Flaggan --theme går före det som står här. NO_COLOR tar bort alla färger.
#
# tema = \"mork\"
";

/// The configuration directory of insats ([`crate::user_dirs::config_dir`]); `None`
/// without a home directory, when the defaults apply.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    crate::user_dirs::config_dir().ok()
}

/// The settings file's path (it need not exist).
#[must_use]
pub fn path() -> Option<PathBuf> {
    dir().map(|d| d.join(FILE_NAME))
}

/// Parse the text of a settings file; `file` is used in error messages only.
///
/// # Errors
/// Bad TOML, an unknown field, or an unknown theme.
pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(text).map_err(|e| ConfigError::Toml {
        file: file.to_path_buf(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let tema = match raw.tema {
        None => None,
        Some(v) => Some(ThemeName::parse(&v).ok_or_else(|| {
            ConfigError::BadTheme {
                file: file.to_path_buf(),
                value: v.clone(),
                valid: ThemeName::ALL
                    .iter()
                    .map(|t| t.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })?),
    };
    Ok(Config { tema })
}

/// Read the settings file; `Ok(None)` when it does not exist (a first start).
///
/// # Errors
/// A file that exists but cannot be read or is not valid.
pub fn load(file: &Path) -> Result<Option<Config>, ConfigError> {
    match std::fs::read_to_string(file) {
        Ok(text) => parse(&text, file).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Io {
            file: file.to_path_buf(),
            source,
        }),
    }
}

/// Write [`TEMPLATE`] to `file` unless something is already there. The directory is
/// created; the file appears whole or not at all.
///
/// # Errors
/// The directory or the file cannot be written.
pub fn write_template(file: &Path) -> std::io::Result<()> {
    if file.exists() {
        return Ok(());
    }
    write_atomic(file, TEMPLATE.as_bytes())
}

/// Write `bytes` to `file` through a temporary file in the same directory and a rename, so
/// that a reader sees the old content or the new, never half of it: the directory is
/// created if missing, then the checklist's careful write does the rest
/// ([`crate::checklist::store::write_atomic`]: a unique temporary name, fsync of the file
/// and of the directory).
///
/// # Errors
/// The directory cannot be created or the file cannot be written.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    crate::checklist::store::write_atomic(file, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_creates_the_folder_replaces_the_file_and_leaves_nothing_beside_it() {
        let d = tempfile::tempdir().expect("temp dir");
        let file = d.path().join("ny").join("config.toml");
        write_atomic(&file, b"first\n").expect("first write");
        write_atomic(&file, b"second\n").expect("second write");
        assert_eq!(std::fs::read(&file).expect("reads"), b"second\n");
        let names: Vec<_> = std::fs::read_dir(file.parent().expect("folder"))
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["config.toml"]);
    }

    #[test]
    fn the_template_parses_to_no_settings() {
        assert_eq!(
            parse(TEMPLATE, Path::new("config.toml")).expect("template parses"),
            Config::default()
        );
    }

    #[test]
    fn a_theme_by_name_or_alias() {
        let c = parse("tema = \"ljus\"\n", Path::new("c.toml")).expect("parses");
        assert_eq!(c.tema, Some(ThemeName::Light));
        let c = parse("tema = \"hög-kontrast\"\n", Path::new("c.toml")).expect("parses");
        assert_eq!(c.tema, Some(ThemeName::HighContrast));
    }

    #[test]
    fn errors_name_the_file_and_the_field() {
        let e = parse("tema = \"rosa\"\n", Path::new("/x/config.toml"))
            .expect_err("unknown theme")
            .to_string();
        assert!(e.contains("/x/config.toml"), "{e}");
        assert!(e.contains("tema"), "{e}");
        assert!(e.contains("\"rosa\""), "{e}");
        assert!(e.contains("mork, ljus, kontrast"), "{e}");
        let e = parse("farg = 1\n", Path::new("/x/config.toml"))
            .expect_err("unknown field")
            .to_string();
        assert!(e.contains("farg"), "{e}");
        let e = parse("tema = \n", Path::new("/x/config.toml"))
            .expect_err("bad toml")
            .to_string();
        assert!(e.contains("/x/config.toml"), "{e}");
    }

    #[test]
    fn load_tells_a_first_start_and_the_template_is_written_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("insats").join(FILE_NAME);
        assert!(load(&file).expect("no file is fine").is_none());
        write_template(&file).expect("writes");
        assert_eq!(std::fs::read_to_string(&file).expect("reads"), TEMPLATE);
        std::fs::write(&file, "tema = \"kontrast\"\n").expect("user edits");
        write_template(&file).expect("no-op");
        assert_eq!(
            load(&file).expect("loads"),
            Some(Config {
                tema: Some(ThemeName::HighContrast)
            })
        );
        // No temporary files are left behind.
        let names: Vec<_> = std::fs::read_dir(file.parent().expect("dir"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE_NAME)]);
    }
}
