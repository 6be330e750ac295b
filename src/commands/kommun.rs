//! `insats kommun …`: the kommun's own answers per insats beside the national figures.
//!
//! The answers live in the kommun's checklist file (see [`crate::checklist::kartlaggning`])
//! and are changed through the checklist's [`Store`]: the same lock, format-preserving edit
//! and atomic save. The national share is always the one the source prints (of the kommuner
//! that answered SKR's survey); nothing here recomputes it.

use std::cmp::Reverse;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;

use super::checklista::{Target, fail, open_to_change, path_of, warn};
use super::out::{Column, Out, Table};
use super::{
    Delivery, NO_RESULT, deliver, emit, export_table, figure_cells, insats_json_with, render, sheet,
};
use crate::checklist::{Checklist, Fraga, InsatsSvar, Store, Warning};
use crate::cli::{DataFormat, Format, KommunFormat, SvarArg};
use crate::model::{Catalog, Insats, Omrade};
use crate::search::Scope;
use crate::sort::swedish_key;
use crate::text::sanitize_lines;

/// The kommun's answers as read from its file, read-only; a missing file has none.
fn read(catalog: &Catalog, target: Target<'_>) -> Result<(Checklist, String), ExitCode> {
    let path = path_of(target, false)?;
    let opened =
        Store::open_read_only_kommun(&path, target.kommun, &catalog.indikatorer).map_err(fail)?;
    warn(&opened.warnings);
    warn(&unknown_ids(catalog, &opened.checklist, &path));
    let name = opened
        .checklist
        .kommun()
        .or(target.kommun)
        .map_or_else(|| "kommunen".to_string(), str::to_string);
    Ok((opened.checklist, name))
}

/// Warnings for answered ids the catalogue does not have.
fn unknown_ids(catalog: &Catalog, checklist: &Checklist, path: &Path) -> Vec<Warning> {
    checklist.unknown_svar(path, |id| catalog.insatser.iter().any(|i| i.id == id))
}

/// The answer cell for one question: `ja`, `nej` or empty.
fn answer_cell(svar: Option<&InsatsSvar>, fraga: Fraga) -> Option<String> {
    svar.and_then(|s| s.get(fraga))
        .map(|a| a.as_str().to_string())
}

/// The kommun's columns after those of `insats export`.
const SVAR_COLUMNS: [Column; 5] = [
    Column::text("kommun_ges", "Kommunen ges"),
    Column::text("kommun_digitalt", "Kommunen digitalt"),
    Column::text("kommun_enskild_regi", "Kommunen enskild regi"),
    Column::text("kommun_utan_bistandsbeslut", "Kommunen utan beslut"),
    Column::text("kommun_anteckning", "Kommunens anteckning"),
];

/// The rows of `insats export` for `insatser`, with the kommun's answers.
fn table<'a>(insatser: impl IntoIterator<Item = &'a Insats>, checklist: &Checklist) -> Table {
    let insatser: Vec<&Insats> = insatser.into_iter().collect();
    let mut t = export_table(insatser.iter().copied(), false);
    t.columns.extend(SVAR_COLUMNS);
    for (row, i) in t.rows.iter_mut().zip(&insatser) {
        let svar = checklist.svar(&i.id);
        for f in Fraga::ALL {
            row.push(answer_cell(svar, f));
        }
        row.push(svar.map(|s| s.note.clone()).filter(|n| !n.is_empty()));
    }
    t
}

fn svar_json(name: &str, svar: Option<&InsatsSvar>) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("namn".into(), name.into());
    for f in Fraga::ALL {
        o.insert(f.key().into(), answer_cell(svar, f).into());
    }
    o.insert(
        "anteckning".into(),
        svar.map(|s| s.note.clone())
            .filter(|n| !n.is_empty())
            .into(),
    );
    Value::Object(o)
}

