//! What the cockpit shows, read per pane: a direction's projects with their
//! roll-ups, a project's milestones, one milestone's detail, search hits.

use super::Store;
use super::error::{Error, Result};
use super::hits::{gather, hit};
use super::sql::{self, Cells, args};
use crate::domain::Status;
use crate::domain::rows::{
    Detail, HistoryRow, Hit, HitKind, NOTE_QUERY_MIN, NoteRow, ProjectRow, ReadingRow, Rollup,
};

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
        due: r.opt_text(6)?,
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
             WHERE (entity = 'milestone' AND entity_id = ?1)
                OR (entity = 'note' AND entity_id IN (SELECT id FROM note WHERE milestone_id = ?1))
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
        if self.on_server() {
            return super::postgres::search(self.db(), query, limit);
        }
        let q = query.trim();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let chars = q.chars().count();
        // Latin letters also search the pinyin of names and titles (one
        // letter would match nearly everything).
        let pinyin = crate::domain::pinyin::as_pinyin(q).filter(|p| p.len() >= 2);
        let mut hits: Vec<Hit> = Vec::new();
        let mut asks = vec![
            (
                HitKind::Project,
                "project_text",
                "project_terms",
                q.to_owned(),
            ),
            (
                HitKind::Milestone,
                "milestone_text",
                "milestone_terms",
                q.to_owned(),
            ),
            (HitKind::Note, "note_text", "note_terms", q.to_owned()),
        ];
        if let Some(p) = pinyin {
            asks.insert(
                1,
                (
                    HitKind::Project,
                    "project_pinyin",
                    "project_pinyin_terms",
                    p.clone(),
                ),
            );
            asks.insert(
                3,
                (
                    HitKind::Milestone,
                    "milestone_pinyin",
                    "milestone_pinyin_terms",
                    p,
                ),
            );
        }
        for (kind, index, terms, q) in asks {
            let q = q.as_str();
            let room = limit.saturating_sub(hits.len());
            if room == 0 || (kind == HitKind::Note && chars < NOTE_QUERY_MIN) {
                continue;
            }
            let matching = if q.chars().count() < 3 {
                match self.starting_with(terms, q)? {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                fts_string(q)
            };
            let sql = match kind {
                HitKind::Project => format!(
                    "SELECT 0, d.id, p.id, NULL, NULL, d.name, p.name, NULL, p.name
                     FROM {index} t JOIN project p ON p.id = t.rowid
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid LIMIT ?2"
                ),
                HitKind::Milestone => format!(
                    "SELECT 1, d.id, p.id, m.id, NULL, d.name, p.name, m.title, m.title
                     FROM {index} t JOIN milestone m ON m.id = t.rowid
                     JOIN project p ON p.id = m.project_id
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid LIMIT ?2"
                ),
                HitKind::Note => format!(
                    "SELECT 2, d.id, p.id, m.id, n.id, d.name, p.name, m.title, n.body
                     FROM {index} t JOIN note n ON n.id = t.rowid
                     LEFT JOIN milestone m ON m.id = n.milestone_id
                     JOIN project p ON p.id = coalesce(n.project_id, m.project_id)
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid DESC LIMIT ?2"
                ),
            };
            let found = sql::rows(
                self.file()?,
                "searching",
                &sql,
                args![matching.as_str(), i64::try_from(room).unwrap_or(i64::MAX)],
                hit,
            )?;
            let by_pinyin = index.ends_with("_pinyin").then_some(q);
            gather(&mut hits, found, by_pinyin);
        }
        // Exact and prefix matches first, by text or pinyin; each rank in
        // the order found (kind, then plan order).
        hits.sort_by_cached_key(|h| crate::domain::pinyin::rank(query, &h.text));
        Ok(hits)
    }

    /// An FTS query for text containing the one- or two-character `q`:
    /// any of the index's trigrams that begin with it (every such
    /// substring begins one, thanks to the two `U+0001` after each text).
    /// `None` when no text contains it.
    fn starting_with(&self, terms: &str, q: &str) -> Result<Option<String>> {
        let low = q.to_lowercase();
        let high = format!("{low}{}", char::MAX);
        let found: Vec<String> = self
            .file()?
            .prepare_cached(&format!(
                "SELECT term FROM {terms} WHERE term >= ?1 AND term < ?2 LIMIT {MAX_TERMS}"
            ))
            .and_then(|mut st| st.query_map([&low, &high], |r| r.get(0))?.collect())
            .map_err(Error::sql("searching"))?;
        if found.is_empty() {
            return Ok(None);
        }
        Ok(Some(
            found
                .iter()
                .map(|t| fts_string(t))
                .collect::<Vec<_>>()
                .join(" OR "),
        ))
    }
}

/// Trigrams a short query may expand to; beyond this the query is too
/// common to be worth listing everything it is part of.
const MAX_TERMS: usize = 5000;

/// `text` as one FTS5 string: a phrase, which for the trigram tokenizer
/// means "contains this substring".
fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}
