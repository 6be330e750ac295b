//! Swedish text helpers shared by search, lists and commands: sort keys and diacritic folding.
//!
//! Swedish alphabetical order puts å, ä and ö after z, in that order; other accented letters
//! sort as their base letter (é as e, ü as y, æ as ä, ø as ö), and case does not matter.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A key that sorts strings in Swedish alphabetical order when compared with `Ord`.
///
/// Equal keys are possible for strings that differ only in case or in diacritics other than
/// å, ä and ö; break such ties with the original string or source order.
///
/// ```
/// use insats::sort::swedish_key;
/// let mut names = vec!["Örebro", "Ängelholm", "Åre", "Zinkgruvan", "Eslöv"];
/// names.sort_by_key(|n| swedish_key(n));
/// assert_eq!(names, ["Eslöv", "Zinkgruvan", "Åre", "Ängelholm", "Örebro"]);
/// ```
#[must_use]
pub fn swedish_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    swedish_key_into(s, &mut key);
    key
}

/// [`swedish_key`] of `s`, appended to `key`.
pub fn swedish_key_into(s: &str, key: &mut String) {
    let mut rest = s;
    // Runs of ASCII are copied whole and lower-cased in place; only the other chars go one
    // by one.
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = key.len();
        key.push_str(&rest[..ascii]);
        key[start..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        let Some(c) = chars.next() else {
            return;
        };
        for c in c.to_lowercase() {
            swedish_char_into(c, key);
        }
        rest = chars.as_str();
    }
}

/// One lower-case char of a [`swedish_key`].
fn swedish_char_into(c: char, key: &mut String) {
    // `{`, `|` and `}` are the three code points right after `z`.
    match c {
        'å' => key.push('{'),
        'ä' | 'æ' => key.push('|'),
        'ö' | 'ø' => key.push('}'),
        'ü' => key.push('y'),
        _ => fold_char_into(c, key),
    }
}

/// Fold one character for matching: lower case without diacritics (`Å` → `a`, `é` → `e`).
///
/// Most characters fold to one character; a few ligatures fold to two (`æ` → `ae`, `ß` →
/// `ss`). Characters without a base letter are kept as they are (lower-cased).
pub fn fold_char_into(c: char, out: &mut String) {
    // Most characters of the catalogue are ASCII; they need no Unicode tables.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // The Swedish letters, next most common, without the Unicode tables either.
    match c {
        'å' | 'ä' | 'Å' | 'Ä' | 'à' | 'á' | 'â' => return out.push('a'),
        'ö' | 'Ö' | 'ó' | 'ò' | 'ô' => return out.push('o'),
        'é' | 'è' | 'É' | 'ê' | 'ë' => return out.push('e'),
        'ü' | 'Ü' | 'ú' => return out.push('u'),
        _ => {}
    }
    for lower in c.to_lowercase() {
        match lower {
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            _ if lower.is_ascii() => out.push(lower),
            _ => out.extend(lower.nfd().filter(|d| !is_combining_mark(*d))),
        }
    }
}

/// An ASCII slug for ids and file names: [`fold`]ed (`å ä → a`, `ö → o`, other accents
/// dropped), runs of anything but ASCII letters and digits → one `-`, none at the ends.
///
/// ```
/// assert_eq!(insats::sort::slug("Malmö stad / Södra"), "malmo-stad-sodra");
/// assert_eq!(insats::sort::slug(" / "), "");
/// ```
#[must_use]
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(out.trim_end_matches('-').len());
    out
}

/// Fold a whole string for matching; see [`fold_char_into`].
///
/// ```
/// assert_eq!(insats::sort::fold("Återfallsprevention (ÅP)"), "aterfallsprevention (ap)");
/// ```
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] of `s`, appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut rest = s;
    // Runs of ASCII, most of any text, are copied whole and lower-cased at the end; only
    // the other chars go one by one (a long förklaring has a few å, ä and ö).
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        if let Some(c) = chars.next() {
            fold_char_into(c, out);
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out[start..].make_ascii_lowercase();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_the_keys_of_its_chars_one_after_another() {
        // The runs of ASCII that are copied whole give what char by char gives.
        for s in [
            "",
            "Återfallsprevention (ÅP)",
            "Stöd i ÖPPEN vård, Æble och Straße",
            "ASCII only: KBT-behandling 12",
            "ÅÄÖåäöÜüÉé",
            "x\u{301}y",
        ] {
            let by_char: String = s.chars().map(|c| swedish_key(&c.to_string())).collect();
            assert_eq!(swedish_key(s), by_char, "{s:?}");
            let mut appended = String::from("före ");
            swedish_key_into(s, &mut appended);
            assert_eq!(appended, format!("före {by_char}"), "{s:?}");
        }
    }

    #[test]
    fn swedish_order_puts_a_ring_a_diaeresis_o_diaeresis_after_z() {
        let mut v = vec!["ö", "ä", "å", "z", "a", "o"];
        v.sort_by_key(|s| swedish_key(s));
        assert_eq!(v, ["a", "o", "z", "å", "ä", "ö"]);
    }

    #[test]
    fn swedish_key_ignores_case_and_other_accents() {
        assert_eq!(swedish_key("Éva"), swedish_key("eva"));
        assert!(swedish_key("Äldreboende") > swedish_key("Zon"));
        assert!(swedish_key("Hemtjänst") < swedish_key("Hemtjänstinsatser"));
    }

    #[test]
    fn the_shortcuts_for_swedish_letters_fold_as_the_unicode_tables_do() {
        for c in "åäÅÄàáâöÖóòôéèÉêëüÜú".chars() {
            let by_tables: String = c
                .to_lowercase()
                .flat_map(|l| l.nfd())
                .filter(|d| !is_combining_mark(*d))
                .collect();
            let mut out = String::new();
            fold_char_into(c, &mut out);
            assert_eq!(out, by_tables, "{c}");
        }
        assert_eq!(fold("ABC def"), "abc def", "the all-ASCII path");
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("ÅÄÖ åäö éüñ"), "aao aao eun");
        assert_eq!(fold("Æble Straße"), "aeble strasse");
        assert_eq!(fold("• 12-stegs"), "• 12-stegs");
    }
}
