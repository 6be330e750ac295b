//! Entry point: parse the command line, load data and keymap, run a subcommand or the app.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use insats::app::App;
use insats::checklist::{Store, location};
use insats::cli::{ChecklistaCommand, Cli, Command, KommunCommand, RenderFormat};
use insats::clipboard;
use insats::commands::checklista::{self, Target};
use insats::commands::out::resolve_color;
use insats::config;
use insats::data::{self, Source};
use insats::keymap::{self, Keymap};
use insats::tui::{self, Ending};
use insats::ui::theme::{Themes, no_color_env};

fn main() -> ExitCode {
    report_panics();
    let cli = insats::cli::parse();
    if let Some(Command::Keymap { profil }) = cli.command {
        return insats::commands::emit(match profil {
            None => keymap::DEFAULT_KEYMAP,
            Some(insats::cli::KeymapProfile::Vi) => keymap::VI_PROFILE,
        });
    }
    match cli.command {
        Some(Command::Completions { shell }) => return insats::commands::docs::completions(shell),
        Some(Command::Man) => return insats::commands::docs::man(),
        _ => {}
    }
    let out = insats::commands::out::Out::detect(cli.color);
    let source = cli.data.clone().map_or(Source::Embedded, Source::Dir);
    // `search` reads only the insatser: a whole process is as quick as the search itself.
    let loaded = match &cli.command {
        Some(Command::Search(_)) => data::load_insatser(&source),
        _ => data::load(&source),
    };
    let catalog = match loaded {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let code = match &cli.command {
        Some(Command::Export(args)) => insats::commands::export(&catalog, args, &out),
        Some(Command::Show(args)) => insats::commands::show::run(&catalog, args, &out),
        Some(Command::Jamfor(args)) => insats::commands::jamfor::run(&catalog, args, &out),
        Some(Command::Indikatorer { format, omrade }) => {
            insats::commands::indikatorer::list(&catalog, *format, *omrade, &out)
        }
        Some(Command::Indikator { nummer }) => {
            insats::commands::indikatorer::show(&catalog, *nummer, &out)
        }
        Some(Command::Checklista { command }) => {
            let target = Target {
                kommun: cli.kommun.as_deref(),
                file: cli.checklista.as_deref(),
            };
            match command {
                ChecklistaCommand::Export { format, output } => {
                    checklista::export(&catalog, target, *format, output.as_deref())
                }
                ChecklistaCommand::Set {
                    nummer,
                    status,
                    omrade,
                    anteckning,
                } => checklista::set(
                    &catalog,
                    target,
                    (*nummer, *omrade),
                    *status,
                    anteckning.as_deref(),
                ),
            }
        }
        Some(Command::Kommun { command }) => {
            let target = Target {
                kommun: cli.kommun.as_deref(),
                file: cli.checklista.as_deref(),
            };
            kommun(&catalog, target, command, &out)
        }
        Some(Command::Search(args)) => insats::commands::search::run(&catalog, args, &out),
        Some(Command::Render(args)) => return render(catalog, &cli, args),
        Some(Command::Stats(args)) => insats::commands::stats::run(&catalog, args, &out),
        Some(Command::Keymap { .. } | Command::Completions { .. } | Command::Man) => {
            ExitCode::SUCCESS
        }
        None => return run_app(catalog, &cli),
    };
    // The process ends now: the system takes back its memory at once, without freeing a
    // large catalogue (`--data` with 100 000 insatser) piece by piece.
    std::mem::forget(catalog);
    code
}

/// The keymap and the settings file, loaded before anything is drawn; errors printed.
/// `screen` is true for what is drawn on the terminal, where `NO_COLOR` applies.
fn setup(cli: &Cli, screen: bool) -> Result<(Keymap, Settings), ExitCode> {
    let keymap = Keymap::load(&keymap::user_files(cli.keymap.as_deref())).map_err(|e| fail(&e))?;
    let settings = Settings::load(cli, screen).map_err(|e| fail(&e))?;
    Ok((keymap, settings))
}

/// What the settings file and the flags decide for the screen.
struct Settings {
    themes: Themes,
    /// The settings file, if its place is known.
    file: Option<PathBuf>,
    /// No settings file yet.
    first_start: bool,
}

impl Settings {
    fn load(cli: &Cli, screen: bool) -> Result<Self, config::ConfigError> {
        let file = config::path();
        let stored = match &file {
            Some(f) => config::load(f)?,
            None => None,
        };
        let chosen = cli.theme.map(|t| t.0).or(stored.and_then(|c| c.tema));
        // The app draws on a terminal, so `auto` means colour unless NO_COLOR says no. A
        // picture file (`render` to SVG or HTML) is no terminal output: there `auto` keeps
        // the theme's colours, and only `--color never` removes them.
        let color = resolve_color(cli.color, true, screen && no_color_env());
        Ok(Settings {
            themes: Themes::choose(chosen, color),
            first_start: file.is_some() && stored.is_none(),
            file,
        })
    }
}

/// `insats render`.
fn render(catalog: insats::model::Catalog, cli: &Cli, args: &insats::cli::RenderArgs) -> ExitCode {
    let picture = matches!(args.format, RenderFormat::Svg | RenderFormat::Html);
    let (keymap, settings) = match setup(cli, !picture) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The kommun's checklist, read as the app would open it; never written.
    let path = match location::from_args(cli.kommun.as_deref(), cli.checklista.as_deref()) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let checklist = match path {
        None => None,
        Some(path) => match Store::open_read_only(&path, &catalog.indikatorer) {
            Ok(mut o) => {
                if let Some(k) = cli.kommun.as_deref() {
                    o.checklist.name_kommun(k);
                }
                Some(insats::commands::render::OpenChecklist {
                    checklist: o.checklist,
                    source: insats::app::checklist::Source::File(path.display().to_string()),
                    warnings: o.warnings.iter().map(ToString::to_string).collect(),
                })
            }
            Err(e) => return fail(&e),
        },
    };
    insats::commands::render::run(catalog, keymap.help(), args, checklist, &settings.themes)
}

/// The interactive app: keymap loaded and checked before the terminal changes mode. When
/// standard output is not a terminal (a pipe, a script) an overview is printed instead.
fn run_app(catalog: insats::model::Catalog, cli: &Cli) -> ExitCode {
    let (keymap, settings) = match setup(cli, true) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() {
        return insats::commands::overview(&catalog);
    }
    let path = match location::from_args(cli.kommun.as_deref(), cli.checklista.as_deref()) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let opened = path.map(|p| {
        let mut o = tui::open_checklist(&p, cli.kommun.as_deref(), &catalog.indikatorer);
        // Answers for insatser the catalogue lacks are kept in the file; the user is told.
        let unknown = o
            .checklist
            .unknown_svar(&p, |id| catalog.insatser.iter().any(|i| i.id == id));
        o.warnings.extend(
            unknown
                .iter()
                .map(|w| insats::text::sanitize(&w.to_string()).into_owned()),
        );
        o
    });
    let copy_file = clipboard::fallback_path().map(|f| insats::user_dirs::display(&f));
    let mut app = App::new(catalog, keymap.help()).with_copy_file(copy_file);
    if let Some(query) = &cli.presentation {
        app = app.with_query(query).with_presentation();
    }
    if settings.first_start {
        app = app.with_first_start_hint();
    }
    let store = opened.and_then(|o| {
        app.checklist_mut()
            .set_checklist(o.checklist, o.source, &o.warnings);
        o.store
    });
    let mut finished = tui::run(app, &keymap, &settings.themes, store);
    if settings.first_start
        && let Some(file) = &settings.file
    {
        // The hint has been shown; from now on the commented settings file says how to
        // choose a theme. A read-only home only means the hint shows again.
        let _ = config::write_template(file);
    }
    let saved = save_before_exit(&finished.app, finished.store.as_mut());
    // The process ends now: the catalogue and the search index are not freed piece by piece.
    std::mem::forget(finished.app);
    let status = match finished.ending {
        Ending::Quit => ExitCode::SUCCESS,
        // As a shell reports a process ended by the signal: 128 + its number.
        Ending::Signal(n) => ExitCode::from(u8::try_from(128 + n).unwrap_or(1)),
        Ending::Terminal(e) => {
            say(&format!("insats: terminalfel: {e}"));
            ExitCode::from(1)
        }
    };
    match saved {
        Ok(()) => status,
        Err(e) => {
            say(&format!("insats: {e}"));
            ExitCode::from(1)
        }
    }
}

/// What must outlive the session is written here, after the terminal is restored, on every
/// ending but a panic: quit, SIGTERM, SIGHUP (a dropped SSH connection), SIGINT and a lost
/// terminal. The checklist is saved after every change already; this is one more try for a
/// change whose save failed (the message says so, and the file is left as it was). After a
/// signal this must finish within a few seconds: `tui` ends a process that has not ended
/// 3 s after the signal; one save of a checklist file takes milliseconds.
fn save_before_exit(app: &insats::app::App, store: Option<&mut Store>) -> Result<(), String> {
    let Some(store) = store else {
        return Ok(());
    };
    store
        .save(app.checklist().checklist())
        .map(|_| ())
        .map_err(|e| format!("checklistan sparades inte: {e}"))
}

/// After Rust's own panic message (and, in the app, after the terminal is restored by the
/// hook `tui` adds on top): what happened and where to report it, in Swedish.
fn report_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        say(PANIC_REPORT);
    }));
}

