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
    /// previous line ends a sentence or a web address, did not reach the right margin, or is
    /// an entry of an unmarked list.
    Prose,
    /// A rule or a list of answers: every line starting with a capital letter is a new
    /// condition unless the previous line reached the margin and ends with a word that needs
    /// a continuation.
    Rule,
}

/// A source line shorter than this (in characters, trimmed) did not reach the right margin,
/// so what follows it starts a new line in the source's sense.
const SHORT_LINE: usize = 50;

/// Nor did a line with room left for the first word of the next one: wrapped lines of 003
/// are 64 characters or more with that word counted.
const ROOM_FOR_NEXT_WORD: usize = 60;

/// Words after which a rule's condition continues on the next line.
const CONNECTORS: [&str; 10] = [
    "och", "eller", "samt", "på", "för", "av", "att", "med", "till", "om",
];

/// Collapse runs of whitespace into one space and trim.
#[must_use]
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One line of the output and what is known about the source lines it was made of.
struct OutLine {
    text: String,
    /// How many source lines were joined into it.
    sources: usize,
    /// Trimmed length of its last source line.
    last_len: usize,
}

impl OutLine {
    /// A single source line without a list marker that does not end like a sentence or a
    /// clause: in a list, an entry of its own (`Gemensamma mål med överenskommelsen`). A
    /// marked item (`• Jobbsökaraktivitet (…, upprättar` / `CV etc.)`) wraps like prose.
    fn is_bare_entry(&self) -> bool {
        self.sources == 1
            && !is_list_item(&self.text)
            && !self
                .text
                .ends_with(['.', ',', ';', ':', '?', '!', '-', '–', '/'])
    }
}

