//! Replacing the whole plan with a document, in one transaction: a failure
//! anywhere leaves the database exactly as it was.

use super::engine::FileEngine;
use super::import_rows::{Rows, Stamp};
use crate::domain::piece::Abandoned;
use crate::store::engine::{Bulk, Pieces};
use crate::store::error::{Error, Result};
use crate::store::history::{Change, record};
use crate::store::lineage::{self, Table};
use rusqlite::{OptionalExtension, Transaction};

impl FileEngine {
    pub(super) fn import(
        &mut self,
        pieces: &mut Pieces<'_>,
        source: &str,
        before: Option<String>,
        by: &Bulk<'_>,
    ) -> Result<()> {
        let (now, author) = (by.now, by.author);
        // A whole plan is one transaction of hundreds of megabytes: with
        // the default 2 MB cache SQLite spills pages to the WAL mid-way,
        // which costs more than the work; memory is released after. (Its
        // statement journals stay in temporary files: held in memory, as
        // they were, they took 100 MB when a replace rewrites the old
        // plan's pages, and saved no time.)
        self.tune_for_bulk(true);
        // Into a file with no plan, nobody's work can be in the way: write
        // the pages once, through a rollback journal, rather than into the
        // WAL and then again into the file (commit 4.6 → 2.0 s measured).
        let journal_set_aside = before.is_none() && self.set_journal_mode("DELETE");
        // Every milestone, reading and note takes its parent from where it
        // sits in the document, so checking each row's foreign keys proves
        // nothing; the references written as numbers are checked once below.
        let _ = self.conn.pragma_update(None, "foreign_keys", "OFF");
        let identity = lineage::new_identity();
        let written = self.write_tx("the import", by.seen, |tx| {
            let triggers =
                super::bulk_load::begin(tx).map_err(Error::sql("starting the import"))?;
            keep_drafts(tx, now)?;
            let stamp = Stamp {
                version: lineage::next_version(tx)?,
                first_reading: lineage::fresh_id(tx, Table::Reading)?,
                identity: &identity,
                now,
                author,
            };
            for table in [
                "note",
                "reading",
                "milestone",
                "project_area",
                "project",
                "program",
                "area",
                "direction",
                "plan",
            ] {
                tx.execute(&format!("DELETE FROM {table}"), [])
                    .map_err(|e| Error::sql(format!("clearing {table}"))(e))?;
            }
            let mut rows = Rows::new(tx, &stamp)?;
            for piece in pieces {
                let piece = piece.map_err(|Abandoned| Error::Abandoned)?;
                rows.write(&piece).map_err(broken_rule)?;
            }
            let tally = rows.tally;
            drop(rows);
            check_references(tx)?;
            mark_ids(tx)?;
            super::bulk_load::end(tx, triggers)
                .map_err(Error::sql("indexing the imported plan"))?;
            let after = format!(
                "{} directions, {} projects, {} milestones, {} notes from {source}",
                tally.directions, tally.projects, tally.milestones, tally.notes
            );
            record(
                tx,
                now,
                author,
                Change {
                    entity: "plan",
                    entity_id: 1,
                    field: "import",
                    old: before,
                    new: Some(after),
                },
            )?;
            Ok(())
        });
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
        if journal_set_aside {
            // Planners read while one writes only in WAL mode. Should another
            // connection have opened the file meanwhile, the switch waits
            // for it; failing that, the next `open` switches (see open.rs).
            self.set_journal_mode("WAL");
        }
        self.tune_for_bulk(false);
        if written.is_ok() {
            super::beside::mark_plan_beside(&self.path);
        }
        written
    }

    /// Switches the journal mode; true when the file is now in `mode`. It
    /// fails, harmlessly, while another connection has the file open.
    pub(super) fn set_journal_mode(&self, mode: &str) -> bool {
        self.conn
            .pragma_update_and_check(None, "journal_mode", mode, |r| r.get::<_, String>(0))
            .is_ok_and(|now| now.eq_ignore_ascii_case(mode))
    }

