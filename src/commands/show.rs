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
use crate::cli::{ShowArgs, ShowFormat};
use crate::model::{Catalog, Figure, Insats, SKANE_PERIOD};
use crate::search::Scope;
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
    one_or_many(super::search::best_hits(catalog, arg, &Scope::All))
}

fn one_or_many(mut found: Vec<usize>) -> Resolved {
    match found.len() {
        0 => Resolved::Nothing,
        1 => Resolved::One(found.remove(0)),
        _ => Resolved::Many(found),
    }
}

/// `insats show`: one insats as text or JSON; `--omrade` picks among insatser that the
/// argument fits in several områden.
#[must_use]
pub fn run(catalog: &Catalog, args: &ShowArgs, out: &Out) -> ExitCode {
    let arg = args.id.as_str();
    let mut resolved = resolve(catalog, arg);
    if let Some(o) = args.omrade {
        let in_omrade = |n: &usize| catalog.insatser.get(*n).is_some_and(|i| i.omrade == o.0);
        resolved = match resolved {
            Resolved::One(n) if in_omrade(&n) => Resolved::One(n),
            Resolved::Many(found) => one_or_many(found.into_iter().filter(in_omrade).collect()),
            _ => Resolved::Nothing,
        };
    }
    match resolved {
        Resolved::One(n) => match catalog.insatser.get(n) {
            Some(i) => match args.format {
                ShowFormat::Text => emit(&text(catalog, i, out)),
                ShowFormat::Json => emit(&super::json_object_text(&show_json(catalog, i))),
            },
            None => ExitCode::from(USAGE_OR_DATA),
        },
        Resolved::Many(found) => {
            warn(&ambiguous(catalog, arg, &found));
            ExitCode::from(USAGE_OR_DATA)
        }
        Resolved::Nothing => {
            let place = args
                .omrade
                .map_or_else(String::new, |o| format!(" i {}", o.0.as_str()));
            warn(&format!(
                "ingen insats{place} har id eller namn {:?} (sök med `insats search`)",
                sanitize(arg)
            ));
            ExitCode::from(NO_RESULT)
        }
    }
}

/// The JSON of `show --format json`: the insats as in `export`, with the same insats in
/// other områden and groups (id, område, group, the four figures) and the numbers of the
/// indikatorer that concern it.
#[must_use]
pub fn show_json(catalog: &Catalog, i: &Insats) -> serde_json::Value {
    let mut v = super::insats_json(i);
    if let Some(o) = v.as_object_mut() {
        let elsewhere: Vec<serde_json::Value> = same_insats_elsewhere(catalog, i)
            .iter()
            .map(|o| {
                serde_json::json!({
                    "id": o.id,
                    "omrade": o.omrade.as_str(),
                    "grupp": o.grupp,
                    "ges": super::figure_json(o.ges),
                    "digital": super::figure_json(o.digital),
                    "enskild_regi": super::figure_json(o.enskild),
                    "utan_bistandsbeslut": super::figure_json(o.utan),
                })
            })
            .collect();
        o.insert("andra_omraden".into(), elsewhere.into());
        let indikatorer: Vec<u32> = catalog
            .indikatorer_for(&i.id)
            .iter()
            .map(|ind| ind.nummer)
            .collect();
        o.insert("indikatorer".into(), indikatorer.into());
    }
    v
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
    let mut s = format!("{} › {} {}", i.omrade.as_str(), i.sektion_nr, i.sektion);
    if let Some(g) = &i.grupp {
        s.push_str(" › ");
        s.push_str(g);
    }
    s
}

fn figure_text(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(1), Some(p)) => format!("  1 kommun ({p} %)"),
        (Some(1), None) => "  1 kommun".to_string(),
        (Some(a), Some(p)) => format!("{a:>3} kommuner ({p} %)"),
        (Some(a), None) => format!("{a:>3} kommuner"),
        _ => "  - (saknas i källan)".to_string(),
    }
}

/// The widest a paragraph is wrapped to, however wide the terminal: longer lines are hard to
/// read.
pub(crate) const MAX_TEXT_WIDTH: usize = 100;
const INDENT: &str = "  ";

