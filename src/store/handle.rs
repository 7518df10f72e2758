//! The store: one plan's place, opened, with who writes, whether they may,
//! and the plan they have seen. Everything a store does goes to its engine
//! (`Engine`): the statements both engines speak alike through `db`, the
//! rest through the trait's own methods.

use super::engine::Engine;
use super::error::{Error, ReadOnlyWhy, Result};
use super::identity::{PlanCheck, PlanIdentity};
use super::lineage;
use super::location::Location;
use super::sql;
use crate::domain::Clock;
use crate::domain::PlanDoc;
use std::path::Path;

/// What `open` needs besides the place.
pub struct OpenOptions<'a> {
    /// The Unix user, written into history.
    pub author: String,
    /// Run `PRAGMA quick_check` and refuse writes if it fails.
    pub quick_check: bool,
    /// Open read-only even if the file is writable.
    pub read_only: bool,
    /// Fills an empty database with this plan, under the start-up lock.
    pub seed: Option<&'a dyn Fn() -> PlanDoc>,
    /// Open a database on a network filesystem anyway.
    pub allow_network_fs: bool,
    /// Where every timestamp the store writes and every "today" comes from.
    pub clock: Clock,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    ReadWrite,
    /// Why writing is impossible.
    ReadOnly(ReadOnlyWhy),
}

pub struct Store {
    /// The file or the server: everything that differs between them.
    pub(in crate::store) engine: Box<dyn Engine>,
    /// Where the plan is kept, as given (a server's whole connection
    /// string: the cockpit's helpers connect again with it).
    pub(in crate::store) location: Location,
    pub(in crate::store) author: String,
    pub(in crate::store) access: Access,
    /// The plan this store's user has seen; writes to another are refused.
    pub(in crate::store) plan: Option<PlanIdentity>,
    pub(in crate::store) clock: Clock,
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
    pub(in crate::store) fn db(&self) -> &dyn sql::Db {
        self.engine.db()
    }

    /// The file engine, for what only a file offers (its pragmas, backup
    /// and bulk loads); on a server, says that it is not offered there.
    /// True when the plan is kept on a PostgreSQL server.
    pub fn on_server(&self) -> bool {
        self.engine.is_server()
    }

    /// The file's path; for a server, its connection string.
    pub fn path(&self) -> &Path {
        self.location.path()
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// The program's one clock, as given at open.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    /// A change both engines make with the same statements (`sql`), in
    /// one write transaction of the engine's (see `Engine::write`), based
    /// on the plan this store's user saw; refused when read-only.
    pub(in crate::store) fn write_any<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&dyn sql::Db) -> Result<T>,
    ) -> Result<T> {
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
