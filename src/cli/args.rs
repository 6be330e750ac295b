//! Arguments of the analysts' subcommands: `search`, `stats`, and the shared output flags.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use crate::config::ThemeName;
use crate::model::Omrade;
use crate::screen::{MIN_HEIGHT, MIN_WIDTH};

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

/// How `stats`, `jamfor` and `export` write their rows: the formats of [`Format`], and two
/// for spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    /// Tabell med justerade kolumner, för att läsa.
    Table,
    /// Tabbseparerat med rubrikrad, för awk, cut och sort.
    Tsv,
    /// Kommaseparerat (RFC 4180) med rubrikrad, för program.
    Csv,
    /// För svenskt Excel: UTF-8 med BOM, semikolon och decimalkomma.
    CsvExcel,
    /// JSON, för jq och program.
    Json,
    /// En Excel-fil (kräver --output FIL): tal som tal, andelar i procentformat.
    Xlsx,
}

impl DataFormat {
    /// The same format as a [`Format`], when it is one.
    #[must_use]
    pub fn plain(self) -> Option<Format> {
        match self {
            DataFormat::Table => Some(Format::Table),
            DataFormat::Tsv => Some(Format::Tsv),
            DataFormat::Csv => Some(Format::Csv),
            DataFormat::Json => Some(Format::Json),
            DataFormat::CsvExcel | DataFormat::Xlsx => None,
        }
    }
}

impl From<Format> for DataFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Table => DataFormat::Table,
            Format::Tsv => DataFormat::Tsv,
            Format::Csv => DataFormat::Csv,
            Format::Json => DataFormat::Json,
        }
    }
}

/// How `insats export` writes the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ExportFormat {
    /// JSON, för jq och program.
    #[default]
    Json,
    /// Kommaseparerat (RFC 4180), samma kolumner som datafilen insatser.csv.
    Csv,
    /// Tabbseparerat med rubrikrad.
    Tsv,
    /// För svenskt Excel: UTF-8 med BOM, semikolon och decimalkomma.
    CsvExcel,
    /// En Excel-fil (kräver --output FIL): ett blad per område, Alla och Källa.
    Xlsx,
}

/// `insats export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Utdataformat.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t)]
    pub format: ExportFormat,

    /// Skriv till FIL i stället för standard ut; utan --format efter filändelsen (.xlsx,
    /// .csv, .tsv, .json).
    #[arg(long, short = 'o', value_name = "FIL", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<std::path::PathBuf>,

    /// Ta med källraderna (kallrad_000, kallrad_001): raden i källtexten där insatsen står.
    /// Behövs för en kopia att läsa med --data.
    #[arg(long)]
    pub kallrad: bool,
}

/// `insats show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Insatsens id, eller dess namn (helt eller så att bara en insats passar).
    #[arg(value_name = "ID|NAMN")]
    pub id: String,

    /// Välj bland insatser med samma namn: den i området.
    #[arg(long, value_enum, value_name = "OMRÅDE", ignore_case = true)]
    pub omrade: Option<OmradeArg>,

    /// Utdataformat.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t)]
    pub format: ShowFormat,
}

/// How `insats show` writes one insats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ShowFormat {
    /// Text att läsa, radbruten efter terminalen (80 tecken i en pipe).
    #[default]
    Text,
    /// JSON, för jq och program.
    Json,
}

/// `insats jamfor`.
#[derive(Debug, Clone, Args)]
pub struct JamforArgs {
    /// Insatsens id eller namn (som i `insats show`); alla insatser med samma namn jämförs.
    #[arg(value_name = "NAMN|ID")]
    pub namn: String,

    /// Utdataformat; utan flaggan table på en terminal och tsv i en pipe.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<DataFormat>,

    /// Skriv till FIL i stället för standard ut; utan --format efter filändelsen (.xlsx,
    /// .csv, .tsv, .json).
    #[arg(long, short = 'o', value_name = "FIL", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<std::path::PathBuf>,
}

/// Whether a sort is by share or by number of kommuner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    /// The share printed by the source.
    Andel,
    /// The number of kommuner.
    Antal,
}

/// What `stats --sort` sorts by: a measure, by share (`digital`) or count (`digital-antal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey {
    pub matt: Matt,
    pub by: By,
}

impl SortKey {
    const ALL: [SortKey; 8] = [
        SortKey::new(Matt::Ges, By::Andel),
        SortKey::new(Matt::Ges, By::Antal),
        SortKey::new(Matt::Digital, By::Andel),
        SortKey::new(Matt::Digital, By::Antal),
        SortKey::new(Matt::Enskild, By::Andel),
        SortKey::new(Matt::Enskild, By::Antal),
        SortKey::new(Matt::Utan, By::Andel),
        SortKey::new(Matt::Utan, By::Antal),
    ];

    #[must_use]
    pub const fn new(matt: Matt, by: By) -> Self {
        SortKey { matt, by }
    }
}

impl ValueEnum for SortKey {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (andel, antal, what) = match self.matt {
            Matt::Ges => ("ges", "ges-antal", "ger insatsen"),
            Matt::Digital => ("digital", "digital-antal", "ger den digitalt"),
            Matt::Enskild => ("enskild", "enskild-antal", "ger den i enskild regi"),
            Matt::Utan => ("utan", "utan-antal", "ger den utan biståndsbeslut"),
        };
        Some(match self.by {
            By::Andel => PossibleValue::new(andel).help(format!("andel (%) som {what}")),
            By::Antal => PossibleValue::new(antal).help(format!("antal kommuner som {what}")),
        })
    }
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
    /// Bara insatser vars namn passar SÖKORD, med sökningens regler (mi, hvb, samtal).
    #[arg(value_name = "SÖKORD")]
    pub query: Option<String>,

    /// Bara insatser i ett område.
    #[arg(long, value_enum, value_name = "OMRÅDE", ignore_case = true)]
    pub omrade: Option<OmradeArg>,

    /// Sortera efter andelen (digital) eller antalet kommuner (digital-antal), störst först;
    /// saknade värden sist.
    #[arg(long, value_enum, value_name = "KOLUMN", conflicts_with = "per_omrade")]
    pub sort: Option<SortKey>,

    /// Minst först i stället (saknade värden ändå sist).
    #[arg(long, requires = "sort")]
    pub asc: bool,

    /// Bara insatser som minst N kommuner ger.
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32),
        conflicts_with = "per_omrade"
    )]
    pub min_kommuner: Option<u32>,

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
    #[arg(long, conflicts_with = "query")]
    pub per_omrade: bool,

    /// Utdataformat; utan flaggan table på en terminal och tsv i en pipe.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<DataFormat>,

    /// Skriv till FIL i stället för standard ut; utan --format efter filändelsen (.xlsx,
    /// .csv, .tsv, .json).
    #[arg(long, short = 'o', value_name = "FIL", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<std::path::PathBuf>,
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
