//! The history layer: one milestone's changes, or everything changed
//! under a project, newest first, who and when (and where, for a project).

use super::overlay::scrolled;
use super::*;

pub struct History {
    pub title: String,
    pub rows: Vec<crate::domain::report::ChangeLine>,
    pub scroll: u16,
}

impl Layered for History {
    fn layer(&self) -> Layer {
        Layer::History
    }

    fn update(&mut self, action: Action) -> Next {
        scrolled(&mut self.scroll, action)
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
            return match self.store.changes(&filter) {
                Ok(rows) => self.overlays.push(Overlay::History(History {
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
                title,
                rows,
                scroll: 0,
            })),
            Err(e) => self.failed(&e),
        }
    }
}
