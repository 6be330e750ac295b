//! `insats indikatorer` (the list, as JSON, CSV or an aligned table) and `insats indikator N`
//! (one indikator for a person to read, the rule first).

use std::process::ExitCode;

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::out::{Column, Out, Table};
use super::{csv_text, emit, render};
use crate::cli::Format;
use crate::model::{Catalog, Fraga, Indikator, IndikatorOmrade, Insats};
use crate::text::sanitize;

/// The JSON object of one indikator, with the keys documented in the README; absent fields
/// are `null`.
#[must_use]
pub fn indikator_json(i: &Indikator) -> Value {
    let fragor: Vec<Value> = i
        .fragor
        .iter()
        .map(|f: &Fraga| {
            json!({
                "id": f.id,
                "fraga": f.fraga,
                "svarsalternativ": f.svarsalternativ,
            })
        })
        .collect();
    let omraden: Vec<&str> = i.omraden.iter().map(|o| o.as_str()).collect();
    json!({
        "nummer": i.nummer,
        "titel": i.titel,
        "markering": i.markering,
        "omraden": omraden,
        "bakgrundsmatt": i.bakgrundsmatt,
        "matt": i.matt,
        "matenhet": i.matenhet,
        "syfte": i.syfte,
        "riktning": i.riktning,
        "typ": i.typ,
        "kvalitetsdimension": i.kvalitetsdimension,
        "kriterier": i.kriterier,
        "delvis": i.delvis,
        "fragor": fragor,
    })
}

/// The indikatorer published in `omrade` (all when `None`), in number order.
#[must_use]
pub fn filtered(catalog: &Catalog, omrade: Option<IndikatorOmrade>) -> Vec<&Indikator> {
    catalog
        .indikatorer
        .iter()
        .filter(|i| omrade.is_none_or(|o| i.in_omrade(o)))
        .collect()
}

const COLUMNS: [Column; 5] = [
    Column::number("nummer", "Nr"),
    Column::text("slag", "Slag"),
    Column::text("typ", "Typ").cut_to(12),
    Column::text("titel", "Titel"),
    Column::text("omraden", "Områden").machine_only(),
];

/// The list of `indikatorer` as rows: number, kind, type, title (and, for machines, the
/// areas it is published in, separated by `; `).
#[must_use]
pub fn table(list: &[&Indikator]) -> Table {
    Table {
        columns: COLUMNS.to_vec(),
        rows: list
            .iter()
            .map(|i| {
                let omraden: Vec<&str> = i.omraden.iter().map(|o| o.as_str()).collect();
                vec![
                    Some(i.nummer.to_string()),
                    Some(slag(i).to_string()),
                    i.typ.clone(),
                    Some(i.titel.clone()),
                    Some(omraden.join("; ")),
                ]
            })
            .collect(),
        flex: Some(3),
    }
}

fn slag(i: &Indikator) -> &'static str {
    if i.bakgrundsmatt {
        "bakgrundsmått"
    } else {
        "indikator"
    }
}

/// `insats indikatorer`: a table on a terminal, TSV in a pipe; CSV and JSON have every
/// field of the data file.
#[must_use]
pub fn list(
    catalog: &Catalog,
    format: Option<Format>,
    omrade: Option<IndikatorOmrade>,
    out: &Out,
) -> ExitCode {
    let list = filtered(catalog, omrade);
    match out.format(format) {
        Format::Csv => {
            let owned: Vec<Indikator> = list.into_iter().cloned().collect();
            let mut buf = Vec::new();
            if let Err(e) = crate::data::indikatorer::write_csv(&mut buf, &owned) {
                eprintln!("insats: {e}");
                return ExitCode::from(2);
            }
            emit(&csv_text(&buf))
        }
        format => render(
            &table(&list),
            || list.iter().map(|i| indikator_json(i)).collect(),
            Some(format),
            out,
        ),
    }
}

/// Word-wrap `text` to `width` columns, every line indented by `indent`; line breaks in
/// `text` are kept, control characters made visible.
fn wrap(text: &str, indent: usize, width: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for para in text.lines() {
        if !para.trim().is_empty() {
            out.push_str(&crate::text::wrap(para, width.max(indent + 8), &pad, &pad).join("\n"));
        }
        out.push('\n');
    }
    out
}

/// Like [`wrap`], with `label` in front of the first line and the other lines aligned under
/// the text after it.
fn wrap_labeled(label: &str, text: &str, indent: usize, width: usize) -> String {
    let hang = indent + label.width() + 1;
    let body = wrap(text, hang, width);
    format!("{}{label} {}", " ".repeat(indent), &body[hang..])
}

fn section(out: &mut String, heading: &str, text: Option<&str>, width: usize) {
    if let Some(t) = text {
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        out.push_str(&wrap(t, 2, width));
    }
}

