//! The links between indikatorer and insatser: the hand-reviewed decisions of
//! `data/kopplingar.toml` → `data/kopplingar.csv`.
//!
//! Nothing here guesses a link. The extractor only checks the decisions against what it
//! extracted from the seeds: every nummer and id must exist, a linked insats must belong to an
//! område the indikator is published in, and every indikator must be decided (linked, or
//! listed under `[[utan_koppling]]` with a reason), so that a new or renumbered block cannot
//! slip through unreviewed.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::ExtractError;
use crate::model::{Indikator, Insats, Koppling};

/// The file in `data/` with the decisions.
pub const DECISIONS_FILE: &str = "kopplingar.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionsFile {
    #[serde(default)]
    koppling: Vec<toml::Spanned<Par>>,
    #[serde(default)]
    avvisad: Vec<toml::Spanned<Par>>,
    #[serde(default)]
    utan_koppling: Vec<toml::Spanned<UtanKoppling>>,
}

/// An indikator and an insats, linked or rejected, with the reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Par {
    indikator: u32,
    insats: String,
    skal: String,
}

/// Indikatorer with no link, with the reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct UtanKoppling {
    indikatorer: Vec<u32>,
    skal: String,
}

/// The parsed decisions, each with the line of the decisions file it starts on.
#[derive(Debug)]
pub struct Beslut {
    kopplingar: Vec<(usize, Par)>,
    avvisade: Vec<(usize, Par)>,
    utan: Vec<(usize, UtanKoppling)>,
}

fn decisions_error(message: String) -> ExtractError {
    ExtractError::Corrections(format!("{DECISIONS_FILE}: {message}"))
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).map_or(1, |t| t.matches('\n').count() + 1)
}

/// Read the decisions from `data_dir` and check them against the extracted catalogue.
///
/// # Errors
/// When the file is missing or malformed, or a decision does not fit the catalogue (see
/// [`Beslut::apply`]).
pub fn extract_dir(
    data_dir: &Path,
    insatser: &[Insats],
    indikatorer: &[Indikator],
) -> Result<Vec<Koppling>, ExtractError> {
    let path = data_dir.join(DECISIONS_FILE);
    let text = std::fs::read_to_string(&path).map_err(|source| ExtractError::Io {
        path: path.clone(),
        source,
    })?;
    Beslut::parse(&text)?.apply(insatser, indikatorer)
}

impl Beslut {
    /// Parse the text of the decisions file.
    ///
    /// # Errors
    /// On bad TOML or an unknown key.
    pub fn parse(text: &str) -> Result<Self, ExtractError> {
        let file: DecisionsFile =
            toml::from_str(text).map_err(|e| decisions_error(format!("ogiltig TOML: {e}")))?;
        let with_line = |s: toml::Spanned<Par>| (line_of(text, s.span().start), s.into_inner());
        Ok(Beslut {
            kopplingar: file.koppling.into_iter().map(with_line).collect(),
            avvisade: file.avvisad.into_iter().map(with_line).collect(),
            utan: file
                .utan_koppling
                .into_iter()
                .map(|s| (line_of(text, s.span().start), s.into_inner()))
                .collect(),
        })
    }

