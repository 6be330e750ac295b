//! A block's header: the title (which wraps), its marker (`NY 2019`, `Indikatorn justerad
//! 2019` in many spellings, or a qualified note) and the areas it is published in (which wrap
//! and may carry a `(2018: …)` note that is not an area).

use super::ExtractError;
use super::fields::is_matt_heading;
use super::flow::{Flow, reflow, squash};
use super::layout::{Line, compact, numbered};
use crate::model::IndikatorOmrade;

/// A title wraps over at most this many lines (marker lines included).
pub const MAX_TITLE_LINES: usize = 3;

/// How the first line of an area list starts.
const AREA_STARTS: [&str; 11] = [
    "Ekonomiskt bistånd",
    "Krisberedskap",
    "Missbruks",
    "Stöd till personer",
    "Personer med psykisk",
    "Sociala barn",
    "Social barn",
    "Våld i nära",
    "Äldreomsorg",
    "Kommunal hälso",
    "LSS",
];

/// The parsed header of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Title without marker and without a `Bakgrundsmått:` prefix.
    pub titel: String,
    pub markering: Option<String>,
    /// The title starts with `Bakgrundsmått`.
    pub bakgrundsmatt: bool,
    pub omraden: Vec<IndikatorOmrade>,
    /// [`compact`] form of the title as printed (marker included), to recognise its copies.
    pub title_key: String,
    /// Index (into the block's lines) of the Indikator/Mått heading that ends the header.
    pub len: usize,
}

/// Whether a line starts a list of areas.
#[must_use]
pub fn is_area_line(text: &str) -> bool {
    let t = squash(text);
    AREA_STARTS.iter().any(|s| t.starts_with(s))
}

fn err(file: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parse the header of a block whose first line is `N. title`.
///
/// # Errors
/// When the area line or the Indikator/Mått heading is missing, an area is unknown, or a
/// parenthesis in the area line is neither a `(2018: …)` note nor a 2019 marker.
pub fn parse(lines: &[Line], file: &str) -> Result<Header, ExtractError> {
    let first = &lines[0];
    let (_, first_title) = numbered(&first.text)
        .ok_or_else(|| err(file, first.no, "blocket börjar inte med ett nummer"))?;
    let mut title_lines = vec![first_title.to_string()];
    let mut area_lines: Vec<String> = Vec::new();
    let mut end = None;
    for (i, l) in lines.iter().enumerate().skip(1) {
        if l.noise || l.is_blank() {
            continue;
        }
        if is_matt_heading(&l.text) {
            end = Some(i);
            break;
        }
        if area_lines.is_empty() && !is_area_line(&l.text) {
            if title_lines.len() == MAX_TITLE_LINES {
                return Err(err(
                    file,
                    l.no,
                    "hittar ingen rad med områden efter rubriken",
                ));
            }
            title_lines.push(l.text.clone());
        } else {
            area_lines.push(l.text.clone());
        }
    }
    let Some(len) = end else {
        return Err(err(
            file,
            first.no,
            "rubriken Indikator/Mått, Mått eller Bakgrundsmått saknas",
        ));
    };
    if area_lines.is_empty() {
        return Err(err(file, first.no, "raden med områden saknas"));
    }

    let printed_title = one_line(&title_lines);
    let title_key = compact(&printed_title);
    let (title, title_marker) = split_marker(&printed_title);
    let (titel, bakgrundsmatt) = strip_bakgrundsmatt(&title);
    let (omraden, area_marker) = parse_areas(&one_line(&area_lines), file, first.no)?;
    let markering = match (title_marker, area_marker) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    Ok(Header {
        titel,
        markering,
        bakgrundsmatt,
        omraden,
        title_key,
        len,
    })
}

/// Unwrap lines into one line, resolving line-end hyphenation.
fn one_line(lines: &[String]) -> String {
    reflow(lines, Flow::Prose).replace('\n', " ")
}

/// Split a trailing marker off a title: `– NY 2019`, `- NY 2019`, `– Ny 2019`, ` NY 2019`,
/// `(Indikatorn justerad 2019)` or any parenthesised note mentioning 2019.
#[must_use]
pub fn split_marker(title: &str) -> (String, Option<String>) {
    let t = title.trim();
    if let Some(body) = t.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let inner = body[open + 1..].trim();
        if inner.contains("2019") {
            return (
                body[..open].trim_end().to_string(),
                Some(normalise_marker(inner)),
            );
        }
    }
    let lower = t.to_lowercase();
    if lower.ends_with(" ny 2019") {
        let cut = t.len() - " ny 2019".len();
        let rest = t[..cut].trim_end().trim_end_matches(['-', '–']).trim_end();
        return (rest.to_string(), Some("NY 2019".to_string()));
    }
    (t.to_string(), None)
}

