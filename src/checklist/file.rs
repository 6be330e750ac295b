//! The checklist file: TOML keyed by indikator nummer, read with line numbers for every
//! problem and edited in place. No I/O here: text in, text out.
//!
//! ```toml
//! format = 2
//! kommun = "Malmö"
//!
//! # 12 Handlingsplan för …
//! [indikator.12]
//! status = "uppfylld"
//! anteckning = "Beslutad i nämnden i maj."
//!
//! # 3 Rutin för …
//! [indikator.3]
//! status.ekonomiskt-bistand = "uppfylld"
//! status.missbruk = "ej uppfylld"
//! ```
//!
//! An indikator published in one område has `status = "…"`; one published in several has a
//! status per område, keyed by the område's short name (as `insats indikatorer --omrade`
//! takes it) or its full name. Format 1 had one status per indikator; such a file is read
//! with that status in each of the indikator's områden (which is what it meant: one status
//! shared by them all) and written as format 2 at its first change, never silently.
//!
//! The file is edited with `toml_edit`: what insats does not change (comments, blank lines,
//! key order, quoting, unknown keys and numbers) is written back byte for byte. Every text
//! about to be written is read back first; if it would not read the same, it is not written.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use super::{Checklist, ChecklistError, Entry, Fraga, InsatsSvar, Rules, Status, Svar, Warning};
use crate::model::IndikatorOmrade;

/// The format version this code writes; it reads this and [`FORMAT_1`].
pub const FORMAT: i64 = 2;

/// The first format: one status per indikator, shared by its områden.
pub const FORMAT_1: i64 = 1;

/// The table of entries.
const INDIKATOR: &str = "indikator";

/// The table of the kommun's answers per insats (see [`super::kartlaggning`]). An optional
/// table in format 2: a version that does not know it keeps it as an unknown key.
const INSATS: &str = "insats";

/// The comment a new file starts with.
const HEADER: &str = "# insats: checklista för Socialstyrelsens indikatorer (öppna jämförelser 2019).\n\
# Status: \"uppfylld\", \"delvis\" (där indikatorn har en regel för delvis),\n\
# \"ej uppfylld\" eller \"ej bedömd\". En indikator som finns i flera områden har en\n\
# status per område (status.KORTNAMN = \"…\"). Filen sparas av insats vid varje ändring.\n";

/// What one read gives: the checklist, what was kept without being understood, and the
/// document to edit for the next save.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub checklist: Checklist,
    pub warnings: Vec<Warning>,
    pub doc: DocumentMut,
    /// The file's format; `None` for an empty text.
    pub format: Option<i64>,
}

/// Line numbers of byte offsets, in logarithmic time per lookup (a file with tens of
/// thousands of unknown keys gets a line for each warning without counting from the start).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { starts }
    }

    /// 1-based line of byte offset `at`.
    fn line(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }
}

/// Reads one document, keeping the text's line index for messages.
struct Reader<'a> {
    lines: Lines,
    file: &'a Path,
}

impl Reader<'_> {
    fn line(&self, span: Option<Range<usize>>, fallback: usize) -> usize {
        span.map_or(fallback, |s| self.lines.line(s.start))
    }

    fn key_error(&self, line: usize, key: &str, message: String) -> ChecklistError {
        ChecklistError::Key {
            file: self.file.to_path_buf(),
            line,
            key: key.to_string(),
            message,
        }
    }

    fn warning(&self, line: usize, message: String) -> Warning {
        Warning {
            file: self.file.to_path_buf(),
            line,
            message,
        }
    }

    fn string<'v>(
        &self,
        item: &'v Item,
        line: usize,
        key: &str,
    ) -> Result<&'v str, ChecklistError> {
        item.as_str().ok_or_else(|| {
            self.key_error(
                line,
                key,
                format!("ska vara text, inte {}", item.type_name()),
            )
        })
    }

    fn status(&self, item: &Item, line: usize, key: &str) -> Result<Status, ChecklistError> {
        let word = self.string(item, line, key)?;
        word.parse()
            .map_err(|e: super::UnknownStatus| self.key_error(line, key, e.to_string()))
    }

    fn format(&self, root: &Table) -> Result<i64, ChecklistError> {
        let Some((k, v)) = root.get_key_value("format") else {
            return Err(self.key_error(
                1,
                "format",
                format!("saknas (ska vara `format = {FORMAT}`)"),
            ));
        };
        let line = self.line(k.span(), 1);
        match v.as_integer() {
            Some(n @ (FORMAT_1 | FORMAT)) => Ok(n),
            Some(n) if n > FORMAT => Err(self.key_error(
                line,
                "format",
                format!(
                    "format {n} är skrivet av en nyare version av insats; den här versionen läser format {FORMAT_1} och {FORMAT}"
                ),
            )),
            _ => Err(self.key_error(line, "format", format!("ska vara {FORMAT}"))),
        }
    }
}

