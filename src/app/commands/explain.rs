//! What the explain view's commands do: read why a pane stands where it does.

use crate::app::App;
use crate::app::layers::explain::{ExplainView, PANE_LIMIT};
use crate::app::overlay::Overlay;
use crate::app::pane::Pane;
use crate::domain::explain::{Rank, ranked};
use crate::domain::lens::Group;
use crate::domain::standing::judge;
use crate::store;
use jiff::civil::Date;

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
