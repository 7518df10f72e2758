//! Notes written, changed, deleted and restored, each in one transaction
//! with its history rows; and the version check every edit shares.

use super::error::{Conflict, Error, Result};
use super::handle::Store;
use super::history::{Change, record};
use super::lineage::next_version;
use super::sql::{self, Db, args, locked};
use super::view::{NOTE_COLUMNS, note_row};
use crate::domain::refusal::Refusal;
use crate::domain::rows::NoteRow;
use crate::domain::validate::typed_note;

/// A note as it was before a change, with what it belonged to, for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteSnapshot {
    pub note: NoteRow,
    pub milestone_id: Option<i64>,
    pub project_id: Option<i64>,
}

fn body(text: &str) -> Result<String> {
    typed_note(text).map_err(Error::Invalid)
}

/// Refuses unless row `id` of `entity` (a project, milestone or note) still
/// has version `expected`, naming who changed it and when.
pub(super) fn unchanged(tx: &dyn Db, entity: &'static str, id: i64, expected: i64) -> Result<()> {
    let by = if entity == "note" {
        "author"
    } else {
        "updated_by"
    };
    let (version, by, at) = sql::one(
        tx,
        &format!("reading {entity} {id}"),
        &format!(
            "SELECT version, {by}, updated_at FROM {entity} WHERE id = ?1{}",
            locked(tx)
        ),
        args![id],
        |r| Ok((r.int(0)?, r.text(1)?, r.text(2)?)),
    )?
    .ok_or(Error::NotFound { what: entity, id })?;
    if version != expected {
        return Err(Error::Conflict(Conflict {
            entity,
            id,
            expected_version: expected,
            found_version: version,
            by,
            at,
        }));
    }
    Ok(())
}

fn note_snapshot(tx: &dyn Db, id: i64) -> Result<NoteSnapshot> {
    sql::one(
        tx,
        &format!("reading note {id}"),
        &format!(
            "SELECT {NOTE_COLUMNS}, milestone_id, project_id FROM note WHERE id = ?1{}",
            locked(tx)
        ),
        args![id],
        |r| {
            Ok(NoteSnapshot {
                note: note_row(r)?,
                milestone_id: r.opt_int(6)?,
                project_id: r.opt_int(7)?,
            })
        },
    )?
    .ok_or(Error::NotFound { what: "note", id })
}

impl Store {
    pub fn note(&self, id: i64) -> Result<NoteRow> {
        sql::one(
            self.db(),
            &format!("reading note {id}"),
            &format!("SELECT {NOTE_COLUMNS} FROM note WHERE id = ?1"),
            args![id],
            note_row,
        )?
        .ok_or(Error::NotFound { what: "note", id })
    }

    /// Replaces a note's text if nobody changed it since `expected_version`.
    /// Returns the note as it was and the version it has now.
    pub fn update_note(
        &mut self,
        id: i64,
        expected_version: i64,
        text: &str,
    ) -> Result<(NoteSnapshot, i64)> {
        let text = body(text)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("the note update", |tx| {
            let old = note_snapshot(tx, id)?;
            if old.note.version != expected_version {
                let by = sql::one(
                    tx,
                    "reading note history",
                    "SELECT author, at FROM history WHERE entity = 'note' AND entity_id = ?1
                       AND plan = (SELECT identity FROM plan)
                     ORDER BY id DESC LIMIT 1",
                    args![id],
                    |r| Ok((r.text(0)?, r.text(1)?)),
                )?
                .unwrap_or((old.note.author.clone(), old.note.updated_at.clone()));
                return Err(Error::Conflict(Conflict {
                    entity: "note",
                    id,
                    expected_version,
                    found_version: old.note.version,
                    by: by.0,
                    at: by.1,
                }));
            }
            let mut version = old.note.version;
            if old.note.body != text {
                version = next_version(tx)?;
                tx.exec(
                    &format!("updating note {id}"),
                    "UPDATE note SET body = ?1, updated_at = ?2, version = ?3 WHERE id = ?4",
                    args![&text, &now, version, id],
                )?;
                record(
                    tx,
                    &now,
                    &author,
                    Change {
                        entity: "note",
                        entity_id: id,
                        field: "body",
                        old: Some(old.note.body.clone()),
                        new: Some(text.clone()),
                    },
                )?;
            }
            Ok((old, version))
        })
    }

    /// Deletes a note; returns it, so that it can be put back.
    /// With `seen`, only if nobody changed it since that version.
    pub fn delete_note(&mut self, id: i64, seen: Option<i64>) -> Result<NoteSnapshot> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("deleting the note", |tx| {
            let old = note_snapshot(tx, id)?;
            if let Some(v) = seen {
                unchanged(tx, "note", id, v)?;
            }
            tx.exec(
                &format!("deleting note {id}"),
                "DELETE FROM note WHERE id = ?1",
                args![id],
            )?;
            record(
                tx,
                &now,
                &author,
                Change {
                    entity: "note",
                    entity_id: id,
                    field: "deleted",
                    old: Some(old.note.body.clone()),
                    new: None,
                },
            )?;
            Ok(old)
        })
    }

    /// Puts a deleted note back with its id, author and times (undo). Ids
    /// are never handed out again, so the id is still free; the plan
    /// identity check in `write` keeps it out of a plan replaced since.
    /// Returns the version the note has again.
    pub fn restore_note(&mut self, s: &NoteSnapshot) -> Result<i64> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("restoring the note", |tx| {
            let n = &s.note;
            let parent_gone = |table: &str, id: Option<i64>| -> Result<bool> {
                let Some(id) = id else { return Ok(false) };
                let n = sql::one(
                    tx,
                    "reading the note's owner",
                    &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
                    args![id],
                    |r| r.int(0),
                )?;
                Ok(n == Some(0))
            };
            if parent_gone("milestone", s.milestone_id)? || parent_gone("project", s.project_id)? {
                return Err(Error::Invalid(Refusal::NoteOrphaned { note: n.id }));
            }
            let version = next_version(tx)?;
            tx.exec(
                &format!("restoring note {}", n.id),
                "INSERT INTO note (id, project_id, milestone_id, body, author, created_at, updated_at, version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                args![n.id, s.project_id, s.milestone_id, &n.body, &n.author, &n.created_at, &n.updated_at, version],
            )?;
            record(tx, &now, &author, Change {
                entity: "note",
                entity_id: n.id,
                field: "restored",
                old: None,
                new: Some(n.body.clone()),
            })?;
            Ok(version)
        })
    }
}
