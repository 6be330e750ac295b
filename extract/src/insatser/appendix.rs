//! 001: the appendix with förklaring and källa per insats.
//!
//! The three columns of the PDF table are flattened into one stream of lines: a one-line name
//! shares its line with the first line of the förklaring, sometimes with the källa too. The
//! names of 000 are the guide: each insats is found where a paragraph starts with its name,
//! and everything up to the next insats is its förklaring followed by its källa.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{TableRow, omrade_of_heading};
use crate::ExtractError;
use crate::corrections::Corrections;
use crate::text::{alnum_key, join_wrapped, squash};

/// Förklaring and källa of one insats, as printed in 001.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendixEntry {
    /// The name as printed in 001 (line breaks cleaned).
    pub namn: String,
    pub forklaring: Option<String>,
    pub kalla: Option<String>,
    /// 1-based line where the insats starts.
    pub line: usize,
}

const PAGE_HEADER: &str = "Kartläggning av insatser i socialtjänst";
const TABLE_HEADER: &str = "Insats Förklaring Källa";

static AREA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(\d) Verksamhetsområde\b").expect("valid regex"));
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(\d)\.(\d+) (\S.*)$").expect("valid regex"));
/// The start of a källa: an author or publisher and a year in parentheses
/// (`Socialstyrelsen (2019)`, `SOU (2018:37)`, `SBU (2020/252)`), a kommun or stad
/// (`Stockholms stad`, `Kumla kommun, kumla.se`), a web address, or `1177`.
static KALLA_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [\p{Lu}0-9][^()]{0,70}?\s+\((?:\d{4}[a-z]?|\d{4}[:/]\d+|\d{4}[–-]\d{2,4}|[a-zåäö]+\s\d{4})\)
          | [\p{Lu}][\p{L}]+\s(?:stad|kommun|län|region)\b
          | [\p{L}.-]+\.(?:se|nu|org|com)\b
          | 1177\b
          | www\.
          | https?://
        )",
    )
    .expect("valid regex")
});
/// Anywhere in a block: a retrieval note (`(hämtad maj 2021)`) marks a källa.
static KALLA_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(hämtad\s+[a-zåäö]+\s+\d{4}\)").expect("valid regex"));

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    raw: &'a str,
}

/// A blank-line separated block of lines of one region.
#[derive(Debug, Clone)]
struct Para<'a> {
    lines: Vec<Line<'a>>,
    /// A whitespace-only line: an empty table cell.
    empty_cell: bool,
    /// Follows a page or table header.
    after_break: bool,
}

