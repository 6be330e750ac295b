//! View 2, the indikator checklist: the områden with their progress, the indikatorer of the
//! selected område with a status mark, and the selected indikator; status keys, notes, a
//! search over titles and mått, and the way to a linked insats.
//!
//! Like the rest of `app`, no I/O here: a change to the [`Checklist`] moves its revision and
//! the loop saves it; choosing a kommun leaves a request the loop answers with
//! [`ChecklistState::set_checklist`].

pub mod detail;

use ratatui::layout::Rect;

use super::Focus;
use super::layout::{Panes, inner};
use super::list::{ListState, Panel, edit_text, paste_line};
use super::tree::keep_visible;
use crate::action::{Action, Context};
use crate::checklist::{Checklist, Fraga, Rules, Scope, Status, StatusError, Svar};
use crate::model::{Catalog, Indikator, IndikatorOmrade};
use crate::search::{IndikatorHit, IndikatorIndex};

/// Where the checklist comes from and whether changes are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// No checklist chosen yet: statuses show as *ej bedömd* and cannot be set.
    None,
    /// A file, opened for saving (every change is saved at once).
    File(String),
    /// A file opened only for reading, and why.
    ReadOnly { file: String, reason: String },
}

/// What the text field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    /// The note of an indikator.
    Note(u32),
    /// The name of the kommun whose checklist to open.
    Kommun,
}

/// The one-line text field of the checklist, open in [`super::Mode::Editor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub editing: Editing,
    pub text: String,
}

impl Editor {
    /// Pasted text: a note keeps its line breaks, a kommun's name is one line.
    pub fn paste(&mut self, text: &str) {
        match self.editing {
            Editing::Note(_) => self.text.push_str(&super::paste::as_text(text)),
            Editing::Kommun => self.text.push_str(&super::paste::as_line(text, usize::MAX)),
        }
    }
}

/// A message for the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub warning: bool,
    pub text: String,
}

/// What the app must do after a checklist action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Back to the catalogue.
    ToCatalog,
    /// Show this insats (by index into the catalogue) in the catalogue.
    OpenInsats(usize),
    /// Open the text field for a note or a kommun's name.
    Edit(Editor),
}

/// The checklist view's state.
#[derive(Debug)]
pub struct ChecklistState {
    checklist: Checklist,
    source: Source,
    index: IndikatorIndex,
    /// Which pane has the keyboard; the områden are the tree.
    pub focus: Focus,
    /// Selected område, an index into [`IndikatorOmrade::ALL`].
    pub omrade: usize,
    /// Search every område instead of the selected one.
    pub all_omraden: bool,
    /// The search box and the indikatorer listed, best first.
    pub list: ListState<IndikatorHit>,
    pub detail_scroll: usize,
    pub message: Option<Message>,
    kommun_request: Option<String>,
}

impl ChecklistState {
    /// The view over `indikatorer` with no checklist chosen.
    #[must_use]
    pub fn new(indikatorer: &[Indikator]) -> Self {
        let mut s = ChecklistState {
            checklist: Checklist::new(Rules::new(indikatorer), None),
            source: Source::None,
            index: IndikatorIndex::new(indikatorer),
            focus: Focus::List,
            omrade: 0,
            all_omraden: false,
            list: ListState::default(),
            detail_scroll: 0,
            message: None,
            kommun_request: None,
        };
        s.refresh(false);
        s
    }

    /// Put an opened checklist in place (from the command line, or after a kommun was
    /// chosen); `warnings` (unknown numbers kept, …) are shown in the status line.
    pub fn set_checklist(&mut self, checklist: Checklist, source: Source, warnings: &[String]) {
        self.checklist = checklist;
        self.source = source;
        if let (Source::ReadOnly { reason, .. }, None) = (&self.source, warnings.first()) {
            self.message = Some(Message {
                warning: true,
                text: format!("bara läsning: {reason}"),
            });
            return;
        }
        self.message = warnings.first().map(|w| Message {
            warning: true,
            text: if warnings.len() > 1 {
                format!("{w} (och {} varningar till)", warnings.len() - 1)
            } else {
                w.clone()
            },
        });
    }

    /// Show an error from outside (a save that failed, a file that could not be opened).
    pub fn warn(&mut self, text: String) {
        self.message = Some(Message {
            warning: true,
            text,
        });
    }

