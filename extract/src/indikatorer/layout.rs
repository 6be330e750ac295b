//! The page layout of 003: source lines, page furniture, section intros and the cutting of
//! the text into numbered blocks.
//!
//! A block starts only where the *next expected* number appears (`12. …` after block 11), so
//! numbered lists inside a block and the example `1. INDIKATOR` of the introduction never start
//! one. Page headers, the page-header copies of a block's title and the footnote links printed
//! at the foot of a page are flagged as noise, not deleted, so that every kept line still
//! knows its source line number.

use super::flow::squash;
use super::header::{MAX_TITLE_LINES, is_area_line};
use super::{Avsnitt, ExtractError};
use crate::model::IndikatorOmrade;

/// One line of the seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the seed.
    pub no: usize,
    /// The text with trailing whitespace removed.
    pub text: String,
    /// Page furniture that belongs to no field.
    pub noise: bool,
}

impl Line {
    /// Whether the line holds no text.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The lines of one numbered block, from its title line up to the next block or section.
#[derive(Debug, Clone)]
pub struct RawBlock {
    pub nummer: u32,
    pub avsnitt: Avsnitt,
    pub lines: Vec<Line>,
}

/// Running page header (odd pages; even pages put the page number first).
const PAGE_HEADER: &str = "INDIKATORER - ÖPPNA JÄMFÖRELSER 2019";
const PAGE_HEADER_2: &str = "SOCIALSTYRELSEN";

/// The section headings as printed before each section's list of indikatorer.
const SECTION_HEADINGS: [(&str, IndikatorOmrade); 9] = [
    ("Ekonomiskt bistånd", IndikatorOmrade::EkonomisktBistand),
    ("Krisberedskap", IndikatorOmrade::Krisberedskap),
    ("Missbruks- och beroendevård", IndikatorOmrade::Missbruk),
    (
        "Sociala barn- och ungdomsvården",
        IndikatorOmrade::BarnOchUnga,
    ),
    (
        "Stöd till personer med funktionsnedsättning – LSS",
        IndikatorOmrade::Lss,
    ),
    (
        "Stöd till personer med psykisk funktionsnedsättning – Socialpsykiatri",
        IndikatorOmrade::Socialpsykiatri,
    ),
    ("Våld i nära relation", IndikatorOmrade::Vald),
    ("Äldreomsorg", IndikatorOmrade::Aldreomsorg),
    (
        "Kommunal hälso- och sjukvård",
        IndikatorOmrade::HalsoOchSjukvard,
    ),
];

/// Split the seed into lines.
#[must_use]
pub fn lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim_end().to_string(),
            noise: false,
        })
        .collect()
}

/// The number and text of a line `N. text`, if it has that form.
#[must_use]
pub fn numbered(text: &str) -> Option<(u32, &str)> {
    let t = text.trim_start();
    let dot = t.find('.')?;
    let (digits, rest) = t.split_at(dot);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &rest[1..];
    if !rest.starts_with(char::is_whitespace) || rest.trim().is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, rest.trim()))
}

/// Whether the line introduces a section's list of indikatorer ("Indikatorerna som beskrivs
/// här är:", "Indikatorer inom området:", "Indikatorer inom detta område:").
#[must_use]
pub fn is_intro_marker(text: &str) -> bool {
    let t = squash(text);
    t.ends_with("beskrivs här är:")
        || t == "Indikatorer inom området:"
        || t == "Indikatorer inom detta område:"
}

fn is_page_header(text: &str) -> bool {
    let t = squash(text);
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    t == PAGE_HEADER
}

/// Whether the line is nothing but a web address (a footnote link or a reference).
#[must_use]
pub fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace)
}

/// Flag the running page headers: the header line, `SOCIALSTYRELSEN` and the page number.
pub fn flag_page_headers(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if is_page_header(&lines[i].text) {
            lines[i].noise = true;
            let mut j = i + 1;
            let mut expect_name = true;
            while j < lines.len() {
                let t = lines[j].text.trim();
                if t.is_empty() {
                    j += 1;
                    continue;
                }
                if expect_name && t == PAGE_HEADER_2 {
                    lines[j].noise = true;
                    expect_name = false;
                } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                    lines[j].noise = true;
                    break;
                } else {
                    break;
                }
                j += 1;
            }
            i = j;
        }
        i += 1;
    }
}

