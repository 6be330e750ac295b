//! The help model: the overlay's rows and the status line's hints, generated from a loaded
//! [`Keymap`] so that they always name the keys that work.

use strum::IntoEnumIterator as _;

use super::{KeyCombo, Keymap, Table, context_slot};
use crate::action::{Action, Context};

/// The groups of the help overlay, by what the keys do, in the overlay's order. Within a
/// group the actions stand in [`Action::bindable`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
enum Group {
    Move,
    Search,
    Checklist,
    Panes,
    Share,
    Answers,
    HelpQuit,
}

impl Group {
    fn title(self) -> &'static str {
        match self {
            Group::Move => "Gå runt",
            Group::Search => "Söka",
            Group::Checklist => "Checklistan",
            Group::Panes => "Rutor och vyer",
            Group::Share => "Visa och dela",
            Group::Answers => "Kommunens svar",
            Group::HelpQuit => "Hjälp och avsluta",
        }
    }

    /// The group an action is listed in; `None` for what the overlay does not list. A new
    /// action must be placed here: the `match` names every one.
    fn of(action: Action) -> Option<Group> {
        Some(match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::NextInsats
            | Action::PrevInsats
            | Action::Collapse
            | Action::Expand => Group::Move,
            Action::FocusSearch
            | Action::DeleteChar
            | Action::ClearSearch
            | Action::ToggleScope => Group::Search,
            Action::CycleStatus
            | Action::MarkUppfylld
            | Action::MarkDelvis
            | Action::MarkEjUppfylld
            | Action::MarkEjBedomd
            | Action::EditNote
            | Action::OpenLinked
            | Action::ChooseKommun => Group::Checklist,
            Action::Open
            | Action::Back
            | Action::NextPane
            | Action::PrevPane
            | Action::FocusTree
            | Action::ShowCatalog
            | Action::ShowChecklist => Group::Panes,
            Action::TogglePresentation | Action::Copy => Group::Share,
            Action::AnswerGes
            | Action::AnswerDigitalt
            | Action::AnswerEnskildRegi
            | Action::AnswerUtanBistandsbeslut => Group::Answers,
            Action::ToggleHelp | Action::Quit => Group::HelpQuit,
            Action::None
            | Action::InsertChar(_)
            | Action::Click { .. }
            | Action::Scroll { .. }
            | Action::Resize { .. }
            | Action::Copied { .. } => return None,
        })
    }
}

