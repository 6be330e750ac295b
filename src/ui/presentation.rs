//! The presentation mode: the selected insats over the whole screen, without borders, in a
//! centred column of readable width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;

/// The widest the text column gets, for lines that the eye can follow across a room.
const MAX_WIDTH: u16 = 88;

/// The text column inside `area`: margins of two columns and one row where there is room.
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

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let col = column(area);
    let lines: Vec<Line> = app
        .slide(usize::from(col.width), usize::from(col.height))
        .into_iter()
        .map(|l| super::styled(l, theme))
        .collect();
    // Centre the slide vertically, a little above the middle.
    let free = usize::from(col.height).saturating_sub(lines.len());
    let top = u16::try_from(free / 3).unwrap_or(0);
    let col = Rect {
        y: col.y + top,
        height: col.height - top,
        ..col
    };
    frame.render_widget(Paragraph::new(lines), col);
}
