//! Extractor for 003, Socialstyrelsen's *Indikatorer – öppna jämförelser 2019*: the 99
//! numbered blocks (90 indikatorer, 9 bakgrundsmått) → `data/indikatorer.csv` and
//! `data/indikator_fragor.csv`.
//!
//! The work is split by layer: [`layout`] cuts the text into blocks and flags page furniture,
//! [`header`] reads title, marker and areas, [`fields`] groups the headed fields, [`teknisk`]
//! reads questions and rules, [`flow`] turns wrapped lines back into text. Manual decisions
//! come from [`corrections`].

pub mod corrections;
pub mod fields;
pub mod flow;
pub mod header;
pub mod layout;
pub mod teknisk;

use std::path::Path;

use self::corrections::Corrections;
use self::fields::Field;
use self::flow::{Flow, reflow, squash};
pub use super::ExtractError;
use crate::model::{Indikator, IndikatorOmrade};

/// Prefix of the seed file.
pub const SEED_PREFIX: &str = "003_";

/// The number of blocks 003 describes.
pub const EXPECTED_BLOCKS: u32 = 99;

/// The section of 003 a block is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Avsnitt {
    /// "Indikatorer som mäts och publiceras inom flera områden".
    Gemensamma,
    /// The section of one area.
    Omrade(IndikatorOmrade),
}

/// One extracted block with the section it was printed in.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub indikator: Indikator,
    pub avsnitt: Avsnitt,
}

/// Read 003 from `seeds` and the corrections from `data_dir`.
///
/// # Errors
/// When the seed is missing, breaks an assumption of the extractor or does not hold exactly
/// [`EXPECTED_BLOCKS`] blocks.
pub fn extract_dir(seeds: &Path, data_dir: &Path) -> Result<Vec<Indikator>, ExtractError> {
    let (path, text) = super::text::read_seed(seeds, SEED_PREFIX)?;
    let corrections = Corrections::load(data_dir)?;
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let parsed = parse(&text, &file, &corrections)?;
    let count = u32::try_from(parsed.len()).unwrap_or(u32::MAX);
    if count != EXPECTED_BLOCKS {
        let line = parsed.last().map_or(1, |p| p.indikator.kallrad as usize);
        return Err(err(
            &file,
            line,
            format!("hittade {count} numrerade block, väntade {EXPECTED_BLOCKS}"),
        ));
    }
    Ok(parsed.into_iter().map(|p| p.indikator).collect())
}

