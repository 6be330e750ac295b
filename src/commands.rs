//! Non-interactive subcommands: data on stdout, messages on stderr.

pub mod checklista;
pub mod indikatorer;

use std::io::Write;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::cli::ExportFormat;
use crate::model::{Catalog, Figure, Indikator, Insats};

fn figure_json(f: Figure) -> Value {
    json!({ "antal": f.antal, "andel": f.andel })
}

/// The JSON object of one insats, as documented in the README.
#[must_use]
pub fn insats_json(i: &Insats) -> Value {
    json!({
        "id": i.id,
        "omrade": i.omrade.as_str(),
        "sektion_nr": i.sektion_nr,
        "sektion": i.sektion,
        "grupp": i.grupp,
        "namn": i.namn,
        "forklaring": i.forklaring,
        "kalla": i.kalla,
        "ges": figure_json(i.ges),
        "digital": figure_json(i.digital),
        "enskild_regi": figure_json(i.enskild),
        "utan_bistandsbeslut": figure_json(i.utan),
    })
}

/// Write to stdout; a closed pipe (`| head`) ends quietly with success.
pub(crate) fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("insats: kan inte skriva: {e}");
            ExitCode::from(2)
        }
    }
}

/// `insats export`.
#[must_use]
pub fn export(catalog: &Catalog, format: ExportFormat) -> ExitCode {
    match format {
        ExportFormat::Json => {
            let arr: Vec<Value> = catalog.insatser.iter().map(insats_json).collect();
            let mut s = serde_json::to_string_pretty(&arr).unwrap_or_default();
            s.push('\n');
            emit(&s)
        }
        ExportFormat::Csv => {
            let mut buf = Vec::new();
            if let Err(e) = crate::data::insatser::write_csv(&mut buf, &catalog.insatser) {
                eprintln!("insats: {e}");
                return ExitCode::from(2);
            }
            emit(&String::from_utf8_lossy(&buf))
        }
    }
}

fn figure_text(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(a), Some(p)) => format!("{a} kommuner ({p} %)"),
        (Some(a), None) => format!("{a} kommuner"),
        _ => "uppgift saknas".to_string(),
    }
}

/// The text of one insats for a person to read.
#[must_use]
pub fn show_text(i: &Insats) -> String {
    let mut s = String::new();
    s.push_str(&i.namn);
    s.push('\n');
    let mut path = format!("{} › {} {}", i.omrade.title(), i.sektion_nr, i.sektion);
    if let Some(g) = &i.grupp {
        path.push_str(" › ");
        path.push_str(g);
    }
    s.push_str(&path);
    s.push_str(&format!("\nid: {}\n\n", i.id));
    s.push_str("Förklaring:\n");
    s.push_str(i.forklaring.as_deref().unwrap_or("(saknas i källan)"));
    s.push_str("\n\nKälla:\n");
    s.push_str(i.kalla.as_deref().unwrap_or("(saknas i källan)"));
    s.push_str("\n\nAntal kommuner (andel av svarande):\n");
    for (label, f) in [
        ("Ges", i.ges),
        ("Digitalt", i.digital),
        ("I enskild regi", i.enskild),
        ("Utan biståndsbeslut", i.utan),
    ] {
        s.push_str(&format!("  {label:<20} {}\n", figure_text(f)));
    }
    s
}

/// The indikatorer linked to an insats, one `nummer  titel` line each; empty when none.
#[must_use]
pub fn linked_indikatorer_text(list: &[&Indikator]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut s = String::from(
        "\nIndikatorer som gäller insatsen (Socialstyrelsen, öppna jämförelser 2019):\n",
    );
    for i in list {
        s.push_str(&format!("  {:>2}  {}\n", i.nummer, i.titel));
    }
    s
}

/// `insats show ID`.
#[must_use]
pub fn show(catalog: &Catalog, id: &str) -> ExitCode {
    if let Some(i) = catalog.get(id) {
        let linked = linked_indikatorer_text(&catalog.indikatorer_for(id));
        emit(&(show_text(i) + &linked))
    } else {
        eprintln!("insats: okänt insats-id {id:?} (se `insats export --format csv` för alla id)");
        ExitCode::from(2)
    }
}

/// Overview of the catalogue (until the terminal UI replaces it).
#[must_use]
pub fn overview(catalog: &Catalog) -> ExitCode {
    let mut s = format!("{} insatser\n", catalog.insatser.len());
    for o in crate::model::Omrade::ALL {
        s.push_str(&format!(
            "  {:<24} {}\n",
            o.title(),
            catalog.in_omrade(o).count()
        ));
    }
    emit(&s)
}
