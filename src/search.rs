//! Pure fuzzy search over the catalogue: (query, scope) → ranked hits with match positions.
//!
//! Search keys are folded once, when the [`SearchIndex`] is built: lower case without
//! diacritics (`Återfall` → `aterfall`), with a map back to the characters of the original
//! name so that highlighted positions land on the right letters. Queries are folded the
//! same way, so `aterfall` finds `Återfallsprevention` and `Äldre` finds `äldre`.
//!
//! Ranking, best first:
//! 1. the query is exactly an abbreviation in parentheses (`mi` → `Motiverande samtal (MI)`);
//! 2. the query is exactly an upper-case word of the name (`hvb` → `(HVB-hem)`, `act` →
//!    `ACT-team`);
//! 3. every query word matches the name fuzzily (higher fuzzy score first);
//! 4. every query word starts a word of the förklaring text (no fuzzy matching there: long
//!    texts would match almost any letters).
//!
//! Ties are broken by Swedish alphabetical order of the name, then by source order.
//!
//! [`IndikatorIndex`] searches the indikatorer of the checklist the same way (titles, mått,
//! numbers).

mod indikator;

use std::cmp::Reverse;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use indikator::{IndikatorHit, IndikatorIndex, IndikatorMatch};

use crate::model::{Catalog, Insats, Omrade};
use crate::sort::{fold_char_into, swedish_key};

/// The least fuzzy score per query character that counts as a match. Skim scores about 16
/// per matched character plus bonuses for word starts and runs, minus gap penalties, so
/// this keeps runs and word-start matches (`motsamt` → `Motiverande samtal`, a skipped
/// letter) and drops letters scattered over a long name (`mi` in `Familjerådslag (…)`).
const MIN_SCORE_PER_CHAR: i64 = 17;

/// The part of the catalogue a search looks in: everything, or one node of the area tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// The whole catalogue.
    #[default]
    All,
    /// One verksamhetsområde.
    Omrade(Omrade),
    /// One section of an område, by its printed number (`5.2`).
    Sektion { omrade: Omrade, nr: String },
    /// One group subheading inside a section.
    Grupp {
        omrade: Omrade,
        sektion_nr: String,
        grupp: String,
    },
}

impl Scope {
    /// Whether an insats lies inside this scope.
    #[must_use]
    pub fn contains(&self, insats: &Insats) -> bool {
        self.contains_parts(insats.omrade, &insats.sektion_nr, insats.grupp.as_deref())
    }

    fn contains_parts(&self, omrade: Omrade, sektion_nr: &str, grupp: Option<&str>) -> bool {
        match self {
            Scope::All => true,
            Scope::Omrade(o) => *o == omrade,
            Scope::Sektion { omrade: o, nr } => *o == omrade && nr == sektion_nr,
            Scope::Grupp {
                omrade: o,
                sektion_nr: s,
                grupp: g,
            } => *o == omrade && s == sektion_nr && Some(g.as_str()) == grupp,
        }
    }
}

