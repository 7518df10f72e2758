//! The files beside the database: `plan.db.lock`, which serialises first
//! starts, and SQLite's `-wal`/`-shm` journals. Each must be a plain file of
//! the database's own (never a symlink, never a second name of another
//! file), and one that this user cannot write is named as the reason the
//! plan opens read-only.

use crate::store::error::{Error, PathWhy, Result};
use rustix::fs::OFlags;
use std::fs::{self, File, OpenOptions as FsOpen};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a planner waits for another process's first start to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// `<db>.lock`, `<db>-wal`: SQLite's names are the file name plus a suffix.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Files are private (0600) unless the folder is a team folder: setgid
/// (owned by the planners' group, so files inherit the group), or writable
/// by its group and not by everyone (a shared folder without setgid; /tmp
/// is writable by everyone and stays private). Then they are group-writable
/// (0660), so every planner in it can open them: the database, its journal
/// and lock, exports, reports and backups alike.
pub fn file_mode(folder: &Path) -> u32 {
    match fs::metadata(folder) {
        Ok(m) if is_team_folder(m.permissions().mode()) => 0o660,
        _ => 0o600,
    }
}

fn is_team_folder(mode: u32) -> bool {
    mode & 0o2000 != 0 || (mode & 0o020 != 0 && mode & 0o002 == 0)
}

pub(super) fn journals_exist(path: &Path) -> bool {
    sibling(path, "-wal").exists() && sibling(path, "-shm").exists()
}

pub(super) fn writable(path: &Path) -> bool {
    write_access(path).is_ok()
}

/// `access(W_OK)`, with the reason when it says no.
pub(super) fn write_access(path: &Path) -> std::io::Result<()> {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).map_err(std::io::Error::from)
}

/// Creates a file with exactly `mode`, whatever the umask says.
pub fn create_private(path: &Path, mode: u32) -> std::io::Result<File> {
    let f = FsOpen::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)?;
    f.set_permissions(fs::Permissions::from_mode(mode))?;
    Ok(f)
}