impl Para<'_> {
    fn first_no(&self) -> usize {
        self.lines.first().map_or(0, |l| l.no)
    }
    fn text(&self) -> String {
        squash(
            &self
                .lines
                .iter()
                .map(|l| l.raw)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// Region key: section number and group heading (None where the section has none).
type Key = (String, Option<String>);

fn err(line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Source {
        file: "001".into(),
        line,
        message: message.into(),
    }
}

/// Parse 001, pairing its entries with the rows of 000; the result is in the order of `rows`.
///
/// # Errors
/// When an insats of 000 cannot be found in 001, or the text around it cannot be split.
pub fn parse_001(
    text: &str,
    rows: &[TableRow],
    corrections: &Corrections,
) -> Result<Vec<AppendixEntry>, ExtractError> {
    let regions = split_regions(text, rows);
    let mut missing = Vec::new();
    let mut out: Vec<Option<AppendixEntry>> = vec![None; rows.len()];
    let mut keys: Vec<Key> = Vec::new();
    for r in rows {
        let k = (r.sektion_nr.clone(), r.grupp.clone());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for key in keys {
        let members: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].sektion_nr == key.0 && rows[i].grupp == key.1)
            .collect();
        let Some(lines) = regions.get(&key) else {
            return Err(err(
                0,
                format!("avsnitt {} grupp {:?} finns inte i bilagan", key.0, key.1),
            ));
        };
        let paras = paragraphs(lines);
        let found = pair_region(&paras, &members, rows, corrections, Some(&mut missing))?;
        for (i, e) in found {
            out[i] = Some(e);
        }
    }
    if !missing.is_empty() {
        return Err(err(
            0,
            format!(
                "{} insatser hittas inte i bilagan; lägg till [[namnpar]] i korrigeringar.toml:\n  {}",
                missing.len(),
                missing.join("\n  ")
            ),
        ));
    }
    out.into_iter()
        .enumerate()
        .map(|(i, e)| e.ok_or_else(|| err(0, format!("{} saknas i bilagan", rows[i].namn))))
        .collect()
}

/// Cut 001 into the lines of each (section, group), dropping headings and page furniture.
fn split_regions<'a>(text: &'a str, rows: &[TableRow]) -> HashMap<Key, Vec<Option<Line<'a>>>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut regions: HashMap<Key, Vec<Option<Line<'a>>>> = HashMap::new();
    let mut area = 0u32;
    let mut current: Option<Key> = None;
    let mut skip_area_tail = false;
    for (idx, raw) in lines.iter().enumerate() {
        let no = idx + 1;
        let t = raw.trim();
        if t.is_empty() {
            if let Some(k) = &current {
                regions.entry(k.clone()).or_default().push(None);
            }
            continue;
        }
        if let Some(c) = AREA.captures(raw) {
            let n: u32 = c[1].parse().unwrap_or(0);
            if omrade_of_heading(n).is_some() {
                area = n;
                current = None; // the introduction under an område heading is skipped
                skip_area_tail = true;
                continue;
            }
        }
        if skip_area_tail {
            skip_area_tail = false;
            if !SECTION.is_match(raw) {
                continue; // the wrapped rest of the område heading
            }
        }
        if let Some(c) = SECTION.captures(raw)
            && c[1].parse::<u32>().ok() == Some(area)
        {
            current = Some((format!("{}.{}", &c[1], &c[2]), None));
            continue;
        }
        let Some(key) = current.clone() else {
            continue;
        };
        let sq = squash(t);
        if rows
            .iter()
            .any(|r| r.sektion_nr == key.0 && r.grupp.as_deref() == Some(sq.as_str()))
        {
            current = Some((key.0.clone(), Some(sq)));
            continue;
        }
        let region = regions.entry(key).or_default();
        if t == PAGE_HEADER || t == TABLE_HEADER || is_page_number(&lines, idx) {
            // Page furniture: a paragraph break, marked so reprinted rows can be found.
            region.push(Some(Line { no, raw: "\u{c}" }));
            continue;
        }
        region.push(Some(Line { no, raw }));
    }
    regions
}

/// A bare number whose next non-blank line is a page header (or the end) is a page number;
/// a bare `1177` inside a källa is not.
fn is_page_number(lines: &[&str], idx: usize) -> bool {
    let t = lines[idx].trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    lines[idx + 1..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_none_or(|l| l == PAGE_HEADER)
}

fn paragraphs<'a>(lines: &[Option<Line<'a>>]) -> Vec<Para<'a>> {
    let mut out = Vec::new();
    let mut cur: Vec<Line<'a>> = Vec::new();
    let mut after_break = false;
    let mut cur_after_break = false;
    let close = |cur: &mut Vec<Line<'a>>, out: &mut Vec<Para<'a>>, ab: bool| {
        if !cur.is_empty() {
            out.push(Para {
                lines: std::mem::take(cur),
                empty_cell: false,
                after_break: ab,
            });
        }
    };
    for l in lines {
        match l {
            None => close(&mut cur, &mut out, cur_after_break),
            Some(l) if l.raw == "\u{c}" => {
                close(&mut cur, &mut out, cur_after_break);
                after_break = true;
            }
            Some(l) if l.raw.trim().is_empty() => {
                close(&mut cur, &mut out, cur_after_break);
                out.push(Para {
                    lines: vec![*l],
                    empty_cell: true,
                    after_break,
                });
                after_break = false;
            }
            Some(l) => {
                if cur.is_empty() {
                    cur_after_break = after_break;
                    after_break = false;
                }
                cur.push(*l);
            }
        }
    }
    close(&mut cur, &mut out, cur_after_break);
    out
}

/// Where a name ends inside a paragraph: line index and byte offset after the name.
fn match_name(p: &Para<'_>, name: &str) -> Option<(usize, usize)> {
    let key: Vec<char> = alnum_key(name).chars().collect();
    let trailing: String = name
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut k = 0;
    for (li, l) in p.lines.iter().enumerate() {
        for (bi, c) in l.raw.char_indices() {
            if k == key.len() {
                break;
            }
            if !c.is_alphanumeric() {
                continue;
            }
            let mut low = c.to_lowercase();
            let ok = low.all(|lc| {
                k < key.len() && key[k] == lc && {
                    k += 1;
                    true
                }
            });
            if !ok {
                return None;
            }
            if k == key.len() {
                let end = bi + c.len_utf8();
                let rest = &l.raw[end..];
                let after = rest.strip_prefix(trailing.as_str())?;
                let boundary = after.is_empty() || after.starts_with(char::is_whitespace);
                return boundary.then_some((li, end + trailing.len()));
            }
        }
    }
    None
}