/// Why an insats matched; variants are in ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The query is an abbreviation printed in parentheses in the name, e.g. `(MI)`.
    Abbreviation,
    /// The query is an upper-case word of the name, e.g. `HVB` in `(HVB-hem)`.
    AbbreviationWord,
    /// Every query word matches the name fuzzily.
    Name,
    /// Every query word occurs in the förklaring, but not in the name.
    Forklaring,
    /// The query is empty: every insats in scope, in source order.
    Everything,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Catalog::insatser`].
    pub index: usize,
    pub kind: MatchKind,
    /// Fuzzy score for [`MatchKind::Name`] hits (higher is better), otherwise 0.
    pub score: i64,
    /// Matched characters of the name, as sorted char indices into `Insats::namn`.
    pub positions: Vec<usize>,
}

/// A folded string and, for each of its chars, the index of the original char it came from.
#[derive(Debug, Clone)]
struct Folded {
    text: String,
    origin: Vec<usize>,
}

impl Folded {
    fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        let mut buf = String::new();
        for (i, c) in s.chars().enumerate() {
            buf.clear();
            fold_char_into(c, &mut buf);
            for f in buf.chars() {
                text.push(f);
                origin.push(i);
            }
        }
        Folded { text, origin }
    }

    /// Map folded char positions back to original char positions, sorted and deduplicated.
    fn to_original(&self, folded_positions: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = folded_positions
            .into_iter()
            .filter_map(|p| self.origin.get(p).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// An abbreviation found in a name: its folded text and the original char range it covers.
#[derive(Debug, Clone)]
struct Abbreviation {
    folded: String,
    chars: Range<usize>,
    kind: MatchKind,
}

/// The pre-folded search keys of one insats.
#[derive(Debug, Clone)]
struct Entry {
    omrade: Omrade,
    sektion_nr: String,
    grupp: Option<String>,
    name: Folded,
    bilaga: Option<String>,
    forklaring: Option<String>,
    abbreviations: Vec<Abbreviation>,
    sort_key: String,
}

/// Search keys for a whole catalogue, folded once at load.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Fold the names and förklaringar of every insats in the catalogue.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let entries = catalog
            .insatser
            .iter()
            .map(|i| Entry {
                omrade: i.omrade,
                sektion_nr: i.sektion_nr.clone(),
                grupp: i.grupp.clone(),
                name: Folded::new(&i.namn),
                bilaga: i.namn_bilaga.as_deref().map(crate::sort::fold),
                forklaring: i.forklaring.as_deref().map(crate::sort::fold),
                abbreviations: abbreviations(&i.namn),
                sort_key: swedish_key(&i.namn),
            })
            .collect();
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// Number of insatser indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index holds no insatser.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The insatser in `scope` that match `query`, best first (see the module docs).
    ///
    /// An empty or blank query returns every insats in scope in source order.
    #[must_use]
    pub fn search(&self, query: &str, scope: &Scope) -> Vec<Hit> {
        let query = crate::sort::fold(query.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        let in_scope = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| scope.contains_parts(e.omrade, &e.sektion_nr, e.grupp.as_deref()));
        if words.is_empty() {
            return in_scope
                .map(|(index, _)| Hit {
                    index,
                    kind: MatchKind::Everything,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        let mut hits: Vec<Hit> = in_scope
            .filter_map(|(index, e)| self.match_entry(index, e, &query, &words))
            .collect();
        hits.sort_by(|a, b| {
            (
                a.kind,
                Reverse(a.score),
                &self.entries[a.index].sort_key,
                a.index,
            )
                .cmp(&(
                    b.kind,
                    Reverse(b.score),
                    &self.entries[b.index].sort_key,
                    b.index,
                ))
        });
        hits
    }

    fn match_entry(&self, index: usize, e: &Entry, query: &str, words: &[&str]) -> Option<Hit> {
        if let Some(a) = e
            .abbreviations
            .iter()
            .filter(|a| a.folded == query)
            .min_by_key(|a| a.kind)
        {
            return Some(Hit {
                index,
                kind: a.kind,
                score: 0,
                positions: a.chars.clone().collect(),
            });
        }
        if let Some((score, positions)) = self.fuzzy_all(&e.name.text, words) {
            return Some(Hit {
                index,
                kind: MatchKind::Name,
                score,
                positions: e.name.to_original(positions),
            });
        }
        if let Some((score, _)) = e.bilaga.as_deref().and_then(|b| self.fuzzy_all(b, words)) {
            // The appendix spells the name differently; its letters are not on screen.
            return Some(Hit {
                index,
                kind: MatchKind::Name,
                score,
                positions: Vec::new(),
            });
        }
        let forklaring = e.forklaring.as_deref()?;
        words
            .iter()
            .all(|w| contains_at_word_start(forklaring, w))
            .then(|| Hit {
                index,
                kind: MatchKind::Forklaring,
                score: 0,
                positions: Vec::new(),
            })
    }

    /// Every word must match `text`; scores add up and positions are merged.
    fn fuzzy_all(&self, text: &str, words: &[&str]) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut positions = Vec::new();
        for w in words {
            let (score, pos) = self.matcher.fuzzy_indices(text, w)?;
            let chars = i64::try_from(w.chars().count()).unwrap_or(i64::MAX);
            if score < MIN_SCORE_PER_CHAR.saturating_mul(chars) {
                return None;
            }
            total += score;
            positions.extend(pos);
        }
        Some((total, positions))
    }
}

/// Whether `word` occurs in `text` where a word starts (`återfall` in `…om återfall`,
/// not `mi` inside `familj`).
fn contains_at_word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Abbreviations in a name: the whole content of each parenthesis that looks like one
/// (`(MI)`, `(TF-KBT)`), and every upper-case word of two or more letters (`HVB` in
/// `(HVB-hem)`, `ACT` in `ACT-team`).
fn abbreviations(name: &str) -> Vec<Abbreviation> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open = Some(i + 1),
            ')' => {
                if let Some(start) = open.take() {
                    let inner: String = chars[start..i].iter().collect();
                    if looks_like_abbreviation(&inner) {
                        out.push(Abbreviation {
                            folded: crate::sort::fold(&inner),
                            chars: start..i,
                            kind: MatchKind::Abbreviation,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    let mut start = None;
    for i in 0..=chars.len() {
        let alnum = chars.get(i).is_some_and(|c| c.is_alphanumeric());
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word: String = chars[s..i].iter().collect();
                if looks_like_abbreviation(&word) {
                    out.push(Abbreviation {
                        folded: crate::sort::fold(&word),
                        chars: s..i,
                        kind: MatchKind::AbbreviationWord,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Two or more letters, all letters upper case, no spaces: `MI`, `ÅP`, `TF-KBT`, `12-STEG`.
fn looks_like_abbreviation(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !s.chars().any(char::is_whitespace)
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_positions_map_back_to_original_chars() {
        let f = Folded::new("Återfall Æble");
        assert_eq!(f.text, "aterfall aeble");
        // `a` and `e` of "ae" both come from `Æ` at char 9.
        assert_eq!(f.to_original([9, 10, 11]), vec![9, 10]);
        assert_eq!(f.to_original([0, 1]), vec![0, 1]);
    }

    #[test]
    fn forklaring_words_must_start_a_word() {
        assert!(!contains_at_word_start(
            "om återfall i missbruk",
            "aterfall"
        ));
        assert!(contains_at_word_start("om aterfall i missbruk", "aterfall"));
        assert!(contains_at_word_start("missbruk", "mi"));
        assert!(!contains_at_word_start("familj", "mi"));
        assert!(contains_at_word_start("(mi) och", "mi"));
    }

    #[test]
    fn abbreviations_in_parentheses_and_upper_case_words() {
        let found: Vec<(String, MatchKind)> = abbreviations("Hem för vård eller boende (HVB-hem)")
            .into_iter()
            .map(|a| (a.folded, a.kind))
            .collect();
        assert_eq!(
            found,
            vec![("hvb".to_string(), MatchKind::AbbreviationWord)]
        );
        let mi = abbreviations("Motiverande samtal (MI)");
        assert_eq!(mi[0].folded, "mi");
        assert_eq!(mi[0].kind, MatchKind::Abbreviation);
        assert_eq!(mi[0].chars, 20..22);
        assert!(abbreviations("Stöd till anhöriga (anhöriga)").is_empty());
        let ap = abbreviations("Återfallsprevention (ÅP)");
        assert_eq!(ap[0].folded, "ap");
    }
}
