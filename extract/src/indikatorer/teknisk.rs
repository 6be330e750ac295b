//! Teknisk beskrivning: the survey questions with their Svarsalternativ, the rule
//! "För att uppnå indikatorn … krävs: …" (ELLER alternatives and all) and the rule for delvis.
//!
//! Question labels come in many styles (`i)`, `i:`, `i.`, `i)Har`, `i Har`, `iiii)`), a block's
//! single question may be unlabelled, and the answers of two questions may be printed
//! together after the second (`i Ja/Nej` / `ii Ja/Nej/Ej aktuellt`).

use std::collections::HashMap;

use super::ExtractError;
use super::flow::{Flow, reflow, squash};
use super::layout::Line;
use crate::model::Fraga;

/// The parsed Teknisk beskrivning of one block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Teknisk {
    pub fragor: Vec<Fraga>,
    pub kriterier: Option<String>,
    pub delvis: Option<String>,
    /// Source lines where a label fix was applied.
    pub applied_fixes: Vec<usize>,
}

/// Replacement question labels, by source line (see `korrigeringar_indikatorer.toml`).
pub type LabelFixes = HashMap<usize, (String, String)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Intro,
    Question,
    Answers,
    Rule,
    Delvis,
    Other,
}

struct Draft {
    id: String,
    text: Vec<String>,
    answers: Vec<String>,
}

/// Whether a line starts the kommun-level rule ("För att uppnå indikatorn …", "För att uppnå
/// indikatorerna …").
#[must_use]
pub fn is_rule_start(t: &str) -> bool {
    t.starts_with("För att uppnå indikatorn") || t.starts_with("För att uppnå indikatorerna")
}

