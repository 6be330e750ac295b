//! Pure fuzzy search over the catalogue: (query, scope) → ranked hits with match positions.
//!
//! Search keys are folded once, when the [`SearchIndex`] is built (for the embedded
//! catalogue when insats is built: see `embedded`): lower case without diacritics
//! (`Återfall` → `aterfall`), with a map back to the characters of the original name where
//! they differ, so that highlighted positions land on the right letters. Queries are folded the
//! same way, so `aterfall` finds `Återfallsprevention` and `Äldre` finds `äldre`.
//!
//! Ranking, best first:
//! 1. the query is exactly an abbreviation in parentheses (`mi` → `Motiverande samtal (MI)`);
//! 2. the query is exactly an upper-case word of the name (`hvb` → `(HVB-hem)`, `act` →
//!    `ACT-team`);
//! 3. every query word matches the name fuzzily in runs that start words (higher fuzzy score
//!    first): `motsamt` → **Mot**iverande **samt**al; a run may also go on after one skipped
//!    letter (`motverande`), and three or more letters in a row count inside a word too
//!    (`samtal` in `stödsamtal`);
//! 4. every query word starts a word of the förklaring text (no fuzzy matching there: long
//!    texts would match almost any letters): Stella's förklaring names HVB-hem, so `hvb`
//!    finds it here;
//! 5. the query's letters are found in the name only scattered inside words (`hvb` in
//!    **H**emv**å**rds**b**idrag): the nearest there is, shown last and said so.
//!
//! Ties are broken by Swedish alphabetical order of the name, then by source order.
//!
//! Speed: each key carries a cheap set of the characters it holds, so most insatser are
//! ruled out before any fuzzy scoring, and [`Narrowing`] lets a query that grows one
//! keystroke at a time look only at the insatser the shorter query could still match. A scan
//! of many thousand insatser is split over the cores (at most four threads); the hits are
//! the same as on one thread.
//!
//! [`IndikatorIndex`] searches the indikatorer of the checklist the same way (titles, mått,
//! numbers).

mod embedded;
mod forklaring;
mod indikator;
mod keys;

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use indikator::{IndikatorHit, IndikatorIndex, IndikatorMatch};

use crate::model::{Catalog, Insats, Omrade};
use crate::sort::swedish_key_into;
use keys::{CharSet, word_start_mask};

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
    /// The query's letters occur in the name only scattered inside words: the nearest
    /// there is, not a match on whole words.
    Scattered,
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

/// A folded string and, where it differs, the map from its chars back to the original's.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Folded {
    text: Cow<'static, str>,
    /// For each folded char, the index of the original char it came from; `None` when
    /// every original char folded to exactly one, so that the positions are the same.
    origin: Option<Cow<'static, [u32]>>,
}

impl Folded {
    fn new(s: &str) -> Self {
        let (text, origin) = keys::fold_with_origin(s);
        Folded {
            text: Cow::Owned(text),
            origin: origin.map(Cow::Owned),
        }
    }

    /// Map folded char positions back to original char positions, sorted and deduplicated,
    /// in the same vector.
    fn to_original(&self, mut positions: Vec<usize>) -> Vec<usize> {
        if let Some(origin) = &self.origin {
            positions.retain_mut(|p| match origin.get(*p) {
                Some(&o) => {
                    *p = o as usize;
                    true
                }
                None => false,
            });
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// An abbreviation found in a name: its folded text and the original char range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Abbreviation {
    folded: Cow<'static, str>,
    chars: Range<usize>,
    kind: MatchKind,
}

/// A folded text and the characters it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    text: Cow<'static, str>,
    chars: CharSet,
}

impl Key {
    fn new(text: String) -> Self {
        let chars = CharSet::of(&text);
        Key {
            text: Cow::Owned(text),
            chars,
        }
    }

    /// Whether every word could match: its characters occur in the text in order. Fuzzy
    /// matching needs that (the matcher's own first check), so a `false` here saves the
    /// scoring and changes no result.
    fn may_match_all(&self, words: &[&str]) -> bool {
        words
            .iter()
            .all(|w| self.chars.may_contain_all(w) && is_subsequence(w, &self.text))
    }
}

/// Where in the tree of areas an insats is: område, section and group. Many insatser
/// share one; the index keeps each once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Place {
    omrade: Omrade,
    sektion_nr: Cow<'static, str>,
    grupp: Option<Cow<'static, str>>,
}

