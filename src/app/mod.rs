//! The interactive app: one state per view, a [`Mode`] for what is over them, and the one
//! `update(Action)` that changes it.
//!
//! `update` does no I/O and no drawing; everything it needs (the window size, hence page
//! heights) is kept here explicitly, so tests drive it directly without a terminal.
//!
//! - [`catalog`]: view 1, the catalogue's tree, search, list and detail pane.
//! - [`checklist`]: view 2, the indikator checklist.
//! - [`list`]: what both views are made of: the list under a search box, the text field,
//!   and the panes' keys, clicks and wheel.
//! - [`mode`]: the help overlay, the presentation and the checklist's text field.
//! - [`detail`], [`presentation`], [`tree`], [`layout`], [`paste`]: the detail pane's and
//!   the slide's text, the area tree, where panes sit, pasted text.

pub mod catalog;
pub mod checklist;
pub mod detail;
pub mod layout;
pub mod list;
pub mod mode;
pub mod paste;
pub mod presentation;
pub mod tree;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::action::{Action, Context};
use crate::checklist::{Fraga, Svar};
use crate::keymap::{Help, HelpView};
use crate::model::{Catalog, Insats, Namesakes};
use crate::search::Hit;

use catalog::{CatalogState, Cx};
use checklist::{ChecklistState, Editor, Outcome};
use layout::{Panes, inner};
use list::{ListState, WHEEL_STEP};
pub use mode::Mode;
use presentation::Presentation;
use tree::TreeState;

/// Which pane has the keyboard, in either view (the checklist's tree is its områden).
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

/// The whole state of the interactive app.
#[derive(Debug)]
pub struct App {
    catalog: Catalog,
    help: Help,
    /// View 1.
    browse: CatalogState,
    /// View 2.
    checklist: ChecklistState,
    view: View,
    /// What is over the view's panes, if anything.
    mode: Mode,
    status: Option<Status>,
    copy: Option<CopyRequest>,
    /// Where copied text is also saved, as the status message names it.
    copy_file: Option<String>,
    area: Rect,
    quit: bool,
}

/// The catalogue's view of the rest of the app, from the app's fields (so that the
/// catalogue's state can be borrowed mutably beside it).
macro_rules! cx {
    ($app:ident) => {
        Cx {
            catalog: &$app.catalog,
            area: $app.area,
            checklist: &$app.checklist,
            help: &$app.help,
        }
    };
}

impl App {
    /// A fresh app over `catalog`: whole catalogue listed, list focused, 80x24 until told.
    #[must_use]
    pub fn new(catalog: Catalog, help: Help) -> Self {
        let browse = CatalogState::new(&catalog);
        let checklist = ChecklistState::new(&catalog.indikatorer);
        App {
            catalog,
            help,
            browse,
            checklist,
            view: View::Catalog,
            mode: Mode::Panes,
            status: None,
            copy: None,
            copy_file: None,
            area: Rect::new(0, 0, 80, 24),
            quit: false,
        }
    }

    /// Start in the presentation mode.
    #[must_use]
    pub fn with_presentation(mut self) -> Self {
        self.mode = Mode::Presentation(Presentation::default());
        self
    }

