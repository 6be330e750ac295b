//! The checklist file: TOML keyed by indikator nummer, read with line numbers for every
//! problem and written in a fixed, readable layout. No I/O here: text in, text out.
//!
//! ```toml
//! format = 1
//! kommun = "Malmö"
//!
//! # 12 Handlingsplan för …
//! [indikator.12]
//! status = "uppfylld"
//! anteckning = "Beslutad i nämnden i maj."
//! ```
//!
//! Entries for numbers the dataset does not have, and keys this version does not know, are
//! kept as they were and written back; the reader reports them as [`Warning`]s.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize as _;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Checklist, ChecklistError, Entry, Rules, Status, Warning};

/// The format version this code reads and writes.
pub const FORMAT: i64 = 1;

/// The table of entries.
const INDIKATOR: &str = "indikator";

/// What one read gives: the checklist and what was kept without being understood.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub checklist: Checklist,
    pub warnings: Vec<Warning>,
}

/// 1-based line of byte offset `at` in `text`.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads one document, keeping the text for line numbers.
struct Reader<'a> {
    text: &'a str,
    file: &'a Path,
}

impl Reader<'_> {
    fn line(&self, span: &std::ops::Range<usize>) -> usize {
        line_at(self.text, span.start)
    }

    fn key_error(
        &self,
        span: &std::ops::Range<usize>,
        key: &str,
        message: String,
    ) -> ChecklistError {
        ChecklistError::Key {
            file: self.file.to_path_buf(),
            line: self.line(span),
            key: key.to_string(),
            message,
        }
    }

    fn warning(&self, span: &std::ops::Range<usize>, message: String) -> Warning {
        Warning {
            file: self.file.to_path_buf(),
            line: self.line(span),
            message,
        }
    }

    fn string<'v>(
        &self,
        value: &'v Spanned<DeValue<'_>>,
        key: &str,
    ) -> Result<&'v str, ChecklistError> {
        value.get_ref().as_str().ok_or_else(|| {
            self.key_error(
                &value.span(),
                key,
                format!("ska vara text, inte {}", value.get_ref().type_str()),
            )
        })
    }

    fn status(&self, value: &Spanned<DeValue<'_>>, key: &str) -> Result<Status, ChecklistError> {
        let word = self.string(value, key)?;
        word.parse()
            .map_err(|e: super::UnknownStatus| self.key_error(&value.span(), key, e.to_string()))
    }

    fn format(&self, doc: &Spanned<DeTable<'_>>) -> Result<(), ChecklistError> {
        let Some((k, v)) = doc.get_ref().get_key_value("format") else {
            return Err(ChecklistError::Key {
                file: self.file.to_path_buf(),
                line: 1,
                key: "format".to_string(),
                message: format!("saknas (ska vara `format = {FORMAT}`)"),
            });
        };
        let n = v
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok());
        match n {
            Some(FORMAT) => Ok(()),
            Some(n) if n > FORMAT => Err(self.key_error(
                &k.span(),
                "format",
                format!(
                    "format {n} är skrivet av en nyare version av insats; den här versionen läser format {FORMAT}"
                ),
            )),
            _ => Err(self.key_error(
                &k.span(),
                "format",
                format!("ska vara {FORMAT}"),
            )),
        }
    }
}

/// Read a checklist file's text. An empty (or all-blank) text is an empty checklist.
///
/// # Errors
/// [`ChecklistError::Syntax`] for text that is not TOML, [`ChecklistError::Key`] for a
/// missing or newer format, a value of the wrong type, a nummer that is not a number, a
/// status that is not one of the four words or that the indikator does not allow.
pub fn parse(text: &str, file: &Path, rules: &Rules) -> Result<Parsed, ChecklistError> {
    let mut checklist = Checklist::new(rules.clone(), None);
    let mut warnings = Vec::new();
    if text.trim().is_empty() {
        return Ok(Parsed {
            checklist,
            warnings,
        });
    }
    let syntax = |e: toml::de::Error| ChecklistError::Syntax {
        file: file.to_path_buf(),
        line: e.span().map_or(1, |s| line_at(text, s.start)),
        message: e.message().trim().to_string(),
    };
    let doc = DeTable::parse(text).map_err(syntax)?;
    // The same document as owned values, for what is kept without being understood.
    let owned: toml::Table = toml::from_str(text).map_err(syntax)?;
    let r = Reader { text, file };
    r.format(&doc)?;

    for (key, value) in doc.get_ref() {
        let name = key.get_ref().as_ref();
        match name {
            "format" => {}
            "kommun" => {
                let k = r.string(value, "kommun")?;
                checklist.kommun = Some(k.to_string()).filter(|k| !k.trim().is_empty());
            }
            INDIKATOR => {
                let Some(table) = value.get_ref().as_table() else {
                    return Err(r.key_error(
                        &key.span(),
                        INDIKATOR,
                        "ska vara en tabell av indikatorer ([indikator.NUMMER])".to_string(),
                    ));
                };
                let owned_table = owned.get(INDIKATOR).and_then(toml::Value::as_table);
                for (nk, nv) in table {
                    read_entry(&r, &mut checklist, &mut warnings, (nk, nv), owned_table)?;
                }
            }
            other => {
                warnings.push(r.warning(
                    &key.span(),
                    format!("okänd nyckel `{other}`; den behålls i filen"),
                ));
                if let Some(v) = owned.get(other) {
                    checklist.extra.insert(other.to_string(), v.clone());
                }
            }
        }
    }
    warnings.sort_by_key(|w| w.line);
    Ok(Parsed {
        checklist,
        warnings,
    })
}

