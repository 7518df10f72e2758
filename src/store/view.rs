//! What the cockpit shows, read per pane: a direction's projects with their
//! roll-ups, a project's milestones, one milestone's detail, search hits.

use super::Store;
use super::error::{Error, Result};
use crate::domain::Status;
use crate::domain::rows::{
    Detail, HistoryRow, Hit, HitKind, NOTE_QUERY_MIN, NoteRow, ProjectRow, ReadingRow, Rollup,
};
use rusqlite::{OptionalExtension, params};

/// A count SQL returned, as a length (a count is never negative).
pub(super) fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

const HISTORY_SHOWN: i64 = 20;

/// The columns `note_row` reads, in order.
pub(super) const NOTE_COLUMNS: &str = "id, body, author, created_at, updated_at, version";

pub(super) fn note_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NoteRow> {
    Ok(NoteRow {
        id: r.get(0)?,
        body: r.get(1)?,
        author: r.get(2)?,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
        version: r.get(5)?,
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

pub(super) fn project_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProjectRow> {
    Ok(ProjectRow {
        id: r.get(0)?,
        direction_id: r.get(1)?,
        name: r.get(2)?,
        program: r.get(3)?,
        program_en: r.get(4)?,
        status: status_of(r.get(5)?)?,
        due: r.get(6)?,
        version: r.get(7)?,
        position: r.get(8)?,
        rollup: Rollup::from_sums(
            r.get::<_, i64>(9)? as f64,
            r.get::<_, i64>(10)? as f64,
            r.get(11)?,
            r.get::<_, f64>(12)?,
        ),
        owner: r.get(13)?,
        lead: r.get(14)?,
    })
}

fn status_of(s: String) -> rusqlite::Result<Status> {
    s.parse().map_err(|e: crate::domain::refusal::Refusal| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

impl Store {
    /// Notes of a project or a milestone (`owner` names the column), newest
    /// first.
    fn notes_of(&self, owner: &'static str, id: i64) -> Result<Vec<NoteRow>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {NOTE_COLUMNS} FROM note WHERE {owner} = ?1 ORDER BY created_at DESC, id DESC"
            ))
            .and_then(|mut st| st.query_map([id], note_row)?.collect())
            .map_err(Error::sql("reading notes"))
    }

    /// A project's description and its own notes (newest first): what the
    /// milestone list shows beneath the milestones.
    pub fn project_notes(&self, id: i64) -> Result<(String, Vec<NoteRow>)> {
        let description: String = self
            .conn
            .query_row("SELECT description FROM project WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(Error::sql("reading a project"))?
            .ok_or(Error::NotFound {
                what: "project",
                id,
            })?;
        let notes = self.notes_of("project_id", id)?;
        Ok((description, notes))
    }

    pub fn project(&self, id: i64) -> Result<ProjectRow> {
        self.conn
            .prepare_cached(&format!("{PROJECT_SQL} WHERE p.id = ?1"))
            .and_then(|mut st| st.query_row([id], project_row).optional())
            .map_err(Error::sql("reading a project"))?
            .ok_or(Error::NotFound {
                what: "project",
                id,
            })
    }

    pub fn detail(&self, milestone_id: i64) -> Result<Detail> {
        let milestone = self.milestone(milestone_id)?;
        let ctx = || Error::sql("reading a milestone's detail");
        let readings = self
            .conn
            .prepare_cached("SELECT as_of, value, author, source FROM reading WHERE milestone_id = ?1 ORDER BY as_of")
            .and_then(|mut st| {
                st.query_map([milestone_id], |r| {
                    Ok(ReadingRow { as_of: r.get(0)?, value: r.get(1)?, author: r.get(2)?, source: r.get(3)? })
                })?
                .collect()
            })
            .map_err(ctx())?;
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
        self.conn
            .prepare_cached(
                "SELECT at, author, field, old, new FROM history
                 WHERE (entity = 'milestone' AND entity_id = ?1)
                    OR (entity = 'note' AND entity_id IN (SELECT id FROM note WHERE milestone_id = ?1))
                 ORDER BY id DESC LIMIT ?2",
            )
            .and_then(|mut st| {
                st.query_map(params![milestone_id, limit], |r| {
                    Ok(HistoryRow { at: r.get(0)?, author: r.get(1)?, field: r.get(2)?, old: r.get(3)?, new: r.get(4)? })
                })?
                .collect()
            })
            .map_err(Error::sql("reading history"))
    }

    /// Projects, milestones and notes whose text contains `query` (any
    /// case): projects and milestones in plan order, then notes newest
    /// first, at most `limit` in all. Read through the trigram indexes, so
    /// the cost follows the hits, not the size of the plan. A query of one
    /// character does not search notes (see `NOTE_QUERY_MIN`).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
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
            let mut st = self
                .conn
                .prepare_cached(&sql)
                .map_err(Error::sql("searching"))?;
            let found = st
                .query_map(
                    params![matching, i64::try_from(room).unwrap_or(i64::MAX)],
                    hit,
                )
                .and_then(|it| it.collect::<rusqlite::Result<Vec<Hit>>>())
                .map_err(Error::sql("searching"))?;
            // A title found by its characters is not listed again by its
            // pinyin; a pinyin hit must still match the text as it is now
            // (another program may have renamed it since it was indexed).
            let by_pinyin = index.ends_with("_pinyin");
            for h in found {
                let stale = by_pinyin && !crate::domain::pinyin::key(&h.text).contains(q);
                if !stale && !hits.iter().any(|o| o.kind == h.kind && same_row(o, &h)) {
                    hits.push(h);
                }
            }
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
            .conn
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

fn same_row(a: &Hit, b: &Hit) -> bool {
    match a.kind {
        HitKind::Project => a.project_id == b.project_id,
        HitKind::Milestone => a.milestone_id == b.milestone_id,
        HitKind::Note => a.note_id == b.note_id,
    }
}

fn hit(r: &rusqlite::Row<'_>) -> rusqlite::Result<Hit> {
    let kind = match r.get::<_, i64>(0)? {
        0 => HitKind::Project,
        1 => HitKind::Milestone,
        _ => HitKind::Note,
    };
    let d: String = r.get(5)?;
    let p: String = r.get(6)?;
    let m: Option<String> = r.get(7)?;
    let path = match (&kind, m) {
        (HitKind::Project, _) | (_, None) => format!("{d} › {p}"),
        (_, Some(m)) => format!("{d} › {p} › {m}"),
    };
    Ok(Hit {
        kind,
        direction_id: r.get(1)?,
        project_id: r.get(2)?,
        milestone_id: r.get(3)?,
        note_id: r.get(4)?,
        path,
        text: r.get(8)?,
    })
}
