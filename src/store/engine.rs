//! What differs between the engines a plan can be kept in — a SQLite file
//! (`sqlite/`) or a PostgreSQL server (`postgres/`) — behind one trait.
//! `Store` holds one engine and dispatches to it here; the statements both
//! engines speak alike go through `Engine::db` (see `sql`). A third engine
//! is a folder with a type that implements this.

use super::error::Result;
use super::sql::Db;
use crate::domain::rows::Hit;

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

    /// Is what was opened still there to write to? A file checks that its
    /// name still leads to it; a server has nothing of the kind to lose.
    fn check_place(&mut self) -> Result<()> {
        Ok(())
    }

    /// The engine itself, for what only it offers (a file's pragmas,
    /// backup and bulk load): its own folder downcasts.
    fn as_any(&self) -> &dyn std::any::Any;
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}
