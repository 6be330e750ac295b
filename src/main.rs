//! Entry point: parse the command line, load data, run a subcommand or the app.

use std::process::ExitCode;

use clap::Parser;
use insats::cli::{ChecklistaCommand, Cli, Command};
use insats::commands::checklista::{self, Target};
use insats::data::{self, Source};

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Some(Command::Show { id }) => insats::commands::show(&catalog, &id),
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
        None => insats::commands::overview(&catalog),
    }
}