/// Pair the insatser `members` (indices into `rows`) with the paragraphs of their region.
fn pair_region(
    paras: &[Para<'_>],
    members: &[usize],
    rows: &[TableRow],
    corrections: &Corrections,
    mut missing: Option<&mut Vec<String>>,
) -> Result<Vec<(usize, AppendixEntry)>, ExtractError> {
    let not_start: Vec<usize> = corrections.inte_insats.iter().map(|n| n.rad).collect();
    // Longest names first, so `Case management` does not take the paragraph of
    // `Case management enligt … (FACT)-modellen`.
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by_key(|&i| std::cmp::Reverse(alnum_key(&rows[i].namn).len()));
    let mut claimed: HashMap<usize, (usize, (usize, usize))> = HashMap::new(); // para -> (row, end)
    for &i in &order {
        let row = &rows[i];
        let name = corrections
            .bilaga_name(&row.sektion_nr, &row.namn)
            .unwrap_or(&row.namn);
        let hit = paras.iter().enumerate().find_map(|(pi, p)| {
            if claimed.contains_key(&pi) || p.empty_cell || not_start.contains(&p.first_no()) {
                return None;
            }
            match_name(p, name).map(|end| (pi, end))
        });
        let Some((pi, end)) = hit else {
            if let Some(acc) = missing.as_deref_mut() {
                acc.push(format!(
                    "000 rad {} ({}) {:?}",
                    row.line, row.sektion_nr, row.namn
                ));
                continue;
            }
            let near: Vec<String> = paras
                .iter()
                .filter(|p| {
                    let a = alnum_key(&p.text());
                    let b = alnum_key(name);
                    a.chars().take(8).eq(b.chars().take(8))
                })
                .map(|p| {
                    format!(
                        "rad {}: {:?}",
                        p.first_no(),
                        p.text().chars().take(70).collect::<String>()
                    )
                })
                .collect();
            return Err(err(
                paras.first().map_or(0, Para::first_no),
                format!(
                    "hittar inte insatsen {:?} (000 rad {}, avsnitt {}) i bilagan; lägg till [[namnpar]] i korrigeringar.toml. Nära: {}",
                    row.namn,
                    row.line,
                    row.sektion_nr,
                    near.join(" | ")
                ),
            ));
        };
        claimed.insert(pi, (i, end));
    }
    let mut starts: Vec<usize> = claimed.keys().copied().collect();
    starts.sort_unstable();
    let Some(&first) = starts.first() else {
        return Ok(Vec::new());
    };
    // The first row's block ends at the next insats or at its own first reprint.
    let first_text = paras[first].text();
    let block_end = starts.get(1).copied().unwrap_or(paras.len());
    let first_block_len = (first + 1..block_end)
        .find(|&k| paras[k].after_break && paras[k].text() == first_text)
        .unwrap_or(block_end)
        - first;

    let mut out = Vec::new();
    for (n, &pi) in starts.iter().enumerate() {
        let (row_idx, (li, bi)) = claimed[&pi];
        let next = starts.get(n + 1).copied().unwrap_or(paras.len());
        let body_paras = drop_reprints(paras, pi + 1, next, first, first_block_len)?;
        let p = &paras[pi];
        let keep = |b: &str, a: &str| corrections.keeps_hyphen(b, a);
        let mut name_lines: Vec<&str> = p.lines[..li].iter().map(|l| l.raw).collect();
        let last = &p.lines[li].raw[..bi];
        let last_owned = format!("{last} ");
        name_lines.push(&last_owned);
        let namn = join_wrapped(name_lines, &keep);
        let remainder: Vec<Line<'_>> = std::iter::once(Line {
            no: p.lines[li].no,
            raw: &p.lines[li].raw[bi..],
        })
        .chain(p.lines[li + 1..].iter().copied())
        .collect();
        let (forklaring, kalla) = split_body(&remainder, &body_paras, corrections);
        out.push((
            row_idx,
            AppendixEntry {
                namn,
                forklaring,
                kalla,
                line: p.first_no(),
            },
        ));
    }
    Ok(out)
}

