//! The yes/no question layer: deletes, discarding text, quitting, drafts.

use super::*;

impl App {
    pub(super) fn on_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm(c)) = self.overlays.last() else {
            return;
        };
        let on_yes = c.on_yes.clone();
        match action {
            Action::No => {
                self.overlays.pop();
                if let Confirmed::RestoreDraft(d) = on_yes {
                    // Declined: the draft is discarded, and the next is offered.
                    self.drop_draft(Some(d.id));
                    self.offer_draft();
                }
            }
            Action::Yes => {
                self.overlays.pop();
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
            _ => {}
        }
    }
}
