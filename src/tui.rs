//! The interactive loop: synchronous, one update per event, terminal always restored.
//!
//! The catalogue and the keymap are loaded before this runs, so their errors print on a
//! normal screen. `ratatui::init` restores the terminal on panic; mouse capture is undone
//! by a hook of ours that runs before it.

use std::io;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::keymap::Keymap;
use crate::ui::{self, Theme};

/// Run the app until it quits.
///
/// # Errors
/// A failing terminal (drawing or reading events).
pub fn run(app: App, keymap: &Keymap, theme: Theme) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Never panic here: ignore a failing write and let the next hook restore the rest.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| run_loop(&mut terminal, app, keymap, theme));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    keymap: &Keymap,
    theme: Theme,
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
