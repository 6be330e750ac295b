//! The headed fields of a block (Indikator/Mått, Mätenhet, Syfte, …, Kommentar), recognised
//! by their headings in all printed variants: inline or on a line of their own, wrapped
//! (`Felkällor och begräns-` / `ningar`) or misspelt (`Tknisk beskrivning`, `Syftet`,
//! `Definition:`, `Täljare` without colon).

use super::layout::Line;

/// A field of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Matt,
    Matenhet,
    Syfte,
    Referenser,
    Riktning,
    Typ,
    Kvalitetsdimension,
    Datakalla,
    Felkallor,
    Teknisk,
    Definitioner,
    Population,
    Taljare,
    Namnare,
    Redovisning,
    Kommentar,
}

/// One field with its lines: the text after the heading on the heading's line (if any) and
/// the lines up to the next heading.
#[derive(Debug, Clone)]
pub struct FieldText {
    pub field: Field,
    pub lines: Vec<Line>,
}

/// Whether a line is the heading of the measure (`Indikator/Mått`, `Mått`, `Bakgrundsmått`),
/// which ends a block's header.
#[must_use]
pub fn is_matt_heading(text: &str) -> bool {
    matt_heading(text.trim()).is_some()
}

/// Whether a line is the `Bakgrundsmått` heading (rather than `Indikator/Mått` or `Mått`).
#[must_use]
pub fn is_bakgrundsmatt_heading(text: &str) -> bool {
    matt_heading(text.trim()).is_some_and(|(bakgrund, _)| bakgrund)
}

/// The text after `word` when `t` starts with it as a whole word.
fn after_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let rest = t.strip_prefix(word)?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with(':') {
        Some(rest.trim_start_matches(':').trim())
    } else {
        None
    }
}

fn matt_heading(t: &str) -> Option<(bool, &str)> {
    if let Some(rest) = t.strip_prefix("Indikator/Mått") {
        return Some((false, rest.trim()));
    }
    if let Some(rest) = after_word(t, "Bakgrundsmått") {
        return Some((true, rest));
    }
    after_word(t, "Mått").map(|rest| (false, rest))
}

/// The field a heading line opens, and the text after the heading on that line.
///
/// `matt_seen` makes `Mått`/`Bakgrundsmått` headings only count once: later, a line starting
/// with `Bakgrundsmått för …` is running text.
#[must_use]
pub fn heading(text: &str, matt_seen: bool) -> Option<(Field, &str)> {
    let t = text.trim();
    if !matt_seen && let Some((_, rest)) = matt_heading(t) {
        return Some((Field::Matt, rest));
    }
    if t == "Syfte" || t == "Syftet" {
        return Some((Field::Syfte, ""));
    }
    if let Some(rest) = t
        .strip_prefix("Teknisk beskrivning")
        .or_else(|| t.strip_prefix("Tknisk beskrivning"))
    {
        return Some((Field::Teknisk, rest.trim()));
    }
    if let Some(rest) = t.strip_prefix("Typ av indikator") {
        return Some((Field::Typ, rest.trim()));
    }
    if let Some(rest) = t.strip_prefix("Mät- eller") {
        return Some((Field::Population, rest.trim()));
    }
    if let Some(rest) = t
        .strip_prefix("Om redovisningsnivåer")
        .or_else(|| t.strip_prefix("Redovisningsnivåer och"))
    {
        return Some((Field::Redovisning, rest.trim()));
    }
    if let Some(rest) = definition_heading(t) {
        return Some((Field::Definitioner, rest));
    }
    const WORDS: [(&str, Field); 12] = [
        ("Mätenhet", Field::Matenhet),
        ("Referenser", Field::Referenser),
        ("Referens", Field::Referenser),
        ("Riktning", Field::Riktning),
        ("Kvalitetsdimension", Field::Kvalitetsdimension),
        ("Datakälla", Field::Datakalla),
        ("Datakällans", Field::Datakalla),
        ("Felkällor", Field::Felkallor),
        ("Målpopulation", Field::Population),
        ("Täljare", Field::Taljare),
        ("Nämnare", Field::Namnare),
        ("Kommentar", Field::Kommentar),
    ];
    WORDS
        .iter()
        .find_map(|(w, f)| after_word(t, w).map(|rest| (*f, rest)))
}

