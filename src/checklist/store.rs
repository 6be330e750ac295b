//! The checklist on disk: opened under an advisory lock, saved atomically, never overwritten
//! when it could not be read or was changed by someone else.
//!
//! - **Lock.** [`Store::open`] takes an exclusive lock (`flock`) on `.<name>.lock` beside the
//!   file and holds it while the store lives; the lock file holds the owner's pid for the
//!   message a second instance shows. The lock is on a separate file because each save
//!   replaces the checklist file itself. The operating system drops the lock when the process
//!   ends, however it ends, so there are no stale locks to clean up.
//! - **Atomic save.** A temporary file in the same directory is written and fsynced, renamed
//!   over the file, and the directory is fsynced: a reader, or the file after a crash at any
//!   point, shows the old or the new content, never a mix.
//! - **Never overwrite what was not read.** A file that fails to parse is an error and no
//!   store exists to write it. Before each save the file is compared with what was last read
//!   or written; if another program changed it, the save is refused.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::file::{self, Parsed};
use super::{Checklist, ChecklistError, Rules, Warning};
use crate::model::Indikator;

/// An opened checklist: the store that saves it, the state, and what the file held that this
/// version keeps without understanding (unknown numbers and keys).
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub checklist: Checklist,
    pub warnings: Vec<Warning>,
}

/// One checklist file, opened for saving (holding its lock) or read-only.
#[derive(Debug)]
pub struct Store {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// Where saves go: `path` with a symbolic link resolved, so a save replaces the target.
    target: PathBuf,
    /// The held lock; `None` when opened read-only.
    lock: Option<File>,
    /// The bytes last read or written; `None` while the file does not exist.
    on_disk: Option<Vec<u8>>,
    saved_revision: u64,
    titles: BTreeMap<u32, String>,
}

impl Store {
    /// Open `path` for reading and saving, taking its lock. A missing file is an empty
    /// checklist, created on the first save; the directory must exist.
    ///
    /// # Errors
    /// [`ChecklistError::Locked`] when another process holds the lock, `Lock` when the lock
    /// file cannot be created, and the errors of reading and parsing (`Read`, `Encoding`,
    /// `Syntax`, `Key`). In every case the file is left as it was.
    pub fn open(path: &Path, indikatorer: &[Indikator]) -> Result<Opened, ChecklistError> {
        let target = resolve(path);
        let lock = take_lock(path, &target)?;
        Self::read(path, target, Some(lock), indikatorer)
    }

    /// Open `path` only to read it: no lock is taken and every save is refused.
    ///
    /// # Errors
    /// The errors of reading and parsing, as for [`Store::open`].
    pub fn open_read_only(
        path: &Path,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        Self::read(path, resolve(path), None, indikatorer)
    }

    fn read(
        path: &Path,
        target: PathBuf,
        lock: Option<File>,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        let rules = Rules::new(indikatorer);
        let on_disk = match fs::read(&target) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(ChecklistError::Read {
                    file: path.to_path_buf(),
                    source,
                });
            }
        };
        let Parsed {
            checklist,
            warnings,
        } = match &on_disk {
            None => Parsed {
                checklist: Checklist::new(rules, None),
                warnings: Vec::new(),
            },
            Some(bytes) => file::parse(utf8(bytes, path)?, path, &rules)?,
        };
        let store = Store {
            path: path.to_path_buf(),
            target,
            lock,
            on_disk,
            saved_revision: checklist.revision(),
            titles: indikatorer
                .iter()
                .map(|i| (i.nummer, i.titel.clone()))
                .collect(),
        };
        Ok(Opened {
            store,
            checklist,
            warnings,
        })
    }

    /// The file as the user named it.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when opened with [`Store::open_read_only`].
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// True when `checklist` has changes this store has not saved.
    #[must_use]
    pub fn is_dirty(&self, checklist: &Checklist) -> bool {
        checklist.revision() != self.saved_revision
    }

    /// Save `checklist` if it changed since the last save; returns whether it wrote.
    ///
    /// # Errors
    /// [`ChecklistError::ReadOnly`] for a read-only store, [`ChecklistError::ChangedOnDisk`]
    /// when another program changed the file since it was read or saved, and
    /// [`ChecklistError::Save`] when writing fails. The file is then as it was.
    pub fn save(&mut self, checklist: &Checklist) -> Result<bool, ChecklistError> {
        if !self.is_dirty(checklist) {
            return Ok(false);
        }
        if self.is_read_only() {
            return Err(ChecklistError::ReadOnly {
                file: self.path.clone(),
            });
        }
        let text = file::render(checklist, |n| self.titles.get(&n).cloned());
        let bytes = text.into_bytes();
        let save_error = |source| ChecklistError::Save {
            file: self.path.clone(),
            source,
        };
        let now = match fs::read(&self.target) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(save_error(e)),
        };
        // A file removed since it was read is written again; a changed one is not touched.
        if now.is_some() && now != self.on_disk {
            return Err(ChecklistError::ChangedOnDisk {
                file: self.path.clone(),
            });
        }
        if now.as_deref() != Some(bytes.as_slice()) {
            write_atomic(&self.target, &bytes).map_err(save_error)?;
        }
        self.on_disk = Some(bytes);
        self.saved_revision = checklist.revision();
        Ok(true)
    }
}

