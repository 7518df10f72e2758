//! The rows of an imported plan, written a piece at a time (see
//! `domain::piece`) with statements prepared once: a project is written
//! as soon as it is read, so an import holds one project, never the plan.

use crate::domain::piece::{Piece, Tally};
use crate::domain::plan::{Direction, Note, PlanInfo, Program, Project};
use crate::domain::yearly::YearSteps;
use crate::store::error::{Error, Result};
use rusqlite::{Statement, Transaction, params};

/// What every row an import writes shares: one version above all before
/// it, the new plan's identity, and who and when.
pub(super) struct Stamp<'a> {
    pub(super) version: i64,
    /// Readings carry no ids in a document; they take fresh ones from here.
    pub(super) first_reading: i64,
    pub(super) identity: &'a str,
    pub(super) now: &'a str,
    pub(super) author: &'a str,
}

/// Writes the pieces of one plan into an open transaction.
pub(super) struct Rows<'t, 's> {
    tx: &'t Transaction<'t>,
    stamp: &'s Stamp<'s>,
    next_reading: i64,
    /// The place of the next project in the plan's order.
    next_project: usize,
    pub(super) tally: Tally,
    // Each is run once a row, a million times for a city's notes.
    project: Statement<'t>,
    tag: Statement<'t>,
    milestone: Statement<'t>,
    reading: Statement<'t>,
    note: Statement<'t>,
}

const PROJECT: &str = "INSERT INTO project (id, direction_id, program_id, name, description,
    owner, status, start_date, due_date, position, created_at, created_by, updated_at,
    updated_by, version, lead)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
const PROJECT_AREA: &str =
    "INSERT INTO project_area (project_id, area_id, position) VALUES (?1, ?2, ?3)";
const MILESTONE: &str = "INSERT INTO milestone (id, project_id, title, kind, unit, baseline,
    target, current, due_date, status, owner, position, created_at, created_by, updated_at,
    updated_by, version, lead, weight, steps, status_at, status_by, origin, indicator)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            ?20, ?21, ?22, ?23, ?24)";
