//! The presentation mode: the selected insats over the whole screen, without borders, in a
//! centred column of readable width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;

pub use crate::app::presentation::column;

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
