//! The presentation mode's slide: one insats in a large, calm layout (title, place,
//! förklaring, källa, the figures as full-width bars), fitted to the screen. Only words and
//! tones here; `ui::presentation` draws them. Its keys move through the catalogue's list.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::catalog::{CatalogState, Cx};
use super::detail::{DetailLine, Tone, figure_text, forklaring_lines, path, statistics, wrap};
use super::layout::Panes;
use super::list::edit_text;
use crate::action::Action;
use crate::model::{Catalog, Insats};

/// The widest the text column gets, for lines that the eye can follow across a room.
const MAX_WIDTH: u16 = 88;

/// The slide's text column inside `area`: margins of two columns and one row where there is
/// room.
#[must_use]
pub fn column(area: Rect) -> Rect {
    let margin_x = if area.width >= 50 { 2 } else { 0 };
    let margin_y = u16::from(area.height >= 16);
    let width = area.width.saturating_sub(2 * margin_x).min(MAX_WIDTH);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + margin_y,
        width,
        height: area.height.saturating_sub(2 * margin_y),
    }
}

/// From the roomiest to the tightest: rows of each figure's bar (0: the bar on the figure's
/// own line), and whether a blank line separates the figures.
const LAYOUTS: [(usize, bool); 4] = [(2, true), (1, true), (1, false), (0, false)];

/// The slide for `catalog.insatser[index]` in `width` × `height` cells.
///
/// When everything does not fit, the bars shrink (to one row, without blank lines between
/// them, then onto the figure's own line), then the förklaring is cut (ending in `…`); the
/// title, the källa and the figures always stay.
#[must_use]
pub fn slide(catalog: &Catalog, index: usize, width: usize, height: usize) -> Vec<DetailLine> {
    slide_from(catalog, index, width, height, 0)
}

/// How many lines the förklaring of the slide can scroll by, at `width` × `height`: 0 when
/// it fits.
#[must_use]
pub fn forklaring_overflow(catalog: &Catalog, index: usize, width: usize, height: usize) -> usize {
    let Some(i) = catalog.insatser.get(index) else {
        return 0;
    };
    let width = width.max(10);
    let (head, forklaring) = (head(i, width), forklaring(i, width));
    let tail = tightest_tail(i, width);
    let room = height.saturating_sub(head.len() + tail.len());
    forklaring.len().saturating_sub(room)
}

/// [`slide`] with the förklaring scrolled down by `scroll` lines when it is cut: the lines
/// above and below the part shown are marked `…`.
#[must_use]
pub fn slide_from(
    catalog: &Catalog,
    index: usize,
    width: usize,
    height: usize,
    scroll: usize,
) -> Vec<DetailLine> {
    let Some(i) = catalog.insatser.get(index) else {
        return vec![vec![(Tone::Dim, "Ingen insats att visa.".to_string())]];
    };
    let width = width.max(10);
    let head = head(i, width);
    let forklaring = forklaring(i, width);
    for (bar_rows, spaced) in layouts(i, width) {
        let tail = tail(i, width, bar_rows, spaced);
        if head.len() + forklaring.len() + tail.len() <= height {
            return [head, forklaring, tail].concat();
        }
    }
    let tail = tightest_tail(i, width);
    let room = height.saturating_sub(head.len() + tail.len());
    // The förklaring's first line is blank; scrolling starts from the text.
    let max = forklaring.len().saturating_sub(room);
    let scroll = scroll.min(max);
    let mut cut: Vec<DetailLine> = forklaring.into_iter().skip(scroll).take(room).collect();
    if scroll > 0
        && let Some(first) = cut.first_mut()
    {
        *first = vec![(Tone::Dim, "… (↑ mer)".to_string())];
    }
    // Mark the cut on the last line kept (unless scrolled to the end); with room only for
    // the blank separator, that line itself says that something is left out.
    match cut.iter_mut().rev().find(|l| !l.is_empty()) {
        Some(last) if scroll < max => end_with_ellipsis(last, width),
        Some(_) => {}
        None => {
            if let Some(first) = cut.first_mut() {
                *first = vec![(Tone::Dim, "…".to_string())];
            }
        }
    }
    // On a screen too small even for that, what does not fit is left out at the bottom.
    let mut all = [head, cut, tail].concat();
    all.truncate(height);
    all
}

/// Add ` …` to `line`, dropping its last words (or characters) until both fit in `width`.
fn end_with_ellipsis(line: &mut DetailLine, width: usize) {
    const MARK: &str = " …";
    let used = |l: &DetailLine| l.iter().map(|(_, s)| s.width()).sum::<usize>();
    while used(line) + MARK.width() > width {
        let Some((_, last)) = line.last_mut() else {
            break;
        };
        match last.trim_end().rsplit_once(' ') {
            Some((kept, _)) if !kept.trim().is_empty() => *last = kept.trim_end().to_string(),
            _ => {
                last.pop();
            }
        }
        if last.is_empty() {
            line.pop();
        }
    }
    line.push((Tone::Dim, MARK.to_string()));
}

