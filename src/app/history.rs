//! The history layer: one milestone's changes, or everything changed
//! under a project, newest first, who and when (and where, for a project).

use super::overlay::scrolled;
use super::*;

pub struct History {
    /// The pane it can widen to (`a`), when opened on a project.
    pub pane: Option<crate::domain::lens::Group>,
    pub title: String,
    pub rows: Vec<crate::domain::report::ChangeLine>,
    pub scroll: u16,
}

impl Layered for History {
    fn layer(&self) -> Layer {
        Layer::History
    }

    fn update(&mut self, action: Action) -> Next {
        match (action, &self.pane) {
            (Action::WholePane, Some(_)) => Next::Do(super::next::Command::PaneHistory),
            _ => scrolled(&mut self.scroll, action),
        }
    }
}

impl App {
    /// `H` on a milestone: its history; on a project in the list: every
    /// change to it and under it.
    pub(super) fn open_history(&mut self) {
        let Some(pane) = self.focused() else { return };
        if pane.depth() == Depth::Projects {
            let Some(p) = pane.projects.selected().map(|p| (p.id, p.name.clone())) else {
                return self.fail(self.ui().choose_project);
            };
            let filter = store::LogFilter {
                project: Some(p.0),
                limit: Some(HISTORY_LIMIT),
                ..store::LogFilter::default()
            };
            let group = pane.group.group.clone();
            return match self.store.changes(&filter) {
                Ok(rows) => self.overlays.push(Overlay::History(History {
                    pane: Some(group),
                    title: p.1,
                    rows,
                    scroll: 0,
                })),
                Err(e) => self.failed(&e),
            };
        }
        let Some((id, title)) = pane.selected_milestone().map(|m| (m.id, m.title.clone())) else {
            return self.fail(self.ui().choose_milestone);
        };
        let rows = self.store.history_of(id, HISTORY_LIMIT).map(|rows| {
            rows.into_iter()
                .map(|h| crate::domain::report::ChangeLine {
                    at: h.at,
                    author: h.author,
                    place: String::new(),
                    field: h.field,
                    old: h.old,
                    new: h.new,
                })
                .collect()
        });
        match rows {
            Ok(rows) => self.overlays.push(Overlay::History(History {
                pane: None,
                title,
                rows,
                scroll: 0,
            })),
            Err(e) => self.failed(&e),
        }
    }

    /// `a` in a project's history: every change under the whole pane.
    pub(super) fn open_pane_history(&mut self) {
        let Some(Overlay::History(h)) = self.overlays.last() else {
            return;
        };
        let Some(group) = h.pane.clone() else { return };
        let name = self
            .panes
            .iter()
            .find(|p| p.group.group == group)
            .map(|p| self.pane_name(&p.group))
            .unwrap_or_default();
        let filter = store::LogFilter {
            group: Some(group),
            limit: Some(HISTORY_LIMIT),
            ..store::LogFilter::default()
        };
        match self.store.changes(&filter) {
            Ok(rows) => {
                if let Some(Overlay::History(h)) = self.overlays.last_mut() {
                    *h = History {
                        pane: None,
                        title: name,
                        rows,
                        scroll: 0,
                    };
                }
            }
            Err(e) => self.failed(&e),
        }
    }
}
