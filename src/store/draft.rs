//! Drafts: the text of a note being typed, saved every second or two and
//! on hang-up, so a dropped SSH link or a killed terminal loses nothing.
//! Drafts are the typist's own scratch, not plan changes: no history rows.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, args};

/// What a draft will become: a new note on a milestone, or an edit of an
/// existing note (with the version it was loaded at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftFor {
    NewNote { milestone: i64 },
    EditNote { note: i64, version: i64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: i64,
    pub target: DraftFor,
    pub body: String,
    pub updated_at: String,
}

impl Store {
    /// Saves (or replaces) this planner's draft `id` for `target`; returns
    /// its id. Like any write it fails on a read-only database.
    pub fn save_draft(&mut self, id: Option<i64>, target: &DraftFor, body: &str) -> Result<i64> {
        let author = self.author.clone();
        let now = self.clock.now_text();
        let (milestone, note, version) = match target {
            DraftFor::NewNote { milestone } => (Some(*milestone), None, None),
            DraftFor::EditNote { note, version } => (None, Some(*note), Some(*version)),
        };
        self.write_any("saving the draft", |tx| {
            let existing = match id {
                Some(id) => sql::one(
                    tx,
                    "reading the draft",
                    "SELECT id FROM draft WHERE id = ?1",
                    args![id],
                    |r| r.int(0),
                )?,
                None => None,
            };
            match existing {
                Some(id) => {
                    tx.exec(
                        "saving the draft",
                        "UPDATE draft SET body = ?1, updated_at = ?2, note_version = ?3 WHERE id = ?4",
                        args![body, &now, version, id],
                    )?;
                    Ok(id)
                }
                None => sql::one(
                    tx,
                    "saving the draft",
                    "INSERT INTO draft (author, milestone_id, note_id, note_version, body, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                    args![&author, milestone, note, version, body, &now],
                    |r| r.int(0),
                )?
                .ok_or_else(|| Error::Internal("a new draft returned no id".into())),
            }
        })
    }

    /// This planner's drafts, newest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        sql::rows(
            self.db(),
            "reading drafts",
            "SELECT id, milestone_id, note_id, note_version, body, updated_at FROM draft
             WHERE author = ?1 AND plan = (SELECT identity FROM plan)
             ORDER BY updated_at DESC, id DESC",
            args![&self.author],
            |r| {
                let target = match (r.opt_int(1)?, r.opt_int(2)?) {
                    (_, Some(note)) => DraftFor::EditNote {
                        note,
                        version: r.opt_int(3)?.unwrap_or(1),
                    },
                    (Some(milestone), None) => DraftFor::NewNote { milestone },
                    (None, None) => DraftFor::NewNote { milestone: 0 },
                };
                Ok(Draft {
                    id: r.int(0)?,
                    target,
                    body: r.text(4)?,
                    updated_at: r.text(5)?,
                })
            },
        )
    }

    /// This user's drafts typed for a plan that has since been replaced:
    /// (id, what it was for, text, when), oldest first. Their rows are
    /// gone; the cockpit keeps each in a file and says where.
    pub fn stray_drafts(&self) -> Result<Vec<(i64, String, String, String)>> {
        sql::rows(
            self.db(),
            "reading drafts",
            "SELECT id, was_for, body, updated_at FROM draft
             WHERE author = ?1 AND plan <> (SELECT identity FROM plan)
             ORDER BY updated_at, id",
            args![&self.author],
            |r| Ok((r.int(0)?, r.text(1)?, r.text(2)?, r.text(3)?)),
        )
    }

    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        self.write_any("deleting the draft", |tx| {
            tx.exec(
                "deleting the draft",
                "DELETE FROM draft WHERE id = ?1",
                args![id],
            )?;
            Ok(())
        })
    }
}
