//! The search box and the insats list, with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{Theme, truncate};
use crate::action::{Action, Context};
use crate::app::tree::keep_visible;
use crate::app::{App, Focus, layout::inner};
use crate::text::{sanitize, sanitize_with_positions};

pub fn draw(frame: &mut Frame, search: Rect, list: Rect, app: &App, theme: &Theme) {
    draw_search(frame, search, app, theme);
    draw_list(frame, list, app, theme);
}

fn draw_search(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus() == Focus::Search;
    let state = app.list();
    let title = format!(" Sök i {} ", app.scope_label());
    let block = Block::bordered()
        .title(Span::styled(title, theme.pane_title))
        .border_style(theme.border(focused));
    let mut spans = vec![Span::raw(sanitize(&state.query).into_owned())];
    if focused {
        spans.push(Span::styled("▏", theme.key));
    } else if state.query.is_empty() {
        let hint = app
            .help()
            .key(Some(Context::List), Action::FocusSearch)
            .map_or_else(String::new, |k| format!("{k} för att söka"));
        spans.push(Span::styled(hint, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).block(block), area);
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
    let block = Block::bordered()
        .title(Span::styled(" Insatser ", theme.pane_title))
        .title(Line::from(format!(" {count} ")).right_aligned())
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
    let offset = keep_visible(state.selected, state.offset, height);
    let lines: Vec<Line> = state
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(row, hit)| {
            let insats = &app.catalog().insatser[hit.index];
            let (namn, positions) = sanitize_with_positions(&insats.namn, &hit.positions);
            let selected = row == state.selected;
            let base = match (selected, focused || app.focus() == Focus::Search) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => Style::new(),
            };
            let mut spans = vec![Span::styled(if selected { "▸" } else { " " }, base)];
            let room = width.saturating_sub(1);
            // Rows sharing a name must keep what tells them apart: cut the name, not the label.
            let label = app.label(hit.index).map(|l| {
                let l = format!(" · {l}");
                let keep = l
                    .width()
                    .min(room.saturating_sub(namn.width().min(MIN_NAME)));
                truncate(&l, keep)
            });
            let name_room = room.saturating_sub(label.as_ref().map_or(0, |l| l.width()));
            let name = truncate(&namn, name_room);
            spans.extend(highlighted(&name, &positions, base, theme));
            if let Some(label) = label {
                spans.push(Span::styled(label, base.patch(theme.dim)));
            }
            let mut line = Line::from(spans);
            if selected {
                // Fill the row so the selection reads as a bar.
                line = line.style(base);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
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
    if !state.whole_catalog
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
