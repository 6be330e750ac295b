//! The interactive loop: synchronous, one update per event, terminal always restored.
//!
//! The catalogue and the keymap are loaded before this runs, so their errors print on a
//! normal screen. `ratatui::init` restores the terminal on panic; mouse capture is undone
//! by a hook of ours that runs before it.
//!
//! After every action the checklist is saved if it changed (the app itself does no I/O), so
//! there is never anything unsaved to lose when the terminal or the connection goes away.

use std::io;
use std::path::Path;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::app::checklist::Source;
use crate::checklist::{Checklist, ChecklistError, Rules, Store, location};
use crate::keymap::Keymap;
use crate::model::Indikator;
use crate::ui::{self, Theme};

/// A checklist file opened for the app: the store that saves it (none when read-only), the
/// state, where it comes from, and what to tell the user.
#[derive(Debug)]
pub struct OpenedChecklist {
    pub store: Option<Store>,
    pub checklist: Checklist,
    pub source: Source,
    pub warnings: Vec<String>,
}

/// Open `path` for the app. A file another insats holds, or one that cannot be read, opens
/// read-only (empty when unreadable) with the reason; the file is never written then.
/// `kommun` names a new checklist.
#[must_use]
pub fn open_checklist(
    path: &Path,
    kommun: Option<&str>,
    indikatorer: &[Indikator],
) -> OpenedChecklist {
    let file = path.display().to_string();
    match Store::open(path, indikatorer) {
        Ok(mut o) => {
            if let Some(k) = kommun {
                o.checklist.name_kommun(k);
            }
            OpenedChecklist {
                store: Some(o.store),
                checklist: o.checklist,
                source: Source::File(file),
                warnings: o.warnings.iter().map(ToString::to_string).collect(),
            }
        }
        Err(locked @ ChecklistError::Locked { .. }) => {
            match Store::open_read_only(path, indikatorer) {
                Ok(o) => OpenedChecklist {
                    store: None,
                    checklist: o.checklist,
                    source: Source::ReadOnly {
                        file,
                        reason: "en annan insats har den öppen".to_string(),
                    },
                    warnings: vec![locked.to_string()],
                },
                Err(e) => unreadable(file, &e, indikatorer),
            }
        }
        Err(e) => unreadable(file, &e, indikatorer),
    }
}

fn unreadable(file: String, e: &ChecklistError, indikatorer: &[Indikator]) -> OpenedChecklist {
    OpenedChecklist {
        store: None,
        checklist: Checklist::new(Rules::new(indikatorer), None),
        source: Source::ReadOnly {
            file,
            reason: "filen kunde inte läsas och lämnas orörd; starta med --checklista NY_FIL för en ny fil".to_string(),
        },
        warnings: vec![e.to_string()],
    }
}

/// Save the checklist if it changed, and open the kommun the user chose; problems go to the
/// app's status line.
fn sync_checklist(store: &mut Option<Store>, app: &mut App) {
    if let Some(kommun) = app.checklist_mut().take_kommun_request() {
        let unsaved = store
            .as_ref()
            .is_some_and(|s| s.is_dirty(app.checklist().checklist()));
        if unsaved {
            app.checklist_mut().warn(
                "den öppna checklistan har ändringar som inte kunde sparas; byter inte kommun"
                    .to_string(),
            );
        } else {
            match location::kommun_file_from_env(&kommun) {
                Ok(path) => {
                    let o = open_checklist(&path, Some(&kommun), &app.catalog().indikatorer);
                    *store = o.store;
                    app.checklist_mut()
                        .set_checklist(o.checklist, o.source, &o.warnings);
                }
                Err(e) => app.checklist_mut().warn(e.to_string()),
            }
        }
    }
    if let Some(s) = store.as_mut()
        && let Err(e) = s.save(app.checklist().checklist())
    {
        app.checklist_mut().warn(e.to_string());
    }
}

/// Run the app until it quits; `store` saves the checklist the app was given.
///
/// # Errors
/// A failing terminal (drawing or reading events).
pub fn run(app: App, keymap: &Keymap, theme: Theme, store: Option<Store>) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Never panic here: ignore a failing write and let the next hook restore the rest.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| run_loop(&mut terminal, app, keymap, theme, store));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    keymap: &Keymap,
    theme: Theme,
    mut store: Option<Store>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while !app.should_quit() {
        terminal.draw(|f| ui::draw(f, &app, &theme))?;
        if let Some(action) = to_action(&event::read()?, &app, keymap) {
            app.update(action);
            sync_checklist(&mut store, &mut app);
        }
    }
    Ok(())
}

/// What a terminal event means to the app, if anything.
fn to_action(event: &Event, app: &App, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap.resolve(app.context(), k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                delta: -1,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                delta: 1,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}
