//! The search keys of one text, computed from the text alone: the folded text and its map
//! back to the original characters, the set of characters it holds, where its words start,
//! and the abbreviations of a name.
//!
//! `build.rs` includes this file and `src/sort.rs` to compute the keys of the embedded
//! insatser when insats is built, so it uses nothing of the crate but [`crate::sort`]; the
//! index built at run time for `--data` uses the same functions.

use std::ops::Range;

use crate::sort::fold_char_into;

/// `s` folded as [`crate::sort::fold`] folds it and, for each folded char, the index of the
/// original char it came from; `None` when every char folds to exactly one char, so that
/// folded and original positions are the same.
pub fn fold_with_origin(s: &str) -> (String, Option<Vec<u32>>) {
    let mut text = String::with_capacity(s.len());
    let mut origin: Option<Vec<u32>> = None;
    let mut buf = String::new();
    let mut folded_chars = 0u32;
    for (i, c) in (0u32..).zip(s.chars()) {
        buf.clear();
        fold_char_into(c, &mut buf);
        let mut n = 0u32;
        for f in buf.chars() {
            text.push(f);
            n += 1;
        }
        if n != 1 && origin.is_none() {
            // The first char that does not fold to one: from here on the map is needed.
            origin = Some((0..folded_chars).collect());
        }
        if let Some(o) = &mut origin {
            o.extend(std::iter::repeat_n(i, n as usize));
        }
        folded_chars += n;
    }
    (text, origin)
}

/// A lossy set of characters, one bit per class: if a character is in a text, its bit is
/// set, so a clear bit proves the character absent. Folded text is lower case, so the 26
/// letters and 10 digits get a bit each; other ASCII characters share 27 bits and
/// everything else one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(pub u64);

impl CharSet {
    pub fn bit(c: char) -> u64 {
        let n = u32::from(c);
        let class = match c {
            'a'..='z' => n - u32::from('a'),
            '0'..='9' => 26 + n - u32::from('0'),
            _ if c.is_ascii() => 36 + n % 27,
            _ => 63,
        };
        1 << class
    }

    pub fn of(text: &str) -> Self {
        CharSet(text.chars().fold(0, |m, c| m | Self::bit(c)))
    }

    /// The first characters of the words of `text` in the sense of the search's
    /// `contains_at_word_start`: every character not preceded by an alphanumeric one.
    pub fn of_word_starts(text: &str) -> Self {
        let mut m = 0;
        let mut prev_alnum = false;
        for c in text.chars() {
            if !prev_alnum {
                m |= Self::bit(c);
            }
            prev_alnum = c.is_alphanumeric();
        }
        CharSet(m)
    }

    pub fn may_contain(self, c: char) -> bool {
        self.0 & Self::bit(c) != 0
    }

    /// Whether `c` has a bit of its own, so that [`CharSet::may_contain`] is exact for it.
    pub fn is_exact(c: char) -> bool {
        c.is_ascii_lowercase() || c.is_ascii_digit()
    }

    pub fn may_contain_all(self, word: &str) -> bool {
        word.chars().all(|c| self.may_contain(c))
    }
}

/// Which of the first 128 chars of `text` start a word: those not after a letter or digit.
pub fn word_start_mask(text: &str) -> u128 {
    let mut mask = 0;
    let mut prev_alnum = false;
    for (i, c) in text.chars().take(128).enumerate() {
        if !prev_alnum {
            mask |= 1 << i;
        }
        prev_alnum = c.is_alphanumeric();
    }
    mask
}

/// An abbreviation found in a name: its text (not yet folded), the char range it covers,
/// and whether it is the whole content of a parenthesis (`(MI)`) rather than an upper-case
/// word of the name (`HVB` in `(HVB-hem)`).
pub struct FoundAbbreviation {
    pub text: String,
    pub chars: Range<usize>,
    pub parenthesis: bool,
}

/// Abbreviations in a name: the whole content of each parenthesis that looks like one
/// (`(MI)`, `(TF-KBT)`), and every upper-case word of two or more letters (`HVB` in
/// `(HVB-hem)`, `ACT` in `ACT-team`).
pub fn abbreviations(name: &str) -> Vec<FoundAbbreviation> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut found = |range: Range<usize>, parenthesis: bool| {
        // Only a candidate costs a string.
        if looks_like_abbreviation(&chars[range.clone()]) {
            out.push(FoundAbbreviation {
                text: chars[range.clone()].iter().collect(),
                chars: range,
                parenthesis,
            });
        }
    };
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open = Some(i + 1),
            ')' => {
                if let Some(start) = open.take() {
                    found(start..i, true);
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
                found(s..i, false);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Two or more letters, all letters upper case, no spaces: `MI`, `ÅP`, `TF-KBT`, `12-STEG`.
fn looks_like_abbreviation(s: &[char]) -> bool {
    let mut letters = 0;
    for &c in s {
        if c.is_whitespace() {
            return false;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}