impl Place {
    fn of(i: &Insats) -> Self {
        Place {
            omrade: i.omrade,
            sektion_nr: Cow::Owned(i.sektion_nr.to_string()),
            grupp: i.grupp.as_deref().map(|g| Cow::Owned(g.to_string())),
        }
    }

    fn in_scope(&self, scope: &Scope) -> bool {
        scope.contains_parts(self.omrade, &self.sektion_nr, self.grupp.as_deref())
    }
}

/// The pre-folded search keys of one insats.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// Index into [`SearchIndex::places`].
    place: u32,
    name: Folded,
    /// Which of the first 128 chars of the folded name start a word.
    name_starts: u128,
    name_chars: CharSet,
    bilaga: Option<Key>,
    /// The first characters of the förklaring's folded words (the förklaring itself is
    /// read from the catalogue: see `forklaring`).
    forklaring_starts: CharSet,
    /// Those of them that come from a char past ASCII.
    forklaring_other: CharSet,
    abbreviations: Cow<'static, [Abbreviation]>,
}

impl Entry {
    /// The keys of one insats, folded now (the embedded insatser's were folded at build
    /// time, by the same functions: see `embedded`).
    fn new(i: &Insats, place: u32) -> Self {
        let name = Folded::new(&i.namn);
        let (forklaring_starts, forklaring_other) = i
            .forklaring
            .as_deref()
            .map(keys::forklaring_keys)
            .unwrap_or_default();
        Entry {
            place,
            name_chars: CharSet::of(&name.text),
            name_starts: word_start_mask(&name.text),
            name,
            bilaga: i
                .namn_bilaga
                .as_deref()
                .map(|b| Key::new(crate::sort::fold(b))),
            forklaring_starts,
            forklaring_other,
            abbreviations: Cow::Owned(abbreviations(&i.namn)),
        }
    }

    /// Whether the insats is in the scope, given for each place whether it is in it
    /// ([`SearchIndex::scope`]).
    fn in_scope(&self, places: &[bool]) -> bool {
        places.get(self.place as usize).copied().unwrap_or(false)
    }

    fn name_may_match(&self, words: &[&str]) -> bool {
        words
            .iter()
            .all(|w| self.name_chars.may_contain_all(w) && is_subsequence(w, &self.name.text))
    }

    /// Whether every word starts a word of the förklaring `text` (the catalogue's own).
    fn forklaring_matches(&self, text: Option<&str>, words: &[&str]) -> bool {
        let Some(f) = text else {
            return false;
        };
        words.iter().all(|w| {
            let mut chars = w.chars();
            match (chars.next(), chars.next()) {
                (None, _) => true,
                // One letter or digit: the set of word starts answers exactly, without
                // searching a long text (the first keystroke matches this way most).
                (Some(c), None) if CharSet::is_exact(c) => self.forklaring_starts.may_contain(c),
                (Some(c), _) => {
                    self.forklaring_starts.may_contain(c)
                        && forklaring::contains_at_word_start(f, w, self.forklaring_other)
                }
            }
        })
    }
}

/// A query, folded, split into words, and the scope it looks in: for each of the index's
/// places, whether it is in the scope.
struct Query<'a> {
    text: &'a str,
    words: &'a [&'a str],
    scope: Vec<bool>,
}

/// The cheap checks of one entry against the query words, each done at most once.
#[derive(Debug, Clone, Copy)]
struct Checks {
    /// The words could match the name (their characters occur in it, in order).
    name: bool,
    /// The same for the appendix spelling of the name.
    bilaga: bool,
    /// Every word starts a word of the förklaring; `None` until needed.
    forklaring: Option<bool>,
}

impl Checks {
    fn new(e: &Entry, words: &[&str]) -> Self {
        Checks {
            name: e.name_may_match(words),
            bilaga: e.bilaga.as_ref().is_some_and(|b| b.may_match_all(words)),
            forklaring: None,
        }
    }

    /// Whether the insats could match `words` at all (a superset of the real hits). It
    /// only narrows when a word grows or words are added, which [`Narrowing`] relies on.
    fn may_match(&mut self, e: &Entry, forklaring: Option<&str>, words: &[&str]) -> bool {
        self.name
            || self.bilaga
            || *self
                .forklaring
                .get_or_insert_with(|| e.forklaring_matches(forklaring, words))
    }
}

