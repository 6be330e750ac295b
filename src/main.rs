//! Entry point: parse the command line, load data and keymap, run a subcommand or the app.

use std::io::IsTerminal;
use std::process::ExitCode;

use insats::checklist::location;
use insats::cli::{ChecklistaCommand, Cli, Command};
use insats::commands::checklista::{self, Target};
use insats::data::{self, Source};
use insats::keymap::{self, Keymap};
use insats::tui;

fn main() -> ExitCode {
    let cli = insats::cli::parse();
    if let Some(Command::Keymap) = cli.command {
        return insats::commands::emit(keymap::DEFAULT_KEYMAP);
    }
    match cli.command {
        Some(Command::Completions { shell }) => return insats::commands::docs::completions(shell),
        Some(Command::Man) => return insats::commands::docs::man(),
        _ => {}
    }
    let out = insats::commands::out::Out::detect(cli.color);
    let source = cli.data.clone().map_or(Source::Embedded, Source::Dir);
    let catalog = match data::load(&source) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("insats: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Some(Command::Export { format }) => insats::commands::export(&catalog, format),
        Some(Command::Show { id }) => insats::commands::show::run(&catalog, &id, &out),
        Some(Command::Indikatorer { format, omrade }) => {
            insats::commands::indikatorer::list(&catalog, format, omrade)
        }
        Some(Command::Indikator { nummer }) => {
            insats::commands::indikatorer::show(&catalog, nummer)
        }
        Some(Command::Checklista { command }) => {
            let target = Target {
                kommun: cli.kommun.as_deref(),
                file: cli.checklista.as_deref(),
            };
            match command {
                ChecklistaCommand::Export { format } => {
                    checklista::export(&catalog, target, format)
                }
                ChecklistaCommand::Set {
                    nummer,
                    status,
                    anteckning,
                } => checklista::set(&catalog, target, nummer, status, anteckning.as_deref()),
            }
        }
        Some(Command::Search(args)) => insats::commands::search::run(&catalog, &args, &out),
        Some(Command::Stats(args)) => insats::commands::stats::run(&catalog, &args, &out),
        Some(Command::Keymap | Command::Completions { .. } | Command::Man) => ExitCode::SUCCESS,
        None => run_app(catalog, &cli),
    }
}

/// The interactive app: keymap loaded and checked before the terminal changes mode. When
/// standard output is not a terminal (a pipe, a script) an overview is printed instead.
fn run_app(catalog: insats::model::Catalog, cli: &Cli) -> ExitCode {
    let keymap = match Keymap::load(&keymap::user_files(cli.keymap.as_deref())) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("insats: {e}");
            return ExitCode::from(2);
        }
    };
    if !std::io::stdout().is_terminal() {
        return insats::commands::overview(&catalog);
    }
    let path = match location::from_args(cli.kommun.as_deref(), cli.checklista.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("insats: {e}");
            return ExitCode::from(2);
        }
    };
    let opened = path.map(|p| tui::open_checklist(&p, cli.kommun.as_deref(), &catalog.indikatorer));
    let mut app = insats::app::App::new(catalog, keymap.help());
    let store = opened.and_then(|o| {
        app.checklist_mut()
            .set_checklist(o.checklist, o.source, &o.warnings);
        o.store
    });
    match tui::run(app, &keymap, insats::ui::Theme::from_env(), store) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("insats: terminalfel: {e}");
            ExitCode::from(1)
        }
    }
}
