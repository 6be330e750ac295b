//! Extractor for 004, Socialstyrelsen's *Lägesrapport individ- och familjeomsorg 2019*: the
//! "Sammanfattande iakttagelser" bullets that open each chapter.
//!
//! The text is a PDF turned into lines. A chapter title starts a new page (its first line
//! has a leading space) and may wrap; the findings follow the line `Sammanfattande
//! iakttagelser` as `•` bullets wrapped over several lines, Word hyphenation included. A
//! bullet's first line is sometimes followed by a blank line, and a page break (running
//! head, page number, footnotes) can fall inside a bullet. The bullets end at the first
//! paragraph that does not continue the last bullet.
//!
//! Which områden a finding concerns is a manual decision kept in
//! `data/lagesrapport_omraden.toml`.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::ExtractError;
use super::text::{read_seed, squash};
use crate::model::{Lagesiakttagelse, Omrade};

/// Prefix of the seed file.
pub const SEED_PREFIX: &str = "004_";

/// The file in `data/` with the områden of each chapter and bullet.
pub const OMRADEN_FILE: &str = "lagesrapport_omraden.toml";

/// The line that opens a chapter's findings.
const HEADING: &str = "Sammanfattande iakttagelser";

/// Running heads of the report's pages.
const RUNNING_HEADS: [&str; 2] = ["INDIVID- OCH FAMILJEOMSORG", "SOCIALSTYRELSEN"];

/// A chapter's findings as read from the text, before områden are assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kapitel {
    /// Title, unwrapped.
    pub titel: String,
    /// 1-based line of the `Sammanfattande iakttagelser` heading.
    pub rad: usize,
    pub punkter: Vec<Punkt>,
}

/// One bullet as read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Punkt {
    /// Text, unwrapped, without the bullet sign.
    pub text: String,
    /// 1-based line where the bullet starts.
    pub rad: usize,
}

/// Read 004 from `seeds` and the områden from `data_dir`.
///
/// # Errors
/// When the seed is missing or breaks an assumption of [`parse`], or the områden file is
/// missing, malformed or does not match the chapters and bullets found.
pub fn extract_dir(seeds: &Path, data_dir: &Path) -> Result<Vec<Lagesiakttagelse>, ExtractError> {
    let (path, text) = read_seed(seeds, SEED_PREFIX)?;
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let kapitel = parse(&text, &file)?;
    let rules_path = data_dir.join(OMRADEN_FILE);
    let rules_text = std::fs::read_to_string(&rules_path).map_err(|source| ExtractError::Io {
        path: rules_path.clone(),
        source,
    })?;
    let rules = OmradeRules::parse(&rules_text)?;
    rules.apply(&kapitel)
}

/// Find every chapter's "Sammanfattande iakttagelser" and read its bullets.
///
/// `file` names the seed in error messages.
///
/// # Errors
/// When a chapter title cannot be found above a heading or the heading is not followed by
/// bullets.
pub fn parse(text: &str, file: &str) -> Result<Vec<Kapitel>, ExtractError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != HEADING {
            continue;
        }
        let titel = chapter_title(&lines, i, file)?;
        let punkter = read_bullets(&lines, i + 1, file)?;
        out.push(Kapitel {
            titel,
            rad: i + 1,
            punkter,
        });
    }
    Ok(out)
}

