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

use toml_edit::DocumentMut;

use super::file::{self, FORMAT, FORMAT_1, Parsed};
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
    /// Why the store cannot save, when it cannot.
    read_only: Option<String>,
    /// The bytes last read or written; `None` while the file does not exist.
    on_disk: Option<Vec<u8>>,
    /// The document last read or written, edited for each save.
    doc: DocumentMut,
    /// The format of the file on disk (`None` while it does not exist).
    format: Option<i64>,
    /// Where the format-1 original was kept, once it was.
    backup: Option<PathBuf>,
    saved_revision: u64,
    titles: BTreeMap<u32, String>,
}

/// Whether two kommun names name the same kommun: equal after Unicode normalisation (NFC),
/// case folding and collapsing white space. `Håbo` and `Habo` differ; `MALMÖ` and `Malmö`
/// do not.
#[must_use]
pub fn same_kommun(a: &str, b: &str) -> bool {
    super::location::kommun_key(a) == super::location::kommun_key(b)
}

impl Store {
    /// Open `path` for reading and saving, taking its lock. A missing file is an empty
    /// checklist, created on the first save; the directory must exist. A file or folder the
    /// user cannot write opens read-only, with the reason in [`Store::read_only_reason`].
    ///
    /// # Errors
    /// [`ChecklistError::Locked`] when another process holds the lock, `Lock` when the lock
    /// file cannot be created, `NotRegular` and `Dangling` for anything but a regular file
    /// (or a link to one), and the errors of reading and parsing (`Read`, `Encoding`,
    /// `Syntax`, `Key`). In every case the file is left as it was.
    pub fn open(path: &Path, indikatorer: &[Indikator]) -> Result<Opened, ChecklistError> {
        Self::open_kommun(path, None, indikatorer)
    }

    /// [`Store::open`], refusing a file that holds another kommun's checklist than `kommun`.
    ///
    /// # Errors
    /// As for [`Store::open`], and [`ChecklistError::OtherKommun`].
    pub fn open_kommun(
        path: &Path,
        kommun: Option<&str>,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        let (target, exists) = inspect(path)?;
        let mut reason = None;
        if exists && !writable(&target) {
            reason = Some(
                "filen är skrivskyddad; ändra dess rättigheter för att kunna spara".to_string(),
            );
        }
        let dir = parent_of(&target);
        if reason.is_none() && dir.is_dir() && !can_write(dir) {
            reason = Some(format!("mappen {} är inte skrivbar", dir.display()));
        }
        let lock = if reason.is_some() {
            None
        } else {
            match take_lock(path, &target) {
                Ok(lock) => Some(lock),
                Err(ChecklistError::Lock { source, .. }) if denied(&source) => {
                    reason = Some(format!(
                        "mappen {} är inte skrivbar ({source})",
                        parent_of(&target).display()
                    ));
                    None
                }
                Err(e) => return Err(e),
            }
        };
        let mut opened = Self::read(path, target, lock, indikatorer)?;
        opened.store.read_only = reason;
        check_kommun(&opened, kommun)?;
        Ok(opened)
    }

    /// Open `path` only to read it: no lock is taken and every save is refused.
    ///
    /// # Errors
    /// The errors of reading and parsing, as for [`Store::open`].
    pub fn open_read_only(
        path: &Path,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        Self::open_read_only_kommun(path, None, indikatorer)
    }

    /// [`Store::open_read_only`], refusing another kommun's file as [`Store::open_kommun`].
    ///
    /// # Errors
    /// As for [`Store::open_kommun`].
    pub fn open_read_only_kommun(
        path: &Path,
        kommun: Option<&str>,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        let (target, _) = inspect(path)?;
        let mut opened = Self::read(path, target, None, indikatorer)?;
        opened.store.read_only = Some("öppnad bara för läsning".to_string());
        check_kommun(&opened, kommun)?;
        Ok(opened)
    }

