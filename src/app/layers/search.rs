//! The search layer: a Chinese substring over projects, milestones and
//! notes, and the jump to a hit.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;
use crate::app::text::{Edited, edit, line_input};
use crate::store;

pub struct Search {
    pub input: tui_textarea::TextArea<'static>,
    pub hits: Vec<store::Hit>,
    pub sel: usize,
    pub error: Option<String>,
}

impl Default for Search {
    fn default() -> Search {
        Search {
            input: line_input(""),
            hits: Vec::new(),
            sel: 0,
            error: None,
        }
    }
}

impl Search {
    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }
}

impl Layered for Search {
    fn layer(&self) -> Layer {
        Layer::Search
    }

    fn update(&mut self, action: Action) -> Next {
        match action {
            Action::Cancel => Next::Close,
            Action::Down => {
                self.sel = pane::moved(self.sel, self.hits.len(), 1);
                Next::Stay
            }
            Action::Up => {
                self.sel = pane::moved(self.sel, self.hits.len(), -1);
                Next::Stay
            }
            Action::Submit => match self.hits.get(self.sel) {
                Some(hit) => Next::Do(Command::Jump(hit.clone())),
                None => Next::Stay,
            },
            _ => {
                let changed = edit(&mut self.input, action) == Some(Edited::Text);
                self.typed(changed)
            }
        }
    }

    fn input(&mut self) -> Option<&mut tui_textarea::TextArea<'static>> {
        Some(&mut self.input)
    }

    /// Every change to the text looks again.
    fn typed(&mut self, changed: bool) -> Next {
        if changed {
            Next::Do(Command::Search)
        } else {
            Next::Stay
        }
    }
}
