//! Extractor for 002, SKR's *Inventering av socialtjänstens insatser, Skåne län*: the
//! tab-separated tables of the område missbruk och beroende.
//!
//! Two tables list the ten most and the ten least common insatser (share, number of
//! kommuner giving it, number answering); nine small tables list the most common insatser
//! in fysisk/digital form, kommunal/enskild regi and med/utan biståndsbeslut (share and
//! number), with the number answering printed as a `(n)` suffix of the name. A trailing `*`
//! marks an insats *till anhöriga*, a distinct insats of the catalogue.
//!
//! Each row is linked to its insats by name within missbruk och beroende; the names that
//! the lookup cannot resolve are linked in `data/skane_koppling.toml`, with a reason.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use super::ExtractError;
use super::text::{read_seed, squash};
use crate::model::{Insats, Omrade, SKANE_PERIOD, SkaneRow, SkaneTabell};

/// Prefix of the seed file.
pub const SEED_PREFIX: &str = "002_";

/// The file in `data/` with the links the name lookup cannot make.
pub const KOPPLING_FILE: &str = "skane_koppling.toml";

/// A row of a Skåne table as printed, before it is linked to an insats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabellrad {
    pub tabell: SkaneTabell,
    /// The `# ` heading above the table.
    pub avsnitt: String,
    /// 1-based position in the table.
    pub rang: u32,
    /// Name as printed, without `*` and `(n)`, whitespace normalised.
    pub namn: String,
    /// Marked `*`: an insats till anhöriga.
    pub anhoriga: bool,
    pub andel: u8,
    pub andel_rubrik: String,
    pub antal: u32,
    pub antal_rubrik: String,
    pub antal_svarande: u32,
    /// 1-based source line.
    pub rad: usize,
}

/// Number of rows each table prints. `Vanligast digital form` is printed as a header only:
/// no kommun in Skåne gives any insats only in digital form.
#[must_use]
pub fn expected_rows(t: SkaneTabell) -> usize {
    match t {
        SkaneTabell::Vanligaste | SkaneTabell::MinstVanliga => 10,
        SkaneTabell::Digital => 0,
        _ => 5,
    }
}

/// Read 002 from `seeds`, the links from `data_dir`, and link every row to `insatser`.
///
/// # Errors
/// When the seed is missing, breaks an assumption of [`parse`], lacks a table or a row of
/// one ([`Parsed::require_all`]), or a row cannot be linked (see [`link`]).
pub fn extract_dir(
    seeds: &Path,
    data_dir: &Path,
    insatser: &[Insats],
) -> Result<Vec<SkaneRow>, ExtractError> {
    let (path, text) = read_seed(seeds, SEED_PREFIX)?;
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let parsed = parse(&text, &file)?;
    parsed.require_all(&file)?;
    let koppling_path = data_dir.join(KOPPLING_FILE);
    let koppling_text =
        std::fs::read_to_string(&koppling_path).map_err(|source| ExtractError::Io {
            path: koppling_path.clone(),
            source,
        })?;
    let koppling = Kopplingar::parse(&koppling_text)?;
    link(&parsed.rows, insatser, &koppling, &file)
}

fn source_error(file: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The tables read from the text, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Every table found, with the 1-based line of its header, whether it has rows or not.
    pub tabeller: Vec<(SkaneTabell, usize)>,
    pub rows: Vec<Tabellrad>,
}

impl Parsed {
    /// The rows of one table.
    pub fn rows_of(&self, t: SkaneTabell) -> impl Iterator<Item = &Tabellrad> {
        self.rows.iter().filter(move |r| r.tabell == t)
    }