    fn read(
        path: &Path,
        target: PathBuf,
        lock: Option<File>,
        indikatorer: &[Indikator],
    ) -> Result<Opened, ChecklistError> {
        let rules = Rules::new(indikatorer);
        let on_disk = read_regular(&target).map_err(|e| match e {
            ReadError::Io(source) => ChecklistError::Read {
                file: path.to_path_buf(),
                source,
            },
            ReadError::NotRegular(kind) => ChecklistError::NotRegular {
                file: path.to_path_buf(),
                kind,
            },
        })?;
        let Parsed {
            checklist,
            mut warnings,
            doc,
            format,
        } = match &on_disk {
            None => file::parse("", path, &rules)?,
            Some(bytes) => file::parse(utf8(bytes, path)?, path, &rules)?,
        };
        if format == Some(FORMAT_1) {
            warnings.push(Warning {
                file: path.to_path_buf(),
                line: 1,
                message: format!(
                    "{} (en status per indikator); vid första ändringen skrivs den om till format {FORMAT} med en status per område, där varje område får indikatorns status från filen, och originalet sparas som {}",
                    super::error::FORMAT_1_NOTICE,
                    backup_path(&target, 0).display()
                ),
            });
            warnings.sort_by_key(|w| w.line);
        }
        let store = Store {
            path: path.to_path_buf(),
            target,
            lock,
            read_only: None,
            on_disk,
            doc,
            format,
            backup: None,
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

    /// True when the store cannot save: opened read-only, or the file or its folder is not
    /// writable.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none() || self.read_only.is_some()
    }

    /// Why the store cannot save, when it cannot.
    #[must_use]
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Where the format-1 original was kept when the file was migrated by a save.
    #[must_use]
    pub fn backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// True when `checklist` has changes this store has not saved.
    #[must_use]
    pub fn is_dirty(&self, checklist: &Checklist) -> bool {
        checklist.revision() != self.saved_revision
    }

    /// Save `checklist` if it changed since the last save; returns whether it wrote. A
    /// format-1 file is copied to its backup (see [`Store::backup`]) before it is first
    /// written as format 2. Temporary files that dead processes left beside it are removed.
    ///
    /// # Errors
    /// [`ChecklistError::ReadOnly`] for a read-only store, [`ChecklistError::ChangedOnDisk`]
    /// when another program changed the file since it was read or saved,
    /// [`ChecklistError::NotRegular`] when the file is no longer a regular file,
    /// [`ChecklistError::CannotWriteBack`] when the edited text would not read back the same,
    /// and [`ChecklistError::Save`] when writing fails. The file is then as it was.
    pub fn save(&mut self, checklist: &Checklist) -> Result<bool, ChecklistError> {
        if !self.is_dirty(checklist) {
            return Ok(false);
        }
        if self.is_read_only() {
            return Err(ChecklistError::ReadOnly {
                file: self.path.clone(),
                reason: self
                    .read_only
                    .clone()
                    .unwrap_or_else(|| "öppnad bara för läsning".to_string()),
            });
        }
        let (text, doc) = file::render(&self.doc, checklist, &self.path, |n| {
            self.titles.get(&n).cloned()
        })?;
        let bytes = text.into_bytes();
        let save_error = |source| ChecklistError::Save {
            file: self.path.clone(),
            source,
        };
        let now = read_regular(&self.target).map_err(|e| match e {
            ReadError::Io(e) => save_error(e),
            ReadError::NotRegular(kind) => ChecklistError::NotRegular {
                file: self.path.clone(),
                kind,
            },
        })?;
        // A file removed since it was read is written again; a changed one is not touched.
        if now.is_some() && now != self.on_disk {
            return Err(ChecklistError::ChangedOnDisk {
                file: self.path.clone(),
            });
        }
        if self.format == Some(FORMAT_1)
            && self.backup.is_none()
            && let Some(original) = &now
        {
            self.backup = Some(keep_backup(&self.target, original).map_err(save_error)?);
        }
        if now.as_deref() != Some(bytes.as_slice()) {
            write_atomic(&self.target, &bytes).map_err(save_error)?;
        }
        self.on_disk = Some(bytes);
        self.doc = doc;
        self.format = Some(FORMAT);
        self.saved_revision = checklist.revision();
        remove_stale_temps(&self.target);
        Ok(true)
    }
}

/// An opened checklist for the app: the store when it can save, why it cannot otherwise,
/// the state, and what to tell the user.
#[derive(Debug)]
pub struct AppOpened {
    pub store: Option<Store>,
    pub checklist: Checklist,
    /// Why the checklist is read-only, when it is.
    pub read_only: Option<String>,
    pub warnings: Vec<String>,
}

impl AppOpened {
    /// Open `path` for the app. A file another insats holds, or a file or folder that is not
    /// writable, opens read-only with its statuses and the reason; one that cannot be read
    /// (or is another kommun's) opens empty and read-only, and is never written. `kommun`
    /// names a new checklist.
    #[must_use]
    pub fn open(path: &Path, kommun: Option<&str>, indikatorer: &[Indikator]) -> Self {
        match Store::open_kommun(path, kommun, indikatorer) {
            Ok(mut o) => {
                if let Some(k) = kommun {
                    o.checklist.name_kommun(k);
                }
                let read_only = o.store.read_only_reason().map(str::to_string);
                AppOpened {
                    store: read_only.is_none().then_some(o.store),
                    checklist: o.checklist,
                    read_only,
                    warnings: o.warnings.iter().map(ToString::to_string).collect(),
                }
            }
            Err(locked @ ChecklistError::Locked { pid, .. }) => {
                match Store::open_read_only_kommun(path, kommun, indikatorer) {
                    Ok(o) => AppOpened {
                        store: None,
                        checklist: o.checklist,
                        // "insats" alone would read as the domain noun: name the program.
                        read_only: Some(match pid {
                            Some(p) => format!("programmet insats (process {p}) har den öppen"),
                            None => {
                                "programmet insats har den öppen i en annan process".to_string()
                            }
                        }),
                        warnings: vec![locked.to_string()],
                    },
                    Err(e) => Self::unreadable(&e, indikatorer),
                }
            }
            Err(e) => Self::unreadable(&e, indikatorer),
        }
    }

