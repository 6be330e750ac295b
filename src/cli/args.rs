//! Arguments of the analysts' subcommands: `search`, `stats`, and the shared output flags.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use crate::model::Omrade;

/// How a command writes its data on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tabell med justerade kolumner, för att läsa.
    Table,
    /// Tabbseparerat med rubrikrad, för awk, cut och sort.
    Tsv,
    /// Kommaseparerat (RFC 4180) med rubrikrad, för kalkylprogram.
    Csv,
    /// JSON, för jq och program.
    Json,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Färg på en terminal, om inte NO_COLOR är satt.
    #[default]
    Auto,
    /// Alltid färg, även i en pipe och trots NO_COLOR.
    Always,
    /// Aldrig färg.
    Never,
}

/// One of the four figures of an insats, to sort or summarise by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Matt {
    /// Kommuner som ger insatsen.
    Ges,
    /// … ger den i digital form.
    Digital,
    /// … ger den i enskild regi.
    Enskild,
    /// … ger den utan biståndsbeslut.
    Utan,
}

impl Matt {
    /// All four, in the order of the source's columns.
    pub const ALL: [Matt; 4] = [Matt::Ges, Matt::Digital, Matt::Enskild, Matt::Utan];
}

/// An område as a command-line value: its slug (`missbruk`) or its name (`missbruk och
/// beroende`), so that shells can complete the slugs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OmradeArg(pub Omrade);

impl OmradeArg {
    const ALL: [OmradeArg; 6] = [
        OmradeArg(Omrade::Aldre),
        OmradeArg(Omrade::BarnOchUnga),
        OmradeArg(Omrade::Funktionshinder),
        OmradeArg(Omrade::MissbrukOchBeroende),
        OmradeArg(Omrade::Socialpsykiatri),
        OmradeArg(Omrade::ValdINaraRelationer),
    ];
}

impl ValueEnum for OmradeArg {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(
            PossibleValue::new(self.0.slug())
                .alias(self.0.as_str())
                .help(self.0.as_str()),
        )
    }
}

/// `insats search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Det du söker, som i appens sökruta: ord, delar av ord eller en förkortning (mi, hvb).
    #[arg(value_name = "SÖKORD")]
    pub query: String,

    /// Sök bara i ett område.
    #[arg(long, value_enum, value_name = "OMRÅDE", ignore_case = true)]
    pub omrade: Option<OmradeArg>,

    /// Visa högst N träffar (bäst först).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,

    /// Utdataformat; utan flaggan table på en terminal och tsv i en pipe.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// `insats stats`.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Bara insatser i ett område.
    #[arg(long, value_enum, value_name = "OMRÅDE", ignore_case = true)]
    pub omrade: Option<OmradeArg>,

    /// Sortera efter andelen (%) i en kolumn, störst först; saknade värden sist.
    #[arg(long, value_enum, value_name = "KOLUMN", conflicts_with = "per_omrade")]
    pub sort: Option<Matt>,

    /// Minst först i stället (saknade värden ändå sist).
    #[arg(long, requires = "sort")]
    pub asc: bool,

    /// Visa bara de N första raderna.
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..),
        conflicts_with = "per_omrade"
    )]
    pub top: Option<u32>,

    /// Sammanfatta per område i stället: antal insatser, median och spridning av varje
    /// andel, och de insatser som flest kommuner ger digitalt, i enskild regi och utan
    /// biståndsbeslut.
    #[arg(long)]
    pub per_omrade: bool,

    /// Utdataformat; utan flaggan table på en terminal och tsv i en pipe.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}
