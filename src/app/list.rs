//! The insats list and its search box: query, scope toggle, hits, selection and scrolling.

use crate::search::{Hit, Narrowing, Scope, SearchIndex};

use super::tree::keep_visible;

/// State of the list pane.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// The text in the search box.
    pub query: String,
    /// Search the whole catalogue instead of the selected tree node.
    pub whole_catalog: bool,
    /// Current hits, best first.
    pub hits: Vec<Hit>,
    /// Selected row in `hits`.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// The queries typed so far, so that each keystroke searches only what can still match.
    narrowing: Narrowing,
}

impl ListState {
    /// The scope searched, given the tree's selected scope.
    #[must_use]
    pub fn scope<'a>(&self, tree_scope: &'a Scope) -> &'a Scope {
        if self.whole_catalog {
            &Scope::All
        } else {
            tree_scope
        }
    }

    /// Run the search again; keep the selected insats if it is still a hit, else go to the top.
    pub fn refresh(&mut self, index: &SearchIndex, tree_scope: &Scope, keep_selection: bool) {
        let before = self.selected_index();
        let scope = if self.whole_catalog {
            &Scope::All
        } else {
            tree_scope
        };
        self.hits = index.search_narrowing(&self.query, scope, &mut self.narrowing);
        self.selected = match before.filter(|_| keep_selection) {
            Some(b) => self.hits.iter().position(|h| h.index == b).unwrap_or(0),
            None => 0,
        };
        self.offset = 0;
    }

    /// The catalogue index of the selected insats.
    #[must_use]
    pub fn selected_index(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.index)
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
}