/// `insats kommun export`: every insats with the national figures and the kommun's answers.
#[must_use]
pub fn export(
    catalog: &Catalog,
    target: Target<'_>,
    format: Option<KommunFormat>,
    output: Option<&Path>,
    out: &Out,
) -> ExitCode {
    let (checklist, name) = match read(catalog, target) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let format = match (format, output) {
        (Some(f), _) => Some(f),
        (None, None) => Some(KommunFormat::Json),
        (None, Some(_)) => None,
    };
    if format == Some(KommunFormat::Markdown) {
        let text = markdown(catalog, &checklist, &name);
        return match output {
            None => emit(&sanitize_lines(&text)),
            Some(p) => match std::fs::write(p, text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(format!("{}: kan inte skrivas: {e}", p.display())),
            },
        };
    }
    let all = table(&catalog.insatser, &checklist);
    let per_omrade = sheet::OmradeSheets::new(format == Some(KommunFormat::Xlsx), |o| {
        table(catalog.in_omrade(o), &checklist)
    });
    let sheets = per_omrade.sheets(&all);
    let json = || {
        catalog
            .insatser
            .iter()
            .map(|i| insats_json_with(i, [("kommun", svar_json(&name, checklist.svar(&i.id)))]))
            .collect()
    };
    let data_format = format.map(|f| match f {
        KommunFormat::Json => DataFormat::Json,
        KommunFormat::Csv => DataFormat::Csv,
        KommunFormat::Tsv | KommunFormat::Markdown => DataFormat::Tsv,
        KommunFormat::CsvExcel => DataFormat::CsvExcel,
        KommunFormat::Xlsx => DataFormat::Xlsx,
    });
    deliver(
        &Delivery {
            table: &all,
            sheets: &sheets,
            kalla: sheet::kalla(catalog),
        },
        json,
        data_format,
        output,
        out,
    )
}

/// How many of the insatser in `omrade` the kommun gives, of how many.
#[must_use]
pub fn ges_count(catalog: &Catalog, checklist: &Checklist, omrade: Omrade) -> (usize, usize) {
    let mut ges = 0;
    let mut total = 0;
    for i in catalog.in_omrade(omrade) {
        total += 1;
        if checklist.ger(&i.id) {
            ges += 1;
        }
    }
    (ges, total)
}

