//! The layers drawn over the panes, and the one place that hands a key to
//! the layer that has the keyboard. Each layer keeps its state and its
//! `update` in its file in `layers/`, and what its commands do to the
//! cockpit in its file in `commands/`; adding a layer means those files,
//! its rows in the key table and one line in `layers!` below.

use super::keymap::{Action, Layer};
pub use super::layers::agenda::AgendaView;
pub use super::layers::compare::CompareView;
pub use super::layers::confirm::Confirm;
pub use super::layers::conflict::ConflictView;
pub use super::layers::editor::Editor;
pub use super::layers::explain::ExplainView;
pub use super::layers::form::Form;
pub use super::layers::help::Help;
pub use super::layers::history::History;
pub use super::layers::menu::{Menu, MenuOf};
pub use super::layers::plans::PlansView;
pub use super::layers::search::Search;
use super::next::{Layered, Next};
use crossterm::event::KeyEvent;

pub use super::layers::confirm::Confirmed;
pub use super::layers::editor::NoteTarget;
pub use super::layers::form::Purpose;

/// The layer enum and its dispatch to each layer's `Layered`, from one
/// list: a new layer is one line here.
macro_rules! layers {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// A layer over the panes; the last one has the keyboard.
        pub enum Overlay {
            $($variant($ty)),*
        }

        impl Overlay {
            fn as_layer(&self) -> &dyn Layered {
                match self {
                    $(Overlay::$variant(l) => l),*
                }
            }

            fn as_layer_mut(&mut self) -> &mut dyn Layered {
                match self {
                    $(Overlay::$variant(l) => l),*
                }
            }
        }
    };
}

layers! {
    Search(Search),
    Form(Form),
    Menu(Menu),
    Editor(Editor),
    Confirm(Confirm),
    Help(Help),
    History(History),
    Conflict(ConflictView),
    Agenda(AgendaView),
    Explain(ExplainView),
    Compare(CompareView),
    Plans(PlansView),
}

impl Overlay {
    pub fn layer(&self) -> Layer {
        self.as_layer().layer()
    }

    /// The layer's own answer to an action from the key table.
    pub fn update(&mut self, action: Action) -> Next {
        self.as_layer_mut().update(action)
    }

    /// A key the table does not claim, typed into a text layer.
    pub fn type_key(&mut self, key: KeyEvent) -> Next {
        let layer = self.as_layer_mut();
        let Some(input) = layer.input() else {
            return Next::Stay;
        };
        let changed = super::text::type_key(input, key);
        layer.typed(changed)
    }

    /// Pasted text, cleaned for the field it goes into.
    pub fn paste(&mut self, text: &str) -> Next {
        use crate::domain::text::{clean_line, clean_multiline};
        let layer = self.as_layer_mut();
        let clean = if layer.multiline() {
            clean_multiline(text).0
        } else {
            clean_line(text).0
        };
        let Some(input) = layer.input() else {
            return Next::Stay;
        };
        let changed = input.insert_str(clean);
        layer.typed(changed)
    }

    /// The window changed size: the text field starts its view afresh.
    pub fn resized(&mut self) {
        if let Some(input) = self.as_layer_mut().input() {
            super::text::refit(input);
        }
    }

    /// Text typed here that would be lost if the cockpit closed now.
    pub fn unsaved_text(&self) -> bool {
        self.as_layer().unsaved()
    }
}
