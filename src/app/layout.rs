//! Where each pane sits for a window size and focus: pure rectangle arithmetic shared by
//! drawing and by `update` (mouse hits, page heights), so neither depends on the other.

use std::ops::Range;

use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::{Focus, View};

pub use crate::screen::{MIN_HEIGHT, MIN_WIDTH};
/// From this width on all three panes of the checklist are side by side.
pub const WIDE: u16 = 100;
/// From this width on all three panes of the catalogue are side by side; below it the tree
/// shows only while it has the focus, so that the list and the detail pane share the width
/// (long insats names and the förklaring need it more than the tree).
pub const CATALOG_WIDE: u16 = 120;
/// From this width on two panes are side by side; below it only the focused one shows.
pub const MEDIUM: u16 = 60;

/// The rectangles of a screen; a pane is `None` when it is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub tree: Option<Rect>,
    pub search: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    /// The tab line at the top: one tab per view.
    pub tabs: Rect,
    /// The status line at the bottom.
    pub status: Rect,
    /// The area under the tab line and above the status line, for the panes and overlays.
    pub main: Rect,
    /// All but the status line, for the presentation, which hides the tabs.
    pub screen: Rect,
}

impl Panes {
    /// Whether the window is too small to draw anything useful.
    #[must_use]
    pub fn too_small(area: Rect) -> bool {
        area.width < MIN_WIDTH || area.height < MIN_HEIGHT
    }

    /// Compute the panes of the catalogue view.
    #[must_use]
    pub fn catalog(area: Rect, focus: Focus) -> Panes {
        Self::with_tree_from(area, focus, CATALOG_WIDE)
    }

    /// Compute the panes of a view with a tree, a search box and list, and a detail pane,
    /// all three side by side from [`WIDE`] columns on.
    #[must_use]
    pub fn compute(area: Rect, focus: Focus) -> Panes {
        Self::with_tree_from(area, focus, WIDE)
    }

    /// The pane at a point of the window and its rectangle, if a pane is there: the
    /// search box as [`Focus::Search`], the checklist's områden as [`Focus::Tree`].
    #[must_use]
    pub fn at(&self, at: Position) -> Option<(Focus, Rect)> {
        [
            (Focus::Search, self.search),
            (Focus::List, self.list),
            (Focus::Tree, self.tree),
            (Focus::Detail, self.detail),
        ]
        .into_iter()
        .find_map(|(pane, r)| r.filter(|r| r.contains(at)).map(|r| (pane, r)))
    }

    fn with_tree_from(area: Rect, focus: Focus, wide: u16) -> Panes {
        let [screen, status] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let [tabs, main] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(screen);
        let mut p = Panes {
            tabs,
            status,
            main,
            screen,
            ..Panes::default()
        };
        let tree_focused = focus == Focus::Tree;
        let list_column = |p: &mut Panes, r: Rect| {
            let [search, list] =
                Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(r);
            p.search = Some(search);
            p.list = Some(list);
        };
        if area.width >= wide {
            let tree_w = (area.width / 4).clamp(24, 44);
            let [tree, list, detail] = Layout::horizontal([
                Constraint::Length(tree_w),
                Constraint::Percentage(40),
                Constraint::Min(30),
            ])
            .areas(main);
            p.tree = Some(tree);
            list_column(&mut p, list);
            p.detail = Some(detail);
        } else if area.width >= MEDIUM {
            // Two columns: the tree takes the detail's place while it has the focus.
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(46), Constraint::Percentage(54)])
                    .areas(main);
            if tree_focused {
                p.tree = Some(left);
                list_column(&mut p, right);
            } else {
                list_column(&mut p, left);
                p.detail = Some(right);
            }
        } else {
            match focus {
                Focus::Tree => p.tree = Some(main),
                Focus::Detail => p.detail = Some(main),
                Focus::List | Focus::Search => list_column(&mut p, main),
            }
        }
        p
    }
}

/// One tab of the tab line: the view it shows, its text and the columns it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub view: View,
    pub label: String,
    pub columns: Range<u16>,
}

/// Lay `labels` out from the left of `line`, one column apart, dropping the tabs that do not
/// fit whole (the first is cut to the width instead).
#[must_use]
pub fn tabs(line: Rect, labels: Vec<(View, String)>) -> Vec<Tab> {
    let end = line.x.saturating_add(line.width);
    let mut x = line.x;
    let mut out = Vec::new();
    for (view, label) in labels {
        let width = u16::try_from(label.width()).unwrap_or(u16::MAX);
        let fits = x.saturating_add(width) <= end;
        if !fits && !out.is_empty() {
            break;
        }
        let right = x.saturating_add(width).min(end);
        out.push(Tab {
            view,
            label,
            columns: x..right,
        });
        x = right.saturating_add(1);
    }
    out
}

/// The help overlay's box for `lines` lines of help in `area`: centred, at most 76 columns
/// wide inside a margin, and as tall as the lines when they fit.
#[must_use]
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(76);
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX));
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// The inside of a bordered pane.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}
