//! The cockpit's layers, one file each: what a layer holds and shows, and
//! how it takes an action (`Layered::update`), answering with what should
//! happen next. What its commands do to the store and the panes is its
//! file in `commands/`. A layer's file names no `App`, so the cockpit can
//! hold every layer without a layer importing the cockpit back.

pub(super) mod agenda;
pub(super) mod compare;
pub(super) mod confirm;
pub(super) mod conflict;
pub(super) mod editor;
pub(super) mod explain;
pub(super) mod form;
pub(super) mod help;
pub(super) mod history;
pub(super) mod menu;
pub(super) mod plans;
pub(super) mod search;