    /// Check the decisions against the extracted `insatser` and `indikatorer` and return the
    /// links sorted by indikator and insats id.
    ///
    /// # Errors
    /// A [`ExtractError::Corrections`] listing every problem, each with its line: an unknown
    /// indikator nummer or insats id, an insats outside the indikator's områden, an empty
    /// reason, a pair or nummer decided twice, and every indikator left undecided.
    pub fn apply(
        &self,
        insatser: &[Insats],
        indikatorer: &[Indikator],
    ) -> Result<Vec<Koppling>, ExtractError> {
        let mut problems = Vec::new();
        let mut linked: BTreeMap<(u32, String), usize> = BTreeMap::new();
        let mut out = Vec::new();
        for (line, p) in &self.kopplingar {
            let context = format!(
                "rad {line}: [[koppling]] indikator {}, insats {:?}",
                p.indikator, p.insats
            );
            let checked = check_pair(p, insatser, indikatorer, &context, &mut problems);
            if let Some((indikator, insats)) = checked
                && !indikator.covers(insats.omrade)
            {
                let omraden: Vec<&str> = indikator.omraden.iter().map(|o| o.as_str()).collect();
                problems.push(format!(
                    "{context}: insatsen hör till området {}, men indikatorn publiceras inom {}",
                    insats.omrade,
                    omraden.join(", ")
                ));
            }
            if let Some(first) = linked.insert((p.indikator, p.insats.clone()), *line) {
                problems.push(format!("{context}: kopplingen står redan på rad {first}"));
            }
            out.push(Koppling {
                indikator: p.indikator,
                insats_id: p.insats.clone(),
                skal: p.skal.trim().to_string(),
            });
        }

        let mut rejected = HashSet::new();
        for (line, p) in &self.avvisade {
            let context = format!(
                "rad {line}: [[avvisad]] indikator {}, insats {:?}",
                p.indikator, p.insats
            );
            check_pair(p, insatser, indikatorer, &context, &mut problems);
            if let Some(at) = linked.get(&(p.indikator, p.insats.clone())) {
                problems.push(format!(
                    "{context}: paret är också kopplat på rad {at}; välj det ena"
                ));
            }
            if !rejected.insert((p.indikator, p.insats.clone())) {
                problems.push(format!("{context}: paret är redan avvisat"));
            }
        }

        let with_links: BTreeSet<u32> = linked.keys().map(|(n, _)| *n).collect();
        let mut without: BTreeMap<u32, usize> = BTreeMap::new();
        for (line, u) in &self.utan {
            let context = format!("rad {line}: [[utan_koppling]]");
            if u.skal.trim().is_empty() {
                problems.push(format!("{context}: `skal` är tomt"));
            }
            if u.indikatorer.is_empty() {
                problems.push(format!("{context}: `indikatorer` är tom"));
            }
            for &n in &u.indikatorer {
                if !indikatorer.iter().any(|i| i.nummer == n) {
                    problems.push(format!(
                        "{context}: ingen indikator med nummer {n} i indikatorer.csv"
                    ));
                }
                if with_links.contains(&n) {
                    problems.push(format!(
                        "{context}: indikator {n} har kopplingar och kan inte stå här"
                    ));
                }
                if let Some(first) = without.insert(n, *line) {
                    problems.push(format!(
                        "{context}: indikator {n} står redan under [[utan_koppling]] på rad {first}"
                    ));
                }
            }
        }

        let undecided: Vec<String> = indikatorer
            .iter()
            .map(|i| i.nummer)
            .filter(|n| !with_links.contains(n) && !without.contains_key(n))
            .map(|n| n.to_string())
            .collect();
        if !undecided.is_empty() {
            problems.push(format!(
                "indikator {} saknar beslut; lägg till [[koppling]] eller [[utan_koppling]] efter att ha läst indikatorn",
                undecided.join(", ")
            ));
        }

        if !problems.is_empty() {
            return Err(decisions_error(problems.join("\n  ")));
        }
        out.sort_by(|a, b| (a.indikator, &a.insats_id).cmp(&(b.indikator, &b.insats_id)));
        Ok(out)
    }
}

/// Check that a pair's indikator and insats exist and that it has a reason; returns both
/// when they exist.
fn check_pair<'a>(
    p: &Par,
    insatser: &'a [Insats],
    indikatorer: &'a [Indikator],
    context: &str,
    problems: &mut Vec<String>,
) -> Option<(&'a Indikator, &'a Insats)> {
    if p.skal.trim().is_empty() {
        problems.push(format!("{context}: `skal` är tomt"));
    }
    let indikator = indikatorer.iter().find(|i| i.nummer == p.indikator);
    if indikator.is_none() {
        problems.push(format!(
            "{context}: ingen indikator med nummer {} i indikatorer.csv",
            p.indikator
        ));
    }
    let insats = insatser.iter().find(|i| i.id == p.insats);
    if insats.is_none() {
        problems.push(format!(
            "{context}: ingen insats med id {:?} i insatser.csv",
            p.insats
        ));
    }
    indikator.zip(insats)
}

/// The CSV text of the links.
#[must_use]
pub fn to_csv(rows: &[Koppling]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::kopplingar::write_csv(&mut buf, rows);
    String::from_utf8(buf).unwrap_or_default()
}