/// The text of one indikator for a person to read: what a kommun must answer to meet it
/// comes first, then the questions, then the description.
#[must_use]
pub fn show_text(i: &Indikator, width: usize) -> String {
    let mut s = String::new();
    let kind = if i.bakgrundsmatt {
        "Bakgrundsmått"
    } else {
        "Indikator"
    };
    s.push_str(&format!("{kind} {}", i.nummer));
    if let Some(m) = &i.markering {
        s.push_str(&format!(" · {}", sanitize(m)));
    }
    s.push('\n');
    s.push_str(&wrap(&i.titel, 0, width));
    let omraden: Vec<&str> = i.omraden.iter().map(|o| o.as_str()).collect();
    s.push_str(&wrap(&format!("Områden: {}", omraden.join(", ")), 0, width));

    match (&i.kriterier, &i.taljare) {
        (Some(k), _) => {
            section(&mut s, "Så uppnår kommunen indikatorn", Some(k), width);
            section(&mut s, "Delvis uppnådd", i.delvis.as_deref(), width);
        }
        (None, Some(_)) => {
            s.push_str("\nKällan anger ingen regel för kommunnivå; måttet beräknas så:\n");
            section(&mut s, "Täljare", i.taljare.as_deref(), width);
            section(&mut s, "Nämnare", i.namnare.as_deref(), width);
        }
        (None, None) => {
            s.push_str("\nKällan anger ingen regel för kommunnivå.\n");
        }
    }

    if !i.fragor.is_empty() {
        s.push_str("\nEnkätfrågor\n");
        for f in &i.fragor {
            let label = format!("{})", sanitize(&f.id));
            s.push_str(&wrap_labeled(&label, &f.fraga, 2, width));
            if let Some(svar) = &f.svarsalternativ {
                let indent = 2 + label.width() + 1;
                s.push_str(&wrap_labeled("Svarsalternativ:", svar, indent, width));
            }
        }
    }

    section(&mut s, "Mått", Some(&i.matt), width);
    section(&mut s, "Mätenhet", i.matenhet.as_deref(), width);
    section(&mut s, "Riktning", i.riktning.as_deref(), width);
    section(&mut s, "Typ av indikator", i.typ.as_deref(), width);
    section(
        &mut s,
        "Kvalitetsdimension",
        i.kvalitetsdimension.as_deref(),
        width,
    );
    section(&mut s, "Syfte", i.syfte.as_deref(), width);
    if i.kriterier.is_some() {
        section(&mut s, "Täljare", i.taljare.as_deref(), width);
        section(&mut s, "Nämnare", i.namnare.as_deref(), width);
    }
    section(&mut s, "Definitioner", i.definitioner.as_deref(), width);
    section(&mut s, "Kommentar", i.kommentar.as_deref(), width);
    s.push_str(&format!(
        "\nKälla: Socialstyrelsen, Indikatorer – öppna jämförelser 2019, rad {}\n",
        i.kallrad
    ));
    s
}

/// The insatser linked to an indikator, one `id  namn · område` line each, ids aligned; a
/// line wider than `width` has its name on the lines after the id instead. Empty when none.
#[must_use]
pub fn linked_insatser_text(list: &[&Insats], width: usize) -> String {
    if list.is_empty() {
        return String::new();
    }
    let ids: Vec<_> = list.iter().map(|i| sanitize(&i.id)).collect();
    let id_width = ids.iter().map(|id| id.width()).max().unwrap_or(0);
    let mut s = String::new();
    s.push_str(&wrap(
        "Insatser som indikatorn gäller (SKR:s kartläggning av insatser):",
        0,
        width,
    ));
    s.insert(0, '\n');
    for (i, id) in list.iter().zip(&ids) {
        let what = format!("{} · {}", i.namn, i.omrade);
        let pad = " ".repeat(id_width - id.width());
        let line = format!("  {id}{pad}  {}", sanitize(&what));
        if line.width() <= width {
            s.push_str(&line);
            s.push('\n');
        } else {
            s.push_str(&format!("  {id}\n"));
            s.push_str(&wrap(&what, 6, width));
        }
    }
    s
}

/// `insats indikator N`.
#[must_use]
pub fn show(catalog: &Catalog, nummer: u32, out: &Out) -> ExitCode {
    if let Some(i) = catalog.indikator(nummer) {
        // Paragraphs fit the terminal (at most 100 columns, for reading), 80 in a pipe.
        let width = out.text_width().min(super::show::MAX_TEXT_WIDTH);
        let linked = linked_insatser_text(&catalog.insatser_for(nummer), width);
        emit(&(show_text(i, width) + &linked))
    } else {
        let range = match (
            catalog.indikatorer.iter().map(|i| i.nummer).min(),
            catalog.indikatorer.iter().map(|i| i.nummer).max(),
        ) {
            (Some(lo), Some(hi)) => format!(" (indikatorerna har nummer {lo}–{hi})"),
            _ => String::new(),
        };
        eprintln!("insats: det finns ingen indikator med nummer {nummer}{range}");
        // No result, as for an unknown insats id in `insats show`.
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_labeled_hangs_under_the_text() {
        assert_eq!(
            wrap_labeled("ii)", "Har ni följt upp rutinen nu?", 2, 17),
            "  ii) Har ni\n      följt upp\n      rutinen nu?\n"
        );
    }

    #[test]
    fn wrap_keeps_breaks_and_indents() {
        assert_eq!(
            wrap("ett två tre fyra\nfem", 2, 12),
            "  ett två\n  tre fyra\n  fem\n"
        );
    }
}
