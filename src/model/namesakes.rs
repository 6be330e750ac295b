//! Insatser that read alike: the same name in several places (HVB in four områden), or names
//! that differ only at the end (`Assertive community treatment (ACT)-modellen` and
//! `…(ACT)-team`). Found once for a catalogue, so that a list row can always show what tells
//! such insatser apart.

use std::collections::HashMap;
use std::ops::Range;

use super::Insats;

/// Names that share at least this many characters from the start count as alike: a row cut
/// short would show them the same.
const ALIKE_PREFIX: usize = 12;

/// At most this many chars of the word where alike names part are kept in sight.
const DISTINCT_CHARS: usize = 8;

/// What tells each insats apart from the others that read alike.
#[derive(Debug, Clone, Default)]
pub struct Namesakes {
    /// For each insats, its group in `groups`, if its name occurs more than once.
    group: Vec<Option<usize>>,
    /// Indices of the insatser of each shared name, in source order.
    groups: Vec<Vec<usize>>,
    /// For each insats with a shared name: område (and group or section) that tells it apart.
    labels: Vec<Option<String>>,
    /// For each insats whose name starts like another, different name: the chars of the first
    /// word of its name that differs (`modellen` in `…(ACT)-modellen`).
    distinct: Vec<Option<Range<usize>>>,
}

impl Namesakes {
    /// Group the names of `insatser` once: comparing every pair would take minutes for a
    /// catalogue of 100 000; this sorts the names instead.
    #[must_use]
    pub fn new(insatser: &[Insats]) -> Self {
        let keys: Vec<String> = insatser.iter().map(|i| name_key(&i.namn)).collect();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (n, k) in keys.iter().enumerate() {
            by_name.entry(k.as_str()).or_default().push(n);
        }
        let mut groups: Vec<Vec<usize>> = by_name.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_unstable();
        let mut group = vec![None; insatser.len()];
        for (g, members) in groups.iter().enumerate() {
            for &n in members {
                group[n] = Some(g);
            }
        }
        let mut s = Namesakes {
            group,
            groups,
            labels: Vec::new(),
            distinct: vec![None; insatser.len()],
        };
        s.labels = (0..insatser.len())
            .map(|n| {
                let same: Vec<&Insats> = s
                    .others(insatser, n)
                    .into_iter()
                    .map(|o| &insatser[o])
                    .collect();
                namesake_label(&same, &insatser[n])
            })
            .collect();
        s.find_distinct(insatser, &keys);
        s
    }

    /// Names that differ but start alike: each keeps the word where it parts from the name it
    /// shares the longest start with (a neighbour in sorted order).
    fn find_distinct(&mut self, insatser: &[Insats], keys: &[String]) {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
        let shared = |a: usize, b: usize| -> usize {
            if keys[a] == keys[b] {
                return 0;
            }
            keys[a]
                .chars()
                .zip(keys[b].chars())
                .take_while(|(x, y)| x == y)
                .count()
        };
        // Per block of equal names in sorted order, the nearest different name on each side.
        let mut block_start = 0;
        while block_start < order.len() {
            let key = &keys[order[block_start]];
            let mut block_end = block_start + 1;
            while block_end < order.len() && keys[order[block_end]] == *key {
                block_end += 1;
            }
            let n = order[block_start];
            let before = block_start
                .checked_sub(1)
                .map_or(0, |p| shared(n, order[p]));
            let after = order.get(block_end).map_or(0, |&o| shared(n, o));
            let common = before.max(after);
            for &n in &order[block_start..block_end] {
                self.mark_distinct(insatser, n, common);
            }
            block_start = block_end;
        }
    }

