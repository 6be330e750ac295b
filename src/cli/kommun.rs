//! `insats kommun …`: the kommun's own answers per insats (its kartläggning) beside the
//! national figures, in the same file as its checklist.

use clap::{Subcommand, ValueEnum};

use crate::checklist::Svar;

/// What to do with the kommun's answers in the file named by `--kommun` or `--checklista`.
#[derive(Debug, Subcommand)]
pub enum KommunCommand {
    /// Svara på SKR:s fyra frågor för en insats (ja, nej eller obesvarad); sparas direkt.
    /// Ett nej på --ges lämnar de andra tre obesvarade.
    Set {
        /// Insatsens id (se `insats search NAMN --format tsv`).
        id: String,
        /// Ger kommunen insatsen?
        #[arg(long, value_enum, value_name = "SVAR")]
        ges: Option<SvarArg>,
        /// … digitalt?
        #[arg(long, value_enum, value_name = "SVAR")]
        digitalt: Option<SvarArg>,
        /// … i enskild regi?
        #[arg(long, value_enum, value_name = "SVAR")]
        enskild_regi: Option<SvarArg>,
        /// … utan biståndsbeslut?
        #[arg(long, value_enum, value_name = "SVAR")]
        utan_bistandsbeslut: Option<SvarArg>,
        /// Anteckningen; en tom text tar bort den.
        #[arg(long, visible_alias = "note", value_name = "TEXT")]
        anteckning: Option<String>,
    },
    /// Alla insatser med hela landets siffror och kommunens svar, i samma kolumner som
    /// `insats export` och fem till (kommun_ges … kommun_anteckning).
    Export {
        /// Utdataformat; utan flaggan efter filändelsen i --output, annars json.
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<KommunFormat>,
        /// Skriv till FIL i stället för standard ut (krävs för xlsx).
        #[arg(long, value_name = "FIL", value_hint = clap::ValueHint::FilePath)]
        output: Option<std::path::PathBuf>,
    },
    /// Insatser som minst N % av de svarande kommunerna ger men som kommunen inte svarat ja
    /// på, störst andel först.
    Luckor {
        /// Minsta andel i procent (källans tryckta andel av de kommuner som svarade).
        #[arg(long, value_name = "N", default_value_t = 75, value_parser = clap::value_parser!(u8).range(0..=100))]
        min: u8,
        /// Utdataformat; tabell på en terminal, tsv i en pipe.
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<crate::cli::Format>,
    },
    /// Insatser som kommunen ger men som högst N % av de svarande kommunerna ger, minst
    /// andel först.
    Ovanliga {
        /// Största andel i procent.
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u8).range(0..=100))]
        max: u8,
        /// Utdataformat; tabell på en terminal, tsv i en pipe.
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<crate::cli::Format>,
    },
    /// Jämför med en annan kommuns fil: per område de insatser som den ena ger (svarat ja)
    /// och den andra inte.
    Jamfor {
        /// Den andra kommunens namn (dess fil bland checklistorna), eller en fil (.toml).
        annan: String,
        /// Utdataformat; tabell på en terminal, tsv i en pipe.
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<crate::cli::Format>,
    },
}

/// An answer on the command line; `obesvarad` removes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SvarArg {
    Ja,
    Nej,
    /// Ta bort svaret.
    Obesvarad,
}

impl SvarArg {
    /// The answer to store (`None` for unanswered).
    #[must_use]
    pub fn svar(self) -> Option<Svar> {
        match self {
            SvarArg::Ja => Some(Svar::Ja),
            SvarArg::Nej => Some(Svar::Nej),
            SvarArg::Obesvarad => None,
        }
    }
}

/// Output format of `kommun export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KommunFormat {
    /// JSON, för jq och program.
    Json,
    /// Kommaseparerat (RFC 4180) med rubrikrad.
    Csv,
    /// Tabbseparerat med rubrikrad.
    Tsv,
    /// Per område: hur många insatser kommunen ger och de den svarat på, att läsa.
    Markdown,
    /// För svenskt Excel: UTF-8 med BOM, semikolon och decimalkomma.
    CsvExcel,
    /// En Excel-fil (kräver --output FIL): ett blad per område och Alla.
    Xlsx,
}
