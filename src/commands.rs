//! Non-interactive subcommands: data on stdout, messages on stderr.
//!
//! Exit status: 0 success, [`NO_RESULT`] when a question has no answer (no hit, no such
//! insats), [`USAGE_OR_DATA`] for a usage or data error (clap's own usage errors exit 2 too).

pub mod docs;
pub mod out;
pub mod render;
pub mod search;
pub mod show;
pub mod stats;

pub mod checklista;
pub mod indikatorer;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::cli::{ExportFormat, Format};
use crate::model::{Catalog, Figure, Insats};
use crate::text::{escape_json_controls, sanitize_lines};

/// Exit status for "no result": no hit, no such insats.
pub const NO_RESULT: u8 = 1;
/// Exit status for a usage or data error.
pub const USAGE_OR_DATA: u8 = 2;

/// A message on stderr, prefixed `insats: `; a closed stderr is ignored.
pub(crate) fn warn(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "insats: {msg}");
}

/// The count and share of a figure as two cells; `None` where the source prints `-`.
pub(crate) fn figure_cells(f: Figure) -> [Option<String>; 2] {
    [
        f.antal.map(|a| a.to_string()),
        f.andel.map(|p| p.to_string()),
    ]
}

/// Write `table` (or `json`) in the format asked for, or the default for stdout.
///
/// An empty table prints nothing as a table, a header line as TSV or CSV, and `[]` as JSON.
pub(crate) fn render(
    table: &out::Table,
    json: impl FnOnce() -> Vec<Value>,
    format: Option<Format>,
    out: &out::Out,
) -> ExitCode {
    match out.format(format) {
        Format::Table if table.rows.is_empty() => ExitCode::SUCCESS,
        Format::Table => emit(&table.render_table(out)),
        Format::Tsv => emit(&table.render_tsv()),
        Format::Csv => match table.render_csv(out) {
            Ok(s) => emit(&s),
            Err(e) => {
                warn(&format!("kan inte skriva CSV: {e}"));
                ExitCode::from(USAGE_OR_DATA)
            }
        },
        Format::Json => emit(&json_text(&json())),
    }
}

pub(crate) fn figure_json(f: Figure) -> Value {
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

/// JSON for stdout: pretty, ending in a newline, DEL, C1 and bidirectional controls escaped
/// like the C0 controls (the same JSON value, see [`escape_json_controls`]).
pub(crate) fn json_text(value: &[Value]) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    escape_json_controls(&s).into_owned()
}

/// CSV for stdout: the exact data for a program; on a terminal, where a person reads it,
/// control characters are made visible (line breaks inside quoted fields stay).
pub(crate) fn csv_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if std::io::stdout().is_terminal() {
        sanitize_lines(&text).into_owned()
    } else {
        text.into_owned()
    }
}

/// Write to stdout; a closed pipe (`| head`) ends quietly with success.
///
/// Output goes through `anstream`, which passes it on unchanged everywhere but on an old
/// Windows console without escape-code support: there the bold of a table header is turned
/// into the console's own colour calls instead of showing as `←[1m`. (Whether to colour at
/// all is decided before, by [`out::Out`]: `--color`, `NO_COLOR`, a terminal or not.)
#[must_use]
pub fn emit(text: &str) -> ExitCode {
    let mut out =
        anstream::AutoStream::new(std::io::stdout().lock(), anstream::ColorChoice::Always);
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
            emit(&json_text(&arr))
        }
        ExportFormat::Csv => {
            let mut buf = Vec::new();
            if let Err(e) = crate::data::insatser::write_csv(&mut buf, &catalog.insatser) {
                eprintln!("insats: {e}");
                return ExitCode::from(2);
            }
            emit(&csv_text(&buf))
        }
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
