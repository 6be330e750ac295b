//! The help overlay, generated from the loaded keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Theme, truncate};
use crate::app::App;
use crate::app::layout::{help_popup, inner};
use crate::keymap::HelpView;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let help = app.help();
    let view = app.help_view();
    let groups = help.groups(view);
    let popup = help_popup(area, help.line_count(view));
    let close = match help.close_keys() {
        "" => String::new(),
        keys => format!(" {keys} stänger "),
    };
    let title = match view {
        HelpView::Catalog => " Tangenter i katalogen ",
        HelpView::Presentation => " Tangenter i presentationen ",
        HelpView::Checklist => " Tangenter i checklistan ",
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.pane_title))
        .title(Line::from(close).right_aligned())
        .border_style(theme.border_focus)
        .style(theme.base);
    let inside = inner(popup);
    let key_w = groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.keys.width()))
        .max()
        .unwrap_or(0)
        // Up to half the width, so that a long list of keys (one's own too) still shows.
        .min(usize::from(inside.width) / 2);
    let mut lines = Vec::new();
    for g in groups {
        lines.push(Line::styled(g.title, theme.heading));
        for row in &g.rows {
            let k = truncate(&row.keys, key_w);
            let pad = " ".repeat(key_w - k.width());
            let mut spans = vec![
                Span::raw("  "),
                Span::styled(k, theme.key),
                Span::raw(format!("{pad}  {}", row.text)),
            ];
            if let Some(place) = &row.place {
                spans.push(Span::styled(format!(" (i {place})"), theme.dim));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
    }
    let max = lines.len().saturating_sub(usize::from(inside.height));
    let at = app.help_scroll().min(max);
    let block = match (at > 0, at < max) {
        (false, false) => block,
        (up, down) => {
            let arrows = match (up, down) {
                (true, true) => " ↑↓ mer ",
                (true, false) => " ↑ mer ",
                _ => " ↓ mer ",
            };
            block.title_bottom(Line::from(arrows).right_aligned())
        }
    };
    let scroll = u16::try_from(at).unwrap_or(0);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}
