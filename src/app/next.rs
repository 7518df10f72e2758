//! What a layer's `update` answers, and what every layer does: the
//! vocabulary between the layers and the router. It names no layer, so
//! every layer can use it and the router can name them all.

use super::keymap::{Action, Layer};
use crate::domain::Status;
use crate::domain::rows::Hit;
use tui_textarea::TextArea;

/// What a layer's `update` asks for.
pub enum Next {
    Stay,
    /// Close this layer.
    Close,
    /// Something that needs the store or the panes, done by the cockpit.
    Do(Command),
}

pub enum Command {
    /// The search text changed: look again.
    Search,
    /// Close the search and go to this hit.
    Jump(Hit),
    /// Close the layer and go to this milestone.
    GoToMilestone(i64),
    /// The agenda: show the next direction, 工程 or owner (or all again).
    NarrowAgenda(crate::domain::agenda::Narrow),
    /// A project's history widened to its whole pane.
    PaneHistory,
    /// The plan-wide log's period or person changed: read it again.
    ReloadLog,
    /// Another baseline chosen to compare with: read it.
    ReloadCompare,
    /// Leave this plan for the one at this row of the plans side by side.
    OpenPlan(usize),
    /// Close the menu and have this week's report written in this format.
    WriteReport(crate::report::ReportKind, crate::report::ReportFormat),
    /// Close the menu and set the status.
    SetStatus {
        milestone: i64,
        version: i64,
        status: Status,
    },
    /// Write what the top form holds.
    SubmitForm,
    /// Save what the note editor holds.
    SaveNote,
    /// Close the question and act on the answer.
    Answer {
        yes: bool,
    },
    /// The note editor's text changed: ask before closing it.
    AskDiscard,
    /// Someone saved first: keep theirs, overwrite, or go on editing.
    KeepTheirs,
    Overwrite {
        found: i64,
    },
    EditAgain {
        found: i64,
    },
}

/// What every layer over the panes does. A layer's file holds its state
/// and this; the cockpit's own work for it (writing, jumping) is a
/// `Command` it returns.
pub trait Layered {
    /// Where the keyboard is while this layer is on top.
    fn layer(&self) -> Layer;
    /// Its answer to an action from the key table.
    fn update(&mut self, action: Action) -> Next;
    /// The text field keys are typed into, for a text layer.
    fn input(&mut self) -> Option<&mut TextArea<'static>> {
        None
    }
    /// The text changed (a key, a paste) or not.
    fn typed(&mut self, _changed: bool) -> Next {
        Next::Stay
    }
    /// Typed text that would be lost if the cockpit closed now.
    fn unsaved(&self) -> bool {
        false
    }
    /// Pasted line breaks are kept (the note editor) or made spaces.
    fn multiline(&self) -> bool {
        false
    }
}

/// One step of scrolling in a reading layer (help, history).
pub fn scrolled(scroll: &mut u16, action: Action) -> Next {
    match action {
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Cancel => return Next::Close,
        _ => {}
    }
    Next::Stay
}
