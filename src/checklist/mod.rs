//! The user's indikator checklist: per indikator a status and a note, the rules for changing
//! them, progress per område, and (in [`file`] and [`store`]) its TOML file with atomic saves.
//!
//! [`Checklist`] is pure state: it does no I/O, so the app's `update` can change it and tests
//! can drive it directly. Each effective change bumps [`Checklist::revision`]; whoever owns
//! the [`Store`] saves when the revision moves (the app after every action, the command line
//! once). An indikator published in several områden has a status in each of them and one
//! note shared by them all (see [`Entry`]).

mod error;
pub mod file;
pub mod kartlaggning;
pub mod location;
pub mod store;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

pub use error::{ChecklistError, StatusError, Warning};
pub use kartlaggning::{Fraga, InsatsSvar, Svar, SvarError};
pub use store::{AppOpened, Opened, Store};

use crate::model::{Indikator, IndikatorOmrade};

/// How far a kommun meets one indikator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Status {
    /// Not yet assessed; the default, and not written to the file.
    #[default]
    EjBedomd,
    Uppfylld,
    /// Partly met; only where the indikator defines *delvis*.
    Delvis,
    EjUppfylld,
}

impl Status {
    /// All statuses in the order space cycles through them.
    pub const ALL: [Status; 4] = [
        Status::EjBedomd,
        Status::Uppfylld,
        Status::Delvis,
        Status::EjUppfylld,
    ];

    /// The word used in the file and on screen.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::EjBedomd => "ej bedömd",
            Status::Uppfylld => "uppfylld",
            Status::Delvis => "delvis",
            Status::EjUppfylld => "ej uppfylld",
        }
    }

    /// A one-cell mark for lists: `✓` uppfylld, `◐` delvis, `✗` ej uppfylld, `·` ej bedömd.
    #[must_use]
    pub fn mark(self) -> &'static str {
        match self {
            Status::EjBedomd => "·",
            Status::Uppfylld => "✓",
            Status::Delvis => "◐",
            Status::EjUppfylld => "✗",
        }
    }

    /// The next status for the cycle key, skipping *delvis* unless `delvis_defined`.
    #[must_use]
    pub fn next(self, delvis_defined: bool) -> Status {
        let next = match self {
            Status::EjBedomd => Status::Uppfylld,
            Status::Uppfylld => Status::Delvis,
            Status::Delvis => Status::EjUppfylld,
            Status::EjUppfylld => Status::EjBedomd,
        };
        if next == Status::Delvis && !delvis_defined {
            Status::EjUppfylld
        } else {
            next
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not one of the four statuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("okänd status {0:?} (giltiga: \"uppfylld\", \"delvis\", \"ej uppfylld\", \"ej bedömd\")")]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;

    /// The exact file words; on the command line also `ej-uppfylld`, `ej-bedomd` and
    /// `ej bedomd` (no ö), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let w = s.trim().to_lowercase().replace(['-', '_'], " ");
        match w.as_str() {
            "uppfylld" => Ok(Status::Uppfylld),
            "delvis" => Ok(Status::Delvis),
            "ej uppfylld" => Ok(Status::EjUppfylld),
            "ej bedömd" | "ej bedomd" => Ok(Status::EjBedomd),
            _ => Err(UnknownStatus(s.to_string())),
        }
    }
}

/// What the checklist needs to know about one indikator of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Whether the indikator defines *delvis*.
    pub delvis: bool,
    /// Bakgrundsmått are shown and may carry a note, but take no status and are not counted.
    pub bakgrundsmatt: bool,
    /// The områden it is published in.
    pub omraden: Vec<IndikatorOmrade>,
}

/// The rules of every indikator of the dataset, by nummer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules(BTreeMap<u32, Rule>);

impl Rules {
    /// The rules of the loaded indikatorer.
    #[must_use]
    pub fn new(indikatorer: &[Indikator]) -> Self {
        Rules(
            indikatorer
                .iter()
                .map(|i| {
                    let rule = Rule {
                        delvis: i.delvis.is_some(),
                        bakgrundsmatt: i.bakgrundsmatt,
                        omraden: i.omraden.clone(),
                    };
                    (i.nummer, rule)
                })
                .collect(),
        )
    }

    /// The rule of indikator `nummer`, if the dataset has it.
    #[must_use]
    pub fn get(&self, nummer: u32) -> Option<&Rule> {
        self.0.get(&nummer)
    }

