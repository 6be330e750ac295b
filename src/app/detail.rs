//! The detail pane's content for one insats, laid out for a width: wrapped text, bullets,
//! statistic bars and the same insats elsewhere. Only words and tones here; `ui::detail`
//! turns tones into colours.

use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::checklist::{Fraga, InsatsSvar, Svar};
use crate::model::{Catalog, Figure, Insats};
use crate::text::sanitize;

/// What a piece of text is, so that the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Path,
    Heading,
    Text,
    Dim,
    BarFill,
    BarTrack,
    Figure,
    /// A word the search matched, in the förklaring.
    Match,
    /// The chosen row of a table (the comparison in the detail pane).
    Selected,
}

/// One screen line: pieces of text with their tones.
pub type DetailLine = Vec<(Tone, String)>;

/// The four statistics and their labels, in the order of the source.
#[must_use]
pub fn statistics(i: &Insats) -> [(&'static str, Figure); 4] {
    [
        ("Ges", i.ges),
        ("Digitalt", i.digital),
        ("I enskild regi", i.enskild),
        ("Utan biståndsbeslut", i.utan),
    ]
}

/// A figure as text: "245 kommuner (100 %)", or "uppgift saknas".
#[must_use]
pub fn figure_text(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(1), Some(p)) => format!("1 kommun ({p} %)"),
        (Some(a), Some(p)) => format!("{a} kommuner ({p} %)"),
        (Some(1), None) => "1 kommun".to_string(),
        (Some(a), None) => format!("{a} kommuner"),
        _ => "uppgift saknas".to_string(),
    }
}

/// A figure as a short table cell: "245 (100 %)", or "saknas".
#[must_use]
pub fn figure_cell(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(a), Some(p)) => format!("{a} ({p} %)"),
        (Some(a), None) => a.to_string(),
        _ => "saknas".to_string(),
    }
}

/// Where an insats sits: "Äldre › 2.4 Övriga insatser › Insatser riktade till anhöriga".
#[must_use]
pub fn path(i: &Insats) -> String {
    let mut s = format!("{} › {} {}", i.omrade.title(), i.sektion_nr, i.sektion);
    if let Some(g) = &i.grupp {
        s.push_str(" › ");
        s.push_str(g);
    }
    s
}

/// A short place for comparisons: område and group (or section).
#[must_use]
pub fn place(i: &Insats) -> String {
    match &i.grupp {
        Some(g) => format!("{} › {g}", i.omrade.title()),
        None => format!("{} › {} {}", i.omrade.title(), i.sektion_nr, i.sektion),
    }
}

/// Word-wrap one paragraph to `width` columns with a first and a hanging indent: the one
/// wrapping of the app and the command line.
pub use crate::text::wrap;

/// A förklaring's paragraphs and `•` items, wrapped to `width`.
pub fn forklaring_lines(out: &mut Vec<DetailLine>, forklaring: &str, width: usize) {
    forklaring_marked(out, forklaring, width, &[]);
}

/// [`forklaring_lines`] with the words that the search matched marked: every word that
/// starts with one of `words` (folded, as the search folds them: `hvb` marks `HVB-hem`).
pub fn forklaring_marked(
    out: &mut Vec<DetailLine>,
    forklaring: &str,
    width: usize,
    words: &[String],
) {
    for para in forklaring.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let lines = match para.strip_prefix('•') {
            Some(item) => wrap(item.trim(), width, "• ", "  "),
            None => wrap(para, width, "", ""),
        };
        for l in lines {
            out.push(mark_words(l, words));
        }
    }
}

