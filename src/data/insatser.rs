//! `data/insatser.csv`: one row per insats, the columns documented in `data/README.md`.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::Arc;

use super::DataError;
use super::rows::{Row, Table};
use crate::model::shown;
use crate::model::{Figure, Insats, Omrade};

/// File name inside a data directory.
pub const FILE_NAME: &str = "insatser.csv";

/// The columns, in order.
pub const COLUMNS: [&str; 19] = [
    "id",
    "omrade",
    "sektion_nr",
    "sektion",
    "grupp",
    "namn",
    "namn_bilaga",
    "ges_antal",
    "ges_andel",
    "digital_antal",
    "digital_andel",
    "enskild_antal",
    "enskild_andel",
    "utan_antal",
    "utan_andel",
    "forklaring",
    "kalla",
    "kallrad_000",
    "kallrad_001",
];

// The columns' places in [`COLUMNS`]: a row's fields are looked up by index.
const ID: usize = 0;
const OMRADE: usize = 1;
const SEKTION_NR: usize = 2;
const SEKTION: usize = 3;
const GRUPP: usize = 4;
const NAMN: usize = 5;
const NAMN_BILAGA: usize = 6;
const GES: usize = 7;
const DIGITAL: usize = 9;
const ENSKILD: usize = 11;
const UTAN: usize = 13;
const FORKLARING: usize = 15;
const KALLA: usize = 16;
const KALLRAD_000: usize = 17;
const KALLRAD_001: usize = 18;

/// Upper bound for any count: Sweden has 290 kommuner.
pub const MAX_KOMMUNER: u32 = 290;

/// Serialize insatser as CSV with the header row, in the given order.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write>(out: W, insatser: &[Insats]) -> csv::Result<()> {
    super::rows::write_csv(out, &COLUMNS, insatser, |w, i| {
        let num = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        let pct = |v: Option<u8>| v.map(|n| n.to_string()).unwrap_or_default();
        let figs = [i.ges, i.digital, i.enskild, i.utan];
        let mut rec: Vec<String> = vec![
            i.id.clone(),
            i.omrade.as_str().to_string(),
            i.sektion_nr.to_string(),
            i.sektion.to_string(),
            i.grupp.as_deref().unwrap_or_default().to_string(),
            i.namn.clone(),
            i.namn_bilaga.clone().unwrap_or_default(),
        ];
        for f in figs {
            rec.push(num(f.antal));
            rec.push(pct(f.andel));
        }
        rec.push(i.forklaring.as_deref().unwrap_or_default().to_string());
        rec.push(i.kalla.as_deref().unwrap_or_default().to_string());
        rec.push(i.kallrad_000.to_string());
        rec.push(i.kallrad_001.to_string());
        w.write_record(&rec)?;
        Ok(())
    })
}

/// Parse the text of `insatser.csv`; `file` is used in error messages only.
///
/// # Errors
/// A [`DataError`] naming file, line and field for the first problem found.
pub fn parse(text: &(impl AsRef<[u8]> + ?Sized), file: &Path) -> Result<Vec<Insats>, DataError> {
    from_table(Table::open(text.as_ref(), file, &COLUMNS)?)
}

/// Read the `insatser.csv` at `file` a part at a time, as [`parse`] reads its text: a large
/// catalogue is never in memory twice, as text and as insatser.
///
/// # Errors
/// [`DataError::Io`] when the file cannot be read, else as [`parse`].
pub fn read(file: &Path) -> Result<Vec<Insats>, DataError> {
    from_table(Table::open_file(file, &COLUMNS)?)
}

fn from_table<R: std::io::Read + Send>(table: Table<'_, R>) -> Result<Vec<Insats>, DataError> {
    let mut out: Vec<Insats> = Vec::new();
    // The ids seen, by a hash of the id: where in `out` it is. Ids whose hash is another
    // id's too are also kept as strings, in `collided`.
    let mut seen: HashMap<u64, usize, BuildHasherDefault<HashIsKey>> = HashMap::default();
    let mut collided: HashSet<String> = HashSet::new();
    let mut shared = Shared::default();
    table.for_each_row(|row| {
        let insats = insats(row, &mut shared)?;
        let first = match seen.entry(id_hash(&insats.id)) {
            Entry::Vacant(v) => {
                v.insert(out.len());
                true
            }
            Entry::Occupied(o) => {
                out[*o.get()].id != insats.id && collided.insert(insats.id.clone())
            }
        };
        if !first {
            return Err(row.error(
                "id",
                format!("id {:?} finns redan på en tidigare rad", shown(&insats.id)),
            ));
        }
        out.push(insats);
        Ok(())
    })?;
    Ok(out)
}

