//! Compiles the embedded catalogue into insats: reads `data/insatser.csv` when insats is
//! built and writes, into `OUT_DIR`, the insatser as static data (`embedded_insatser.rs`,
//! included by `src/data/embedded.rs`) and their search keys (`embedded_index.rs`, included
//! by `src/search/embedded.rs`), folded by the same code the search uses at run time
//! (`src/sort.rs` and `src/search/keys.rs`, included here). So `insats search` on the
//! embedded data parses no CSV and builds no index. `data/indikatorer.csv` and
//! `data/indikator_fragor.csv`, `data/lagesrapport.csv` and `data/kopplingar.csv` are
//! written as static arrays of their rows' fields (`embedded_indikatorer.rs`, …), which
//! `src/data/embedded.rs` makes into the model without parsing CSV at start.
//!
//! `data/*.csv` stays the one source: nothing generated is checked in, and a test compares
//! what is compiled in with what the CSV loader reads from the same files (`data::embedded`
//! and `search::embedded`). This reads the file without the loader's checks; those tests
//! and the extractor's `--check` are what keep the file right.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/sort.rs"]
mod sort;

#[allow(dead_code)]
#[path = "src/search/keys.rs"]
mod keys;

/// The områden as stored in the CSV, and their `Omrade` variants.
const OMRADEN: [(&str, &str); 6] = [
    ("äldre", "Aldre"),
    ("barn och unga", "BarnOchUnga"),
    ("funktionshinder", "Funktionshinder"),
    ("missbruk och beroende", "MissbrukOchBeroende"),
    ("socialpsykiatri", "Socialpsykiatri"),
    ("våld i nära relationer", "ValdINaraRelationer"),
];

struct Row {
    fields: Vec<String>,
    header: Vec<String>,
}

impl Row {
    fn get(&self, name: &str) -> &str {
        let i = self
            .header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("data/insatser.csv: kolumnen {name} saknas"));
        &self.fields[i]
    }

    /// As the loader's `optional`: `None` for a blank field, else the field as it is.
    fn optional(&self, name: &str) -> Option<&str> {
        let v = self.get(name);
        (!v.trim().is_empty()).then_some(v)
    }

    fn number(&self, name: &str) -> Option<u32> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("data/insatser.csv: {name} {v:?} är inget tal"))
        })
    }
}

fn option_str(v: Option<&str>) -> String {
    v.map_or_else(|| "None".to_string(), |s| format!("Some({s:?})"))
}

fn option_cow(v: Option<&str>) -> String {
    v.map_or_else(
        || "None".to_string(),
        |s| format!("Some(Cow::Borrowed({s:?}))"),
    )
}

fn option_num(v: Option<u32>) -> String {
    v.map_or_else(|| "None".to_string(), |n| format!("Some({n})"))
}

