//! The status line: key hints for the focused pane, from the loaded keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::action::{Action, Context};
use crate::app::{App, View};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let context = app.context();
    let wanted: &[(Action, &str)] = if app.help_open() {
        &[
            (Action::ToggleHelp, "stäng hjälpen"),
            (Action::Quit, "avsluta"),
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
            (Action::FocusTree, "områden"),
            (Action::ToggleHelp, "hjälp"),
            (Action::Quit, "avsluta"),
        ]
    };
    let help = app.help();
    let mut spans = Vec::new();
    for (action, text) in wanted {
        let key = if app.help_open() || app.view() == View::Checklist {
            help.key(None, *action)
        } else {
            help.key(Some(context), *action)
        };
        if let Some(k) = key {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", theme.dim));
            }
            spans.push(Span::styled(k.to_string(), theme.key));
            spans.push(Span::raw(format!(" {text}")));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