    fn mark_distinct(&mut self, insatser: &[Insats], n: usize, common: usize) {
        if common < ALIKE_PREFIX {
            return;
        }
        // The key drops repeated spaces; map its length back to the name's chars.
        let name: Vec<char> = insatser[n].namn.chars().collect();
        let Some(start) = char_after_key_chars(&name, common) else {
            return;
        };
        // Keep whole words: back up to the start of the word the difference is in.
        let mut start = start;
        while start > 0 && name[start - 1].is_alphanumeric() {
            start -= 1;
        }
        // The word that differs (its first letters, for a long one) tells them apart.
        let mut end = start;
        while end < name.len() && end < start + DISTINCT_CHARS && name[end].is_alphanumeric() {
            end += 1;
        }
        if end == start && end < name.len() {
            end += 1;
        }
        if start < end {
            self.distinct[n] = Some(start..end);
        }
    }

    /// The others with the same name as insats `index` (and another id), in source order.
    #[must_use]
    pub fn others(&self, insatser: &[Insats], index: usize) -> Vec<usize> {
        let (Some(Some(g)), Some(i)) = (self.group.get(index), insatser.get(index)) else {
            return Vec::new();
        };
        self.groups[*g]
            .iter()
            .copied()
            .filter(|&n| insatser[n].id != i.id)
            .collect()
    }

    /// What tells insats `index` apart from the others of the same name: its område's short
    /// label (`Barn`), or område and group where the område has the name twice.
    #[must_use]
    pub fn label(&self, index: usize) -> Option<&str> {
        self.labels.get(index).and_then(Option::as_deref)
    }

    /// The chars of insats `index`'s name that tell it apart from a name starting the same
    /// way, if any.
    #[must_use]
    pub fn distinct(&self, index: usize) -> Option<Range<usize>> {
        self.distinct.get(index).cloned().flatten()
    }
}

/// The index of the name's char after the first `count` chars of its [`name_key`].
fn char_after_key_chars(name: &[char], count: usize) -> Option<usize> {
    let mut seen = 0;
    let mut prev_space = true;
    for (i, &c) in name.iter().enumerate() {
        let space = c.is_whitespace();
        if space && prev_space {
            continue;
        }
        prev_space = space;
        if seen == count {
            return Some(i);
        }
        seen += c.to_lowercase().count();
    }
    None
}

/// Whether two insatser carry the same name (ignoring case and spacing).
#[must_use]
pub fn same_name(a: &Insats, b: &Insats) -> bool {
    name_key(&a.namn) == name_key(&b.namn)
}

/// A name as [`same_name`] compares it: words joined by one space, lower case.
#[must_use]
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The label of `i` given the others of the same name (`same`): the område's short label
/// when that tells them apart, else område and group (or section); `None` without others.
#[must_use]
pub fn namesake_label(same: &[&Insats], i: &Insats) -> Option<String> {
    if same.is_empty() {
        None
    } else if same.iter().all(|o| o.omrade != i.omrade) {
        Some(i.omrade.short_label().to_string())
    } else {
        // Same område: the group (or section) tells them apart; drop the words all
        // those headings share ("Insatser riktade till …").
        let heading = |x: &Insats| x.grupp.as_deref().unwrap_or(&x.sektion).to_string();
        let others: Vec<String> = same
            .iter()
            .filter(|o| o.omrade == i.omrade)
            .map(|o| heading(o))
            .collect();
        let own = heading(i);
        let words: Vec<&str> = own.split_whitespace().collect();
        let shared = others
            .iter()
            .map(|o| {
                words
                    .iter()
                    .zip(o.split_whitespace())
                    .take_while(|(a, b)| *a == b)
                    .count()
            })
            .min()
            .unwrap_or(0)
            .min(words.len().saturating_sub(1));
        Some(format!(
            "{} › {}",
            i.omrade.short_label(),
            words[shared..].join(" ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_maps_back_to_the_names_chars() {
        let name: Vec<char> = "Ab  cd".chars().collect();
        // Key "ab cd": after 3 key chars ("ab ") comes `c`, char 4 of the name.
        assert_eq!(char_after_key_chars(&name, 3), Some(4));
        assert_eq!(char_after_key_chars(&name, 0), Some(0));
        assert_eq!(char_after_key_chars(&name, 5), None);
    }
}
