//! The search box and the insats list, with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Theme, truncate};
use crate::action::{Action, Context};
use crate::app::list::{Item, ListState};
use crate::app::{App, Focus, layout::inner};
use crate::text::{sanitize, sanitize_with_positions};

pub fn draw(frame: &mut Frame, search: Rect, list: Rect, app: &App, theme: &Theme) {
    draw_search(frame, search, app, theme);
    draw_list(frame, list, app, theme);
}

fn draw_search(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let query = &app.list().query;
    search_box(
        frame,
        area,
        &format!(" Sök i {} ", app.scope_label()),
        &sanitize(query),
        app.focus() == Focus::Search,
        query.is_empty().then(|| "skriv för att söka".to_string()),
        theme,
    );
}

/// A search box (both views have one): `title` on its border, the query (`shown`, made
/// safe to show), a cursor when it has the keyboard, else `hint` when given.
pub(super) fn search_box(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    shown: &str,
    focused: bool,
    hint: Option<String>,
    theme: &Theme,
) {
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), theme.pane_title))
        .border_style(theme.border(focused));
    let mut spans = vec![Span::raw(shown.to_string())];
    if focused {
        spans.push(Span::styled("▏", theme.key));
    } else if let Some(hint) = hint {
        spans.push(Span::styled(hint, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).block(block), area);
}

/// The rows of a list pane `height` rows high (both views have one), from the row that
/// keeps the selection in sight: `row` lays out each hit's spans on its row's base style,
/// and the selected row reads as a bar, dimmer when the list has not the keyboard.
pub(super) fn rows<H: Item>(
    list: &ListState<H>,
    height: usize,
    focused: bool,
    theme: &Theme,
    mut row: impl FnMut(&H, Style, bool) -> Vec<Span<'static>>,
) -> Vec<Line<'static>> {
    list.shown(height)
        .map(|(hit, selected)| {
            let base = match (selected, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => Style::new(),
            };
            let line = Line::from(row(hit, base, selected));
            // Fill the row so the selection reads as a bar.
            if selected { line.style(base) } else { line }
        })
        .collect()
}

/// Columns of a name kept when a row also needs room for what tells it apart.
const MIN_NAME: usize = 14;

