//! The plans a store holds, as `plan list` and `plan show` say them: whose,
//! which year, what title, and which identity writes are checked against.
//! A store holds one plan today (its `plan` table has one row); the list is
//! read from the table, so it says what is there, not what is assumed.

use super::error::Result;
use super::handle::Store;
use super::plan_rows::{PlanStanding, PlanSummary, directions_sql, indicators_sql, standing_sql};
use super::sql::{self, Arg};
use crate::domain::indicators::IndicatorSum;

impl Store {
    /// The plan this one's carried items came from (its identity), if any.
    pub fn earlier_identity(&self) -> Result<Option<String>> {
        let origin = sql::one(
            self.db(),
            "reading where the carried items came from",
            "SELECT origin FROM milestone WHERE origin <> '' LIMIT 1",
            &[],
            |r| r.text(0),
        )?;
        Ok(origin.and_then(|o| o.split_once('#').map(|(id, _)| id.to_owned())))
    }

    /// Every plan of this database with where it stands on `today`
    /// (`YYYY-MM-DD`), the open one first marked by having no `place`.
    pub fn plan_standings(&self, today: &str) -> Result<Vec<PlanStanding>> {
        if let Some(all) = self.engine.plans_side_by_side(today)? {
            return Ok(all);
        }
        let plan = self.plans()?.into_iter().next().unwrap_or_default();
        let (items, done, overdue, progress, max_id) = sql::one(
            self.db(),
            "counting the plan's items",
            &standing_sql(""),
            &[Arg::Text(today)],
            |r| Ok((r.int(0)?, r.int(1)?, r.int(2)?, r.opt_real(3)?, r.int(4)?)),
        )?
        .unwrap_or((0, 0, 0, None, 0));
        let directions = sql::rows(
            self.db(),
            "counting the plan's items",
            &directions_sql(""),
            &[],
            |r| Ok((r.text(0)?, r.int(1)?, r.opt_real(2)?)),
        )?;
        let indicators = sql::rows(
            self.db(),
            "summing the plan's indicators",
            &indicators_sql(""),
            &[],
            |r| {
                Ok(IndicatorSum {
                    indicator: r.text(0)?,
                    unit: r.text(1)?,
                    items: r.int(2)?,
                    target: r.opt_real(3)?,
                    current: r.opt_real(4)?,
                })
            },
        )?;
        Ok(vec![PlanStanding {
            plan,
            items,
            done,
            overdue,
            progress,
            directions,
            indicators,
            max_id,
            place: None,
        }])
    }

    /// Every plan the store holds, in the order they were put in.
    pub fn plans(&self) -> Result<Vec<PlanSummary>> {
        sql::rows(
            self.db(),
            "listing the plans",
            "SELECT identity, title, year, unit, replaced_at, replaced_by FROM plan ORDER BY id",
            &[],
            |r| {
                Ok(PlanSummary {
                    identity: r.text(0)?,
                    title: r.text(1)?,
                    year: r.int(2)?,
                    unit: r.text(3)?,
                    since: r.opt_text(4)?.unwrap_or_default(),
                    by: r.opt_text(5)?.unwrap_or_default(),
                    schema: String::new(),
                })
            },
        )
    }
}