/// The text of a new, empty checklist file.
fn empty_document() -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.insert("format", toml_edit::value(FORMAT));
    doc.decor_mut().set_prefix(HEADER);
    doc
}

/// The nummer a key of the `indikator` table names: digits only, above zero.
fn nummer_of(key: &str) -> Option<u32> {
    key.parse()
        .ok()
        .filter(|n| *n > 0 && key.bytes().all(|b| b.is_ascii_digit()))
}

/// Read a checklist file's text. An empty (or all-blank) text is an empty checklist.
///
/// # Errors
/// [`ChecklistError::Syntax`] for text that is not TOML, [`ChecklistError::Key`] for a
/// missing or newer format, a value of the wrong type, a nummer that is not a number or is
/// given twice (`30` and `030`), a status that is not one of the four words, that the
/// indikator does not allow, or that is not given per område where the indikator has several.
pub fn parse(text: &str, file: &Path, rules: &Rules) -> Result<Parsed, ChecklistError> {
    let mut checklist = Checklist::new(rules.clone(), None);
    let mut warnings = Vec::new();
    if text.trim().is_empty() {
        return Ok(Parsed {
            checklist,
            warnings,
            doc: empty_document(),
            format: None,
        });
    }
    let r = Reader {
        lines: Lines::new(text),
        file,
    };
    let doc = toml_edit::Document::parse(text).map_err(|e| ChecklistError::Syntax {
        file: file.to_path_buf(),
        line: r.line(e.span(), 1),
        message: e.message().trim().to_string(),
    })?;
    let root = doc.as_table();
    let format = r.format(root)?;

    let mut table_line = 1;
    for (name, item) in root.iter() {
        let line = r.line(root.key(name).and_then(toml_edit::Key::span), table_line);
        match name {
            "format" => {}
            "kommun" => {
                let k = r.string(item, line, "kommun")?;
                checklist.kommun = Some(k.to_string()).filter(|k| !k.trim().is_empty());
            }
            INDIKATOR => {
                let Some(table) = item.as_table_like() else {
                    return Err(r.key_error(
                        line,
                        INDIKATOR,
                        "ska vara en tabell av indikatorer ([indikator.NUMMER])".to_string(),
                    ));
                };
                read_entries(&r, format, &mut checklist, &mut warnings, table, line)?;
            }
            INSATS => {
                let Some(table) = item.as_table_like() else {
                    return Err(r.key_error(
                        line,
                        INSATS,
                        "ska vara en tabell av insatser ([insats.ID])".to_string(),
                    ));
                };
                read_svar(&r, &mut checklist, &mut warnings, table, line)?;
            }
            other => {
                warnings
                    .push(r.warning(line, format!("okänd nyckel `{other}`; den behålls i filen")));
            }
        }
        table_line = line;
    }
    warnings.sort_by_key(|w| w.line);
    Ok(Parsed {
        checklist,
        warnings,
        doc: doc.into_mut(),
        format: Some(format),
    })
}

