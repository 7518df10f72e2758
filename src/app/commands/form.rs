//! What the forms' commands do: open a form on a field, write what it holds.

use crate::app::App;
use crate::app::layers::conflict::conflict_text;
use crate::app::layers::form::{Purpose, value_and_day};
use crate::app::overlay::Overlay;
use crate::app::undo::Undo;
use crate::domain::typed_forms::{parse_amount, parse_day};
use crate::domain::validate::typed_owner;
use crate::domain::{MilestoneChange, Status, ValueChange};
use crate::store;

impl App {
    /// Enter in a form: written and closed, or kept open with the reason.
    pub(in crate::app) fn submit_top_form(&mut self) {
        let Some(Overlay::Form(f)) = self.overlays.last() else {
            return;
        };
        let (purpose, text) = (f.purpose.clone(), f.text());
        match self.submit_form(&purpose, &text) {
            Ok(message) => {
                self.overlays.pop();
                self.after_write(message);
            }
            Err(reason) => {
                if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
                    f.error = Some(reason);
                }
            }
        }
    }

    /// Writes a form's value. A refusal keeps the form open with the reason.
    pub(in crate::app) fn submit_form(
        &mut self,
        purpose: &Purpose,
        text: &str,
    ) -> Result<String, String> {
        let ui = self.ui();
        let change = |c: MilestoneChange| c;
        let (id, version, c) = match *purpose {
            Purpose::Value { milestone, version } => {
                // `512`, `1.5万`, or `512 2023-06-30` (`512 6月30日`) for a
                // figure entered late; read in the milestone's unit.
                let (number, day) = value_and_day(text, self.plan_year);
                let unit = self
                    .store
                    .milestone(milestone)
                    .map(|m| m.unit)
                    .map_err(|e| self.form_error(e))?;
                let n = parse_amount(number, &unit).map_err(|e| self.lang.refusal(&e))?;
                let as_of = day
                    .map(|d| parse_day(d, self.plan_year))
                    .transpose()
                    .map_err(|e| self.lang.refusal(&e))?;
                (
                    milestone,
                    version,
                    change(MilestoneChange {
                        value: Some(ValueChange::Set(n)),
                        as_of,
                        ..Default::default()
                    }),
                )
            }
            Purpose::DoneOn { milestone, version } => {
                let d = parse_day(text, self.plan_year).map_err(|e| self.lang.refusal(&e))?;
                (
                    milestone,
                    version,
                    MilestoneChange {
                        status: Some(Status::Done),
                        as_of: Some(d),
                        ..Default::default()
                    },
                )
            }
            Purpose::Due { milestone, version } => {
                let d = parse_day(text, self.plan_year).map_err(|e| self.lang.refusal(&e))?;
                (
                    milestone,
                    version,
                    MilestoneChange {
                        due: Some(d),
                        ..Default::default()
                    },
                )
            }
            Purpose::Target { milestone, version } => {
                // Read in the unit it is counted in now (`1.5万` for 名);
                // the steps and base left on the line are the new ones.
                let now = self
                    .store
                    .milestone(milestone)
                    .map_err(|e| self.form_error(e))?;
                let line = crate::domain::target_line::parse_target_line(text, &now.unit)
                    .map_err(|e| self.lang.refusal(&e))?;
                let years: std::collections::BTreeSet<i16> = now
                    .steps
                    .iter()
                    .chain(line.steps.iter())
                    .map(|(y, _)| y)
                    .collect();
                let steps = years
                    .into_iter()
                    .filter(|y| now.steps.get(*y) != line.steps.get(*y))
                    .map(|y| (y, line.steps.get(y)))
                    .collect();
                let baseline =
                    (now.baseline.unwrap_or(0.0) != line.baseline).then_some(line.baseline);
                (
                    milestone,
                    version,
                    MilestoneChange {
                        target: Some(line.target),
                        unit: line.unit,
                        steps,
                        baseline,
                        ..Default::default()
                    },
                )
            }
            Purpose::RenameMilestone { milestone, version } => (
                milestone,
                version,
                MilestoneChange {
                    title: Some(text.to_owned()),
                    ..Default::default()
                },
            ),
            Purpose::OwnerMilestone { milestone, version } => {
                let owner = typed_owner(text).map_err(|e| self.lang.refusal(&e))?;
                (
                    milestone,
                    version,
                    MilestoneChange {
                        owner: Some(owner),
                        ..Default::default()
                    },
                )
            }
            Purpose::OwnerProject { project, version }
            | Purpose::Areas { project, version }
            | Purpose::RenameProject { project, version } => {
                return self.submit_project_form(project, version, purpose, text);
            }
            Purpose::AddProject { direction } => {
                let (id, version) = self
                    .store
                    .add_project(direction, text)
                    .map_err(|e| self.form_error(e))?;
                self.undo.push(Undo::ProjectAdded { id, version });
                self.select_new(Some(id), None);
                return Ok(ui.added.to_owned());
            }
            Purpose::AddMilestone { project } => {
                let (id, version) = self
                    .store
                    .add_milestone(project, text)
                    .map_err(|e| self.form_error(e))?;
                self.undo.push(Undo::MilestoneAdded { id, version });
                self.select_new(None, Some(id));
                return Ok(ui.added.to_owned());
            }
        };
        self.save_milestone(id, version, c)
            .map_err(|e| self.form_error(e))
    }

    /// After adding, keep the new item selected once the pane reloads.
    pub(in crate::app) fn select_new(&mut self, project: Option<i64>, milestone: Option<i64>) {
        let _ = self.reload();
        let span = self.span();
        let Some(pane) = self.panes.get_mut(self.focus) else {
            return;
        };
        let result = (|| -> store::Result<()> {
            if let Some(id) = project {
                pane.projects = pane.projects.load_on(&self.store, id, span)?;
            }
            if let (Some(id), Some(op)) = (milestone, pane.open.as_mut()) {
                op.milestones = op.milestones.load_on(&self.store, id, span)?;
            }
            Ok(())
        })();
        if let Err(e) = result {
            self.failed(&e);
        }
    }

    /// A refused write in the form's words. On a conflict the form keeps
    /// the planner's text; the data is reloaded so they can see theirs.
    pub(in crate::app) fn form_error(&mut self, e: store::Error) -> String {
        let text = match &e {
            // The form or editor is closed and its text kept; the view
            // that replaces it says so.
            store::Error::PlanReplaced(_) | store::Error::FileLost { .. } => {
                self.failed(&e);
                return self.said(&e);
            }
            store::Error::Conflict(c) => {
                self.show_conflict(c);
                conflict_text(self.lang, self.store.clock(), c)
            }
            other => self.said(other),
        };
        let _ = self.reload();
        text
    }
}
