//! The status line: key hints for the focused pane, from the loaded keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Theme, one_line};
use crate::action::{Action, Context};
use crate::app::checklist::{Editing, Message, Source};
use crate::app::{App, StatusKind, View};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let context = app.context();
    // A message of the app (a first-start hint, a copy) until the next key.
    if let Some(status) = app.status() {
        let style = match status.kind {
            StatusKind::Hint => theme.key,
            StatusKind::Done => theme.message,
            StatusKind::Problem => theme.warning,
        };
        let text = super::truncate(&one_line(&status.text), usize::from(area.width));
        frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
        return;
    }
    if app.presentation_search() && !app.help_open() {
        present_search(frame, area, app, theme);
        return;
    }
    if app.view() == View::Checklist && !app.help_open() {
        checklist(frame, area, app, theme);
        return;
    }
    if !app.help_open()
        && let Some(m) = &app.checklist().message
    {
        message(frame, area, m, theme);
        return;
    }
    let wanted: &[(Action, &str)] = if app.help_open() {
        &[(Action::Back, "stäng hjälpen"), (Action::Quit, "avsluta")]
    } else if app.presentation() && app.list().hits.is_empty() {
        &[
            (Action::Back, "tillbaka"),
            (Action::FocusSearch, "sök"),
            (Action::ToggleHelp, "hjälp"),
        ]
    } else if app.presentation() {
        &[
            (Action::NextInsats, "nästa"),
            (Action::PrevInsats, "föregående"),
            (Action::FocusSearch, "sök"),
            (Action::Copy, "kopiera"),
            (Action::TogglePresentation, "tillbaka"),
            (Action::ToggleHelp, "hjälp"),
        ]
    } else if context == Context::Search {
        &[
            (Action::Open, "till listan"),
            (Action::Back, "lämna"),
            (Action::ToggleScope, "område/allt"),
            (Action::NextPane, "byt ruta"),
        ]
    } else if context == Context::Detail && app.compare_row().is_some() {
        &[
            (Action::Open, "gå dit"),
            (Action::Back, "lämna tabellen"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    } else if context == Context::Detail && has_namesakes(app) {
        &[
            (Action::InsertChar(' '), "skriv för att söka"),
            (Action::Open, "jämför med andra ställen"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
            (Action::NextPane, "byt ruta"),
        ]
    } else {
        // Typing searches here: the hint says so first, without a key.
        &[
            (Action::InsertChar(' '), "skriv för att söka"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
            (Action::NextPane, "byt ruta"),
            (Action::TogglePresentation, "presentera"),
            (Action::Copy, "kopiera"),
            (Action::ShowChecklist, "checklistan"),
        ]
    };
    hints(frame, area, app, theme, wanted);
}

/// A search typed inside the presentation: the query, the hits, and how to show them.
fn present_search(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = app.list();
    let count = match list.hits.len() {
        1 => "1 träff".to_string(),
        n => format!("{n} träffar"),
    };
    let mut spans = vec![
        Span::styled("Sök: ", theme.pane_title),
        Span::raw(crate::text::sanitize(&list.query).into_owned()),
        Span::styled("▏ ", theme.key),
        Span::styled(count, theme.dim),
    ];
    let help = app.help();
    for (action, text) in [(Action::Open, "visa"), (Action::Back, "tillbaka")] {
        if let Some(k) = help.key(Some(Context::Search), action) {
            spans.push(Span::styled(" · ", theme.dim));
            spans.push(Span::styled(k.to_string(), theme.key));
            spans.push(Span::raw(format!(" {text}")));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Whether the selected insats is also elsewhere, so that the detail pane has a table to
/// choose from.
fn has_namesakes(app: &App) -> bool {
    app.list()
        .selected_index()
        .is_some_and(|i| app.label(i).is_some())
}

/// Draw the keys for `wanted` in the current context.
fn hints(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, wanted: &[(Action, &str)]) {
    let context = app.context();
    let help = app.help();
    let mut spans = Vec::new();
    // In the presentation: where in the list the slide is.
    if app.presentation() && !app.help_open() && !app.list().hits.is_empty() {
        let list = app.list();
        spans.push(Span::styled(
            format!("{} av {}", list.selected + 1, list.hits.len()),
            theme.pane_title,
        ));
        spans.push(Span::raw("  "));
    }
    let lead = spans.len();
    for (action, text) in wanted {
        let key = match action {
            Action::InsertChar(_) => Some(""),
            _ if app.help_open() => help
                .key(Some(Context::Help), *action)
                .or_else(|| help.key(None, *action)),
            _ => help.key(Some(context), *action),
        };
        if let Some(k) = key {
            let text = if k.is_empty() {
                text.trim_start()
            } else {
                text
            };
            let sep = if spans.len() > lead { " · " } else { "" };
            // A hint that does not fit whole is left out with those after it, never cut.
            let used: usize = spans.iter().map(Span::width).sum();
            let gap = usize::from(!k.is_empty());
            if used + sep.width() + k.width() + gap + text.width() > usize::from(area.width) {
                break;
            }
            if !sep.is_empty() {
                spans.push(Span::styled(sep, theme.dim));
            }
            if k.is_empty() {
                spans.push(Span::styled(text.to_string(), theme.dim));
            } else {
                spans.push(Span::styled(k.to_string(), theme.key));
                spans.push(Span::raw(format!(" {text}")));
            }
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The checklist view: its message when there is one, else its keys.
fn checklist(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.checklist();
    if let Some(m) = &state.message {
        message(frame, area, m, theme);
        return;
    }
    let wanted: &[(Action, &str)] = if let Some(ed) = app.editor() {
        match ed.editing {
            Editing::Note(_) => &[(Action::Open, "spara"), (Action::Back, "avbryt")],
            Editing::Kommun => &[(Action::Open, "öppna"), (Action::Back, "avbryt")],
        }
    } else if app.context() == Context::Search {
        &[
            (Action::Open, "till listan"),
            (Action::Back, "lämna"),
            (Action::ToggleScope, "område/alla"),
        ]
    } else if matches!(state.source(), Source::None) {
        // Nothing can be marked before a kommun is chosen: say how first.
        &[
            (Action::ChooseKommun, "välj kommun"),
            (Action::OpenLinked, "insats"),
            (Action::FocusSearch, "sök"),
            (Action::ShowCatalog, "katalogen"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    } else {
        &[
            (Action::CycleStatus, "status"),
            (Action::EditNote, "anteckning"),
            (Action::OpenLinked, "insats"),
            (Action::FocusSearch, "sök"),
            (Action::ShowCatalog, "katalogen"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    };
    hints(frame, area, app, theme, wanted);
}

fn message(frame: &mut Frame, area: Rect, m: &Message, theme: &Theme) {
    let style = if m.warning { theme.warning } else { theme.dim };
    let text = super::truncate(&one_line(&m.text), usize::from(area.width));
    frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
}
