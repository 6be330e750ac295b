//! Fuzzy search over the indikatorer: (query, område) → ranked hits with match positions in
//! the title, for the checklist view.
//!
//! Ranking, best first:
//! 1. the query is the indikator's number (`12`);
//! 2. the query is an abbreviation of the title (`ibic`, `audit`, `sip`, `freda`);
//! 3. every query word matches the title fuzzily (higher score first);
//! 4. every query word starts a word of the mått text.
//!
//! Ties keep number order.

use std::cmp::Reverse;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Abbreviation, Folded, abbreviations, contains_at_word_start};
use crate::model::{Indikator, IndikatorOmrade};

/// Why an indikator matched; variants are in ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndikatorMatch {
    Nummer,
    Abbreviation,
    Titel,
    Matt,
    /// The query is empty: every indikator in scope, in number order.
    Everything,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndikatorHit {
    /// Index into the indikatorer the index was built from.
    pub index: usize,
    pub kind: IndikatorMatch,
    pub score: i64,
    /// Matched characters of the title, as sorted char indices.
    pub positions: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Entry {
    nummer: u32,
    omraden: Vec<IndikatorOmrade>,
    titel: Folded,
    matt: String,
    abbreviations: Vec<Abbreviation>,
}

/// The indikatorer prepared for searching; built once.
pub struct IndikatorIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for IndikatorIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndikatorIndex")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl IndikatorIndex {
    /// Prepare `indikatorer` for searching.
    #[must_use]
    pub fn new(indikatorer: &[Indikator]) -> Self {
        let entries = indikatorer
            .iter()
            .map(|i| Entry {
                nummer: i.nummer,
                omraden: i.omraden.clone(),
                titel: Folded::new(&i.titel),
                matt: crate::sort::fold(&i.matt),
                abbreviations: abbreviations(&i.titel),
            })
            .collect();
        IndikatorIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The indikatorer published in `omrade` (all when `None`) that match `query`, best
    /// first; with an empty query all of them in number order.
    #[must_use]
    pub fn search(&self, query: &str, omrade: Option<IndikatorOmrade>) -> Vec<IndikatorHit> {
        let query = crate::sort::fold(query.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        let in_scope = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| omrade.is_none_or(|o| e.omraden.contains(&o)));
        if words.is_empty() {
            return in_scope
                .map(|(index, _)| IndikatorHit {
                    index,
                    kind: IndikatorMatch::Everything,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        let mut hits: Vec<IndikatorHit> = in_scope
            .filter_map(|(index, e)| self.match_entry(index, e, &query, &words))
            .collect();
        hits.sort_by_key(|h| (h.kind, Reverse(h.score), self.entries[h.index].nummer));
        hits
    }

    fn match_entry(
        &self,
        index: usize,
        e: &Entry,
        query: &str,
        words: &[&str],
    ) -> Option<IndikatorHit> {
        let hit = |kind, score, positions| IndikatorHit {
            index,
            kind,
            score,
            positions,
        };
        if query.parse::<u32>().is_ok_and(|n| n == e.nummer) {
            return Some(hit(IndikatorMatch::Nummer, 0, Vec::new()));
        }
        if let Some(a) = e.abbreviations.iter().find(|a| a.folded == query) {
            return Some(hit(
                IndikatorMatch::Abbreviation,
                0,
                a.chars.clone().collect(),
            ));
        }
        if let Some((score, positions)) = self.fuzzy_all(&e.titel.text, words) {
            return Some(hit(
                IndikatorMatch::Titel,
                score,
                e.titel.to_original(positions),
            ));
        }
        words
            .iter()
            .all(|w| contains_at_word_start(&e.matt, w))
            .then(|| hit(IndikatorMatch::Matt, 0, Vec::new()))
    }

    fn fuzzy_all(&self, text: &str, words: &[&str]) -> Option<(i64, Vec<usize>)> {
        super::fuzzy_all(&self.matcher, text, words)
    }
}