/// The paragraphs `from..to`, without the reprints of the region's first row that follow
/// a page break.
fn drop_reprints<'p, 'a>(
    paras: &'p [Para<'a>],
    from: usize,
    to: usize,
    first: usize,
    first_len: usize,
) -> Result<Vec<&'p Para<'a>>, ExtractError> {
    let mut out = Vec::new();
    let first_text = paras[first].text();
    let mut k = from;
    while k < to {
        if paras[k].after_break && !paras[k].empty_cell && paras[k].text() == first_text {
            for j in 0..first_len {
                let same = paras
                    .get(k + j)
                    .is_some_and(|p| p.text() == paras[first + j].text());
                if !same {
                    return Err(err(
                        paras[k].first_no(),
                        "omtryckt första rad avviker från originalet",
                    ));
                }
            }
            k += first_len;
            continue;
        }
        out.push(&paras[k]);
        k += 1;
    }
    Ok(out)
}

/// Split what follows a name into förklaring and källa.
fn split_body(
    remainder: &[Line<'_>],
    paras: &[&Para<'_>],
    corrections: &Corrections,
) -> (Option<String>, Option<String>) {
    let keep = |b: &str, a: &str| corrections.keeps_hyphen(b, a);
    // Segments: the rest of the name's paragraph, then the following paragraphs.
    struct Seg {
        lines: Vec<String>,
        empty: bool,
        leading_space: bool,
    }
    let mut segs: Vec<Seg> = Vec::new();
    let rest_text: String = remainder.iter().map(|l| l.raw).collect::<Vec<_>>().join("");
    let double_space = remainder
        .first()
        .is_some_and(|l| l.raw.starts_with("  ") && !l.raw.trim().is_empty());
    if !rest_text.trim().is_empty() {
        segs.push(Seg {
            lines: remainder.iter().map(|l| l.raw.to_string()).collect(),
            empty: false,
            leading_space: false,
        });
    }
    for p in paras {
        segs.push(Seg {
            lines: p.lines.iter().map(|l| l.raw.to_string()).collect(),
            empty: p.empty_cell,
            leading_space: !p.empty_cell
                && p.lines[0].raw.starts_with(' ')
                && !p.lines[0].raw.starts_with("  "),
        });
    }
    let join = |segs: &[Seg]| -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        for text in segs
            .iter()
            .filter(|s| !s.empty)
            .map(|s| join_wrapped(s.lines.iter().map(String::as_str), &keep))
            .filter(|s| !s.is_empty())
        {
            // A blank line inside a bullet item (the next block goes on in lower case) does
            // not end the item.
            match parts.last_mut() {
                Some(prev)
                    if prev.starts_with('•')
                        && text.chars().next().is_some_and(char::is_lowercase) =>
                {
                    prev.push(' ');
                    prev.push_str(&text);
                }
                _ => parts.push(text),
            }
        }
        if parts.is_empty() {
            None
        } else {
            Some(parts.join("\n"))
        }
    };
    if double_space {
        // `Familjehelger och -läger  SBU (2019) …`: two spaces stand for an empty förklaring.
        return (None, join(&segs).map(|s| s.replace('\n', " ")));
    }
    let k = if let Some(i) = segs.iter().position(|s| s.leading_space) {
        i
    } else if let Some(i) = segs.iter().position(|s| s.empty) {
        if segs[..i].iter().all(|s| s.empty) {
            i + 1
        } else {
            segs.len()
        }
    } else if segs.len() >= 2
        && segs
            .last()
            .is_some_and(|s| looks_like_kalla(&s.lines.join(" ")))
    {
        // Unmarked, the first block after the name is the förklaring: an empty förklaring is
        // printed as two spaces, a leading space or a whitespace-only line.
        segs.len() - 1
    } else {
        segs.len()
    };
    // A single line holding förklaring and källa (`Stöd av brukarspecialist Socialstyrelsen (2018)`).
    if k == segs.len() && segs.len() == 1 && !segs[0].empty {
        let text = join_wrapped(segs[0].lines.iter().map(String::as_str), &keep);
        if let Some(pos) = inline_kalla(&text) {
            let (f, c) = text.split_at(pos);
            return (Some(f.trim().to_string()), Some(c.trim().to_string()));
        }
    }
    let forklaring = join(&segs[..k.min(segs.len())]);
    let kalla = join(&segs[k.min(segs.len())..]).map(|s| s.replace('\n', " "));
    (forklaring, kalla)
}

fn looks_like_kalla(text: &str) -> bool {
    KALLA_START.is_match(text.trim_start()) || KALLA_ANYWHERE.is_match(text)
}

/// Byte position where a källa starts inside a line that also holds the förklaring.
fn inline_kalla(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|(i, c)| *i > 0 && c.is_uppercase() && text[..*i].ends_with(' '))
        .map(|(i, _)| i)
        .find(|&i| looks_like_kalla(&text[i..]) && !text[..i].trim().is_empty())
}
