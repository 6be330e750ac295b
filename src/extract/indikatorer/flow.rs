//! Turning the wrapped lines of a field back into text: whitespace, line-end hyphens and
//! which line breaks to keep.
//!
//! The PDF's line breaks are layout, except where a list item, a new sentence or a condition
//! of a rule starts. Blank lines are no guide: the conversion inserts them inside wrapped
//! list items as well as between paragraphs.

/// How line breaks are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Running text: a break is kept before a list item, and before a capital letter when the
    /// previous line ends a sentence or is short (the end of a paragraph or a list entry).
    Prose,
    /// A rule or a list of answers: every line starting with a capital letter is a new
    /// condition unless the previous line ends with a word that needs a continuation.
    Rule,
}

/// A source line shorter than this (in characters, trimmed) did not reach the right margin,
/// so what follows it starts a new line in the source's sense.
const SHORT_LINE: usize = 50;

/// Words after which a rule's condition continues on the next line.
const CONNECTORS: [&str; 10] = [
    "och", "eller", "samt", "på", "för", "av", "att", "med", "till", "om",
];

/// Collapse runs of whitespace into one space and trim.
#[must_use]
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Join `lines` into text: whitespace squashed, line-end hyphenation resolved, line breaks
/// kept where `flow` says so. Empty lines are skipped.
#[must_use]
pub fn reflow<S: AsRef<str>>(lines: &[S], flow: Flow) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prev_raw_len = usize::MAX;
    for raw in lines {
        let line = squash(raw.as_ref());
        if line.is_empty() {
            continue;
        }
        let raw_len = line.chars().count();
        match out.last_mut() {
            None => out.push(line),
            Some(last) => {
                if let Some(joined) = join_hyphenated(last, &line) {
                    *last = joined;
                } else if keeps_break(last, prev_raw_len, &line, flow) {
                    out.push(line);
                } else {
                    last.push(' ');
                    last.push_str(&line);
                }
            }
        }
        prev_raw_len = raw_len;
    }
    out.join("\n")
}

/// Join a line ending in a word hyphen with the next line, or `None` when `prev` does not end
/// in one.
///
/// A lower-case word broken at the margin is joined without the hyphen (`bi-` + `stånd`);
/// a suspended compound keeps hyphen and space (`hälso-` + `och sjukvård`); a hyphen after a
/// capital or a digit is real (`FREDA-` + `kortfrågor`, `2017-7-` + `1`).
#[must_use]
pub fn join_hyphenated(prev: &str, next: &str) -> Option<String> {
    let stem = prev.strip_suffix('-')?;
    let before = stem.chars().last()?;
    if !before.is_alphanumeric() {
        return None;
    }
    let first_word = next.split_whitespace().next().unwrap_or("");
    if matches!(first_word, "och" | "eller") {
        return Some(format!("{prev} {next}"));
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    if before.is_lowercase() && next_lower {
        Some(format!("{stem}{next}"))
    } else {
        Some(format!("{prev}{next}"))
    }
}

/// Whether `line` starts a list item: a bullet, a dash, `A.`, `1.` or `a)`.
#[must_use]
pub fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '•' | '–' | '-') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let head: String = line.chars().take_while(|c| !c.is_whitespace()).collect();
    let body_follows = line.len() > head.len();
    if !body_follows {
        return false;
    }
    if let Some(n) = head.strip_suffix('.') {
        let one_capital = n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_uppercase());
        let number = !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit());
        return one_capital || number;
    }
    if let Some(n) = head.strip_suffix(')') {
        return n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_lowercase());
    }
    false
}

fn starts_upper(line: &str) -> bool {
    let first = line
        .chars()
        .find(|c| !matches!(c, '”' | '"' | '“' | '\'' | '('));
    first.is_some_and(char::is_uppercase)
}

