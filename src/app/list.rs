//! What both views are made of, written once: a search box over a selectable, scrolling
//! list ([`ListState`]), the one way a text field takes typed and pasted text
//! ([`edit_text`]), and the three panes' keys, clicks, wheel and paging ([`Panel`]). The
//! catalogue lists insatser, the checklist indikatorer; each says only how its tree moves.

use ratatui::layout::{Position, Rect};

use super::Focus;
use super::layout::{Panes, inner};
use super::paste;
use super::tree::keep_visible;
use crate::action::Action;
use crate::search::{Hit, IndikatorHit};

/// Lines or rows moved by one notch of the mouse wheel.
pub const WHEEL_STEP: isize = 3;

/// A row of a list: what it points at, an index into the catalogue's insatser or indikatorer.
pub trait Item {
    fn index(&self) -> usize;
}

impl Item for Hit {
    fn index(&self) -> usize {
        self.index
    }
}

impl Item for IndikatorHit {
    fn index(&self) -> usize {
        self.index
    }
}

/// A search box and the list of its hits: the query, the hits, the selection and the
/// first row shown.
#[derive(Debug, Clone)]
pub struct ListState<H> {
    /// The text in the search box.
    pub query: String,
    /// Current hits, best first.
    pub hits: Vec<H>,
    /// Selected row in `hits`.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl<H> Default for ListState<H> {
    fn default() -> Self {
        ListState {
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            offset: 0,
        }
    }
}

impl<H: Item> ListState<H> {
    /// New hits for the query: keep the selected item if asked and it is still a hit, else
    /// go to the top.
    pub fn set_hits(&mut self, hits: Vec<H>, keep_selection: bool) {
        let before = self.selected_index().filter(|_| keep_selection);
        self.hits = hits;
        self.selected = before
            .and_then(|b| self.hits.iter().position(|h| h.index() == b))
            .unwrap_or(0);
        self.offset = 0;
    }

    /// The index (into the catalogue) of the selected item.
    #[must_use]
    pub fn selected_index(&self) -> Option<usize> {
        self.hits.get(self.selected).map(Item::index)
    }

    /// The row of the item with catalogue index `index`, if it is a hit.
    #[must_use]
    pub fn row_of(&self, index: usize) -> Option<usize> {
        self.hits.iter().position(|h| h.index() == index)
    }

    /// Move the selection by `delta` rows, clamped. Returns whether it changed.
    pub fn move_by(&mut self, delta: isize) -> bool {
        let before = self.selected;
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        before != self.selected
    }

    /// Select a row, clamped. Returns whether it changed.
    pub fn select(&mut self, row: usize) -> bool {
        let before = self.selected;
        self.selected = row.min(self.hits.len().saturating_sub(1));
        before != self.selected
    }

    /// Keep the selection within `height` rows from the offset.
    pub fn keep_visible(&mut self, height: usize) {
        self.offset = keep_visible(self.selected, self.offset, height);
    }

    /// The rows a pane `height` rows high shows, from the offset that keeps the selection
    /// in sight: each hit and whether it is selected.
    pub fn shown(&self, height: usize) -> impl Iterator<Item = (&H, bool)> {
        let offset = keep_visible(self.selected, self.offset, height);
        self.hits
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(move |(row, hit)| (hit, row == self.selected))
    }
}

/// Pasted text added to a search box: one line, at most [`paste::MAX_LINE`] characters
/// in all. Returns whether the text changed.
pub fn paste_line(text: &mut String, pasted: &str) -> bool {
    let room = paste::MAX_LINE.saturating_sub(text.chars().count());
    let add = paste::as_line(pasted, room);
    text.push_str(&add);
    !add.is_empty()
}

/// What an action does to a text field (a search box, a note, the kommun's name): a typed
/// character is added, never a control character (a terminal may report one for a key);
/// Backspace takes the last one away; clearing empties it. Returns whether the text changed;
/// any other action leaves it as it is.
pub fn edit_text(text: &mut String, action: Action) -> bool {
    match action {
        Action::InsertChar(c) if !c.is_control() => {
            text.push(c);
            true
        }
        Action::DeleteChar => text.pop().is_some(),
        Action::ClearSearch if !text.is_empty() => {
            text.clear();
            true
        }
        _ => false,
    }
}

