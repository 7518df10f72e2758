//! The history layer: one milestone's changes, newest first, who and when.

use super::overlay::scrolled;
use super::*;

pub struct History {
    pub title: String,
    pub rows: Vec<crate::domain::rows::HistoryRow>,
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
    /// `H` on a milestone.
    pub(super) fn open_history(&mut self) {
        let Some((id, title)) = self
            .focused()
            .and_then(Pane::selected_milestone)
            .map(|m| (m.id, m.title.clone()))
        else {
            return self.fail(self.ui().choose_milestone);
        };
        match self.store.history_of(id, HISTORY_LIMIT) {
            Ok(rows) => self.overlays.push(Overlay::History(History {
                title,
                rows,
                scroll: 0,
            })),
            Err(e) => self.failed(&e),
        }
    }
}
