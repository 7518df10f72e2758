//! Copies of the live database, taken with SQLite's online backup API so
//! that other planners can keep working while it runs.

use super::Store;
use super::error::{Error, Result};
use super::open::{create_private, file_mode, quick_check};
use rusqlite::Connection;
use rusqlite::backup::Backup;
use std::path::Path;
use std::time::Duration;

impl Store {
    /// Writes a consistent copy to `dest`, which must not exist yet, with the
    /// same private permissions as the database, then checks the copy.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() || dest.is_symlink() {
            return Err(Error::BadPath {
                path: dest.to_owned(),
                detail: "already exists; choose a new file name (nothing was written)".into(),
            });
        }
        let folder = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => ".".into(),
        };
        if !folder.is_dir() {
            return Err(Error::BadPath {
                path: dest.to_owned(),
                detail: format!("the folder {} does not exist", folder.display()),
            });
        }
        create_private(dest, file_mode(&folder))
            .map_err(Error::io(format!("creating {}", dest.display())))?;
        let result = (|| -> Result<()> {
            let mut out = Connection::open(dest).map_err(Error::sql("opening the backup"))?;
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
        if result.is_err() {
            let _ = std::fs::remove_file(dest);
        }
        result
    }
}