/// The lock and journals beside the database must be plain files: SQLite
/// would follow a symlinked `-wal` or `-shm` (or fail with "unable to open
/// database file"), and journals of two databases must never mix.
pub(super) fn refuse_odd_siblings(path: &Path) -> Result<()> {
    for suffix in [".lock", "-wal", "-shm", "-journal"] {
        let p = sibling(path, suffix);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p).unwrap_or_default();
                return Err(Error::BadPath {
                    path: p,
                    why: PathWhy::BesideSymlink { target },
                });
            }
            Ok(m) if !m.is_file() => {
                return Err(Error::BadPath {
                    path: p,
                    why: PathWhy::BesideNotAFile,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// A journal (`-wal`, `-shm`) left behind that this user cannot write,
/// named with its owner and mode: SQLite would refuse every write with a
/// bare "attempt to write a readonly database".
pub(super) fn unwritable_journal(path: &Path) -> Option<crate::store::error::ReadOnlyWhy> {
    use std::os::unix::fs::MetadataExt;
    ["-wal", "-shm"].into_iter().find_map(|suffix| {
        let p = sibling(path, suffix);
        let m = fs::symlink_metadata(&p).ok()?;
        // Only a refusal counts: the last connection closing deletes the
        // journals, and a file gone between the two calls is no reason.
        let refused =
            write_access(&p).is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
        refused.then(|| crate::store::error::ReadOnlyWhy::JournalNotWritable {
            journal: p.clone(),
            uid: m.uid(),
            mode: m.mode() & 0o7777,
        })
    })
}

/// Holds `<db>.lock` with `flock` while the database is created, configured,
/// migrated and seeded; released when dropped.
pub(super) struct StartLock(File);

/// What the lock file holds once a plan lives beside it. A lock file that
/// a first start has only just created is empty; one with this line has
/// seen a plan, so a missing database next to it was deleted or moved.
const PLAN_HERE: &[u8] = b"plan-cockpit: a plan lives beside this file\n";

impl StartLock {
    /// Records, once, that a plan lives beside the lock. Best effort: a
    /// lock file we cannot write only means a deleted plan is not noticed.
    pub(super) fn mark_plan_here(&self) {
        mark(&self.0);
    }
}

fn mark(lock: &File) {
    use std::io::Write;
    if lock.metadata().is_ok_and(|m| {
        m.is_file() && m.len() == 0 && std::os::unix::fs::MetadataExt::nlink(&m) == 1
    }) {
        let _ = (&*lock).write_all(PLAN_HERE);
    }
}

/// The same record after a plan was put into a file that held none (`init`,
/// an import, a copy): the lock beside it, if there is one of ours, never
/// through a symlink or onto another file's second name.
pub(super) fn mark_plan_beside(db: &Path) {
    let lock = FsOpen::new()
        .write(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits().cast_signed())
        .open(sibling(db, ".lock"));
    if let Ok(lock) = lock {
        mark(&lock);
    }
}

pub(super) fn take_start_lock(path: &Path, mode: u32) -> Result<Option<StartLock>> {
    let lock_path = sibling(path, ".lock");
    // Never through a symlink (a planted `plan.db.lock -> ~/.bashrc` would
    // have been chmodded or created), never blocking on a FIFO.
    let file = match FsOpen::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(mode)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits().cast_signed())
        .open(&lock_path)
    {
        Ok(f) => f,
        // A folder we cannot write to: the database will open read-only
        // and needs no start-up lock.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => return Ok(None),
        Err(e) => return Err(Error::io(&lock_path)(e)),
    };
    let meta = file.metadata().map_err(Error::io(&lock_path))?;
    if !meta.is_file() {
        return Err(Error::BadPath {
            path: lock_path,
            why: PathWhy::BesideNotAFile,
        });
    }
    // A hard link to some other file of ours would be chmodded below.
    if std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
        return Err(Error::BadPath {
            path: lock_path,
            why: PathWhy::BesideHardLinked,
        });
    }
    // The umask would turn 0660 into 0640 in a team folder. Only the owner
    // may chmod; for anyone else the file already has the owner's mode.
    if std::os::unix::fs::MetadataExt::uid(&meta) == rustix::process::geteuid().as_raw()
        && meta.permissions().mode() & 0o7777 != mode
    {
        let _ = file.set_permissions(fs::Permissions::from_mode(mode));
    }
    let started = Instant::now();
    loop {
        // flock(2) on Linux, exclusive, without waiting.
        match file.try_lock() {
            Ok(()) => return Ok(Some(StartLock(file))),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(err)) => {
                return Err(Error::io(&lock_path)(err));
            }
        }
        if started.elapsed() > LOCK_WAIT {
            return Err(Error::Busy);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// True when `db` does not exist but a plan was there: its lock file is
/// still beside the name and says a plan lived beside it (a first start
/// writes that only once its plan exists). A start in progress holds the
/// lock while it creates the file, so this waits for it (up to the usual
/// lock wait) before it looks again: planners starting together are never
/// told that a plan is gone while another one is creating it.
pub fn plan_was_here(db: &Path) -> bool {
    let lock = sibling(db, ".lock");
    let Ok(meta) = fs::symlink_metadata(&lock) else {
        return false;
    };
    if !meta.is_file() || std::os::unix::fs::MetadataExt::nlink(&meta) != 1 || meta.len() == 0 {
        // Not a lock of ours, or one that has not seen a plan yet.
        return false;
    }
    if let Ok(file) = FsOpen::new()
        .read(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits().cast_signed())
        .open(&lock)
    {
        let started = Instant::now();
        while started.elapsed() < LOCK_WAIT {
            match file.try_lock_shared() {
                Err(std::fs::TryLockError::WouldBlock) => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                _ => break,
            }
        }
    }
    !db.exists()
}
