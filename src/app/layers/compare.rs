//! The baseline layer (`B`): the targets and time limits that moved since
//! a saved baseline (`plan-cockpit baseline save`), the newest baseline
//! first; `b` steps to the one before, Enter goes to an item.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::overlay::Overlay;
use crate::app::{App, pane};
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

impl App {
    /// `B`: what moved since the newest baseline; a plan without one says
    /// how to save one.
    pub(in crate::app) fn open_compare(&mut self) {
        let baselines = match self.store.baselines() {
            Ok(b) => b,
            Err(e) => return self.failed(&e),
        };
        if baselines.is_empty() {
            return self.fail(self.ui().no_baselines);
        }
        let at = baselines.len() - 1;
        self.overlays.push(Overlay::Compare(CompareView {
            baselines,
            at,
            moved: Vec::new(),
            sel: 0,
        }));
        self.reload_compare();
    }

    /// The baseline chosen read against the plan as it is now.
    pub(in crate::app) fn reload_compare(&mut self) {
        let Some(Overlay::Compare(view)) = self.overlays.last() else {
            return;
        };
        let Some(name) = view.baselines.get(view.at).map(|b| b.name.clone()) else {
            return;
        };
        match self.store.moved_since(&name) {
            Ok((_, moved)) => {
                if let Some(Overlay::Compare(view)) = self.overlays.last_mut() {
                    view.moved = moved;
                    view.sel = 0;
                }
            }
            Err(e) => self.failed(&e),
        }
    }
}
