//! What differs between the engines a plan can be kept in — a SQLite file
//! (`sqlite/`) or a PostgreSQL server (`postgres/`) — behind one trait.
//! `Store` holds one engine and dispatches to it here; the statements both
//! engines speak alike go through `Engine::db` (see `sql`). A third engine
//! is a folder with a type that implements this.

use super::error::{Error, Result};
use super::location::FileId;
use super::plan_rows::PlanStanding;
use super::sql::Db;
use super::transfer::{Batch, Tally};
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::rows::Hit;
use std::path::Path;

/// Who writes a whole plan, when, and based on which plan.
pub(crate) struct Bulk<'a> {
    pub seen: Option<&'a str>,
    pub now: &'a str,
    pub author: &'a str,
}

/// A document's pieces as they come (see `domain::validate::Validator`).
pub(crate) type Pieces<'a> = dyn Iterator<Item = std::result::Result<Piece, Abandoned>> + 'a;

/// `Send`: a store moves to the thread that reads or writes it (`migrate`).
pub(crate) trait Engine: Send {
    /// The connection, for the statements both engines speak alike.
    fn db(&self) -> &dyn Db;

    /// True for a server (what a file alone offers is refused there).
    fn is_server(&self) -> bool;

    /// Moves whenever another connection commits (never on our own
    /// writes): cheap enough to poll at every wake-up.
    fn data_version(&self) -> Result<i64>;

    /// Runs `read` inside one read transaction, so that what it reads comes
    /// from one moment even while others write.
    fn snapshot(&self, read: &mut dyn FnMut() -> Result<()>) -> Result<()>;

    /// Runs `change` in one write transaction that first checks the plan
    /// in the database is still `seen` (an import or a migrate may have
    /// replaced it), keeps the pinyin keys of what it renamed, and commits
    /// only if all of it succeeded.
    fn write(
        &mut self,
        what: &str,
        seen: Option<&str>,
        change: &mut dyn FnMut(&dyn Db) -> Result<()>,
    ) -> Result<()>;

    /// Projects, milestones and notes whose text contains `query`, through
    /// the engine's own text indexes.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>>;

    /// Every plan this database holds beside the open one, with where each
    /// stands (see `plans::PlanStanding`); None where a database holds one
    /// plan (a file), which `Store::plan_standings` then reads itself.
    fn plans_side_by_side(&self, _today: &str) -> Result<Option<Vec<PlanStanding>>> {
        Ok(None)
    }

    /// Is what was opened still there to write to? A file checks that its
    /// name still leads to it; a server has nothing of the kind to lose.
    fn check_place(&mut self) -> Result<()> {
        Ok(())
    }

    // What a file offers and a server (so far) does not: the defaults
    // refuse, so a new engine starts with the shared statements alone.

    /// The file as opened, for a check made by another connection.
    fn file_id(&self) -> FileId {
        FileId::NONE
    }

    /// The schema's version (SQLite's `user_version`).
    fn schema_version(&self) -> Result<i64> {
        Err(Error::NotOnServer)
    }

    fn journal_mode(&self) -> Result<String> {
        Err(Error::NotOnServer)
    }

    /// "ok", or what is wrong with the pages.
    fn quick_check(&self) -> Result<String> {
        Err(Error::NotOnServer)
    }

    /// A consistent copy at `dest`, which must not exist yet.
    fn backup_to(&self, _dest: &Path) -> Result<()> {
        Err(Error::NotOnServer)
    }

    /// Replaces the plan with `pieces` in one transaction, keeping ids and
    /// order; `before` is what the history row says was there.
    fn replace_plan(
        &mut self,
        _pieces: &mut Pieces<'_>,
        _source: &str,
        _before: Option<String>,
        _by: &Bulk<'_>,
    ) -> Result<()> {
        Err(Error::NotOnServer)
    }

    /// Every row of the plan, table by table, from one read transaction.
    fn send_rows(&self, _send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
        Err(Error::NotOnServer)
    }

    /// Writes a whole plan from `rows` (over the one there when
    /// `had_plan`), committing only if what it wrote equals `sent()`.
    fn take_rows(
        &mut self,
        _rows: &mut dyn Iterator<Item = Batch>,
        _had_plan: bool,
        _sent: &mut dyn FnMut() -> Result<Tally>,
        _by: &Bulk<'_>,
    ) -> Result<Tally> {
        Err(Error::NotOnServer)
    }
}
