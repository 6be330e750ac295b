//! Everything a key (or a mouse event) can mean to the app, and the contexts keys resolve in.
//!
//! Bindable actions are named in `keymap.toml` in snake_case ([`Action::name`], parsed with
//! `str::parse`). Typed text, mouse events and resizes are internal variants
//! (`#[strum(disabled)]`): a keymap cannot name them. The enum is the one list of actions:
//! [`Action::bindable`] and the names are derived from it, the help overlay's groups are an
//! exhaustive `match` on it ([`crate::keymap::help`]).

use strum::IntoEnumIterator as _;

/// One thing the app can do. The bindable actions come first, in the order the help overlay
/// lists them; the internal ones last.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Move up one row (or scroll up one line).
    Up,
    /// Move down one row (or scroll down one line).
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// In the presentation: the next insats of the list.
    NextInsats,
    /// In the presentation: the previous insats of the list.
    PrevInsats,
    /// Collapse the tree node, or go to its parent.
    Collapse,
    /// Expand the tree node, or go to its first child.
    Expand,
    /// Open the selected row: expand a tree node, show an insats in the detail pane.
    Open,
    /// Put the cursor in the search box.
    FocusSearch,
    /// Delete the last character of the search.
    DeleteChar,
    /// Clear the search text.
    ClearSearch,
    /// Switch between searching the selected tree node and the whole catalogue.
    ToggleScope,
    /// Leave the search box, or in the list clear the search (the selected insats stays
    /// selected); closes the help overlay.
    Back,
    /// Focus the next pane (tree → list → detail).
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the area tree (shows it when the window is narrow).
    FocusTree,
    /// Show the catalogue (view 1).
    ShowCatalog,
    /// Show the indicator checklist (view 2).
    ShowChecklist,
    /// Show the selected insats over the whole screen, for presenting; again to leave.
    TogglePresentation,
    /// Copy the selected insats as plain text to the clipboard (OSC 52) and a file.
    Copy,
    /// Checklist: the next status of the selected indikator (ej bedömd → uppfylld → delvis →
    /// ej uppfylld), skipping delvis where the indikator does not define it.
    CycleStatus,
    /// Checklist: mark the selected indikator uppfylld.
    MarkUppfylld,
    /// Checklist: mark the selected indikator delvis uppfylld (where defined).
    MarkDelvis,
    /// Checklist: mark the selected indikator ej uppfylld.
    MarkEjUppfylld,
    /// Checklist: mark the selected indikator ej bedömd again.
    MarkEjBedomd,
    /// Checklist: write or change the note of the selected indikator.
    EditNote,
    /// Checklist: show the linked insats in the catalogue (`F3` comes back).
    OpenLinked,
    /// Checklist: choose the kommun whose checklist to open.
    ChooseKommun,
    /// Catalogue, with a kommun chosen: the kommun's answer to "ges insatsen?" for the
    /// selected insats, in turn obesvarad → ja → nej.
    AnswerGes,
    /// … to "digitalt?".
    AnswerDigitalt,
    /// … to "i enskild regi?".
    AnswerEnskildRegi,
    /// … to "utan biståndsbeslut?".
    AnswerUtanBistandsbeslut,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Leave the app.
    Quit,
    /// Do nothing: binding a key to `none` removes its default binding.
    None,
    /// A character typed into the search box.
    #[strum(disabled)]
    InsertChar(char),
    /// A left click at a screen cell.
    #[strum(disabled)]
    Click { column: u16, row: u16 },
    /// The mouse wheel at a screen cell; negative is up.
    #[strum(disabled)]
    Scroll { column: u16, row: u16, delta: i8 },
    /// The terminal has a new size.
    #[strum(disabled)]
    Resize { width: u16, height: u16 },
    /// The copy asked for has been sent to the terminal; `saved` tells whether the file
    /// copy was written too.
    #[strum(disabled)]
    Copied { saved: bool },
}