fn normalise_marker(inner: &str) -> String {
    if inner.eq_ignore_ascii_case("ny 2019") {
        "NY 2019".to_string()
    } else {
        inner.to_string()
    }
}

/// Strip a `Bakgrundsmått:` / `Bakgrundsmått -` / `Bakgrundsmått –` prefix.
fn strip_bakgrundsmatt(title: &str) -> (String, bool) {
    if let Some(rest) = title.strip_prefix("Bakgrundsmått") {
        let rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix([':', '-', '–']) {
            return (r.trim().to_string(), true);
        }
    }
    (title.to_string(), false)
}

/// Parse the area list: drop `(2018: …)` notes, take a parenthesised 2019 note as marker,
/// split on commas and normalise each name. The areas come back in the fixed order of
/// [`IndikatorOmrade::ALL`], not in the varying order of the source.
fn parse_areas(
    text: &str,
    file: &str,
    line: usize,
) -> Result<(Vec<IndikatorOmrade>, Option<String>), ExtractError> {
    let mut rest = text.to_string();
    let mut marker = None;
    while let Some(open) = rest.find('(') {
        let close = rest[open..].find(')').map(|c| open + c).ok_or_else(|| {
            err(
                file,
                line,
                format!("oavslutad parentes i områdesraden: {text:?}"),
            )
        })?;
        let inner = rest[open + 1..close].trim().to_string();
        if inner.starts_with("2018:") || inner.starts_with("År 2018:") {
            // The area the indikator belonged to in 2018: history, not a current area.
        } else if inner.contains("2019") {
            marker = Some(normalise_marker(&inner));
        } else {
            return Err(err(
                file,
                line,
                format!("okänd anmärkning i områdesraden: ({inner})"),
            ));
        }
        rest.replace_range(open..=close, "");
    }
    let mut out = Vec::new();
    for part in rest.split(',') {
        let name = part.trim().trim_end_matches('.').trim();
        if name.is_empty() {
            continue;
        }
        let area =
            area_of(name).ok_or_else(|| err(file, line, format!("okänt område {name:?}")))?;
        if !out.contains(&area) {
            out.push(area);
        }
    }
    if out.is_empty() {
        return Err(err(file, line, "inga områden i områdesraden"));
    }
    out.sort();
    Ok((out, marker))
}

