//! 000: the result tables. Område → section → optional group → rows of name + four figures.

use std::sync::LazyLock;

use regex::Regex;

use super::omrade_of_heading;
use crate::ExtractError;
use crate::corrections::Corrections;
use crate::model::{Figure, Omrade};
use crate::text::{join_wrapped, squash};

/// One insats row of 000.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub omrade: Omrade,
    pub sektion_nr: String,
    pub sektion: String,
    pub grupp: Option<String>,
    pub namn: String,
    /// Given · digital · enskild regi · utan biståndsbeslut.
    pub figures: [Figure; 4],
    /// 1-based line of the row's last line (the one with the figures).
    pub line: usize,
}

const PAGE_HEADER: &str = "Kartläggning av insatser i socialtjänst";

static AREA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(\d) Verksamhetsområde\b").expect("valid regex"));
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(\d)\.(\d+) (\S.*)$").expect("valid regex"));
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+ Detta antal inkluderar").expect("valid regex"));
const CELL: &str = r"(\d+) \((\d+)%\)|-";
static ROW_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(.*?)\s*(?:{CELL})\s+(?:{CELL})\s+(?:{CELL})\s+(?:{CELL})\s*$"
    ))
    .expect("valid regex")
});
static CELLS: LazyLock<Regex> = LazyLock::new(|| Regex::new(CELL).expect("valid regex"));
static GLUED_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*[\p{L})])(\d{1,2})$").expect("valid regex"));

#[derive(Debug, PartialEq, Eq)]
enum Mode {
    /// Before the first område heading (the introduction).
    Preamble,
    Body,
    /// Inside a repeated table header; counts the `parentes)` lines seen.
    Header(u8),
    /// Inside a footnote block, until the next page header.
    Footnote,
    /// Right after an område heading that may wrap onto the next line.
    AfterArea,
}

struct State<'c> {
    corrections: &'c Corrections,
    omrade: Option<Omrade>,
    area_number: u32,
    sektion: Option<(String, String)>,
    grupp: Option<String>,
    pending: Vec<(usize, &'c str)>,
    rows: Vec<TableRow>,
}

fn err(line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: "000".into(),
        line,
        message: message.into(),
    }
}