fn hit_count(n: usize) -> String {
    match n {
        1 => "1 insats".to_string(),
        n => format!("{n} insatser"),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus() == Focus::List;
    let state = app.list();
    let count = if state.query.trim().is_empty() {
        hit_count(state.hits.len())
    } else {
        match state.hits.len() {
            1 => "1 träff".to_string(),
            n => format!("{n} träffar"),
        }
    };
    // Nothing on whole words: the list says so before the nearest hits.
    let weak = state
        .hits
        .first()
        .is_some_and(|h| h.kind == crate::search::MatchKind::Scattered);
    let (title, count) = if weak {
        (" Inga träffar på hela ord; närmaste: ", String::new())
    } else {
        (" Insatser ", format!(" {count} "))
    };
    let room = usize::from(area.width.saturating_sub(2));
    let title = if title.width() > room {
        " Inga hela ord; närmaste: "
    } else {
        title
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.pane_title))
        .title(Line::from(count).right_aligned())
        .border_style(theme.border(focused || app.focus() == Focus::Search));
    let inside = inner(area);
    if state.hits.is_empty() {
        frame.render_widget(
            Paragraph::new(nothing_found(app, theme))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let height = usize::from(inside.height);
    let width = usize::from(inside.width);
    let kommun = app.checklist().kommun_name().is_some();
    let lines = rows(
        state,
        height,
        focused || app.focus() == Focus::Search,
        theme,
        |hit, base, selected| {
            let insats = &app.catalog().insatser[hit.index];
            let mut spans = vec![Span::styled(if selected { "▸" } else { " " }, base)];
            let mut room = width.saturating_sub(1);
            // With a kommun chosen, a mark for the insatser it says it gives.
            if kommun {
                let mark = if app.kommun_ger(&insats.id) {
                    "✓"
                } else {
                    " "
                };
                spans.push(Span::styled(mark, base.patch(theme.dim)));
                room = room.saturating_sub(1);
            }
            let label = app.label(hit.index).map(sanitize);
            let distinct = app.namesakes().distinct(hit.index);
            let fitted = fit_row(
                &insats.namn,
                &hit.positions,
                distinct,
                !state.query.trim().is_empty(),
                label.as_deref(),
                room,
            );
            spans.extend(highlighted(&fitted.name, &fitted.positions, base, theme));
            if let Some(label) = fitted.label {
                spans.push(Span::styled(label, base.patch(theme.dim)));
            }
            spans
        },
    );
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A list row laid out for its width: the name (cut where needed), the matched chars in it,
/// and the label that tells namesakes apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    pub name: String,
    /// Matched chars of `name` as shown, as char indices.
    pub positions: Vec<usize>,
    /// ` · Barn`, when shown.
    pub label: Option<String>,
}

/// Lay out a list row in `room` columns so that it never hides what matters: the matched
/// chars (`positions`, char indices into `name`), a parenthesised acronym such as `(HVB)`
/// when `searching`, and the part that tells the name apart from one that starts the same
/// way (`distinct`). A name that is too wide is cut at its start, its end or both, as fzf
/// does (`…boende (HVB) · Barn`). The label of a shared name keeps its place: the name is
/// cut first, and only when even its matched chars do not fit beside it is the label left
/// out.
pub(super) fn fit_row(
    name: &str,
    positions: &[usize],
    distinct: Option<Range<usize>>,
    searching: bool,
    label: Option<&str>,
    room: usize,
) -> Row {
    // Data text: control characters become visible first, and the positions move with them.
    let (shown_name, matched) = sanitize_with_positions(name, positions);
    let mut must = matched.clone();
    if let Some(d) = distinct {
        must.extend(sanitize_with_positions(name, &d.collect::<Vec<_>>()).1);
    }
    let chars: Vec<char> = shown_name.chars().collect();
    if searching && let Some(a) = paren_acronym(&chars) {
        must.extend(a);
    }
    must.sort_unstable();
    must.dedup();
    let label = label.map(|l| format!(" · {l}"));
    let label_w = label.as_ref().map_or(0, |l| l.width());
    let name_w = shown_name.width();
    if name_w + label_w <= room {
        return Row {
            name: shown_name,
            positions: matched,
            label,
        };
    }
    // A long label (område › group) is cut too, keeping some of the name; the område's
    // short label itself is never cut, only left out.
    let label = label
        .map(|l| {
            let area = l.split(" › ").next().unwrap_or(&l).width();
            let keep = l
                .width()
                .min(room.saturating_sub(name_w.min(MIN_NAME)))
                .max(area);
            truncate(&l, keep)
        })
        .filter(|l| !l.is_empty());
    let label_w = label.as_ref().map_or(0, |l| l.width());
    let with_label = room.saturating_sub(label_w);
    let attempts = [
        (&must, with_label, true),
        (&matched, with_label, true),
        (&must, room, false),
        (&matched, room, false),
    ];
    for (keep, name_room, keep_label) in attempts {
        if !keep_label && label.is_none() {
            continue;
        }
        if let Some(w) = window(&chars, keep, name_room) {
            let label = if keep_label { label } else { None };
            return shown(&chars, &matched, w, label);
        }
    }
    // Not even the matched chars fit: show from the first of them on.
    let start = matched.first().copied().unwrap_or(0);
    shown(
        &chars,
        &matched,
        shrink(&chars, start..chars.len(), room),
        None,
    )
}

fn width_of(chars: &[char]) -> usize {
    chars.iter().map(|c| c.width().unwrap_or(0)).sum()
}

/// Columns that the chars `w` of `chars` take when shown, with `…` at each cut end.
fn shown_width(chars: &[char], w: &Range<usize>) -> usize {
    usize::from(w.start > 0) + width_of(&chars[w.clone()]) + usize::from(w.end < chars.len())
}

/// `w` with chars dropped at its end until it fits in `room` columns.
fn shrink(chars: &[char], mut w: Range<usize>, room: usize) -> Range<usize> {
    while w.end > w.start && shown_width(chars, &w) > room {
        w.end -= 1;
    }
    w
}

/// The chars of the name to show in `room` columns so that every char of `keep` shows:
/// the start of the name when the kept chars are there, else its end, else a window around
/// them; `None` when they do not fit together.
fn window(chars: &[char], keep: &[usize], room: usize) -> Option<Range<usize>> {
    let len = chars.len();
    let (Some(&lo), Some(&hi)) = (keep.first(), keep.last()) else {
        return Some(shrink(chars, 0..len, room));
    };
    if hi >= len {
        return None;
    }
    let prefix = shrink(chars, 0..len, room);
    if prefix.end > hi {
        return Some(prefix);
    }
    let mut start = lo;
    while start > 0 && shown_width(chars, &(start - 1..len)) <= room {
        start -= 1;
    }
    if shown_width(chars, &(start..len)) <= room {
        return Some(start..len);
    }
    let mut w = lo..hi + 1;
    if shown_width(chars, &w) > room {
        return None;
    }
    // Context on both sides, a char at a time.
    loop {
        let mut grew = false;
        if w.start > 0 && shown_width(chars, &(w.start - 1..w.end)) <= room {
            w.start -= 1;
            grew = true;
        }
        if w.end < len && shown_width(chars, &(w.start..w.end + 1)) <= room {
            w.end += 1;
            grew = true;
        }
        if !grew {
            return Some(w);
        }
    }
}

/// The row for the chars `w` of the name, with `…` where it is cut.
fn shown(chars: &[char], matched: &[usize], mut w: Range<usize>, label: Option<String>) -> Row {
    // No space between a cut and `…`.
    while w.start > 0 && w.start < w.end && chars[w.start].is_whitespace() {
        w.start += 1;
    }
    while w.end < chars.len() && w.end > w.start && chars[w.end - 1].is_whitespace() {
        w.end -= 1;
    }
    let lead = usize::from(w.start > 0);
    let mut name = String::new();
    if lead == 1 {
        name.push('…');
    }
    name.extend(&chars[w.clone()]);
    if w.end < chars.len() {
        name.push('…');
    }
    let positions = matched
        .iter()
        .filter(|p| w.contains(p))
        .map(|p| p - w.start + lead)
        .collect();
    Row {
        name,
        positions,
        label,
    }
}

/// The chars of a parenthesised acronym in a name, parentheses included: `(HVB)`, `(TF-KBT)`.
fn paren_acronym(chars: &[char]) -> Option<Range<usize>> {
    let close = chars.iter().rposition(|&c| c == ')')?;
    let open = chars[..close].iter().rposition(|&c| c == '(')?;
    let inside = &chars[open + 1..close];
    let upper = inside.iter().filter(|c| c.is_uppercase()).count();
    let lower = inside.iter().any(|c| c.is_lowercase());
    (upper >= 2 && !lower).then_some(open..close + 1)
}

/// The name as spans, with matched characters in the match style.
pub(super) fn highlighted(
    name: &str,
    positions: &[usize],
    base: Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in name.chars().enumerate() {
        let m = positions.binary_search(&i).is_ok();
        if m != run_matched && !run.is_empty() {
            let style = if run_matched {
                base.patch(theme.matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = m;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_matched {
            base.patch(theme.matched)
        } else {
            base
        };
        spans.push(Span::styled(run, style));
    }
    spans
}

fn nothing_found(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let state = app.list();
    if app.catalog().insatser.is_empty() {
        return vec![Line::styled(
            "Katalogen är tom: inga insatser är inlästa.",
            theme.warning,
        )];
    }
    let mut lines = vec![Line::styled(
        format!(
            "Inga insatser matchar ”{}” i {}.",
            sanitize(state.query.trim()),
            app.scope_label()
        ),
        theme.warning,
    )];
    let help = app.help();
    if !app.catalogue().whole_catalog()
        && app.scope_label() != "hela katalogen"
        && let Some(k) = help.key(Some(app.context()), Action::ToggleScope)
    {
        lines.push(Line::raw(""));
        lines.push(Line::raw(format!("{k}: sök i hela katalogen.")));
    }
    if let Some(k) = help.key(Some(Context::Search), Action::ClearSearch) {
        lines.push(Line::raw(""));
        lines.push(Line::raw(format!("{k}: rensa sökningen.")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(r: &Row) -> String {
        format!("{}{}", r.name, r.label.as_deref().unwrap_or(""))
    }

    #[test]
    fn a_matched_acronym_stays_in_sight_with_the_label() {
        let name = "Hem för vård eller boende (HVB)";
        let r = fit_row(name, &[27, 28, 29], None, true, Some("Barn"), 20);
        assert_eq!(text(&r), "…boende (HVB) · Barn");
        // The highlight moves with the cut.
        let shown: String = r
            .positions
            .iter()
            .map(|&p| r.name.chars().nth(p).expect("in range"))
            .collect();
        assert_eq!(shown, "HVB");
    }

    #[test]
    fn the_start_is_kept_when_the_match_is_there() {
        let r = fit_row(
            "Kontaktperson, inriktning heder",
            &[0, 1, 2],
            None,
            true,
            None,
            16,
        );
        assert_eq!(text(&r), "Kontaktperson,…");
        assert_eq!(r.positions, vec![0, 1, 2]);
    }

    #[test]
    fn what_tells_alike_names_apart_stays_in_sight() {
        let name = "Assertive community treatment (ACT)-modellen";
        let r = fit_row(name, &[31, 32, 33], Some(36..44), true, None, 30);
        assert!(r.name.ends_with("(ACT)-modellen"), "{}", r.name);
        assert!(r.name.width() <= 30);
    }

    #[test]
    fn the_label_goes_before_the_matched_chars() {
        // Too narrow for the match and the label: the match stays, the label goes.
        let r = fit_row(
            "Stöd i föräldraskapet (ABC)",
            &[23, 24, 25],
            None,
            true,
            Some("Socpsyk"),
            8,
        );
        assert_eq!(r.label, None);
        assert!(r.name.contains("ABC"), "{}", r.name);
        assert!(r.name.width() <= 8);
    }

    #[test]
    fn a_row_never_exceeds_its_room() {
        let name = "Multidimensional Family Therapy (MDFT)";
        for room in 0..45 {
            let r = fit_row(name, &[0, 5, 30], Some(17..23), true, Some("Barn"), room);
            assert!(text(&r).width() <= room.max(1), "{room}: {}", text(&r));
        }
    }
}