/// A line of text with the words that start with one of `words` (folded) in
/// [`Tone::Match`].
#[must_use]
pub fn mark_words(line: String, words: &[String]) -> DetailLine {
    if words.is_empty() {
        return vec![(Tone::Text, line)];
    }
    let matches = |token: &str| {
        let folded = crate::sort::fold(token);
        words.iter().any(|w| {
            folded.match_indices(w.as_str()).any(|(at, _)| {
                folded[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
    };
    let mut out: DetailLine = Vec::new();
    let mut push = |tone: Tone, s: &str| match out.last_mut() {
        _ if s.is_empty() => {}
        Some((t, text)) if *t == tone => text.push_str(s),
        _ => out.push((tone, s.to_string())),
    };
    let mut rest = line.as_str();
    while !rest.is_empty() {
        let space = rest.len() - rest.trim_start().len();
        push(Tone::Text, &rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        if !token.is_empty() {
            push(
                if matches(token) {
                    Tone::Match
                } else {
                    Tone::Text
                },
                token,
            );
        }
        rest = &rest[end..];
    }
    out
}

fn text_lines(out: &mut Vec<DetailLine>, tone: Tone, text: &str, width: usize) {
    for l in wrap(text, width, "", "") {
        out.push(vec![(tone, l)]);
    }
}

/// The lines of the detail pane for `catalog.insatser[index]` at `width` columns.
#[must_use]
pub fn lines(catalog: &Catalog, index: usize, width: usize) -> Vec<DetailLine> {
    let same: Vec<usize> = catalog.insatser.get(index).map_or_else(Vec::new, |i| {
        catalog
            .insatser
            .iter()
            .enumerate()
            .filter(|(_, o)| o.id != i.id && same_name(o, i))
            .map(|(n, _)| n)
            .collect()
    });
    lines_with(catalog, index, &same, width)
}

/// [`lines`] when the insatser of the same name are known already (`same`, indices in source
/// order, without `index` itself): the app groups names once instead of on every frame.
#[must_use]
pub fn lines_with(
    catalog: &Catalog,
    index: usize,
    same: &[usize],
    width: usize,
) -> Vec<DetailLine> {
    lines_marked(catalog, index, same, width, &[])
}

/// [`lines_with`] with the words of a search (folded) marked in the förklaring.
#[must_use]
pub fn lines_marked(
    catalog: &Catalog,
    index: usize,
    same: &[usize],
    width: usize,
    words: &[String],
) -> Vec<DetailLine> {
    view(catalog, index, same, width, words, None).lines
}

/// The detail pane's lines and where in them the rows of the comparison table are.
#[derive(Debug, Clone, Default)]
pub struct Detail {
    pub lines: Vec<DetailLine>,
    /// For each other insats of the same name (in the order of `same`), the lines of its
    /// row in the comparison table.
    pub rows: Vec<Range<usize>>,
}

/// The chosen kommun's answers for the insats shown, and the keys that change them.
#[derive(Debug, Clone, Copy)]
pub struct Kommun<'a> {
    pub namn: &'a str,
    pub svar: Option<&'a InsatsSvar>,
    /// The loaded keys of the four answers, in the source's column order.
    pub keys: &'a [Option<String>; 4],
}

impl Kommun<'_> {
    fn answer(&self, fraga: Fraga) -> &'static str {
        self.svar
            .and_then(|s| s.get(fraga))
            .map_or("obesvarad", Svar::as_str)
    }

    /// The one line of context: what follows from the printed share and the answer alone.
    fn context(&self, ges: Figure) -> Option<String> {
        let p = ges.andel?;
        let namn = crate::text::sanitize(self.namn);
        Some(match self.svar.and_then(|s| s.get(Fraga::Ges)) {
            Some(Svar::Ja) => match ges.antal {
                Some(a) => {
                    format!("{namn} ger insatsen, liksom {a} kommuner ({p} % av de svarande).")
                }
                None => format!("{namn} ger insatsen, liksom {p} % av de svarande kommunerna."),
            },
            Some(Svar::Nej) => format!("{p} % av de svarande kommunerna ger den; {namn} inte."),
            None => format!("{p} % av de svarande kommunerna ger den; {namn} har inte svarat."),
        })
    }
}

/// The detail pane for `catalog.insatser[index]`: [`lines_marked`], with row `selected` of
/// the comparison table (an index into `same`) shown as chosen.
#[must_use]
pub fn view(
    catalog: &Catalog,
    index: usize,
    same: &[usize],
    width: usize,
    words: &[String],
    selected: Option<usize>,
) -> Detail {
    view_kommun(catalog, index, same, width, words, selected, None)
}

/// [`view`] with a kommun chosen: its answer beside each national figure, a line of
/// context and the keys that answer.
#[must_use]
pub fn view_kommun(
    catalog: &Catalog,
    index: usize,
    same: &[usize],
    width: usize,
    words: &[String],
    selected: Option<usize>,
    kommun: Option<&Kommun<'_>>,
) -> Detail {
    let Some(i) = catalog.insatser.get(index) else {
        return Detail {
            lines: vec![vec![(Tone::Dim, "Ingen insats vald.".to_string())]],
            rows: Vec::new(),
        };
    };
    let width = width.max(10);
    let mut out = Vec::new();
    text_lines(&mut out, Tone::Title, &i.namn, width);
    if let Some(b) = &i.namn_bilaga {
        text_lines(&mut out, Tone::Dim, &format!("I bilagan: {b}"), width);
    }
    text_lines(&mut out, Tone::Path, &path(i), width);
    if let Some(k) = kommun {
        // The kommun's four answers at a glance, where the keys that change them are seen.
        let answers: Vec<String> = Fraga::ALL
            .iter()
            .zip(["ges", "digitalt", "enskild regi", "utan beslut"])
            .map(|(f, what)| {
                format!(
                    "{what} {}",
                    k.svar.and_then(|s| s.get(*f)).map_or("–", Svar::as_str)
                )
            })
            .collect();
        text_lines(
            &mut out,
            Tone::Figure,
            &format!("{}: {}", crate::text::sanitize(k.namn), answers.join(" · ")),
            width,
        );
    }

    out.push(Vec::new());
    out.push(vec![(Tone::Heading, "Förklaring".to_string())]);
    match &i.forklaring {
        Some(f) => forklaring_marked(&mut out, f, width, words),
        None => out.push(vec![(Tone::Dim, "Saknas i källan.".to_string())]),
    }

    out.push(Vec::new());
    out.push(vec![(Tone::Heading, "Källa".to_string())]);
    match &i.kalla {
        Some(k) => text_lines(&mut out, Tone::Text, k, width),
        None => out.push(vec![(Tone::Dim, "Saknas i källan.".to_string())]),
    }

    // The same insats elsewhere, right under the källa: a table to compare and to jump by.
    let same: Vec<&Insats> = same
        .iter()
        .filter_map(|&n| catalog.insatser.get(n))
        .collect();
    let mut rows = Vec::new();
    if !same.is_empty() {
        out.push(Vec::new());
        text_lines(
            &mut out,
            Tone::Heading,
            "Samma insats på andra ställen",
            width,
        );
        rows = comparison(&mut out, i, &same, width, selected);
    }

    out.push(Vec::new());
    text_lines(
        &mut out,
        Tone::Heading,
        "Antal kommuner (andel av svarande)",
        width,
    );
    for ((label, f), fraga) in statistics(i).into_iter().zip(Fraga::ALL) {
        let answer =
            kommun.map(|k| format!(" · {}: {}", crate::text::sanitize(k.namn), k.answer(fraga)));
        stat_lines(&mut out, label, f, width, answer.as_deref());
    }
    text_lines(
        &mut out,
        Tone::Dim,
        "Andelen räknas på kommuner som svarat; för digitalt, enskild regi och utan \
         biståndsbeslut på dem som ger insatsen.",
        width,
    );
    if let Some(k) = kommun {
        if let Some(context) = k.context(i.ges) {
            text_lines(&mut out, Tone::Text, &context, width);
        }
        if let Some(note) = k.svar.map(|s| s.note.as_str()).filter(|n| !n.is_empty()) {
            text_lines(&mut out, Tone::Text, &format!("Anteckning: {note}"), width);
        }
        let keys: Vec<String> = k
            .keys
            .iter()
            .zip(["ges", "digitalt", "enskild regi", "utan beslut"])
            .filter_map(|(key, what)| key.as_ref().map(|key| format!("{key} {what}")))
            .collect();
        if !keys.is_empty() {
            text_lines(
                &mut out,
                Tone::Dim,
                &format!("Svara: {} (ja → nej → obesvarad)", keys.join(" · ")),
                width,
            );
        }
    }

    skane(&mut out, catalog, i, width);
    indikatorer(&mut out, catalog, i, width);
    Detail { lines: out, rows }
}

/// SKR's Skåne figures for this insats, if any: a different measure, so apart and labelled.
fn skane(out: &mut Vec<DetailLine>, catalog: &Catalog, i: &Insats, width: usize) {
    let rows: Vec<_> = catalog
        .skane
        .iter()
        .filter(|r| r.insats_id == i.id)
        .collect();
    let Some(first) = rows.first() else {
        return;
    };
    out.push(Vec::new());
    text_lines(
        out,
        Tone::Heading,
        &format!("Skåne län {} (ett annat mått)", first.period),
        width,
    );
    text_lines(
        out,
        Tone::Dim,
        "Ur SKR:s inventering i Skåne, andel av de kommuner i Skåne som svarat. Jämför inte \
         rakt av med siffrorna för hela landet ovan.",
        width,
    );
    for r in rows {
        for l in wrap(
            &format!("{} (plats {})", r.tabell.namn(), r.rang),
            width,
            "",
            "",
        ) {
            out.push(vec![(Tone::Path, l)]);
        }
        let text = format!(
            "{}: {} % ({} av {} kommuner)",
            r.andel_rubrik, r.andel, r.antal, r.antal_svarande
        );
        for l in wrap(&text, width, "  ", "  ") {
            out.push(vec![(Tone::Figure, l)]);
        }
    }
}

/// Socialstyrelsen's indikatorer that ask about this insats (data/kopplingar.csv).
fn indikatorer(out: &mut Vec<DetailLine>, catalog: &Catalog, i: &Insats, width: usize) {
    let linked = catalog.indikatorer_for(&i.id);
    if linked.is_empty() {
        return;
    }
    out.push(Vec::new());
    text_lines(
        out,
        Tone::Heading,
        "Indikatorer, öppna jämförelser 2019",
        width,
    );
    for ind in linked {
        for l in wrap(&format!("{} {}", ind.nummer, ind.titel), width, "", "   ") {
            out.push(vec![(Tone::Text, l)]);
        }
    }
}

pub use crate::model::{name_key, same_name};

const LABEL_W: usize = 20;
const FIGURE_W: usize = 20;

fn stat_lines(
    out: &mut Vec<DetailLine>,
    label: &str,
    f: Figure,
    width: usize,
    answer: Option<&str>,
) {
    let answer = answer.unwrap_or("");
    let text = format!("{}{answer}", figure_text(f));
    let figure_w = FIGURE_W + answer.width();
    let inline = width >= LABEL_W + figure_w + 12;
    let bar_w = if inline {
        width - LABEL_W - figure_w - 2
    } else {
        width.saturating_sub(2)
    };
    let bar = |line: &mut DetailLine| {
        if let Some(p) = f.andel.filter(|_| f.antal.is_some()) {
            // Round to the nearest cell, but never hide a non-zero share entirely.
            let mut filled = (usize::from(p) * bar_w + 50) / 100;
            if p > 0 {
                filled = filled.max(1);
            }
            line.push((Tone::BarFill, "█".repeat(filled)));
            line.push((Tone::BarTrack, "░".repeat(bar_w - filled)));
        } else {
            line.push((Tone::BarTrack, " ".repeat(bar_w)));
        }
    };
    let tone = if f.antal.is_some() {
        Tone::Figure
    } else {
        Tone::Dim
    };
    if inline {
        let mut line = vec![(Tone::Text, format!("{label:<LABEL_W$}"))];
        bar(&mut line);
        line.push((tone, format!("  {text}")));
        out.push(line);
    } else {
        let head = format!("{label}: ");
        if head.width() + text.width() <= width {
            out.push(vec![(Tone::Text, head), (tone, text)]);
        } else {
            out.push(vec![(Tone::Text, label.to_string())]);
            out.push(vec![(Tone::Text, "  ".to_string()), (tone, text)]);
        }
        if f.andel.is_some() && f.antal.is_some() {
            let mut line = vec![(Tone::Text, "  ".to_string())];
            bar(&mut line);
            out.push(line);
        }
    }
}

/// A figure as a compact cell: "229 98%", or "–".
fn compact_cell(f: Figure) -> String {
    match (f.antal, f.andel) {
        (Some(a), Some(p)) => format!("{a} {p}%"),
        (Some(a), None) => a.to_string(),
        _ => "–".to_string(),
    }
}

/// The current insats and its namesakes as a table: a row per place (område, and group
/// where one område has the name twice) with its four figures and shares. Returns the lines
/// of each namesake's row, in the order of `others`. Row `selected` (into `others`) is
/// shown as chosen.
fn comparison(
    out: &mut Vec<DetailLine>,
    current: &Insats,
    others: &[&Insats],
    width: usize,
    selected: Option<usize>,
) -> Vec<Range<usize>> {
    let all: Vec<&Insats> = std::iter::once(current)
        .chain(others.iter().copied())
        .collect();
    let labels: Vec<String> = all
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let rest: Vec<&Insats> = all
                .iter()
                .enumerate()
                .filter(|(m, _)| *m != n)
                .map(|(_, o)| *o)
                .collect();
            let label = crate::model::namesake_label(&rest, i)
                .unwrap_or_else(|| i.omrade.short_label().to_string());
            crate::text::sanitize(&label).into_owned()
        })
        .collect();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    // From the roomiest to the tightest: cells and their width, and whether a row fits on
    // one line beside its label.
    // Compact cells are as wide as the widest of them (or of the short headings), plus a
    // space.
    let compact_w = all
        .iter()
        .flat_map(|i| statistics(i).map(|(_, f)| compact_cell(f).width()))
        .max()
        .unwrap_or(0)
        .max(7)
        + 1;
    // The label column: as wide as the labels when they fit beside the cells, else as wide
    // as there is room for (a longer label then gets a line of its own above its cells).
    let full = 2 + label_w + 1 + 4 * 12;
    let room = width.saturating_sub(2 + 1 + 4 * compact_w - 1);
    let (cell_w, label_col, cell): (usize, Option<usize>, fn(Figure) -> String) = if width >= full {
        (12, Some(label_w), figure_cell)
    } else if room >= 4 {
        let col = labels
            .iter()
            .map(|l| l.width())
            .filter(|&w| w <= room)
            .max()
            .unwrap_or(room);
        (compact_w, Some(col), compact_cell)
    } else {
        (compact_w, None, compact_cell)
    };
    let one_line = label_col.is_some();
    let label_w = label_col.unwrap_or(label_w);
    let heads = if cell_w == 12 {
        ["Ges", "Digitalt", "Enskild regi", "Utan beslut"]
    } else {
        ["Ges", "Digital", "Enskild", "Utan b."]
    };
    let cells = |i: &Insats| -> String {
        let c: String = statistics(i)
            .iter()
            .map(|(_, f)| format!("{:<cell_w$}", cell(*f)))
            .collect();
        c.trim_end().to_string()
    };
    let fits = 2 + 4 * cell_w - 1 <= width;
    if fits {
        let lead = if one_line { 2 + label_w + 1 } else { 2 };
        let header: String = heads.iter().map(|h| format!("{h:<cell_w$}")).collect();
        out.push(vec![(
            Tone::Dim,
            format!("{}{}", " ".repeat(lead), header.trim_end()),
        )]);
    }
    let mut rows = Vec::new();
    for (n, (i, label)) in all.iter().zip(&labels).enumerate() {
        let chosen = n > 0 && selected == Some(n - 1);
        let (mark, tone) = match (n, chosen) {
            (0, _) => ("▸ ", Tone::Title),
            (_, true) => ("› ", Tone::Selected),
            _ => ("  ", Tone::Path),
        };
        if n > 0 {
            rows.push(out.len());
        }
        let figures = if chosen { Tone::Selected } else { Tone::Figure };
        if one_line && label.width() <= label_w {
            let pad = " ".repeat(label_w - label.width());
            out.push(vec![
                (tone, format!("{mark}{label}{pad} ")),
                (figures, cells(i)),
            ]);
            continue;
        }
        if one_line {
            // A label wider than its column: on its own line, the cells under the column.
            for l in wrap(label, width, mark, "  ") {
                out.push(vec![(tone, l)]);
            }
            out.push(vec![
                (tone, " ".repeat(2 + label_w + 1)),
                (figures, cells(i)),
            ]);
            continue;
        }
        let mut label = label.clone();
        if n == 0 {
            label.push_str(" (denna)");
        }
        for l in wrap(&label, width, mark, "  ") {
            out.push(vec![(tone, l)]);
        }
        if fits {
            out.push(vec![(figures, format!("  {}", cells(i)))]);
        } else {
            let text = statistics(i)
                .iter()
                .map(|(l, f)| format!("{l} {}", compact_cell(*f)))
                .collect::<Vec<_>>()
                .join(" · ");
            for l in wrap(&text, width, "  ", "  ") {
                out.push(vec![(figures, l)]);
            }
        }
    }
    // Each row runs to where the next begins, the last to the table's end.
    let ends: Vec<usize> = rows.iter().skip(1).copied().chain([out.len()]).collect();
    rows.into_iter().zip(ends).map(|(a, b)| a..b).collect()
}

/// The insats as plain text for the clipboard (the copy request carries it to
/// [`crate::clipboard`]) to paste into a document or an e-mail: name, place, förklaring,
/// källa and the national figures. No line is wrapped; control characters are made visible.
#[must_use]
pub fn insats_text(i: &Insats) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", sanitize(&i.namn));
    let _ = writeln!(s, "{}", sanitize(&path(i)));
    s.push_str("\nFörklaring\n");
    match &i.forklaring {
        Some(f) => {
            for line in f.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let _ = writeln!(s, "{}", sanitize(line));
            }
        }
        None => s.push_str("Saknas i källan.\n"),
    }
    s.push_str("\nKälla\n");
    match &i.kalla {
        Some(k) => {
            let _ = writeln!(s, "{}", sanitize(k.trim()));
        }
        None => s.push_str("Saknas i källan.\n"),
    }
    s.push_str("\nAntal kommuner (andel av dem som svarade), SKR:s kartläggning, hela landet\n");
    for (label, f) in statistics(i) {
        let _ = writeln!(s, "{label}: {}", figure_text(f));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_swedish_text() {
        let f = Figure {
            antal: Some(245),
            andel: Some(100),
        };
        assert_eq!(figure_text(f), "245 kommuner (100 %)");
        assert_eq!(figure_text(Figure::default()), "uppgift saknas");
        assert_eq!(
            figure_text(Figure {
                antal: Some(1),
                andel: Some(0)
            }),
            "1 kommun (0 %)"
        );
    }
}
