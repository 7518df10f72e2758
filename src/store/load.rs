//! Reading the plan back as a document, for export: its head (a few rows),
//! then its projects one at a time in plan order, each with everything
//! under it, so that an export holds one project in memory, not the plan.

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
    /// The whole plan as one document (the tests' and the seed's way; the
    /// exports stream it: `plan_head` and `projects_in_order`).
    pub fn load_plan(&self) -> Result<PlanDoc> {
        let mut doc = self.plan_head()?;
        let mut stream = self.projects_in_order()?;
        while let Some(p) = stream.next_project()? {
            doc.projects.push(p);
        }
        Ok(doc)
    }

    /// Everything but the projects: the plan, its directions, programs and
    /// areas (a few rows).
    pub fn plan_head(&self) -> Result<PlanDoc> {
        let c = self.file()?;
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

        Ok(PlanDoc {
            format: FORMAT.to_owned(),
            format_version,
            plan,
            directions,
            programs,
            areas,
            projects: Vec::new(),
        })
    }

    /// The projects one at a time, in plan order, each whole (milestones,
    /// their readings and notes, its own notes, its areas): what an export
    /// holds in memory is one project, however large the plan.
    pub fn projects_in_order(&self) -> Result<ProjectStream<'_>> {
        let ids = self
            .file()?
            .prepare("SELECT id FROM project ORDER BY position, id")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(Error::sql("reading the projects' order"))?;
        Ok(ProjectStream {
            store: self,
            ids,
            at: 0,
        })
    }
}

impl Store {
    /// One project, whole (the Markdown export reads them by direction).
    pub fn project_doc(&self, id: i64) -> Result<Project> {
        project_whole(self.file()?, id)
    }

    /// Every project's place and name, in plan order.
    pub fn project_outline(&self) -> Result<Vec<crate::domain::plan::Outline>> {
        let ctx = Error::sql("reading the projects' outline");
        let mut areas: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut st = self
            .file()?
            .prepare("SELECT project_id, area_id FROM project_area ORDER BY project_id, position")
            .map_err(ctx)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .map_err(Error::sql("reading the projects' outline"))?;
        for row in rows {
            let (p, a) = row.map_err(Error::sql("reading the projects' outline"))?;
            areas.entry(p).or_default().push(a);
        }
        self.file()?
            .prepare("SELECT id, direction_id, program_id, name FROM project ORDER BY position, id")
            .and_then(|mut st| {
                st.query_map([], |r| {
                    let id: i64 = r.get(0)?;
                    Ok(crate::domain::plan::Outline {
                        id,
                        direction: r.get(1)?,
                        program: r.get(2)?,
                        areas: areas.remove(&id).unwrap_or_default(),
                        name: r.get(3)?,
                    })
                })?
                .collect()
            })
            .map_err(Error::sql("reading the projects' outline"))
    }

    /// How many milestones the plan holds.
    pub fn milestone_total(&self) -> Result<usize> {
        self.file()?
            .query_row("SELECT count(*) FROM milestone", [], |r| r.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(Error::sql("counting milestones"))
    }
}

/// See `Store::projects_in_order`.
pub struct ProjectStream<'a> {
    store: &'a Store,
    /// Project ids in plan order: 8 bytes a project.
    ids: Vec<i64>,
    at: usize,
}

impl ProjectStream<'_> {
    /// How many projects the stream holds in all.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The next project, whole; `None` after the last.
    pub fn next_project(&mut self) -> Result<Option<Project>> {
        let Some(&id) = self.ids.get(self.at) else {
            return Ok(None);
        };
        self.at += 1;
        project_whole(self.store.file()?, id).map(Some)
    }
}

/// One project with everything under it, through the per-project indexes.
fn project_whole(c: &rusqlite::Connection, id: i64) -> Result<Project> {
    let ctx = |what: &'static str| Error::sql(format!("reading {what}"));
    let mut project = c
        .prepare_cached(
            "SELECT id, direction_id, program_id, name, description, owner, status, start_date,
                    due_date, created_at, created_by, updated_at, updated_by, lead
             FROM project WHERE id = ?1",
        )
        .and_then(|mut st| {
            st.query_row([id], |r| {
                Ok(Project {
                    id: r.get(0)?,
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
        })
        .map_err(ctx("a project"))?;
    project.areas = c
        .prepare_cached("SELECT area_id FROM project_area WHERE project_id = ?1 ORDER BY position")
        .and_then(|mut st| st.query_map([id], |r| r.get(0))?.collect())
        .map_err(ctx("areas"))?;
    // Readings and milestone notes of the whole project, grouped by
    // milestone: two queries a project rather than two a milestone.
    let mut readings: HashMap<i64, Vec<Reading>> = HashMap::new();
    let mut st = c
        .prepare_cached(
            "SELECT r.milestone_id, r.as_of, r.value, r.author, r.source
             FROM milestone m JOIN reading r ON r.milestone_id = m.id
             WHERE m.project_id = ?1 ORDER BY r.milestone_id, r.as_of",
        )
        .map_err(ctx("readings"))?;
    let rows = st.query_map([id], |r| {
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
    let mut milestone_notes: HashMap<i64, Vec<Note>> = HashMap::new();
    let mut st = c
        .prepare_cached(
            "SELECT NULL, n.milestone_id, n.id, n.body, n.author, n.created_at, n.updated_at
             FROM milestone m JOIN note n ON n.milestone_id = m.id
             WHERE m.project_id = ?1 ORDER BY n.id",
        )
        .map_err(ctx("notes"))?;
    for row in st.query_map([id], note).map_err(ctx("notes"))? {
        if let (_, Some(m), n) = row.map_err(ctx("notes"))? {
            milestone_notes.entry(m).or_default().push(n);
        }
    }
    project.notes = c
        .prepare_cached(
            "SELECT project_id, NULL, id, body, author, created_at, updated_at
             FROM note WHERE project_id = ?1 ORDER BY id",
        )
        .and_then(|mut st| {
            st.query_map([id], note)?
                .map(|r| r.map(|(_, _, n)| n))
                .collect()
        })
        .map_err(ctx("notes"))?;
    let mut st = c
        .prepare_cached(
            "SELECT id, title, kind, unit, baseline, target, current, due_date,
                    status, owner, created_at, created_by, updated_at, updated_by, lead, weight
             FROM milestone WHERE project_id = ?1 ORDER BY position, id",
        )
        .map_err(ctx("milestones"))?;
    let rows = st.query_map([id], |r| {
        let id: i64 = r.get(0)?;
        Ok(Milestone {
            id,
            title: r.get(1)?,
            kind: kind(r.get(2)?)?,
            unit: r.get(3)?,
            baseline: r.get(4)?,
            target: r.get(5)?,
            current: r.get(6)?,
            due: r.get(7)?,
            status: status(r.get(8)?)?,
            owner: r.get(9)?,
            lead: r.get(14)?,
            // 1 is the default, left out of the document.
            weight: Some(r.get::<_, f64>(15)?).filter(|w| *w != 1.0),
            created_at: r.get(10)?,
            created_by: r.get(11)?,
            updated_at: r.get(12)?,
            updated_by: r.get(13)?,
            readings: Vec::new(),
            notes: Vec::new(),
        })
    });
    for row in rows.map_err(ctx("milestones"))? {
        let mut m = row.map_err(ctx("milestones"))?;
        m.readings = readings.remove(&m.id).unwrap_or_default();
        m.notes = milestone_notes.remove(&m.id).unwrap_or_default();
        project.milestones.push(m);
    }
    Ok(project)
}
