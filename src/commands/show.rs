//! `insats show ID|NAMN`: one insats for a person to read.
//!
//! An argument is resolved in this order: an exact id; a name equal to the argument after
//! folding case and diacritics (the results table's name or the appendix's); else the
//! app's search, keeping the hits of its best kind. One insats is shown; several are listed
//! with their ids on stderr (exit 2: the argument does not pick out one insats); none is
//! "no result" (exit 1).

use std::fmt::Write as _;
use std::process::ExitCode;

use super::out::{Out, sanitize};
use super::{NO_RESULT, USAGE_OR_DATA, emit, figure_cells, warn};
use crate::model::{Catalog, Figure, Insats, SKANE_PERIOD};
use crate::search::{Scope, SearchIndex};
use crate::sort::fold;

/// How an argument of `insats show` resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Exactly one insats: its index in the catalogue.
    One(usize),
    /// Several: their indices, best first.
    Many(Vec<usize>),
    /// None.
    Nothing,
}

/// Find the insats an argument names (see the module docs).
#[must_use]
pub fn resolve(catalog: &Catalog, arg: &str) -> Resolved {
    let arg = arg.trim();
    if let Some(i) = catalog.position(arg) {
        return Resolved::One(i);
    }
    let wanted = fold(arg);
    let same_name: Vec<usize> = catalog
        .insatser
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            fold(&i.namn) == wanted || i.namn_bilaga.as_deref().is_some_and(|b| fold(b) == wanted)
        })
        .map(|(n, _)| n)
        .collect();
    if !same_name.is_empty() {
        return one_or_many(same_name);
    }
    let hits = SearchIndex::new(catalog).search(arg, &Scope::All);
    let Some(best) = hits.first().map(|h| h.kind) else {
        return Resolved::Nothing;
    };
    one_or_many(
        hits.iter()
            .take_while(|h| h.kind == best)
            .map(|h| h.index)
            .collect(),
    )
}

fn one_or_many(mut found: Vec<usize>) -> Resolved {
    match found.len() {
        0 => Resolved::Nothing,
        1 => Resolved::One(found.remove(0)),
        _ => Resolved::Many(found),
    }
}

/// `insats show`.
#[must_use]
pub fn run(catalog: &Catalog, arg: &str, out: &Out) -> ExitCode {
    match resolve(catalog, arg) {
        Resolved::One(n) => match catalog.insatser.get(n) {
            Some(i) => emit(&text(catalog, i, out)),
            None => ExitCode::from(USAGE_OR_DATA),
        },
        Resolved::Many(found) => {
            warn(&ambiguous(catalog, arg, &found));
            ExitCode::from(USAGE_OR_DATA)
        }
        Resolved::Nothing => {
            warn(&format!(
                "ingen insats har id eller namn {arg:?} (sök med `insats search`)"
            ));
            ExitCode::from(NO_RESULT)
        }
    }
}

/// Most candidates listed for an ambiguous argument.
const MAX_LISTED: usize = 30;

/// The message for an argument that fits several insatser: one line per insats with its id.
#[must_use]
pub fn ambiguous(catalog: &Catalog, arg: &str, found: &[usize]) -> String {
    let mut s = format!(
        "{} insatser passar {:?}; ange ett av dessa id:",
        found.len(),
        sanitize(arg)
    );
    let listed: Vec<&Insats> = found
        .iter()
        .filter_map(|&n| catalog.insatser.get(n))
        .take(MAX_LISTED)
        .collect();
    let width = listed.iter().map(|i| i.id.len()).max().unwrap_or(0);
    for i in &listed {
        let _ = write!(
            s,
            "\n  {:<width$}  {} — {}",
            i.id,
            sanitize(&i.namn),
            sanitize(&place(i))
        );
    }
    if found.len() > listed.len() {
        let _ = write!(
            s,
            "\n  … och {} till (se `insats search`)",
            found.len() - listed.len()
        );
    }
    s
}

/// Område › section › group.
fn place(i: &Insats) -> String {
    let mut s = format!("{} › {} {}", i.omrade.title(), i.sektion_nr, i.sektion);
    if let Some(g) = &i.grupp {
        s.push_str(" › ");
        s.push_str(g);
    }
    s
}

fn figure_text(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(a), Some(p)) => format!("{a:>3} kommuner ({p} %)"),
        (Some(a), None) => format!("{a:>3} kommuner"),
        _ => "  - (saknas i källan)".to_string(),
    }
}

/// The widest a paragraph is wrapped to on a terminal.
const MAX_TEXT_WIDTH: usize = 100;
const INDENT: &str = "  ";