    /// Memory for a bulk load, or back to the everyday settings. Failing
    /// to tune only costs time, so errors are ignored.
    pub(super) fn tune_for_bulk(&self, bulk: bool) {
        let cache = if bulk { BULK_CACHE_KIB } else { 2000 };
        let _ = self.conn.pragma_update(None, "cache_size", -cache);
    }
}

/// The foreign keys an import writes from numbers in the document rather
/// than from its nesting (a project's direction, program and areas, a
/// program's direction): validation already refused dangling ones, and this
/// proves it before the commit.
fn check_references(tx: &Transaction<'_>) -> Result<()> {
    for table in ["project", "program", "project_area"] {
        let dangling: Option<(i64, String)> = tx
            .query_row(
                "SELECT rowid, parent FROM pragma_foreign_key_check(?1)",
                [table],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(Error::sql("checking references"))?;
        if let Some((row, parent)) = dangling {
            return Err(Error::Invalid(crate::domain::refusal::Refusal::Dangling {
                table: table.to_owned(),
                row,
                parent,
            }));
        }
    }
    Ok(())
}

/// Page cache for a bulk load, in KiB. Rows arrive in id order, so the
/// pages being written are few: on the city-sized plan 256 MiB bought 0.1 s
/// over 64 MiB and cost 180 MB of the import's 300 MB budget (8.25 s /
/// 289 MB at 128 MiB, 8.35 s / 219 MB at 64, 8.65 s / 183 MB at 32).
const BULK_CACHE_KIB: i64 = 64 * 1024;

/// Validation makes a broken rule impossible; if one slips through, say
/// which rule the database enforced.
fn broken_rule(e: Error) -> Error {
    match e {
        Error::Sql { context, said, .. } => {
            Error::Invalid(crate::domain::refusal::Refusal::RuleBroken {
                detail: format!("{context}: {said}"),
            })
        }
        e => e,
    }
}

/// Drafts belong to rows of the plan being replaced: they stay, detached
/// from those rows and saying in words what they were for, under the old
/// plan's identity, until their author's next cockpit keeps each in a file
/// and says where. Their text is also recorded in the history.
fn keep_drafts(tx: &Transaction<'_>, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO history (at, author, entity, entity_id, field, old, new)
         SELECT ?1, author, 'draft', id,
                CASE WHEN note_id IS NULL THEN 'kept at replace: new note on milestone ' || milestone_id
                     ELSE 'kept at replace: edit of note ' || note_id END,
                NULL, body
         FROM draft WHERE plan = (SELECT identity FROM plan)",
        [now],
    )
    .map_err(Error::sql("keeping the drafts of the replaced plan"))?;
    tx.execute(
        "UPDATE draft SET
            was_for = CASE
                WHEN note_id IS NOT NULL THEN
                    coalesce((SELECT p.name || ' › ' || m.title || ' · 改备注 edit of note ' || n.id
                              FROM note n JOIN milestone m ON m.id = n.milestone_id
                              JOIN project p ON p.id = m.project_id WHERE n.id = draft.note_id),
                             '改备注 edit of note ' || note_id)
                ELSE coalesce((SELECT p.name || ' › ' || m.title || ' · 新备注 new note'
                               FROM milestone m JOIN project p ON p.id = m.project_id
                               WHERE m.id = draft.milestone_id),
                              '新备注 new note on ' || coalesce(milestone_id, ''))
            END,
            milestone_id = NULL, note_id = NULL
         WHERE plan = (SELECT identity FROM plan)",
        [],
    )
    .map_err(Error::sql("keeping the drafts of the replaced plan"))?;
    Ok(())
}

/// Raises every table's mark to its largest id, after rows were written
/// with ids of their own (an import).
fn mark_ids(tx: &Transaction<'_>) -> Result<()> {
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
