//! Extractor for 000 (result tables) and 001 (appendix: förklaring and källa).
//!
//! 000 gives the hierarchy, the names and the four figures; 001 gives förklaring and källa for
//! the same insatser. The two are paired per (område, section, group) by name, guided by 000's
//! names, with the reviewed exceptions of `data/korrigeringar.toml`.

mod appendix;
mod tables;

use std::path::Path;

pub use appendix::{AppendixEntry, parse_001};
pub use tables::{TableRow, parse_000};

use super::ExtractError;
use super::corrections::Corrections;
use super::text::read_seed;
use crate::model::{Insats, Omrade};

/// Read 000 and 001 from `seeds` and the corrections from `data_dir`.
///
/// # Errors
/// When a seed is missing or its text breaks an assumption (see the message).
pub fn extract_dir(seeds: &Path, data_dir: &Path) -> Result<Vec<Insats>, ExtractError> {
    let corrections = Corrections::load(data_dir)?;
    let (_, t000) = read_seed(seeds, "000_")?;
    let (_, t001) = read_seed(seeds, "001_")?;
    extract(&t000, &t001, &corrections)
}

/// Extract from the texts of 000 and 001.
///
/// # Errors
/// When the texts break an assumption (see the message).
pub fn extract(
    t000: &str,
    t001: &str,
    corrections: &Corrections,
) -> Result<Vec<Insats>, ExtractError> {
    let rows = parse_000(t000, corrections)?;
    let entries = parse_001(t001, &rows, corrections)?;
    let mut out = Vec::with_capacity(rows.len());
    let mut unlisted = Vec::new();
    for (row, entry) in rows.iter().zip(entries) {
        if entry.namn != row.namn
            && corrections.bilaga_name(&row.sektion_nr, &row.namn) != Some(entry.namn.as_str())
        {
            unlisted.push(format!(
                "[[namnpar]] sektion = {:?}, namn = {:?}, namn_bilaga = {:?} (001 rad {})",
                row.sektion_nr, row.namn, entry.namn, entry.line
            ));
        }
        let namn_bilaga = (entry.namn != row.namn).then(|| entry.namn.clone());
        out.push(Insats {
            id: String::new(),
            omrade: row.omrade,
            sektion_nr: row.sektion_nr.as_str().into(),
            sektion: row.sektion.as_str().into(),
            grupp: row.grupp.as_deref().map(Into::into),
            namn: row.namn.clone(),
            namn_bilaga,
            ges: row.figures[0],
            digital: row.figures[1],
            enskild: row.figures[2],
            utan: row.figures[3],
            forklaring: entry.forklaring.map(Into::into),
            kalla: entry.kalla.map(Into::into),
            kallrad_000: u32::try_from(row.line).unwrap_or(u32::MAX),
            kallrad_001: u32::try_from(entry.line).unwrap_or(u32::MAX),
        });
    }
    if !unlisted.is_empty() {
        return Err(ExtractError::Corrections(format!(
            "{} namn skiljer sig mellan 000 och 001 utan att stå i korrigeringar.toml:\n  {}",
            unlisted.len(),
            unlisted.join("\n  ")
        )));
    }
    assign_ids(&mut out);
    Ok(out)
}

/// ASCII slug: å ä → a, ö → o, other letters folded, runs of other characters → `-`
/// (the app's [`insats::sort::slug`]).
#[must_use]
pub fn slug(s: &str) -> String {
    insats::sort::slug(s)
}

/// Cut a slug to at most `max` bytes at a `-` boundary.
fn shorten(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let cut = slug[..=max].rfind('-').unwrap_or(max);
    &slug[..cut]
}

/// Ids: `{område}-{section}-{name}`, the name slug cut to 40 characters. Where that is not
/// unique, the full name is used; where the same name occurs for different target groups, the
/// group is added (`vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna`); a number is the
/// last resort.
fn assign_ids(insatser: &mut [Insats]) {
    let prefix = |i: &Insats| format!("{}-{}-", i.omrade.slug(), i.sektion_nr);
    let mut ids: Vec<String> = insatser
        .iter()
        .map(|i| format!("{}{}", prefix(i), shorten(&slug(&i.namn), 40)))
        .collect();
    let widen = |ids: &mut Vec<String>, f: &dyn Fn(&Insats) -> String| {
        let clashing: Vec<usize> = (0..ids.len())
            .filter(|&k| ids.iter().filter(|x| **x == ids[k]).count() > 1)
            .collect();
        for k in clashing {
            ids[k] = f(&insatser[k]);
        }
    };
    widen(&mut ids, &|i| format!("{}{}", prefix(i), slug(&i.namn)));
    widen(&mut ids, &|i| {
        let g = i.grupp.as_deref().map(group_slug).unwrap_or_default();
        format!("{}{}-{g}", prefix(i), slug(&i.namn))
    });
    for k in 0..ids.len() {
        if ids.iter().filter(|x| **x == ids[k]).count() > 1 {
            let n = ids[..k].iter().filter(|x| **x == ids[k]).count() + 1;
            ids[k] = format!("{}-{n}", ids[k]);
        }
    }
    for (i, id) in insatser.iter_mut().zip(ids) {
        i.id = id;
    }
}

/// The distinctive part of a group heading (`Insatser riktade till anhöriga` → `anhoriga`).
fn group_slug(grupp: &str) -> String {
    let s = slug(grupp);
    let prefixes = [
        "insatser-riktade-till-",
        "insatser-till-",
        "ovriga-insatser-till-",
        "boendeinsatser-for-",
    ];
    prefixes
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .map_or(s.clone(), str::to_string)
}

/// The område of a numbered heading in 000/001 (`2 Verksamhetsområde äldre` → äldre).
#[must_use]
pub fn omrade_of_heading(number: u32) -> Option<Omrade> {
    match number {
        2 => Some(Omrade::Aldre),
        3 => Some(Omrade::BarnOchUnga),
        4 => Some(Omrade::Funktionshinder),
        5 => Some(Omrade::MissbrukOchBeroende),
        6 => Some(Omrade::Socialpsykiatri),
        7 => Some(Omrade::ValdINaraRelationer),
        _ => None,
    }
}

/// The CSV text of the insatser.
#[must_use]
pub fn to_csv(insatser: &[Insats]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::insatser::write_csv(&mut buf, insatser);
    String::from_utf8(buf).unwrap_or_default()
}
