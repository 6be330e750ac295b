//! The interactive loop: synchronous, one update per event, terminal always restored.
//!
//! The catalogue and the keymap are loaded before this runs, so their errors print on a
//! normal screen. The terminal is restored on every ending: quit, a signal (SIGTERM; SIGHUP,
//! as when an SSH connection drops; SIGINT; SIGQUIT), on Windows a closed console window or
//! Ctrl-Break, a terminal that fails, and a panic, through a panic hook that restores before
//! the panic message prints. Ctrl-Z (or SIGTSTP) suspends the app as a shell job: the
//! terminal is given back, and taken again with a full redraw when the job continues. [`run`] hands the final
//! [`App`] back with the reason it ended, so that the caller can save what must survive
//! (`main.rs`, `save_before_exit`) on every ending but a panic.
//!
//! The checklist is saved after every action that changed it (the app itself does no I/O),
//! so a session that ends in any way has nothing unsaved unless a save failed; the store
//! comes back in [`Finished`] for one more try. A note being typed when a signal or a lost
//! terminal ends the app is kept as the note (see [`run`]).
//!
//! Pasted text arrives whole (bracketed paste) and goes to [`App::paste`]: it is text for the
//! field it lands in, never keys.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::cursor::Show;
#[cfg(unix)]
use crossterm::event::DisableBracketedPaste;
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
#[cfg(unix)]
pub const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// How often the loop wakes while waiting for a key, to notice a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// How long the loop may take to end after a signal before the process is ended for it.
#[cfg(unix)]
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
///
/// A note being typed when the app ends by a signal or a lost terminal (a dropped SSH
/// connection, a closed window) is kept as the indikator's note, and the caller's save
/// writes it: the user typed it, and losing the connection is no choice to throw it away.
/// (A separate draft the next start offers was the other way; it needs a second file and a
/// question at start for what is nearly always "yes, keep it".) Quitting by key never
/// reaches here with an open note: the editor takes the keys then.
#[must_use]
pub fn run(mut app: App, keymap: &Keymap, themes: &Themes, mut store: Option<Store>) -> Finished {
    install_panic_hook();
    let watch = match signals::watch() {
        Ok(w) => w,
        Err(e) => {
            return Finished {
                app,
                store,
                ending: Ending::Terminal(e),
            };
        }
    };
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
    let ending = event_loop(&mut terminal, &mut app, &mut store, keymap, themes, &watch);
    restore();
    // ratatui's Terminal shows a hidden cursor when dropped and prints to stderr if it
    // cannot, which panics when stderr is a terminal that has gone away (a dropped SSH
    // session). `restore` has shown the cursor already, so the drop is skipped.
    std::mem::forget(terminal);
    if !matches!(ending, Ending::Quit) {
        app.keep_draft();
    }
    Finished { app, store, ending }
}

