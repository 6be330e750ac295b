//! Entry point: parse the command line, load data and keymap, run a subcommand or the app.

use std::io::IsTerminal;
use std::process::ExitCode;

use insats::cli::{Cli, Command};
use insats::data::{self, Source};
use insats::keymap::{self, Keymap};

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
    let app = insats::app::App::new(catalog, keymap.help());
    match insats::tui::run(app, &keymap, insats::ui::Theme::from_env()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("insats: terminalfel: {e}");
            ExitCode::from(1)
        }
    }
}