    /// Check that `status` may be set on `nummer`.
    ///
    /// # Errors
    /// [`StatusError`] for a nummer outside the dataset, a bakgrundsmått given a status, or
    /// *delvis* where the indikator does not define it.
    pub fn check(&self, nummer: u32, status: Status) -> Result<(), StatusError> {
        let rule = self.get(nummer).ok_or(StatusError::Unknown(nummer))?;
        if rule.bakgrundsmatt && status != Status::EjBedomd {
            return Err(StatusError::Bakgrundsmatt(nummer));
        }
        if status == Status::Delvis && !rule.delvis {
            return Err(StatusError::DelvisUndefined(nummer));
        }
        Ok(())
    }
}

/// Which of an indikator's områden a status change is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One område; the indikator must be published in it.
    Omrade(IndikatorOmrade),
    /// Every område the indikator is published in (`--omrade alla`).
    Alla,
}

/// The user's entry for one indikator: a status per område it is published in, and one note.
///
/// The note is shared by the indikator's områden, not kept per område: the source asks the
/// same questions with the same rule in each område, so what a kommun writes down (where the
/// routine is decided, who owns it, what is missing and where) is about the indikator, and it
/// can name the områden it concerns in its text. One note also keeps the Markdown export's
/// single section per indikator honest, and a change of note never has to be repeated in
/// seven places that then drift apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The status in each område that has one other than *ej bedömd*.
    pub status: BTreeMap<IndikatorOmrade, Status>,
    /// Free text; empty when there is none.
    pub note: String,
}

impl Entry {
    /// True when the entry says nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.status.values().all(|s| *s == Status::EjBedomd) && self.note.is_empty()
    }

    /// The status in `omrade` (*ej bedömd* when none is set).
    #[must_use]
    pub fn status_in(&self, omrade: IndikatorOmrade) -> Status {
        self.status.get(&omrade).copied().unwrap_or_default()
    }
}

/// Counts for one område (or the whole list): bakgrundsmått are not included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub uppfyllda: usize,
    pub delvis: usize,
    pub ej_uppfyllda: usize,
    pub ej_bedomda: usize,
}

impl Progress {
    /// The number of indikatorer counted.
    #[must_use]
    pub fn totalt(&self) -> usize {
        self.uppfyllda + self.delvis + self.ej_uppfyllda + self.ej_bedomda
    }

    /// The number assessed: every status but *ej bedömd*.
    #[must_use]
    pub fn bedomda(&self) -> usize {
        self.totalt() - self.ej_bedomda
    }

    fn add(&mut self, status: Status) {
        match status {
            Status::Uppfylld => self.uppfyllda += 1,
            Status::Delvis => self.delvis += 1,
            Status::EjUppfylld => self.ej_uppfyllda += 1,
            Status::EjBedomd => self.ej_bedomda += 1,
        }
    }
}

impl fmt::Display for Progress {
    /// `12 av 29 uppfyllda · 20 bedömda`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} av {} uppfyllda · {} bedömda",
            self.uppfyllda,
            self.totalt(),
            self.bedomda()
        )
    }
}

/// One kommun's checklist: the entries for the dataset's indikatorer, and the numbers of the
/// file the dataset does not have (the file keeps them as they are; see [`file`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    rules: Rules,
    kommun: Option<String>,
    entries: BTreeMap<u32, Entry>,
    /// Numbers in the file that the dataset does not have.
    unknown: BTreeSet<u32>,
    /// The kommun's answers per insats id, ids the dataset lacks included (kept as they are).
    svar: BTreeMap<String, InsatsSvar>,
    /// The line of each insats's table in the file last read, for warnings.
    svar_lines: BTreeMap<String, usize>,
    revision: u64,
}

impl Checklist {
    /// An empty checklist (everything *ej bedömd*) for the dataset's indikatorer.
    #[must_use]
    pub fn new(rules: Rules, kommun: Option<String>) -> Self {
        Checklist {
            rules,
            kommun,
            entries: BTreeMap::new(),
            unknown: BTreeSet::new(),
            svar: BTreeMap::new(),
            svar_lines: BTreeMap::new(),
            revision: 0,
        }
    }

    /// The rules the checklist checks changes against.
    #[must_use]
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The kommun's name, as given when the checklist was created.
    #[must_use]
    pub fn kommun(&self) -> Option<&str> {
        self.kommun.as_deref()
    }

    /// Set the kommun's name (`None` or empty removes it).
    pub fn set_kommun(&mut self, kommun: Option<String>) {
        let kommun = kommun.filter(|k| !k.trim().is_empty());
        if kommun != self.kommun {
            self.kommun = kommun;
            self.revision += 1;
        }
    }

