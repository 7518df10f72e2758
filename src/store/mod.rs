//! The only place that speaks SQL. Everything else asks the store in the
//! plan's own words.

mod agenda;
mod backup;
mod baseline;
mod beside;
mod copy;
mod draft;
mod edit;
mod error;
mod file;
mod header;
mod history;
mod import;
mod import_rows;
mod lens;
mod lights;
mod lineage;
mod lists;
mod load;
mod milestone;
mod open;
mod owner;
mod page;
pub mod postgres;
mod report;
mod rescue;
mod schema;
mod schema_v5;
mod schema_v6;
pub mod tables;
mod view;

pub use crate::domain::rows::{
    Detail, Fields, GroupRow, HistoryRow, Hit, HitKind, MilestoneRow, NOTE_QUERY_MIN, NoteRow,
    ProjectRow, ReadingRow, Rollup,
};
pub use beside::{file_mode, plan_was_here, sibling};
pub use draft::{Draft, DraftFor};
pub use edit::{Added, NoteSnapshot};
pub use error::{Conflict, Error, Foreign, Misfit, PathWhy, ReadOnlyWhy, Result, ServerWhy};
pub use file::{FileId, FileLoss};
pub use header::pending_upgrade;
pub use lights::Judged;
pub use lists::ListFilter;
pub use load::ProjectStream;
pub use milestone::{ReadingWas, Saved};
pub use open::{OpenOptions, open};
pub use page::{Key, List, Listed, Page};
pub use report::LogFilter;
pub use schema::{APPLICATION_ID, latest_version};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// Which plan a file holds, and when and by whom it was put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanIdentity {
    pub identity: String,
    pub title: String,
    /// When this plan replaced the one before it ("" for the first plan).
    pub since: String,
    pub by: String,
}

/// What `plan_check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanCheck {
    /// Still the plan seen (as it is now: its title may have changed).
    Same(Option<PlanIdentity>),
    /// Another plan replaced the one seen.
    Replaced(PlanIdentity),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    ReadWrite,
    /// Why writing is impossible.
    ReadOnly(ReadOnlyWhy),
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    author: String,
    access: Access,
    /// The file as opened: every write checks the name still leads to it.
    opened: file::FileId,
    /// What happened to the file, once seen: from then on nothing is
    /// written, whatever the name leads to again.
    lost: Option<FileLoss>,
    /// The plan this store's user has seen; writes to another are refused.
    plan: Option<PlanIdentity>,
    /// SQLite's words for a damaged schema, when the file was opened
    /// tolerating it (read-only).
    damage: Option<String>,
    clock: crate::domain::Clock,
}

/// How much of each thing the plan holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub directions: i64,
    pub programs: i64,
    pub areas: i64,
    pub projects: i64,
    pub milestones: i64,
    pub readings: i64,
    pub notes: i64,
    pub history: i64,
}

impl Counts {
    pub fn summary(&self) -> String {
        format!(
            "{} directions, {} programs, {} areas, {} projects, {} milestones, {} readings, {} notes",
            self.directions,
            self.programs,
            self.areas,
            self.projects,
            self.milestones,
            self.readings,
            self.notes
        )
    }
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// The program's one clock, as given at open.
    pub fn clock(&self) -> &crate::domain::Clock {
        &self.clock
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Runs `f` in one short `BEGIN IMMEDIATE` transaction: the write lock is
    /// taken up front (waiting up to the busy timeout), so a read inside `f`
    /// cannot go stale before the write, and an error rolls everything back.
    ///
    /// Before it starts and again before it commits, the file must still be
    /// the one opened, and the plan in it the one this store's user saw.
    fn write<T>(&mut self, what: &str, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        if let Access::ReadOnly(why) = &self.access {
            return Err(Error::ReadOnly(why.clone()));
        }
        self.check_file()?;
        let path = self.path.clone();
        let opened = self.opened;
        let seen = self.plan.as_ref().map(|p| p.identity.clone());
        let full = |e: Error| e.or_disk_full(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| full(Error::sql(format!("starting {what}"))(e)))?;
        if let Some(now) = lineage::plan_identity(&tx)?
            && seen.as_deref().is_some_and(|seen| seen != now.identity)
        {
            return Err(Error::PlanReplaced(now));
        }
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

    /// The plan now in the file (None while it holds none).
    pub fn plan_now(&self) -> Result<Option<PlanIdentity>> {
        lineage::plan_identity(&self.conn)
    }

    /// The plan this store's user works on, as last seen.
    pub fn plan_seen(&self) -> Option<&PlanIdentity> {
        self.plan.as_ref()
    }

    /// The plan now in the file, against the one seen, in one read. On
    /// `Replaced` the caller turns what was being typed for the old plan
    /// into a kept text, reloads, then calls `follow_plan`.
    pub fn plan_check(&self) -> Result<PlanCheck> {
        let now = self.plan_now()?;
        let seen = self.plan.as_ref().map(|p| p.identity.as_str());
        Ok(match now {
            Some(now) if seen != Some(now.identity.as_str()) => PlanCheck::Replaced(now),
            now => PlanCheck::Same(now),
        })
    }

    /// From now on, writes are based on the plan now in the file.
    pub fn follow_plan(&mut self) -> Result<()> {
        self.plan = self.plan_now()?;
        Ok(())
    }

    /// The plan year: a target's period starts on its 1 January.
    pub fn plan_year(&self) -> Result<i16> {
        self.conn
            .query_row("SELECT year FROM plan", [], |r| r.get(0))
            .map_err(Error::sql("reading the plan"))
    }

    pub fn plan_title(&self) -> Result<String> {
        self.conn
            .query_row("SELECT title FROM plan", [], |r| r.get(0))
            .map_err(Error::sql("reading the plan"))
    }

    /// Changes whenever another connection commits to the database (not on
    /// our own writes): about a microsecond to ask, so it can be polled.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(Error::sql("reading data_version"))
    }

    /// True when the database has a schema but no plan yet.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
            .map_err(Error::sql("reading the plan"))?;
        Ok(n == 0)
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(Error::sql(format!("counting {table}")))
        };
        Ok(Counts {
            directions: n("direction")?,
            programs: n("program")?,
            areas: n("area")?,
            projects: n("project")?,
            milestones: n("milestone")?,
            readings: n("reading")?,
            notes: n("note")?,
            history: n("history")?,
        })
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(Error::sql("reading user_version"))
    }

    pub fn journal_mode(&self) -> Result<String> {
        self.conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(Error::sql("reading journal_mode"))
    }

    /// From now on, refuse writes, saying why (a check found damage).
    pub fn set_read_only(&mut self, why: ReadOnlyWhy) {
        self.access = Access::ReadOnly(why);
    }

    /// `PRAGMA quick_check`: "ok", or what is wrong.
    pub fn quick_check(&self) -> Result<String> {
        if let Some(damage) = &self.damage {
            return Ok(damage.clone());
        }
        open::quick_check(&self.conn).map_err(Error::sql("running quick_check"))
    }
}

/// Runs `quick_check` on the file through a connection of its own, so that
/// a caller can do it off the first-frame path: on a large plan it reads
/// the whole file. Returns "ok" or what is wrong.
pub fn quick_check_file(path: &Path) -> Result<String> {
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
    file::still(path, id).is_ok()
}

/// Version of the SQLite library compiled in.
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}