/// Search keys for a whole catalogue, folded once at load.
pub struct SearchIndex {
    entries: Cow<'static, [Entry]>,
    /// The places of the insatser, each once.
    places: Cow<'static, [Place]>,
    /// The insatser's förklaringar, shared with the catalogue rather than copied: a word is
    /// looked for in the text as it is (see `forklaring`).
    forklaringar: Vec<Option<Arc<str>>>,
    /// Each insats's place in Swedish alphabetical order of the names (ties in source
    /// order), so that ranking compares numbers instead of strings.
    rank: Cow<'static, [u32]>,
    matcher: SkimMatcherV2,
    /// Threads a large scan may use.
    threads: usize,
}

/// A scan is split over threads only when each gets at least this many insatser: below it,
/// starting a thread costs more than it saves.
const PARALLEL_MIN_ENTRIES: usize = 4096;

/// The index is built on two threads from this many insatser on. Below it one thread is
/// quicker in a fresh process: for the 409 real insatser, starting the second thread cost
/// more than it saved (a whole `insats search` took 3.6 ms instead of 3.4 ms).
const PARALLEL_INDEX_MIN: usize = 4096;

/// At most this many threads share a scan.
const MAX_THREADS: usize = 4;

/// Memory of the last queries typed into one search box, so that a query that grows by a
/// keystroke is matched only against the insatser its shorter form could match.
///
/// Results are exactly those of [`SearchIndex::search`]; only the work differs. Keep one per
/// search box and pass it to [`SearchIndex::search_narrowing`] with the same index.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    /// Entries of the index this memory is about.
    entries: usize,
    /// Folded query words, and the insatser that could match them, shortest query first;
    /// each query extends the one before it.
    steps: Vec<(Vec<String>, Vec<u32>)>,
}

/// At most this many earlier queries are remembered.
const NARROWING_DEPTH: usize = 64;