/// `path` with a symbolic link resolved; `path` itself when it is not a link or is missing.
fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, ChecklistError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        ChecklistError::Encoding {
            file: path.to_path_buf(),
            line: bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })
}

/// `dir/.<name><suffix>` beside `target`.
fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "checklista".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}{suffix}"))
}

/// The lock file of a checklist file.
#[must_use]
pub fn lock_file(target: &Path) -> PathBuf {
    sibling(target, ".lock")
}

fn take_lock(path: &Path, target: &Path) -> Result<File, ChecklistError> {
    let lock_path = lock_file(target);
    let lock_error = |source| ChecklistError::Lock {
        file: path.to_path_buf(),
        lock_file: lock_path.clone(),
        source,
    };
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(lock_error)?;
    match f.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let pid = f
                .read_to_string(&mut text)
                .ok()
                .and_then(|_| text.trim().parse().ok());
            return Err(ChecklistError::Locked {
                file: path.to_path_buf(),
                pid,
            });
        }
        Err(fs::TryLockError::Error(e)) => return Err(lock_error(e)),
    }
    // The pid is only for the other instance's message; failing to write it is harmless.
    let _ = f
        .set_len(0)
        .and_then(|()| f.rewind())
        .and_then(|()| writeln!(f, "{}", std::process::id()));
    Ok(f)
}

/// A temporary file that is removed unless it was renamed into place.
struct Temp {
    path: PathBuf,
    file: File,
    kept: bool,
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Replace `target` with `bytes` atomically (see the module documentation).
///
/// # Errors
/// Any I/O error; `target` is then as it was and the temporary file is removed.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(target, bytes, |f, b| f.write_all(b))
}

/// [`write_atomic`] with the write step given: tests use it to write slowly (and kill the
/// process meanwhile) or to fail half-way.
///
/// # Errors
/// Any I/O error, including the write step's; `target` is then as it was.
pub fn write_atomic_with(
    target: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = sibling(target, &format!(".tmp.{}.{n}", std::process::id()));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let mut temp = Temp {
        path,
        file,
        kept: false,
    };
    if let Ok(meta) = fs::metadata(target) {
        temp.file.set_permissions(meta.permissions())?;
    }
    write(&mut temp.file, bytes)?;
    temp.file.sync_all()?;
    fs::rename(&temp.path, target)?;
    temp.kept = true;
    sync_dir(target)
}

#[cfg(unix)]
fn sync_dir(target: &Path) -> io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_target: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().expect("temp dir")
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp."))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_temp() {
        let d = dir();
        let target = d.path().join("x.toml");
        fs::write(&target, "old content\n").expect("write");
        let err = write_atomic_with(&target, b"new content that is longer\n", |f, b| {
            f.write_all(&b[..5])?;
            Err(io::Error::other("disk full"))
        })
        .expect_err("fails");
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read_to_string(&target).expect("read"), "old content\n");
        assert!(leftovers(d.path()).is_empty(), "{:?}", leftovers(d.path()));
    }

    #[test]
    fn a_writer_that_panics_half_way_leaves_the_old_file_and_no_temp() {
        let d = dir();
        let target = d.path().join("x.toml");
        fs::write(&target, "old content\n").expect("write");
        let t = target.clone();
        let result = std::panic::catch_unwind(move || {
            let _ = write_atomic_with(&t, b"new content\n", |f, b| {
                f.write_all(&b[..3]).expect("partial write");
                panic!("writer dies mid-save");
            });
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&target).expect("read"), "old content\n");
        assert!(leftovers(d.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_successful_write_replaces_the_file_and_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir();
        let target = d.path().join("x.toml");
        fs::write(&target, "old\n").expect("write");
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&target, b"new\n").expect("write");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new\n");
        let mode = fs::metadata(&target).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(leftovers(d.path()).is_empty());
    }
}
