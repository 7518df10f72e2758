//! The explain layer (`x`): a project's measured milestones that hold it
//! below 100 %, worst first, each with its share of the shortfall; Enter
//! goes to one.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;
use crate::domain::explain::Pull;

pub struct ExplainView {
    pub project: String,
    /// The project's (or pane's) progress by the roll-up rule.
    pub progress: Option<f64>,
    pub pulls: Vec<Pull>,
    pub sel: usize,
    /// A whole pane's (`X`), not one project's.
    pub pane: bool,
}

impl Layered for ExplainView {
    fn layer(&self) -> Layer {
        Layer::Explain
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.pulls.len();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::Submit => {
                if let Some(p) = self.pulls.get(self.sel) {
                    return Next::Do(Command::GoToMilestone(p.row.id));
                }
            }
            _ => {}
        }
        Next::Stay
    }
}

/// `X` lists at most this many: the worst of a city-sized pane.
pub(in crate::app) const PANE_LIMIT: usize = 200;
