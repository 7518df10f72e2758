//! The yes/no question layer: deletes, discarding text, quitting, drafts.

use crate::app::App;
use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::overlay::Overlay;
use crate::app::undo::Undo;
use crate::store;

#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    /// With the version the planner saw when asked: a row changed since
    /// is not deleted on an answer given about what it was.
    DeleteProject {
        id: i64,
        version: i64,
    },
    DeleteMilestone {
        id: i64,
        version: i64,
    },
    DeleteNote {
        id: i64,
        version: i64,
    },
    DiscardEditor,
    QuitDiscarding,
    RestoreDraft(store::Draft),
}

pub struct Confirm {
    pub question: String,
    pub on_yes: Confirmed,
}

impl Layered for Confirm {
    fn layer(&self) -> Layer {
        Layer::Confirm
    }

    fn update(&mut self, action: Action) -> Next {
        let yes = match action {
            Action::Yes => true,
            Action::No => false,
            _ => return Next::Stay,
        };
        Next::Do(Command::Answer { yes })
    }
}

impl App {
    pub(in crate::app) fn declined(&mut self, about: Confirmed) {
        if let Confirmed::RestoreDraft(d) = about {
            // Declined: the draft is discarded, and the next is offered.
            self.drop_draft(Some(d.id));
            self.offer_draft();
        }
    }

    pub(in crate::app) fn confirmed(&mut self, on_yes: Confirmed) {
        let ui = self.ui();
        let result = match on_yes {
            Confirmed::DiscardEditor => {
                if let Some(Overlay::Editor(e)) = self.overlays.pop() {
                    self.drop_draft(e.draft);
                }
                return;
            }
            Confirmed::QuitDiscarding => {
                let draft = self.editor().and_then(|e| e.draft);
                self.drop_draft(draft);
                self.quit = true;
                return;
            }
            Confirmed::RestoreDraft(d) => {
                self.restore_draft(d);
                return;
            }
            Confirmed::DeleteProject { id, version } => {
                self.store.delete_project(id, Some(version)).map(|_| ())
            }
            Confirmed::DeleteMilestone { id, version } => {
                self.store.delete_milestone(id, Some(version)).map(|_| ())
            }
            Confirmed::DeleteNote { id, version } => self
                .store
                .delete_note(id, Some(version))
                .map(|s| self.undo.push(Undo::NoteDeleted(s))),
        };
        match result {
            Ok(()) => self.after_write(ui.deleted.to_owned()),
            Err(e) => {
                // Show what the row is now, so a second answer is
                // about that.
                let _ = self.reload();
                self.failed(&e);
            }
        }
    }
}
