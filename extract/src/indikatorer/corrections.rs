//! `data/korrigeringar_indikatorer.toml`: the manual decisions for 003, each with its reason.

use std::path::Path;

use serde::Deserialize;

use super::ExtractError;
use super::teknisk::LabelFixes;
use crate::model::Indikator;

/// File name inside the data directory.
pub const FILE_NAME: &str = "korrigeringar_indikatorer.toml";

/// All manual decisions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// Question labels to replace.
    #[serde(default)]
    pub fraga_id: Vec<FragaIdFix>,
    /// Text to replace in an extracted field.
    #[serde(default)]
    pub text: Vec<TextFix>,
}

/// A field of `indikatorer.csv` a [`TextFix`] may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextFalt {
    Matt,
    Syfte,
    Kriterier,
    Delvis,
    Definitioner,
    Kommentar,
    /// The text of one survey question (named by `fraga_id`).
    Fraga,
}

impl TextFalt {
    /// The column name in `indikatorer.csv`, as written in the corrections file.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TextFalt::Matt => "matt",
            TextFalt::Syfte => "syfte",
            TextFalt::Kriterier => "kriterier",
            TextFalt::Delvis => "delvis",
            TextFalt::Definitioner => "definitioner",
            TextFalt::Kommentar => "kommentar",
            TextFalt::Fraga => "fraga",
        }
    }
}

