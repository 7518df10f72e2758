//! The conflict layer: another planner saved the same thing; theirs beside
//! mine, and the planner chooses.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::i18n::Lang;
use crate::store;

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

impl Layered for ConflictView {
    /// The plan replaced under a form is a notice with the planner's text:
    /// nothing to overwrite, only to close.
    fn layer(&self) -> Layer {
        if self.replaced {
            Layer::Replaced
        } else {
            Layer::Conflict
        }
    }

    fn update(&mut self, action: Action) -> Next {
        let found = self.found_version;
        match action {
            Action::KeepTheirs => Next::Do(Command::KeepTheirs),
            Action::Overwrite => Next::Do(Command::Overwrite { found }),
            Action::EditAgain => Next::Do(Command::EditAgain { found }),
            // The plan was replaced: the notice only closes.
            Action::Cancel => Next::Close,
            _ => Next::Stay,
        }
    }
}

pub(in crate::app) fn conflict_text(
    lang: Lang,
    clock: &crate::domain::Clock,
    c: &store::Conflict,
) -> String {
    lang.conflict(&c.by, &clock.local_minute(&c.at))
}
