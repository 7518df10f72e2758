//! Lists of milestones across the plan (`milestone list`, the overview),
//! narrowed to a scope that means the same in every list: the agenda's,
//! the CLI's, the lenses'.

use super::error::Result;
use super::handle::Store;
use super::milestone_read::{ROW_SQL, row};
use super::sql::{self, args};
use crate::domain::progress::is_overdue;
use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;

pub struct ListFilter {
    pub scope: Scope,
    /// Only milestones due before this day and not done or dropped.
    pub overdue_on: Option<jiff::civil::Date>,
}

/// The scope a list is narrowed to, as parameters `?4` to `?7`: a
/// direction, a 工程, an area, part of an owner's name (the milestone's
/// own, or its project's when it names no one).
///
/// Each `IS NULL` casts its parameter: PostgreSQL infers a parameter's type
/// from the first place it appears, and a bare `IS NULL` says none.
///
/// In the engine's words: where a text is found in another, and the
/// character that keeps an owner's unit from running into its lead. Built
/// by `format!`, so a misspelt hole does not compile.
pub(super) fn scope_sql(db: &dyn sql::Db) -> String {
    let (contains, separator) = match db.engine() {
        sql::Engine::File => ("instr", "char(31)"),
        sql::Engine::Server => ("strpos", "chr(31)"),
    };
    format!(
        "(CAST(?4 AS BIGINT) IS NULL OR p.direction_id = ?4)
    AND (CAST(?5 AS BIGINT) IS NULL OR p.program_id = ?5)
    AND (CAST(?6 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM project_area pa
                               WHERE pa.project_id = p.id AND pa.area_id = ?6))
    AND (CAST(?7 AS TEXT) IS NULL OR {contains}(lower(CASE WHEN m.owner = '' AND m.lead = ''
                                        THEN p.owner || {separator} || p.lead
                                        ELSE m.owner || {separator} || m.lead END),
                             lower(trim(?7))) > 0)"
    )
}

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
        let scope = scope_sql(self.db());
        let sql = format!(
            "{ROW_SQL}
             WHERE {scope}
               AND (CAST(?2 AS TEXT) IS NULL OR m.due_date < ?2)
               AND CAST(?1 AS TEXT) IS NULL AND CAST(?3 AS TEXT) IS NULL
             ORDER BY d.position, d.id, p.position, p.id, m.position, m.id"
        );
        let none: Option<i64> = None;
        let overdue_on = filter.overdue_on.map(|d| d.to_string());
        self.db().each(
            "listing milestones",
            &sql,
            args![
                none,
                &overdue_on,
                none,
                filter.scope.direction,
                filter.scope.program,
                filter.scope.area,
                &filter.scope.owner
            ],
            &mut |r| {
                let m = row(r)?;
                let wanted = match filter.overdue_on {
                    Some(today) => is_overdue(m.status, m.due_date(), today),
                    None => true,
                };
                if wanted {
                    f(m);
                }
                Ok(())
            },
        )?;
        Ok(())
    }
}
