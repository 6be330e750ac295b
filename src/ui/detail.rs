//! The detail pane: the selected insats, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use crate::app::{App, Focus, layout::inner};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus() == Focus::Detail;
    let inside = inner(area);
    let lines = app.detail_lines(usize::from(inside.width));
    let height = usize::from(inside.height);
    let max = lines.len().saturating_sub(height);
    let scroll = app.detail_scroll().min(max);
    let mut block = Block::bordered()
        .title(Span::styled(" Insats ", theme.pane_title))
        .border_style(theme.border(focused));
    if max > 0 {
        let last = (scroll + height).min(lines.len());
        block = block.title_bottom(
            Line::from(format!(" rad {}–{last} av {} ", scroll + 1, lines.len())).right_aligned(),
        );
    }
    let text: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|l| super::styled(l, theme))
        .collect();
    frame.render_widget(Paragraph::new(text).block(block), area);
}
