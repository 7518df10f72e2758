//! The plans a store holds, as `plan list` and `plan show` say them: whose,
//! which year, what title, and which identity writes are checked against.
//! A store holds one plan today (its `plan` table has one row); the list is
//! read from the table, so it says what is there, not what is assumed.

use super::error::Result;
use super::handle::Store;
use super::sql;

/// One plan as the store keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanSummary {
    pub identity: String,
    pub title: String,
    pub year: i64,
    /// Whose plan (东城街道); empty for a plan kept before schema v10.
    pub unit: String,
    /// When and by whom it was put in ("" for the first plan of a file).
    pub since: String,
    pub by: String,
    /// On a server, the schema that holds it ("" in a file).
    pub schema: String,
}

impl Store {
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
