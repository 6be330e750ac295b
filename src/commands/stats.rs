//! `insats stats`: the four figures per insats, sorted, and `--per-omrade`: per område the
//! number of insatser, the median and spread of each share, and the insatser most kommuner
//! give digitally, in enskild regi and utan biståndsbeslut.
//!
//! A share the source prints as `-` stays missing: it is left out of medians and quartiles
//! (and counted as `saknas`), and sorts last whichever the direction.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::out::{Column, Out, Table, number_machine, number_sv, sanitize, truncate};
use super::search::best_hits;
use super::sheet::Sheet;
use super::{
    Delivery, FIGURE_COLUMNS, NO_RESULT, deliver, emit, figure_cells, figures_cells, warn,
};
use crate::cli::{By, DataFormat, Matt, SortKey, StatsArgs};
use crate::model::{Catalog, Figure, Insats, Omrade};
use crate::search::Scope;
use crate::sort::swedish_key;

/// The figure of an insats for one measure.
#[must_use]
pub fn figure(i: &Insats, m: Matt) -> Figure {
    match m {
        Matt::Ges => i.ges,
        Matt::Digital => i.digital,
        Matt::Enskild => i.enskild,
        Matt::Utan => i.utan,
    }
}

/// The measure's name in TSV, CSV and JSON (the value `--sort` takes).
#[must_use]
pub fn matt_key(m: Matt) -> &'static str {
    match m {
        Matt::Ges => "ges",
        Matt::Digital => "digital",
        Matt::Enskild => "enskild",
        Matt::Utan => "utan",
    }
}

fn matt_title(m: Matt) -> &'static str {
    match m {
        Matt::Ges => "Ges",
        Matt::Digital => "Digitalt",
        Matt::Enskild => "Enskild regi",
        Matt::Utan => "Utan beslut",
    }
}

/// Order by the share of a measure (or its number of kommuner, by `key.by`), largest first
/// or smallest with `asc`, then by the other of the two in the same direction; missing
/// values last in both directions; ties in Swedish alphabetical order of the name.
#[must_use]
pub fn compare(a: &Insats, b: &Insats, key: SortKey, asc: bool) -> Ordering {
    let (fa, fb) = (figure(a, key.matt), figure(b, key.matt));
    let value = |f: Figure| match key.by {
        By::Andel => (f.andel.map(u32::from), f.antal),
        By::Antal => (f.antal, f.andel.map(u32::from)),
    };
    let ((xa, ya), (xb, yb)) = (value(fa), value(fb));
    let by_value = match (xa, xb) {
        (Some(x), Some(y)) => {
            let ord = x.cmp(&y).then(ya.cmp(&yb));
            if asc { ord } else { ord.reverse() }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_value.then_with(|| swedish_key(&a.namn).cmp(&swedish_key(&b.namn)))
}

/// The insatser of `insats stats` (without `--per-omrade`), in output order: those whose
/// names fit the query (in rank order) or all, in the område, given by at least
/// `--min-kommuner` kommuner, sorted, cut to `--top`.
#[must_use]
pub fn rows<'a>(catalog: &'a Catalog, args: &StatsArgs) -> Vec<&'a Insats> {
    let scope = args.omrade.map_or(Scope::All, |o| Scope::Omrade(o.0));
    let candidates: Vec<&Insats> = match args.query.as_deref() {
        Some(q) => best_hits(catalog, q, &scope)
            .into_iter()
            .filter_map(|n| catalog.insatser.get(n))
            .collect(),
        None => catalog.insatser.iter().collect(),
    };
    let mut rows: Vec<&Insats> = candidates
        .into_iter()
        .filter(|i| args.omrade.is_none_or(|o| o.0 == i.omrade))
        .filter(|i| {
            args.min_kommuner
                .is_none_or(|n| i.ges.antal.is_some_and(|a| a >= n))
        })
        .collect();
    if let Some(key) = args.sort {
        // Stable: equal rows keep source order.
        rows.sort_by(|a, b| compare(a, b, key, args.asc));
    }
    if let Some(top) = args.top {
        rows.truncate(usize::try_from(top).unwrap_or(usize::MAX));
    }
    rows
}

/// The name, its område, the four measures, the id.
fn columns() -> Vec<Column> {
    let name = [Column::text("namn", "Namn"), Column::omrade()];
    [&name[..], &FIGURE_COLUMNS, &[Column::id()]].concat()
}

fn row(i: &Insats) -> Vec<Option<String>> {
    let mut row = vec![Some(i.namn.clone()), Some(i.omrade.as_str().to_string())];
    row.extend(figures_cells(i));
    row.push(Some(i.id.clone()));
    row
}

