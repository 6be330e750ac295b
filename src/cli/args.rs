//! Arguments of the analysts' subcommands: `search`, `stats`, and the shared output flags.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::model::Omrade;
use crate::ui::theme::ThemeName;

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

/// A theme as a command-line value: its name (`kontrast`) or an alias (`high-contrast`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeArg(pub ThemeName);

impl ValueEnum for ThemeArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ThemeArg(ThemeName::Dark),
            ThemeArg(ThemeName::Light),
            ThemeArg(ThemeName::HighContrast),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(
            PossibleValue::new(self.0.name())
                .aliases(self.0.aliases().iter().copied())
                .help(self.0.description()),
        )
    }
}

/// The screen `insats render` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ViewArg {
    /// Katalogen (vy 1).
    #[default]
    Katalog,
    /// Checklistan för indikatorer (vy 2).
    Checklista,
}

/// What `insats render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum RenderFormat {
    /// Skärmens tecken, rad för rad.
    #[default]
    Text,
    /// En SVG-bild med temats färger.
    Svg,
    /// En HTML-sida med temats färger.
    Html,
}

/// A window size, `BREDDxHÖJD` (`120x40`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl std::str::FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || "skriv BREDDxHÖJD, t.ex. 120x40".to_string();
        let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
        let w: u64 = w.trim().parse().map_err(|_| bad())?;
        let h: u64 = h.trim().parse().map_err(|_| bad())?;
        let (min_w, min_h) = (u64::from(MIN_WIDTH), u64::from(MIN_HEIGHT));
        let in_range = |v: u64, min: u64| (min..=MAX_SIDE).contains(&v);
        match (u16::try_from(w), u16::try_from(h)) {
            (Ok(width), Ok(height)) if in_range(w, min_w) && in_range(h, min_h) => {
                Ok(Size { width, height })
            }
            _ => Err(format!(
                "bredden ska vara {min_w}–{MAX_SIDE} och höjden {min_h}–{MAX_SIDE} \
                 tecken (mindre än {min_w}x{min_h} ritar appen inte)"
            )),
        }
    }
}

/// The largest side of a rendered window, in characters.
const MAX_SIDE: u64 = 1000;

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// `insats render`.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// Fönstrets storlek i tecken, BREDDxHÖJD.
    #[arg(long, value_name = "BREDDxHÖJD", default_value = "120x40")]
    pub size: Size,

    /// Vyn som ritas.
    #[arg(long, value_enum, value_name = "VY", default_value_t)]
    pub view: ViewArg,

    /// Sök som i sökrutan (och gå sedan till listan, som med Enter).
    #[arg(long, value_name = "SÖKORD")]
    pub query: Option<String>,

    /// Välj en insats i listan: ett id, eller ett namn som bara en insats har.
    #[arg(long, value_name = "ID|NAMN")]
    pub select: Option<String>,

    /// Rita presentationsläget: den valda insatsen över hela skärmen (med temat kontrast
    /// om inget annat är valt).
    #[arg(long)]
    pub presentation: bool,

    /// Utdataformat.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t)]
    pub format: RenderFormat,
}