/// Join `lines` into text: whitespace squashed, line-end hyphenation resolved, line breaks
/// kept where `flow` says so. Empty lines are skipped.
#[must_use]
pub fn reflow<S: AsRef<str>>(lines: &[S], flow: Flow) -> String {
    let mut out: Vec<OutLine> = Vec::new();
    for raw in lines {
        let line = squash(raw.as_ref());
        if line.is_empty() {
            continue;
        }
        let len = line.chars().count();
        let n = out.len();
        let Some(last) = out.last() else {
            out.push(OutLine {
                text: line,
                sources: 1,
                last_len: len,
            });
            continue;
        };
        let joined = join_hyphenated(&last.text, &line);
        let keep = joined.is_none() && {
            let before = n.checked_sub(2).map(|i| &out[i]);
            keeps_break(last, before, &line, flow)
        };
        if keep {
            out.push(OutLine {
                text: line,
                sources: 1,
                last_len: len,
            });
        } else if let Some(last) = out.last_mut() {
            last.text = joined.unwrap_or_else(|| format!("{} {line}", last.text));
            last.sources += 1;
            last.last_len = len;
        }
    }
    out.into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n")
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

/// Whether `prev` ends a sentence, also inside closing brackets or quotes (`… variabellista.)`).
fn ends_sentence(prev: &str) -> bool {
    prev.trim_end_matches([')', '”', '"', '’'])
        .ends_with(['.', ':', '?', '!', ';'])
}

/// Whether `prev` ends with a web address (`https://…`, `www.…`).
fn ends_with_address(prev: &str) -> bool {
    let word = prev.split_whitespace().last().unwrap_or("");
    let lower = word.to_lowercase();
    lower.contains("://") || lower.starts_with("www.")
}

/// Whether the line did not reach the right margin: short, or with room left for `next`'s
/// first word.
fn ends_early(len: usize, next: &str) -> bool {
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    len < SHORT_LINE || len + 1 + word <= ROOM_FOR_NEXT_WORD
}

/// Whether `prev` is an entry of an unmarked list, one per line (`…som innehåller:` /
/// `Gemensamma mål med överenskommelsen` / `Resurs- och ansvarsfördelningen …`): a bare
/// entry right after an introduction (`:` or `?`) or after another bare entry.
fn is_list_entry(prev: &OutLine, before: Option<&OutLine>) -> bool {
    prev.is_bare_entry()
        && before.is_some_and(|b| b.text.ends_with([':', '?']) || b.is_bare_entry())
}

fn keeps_break(prev: &OutLine, before: Option<&OutLine>, next: &str, flow: Flow) -> bool {
    if is_list_item(next) {
        return true;
    }
    if !starts_upper(next) {
        return false;
    }
    match flow {
        Flow::Rule => {
            !ends_with_connector(&prev.text)
                || prev.last_len < SHORT_LINE && !prev.text.ends_with(['+', '/', '-', '–'])
        }
        Flow::Prose => {
            ends_sentence(&prev.text)
                || ends_with_address(&prev.text)
                || ends_early(prev.last_len, next)
                || is_list_entry(prev, before)
        }
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

    /// A wrapped condition continues after a connector or on a lower-case line; a short
    /// line ending in `och` before a capital is where the source starts the next condition.
    #[test]
    fn rule_continues_after_connector_at_the_margin_and_lower_case() {
        let lines = [
            "Ja-svar på fråga i för respektive verksamhetsområde och för respektive grupp och ",
            "Ja på fråga ii ",
            "”Ja” eller ”Nej, behövs inte” på fråga i och ”Ja” eller ”Ej aktuellt” på fråga ",
            "ii.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Rule),
            "Ja-svar på fråga i för respektive verksamhetsområde och för respektive grupp och Ja \
             på fråga ii\n”Ja” eller ”Nej, behövs inte” på fråga i och ”Ja” eller ”Ej aktuellt” på \
             fråga ii."
        );
        let lines = ["Ja på frågan i och ", "Ja eller Ej aktuellt på fråga ii."];
        assert_eq!(
            reflow(&lines, Flow::Rule),
            "Ja på frågan i och\nJa eller Ej aktuellt på fråga ii."
        );
        // A short line broken after `/` is still one list of answers.
        let lines = ["Ja/Nej/", "Ej aktuellt"];
        assert!(!reflow(&lines, Flow::Rule).contains('\n'));
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

    /// Entries printed one per line without markers after an introduction stay apart; a
    /// paragraph wrapped before a name does not turn into a list.
    #[test]
    fn unmarked_list_entries() {
        let lines = [
            "Kommunen har en överenskommelse med regioner/landsting som innehåller:",
            "Gemensamma mål med överenskommelsen",
            "Resurs- och ansvarsfördelningen mellan kommun och landsting/region",
            "Rutiner för samarbete mellan socialtjänstens och landstingets personal kring",
            "enskilda personer.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Kommunen har en överenskommelse med regioner/landsting som innehåller:\n\
             Gemensamma mål med överenskommelsen\n\
             Resurs- och ansvarsfördelningen mellan kommun och landsting/region\n\
             Rutiner för samarbete mellan socialtjänstens och landstingets personal kring \
             enskilda personer."
        );
        let lines = [
            "Indikatorn avser att spegla om kommunen/stadsdelen erbjuder individuell",
            "Case management i form av Strengths model till personer med missbruk.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Indikatorn avser att spegla om kommunen/stadsdelen erbjuder individuell Case \
             management i form av Strengths model till personer med missbruk."
        );
        // After a sentence, one unpunctuated line is the start of a paragraph, not an entry.
        let lines = [
            "Det är viktigt att verksamheten följs upp.",
            "Indikatorn avser att spegla om kommunen/stadsdelen erbjuder stöd enligt",
            "IPS till personer med psykisk funktionsnedsättning.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Det är viktigt att verksamheten följs upp.\nIndikatorn avser att spegla om \
             kommunen/stadsdelen erbjuder stöd enligt IPS till personer med psykisk \
             funktionsnedsättning."
        );
    }

    #[test]
    fn new_line_after_a_web_address_and_a_bracketed_sentence() {
        let lines = [
            "Information om beredskap vid värmeböljor https://www.folkhalsomyndig-",
            "heten.se/smittskydd-beredskap/krisberedskap/varmeboljor/",
            "Med höga temperaturer avses om SMHI:s prognos visar maximitemperatu-",
            "rer på minst 26° tre dagar i följd (Länk: SMHI:s varningar.)",
            "För att få fram siffror behöver kommunen dels kunna registrera variablerna.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Information om beredskap vid värmeböljor \
             https://www.folkhalsomyndigheten.se/smittskydd-beredskap/krisberedskap/varmeboljor/\n\
             Med höga temperaturer avses om SMHI:s prognos visar maximitemperaturer på minst 26° \
             tre dagar i följd (Länk: SMHI:s varningar.)\n\
             För att få fram siffror behöver kommunen dels kunna registrera variablerna."
        );
        assert!(ends_with_address(
            "vägledning www.msb.se/Upload/Nyheter.pdf"
        ));
        assert!(!ends_with_address("på Socialstyrelsens webbplats"));
    }

    /// A line with room left for the next line's first word did not reach the margin,
    /// whatever its length.
    #[test]
    fn heading_line_with_room_for_the_next_word() {
        let lines = [
            "Systematisk uppföljning med hjälp av BBIC-variabler",
            "BBIC tillhandahåller en nationellt enhetlig struktur för utredning.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Systematisk uppföljning med hjälp av BBIC-variabler\n\
             BBIC tillhandahåller en nationellt enhetlig struktur för utredning."
        );
        let lines = [
            "Kommunen/stadsdelen använder standardiserade bedömningsmetoden",
            "FREDA-kortfrågor inom socialtjänstens verksamhetsområden.",
        ];
        assert_eq!(
            reflow(&lines, Flow::Prose),
            "Kommunen/stadsdelen använder standardiserade bedömningsmetoden FREDA-kortfrågor \
             inom socialtjänstens verksamhetsområden."
        );
    }
}
