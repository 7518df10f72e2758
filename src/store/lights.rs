//! What the headings' light counts are made of: every open milestone with a
//! time limit, with the pane(s) of a lens it sits in and what its one
//! standing is judged from (the row, its yearly steps and its readings'
//! trend sums). One statement, streamed on both engines,
//! handed to the caller a row at a time, so that a city-sized plan is
//! judged without holding it. The judging is the domain's; this only reads.

use super::error::Result;
use super::handle::Store;
use super::milestone_read::trend_at;
use super::sql::Cells;
use crate::domain::lens::{Group, Lens};
use crate::domain::progress::Measure;
use crate::domain::standing::Facts;
use crate::domain::status::{Kind, Status};
use crate::domain::trend::Trend;
use crate::domain::yearly::YearSteps;

/// One milestone as the lights judge it.
pub struct Judged<'a> {
    pub id: i64,
    pub weight: f64,
    pub group: &'a Group,
    pub measure: Measure,
    pub due: &'a str,
    pub steps: YearSteps,
    pub trend: Trend,
}

impl Judged<'_> {
    /// What its one standing is judged from.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            measure: self.measure,
            due: self.due.parse().ok(),
            steps: &self.steps,
            trend: &self.trend,
        }
    }
}

fn group_column(lens: Lens) -> (&'static str, &'static str) {
    match lens {
        Lens::Directions => ("p.direction_id, ''", ""),
        Lens::Programs => ("p.program_id, ''", " AND p.program_id IS NOT NULL"),
        Lens::Areas => ("pa.area_id, ''", ""),
        Lens::Owners => ("0, p.owner", ""),
    }
}

/// The open milestones with a time limit (and `only`), each with the
/// pane `group` names: id, the pane's number and owner, kind, status,
/// baseline, target, current, due, steps, the five trend sums, weight.
/// `order` is only how SQLite reads best: the whole plan in milestone
/// order (one pass down the table: 105 ms for 100,000 rows, 324 ms in
/// the project index's order), one pane through its projects' index.
fn open_sql(group: &str, areas: &str, only: &str, order: &str) -> String {
    format!(
        "SELECT m.id, {group}, m.kind, m.status, m.baseline, m.target, m.current, m.due_date,
                m.steps, t.readings, t.sum_x, t.sum_xx, t.sum_y, t.sum_xy, m.weight
         FROM milestone m JOIN project p ON p.id = m.project_id {areas}
         LEFT JOIN milestone_trend t ON t.milestone_id = m.id
         WHERE m.status NOT IN ('done', 'dropped') AND m.due_date IS NOT NULL{only}{order}"
    )
}

/// Each open milestone in each pane of `lens` it sits in.
fn open_in(lens: Lens) -> String {
    let (group, only) = group_column(lens);
    let areas = if lens == Lens::Areas {
        "JOIN project_area pa ON pa.project_id = p.id"
    } else {
        ""
    };
    open_sql(group, areas, only, " ORDER BY m.id")
}

/// One row of `open_in` as the lights judge it; a row of an unknown kind
/// or status is passed over.
fn judge_row(lens: Lens, r: &dyn Cells, judge: &mut dyn FnMut(Judged<'_>)) -> Result<()> {
    let (n, owner) = (r.int(1)?, r.text(2)?);
    let (kind, status) = (r.text(3)?, r.text(4)?);
    let (Some(kind), Ok(status)) = (Kind::from_code(&kind), status.parse::<Status>()) else {
        return Ok(());
    };
    let group = match lens {
        Lens::Directions => Group::Direction(n),
        Lens::Programs => Group::Program(n),
        Lens::Areas => Group::Area(n),
        Lens::Owners => Group::Owner(owner),
    };
    let due = r.text(8)?;
    judge(Judged {
        id: r.int(0)?,
        weight: r.real(15)?,
        group: &group,
        measure: Measure {
            kind,
            status,
            baseline: r.opt_real(5)?,
            target: r.opt_real(6)?,
            current: r.opt_real(7)?,
        },
        due: &due,
        steps: YearSteps::from_stored(&r.text(9)?),
        trend: trend_at(r, 10)?,
    });
    Ok(())
}

impl Store {
    /// Calls `judge` once per open milestone with a time limit in each
    /// pane of `lens` it belongs to (an area's project may serve several).
    pub fn each_judged(&self, lens: Lens, mut judge: impl FnMut(Judged<'_>)) -> Result<()> {
        self.db()
            .each("judging the lights", &open_in(lens), &[], &mut |r| {
                judge_row(lens, r, &mut judge)
            })
    }

    /// Calls `judge` once per open milestone with a time limit of pane
    /// `group` (its `group` field says nothing here): what `X` ranks.
    pub fn each_judged_in(&self, group: &Group, mut judge: impl FnMut(Judged<'_>)) -> Result<()> {
        let lens = match group {
            Group::Direction(_) => Lens::Directions,
            Group::Program(_) => Lens::Programs,
            Group::Area(_) => Lens::Areas,
            Group::Owner(_) => Lens::Owners,
        };
        let sql = open_sql(
            "0, ''",
            "",
            &format!(" AND {}", super::page::member_sql(group)),
            "",
        );
        self.db().each(
            "finding what holds the pane back",
            &sql,
            &[super::page::group_key(group)],
            &mut |r| judge_row(lens, r, &mut judge),
        )
    }
}