/// Replace `tryckt`, the text as the extractor reads it from the source, with `rattat` in one
/// field of block `nummer` (for `falt = "fraga"`, in the question `fraga_id`). `tryckt` must
/// occur exactly once there.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextFix {
    pub nummer: u32,
    pub falt: TextFalt,
    /// The question's label, for `falt = "fraga"` only.
    #[serde(default)]
    pub fraga_id: Option<String>,
    pub tryckt: String,
    pub rattat: String,
    /// Why, with the source lines.
    pub skal: String,
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
        if let Some(f) = c.text.iter().find(|f| f.skal.trim().is_empty()) {
            return Err(ExtractError::Corrections(format!(
                "{FILE_NAME}: text för indikator {} ({:?}) saknar skäl",
                f.nummer, f.tryckt
            )));
        }
        if let Some(f) = c
            .text
            .iter()
            .find(|f| (f.falt == TextFalt::Fraga) != f.fraga_id.is_some())
        {
            return Err(ExtractError::Corrections(format!(
                "{FILE_NAME}: text för indikator {}: fraga_id anges för falt = \"fraga\" och bara där",
                f.nummer
            )));
        }
        if let Some(f) = c.text.iter().find(|f| f.tryckt.is_empty()) {
            return Err(ExtractError::Corrections(format!(
                "{FILE_NAME}: text för indikator {} har tom tryckt",
                f.nummer
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

impl TextFix {
    /// Apply the fix to `indikator`.
    ///
    /// # Errors
    /// When the field does not hold `tryckt` exactly once: the source or the extractor has
    /// changed and the entry must be reviewed.
    pub fn apply(&self, indikator: &mut Indikator) -> Result<(), ExtractError> {
        let field = match self.falt {
            TextFalt::Matt => Some(&mut indikator.matt),
            TextFalt::Syfte => indikator.syfte.as_mut(),
            TextFalt::Kriterier => indikator.kriterier.as_mut(),
            TextFalt::Delvis => indikator.delvis.as_mut(),
            TextFalt::Definitioner => indikator.definitioner.as_mut(),
            TextFalt::Kommentar => indikator.kommentar.as_mut(),
            TextFalt::Fraga => indikator
                .fragor
                .iter_mut()
                .find(|f| Some(&f.id) == self.fraga_id.as_ref())
                .map(|f| &mut f.fraga),
        };
        match field {
            Some(text) if text.matches(self.tryckt.as_str()).count() == 1 => {
                *text = text.replacen(self.tryckt.as_str(), &self.rattat, 1);
                Ok(())
            }
            _ => Err(ExtractError::Corrections(format!(
                "{FILE_NAME}: text för indikator {}: {:?} står inte exakt en gång i {}{}",
                self.nummer,
                self.tryckt,
                self.falt.as_str(),
                self.fraga_id
                    .as_deref()
                    .map(|id| format!(" {id}"))
                    .unwrap_or_default()
            ))),
        }
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

    #[test]
    fn a_question_fix_names_its_question_and_changes_only_that_one() {
        let fix = "[[text]]\nnummer = 28\nfalt = \"fraga\"\nfraga_id = \"i\"\ntryckt = \"bedr vas\"\nrattat = \"bedrivas\"\nskal = \"brutet ord\"\n";
        let c = Corrections::parse(fix).expect("parse");
        let mut ind = indikator();
        ind.fragor = vec![
            crate::model::Fraga {
                id: "i".into(),
                fraga: "ska bedr vas med".into(),
                svarsalternativ: None,
            },
            crate::model::Fraga {
                id: "ii".into(),
                fraga: "bedr vas".into(),
                svarsalternativ: None,
            },
        ];
        c.text[0].apply(&mut ind).expect("applies");
        assert_eq!(ind.fragor[0].fraga, "ska bedrivas med");
        assert_eq!(ind.fragor[1].fraga, "bedr vas");
        // Without fraga_id, or with it on another field, the file is refused.
        assert!(Corrections::parse(&fix.replace("fraga_id = \"i\"\n", "")).is_err());
        assert!(Corrections::parse(&fix.replace("\"fraga\"", "\"syfte\"")).is_err());
        // A question that no longer holds the text stops the extractor.
        ind.fragor[0].fraga = "ska bedrivas med".into();
        assert!(c.text[0].apply(&mut ind).is_err());
    }

    fn indikator() -> Indikator {
        Indikator {
            nummer: 4,
            titel: "Titel".into(),
            markering: None,
            omraden: Vec::new(),
            bakgrundsmatt: false,
            matt: "Mått".into(),
            matenhet: None,
            syfte: None,
            riktning: None,
            typ: None,
            kvalitetsdimension: None,
            kriterier: None,
            delvis: None,
            taljare: None,
            namnare: None,
            definitioner: Some("flera delverksam-heter/målgrupper".into()),
            kommentar: None,
            kallrad: 1,
            fragor: Vec::new(),
        }
    }

    #[test]
    fn text_fix_replaces_exactly_one_occurrence() {
        let entry = "[[text]]\nnummer = 4\nfalt = \"definitioner\"\ntryckt = \"delverksam-heter\"\n\
                     rattat = \"delverksamheter\"\nskal = \"två bindestreck\"\n";
        let c = Corrections::parse(entry).expect("parse");
        let mut i = indikator();
        c.text[0].apply(&mut i).expect("applies");
        assert_eq!(
            i.definitioner.as_deref(),
            Some("flera delverksamheter/målgrupper")
        );
        // Applied again, the printed text is gone: the entry no longer fits.
        let err = c.text[0].apply(&mut i).expect_err("stale");
        assert_eq!(
            err.to_string(),
            "korrigeringsfilen: korrigeringar_indikatorer.toml: text för indikator 4: \
             \"delverksam-heter\" står inte exakt en gång i definitioner"
        );
        let mut twice = indikator();
        twice.definitioner = Some("delverksam-heter och delverksam-heter".into());
        assert!(c.text[0].apply(&mut twice).is_err());
        let mut absent_field = indikator();
        absent_field.definitioner = None;
        assert!(c.text[0].apply(&mut absent_field).is_err());
        assert!(Corrections::parse(&entry.replace("två bindestreck", "")).is_err());
        assert!(Corrections::parse(&entry.replace("definitioner", "titel")).is_err());
        assert!(Corrections::parse(&entry.replace("\"delverksam-heter\"", "\"\"")).is_err());
    }
}