/// Several lines of text, each sanitized, indented and, on a terminal, wrapped at word
/// boundaries to the terminal's width (at most [`MAX_TEXT_WIDTH`]).
fn block(s: &mut String, text: Option<&str>, out: &Out) {
    let Some(text) = text else {
        s.push_str(INDENT);
        s.push_str("(saknas i källan)\n");
        return;
    };
    let width = out
        .width
        .map(|w| w.min(MAX_TEXT_WIDTH).saturating_sub(INDENT.len()).max(20));
    for line in text.lines() {
        let line = sanitize(line);
        let wrapped = match width {
            Some(w) => wrap(&line, w),
            None => vec![line.into_owned()],
        };
        for part in wrapped {
            s.push_str(INDENT);
            s.push_str(&part);
            s.push('\n');
        }
    }
}

/// Break `line` at spaces into pieces at most `width` columns wide (a longer word stands
/// alone on its line).
#[must_use]
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        if !current.is_empty() && current.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The text of one insats for a person to read.
#[must_use]
pub fn text(catalog: &Catalog, i: &Insats, out: &Out) -> String {
    let mut s = String::new();
    s.push_str(&out.bold(&sanitize(&i.namn)));
    s.push('\n');
    s.push_str(&sanitize(&place(i)));
    let _ = writeln!(s, "\nid: {}\n", sanitize(&i.id));

    s.push_str(&out.bold("Förklaring"));
    s.push('\n');
    block(&mut s, i.forklaring.as_deref(), out);
    s.push('\n');
    s.push_str(&out.bold("Källa"));
    s.push('\n');
    block(&mut s, i.kalla.as_deref(), out);

    s.push('\n');
    s.push_str(
        &out.bold("Hela landet, SKR:s kartläggning: antal kommuner (andel av dem som svarade)"),
    );
    s.push('\n');
    for (label, f) in [
        ("Ges", i.ges),
        ("Digitalt", i.digital),
        ("I enskild regi", i.enskild),
        ("Utan biståndsbeslut", i.utan),
    ] {
        let _ = writeln!(s, "  {label:<20} {}", figure_text(f));
    }

    let elsewhere = same_insats_elsewhere(catalog, i);
    if !elsewhere.is_empty() {
        s.push('\n');
        s.push_str(&out.bold("Samma insats i andra områden och grupper (hela landet)"));
        s.push('\n');
        for o in elsewhere {
            block(&mut s, Some(&place(o)), out);
            let _ = writeln!(s, "    id: {}", sanitize(&o.id));
            let _ = writeln!(s, "    {}", figures_line(o));
        }
    }

    let skane: Vec<_> = catalog
        .skane
        .iter()
        .filter(|r| r.insats_id == i.id)
        .collect();
    if !skane.is_empty() {
        s.push('\n');
        s.push_str(&out.bold(&format!(
            "Skåne län {SKANE_PERIOD}: ett annat mått, andel av de kommuner i Skåne som svarade (25)"
        )));
        s.push('\n');
        for r in skane {
            let _ = writeln!(
                s,
                "  {}, plats {}\n    {}: {} % ({} av {} svarande kommuner)",
                sanitize(r.tabell.namn()),
                r.rang,
                sanitize(&r.andel_rubrik),
                r.andel,
                r.antal,
                r.antal_svarande
            );
        }
    }

    let indikatorer = catalog.indikatorer_for(&i.id);
    if !indikatorer.is_empty() {
        s.push('\n');
        s.push_str(
            &out.bold("Indikatorer som gäller insatsen (Socialstyrelsen, öppna jämförelser 2019)"),
        );
        s.push('\n');
        for ind in indikatorer {
            let _ = writeln!(s, "  {:>2}  {}", ind.nummer, sanitize(&ind.titel));
        }
    }
    s
}

/// Other insatser with the same name (after folding case and diacritics), in source order.
#[must_use]
pub fn same_insats_elsewhere<'a>(catalog: &'a Catalog, i: &Insats) -> Vec<&'a Insats> {
    let name = fold(&i.namn);
    catalog
        .insatser
        .iter()
        .filter(|o| o.id != i.id && fold(&o.namn) == name)
        .collect()
}

/// The four figures on one line: `Ges 194 (83 %) · Digitalt 140 (75 %) · …`.
fn figures_line(i: &Insats) -> String {
    [
        ("Ges", i.ges),
        ("Digitalt", i.digital),
        ("Enskild regi", i.enskild),
        ("Utan beslut", i.utan),
    ]
    .iter()
    .map(|&(label, f)| {
        let value = match figure_cells(f) {
            [Some(a), Some(p)] => format!("{a} ({p} %)"),
            [Some(a), None] => a,
            _ => "-".to_string(),
        };
        format!("{label} {value}")
    })
    .collect::<Vec<_>>()
    .join(" · ")
}
