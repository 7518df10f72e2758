//! One descriptor per database file for the life of every store open on it.
//!
//! POSIX record locks belong to the process, not to a descriptor, and
//! closing *any* descriptor of a file drops *all* of the process's locks on
//! it. SQLite keeps its own descriptors open for that reason, but a plain
//! `File::open` + close of the database (the header sniff, done again when
//! a worker opens its connection) silently released the shared lock the
//! cockpit's connection held: another SQLite program (the `sqlite3` shell,
//! a backup script) then believed it was the last connection, checkpointed
//! and deleted the `-wal` and `-shm` files, and the cockpit's later saves
//! went into an unlinked journal nobody else could see.
//!
//! So the first sniff of a file keeps its descriptor in a [`Pin`] that every
//! store opened on that file holds; later sniffs read the header through it
//! (`pread`) and never open or close another descriptor while a store of
//! this process has the file open. The descriptor closes when the last such
//! store is dropped, after its SQLite connection (SQLite has released its
//! locks by then).

use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// A database file held open for as long as a store of this process uses it.
#[derive(Clone)]
pub(in crate::store) struct Pin(Arc<Held>);

struct Held {
    dev: u64,
    ino: u64,
    /// The first descriptor, and any opened by a racing sniff of the same
    /// file: none of them may close while another is in use.
    files: Mutex<Vec<File>>,
}

/// Every file pinned now, by device and inode. Weak: a file no store holds
/// any more is closed and forgotten.
static PINNED: Mutex<Vec<Weak<Held>>> = Mutex::new(Vec::new());

impl Pin {
    /// Reads up to `buf.len()` bytes from the start of the file through the
    /// pinned descriptor; the count read.
    pub(in crate::store) fn read_head(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let files = self.0.files.lock().unwrap_or_else(PoisonError::into_inner);
        let f = files.first().ok_or(std::io::ErrorKind::NotFound)?;
        let mut n = 0;
        while n < buf.len() {
            match f.read_at(&mut buf[n..], n as u64) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(n)
    }
}

fn live(dev: u64, ino: u64) -> Option<Arc<Held>> {
    let mut pinned = PINNED.lock().unwrap_or_else(PoisonError::into_inner);
    pinned.retain(|w| w.strong_count() > 0);
    pinned
        .iter()
        .filter_map(Weak::upgrade)
        .find(|h| h.dev == dev && h.ino == ino)
}

/// Whether a store of this process holds the file with this device and
/// inode (so it is an open database, and must not be opened and closed).
pub(in crate::store) fn is_pinned(dev: u64, ino: u64) -> bool {
    live(dev, ino).is_some()
}

/// The pin of the file at `path`: the one a store of this process already
/// holds, or a new descriptor, which then stays open with the pin.
pub(in crate::store) fn pin(path: &Path) -> std::io::Result<Pin> {
    if let Ok(m) = std::fs::metadata(path)
        && let Some(held) = live(m.dev(), m.ino())
    {
        return Ok(Pin(held));
    }
    adopt(File::open(path)?)
}

/// The pin of a file this process has just opened (or created): the
/// descriptor is kept, never closed while a store may use the file.
pub(in crate::store) fn adopt(file: File) -> std::io::Result<Pin> {
    let m = file.metadata()?;
    let mut pinned = PINNED.lock().unwrap_or_else(PoisonError::into_inner);
    // The name may have led elsewhere between the look above and the open:
    // the inode actually opened decides.
    if let Some(held) = pinned
        .iter()
        .filter_map(Weak::upgrade)
        .find(|h| h.dev == m.dev() && h.ino == m.ino())
    {
        // Closing this second descriptor would drop the other's locks: it
        // is kept with the first.
        held.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(file);
        return Ok(Pin(held));
    }
    let held = Arc::new(Held {
        dev: m.dev(),
        ino: m.ino(),
        files: Mutex::new(vec![file]),
    });
    pinned.push(Arc::downgrade(&held));
    Ok(Pin(held))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_descriptor_serves_every_store_of_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        std::fs::write(&path, b"SQLite format 3\0rest").unwrap();
        let first = pin(&path).unwrap();
        let second = pin(&path).unwrap();
        assert!(Arc::ptr_eq(&first.0, &second.0));
        let mut buf = [0u8; 16];
        assert_eq!(second.read_head(&mut buf).unwrap(), 16);
        assert_eq!(&buf, b"SQLite format 3\0");
        drop(first);
        drop(second);
        assert!(live(0, 0).is_none());
        let m = std::fs::metadata(&path).unwrap();
        assert!(
            live(m.dev(), m.ino()).is_none(),
            "closed with its last store"
        );
    }
}
