//! The explain layer (`x`): a project's measured milestones that hold it
//! below 100 %, worst first, each with its share of the shortfall; Enter
//! goes to one.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::overlay::Overlay;
use crate::app::pane::Pane;
use crate::app::{App, pane};
use crate::domain::explain::{Pull, Rank, ranked};
use crate::domain::lens::Group;
use crate::domain::standing::judge;
use crate::store;
use jiff::civil::Date;

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
const PANE_LIMIT: usize = 200;

impl App {
    /// A pane's name: its direction's, 工程's, area's or owner's.
    pub fn pane_name(&self, g: &store::GroupRow) -> String {
        match &g.group {
            Group::Owner(o) if o.is_empty() => self.ui().no_owner.to_owned(),
            _ => self.lang.name(&g.name, &g.name_en).to_owned(),
        }
    }

    /// `X`: what holds the focused pane back. Every open item of the pane
    /// is judged from its row's few columns; only the worst `PANE_LIMIT`
    /// are then read whole.
    pub(in crate::app) fn open_explain_pane(&mut self) {
        let Some(g) = self.focused().map(|p| p.group.clone()) else {
            return;
        };
        let on = self.judging();
        let mut worst: Vec<(Rank, Option<Date>, i64)> = Vec::new();
        let judged = self.store.each_judged_in(&g.group, |j| {
            let facts = j.facts();
            if let Some(rank) = Rank::of(&judge(&facts, on), j.weight) {
                worst.push((rank, facts.due, j.id));
            }
        });
        if let Err(e) = judged {
            return self.failed(&e);
        }
        // Every item of a pane here has a time limit (`each_judged_in`).
        let order = |a: &(Rank, Option<Date>, i64), b: &(Rank, Option<Date>, i64)| {
            a.0.worse_first(&b.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        };
        if worst.len() > PANE_LIMIT {
            worst.select_nth_unstable_by(PANE_LIMIT, order);
            worst.truncate(PANE_LIMIT);
        }
        worst.sort_by(order);
        let ids: Vec<i64> = worst.iter().map(|w| w.2).collect();
        let mut rows = match self.store.milestones_of(&ids) {
            Ok(rows) => rows,
            Err(e) => return self.failed(&e),
        };
        // In the order ranked (`ranked` keeps it among equals).
        rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
        self.overlays.push(Overlay::Explain(ExplainView {
            project: self.pane_name(&g),
            progress: g.rollup.progress,
            pulls: ranked(rows, on),
            sel: 0,
            pane: true,
        }));
    }

    /// `x` on a project (in the list or drilled into).
    pub(in crate::app) fn open_explain(&mut self) {
        let Some(project) = self.focused().and_then(Pane::selected_project).cloned() else {
            return self.fail(self.ui().choose_project);
        };
        match self.store.project_milestones(project.id) {
            Ok(rows) => {
                let pulls = ranked(rows, self.judging());
                self.overlays.push(Overlay::Explain(ExplainView {
                    project: project.name,
                    progress: project.rollup.progress,
                    pulls,
                    sel: 0,
                    pane: false,
                }));
            }
            Err(e) => self.failed(&e),
        }
    }
}
