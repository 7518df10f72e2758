//! The status menu layer.

use super::*;

impl App {
    pub(super) fn on_menu(&mut self, action: Action) {
        let Some(Overlay::Menu(m)) = self.overlays.last_mut() else {
            return;
        };
        let n = Menu::choices().len();
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Down => m.sel = pane::moved(m.sel, n, 1),
            Action::Up => m.sel = pane::moved(m.sel, n, -1),
            Action::Submit => {
                let (id, version, status) = (m.milestone, m.version, Menu::choices()[m.sel]);
                self.overlays.pop();
                match self.save_milestone(
                    id,
                    version,
                    MilestoneChange {
                        status: Some(status),
                        ..Default::default()
                    },
                ) {
                    Ok(msg) => self.after_write(msg),
                    Err(e) => {
                        let _ = self.reload();
                        self.failed(&e);
                    }
                }
            }
            _ => {}
        }
    }
}
