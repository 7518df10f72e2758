//! The search layer: a Chinese substring over projects, milestones and
//! notes, and the jump to a hit.

use super::*;

impl App {
    pub(super) fn run_search(&mut self) {
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
                Err(e) => s.error = Some(e.to_string()),
            }
            s.sel = 0;
        }
    }

    pub(super) fn on_search(&mut self, action: Action) {
        let Some(Overlay::Search(s)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Down => s.sel = pane::moved(s.sel, s.hits.len(), 1),
            Action::Up => s.sel = pane::moved(s.sel, s.hits.len(), -1),
            Action::ClearLine => {
                s.input = line_input("");
                self.run_search();
            }
            Action::Submit => {
                if let Some(hit) = s.hits.get(s.sel).cloned() {
                    self.overlays.pop();
                    self.jump(&hit);
                }
            }
            _ => {}
        }
    }

    /// Opens the hit's direction pane, drilled down to the hit, selected.
    pub(super) fn jump(&mut self, hit: &store::Hit) {
        let Some(index) = self
            .panes
            .iter()
            .position(|p| p.direction.id == hit.direction_id)
        else {
            return;
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
                                .key_of(List::Milestones { project: p.id }, m)?
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
