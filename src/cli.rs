//! The command line: flags and subcommands (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::IndikatorOmrade;

mod args;
mod checklista;
mod errors;
mod help;
mod kommun;

pub use args::{
    By, ColorChoice, DataFormat, ExportArgs, ExportFormat, Format, JamforArgs, Matt, OmradeArg,
    RenderArgs, RenderFormat, SearchArgs, ShowArgs, ShowFormat, Size, SortKey, StatsArgs, ThemeArg,
    ViewArg,
};
pub use checklista::{ChecklistaCommand, ChecklistaFormat, SetOmrade};
pub use help::{command, command_path, parse};
pub use kommun::{KommunCommand, KommunFormat, SvarArg};

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
    /// Med SÖKORD börjar det på sökningens träffar (`--presentation hvb`).
    #[arg(long, value_name = "SÖKORD", num_args = 0..=1, default_missing_value = "")]
    pub presentation: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skriv ut alla insatser: JSON, CSV, tsv, csv för Excel eller en Excel-fil.
    #[command(after_help = help::EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// Visa en insats, för att läsa: förklaring, källa, siffror, samma insats i andra
    /// områden och Skånesiffror.
    #[command(after_help = help::SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Sök insatser, med samma rangordning som appens sökruta.
    #[command(after_help = help::SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Antal kommuner och andelar per insats, eller sammanfattat per område.
    #[command(after_help = help::STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// En insats i alla områden och grupper där den finns: de fyra måtten, en rad var.
    #[command(after_help = help::JAMFOR_EXAMPLES)]
    Jamfor(JamforArgs),
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
        /// Utdataformat; utan flaggan table på en terminal och tsv i en pipe (csv och json
        /// har alla fält).
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<Format>,
        /// Bara indikatorer som publiceras inom området, t.ex. "LSS" eller
        /// "ekonomiskt-bistand".
        #[arg(long, value_name = "OMRÅDE")]
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
    /// Kommunens egna svar per insats bredvid hela landets siffror (i checklistans fil).
    Kommun {
        #[command(subcommand)]
        command: KommunCommand,
    },
    /// Skriv ut standardvalen för tangenterna (keymap.toml), att utgå från i en egen fil.
    Keymap {
        /// Skriv i stället ut en profil att spara som egen keymap.toml: `vi` ger tillbaka
        /// bokstavstangenterna i katalogen (j k g G h l q ? …; sök då med /).
        #[arg(long, value_enum, value_name = "PROFIL")]
        profil: Option<KeymapProfile>,
    },
    /// Skriv det appen skulle visa, som text, SVG eller HTML: för handouts, bilder och
    /// dokumentation.
    #[command(after_help = help::RENDER_EXAMPLES)]
    Render(RenderArgs),
}

/// A keymap profile that `insats keymap --profil` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeymapProfile {
    /// Bokstäverna som kommandon i katalogen, som i vi och less.
    Vi,
}
