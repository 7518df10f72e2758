//! The baseline layer (`B`): the targets and time limits that moved since
//! a saved baseline (`plan-cockpit baseline save`), the newest baseline
//! first; `b` steps to the one before, Enter goes to an item.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;
use crate::domain::report::{BaselineInfo, Moved};

pub struct CompareView {
    /// Every baseline of the plan, oldest first, and the one shown.
    pub baselines: Vec<BaselineInfo>,
    pub at: usize,
    pub moved: Vec<Moved>,
    pub sel: usize,
}

impl Layered for CompareView {
    fn layer(&self) -> Layer {
        Layer::Compare
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.moved.len();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::NextBaseline if self.baselines.len() > 1 => {
                // Back in time, then round to the newest again.
                self.at = self.at.checked_sub(1).unwrap_or(self.baselines.len() - 1);
                return Next::Do(Command::ReloadCompare);
            }
            Action::Submit => {
                if let Some(m) = self.moved.get(self.sel) {
                    return Next::Do(Command::GoToMilestone(m.milestone));
                }
            }
            _ => {}
        }
        Next::Stay
    }
}