fn main() {
    let csv_path = Path::new("data/insatser.csv");
    for f in [
        "data/insatser.csv",
        "data/indikatorer.csv",
        "data/indikator_fragor.csv",
        "data/lagesrapport.csv",
        "data/kopplingar.csv",
        "src/sort.rs",
        "src/search/keys.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(csv_path)
        .expect("data/insatser.csv kan läsas");
    let header: Vec<String> = reader
        .headers()
        .expect("data/insatser.csv har en rubrikrad")
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<Row> = reader
        .records()
        .map(|r| Row {
            fields: r
                .expect("data/insatser.csv: hel CSV-rad")
                .iter()
                .map(str::to_string)
                .collect(),
            header: header.clone(),
        })
        .collect();

    let mut insatser = String::new();
    let mut index = String::new();
    writeln!(insatser, "&[").expect("string");
    writeln!(index, "pub(super) static ENTRIES: &[Entry] = &[").expect("string");
    // The distinct places (område, section, group), in the order first met, as
    // `SearchIndex::places` finds them.
    let mut places: Vec<(String, String, Option<String>)> = Vec::new();
    for row in &rows {
        let omrade = OMRADEN
            .iter()
            .find(|(csv, _)| *csv == row.get("omrade"))
            .map(|(_, variant)| *variant)
            .unwrap_or_else(|| panic!("data/insatser.csv: okänt område {:?}", row.get("omrade")));
        let figure = |antal: &str, andel: &str| {
            format!(
                "Figure {{ antal: {}, andel: {} }}",
                option_num(row.number(antal)),
                option_num(row.number(andel))
            )
        };
        writeln!(
            insatser,
            "RawInsats {{ id: {:?}, omrade: Omrade::{omrade}, sektion_nr: {:?}, sektion: {:?}, \
             grupp: {}, namn: {:?}, namn_bilaga: {}, ges: {}, digital: {}, enskild: {}, \
             utan: {}, forklaring: {}, kalla: {}, kallrad_000: {}, kallrad_001: {} }},",
            row.get("id"),
            row.get("sektion_nr"),
            row.get("sektion"),
            option_str(row.optional("grupp")),
            row.get("namn"),
            option_str(row.optional("namn_bilaga")),
            figure("ges_antal", "ges_andel"),
            figure("digital_antal", "digital_andel"),
            figure("enskild_antal", "enskild_andel"),
            figure("utan_antal", "utan_andel"),
            option_str(row.optional("forklaring")),
            option_str(row.optional("kalla")),
            row.number("kallrad_000").unwrap_or(0),
            row.number("kallrad_001").unwrap_or(0),
        )
        .expect("string");

        // The same keys as `Entry::new` in src/search.rs.
        let namn = row.get("namn");
        let (name, origin) = keys::fold_with_origin(namn);
        let origin = origin.map_or_else(
            || "None".to_string(),
            |o| format!("Some(Cow::Borrowed(&{o:?}))"),
        );
        let bilaga = row.optional("namn_bilaga").map(sort::fold);
        let bilaga = bilaga.map_or_else(
            || "None".to_string(),
            |b| {
                format!(
                    "Some(Key {{ text: Cow::Borrowed({b:?}), chars: CharSet({:#x}) }})",
                    keys::CharSet::of(&b).0
                )
            },
        );
        let (forklaring_starts, forklaring_other) = row
            .optional("forklaring")
            .map(keys::forklaring_keys)
            .unwrap_or_default();
        let key = (
            omrade.to_string(),
            row.get("sektion_nr").to_string(),
            row.optional("grupp").map(str::to_string),
        );
        let place = places.iter().position(|p| *p == key).unwrap_or_else(|| {
            places.push(key);
            places.len() - 1
        });
        let abbreviations: Vec<String> = keys::abbreviations(namn)
            .into_iter()
            .map(|a| {
                format!(
                    "Abbreviation {{ folded: Cow::Borrowed({:?}), chars: {}..{}, kind: MatchKind::{} }}",
                    sort::fold(&a.text),
                    a.chars.start,
                    a.chars.end,
                    if a.parenthesis {
                        "Abbreviation"
                    } else {
                        "AbbreviationWord"
                    }
                )
            })
            .collect();
        writeln!(
            index,
            "Entry {{ \
             place: {place}, name: Folded {{ text: Cow::Borrowed({name:?}), origin: {origin} }}, \
             name_starts: {:#x}, name_chars: CharSet({:#x}), bilaga: {bilaga}, \
             forklaring_starts: CharSet({:#x}), forklaring_other: CharSet({:#x}), \
             abbreviations: Cow::Borrowed(&[{}]) }},",
            keys::word_start_mask(&name),
            keys::CharSet::of(&name).0,
            forklaring_starts.0,
            forklaring_other.0,
            abbreviations.join(", "),
        )
        .expect("string");
    }
    writeln!(insatser, "]").expect("string");
    writeln!(index, "];").expect("string");
    writeln!(index, "pub(super) static PLACES: &[Place] = &[").expect("string");
    for (omrade, sektion_nr, grupp) in places {
        writeln!(
            index,
            "Place {{ omrade: Omrade::{omrade}, sektion_nr: Cow::Borrowed({sektion_nr:?}), \
             grupp: {} }},",
            option_cow(grupp.as_deref())
        )
        .expect("string");
    }
    writeln!(index, "];").expect("string");

    // Each insats's place in Swedish alphabetical order of the names, ties in source order.
    let mut order: Vec<(String, usize)> = rows
        .iter()
        .enumerate()
        .map(|(n, r)| (sort::swedish_key(r.get("namn")), n))
        .collect();
    order.sort_unstable();
    let mut rank = vec![0u32; order.len()];
    for (r, (_, n)) in order.into_iter().enumerate() {
        rank[n] = u32::try_from(r).expect("fewer than 2^32 insatser");
    }
    writeln!(index, "pub(super) static RANK: &[u32] = &{rank:?};").expect("string");

    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("embedded_insatser.rs"), insatser).expect("writes OUT_DIR");
    std::fs::write(out.join("embedded_index.rs"), index).expect("writes OUT_DIR");
    for name in [
        "indikatorer",
        "indikator_fragor",
        "lagesrapport",
        "kopplingar",
    ] {
        let table = fields_table(&Path::new("data").join(format!("{name}.csv")));
        std::fs::write(out.join(format!("embedded_{name}.rs")), table).expect("writes OUT_DIR");
    }
}

/// The data rows of the CSV file at `path` as a static array of their fields, each as it
/// stands in the file: `src/data/embedded.rs` makes the model from them.
fn fields_table(path: &Path) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{} kan läsas: {e}", path.display()));
    let mut out = String::from("&[\n");
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{}: hel CSV-rad: {e}", path.display()));
        let fields: Vec<String> = record.iter().map(|f| format!("{f:?}")).collect();
        writeln!(out, "[{}],", fields.join(", ")).expect("string");
    }
    out.push(']');
    out
}
