//! A plan as a store of many plans lists it: whose, which year, where it
//! is kept, and where it stands — the rows `plan list`, `plan show` and
//! the cockpit's plans side by side (`P`) are made of.

use crate::domain::indicators::IndicatorSum;

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
    /// Where in a store of many plans: the schema on a server, the file in
    /// a folder of plans ("" for a lone plan file).
    pub schema: String,
}

/// Where a plan stands, counted by the database (not judged item by item:
/// the city's view of every unit must answer at once): its items, those
/// done, those past their time limit and open, and the average completion.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStanding {
    pub plan: PlanSummary,
    pub items: i64,
    pub done: i64,
    pub overdue: i64,
    /// Mean of the items' completion (0–1), None without items.
    pub progress: Option<f64>,
    /// Each direction's items and mean completion, in the plan's order:
    /// what the city compares unit by unit (新城市, 新产业, 新生态).
    pub directions: Vec<(String, i64, Option<f64>)>,
    /// The targets linked to each shared indicator, summed: what the city
    /// adds up across units.
    pub indicators: Vec<IndicatorSum>,
    /// The largest id its projects, items and notes hold: a plan made in the
    /// store takes ids above every plan's (see `domain::piece::ID_BLOCK`).
    pub max_id: i64,
    /// Where to open it (the connection string of its schema, the file in
    /// a folder); None for the plan open now.
    pub place: Option<super::location::Location>,
}

/// Each indicator's linked targets, summed by unit of measure; `{s}` as
/// in `directions_sql`.
pub(in crate::store) fn indicators_sql(s: &str) -> String {
    format!(
        "SELECT indicator, unit, count(*), sum(target), sum(current)
           FROM {s}milestone
          WHERE indicator <> '' AND status <> 'dropped'
          GROUP BY indicator, unit
          ORDER BY indicator, unit"
    )
}

/// Each direction's items and mean completion; `{s}` the schema with its
/// dot (`"nanchengjiedao_2024".`), or nothing in a file.
pub(in crate::store) fn directions_sql(s: &str) -> String {
    format!(
        "SELECT d.name, CAST(coalesce(sum(r.milestones), 0) AS BIGINT),
                sum(r.progress_sum) / nullif(sum(r.measured), 0)
           FROM {s}direction d
           LEFT JOIN {s}project p ON p.direction_id = d.id
           LEFT JOIN {s}project_rollup r ON r.project_id = p.id
          GROUP BY d.id, d.name, d.position
          ORDER BY d.position, d.id"
    )
}

/// The counts of one plan's items from the roll-ups the database keeps
/// (so the city's view reads a row a project, and shows each plan's
/// completion as its own panes do: weighted), and its open items past
/// their time limit through their index; `{s}` as in `directions_sql`.
pub(in crate::store) fn standing_sql(s: &str) -> String {
    format!(
        "SELECT (SELECT CAST(coalesce(sum(milestones), 0) AS BIGINT) FROM {s}project_rollup),
                (SELECT CAST(coalesce(sum(done), 0) AS BIGINT) FROM {s}project_rollup),
                (SELECT count(*) FROM {s}milestone
                  WHERE due_date IS NOT NULL AND status NOT IN ('done', 'dropped')
                    AND due_date < ?1),
                (SELECT sum(progress_sum) / nullif(sum(measured), 0) FROM {s}project_rollup),
                (SELECT CAST(coalesce(max(m), 0) AS BIGINT) FROM
                   (SELECT max(id) AS m FROM {s}project UNION ALL SELECT max(id) FROM {s}milestone
                    UNION ALL SELECT max(id) FROM {s}note) ids)"
    )
}
