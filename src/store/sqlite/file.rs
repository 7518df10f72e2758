//! The database file under a running program is the one it opened.
//!
//! SQLite keeps writing to the file it opened, whatever happens to the name:
//! deleted, its writes go to an inode nobody will see again ("已保存", and
//! lost); replaced by `mv backup.db plan.db`, this program's writes go to the
//! old inode while the journal beside the name belongs to the new one; a
//! second hard link has its own `-wal`/`-shm`, and two planners writing
//! through the two names corrupt the file. So the name is checked against
//! the device, inode and link count seen at open, at every wake-up and
//! around every write: a stat of a few microseconds.

use crate::store::location::{FileId, FileLoss};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The identity of the file at `path`, refusing a file with several names.
pub fn identify(path: &Path) -> Result<FileId, FileLoss> {
    let m = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(_) => return Err(FileLoss::Deleted),
    };
    if !m.file_type().is_file() {
        return Err(FileLoss::Replaced);
    }
    if m.nlink() > 1 {
        return Err(FileLoss::HardLinked(m.nlink()));
    }
    Ok(FileId {
        dev: m.dev(),
        ino: m.ino(),
    })
}

/// Is the file at `path` still `opened`, with one name?
pub fn still(path: &Path, opened: FileId) -> Result<(), FileLoss> {
    match identify(path) {
        Ok(id) if id == opened => Ok(()),
        Ok(_) => Err(FileLoss::Replaced),
        Err(FileLoss::HardLinked(n)) => {
            // A second name for *our* file is a hard link; another file
            // with links of its own was moved over ours.
            let same = std::fs::symlink_metadata(path)
                .is_ok_and(|m| m.dev() == opened.dev && m.ino() == opened.ino);
            Err(if same {
                FileLoss::HardLinked(n)
            } else {
                FileLoss::Replaced
            })
        }
        Err(e) => Err(e),
    }
}