fn json_row(i: &Insats) -> Value {
    let name = [
        ("id", json!(i.id)),
        ("omrade", json!(i.omrade.as_str())),
        ("namn", json!(i.namn)),
    ];
    super::json_object(name.into_iter().chain(super::figures_json(i)))
}

/// `insats stats`: exit 0 with rows, 1 without.
#[must_use]
pub fn run(catalog: &Catalog, args: &StatsArgs, out: &Out) -> ExitCode {
    if args.per_omrade {
        return run_per_omrade(catalog, args, out);
    }
    let rows = rows(catalog, args);
    let table = Table {
        columns: columns(),
        rows: rows.iter().map(|i| row(i)).collect(),
        flex: Some(0),
    };
    // The JSON values are built only when JSON is asked for.
    let json = || rows.iter().map(|i| json_row(i)).collect();
    let sheets = [Sheet {
        name: "Insatser",
        table: &table,
    }];
    let delivery = Delivery {
        table: &table,
        sheets: &sheets,
        kalla: super::sheet::kalla(catalog),
    };
    let code = deliver(&delivery, json, args.format, args.output.as_deref(), out);
    if rows.is_empty() {
        warn("inga insatser att visa");
        return ExitCode::from(NO_RESULT);
    }
    code
}

/// Median, quartiles and range of the shares present; `n` counts them, `saknas` the missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub n: usize,
    pub saknas: usize,
    /// `[min, q1, median, q3, max]`; `None` when no share is present.
    pub five: Option<[f64; 5]>,
}

/// The five-number summary of the present shares. Quartiles interpolate linearly between
/// the closest ranks (Excel's `KVARTIL.INK`, R's type 7).
#[must_use]
pub fn spread(shares: &[Option<u8>]) -> Spread {
    let mut v: Vec<f64> = shares.iter().flatten().map(|&x| f64::from(x)).collect();
    v.sort_by(f64::total_cmp);
    let five = (!v.is_empty()).then(|| {
        [
            quantile(&v, 0.0),
            quantile(&v, 0.25),
            quantile(&v, 0.5),
            quantile(&v, 0.75),
            quantile(&v, 1.0),
        ]
    });
    Spread {
        n: v.len(),
        saknas: shares.len() - v.len(),
        five,
    }
}

/// Quantile `q` of sorted, non-empty values by linear interpolation.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
#[allow(clippy::cast_sign_loss)]
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - h.floor()) * (sorted[hi] - sorted[lo])
}

/// How many insatser per measure the summary names.
const FLEST: usize = 3;

/// The insatser most kommuner give in a measure's way (by number of kommuner, then share,
/// then name); those with none or a missing count are left out.
#[must_use]
pub fn flest<'a>(insatser: &[&'a Insats], m: Matt, n: usize) -> Vec<&'a Insats> {
    let mut v: Vec<&Insats> = insatser
        .iter()
        .copied()
        .filter(|i| figure(i, m).antal.is_some_and(|a| a > 0))
        .collect();
    v.sort_by(|a, b| {
        let (fa, fb) = (figure(a, m), figure(b, m));
        fb.antal
            .cmp(&fa.antal)
            .then(fb.andel.cmp(&fa.andel))
            .then_with(|| swedish_key(&a.namn).cmp(&swedish_key(&b.namn)))
    });
    v.truncate(n);
    v
}

/// The summary of one område.
#[derive(Debug, Clone)]
pub struct OmradeSummary<'a> {
    pub omrade: Omrade,
    pub insatser: usize,
    /// Per measure, in [`Matt::ALL`] order: the spread of its shares and the insatser most
    /// kommuner give that way.
    pub matt: Vec<(Matt, Spread, Vec<&'a Insats>)>,
    /// Names that occur more than once in the område (for different target groups).
    pub duplicated: Vec<String>,
}

/// The summaries of every område (or of one), in source order.
#[must_use]
pub fn per_omrade(catalog: &Catalog, only: Option<Omrade>) -> Vec<OmradeSummary<'_>> {
    Omrade::ALL
        .into_iter()
        .filter(|o| only.is_none_or(|w| w == *o))
        .map(|omrade| {
            let ins: Vec<&Insats> = catalog.in_omrade(omrade).collect();
            let matt = Matt::ALL
                .into_iter()
                .map(|m| {
                    let shares: Vec<Option<u8>> = ins.iter().map(|i| figure(i, m).andel).collect();
                    (m, spread(&shares), flest(&ins, m, FLEST))
                })
                .collect();
            let mut names: Vec<&str> = ins.iter().map(|i| i.namn.as_str()).collect();
            names.sort_unstable();
            let mut duplicated: Vec<String> = names
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| w[0].to_string())
                .collect();
            duplicated.dedup();
            OmradeSummary {
                omrade,
                insatser: ins.len(),
                matt,
                duplicated,
            }
        })
        .filter(|s| s.insatser > 0)
        .collect()
}