fn err(file: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parse the text of 003; `file` names it in errors.
///
/// # Errors
/// When a block is malformed, a block of an area's section is published elsewhere, title and heading disagree about a bakgrundsmått, a
/// question label repeats, or a correction no longer applies.
pub fn parse(
    text: &str,
    file: &str,
    corrections: &Corrections,
) -> Result<Vec<Parsed>, ExtractError> {
    let raw = layout::blocks(text, file)?;
    let mut out = Vec::new();
    let mut applied = Vec::new();
    for mut block in raw {
        let head = header::parse(&block.lines, file)?;
        layout::flag_title_copies_and_footnotes(&mut block, head.len, &head.title_key);
        let first = block.lines[0].no;
        let heading_is_bakgrund = fields::is_bakgrundsmatt_heading(&block.lines[head.len].text);
        if heading_is_bakgrund != head.bakgrundsmatt {
            return Err(err(
                file,
                block.lines[head.len].no,
                "rubriken och måttets rubrik är oeniga om blocket är ett bakgrundsmått",
            ));
        }
        let fixes = corrections.label_fixes(block.nummer);
        let body = Body::collect(&fields::split(&block.lines[head.len..]), &fixes, file)?;
        applied.extend(
            body.teknisk
                .applied_fixes
                .iter()
                .map(|&l| (block.nummer, l)),
        );
        if let Avsnitt::Omrade(area) = block.avsnitt
            && head.omraden != [area]
        {
            return Err(err(
                file,
                first,
                format!("blocket står i avsnittet {area} men publiceras inom andra områden"),
            ));
        }
        let mut ids: Vec<&str> = body.teknisk.fragor.iter().map(|f| f.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(err(
                file,
                first,
                format!(
                    "frågan {:?} finns två gånger i indikator {} (ange en annan etikett i {})",
                    w[0],
                    block.nummer,
                    corrections::FILE_NAME
                ),
            ));
        }
        let Some(matt) = body.matt else {
            return Err(err(file, first, "måttets text saknas"));
        };
        let mut indikator = Indikator {
            nummer: block.nummer,
            titel: head.titel,
            markering: head.markering,
            omraden: head.omraden,
            bakgrundsmatt: head.bakgrundsmatt,
            matt,
            matenhet: body.matenhet,
            syfte: body.syfte,
            riktning: body.riktning,
            typ: body.typ,
            kvalitetsdimension: body.kvalitetsdimension,
            kriterier: body.teknisk.kriterier,
            delvis: body.teknisk.delvis,
            taljare: join(body.taljare),
            namnare: join(body.namnare),
            definitioner: body.definitioner,
            kommentar: body.kommentar,
            kallrad: u32::try_from(first).unwrap_or(u32::MAX),
            fragor: body.teknisk.fragor,
        };
        for fix in corrections.text.iter().filter(|f| f.nummer == block.nummer) {
            fix.apply(&mut indikator)?;
        }
        out.push(Parsed {
            avsnitt: block.avsnitt,
            indikator,
        });
    }
    if let Some(fix) = corrections
        .text
        .iter()
        .find(|f| !out.iter().any(|p| p.indikator.nummer == f.nummer))
    {
        return Err(ExtractError::Corrections(format!(
            "{}: text för indikator {}: blocket finns inte",
            corrections::FILE_NAME,
            fix.nummer
        )));
    }
    if let Some(unused) = corrections
        .fraga_id
        .iter()
        .find(|f| !applied.contains(&(f.nummer, f.rad)))
    {
        return Err(ExtractError::Corrections(format!(
            "{}: fraga_id för indikator {} rad {} gäller inte längre (etiketten {:?} står inte där)",
            corrections::FILE_NAME,
            unused.nummer,
            unused.rad,
            unused.tryckt
        )));
    }
    Ok(out)
}

fn join(parts: Vec<String>) -> Option<String> {
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// The output fields of a block's body.
#[derive(Default)]
struct Body {
    matt: Option<String>,
    matenhet: Option<String>,
    syfte: Option<String>,
    riktning: Option<String>,
    typ: Option<String>,
    kvalitetsdimension: Option<String>,
    definitioner: Option<String>,
    kommentar: Option<String>,
    taljare: Vec<String>,
    namnare: Vec<String>,
    teknisk: teknisk::Teknisk,
}

impl Body {
    fn collect(
        parts: &[fields::FieldText],
        fixes: &teknisk::LabelFixes,
        file: &str,
    ) -> Result<Self, ExtractError> {
        let mut b = Body::default();
        let mut teknisk_seen = false;
        for part in parts {
            let texts: Vec<&str> = part.lines.iter().map(|l| l.text.as_str()).collect();
            let prose = || reflow(&texts, Flow::Prose);
            let line = part.lines.first().map_or(0, |l| l.no);
            let slot = match part.field {
                Field::Matt => &mut b.matt,
                Field::Matenhet => &mut b.matenhet,
                Field::Syfte => &mut b.syfte,
                Field::Riktning => &mut b.riktning,
                Field::Typ => &mut b.typ,
                Field::Kvalitetsdimension => &mut b.kvalitetsdimension,
                Field::Definitioner => &mut b.definitioner,
                Field::Kommentar => &mut b.kommentar,
                Field::Taljare => {
                    b.taljare.extend(non_empty(prose()));
                    continue;
                }
                Field::Namnare => {
                    b.namnare.extend(non_empty(prose()));
                    continue;
                }
                Field::Teknisk => {
                    if teknisk_seen {
                        return Err(err(file, line, "Teknisk beskrivning står två gånger"));
                    }
                    teknisk_seen = true;
                    b.teknisk = teknisk::parse(&part.lines, fixes, file)?;
                    continue;
                }
                Field::Referenser
                | Field::Datakalla
                | Field::Felkallor
                | Field::Population
                | Field::Redovisning => continue,
            };
            if slot.is_some() {
                return Err(err(
                    file,
                    line,
                    format!("fältet {:?} står två gånger", part.field),
                ));
            }
            let value = match part.field {
                Field::Typ | Field::Kvalitetsdimension => squash(&prose())
                    .trim_end_matches([',', '.'])
                    .trim()
                    .to_string(),
                _ => prose(),
            };
            *slot = non_empty(value);
        }
        Ok(b)
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

/// The CSV text of the indikatorer.
#[must_use]
pub fn to_csv(indikatorer: &[Indikator]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::indikatorer::write_csv(&mut buf, indikatorer);
    String::from_utf8(buf).unwrap_or_default()
}

/// The CSV text of the survey questions.
#[must_use]
pub fn to_fragor_csv(indikatorer: &[Indikator]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::indikatorer::write_fragor_csv(&mut buf, indikatorer);
    String::from_utf8(buf).unwrap_or_default()
}
