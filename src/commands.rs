//! Non-interactive subcommands: data on stdout, messages on stderr.
//!
//! Exit status: 0 success, [`NO_RESULT`] when a question has no answer (no hit, no such
//! insats), [`USAGE_OR_DATA`] for a usage or data error (clap's own usage errors exit 2 too).

pub mod docs;
pub mod jamfor;
pub mod out;
pub mod render;
pub mod search;
pub mod sheet;
pub mod show;
pub mod stats;

pub mod checklista;
pub mod indikatorer;
pub mod kommun;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use std::path::Path;

use crate::cli::{DataFormat, ExportArgs, ExportFormat, Format};
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

/// The four measures' columns, count and share each, in [`Matt::ALL`] order, as
/// `insats stats` and `insats jamfor` show them; their cells are [`figures_cells`].
pub(crate) const FIGURE_COLUMNS: [out::Column; 8] = [
    out::Column::number("ges_antal", "Ges"),
    out::Column::share("ges_andel", "%"),
    out::Column::number("digital_antal", "Digitalt").short("Dig"),
    out::Column::share("digital_andel", "%"),
    out::Column::number("enskild_antal", "Enskild regi").short("Ensk"),
    out::Column::share("enskild_andel", "%"),
    out::Column::number("utan_antal", "Utan beslut").short("Utan"),
    out::Column::share("utan_andel", "%"),
];

/// An insats's cells under [`FIGURE_COLUMNS`].
pub(crate) fn figures_cells(i: &Insats) -> impl Iterator<Item = Option<String>> + '_ {
    crate::cli::Matt::ALL
        .into_iter()
        .flat_map(|m| figure_cells(stats::figure(i, m)))
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
        Format::Table => {
            let (text, notes) = table.render_table_noted(out);
            for note in notes {
                warn(&note);
            }
            emit(&text)
        }
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
        "forklaring": i.forklaring.as_deref(),
        "kalla": i.kalla,
        "ges": figure_json(i.ges),
        "digital": figure_json(i.digital),
        "enskild_regi": figure_json(i.enskild),
        "utan_bistandsbeslut": figure_json(i.utan),
    })
}

/// An insats's four measures as the fields of its JSON object ([`insats_json`]), in
/// [`crate::cli::Matt::ALL`] order.
pub(crate) fn figures_json(i: &Insats) -> [(&'static str, Value); 4] {
    [
        ("ges", figure_json(i.ges)),
        ("digital", figure_json(i.digital)),
        ("enskild_regi", figure_json(i.enskild)),
        ("utan_bistandsbeslut", figure_json(i.utan)),
    ]
}

/// A JSON object of `fields`, in order.
pub(crate) fn json_object(fields: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// [`insats_json`] with more fields after the insats's own, in order.
pub(crate) fn insats_json_with(
    i: &Insats,
    more: impl IntoIterator<Item = (&'static str, Value)>,
) -> Value {
    let mut v = insats_json(i);
    if let Some(o) = v.as_object_mut() {
        for (key, value) in more {
            o.insert(key.into(), value);
        }
    }
    v
}

/// JSON for stdout: pretty, ending in a newline, DEL, C1 and bidirectional controls escaped
/// like the C0 controls (the same JSON value, see [`escape_json_controls`]).
pub(crate) fn json_text(value: &[Value]) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    escape_json_controls(&s).into_owned()
}

/// One JSON object for stdout, as [`json_text`] writes a list.
pub(crate) fn json_object_text(value: &Value) -> String {
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

/// The columns of `insats export` in CSV, TSV and spreadsheets: those of the data file
/// `insatser.csv`, the provenance columns only when asked for.
const EXPORT_COLUMNS: [out::Column; 17] = [
    out::Column::id(),
    out::Column::omrade(),
    out::Column::text("sektion_nr", "Nr"),
    out::Column::text("sektion", "Sektion"),
    out::Column::text("grupp", "Grupp"),
    out::Column::text("namn", "Namn"),
    out::Column::text("namn_bilaga", "Namn i bilagan"),
    out::Column::number("ges_antal", "Ges"),
    out::Column::share("ges_andel", "%"),
    out::Column::number("digital_antal", "Digitalt"),
    out::Column::share("digital_andel", "%"),
    out::Column::number("enskild_antal", "Enskild regi"),
    out::Column::share("enskild_andel", "%"),
    out::Column::number("utan_antal", "Utan beslut"),
    out::Column::share("utan_andel", "%"),
    out::Column::text("forklaring", "Förklaring"),
    out::Column::text("kalla", "Källa"),
];

const KALLRAD_COLUMNS: [out::Column; 2] = [
    out::Column::number("kallrad_000", "Rad i 000"),
    out::Column::number("kallrad_001", "Rad i 001"),
];

/// The insatser as export rows, with the provenance columns when `kallrad`.
#[must_use]
pub fn export_table<'a>(
    insatser: impl IntoIterator<Item = &'a Insats>,
    kallrad: bool,
) -> out::Table {
    let mut columns = EXPORT_COLUMNS.to_vec();
    if kallrad {
        columns.extend(KALLRAD_COLUMNS);
    }
    let rows = insatser
        .into_iter()
        .map(|i| {
            let mut row = vec![
                Some(i.id.clone()),
                Some(i.omrade.as_str().to_string()),
                Some(i.sektion_nr.to_string()),
                Some(i.sektion.to_string()),
                i.grupp.as_deref().map(String::from),
                Some(i.namn.clone()),
                i.namn_bilaga.clone(),
            ];
            for f in [i.ges, i.digital, i.enskild, i.utan] {
                row.extend(figure_cells(f));
            }
            row.push(i.forklaring.as_deref().map(String::from));
            row.push(i.kalla.as_deref().map(String::from));
            if kallrad {
                row.push(Some(i.kallrad_000.to_string()));
                row.push(Some(i.kallrad_001.to_string()));
            }
            row
        })
        .collect();
    out::Table {
        columns,
        rows,
        flex: Some(5),
    }
}

/// `insats export`: JSON, CSV, TSV, CSV for Excel, or a workbook with one sheet per område,
/// "Alla" and "Källa".
#[must_use]
pub fn export(catalog: &Catalog, args: &ExportArgs, out: &out::Out) -> ExitCode {
    let all = export_table(&catalog.insatser, args.kallrad);
    let format = match args.format {
        ExportFormat::Json => DataFormat::Json,
        ExportFormat::Csv => DataFormat::Csv,
        ExportFormat::Tsv => DataFormat::Tsv,
        ExportFormat::CsvExcel => DataFormat::CsvExcel,
        ExportFormat::Xlsx => DataFormat::Xlsx,
    };
    let per_omrade = sheet::OmradeSheets::new(format == DataFormat::Xlsx, |o| {
        export_table(catalog.in_omrade(o), args.kallrad)
    });
    let sheets = per_omrade.sheets(&all);
    let json = || {
        catalog
            .insatser
            .iter()
            .map(|i| {
                let kallrad = [
                    ("kallrad_000", i.kallrad_000.into()),
                    ("kallrad_001", i.kallrad_001.into()),
                ];
                insats_json_with(i, kallrad.into_iter().filter(|_| args.kallrad))
            })
            .collect()
    };
    deliver(
        &Delivery {
            table: &all,
            sheets: &sheets,
            kalla: sheet::kalla(catalog),
        },
        json,
        Some(format),
        args.output.as_deref(),
        out,
    )
}

/// What a command hands to [`deliver`]: its rows, and the sheets of a workbook.
pub(crate) struct Delivery<'a> {
    pub table: &'a out::Table,
    pub sheets: &'a [sheet::Sheet<'a>],
    pub kalla: Vec<[String; 2]>,
}

