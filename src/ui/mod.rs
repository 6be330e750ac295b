//! Drawing only: reads `&App` and writes to the frame, one file per pane.

mod checklist;
mod detail;
mod help;
mod list;
mod presentation;
mod status;
pub mod theme;
mod tree;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH, Panes};
use crate::app::{App, View};
pub use theme::Theme;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base);
    if Panes::too_small(area) {
        too_small(frame, area, app);
        return;
    }
    draw_panes(frame, app, theme);
    guard(frame.buffer_mut());
}

fn draw_panes(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    // The frame's own size wins over the last resize the app was told about.
    let panes = Panes::catalog(area, app.focus());
    match app.view() {
        View::Catalog if app.presentation() => {
            presentation::draw(frame, panes.screen, app, theme);
        }
        View::Catalog => {
            if let Some(r) = panes.tree {
                tree::draw(frame, r, app, theme);
            }
            if let (Some(s), Some(l)) = (panes.search, panes.list) {
                list::draw(frame, s, l, app, theme);
            }
            if let Some(r) = panes.detail {
                detail::draw(frame, r, app, theme);
            }
        }
        View::Checklist => checklist::draw(frame, &app.checklist().panes(area), app, theme),
    }
    if !app.presentation() {
        tabs(frame, panes.tabs, app, theme);
    }
    status::draw(frame, panes.status, app, theme);
    if app.help_open() {
        help::draw(frame, panes.main, app, theme);
    }
}

/// The tab line: the active view's tab stands out, the others are dim; a click switches.
fn tabs(frame: &mut Frame, line: Rect, app: &App, theme: &Theme) {
    let buffer = frame.buffer_mut();
    for tab in app.tabs(line) {
        let style = if tab.view == app.view() {
            theme.selected
        } else {
            theme.dim
        };
        let width = tab.columns.end.saturating_sub(tab.columns.start);
        let text = truncate(&tab.label, usize::from(width));
        buffer.set_stringn(tab.columns.start, line.y, text, usize::from(width), style);
    }
}

/// A line of the detail pane, a checklist detail or a slide, in the theme's styles.
fn styled(line: crate::app::detail::DetailLine, theme: &Theme) -> ratatui::text::Line<'static> {
    ratatui::text::Line::from(
        line.into_iter()
            .map(|(tone, s)| ratatui::text::Span::styled(s, theme.tone(tone)))
            .collect::<Vec<_>>(),
    )
}

/// The last line of defence: no cell leaves with a control character in it.
///
/// Every pane already shows data text through [`crate::text`], and ratatui drops C0 and C1
/// controls; this also catches bidirectional controls and any text a future pane forgets to
/// sanitize, turning the cell into `�`.
fn guard(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(crate::text::is_unsafe) {
            cell.set_symbol("\u{FFFD}");
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App) {
    let mut text =
        format!("Fönstret är för litet. Gör det minst {MIN_WIDTH} × {MIN_HEIGHT} tecken.");
    if let Some(q) = app.help().key(None, crate::action::Action::Quit) {
        text.push_str(&format!(" {q} avslutar."));
    }
    let p = Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

/// Cut `s` to at most `width` columns, ending with `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    crate::text::truncate(s, width).into_owned()
}

/// `text` on one line for a title, field or status line: unsafe characters made visible as
/// everywhere, line breaks shown as ` ⏎ `.
fn one_line(text: &str) -> String {
    crate::text::sanitize_lines(text).replace('\n', " ⏎ ")
}