impl Keymap {
    /// The help text: for `[global]` and each context, its actions and their keys.
    #[must_use]
    pub fn help(&self) -> Help {
        let mut sections = Vec::new();
        let mut hints = Vec::new();
        let mut section = |title: &'static str, context: Option<Context>, table: &Table| {
            let mut rows = Vec::new();
            for action in Action::bindable() {
                if action == Action::None {
                    continue;
                }
                let keys: Vec<String> = table
                    .iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| k.to_string())
                    .collect();
                if !keys.is_empty() {
                    rows.push((keys.join(" "), action.description()));
                }
                let all = self.keys_for(context, action);
                if let Some(first) = all.first() {
                    hints.push((context, action, first.to_string()));
                }
            }
            if context == Some(Context::Search) {
                rows.push(("tecken".to_string(), Action::InsertChar(' ').description()));
            }
            sections.push(HelpSection { title, rows });
        };
        section("Överallt", None, &self.global);
        for c in Context::ALL {
            section(c.title(), Some(c), &self.contexts[context_slot(c)]);
        }
        let views = HelpView::ALL.iter().map(|&v| self.grouped(v)).collect();
        let mut close: Vec<String> = Vec::new();
        for action in [Action::Back, Action::ToggleHelp] {
            for k in self.keys_for(Some(Context::Help), action) {
                let k = k.to_string();
                if !close.contains(&k) {
                    close.push(k);
                }
            }
        }
        Help {
            sections,
            views,
            hints,
            close: close.join(" "),
        }
    }

    /// Every key named in the tables of `contexts` and then in `[global]`, in file order,
    /// once.
    fn all_keys(&self, contexts: &[Context]) -> Vec<KeyCombo> {
        let mut keys: Vec<KeyCombo> = Vec::new();
        let own = contexts
            .iter()
            .flat_map(|&c| self.contexts[context_slot(c)].iter());
        for (k, _) in own.chain(self.global.iter()) {
            if !keys.contains(k) {
                keys.push(*k);
            }
        }
        keys
    }

    /// The keys of a view, grouped by what they do: per action, the keys that do it, and
    /// where when not in every pane of the view. A key that types text in the search box
    /// counts as working everywhere if it does the action in every other pane.
    fn grouped(&self, view: HelpView) -> Vec<HelpGroup> {
        let keys = self.all_keys(view.contexts());
        let contexts = view.contexts();
        let mut groups = Vec::new();
        for group in Group::iter() {
            let title = group.title();
            let mut rows = Vec::new();
            let actions = Action::bindable().filter(|&a| Group::of(a) == Some(group));
            for action in actions.filter(|&a| view.handles(a)) {
                // (where the keys do it, empty for everywhere; the keys), by first key.
                let mut by_place: Vec<(Vec<Context>, Vec<KeyCombo>)> = Vec::new();
                for &key in &keys {
                    let Some(place) = self.place_of(contexts, key, action) else {
                        continue;
                    };
                    match by_place.iter_mut().find(|(p, _)| *p == place) {
                        Some((_, ks)) => ks.push(key),
                        None => by_place.push((place, vec![key])),
                    }
                }
                for (place, ks) in by_place {
                    let keys: Vec<String> = ks.iter().map(ToString::to_string).collect();
                    let place: Vec<&str> = place.iter().map(|c| c.place()).collect();
                    rows.push(HelpRow {
                        keys: keys.join(" "),
                        text: view.describe(action),
                        place: (!place.is_empty()).then(|| place.join(", ")),
                    });
                }
                if action == Action::FocusSearch && contexts.contains(&Context::Search) {
                    // In the catalogue every pane types into the search box; elsewhere only
                    // the text fields do.
                    let everywhere = contexts.iter().all(|c| c.types_text());
                    rows.push(HelpRow {
                        keys: "tecken".to_string(),
                        text: Action::InsertChar(' ').description(),
                        place: (!everywhere).then(|| Context::Search.place().to_string()),
                    });
                }
            }
            if !rows.is_empty() {
                groups.push(HelpGroup { title, rows });
            }
        }
        groups
    }

    /// Where in a view `key` does `action`: `None` nowhere, an empty list everywhere,
    /// else the contexts.
    fn place_of(
        &self,
        contexts: &[Context],
        key: KeyCombo,
        action: Action,
    ) -> Option<Vec<Context>> {
        if contexts.is_empty() {
            return (self.lookup_global(key) == Some(action)).then(Vec::new);
        }
        let place: Vec<Context> = contexts
            .iter()
            .copied()
            .filter(|&c| self.resolve_combo(c, key) == Some(action))
            .collect();
        if place.is_empty() {
            return None;
        }
        let everywhere = contexts
            .iter()
            .filter(|&&c| !c.types_text() || key.typed_char().is_none())
            .all(|c| place.contains(c));
        Some(if everywhere { Vec::new() } else { place })
    }
}

/// The screens whose keys the help overlay lists, each with the contexts it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpView {
    /// The catalogue: tree, list, detail and search box.
    Catalog,
    /// The presentation mode.
    Presentation,
    /// The indicator checklist: its table and its text fields.
    Checklist,
}

impl HelpView {
    const ALL: [HelpView; 3] = [
        HelpView::Catalog,
        HelpView::Presentation,
        HelpView::Checklist,
    ];