/// Signals (unix) and console control events (Windows): how each platform tells the app to
/// end, and to suspend.
#[cfg(unix)]
mod signals {
    use std::io;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGSTOP, SIGTSTP};

    use super::{SIGNALS, STUCK_GRACE, restore};

    /// What the loop watches.
    pub struct Watch {
        /// The number of the signal that ends the app, 0 while none has come.
        pub ending: Arc<AtomicUsize>,
        /// SIGTSTP came: suspend.
        suspend: Arc<AtomicBool>,
        /// SIGCONT came: the process was stopped by something else; redraw.
        continued: Arc<AtomicBool>,
    }

    impl Watch {
        pub fn ending(&self) -> usize {
            self.ending.load(Ordering::SeqCst)
        }

        /// Whether SIGTSTP came since the last call.
        pub fn take_suspend(&self) -> bool {
            self.suspend.swap(false, Ordering::SeqCst)
        }

        /// Whether SIGCONT came since the last call.
        pub fn take_continued(&self) -> bool {
            self.continued.swap(false, Ordering::SeqCst)
        }
    }

    /// Make each of [`SIGNALS`] store its number instead of ending the process, and SIGTSTP
    /// and SIGCONT set their flags. A second ending signal after the first (but SIGHUP) ends
    /// the process at once (status 1), for one who sends the signal again to a stuck app.
    pub fn watch() -> io::Result<Watch> {
        let ending = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        for sig in SIGNALS {
            // Registered in this order, the shutdown checks the flag before the first signal
            // sets it. A hang-up comes twice as a rule (from the kernel to the foreground
            // job, and from the shell to each of its jobs): SIGHUP never ends the process
            // at once, or the save of a note being typed would be cut off; the grace thread
            // below still ends a loop that is stuck.
            if sig != SIGHUP {
                signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
            }
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
            let number = usize::try_from(sig).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(sig, Arc::clone(&ending), number)?;
        }
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        let continued = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&continued))?;
        // The loop notices the flag within SIGNAL_CHECK. Should it be stuck (inside a
        // terminal library that never returns), this ends the process after a grace time,
        // with the terminal restored; the caller's save does not run then.
        let mut signals = signal_hook::iterator::Signals::new(SIGNALS)?;
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                std::thread::sleep(STUCK_GRACE);
                restore();
                std::process::exit(128 + sig);
            }
        });
        Ok(Watch {
            ending,
            suspend,
            continued,
        })
    }

    /// Stop the process as the shell's job control expects (the terminal restored by the
    /// caller first); returns when the job is continued (`fg`).
    pub fn stop() {
        // SIGTSTP itself is caught here, so the stop comes from SIGSTOP, which cannot be.
        let _ = signal_hook::low_level::raise(SIGSTOP);
    }
}

/// Windows has no signals: the console reports Ctrl-C, Ctrl-Break and a closed window
/// through a control handler. `SetConsoleCtrlHandler` is called through `windows-sys`
/// (Microsoft's own bindings) rather than the `ctrlc` crate: `ctrlc` answers the event at
/// once and runs its callback on another thread, and Windows ends a process whose window was
/// closed as soon as the handler returns, so the last save could be cut off. This handler
/// waits instead, and the main thread, having restored and saved, ends the process first.
#[cfg(windows)]
mod signals {
    use std::io;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    /// The ending, numbered as the matching unix signal: 2 (SIGINT) for Ctrl-C and
    /// Ctrl-Break, 1 (SIGHUP) for a closed window, a logoff or a shutdown.
    static ENDING: AtomicUsize = AtomicUsize::new(0);

    /// How long the handler holds a closing window open: Windows ends the process after 5 s
    /// whatever the handler does.
    const CLOSE_GRACE: Duration = Duration::from_millis(4500);

    pub struct Watch;

    impl Watch {
        pub fn ending(&self) -> usize {
            ENDING.load(Ordering::SeqCst)
        }

        /// Windows has no job control.
        pub fn take_suspend(&self) -> bool {
            false
        }

        pub fn take_continued(&self) -> bool {
            false
        }
    }

    unsafe extern "system" fn handler(kind: u32) -> BOOL {
        let number = match kind {
            // In raw mode the console gives Ctrl-C to the app as a key (the keymap's quit);
            // this covers Ctrl-Break and Ctrl-C before raw mode is on.
            CTRL_C_EVENT | CTRL_BREAK_EVENT => 2,
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => 1,
            _ => return 0,
        };
        let first = ENDING
            .compare_exchange(0, number, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok();
        if number == 1 {
            // The process ends when this returns: give the loop time to notice, restore
            // and save; the main thread's exit ends the process (and this wait) sooner.
            std::thread::sleep(CLOSE_GRACE);
        } else if !first {
            // A second Ctrl-Break while the first is not handled: the loop is stuck.
            super::restore();
            std::process::exit(130);
        }
        1
    }

    pub fn watch() -> io::Result<Watch> {
        // SAFETY: registers a handler function that lives for the whole process.
        if unsafe { SetConsoleCtrlHandler(Some(handler), 1) } == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Watch)
    }

    pub fn stop() {}
}

/// Raw mode, the alternate screen and mouse capture.
fn enter() -> io::Result<DefaultTerminal> {
    take_terminal()?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Raw mode, the alternate screen, mouse capture and (on unix) bracketed paste.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    // Windows' console reads keys, not a byte stream, and crossterm reports no paste there;
    // see `discard_queued_keys` for what stands in for it.
    #[cfg(unix)]
    execute!(io::stdout(), crossterm::event::EnableBracketedPaste)?;
    Ok(())
}

