//! Milestones: listing them and changing them with a version check.

use super::Store;
use super::error::{Conflict, Error, Result};
use super::history::{Change, record};
use super::lineage::{Table, fresh_id, next_version};
use crate::domain::progress::format_value;
use crate::domain::rows::{Fields, MilestoneRow};
use crate::domain::{Kind, MilestoneChange, Status};
use rusqlite::{OptionalExtension, params};

/// What a successful save changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: i64,
    pub title: String,
    pub version: i64,
    /// One per changed field: (field, old, new), as the history holds them.
    pub changes: Vec<(&'static str, Option<String>, Option<String>)>,
    pub note_id: Option<i64>,
    /// The added note's version, for undo.
    pub note_version: Option<i64>,
    /// The fields as they were, for undo.
    pub before: Fields,
    /// The reading this save wrote, and what that day held before: undo
    /// puts it back.
    pub reading: Option<ReadingWas>,
}

/// One day's reading before a save changed it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingWas {
    pub day: String,
    /// None: there was no reading that day.
    pub value: Option<f64>,
}

fn bad_column(i: usize, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

pub(super) const ROW_SQL: &str = "
    SELECT m.id, d.name, d.name_en, g.name, p.name, m.title, m.kind, m.unit, m.baseline,
           m.target, m.current, m.due_date, m.status, m.version, m.updated_at, m.updated_by, m.owner,
           m.project_id, m.position, m.lead, p.owner, p.lead, m.weight
    FROM milestone m
    JOIN project p ON p.id = m.project_id
    JOIN direction d ON d.id = p.direction_id
    LEFT JOIN program g ON g.id = p.program_id";

pub(super) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MilestoneRow> {
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
        owner: r.get(16)?,
        project_id: r.get(17)?,
        position: r.get(18)?,
        lead: r.get(19)?,
        project_owner: r.get(20)?,
        project_lead: r.get(21)?,
        weight: r.get(22)?,
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
                Error::Invalid(crate::domain::refusal::Refusal::UnknownDirection {
                    typed: name.to_owned(),
                    known: names,
                })
            })
    }

    /// One project's milestones in plan order.
    pub fn project_milestones(&self, project: i64) -> Result<Vec<MilestoneRow>> {
        let sql = format!("{ROW_SQL} WHERE m.project_id = ?1 ORDER BY m.position, m.id");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut st| st.query_map([project], row)?.collect())
            .map_err(Error::sql(format!(
                "listing the milestones of project {project}"
            )))
    }

    pub fn milestone(&self, id: i64) -> Result<MilestoneRow> {
        find(&self.conn, id)
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
        let now = self.clock.now_text();
        let today = self.clock.today();
        let author = self.author.clone();
        self.write("the milestone update", |tx| {
            let old = read_checked(tx, id, expected_version)?;
            let change = change.checked(old.kind, today).map_err(Error::Invalid)?;
            change.target_reachable(old.baseline).map_err(Error::Invalid)?;
            let before = old.fields();
            let value = change.new_value(old.current).map_err(Error::Invalid)?;
            let day = change.as_of.unwrap_or(today).to_string();
            // A reading for a day before the newest one fills in the past:
            // the current value stays the newest reading's.
            let newest: Option<String> = tx
                .query_row(
                    "SELECT max(as_of) FROM reading WHERE milestone_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(Error::sql(format!("reading the readings of milestone {id}")))?;
            let backdated = value.is_some() && newest.as_deref().is_some_and(|n| day.as_str() < n);
            let after = Fields {
                title: change.title.clone().unwrap_or_else(|| before.title.clone()),
                unit: change.unit.clone().unwrap_or_else(|| before.unit.clone()),
                target: change.target.or(before.target),
                current: value.filter(|_| !backdated).or(before.current),
                status: change.status.unwrap_or(before.status),
                due: change
                    .due
                    .map(|d| d.to_string())
                    .or_else(|| before.due.clone()),
                owner: change
                    .owner
                    .as_ref()
                    .map_or_else(|| before.owner.clone(), |o| o.0.clone()),
                lead: change
                    .owner
                    .as_ref()
                    .map_or_else(|| before.lead.clone(), |o| o.1.clone()),
                weight: change.weight.unwrap_or(before.weight),
            };
            // A yes/no task marked done records the day it was done as a
            // reading of 1, so its date survives and undo can take it back.
            let done_on = old.kind == Kind::YesNo
                && change.status == Some(Status::Done)
                && (old.status != Status::Done || change.as_of.is_some());
            let value = value.or(done_on.then_some(1.0));
            let was = match value {
                Some(_) => Some(reading_on(tx, id, &day)?),
                None => None,
            };
            let filled_in = match (value, was) {
                _ if done_on => Some(("done_on", None, Some(day.clone()))),
                (Some(v), Some(was)) if backdated => Some((
                    "reading",
                    was.map(|w| format!("{day} {}", format_value(w))),
                    Some(format!("{day} {}", format_value(v))),
                )),
                _ => None,
            };
            let mut saved = write_fields(tx, &now, &author, &old, &after, filled_in)?;
            saved.reading = was.map(|value| ReadingWas {
                day: day.clone(),
                value,
            });
            if let Some(value) = value {
                tx.execute(
                    "INSERT INTO reading (id, milestone_id, as_of, value, author, source)
                     VALUES (?6, ?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (milestone_id, as_of)
                     DO UPDATE SET value = excluded.value, author = excluded.author,
                                   source = excluded.source",
                    params![id, day, value, author, source, fresh_id(tx, Table::Reading)?],
                )
                .map_err(Error::sql(format!(
                    "recording the reading of milestone {id}"
                )))?;
            }
            if let Some(body) = &change.note {
                let note_id = fresh_id(tx, Table::Note)?;
                let note_version = next_version(tx)?;
                tx.execute(
                    "INSERT INTO note (id, milestone_id, body, author, created_at, updated_at, version)
                     VALUES (?5, ?1, ?2, ?3, ?4, ?4, ?6)",
                    params![id, body, author, now, note_id, note_version],
                )
                .map_err(Error::sql(format!("adding a note to milestone {id}")))?;
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
                saved.note_version = Some(note_version);
                saved.changes.push(("note", None, Some(note_id.to_string())));
            }
            Ok(saved)
        })
    }

    /// Puts a milestone's fields back exactly as given (undo), and the
    /// reading the change wrote back to what that day held, if nobody
    /// changed the milestone since `expected_version`.
    pub fn restore_milestone(
        &mut self,
        id: i64,
        expected_version: i64,
        fields: Fields,
        reading: Option<ReadingWas>,
    ) -> Result<Saved> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write("the undo", |tx| {
            let old = read_checked(tx, id, Some(expected_version))?;
            let restored = match &reading {
                Some(r) => {
                    let now_value = reading_on(tx, id, &r.day)?;
                    match r.value {
                        None => tx.execute(
                            "DELETE FROM reading WHERE milestone_id = ?1 AND as_of = ?2",
                            params![id, r.day],
                        ),
                        Some(v) => tx.execute(
                            "UPDATE reading SET value = ?3 WHERE milestone_id = ?1 AND as_of = ?2",
                            params![id, r.day, v],
                        ),
                    }
                    .map_err(Error::sql(format!("restoring a reading of milestone {id}")))?;
                    let text = |v: Option<f64>| v.map(|v| format!("{} {}", r.day, format_value(v)));
                    (now_value != r.value).then(|| ("reading", text(now_value), text(r.value)))
                }
                None => None,
            };
            write_fields(tx, &now, &author, &old, &fields, restored)
        })
    }
}