/// Markdown per område: how many the kommun gives, and each insats it answered for.
fn markdown(catalog: &Catalog, checklist: &Checklist, name: &str) -> String {
    let mut s = format!("# {name}: egen kartläggning av insatser\n\n");
    s.push_str(
        "Hela landet: antal kommuner och källans tryckta andel av de kommuner som svarade på SKR:s enkät.\n",
    );
    for o in Omrade::ALL {
        let (ges, total) = ges_count(catalog, checklist, o);
        let _ = write!(s, "\n## {}\n\n{ges} av {total} ges\n\n", o.as_str());
        let answered: Vec<&Insats> = catalog
            .in_omrade(o)
            .filter(|i| checklist.svar(&i.id).is_some())
            .collect();
        if answered.is_empty() {
            s.push_str("Inga svar ännu.\n");
            continue;
        }
        s.push_str("| Insats | Hela landet ges | Ges | Digitalt | Enskild regi | Utan beslut | Anteckning |\n");
        s.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
        for i in answered {
            let svar = checklist.svar(&i.id);
            let national = match (i.ges.antal, i.ges.andel) {
                (Some(a), Some(p)) => format!("{a} ({p} %)"),
                _ => "-".to_string(),
            };
            let cells: Vec<String> = Fraga::ALL
                .iter()
                .map(|f| answer_cell(svar, *f).unwrap_or_else(|| "–".to_string()))
                .collect();
            let note = svar.map_or("", |s| s.note.as_str());
            let _ = writeln!(
                s,
                "| {} | {national} | {} | {} |",
                md_cell(&i.namn),
                cells.join(" | "),
                md_cell(note)
            );
        }
    }
    s
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

const LISTA_COLUMNS: [Column; 6] = [
    Column::text("namn", "Namn"),
    Column::omrade(),
    Column::number("ges_antal", "Ges"),
    Column::share("ges_andel", "%"),
    Column::text("kommun_ges", "Svar"),
    Column::id(),
];

fn lista(
    catalog: &Catalog,
    target: Target<'_>,
    format: Option<Format>,
    out: &Out,
    pick: impl Fn(&Checklist, &Insats) -> bool,
    largest_first: bool,
    none: impl Fn(&str) -> String,
) -> ExitCode {
    let (checklist, name) = match read(catalog, target) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut found: Vec<&Insats> = catalog
        .insatser
        .iter()
        .filter(|i| i.ges.andel.is_some() && pick(&checklist, i))
        .collect();
    // By the printed share, then by the number of kommuner, then by name.
    found.sort_by_cached_key(|i| {
        let andel = i.ges.andel.unwrap_or(0);
        let antal = i.ges.antal.unwrap_or(0);
        let key = if largest_first {
            (Reverse(andel), Reverse(antal))
        } else {
            (Reverse(100 - andel), Reverse(u32::MAX - antal))
        };
        (key, swedish_key(&i.namn))
    });
    let rows = found
        .iter()
        .map(|i| {
            let [antal, andel] = figure_cells(i.ges);
            vec![
                Some(i.namn.clone()),
                Some(i.omrade.as_str().to_string()),
                antal,
                andel,
                Some(
                    answer_cell(checklist.svar(&i.id), Fraga::Ges)
                        .unwrap_or_else(|| "obesvarad".to_string()),
                ),
                Some(i.id.clone()),
            ]
        })
        .collect();
    let table = Table {
        columns: LISTA_COLUMNS.to_vec(),
        rows,
        flex: Some(0),
    };
    let json = || {
        found
            .iter()
            .map(|i| insats_json_with(i, [("kommun", svar_json(&name, checklist.svar(&i.id)))]))
            .collect()
    };
    let code = render(&table, json, format, out);
    if found.is_empty() {
        super::warn(&none(&name));
        return ExitCode::from(NO_RESULT);
    }
    code
}

/// `insats kommun luckor --min N`: insatser that at least N % of the answering kommuner give
/// but the kommun has not answered `ja` for, largest share first.
#[must_use]
pub fn luckor(
    catalog: &Catalog,
    target: Target<'_>,
    min: u8,
    format: Option<Format>,
    out: &Out,
) -> ExitCode {
    lista(
        catalog,
        target,
        format,
        out,
        |c, i| i.ges.andel.is_some_and(|p| p >= min) && !c.ger(&i.id),
        true,
        |name| {
            format!("{name} har svarat ja för alla insatser som minst {min} % av kommunerna ger")
        },
    )
}

/// `insats kommun ovanliga --max N`: insatser the kommun gives that at most N % of the
/// answering kommuner give, smallest share first.
#[must_use]
pub fn ovanliga(
    catalog: &Catalog,
    target: Target<'_>,
    max: u8,
    format: Option<Format>,
    out: &Out,
) -> ExitCode {
    lista(
        catalog,
        target,
        format,
        out,
        |c, i| i.ges.andel.is_some_and(|p| p <= max) && c.ger(&i.id),
        false,
        |name| format!("{name} ger ingen insats som högst {max} % av kommunerna ger"),
    )
}

/// The arguments of `insats kommun set`.
#[derive(Debug, Clone, Copy)]
pub struct SetArgs<'a> {
    pub id: &'a str,
    pub answers: [Option<SvarArg>; 4],
    pub anteckning: Option<&'a str>,
}

/// `insats kommun set ID --ges ja …`: change the answers under the lock and save at once;
/// print the insats's answers beside the national figures.
#[must_use]
pub fn set(catalog: &Catalog, target: Target<'_>, args: SetArgs<'_>) -> ExitCode {
    let Some(insats) = catalog.insatser.iter().find(|i| i.id == args.id) else {
        let near = super::search::best_hits(catalog, args.id, &Scope::All);
        let mut msg = format!("okänd insats {:?}", args.id);
        if near.is_empty() {
            msg.push_str("; id:n finns med `insats search NAMN --format tsv`");
        } else {
            msg.push_str("; menade du:");
            for i in near.iter().take(5).filter_map(|&n| catalog.insatser.get(n)) {
                let _ = write!(msg, "\n  {}  ({} — {})", i.id, i.namn, i.omrade.as_str());
            }
        }
        return fail(msg);
    };
    if args.answers.iter().all(Option::is_none) && args.anteckning.is_none() {
        return fail(
            "ange minst ett svar (--ges, --digitalt, --enskild-regi, --utan-bistandsbeslut) eller --anteckning",
        );
    }
    let (_, mut opened) = match open_to_change(catalog, target) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let checklist = &mut opened.checklist;
    // `ges` first, so that `--ges ja --digitalt nej` works after an earlier `nej`.
    for (f, a) in Fraga::ALL.into_iter().zip(args.answers) {
        if let Some(a) = a
            && let Err(e) = checklist.set_svar(&insats.id, f, a.svar())
        {
            return fail(e);
        }
    }
    if let Some(note) = args.anteckning {
        checklist.set_svar_note(&insats.id, note);
    }
    if let Err(e) = opened.store.save(checklist) {
        return fail(e);
    }
    let name = checklist.kommun().unwrap_or("kommunen").to_string();
    emit(&sanitize_lines(&summary(
        insats,
        checklist.svar(&insats.id),
        &name,
    )))
}

