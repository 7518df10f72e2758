//! The 2023 Dongcheng plan, embedded in the binary so the first start shows
//! something real.

use crate::domain::PlanDoc;
use crate::domain::validate::prepare;

pub const PLAN_2023_JSON: &str = include_str!("../assets/plan-2023-dongcheng.json");

/// The embedded plan, parsed and prepared for `author` at `now`.
/// A broken asset is a build defect caught by the test suite, never a
/// planner's problem, hence the panic.
pub fn plan_2023(now: &str, author: &str) -> PlanDoc {
    let mut doc = crate::formats::json::read(PLAN_2023_JSON.as_bytes())
        .unwrap_or_else(|p| panic!("embedded plan: {p}"));
    prepare(&mut doc, now, author).unwrap_or_else(|p| panic!("embedded plan: {p:?}"));
    doc
}
