//! `insats checklista …`: the checklist's subcommands and their arguments.

use clap::{Subcommand, ValueEnum};

use crate::checklist::Status;
use crate::model::IndikatorOmrade;

/// What to do with the checklist named by `--kommun` or `--checklista`.
#[derive(Debug, Subcommand)]
pub enum ChecklistaCommand {
    /// Skriv ut checklistan per område: uppfyllda av totalt, och varje indikator som inte är
    /// uppfylld med regeln och anteckningen, för ett möte eller ett utskick.
    Export {
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = ChecklistaFormat::Markdown)]
        format: ChecklistaFormat,
        /// Skriv till FIL (hel, sedan på plats) i stället för till standard ut; krävs för
        /// xlsx på en terminal.
        #[arg(long, short = 'o', value_name = "FIL")]
        output: Option<std::path::PathBuf>,
    },
    /// Sätt status och/eller anteckning för en indikator; sparas direkt.
    Set {
        /// Indikatorns nummer (se `insats indikatorer`).
        nummer: u32,
        /// uppfylld, delvis, ej-uppfylld eller ej-bedomd.
        #[arg(value_parser = parse_status, value_name = "STATUS")]
        status: Option<Status>,
        /// Området statusen gäller (namn eller kortnamn som i `insats indikatorer --omrade`),
        /// eller `alla`; krävs för en indikator som finns i flera områden.
        #[arg(long, value_parser = parse_omrade, value_name = "OMRADE")]
        omrade: Option<SetOmrade>,
        /// Anteckningen; en tom text tar bort den.
        #[arg(long, visible_alias = "note", value_name = "TEXT")]
        anteckning: Option<String>,
    },
}

/// Output format of `checklista export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChecklistaFormat {
    /// En rad per område och indikator.
    Csv,
    /// Rubriker per område, för att läsa eller skriva ut.
    Markdown,
    Json,
    /// CSV för svenska Excel: UTF-8 med BOM, semikolon, decimalkomma.
    CsvExcel,
    /// En Excel-fil (kräver --output FIL på en terminal): ett blad per område, Alla och Källa.
    Xlsx,
}

/// The område of `checklista set --omrade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOmrade {
    /// Every område the indikator is published in.
    Alla,
    Ett(IndikatorOmrade),
}

fn parse_omrade(s: &str) -> Result<SetOmrade, String> {
    if s.trim().eq_ignore_ascii_case("alla") {
        return Ok(SetOmrade::Alla);
    }
    s.parse()
        .map(SetOmrade::Ett)
        .map_err(|e: crate::model::UnknownIndikatorOmrade| format!("{e}, eller alla"))
}

fn parse_status(s: &str) -> Result<Status, String> {
    s.parse()
        .map_err(|e: crate::checklist::UnknownStatus| e.to_string())
}
