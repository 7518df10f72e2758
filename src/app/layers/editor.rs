//! The note editor layer: typing a note, saving it, discarding it, and
//! the draft it keeps while the planner types.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::text::{Edited, edit_lines};
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