    /// The kommun the user chose, for the loop to open; taken once.
    pub fn take_kommun_request(&mut self) -> Option<String> {
        self.kommun_request.take()
    }

    #[must_use]
    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    /// The kommun whose file is open, for showing its answers beside the national figures;
    /// `None` when no kommun (or file) is chosen.
    #[must_use]
    pub fn kommun_name(&self) -> Option<String> {
        match &self.source {
            Source::None => None,
            Source::File(f) | Source::ReadOnly { file: f, .. } => Some(
                // A file without a kommun is named by its file name (`x` for `x.toml`).
                self.checklist.kommun().map_or_else(
                    || {
                        std::path::Path::new(f)
                            .file_stem()
                            .map_or_else(|| f.clone(), |s| s.to_string_lossy().into_owned())
                    },
                    str::to_string,
                ),
            ),
        }
    }

    /// The next answer to `fraga` for insats `id`: obesvarad → ja → nej → obesvarad. Returns
    /// the answer now in force; the loop saves the change.
    ///
    /// # Errors
    /// Why nothing changed: no kommun chosen, a read-only file, or `ges` is `nej`.
    pub fn next_answer(&mut self, id: &str, fraga: Fraga) -> Result<Option<Svar>, String> {
        if let Some(reason) = self.locked_reason() {
            return Err(reason.replace("välj kommun med c", "välj kommun med c i checklistan"));
        }
        let now = self.checklist.svar(id).and_then(|s| s.get(fraga));
        let next = match now {
            None => Some(Svar::Ja),
            Some(Svar::Ja) => Some(Svar::Nej),
            Some(Svar::Nej) => None,
        };
        self.checklist
            .set_svar(id, fraga, next)
            .map_err(|e| e.to_string())?;
        Ok(next)
    }

    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The selected område.
    #[must_use]
    pub fn selected_omrade(&self) -> IndikatorOmrade {
        IndikatorOmrade::ALL[self.omrade.min(IndikatorOmrade::ALL.len() - 1)]
    }

    /// The index (into the catalogue's indikatorer) of the selected indikator.
    #[must_use]
    pub fn selected_index(&self) -> Option<usize> {
        self.list.selected_index()
    }

