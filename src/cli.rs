//! The command line: flags and subcommands (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::IndikatorOmrade;

mod args;
mod checklista;
mod errors;
mod help;

pub use args::{
    ColorChoice, Format, Matt, OmradeArg, RenderArgs, RenderFormat, SearchArgs, Size, StatsArgs,
    ThemeArg, ViewArg,
};
pub use checklista::{ChecklistaCommand, ChecklistaFormat};
pub use help::{command, command_path, parse};

/// insats: socialtjänstens insatser och Socialstyrelsens indikatorer, sökbara i terminalen.
#[derive(Debug, Parser)]
#[command(name = "insats", version, about, long_about = None, after_help = help::EXAMPLES)]
pub struct Cli {
    /// Läs data från katalogen DIR i stället för den inbyggda datan.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Kommunens checklista, i $XDG_DATA_HOME/insats/checklistor/ (annars
    /// ~/.local/share/insats/checklistor/; i Windows %APPDATA%\insats\checklistor\).
    #[arg(long, value_name = "NAMN", global = true, value_hint = clap::ValueHint::Other)]
    pub kommun: Option<String>,

    /// Checklistan i FIL (skapas vid första ändringen); går före --kommun.
    #[arg(long, value_name = "FIL", global = true, value_hint = clap::ValueHint::FilePath)]
    pub checklista: Option<PathBuf>,

    /// Läs egna tangentval från FIL, utöver standardvalen och
    /// $XDG_CONFIG_HOME/insats/keymap.toml (i Windows %APPDATA%\insats\keymap.toml).
    #[arg(long, value_name = "FIL", global = true)]
    pub keymap: Option<PathBuf>,

    /// Färg i utdata; auto betyder på en terminal, om inte NO_COLOR är satt.
    #[arg(long, value_enum, value_name = "NÄR", default_value_t, global = true)]
    pub color: ColorChoice,

    /// Färgtema i appen och i `insats render`; utan flaggan gäller tema i
    /// $XDG_CONFIG_HOME/insats/config.toml (i Windows %APPDATA%\insats\config.toml),
    /// annars mork (kontrast i presentationsläget).
    #[arg(long, alias = "tema", value_enum, value_name = "TEMA", global = true)]
    pub theme: Option<ThemeArg>,

    /// Starta i presentationsläget: en insats i taget över hela skärmen, pilarna bläddrar.
    #[arg(long)]
    pub presentation: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skriv ut alla insatser (JSON eller CSV) på standard ut.
    Export {
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// Visa en insats, för att läsa: förklaring, källa, siffror, samma insats i andra
    /// områden och Skånesiffror.
    #[command(after_help = help::SHOW_EXAMPLES)]
    Show {
        /// Insatsens id, eller dess namn (helt eller så att bara en insats passar).
        #[arg(value_name = "ID|NAMN")]
        id: String,
    },
    /// Sök insatser, med samma rangordning som appens sökruta.
    #[command(after_help = help::SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Antal kommuner och andelar per insats, eller sammanfattat per område.
    #[command(after_help = help::STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Skriv ut ett skript som kompletterar insats kommandon i skalet.
    #[command(after_help = help::COMPLETIONS_EXAMPLES)]
    Completions {
        /// Skalet.
        #[arg(value_enum, value_name = "SKAL")]
        shell: clap_complete::Shell,
    },
    /// Skriv ut manualsidan (roff) på standard ut.
    #[command(after_help = help::MAN_EXAMPLES)]
    Man,
    /// Skriv ut Socialstyrelsens indikatorer (öppna jämförelser 2019) som tabell, JSON eller CSV.
    Indikatorer {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Bara indikatorer som publiceras inom området, t.ex. "LSS" eller
        /// "ekonomiskt-bistand".
        #[arg(long, value_name = "NAME")]
        omrade: Option<IndikatorOmrade>,
    },
    /// Visa en indikator, för att läsa: först vad kommunen ska svara för att uppnå den.
    Indikator {
        /// Indikatorns nummer (1–99, se `insats indikatorer`).
        nummer: u32,
    },
    /// Kommunens checklista mot indikatorerna: exportera den, eller ändra den från ett skript.
    Checklista {
        #[command(subcommand)]
        command: ChecklistaCommand,
    },
    /// Skriv ut standardvalen för tangenterna (keymap.toml), att utgå från i en egen fil.
    Keymap,
    /// Skriv det appen skulle visa, som text, SVG eller HTML: för handouts, bilder och
    /// dokumentation.
    #[command(after_help = help::RENDER_EXAMPLES)]
    Render(RenderArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Output format of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Justerade kolumner, för att läsa.
    Table,
    Json,
    Csv,
}
