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
    // An ASCII name folds char for char.
    if s.is_ascii() {
        return (s.to_ascii_lowercase(), None);
    }
    let mut text = String::with_capacity(s.len());
    let mut origin: Option<Vec<u32>> = None;
    let mut buf = String::new();
    let mut folded_chars = 0u32;
    for (i, c) in (0u32..).zip(s.chars()) {
        if c.is_ascii() {
            text.push(c.to_ascii_lowercase());
            if let Some(o) = &mut origin {
                o.push(i);
            }
            folded_chars += 1;
            continue;
        }
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

/// The keys of a förklaring, in one pass over its text and without folding it into a copy
/// (the search reads the catalogue's own text): the first characters of its folded words
/// (what `CharSet::of_word_starts` finds in [`crate::sort::fold`] of the text), and those
/// of them that come from a char that is not ASCII (`a` of `Återfall`, `a` of `Æble`).
///
/// A word is then found in the original text by looking at ASCII bytes only, unless the
/// word starts with a character of the second set: see `forklaring::contains_at_word_start`.
pub fn forklaring_keys(s: &str) -> (CharSet, CharSet) {
    let mut starts = 0u64;
    let mut other = 0u64;
    // All ones where the next char starts a word (after nothing, or after a char that is
    // not a letter or digit), else none: ANDed with a char's bit.
    let mut next_starts = !0u64;
    let mut buf = String::new();
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Most of a förklaring is ASCII: a byte and two table look-ups, no branch more.
        if b.is_ascii() {
            starts |= LOWER_ASCII_BITS[usize::from(b)] & next_starts;
            next_starts = WORD_STARTS_AFTER[usize::from(b)];
            at += 1;
            continue;
        }
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        buf.clear();
        fold_char_into(c, &mut buf);
        for f in buf.chars() {
            starts |= CharSet::bit(f) & next_starts;
            other |= CharSet::bit(f) & next_starts;
            next_starts = if f.is_alphanumeric() { 0 } else { !0 };
        }
    }
    (CharSet(starts), CharSet(other))
}

/// For each ASCII byte, whether a char after it starts a word: all ones after a byte that
/// is not a letter or digit, else zero.
const WORD_STARTS_AFTER: [u64; 128] = {
    let mut t = [0; 128];
    let mut b: u8 = 0;
    while b < 128 {
        t[b as usize] = if b.is_ascii_alphanumeric() { 0 } else { !0 };
        b += 1;
    }
    t
};

/// [`CharSet::bit`] of each ASCII byte lower-cased.
const LOWER_ASCII_BITS: [u64; 128] = {
    let mut t = [0; 128];
    let mut b: u8 = 0;
    while b < 128 {
        t[b as usize] = CharSet::ascii_bit(b.to_ascii_lowercase());
        b += 1;
    }
    t
};

/// A lossy set of characters, one bit per class: if a character is in a text, its bit is
/// set, so a clear bit proves the character absent. Folded text is lower case, so the 26
/// letters and 10 digits get a bit each; other ASCII characters share 27 bits and
/// everything else one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(pub u64);

impl CharSet {
    pub fn bit(c: char) -> u64 {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => Self::ascii_bit(b),
            _ => 1 << 63,
        }
    }

    /// [`CharSet::bit`] of an ASCII byte.
    const fn ascii_bit(b: u8) -> u64 {
        let class = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + b - b'0',
            _ => 36 + b % 27,
        };
        1 << class
    }

    pub fn of(text: &str) -> Self {
        // Any byte of a multi-byte char is past ASCII: it sets the bit of all other chars.
        CharSet(
            text.bytes()
                .fold(0, |m, b| m | Self::bit(char::from(b.min(0x80)))),
        )
    }

    /// The first characters of the words of `text` in the sense of the search's
    /// `contains_at_word_start`: every character not preceded by an alphanumeric one.
    /// (The index gets them from [`forklaring_keys`]; this says what that computes.)
    #[cfg(test)]
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
    // Every abbreviation has two upper-case letters; most names have one at most.
    if name.chars().filter(|c| c.is_uppercase()).nth(1).is_none() {
        return Vec::new();
    }
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