const PER_OMRADE_COLUMNS: [Column; 14] = [
    Column::text("omrade", "Område"),
    Column::number("insatser", "Insatser"),
    Column::text("matt", "Mått"),
    Column::number("n", "n"),
    Column::number("saknas", "Saknas"),
    Column::number("min", "Min"),
    Column::number("q1", "Q1"),
    Column::number("median", "Median"),
    Column::number("q3", "Q3"),
    Column::number("max", "Max"),
    Column::text("flest_id", "Flest id"),
    Column::text("flest_namn", "Flest namn"),
    Column::number("flest_antal", "Flest antal"),
    Column::share("flest_andel", "Flest %"),
];

/// One row per (område, measure), with the single insats most kommuner give that way.
fn per_omrade_table(summaries: &[OmradeSummary<'_>]) -> Table {
    let mut rows = Vec::new();
    for s in summaries {
        for (m, sp, top) in &s.matt {
            let mut row = vec![
                Some(s.omrade.as_str().to_string()),
                Some(s.insatser.to_string()),
                Some(matt_key(*m).to_string()),
                Some(sp.n.to_string()),
                Some(sp.saknas.to_string()),
            ];
            match sp.five {
                Some(five) => row.extend(five.iter().map(|&x| Some(number_machine(x)))),
                None => row.extend([None, None, None, None, None]),
            }
            match top.first() {
                Some(i) => {
                    row.push(Some(i.id.clone()));
                    row.push(Some(i.namn.clone()));
                    row.extend(figure_cells(figure(i, *m)));
                }
                None => row.extend([None, None, None, None]),
            }
            rows.push(row);
        }
    }
    Table {
        columns: PER_OMRADE_COLUMNS.to_vec(),
        rows,
        flex: None,
    }
}

fn per_omrade_json(summaries: &[OmradeSummary<'_>]) -> Vec<Value> {
    summaries
        .iter()
        .map(|s| {
            let mut matt = serde_json::Map::new();
            for (m, sp, top) in &s.matt {
                let five = sp.five.map_or([None; 5], |f| f.map(Some));
                matt.insert(
                    matt_key(*m).to_string(),
                    json!({
                        "n": sp.n,
                        "saknas": sp.saknas,
                        "min": five[0],
                        "q1": five[1],
                        "median": five[2],
                        "q3": five[3],
                        "max": five[4],
                        "flest": top.iter().map(|i| {
                            let f = figure(i, *m);
                            json!({ "id": i.id, "namn": i.namn, "antal": f.antal, "andel": f.andel })
                        }).collect::<Vec<_>>(),
                    }),
                );
            }
            json!({
                "omrade": s.omrade.as_str(),
                "insatser": s.insatser,
                "matt": matt,
            })
        })
        .collect()
}

/// The summary for reading: per område a small table of the spreads and the insatser most
/// kommuner give digitally, in enskild regi and utan biståndsbeslut.
fn per_omrade_text(summaries: &[OmradeSummary<'_>], out: &Out) -> String {
    let mut s = String::new();
    for (k, sum) in summaries.iter().enumerate() {
        if k > 0 {
            s.push('\n');
        }
        s.push_str(&out.bold(&format!(
            "Verksamhetsområde {}: {} insatser",
            sum.omrade.as_str(),
            sum.insatser
        )));
        s.push('\n');
        let table = Table {
            columns: vec![
                Column::text("matt", "Andel (%)"),
                Column::number("n", "n"),
                Column::number("saknas", "saknas"),
                Column::number("min", "min"),
                Column::number("q1", "Q1"),
                Column::number("median", "median"),
                Column::number("q3", "Q3"),
                Column::number("max", "max"),
            ],
            rows: sum
                .matt
                .iter()
                .map(|(m, sp, _)| {
                    let mut row = vec![
                        Some(matt_title(*m).to_string()),
                        Some(sp.n.to_string()),
                        Some(sp.saknas.to_string()),
                    ];
                    match sp.five {
                        Some(five) => row.extend(five.iter().map(|&x| Some(number_sv(x)))),
                        None => row.extend([None, None, None, None, None]),
                    }
                    row
                })
                .collect(),
            flex: None,
        };
        for line in table
            .render_table(&Out {
                color: false,
                ..*out
            })
            .lines()
        {
            let _ = writeln!(s, "  {line}");
        }
        for (m, _, top) in &sum.matt {
            let label = match m {
                Matt::Ges => continue,
                Matt::Digital => "digitalt",
                Matt::Enskild => "i enskild regi",
                Matt::Utan => "utan biståndsbeslut",
            };
            let _ = writeln!(s, "  Flest kommuner {label}:");
            if top.is_empty() {
                s.push_str("    (ingen)\n");
            }
            for i in top {
                let f = figure(i, *m);
                let share = f
                    .andel
                    .map_or_else(|| "-".to_string(), |p| format!("({p} %)"));
                let mut name = sanitize(&i.namn).into_owned();
                if let Some(g) = i
                    .grupp
                    .as_ref()
                    .filter(|_| sum.duplicated.contains(&i.namn))
                {
                    name = format!("{name} [{}]", sanitize(g));
                }
                let name = match out.width {
                    Some(w) => truncate(&name, w.saturating_sub(26).max(16)).into_owned(),
                    None => name,
                };
                let _ = writeln!(
                    s,
                    "    {:>3} kommuner {share:>7}  {name}",
                    f.antal.unwrap_or(0)
                );
            }
        }
    }
    s
}

fn run_per_omrade(catalog: &Catalog, args: &StatsArgs, out: &Out) -> ExitCode {
    let summaries = per_omrade(catalog, args.omrade.map(|o| o.0));
    let format = args
        .format
        .or_else(|| (args.output.is_none()).then(|| DataFormat::from(out.format(None))));
    let code = match format {
        Some(DataFormat::Table) if args.output.is_none() => {
            if summaries.is_empty() {
                ExitCode::SUCCESS
            } else {
                emit(&per_omrade_text(&summaries, out))
            }
        }
        format => {
            let table = per_omrade_table(&summaries);
            let sheets = [Sheet {
                name: "Per område",
                table: &table,
            }];
            let delivery = Delivery {
                table: &table,
                sheets: &sheets,
                kalla: super::sheet::kalla(catalog),
            };
            deliver(
                &delivery,
                || per_omrade_json(&summaries),
                format,
                args.output.as_deref(),
                out,
            )
        }
    };
    if summaries.is_empty() {
        warn("inga insatser att sammanfatta");
        return ExitCode::from(NO_RESULT);
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_leaves_missing_shares_out() {
        let s = spread(&[Some(10), None, Some(20), Some(40), None, Some(30)]);
        assert_eq!(s.n, 4);
        assert_eq!(s.saknas, 2);
        // 10 20 30 40: Q1 = 10 + 0.75 * 10, median 25, Q3 = 30 + 0.25 * 10.
        assert_eq!(s.five, Some([10.0, 17.5, 25.0, 32.5, 40.0]));
        // Treating the two dashes as 0 would give a median of 15.
        assert_eq!(spread(&[None, None]).five, None);
        assert_eq!(spread(&[Some(7)]).five, Some([7.0; 5]));
    }

    fn insats(namn: &str, digital: Figure) -> Insats {
        Insats {
            id: namn.to_lowercase(),
            omrade: Omrade::Aldre,
            sektion_nr: "2.1".into(),
            sektion: "S".into(),
            grupp: None,
            namn: namn.into(),
            namn_bilaga: None,
            ges: Figure::default(),
            digital,
            enskild: Figure::default(),
            utan: Figure::default(),
            forklaring: None,
            kalla: None,
            kallrad_000: 1,
            kallrad_001: 1,
        }
    }

    fn fig(antal: u32, andel: u8) -> Figure {
        Figure {
            antal: Some(antal),
            andel: Some(andel),
        }
    }

    #[test]
    fn missing_sorts_last_both_ways_and_ties_go_swedish() {
        let v = [
            insats("Öppen", fig(5, 50)),
            insats("Saknas", Figure::default()),
            insats("Zon", fig(5, 50)),
            insats("Liten", fig(1, 10)),
            insats("Ålder", fig(9, 50)),
        ];
        let order = |asc| {
            let mut r: Vec<&Insats> = v.iter().collect();
            r.sort_by(|a, b| compare(a, b, SortKey::new(Matt::Digital, By::Andel), asc));
            r.iter().map(|i| i.namn.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(order(false), ["Ålder", "Zon", "Öppen", "Liten", "Saknas"]);
        assert_eq!(order(true), ["Liten", "Zon", "Öppen", "Ålder", "Saknas"]);
    }

    #[test]
    fn flest_counts_kommuner_and_skips_none() {
        let a = insats("A", fig(3, 100));
        let b = insats("B", fig(40, 20));
        let c = insats("C", Figure::default());
        let d = insats("D", fig(0, 0));
        let top = flest(&[&a, &b, &c, &d], Matt::Digital, 3);
        let names: Vec<&str> = top.iter().map(|i| i.namn.as_str()).collect();
        assert_eq!(names, ["B", "A"]);
    }
}
