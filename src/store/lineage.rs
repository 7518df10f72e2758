//! What makes a write land on the row it was meant for: ids that are never
//! handed out twice, versions that only grow, and the plan's identity.
//!
//! The version check alone cannot see a row that was deleted and whose id
//! came back, nor a plan replaced underneath by an import: both look like
//! "the same id at the version I had". Here a new row always takes an id
//! above every id this file ever used, every write takes the next value of
//! one file-wide version counter, and every write names the plan identity
//! it was based on (schema v4).

use super::error::{Error, Result};
use super::identity::PlanIdentity;
use super::sql::{self, Db, Engine, args};

/// The tables whose ids planners and scripts hold on to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Project,
    Milestone,
    Note,
    Reading,
}

impl Table {
    pub const ALL: [Table; 4] = [
        Table::Project,
        Table::Milestone,
        Table::Note,
        Table::Reading,
    ];

    pub(in crate::store) fn name(self) -> &'static str {
        match self {
            Table::Project => "project",
            Table::Milestone => "milestone",
            Table::Note => "note",
            Table::Reading => "reading",
        }
    }
}

/// The next id for a new row of `table`: above the highest id this store
/// ever handed out and above the table's largest id (rows written by an
/// import or by another program count too). On a server the counter's row
/// stays locked until the transaction ends, so two writers never take the
/// same id.
pub fn fresh_id(db: &dyn Db, table: Table) -> Result<i64> {
    let t = table.name();
    let larger = match db.engine() {
        Engine::File => "max",
        Engine::Server => "greatest",
    };
    sql::one(
        db,
        &format!("choosing an id for a new {t}"),
        &format!(
            "UPDATE counter SET value = {larger}(value, (SELECT coalesce(max(id), 0) FROM {t})) + 1
             WHERE name = ?1 RETURNING value"
        ),
        args![t],
        |r| r.int(0),
    )?
    .ok_or_else(|| Error::Internal(format!("the counter of {t} is missing")))
}

/// The version the rows changed by this write take: one more than any
/// version this store ever held, so no number can mean two states of a row.
pub fn next_version(db: &dyn Db) -> Result<i64> {
    sql::one(
        db,
        "choosing the next version",
        "UPDATE counter SET value = value + 1 WHERE name = 'version' RETURNING value",
        &[],
        |r| r.int(0),
    )?
    .ok_or_else(|| Error::Internal("the version counter is missing".into()))
}

pub fn plan_identity(db: &dyn Db) -> Result<Option<PlanIdentity>> {
    sql::one(
        db,
        "reading the plan's identity",
        "SELECT identity, title, replaced_at, replaced_by FROM plan",
        &[],
        |r| {
            Ok(PlanIdentity {
                identity: r.text(0)?,
                title: r.text(1)?,
                since: r.text(2)?,
                by: r.text(3)?,
            })
        },
    )
}

/// A new, unpredictable identity for a plan written into the file.
pub fn new_identity() -> String {
    format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

/// Refuses a write based on plan `seen` when the store now holds another
/// (an import or a migrate replaced it).
pub(in crate::store) fn same_plan(db: &dyn sql::Db, seen: Option<&str>) -> Result<()> {
    match plan_identity(db)? {
        Some(now) if seen.is_some_and(|seen| seen != now.identity) => Err(Error::PlanReplaced(now)),
        _ => Ok(()),
    }
}
