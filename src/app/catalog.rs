//! View 1, the catalogue: the area tree, the search box over the insatser, and the detail
//! pane with its comparison table. Its list, text field, clicks and wheel are the shared
//! ones of [`super::list`]; what is its own is the tree, the search's scope, clearing a
//! search without losing one's place, and jumping by the comparison table.

use ratatui::layout::Rect;

use super::Focus;
use super::checklist::ChecklistState;
use super::detail;
use super::layout::{Panes, inner};
use super::list::{ListState, Panel, edit_text, paste_line};
use super::tree::TreeState;
use crate::action::Action;
use crate::keymap::Help;
use crate::model::{Catalog, Namesakes};
use crate::search::{Hit, Narrowing, Scope, SearchIndex};

/// What the catalogue reads from the rest of the app: the data, the window, and (for the
/// detail pane) the kommun whose answers show beside the national figures and the keys
/// that answer.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub catalog: &'a Catalog,
    pub area: Rect,
    pub checklist: &'a ChecklistState,
    pub help: &'a Help,
}

/// The catalogue view's state.
#[derive(Debug)]
pub struct CatalogState {
    index: SearchIndex,
    tree: TreeState,
    list: ListState<Hit>,
    /// Search the whole catalogue instead of the selected tree node.
    whole_catalog: bool,
    /// The queries typed so far, so that each keystroke searches only what can still match.
    narrowing: Narrowing,
    /// What tells apart insatser that read alike.
    namesakes: Namesakes,
    focus: Focus,
    detail_scroll: usize,
    /// The chosen row of the detail pane's comparison table (an index into the others of
    /// the same name), if one is chosen.
    compare: Option<usize>,
    /// After a jump by the comparison table: the insats jumped from, so that its row is
    /// chosen there and Enter (or a click on it) goes back.
    jumped_from: Option<usize>,
}

impl Panel for CatalogState {
    type Item = Hit;

    fn focus(&self) -> Focus {
        self.focus
    }
    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }
    fn panes(&self, area: Rect) -> Panes {
        Panes::catalog(area, self.focus)
    }
    fn list(&self) -> &ListState<Hit> {
        &self.list
    }
    fn list_mut(&mut self) -> &mut ListState<Hit> {
        &mut self.list
    }
    fn detail_scroll_mut(&mut self) -> &mut usize {
        &mut self.detail_scroll
    }
    fn move_tree(&mut self, delta: isize) {
        if self.tree.move_by(delta) {
            self.tree_moved();
        }
    }
    fn click_tree(&mut self, n: usize, _height: usize) {
        if self.tree.select_row(self.tree.offset + n) {
            self.tree_moved();
        }
    }
}