/// Several lines of text, each sanitized, indented and wrapped at word boundaries to the
/// terminal's width (at most [`MAX_TEXT_WIDTH`]), or to 80 columns in a pipe, so that
/// `insats show … | less` reads the same.
fn block(s: &mut String, text: Option<&str>, out: &Out) {
    indented(s, text, INDENT, out);
}

/// [`block`] with another indent.
fn indented(s: &mut String, text: Option<&str>, indent: &str, out: &Out) {
    hanging(s, text, indent, indent, out);
}

/// A heading, wrapped like the text, each line in bold.
fn heading(s: &mut String, text: &str, out: &Out) {
    let mut wrapped = String::new();
    indented(&mut wrapped, Some(text), "", out);
    for line in wrapped.lines() {
        s.push_str(&out.bold(line));
        s.push('\n');
    }
}

/// [`block`] with the first line indented by `first` and the others by `rest`.
fn hanging(s: &mut String, text: Option<&str>, first: &str, rest: &str, out: &Out) {
    let Some(text) = text else {
        s.push_str(INDENT);
        s.push_str("(saknas i källan)\n");
        return;
    };
    let width = out.text_width().clamp(20, MAX_TEXT_WIDTH);
    for line in text.lines() {
        if !line.trim().is_empty() {
            s.push_str(&crate::text::wrap(line, width, first, rest).join("\n"));
        }
        s.push('\n');
    }
}

/// The text of one insats for a person to read.
#[must_use]
pub fn text(catalog: &Catalog, i: &Insats, out: &Out) -> String {
    let mut s = String::new();
    heading(&mut s, &sanitize(&i.namn), out);
    indented(&mut s, Some(&place(i)), "", out);
    let _ = writeln!(s, "id: {}\n", sanitize(&i.id));

    heading(&mut s, "Förklaring", out);
    block(&mut s, i.forklaring.as_deref(), out);
    s.push('\n');
    heading(&mut s, "Källa", out);
    block(&mut s, i.kalla.as_deref(), out);

    s.push('\n');
    heading(
        &mut s,
        "Hela landet, SKR:s kartläggning: antal kommuner (andel av dem som svarade)",
        out,
    );
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
        heading(
            &mut s,
            "Samma insats i andra områden och grupper (hela landet)",
            out,
        );
        for o in elsewhere {
            block(&mut s, Some(&place(o)), out);
            let _ = writeln!(s, "    id: {}", sanitize(&o.id));
            // Each figure with its label stays on one line: no-break spaces while wrapping.
            let line = figures_line(o)
                .replace(' ', "\u{a0}")
                .replace("\u{a0}·\u{a0}", " · ");
            let mut wrapped = String::new();
            indented(&mut wrapped, Some(&line), "    ", out);
            s.push_str(&wrapped.replace('\u{a0}', " "));
        }
    }

    let skane: Vec<_> = catalog
        .skane
        .iter()
        .filter(|r| r.insats_id == i.id)
        .collect();
    if !skane.is_empty() {
        s.push('\n');
        heading(
            &mut s,
            &format!(
                "Skåne län {SKANE_PERIOD}: ett annat mått, andel av de kommuner i Skåne som \
                 svarade (25)"
            ),
            out,
        );
        for r in skane {
            let place = format!("{}, plats {}", r.tabell.namn(), r.rang);
            indented(&mut s, Some(&place), INDENT, out);
            let share = format!(
                "{}: {} % ({} av {} svarande kommuner)",
                r.andel_rubrik, r.andel, r.antal, r.antal_svarande
            );
            indented(&mut s, Some(&share), "    ", out);
        }
    }

    let indikatorer = catalog.indikatorer_for(&i.id);
    if !indikatorer.is_empty() {
        s.push('\n');
        heading(
            &mut s,
            "Indikatorer som gäller insatsen (Socialstyrelsen, öppna jämförelser 2019)",
            out,
        );
        for ind in indikatorer {
            let first = format!("  {:>2}  ", ind.nummer);
            hanging(&mut s, Some(&ind.titel), &first, "      ", out);
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
