//! The plans side by side are read off the keyboard's path: on a server the
//! first reading of a session loads every plan's tables into the server's
//! catalog (a few hundred ms for a city), so a worker with a connection of
//! its own asks, once at start and again each time `P` opens, and the
//! overlay shows the last answer at once and the fresh one when it comes.
//! With them, the items of the plan this one was carried over from, so the
//! detail of a carried item says where it stood last year.

use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;
use crate::store::{self, ListFilter, Location, PlanStanding, Store};
use std::collections::HashMap;
use std::path::PathBuf;

/// What the plans worker is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlansAsk {
    /// `YYYY-MM-DD`: the day their items are late on.
    pub today: String,
    /// A folder of plans the open plan was chosen from (`--db FOLDER`).
    pub folder: Option<PathBuf>,
    /// The open plan's file (so it is told apart from the others).
    pub open: PathBuf,
    /// Read also the items of the plan the open one was carried from.
    pub earlier: bool,
}

/// The earlier plan's year and its items by id.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierPlan {
    pub year: i64,
    pub items: HashMap<i64, MilestoneRow>,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlansRead {
    pub all: Vec<PlanStanding>,
    pub earlier: Option<EarlierPlan>,
}

/// The answer, read with `on` (the worker's own store on the open plan;
/// unused for a folder, whose files are read one by one); the earlier plan
/// is opened with `open`.
pub fn answer(
    on: Option<&Store>,
    ask: &PlansAsk,
    open: &dyn Fn(&Location) -> store::Result<Store>,
) -> store::Result<PlansRead> {
    let all = match (&ask.folder, on) {
        (Some(dir), _) => store::folder_standings(dir, &ask.open, &ask.today)?,
        (None, Some(s)) => s.plan_standings(&ask.today)?,
        (None, None) => Vec::new(),
    };
    // Which plan this one was carried from: asked here, on the worker (on
    // a plan without carried items it reads every milestone).
    let identity = match (ask.earlier, on) {
        (false, _) => None,
        (true, Some(s)) => s.earlier_identity()?,
        (true, None) => open(&Location::File(ask.open.clone()))?.earlier_identity()?,
    };
    let earlier = match identity.and_then(|id| all.iter().find(|s| s.plan.identity == id)) {
        Some(PlanStanding {
            place: Some(place),
            plan,
            ..
        }) => {
            let items = open(place)?.milestones(&ListFilter {
                scope: Scope::everything(),
                overdue_on: None,
            })?;
            Some(EarlierPlan {
                year: plan.year,
                items: items.into_iter().map(|m| (m.id, m)).collect(),
            })
        }
        _ => None,
    };
    Ok(PlansRead { all, earlier })
}