/// Whether `longer` matches a subset of what `shorter` matches: the same words, except
/// that the last of `shorter` may have grown, and more words may follow.
fn extends(shorter: &[String], longer: &[&str]) -> bool {
    let Some((last, init)) = shorter.split_last() else {
        return true;
    };
    longer.len() >= shorter.len()
        && init.iter().zip(longer).all(|(a, b)| a == b)
        && longer[init.len()].starts_with(last.as_str())
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// The search keys of every insats in the catalogue: for the embedded catalogue the
    /// keys built into insats, else each name and förklaring folded now.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(MAX_THREADS);
        if embedded::is_embedded(&catalog.insatser) {
            return SearchIndex {
                entries: Cow::Borrowed(embedded::ENTRIES),
                places: Cow::Borrowed(embedded::PLACES),
                forklaringar: Self::forklaringar(&catalog.insatser),
                rank: Cow::Borrowed(embedded::RANK),
                matcher: SkimMatcherV2::default().ignore_case(),
                threads,
            };
        }
        Self::build(catalog, threads)
    }

    fn build(catalog: &Catalog, threads: usize) -> Self {
        let insatser = &catalog.insatser;
        let (places, place) = Self::places(insatser);
        let mut entries = Vec::with_capacity(insatser.len());
        // The entries are independent: with more than one core, the last third is built
        // beside the first two thirds, and the names are ranked there too (about a fifth
        // of the work); a short `insats search` is mostly this. This thread writes its
        // part where it stays, so that only a third is ever held twice.
        let rank = if threads > 1 && insatser.len() >= PARALLEL_INDEX_MIN {
            let split = insatser.len() * 2 / 3;
            let (first, rest) = insatser.split_at(split);
            let (first_places, rest_places) = place.split_at(split);
            std::thread::scope(|s| {
                let later = s.spawn(|| {
                    let mut rest_entries = Vec::with_capacity(rest.len());
                    Self::entries_into(rest, rest_places, &mut rest_entries);
                    (rest_entries, Self::ranks(insatser))
                });
                Self::entries_into(first, first_places, &mut entries);
                let (mut rest_entries, rank) = later
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                entries.append(&mut rest_entries);
                rank
            })
        } else {
            Self::entries_into(insatser, &place, &mut entries);
            Self::ranks(insatser)
        };
        SearchIndex {
            entries: Cow::Owned(entries),
            places: Cow::Owned(places),
            forklaringar: Self::forklaringar(insatser),
            rank: Cow::Owned(rank),
            matcher: SkimMatcherV2::default().ignore_case(),
            threads,
        }
    }

    fn forklaringar(insatser: &[Insats]) -> Vec<Option<Arc<str>>> {
        insatser.iter().map(|i| i.forklaring.clone()).collect()
    }

    /// The förklaring of the insats at `index`.
    fn forklaring(&self, index: usize) -> Option<&str> {
        self.forklaringar.get(index)?.as_deref()
    }

    fn entries_into(insatser: &[Insats], place: &[u32], out: &mut Vec<Entry>) {
        out.extend(insatser.iter().zip(place).map(|(i, &p)| Entry::new(i, p)));
    }

    /// The distinct places of `insatser`, in the order first met, and each insats's.
    fn places(insatser: &[Insats]) -> (Vec<Place>, Vec<u32>) {
        let mut places: Vec<Place> = Vec::new();
        let mut seen: HashMap<(Omrade, &str, Option<&str>), u32> = HashMap::new();
        let place = insatser
            .iter()
            .map(|i| {
                let key = (i.omrade, &*i.sektion_nr, i.grupp.as_deref());
                *seen.entry(key).or_insert_with(|| {
                    places.push(Place::of(i));
                    u32::try_from(places.len() - 1).unwrap_or(u32::MAX)
                })
            })
            .collect();
        (places, place)
    }

    /// For each place, whether it is in `scope`.
    fn scope(&self, scope: &Scope) -> Vec<bool> {
        self.places.iter().map(|p| p.in_scope(scope)).collect()
    }

    /// Each insats's place in Swedish alphabetical order of the names.
    fn ranks(insatser: &[Insats]) -> Vec<u32> {
        // The keys one after another in one string, each also with its first 8 bytes as a
        // number: most comparisons end there, without reading the strings (at 100 000
        // insatser 60 ms became 20). Zero bytes pad a short key, so that the numbers
        // order as the strings do; equal numbers compare the strings.
        let mut keys = String::with_capacity(insatser.iter().map(|i| i.namn.len()).sum());
        let mut order: Vec<(u64, Range<usize>, u32)> = Vec::with_capacity(insatser.len());
        for (n, i) in (0u32..).zip(insatser) {
            let start = keys.len();
            swedish_key_into(&i.namn, &mut keys);
            let mut prefix = [0u8; 8];
            let head = &keys.as_bytes()[start..keys.len().min(start + 8)];
            prefix[..head.len()].copy_from_slice(head);
            order.push((u64::from_be_bytes(prefix), start..keys.len(), n));
        }
        order.sort_unstable_by(|(pa, a, na), (pb, b, nb)| {
            pa.cmp(pb)
                .then_with(|| keys[a.clone()].cmp(&keys[b.clone()]))
                .then(na.cmp(nb))
        });
        let mut rank = vec![0; order.len()];
        for (r, (_, _, n)) in (0u32..).zip(order) {
            rank[n as usize] = r;
        }
        rank
    }

    /// The same index, splitting a large scan over at most `threads` threads (at least one;
    /// one scans on the calling thread). The hits do not depend on it.
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
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
        if words.is_empty() {
            return self.everything(scope);
        }
        let q = Query {
            text: &query,
            words: &words,
            scope: self.scope(scope),
        };
        let (_, hits) = self.scan(None, &q, false);
        self.ranked(hits)
    }

    /// The same hits as [`SearchIndex::search`], found faster while a query is typed: when
    /// the query extends one `memory` has seen, only the insatser that one could match are
    /// looked at.
    #[must_use]
    pub fn search_narrowing(&self, query: &str, scope: &Scope, memory: &mut Narrowing) -> Vec<Hit> {
        let query = crate::sort::fold(query.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return self.everything(scope);
        }
        if memory.entries != self.entries.len() {
            *memory = Narrowing {
                entries: self.entries.len(),
                steps: Vec::new(),
            };
        }
        while memory
            .steps
            .last()
            .is_some_and(|(w, _)| !extends(w, &words))
        {
            memory.steps.pop();
        }
        let q = Query {
            text: &query,
            words: &words,
            scope: self.scope(scope),
        };
        let same = memory.steps.last().is_some_and(|(w, _)| {
            w.len() == words.len() && w.iter().zip(&words).all(|(a, b)| a == b)
        });
        if same {
            let candidates = memory.steps.last().map(|(_, c)| c.as_slice());
            let (_, hits) = self.scan(candidates, &q, false);
            return self.ranked(hits);
        }
        let from = memory.steps.last().map(|(_, c)| c.as_slice());
        let (candidates, hits) = self.scan(from, &q, true);
        if memory.steps.len() == NARROWING_DEPTH {
            memory.steps.remove(0);
        }
        memory
            .steps
            .push((words.iter().map(|w| (*w).to_string()).collect(), candidates));
        self.ranked(hits)
    }

    /// Match the entries `ids` (all when `None`) against `q`: the hits in scope, and when
    /// `keep` the entries that could match at all (for [`Narrowing`]), in index order.
    ///
    /// Large scans are split over the available cores; the hits are the same, in the same
    /// order before ranking.
    fn scan(&self, ids: Option<&[u32]>, q: &Query<'_>, keep: bool) -> (Vec<u32>, Vec<Hit>) {
        let n = ids.map_or(self.entries.len(), <[u32]>::len);
        let threads = self.threads.min(n / PARALLEL_MIN_ENTRIES).max(1);
        if threads == 1 {
            let mut out = (Vec::new(), Vec::new());
            self.scan_part(ids, 0..n, q, keep, &mut out);
            return out;
        }
        let chunk = n.div_ceil(threads);
        let parts: Vec<(Vec<u32>, Vec<Hit>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                    s.spawn(move || {
                        let mut out = (Vec::new(), Vec::new());
                        self.scan_part(ids, range, q, keep, &mut out);
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut out = (Vec::new(), Vec::new());
        for (c, h) in parts {
            out.0.extend(c);
            out.1.extend(h);
        }
        out
    }

    fn scan_part(
        &self,
        ids: Option<&[u32]>,
        range: Range<usize>,
        q: &Query<'_>,
        keep: bool,
        (candidates, hits): &mut (Vec<u32>, Vec<Hit>),
    ) {
        for k in range {
            let index = ids.map_or(k, |ids| ids[k] as usize);
            let e = &self.entries[index];
            let in_scope = e.in_scope(&q.scope);
            if !keep && !in_scope {
                continue;
            }
            let mut checks = Checks::new(e, q.words);
            if keep && checks.may_match(e, self.forklaring(index), q.words) {
                candidates.push(u32::try_from(index).unwrap_or(u32::MAX));
            }
            if in_scope && let Some(hit) = self.match_entry(index, e, q, checks) {
                hits.push(hit);
            }
        }
    }

    /// Every insats in scope, in source order.
    fn everything(&self, scope: &Scope) -> Vec<Hit> {
        let scope = self.scope(scope);
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.in_scope(&scope))
            .map(|(index, _)| Hit {
                index,
                kind: MatchKind::Everything,
                score: 0,
                positions: Vec::new(),
            })
            .collect()
    }

    /// Hits best first: kind, then score, then Swedish order of the name and source order
    /// (both in `rank`, which is unique, so an unstable sort gives one order).
    fn ranked(&self, mut hits: Vec<Hit>) -> Vec<Hit> {
        hits.sort_unstable_by_key(|h| (h.kind, Reverse(h.score), self.rank[h.index]));
        hits
    }

    fn match_entry(&self, index: usize, e: &Entry, q: &Query<'_>, checks: Checks) -> Option<Hit> {
        let words = q.words;
        if checks.name {
            // An abbreviation hit is a substring of the name, so only possible here.
            if let Some(a) = e
                .abbreviations
                .iter()
                .filter(|a| a.folded == q.text)
                .min_by_key(|a| a.kind)
            {
                return Some(Hit {
                    index,
                    kind: a.kind,
                    score: 0,
                    positions: a.chars.clone().collect(),
                });
            }
            if let Some((score, positions, whole)) =
                fuzzy_words(&self.matcher, &e.name.text, e.name_starts, words)
            {
                if whole {
                    return Some(Hit {
                        index,
                        kind: MatchKind::Name,
                        score,
                        positions: e.name.to_original(positions),
                    });
                }
                // Letters scattered in the name: a förklaring that names the words is a
                // better hit; else this is the nearest there is.
                let forklaring = checks
                    .forklaring
                    .unwrap_or_else(|| e.forklaring_matches(self.forklaring(index), words));
                return Some(if forklaring {
                    Hit {
                        index,
                        kind: MatchKind::Forklaring,
                        score: 0,
                        positions: Vec::new(),
                    }
                } else {
                    Hit {
                        index,
                        kind: MatchKind::Scattered,
                        score,
                        positions: e.name.to_original(positions),
                    }
                });
            }
        }
        if checks.bilaga
            && let Some(b) = &e.bilaga
            && let Some((score, _)) = self.fuzzy_all(&b.text, words)
        {
            // The appendix spells the name differently; its letters are not on screen.
            return Some(Hit {
                index,
                kind: MatchKind::Name,
                score,
                positions: Vec::new(),
            });
        }
        checks
            .forklaring
            .unwrap_or_else(|| e.forklaring_matches(self.forklaring(index), words))
            .then(|| Hit {
                index,
                kind: MatchKind::Forklaring,
                score: 0,
                positions: Vec::new(),
            })
    }

    /// Every word must match `text`; scores add up and positions are merged.
    fn fuzzy_all(&self, text: &str, words: &[&str]) -> Option<(i64, Vec<usize>)> {
        fuzzy_all(&self.matcher, text, words)
    }
}

/// Skim's score and matched positions of `word` in `text`. A word of one char (the first
/// keystroke, which nearly every name matches) is scored by [`one_char`], the same result
/// without the matcher's matrices.
fn fuzzy_indices(matcher: &SkimMatcherV2, text: &str, word: &str) -> Option<(i64, Vec<usize>)> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return one_char(text, c).map(|(score, at)| (score, vec![at]));
    }
    matcher.fuzzy_indices(text, word)
}