/// Row `row` of the screen as a row inside a bordered pane, if it is inside.
#[must_use]
pub fn row_in(r: Rect, row: u16) -> Option<usize> {
    let i = inner(r);
    (row >= i.y && row < i.y + i.height).then(|| usize::from(row - i.y))
}

/// The three panes both views have: a tree (the catalogue's areas, the checklist's
/// områden), a search box over a [`ListState`], and a detail pane. Focus cycling, moving,
/// paging, clicks and the wheel are written here once; a view says how its tree moves and
/// what a click on its detail pane's text does.
pub trait Panel {
    type Item: Item;

    fn focus(&self) -> Focus;
    fn set_focus(&mut self, focus: Focus);
    /// The panes in a window `area`, for the current focus.
    fn panes(&self, area: Rect) -> Panes;
    fn list(&self) -> &ListState<Self::Item>;
    fn list_mut(&mut self) -> &mut ListState<Self::Item>;
    /// The detail pane's first line shown; the view keeps it within its text.
    fn detail_scroll_mut(&mut self) -> &mut usize;
    /// Move the tree's selection by `delta` rows.
    fn move_tree(&mut self, delta: isize);
    /// A click on row `n` of the inside of the tree pane, `height` rows high.
    fn click_tree(&mut self, n: usize, height: usize);

    /// Tab and Shift-Tab: tree → list → detail and round; the search box counts as the list.
    fn cycle_focus(&mut self, step: isize) {
        const ORDER: [Focus; 3] = [Focus::Tree, Focus::List, Focus::Detail];
        let at = match self.focus() {
            Focus::Tree => 0,
            Focus::List | Focus::Search => 1,
            Focus::Detail => 2,
        };
        self.set_focus(ORDER[(at + ORDER.len()).saturating_add_signed(step) % ORDER.len()]);
    }

    /// Move in the focused pane: the tree's or the list's selection, or the detail pane's
    /// text (kept within its length by the view after the action).
    fn move_by(&mut self, delta: isize) {
        match self.focus() {
            Focus::Tree => self.move_tree(delta),
            Focus::List | Focus::Search => {
                self.list_mut().move_by(delta);
            }
            Focus::Detail => {
                let scroll = self.detail_scroll_mut();
                *scroll = scroll.saturating_add_signed(delta);
            }
        }
    }

    /// Rows in a page of the focused pane.
    fn page(&self, area: Rect) -> isize {
        let p = self.panes(area);
        let r = match self.focus() {
            Focus::Tree => p.tree,
            Focus::List | Focus::Search => p.list,
            Focus::Detail => p.detail,
        };
        let rows = usize::from(inner(r.unwrap_or(area)).height).max(1);
        isize::try_from(rows).unwrap_or(1)
    }

    /// ↑ ↓, PgUp PgDn, Home End in the focused pane. Returns false for any other action.
    fn navigate(&mut self, action: Action, area: Rect) -> bool {
        let delta = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -self.page(area),
            Action::PageDown => self.page(area),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return false,
        };
        self.move_by(delta);
        true
    }

    /// A click: the pane under it takes the keyboard, and a row clicked in the list or the
    /// tree is selected. Returns the row of the detail pane's text clicked (counted from
    /// the pane's first line shown) and the pane, for the view to act on.
    fn click(&mut self, column: u16, row: u16, area: Rect) -> Option<(usize, Rect)> {
        let (pane, r) = self.panes(area).at(Position::new(column, row))?;
        self.set_focus(pane);
        match pane {
            Focus::Search => {}
            Focus::List => {
                if let Some(n) = row_in(r, row) {
                    let list = self.list_mut();
                    list.select(list.offset + n);
                }
            }
            Focus::Tree => {
                if let Some(n) = row_in(r, row) {
                    self.click_tree(n, usize::from(inner(r).height));
                }
            }
            Focus::Detail => return row_in(r, row).map(|n| (n, r)),
        }
        None
    }

    /// The wheel scrolls the pane under the pointer without taking the keyboard (unless the
    /// panes move when it does, in a narrow window).
    fn wheel(&mut self, column: u16, row: u16, delta: i8, area: Rect) {
        let p = self.panes(area);
        let Some((pane, _)) = p.at(Position::new(column, row)) else {
            return;
        };
        if pane == Focus::Search {
            return;
        }
        let focus = self.focus();
        self.set_focus(pane);
        self.move_by(WHEEL_STEP * isize::from(delta));
        if self.panes(area) == p {
            self.set_focus(focus);
        }
    }
}
