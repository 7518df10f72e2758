//! Reading the whole plan back as a document, for export. One query per
//! table, grouped in memory: the cost is proportional to the plan, once.

use super::Store;
use super::error::{Error, Result};
use crate::domain::plan::{
    Direction, FORMAT, Milestone, Note, PlanDoc, PlanInfo, Program, Project, Reading,
};
use crate::domain::{Kind, Status};
use rusqlite::Row;
use std::collections::HashMap;

fn status(s: String) -> rusqlite::Result<Status> {
    s.parse().map_err(|e: crate::domain::refusal::Refusal| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn kind(s: String) -> rusqlite::Result<Kind> {
    Kind::from_code(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, s.into())
    })
}

fn note(r: &Row<'_>) -> rusqlite::Result<(Option<i64>, Option<i64>, Note)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        Note {
            id: r.get(2)?,
            body: r.get(3)?,
            author: r.get(4)?,
            created_at: r.get(5)?,
            updated_at: r.get(6)?,
        },
    ))
}

impl Store {
    pub fn load_plan(&self) -> Result<PlanDoc> {
        let c = &self.conn;
        let ctx = |what: &'static str| Error::sql(format!("reading {what}"));
        let (plan, format_version) = c
            .query_row(
                "SELECT title, year, locale, description, source, format_version FROM plan",
                [],
                |r| {
                    Ok((
                        PlanInfo {
                            title: r.get(0)?,
                            year: r.get(1)?,
                            locale: r.get(2)?,
                            description: r.get(3)?,
                            source: r.get(4)?,
                        },
                        r.get(5)?,
                    ))
                },
            )
            .map_err(ctx("the plan"))?;

        let groups = |table: &'static str| -> Result<Vec<Direction>> {
            let mut st = c
                .prepare(&format!(
                    "SELECT id, code, name, name_en, description FROM {table} ORDER BY position, id"
                ))
                .map_err(ctx(table))?;
            let rows = st.query_map([], |r| {
                Ok(Direction {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    name_en: r.get(3)?,
                    description: r.get(4)?,
                })
            });
            rows.and_then(|it| it.collect()).map_err(ctx(table))
        };
        let directions = groups("direction")?;
        let areas = groups("area")?;
        let programs = c
            .prepare(
                "SELECT id, code, name, name_en, description, direction_id FROM program
                 ORDER BY position, id",
            )
            .and_then(|mut st| {
                st.query_map([], |r| {
                    Ok(Program {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        name: r.get(2)?,
                        name_en: r.get(3)?,
                        description: r.get(4)?,
                        direction: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(ctx("programs"))?;

        let mut project_notes: HashMap<i64, Vec<Note>> = HashMap::new();
        let mut milestone_notes: HashMap<i64, Vec<Note>> = HashMap::new();
        let mut st = c
            .prepare(
                "SELECT project_id, milestone_id, id, body, author, created_at, updated_at
                 FROM note ORDER BY id",
            )
            .map_err(ctx("notes"))?;
        for row in st.query_map([], note).map_err(ctx("notes"))? {
            match row.map_err(ctx("notes"))? {
                (Some(p), _, n) => project_notes.entry(p).or_default().push(n),
                (None, Some(m), n) => milestone_notes.entry(m).or_default().push(n),
                (None, None, _) => {}
            }
        }

        let mut readings: HashMap<i64, Vec<Reading>> = HashMap::new();
        let mut st = c
            .prepare("SELECT milestone_id, as_of, value, author, source FROM reading ORDER BY milestone_id, as_of")
            .map_err(ctx("readings"))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Reading {
                    as_of: r.get(1)?,
                    value: r.get(2)?,
                    author: r.get(3)?,
                    source: r.get(4)?,
                },
            ))
        });
        for row in rows.map_err(ctx("readings"))? {
            let (m, reading) = row.map_err(ctx("readings"))?;
            readings.entry(m).or_default().push(reading);
        }

        let mut milestones: HashMap<i64, Vec<Milestone>> = HashMap::new();
        let mut st = c
            .prepare(
                "SELECT project_id, id, title, kind, unit, baseline, target, current, due_date,
                        status, owner, created_at, created_by, updated_at, updated_by, lead, weight
                 FROM milestone ORDER BY project_id, position, id",
            )
            .map_err(ctx("milestones"))?;
        let rows = st.query_map([], |r| {
            let id: i64 = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?,
                Milestone {
                    id,
                    title: r.get(2)?,
                    kind: kind(r.get(3)?)?,
                    unit: r.get(4)?,
                    baseline: r.get(5)?,
                    target: r.get(6)?,
                    current: r.get(7)?,
                    due: r.get(8)?,
                    status: status(r.get(9)?)?,
                    owner: r.get(10)?,
                    lead: r.get(15)?,
                    // 1 is the default, left out of the document.
                    weight: Some(r.get::<_, f64>(16)?).filter(|w| *w != 1.0),
                    created_at: r.get(11)?,
                    created_by: r.get(12)?,
                    updated_at: r.get(13)?,
                    updated_by: r.get(14)?,
                    readings: Vec::new(),
                    notes: Vec::new(),
                },
            ))
        });
        for row in rows.map_err(ctx("milestones"))? {
            let (p, mut m) = row.map_err(ctx("milestones"))?;
            m.readings = readings.remove(&m.id).unwrap_or_default();
            m.notes = milestone_notes.remove(&m.id).unwrap_or_default();
            milestones.entry(p).or_default().push(m);
        }

        let mut tags: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut st = c
            .prepare("SELECT project_id, area_id FROM project_area ORDER BY project_id, position")
            .map_err(ctx("areas"))?;
        for row in st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .map_err(ctx("areas"))?
        {
            let (p, a) = row.map_err(ctx("areas"))?;
            tags.entry(p).or_default().push(a);
        }

        let mut st = c
            .prepare(
                "SELECT id, direction_id, program_id, name, description, owner, status, start_date,
                        due_date, created_at, created_by, updated_at, updated_by, lead
                 FROM project ORDER BY position, id",
            )
            .map_err(ctx("projects"))?;
        let projects = st
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(Project {
                    id,
                    direction: r.get(1)?,
                    program: r.get(2)?,
                    areas: Vec::new(),
                    name: r.get(3)?,
                    description: r.get(4)?,
                    owner: r.get(5)?,
                    lead: r.get(13)?,
                    status: status(r.get(6)?)?,
                    start: r.get(7)?,
                    due: r.get(8)?,
                    created_at: r.get(9)?,
                    created_by: r.get(10)?,
                    updated_at: r.get(11)?,
                    updated_by: r.get(12)?,
                    milestones: Vec::new(),
                    notes: Vec::new(),
                })
            })
            .and_then(|it| it.collect::<rusqlite::Result<Vec<Project>>>())
            .map_err(ctx("projects"))?
            .into_iter()
            .map(|mut p| {
                p.areas = tags.remove(&p.id).unwrap_or_default();
                p.milestones = milestones.remove(&p.id).unwrap_or_default();
                p.notes = project_notes.remove(&p.id).unwrap_or_default();
                p
            })
            .collect();

        Ok(PlanDoc {
            format: FORMAT.to_owned(),
            format_version,
            plan,
            directions,
            programs,
            areas,
            projects,
        })
    }
}
