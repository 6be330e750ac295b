//! `insats render`: what the app would show, as text, SVG or HTML.
//!
//! The app is built in memory and brought to the asked state through its own `update`, with
//! the actions a user's keys would give (search box, typed characters, Enter, arrow keys),
//! then drawn into ratatui's `TestBackend`, whose buffer [`crate::snapshot`] writes out.

use std::process::ExitCode;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::show::{Resolved, resolve};
use super::{NO_RESULT, USAGE_OR_DATA, emit, warn};
use crate::action::Action;
use crate::app::App;
use crate::app::checklist::Source;
use crate::checklist::Checklist;
use crate::cli::{RenderArgs, RenderFormat, ViewArg};
use crate::keymap::Help;
use crate::model::Catalog;
use crate::snapshot;
use crate::ui::{self, Theme, theme::Themes};

/// Why the asked state cannot be reached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("ingen insats har id eller namn {0:?}")]
    NoSuchInsats(String),
    #[error("{0:?} passar flera insatser; ange ett id (se `insats search`)")]
    Ambiguous(String),
    #[error("insatsen {id} finns inte bland träffarna för {query:?}")]
    NotAHit { id: String, query: String },
    #[error("{0} gäller bara vyn katalog")]
    OnlyInCatalog(&'static str),
}

impl RenderError {
    fn exit_code(&self) -> u8 {
        match self {
            RenderError::Ambiguous(_) | RenderError::OnlyInCatalog(_) => USAGE_OR_DATA,
            RenderError::NoSuchInsats(_) | RenderError::NotAHit { .. } => NO_RESULT,
        }
    }
}

/// A kommun's checklist to draw in the checklist view, as the app would open it.
#[derive(Debug)]
pub struct OpenChecklist {
    pub checklist: Checklist,
    pub source: Source,
    pub warnings: Vec<String>,
}

/// The actions that bring a fresh app to the state `args` asks for, given the catalogue
/// (and the kommun's checklist, if one is named).
///
/// # Errors
/// `--select` names no insats, several, or one that the search does not find; `--select`
/// or `--presentation` with the checklist view.
pub fn build(
    catalog: Catalog,
    help: Help,
    args: &RenderArgs,
    checklist: Option<OpenChecklist>,
) -> Result<App, RenderError> {
    if args.view == ViewArg::Checklista {
        return checklist_view(catalog, help, args, checklist);
    }
    let wanted = match &args.select {
        None => None,
        Some(arg) => match resolve(&catalog, arg) {
            Resolved::One(n) => Some(n),
            Resolved::Many(_) => return Err(RenderError::Ambiguous(arg.clone())),
            Resolved::Nothing => return Err(RenderError::NoSuchInsats(arg.clone())),
        },
    };
    let mut app = App::new(catalog, help);
    app.update(Action::Resize {
        width: args.size.width,
        height: args.size.height,
    });
    if let Some(query) = &args.query {
        app.update(Action::FocusSearch);
        for c in query.chars() {
            app.update(Action::InsertChar(c));
        }
        app.update(Action::Open);
    }
    if let Some(index) = wanted {
        let Some(row) = app.list().hits.iter().position(|h| h.index == index) else {
            return Err(RenderError::NotAHit {
                id: app.catalog().insatser[index].id.clone(),
                query: args.query.clone().unwrap_or_default(),
            });
        };
        app.update(Action::Top);
        for _ in 0..row {
            app.update(Action::Down);
        }
    }
    if args.presentation {
        app.update(Action::TogglePresentation);
    }
    Ok(app)
}

/// The checklist view: the kommun's checklist loaded, the search typed into its own box.
fn checklist_view(
    catalog: Catalog,
    help: Help,
    args: &RenderArgs,
    checklist: Option<OpenChecklist>,
) -> Result<App, RenderError> {
    if args.select.is_some() {
        return Err(RenderError::OnlyInCatalog("--select"));
    }
    if args.presentation {
        return Err(RenderError::OnlyInCatalog("--presentation"));
    }
    let mut app = App::new(catalog, help);
    app.update(Action::Resize {
        width: args.size.width,
        height: args.size.height,
    });
    if let Some(c) = checklist {
        app.checklist_mut()
            .set_checklist(c.checklist, c.source, &c.warnings);
    }
    app.update(Action::ShowChecklist);
    if let Some(query) = &args.query {
        app.update(Action::FocusSearch);
        for c in query.chars() {
            app.update(Action::InsertChar(c));
        }
        app.update(Action::Open);
    }
    Ok(app)
}

/// Draw `app` in a window of its last told size.
#[must_use]
pub fn draw(app: &App, theme: &Theme) -> Buffer {
    let area = app.area();
    let mut terminal =
        Terminal::new(TestBackend::new(area.width, area.height)).unwrap_or_else(|e| match e {});
    terminal
        .draw(|f| ui::draw(f, app, theme))
        .unwrap_or_else(|e| match e {});
    terminal.backend().buffer().clone()
}

/// `insats render`.
#[must_use]
pub fn run(
    catalog: Catalog,
    help: Help,
    args: &RenderArgs,
    checklist: Option<OpenChecklist>,
    themes: &Themes,
) -> ExitCode {
    let app = match build(catalog, help, args, checklist) {
        Ok(app) => app,
        Err(e) => {
            warn(&e.to_string());
            return ExitCode::from(e.exit_code());
        }
    };
    let theme = if app.presentation() {
        &themes.presentation
    } else {
        &themes.normal
    };
    let buf = draw(&app, theme);
    emit(&match args.format {
        RenderFormat::Text => snapshot::to_text(&buf),
        RenderFormat::Svg => snapshot::to_svg(&buf, &theme.palette),
        RenderFormat::Html => snapshot::to_html(&buf, &theme.palette),
    })
}