/// `Definitioner`, `Definitioner:` or `Definition:`, but not `Definition av barn: …`.
fn definition_heading(t: &str) -> Option<&str> {
    if let Some(rest) = after_word(t, "Definitioner") {
        return Some(rest);
    }
    let rest = t.strip_prefix("Definition")?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(':').map(str::trim)
    }
}

/// Group a block's lines after its header into fields. Noise lines are skipped; lines before
/// the first heading cannot occur because the header ends at the Indikator/Mått heading.
#[must_use]
pub fn split(lines: &[Line]) -> Vec<FieldText> {
    let mut out: Vec<FieldText> = Vec::new();
    let mut matt_seen = false;
    for l in lines.iter().filter(|l| !l.noise) {
        if let Some((field, rest)) = heading(&l.text, matt_seen) {
            matt_seen = true;
            let mut first = Vec::new();
            if !rest.is_empty() {
                first.push(Line {
                    no: l.no,
                    text: rest.to_string(),
                    noise: false,
                });
            }
            out.push(FieldText {
                field,
                lines: first,
            });
        } else if let Some(current) = out.last_mut() {
            current.lines.push(l.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    #[test]
    fn heading_variants() {
        assert_eq!(
            heading("Tknisk beskrivning", true),
            Some((Field::Teknisk, ""))
        );
        assert_eq!(
            heading("Teknisk beskrivning Indikatorn beräknas utifrån", true),
            Some((Field::Teknisk, "Indikatorn beräknas utifrån"))
        );
        assert_eq!(heading("Syftet ", true), Some((Field::Syfte, "")));
        assert_eq!(heading("Syftet med indikatorn är", true), None);
        assert_eq!(
            heading("Definition: ", true),
            Some((Field::Definitioner, ""))
        );
        assert_eq!(
            heading(
                "                   Definitioner: Det här gäller person",
                true
            ),
            Some((Field::Definitioner, "Det här gäller person"))
        );
        assert_eq!(heading("Definition av barn: Med barn avser", true), None);
        assert_eq!(
            heading("Täljare Antal kommuner", true),
            Some((Field::Taljare, "Antal kommuner"))
        );
        assert_eq!(
            heading("Felkällor och be-", true),
            Some((Field::Felkallor, "och be-"))
        );
        assert_eq!(heading("Mät- eller ", true), Some((Field::Population, "")));
        assert_eq!(
            heading("Redovisningsnivåer och ", true),
            Some((Field::Redovisning, ""))
        );
        assert_eq!(
            heading("Mått Kommunen eller stadsdelen", false),
            Some((Field::Matt, "Kommunen eller stadsdelen"))
        );
        assert_eq!(heading("Måttet bygger på följande", false), None);
        assert_eq!(
            heading("Bakgrundsmått för indikatorer om handläggare", true),
            None
        );
        assert_eq!(
            heading("Bakgrundsmåttet baseras på enkätdata.", false),
            None
        );
    }

    #[test]
    fn split_keeps_inline_text_and_wrapped_heading_tails_stay_in_ignored_fields() {
        let f = split(&lines(
            "Indikator/Mått Kommunen har en rutin\nom avhysning.\n\nMätenhet Procent\n\
             Felkällor och begräns-\nningar \nText.\nOm redovisningsnivåer \n\
             och fördelningar Stadsdelar i Stockholm\nKommentar Indikatorn redovisas.\n",
        ));
        let fields: Vec<Field> = f.iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Matt,
                Field::Matenhet,
                Field::Felkallor,
                Field::Redovisning,
                Field::Kommentar
            ]
        );
        let matt: Vec<&str> = f[0].lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(matt, vec!["Kommunen har en rutin", "om avhysning.", ""]);
        assert_eq!(f[4].lines[0].text, "Indikatorn redovisas.");
    }
}
