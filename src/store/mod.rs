//! The only place that speaks SQL. Everything else asks the store in the
//! plan's own words.

mod agenda;
mod baseline;
mod draft;
mod edit;
pub(crate) mod engine;
mod error;
mod history;
mod hits;
mod lens;
mod lights;
mod lineage;
mod lists;
mod load;
mod milestone;
mod owner;
mod page;
mod people;
pub mod postgres;
mod report;
pub(crate) mod sql;
mod sqlite;
use sqlite::{beside, file, header, open, schema};
pub use sqlite::{quick_check_file, refuse_as_output, sqlite_version, still_the_file};
pub mod tables;
pub(crate) mod view;

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

use rusqlite::Connection;
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
    /// The file or the server: everything that differs between them.
    engine: Box<dyn engine::Engine>,
    /// The file's path; for a server, its name without the password.
    path: PathBuf,
    author: String,
    access: Access,
    /// The plan this store's user has seen; writes to another are refused.
    plan: Option<PlanIdentity>,
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
    /// The engine, for the statements both speak alike (`sql`).
    fn db(&self) -> &dyn sql::Db {
        self.engine.db()
    }

    /// The file engine, for what only a file offers (its pragmas, backup
    /// and bulk loads); on a server, says that it is not offered there.
    fn file_engine(&self) -> Result<&sqlite::engine::FileEngine> {
        self.engine
            .as_any()
            .downcast_ref::<sqlite::engine::FileEngine>()
            .ok_or(Error::NotOnServer)
    }

    fn file_engine_mut(&mut self) -> Result<&mut sqlite::engine::FileEngine> {
        self.engine
            .as_any_mut()
            .downcast_mut::<sqlite::engine::FileEngine>()
            .ok_or(Error::NotOnServer)
    }

    /// The file's connection, for what only the file does.
    fn file(&self) -> Result<&Connection> {
        self.file_engine().map(|f| &f.conn)
    }

    /// True when the plan is kept on a PostgreSQL server.
    pub fn on_server(&self) -> bool {
        self.engine.is_server()
    }

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

    /// A change both engines make with the same statements (`sql`), in
    /// one write transaction of the engine's (see `Engine::write`), based
    /// on the plan this store's user saw; refused when read-only.
    fn write_any<T>(&mut self, what: &str, f: impl FnOnce(&dyn sql::Db) -> Result<T>) -> Result<T> {
        if let Access::ReadOnly(why) = &self.access {
            return Err(Error::ReadOnly(why.clone()));
        }
        let seen = self.plan.as_ref().map(|p| p.identity.clone());
        let mut f = Some(f);
        let mut value = None;
        self.engine.write(what, seen.as_deref(), &mut |db| {
            if let Some(f) = f.take() {
                value = Some(f(db)?);
            }
            Ok(())
        })?;
        value.ok_or_else(|| Error::Internal(format!("{what} ran no change")))
    }

    /// The plan now in the file (None while it holds none).
    pub fn plan_now(&self) -> Result<Option<PlanIdentity>> {
        lineage::plan_identity(self.db())
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
        let year = self.plan_field("year", |r| r.int(0))?;
        i16::try_from(year).map_err(|_| Error::Internal(format!("plan year {year}")))
    }

    pub fn plan_title(&self) -> Result<String> {
        self.plan_field("title", |r| r.text(0))
    }

    fn plan_field<T>(
        &self,
        column: &str,
        read: impl Fn(&dyn sql::Cells) -> Result<T>,
    ) -> Result<T> {
        sql::one(
            self.db(),
            "reading the plan",
            &format!("SELECT {column} FROM plan"),
            &[],
            read,
        )?
        .ok_or_else(|| Error::Internal("the plan has no row".into()))
    }

    /// Changes whenever another connection commits to the database (not on
    /// our own writes): about a microsecond to ask, so it can be polled.
    /// On a server: how many changes by others LISTEN has brought.
    pub fn data_version(&self) -> Result<i64> {
        self.engine.data_version()
    }

    /// True when the database has a schema but no plan yet.
    pub fn is_empty(&self) -> Result<bool> {
        let n = sql::one(
            self.db(),
            "reading the plan",
            "SELECT count(*) FROM plan",
            &[],
            |r| r.int(0),
        )?;
        Ok(n.unwrap_or(0) == 0)
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            let n = sql::one(
                self.db(),
                &format!("counting {table}"),
                &format!("SELECT count(*) FROM {table}"),
                &[],
                |r| r.int(0),
            )?;
            Ok(n.unwrap_or(0))
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

    /// From now on, refuse writes, saying why (a check found damage).
    pub fn set_read_only(&mut self, why: ReadOnlyWhy) {
        self.access = Access::ReadOnly(why);
    }
}

/// Refuses a write based on plan `seen` when the store now holds another
/// (an import or a migrate replaced it).
pub(in crate::store) fn same_plan(db: &dyn sql::Db, seen: Option<&str>) -> Result<()> {
    match lineage::plan_identity(db)? {
        Some(now) if seen.is_some_and(|seen| seen != now.identity) => Err(Error::PlanReplaced(now)),
        _ => Ok(()),
    }
}

/// Does `db` (as given to `--db`) name a PostgreSQL server?
pub fn is_server(db: &Path) -> bool {
    db.to_str().is_some_and(postgres::is_server)
}

/// How a database is named in messages: a file by its path, a server by
/// its hosts, role and database, never its password.
pub fn place_name(db: &Path) -> String {
    match db.to_str().filter(|d| postgres::is_server(d)) {
        Some(url) => postgres::name_of_string(url),
        None => db.display().to_string(),
    }
}
