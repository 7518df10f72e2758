//! What the cockpit shows, read per pane: a direction's projects with their
//! roll-ups, a project's milestones, one milestone's detail, search hits.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, Cells, args};
use crate::domain::Status;
use crate::domain::rows::{Detail, HistoryRow, Hit, NoteRow, ProjectRow, ReadingRow, Rollup};

pub(super) use super::sql::count;

const HISTORY_SHOWN: i64 = 20;

/// The columns `note_row` reads, in order.
pub(super) const NOTE_COLUMNS: &str = "id, body, author, created_at, updated_at, version";

pub(super) fn note_row(r: &dyn Cells) -> Result<NoteRow> {
    Ok(NoteRow {
        id: r.int(0)?,
        body: r.text(1)?,
        author: r.text(2)?,
        created_at: r.text(3)?,
        updated_at: r.text(4)?,
        version: r.int(5)?,
    })
}

/// A project with its roll-up; `project_row` reads these columns.
pub(super) const PROJECT_SQL: &str = "
    SELECT p.id, p.direction_id, p.name, g.name, g.name_en, p.status, p.due_date, p.version,
           p.position, coalesce(r.milestones, 0), coalesce(r.done, 0),
           coalesce(r.progress_sum, 0.0), coalesce(r.measured, 0), p.owner, p.lead
    FROM project p
    LEFT JOIN program g ON g.id = p.program_id
    LEFT JOIN project_rollup r ON r.project_id = p.id";

pub(super) fn project_row(r: &dyn Cells) -> Result<ProjectRow> {
    Ok(ProjectRow {
        id: r.int(0)?,
        direction_id: r.int(1)?,
        name: r.text(2)?,
        program: r.opt_text(3)?,
        program_en: r.opt_text(4)?,
        status: status_of(&r.text(5)?)?,
        due: r.time_limit(6)?,
        version: r.int(7)?,
        position: r.int(8)?,
        rollup: Rollup::from_sums(r.real(9)?, r.real(10)?, r.real(11)?, r.real(12)?),
        owner: r.text(13)?,
        lead: r.text(14)?,
    })
}

pub(super) fn status_of(s: &str) -> Result<Status> {
    s.parse()
        .map_err(|e: crate::domain::refusal::Refusal| Error::Internal(format!("status {s:?}: {e}")))
}

impl Store {
    /// Notes of a project or a milestone (`owner` names the column), newest
    /// first.
    fn notes_of(&self, owner: &'static str, id: i64) -> Result<Vec<NoteRow>> {
        sql::rows(
            self.db(),
            "reading notes",
            &format!(
                "SELECT {NOTE_COLUMNS} FROM note WHERE {owner} = ?1 ORDER BY created_at DESC, id DESC"
            ),
            args![id],
            note_row,
        )
    }

    /// A project's description and its own notes (newest first): what the
    /// milestone list shows beneath the milestones.
    pub fn project_notes(&self, id: i64) -> Result<(String, Vec<NoteRow>)> {
        let description = sql::one(
            self.db(),
            "reading a project",
            "SELECT description FROM project WHERE id = ?1",
            args![id],
            |r| r.text(0),
        )?
        .ok_or(Error::NotFound {
            what: "project",
            id,
        })?;
        let notes = self.notes_of("project_id", id)?;
        Ok((description, notes))
    }

    pub fn project(&self, id: i64) -> Result<ProjectRow> {
        sql::one(
            self.db(),
            "reading a project",
            &format!("{PROJECT_SQL} WHERE p.id = ?1"),
            args![id],
            project_row,
        )?
        .ok_or(Error::NotFound {
            what: "project",
            id,
        })
    }

    pub fn detail(&self, milestone_id: i64) -> Result<Detail> {
        let milestone = self.milestone(milestone_id)?;
        let readings = sql::rows(
            self.db(),
            "reading a milestone's detail",
            "SELECT as_of, value, author, source FROM reading WHERE milestone_id = ?1 ORDER BY as_of",
            args![milestone_id],
            |r| {
                Ok(ReadingRow {
                    as_of: r.text(0)?,
                    value: r.real(1)?,
                    author: r.text(2)?,
                    source: r.text(3)?,
                })
            },
        )?;
        let notes = self.notes_of("milestone_id", milestone_id)?;
        let history = self.history_of(milestone_id, HISTORY_SHOWN)?;
        Ok(Detail {
            milestone,
            readings,
            notes,
            history,
        })
    }

    /// Changes to a milestone and its notes, newest first, at most `limit`.
    pub fn history_of(&self, milestone_id: i64, limit: i64) -> Result<Vec<HistoryRow>> {
        sql::rows(
            self.db(),
            "reading history",
            "SELECT at, author, field, old, new FROM history
             WHERE ((entity = 'milestone' AND entity_id = ?1)
                    OR (entity = 'note'
                        AND entity_id IN (SELECT id FROM note WHERE milestone_id = ?1)))
               AND plan = (SELECT identity FROM plan)
             ORDER BY id DESC LIMIT ?2",
            args![milestone_id, limit],
            |r| {
                Ok(HistoryRow {
                    at: r.text(0)?,
                    author: r.text(1)?,
                    field: r.text(2)?,
                    old: r.opt_text(3)?,
                    new: r.opt_text(4)?,
                })
            },
        )
    }

    /// Projects, milestones and notes whose text contains `query` (any
    /// case): projects and milestones in plan order, then notes newest
    /// first, at most `limit` in all. Read through the trigram indexes, so
    /// the cost follows the hits, not the size of the plan. A query of one
    /// character does not search notes (see `NOTE_QUERY_MIN`).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.engine.search(query, limit)
    }
}