    /// The key context: the search box, else the checklist table.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.focus == Focus::Search {
            Context::Search
        } else {
            Context::Checklist
        }
    }

    /// The panes for a window area.
    #[must_use]
    pub fn panes(&self, area: Rect) -> Panes {
        Panes::compute(area, self.focus)
    }

    fn refresh(&mut self, keep_selection: bool) {
        let omrade = (!self.all_omraden).then(|| self.selected_omrade());
        let hits = self.index.search(&self.list.query, omrade);
        self.list.set_hits(hits, keep_selection);
        self.detail_scroll = 0;
    }

    /// Apply one action; `area` is the window, for page heights and mouse hits.
    pub fn update(&mut self, action: Action, catalog: &Catalog, area: Rect) -> Outcome {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        let before = self.selected_index();
        match action {
            Action::NextPane => self.cycle_focus(1),
            Action::PrevPane => self.cycle_focus(-1),
            Action::FocusTree => self.focus = Focus::Tree,
            Action::FocusSearch => self.focus = Focus::Search,
            Action::Open => {
                self.focus = match self.focus {
                    Focus::Tree | Focus::Search => Focus::List,
                    Focus::List | Focus::Detail => Focus::Detail,
                };
            }
            Action::Back => return self.back(),
            Action::InsertChar(_) if self.focus != Focus::Search => {}
            Action::InsertChar(_) | Action::DeleteChar | Action::ClearSearch => {
                if edit_text(&mut self.list.query, action) {
                    self.refresh(false);
                }
            }
            Action::ToggleScope => {
                self.all_omraden = !self.all_omraden;
                self.refresh(true);
            }
            Action::CycleStatus => self.change_status(catalog, None),
            Action::MarkUppfylld => self.change_status(catalog, Some(Status::Uppfylld)),
            Action::MarkDelvis => self.change_status(catalog, Some(Status::Delvis)),
            Action::MarkEjUppfylld => self.change_status(catalog, Some(Status::EjUppfylld)),
            Action::MarkEjBedomd => self.change_status(catalog, Some(Status::EjBedomd)),
            Action::EditNote => {
                if let Some(editor) = self.start_note(catalog) {
                    return Outcome::Edit(editor);
                }
            }
            Action::ChooseKommun => {
                return Outcome::Edit(Editor {
                    editing: Editing::Kommun,
                    text: self.checklist.kommun().unwrap_or_default().to_string(),
                });
            }
            Action::OpenLinked => return self.open_linked(catalog),
            Action::Click { column, row } => {
                self.click(column, row, area);
            }
            Action::Scroll { column, row, delta } => self.wheel(column, row, delta, area),
            _ => {
                self.navigate(action, area);
            }
        }
        if self.selected_index() != before {
            self.detail_scroll = 0;
        }
        self.keep_visible(catalog, area);
        Outcome::Stay
    }

    fn back(&mut self) -> Outcome {
        match self.focus {
            Focus::Search | Focus::Detail => {
                self.focus = Focus::List;
            }
            Focus::List if !self.list.query.is_empty() => {
                self.list.query.clear();
                self.refresh(true);
            }
            Focus::Tree | Focus::List => return Outcome::ToCatalog,
        }
        Outcome::Stay
    }

    /// Why the checklist cannot be changed now, if it cannot.
    fn locked_reason(&self) -> Option<String> {
        match &self.source {
            Source::File(_) => None,
            Source::None => Some(
                "ingen checklista vald: välj kommun med c (eller starta med --kommun NAMN)"
                    .to_string(),
            ),
            Source::ReadOnly { reason, .. } => Some(format!("bara läsning: {reason}")),
        }
    }

    fn selected_indikator<'c>(&self, catalog: &'c Catalog) -> Option<&'c Indikator> {
        self.selected_index()
            .and_then(|i| catalog.indikatorer.get(i))
    }

    /// The område a status key changes for `ind`: the selected område when the indikator is
    /// published in it, else its only område; `None` for an indikator of several områden
    /// none of which is selected (after a search over all områden).
    #[must_use]
    pub fn omrade_for(&self, ind: &Indikator) -> Option<IndikatorOmrade> {
        let here = self.selected_omrade();
        if ind.omraden.contains(&here) {
            Some(here)
        } else if let [only] = ind.omraden.as_slice() {
            Some(*only)
        } else {
            None
        }
    }

    /// The status shown for `ind` in the list: its status in [`Self::omrade_for`]; where
    /// that is `None`, the status its områden share, or `None` when they differ.
    #[must_use]
    pub fn shown_status(&self, ind: &Indikator) -> Option<Status> {
        if let Some(o) = self.omrade_for(ind) {
            return Some(self.checklist.status(ind.nummer, o));
        }
        let all = self.checklist.statuses(ind.nummer);
        let first = all.first().map(|(_, s)| *s)?;
        all.iter().all(|(_, s)| *s == first).then_some(first)
    }

    fn change_status(&mut self, catalog: &Catalog, status: Option<Status>) {
        let Some(ind) = self.selected_indikator(catalog) else {
            return;
        };
        if let Some(reason) = self.locked_reason() {
            self.warn(reason);
            return;
        }
        let Some(omrade) = self.omrade_for(ind) else {
            self.warn(format!(
                "indikator {} finns i flera områden; välj ett av dem i områdeslistan för att sätta statusen där",
                ind.nummer
            ));
            return;
        };
        let result = match status {
            None => self.checklist.cycle(ind.nummer, omrade),
            Some(s) => self
                .checklist
                .set_status(ind.nummer, Scope::Omrade(omrade), s),
        };
        if let Err(e) = result {
            let text = match e {
                StatusError::Unknown(_) => format!("{e} (checklistan hör till en annan datamängd)"),
                _ => e.to_string(),
            };
            self.warn(text);
        }
    }

    /// Pasted text (see [`App::paste`](super::App::paste)): to the search box when it has
    /// the keyboard.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        if self.focus == Focus::Search && paste_line(&mut self.list.query, text) {
            self.refresh(false);
        }
    }

    /// The app is ending without the user's word (a signal, a lost terminal): a note being
    /// typed in `editor` becomes the indikator's note, to be saved with the rest.
    pub fn keep_draft(&mut self, editor: Editor) {
        if let Editing::Note(n) = editor.editing
            && let Err(e) = self.checklist.set_note(n, &editor.text)
        {
            self.warn(e.to_string());
        }
    }

    /// The text field for the selected indikator's note, if it can be changed.
    fn start_note(&mut self, catalog: &Catalog) -> Option<Editor> {
        let ind = self.selected_indikator(catalog)?;
        if let Some(reason) = self.locked_reason() {
            self.warn(reason);
            return None;
        }
        Some(Editor {
            editing: Editing::Note(ind.nummer),
            text: self.checklist.note(ind.nummer).to_string(),
        })
    }

    /// A key in the open text field `editor`: Enter saves the note (or asks the loop to
    /// open the kommun's checklist) and closes it, Esc closes it. Returns whether the field
    /// stays open.
    pub fn edit(&mut self, editor: &mut Editor, action: Action) -> bool {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        match action {
            Action::Back => return false,
            Action::Open => {
                let text = std::mem::take(&mut editor.text);
                match editor.editing {
                    Editing::Note(n) => {
                        if let Err(e) = self.checklist.set_note(n, &text) {
                            self.warn(e.to_string());
                        }
                    }
                    Editing::Kommun if !text.trim().is_empty() => {
                        self.kommun_request = Some(text.trim().to_string());
                    }
                    Editing::Kommun => {}
                }
                return false;
            }
            _ => {
                edit_text(&mut editor.text, action);
            }
        }
        true
    }

    fn open_linked(&mut self, catalog: &Catalog) -> Outcome {
        let Some(ind) = self.selected_indikator(catalog) else {
            return Outcome::Stay;
        };
        let linked = catalog.insatser_for(ind.nummer);
        // Prefer the insats of the område being looked at.
        let here = self.selected_omrade().insats_omrade();
        let chosen = linked
            .iter()
            .find(|i| Some(i.omrade) == here)
            .or_else(|| linked.first());
        match chosen.and_then(|i| catalog.position(&i.id)) {
            Some(pos) => Outcome::OpenInsats(pos),
            None => {
                self.warn(format!(
                    "indikator {} har ingen kopplad insats i katalogen",
                    ind.nummer
                ));
                Outcome::Stay
            }
        }
    }

    fn keep_visible(&mut self, catalog: &Catalog, area: Rect) {
        let p = self.panes(area);
        if let Some(r) = p.list {
            self.list.keep_visible(usize::from(inner(r).height));
        }
        if self.detail_scroll == 0 {
            return;
        }
        let max = p.detail.map_or(0, |r| {
            let r = inner(r);
            self.detail_lines(catalog, usize::from(r.width))
                .len()
                .saturating_sub(usize::from(r.height))
        });
        self.detail_scroll = self.detail_scroll.min(max);
    }

    /// The first row shown in an område pane `height` rows high: both rows of the selected
    /// område stay in view.
    #[must_use]
    pub fn omrade_offset(&self, height: usize) -> usize {
        keep_visible(self.omrade * OMRADE_ROWS + OMRADE_ROWS - 1, 0, height)
    }

    /// The detail pane's lines for the selected indikator at `width` columns.
    #[must_use]
    pub fn detail_lines(&self, catalog: &Catalog, width: usize) -> Vec<super::detail::DetailLine> {
        match self.selected_indikator(catalog) {
            Some(ind) => detail::lines(catalog, ind, &self.checklist, self.omrade_for(ind), width),
            None => Vec::new(),
        }
    }
}