/// Cut the seed into its numbered blocks, dropping the introduction and the section intros.
///
/// # Errors
/// When the text has no section intro to start from or a section heading is not recognised.
pub fn blocks(text: &str, file: &str) -> Result<Vec<RawBlock>, ExtractError> {
    let mut all = lines(text);
    flag_page_headers(&mut all);
    let start = all
        .iter()
        .position(|l| is_intro_marker(&l.text))
        .ok_or_else(|| ExtractError::Source {
            file: file.to_string(),
            line: 1,
            message: "hittar inte inledningen till första avsnittet (\"… beskrivs här är:\")"
                .into(),
        })?;

    let mut out: Vec<RawBlock> = Vec::new();
    let mut current: Option<RawBlock> = None;
    let mut avsnitt = Avsnitt::Gemensamma;
    let mut in_intro = true;
    let mut expected = 1;
    for idx in start + 1..all.len() {
        let line = all[idx].clone();
        if !line.noise
            && numbered(&line.text).is_some_and(|(n, _)| n == expected)
            && area_line_follows(&all[idx + 1..])
        {
            out.extend(current.take());
            current = Some(RawBlock {
                nummer: expected,
                avsnitt,
                lines: vec![line],
            });
            expected += 1;
            in_intro = false;
            continue;
        }
        if in_intro {
            continue;
        }
        if is_intro_marker(&line.text) {
            let Some(block) = current.as_mut() else {
                continue;
            };
            let area = cut_section_heading(block, line.no, file)?;
            avsnitt = Avsnitt::Omrade(area);
            in_intro = true;
            continue;
        }
        if let Some(block) = current.as_mut() {
            block.lines.push(line);
        }
    }
    out.extend(current);
    Ok(out)
}

/// Whether the line list starts with the rest of a block header: at most a few title lines,
/// then the line naming the areas. A numbered list item is followed by more items instead.
fn area_line_follows(rest: &[Line]) -> bool {
    rest.iter()
        .filter(|l| !l.noise && !l.is_blank())
        .take(MAX_TITLE_LINES + 1)
        .take_while(|l| numbered(&l.text).is_none())
        .any(|l| is_area_line(&l.text))
}

