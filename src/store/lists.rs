//! Lists of milestones across the plan (`milestone list`, the overview),
//! narrowed to a scope that means the same in every list: the agenda's,
//! the CLI's, the lenses'.

use super::Store;
use super::error::{Error, Result};
use super::milestone::{ROW_SQL, row};
use crate::domain::progress::is_overdue;
use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;
use rusqlite::params;

pub struct ListFilter {
    pub scope: Scope,
    /// Only milestones due before this day and not done or dropped.
    pub overdue_on: Option<String>,
}

/// The scope a list is narrowed to, as parameters `?4` to `?7`: a
/// direction, a 工程, an area, part of an owner's name (the milestone's
/// own, or its project's when it names no one).
pub(super) const SCOPE: &str = "(?4 IS NULL OR p.direction_id = ?4)
    AND (?5 IS NULL OR p.program_id = ?5)
    AND (?6 IS NULL OR EXISTS (SELECT 1 FROM project_area pa
                               WHERE pa.project_id = p.id AND pa.area_id = ?6))
    AND (?7 IS NULL OR instr(lower(CASE WHEN m.owner = '' AND m.lead = ''
                                        THEN p.owner || char(31) || p.lead
                                        ELSE m.owner || char(31) || m.lead END),
                             lower(trim(?7))) > 0)";

impl Store {
    pub fn milestones(&self, filter: &ListFilter) -> Result<Vec<MilestoneRow>> {
        let mut rows = Vec::new();
        self.each_milestone(filter, |m| rows.push(m))?;
        Ok(rows)
    }

    /// Hands each milestone of `filter` to `f` in plan order, one at a time,
    /// so that a city plan's 100,000 rows need not be held at once.
    pub fn each_milestone(
        &self,
        filter: &ListFilter,
        mut f: impl FnMut(MilestoneRow),
    ) -> Result<()> {
        // Only candidates are narrowed in SQL (a time limit before the day);
        // whether one is overdue is the domain's rule, applied once, here.
        let sql = format!(
            "{ROW_SQL}
             WHERE {SCOPE}
               AND (?2 IS NULL OR m.due_date < ?2) AND ?1 IS NULL AND ?3 IS NULL
             ORDER BY d.position, d.id, p.position, p.id, m.position, m.id"
        );
        let mut st = self
            .conn
            .prepare(&sql)
            .map_err(Error::sql("listing milestones"))?;
        let rows = st
            .query_map(
                params![
                    None::<i64>,
                    filter.overdue_on,
                    None::<i64>,
                    filter.scope.direction,
                    filter.scope.program,
                    filter.scope.area,
                    filter.scope.owner
                ],
                row,
            )
            .map_err(Error::sql("listing milestones"))?;
        for m in rows {
            let m = m.map_err(Error::sql("listing milestones"))?;
            let wanted = match &filter.overdue_on {
                Some(today) => is_overdue(m.status, m.due.as_deref(), today),
                None => true,
            };
            if wanted {
                f(m);
            }
        }
        Ok(())
    }
}