/// Rows each område takes in the område pane.
pub const OMRADE_ROWS: usize = 2;

impl Panel for ChecklistState {
    type Item = IndikatorHit;

    fn focus(&self) -> Focus {
        self.focus
    }
    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }
    fn panes(&self, area: Rect) -> Panes {
        ChecklistState::panes(self, area)
    }
    fn list(&self) -> &ListState<IndikatorHit> {
        &self.list
    }
    fn list_mut(&mut self) -> &mut ListState<IndikatorHit> {
        &mut self.list
    }
    fn detail_scroll_mut(&mut self) -> &mut usize {
        &mut self.detail_scroll
    }
    fn move_tree(&mut self, delta: isize) {
        let last = IndikatorOmrade::ALL.len() - 1;
        self.select_omrade(self.omrade.saturating_add_signed(delta).min(last));
    }
    /// Each område takes two rows: its name and its progress.
    fn click_tree(&mut self, n: usize, height: usize) {
        let n = (self.omrade_offset(height) + n) / OMRADE_ROWS;
        if n < IndikatorOmrade::ALL.len() {
            self.select_omrade(n);
        }
    }
}

impl ChecklistState {
    fn select_omrade(&mut self, n: usize) {
        if n != self.omrade {
            self.omrade = n;
            self.all_omraden = false;
            self.refresh(false);
        }
    }
}
