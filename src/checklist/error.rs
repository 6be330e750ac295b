//! Errors and warnings of the checklist: every one about a file names the file, and where it
//! can, the line and the key.

use std::fmt;
use std::path::PathBuf;

use crate::model::IndikatorOmrade;

/// A change the rules do not allow; the checklist is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("indikator {0} finns inte i datan")]
    Unknown(u32),
    #[error("{0} är ett bakgrundsmått: det bedöms inte, men kan ha en anteckning")]
    Bakgrundsmatt(u32),
    #[error("indikator {0} har ingen regel för delvis uppfylld")]
    DelvisUndefined(u32),
    #[error(
        "indikator {nummer} finns inte i området {omrade}; den finns i: {}",
        omraden.iter().map(|o| format!("{o} ({})", o.slug())).collect::<Vec<_>>().join(", ")
    )]
    NotInOmrade {
        nummer: u32,
        omrade: IndikatorOmrade,
        omraden: Vec<IndikatorOmrade>,
    },
}

/// A checklist file that cannot be read, trusted or written.
///
/// Whatever the error, the file itself is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum ChecklistError {
    #[error("{}: kan inte läsas: {source}", file.display())]
    Read {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: inte giltig UTF-8; filen lämnas orörd", file.display())]
    Encoding { file: PathBuf, line: usize },
    #[error("{}:{line}: inte giltig TOML: {message}; filen lämnas orörd", file.display())]
    Syntax {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}:{line}: nyckeln `{key}`: {message}; filen lämnas orörd", file.display())]
    Key {
        file: PathBuf,
        line: usize,
        key: String,
        message: String,
    },
    #[error(
        "{}: används redan av programmet insats {}; öppna den när den är stängd, eller ange en annan fil med --checklista",
        file.display(),
        pid.map_or_else(|| "i en annan process".to_string(), |p| format!("i process {p}"))
    )]
    Locked { file: PathBuf, pid: Option<u32> },
    #[error("{}: kan inte låsas ({}): {source}", file.display(), lock_file.display())]
    Lock {
        file: PathBuf,
        lock_file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: filen har ändrats utanför insats sedan den lästes; ändringen sparas inte, så att inget skrivs över. Starta om insats för att läsa in filen på nytt",
        file.display()
    )]
    ChangedOnDisk { file: PathBuf },
    #[error("{}: bara läsning ({reason}); ändringen sparas inte", file.display())]
    ReadOnly { file: PathBuf, reason: String },
    #[error("{}: kan inte sparas: {source}; den tidigare filen är orörd", file.display())]
    Save {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("var checklistorna ska sparas går inte att avgöra: {0}")]
    Location(String),
    #[error(
        "{}: är {kind}, inte en vanlig fil; en checklista måste vara en vanlig fil (eller en länk till en), så den öppnas inte och ersätts aldrig",
        file.display()
    )]
    NotRegular { file: PathBuf, kind: String },
    #[error(
        "{}: är en symbolisk länk till {}, som inte finns; länken ersätts inte. Skapa filen länken pekar på, eller ange en annan fil med --checklista",
        file.display(),
        target.display()
    )]
    Dangling { file: PathBuf, target: PathBuf },
    #[error(
        "{}: är checklistan för kommunen {in_file:?}, inte {asked:?}; filen öppnas inte, så att två kommuners svar aldrig blandas. Ange en annan fil med --checklista",
        file.display()
    )]
    OtherKommun {
        file: PathBuf,
        in_file: String,
        asked: String,
    },
    #[error(
        "{}: ändringen kan inte skrivas tillbaka så att filen läses in likadant ({reason}); filen lämnas orörd",
        file.display()
    )]
    CannotWriteBack { file: PathBuf, reason: String },
}

/// Something in a file that is kept but that the user should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

/// How the notice that a format-1 file will be written anew begins.
pub(crate) const FORMAT_1_NOTICE: &str = "filen har format 1";

impl Warning {
    /// True for the notice that a format-1 file is written as format 2 at its first change
    /// (a command that makes that change says so after it instead).
    #[must_use]
    pub fn is_format_1_notice(&self) -> bool {
        self.message.starts_with(FORMAT_1_NOTICE)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}