    fn unreadable(e: &ChecklistError, indikatorer: &[Indikator]) -> Self {
        AppOpened {
            store: None,
            checklist: Checklist::new(Rules::new(indikatorer), None),
            read_only: Some(
                "filen kunde inte läsas och lämnas orörd; starta med --checklista NY_FIL för en ny fil"
                    .to_string(),
            ),
            warnings: vec![e.to_string()],
        }
    }
}

fn check_kommun(opened: &Opened, kommun: Option<&str>) -> Result<(), ChecklistError> {
    if let (Some(asked), Some(in_file)) = (kommun, opened.checklist.kommun())
        && !same_kommun(asked, in_file)
    {
        return Err(ChecklistError::OtherKommun {
            file: opened.store.path.clone(),
            in_file: in_file.to_string(),
            asked: asked.to_string(),
        });
    }
    Ok(())
}

/// Whether an I/O error means "not allowed to write here".
fn denied(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The file a checklist at `path` is read from and saved to, and whether it exists: a
/// symbolic link is followed to a regular file; anything else is refused.
fn inspect(path: &Path) -> Result<(PathBuf, bool), ChecklistError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((path.to_path_buf(), false)),
        Err(source) => {
            return Err(ChecklistError::Read {
                file: path.to_path_buf(),
                source,
            });
        }
    };
    if !meta.file_type().is_symlink() {
        return match kind_of(&meta) {
            None => Ok((path.to_path_buf(), true)),
            Some(kind) => Err(ChecklistError::NotRegular {
                file: path.to_path_buf(),
                kind,
            }),
        };
    }
    match fs::metadata(path) {
        Ok(m) => match kind_of(&m) {
            None => Ok((
                fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
                true,
            )),
            Some(kind) => Err(ChecklistError::NotRegular {
                file: path.to_path_buf(),
                kind,
            }),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ChecklistError::Dangling {
            file: path.to_path_buf(),
            target: fs::read_link(path).unwrap_or_default(),
        }),
        Err(source) => Err(ChecklistError::Read {
            file: path.to_path_buf(),
            source,
        }),
    }
}

