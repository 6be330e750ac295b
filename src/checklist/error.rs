//! Errors and warnings of the checklist: every one about a file names the file, and where it
//! can, the line and the key.

use std::fmt;
use std::path::PathBuf;

/// A change the rules do not allow; the checklist is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("indikator {0} finns inte i datan")]
    Unknown(u32),
    #[error("{0} är ett bakgrundsmått: det bedöms inte, men kan ha en anteckning")]
    Bakgrundsmatt(u32),
    #[error("indikator {0} har ingen regel för delvis uppfylld")]
    DelvisUndefined(u32),
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
        "{}: används redan av en annan insats{}; öppna den när den är stängd, eller ange en annan fil med --checklista",
        file.display(),
        pid.map(|p| format!(" (process {p})")).unwrap_or_default()
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
    #[error("{}: öppnad bara för läsning; ändringen sparas inte", file.display())]
    ReadOnly { file: PathBuf },
    #[error("{}: kan inte sparas: {source}; den tidigare filen är orörd", file.display())]
    Save {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("var checklistorna ska sparas går inte att avgöra: {0}")]
    Location(String),
}

/// Something in a file that is kept but that the user should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}
