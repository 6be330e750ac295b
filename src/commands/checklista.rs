//! `insats checklista export` and `insats checklista set`: the checklist from the command line.

pub mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::emit;
use crate::checklist::{Status, Store, Warning, location};
use crate::cli::ChecklistaFormat;
use crate::model::Catalog;

/// Which checklist the command line names (`--kommun`, `--checklista`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Target<'a> {
    pub kommun: Option<&'a str>,
    pub file: Option<&'a Path>,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("insats: {message}");
    ExitCode::from(2)
}

fn warn(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("insats: varning: {w}");
    }
}

fn path_of(target: Target<'_>) -> Result<PathBuf, ExitCode> {
    match location::from_args(target.kommun, target.file) {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(fail(
            "ange vilken checklista: --kommun NAMN eller --checklista FIL",
        )),
        Err(e) => Err(fail(e)),
    }
}

/// `insats checklista export`: read the file (without locking it: saves are atomic, so a
/// reader always sees a whole file) and print the report.
#[must_use]
pub fn export(catalog: &Catalog, target: Target<'_>, format: ChecklistaFormat) -> ExitCode {
    let path = match path_of(target) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if !path.exists() {
        return fail(format!(
            "{}: finns inte; en checklista skapas när den första statusen sätts (i appen eller med `insats checklista set`)",
            path.display()
        ));
    }
    let opened = match Store::open_read_only(&path, &catalog.indikatorer) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    warn(&opened.warnings);
    let checklist = &opened.checklist;
    match format {
        ChecklistaFormat::Markdown => emit(&report::markdown(catalog, checklist)),
        ChecklistaFormat::Csv => match report::csv(catalog, checklist) {
            Ok(text) => emit(&text),
            Err(e) => fail(e),
        },
        ChecklistaFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&report::json(catalog, checklist)).unwrap_or_default();
            s.push('\n');
            emit(&s)
        }
    }
}

/// `insats checklista set N [STATUS] [--anteckning TEXT]`: change one entry under the lock and
/// save at once; print the entry and its områden's counts.
#[must_use]
pub fn set(
    catalog: &Catalog,
    target: Target<'_>,
    nummer: u32,
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
    let path = match path_of(target) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut opened = match Store::open(&path, &catalog.indikatorer) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    warn(&opened.warnings);
    let checklist = &mut opened.checklist;
    if let Some(k) = target.kommun {
        checklist.name_kommun(k);
    }
    if let Some(Err(e)) = status.map(|s| checklist.set_status(nummer, s)) {
        return fail(e);
    }
    if let Some(Err(e)) = note.map(|n| checklist.set_note(nummer, n)) {
        return fail(e);
    }
    if let Err(e) = opened.store.save(checklist) {
        return fail(e);
    }
    let mut out = format!("{} {}: ", nummer, report::visible(&indikator.titel));
    if indikator.bakgrundsmatt {
        out.push_str("bakgrundsmått");
    } else {
        out.push_str(checklist.status(nummer).as_str());
    }
    if !checklist.note(nummer).is_empty() {
        out.push_str(" (med anteckning)");
    }
    out.push('\n');
    if !indikator.bakgrundsmatt {
        for o in &indikator.omraden {
            out.push_str(&format!("  {o}: {}\n", checklist.progress(*o)));
        }
    }
    emit(&out)
}
