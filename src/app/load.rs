//! Reading what the panes show: every pane reread after a change, each
//! selection kept on the same item, a read at a time inside one snapshot.

use crate::app::App;
use crate::app::pane::{OpenMilestone, OpenProject, Pane, reselect};
use crate::app::window::Window;
use crate::domain::lens::Group;
use crate::store;
use crate::store::{Key, List, Listed, Store};
impl App {
    /// Rereads what the panes show, keeping every selection on the same
    /// item (by id), and closing levels whose item is gone. Reads only the
    /// windows around the selections, all from one moment.
    pub fn reload(&mut self) -> store::Result<()> {
        // Names change rarely and are few: read with every full reload.
        self.names = self.store.names()?;
        self.reload_where(|_| true)
    }

    /// After this planner's own save of a milestone in `project`: the
    /// panes' headings, and only the panes that list the project (its
    /// roll-up and milestones are all that changed; another planner's
    /// changes come with the next wake-up's full reload). On a server,
    /// where every read is a round trip, this halves a save's reads.
    pub(super) fn reload_project(&mut self, project: i64) -> store::Result<()> {
        let touched = self.store.groups_of_project(self.lens, project)?;
        self.reload_where(|g| touched.contains(g))
    }

    /// `reload`, rereading the lists of the panes `reread` picks; the
    /// others keep theirs (with their headings read again).
    fn reload_where(&mut self, reread: impl Fn(&Group) -> bool) -> store::Result<()> {
        let span = self.span();
        let lens = self.lens;
        let old = std::mem::take(&mut self.panes);
        let focused = old.get(self.focus).map(|p| p.group.group.clone());
        let panes = self.store.snapshot(|store| {
            let groups = store.groups(lens)?;
            let mut panes = Vec::with_capacity(groups.len());
            for d in groups {
                let list = List::Projects {
                    group: d.group.clone(),
                };
                let Some(old) = old.iter().find(|p| p.group.group == d.group) else {
                    // A pane new to the lens is always read.
                    let projects = Window::load(store, list, Key::FIRST, span)?;
                    panes.push(Pane {
                        group: d,
                        projects,
                        open: None,
                    });
                    continue;
                };
                if !reread(&d.group) {
                    panes.push(Pane {
                        group: d,
                        projects: old.projects.clone(),
                        open: old.open.clone(),
                    });
                    continue;
                }
                let projects = old.projects.reload(store, span)?;
                let open = match &old.open {
                    Some(op) => reopen_project(store, op, span)?,
                    None => None,
                };
                panes.push(Pane {
                    group: d,
                    projects,
                    open,
                });
            }
            Ok(panes)
        });
        match panes {
            Ok(panes) => {
                self.panes = panes;
                self.focus = focused
                    .and_then(|g| self.panes.iter().position(|p| p.group.group == g))
                    .unwrap_or(self.focus)
                    .min(self.panes.len().saturating_sub(1));
                self.arrange_panes();
                Ok(())
            }
            Err(e) => {
                self.panes = old;
                Err(e)
            }
        }
    }
}

/// A project drilled into, with its milestone list on the one at `at`.
pub(super) fn open_project(
    store: &Store,
    project: store::ProjectRow,
    at: Key,
    span: usize,
) -> store::Result<OpenProject> {
    let list = List::Milestones {
        project: project.id,
    };
    let milestones = Window::load(store, list, at, span)?;
    let (description, notes) = store.project_notes(project.id)?;
    Ok(OpenProject {
        project,
        description,
        notes,
        milestones,
        open: None,
    })
}

/// An open project reread after a change, its milestone list and detail
/// still on the same items; `None` when it has gone.
pub(super) fn reopen_project(
    store: &Store,
    op: &OpenProject,
    span: usize,
) -> store::Result<Option<OpenProject>> {
    let project = match store.project(op.project.id) {
        Ok(p) => p,
        Err(store::Error::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let at = op.milestones.selected().map_or(Key::FIRST, Listed::key);
    let mut reopened = open_project(store, project, at, span)?;
    reopened.open = match &op.open {
        Some(om) => match store.detail(om.detail.milestone.id) {
            Ok(detail) => {
                let want = om.detail.notes.get(om.note_sel).map(|n| n.id);
                let note_sel = reselect(&detail.notes, |n| n.id, want, om.note_sel);
                Some(OpenMilestone { detail, note_sel })
            }
            Err(store::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    Ok(Some(reopened))
}
