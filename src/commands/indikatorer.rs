//! `insats indikatorer` (the list, as JSON, CSV or an aligned table) and `insats indikator N`
//! (one indikator for a person to read, the rule first).

use std::process::ExitCode;

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::{csv_text, emit, json_text};
use crate::cli::ListFormat;
use crate::model::{Catalog, Fraga, Indikator, IndikatorOmrade, Insats};
use crate::text::{sanitize, sanitize_lines};

/// Width that `indikator N` wraps its paragraphs to.
const TEXT_WIDTH: usize = 78;

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

/// The aligned plain-text table of `indikatorer --format table`.
#[must_use]
pub fn table_text(list: &[&Indikator]) -> String {
    let header = ["Nr", "Slag", "Typ", "Titel"];
    let rows: Vec<[String; 4]> = list
        .iter()
        .map(|i| {
            [
                i.nummer.to_string(),
                slag(i).to_string(),
                i.typ
                    .as_deref()
                    .map_or_else(|| "–".to_string(), |t| sanitize(t).into_owned()),
                sanitize(&i.titel).into_owned(),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: [&str; 4]| {
        let mut s = format!("{}{}", " ".repeat(widths[0] - cells[0].width()), cells[0]);
        for (k, cell) in cells.iter().enumerate().skip(1) {
            s.push_str("  ");
            s.push_str(cell);
            if k + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[k] - cell.width()));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header);
    for row in &rows {
        line([&row[0], &row[1], &row[2], &row[3]]);
    }
    out
}

fn slag(i: &Indikator) -> &'static str {
    if i.bakgrundsmatt {
        "bakgrundsmått"
    } else {
        "indikator"
    }
}

/// `insats indikatorer`.
#[must_use]
pub fn list(catalog: &Catalog, format: ListFormat, omrade: Option<IndikatorOmrade>) -> ExitCode {
    let list = filtered(catalog, omrade);
    match format {
        ListFormat::Json => {
            let arr: Vec<Value> = list.iter().map(|i| indikator_json(i)).collect();
            emit(&json_text(&arr))
        }
        ListFormat::Csv => {
            let owned: Vec<Indikator> = list.into_iter().cloned().collect();
            let mut buf = Vec::new();
            if let Err(e) = crate::data::indikatorer::write_csv(&mut buf, &owned) {
                eprintln!("insats: {e}");
                return ExitCode::from(2);
            }
            emit(&csv_text(&buf))
        }
        ListFormat::Table => emit(&table_text(&list)),
    }
}

/// Word-wrap `text` to `width` columns, every line indented by `indent`; line breaks in
/// `text` are kept, control characters made visible.
fn wrap(text: &str, indent: usize, width: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for para in sanitize_lines(text).lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && indent + line.width() + 1 + word.width() > width {
                out.push_str(&pad);
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&pad);
        out.push_str(&line);
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

fn section(out: &mut String, heading: &str, text: Option<&str>) {
    if let Some(t) = text {
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        out.push_str(&wrap(t, 2, TEXT_WIDTH));
    }
}

/// The text of one indikator for a person to read: what a kommun must answer to meet it
/// comes first, then the questions, then the description.
#[must_use]
pub fn show_text(i: &Indikator) -> String {
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
    s.push_str(&wrap(&i.titel, 0, TEXT_WIDTH));
    let omraden: Vec<&str> = i.omraden.iter().map(|o| o.as_str()).collect();
    s.push_str(&wrap(
        &format!("Områden: {}", omraden.join(", ")),
        0,
        TEXT_WIDTH,
    ));

    match (&i.kriterier, &i.taljare) {
        (Some(k), _) => {
            section(&mut s, "Så uppnår kommunen indikatorn", Some(k));
            section(&mut s, "Delvis uppnådd", i.delvis.as_deref());
        }
        (None, Some(_)) => {
            s.push_str("\nKällan anger ingen regel för kommunnivå; måttet beräknas så:\n");
            section(&mut s, "Täljare", i.taljare.as_deref());
            section(&mut s, "Nämnare", i.namnare.as_deref());
        }
        (None, None) => {
            s.push_str("\nKällan anger ingen regel för kommunnivå.\n");
        }
    }

    if !i.fragor.is_empty() {
        s.push_str("\nEnkätfrågor\n");
        for f in &i.fragor {
            let label = format!("{})", sanitize(&f.id));
            s.push_str(&wrap_labeled(&label, &f.fraga, 2, TEXT_WIDTH));
            if let Some(svar) = &f.svarsalternativ {
                let indent = 2 + label.width() + 1;
                s.push_str(&wrap_labeled("Svarsalternativ:", svar, indent, TEXT_WIDTH));
            }
        }
    }

    section(&mut s, "Mått", Some(&i.matt));
    section(&mut s, "Mätenhet", i.matenhet.as_deref());
    section(&mut s, "Riktning", i.riktning.as_deref());
    section(&mut s, "Typ av indikator", i.typ.as_deref());
    section(
        &mut s,
        "Kvalitetsdimension",
        i.kvalitetsdimension.as_deref(),
    );
    section(&mut s, "Syfte", i.syfte.as_deref());
    if i.kriterier.is_some() {
        section(&mut s, "Täljare", i.taljare.as_deref());
        section(&mut s, "Nämnare", i.namnare.as_deref());
    }
    section(&mut s, "Definitioner", i.definitioner.as_deref());
    section(&mut s, "Kommentar", i.kommentar.as_deref());
    s.push_str(&format!(
        "\nKälla: Socialstyrelsen, Indikatorer – öppna jämförelser 2019, rad {}\n",
        i.kallrad
    ));
    s
}

/// The insatser linked to an indikator, one `id  namn · område` line each, ids aligned;
/// empty when none.
#[must_use]
pub fn linked_insatser_text(list: &[&Insats]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let ids: Vec<_> = list.iter().map(|i| sanitize(&i.id)).collect();
    let width = ids.iter().map(|id| id.width()).max().unwrap_or(0);
    let mut s =
        String::from("\nInsatser som indikatorn gäller (SKR:s kartläggning av insatser):\n");
    for (i, id) in list.iter().zip(&ids) {
        let pad = " ".repeat(width - id.width());
        s.push_str(&format!(
            "  {id}{pad}  {} · {}\n",
            sanitize(&i.namn),
            i.omrade
        ));
    }
    s
}

/// `insats indikator N`.
#[must_use]
pub fn show(catalog: &Catalog, nummer: u32) -> ExitCode {
    if let Some(i) = catalog.indikator(nummer) {
        let linked = linked_insatser_text(&catalog.insatser_for(nummer));
        emit(&(show_text(i) + &linked))
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