/// What `SkimMatcherV2::default().ignore_case().fuzzy_indices(text, p)` returns for a
/// pattern of one char `p`, as its score and the one matched char: for each char equal to
/// `p` (ASCII case ignored, at a small cost), the match score plus the bonus for where it
/// stands (after nothing or a hard separator, after a soft separator, a camel-case hump;
/// doubled for the first char) and one gap step; the best wins, the last of equals. A test
/// holds it to the matcher over every name and many chars.
fn one_char(text: &str, p: char) -> Option<(i64, usize)> {
    // The matcher's default score configuration (fuzzy-matcher 0.3.7).
    const SCORE_MATCH: i32 = 16;
    const GAP_EXTENSION: i32 = -1;
    const PENALTY_CASE_MISMATCH: i32 = 2 * GAP_EXTENSION;
    const BONUS_HEAD: i32 = SCORE_MATCH / 2;
    const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
    const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
    const FIRST_CHAR_MULTIPLIER: i32 = 2;
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Empty,
        Upper,
        Lower,
        Number,
        HardSep,
        SoftSep,
    }
    let kind = |c: char| match c {
        '\0' => Kind::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Kind::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Kind::SoftSep,
        '0'..='9' => Kind::Number,
        'A'..='Z' => Kind::Upper,
        _ => Kind::Lower,
    };
    let mut best: Option<(i32, usize)> = None;
    let mut prev = Kind::Empty;
    for (at, c) in text.chars().enumerate() {
        let cur = kind(c);
        if c.eq_ignore_ascii_case(&p) {
            let mut bonus = match (prev, cur) {
                (Kind::Empty | Kind::HardSep, _) => BONUS_HEAD,
                (Kind::SoftSep, _) => BONUS_BREAK,
                (Kind::Lower | Kind::Number, Kind::Upper) => BONUS_CAMEL,
                _ => 0,
            };
            if at == 0 {
                bonus *= FIRST_CHAR_MULTIPLIER;
            }
            let matched = (SCORE_MATCH + if c == p { 0 } else { PENALTY_CASE_MISMATCH }).max(0);
            let score = GAP_EXTENSION + bonus + matched;
            if best.is_none_or(|(b, _)| score >= b) {
                best = Some((score, at));
            }
        }
        prev = cur;
    }
    best.map(|(score, at)| (i64::from(score), at))
}

