//! What has the keyboard over the view's panes. One mode at a time: which of the help, the
//! presentation or a text field takes a key is the mode's, not the order of match arms.

use super::checklist::Editor;
use super::presentation::Presentation;

/// The app's mode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The panes of the view shown.
    #[default]
    Panes,
    /// The catalogue's selected insats over the whole screen.
    Presentation(Presentation),
    /// The checklist's text field, for a note or the name of a kommun, over its panes.
    /// It keeps the keys until Enter or Esc.
    Editor(Editor),
    /// The help overlay, over the mode it was opened in, which comes back when it closes.
    Help { scroll: usize, under: Box<Mode> },
}

impl Mode {
    /// The mode under the help overlay, or this one when the help is not open.
    #[must_use]
    pub fn base(&self) -> &Mode {
        match self {
            Mode::Help { under, .. } => under.base(),
            m => m,
        }
    }

    /// [`Mode::base`], to change.
    pub fn base_mut(&mut self) -> &mut Mode {
        match self {
            Mode::Help { under, .. } => under.base_mut(),
            m => m,
        }
    }

    /// The presentation, shown (under the help overlay, too).
    #[must_use]
    pub fn presentation(&self) -> Option<&Presentation> {
        match self.base() {
            Mode::Presentation(p) => Some(p),
            _ => None,
        }
    }

    /// The checklist's open text field (under the help overlay, too).
    #[must_use]
    pub fn editor(&self) -> Option<&Editor> {
        match self.base() {
            Mode::Editor(e) => Some(e),
            _ => None,
        }
    }
}