fn read_entries(
    r: &Reader<'_>,
    format: i64,
    checklist: &mut Checklist,
    warnings: &mut Vec<Warning>,
    table: &dyn TableLike,
    table_line: usize,
) -> Result<(), ChecklistError> {
    // nummer → (line, key as written), for keys that name one number twice.
    let mut seen: BTreeMap<u32, (usize, String)> = BTreeMap::new();
    for (name, item) in table.iter() {
        let key_span = table.key(name).and_then(toml_edit::Key::span);
        let line = r.line(
            key_span.or_else(|| item.as_table().and_then(Table::span)),
            table_line,
        );
        let path = format!("{INDIKATOR}.{name}");
        let nummer = nummer_of(name).ok_or_else(|| {
            r.key_error(
                line,
                &path,
                format!("{name:?} är inget indikatornummer (ett heltal, t.ex. [indikator.12])"),
            )
        })?;
        if let Some((first_line, first_key)) = seen.get(&nummer) {
            return Err(r.key_error(
                line,
                &path,
                format!(
                    "indikator {nummer} står två gånger: [{INDIKATOR}.{first_key}] på rad {first_line} och [{INDIKATOR}.{name}] på rad {line}; ta bort eller slå ihop den ena"
                ),
            ));
        }
        seen.insert(nummer, (line, name.to_string()));
        let Some(fields) = item.as_table_like() else {
            return Err(r.key_error(
                line,
                &path,
                "ska vara en tabell med status och anteckning".to_string(),
            ));
        };
        let Some(rule) = checklist.rules.get(nummer).cloned() else {
            // Kept as it is, but a status word must still be one of the four.
            if let Some(v) = fields.get("status").filter(|v| v.is_str()) {
                let fline = r.line(fields.key("status").and_then(toml_edit::Key::span), line);
                r.status(v, fline, &format!("{path}.status"))?;
            }
            warnings.push(r.warning(
                line,
                format!("indikator {nummer} finns inte i datan; posten behålls i filen som den är"),
            ));
            checklist.unknown.insert(nummer);
            continue;
        };
        let mut entry = Entry::default();
        for (field, value) in fields.iter() {
            let fline = r.line(fields.key(field).and_then(toml_edit::Key::span), line);
            let fpath = format!("{path}.{field}");
            match field {
                "status" => {
                    read_status(r, format, nummer, &rule, value, fline, &fpath, &mut entry)?
                }
                "anteckning" => entry.note = r.string(value, fline, &fpath)?.to_string(),
                other => warnings.push(r.warning(
                    fline,
                    format!("okänd nyckel `{path}.{other}`; den behålls i filen"),
                )),
            }
        }
        checklist.insert_read(nummer, entry);
    }
    Ok(())
}

/// The kommun's answers: `[insats.ID]` with `ges`, `digitalt`, `enskild_regi`,
/// `utan_bistandsbeslut` (each `"ja"` or `"nej"`) and `anteckning`. A word other than `ja`
/// or `nej`, or an answer to one of the three beside `ges = "nej"`, is refused with its line
/// and key; unknown fields are kept and warned about.
fn read_svar(
    r: &Reader<'_>,
    checklist: &mut Checklist,
    warnings: &mut Vec<Warning>,
    table: &dyn TableLike,
    table_line: usize,
) -> Result<(), ChecklistError> {
    for (id, item) in table.iter() {
        let key_span = table.key(id).and_then(toml_edit::Key::span);
        let line = r.line(
            key_span.or_else(|| item.as_table().and_then(Table::span)),
            table_line,
        );
        let path = format!("{INSATS}.{id}");
        let Some(fields) = item.as_table_like() else {
            return Err(r.key_error(
                line,
                &path,
                "ska vara en tabell med svar (ges, digitalt, enskild_regi, utan_bistandsbeslut) och anteckning"
                    .to_string(),
            ));
        };
        let mut svar = InsatsSvar::default();
        let mut first_answer_line: Option<(usize, String)> = None;
        for (field, value) in fields.iter() {
            let fline = r.line(fields.key(field).and_then(toml_edit::Key::span), line);
            let fpath = format!("{path}.{field}");
            if let Some(fraga) = Fraga::from_key(field) {
                let word = r.string(value, fline, &fpath)?;
                let answer: Svar =
                    word.parse()
                        .map_err(|e: super::kartlaggning::UnknownSvar| {
                            r.key_error(fline, &fpath, e.to_string())
                        })?;
                if fraga != Fraga::Ges && first_answer_line.is_none() {
                    first_answer_line = Some((fline, fpath.clone()));
                }
                svar.put(fraga, answer);
            } else if field == "anteckning" {
                svar.note = r.string(value, fline, &fpath)?.to_string();
            } else {
                warnings.push(r.warning(
                    fline,
                    format!("okänd nyckel `{path}.{field}`; den behålls i filen"),
                ));
            }
        }
        if svar.get(Fraga::Ges) == Some(Svar::Nej)
            && let Some((fline, fpath)) = first_answer_line
        {
            return Err(r.key_error(
                fline,
                &fpath,
                "ges är \"nej\", så de andra tre frågorna ska vara obesvarade; ta bort raden eller sätt ges = \"ja\"".to_string(),
            ));
        }
        checklist.insert_svar_read(id.to_string(), line, svar);
    }
    Ok(())
}

