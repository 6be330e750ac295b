//! The area tree pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Theme, truncate};
use crate::app::tree::keep_visible;
use crate::app::{App, Focus, layout::inner};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus() == Focus::Tree;
    let block = Block::bordered()
        .title(Span::styled(" Områden ", theme.pane_title))
        .border_style(theme.border(focused));
    let inside = inner(area);
    let tree = app.tree();
    let visible = tree.visible();
    let height = usize::from(inside.height);
    let selected_row = tree.selected_row();
    let offset = keep_visible(selected_row, tree.offset, height);
    let width = usize::from(inside.width);
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(row, &id)| {
            let node = tree.node(id);
            let marker = if node.children.is_empty() || id == 0 {
                "  "
            } else if tree.is_expanded(id) {
                "▾ "
            } else {
                "▸ "
            };
            let indent = "  ".repeat(node.depth);
            let fixed = indent.width() + marker.width();
            // With a kommun chosen, an område shows how many of its insatser the kommun gives.
            let count = match (&node.scope, id) {
                (crate::search::Scope::Omrade(o), _) => match app.kommun_ges_count(*o) {
                    Some((g, t)) if width >= fixed + 8 + format!(" {g} av {t} ges").width() => {
                        format!(" {g} av {t} ges")
                    }
                    Some((g, t)) => format!(" {g}/{t}"),
                    None => format!(" {}", node.count),
                },
                _ => format!(" {}", node.count),
            };
            let room = width.saturating_sub(indent.width() + marker.width() + count.width());
            let label = truncate(&node.label, room);
            let pad = room.saturating_sub(label.width());
            let text = format!("{indent}{marker}{label}{}{count}", " ".repeat(pad));
            let style = match (row == selected_row, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => ratatui::style::Style::new(),
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