    /// Check that every table of 002 was found with the number of rows it prints.
    ///
    /// # Errors
    /// Names the first missing table or the first table with another number of rows.
    pub fn require_all(&self, file: &str) -> Result<(), ExtractError> {
        if let Some(missing) = SkaneTabell::ALL
            .into_iter()
            .find(|t| !self.tabeller.iter().any(|(f, _)| f == t))
        {
            return Err(source_error(
                file,
                0,
                format!("tabellen {:?} saknas", missing.namn()),
            ));
        }
        for (t, line) in &self.tabeller {
            let n = self.rows_of(*t).count();
            if n != expected_rows(*t) {
                return Err(source_error(
                    file,
                    *line,
                    format!(
                        "tabellen {:?} har {n} rader, väntade {}",
                        t.namn(),
                        expected_rows(*t)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Read the Skåne tables of the text. `file` names the seed in error messages.
///
/// A table starts at a header row of tab-separated cells (`Insats[er] ⇥ Andel … ⇥ Antal …`)
/// and runs while lines contain a tab. The top-ten tables are named by the `# ` heading above
/// them, the small ones by the text line just above the header.
///
/// # Errors
/// On an unknown or repeated table, a malformed row, or a share that does not match its
/// count and number answering.
pub fn parse(text: &str, file: &str) -> Result<Parsed, ExtractError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut parsed = Parsed::default();
    let mut heading = String::new();
    let mut last_text = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("# ") {
            heading = squash(h);
            last_text.clear();
            i += 1;
            continue;
        }
        let Some(header) = table_header(line) else {
            if !line.trim().is_empty() {
                last_text = squash(line);
            }
            i += 1;
            continue;
        };
        let name = if header.len() == 4 {
            &heading
        } else {
            &last_text
        };
        let tabell = SkaneTabell::from_namn(name).ok_or_else(|| {
            source_error(
                file,
                i + 1,
                format!("okänd tabell {name:?} ovanför tabellhuvudet"),
            )
        })?;
        if parsed.tabeller.iter().any(|(t, _)| *t == tabell) {
            return Err(source_error(
                file,
                i + 1,
                format!("tabellen {:?} står två gånger", tabell.namn()),
            ));
        }
        parsed.tabeller.push((tabell, i + 1));
        i += 1;
        if i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains('\t') {
            return Err(source_error(
                file,
                i + 1,
                "väntade en tabellrad med tabbavgränsade celler efter tabellhuvudet",
            ));
        }
        let mut rang = 0;
        while i < lines.len() && lines[i].contains('\t') {
            rang += 1;
            let row = parse_row(&lines, i, &header, tabell, &heading, rang, file)?;
            parsed.rows.push(row);
            i += 1;
        }
    }
    Ok(parsed)
}

/// The cells of a result-table header (`Insats[er] ⇥ Andel … ⇥ Antal …[⇥ Antal … svarat]`).
/// The questionnaire mock-ups of the report also start with `Insats` but have no `Andel`.
fn table_header(line: &str) -> Option<Vec<String>> {
    let cells: Vec<String> = line.split('\t').map(squash).collect();
    let ok = (cells.len() == 3 || cells.len() == 4)
        && (cells[0] == "Insats" || cells[0] == "Insatser")
        && cells[1].starts_with("Andel")
        && cells[2].starts_with("Antal")
        && cells.get(3).is_none_or(|c| c.starts_with("Antal"));
    ok.then_some(cells)
}

/// Split a printed name into (name, marked `*`, `(n)` suffix).
///
/// `Rådgivning och stöd utan särskild manual* (25)` → (`Rådgivning och stöd utan särskild
/// manual`, true, Some(25)).
#[must_use]
pub fn split_name(cell: &str) -> (String, bool, Option<u32>) {
    let mut name = cell.trim();
    let mut svarande = None;
    if let Some(body) = name.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let inner = &body[open + 1..];
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            svarande = inner.parse().ok();
            name = body[..open].trim_end();
        }
    }
    let anhoriga = name.ends_with('*');
    let name = name.trim_end_matches('*');
    (squash(name), anhoriga, svarande)
}

fn parse_percent(cell: &str) -> Option<u8> {
    cell.trim()
        .strip_suffix('%')
        .and_then(|n| n.trim().parse::<u8>().ok())
        .filter(|n| *n <= 100)
}

fn parse_row(
    lines: &[&str],
    i: usize,
    header: &[String],
    tabell: SkaneTabell,
    avsnitt: &str,
    rang: u32,
    file: &str,
) -> Result<Tabellrad, ExtractError> {
    let err = |m: String| source_error(file, i + 1, m);
    let cells: Vec<&str> = lines[i].split('\t').map(str::trim).collect();
    if cells.len() != header.len() {
        return Err(err(format!(
            "raden har {} celler, tabellhuvudet {}",
            cells.len(),
            header.len()
        )));
    }
    let (namn, anhoriga, suffix) = split_name(cells[0]);
    if namn.is_empty() {
        return Err(err("insatsens namn saknas".into()));
    }
    let andel = parse_percent(cells[1])
        .ok_or_else(|| err(format!("andelen {:?} är inte en procentsats", cells[1])))?;
    let number = |cell: &str, what: &str| {
        cell.parse::<u32>()
            .map_err(|_| err(format!("{what} {cell:?} är inte ett heltal")))
    };
    let antal = number(cells[2], "antalet")?;
    let antal_svarande = match (cells.get(3), suffix) {
        (Some(c), None) => number(c, "antalet svarande")?,
        (None, Some(n)) => n,
        (Some(_), Some(_)) => {
            return Err(err(
                "antalet svarande står både i en egen kolumn och i parentes".into(),
            ));
        }
        (None, None) => {
            return Err(err(
                "antalet svarande kommuner saknas (väntade \"(n)\" efter namnet)".into(),
            ));
        }
    };
    if antal_svarande == 0 || antal > antal_svarande {
        return Err(err(format!(
            "antalet {antal} går inte ihop med {antal_svarande} svarande"
        )));
    }
    // The printed share is the count over the number answering, rounded; a difference
    // means a misread column.
    let computed = f64::from(antal) * 100.0 / f64::from(antal_svarande);
    if (computed - f64::from(andel)).abs() > 1.0 {
        return Err(err(format!(
            "andelen {andel}% går inte ihop med {antal} av {antal_svarande} ({computed:.1}%)"
        )));
    }
    Ok(Tabellrad {
        tabell,
        avsnitt: avsnitt.to_string(),
        rang,
        namn,
        anhoriga,
        andel,
        andel_rubrik: header[1].clone(),
        antal,
        antal_rubrik: header[2].clone(),
        antal_svarande,
        rad: i + 1,
    })
}

/// `data/skane_koppling.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KopplingFile {
    #[serde(default)]
    koppling: Vec<Koppling>,
}

/// One manual link: a printed name (with its `*` status) → an insats id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Koppling {
    /// The name as in the `namn` column (without `*` and `(n)`).
    pub namn: String,
    /// Whether the rows are marked `*`.
    pub anhoriga: bool,
    pub insats_id: String,
    /// Why this is the right insats.
    pub skal: String,
}

/// The manual links of `data/skane_koppling.toml`.
#[derive(Debug, Clone, Default)]
pub struct Kopplingar(pub Vec<Koppling>);

fn koppling_error(message: String) -> ExtractError {
    ExtractError::Corrections(format!("{KOPPLING_FILE}: {message}"))
}

impl Kopplingar {
    /// Parse the text of the links file.
    ///
    /// # Errors
    /// On bad TOML, an empty reason, or a name listed twice.
    pub fn parse(text: &str) -> Result<Self, ExtractError> {
        let file: KopplingFile =
            toml::from_str(text).map_err(|e| koppling_error(format!("ogiltig TOML: {e}")))?;
        let mut seen = HashSet::new();
        for k in &file.koppling {
            if k.skal.trim().is_empty() {
                return Err(koppling_error(format!("{:?}: `skal` är tomt", k.namn)));
            }
            if !seen.insert((k.namn.clone(), k.anhoriga)) {
                return Err(koppling_error(format!("{:?} står två gånger", k.namn)));
            }
        }
        Ok(Kopplingar(file.koppling))
    }
}

/// Comparison form of a name: lower case, whitespace squashed, no spaces around `/`, and
/// without the catalogue's `(anhöriga)` suffix (the `*` status is compared separately).
fn name_key(s: &str) -> String {
    let s = squash(&s.to_lowercase())
        .replace(" /", "/")
        .replace("/ ", "/");
    s.strip_suffix("(anhöriga)")
        .map_or(s.clone(), |t| t.trim_end().to_string())
}

/// Whether a catalogue insats is given till anhöriga: it stands in the group "Insatser
/// riktade till anhöriga" or carries the suffix `(anhöriga)`. (The group "… till individer
/// med missbruk och anhöriga" is not such a group.)
#[must_use]
pub fn is_anhorig_insats(i: &Insats) -> bool {
    let group = i
        .grupp
        .as_deref()
        .is_some_and(|g| squash(&g.to_lowercase()).ends_with("riktade till anhöriga"));
    group || squash(&i.namn.to_lowercase()).ends_with("(anhöriga)")
}

fn yes_no(b: bool) -> &'static str {
    if b { "ja" } else { "nej" }
}