/// Bring the `insats` table of `doc` in line with the kommun's answers, editing each
/// insats's table in place; a new one is added at the end of the table.
fn apply_svar(doc: &mut DocumentMut, checklist: &Checklist) {
    if doc.get(INSATS).is_none() {
        if checklist.all_svar().next().is_none() {
            return;
        }
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert(INSATS, Item::Table(t));
    }
    let Some(table) = doc.get_mut(INSATS).and_then(Item::as_table_like_mut) else {
        return;
    };
    for (id, svar) in &checklist.svar {
        // An entry that is not a table was refused when read; never replaced here.
        let present = table.contains_key(id);
        match table.get_mut(id).and_then(Item::as_table_like_mut) {
            Some(fields) => {
                for f in Fraga::ALL {
                    match svar.get(f) {
                        Some(a) => set_string(fields, f.key(), a.as_str()),
                        None => {
                            fields.remove(f.key());
                        }
                    }
                }
                if svar.note.is_empty() {
                    fields.remove("anteckning");
                } else {
                    set_string(fields, "anteckning", &svar.note);
                }
                if fields.is_empty() {
                    table.remove(id);
                }
            }
            None if present || svar.is_empty() => {}
            None => {
                let mut t = Table::new();
                for (f, a) in svar.answered() {
                    t.insert(f.key(), toml_edit::value(a.as_str()));
                }
                if !svar.note.is_empty() {
                    t.insert("anteckning", toml_edit::value(svar.note.as_str()));
                }
                t.decor_mut().set_prefix("\n");
                table.insert(id, Item::Table(t));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn read_status(
    r: &Reader<'_>,
    format: i64,
    nummer: u32,
    rule: &super::Rule,
    value: &Item,
    line: usize,
    path: &str,
    entry: &mut Entry,
) -> Result<(), ChecklistError> {
    let check = |status: Status, line: usize, path: &str| {
        checklist_check(rule, nummer, status).map_err(|e| r.key_error(line, path, e))
    };
    if let Some(per_omrade) = value.as_table_like().filter(|_| format >= FORMAT) {
        for (name, v) in per_omrade.iter() {
            let vline = r.line(per_omrade.key(name).and_then(toml_edit::Key::span), line);
            let vpath = format!("{path}.{name}");
            let omrade: IndikatorOmrade =
                name.parse()
                    .map_err(|e: crate::model::UnknownIndikatorOmrade| {
                        r.key_error(vline, &vpath, e.to_string())
                    })?;
            if !rule.omraden.contains(&omrade) {
                return Err(r.key_error(
                    vline,
                    &vpath,
                    format!(
                        "indikator {nummer} finns inte i området {omrade}; den finns i {}",
                        omrade_list(&rule.omraden)
                    ),
                ));
            }
            if entry.status.contains_key(&omrade) {
                return Err(r.key_error(
                    vline,
                    &vpath,
                    format!("området {omrade} har redan en status för indikator {nummer}"),
                ));
            }
            let status = r.status(v, vline, &vpath)?;
            check(status, vline, &vpath)?;
            if status != Status::EjBedomd {
                entry.status.insert(omrade, status);
            }
        }
        return Ok(());
    }
    let status = r.status(value, line, path)?;
    check(status, line, path)?;
    if format < FORMAT || rule.omraden.len() == 1 {
        // Format 1: one status shared by every område, which is what it meant.
        if status != Status::EjBedomd {
            for o in &rule.omraden {
                entry.status.insert(*o, status);
            }
        }
        Ok(())
    } else {
        Err(r.key_error(
            line,
            path,
            format!(
                "indikator {nummer} finns i flera områden ({}); ange status per område, t.ex. `status.{} = \"{status}\"`",
                omrade_list(&rule.omraden),
                rule.omraden[0].slug()
            ),
        ))
    }
}

fn checklist_check(rule: &super::Rule, nummer: u32, status: Status) -> Result<(), String> {
    let mut rules = BTreeMap::new();
    rules.insert(nummer, rule.clone());
    Rules(rules)
        .check(nummer, status)
        .map_err(|e| e.to_string())
}

fn omrade_list(omraden: &[IndikatorOmrade]) -> String {
    omraden
        .iter()
        .map(|o| format!("{o} ({})", o.slug()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A title on one comment line: control characters and line breaks become spaces.
fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if crate::text::is_unsafe(c) { ' ' } else { c })
        .collect()
}

/// Replace the value of `item` with `new`, keeping the spaces and comment around it.
fn replace_value(item: &mut Item, new: Value) {
    let mut new = new;
    if let Some(old) = item.as_value() {
        *new.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(new);
}

/// Set `key` of `table` to the string `text` unless it already is that string.
fn set_string(table: &mut dyn TableLike, key: &str, text: &str) {
    match table.get_mut(key) {
        Some(item) if item.as_str() == Some(text) => {}
        Some(item) => replace_value(item, Value::from(text)),
        None => {
            table.insert(key, toml_edit::value(text));
        }
    }
}

/// The status item of an entry as it should be, editing `current` in place where it can.
fn update_status(table: &mut dyn TableLike, rule: &super::Rule, entry: Option<&Entry>) {
    let wanted: Vec<(IndikatorOmrade, Status)> = rule
        .omraden
        .iter()
        .map(|o| (*o, entry.map_or(Status::EjBedomd, |e| e.status_in(*o))))
        .collect();
    let all_unassessed = wanted.iter().all(|(_, s)| *s == Status::EjBedomd);
    if rule.omraden.len() == 1 && table.get("status").is_none_or(|i| i.is_str()) {
        if all_unassessed {
            table.remove("status");
        } else {
            set_string(table, "status", wanted[0].1.as_str());
        }
        return;
    }
    if all_unassessed {
        table.remove("status");
        return;
    }
    if let Some(per) = table.get_mut("status").and_then(Item::as_table_like_mut) {
        // Edit the user's table where it is: keys stay in their order and spelling.
        let keys: Vec<String> = per.iter().map(|(k, _)| k.to_string()).collect();
        let mut written = Vec::new();
        for k in keys {
            let Ok(o) = k.parse::<IndikatorOmrade>() else {
                continue;
            };
            let status = wanted
                .iter()
                .find(|(w, _)| *w == o)
                .map_or(Status::EjBedomd, |(_, s)| *s);
            if status == Status::EjBedomd {
                per.remove(&k);
            } else {
                set_string(per, &k, status.as_str());
            }
            written.push(o);
        }
        for (o, s) in &wanted {
            if *s != Status::EjBedomd && !written.contains(o) {
                per.insert(o.slug(), toml_edit::value(s.as_str()));
            }
        }
        return;
    }
    // A single status of format 1, or none yet: a dotted table, one line per område.
    let mut per = Table::new();
    per.set_dotted(true);
    for (o, s) in &wanted {
        if *s != Status::EjBedomd {
            per.insert(o.slug(), toml_edit::value(s.as_str()));
        }
    }
    // In the place of the old `status`, so the keys keep their order.
    table.insert("status", Item::Table(per));
}

/// Bring `doc` in line with `checklist`: `format`, `kommun` and the entries of the dataset's
/// indikatorer change where they differ; everything else stays as it is. New entries get a
/// comment with their title (from `title`) and go after the entry of the next lower nummer.
pub fn apply(doc: &mut DocumentMut, checklist: &Checklist, title: impl Fn(u32) -> Option<String>) {
    match doc.get_mut("format") {
        Some(item) if item.as_integer() == Some(FORMAT) => {}
        Some(item) => replace_value(item, Value::from(FORMAT)),
        None => {
            doc.insert("format", toml_edit::value(FORMAT));
        }
    }
    match checklist.kommun() {
        Some(k) => set_string(doc.as_table_mut(), "kommun", k),
        None => {
            doc.remove("kommun");
        }
    }
    apply_svar(doc, checklist);
    let has_entries = checklist.entries().next().is_some();
    if doc.get(INDIKATOR).is_none() {
        if !has_entries {
            return;
        }
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert(INDIKATOR, Item::Table(t));
    }
    let Some(table) = doc.get_mut(INDIKATOR).and_then(Item::as_table_like_mut) else {
        return;
    };
    // The keys as written (`12`, or `012`), by nummer.
    let keys: BTreeMap<u32, String> = table
        .iter()
        .filter_map(|(k, _)| nummer_of(k).map(|n| (n, k.to_string())))
        .collect();
    for (&nummer, rule) in &checklist.rules.0 {
        let entry = checklist.entry(nummer).filter(|e| !e.is_empty());
        match keys.get(&nummer) {
            Some(key) => {
                let Some(fields) = table.get_mut(key).and_then(Item::as_table_like_mut) else {
                    continue;
                };
                update_status(fields, rule, entry);
                match entry.map(|e| e.note.as_str()).filter(|n| !n.is_empty()) {
                    Some(note) => set_string(fields, "anteckning", note),
                    None => {
                        fields.remove("anteckning");
                    }
                }
                if fields.is_empty() {
                    table.remove(key);
                }
            }
            None => {
                let Some(entry) = entry else { continue };
                let mut t = Table::new();
                update_status(&mut t, rule, Some(entry));
                if !entry.note.is_empty() {
                    t.insert("anteckning", toml_edit::value(entry.note.as_str()));
                }
                let comment = title(nummer)
                    .map(|s| format!("\n# {nummer} {}\n", comment_text(&s)))
                    .unwrap_or_else(|| "\n".to_string());
                t.decor_mut().set_prefix(comment);
                // Sort after the table of the next lower nummer (or before the first).
                let position_of = |k: &String| {
                    table
                        .get(k)
                        .and_then(Item::as_table)
                        .and_then(Table::position)
                };
                let position = match keys.range(..nummer).next_back() {
                    Some((_, k)) => position_of(k),
                    None => keys.values().next().and_then(position_of).map(|p| p - 1),
                };
                if position.is_some() {
                    t.set_position(position);
                }
                table.insert(&nummer.to_string(), Item::Table(t));
            }
        }
    }
}

/// The text to write for `checklist`, from the document last read: [`apply`]d, then read back
/// and compared, so that a text that would read differently is never written.
///
/// # Errors
/// [`ChecklistError::CannotWriteBack`] when the edited text would not read back as
/// `checklist` (or not at all).
pub fn render(
    doc: &DocumentMut,
    checklist: &Checklist,
    file: &Path,
    title: impl Fn(u32) -> Option<String>,
) -> Result<(String, DocumentMut), ChecklistError> {
    let mut doc = doc.clone();
    apply(&mut doc, checklist, title);
    let text = doc.to_string();
    let refuse = |reason: String| ChecklistError::CannotWriteBack {
        file: file.to_path_buf(),
        reason,
    };
    let back = parse(&text, file, checklist.rules()).map_err(|e| refuse(e.to_string()))?;
    let same = back.checklist.kommun() == checklist.kommun()
        && back.checklist.entries().eq(checklist.entries())
        && back.checklist.unknown() == checklist.unknown()
        && back.checklist.all_svar().eq(checklist.all_svar());
    if !same {
        return Err(refuse(
            "den skrivna texten skulle läsas in med andra värden".to_string(),
        ));
    }
    Ok((text, back.doc))
}
