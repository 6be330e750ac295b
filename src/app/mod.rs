//! App state composed of per-pane states, and the one `update(Action)` that changes it.
//!
//! `update` does no I/O and no drawing; everything it needs (the window size, hence page
//! heights) is kept here explicitly, so tests drive it directly without a terminal.

pub mod checklist;
pub mod detail;
pub mod layout;
pub mod list;
pub mod paste;
pub mod presentation;
pub mod tree;

use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use crate::action::{Action, Context};
use crate::checklist::{Fraga, Svar};
use crate::keymap::{Help, HelpView};
use crate::model::{Catalog, Insats, Namesakes};
use crate::search::SearchIndex;

use checklist::{ChecklistState, Outcome};
use layout::{Panes, inner};
use list::ListState;
use tree::TreeState;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Search,
    List,
    Detail,
}

/// The screen shown: `1` the catalogue, `2` the indicator checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Catalog,
    Checklist,
}

/// What a status message tells, so that the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// How to begin, on a first start.
    Hint,
    /// Something done, such as a copy.
    Done,
    /// Something that could not be done.
    Problem,
}

/// A one-line message in the status bar, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

/// Text to copy, waiting for the terminal loop to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyRequest {
    /// The insats's name, for the status message.
    pub name: String,
    /// The plain text to copy.
    pub text: String,
}

/// Lines or rows moved by one notch of the mouse wheel.
const WHEEL_STEP: isize = 3;

/// The whole state of the interactive app.
#[derive(Debug)]
pub struct App {
    catalog: Catalog,
    index: SearchIndex,
    help: Help,
    tree: TreeState,
    list: ListState,
    /// What tells apart insatser that read alike.
    namesakes: Namesakes,
    detail_scroll: usize,
    /// The chosen row of the detail pane's comparison table (an index into the others of
    /// the same name), if one is chosen.
    compare: Option<usize>,
    /// After a jump by the comparison table: the insats jumped from, so that its row is
    /// chosen there and Enter goes back.
    jumped_from: Option<usize>,
    /// View 2.
    checklist: ChecklistState,
    focus: Focus,
    view: View,
    help_open: bool,
    help_scroll: usize,
    /// The selected insats over the whole screen, for presenting.
    presentation: bool,
    /// Lines the presentation's förklaring is scrolled by, when it does not fit.
    slide_scroll: usize,
    /// Typing a search inside the presentation.
    present_search: bool,
    /// The query and insats shown before that search, for Esc to go back to.
    present_before: Option<(String, Option<usize>)>,
    status: Option<Status>,
    copy: Option<CopyRequest>,
    /// Where copied text is also saved, as the status message names it.
    copy_file: Option<String>,
    area: Rect,
    quit: bool,
}

impl App {
    /// A fresh app over `catalog`: whole catalogue listed, list focused, 80x24 until told.
    #[must_use]
    pub fn new(catalog: Catalog, help: Help) -> Self {
        let index = SearchIndex::new(&catalog);
        let tree = TreeState::new(&catalog);
        let namesakes = Namesakes::new(&catalog.insatser);
        let checklist = ChecklistState::new(&catalog.indikatorer);
        let mut app = App {
            catalog,
            index,
            help,
            tree,
            list: ListState::default(),
            namesakes,
            detail_scroll: 0,
            compare: None,
            jumped_from: None,
            checklist,
            focus: Focus::List,
            view: View::Catalog,
            help_open: false,
            help_scroll: 0,
            presentation: false,
            slide_scroll: 0,
            present_search: false,
            present_before: None,
            status: None,
            copy: None,
            copy_file: None,
            area: Rect::new(0, 0, 80, 24),
            quit: false,
        };
        app.list.refresh(&app.index, app.tree.scope(), false);
        app
    }

    /// Start in the presentation mode.
    #[must_use]
    pub fn with_presentation(mut self) -> Self {
        self.presentation = true;
        self
    }

