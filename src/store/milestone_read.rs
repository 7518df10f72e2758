//! Milestones as rows: the one statement every list of them reads, and
//! reading them by id, by project, or by a direction's name.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, Cells, Db, args};
use crate::domain::Kind;
use crate::domain::rows::MilestoneRow;
use crate::domain::standing::Said;
use crate::domain::trend::Trend;
use crate::domain::yearly::YearSteps;

pub(super) const ROW_SQL: &str = "
    SELECT m.id, d.name, d.name_en, g.name, p.name, m.title, m.kind, m.unit, m.baseline,
           m.target, m.current, m.due_date, m.status, m.version, m.updated_at, m.updated_by, m.owner,
           m.project_id, m.position, m.lead, p.owner, p.lead, m.weight, m.steps, m.status_at,
           m.status_by, t.readings, t.sum_x, t.sum_xx, t.sum_y, t.sum_xy, m.origin,
           m.indicator
    FROM milestone m
    JOIN project p ON p.id = m.project_id
    JOIN direction d ON d.id = p.direction_id
    LEFT JOIN program g ON g.id = p.program_id
    LEFT JOIN milestone_trend t ON t.milestone_id = m.id";

pub(super) fn row(r: &dyn Cells) -> Result<MilestoneRow> {
    let kind = r.text(6)?;
    Ok(MilestoneRow {
        id: r.int(0)?,
        direction: r.text(1)?,
        direction_en: r.text(2)?,
        program: r.opt_text(3)?,
        project: r.text(4)?,
        title: r.text(5)?,
        kind: Kind::from_code(&kind)
            .ok_or_else(|| Error::Internal(format!("milestone kind {kind:?}")))?,
        unit: r.text(7)?,
        baseline: r.opt_real(8)?,
        target: r.opt_real(9)?,
        current: r.opt_real(10)?,
        due: r.time_limit(11)?,
        status: super::view::status_of(&r.text(12)?)?,
        version: r.int(13)?,
        updated_at: r.text(14)?,
        updated_by: r.text(15)?,
        owner: r.text(16)?,
        project_id: r.int(17)?,
        position: r.int(18)?,
        lead: r.text(19)?,
        project_owner: r.text(20)?,
        project_lead: r.text(21)?,
        weight: r.real(22)?,
        steps: YearSteps::from_stored(&r.text(23)?),
        said: Said {
            at: r.text(24)?,
            by: r.text(25)?,
        },
        trend: trend_at(r, 26)?,
        origin: r.text(31)?,
        indicator: r.text(32)?,
    })
}

/// The five trend columns from `at` (NULL when it has no readings).
pub(super) fn trend_at(r: &dyn Cells, at: usize) -> Result<Trend> {
    Ok(match r.opt_int(at)? {
        None => Trend::default(),
        Some(readings) => Trend {
            readings,
            sum_x: r.int(at + 1)?,
            sum_xx: r.int(at + 2)?,
            sum_y: r.real(at + 3)?,
            sum_xy: r.real(at + 4)?,
        },
    })
}

impl Store {
    /// Finds a direction by its code, Chinese name or English name (any
    /// case). The error lists the directions there are.
    pub fn find_direction(&self, name: &str) -> Result<i64> {
        let all = sql::rows(
            self.db(),
            "reading directions",
            "SELECT id, code, name, name_en FROM direction ORDER BY position, id",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?, r.text(2)?, r.text(3)?)),
        )?;
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
        sql::rows(
            self.db(),
            &format!("listing the milestones of project {project}"),
            &format!("{ROW_SQL} WHERE m.project_id = ?1 ORDER BY m.position, m.id"),
            args![project],
            row,
        )
    }

    pub fn milestone(&self, id: i64) -> Result<MilestoneRow> {
        find(self.db(), id, "")
    }

    /// The milestones of `ids` that exist, in one statement, in no order:
    /// `X`'s worst 200 read at once rather than one query each.
    pub fn milestones_of(&self, ids: &[i64]) -> Result<Vec<MilestoneRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Integers, written by this program: nothing a planner typed.
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        sql::rows(
            self.db(),
            "reading milestones",
            &format!("{ROW_SQL} WHERE m.id IN ({})", list.join(", ")),
            &[],
            row,
        )
    }
}

/// Milestone `id`; `lock` is what a read inside a write adds (`locked`).
pub(super) fn find(db: &dyn Db, id: i64, lock: &str) -> Result<MilestoneRow> {
    sql::one(
        db,
        &format!("reading milestone {id}"),
        &format!("{ROW_SQL} WHERE m.id = ?1{lock}"),
        args![id],
        row,
    )?
    .ok_or(Error::NotFound {
        what: "milestone",
        id,
    })
}