/// Write rows in any [`DataFormat`], to stdout or to `output` (written whole, then renamed
/// into place, so an existing file is never left half written). Without a format: the one
/// the file name ends in (`.xlsx`, `.csv`, `.tsv`, `.json`), else a table on a terminal
/// and TSV in a pipe. An Excel file is never written to a terminal.
pub(crate) fn deliver(
    d: &Delivery<'_>,
    json: impl FnOnce() -> Vec<Value>,
    format: Option<DataFormat>,
    output: Option<&Path>,
    out: &out::Out,
) -> ExitCode {
    let format = format.or_else(|| output.and_then(format_of_file));
    let Some(path) = output else {
        return match format {
            Some(DataFormat::Xlsx) if out.tty => {
                warn("en Excel-fil skrivs inte till terminalen; ange --output FIL.xlsx");
                ExitCode::from(USAGE_OR_DATA)
            }
            Some(DataFormat::Xlsx) => match sheet::xlsx(d.sheets, &d.kalla) {
                Ok(bytes) => emit_bytes(&bytes),
                Err(e) => {
                    warn(&format!("kan inte skriva Excel-filen: {e}"));
                    ExitCode::from(USAGE_OR_DATA)
                }
            },
            Some(DataFormat::CsvExcel) => match sheet::csv_excel(d.table) {
                Ok(bytes) => emit_bytes(&bytes),
                Err(e) => {
                    warn(&format!("kan inte skriva CSV: {e}"));
                    ExitCode::from(USAGE_OR_DATA)
                }
            },
            other => render(d.table, json, other.and_then(DataFormat::plain), out),
        };
    };
    let plain = out::Out::plain();
    let bytes: Result<Vec<u8>, String> = match format.unwrap_or(DataFormat::Tsv) {
        DataFormat::Xlsx => sheet::xlsx(d.sheets, &d.kalla).map_err(|e| e.to_string()),
        DataFormat::CsvExcel => sheet::csv_excel(d.table).map_err(|e| e.to_string()),
        DataFormat::Csv => d
            .table
            .render_csv(&plain)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        DataFormat::Tsv => Ok(d.table.render_tsv().into_bytes()),
        DataFormat::Table => Ok(d.table.render_table(&plain).into_bytes()),
        DataFormat::Json => Ok(json_text(&json()).into_bytes()),
    };
    match bytes
        .map_err(|e| e.to_string())
        .and_then(|b| crate::checklist::store::write_atomic(path, &b).map_err(|e| e.to_string()))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!(
                "kan inte skriva {}: {e}",
                sanitize_lines(&path.display().to_string())
            ));
            ExitCode::from(USAGE_OR_DATA)
        }
    }
}

/// The format a file name asks for by its ending.
fn format_of_file(path: &Path) -> Option<DataFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" => Some(DataFormat::Xlsx),
        "csv" => Some(DataFormat::Csv),
        "tsv" | "tab" | "txt" => Some(DataFormat::Tsv),
        "json" => Some(DataFormat::Json),
        _ => None,
    }
}

/// Bytes to stdout; a closed pipe ends quietly with success.
#[must_use]
pub fn emit_bytes(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("insats: kan inte skriva: {e}");
            ExitCode::from(2)
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
            o.as_str(),
            catalog.in_omrade(o).count()
        ));
    }
    emit(&s)
}