/// Normalise one printed area name (`Stöd till personer med psykisk funktionsnedsättning -
/// socialpsykiatri`, `Sociala barn- och ungdomsvården`, …).
#[must_use]
pub fn area_of(name: &str) -> Option<IndikatorOmrade> {
    let n = name.to_lowercase();
    let hits: Vec<IndikatorOmrade> = [
        (
            n.contains("ekonomiskt bistånd"),
            IndikatorOmrade::EkonomisktBistand,
        ),
        (n.contains("krisberedskap"), IndikatorOmrade::Krisberedskap),
        (n.contains("missbruk"), IndikatorOmrade::Missbruk),
        (
            n.contains("barn- och ungdomsvård"),
            IndikatorOmrade::BarnOchUnga,
        ),
        (n.ends_with("lss"), IndikatorOmrade::Lss),
        (
            n.contains("socialpsykiatri") || n.contains("psykisk funktionsnedsättning"),
            IndikatorOmrade::Socialpsykiatri,
        ),
        (n.contains("våld i nära relation"), IndikatorOmrade::Vald),
        (n.contains("äldreomsorg"), IndikatorOmrade::Aldreomsorg),
        (
            n.contains("hälso- och sjukvård"),
            IndikatorOmrade::HalsoOchSjukvard,
        ),
    ]
    .into_iter()
    .filter_map(|(hit, area)| hit.then_some(area))
    .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    fn header(text: &str) -> Header {
        parse(&lines(text), "003.txt").expect("header")
    }

    #[test]
    fn wrapped_title_with_blank_line_and_hyphenation() {
        let h = header(
            "2. Aktuell rutin för att inte röja skyddade personuppgifter vid handläggning och genomfö-\n\
             rande av insatser \n\n\
             Ekonomiskt bistånd, Missbruks- och beroendevård, Stöd till personer med funktionsnedsättning – LSS,\n\
             Stöd till personer med psykisk funktionsnedsättning - socialpsykiatri, Sociala barn- och ungdomsvården,\n\
             Våld i nära relationer, Äldreomsorg.\n\nIndikator/Mått\n",
        );
        assert_eq!(
            h.titel,
            "Aktuell rutin för att inte röja skyddade personuppgifter vid handläggning och genomförande av insatser"
        );
        assert_eq!(h.omraden.len(), 7);
        assert_eq!(h.len, 7);
        let h = header(
            "23. Genomfört utbildning om våld i nära relationer riktad till handläggare som utreder behov \n\n\
             hos våldsutsatta barn och barn som har bevittnat våld \nVåld i nära relationer  \n\nIndikator/Mått \n",
        );
        assert_eq!(
            h.titel,
            "Genomfört utbildning om våld i nära relationer riktad till handläggare som utreder behov \
             hos våldsutsatta barn och barn som har bevittnat våld"
        );
        assert_eq!(h.omraden, vec![IndikatorOmrade::Vald]);
    }

    #[test]
    fn marker_spellings() {
        for (title, want_title, want) in [
            (
                "Evakueringsplan – Ny 2019",
                "Evakueringsplan",
                Some("NY 2019"),
            ),
            (
                "Beredskapsplan för höga temperaturer – NY 2019",
                "Beredskapsplan för höga temperaturer",
                Some("NY 2019"),
            ),
            (
                "Enskildas uppfattning används - NY 2019",
                "Enskildas uppfattning används",
                Some("NY 2019"),
            ),
            (
                "Erbjuder stödsamtal utan biståndsbeslut till våldsutövare NY 2019",
                "Erbjuder stödsamtal utan biståndsbeslut till våldsutövare",
                Some("NY 2019"),
            ),
            (
                "Erbjuder minst ett stödprogram (Indikatorn justerad 2019)",
                "Erbjuder minst ett stödprogram",
                Some("Indikatorn justerad 2019"),
            ),
            (
                "Brukarorganisation har påverkat (Ny 2019 i Socialpsykiatri)",
                "Brukarorganisation har påverkat",
                Some("Ny 2019 i Socialpsykiatri"),
            ),
            (
                "Erbjuder Case management i form av Integrerade team",
                "Erbjuder Case management i form av Integrerade team",
                None,
            ),
            (
                "Information om samordnad individuell plan (SIP)",
                "Information om samordnad individuell plan (SIP)",
                None,
            ),
        ] {
            let (t, m) = split_marker(title);
            assert_eq!(t, want_title, "{title}");
            assert_eq!(m.as_deref(), want, "{title}");
        }
    }

    #[test]
    fn marker_on_its_own_line_and_wrapped_marker() {
        let h = header(
            "51. Använt BRA-fam senaste året för att hämta information om familjer som vill bli familjehem \n\
             (Indikatorn justerad 2019) \n\nSociala barn- och ungdomsvården \n\nIndikator/Mått \n",
        );
        assert_eq!(h.markering.as_deref(), Some("Indikatorn justerad 2019"));
        assert!(h.titel.ends_with("vill bli familjehem"));
        let h = header(
            "93. Vård och omsorg vid blåsdysfunktion – Rutiner för erbjudande om basal utredning – NY \n\
             2019 \nKommunal hälso- och sjukvård  \n\nIndikator/Mått \n",
        );
        assert_eq!(h.markering.as_deref(), Some("NY 2019"));
        assert_eq!(
            h.titel,
            "Vård och omsorg vid blåsdysfunktion – Rutiner för erbjudande om basal utredning"
        );
    }

    #[test]
    fn note_from_2018_is_not_an_area_and_2019_note_is_a_marker() {
        let h = header(
            "20.  Erbjuder Bostad först \n\nMissbruks- och beroendevård, Stöd till personer med psykisk \
             funktionsnedsättning – Socialpsykiatri (2018: \nMotverka hemlöshet och utestängning från \
             bostadsmarknaden)    \n\nIndikator/Mått Kommunen\n",
        );
        assert_eq!(
            h.omraden,
            vec![IndikatorOmrade::Missbruk, IndikatorOmrade::Socialpsykiatri]
        );
        assert_eq!(h.markering, None);
        let h = header(
            "29.  Överenskommelse i enskilda ärenden \n\nEkonomiskt bistånd (År 2018: Motverka hemlöshet) \n\nIndikator/Mått\n",
        );
        assert_eq!(h.omraden, vec![IndikatorOmrade::EkonomisktBistand]);
        let h = header(
            "16. Använt resultat \n\nEkonomiskt bistånd, Missbruks- och beroendevård, Stöd till personer med \
             funktionsnedsättning - LSS, \nÄldreomsorg  \n(Frågan justerad 2019 inom missbruks och beroendevården) \n\nIndikator/Mått\n",
        );
        assert_eq!(
            h.markering.as_deref(),
            Some("Frågan justerad 2019 inom missbruks och beroendevården")
        );
        assert_eq!(h.omraden.len(), 4);
    }

    #[test]
    fn hyphenated_area_names_are_joined_and_normalised() {
        let h = header(
            "3. Titel \n\nEkonomiskt bistånd, Våld i nära relationer, Stöd till personer med funktionsnedsättning - LSS, Stöd till \n\
             personer med psykisk funktionsnedsättning - socialpsykiatri, Sociala barn- och ungdomsvår-\n\
             den, Miss-\nbruks- och beroendevård, Äldreomsorg \n\nIndikator/Mått Kommunen\n",
        );
        let names: Vec<&str> = h.omraden.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Ekonomiskt bistånd",
                "Missbruks- och beroendevården",
                "Social barn- och ungdomsvård",
                "LSS",
                "Socialpsykiatri",
                "Våld i nära relation",
                "Äldreomsorg"
            ]
        );
    }

    #[test]
    fn bakgrundsmatt_prefix() {
        let h = header(
            "49. Bakgrundsmått - Tid till första besök \n\nMissbruks- och beroendevård \n\nBakgrundsmått \n",
        );
        assert!(h.bakgrundsmatt);
        assert_eq!(h.titel, "Tid till första besök");
        let h = header(
            "65. Bakgrundsmått: Andel barn i familjer med långvarigt ekonomiskt bistånd  \n\n\
             Sociala barn- och ungdomsvården \n\nBakgrundsmått Andel barn\n",
        );
        assert!(h.bakgrundsmatt);
        assert_eq!(
            h.titel,
            "Andel barn i familjer med långvarigt ekonomiskt bistånd"
        );
    }

    #[test]
    fn unknown_area_is_an_error() {
        let err = parse(
            &lines("7. Titel\nStöd till personer med okänt behov\nIndikator/Mått\n"),
            "003.txt",
        )
        .expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "003.txt:1: okänt område \"Stöd till personer med okänt behov\""
        );
    }
}
