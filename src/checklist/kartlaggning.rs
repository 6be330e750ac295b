//! The kommun's own answers to SKR's four survey questions per insats (its *kartläggning*),
//! kept in the same file as the checklist: does the kommun give the insats, digitally, in
//! enskild regi, utan biståndsbeslut — each `ja`, `nej` or unanswered — and a note.
//!
//! ```toml
//! [insats.missbruk-5.2-motiverande-samtal-mi]
//! ges = "ja"
//! digitalt = "nej"
//! anteckning = "Två behandlare utbildade."
//! ```
//!
//! A `nej` on `ges` leaves the other three unanswered: they ask how an insats the kommun
//! gives is given.

use std::fmt;
use std::str::FromStr;

/// One of the four questions behind the columns of SKR's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fraga {
    Ges,
    Digitalt,
    EnskildRegi,
    UtanBistandsbeslut,
}

impl Fraga {
    /// The four, in the source's column order.
    pub const ALL: [Fraga; 4] = [
        Fraga::Ges,
        Fraga::Digitalt,
        Fraga::EnskildRegi,
        Fraga::UtanBistandsbeslut,
    ];

    /// The key in the file and the name of the command-line flag (with `-` for `_`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Fraga::Ges => "ges",
            Fraga::Digitalt => "digitalt",
            Fraga::EnskildRegi => "enskild_regi",
            Fraga::UtanBistandsbeslut => "utan_bistandsbeslut",
        }
    }

    /// The label on screen, as the detail pane names the national figure.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Fraga::Ges => "Ges",
            Fraga::Digitalt => "Digitalt",
            Fraga::EnskildRegi => "I enskild regi",
            Fraga::UtanBistandsbeslut => "Utan biståndsbeslut",
        }
    }

    /// The question whose file key is `key`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Fraga> {
        Fraga::ALL.into_iter().find(|f| f.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// An answer: `ja` or `nej` (unanswered is `None` where an answer is kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Svar {
    Ja,
    Nej,
}

impl Svar {
    /// The word in the file and on screen.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Svar::Ja => "ja",
            Svar::Nej => "nej",
        }
    }
}

impl fmt::Display for Svar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not `ja` or `nej`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("okänt svar {0:?} (giltiga: \"ja\", \"nej\")")]
pub struct UnknownSvar(pub String);

impl FromStr for Svar {
    type Err = UnknownSvar;

    /// `ja` or `nej`, case-insensitively and ignoring spaces around them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "ja" => Ok(Svar::Ja),
            "nej" => Ok(Svar::Nej),
            _ => Err(UnknownSvar(s.to_string())),
        }
    }
}

/// An answer to one question, or its removal, as the command line and the keys give it.
pub type Answer = Option<Svar>;

/// A change the rules of the survey do not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SvarError {
    #[error(
        "{id}: ges är \"nej\", så {} lämnas obesvarad; sätt ges till \"ja\" först",
        fraga.key()
    )]
    GesNej { id: String, fraga: Fraga },
}

/// The kommun's answers for one insats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InsatsSvar {
    answers: [Answer; 4],
    /// Free text; empty when there is none.
    pub note: String,
}

impl InsatsSvar {
    /// The answer to `fraga`.
    #[must_use]
    pub fn get(&self, fraga: Fraga) -> Answer {
        self.answers[fraga.index()]
    }

    /// True when the kommun answered that it gives the insats.
    #[must_use]
    pub fn ges(&self) -> bool {
        self.get(Fraga::Ges) == Some(Svar::Ja)
    }

    /// True when nothing is answered and there is no note.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(Option::is_none) && self.note.is_empty()
    }

    /// Set one answer. A `nej` on `ges` clears the other three.
    ///
    /// # Errors
    /// [`SvarError::GesNej`] for an answer to one of the three while `ges` is `nej`.
    pub fn set(&mut self, id: &str, fraga: Fraga, answer: Answer) -> Result<(), SvarError> {
        if fraga != Fraga::Ges && answer.is_some() && self.get(Fraga::Ges) == Some(Svar::Nej) {
            return Err(SvarError::GesNej {
                id: id.to_string(),
                fraga,
            });
        }
        self.answers[fraga.index()] = answer;
        if fraga == Fraga::Ges && answer == Some(Svar::Nej) {
            for f in &Fraga::ALL[1..] {
                self.answers[f.index()] = None;
            }
        }
        Ok(())
    }

    /// Put an answer read from a file in place (the reader checks the `nej` rule).
    pub(crate) fn put(&mut self, fraga: Fraga, answer: Svar) {
        self.answers[fraga.index()] = Some(answer);
    }

    /// The answered questions, in the source's column order.
    pub fn answered(&self) -> impl Iterator<Item = (Fraga, Svar)> + '_ {
        Fraga::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|s| (f, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nej_on_ges_clears_the_other_three_and_refuses_new_answers() {
        let mut s = InsatsSvar::default();
        s.set("x", Fraga::Ges, Some(Svar::Ja)).expect("set");
        s.set("x", Fraga::Digitalt, Some(Svar::Ja)).expect("set");
        s.set("x", Fraga::Ges, Some(Svar::Nej)).expect("set");
        assert_eq!(s.get(Fraga::Digitalt), None);
        assert!(s.set("x", Fraga::EnskildRegi, Some(Svar::Ja)).is_err());
        // Removing an answer is always allowed.
        s.set("x", Fraga::EnskildRegi, None).expect("set");
        assert!(!s.ges());
    }

    #[test]
    fn words_parse_case_insensitively_and_refuse_others() {
        assert_eq!(" JA ".parse::<Svar>(), Ok(Svar::Ja));
        assert_eq!("nej".parse::<Svar>(), Ok(Svar::Nej));
        assert!("kanske".parse::<Svar>().is_err());
    }
}
