//! Files this program writes beside the database or where a planner asks
//! (exports, backups, `.bak` files), written so that nobody can redirect
//! them and nobody ever finds half of one under its final name.
//!
//! The content goes to a temporary file in the destination folder, created
//! exclusively (`O_EXCL`) under a random name nobody can predict or plant a
//! symlink at; it is synced, given its mode, and renamed over the final
//! name. A destination that is a symbolic link is refused rather than
//! written through or replaced.

use std::ffi::OsString;
use std::fs::{self, Permissions};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Why a destination cannot be written, before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    IsFolder,
    IsSymlink(PathBuf),
    NotAFile,
    NoFolder(PathBuf),
    NoName,
    /// The file exists and this user may not write it (replacing it through
    /// a rename would not ask the file's own permission).
    NotWritable,
    /// The open plan's database (named here), or its journal or lock.
    IsOpenPlan(PathBuf),
    /// A SQLite database (another plan, a backup), or the journal of one.
    IsDatabase(PathBuf),
}

/// An XDG base folder: `$var` when it is an absolute path (the spec ignores
/// a relative one), else `~/` + `under_home`; `None` with neither.
pub fn xdg_base(var: &str, under_home: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(under_home))
        })
}

pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Where `dest` may be written, and the mode an existing file there has
/// (kept when it is replaced).
pub fn check_destination(dest: &Path) -> Result<Option<u32>, Refusal> {
    if dest.file_name().is_none() {
        return Err(Refusal::NoName);
    }
    let folder = folder_of(dest);
    if !folder.is_dir() {
        return Err(Refusal::NoFolder(folder));
    }
    match fs::symlink_metadata(dest) {
        Ok(m) if m.file_type().is_symlink() => {
            Err(Refusal::IsSymlink(fs::read_link(dest).unwrap_or_default()))
        }
        Ok(m) if m.is_dir() => Err(Refusal::IsFolder),
        Ok(m) if !m.is_file() => Err(Refusal::NotAFile),
        Ok(_) if rustix::fs::access(dest, rustix::fs::Access::WRITE_OK).is_err() => {
            Err(Refusal::NotWritable)
        }
        Ok(m) => Ok(Some(m.permissions().mode() & 0o7777)),
        Err(_) => Ok(None),
    }
}

/// A temporary file beside `dest`, named `.NAME.RANDOM.partial` so that a
/// planner who finds one left by a killed program knows what it was. The
/// writer holds a lock on it while it lives; partial files of `dest` that
/// no live writer holds (a program killed mid-write) are removed first, so
/// they do not pile up.
pub fn temp_beside(dest: &Path, mode: u32) -> io::Result<tempfile::NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(dest.file_name().unwrap_or_default());
    prefix.push(".");
    sweep_partials(dest, &prefix);
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".partial")
        .rand_bytes(12)
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(folder_of(dest))?;
    // Held until the file is renamed or dropped: the mark of a live writer.
    let _ = tmp.as_file().try_lock();
    Ok(tmp)
}

/// How long a partial file is left alone whatever its lock says: a writer
/// takes its lock right after creating the file, never this late.
const PARTIAL_GRACE: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes `dest`'s partial files (`prefix…RANDOM.partial`, 12 random
/// characters) whose writer is gone: older than a minute and not locked.
fn sweep_partials(dest: &Path, prefix: &OsString) {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    let Ok(entries) = fs::read_dir(folder_of(dest)) else {
        return;
    };
    let prefix = prefix.as_bytes();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let b = name.as_bytes();
        let ours = b.len() == prefix.len() + 12 + ".partial".len()
            && b.starts_with(prefix)
            && b.ends_with(b".partial");
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > PARTIAL_GRACE);
        if !(ours && old) {
            continue;
        }
        let path = entry.path();
        let file = fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
            .open(&path);
        if let Ok(file) = file
            && file.try_lock().is_ok()
        {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Puts a finished temporary file under its final name. With `replace`
/// false an existing file is never overwritten (the rename fails instead).
pub fn finish(
    tmp: tempfile::NamedTempFile,
    dest: &Path,
    mode: u32,
    replace: bool,
) -> io::Result<()> {
    let file = tmp.as_file();
    // The umask may have narrowed what was asked for at creation.
    file.set_permissions(Permissions::from_mode(mode))?;
    file.sync_all()?;
    if replace {
        tmp.persist(dest).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(dest).map_err(|e| e.error)?;
    }
    // The rename itself is durable once the folder is synced.
    if let Ok(dir) = fs::File::open(folder_of(dest)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Writes `bytes` to `dest` atomically, keeping an existing file's mode;
/// a new file gets `new_mode`.
pub fn write_atomically(dest: &Path, bytes: &[u8], new_mode: u32) -> Result<(), WriteError> {
    let mode = check_destination(dest)
        .map_err(WriteError::Refused)?
        .unwrap_or(new_mode);
    let mut tmp = temp_beside(dest, mode).map_err(WriteError::Io)?;
    io::Write::write_all(&mut tmp, bytes).map_err(WriteError::Io)?;
    finish(tmp, dest, mode, true).map_err(WriteError::Io)
}

/// Like `write_atomically`, for text too large to hold: `fill` writes it
/// through a buffer into the temporary file, which then takes the name.
pub fn write_atomically_with(
    dest: &Path,
    new_mode: u32,
    fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let mode = check_destination(dest)
        .map_err(WriteError::Refused)?
        .unwrap_or(new_mode);
    let tmp = temp_beside(dest, mode).map_err(WriteError::Io)?;
    let mut out = io::BufWriter::with_capacity(1 << 16, tmp);
    fill(&mut out).map_err(WriteError::Io)?;
    let tmp = out
        .into_inner()
        .map_err(|e| WriteError::Io(e.into_error()))?;
    finish(tmp, dest, mode, true).map_err(WriteError::Io)
}

#[derive(Debug)]
pub enum WriteError {
    Refused(Refusal),
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Refused(r) => r.fmt(f),
            WriteError::Io(e) => e.fmt(f),
        }
    }
}