fn lines(out: &mut Vec<DetailLine>, tone: Tone, text: &str, width: usize) {
    for l in wrap(text, width, "", "") {
        out.push(vec![(tone, l)]);
    }
}

fn head(i: &Insats, width: usize) -> Vec<DetailLine> {
    let mut out = Vec::new();
    lines(&mut out, Tone::Title, &i.namn, width);
    lines(&mut out, Tone::Path, &path(i), width);
    out
}

fn forklaring(i: &Insats, width: usize) -> Vec<DetailLine> {
    let mut out = vec![Vec::new()];
    match &i.forklaring {
        Some(f) => forklaring_lines(&mut out, f, width),
        None => out.push(vec![(Tone::Dim, "Förklaring saknas i källan.".to_string())]),
    }
    out
}

fn tail(i: &Insats, width: usize, bar_rows: usize, spaced: bool) -> Vec<DetailLine> {
    let mut out = vec![Vec::new()];
    let kalla = i.kalla.as_deref().unwrap_or("saknas i källan");
    for l in wrap(kalla, width, "Källa: ", "       ") {
        out.push(vec![(Tone::Path, l)]);
    }
    out.push(Vec::new());
    lines(
        &mut out,
        Tone::Heading,
        "Antal kommuner (andel av dem som svarade), hela landet",
        width,
    );
    // On one line each, the bars share a width: the figures take the widest one's room.
    let figure_w = statistics(i)
        .iter()
        .map(|(_, f)| figure_text(*f).width())
        .max()
        .unwrap_or(0);
    for (n, (label, f)) in statistics(i).into_iter().enumerate() {
        if spaced && n > 0 {
            out.push(Vec::new());
        }
        let text = figure_text(f);
        let gap = width.saturating_sub(label.width() + text.width()).max(1);
        let tone = if f.antal.is_some() {
            Tone::Figure
        } else {
            Tone::Dim
        };
        if bar_rows > 0 {
            out.push(vec![
                (Tone::Text, label.to_string()),
                (Tone::Text, " ".repeat(gap)),
                (tone, text.clone()),
            ]);
        }
        if bar_rows == 0 {
            // Label, bar and figure on one line.
            let label_w = "Utan biståndsbeslut".width();
            let bar_w = width.saturating_sub(label_w + figure_w + 2);
            let mut line = vec![(Tone::Text, format!("{label:<label_w$} "))];
            match bar_fill(f, bar_w) {
                Some(n) => {
                    line.push((Tone::BarFill, "█".repeat(n)));
                    line.push((Tone::BarTrack, "░".repeat(bar_w - n)));
                }
                None => line.push((Tone::BarTrack, " ".repeat(bar_w))),
            }
            line.push((tone, format!(" {text:>figure_w$}")));
            out.push(line);
            continue;
        }
        let filled = bar_fill(f, width);
        for _ in 0..bar_rows {
            out.push(match filled {
                Some(n) => vec![
                    (Tone::BarFill, "█".repeat(n)),
                    (Tone::BarTrack, "░".repeat(width - n)),
                ],
                None => Vec::new(),
            });
        }
    }
    out
}

/// The layouts that suit `width`: a bar on the figure's own line only where it still gets
/// [`MIN_INLINE_BAR`] cells.
fn layouts(i: &Insats, width: usize) -> impl Iterator<Item = (usize, bool)> {
    let figure_w = statistics(i)
        .iter()
        .map(|(_, f)| figure_text(*f).width())
        .max()
        .unwrap_or(0);
    let inline = "Utan biståndsbeslut".width() + figure_w + 2 + MIN_INLINE_BAR <= width;
    LAYOUTS
        .into_iter()
        .filter(move |(rows, _)| *rows > 0 || inline)
}

/// The shortest tail that suits `width`.
fn tightest_tail(i: &Insats, width: usize) -> Vec<DetailLine> {
    let (rows, spaced) = layouts(i, width).last().unwrap_or((1, false));
    tail(i, width, rows, spaced)
}

/// The fewest cells a bar on the figure's own line gets.
const MIN_INLINE_BAR: usize = 10;