/// Whether a line starts the rule for delvis, in any of its printed forms.
#[must_use]
pub fn is_delvis_start(t: &str) -> bool {
    let t = t.strip_prefix('(').unwrap_or(t);
    [
        "För att uppnå delvis",
        "För att delvis uppnå",
        "För att få Delvis",
        "För Delvis",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// A punctuated question label (`i)`, `ii.`, `iii:`, `iiii)Text`) and the text after it.
fn punctuated_label(t: &str) -> Option<(&str, &str)> {
    let end = t.find(|c: char| !matches!(c, 'i' | 'v' | 'x'))?;
    if end == 0 {
        return None;
    }
    let (label, rest) = t.split_at(end);
    let rest = rest.trim_start();
    let rest = rest.strip_prefix([')', '.', ':'])?;
    Some((label, rest.trim()))
}

/// A label without punctuation followed by text (`i Har ni …`, `Ii Ja/Nej`).
fn bare_label(t: &str) -> Option<(String, &str)> {
    let (label, rest) = t.split_once(' ')?;
    let lower = label.to_lowercase();
    if lower.is_empty() || !lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    Some((lower, rest.trim()))
}

/// The answer text after `Svarsalternativ` / `Svar:`; a qualifier such as `för respektive
/// område:` is kept (without the comma of `Svarsalternativ, för respektive insats:`).
fn answers_start(t: &str) -> Option<&str> {
    if let Some(rest) = t.strip_prefix("Svarsalternativ") {
        return Some(rest.trim_start_matches([':', ',']).trim());
    }
    t.strip_prefix("Svar:").map(str::trim)
}

/// Lines that end the questions without being part of a rule: reporting notes of the
/// bakgrundsmått and the statistics half of 92.
fn is_other_start(t: &str) -> bool {
    t.starts_with("Statistikuppgift:")
        || t.starts_with("Redovisas som")
        || (t.starts_with("På kommun") && t.contains("redovisas"))
}

/// Whether the line introduces the questions ("Indikatorn beräknas utifrån svar på följande
/// enkätfrågor:", "Uppgiften bygger på följande enkätfråga:", …).
fn is_intro(t: &str) -> bool {
    t.contains("följande") && t.ends_with(':')
}

const AGGREGATED: &str = "För aggregerad nivå";

/// Parse the lines of a Teknisk beskrivning.
///
/// # Errors
/// When a Svarsalternativ line comes before any question.
pub fn parse(lines: &[Line], fixes: &LabelFixes, file: &str) -> Result<Teknisk, ExtractError> {
    let mut state = State::Intro;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut rule: Vec<String> = Vec::new();
    let mut delvis: Vec<String> = Vec::new();
    let applied_fixes: Vec<usize> = lines
        .iter()
        .filter(|l| !l.noise)
        .filter(|l| {
            fixes.get(&l.no).is_some_and(|(tryckt, _)| {
                punctuated_label(&squash(&l.text)).is_some_and(|(printed, _)| printed == tryckt)
            })
        })
        .map(|l| l.no)
        .collect();
    for l in lines.iter().filter(|l| !l.noise) {
        let mut t = squash(&l.text);
        if t.is_empty() {
            continue;
        }
        let mut ends_rule = false;
        if let Some(pos) = t.find(AGGREGATED) {
            t.truncate(pos);
            t = t.trim().to_string();
            ends_rule = true;
        }
        // `… trygghetslarm? Svarsalternativ: Ja/Nej` ends a question mid-line.
        let split_at = t
            .find("Svarsalternativ")
            .filter(|&pos| pos > 0 && state == State::Question);
        let segments = match split_at {
            Some(pos) => vec![t[..pos].trim().to_string(), t[pos..].to_string()],
            None => vec![t],
        };
        for seg in segments.iter().filter(|s| !s.is_empty()) {
            state = step(
                state,
                seg,
                l,
                fixes,
                file,
                &mut drafts,
                &mut rule,
                &mut delvis,
            )?;
        }
        if ends_rule {
            state = State::Other;
        }
    }
    let fragor = drafts
        .into_iter()
        .map(|d| Fraga {
            id: d.id,
            fraga: reflow(&d.text, Flow::Prose),
            svarsalternativ: (!d.answers.is_empty()).then(|| reflow(&d.answers, Flow::Rule)),
        })
        .collect();
    Ok(Teknisk {
        fragor,
        kriterier: (!rule.is_empty()).then(|| heading_on_own_line(&reflow(&rule, Flow::Rule))),
        delvis: (!delvis.is_empty())
            .then(|| heading_on_own_line(&strip_parens(&reflow(&delvis, Flow::Rule)))),
        applied_fixes,
    })
}

#[allow(clippy::too_many_arguments)]
fn step(
    state: State,
    t: &str,
    l: &Line,
    fixes: &LabelFixes,
    file: &str,
    drafts: &mut Vec<Draft>,
    rule: &mut Vec<String>,
    delvis: &mut Vec<String>,
) -> Result<State, ExtractError> {
    if is_delvis_start(t) {
        delvis.push(t.to_string());
        return Ok(State::Delvis);
    }
    if is_rule_start(t) {
        rule.push(t.to_string());
        return Ok(State::Rule);
    }
    match state {
        State::Rule | State::Delvis => {
            if t.starts_with("På storstad") {
                return Ok(State::Other);
            }
            let target = if state == State::Rule { rule } else { delvis };
            target.push(t.to_string());
            return Ok(state);
        }
        State::Other => return Ok(State::Other),
        _ => {}
    }
    if let Some(rest) = answers_start(t) {
        let Some(d) = drafts.last_mut() else {
            return Err(ExtractError::Source {
                file: file.to_string(),
                line: l.no,
                message: "svarsalternativ utan fråga".into(),
            });
        };
        if !rest.is_empty() {
            d.answers.push(rest.to_string());
        }
        return Ok(State::Answers);
    }
    if state == State::Answers
        && let Some((label, rest)) = bare_label(t)
        && rest.starts_with(char::is_uppercase)
        && let Some(d) = drafts.iter_mut().find(|d| d.id == label)
    {
        // `i Ja/Nej` under a shared Svarsalternativ: the answers of an earlier question.
        d.answers.push(rest.to_string());
        return Ok(State::Answers);
    }
    if let Some((label, rest)) = new_label(t, l.no, fixes, drafts, file)? {
        drafts.push(Draft {
            id: label,
            text: if rest.is_empty() {
                Vec::new()
            } else {
                vec![rest.to_string()]
            },
            answers: Vec::new(),
        });
        return Ok(State::Question);
    }
    if is_other_start(t) {
        return Ok(State::Other);
    }
    match state {
        State::Intro if is_intro(t) => Ok(State::Intro),
        State::Intro => {
            // A block's single question printed without a label.
            let text = t.strip_prefix("Enkätfråga:").map_or(t, str::trim);
            drafts.push(Draft {
                id: "i".to_string(),
                text: vec![text.to_string()],
                answers: Vec::new(),
            });
            Ok(State::Question)
        }
        State::Question => {
            if let Some(d) = drafts.last_mut() {
                d.text.push(t.to_string());
            }
            Ok(State::Question)
        }
        State::Answers => {
            if let Some(d) = drafts.last_mut() {
                d.answers.push(t.to_string());
            }
            Ok(State::Answers)
        }
        State::Rule | State::Delvis | State::Other => Ok(State::Other),
    }
}

/// A label that opens a new question: punctuated (after the label fixes), or a bare `i`
/// before the first question.
///
/// # Errors
/// When a punctuated label repeats one used before in the block: the source numbers its
/// questions inconsistently there and a correction must say which label to use.
fn new_label<'a>(
    t: &'a str,
    line: usize,
    fixes: &LabelFixes,
    drafts: &[Draft],
    file: &str,
) -> Result<Option<(String, &'a str)>, ExtractError> {
    if let Some((printed, rest)) = punctuated_label(t) {
        let id = match fixes.get(&line) {
            Some((tryckt, fixed)) if tryckt == printed => fixed.clone(),
            _ => printed.to_string(),
        };
        if drafts.iter().any(|d| d.id == id) {
            return Err(ExtractError::Source {
                file: file.to_string(),
                line,
                message: format!(
                    "frågeetiketten {id:?} står redan tidigare i blocket (ange rätt etikett i {})",
                    super::corrections::FILE_NAME
                ),
            });
        }
        return Ok(Some((id, rest)));
    }
    if drafts.is_empty()
        && let Some((label, rest)) = bare_label(t)
        && label == "i"
        && rest.starts_with(char::is_uppercase)
    {
        return Ok(Some((label, rest)));
    }
    Ok(None)
}

/// The most words a qualifier between `krävs` and the heading's colon has (`krävs för
/// respektive verksamhetsområde:`); a longer text before a colon is a condition.
const QUALIFIER_WORDS: usize = 4;

/// End the rule's heading ("För att uppnå indikatorn … krävs:") with its own line, so that
/// the conditions always start on the next one, whether the source prints them there or on
/// the heading's line (`krävs: Ja på frågan.`, `krävs att kommunen …`, `krävs ”Ja, för
/// alla”.`).
#[must_use]
pub fn heading_on_own_line(rule: &str) -> String {
    let (first, rest) = rule
        .split_once('\n')
        .map_or((rule, None), |(f, r)| (f, Some(r)));
    let Some(pos) = first.find("krävs") else {
        return rule.to_string();
    };
    let after = &first[pos + "krävs".len()..];
    let end = match after.find(':') {
        Some(colon) if after[..colon].split_whitespace().count() <= QUALIFIER_WORDS => colon + 1,
        _ => 0,
    };
    let (head_tail, conditions) = after.split_at(end);
    let conditions = conditions.trim();
    if conditions.is_empty() {
        return rule.to_string();
    }
    let mut out = format!("{}{head_tail}\n{conditions}", &first[..pos + "krävs".len()]);
    if let Some(rest) = rest {
        out.push('\n');
        out.push_str(rest);
    }
    out
}

/// Remove one pair of parentheses around the whole text: `(För Delvis krävs …)`.
fn strip_parens(s: &str) -> String {
    match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => inner.trim().to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    fn teknisk(text: &str) -> Teknisk {
        parse(&lines(text), &LabelFixes::new(), "003.txt").expect("teknisk")
    }

    #[test]
    fn questions_answers_and_rule_with_eller() {
        let t = teknisk(
            "Indikatorn beräknas utifrån svar på följande enkätfrågor: \n\
             i) Har ni (mätdatum) en skriftlig och på ledningsnivå beslutad rutin för hur ni \n\
             ska gå tillväga för att förhindra att barnfamiljer avhyses? \n\
             Svarsalternativ: Ja/Nej \nii) Innehåller rutinen nedanstående delar \n\n\
             A. Att ni aktivt söker upp alla barnfamiljer med hyresskuld, oavsett om för-\n\
             äldrarna själva söker ekonomiskt bistånd eller inte? \n\n\
             B. Att ni följer upp om hyresskulder har reglerats? \n\nSvarsalternativ: Ja/Nej \n\
             iii) Har ni någon gång under perioden (12 mån) följt upp rutinen? \n\
             Svarsalternativ: Ja/Nej/Ej aktuellt, då rutinen upprättades nyligen, dvs. efter \n\
             (datum 12 mån innan). \n\
             För att uppnå indikatorn på kommunnivå krävs: \nJa på fråga i \nJa på fråga ii A och B \n\
             Ja på fråga iii, ELLER \nJa på fråga i \nJa på fråga ii A och B \nEj aktuellt på fråga iii. \n\
             För aggregerad nivå, se täljare och nämnare. \n",
        );
        let ids: Vec<&str> = t.fragor.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["i", "ii", "iii"]);
        assert_eq!(
            t.fragor[1].fraga,
            "Innehåller rutinen nedanstående delar\nA. Att ni aktivt söker upp alla barnfamiljer med \
             hyresskuld, oavsett om föräldrarna själva söker ekonomiskt bistånd eller inte?\n\
             B. Att ni följer upp om hyresskulder har reglerats?"
        );
        assert_eq!(
            t.fragor[2].svarsalternativ.as_deref(),
            Some(
                "Ja/Nej/Ej aktuellt, då rutinen upprättades nyligen, dvs. efter (datum 12 mån innan)."
            )
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn på kommunnivå krävs:\nJa på fråga i\nJa på fråga ii A och B\n\
                 Ja på fråga iii, ELLER\nJa på fråga i\nJa på fråga ii A och B\nEj aktuellt på fråga iii."
            )
        );
        assert_eq!(t.delvis, None);
    }

    #[test]
    fn label_styles() {
        let t = teknisk(
            "i: Har ni den (mätdatum) rutiner? \nSvarsalternativ: Ja/Nej \n\
             ii.  Har ni följt upp rutinerna? \n (samma verksamhetsområden som ovan) \n\
             Svarsalternativ för varje verksamhetsområde inom socialtjänsten:  \nJa/Nej \n\
             iii)Kan ni skapa en rapport? \n iiii) Registrerar ni variabler? \n",
        );
        let ids: Vec<&str> = t.fragor.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["i", "ii", "iii", "iiii"]);
        assert_eq!(
            t.fragor[1].fraga,
            "Har ni följt upp rutinerna? (samma verksamhetsområden som ovan)"
        );
        assert_eq!(
            t.fragor[1].svarsalternativ.as_deref(),
            Some("för varje verksamhetsområde inom socialtjänsten:\nJa/Nej")
        );
        assert_eq!(t.fragor[2].fraga, "Kan ni skapa en rapport?");
        let t = teknisk(
            "Indikatorn beräknas utifrån svar på följande enkätfråga: \n\
             i Har ni (mätdatum) uppsökande verksamhet för personer som är akut \nhemlösa? \n\
             Svarsalternativ: Ja/Nej. \n",
        );
        assert_eq!(t.fragor.len(), 1);
        assert_eq!(
            t.fragor[0].fraga,
            "Har ni (mätdatum) uppsökande verksamhet för personer som är akut hemlösa?"
        );
    }

    #[test]
    fn unlabelled_single_question_gets_id_i() {
        let t = teknisk(
            "Indikatorn beräknas utifrån svar på följande enkätfråga: \n\
             Erbjuder ni (mätdatum) - boendeinsatsen Bostad först - till personer som är \n\
             hemlösa med missbruk eller beroende och/eller psykisk sjukdom? \n\
             Svarsalternativ: Ja/Nej \n\
             För att uppnå indikatorn på kommunnivå krävs: Ja på frågan. \n\
             För aggregerad nivå, se täljare och nämnare. \n",
        );
        assert_eq!(t.fragor.len(), 1);
        assert_eq!(t.fragor[0].id, "i");
        assert!(t.fragor[0].fraga.starts_with("Erbjuder ni (mätdatum)"));
        assert_eq!(
            t.kriterier.as_deref(),
            Some("För att uppnå indikatorn på kommunnivå krävs:\nJa på frågan.")
        );
    }

    #[test]
    fn answers_printed_inline_after_the_question() {
        let t = teknisk(
            "i) Har ni en garanterad maximal tid när denne använder \n\
             sitt trygghetslarm? Svarsalternativ: Ja/Nej  \nii) Ange den maximala garanterade tiden i minuter. \n",
        );
        assert_eq!(
            t.fragor[0].fraga,
            "Har ni en garanterad maximal tid när denne använder sitt trygghetslarm?"
        );
        assert_eq!(t.fragor[0].svarsalternativ.as_deref(), Some("Ja/Nej"));
        assert_eq!(t.fragor.len(), 2);
    }

    #[test]
    fn shared_answers_are_assigned_by_their_labels() {
        let t = teknisk(
            "i) Har ni (mätdatum) en skriftlig rutin? \n\
             ii) Har ni någon gång under perioden (12 mån) följt upp rutinen? \n\
             Svarsalternativ:  \nI Ja/Nej \nIi Ja/Nej/Ej aktuellt, då rutinen upprättades nyligen (12 mån tidigare) \n\
             För att uppnå indikatorn på kommunnivå krävs:  \nJa, på fråga i och Ja på fråga ii \nELLER \n\
             Ja på fråga i och Ej aktuellt, då rutinen upprättades nyligen på fråga ii. \n",
        );
        assert_eq!(t.fragor[0].svarsalternativ.as_deref(), Some("Ja/Nej"));
        assert_eq!(
            t.fragor[1].svarsalternativ.as_deref(),
            Some("Ja/Nej/Ej aktuellt, då rutinen upprättades nyligen (12 mån tidigare)")
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn på kommunnivå krävs:\nJa, på fråga i och Ja på fråga ii\nELLER\n\
                 Ja på fråga i och Ej aktuellt, då rutinen upprättades nyligen på fråga ii."
            )
        );
    }

    #[test]
    fn delvis_variants_are_kept_apart_from_the_rule() {
        let t = teknisk(
            "i: Har ni använt IBIC? \nSvarsalternativ:  \nJa för alla/Ja men inte för alla/Nej \n\
             För att uppnå indikatorn på kommun-/stadsdelsnivånivå krävs: \nJa för alla på fråga i \n\
             (För att uppnå delvis på kommun-/stadsdelsnivånivå krävs: \nJa men inte för alla på fråga i) \n\
             För aggregerad nivå, se täljare och nämnare. \n",
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn på kommun-/stadsdelsnivånivå krävs:\nJa för alla på fråga i"
            )
        );
        assert_eq!(
            t.delvis.as_deref(),
            Some(
                "För att uppnå delvis på kommun-/stadsdelsnivånivå krävs:\nJa men inte för alla på fråga i"
            )
        );
        for (line, want) in [
            (
                "(För Delvis krävs ”Ja, men inte för alla”)",
                "För Delvis krävs\n”Ja, men inte för alla”",
            ),
            (
                "(För att få Delvis krävs att kommunen svarat Ja, men inte för alla.)",
                "För att få Delvis krävs\natt kommunen svarat Ja, men inte för alla.",
            ),
            (
                "(För att delvis uppnå indikatorn på kommunnivå krävs:   \n\
                 Ja, på fråga i) och Nej på fråga ii) för respektive tjänst.)",
                "För att delvis uppnå indikatorn på kommunnivå krävs:\n\
                 Ja, på fråga i) och Nej på fråga ii) för respektive tjänst.",
            ),
        ] {
            let t = teknisk(&format!(
                "i) Fråga? \nFör att uppnå indikatorn krävs: Ja. \n{line}\n"
            ));
            assert_eq!(t.delvis.as_deref(), Some(want));
            assert_eq!(
                t.kriterier.as_deref(),
                Some("För att uppnå indikatorn krävs:\nJa.")
            );
        }
    }

    /// The rule ends where "För aggregerad nivå" starts, even in the middle of a line, and at
    /// "På storstad …"; a label-like `ii.` inside the rule is part of it.
    #[test]
    fn rule_ends_at_aggregated_level() {
        let t = teknisk(
            "i) Har ni en rutin? \nFör att uppnå indikatorn på kommunnivå krävs: \n\
             Ja-svar på fråga i) för respektive tjänst 1 – 12 enligt beskrivningen av indika-\n\
             torn. För aggregerad nivå, se täljare och nämnare  \nDefinitionstext som inte hör hit\n",
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn på kommunnivå krävs:\nJa-svar på fråga i) för respektive tjänst \
                 1 – 12 enligt beskrivningen av indikatorn."
            )
        );
        let t = teknisk(
            "i: Använder ni? \nSvarsalternativ: Ja/Nej för  \n- FIA (förutsättningar inför arbete) \n\n\
             För att uppnå indikatorn krävs: JA på fråga i.  \nOm annan metod har angivits sker en bedömning. \n\
             På storstad, länsnivå och riksnivå anges andel. \n",
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn krävs:\nJA på fråga i.\nOm annan metod har angivits sker en bedömning."
            )
        );
        assert_eq!(
            t.fragor[0].svarsalternativ.as_deref(),
            Some("Ja/Nej för\n- FIA (förutsättningar inför arbete)")
        );
        let t = teknisk(
            "ii. Har ni följt upp? \nFör att uppnå indikatorn på kommunnivå krävs: \n\
             ”Ja” eller ”Nej, behövs inte” på fråga i och ”Ja” eller ”Ej aktuellt” på fråga \nii.  \n",
        );
        assert_eq!(t.fragor.len(), 1);
        assert!(
            t.kriterier
                .as_deref()
                .is_some_and(|k| k.ends_with("på fråga ii."))
        );
    }

    #[test]
    fn label_fix_renames_a_duplicate_label() {
        let text = "iiiiiii)Har ni möjlighet att ange andel? \nSvarsalternativ: Ja/Nej. \n\
                    iiiiiii)Ange andel barn \nSvarsalternativ: Andel \n";
        let err = parse(&lines(text), &LabelFixes::new(), "003.txt").expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "003.txt:3: frågeetiketten \"iiiiiii\" står redan tidigare i blocket (ange rätt etikett \
             i korrigeringar_indikatorer.toml)"
        );
        let mut fixes = LabelFixes::new();
        fixes.insert(1, ("iiiiiii".to_string(), "iiiiii".to_string()));
        let fixed = parse(&lines(text), &fixes, "003.txt").expect("teknisk");
        let ids: Vec<&str> = fixed.fragor.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["iiiiii", "iiiiiii"]);
        assert_eq!(fixed.applied_fixes, vec![1]);
    }

    #[test]
    fn heading_ends_its_own_line() {
        for (rule, want) in [
            (
                "För att uppnå indikatorn på kommunnivå krävs: Ja på frågan.",
                "För att uppnå indikatorn på kommunnivå krävs:\nJa på frågan.",
            ),
            (
                "För att uppnå indikatorn krävs att kommunen/stadsdelen svarat Ja på fråga i.",
                "För att uppnå indikatorn krävs\natt kommunen/stadsdelen svarat Ja på fråga i.",
            ),
            (
                "För att uppnå indikatorn på stadsdel/kommunnivå krävs ”Ja, för alla”.",
                "För att uppnå indikatorn på stadsdel/kommunnivå krävs\n”Ja, för alla”.",
            ),
            // A short qualifier before the colon belongs to the heading.
            (
                "För att uppnå indikatorn krävs för respektive verksamhetsområde:\nJa på frågan i",
                "För att uppnå indikatorn krävs för respektive verksamhetsområde:\nJa på frågan i",
            ),
            // A colon inside a longer condition does not.
            (
                "För att uppnå indikatorn krävs att kommunen svarat Ja på fråga i: alla delar",
                "För att uppnå indikatorn krävs\natt kommunen svarat Ja på fråga i: alla delar",
            ),
            // Already on its own line; later lines are left alone.
            (
                "För att uppnå indikatorn krävs:\nJa på fråga i\nFör området Barn och unga - krävs:\nJa",
                "För att uppnå indikatorn krävs:\nJa på fråga i\nFör området Barn och unga - krävs:\nJa",
            ),
            (
                "För att uppnå indikatorn krävs: JA på fråga i.\nOm annan metod har angivits.",
                "För att uppnå indikatorn krävs:\nJA på fråga i.\nOm annan metod har angivits.",
            ),
        ] {
            assert_eq!(heading_on_own_line(rule), want);
        }
    }

    /// 41: the condition follows the heading's line in lower case, so the lines would join.
    #[test]
    fn lower_case_condition_after_the_heading() {
        let t = teknisk(
            "i) Har ni en beredskapsplan? \nFör att uppnå indikatorn på kommunnivå krävs: \n\
             ja-svar på fråga i) för respektive tjänst 1 – 9, enligt beskrivningen av indika-\n\
             torn.  \nFör aggregerad nivå, se täljare och nämnare  \n",
        );
        assert_eq!(
            t.kriterier.as_deref(),
            Some(
                "För att uppnå indikatorn på kommunnivå krävs:\nja-svar på fråga i) för respektive \
                 tjänst 1 – 9, enligt beskrivningen av indikatorn."
            )
        );
    }
}