fn source_error(file: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// A line that starts a new page: one leading space, then text.
fn is_page_start(raw: &str) -> bool {
    raw.starts_with(' ') && raw.chars().nth(1).is_some_and(|c| !c.is_whitespace())
}

/// The long run of spaces that separates a page's body from its footnotes.
fn is_footnote_rule(raw: &str) -> bool {
    raw.len() >= 20 && raw.trim().is_empty()
}

/// Running heads and bare page numbers (`27`, `80 INDIVID- OCH FAMILJEOMSORG`).
fn is_furniture(raw: &str) -> bool {
    let t = raw.trim();
    let without_number = t.trim_start_matches(|c: char| c.is_ascii_digit()).trim();
    (!t.is_empty() && without_number.is_empty())
        || RUNNING_HEADS.contains(&t)
        || RUNNING_HEADS.contains(&without_number)
}

/// The chapter title above the heading at index `heading`: the nearest earlier line that
/// starts a page, with its continuation lines up to the next blank line.
fn chapter_title(lines: &[&str], heading: usize, file: &str) -> Result<String, ExtractError> {
    let start = (0..heading)
        .rev()
        .find(|&j| is_page_start(lines[j]))
        .ok_or_else(|| {
            source_error(
                file,
                heading + 1,
                "ingen kapitelrubrik (rad som börjar en ny sida) ovanför",
            )
        })?;
    let title_lines: Vec<&str> = lines[start..heading]
        .iter()
        .copied()
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let titel = unwrap_lines(&title_lines);
    if title_lines.len() > 3 || titel.ends_with('.') {
        return Err(source_error(
            file,
            start + 1,
            format!("väntade en kapitelrubrik, fann {titel:?}"),
        ));
    }
    Ok(titel)
}

/// A bullet whose text does not yet end a sentence continues on the next text line.
fn is_open(lines: &[&str]) -> bool {
    lines
        .last()
        .is_none_or(|l| !l.trim_end().ends_with(['.', '!', '?']))
}

/// Read the bullets that start at index `start`.
fn read_bullets(lines: &[&str], start: usize, file: &str) -> Result<Vec<Punkt>, ExtractError> {
    let mut done: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    let mut gap = false;
    let mut in_footnotes = false;
    for (j, &raw) in lines.iter().enumerate().skip(start) {
        if in_footnotes {
            if !is_page_start(raw) {
                continue;
            }
            in_footnotes = false;
        }
        if is_footnote_rule(raw) {
            in_footnotes = true;
            gap = true;
            continue;
        }
        if raw.trim().is_empty() || is_furniture(raw) {
            gap = true;
            continue;
        }
        if let Some(rest) = raw.trim_start().strip_prefix('•') {
            if let Some(b) = current.take() {
                done.push(b);
            }
            current = Some((j, vec![rest]));
            gap = false;
            continue;
        }
        let Some((_, body)) = current.as_mut() else {
            return Err(source_error(
                file,
                j + 1,
                format!("väntade en punkt (•) efter {HEADING:?}"),
            ));
        };
        // A closed bullet ends at a blank line or where a new page starts; an open one
        // (mid-sentence, or a word broken at the line end) continues across both.
        if is_open(body) || (!gap && !is_page_start(raw)) {
            body.push(raw);
            gap = false;
        } else {
            break;
        }
    }
    if let Some(b) = current.take() {
        done.push(b);
    }
    if done.is_empty() {
        return Err(source_error(file, start, "inga punkter under rubriken"));
    }
    Ok(done
        .into_iter()
        .map(|(j, body)| Punkt {
            text: unwrap_lines(&body),
            rad: j + 1,
        })
        .collect())
}

/// Words that follow a suspended compound (`barn- och ungdomsvård`): a line ending in
/// `-` before one of them keeps its hyphen and a space.
const CONJUNCTIONS: [&str; 5] = ["och", "eller", "samt", "respektive", "till"];

/// Join wrapped lines into one paragraph, resolving line-end hyphenation.
///
/// A line that ends in `-` with no trailing space was broken inside a word by Word's
/// hyphenation: after a lower-case letter the hyphen goes (`öppen-` + `vårdsinsats`), unless
/// the next line starts with a conjunction (a suspended compound, `barn-` + `och unga`); after
/// an upper-case letter or digit it is part of the word (`BBIC-` + `variabler`). A line ending
/// in an en dash with no trailing space joins without a space (`25–` + `34 år`). Every other
/// line break becomes one space.
#[must_use]
pub fn unwrap_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut prev_spaced = true;
    for raw in lines {
        let piece = raw.trim();
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let first_word = piece.split_whitespace().next().unwrap_or("");
            let next_lower = piece.chars().next().is_some_and(char::is_lowercase);
            if !prev_spaced && out.ends_with('-') {
                let before = out.chars().rev().nth(1);
                if CONJUNCTIONS.contains(&first_word) {
                    out.push(' ');
                } else if before.is_some_and(char::is_lowercase) && next_lower {
                    out.pop();
                }
            } else if prev_spaced || !out.ends_with('–') {
                out.push(' ');
            }
        }
        out.push_str(piece);
        prev_spaced = raw.ends_with(char::is_whitespace);
    }
    squash(&out)
}

