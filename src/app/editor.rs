//! The note editor layer: saving, discarding, and the draft it keeps.

use super::*;

impl App {
    pub(super) fn on_editor(&mut self, action: Action) {
        let Some(Overlay::Editor(ed)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                if ed.is_dirty() {
                    let question = self.ui().discard_note.to_owned();
                    self.overlays.push(Overlay::Confirm(Confirm {
                        question,
                        on_yes: Confirmed::DiscardEditor,
                    }));
                } else {
                    self.overlays.pop();
                }
            }
            Action::Save => {
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
                    NoteTarget::Edit { note, version } => self
                        .store
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
                        }),
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
            Action::NewLine => {
                ed.input.insert_newline();
                ed.typed_at = Some(Instant::now());
                ed.error = None;
            }
            Action::Quit => {
                let question = self.ui().quit_discarding.to_owned();
                self.overlays.push(Overlay::Confirm(Confirm {
                    question,
                    on_yes: Confirmed::QuitDiscarding,
                }));
            }
            _ => {}
        }
    }

    /// True when a note editor holds text that was not saved.
    pub fn has_unsaved_text(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Editor(e) if e.is_dirty()))
    }
}
