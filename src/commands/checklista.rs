//! `insats checklista export` and `insats checklista set`: the checklist from the command line.

pub mod report;

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::Table;
use super::{emit, emit_bytes, sheet};
use crate::checklist::{Opened, Scope, Status, Store, Warning, location};
use crate::cli::ChecklistaFormat;
use crate::cli::SetOmrade;
use crate::model::Catalog;
use crate::text::{escape_json_controls, sanitize, sanitize_lines};

/// Which checklist the command line names (`--kommun`, `--checklista`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Target<'a> {
    pub kommun: Option<&'a str>,
    pub file: Option<&'a Path>,
}

/// Print a message on stderr (made safe for a terminal) and exit 2.
pub(crate) fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("insats: {}", sanitize_lines(&message.to_string()));
    ExitCode::from(2)
}

/// The warnings of a read, one a line on stderr; a key name from the file may hold
/// anything, so each goes through the sanitiser.
pub(crate) fn warn(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("insats: varning: {}", sanitize(&w.to_string()));
    }
}

pub(crate) fn path_of(target: Target<'_>, create: bool) -> Result<PathBuf, ExitCode> {
    match location::from_args_creating(target.kommun, target.file, create) {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(fail(
            "ange vilken checklista: --kommun NAMN eller --checklista FIL",
        )),
        Err(e) => Err(fail(e)),
    }
}

/// The kommun's checklist opened to change it (created if missing, locked), its warnings
/// printed and the kommun named as `--kommun` says: the start of `checklista set` and
/// `kommun set`. The format-1 notice is left out: the line after the save that converts
/// the file replaces it.
pub(crate) fn open_to_change(
    catalog: &Catalog,
    target: Target<'_>,
) -> Result<(PathBuf, Opened), ExitCode> {
    let path = path_of(target, true)?;
    let mut opened =
        Store::open_kommun(&path, target.kommun, &catalog.indikatorer).map_err(fail)?;
    let notices: Vec<Warning> = opened
        .warnings
        .iter()
        .filter(|w| !w.is_format_1_notice())
        .cloned()
        .collect();
    warn(&notices);
    if let Some(k) = target.kommun {
        opened.checklist.name_kommun(k);
    }
    Ok((path, opened))
}

/// Text for a person on a terminal: control characters made visible. Into a pipe or a file
/// the exact data goes out.
fn for_terminal(text: String) -> String {
    if std::io::stdout().is_terminal() {
        sanitize_lines(&text).into_owned()
    } else {
        text
    }
}

/// `insats checklista export`: read the file (without locking it: saves are atomic, so a
/// reader always sees a whole file) and print the report, or write it to `output` (whole,
/// then renamed into place). Nothing but `output` is created on disk.
#[must_use]
pub fn export(
    catalog: &Catalog,
    target: Target<'_>,
    format: ChecklistaFormat,
    output: Option<&Path>,
) -> ExitCode {
    let path = match path_of(target, false) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if std::fs::symlink_metadata(&path).is_err() {
        return fail(format!(
            "{}: finns inte; en checklista skapas när den första statusen sätts (i appen eller med `insats checklista set`)",
            path.display()
        ));
    }
    let opened = match Store::open_read_only_kommun(&path, target.kommun, &catalog.indikatorer) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    warn(&opened.warnings);
    let checklist = &opened.checklist;
    if format == ChecklistaFormat::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        return fail("en Excel-fil skrivs inte till terminalen; ange --output FIL.xlsx");
    }
    let bytes: Result<Vec<u8>, String> = match format {
        ChecklistaFormat::Markdown => Ok(report::markdown(catalog, checklist).into_bytes()),
        ChecklistaFormat::Csv => report::csv(catalog, checklist)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        ChecklistaFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&report::json(catalog, checklist)).unwrap_or_default();
            s.push('\n');
            Ok(escape_json_controls(&s).into_owned().into_bytes())
        }
        ChecklistaFormat::CsvExcel => {
            sheet::csv_excel(&report::table(&report::build(catalog, checklist)))
                .map_err(|e| e.to_string())
        }
        ChecklistaFormat::Xlsx => {
            let areas = report::build(catalog, checklist);
            let per_omrade: Vec<(&str, Table)> = areas
                .iter()
                .map(|a| (a.omrade.as_str(), report::table(std::slice::from_ref(a))))
                .collect();
            let all = report::table(&areas);
            let mut sheets: Vec<sheet::Sheet<'_>> = per_omrade
                .iter()
                .map(|(name, table)| sheet::Sheet { name, table })
                .collect();
            sheets.push(sheet::Sheet {
                name: "Alla",
                table: &all,
            });
            sheet::xlsx(&sheets, &report::kalla(checklist, &path)).map_err(|e| e.to_string())
        }
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return fail(format!("kan inte skriva rapporten: {e}")),
    };
    if let Some(file) = output {
        return match crate::checklist::store::write_atomic(file, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("kan inte skriva {}: {e}", file.display())),
        };
    }
    match format {
        // Bytes for a spreadsheet program, exactly as written to a file.
        ChecklistaFormat::Xlsx | ChecklistaFormat::CsvExcel | ChecklistaFormat::Json => {
            emit_bytes(&bytes)
        }
        ChecklistaFormat::Markdown | ChecklistaFormat::Csv => {
            emit(&for_terminal(String::from_utf8_lossy(&bytes).into_owned()))
        }
    }
}

