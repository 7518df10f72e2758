//! What the note editor's commands do: open it on a note, save, ask before discarding.

use crate::app::App;
use crate::app::layers::editor::NoteTarget;
use crate::app::overlay::Overlay;
use crate::app::undo::Undo;
use crate::domain::MilestoneChange;

impl App {
    /// Ctrl-S: the note is written, its draft dropped and the editor
    /// closed; a refusal keeps the text in the editor with the reason.
    pub(in crate::app) fn save_note(&mut self) {
        let Some(Overlay::Editor(ed)) = self.overlays.last() else {
            return;
        };
        let text = ed.text();
        let target = ed.target.clone();
        let draft = ed.draft;
        let result = match target {
            NoteTarget::New { milestone } => {
                let version = self.store.milestone(milestone).map(|m| m.version);
                version.and_then(|v| {
                    self.save_milestone(
                        milestone,
                        v,
                        MilestoneChange {
                            note: Some(text),
                            ..Default::default()
                        },
                    )
                })
            }
            NoteTarget::Edit { note, version } => {
                self.store
                    .update_note(note, version, &text)
                    .map(|(before, now)| {
                        if now != version {
                            self.undo.push(Undo::NoteEdited {
                                id: note,
                                version: now,
                                was: version,
                                before: before.note.body,
                            });
                        }
                        self.ui().saved.to_owned()
                    })
            }
        };
        match result {
            Ok(msg) => {
                self.overlays.pop();
                self.drop_draft(draft);
                self.after_write(msg);
            }
            Err(e) => {
                let why = self.form_error(e);
                if let Some(Overlay::Editor(ed)) = self.overlays.last_mut() {
                    ed.error = Some(why);
                }
            }
        }
    }
}
