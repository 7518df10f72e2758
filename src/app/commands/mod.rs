//! What the cockpit does for its layers: the `Command`s a layer's `update`
//! answers with, run against the store and the panes, one file per layer
//! (the layer's own state and keys are its file in `layers/`); and the two
//! pieces of cockpit work that are no layer's: the lights and undo.

mod agenda;
mod compare;
mod confirm;
mod conflict;
mod copy;
mod editor;
mod explain;
mod form;
mod history;
mod lights;
mod menu;
mod plans;
mod project_form;
mod search;
mod undo;