    fn contexts(self) -> &'static [Context] {
        match self {
            HelpView::Catalog => &[
                Context::Tree,
                Context::List,
                Context::Detail,
                Context::Search,
            ],
            HelpView::Presentation => &[Context::Presentation],
            HelpView::Checklist => &[Context::Checklist, Context::Search],
        }
    }

    /// What `action` does in this view, where it differs from [`Action::description`].
    #[must_use]
    pub fn describe(self, action: Action) -> &'static str {
        match (self, action) {
            (HelpView::Checklist, Action::ToggleScope) => "sök i valt område / alla områden",
            (HelpView::Checklist, Action::Open) => "öppna / spara",
            (HelpView::Checklist, Action::Back) => "tillbaka / avbryt",
            (HelpView::Presentation, Action::Top) => "första insatsen",
            (HelpView::Presentation, Action::Bottom) => "sista insatsen",
            (HelpView::Presentation, Action::Back) => "tillbaka till katalogen",
            (HelpView::Presentation, Action::FocusSearch) => {
                "sök bland insatserna (i presentationen)"
            }
            (HelpView::Presentation, Action::Up) => "rulla förklaringen upp / föregående insats",
            (HelpView::Presentation, Action::Down) => "rulla förklaringen ned / nästa insats",
            _ => action.description(),
        }
    }

    /// Whether the view does something with `action` (the help lists only those).
    #[must_use]
    pub fn handles(self, action: Action) -> bool {
        match self {
            HelpView::Catalog => !matches!(action, Action::NextInsats | Action::PrevInsats),
            HelpView::Presentation => matches!(
                action,
                Action::Up
                    | Action::Down
                    | Action::NextInsats
                    | Action::PrevInsats
                    | Action::Top
                    | Action::Bottom
                    | Action::FocusSearch
                    | Action::Back
                    | Action::ShowCatalog
                    | Action::ShowChecklist
                    | Action::TogglePresentation
                    | Action::Copy
                    | Action::ToggleHelp
                    | Action::Quit
            ),
            HelpView::Checklist => !matches!(
                action,
                Action::NextInsats
                    | Action::PrevInsats
                    | Action::Collapse
                    | Action::Expand
                    | Action::TogglePresentation
                    | Action::Copy
            ),
        }
    }

    fn slot(self) -> usize {
        match self {
            HelpView::Catalog => 0,
            HelpView::Presentation => 1,
            HelpView::Checklist => 2,
        }
    }
}

/// One row of the help overlay: keys, what they do, and where if not in every pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: &'static str,
    pub place: Option<String>,
}

/// A heading of the help overlay (what the keys do) and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpGroup {
    pub title: &'static str,
    pub rows: Vec<HelpRow>,
}

/// One heading of the help overlay and its rows of (keys, description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<(String, &'static str)>,
}

/// The help overlay's text and the status line's hints, generated from a loaded keymap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Help {
    /// Per table of the keymap: its actions and keys.
    pub sections: Vec<HelpSection>,
    /// Per [`HelpView`]: its keys grouped by what they do.
    views: Vec<Vec<HelpGroup>>,
    hints: Vec<(Option<Context>, Action, String)>,
    /// The keys that close the help overlay, as its title shows them.
    close: String,
}

impl Help {
    /// The first key that does `action` in a context (`None`: in `[global]`), for hints.
    #[must_use]
    pub fn key(&self, context: Option<Context>, action: Action) -> Option<&str> {
        self.hints
            .iter()
            .find(|(c, a, _)| *c == context && *a == action)
            .map(|(_, _, k)| k.as_str())
    }

    /// The keys that close the help overlay, space-separated ("Esc q F1").
    #[must_use]
    pub fn close_keys(&self) -> &str {
        &self.close
    }

    /// The keys of a view, grouped by what they do.
    #[must_use]
    pub fn groups(&self, view: HelpView) -> &[HelpGroup] {
        self.views.get(view.slot()).map_or(&[], Vec::as_slice)
    }

    /// Number of lines the help overlay needs for a view: a heading and a blank line per
    /// group.
    #[must_use]
    pub fn line_count(&self, view: HelpView) -> usize {
        self.groups(view).iter().map(|g| g.rows.len() + 2).sum()
    }
}
