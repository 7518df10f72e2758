//! What the comparison with a baseline does: read the baselines and what moved since.

use crate::app::App;
use crate::app::layers::compare::CompareView;
use crate::app::overlay::Overlay;

impl App {
    /// `B`: what moved since the newest baseline; a plan without one says
    /// how to save one.
    pub(in crate::app) fn open_compare(&mut self) {
        let baselines = match self.store.baselines() {
            Ok(b) => b,
            Err(e) => return self.failed(&e),
        };
        if baselines.is_empty() {
            return self.fail(self.ui().no_baselines);
        }
        let at = baselines.len() - 1;
        self.overlays.push(Overlay::Compare(CompareView {
            baselines,
            at,
            moved: Vec::new(),
            sel: 0,
        }));
        self.reload_compare();
    }

    /// The baseline chosen read against the plan as it is now.
    pub(in crate::app) fn reload_compare(&mut self) {
        let Some(Overlay::Compare(view)) = self.overlays.last() else {
            return;
        };
        let Some(name) = view.baselines.get(view.at).map(|b| b.name.clone()) else {
            return;
        };
        match self.store.moved_since(&name) {
            Ok((_, moved)) => {
                if let Some(Overlay::Compare(view)) = self.overlays.last_mut() {
                    view.moved = moved;
                    view.sel = 0;
                }
            }
            Err(e) => self.failed(&e),
        }
    }
}