fn read_entry(
    r: &Reader<'_>,
    checklist: &mut Checklist,
    warnings: &mut Vec<Warning>,
    (key, value): (&Spanned<std::borrow::Cow<'_, str>>, &Spanned<DeValue<'_>>),
    owned: Option<&toml::Table>,
) -> Result<(), ChecklistError> {
    let name = key.get_ref().as_ref();
    let path = format!("{INDIKATOR}.{name}");
    let nummer: u32 = name
        .parse()
        .ok()
        .filter(|n| *n > 0 && name.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| {
            r.key_error(
                &key.span(),
                &path,
                format!("{name:?} är inget indikatornummer (ett heltal, t.ex. [indikator.12])"),
            )
        })?;
    let Some(fields) = value.get_ref().as_table() else {
        return Err(r.key_error(
            &key.span(),
            &path,
            "ska vara en tabell med status och anteckning".to_string(),
        ));
    };
    let owned_fields = owned
        .and_then(|t| t.get(name))
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();

    let rule = checklist.rules.get(nummer).cloned();
    let mut entry = Entry::default();
    for (fk, fv) in fields {
        let field = fk.get_ref().as_ref();
        let fpath = format!("{path}.{field}");
        match field {
            "status" => {
                entry.status = r.status(fv, &fpath)?;
                if rule.is_some() {
                    checklist
                        .rules
                        .check(nummer, entry.status)
                        .map_err(|e| r.key_error(&fv.span(), &fpath, e.to_string()))?;
                }
            }
            "anteckning" => entry.note = r.string(fv, &fpath)?.to_string(),
            other => {
                if rule.is_some() {
                    warnings.push(r.warning(
                        &fk.span(),
                        format!("okänd nyckel `{fpath}`; den behålls i filen"),
                    ));
                    if let Some(v) = owned_fields.get(other) {
                        entry.extra.insert(other.to_string(), v.clone());
                    }
                }
            }
        }
    }
    if rule.is_some() {
        checklist.insert_read(nummer, entry);
    } else {
        warnings.push(r.warning(
            &key.span(),
            format!("indikator {nummer} finns inte i datan; posten behålls i filen som den är"),
        ));
        checklist.unknown.insert(nummer, owned_fields);
    }
    Ok(())
}

/// A TOML key: bare where it can be, quoted otherwise.
fn key_text(key: &str) -> String {
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        key.to_string()
    } else {
        value_text(&toml::Value::String(key.to_string()))
    }
}

/// A TOML value written inline (tables as `{ … }`).
fn value_text(value: &toml::Value) -> String {
    let mut out = String::new();
    match value.serialize(toml::ser::ValueSerializer::new(&mut out)) {
        Ok(_) => out,
        // Values read from TOML always serialize; a string is the safe fallback.
        Err(_) => format!("{:?}", value.to_string()),
    }
}

/// A title on one comment line: control characters and line breaks become spaces.
fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Write the checklist in the fixed layout: header comment, `format`, `kommun`, unknown
/// top-level keys, then one table per indikator in nummer order (with its title as a comment
/// where `titles` knows it), the unknown numbers among them.
#[must_use]
pub fn render(checklist: &Checklist, title: impl Fn(u32) -> Option<String>) -> String {
    let mut s = String::new();
    s.push_str(
        "# insats: checklista för Socialstyrelsens indikatorer (öppna jämförelser 2019).\n\
         # Status: \"uppfylld\", \"delvis\" (där indikatorn har en regel för delvis),\n\
         # \"ej uppfylld\" eller \"ej bedömd\". Filen sparas av insats vid varje ändring.\n",
    );
    let _ = writeln!(s, "format = {FORMAT}");
    if let Some(k) = checklist.kommun() {
        let _ = writeln!(
            s,
            "kommun = {}",
            value_text(&toml::Value::String(k.to_string()))
        );
    }
    for (k, v) in checklist.extra() {
        let _ = writeln!(s, "{} = {}", key_text(k), value_text(v));
    }

    let mut tables: Vec<(u32, toml::Table, bool)> = checklist
        .entries()
        .map(|(n, e)| {
            let mut t = toml::Table::new();
            if e.status != Status::EjBedomd {
                t.insert(
                    "status".into(),
                    toml::Value::String(e.status.as_str().into()),
                );
            }
            if !e.note.is_empty() {
                t.insert("anteckning".into(), toml::Value::String(e.note.clone()));
            }
            for (k, v) in &e.extra {
                t.insert(k.clone(), v.clone());
            }
            (n, t, true)
        })
        .collect();
    tables.extend(
        checklist
            .unknown()
            .iter()
            .map(|(n, t)| (*n, t.clone(), false)),
    );
    tables.sort_by_key(|(n, _, _)| *n);

    for (n, table, known) in tables {
        s.push('\n');
        if known {
            if let Some(t) = title(n) {
                let _ = writeln!(s, "# {n} {}", comment_text(&t));
            }
        } else {
            let _ = writeln!(s, "# {n}: finns inte i datan; behålls som den är");
        }
        let _ = writeln!(s, "[{INDIKATOR}.{n}]");
        // `status` first, then `anteckning`, then the rest as read.
        let mut keys: Vec<&String> = table.keys().collect();
        keys.sort_by_key(|k| match k.as_str() {
            "status" => 0,
            "anteckning" => 1,
            _ => 2,
        });
        for k in keys {
            let _ = writeln!(s, "{} = {}", key_text(k), value_text(&table[k.as_str()]));
        }
    }
    s
}