/// `insats checklista set N [STATUS] [--omrade OMRADE] [--anteckning TEXT]`: change one
/// entry under the lock and save at once; print the entry's status in each of its områden
/// and their counts. A status for an indikator of several områden needs `--omrade` (an
/// område, or `alla`).
#[must_use]
pub fn set(
    catalog: &Catalog,
    target: Target<'_>,
    (nummer, omrade): (u32, Option<SetOmrade>),
    status: Option<Status>,
    note: Option<&str>,
) -> ExitCode {
    if status.is_none() && note.is_none() {
        return fail(
            "ange en status (uppfylld, delvis, ej-uppfylld, ej-bedomd) och/eller --anteckning TEXT",
        );
    }
    let Some(indikator) = catalog.indikator(nummer) else {
        return fail(format!("det finns ingen indikator med nummer {nummer}"));
    };
    let scope = match (omrade, indikator.omraden.as_slice()) {
        (Some(SetOmrade::Alla), _) => Scope::Alla,
        (Some(SetOmrade::Ett(o)), _) => Scope::Omrade(o),
        (None, [only]) => Scope::Omrade(*only),
        (None, several) if status.is_some() => {
            let list: Vec<String> = several
                .iter()
                .map(|o| format!("  {} ({o})", o.slug()))
                .collect();
            return fail(format!(
                "indikator {nummer} finns i {} områden och har en status i vart och ett; ange vilket med --omrade:\n{}\neller --omrade alla för alla",
                several.len(),
                list.join("\n")
            ));
        }
        (None, _) => Scope::Alla,
    };
    let (path, mut opened) = match open_to_change(catalog, target) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let checklist = &mut opened.checklist;
    if let Some(Err(e)) = status.map(|s| checklist.set_status(nummer, scope, s)) {
        return fail(e);
    }
    if let Some(Err(e)) = note.map(|n| checklist.set_note(nummer, n)) {
        return fail(e);
    }
    let had_backup = opened.store.backup().is_some();
    if let Err(e) = opened.store.save(checklist) {
        return fail(e);
    }
    if let (false, Some(backup)) = (had_backup, opened.store.backup()) {
        eprintln!(
            "insats: {} är nu skriven i det nya formatet, med en status per område; originalet finns kvar i {}",
            sanitize(&path.display().to_string()),
            sanitize(&backup.display().to_string())
        );
    }
    let mut out = format!("{} {}:", nummer, report::visible(&indikator.titel));
    if indikator.bakgrundsmatt {
        out.push_str(" bakgrundsmått");
    }
    if !checklist.note(nummer).is_empty() {
        out.push_str(" (med anteckning)");
    }
    out.push('\n');
    if !indikator.bakgrundsmatt {
        for (o, st) in checklist.statuses(nummer) {
            out.push_str(&format!("  {o}: {st} ({})\n", checklist.progress(o)));
        }
    }
    emit(&sanitize_lines(&out))
}
