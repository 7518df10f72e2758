//! What the search's commands do: look again as the text changes, jump to a hit.

use crate::app::load::open_project;
use crate::app::overlay::Overlay;
use crate::app::pane::{OpenMilestone, Pane, reselect};
use crate::app::{App, SEARCH_LIMIT};
use crate::domain::lens::{Group, Lens};
use crate::store;
use crate::store::{Key, List};

impl App {
    pub(in crate::app) fn run_search(&mut self) {
        let Some(Overlay::Search(s)) = self.overlays.last() else {
            return;
        };
        let q = s.query();
        let result = self.store.search(&q, SEARCH_LIMIT);
        if let Some(Overlay::Search(s)) = self.overlays.last_mut() {
            match result {
                Ok(hits) => {
                    s.hits = hits;
                    s.error = None;
                }
                Err(e) => s.error = Some(self.lang.error(&e, None)),
            }
            s.sel = 0;
        }
    }

    /// Opens the hit's pane, drilled down to the hit, selected: its
    /// direction's, or in another lens the first pane holding its project
    /// (the directions' when no pane of the lens holds it).
    pub(in crate::app) fn jump(&mut self, hit: &store::Hit) {
        let groups = match self.lens {
            Lens::Directions => Ok(vec![Group::Direction(hit.direction_id)]),
            lens => self.store.groups_of_project(lens, hit.project_id),
        };
        let groups = match groups {
            Ok(g) => g,
            Err(e) => return self.failed(&e),
        };
        let found = |panes: &[Pane], groups: &[Group]| {
            panes.iter().position(|p| groups.contains(&p.group.group))
        };
        let index = match found(&self.panes, &groups) {
            Some(i) => i,
            None => {
                self.lens = Lens::Directions;
                if let Err(e) = self.reload() {
                    return self.failed(&e);
                }
                let home = [Group::Direction(hit.direction_id)];
                let Some(i) = found(&self.panes, &home) else {
                    return;
                };
                i
            }
        };
        self.focus = index;
        let span = self.span();
        let pane = &self.panes[index];
        let result = pane
            .projects
            .load_on(&self.store, hit.project_id, span)
            .and_then(|projects| {
                let open = match projects.selected() {
                    Some(p) if p.id == hit.project_id && hit.kind != store::HitKind::Project => {
                        let at = match hit.milestone_id {
                            Some(m) => self
                                .store
                                .key_of(&List::Milestones { project: p.id }, m)?
                                .unwrap_or(Key::FIRST),
                            None => Key::FIRST,
                        };
                        let mut op = open_project(&self.store, p.clone(), at, span)?;
                        if hit.kind == store::HitKind::Note
                            && let Some(mid) = hit.milestone_id
                        {
                            let detail = self.store.detail(mid)?;
                            let note_sel = reselect(&detail.notes, |n| n.id, hit.note_id, 0);
                            op.open = Some(OpenMilestone { detail, note_sel });
                        }
                        Some(op)
                    }
                    _ => None,
                };
                Ok((projects, open))
            });
        match result {
            Ok((projects, open)) => {
                let pane = &mut self.panes[index];
                pane.projects = projects;
                pane.open = open;
            }
            Err(e) => self.failed(&e),
        }
    }
}