impl Action {
    /// Every bindable action, in the order the help overlay lists them.
    pub fn bindable() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// The name a keymap gives the action (`page_down`); `None` for the internal actions
    /// (typed text, mouse, resize), which no keymap can name.
    ///
    /// ```
    /// use insats::action::Action;
    /// assert_eq!(Action::PageDown.name(), Some("page_down"));
    /// assert_eq!("page_down".parse(), Ok(Action::PageDown));
    /// assert_eq!(Action::InsertChar('a').name(), None);
    /// ```
    #[must_use]
    pub fn name(self) -> Option<&'static str> {
        // The derived conversion panics on the internal (disabled) variants: ask first.
        Action::bindable().any(|a| a == self).then(|| self.into())
    }

    /// A short Swedish description for the help overlay and the status line.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "avsluta",
            Action::ToggleHelp => "visa/dölj hjälpen",
            Action::NextPane => "nästa ruta",
            Action::PrevPane => "föregående ruta",
            Action::FocusTree => "gå till områdesträdet",
            Action::FocusSearch => "sök",
            Action::Back => "tillbaka / rensa sökningen",
            Action::Up => "upp",
            Action::Down => "ned",
            Action::PageUp => "sida upp",
            Action::PageDown => "sida ned",
            Action::Top => "första raden",
            Action::Bottom => "sista raden",
            Action::Collapse => "fäll ihop / gå till överordnad",
            Action::Expand => "fäll ut / gå till första underordnade",
            Action::Open => "öppna",
            Action::ToggleScope => "sök i valt område / hela katalogen",
            Action::DeleteChar => "radera tecken",
            Action::ClearSearch => "rensa sökningen",
            Action::ShowCatalog => "katalogen",
            Action::ShowChecklist => "checklista för indikatorer",
            Action::TogglePresentation => "presentationsläget på/av",
            Action::NextInsats => "nästa insats",
            Action::PrevInsats => "föregående insats",
            Action::Copy => "kopiera insatsen som text",
            Action::Copied { .. } => "kopierad",
            Action::CycleStatus => "nästa status",
            Action::MarkUppfylld => "uppfylld",
            Action::MarkDelvis => "delvis uppfylld",
            Action::MarkEjUppfylld => "ej uppfylld",
            Action::MarkEjBedomd => "ej bedömd",
            Action::EditNote => "skriv anteckning",
            Action::OpenLinked => "visa kopplad insats i katalogen",
            Action::ChooseKommun => "välj kommun",
            Action::AnswerGes => "kommunens svar: ges (ja/nej/obesvarad)",
            Action::AnswerDigitalt => "kommunens svar: digitalt",
            Action::AnswerEnskildRegi => "kommunens svar: i enskild regi",
            Action::AnswerUtanBistandsbeslut => "kommunens svar: utan biståndsbeslut",
            Action::None => "ingenting",
            Action::InsertChar(_) => "skriv i sökrutan",
            Action::Click { .. } => "klicka",
            Action::Scroll { .. } => "rulla",
            Action::Resize { .. } => "ändra storlek",
        }
    }
}

/// Where keys are resolved: the focused pane of the catalogue, the search box (and any other
/// text field), the checklist view, or the presentation. Each has a table in `keymap.toml`;
/// `[global]` is the fallback for all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Tree,
    List,
    Detail,
    Search,
    Presentation,
    /// Every pane of the checklist view (view 2) outside its text fields.
    Checklist,
    /// The help overlay, over any view.
    Help,
}

impl Context {
    /// All contexts, in the order of the help overlay.
    pub const ALL: [Context; 7] = [
        Context::Tree,
        Context::List,
        Context::Detail,
        Context::Search,
        Context::Presentation,
        Context::Checklist,
        Context::Help,
    ];

    /// Whether a key that types a character types it into the search box here, unless the
    /// context's own table binds it: in every pane of the catalogue (typing searches, as in
    /// fzf) and in any text field.
    #[must_use]
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Context::Tree | Context::List | Context::Detail | Context::Search
        )
    }

    /// Where the context is, as the help overlay says it: "i listan".
    #[must_use]
    pub fn place(self) -> &'static str {
        match self {
            Context::Tree => "trädet",
            Context::List => "listan",
            Context::Detail => "detaljrutan",
            Context::Search => "sökrutan",
            Context::Presentation => "presentationen",
            Context::Checklist => "checklistan",
            Context::Help => "hjälpen",
        }
    }

    /// The table name in `keymap.toml`.
    #[must_use]
    pub fn table(self) -> &'static str {
        match self {
            Context::Tree => "tree",
            Context::List => "list",
            Context::Detail => "detail",
            Context::Search => "search",
            Context::Presentation => "presentation",
            Context::Checklist => "checklist",
            Context::Help => "help",
        }
    }

    /// A Swedish heading for the help overlay.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Context::Tree => "Områdesträdet",
            Context::List => "Listan",
            Context::Detail => "Detaljrutan",
            Context::Search => "Sökrutan och textfält",
            Context::Presentation => "Presentationen",
            Context::Checklist => "Checklistan",
            Context::Help => "Hjälpen",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindable_actions_parse_from_snake_case() {
        assert_eq!("toggle_help".parse(), Ok(Action::ToggleHelp));
        assert_eq!(Action::ToggleHelp.name(), Some("toggle_help"));
        assert!(Action::bindable().any(|a| a == Action::None));
    }

    /// The names are what users' keymap files say: they never change.
    #[test]
    fn the_names_and_their_order_stay() {
        let names: Vec<&str> = Action::bindable().filter_map(Action::name).collect();
        assert_eq!(
            names.join(" "),
            "up down page_up page_down top bottom next_insats prev_insats collapse expand \
             open focus_search delete_char clear_search toggle_scope back next_pane prev_pane \
             focus_tree show_catalog show_checklist toggle_presentation copy cycle_status \
             mark_uppfylld mark_delvis mark_ej_uppfylld mark_ej_bedomd edit_note open_linked \
             choose_kommun answer_ges answer_digitalt answer_enskild_regi \
             answer_utan_bistandsbeslut toggle_help quit none"
        );
        for a in Action::bindable() {
            let name = a.name().expect("a bindable action has a name");
            assert_eq!(name.parse(), Ok(a), "{name}");
        }
    }

    #[test]
    fn typed_text_cannot_be_named_in_a_keymap() {
        for name in [
            "insert_char",
            "click",
            "scroll",
            "resize",
            "copied",
            "InsertChar",
        ] {
            assert!(name.parse::<Action>().is_err(), "{name}");
        }
        assert_eq!(
            Action::Resize {
                width: 1,
                height: 1
            }
            .name(),
            None
        );
    }
}
