//! The plans side by side (`P`): every plan of the database the planner may
//! read — a city's units and each unit's years, on a server; the one plan
//! of a file — with where each stands; Enter leaves this plan for the one
//! chosen. Counted by the database, so a city of 96 plans answers at once.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;

/// One plan as the layer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub unit: String,
    pub year: i64,
    pub title: String,
    pub items: i64,
    pub done: i64,
    pub overdue: i64,
    /// Mean completion, 0–1.
    pub progress: Option<f64>,
    /// The plan open now.
    pub current: bool,
}

pub struct PlansView {
    pub rows: Vec<PlanRow>,
    pub sel: usize,
}

impl Layered for PlansView {
    fn layer(&self) -> Layer {
        Layer::Plans
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.rows.len();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::Submit if self.rows.get(self.sel).is_some_and(|r| r.current) => {
                return Next::Close;
            }
            Action::Submit if self.sel < n => return Next::Do(Command::OpenPlan(self.sel)),
            _ => {}
        }
        Next::Stay
    }
}