/// Link every row to an insats of missbruk och beroende.
///
/// A manual link for the row's (name, `*`) wins; otherwise exactly one insats of the område
/// with the same `*` status must carry the name (as `namn` or `namn_bilaga`, compared
/// without case, spacing around `/` and the `(anhöriga)` suffix).
///
/// # Errors
/// A [`ExtractError::Corrections`] listing every manual link to an unknown insats, to
/// another område or to the wrong `*` status, and every manual link that no row uses;
/// otherwise a [`ExtractError::Source`] listing every row (by source line) that cannot be
/// linked.
pub fn link(
    rows: &[Tabellrad],
    insatser: &[Insats],
    koppling: &Kopplingar,
    file: &str,
) -> Result<Vec<SkaneRow>, ExtractError> {
    let area: Vec<&Insats> = insatser
        .iter()
        .filter(|i| i.omrade == Omrade::MissbrukOchBeroende)
        .collect();
    let mut problems = Vec::new();
    for k in &koppling.0 {
        match insatser.iter().find(|i| i.id == k.insats_id) {
            None => problems.push(format!(
                "{KOPPLING_FILE}: {:?} pekar på {:?}, som inte finns bland insatserna",
                k.namn, k.insats_id
            )),
            Some(i) if i.omrade != Omrade::MissbrukOchBeroende => problems.push(format!(
                "{KOPPLING_FILE}: {:?} pekar på {:?} i området {}, inte {}",
                k.namn,
                k.insats_id,
                i.omrade,
                Omrade::MissbrukOchBeroende
            )),
            Some(i) if is_anhorig_insats(i) != k.anhoriga => problems.push(format!(
                "{KOPPLING_FILE}: {:?} (anhöriga: {}) pekar på {:?}, som {}är en insats till anhöriga",
                k.namn,
                yes_no(k.anhoriga),
                k.insats_id,
                if k.anhoriga { "inte " } else { "" }
            )),
            Some(_) => {}
        }
        if !rows
            .iter()
            .any(|r| r.namn == k.namn && r.anhoriga == k.anhoriga)
        {
            problems.push(format!(
                "{KOPPLING_FILE}: ingen rad i tabellerna heter {:?} (anhöriga: {})",
                k.namn,
                yes_no(k.anhoriga)
            ));
        }
    }
    let mut out = Vec::new();
    let mut unlinked: Vec<(usize, String)> = Vec::new();
    for r in rows {
        let manual = koppling
            .0
            .iter()
            .find(|k| k.namn == r.namn && k.anhoriga == r.anhoriga);
        let id = if let Some(k) = manual {
            Some(k.insats_id.clone())
        } else {
            let key = name_key(&r.namn);
            let hits: Vec<&&Insats> = area
                .iter()
                .filter(|i| is_anhorig_insats(i) == r.anhoriga)
                .filter(|i| {
                    name_key(&i.namn) == key
                        || i.namn_bilaga.as_deref().is_some_and(|b| name_key(b) == key)
                })
                .collect();
            match hits.as_slice() {
                [one] => Some(one.id.clone()),
                [] => {
                    unlinked.push((
                        r.rad,
                        format!(
                            "{:?} (anhöriga: {}): ingen insats heter så; lägg till en [[koppling]] i {KOPPLING_FILE}",
                            r.namn,
                            yes_no(r.anhoriga)
                        ),
                    ));
                    None
                }
                many => {
                    let ids: Vec<&str> = many.iter().map(|i| i.id.as_str()).collect();
                    unlinked.push((
                        r.rad,
                        format!(
                            "{:?} (anhöriga: {}): flera insatser heter så ({}); välj en med en [[koppling]] i {KOPPLING_FILE}",
                            r.namn,
                            yes_no(r.anhoriga),
                            ids.join(", ")
                        ),
                    ));
                    None
                }
            }
        };
        if let Some(insats_id) = id {
            out.push(SkaneRow {
                tabell: r.tabell,
                avsnitt: r.avsnitt.clone(),
                rang: r.rang,
                namn: r.namn.clone(),
                anhoriga: r.anhoriga,
                insats_id,
                andel: r.andel,
                andel_rubrik: r.andel_rubrik.clone(),
                antal: r.antal,
                antal_rubrik: r.antal_rubrik.clone(),
                antal_svarande: r.antal_svarande,
                period: SKANE_PERIOD.to_string(),
                kallrad: u32::try_from(r.rad).unwrap_or(u32::MAX),
            });
        }
    }
    if !problems.is_empty() {
        return Err(ExtractError::Corrections(problems.join("\n  ")));
    }
    if unlinked.is_empty() {
        return Ok(out);
    }
    let first = unlinked.first().map_or(0, |(line, _)| *line);
    let list: Vec<String> = unlinked
        .iter()
        .map(|(line, m)| format!("rad {line}: {m}"))
        .collect();
    Err(source_error(
        file,
        first,
        format!(
            "{} rader kan inte kopplas till en insats i {}:\n  {}",
            unlinked.len(),
            Omrade::MissbrukOchBeroende,
            list.join("\n  ")
        ),
    ))
}

/// The CSV text of the Skåne rows.
#[must_use]
pub fn to_csv(rows: &[SkaneRow]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::data::skane::write_csv(&mut buf, rows);
    String::from_utf8(buf).unwrap_or_default()
}
