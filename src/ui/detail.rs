//! The detail pane: the selected insats, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use crate::app::detail::DetailLine;
use crate::app::{App, Focus, layout::inner};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = app.detail_lines(usize::from(inner(area).width));
    let focused = app.focus() == Focus::Detail;
    scrolled(
        frame,
        area,
        " Insats ",
        lines,
        app.detail_scroll(),
        focused,
        theme,
    );
}

/// A bordered pane of detail lines under `title`, from line `scroll` on (kept in range),
/// with `rad a–b av n` at the bottom when they do not all fit. The checklist's indikator
/// pane draws through this too.
pub(super) fn scrolled(
    frame: &mut Frame,
    area: Rect,
    title: &'static str,
    lines: Vec<DetailLine>,
    scroll: usize,
    focused: bool,
    theme: &Theme,
) {
    let height = usize::from(inner(area).height);
    let max = lines.len().saturating_sub(height);
    let scroll = scroll.min(max);
    let mut block = Block::bordered()
        .title(Span::styled(title, theme.pane_title))
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
