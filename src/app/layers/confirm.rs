//! The yes/no question layer: deletes, discarding text, quitting, drafts.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
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