    /// Start on the hits of `query` (as typed into the search box), best first.
    #[must_use]
    pub fn with_query(mut self, query: &str) -> Self {
        self.browse.set_query(query.to_string());
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
    /// open text field (a note keeps its line breaks) or the focused search box; elsewhere
    /// it is ignored.
    pub fn paste(&mut self, text: &str) {
        self.status = None;
        match &mut self.mode {
            Mode::Help { .. } | Mode::Presentation(_) => {}
            Mode::Editor(editor) => {
                self.checklist.message = None;
                editor.paste(text);
            }
            Mode::Panes if self.view == View::Checklist => self.checklist.paste(text),
            Mode::Panes => {
                self.browse.paste(text);
                self.browse.keep_visible(&cx!(self));
            }
        }
    }

    /// The app is ending without the user's word (a signal, a lost terminal): a note being
    /// typed becomes the indikator's note, to be saved with the rest.
    pub fn keep_draft(&mut self) {
        if let Mode::Editor(_) = self.mode.base()
            && let Mode::Editor(editor) = std::mem::take(self.mode.base_mut())
        {
            self.checklist.keep_draft(editor);
        }
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        let shown_before = self.browse.list().selected_index();
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
                self.mode = match std::mem::take(&mut self.mode) {
                    Mode::Help { under, .. } => *under,
                    m => Mode::Help {
                        scroll: 0,
                        under: Box::new(m),
                    },
                };
            }
            _ => match &self.mode {
                Mode::Help { .. } => self.update_help(action),
                Mode::Editor(_) => self.update_editor(action),
                Mode::Presentation(_) => self.update_presentation(action),
                Mode::Panes => self.update_panes(action),
            },
        }
        let shown_here = self.view == View::Catalog;
        if self.browse.list().selected_index() != shown_before
            && let Mode::Presentation(p) = self.mode.base_mut()
        {
            p.scroll = 0;
        }
        let cx = cx!(self);
        self.browse.settle(shown_before, shown_here, &cx);
        // In the checklist view only a new window size moves the catalogue's panes (laying
        // them out on every key there would cost the detail pane's text each time).
        if shown_here || matches!(action, Action::Resize { .. }) {
            self.browse.keep_visible(&cx);
        }
    }

    /// The view's panes have the keys: the view keys and the tab line first, then the
    /// view's own.
    fn update_panes(&mut self, action: Action) {
        match action {
            Action::Copy if self.view == View::Catalog => self.request_copy(),
            Action::TogglePresentation if self.view == View::Catalog => {
                self.mode = Mode::Presentation(Presentation::default());
            }
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
                    Outcome::OpenInsats(index) => {
                        self.view = View::Catalog;
                        self.browse.show_insats(index);
                    }
                    Outcome::Edit(editor) => self.mode = Mode::Editor(editor),
                }
            }
            _ => {
                // A message about the checklist (read-only, unreadable, unknown numbers)
                // shows in the catalogue's status line too, until the first key there.
                self.checklist.message = None;
                match action {
                    Action::AnswerGes => self.answer(Fraga::Ges),
                    Action::AnswerDigitalt => self.answer(Fraga::Digitalt),
                    Action::AnswerEnskildRegi => self.answer(Fraga::EnskildRegi),
                    Action::AnswerUtanBistandsbeslut => self.answer(Fraga::UtanBistandsbeslut),
                    _ => self.browse.update(action, &cx!(self)),
                }
            }
        }
    }

    /// The checklist's text field has the keys until Enter or Esc: a view key or a click
    /// on a tab does not leave it behind, half-typed, in a view not shown.
    fn update_editor(&mut self, action: Action) {
        let Mode::Editor(editor) = &mut self.mode else {
            return;
        };
        if !self.checklist.edit(editor, action) {
            self.mode = Mode::Panes;
        }
    }

    fn update_presentation(&mut self, action: Action) {
        match action {
            Action::Copy => self.request_copy(),
            Action::TogglePresentation => self.mode = Mode::Panes,
            _ => {
                let Mode::Presentation(p) = &mut self.mode else {
                    return;
                };
                match p.update(action, &mut self.browse, &cx!(self)) {
                    presentation::Outcome::Stay => {}
                    presentation::Outcome::Leave => self.mode = Mode::Panes,
                    presentation::Outcome::ToChecklist => {
                        self.mode = Mode::Panes;
                        self.show(View::Checklist);
                    }
                }
            }
        }
    }

    /// Switch to `view`; the checklist has no search box of the catalogue's to keep focused.
    fn show(&mut self, view: View) {
        self.view = view;
        if view == View::Checklist {
            self.browse.leave_search();
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
        let Mode::Help { scroll, under } = &mut self.mode else {
            return;
        };
        let max = lines.saturating_sub(shown);
        let step = |delta: isize, s: usize| s.saturating_add_signed(delta).min(max);
        let page = isize::try_from(shown).unwrap_or(1);
        *scroll = match action {
            Action::Up | Action::PrevInsats => step(-1, *scroll),
            Action::Down | Action::NextInsats => step(1, *scroll),
            Action::PageUp => step(-page, *scroll),
            Action::PageDown => step(page, *scroll),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Scroll { delta, .. } => step(WHEEL_STEP * isize::from(delta), *scroll),
            Action::Back | Action::Open => {
                self.mode = std::mem::take(under.as_mut());
                return;
            }
            _ => *scroll,
        };
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
        self.browse.detail_view(&cx!(self), width)
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
        self.browse.compare_row()
    }

    /// The panes of the current window size and focus.
    #[must_use]
    pub fn panes(&self) -> Panes {
        Panes::catalog(self.area, self.browse.focus())
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

    /// The key context: the help, the presentation (or a search typed in it), the
    /// checklist's text field; else the view's focused pane.
    #[must_use]
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Help { .. } => Context::Help,
            Mode::Presentation(p) if p.search.is_some() => Context::Search,
            Mode::Presentation(_) => Context::Presentation,
            Mode::Editor(_) => Context::Search,
            Mode::Panes if self.view == View::Checklist => self.checklist.context(),
            Mode::Panes => match self.browse.focus() {
                Focus::Tree => Context::Tree,
                Focus::Search => Context::Search,
                Focus::List => Context::List,
                Focus::Detail => Context::Detail,
            },
        }
    }

    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    /// What is over the view's panes.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    /// Whether the presentation mode is on (under the help overlay, too).
    #[must_use]
    pub fn presentation(&self) -> bool {
        self.mode.presentation().is_some()
    }
    /// Whether a search is being typed inside the presentation.
    #[must_use]
    pub fn presentation_search(&self) -> bool {
        self.mode.presentation().is_some_and(|p| p.search.is_some())
    }
    /// The checklist's open text field, if one is open (under the help overlay, too).
    #[must_use]
    pub fn editor(&self) -> Option<&Editor> {
        self.mode.editor()
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
            _ if self.presentation() => HelpView::Presentation,
            View::Catalog => HelpView::Catalog,
            View::Checklist => HelpView::Checklist,
        }
    }
    /// The presentation's slide for the selected insats at `width` × `height`.
    #[must_use]
    pub fn slide(&self, width: usize, height: usize) -> Vec<detail::DetailLine> {
        presentation::slide_from(
            &self.catalog,
            self.browse.list().selected_index().unwrap_or(usize::MAX),
            width,
            height,
            self.mode.presentation().map_or(0, |p| p.scroll),
        )
    }
    /// The catalogue's focused pane.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.browse.focus()
    }
    #[must_use]
    pub fn view(&self) -> View {
        self.view
    }
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
    /// The catalogue view's state.
    #[must_use]
    pub fn catalogue(&self) -> &CatalogState {
        &self.browse
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
        self.browse.tree()
    }
    /// The catalogue's search box and list.
    #[must_use]
    pub fn list(&self) -> &ListState<Hit> {
        self.browse.list()
    }
    #[must_use]
    pub fn help(&self) -> &Help {
        &self.help
    }
    #[must_use]
    pub fn help_open(&self) -> bool {
        matches!(self.mode, Mode::Help { .. })
    }
    #[must_use]
    pub fn help_scroll(&self) -> usize {
        match self.mode {
            Mode::Help { scroll, .. } => scroll,
            _ => 0,
        }
    }
    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.browse.detail_scroll()
    }
    /// The window area last told by a resize.
    #[must_use]
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The insats shown in the detail pane.
    #[must_use]
    pub fn selected_insats(&self) -> Option<&Insats> {
        self.browse
            .list()
            .selected_index()
            .and_then(|i| self.catalog.insatser.get(i))
    }

    /// What tells an insats apart from others with the same name, if any share it.
    #[must_use]
    pub fn label(&self, index: usize) -> Option<&str> {
        self.browse.namesakes().label(index)
    }

    /// What tells insatser that read alike apart (same name, or names that differ only at
    /// the end).
    #[must_use]
    pub fn namesakes(&self) -> &Namesakes {
        self.browse.namesakes()
    }

    /// The scope label of the list: the tree node's name or "hela katalogen".
    #[must_use]
    pub fn scope_label(&self) -> &str {
        self.browse.scope_label()
    }
}

/// `s` cut to at most `width` columns, ending with `…` when cut.
fn truncate_to(s: &str, width: usize) -> String {
    crate::text::truncate(s, width).into_owned()
}