/// What a non-regular file is, in words; `None` for a regular file.
fn kind_of(meta: &fs::Metadata) -> Option<String> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("en mapp".to_string());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_block_device() {
            return Some("en enhetsfil".to_string());
        }
        if t.is_fifo() {
            return Some("en namngiven pipe (FIFO)".to_string());
        }
        if t.is_socket() {
            return Some("en socket".to_string());
        }
    }
    Some("ingen vanlig fil".to_string())
}

enum ReadError {
    Io(io::Error),
    NotRegular(String),
}

/// The bytes of the regular file `target`; `None` when it does not exist. The file is
/// opened without blocking and checked before it is read, so a FIFO or a device that took
/// its place is refused instead of waited on.
fn read_regular(target: &Path) -> Result<Option<Vec<u8>>, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut f = match options.open(target) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let meta = f.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    Ok(Some(bytes))
}

/// Whether this process may replace the existing file `target`: it has write permission
/// and is not marked read-only (checked even for root, who may write anything).
fn writable(target: &Path) -> bool {
    let Ok(meta) = fs::metadata(target) else {
        return true;
    };
    if meta.permissions().readonly() {
        return false;
    }
    can_write(target)
}

/// Whether the operating system lets this process write `path` (a file, or a folder to
/// create files in). Elsewhere than Unix, true: the attempt itself tells.
fn can_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `c` is a valid NUL-terminated path; access only reads it.
        unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// `dir/<stem>.format1.toml` (or `.format1.N.toml` for N > 0) beside `target`.
fn backup_path(target: &Path, n: u32) -> PathBuf {
    let stem = target
        .file_stem()
        .map_or_else(|| "checklista".into(), |s| s.to_string_lossy().into_owned());
    let suffix = if n == 0 {
        String::new()
    } else {
        format!(".{n}")
    };
    target.with_file_name(format!("{stem}.format{FORMAT_1}{suffix}.toml"))
}

/// Copy `original` to the first free backup path (or one that holds it already), with the
/// permissions of `target`.
fn keep_backup(target: &Path, original: &[u8]) -> io::Result<PathBuf> {
    for n in 0..1000 {
        let path = backup_path(target, n);
        match fs::read(&path) {
            Ok(b) if b == original => return Ok(path),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // With the checklist's own permissions: a private file stays private.
                let permissions = fs::metadata(target).map(|m| m.permissions());
                write_atomic_with(&path, original, |f, b| {
                    if let Ok(p) = &permissions {
                        f.set_permissions(p.clone())?;
                    }
                    f.write_all(b)
                })?;
                return Ok(path);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("för många säkerhetskopior av format 1"))
}

/// Whether process `pid` still runs.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Remove temporary files beside `target` that a process left when it died mid-save
/// (`.<name>.tmp.<pid>.<n>` of a pid that no longer runs). Elsewhere than Unix, where a
/// process cannot be asked about cheaply, a temporary file older than a day counts as left.
fn remove_stale_temps(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.tmp.");
    let Ok(entries) = fs::read_dir(parent_of(target)) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let file_name = e.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('.') else {
            continue;
        };
        let (Ok(pid), true) = (pid.parse::<u32>(), n.bytes().all(|b| b.is_ascii_digit())) else {
            continue;
        };
        if pid == me {
            continue;
        }
        #[cfg(unix)]
        let stale = !alive(pid);
        #[cfg(not(unix))]
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(24 * 3600));
        if stale && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
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

/// How long a held lock is tried again before it counts as another instance's, and how
/// often.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(200);
const LOCK_RETRY: std::time::Duration = std::time::Duration::from_millis(10);

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
    // A lock let go of a moment ago can still look held: a process started in between by
    // this program (or another thread of it) holds a copy of the lock's descriptor from the
    // fork until its exec closes it. So a held lock is tried again for a short while before
    // it counts as another instance's.
    let mut waited = std::time::Duration::ZERO;
    loop {
        match f.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if waited < LOCK_PATIENCE => {
                std::thread::sleep(LOCK_RETRY);
                waited += LOCK_RETRY;
            }
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
    File::open(parent_of(target))?.sync_all()
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
    #[cfg(unix)]
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
