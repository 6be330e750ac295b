//! The interactive loop: synchronous, one update per event, terminal always restored.
//!
//! The catalogue and the keymap are loaded before this runs, so their errors print on a
//! normal screen. The terminal is restored on every ending: quit, a signal (SIGTERM; SIGHUP,
//! as when an SSH connection drops; SIGINT), a terminal that fails, and a panic, through a
//! panic hook that restores before the panic message prints. [`run`] hands the final
//! [`App`] back with the reason it ended, so that the caller can save what must survive
//! (`main.rs`, `save_before_exit`) on every ending but a panic.
//!
//! The checklist is saved after every action that changed it (the app itself does no I/O),
//! so a session that ends in any way has nothing unsaved unless a save failed; the store
//! comes back in [`Finished`] for one more try.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::{DefaultTerminal, Terminal};

use crate::action::Action;
use crate::app::App;
use crate::app::checklist::Source;
use crate::checklist::{AppOpened, Checklist, Store, location};
use crate::clipboard;
use crate::keymap::Keymap;
use crate::model::Indikator;
use crate::ui::{self, theme::Themes};

/// Signals that end the app cleanly: the terminal restored, the caller's save run.
pub const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// How often the loop wakes while waiting for a key, to notice a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// How long the loop may take to end after a signal before the process is ended for it.
const STUCK_GRACE: Duration = Duration::from_secs(3);

/// Environment variable that makes a debug build panic right after its first frame, so that
/// tests can check the panic path (restore, message). Release builds ignore it.
pub const TEST_PANIC_VAR: &str = "INSATS_TEST_PANIC";

/// Why the app ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal arrived (its number).
    Signal(i32),
    /// The terminal failed: it could not be set up, drawn to or read from (a closed
    /// connection, for instance).
    Terminal(io::Error),
}

/// The app's state at its end and why it ended.
#[derive(Debug)]
pub struct Finished {
    pub app: App,
    /// The store of the app's checklist, if it has one open for saving.
    pub store: Option<Store>,
    pub ending: Ending,
}

/// Whether the terminal is in raw mode on the alternate screen right now.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// A checklist file opened for the app: the store that saves it (none when read-only), the
/// state, where it comes from, and what to tell the user.
#[derive(Debug)]
pub struct OpenedChecklist {
    pub store: Option<Store>,
    pub checklist: Checklist,
    pub source: Source,
    pub warnings: Vec<String>,
}

/// Open `path` for the app. A file another insats holds, or a file or folder that is not
/// writable, opens read-only with its statuses and the reason; one that cannot be read opens
/// empty and read-only; the file is never written then. `kommun` names a new checklist.
#[must_use]
pub fn open_checklist(
    path: &Path,
    kommun: Option<&str>,
    indikatorer: &[Indikator],
) -> OpenedChecklist {
    let file = path.display().to_string();
    let o = AppOpened::open(path, kommun, indikatorer);
    OpenedChecklist {
        store: o.store,
        checklist: o.checklist,
        source: match o.read_only {
            None => Source::File(file),
            Some(reason) => Source::ReadOnly { file, reason },
        },
        warnings: o.warnings,
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

/// Run the app until it quits, a signal arrives or the terminal fails; `store` saves the
/// checklist the app was given. The terminal is restored before this returns.
#[must_use]
pub fn run(mut app: App, keymap: &Keymap, themes: &Themes, mut store: Option<Store>) -> Finished {
    install_panic_hook();
    let signal = Arc::new(AtomicUsize::new(0));
    if let Err(e) = watch_signals(&signal) {
        return Finished {
            app,
            store,
            ending: Ending::Terminal(e),
        };
    }
    let mut terminal = match enter() {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Finished {
                app,
                store,
                ending: Ending::Terminal(e),
            };
        }
    };
    let ending = event_loop(&mut terminal, &mut app, &mut store, keymap, themes, &signal);
    restore();
    // ratatui's Terminal shows a hidden cursor when dropped and prints to stderr if it
    // cannot, which panics when stderr is a terminal that has gone away (a dropped SSH
    // session). `restore` has shown the cursor already, so the drop is skipped.
    std::mem::forget(terminal);
    Finished { app, store, ending }
}

/// Make each of [`SIGNALS`] store its number in `signal` instead of ending the process. A
/// second signal after the first ends the process at once (status 1), in case the loop is
/// stuck writing to a terminal that is gone.
fn watch_signals(signal: &Arc<AtomicUsize>) -> io::Result<()> {
    let seen = Arc::new(AtomicBool::new(false));
    for sig in SIGNALS {
        // Registered in this order, the shutdown checks the flag before the first signal
        // sets it.
        signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
        signal_hook::flag::register(sig, Arc::clone(&seen))?;
        let number = usize::try_from(sig).unwrap_or(usize::MAX);
        signal_hook::flag::register_usize(sig, Arc::clone(signal), number)?;
    }
    // The loop notices the flag within SIGNAL_CHECK. Should it be stuck (inside a terminal
    // library that never returns), this ends the process after a grace time, with the
    // terminal restored; the caller's save does not run then.
    let mut signals = signal_hook::iterator::Signals::new(SIGNALS)?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            std::thread::sleep(STUCK_GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Raw mode, the alternate screen and mouse capture.
fn enter() -> io::Result<DefaultTerminal> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Give the terminal back as it was: mouse capture off, the normal screen, the cursor shown,
/// raw mode off. Every step is tried even if one fails (the terminal may be gone), nothing
/// is printed, and this never panics, so the panic hook can call it.
pub fn restore() {
    ACTIVE.store(false, Ordering::SeqCst);
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// A panic hook, installed once, that restores the terminal (when the app has it) before
/// the hook that was there before prints the panic message.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) {
                restore();
            }
            previous(info);
        }));
    });
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Option<Store>,
    keymap: &Keymap,
    themes: &Themes,
    signal: &AtomicUsize,
) -> Ending {
    let received = || match signal.load(Ordering::SeqCst) {
        0 => None,
        n => Some(Ending::Signal(i32::try_from(n).unwrap_or(0))),
    };
    // A terminal that hangs up also sends SIGHUP: report the signal when there is one.
    let failed = |e: io::Error| received().unwrap_or(Ending::Terminal(e));
    match terminal.size() {
        Ok(size) => app.update(Action::Resize {
            width: size.width,
            height: size.height,
        }),
        Err(e) => return failed(e),
    }
    let mut first_frame = true;
    loop {
        if let Some(ending) = received() {
            return ending;
        }
        if app.should_quit() {
            return Ending::Quit;
        }
        let theme = if app.presentation() {
            &themes.presentation
        } else {
            &themes.normal
        };
        if let Err(e) = terminal.draw(|f| ui::draw(f, app, theme)) {
            return failed(e);
        }
        if std::mem::take(&mut first_frame) {
            panic_if_asked();
        }
        // Wait for input, waking now and then to notice a signal. Events that crossterm
        // already read and queued come first; the terminal itself is asked only after a
        // check that it has not hung up, since crossterm reads a hung-up terminal forever.
        loop {
            if let Some(ending) = received() {
                return ending;
            }
            match input::wait(SIGNAL_CHECK) {
                input::Wait::Ready => break,
                input::Wait::Idle => {}
                input::Wait::HungUp => {
                    return failed(io::Error::new(
                        io::ErrorKind::BrokenPipe,
                        "terminalen har stängts",
                    ));
                }
            }
        }
        match event::read() {
            Ok(ev) => {
                if let Some(action) = to_action(&ev, app, keymap) {
                    app.update(action);
                    sync_checklist(store, app);
                }
                if let Some(request) = app.copy_request() {
                    let saved = copy(&request.text);
                    app.update(Action::Copied { saved });
                }
            }
            Err(e) => return failed(e),
        }
    }
}