fn find(conn: &rusqlite::Connection, id: i64) -> Result<MilestoneRow> {
    conn.query_row(&format!("{ROW_SQL} WHERE m.id = ?1"), [id], row)
        .optional()
        .map_err(Error::sql(format!("reading milestone {id}")))?
        .ok_or(Error::NotFound {
            what: "milestone",
            id,
        })
}

/// Reads milestone `id` inside a write transaction and checks its version.
fn read_checked(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    expected: Option<i64>,
) -> Result<MilestoneRow> {
    let old = find(tx, id)?;
    match expected {
        Some(v) if v != old.version => Err(Error::Conflict(Conflict {
            entity: "milestone",
            id,
            expected_version: v,
            found_version: old.version,
            by: old.updated_by.clone(),
            at: old.updated_at.clone(),
        })),
        _ => Ok(old),
    }
}

/// Writes `new` over `old`, one history row per changed field, and bumps the
/// version if anything changed.
fn write_fields(
    tx: &rusqlite::Transaction<'_>,
    now: &str,
    author: &str,
    old: &MilestoneRow,
    new: &Fields,
    extra: Option<(&'static str, Option<String>, Option<String>)>,
) -> Result<Saved> {
    let id = old.id;
    let before = old.fields();
    let mut saved = Saved {
        id,
        title: new.title.clone(),
        version: old.version,
        changes: Vec::new(),
        note_id: None,
        note_version: None,
        before: before.clone(),
        reading: None,
    };
    let num = |v: Option<f64>| v.map(format_value);
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let pairs = [
        ("title", Some(before.title.clone()), Some(new.title.clone())),
        ("unit", some(&before.unit), some(&new.unit)),
        ("target", num(before.target), num(new.target)),
        ("current", num(before.current), num(new.current)),
        (
            "status",
            Some(before.status.code().to_owned()),
            Some(new.status.code().to_owned()),
        ),
        ("due", before.due.clone(), new.due.clone()),
        ("owner", some(&before.owner), some(&new.owner)),
        ("lead", some(&before.lead), some(&new.lead)),
        ("weight", num(Some(before.weight)), num(Some(new.weight))),
    ];
    for (field, was, now_) in pairs.into_iter().chain(extra) {
        if was != now_ {
            saved.changes.push((field, was.clone(), now_.clone()));
            record(
                tx,
                now,
                author,
                Change {
                    entity: "milestone",
                    entity_id: id,
                    field,
                    old: was,
                    new: now_,
                },
            )?;
        }
    }
    if !saved.changes.is_empty() {
        let version = next_version(tx)?;
        let n = tx
            .execute(
                "UPDATE milestone SET title = ?1, unit = ?2, target = ?3, current = ?4, status = ?5,
                    due_date = ?6, version = ?11, updated_at = ?7, updated_by = ?8,
                    owner = ?12, lead = ?13, weight = ?14
                 WHERE id = ?9 AND version = ?10",
                params![new.title, new.unit, new.target, new.current, new.status.code(), new.due, now, author, id, old.version, version, new.owner, new.lead, new.weight],
            )
            .map_err(Error::sql(format!("updating milestone {id}")))?;
        if n != 1 {
            return Err(Error::Internal(format!(
                "milestone {id} changed while this write held the lock"
            )));
        }
        saved.version = version;
    }
    Ok(saved)
}

/// The value of milestone `id`'s reading on `day`, if there is one.
fn reading_on(tx: &rusqlite::Transaction<'_>, id: i64, day: &str) -> Result<Option<f64>> {
    tx.query_row(
        "SELECT value FROM reading WHERE milestone_id = ?1 AND as_of = ?2",
        params![id, day],
        |r| r.get(0),
    )
    .optional()
    .map_err(Error::sql(format!("reading the reading of milestone {id}")))
}
