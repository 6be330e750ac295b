//! Synthetic catalogues for benchmarks and scale checks: the real insatser first, then new
//! ones recombined from their names and förklaringar, so that searching behaves as it would
//! on a larger catalogue of the same kind of text.
//!
//! Nothing generated here is data about the real world: it exists to measure speed at 10 000
//! or 100 000 insatser. It is deterministic, so every run measures the same catalogue.

use std::collections::HashSet;

use crate::model::{Catalog, Insats};

/// A small deterministic generator (SplitMix64): no dependency, same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        usize::try_from(self.next() % n).unwrap_or(0)
    }
}

/// A catalogue of `rows` insatser: the real ones (as many as fit), then recombinations.
///
/// A recombined insats takes område, section, group, figures and källa from one real insats,
/// the first words of its name and the last words of another's, and likewise the first and
/// last sentences of their förklaringar. Ids are unique (`synt-N-…`). The Skåne rows and the
/// kopplingar to indikatorer are kept only when every insats they link to is in the result;
/// the indikatorer and the Lägesrapport are kept as they are.
#[must_use]
pub fn catalog(real: &Catalog, rows: usize) -> Catalog {
    let base = &real.insatser;
    let mut insatser: Vec<Insats> = base.iter().take(rows).cloned().collect();
    if !base.is_empty() {
        let mut rng = Rng(0x1f5a_75e7_2019_0409);
        for n in insatser.len()..rows {
            let a = &base[rng.below(base.len())];
            let b = &base[rng.below(base.len())];
            insatser.push(recombine(n, a, b, &mut rng));
        }
    }
    let ids: HashSet<&str> = insatser.iter().map(|i| i.id.as_str()).collect();
    let skane = if real
        .skane
        .iter()
        .all(|r| ids.contains(r.insats_id.as_str()))
    {
        real.skane.clone()
    } else {
        Vec::new()
    };
    // Links are kept where every linked insats is still there (the real ids are, at n ≥ 409).
    let kopplingar = if real
        .kopplingar
        .iter()
        .all(|k| ids.contains(k.insats_id.as_str()))
    {
        real.kopplingar.clone()
    } else {
        Vec::new()
    };
    Catalog {
        insatser,
        skane,
        lagesrapport: real.lagesrapport.clone(),
        indikatorer: real.indikatorer.clone(),
        kopplingar,
    }
}

fn recombine(n: usize, a: &Insats, b: &Insats, rng: &mut Rng) -> Insats {
    let namn = join_halves(&words(&a.namn), &words(&b.namn), " ", rng);
    let forklaring = match (&a.forklaring, &b.forklaring) {
        (Some(x), Some(y)) => Some(join_halves(&sentences(x), &sentences(y), " ", rng).into()),
        (x, y) => x.clone().or_else(|| y.clone()),
    };
    Insats {
        id: format!("synt-{n}-{}", a.id),
        namn,
        namn_bilaga: None,
        forklaring,
        ..a.clone()
    }
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Sentences of a text, each with its full stop (a text without one is one sentence).
fn sentences(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s.split_inclusive(". ").map(str::trim).collect();
    out.retain(|p| !p.is_empty());
    out
}

/// Some leading parts of `a` and some trailing parts of `b`, at least one of each.
fn join_halves(a: &[&str], b: &[&str], sep: &str, rng: &mut Rng) -> String {
    let take_a = 1 + rng.below(a.len().max(1));
    let take_b = 1 + rng.below(b.len().max(1));
    let head = &a[..take_a.min(a.len())];
    let tail = &b[b.len().saturating_sub(take_b)..];
    head.iter()
        .chain(tail)
        .copied()
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_keep_the_start_of_one_and_the_end_of_the_other() {
        let mut rng = Rng(7);
        for _ in 0..50 {
            let s = join_halves(
                &["Motiverande", "samtal", "(MI)"],
                &["Stöd", "till", "anhöriga"],
                " ",
                &mut rng,
            );
            assert!(s.starts_with("Motiverande"), "{s}");
            assert!(s.ends_with("anhöriga"), "{s}");
        }
    }

    #[test]
    fn sentences_split_after_full_stops() {
        assert_eq!(
            sentences("Ett stöd. Två saker. Tre"),
            vec!["Ett stöd.", "Två saker.", "Tre"]
        );
    }
}
