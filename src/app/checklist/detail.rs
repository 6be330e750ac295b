//! The checklist's detail pane for one indikator: its status and note, then the rule a
//! kommun checks itself against (set apart, to be read first), the survey questions, the
//! description and the linked insatser. Only words and tones; `ui` styles them.

use crate::app::detail::{DetailLine, Tone, wrap};
use crate::checklist::{Checklist, Status};
use crate::model::{Catalog, Indikator, IndikatorOmrade};
use crate::text::sanitize_lines as visible;

/// Wrap each line of `text` (line breaks kept) under `first`/`rest` prefixes.
fn paragraph(out: &mut Vec<DetailLine>, tone: Tone, text: &str, width: usize, indent: &str) {
    let text = visible(text);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        for l in wrap(line, width, indent, indent) {
            out.push(vec![(tone, l)]);
        }
    }
}

fn heading(out: &mut Vec<DetailLine>, text: &str) {
    out.push(Vec::new());
    out.push(vec![(Tone::Heading, text.to_string())]);
}

fn field(out: &mut Vec<DetailLine>, title: &str, text: Option<&str>, width: usize) {
    if let Some(t) = text {
        heading(out, title);
        paragraph(out, Tone::Text, t, width, "  ");
    }
}

/// The status line: mark and word, or why a bakgrundsmått has none.
#[must_use]
pub fn status_text(ind: &Indikator, status: Status) -> String {
    if ind.bakgrundsmatt {
        "Bakgrundsmått: bedöms inte och räknas inte".to_string()
    } else {
        format!("{} {}", status.mark(), status.as_str())
    }
}

/// The lines of the detail pane for `ind` at `width` columns; `here` is the område whose
/// status the keys change (marked where the indikator has several).
#[must_use]
pub fn lines(
    catalog: &Catalog,
    ind: &Indikator,
    checklist: &Checklist,
    here: Option<IndikatorOmrade>,
    width: usize,
) -> Vec<DetailLine> {
    let mut out: Vec<DetailLine> = Vec::new();
    let kind = if ind.bakgrundsmatt {
        "Bakgrundsmått"
    } else {
        "Indikator"
    };
    let mut head = format!("{kind} {}", ind.nummer);
    if let Some(m) = &ind.markering {
        head.push_str(" · ");
        head.push_str(&visible(m));
    }
    out.push(vec![(Tone::Dim, head)]);
    for l in wrap(&visible(&ind.titel), width, "", "") {
        out.push(vec![(Tone::Title, l)]);
    }
    let omraden: Vec<&str> = ind.omraden.iter().map(|o| o.as_str()).collect();
    for l in wrap(&omraden.join(", "), width, "", "") {
        out.push(vec![(Tone::Path, l)]);
    }

    out.push(Vec::new());
    let statuses = checklist.statuses(ind.nummer);
    match statuses.as_slice() {
        [(_, status)] => out.push(vec![
            (Tone::Text, "Status: ".to_string()),
            (Tone::Figure, status_text(ind, *status)),
        ]),
        _ if ind.bakgrundsmatt => out.push(vec![
            (Tone::Text, "Status: ".to_string()),
            (Tone::Figure, status_text(ind, Status::EjBedomd)),
        ]),
        _ => {
            out.push(vec![(Tone::Text, "Status per område:".to_string())]);
            for (o, status) in &statuses {
                let marker = if Some(*o) == here { "▸ " } else { "  " };
                let tone = if Some(*o) == here {
                    Tone::Figure
                } else {
                    Tone::Text
                };
                let text = format!("{} {o}: {}", status.mark(), status.as_str());
                for l in wrap(&text, width, marker, "    ") {
                    out.push(vec![(tone, l)]);
                }
            }
        }
    }
    let note = checklist.note(ind.nummer);
    if note.is_empty() {
        out.push(vec![(Tone::Dim, "Ingen anteckning.".to_string())]);
    } else {
        out.push(vec![(Tone::Text, "Anteckning:".to_string())]);
        paragraph(&mut out, Tone::Figure, note, width, "  ");
    }

    match (&ind.kriterier, &ind.taljare) {
        (Some(k), _) => {
            heading(&mut out, "Så uppnår kommunen indikatorn");
            paragraph(&mut out, Tone::Text, k, width, "  ");
            if let Some(d) = &ind.delvis {
                heading(&mut out, "Delvis uppnådd");
                paragraph(&mut out, Tone::Text, d, width, "  ");
            }
        }
        (None, Some(t)) => {
            heading(&mut out, "Ingen regel för kommunnivå; måttet beräknas så");
            paragraph(&mut out, Tone::Text, &format!("Täljare: {t}"), width, "  ");
            if let Some(n) = &ind.namnare {
                paragraph(&mut out, Tone::Text, &format!("Nämnare: {n}"), width, "  ");
            }
        }
        (None, None) => {
            heading(&mut out, "Ingen regel för kommunnivå i källan");
        }
    }

    if !ind.fragor.is_empty() {
        heading(&mut out, "Enkätfrågor");
        for f in &ind.fragor {
            let label = format!("  {}) ", f.id);
            let hang = " ".repeat(label.chars().count());
            for (k, line) in visible(&f.fraga).lines().enumerate() {
                let first = if k == 0 {
                    label.as_str()
                } else {
                    hang.as_str()
                };
                for l in wrap(line, width, first, &hang) {
                    out.push(vec![(Tone::Text, l)]);
                }
            }
            if let Some(svar) = &f.svarsalternativ {
                let svar = visible(svar).replace('\n', " / ");
                for l in wrap(&format!("Svarsalternativ: {svar}"), width, &hang, &hang) {
                    out.push(vec![(Tone::Dim, l)]);
                }
            }
        }
    }

    field(&mut out, "Mått", Some(&ind.matt), width);
    field(&mut out, "Mätenhet", ind.matenhet.as_deref(), width);
    field(&mut out, "Typ av indikator", ind.typ.as_deref(), width);
    field(
        &mut out,
        "Kvalitetsdimension",
        ind.kvalitetsdimension.as_deref(),
        width,
    );
    field(&mut out, "Riktning", ind.riktning.as_deref(), width);
    field(&mut out, "Syfte", ind.syfte.as_deref(), width);
    field(&mut out, "Definitioner", ind.definitioner.as_deref(), width);
    field(&mut out, "Kommentar", ind.kommentar.as_deref(), width);

    let linked = catalog.insatser_for(ind.nummer);
    if !linked.is_empty() {
        heading(&mut out, "Kopplade insatser");
        for i in linked {
            let text = format!("{} ({})", visible(&i.namn), i.omrade.title());
            for l in wrap(&text, width, "  • ", "    ") {
                out.push(vec![(Tone::Text, l)]);
            }
        }
    }
    out.push(Vec::new());
    let source = format!(
        "Källa: Socialstyrelsen, Indikatorer – öppna jämförelser 2019, rad {}",
        ind.kallrad
    );
    for l in wrap(&source, width, "", "") {
        out.push(vec![(Tone::Dim, l)]);
    }
    out
}
