//! A new plan file that appears under its name only once complete: written
//! under a hidden name beside it, then renamed into place without ever
//! overwriting (see `replace::new_plan_with`); what killed writers left
//! behind is cleared.

use super::Failure;
use super::commands::{Context, open_bare_at};
use crate::store;
use std::path::{Path, PathBuf};

/// Runs `write` on a new database that appears as `db` only once `write`
/// has succeeded and the database is closed (see `new_plan_with`).
pub(super) fn into_new_file<T>(
    ctx: &Context,
    db: &Path,
    write: impl FnOnce(&mut store::Store) -> Result<T, Failure>,
) -> Result<T, Failure> {
    clear_abandoned(db);
    let writing = writing_name(db);
    let written = open_bare_at(ctx, &writing)
        .map_err(|f| as_the_plans(f, db))
        .and_then(|mut store| {
            let value = write(&mut store)?;
            // Closed before the rename: its journals are folded in and gone.
            drop(store);
            Ok(value)
        });
    let moved = written.and_then(|value| {
        move_into_place(&writing, db)
            .map(|()| value)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Failure::Input(ctx.lang.plan_appeared(db)),
                _ => Failure::Other(ctx.lang.file_failed(db, &e)),
            })
    });
    for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
        let _ = std::fs::remove_file(store::sibling(&writing, suffix));
    }
    moved
}

/// A plan that cannot be created is said of the plan's own name, not of
/// the hidden one it would have been written under.
fn as_the_plans(f: Failure, db: &Path) -> Failure {
    match f {
        Failure::Store(store::Error::ReadOnly(store::ReadOnlyWhy::NoPlanYet { why, .. })) => {
            let path = db.to_path_buf();
            Failure::Store(store::Error::ReadOnly(store::ReadOnlyWhy::NoPlanYet {
                path,
                why,
            }))
        }
        f => f,
    }
}

/// `.plan.db.writing-<pid>-<random>`, beside `db`: the same folder, so the
/// same file system for the rename, and the same rules for the new file's
/// mode. The process id says, later, whether its writer is still alive.
fn writing_name(db: &Path) -> PathBuf {
    let pid = std::process::id();
    let name = format!("{}{pid}-{:016x}", writing_prefix(db), fastrand::u64(..));
    db.with_file_name(name)
}

fn writing_prefix(db: &Path) -> String {
    let name = db.file_name().map_or_else(
        || "plan.db".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!(".{name}.writing-")
}

/// Removes what a killed import left beside `db` (a half-written plan can
/// be hundreds of megabytes): the files of writers that no longer run. A
/// writer that may still run (its process exists, whoever owns it) keeps
/// its files.
fn clear_abandoned(db: &Path) {
    let prefix = writing_prefix(db);
    let Some(folder) = db.parent() else { return };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<i32>().ok());
        let gone = pid
            .and_then(rustix::process::Pid::from_raw)
            .is_some_and(|pid| {
                rustix::process::test_kill_process(pid) == Err(rustix::io::Errno::SRCH)
            });
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Renames `from` to `to` unless `to` exists (renameat2 NOREPLACE); where
/// the file system cannot say, a hard link does the same, then the old name
/// goes.
pub(super) fn move_into_place(from: &Path, to: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            std::fs::hard_link(from, to)?;
            std::fs::remove_file(from)
        }
        Err(e) => Err(e.into()),
    }
}

/// A plan file being built in `folder` under a hidden name (never listed
/// as a plan), gone with its journals when dropped.
pub(super) struct Scratch(pub(super) PathBuf);

impl Scratch {
    pub(super) fn in_folder(folder: &Path) -> Scratch {
        let name = format!(
            ".plan-cockpit-new-{}-{:016x}.db",
            std::process::id(),
            fastrand::u64(..)
        );
        Scratch(folder.join(name))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
            let _ = std::fs::remove_file(store::sibling(&self.0, suffix));
        }
    }
}