/// The answers beside the national figures, one line per question.
fn summary(i: &Insats, svar: Option<&InsatsSvar>, name: &str) -> String {
    let mut s = format!("{} — {}\n", i.namn, i.omrade.as_str());
    for (f, fig) in Fraga::ALL
        .into_iter()
        .zip([i.ges, i.digital, i.enskild, i.utan])
    {
        let national = match (fig.antal, fig.andel) {
            (Some(a), Some(p)) => format!("{a} kommuner ({p} %)"),
            _ => "-".to_string(),
        };
        let answer = answer_cell(svar, f).unwrap_or_else(|| "obesvarad".to_string());
        let _ = writeln!(s, "  {:<20} {national:<21} {name}: {answer}", f.label());
    }
    if let Some(note) = svar.map(|s| s.note.as_str()).filter(|n| !n.is_empty()) {
        let _ = writeln!(s, "  Anteckning: {note}");
    }
    s
}

const JAMFOR_COLUMNS: [Column; 6] = [
    Column::omrade(),
    Column::text("namn", "Namn"),
    Column::text("bara_hos", "Bara hos"),
    Column::number("ges_antal", "Ges"),
    Column::share("ges_andel", "%"),
    Column::id(),
];

/// `insats kommun jamfor ANNAN`: per område, the insatser one kommun gives (answered `ja`)
/// and the other does not, each område's in order of the printed share, largest first.
#[must_use]
pub fn jamfor(
    catalog: &Catalog,
    target: Target<'_>,
    annan: &str,
    format: Option<Format>,
    out: &Out,
) -> ExitCode {
    let (ours, name) = match read(catalog, target) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let as_file = annan.ends_with(".toml") || annan.contains(['/', '\\']);
    let (path, kommun) = if as_file {
        (std::path::PathBuf::from(annan), None)
    } else {
        match crate::checklist::location::kommun_file_in_env(annan, false) {
            Ok(p) => (p, Some(annan)),
            Err(e) => return fail(e),
        }
    };
    if std::fs::symlink_metadata(&path).is_err() {
        return fail(format!(
            "{}: finns inte; den andra kommunen behöver ha svarat (insats --kommun {annan} kommun set …) eller dela sin fil",
            path.display()
        ));
    }
    let theirs = match Store::open_read_only_kommun(&path, kommun, &catalog.indikatorer) {
        Ok(o) => {
            warn(&o.warnings);
            o.checklist
        }
        Err(e) => return fail(e),
    };
    let other = theirs.kommun().unwrap_or(annan).to_string();
    let mut found: Vec<(&Insats, &str)> = catalog
        .insatser
        .iter()
        .filter_map(|i| match (ours.ger(&i.id), theirs.ger(&i.id)) {
            (true, false) => Some((i, name.as_str())),
            (false, true) => Some((i, other.as_str())),
            _ => None,
        })
        .collect();
    found.sort_by_cached_key(|(i, who)| {
        (
            Omrade::ALL.iter().position(|o| *o == i.omrade),
            *who != name.as_str(),
            Reverse(i.ges.andel),
            swedish_key(&i.namn),
        )
    });
    let rows = found
        .iter()
        .map(|(i, who)| {
            let [antal, andel] = figure_cells(i.ges);
            vec![
                Some(i.omrade.as_str().to_string()),
                Some(i.namn.clone()),
                Some((*who).to_string()),
                antal,
                andel,
                Some(i.id.clone()),
            ]
        })
        .collect();
    let table = Table {
        columns: JAMFOR_COLUMNS.to_vec(),
        rows,
        flex: Some(1),
    };
    let json = || {
        found
            .iter()
            .map(|(i, who)| insats_json_with(i, [("bara_hos", (*who).into())]))
            .collect()
    };
    let code = render(&table, json, format, out);
    if found.is_empty() {
        super::warn(&format!(
            "{name} och {other} har svarat likadant om vilka insatser de ger"
        ));
        return ExitCode::from(NO_RESULT);
    }
    code
}