    /// Name the kommun of a checklist that has none yet, without counting it as a change: the
    /// name is written with the first real change, so merely opening a checklist never
    /// writes a file.
    pub fn name_kommun(&mut self, kommun: &str) {
        if self.kommun.is_none() && !kommun.trim().is_empty() {
            self.kommun = Some(kommun.to_string());
        }
    }

    /// Counts up by one on every change that alters what would be saved.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The status of indikator `nummer` in `omrade` (*ej bedömd* when it has none).
    #[must_use]
    pub fn status(&self, nummer: u32, omrade: IndikatorOmrade) -> Status {
        self.entries
            .get(&nummer)
            .map_or(Status::EjBedomd, |e| e.status_in(omrade))
    }

    /// The status of indikator `nummer` in each område it is published in, in the source's
    /// order.
    #[must_use]
    pub fn statuses(&self, nummer: u32) -> Vec<(IndikatorOmrade, Status)> {
        self.rules.get(nummer).map_or_else(Vec::new, |r| {
            r.omraden
                .iter()
                .map(|o| (*o, self.status(nummer, *o)))
                .collect()
        })
    }

    /// The note of indikator `nummer` (empty when none).
    #[must_use]
    pub fn note(&self, nummer: u32) -> &str {
        self.entries.get(&nummer).map_or("", |e| e.note.as_str())
    }

    /// The entry of indikator `nummer`, if it has one.
    #[must_use]
    pub fn entry(&self, nummer: u32) -> Option<&Entry> {
        self.entries.get(&nummer)
    }

    /// Entries of the dataset's indikatorer that say something, by nummer.
    pub fn entries(&self) -> impl Iterator<Item = (u32, &Entry)> {
        self.entries
            .iter()
            .filter(|(_, e)| !e.is_empty())
            .map(|(n, e)| (*n, e))
    }

    /// Numbers in the file that the dataset does not have: kept in the file, reported at load.
    #[must_use]
    pub fn unknown(&self) -> &BTreeSet<u32> {
        &self.unknown
    }

    /// The områden `scope` names for indikator `nummer`.
    ///
    /// # Errors
    /// [`StatusError::Unknown`] for a nummer outside the dataset, [`StatusError::NotInOmrade`]
    /// for an område the indikator is not published in.
    pub fn omraden_of(
        &self,
        nummer: u32,
        scope: Scope,
    ) -> Result<Vec<IndikatorOmrade>, StatusError> {
        let rule = self.rules.get(nummer).ok_or(StatusError::Unknown(nummer))?;
        match scope {
            Scope::Alla => Ok(rule.omraden.clone()),
            Scope::Omrade(o) if rule.omraden.contains(&o) => Ok(vec![o]),
            Scope::Omrade(o) => Err(StatusError::NotInOmrade {
                nummer,
                omrade: o,
                omraden: rule.omraden.clone(),
            }),
        }
    }

    /// Set the status of indikator `nummer` in the områden of `scope`; returns the status now
    /// in force there.
    ///
    /// # Errors
    /// [`StatusError`] when the rules do not allow it; nothing changes then.
    pub fn set_status(
        &mut self,
        nummer: u32,
        scope: Scope,
        status: Status,
    ) -> Result<Status, StatusError> {
        let omraden = self.omraden_of(nummer, scope)?;
        self.rules.check(nummer, status)?;
        let entry = self.entries.entry(nummer).or_default();
        let mut changed = false;
        for o in omraden {
            let before = entry.status_in(o);
            if before != status {
                changed = true;
                if status == Status::EjBedomd {
                    entry.status.remove(&o);
                } else {
                    entry.status.insert(o, status);
                }
            }
        }
        if changed {
            self.revision += 1;
        }
        Ok(status)
    }

    /// The space key in one område: ej bedömd → uppfylld → delvis → ej uppfylld → ej bedömd,
    /// skipping *delvis* where the indikator does not define it. Returns the new status.
    ///
    /// # Errors
    /// [`StatusError::Unknown`] for a nummer outside the dataset, [`StatusError::NotInOmrade`]
    /// and [`StatusError::Bakgrundsmatt`] for a bakgrundsmått.
    pub fn cycle(&mut self, nummer: u32, omrade: IndikatorOmrade) -> Result<Status, StatusError> {
        let rule = self.rules.get(nummer).ok_or(StatusError::Unknown(nummer))?;
        if rule.bakgrundsmatt {
            return Err(StatusError::Bakgrundsmatt(nummer));
        }
        let next = self.status(nummer, omrade).next(rule.delvis);
        self.set_status(nummer, Scope::Omrade(omrade), next)
    }

