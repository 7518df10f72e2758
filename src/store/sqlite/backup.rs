//! Copies of the live database, taken with SQLite's online backup API so
//! that other planners can keep working while it runs.

use super::beside::file_mode;
use super::check::quick_check;
use super::engine::FileEngine;
use crate::store::error::{Error, PathWhy, Result};
use rusqlite::Connection;
use rusqlite::backup::Backup;
use std::path::Path;
use std::time::Duration;

impl FileEngine {
    /// Writes a consistent copy to `dest`, which must not exist yet, with the
    /// same private permissions as the database, then checks the copy.
    ///
    /// The copy is made in an unpredictable temporary file beside `dest`
    /// (without a rollback journal: a failed copy is simply deleted) and
    /// renamed to `dest` only once checked, so a killed or failed backup
    /// never leaves a partial file under the final name, and a symlink
    /// planted at `dest` is neither followed nor replaced.
    pub(super) fn backup_file(&self, dest: &Path) -> Result<()> {
        let bad = |why: PathWhy| Error::BadPath {
            path: dest.to_owned(),
            why,
        };
        match crate::files::check_destination(dest) {
            Ok(None) => {}
            Ok(Some(_)) => {
                return Err(bad(PathWhy::Exists));
            }
            Err(r) => return Err(bad(PathWhy::Destination(r))),
        }
        let folder = crate::files::folder_of(dest);
        let mode = file_mode(&folder);
        let full = |e: Error| e.or_disk_full_at(&folder);
        let tmp = crate::files::temp_beside(dest, mode).map_err(|e| full(Error::io(&folder)(e)))?;
        let copied = (|| -> Result<()> {
            let mut out = Connection::open(tmp.path()).map_err(Error::sql("opening the backup"))?;
            out.pragma_update(None, "journal_mode", "OFF")
                .map_err(Error::sql("opening the backup"))?;
            Backup::new(&self.conn, &mut out)
                .and_then(|b| b.run_to_completion(256, Duration::ZERO, None))
                .map_err(Error::sql("copying the database"))?;
            let verdict = quick_check(&out).map_err(Error::sql("checking the backup"))?;
            if verdict != "ok" {
                return Err(Error::Corrupt {
                    path: dest.to_owned(),
                    detail: verdict,
                });
            }
            Ok(())
        })();
        // Dropping the temporary file on any failure deletes it.
        copied.map_err(full)?;
        crate::files::finish(tmp, dest, mode, false).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                bad(PathWhy::Exists)
            } else {
                full(Error::io(dest)(e))
            }
        })
    }
}