/// Send `text` to the terminal's clipboard (OSC 52) and save it to the fallback file;
/// returns whether the file was written. A failing write to the terminal is not an error
/// of the app: the file still holds the text.
fn copy(text: &str) -> bool {
    let mut out = io::stdout();
    let _ = out
        .write_all(clipboard::copy_sequence(text, clipboard::in_tmux()).as_bytes())
        .and_then(|()| out.flush());
    clipboard::fallback_path().is_some_and(|f| clipboard::save(&f, text).is_ok())
}

/// Waiting for the terminal's input without letting crossterm read a terminal that has
/// hung up (its reader then loops on end-of-file without returning).
mod input {
    use std::io::IsTerminal;
    use std::time::Duration;

    use crossterm::event;

    pub enum Wait {
        /// An event can be read without blocking.
        Ready,
        /// Nothing came within the time.
        Idle,
        /// The terminal has gone (a closed connection).
        HungUp,
    }

    /// Wait up to `timeout` for input.
    pub fn wait(timeout: Duration) -> Wait {
        // Events crossterm has read and queued already.
        if !std::io::stdin().is_terminal() {
            // crossterm reads /dev/tty then, which this cannot watch; rely on it alone.
            return match event::poll(timeout) {
                Ok(true) => Wait::Ready,
                Ok(false) => Wait::Idle,
                Err(_) => Wait::HungUp,
            };
        }
        match stdin_poll(Duration::ZERO) {
            Some(false) => {}
            Some(true) | None => return Wait::HungUp,
        }
        if matches!(event::poll(Duration::ZERO), Ok(true)) {
            return Wait::Ready;
        }
        match stdin_poll(timeout) {
            Some(false) => match event::poll(Duration::ZERO) {
                Ok(true) => Wait::Ready,
                Ok(false) => Wait::Idle,
                Err(_) => Wait::HungUp,
            },
            Some(true) | None => Wait::HungUp,
        }
    }

    /// `poll(2)` on standard input: `Some(true)` if it has hung up or failed, `Some(false)`
    /// otherwise (input ready or not), `None` if poll itself failed.
    fn stdin_poll(timeout: Duration) -> Option<bool> {
        let mut fds = [libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        }];
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, its count, and a timeout; poll writes only `revents`.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
        if n < 0 {
            return (std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted)
                .then_some(false);
        }
        Some(fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
    }
}

/// In a debug build with [`TEST_PANIC_VAR`] set: panic, to test the panic path.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os(TEST_PANIC_VAR).is_some() {
        panic!("{TEST_PANIC_VAR} är satt: ett avsiktligt fel för att pröva återställningen");
    }
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
