//! View 2: the checklist's panes (områden with progress, search box and indikatorer with
//! their status marks, the selected indikator) and the text field for a note or a kommun.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::list::{highlighted, rows, search_box};
use super::{Theme, one_line, truncate};
use crate::action::{Action, Context};
use crate::app::checklist::{ChecklistState, Editing, Source};
use crate::app::layout::{Panes, inner};
use crate::app::{App, Focus};
use crate::checklist::Progress;
use crate::model::IndikatorOmrade;

pub fn draw(frame: &mut Frame, panes: &Panes, app: &App, theme: &Theme) {
    let state = app.checklist();
    if let Some(r) = panes.tree {
        omraden(frame, r, state, theme);
    }
    if let Some(r) = panes.search {
        search(frame, r, app, theme);
    }
    if let Some(r) = panes.list {
        list(frame, r, app, theme);
    }
    if let Some(r) = panes.detail {
        detail(frame, r, app, theme);
    }
    if app.editor().is_some() {
        editor(frame, panes.main, app, theme);
    }
}

/// The file the checklist is kept in, or why there is none, for the list's bottom line.
fn source_label(app: &App) -> String {
    match app.checklist().source() {
        // The status line says which key chooses one.
        Source::None => "ingen kommun vald".to_string(),
        Source::File(f) => one_line(f),
        Source::ReadOnly { file, .. } => format!("{} · bara läsning", one_line(file)),
    }
}

