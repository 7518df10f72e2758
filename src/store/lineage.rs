//! What makes a write land on the row it was meant for: ids that are never
//! handed out twice, versions that only grow, and the plan's identity.
//!
//! The version check alone cannot see a row that was deleted and whose id
//! came back, nor a plan replaced underneath by an import: both look like
//! "the same id at the version I had". Here a new row always takes an id
//! above every id this file ever used, every write takes the next value of
//! one file-wide version counter, and every write names the plan identity
//! it was based on (schema v4).

use super::PlanIdentity;
use super::error::{Error, Result};
use rusqlite::{OptionalExtension, Transaction};

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

    fn name(self) -> &'static str {
        match self {
            Table::Project => "project",
            Table::Milestone => "milestone",
            Table::Note => "note",
            Table::Reading => "reading",
        }
    }
}

/// The next id for a new row of `table`: above the highest id this file
/// ever handed out and above the table's largest id (rows written by an
/// import or by another program count too).
pub fn fresh_id(tx: &Transaction<'_>, table: Table) -> Result<i64> {
    let t = table.name();
    tx.prepare_cached(&format!(
        "UPDATE counter SET value = max(value, (SELECT coalesce(max(id), 0) FROM {t})) + 1
         WHERE name = ?1 RETURNING value"
    ))
    .and_then(|mut s| s.query_row([t], |r| r.get(0)))
    .map_err(Error::sql(format!("choosing an id for a new {t}")))
}

/// Raises every table's mark to its largest id, after rows were written
/// with ids of their own (an import).
pub fn mark_ids(tx: &Transaction<'_>) -> Result<()> {
    for table in Table::ALL {
        let t = table.name();
        tx.execute(
            &format!(
                "UPDATE counter SET value = max(value, (SELECT coalesce(max(id), 0) FROM {t}))
                 WHERE name = ?1"
            ),
            [t],
        )
        .map_err(Error::sql(format!("recording the ids of {t}")))?;
    }
    Ok(())
}

/// The version the rows changed by this write take: one more than any
/// version this file ever held, so no number can mean two states of a row.
pub fn next_version(tx: &Transaction<'_>) -> Result<i64> {
    tx.prepare_cached("UPDATE counter SET value = value + 1 WHERE name = 'version' RETURNING value")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .map_err(Error::sql("choosing the next version"))
}

pub fn plan_identity(conn: &rusqlite::Connection) -> Result<Option<PlanIdentity>> {
    conn.prepare_cached("SELECT identity, title, replaced_at, replaced_by FROM plan")
        .and_then(|mut s| {
            s.query_row([], |r| {
                Ok(PlanIdentity {
                    identity: r.get(0)?,
                    title: r.get(1)?,
                    since: r.get(2)?,
                    by: r.get(3)?,
                })
            })
            .optional()
        })
        .map_err(Error::sql("reading the plan's identity"))
}

/// A new, unpredictable identity for a plan written into the file.
pub fn new_identity() -> String {
    format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}
