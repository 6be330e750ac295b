//! View 2: the indicator checklist, a placeholder until the checklist exists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Theme;
use crate::action::Action;
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .title(Span::styled(
            " Checklista för indikatorer ",
            theme.pane_title,
        ))
        .border_style(theme.border_focus);
    let mut lines = vec![
        Line::raw(""),
        Line::styled("Kommer snart.", theme.title),
        Line::raw(""),
        Line::raw(
            "Här ska du kunna gå igenom Socialstyrelsens indikatorer för öppna jämförelser \
             och bocka av vad din kommun uppfyller.",
        ),
    ];
    if let Some(k) = app.help().key(None, Action::ShowCatalog) {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::raw("Tryck "),
            Span::styled(k.to_string(), theme.key),
            Span::raw(" för att gå tillbaka till katalogen."),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
