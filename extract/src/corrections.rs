//! `data/korrigeringar.toml`: the reviewed manual decisions of the insatser extractor.
//!
//! Every entry carries a reason (`skal`). The extractor refuses to guess: where the seed text is
//! ambiguous and no entry decides it, extraction stops with a message naming the source line.

use std::path::Path;

use serde::Deserialize;

use super::ExtractError;

/// File name inside the data directory.
pub const FILE_NAME: &str = "korrigeringar.toml";

/// All manual decisions.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// Footnote digits glued to a name in 000.
    #[serde(default)]
    pub fotnot: Vec<Fotnot>,
    /// Line-end hyphens that are kept although the default rule would remove them.
    #[serde(default)]
    pub bindestreck: Vec<Bindestreck>,
    /// Names printed differently in 000 and 001.
    #[serde(default)]
    pub namnpar: Vec<Namnpar>,
    /// Lines of 001 that begin with an insats name but are förklaring text, not an insats.
    #[serde(default)]
    pub inte_insats: Vec<InteInsats>,
}

/// A footnote digit glued to the end of a name on line `rad` of 000.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fotnot {
    pub rad: usize,
    /// The glued digits, e.g. `"2"`.
    pub siffra: String,
    pub skal: String,
}

/// A word broken at a line-end hyphen whose hyphen is real (e.g. `Catch-up`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bindestreck {
    /// The word as it must read, hyphen included.
    pub ord: String,
    pub skal: String,
}

/// The 001 spelling of an insats whose 000 name differs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Namnpar {
    /// Section number, e.g. `"5.2"`, to tell apart equal names in different places.
    pub sektion: String,
    /// Name as printed in 000 (after line-break cleaning).
    pub namn: String,
    /// Name as printed in 001.
    pub namn_bilaga: String,
    pub skal: String,
}

/// A line of 001 that must not be read as the start of an insats.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InteInsats {
    pub rad: usize,
    pub skal: String,
}

impl Corrections {
    /// Parse the TOML text; `file` names the file in errors.
    ///
    /// # Errors
    /// When the TOML is malformed or an entry has an unknown field or no reason.
    pub fn parse(text: &str, file: &Path) -> Result<Self, ExtractError> {
        let c: Corrections = toml::from_str(text)
            .map_err(|e| ExtractError::Corrections(format!("{}: {e}", file.display())))?;
        let reasons = c
            .fotnot
            .iter()
            .map(|f| &f.skal)
            .chain(c.bindestreck.iter().map(|b| &b.skal))
            .chain(c.namnpar.iter().map(|n| &n.skal))
            .chain(c.inte_insats.iter().map(|n| &n.skal));
        if reasons.into_iter().any(|s| s.trim().is_empty()) {
            return Err(ExtractError::Corrections(format!(
                "{}: varje post behöver ett skäl (`skal`)",
                file.display()
            )));
        }
        Ok(c)
    }

    /// Read `data_dir/korrigeringar.toml`; a missing file means no corrections.
    ///
    /// # Errors
    /// When the file exists but cannot be read or parsed.
    pub fn load(data_dir: &Path) -> Result<Self, ExtractError> {
        let path = data_dir.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(t) => Self::parse(&t, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(ExtractError::Io { path, source }),
        }
    }

    /// Whether a line-end hyphen joining `before` and `after` is real.
    #[must_use]
    pub fn keeps_hyphen(&self, before: &str, after: &str) -> bool {
        let joined = format!("{before}-{after}");
        self.bindestreck.iter().any(|b| joined.contains(&b.ord))
    }

    /// The 001 name for an insats of 000, if listed.
    #[must_use]
    pub fn bilaga_name(&self, sektion: &str, namn: &str) -> Option<&str> {
        self.namnpar
            .iter()
            .find(|n| n.sektion == sektion && n.namn == namn)
            .map(|n| n.namn_bilaga.as_str())
    }
}
