//! `data/korrigeringar_indikatorer.toml`: the manual decisions for 003, each with its reason.

use std::path::Path;

use serde::Deserialize;

use super::ExtractError;
use super::teknisk::LabelFixes;

/// File name inside the data directory.
pub const FILE_NAME: &str = "korrigeringar_indikatorer.toml";

/// All manual decisions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// Question labels to replace.
    #[serde(default)]
    pub fraga_id: Vec<FragaIdFix>,
}

/// Replace the printed label of the question starting on source line `rad` of block `nummer`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FragaIdFix {
    pub nummer: u32,
    /// Source line of the question's label.
    pub rad: usize,
    /// The label as printed; the fix applies only while the seed still prints it.
    pub tryckt: String,
    /// The label to use.
    pub fraga_id: String,
    /// Why.
    pub skal: String,
}

impl Corrections {
    /// Parse the text of the corrections file.
    ///
    /// # Errors
    /// On invalid TOML, unknown keys or an entry without reason.
    pub fn parse(text: &str) -> Result<Self, ExtractError> {
        let c: Corrections = toml::from_str(text)
            .map_err(|e| ExtractError::Corrections(format!("{FILE_NAME}: {e}")))?;
        if let Some(f) = c.fraga_id.iter().find(|f| f.skal.trim().is_empty()) {
            return Err(ExtractError::Corrections(format!(
                "{FILE_NAME}: fraga_id för indikator {} rad {} saknar skäl",
                f.nummer, f.rad
            )));
        }
        Ok(c)
    }

    /// Read the corrections from `data_dir`; no file means no corrections.
    ///
    /// # Errors
    /// When the file exists but cannot be read or parsed.
    pub fn load(data_dir: &Path) -> Result<Self, ExtractError> {
        let path = data_dir.join(FILE_NAME);
        if !path.exists() {
            return Ok(Corrections::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|source| ExtractError::Io {
            path: path.clone(),
            source,
        })?;
        Corrections::parse(&text)
    }

    /// The label fixes of one block, by source line.
    #[must_use]
    pub fn label_fixes(&self, nummer: u32) -> LabelFixes {
        self.fraga_id
            .iter()
            .filter(|f| f.nummer == nummer)
            .map(|f| (f.rad, (f.tryckt.clone(), f.fraga_id.clone())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_requires_a_reason() {
        let c = Corrections::parse(
            "[[fraga_id]]\nnummer = 50\nrad = 5834\ntryckt = \"iiiiiii\"\nfraga_id = \"iiiiii\"\nskal = \"dubblett\"\n",
        )
        .expect("parse");
        assert_eq!(
            c.label_fixes(50).get(&5834),
            Some(&("iiiiiii".into(), "iiiiii".into()))
        );
        assert!(c.label_fixes(51).is_empty());
        let err = Corrections::parse(
            "[[fraga_id]]\nnummer = 50\nrad = 5834\ntryckt = \"x\"\nfraga_id = \"y\"\nskal = \" \"\n",
        )
        .expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "korrigeringsfilen: korrigeringar_indikatorer.toml: fraga_id för indikator 50 rad 5834 saknar skäl"
        );
        assert!(Corrections::parse("[[fraga_id]]\nnummer = 1\nokand = 2\n").is_err());
    }
}