fn ends_with_connector(prev: &str) -> bool {
    if prev.ends_with(['+', '/', '-', '–']) {
        return true;
    }
    let last = prev.split_whitespace().last().unwrap_or("");
    CONNECTORS.contains(&last)
}

fn keeps_break(prev: &str, prev_raw_len: usize, next: &str, flow: Flow) -> bool {
    if is_list_item(next) {
        return true;
    }
    if !starts_upper(next) {
        return false;
    }
    match flow {
        Flow::Rule => !ends_with_connector(prev),
        Flow::Prose => prev.ends_with(['.', ':', '?', '!', ';']) || prev_raw_len < SHORT_LINE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_word_broken_at_margin_is_joined() {
        assert_eq!(
            reflow(&["söker ekonomiskt bi-", "stånd eller inte."], Flow::Prose),
            "söker ekonomiskt bistånd eller inte."
        );
    }

    #[test]
    fn suspended_compound_keeps_hyphen_and_space() {
        assert_eq!(
            reflow(&["vård hos hälso-", "och sjukvården har"], Flow::Prose),
            "vård hos hälso- och sjukvården har"
        );
        // `gemen-` + `samt` is a broken word, not a suspended compound.
        assert_eq!(
            reflow(&["har ett gemen-", "samt ansvar"], Flow::Prose),
            "har ett gemensamt ansvar"
        );
    }

    #[test]
    fn hyphen_after_capital_or_digit_is_real() {
        assert_eq!(
            reflow(&["metoden FREDA-", "kortfrågor för att"], Flow::Prose),
            "metoden FREDA-kortfrågor för att"
        );
        assert_eq!(
            reflow(&["2017-7-", "1, Socialstyrelsen"], Flow::Prose),
            "2017-7-1, Socialstyrelsen"
        );
    }

    #[test]
    fn rule_keeps_one_condition_per_line_and_eller() {
        let lines = [
            "För att uppnå indikatorn på kommunnivå krävs: ",
            "Ja på fråga i ",
            "Ja på fråga ii A och B ",
            "Ja på fråga iii, ELLER ",
            "Ja på fråga i",
            "Ej aktuellt på fråga iii.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Rule),
            "För att uppnå indikatorn på kommunnivå krävs:\nJa på fråga i\nJa på fråga ii A och B\n\
             Ja på fråga iii, ELLER\nJa på fråga i\nEj aktuellt på fråga iii."
        );
    }

    #[test]
    fn rule_continues_after_connector_and_lower_case() {
        let lines = [
            "”Ja” eller ”Nej, behövs inte” på fråga i och ",
            "”Ja” eller ”Ej aktuellt” på fråga ",
            "ii.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Rule),
            "”Ja” eller ”Nej, behövs inte” på fråga i och ”Ja” eller ”Ej aktuellt” på fråga ii."
        );
    }

    #[test]
    fn prose_breaks_before_list_items_and_after_sentences_only() {
        let lines = [
            "Kommunen har en rutin som anger att barnfamiljer aktivt ska sökas upp",
            "Socialstyrelsen har skrivit om det.",
            "Nästa mening börjar här.",
            "• första punkten",
            "  med fortsättning",
            "1. Hem för vård eller boende",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Kommunen har en rutin som anger att barnfamiljer aktivt ska sökas upp Socialstyrelsen \
             har skrivit om det.\nNästa mening börjar här.\n• första punkten med fortsättning\n\
             1. Hem för vård eller boende"
        );
    }

    #[test]
    fn list_items() {
        assert!(is_list_item("• Missbruk"));
        assert!(is_list_item("– hos Samhall AB"));
        assert!(is_list_item("A. Att ni aktivt söker upp"));
        assert!(is_list_item("12. Kommunal hälso- och sjukvård"));
        assert!(is_list_item("a) särskilt boende"));
        assert!(!is_list_item("2019. Stockholm"));
        assert!(!is_list_item("-Kris-"));
        assert!(!is_list_item("Ja/Nej"));
    }
}
