//! Reading the plan back as a document, for export: its head (a few rows),
//! then its projects one at a time in plan order, each with everything
//! under it, so that an export holds one project in memory, not the plan.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, Cells, Db, args};
use crate::domain::Kind;
use crate::domain::plan::{
    Direction, FORMAT, Milestone, Note, PlanDoc, PlanInfo, Program, Project, Reading,
};
use crate::domain::yearly::YearSteps;
use std::collections::HashMap;

fn narrow<T: TryFrom<i64>>(what: &str, n: i64) -> Result<T> {
    T::try_from(n).map_err(|_| Error::Internal(format!("{what} {n} is out of range")))
}

fn note(r: &dyn Cells) -> Result<(Option<i64>, Option<i64>, Note)> {
    Ok((
        r.opt_int(0)?,
        r.opt_int(1)?,
        Note {
            id: r.int(2)?,
            body: r.text(3)?,
            author: r.text(4)?,
            created_at: r.opt_text(5)?,
            updated_at: r.opt_text(6)?,
            kind: crate::domain::plan::NoteKind::from_code(&r.text(7)?),
            as_of: r.opt_text(8)?,
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
        let db = self.db();
        let (plan, format_version) = sql::one(
            db,
            "reading the plan",
            "SELECT title, year, locale, description, source, format_version, unit FROM plan",
            &[],
            |r| {
                Ok((
                    PlanInfo {
                        title: r.text(0)?,
                        year: narrow("the plan year", r.int(1)?)?,
                        locale: r.text(2)?,
                        description: r.text(3)?,
                        source: r.text(4)?,
                        unit: r.text(6)?,
                    },
                    narrow("the format version", r.int(5)?)?,
                ))
            },
        )?
        .ok_or_else(|| Error::Internal("the plan has no row".into()))?;
        let groups = |table: &'static str| -> Result<Vec<Direction>> {
            sql::rows(
                db,
                &format!("reading {table}"),
                &format!(
                    "SELECT id, code, name, name_en, description FROM {table} ORDER BY position, id"
                ),
                &[],
                |r| {
                    Ok(Direction {
                        id: r.int(0)?,
                        code: r.text(1)?,
                        name: r.text(2)?,
                        name_en: r.text(3)?,
                        description: r.text(4)?,
                    })
                },
            )
        };
        let directions = groups("direction")?;
        let areas = groups("area")?;
        let programs = sql::rows(
            db,
            "reading programs",
            "SELECT id, code, name, name_en, description, direction_id FROM program
             ORDER BY position, id",
            &[],
            |r| {
                Ok(Program {
                    id: r.int(0)?,
                    code: r.text(1)?,
                    name: r.text(2)?,
                    name_en: r.text(3)?,
                    description: r.text(4)?,
                    direction: r.opt_int(5)?,
                })
            },
        )?;
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
        let ids = sql::rows(
            self.db(),
            "reading the projects' order",
            "SELECT id FROM project ORDER BY position, id",
            &[],
            |r| r.int(0),
        )?;
        Ok(ProjectStream {
            store: self,
            ids,
            at: 0,
        })
    }

    /// One project, whole (the Markdown export reads them by direction).
    pub fn project_doc(&self, id: i64) -> Result<Project> {
        project_whole(self.db(), id)
    }

    /// Every project's place and name, in plan order.
    pub fn project_outline(&self) -> Result<Vec<crate::domain::plan::Outline>> {
        let mut areas = self.areas_of_projects()?;
        sql::rows(
            self.db(),
            "reading the projects' outline",
            "SELECT id, direction_id, program_id, name FROM project ORDER BY position, id",
            &[],
            |r| {
                let id = r.int(0)?;
                Ok(crate::domain::plan::Outline {
                    id,
                    direction: r.int(1)?,
                    program: r.opt_int(2)?,
                    areas: Vec::new(),
                    name: r.text(3)?,
                })
            },
        )
        .map(|mut all| {
            for p in &mut all {
                p.areas = areas.remove(&p.id).unwrap_or_default();
            }
            all
        })
    }

    /// How many milestones the plan holds.
    pub fn milestone_total(&self) -> Result<usize> {
        let n = sql::one(
            self.db(),
            "counting milestones",
            "SELECT count(*) FROM milestone",
            &[],
            |r| r.int(0),
        )?;
        Ok(sql::count(n.unwrap_or(0)))
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
        project_whole(self.store.db(), id).map(Some)
    }
}

/// One project with everything under it, through the per-project indexes.
fn project_whole(db: &dyn Db, id: i64) -> Result<Project> {
    let mut project = sql::one(
        db,
        "reading a project",
        "SELECT id, direction_id, program_id, name, description, owner, status, start_date,
                due_date, created_at, created_by, updated_at, updated_by, lead
         FROM project WHERE id = ?1",
        args![id],
        |r| {
            Ok(Project {
                id: r.int(0)?,
                direction: r.int(1)?,
                program: r.opt_int(2)?,
                areas: Vec::new(),
                name: r.text(3)?,
                description: r.text(4)?,
                owner: r.text(5)?,
                lead: r.text(13)?,
                status: super::view::status_of(&r.text(6)?)?,
                start: r.opt_text(7)?,
                due: r.opt_text(8)?,
                created_at: r.opt_text(9)?,
                created_by: r.opt_text(10)?,
                updated_at: r.opt_text(11)?,
                updated_by: r.opt_text(12)?,
                milestones: Vec::new(),
                notes: Vec::new(),
            })
        },
    )?
    .ok_or(Error::NotFound {
        what: "project",
        id,
    })?;
    project.areas = sql::rows(
        db,
        "reading areas",
        "SELECT area_id FROM project_area WHERE project_id = ?1 ORDER BY position",
        args![id],
        |r| r.int(0),
    )?;
    // Readings and milestone notes of the whole project, grouped by
    // milestone: two queries a project rather than two a milestone.
    let mut readings: HashMap<i64, Vec<Reading>> = HashMap::new();
    db.each(
        "reading readings",
        "SELECT r.milestone_id, r.as_of, r.value, r.author, r.source
         FROM milestone m JOIN reading r ON r.milestone_id = m.id
         WHERE m.project_id = ?1 ORDER BY r.milestone_id, r.as_of",
        args![id],
        &mut |r| {
            let reading = Reading {
                as_of: r.text(1)?,
                value: r.real(2)?,
                author: r.text(3)?,
                source: r.text(4)?,
            };
            readings.entry(r.int(0)?).or_default().push(reading);
            Ok(())
        },
    )?;
    let mut milestone_notes: HashMap<i64, Vec<Note>> = HashMap::new();
    db.each(
        "reading notes",
        "SELECT CAST(NULL AS BIGINT), n.milestone_id, n.id, n.body, n.author, n.created_at,
                n.updated_at, n.kind, n.as_of
         FROM milestone m JOIN note n ON n.milestone_id = m.id
         WHERE m.project_id = ?1 ORDER BY n.id",
        args![id],
        &mut |r| {
            if let (_, Some(m), n) = note(r)? {
                milestone_notes.entry(m).or_default().push(n);
            }
            Ok(())
        },
    )?;
    project.notes = sql::rows(
        db,
        "reading notes",
        "SELECT project_id, CAST(NULL AS BIGINT), id, body, author, created_at, updated_at, kind,
                as_of
         FROM note WHERE project_id = ?1 ORDER BY id",
        args![id],
        |r| note(r).map(|(_, _, n)| n),
    )?;
    let milestones = sql::rows(
        db,
        "reading milestones",
        "SELECT id, title, kind, unit, baseline, target, current, due_date,
                status, owner, created_at, created_by, updated_at, updated_by, lead, weight,
                version, steps, status_at, status_by, origin, indicator
         FROM milestone WHERE project_id = ?1 ORDER BY position, id",
        args![id],
        |r| {
            let kind = r.text(2)?;
            Ok(Milestone {
                id: r.int(0)?,
                title: r.text(1)?,
                kind: Kind::from_code(&kind)
                    .ok_or_else(|| Error::Internal(format!("milestone kind {kind:?}")))?,
                unit: r.text(3)?,
                baseline: r.opt_real(4)?,
                target: r.opt_real(5)?,
                current: r.opt_real(6)?,
                due: r.opt_text(7)?,
                status: super::view::status_of(&r.text(8)?)?,
                owner: r.text(9)?,
                lead: r.text(14)?,
                // 1 is the default, left out of the document.
                weight: Some(r.real(15)?).filter(|w| *w != 1.0),
                steps: YearSteps::from_stored(&r.text(17)?).iter().collect(),
                status_at: Some(r.text(18)?).filter(|s| !s.is_empty()),
                status_by: r.text(19)?,
                origin: r.text(20)?,
                indicator: r.text(21)?,
                created_at: r.opt_text(10)?,
                created_by: r.opt_text(11)?,
                updated_at: r.opt_text(12)?,
                updated_by: r.opt_text(13)?,
                readings: Vec::new(),
                notes: Vec::new(),
                version: crate::domain::plan::RowVersion(r.int(16)?),
            })
        },
    )?;
    for mut m in milestones {
        m.readings = readings.remove(&m.id).unwrap_or_default();
        m.notes = milestone_notes.remove(&m.id).unwrap_or_default();
        project.milestones.push(m);
    }
    Ok(project)
}