fn omraden(frame: &mut Frame, area: Rect, state: &ChecklistState, theme: &Theme) {
    let focused = state.focus == Focus::Tree;
    let mut title = " Områden ".to_string();
    if let Some(k) = state.checklist().kommun() {
        title = format!(" {} ", one_line(k));
    }
    let inside = inner(area);
    let width = usize::from(inside.width);
    let block = Block::bordered()
        .title(Span::styled(truncate(&title, width), theme.pane_title))
        .border_style(theme.border(focused));
    let height = usize::from(inside.height);
    let offset = state.omrade_offset(height);
    let lines: Vec<Line> = IndikatorOmrade::ALL
        .iter()
        .enumerate()
        .flat_map(|(k, o)| {
            let selected = k == state.omrade && !state.all_omraden;
            let style = match (selected, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => Style::new(),
            };
            let p = state.checklist().progress(*o);
            let marker = if selected { "▸ " } else { "  " };
            [
                Line::styled(truncate(&format!("{marker}{o}"), width), style),
                Line::styled(
                    truncate(
                        &format!("  {}", progress_fit(&p, width.saturating_sub(2))),
                        width,
                    ),
                    if selected { style } else { theme.dim },
                ),
            ]
        })
        .skip(offset)
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// `12 av 29 uppfyllda · 20 bedömda`, or as much of it as fits in `room` columns in shorter
/// words (`12/29 uppf. · 20 bedömda`), never cut in the middle of a number.
fn progress_fit(p: &Progress, room: usize) -> String {
    let (u, t, b) = (p.uppfyllda, p.totalt(), p.bedomda());
    [
        p.to_string(),
        format!("{u}/{t} uppfyllda · {b} bedömda"),
        format!("{u}/{t} uppf. · {b} bedömda"),
        format!("{u}/{t} uppf. · {b} bed."),
    ]
    .into_iter()
    .find(|s| s.width() <= room)
    .unwrap_or_else(|| format!("{u}/{t} · {b}"))
}

fn scope_label(state: &ChecklistState) -> String {
    if state.all_omraden {
        "alla områden".to_string()
    } else {
        state.selected_omrade().as_str().to_string()
    }
}

fn search(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.checklist();
    let query = &state.list.query;
    let hint = app
        .help()
        .key(Some(Context::Checklist), Action::FocusSearch)
        .filter(|_| query.is_empty())
        .map(|k| format!("{k} för att söka på titel, mått eller nummer"));
    search_box(
        frame,
        area,
        &format!(" Sök indikatorer i {} ", scope_label(state)),
        &one_line(query),
        state.focus == Focus::Search && app.editor().is_none(),
        hint,
        theme,
    );
}

fn list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.checklist();
    let focused = matches!(state.focus, Focus::List | Focus::Search);
    let inside = inner(area);
    let count = if state.list.query.trim().is_empty() && !state.all_omraden {
        // Room beside the pane's title " Indikatorer " and the corners.
        let room = usize::from(inside.width).saturating_sub(16);
        progress_fit(&state.checklist().progress(state.selected_omrade()), room)
    } else {
        match state.list.hits.len() {
            1 => "1 träff".to_string(),
            n => format!("{n} träffar"),
        }
    };
    let block = Block::bordered()
        .title(Span::styled(" Indikatorer ", theme.pane_title))
        .title(Line::from(format!(" {count} ")).right_aligned())
        .title_bottom(Line::styled(
            truncate(
                &format!(" {} ", source_label(app)),
                usize::from(inside.width),
            ),
            if matches!(app.checklist().source(), Source::File(_)) {
                theme.dim
            } else {
                theme.warning
            },
        ))
        .border_style(theme.border(focused));
    if state.list.hits.is_empty() {
        let text = format!(
            "Inga indikatorer matchar ”{}” i {}.",
            one_line(state.list.query.trim()),
            scope_label(state)
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.warning))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let height = usize::from(inside.height);
    let width = usize::from(inside.width);
    let indikatorer = &app.catalog().indikatorer;
    let lines = rows(&state.list, height, focused, theme, |hit, base, _| {
        let ind = &indikatorer[hit.index];
        let (mark, mark_style) = if ind.bakgrundsmatt {
            ("–", base.patch(theme.dim))
        } else {
            // `±`: an indikator whose områden differ, listed outside them all.
            let mark = state
                .shown_status(ind)
                .map_or("±", crate::checklist::Status::mark);
            (mark, base.patch(theme.figure))
        };
        let note = if state.checklist().note(ind.nummer).is_empty() {
            ""
        } else {
            " ✎"
        };
        let prefix = format!(" {:>2} ", ind.nummer);
        let room = width.saturating_sub(1 + prefix.width() + note.width());
        let titel = truncate(&one_line(&ind.titel), room);
        let title_style = if ind.bakgrundsmatt {
            base.patch(theme.dim)
        } else {
            base
        };
        let mut spans = vec![
            Span::styled(mark, mark_style),
            Span::styled(prefix, base.patch(theme.dim)),
        ];
        spans.extend(highlighted(&titel, &hit.positions, title_style, theme));
        spans.push(Span::styled(note, base.patch(theme.key)));
        spans
    });
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.checklist();
    let lines = state.detail_lines(app.catalog(), usize::from(inner(area).width));
    let focused = state.focus == Focus::Detail;
    super::detail::scrolled(
        frame,
        area,
        " Indikator ",
        lines,
        state.detail_scroll,
        focused,
        theme,
    );
}

fn editor(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(ed) = app.editor() else {
        return;
    };
    let width = area.width.saturating_sub(4).min(76);
    let [row] = Layout::vertical([Constraint::Length(3)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    let title = match ed.editing {
        Editing::Note(n) => format!(" Anteckning för indikator {n} "),
        Editing::Kommun => " Kommun vars checklista ska öppnas ".to_string(),
    };
    let help = app.help();
    let done = match ed.editing {
        Editing::Note(_) => "sparar",
        Editing::Kommun => "öppnar",
    };
    let keys: Vec<String> = [(Action::Open, done), (Action::Back, "avbryter")]
        .iter()
        .filter_map(|(a, what)| {
            help.key(Some(Context::Search), *a)
                .map(|k| format!("{k} {what}"))
        })
        .collect();
    let block = Block::bordered()
        .title(Span::styled(title, theme.pane_title))
        .title_bottom(Line::from(format!(" {} ", keys.join(" · "))).right_aligned())
        .border_style(theme.border_focus);
    // Show the end of a text longer than the field, where the cursor is.
    let room = usize::from(inner(popup).width).saturating_sub(1);
    let text = one_line(&ed.text);
    let mut shown: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        shown.push(c);
    }
    let shown: String = shown.into_iter().rev().collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(shown),
            Span::styled("▏", theme.key),
        ]))
        .block(block),
        popup,
    );
}
