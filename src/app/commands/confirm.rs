//! What a yes or no does: the answered question acted on.

use crate::app::App;
use crate::app::layers::confirm::Confirmed;
use crate::app::overlay::Overlay;
use crate::app::undo::Undo;

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
