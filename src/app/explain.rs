//! The explain layer (`x`): a project's measured milestones that hold it
//! below 100 %, worst first, each with its share of the shortfall; Enter
//! goes to one.

use super::next::Command;
use super::*;
use crate::domain::explain::{Pull, alarming_first, pulling_down, pulls_of};
use crate::domain::pace::{Light, standing};

pub struct ExplainView {
    pub project: String,
    /// The project's progress by the roll-up rule.
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
const PANE_LIMIT: usize = 200;

impl App {
    /// Equal shares ordered by light on the cockpit's day: red, yellow, then
    /// the rest (the calendar judges, as the list rows do).
    fn alarming_first(&self, pulls: &mut [Pull]) {
        let day = |s: &str| s.parse::<jiff::civil::Date>().ok();
        let (Some(today), Ok(start)) = (
            day(&self.today),
            jiff::civil::Date::new(self.plan_year, 1, 1),
        ) else {
            return;
        };
        alarming_first(pulls, |m| {
            let due = m.due.as_deref().and_then(day);
            match standing(&m.measure(), due, start, today, &[]).map(|s| s.light) {
                Some(Light::Red) => 2,
                Some(Light::Yellow) => 1,
                _ => 0,
            }
        });
    }

    /// A pane's name: its direction's, 工程's, area's or owner's.
    pub fn pane_name(&self, g: &store::GroupRow) -> String {
        match &g.group {
            Group::Owner(o) if o.is_empty() => self.ui().no_owner.to_owned(),
            _ => self.lang.name(&g.name, &g.name_en).to_owned(),
        }
    }

    /// `X`: what pulls the focused pane (its heading's roll-up) down.
    pub(super) fn open_explain_pane(&mut self) {
        let Some(g) = self.focused().map(|p| p.group.clone()) else {
            return;
        };
        let r = g.rollup;
        let lacking = r.progress.map_or(0.0, |p| (1.0 - p) * r.measured);
        match self.store.weakest_in(&g.group, PANE_LIMIT) {
            Ok(rows) => {
                let mut pulls = pulls_of(rows, lacking);
                self.alarming_first(&mut pulls);
                self.overlays.push(Overlay::Explain(ExplainView {
                    project: self.pane_name(&g),
                    progress: r.progress,
                    pulls,
                    sel: 0,
                    pane: true,
                }));
            }
            Err(e) => self.failed(&e),
        }
    }

    /// `x` on a project (in the list or drilled into).
    pub(super) fn open_explain(&mut self) {
        let Some(project) = self.focused().and_then(Pane::selected_project).cloned() else {
            return self.fail(self.ui().choose_project);
        };
        match self.store.project_milestones(project.id) {
            Ok(rows) => {
                let (progress, mut pulls) = pulling_down(rows);
                self.alarming_first(&mut pulls);
                self.overlays.push(Overlay::Explain(ExplainView {
                    project: project.name,
                    progress,
                    pulls,
                    sel: 0,
                    pane: false,
                }));
            }
            Err(e) => self.failed(&e),
        }
    }
}
