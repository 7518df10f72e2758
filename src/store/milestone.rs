//! Milestones: listing them and changing them with a version check.

use super::Store;
use super::error::{Conflict, Error, Result};
use super::history::{Change, record};
use crate::domain::progress::format_value;
use crate::domain::{Kind, Measure, MilestoneChange, Status, dates};
use rusqlite::{OptionalExtension, params};

/// One milestone with where it sits in the plan, as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    pub id: i64,
    pub direction: String,
    pub direction_en: String,
    pub program: Option<String>,
    pub project: String,
    pub title: String,
    pub kind: Kind,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
    pub due: Option<String>,
    pub status: Status,
    pub version: i64,
    pub updated_at: String,
    pub updated_by: String,
}

impl MilestoneRow {
    pub fn measure(&self) -> Measure {
        Measure {
            kind: self.kind,
            status: self.status,
            baseline: self.baseline,
            target: self.target,
            current: self.current,
        }
    }
}

/// What a successful save changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: i64,
    pub title: String,
    pub version: i64,
    /// `field: old → new`, one per changed field.
    pub changes: Vec<String>,
    pub note_id: Option<i64>,
}

pub struct ListFilter {
    pub direction: Option<i64>,
    /// Only milestones due before this day and not done or dropped.
    pub overdue_on: Option<String>,
}

