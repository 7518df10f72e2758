//! The store's parts that only the file has: its write transaction (the
//! write lock taken up front, the file checked before and after), the
//! check that the file under us is still the one opened, and SQLite's
//! pragmas and integrity check.

use super::{file, open};
use crate::store::{Access, Error, FileId, Result, Store, is_server};
use rusqlite::{Connection, Transaction};
use std::path::Path;

impl Store {
    /// Runs `f` in one write transaction on the file (see
    /// `FileEngine::write_tx`), for what only the file does with its own
    /// transaction (an import, a copy's bulk load); refused when read-only.
    pub(in crate::store) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if let Access::ReadOnly(why) = &self.access {
            return Err(Error::ReadOnly(why.clone()));
        }
        let seen = self.plan.as_ref().map(|p| p.identity.clone());
        self.file_engine_mut()?.write_tx(what, seen.as_deref(), f)
    }

    /// Is the place under us still the one we opened (the file's name still
    /// leading to it, with one link)? Once it failed it stays failed.
    pub fn check_file(&mut self) -> Result<()> {
        self.engine.check_place()
    }

    /// The file as opened, for a check made by another connection.
    pub fn file_id(&self) -> FileId {
        self.file_engine().map_or(FileId::NONE, |f| f.opened)
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.file()?
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(Error::sql("reading user_version"))
    }

    pub fn journal_mode(&self) -> Result<String> {
        self.file()?
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(Error::sql("reading journal_mode"))
    }

    /// `PRAGMA quick_check`: "ok", or what is wrong.
    pub fn quick_check(&self) -> Result<String> {
        let f = self.file_engine()?;
        if let Some(damage) = &f.damage {
            return Ok(damage.clone());
        }
        open::quick_check(&f.conn).map_err(Error::sql("running quick_check"))
    }
}

/// Runs `quick_check` on the file through a connection of its own, so that
/// a caller can do it off the first-frame path: on a large plan it reads
/// the whole file. Returns "ok" or what is wrong.
pub fn quick_check_file(path: &Path) -> Result<String> {
    if is_server(path) {
        // The server keeps its own pages whole; there is no file to read.
        return Ok(String::from("ok"));
    }
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(Error::sql("opening for quick_check"))?;
    conn.busy_timeout(open::BUSY_TIMEOUT)
        .map_err(Error::sql("setting busy_timeout"))?;
    open::quick_check(&conn).map_err(Error::sql("running quick_check"))
}

/// Does `path` still lead to the file `id` names, with one link?
pub fn still_the_file(path: &Path, id: FileId) -> bool {
    if is_server(path) {
        return true;
    }
    file::still(path, id).is_ok()
}

/// Version of the SQLite library compiled in.
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}