    /// Set the note of indikator `nummer` (bakgrundsmått too); an all-blank note removes it.
    /// Trailing whitespace is trimmed.
    ///
    /// # Errors
    /// [`StatusError::Unknown`] for a nummer outside the dataset.
    pub fn set_note(&mut self, nummer: u32, note: &str) -> Result<(), StatusError> {
        if self.rules.get(nummer).is_none() {
            return Err(StatusError::Unknown(nummer));
        }
        let note = note.trim_end();
        let entry = self.entries.entry(nummer).or_default();
        if entry.note != note {
            entry.note = note.to_string();
            self.revision += 1;
        }
        Ok(())
    }

    /// Counts for the indikatorer published in `omrade`, each with its status there
    /// (bakgrundsmått not counted).
    #[must_use]
    pub fn progress(&self, omrade: IndikatorOmrade) -> Progress {
        let mut p = Progress::default();
        for (&nummer, rule) in &self.rules.0 {
            if !rule.bakgrundsmatt && rule.omraden.contains(&omrade) {
                p.add(self.status(nummer, omrade));
            }
        }
        p
    }

    /// Counts over every område: an indikator is counted once in each område it is
    /// published in, with its status there.
    #[must_use]
    pub fn progress_all(&self) -> Progress {
        let mut p = Progress::default();
        for (&nummer, rule) in &self.rules.0 {
            if !rule.bakgrundsmatt {
                for o in &rule.omraden {
                    p.add(self.status(nummer, *o));
                }
            }
        }
        p
    }

    /// Used by the file reader: put an entry read from the file in place without counting a
    /// change (the rules were checked by the reader).
    fn insert_read(&mut self, nummer: u32, entry: Entry) {
        self.entries.insert(nummer, entry);
    }

    /// The kommun's answers for insats `id`, if it has any.
    #[must_use]
    pub fn svar(&self, id: &str) -> Option<&InsatsSvar> {
        self.svar.get(id).filter(|s| !s.is_empty())
    }

    /// True when the kommun answered that it gives insats `id`.
    #[must_use]
    pub fn ger(&self, id: &str) -> bool {
        self.svar.get(id).is_some_and(InsatsSvar::ges)
    }

    /// Every insats with an answer or a note, by id (ids the dataset lacks included).
    pub fn all_svar(&self) -> impl Iterator<Item = (&str, &InsatsSvar)> {
        self.svar
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(k, s)| (k.as_str(), s))
    }

    /// Set the answer to `fraga` for insats `id` (`None` removes it); a `nej` on `ges` clears
    /// the other three. The caller checks that the id is in the dataset.
    ///
    /// # Errors
    /// [`SvarError::GesNej`] for an answer to one of the three while `ges` is `nej`.
    pub fn set_svar(
        &mut self,
        id: &str,
        fraga: Fraga,
        answer: Option<Svar>,
    ) -> Result<(), SvarError> {
        let entry = self.svar.entry(id.to_string()).or_default();
        let before = entry.clone();
        entry.set(id, fraga, answer)?;
        if *entry != before {
            self.revision += 1;
        }
        Ok(())
    }

    /// Set the note of insats `id`; an all-blank note removes it.
    pub fn set_svar_note(&mut self, id: &str, note: &str) {
        let note = note.trim_end();
        let entry = self.svar.entry(id.to_string()).or_default();
        if entry.note != note {
            entry.note = note.to_string();
            self.revision += 1;
        }
    }

    /// Warnings for answered insats ids that `known` does not know (from a later edition of
    /// the catalogue, or mistyped by hand): they are kept in the file as they are.
    #[must_use]
    pub fn unknown_svar(
        &self,
        file: &std::path::Path,
        known: impl Fn(&str) -> bool,
    ) -> Vec<Warning> {
        self.svar
            .keys()
            .filter(|id| !known(id))
            .map(|id| Warning {
                file: file.to_path_buf(),
                line: self.svar_lines.get(id).copied().unwrap_or(1),
                message: format!(
                    "insatsen {id:?} finns inte i datan; svaren behålls i filen som de är"
                ),
            })
            .collect()
    }

    /// Used by the file reader: put answers read from the file in place.
    fn insert_svar_read(&mut self, id: String, line: usize, svar: InsatsSvar) {
        self.svar_lines.insert(id.clone(), line);
        self.svar.insert(id, svar);
    }
}
