//! The status line: key hints for the focused pane, from the loaded keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::truncate;
use crate::action::{Action, Context};
use crate::app::{App, StatusKind, View};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(status) = app.status() {
        let style = match status.kind {
            StatusKind::Hint => theme.key,
            StatusKind::Done => theme.message,
            StatusKind::Problem => theme.warning,
        };
        let text = truncate(&status.text, usize::from(area.width));
        frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
        return;
    }
    let context = app.context();
    let mut spans = Vec::new();
    if app.presentation() && !app.help_open() {
        let list = app.list();
        if !list.hits.is_empty() {
            spans.push(Span::styled(
                format!("{} av {}", list.selected + 1, list.hits.len()),
                theme.pane_title,
            ));
            spans.push(Span::raw("  "));
        }
    }
    let wanted: &[(Action, &str)] = if app.help_open() {
        &[
            (Action::ToggleHelp, "stäng hjälpen"),
            (Action::Quit, "avsluta"),
        ]
    } else if app.presentation() {
        &[
            (Action::NextInsats, "nästa"),
            (Action::PrevInsats, "föregående"),
            (Action::Copy, "kopiera"),
            (Action::TogglePresentation, "tillbaka"),
            (Action::ToggleHelp, "hjälp"),
        ]
    } else if app.view() == View::Checklist {
        &[
            (Action::ShowCatalog, "katalogen"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    } else if context == Context::Search {
        &[
            (Action::Open, "till listan"),
            (Action::Back, "lämna"),
            (Action::ToggleScope, "område/allt"),
            (Action::NextPane, "byt ruta"),
        ]
    } else {
        &[
            (Action::FocusSearch, "sök"),
            (Action::NextPane, "byt ruta"),
            (Action::Copy, "kopiera"),
            (Action::TogglePresentation, "presentera"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    };
    let help = app.help();
    let lead = spans.len();
    for (action, text) in wanted {
        let key = if app.help_open() || app.view() == View::Checklist {
            help.key(None, *action)
        } else {
            help.key(Some(context), *action)
        };
        if let Some(k) = key {
            if spans.len() > lead {
                spans.push(Span::styled(" · ", theme.dim));
            }
            spans.push(Span::styled(k.to_string(), theme.key));
            spans.push(Span::raw(format!(" {text}")));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