const READING: &str = "INSERT INTO reading (id, milestone_id, as_of, value, author, source)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const NOTE: &str = "INSERT INTO note (id, project_id, milestone_id, body, author, created_at,
    updated_at, version, kind, as_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

impl<'t, 's> Rows<'t, 's> {
    pub(super) fn new(tx: &'t Transaction<'t>, stamp: &'s Stamp<'s>) -> Result<Self> {
        let statement = |sql: &str, what: &str| prepare(tx, sql, what);
        Ok(Rows {
            tx,
            stamp,
            next_reading: stamp.first_reading,
            next_project: 0,
            tally: Tally::default(),
            project: statement(PROJECT, "project")?,
            tag: statement(PROJECT_AREA, "project_area")?,
            milestone: statement(MILESTONE, "milestone")?,
            reading: statement(READING, "reading")?,
            note: statement(NOTE, "note")?,
        })
    }

    fn statement(&self, sql: &str, what: &str) -> Result<Statement<'t>> {
        prepare(self.tx, sql, what)
    }

    pub(super) fn write(&mut self, piece: &Piece) -> Result<()> {
        self.tally.add(piece);
        match piece {
            Piece::Plan {
                format_version,
                plan,
                ..
            } => self.plan(*format_version, plan),
            Piece::Directions(list) => self.groups("direction", list),
            Piece::Areas(list) => self.groups("area", list),
            Piece::Programs(list) => self.programs(list),
            Piece::Project(p) => self.project(p),
        }
    }

    fn plan(&self, format_version: u32, p: &PlanInfo) -> Result<()> {
        let s = self.stamp;
        self.tx
            .execute(
                "INSERT INTO plan (id, title, year, locale, description, source, format_version,
                                   identity, replaced_at, replaced_by, unit)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    p.title,
                    p.year,
                    p.locale,
                    p.description,
                    p.source,
                    format_version,
                    s.identity,
                    s.now,
                    s.author,
                    p.unit
                ],
            )
            .map_err(Error::sql("plan"))?;
        Ok(())
    }

    fn groups(&self, table: &str, list: &[Direction]) -> Result<()> {
        let mut st = self.statement(
            &format!(
                "INSERT INTO {table} (id, code, name, name_en, description, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            ),
            table,
        )?;
        for (i, d) in list.iter().enumerate() {
            st.execute(params![
                d.id,
                d.code,
                d.name,
                d.name_en,
                d.description,
                position(i)
            ])
            .map_err(|e| Error::sql(format!("{table} {}", d.id))(e))?;
        }
        Ok(())
    }

    fn programs(&self, list: &[Program]) -> Result<()> {
        let mut st = self.statement(
            "INSERT INTO program (id, code, name, name_en, description, direction_id, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            "program",
        )?;
        for (i, g) in list.iter().enumerate() {
            st.execute(params![
                g.id,
                g.code,
                g.name,
                g.name_en,
                g.description,
                g.direction,
                position(i)
            ])
            .map_err(|e| Error::sql(format!("program {}", g.id))(e))?;
        }
        Ok(())
    }

    fn project(&mut self, pr: &Project) -> Result<()> {
        let (now, author, version) = (self.stamp.now, self.stamp.author, self.stamp.version);
        let at = position(self.next_project);
        self.next_project += 1;
        self.project
            .execute(params![
                pr.id,
                pr.direction,
                pr.program,
                pr.name,
                pr.description,
                pr.owner,
                pr.status.code(),
                pr.start,
                pr.due,
                at,
                or(&pr.created_at, now),
                or(&pr.created_by, author),
                or(&pr.updated_at, now),
                or(&pr.updated_by, author),
                version,
                pr.lead,
            ])
            .map_err(|e| Error::sql(format!("project {}", pr.id))(e))?;
        for (k, a) in pr.areas.iter().enumerate() {
            self.tag
                .execute(params![pr.id, a, position(k)])
                .map_err(|e| Error::sql(format!("project {} area {a}", pr.id))(e))?;
        }
        for (j, m) in pr.milestones.iter().enumerate() {
            self.milestone
                .execute(params![
                    m.id,
                    pr.id,
                    m.title,
                    m.kind.code(),
                    m.unit,
                    m.baseline,
                    m.target,
                    m.current,
                    m.due,
                    m.status.code(),
                    m.owner,
                    position(j),
                    or(&m.created_at, now),
                    or(&m.created_by, author),
                    or(&m.updated_at, now),
                    or(&m.updated_by, author),
                    version,
                    m.lead,
                    m.weight.unwrap_or(1.0),
                    m.steps
                        .iter()
                        .map(|(y, v)| (*y, *v))
                        .collect::<YearSteps>()
                        .stored(),
                    m.status_at.as_deref().unwrap_or(""),
                    m.status_by,
                    m.origin,
                    m.indicator,
                ])
                .map_err(|e| Error::sql(format!("milestone {}", m.id))(e))?;
            for r in &m.readings {
                let id = self.next_reading;
                self.next_reading += 1;
                self.reading
                    .execute(params![id, m.id, r.as_of, r.value, r.author, r.source])
                    .map_err(|e| {
                        Error::sql(format!("reading {} of milestone {}", r.as_of, m.id))(e)
                    })?;
            }
            for n in &m.notes {
                self.note(n, None, Some(m.id))?;
            }
        }
        for n in &pr.notes {
            self.note(n, Some(pr.id), None)?;
        }
        Ok(())
    }

    fn note(&mut self, n: &Note, project: Option<i64>, milestone: Option<i64>) -> Result<()> {
        let s = self.stamp;
        let author = if n.author.is_empty() {
            s.author
        } else {
            &n.author
        };
        self.note
            .execute(params![
                n.id,
                project,
                milestone,
                n.body,
                author,
                or(&n.created_at, s.now),
                or(&n.updated_at, s.now),
                s.version,
                n.kind.code(),
                n.as_of
            ])
            .map_err(|e| Error::sql(format!("note {}", n.id))(e))?;
        Ok(())
    }
}

fn prepare<'t>(tx: &'t Transaction<'t>, sql: &str, what: &str) -> Result<Statement<'t>> {
    tx.prepare(sql).map_err(|e| Error::sql(what.to_owned())(e))
}

/// A place in a list of the document, as stored.
fn position(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

fn or<'a>(v: &'a Option<String>, fallback: &'a str) -> &'a str {
    v.as_deref().unwrap_or(fallback)
}
