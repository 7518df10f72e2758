//! Drafts: the text of a note being typed, saved every second or two and
//! on hang-up, so a dropped SSH link or a killed terminal loses nothing.
//! Drafts are the typist's own scratch, not plan changes: no history rows.

use super::Store;
use super::error::{Error, Result};
use rusqlite::{OptionalExtension, params};

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
        self.write("saving the draft", |tx| {
            let existing = match id {
                Some(id) => tx
                    .query_row("SELECT id FROM draft WHERE id = ?1", [id], |r| r.get::<_, i64>(0))
                    .optional()
                    .map_err(Error::sql("reading the draft"))?,
                None => None,
            };
            match existing {
                Some(id) => {
                    tx.execute(
                        "UPDATE draft SET body = ?1, updated_at = ?2, note_version = ?3 WHERE id = ?4",
                        params![body, now, version, id],
                    )
                    .map_err(Error::sql("saving the draft"))?;
                    Ok(id)
                }
                None => {
                    tx.execute(
                        "INSERT INTO draft (author, milestone_id, note_id, note_version, body, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![author, milestone, note, version, body, now],
                    )
                    .map_err(Error::sql("saving the draft"))?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })
    }

    /// This planner's drafts, newest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, milestone_id, note_id, note_version, body, updated_at FROM draft
                 WHERE author = ?1 ORDER BY updated_at DESC, id DESC",
            )
            .map_err(Error::sql("reading drafts"))?;
        st.query_map([&self.author], |r| {
            let milestone: Option<i64> = r.get(1)?;
            let note: Option<i64> = r.get(2)?;
            let version: Option<i64> = r.get(3)?;
            let target = match (milestone, note) {
                (_, Some(note)) => DraftFor::EditNote {
                    note,
                    version: version.unwrap_or(1),
                },
                (Some(milestone), None) => DraftFor::NewNote { milestone },
                (None, None) => DraftFor::NewNote { milestone: 0 },
            };
            Ok(Draft {
                id: r.get(0)?,
                target,
                body: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })
        .and_then(|it| it.collect())
        .map_err(Error::sql("reading drafts"))
    }

    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        self.write("deleting the draft", |tx| {
            tx.execute("DELETE FROM draft WHERE id = ?1", [id])
                .map_err(Error::sql("deleting the draft"))?;
            Ok(())
        })
    }
}
