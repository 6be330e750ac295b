//! Key bindings: parse, validate and merge `keymap.toml`; resolve (context, key) → [`Action`].
//!
//! The default keymap is the repository's `keymap.toml`, embedded at build time. User files
//! are merged over it key by key, so a user file names only what it changes. A bad user file
//! is an error naming file, table and key; it is never skipped silently.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::{Action, Context};

pub mod help;
pub use help::{Help, HelpGroup, HelpRow, HelpSection, HelpView};

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../keymap.toml");

/// The vi profile (`insats keymap --profil vi`): the catalogue's letter commands of old, for
/// those who would rather press `/` before searching. Saved as one's own keymap.toml, it is
/// merged over the defaults like any user file.
pub const VI_PROFILE: &str = include_str!("keymap_vi.toml");

/// A problem with a keymap file.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("kan inte läsa tangentbordsfilen {file}: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("tangentbordsfilen {file} är inte giltig TOML: {message}")]
    Toml { file: PathBuf, message: String },
    #[error(
        "tangentbordsfilen {file}: okänd tabell [{table}] (giltiga: [global], [tree], [list], [detail], [search], [checklist], [presentation], [help])"
    )]
    UnknownTable { file: PathBuf, table: String },
    #[error("tangentbordsfilen {file}: [{table}] ska vara en tabell med tangent = \"åtgärd\"")]
    NotATable { file: PathBuf, table: String },
    #[error(
        "tangentbordsfilen {file}:{line}: filen är inte giltig UTF-8 här (spara den som UTF-8)"
    )]
    Encoding { file: PathBuf, line: usize },
    #[error(
        "tangentbordsfilen {file}, tabell [{table}]: tangenten står två gånger, som {first:?} och {second:?}; ta bort den ena"
    )]
    Duplicate {
        file: PathBuf,
        table: String,
        first: String,
        second: String,
    },
    #[error(
        "tangentbordsfilen {files}: ingen tangent avslutar insats (ingen tangent som går att nå är bunden till \"quit\"); lägg till till exempel q = \"quit\" under [global]"
    )]
    NoQuit {
        /// The user's files merged over the defaults, joined with " + ".
        files: String,
    },
    #[error("tangentbordsfilen {file}, tabell [{table}], tangent {key:?}: {message}")]
    BadKey {
        file: PathBuf,
        table: String,
        key: String,
        message: String,
    },
}

/// A key with its modifiers, normalised so that a keymap entry and a key press compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyCombo {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyCombo {
    /// A combo from a code and modifiers, normalised (see [`KeyCombo::from_event`]).
    #[must_use]
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // Shift is already in the character (`G`, `?`) and in BackTab.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyCombo { code, modifiers }
    }

    /// The combo of a key press.
    #[must_use]
    pub fn from_event(event: &KeyEvent) -> Self {
        KeyCombo::new(event.code, event.modifiers)
    }

    /// The character this key types into a text box, if it types one.
    ///
    /// Ctrl+Alt together counts as text: some terminals report AltGr that way.
    fn typed_char(self) -> Option<char> {
        let KeyCode::Char(c) = self.code else {
            return None;
        };
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        (self.modifiers.is_empty() || self.modifiers.contains(ctrl_alt)).then_some(c)
    }
}

