//! The store's parts that only the file has: its write transaction (the
//! write lock taken up front, the file checked before and after), the
//! check that the file under us is still the one opened, and SQLite's
//! pragmas and integrity check.

use super::{file, open, schema_v6};
use crate::store::{Access, Conn, Error, FileId, Result, Store, is_server, same_plan};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::Path;

impl Store {
    /// Runs `f` in one short `BEGIN IMMEDIATE` transaction: the write lock is
    /// taken up front (waiting up to the busy timeout), so a read inside `f`
    /// cannot go stale before the write, and an error rolls everything back.
    ///
    /// Before it starts and again before it commits, the file must still be
    /// the one opened, and the plan in it the one this store's user saw.
    pub(in crate::store) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if let Access::ReadOnly(why) = &self.access {
            return Err(Error::ReadOnly(why.clone()));
        }
        self.check_file()?;
        let path = self.path.clone();
        let opened = self.opened;
        let seen = self.plan.as_ref().map(|p| p.identity.clone());
        let full = |e: Error| e.or_disk_full(&path);
        let Conn::File(conn) = &mut self.conn else {
            return Err(Error::NotOnServer);
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| full(Error::sql(format!("starting {what}"))(e)))?;
        same_plan(&*tx, seen.as_deref())?;
        let value = f(&tx).map_err(full)?;
        // Names and titles changed here (or by another program since the
        // last write) get their pinyin keys in this same transaction.
        schema_v6::catch_up(&tx)
            .map_err(|e| full(Error::sql(format!("indexing pinyin for {what}"))(e)))?;
        if let Err(loss) = file::still(&path, opened) {
            drop(tx);
            self.lost = Some(loss);
            return Err(Error::FileLost { path, loss });
        }
        tx.commit()
            .map_err(|e| full(Error::sql(format!("committing {what}"))(e)))?;
        Ok(value)
    }

    /// Is the file under us still the one we opened, with one name? Cheap
    /// enough (a stat) for every wake-up; once it failed it stays failed.
    pub fn check_file(&mut self) -> Result<()> {
        if self.on_server() {
            return Ok(());
        }
        if self.lost.is_none()
            && let Err(loss) = file::still(&self.path, self.opened)
        {
            self.lost = Some(loss);
        }
        match &self.lost {
            Some(loss) => Err(Error::FileLost {
                path: self.path.clone(),
                loss: *loss,
            }),
            None => Ok(()),
        }
    }

    /// The file as opened, for a check made by another connection.
    pub fn file_id(&self) -> FileId {
        self.opened
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
        if let Some(damage) = &self.damage {
            return Ok(damage.clone());
        }
        open::quick_check(self.file()?).map_err(Error::sql("running quick_check"))
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
