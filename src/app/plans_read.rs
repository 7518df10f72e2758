//! The plans side by side are read off the keyboard's path: on a server the
//! first reading of a session loads every plan's tables into the server's
//! catalog (a few hundred ms for a city), so a worker with a connection of
//! its own asks, once at start and again each time `P` opens, and the
//! overlay shows the last answer at once and the fresh one when it comes.

use crate::store::{self, PlanStanding, Store};
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
}

/// The answer, read with `on` (the worker's own store on the open plan;
/// unused for a folder, whose files are read one by one).
pub fn answer(on: Option<&Store>, ask: &PlansAsk) -> store::Result<Vec<PlanStanding>> {
    match (&ask.folder, on) {
        (Some(dir), _) => store::folder_standings(dir, &ask.open, &ask.today),
        (None, Some(s)) => s.plan_standings(&ask.today),
        (None, None) => Ok(Vec::new()),
    }
}
