//! The explain layer (`x`): a project's measured milestones that hold it
//! below 100 %, worst first, each with its share of the shortfall; Enter
//! goes to one.

use super::next::Command;
use super::*;
use crate::domain::explain::{Pull, pulling_down};

pub struct ExplainView {
    pub project: String,
    /// The project's progress by the roll-up rule.
    pub progress: Option<f64>,
    pub pulls: Vec<Pull>,
    pub sel: usize,
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

impl App {
    /// `x` on a project (in the list or drilled into).
    pub(super) fn open_explain(&mut self) {
        let Some(project) = self.focused().and_then(Pane::selected_project).cloned() else {
            return self.fail(self.ui().choose_project);
        };
        match self.store.project_milestones(project.id) {
            Ok(rows) => {
                let (progress, pulls) = pulling_down(rows);
                self.overlays.push(Overlay::Explain(ExplainView {
                    project: project.name,
                    progress,
                    pulls,
                    sel: 0,
                }));
            }
            Err(e) => self.failed(&e),
        }
    }
}
