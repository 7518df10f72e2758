//! The help layer: every key of every layer, drawn from the key table.

use super::keymap::{Action, Layer};
use super::next::Layered;
use super::next::Next;
use super::overlay::scrolled;

pub struct Help {
    pub scroll: u16,
}

impl Layered for Help {
    fn layer(&self) -> Layer {
        Layer::Help
    }

    fn update(&mut self, action: Action) -> Next {
        scrolled(&mut self.scroll, action)
    }
}