/// `data/lagesrapport_omraden.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    kapitel: Vec<KapitelRule>,
    #[serde(default)]
    punkt: Vec<PunktRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KapitelRule {
    titel: String,
    slug: String,
    omraden: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PunktRule {
    kapitel: String,
    nr: u32,
    /// The start of the bullet's text, to catch an entry that points at the wrong bullet.
    borjar: String,
    omraden: Vec<String>,
    skal: String,
}

/// The områden decisions: a default per chapter, replaced per bullet where the text says so.
#[derive(Debug)]
pub struct OmradeRules {
    kapitel: BTreeMap<String, (String, Vec<Omrade>)>,
    punkter: Vec<(PunktRule, Vec<Omrade>)>,
}

fn corrections(message: String) -> ExtractError {
    ExtractError::Corrections(format!("{OMRADEN_FILE}: {message}"))
}

fn parse_omraden(names: &[String], context: &str) -> Result<Vec<Omrade>, ExtractError> {
    let mut out: Vec<Omrade> = Vec::new();
    for n in names {
        let o: Omrade = n
            .parse()
            .map_err(|e| corrections(format!("{context}: {e}")))?;
        if out.contains(&o) {
            return Err(corrections(format!(
                "{context}: området {n:?} står två gånger"
            )));
        }
        out.push(o);
    }
    out.sort();
    Ok(out)
}

impl OmradeRules {
    /// Parse the text of the områden file.
    ///
    /// # Errors
    /// On bad TOML, an unknown område, a duplicate chapter or an empty reason.
    pub fn parse(text: &str) -> Result<Self, ExtractError> {
        let file: RulesFile =
            toml::from_str(text).map_err(|e| corrections(format!("ogiltig TOML: {e}")))?;
        let mut kapitel = BTreeMap::new();
        let mut slugs = HashSet::new();
        for k in file.kapitel {
            let omraden = parse_omraden(&k.omraden, &format!("kapitlet {:?}", k.titel))?;
            if !slugs.insert(k.slug.clone()) {
                return Err(corrections(format!("sluggen {:?} står två gånger", k.slug)));
            }
            if kapitel.insert(k.titel.clone(), (k.slug, omraden)).is_some() {
                return Err(corrections(format!(
                    "kapitlet {:?} står två gånger",
                    k.titel
                )));
            }
        }
        let mut punkter = Vec::new();
        for p in file.punkt {
            let context = format!("punkt {} i {:?}", p.nr, p.kapitel);
            if p.skal.trim().is_empty() {
                return Err(corrections(format!("{context}: `skal` är tomt")));
            }
            let omraden = parse_omraden(&p.omraden, &context)?;
            punkter.push((p, omraden));
        }
        Ok(OmradeRules { kapitel, punkter })
    }

    /// Assign områden and ids to the chapters' bullets.
    ///
    /// # Errors
    /// When a chapter has no entry, or a bullet entry matches no bullet.
    pub fn apply(&self, kapitel: &[Kapitel]) -> Result<Vec<Lagesiakttagelse>, ExtractError> {
        let mut out = Vec::new();
        let mut used = vec![false; self.punkter.len()];
        for k in kapitel {
            let (slug, default) = self.kapitel.get(&k.titel).ok_or_else(|| {
                corrections(format!(
                    "kapitlet {:?} (rad {}) saknas; lägg till ett [[kapitel]]",
                    k.titel, k.rad
                ))
            })?;
            for (n, p) in (1u32..).zip(&k.punkter) {
                let rule = self
                    .punkter
                    .iter()
                    .position(|(r, _)| r.kapitel == k.titel && r.nr == n);
                let omraden = match rule {
                    Some(idx) => {
                        let (r, omraden) = &self.punkter[idx];
                        if !p.text.starts_with(r.borjar.trim()) {
                            return Err(corrections(format!(
                                "punkt {n} i {:?} börjar {:?}, inte {:?}",
                                k.titel,
                                p.text.chars().take(60).collect::<String>(),
                                r.borjar
                            )));
                        }
                        used[idx] = true;
                        omraden.clone()
                    }
                    None => default.clone(),
                };
                out.push(Lagesiakttagelse {
                    id: format!("{slug}-{n}"),
                    kapitel: k.titel.clone(),
                    punkt: n,
                    omraden,
                    text: p.text.clone(),
                    kallrad: u32::try_from(p.rad).unwrap_or(u32::MAX),
                });
            }
        }
        if let Some(idx) = used.iter().position(|u| !u) {
            let (r, _) = &self.punkter[idx];
            return Err(corrections(format!(
                "punkt {} i {:?} finns inte i källan",
                r.nr, r.kapitel
            )));
        }
        Ok(out)
    }
}

/// The CSV text of the findings.
#[must_use]
pub fn to_csv(rows: &[Lagesiakttagelse]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::lagesrapport::write_csv(&mut buf, rows);
    String::from_utf8(buf).unwrap_or_default()
}
