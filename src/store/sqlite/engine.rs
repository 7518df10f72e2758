//! The file as an engine: one SQLite connection, and what makes a write on
//! it safe — the write lock taken up front, the file checked to be the one
//! opened before and after, the plan checked to be the one seen, the pinyin
//! keys kept in the same transaction.

use super::{check, file, pin, schema_v6};
use crate::domain::rows::Hit;
use crate::store::engine::{Bulk, Engine, Pieces};
use crate::store::error::{Error, Result};
use crate::store::lineage::same_plan;
use crate::store::location::{FileId, FileLoss};
use crate::store::sql::Db;
use crate::store::transfer::{Batch, Tally};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

pub(crate) struct FileEngine {
    pub(in crate::store) conn: Connection,
    pub(in crate::store) path: PathBuf,
    /// The file as opened: every write checks the name still leads to it.
    pub(in crate::store) opened: FileId,
    /// What happened to the file, once seen: from then on nothing is
    /// written, whatever the name leads to again.
    pub(in crate::store) lost: Option<FileLoss>,
    /// SQLite's words for a damaged schema, when the file was opened
    /// tolerating it (read-only).
    pub(in crate::store) damage: Option<String>,
    /// The file's descriptor, held until after `conn` is closed (fields
    /// drop in order): see `pin`.
    pub(in crate::store) _pin: pin::Pin,
}

impl FileEngine {
    /// Is the file under us still the one we opened, with one name? Cheap
    /// enough (a stat) for every wake-up; once it failed it stays failed.
    fn check_file(&mut self) -> Result<()> {
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

    /// Runs `f` in one short `BEGIN IMMEDIATE` transaction: the write lock
    /// is taken up front (waiting up to the busy timeout), so a read inside
    /// `f` cannot go stale before the write, and an error rolls everything
    /// back. Before it starts and again before it commits, the file must
    /// still be the one opened, and the plan in it `seen`.
    pub(in crate::store) fn write_tx<T>(
        &mut self,
        what: &str,
        seen: Option<&str>,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.check_file()?;
        let path = self.path.clone();
        let full = |e: Error| e.or_disk_full(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| full(Error::sql(format!("starting {what}"))(e)))?;
        same_plan(&*tx, seen)?;
        let value = f(&tx).map_err(full)?;
        // Names and titles changed here (or by another program since the
        // last write) get their pinyin keys in this same transaction.
        schema_v6::catch_up(&tx)
            .map_err(|e| full(Error::sql(format!("indexing pinyin for {what}"))(e)))?;
        if let Err(loss) = file::still(&path, self.opened) {
            drop(tx);
            self.lost = Some(loss);
            return Err(Error::FileLost { path, loss });
        }
        tx.commit()
            .map_err(|e| full(Error::sql(format!("committing {what}"))(e)))?;
        Ok(value)
    }
}

impl Engine for FileEngine {
    fn db(&self) -> &dyn Db {
        &self.conn
    }

    fn is_server(&self) -> bool {
        false
    }

    fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(Error::sql("reading data_version"))
    }

    fn snapshot(&self, read: &mut dyn FnMut() -> Result<()>) -> Result<()> {
        if !self.conn.is_autocommit() {
            return read();
        }
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(Error::sql("starting a read"))?;
        let out = read();
        // Ending a read cannot lose anything; a failure here would only
        // leave the snapshot open, which the next BEGIN would report.
        let end = self.conn.execute_batch("COMMIT");
        out?;
        end.map_err(Error::sql("ending a read"))
    }

    fn write(
        &mut self,
        what: &str,
        seen: Option<&str>,
        change: &mut dyn FnMut(&dyn Db) -> Result<()>,
    ) -> Result<()> {
        self.write_tx(what, seen, |tx| change(&**tx))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.search_file(query, limit)
    }

    fn check_place(&mut self) -> Result<()> {
        self.check_file()
    }

    fn file_id(&self) -> FileId {
        self.opened
    }

    fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(Error::sql("reading user_version"))
    }

    fn journal_mode(&self) -> Result<String> {
        self.conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(Error::sql("reading journal_mode"))
    }

    fn quick_check(&self) -> Result<String> {
        if let Some(damage) = &self.damage {
            return Ok(damage.clone());
        }
        check::quick_check(&self.conn).map_err(Error::sql("running quick_check"))
    }

    fn backup_to(&self, dest: &Path) -> Result<()> {
        self.backup_file(dest)
    }

    fn replace_plan(
        &mut self,
        pieces: &mut Pieces<'_>,
        source: &str,
        before: Option<String>,
        by: &Bulk<'_>,
    ) -> Result<()> {
        self.import(pieces, source, before, by)
    }

    fn send_rows(&self, send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
        self.read_all(send)
    }

    fn take_rows(
        &mut self,
        rows: &mut dyn Iterator<Item = Batch>,
        had_plan: bool,
        sent: &mut dyn FnMut() -> Result<Tally>,
        by: &Bulk<'_>,
    ) -> Result<Tally> {
        self.write_all(rows, had_plan, sent, by)
    }
}