/// Every word must match `text` fuzzily, each scoring at least [`MIN_SCORE_PER_CHAR`] per
/// character; the scores add up and the matched positions (folded chars) are merged. The
/// insatser and the indikatorer are matched by this one rule.
fn fuzzy_all(matcher: &SkimMatcherV2, text: &str, words: &[&str]) -> Option<(i64, Vec<usize>)> {
    let mut total = 0;
    let mut positions = Vec::new();
    for w in words {
        let (score, pos) = fuzzy_indices(matcher, text, w)?;
        let chars = i64::try_from(w.chars().count()).unwrap_or(i64::MAX);
        if score < MIN_SCORE_PER_CHAR.saturating_mul(chars) {
            return None;
        }
        total += score;
        if positions.is_empty() {
            positions = pos;
        } else {
            positions.extend(pos);
        }
    }
    Some((total, positions))
}

/// [`fuzzy_all`] that also tells whether every word matched in runs that start words of
/// `text` (`starts`, from [`word_start_mask`]), a run going on after one skipped letter
/// counting too.
fn fuzzy_words(
    matcher: &SkimMatcherV2,
    text: &str,
    starts: u128,
    words: &[&str],
) -> Option<(i64, Vec<usize>, bool)> {
    let mut total = 0;
    let mut positions = Vec::new();
    let mut whole = true;
    for w in words {
        let (score, pos) = fuzzy_indices(matcher, text, w)?;
        let chars = i64::try_from(w.chars().count()).unwrap_or(i64::MAX);
        if score < MIN_SCORE_PER_CHAR.saturating_mul(chars) {
            return None;
        }
        whole = whole && runs_start_words(text, starts, &pos);
        total += score;
        positions.extend(pos);
    }
    Some((total, positions, whole))
}

