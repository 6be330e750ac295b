//! The checklist report of `insats checklista export`: per område met of total, and each
//! indikator that is not met with its rule, its questions and the note; as Markdown (for a
//! meeting or a handout), CSV (one row per område and indikator) or JSON.
//!
//! Each område has its own status for an indikator published in several. The Markdown lists
//! every område's indikatorer one line each by status, then gives the rule and the questions
//! once for each indikator marked *ej uppfylld* or *delvis* in some område (those are the
//! ones to act on), with its status in each of its områden. CSV and JSON carry every
//! indikator under each of its områden with that område's status, for a spreadsheet.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use crate::checklist::{Checklist, Progress, Status};
use crate::commands::out::{Column, Table};
use crate::model::{Catalog, Indikator, IndikatorOmrade};

/// One indikator under one område.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub indikator: &'a Indikator,
    /// `None` for a bakgrundsmått (listed only when it has a note).
    pub status: Option<Status>,
    pub note: &'a str,
}

/// One område of the report.
#[derive(Debug, Clone)]
pub struct OmradeReport<'a> {
    pub omrade: IndikatorOmrade,
    pub progress: Progress,
    /// Its indikatorer in nummer order, then its bakgrundsmått that have a note.
    pub rows: Vec<Row<'a>>,
}

/// The report's content, in the order of the source's områden.
#[must_use]
pub fn build<'a>(catalog: &'a Catalog, checklist: &'a Checklist) -> Vec<OmradeReport<'a>> {
    IndikatorOmrade::ALL
        .into_iter()
        .map(|omrade| {
            let in_omrade = || {
                catalog
                    .indikatorer
                    .iter()
                    .filter(move |i| i.in_omrade(omrade))
            };
            let mut rows: Vec<Row<'a>> = in_omrade()
                .filter(|i| !i.bakgrundsmatt)
                .map(|i| Row {
                    indikator: i,
                    status: Some(checklist.status(i.nummer, omrade)),
                    note: checklist.note(i.nummer),
                })
                .collect();
            rows.extend(
                in_omrade()
                    .filter(|i| i.bakgrundsmatt && !checklist.note(i.nummer).is_empty())
                    .map(|i| Row {
                        indikator: i,
                        status: None,
                        note: checklist.note(i.nummer),
                    }),
            );
            OmradeReport {
                omrade,
                progress: checklist.progress(omrade),
                rows,
            }
        })
        .collect()
}

pub(crate) use crate::text::sanitize_lines as visible;

