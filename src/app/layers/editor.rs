//! The note editor layer: typing a note, saving it, discarding it, and
//! the draft it keeps while the planner types.

use crate::app::App;
use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::overlay::Overlay;
use crate::app::text::{Edited, edit_lines};
use crate::app::undo::Undo;
use crate::domain::MilestoneChange;
use crate::store;
use std::time::Instant;

#[derive(Debug, Clone, PartialEq)]
pub enum NoteTarget {
    New { milestone: i64 },
    Edit { note: i64, version: i64 },
}

pub struct Editor {
    pub target: NoteTarget,
    pub input: tui_textarea::TextArea<'static>,
    pub original: String,
    pub error: Option<String>,
    /// The draft row holding this text, once saved.
    pub draft: Option<i64>,
    /// When the text last changed without a draft save since.
    pub typed_at: Option<std::time::Instant>,
    /// The file this text was kept in when the database could not take it.
    pub kept: Option<std::path::PathBuf>,
}

impl Editor {
    pub fn new(target: NoteTarget, text: &str, original: &str, draft: Option<i64>) -> Editor {
        Editor {
            target,
            input: crate::app::text::note_input(text),
            original: original.to_owned(),
            error: None,
            draft,
            typed_at: None,
            kept: None,
        }
    }

    pub fn draft_for(&self) -> store::DraftFor {
        match self.target {
            NoteTarget::New { milestone } => store::DraftFor::NewNote { milestone },
            NoteTarget::Edit { note, version } => store::DraftFor::EditNote { note, version },
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.original
    }
}

impl Layered for Editor {
    fn layer(&self) -> Layer {
        Layer::Editor
    }

    fn update(&mut self, action: Action) -> Next {
        match action {
            Action::Cancel if self.is_dirty() => Next::Do(Command::AskDiscard),
            Action::Cancel => Next::Close,
            Action::Save => Next::Do(Command::SaveNote),
            _ => {
                let changed = edit_lines(&mut self.input, action);
                self.typed(changed == Some(Edited::Text))
            }
        }
    }

    fn input(&mut self) -> Option<&mut tui_textarea::TextArea<'static>> {
        Some(&mut self.input)
    }

    /// A change starts the draft timer and clears a shown refusal.
    fn typed(&mut self, changed: bool) -> Next {
        if changed {
            self.typed_at = Some(Instant::now());
            self.error = None;
        }
        Next::Stay
    }

    fn unsaved(&self) -> bool {
        self.is_dirty()
    }

    fn multiline(&self) -> bool {
        true
    }
}

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