impl FromStr for KeyCombo {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut rest = s;
        let mut modifiers = KeyModifiers::NONE;
        // A single character is always a key, even `-`; otherwise peel off prefixes.
        while rest.chars().count() > 1 {
            let lower = rest.to_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                modifiers |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("tomt tangentnamn".into()),
            (Some(c), None) => KeyCode::Char(c),
            _ => named_key(&rest.to_lowercase()).ok_or_else(|| {
                format!(
                    "okänt tangentnamn {rest:?} (ett tecken, eller up, down, left, right, enter, \
                     esc, tab, backtab, backspace, delete, insert, home, end, pageup, pagedown, \
                     space, f1–f12, med prefix ctrl-, alt-, shift-)"
                )
            })?,
        };
        Ok(KeyCombo::new(code, modifiers))
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if (1..=12).contains(&n) {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

impl fmt::Display for KeyCombo {
    /// The key as printed in the help overlay: `Ctrl-C`, `↑`, `PgDn`, `G`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        let ctrl = self.modifiers.contains(KeyModifiers::CONTROL);
        match self.code {
            KeyCode::Char(' ') => f.write_str("Mellanslag"),
            KeyCode::Char(c) if ctrl => write!(
                f,
                "{}",
                crate::text::sanitize(&c.to_uppercase().to_string())
            ),
            // A keymap file can name any character, control characters included.
            KeyCode::Char(c) => f.write_str(&crate::text::sanitize(&c.to_string())),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backsteg"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Bindings of one table, in file order (defaults first, user additions after).
type Table = Vec<(KeyCombo, Action)>;

/// The loaded key bindings: `[global]` plus one table per [`Context`].
#[derive(Debug, Clone)]
pub struct Keymap {
    global: Table,
    contexts: [Table; 7],
}

fn context_slot(context: Context) -> usize {
    match context {
        Context::Tree => 0,
        Context::List => 1,
        Context::Detail => 2,
        Context::Search => 3,
        Context::Presentation => 4,
        Context::Checklist => 5,
        Context::Help => 6,
    }
}

impl Keymap {
    /// The embedded default keymap.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which a test rules out.
    pub fn builtin() -> Result<Self, KeymapError> {
        let mut k = Keymap {
            global: Vec::new(),
            contexts: Default::default(),
        };
        k.merge_str(DEFAULT_KEYMAP, Path::new("keymap.toml (inbyggd)"))?;
        Ok(k)
    }

    /// The default keymap merged with the user's files, in order; later files win.
    ///
    /// # Errors
    /// The first problem in any file, naming file, table and key.
    pub fn load(files: &[PathBuf]) -> Result<Self, KeymapError> {
        let mut k = Keymap::builtin()?;
        for file in files {
            let bytes = std::fs::read(file).map_err(|source| KeymapError::Io {
                file: file.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| KeymapError::Encoding {
                file: file.clone(),
                line: e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1,
            })?;
            k.merge_str(&text, file)?;
        }
        if !files.is_empty() && !k.can_quit() {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            return Err(KeymapError::NoQuit {
                files: names.join(" + "),
            });
        }
        Ok(k)
    }

    /// Whether some key quits in a context the user can reach from the start (the list),
    /// following the keys that move between contexts. A keymap without one would leave no
    /// way out but `kill`: raw mode turns Ctrl-C into a key, so it quits only when bound.
    #[must_use]
    pub fn can_quit(&self) -> bool {
        let mut reached = vec![Context::List];
        let mut i = 0;
        while let Some(&c) = reached.get(i) {
            i += 1;
            let keys = self
                .global
                .iter()
                .chain(self.contexts[context_slot(c)].iter())
                .map(|(k, _)| *k);
            for key in keys {
                let Some(action) = self.resolve_combo(c, key) else {
                    continue;
                };
                if action == Action::Quit {
                    return true;
                }
                for next in leads_to(c, action) {
                    if !reached.contains(next) {
                        reached.push(*next);
                    }
                }
            }
        }
        false
    }

    /// Merge the bindings of a keymap file's text over these, key by key.
    ///
    /// `file` is used in error messages only. On error nothing is changed.
    ///
    /// A key may appear once per table of one file: two spellings of the same key (`G` and
    /// `shift-g`, `pgdn` and `pagedown`) in one table are an error naming both, since
    /// which one should win is anybody's guess. A later file overrides an earlier one.
    ///
    /// # Errors
    /// Bad TOML, an unknown table, an unknown key name, an unknown action, or a key bound
    /// twice in one table.
    ///
    /// ```
    /// use insats::action::{Action, Context};
    /// use insats::keymap::{KeyCombo, Keymap};
    /// let mut k = Keymap::builtin().unwrap();
    /// k.merge_str("[list]\nx = \"quit\"\n", std::path::Path::new("mina.toml")).unwrap();
    /// let x: KeyCombo = "x".parse().unwrap();
    /// assert_eq!(k.lookup(Context::List, x), Some(Action::Quit));
    /// // Defaults not named in the file stay.
    /// assert_eq!(k.lookup(Context::List, "enter".parse().unwrap()), Some(Action::Open));
    /// ```
    pub fn merge_str(&mut self, text: &str, file: &Path) -> Result<(), KeymapError> {
        let doc: toml::Table = toml::from_str(text).map_err(|e| KeymapError::Toml {
            file: file.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let mut next = self.clone();
        for (table, value) in &doc {
            let slot = match table.as_str() {
                "global" => None,
                "tree" => Some(Context::Tree),
                "list" => Some(Context::List),
                "detail" => Some(Context::Detail),
                "search" => Some(Context::Search),
                "presentation" => Some(Context::Presentation),
                "checklist" => Some(Context::Checklist),
                "help" => Some(Context::Help),
                _ => {
                    return Err(KeymapError::UnknownTable {
                        file: file.to_path_buf(),
                        table: table.clone(),
                    });
                }
            };
            let toml::Value::Table(entries) = value else {
                return Err(KeymapError::NotATable {
                    file: file.to_path_buf(),
                    table: table.clone(),
                });
            };
            let target = match slot {
                None => &mut next.global,
                Some(c) => &mut next.contexts[context_slot(c)],
            };
            let mut seen: Vec<(KeyCombo, &String)> = Vec::new();
            for (key, value) in entries {
                let bad = |message: String| KeymapError::BadKey {
                    file: file.to_path_buf(),
                    table: table.clone(),
                    key: key.clone(),
                    message,
                };
                let combo: KeyCombo = key.parse().map_err(bad)?;
                if let Some((_, first)) = seen.iter().find(|(c, _)| *c == combo) {
                    return Err(KeymapError::Duplicate {
                        file: file.to_path_buf(),
                        table: table.clone(),
                        first: (*first).clone(),
                        second: key.clone(),
                    });
                }
                seen.push((combo, key));
                let toml::Value::String(name) = value else {
                    return Err(bad(format!(
                        "värdet ska vara ett åtgärdsnamn inom citattecken, inte {value}"
                    )));
                };
                let action: Action = name.parse().map_err(|_| {
                    let names: Vec<&str> = Action::bindable().filter_map(Action::name).collect();
                    bad(format!(
                        "okänd åtgärd {name:?} (giltiga: {})",
                        names.join(", ")
                    ))
                })?;
                match target.iter_mut().find(|(k, _)| *k == combo) {
                    Some(entry) => entry.1 = action,
                    None => target.push((combo, action)),
                }
            }
        }
        *self = next;
        Ok(())
    }

    /// The action bound to `key` in the context's table, without falling back to `[global]`.
    #[must_use]
    pub fn lookup(&self, context: Context, key: KeyCombo) -> Option<Action> {
        find(&self.contexts[context_slot(context)], key)
    }

    /// The action bound to `key` in `[global]`.
    #[must_use]
    pub fn lookup_global(&self, key: KeyCombo) -> Option<Action> {
        find(&self.global, key)
    }

    /// What a key press means in a context: its table first; in the catalogue's panes and
    /// the search box a key that types a character is text for the search box
    /// ([`Context::types_text`]); then `[global]`. A key bound to `none` means nothing.
    #[must_use]
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        self.resolve_combo(context, KeyCombo::from_event(event))
    }

    /// [`Keymap::resolve`] for a key combo.
    #[must_use]
    pub fn resolve_combo(&self, context: Context, key: KeyCombo) -> Option<Action> {
        let action = self.lookup(context, key).or_else(|| {
            if context.types_text()
                && let Some(c) = key.typed_char()
            {
                return Some(Action::InsertChar(c));
            }
            self.lookup_global(key)
        })?;
        (action != Action::None).then_some(action)
    }

    /// The keys that do `action` in a context (`[global]` keys that the context's table does
    /// not override, then the table's own), for help and hints.
    #[must_use]
    pub fn keys_for(&self, context: Option<Context>, action: Action) -> Vec<KeyCombo> {
        let own = |t: &Table| -> Vec<KeyCombo> {
            t.iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| *k)
                .collect()
        };
        let Some(c) = context else {
            return own(&self.global);
        };
        // Where typing searches, global keys first where they still work: they are the same
        // in every pane. Elsewhere (the checklist, the presentation) the context's own
        // letters come first.
        let global: Vec<KeyCombo> = self
            .global
            .iter()
            .filter(|(k, a)| *a == action && self.lookup(c, *k).is_none())
            .filter(|(k, _)| !c.types_text() || k.typed_char().is_none())
            .map(|(k, _)| *k)
            .collect();
        let own = own(&self.contexts[context_slot(c)]);
        if c.types_text() {
            [global, own].concat()
        } else {
            [own, global].concat()
        }
    }
}

/// The user's keymap file, `keymap.toml` in the settings folder ([`crate::config::dir`]);
/// `None` if it does not exist.
#[must_use]
pub fn user_keymap_path() -> Option<PathBuf> {
    let path = crate::config::dir()?.join("keymap.toml");
    path.is_file().then_some(path)
}

/// The files to merge over the defaults: the user's keymap if it exists, then `explicit`
/// (`--keymap FILE`), which must exist.
#[must_use]
pub fn user_files(explicit: Option<&Path>) -> Vec<PathBuf> {
    user_keymap_path()
        .into_iter()
        .chain(explicit.map(Path::to_path_buf))
        .collect()
}

/// The contexts an action can move the focus to from `from` (an over-estimate is fine: it
/// only decides whether a quit key can be reached).
fn leads_to(from: Context, action: Action) -> &'static [Context] {
    use Context::{Checklist, Detail, List, Presentation, Search, Tree};
    match action {
        Action::FocusSearch => &[Search],
        Action::FocusTree => &[Tree],
        Action::NextPane | Action::PrevPane | Action::Open | Action::Collapse | Action::Expand
            if from != Checklist =>
        {
            &[Tree, List, Detail]
        }
        Action::Back if from == Search => &[List, Checklist],
        Action::Back | Action::ShowCatalog => &[List],
        Action::ShowChecklist => &[Checklist],
        Action::TogglePresentation => &[Presentation],
        Action::EditNote | Action::ChooseKommun => &[Search],
        _ => &[],
    }
}

fn find(table: &Table, key: KeyCombo) -> Option<Action> {
    table.iter().find(|(k, _)| *k == key).map(|(_, a)| *a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keymap_without_a_way_to_quit_is_refused_naming_its_file() {
        assert!(Keymap::builtin().expect("builtin").can_quit());
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("mina.toml");
        // Ctrl-C moved elsewhere, Ctrl-Q, F10 and the checklist's and presentation's q unbound:
        // nothing quits.
        std::fs::write(
            &file,
            "[global]\nctrl-c = \"up\"\nctrl-q = \"none\"\nf10 = \"none\"\n[checklist]\nq = \"none\"\n[presentation]\nq = \"none\"\n",
        )
        .expect("write");
        let e = Keymap::load(std::slice::from_ref(&file)).expect_err("refused");
        assert!(matches!(e, KeymapError::NoQuit { .. }), "{e:?}");
        let msg = e.to_string();
        assert!(msg.contains(&file.display().to_string()), "{msg}");
        assert!(msg.contains("quit"), "{msg}");

        // Quit only in the presentation, which no key opens any more: still no way out.
        std::fs::write(
            &file,
            "[global]\nctrl-c = \"none\"\nctrl-q = \"none\"\nf10 = \"none\"\nf5 = \"none\"\n[checklist]\nq = \"none\"\n[presentation]\nq = \"none\"\nx = \"quit\"\n",
        )
        .expect("write");
        assert!(Keymap::load(std::slice::from_ref(&file)).is_err());

        // The same, with F5 still opening the presentation: x quits there.
        std::fs::write(
            &file,
            "[global]\nctrl-c = \"none\"\nctrl-q = \"none\"\nf10 = \"none\"\n[checklist]\nq = \"none\"\n[presentation]\nq = \"none\"\nx = \"quit\"\n",
        )
        .expect("write");
        assert!(Keymap::load(std::slice::from_ref(&file)).is_ok());

        // Quit moved to another key is fine.
        std::fs::write(
            &file,
            "[global]\nctrl-c = \"none\"\nctrl-q = \"none\"\nf10 = \"none\"\nf4 = \"quit\"\n",
        )
        .expect("write");
        assert!(Keymap::load(std::slice::from_ref(&file)).is_ok());
    }

    #[test]
    fn key_names_parse_and_normalise() {
        let k = |s: &str| s.parse::<KeyCombo>().expect(s);
        assert_eq!(
            k("ctrl-c"),
            KeyCombo::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            k("G"),
            KeyCombo::new(KeyCode::Char('G'), KeyModifiers::NONE)
        );
        assert_eq!(k("shift-g"), k("G"));
        assert_eq!(k("shift-tab"), k("backtab"));
        assert_eq!(
            k("-"),
            KeyCombo::new(KeyCode::Char('-'), KeyModifiers::NONE)
        );
        assert_eq!(
            k("PageDown"),
            KeyCombo::new(KeyCode::PageDown, KeyModifiers::NONE)
        );
        assert_eq!(k("f12"), KeyCombo::new(KeyCode::F(12), KeyModifiers::NONE));
        assert!("f13".parse::<KeyCombo>().is_err());
        assert!("ctrl-".parse::<KeyCombo>().is_err());
        assert_eq!(
            k("ctrl--"),
            KeyCombo::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert!("hyper-x".parse::<KeyCombo>().is_err());
    }

    #[test]
    fn key_display_is_readable() {
        let k = |s: &str| s.parse::<KeyCombo>().expect(s).to_string();
        assert_eq!(k("ctrl-t"), "Ctrl-T");
        assert_eq!(k("up"), "↑");
        assert_eq!(k("backtab"), "Shift-Tab");
        assert_eq!(k("G"), "G");
    }
}