/// The questions as lines: `i) Fråga … Svarsalternativ: …`.
fn fragor_text(i: &Indikator) -> String {
    i.fragor
        .iter()
        .map(|f| {
            let mut s = format!("{}) {}", f.id, f.fraga.replace('\n', " "));
            if let Some(svar) = &f.svarsalternativ {
                let _ = write!(s, " Svarsalternativ: {}", svar.replace('\n', " / "));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn progress_detail(p: &Progress) -> String {
    format!(
        "{} av {} uppfyllda · delvis {} · ej uppfyllda {} · ej bedömda {}",
        p.uppfyllda,
        p.totalt(),
        p.delvis,
        p.ej_uppfyllda,
        p.ej_bedomda
    )
}

/// A multi-line rule: the first line as a sentence, the conditions as list items.
fn rule_markdown(out: &mut String, text: &str) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if let Some(first) = lines.next() {
        let _ = writeln!(out, "{}\n", visible(first));
        let rest: Vec<&str> = lines.collect();
        for l in &rest {
            let _ = writeln!(out, "- {}", visible(l));
        }
        if !rest.is_empty() {
            out.push('\n');
        }
    }
}

/// One indikator to act on: its status in each område, note, rule and questions, once.
fn unmet_markdown(out: &mut String, i: &Indikator, checklist: &Checklist) {
    let _ = writeln!(out, "### {} {}\n", i.nummer, visible(&i.titel));
    for (o, st) in checklist.statuses(i.nummer) {
        let _ = writeln!(out, "- {o}: {st}");
    }
    out.push('\n');
    let note = checklist.note(i.nummer);
    if !note.is_empty() {
        for l in note.lines() {
            let _ = writeln!(out, "> {}", visible(l));
        }
        out.push('\n');
    }
    match (&i.kriterier, &i.taljare) {
        (Some(k), _) => {
            rule_markdown(out, k);
            if let Some(d) = &i.delvis {
                rule_markdown(out, d);
            }
        }
        (None, Some(t)) => {
            out.push_str("Källan anger ingen regel för kommunnivå; måttet beräknas med\n\n");
            let _ = writeln!(out, "- Täljare: {}", visible(&t.replace('\n', " ")));
            if let Some(n) = &i.namnare {
                let _ = writeln!(out, "- Nämnare: {}", visible(&n.replace('\n', " ")));
            }
            out.push('\n');
        }
        (None, None) => out.push_str("Källan anger ingen regel för kommunnivå.\n\n"),
    }
    if !i.fragor.is_empty() {
        out.push_str("Enkätfrågor:\n\n");
        for l in fragor_text(i).lines() {
            let _ = writeln!(out, "- {}", visible(l));
        }
        out.push('\n');
    }
}

/// A short list item: nummer, title and (unless `with_note` is false) the note on one line.
fn item_markdown(out: &mut String, row: &Row<'_>, with_note: bool) {
    let i = row.indikator;
    let _ = write!(out, "- {} {}", i.nummer, visible(&i.titel));
    if with_note && !row.note.is_empty() {
        let _ = write!(
            out,
            ". Anteckning: {}",
            visible(&row.note.replace('\n', " "))
        );
    }
    out.push('\n');
}

/// The report as Markdown.
#[must_use]
pub fn markdown(catalog: &Catalog, checklist: &Checklist) -> String {
    let mut s =
        String::from("# Checklista: Socialstyrelsens indikatorer, öppna jämförelser 2019\n\n");
    if let Some(k) = checklist.kommun() {
        let _ = writeln!(s, "Kommun: {}\n", visible(k));
    }
    let _ = writeln!(
        s,
        "Totalt {} (en indikator räknas i vart och ett av sina områden, med sin status där; bakgrundsmått räknas inte).",
        progress_detail(&checklist.progress_all())
    );
    let to_act_on = |st: Option<Status>| matches!(st, Some(Status::EjUppfylld | Status::Delvis));
    for area in build(catalog, checklist) {
        let _ = writeln!(
            s,
            "\n## {}: {}\n",
            area.omrade,
            progress_detail(&area.progress)
        );
        let with = |st: Status| area.rows.iter().filter(move |r| r.status == Some(st));
        for (heading, st) in [
            ("Ej uppfyllda", Status::EjUppfylld),
            ("Delvis uppfyllda", Status::Delvis),
            ("Ej bedömda", Status::EjBedomd),
            ("Uppfyllda", Status::Uppfylld),
        ] {
            if with(st).next().is_some() {
                let _ = writeln!(s, "### {heading}\n");
                for row in with(st) {
                    // The note of one to act on is given once, below, with its rule.
                    let acted_on = checklist
                        .statuses(row.indikator.nummer)
                        .iter()
                        .any(|(_, st)| to_act_on(Some(*st)));
                    item_markdown(&mut s, row, !acted_on);
                }
                s.push('\n');
            }
        }
        let bakgrund: Vec<&Row<'_>> = area.rows.iter().filter(|r| r.status.is_none()).collect();
        if !bakgrund.is_empty() {
            s.push_str("### Bakgrundsmått med anteckning (räknas inte)\n\n");
            for row in bakgrund {
                item_markdown(&mut s, row, true);
            }
            s.push('\n');
        }
    }
    let unmet: Vec<&Indikator> = catalog
        .indikatorer
        .iter()
        .filter(|i| {
            !i.bakgrundsmatt
                && checklist
                    .statuses(i.nummer)
                    .iter()
                    .any(|(_, st)| to_act_on(Some(*st)))
        })
        .collect();
    if !unmet.is_empty() {
        s.push_str(
            "\n## Att åtgärda: regel och enkätfrågor\n\nDe indikatorer som är ej uppfyllda eller delvis uppfyllda i minst ett område, var och en en gång, med sin status i vart och ett av sina områden.\n\n",
        );
        for i in unmet {
            unmet_markdown(&mut s, i, checklist);
        }
    }
    // Sections end with a blank line and headings start with one: keep one.
    while s.contains("\n\n\n") {
        s = s.replace("\n\n\n", "\n\n");
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

/// The columns of the CSV report.
pub const CSV_COLUMNS: [&str; 11] = [
    "omrade",
    "uppfyllda",
    "totalt",
    "nummer",
    "titel",
    "slag",
    "status",
    "anteckning",
    "kriterier",
    "delvis",
    "fragor",
];

/// The report as CSV: one row per område and indikator (bakgrundsmått only with a note,
/// without a status), the område's counts repeated on each of its rows.
///
/// # Errors
/// Only when the CSV writer fails (it writes to memory).
pub fn csv(catalog: &Catalog, checklist: &Checklist) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for area in build(catalog, checklist) {
        for row in &area.rows {
            let i = row.indikator;
            w.write_record([
                area.omrade.as_str().to_string(),
                area.progress.uppfyllda.to_string(),
                area.progress.totalt().to_string(),
                i.nummer.to_string(),
                i.titel.clone(),
                if i.bakgrundsmatt {
                    "bakgrundsmått"
                } else {
                    "indikator"
                }
                .to_string(),
                row.status
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                row.note.to_string(),
                i.kriterier.clone().unwrap_or_default(),
                i.delvis.clone().unwrap_or_default(),
                fragor_text(i),
            ])?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn progress_json(p: &Progress) -> Value {
    json!({
        "uppfyllda": p.uppfyllda,
        "delvis": p.delvis,
        "ej_uppfyllda": p.ej_uppfyllda,
        "ej_bedomda": p.ej_bedomda,
        "totalt": p.totalt(),
    })
}

/// The report as JSON: `kommun`, `totalt`, `omraden` (each with its counts and
/// `indikatorer`) and `okanda` (numbers in the file that the dataset does not have).
#[must_use]
pub fn json(catalog: &Catalog, checklist: &Checklist) -> Value {
    let omraden: Vec<Value> = build(catalog, checklist)
        .iter()
        .map(|area| {
            let rows: Vec<Value> = area
                .rows
                .iter()
                .map(|row| {
                    let i = row.indikator;
                    let fragor: Vec<Value> = i
                        .fragor
                        .iter()
                        .map(|f| json!({"id": f.id, "fraga": f.fraga, "svarsalternativ": f.svarsalternativ}))
                        .collect();
                    json!({
                        "nummer": i.nummer,
                        "titel": i.titel,
                        "bakgrundsmatt": i.bakgrundsmatt,
                        "status": row.status.map(Status::as_str),
                        "anteckning": row.note,
                        "kriterier": i.kriterier,
                        "delvis": i.delvis,
                        "fragor": fragor,
                    })
                })
                .collect();
            json!({
                "omrade": area.omrade.as_str(),
                "antal": progress_json(&area.progress),
                "indikatorer": rows,
            })
        })
        .collect();
    let okanda: Vec<u32> = checklist.unknown().iter().copied().collect();
    json!({
        "kommun": checklist.kommun(),
        "totalt": progress_json(&checklist.progress_all()),
        "omraden": omraden,
        "okanda": okanda,
    })
}

/// The CSV's rows as a table for a spreadsheet (`csv-excel`, `xlsx`): the same columns, with
/// the counts and the number as numbers.
#[must_use]
pub fn table(areas: &[OmradeReport<'_>]) -> Table {
    let columns = vec![
        Column::text("omrade", "Område"),
        Column::number("uppfyllda", "Uppfyllda"),
        Column::number("totalt", "Totalt"),
        Column::number("nummer", "Nr"),
        Column::text("titel", "Titel"),
        Column::text("slag", "Slag"),
        Column::text("status", "Status"),
        Column::text("anteckning", "Anteckning"),
        Column::text("kriterier", "Kriterier"),
        Column::text("delvis", "Delvis"),
        Column::text("fragor", "Frågor"),
    ];
    debug_assert!(columns.iter().map(|c| c.key).eq(CSV_COLUMNS));
    let rows = areas
        .iter()
        .flat_map(|area| {
            area.rows.iter().map(move |row| {
                let i = row.indikator;
                vec![
                    Some(area.omrade.as_str().to_string()),
                    Some(area.progress.uppfyllda.to_string()),
                    Some(area.progress.totalt().to_string()),
                    Some(i.nummer.to_string()),
                    Some(i.titel.clone()),
                    Some(
                        if i.bakgrundsmatt {
                            "bakgrundsmått"
                        } else {
                            "indikator"
                        }
                        .to_string(),
                    ),
                    row.status.map(|s| s.as_str().to_string()),
                    Some(row.note.to_string()),
                    i.kriterier.clone(),
                    i.delvis.clone(),
                    Some(fragor_text(i)),
                ]
            })
        })
        .collect();
    Table {
        columns,
        rows,
        flex: Some(4),
    }
}

/// The rows of an Excel file's sheet "Källa": where the rules and questions come from, and
/// whose assessment the statuses are.
#[must_use]
pub fn kalla(checklist: &Checklist, file: &Path) -> Vec<[String; 2]> {
    vec![
        [
            "Indikatorer".into(),
            "Socialstyrelsen, Indikatorer – öppna jämförelser 2019: varje indikators regel \
             för kommunnivå, enkätfrågorna och svarsalternativen."
                .into(),
        ],
        [
            "Status".into(),
            format!(
                "Kommunens egen bedömning per område{}, ur checklistan {}.",
                checklist
                    .kommun()
                    .map(|k| format!(" ({k})"))
                    .unwrap_or_default(),
                file.display()
            ),
        ],
        [
            "Skrivet av".into(),
            format!("insats {}", env!("CARGO_PKG_VERSION")),
        ],
    ]
}