/// Whether matched char positions (sorted) form runs that each start a word, go on from the
/// run before after one skipped letter (a typo: `motverande`), or are at least
/// [`MIN_INNER_RUN`] letters long inside a word (`samtal` in `stödsamtal`).
fn runs_start_words(text: &str, starts: u128, positions: &[usize]) -> bool {
    let is_start = |p: usize| match u32::try_from(p).ok().filter(|&p| p < 128) {
        Some(p) => starts & (1 << p) != 0,
        // Past the mask (a very long name): look at the char before.
        None => text.chars().nth(p - 1).is_none_or(|c| !c.is_alphanumeric()),
    };
    // Each run: (where it starts, whether that is fine already, its length).
    let mut prev: Option<usize> = None;
    let mut fine = true;
    let mut run = 0;
    for &p in positions {
        match prev {
            Some(q) if p == q + 1 => run += 1,
            _ => {
                // The run that ends here: inside a word it must be long enough to be a
                // word of a compound (`samtal` in `stödsamtal`), not a scattered letter.
                if !fine && run < MIN_INNER_RUN {
                    return false;
                }
                fine = is_start(p) || prev.is_some_and(|q| p == q + 2 && run >= 2);
                run = 1;
            }
        }
        prev = Some(p);
    }
    fine || run >= MIN_INNER_RUN
}

/// The abbreviations of a name (see [`keys::abbreviations`]), folded.
fn abbreviations(name: &str) -> Vec<Abbreviation> {
    keys::abbreviations(name)
        .into_iter()
        .map(|a| Abbreviation {
            folded: Cow::Owned(crate::sort::fold(&a.text)),
            chars: a.chars,
            kind: if a.parenthesis {
                MatchKind::Abbreviation
            } else {
                MatchKind::AbbreviationWord
            },
        })
        .collect()
}

/// Letters in a row that count as a match inside a word (a part of a compound word).
const MIN_INNER_RUN: usize = 3;