/// Parse the text of 000 into its insats rows, in document order.
///
/// # Errors
/// When a row appears outside a section, or a glued footnote digit is not listed in the
/// corrections.
pub fn parse_000<'c>(
    text: &'c str,
    corrections: &'c Corrections,
) -> Result<Vec<TableRow>, ExtractError> {
    let mut st = State {
        corrections,
        omrade: None,
        area_number: 0,
        sektion: None,
        grupp: None,
        pending: Vec::new(),
        rows: Vec::new(),
    };
    let mut mode = Mode::Preamble;
    for (idx, raw) in text.lines().enumerate() {
        let no = idx + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line == PAGE_HEADER {
            if mode == Mode::Footnote {
                mode = Mode::Body;
            }
            continue;
        }
        if let Some(c) = AREA.captures(raw) {
            let n: u32 = c[1].parse().unwrap_or(0);
            if let Some(o) = omrade_of_heading(n) {
                st.flush_pending_as_error(no)?;
                st.omrade = Some(o);
                st.area_number = n;
                st.sektion = None;
                st.grupp = None;
                mode = Mode::AfterArea;
                continue;
            }
        }
        match mode {
            Mode::Preamble => continue,
            // A footnote block ends at the next page header or table header.
            Mode::Footnote if !line.starts_with("Insats Antal") => continue,
            Mode::Footnote => mode = Mode::Body,
            Mode::Header(seen) => {
                let stripped = line.trim_end_matches(|c: char| c.is_ascii_digit());
                if stripped.ends_with("parentes)") {
                    mode = if seen + 1 == 4 {
                        Mode::Body
                    } else {
                        Mode::Header(seen + 1)
                    };
                }
                continue;
            }
            Mode::AfterArea => {
                mode = Mode::Body;
                if !SECTION.is_match(raw) {
                    // The wrapped rest of the område heading (`funktionshinder`).
                    continue;
                }
            }
            Mode::Body => {}
        }
        if FOOTNOTE.is_match(line) {
            mode = Mode::Footnote;
            continue;
        }
        if line.starts_with("Insats Antal") {
            if !st.pending.is_empty() {
                // A text line right before a table header is a group heading.
                let text = squash(
                    &st.pending
                        .iter()
                        .map(|(_, l)| l.trim())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                st.grupp = Some(text);
                st.pending.clear();
            }
            mode = Mode::Header(0);
            continue;
        }
        if line.chars().all(|c| c.is_ascii_digit()) {
            // A bare page number.
            continue;
        }
        if let Some(c) = SECTION.captures(raw) {
            let area: u32 = c[1].parse().unwrap_or(0);
            if area == st.area_number {
                st.flush_pending_as_error(no)?;
                st.sektion = Some((format!("{}.{}", &c[1], &c[2]), squash(&c[3])));
                st.grupp = None;
                continue;
            }
        }
        if ROW_END.is_match(raw) {
            st.finish_row(no, raw)?;
        } else {
            st.pending.push((no, raw));
        }
    }
    st.flush_pending_as_error(text.lines().count())?;
    Ok(st.rows)
}

impl State<'_> {
    fn flush_pending_as_error(&mut self, no: usize) -> Result<(), ExtractError> {
        match self.pending.first() {
            None => Ok(()),
            Some((first, l)) => Err(err(
                *first,
                format!("text utan siffror före rad {no}: {:?}", l.trim()),
            )),
        }
    }

    fn finish_row(&mut self, no: usize, raw: &str) -> Result<(), ExtractError> {
        let caps = ROW_END.captures(raw).ok_or_else(|| err(no, "ingen rad"))?;
        let name_tail = caps.get(1).map_or("", |m| m.as_str());
        let cells_text = &raw[caps.get(1).map_or(0, |m| m.end())..];
        let mut figures = [Figure::default(); 4];
        for (k, c) in CELLS.captures_iter(cells_text).take(4).enumerate() {
            if let (Some(a), Some(p)) = (c.get(1), c.get(2)) {
                figures[k] = Figure {
                    antal: a.as_str().parse().ok(),
                    andel: p.as_str().parse().ok(),
                };
            }
        }
        let mut lines: Vec<&str> = self.pending.iter().map(|(_, l)| *l).collect();
        // The last line keeps a trailing space: the figures followed the name there.
        let tail = format!("{name_tail} ");
        lines.push(&tail);
        let keep = |b: &str, a: &str| self.corrections.keeps_hyphen(b, a);
        let mut namn = join_wrapped(lines.iter().copied(), &keep);
        if let Some(g) = GLUED_DIGIT.captures(&namn) {
            let digit = g[2].to_string();
            let listed = self
                .corrections
                .fotnot
                .iter()
                .any(|f| f.rad == no && f.siffra == digit);
            if !listed {
                return Err(err(
                    no,
                    format!(
                        "namnet {namn:?} slutar med siffran {digit} direkt efter texten: en fotnotssiffra? \
                         Lägg till [[fotnot]] rad = {no}, siffra = \"{digit}\" i korrigeringar.toml om den ska bort"
                    ),
                ));
            }
            namn = g[1].to_string();
        }
        let (Some(omrade), Some((nr, sektion))) = (self.omrade, self.sektion.clone()) else {
            return Err(err(no, "insatsrad utanför område eller avsnitt"));
        };
        self.pending.clear();
        self.rows.push(TableRow {
            omrade,
            sektion_nr: nr,
            sektion,
            grupp: self.grupp.clone(),
            namn,
            figures,
            line: no,
        });
        Ok(())
    }
}