/// Remove the section heading (one or two lines) printed before a section intro from the end
/// of the previous block, and return the section's area.
fn cut_section_heading(
    block: &mut RawBlock,
    marker_line: usize,
    file: &str,
) -> Result<IndikatorOmrade, ExtractError> {
    let text_idx: Vec<usize> = (0..block.lines.len())
        .filter(|&i| !block.lines[i].noise && !block.lines[i].is_blank())
        .collect();
    for take in 1..=2 {
        if text_idx.len() <= take {
            break;
        }
        let from = text_idx[text_idx.len() - take];
        let heading = squash(
            &block.lines[from..]
                .iter()
                .filter(|l| !l.noise)
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some((_, area)) = SECTION_HEADINGS.iter().find(|(h, _)| *h == heading) {
            block.lines.truncate(from);
            return Ok(*area);
        }
    }
    Err(ExtractError::Source {
        file: file.to_string(),
        line: marker_line,
        message: "avsnittsrubriken före förteckningen över indikatorer känns inte igen".into(),
    })
}

/// The letters and digits of `s`, lower-cased: the key used to recognise a title copy
/// however it is wrapped or hyphenated.
#[must_use]
pub fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Flag page-header copies of the block's title (which may wrap over several lines) after
/// the header, and the footnote links printed just before a page break or at the block's end.
pub fn flag_title_copies_and_footnotes(block: &mut RawBlock, header_len: usize, title_key: &str) {
    let lines = &mut block.lines;
    let mut i = header_len;
    while i < lines.len() {
        let copy_start = numbered(&lines[i].text)
            .filter(|(n, _)| *n == block.nummer)
            .map(|(_, rest)| compact(rest))
            .filter(|k| !k.is_empty() && title_key.starts_with(k.as_str()));
        if let Some(mut acc) = copy_start {
            lines[i].noise = true;
            let mut j = i + 1;
            while acc.len() < title_key.len() && j < lines.len() && !lines[j].is_blank() {
                let next = format!("{acc}{}", compact(&lines[j].text));
                if !title_key.starts_with(next.as_str()) {
                    break;
                }
                lines[j].noise = true;
                acc = next;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let breaks: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].noise)
        .chain(std::iter::once(lines.len()))
        .collect();
    for b in breaks {
        let mut j = b;
        while j > header_len {
            j -= 1;
            if is_bare_url(&lines[j].text) {
                lines[j].noise = true;
            } else if !(lines[j].noise || lines[j].is_blank()) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines() {
        assert_eq!(numbered(" 12. Använder IBIC"), Some((12, "Använder IBIC")));
        assert_eq!(
            numbered("17.  Brukarorganisation"),
            Some((17, "Brukarorganisation"))
        );
        assert_eq!(numbered("2019. Stockholm"), None);
        assert_eq!(numbered("1.5 procent"), None);
        assert_eq!(numbered("Text 1. inte"), None);
    }

    #[test]
    fn page_headers_are_flagged_in_both_forms() {
        let mut l = lines(
            "text\n\n\nINDIKATORER - ÖPPNA JÄMFÖRELSER 2019 \nSOCIALSTYRELSEN \n\n15 \n\n \n\
             4. Titel\n54 INDIKATORER - ÖPPNA JÄMFÖRELSER 2019 \nSOCIALSTYRELSEN \n\n \n\n35. T",
        );
        flag_page_headers(&mut l);
        let noise: Vec<usize> = l.iter().filter(|l| l.noise).map(|l| l.no).collect();
        assert_eq!(noise, vec![4, 5, 7, 11, 12]);
    }

    /// A new block starts only at the next expected number: the example `1. INDIKATOR` of the
    /// introduction and numbered lists inside a block start none.
    #[test]
    fn blocks_start_only_at_the_next_expected_number() {
        let text = "1. INDIKATOR - exempelvis Social jourverksamhet\n\
                    Indikatorerna \nsom beskrivs här är: \n Titel ett\n\
                    1. Titel ett\nEkonomiskt bistånd\nIndikator/Mått text\n\
                    1. Hem för vård eller boende\n2. Hem för vård eller boende för vuxna\n\
                    3. Boendestöd\n2. Titel två\nKrisberedskap\n";
        let b = blocks(text, "003.txt").expect("blocks");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].nummer, 1);
        assert_eq!(b[0].lines[0].no, 5);
        assert_eq!(b[0].lines.len(), 6);
        assert_eq!(b[1].nummer, 2);
        assert_eq!(b[1].lines[0].no, 11);
    }

    /// A section intro (heading, "Indikatorerna som beskrivs här är:", list of titles) ends
    /// the previous block and never leaks into its last field.
    #[test]
    fn section_intro_is_cut_from_the_previous_block() {
        let text = "som beskrivs här är:\n1. Ett\nEkonomiskt bistånd\nKommentar Sista raden.\n\
                    \x20Stöd till personer med funktionsnedsättning \n– LSS \n\
                    Indikatorerna som beskrivs här är: \n\n Aktuell rutin att pröva\n\n\
                    2. Två\nStöd till personer med funktionsnedsättning - LSS\n";
        let b = blocks(text, "003.txt").expect("blocks");
        assert_eq!(b.len(), 2);
        let last = b[0].lines.last().expect("line");
        assert_eq!(last.text, "Kommentar Sista raden.");
        assert_eq!(b[0].avsnitt, Avsnitt::Gemensamma);
        assert_eq!(b[1].avsnitt, Avsnitt::Omrade(IndikatorOmrade::Lss));
    }

    #[test]
    fn unknown_section_heading_is_an_error() {
        let text = "som beskrivs här är:\n1. Ett\nEkonomiskt bistånd\nText\n Okänt avsnitt\n\
                    Indikatorerna som beskrivs här är:\n";
        let err = blocks(text, "003.txt").expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "003.txt:6: avsnittsrubriken före förteckningen över indikatorer känns inte igen"
        );
    }

    /// A page-header copy of a wrapped title, even in the middle of a rule, is noise; so are
    /// the footnote links printed just above the page break.
    #[test]
    fn title_copies_and_footnote_links_are_flagged() {
        let text = "63. Information till alla placerade barn om barnets rättigheter och kontaktuppgifter till \n\
                    ansvariga \nSociala barn- och ungdomsvården\nIndikator/Mått\n\
                    För att uppnå indikatorn på stadsdel/kommunnivå krävs: \n\n\
                    https://www.ivo.se/publicerat-material/rapporter/vad-har-ivo-sett-2018/\n\
                    https://www.barnombudsmannen.se/barnombudsmannen/\n\
                    \x2063. Information till alla placerade barn om barnets rättigheter och kontaktuppgifter till  \n\
                    ansvariga   \n\nJa-svar, på alla tre sorters information.\n";
        let mut block = RawBlock {
            nummer: 63,
            avsnitt: Avsnitt::Gemensamma,
            lines: lines(text),
        };
        let key = compact(
            "Information till alla placerade barn om barnets rättigheter och kontaktuppgifter till ansvariga",
        );
        flag_title_copies_and_footnotes(&mut block, 2, &key);
        let kept: Vec<&str> = block
            .lines
            .iter()
            .skip(2)
            .filter(|l| !l.noise && !l.is_blank())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            kept,
            vec![
                "Sociala barn- och ungdomsvården",
                "Indikator/Mått",
                "För att uppnå indikatorn på stadsdel/kommunnivå krävs:",
                "Ja-svar, på alla tre sorters information."
            ]
        );
    }

    /// A numbered list item that happens to carry the block's number is not a title copy.
    #[test]
    fn list_item_with_the_block_number_is_kept() {
        let mut block = RawBlock {
            nummer: 5,
            avsnitt: Avsnitt::Gemensamma,
            lines: lines(
                "5. Aktuell rutin\nÄldreomsorg\n4. Stödboende för barn\n5. Stödboende för vuxna\n",
            ),
        };
        flag_title_copies_and_footnotes(&mut block, 1, &compact("Aktuell rutin"));
        assert!(block.lines.iter().all(|l| !l.noise));
    }
}