/// Whether the characters of `word` occur in `text` in order (not necessarily together).
fn is_subsequence(word: &str, text: &str) -> bool {
    let mut rest = text;
    for c in word.chars() {
        // An ASCII char is one byte that no other char's bytes contain: memchr finds it.
        let at = match u8::try_from(c) {
            Ok(b) if b.is_ascii() => memchr::memchr(b, rest.as_bytes()),
            _ => rest.find(c),
        };
        match at {
            Some(at) => rest = &rest[at + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

/// Whether `word` occurs in `text` where a word starts (`återfall` in `…om återfall`,
/// not `mi` inside `familj`). Every occurrence counts, also one that overlaps the one
/// before (`a-a` at the second `a` of `xa-a-a`), so that a longer word never matches
/// where a shorter start of it does not.
fn contains_at_word_start(text: &str, word: &str) -> bool {
    let step = word.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    // `find` is the quick (vectorised) test; most texts fail it at once.
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(word)) {
        let at = from + at;
        if text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
        {
            return true;
        }
        from = at + step;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_built_on_two_threads_finds_the_same_as_on_one() {
        let real = crate::data::load(&crate::data::Source::Embedded).expect("data");
        for rows in [409, PARALLEL_INDEX_MIN - 1, PARALLEL_INDEX_MIN + 1] {
            let catalog = crate::synth::catalog(&real, rows);
            let one = SearchIndex::build(&catalog, 1);
            let two = SearchIndex::build(&catalog, 2);
            assert_eq!(one.rank, two.rank, "{rows}");
            assert_eq!(one.len(), rows);
            assert_eq!(two.len(), rows);
            for q in ["mi", "kbt", "stöd anhöriga", "aterfall", "x", ""] {
                let a = one.search(q, &Scope::All);
                assert_eq!(a, two.search(q, &Scope::All), "{rows} {q:?}");
            }
        }
    }

    #[test]
    fn one_char_scores_as_the_matcher_does() {
        let matcher = SkimMatcherV2::default().ignore_case();
        let real = crate::data::load(&crate::data::Source::Embedded).expect("data");
        let synth = crate::synth::catalog(&real, 3000);
        let mut texts: Vec<String> = synth
            .insatser
            .iter()
            .flat_map(|i| [i.namn.clone(), crate::sort::fold(&i.namn)])
            .collect();
        texts.extend(
            [
                "",
                "a",
                "A",
                "aA",
                "aAa",
                "x\0a",
                "(a)",
                "-a",
                "a-a",
                ".A",
                "1A",
                "ab/ab",
                "mmm",
                "m m",
                "Mm",
                "åäö Å",
                "12-steg",
                "tf-kbt (TF-KBT)",
                "a~a",
                "[x]{y}|z",
            ]
            .map(String::from),
        );
        let chars: Vec<char> = ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .chain(" -().,/&åäöÅé\0".chars())
            .collect();
        for text in &texts {
            for &c in &chars {
                let want = matcher.fuzzy_indices(text, &c.to_string());
                let got = one_char(text, c).map(|(score, at)| (score, vec![at]));
                assert_eq!(got, want, "{c:?} in {text:?}");
            }
        }
    }

    #[test]
    fn folded_positions_map_back_to_original_chars() {
        let f = Folded::new("Återfall Æble");
        assert_eq!(f.text, "aterfall aeble");
        // `a` and `e` of "ae" both come from `Æ` at char 9.
        assert_eq!(f.to_original(vec![9, 10, 11]), vec![9, 10]);
        assert_eq!(f.to_original(vec![0, 1]), vec![0, 1]);
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
        // An occurrence that overlaps one inside a word still counts.
        assert!(contains_at_word_start("xa-a-a", "a-a"));
        assert!(contains_at_word_start("xa-a-a-b", "a-a"));
        assert!(contains_at_word_start("xa-a-a-b", "a-a-b"));
        assert!(!contains_at_word_start("xa-a", "a-a"));
        assert!(contains_at_word_start("", ""));
    }

    #[test]
    fn a_forklarings_word_starts_are_those_of_its_folded_text() {
        for text in [
            "",
            "Om Återfall i missbruk",
            "• 12-stegs (MI) och Æble; Straße, ÉLAN",
            "ÅÄÖ\u{301}x\u{301}",
            "x-y z9 _q",
        ] {
            let (starts, other) = keys::forklaring_keys(text);
            assert_eq!(
                starts,
                CharSet::of_word_starts(&crate::sort::fold(text)),
                "{text:?}"
            );
            assert_eq!(other.0 & !starts.0, 0, "{text:?}");
        }
    }

    #[test]
    fn word_starts_answer_exactly_for_one_letter_or_digit() {
        for text in [
            "om aterfall i missbruk",
            "(mi) och 12-steg",
            "familj",
            "x-y z9 _q",
        ] {
            let starts = CharSet::of_word_starts(text);
            for c in ('a'..='z').chain('0'..='9') {
                let word = c.to_string();
                assert_eq!(
                    starts.may_contain(c),
                    contains_at_word_start(text, &word),
                    "{c:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn abbreviations_in_parentheses_and_upper_case_words() {
        let found: Vec<(String, MatchKind)> = abbreviations("Hem för vård eller boende (HVB-hem)")
            .into_iter()
            .map(|a| (a.folded.into_owned(), a.kind))
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