/// Printed after a panic.
const PANIC_REPORT: &str = "\ninsats avbröts av ett programfel. Terminalen är återställd.\n\
Rapportera felet till den som förvaltar insats, med texten ovan och vad du gjorde precis innan.";

/// A line on stderr; a closed stderr (a dropped connection) is ignored, never a panic.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// A data or keymap error on stderr, exit status 2. The message quotes file contents and
/// paths, so control characters in it are made visible too.
fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    say(&format!(
        "insats: {}",
        insats::text::sanitize_lines(&e.to_string())
    ));
    ExitCode::from(2)
}

/// `insats kommun …`.
fn kommun(
    catalog: &insats::model::Catalog,
    target: Target<'_>,
    command: &KommunCommand,
    out: &insats::commands::out::Out,
) -> ExitCode {
    use insats::commands::kommun;
    match command {
        KommunCommand::Set {
            id,
            ges,
            digitalt,
            enskild_regi,
            utan_bistandsbeslut,
            anteckning,
        } => kommun::set(
            catalog,
            target,
            kommun::SetArgs {
                id,
                answers: [*ges, *digitalt, *enskild_regi, *utan_bistandsbeslut],
                anteckning: anteckning.as_deref(),
            },
        ),
        KommunCommand::Export { format, output } => {
            kommun::export(catalog, target, *format, output.as_deref(), out)
        }
        KommunCommand::Luckor { min, format } => {
            kommun::luckor(catalog, target, *min, *format, out)
        }
        KommunCommand::Jamfor { annan, format } => {
            kommun::jamfor(catalog, target, annan, *format, out)
        }
        KommunCommand::Ovanliga { max, format } => {
            kommun::ovanliga(catalog, target, *max, *format, out)
        }
    }
}
