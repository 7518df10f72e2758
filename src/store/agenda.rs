//! The agenda's three lists, each through the index on time limits (or the
//! undated rows), a section at a time, with its count.

use super::error::{Error, Result};
use super::handle::Store;
use super::lists::scope_sql;
use super::milestone_read::{ROW_SQL, row};
use super::sql::{self, Arg, args};
use crate::domain::agenda::{Agenda, COUNT_CAP};
use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;

/// Open work, neither done nor dropped, in the scope `?4`..`?7` names.
impl Store {
    /// Overdue (due before `today`), due within `soon_days`, and undated
    /// open work, at most `limit` of each, with their totals, in `scope`.
    pub fn agenda(
        &self,
        today: jiff::civil::Date,
        soon_days: i64,
        scope: &Scope,
        limit: usize,
    ) -> Result<Agenda> {
        let until = today
            .checked_add(jiff::Span::new().days(soon_days))
            .map_err(|e| Error::Internal(format!("the agenda's window from {today}: {e}")))?
            .to_string();
        let today = today.to_string();
        // A past figure (numeric, no target) is never due: not on the agenda.
        let open = format!(
            "m.status NOT IN ('done', 'dropped') AND {}",
            scope_sql(self.db())
        );
        let undated = format!(
            "m.due_date IS NULL AND {open} AND NOT (m.kind = 'numeric' AND m.target IS NULL)"
        );
        let sections = [
            (format!("m.due_date < ?1 AND {open}"), "m.due_date, m.id"),
            (
                format!("m.due_date >= ?1 AND m.due_date <= ?2 AND {open}"),
                "m.due_date, m.id",
            ),
            // Every statement is given the same four parameters; this one
            // names the two days it does not need, as SQLite wants each
            // given parameter used.
            (
                format!(
                    "{undated} AND CAST(?1 AS TEXT) = CAST(?1 AS TEXT) AND CAST(?2 AS TEXT) = CAST(?2 AS TEXT)"
                ),
                "d.position, d.id, p.position, p.id, m.position, m.id",
            ),
        ];
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut lists: Vec<Vec<MilestoneRow>> = Vec::new();
        let mut totals = [0usize; 3];
        for (i, (filter, order)) in sections.iter().enumerate() {
            let sql = format!("{ROW_SQL} WHERE {filter} ORDER BY {order} LIMIT ?3");
            let scoped = |limit: i64| -> Vec<Arg<'_>> {
                let head = args![today.as_str(), until.as_str(), limit];
                let mut all = head.to_vec();
                all.extend_from_slice(args![
                    scope.direction,
                    scope.program,
                    scope.area,
                    &scope.owner
                ]);
                all
            };
            let rows = sql::rows(self.db(), "reading the agenda", &sql, &scoped(limit), row)?;
            let cap = i64::try_from(COUNT_CAP)
                .unwrap_or(i64::MAX)
                .saturating_add(1);
            let count = sql::one(
                self.db(),
                "counting the agenda",
                &format!(
                    "SELECT count(*) FROM (SELECT 1 FROM milestone m
                         JOIN project p ON p.id = m.project_id
                         JOIN direction d ON d.id = p.direction_id
                         WHERE {filter} LIMIT ?3) AS due"
                ),
                &scoped(cap),
                |r| r.int(0),
            )?
            .unwrap_or(0);
            totals[i] = usize::try_from(count).unwrap_or(0);
            lists.push(rows);
        }
        let undated = lists.pop().unwrap_or_default();
        let soon = lists.pop().unwrap_or_default();
        let overdue = lists.pop().unwrap_or_default();
        Ok(Agenda {
            soon_days,
            overdue,
            soon,
            undated,
            totals,
        })
    }
}
