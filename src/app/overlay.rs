//! The layers drawn over the panes: search, a one-field form, the status
//! menu, the note editor, a yes/no question and help.

use super::keymap::Layer;
use crate::domain::Status;
use crate::store::{Fields, Hit};
use tui_textarea::TextArea;

/// What a one-field form is for, and what it changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Value { milestone: i64, version: i64 },
    Due { milestone: i64, version: i64 },
    Target { milestone: i64, version: i64 },
    RenameMilestone { milestone: i64, version: i64 },
    RenameProject { project: i64, version: i64 },
    AddProject { direction: i64 },
    AddMilestone { project: i64 },
}

pub struct Form {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
    /// Why the last submit was refused; the text stays as typed.
    pub error: Option<String>,
}

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

#[derive(Debug, Clone, PartialEq)]
pub enum NoteTarget {
    New { milestone: i64 },
    Edit { note: i64, version: i64 },
}

pub struct Editor {
    pub target: NoteTarget,
    pub input: TextArea<'static>,
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
            input: note_input(text),
            original: original.to_owned(),
            error: None,
            draft,
            typed_at: None,
            kept: None,
        }
    }

    pub fn draft_for(&self) -> crate::store::DraftFor {
        match self.target {
            NoteTarget::New { milestone } => crate::store::DraftFor::NewNote { milestone },
            NoteTarget::Edit { note, version } => {
                crate::store::DraftFor::EditNote { note, version }
            }
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.original
    }
}

pub struct Search {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub sel: usize,
    pub error: Option<String>,
}

impl Search {
    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }
}

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
    RestoreDraft(crate::store::Draft),
}

pub struct Confirm {
    pub question: String,
    pub on_yes: Confirmed,
}

/// Someone saved the same thing since it was loaded: theirs beside mine.
pub struct ConflictView {
    /// Which field, in the planner's words.
    pub what: String,
    pub theirs: String,
    pub by: String,
    pub at: String,
    pub mine: String,
    /// Their version: saving over it from here is an informed overwrite.
    pub found_version: i64,
    /// The whole plan was replaced: there is nothing to save over, only
    /// the planner's text to read (it was also kept in a file).
    pub replaced: bool,
}

pub enum Overlay {
    Search(Search),
    Form(Form),
    Menu(Menu),
    Editor(Editor),
    Confirm(Confirm),
    Help {
        scroll: u16,
    },
    History {
        title: String,
        rows: Vec<crate::store::HistoryRow>,
        scroll: u16,
    },
    Conflict(ConflictView),
}

impl Overlay {
    pub fn layer(&self) -> Layer {
        match self {
            Overlay::Search(_) => Layer::Search,
            Overlay::Form(_) => Layer::Form,
            Overlay::Menu(_) => Layer::Menu,
            Overlay::Editor(_) => Layer::Editor,
            Overlay::Confirm(_) => Layer::Confirm,
            Overlay::Help { .. } => Layer::Help,
            Overlay::History { .. } => Layer::History,
            Overlay::Conflict(c) if c.replaced => Layer::Replaced,
            Overlay::Conflict(_) => Layer::Conflict,
        }
    }
}

/// What `u` undoes: the inverse of one change this session made. `version`
/// is the version the change gave the row and `was` the one it had before,
/// both as the store returned them: versions come from one file-wide
/// counter, so they cannot be worked out by adding one.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Milestone {
        id: i64,
        version: i64,
        was: i64,
        before: Fields,
    },
    NoteAdded {
        id: i64,
        version: i64,
    },
    NoteEdited {
        id: i64,
        version: i64,
        was: i64,
        before: String,
    },
    NoteDeleted(crate::store::NoteSnapshot),
    ProjectAdded {
        id: i64,
        version: i64,
    },
    MilestoneAdded {
        id: i64,
        version: i64,
    },
    ProjectRenamed {
        id: i64,
        version: i64,
        was: i64,
        before: String,
    },
}

/// A one-line text field, prefilled, with the caret at the end.
pub fn line_input(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.move_cursor(tui_textarea::CursorMove::End);
    t
}

pub fn note_input(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(text.lines().map(str::to_owned).collect());
    if t.lines().is_empty() {
        t = TextArea::default();
    }
    t.move_cursor(tui_textarea::CursorMove::Bottom);
    t.move_cursor(tui_textarea::CursorMove::End);
    t
}
