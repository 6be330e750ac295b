//! `insats search`: the app's search box on the command line, through the same
//! [`SearchIndex`], so both rank alike.

use std::process::ExitCode;

use serde_json::Value;

use super::out::{Column, Out, Table};
use super::{NO_RESULT, figure_cells, render, warn};
use crate::cli::SearchArgs;
use crate::model::{Catalog, Insats};
use crate::search::{Hit, MatchKind, Scope, SearchIndex};

/// The kind of match, as written in the `traff` column and JSON field.
#[must_use]
pub fn kind_name(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Abbreviation => "forkortning",
        MatchKind::AbbreviationWord => "versalord",
        MatchKind::Name => "namn",
        MatchKind::Forklaring => "forklaring",
        MatchKind::Scattered => "spridda",
        MatchKind::Everything => "alla",
    }
}

const COLUMNS: [Column; 7] = [
    Column::number("rang", "Nr"),
    Column::text("namn", "Namn"),
    Column::omrade(),
    Column::number("ges_antal", "Ges"),
    Column::share("ges_andel", "%"),
    Column::text("traff", "Träff").machine_only(),
    Column::id(),
];

/// The hits for the arguments, best first, cut to `--limit`.
#[must_use]
pub fn hits(catalog: &Catalog, args: &SearchArgs) -> Vec<Hit> {
    hits_in(&SearchIndex::new(catalog), args)
}

fn hits_in(index: &SearchIndex, args: &SearchArgs) -> Vec<Hit> {
    let scope = args.omrade.map_or(Scope::All, |o| Scope::Omrade(o.0));
    let mut hits = index.search(&args.query, &scope);
    if let Some(limit) = args.limit {
        hits.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    hits
}

/// The insatser whose names fit `query` by the search's rules: the hits of the best kind
/// only (an abbreviation before a capitalised word before a name before a förklaring), in
/// rank order. An empty query keeps every insats in scope.
#[must_use]
pub fn best_hits(catalog: &Catalog, query: &str, scope: &Scope) -> Vec<usize> {
    let hits = SearchIndex::new(catalog).search(query, scope);
    let Some(best) = hits.first().map(|h| h.kind) else {
        return Vec::new();
    };
    hits.iter()
        .take_while(|h| h.kind == best)
        .map(|h| h.index)
        .collect()
}

fn row(rang: usize, hit: &Hit, i: &Insats) -> Vec<Option<String>> {
    let [antal, andel] = figure_cells(i.ges);
    vec![
        Some(rang.to_string()),
        Some(i.namn.clone()),
        Some(i.omrade.as_str().to_string()),
        antal,
        andel,
        Some(kind_name(hit.kind).to_string()),
        Some(i.id.clone()),
    ]
}

fn json(rang: usize, hit: &Hit, i: &Insats) -> Value {
    super::insats_json_with(
        i,
        [("rang", rang.into()), ("traff", kind_name(hit.kind).into())],
    )
}

/// `insats search`: exit 0 with hits, 1 without.
#[must_use]
pub fn run(catalog: &Catalog, args: &SearchArgs, out: &Out) -> ExitCode {
    let index = SearchIndex::new(catalog);
    let hits = hits_in(&index, args);
    // Its memory goes to the rows written next: with 100 000 insatser and a query most of
    // them match, the index and the table would not fit in 120 MB together.
    drop(index);
    let found: Vec<(usize, &Hit, &Insats)> = hits
        .iter()
        .enumerate()
        .filter_map(|(n, h)| catalog.insatser.get(h.index).map(|i| (n + 1, h, i)))
        .collect();
    let table = Table {
        columns: COLUMNS.to_vec(),
        rows: found.iter().map(|&(n, h, i)| row(n, h, i)).collect(),
        flex: Some(1),
    };
    // The JSON values are built only when JSON is asked for.
    let values = || found.iter().map(|&(n, h, i)| json(n, h, i)).collect();
    let code = render(&table, values, args.format, out);
    if !found.is_empty() {
        return code;
    }
    warn(&format!("ingen insats passar {:?}", args.query));
    ExitCode::from(NO_RESULT)
}
