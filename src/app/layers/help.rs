//! The help layer: every key of every layer, drawn from the key table.

use crate::app::keymap::{Action, Layer};
use crate::app::next::scrolled;
use crate::app::next::{Layered, Next};

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