/// Give the terminal back as it was: bracketed paste and mouse capture off, the normal
/// screen, the cursor shown, raw mode off. Every step is tried even if one fails (the
/// terminal may be gone), nothing is printed, and this never panics, so the panic hook can
/// call it.
pub fn restore() {
    ACTIVE.store(false, Ordering::SeqCst);
    let mut out = io::stdout();
    #[cfg(unix)]
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Ctrl-Z: give the terminal back, stop as a shell job, and take the terminal again with a
/// full redraw when continued (as vim does).
fn suspend(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    restore();
    signals::stop();
    take_terminal()?;
    redraw_all(terminal, app)
}

/// Forget what is on the screen, and take the window's size anew.
fn redraw_all(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    // A fresh `Terminal` has no previous frame, so the next draw paints every cell.
    // (`Terminal::clear` would do it too, but it first asks the terminal for the cursor
    // position and waits for an answer some terminals never give.)
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    let fresh = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // Dropped, the old one would print to stderr if it could not show the cursor.
    std::mem::forget(std::mem::replace(terminal, fresh));
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
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
    watch: &signals::Watch,
) -> Ending {
    let received = || match watch.ending() {
        0 => None,
        n => Some(Ending::Signal(i32::try_from(n).unwrap_or(0))),
    };
    // A terminal that hangs up also sends SIGHUP: report the signal when there is one. On a
    // busy machine the signal may arrive just after a read, a write or the hang-up check has
    // failed; waiting a moment for it reports the ending the same way whichever comes first.
    let failed = |e: io::Error| {
        let until = std::time::Instant::now() + Duration::from_millis(200);
        while received().is_none() && std::time::Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        received().unwrap_or(Ending::Terminal(e))
    };
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
            if watch.take_suspend() {
                if let Err(e) = suspend(terminal, app) {
                    return failed(e);
                }
                break;
            }
            if watch.take_continued() {
                // Stopped by something other than Ctrl-Z: the shell may have drawn over
                // the screen meanwhile.
                if let Err(e) = redraw_all(terminal, app) {
                    return failed(e);
                }
                break;
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
        if !matches!(input::wait(Duration::ZERO), input::Wait::Ready) {
            // Woken for a suspend or a redraw: draw first.
            continue;
        }
        match event::read() {
            Ok(Event::Paste(text)) => {
                app.paste(&text);
                sync_checklist(store, app);
            }
            Ok(ev) if is_suspend_key(&ev) => {
                if let Err(e) = suspend(terminal, app) {
                    return failed(e);
                }
            }
            Ok(ev) => {
                let editing = app.editor().is_some();
                if let Some(action) = to_action(&ev, app, keymap) {
                    app.update(action);
                    sync_checklist(store, app);
                }
                if editing && app.editor().is_none() && !PASTE_EVENTS {
                    discard_queued_keys();
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

/// Whether the terminal reports a paste as one event (bracketed paste). Windows' console
/// gives a paste as keys, one by one.
const PASTE_EVENTS: bool = cfg!(unix);

/// Ctrl-Z, which raw mode delivers as a key rather than as SIGTSTP: suspend, as every
/// terminal program does (unix only; Windows has no job control).
fn is_suspend_key(event: &Event) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    cfg!(unix)
        && matches!(event, Event::Key(k)
            if k.kind != KeyEventKind::Release
                && k.code == KeyCode::Char('z')
                && k.modifiers == KeyModifiers::CONTROL)
}

/// Where pastes come as keys (Windows): a paste with a line break into a note closes the
/// editor at the break, and the rest of the paste is already waiting. No one types that fast
/// after Enter, so what is queued at that moment is the paste's rest: it is dropped rather
/// than run as commands.
fn discard_queued_keys() {
    while matches!(event::poll(Duration::ZERO), Ok(true)) {
        match event::read() {
            Ok(Event::Key(_)) => {}
            // Anything else (a resize, the mouse) is not part of a paste, but it is one
            // event among the dropped keys: stop there and let the loop have it next.
            Ok(_) | Err(_) => break,
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

    /// Wait up to `timeout` for input: crossterm's own wait, used where there is nothing to
    /// watch besides it (Windows, whose console is no file descriptor and reports a closed
    /// window through the control handler; and unix when standard input is no terminal,
    /// since crossterm reads /dev/tty then).
    fn crossterm_wait(timeout: Duration) -> Wait {
        match event::poll(timeout) {
            Ok(true) => Wait::Ready,
            Ok(false) => Wait::Idle,
            Err(_) => Wait::HungUp,
        }
    }

    #[cfg(windows)]
    pub fn wait(timeout: Duration) -> Wait {
        crossterm_wait(timeout)
    }

    /// Wait up to `timeout` for input.
    ///
    /// crossterm's reader on unix is edge-triggered (mio): after it has read 1 KiB and
    /// found an event in it, the rest of a large input stays unread in the terminal until
    /// more bytes arrive. So the wait here is level-triggered `poll(2)` on standard input;
    /// when it reports bytes that crossterm will not take yet, the loop sleeps a little
    /// instead of asking again at once (which spun at 100 % CPU on a paste of a few KiB).
    /// Pastes themselves come whole, as one event, through bracketed paste.
    #[cfg(unix)]
    pub fn wait(timeout: Duration) -> Wait {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return crossterm_wait(timeout);
        }
        // Only hang-up and error: a check that costs nothing, whatever is queued.
        match stdin_poll(0, Duration::ZERO) {
            Poll::Gone => return Wait::HungUp,
            Poll::Unsupported => return crossterm_wait(timeout),
            Poll::Quiet | Poll::Readable => {}
        }
        // Events crossterm has read and queued already.
        if matches!(event::poll(Duration::ZERO), Ok(true)) {
            return Wait::Ready;
        }
        match stdin_poll(libc::POLLIN, timeout) {
            Poll::Gone => Wait::HungUp,
            Poll::Unsupported => crossterm_wait(timeout),
            Poll::Quiet => Wait::Idle,
            Poll::Readable => match event::poll(Duration::ZERO) {
                Ok(true) => Wait::Ready,
                Ok(false) => {
                    // Bytes crossterm takes with the next input (or the rest of a paste
                    // still arriving): wait without spinning.
                    std::thread::sleep(timeout.min(Duration::from_millis(10)));
                    Wait::Idle
                }
                Err(_) => Wait::HungUp,
            },
        }
    }

    /// What `poll(2)` says about standard input.
    #[cfg(unix)]
    enum Poll {
        /// Nothing to read.
        Quiet,
        /// Bytes to read.
        Readable,
        /// Hung up, or an error.
        Gone,
        /// `poll` cannot watch this terminal.
        Unsupported,
    }

    /// `POLLNVAL` per platform. On macOS (and the other Apple systems) `poll(2)` does not
    /// support terminal devices and answers `POLLNVAL` for a perfectly good terminal:
    /// taking that for a hang-up ended every session at once with status 129. There it
    /// means "cannot watch": the wait falls back to crossterm, and a closed terminal is
    /// noticed by its SIGHUP. Elsewhere (Linux, the BSDs) `POLLNVAL` means the descriptor
    /// is closed, which is the terminal gone.
    #[cfg(unix)]
    const NVAL_IS_UNSUPPORTED: bool = cfg!(target_vendor = "apple");

    /// `poll(2)` on standard input for `events` (hang-up and error are always reported).
    #[cfg(unix)]
    fn stdin_poll(events: libc::c_short, timeout: Duration) -> Poll {
        let mut fds = [libc::pollfd {
            fd: libc::STDIN_FILENO,
            events,
            revents: 0,
        }];
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, its count, and a timeout; poll writes only `revents`.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
        if n < 0 {
            return if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                Poll::Quiet
            } else {
                Poll::Gone
            };
        }
        let r = fds[0].revents;
        if r & libc::POLLNVAL != 0 {
            return if NVAL_IS_UNSUPPORTED {
                Poll::Unsupported
            } else {
                Poll::Gone
            };
        }
        if r & (libc::POLLHUP | libc::POLLERR) != 0 {
            Poll::Gone
        } else if r & libc::POLLIN != 0 {
            Poll::Readable
        } else {
            Poll::Quiet
        }
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