/// A quick 64-bit hash of an id (FNV-1a's step, eight bytes at a time): the duplicate check (and [`Shared`]) needs no
/// protection against chosen collisions, only speed over 100 000 rows; a collision is
/// still told apart.
fn id_hash(id: &str) -> u64 {
    // Eight bytes at a time, then the rest one by one.
    let step = |h: u64, v: u64| (h ^ v).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    let mut chunks = id.as_bytes().chunks_exact(8);
    let h = chunks.by_ref().fold(0xcbf2_9ce4_8422_2325, |h, c| {
        step(h, u64::from_le_bytes(c.try_into().unwrap_or_default()))
    });
    let h = chunks
        .remainder()
        .iter()
        .fold(h, |h, &b| step(h, u64::from(b)));
    step(h, id.len() as u64)
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct HashIsKey(u64);

impl Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The first of the two columns of one figure, antal; andel is the one after it.
fn figure(row: &Row<'_>, antal: usize) -> Result<Figure, DataError> {
    let count = row.optional_number(antal, MAX_KOMMUNER)?;
    let andel = row
        .optional_number(antal + 1, 100)?
        .and_then(|n| u8::try_from(n).ok());
    Ok(Figure {
        antal: count,
        andel,
    })
}

/// The texts that many insatser share (section, group, källa): one string per text, so
/// that 100 000 insatser do not hold 100 000 copies of a few hundred headings.
#[derive(Default)]
struct Shared(HashMap<u64, Arc<str>, BuildHasherDefault<HashIsKey>>);

impl Shared {
    fn get(&mut self, v: &str) -> Arc<str> {
        let h = id_hash(v);
        match self.0.get(&h) {
            Some(s) if **s == *v => Arc::clone(s),
            // A text seen for the first time (or, rarely, another text's hash): its own.
            _ => {
                let s: Arc<str> = v.into();
                self.0.entry(h).or_insert_with(|| Arc::clone(&s));
                s
            }
        }
    }

    fn required(&mut self, row: &Row<'_>, field: usize) -> Result<Arc<str>, DataError> {
        row.required_str(field).map(|v| self.get(v))
    }

    fn optional(&mut self, row: &Row<'_>, field: usize) -> Option<Arc<str>> {
        row.optional_str(field).map(|v| self.get(v))
    }
}

fn insats(row: &Row<'_>, shared: &mut Shared) -> Result<Insats, DataError> {
    let omrade: Omrade = row
        .required(OMRADE)?
        .parse()
        .map_err(|e: crate::model::UnknownOmrade| row.error("omrade", e.to_string()))?;
    Ok(Insats {
        id: row.required(ID)?,
        omrade,
        sektion_nr: shared.required(row, SEKTION_NR)?,
        sektion: shared.required(row, SEKTION)?,
        grupp: shared.optional(row, GRUPP),
        namn: row.required(NAMN)?,
        namn_bilaga: row.optional(NAMN_BILAGA),
        ges: figure(row, GES)?,
        digital: figure(row, DIGITAL)?,
        enskild: figure(row, ENSKILD)?,
        utan: figure(row, UTAN)?,
        forklaring: row.optional_shared(FORKLARING),
        kalla: shared.optional(row, KALLA),
        kallrad_000: row.number(KALLRAD_000, 1, u32::MAX)?,
        kallrad_001: row.number(KALLRAD_001, 1, u32::MAX)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_indices_name_the_columns() {
        for (i, name) in [
            (ID, "id"),
            (OMRADE, "omrade"),
            (SEKTION_NR, "sektion_nr"),
            (SEKTION, "sektion"),
            (GRUPP, "grupp"),
            (NAMN, "namn"),
            (NAMN_BILAGA, "namn_bilaga"),
            (GES, "ges_antal"),
            (GES + 1, "ges_andel"),
            (DIGITAL, "digital_antal"),
            (DIGITAL + 1, "digital_andel"),
            (ENSKILD, "enskild_antal"),
            (ENSKILD + 1, "enskild_andel"),
            (UTAN, "utan_antal"),
            (UTAN + 1, "utan_andel"),
            (FORKLARING, "forklaring"),
            (KALLA, "kalla"),
            (KALLRAD_000, "kallrad_000"),
            (KALLRAD_001, "kallrad_001"),
        ] {
            assert_eq!(COLUMNS[i], name);
        }
    }

    #[test]
    fn an_id_twice_is_found_on_the_row_it_repeats_on() {
        let rows = |ids: &[&str]| {
            let mut text = COLUMNS.join(",");
            text.push('\n');
            for id in ids {
                text.push_str(&format!("{id},äldre,1.1,S,,Namn {id},,,,,,,,,,,,1,1\n"));
            }
            parse(&text, Path::new("insatser.csv"))
        };
        assert_eq!(rows(&["a", "b", "c"]).expect("three ids").len(), 3);
        let err = rows(&["a", "b", "a"]).expect_err("a twice").to_string();
        assert!(err.contains("finns redan"), "{err}");
        assert!(err.contains(":4:"), "{err}");
    }
}