/// Cells of a bar `width` wide filled for a figure's share, if it has one: rounded, but a
/// non-zero share never shows empty.
fn bar_fill(f: crate::model::Figure, width: usize) -> Option<usize> {
    match (f.antal, f.andel) {
        (Some(_), Some(p)) => {
            let n = (usize::from(p) * width + 50) / 100;
            Some(if p > 0 { n.max(1) } else { n }.min(width))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &DetailLine) -> String {
        line.iter().map(|(_, s)| s.as_str()).collect()
    }

    #[test]
    fn the_cut_mark_fits_even_on_a_full_line() {
        let full = "samt att få och";
        let mut line = vec![(Tone::Text, full.to_string())];
        end_with_ellipsis(&mut line, full.width());
        assert_eq!(text(&line), "samt att få …");

        let mut short = vec![(Tone::Text, "kort".to_string())];
        end_with_ellipsis(&mut short, 20);
        assert_eq!(text(&short), "kort …");

        // One long word: characters go instead of words.
        let mut word = vec![(Tone::Text, "föräldrastöd".to_string())];
        end_with_ellipsis(&mut word, 8);
        assert_eq!(text(&word), "föräld …");
        assert!(text(&word).width() <= 8);
    }

    #[test]
    fn a_cut_slide_ends_its_förklaring_with_the_mark_within_the_width() {
        let catalog = crate::data::load(&crate::data::Source::Embedded).expect("data");
        for (index, i) in catalog.insatser.iter().enumerate() {
            let tightest = head(i, 76).len() + forklaring(i, 76).len() + tightest_tail(i, 76).len();
            let cut = slide(&catalog, index, 76, 20);
            assert!(cut.len() <= 20);
            for l in &cut {
                assert!(text(l).width() <= 76, "{index}: {}", text(l));
            }
            if tightest > 20 {
                assert!(
                    cut.iter().any(|l| text(l).ends_with('…')),
                    "{index}: the cut is marked"
                );
            }
        }
    }
}

/// The presentation mode's state: how far the förklaring is scrolled, and a search typed
/// inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presentation {
    /// Lines the förklaring is scrolled by, when it does not fit.
    pub scroll: usize,
    /// While a search is typed inside the presentation: the query and the insats shown
    /// before it, for Esc to go back to.
    pub search: Option<Before>,
}

/// What the presentation showed before a search inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Before {
    pub query: String,
    pub shown: Option<usize>,
}

/// What the app does after a key in the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Back to the catalogue's panes.
    Leave,
    /// On to the checklist.
    ToChecklist,
}

impl Presentation {
    /// Apply a key (or the mouse) to the presentation of the catalogue's list.
    pub fn update(&mut self, action: Action, list: &mut CatalogState, cx: &Cx<'_>) -> Outcome {
        if self.search.is_some() {
            self.update_search(action, list);
            return Outcome::Stay;
        }
        let step = |list: &mut CatalogState, delta: isize| {
            list.move_selection(delta);
        };
        match action {
            // ↑↓ scroll a förklaring that does not fit, then go on to the next insats.
            Action::Down if self.scroll < overflow(list, cx) => self.scroll += 1,
            Action::Up if self.scroll > 0 => self.scroll -= 1,
            Action::NextInsats | Action::Down | Action::PageDown => step(list, 1),
            Action::PrevInsats | Action::Up | Action::PageUp => step(list, -1),
            Action::Top => step(list, isize::MIN / 2),
            Action::Bottom => step(list, isize::MAX / 2),
            Action::Scroll { delta, .. } => step(list, isize::from(delta.signum())),
            // A click on the left half goes back, on the right half forward.
            Action::Click { column, .. } => {
                step(list, if column < cx.area.width / 2 { -1 } else { 1 });
            }
            Action::Back | Action::ShowCatalog => return Outcome::Leave,
            // A search inside the presentation: typed on the status line, in its theme,
            // from an empty box.
            Action::FocusSearch => {
                self.search = Some(Before {
                    query: list.list().query.clone(),
                    shown: list.list().selected_index(),
                });
                list.set_query(String::new());
            }
            Action::ShowChecklist => return Outcome::ToChecklist,
            _ => {}
        }
        Outcome::Stay
    }

    /// Keys while a search is typed inside the presentation: Enter shows the hits from the
    /// first, Esc goes back to the slide.
    fn update_search(&mut self, action: Action, list: &mut CatalogState) {
        match action {
            Action::InsertChar(_) | Action::DeleteChar | Action::ClearSearch => {
                let mut q = list.list().query.clone();
                if edit_text(&mut q, action) {
                    list.set_query(q);
                }
            }
            Action::Open => {
                self.search = None;
                list.select_row(0);
            }
            // Esc: back to the slide shown before, with its search.
            Action::Back => {
                if let Some(before) = self.search.take() {
                    list.set_query(before.query);
                    if let Some(i) = before.shown {
                        list.select_insats(i);
                    }
                }
            }
            Action::Up => list.move_selection(-1),
            Action::Down => list.move_selection(1),
            _ => {}
        }
    }
}

/// How far the slide's förklaring can scroll at the window's size.
fn overflow(list: &CatalogState, cx: &Cx<'_>) -> usize {
    let col = column(Panes::catalog(cx.area, list.focus()).screen);
    forklaring_overflow(
        cx.catalog,
        list.list().selected_index().unwrap_or(usize::MAX),
        usize::from(col.width),
        usize::from(col.height),
    )
}