fn bad_column(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

const ROW_SQL: &str = "
    SELECT m.id, d.name, d.name_en, g.name, p.name, m.title, m.kind, m.unit, m.baseline,
           m.target, m.current, m.due_date, m.status, m.version, m.updated_at, m.updated_by
    FROM milestone m
    JOIN project p ON p.id = m.project_id
    JOIN direction d ON d.id = p.direction_id
    LEFT JOIN program g ON g.id = p.program_id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MilestoneRow> {
    let kind: String = r.get(6)?;
    let status: String = r.get(12)?;
    Ok(MilestoneRow {
        id: r.get(0)?,
        direction: r.get(1)?,
        direction_en: r.get(2)?,
        program: r.get(3)?,
        project: r.get(4)?,
        title: r.get(5)?,
        kind: Kind::from_code(&kind).ok_or_else(|| bad_column(6, kind.clone()))?,
        unit: r.get(7)?,
        baseline: r.get(8)?,
        target: r.get(9)?,
        current: r.get(10)?,
        due: r.get(11)?,
        status: status.parse().map_err(|e| bad_column(12, e))?,
        version: r.get(13)?,
        updated_at: r.get(14)?,
        updated_by: r.get(15)?,
    })
}

impl Store {
    /// Finds a direction by its code, Chinese name or English name (any
    /// case). The error lists the directions there are.
    pub fn find_direction(&self, name: &str) -> Result<i64> {
        let mut st = self
            .conn
            .prepare("SELECT id, code, name, name_en FROM direction ORDER BY position, id")
            .map_err(Error::sql("reading directions"))?;
        let all: Vec<(i64, String, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .and_then(|it| it.collect())
            .map_err(Error::sql("reading directions"))?;
        let want = name.trim().to_lowercase();
        all.iter()
            .find(|(_, code, zh, en)| {
                code.to_lowercase() == want || zh.trim() == name.trim() || en.to_lowercase() == want
            })
            .map(|d| d.0)
            .ok_or_else(|| {
                let names: Vec<String> = all
                    .iter()
                    .map(|(_, c, zh, _)| format!("{zh} ({c})"))
                    .collect();
                Error::Invalid(format!(
                    "no direction is called {name:?}; the plan has {}",
                    names.join(", ")
                ))
            })
    }

    pub fn milestones(&self, filter: &ListFilter) -> Result<Vec<MilestoneRow>> {
        let sql = format!(
            "{ROW_SQL}
             WHERE (?1 IS NULL OR p.direction_id = ?1)
               AND (?2 IS NULL OR (m.due_date < ?2 AND m.status NOT IN ('done', 'dropped')))
             ORDER BY d.position, d.id, p.position, p.id, m.position, m.id"
        );
        let mut st = self
            .conn
            .prepare(&sql)
            .map_err(Error::sql("listing milestones"))?;
        st.query_map(params![filter.direction, filter.overdue_on], row)
            .and_then(|it| it.collect())
            .map_err(Error::sql("listing milestones"))
    }

    pub fn milestone(&self, id: i64) -> Result<MilestoneRow> {
        self.conn
            .query_row(&format!("{ROW_SQL} WHERE m.id = ?1"), [id], row)
            .optional()
            .map_err(Error::sql(format!("reading milestone {id}")))?
            .ok_or(Error::NotFound {
                what: "milestone",
                id,
            })
    }

    /// Applies a planner's change to milestone `id` in one transaction, with
    /// history. With `expected_version`, refuses (with who and when) if
    /// someone saved since that version. A value change also records the
    /// day's reading; `source` says where it came from (cockpit, cli).
    pub fn update_milestone(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        change: MilestoneChange,
        source: &str,
    ) -> Result<Saved> {
        let now = dates::now();
        let today = dates::today().to_string();
        let author = self.author.clone();
        self.write("the milestone update", |tx| {
            let old = tx
                .query_row(&format!("{ROW_SQL} WHERE m.id = ?1"), [id], row)
                .optional()
                .map_err(Error::sql(format!("reading milestone {id}")))?
                .ok_or(Error::NotFound {
                    what: "milestone",
                    id,
                })?;
            if let Some(v) = expected_version
                && v != old.version
            {
                return Err(Error::Conflict(Conflict {
                    entity: "milestone",
                    id,
                    expected_version: v,
                    found_version: old.version,
                    by: old.updated_by.clone(),
                    at: old.updated_at.clone(),
                }));
            }
            let change = change.checked(old.kind).map_err(Error::Invalid)?;
            let current = change.new_value(old.current).or(old.current);
            let status = change.status.unwrap_or(old.status);
            let due = change.due.map(|d| d.to_string()).or(old.due.clone());

            let mut saved = Saved {
                id,
                title: old.title.clone(),
                version: old.version,
                changes: Vec::new(),
                note_id: None,
            };
            let mut log = |field: &str, was: Option<String>, now_: Option<String>| -> Result<()> {
                if was != now_ {
                    saved.changes.push(format!(
                        "{field}: {} → {}",
                        was.as_deref().unwrap_or("—"),
                        now_.as_deref().unwrap_or("—")
                    ));
                    record(
                        tx,
                        &now,
                        &author,
                        Change {
                            entity: "milestone",
                            entity_id: id,
                            field,
                            old: was,
                            new: now_,
                        },
                    )?;
                }
                Ok(())
            };
            log(
                "current",
                old.current.map(format_value),
                current.map(format_value),
            )?;
            log(
                "status",
                Some(old.status.code().into()),
                Some(status.code().into()),
            )?;
            log("due", old.due.clone(), due.clone())?;

            let fields_changed = !saved.changes.is_empty();
            if fields_changed {
                let n = tx
                    .execute(
                        "UPDATE milestone SET current = ?1, status = ?2, due_date = ?3,
                            version = version + 1, updated_at = ?4, updated_by = ?5
                         WHERE id = ?6 AND version = ?7",
                        params![current, status.code(), due, now, author, id, old.version],
                    )
                    .map_err(Error::sql(format!("updating milestone {id}")))?;
                if n != 1 {
                    return Err(Error::Internal(format!(
                        "milestone {id} changed while this write held the lock"
                    )));
                }
                saved.version = old.version + 1;
            }
            if change.value.is_some()
                && let Some(value) = current
            {
                tx.execute(
                    "INSERT INTO reading (milestone_id, as_of, value, author, source)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (milestone_id, as_of)
                     DO UPDATE SET value = excluded.value, author = excluded.author,
                                   source = excluded.source",
                    params![id, today, value, author, source],
                )
                .map_err(Error::sql(format!(
                    "recording the reading of milestone {id}"
                )))?;
            }
            if let Some(body) = &change.note {
                tx.execute(
                    "INSERT INTO note (milestone_id, body, author, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?4)",
                    params![id, body, author, now],
                )
                .map_err(Error::sql(format!("adding a note to milestone {id}")))?;
                let note_id = tx.last_insert_rowid();
                record(
                    tx,
                    &now,
                    &author,
                    Change {
                        entity: "note",
                        entity_id: note_id,
                        field: "body",
                        old: None,
                        new: Some(body.clone()),
                    },
                )?;
                saved.note_id = Some(note_id);
                saved.changes.push(format!("note #{note_id} added"));
            }
            Ok(saved)
        })
    }
}
