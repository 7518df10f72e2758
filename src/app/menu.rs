//! The status menu layer.

use super::next::Command;
use super::*;

pub struct Menu {
    pub milestone: i64,
    pub version: i64,
    pub sel: usize,
}

impl Menu {
    pub fn choices() -> &'static [Status] {
        &Status::ALL
    }
}

impl Layered for Menu {
    fn layer(&self) -> Layer {
        Layer::Menu
    }

    fn update(&mut self, action: Action) -> Next {
        let n = Menu::choices().len();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::Submit => {
                return Next::Do(Command::SetStatus {
                    milestone: self.milestone,
                    version: self.version,
                    status: Menu::choices()[self.sel],
                });
            }
            _ => {}
        }
        Next::Stay
    }
}

impl App {
    pub(super) fn set_status(&mut self, id: i64, version: i64, status: Status) {
        let change = MilestoneChange {
            status: Some(status),
            ..Default::default()
        };
        match self.save_milestone(id, version, change) {
            Ok(msg) => self.after_write(msg),
            Err(e) => {
                let _ = self.reload();
                self.failed(&e);
            }
        }
    }
}