    /// Start on the hits of `query` (as typed into the search box), best first.
    #[must_use]
    pub fn with_query(mut self, query: &str) -> Self {
        self.set_query(query.to_string());
        self
    }

    /// On a first start: a hint in the status bar on how to search and get help, with the
    /// loaded keys, until the first key.
    #[must_use]
    pub fn with_first_start_hint(mut self) -> Self {
        let text = match self.help.key(None, Action::ToggleHelp) {
            Some(h) => format!("Välkommen! Skriv för att söka; {h} visar alla tangenter."),
            None => "Välkommen! Skriv för att söka.".to_string(),
        };
        self.status = Some(Status {
            text,
            kind: StatusKind::Hint,
        });
        self
    }

    /// Name the file copied text is also saved to, for the status message (`~/…`).
    #[must_use]
    pub fn with_copy_file(mut self, shown: Option<String>) -> Self {
        self.copy_file = shown;
        self
    }

    /// Text pasted into the terminal: text for the field it lands in, never keys. In the
    /// catalogue it goes to the search box (line breaks as spaces); in the checklist to the
    /// open editor (a note keeps its line breaks) or the focused search box; elsewhere it is
    /// ignored.
    pub fn paste(&mut self, text: &str) {
        self.status = None;
        if self.help_open || self.presentation {
            return;
        }
        if self.view == View::Checklist {
            self.checklist.paste(text);
            return;
        }
        let room = paste::MAX_LINE.saturating_sub(self.list.query.chars().count());
        let mut q = self.list.query.clone();
        q.push_str(&paste::as_line(text, room));
        self.focus = Focus::Search;
        self.set_query(q);
        self.keep_visible();
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        let shown_before = self.list.selected_index();
        // A message lasts until the next thing the user does; the wheel and a resize are
        // not that, and a finished copy brings its own.
        if !matches!(
            action,
            Action::Resize { .. } | Action::Scroll { .. } | Action::Copied { .. }
        ) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
            Action::Copied { saved } => self.copied(saved),
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            _ if self.help_open => self.update_help(action),
            Action::Copy if self.view == View::Catalog => self.request_copy(),
            Action::TogglePresentation if self.view == View::Catalog => {
                self.presentation = !self.presentation;
                self.present_search = false;
                self.slide_scroll = 0;
            }
            _ if self.presentation => self.update_presentation(action),
            Action::Click { column, row } if self.tab_at(column, row).is_some() => {
                if let Some(view) = self.tab_at(column, row) {
                    self.show(view);
                }
            }
            Action::ShowCatalog => self.show(View::Catalog),
            Action::ShowChecklist => self.show(View::Checklist),
            _ if self.view == View::Checklist => {
                match self.checklist.update(action, &self.catalog, self.area) {
                    Outcome::Stay => {}
                    Outcome::ToCatalog => self.view = View::Catalog,
                    Outcome::OpenInsats(index) => self.show_insats(index),
                }
            }
            _ => {
                // A message about the checklist (read-only, unreadable, unknown numbers)
                // shows in the catalogue's status line too, until the first key there.
                self.checklist.message = None;
                match action {
                    Action::Click { column, row } => self.click(column, row),
                    Action::Scroll { column, row, delta } => self.wheel(column, row, delta),
                    _ => self.update_catalog(action),
                }
            }
        }
        if self.list.selected_index() != shown_before {
            self.detail_scroll = 0;
            self.slide_scroll = 0;
            self.compare = self.jumped_from.take().and_then(|from| {
                let here = self.list.selected_index()?;
                self.namesakes
                    .others(&self.catalog.insatser, here)
                    .iter()
                    .position(|&o| o == from)
            });
            if self.compare.is_some() {
                self.show_compare_row();
            }
        }
        self.jumped_from = None;
        if self.focus != Focus::Detail || self.view != View::Catalog {
            self.compare = None;
        }
        // In the checklist view only a new window size moves the catalogue's panes (laying
        // them out on every key there would cost the detail pane's text each time).
        if self.view == View::Catalog || matches!(action, Action::Resize { .. }) {
            self.keep_visible();
        }
    }

    fn update_presentation(&mut self, action: Action) {
        if self.present_search {
            self.update_present_search(action);
            return;
        }
        match action {
            // ↑↓ scroll a förklaring that does not fit, then go on to the next insats.
            Action::Down if self.slide_scroll < self.slide_overflow() => self.slide_scroll += 1,
            Action::Up if self.slide_scroll > 0 => self.slide_scroll -= 1,
            Action::NextInsats | Action::Down | Action::PageDown => {
                self.list.move_by(1);
            }
            Action::PrevInsats | Action::Up | Action::PageUp => {
                self.list.move_by(-1);
            }
            Action::Top => {
                self.list.move_by(isize::MIN / 2);
            }
            Action::Bottom => {
                self.list.move_by(isize::MAX / 2);
            }
            Action::Scroll { delta, .. } => {
                self.list.move_by(isize::from(delta.signum()));
            }
            // A click on the left half goes back, on the right half forward.
            Action::Click { column, .. } => {
                let step = if column < self.area.width / 2 { -1 } else { 1 };
                self.list.move_by(step);
            }
            Action::Back | Action::ShowCatalog => self.presentation = false,
            // A search inside the presentation: typed on the status line, in its theme,
            // from an empty box.
            Action::FocusSearch => {
                self.present_before = Some((self.list.query.clone(), self.list.selected_index()));
                self.present_search = true;
                self.set_query(String::new());
            }
            Action::ShowChecklist => {
                self.presentation = false;
                self.show(View::Checklist);
            }
            _ => {}
        }
    }

    /// Keys while a search is typed inside the presentation: Enter shows the hits from the
    /// first, Esc goes back to the slide.
    fn update_present_search(&mut self, action: Action) {
        match action {
            Action::InsertChar(c) if !c.is_control() => {
                let mut q = self.list.query.clone();
                q.push(c);
                self.set_query(q);
            }
            Action::DeleteChar => {
                let mut q = self.list.query.clone();
                q.pop();
                self.set_query(q);
            }
            Action::ClearSearch => self.set_query(String::new()),
            Action::Open => {
                self.present_search = false;
                self.present_before = None;
                self.list.select(0);
            }
            // Esc: back to the slide shown before, with its search.
            Action::Back => {
                self.present_search = false;
                if let Some((query, shown)) = self.present_before.take() {
                    self.set_query(query);
                    if let Some(i) = shown {
                        self.select_insats(i);
                    }
                }
            }
            Action::Up => {
                self.list.move_by(-1);
            }
            Action::Down => {
                self.list.move_by(1);
            }
            _ => {}
        }
    }

    /// How far the slide's förklaring can scroll at the window's size.
    fn slide_overflow(&self) -> usize {
        let col = presentation::column(self.panes().screen);
        presentation::forklaring_overflow(
            &self.catalog,
            self.list.selected_index().unwrap_or(usize::MAX),
            usize::from(col.width),
            usize::from(col.height),
        )
    }

    /// Switch to `view`; the checklist has no search box of the catalogue's to keep focused.
    fn show(&mut self, view: View) {
        self.view = view;
        if view == View::Checklist && self.focus == Focus::Search {
            self.focus = Focus::List;
        }
    }

    /// The view whose tab is at a point of the window, if any.
    fn tab_at(&self, column: u16, row: u16) -> Option<View> {
        let line = self.panes().tabs;
        if row != line.y {
            return None;
        }
        self.tabs(line)
            .into_iter()
            .find(|t| t.columns.contains(&column))
            .map(|t| t.view)
    }

    fn request_copy(&mut self) {
        match self.selected_insats() {
            Some(i) => {
                self.copy = Some(CopyRequest {
                    name: i.namn.clone(),
                    text: detail::insats_text(i),
                });
            }
            None => {
                self.status = Some(Status {
                    text: "Ingen insats är vald att kopiera.".to_string(),
                    kind: StatusKind::Problem,
                });
            }
        }
    }

    /// Step the kommun's answer to `fraga` for the selected insats; the status line says
    /// what it is now, or why it could not change.
    fn answer(&mut self, fraga: Fraga) {
        let Some((id, namn)) = self
            .selected_insats()
            .map(|i| (i.id.clone(), i.namn.clone()))
        else {
            self.status = Some(Status {
                text: "Ingen insats är vald.".to_string(),
                kind: StatusKind::Problem,
            });
            return;
        };
        self.status = Some(match self.checklist.next_answer(&id, fraga) {
            Ok(svar) => Status {
                text: format!(
                    "{}: {} · {}: {}",
                    crate::text::sanitize(&self.checklist.kommun_name().unwrap_or_default()),
                    namn,
                    fraga.label().to_lowercase(),
                    svar.map_or("obesvarad", Svar::as_str)
                ),
                kind: StatusKind::Done,
            },
            Err(text) => Status {
                text,
                kind: StatusKind::Problem,
            },
        });
    }

    fn copied(&mut self, saved: bool) {
        let Some(request) = self.copy.take() else {
            return;
        };
        let message = |name: &str| match (&self.copy_file, saved) {
            (Some(f), true) => format!("Kopierade ”{name}” · texten finns också i {f}"),
            (Some(f), false) => format!("Kopierade ”{name}” (kunde inte spara {f})"),
            (None, _) => format!("Kopierade ”{name}”"),
        };
        // The window's width is known: shorten the name, never the file's place.
        let width = usize::from(self.area.width);
        let mut text = message(&request.name);
        let over = text.width().saturating_sub(width);
        if over > 0 {
            let keep = request.name.width().saturating_sub(over + 1).max(8);
            text = message(&truncate_to(&request.name, keep));
        }
        self.status = Some(Status {
            text,
            kind: StatusKind::Done,
        });
    }

    fn update_help(&mut self, action: Action) {
        let lines = self.help.line_count(self.help_view());
        let shown = usize::from(inner(layout::help_popup(self.panes().main, lines)).height).max(1);
        let max = lines.saturating_sub(shown);
        let step = |delta: isize, s: usize| s.saturating_add_signed(delta).min(max);
        let page = isize::try_from(shown).unwrap_or(1);
        self.help_scroll = match action {
            Action::Up | Action::PrevInsats => step(-1, self.help_scroll),
            Action::Down | Action::NextInsats => step(1, self.help_scroll),
            Action::PageUp => step(-page, self.help_scroll),
            Action::PageDown => step(page, self.help_scroll),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Scroll { delta, .. } => step(WHEEL_STEP * isize::from(delta), self.help_scroll),
            Action::Back | Action::Open => {
                self.help_open = false;
                0
            }
            _ => self.help_scroll,
        };
    }

    fn update_catalog(&mut self, action: Action) {
        match action {
            Action::NextPane => self.focus = cycle(self.focus, 1),
            Action::PrevPane => self.focus = cycle(self.focus, -1),
            Action::FocusTree => self.focus = Focus::Tree,
            Action::FocusSearch => self.focus = Focus::Search,
            Action::AnswerGes => self.answer(Fraga::Ges),
            Action::AnswerDigitalt => self.answer(Fraga::Digitalt),
            Action::AnswerEnskildRegi => self.answer(Fraga::EnskildRegi),
            Action::AnswerUtanBistandsbeslut => self.answer(Fraga::UtanBistandsbeslut),
            Action::ToggleScope => {
                self.list.whole_catalog = !self.list.whole_catalog;
                self.list.refresh(&self.index, self.tree.scope(), true);
            }
            Action::Back if self.focus == Focus::Detail && self.compare.is_some() => {
                self.compare = None;
            }
            Action::Up | Action::Down if self.focus == Focus::Detail && self.compare.is_some() => {
                self.move_compare(if action == Action::Up { -1 } else { 1 });
            }
            Action::Open if self.focus == Focus::Detail => self.open_compare(),
            Action::Back => match self.focus {
                Focus::Search | Focus::Detail => self.focus = Focus::List,
                Focus::List if !self.list.query.is_empty() => self.clear_query(),
                Focus::List | Focus::Tree => {}
            },
            // Typing searches, from any pane. A control character is never text (a
            // terminal may report one for a key).
            Action::InsertChar(c) if !c.is_control() => {
                self.focus = Focus::Search;
                let mut q = self.list.query.clone();
                q.push(c);
                self.set_query(q);
            }
            Action::DeleteChar => {
                let mut q = self.list.query.clone();
                q.pop();
                self.set_query(q);
            }
            Action::ClearSearch => self.clear_query(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page_isize()),
            Action::PageDown => self.move_by(self.page_isize()),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
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
            _ => {}
        }
    }

    /// Show the insats `catalog.insatser[index]` in the catalogue: the whole catalogue listed,
    /// the insats selected and the detail pane focused.
    fn show_insats(&mut self, index: usize) {
        self.view = View::Catalog;
        self.list.query.clear();
        self.list.whole_catalog = true;
        self.list.refresh(&self.index, self.tree.scope(), false);
        if let Some(row) = self.list.hits.iter().position(|h| h.index == index) {
            self.list.select(row);
        }
        self.focus = Focus::Detail;
    }

    fn set_query(&mut self, query: String) {
        if query != self.list.query {
            self.list.query = query;
            self.list.refresh(&self.index, self.tree.scope(), false);
        }
    }

    /// The others of the same name as the selected insats, for the comparison table.
    fn compare_others(&self) -> Vec<usize> {
        self.list
            .selected_index()
            .map(|i| self.namesakes.others(&self.catalog.insatser, i))
            .unwrap_or_default()
    }

    /// Enter in the detail pane: choose the comparison table's first row, or jump to the
    /// insats of the chosen row (where the row of the one left is chosen, so that Enter
    /// goes back).
    fn open_compare(&mut self) {
        let others = self.compare_others();
        match self.compare {
            _ if others.is_empty() => {}
            None => {
                self.compare = Some(0);
                self.show_compare_row();
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
    fn move_compare(&mut self, delta: isize) {
        let n = self.compare_others().len();
        self.compare = match self.compare {
            Some(0) if delta < 0 => None,
            Some(k) => Some(k.saturating_add_signed(delta).min(n.saturating_sub(1))),
            None => None,
        };
        self.show_compare_row();
    }

    /// Scroll the detail pane so that the chosen comparison row shows.
    fn show_compare_row(&mut self) {
        let (Some(k), Some(r)) = (self.compare, self.panes().detail) else {
            return;
        };
        let r = inner(r);
        let view = self.detail_view(usize::from(r.width));
        let Some(&line) = view.rows.get(k) else {
            return;
        };
        let height = usize::from(r.height).max(1);
        if line < self.detail_scroll {
            self.detail_scroll = line.saturating_sub(1);
        } else if line >= self.detail_scroll + height {
            self.detail_scroll = line + 1 - height;
        }
    }

    /// Select insats `index` in the list: in the hits if it is one, else in the whole
    /// catalogue with the same search, else in the whole catalogue.
    fn select_insats(&mut self, index: usize) {
        let find = |l: &ListState| l.hits.iter().position(|h| h.index == index);
        if find(&self.list).is_none() {
            self.list.whole_catalog = true;
            self.list.refresh(&self.index, self.tree.scope(), true);
        }
        if find(&self.list).is_none() {
            self.list.query.clear();
            self.list.refresh(&self.index, self.tree.scope(), true);
        }
        if let Some(row) = find(&self.list) {
            self.list.select(row);
        }
    }

    /// Clear the search, keeping the selected insats selected (and, through
    /// [`App::keep_visible`], scrolled into view): clearing never loses one's place.
    fn clear_query(&mut self) {
        if !self.list.query.is_empty() {
            self.list.query.clear();
            self.list.refresh(&self.index, self.tree.scope(), true);
            // The insats read before stays in sight, in the middle of the list when it can.
            if let Some(r) = self.panes().list {
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
        self.list.whole_catalog = false;
        self.list.refresh(&self.index, self.tree.scope(), true);
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => {
                if self.tree.move_by(delta) {
                    self.tree_moved();
                }
            }
            Focus::List | Focus::Search => {
                self.list.move_by(delta);
            }
            Focus::Detail => {
                let max = self.detail_max_scroll();
                self.detail_scroll = self.detail_scroll.saturating_add_signed(delta).min(max);
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let p = self.panes();
        let at = Position::new(column, row);
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
        if hit(p.search) {
            self.focus = Focus::Search;
        } else if let Some(r) = p.list.filter(|r| r.contains(at)) {
            self.focus = Focus::List;
            if let Some(n) = row_in(r, row) {
                self.list.select(self.list.offset + n);
            }
        } else if let Some(r) = p.tree.filter(|r| r.contains(at)) {
            self.focus = Focus::Tree;
            if let Some(n) = row_in(r, row)
                && self.tree.select_row(self.tree.offset + n)
            {
                self.tree_moved();
            }
        } else if hit(p.detail) {
            self.focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, column: u16, row: u16, delta: i8) {
        let p = self.panes();
        let at = Position::new(column, row);
        let step = WHEEL_STEP * isize::from(delta);
        let focus = self.focus;
        if p.list.is_some_and(|r| r.contains(at)) {
            self.focus = Focus::List;
        } else if p.tree.is_some_and(|r| r.contains(at)) {
            self.focus = Focus::Tree;
        } else if p.detail.is_some_and(|r| r.contains(at)) {
            self.focus = Focus::Detail;
        } else {
            return;
        }
        self.move_by(step);
        // The wheel scrolls what is under the pointer without taking the keyboard.
        if self.panes() == p {
            self.focus = focus;
        }
    }

    fn keep_visible(&mut self) {
        let p = self.panes();
        // A pane not on screen (a narrow window, the presentation) still keeps its
        // selection at or below the top row, so that it shows when the pane comes back.
        let (list_h, tree_h) = (
            p.list.map(|r| inner(r).height),
            p.tree.map(|r| inner(r).height),
        );
        self.list
            .keep_visible(usize::from(list_h.unwrap_or(u16::MAX)));
        self.tree
            .keep_visible(usize::from(tree_h.unwrap_or(u16::MAX)));
        self.detail_scroll = self.detail_scroll.min(self.detail_max_scroll());
    }

    /// Rows in a page of the focused pane.
    fn page(&self, fallback: Rect) -> usize {
        let p = self.panes();
        let r = match self.focus {
            _ if self.help_open => Some(p.main),
            Focus::Tree => p.tree,
            Focus::List | Focus::Search => p.list,
            Focus::Detail => p.detail,
        };
        usize::from(inner(r.unwrap_or(fallback)).height).max(1)
    }

    fn page_isize(&self) -> isize {
        isize::try_from(self.page(self.area)).unwrap_or(1)
    }

    fn detail_max_scroll(&self) -> usize {
        let Some(r) = self.panes().detail else {
            return 0;
        };
        let r = inner(r);
        let n = self.detail_lines(usize::from(r.width)).len();
        n.saturating_sub(usize::from(r.height))
    }

    // ---- read access for drawing and tests ----

    /// The detail pane's lines for the selected insats at `width` columns.
    #[must_use]
    pub fn detail_lines(&self, width: usize) -> Vec<detail::DetailLine> {
        self.detail_view(width).lines
    }

    /// The detail pane at `width` columns, with where its comparison rows are.
    #[must_use]
    pub fn detail_view(&self, width: usize) -> detail::Detail {
        let index = self.list.selected_index().unwrap_or(usize::MAX);
        let same = self.namesakes.others(&self.catalog.insatser, index);
        let query = crate::sort::fold(&self.list.query);
        let words: Vec<String> = query.split_whitespace().map(str::to_string).collect();
        let name = self.checklist.kommun_name();
        let keys = self.answer_keys();
        let kommun = name.as_deref().map(|namn| detail::Kommun {
            namn,
            svar: self
                .catalog
                .insatser
                .get(index)
                .and_then(|i| self.checklist.checklist().svar(&i.id)),
            keys: &keys,
        });
        detail::view_kommun(
            &self.catalog,
            index,
            &same,
            width,
            &words,
            self.compare,
            kommun.as_ref(),
        )
    }

    /// The loaded keys of the four answers, in the source's column order.
    fn answer_keys(&self) -> [Option<String>; 4] {
        [
            Action::AnswerGes,
            Action::AnswerDigitalt,
            Action::AnswerEnskildRegi,
            Action::AnswerUtanBistandsbeslut,
        ]
        .map(|a| self.help.key(None, a).map(str::to_string))
    }

    /// True when a kommun is chosen and says it gives insats `id` (for the list's mark).
    #[must_use]
    pub fn kommun_ger(&self, id: &str) -> bool {
        self.checklist.kommun_name().is_some() && self.checklist.checklist().ger(id)
    }

    /// With a kommun chosen: how many insatser of `omrade` it gives, of how many.
    #[must_use]
    pub fn kommun_ges_count(&self, omrade: crate::model::Omrade) -> Option<(usize, usize)> {
        self.checklist.kommun_name()?;
        let c = self.checklist.checklist();
        let mut ges = 0;
        let mut total = 0;
        for i in self.catalog.in_omrade(omrade) {
            total += 1;
            ges += usize::from(c.ger(&i.id));
        }
        Some((ges, total))
    }

    /// The chosen row of the detail pane's comparison table, if any.
    #[must_use]
    pub fn compare_row(&self) -> Option<usize> {
        self.compare
    }

    /// The panes of the current window size and focus.
    #[must_use]
    pub fn panes(&self) -> Panes {
        Panes::catalog(self.area, self.focus)
    }

    /// The tabs of the tab line `line`, with the keys that switch to them and the kommun
    /// whose checklist is open.
    #[must_use]
    pub fn tabs(&self, line: Rect) -> Vec<layout::Tab> {
        let label = |action: Action, name: String| match self.help.key(None, action) {
            Some(key) => format!(" {key} {name} "),
            None => format!(" {name} "),
        };
        let checklist = match self.checklist.checklist().kommun() {
            Some(kommun) => format!("Checklista · {}", crate::text::sanitize(kommun)),
            None => "Checklista".to_string(),
        };
        layout::tabs(
            line,
            vec![
                (
                    View::Catalog,
                    label(Action::ShowCatalog, "Katalog".to_string()),
                ),
                (View::Checklist, label(Action::ShowChecklist, checklist)),
            ],
        )
    }

    /// The key context: the presentation; in the checklist view, its text field or its
    /// table; else the focused pane or the search box.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.help_open {
            return Context::Help;
        }
        if self.presentation && self.present_search {
            return Context::Search;
        }
        if self.presentation {
            return Context::Presentation;
        }
        if self.view == View::Checklist {
            return self.checklist.context();
        }
        match self.focus {
            Focus::Tree => Context::Tree,
            Focus::Search => Context::Search,
            Focus::List => Context::List,
            Focus::Detail => Context::Detail,
        }
    }

    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    /// Whether the presentation mode is on.
    #[must_use]
    pub fn presentation(&self) -> bool {
        self.presentation
    }
    /// Whether a search is being typed inside the presentation.
    #[must_use]
    pub fn presentation_search(&self) -> bool {
        self.presentation && self.present_search
    }
    /// The status bar's message, if any.
    #[must_use]
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    /// Text waiting to be copied by the terminal loop, which then sends
    /// [`Action::Copied`].
    #[must_use]
    pub fn copy_request(&self) -> Option<&CopyRequest> {
        self.copy.as_ref()
    }
    /// Which view's keys the help overlay lists.
    #[must_use]
    pub fn help_view(&self) -> HelpView {
        match self.view {
            _ if self.presentation => HelpView::Presentation,
            View::Catalog => HelpView::Catalog,
            View::Checklist => HelpView::Checklist,
        }
    }
    /// The presentation's slide for the selected insats at `width` × `height`.
    #[must_use]
    pub fn slide(&self, width: usize, height: usize) -> Vec<detail::DetailLine> {
        presentation::slide_from(
            &self.catalog,
            self.list.selected_index().unwrap_or(usize::MAX),
            width,
            height,
            self.slide_scroll,
        )
    }
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }
    #[must_use]
    pub fn view(&self) -> View {
        self.view
    }
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
    /// The checklist view's state.
    #[must_use]
    pub fn checklist(&self) -> &ChecklistState {
        &self.checklist
    }
    /// The checklist view's state, for the loop: an opened checklist goes in, a chosen
    /// kommun and errors of saving pass through here.
    pub fn checklist_mut(&mut self) -> &mut ChecklistState {
        &mut self.checklist
    }
    #[must_use]
    pub fn tree(&self) -> &TreeState {
        &self.tree
    }
    #[must_use]
    pub fn list(&self) -> &ListState {
        &self.list
    }
    #[must_use]
    pub fn help(&self) -> &Help {
        &self.help
    }
    #[must_use]
    pub fn help_open(&self) -> bool {
        self.help_open
    }
    #[must_use]
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }
    /// The window area last told by a resize.
    #[must_use]
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The insats shown in the detail pane.
    #[must_use]
    pub fn selected_insats(&self) -> Option<&Insats> {
        self.list
            .selected_index()
            .and_then(|i| self.catalog.insatser.get(i))
    }

    /// What tells an insats apart from others with the same name, if any share it.
    #[must_use]
    pub fn label(&self, index: usize) -> Option<&str> {
        self.namesakes.label(index)
    }

    /// What tells insatser that read alike apart (same name, or names that differ only at
    /// the end).
    #[must_use]
    pub fn namesakes(&self) -> &Namesakes {
        &self.namesakes
    }

    /// The scope label of the list: the tree node's name or "hela katalogen".
    #[must_use]
    pub fn scope_label(&self) -> &str {
        if self.list.whole_catalog || self.tree.selected() == 0 {
            "hela katalogen"
        } else {
            self.tree.label()
        }
    }
}

/// `s` cut to at most `width` columns, ending with `…` when cut.
fn truncate_to(s: &str, width: usize) -> String {
    crate::text::truncate(s, width).into_owned()
}

/// Row `row` of the screen as a row inside a bordered pane, if it is inside.
fn row_in(r: Rect, row: u16) -> Option<usize> {
    let i = inner(r);
    (row >= i.y && row < i.y + i.height).then(|| usize::from(row - i.y))
}

fn cycle(focus: Focus, step: isize) -> Focus {
    const ORDER: [Focus; 3] = [Focus::Tree, Focus::List, Focus::Detail];
    let at = match focus {
        Focus::Tree => 0,
        Focus::List | Focus::Search => 1,
        Focus::Detail => 2,
    };
    ORDER[(at + ORDER.len()).saturating_add_signed(step) % ORDER.len()]
}