impl CatalogState {
    /// The catalogue with everything listed and the list focused.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut s = CatalogState {
            index: SearchIndex::new(catalog),
            tree: TreeState::new(catalog),
            list: ListState::default(),
            whole_catalog: false,
            narrowing: Narrowing::default(),
            namesakes: Namesakes::new(&catalog.insatser),
            focus: Focus::List,
            detail_scroll: 0,
            compare: None,
            jumped_from: None,
        };
        s.refresh(false);
        s
    }

    /// Run the search again; keep the selected insats if asked and it is still a hit.
    fn refresh(&mut self, keep_selection: bool) {
        let scope = if self.whole_catalog {
            &Scope::All
        } else {
            self.tree.scope()
        };
        let hits = self
            .index
            .search_narrowing(&self.list.query, scope, &mut self.narrowing);
        self.list.set_hits(hits, keep_selection);
    }

    /// Apply one of the catalogue's own actions (not the answers, which change the
    /// checklist, nor the view and overlay keys, which are the app's).
    pub fn update(&mut self, action: Action, cx: &Cx<'_>) {
        match action {
            Action::NextPane => self.cycle_focus(1),
            Action::PrevPane => self.cycle_focus(-1),
            Action::FocusTree => self.focus = Focus::Tree,
            Action::FocusSearch => self.focus = Focus::Search,
            Action::Click { column, row } => self.click(column, row, cx),
            Action::Scroll { column, row, delta } => self.wheel(column, row, delta, cx.area),
            Action::ToggleScope => {
                self.whole_catalog = !self.whole_catalog;
                self.refresh(true);
            }
            Action::Back if self.focus == Focus::Detail && self.compare.is_some() => {
                self.compare = None;
            }
            Action::Up | Action::Down if self.focus == Focus::Detail && self.compare.is_some() => {
                self.move_compare(if action == Action::Up { -1 } else { 1 }, cx);
            }
            Action::Open if self.focus == Focus::Detail => self.open_compare(cx),
            Action::Back => match self.focus {
                Focus::Search | Focus::Detail => self.focus = Focus::List,
                Focus::List if !self.list.query.is_empty() => self.clear_query(cx.area),
                Focus::List | Focus::Tree => {}
            },
            // Typing searches, from any pane.
            Action::InsertChar(_) | Action::DeleteChar => {
                let mut q = self.list.query.clone();
                if edit_text(&mut q, action) {
                    if matches!(action, Action::InsertChar(_)) {
                        self.focus = Focus::Search;
                    }
                    self.set_query(q);
                }
            }
            Action::ClearSearch => self.clear_query(cx.area),
            Action::Collapse | Action::Expand if self.focus == Focus::Tree => {
                let moved = if action == Action::Collapse {
                    self.tree.collapse()
                } else {
                    self.tree.expand()
                };
                if moved {
                    self.tree_moved();
                }
            }
            Action::Open => match self.focus {
                Focus::Tree => {
                    if !self.tree.toggle() {
                        self.focus = Focus::List;
                    }
                }
                Focus::Search => self.focus = Focus::List,
                Focus::List => self.focus = Focus::Detail,
                Focus::Detail => {}
            },
            _ => {
                self.navigate(action, cx.area);
            }
        }
    }

    /// A click: the shared one for the panes, and in the detail pane on a row of the
    /// comparison table, as Enter there: the first click chooses the row, a click on the
    /// chosen row (the second of a double-click) goes to that insats, where the row of the
    /// one left is chosen, so that a click on it goes back.
    fn click(&mut self, column: u16, row: u16, cx: &Cx<'_>) {
        let Some((n, pane)) = Panel::click(self, column, row, cx.area) else {
            return;
        };
        let pane = inner(pane);
        let line = self.detail_scroll.min(self.detail_max_scroll(cx)) + n;
        let view = self.detail_view(cx, usize::from(pane.width));
        let Some(k) = view.rows.iter().position(|r| r.contains(&line)) else {
            return;
        };
        if self.compare == Some(k) {
            self.open_compare(cx);
        } else {
            self.compare = Some(k);
        }
    }

    /// Text pasted into the catalogue: to the search box, which takes the keyboard.
    pub fn paste(&mut self, text: &str) {
        let mut q = self.list.query.clone();
        paste_line(&mut q, text);
        self.focus = Focus::Search;
        self.set_query(q);
    }

    /// Search for `query` (as typed into the search box), best first.
    pub fn set_query(&mut self, query: String) {
        if query != self.list.query {
            self.list.query = query;
            self.refresh(false);
        }
    }

    /// Clear the search, keeping the selected insats selected (and, through
    /// [`CatalogState::keep_visible`], scrolled into view): clearing never loses one's
    /// place.
    fn clear_query(&mut self, area: Rect) {
        if !self.list.query.is_empty() {
            self.list.query.clear();
            self.refresh(true);
            // The insats read before stays in sight, in the middle of the list when it can.
            if let Some(r) = self.panes(area).list {
                let height = usize::from(inner(r).height);
                let last_offset = self.list.hits.len().saturating_sub(height);
                self.list.offset = self
                    .list
                    .selected
                    .saturating_sub(height / 2)
                    .min(last_offset);
            }
        }
    }

    fn tree_moved(&mut self) {
        self.whole_catalog = false;
        self.refresh(true);
    }

    /// Select insats `index` in the list: in the hits if it is one, else in the whole
    /// catalogue with the same search, else in the whole catalogue.
    pub fn select_insats(&mut self, index: usize) {
        if self.list.row_of(index).is_none() {
            self.whole_catalog = true;
            self.refresh(true);
        }
        if self.list.row_of(index).is_none() {
            self.list.query.clear();
            self.refresh(true);
        }
        if let Some(row) = self.list.row_of(index) {
            self.list.select(row);
        }
    }

    /// Show insats `index` (coming from the checklist): the whole catalogue listed, the
    /// insats selected and the detail pane focused.
    pub fn show_insats(&mut self, index: usize) {
        self.list.query.clear();
        self.whole_catalog = true;
        self.refresh(false);
        if let Some(row) = self.list.row_of(index) {
            self.list.select(row);
        }
        self.focus = Focus::Detail;
    }

    /// Move the list's selection by `delta` rows, clamped.
    pub fn move_selection(&mut self, delta: isize) {
        self.list.move_by(delta);
    }

    /// Select row `row` of the list, clamped.
    pub fn select_row(&mut self, row: usize) {
        self.list.select(row);
    }

    /// Leaving the search box for another view, which has none of the catalogue's.
    pub fn leave_search(&mut self) {
        if self.focus == Focus::Search {
            self.focus = Focus::List;
        }
    }

    /// After an action: a new insats shown starts at its top (with the row of the one
    /// jumped from chosen after a jump), and the comparison table is left when the detail
    /// pane is (or the view is).
    pub fn settle(&mut self, shown_before: Option<usize>, shown_here: bool, cx: &Cx<'_>) {
        if self.list.selected_index() != shown_before {
            self.detail_scroll = 0;
            self.compare = self.jumped_from.take().and_then(|from| {
                let here = self.list.selected_index()?;
                self.namesakes
                    .others(&cx.catalog.insatser, here)
                    .iter()
                    .position(|&o| o == from)
            });
            if self.compare.is_some() {
                self.show_compare_row(cx);
            }
        }
        self.jumped_from = None;
        if self.focus != Focus::Detail || !shown_here {
            self.compare = None;
        }
    }

    /// The others of the same name as the selected insats, for the comparison table.
    fn compare_others(&self, catalog: &Catalog) -> Vec<usize> {
        self.list
            .selected_index()
            .map(|i| self.namesakes.others(&catalog.insatser, i))
            .unwrap_or_default()
    }

    /// Enter in the detail pane: choose the comparison table's first row, or jump to the
    /// insats of the chosen row (where the row of the one left is chosen, so that Enter
    /// goes back).
    fn open_compare(&mut self, cx: &Cx<'_>) {
        let others = self.compare_others(cx.catalog);
        match self.compare {
            _ if others.is_empty() => {}
            None => {
                self.compare = Some(0);
                self.show_compare_row(cx);
            }
            Some(k) => {
                let Some(&to) = others.get(k) else {
                    return;
                };
                self.jumped_from = self.list.selected_index();
                self.select_insats(to);
            }
        }
    }

    /// Move the chosen row of the comparison table; up from its first row leaves it.
    fn move_compare(&mut self, delta: isize, cx: &Cx<'_>) {
        let n = self.compare_others(cx.catalog).len();
        self.compare = match self.compare {
            Some(0) if delta < 0 => None,
            Some(k) => Some(k.saturating_add_signed(delta).min(n.saturating_sub(1))),
            None => None,
        };
        self.show_compare_row(cx);
    }

    /// Scroll the detail pane so that the chosen comparison row shows.
    fn show_compare_row(&mut self, cx: &Cx<'_>) {
        let (Some(k), Some(r)) = (self.compare, self.panes(cx.area).detail) else {
            return;
        };
        let r = inner(r);
        let view = self.detail_view(cx, usize::from(r.width));
        let Some(line) = view.rows.get(k).map(|r| r.start) else {
            return;
        };
        let height = usize::from(r.height).max(1);
        if line < self.detail_scroll {
            self.detail_scroll = line.saturating_sub(1);
        } else if line >= self.detail_scroll + height {
            self.detail_scroll = line + 1 - height;
        }
    }

    /// Keep the selections in sight and the detail pane within its text. A pane not on
    /// screen (a narrow window, the presentation) still keeps its selection at or below
    /// the top row, so that it shows when the pane comes back.
    pub fn keep_visible(&mut self, cx: &Cx<'_>) {
        let p = self.panes(cx.area);
        let (list_h, tree_h) = (
            p.list.map(|r| inner(r).height),
            p.tree.map(|r| inner(r).height),
        );
        self.list
            .keep_visible(usize::from(list_h.unwrap_or(u16::MAX)));
        self.tree
            .keep_visible(usize::from(tree_h.unwrap_or(u16::MAX)));
        self.detail_scroll = self.detail_scroll.min(self.detail_max_scroll(cx));
    }

    fn detail_max_scroll(&self, cx: &Cx<'_>) -> usize {
        let Some(r) = self.panes(cx.area).detail else {
            return 0;
        };
        let r = inner(r);
        let n = self.detail_view(cx, usize::from(r.width)).lines.len();
        n.saturating_sub(usize::from(r.height))
    }

    /// The detail pane at `width` columns, with where its comparison rows are.
    #[must_use]
    pub fn detail_view(&self, cx: &Cx<'_>, width: usize) -> detail::Detail {
        let index = self.list.selected_index().unwrap_or(usize::MAX);
        let same = self.namesakes.others(&cx.catalog.insatser, index);
        let query = crate::sort::fold(&self.list.query);
        let words: Vec<String> = query.split_whitespace().map(str::to_string).collect();
        let name = cx.checklist.kommun_name();
        let keys = [
            Action::AnswerGes,
            Action::AnswerDigitalt,
            Action::AnswerEnskildRegi,
            Action::AnswerUtanBistandsbeslut,
        ]
        .map(|a| cx.help.key(None, a).map(str::to_string));
        let kommun = name.as_deref().map(|namn| detail::Kommun {
            namn,
            svar: cx
                .catalog
                .insatser
                .get(index)
                .and_then(|i| cx.checklist.checklist().svar(&i.id)),
            keys: &keys,
        });
        detail::view_kommun(
            cx.catalog,
            index,
            &same,
            width,
            &words,
            self.compare,
            kommun.as_ref(),
        )
    }

    // ---- read access ----

    #[must_use]
    pub fn list(&self) -> &ListState<Hit> {
        &self.list
    }
    #[must_use]
    pub fn tree(&self) -> &TreeState {
        &self.tree
    }
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }
    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }
    /// The chosen row of the detail pane's comparison table, if any.
    #[must_use]
    pub fn compare_row(&self) -> Option<usize> {
        self.compare
    }
    /// Whether the search covers the whole catalogue rather than the tree's node.
    #[must_use]
    pub fn whole_catalog(&self) -> bool {
        self.whole_catalog
    }
    #[must_use]
    pub fn namesakes(&self) -> &Namesakes {
        &self.namesakes
    }
    /// The scope label of the list: the tree node's name or "hela katalogen".
    #[must_use]
    pub fn scope_label(&self) -> &str {
        if self.whole_catalog || self.tree.selected() == 0 {
            "hela katalogen"
        } else {
            self.tree.label()
        }
    }
}
