//! The layers drawn over the panes, and the one place that hands a key to
//! the layer that has the keyboard. Each layer keeps its state, its
//! `update` and what it asks the cockpit to do in its own file; adding a
//! layer means its file, its rows in the key table and one line in each
//! match below.

pub use super::confirm::Confirm;
pub use super::conflict::ConflictView;
pub use super::editor::Editor;
pub use super::form::Form;
pub use super::help::Help;
pub use super::history::History;
use super::keymap::{Action, Layer};
pub use super::menu::Menu;
use super::next::Next;
pub use super::search::Search;
use crate::i18n::Ui;
use crossterm::event::KeyEvent;
use tui_textarea::TextArea;

pub use super::confirm::Confirmed;
pub use super::editor::NoteTarget;
pub use super::form::Purpose;

pub enum Overlay {
    Search(Search),
    Form(Form),
    Menu(Menu),
    Editor(Editor),
    Confirm(Confirm),
    Help(Help),
    History(History),
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
            Overlay::Help(_) => Layer::Help,
            Overlay::History(_) => Layer::History,
            Overlay::Conflict(c) if c.replaced => Layer::Replaced,
            Overlay::Conflict(_) => Layer::Conflict,
        }
    }

    /// The layer's own answer to an action from the key table.
    pub fn update(&mut self, action: Action, ui: &'static Ui) -> Next {
        match self {
            Overlay::Search(s) => s.update(action),
            Overlay::Form(f) => f.update(action),
            Overlay::Menu(m) => m.update(action),
            Overlay::Editor(e) => e.update(action, ui),
            Overlay::Confirm(c) => c.update(action),
            Overlay::Help(h) => h.update(action),
            Overlay::History(h) => h.update(action),
            Overlay::Conflict(c) => c.update(action),
        }
    }

    /// A key the table does not claim, typed into a text layer.
    pub fn type_key(&mut self, key: KeyEvent) -> Next {
        let Some(input) = self.input_mut() else {
            return Next::Stay;
        };
        let changed = super::text::type_key(input, key);
        self.typed(changed)
    }

    /// Pasted text, cleaned for the field it goes into: line breaks stay
    /// only in a note.
    pub fn paste(&mut self, text: &str) -> Next {
        use crate::domain::text::{clean_line, clean_multiline};
        let clean = match self {
            Overlay::Editor(_) => clean_multiline(text).0,
            _ => clean_line(text).0,
        };
        let Some(input) = self.input_mut() else {
            return Next::Stay;
        };
        let changed = input.insert_str(clean);
        self.typed(changed)
    }

    fn input_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self {
            Overlay::Search(s) => Some(&mut s.input),
            Overlay::Form(f) => Some(&mut f.input),
            Overlay::Editor(e) => Some(&mut e.input),
            _ => None,
        }
    }

    fn typed(&mut self, changed: bool) -> Next {
        match self {
            Overlay::Search(s) => s.typed(changed),
            Overlay::Form(f) => f.typed(changed),
            Overlay::Editor(e) => e.typed(changed),
            _ => Next::Stay,
        }
    }

    /// Text typed here that would be lost if the cockpit closed now.
    pub fn unsaved_text(&self) -> bool {
        match self {
            Overlay::Form(f) => f.is_dirty(),
            Overlay::Editor(e) => e.is_dirty(),
            _ => false,
        }
    }
}

/// One step of scrolling in a reading layer (help, history).
pub(super) fn scrolled(scroll: &mut u16, action: Action) -> Next {
    match action {
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Cancel => return Next::Close,
        _ => {}
    }
    Next::Stay
}
