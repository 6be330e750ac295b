//! `insats jamfor NAMN|ID`: one insats in every område and group where it occurs, the four
//! measures with count and share, one row each.
//!
//! The argument is resolved as in `insats show` (an id, a name, else the search's best
//! hits); every insats with the same name (after folding case and diacritics) is one row,
//! in source order. An argument that fits insatser of different names is ambiguous: they
//! are listed on stderr.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::out::{Column, Out, Table, sanitize};
use super::sheet::Sheet;
use super::show::{Resolved, resolve};
use super::{
    Delivery, FIGURE_COLUMNS, NO_RESULT, USAGE_OR_DATA, deliver, emit, figures_cells, figures_json,
    json_object, warn,
};
use crate::cli::{DataFormat, JamforArgs};
use crate::model::{Catalog, Insats};
use crate::sort::fold;

/// Where, which group, the name (for programs), the four measures, the id.
fn columns() -> Vec<Column> {
    let place = [
        Column::omrade(),
        Column::text("grupp", "Grupp"),
        Column::text("namn", "Namn").machine_only(),
    ];
    [&place[..], &FIGURE_COLUMNS, &[Column::id()]].concat()
}

/// The group an insats is listed under: its group heading, else its section.
#[must_use]
pub fn grupp(i: &Insats) -> String {
    i.grupp
        .as_deref()
        .map_or_else(|| format!("{} {}", i.sektion_nr, i.sektion), String::from)
}

/// Every insats named as the one at `n`, in source order.
#[must_use]
pub fn same_name(catalog: &Catalog, n: usize) -> Vec<&Insats> {
    let Some(first) = catalog.insatser.get(n) else {
        return Vec::new();
    };
    let name = fold(&first.namn);
    catalog
        .insatser
        .iter()
        .filter(|i| fold(&i.namn) == name)
        .collect()
}

fn row(i: &Insats) -> Vec<Option<String>> {
    let mut row = vec![
        Some(i.omrade.as_str().to_string()),
        Some(grupp(i)),
        Some(i.namn.clone()),
    ];
    row.extend(figures_cells(i));
    row.push(Some(i.id.clone()));
    row
}

fn json_row(i: &Insats) -> Value {
    let place = [
        ("id", json!(i.id)),
        ("omrade", json!(i.omrade.as_str())),
        ("grupp", json!(grupp(i))),
        ("namn", json!(i.namn)),
    ];
    json_object(place.into_iter().chain(figures_json(i)))
}

/// `insats jamfor`: exit 0 with rows, 1 when nothing fits, 2 when insatser of several
/// names fit.
#[must_use]
pub fn run(catalog: &Catalog, args: &JamforArgs, out: &Out) -> ExitCode {
    let found = match resolve(catalog, &args.namn) {
        Resolved::One(n) => n,
        Resolved::Many(all) => {
            let mut names: Vec<&str> = all
                .iter()
                .filter_map(|&n| catalog.insatser.get(n))
                .map(|i| i.namn.as_str())
                .collect();
            let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
            if folded.iter().all(|f| *f == folded[0]) {
                all[0]
            } else {
                names.sort_unstable();
                names.dedup_by(|a, b| fold(a) == fold(b));
                let mut msg = format!(
                    "{} namn passar {:?}; ange ett av dem:",
                    names.len(),
                    sanitize(&args.namn)
                );
                for n in names.iter().take(30) {
                    let _ = write!(msg, "\n  {}", sanitize(n));
                }
                warn(&msg);
                return ExitCode::from(USAGE_OR_DATA);
            }
        }
        Resolved::Nothing => {
            warn(&format!(
                "ingen insats har id eller namn {:?} (sök med `insats search`)",
                sanitize(&args.namn)
            ));
            return ExitCode::from(NO_RESULT);
        }
    };
    let rows = same_name(catalog, found);
    let table = Table {
        columns: columns(),
        rows: rows.iter().map(|i| row(i)).collect(),
        flex: Some(1),
    };
    let sheets = [Sheet {
        name: "Jämförelse",
        table: &table,
    }];
    let delivery = Delivery {
        table: &table,
        sheets: &sheets,
        kalla: super::sheet::kalla(catalog),
    };
    // A table for reading has the name as its heading (the rows name areas and groups).
    let table_for_reading = args.output.is_none()
        && match args.format {
            None => out.tty,
            Some(f) => f == DataFormat::Table,
        };
    if let Some(i) = rows.first()
        && table_for_reading
    {
        let _ = emit(&format!("{}\n", out.bold(&sanitize(&i.namn))));
    }
    deliver(
        &delivery,
        || rows.iter().map(|i| json_row(i)).collect(),
        args.format,
        args.output.as_deref(),
        out,
    )
}
